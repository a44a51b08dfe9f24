package task

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13: task JSON goes through the module's one strict decoding path.
func TestDecodeTaskIsStrict(t *testing.T) {
	tests := []struct {
		name, in, code, pointer string
	}{
		{"duplicate key", `{"number":"1","number":"2"}`, strictjson.CodeDuplicateKey, "/number"},
		{"case-variant key", `{"number":"1","Number":"2"}`, strictjson.CodeDuplicateKey, "/Number"},
		{"wrong case", `{"Title":"x"}`, strictjson.CodeUnknownField, "/Title"},
		{"unknown field", `{"colour":"red"}`, strictjson.CodeUnknownField, "/colour"},
		{"duplicate in responsibility", `{"responsibility":{"lead":["a"],"lead":["b"]}}`, strictjson.CodeDuplicateKey, "/responsibility/lead"},
		{"unknown in a ledger entry", `{"ledger":[{"seq":1,"date":"2025-01-01","unit":"x","percent":"1","colour":1}]}`, strictjson.CodeUnknownField, "/ledger/0/colour"},
		{"null delegate", `{"delegated":[null]}`, strictjson.CodeNullElement, "/delegated/0"},
		{"null entry", `{"ledger":[null]}`, strictjson.CodeNullElement, "/ledger/0"},
		{"trailing data", `{"number":"1"} {}`, strictjson.CodeTrailingData, ""},
		{"invalid UTF-8", "{\"title\":\"\xff\"}", strictjson.CodeEncoding, ""},
		{"UTF-16", "\xff\xfe{\x00}\x00", strictjson.CodeEncoding, ""},
		{"impossible date", `{"milestones":[{"due":"2025-02-30"}]}`, strictjson.CodeValue, "/milestones/0/due"},
		{"unknown status", `{"status":"finished"}`, strictjson.CodeValue, "/status"},
		{"empty", ``, strictjson.CodeEmpty, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeTask(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidTask)
			var se *strictjson.Error
			require.True(t, errors.As(err, &se), "%v", err)
			require.NotEmpty(t, se.Problems)
			p := se.Problems[0]
			assert.Equal(t, tt.code, p.Code, p.String())
			assert.Equal(t, tt.pointer, p.Pointer, p.String())
			assert.NotEmpty(t, p.ZH)
			assert.NotEmpty(t, p.EN)
		})
	}
	// A ledger numbered wrongly names the entry, and matches ErrInvalidEntry.
	_, err := DecodeTask(strings.NewReader(`{"ledger":[{"seq":2,"date":"2025-01-01","unit":"x","percent":"1"}]}`))
	assert.ErrorIs(t, err, ErrInvalidEntry)
	assert.Contains(t, err.Error(), "entry 1 has seq 2")
	assert.Contains(t, err.Error(), "/ledger")

	// Every problem is reported at once.
	_, err = DecodeTask(strings.NewReader(`{"colour":1,"number":1,"status":"x"}`))
	var se *strictjson.Error
	require.True(t, errors.As(err, &se))
	assert.Len(t, se.Problems, 3)

	// A byte-order mark is skipped; the limit is 64 MiB.
	tk, err := DecodeTask(strings.NewReader("\ufeff{\"number\":\"1\"}"))
	require.NoError(t, err)
	assert.Equal(t, "1", tk.Number)
	_, err = DecodeTask(bytes.NewReader(append([]byte(`"`), bytes.Repeat([]byte("x"), maxTaskJSON+1)...)))
	require.True(t, errors.As(err, &se))
	assert.Equal(t, strictjson.CodeTooLarge, se.Problems[0].Code)

	ts, err := DecodeTasks(strings.NewReader(`[{"number":"1"},{"number":"2","responsibility":{"lead":["区数据局　"]}}]`))
	require.NoError(t, err)
	require.Len(t, ts, 2)
	assert.Equal(t, []string{"区数据局"}, ts[1].Responsibility.Lead, "names are folded")
	_, err = DecodeTasks(strings.NewReader(`[{"number":"1"},null]`))
	assert.ErrorIs(t, err, ErrInvalidTask)
}

func TestDecodeActions(t *testing.T) {
	tk := &Task{ID: NewID(tiexiDoc, "8"), Number: "8", Responsibility: Responsibility{Lead: []string{"区数据局"}}, Deadline: dl(t, "2025年10月10日前")}
	s, err := Actions([]*Task{tk}, date(t, "2025-10-13"), Options{End: planEnd}, nil)
	require.NoError(t, err)
	require.Len(t, s.Actions, 1)
	require.NoError(t, s.Actions[0].RecordReply(Reply{On: date(t, "2025-10-15"), Unit: "区数据局", Text: "已部署宣传"}))
	b, err := json.Marshal(s.Actions)
	require.NoError(t, err)
	back, err := DecodeActions(bytes.NewReader(b))
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))
	for _, bad := range []string{`[{}]`, `[{"kind":"remind","kind":"supervise"}]`, `[{"kind":"shout"}]`, `{}`, `[null]`} {
		_, err := DecodeActions(strings.NewReader(bad))
		assert.ErrorIs(t, err, ErrInvalidValue, bad)
	}
	_, err = DecodeActions(strings.NewReader(`[{"kind":"escalate","task":"` + tk.ID.String() + `","unit":"区数据局","due":"2025-10-10","on":"2025-10-20"}]`))
	assert.NoError(t, err, "the older name of 通报 still reads")
}
