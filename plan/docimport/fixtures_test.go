package docimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// The Word and Excel versions of the 铁西 plan in testdata were written by
// internal/mkfixtures from shared/seeds/001:
//
//	go run ./plan/docimport/internal/mkfixtures -seeds ../shared/seeds -out plan/docimport/testdata

func importFile(t *testing.T, name string) *Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	res, err := Parse(b, Options{Source: name})
	require.NoError(t, err)
	return res
}

func golden001(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "001.tsv"))
	require.NoError(t, err)
	return string(b)
}

// TestTiexiWord: the plan as a Word file, every number Word's automatic
// numbering, imports to the text's tasks, units, deadlines and milestones
// (the golden rows), with the same header and safeguards.
func TestTiexiWord(t *testing.T) {
	res := importFile(t, "tiexi.docx")
	p := res.Plan
	assert.Equal(t, FormatDOCX, res.Format)
	assert.Equal(t, golden001(t), taskRows(p))
	assert.Equal(t, "鞍山市铁西区2025年优化营商环境55条", p.Title)
	assert.Equal(t, "鞍山市铁西区人民政府办公室", p.Issuer)
	assert.Equal(t, "2025-05-13", p.Issued.String())
	assert.Len(t, p.Safeguards, 3)
	assert.Empty(t, res.Findings)
	if text, err := os.ReadFile(filepath.Join(seedDir, seedFiles["001"])); err == nil {
		fromText, err := Parse(text, Options{})
		require.NoError(t, err)
		assert.Equal(t, taskRows(fromText.Plan), taskRows(p))
		ta, _ := fromText.Plan.Tasks()
		tb, _ := p.Tasks()
		for i := range ta {
			assert.Equal(t, ta[i].ID, tb[i].ID, "the same IDs as the text")
			assert.Equal(t, ta[i].Body, tb[i].Body)
		}
	}
}

// TestTiexiTables: the plan as a task table in Word, in Excel, as
// tab-separated text and pasted one cell per line imports to the same
// tasks, units, deadlines and milestones as the text.
func TestTiexiTables(t *testing.T) {
	want := golden001(t)
	for _, name := range []string{"tiexi-table.docx", "tiexi-table.xlsx"} {
		t.Run(name, func(t *testing.T) {
			res := importFile(t, name)
			assert.Equal(t, want, taskRows(res.Plan))
			assert.Equal(t, "鞍山市铁西区2025年优化营商环境55条任务分解表", res.Plan.Title)
			assert.Equal(t, []string{"no_header"}, codes(res.Findings), "a table carries no 文号, issuer or date")
		})
	}
	// The sheet's rows as text: tab-separated, and one cell per line.
	f, err := excelize.OpenFile(filepath.Join("testdata", "tiexi-table.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("任务分解表")
	require.NoError(t, err)
	var tabbed, flatText strings.Builder
	tabbed.WriteString(rows[0][0] + "\n")
	flatText.WriteString(rows[0][0] + "\n")
	for _, r := range rows[1:] {
		for len(r) < 8 {
			r = append(r, "")
		}
		tabbed.WriteString(strings.Join(r, "\t") + "\n")
		for _, c := range r {
			flatText.WriteString(c + " |\n")
		}
	}
	for name, text := range map[string]string{"tab-separated": tabbed.String(), "one cell per line": flatText.String()} {
		t.Run(name, func(t *testing.T) {
			res, err := Parse([]byte(text), Options{})
			require.NoError(t, err)
			assert.Equal(t, want, taskRows(res.Plan))
		})
	}
}
