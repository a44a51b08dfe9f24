package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// day is a text-unmarshalled value that refuses anything but a real date.
type day string

func (d *day) UnmarshalText(b []byte) error {
	if _, err := time.Parse("2006-01-02", string(b)); err != nil {
		return errBadDay
	}
	*d = day(b)
	return nil
}

var errBadDay = errors.New("bad day")

// inner has its own UnmarshalJSON that decodes strictly, as
// task.Responsibility does.
type inner struct {
	Lead []string `json:"lead"`
}

func (in *inner) UnmarshalJSON(b []byte) error {
	type plain inner
	var p plain
	if err := Unmarshal(b, &p); err != nil {
		return err
	}
	*in = inner(p)
	return nil
}

type base struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
}

type doc struct {
	base
	Kind    int               `json:"kind"` // hides base.Kind
	Title   string            `json:"title"`
	Due     day               `json:"due,omitempty"`
	Count   uint8             `json:"count"`
	Items   []*item           `json:"items"`
	Inner   inner             `json:"inner"`
	Extra   map[string]string `json:"extra"`
	Any     any               `json:"any"`
	Skipped string            `json:"-"`
	Raw     json.RawMessage   `json:"raw"`
}

type item struct {
	Name string `json:"name"`
}

func TestUnmarshalAccepts(t *testing.T) {
	in := "\ufeff" + `{"id":"a","kind":3,"title":"标题","due":"2025-12-31","count":255,
	"items":[{"name":"x"}],"inner":{"lead":["区数据局"]},"extra":{"k":"v"},
	"any":{"x":[1,{"y":null}]},"raw":{"z":1}}`
	var d doc
	require.NoError(t, Unmarshal([]byte(in), &d))
	assert.Equal(t, "a", d.ID)
	assert.Equal(t, 3, d.Kind)
	assert.Equal(t, day("2025-12-31"), d.Due)
	assert.Equal(t, []string{"区数据局"}, d.Inner.Lead)
	assert.Equal(t, "x", d.Items[0].Name)
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name, in string
		code     string
		pointer  string
		line     int
	}{
		{"duplicate key", `{"title":"a","title":"b"}`, CodeDuplicateKey, "/title", 1},
		{"case-variant key", "{\"title\":\"a\",\n\"Title\":\"b\"}", CodeDuplicateKey, "/Title", 2},
		{"unknown field", `{"titel":"a"}`, CodeUnknownField, "/titel", 1},
		{"case-variant field", `{"Title":"a"}`, CodeUnknownField, "/Title", 1},
		{"ignored field", `{"Skipped":"a"}`, CodeUnknownField, "/Skipped", 1},
		{"nested unknown", `{"items":[{"name":"x"},{"nam":"y"}]}`, CodeUnknownField, "/items/1/nam", 1},
		{"null element", `{"items":[null]}`, CodeNullElement, "/items/0", 1},
		{"type", `{"title":5}`, CodeType, "/title", 1},
		{"overflow", `{"count":256}`, CodeType, "/count", 1},
		{"negative unsigned", `{"count":-1}`, CodeType, "/count", 1},
		{"fraction for int", `{"kind":1.5}`, CodeType, "/kind", 1},
		{"object for string", `{"title":{}}`, CodeType, "/title", 1},
		{"array for object", `{"inner":[]}`, CodeType, "/inner", 1},
		{"text value", `{"due":"2025-02-30"}`, CodeValue, "/due", 1},
		{"number for text", `{"due":20250101}`, CodeType, "/due", 1},
		{"custom decoder", `{"inner":{"lead":["a"],"leed":[]}}`, CodeUnknownField, "/inner/leed", 1},
		{"duplicate in custom", `{"inner":{"lead":[],"lead":[]}}`, CodeDuplicateKey, "/inner/lead", 1},
		{"duplicate in any", `{"any":{"a":1,"a":2}}`, CodeDuplicateKey, "/any/a", 1},
		{"duplicate in map", `{"extra":{"a":"1","A":"2"}}`, CodeDuplicateKey, "/extra/A", 1},
		{"trailing data", `{"title":"a"} {}`, CodeTrailingData, "", 1},
		{"trailing garbage", `{"title":"a"} x`, CodeTrailingData, "", 1},
		{"syntax", "{\n\"title\": ,}", CodeSyntax, "/title", 2},
		{"truncated", `{"title":"a"`, CodeSyntax, "", 1},
		{"empty", "  \n", CodeEmpty, "", 0},
		{"bom only", "\ufeff", CodeEmpty, "", 0},
		{"utf-16", "\xff\xfe{\x00}\x00", CodeEncoding, "", 1},
		{"utf-16 without bom", "{\x00}\x00", CodeEncoding, "", 1},
		{"gbk", "{\"title\":\"\xb1\xea\xcc\xe2\"}", CodeEncoding, "", 1},
		{"pointer escape", `{"extra":{"a/b":1}}`, CodeType, "/extra/a~1b", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Unmarshal([]byte(tt.in), &d)
			var se *Error
			require.ErrorAs(t, err, &se)
			require.NotEmpty(t, se.Problems)
			p := se.Problems[0]
			assert.Equal(t, tt.code, p.Code, p.String())
			assert.Equal(t, tt.pointer, p.Pointer, p.String())
			assert.Equal(t, tt.line, p.Line, p.String())
			assert.NotEmpty(t, p.ZH)
			assert.NotEmpty(t, p.EN)
		})
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	in := `{"titel":"a","count":300,"items":[null,{"name":1}],"due":"x"}`
	var d doc
	err := Unmarshal([]byte(in), &d)
	var se *Error
	require.ErrorAs(t, err, &se)
	var got []string
	for _, p := range se.Problems {
		got = append(got, p.Code+" "+p.Pointer)
	}
	assert.Equal(t, []string{"unknown_field /titel", "type /count", "null_element /items/0",
		"type /items/1/name", "value /due"}, got)
	assert.ErrorIs(t, err, errBadDay, "the type's own error is reachable")
	assert.Contains(t, err.Error(), "另有2处 / and 2 more")
}

