package calendar

import (
	"errors"
	"fmt"
	"strings"
)

// Errors of the rule sets.
var (
	// ErrUnknownLaw reports a law name or Law value that is not one of the
	// rule sets.
	ErrUnknownLaw = errors.New("calendar: unknown law")
	// ErrNotInForce reports a period that starts before the law named for
	// it took effect.
	ErrNotInForce = errors.New("calendar: law not in force")
)

// Law names a statute whose rules decide how a period is counted: a rule
// set. A period written "5日" is five natural days under 民法典, but five
// working days under 行政处罚法 (第八十五条) or 行政强制法 (第六十九条).
// The zero Law is CivilCode, the general rule.
//
// Each rule set applies the version of its law in force on the day the
// period starts, and a period that starts before the law took effect is an
// error wrapping ErrNotInForce. The articles, with the words that decide,
// are in the Article values Calendar.DeadlineUnder returns; each says
// whether its words were checked against a published copy of the text.
type Law uint8

// The rule sets.
const (
	// CivilCode is 民法典 第二百零一至二百零四条, the general rule: the start
	// day is not counted; a month or year period ends on the corresponding
	// day or the month's last day; a last day that is a statutory day off
	// moves to the day after it. Periods in 工作日 skip days off.
	CivilCode Law = iota
	// LicensingLaw is 行政许可法: 第八十二条 counts the periods in which an
	// organ implements a licence in working days, so "二十日" and "五日" are
	// working days. Periods the law sets for the applicant (第五十条's
	// "三十日前") follow the general rule: use CivilCode for those.
	LicensingLaw
	// PenaltyLaw is 行政处罚法: from the 2021 revision (in force 2021-07-15),
	// 第八十五条 makes "二日""三日""五日""七日" working days; any other
	// number of days follows the general rule.
	PenaltyLaw
	// CompulsionLaw is 行政强制法 (in force 2012-01-01): 第六十九条 makes
	// periods of ten days or less working days.
	CompulsionLaw
	// ReconsiderationLaw is 行政复议法: periods follow 民事诉讼法's rules
	// (the same as the general rule for the last day), except the days the
	// law names as working days: "五日""七日" under the 1999 law (第四十条,
	// until 2023-12-31), "三日""五日""七日""十日" under the 2023 revision
	// (第八十八条, from 2024-01-01).
	ReconsiderationLaw
)

var lawNames = [...]struct{ zh, full, en string }{
	CivilCode:          {"民法典", "中华人民共和国民法典", "civil-code"},
	LicensingLaw:       {"行政许可法", "中华人民共和国行政许可法", "administrative-licensing"},
	PenaltyLaw:         {"行政处罚法", "中华人民共和国行政处罚法", "administrative-penalty"},
	CompulsionLaw:      {"行政强制法", "中华人民共和国行政强制法", "administrative-compulsion"},
	ReconsiderationLaw: {"行政复议法", "中华人民共和国行政复议法", "administrative-reconsideration"},
}

// Laws returns every rule set, CivilCode first.
func Laws() []Law {
	return []Law{CivilCode, LicensingLaw, PenaltyLaw, CompulsionLaw, ReconsiderationLaw}
}

// String returns the law's short Chinese name: 民法典, 行政处罚法 ...; an
// unknown value gives Law(N).
func (l Law) String() string {
	if int(l) < len(lawNames) {
		return lawNames[l].zh
	}
	return fmt.Sprintf("Law(%d)", uint8(l))
}

// English returns the law's English name as ParseLaw reads it:
// civil-code, administrative-penalty ...
func (l Law) English() string {
	if int(l) < len(lawNames) {
		return lawNames[l].en
	}
	return fmt.Sprintf("Law(%d)", uint8(l))
}

// ParseLaw reads a law's name: the short Chinese name (行政处罚法), the full
// one (中华人民共和国行政处罚法), either in 《》, or the English name
// (administrative-penalty; also penalty, licensing, compulsion,
// reconsideration, civil-code, civil). Anything else is an error wrapping
// ErrUnknownLaw that lists the names.
func ParseLaw(s string) (Law, error) {
	t := strings.TrimSpace(foldWidth(s))
	t = strings.TrimSuffix(strings.TrimPrefix(t, "《"), "》")
	lower := strings.ToLower(t)
	for i, n := range lawNames {
		short := strings.TrimPrefix(n.en, "administrative-")
		if t == n.zh || t == n.full || lower == n.en || lower == short || (i == int(CivilCode) && lower == "civil") {
			return Law(i), nil
		}
	}
	return 0, fmt.Errorf("%w: 未知的法律 %q（可选：民法典、行政许可法、行政处罚法、行政强制法、行政复议法）/ unknown law %q (want 民法典, 行政许可法, 行政处罚法, 行政强制法 or 行政复议法, or civil-code, administrative-licensing, -penalty, -compulsion, -reconsideration)",
		ErrUnknownLaw, s, s)
}

