package credit

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/org"
	"golang.org/x/text/width"
)

// ErrInvalidUSCC is wrapped by every error about a malformed unified social
// credit code; *USCCError says which rule failed and where.
var ErrInvalidUSCC = errors.New("credit: invalid unified social credit code")

// alphabet is the 31 characters a USCC is written in (GB 32100-2015): the
// digits and the capital letters without I, O, S, V and Z.
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// charValue maps a byte to its value in alphabet, or -1.
var charValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		v[alphabet[i]] = int8(i)
	}
	return v
}()

// weights18 are the weights 3^(i-1) mod 31 of the first 17 characters.
var weights18 = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// weightsOrg are GB 11714's weights for the eight body characters of the
// organisation code (characters 9–16).
var weightsOrg = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// Rules a code can fail, as USCCError.Rule.
const (
	RuleLength    = "length"    // not 18 characters
	RuleAlphabet  = "alphabet"  // a character outside the 31-character alphabet
	RuleAuthority = "authority" // an unknown registration authority (character 1)
	RuleOrgType   = "org_type"  // a type the authority does not have (character 2)
	RuleDivision  = "division"  // characters 3–8 not six digits with a real province
	RuleOrgCheck  = "org_check" // the GB 11714 check character (17) is wrong
	RuleCheck     = "check"     // the 18th character is wrong
)

// USCCError says which rule a code failed and at which character (1-based;
// 0 when the rule is about the whole code).
type USCCError struct {
	// Input is the code as given.
	Input string
	// Rule is the rule that failed (RuleLength, RuleCheck ...).
	Rule string
	// Position is the 1-based character the rule failed at; 0 for the
	// whole code.
	Position int
	// Reason says, in Chinese and English, what was expected.
	Reason string
}

// Error describes the failure in Chinese and English.
func (e *USCCError) Error() string {
	where := ""
	if e.Position > 0 {
		where = fmt.Sprintf("第%d位 / position %d: ", e.Position, e.Position)
	}
	return fmt.Sprintf("credit: 统一社会信用代码 %q 无效 / invalid unified social credit code %q: %s%s", e.Input, e.Input, where, e.Reason)
}

// Is reports whether target is ErrInvalidUSCC.
func (e *USCCError) Is(target error) bool { return target == ErrInvalidUSCC }

func usccErr(in, rule string, pos int, zh, en string) *USCCError {
	return &USCCError{Input: in, Rule: rule, Position: pos, Reason: zh + " / " + en}
}

// authorityTypes lists, per registration authority, the organisation types
// GB 32100-2015 and its amendments give it.
var authorityTypes = map[byte]string{
	'1': "1239", '2': "19", '3': "123459", '4': "19", '5': "1239", '6': "129",
	'7': "129", '8': "19", '9': "123", 'A': "19", 'N': "1239", 'Y': "1",
}

// USCC is an 18-character unified social credit code (统一社会信用代码,
// GB 32100-2015). It is a small comparable value; the zero USCC is "no
// code".
type USCC struct {
	b [18]byte
	// pilot marks a code accepted with a wrong 18th character under
	// Options.TolerateCheck.
	pilot bool
}

// Options relax ParseUSCCWith for known exceptions.
type Options struct {
	// TolerateCheck accepts a code whose 18th character is wrong, as some
	// codes issued in the early pilots are; the USCC reports it with
	// CheckTolerated.
	TolerateCheck bool
}

// ParseUSCC parses a code strictly: exactly 18 characters of the
// 31-character alphabet; a registration authority and organisation type
// pair GB 32100 allows; six digits of division code with a real province
// prefix (or 10, national); the GB 11714 organisation code check
// (character 17); and the check character (18). The error is a *USCCError
// naming the rule and the position. It does not allocate on success.
func ParseUSCC(s string) (USCC, error) { return ParseUSCCWith(s, Options{}) }

