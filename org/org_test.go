package org

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tiexi(t testing.TB) *Directory {
	t.Helper()
	f, err := os.Open("testdata/tiexi.json")
	require.NoError(t, err)
	defer f.Close()
	d, err := ParseDirectory(f)
	require.NoError(t, err)
	return d
}

func TestRegions(t *testing.T) {
	r, err := ParseRegion("210303")
	require.NoError(t, err)
	assert.Equal(t, "铁西区", r.Name())
	assert.True(t, r.Known())
	assert.Equal(t, County, r.Level())
	assert.Equal(t, []string{"210303", "210300", "210000"}, codes(r.Chain()))
	assert.Equal(t, "辽宁省鞍山市铁西区", r.FullName())
	b, err := ParseRegion("210804")
	require.NoError(t, err)
	assert.Equal(t, "辽宁省营口市鲅鱼圈区", b.FullName())
	assert.Equal(t, City, b.Parent().Level())
	assert.Equal(t, "营口市", b.Parent().Name())
	assert.True(t, b.Parent().Parent().Contains(b))
	assert.False(t, r.Contains(b))
	assert.Equal(t, []string{"210106", "210303", "220302"}, codes(RegionsNamed("铁西区")), "three districts called 铁西区: 沈阳, 鞍山, 四平")
	bj, _ := ParseRegion("110101")
	assert.Equal(t, "北京市东城区", bj.FullName(), "市辖区 is left out")

	// Liaoning: the province, 14 cities, their county-level divisions.
	cities := 0
	for code, name := range regionNames() {
		if code/10000 == 21 && code%100 == 0 && code%10000 != 0 {
			cities++
			assert.NotEmpty(t, name)
		}
	}
	assert.Equal(t, 14, cities)
	assert.Greater(t, len(regionNames()), 3000, "the whole country")

	old, err := ParseRegion("210399") // well-formed, not in the table
	require.NoError(t, err)
	assert.False(t, old.Known())
	assert.Equal(t, "", old.Name())
	for _, bad := range []string{"", "21030", "2103033", "21030x", "990000", "210003", "000000"} {
		_, err := ParseRegion(bad)
		assert.ErrorIs(t, err, ErrInvalidRegion, bad)
	}
}

func codes(rs []Region) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code())
	}
	return out
}

