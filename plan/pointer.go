package plan

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

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

var planType = reflect.TypeFor[Plan]()

// ComparePaths orders two JSON Pointers into a plan by where their values
// stand in the document: array indexes as numbers (/sections/2 before
// /sections/17), object keys in the order the plan's JSON writes them
// (/title before /sections), a value before what lies within it. It
// returns -1, 0 or +1.
func ComparePaths(a, b string) int {
	sa, sb := segments(a), segments(b)
	t := planType
	shapes := contract.Shapes()
	for i := 0; i < len(sa) && i < len(sb); i++ {
		t = elemOf(t, shapes)
		if sa[i] == sb[i] {
			t = step(t, sa[i])
			continue
		}
		na, errA := strconv.Atoi(sa[i])
		nb, errB := strconv.Atoi(sb[i])
		switch {
		case errA == nil && errB == nil:
			return cmpInt(na, nb)
		case t != nil && t.Kind() == reflect.Struct:
			ra, rb := fieldRank(t, sa[i]), fieldRank(t, sb[i])
			if ra != rb {
				return cmpInt(ra, rb)
			}
		}
		return strings.Compare(sa[i], sb[i])
	}
	return cmpInt(len(sa), len(sb))
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
		for i := range t.NumField() {
			if jsonName(t.Field(i)) == seg {
				return t.Field(i).Type
			}
		}
	}
	return nil
}

// fieldRank is the place of the field named name among t's fields; past
// the end for a name t does not have.
func fieldRank(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == name {
			return i
		}
	}
	return t.NumField()
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
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if c := ComparePaths(a.Path, b.Path); c != 0 {
			return c < 0
		}
		if rank[a.Severity] != rank[b.Severity] {
			return rank[a.Severity] < rank[b.Severity]
		}
		return a.Code < b.Code
	})
}
