package bizenv_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/credit"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marshalling lists every exported type of the packages that writes JSON: a struct
// with json tags, or a type with MarshalJSON or MarshalText.
// TestEveryMarshallingTypeIsListed keeps the list whole.
var marshalling = []any{
	calendar.Date{}, calendar.DayInfo{}, calendar.DayKind(0), calendar.Festival(0), calendar.HolidayBlock{}, calendar.Horizon{},
	calendar.Law(0), calendar.Article{}, calendar.Ruling{},
	calendar.Notice{}, calendar.NoticeBreak{}, calendar.Overlay{}, calendar.Period{}, calendar.Provenance{}, calendar.Unit(0),
	org.Group{}, org.Kind(0), org.Level(0), org.Region{}, org.Resolution{}, org.Unit{},
	task.Action{}, task.ActionKind(0), task.Board{}, task.Bulletin{}, task.CloseOut{}, task.ClosedTask{}, task.Closure{}, task.Deadline{},
	task.DeadlineKind(0), task.Entry{}, task.EntryKind(0), task.Extension{}, task.Finding{}, task.LateTask{}, task.Ledger{}, task.Liaison{},
	task.Light(0), task.LightRules{}, task.Matrix{}, task.Milestone{}, task.OutTask{}, task.Policy{}, task.Reply{}, task.Responsibility{},
	task.ReviewState(0), task.Role(0), task.Rollup(0), task.Rules{}, task.Rung{}, task.ScoreRules{}, task.Span{}, task.Standing{},
	task.Status(0), task.Supervision{}, task.Target{}, task.Task{}, task.TaskLight{}, task.Undatable{}, task.UnitLight{}, task.UnitProgress{},
	task.UnitRole{}, task.UnitScore{}, task.UnitStanding{}, task.Workload{},
	indicator.Attainment(0), indicator.Attribute(0), indicator.Baseline{}, indicator.Direction(0), indicator.Finding{}, indicator.Frequency(0),
	indicator.Kind(0), indicator.Measure{}, indicator.Node{}, indicator.Observation{}, indicator.Op(0), indicator.Period{}, indicator.Rank{},
	indicator.Severity(0), indicator.Status(0), indicator.System{}, indicator.Target{},
	credit.AcceptanceRule{}, credit.Cell{}, credit.Check{}, credit.Commitment{}, credit.Condition{}, credit.DrawPolicy{}, credit.DrawRecord{},
	credit.Eligibility{}, credit.Entity{}, credit.Inspector{}, credit.Listing{}, credit.Pick{}, credit.Policy{}, credit.PublicityPeriod{},
	credit.Record{}, credit.Repair{}, credit.RepairLimits{}, credit.RepairRules{}, credit.Scheme{}, credit.Step{}, credit.TaxFacts{},
	credit.TaxRules{}, credit.USCC{},
	plan.AttainmentRow{}, plan.Baseline{}, plan.BaselineEntry{}, plan.Column{}, plan.DocNumber{}, plan.Finding{}, plan.Flagship{},
	plan.Kind(""), plan.LightCounts{}, plan.OverdueTask{}, plan.Period{}, plan.Phase{}, plan.Plan{}, plan.Ref{}, plan.Report{}, plan.Section{},
	plan.Severity(""), plan.Source{}, plan.Target{}, plan.TaskRef{}, plan.Version{}, plan.WorkloadRow{},
	docimport.Finding{}, docimport.Format(0), docimport.Location{}, docimport.Result{},
	approval.Acceptance{}, approval.Alert{}, approval.AlertKey{}, approval.Basis(0), approval.Case{}, approval.CaseStatus(0),
	approval.Citation{}, approval.ClockTime(0), approval.Compression{}, approval.DayPart{}, approval.DayRun{}, approval.Event{},
	approval.EventKind(0), approval.Explanation{}, approval.Extension{}, approval.Group{}, approval.Jurisdiction{}, approval.Level(""),
	approval.Mode(""), approval.Pause{}, approval.PauseEffect{}, approval.PauseReason(0), approval.Process{}, approval.Report{},
	approval.Stage{}, approval.StageState{}, approval.State{}, approval.Stats{}, approval.Timer{}, approval.TimerStatus(0),
	approval.Validity{}, approval.WorkingHours{},
	store.Delegation{}, store.PlanVersion{}, store.TaskEvent{},
}

