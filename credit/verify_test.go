package credit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// leafTypes are struct types a tampering changes as one value.
var leafTypes = map[reflect.Type]bool{reflect.TypeFor[decimal.Decimal](): true, reflect.TypeFor[USCC](): true}

// recordFields lists, by reflection over the Go type, every field that a
// DrawRecord holds at any depth, as "Type.Field".
func recordFields() []string {
	var out []string
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || leafTypes[t] || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			out = append(out, t.Name()+"."+f.Name)
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[DrawRecord]())
	sort.Strings(out)
	return out
}

// tampering is one single change to a record.
type tampering struct {
	path   string
	fields []string // "Type.Field" of each struct field on the way to the value changed
	apply  func(v reflect.Value)
}

// tamperings enumerates, by reflection over a real record's value, a change
// to every field: each leaf value altered (strings extended, numbers
// incremented, booleans flipped, decimals raised, codes replaced), and each
// slice shortened and lengthened; in a slice, the first and the last
// element are walked.
func tamperings(rec *DrawRecord, other USCC) []tampering {
	var out []tampering
	var walk func(v reflect.Value, path []int, name string, fields []string)
	walk = func(v reflect.Value, path []int, name string, fields []string) {
		at := slices.Clone(path)
		add := func(what string, f func(reflect.Value)) {
			out = append(out, tampering{path: name + what, fields: slices.Clone(fields), apply: func(root reflect.Value) { f(follow(root, at)) }})
		}
		t := v.Type()
		switch {
		case t == reflect.TypeFor[decimal.Decimal]():
			add(" +1", func(x reflect.Value) {
				x.Set(reflect.ValueOf(x.Interface().(decimal.Decimal).Add(decimal.NewFromInt(1))))
			})
		case t == reflect.TypeFor[USCC]():
			add(" replaced", func(x reflect.Value) { x.Set(reflect.ValueOf(other)) })
		case t.Kind() == reflect.Struct:
			for i := range t.NumField() {
				if t.Field(i).IsExported() {
					walk(v.Field(i), append(path, i), name+"."+t.Field(i).Name, append(fields, t.Name()+"."+t.Field(i).Name))
				}
			}
		case t.Kind() == reflect.Slice:
			add(" shortened", func(x reflect.Value) { x.Set(x.Slice(0, x.Len()-1)) })
			add(" lengthened", func(x reflect.Value) { x.Set(reflect.Append(x, x.Index(0))) })
			for _, i := range []int{0, v.Len() - 1} {
				walk(v.Index(i), append(path, -1-i), fmt.Sprintf("%s[%d]", name, i), fields)
				if v.Len() == 1 {
					break
				}
			}
		case t.Kind() == reflect.String:
			add(" extended", func(x reflect.Value) { x.SetString(x.String() + "0") })
		case t.Kind() == reflect.Int:
			add(" +1", func(x reflect.Value) { x.SetInt(x.Int() + 1) })
		case t.Kind() == reflect.Bool:
			add(" flipped", func(x reflect.Value) { x.SetBool(!x.Bool()) })
		default:
			panic("tamperings: no change for " + t.String())
		}
	}
	walk(reflect.ValueOf(rec).Elem(), nil, "record", nil)
	return out
}

// follow walks a path of field indexes (>= 0) and slice indexes (-1-i).
func follow(v reflect.Value, path []int) reflect.Value {
	for _, i := range path {
		if i >= 0 {
			v = v.Field(i)
		} else {
			v = v.Index(-1 - i)
		}
	}
	return v
}

// A record whose every slice has elements and every optional field is set,
// so that the walk reaches every field.
func fullRecord(t *testing.T) (*DrawRecord, []Entity, Roster) {
	pop, rs, p := population(60), roster(8), drawPolicy()
	p.Cells = p.Cells[1:] // (A, 低) is matched by no cell: unmatched entities
	p.KeyFields = []string{"药品", "特种设备"}
	rec, err := Draw(pop, rs, p, "2025Q4 公开摇号 7 19 26")
	require.NoError(t, err)
	require.NotEmpty(t, rec.Unmatched)
	require.NotZero(t, rec.Exempt)
	require.True(t, p.DistinctUnits && p.RequireQualification)
	require.NoError(t, Verify(rec, pop, rs))
	return rec, pop, rs
}

