package task

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at returns the instant h:m on day s in Beijing.
func at(t testing.TB, s string, h, m int) time.Time {
	d := date(t, s)
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, calendar.Beijing())
}

func pct(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// Issue 15: a task became 已完成 with no evidence and no review, and a task
// closed by mistake could never be reopened.
func TestClosureWithEvidenceAndReview(t *testing.T) {
	tk := firstFive(t)[1] // 2. 拓展“高效办成一件事”场景, 区数据局, 年底前
	o := Options{End: planEnd}
	assert.ErrorIs(t, tk.SetStatus(Done), ErrInvalidTransition, "no 已完成 by fiat")

	_, err := tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-20"), Unit: "区数据局", Reporter: "王五", RecordedAt: at(t, "2025-11-20", 9, 30)}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "no application without evidence")
	_, err = tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-20"), Unit: "区数据局", Evidence: []string{"场景上线截图.png"}}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "every step records its instant")
	_, err = tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-20"), Unit: "区财政局", RecordedAt: at(t, "2025-11-20", 9, 30), Evidence: []string{"x"}}, o)
	assert.ErrorIs(t, err, ErrRefused, "only an accountable unit applies")

	es, err := tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-20"), Unit: "区数据局", Reporter: "王五", RecordedAt: at(t, "2025-11-20", 9, 30),
		Narrative: "“开办餐馆一件事”场景上线运行", Evidence: []string{"铁数发〔2025〕12号", "场景上线截图.png"}}, o)
	require.NoError(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, InProgress, tk.State(), "applied: awaiting review, not done")
	assert.Equal(t, "pending", tk.ClosureOf().State)

	_, err = tk.Record(Entry{Kind: Approve, Date: date(t, "2025-11-21"), Unit: "区数据局", RecordedAt: at(t, "2025-11-21", 10, 0), Ref: 1}, o)
	assert.ErrorIs(t, err, ErrRefused, "nobody approves their own application")
	_, err = tk.Record(Entry{Kind: Return, Date: date(t, "2025-11-21"), Unit: "区营商局", RecordedAt: at(t, "2025-11-21", 10, 0), Ref: 1}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "a return gives its reason")

	_, err = tk.Record(Entry{Kind: Return, Date: date(t, "2025-11-21"), Unit: "区营商局", Reporter: "督查室赵六", RecordedAt: at(t, "2025-11-21", 10, 0), Ref: 1,
		Reason: "缺少群众满意度评价材料"}, o)
	require.NoError(t, err)
	assert.Equal(t, "open", tk.ClosureOf().State)
	p, ok := tk.Progress()
	assert.False(t, ok, "a returned application does not count as 100%: %s", p)

	_, err = tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-28"), Unit: "区数据局", Reporter: "王五", RecordedAt: at(t, "2025-11-28", 16, 5),
		Evidence: []string{"铁数发〔2025〕12号", "满意度评价报告.pdf"}}, o)
	require.NoError(t, err)
	_, err = tk.Record(Entry{Kind: Approve, Date: date(t, "2025-12-01"), Unit: "区营商局", Reporter: "督查室赵六", RecordedAt: at(t, "2025-12-01", 11, 0), Ref: 3}, o)
	require.NoError(t, err)
	assert.Equal(t, Done, tk.State(), "销号: approved")
	p, _ = tk.Progress()
	assert.Equal(t, "100", p.String())
	c := tk.ClosureOf()
	assert.Equal(t, "closed", c.State)
	assert.Equal(t, 3, c.Applied.Seq)
	assert.Equal(t, "督查室赵六", c.Decided.Reporter)
	late, _ := Overdue([]*Task{tk}, date(t, "2026-01-05"), o)
	assert.Empty(t, late)

	// 回头看: a later re-check reopens it, with a reason.
	_, err = tk.Record(Entry{Kind: Recheck, Date: date(t, "2025-12-15"), Unit: "区营商局", RecordedAt: at(t, "2025-12-15", 9, 0)}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "a re-check gives its reason")
	_, err = tk.Record(Entry{Kind: Recheck, Date: date(t, "2025-12-15"), Unit: "区营商局", Reporter: "督查室赵六", RecordedAt: at(t, "2025-12-15", 9, 0),
		Reason: "回头看发现场景办件量为零，未实际运行"}, o)
	require.NoError(t, err)
	assert.Equal(t, InProgress, tk.State(), "reopened")
	assert.Equal(t, "open", tk.ClosureOf().State)
	assert.Equal(t, 5, tk.ClosureOf().Reopened.Seq)
	late, _ = Overdue([]*Task{tk}, date(t, "2026-01-05"), o)
	assert.Len(t, late, 1, "open again, and late after the year's end")

	// Every step is in the ledger with who, when and why; the review state
	// of each application is worked out from it, and survives JSON.
	es = tk.Ledger.Entries()
	require.Len(t, es, 5)
	assert.Equal(t, []EntryKind{Apply, Return, Apply, Approve, Recheck}, []EntryKind{es[0].Kind, es[1].Kind, es[2].Kind, es[3].Kind, es[4].Kind})
	assert.Equal(t, Returned, es[0].Review)
	assert.Equal(t, Approved, es[2].Review)
	assert.Equal(t, NotReviewable, es[1].Review)
	b, err := json.Marshal(tk)
	require.NoError(t, err)
	back, err := DecodeTask(bytes.NewReader(b))
	require.NoError(t, err)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Equal(t, InProgress, back.State())
}