// MarshalText implements encoding.TextMarshaler with the short Chinese name.
func (l Law) MarshalText() ([]byte, error) {
	if int(l) >= len(lawNames) {
		return nil, fmt.Errorf("%w: 未知的法律 %d / unknown law %d", ErrUnknownLaw, uint8(l), uint8(l))
	}
	return []byte(lawNames[l].zh), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseLaw.
func (l *Law) UnmarshalText(b []byte) error {
	v, err := ParseLaw(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Article is a provision that decided part of an answer: the law, the
// article's number, and the words that decide.
type Article struct {
	// Law is the law the article belongs to.
	Law Law `json:"law"`
	// Number is the article as cited: 第八十五条, 第四十条第二款.
	Number string `json:"article"`
	// Text is the article's deciding words.
	Text string `json:"text"`
	// Since is the day the provision took effect.
	Since Date `json:"since"`
	// Until is its last day in force, when a later version replaced it;
	// zero while in force.
	Until Date `json:"until"`
	// Checked reports that the words were checked against a published copy
	// of the text while this package was written; false where only the
	// article's substance could be confirmed.
	Checked bool `json:"checked"`
}

// String cites the article with its words: 行政处罚法 第八十五条：本法中…。
func (a Article) String() string { return a.Law.String() + " " + a.Number + "：" + a.Text }

// The articles the rule sets cite. The words were checked, where Checked
// says so, against published copies of the statutes found while this file
// was written (2026-11); the others are quoted as the issue that asked for
// them quotes them.
var (
	artCivilStart = Article{Law: CivilCode, Number: "第二百零一条", Since: pack(2021, 1, 1), Checked: true,
		Text: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"}
	artCivilMonths = Article{Law: CivilCode, Number: "第二百零二条", Since: pack(2021, 1, 1), Checked: true,
		Text: "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。"}
	artCivilLastDay = Article{Law: CivilCode, Number: "第二百零三条", Since: pack(2021, 1, 1), Checked: true,
		Text: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。"}
	artLicensing = Article{Law: LicensingLaw, Number: "第八十二条", Since: pack(2004, 7, 1), Checked: true,
		Text: "本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。"}
	artPenalty = Article{Law: PenaltyLaw, Number: "第八十五条", Since: pack(2021, 7, 15),
		Text: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"}
	artCompulsion = Article{Law: CompulsionLaw, Number: "第六十九条", Since: pack(2012, 1, 1), Checked: true,
		Text: "本法中十日以内期限的规定是指工作日，不含法定节假日。"}
	artReconsideration1999 = Article{Law: ReconsiderationLaw, Number: "第四十条", Since: pack(1999, 10, 1), Until: pack(2023, 12, 31), Checked: true,
		Text: "行政复议期间的计算和行政复议文书的送达，依照民事诉讼法关于期间、送达的规定执行。本法关于行政复议期间有关“五日”、“七日”的规定是指工作日，不含节假日。"}
	artReconsideration2023 = Article{Law: ReconsiderationLaw, Number: "第八十八条", Since: pack(2024, 1, 1),
		Text: "行政复议期间的计算和行政复议文书的送达，本法没有规定的，依照《中华人民共和国民事诉讼法》关于期间、送达的规定执行。本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，不含法定休假日。"}
)

// inForce is the day each law took effect.
var inForce = [...]Date{
	CivilCode:          pack(2021, 1, 1),
	LicensingLaw:       pack(2004, 7, 1),
	PenaltyLaw:         pack(1996, 10, 1),
	CompulsionLaw:      pack(2012, 1, 1),
	ReconsiderationLaw: pack(1999, 10, 1),
}

// InForce returns the day the law took effect (民法典: 2021-01-01; its
// rules on periods restate those of 民法总则 and 民法通则 before it).
func (l Law) InForce() Date {
	if int(l) < len(inForce) {
		return inForce[l]
	}
	return Date{}
}

// Count returns how the law counts a period p that starts on start: the
// period as counted (5日 under 行政处罚法 is 5工作日) and the law's own
// article that decided it, if any (ok false when the general rule applies
// unchanged). A period that starts before the law took effect is an error
// wrapping ErrNotInForce, an unknown Law one wrapping ErrUnknownLaw, and an
// invalid period one wrapping ErrInvalidPeriod; CivilCode answers for
// any date, since its rules restate older ones.
func (l Law) Count(start Date, p Period) (counted Period, art Article, ok bool, err error) {
	if int(l) >= len(lawNames) {
		return p, Article{}, false, fmt.Errorf("%w: 未知的法律 %d / unknown law %d", ErrUnknownLaw, uint8(l), uint8(l))
	}
	if err := p.check(); err != nil {
		return p, Article{}, false, err
	}
	if l != CivilCode && start.Before(inForce[l]) {
		return p, Article{}, false, fmt.Errorf("%w: 期间始于 %s，早于《%s》施行之日 %s / the period starts on %s, before %s took effect on %s",
			ErrNotInForce, start, l, inForce[l], start, l, inForce[l])
	}
	if p.Unit != Days {
		return p, Article{}, false, nil
	}
	working := func(a Article) (Period, Article, bool, error) {
		return Period{N: p.N, Unit: Workdays}, a, true, nil
	}
	switch l {
	case LicensingLaw:
		return working(artLicensing)
	case PenaltyLaw:
		if !start.Before(artPenalty.Since) && (p.N == 2 || p.N == 3 || p.N == 5 || p.N == 7) {
			return working(artPenalty)
		}
	case CompulsionLaw:
		if p.N <= 10 {
			return working(artCompulsion)
		}
	case ReconsiderationLaw:
		if start.Before(artReconsideration2023.Since) {
			if p.N == 5 || p.N == 7 {
				return working(artReconsideration1999)
			}
		} else if p.N == 3 || p.N == 5 || p.N == 7 || p.N == 10 {
			return working(artReconsideration2023)
		}
	}
	return p, Article{}, false, nil
}

// Ruling is a deadline with the articles that decided it.
type Ruling struct {
	// Law is the rule set applied.
	Law Law `json:"law"`
	// Start is the day the period starts from (not itself counted).
	Start Date `json:"start"`
	// Period is the period as written.
	Period Period `json:"period"`
	// Counted is the period as the law counts it: 5日 under 行政处罚法 is
	// 5工作日.
	Counted Period `json:"counted"`
	// Deadline is the period's last day.
	Deadline Date `json:"deadline"`
	// RolledFrom is the day a period in days, months or years would have
	// ended on, when that day was a day off and the period ran on to the
	// next working day (民法典 第二百零三条); zero otherwise.
	RolledFrom Date `json:"rolled_from"`
	// Articles are the provisions that decided the answer, the law's own
	// first.
	Articles []Article `json:"articles"`
	// Provisional reports that a day between Start and Deadline is in a
	// provisional year (Calendar.WithProvisional): the answer may change
	// when that year's notice comes.
	Provisional bool `json:"provisional"`
}

// Explain says, in Chinese and then in English, how the answer was
// reached, one line per step.
func (r Ruling) Explain() []string {
	var lines []string
	if r.Counted != r.Period {
		lines = append(lines, fmt.Sprintf("依据《%s》%s，%s 按 %s 计算 / under %s %s, %s count as %s",
			r.Law, r.Articles[0].Number, r.Period, r.Counted, r.Law, r.Articles[0].Number, r.Period.English(), r.Counted.English()))
	} else {
		lines = append(lines, fmt.Sprintf("依据《%s》，%s 按一般规则计算 / under %s, %s follow the general rule",
			r.Law, r.Period, r.Law, r.Period.English()))
	}
	if !r.RolledFrom.IsZero() {
		lines = append(lines, fmt.Sprintf("期间最后一日 %s 为法定休假日，顺延至 %s / the last day, %s, is a day off: the period ends on %s",
			r.RolledFrom, r.Deadline, r.RolledFrom, r.Deadline))
	}
	for _, a := range r.Articles {
		lines = append(lines, a.String())
	}
	if r.Provisional {
		lines = append(lines, "暂定：所涉年份尚无国务院节假日通知，按法定节假日推算 / provisional: a year involved has no State Council notice yet; counted from the statutory holidays")
	}
	return lines
}

// DeadlineUnder returns the last day of a period p that starts on start,
// counted under law: the law decides whether days are working days (see
// Law.Count), and Deadline's rules (民法典 第二百零一至二百零三条) do the
// rest. The Ruling names every article that decided the answer. Hours need
// a clock time: use DeadlineAt.
func (c *Calendar) DeadlineUnder(law Law, start Date, p Period) (Ruling, error) {
	counted, art, special, err := law.Count(start, p)
	if err != nil {
		return Ruling{}, err
	}
	due, err := c.Deadline(start, counted)
	if err != nil {
		return Ruling{}, err
	}
	r := Ruling{Law: law, Start: start, Period: p, Counted: counted, Deadline: due,
		Provisional: c.ProvisionalBetween(start, due)}
	if special {
		r.Articles = append(r.Articles, art)
	}
	if counted.N > 0 {
		r.Articles = append(r.Articles, artCivilStart)
	}
	if counted.Unit == Months || counted.Unit == Years {
		r.Articles = append(r.Articles, artCivilMonths)
	}
	if counted.N > 0 && counted.Unit != Workdays {
		last, err := lastDay(start, counted)
		if err != nil {
			return Ruling{}, err
		}
		if last != due {
			r.RolledFrom = last
			r.Articles = append(r.Articles, artCivilLastDay)
		}
	}
	return r, nil
}
