package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 行政处罚法 第八十五条: “五日” means five working days; the example.
func TestDeadlineUnderPenaltyLaw(t *testing.T) {
	r := bizenv(t, "", "deadline", "--law", "行政处罚法", "2026-09-30", "5日")
	require.Equal(t, 0, r.code, r.stderr)
	lines := splitLines(r.stdout)
	require.NotEmpty(t, lines)
	assert.Equal(t, "2026-10-13", lines[0])
	assert.Contains(t, r.stdout, "第八十五条")
	assert.Contains(t, r.stdout, "本法中“二日”“三日”“五日”“七日”的规定是指工作日")
	assert.Contains(t, r.stdout, "5 days count as 5 workdays")

	// Without --law the general rule (民法典 第二百零三条) answers, as before:
	// 10-05 is in the National Day break.
	r = bizenv(t, "", "deadline", "2026-09-30", "5日")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2026-10-08\n", r.stdout)
	r = bizenv(t, "", "deadline", "2026-09-30", "5日", "--law", "民法典")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2026-10-08", splitLines(r.stdout)[0])
	assert.Contains(t, r.stdout, "第二百零三条")
}

func TestDeadlineLawJSONAndErrors(t *testing.T) {
	// 行政强制法 第六十九条: “十日以内” are working days.
	r := bizenv(t, "", "deadline", "2026-09-30", "10日", "--law", "administrative-compulsion", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var v struct {
		Deadline string `json:"deadline"`
		Counted  string `json:"counted"`
		Law      string `json:"law"`
		Articles []struct {
			Article string `json:"article"`
		} `json:"articles"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	assert.Equal(t, "2026-10-20", v.Deadline)
	assert.Equal(t, "10工作日", v.Counted)
	assert.Equal(t, "行政强制法", v.Law)
	require.NotEmpty(t, v.Articles)
	assert.Equal(t, "第六十九条", v.Articles[0].Article)

	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"deadline", "2026-09-30", "5日", "--law", "刑法"}, "unknown law"},
		{[]string{"deadline", "2011-12-30", "5日", "--law", "行政强制法"}, "2012-01-01"},
		{[]string{"deadline", "2028-12-20", "5日", "--law", "行政处罚法"}, "--provisional"},
	} {
		r := bizenv(t, "", bad.args...)
		assert.Equal(t, 2, r.code, bad.args)
		assert.Contains(t, r.stderr, bad.want, bad.args)
	}
	r = bizenv(t, "", "deadline", "2028-09-29", "5日", "--law", "行政处罚法", "--provisional")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "暂定")
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
