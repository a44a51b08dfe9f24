// Command schemagen writes the JSON Schemas (draft 2020-12) of bizenv's
// JSON formats into schemas/, generated from the Go types (read with
// reflect) and their doc comments (read from the packages' source with
// go/parser), so that a schema and the types it describes cannot drift
// apart:
//
//	go generate ./schemas    (or: go run ./internal/schemagen)
//
// Every struct becomes an object that takes no other property, with a
// description from the field's doc comment; a value that may be null (see
// strictjson.Nullable) allows null; an enumeration lists the names its
// MarshalText writes and its UnmarshalText reads back; the types with a
// text form of their own (dates, UUIDs, decimals, 文号, instants, periods)
// get the pattern and format of exactly what bizenv writes, which is what
// the exchange formats' decoders accept (internal/contract). The test
// beside this file regenerates every schema and compares it with the
// committed file; plan's tests run a corpus of documents through both the
// plan schema and plan.Decode.
package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/credit"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/internal/contract"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/plan"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

func main() {
	dir := flag.String("dir", "", "the directory to write the schemas into (default: schemas/ of the module)")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if dir == "" {
		dir = filepath.Join(root, "schemas")
	}
	files, warnings, err := generate(root)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "schemagen: warning:", w)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleRoot finds the directory of go.mod from the working directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// module is the module path; the packages' source is found under its root.
const module = "github.com/bizenv/bizenv"

// idBase is the base of every schema's $id.
const idBase = "https://github.com/bizenv/bizenv/schemas/"

// file is one generated schema.
type file struct {
	name string
	data []byte
}

// generate returns every schema, in the order of roots, and the warnings
// of what could only be approximated.
func generate(root string) ([]file, []string, error) {
	docs := &docs{root: root, types: map[string]string{}, fields: map[string]string{}, consts: map[string][]string{}, loaded: map[string]bool{}}
	var out []file
	for _, r := range roots() {
		g := &gen{docs: docs, root: r, defs: map[string]*obj{}}
		s, err := g.document()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", r.name, err)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", r.name, err)
		}
		out = append(out, file{r.name + ".schema.json", buf.Bytes()})
	}
	return out, docs.warnings, nil
}

// obj is a JSON object that keeps its keys in the order they were set.
type obj struct {
	keys []string
	vals map[string]any
}

func newObj(kv ...any) *obj {
	o := &obj{vals: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1])
	}
	return o
}

