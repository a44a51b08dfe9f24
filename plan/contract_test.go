package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/internal/contract"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The plan's JSON Schema and plan.Decode must agree on every input (issue
// 17): a document the schema accepts decodes, and one it refuses does not.
// The corpus below holds the documents the issue found them disagreeing
// on, and more; mutations of valid plans, drawn at random from a fixed
// seed (BIZENV_CONTRACT_SEED changes it), and FuzzSchemaAgreement explore
// further.

const schemaURL = "https://github.com/bizenv/bizenv/schemas/plan.schema.json"

var (
	compileOnce sync.Once
	compiled    *jsonschema.Compiler
	compileErr  error
	schemaCache sync.Map // location -> *jsonschema.Schema
)

// planSchema compiles the plan schema, or one of its definitions (loc is
// then "#/$defs/NAME"), with format assertions on, as integrators would
// use it.
func planSchema(t testing.TB, loc string) *jsonschema.Schema {
	t.Helper()
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		compileErr = c.AddResource(schemaURL, doc)
		compiled = c
	})
	require.NoError(t, compileErr)
	if s, ok := schemaCache.Load(loc); ok {
		return s.(*jsonschema.Schema)
	}
	s, err := compiled.Compile(schemaURL + loc)
	require.NoError(t, err)
	schemaCache.Store(loc, s)
	return s
}

// verdict is what the schema and the decoder say of one document.
type verdict struct {
	schemaOK, decodeOK bool
	schemaErr          error
	decodeErr          error
}

// judge runs doc through both; ok is false when doc is not a document
// the comparison covers (not I-JSON: see iJSON).
func judge(t testing.TB, doc []byte) (v verdict, ok bool) {
	if !iJSON(doc) {
		return v, false
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return v, false
	}
	v.schemaErr = planSchema(t, "").Validate(inst)
	v.schemaOK = v.schemaErr == nil
	_, v.decodeErr = Decode(bytes.NewReader(doc))
	v.decodeOK = v.decodeErr == nil
	return v, true
}

func (v verdict) String() string {
	return fmt.Sprintf("schema accepts: %v (%v)\ndecoder accepts: %v (%v)", v.schemaOK, v.schemaErr, v.decodeOK, v.decodeErr)
}

var reSurrogate = regexp.MustCompile(`\\u[dD][89a-fA-F][0-9a-fA-F]{2}`)

// iJSON reports whether doc is one JSON value in UTF-8 with each key once
// per object and no escaped surrogate (RFC 7493): what a JSON Schema
// validator sees the whole of. Duplicate keys, encodings and surrogates
// are the decoder's alone (decode_duplicate_key, decode_encoding), as the
// plan schema's description says.
func iJSON(doc []byte) bool {
	if !utf8.Valid(doc) || !json.Valid(doc) || reSurrogate.Match(doc) || bytes.HasPrefix(doc, []byte("\ufeff")) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	type frame struct {
		keys   map[string]bool
		object bool
		key    bool // the next string is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{', '[':
				if top != nil && top.object {
					top.key = true
				}
				stack = append(stack, &frame{keys: map[string]bool{}, object: x == '{', key: x == '{'})
				continue
			default:
				stack = stack[:len(stack)-1]
				continue
			}
		case string:
			if top != nil && top.object && top.key {
				if top.keys[x] {
					return false
				}
				top.keys[x] = true
				top.key = false
				continue
			}
		}
		if top != nil && top.object {
			top.key = true
		}
	}
}

