// Package strictjson is the one JSON decoding path of bizenv: every package
// that reads JSON from outside (plans, tasks, cases, overlays, directories,
// draw records and policies, indicator systems, observations) decodes
// through it, so that every input meets the same rules.
//
// What it refuses, each as a Problem with a stable code, the JSON Pointer
// (RFC 6901) of the value, and its line and column:
//   - input larger than the caller's limit (too_large), empty input (empty);
//   - text that is not UTF-8: invalid bytes, UTF-16 or UTF-32 (encoding).
//     A UTF-8 byte order mark, which Windows editors write, is skipped;
//   - malformed JSON (syntax) and data after the value (trailing_data);
//   - a key given twice in one object, also when the two differ only in
//     case, as "title" and "Title" (duplicate_key): encoding/json would keep
//     the last one silently;
//   - a key the Go type has no field for, matched exactly, case included
//     (unknown_field);
//   - a value of the wrong JSON type, or a number that does not fit (type);
//   - a value the type's own UnmarshalText or UnmarshalJSON rejects, such as
//     an impossible date (value);
//   - null as an element of an array (null_element): no bizenv format has
//     one, and encoding/json would decode it to a nil pointer that callers
//     skip.
//
// Options add the rules of an exchange format whose JSON Schema must accept
// exactly what the decoder accepts (Options.Canonical): each value only as
// bizenv writes it, null only where it means "none", integers in any
// notation; package plan decodes plans so.
//
// It checks the whole document against the Go type first and reports every
// problem it finds (up to MaxProblems), then decodes with encoding/json.
// Memory stays proportional to the input: the input is read once, and line
// and column are worked out only for the problems reported.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Problem codes.
const (
	CodeTooLarge     = "too_large"
	CodeEmpty        = "empty"
	CodeEncoding     = "encoding"
	CodeSyntax       = "syntax"
	CodeTrailingData = "trailing_data"
	CodeDuplicateKey = "duplicate_key"
	CodeUnknownField = "unknown_field"
	CodeType         = "type"
	CodeValue        = "value"
	CodeNullElement  = "null_element"
	// CodeNoncanonical is a value written otherwise than bizenv writes it,
	// under Options.Canonical.
	CodeNoncanonical = "noncanonical"
)

// Options select rules beyond the default ones, for the exchange formats
// whose JSON Schema must accept exactly what the decoder accepts.
type Options struct {
	// Canonical accepts each value only as bizenv writes it, the way a
	// JSON Schema can describe it:
	//   - a value of a type with its own text or JSON form (a date, a UUID,
	//     an enumeration, a decimal, a 文号) only in the form json.Marshal
	//     writes for it: "in_progress", not "推进中"; "10", not 10; a UUID in
	//     lower case; 2025-01-05, not 2025年1月5日 (noncanonical);
	//   - null only where the value may be absent (a pointer, a list, a
	//     map) or is written as null (a zero calendar.Date): see Nullable;
	//   - an integer field takes any JSON number whose value is an integer
	//     in its range (1, 1.0 and 1e0 are all 1), as a JSON Schema
	//     "integer" does.
	Canonical bool
	// Shapes gives, for types with their own UnmarshalJSON that read an
	// object or an array, the Go type whose JSON shape they read, so that
	// every rule reaches inside them: the checker walks the value as that
	// type and leaves the type's own UnmarshalJSON to the decoding. A type
	// mapped to itself is walked as a plain struct (its fields).
	Shapes map[reflect.Type]reflect.Type
}

// MaxProblems bounds the problems one decoding reports.
const MaxProblems = 100

// maxDepth bounds nesting, as encoding/json does.
const maxDepth = 10000

// Problem is one thing wrong with a JSON input.
type Problem struct {
	// Code is one of the Code constants.
	Code string
	// Pointer is the RFC 6901 JSON Pointer of the value concerned ("" is the
	// whole document, "/sections/0/title" a field).
	Pointer string
	// Offset is the byte offset in the input; Line and Column (in
	// characters) locate it for people, both from 1.
	Offset       int64
	Line, Column int
	// ZH and EN say what is wrong.
	ZH, EN string
	// Err is the error a type's own decoding returned (CodeValue), or nil.
	Err error
}

// Message is what is wrong, in Chinese and English (once, when a type's
// own error already gives both).
func (p Problem) Message() string {
	if p.ZH == p.EN {
		return p.ZH
	}
	return p.ZH + " / " + p.EN
}

