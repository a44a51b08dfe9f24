package indicator

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// Target is a value a measure should reach by a year or phase: "不超过 40 天"
// for 2025 is {Op: AtMost, Value: 40, Unit: 天, Year: 2025}.
type Target struct {
	// Op compares the observed value with Value (and High).
	Op Op `json:"op"`
	// Value is the target value, or the lower end of a Between target.
	Value decimal.Decimal `json:"value"`
	// High is the upper end of a Between target; zero otherwise.
	High decimal.Decimal `json:"high,omitempty"`
	// Unit is the unit of Value and High.
	Unit Unit `json:"unit"`
	// Year is the year the target is for (0 when given by Phase).
	Year int `json:"year,omitempty"`
	// Phase names a plan phase instead of a year (近期, 中期, 远期).
	Phase string `json:"phase,omitempty"`
	// Text is the target as the document wrote it, kept for people.
	Text string `json:"text,omitempty"`
}

// Met reports whether value v, in unit u, meets the target. Values in a unit
// of another family return ErrUnitMismatch; an unset Op returns
// ErrInvalidTarget.
func (t Target) Met(v decimal.Decimal, u Unit) (bool, error) {
	x, err := u.Convert(v, t.Unit)
	if err != nil {
		return false, err
	}
	switch t.Op {
	case AtMost:
		return x.LessThanOrEqual(t.Value), nil
	case Below:
		return x.LessThan(t.Value), nil
	case AtLeast:
		return x.GreaterThanOrEqual(t.Value), nil
	case Above:
		return x.GreaterThan(t.Value), nil
	case Equal:
		return x.Equal(t.Value), nil
	case Between:
		return x.GreaterThanOrEqual(t.Value) && x.LessThanOrEqual(t.High), nil
	}
	return false, errf(ErrInvalidTarget, "目标缺少比较方式", "the target has no comparator")
}

// String returns the target as a comparison: "<= 40 天", "between 1 and 3 天".
func (t Target) String() string {
	if t.Op == Between {
		return fmt.Sprintf("between %s and %s %s", t.Value, t.High, t.Unit)
	}
	return fmt.Sprintf("%s %s %s", t.Op, t.Value, t.Unit)
}

// Baseline is a measure's starting value (基期值) and the period it was
// measured in.
type Baseline struct {
	// Value is the baseline value, in the measure's unit.
	Value decimal.Decimal `json:"value"`
	// Period is when it was measured (基期).
	Period Period `json:"period"`
}

// Measure says how a leaf indicator is measured and what it should reach.
type Measure struct {
	// Unit is the unit values are recorded in.
	Unit Unit `json:"unit"`
	// Kind is what is measured (count, ratio, duration ...).
	Kind Kind `json:"kind,omitempty"`
	// Direction says which way the measure improves; required.
	Direction Direction `json:"direction"`
	// Attribute is 约束性 (binding) or 预期性 (indicative).
	Attribute Attribute `json:"attribute,omitempty"`
	// Frequency is how often it is monitored.
	Frequency Frequency `json:"frequency,omitempty"`
	// Baseline is the starting value progress is measured from.
	Baseline *Baseline `json:"baseline,omitempty"`
	// Targets are the values to reach, by year or phase.
	Targets []Target `json:"targets,omitempty"`
	// Frontier, when set, fixes the best end of the distance-to-frontier
	// scale; otherwise it is the best value observed.
	Frontier decimal.NullDecimal `json:"frontier,omitempty"`
	// Worst, when set, fixes the worst end of the scale; otherwise it is
	// the worst value observed.
	Worst decimal.NullDecimal `json:"worst,omitempty"`
}

// TargetFor returns the target in force for year: the target for that year,
// or else the first one after it. ok is false when there is none. Targets
// given by Phase only (Year 0) are not matched: a phase's years are the
// plan's to say.
func (m *Measure) TargetFor(year int) (t Target, ok bool) {
	best := -1
	for i, x := range m.Targets {
		if x.Year >= year && (best < 0 || x.Year < m.Targets[best].Year) {
			best = i
		}
	}
	if best < 0 {
		return Target{}, false
	}
	return m.Targets[best], true
}

// opWords maps the words that introduce a target to comparators, longest
// first within each group.
var opPrefixes = []struct {
	text string
	op   Op
}{
	{"不超过", AtMost}, {"不高于", AtMost}, {"不多于", AtMost}, {"不大于", AtMost},
	{"控制在", AtMost}, {"压缩至", AtMost}, {"压缩到", AtMost}, {"缩短至", AtMost},
	{"缩短到", AtMost}, {"减少至", AtMost}, {"降至", AtMost}, {"降低至", AtMost},
	{"<=", AtMost}, {"≤", AtMost}, {"低于", Below}, {"少于", Below}, {"<", Below},
	{"不低于", AtLeast}, {"不少于", AtLeast}, {"不小于", AtLeast}, {"达到", AtLeast},
	{"至少", AtLeast}, {"提高至", AtLeast}, {"提高到", AtLeast}, {"提升至", AtLeast},
	{"提升到", AtLeast}, {">=", AtLeast}, {"≥", AtLeast}, {"超过", Above},
	{"高于", Above}, {"大于", Above}, {">", Above}, {"==", Equal}, {"=", Equal},
}

