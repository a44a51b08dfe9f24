package org

import (
	"bytes"
	"os"
	"testing"
)

// Seed corpora are in testdata/fuzz; explore further with
//
//	go test ./org -run '^$' -fuzz FuzzResolve -fuzztime 60s

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"区数据局", "区市场局", "区税务局、区人社局等区直相关部门", "各镇（街道）", "区数局", "等", "、、", "区发改局等单位"} {
		f.Add(s)
	}
	d := tiexi(f)
	f.Fuzz(func(t *testing.T, s string) {
		r := d.Resolve(s)
		if r.Written != s {
			t.Fatalf("the name as written was not kept: %q -> %q", s, r.Written)
		}
		if r.Known() && len(r.Suggestions) > 0 {
			t.Fatalf("suggestions for a known name %q", s)
		}
		parts, _ := d.ResolveList(s)
		for _, p := range parts {
			if p.Written == "" {
				t.Fatalf("an empty part from %q", s)
			}
		}
	})
}

func FuzzParseDirectory(f *testing.F) {
	b, _ := os.ReadFile("testdata/tiexi.json")
	f.Add(b)
	f.Add([]byte(`{"units":[{"name":"甲","aliases":["乙"]},{"name":"乙"}],"groups":[{"name":"丙","kinds":["bureau"]}]}`))
	f.Add([]byte(`{"units":[{"name":"甲","region":"210303","level":"zone"}],"groups":"standard"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDirectory(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, u := range d.Units() {
			r := d.Resolve(u.Name)
			if r.Unit == nil || r.Unit.ID != u.ID {
				t.Fatalf("unit %q does not resolve to itself: %+v", u.Name, r)
			}
		}
		for _, g := range d.Groups() {
			_ = d.Expand(g)
		}
	})
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"210303", "210000", "990000", "21030x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRegion(s)
		if err != nil {
			return
		}
		back, err := ParseRegion(r.Code())
		if err != nil || back != r {
			t.Fatalf("%q -> %s -> %v %v", s, r, back, err)
		}
		_ = r.FullName()
		if len(r.Chain()) > 3 {
			t.Fatalf("chain too long for %s", r)
		}
	})
}