func (o *obj) set(k string, v any) *obj {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

func (o *obj) get(k string) (any, bool) { v, ok := o.vals[k]; return v, ok }

// MarshalJSON writes the keys in order.
func (o *obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		var vb bytes.Buffer
		enc := json.NewEncoder(&vb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(o.vals[k]); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimRight(vb.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// gen generates one schema document.
type gen struct {
	docs *docs
	root root
	defs map[string]*obj
	busy map[string]bool
}

// document returns the whole schema of g.root.
func (g *gen) document() (*obj, error) {
	doc := newObj("$schema", "https://json-schema.org/draft/2020-12/schema", "$id", idBase+g.root.name+".schema.json", "title", g.root.title)
	t := g.root.typ
	var body *obj
	if t.Kind() == reflect.Slice {
		items, err := g.refAt(t.Elem(), true)
		if err != nil {
			return nil, err
		}
		body = newObj("type", "array", "items", items)
	} else {
		s, err := g.structSchema(t)
		if err != nil {
			return nil, err
		}
		body = s
	}
	desc := strings.TrimSpace(g.root.description)
	if d, ok := body.get("description"); ok && t.Kind() != reflect.Slice {
		desc += "\n\n" + d.(string)
	}
	doc.set("description", desc)
	for _, k := range body.keys {
		if k != "description" {
			doc.set(k, body.vals[k])
		}
	}
	if len(g.defs) > 0 {
		names := make([]string, 0, len(g.defs))
		for n := range g.defs {
			names = append(names, n)
		}
		sort.Strings(names)
		defs := newObj()
		for _, n := range names {
			defs.set(n, g.defs[n])
		}
		doc.set("$defs", defs)
	}
	return doc, nil
}

// defName names a type's definition: package.Type (plan.Period,
// calendar.Period and indicator.Period are three things).
func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	return pkg[strings.LastIndexByte(pkg, '/')+1:] + "." + t.Name()
}

// ref returns the schema of a value of type t at a place: a $ref to the
// definition of a named type, inline for others. Null is allowed where
// strictjson.Nullable allows it: a pointer, a slice or a map may be null,
// and a type that writes null itself (a date) allows it in its own
// definition; never as an element of an array, which the decoder refuses.
func (g *gen) ref(t reflect.Type) (*obj, error) { return g.refAt(t, false) }

func (g *gen) refAt(t reflect.Type, element bool) (*obj, error) {
	nullable := t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := contract.Shapes()[t]; ok && s != t {
		t = s // a type that decodes itself, as the shape it reads
	}
	var s *obj
	switch {
	case t == g.root.typ:
		s = newObj("$ref", "#")
	case t.Name() != "" && t.PkgPath() != "" && needsDef(t):
		name := defName(t)
		if _, done := g.defs[name]; !done {
			if g.busy == nil {
				g.busy = map[string]bool{}
			}
			if !g.busy[name] {
				g.busy[name] = true
				def, err := g.typeSchema(t)
				if err != nil {
					return nil, err
				}
				if strictjson.Nullable(t) {
					def = allowNull(def)
				}
				g.defs[name] = def
			}
		}
		s = newObj("$ref", "#/$defs/"+name)
		if strictjson.Nullable(t) {
			nullable = false // the definition allows null
			if element {
				s.set("not", newObj("type", "null"))
			}
		}
	default:
		def, err := g.typeSchema(t)
		if err != nil {
			return nil, err
		}
		s = def
	}
	if nullable && !element {
		s = allowNull(s)
	}
	return s, nil
}

// needsDef reports whether a named type gets a definition of its own: a
// struct, an enumeration, or a type with a text form of its own.
func needsDef(t reflect.Type) bool {
	if t.Kind() == reflect.Struct || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		return true
	}
	return implements(t, textMarshaler) || implements(t, jsonMarshaler) || implements(t, textUnmarshaler)
}

// allowNull adds null to the values s allows.
func allowNull(s *obj) *obj {
	if ty, ok := s.get("type"); ok {
		if _, isRef := s.get("$ref"); !isRef {
			switch v := ty.(type) {
			case string:
				s.set("type", []string{v, "null"})
				if e, ok := s.get("enum"); ok {
					s.set("enum", append(e.([]any), nil))
				}
				return s
			case []string:
				for _, x := range v {
					if x == "null" {
						return s
					}
				}
				s.set("type", append(v, "null"))
				return s
			}
		}
	}
	return newObj("anyOf", []any{s, newObj("type", "null")})
}

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
)

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || (t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(iface))
}

// typeSchema is the schema of type t itself (not nullable).
func (g *gen) typeSchema(t reflect.Type) (*obj, error) {
	if s, ok := scalars()[t]; ok {
		out := newObj()
		out.set("description", s.description)
		for _, k := range s.schema.keys {
			out.set(k, s.schema.vals[k])
		}
		return out, nil
	}
	desc := g.docs.typeDoc(t)
	switch {
	case implements(t, textMarshaler) && !implements(t, jsonMarshaler) && t.Kind() != reflect.Struct && t.Kind() != reflect.Array,
		t.Kind() == reflect.String && t.PkgPath() != "" && !implements(t, jsonMarshaler):
		return g.enumSchema(t, desc)
	case implements(t, textMarshaler) && !implements(t, jsonMarshaler):
		// A value with a text form of its own that is not in the table:
		// a string, as its doc comment describes it.
		g.warnf("%s has a text form and no entry in the table of scalars: written as any string", t)
		return withDesc(newObj("type", "string"), desc), nil
	case implements(t, jsonMarshaler):
		// A type that writes its own JSON: a struct that writes its fields
		// (or null) is described by them; any other by the JSON kind its
		// zero value writes.
		kind := zeroKind(t)
		if t.Kind() == reflect.Struct && (kind == "object" || kind == "null") {
			return g.structSchema(t)
		}
		g.warnf("%s writes its own JSON and has no entry in the table of scalars: described as any %s", t, kind)
		if kind == "null" || kind == "" {
			return withDesc(newObj(), desc), nil
		}
		return withDesc(newObj("type", kind), desc), nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return g.structSchema(t)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			return withDesc(newObj("type", "string", "contentEncoding", "base64"), desc), nil
		}
		items, err := g.refAt(t.Elem(), true)
		if err != nil {
			return nil, err
		}
		return withDesc(newObj("type", "array", "items", items), desc), nil
	case reflect.Map:
		vals, err := g.ref(t.Elem())
		if err != nil {
			return nil, err
		}
		return withDesc(newObj("type", "object", "additionalProperties", vals), desc), nil
	case reflect.String:
		return withDesc(newObj("type", "string"), desc), nil
	case reflect.Bool:
		return withDesc(newObj("type", "boolean"), desc), nil
	case reflect.Float32, reflect.Float64:
		return withDesc(newObj("type", "number"), desc), nil
	case reflect.Interface:
		return withDesc(newObj(), desc), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		lo, hi := int64(math.MinInt64)>>(64-t.Bits()), int64(math.MaxInt64)>>(64-t.Bits())
		return withDesc(newObj("type", "integer", "minimum", lo, "maximum", hi), desc), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		hi := uint64(math.MaxUint64) >> (64 - t.Bits())
		return withDesc(newObj("type", "integer", "minimum", 0, "maximum", hi), desc), nil
	}
	return nil, fmt.Errorf("no schema for %s", t)
}

