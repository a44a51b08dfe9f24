package credit

import (
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// TaxRules is one set of rules of the tax credit grading (纳税信用评价) and
// the period it is in force, with the documents it rests on and what
// bizenv could not confirm of them. TaxRulesFor picks the set for an
// evaluation year.
type TaxRules struct {
	// ID names the set: "sat-2014-40", "sat-2018-8", "sat-2025-12".
	ID string `json:"id"`
	// Name is the rules' title.
	Name string `json:"name"`
	// Source cites the documents, with their numbers.
	Source string `json:"source"`
	// From is the first day in force.
	From calendar.Date `json:"from"`
	// Until is the last day in force; zero while in force.
	Until calendar.Date `json:"until"`
	// Grades are the grades, best first.
	Grades []Grade `json:"grades"`
	// Labels say what each grade means, by grade.
	Labels map[Grade]string `json:"labels"`
	// MSource cites the rule that sets grade M; empty when there is no M.
	MSource string `json:"m_source,omitempty"`
	// NewSource cites what the rules say of a newly established entity.
	NewSource string `json:"new_source"`
	// Unconfirmed says what of these rules bizenv took from secondary
	// sources or carried over without reading the text; empty when all was
	// checked.
	Unconfirmed string `json:"unconfirmed,omitempty"`
}

// taxLabels are the grade meanings the 2014 measures set (A, B, C, D) and
// 公告2018年第8号 extended with M.
var taxLabels = [...]struct {
	g  Grade
	zh string
}{
	{"A", "年度评价指标得分90分以上"},
	{"B", "年度评价指标得分70分以上不满90分"},
	{"M", "新设立，或评价年度内无生产经营业务收入且年度评价指标得分70分以上（均未发生直接判级D的失信行为）"},
	{"C", "年度评价指标得分40分以上不满70分"},
	{"D", "年度评价指标得分不满40分，或直接判级确定"},
}

// TaxRuleSets returns the rule sets bizenv models, oldest first:
//
//   - sat-2014-40: 《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号），
//     in force from 2014-10-01: grades A, B, C, D; an enterprise under tax
//     credit management for less than one evaluation year is not evaluated.
//   - sat-2018-8: the same as amended by 《关于纳税信用评价有关事项的公告》
//     （国家税务总局公告2018年第8号）一, from 2018-04-01: grade M for a
//     newly established enterprise, or one with no business income in the
//     year and a score of 70 or more, if it did none of the dishonest acts
//     that make D directly (《纳税信用管理办法（试行）》第二十条).
//   - sat-2025-12: 《纳税缴费信用管理办法》（国家税务总局公告2025年第12号），
//     from 2025-07-01, which replaces them and adds social insurance and
//     non-tax fees; 第十五条: the evaluation period is a calendar year. The
//     grades and the M conditions are carried over from sat-2018-8 (see
//     Unconfirmed).
//
// Each call returns fresh values.
func TaxRuleSets() []TaxRules {
	labels := func(hasM bool) map[Grade]string {
		m := map[Grade]string{}
		for _, l := range taxLabels {
			if l.g != "M" || hasM {
				m[l.g] = l.zh
			}
		}
		return m
	}
	return []TaxRules{{
		ID: "sat-2014-40", Name: "纳税信用管理办法（试行）",
		Source: "国家税务总局公告2014年第40号《纳税信用管理办法（试行）》，自2014年10月1日起施行",
		From:   date(2014, time.October, 1), Until: date(2018, time.March, 31),
		Grades: []Grade{"A", "B", "C", "D"}, Labels: labels(false),
		NewSource:   "纳入纳税信用管理时间不满一个评价年度的，不参加本期评价",
		Unconfirmed: "条文序号未核对；A、B、C、D 的分数线与2018年第8号公告所述相同 / article numbers not checked; the score bands are those 公告2018年第8号 restates",
	}, {
		ID: "sat-2018-8", Name: "纳税信用管理办法（试行）（经公告2018年第8号修改）",
		Source: "国家税务总局公告2014年第40号；国家税务总局《关于纳税信用评价有关事项的公告》（国家税务总局公告2018年第8号）一、关于新增纳税信用级别",
		From:   date(2018, time.April, 1), Until: date(2025, time.June, 30),
		Grades: []Grade{"A", "B", "M", "C", "D"}, Labels: labels(true),
		MSource:     "公告2018年第8号一：未发生《信用管理办法》第二十条所列失信行为的下列企业适用M级纳税信用：（一）新设立企业；（二）评价年度内无生产经营业务收入且年度评价指标得分70分以上（含70分）的企业",
		NewSource:   "公告2018年第8号一（一）：新设立企业适用M级",
		Unconfirmed: "M 级条件据多份转述一致引用；公告的施行日（2018年4月1日）未见原文 / the M conditions as several secondary sources quote them alike; the start date (2018-04-01) not seen in the text",
	}, {
		ID: "sat-2025-12", Name: "纳税缴费信用管理办法",
		Source: "国家税务总局公告2025年第12号《纳税缴费信用管理办法》，自2025年7月1日起施行；第十五条：纳税缴费信用评价周期为一个公历年度",
		From:   date(2025, time.July, 1),
		Grades: []Grade{"A", "B", "M", "C", "D"}, Labels: labels(true),
		MSource:   "沿用公告2018年第8号的M级条件 / carried over from 公告2018年第8号",
		NewSource: "第十五条：距首次在税务机关办理税费事宜时间不满一个评价年度的经营主体，不参加本期年度评价；新设立经营主体适用M级（沿用）",
		Unconfirmed: "未读到本办法规定级别与M级条件的条文；税务总局称本办法“保持评价目标原则、制度框架和评价结果基本稳定”，故沿用2018年第8号的分数线与M级条件 / " +
			"the articles setting the grades and M were not read; the administration says the framework and results stay basically stable, so the 2018 bands and M conditions are carried over",
	}}
}

// TaxRulesFor returns the rule set that governs the evaluation of year: the
// one in force on 31 December of it (the year evaluated, not the next
// spring when grades are published). Years before 2014 are an error: the
// rules then are not modelled.
func TaxRulesFor(year int) (TaxRules, error) {
	end, err := calendar.NewDate(year, time.December, 31)
	if err != nil {
		return TaxRules{}, fmt.Errorf("%w: 评价年度 %d 无效 / evaluation year %d is invalid", ErrInvalidGrade, year, year)
	}
	sets := TaxRuleSets()
	for i := len(sets) - 1; i >= 0; i-- {
		r := sets[i]
		if !end.Before(r.From) && (r.Until.IsZero() || !end.After(r.Until)) {
			return r, nil
		}
	}
	return TaxRules{}, fmt.Errorf("%w: bizenv 未收录 %d 年度适用的纳税信用评价规则（最早为2014年度）/ bizenv has no tax credit rules for the evaluation of %d (the earliest is 2014)",
		ErrInvalidGrade, year, year)
}

// Scheme returns the rules' grades as a Scheme.
func (r TaxRules) Scheme() Scheme {
	return Scheme{Name: "纳税信用等级（" + r.Name + "）", Source: r.Source, From: r.From, Until: r.Until, Grades: r.Grades, Labels: r.Labels}
}

// TaxCredit returns the tax credit grades that govern the evaluation of
// year (see TaxRulesFor).
func TaxCredit(year int) (Scheme, error) {
	r, err := TaxRulesFor(year)
	if err != nil {
		return Scheme{}, err
	}
	return r.Scheme(), nil
}

// TaxFacts are what a tax credit grade rests on for one entity and year.
type TaxFacts struct {
	// Year is the evaluation year (a calendar year).
	Year int `json:"year"`
	// Score is the year's evaluation score (年度评价指标得分), 0–100.
	Score decimal.Decimal `json:"score"`
	// NewlyEstablished marks a newly established entity (新设立), as the
	// rules in force define it.
	NewlyEstablished bool `json:"newly_established,omitempty"`
	// NoBusinessIncome marks an entity with no business income in the year
	// (评价年度内无生产经营业务收入).
	NoBusinessIncome bool `json:"no_business_income,omitempty"`
	// DirectD marks a dishonest act that makes the grade D directly (直接判级).
	DirectD bool `json:"direct_d,omitempty"`
}

// TaxGrade grades f under the rules of its year (TaxRulesFor) and returns
// the rules applied. D by direct determination always wins. Then, where the
// rules have M (公告2018年第8号 on): M for a newly established entity, and
// for one without business income whose score is 70 or more — without
// business income and below 70, the score decides as for anyone. Otherwise
// A at 90 and above, B from 70, C from 40, D below 40. Under the 2014
// measures a newly established enterprise is not evaluated: an error. A
// score outside 0–100 is an error.
func TaxGrade(f TaxFacts) (Grade, TaxRules, error) {
	r, err := TaxRulesFor(f.Year)
	if err != nil {
		return "", TaxRules{}, err
	}
	if !boundedDecimal(f.Score, MaxPercentPlaces) || f.Score.IsNegative() || f.Score.GreaterThan(decimal.NewFromInt(100)) {
		return "", r, fmt.Errorf("%w: 纳税信用得分 %s 须为0–100，至多6位小数 / tax credit score %s must be 0 to 100 with at most 6 decimal places", ErrInvalidGrade, shortDecimal(f.Score), shortDecimal(f.Score))
	}
	seventy := decimal.NewFromInt(70)
	hasM := r.MSource != ""
	switch {
	case f.DirectD:
		return "D", r, nil
	case f.NewlyEstablished && !hasM:
		return "", r, fmt.Errorf("%w: 按%s，新设立企业不参加本期评价（%s）/ under %s a newly established enterprise is not evaluated for the year",
			ErrInvalidGrade, r.Name, r.NewSource, r.ID)
	case hasM && f.NewlyEstablished:
		return "M", r, nil
	case hasM && f.NoBusinessIncome && f.Score.GreaterThanOrEqual(seventy):
		return "M", r, nil
	case f.Score.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "A", r, nil
	case f.Score.GreaterThanOrEqual(seventy):
		return "B", r, nil
	case f.Score.GreaterThanOrEqual(decimal.NewFromInt(40)):
		return "C", r, nil
	}
	return "D", r, nil
}