// LineColumn is the line and column, in Chinese and in English (第3行第5列,
// line 3, column 5); both empty when the place has no line.
func (p Problem) LineColumn() (zh, en string) {
	if p.Line <= 0 {
		return "", ""
	}
	return fmt.Sprintf("第%d行第%d列", p.Line, p.Column), fmt.Sprintf("line %d, column %d", p.Line, p.Column)
}

// Where is the place, for people: line, column and pointer.
func (p Problem) Where() string {
	_, s := p.LineColumn()
	if p.Pointer != "" {
		if s != "" {
			s += " "
		}
		s += p.Pointer
	}
	return s
}

// String gives the place and the problem in Chinese and English.
func (p Problem) String() string {
	if p.ZH == p.EN {
		if w := p.Where(); w != "" {
			return w + ": " + p.ZH
		}
		return p.ZH
	}
	where, whereEN := p.LineColumn()
	if p.Pointer != "" {
		where += "（" + p.Pointer + "）"
		if whereEN != "" {
			whereEN += " "
		}
		whereEN += "(" + p.Pointer + ")"
	}
	if where == "" {
		return p.ZH + " / " + p.EN
	}
	return where + "：" + p.ZH + " / " + whereEN + ": " + p.EN
}

// Error is every problem found in one input.
type Error struct {
	Problems []Problem
	// More reports that problems beyond MaxProblems were not listed.
	More bool
}

// Error lists the first problems, in Chinese and English.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i == 3 {
			fmt.Fprintf(&b, "；另有%d处 / and %d more", len(e.Problems)-3, len(e.Problems)-3)
			break
		}
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(p.String())
	}
	if e.More {
		b.WriteString(" …")
	}
	return b.String()
}

// Unwrap returns the errors of the types' own decoders, so that errors.Is
// finds their sentinels.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, p := range e.Problems {
		if p.Err != nil {
			errs = append(errs, p.Err)
		}
	}
	return errs
}

// Decode reads at most limit bytes from r and decodes them into v (a
// non-nil pointer) under the rules above. Errors are *Error, or the read
// error of r.
func Decode(r io.Reader, limit int64, v any) error {
	return DecodeWith(r, limit, v, Options{})
}

// DecodeWith is Decode under the further rules of o.
func DecodeWith(r io.Reader, limit int64, v any, o Options) error {
	b, err := readAll(r, limit)
	if err != nil {
		return err
	}
	if int64(len(b)) > limit {
		return &Error{Problems: []Problem{{Code: CodeTooLarge, Offset: limit,
			ZH: fmt.Sprintf("输入超过%d字节", limit), EN: fmt.Sprintf("the input is larger than %d bytes", limit)}}}
	}
	return UnmarshalWith(b, v, o)
}

// readAll reads at most limit+1 bytes of r. When r knows its size (a
// bytes or strings reader, a file), the buffer is made that size at once
// rather than grown by doubling, so that reading costs the input's size.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(-1)
	switch x := r.(type) {
	case interface{ Len() int }:
		size = int64(x.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if size < 0 || size > limit {
		return io.ReadAll(io.LimitReader(r, limit+1))
	}
	lr := io.LimitReader(r, limit+1)
	b := make([]byte, size+1) // +1: a reader longer than it said shows here
	n, err := io.ReadFull(lr, b)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return b[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(lr) // the reader had more than its size
	return append(b, rest...), err
}

// Unmarshal decodes b into v (a non-nil pointer) under the rules above.
func Unmarshal(b []byte, v any) error { return UnmarshalWith(b, v, Options{}) }

// UnmarshalWith is Unmarshal under the further rules of o.
func UnmarshalWith(b []byte, v any, o Options) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strictjson: Unmarshal needs a non-nil pointer, not %T", v)
	}
	b, errs := CheckWith(b, rv.Type().Elem(), o)
	if errs != nil {
		return errs
	}
	if err := json.Unmarshal(b, v); err != nil {
		// Check found nothing, so this is a rule of encoding/json that Check
		// does not know: report it as it is, without losing it.
		return &Error{Problems: []Problem{{Code: CodeValue, Line: 1, Column: 1,
			ZH: err.Error(), EN: err.Error(), Err: err}}}
	}
	return nil
}

// Check checks b against the Go type t and returns the input with a UTF-8
// byte order mark removed, and every problem found as *Error (nil when
// there is none). t may be nil: then only the JSON itself is checked
// (encoding, syntax, duplicate keys, null elements, trailing data).
func Check(b []byte, t reflect.Type) ([]byte, *Error) { return CheckWith(b, t, Options{}) }

