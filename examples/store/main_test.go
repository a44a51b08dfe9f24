package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 18: the 铁西 plan on SQLite — a year of reports from several
// goroutines at once, a restart, and the bulletin of the in-memory run.
func TestRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tiexi.db")
	var out strings.Builder
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), db))
	s := out.String()
	assert.Contains(t, s, "存入 "+db+"（第1版，新建 true）")
	assert.Contains(t, s, "2025-09-30 重启：当日督办重跑，新增 0 项")
	assert.Regexp(t, `台账 \d+ 条，最多 (1[0-9]|[2-9]) 个单位同时填报`, s, "several clerks at once")
	assert.Contains(t, s, "每个工作日与内存中运行一致")
	assert.Contains(t, s, "10月调度通报：存储与内存中运行相同")
	assert.Regexp(t, `\s17\s+区工信局\s+1\s+0\s+1\s+0\s+1`, s, "区工信局 missed July and reported October late: last")

	// What the file holds afterwards, read by a new process would read it:
	// every entry the program reported, every action it sent.
	var entries, actions int
	_, err := fmt.Sscanf(s[strings.Index(s, "台账 "):], "台账 %d 条", &entries)
	require.NoError(t, err)
	m := regexp.MustCompile(`督办 (\d+) 项，每个工作日`).FindStringSubmatch(s)
	require.NotNil(t, m)
	actions, err = strconv.Atoi(m[1])
	require.NoError(t, err)
	st, err := store.Open(context.Background(), db, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	list, err := st.Plans(context.Background())
	require.NoError(t, err)
	require.Len(t, list, 1)
	ps, err := st.LoadPlan(context.Background(), list[0].ID)
	require.NoError(t, err)
	n := 0
	task.Walk(ps.Tasks, func(x *task.Task) { n += x.Ledger.Len() })
	assert.Equal(t, entries, n, "no entry lost, none twice")
	assert.Len(t, ps.Sent, actions)
}