func withDesc(s *obj, desc string) *obj {
	if desc == "" {
		return s
	}
	out := newObj("description", desc)
	for _, k := range s.keys {
		out.set(k, s.vals[k])
	}
	return out
}

// enumSchema is the schema of an enumeration: a type with a text form, or
// a string type with constants. The names are those MarshalText writes
// that UnmarshalText reads back to the same value: the names the strict
// decoder accepts. A string type whose values are not checked on decoding
// is any string, its known values listed in the description.
func (g *gen) enumSchema(t reflect.Type, desc string) (*obj, error) {
	names, checked := enumNames(t, g.docs.constants(t), g.root.aliases)
	if !checked {
		if len(names) > 0 {
			desc = strings.TrimSpace(desc + "\n\nKnown values: " + strings.Join(quoteAll(names), ", ") + "; others are accepted as written.")
		}
		return withDesc(newObj("type", "string"), desc), nil
	}
	if len(names) == 0 || len(names) > maxEnum {
		// Not an enumeration: a value with a text form of its own (a time
		// of day), described by its doc comment.
		g.warnf("%s has a text form and no entry in the table of scalars: written as any string", t)
		return withDesc(newObj("type", "string"), desc), nil
	}
	vals := make([]any, len(names))
	for i, n := range names {
		vals[i] = n
	}
	return withDesc(newObj("type", "string", "enum", vals), desc), nil
}

// maxEnum is the most names an enumeration has; a type with a text form
// and more values (a time of day) is not one.
const maxEnum = 64

