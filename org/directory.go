package org

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bizenv/bizenv/internal/strictjson"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/width"
)

// Directory resolves names as documents write them to units and groups.
// It is immutable once built and safe for concurrent use: it keeps its own
// copies of the units and groups it was built from, and every unit or group
// it returns is a copy the caller may change freely.
type Directory struct {
	units    []Unit
	byID     map[string]int
	byKey    map[string]int // normalised name or alias -> unit index
	groups   []Group
	groupKey map[string]int
	keys     []nameKey // every unit name and alias, for suggestions
}

type nameKey struct {
	key  []rune
	unit int
}

// NewDirectory builds a directory. A unit without an ID takes its Name as
// ID. Two units with the same ID, or claiming the same name or alias once
// width and punctuation are folded, are an error naming both; so is a unit
// without a name, and a group phrase that is also a unit's name.
func NewDirectory(units []Unit, groups []Group) (*Directory, error) {
	d := &Directory{byID: map[string]int{}, byKey: map[string]int{}, groupKey: map[string]int{}}
	d.units = make([]Unit, len(units))
	for i, u := range units {
		d.units[i] = u.clone()
	}
	var problems []string
	for i := range d.units {
		u := &d.units[i]
		if strings.TrimSpace(u.Name) == "" {
			problems = append(problems, fmt.Sprintf("units[%d]: 没有名称 / has no name", i))
			continue
		}
		if Normalize(u.Name) == "" {
			problems = append(problems, fmt.Sprintf("units[%d]: 名称 %q 去掉空格和标点后为空，无法解析 / name %q is nothing once spaces and punctuation are folded away, and could never be resolved", i, u.Name, u.Name))
			continue
		}
		if u.ID == "" {
			u.ID = u.Name
		}
		if j, dup := d.byID[u.ID]; dup {
			problems = append(problems, fmt.Sprintf("units[%d]: ID %q 与 units[%d] 重复 / duplicate ID %q (also units[%d])", i, u.ID, j, u.ID, j))
			continue
		}
		d.byID[u.ID] = i
		for _, n := range append([]string{u.Name, u.FullName}, u.Aliases...) {
			k := Normalize(n)
			if k == "" {
				if n != "" {
					problems = append(problems, fmt.Sprintf("units[%d]: 别名 %q 去掉空格和标点后为空 / alias %q is nothing once folded", i, n, n))
				}
				continue
			}
			if j, dup := d.byKey[k]; dup && j != i {
				problems = append(problems, fmt.Sprintf("units[%d] 与 units[%d] 都叫 %q / units[%d] and units[%d] are both called %q", i, j, n, i, j, n))
				continue
			}
			if _, dup := d.byKey[k]; !dup {
				d.byKey[k] = i
				d.keys = append(d.keys, nameKey{[]rune(k), i})
			}
		}
	}
	d.groups = make([]Group, len(groups))
	for i, g := range groups {
		d.groups[i] = g.clone()
	}
	for i, g := range d.groups {
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			k := Normalize(n)
			if k == "" {
				problems = append(problems, fmt.Sprintf("groups[%d]: 名称 %q 去掉空格和标点后为空 / name %q is nothing once folded", i, n, n))
				continue
			}
			if _, clash := d.byKey[k]; clash {
				problems = append(problems, fmt.Sprintf("groups[%d]: %q 也是单位名称 / %q is also a unit's name", i, n, n))
				continue
			}
			d.groupKey[k] = i
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrInvalidDirectory, strings.Join(problems, "; "))
	}
	return d, nil
}