// agree fails t when the schema and the decoder disagree on doc.
func agree(t testing.TB, name string, doc []byte) (verdict, bool) {
	t.Helper()
	v, ok := judge(t, doc)
	if ok && v.schemaOK != v.decodeOK {
		t.Errorf("%s: the schema and the decoder disagree\n%s\ndocument: %s", name, v, clip(doc))
	}
	return v, ok
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

// street is a small valid plan of a street office, the shape integrators
// build: a 文号, a task with a full responsibility, a ledger, a delegated
// part, an indicator system and a target.
const street = `{
  "schema_version": "1.1",
  "id": "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11",
  "title": "兴盛街道2025年优化营商环境工作方案",
  "kind": "action_plan",
  "doc_number": "兴街发〔2025〕3号",
  "issuer": "兴盛街道办事处",
  "issued": "2025-03-01",
  "period": {"from": 2025, "to": 2025},
  "basis": [{"title": "鞍山市铁西区2025年优化营商环境55条"}],
  "phases": [{"name": "近期", "end": "2025-06-30"}],
  "sections": [{"number": "一", "title": "政务环境", "tasks": [
    {"id": "0b6e4e1a-33f1-5c3e-8d59-5bc3c1f0a001", "number": "1", "title": "推行帮办代办",
     "responsibility": {"lead": ["兴盛街道党政综合办"], "responsible": [], "supporting": ["各社区"], "joint": false,
       "liaison": {"name": "张三", "unit": "兴盛街道党政综合办", "phone": "13812341234"}},
     "deadline": {"kind": "date", "date": "2025-09-30", "text": "2025年9月底前"},
     "milestones": [{"due": "2025-06-30", "targets": [{"measure": "办结时限", "op": "<=", "value": "3", "unit": "工作日"}]}],
     "status": "in_progress",
     "ledger": [
       {"seq": 1, "kind": "report", "date": "2025-04-30", "unit": "兴盛街道党政综合办", "percent": "30", "narrative": "设立帮办窗口"},
       {"seq": 2, "kind": "report", "date": "2025-05-31", "unit": "兴盛街道党政综合办", "percent": "45.5", "corrects": 1}
     ],
     "implements": ["1f0a1a2b-3c4d-5e6f-8a9b-0c1d2e3f4a5b"],
     "delegated": [{"id": "0b6e4e1a-33f1-5c3e-8d59-5bc3c1f0a002", "number": "1-1", "title": "社区帮办点",
       "responsibility": {"lead": ["兴盛社区"], "responsible": [], "supporting": [], "joint": false},
       "deadline": {"kind": "monthly", "day": 15}, "status": "not_started", "ledger": []}]}
  ]}],
  "columns": [{"number": "1", "title": "主要指标", "systems": ["街道指标"]}],
  "safeguards": ["加强组织领导"],
  "indicator_systems": [{"name": "街道指标", "declared": [1, 1], "roots": [
    {"code": "1", "name": "政务服务", "weight": "1", "children": [
      {"code": "1.1", "name": "帮办事项办结时限", "weight": "0", "measure": {"unit": "工作日", "kind": "duration", "direction": "lower",
        "attribute": "binding", "frequency": "quarter", "baseline": {"value": "5", "period": "2024"},
        "targets": [{"op": "<=", "value": "3", "unit": "工作日", "year": 2025}], "frontier": "1"}}]}]}],
  "targets": [{"system": "街道指标", "indicator": "1.1", "name": "帮办事项办结时限", "target": {"op": "<=", "value": "3", "unit": "工作日", "year": 2025}, "additive": false}]
}`

// setAt returns doc with the value at pointer replaced by raw (a JSON
// text), or the member removed when raw is "".
func setAt(t testing.TB, doc, pointer, raw string) []byte {
	t.Helper()
	var v any
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	var nv any
	if raw != "" {
		d := json.NewDecoder(strings.NewReader(raw))
		d.UseNumber()
		require.NoError(t, d.Decode(&nv), raw)
	}
	segs := segments(pointer)
	require.NotEmpty(t, segs)
	v = mutateAt(v, segs, func(parent any, last string) any {
		switch p := parent.(type) {
		case map[string]any:
			if raw == "" {
				delete(p, last)
			} else {
				p[last] = nv
			}
			return p
		case []any:
			i, err := strconv.Atoi(last)
			require.NoError(t, err)
			if raw == "" {
				return append(p[:i:i], p[i+1:]...)
			}
			p[i] = nv
			return p
		}
		t.Fatalf("no container at %s", pointer)
		return nil
	})
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// mutateAt applies fn to the container holding the last segment.
func mutateAt(v any, segs []string, fn func(parent any, last string) any) any {
	if len(segs) == 1 {
		return fn(v, segs[0])
	}
	switch p := v.(type) {
	case map[string]any:
		p[segs[0]] = mutateAt(p[segs[0]], segs[1:], fn)
		return p
	case []any:
		i, _ := strconv.Atoi(segs[0])
		p[i] = mutateAt(p[i], segs[1:], fn)
		return p
	}
	return v
}

const task0 = "/sections/0/tasks/0"

// TestSchemaAndDecoderAgree runs the corpus: every case the issue lists,
// and others at the edges of each type, through both. want says what both
// must say (accept or refuse).
func TestSchemaAndDecoderAgree(t *testing.T) {
	type tc struct {
		name, pointer, raw string
		accept             bool
	}
	cases := []tc{
		// Issue 17: the schema refused what the decoder accepted …
		{"responsibility without supporting", task0 + "/responsibility/supporting", "", true},
		{"responsibility with lead only", task0 + "/responsibility", `{"lead":["区数据局"]}`, true},
		{"status in Chinese", task0 + "/status", `"推进中"`, false},
		{"percent as a number", task0 + "/ledger/0/percent", `10`, false},
		{"upper-case UUID", "/id", `"6F1C35A4-6A7B-5D0E-9A3C-2F6B1E0D9C11"`, false},
		// … and accepted what the decoder refused.
		{"2025-02-30", "/issued", `"2025-02-30"`, false},
		{"ledger seq starting at 2 (a validation finding)", task0 + "/ledger/0/seq", `2`, true},
		{"percent 150 (a validation finding)", task0 + "/ledger/0/percent", `"150"`, true},
		{"文号 兴街发2025第3号", "/doc_number", `"兴街发2025第3号"`, false},
		{"tasks: [null]", "/sections/0/tasks", `[null]`, false},
		{"sections: [null]", "/sections", `[null]`, false},
		{"indicator_systems: [null]", "/indicator_systems", `[null]`, false},
		// Dates.
		{"leap day", "/issued", `"2024-02-29"`, true},
		{"no leap day", "/issued", `"2023-02-29"`, false},
		{"year 0", "/issued", `"0000-01-01"`, false},
		{"date in Chinese", "/issued", `"2025年3月1日"`, false},
		{"date without zeros", "/issued", `"2025-3-1"`, false},
		{"date null", "/issued", `null`, true},
		{"date empty", "/issued", `""`, false},
		{"date a number", "/issued", `20250301`, false},
		// UUIDs.
		{"nil UUID", "/id", `"00000000-0000-0000-0000-000000000000"`, true},
		{"UUID in braces", "/id", `"{6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11}"`, false},
		{"UUID without hyphens", "/id", `"6f1c35a46a7b5d0e9a3c2f6b1e0d9c11"`, false},
		{"UUID null", "/id", `null`, false},
		{"implements null element", task0 + "/implements/0", `null`, false},
		// Decimals.
		{"decimal with trailing zero", task0 + "/ledger/0/percent", `"30.0"`, false},
		{"decimal with exponent", task0 + "/ledger/0/percent", `"3e1"`, false},
		{"decimal with plus", task0 + "/ledger/0/percent", `"+30"`, false},
		{"decimal minus zero", task0 + "/ledger/0/percent", `"-0"`, false},
		{"decimal leading point", task0 + "/ledger/0/percent", `".5"`, false},
		{"decimal negative (a validation finding)", task0 + "/ledger/0/percent", `"-0.5"`, true},
		{"decimal null", task0 + "/ledger/0/percent", `null`, false},
		{"null decimal null", "/indicator_systems/0/roots/0/children/0/measure/frontier", `null`, true},
		{"null decimal number", "/indicator_systems/0/roots/0/children/0/measure/frontier", `1`, false},
		// 文号.
		{"文号 in square brackets", "/doc_number", `"兴街发[2025]3号"`, false},
		{"文号 with a leading zero", "/doc_number", `"兴街发〔2025〕03号"`, false},
		{"文号 of 2100", "/doc_number", `"兴街发〔2100〕3号"`, false},
		{"文号 with letters", "/doc_number", `"大政办发Ａ〔2025〕3号"`, false},
		{"文号 with ASCII letters", "/doc_number", `"辽政办发明电X〔2025〕3号"`, true},
		{"no 文号", "/doc_number", `""`, true},
		{"文号 null", "/doc_number", `null`, false},
		// Enumerations.
		{"kind unknown", "/kind", `"plan"`, false},
		{"kind in Chinese", "/kind", `"规划"`, false},
		{"kind empty", "/kind", `""`, true},
		{"status empty", task0 + "/status", `""`, false},
		{"entry kind in Chinese", task0 + "/ledger/0/kind", `"进展填报"`, false},
		{"review given wrongly (a validation finding)", task0 + "/ledger/1/review", `"approved"`, true},
		{"deadline kind missing (zero)", task0 + "/deadline/kind", "", true},
		{"deadline kind empty", task0 + "/deadline/kind", `""`, false},
		{"op in Chinese", "/targets/0/target/op", `"不超过"`, false},
		{"milestone op unknown (a validation finding)", task0 + "/milestones/0/targets/0/op", `"≤"`, true},
		{"frequency", "/indicator_systems/0/roots/0/children/0/measure/frequency", `"quarterly"`, false},
		// Integers.
		{"integer as 2025.0", "/period/from", `2025.0`, true},
		{"integer as 2.025e3", "/period/from", `2.025e3`, true},
		{"integer with a fraction", "/period/from", `2025.5`, false},
		{"integer as a string", "/period/from", `"2025"`, false},
		{"integer too large", "/period/from", `9223372036854775808`, false},
		{"integer largest", "/period/from", `9223372036854775807`, true},
		{"deadline month 13 (a validation finding)", task0 + "/deadline/month", `13`, true},
		// Null and absent.
		{"title null", "/title", `null`, false},
		{"title absent (a validation finding)", "/title", "", true},
		{"period null", "/period", `null`, false},
		{"period absent", "/period", "", true},
		{"basis null", "/basis", `null`, true},
		{"deadline null", task0 + "/deadline", `null`, true},
		{"ledger null", task0 + "/ledger", `null`, false},
		{"ledger an object", task0 + "/ledger", `{}`, false},
		{"responsibility null", task0 + "/responsibility", `null`, false},
		{"lead null", task0 + "/responsibility/lead", `null`, true},
		{"liaison null", task0 + "/responsibility/liaison", `null`, true},
		{"measure null", "/indicator_systems/0/roots/0/children/0/measure", `null`, true},
		{"partial null", "/partial", `null`, false},
		// Fields.
		{"unknown field", "/colour", `"red"`, false},
		{"field in another case", "/Title", `"x"`, false},
		{"unknown field in a responsibility", task0 + "/responsibility/owner", `"x"`, false},
		{"unknown field in an entry", task0 + "/ledger/0/amount", `1`, false},
		{"recorded_at", task0 + "/ledger/0/recorded_at", `"2025-04-30T09:00:00+08:00"`, true},
		{"recorded_at in UTC", task0 + "/ledger/0/recorded_at", `"2025-04-30T01:00:00Z"`, true},
		{"recorded_at +00:00", task0 + "/ledger/0/recorded_at", `"2025-04-30T01:00:00+00:00"`, false},
		{"recorded_at with a fraction", task0 + "/ledger/0/recorded_at", `"2025-04-30T01:00:00.5Z"`, true},
		{"recorded_at with a trailing zero", task0 + "/ledger/0/recorded_at", `"2025-04-30T01:00:00.50Z"`, false},
		{"recorded_at as a date", task0 + "/ledger/0/recorded_at", `"2025-04-30"`, false},
		{"baseline period quarter", "/indicator_systems/0/roots/0/children/0/measure/baseline/period", `"2024Q4"`, true},
		{"baseline period month", "/indicator_systems/0/roots/0/children/0/measure/baseline/period", `"2024-12"`, true},
		{"baseline period in Chinese", "/indicator_systems/0/roots/0/children/0/measure/baseline/period", `"2024年"`, false},
		{"schema version 1.0", "/schema_version", `"1.0"`, true},
		{"schema version 1.12", "/schema_version", `"1.12"`, true},
		{"schema version 2.0", "/schema_version", `"2.0"`, false},
		{"schema version 1", "/schema_version", `"1"`, false},
		{"schema version 1.01", "/schema_version", `"1.01"`, false},
		{"source sha256 (a validation finding)", "/source", `{"sha256":"ABC"}`, true},
		{"a plan that is an array", "", "", false},
	}
	base := []byte(street)
	v, ok := agree(t, "street", base)
	require.True(t, ok)
	require.True(t, v.schemaOK && v.decodeOK, "the street plan is valid: %s", v)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var doc []byte
			if c.pointer == "" {
				doc = []byte(`[` + street + `]`)
			} else {
				doc = setAt(t, street, c.pointer, c.raw)
			}
			v, ok := agree(t, c.name, doc)
			require.True(t, ok, "the corpus holds I-JSON documents only")
			assert.Equal(t, c.accept, v.schemaOK, "schema: %s", v)
			assert.Equal(t, c.accept, v.decodeOK, "decoder: %s", v)
			if !c.accept && c.pointer != "" {
				var de *DecodeError
				require.ErrorAs(t, v.decodeErr, &de)
				at := de.Findings[0].Path
				assert.True(t, strings.HasPrefix(c.pointer, at) || strings.HasPrefix(at, c.pointer), "the decoder points at %s for %s", at, c.pointer)
			}
		})
	}
	// Every shipped plan, and every plan json.Marshal writes, is valid.
	data, err := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	require.NoError(t, err)
	for _, f := range data {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		v, _ := agree(t, f, b)
		assert.True(t, v.schemaOK, f)
	}
	for _, p := range []*Plan{province(t), city(t), {}} {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		v, _ := agree(t, "marshalled", b)
		assert.True(t, v.schemaOK, "%s", v)
	}
}

