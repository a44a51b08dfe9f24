package credit

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsePackage parses the package's non-test files.
func parsePackage(t *testing.T) []*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		require.Equal(t, "credit", f.Name.Name)
		files = append(files, f)
	}
	return files
}

// Issue 13, item 10: no package-level variable a caller could reassign and
// so change the package's behaviour. The only exported variables are the
// Err* sentinels, as Go's own packages have them.
func TestNoMutablePackageGlobals(t *testing.T) {
	var exported []string
	for _, f := range parsePackage(t) {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if name.IsExported() {
						exported = append(exported, name.Name)
					}
				}
			}
		}
	}
	sort.Strings(exported)
	assert.Equal(t, []string{"ErrInvalidDraw", "ErrInvalidGrade", "ErrInvalidRecord", "ErrInvalidUSCC"}, exported)

	// What the package hands out is the caller's own copy.
	kf := DefaultKeyFields()
	kf[0] = "x"
	assert.Equal(t, "疫苗", DefaultKeyFields()[0])
	mr := MarketRisk()
	mr.Grades[0], mr.Labels["A"] = "Z", "x"
	assert.Equal(t, Grade("A"), MarketRisk().Grades[0])
	assert.Equal(t, "信用风险低", MarketRisk().Labels["A"])
	tr := TaxRuleSets()
	tr[0].Grades[0], tr[0].Labels["A"] = "Z", "x"
	assert.Equal(t, Grade("A"), TaxRuleSets()[0].Grades[0])
	assert.NotEqual(t, "x", TaxRuleSets()[0].Labels["A"])
	rr := RepairRuleSets()
	rr[1].Publicity[General] = PublicityPeriod{}
	rr[1].Conditions[0].ZH = "x"
	p, err := PublicityOn(General, d(t, "2026-04-01"))
	require.NoError(t, err)
	assert.True(t, p.Published)
	assert.NotEqual(t, "x", RepairRuleSets()[1].Conditions[0].ZH)
	l := RepairLimitsOn(d(t, "2026-04-01"))
	l.Sources[StepAccept] = "x"
	assert.NotEqual(t, "x", RepairLimitsOn(d(t, "2026-04-01")).Sources[StepAccept])
}

// Every JSON type of the package survives value → JSON → value, through
// the module's strict decoder; the table is proved complete against the
// package's source: each struct type with JSON tags has a case.
func TestJSONRoundTrip(t *testing.T) {
	u1, _ := ParseUSCC(published[0])
	u2, _ := ParseUSCC(published[1])
	wd := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Workdays} }
	rec, err := Draw(population(40), roster(6), drawPolicy(), "s")
	require.NoError(t, err)
	pub, err := PublicityOn(General, d(t, "2026-04-01"))
	require.NoError(t, err)
	rules := RepairRuleSets()[1]
	tax, err := TaxRulesFor(2025)
	require.NoError(t, err)
	cases := map[string]any{
		"DrawRecord":      rec,
		"DrawPolicy":      &DrawPolicy{Policy: Policy{Cells: drawPolicy().Cells, KeyFields: []string{"药品"}, DisturbRedList: true}, Inspectors: 3, DistinctUnits: true, RequireQualification: true},
		"Policy":          &Policy{Cells: drawPolicy().Cells[:2], KeyFields: []string{"药品"}},
		"Inspector":       &Inspector{ID: "ZF01", Name: "张三", Unit: "区市场监管局", Qualifications: []string{"餐饮"}, Excluded: []USCC{u1, u2}},
		"Pick":            &Pick{Entity: u1, Cell: Cell{"A", "低"}, Inspectors: []string{"a", "b"}},
		"Entity":          &Entity{Code: u1, Name: "甲", Grade: "B", Risk: "中", Field: "药品", Red: true},
		"Cell":            &Cell{"C", "高"},
		"Check":           &Check{decimal.RequireFromString("2.5"), 4},
		"CellCheck":       &CellCheck{Cell{"D", "高"}, Check{decimal.NewFromInt(100), 12}},
		"Record":          &Record{ID: "R1", Subject: u2, Kind: Penalty, Severity: General, Decided: d(t, "2026-04-01"), Issuer: "区市场监管局", Summary: "罚款", Publicity: pub, Repaired: d(t, "2026-08-03")},
		"PublicityPeriod": &pub,
		"Repair":          &Repair{Record: "R1", Applied: d(t, "2026-07-01"), Accepted: d(t, "2026-07-02"), Decided: d(t, "2026-07-08"), Approved: true, ObjectionRaised: d(t, "2026-07-09"), ObjectionAnswered: d(t, "2026-07-10"), Extended: true, Met: []string{CondCommitment}},
		"RepairLimits":    &RepairLimits{Accept: wd(3), Decide: wd(5), Feedback: wd(10), Objection: wd(5), Sources: map[string]string{StepAccept: "x"}},
		"Step":            &Step{Name: StepDecide, Due: d(t, "2026-07-08")},
		"Scheme":          ptr(MarketRisk()),
		"Listing":         &Listing{List: BlackList, Reason: "严重失信", From: d(t, "2026-01-01"), Until: d(t, "2028-12-31"), Issuer: "区市场监管局"},
		"Eligibility":     &Eligibility{NotifyCommit: false, AcceptDeficient: true, Reasons: []string{"x / y"}},
		"AcceptanceRule":  &AcceptanceRule{Scheme: MarketRisk(), Worst: "B"},
		"Commitment":      &Commitment{ID: "C1", Subject: u1, Made: d(t, "2026-01-05"), Verify: d(t, "2026-04-05"), Content: "具备条件", Approval: "许可"},
		"TaxRules":        &tax,
		"TaxFacts":        &TaxFacts{Year: 2025, Score: decimal.RequireFromString("88.5"), NewlyEstablished: true, NoBusinessIncome: true, DirectD: true},
		"RepairRules":     &rules,
		"Condition":       &rules.Conditions[2],
		"canonicalCell":   &canonicalCell{"A", "低", "3", 1},
		"canonicalPolicy": &canonicalPolicy{Cells: []canonicalCell{{"A", "低", "3", 1}}, KeyFields: []string{"x"}, DisturbRedList: true, Inspectors: 2, DistinctUnits: true, RequireQualification: true},
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			back := reflect.New(reflect.TypeOf(v).Elem())
			require.NoError(t, strictjson.Unmarshal(b, back.Interface()), string(b))
			assert.Equal(t, v, back.Interface(), string(b))
		})
	}
	roster := Roster{{ID: "a", Unit: "x"}}
	b, err := json.Marshal(roster)
	require.NoError(t, err)
	var back Roster
	require.NoError(t, strictjson.Unmarshal(b, &back))
	assert.Equal(t, roster, back)

	var jsonTypes []string
	for _, f := range parsePackage(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fl := range st.Fields.List {
				if fl.Tag != nil && strings.Contains(fl.Tag.Value, `json:"`) {
					jsonTypes = append(jsonTypes, ts.Name.Name)
					break
				}
			}
			return true
		})
	}
	for _, name := range jsonTypes {
		_, ok := cases[name]
		assert.True(t, ok, "no round-trip case for %s", name)
	}
	assert.True(t, slices.Contains(jsonTypes, "DrawRecord"))
}

func ptr[T any](v T) *T { return &v }
