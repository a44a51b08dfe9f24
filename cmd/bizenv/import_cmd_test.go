package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture is a file of plan/docimport's testdata: the 铁西 plan as Word and
// Excel files.
func fixture(name string) string {
	return filepath.Join("..", "..", "plan", "docimport", "testdata", name)
}

// TestImportFormats: bizenv import reads a Word file, a Word table and an
// Excel sheet as well as text, by their content: 55 items each.
func TestImportFormats(t *testing.T) {
	cases := []struct {
		file, format, title string
	}{
		{"tiexi.docx", "docx", "鞍山市铁西区2025年优化营商环境55条"},
		{"tiexi-table.docx", "docx", "鞍山市铁西区2025年优化营商环境55条任务分解表"},
		{"tiexi-table.xlsx", "xlsx", "鞍山市铁西区2025年优化营商环境55条任务分解表"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			r := bizenv(t, "", "import", fixture(c.file))
			require.Equal(t, 0, r.code, r.stderr)
			assert.Contains(t, r.stdout, c.title)
			assert.Contains(t, r.stdout, "格式 / format   "+c.format)
			assert.Contains(t, r.stdout, "条目 / items    55（写明单位 55，有期限 3")

			r = bizenv(t, "", "import", fixture(c.file), "--format", "json")
			require.Equal(t, 0, r.code, r.stderr)
			var p struct {
				Title    string `json:"title"`
				Sections []struct {
					Sections []struct {
						Tasks []json.RawMessage `json:"tasks"`
					} `json:"sections"`
					Tasks []json.RawMessage `json:"tasks"`
				} `json:"sections"`
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &p))
			assert.Equal(t, c.title, p.Title)
		})
	}
}

// TestImportByContent: a Word file named .txt is read as Word, and text
// from standard input as text.
func TestImportByContent(t *testing.T) {
	b, err := os.ReadFile(fixture("tiexi.docx"))
	require.NoError(t, err)
	misnamed := filepath.Join(t.TempDir(), "plan.txt")
	require.NoError(t, os.WriteFile(misnamed, b, 0o644))
	r := bizenv(t, "", "import", misnamed)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "格式 / format   docx")

	r = bizenv(t, string(b), "import", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "格式 / format   docx", "standard input is told apart by content too")
}

// TestImportFindingsWhere: findings say where they are — the cell of a
// sheet, the row of a Word table — in the text output and in --findings.
func TestImportFindingsWhere(t *testing.T) {
	dir := t.TempDir()
	findings := filepath.Join(dir, "findings.json")
	r := bizenv(t, "", "import", fixture("tiexi-table.xlsx"), "--findings", findings)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "工作表“任务分解表”A1 单元格 / sheet 任务分解表 cell A1: info no_header")
	b, err := os.ReadFile(findings)
	require.NoError(t, err)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal(b, &fs))
	require.Len(t, fs, 1)
	assert.Equal(t, "任务分解表", fs[0]["sheet"])
	assert.Equal(t, "A1", fs[0]["cell"])
	assert.NotContains(t, fs[0], "line", "a sheet has no lines")

	r = bizenv(t, "", "import", fixture("tiexi-table.docx"))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "第 1 段 / paragraph 1: info no_header")
}

// TestImportRefused: a legacy Word or WPS file, a PDF and a damaged Word
// file are refused with what they are and what to do, in Chinese and
// English, exit status 2.
func TestImportRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	cases := []struct {
		file string
		says []string
	}{
		{write("plan.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 1024)...)), []string{"libreoffice --headless --convert-to docx", "旧版", "legacy"}},
		{write("plan.wps", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 1024)...)), []string{"libreoffice --headless --convert-to docx"}},
		{write("plan.pdf", []byte("%PDF-1.7\n1 0 obj\n")), []string{"PDF", "pdftotext -layout"}},
		{write("broken.docx", []byte("PK\x03\x04 not really")), []string{"zip", " / "}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			r := bizenv(t, "", "import", c.file)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout)
			for _, s := range c.says {
				assert.Contains(t, r.stderr, s)
			}
			assert.True(t, strings.HasPrefix(r.stderr, "bizenv import: "+c.file), r.stderr)
		})
	}
}

// Issue 13: an absurd period was accepted silently.
func TestImportRefusesAbsurdPeriods(t *testing.T) {
	for _, p := range []string{"0-99999999", "2025-2021", "1800-1805", "2021-2099", "x-2025"} {
		r := bizenv(t, "", "import", "-", "--period", p)
		assert.Equal(t, 2, r.code, p)
		assert.Contains(t, r.stderr, "--period", p)
	}
}
