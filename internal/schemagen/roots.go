package main

import (
	"reflect"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/credit"
	"github.com/bizenv/bizenv/internal/cliout"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
	"github.com/bizenv/bizenv/task"
)

// root is one published schema: a Go type and what the file says of it.
type root struct {
	// name is the file's name without .schema.json, and the NAME of
	// bizenv schema NAME.
	name, title, description string
	typ                      reflect.Type
	// output marks a format bizenv writes and others read: the fields it
	// always writes are required. The formats others write (plans, cases)
	// require nothing the decoder does not.
	output bool
	// aliases marks a format others write that is decoded without
	// strictjson.Options.Canonical: its enumerations take their Chinese
	// names too.
	aliases bool
	// fields adds keywords to single fields (Type.Field).
	fields map[string]*obj
	// notes adds to the descriptions of single fields (Type.Field).
	notes map[string]string
}

// ledgerNotes say which rules of a ledger are validation findings.
var ledgerNotes = map[string]string{
	"Entry.Seq":      "A seq that does not follow its place (1 for the first entry, 2 for the second …) is a validation finding (ledger_rule of bizenv check), not a decoding error: a JSON Schema cannot compare a value with its place.",
	"Entry.Percent":  "Outside 0–100 it is a validation finding (ledger_rule), as every rule of the ledger is.",
	"Entry.Corrects": "It must name an earlier report of the same unit; otherwise a validation finding (ledger_rule).",
	"Entry.Ref":      "It must name an earlier entry that is reviewed and not yet decided on; otherwise a validation finding (ledger_rule).",
	"Deadline.Day":   "每季度末 is quarterly with day 0 (or no day).",
	"Deadline.Month": "A month outside 1–12 is a validation finding (task_rule).",
}

