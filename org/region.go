package org

import (
	"bufio"
	"database/sql/driver"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/regions.tsv
var regionsTSV string

// regionNames maps six-digit codes to names, built once from the embedded
// table.
var regionNames = sync.OnceValue(func() map[uint32]string {
	m := make(map[uint32]string, 3400)
	sc := bufio.NewScanner(strings.NewReader(regionsTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if r, err := ParseRegion(code); ok && err == nil {
			m[r.code] = name
		}
	}
	return m
})

// Region is an administrative division identified by its six-digit GB/T
// 2260 code: 210000 辽宁省, 210300 鞍山市, 210303 铁西区. Regions are small
// comparable values; the zero Region is "no region". The embedded table
// (the whole country, from the National Bureau of Statistics' codes) gives
// names; a well-formed code absent from it is still a Region, and Known
// says so.
type Region struct{ code uint32 }

// ParseRegion reads a six-digit region code. It checks the form (six
// digits, a real province prefix 11–65, a city part and a county part that
// are zero only from the right), not whether the code is in the table.
func ParseRegion(code string) (Region, error) {
	s := strings.TrimSpace(code)
	if len(s) != 6 {
		return Region{}, fmt.Errorf("%w: 区划代码 %q 应为6位数字 / region code %q must be six digits", ErrInvalidRegion, code, code)
	}
	var v uint32
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return Region{}, fmt.Errorf("%w: 区划代码 %q 应为6位数字 / region code %q must be six digits", ErrInvalidRegion, code, code)
		}
		v = v*10 + uint32(s[i]-'0')
	}
	prov, city, county := v/10000, v/100%100, v%100
	if !validProvince(prov) {
		return Region{}, fmt.Errorf("%w: 区划代码 %q 的省级代码 %02d 不存在 / region code %q has no province %02d", ErrInvalidRegion, code, prov, code, prov)
	}
	if city == 0 && county != 0 {
		return Region{}, fmt.Errorf("%w: 区划代码 %q 的地级部分为00而县级部分不为00 / region code %q has a county part without a city part", ErrInvalidRegion, code, code)
	}
	return Region{v}, nil
}

// validProvince reports whether p is a province-level prefix of GB/T 2260:
// 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, and 71, 81, 82.
func validProvince(p uint32) bool {
	switch {
	case p >= 11 && p <= 15, p >= 21 && p <= 23, p >= 31 && p <= 37, p >= 41 && p <= 46,
		p >= 50 && p <= 54, p >= 61 && p <= 65, p == 71, p == 81, p == 82:
		return true
	}
	return false
}

// Code returns the six-digit code ("" for the zero Region).
func (r Region) Code() string {
	if r.code == 0 {
		return ""
	}
	return fmt.Sprintf("%06d", r.code)
}

// String returns the code.
func (r Region) String() string { return r.Code() }

// IsZero reports whether r is the zero Region.
func (r Region) IsZero() bool { return r.code == 0 }

// Name returns the region's name from the table ("" when unknown).
func (r Region) Name() string { return regionNames()[r.code] }

// Known reports whether the table has r. Codes are retired when divisions
// merge, so an unknown code may still appear on old documents.
func (r Region) Known() bool { _, ok := regionNames()[r.code]; return ok }

// Level returns Province, City or County from the code's form.
func (r Region) Level() Level {
	switch {
	case r.code == 0:
		return 0
	case r.code%10000 == 0:
		return Province
	case r.code%100 == 0:
		return City
	}
	return County
}

// Parent returns the region one level up (210303 -> 210300 -> 210000), and
// the zero Region for a province.
func (r Region) Parent() Region {
	switch r.Level() {
	case County:
		return Region{r.code / 100 * 100}
	case City:
		return Region{r.code / 10000 * 10000}
	}
	return Region{}
}

// Chain returns r and its parents, r first: 210303, 210300, 210000.
func (r Region) Chain() []Region {
	var out []Region
	for x := r; !x.IsZero(); x = x.Parent() {
		out = append(out, x)
	}
	return out
}

// FullName joins the names of the chain from the province down: 辽宁省鞍山市铁西区.
// Parts the table does not have, and the placeholder 市辖区, are left out.
func (r Region) FullName() string {
	chain := r.Chain()
	var b strings.Builder
	for i := len(chain) - 1; i >= 0; i-- {
		if n := chain[i].Name(); n != "市辖区" && n != "县" {
			b.WriteString(n)
		}
	}
	return b.String()
}

// Contains reports whether o is r or lies within it.
func (r Region) Contains(o Region) bool {
	for x := o; !x.IsZero(); x = x.Parent() {
		if x == r {
			return true
		}
	}
	return false
}

// RegionsNamed returns the known regions with the given name, in code
// order: 铁西区 is both 210106 (沈阳) and 210303 (鞍山).
func RegionsNamed(name string) []Region {
	var out []Region
	for code, n := range regionNames() {
		if n == name {
			out = append(out, Region{code})
		}
	}
	for i := 1; i < len(out); i++ { // few matches: insertion sort
		for j := i; j > 0 && out[j].code < out[j-1].code; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// MarshalText implements encoding.TextMarshaler: the code.
func (r Region) MarshalText() ([]byte, error) { return []byte(r.Code()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseRegion; empty
// text is the zero Region.
func (r *Region) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Region{}
		return nil
	}
	v, err := ParseRegion(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Value implements driver.Valuer: the code as text, NULL for the zero
// Region.
func (r Region) Value() (driver.Value, error) {
	if r.IsZero() {
		return nil, nil
	}
	return r.Code(), nil
}

// Scan implements sql.Scanner from text, bytes, an integer or NULL.
func (r *Region) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*r = Region{}
		return nil
	case string:
		return r.UnmarshalText([]byte(v))
	case []byte:
		return r.UnmarshalText(v)
	case int64:
		return r.UnmarshalText([]byte(fmt.Sprintf("%06d", v)))
	}
	return fmt.Errorf("%w: 无法从 %T 读取区划代码 / cannot scan %T into org.Region", ErrInvalidRegion, src, src)
}