// ParseUSCCWith is ParseUSCC with options.
func ParseUSCCWith(s string, o Options) (USCC, error) {
	var u USCC
	if len(s) != 18 {
		return USCC{}, usccErr(s, RuleLength, 0, fmt.Sprintf("应为18个字符，实为%d个字节", len(s)), fmt.Sprintf("want 18 characters, got %d bytes", len(s)))
	}
	sum := 0
	for i := 0; i < 18; i++ {
		c := s[i]
		v := charValue[c]
		if v < 0 {
			return USCC{}, usccErr(s, RuleAlphabet, i+1, fmt.Sprintf("字符 %q 不在代码字符集内（不含 I、O、S、V、Z 及小写）", c),
				fmt.Sprintf("character %q is not in the code alphabet (no I, O, S, V, Z, no lower case)", c))
		}
		u.b[i] = c
		if i < 17 {
			sum += int(v) * weights18[i]
		}
	}
	types, ok := authorityTypes[s[0]]
	if !ok {
		return USCC{}, usccErr(s, RuleAuthority, 1, fmt.Sprintf("登记管理部门代码 %q 不存在", s[0]), fmt.Sprintf("no registration authority %q", s[0]))
	}
	if !strings.ContainsRune(types, rune(s[1])) {
		return USCC{}, usccErr(s, RuleOrgType, 2, fmt.Sprintf("登记管理部门 %c 没有机构类别 %c（可为 %s）", s[0], s[1], types),
			fmt.Sprintf("authority %c has no organisation type %c (it has %s)", s[0], s[1], types))
	}
	for i := 2; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return USCC{}, usccErr(s, RuleDivision, i+1, "行政区划码应为6位数字", "the division code must be six digits")
		}
	}
	if p := int(s[2]-'0')*10 + int(s[3]-'0'); !provincePrefix(p) {
		return USCC{}, usccErr(s, RuleDivision, 3, fmt.Sprintf("行政区划码的省级代码 %02d 不存在", p), fmt.Sprintf("no province %02d in the division code", p))
	}
	osum := 0
	for i := 0; i < 8; i++ {
		osum += orgValue(s[8+i]) * weightsOrg[i]
	}
	want := byte('0')
	switch c := 11 - osum%11; c {
	case 10:
		want = 'X'
	case 11:
		want = '0'
	default:
		want = byte('0' + c)
	}
	if s[16] != want {
		return USCC{}, usccErr(s, RuleOrgCheck, 17, fmt.Sprintf("组织机构代码校验码应为 %c", want), fmt.Sprintf("the organisation code check character should be %c", want))
	}
	check := (31 - sum%31) % 31
	if s[17] != alphabet[check] {
		if !o.TolerateCheck {
			return USCC{}, usccErr(s, RuleCheck, 18, fmt.Sprintf("校验码应为 %c", alphabet[check]), fmt.Sprintf("the check character should be %c", alphabet[check]))
		}
		u.pilot = true
	}
	return u, nil
}

// orgValue is a character's value in GB 11714: digits 0–9, letters A=10 … Z=35.
func orgValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int(c-'A') + 10
}

// provincePrefix reports whether p may open a division code: a province
// (11–65 as GB/T 2260 has them, 71, 81, 82) or 10 for national bodies.
func provincePrefix(p int) bool {
	switch {
	case p == 10, p >= 11 && p <= 15, p >= 21 && p <= 23, p >= 31 && p <= 37, p >= 41 && p <= 46,
		p >= 50 && p <= 54, p >= 61 && p <= 65, p == 71, p == 81, p == 82:
		return true
	}
	return false
}

// NormalizeUSCC is the lenient path for codes typed by people: it folds
// full-width characters, removes spaces and hyphens, upper-cases, and then
// parses with o. It reports each change it made, in Chinese and English,
// so that a form can show "we read your code as …".
func NormalizeUSCC(s string, o Options) (USCC, []string, error) {
	var changes []string
	t := s
	if f := width.Fold.String(t); f != t {
		changes = append(changes, "全角字符转为半角 / full-width characters folded")
		t = f
	}
	if r := strings.NewReplacer(" ", "", "\t", "", "-", "", "‐", "", "—", "", "\u00a0", "").Replace(t); r != t {
		changes = append(changes, "去除空格和连字符 / spaces and hyphens removed")
		t = r
	}
	if up := strings.ToUpper(t); up != t {
		changes = append(changes, "小写字母转为大写 / lower case raised")
		t = up
	}
	u, err := ParseUSCCWith(t, o)
	if err != nil {
		return USCC{}, changes, err
	}
	if u.pilot {
		changes = append(changes, "校验码不符，按早期试点代码接受 / check character wrong, accepted as an early pilot code")
	}
	return u, changes, nil
}

// String returns the code ("" for the zero USCC).
func (u USCC) String() string {
	if u.IsZero() {
		return ""
	}
	return string(u.b[:])
}

// IsZero reports whether u is the zero USCC.
func (u USCC) IsZero() bool { return u.b[0] == 0 }

// CheckTolerated reports whether u was accepted with a wrong 18th
// character (Options.TolerateCheck).
func (u USCC) CheckTolerated() bool { return u.pilot }

// Authority returns the registration authority character (1, 5, 9, N ...).
func (u USCC) Authority() byte { return u.b[0] }

// OrgType returns the organisation type character.
func (u USCC) OrgType() byte { return u.b[1] }

var authorityNames = map[byte]string{
	'1': "机构编制", '2': "外交", '3': "司法行政", '4': "文化", '5': "民政", '6': "旅游", '7': "宗教",
	'8': "工会", '9': "工商（市场监管）", 'A': "中央军委改革和编制办公室", 'N': "农业", 'Y': "其他",
}

