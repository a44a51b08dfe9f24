package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bizenv/bizenv/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedPlansAreGenerated re-imports the seeds and compares the
// result with examples/data, so that the shipped plans and the importer
// cannot drift apart. It is skipped where the seeds are not present.
func TestCommittedPlansAreGenerated(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(filepath.Join(dir, seeds[0].file)); err != nil {
		t.Skip("seed documents not found beside the repository")
	}
	for _, s := range seeds {
		t.Run(s.out, func(t *testing.T) {
			got, err := build(dir, s)
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "examples", "data", s.out))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "examples/data/%s is stale: go run ./plan/docimport/internal/seedplans", s.out)
		})
	}
}

// TestShippedPlansCheck: every shipped plan decodes, carries its review,
// and its checks report only the documents' own defects.
func TestShippedPlansCheck(t *testing.T) {
	want := map[string][]string{
		"anshan-2021-2025-programme.json": {"indicator_declared_count", "no_units"},
		"tiexi-2025-55.json":              nil,
		"anshan-hightech-2022.json":       {"duplicate_number", "no_accountable"},
		"liaoning-2021-2025.json":         {"no_units"},
		"bayuquan-2021-2024.json":         nil,
	}
	for _, s := range seeds {
		t.Run(s.out, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "examples", "data", s.out))
			require.NoError(t, err)
			p, err := plan.Decode(bytes.NewReader(b))
			require.NoError(t, err)
			require.NotNil(t, p.Source)
			assert.NotEmpty(t, p.Source.Review)
			assert.Len(t, p.Source.SHA256, 64)
			var codes []string
			for _, f := range p.Validate(plan.Options{}) {
				codes = append(codes, f.Code)
			}
			assert.ElementsMatch(t, want[s.out], codes)
		})
	}
}
