package main

import (
	"encoding/json"
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