// pool are values a mutation puts in place of another: the edges of each
// type of the format.
var pool = []string{
	`null`, `true`, `false`, `0`, `1`, `-1`, `1.0`, `1e2`, `1.5`, `-0`, `2025`, `9223372036854775807`, `9223372036854775808`, `1e400`,
	`""`, `"x"`, `"推进中"`, `"in_progress"`, `"not_started"`, `"done"`, `"2025-02-30"`, `"2025-02-28"`, `"2024-02-29"`, `"0000-01-01"`,
	`"2025年12月31日"`, `"2025-1-5"`, `"ABCDEF00-0000-5000-8000-000000000000"`, `"abcdef00-0000-5000-8000-000000000000"`,
	`"00000000-0000-0000-0000-000000000000"`, `"10"`, `"10.0"`, `"10.5"`, `"-0"`, `"0.10"`, `"1e1"`, `"150"`, `"+1"`, `".5"`,
	`"兴街发2025第3号"`, `"辽政办发〔2022〕14号"`, `"辽政办发[2022]14号"`, `"辽政办发〔2022〕014号"`, `"2025Q3"`, `"2025-06"`, `"2025-13"`,
	`"1.0"`, `"1.1"`, `"2.0"`, `"1"`, `"2025-01-01T10:00:00+08:00"`, `"2025-01-01T10:00:00.500+08:00"`, `"2025-01-01T10:00:00Z"`,
	`"2025-01-01T10:00:00+00:00"`, `"lead"`, `"date"`, `"monthly"`, `"<="`, `"between"`, `"report"`, `"apply"`, `"pending"`,
	`"programme"`, `"规划"`, `"higher"`, `"binding"`, `"year"`, `"%"`, `[]`, `[null]`, `[1]`, `["x"]`, `{}`, `{"x":1}`,
}

