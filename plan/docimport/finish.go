package docimport

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
)

// finish applies the options, settles kind and period, units the document
// gives by rule or by section, IDs and dates.
func (p *parser) finish() {
	pl, o := p.plan, p.o
	p.flushTexts()
	for _, c := range p.cols {
		for _, f := range c.flags {
			c.Flagships = append(c.Flagships, *f)
		}
		pl.Columns = append(pl.Columns, c.Column)
	}
	for _, g := range p.guards {
		pl.Safeguards = append(pl.Safeguards, *g)
	}
	first := p.first()
	if o.Title != "" {
		pl.Title = o.Title
	}
	if !o.DocNumber.IsZero() {
		pl.DocNumber = o.DocNumber
	}
	if o.Issuer != "" {
		pl.Issuer = o.Issuer
	}
	if !o.Issued.IsZero() {
		pl.Issued = o.Issued
	}
	if pl.Title == "" {
		p.add(first, plan.Warning, "no_title", "没有找到标题，请用 Options.Title 给出", "no title found; give one with Options.Title")
	}
	if pl.DocNumber.IsZero() && pl.Issuer == "" && pl.Issued.IsZero() {
		p.add(first, plan.Info, "no_header", "没有找到文号、印发单位和印发日期", "no document number, issuer or date of issue found")
	}
	pl.Kind = kindFromTitle(pl.Title)
	if o.Kind != "" {
		pl.Kind = o.Kind
	}
	pl.Period = periodFromTitle(pl.Title)
	if o.Period != (plan.Period{}) {
		pl.Period = o.Period
	}
	year := 0
	if pl.Period.From != 0 && pl.Period.From == pl.Period.To {
		year = pl.Period.From
	}
	// Units given by a declared rule or for a whole section.
	for _, it := range p.items {
		p.inherit(it)
	}
	// Dates, then the period from them when the title gives none.
	p.allDates(year)
	minY, maxY := 0, 0
	for _, it := range p.items {
		if d := it.t.Deadline; d != nil && d.Kind == task.OnDate {
			if y := d.Date.Year(); minY == 0 || y < minY {
				minY = y
			}
			if y := d.Date.Year(); y > maxY {
				maxY = y
			}
		}
		for _, m := range it.t.Milestones {
			if y := m.Due.Year(); minY == 0 || y < minY {
				minY = y
			}
		}
	}
	if pl.Period == (plan.Period{}) {
		if minY != 0 {
			pl.Period = plan.Period{From: minY, To: maxY}
			p.add(first, plan.Info, "period_inferred", fmt.Sprintf("标题没有年份，按期限推定为 %d—%d 年", minY, maxY),
				fmt.Sprintf("the title gives no years; the period %d-%d is read from the deadlines", minY, maxY))
		} else {
			p.add(first, plan.Warning, "no_period", "标题没有年份，条目也没有期限，请用 Options.Period 给出", "no years in the title and no deadline in the items; give the period with Options.Period")
		}
	}
	for _, sys := range pl.IndicatorSystems {
		if strings.HasPrefix(sys.Source, "专栏") {
			sys.Source = strings.TrimSpace(pl.Title + " " + sys.Source)
		}
	}
	anyUnits := p.anyUnits()
	for _, it := range p.items {
		r := &it.t.Responsibility
		for _, l := range []*[]string{&r.Lead, &r.Responsible, &r.Supporting} {
			if *l == nil {
				*l = []string{} // empty lists, not null, in JSON
			}
		}
		if len(r.Lead)+len(r.Responsible)+len(r.Supporting) == 0 && anyUnits {
			b := it.b
			b.text = it.t.Number + "." + it.t.Title
			p.add(b, plan.Warning, "no_unit", "条目没有写明责任单位", "the item names no responsible unit")
		}
	}
	pl.AssignIDs() // the recipe of plan.Plan.AssignIDs: the same document gives the same IDs
}