// Normalize folds a written name for matching: full-width forms to
// half-width, Chinese brackets to ASCII ones, spaces and quotation marks
// removed, ASCII letters lower-cased. 区市场监管局 and “区市场监管局 ”
// normalise alike.
func Normalize(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("\"'“”‘’《》「」『』·•", r):
			continue
		case r == '（' || r == '【' || r == '[':
			r = '('
		case r == '）' || r == '】' || r == ']':
			r = ')'
		case r < utf8.RuneSelf:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Resolution is what a written name turned out to be: a unit, a group, or
// unknown (with suggestions). Written keeps the text exactly as given.
type Resolution struct {
	// Written is the name as written.
	Written string `json:"written"`
	// Unit is the unit it names, if any.
	Unit *Unit `json:"unit,omitempty"`
	// Group is the group it names, if any.
	Group *Group `json:"group,omitempty"`
	// Suggestions are the closest unit names, for an unknown name.
	Suggestions []string `json:"suggestions,omitempty"`
}

// Known reports whether the name resolved to a unit or a group.
func (r Resolution) Known() bool { return r.Unit != nil || r.Group != nil }

// String returns the unit's or group's name, or the name as written with
// "(unknown)".
func (r Resolution) String() string {
	switch {
	case r.Unit != nil:
		return r.Unit.Name
	case r.Group != nil:
		return r.Group.Name
	}
	return r.Written + " (unknown)"
}

// Resolve looks up one written name. An unknown name is returned as
// written, with up to three suggestions; it is never dropped.
func (d *Directory) Resolve(written string) Resolution {
	r := Resolution{Written: written}
	k := Normalize(written)
	if i, ok := d.byKey[k]; ok {
		u := d.units[i].clone()
		r.Unit = &u
		return r
	}
	if i, ok := d.groupKey[k]; ok {
		g := d.groups[i].clone()
		r.Group = &g
		return r
	}
	r.Suggestions = d.suggest([]rune(k), 3)
	return r
}

// ResolveList splits a list as documents write it — 区税务局、区人社局等区直
// 相关部门 — into its names and resolves each: separators are 、，,；; and /;
// "X等Y" is X followed by the group Y; a trailing 等, 等单位 or 等部门 ("and
// others") sets etc. Every name is kept, known or not.
func (d *Directory) ResolveList(written string) (parts []Resolution, etc bool) {
	fields := strings.FieldsFunc(written, func(r rune) bool { return strings.ContainsRune("、，,；;/／\n", r) })
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		// "X等Y": a list ending in a group phrase; "X等": and others.
		if i := strings.LastIndex(f, "等"); i >= 0 {
			left, right := strings.TrimSpace(f[:i]), strings.TrimSpace(f[i+len("等"):])
			_, isGroup := d.groupKey[Normalize(right)]
			switch {
			case right == "" || contains(etcWords, right):
				etc = true
				f = left
			case isGroup:
				if left != "" {
					parts = append(parts, d.Resolve(left))
				}
				f = right
			}
		}
		if f != "" {
			parts = append(parts, d.Resolve(f))
		}
	}
	return parts, etc
}

// etcWords end a list as "and other units": 区税务局等单位.
var etcWords = []string{"单位", "部门", "相关单位", "相关部门", "有关单位", "有关部门"}

// Unit returns the unit with id.
func (d *Directory) Unit(id string) (Unit, bool) {
	i, ok := d.byID[id]
	if !ok {
		return Unit{}, false
	}
	return d.units[i].clone(), true
}

// Units returns every unit, sorted by name in Chinese (pinyin) order.
func (d *Directory) Units() []Unit {
	out := make([]Unit, len(d.units))
	for i, u := range d.units {
		out[i] = u.clone()
	}
	SortUnits(out)
	return out
}

// Groups returns the directory's groups.
func (d *Directory) Groups() []Group {
	out := make([]Group, len(d.groups))
	for i, g := range d.groups {
		out[i] = g.clone()
	}
	return out
}

// Expand returns the units of group g, sorted in Chinese order.
func (d *Directory) Expand(g Group) []Unit {
	var out []Unit
	for i := range d.units {
		if g.matches(&d.units[i]) {
			out = append(out, d.units[i].clone())
		}
	}
	SortUnits(out)
	return out
}