// CheckWith is Check under the further rules of o. Under o.Canonical an
// integer written with a fraction or an exponent (1.0, 1e2) is returned
// rewritten as its digits, so that encoding/json reads it.
func CheckWith(b []byte, t reflect.Type, o Options) ([]byte, *Error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	c := &checker{src: b, canonical: o.Canonical, shapes: o.Shapes}
	if p, bad := encodingProblem(b); bad {
		c.add(p)
		return b, c.result()
	}
	c.skipSpace()
	if c.pos == len(b) {
		c.add(Problem{Code: CodeEmpty, ZH: "输入为空", EN: "the input is empty"})
		return b, c.result()
	}
	c.value(t, 0)
	if !c.stopped {
		c.skipSpace()
		if c.pos < len(b) {
			c.addAt(int64(c.pos), Problem{Code: CodeTrailingData, ZH: "JSON 值之后有多余内容", EN: "unexpected data after the JSON value"})
		}
	}
	if len(c.problems) == 0 && len(c.rewrites) > 0 {
		out := make([]byte, 0, len(b))
		at := 0
		for _, r := range c.rewrites {
			out = append(append(out, b[at:r.start]...), r.text...)
			at = r.end
		}
		b = append(out, b[at:]...)
	}
	return b, c.result()
}

// encodingProblem finds UTF-16/32 input and invalid UTF-8.
func encodingProblem(b []byte) (Problem, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}),
		len(b) >= 2 && (b[0] == 0 || b[1] == 0):
		return Problem{Code: CodeEncoding, Line: 1, Column: 1,
			ZH: "输入是 UTF-16 或 UTF-32 编码，请另存为 UTF-8",
			EN: "the input is UTF-16 or UTF-32: save it as UTF-8"}, true
	}
	if utf8.Valid(b) {
		return Problem{}, false
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	p := Problem{Code: CodeEncoding, Offset: int64(off),
		ZH: fmt.Sprintf("第%d字节不是有效的 UTF-8（0x%02X），文件可能是 GBK 编码：请转换为 UTF-8（iconv -f GBK -t UTF-8）", off+1, b[off]),
		EN: fmt.Sprintf("byte %d is not valid UTF-8 (0x%02X); the file may be GBK: convert it to UTF-8 (iconv -f GBK -t UTF-8)", off+1, b[off])}
	p.Line, p.Column = position(b, int64(off))
	return p, true
}

