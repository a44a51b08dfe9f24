package credit

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/org"
)

// ErrInvalidUSCC is wrapped by every error about a malformed unified social
// credit code; *USCCError says which rule failed and where.
var ErrInvalidUSCC = errors.New("credit: 统一社会信用代码无效 / invalid unified social credit code")

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

// maxEcho bounds how much of the input an error message repeats: a
// megabyte pasted into a form field is named by its start.
const maxEcho = 40

// echo quotes at most maxEcho characters of s for a message.
func echo(s string) string {
	n := 0
	for i := range s {
		if n == maxEcho {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

// Error describes the failure in Chinese and English, naming the input
// once (its first 40 characters when longer).
func (e *USCCError) Error() string {
	where := ""
	if e.Position > 0 {
		where = fmt.Sprintf("第%d位 / position %d: ", e.Position, e.Position)
	}
	return "credit: 统一社会信用代码无效 / invalid unified social credit code " + echo(e.Input) + ": " + where + e.Reason
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
		return USCC{}, shapeErr(s)
	}
	sum := 0
	for i := 0; i < 18; i++ {
		c := s[i]
		v := charValue[c]
		if v < 0 {
			if c >= utf8.RuneSelf {
				return USCC{}, shapeErr(s)
			}
			return USCC{}, alphabetErr(s, i+1, rune(c))
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

// shapeErr explains a code that is not 18 single-byte characters: an
// alphabet error at the first character outside the alphabet when there
// are 18 characters (one of them full-width or Chinese, say), a length
// error counted in characters otherwise. Positions count characters, not
// bytes.
func shapeErr(s string) *USCCError {
	n := utf8.RuneCountInString(s)
	if n != 18 {
		return usccErr(s, RuleLength, 0, fmt.Sprintf("应为18个字符，实为%d个", n), fmt.Sprintf("want 18 characters, got %d", n))
	}
	pos := 0
	for i, r := range s {
		pos++
		if r >= utf8.RuneSelf || charValue[r] < 0 {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
					return usccErr(s, RuleAlphabet, pos, fmt.Sprintf("字节 0x%02X 不是有效的 UTF-8", s[i]), fmt.Sprintf("byte 0x%02X is not valid UTF-8", s[i]))
				}
			}
			return alphabetErr(s, pos, r)
		}
	}
	// Unreachable: 18 characters in more than 18 bytes include a multi-byte one.
	return usccErr(s, RuleLength, 0, "应为18个字符", "want 18 characters")
}

// alphabetErr reports character r at pos, outside the code's alphabet.
func alphabetErr(s string, pos int, r rune) *USCCError {
	zh := fmt.Sprintf("字符 %q 不在代码字符集内（不含 I、O、S、V、Z 及小写）", r)
	en := fmt.Sprintf("character %q is not in the code alphabet (no I, O, S, V, Z, no lower case)", r)
	if r == '\u3000' || (r >= 0xFF01 && r <= 0xFF5E) {
		zh += "；这是全角字符，宽松读取（NormalizeUSCC、bizenv uscc --lenient）可转为半角"
		en += "; it is full-width: the lenient reader (NormalizeUSCC, bizenv uscc --lenient) folds it"
	}
	return usccErr(s, RuleAlphabet, pos, zh, en)
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

// The changes NormalizeUSCC reports.
const (
	noteFolded = "全角字符转为半角 / full-width characters folded"
	noteSpaces = "去除空格和连字符 / spaces and hyphens removed"
	noteRaised = "小写字母转为大写 / lower case raised"
	notePilot  = "校验码不符，按早期试点代码接受 / check character wrong, accepted as an early pilot code"
	maxLenient = 256 // bytes NormalizeUSCC reads; a code with any spacing is far shorter
)

// NormalizeUSCC is the lenient path for codes typed by people: it folds
// full-width characters, removes spaces and hyphens, upper-cases, and then
// parses with o. It reports each change it made, in Chinese and English,
// so that a form can show "we read your code as …". An error names the
// input as given and the position in it.
//
// A code that needs no change costs what ParseUSCCWith costs: it is
// parsed directly, without allocating. Input longer than 256 bytes is a
// length error.
func NormalizeUSCC(s string, o Options) (USCC, []string, error) {
	if len(s) == 18 {
		// A code that parses as given has nothing to normalise: each of its
		// characters is in the alphabet. So a clean code costs one parse.
		u, err := ParseUSCCWith(s, o)
		switch {
		case err == nil && u.pilot:
			return u, []string{notePilot}, nil
		case err == nil:
			return u, nil, nil
		case clean(s):
			return USCC{}, nil, err
		}
	}
	return normalizeSlow(s, o)
}

// normalizeSlow is NormalizeUSCC for input that needs folding, spacing or
// raising, kept apart so that the fast path stays small.
func normalizeSlow(s string, o Options) (USCC, []string, error) {
	if len(s) > maxLenient {
		n := utf8.RuneCountInString(s)
		return USCC{}, nil, usccErr(s, RuleLength, 0, fmt.Sprintf("应为18个字符，实为%d个", n), fmt.Sprintf("want 18 characters, got %d", n))
	}
	// One pass over the input: buf holds the code as read, at[i] the
	// position in s (in characters, from 1) of buf's i-th character.
	var buf [maxLenient]byte
	var at [maxLenient]int
	n, out, chars := 0, 0, 0
	var folded, spaced, raised bool
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		i += size
		chars++
		switch r {
		case ' ', '\t', '\r', '\n', '-', '\u00a0', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			spaced = true
			continue
		case '\u3000', '\uff0d': // full-width space and hyphen
			folded, spaced = true, true
			continue
		}
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
			folded = true
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
			raised = true
		}
		at[out] = chars
		out++
		if r == utf8.RuneError && size == 1 { // keep an invalid byte as it is, for the error to name
			n += copy(buf[n:], raw)
			continue
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	var changes []string
	if folded {
		changes = append(changes, noteFolded)
	}
	if spaced {
		changes = append(changes, noteSpaces)
	}
	if raised {
		changes = append(changes, noteRaised)
	}
	u, err := ParseUSCCWith(string(buf[:n]), o)
	if err != nil {
		var ue *USCCError
		if errors.As(err, &ue) {
			moved := *ue
			moved.Input = s
			if moved.Position > 0 {
				moved.Position = at[moved.Position-1]
			}
			err = &moved
		}
		return USCC{}, changes, err
	}
	if u.pilot {
		changes = append(changes, notePilot)
	}
	return u, changes, nil
}

// clean reports whether every byte of s is a character of the code
// alphabet, so that NormalizeUSCC has nothing to change.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		if charValue[s[i]] < 0 {
			return false
		}
	}
	return true
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