// roots are the published schemas, in the order bizenv schema lists them.
func roots() []root {
	return []root{
		{name: "plan", title: "bizenv plan", typ: reflect.TypeFor[plan.Plan](), description: planDescription,
			fields: map[string]*obj{"Plan.SchemaVersion": newObj("pattern", `^(1\.(0|[1-9][0-9]{0,8}))?$`)}, notes: ledgerNotes},
		{name: "findings", title: "bizenv check findings", typ: reflect.TypeFor[[]plan.Finding](), output: true,
			description: "What `bizenv check --format json` prints: the findings of plan.Plan.Validate and plan.CheckAgainst, or the decode_* findings of a plan that cannot be read, in document order."},
		{name: "baseline", title: "bizenv check baseline", typ: reflect.TypeFor[plan.Baseline](), output: true,
			description: "The file `bizenv check --write-baseline FILE` writes and `bizenv check --baseline FILE` reads: the findings accepted as known, each by a key that inserting an item does not move (plan.FindingKey)."},
		{name: "report", title: "bizenv plan report", typ: reflect.TypeFor[plan.Report](), output: true,
			description: "What `bizenv report --format json` prints: plan.NewReportWith."},
		{name: "actions", title: "bizenv supervision actions", typ: reflect.TypeFor[[]task.Action](), output: true,
			description: "Supervision actions (督办) as delivered: the actions of a report, and what `bizenv report --sent FILE` reads back (task.DecodeActions)."},
		{name: "supervision", title: "bizenv supervision", typ: reflect.TypeFor[task.Supervision](), output: true,
			description: "The supervision due on a day: task.Actions."},
		{name: "import-findings", title: "bizenv import findings", typ: reflect.TypeFor[[]docimport.Finding](), output: true,
			description: "What `bizenv import --findings FILE` writes: the importer's findings, each with its place in the document."},
		{name: "approval-case", title: "bizenv approval case", typ: reflect.TypeFor[approval.Case](), aliases: true,
			description: "An approval case (办件) and its event log, as `bizenv approval status CASE.json` reads it (approval.DecodeCase). Kinds and reasons are written in English and read in Chinese too (补正 for correction)."},
		{name: "approval-status", title: "bizenv approval status", typ: reflect.TypeFor[approval.Report](), output: true,
			description: "What `bizenv approval status --format json` prints: a case's timers as of an instant (approval.Status). Asked about an instant before the case was submitted, it prints approval-not-submitted instead."},
		{name: "approval-alerts", title: "bizenv approval alerts", typ: reflect.TypeFor[[]approval.Alert](), output: true,
			description: "The warnings and breaches of running timers: approval.Alerts."},
		{name: "approval-catalog", title: "bizenv approval catalog", typ: reflect.TypeFor[[]approval.Process](), output: true,
			description: "What `bizenv approval catalog --format json` prints: the approval processes with their stages and limits."},
		{name: "approval-stats", title: "bizenv approval statistics", typ: reflect.TypeFor[[]approval.Stats](), output: true,
			description: "What `bizenv approval stats --format json` prints: approval.Statistics."},
		{name: "calendar-overlay", title: "bizenv calendar overlay", typ: reflect.TypeFor[calendar.Overlay](), output: true,
			description: "A calendar overlay: what `bizenv holidays import NOTICE.txt` prints and `--calendar FILE` reads."},
		{name: "draw-record", title: "bizenv draw record", typ: reflect.TypeFor[credit.DrawRecord](), output: true,
			description: "What `bizenv draw` prints: a double-random draw, verifiable with `bizenv draw verify`."},
		{name: "holidays", title: "bizenv holidays", typ: reflect.TypeFor[cliout.Holidays](), output: true,
			description: "What `bizenv holidays [YEAR] --format json` prints: a year's holidays and 调休 working days, where the arrangement comes from, and when a 20-working-day approval accepted today falls due."},
		{name: "workday-is", title: "bizenv workday is", typ: reflect.TypeFor[[]cliout.Day](), output: true,
			description: "What `bizenv workday is DATE... --format json` prints: each day's kind, holiday and whether it is a working day."},
		{name: "workday-add", title: "bizenv workday add", typ: reflect.TypeFor[cliout.WorkdaySum](), output: true,
			description: "What `bizenv workday add DATE N --format json` prints."},
		{name: "workday-between", title: "bizenv workday between", typ: reflect.TypeFor[cliout.WorkdayCount](), output: true,
			description: "What `bizenv workday between FROM TO --format json` prints."},
		{name: "workday-next", title: "bizenv workday next", typ: reflect.TypeFor[cliout.NextWorkday](), output: true,
			description: "What `bizenv workday next DATE --format json` prints."},
		{name: "deadline", title: "bizenv deadline", typ: reflect.TypeFor[cliout.Deadline](), output: true,
			description: "What `bizenv deadline START PERIOD --format json` prints; with --law, the law applied, the period as it counts it, the articles and the explanation."},
		{name: "uscc", title: "bizenv uscc", typ: reflect.TypeFor[[]cliout.USCCCheck](), output: true,
			description: "What `bizenv uscc CODE... --format json` prints: each code checked and explained."},
		{name: "draw-verified", title: "bizenv draw verify", typ: reflect.TypeFor[cliout.DrawVerified](), output: true,
			description: "What `bizenv draw verify RECORD --format json` prints when the record reproduces (when it does not, the command fails with exit status 1)."},
		{name: "approval-not-submitted", title: "bizenv approval status before submission", typ: reflect.TypeFor[cliout.NotSubmitted](), output: true,
			description: "What `bizenv approval status --format json` prints instead of approval-status when asked about an instant before the case was submitted (not_submitted is true)."},
		{name: "tasks", title: "bizenv tasks", typ: reflect.TypeFor[[]*task.Task](), output: true, notes: ledgerNotes,
			description: "What `bizenv ledger show --format json` prints (the task asked for, or every task with a ledger or a state of its own), `bizenv ledger status --format json` (the task in its new status) and `bizenv ledger delegate --format json` (the parts created): tasks in their state on the store, each with its ledger."},
		{name: "ledger-append", title: "bizenv ledger append", typ: reflect.TypeFor[cliout.Appended](), output: true, notes: ledgerNotes,
			description: "What `bizenv ledger add` and `bizenv ledger close` print with --format json: the entries recorded and the task's state after them."},
		{name: "store-supervision", title: "bizenv supervision on a store", typ: reflect.TypeFor[[]cliout.PlanActions](), output: true,
			description: "What `bizenv supervise --format json` prints: for each plan supervised, the actions decided on the day and recorded as sent (a rerun lists none of them again)."},
		{name: "supervise-reply", title: "bizenv supervise reply", typ: reflect.TypeFor[task.Reply](), output: true,
			description: "What `bizenv supervise reply --format json` prints: the unit's reply to a supervision notice (督办单), as recorded."},
		{name: "bulletin", title: "bizenv bulletin", typ: reflect.TypeFor[task.Bulletin](), output: true,
			description: "What `bizenv bulletin --format json` prints: a period's bulletin (通报): the tasks closed in it (on time or late), those overdue, each unit's score and rank by the rules given, and the tasks that cannot be dated (task.NewBulletin)."},
		{name: "approval-record", title: "bizenv approval record", typ: reflect.TypeFor[cliout.Recorded](), output: true,
			description: "What `bizenv approval record --format json` prints: the case with the event appended, as stored, and its timers."},
	}
}

const planDescription = `A plan document (规划, 行动方案, 若干措施, N条) as package plan reads and writes it.

This schema accepts exactly what plan.Decode accepts: a document valid here decodes, and one it refuses is refused by Decode with a decode_* finding at the same JSON Pointer. Every value is written as bizenv writes it: enumerations by their English names ("in_progress", not "推进中"), decimals as strings ("10", not 10), UUIDs in lower case, dates as YYYY-MM-DD, 文号 as normalised (辽政办发〔2022〕14号). Beyond what a schema can see, a document must be I-JSON (RFC 7493): UTF-8, each key once in an object, no unpaired surrogate; and at most 256 MiB.

What a schema cannot state is checked by plan.Plan.Validate (bizenv check) as findings, not by decoding: a ledger's numbering (seq 1, 2, 3 … in order) and its other rules (percent 0–100, a correction or review that points to an earlier entry, closure in order) are ledger_rule; a deadline's month and day, a period that runs backwards, IDs missing or used twice, and the rest are listed on plan.Finding. Fields are optional: a missing title or period is a finding too.

Compatibility: schema_version is MAJOR.MINOR. A minor version adds optional fields and codes only, so a reader of 1.x reads every 1.y (an older reader refuses fields it does not know: upgrade the reader first); a major version changes or removes something. A plan without schema_version is 1.0.`
