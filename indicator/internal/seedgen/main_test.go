package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedDataIsGenerated regenerates the systems from the seed
// documents (shared/seeds beside the repository) and compares them with
// indicator/data. It is skipped where the seeds are not present.
func TestCommittedDataIsGenerated(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(filepath.Join(seeds, anshan)); err != nil {
		t.Skip("seed documents not found beside the repository")
	}
	systems, err := generate(seeds)
	require.NoError(t, err)
	require.Len(t, systems, 4)
	for name, sys := range systems {
		got, err := encode(sys)
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "..", "data", name+".json"))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "indicator/data/%s.json is stale: go run ./indicator/internal/seedgen", name)
	}
}

func TestTreeTableErrors(t *testing.T) {
	_, err := treeTable([]string{"no marker"}, "专栏 9：", "h", 3)
	assert.Error(t, err)
	_, err = treeTable([]string{"专栏 9：x", "h", "\t孤儿\t"}, "专栏 9：", "h", 3)
	assert.ErrorContains(t, err, "no parent")
	_, err = treeTable([]string{"专栏 9：x", "h", "a\tb\tc\td"}, "专栏 9：", "h", 3)
	assert.ErrorContains(t, err, "4 cells")
	sys, err := treeTable([]string{"专栏 9：x", "h", "a\tb\tc", "\t\td", "", "\te\tf", "亮点工程二：text\twith tab"}, "专栏 9：", "h", 3)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3}, sys.Counts())
}
