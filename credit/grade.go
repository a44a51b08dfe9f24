package credit

import (
	"errors"
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Grade is a credit grade or risk class within a scheme: "A", "B", "M".
type Grade string

// Scheme is an ordered set of grades, best first, as one rule sets them
// over a period.
type Scheme struct {
	// Name names the scheme (市场监管信用风险分类).
	Name string `json:"name"`
	// Source cites the rule that sets it.
	Source string `json:"source,omitempty"`
	// From is the first day the rule is in force.
	From calendar.Date `json:"from"`
	// Until is the last day the rule is in force; zero while it is.
	Until calendar.Date `json:"until"`
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
// 《关于推进企业信用风险分类管理进一步提升监管效能的意见》(国市监信发〔2022〕6号,
// published 2022-01-13 and in force since).
func MarketRisk() Scheme {
	return Scheme{Name: "市场监管企业信用风险分类", Source: "国家市场监督管理总局《关于推进企业信用风险分类管理进一步提升监管效能的意见》（国市监信发〔2022〕6号，2022年1月13日发布）",
		From:   date(2022, 1, 13),
		Grades: []Grade{"A", "B", "C", "D"},
		Labels: map[Grade]string{"A": "信用风险低", "B": "信用风险一般", "C": "信用风险较高", "D": "信用风险高"}}
}

// date is a date of a rule's text; the rule tables are tested to hold no
// zero date, so the error of an impossible literal cannot pass unseen.
func date(y int, m time.Month, d int) calendar.Date {
	x, _ := calendar.NewDate(y, m, d)
	return x
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