func TestLineAndColumnCountCharacters(t *testing.T) {
	in := "{\n  \"title\": \"中文\", \"titel\": 1}"
	var d doc
	err := Unmarshal([]byte(in), &d)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Problems[0].Line)
	assert.Equal(t, 18, se.Problems[0].Column) // the quote opening "titel", in characters
}

func TestDecodeLimit(t *testing.T) {
	var d doc
	err := Decode(strings.NewReader(`{"title":"`+strings.Repeat("a", 100)+`"}`), 50, &d)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, CodeTooLarge, se.Problems[0].Code)
	require.NoError(t, Decode(strings.NewReader(`{"title":"abc"}`), 15, &d))
	assert.Equal(t, "abc", d.Title)
}

func TestProblemsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 500 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":1`, i)
	}
	b.WriteString("}")
	var d doc
	err := Unmarshal([]byte(b.String()), &d)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Len(t, se.Problems, MaxProblems)
	assert.True(t, se.More)
}

func TestDeepNestingIsAnError(t *testing.T) {
	in := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	var v any
	err := Unmarshal([]byte(in), &v)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, CodeSyntax, se.Problems[0].Code)
}

// Memory is proportional to the input, not to its lines: 8 MB of blank
// lines must not keep a table per line.
func TestBlankLinesCostNothing(t *testing.T) {
	in := bytes.Repeat([]byte("\n"), 8<<20)
	in = append(in, `{"title":"a"}`...)
	allocs := testing.AllocsPerRun(1, func() {
		var d doc
		_ = Unmarshal(in, &d)
	})
	assert.Less(t, allocs, 200.0)
}

