package plan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

func onDate(t testing.TB, s string) *task.Deadline {
	return &task.Deadline{Kind: task.OnDate, Date: day(t, s)}
}

func lead(u ...string) task.Responsibility { return task.Responsibility{Lead: u} }

func tgt(op indicator.Op, v string, u indicator.Unit) indicator.Target {
	return indicator.Target{Op: op, Value: decimal.RequireFromString(v), Unit: u, Year: 2025}
}

// province, city and district are small plans in the shape of the seeds:
// 辽宁 (60 working days for construction approval), 鞍山 (40 days), 铁西.
func province(t testing.TB) *Plan {
	dn, err := ParseDocNumber("辽政办发〔2022〕14号")
	require.NoError(t, err)
	return &Plan{ID: task.NewID("辽政办发〔2022〕14号", ""), Title: "辽宁省营商环境建设行动方案(2021—2025年)", Kind: ActionPlan, DocNumber: dn,
		Issuer: "辽宁省人民政府办公厅", Issued: day(t, "2022-03-01"), Period: Period{2021, 2025},
		Sections: []*Section{{Number: "一", Title: "打造高效便捷的政务环境", Tasks: []*task.Task{
			{ID: task.NewID(dn.String(), "1"), Number: "1", Title: "进一步精简审批环节和条件", Responsibility: lead("省住房城乡建设厅"), Deadline: onDate(t, "2023-12-31")},
			{ID: task.NewID(dn.String(), "2"), Number: "2", Title: "推行开办企业全程网上办理", Responsibility: lead("省市场监管局"), Deadline: onDate(t, "2022-12-31")},
		}}},
		Targets: []Target{
			{System: "省指标", Indicator: "1.1", Name: "工程建设项目审批时限", Target: tgt(indicator.AtMost, "60", indicator.Workdays)},
			{System: "省指标", Indicator: "2.1", Name: "减税降费总金额", Target: tgt(indicator.AtLeast, "200", indicator.HundredMillionYuan)},
		},
		IndicatorSystems: []*indicator.System{{Name: "省指标", Roots: []*indicator.Node{
			{Code: "1", Name: "政务环境", Children: []*indicator.Node{{Code: "1.1", Name: "工程建设项目审批时限", Measure: &indicator.Measure{Unit: indicator.Workdays, Direction: indicator.Lower}}}},
			{Code: "2", Name: "成本", Children: []*indicator.Node{{Code: "2.1", Name: "减税降费总金额", Measure: &indicator.Measure{Unit: indicator.HundredMillionYuan, Direction: indicator.Higher}}}},
		}}},
	}
}

func city(t testing.TB) *Plan {
	p := province(t)
	return &Plan{ID: uuid.NewSHA1(task.Namespace(), []byte("鞍山规划")), Title: "鞍山市优化营商环境“十四五”规划", Kind: Programme,
		Issuer: "鞍山市人民政府", Period: Period{2021, 2025}, Basis: []Ref{{DocNumber: p.DocNumber}},
		Phases: []Phase{{Name: "近期", End: day(t, "2021-12-31")}, {Name: "中期", End: day(t, "2023-12-31")}, {Name: "远期", End: day(t, "2025-12-31")}},
		Sections: []*Section{{Number: "三", Title: "重点任务", Sections: []*Section{{Number: "(一)", Title: "法治环境", Tasks: []*task.Task{
			{ID: uuid.NewSHA1(task.Namespace(), []byte("c1")), Number: "1", Title: "精简工程建设项目审批环节和条件", Responsibility: lead("市住建局"),
				Deadline: onDate(t, "2024-06-30"), Implements: []uuid.UUID{p.Sections[0].Tasks[0].ID}},
			{ID: uuid.NewSHA1(task.Namespace(), []byte("c2")), Number: "2", Title: "推动公共法律服务体系建设", Responsibility: lead("市司法局")},
		}}}}},
		Targets: []Target{
			{System: "专栏1", Indicator: "1.8", Name: "工程建设项目审批时限", Target: tgt(indicator.AtMost, "40", indicator.Days)},
			{System: "专栏1", Indicator: "3.1", Name: "减税降费总金额", Target: tgt(indicator.AtLeast, "300", indicator.HundredMillionYuan)},
		},
		IndicatorSystems: []*indicator.System{{Name: "专栏1", Roots: []*indicator.Node{
			{Code: "1", Name: "办事便利", Children: []*indicator.Node{{Code: "1.8", Name: "工程建设项目审批时限", Measure: &indicator.Measure{Unit: indicator.Days, Direction: indicator.Lower}}}},
			{Code: "3", Name: "成本竞争力强", Children: []*indicator.Node{{Code: "3.1", Name: "减税降费总金额", Measure: &indicator.Measure{Unit: indicator.HundredMillionYuan, Direction: indicator.Higher}}}},
		}}},
	}
}