// position gives the line and column (in characters, both from 1) of a
// byte offset.
func position(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// checker walks a JSON text (already known to be UTF-8) beside a Go type.
// It scans the bytes itself, without building values, so that checking
// costs a fraction of decoding.
type checker struct {
	src      []byte
	pos      int
	path     []segment
	keys     [][]string
	problems []Problem
	more     bool
	stopped  bool // a syntax error, or too many problems, ends the walk

	canonical bool
	shapes    map[reflect.Type]reflect.Type
	rewrites  []rewrite // integers to write as digits, in input order
}

// rewrite replaces src[start:end] with text.
type rewrite struct {
	start, end int
	text       string
}

func (c *checker) result() *Error {
	if len(c.problems) == 0 {
		return nil
	}
	return &Error{Problems: c.problems, More: c.more}
}

// segment is one step of the path to the current value: an object key, or
// an array index when key is unset.
type segment struct {
	key   string
	index int
	isKey bool
}

// pointer is the JSON Pointer of the current value.
func (c *checker) pointer() string {
	var b strings.Builder
	for _, s := range c.path {
		b.WriteByte('/')
		if s.isKey {
			b.WriteString(escape(s.key))
		} else {
			b.WriteString(strconv.Itoa(s.index))
		}
	}
	return b.String()
}

// add records a problem; past MaxProblems it stops the walk.
func (c *checker) add(p Problem) {
	if len(c.problems) == MaxProblems {
		c.more, c.stopped = true, true
		return
	}
	c.problems = append(c.problems, p)
}

// addAt adds a problem at a byte offset and the current pointer.
func (c *checker) addAt(off int64, p Problem) {
	if len(c.problems) == MaxProblems {
		c.more, c.stopped = true, true
		return
	}
	p.Offset = off
	p.Line, p.Column = position(c.src, off)
	if p.Pointer == "" {
		p.Pointer = c.pointer()
	}
	c.add(p)
}

// syntax reports malformed JSON at the current position and ends the walk.
func (c *checker) syntax(zh, en string) {
	if c.stopped {
		return
	}
	c.addAt(int64(c.pos), Problem{Code: CodeSyntax, ZH: "JSON 语法错误：" + zh, EN: "JSON syntax error: " + en})
	c.stopped = true
}

func (c *checker) unexpected() {
	if c.pos >= len(c.src) {
		c.syntax("意外结束", "unexpected end of input")
		return
	}
	r, _ := utf8.DecodeRune(c.src[c.pos:])
	c.syntax(fmt.Sprintf("意外的字符 %q", r), fmt.Sprintf("unexpected character %q", r))
}

func (c *checker) skipSpace() {
	for c.pos < len(c.src) {
		switch c.src[c.pos] {
		case ' ', '\t', '\r', '\n':
			c.pos++
			continue
		}
		return
	}
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	rawMessage      = reflect.TypeFor[json.RawMessage]()
	numberType      = reflect.TypeFor[json.Number]()
)

// tokenKind is the JSON kind of a value, from its first byte.
type tokenKind uint8

const (
	kNull tokenKind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

var kindNames = [...]kindName{
	kNull: {"null", "null"}, kBool: {"布尔值", "a boolean"}, kNumber: {"数字", "a number"},
	kString: {"字符串", "a string"}, kObject: {"对象", "an object"}, kArray: {"数组", "an array"},
}

// value checks the next value against t (nil: any JSON).
func (c *checker) value(t reflect.Type, depth int) {
	if c.stopped {
		return
	}
	if depth > maxDepth {
		c.syntax("嵌套过深", "nested too deeply")
		return
	}
	c.skipSpace()
	declared := t
	for t != nil && t.Kind() == reflect.Pointer && !implements(t, jsonUnmarshaler) && !implements(t, textUnmarshaler) {
		t = t.Elem()
	}
	start := c.pos
	if t == rawMessage {
		t = nil
	}
	if c.canonical && t != nil && t.Kind() != reflect.Interface && bytes.HasPrefix(c.src[c.pos:], []byte("null")) {
		c.pos += len("null")
		if !Nullable(declared) {
			c.typeProblem(start, t, kNull, "")
		}
		return
	}
	if t != nil && c.shapes != nil {
		if shape, ok := c.shapes[derefType(t)]; ok {
			c.shaped(shape, depth)
			return
		}
	}
	if t != nil && implements(t, jsonUnmarshaler) {
		c.custom(t, depth)
		return
	}
	if c.pos >= len(c.src) {
		c.unexpected()
		return
	}
	switch c.src[c.pos] {
	case '{':
		c.object(t, depth)
		return
	case '[':
		c.array(t, depth)
		return
	case '"':
		s, ok := c.str()
		if !ok || t == nil || t.Kind() == reflect.Interface {
			return
		}
		if implements(t, textUnmarshaler) {
			v := reflect.New(derefType(t))
			if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				c.addAt(int64(start), Problem{Code: CodeValue, ZH: err.Error(), EN: err.Error(), Err: err})
				return
			}
			if c.canonical {
				c.canonicalValue(start, v)
			}
			return
		}
		if t.Kind() != reflect.String && t != numberType {
			c.typeProblem(start, t, kString, "")
		}
	case 't', 'f', 'n':
		k := c.literal()
		if c.stopped || k == kNull || t == nil || t.Kind() == reflect.Interface {
			return
		}
		if t.Kind() != reflect.Bool {
			c.typeProblem(start, t, k, "")
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n, ok := c.number()
		if !ok || t == nil || t.Kind() == reflect.Interface || t == numberType {
			return
		}
		if c.canonical && isInteger(t) {
			digits, integral := integerDigits(n)
			if !integral || !numberFits(t, digits) {
				c.typeProblem(start, t, kNumber, n)
			} else if digits != n {
				c.rewrites = append(c.rewrites, rewrite{start, c.pos, digits})
			}
			return
		}
		if !numberFits(t, n) {
			c.typeProblem(start, t, kNumber, n)
		}
	default:
		c.unexpected()
	}
}

func derefType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || (t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(iface))
}

// custom checks a value of a type with its own UnmarshalJSON: the raw value
// is checked as JSON syntax, then given to the type; a *Error it returns
// (the types of this module decode through Unmarshal) is re-based to where
// the value sits.
func (c *checker) custom(t reflect.Type, depth int) {
	start := c.pos
	c.skipValue(depth)
	if c.stopped {
		return
	}
	raw := c.src[start:c.pos]
	if string(raw) == "null" {
		return
	}
	v := reflect.New(derefType(t))
	err := v.Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	if err == nil {
		if c.canonical && raw[0] != '{' && raw[0] != '[' {
			c.canonicalValue(start, v)
		}
		return
	}
	var se *Error
	if errors.As(err, &se) {
		for _, p := range se.Problems {
			p.Pointer = c.pointer() + p.Pointer
			p.Offset += int64(start)
			p.Line, p.Column = position(c.src, p.Offset)
			c.add(p)
		}
		if se.More {
			c.more = true
		}
		return
	}
	c.addAt(int64(start), Problem{Code: CodeValue, ZH: err.Error(), EN: err.Error(), Err: err})
}

// skipValue checks the syntax of the next value and moves past it.
func (c *checker) skipValue(depth int) {
	save := len(c.problems)
	c.value(nil, depth)
	// Only syntax counts here: the type's own decoder reports the rest.
	kept := c.problems[:save]
	for _, p := range c.problems[save:] {
		if p.Code == CodeSyntax {
			kept = append(kept, p)
		}
	}
	c.problems = kept
}

func (c *checker) typeProblem(off int, t reflect.Type, got tokenKind, number string) {
	g := kindNames[got]
	if number != "" {
		g = kindName{"数字 " + number, "the number " + number}
	}
	want := wantKind(t)
	c.addAt(int64(off), Problem{Code: CodeType,
		ZH: fmt.Sprintf("类型不符：应为%s，实为%s", want.zh, g.zh),
		EN: fmt.Sprintf("wrong type: want %s, got %s", want.en, g.en)})
}

type kindName struct{ zh, en string }

func wantKind(t reflect.Type) kindName {
	if implements(t, textUnmarshaler) {
		return kindName{"字符串", "a string"}
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return kindName{"对象", "an object"}
	case reflect.Slice, reflect.Array:
		return kindName{"数组", "an array"}
	case reflect.String:
		return kindName{"字符串", "a string"}
	case reflect.Bool:
		return kindName{"布尔值", "a boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return kindName{fmt.Sprintf("整数（%s）", t.Kind()), fmt.Sprintf("an integer (%s)", t.Kind())}
	case reflect.Float32, reflect.Float64:
		return kindName{"数字", "a number"}
	}
	return kindName{t.String(), t.String()}
}

// numberFits reports whether the JSON number n can be decoded into t.
func numberFits(t reflect.Type, n string) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err := strconv.ParseInt(n, 10, t.Bits())
		return err == nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		_, err := strconv.ParseUint(n, 10, t.Bits())
		return err == nil
	case reflect.Float32, reflect.Float64:
		_, err := strconv.ParseFloat(n, t.Bits())
		return err == nil
	}
	return false
}