func TestUnmarshalNeedsPointer(t *testing.T) {
	var d doc
	assert.Error(t, Unmarshal([]byte(`{}`), d))
	assert.Error(t, Unmarshal([]byte(`{}`), (*doc)(nil)))
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"title":"a"}`, `{"items":[{"name":"x"},null]}`, `{"inner":{"lead":["a","b"]}}`,
		`{"due":"2025-01-01","count":3}`, `[1,2]`, `{"any":{"a":{"b":[{}]}}}`, "\ufeff{}", `{"a":1,"A":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d doc
		err := Unmarshal(b, &d)
		if err == nil {
			// Whatever strict decoding accepts, encoding/json accepts too,
			// and reads to the same value.
			var plain doc
			require.NoError(t, json.Unmarshal(bytes.TrimPrefix(b, []byte("\ufeff")), &plain))
			return
		}
		var se *Error
		require.ErrorAs(t, err, &se)
		for _, p := range se.Problems {
			require.NotEmpty(t, p.Code)
			require.True(t, p.Offset >= 0 && p.Offset <= int64(len(b)), "offset %d of %d", p.Offset, len(b))
		}
	})
}

// FuzzCanonical: the canonical rules never panic, locate every problem in
// the input, and accept only what reads back to the same value when
// written and read again.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{`{"colour":"red","amount":"10","n":1.0e1}`, `{"colour":"绿","amount":3}`,
		`{"entries":[{"name":"a"},{"name":null}],"inner":{"lead":null}}`, `{"n":-0,"small":1e2,"when":null}`, `{"n":12e-1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var x exchange
		err := UnmarshalWith(b, &x, canonicalOptions())
		if err != nil {
			var se *Error
			require.ErrorAs(t, err, &se)
			for _, p := range se.Problems {
				require.True(t, p.Offset >= 0 && p.Offset <= int64(len(b)), "offset %d of %d", p.Offset, len(b))
			}
			return
		}
		out, err := json.Marshal(x)
		require.NoError(t, err)
		var back exchange
		require.NoError(t, UnmarshalWith(out, &back, canonicalOptions()), "%s", out)
		again, _ := json.Marshal(back)
		require.Equal(t, string(out), string(again))
	})
}

// Inputs built to be slow stay linear: a few MB in well under a second.
func TestAdversarialInputsAreLinear(t *testing.T) {
	var many strings.Builder
	many.WriteString("{")
	for i := range 200000 {
		if i > 0 {
			many.WriteString(",")
		}
		fmt.Fprintf(&many, `"k%d":1`, i)
	}
	many.WriteString(`,"K7":2}`)
	inputs := map[string]string{
		"many keys":     many.String(),
		"many nulls":    "[" + strings.Repeat("null,", 500000) + "null]",
		"deep":          strings.Repeat(`{"a":`, 9000) + "1" + strings.Repeat("}", 9000),
		"long string":   `"` + strings.Repeat("中", 1<<20) + `"`,
		"many escapes":  `"` + strings.Repeat(`\u00e9`, 300000) + `"`,
		"many problems": `{"items":[` + strings.Repeat(`{"x":1},`, 200000) + `{}]}`,
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			var v any
			_ = Unmarshal([]byte(in), &v)
			var d doc
			_ = Unmarshal([]byte(in), &d)
			assert.Less(t, time.Since(start), 10*time.Second, "a stall, not a slowdown: quadratic work takes minutes here")
		})
	}
	var v any
	err := Unmarshal([]byte(many.String()), &v)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, CodeDuplicateKey, se.Problems[0].Code, "K7 repeats k7 in a large object")
}

// A reader that knows its size is read into one buffer of that size, and
// one that lies about it still reads whole.
func TestReadAllSizes(t *testing.T) {
	in := strings.Repeat("x", 10000)
	b, err := readAll(strings.NewReader(in), 1<<20)
	require.NoError(t, err)
	assert.Equal(t, in, string(b))
	b, err = readAll(strings.NewReader(in), 100)
	require.NoError(t, err)
	assert.Len(t, b, 101, "past the limit: one byte more, so that the caller sees it")
	b, err = readAll(lyingReader{strings.NewReader(in)}, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, in, string(b))
	b, err = readAll(bytes.NewReader(nil), 10)
	require.NoError(t, err)
	assert.Empty(t, b)
}

// lyingReader says it has 10 bytes and has more.
type lyingReader struct{ r *strings.Reader }

func (l lyingReader) Len() int                   { return 10 }
func (l lyingReader) Read(p []byte) (int, error) { return l.r.Read(p) }

// colour is an enumeration read in English or Chinese, written in English.
type colour uint8

func (c colour) MarshalText() ([]byte, error) { return []byte([]string{"", "red", "green"}[c]), nil }
func (c *colour) UnmarshalText(b []byte) error {
	for i, n := range [][2]string{{"", ""}, {"red", "红"}, {"green", "绿"}} {
		if string(b) == n[0] || (i > 0 && string(b) == n[1]) {
			*c = colour(i)
			return nil
		}
	}
	return errors.New("bad colour")
}

// amount writes itself as a JSON string and reads a string or a number.
type amount struct{ v string }

func (a amount) MarshalJSON() ([]byte, error) { return json.Marshal(a.v) }
func (a *amount) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	a.v = strings.Trim(string(b), `"`)
	return nil
}