func TestDocNumber(t *testing.T) {
	for in, want := range map[string]string{
		"辽政办发〔2022〕14号": "辽政办发〔2022〕14号", "辽政办发[2022]14号": "辽政办发〔2022〕14号", "辽政办发(2022)14号": "辽政办发〔2022〕14号",
		"辽政办发（2022）14号": "辽政办发〔2022〕14号", "鲅政办发〔2022〕1号": "鲅政办发〔2022〕1号", "国办发明电【2024】12号": "国办发明电〔2024〕12号",
		" 辽政办发〔２０２２〕１４号 ": "辽政办发〔2022〕14号",
	} {
		d, err := ParseDocNumber(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, d.String(), in)
	}
	d, _ := ParseDocNumber("辽政办发〔2022〕14号")
	assert.Equal(t, DocNumber{"辽政办发", 2022, 14}, d)
	for _, bad := range []string{"", "14号", "辽政办发2022年14号", "辽政办发〔22〕14号", "辽政办发〔2022〕0号", "〔2022〕14号", "辽政办发〔2022〕14"} {
		_, err := ParseDocNumber(bad)
		assert.ErrorIs(t, err, ErrInvalidPlan, bad)
	}
}

func codes(fs []Finding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Code]++
	}
	return out
}

func TestValidateCleanPlans(t *testing.T) {
	for _, p := range []*Plan{province(t), city(t)} {
		assert.Empty(t, p.Validate(Options{}), p.Title)
	}
}

func TestValidateRules(t *testing.T) {
	p := city(t)
	p.Title = "某区优化营商环境6条"
	p.Kind = ""
	p.Basis = append(p.Basis, Ref{ID: p.ID})
	p.Phases = append(p.Phases, Phase{Name: "补充", End: day(t, "2024-12-31")})
	sec := p.Sections[0].Sections[0]
	sec.Tasks = append(sec.Tasks,
		&task.Task{Number: "2", Title: "重复编号", Responsibility: lead("市财政局")},
		&task.Task{Number: "3", Title: "无人负责"},
		&task.Task{Number: "4", Title: "超出期限", Responsibility: lead("市数据局"), Deadline: onDate(t, "2026-06-30"),
			Milestones: []task.Milestone{{Due: day(t, "2027-01-01")}}},
	)
	p.Targets = append(p.Targets, Target{System: "专栏1", Indicator: "9.9", Name: "不存在", Target: tgt(indicator.AtMost, "1", indicator.Days)})
	p.IndicatorSystems[0].Declared = []int{3}
	p.AssignIDs()
	got := codes(p.Validate(Options{}))
	assert.Equal(t, map[string]int{
		"missing_kind": 1, "self_basis": 1, "phase_order": 1, "duplicate_number": 1, "no_accountable": 1,
		"declared_count": 1, "deadline_outside_period": 1, "milestone_outside_period": 1, "task_rule": 1,
		"unknown_indicator": 1, "indicator_declared_count": 1,
	}, got)
	for _, f := range p.Validate(Options{}) {
		assert.NotEmpty(t, f.Path, f.Code)
		assert.NotEmpty(t, f.MessageZh, f.Code)
		assert.NotEmpty(t, f.MessageEn, f.Code)
	}
	assert.True(t, HasErrors(p.Validate(Options{})))
	empty := &Plan{}
	assert.Equal(t, map[string]int{"missing_title": 1, "missing_kind": 1, "bad_period": 1, "no_tasks": 1, "missing_id": 1}, codes(empty.Validate(Options{})))
	// A programme that names no unit at all is told so once, not per task.
	programme := &Plan{Title: "规划", Kind: Programme, Period: Period{2021, 2025}, Sections: []*Section{{Number: "一", Title: "任务", Tasks: []*task.Task{
		{Number: "1", Title: "甲"}, {Number: "2", Title: "乙"}}}}}
	programme.AssignIDs()
	assert.Equal(t, map[string]int{"no_units": 1}, codes(programme.Validate(Options{})))
	programme.Sections[0].Tasks[0].Responsibility.Responsible = []string{"市税务局"} // responsible without a lead answers
	assert.Equal(t, map[string]int{"no_accountable": 1}, codes(programme.Validate(Options{})))
}