// mutate applies one random change to the document v (decoded with
// UseNumber) and returns it written again: a value replaced from the pool,
// a member removed, an unknown or a re-cased member added, an array
// element repeated or removed.
func mutate(r *rand.Rand, v any) []byte {
	var spots []func()
	var walk func(x any, depth int)
	walk = func(x any, depth int) {
		switch c := x.(type) {
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			spots = append(spots, func() { c["zz_unknown"] = json.Number("1") })
			for _, k := range keys {
				spots = append(spots,
					func() { c[k] = fromPool(r) },
					func() { delete(c, k) },
					func() { v := c[k]; delete(c, k); c[strings.ToUpper(k[:1])+k[1:]] = v })
				walk(c[k], depth+1)
			}
		case []any:
			for i := range c {
				spots = append(spots,
					func() { c[i] = fromPool(r) },
					func() { c[i] = nil })
				walk(c[i], depth+1)
			}
		}
	}
	walk(v, 0)
	if len(spots) > 0 {
		spots[r.IntN(len(spots))]()
		if r.IntN(4) == 0 { // now and then a second change
			spots[r.IntN(len(spots))]()
		}
	}
	b, _ := json.Marshal(v)
	return b
}

func fromPool(r *rand.Rand) any {
	var x any
	d := json.NewDecoder(strings.NewReader(pool[r.IntN(len(pool))]))
	d.UseNumber()
	_ = d.Decode(&x)
	return x
}

