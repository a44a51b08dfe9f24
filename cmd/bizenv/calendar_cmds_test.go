package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at runs the command line at a given instant.
func bizenvAt(t *testing.T, when time.Time, stdin string, args ...string) result {
	t.Helper()
	var out, errb strings.Builder
	code := run(args, strings.NewReader(stdin), &out, &errb, when)
	return result{code, out.String(), errb.String()}
}

// The clock past 2026: the examples of issue 12.
func TestClockPastTheYearEnd(t *testing.T) {
	dec := time.Date(2026, 12, 10, 10, 0, 0, 0, beijing)
	r := bizenvAt(t, dec, "", "workday", "add", "2026-12-10", "20")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2027-01-08\n", r.stdout, "元旦 2027 (1–3 January) skipped")
	assert.Empty(t, r.stderr, "2027 is confirmed; no warning a year ahead of the horizon")

	r = bizenvAt(t, dec, "", "holidays", "2027")
	require.Equal(t, 0, r.code, r.stderr)
	for _, want := range []string{"全年工作日 248 天", "春节             2027-02-05 至 2027-02-13  共9天  调休上班 2027-01-31（星期日）、2027-02-14（星期日）",
		"国庆节           2027-10-01 至 2027-10-07  共7天  调休上班 2027-09-26（星期日）、2027-10-09（星期六）",
		"未与通知原文核对", "lunar-go v1.4.7", "confirmed by notices up to 2027-12-31"} {
		assert.Contains(t, r.stdout, want)
	}
	r = bizenvAt(t, dec, "", "holidays", "2026", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var v struct {
		Provenance struct {
			DocNumber string `json:"doc_number"`
			Checked   bool   `json:"checked"`
		} `json:"provenance"`
		Horizon struct {
			Confirmed string `json:"confirmed"`
		} `json:"horizon"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	assert.Equal(t, "国办发明电〔2025〕7号", v.Provenance.DocNumber)
	assert.True(t, v.Provenance.Checked)
	assert.Equal(t, "2027-12-31", v.Horizon.Confirmed)
}

func TestProvisionalFlag(t *testing.T) {
	r := bizenv(t, "", "workday", "is", "2028-01-25", "--provisional")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "2028-01-25\t非工作日 day-off\t节假日\t春节（除夕）\t暂定")
	assert.Contains(t, r.stdout, "provisional: no State Council notice for 2028 yet")

	r = bizenv(t, "", "deadline", "2028-09-20", "20工作日", "--provisional")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2028-10-24\t暂定：2028年尚无国务院通知，按法定节假日推算 / provisional: no State Council notice for 2028 yet; from the statutory holidays\n", r.stdout)
	assert.Contains(t, r.stderr, "provisional until the next notice")

	r = bizenv(t, "", "deadline", "2028-09-20", "20工作日", "--provisional", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var v struct {
		Deadline    string `json:"deadline"`
		Provisional bool   `json:"provisional"`
		Years       []int  `json:"provisional_years"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	assert.Equal(t, "2028-10-24", v.Deadline)
	assert.True(t, v.Provisional)
	assert.Equal(t, []int{2028}, v.Years)

	for _, args := range [][]string{{"workday", "is", "2028-01-25"}, {"deadline", "2028-09-20", "20工作日"}, {"workday", "between", "2027-12-01", "2028-01-10"}} {
		r = bizenv(t, "", args...)
		assert.Equal(t, 2, r.code, args)
		assert.Contains(t, r.stderr, "no holiday arrangement for 2028", args)
		assert.Contains(t, r.stderr, "--provisional", "the error names both ways out")
		assert.Contains(t, r.stderr, "--calendar")
		assert.NotContains(t, r.stderr, "Calendar.Merge", "a CLI user is not told about Go API")
	}

	// Within the confirmed years, --provisional changes nothing and marks nothing.
	r = bizenv(t, "", "workday", "add", "2025-09-30", "5", "--provisional")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2025-10-14\n", r.stdout)
}

func TestHorizonWarning(t *testing.T) {
	r := bizenv(t, "", "workday", "add", "2027-11-20", "5")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2027-11-26\n", r.stdout, "the answer itself is on standard output alone")
	assert.Contains(t, r.stderr, "confirmed by notices up to 2027-12-31")
	r = bizenv(t, "", "workday", "add", "2027-09-01", "5")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stderr, "more than 60 days before the horizon")
	r = bizenvAt(t, time.Date(2027, 11, 15, 9, 0, 0, 0, beijing), "", "holidays")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "2027-11-15 is within 60 days", "today is near the horizon")
}