func TestValidateUnits(t *testing.T) {
	dir, err := org.NewDirectory([]org.Unit{{Name: "市住建局", Aliases: []string{"市住房城乡建设局"}}, {Name: "市司法局"}, {Name: "鞍山市人民政府"}}, nil)
	require.NoError(t, err)
	p := city(t)
	p.Sections[0].Sections[0].Tasks[0].Responsibility.Lead = []string{"市住房城乡建设局"}
	p.Sections[0].Sections[0].Tasks[1].Responsibility.Supporting = []string{"市司发局"}
	fs := p.Validate(Options{Directory: dir})
	assert.Equal(t, map[string]int{"alias_unit": 1, "unknown_unit": 1}, codes(fs))
	for _, f := range fs {
		if f.Code == "unknown_unit" {
			assert.Contains(t, f.MessageZh, "市司法局", "the suggestion")
			assert.Equal(t, "/sections/0/sections/0/tasks/1/responsibility/supporting/0", f.Path)
		}
	}
}

func TestCheckAgainst(t *testing.T) {
	prov, c := province(t), city(t)
	fs := CheckAgainst(c, prov)
	got := codes(fs)
	assert.Equal(t, 1, got["target_unit_mismatch"], "天 and 工作日 are said to differ, not compared")
	assert.Equal(t, 1, got["uncovered_parent_task"], "province task 2 has no city task")
	assert.Zero(t, got["laxer_target"], "300 亿元 is stricter than 200 亿元")
	assert.Zero(t, got["parent_not_in_basis"])

	c.Targets[1].Target = tgt(indicator.AtLeast, "1500000", indicator.TenThousandYuan) // 150 亿元
	c.Sections[0].Sections[0].Tasks[0].Deadline = onDate(t, "2024-06-30")
	prov.Sections[0].Tasks[0].Deadline = onDate(t, "2023-12-31")
	c.Sections[0].Sections[0].Tasks[1].Implements = []uuid.UUID{uuid.New()}
	c.Sections[0].Sections = append(c.Sections[0].Sections, &Section{Number: "(二)", Title: "政务环境", Tasks: []*task.Task{
		{Number: "3", Title: "推行开办企业全程网上办理服务", Responsibility: lead("市市场监管局")}}})
	fs = CheckAgainst(c, prov)
	got = codes(fs)
	assert.Equal(t, 1, got["laxer_target"], "150 亿元 is laxer than 200 亿元")
	assert.Equal(t, 1, got["late_deadline"])
	assert.Equal(t, 1, got["unknown_parent_task"])
	assert.Equal(t, 1, got["suggested_link"], "推行开办企业全程网上办理服务 resembles province task 2")

	c.Basis = nil
	prov.Basis = []Ref{{ID: c.ID}}
	got = codes(CheckAgainst(c, prov))
	assert.Equal(t, 1, got["parent_not_in_basis"])
	assert.Equal(t, 1, got["basis_cycle"])
	assert.Equal(t, map[string]int{"self_parent": 1}, codes(CheckAgainst(c, c)))
}

func TestJSONRoundTripAndSchema(t *testing.T) {
	sch := planSchema(t, "")
	var files []string
	for _, p := range []*Plan{province(t), city(t)} {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		files = append(files, string(b))
	}
	data, err := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, data)
	for _, f := range data {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		files = append(files, string(b))
	}
	for i, s := range files {
		p, err := Decode(strings.NewReader(s))
		require.NoError(t, err, i)
		out, err := json.Marshal(p)
		require.NoError(t, err)
		back, err := Decode(bytes.NewReader(out))
		require.NoError(t, err)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again), "value -> JSON -> value is equal (file %d)", i)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst), "file %d against the schema", i)
	}
}

