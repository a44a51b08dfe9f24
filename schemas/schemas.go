// Package schemas publishes the JSON Schemas (draft 2020-12) of bizenv's
// JSON formats: the plan exchange format, and what the command line and
// the packages write (findings, reports, actions, approval cases and
// status, alerts …). They are generated from the Go types and their doc
// comments by internal/schemagen; regenerate them after changing a type
// with
//
//	go generate ./schemas
//
// and a test fails until the committed files are regenerated. bizenv
// schema NAME prints one.
package schemas

import (
	"embed"
	"sort"
	"strings"
)

//go:generate go run ../internal/schemagen

//go:embed *.schema.json
var files embed.FS

// Names returns the names of the schemas, sorted: NAME of
// NAME.schema.json.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".schema.json"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Get returns a copy of the schema named name, and whether there is one.
func Get(name string) ([]byte, bool) {
	b, err := files.ReadFile(name + ".schema.json")
	if err != nil {
		return nil, false
	}
	return b, true
}