// zeroKind is the JSON kind json.Marshal writes for the zero value of t:
// object, array, string, number, boolean or null ("" when it fails).
func zeroKind(t reflect.Type) string {
	b, err := json.Marshal(reflect.New(t).Interface())
	if err != nil || len(b) == 0 {
		return ""
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// warnf records something the generator could only approximate; main
// prints the warnings, and the tests allow none for bizenv's own types.
func (g *gen) warnf(format string, a ...any) {
	g.docs.warnings = append(g.docs.warnings, g.root.name+": "+fmt.Sprintf(format, a...))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// enumNames returns the names of t's values and whether decoding checks
// them (t has UnmarshalText). Integer types are tried value by value;
// string types by their constants (consts) and "". With aliases, the
// names a value's Chinese method gives are added when UnmarshalText reads
// them (补正 for correction): a format decoded without
// strictjson.Options.Canonical takes them.
func enumNames(t reflect.Type, consts []string, aliases bool) (names []string, checked bool) {
	checked = implements(t, textUnmarshaler)
	seen := map[string]bool{}
	try := func(v reflect.Value) {
		var text string
		if implements(t, textMarshaler) {
			b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return
			}
			text = string(b)
		} else {
			text = v.String()
		}
		if checked {
			back := reflect.New(t)
			if err := back.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil || !reflect.DeepEqual(back.Elem().Interface(), v.Interface()) {
				return
			}
		} else if strings.HasSuffix(text, ")") && strings.Contains(text, "(") {
			return // Kind(7): the name of no value
		}
		if !seen[text] {
			seen[text] = true
			names = append(names, text)
		}
		if m := v.MethodByName("Chinese"); aliases && checked && m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() == 1 && m.Type().Out(0).Kind() == reflect.String {
			zh := m.Call(nil)[0].String()
			back := reflect.New(t)
			if zh != "" && !seen[zh] && back.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(zh)) == nil && reflect.DeepEqual(back.Elem().Interface(), v.Interface()) {
				seen[zh] = true
				names = append(names, zh)
			}
		}
	}
	switch t.Kind() {
	case reflect.String:
		for _, c := range append([]string{""}, consts...) {
			v := reflect.New(t).Elem()
			v.SetString(c)
			if c == "" && !checked {
				continue
			}
			try(v)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		for i := int64(-1); i < 1<<min(t.Bits(), 12); i++ {
			v := reflect.New(t).Elem()
			v.SetInt(i)
			try(v)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		for i := uint64(0); i < 1<<min(t.Bits(), 12); i++ {
			v := reflect.New(t).Elem()
			v.SetUint(i)
			try(v)
		}
	}
	return names, checked
}

// structSchema is the schema of a struct: its JSON fields in order, each
// described; no other property. In an output schema the fields always
// written are required.
func (g *gen) structSchema(t reflect.Type) (*obj, error) {
	props := newObj()
	var required []string
	always := g.alwaysWritten(t)
	for _, f := range jsonFields(t) {
		s, err := g.ref(f.field.Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.field.Name, err)
		}
		desc := g.docs.fieldDoc(f.owner, f.field.Name)
		if desc == "" {
			// No doc comment on the field: the description of its type.
			ft := f.field.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if sc, ok := scalars()[ft]; ok {
				desc = sc.description
			} else if ft.Name() != "" {
				desc = g.docs.typeDoc(ft)
			}
			if desc == "" {
				desc = fmt.Sprintf("%s (%s).", f.field.Name, f.field.Type)
			}
			g.warnf("%s.%s has no doc comment: described by its type", f.owner, f.field.Name)
		}
		if note := g.root.notes[f.owner.Name()+"."+f.field.Name]; note != "" {
			desc += " " + note
		}
		if o := g.root.fields[f.owner.Name()+"."+f.field.Name]; o != nil {
			for _, k := range o.keys {
				s.set(k, o.vals[k])
			}
		}
		props.set(f.name, withDesc(s, desc))
		if always[f.name] {
			required = append(required, f.name)
		}
	}
	s := newObj("description", g.docs.typeDoc(t), "type", "object")
	if g.root.output && len(required) > 0 {
		s.set("required", required)
	}
	s.set("properties", props)
	s.set("additionalProperties", false)
	return s, nil
}

// alwaysWritten returns the JSON names a value of struct t always writes,
// in an output schema: those json.Marshal writes for the zero value, or,
// when that cannot be written, the fields without omitempty or omitzero.
func (g *gen) alwaysWritten(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	if !g.root.output {
		return out
	}
	var m map[string]json.RawMessage
	if b, err := json.Marshal(reflect.New(t).Interface()); err == nil && json.Unmarshal(b, &m) == nil {
		for k := range m {
			out[k] = true
		}
		return out
	}
	for _, f := range jsonFields(t) {
		tag := f.field.Tag.Get("json")
		if !strings.Contains(tag, ",omitempty") && !strings.Contains(tag, ",omitzero") {
			out[f.name] = true
		}
	}
	return out
}

// jsonField is a field as encoding/json sees it.
type jsonField struct {
	name  string
	field reflect.StructField
	owner reflect.Type // the struct that declares it
}

// jsonFields returns t's JSON fields in order, by the rules the strict
// decoder applies (strictjson.Fields).
func jsonFields(t reflect.Type) []jsonField {
	fs := strictjson.Fields(t)
	out := make([]jsonField, len(fs))
	for i, f := range fs {
		out[i] = jsonField{name: f.Name, field: f.Field, owner: f.Owner}
	}
	return out
}

// docs reads doc comments from the module's source.
type docs struct {
	root   string
	loaded map[string]bool
	types  map[string]string   // pkgpath.Type -> doc
	fields map[string]string   // pkgpath.Type.Field -> doc
	consts map[string][]string // pkgpath.Type -> string constants
	// warnings are what the generator could only approximate.
	warnings []string
}

func (d *docs) load(pkg string) {
	if d.loaded[pkg] || !strings.HasPrefix(pkg, module) {
		return
	}
	d.loaded[pkg] = true
	dir := filepath.Join(d.root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")))
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil && len(gd.Specs) == 1 {
						doc = gd.Doc
					}
					d.types[pkg+"."+s.Name.Name] = text(doc)
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							fdoc := fl.Doc
							if fdoc == nil {
								fdoc = fl.Comment
							}
							for _, n := range fl.Names {
								d.fields[pkg+"."+s.Name.Name+"."+n.Name] = text(fdoc)
							}
						}
					}
				case *ast.ValueSpec:
					id, ok := s.Type.(*ast.Ident)
					if !ok || gd.Tok != token.CONST {
						continue
					}
					for _, v := range s.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if c, err := strconv.Unquote(lit.Value); err == nil {
								d.consts[pkg+"."+id.Name] = append(d.consts[pkg+"."+id.Name], c)
							}
						}
					}
				}
			}
		}
	}
}