func decodeGeneric(t testing.TB, b []byte) any {
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	require.NoError(t, d.Decode(&v))
	return v
}

// TestSchemaAndDecoderAgreeOnMutations draws mutations of valid plans from
// a fixed seed: many of the small plans, some of the shipped ones.
func TestSchemaAndDecoderAgreeOnMutations(t *testing.T) {
	seed := uint64(17)
	if s := os.Getenv("BIZENV_CONTRACT_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
		seed = n
	}
	r := rand.New(rand.NewPCG(seed, 2025))
	type base struct {
		name string
		doc  []byte
		n    int
	}
	excerpt, err := os.ReadFile(filepath.Join("..", "examples", "data", "tiexi-2025-excerpt.json"))
	require.NoError(t, err)
	bases := []base{{"street", []byte(street), 1500}, {"tiexi-2025-excerpt", excerpt, 500}}
	if !testing.Short() {
		big, err := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
		require.NoError(t, err)
		for _, f := range big {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			bases = append(bases, base{filepath.Base(f), b, 12})
		}
	}
	total, accepted, refused := 0, 0, 0
	for _, b := range bases {
		for i := range b.n {
			doc := mutate(r, decodeGeneric(t, b.doc))
			v, ok := agree(t, fmt.Sprintf("%s mutation %d (seed %d)", b.name, i, seed), doc)
			if !ok {
				continue
			}
			total++
			if v.schemaOK {
				accepted++
			} else {
				refused++
			}
		}
	}
	t.Logf("%d mutated documents: %d accepted and %d refused by both", total, accepted, refused)
	assert.Greater(t, accepted, total/10, "the mutations reach accepted documents too")
	assert.Greater(t, refused, total/10)
}

