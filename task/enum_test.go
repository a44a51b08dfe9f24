package task

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enum is what every enumerated type of the package implements.
type enum interface {
	fmt.Stringer
	encoding.TextMarshaler
	driver.Valuer
}

// enums lists every value of every enum, and a fresh pointer to read into.
func enums() map[string]struct {
	values []enum
	fresh  func() any
	zh     func(enum) string
} {
	type e = enum
	return map[string]struct {
		values []enum
		fresh  func() any
		zh     func(enum) string
	}{
		"Status":       {[]e{NotStarted, InProgress, Done, Suspended, Cancelled, CarriedOver}, func() any { return new(Status) }, func(v e) string { return v.(Status).Chinese() }},
		"DeadlineKind": {[]e{OnDate, Monthly, Quarterly, Yearly, HalfYearly, Ongoing}, func() any { return new(DeadlineKind) }, func(v e) string { return v.(DeadlineKind).Chinese() }},
		"ActionKind":   {[]e{Remind, Supervise, Summons, PublicNotice, Accountability, Posted}, func() any { return new(ActionKind) }, func(v e) string { return v.(ActionKind).Chinese() }},
		"Role":         {[]e{NoRole, LeadRole, JointRole, Responsible, Supporting}, func() any { return new(Role) }, func(v e) string { return v.(Role).Chinese() }},
		"EntryKind":    {[]e{Report, Apply, Approve, Return, Recheck, Extend, CarryOver}, func() any { return new(EntryKind) }, func(v e) string { return v.(EntryKind).Chinese() }},
		"ReviewState":  {[]e{NotReviewable, Pending, Approved, Returned}, func() any { return new(ReviewState) }, func(v e) string { return v.(ReviewState).Chinese() }},
		"Light":        {[]e{NoLight, Green, Yellow, Red}, func() any { return new(Light) }, func(v e) string { return v.(Light).Chinese() }},
		"Rollup":       {[]e{MeanOfUnits, SlowestUnit, LatestReport}, func() any { return new(Rollup) }, func(v e) string { return v.(Rollup).Chinese() }},
	}
}

// Issue 17 item 5: every enum marshals and unmarshals (text, JSON, and
// the Chinese name), and is stored in a database by its JSON name.
func TestEnumsRoundTrip(t *testing.T) {
	for name, c := range enums() {
		t.Run(name, func(t *testing.T) {
			seen := map[string]bool{}
			for _, v := range c.values {
				text, err := v.MarshalText()
				require.NoError(t, err, "%s %v", name, v)
				assert.Equal(t, v.String(), string(text), "String is the JSON name")
				assert.False(t, seen[string(text)], "names are distinct: %s", text)
				seen[string(text)] = true

				back := c.fresh()
				require.NoError(t, back.(encoding.TextUnmarshaler).UnmarshalText(text))
				assert.Equal(t, v, reflect.ValueOf(back).Elem().Interface(), "text round trip")

				b, err := json.Marshal(v)
				require.NoError(t, err)
				back = c.fresh()
				require.NoError(t, json.Unmarshal(b, back))
				assert.Equal(t, v, reflect.ValueOf(back).Elem().Interface(), "JSON round trip %s", b)

				if zh := c.zh(v); zh != "" {
					back = c.fresh()
					require.NoError(t, back.(encoding.TextUnmarshaler).UnmarshalText([]byte(zh)), zh)
					assert.Equal(t, v, reflect.ValueOf(back).Elem().Interface(), "the Chinese name %s reads", zh)
				}

				dv, err := v.Value()
				require.NoError(t, err)
				assert.Equal(t, string(text), dv, "stored as the JSON name, not the number")
				for _, src := range []any{dv, []byte(dv.(string))} {
					back = c.fresh()
					require.NoError(t, back.(sql.Scanner).Scan(src))
					assert.Equal(t, v, reflect.ValueOf(back).Elem().Interface(), "SQL round trip")
				}
			}
			bad := c.fresh()
			assert.ErrorIs(t, bad.(encoding.TextUnmarshaler).UnmarshalText([]byte("no-such-name")), ErrInvalidValue)
			assert.ErrorIs(t, bad.(sql.Scanner).Scan(int64(1)), ErrInvalidValue, "numbers are not the stored form")
			assert.ErrorIs(t, bad.(sql.Scanner).Scan(nil), ErrInvalidValue, "NULL is for sql.Null")
			// An out-of-range value prints without panicking and does not
			// marshal.
			out := reflect.ValueOf(c.fresh()).Elem()
			out.SetUint(200)
			o := out.Interface().(enum)
			assert.Contains(t, o.String(), "(200)")
			_, err := o.MarshalText()
			assert.ErrorIs(t, err, ErrInvalidValue)
			_, err = o.Value()
			assert.ErrorIs(t, err, ErrInvalidValue)
		})
	}
	// The zero ActionKind and DeadlineKind are no value.
	_, err := ActionKind(0).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = DeadlineKind(0).Value()
	assert.ErrorIs(t, err, ErrInvalidValue)
	var k ActionKind
	require.NoError(t, k.UnmarshalText([]byte("escalate")))
	assert.Equal(t, PublicNotice, k, "the older name of 通报")
}

// Every JSON type of the package round-trips: value -> JSON -> value ->
// the same JSON.
func TestJSONRoundTrips(t *testing.T) {
	tasks, sent := octoberTasks(t)
	o := tiexiOptions(t)
	st, err := tasks[1].Standing(date(t, "2025-11-03"), o)
	require.NoError(t, err)
	_, err = tasks[0].Record(Entry{Kind: Recheck, Date: date(t, "2025-11-05"), Unit: "区营商局", RecordedAt: at(t, "2025-11-05", 9, 0), Reason: "回头看"}, o)
	require.NoError(t, err)
	_, err = tasks[1].Record(Entry{Kind: Extend, Date: date(t, "2025-11-05"), Unit: "区数据局", RecordedAt: at(t, "2025-11-05", 9, 0), Reason: "x", Deadline: dl(t, "2025年12月31日前")}, o)
	require.NoError(t, err)
	co := CloseOutOf(tasks, date(t, "2026-01-05"), Options{End: planEnd})
	rules := DefaultScoreRules()
	rules.Forfeit = []ActionKind{PublicNotice}
	for name, v := range map[string]any{
		"Standing":     &st,
		"CloseOut":     &co,
		"Closure":      ptr(tasks[0].ClosureOf()),
		"Extensions":   ptr(tasks[1].Extensions()),
		"UnitProgress": ptr(tasks[1].UnitProgress(o)),
		"UnitRoles":    ptr(tasks[2].UnitRoles(o)),
		"Actions":      &sent,
		"Rules":        ptr(Rules{RemindBefore: 2, Ladder: DefaultLadder()}),
		"LightRules":   ptr(LightRules{Lag: pct(10), DueSoon: 3}),
		"Policy":       ptr(Policy{NoReview: true, Reviewers: []string{"区营商局"}, OnlyAssigned: true}),
		"ScoreRules":   &rules,
		"Span":         ptr(Span{From: date(t, "2025-10-01"), To: date(t, "2025-10-31"), Name: "2025年10月"}),
	} {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		back := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		require.NoError(t, json.Unmarshal(b, back), "%s: %s", name, b)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(again), name)
	}
}

func ptr[T any](v T) *T { return &v }
