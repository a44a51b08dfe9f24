package approval

import (
	"fmt"
	"slices"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
)

// Stage is one stage (阶段 / 环节) of a process, named as its source names
// it.
type Stage struct {
	// Name identifies the stage within its process (申请受理).
	Name string `json:"name"`
	// Limit is the stage's own time limit; nil when only the whole process
	// is limited.
	Limit *calendar.Period `json:"limit,omitempty"`
}

// Citation is where a figure of a process comes from: a document or
// statute, the place in it, and its words.
type Citation struct {
	// Of says what the citation supports: promised, statutory, stages,
	// steps, extension, notice, hours or validity.
	Of string `json:"of"`
	// Document is the plan or statute (鲅鱼圈区营商环境优化行动方案（2021-2024年）
	// （鲅政办发〔2022〕1号）, 行政许可法).
	Document string `json:"document"`
	// Provision is the place in it: 第四十二条, 13., 专栏1.
	Provision string `json:"provision,omitempty"`
	// Quote is the document's own words, as printed.
	Quote string `json:"quote"`
	// Checked reports that Quote was compared with a copy of the text
	// (the seed documents for plans; a published copy of the statute);
	// false marks a figure taken on trust from the request that asked for
	// it.
	Checked bool `json:"checked"`
}

// Jurisdiction is the place whose plan (or law) promises a process's
// limits.
type Jurisdiction struct {
	// Region is the GB/T 2260 region of the issuing government; the zero
	// Region is the whole country (a national law).
	Region org.Region `json:"region"`
	// Zone is the development zone inside Region whose own plan it is
	// (鞍山高新区); empty for a region's plan.
	Zone string `json:"zone,omitempty"`
	// Name names the place for people: 全国, 辽宁省, 营口市鲅鱼圈区.
	Name string `json:"name"`
}

// Covers reports whether the jurisdiction's promises apply in region (and,
// when zone is not empty, in that development zone of it): a national law
// covers everywhere; a region's plan covers the region and every region
// below it; a zone's plan covers only that zone.
func (j Jurisdiction) Covers(region org.Region, zone string) bool {
	if j.Zone != "" && j.Zone != zone {
		return false
	}
	if j.Region.IsZero() {
		return true
	}
	for _, r := range region.Chain() {
		if r == j.Region {
			return true
		}
	}
	return false
}

// Validity is the span in which a process's limits are in force, both
// days included; a zero From or To leaves that end open.
type Validity struct {
	// From is the first day in force.
	From calendar.Date `json:"from"`
	// To is the last day in force.
	To calendar.Date `json:"to"`
	// Basis says why these days: the plan's period, the deadline by which
	// a target must be met, the day a law took effect.
	Basis string `json:"basis"`
}

// Contains reports whether d is in force.
func (v Validity) Contains(d calendar.Date) bool {
	return (v.From.IsZero() || !d.Before(v.From)) && (v.To.IsZero() || !d.After(v.To))
}

// Process is a kind of approval or service with time limits: its stages,
// the limit promised for the whole (承诺时限), the limit the law sets
// (法定时限), the extension allowed, the acceptance modes offered, the
// working hours its time is counted in, the place whose plan promises it
// and when.
type Process struct {
	// ID is a stable identifier (power-high-voltage).
	ID string `json:"id"`
	// Service groups processes for the same service across places and
	// years (power-high-voltage for 鲅鱼圈's and 高新区's high-voltage
	// connection).
	Service string `json:"service,omitempty"`
	// Name is the process's name (获得电力（普通高压）).
	Name string `json:"name"`
	// Source cites, in one line, where the limits come from; Citations
	// give each figure with its words.
	Source string `json:"source"`
	// Citations are the sources of each figure.
	Citations []Citation `json:"citations,omitempty"`
	// Jurisdiction is the place whose plan (or law) sets the limits.
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	// Validity is when the limits are in force.
	Validity Validity `json:"validity"`
	// Stages are the process's stages, in order, as the source names
	// them; empty when the source names none.
	Stages []Stage `json:"stages,omitempty"`
	// Steps is the number of steps (环节) the source gives when it does
	// not name them (企业开办压缩至2个环节); 0 when it names them or says
	// nothing.
	Steps int `json:"steps,omitempty"`
	// Promised is the limit promised for the whole process; nil when there
	// is none.
	Promised *calendar.Period `json:"promised,omitempty"`
	// Statutory is the limit the law sets, when it sets one; it is timed
	// beside the promised limit, and compression is measured against it.
	Statutory *calendar.Period `json:"statutory,omitempty"`
	// Extension is the most that one extension may add to a limit (行政许可
	// 法 第四十二条: 十日, counted in working days); nil when no extension is
	// allowed. Each limit may be extended once, in its own unit.
	Extension *calendar.Period `json:"extension,omitempty"`
	// Notice is the period within which an incomplete application must be
	// told, once, everything it lacks, failing which it is accepted on the
	// day the materials were received (行政许可法 第三十二条: 五日); nil
	// when that rule does not apply.
	Notice *calendar.Period `json:"notice,omitempty"`
	// Hours are the working hours the process's time is counted in; the
	// zero value is 09:00–17:00.
	Hours WorkingHours `json:"hours"`
	// Modes are the acceptance modes offered; empty means Normal only.
	Modes []Mode `json:"modes,omitempty"`
}

// Stage returns the stage named name, and whether there is one.
func (p *Process) Stage(name string) (Stage, bool) {
	if p == nil {
		return Stage{}, false
	}
	for _, s := range p.Stages {
		if s.Name == name {
			return s, true
		}
	}
	return Stage{}, false
}