// TestEveryMarshallingTypeIsListed reads the packages' source and fails
// when a type that writes JSON is missing from marshalling.
func TestEveryMarshallingTypeIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, v := range marshalling {
		ty := reflect.TypeOf(v)
		listed[ty.PkgPath()+"."+ty.Name()] = true
	}
	for _, dir := range []string{"calendar", "org", "task", "task/export", "indicator", "credit", "plan", "plan/docimport", "approval", "store"} {
		for _, name := range writersIn(t, dir) {
			assert.True(t, listed["github.com/bizenv/bizenv/"+dir+"."+name], "%s.%s writes JSON: add it to marshalling", dir, name)
		}
	}
}

// writersIn returns the exported types of the package in dir that write
// JSON.
func writersIn(t *testing.T, dir string) []string {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			switch x := d.(type) {
			case *ast.GenDecl:
				for _, s := range x.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							if fl.Tag != nil && strings.Contains(fl.Tag.Value, "json:") {
								add(ts.Name.Name)
								break
							}
						}
					}
				}
			case *ast.FuncDecl:
				if x.Recv == nil || (x.Name.Name != "MarshalJSON" && x.Name.Name != "MarshalText") {
					continue
				}
				rt := x.Recv.List[0].Type
				if s, ok := rt.(*ast.StarExpr); ok {
					rt = s.X
				}
				if id, ok := rt.(*ast.Ident); ok && id.IsExported() {
					add(id.Name)
				}
			}
		}
	}
	return out
}

// TestEveryTypeThatMarshalsUnmarshals (issue 17): each type above, filled
// with valid values, is written, read back into its own type, and written
// again to the same JSON.
func TestEveryTypeThatMarshalsUnmarshals(t *testing.T) {
	for _, v := range marshalling {
		ty := reflect.TypeOf(v)
		t.Run(ty.String(), func(t *testing.T) {
			val := fill(t, ty, map[reflect.Type]bool{})
			b, err := json.Marshal(val.Interface())
			require.NoError(t, err)
			back := reflect.New(ty)
			require.NoError(t, json.Unmarshal(b, back.Interface()), "%s reads back what it writes: %s", ty, b)
			again, err := json.Marshal(back.Elem().Interface())
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again))
		})
	}
}

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// fill returns a value of type ty with every field set to something valid.
func fill(t *testing.T, ty reflect.Type, path map[reflect.Type]bool) reflect.Value {
	v := reflect.New(ty).Elem()
	if s, ok := special(t)[ty]; ok {
		v.Set(reflect.ValueOf(s))
		return v
	}
	if reflect.PointerTo(ty).Implements(textUnmarshaler) && (ty.Implements(textMarshaler) || ty.Kind() == reflect.String) {
		return enumValue(t, ty)
	}
	if path[ty] { // a type within itself: left empty
		return v
	}
	path[ty] = true
	defer delete(path, ty)
	switch ty.Kind() {
	case reflect.Struct:
		for i := range ty.NumField() {
			f := ty.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			v.Field(i).Set(fill(t, f.Type, path))
		}
	case reflect.Pointer:
		v.Set(fill(t, ty.Elem(), path).Addr())
	case reflect.Slice:
		v.Set(reflect.Append(reflect.MakeSlice(ty, 0, 1), fill(t, ty.Elem(), path)))
	case reflect.Map:
		m := reflect.MakeMap(ty)
		m.SetMapIndex(fill(t, ty.Key(), path), fill(t, ty.Elem(), path))
		v.Set(m)
	case reflect.String:
		v.SetString("文本")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(2)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(2)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	}
	return v
}

