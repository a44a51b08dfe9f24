package calendar

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each case names the article that decides it.
func TestDeadlineUnder(t *testing.T) {
	c := China()
	tests := []struct {
		name          string
		law           Law
		start, period string
		want          string
		counted       string
		article       string // the law's own article, "" when the general rule decides
		rolledFrom    string
	}{
		// 行政处罚法 第八十五条: “五日” is five working days (the example):
		// 10-01 to 10-07 are the National Day break, 10-10 (a Saturday) is worked.
		{"行政处罚法 第八十五条 五日", PenaltyLaw, "2026-09-30", "5日", "2026-10-13", "5工作日", "第八十五条", ""},
		{"行政处罚法 第八十五条 二日", PenaltyLaw, "2026-09-30", "2日", "2026-10-09", "2工作日", "第八十五条", ""},
		// 第八十五条 names 二、三、五、七日 only: fifteen days are natural days.
		{"行政处罚法 十五日 按一般规则", PenaltyLaw, "2026-09-30", "15日", "2026-10-15", "15日", "", ""},
		// Before the 2021 revision took effect (2021-07-15) 第八十五条 did not apply.
		{"行政处罚法 第八十五条 施行前", PenaltyLaw, "2021-07-01", "5日", "2021-07-06", "5日", "", ""},
		// 民法典 第二百零三条: five natural days end on 10-05, a holiday: the next working day.
		{"民法典 第二百零三条 顺延", CivilCode, "2026-09-30", "5日", "2026-10-08", "5日", "", "2026-10-05"},
		// 行政强制法 第六十九条: “十日以内” are working days; eleven days are not
		// (10-11 is a Sunday).
		{"行政强制法 第六十九条 十日", CompulsionLaw, "2026-09-30", "10日", "2026-10-20", "10工作日", "第六十九条", ""},
		{"行政强制法 十一日 按一般规则", CompulsionLaw, "2026-09-30", "11日", "2026-10-12", "11日", "", "2026-10-11"},
		// 行政许可法 第八十二条: the organ's periods are working days.
		{"行政许可法 第八十二条 二十日", LicensingLaw, "2025-09-26", "20日", "2025-10-30", "20工作日", "第八十二条", ""},
		// 行政复议法 (1999) 第四十条: “五日”“七日” only; three days end on 09-30,
		// in the National Day break.
		{"行政复议法 第四十条 五日", ReconsiderationLaw, "2023-09-27", "5日", "2023-10-10", "5工作日", "第四十条", ""},
		{"行政复议法 第四十条 三日 按一般规则", ReconsiderationLaw, "2023-09-27", "3日", "2023-10-07", "3日", "", "2023-09-30"},
		// 行政复议法 (2023) 第八十八条, from 2024-01-01: “三日”“五日”“七日”“十日”.
		{"行政复议法 第八十八条 三日", ReconsiderationLaw, "2024-09-27", "3日", "2024-10-08", "3工作日", "第八十八条", ""},
		{"行政复议法 第八十八条 十日", ReconsiderationLaw, "2024-09-27", "10日", "2024-10-16", "10工作日", "第八十八条", ""},
		{"行政复议法 十五日 顺延", ReconsiderationLaw, "2025-09-16", "15日", "2025-10-09", "15日", "", "2025-10-01"},
		// A period already written in working days is counted as written.
		{"工作日 按原文", CivilCode, "2025-09-30", "5工作日", "2025-10-14", "5工作日", "", ""},
		// 民法典 第二百零二条 and 第二百零三条: the corresponding day, then the next working day.
		{"民法典 第二百零二条 月", PenaltyLaw, "2025-09-01", "1个月", "2025-10-09", "1个月", "", "2025-10-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePeriod(tt.period)
			require.NoError(t, err)
			r, err := c.DeadlineUnder(tt.law, mustDate(t, tt.start), p)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Deadline.String())
			assert.Equal(t, tt.counted, r.Counted.String())
			assert.Equal(t, p, r.Period)
			require.NotEmpty(t, r.Articles)
			if tt.article != "" {
				assert.Equal(t, tt.law, r.Articles[0].Law)
				assert.Equal(t, tt.article, r.Articles[0].Number)
				assert.Contains(t, strings.Join(r.Explain(), "\n"), tt.article)
			} else {
				assert.Equal(t, CivilCode, r.Articles[0].Law, "the general rule decides")
			}
			if tt.rolledFrom != "" {
				assert.Equal(t, tt.rolledFrom, r.RolledFrom.String())
				assert.Equal(t, "第二百零三条", r.Articles[len(r.Articles)-1].Number)
			} else {
				assert.True(t, r.RolledFrom.IsZero())
			}
			// Without a law's own article, the answer is Deadline's.
			if tt.article == "" {
				due, err := c.Deadline(mustDate(t, tt.start), p)
				require.NoError(t, err)
				assert.Equal(t, due, r.Deadline)
			}
			assert.False(t, r.Provisional)
		})
	}
}

