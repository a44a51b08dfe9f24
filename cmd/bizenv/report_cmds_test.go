package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12: a plan with tasks due in 2027 and 2029, reported as of a day in
// July 2027 without --provisional, exits 0, gives the actions for the 2027
// task and lists the 2029 one as undatable, naming the years it needs.
func TestReportUndatable(t *testing.T) {
	plan := filepath.Join("testdata", "report-2027-2029.json")
	r := bizenv(t, "", "report", plan, "--as-of", "2027-07-15")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "督办 / supervision: 1")
	assert.Regexp(t, `提醒\s+1\s+区数据局\s+距期限 2027-07-20 还有3个工作日`, r.stdout)
	assert.Contains(t, r.stdout, "无法推算 / undatable: 1")
	assert.Contains(t, r.stdout, "2 建成一体化政务服务平台（需要 2028、2029 年 / needs 2028, 2029）")

	r = bizenv(t, "", "report", plan, "--as-of", "2027-07-15", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Actions []struct {
			Kind   string `json:"kind"`
			Number string `json:"number"`
			Unit   string `json:"unit"`
		} `json:"actions"`
		Undatable []struct {
			Number    string `json:"number"`
			Years     []int  `json:"years"`
			MessageZh string `json:"message_zh"`
			MessageEn string `json:"message_en"`
		} `json:"undatable"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.Len(t, rep.Actions, 1)
	assert.Equal(t, "remind", rep.Actions[0].Kind)
	assert.Equal(t, "1", rep.Actions[0].Number)
	require.Len(t, rep.Undatable, 1)
	assert.Equal(t, "2", rep.Undatable[0].Number)
	assert.Equal(t, []int{2028, 2029}, rep.Undatable[0].Years)
	assert.Contains(t, rep.Undatable[0].MessageEn, "no holiday arrangement for 2028, 2029")

	// With --provisional both are dated, and nothing is undatable.
	r = bizenv(t, "", "report", plan, "--as-of", "2027-07-15", "--provisional", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Empty(t, rep.Undatable)
	assert.Len(t, rep.Actions, 1)

	r = bizenv(t, "", "report", plan, "--as-of", "2027-07-15", "--format", "html")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "无法推算 / Undatable")
}

// Issue 15: group phrases expand through a directory, so that a street
// named only through 各镇（街道） has its workload and its reminders.
func TestReportDirectory(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.json")
	require.NoError(t, os.WriteFile(units, []byte(`{"units":[
{"name":"区交通运输局","kind":"bureau","level":"county"},
{"name":"红海街道","kind":"township_office","level":"township"},
{"name":"熊岳镇","kind":"township_office","level":"township"}],"groups":"standard"}`), 0o644))
	plan := filepath.Join("..", "..", "examples", "data", "bayuquan-2021-2024.json")
	r := bizenv(t, "", "report", plan, "--as-of", "2022-12-28", "--directory", units, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Workload []struct {
			Unit  string `json:"unit"`
			Total int    `json:"total"`
		} `json:"workload"`
		Actions []struct {
			Number string `json:"number"`
			Unit   string `json:"unit"`
		} `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	totals := map[string]int{}
	for _, w := range rep.Workload {
		totals[w.Unit] = w.Total
	}
	assert.Equal(t, 10, totals["红海街道"], "the nine items of 各镇(街道), and item 47 of 各相关单位")
	assert.Zero(t, totals["各镇(街道)"], "the phrase itself is no unit")
	reminded := false
	for _, a := range rep.Actions {
		reminded = reminded || (a.Number == "72" && a.Unit == "熊岳镇")
	}
	assert.True(t, reminded, "熊岳镇 is reminded for item 72")

	r = bizenv(t, "", "report", plan, "--as-of", "2022-12-28", "--directory", filepath.Join(dir, "missing.json"))
	assert.Equal(t, 2, r.code)
}

// --sent: the actions of an earlier report are not sent again.
func TestReportSent(t *testing.T) {
	plan := filepath.Join("..", "..", "examples", "data", "tiexi-2025-55.json")
	r := bizenv(t, "", "report", plan, "--as-of", "2025-10-20", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var first struct {
		Actions []json.RawMessage `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &first))
	require.NotEmpty(t, first.Actions)
	sent, err := json.Marshal(first.Actions)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "sent.json")
	require.NoError(t, os.WriteFile(file, sent, 0o644))
	r = bizenv(t, "", "report", plan, "--as-of", "2025-10-20", "--format", "json", "--sent", file)
	require.Equal(t, 0, r.code, r.stderr)
	var again struct {
		Actions []json.RawMessage `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &again))
	assert.Empty(t, again.Actions, "everything due was sent already")
	r = bizenv(t, "[null]", "report", plan, "--as-of", "2025-10-20", "--sent", "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "null")
}
