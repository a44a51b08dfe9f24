// Command bizenv is the command line of the bizenv SDK: China's official
// working-day calendar, statutory deadlines, approval timers, credit codes,
// double-random draws, importing issued documents, and plan checks and
// reports.
//
// Usage:
//
//	bizenv <command> [subcommand] [flags] [arguments]
//
// Commands:
//
//	holidays [YEAR]              this year's (or YEAR's) holiday breaks, make-up working days and their source
//	holidays import NOTICE.txt   a State Council holiday notice's text as the JSON --calendar reads
//	workday is DATE...           whether each date is a working day, and why
//	workday add DATE N           the N-th working day after DATE (before it when N < 0)
//	workday between FROM TO      the working days in (FROM, TO]
//	workday next DATE            the first working day after DATE
//	deadline START PERIOD        the last day of a statutory period (20工作日, 15日, 3个月, 1年)
//	approval catalog             the approval processes with their stages and limits
//	approval status CASE.json    a case's timers as of --at (RFC 3339; default now), with explanations
//	approval stats CASES.jsonl   statistics of finished cases by process, stage and unit
//	uscc CODE...                 parse and explain unified social credit codes (--lenient, --tolerate-check)
//	draw --population P.csv --roster R.csv --policy POLICY.json --seed S
//	                             a double-random draw, printed as a verifiable record (JSON)
//	draw verify RECORD.json --population P.csv --roster R.csv
//	                             re-run a draw record; exit status 0 only if it reproduces
//	import FILE [--format json] [--findings F.json] [--title T] [--period 2021-2025] [--issuer U] [--doc-number N] [--issued DATE] [--source S]
//	                             read an issued document's text (UTF-8) into a plan; --format json prints the
//	                             plan JSON with the findings on standard error (--findings: also as JSON);
//	                             exit status 1 on an error finding
//	check PLAN.json [--parent PARENT.json] [--directory UNITS.json] [--baseline FILE] [--write-baseline FILE]
//	                             check a plan, and against its parent: findings with codes and JSON Pointers
//	                             (a plan whose fields cannot be read gives decode_* findings); exit status 1
//	                             on an error not in the baseline, 2 for input that is not a plan at all
//	report PLAN.json --as-of DATE [--observations OBS.json] [--format text|json|html]
//	                             overdue tasks, workload per unit, indicator attainment
//	schema [NAME]                the JSON Schema of a JSON format (plan, findings, report, actions, approval-case …);
//	                             without a name, the list
//	report --plan REF --db DB --as-of DATE
//	                             the same from a store: the plan in its state, the actions sent, the observations stored
//	check --plan REF --db DB [--parent-plan REF]
//	                             check a stored plan in its state (with its ledgers), against a stored parent or --parent FILE
//
// On a store (--db: a SQLite file, bizenv.db by default, or a postgres:// URL;
// a plan is named by --plan: its id, 文号 or title; a task by --task: its number):
//
//	import FILE --db DB          store the imported plan (FILE may also be a plan's JSON); the same document again adds no version
//	ledger add --plan P --task N --unit U --percent P [--kind K] [--date D]
//	                             record a ledger entry (a progress report, or any kind: apply, approve, return, recheck, extend, carry_over)
//	ledger close apply|approve|return|recheck --plan P --task N --unit U [--evidence F]... [--reason R]
//	                             a step of 销号: approve and return decide the application awaiting review
//	ledger show|status|delegate  a task's ledger and state; a status change; a delegation to streets
//	supervise --plan P|--all [--as-of DATE]
//	                             the day's supervision, recorded as sent: a rerun sends nothing new
//	supervise reply --plan P --action ID --unit U --text T
//	                             a unit's reply to a 督办单
//	bulletin --plan P --period 2025-10|2025Q3|2025 [--as-of DATE] [--format text|json|html]
//	                             a period's bulletin with scores and a ranking
//	approval record --case ID --kind KIND [--process P] [--at TIME] ...
//	                             an approval case's event, checked against its process
//	approval alerts [--at TIME] [--fire]
//	                             open cases near or past a limit; --fire gives each once
//
// Every command takes --help, --format text|json, --lang zh|en (text in
// one language; both by default; JSON always has both), --calendar FILE (a JSON
// overlay or an .ics feed laid over the built-in calendar; - reads standard
// input; repeatable) and --provisional (years no notice arranges yet are
// answered from the statutory holidays, and every such answer is marked
// 暂定 / provisional). A date within 60 days of the last day a notice
// confirms, or past it, gets a warning on standard error. File arguments may be - for standard input. Errors
// go to standard error in Chinese and English, with exit status 2; check
// exits 1 when the plan has errors, import when the text has no numbering. Flags may come before or after the arguments. A date
// is 2025-12-31, 2025年12月31日 or today (the date in Beijing).
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now()))
}