// literal reads true, false or null.
func (c *checker) literal() tokenKind {
	for _, l := range [...]struct {
		text string
		k    tokenKind
	}{{"true", kBool}, {"false", kBool}, {"null", kNull}} {
		if bytes.HasPrefix(c.src[c.pos:], []byte(l.text)) {
			c.pos += len(l.text)
			return l.k
		}
	}
	c.unexpected()
	return kNull
}

// number reads a number (RFC 8259 §6) and returns its text.
func (c *checker) number() (string, bool) {
	start := c.pos
	digits := func() int {
		n := 0
		for c.pos < len(c.src) && c.src[c.pos] >= '0' && c.src[c.pos] <= '9' {
			c.pos++
			n++
		}
		return n
	}
	if c.src[c.pos] == '-' {
		c.pos++
	}
	switch {
	case c.pos < len(c.src) && c.src[c.pos] == '0':
		c.pos++
	case digits() == 0:
		c.unexpected()
		return "", false
	}
	if c.pos < len(c.src) && c.src[c.pos] == '.' {
		c.pos++
		if digits() == 0 {
			c.unexpected()
			return "", false
		}
	}
	if c.pos < len(c.src) && (c.src[c.pos] == 'e' || c.src[c.pos] == 'E') {
		c.pos++
		if c.pos < len(c.src) && (c.src[c.pos] == '+' || c.src[c.pos] == '-') {
			c.pos++
		}
		if digits() == 0 {
			c.unexpected()
			return "", false
		}
	}
	return string(c.src[start:c.pos]), true
}

// str reads a string and returns its value. Escapes are checked; an
// unpaired surrogate (\ud800), which decoders would turn into U+FFFD
// silently, is an encoding problem.
func (c *checker) str() (string, bool) {
	start := c.pos
	c.pos++ // the opening quote
	plain := true
	for c.pos < len(c.src) {
		switch b := c.src[c.pos]; {
		case b == '"':
			c.pos++
			raw := c.src[start:c.pos]
			if plain {
				return string(raw[1 : len(raw)-1]), true
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				c.pos = start
				c.syntax("字符串无效", "invalid string")
				return "", false
			}
			return s, true
		case b == '\\':
			plain = false
			if !c.escape() {
				return "", false
			}
		case b < 0x20:
			c.syntax("字符串中有控制字符", "control character in a string")
			return "", false
		default:
			c.pos++
		}
	}
	c.unexpected()
	return "", false
}