var opSuffixes = []struct {
	text string
	op   Op
}{{"以内", AtMost}, {"以下", AtMost}, {"之内", AtMost}, {"以上", AtLeast}}

// unitAliases are written forms that mean a known unit.
var unitAliases = map[string]Unit{
	"天工作日": Workdays, "个工作日": Workdays, "个自然日": NaturalDays, "个环节": Steps,
	"日": Days, "个百分点": Percent, "％": Percent,
}

// maxTargetText bounds target text; no real target is longer.
const maxTargetText = 200

// ParseTarget reads target text as plans write it: "不超过 40 天" is <= 40 天,
// "不超过 15 天工作日" is <= 15 工作日, "压缩至2个环节" is <= 2 环节, "1-3天" is
// between 1 and 3 天. A bare value ("100%", "320 天", "0.2 年") takes its
// comparator from the measure's direction: >= when higher is better, <= when
// lower is. "是" and "否" are yes/no targets. The returned target keeps the
// text; its Year and Phase are left for the caller.
func ParseTarget(text string, dir Direction) (Target, error) {
	fail := func(zh, en string) (Target, error) {
		return Target{}, &TargetError{Text: text, Reason: msg{zh, en}.String()}
	}
	if len(text) > maxTargetText {
		return fail("目标文字过长", "target text too long")
	}
	if !utf8.ValidString(text) {
		return fail("不是有效的 UTF-8 文字", "not valid UTF-8 text")
	}
	s := strings.Join(strings.Fields(width.Fold.String(text)), "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "。"), "，")
	switch s {
	case "是":
		return Target{Op: Equal, Value: decimal.NewFromInt(1), Unit: YesNo, Text: text}, nil
	case "否":
		return Target{Op: Equal, Value: decimal.Zero, Unit: YesNo, Text: text}, nil
	}
	op := Op(0)
	for _, p := range opPrefixes {
		if strings.HasPrefix(s, p.text) {
			op, s = p.op, s[len(p.text):]
			break
		}
	}
	for _, p := range opSuffixes {
		if strings.HasSuffix(s, p.text) {
			if op != 0 && op != p.op && !(op == AtMost && p.op == AtMost) {
				return fail("比较词前后矛盾", "the comparator words contradict each other")
			}
			op, s = p.op, s[:len(s)-len(p.text)]
			break
		}
	}
	v, rest, ok := leadingDecimal(s)
	if !ok {
		return fail("应有一个数值，如 40、0.2、100%", "want a number, as in 40, 0.2 or 100%")
	}
	t := Target{Op: op, Value: v, Text: text}
	if op == 0 {
		for _, sep := range []string{"-", "~", "至", "到", "—"} {
			if strings.HasPrefix(rest, sep) {
				hi, r2, ok := leadingDecimal(rest[len(sep):])
				if !ok || hi.LessThan(v) {
					return fail("区间上限应为不小于下限的数值", "a range needs an upper end no less than its lower end")
				}
				t.Op, t.High, rest = Between, hi, r2
				break
			}
		}
	}
	u, ok := parseUnit(rest)
	if !ok {
		return fail(fmt.Sprintf("无法识别单位 %q", rest), fmt.Sprintf("unknown unit %q", rest))
	}
	t.Unit = u
	if t.Op == 0 {
		switch dir {
		case Higher:
			t.Op = AtLeast
		case Lower:
			t.Op = AtMost
		default:
			return fail("没有比较词（如 不超过、不低于），需给出指标方向", "no comparator word (不超过, 不低于): give the measure's direction")
		}
	}
	return t, nil
}

// leadingDecimal reads a non-negative decimal number from the front of s.
func leadingDecimal(s string) (decimal.Decimal, string, bool) {
	i, dot := 0, false
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' && !dot && i > 0) {
		if s[i] == '.' {
			dot = true
		}
		i++
	}
	if i == 0 || s[i-1] == '.' || i > 30 {
		return decimal.Decimal{}, s, false
	}
	v, err := decimal.NewFromString(s[:i])
	if err != nil {
		return decimal.Decimal{}, s, false
	}
	return v, s[i:], true
}

// parseUnit reads the unit that follows a number: a known unit, an alias
// (天工作日, 个环节), or any other valid unit text as written.
func parseUnit(s string) (Unit, bool) {
	if u, ok := unitAliases[s]; ok {
		return u, true
	}
	if strings.HasPrefix(s, "个") && len(s) > len("个") {
		if u := Unit(s[len("个"):]); u.Known() {
			return u, true
		}
	}
	u := Unit(s)
	return u, u.Valid()
}