func TestDecodeErrors(t *testing.T) {
	_, err := Decode(strings.NewReader("{\n  \"title\": \"x\",\n  \"colour\": 1\n}"))
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), "colour", "unknown fields are reported")
	_, err = Decode(strings.NewReader("{\n  \"title\": \"x\",\n  \"period\": {\"from\": \"2025\"}\n}"))
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), "line 3", "type errors give the line")
	_, err = Decode(strings.NewReader("{\n  \"title\": \"x\",,\n}"))
	assert.Contains(t, err.Error(), "line 2")
	_, err = Decode(strings.NewReader(`{"title":"x"} {}`))
	assert.ErrorContains(t, err, "after the JSON")
	_, err = Decode(strings.NewReader(`{"doc_number":"第14号"}`))
	assert.ErrorIs(t, err, ErrInvalidPlan)
}

func TestDecodeErrorColumn(t *testing.T) {
	_, err := Decode(strings.NewReader("{\n\"title\": \"中文标题\" \"x\"\n}"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 2, column 17", "the second quote, counting characters, not bytes")
}

// TestDecodeStrict pins the inputs the decoder once accepted silently
// (issue 13): each is now a finding with a code and a JSON Pointer.
func TestDecodeStrict(t *testing.T) {
	tests := []struct{ name, in, code, path string }{
		{"three titles", `{"title":"a","title":"b","title":"c"}`, "decode_duplicate_key", "/title"},
		{"case variant", `{"title":"a","Title":"b"}`, "decode_duplicate_key", "/Title"},
		{"case-variant field", `{"Title":"a"}`, "decode_unknown_field", "/Title"},
		{"null task", `{"title":"a","sections":[{"number":"一","title":"s","tasks":[null]}]}`, "decode_null_element", "/sections/0/tasks/0"},
		{"null section", `{"title":"a","sections":[null]}`, "decode_null_element", "/sections/0"},
		{"null system", `{"title":"a","indicator_systems":[null]}`, "decode_null_element", "/indicator_systems/0"},
		{"gbk", "{\"title\":\"\xb7\xbd\xb0\xb8\"}", "decode_encoding", ""},
		{"utf-16", "\xff\xfe{\x00}\x00", "decode_encoding", ""},
		{"impossible date", `{"title":"a","issued":"2025-02-30"}`, "decode_value", "/issued"},
		{"trailing", `{"title":"a"} {}`, "decode_trailing_data", ""},
		{"empty", ``, "decode_empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.in))
			require.ErrorIs(t, err, ErrInvalidPlan)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			require.NotEmpty(t, de.Findings)
			f := de.Findings[0]
			assert.Equal(t, tt.code, f.Code, f.String())
			assert.Equal(t, tt.path, f.Path)
			assert.Equal(t, Error, f.Severity)
			assert.NotEmpty(t, f.MessageZh)
			assert.NotEmpty(t, f.MessageEn)
		})
	}
	// A BOM, which Windows editors write, is not a problem.
	p, err := Decode(strings.NewReader("\ufeff{\"title\":\"a\"}"))
	require.NoError(t, err)
	assert.Equal(t, "a", p.Title)
}

// Memory stays proportional to the content: blank lines cost nothing
// beyond their bytes (a table of line offsets once cost 8 bytes a line).
func TestDecodeMemoryIsProportional(t *testing.T) {
	in := bytes.Repeat([]byte("\n"), 16<<20)
	in = append(in, `{"title":"x"}`...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := Decode(bytes.NewReader(in))
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, "x", p.Title)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*len(in)), "at most a small multiple of the input")
}

// A Ref writes only what it knows: no nil UUID that looks like a real ID,
// no empty 文号.
func TestRefOmitsUnknownFields(t *testing.T) {
	b, err := json.Marshal(Ref{Title: "辽宁省营商环境建设行动方案"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"辽宁省营商环境建设行动方案"}`, string(b))
	var back Ref
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Ref{Title: "辽宁省营商环境建设行动方案"}, back)
}

func TestSchemaVersion(t *testing.T) {
	b, err := json.Marshal(&Plan{Title: "x"})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"schema_version":"1.1"`, "what is written is in the current format")
	p, err := Decode(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, p.SchemaVersion)
	for _, v := range []string{"1.0", "1.9"} {
		_, err := Decode(strings.NewReader(`{"schema_version":"` + v + `","title":"x"}`))
		assert.NoError(t, err, "a reader of 1.x reads every 1.y")
	}
	_, err = Decode(strings.NewReader(`{"schema_version":"2.0","title":"x"}`))
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "decode_schema_version", de.Findings[0].Code)
	p, err = Decode(strings.NewReader(`{"title":"x"}`))
	require.NoError(t, err, "no version: 1.0")
	assert.Empty(t, p.SchemaVersion)
}