// escape checks one escape sequence at c.pos.
func (c *checker) escape() bool {
	if c.pos+1 >= len(c.src) {
		c.pos = len(c.src)
		c.unexpected()
		return false
	}
	switch c.src[c.pos+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		c.pos += 2
		return true
	case 'u':
		r, ok := c.hex4(c.pos + 2)
		if !ok {
			c.syntax("\\u 之后应为4位十六进制数", `want four hex digits after \u`)
			return false
		}
		at := c.pos
		c.pos += 6
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := c.hex4(c.pos + 2); ok && c.pos+1 < len(c.src) && c.src[c.pos] == '\\' && c.src[c.pos+1] == 'u' && lo >= 0xDC00 && lo < 0xE000 {
				c.pos += 6
				return true
			}
			fallthrough
		case r >= 0xDC00 && r < 0xE000:
			c.addAt(int64(at), Problem{Code: CodeEncoding,
				ZH: fmt.Sprintf("字符串中有不成对的代理项 \\u%04x，不是有效的 Unicode", r),
				EN: fmt.Sprintf("unpaired surrogate \\u%04x in a string is not valid Unicode", r)})
		}
		return true
	}
	c.pos++
	c.syntax("无效的转义", "invalid escape")
	return false
}

func (c *checker) hex4(at int) (rune, bool) {
	if at+4 > len(c.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(c.src[at:at+4]), 16, 16)
	return rune(v), err == nil
}

// expect consumes byte b after optional space.
func (c *checker) expect(b byte) bool {
	c.skipSpace()
	if c.pos < len(c.src) && c.src[c.pos] == b {
		c.pos++
		return true
	}
	c.unexpected()
	return false
}

func (c *checker) object(t reflect.Type, depth int) {
	open := c.pos
	c.pos++ // {
	var fields map[string]reflect.Type
	var elem reflect.Type
	generic := t == nil || t.Kind() == reflect.Interface
	switch {
	case generic:
	case t.Kind() == reflect.Struct:
		fields = structFields(t)
	case t.Kind() == reflect.Map:
		elem = t.Elem()
	default:
		c.typeProblem(open, t, kObject, "")
		generic = true
	}
	if len(c.keys) <= depth {
		c.keys = append(c.keys, make([][]string, depth+1-len(c.keys))...)
	}
	seen := c.keys[depth][:0]
	var many map[string]string // folded key -> key, once an object has many keys
	defer func() { c.keys[depth] = seen[:0] }()
	c.skipSpace()
	if c.pos < len(c.src) && c.src[c.pos] == '}' {
		c.pos++
		return
	}
	for !c.stopped {
		c.skipSpace()
		koff := c.pos
		if c.pos >= len(c.src) || c.src[c.pos] != '"' {
			c.unexpected()
			return
		}
		key, ok := c.str()
		if !ok {
			return
		}
		c.path = append(c.path, segment{key: key, isKey: true})
		if first, dup := c.seen(&seen, &many, key); dup {
			c.addAt(int64(koff), Problem{Code: CodeDuplicateKey,
				ZH: fmt.Sprintf("键 %q 重复（已有 %q）", key, first),
				EN: fmt.Sprintf("key %q given twice (already %q)", key, first)})
		}
		var vt reflect.Type
		switch {
		case generic:
		case fields != nil:
			ft, known := fields[key]
			if !known {
				c.addAt(int64(koff), Problem{Code: CodeUnknownField,
					ZH: fmt.Sprintf("未知字段 %q", key), EN: fmt.Sprintf("unknown field %q", key)})
			}
			vt = ft
		default:
			vt = elem
		}
		if !c.expect(':') {
			return
		}
		c.value(vt, depth+1)
		c.path = c.path[:len(c.path)-1]
		if c.stopped {
			return
		}
		c.skipSpace()
		if c.pos < len(c.src) && c.src[c.pos] == '}' {
			c.pos++
			return
		}
		if !c.expect(',') {
			return
		}
	}
}

// seen records key among an object's keys and reports the key it repeats,
// ignoring case as encoding/json's field matching does. Small objects are
// searched in a slice; past 16 keys a map keeps the cost linear.
func (c *checker) seen(keys *[]string, many *map[string]string, key string) (string, bool) {
	if *many != nil {
		f := strings.ToLower(key)
		if first, dup := (*many)[f]; dup {
			return first, true
		}
		(*many)[f] = key
		return "", false
	}
	for _, s := range *keys {
		if len(s) == len(key) && strings.EqualFold(s, key) {
			return s, true
		}
	}
	*keys = append(*keys, key)
	if len(*keys) > 16 {
		*many = make(map[string]string, 32)
		for _, k := range *keys {
			(*many)[strings.ToLower(k)] = k
		}
	}
	return "", false
}