func TestRegionText(t *testing.T) {
	r, _ := ParseRegion("210303")
	b, err := json.Marshal(map[string]Region{"r": r, "z": {}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"r":"210303","z":""}`, string(b))
	var back map[string]Region
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back["r"])
	assert.True(t, back["z"].IsZero())
	var s Region
	for _, src := range []any{"210303", []byte("210303"), int64(210303)} {
		require.NoError(t, s.Scan(src))
		assert.Equal(t, r, s)
	}
	require.NoError(t, s.Scan(nil))
	assert.True(t, s.IsZero())
	assert.ErrorIs(t, s.Scan(3.5), ErrInvalidRegion)
	v, err := r.Value()
	require.NoError(t, err)
	assert.Equal(t, "210303", v)
}

func TestResolve(t *testing.T) {
	d := tiexi(t)
	tests := []struct{ written, unit, group string }{
		{"区数据局", "区数据局", ""},
		{"区市场局", "区市场监管局", ""}, // 鲅鱼圈 writes both
		{"区市场监督管理局", "区市场监管局", ""},
		{"鞍山市铁西区数据局", "区数据局", ""},
		{" 区 数据局 ", "区数据局", ""},
		{"“区数据局”", "区数据局", ""},
		{"区纪委监委", "区纪委监委机关", ""},
		{"各镇（街道）", "", "各镇(街道)"},
		{"各镇街", "", "各镇(街道)"},
		{"区直相关部门", "", "区直相关部门"},
		{"各行政执法部门", "", "各行政执法部门"},
	}
	for _, tt := range tests {
		r := d.Resolve(tt.written)
		require.True(t, r.Known(), tt.written)
		assert.Equal(t, tt.written, r.Written)
		if tt.unit != "" {
			require.NotNil(t, r.Unit, tt.written)
			assert.Equal(t, tt.unit, r.Unit.Name, tt.written)
		} else {
			require.NotNil(t, r.Group, tt.written)
			assert.Equal(t, tt.group, r.Group.Name, tt.written)
		}
	}
	u := d.Resolve("区数局")
	assert.False(t, u.Known(), "unknown names are kept and reported, never dropped")
	assert.Equal(t, "区数局", u.Written)
	assert.Equal(t, "区数据局", u.Suggestions[0])
	assert.Equal(t, "区数局 (unknown)", u.String())
	assert.Empty(t, d.Resolve("完全无关的名字很长很长").Suggestions)
}

func TestResolveList(t *testing.T) {
	d := tiexi(t)
	parts, etc := d.ResolveList("区税务局、区人社局等区直相关部门")
	require.Len(t, parts, 3)
	assert.Equal(t, "区税务局", parts[0].Unit.Name)
	assert.Equal(t, "区人社局", parts[1].Unit.Name)
	assert.Equal(t, "区直相关部门", parts[2].Group.Name)
	assert.False(t, etc)

	parts, etc = d.ResolveList("区司法局、区市场监管局、区住建局、各行政执法部门")
	assert.Len(t, parts, 4)
	assert.False(t, etc)
	parts, etc = d.ResolveList("区发改局，区财政局等")
	assert.Len(t, parts, 2)
	assert.True(t, etc)
	parts, etc = d.ResolveList("区发改局、区某某局等单位")
	require.Len(t, parts, 2)
	assert.False(t, parts[1].Known(), "the unknown name is kept")
	assert.True(t, etc)
}

func TestExpandGroups(t *testing.T) {
	d := tiexi(t)
	streets := d.Expand(*d.Resolve("各镇(街道)").Group)
	assert.Equal(t, []string{"北陶街道", "繁荣街道", "兴盛街道"}, names(streets), "pinyin order: bei, fan, xing")
	enforcement := d.Expand(*d.Resolve("各行政执法部门").Group)
	assert.Len(t, enforcement, 7)
	bureaus := d.Expand(*d.Resolve("区直相关部门").Group)
	assert.Len(t, bureaus, 13)
	assert.NotContains(t, names(bureaus), "区委组织部")
	zones := d.Expand(*d.Resolve("各园区").Group)
	assert.Equal(t, []string{"铁西工业园区管委会"}, names(zones))
	assert.Len(t, d.Expand(*d.Resolve("各相关单位").Group), 21)
	assert.Len(t, d.Expand(Group{Name: "x", Members: []string{"区数据局", "区财政局"}}), 2)
}

func names(us []Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

func TestDirectoryErrors(t *testing.T) {
	_, err := NewDirectory([]Unit{{Name: "区市场监管局", Aliases: []string{"区市场局"}}, {Name: "区市场局"}}, nil)
	assert.ErrorIs(t, err, ErrInvalidDirectory)
	assert.Contains(t, err.Error(), "区市场局")
	_, err = NewDirectory([]Unit{{ID: "a", Name: "甲"}, {ID: "a", Name: "乙"}}, nil)
	assert.ErrorContains(t, err, "duplicate ID")
	_, err = NewDirectory([]Unit{{Name: " "}}, nil)
	assert.ErrorContains(t, err, "no name")
	_, err = NewDirectory([]Unit{{Name: "各园区"}}, StandardGroups())
	assert.ErrorContains(t, err, "also a unit's name")
	for _, bad := range []string{`{"units":[{"name":"a","colour":"red"}]}`, `{"units":[],"groups":"all"}`, `{"units":[{"name":"a","region":"99"}]}`, `[`, `{"units":[]} {}`} {
		_, err := ParseDirectory(strings.NewReader(bad))
		assert.ErrorIs(t, err, ErrInvalidDirectory, bad)
	}
}

func TestSortNames(t *testing.T) {
	n := []string{"区数据局", "区财政局", "区发改局", "区人民法院"}
	SortNames(n)
	assert.Equal(t, []string{"区财政局", "区发改局", "区人民法院", "区数据局"}, n, "cai, fa, ren, shu")
	us := tiexi(t).Units()
	assert.Equal(t, "北陶街道", us[0].Name)
}

func TestLevelAndKindText(t *testing.T) {
	for l := National; l <= Zone; l++ {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
		require.NoError(t, back.UnmarshalText([]byte(l.Chinese())))
		assert.Equal(t, l, back)
	}
	for k := Government; k <= Other; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	var k Kind
	assert.ErrorIs(t, k.UnmarshalText([]byte("ministry")), ErrInvalidValue)
}

// The directory keeps its own copies: what callers pass in, and what they
// get out, never shares memory with it (issue 13: a race under -race).
func TestDirectoryIsImmutable(t *testing.T) {
	units := []Unit{{Name: "区市场监管局", Aliases: []string{"区市场局"}, Tags: []string{"行政执法"}, Level: County, Kind: Bureau}}
	groups := []Group{{Name: "各行政执法部门", Tags: []string{"行政执法"}}}
	d, err := NewDirectory(units, groups)
	require.NoError(t, err)
	units[0].Aliases[0] = "changed"
	groups[0].Tags[0] = "changed"
	assert.True(t, d.Resolve("区市场局").Known(), "changing the input does not change the directory")
	assert.Len(t, d.Expand(d.Groups()[0]), 1)

	r := d.Resolve("区市场局")
	r.Unit.Aliases[0] = "changed"
	r.Unit.Tags[0] = "changed"
	u, ok := d.Unit("区市场监管局")
	require.True(t, ok)
	u.Aliases[0] = "changed"
	d.Units()[0].Aliases[0] = "changed"
	d.Groups()[0].Tags[0] = "changed"
	d.Expand(groups[0])
	assert.True(t, d.Resolve("区市场局").Known(), "changing an output does not change the directory")
	assert.Equal(t, []string{"行政执法"}, d.Groups()[0].Tags)

	// Concurrent readers and writers of the copies: no race.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				x := d.Resolve("区市场监管局")
				x.Unit.Aliases = append(x.Unit.Aliases[:0], "y")
				for _, u := range d.Units() {
					u.Tags = append(u.Tags[:0], "z")
				}
			}
		}()
	}
	wg.Wait()
	assert.True(t, d.Resolve("区市场局").Known())
}

// A name that folds to nothing could never be resolved: it is refused.
func TestNamesThatFoldToNothing(t *testing.T) {
	for _, name := range []string{"'", "《》", " “ ” "} {
		_, err := NewDirectory([]Unit{{Name: name}}, nil)
		assert.ErrorIs(t, err, ErrInvalidDirectory, "%q", name)
	}
	_, err := NewDirectory([]Unit{{Name: "区数据局", Aliases: []string{"《》"}}}, nil)
	assert.ErrorContains(t, err, "alias")
	_, err = NewDirectory(nil, []Group{{Name: "“”"}})
	assert.ErrorContains(t, err, "groups[0]")
}

func TestParseDirectoryStrict(t *testing.T) {
	for _, in := range []string{
		`{"units":[{"name":"区数据局","name":"区数据局"}]}`,
		`{"units":[{"Name":"区数据局"}]}`,
		`{"units":[null]}`,
		`{"units":[]} {}`,
		`{"units":[],"groups":[{"name":"x","colour":1}]}`,
		"{\"units\":[{\"name\":\"\xc7\xf8\"}]}",
	} {
		_, err := ParseDirectory(strings.NewReader(in))
		assert.ErrorIs(t, err, ErrInvalidDirectory, in)
	}
}