// Issue 13, item 2: before, 8 of 28 single-field tamperings passed verify
// (algorithm, unmatched, each pick's cell). Every field of a published
// record is verified now: each single change to a real record fails, and
// the walk is proved to reach every field of the type.
func TestVerifyCatchesEveryTampering(t *testing.T) {
	rec, pop, rs := fullRecord(t)
	clean, err := json.Marshal(rec)
	require.NoError(t, err)
	other := pop[1].Code
	require.NotContains(t, rec.Unmatched, other)

	all := tamperings(rec, other)
	reached := map[string]bool{}
	for _, tm := range all {
		for _, f := range tm.fields {
			reached[f] = true
		}
		t.Run(tm.path, func(t *testing.T) {
			forged, err := DecodeDrawRecord(bytes.NewReader(clean))
			require.NoError(t, err)
			tm.apply(reflect.ValueOf(forged).Elem())
			b, err := json.Marshal(forged)
			require.NoError(t, err)
			require.NotEqual(t, string(clean), string(b), "the tampering changed the published JSON")
			back, err := DecodeDrawRecord(bytes.NewReader(b))
			if err == nil { // most forgeries read: then Verify must catch them
				err = Verify(back, pop, rs)
			}
			require.Error(t, err, "tampering %s passed verify", tm.path)
			assert.ErrorIs(t, err, ErrInvalidDraw)
		})
	}
	var missed []string
	for _, f := range recordFields() {
		if !reached[f] {
			missed = append(missed, f)
		}
	}
	assert.Empty(t, missed, "fields of DrawRecord no tampering reached")
	assert.GreaterOrEqual(t, len(all), 40)
	t.Logf("%d tamperings over %d fields, each caught", len(all), len(recordFields()))
}

// Verify names the field that differs, for the fields the hashes do not
// cover.
func TestVerifyNamesTheField(t *testing.T) {
	rec, pop, rs := fullRecord(t)
	tests := []struct {
		name   string
		change func(r *DrawRecord)
		want   string
	}{
		{"algorithm", func(r *DrawRecord) { r.Algorithm = "bizenv-draw/0" }, "algorithm is not bizenv-draw/1"},
		{"unmatched", func(r *DrawRecord) { r.Unmatched = r.Unmatched[1:] }, "different unmatched"},
		{"unmatched entry", func(r *DrawRecord) { r.Unmatched[0] = pop[1].Code }, "different unmatched[0]"},
		{"cell", func(r *DrawRecord) { r.Picks[0].Cell.Risk = "极高" }, "pick 1 another cell"},
		{"exempt", func(r *DrawRecord) { r.Exempt++ }, "different exempt"},
		{"entities", func(r *DrawRecord) { r.Entities++ }, "different entities"},
		{"seed", func(r *DrawRecord) { r.Seed += "!" }, "differs at pick"},
		{"policy", func(r *DrawRecord) { r.Policy.Cells[0].PerYear++ }, "policy was altered"},
		{"inspector", func(r *DrawRecord) { r.Picks[0].Inspectors[0] = "执法00007" }, "picks were altered"},
		{"extra pick", func(r *DrawRecord) {
			r.Picks = append(r.Picks, r.Picks[0])
			r.Result = resultHash(r.Picks)
		}, "the record has a pick"},
		{"missing pick", func(r *DrawRecord) {
			r.Picks = r.Picks[:len(r.Picks)-1]
			r.Result = resultHash(r.Picks)
		}, "which the record lacks"},
	}
	clean, _ := json.Marshal(rec)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forged, err := DecodeDrawRecord(bytes.NewReader(clean))
			require.NoError(t, err)
			tt.change(forged)
			err = Verify(forged, pop, rs)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	assert.True(t, strings.HasPrefix(Algorithm, "bizenv-draw/1:"))

	// A recorded hash is shown as it is; anything else, quoted, so that a
	// forged record cannot send escape sequences to a terminal.
	forged := *rec
	forged.Population = "\x1b[2J" + rec.Population
	err := Verify(&forged, pop, rs)
	assert.Contains(t, err.Error(), `recorded "\x1b[2J`)
	assert.NotContains(t, err.Error(), "\x1b[2J")
	forged = *rec
	forged.Roster = strings.Repeat("0", 64)
	assert.Contains(t, Verify(&forged, pop, rs).Error(), "recorded "+strings.Repeat("0", 64)+")")
}