// inherit gives an item the units a declared rule adds (以下均需…落实) and
// those its sections name for the roles it names none for.
func (p *parser) inherit(it *item) {
	r := &it.t.Responsibility
	for i := len(it.secs) - 1; i >= 0; i-- {
		su := p.secUnits[it.secs[i]]
		if su == nil {
			continue
		}
		if len(r.Lead) == 0 && len(su.r.Lead) > 0 {
			r.Lead = append([]string(nil), su.r.Lead...)
		}
		if len(r.Responsible) == 0 && len(su.r.Responsible) > 0 {
			r.Responsible = append([]string(nil), su.r.Responsible...)
			r.Joint = r.Joint || su.r.Joint
		}
		if len(r.Supporting) == 0 && len(su.r.Supporting) > 0 {
			r.Supporting = append([]string(nil), su.r.Supporting...)
		}
	}
	for _, u := range it.implied {
		if r.RoleOf(u) == task.NoRole {
			r.Responsible = append(r.Responsible, u)
		}
	}
}

// anyUnits reports whether some item names a unit: a document that names
// none (a programme) is not reported item by item.
func (p *parser) anyUnits() bool {
	for _, it := range p.items {
		r := it.t.Responsibility
		if len(r.Lead)+len(r.Responsible)+len(r.Supporting) > 0 {
			return true
		}
	}
	return false
}

// allDates reads every item's dates, on all cores for a long plan (each
// item's are its own), the findings kept in the items' order.
func (p *parser) allDates(year int) {
	found := make([][]Finding, len(p.items))
	workers := runtime.GOMAXPROCS(0)
	if len(p.items) < 512 {
		workers = 1
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(p.items) {
					return
				}
				found[i] = dates(p.items[i], year)
			}
		}()
	}
	wg.Wait()
	for _, fs := range found {
		p.findings = append(p.findings, fs...)
	}
}

// dates reads an item's deadline and milestones and returns what it could
// not read: the time limit written for it (完成时限, its unit bracket, a table
// cell) is the deadline; the dated phrases of its text are milestones, and
// the latest of them the deadline when no time limit is written.
func dates(it *item, year int) []Finding {
	var fs []Finding
	t := it.t
	text := t.Title + "。" + t.Body
	ds, noYear := findDates(text, year)
	for _, s := range noYear {
		b := it.b
		b.text = s
		fs = append(fs, finding(b, plan.Warning, "deadline_no_year", "“"+s+"”没有年份，规划跨多年或没有年份，未设期限", "“"+s+"” gives no year and the plan spans several years or none; no deadline set"))
	}
	var latest *dated
	for i := range ds {
		d := &ds[i]
		if latest == nil || d.due.After(latest.due) {
			latest = d
		}
		if tg := targets(d.clause); len(tg) > 0 || len(ds) > 1 {
			t.Milestones = append(t.Milestones, task.Milestone{Due: d.due, Targets: tg, Text: d.clause})
		}
	}
	if it.limit != "" {
		return append(fs, timeLimit(it, year)...)
	}
	if latest != nil {
		t.Deadline = &task.Deadline{Kind: task.OnDate, Date: latest.due, Text: latest.phrase}
		return fs
	}
	if m := reMonthly.FindStringSubmatch(text); m != nil {
		if d, err := task.ParseDeadline(m[0]); err == nil {
			t.Deadline = &d
		}
	}
	return fs
}

// timeLimit reads the time limit written for an item: a date or a
// recurrence is its deadline; 长期坚持 and 持续推进 name none (the plan's end
// applies; the limit is kept in the item's text); what cannot be read is
// kept in the text and reported.
func timeLimit(it *item, year int) []Finding {
	t, s := it.t, it.limit
	b := it.limitAt
	b.text = s
	if isOngoing(s) {
		appendBody(t, "完成时限："+s)
		return []Finding{finding(b, plan.Info, "deadline_ongoing", "完成时限“"+s+"”没有截止日期，按规划期末处理", "the time limit “"+s+"” names no date; the plan's end applies")}
	}
	if d, ok := readLimit(s, year); ok {
		t.Deadline = d
		return nil
	}
	appendBody(t, "完成时限："+s)
	if _, noYear := findDates(s, year); len(noYear) > 0 {
		return []Finding{finding(b, plan.Warning, "deadline_no_year", "完成时限“"+s+"”没有年份，规划跨多年或没有年份，未设期限", "the time limit “"+s+"” gives no year and the plan spans several years or none; no deadline set")}
	}
	return []Finding{finding(b, plan.Warning, "deadline_unread", "无法读取完成时限“"+s+"”，保留在条目正文中", "cannot read the time limit “"+s+"”; kept in the item's text")}
}

// appendBody adds a line to a task's text.
func appendBody(t *task.Task, s string) {
	if t.Body == "" {
		t.Body = s
		return
	}
	t.Body += "\n" + s
}