// FuzzSchemaAgreement: for any I-JSON document, the schema and the
// decoder agree. The seeds are the corpus plans; the committed corpus
// under testdata/fuzz holds inputs from longer runs.
func FuzzSchemaAgreement(f *testing.F) {
	f.Add([]byte(street))
	excerpt, err := os.ReadFile(filepath.Join("..", "examples", "data", "tiexi-2025-excerpt.json"))
	if err == nil {
		f.Add(excerpt)
	}
	f.Add([]byte(`{"title":"x","sections":[{"tasks":[{"status":"推进中"}]}]}`))
	f.Add([]byte(`{"period":{"from":2025.0},"issued":null,"doc_number":""}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > 1<<16 {
			return
		}
		agree(t, "fuzz", doc)
	})
}

// scalarTypes are the types with a text form of their own that the plan
// holds, by their definition in the schema.
func scalarTypes() map[string]reflect.Type {
	return map[string]reflect.Type{
		"calendar.Date":       reflect.TypeFor[calendar.Date](),
		"uuid.UUID":           reflect.TypeFor[uuid.UUID](),
		"decimal.Decimal":     reflect.TypeFor[decimal.Decimal](),
		"decimal.NullDecimal": reflect.TypeFor[decimal.NullDecimal](),
		"time.Time":           reflect.TypeFor[time.Time](),
		"plan.DocNumber":      reflect.TypeFor[DocNumber](),
		"plan.Kind":           reflect.TypeFor[Kind](),
		"indicator.Period":    reflect.TypeFor[indicator.Period](),
		"indicator.Op":        reflect.TypeFor[indicator.Op](),
		"indicator.Kind":      reflect.TypeFor[indicator.Kind](),
		"indicator.Direction": reflect.TypeFor[indicator.Direction](),
		"indicator.Attribute": reflect.TypeFor[indicator.Attribute](),
		"indicator.Frequency": reflect.TypeFor[indicator.Frequency](),
		"task.Status":         reflect.TypeFor[task.Status](),
		"task.EntryKind":      reflect.TypeFor[task.EntryKind](),
		"task.ReviewState":    reflect.TypeFor[task.ReviewState](),
		"task.DeadlineKind":   reflect.TypeFor[task.DeadlineKind](),
	}
}

// scalarAgree reports a disagreement on the JSON value raw between the
// schema's definition def and the canonical decoding of its type.
func scalarAgree(t testing.TB, def string, typ reflect.Type, raw []byte) error {
	if !iJSON(raw) {
		return nil
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	schemaOK := planSchema(t, "#/$defs/"+def).Validate(inst) == nil
	decodeErr := strictjson.UnmarshalWith(raw, reflect.New(typ).Interface(), contract.Options())
	if schemaOK != (decodeErr == nil) {
		return fmt.Errorf("%s %s: schema accepts %v, decoder says %v", def, raw, schemaOK, decodeErr)
	}
	return nil
}

// TestScalarPatterns: each pattern of the schema accepts exactly the
// texts the type's decoding accepts, over the pool and variations of it.
func TestScalarPatterns(t *testing.T) {
	texts := append([]string{}, pool...)
	for _, s := range []string{"2025-12-31", "9999-12-31", "0001-01-01", "2000-02-29", "1900-02-29", "2025-00-10", "2025-12-32", " 2025-12-31",
		"0", "0.5", "-12.25", "100", "1000000000000000000000.000000001", "00", "1.", "-.5", "1_000", "0x10", "Infinity", "NaN",
		"辽政办发〔1900〕1号", "辽政办发〔2099〕99999号", "辽政办发〔2025〕100000号", "辽政办发〔2025〕0号", "〔2025〕1号", "A〔2025〕1号", "辽〔2025〕1号",
		"辽 政〔2025〕1号", "辽政办发（2022）14号", "𠀀政发〔2025〕1号", "〇政发〔2025〕1号", "々政发〔2025〕1号",
		"2025Q0", "2025Q5", "2025q3", "2025-00", "0000", "0001", "2025-1", "2025年第3季度",
		"2025-01-01T00:00:00.123456789Z", "2025-01-01T00:00:00.1234567891Z", "2025-01-01T24:00:00Z", "2025-01-01T23:59:60Z",
		"2025-01-01T10:00:00-00:00", "2025-01-01T10:00:00+23:59", "2025-01-01T10:00:00+24:00", "2025-01-01 10:00:00Z", "2025-02-29T10:00:00Z",
		"programme", "action_plan", "measures", "item_list", "<=", "<", ">=", ">", "==", "between", "介于",
		"6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "urn:uuid:6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11"} {
		b, _ := json.Marshal(s)
		texts = append(texts, string(b))
	}
	for def, typ := range scalarTypes() {
		for _, raw := range texts {
			assert.NoError(t, scalarAgree(t, def, typ, []byte(raw)))
		}
	}
}

// FuzzScalarPatterns fuzzes the text of every scalar type at once.
func FuzzScalarPatterns(f *testing.F) {
	for _, s := range []string{"2025-12-31", "10.5", "辽政办发〔2022〕14号", "2025Q3", "2025-01-01T10:00:00+08:00", "in_progress", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := json.Marshal(s)
		if err != nil {
			return
		}
		for def, typ := range scalarTypes() {
			if err := scalarAgree(t, def, typ, raw); err != nil {
				t.Error(err)
			}
		}
	})
}

// TestEveryScalarOfThePlanIsCovered: every definition of the plan schema
// that is not an object is in scalarTypes, so that its pattern is tested.
func TestEveryScalarOfThePlanIsCovered(t *testing.T) {
	var doc struct {
		Defs map[string]map[string]any `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(Schema(), &doc))
	for name, d := range doc.Defs {
		if d["type"] == "object" {
			continue
		}
		_, ok := scalarTypes()[name]
		assert.True(t, ok, "%s is not in scalarTypes", name)
	}
}

// segments splits a JSON Pointer into its unescaped reference tokens.
func segments(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		if strings.Contains(s, "~") {
			parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
		}
	}
	return parts
}
