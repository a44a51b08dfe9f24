package task

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/internal/termtext"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// octoberTasks is an October 2025 of the 铁西 plan (made-up progress).
func octoberTasks(t *testing.T) ([]*Task, []Action) {
	o := tiexiOptions(t)
	t51 := item51(t)
	for _, d := range []string{"2025-06-12", "2025-07-14", "2025-08-14", "2025-09-12", "2025-10-14"} {
		_, err := t51.Record(Entry{Date: date(t, d), Unit: "区财政局", Percent: pct(50)}, o)
		require.NoError(t, err)
	}
	for _, d := range []string{"2025-06-12", "2025-07-14", "2025-08-14", "2025-09-12"} {
		_, err := t51.Record(Entry{Date: date(t, d), Unit: "区工信局", Percent: pct(50)}, o)
		require.NoError(t, err)
	}
	t2 := firstFive(t)[1]
	t2.Deadline = dl(t, "2025年10月10日前")
	_, err := t2.Record(Entry{Kind: Apply, Date: date(t, "2025-10-09"), Unit: "区数据局", RecordedAt: at(t, "2025-10-09", 17, 0), Evidence: []string{"上线通知.pdf"}}, o)
	require.NoError(t, err)
	_, err = t2.Record(Entry{Kind: Approve, Date: date(t, "2025-10-11"), Unit: "区营商局", RecordedAt: at(t, "2025-10-11", 9, 0), Ref: 1}, o)
	require.NoError(t, err)
	t3 := firstFive(t)[2]
	t3.Deadline = dl(t, "2025年10月31日前")
	_, err = t3.Record(Entry{Date: date(t, "2025-10-30"), Unit: "区住建局", Percent: pct(100)}, o)
	require.NoError(t, err)
	_, err = t3.Record(Entry{Date: date(t, "2025-10-30"), Unit: "区数据局", Percent: pct(80)}, o)
	require.NoError(t, err)
	sent := []Action{{Kind: PublicNotice, Task: t51.ID, Number: "51", Unit: "区工信局", Due: date(t, "2025-10-15"), On: date(t, "2025-10-20")},
		{Kind: Remind, Task: t3.ID, Number: "3", Unit: "区数据局", Due: date(t, "2025-10-31"), On: date(t, "2025-11-05")}}
	return []*Task{t2, t3, t51}, sent
}

