package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test uses tiny hand-made files in the two packages' layouts, not the
// packages themselves.
func TestLoadSources(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "cd", "dist"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "hc", "data", "CN"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cd", "dist", "chinese-days.json"),
		[]byte(`{"holidays":{"2025-10-08":"National Day,国庆节,3"},"workdays":{"2025-10-11":"National Day,国庆节,3"}}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hc", "data", "CN", "2025.json"),
		[]byte(`{"dates":[{"date":"2025-10-08","name":"国庆节","type":"public_holiday"},{"date":"2025-09-28","name":"国庆节补班","type":"transfer_workday"}]}`), 0o644))

	cd, err := loadChineseDays(filepath.Join(dir, "cd"))
	require.NoError(t, err)
	assert.Equal(t, "National Day,国庆节,3", cd.off["2025-10-08"])
	assert.Contains(t, cd.on, "2025-10-11")

	hc, err := loadHolidayCalendar(filepath.Join(dir, "hc"))
	require.NoError(t, err)
	assert.Contains(t, hc.off, "2025-10-08")
	assert.Contains(t, hc.on, "2025-09-28")

	// These partial files disagree with the calendar on many days; run
	// reports them and does not fail.
	var out strings.Builder
	require.NoError(t, run(&out, filepath.Join(dir, "cd"), filepath.Join(dir, "hc")))
	assert.Contains(t, out.String(), "2025-10-01 Wednesday: bizenv holiday 中秋节、国庆节; chinese-days says worked=true")
	assert.Error(t, run(&out, "", ""))

	require.NoError(t, os.WriteFile(filepath.Join(dir, "hc", "data", "CN", "2026.json"),
		[]byte(`{"dates":[{"date":"2026-01-01","name":"元旦","type":"bank_holiday"}]}`), 0o644))
	_, err = loadHolidayCalendar(filepath.Join(dir, "hc"))
	assert.ErrorContains(t, err, "unknown type")
}
