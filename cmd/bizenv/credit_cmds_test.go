package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// drawFiles writes a population, a roster and a policy, draws, and returns
// the directory and the record as printed.
func drawFiles(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"pop.csv": "code,name,grade,risk,field,red\n91350100M000100Y43,甲,C,高,餐饮,false\n91330100799655058B,乙,C,高,餐饮,false\n" +
			"9144030071526726XG,丙,C,高,药品,true\n91110000710925462X,丁,A,低,餐饮,true\n91110108551385082Q,戊,B,中,餐饮,false\n",
		"roster.csv":  "id,name,unit,qualifications,excluded\nZF01,张,区市场监管局,餐饮;药品,\nZF02,王,区卫健局,餐饮;药品,91350100M000100Y43\nZF03,李,区应急局,餐饮;药品,\n",
		"policy.json": `{"cells":[{"grade":"C","risk":"高","percent":"100","per_year":2},{"grade":"A","risk":"低","percent":"10","per_year":1}],"inspectors":2,"distinct_units":true}`,
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	r := bizenv(t, "", "draw", "--population", filepath.Join(dir, "pop.csv"), "--roster", filepath.Join(dir, "roster.csv"),
		"--policy", filepath.Join(dir, "policy.json"), "--seed", "2026Q4")
	require.Equal(t, 0, r.code, r.stderr)
	return dir, []byte(r.stdout)
}

// verify runs draw verify on a record given on standard input.
func verify(t *testing.T, dir string, record []byte) result {
	t.Helper()
	return bizenv(t, string(record), "draw", "verify", "-", "--population", filepath.Join(dir, "pop.csv"), "--roster", filepath.Join(dir, "roster.csv"))
}

// Issue 13, item 1: a forged record asking for 2^62 inspectors an entity
// crashed `bizenv draw verify` (makeslice: cap out of range). It is now a
// clean bilingual error, exit status 2.
func TestDrawVerifyForgedRecordDoesNotCrash(t *testing.T) {
	dir, rec := drawFiles(t)
	r := verify(t, dir, rec)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "verified")

	var m map[string]any
	require.NoError(t, json.Unmarshal(rec, &m))
	m["policy"].(map[string]any)["inspectors"] = 4611686018427387904
	forged, err := json.Marshal(m)
	require.NoError(t, err)
	assert.NotPanics(t, func() { r = verify(t, dir, forged) })
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "inspectors is 4611686018427387904")
	assert.Contains(t, r.stderr, "每户检查人员")

	for _, tc := range []struct{ name, from, to, want string }{
		{"algorithm", `"algorithm": "bizenv-draw/1`, `"algorithm": "bizenv-draw/9`, "algorithm is not bizenv-draw/1"},
		{"second seed", `"seed": "2026Q4"`, `"seed": "2026Q4", "seed": "other"`, `key "seed" given twice`},
		{"case-variant seed", `"seed": "2026Q4"`, `"Seed": "other", "seed": "2026Q4"`, `key "seed" given twice`},
		{"trailing record", "", "{}\n", "unexpected data after the JSON value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forged := bytes.Replace(rec, []byte(tc.from), []byte(tc.to), 1)
			if tc.from == "" {
				forged = append(bytes.Clone(rec), tc.to...)
			}
			require.NotEqual(t, string(rec), string(forged))
			r := verify(t, dir, forged)
			assert.Equal(t, 2, r.code)
			assert.Contains(t, r.stderr, tc.want)
		})
	}
}

// Issue 13, items 3 and 8: the policy no longer accepts trailing data, and
// a UTF-8 byte order mark is skipped in the JSON policy as in the CSV files.
func TestDrawInputsReadStrictly(t *testing.T) {
	dir, _ := drawFiles(t)
	p := func(n string) string { return filepath.Join(dir, n) }
	policy, err := os.ReadFile(p("policy.json"))
	require.NoError(t, err)
	draw := func(stdinPolicy string, extra ...string) result {
		args := append([]string{"draw", "--population", p("pop.csv"), "--roster", p("roster.csv"), "--policy", "-", "--seed", "s"}, extra...)
		return bizenv(t, stdinPolicy, args...)
	}
	r := draw(string(policy) + `{"cells":[]}`)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "not a valid draw policy JSON")
	assert.Contains(t, r.stderr, "JSON 值之后有多余内容")

	r = draw("\uFEFF" + string(policy))
	assert.Equal(t, 0, r.code, r.stderr)

	pop, err := os.ReadFile(p("pop.csv"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(p("bom.csv"), append([]byte("\uFEFF"), pop...), 0o644))
	r = bizenv(t, string(policy), "draw", "--population", p("bom.csv"), "--roster", p("roster.csv"), "--policy", "-", "--seed", "s")
	assert.Equal(t, 0, r.code, r.stderr)

	gbk := strings.Replace(string(pop), "甲", "\xbc\xd7", 1) // 甲 in GBK
	require.NoError(t, os.WriteFile(p("gbk.csv"), []byte(gbk), 0o644))
	r = bizenv(t, string(policy), "draw", "--population", p("gbk.csv"), "--roster", p("roster.csv"), "--policy", "-", "--seed", "s")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "iconv -f GBK -t UTF-8")
	assert.Contains(t, r.stderr, "gbk.csv")
}

// Issue 13, item 12: a USCC error names the input once.
func TestUSCCErrorNamesInputOnce(t *testing.T) {
	r := bizenv(t, "", "uscc", "91350100M000100Y44")
	assert.Equal(t, 2, r.code)
	assert.Equal(t, 1, strings.Count(r.stderr, "91350100M000100Y44"), r.stderr)
	r = bizenv(t, "", "uscc", "91350100M000100Y4中")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "position 18", "issue 16, item 15: an alphabet error at the character")
}
