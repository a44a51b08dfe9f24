package plan

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/bizenv/bizenv/internal/contract"
)

// pointer builds a JSON Pointer (RFC 6901) from object keys (strings) and
// array indexes (ints): pointer("sections", 2, "title") is
// /sections/2/title.
func pointer(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		switch v := p.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(v))
		}
	}
	return b.String()
}

// dottedPointer turns a path in the dotted style of task.Finding.Field
// and indicator.Finding.Path (milestones[1].due, roots[0].children[2]
// (2.1 名称)) into a JSON Pointer (/milestones/1/due). The keys of those
// paths are field names, which hold no "/" or "~".
func dottedPointer(dotted string) string {
	if i := strings.Index(dotted, " ("); i >= 0 {
		dotted = dotted[:i]
	}
	if dotted == "" {
		return ""
	}
	var b strings.Builder
	for _, part := range strings.Split(dotted, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			b.WriteString("/" + name)
		}
		for rest != "" {
			idx, after, _ := strings.Cut(rest, "]")
			b.WriteString("/" + idx)
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return b.String()
}

var (
	planType   = reflect.TypeFor[Plan]()
	planShapes = contract.Shapes() // read only
)

// ComparePaths orders two JSON Pointers into a plan by where their values
// stand in the document: array indexes as numbers (/sections/2 before
// /sections/17), object keys in the order the plan's JSON writes them
// (/title before /sections), a value before what lies within it. It
// returns -1, 0 or +1.
func ComparePaths(a, b string) int {
	t := planType
	for {
		if a == "" || b == "" {
			return cmpInt(len(a), len(b))
		}
		sa, ra := nextSegment(a)
		sb, rb := nextSegment(b)
		t = elemOf(t, planShapes)
		if sa == sb {
			t = step(t, unescapeSegment(sa))
			a, b = ra, rb
			continue
		}
		na, errA := strconv.Atoi(sa)
		nb, errB := strconv.Atoi(sb)
		switch {
		case errA == nil && errB == nil:
			return cmpInt(na, nb)
		case t != nil && t.Kind() == reflect.Struct:
			if ra, rb := fieldRank(t, unescapeSegment(sa)), fieldRank(t, unescapeSegment(sb)); ra != rb {
				return cmpInt(ra, rb)
			}
		}
		return strings.Compare(sa, sb)
	}
}

// nextSegment splits the first reference token (still escaped) off a JSON
// Pointer.
func nextSegment(p string) (seg, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

// unescapeSegment undoes RFC 6901's ~1 and ~0.
func unescapeSegment(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// elemOf strips pointers and replaces a type that decodes itself by its
// shape.
func elemOf(t reflect.Type, shapes map[reflect.Type]reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := shapes[t]; ok {
		t = s
	}
	return t
}

// step returns the type of the value under t at segment seg, or nil.
func step(t reflect.Type, seg string) reflect.Type {
	switch {
	case t == nil:
		return nil
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return t.Elem()
	case t.Kind() == reflect.Struct:
		if i, ok := fieldIndex(t)[seg]; ok {
			return t.Field(i).Type
		}
	}
	return nil
}

// fieldRank is the place of the field named name among t's fields; past
// the end for a name t does not have.
func fieldRank(t reflect.Type, name string) int {
	if i, ok := fieldIndex(t)[name]; ok {
		return i
	}
	return t.NumField()
}

var fieldIndexes sync.Map // reflect.Type -> map[string]int, read only once stored

// fieldIndex maps the JSON names of struct t's fields to their indexes.
func fieldIndex(t reflect.Type) map[string]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		m[jsonName(t.Field(i))] = i
	}
	fieldIndexes.Store(t, m)
	return m
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// Sort orders findings as they stand in the document: those of the plan
// checked before those of its parent (Document "parent"), then by path in
// document order (ComparePaths), then errors before warnings before notes,
// then by code.
func Sort(fs []Finding) {
	rank := map[Severity]int{Error: 0, Warning: 1, Info: 2}
	type item struct {
		f    Finding
		key  []int32 // the path's places, worked out once (pathKey)
		sure bool    // key decides every comparison with another sure key
	}
	items := make([]item, len(fs))
	for i, f := range fs {
		k, sure := pathKey(f.Path)
		items[i] = item{f, k, sure}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := &items[i], &items[j]
		if a.f.Document != b.f.Document {
			return a.f.Document < b.f.Document
		}
		c := 0
		if a.sure && b.sure {
			c = slices.Compare(a.key, b.key)
		} else if a.f.Path != b.f.Path {
			c = ComparePaths(a.f.Path, b.f.Path)
		}
		if c != 0 {
			return c < 0
		}
		if rank[a.f.Severity] != rank[b.f.Severity] {
			return rank[a.f.Severity] < rank[b.f.Severity]
		}
		return a.f.Code < b.f.Code
	})
	for i := range items {
		fs[i] = items[i].f
	}
}

// pathKey returns the places of a JSON Pointer into a plan — array indexes
// and the ranks of fields — so that comparing keys orders pointers as
// ComparePaths does. sure is false when a segment is neither (then
// ComparePaths decides).
func pathKey(p string) (key []int32, sure bool) {
	t := planType
	for p != "" {
		seg, rest := nextSegment(p)
		t = elemOf(t, planShapes)
		switch {
		case t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			n, err := strconv.Atoi(seg)
			if err != nil || n > 1<<30 {
				return key, false
			}
			key = append(key, int32(n))
		case t != nil && t.Kind() == reflect.Struct:
			i, ok := fieldIndex(t)[unescapeSegment(seg)]
			if !ok {
				return key, false
			}
			key = append(key, int32(i))
		default:
			return key, false
		}
		t = step(t, unescapeSegment(seg))
		p = rest
	}
	return key, true
}
