package approval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCaseJSONRoundTrip(t *testing.T) {
	c := highVoltage(t)
	c.Events = append(c.Events, Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: Extended, Stage: "供电方案答复",
		Extension: &calendar.Period{N: 5, Unit: calendar.Workdays}, By: "客户经理", Note: "线路改造"})
	b, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := DecodeCase(bytes.NewReader(b))
	require.NoError(t, err)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	require.Len(t, back.Events, len(c.Events))
	for i := range c.Events {
		assert.True(t, c.Events[i].At.Equal(back.Events[i].At))
	}
	assert.Contains(t, string(b), `"kind":"paused","reason":"correction"`)
	assert.Contains(t, string(b), `"extension":"5工作日"`)
}

// Issue 13 items 6 and 8: cases are read through the module's one strict
// JSON path.
func TestDecodeCaseIsStrict(t *testing.T) {
	ok := `{"id":"x","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"submitted"}]}`
	_, err := DecodeCase(strings.NewReader(ok))
	require.NoError(t, err)
	_, err = DecodeCase(strings.NewReader("\ufeff" + ok))
	require.NoError(t, err, "a UTF-8 byte order mark is skipped")

	utf16le := func(s string) []byte {
		var b bytes.Buffer
		b.Write([]byte{0xFF, 0xFE})
		for _, u := range utf16.Encode([]rune(s)) {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
		return b.Bytes()
	}
	for name, tt := range map[string]struct {
		in   []byte
		code string
	}{
		"bad date":              {[]byte(`{"id":"x","process":"p","events":[{"at":"2025-13-01T00:00:00Z","kind":"visit"}]}`), strictjson.CodeValue},
		"unknown kind":          {[]byte(`{"id":"x","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"teleport"}]}`), strictjson.CodeValue},
		"unknown field":         {[]byte(`{"id":"x","process":"p","events":[],"colour":"red"}`), strictjson.CodeUnknownField},
		"trailing data":         {[]byte(`{"id":"x"} {}`), strictjson.CodeTrailingData},
		"truncated":             {[]byte(`{"id":`), strictjson.CodeSyntax},
		"duplicate key":         {[]byte(`{"id":"x","id":"y","process":"p","events":[]}`), strictjson.CodeDuplicateKey},
		"case-variant key":      {[]byte(`{"id":"x","ID":"y","process":"p","events":[]}`), strictjson.CodeDuplicateKey},
		"duplicate in an event": {[]byte(`{"id":"x","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"visit","kind":"finished"}]}`), strictjson.CodeDuplicateKey},
		"null event":            {[]byte(`{"id":"x","process":"p","events":[null]}`), strictjson.CodeNullElement},
		"UTF-16":                {utf16le(ok), strictjson.CodeEncoding},
		"GBK":                   {[]byte("{\"id\":\"\xb0\xec\xbc\xfe\",\"process\":\"p\",\"events\":[]}"), strictjson.CodeEncoding},
		"empty":                 {nil, strictjson.CodeEmpty},
		"bad unit":              {[]byte(`{"id":"x","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"extended","extension":"5周"}]}`), strictjson.CodeValue},
	} {
		_, err := DecodeCase(bytes.NewReader(tt.in))
		require.Error(t, err, name)
		assert.ErrorIs(t, err, ErrInvalidCase, name)
		var se *strictjson.Error
		require.ErrorAs(t, err, &se, name)
		assert.Equal(t, tt.code, se.Problems[0].Code, name)
		assert.Contains(t, err.Error(), "不是有效的办件 JSON / not a valid case JSON", name)
	}
	big := `{"id":"x","process":"p","unit":"` + strings.Repeat("a", maxCaseJSON) + `","events":[]}`
	_, err = DecodeCase(strings.NewReader(big))
	var se *strictjson.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, strictjson.CodeTooLarge, se.Problems[0].Code)
}

