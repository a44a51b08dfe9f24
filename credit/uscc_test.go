package credit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13, item 12: an error names the input once, not twice, and a huge
// input by its start only.
func TestUSCCErrorNamesTheInputOnce(t *testing.T) {
	_, err := ParseUSCC("91350100M000100Y44")
	require.Error(t, err)
	assert.Equal(t, 1, strings.Count(err.Error(), "91350100M000100Y44"), err.Error())
	assert.Contains(t, err.Error(), "统一社会信用代码无效 / invalid unified social credit code")

	long := strings.Repeat("9", 1<<20)
	_, err = ParseUSCC(long)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 300, "a megabyte of input is named by its start")
	assert.Contains(t, err.Error(), "…")
	assert.Contains(t, err.Error(), "got 1048576")
	var ue *USCCError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, long, ue.Input, "the error keeps the whole input for programs")
}

// Issue 16, item 15 (GB 32100-2015: 18 characters of a 31-character
// alphabet): a code of 18 characters with a full-width or Chinese
// one among them fails the alphabet rule at that character, not the
// length rule at position 0; positions count characters, not bytes.
func TestParseUSCCCountsCharacters(t *testing.T) {
	tests := []struct {
		name, in, rule string
		pos            int
		want           string
	}{
		{"Chinese last", "91350100M000100Y4中", RuleAlphabet, 18, "'中'"},
		{"full-width digit second", "9１350100M000100Y43", RuleAlphabet, 2, "full-width"},
		{"full-width letter", "91350100Ｍ000100Y43", RuleAlphabet, 9, "full-width"},
		{"ideographic space", "91350100M000100Y4\u3000", RuleAlphabet, 18, "full-width"},
		{"accented letter", "91350100M000100Yé3", RuleAlphabet, 17, "'é'"},
		{"invalid UTF-8 byte", "91350100M000100Y4\xff", RuleAlphabet, 18, "0xFF"},
		{"17 characters, one Chinese", "91350100M000100Y中", RuleLength, 0, "got 17"},
		{"19 characters", "91350100M000100Y43中", RuleLength, 0, "got 19"},
		{"empty", "", RuleLength, 0, "got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseUSCC(tt.in)
			var ue *USCCError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, tt.rule, ue.Rule)
			assert.Equal(t, tt.pos, ue.Position)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), " / ")
		})
	}
}

// Issue 16, item 15: the lenient reader reports a position in the input as
// typed, after removing spaces and folding width.
func TestNormalizeUSCCPositions(t *testing.T) {
	tests := []struct {
		name, in, rule string
		pos            int
	}{
		{"Chinese after spaces", "9135 0100 M000 100Y 4中", RuleAlphabet, 22},
		{"letter O typed for zero", "９１３５０１００Ｍ０００１００Ｙ４O", RuleAlphabet, 18},
		{"wrong check after hyphen", "91350100-M000100Y44", RuleCheck, 19},
		{"invalid byte", "91350100 M000100Y4\xfe", RuleAlphabet, 19},
		{"too short", "9135 0100", RuleLength, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := NormalizeUSCC(tt.in, Options{})
			var ue *USCCError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, tt.rule, ue.Rule)
			assert.Equal(t, tt.pos, ue.Position)
			assert.Equal(t, tt.in, ue.Input, "the error names the input as typed")
		})
	}
	_, _, err := NormalizeUSCC(strings.Repeat(" ", 300)+"91350100M000100Y43", Options{})
	assert.ErrorIs(t, err, ErrInvalidUSCC, "more than 256 bytes is refused, not read")
	u, changes, err := NormalizeUSCC("91350100M000100Y43", Options{})
	require.NoError(t, err)
	assert.Equal(t, "91350100M000100Y43", u.String())
	assert.Nil(t, changes, "a clean code reports no change")
	u, changes, err = NormalizeUSCC("９１３５０１００－Ｍ０００１００ｙ４３", Options{})
	require.NoError(t, err)
	assert.Equal(t, "91350100M000100Y43", u.String())
	assert.Equal(t, []string{noteFolded, noteSpaces, noteRaised}, changes)
}

// Issue 16, item 15: NormalizeUSCC on a clean code costs what ParseUSCC
// costs — no allocation, no tables rebuilt (see BenchmarkUSCC for time).
func TestNormalizeUSCCCleanCodeDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(200, func() {
		u, changes, err := NormalizeUSCC("91350100M000100Y43", Options{})
		if err != nil || changes != nil || u.IsZero() {
			t.Fatal("clean code not read", err)
		}
	})
	assert.Zero(t, allocs)
	allocs = testing.AllocsPerRun(200, func() {
		if _, err := ParseUSCC("91350100M000100Y43"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
