package task

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15 item 5: 红黄绿灯 per task and unit as of a date, "时间过半、任务过半".
func TestLights(t *testing.T) {
	o := tiexiOptions(t)
	tasks := firstFive(t)
	two, three := tasks[1], tasks[2] // 年底前 (区数据局); 3 has no deadline: the plan's end (区住建局、区数据局 jointly)
	_, err := two.Ledger.Append(Entry{Date: date(t, "2025-09-01"), Unit: "区数据局", Percent: pct(40)})
	require.NoError(t, err)
	_, err = three.Ledger.Append(Entry{Date: date(t, "2025-09-01"), Unit: "区住建局", Percent: pct(70)})
	require.NoError(t, err)
	_, err = three.Ledger.Append(Entry{Date: date(t, "2025-09-01"), Unit: "区数据局", Percent: pct(20)})
	require.NoError(t, err)

	tl, err := two.LightOf(date(t, "2025-09-10"), o)
	require.NoError(t, err)
	assert.Equal(t, Yellow, tl.Light, "51.7% of the time gone, 40% done")
	assert.Equal(t, "51.7", tl.Elapsed.Decimal.String())
	assert.Equal(t, "时间已过51.7%，进度仅40%", tl.ReasonZh)

	tl, err = three.LightOf(date(t, "2025-09-10"), o)
	require.NoError(t, err)
	require.Len(t, tl.Units, 2)
	assert.Equal(t, Green, tl.Units[0].Light, "区住建局 at 70")
	assert.Equal(t, Yellow, tl.Units[1].Light, "区数据局 at 20")
	assert.Equal(t, Yellow, tl.Light, "the task is as its worst unit")
	assert.Contains(t, tl.ReasonZh, "区数据局：")

	// The threshold is the caller's.
	lenient := o
	lenient.Lights.Lag = decimal.NewFromInt(15)
	tl, err = two.LightOf(date(t, "2025-09-10"), lenient)
	require.NoError(t, err)
	assert.Equal(t, Green, tl.Light)

	// Red when late; yellow when due soon with nothing reported.
	tl, err = tasks[4].LightOf(date(t, "2026-01-05"), Options{Start: o.Start, End: date(t, "2026-12-31")})
	require.NoError(t, err)
	assert.Equal(t, Yellow, tl.Light, "item 5 due at the (later) end; nothing reported and more than half the time gone")
	soon := &Task{ID: NewID(tiexiDoc, "s"), Number: "s", Responsibility: Responsibility{Lead: []string{"区数据局"}}, Deadline: dl(t, "2025年10月10日前")}
	tl, err = soon.LightOf(date(t, "2025-09-30"), o)
	require.NoError(t, err)
	assert.Equal(t, Yellow, tl.Light)
	assert.Contains(t, tl.ReasonZh, "尚未报送进展")
	tl, err = soon.LightOf(date(t, "2025-10-13"), o)
	require.NoError(t, err)
	assert.Equal(t, Red, tl.Light)
	assert.Contains(t, tl.ReasonEn, "working days late")
	require.NoError(t, soon.SetStatus(Suspended))
	tl, err = soon.LightOf(date(t, "2025-10-13"), o)
	require.NoError(t, err)
	assert.Equal(t, NoLight, tl.Light, "a suspended task has no light")

	b, err := Lights(tasks, date(t, "2025-09-10"), o)
	require.NoError(t, err)
	assert.Len(t, b.Tasks, 5)
	assert.Equal(t, 5, b.Green+b.Yellow+b.Red)
	out, err := json.Marshal(b)
	require.NoError(t, err)
	var back Board
	require.NoError(t, json.Unmarshal(out, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(out), string(again))

	_, err = Lights(tasks, date(t, "2025-09-10"), Options{Lights: LightRules{DueSoon: -1}})
	assert.ErrorIs(t, err, ErrInvalidRules)
}
