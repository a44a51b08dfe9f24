package credit

import (
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// RepairRules is the national rule set for dishonesty records and their
// repair (信用修复) in force over a period: how long a record of each
// severity is published, and what repair requires. Which set applies is
// decided by the date of the decision a record rests on (RepairRulesOn).
type RepairRules struct {
	// ID names the set: "ndrc-2023-58", "ndrc-2025-36".
	ID string `json:"id"`
	// Name is the rules' title.
	Name string `json:"name"`
	// Source cites the document and its number.
	Source string `json:"source"`
	// From is the first day in force.
	From calendar.Date `json:"from"`
	// Until is the last day in force; zero while in force.
	Until calendar.Date `json:"until"`
	// Publicity are the publicity periods by severity.
	Publicity map[Severity]PublicityPeriod `json:"publicity"`
	// Conditions are what an entity must meet to apply for repair.
	Conditions []Condition `json:"conditions"`
	// Unconfirmed says what bizenv took from secondary sources rather than
	// the text; empty when all was checked.
	Unconfirmed string `json:"unconfirmed,omitempty"`
}

// Condition is one condition of applying for repair.
type Condition struct {
	// ID is the condition's stable name: min_publicity, duties_fulfilled,
	// commitment, other_law.
	ID string `json:"id"`
	// ZH says it in Chinese.
	ZH string `json:"zh"`
	// EN says it in English.
	EN string `json:"en"`
	// Source cites where it is set.
	Source string `json:"source"`
}

// The conditions' IDs.
const (
	CondMinPublicity    = "min_publicity"    // the shortest publicity has run
	CondDutiesFulfilled = "duties_fulfilled" // the act corrected and the duties fulfilled
	CondCommitment      = "commitment"       // a public credit commitment made
	CondOtherLaw        = "other_law"        // any further condition of a law, regulation or rule
)

const (
	src2023 = "国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号），自2023年5月1日起施行"
	src2025 = "国家发展改革委《信用修复管理办法》（国家发展改革委令第36号，2025年11月20日公布），自2026年4月1日起施行，同时废止令2023年第58号；" +
		"依据国务院办公厅《关于进一步完善信用修复制度的实施方案》（国办发〔2025〕22号）"
)

// RepairRuleSets returns the rule sets bizenv models, oldest first:
//
//   - ndrc-2023-58, 2023-05-01 to 2026-03-31: 国家发展改革委令2023年第58号.
//     Administrative penalty information is published for at least 3
//     months and at most 3 years; repair (early end of publicity) may be
//     applied for once the shortest period has run. These figures are as
//     a 2023 service guide of 深圳市住房和建设局 restates the measures (the
//     measures' text was not read): see Unconfirmed.
//   - ndrc-2025-36, from 2026-04-01: 国家发展改革委令第36号《信用修复管理办法》,
//     第二章: minor dishonesty is in principle not published (if a sector
//     publishes it, for at most 3 months, and repair may be applied for
//     once the legal duties are fulfilled); general dishonesty 3 months to
//     1 year; serious dishonesty 1 to 3 years; periods count from the
//     decision; publication stops by itself at the longest period.
//     第三章: repair requires all of the shortest period run, the act
//     corrected and the duties fulfilled, a public credit commitment, and
//     any further condition of a law, regulation or rule. The same three
//     classes and periods are set by 国办发〔2025〕22号 二.
//
// Each call returns fresh values.
func RepairRuleSets() []RepairRules {
	m := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Months} }
	y := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Years} }
	pub2023 := "行政处罚信息最短公示期3个月、最长3年（深圳市住房和建设局《行政处罚信用信息修复》办事指南转述令2023年第58号）"
	pub2025 := "令第36号第二章；国办发〔2025〕22号二、完善失信信息分类标准"
	return []RepairRules{{
		ID: "ndrc-2023-58", Name: "失信行为纠正后的信用信息修复管理办法（试行）", Source: src2023,
		From: date(2023, time.May, 1), Until: date(2026, time.March, 31),
		Publicity: map[Severity]PublicityPeriod{
			Minor:   {Published: true, Min: m(3), Max: y(3), Source: pub2023},
			General: {Published: true, Min: m(3), Max: y(3), Source: pub2023},
			Serious: {Published: true, Min: m(3), Max: y(3), Source: pub2023},
		},
		Conditions: []Condition{
			{CondMinPublicity, "最短公示期届满后方可申请提前终止公示", "early end of publicity may be applied for once the shortest period has run", pub2023},
			{CondDutiesFulfilled, "纠正失信行为、履行相关义务", "the dishonest act corrected and the duties fulfilled", src2023 + "第三条（信用信息修复的定义）"},
		},
		Unconfirmed: "公示期限未见办法原文，据深圳市住房和建设局办事指南转述（并称特种设备、安全生产、消防领域最短1年，bizenv 未按领域区分）；" +
			"办法未按轻微、一般、严重分类，三类取同一期限 / the periods were not read in the measures' text but in a Shenzhen service guide " +
			"(which adds a one-year minimum for special equipment, work safety and fire safety, not modelled); the measures do not class by severity, so the three classes share them",
	}, {
		ID: "ndrc-2025-36", Name: "信用修复管理办法", Source: src2025,
		From: date(2026, time.April, 1),
		Publicity: map[Severity]PublicityPeriod{
			Minor:   {Published: false, Min: m(0), Max: m(3), Source: pub2025 + "：轻微失信信息原则上不予公示；确有必要公示的，公示期最长不超过3个月，且法定责任履行完毕即可申请修复"},
			General: {Published: true, Min: m(3), Max: y(1), Source: pub2025 + "：一般失信信息最短公示期3个月，最长1年"},
			Serious: {Published: true, Min: y(1), Max: y(3), Source: pub2025 + "：严重失信信息最短公示期1年，最长3年"},
		},
		Conditions: []Condition{
			{CondMinPublicity, "达到最短公示期限（轻微失信：法定责任履行完毕即可）", "the shortest publicity has run (minor: once the legal duties are fulfilled)", "令第36号第三章，条件（一）"},
			{CondDutiesFulfilled, "纠正失信行为，完全履行行政处罚、异常名录或严重失信主体名单等规定的义务", "the act corrected and the duties of the penalty, abnormal list or serious-dishonesty list fulfilled", "令第36号第三章，条件（二）"},
			{CondCommitment, "公开作出信用承诺，承诺材料真实有效并愿承担违反承诺的责任", "a public credit commitment that the materials are true, accepting liability for breaking it", "令第36号第三章，条件（三）"},
			{CondOtherLaw, "法律、行政法规、部门规章要求的其他条件", "any further condition of a law, administrative regulation or departmental rule", "令第36号第三章，条件（四）"},
		},
		Unconfirmed: "办法全文未读，内容据国家发展改革委公布时的多家报道一致转述；条文序号（共六章30条）未核对 / the text was not read in full but as several reports of its publication quote it alike; article numbers (six chapters, 30 articles) not checked",
	}}
}

