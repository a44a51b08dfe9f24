package calendar

import (
	"fmt"
	"strings"
)

// DayKind classifies a day on an official calendar.
type DayKind uint8

// The kinds of day. The zero DayKind is Workday.
const (
	// Workday is an ordinary working day, Monday to Friday.
	Workday DayKind = iota
	// Weekend is an ordinary Saturday or Sunday off.
	Weekend
	// Holiday is a day off announced for a holiday (法定节假日 and the days
	// moved next to it, 调休放假), or a local closure loaded by the caller.
	Holiday
	// Adjusted is a Saturday or Sunday made a working day (调休上班).
	Adjusted
)

var dayKindNames = [...]struct{ en, zh string }{
	Workday:  {"workday", "工作日"},
	Weekend:  {"weekend", "休息日"},
	Holiday:  {"holiday", "节假日"},
	Adjusted: {"adjusted", "调休上班"},
}

// IsWorking reports whether the kind is a working day (Workday or Adjusted).
func (k DayKind) IsWorking() bool { return k == Workday || k == Adjusted }

// String returns the kind's name: workday, weekend, holiday, adjusted; an
// out-of-range value gives DayKind(N).
func (k DayKind) String() string {
	if int(k) < len(dayKindNames) {
		return dayKindNames[k].en
	}
	return fmt.Sprintf("DayKind(%d)", uint8(k))
}

// Chinese returns the kind's Chinese name: 工作日, 休息日, 节假日, 调休上班.
func (k DayKind) Chinese() string {
	if int(k) < len(dayKindNames) {
		return dayKindNames[k].zh
	}
	return fmt.Sprintf("DayKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler with the English name.
func (k DayKind) MarshalText() ([]byte, error) {
	if int(k) >= len(dayKindNames) {
		return nil, fmt.Errorf("%w: 未知的日期类型 %d / unknown day kind %d", ErrInvalidData, uint8(k), uint8(k))
	}
	return []byte(dayKindNames[k].en), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it takes the English
// or the Chinese name.
func (k *DayKind) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	for i, n := range dayKindNames {
		if s == n.en || s == n.zh {
			*k = DayKind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的日期类型 %q（应为 workday、weekend、holiday 或 adjusted）/ unknown day kind %q (want workday, weekend, holiday or adjusted)", ErrInvalidData, s, s)
}

// Festival is a set of the holidays a day off (or a make-up working day)
// belongs to. Most days belong to one; a combined break such as 中秋节、国庆节
// belongs to two. The zero Festival is the empty set.
type Festival uint16

// The holidays of the official calendar (全国年节及纪念日放假办法).
const (
	NewYear        Festival = 1 << iota // 元旦
	SpringFestival                      // 春节
	Qingming                            // 清明节
	LabourDay                           // 劳动节
	DragonBoat                          // 端午节
	MidAutumn                           // 中秋节
	NationalDay                         // 国庆节
	// VictoryDay is the one-off day off for the 70th anniversary of the
	// victory in the War of Resistance, 3 September 2015.
	VictoryDay // 抗战胜利纪念日
)

var festivalNames = [...]struct {
	zh, en  string
	aliases []string // other names seen in documents and feeds
}{
	{"元旦", "New Year's Day", []string{"新年", "New Year"}},
	{"春节", "Spring Festival", []string{"Chinese New Year", "Lunar New Year"}},
	{"清明节", "Qingming Festival", []string{"清明", "Tomb-sweeping Day", "Tomb Sweeping Day"}},
	{"劳动节", "Labour Day", []string{"五一", "国际劳动节", "Labor Day", "May Day"}},
	{"端午节", "Dragon Boat Festival", []string{"端午"}},
	{"中秋节", "Mid-Autumn Festival", []string{"中秋"}},
	{"国庆节", "National Day", []string{"国庆"}},
	{"抗战胜利纪念日", "Victory Day", []string{"中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}},
}

// Has reports whether f includes every holiday in g.
func (f Festival) Has(g Festival) bool { return g != 0 && f&g == g }

// String returns the Chinese names joined by 、 in calendar order (中秋节、国庆节),
// the empty string for the empty set. Bits without a name print as
// Festival(0xN).
func (f Festival) String() string {
	return f.join(func(i int) string { return festivalNames[i].zh }, "、")
}

// English returns the English names joined by " & ".
func (f Festival) English() string {
	return f.join(func(i int) string { return festivalNames[i].en }, " & ")
}

func (f Festival) join(name func(int) string, sep string) string {
	if f == 0 {
		return ""
	}
	if f&(f-1) == 0 && f < 1<<len(festivalNames) { // one holiday: no allocation
		for i := range festivalNames {
			if f == 1<<i {
				return name(i)
			}
		}
	}
	var parts []string
	for i := range festivalNames {
		if f&(1<<i) != 0 {
			parts = append(parts, name(i))
		}
	}
	if rest := f &^ (1<<len(festivalNames) - 1); rest != 0 {
		parts = append(parts, fmt.Sprintf("Festival(%#x)", uint16(rest)))
	}
	return strings.Join(parts, sep)
}

// ParseFestival reads holiday names separated by 、 , ， or &: the Chinese
// names String returns, the English names English returns, and common
// variants (清明, 五一, 端午, 中秋, 国庆, Chinese New Year, Tomb-sweeping Day,
// Labor Day). The empty string is the empty set.
func ParseFestival(s string) (Festival, error) {
	var f Festival
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '&' || r == '，' }) {
		part = strings.TrimSpace(part)
		g, ok := festivalByName(part)
		if !ok {
			return 0, fmt.Errorf("%w: 未知的节日 %q / unknown holiday %q", ErrInvalidData, part, part)
		}
		f |= g
	}
	return f, nil
}

func festivalByName(s string) (Festival, bool) {
	if s == "" {
		return 0, false
	}
	for i, n := range festivalNames {
		if s == n.zh || strings.EqualFold(s, n.en) {
			return 1 << i, true
		}
		for _, a := range n.aliases {
			if strings.EqualFold(s, a) {
				return 1 << i, true
			}
		}
	}
	return 0, false
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (f Festival) MarshalText() ([]byte, error) {
	if f >= 1<<len(festivalNames) {
		return nil, fmt.Errorf("%w: 未知的节日 %#x / unknown holiday bits %#x", ErrInvalidData, uint16(f), uint16(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseFestival.
func (f *Festival) UnmarshalText(b []byte) error {
	v, err := ParseFestival(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// DayInfo is what a calendar says about one day.
type DayInfo struct {
	// Date is the day described.
	Date Date `json:"date"`
	// Kind is the kind of day: working or not, and why.
	Kind DayKind `json:"kind"`
	// Festival is the holiday a Holiday belongs to, or the holiday an
	// Adjusted day makes up for; empty for ordinary days and for local
	// closures.
	Festival Festival `json:"festival,omitempty"`
	// Name is the holiday's name for people: Festival's Chinese name, or the
	// name a loaded file gave a local closure. Empty for ordinary days.
	// In a provisional year the eve of the Spring Festival is named
	// 春节（除夕）and a day that makes up for a statutory day on a weekend
	// is named, for instance, 国庆节（补假）.
	Name string `json:"name,omitempty"`
	// Provisional reports a day of a year no notice arranges yet, answered
	// from the statutory holidays alone (Calendar.WithProvisional): it may
	// change when the notice comes.
	Provisional bool `json:"provisional,omitempty"`
}

// IsWorking reports whether the day is a working day.
func (d DayInfo) IsWorking() bool { return d.Kind.IsWorking() }