// Issue 15 item 8: a bulletin for a period: tasks closed, on time, late;
// per-unit on-time rate, reports missed, actions received; a ranking; a
// score from the caller's rules.
func TestBulletin(t *testing.T) {
	tasks, sent := octoberTasks(t)
	span, err := MonthSpan(2025, time.October)
	require.NoError(t, err)
	assert.Equal(t, "2025年10月", span.Name)
	b, err := NewBulletin(tasks, span, date(t, "2025-11-03"), tiexiOptions(t), sent, ScoreRules{})
	require.NoError(t, err)
	assert.Equal(t, 3, b.Tasks)
	require.Len(t, b.Closed, 1)
	assert.Equal(t, "2", b.Closed[0].Number)
	assert.True(t, b.Closed[0].OnTime, "applied 10-09 for 10-10")
	assert.Equal(t, 1, b.ClosedOnTime)
	require.Len(t, b.Overdue, 1)
	assert.Equal(t, "51", b.Overdue[0].Number)
	assert.Equal(t, []string{"区工信局"}, b.Overdue[0].Units)

	byUnit := map[string]UnitScore{}
	for _, u := range b.Units {
		byUnit[u.Unit] = u
	}
	require.Len(t, b.Units, 4)
	cz := byUnit["区财政局"]
	assert.Equal(t, 1, cz.ReportsDue)
	assert.Equal(t, 0, cz.ReportsMissed)
	assert.Equal(t, "100", cz.OnTimeRate.Decimal.String())
	assert.Equal(t, "100", cz.Score.String())
	gx := byUnit["区工信局"]
	assert.Equal(t, 1, gx.ReportsMissed)
	assert.Equal(t, 1, gx.Actions[PublicNotice])
	assert.Equal(t, "88", gx.Score.String(), "100 - 2 (a report missed) - 10 (a 通报)")
	sj := byUnit["区数据局"]
	assert.Equal(t, 2, sj.Due)
	assert.Equal(t, 1, sj.OnTime)
	assert.Equal(t, 1, sj.Late, "item 3 was 80% on 10-31")
	assert.Equal(t, 1, sj.Closed)
	assert.Equal(t, "50", sj.OnTimeRate.Decimal.String())
	assert.Equal(t, "95", sj.Score.String())
	assert.Zero(t, sj.Actions[Remind], "the reminder of 11-05 is not October's")

	assert.Equal(t, []string{"区财政局", "区住建局", "区数据局", "区工信局"}, []string{b.Units[0].Unit, b.Units[1].Unit, b.Units[2].Unit, b.Units[3].Unit})
	assert.Equal(t, []int{1, 1, 3, 4}, []int{b.Units[0].Rank, b.Units[1].Rank, b.Units[2].Rank, b.Units[3].Rank}, "a tie shares its place")

	// 鲅鱼圈: 无故任务落实不力，相关绩效考核指标不得分.
	rules := DefaultScoreRules()
	rules.Forfeit = []ActionKind{PublicNotice, Accountability}
	b, err = NewBulletin(tasks, span, date(t, "2025-11-03"), tiexiOptions(t), sent, rules)
	require.NoError(t, err)
	last := b.Units[len(b.Units)-1]
	assert.Equal(t, "区工信局", last.Unit)
	assert.True(t, last.Forfeited)
	assert.True(t, last.Score.IsZero())
	assert.Contains(t, last.ReasonZh, "不得分")

	out, err := json.Marshal(b)
	require.NoError(t, err)
	var back Bulletin
	require.NoError(t, json.Unmarshal(out, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(out), string(again))

	q, err := QuarterSpan(2025, 3)
	require.NoError(t, err)
	assert.Equal(t, "2025-07-01", q.From.String())
	assert.Equal(t, "2025-09-30", q.To.String())
	assert.Equal(t, "2025年第三季度", q.Name)
	_, err = QuarterSpan(2025, 5)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = NewBulletin(tasks, span, date(t, "2025-11-03"), tiexiOptions(t), sent, ScoreRules{PerLate: decimal.NewFromInt(-1)})
	assert.ErrorIs(t, err, ErrInvalidRules)
}

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestBulletinWriters(t *testing.T) {
	tasks, sent := octoberTasks(t)
	span, _ := MonthSpan(2025, time.October)
	rules := DefaultScoreRules()
	rules.Forfeit = []ActionKind{Accountability}
	b, err := NewBulletin(tasks, span, date(t, "2025-11-03"), tiexiOptions(t), sent, rules)
	require.NoError(t, err)
	b.Title = "铁西区优化营商环境工作10月调度通报"
	var text bytes.Buffer
	require.NoError(t, b.WriteText(&text))
	golden(t, "bulletin-2025-10.txt", text.Bytes())
	var table []string
	for _, l := range strings.Split(text.String(), "\n") {
		if strings.Contains(l, "名次") || (len(table) > 0 && l != "") {
			table = append(table, l)
		} else if len(table) > 0 {
			break
		}
	}
	require.NotEmpty(t, table)
	for _, l := range table[1:] {
		assert.Equal(t, termtext.Width(table[0]), termtext.Width(l), "aligned by display width: %q", l)
	}
	var html bytes.Buffer
	require.NoError(t, b.WriteHTML(&html))
	h := html.String()
	assert.True(t, strings.HasPrefix(h, "<!DOCTYPE html>"))
	assert.Contains(t, h, "区工信局")
	assert.Contains(t, h, "通报1")
	assert.NotContains(t, h, "<script")
}