func TestDecodeCasesJSONLines(t *testing.T) {
	line := `{"id":"%s","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"submitted"}]}`
	in := "\ufeff" + strings.ReplaceAll(line, "%s", "a") + "\n\n  \n" + strings.ReplaceAll(line, "%s", "b") + "\r\n"
	cases, err := DecodeCases(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, "b", cases[1].ID)

	for name, tt := range map[string]struct{ in, want string }{
		"bad second line": {strings.ReplaceAll(line, "%s", "a") + "\n{bad\n", "line 2"},
		"BOM on line 3":   {strings.ReplaceAll(line, "%s", "a") + "\n\n\ufeff" + strings.ReplaceAll(line, "%s", "b"), "line 3"},
		"duplicate key":   {`{"id":"a","id":"b","process":"p","events":[]}`, "given twice"},
		"two on one line": {strings.ReplaceAll(line, "%s", "a") + " " + strings.ReplaceAll(line, "%s", "b"), "line 1"},
		"UTF-16":          {"\xff\xfe{\x00}\x00", "UTF-16"},
		"a line too long": {`{"id":"` + strings.Repeat("a", maxCaseJSON+10) + `"}`, "at most"},
	} {
		_, err := DecodeCases(strings.NewReader(tt.in))
		require.Error(t, err, name)
		assert.ErrorIs(t, err, ErrInvalidCase, name)
		assert.Contains(t, err.Error(), tt.want, name)
	}
	empty, err := DecodeCases(strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, empty)
}

// The case in the package documentation reads and replays.
func TestDocExampleCase(t *testing.T) {
	const doc = `{
	  "id": "XK-2025-0001",
	  "process": "administrative-licence",
	  "unit": "区行政审批局",
	  "mode": "normal",
	  "events": [
	    {"at": "2025-03-03T09:00:00+08:00", "kind": "submitted"},
	    {"at": "2025-03-05T10:00:00+08:00", "kind": "correction_notice"},
	    {"at": "2025-03-12T10:00:00+08:00", "kind": "accepted"},
	    {"at": "2025-03-18T11:00:00+08:00", "kind": "paused", "reason": "expert_review"},
	    {"at": "2025-03-20T15:00:00+08:00", "kind": "resumed"},
	    {"at": "2025-03-20T15:00:00+08:00", "kind": "materials", "count": 2},
	    {"at": "2025-04-03T09:00:00+08:00", "kind": "extended", "extension": "10工作日", "by": "局长", "note": "情况复杂"},
	    {"at": "2025-04-08T10:00:00+08:00", "kind": "visit"},
	    {"at": "2025-04-15T16:00:00+08:00", "kind": "finished"}
	  ]
	}`
	c, err := DecodeCase(strings.NewReader(doc))
	require.NoError(t, err)
	p := proc(t, c.Process)
	r, err := Status(c, p, at(t, "2025-05-01T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, Done, r.State.Status)
	assert.False(t, r.Acceptance.Deemed, "told on time")
	assert.Equal(t, DoneOnTime, r.Statutory.Status)
	assert.Equal(t, 30, r.Statutory.Limit.N)
}

func TestPauseEffectJSON(t *testing.T) {
	pe := PauseEffect{Reason: Correction, Seconds: 3600, First: DayPart{Date: mustDay(t, "2025-06-03"), From: 10 * 3600, To: 11 * 3600}}
	b, err := json.Marshal(pe)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"first":{"date":"2025-06-03","from":"10:00","to":"11:00"}`)
	assert.Contains(t, string(b), `"whole":null`)
	assert.Contains(t, string(b), `"last":null`)
	var back PauseEffect
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, pe.First, back.First)
	assert.Zero(t, back.Whole)
	var ct ClockTime
	require.NoError(t, ct.UnmarshalText([]byte("24:00")))
	assert.Equal(t, "24:00", ct.String())
	assert.Error(t, ct.UnmarshalText([]byte("25:00")))
	_, err = ClockTime(-1).MarshalText()
	assert.Error(t, err)
}

// A time of day keeps its seconds through text: a pause that began at
// 10:15:30 is written 10:15:30, not 10:15 (which would read back 30
// seconds early).
func TestClockTimeText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want ClockTime
	}{
		{"00:00", 0},
		{"09:05", 9*3600 + 5*60},
		{"10:15:30", 10*3600 + 15*60 + 30},
		{"23:59:59", daySeconds - 1},
		{"24:00", daySeconds},
	} {
		var ct ClockTime
		require.NoError(t, ct.UnmarshalText([]byte(tc.text)), tc.text)
		assert.Equal(t, tc.want, ct, tc.text)
		b, err := ct.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(b))
	}
	for _, bad := range []string{"", "24:00:01", "10:15:60", "10:15:+5", "+9:00", "10:-5", "10:15:3", "10:15:300", "1015", "10:15:30:00"} {
		var ct ClockTime
		assert.Error(t, ct.UnmarshalText([]byte(bad)), bad)
	}
}
