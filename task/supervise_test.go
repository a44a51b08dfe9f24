package task

import (
	"encoding/json"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12: one unknown date never fails a batch.
func TestActionsNeverFailForOneUnknownYear(t *testing.T) {
	mk := func(n, due string) *Task {
		return &Task{ID: NewID("某区方案", n), Number: n, Title: "任务" + n, Responsibility: Responsibility{Lead: []string{"区数据局"}}, Deadline: dl(t, due)}
	}
	t2027, t2029 := mk("1", "2027年7月20日前"), mk("2", "2029年6月30日前")
	end := date(t, "2030-12-31")
	s, err := Actions([]*Task{t2029, t2027}, date(t, "2027-07-15"), Options{End: end}, nil)
	require.NoError(t, err)
	require.Len(t, s.Actions, 1, "the 2027 task is answered")
	assert.Equal(t, Remind, s.Actions[0].Kind)
	assert.Equal(t, "1", s.Actions[0].Number)
	assert.False(t, s.Actions[0].Provisional)
	require.Len(t, s.Undatable, 1, "the 2029 task is listed, not an error for the whole call")
	u := s.Undatable[0]
	assert.Equal(t, "2", u.Number)
	assert.Equal(t, []int{2028, 2029}, u.Years, "the years the calendar must know")
	assert.Equal(t, "2029-06-30", u.Due.String())
	assert.Contains(t, u.MessageZh, "2028、2029年")
	assert.Contains(t, u.MessageEn, "2028, 2029")
	assert.ErrorIs(t, u.Err, calendar.ErrUnknownYear)
	assert.Contains(t, u.String(), "2: ")

	b, err := json.Marshal(s)
	require.NoError(t, err)
	var back Supervision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s.Actions, back.Actions)
	assert.Equal(t, []int{2028, 2029}, back.Undatable[0].Years)

	// The same holds for the other functions over many tasks.
	late, un := Overdue([]*Task{t2029, t2027}, date(t, "2027-07-21"), Options{End: end})
	require.Len(t, late, 1)
	assert.Equal(t, "1", late[0].Number)
	require.Len(t, un, 1)
	board, err := Lights([]*Task{t2029, t2027}, date(t, "2027-07-21"), Options{End: end})
	require.NoError(t, err)
	assert.Len(t, board.Tasks, 1)
	assert.Len(t, board.Undatable, 1)

	// With the provisional calendar the 2029 task is dated, and a reminder
	// counted over a provisional year says so.
	prov, err := calendar.China().WithProvisional()
	require.NoError(t, err)
	s, err = Actions([]*Task{t2029, t2027}, date(t, "2027-07-15"), Options{End: end, Calendar: prov}, nil)
	require.NoError(t, err)
	assert.Empty(t, s.Undatable)
	require.Len(t, s.Actions, 1)
	t2028 := mk("3", "2028年1月4日前")
	s, err = Actions([]*Task{t2028}, date(t, "2027-12-30"), Options{End: end, Calendar: prov}, nil)
	require.NoError(t, err)
	require.Len(t, s.Actions, 1)
	assert.True(t, s.Actions[0].Provisional)
	assert.Contains(t, s.Actions[0].MessageZh, "暂定：2028年")
	assert.Contains(t, s.Actions[0].MessageEn, "provisional: no holiday notice for 2028")
	s, err = Actions([]*Task{t2028}, date(t, "2027-12-30"), Options{End: end}, nil)
	require.NoError(t, err)
	require.Len(t, s.Undatable, 1)
	assert.Equal(t, []int{2028}, s.Undatable[0].Years)
}