// TestHolidaysImport turns each notice text in ../shared/notices into the
// overlay JSON, loads it back with --calendar, and gets the same answers as
// the built-in calendar.
func TestHolidaysImport(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "notices")
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/notices is not beside the repository")
	}
	// Import every notice in order, as a clerk would year after year, each
	// with the ones before loaded (the 2020 extension needs the 2020 break
	// it extends), then answer every year from the imported files alone.
	tmp := t.TempDir()
	var loaded []string
	for y := 2010; y <= 2026; y++ {
		names := []string{strconvItoa(y)}
		if y == 2015 || y == 2019 || y == 2020 {
			names = append(names, strconvItoa(y)+"-extra")
		}
		for _, name := range names {
			args := []string{"holidays", "import", filepath.Join(dir, name+".txt")}
			for _, f := range loaded {
				args = append(args, "--calendar", f)
			}
			r := bizenv(t, "", args...)
			require.Equal(t, 0, r.code, "%s: %s", name, r.stderr)
			var o struct {
				Source  string `json:"source"`
				Years   []int  `json:"years"`
				Checked bool   `json:"checked"`
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &o))
			assert.True(t, o.Checked, name)
			if !strings.Contains(name, "extra") {
				assert.Equal(t, []int{y}, o.Years, name)
			}
			file := filepath.Join(tmp, name+".json")
			require.NoError(t, os.WriteFile(file, []byte(r.stdout), 0o644))
			loaded = append(loaded, file)
		}
	}
	for y := 2010; y <= 2026; y++ {
		args := []string{"holidays", strconvItoa(y), "--format", "json"}
		builtin := bizenv(t, "", args...)
		for _, f := range loaded {
			args = append(args, "--calendar", f)
		}
		with := bizenv(t, "", args...)
		require.Equal(t, 0, with.code, with.stderr)
		assert.JSONEq(t, stripProvenance(t, builtin.stdout), stripProvenance(t, with.stdout), "%d", y)
	}
	r := bizenv(t, "", "holidays", "import", filepath.Join(dir, "2009.txt"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "line 14")
	assert.Contains(t, r.stderr, "truncated")

	// A damaged text: a weekday that does not match its date.
	damaged := "国务院办公厅关于2031年部分节假日安排的通知\n一、元旦：1月1日（周四）放假1天。\n"
	r = bizenv(t, damaged, "holidays", "import", "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "line 2")
	assert.Contains(t, r.stderr, "is a Wednesday, not 周四")
}

func stripProvenance(t *testing.T, s string) string {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &m))
	delete(m, "provenance")
	delete(m, "horizon")
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

func strconvItoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func TestMessagesAreBilingual(t *testing.T) {
	r := bizenv(t, "", "workday", "is", "2025-01-01", "--bogus")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "未知参数 -bogus / flag provided but not defined: -bogus")
	r = bizenv(t, "", "workday", "is", "--format")
	assert.Contains(t, r.stderr, "参数缺少取值")
	r = bizenv(t, "", "holidays", "9999")
	assert.Contains(t, r.stderr, "beyond what --provisional answers", "9999 is not a year a notice will come for")
	assert.NotContains(t, r.stderr, "once that year's notice is out")
	r = bizenv(t, "", "holidays", "1990")
	assert.Contains(t, r.stderr, "before the first year the calendar holds")
	r = bizenv(t, "", "holidays", "0")
	assert.Contains(t, r.stderr, "YEAR must be a year from 1 to 9999")
}