// when writes null for its zero value.
type when struct{ s string }

func (w when) MarshalJSON() ([]byte, error) {
	if w.s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(w.s)
}
func (w *when) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		w.s = ""
		return nil
	}
	return json.Unmarshal(b, &w.s)
}

// entries is a type that reads itself from an array, as task.Ledger does.
type entries struct{ list []item }

func (e *entries) UnmarshalJSON(b []byte) error { return Unmarshal(b, &e.list) }
func (e entries) MarshalJSON() ([]byte, error) {
	if e.list == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(e.list)
}

type exchange struct {
	Colour  colour   `json:"colour"`
	Amount  amount   `json:"amount"`
	When    when     `json:"when"`
	N       int      `json:"n"`
	Small   int8     `json:"small"`
	Title   string   `json:"title"`
	Tags    []string `json:"tags"`
	Ptr     *item    `json:"ptr"`
	Inner   inner    `json:"inner"`
	Entries entries  `json:"entries"`
}

func canonicalOptions() Options {
	return Options{Canonical: true, Shapes: map[reflect.Type]reflect.Type{
		reflect.TypeFor[inner]():   reflect.TypeFor[inner](),
		reflect.TypeFor[entries](): reflect.TypeFor[[]item](),
	}}
}

// unwritable reads any text and cannot write itself, as a time.Time with
// an offset of +24:00 cannot.
type unwritable struct{}

func (unwritable) MarshalText() ([]byte, error) { return nil, errors.New("out of range") }
func (*unwritable) UnmarshalText([]byte) error  { return nil }

// A value read but not written back is refused under Canonical: it is not
// a value bizenv writes, and a document holding it could not be written.
func TestCanonicalRefusesWhatCannotBeWritten(t *testing.T) {
	var x struct {
		U unwritable `json:"u"`
	}
	err := UnmarshalWith([]byte(`{"u":"x"}`), &x, Options{Canonical: true})
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, CodeValue, se.Problems[0].Code)
	assert.Equal(t, "/u", se.Problems[0].Pointer)
	assert.Contains(t, se.Problems[0].EN, "cannot be written back")
}