// Whether review is required is the caller's rule; the default is that it
// is.
func TestClosureWithoutReview(t *testing.T) {
	tk := firstFive(t)[1]
	o := Options{End: planEnd, Policy: Policy{NoReview: true}}
	es, err := tk.Record(Entry{Kind: Apply, Date: date(t, "2025-11-20"), Unit: "区数据局", RecordedAt: at(t, "2025-11-20", 9, 30), Evidence: []string{"a.pdf"}}, o)
	require.NoError(t, err)
	require.Len(t, es, 2, "the application and its approval")
	assert.Equal(t, Approve, es[1].Kind)
	assert.Contains(t, es[1].Reason, "无需审核")
	assert.Equal(t, Done, tk.State())
}

func TestPolicyRefusals(t *testing.T) {
	tk := firstFive(t)[2] // 3. 区住建局、区数据局按职责分工负责
	o := Options{End: planEnd, Policy: Policy{OnlyAssigned: true, NoEntriesAfterClosure: true, Reviewers: []string{"区营商局"}}}
	_, err := tk.Record(Entry{Date: date(t, "2025-06-30"), Unit: "区财政局", Percent: pct(10)}, o)
	assert.ErrorIs(t, err, ErrRefused, "a unit with no role in the task")
	_, err = tk.Record(Entry{Date: date(t, "2025-06-30"), Unit: "区住建局", Percent: pct(100)}, o)
	require.NoError(t, err)
	_, err = tk.Record(Entry{Kind: Apply, Date: date(t, "2025-07-01"), Unit: "区住建局", RecordedAt: at(t, "2025-07-01", 9, 0), Evidence: []string{"x"}}, o)
	require.NoError(t, err)
	_, err = tk.Record(Entry{Kind: Approve, Date: date(t, "2025-07-02"), Unit: "区数据局", RecordedAt: at(t, "2025-07-02", 9, 0), Ref: 2}, o)
	assert.ErrorIs(t, err, ErrRefused, "only the reviewers the caller names")
	_, err = tk.Record(Entry{Kind: Approve, Date: date(t, "2025-07-02"), Unit: "区营商局", RecordedAt: at(t, "2025-07-02", 9, 0), Ref: 2}, o)
	require.NoError(t, err)
	_, err = tk.Record(Entry{Date: date(t, "2025-07-10"), Unit: "区数据局", Percent: pct(100)}, o)
	assert.ErrorIs(t, err, ErrRefused, "no entries after closure")
	_, err = tk.Record(Entry{Date: date(t, "2025-07-10"), Unit: "区数据局", Percent: pct(100)}, Options{})
	assert.NoError(t, err, "by default the ledger takes them")
	cancelled := &Task{Number: "x", Status: Cancelled, Responsibility: Responsibility{Lead: []string{"a"}}}
	_, err = cancelled.Record(Entry{Date: date(t, "2025-07-10"), Unit: "a"}, Options{})
	assert.ErrorIs(t, err, ErrRefused)
}