func (c *checker) array(t reflect.Type, depth int) {
	open := c.pos
	c.pos++ // [
	var elem reflect.Type
	generic := t == nil || t.Kind() == reflect.Interface
	switch {
	case generic:
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		elem = t.Elem()
	default:
		c.typeProblem(open, t, kArray, "")
	}
	c.skipSpace()
	if c.pos < len(c.src) && c.src[c.pos] == ']' {
		c.pos++
		return
	}
	for i := 0; !c.stopped; i++ {
		c.path = append(c.path, segment{index: i})
		c.skipSpace()
		if bytes.HasPrefix(c.src[c.pos:], []byte("null")) {
			c.addAt(int64(c.pos), Problem{Code: CodeNullElement, ZH: "数组元素不能为 null", EN: "an array element cannot be null"})
		}
		c.value(elem, depth+1)
		c.path = c.path[:len(c.path)-1]
		if c.stopped {
			return
		}
		c.skipSpace()
		if c.pos < len(c.src) && c.src[c.pos] == ']' {
			c.pos++
			return
		}
		if !c.expect(',') {
			return
		}
	}
}

// escape escapes a key for a JSON Pointer (RFC 6901 §3).
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

var fieldCache sync.Map // reflect.Type -> map[string]reflect.Type

// structFields maps each JSON name of struct t to its field's type (see
// Fields).
func structFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	fs := Fields(t)
	m := make(map[string]reflect.Type, len(fs))
	for _, f := range fs {
		m[f.Name] = f.Field.Type
	}
	fieldCache.Store(t, m)
	return m
}

// Field is a struct field as encoding/json sees it.
type Field struct {
	// Name is its JSON name.
	Name string
	// Field is the Go field.
	Field reflect.StructField
	// Owner is the struct type that declares it (an embedded one for a
	// promoted field).
	Owner reflect.Type
	index []int // its place: the indexes from t down to it
}

// Fields returns the JSON fields of struct t in the order encoding/json
// writes them (declaration order, an embedded struct's fields in its
// place), following its rules: the json tag's name, "-", unexported fields
// left out, the exported fields of embedded structs promoted, and a
// shallower field hiding a deeper one of the same name (at the same depth
// the first declared is kept). Every reader of a JSON shape in bizenv
// (the strict decoder, the schema generator) uses this one list.
func Fields(t reflect.Type) []Field {
	type level struct {
		typ   reflect.Type
		index []int
	}
	var out []Field
	taken := map[string]bool{}
	visited := map[reflect.Type]bool{t: true}
	for cur := []level{{t, nil}}; len(cur) > 0; {
		var next []level
		var found []Field
		here := map[string]bool{}
		for _, st := range cur {
			for i := range st.typ.NumField() {
				f := st.typ.Field(i)
				tag := f.Tag.Get("json")
				if tag == "-" {
					continue
				}
				index := append(append(make([]int, 0, len(st.index)+1), st.index...), i)
				name, _, _ := strings.Cut(tag, ",")
				if f.Anonymous && name == "" {
					ft := f.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == reflect.Struct {
						if !visited[ft] {
							visited[ft] = true
							next = append(next, level{ft, index})
						}
						continue
					}
				}
				if !f.IsExported() {
					continue
				}
				if name == "" {
					name = f.Name
				}
				if !taken[name] && !here[name] {
					here[name] = true
					found = append(found, Field{Name: name, Field: f, Owner: st.typ, index: index})
				}
			}
		}
		for _, f := range found {
			taken[f.Name] = true
		}
		out = append(out, found...)
		cur = next
	}
	slices.SortFunc(out, func(a, b Field) int { return slices.Compare(a.index, b.index) })
	return out
}

// shaped walks the next value as shape (see Options.Shapes).
func (c *checker) shaped(shape reflect.Type, depth int) {
	if c.pos >= len(c.src) {
		c.unexpected()
		return
	}
	switch c.src[c.pos] {
	case '{':
		if shape.Kind() == reflect.Struct || shape.Kind() == reflect.Map {
			c.object(shape, depth)
			return
		}
	case '[':
		if shape.Kind() == reflect.Slice || shape.Kind() == reflect.Array {
			c.array(shape, depth)
			return
		}
	}
	if implements(shape, jsonUnmarshaler) && c.shapes[derefType(shape)] == derefType(shape) {
		// A type walked as its own fields, given something else.
		start := c.pos
		c.skipValue(depth)
		if !c.stopped {
			c.typeProblem(start, shape, kindAt(c.src[start]), "")
		}
		return
	}
	c.value(shape, depth)
}

