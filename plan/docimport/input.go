package docimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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

// maxTextLines bounds the non-empty lines of a text: the largest plan the
// seeds hold has under a thousand, and a line costs the importer a few
// hundred bytes, so that memory stays bounded whatever the lines' length.
const maxTextLines = 20_000 // twenty times the largest seed: memory a few dozen MB at most

// checkLines refuses a text of more than maxTextLines non-empty lines
// before any line is read.
func checkLines(b []byte) error {
	n := 0
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if n++; n > maxTextLines {
				return fmt.Errorf("%w: 文本超过%d个非空行，不像一份规划文件 / the text has more than %d non-empty lines: not a plan document", ErrTooLarge, maxTextLines, maxTextLines)
			}
		}
	}
	return nil
}

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

// DefaultMaxUnpacked is the default bound on what a .docx or .xlsx unpacks
// to: 256 MiB, the whole of a Word file of about 25 MB. A zip bomb stops
// there with an error, never a memory blow-up.
const DefaultMaxUnpacked = 256 << 20

// More errors for input that is no document the importer reads.
var (
	// ErrFormat: the input is a file format the importer does not read
	// (a legacy .doc, .wps or .xls, a PDF, an .odt, RTF). A *FormatError
	// says which and how to convert it.
	ErrFormat = errors.New("docimport: unsupported file format")
	// ErrCorrupt: a .docx or .xlsx that cannot be unpacked or read, or
	// that unpacks past Options.MaxUnpacked.
	ErrCorrupt = errors.New("docimport: damaged or oversized Word or Excel file")
)

// Format is a kind of document the importer reads.
type Format uint8

// The formats.
const (
	FormatText Format = iota + 1 // UTF-8 text
	FormatDOCX                   // a Word file (Office Open XML)
	FormatXLSX                   // an Excel workbook (Office Open XML)
)

// String returns text, docx or xlsx.
func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatDOCX:
		return "docx"
	case FormatXLSX:
		return "xlsx"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// MarshalText implements encoding.TextMarshaler.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: text, docx or xlsx,
// so that a Result written as JSON reads back. Anything else is an error
// wrapping ErrFormat.
func (f *Format) UnmarshalText(b []byte) error {
	for _, v := range []Format{FormatText, FormatDOCX, FormatXLSX} {
		if string(b) == v.String() {
			*f = v
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的格式 %q（应为 text、docx 或 xlsx）/ unknown format %q (want text, docx or xlsx)", ErrFormat, b, b)
}

// FormatError is a file in a format the importer does not read, with the
// command that converts it.
type FormatError struct {
	// Format names the format found: doc (a legacy Word, WPS or Excel
	// file), pdf, odf, rtf, zip.
	Format string
}

// Error says what the file is and how to convert it, in Chinese and English.
func (e *FormatError) Error() string {
	switch e.Format {
	case "doc":
		return "docimport: 这是旧版 Word/WPS/Excel 文件（.doc、.wps、.xls、.et），请先另存为 .docx 或 .xlsx，或用 libreoffice --headless --convert-to docx 文件名（表格用 --convert-to xlsx）转换 / " +
			"this is a legacy Word, WPS or Excel file (.doc, .wps, .xls, .et): save it as .docx or .xlsx first, or convert it with libreoffice --headless --convert-to docx FILE (a spreadsheet: --convert-to xlsx)"
	case "pdf":
		return "docimport: 这是 PDF 文件，不能直接导入：请用原始的 Word 文件，或用 pdftotext -layout 文件名.pdf 提取文字后再导入（扫描件需先做文字识别） / " +
			"this is a PDF, which is not imported directly: use the original Word file, or extract the text with pdftotext -layout FILE.pdf and import that (a scan needs OCR first)"
	case "odf":
		return "docimport: 这是 OpenDocument 文件（.odt、.ods），请用 libreoffice --headless --convert-to docx 文件名（表格用 --convert-to xlsx）转换 / " +
			"this is an OpenDocument file (.odt, .ods): convert it with libreoffice --headless --convert-to docx FILE (a spreadsheet: --convert-to xlsx)"
	case "rtf":
		return "docimport: 这是 RTF 文件，请用 libreoffice --headless --convert-to docx 文件名 转换 / this is an RTF file: convert it with libreoffice --headless --convert-to docx FILE"
	}
	return "docimport: 这是 zip 压缩包，但不是 .docx 或 .xlsx / this is a zip archive, but not a .docx or .xlsx"
}

// Unwrap returns ErrFormat.
func (e *FormatError) Unwrap() error { return ErrFormat }

// DetectFormat tells a document's format from its content: a zip holding
// word/document.xml is a .docx, one holding xl/workbook.xml an .xlsx;
// anything else that is no known binary format is text (checked as such
// when read). A legacy .doc, .wps or .xls (OLE2, D0 CF 11 E0), a PDF, an
// OpenDocument file or RTF is a *FormatError saying how to convert it.
func DetectFormat(b []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return 0, &FormatError{Format: "doc"}
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return 0, &FormatError{Format: "pdf"}
	case bytes.HasPrefix(b, []byte(`{\rtf`)):
		return 0, &FormatError{Format: "rtf"}
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return zipFormat(b)
	}
	return FormatText, nil
}