// Clone returns a deep copy of p: nothing in it is shared with p.
func (p *Process) Clone() *Process {
	if p == nil {
		return nil
	}
	c := *p
	c.Citations = slices.Clone(p.Citations)
	c.Stages = slices.Clone(p.Stages)
	for i := range c.Stages {
		c.Stages[i].Limit = clonePeriod(c.Stages[i].Limit)
	}
	c.Promised, c.Statutory = clonePeriod(p.Promised), clonePeriod(p.Statutory)
	c.Extension, c.Notice = clonePeriod(p.Extension), clonePeriod(p.Notice)
	c.Modes = slices.Clone(p.Modes)
	return &c
}

func clonePeriod(p *calendar.Period) *calendar.Period {
	if p == nil {
		return nil
	}
	x := *p
	return &x
}

// maxPeriod is the largest N calendar.Period allows.
const maxPeriod = 1_000_000

// Validate reports whether p can time cases: it has an ID; its limits
// count working days, natural days or hours (not months or years); an
// extension is in the unit of every limit it may extend; a process whose
// hours run round the clock has no working-day limit; stage names are
// present and distinct. The error wraps ErrInvalidProcess.
func (p *Process) Validate() error {
	if p == nil {
		return fmt.Errorf("%w: 未给出流程 / no process given", ErrInvalidProcess)
	}
	bad := func(zh, en string) error {
		return fmt.Errorf("%w: 流程 %q：%s / process %q: %s", ErrInvalidProcess, p.ID, zh, p.ID, en)
	}
	if p.ID == "" {
		return bad("缺少编号", "no id")
	}
	// limit checks one limit; what is built only for a message.
	limit := func(what func() string, l *calendar.Period, extendable bool) error {
		if l == nil {
			return nil
		}
		if l.N < 0 || l.N > maxPeriod || l.Unit > calendar.Hours {
			return bad(what()+"无效", what()+" is invalid")
		}
		switch l.Unit {
		case calendar.Workdays:
			if p.Hours.always {
				return bad(what()+" 以工作日计，但工作时间为全天", what()+" counts working days but the hours run round the clock")
			}
		case calendar.Days, calendar.Hours:
		default:
			return bad(fmt.Sprintf("%s %s：计时只支持工作日、日或小时", what(), l), fmt.Sprintf("%s %s: timers count working days, days or hours", what(), l.English()))
		}
		if extendable && p.Extension != nil && p.Extension.Unit != l.Unit {
			return bad(fmt.Sprintf("延长 %s 与%s %s 单位不同", p.Extension, what(), l), fmt.Sprintf("the extension %s is not in the unit of %s %s", p.Extension.English(), what(), l.English()))
		}
		return nil
	}
	named := func(s string) func() string { return func() string { return s } }
	if err := limit(named("承诺时限"), p.Promised, true); err != nil {
		return err
	}
	if err := limit(named("法定时限"), p.Statutory, true); err != nil {
		return err
	}
	if p.Extension != nil && p.Extension.N <= 0 {
		return bad("延长时限须大于0", "an extension must be more than 0")
	}
	if p.Notice != nil {
		if err := limit(named("告知补正期限"), p.Notice, false); err != nil {
			return err
		}
		if p.Notice.Unit == calendar.Hours {
			return bad("告知补正期限应以日或工作日计", "the notice period must be in days or working days")
		}
	}
	for i, s := range p.Stages {
		if s.Name == "" || slices.ContainsFunc(p.Stages[:i], func(t Stage) bool { return t.Name == s.Name }) {
			return bad(fmt.Sprintf("环节名称为空或重复：%q", s.Name), fmt.Sprintf("a stage name is empty or repeated: %q", s.Name))
		}
		if err := limit(func() string { return "环节 " + s.Name + " 的时限" }, s.Limit, true); err != nil {
			return err
		}
	}
	if !p.Validity.From.IsZero() && !p.Validity.To.IsZero() && p.Validity.To.Before(p.Validity.From) {
		return bad("有效期结束早于开始", "the validity ends before it begins")
	}
	return nil
}

// Lookup returns the catalog process with id, whether or not it is in
// force today (see CatalogFor).
func Lookup(id string) (Process, bool) {
	for _, p := range Catalog() {
		if p.ID == id {
			return p, true
		}
	}
	return Process{}, false
}

// CatalogFor returns the catalog processes that apply in region (and zone,
// for a development zone's own plan; empty otherwise) on day on: those of
// a national law, of a plan of region or of a region above it, or of the
// zone's own plan, whose validity contains on. Pass the zero Region for the
// national laws alone. The zero Date is an error wrapping ErrInvalidCase.
func CatalogFor(region org.Region, zone string, on calendar.Date) ([]Process, error) {
	if on.IsZero() {
		return nil, fmt.Errorf("%w: 未给出日期 / no date given", ErrInvalidCase)
	}
	var out []Process
	for _, p := range Catalog() {
		if p.Jurisdiction.Covers(region, zone) && p.Validity.Contains(on) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Processes maps process IDs to processes for scans over many cases.
type Processes map[string]*Process

// CatalogProcesses returns the whole catalog as a Processes map of fresh
// copies.
func CatalogProcesses() Processes {
	m := Processes{}
	for _, p := range Catalog() {
		p := p
		m[p.ID] = &p
	}
	return m
}

// EnforcementPeriod returns how a period of n days set under 行政强制法 is
// counted: 第六十九条 counts periods of ten days or less in working days,
// and longer ones in natural days.
//
// Deprecated: use calendar.CompulsionLaw.Count, or Calendar.DeadlineUnder,
// which also name the article.
func EnforcementPeriod(n int) calendar.Period {
	p := calendar.Period{N: n, Unit: calendar.Days}
	if n <= 10 {
		p.Unit = calendar.Workdays
	}
	return p
}
