package indicator

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Unit is the unit of a measured value as documents write it: %, 天, 工作日,
// 年, 个, 家, 条, 次, 环节, 元, 万元, 亿元, 千瓦时, 万吨, 是否 (yes/no) and so on.
// Units outside the known list are allowed; each is its own family.
//
// Units of one family convert exactly (万元 to 元 is a shift of four decimal
// places); units of different families never convert: 天, 工作日 and 年 are
// different units, and so are 个 and 家.
type Unit string

// Units the package knows. Others are accepted as written.
const (
	Percent            Unit = "%"
	Days               Unit = "天"
	NaturalDays        Unit = "自然日" // the same as 天
	Workdays           Unit = "工作日"
	Years              Unit = "年"
	Hours              Unit = "小时"
	Items              Unit = "个"
	Firms              Unit = "家"
	Entries            Unit = "条"
	Times              Unit = "次"
	Steps              Unit = "环节"
	Yuan               Unit = "元"
	TenThousandYuan    Unit = "万元"
	HundredMillionYuan Unit = "亿元"
	KWh                Unit = "千瓦时"
	TenThousandKWh     Unit = "万千瓦时"
	Tonnes             Unit = "吨"
	TenThousandTonnes  Unit = "万吨"
	YesNo              Unit = "是否"
)

// unitInfo places a unit in its family: value in the family's base unit =
// value × 10^shift.
type unitInfo struct {
	family string
	shift  int32
	kind   Kind
}

var knownUnits = map[Unit]unitInfo{
	Percent:            {"ratio", 0, Ratio},
	Days:               {"days", 0, Duration},
	NaturalDays:        {"days", 0, Duration},
	Workdays:           {"workdays", 0, Duration},
	Years:              {"years", 0, Duration},
	Hours:              {"hours", 0, Duration},
	Yuan:               {"money", 0, Money},
	TenThousandYuan:    {"money", 4, Money},
	HundredMillionYuan: {"money", 8, Money},
	KWh:                {"energy", 0, Count},
	TenThousandKWh:     {"energy", 4, Count},
	Tonnes:             {"mass", 0, Count},
	TenThousandTonnes:  {"mass", 4, Count},
	YesNo:              {"yes_no", 0, YesNoKind},
	Items:              {"个", 0, Count},
	Firms:              {"家", 0, Count},
	Entries:            {"条", 0, Count},
	Times:              {"次", 0, Count},
	Steps:              {"环节", 0, Count},
	"项":                {"项", 0, Count},
	"件":                {"件", 0, Count},
	"户":                {"户", 0, Count},
	"人":                {"人", 0, Count},
}

func (u Unit) info() unitInfo {
	if i, ok := knownUnits[u]; ok {
		return i
	}
	return unitInfo{family: "custom:" + string(u), kind: Count}
}

// Known reports whether the package knows u (it is in the list above).
func (u Unit) Known() bool { _, ok := knownUnits[u]; return ok }

// Valid reports whether u can be a unit: non-empty, at most 16 bytes, with no
// digits, spaces or signs in it.
func (u Unit) Valid() bool {
	if u == "" || len(u) > 16 || !utf8.ValidString(string(u)) {
		return false
	}
	for _, r := range string(u) {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("+-.<>=≤≥", r) {
			return false
		}
	}
	return true
}

// Compatible reports whether values in u and o can be compared: the same
// family (万元 and 亿元; 天 and 自然日), not merely both counts.
func (u Unit) Compatible(o Unit) bool { return u.info().family == o.info().family }

// DefaultKind returns the kind of measure u usually measures: % a ratio, 天 a
// duration, 万元 money, 是否 yes/no, anything else a count.
func (u Unit) DefaultKind() Kind { return u.info().kind }

// Convert returns v, a value in unit u, expressed in unit to. The conversion
// is exact. Units of different families return ErrUnitMismatch.
func (u Unit) Convert(v decimal.Decimal, to Unit) (decimal.Decimal, error) {
	a, b := u.info(), to.info()
	if a.family != b.family {
		return decimal.Decimal{}, errf(ErrUnitMismatch, "%s 不能换算为 %s", "%s cannot be converted to %s", u, to)
	}
	return v.Shift(a.shift - b.shift), nil
}

// String returns the unit as written.
func (u Unit) String() string { return string(u) }
