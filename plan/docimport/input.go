package docimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Errors returned for input that is not a document's text. Each error
// returned wraps one of them; errors.Is tells which.
var (
	// ErrEmpty: the input holds nothing but white space.
	ErrEmpty = errors.New("docimport: empty input")
	// ErrBinary: the input is not text (NUL or other control bytes).
	ErrBinary = errors.New("docimport: binary input")
	// ErrEncoding: the input is not UTF-8. An *EncodingError says where,
	// and whether the bytes read as GBK.
	ErrEncoding = errors.New("docimport: not UTF-8")
	// ErrTooLarge: the input is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("docimport: input too large")
)

// DefaultMaxBytes is the default bound on the input: 8 MiB, about 80 times
// the largest seed document (a city five-year programme of 93 KB).
const DefaultMaxBytes = 8 << 20

// EncodingError says where the input stops being UTF-8 and whether the
// whole input reads as GBK (GB 18030's two-byte subset), the encoding of
// most Chinese office documents saved as plain text.
type EncodingError struct {
	// Line is the 1-based line of the first invalid byte.
	Line int
	// Offset is the byte offset of the first invalid byte.
	Offset int
	// GBK reports whether the input decodes as GBK to text that is
	// mostly Chinese characters.
	GBK bool
}

// Error says what and where, in Chinese and English, with the fix.
func (e *EncodingError) Error() string {
	if e.GBK {
		return fmt.Sprintf("docimport: 第 %d 行（字节 %d）起不是 UTF-8，文本看来是 GBK 编码，请先转换：iconv -f GBK -t UTF-8 / line %d (byte %d) is not UTF-8; the text looks GBK-encoded, convert it first: iconv -f GBK -t UTF-8",
			e.Line, e.Offset, e.Line, e.Offset)
	}
	return fmt.Sprintf("docimport: 第 %d 行（字节 %d）不是有效的 UTF-8 / line %d (byte %d) is not valid UTF-8", e.Line, e.Offset, e.Line, e.Offset)
}

// Unwrap returns ErrEncoding.
func (e *EncodingError) Unwrap() error { return ErrEncoding }

// readLimited reads r up to max bytes, or returns ErrTooLarge.
func readLimited(r io.Reader, max int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("docimport: 读取失败 / read failed: %w", err)
	}
	if len(b) > max {
		return nil, tooLarge(max)
	}
	return b, nil
}

func tooLarge(max int) error {
	return fmt.Errorf("%w: 超过 %d 字节的上限（Options.MaxBytes）/ more than the %d-byte limit (Options.MaxBytes)", ErrTooLarge, max, max)
}

// checkText rejects input that is not a document's UTF-8 text and returns
// it without a byte-order mark.
func checkText(b []byte) ([]byte, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fmt.Errorf("%w: 输入为空 / the input is empty", ErrEmpty)
	}
	// Control bytes first: a binary file is binary whatever else it is.
	line := 1
	for i, c := range b {
		switch {
		case c == '\n':
			line++
		case c < 0x20 && c != '\r' && c != '\t' && c != '\f' || c == 0x7f:
			return nil, fmt.Errorf("%w: 第 %d 行（字节 %d）有控制字符 0x%02x，这不是文本 / line %d (byte %d) holds control byte 0x%02x: this is not text",
				ErrBinary, line, i, c, line, i, c)
		}
	}
	if utf8.Valid(b) {
		return b, nil
	}
	line = 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return nil, &EncodingError{Line: line, Offset: i, GBK: looksGBK(b)}
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return b, nil
}

// looksGBK reports whether b decodes as GBK without a byte the encoding
// does not define, to text at least nine in ten of whose non-ASCII runes
// are Han characters or CJK punctuation.
func looksGBK(b []byte) bool {
	s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	han, other := 0, 0
	for _, r := range string(s) {
		switch {
		case r == utf8.RuneError:
			return false
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef:
			han++
		default:
			other++
		}
	}
	return han > 0 && han >= 9*other
}

// line is one line of the document, cleaned.
type line struct {
	no   int    // 1-based line number in the input
	text string // spaces folded and trimmed; list markers removed
	tabs bool   // the line has tabs: a table row when a table is open or it has several cells
}

// spaceLike are the characters read as a space: no-break, ideographic,
// zero-width and other spaces documents carry.
var spaceLike = strings.NewReplacer("\u00a0", " ", "\u3000", " ", "\u200b", "", "\ufeff", "", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\r", "", "\f", "")

// splitLines cuts the text into cleaned lines, keeping line numbers. Table
// rows keep their tabs (trailing ones removed); other lines have runs of
// spaces and tabs collapsed.
func splitLines(b []byte) []line {
	var out []line
	no := 0
	for len(b) > 0 {
		no++
		var raw []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			raw, b = b[:i], b[i+1:]
		} else {
			raw, b = b, nil
		}
		s := spaceLike.Replace(string(raw))
		l := line{no: no, tabs: strings.Contains(s, "\t")}
		s = strings.TrimRight(s, " \t")
		if strings.Contains(s, "\t") {
			l.text = strings.TrimLeft(s, " ")
		} else {
			l.text = strings.Join(strings.Fields(s), " ")
			l.text = stripMarker(l.text)
		}
		if strings.TrimSpace(l.text) != "" {
			out = append(out, l)
		}
	}
	return out
}

// stripMarker removes a leading list or quote marker (-, >, •, *).
func stripMarker(s string) string {
	for {
		t := strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "> "), strings.HasPrefix(t, "* "):
			s = t[2:]
		case strings.HasPrefix(t, "•"):
			s = t[len("•"):]
		default:
			return strings.TrimSpace(t)
		}
	}
}