func TestDeadlineUnderErrors(t *testing.T) {
	c := China()
	// 行政强制法 took effect on 2012-01-01.
	_, err := c.DeadlineUnder(CompulsionLaw, mustDate(t, "2011-12-30"), Period{5, Days})
	assert.ErrorIs(t, err, ErrNotInForce)
	assert.Contains(t, err.Error(), "2012-01-01")
	_, err = c.DeadlineUnder(Law(9), mustDate(t, "2025-01-01"), Period{5, Days})
	assert.ErrorIs(t, err, ErrUnknownLaw)
	_, err = c.DeadlineUnder(PenaltyLaw, mustDate(t, "2025-01-01"), Period{-1, Days})
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = c.DeadlineUnder(PenaltyLaw, mustDate(t, "2025-01-01"), Period{24, Hours})
	assert.ErrorIs(t, err, ErrInvalidPeriod, "hours need DeadlineAt")
	_, err = c.DeadlineUnder(PenaltyLaw, mustDate(t, "2028-12-28"), Period{5, Days})
	assert.ErrorIs(t, err, ErrUnknownYear)

	prov, err := c.WithProvisional()
	require.NoError(t, err)
	r, err := prov.DeadlineUnder(PenaltyLaw, mustDate(t, "2028-09-29"), Period{5, Days})
	require.NoError(t, err)
	assert.True(t, r.Provisional)
	assert.Contains(t, strings.Join(r.Explain(), "\n"), "暂定")
}

func TestLawNames(t *testing.T) {
	for _, l := range Laws() {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back Law
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
		for _, s := range []string{l.String(), "《" + l.String() + "》", "中华人民共和国" + l.String(), l.English(), strings.ToUpper(l.English())} {
			got, err := ParseLaw(s)
			require.NoError(t, err, s)
			assert.Equal(t, l, got, s)
		}
		assert.False(t, l.InForce().IsZero())
	}
	for s, want := range map[string]Law{"penalty": PenaltyLaw, "civil": CivilCode, "ｃｏｍｐｕｌｓｉｏｎ": CompulsionLaw} {
		got, err := ParseLaw(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got)
	}
	for _, bad := range []string{"", "刑法", "行政诉讼法", "penal"} {
		_, err := ParseLaw(bad)
		assert.ErrorIs(t, err, ErrUnknownLaw, bad)
	}
	assert.Equal(t, "Law(9)", Law(9).String())
	assert.Equal(t, "Law(9)", Law(9).English())
	_, err := Law(9).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownLaw)
	assert.True(t, Law(9).InForce().IsZero())

	r, err := China().DeadlineUnder(PenaltyLaw, mustDate(t, "2026-09-30"), Period{5, Days})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"law":"行政处罚法"`)
	assert.Contains(t, string(b), `"counted":"5工作日"`)
	assert.Contains(t, string(b), `"article":"第八十五条"`)
}
