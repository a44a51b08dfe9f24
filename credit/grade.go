package credit

import (
	"errors"
	"fmt"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Grade is a credit grade or risk class within a scheme: "A", "B", "M".
type Grade string

// Scheme is an ordered set of grades, best first.
type Scheme struct {
	// Name names the scheme (市场监管信用风险分类).
	Name string `json:"name"`
	// Source cites the rule that sets it.
	Source string `json:"source,omitempty"`
	// Grades are the grades, best (least risky) first.
	Grades []Grade `json:"grades"`
	// Labels are the grades' names for people (低风险), by grade.
	Labels map[Grade]string `json:"labels,omitempty"`
}

// Rank returns the grade's position, 0 for the best; ok is false for a
// grade not in the scheme.
func (s Scheme) Rank(g Grade) (int, bool) {
	for i, x := range s.Grades {
		if x == g {
			return i, true
		}
	}
	return 0, false
}

// Better reports whether a is a better grade than b; grades outside the
// scheme are an error.
func (s Scheme) Better(a, b Grade) (bool, error) {
	ra, ok1 := s.Rank(a)
	rb, ok2 := s.Rank(b)
	if !ok1 || !ok2 {
		return false, fmt.Errorf("%w: %s 不是 %s 的等级 / %q or %q is not a grade of %s", ErrInvalidGrade, a+"/"+b, s.Name, a, b, s.Name)
	}
	return ra < rb, nil
}

// ErrInvalidGrade reports a grade outside its scheme, or a score that
// cannot be graded.
var ErrInvalidGrade = errors.New("credit: 信用等级无效 / invalid grade")

// MarketRisk is the market-regulation credit risk classification: A
// (低风险), B (一般风险), C (较高风险), D (高风险), as set by 国家市场监督管理总局
// 《关于推进企业信用风险分类管理进一步提升监管效能的意见》(国市监信发〔2022〕6号).
func MarketRisk() Scheme {
	return Scheme{Name: "市场监管企业信用风险分类", Source: "国市监信发〔2022〕6号",
		Grades: []Grade{"A", "B", "C", "D"},
		Labels: map[Grade]string{"A": "信用风险低", "B": "信用风险一般", "C": "信用风险较高", "D": "信用风险高"}}
}

// TaxCredit is the tax credit grading: A, B, M, C, D (纳税信用等级). M is
// for new enterprises and those without revenue in the year.
func TaxCredit() Scheme {
	return Scheme{Name: "纳税信用等级", Source: "国家税务总局《纳税信用管理办法（试行）》及其修订",
		Grades: []Grade{"A", "B", "M", "C", "D"},
		Labels: map[Grade]string{"A": "年度评价指标得分90分以上", "B": "70分以上不满90分", "M": "新设立或评价年度内无生产经营业务收入",
			"C": "40分以上不满70分", "D": "不满40分或直接判级"}}
}

// TaxGrade grades a tax credit score: A at 90 and above, B from 70 below
// 90, C from 40 below 70, D below 40. M applies to a new enterprise or one
// without revenue in the year (newOrNoRevenue), whatever the score, unless
// the grade is D by direct determination (directD), which always wins.
// Scores outside 0–100 are an error.
func TaxGrade(score decimal.Decimal, newOrNoRevenue, directD bool) (Grade, error) {
	if score.IsNegative() || score.GreaterThan(decimal.NewFromInt(100)) {
		return "", fmt.Errorf("%w: 纳税信用得分 %s 超出0–100 / tax credit score %s is outside 0–100", ErrInvalidGrade, score, score)
	}
	switch {
	case directD:
		return "D", nil
	case newOrNoRevenue:
		return "M", nil
	case score.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "A", nil
	case score.GreaterThanOrEqual(decimal.NewFromInt(70)):
		return "B", nil
	case score.GreaterThanOrEqual(decimal.NewFromInt(40)):
		return "C", nil
	}
	return "D", nil
}

// List is a red or black list.
type List string

// The lists.
const (
	RedList   List = "red"   // 红名单: trustworthy, rewarded
	BlackList List = "black" // 黑名单 (严重失信主体名单): restricted
)

// Listing is an entity's entry on a red or black list: a flag with its
// reason and dates, not a grade.
type Listing struct {
	// List is red or black.
	List List `json:"list"`
	// Reason says why.
	Reason string `json:"reason"`
	// From is the first day on the list.
	From calendar.Date `json:"from"`
	// Until is the last day on the list; zero while open-ended.
	Until calendar.Date `json:"until"`
	// Issuer is the unit that listed it.
	Issuer string `json:"issuer,omitempty"`
}

// Active reports whether the listing is in force on d.
func (l Listing) Active(d calendar.Date) bool {
	return !d.Before(l.From) && (l.Until.IsZero() || !d.After(l.Until))
}