// text renders a doc comment as plain text, paragraphs apart, lines
// unwrapped.
func text(cg *ast.CommentGroup) string {
	if cg == nil {
		return ""
	}
	var p comment.Parser
	pr := comment.Printer{TextWidth: -1, TextCodePrefix: "    "}
	return strings.TrimSpace(string(pr.Text(p.Parse(cg.Text()))))
}

func (d *docs) typeDoc(t reflect.Type) string {
	d.load(t.PkgPath())
	return d.types[t.PkgPath()+"."+t.Name()]
}

func (d *docs) fieldDoc(owner reflect.Type, field string) string {
	d.load(owner.PkgPath())
	return d.fields[owner.PkgPath()+"."+owner.Name()+"."+field]
}

func (d *docs) constants(t reflect.Type) []string {
	d.load(t.PkgPath())
	return d.consts[t.PkgPath()+"."+t.Name()]
}

// scalar is the schema of a type with a text form of its own: what
// json.Marshal writes for it, which is all that the exchange formats'
// decoders accept (strictjson.Options.Canonical).
type scalar struct {
	description string
	schema      *obj
}

// Patterns use only what Go's regexp, ECMA 262 and Python's re agree on.
const (
	// year 0001–9999, as calendar.Date holds.
	patYear = `(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})`
	// A decimal as decimal.Decimal.String writes it: no exponent, no
	// leading zeros, no trailing zeros after the point, no -0.
	patDecimal = `^(0|-?[1-9][0-9]*(\.[0-9]*[1-9])?|-?0\.[0-9]*[1-9])$`
	// An instant as time.Time.MarshalJSON writes it (RFC 3339, nanoseconds
	// without trailing zeros, Z for UTC).
	patInstant = `^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{0,8}[1-9])?(Z|[+-](0[1-9]|1[0-9]|2[0-3]):[0-5][0-9]|[+-]00:(0[1-9]|[1-5][0-9]))$`
)

// hanClass is a character class of the script Han, from the same table
// Go's \p{Han} uses (unicode.Han), written with the characters themselves
// so that every regular expression engine reads it alike.
func hanClass() string {
	var b strings.Builder
	b.WriteByte('[')
	add := func(lo, hi, stride uint32) {
		for r := lo; r <= hi; r += stride {
			if stride == 1 {
				b.WriteRune(rune(lo))
				if hi > lo {
					b.WriteByte('-')
					b.WriteRune(rune(hi))
				}
				return
			}
			b.WriteRune(rune(r))
		}
	}
	for _, r := range unicode.Han.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range unicode.Han.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	b.WriteByte(']')
	return b.String()
}

// festivalPattern is the form of a calendar.Festival, a set: the names of
// its single holidays, joined by 、.
func festivalPattern() string {
	var names []string
	for i := range 16 {
		b, err := (calendar.Festival(1) << i).MarshalText()
		if err == nil && len(b) > 0 {
			names = append(names, string(b))
		}
	}
	one := "(" + strings.Join(names, "|") + ")"
	return "^(" + one + "(、" + one + ")*)?$"
}