// TestCanonical: under Options.Canonical a value is taken only as
// json.Marshal writes it, null only where it means "none", and integers in
// any notation a JSON Schema "integer" takes.
func TestCanonical(t *testing.T) {
	tests := []struct{ name, in, code, pointer string }{
		{"chinese name", `{"colour":"红"}`, CodeNoncanonical, "/colour"},
		{"number for a string", `{"amount":10}`, CodeNoncanonical, "/amount"},
		{"null string", `{"title":null}`, CodeType, "/title"},
		{"null amount", `{"amount":null}`, CodeType, "/amount"},
		{"null struct", `{"inner":null}`, CodeType, "/inner"},
		{"null entries", `{"entries":null}`, CodeType, "/entries"},
		{"fraction", `{"n":1.5}`, CodeType, "/n"},
		{"too large", `{"small":1e3}`, CodeType, "/small"},
		{"huge exponent", `{"n":1e999999999999}`, CodeType, "/n"},
		{"tiny exponent", `{"n":1e-999999999999}`, CodeType, "/n"},
		{"inside a shaped type", `{"entries":[{"name":null}]}`, CodeType, "/entries/0/name"},
		{"unknown inside", `{"inner":{"lead":[],"x":1}}`, CodeUnknownField, "/inner/x"},
		{"shaped given a string", `{"inner":"x"}`, CodeType, "/inner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var x exchange
			err := UnmarshalWith([]byte(tt.in), &x, canonicalOptions())
			var se *Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.code, se.Problems[0].Code, se.Error())
			assert.Equal(t, tt.pointer, se.Problems[0].Pointer)
		})
	}
	var x exchange
	require.NoError(t, UnmarshalWith([]byte(`{"colour":"red","amount":"10","when":null,"n":1.0e1,"small":-0,
		"tags":null,"ptr":null,"inner":{"lead":null},"entries":[{"name":"a"}]}`), &x, canonicalOptions()))
	assert.Equal(t, colour(1), x.Colour)
	assert.Equal(t, 10, x.N, "1.0e1 is the integer 10")
	assert.Equal(t, []item{{"a"}}, x.Entries.list)
	require.NoError(t, Unmarshal([]byte(`{"colour":"红","amount":10,"title":null}`), &x), "the default rules are unchanged")
	assert.Equal(t, "10", x.Amount.v)

	for n, want := range map[string]string{"0": "0", "-0": "0", "1.0": "1", "1e2": "100", "120e-1": "12", "-3.00e1": "-30", "0.5e1": "5"} {
		got, ok := integerDigits(n)
		assert.True(t, ok, n)
		assert.Equal(t, want, got, n)
	}
	for _, n := range []string{"0.5", "1.25e1", "1e-1"} {
		_, ok := integerDigits(n)
		assert.False(t, ok, n)
	}
	assert.True(t, Nullable(reflect.TypeFor[when]()))
	assert.True(t, Nullable(reflect.TypeFor[*item]()))
	assert.False(t, Nullable(reflect.TypeFor[amount]()))
	assert.False(t, Nullable(reflect.TypeFor[string]()))
}

// Fields lists what encoding/json writes, in its order: tags, "-",
// unexported fields, embedded structs (by value and by pointer) promoted
// in their place, a shallower field hiding a deeper one.
func TestFieldsAsEncodingJSON(t *testing.T) {
	type inner struct {
		A    int `json:"a"`
		Name string
		Z    int `json:"z"`
	}
	type deeper struct {
		Z    int `json:"z"`
		Deep int `json:"deep"`
	}
	type mid struct {
		deeper
		M int `json:"m"`
	}
	type outer struct {
		First int `json:"first"`
		*inner
		Skip   int `json:"-"`
		hidden int
		mid
		Name string `json:"name_tag"`
		Last string
	}
	v := outer{inner: &inner{}, hidden: 1}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(b))
	var keys []string
	_, err = dec.Token()
	require.NoError(t, err)
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	var names []string
	for _, f := range Fields(reflect.TypeFor[outer]()) {
		names = append(names, f.Name)
	}
	assert.Equal(t, keys, names)
	assert.Equal(t, []string{"first", "a", "Name", "z", "deep", "m", "name_tag", "Last"}, names)
}