// kindAt is the JSON kind of a value that starts with b.
func kindAt(b byte) tokenKind {
	switch b {
	case '{':
		return kObject
	case '[':
		return kArray
	case '"':
		return kString
	case 't', 'f':
		return kBool
	case 'n':
		return kNull
	}
	return kNumber
}

// canonicalValue checks that the value that starts at start, decoded into
// v (a pointer), is written as json.Marshal writes v.
func (c *checker) canonicalValue(start int, v reflect.Value) {
	want, err := json.Marshal(v.Interface())
	if err != nil { // read, but not written back: not a value bizenv writes
		c.addAt(int64(start), Problem{Code: CodeValue, Err: err,
			ZH: "该值可以读取，但无法写回：" + err.Error(), EN: "the value reads but cannot be written back: " + err.Error()})
		return
	}
	end := c.pos
	got := c.src[start:end]
	if sameJSON(got, want) {
		return
	}
	shown := string(want)
	if utf8.RuneCountInString(shown) > 80 {
		shown = string([]rune(shown)[:80]) + "…"
	}
	c.addAt(int64(start), Problem{Code: CodeNoncanonical,
		ZH: fmt.Sprintf("应写作 %s（交换格式只接受 bizenv 写出的写法）", shown),
		EN: fmt.Sprintf("write %s (the exchange format takes a value only as bizenv writes it)", shown)})
}

// sameJSON reports whether two JSON scalars are the same value: equal
// strings, equal numbers, or the same literal.
func sameJSON(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	switch {
	case a[0] == '"' && b[0] == '"':
		var x, y string
		return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && x == y
	case kindAt(a[0]) == kNumber && kindAt(b[0]) == kNumber:
		x, okx := integerDigits(string(a))
		y, oky := integerDigits(string(b))
		if okx && oky {
			return x == y
		}
		fx, err1 := strconv.ParseFloat(string(a), 64)
		fy, err2 := strconv.ParseFloat(string(b), 64)
		return err1 == nil && err2 == nil && fx == fy
	}
	return false
}

func isInteger(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// integerDigits returns the JSON number n as the digits of an integer (-12
// for -1.2e1) and true, or false when n is not an integer. Numbers too
// large for 64 bits come back as their digits all the same (no more than
// 25 of them), for numberFits to refuse.
func integerDigits(n string) (string, bool) {
	neg := strings.HasPrefix(n, "-")
	n = strings.TrimPrefix(n, "-")
	mant, exp, _ := strings.Cut(strings.ToLower(n), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	if digits == "" {
		return "0", true
	}
	// point: digits of digits before the decimal point.
	point := len(intPart) - (len(intPart+frac) - len(digits))
	if exp != "" {
		e, err := strconv.Atoi(exp)
		if err != nil { // an exponent beyond int: huge, or tiny
			if strings.HasPrefix(exp, "-") {
				return "", false
			}
			return strings.Repeat("9", 25), true
		}
		if e > 100 || e < -100 {
			if e < 0 {
				return "", false
			}
			return strings.Repeat("9", 25), true
		}
		point += e
	}
	if point <= 0 || strings.TrimRight(digits[min(point, len(digits)):], "0") != "" {
		return "", false
	}
	if point > 25 {
		return strings.Repeat("9", 25), true
	}
	if point > len(digits) {
		digits += strings.Repeat("0", point-len(digits))
	}
	digits = digits[:point]
	if neg {
		digits = "-" + digits
	}
	return digits, true
}

var nullableCache sync.Map // reflect.Type -> bool

// Nullable reports whether Options.Canonical accepts null for a value of
// type t: t is a pointer, a slice, a map or an interface (null is "none"),
// or json.Marshal writes null for the value null decodes to (a zero
// calendar.Date, an invalid decimal.NullDecimal). A JSON Schema generated
// for t allows null exactly then.
func Nullable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	if v, ok := nullableCache.Load(t); ok {
		return v.(bool)
	}
	v := reflect.New(t)
	ok := json.Unmarshal([]byte("null"), v.Interface()) == nil
	if ok {
		b, err := json.Marshal(v.Interface())
		ok = err == nil && string(b) == "null"
	}
	nullableCache.Store(t, ok)
	return ok
}
