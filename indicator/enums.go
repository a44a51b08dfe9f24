package indicator

import "fmt"

// Kind is what a measure measures.
type Kind uint8

// The kinds of measure. The zero Kind is unset.
const (
	Count       Kind = iota + 1 // a number of things (个, 家, 条)
	Ratio                       // a share or rate (%)
	Duration                    // a length of time (天, 工作日, 年)
	Money                       // an amount of money (元, 万元, 亿元)
	YesNoKind                   // yes or no (是否)
	Qualitative                 // assessed in words, not measured
)

// Direction says which way a measure improves.
type Direction uint8

// The directions. The zero Direction is unset.
const (
	Higher Direction = iota + 1 // more is better: 覆盖率, 应用率
	Lower                       // less is better: 审批时限, 办理环节
	Band                        // within a range is best
)

// Attribute is a target's force in a plan: 约束性 or 预期性.
type Attribute uint8

// The attributes. The zero Attribute is unset.
const (
	Binding    Attribute = iota + 1 // 约束性
	Indicative                      // 预期性
)

// Frequency is how often a measure is monitored.
type Frequency uint8

// The frequencies. The zero Frequency is unset.
const (
	Yearly Frequency = iota + 1
	Quarterly
	Monthly
)

// Op compares an observed value with a target.
type Op uint8

// The comparators. The zero Op is unset.
const (
	AtMost  Op = iota + 1 // <=  (不超过)
	Below                 // <   (低于)
	AtLeast               // >=  (不低于, 达到)
	Above                 // >   (超过)
	Equal                 // ==
	Between               // between Value and High, inclusive
)

type names struct{ json, zh string }

var (
	kindNames      = []names{{}, {"count", "数量"}, {"ratio", "比率"}, {"duration", "时长"}, {"money", "金额"}, {"yes_no", "是否"}, {"qualitative", "定性"}}
	directionNames = []names{{}, {"higher", "越高越好"}, {"lower", "越低越好"}, {"band", "区间"}}
	attributeNames = []names{{}, {"binding", "约束性"}, {"indicative", "预期性"}}
	frequencyNames = []names{{}, {"year", "年度"}, {"quarter", "季度"}, {"month", "月度"}}
	opNames        = []names{{}, {"<=", "不超过"}, {"<", "低于"}, {">=", "不低于"}, {">", "超过"}, {"==", "等于"}, {"between", "介于"}}
)

func enumString(table []names, v uint8, typ string) string {
	if int(v) < len(table) && v != 0 {
		return table[v].json
	}
	if v == 0 {
		return ""
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

func enumChinese(table []names, v uint8, typ string) string {
	if int(v) < len(table) && v != 0 {
		return table[v].zh
	}
	return enumString(table, v, typ)
}

func enumMarshal(table []names, v uint8, typ string) ([]byte, error) {
	if int(v) >= len(table) {
		return nil, errf(ErrInvalidValue, "无效的%s %d", "invalid %s %d", typ, v)
	}
	return []byte(table[v].json), nil
}

func enumUnmarshal(table []names, b []byte, typ string) (uint8, error) {
	s := string(b)
	for i, n := range table {
		if s == n.json || (i > 0 && s == n.zh) {
			return uint8(i), nil
		}
	}
	var want []string
	for _, n := range table[1:] {
		want = append(want, n.json)
	}
	return 0, errf(ErrInvalidValue, "未知的%s %q（应为 %v）", "unknown %s %q (want one of %v)", typ, s, want)
}

// String returns the JSON name: count, ratio, duration, money, yes_no,
// qualitative ("" when unset).
func (k Kind) String() string { return enumString(kindNames, uint8(k), "Kind") }

// Chinese returns the Chinese name.
func (k Kind) Chinese() string { return enumChinese(kindNames, uint8(k), "Kind") }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames, uint8(k), "kind") }

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese name).
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(kindNames, b, "kind")
	*k = Kind(v)
	return err
}

// String returns the JSON name: higher, lower, band.
func (d Direction) String() string { return enumString(directionNames, uint8(d), "Direction") }

// Chinese returns the Chinese name: 越高越好, 越低越好, 区间.
func (d Direction) Chinese() string { return enumChinese(directionNames, uint8(d), "Direction") }

// MarshalText implements encoding.TextMarshaler.
func (d Direction) MarshalText() ([]byte, error) {
	return enumMarshal(directionNames, uint8(d), "direction")
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese name).
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(directionNames, b, "direction")
	*d = Direction(v)
	return err
}

// String returns the JSON name: binding, indicative.
func (a Attribute) String() string { return enumString(attributeNames, uint8(a), "Attribute") }

// Chinese returns 约束性 or 预期性.
func (a Attribute) Chinese() string { return enumChinese(attributeNames, uint8(a), "Attribute") }

// MarshalText implements encoding.TextMarshaler.
func (a Attribute) MarshalText() ([]byte, error) {
	return enumMarshal(attributeNames, uint8(a), "attribute")
}

// UnmarshalText implements encoding.TextUnmarshaler (binding/indicative or
// 约束性/预期性).
func (a *Attribute) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(attributeNames, b, "attribute")
	*a = Attribute(v)
	return err
}

// String returns the JSON name: year, quarter, month.
func (f Frequency) String() string { return enumString(frequencyNames, uint8(f), "Frequency") }

// MarshalText implements encoding.TextMarshaler.
func (f Frequency) MarshalText() ([]byte, error) {
	return enumMarshal(frequencyNames, uint8(f), "frequency")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(frequencyNames, b, "frequency")
	*f = Frequency(v)
	return err
}

// String returns the comparator: <=, <, >=, >, ==, between.
func (o Op) String() string { return enumString(opNames, uint8(o), "Op") }

// Chinese returns the comparator as documents write it: 不超过, 不低于 ...
func (o Op) Chinese() string { return enumChinese(opNames, uint8(o), "Op") }

// MarshalText implements encoding.TextMarshaler.
func (o Op) MarshalText() ([]byte, error) { return enumMarshal(opNames, uint8(o), "op") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Op) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(opNames, b, "op")
	*o = Op(v)
	return err
}