// RepairRulesOn returns the rule set in force on d, the date of the
// decision a record rests on. Dates before 2023-05-01 are an error: the
// rules before the 2023 measures are not modelled.
func RepairRulesOn(d calendar.Date) (RepairRules, error) {
	sets := RepairRuleSets()
	for i := len(sets) - 1; i >= 0; i-- {
		r := sets[i]
		if !d.Before(r.From) && (r.Until.IsZero() || !d.After(r.Until)) {
			return r, nil
		}
	}
	return RepairRules{}, fmt.Errorf("%w: bizenv 未收录 %s 适用的信用修复规则（最早为2023年5月1日起施行的令第58号）/ bizenv has no repair rules for %s (the earliest are those in force from 2023-05-01)",
		ErrInvalidRecord, d, d)
}

// PublicityOn returns the publicity period of a record of severity s whose
// decision is dated d, under the rules then in force.
func PublicityOn(s Severity, d calendar.Date) (PublicityPeriod, error) {
	r, err := RepairRulesOn(d)
	if err != nil {
		return PublicityPeriod{}, err
	}
	p, ok := r.Publicity[s]
	if !ok {
		return PublicityPeriod{}, fmt.Errorf("%w: 严重程度 %s 不是轻微、一般或严重 / severity %s is not minor, general or serious", ErrInvalidRecord, echo(string(s)), echo(string(s)))
	}
	return p, nil
}
