package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedSchemasAreGenerated regenerates every schema and compares
// it with the file committed under schemas/, so that the schemas and the
// Go types cannot drift apart: after changing a type, run
// go generate ./schemas.
func TestCommittedSchemasAreGenerated(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	files, warnings, err := generate(root)
	require.NoError(t, err)
	for _, w := range warnings {
		t.Errorf("%s: add a doc comment, or an entry to the table of scalars", w)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(f.name, ".schema.json"))
		want, err := os.ReadFile(filepath.Join(root, "schemas", f.name))
		require.NoError(t, err, "schemas/%s is missing: go generate ./schemas", f.name)
		assert.Equal(t, string(want), string(f.data), "schemas/%s is stale: go generate ./schemas", f.name)
	}
	assert.ElementsMatch(t, schemas.Names(), names, "every file under schemas/ is generated, and every generated one committed")
}

// TestSchemasAreValidAndDescribed: every schema compiles under draft
// 2020-12 and every property has a description (issue 17: a schema a
// person can read alone).
func TestSchemasAreValidAndDescribed(t *testing.T) {
	for _, name := range schemas.Names() {
		b, ok := schemas.Get(name)
		require.True(t, ok)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err, name)
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		require.NoError(t, c.AddResource(idBase+name+".schema.json", doc), name)
		_, err = c.Compile(idBase + name + ".schema.json")
		require.NoError(t, err, name)

		var v any
		require.NoError(t, json.Unmarshal(b, &v))
		var walk func(x any, at string)
		walk = func(x any, at string) {
			switch m := x.(type) {
			case map[string]any:
				if props, ok := m["properties"].(map[string]any); ok {
					for k, p := range props {
						pm := p.(map[string]any)
						assert.NotEmpty(t, pm["description"], "%s: %s/properties/%s has no description", name, at, k)
					}
				}
				for k, y := range m {
					walk(y, at+"/"+k)
				}
			case []any:
				for _, y := range m {
					walk(y, at)
				}
			}
		}
		walk(v, "")
	}
}

// The three periods of the formats are three things, with three names
// (issue 17: $defs/period and the top-level period once shared one).
func TestDistinctNames(t *testing.T) {
	b, _ := schemas.Get("plan")
	var doc struct {
		Properties map[string]map[string]any `json:"properties"`
		Defs       map[string]map[string]any `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "#/$defs/plan.Period", doc.Properties["period"]["$ref"])
	assert.Contains(t, doc.Defs, "indicator.Period")
	assert.NotContains(t, doc.Defs, "period")
	assert.Equal(t, "date", doc.Defs["calendar.Date"]["format"])
}

func TestHanClass(t *testing.T) {
	c := hanClass()
	assert.True(t, strings.HasPrefix(c, "[") && strings.HasSuffix(c, "]"))
	assert.Contains(t, c, "一-")
	assert.Contains(t, c, "〇", "U+3007 is Han, as Go's \\p{Han} says")
}