var typeNames = map[[2]byte]string{
	{'1', '1'}: "机关", {'1', '2'}: "事业单位", {'1', '3'}: "中央编办直接管理机构编制的群众团体", {'1', '9'}: "其他",
	{'2', '1'}: "外国常驻新闻机构", {'2', '9'}: "其他",
	{'3', '1'}: "律师执业机构", {'3', '2'}: "公证处", {'3', '3'}: "基层法律服务所", {'3', '4'}: "司法鉴定机构", {'3', '5'}: "仲裁委员会", {'3', '9'}: "其他",
	{'4', '1'}: "外国在华文化中心", {'4', '9'}: "其他",
	{'5', '1'}: "社会团体", {'5', '2'}: "民办非企业单位", {'5', '3'}: "基金会", {'5', '9'}: "其他",
	{'6', '1'}: "外国旅游部门常驻代表机构", {'6', '2'}: "港澳台地区旅游部门常驻内地（大陆）代表机构", {'6', '9'}: "其他",
	{'7', '1'}: "宗教活动场所", {'7', '2'}: "宗教院校", {'7', '9'}: "其他",
	{'8', '1'}: "基层工会", {'8', '9'}: "其他",
	{'9', '1'}: "企业", {'9', '2'}: "个体工商户", {'9', '3'}: "农民专业合作社",
	{'A', '1'}: "军队事业单位", {'A', '9'}: "其他",
	{'N', '1'}: "组级集体经济组织", {'N', '2'}: "村级集体经济组织", {'N', '3'}: "乡镇级集体经济组织", {'N', '9'}: "其他",
	{'Y', '1'}: "其他",
}

// AuthorityName returns the registration authority's name (工商（市场监管）).
func (u USCC) AuthorityName() string { return authorityNames[u.b[0]] }

// OrgTypeName returns the organisation type's name (企业, 个体工商户 ...).
func (u USCC) OrgTypeName() string { return typeNames[[2]byte{u.b[0], u.b[1]}] }

// DivisionCode returns characters 3–8, the division code of the
// registering authority.
func (u USCC) DivisionCode() string {
	if u.IsZero() {
		return ""
	}
	return string(u.b[2:8])
}

// Region returns the division as an org.Region; ok is false for the
// national prefix 10 or a malformed division. A region absent from the
// current table (divisions merge after codes are issued) is returned with
// ok true: check Region().Known() for that warning.
func (u USCC) Region() (org.Region, bool) {
	r, err := org.ParseRegion(u.DivisionCode())
	return r, err == nil
}

// OrgCode returns the embedded organisation code (characters 9–17), as
// GB 11714 writes it with a hyphen: MA0TXXXX-1.
func (u USCC) OrgCode() string {
	if u.IsZero() {
		return ""
	}
	return string(u.b[8:16]) + "-" + string(u.b[16:17])
}

// MarshalText implements encoding.TextMarshaler.
func (u USCC) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseUSCC (strict);
// empty text is the zero USCC.
func (u *USCC) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*u = USCC{}
		return nil
	}
	v, err := ParseUSCC(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// Value implements driver.Valuer: the code, or NULL for the zero USCC.
func (u USCC) Value() (driver.Value, error) {
	if u.IsZero() {
		return nil, nil
	}
	return u.String(), nil
}

// Scan implements sql.Scanner from text, bytes or NULL, strictly.
func (u *USCC) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*u = USCC{}
		return nil
	case string:
		return u.UnmarshalText([]byte(v))
	case []byte:
		return u.UnmarshalText(v)
	}
	return fmt.Errorf("%w: 无法从 %T 读取 / cannot scan %T into credit.USCC", ErrInvalidUSCC, src, src)
}

// Compose builds a code from its parts, computing both check characters:
// the registration authority and organisation type, the six-digit division
// code and the eight-character organisation code body. It is meant for
// test data and examples; real codes are assigned by the registration
// authorities. The result is checked as ParseUSCC checks it.
func Compose(authority, orgType byte, division, orgBody string) (USCC, error) {
	if len(division) != 6 || len(orgBody) != 8 {
		return USCC{}, usccErr(string(authority)+string(orgType)+division+orgBody, RuleLength, 0,
			"区划码应为6位、组织机构代码本体应为8位", "want a six-digit division code and an eight-character organisation code body")
	}
	b := make([]byte, 0, 18)
	b = append(b, authority, orgType)
	b = append(b, division...)
	b = append(b, orgBody...)
	osum := 0
	for i := 0; i < 8; i++ {
		if charValue[orgBody[i]] < 0 {
			return USCC{}, usccErr(string(b), RuleAlphabet, 9+i, "字符不在代码字符集内", "character not in the code alphabet")
		}
		osum += orgValue(orgBody[i]) * weightsOrg[i]
	}
	switch c := 11 - osum%11; c {
	case 10:
		b = append(b, 'X')
	case 11:
		b = append(b, '0')
	default:
		b = append(b, byte('0'+c))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := charValue[b[i]]
		if v < 0 {
			return USCC{}, usccErr(string(b), RuleAlphabet, i+1, "字符不在代码字符集内", "character not in the code alphabet")
		}
		sum += int(v) * weights18[i]
	}
	b = append(b, alphabet[(31-sum%31)%31])
	return ParseUSCC(string(b))
}