// Issue 15 item 9: a deadline changes only through an extension request
// with reason, approver and date; the history is kept.
func TestExtension(t *testing.T) {
	tk := firstFive(t)[1] // due 2025-12-31
	o := Options{End: planEnd}
	_, err := tk.Record(Entry{Kind: Extend, Date: date(t, "2025-12-10"), Unit: "区数据局", RecordedAt: at(t, "2025-12-10", 9, 0), Deadline: dl(t, "2026年3月31日前")}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "a reason is required")
	_, err = tk.Record(Entry{Kind: Extend, Date: date(t, "2025-12-10"), Unit: "区数据局", Reporter: "王五", RecordedAt: at(t, "2025-12-10", 9, 0),
		Deadline: dl(t, "2026年3月31日前"), Reason: "省级平台接口2026年一季度开放"}, o)
	require.NoError(t, err)
	assert.Equal(t, "2025-12-31", tk.EffectiveDeadline().Date.String(), "not before it is approved")
	_, err = tk.Record(Entry{Kind: Extend, Date: date(t, "2025-12-11"), Unit: "区数据局", RecordedAt: at(t, "2025-12-11", 9, 0), Deadline: dl(t, "2026年6月30日前"), Reason: "x"}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "one request at a time")
	_, err = tk.Record(Entry{Kind: Approve, Date: date(t, "2025-12-12"), Unit: "区营商局", Reporter: "赵六", RecordedAt: at(t, "2025-12-12", 15, 0), Ref: 1}, o)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-31", tk.EffectiveDeadline().Date.String())
	assert.Equal(t, "2025-12-31", tk.Deadline.Date.String(), "the document's deadline is kept")
	xs := tk.Extensions()
	require.Len(t, xs, 1)
	assert.Equal(t, "2025-12-31", xs[0].From.Date.String())
	assert.Equal(t, "赵六", xs[0].Decision.Reporter)
	assert.Equal(t, Approved, xs[0].Request.Review)
	st, err := tk.Standing(date(t, "2026-01-05"), o)
	require.NoError(t, err)
	assert.False(t, st.Late, "extended")
	assert.Equal(t, "2026-03-31", st.Due.String())
}

// Issue 15 item 9: a plan past its period reports what was finished and
// what was carried over, and to which plan, instead of escalations.
func TestCloseOut(t *testing.T) {
	tasks := firstFive(t)
	o := Options{End: planEnd}
	_, err := tasks[0].Record(Entry{Kind: Apply, Date: date(t, "2025-12-20"), Unit: "区数据局", RecordedAt: at(t, "2025-12-20", 9, 0), Evidence: []string{"清单.xlsx"}}, o)
	require.NoError(t, err)
	_, err = tasks[0].Record(Entry{Kind: Approve, Date: date(t, "2025-12-22"), Unit: "区营商局", RecordedAt: at(t, "2025-12-22", 9, 0), Ref: 1}, o)
	require.NoError(t, err)
	_, err = tasks[2].Record(Entry{Kind: CarryOver, Date: date(t, "2025-12-30"), Unit: "区营商局", RecordedAt: at(t, "2025-12-30", 9, 0),
		Reason: "工改系统省级升级延至2026年", To: "铁西区2026年优化营商环境实施方案"}, o)
	require.NoError(t, err)
	_, err = tasks[2].Record(Entry{Date: date(t, "2026-01-05"), Unit: "区住建局", Percent: pct(90)}, o)
	assert.ErrorIs(t, err, ErrInvalidEntry, "nothing follows a carry-over")
	require.NoError(t, tasks[4].SetStatus(Cancelled))

	s, err := Actions(tasks, date(t, "2026-01-05"), o, nil)
	require.NoError(t, err)
	assert.True(t, s.Ended)
	assert.Empty(t, s.Actions, "no escalations after the plan's end")
	c := CloseOutOf(tasks, date(t, "2026-01-05"), o)
	require.Len(t, c.Finished, 1)
	assert.Equal(t, "2025-12-22", c.Finished[0].Date.String())
	require.Len(t, c.CarriedOver, 1)
	assert.Equal(t, "铁西区2026年优化营商环境实施方案", c.CarriedOver[0].To)
	assert.Len(t, c.Unfinished, 2)
	assert.Len(t, c.Cancelled, 1)
	assert.Equal(t, CarriedOver, tasks[2].State())
}