// enumValue returns a value of an enumeration that writes and reads back,
// not the zero one when there is another.
func enumValue(t *testing.T, ty reflect.Type) reflect.Value {
	try := func(v reflect.Value) bool {
		var b []byte
		if m, ok := v.Interface().(encoding.TextMarshaler); ok {
			var err error
			if b, err = m.MarshalText(); err != nil {
				return false
			}
		} else {
			b = []byte(v.String())
		}
		back := reflect.New(ty)
		return back.Interface().(encoding.TextUnmarshaler).UnmarshalText(b) == nil && reflect.DeepEqual(back.Elem().Interface(), v.Interface())
	}
	switch ty.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		for i := 1; i < 256; i++ {
			v := reflect.New(ty).Elem()
			if ty.Kind() >= reflect.Uint && ty.Kind() <= reflect.Uint64 {
				v.SetUint(uint64(i))
			} else {
				v.SetInt(int64(i))
			}
			if try(v) {
				return v
			}
		}
	case reflect.String:
		for _, s := range []string{"action_plan", "error", "warning"} {
			v := reflect.New(ty).Elem()
			v.SetString(s)
			if try(v) {
				return v
			}
		}
	}
	v := reflect.New(ty).Elem()
	require.True(t, try(v), "%s: no value writes and reads back", ty)
	return v
}

// special are valid values of the types with rules of their own.
func special(t *testing.T) map[reflect.Type]any {
	d, err := calendar.ParseDate("2025-06-30")
	require.NoError(t, err)
	per, err := calendar.ParsePeriod("20工作日")
	require.NoError(t, err)
	ip, err := indicator.QuarterPeriod(2025, 3)
	require.NoError(t, err)
	dn, err := plan.ParseDocNumber("辽政办发〔2022〕14号")
	require.NoError(t, err)
	code, err := credit.ParseUSCC("91350100M000100Y43")
	require.NoError(t, err)
	region, err := org.ParseRegion("210303")
	require.NoError(t, err)
	hours, err := approval.ParseWorkingHours("08:30-12:00,13:30-17:30")
	require.NoError(t, err)
	var l task.Ledger
	_, err = l.Append(task.Entry{Date: d, Unit: "区数据局", Percent: decimal.NewFromInt(40), Narrative: "过半"})
	require.NoError(t, err)
	return map[reflect.Type]any{
		reflect.TypeFor[calendar.Date]():         d,
		reflect.TypeFor[calendar.Period]():       per,
		reflect.TypeFor[indicator.Period]():      ip,
		reflect.TypeFor[plan.DocNumber]():        dn,
		reflect.TypeFor[credit.USCC]():           code,
		reflect.TypeFor[org.Region]():            region,
		reflect.TypeFor[task.Ledger]():           l,
		reflect.TypeFor[approval.WorkingHours](): hours,
		reflect.TypeFor[uuid.UUID]():             uuid.MustParse("6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11"),
		reflect.TypeFor[decimal.Decimal]():       decimal.RequireFromString("12.5"),
		reflect.TypeFor[decimal.NullDecimal]():   decimal.NewNullDecimal(decimal.RequireFromString("3")),
		reflect.TypeFor[time.Time]():             time.Date(2025, 6, 30, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)),
		reflect.TypeFor[json.RawMessage]():       json.RawMessage(`{"k":1}`),
		reflect.TypeFor[string]():                "文本",
	}
}

// Enumerations read back every name they write, and their JSON and SQL
// forms agree, across every value (a spot check beside the packages' own
// tests).
func TestEnumNamesReadBack(t *testing.T) {
	for _, v := range marshalling {
		ty := reflect.TypeOf(v)
		if !ty.Implements(textMarshaler) || !reflect.PointerTo(ty).Implements(textUnmarshaler) || ty.Kind() == reflect.Struct || ty.Kind() == reflect.Array {
			continue
		}
		if ty.Kind() == reflect.String {
			continue
		}
		n := 0
		for i := 0; i < 256; i++ {
			x := reflect.New(ty).Elem()
			if ty.Kind() >= reflect.Uint && ty.Kind() <= reflect.Uint64 {
				x.SetUint(uint64(i))
			} else {
				x.SetInt(int64(i))
			}
			b, err := x.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil || bytes.Contains(b, []byte("(")) {
				continue
			}
			back := reflect.New(ty)
			require.NoError(t, back.Interface().(encoding.TextUnmarshaler).UnmarshalText(b), "%s %q", ty, b)
			assert.Equal(t, x.Interface(), back.Elem().Interface(), "%s %q", ty, b)
			n++
		}
		assert.Positive(t, n, ty.String()+strconv.Itoa(n))
	}
}
