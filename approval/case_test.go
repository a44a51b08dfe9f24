package approval

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReplayRejects(t *testing.T) {
	p := proc(t, "power-high-voltage")
	base := []Event{
		{At: at(t, "2025-09-26T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-09-26T10:00:00+08:00"), Kind: Accepted},
	}
	later := at(t, "2025-09-27T10:00:00+08:00")
	tests := []struct {
		name  string
		extra []Event
		want  error
		text  string
	}{
		{"resume without pause", []Event{{At: later, Kind: Resumed}}, ErrInvalidEvent, "resumed without a pause"},
		{"out of order", []Event{{At: at(t, "2025-09-25T10:00:00+08:00"), Kind: Visit}}, ErrInvalidEvent, "before the previous"},
		{"finish twice", []Event{{At: later, Kind: Finished}, {At: later, Kind: Finished}}, ErrInvalidEvent, "has ended"},
		{"unknown stage", []Event{{At: later, Kind: StageStarted, Stage: "勘察"}}, ErrUnknownStage, "勘察"},
		{"pause without reason", []Event{{At: later, Kind: Paused}}, ErrInvalidEvent, "needs a reason"},
		{"pause with an unknown reason", []Event{{At: later, Kind: Paused, Reason: 99}}, ErrInvalidEvent, "needs a reason"},
		{"finish while paused", []Event{{At: later, Kind: Paused, Reason: Correction}, {At: later, Kind: Finished}}, ErrInvalidEvent, "while paused"},
		{"two stages at once", []Event{{At: later, Kind: StageStarted, Stage: "申请受理"}, {At: later, Kind: StageStarted, Stage: "装表接电"}}, ErrInvalidEvent, "has not finished"},
		{"stage twice", []Event{{At: later, Kind: StageStarted, Stage: "申请受理"}, {At: later, Kind: StageFinished, Stage: "申请受理"}, {At: later, Kind: StageStarted, Stage: "申请受理"}}, ErrInvalidEvent, "already run"},
		{"accepted twice", []Event{{At: later, Kind: Accepted}}, ErrInvalidEvent, "accepted twice"},
		{"correction notice after acceptance", []Event{{At: later, Kind: CorrectionNotice}}, ErrInvalidEvent, "before acceptance"},
		{"no time", []Event{{Kind: Visit}}, ErrInvalidEvent, "no time"},
		{"year 0", []Event{{At: time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), Kind: Visit}}, ErrInvalidEvent, "outside years 1 to 9999"},
		{"extension on a process that allows none", []Event{{At: later, Kind: Extended, Extension: &calendar.Period{N: 1, Unit: calendar.Workdays}, By: "x", Note: "y"}}, ErrInvalidEvent, "allows no extension"},
		{"negative materials", []Event{{At: later, Kind: Materials, Count: -1}}, ErrInvalidEvent, "negative"},
		{"unknown kind", []Event{{At: later, Kind: 99}}, ErrInvalidEvent, "unknown event kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{ID: "X-9", Process: p.ID, Events: append(append([]Event{}, base...), tt.extra...)}
			_, err := Replay(c, p)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var ee *EventError
			require.True(t, errors.As(err, &ee))
			assert.Equal(t, "X-9", ee.Case)
			assert.Contains(t, err.Error(), tt.text)
			assert.Contains(t, err.Error(), "X-9")
		})
	}
	_, err := Replay(&Case{ID: "X", Process: p.ID}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{ID: "X", Process: "water-small", Events: base}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{Process: p.ID, Events: base}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{ID: "X", Process: p.ID, Events: base[1:]}, p)
	assert.ErrorIs(t, err, ErrInvalidEvent, "the first event must be submitted")

	// Append keeps the log unchanged on a rejected event.
	c := &Case{ID: "A-1", Process: p.ID, Events: append([]Event{}, base...)}
	require.Error(t, c.Append(p, Event{At: later, Kind: Resumed}))
	assert.Len(t, c.Events, 2)
	require.NoError(t, c.Append(p, Event{At: later, Kind: Paused, Reason: ExpertReview}))
	assert.Len(t, c.Events, 3)
}

// Issue 13 item 6: the log is append-only in fact. Appending to a copy of
// a case leaves the original's events as they were; a rejected append
// writes nothing; the extension a caller passed cannot be changed after
// the fact.
func TestAppendOnlyInFact(t *testing.T) {
	p := proc(t, "administrative-licence")
	t0 := at(t, "2025-03-03T09:00:00+08:00")
	orig := &Case{ID: "AO-1", Process: p.ID}
	require.NoError(t, orig.Append(p, Event{At: t0, Kind: Submitted}))
	require.NoError(t, orig.Append(p, Event{At: t0, Kind: Accepted}))
	// Give the array spare room, as append would, so that a shared array
	// would be overwritten.
	orig.Events = append(make([]Event, 0, 16), orig.Events...)

	copyOf := *orig
	require.NoError(t, copyOf.Append(p, Event{At: t0.Add(time.Hour), Kind: Visit}))
	require.NoError(t, orig.Append(p, Event{At: t0.Add(2 * time.Hour), Kind: Materials, Count: 3}))
	require.Len(t, copyOf.Events, 3)
	require.Len(t, orig.Events, 3)
	assert.Equal(t, Visit, copyOf.Events[2].Kind, "the copy's event was not overwritten by the original's")
	assert.Equal(t, Materials, orig.Events[2].Kind)

	// A rejected append writes nothing, into no array.
	orig.Events = append(make([]Event, 0, 16), orig.Events...)
	spare := orig.Events[:cap(orig.Events)]
	require.Error(t, orig.Append(p, Event{At: t0.Add(3 * time.Hour), Kind: Resumed}))
	assert.Zero(t, spare[3], "nothing was written past the log")
	assert.Len(t, orig.Events, 3)

	// The extension pointer is copied in: 5工作日 stays 5工作日.
	ext := &calendar.Period{N: 5, Unit: calendar.Workdays}
	require.NoError(t, orig.Append(p, Event{At: t0.Add(4 * time.Hour), Kind: Extended, Extension: ext, By: "局长", Note: "情况复杂"}))
	ext.N = 500
	st, err := Replay(orig, p)
	require.NoError(t, err)
	assert.Equal(t, 5, st.Extensions[0].Period.N)
	assert.Equal(t, 5, orig.Events[3].Extension.N)
	// ... and copied out by Clone.
	cl := orig.Clone()
	cl.Events[3].Extension.N = 9
	assert.Equal(t, 5, orig.Events[3].Extension.N)
	// The state shares nothing with the case.
	st.Extensions[0].Period.N = 7
	assert.Equal(t, 5, orig.Events[3].Extension.N)
}

// Run with -race: appending to copies of one case from many goroutines
// writes no shared memory.
func TestAppendToCopiesConcurrently(t *testing.T) {
	p := proc(t, "power-high-voltage")
	base := highVoltage(t)
	base.Events = append(make([]Event, 0, 64), base.Events...)
	var wg sync.WaitGroup
	results := make([]*Case, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := *base
			for j := range 10 {
				if err := c.Append(p, Event{At: at(t, "2025-10-10T09:00:00+08:00").Add(time.Duration(i*10+j) * time.Minute), Kind: Visit, Note: string(rune('a' + i))}); err != nil {
					t.Error(err)
					return
				}
			}
			results[i] = &c
		}()
	}
	wg.Wait()
	assert.Len(t, base.Events, 8)
	for i, c := range results {
		require.NotNil(t, c)
		require.Len(t, c.Events, 18)
		for _, e := range c.Events[8:] {
			assert.Equal(t, string(rune('a'+i)), e.Note)
		}
	}
}
