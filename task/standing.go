package task

import (
	"errors"
	"fmt"
	"slices"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Options is what the tasks of one plan are judged against: the plan's
// span, the working-day calendar, the unit directory and the caller's
// rules. The zero Options uses calendar.China(), no directory and the
// bizenv defaults; plan.Plan.TaskOptions fills Start and End from a plan.
//
// An Options value is read, never changed, by the functions that take it:
// one value may be shared by goroutines.
type Options struct {
	// Start is the day the plan's tasks start: the later of its issue date
	// and the first day of its period. A recurring report falls due only
	// for a reporting period (the month, quarter, half year or year it
	// closes) that begins on or after it: a plan issued on 13 May 2025
	// reports first for June, by 15 June. It is also where the share of
	// time elapsed (红黄绿灯) counts from. The zero Date puts no bound.
	Start calendar.Date
	// End is the last day of the plan's period: the due date of a task
	// with no deadline of its own (or an ongoing one), the day recurring
	// deadlines stop, and the day supervision gives way to close-out.
	End calendar.Date
	// Calendar counts working days; nil means calendar.China(). Use
	// calendar.China().WithProvisional() to date years with no notice yet:
	// every answer that rests on such a year is then marked provisional.
	Calendar *calendar.Calendar
	// Directory resolves unit names: aliases to one name, and group
	// phrases (各镇（街道）, 区直相关部门) to their member units, so that each
	// member reports, is supervised and is scored for its part. Nil keeps
	// names as written (folded).
	Directory *org.Directory
	// KeepDayOff keeps a due date that falls on a day off where it is. By
	// default it moves to the next working day, as the law does for the
	// last day of a period (民法典 第二百零三条): a report due on a Saturday
	// is on time on Monday.
	KeepDayOff bool
	// Progress is how a task's progress is made from its units' reports.
	Progress Rollup
	// Rules are the supervision ladder (督办).
	Rules Rules
	// Lights are the thresholds of the traffic lights (红黄绿灯).
	Lights LightRules
	// Policy is what the ledger accepts (Task.Record).
	Policy Policy
}

func (o Options) calendar() *calendar.Calendar {
	if o.Calendar == nil {
		return calendar.China()
	}
	return o.Calendar
}

// resolver turns names as written into the names the plan's units go by,
// remembering each answer for the length of one call.
type resolver struct {
	dir    *org.Directory
	names  map[string][]string
	single map[string]string
}

func (o Options) resolver() *resolver {
	return &resolver{dir: o.Directory, names: map[string][]string{}, single: map[string]string{}}
}

// canon returns the name of the unit written as name: the directory's
// name for a unit or an alias, otherwise the name folded.
func (r *resolver) canon(name string) string {
	if c, ok := r.single[name]; ok {
		return c
	}
	c := FoldName(name)
	if r.dir != nil {
		if res := r.dir.Resolve(name); res.Unit != nil {
			c = res.Unit.Name
		}
	}
	r.single[name] = c
	return c
}

// expand returns the units a name written in a task stands for: a group
// phrase's members (through the directory), or the one unit.
func (r *resolver) expand(name string) []string {
	if us, ok := r.names[name]; ok {
		return us
	}
	var us []string
	if r.dir != nil {
		if res := r.dir.Resolve(name); res.Group != nil {
			for _, u := range r.dir.Expand(*res.Group) {
				us = append(us, u.Name)
			}
			if len(us) == 0 { // a group with no members here: keep the phrase
				us = []string{FoldName(name)}
			}
		}
	}
	if us == nil {
		us = []string{r.canon(name)}
	}
	r.names[name] = us
	return us
}

// list expands a list of names, keeping the first of any repeated unit.
// The result is never changed by its callers: it may be names itself.
func (r *resolver) list(names []string) []string {
	if len(names) == 1 {
		return r.expand(names[0])
	}
	if r.dir == nil { // names as written: no copy when they are folded and distinct
		same := true
		for i, n := range names {
			if r.canon(n) != n {
				same = false
				break
			}
			for _, m := range names[:i] {
				if m == n {
					same = false
				}
			}
		}
		if same {
			return names
		}
	}
	var out []string
	for _, n := range names {
		for _, u := range r.expand(n) {
			dup := false
			for _, x := range out {
				dup = dup || x == u
			}
			if !dup {
				out = append(out, u)
			}
		}
	}
	return out
}

// parties are a task's units, expanded and resolved.
type parties struct {
	lead, responsible, supporting []string
	joint                         bool
}

func (r *resolver) parties(t *Task) parties {
	rs := &t.Responsibility
	return parties{lead: r.list(rs.Lead), responsible: r.list(rs.Responsible), supporting: r.list(rs.Supporting), joint: rs.Joint}
}

// accountable returns the units that answer for the task: the leads or,
// without a lead, the responsible units.
func (p parties) accountable() []string {
	if len(p.lead) > 0 {
		return p.lead
	}
	return p.responsible
}

// role returns the part unit u plays, u named as the lists name units.
func (p parties) role(u string) Role {
	switch {
	case slices.Contains(p.lead, u):
		return LeadRole
	case (p.joint || len(p.lead) == 0) && slices.Contains(p.responsible, u):
		return JointRole
	case slices.Contains(p.responsible, u):
		return Responsible
	case slices.Contains(p.supporting, u):
		return Supporting
	}
	return NoRole
}

// others returns every unit of the task but u, in order: leads,
// responsible, supporting.
func (p parties) others(u string) []string {
	var out []string
	for _, l := range [][]string{p.lead, p.responsible, p.supporting} {
		for _, x := range l {
			if x == u {
				continue
			}
			dup := false
			for _, y := range out {
				dup = dup || y == x
			}
			if !dup {
				out = append(out, x)
			}
		}
	}
	return out
}

func (r *resolver) roleOf(t *Task, unit string) Role { return r.parties(t).role(r.canon(unit)) }

// Rollup is how a task's progress is made from the progress its units
// report. Whatever the rule, a closed task is 100, and a task delegated
// down the chain is the mean of its parts (each part 100 once closed, 0
// until it reports).
type Rollup uint8

// The rules.
const (
	// MeanOfUnits (the default) is the mean of the accountable units'
	// latest progress, a unit that has not reported counting 0: on a joint
	// task (按职责分工负责) 区住建局 at 70 and 区数据局 at 30 make 50, and
	// a correction of one unit's report moves only its share.
	MeanOfUnits Rollup = iota
	// SlowestUnit is the least progress of any accountable unit: the task
	// is as far as its slowest part.
	SlowestUnit
	// LatestReport is the latest report whoever made it: the rule of a
	// task with one accountable unit, applied to all.
	LatestReport
)

var rollupNames = []struct{ json, zh string }{{"mean_of_units", "各单位平均"}, {"slowest_unit", "最慢单位"}, {"latest_report", "最新填报"}}

// String returns mean_of_units, slowest_unit or latest_report; an
// out-of-range value gives Rollup(N).
func (r Rollup) String() string {
	if int(r) < len(rollupNames) {
		return rollupNames[r].json
	}
	return fmt.Sprintf("Rollup(%d)", uint8(r))
}

// Chinese returns 各单位平均, 最慢单位 or 最新填报.
func (r Rollup) Chinese() string {
	if int(r) < len(rollupNames) {
		return rollupNames[r].zh
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler.
func (r Rollup) MarshalText() ([]byte, error) {
	if int(r) >= len(rollupNames) {
		return nil, fmt.Errorf("%w: rollup %d", ErrInvalidValue, uint8(r))
	}
	return []byte(rollupNames[r].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (r *Rollup) UnmarshalText(b []byte) error {
	for i, n := range rollupNames {
		if string(b) == n.json || string(b) == n.zh {
			*r = Rollup(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的进度规则 %q / unknown progress rule %q", ErrInvalidValue, b, b)
}

// UnitProgress is one unit's latest progress on a task.
type UnitProgress struct {
	// Unit is the unit.
	Unit string `json:"unit"`
	// Role is its part in the task.
	Role Role `json:"role"`
	// Percent is its latest progress in force (0 when it has not
	// reported).
	Percent decimal.Decimal `json:"percent"`
	// Reported tells whether it has reported at all.
	Reported bool `json:"reported"`
	// Date is the date of its latest report.
	Date calendar.Date `json:"date"`
}

// view is one task's ledger, read once for a call.
type view struct {
	all       []Entry
	st        ledgerState
	corrected []bool // by Seq; nil when nothing is corrected
	byUnit    []unitLatest
	anyone    *Entry
}

func newView(t *Task) *view { return newViewAt(t, calendar.Date{}) }

// correctedSeqs returns, by Seq, the reports a later entry corrects (nil
// when none).
func correctedSeqs(all []Entry) []bool {
	var c []bool
	for i := range all {
		if k := all[i].Corrects; k > 0 {
			if c == nil {
				n := 0
				for j := range all {
					n = max(n, all[j].Seq)
				}
				c = make([]bool, n+1)
			}
			if k < len(c) {
				c[k] = true
			}
		}
	}
	return c
}

// newViewAt is the task's ledger as it stood on asOf: the entries dated on
// or before it (all of them when asOf is zero). Judging a past day is not
// changed by what was recorded for later days.
func newViewAt(t *Task, asOf calendar.Date) *view {
	all := t.Ledger.all()
	if !asOf.IsZero() {
		// Entries are appended in time, so those on or before asOf are most
		// often the first ones: then the view is a prefix, not a copy.
		k := len(all)
		for i := range all {
			if all[i].Date.After(asOf) {
				k = i
				break
			}
		}
		prefix := true
		for i := k; i < len(all) && prefix; i++ {
			prefix = all[i].Date.After(asOf)
		}
		if prefix {
			all = all[:k:k]
		} else {
			kept := make([]Entry, 0, len(all))
			for i := range all {
				if !all[i].Date.After(asOf) {
					kept = append(kept, all[i])
				}
			}
			all = kept
		}
	}
	return &view{all: all, st: stateOf(all), corrected: correctedSeqs(all)}
}

// inForce reports whether e is a report that counts (not corrected and
// not returned), or the application to close in force (pending or
// approved, not returned and not reopened since).
func (v *view) inForce(e *Entry) bool {
	if e.Kind == Apply {
		return e.Seq == v.st.apply
	}
	if e.Kind != Report {
		return false
	}
	if e.Seq < len(v.corrected) && v.corrected[e.Seq] {
		return false
	}
	if _, approve, ok := v.st.decision(e.Seq); ok && !approve {
		return false
	}
	return true
}

// unitLatest is a unit's latest report in force.
type unitLatest struct {
	unit string
	best *Entry
}

// later reports whether e comes after best: by date, then by Seq.
func later(e, best *Entry) bool {
	return best == nil || e.Date.After(best.Date) || (e.Date == best.Date && e.Seq > best.Seq)
}

// latest returns unit u's latest report in force ("" for anyone's). The
// first call reads the ledger once for every unit.
func (v *view) latest(r *resolver, u string) (decimal.Decimal, calendar.Date, bool) {
	if v.byUnit == nil {
		v.byUnit = make([]unitLatest, 0, 4)
		for i := range v.all {
			e := &v.all[i]
			if !v.inForce(e) {
				continue
			}
			if later(e, v.anyone) {
				v.anyone = e
			}
			c := r.canon(e.Unit)
			found := false
			for j := range v.byUnit {
				if v.byUnit[j].unit == c {
					if later(e, v.byUnit[j].best) {
						v.byUnit[j].best = e
					}
					found = true
					break
				}
			}
			if !found {
				v.byUnit = append(v.byUnit, unitLatest{unit: c, best: e})
			}
		}
	}
	best := v.anyone
	if u != "" {
		best = nil
		for _, x := range v.byUnit {
			if x.unit == u {
				best = x.best
			}
		}
	}
	if best == nil {
		return decimal.Decimal{}, calendar.Date{}, false
	}
	return progressOf(*best), best.Date, true
}

// reportedIn reports whether unit u ("" for anyone) has a report in force
// dated from from to to, both included.
func (v *view) reportedIn(r *resolver, u string, from, to calendar.Date) bool {
	for i := range v.all {
		e := &v.all[i]
		if v.inForce(e) && !e.Date.Before(from) && !e.Date.After(to) && (u == "" || r.canon(e.Unit) == u) {
			return true
		}
	}
	return false
}

// UnitProgress returns the latest progress of each accountable unit, in
// the order the task names them, then of any other unit that reported.
// Names are resolved through o.Directory.
func (t *Task) UnitProgress(o Options) []UnitProgress {
	r := o.resolver()
	v := newView(t)
	ps := r.parties(t)
	var out []UnitProgress
	seen := map[string]bool{}
	add := func(u string) {
		if seen[u] {
			return
		}
		seen[u] = true
		p, d, ok := v.latest(r, u)
		out = append(out, UnitProgress{Unit: u, Role: ps.role(u), Percent: p, Reported: ok, Date: d})
	}
	for _, u := range ps.accountable() {
		add(u)
	}
	for i := range v.all {
		if e := &v.all[i]; v.inForce(e) {
			add(r.canon(e.Unit))
		}
	}
	return out
}

// Progress returns the task's progress, 0–100, by the default rule
// (MeanOfUnits, names as written); ok is false when nothing is reported
// anywhere below. See ProgressWith.
func (t *Task) Progress() (decimal.Decimal, bool) { return t.ProgressWith(Options{}) }

// ProgressWith returns the task's progress, 0–100, by o.Progress: a closed
// task is 100; a task delegated down the chain is the mean of its parts
// (each rolled up the same way, a closed part 100, a part with no report
// 0); otherwise the rule combines the accountable units' latest reports
// (see Rollup). ok is false when nothing is reported anywhere below.
func (t *Task) ProgressWith(o Options) (decimal.Decimal, bool) {
	return t.progress(o.resolver(), o.Progress, calendar.Date{}, 0)
}

// progress is ProgressWith as of asOf (zero: the whole ledger).
func (t *Task) progress(r *resolver, rule Rollup, asOf calendar.Date, depth int) (decimal.Decimal, bool) {
	return t.progressOf(r, rule, newViewAt(t, asOf), asOf, depth)
}

func (t *Task) progressOf(r *resolver, rule Rollup, v *view, asOf calendar.Date, depth int) (decimal.Decimal, bool) {
	return t.progressOfUnits(r, rule, v, asOf, depth, nil)
}

// progressOfUnits is progressOf with the task's accountable units, when
// the caller has them already (nil: worked out here).
func (t *Task) progressOfUnits(r *resolver, rule Rollup, v *view, asOf calendar.Date, depth int, units []string) (decimal.Decimal, bool) {
	if t.stateWith(v.all, &v.st, asOf, depth) == Done {
		return hundred, true
	}
	if len(t.Delegated) > 0 && depth < maxDepth {
		sum, n, any := decimal.Zero, 0, false
		for _, d := range t.Delegated {
			if d == nil || d.Status == Cancelled {
				continue
			}
			n++
			if p, ok := d.progress(r, rule, asOf, depth+1); ok {
				sum, any = sum.Add(p), true
			}
		}
		if any {
			return sum.DivRound(decimal.NewFromInt(int64(n)), 2), true
		}
	}
	if units == nil {
		units = r.parties(t).accountable()
	}
	if rule == LatestReport || len(units) == 0 {
		p, _, ok := v.latest(r, "")
		return p, ok
	}
	// Whole percents (what units report) are added as integers; any other
	// value goes the decimal way.
	var isum int64
	whole := true
	sum, any := decimal.Zero, false
	var least decimal.Decimal
	for i, u := range units {
		p, _, ok := v.latest(r, u)
		any = any || ok
		if n, ok := wholePercent(p); ok && whole {
			isum += n
		} else {
			whole = false
		}
		if i == 0 || p.LessThan(least) {
			least = p
		}
		if !whole {
			sum = sum.Add(p)
		}
	}
	if !any {
		return decimal.Decimal{}, false
	}
	if rule == SlowestUnit {
		return least, true
	}
	n := int64(len(units))
	if whole { // the mean to two places, rounded half up
		return decimal.New((isum*200+n)/(2*n), -2), true
	}
	sum = decimal.Zero
	for _, u := range units {
		p, _, _ := v.latest(r, u)
		sum = sum.Add(p)
	}
	return sum.DivRound(decimal.NewFromInt(n), 2), true
}

// wholePercent returns d as an integer when it is a whole number from 0 to
// 100 (written with no decimal places, as reports are).
func wholePercent(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 {
		return 0, false
	}
	c := d.CoefficientInt64()
	return c, c >= 0 && c <= 100
}

// Standing is where a task stands as of a day: its state, the due date in
// question, whether it is late, and the same for each accountable unit.
type Standing struct {
	// Task, Number and Title name the task.
	Task   uuid.UUID `json:"task"`
	Number string    `json:"number"` // as printed
	Title  string    `json:"title"`  // the task's title
	// State is the task's status (Task.State).
	State Status `json:"state"`
	// Deadline is the deadline in force (after any approved extension).
	Deadline *Deadline `json:"deadline,omitempty"`
	// Due is the due date in question: the earliest one a unit has missed
	// when the task is late, else the next one; moved off a day off
	// unless Options.KeepDayOff. Zero when the task has none.
	Due calendar.Date `json:"due"`
	// Late reports that some accountable unit is late.
	Late bool `json:"late"`
	// DaysLate is the most working days any unit is late.
	DaysLate int `json:"days_late,omitempty"`
	// Progress is the task's progress by Options.Progress; Reported is
	// false when nothing is reported.
	Progress decimal.Decimal `json:"progress"`
	Reported bool            `json:"reported"` // whether anything is reported
	// Units are the accountable units, each with its own standing.
	Units []UnitStanding `json:"units"`
	// Provisional reports that a date or count rests on a year the
	// calendar answers for only provisionally.
	Provisional bool `json:"provisional,omitempty"`
}

// UnitStanding is where one accountable unit stands on a task.
type UnitStanding struct {
	// Unit is the unit; Role its part (lead, or joint).
	Unit string `json:"unit"`
	Role Role   `json:"role"` // its part in the task
	// Progress is its latest progress in force, Reported whether it has
	// reported at all, LastReport the date of its latest report.
	Progress   decimal.Decimal `json:"progress"`
	Reported   bool            `json:"reported"`    // whether it has reported at all
	LastReport calendar.Date   `json:"last_report"` // the date of its latest report
	// Done reports that its part is finished: the task is closed or
	// awaiting review of an application, or (a fixed deadline) the unit's
	// own latest report is 100%.
	Done bool `json:"done"`
	// Due is the due date in question for the unit: the one it has missed
	// when Late, else the next (moved off a day off unless KeepDayOff);
	// Written is the same date as the document writes it.
	Due     calendar.Date `json:"due"`
	Written calendar.Date `json:"written"` // Due as the document writes it
	// From is the first day of the reporting period Due closes, for a
	// recurring deadline: a report dated from From counts for Due.
	From calendar.Date `json:"from"`
	// ReportedForDue reports, for a recurring deadline, that the unit has
	// already reported for Due.
	ReportedForDue bool `json:"reported_for_due,omitempty"`
	// Late reports that the unit has missed Due; DaysLate counts the
	// working days since, DaysLeft the working days to Due when not late.
	Late     bool `json:"late"`
	DaysLate int  `json:"days_late,omitempty"` // working days since Due, when Late
	DaysLeft int  `json:"days_left,omitempty"` // working days to Due, when not Late
}

// Standing returns where t stands as of asOf under o. An error (wrapping
// calendar.ErrUnknownYear) means a date it needs is in a year the
// calendar does not know; functions over many tasks list such a task as
// Undatable and go on.
//
// A unit is late on a fixed deadline (or an ongoing one: the plan's end)
// when, after the due date, its part is not done. On a recurring deadline
// it is late when the last due date that has passed found no report from
// it in that reporting period, and it has not reported since: a unit that
// skipped July is late even if its partner reported, and stops being late
// when it reports. Due dates run from Options.Start (or the task's Start)
// to the deadline's Until or Options.End, and move to the next working day
// when they fall on a day off (unless KeepDayOff).
func (t *Task) Standing(asOf calendar.Date, o Options) (Standing, error) {
	e := newEngine(o)
	st, err := e.standing(t, newViewAt(t, asOf), asOf, 0, true)
	st.Deadline = st.Deadline.clone()
	return st, err
}

// engine holds what one call over many tasks needs.
type engine struct {
	o   Options
	cal *calendar.Calendar
	r   *resolver
}

func newEngine(o Options) *engine { return &engine{o: o, cal: o.calendar(), r: o.resolver()} }

// shift returns where a due date written as d falls: the next working day
// when d is a day off, unless KeepDayOff.
func (e *engine) shift(d calendar.Date) (calendar.Date, error) {
	if e.o.KeepDayOff || d.IsZero() {
		return d, nil
	}
	return e.cal.WorkdayOnOrAfter(d)
}

// window is the span a task's due dates run in.
func (e *engine) window(t *Task, dl *Deadline) (start, end calendar.Date) {
	start = e.o.Start
	if t.Start.After(start) {
		start = t.Start
	}
	end = e.o.End
	if dl != nil && !dl.Until.IsZero() && (end.IsZero() || dl.Until.Before(end)) {
		end = dl.Until
	}
	return start, end
}

// counts reports whether occurrence oc falls in [start, end]: its
// reporting period begins on or after start, and its date is not after
// end.
func counts(oc occurrence, start, end calendar.Date) bool {
	return (start.IsZero() || !oc.From.Before(start)) && (end.IsZero() || !oc.Date.After(end))
}

// recurring returns the last counted occurrence of dl whose due date
// (shifted) is before asOf, and the first counted one whose due date is on
// or after it; counted means within [start, end] (see counts).
func (e *engine) recurring(dl *Deadline, asOf, start, end calendar.Date) (last, next occurrence, hasLast, hasNext bool, err error) {
	var passed, up occurrence
	havePassed, haveUp := false, false
	c, ok := dl.lastBefore(asOf)
	for i := 0; ok && i < 3; i++ {
		s, err := e.shift(c.Date)
		if err != nil {
			return last, next, false, false, err
		}
		if s.Before(asOf) {
			passed, havePassed = c, true
			break
		}
		c, ok = dl.prev(c)
	}
	if havePassed {
		up, haveUp = dl.next(passed)
	} else {
		up, haveUp = dl.nextOn(asOf)
	}
	if havePassed {
		last = passed
		for i := 0; !end.IsZero() && last.Date.After(end) && i < 1200; i++ {
			p, ok := dl.prev(last)
			if !ok {
				break
			}
			last = p
		}
		hasLast = counts(last, start, end)
	}
	if haveUp {
		next = up
		for i := 0; !start.IsZero() && next.From.Before(start) && i < 1200; i++ {
			n, ok := dl.next(next)
			if !ok {
				break
			}
			next = n
		}
		hasNext = counts(next, start, end)
	}
	return last, next, hasLast, hasNext, nil
}

// firstMissed returns the first counted occurrence after a unit's last
// report (dated last, when reported), up to the last occurrence passed.
func (e *engine) firstMissed(dl *Deadline, lastReport calendar.Date, reported bool, start calendar.Date, last occurrence) occurrence {
	var oc occurrence
	var ok bool
	switch {
	case reported:
		oc, ok = dl.nextOn(lastReport)
		if ok && !oc.From.After(lastReport) {
			oc, ok = dl.next(oc)
		}
	case !start.IsZero():
		oc, ok = dl.nextOn(start)
	}
	for i := 0; ok && !start.IsZero() && oc.From.Before(start) && i < 1200; i++ {
		oc, ok = dl.next(oc)
	}
	if !ok || oc.monthIndex > last.monthIndex {
		return last
	}
	return oc
}

// standing works out where t stands; withProgress adds the task's
// progress (Standing.Progress), which supervision does not need. The
// Deadline it returns is the ledger's own: callers outside the package get
// a copy.
func (e *engine) standing(t *Task, v *view, asOf calendar.Date, depth int, withProgress bool) (Standing, error) {
	s := Standing{Task: t.ID, Number: t.Number, Title: t.Title, State: t.stateWith(v.all, &v.st, asOf, depth)}
	ps := e.r.parties(t)
	units := ps.accountable()
	if withProgress {
		s.Progress, s.Reported = t.progressOfUnits(e.r, e.o.Progress, v, asOf, depth, units)
	}
	dl := effectiveDeadline(t, v.all, &v.st)
	s.Deadline = dl
	if !s.State.Open() || s.State == Suspended {
		return s, nil
	}
	if len(units) == 0 {
		units = []string{""}
	}
	start, end := e.window(t, dl)
	partDone := v.st.closure == pending || v.st.closure == closed
	var prov bool
	note := func(from, to calendar.Date) {
		if !prov && !from.IsZero() && !to.IsZero() && e.cal.ProvisionalBetween(from, to) {
			prov = true
		}
	}
	s.Units = make([]UnitStanding, 0, len(units))
	for _, u := range units {
		us := UnitStanding{Unit: u, Role: ps.role(u)}
		us.Progress, us.LastReport, us.Reported = v.latest(e.r, u)
		if dl != nil && dl.Kind.Recurs() {
			if !dl.valid() {
				s.Units = append(s.Units, us)
				continue
			}
			last, next, hasLast, hasNext, err := e.recurring(dl, asOf, start, end)
			if err != nil {
				return s, err
			}
			us.Done = partDone
			if hasLast && !partDone && (!us.Reported || us.LastReport.Before(last.From)) {
				// Late since the first due date missed after its last report:
				// a unit that skips month after month climbs the ladder.
				first := e.firstMissed(dl, us.LastReport, us.Reported, start, last)
				due, err := e.shift(first.Date)
				if err != nil {
					return s, err
				}
				us.Late, us.Due, us.Written, us.From = true, due, first.Date, first.From
				if us.DaysLate, err = e.cal.WorkdaysBetween(due, asOf); err != nil {
					return s, err
				}
				note(due, asOf)
			} else if hasNext {
				due, err := e.shift(next.Date)
				if err != nil {
					return s, err
				}
				us.Due, us.Written, us.From = due, next.Date, next.From
				us.ReportedForDue = v.reportedIn(e.r, u, next.From, asOf)
				if us.DaysLeft, err = e.cal.WorkdaysBetween(asOf, due); err != nil {
					return s, err
				}
				note(asOf, due)
			}
			s.Units = append(s.Units, us)
			continue
		}
		written := end
		if dl != nil && dl.Kind == OnDate {
			written = dl.Date
		}
		us.Done = partDone || (us.Reported && us.Progress.GreaterThanOrEqual(hundred))
		if written.IsZero() {
			s.Units = append(s.Units, us)
			continue
		}
		due, err := e.shift(written)
		if err != nil {
			return s, err
		}
		us.Due, us.Written = due, written
		if asOf.After(due) {
			if !us.Done {
				us.Late = true
				if us.DaysLate, err = e.cal.WorkdaysBetween(due, asOf); err != nil {
					return s, err
				}
				note(due, asOf)
			}
		} else {
			if us.DaysLeft, err = e.cal.WorkdaysBetween(asOf, due); err != nil {
				return s, err
			}
			note(asOf, due)
		}
		s.Units = append(s.Units, us)
	}
	for _, us := range s.Units {
		switch {
		case us.Late && (!s.Late || us.Due.Before(s.Due)):
			s.Due, s.Late = us.Due, true
		case !s.Late && !us.Due.IsZero() && !us.Done && (s.Due.IsZero() || us.Due.Before(s.Due)):
			s.Due = us.Due
		}
		if us.DaysLate > s.DaysLate {
			s.DaysLate = us.DaysLate
		}
	}
	if s.Due.IsZero() {
		for _, us := range s.Units {
			if !us.Due.IsZero() && (s.Due.IsZero() || us.Due.Before(s.Due)) {
				s.Due = us.Due
			}
		}
	}
	s.Provisional = prov
	return s, nil
}

// undatableOf describes t, which could not be dated as of asOf because of
// err; due is the deadline in question, when known.
func (e *engine) undatableOf(t *Task, asOf calendar.Date, err error) Undatable {
	v := newViewAt(t, asOf)
	dl := effectiveDeadline(t, v.all, &v.st)
	var due calendar.Date
	_, end := e.window(t, dl)
	switch {
	case dl != nil && dl.Kind == OnDate:
		due = dl.Date
	case dl != nil && dl.Kind.Recurs():
		due, _ = dl.Due(asOf)
	default:
		due = end
	}
	to := due
	var uy *calendar.UnknownYearError
	if errors.As(err, &uy) && (to.IsZero() || uy.Year > to.Year()) {
		to, _ = calendar.NewDate(uy.Year, 12, 31)
	}
	return undatable(t, due, asOf, to, e.cal, err)
}
