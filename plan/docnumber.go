package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// DocNumber is a document number (文号): 辽政办发〔2022〕14号 is agency
// 辽政办发, year 2022, sequence 14. The zero DocNumber is "no number".
type DocNumber struct {
	// Agency is the issuing agency's code (辽政办发, 鲅政办发).
	Agency string
	// Year is the year in the brackets.
	Year int
	// Seq is the sequence number.
	Seq int
}

var reDocNumber = regexp.MustCompile(`^(\p{Han}[\p{Han}A-Za-z]*?)[〔\[(【]((?:19|20)\d\d)[〕\])】](\d{1,5})号$`)

// ParseDocNumber reads a document number, normalising the year's brackets:
// 〔2022〕, [2022], (2022), （2022） and 【2022】 are all read as 〔2022〕.
// Full-width digits and spaces are folded.
func ParseDocNumber(s string) (DocNumber, error) {
	t := strings.Join(strings.Fields(width.Fold.String(s)), "")
	t = strings.NewReplacer("（", "(", "）", ")").Replace(t)
	m := reDocNumber.FindStringSubmatch(t)
	if m == nil {
		return DocNumber{}, &ValueError{Input: s,
			MessageZh: fmt.Sprintf("无法解析文号 %q（应如 辽政办发〔2022〕14号）", s),
			MessageEn: fmt.Sprintf("cannot parse document number %q (want e.g. 辽政办发〔2022〕14号)", s)}
	}
	y, _ := strconv.Atoi(m[2])
	n, _ := strconv.Atoi(m[3])
	if n == 0 {
		return DocNumber{}, &ValueError{Input: s,
			MessageZh: fmt.Sprintf("文号 %q 的序号不能为0", s), MessageEn: fmt.Sprintf("document number %q has sequence 0", s)}
	}
	return DocNumber{Agency: m[1], Year: y, Seq: n}, nil
}

// ValueError is text that is not a value of one of the package's types:
// a document number (文号), a kind, a severity. It matches ErrInvalidPlan
// with errors.Is, and says what is wrong in Chinese and English apart.
type ValueError struct {
	// Input is the text as given.
	Input string
	// MessageZh and MessageEn say what is wrong.
	MessageZh, MessageEn string
}

// Error returns "plan: invalid plan: 中文 / English".
func (e *ValueError) Error() string {
	return ErrInvalidPlan.Error() + ": " + e.MessageZh + " / " + e.MessageEn
}

// Is reports whether target is ErrInvalidPlan.
func (e *ValueError) Is(target error) bool { return target == ErrInvalidPlan }

// IsZero reports whether d is the zero DocNumber.
func (d DocNumber) IsZero() bool { return d == DocNumber{} }

// String returns the normalised number: 辽政办发〔2022〕14号 ("" for zero).
func (d DocNumber) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s〔%d〕%d号", d.Agency, d.Year, d.Seq)
}

// MarshalText implements encoding.TextMarshaler.
func (d DocNumber) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDocNumber;
// empty text is the zero DocNumber.
func (d *DocNumber) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = DocNumber{}
		return nil
	}
	v, err := ParseDocNumber(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