// SortNames sorts names in Chinese (pinyin) order.
func SortNames(names []string) {
	c := collate.New(language.SimplifiedChinese)
	c.SortStrings(names)
}

// SortUnits sorts units by name in Chinese (pinyin) order, then by ID.
func SortUnits(us []Unit) {
	c := collate.New(language.SimplifiedChinese)
	sort.SliceStable(us, func(i, j int) bool {
		if r := c.CompareString(us[i].Name, us[j].Name); r != 0 {
			return r < 0
		}
		return us[i].ID < us[j].ID
	})
}

// suggest returns the names of up to n units that share the most
// characters, in order, with k (the longest common subsequence): at least
// three and at least 60% of k's characters. Most names share 区 and 局, so
// fewer would suggest everything. Ties go to the smaller edit in length,
// then Chinese order.
func (d *Directory) suggest(k []rune, n int) []string {
	need := max(3, (len(k)*6+9)/10)
	if len(k) < need {
		return nil
	}
	type cand struct{ common, extra, unit int }
	best := map[int]cand{}
	row := make([]int, 64)
	prev := make([]int, 64)
	for _, nk := range d.keys {
		if len(nk.key) < need {
			continue
		}
		common := lcs(k, nk.key, &prev, &row)
		if common < need {
			continue
		}
		c := cand{common, abs(len(nk.key) - len(k)), nk.unit}
		if old, ok := best[nk.unit]; !ok || c.common > old.common || (c.common == old.common && c.extra < old.extra) {
			best[nk.unit] = c
		}
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.common != b.common {
			return a.common > b.common
		}
		if a.extra != b.extra {
			return a.extra < b.extra
		}
		return d.units[a.unit].Name < d.units[b.unit].Name
	})
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, d.units[c.unit].Name)
	}
	return out
}

// lcs returns the length of the longest common subsequence of a and b,
// using prev and row as scratch.
func lcs(a, b []rune, prev, row *[]int) int {
	if cap(*prev) < len(b)+1 {
		*prev, *row = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	p, r := (*prev)[:len(b)+1], (*row)[:len(b)+1]
	for j := range p {
		p[j] = 0
	}
	for i := 1; i <= len(a); i++ {
		r[0] = 0
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				r[j] = p[j-1] + 1
			case p[j] >= r[j-1]:
				r[j] = p[j]
			default:
				r[j] = r[j-1]
			}
		}
		p, r = r, p
	}
	return p[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxDirectoryJSON bounds the JSON ParseDirectory reads.
const maxDirectoryJSON = 32 << 20

// ParseDirectory reads a directory from JSON:
//
//	{"units": [{"name": "区市场监管局", "aliases": ["区市场局"], "region": "210303",
//	            "level": "county", "kind": "bureau", "tags": ["行政执法"]}, ...],
//	 "groups": "standard"}
//
// groups is "standard" (StandardGroups), a list of groups, or absent (no
// groups). Unknown fields are errors; so is anything NewDirectory rejects.
func ParseDirectory(r io.Reader) (*Directory, error) {
	var raw struct {
		Units  []Unit          `json:"units"`
		Groups json.RawMessage `json:"groups"`
	}
	if err := strictjson.Decode(r, maxDirectoryJSON, &raw); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的单位目录 JSON / not a valid directory JSON: %w", ErrInvalidDirectory, err)
	}
	var groups []Group
	switch g := bytes.TrimSpace(raw.Groups); {
	case len(g) == 0 || string(g) == "null":
	case string(g) == `"standard"`:
		groups = StandardGroups()
	default:
		if err := strictjson.Unmarshal(g, &groups); err != nil {
			return nil, fmt.Errorf("%w: groups 应为 \"standard\" 或分组列表 / groups must be \"standard\" or a list of groups: %w", ErrInvalidDirectory, err)
		}
	}
	return NewDirectory(raw.Units, groups)
}