// patClock is a time of day HH:MM from 00:00 to 23:59; patWindow a
// window of working hours.
const (
	patClock  = "([01][0-9]|2[0-3]):[0-5][0-9]"
	patWindow = patClock + "-(" + patClock + "|24:00)"
)

// scalars is the table of types with a text form of their own.
func scalars() map[reflect.Type]scalar {
	han := hanClass()
	return map[reflect.Type]scalar{
		reflect.TypeFor[calendar.Date](): {
			"A civil date, YYYY-MM-DD (years 0001–9999, a day that exists); null for no date.",
			newObj("type", "string", "format", "date", "pattern", "^"+patYear+"-[0-9]{2}-[0-9]{2}$")},
		reflect.TypeFor[uuid.UUID](): {
			"A UUID in lower case, 8-4-4-4-12 hexadecimal digits.",
			newObj("type", "string", "format", "uuid", "pattern", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")},
		reflect.TypeFor[decimal.Decimal](): {
			"A decimal number written as a string, exactly: digits with an optional minus sign and fraction, no exponent, no leading zeros, no trailing zeros after the point (\"10\", \"12.5\", \"-0.25\"; not 10, \"10.0\" or \"1e1\").",
			newObj("type", "string", "pattern", patDecimal)},
		reflect.TypeFor[decimal.NullDecimal](): {
			"A decimal number written as a string (as for a decimal), or null for none.",
			newObj("type", "string", "pattern", patDecimal)},
		reflect.TypeFor[time.Time](): {
			"An instant, RFC 3339 as Go writes it: seconds, a fraction only when not zero (at most nine digits, no trailing zero), Z for UTC or the offset (+08:00).",
			newObj("type", "string", "format", "date-time", "pattern", patInstant)},
		reflect.TypeFor[plan.DocNumber](): {
			"A document number (文号) as normalised: agency, the year in 〔〕, the sequence and 号 (辽政办发〔2022〕14号); the year 1900–2099, the sequence 1–99999 without leading zeros; \"\" for a plan that has none. 兴街发2025第3号 is not one.",
			newObj("type", "string", "pattern", "^("+han+"("+strings.TrimSuffix(han, "]")+"A-Za-z])*〔(19|20)[0-9]{2}〕[1-9][0-9]{0,4}号)?$")},
		reflect.TypeFor[indicator.Period](): {
			"A monitoring period: a year (2025), a quarter (2025Q3) or a month (2025-06); \"\" for none.",
			newObj("type", "string", "pattern", "^("+patYear+"(Q[1-4]|-(0[1-9]|1[0-2]))?)?$")},
		reflect.TypeFor[calendar.Period](): {
			"A statutory period as bizenv writes it: a number and a unit — 20工作日 (working days), 15日 (natural days), 3个月, 1年, 24小时.",
			newObj("type", "string")},
		reflect.TypeFor[json.RawMessage](): {"Any JSON value.", newObj()},
		reflect.TypeFor[calendar.Festival](): {
			"The holidays a day belongs to: their Chinese names joined by 、 (中秋节、国庆节); \"\" for none.",
			newObj("type", "string", "pattern", festivalPattern())},
		reflect.TypeFor[credit.USCC](): {
			"A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, digits and the capital letters the standard uses (no I, O, S, V, Z), both check characters right; \"\" for none.",
			newObj("type", "string", "pattern", "^([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})?$")},
		reflect.TypeFor[approval.ClockTime](): {
			"A time of day as bizenv writes it: HH:MM, HH:MM:SS when the seconds are not zero, 24:00 for the end of a day.",
			newObj("type", "string", "pattern", "^("+patClock+"(:[0-5][0-9])?|24:00)$")},
		reflect.TypeFor[approval.WorkingHours](): {
			"Working hours as bizenv writes them: one to four windows HH:MM-HH:MM in order, joined by commas (08:30-12:00,13:30-17:30; 24:00 may end the last), or 全天 for round the clock.",
			newObj("type", "string", "pattern", "^(全天|"+patWindow+"(,"+patWindow+"){0,3})$")},
		reflect.TypeFor[org.Region](): {
			"A region code (行政区划代码, GB/T 2260): six digits (210303); \"\" for none.",
			newObj("type", "string", "pattern", "^([0-9]{6})?$")},
	}
}
