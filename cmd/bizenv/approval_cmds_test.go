package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hvPaused is hvCase of main_test.go: a 补正 pause from Monday 09-29 11:00
// to 10-09 15:00, 2 working days 4 hours in working time.
const hvPaused = `{"id": "HV-1", "process": "power-high-voltage", "unit": "国网鞍山供电公司", "events": [
 {"at": "2025-09-26T09:00:00+08:00", "kind": "submitted"},
 {"at": "2025-09-26T10:00:00+08:00", "kind": "accepted"},
 {"at": "2025-09-29T11:00:00+08:00", "kind": "paused", "reason": "补正"},
 {"at": "2025-10-09T15:00:00+08:00", "kind": "resumed"}]}`

// Issue 16 items 2 and 5: --at takes an instant, a date (its end) or
// today; pauses are counted in working hours and named.
func TestApprovalStatusAt(t *testing.T) {
	r := bizenv(t, hvPaused, "approval", "status", "-", "--at", "2025-10-14T10:00:00+08:00")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "2025-11-04 13:00", "20 working days and the 20 working hours paused")
	assert.Contains(t, r.stdout, "4工作日5小时")
	assert.Contains(t, r.stdout, "补正暂停 2工作日4小时（09-29 11:00–17:00、09-30 全天、10-09 09:00–15:00）")

	r = bizenv(t, hvPaused, "approval", "status", "-", "--at", "2025-10-14")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2025-10-14 23:59", "a date means the end of that day")
	assert.Contains(t, r.stdout, "5工作日4小时")

	r = bizenvAt(t, time.Date(2025, 10, 14, 10, 0, 0, 0, calendar.Beijing()), hvPaused, "approval", "status", "-", "--at", "today")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2025-10-14 10:00")

	// Before the case existed: said so, not timed.
	r = bizenv(t, hvPaused, "approval", "status", "-", "--at", "2025-09-01")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "尚未提交")
	assert.Contains(t, r.stdout, "had not been submitted")
	r = bizenv(t, hvPaused, "approval", "status", "-", "--at", "2025-09-01", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"not_submitted": true`)

	for _, bad := range []string{"yesterday", "2025-13-01", "10:00"} {
		r = bizenv(t, hvPaused, "approval", "status", "-", "--at", bad)
		assert.Equal(t, 2, r.code, bad)
		assert.Contains(t, r.stderr, "RFC 3339", bad)
	}
}

// Issue 16 items 4 and 7: both limits side by side, the compression, and
// the deemed acceptance of 行政许可法 第三十二条.
func TestApprovalStatusLimitsSideBySide(t *testing.T) {
	const pr = `{"id": "P-1", "process": "property-registration", "events": [
	 {"at": "2025-06-02T09:00:00+08:00", "kind": "submitted"},
	 {"at": "2025-06-02T09:00:00+08:00", "kind": "accepted"},
	 {"at": "2025-06-04T17:00:00+08:00", "kind": "finished"}]}`
	r := bizenv(t, pr, "approval", "status", "-", "--at", "2025-06-10")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "全程（承诺）overall")
	assert.Contains(t, r.stdout, "全程（法定）statutory")
	assert.Contains(t, r.stdout, "2025-07-14", "不动产登记暂行条例 第二十条: 30 working days")
	assert.Contains(t, r.stdout, "压缩 93.33%")
	assert.Contains(t, r.stdout, "承诺时限较法定时限压缩 90.00%")

	const licence = `{"id": "XK-1", "process": "administrative-licence", "events": [
	 {"at": "2025-03-03T09:00:00+08:00", "kind": "submitted"}]}`
	r = bizenv(t, licence, "approval", "status", "-", "--at", "2025-03-11")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "自收到申请材料之日 2025-03-03 起即为受理（行政许可法 第三十二条）")
	assert.Contains(t, r.stdout, "2025-03-31")

	r = bizenv(t, licence, "approval", "status", "-", "--at", "2025-03-11", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Acceptance struct {
			Deemed    bool   `json:"deemed"`
			NoticeDue string `json:"notice_due"`
		} `json:"acceptance"`
		Statutory struct {
			Basis  string `json:"basis"`
			Due    string `json:"due"`
			Status string `json:"status"`
		} `json:"statutory"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.True(t, rep.Acceptance.Deemed)
	assert.Equal(t, "2025-03-10", rep.Acceptance.NoticeDue)
	assert.Equal(t, "statutory", rep.Statutory.Basis)
	assert.Equal(t, "2025-03-31", rep.Statutory.Due)
}

// Issue 12: a due date in a year without a notice is named, not an error;
// --provisional answers and says 暂定.
func TestApprovalStatusUnknownYear(t *testing.T) {
	const tx = `{"id": "TX-1", "process": "tax-deregistration-general", "events": [
	 {"at": "2027-12-21T09:00:00+08:00", "kind": "submitted"},
	 {"at": "2027-12-21T09:00:00+08:00", "kind": "accepted"}]}`
	r := bizenv(t, tx, "approval", "status", "-", "--at", "2027-12-23T10:00:00+08:00")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "待2028年通知 / needs the 2028 notice")
	assert.Contains(t, r.stdout, "1工作日1小时", "the elapsed time is known")
	r = bizenv(t, tx, "approval", "status", "-", "--at", "2027-12-23T10:00:00+08:00", "--provisional")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "2028-01-05 24:00（暂定 provisional）")
	assert.Contains(t, r.stdout, "暂定：2028年尚无国务院节假日通知")
}

func TestApprovalCatalogAndStats(t *testing.T) {
	r := bizenv(t, "", "approval", "catalog")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "complaint-12345  12345 营商环境投诉（一般案件，高新区）  时限 3日")
	assert.Contains(t, r.stdout, "适用 / jurisdiction: 鞍山高新技术产业开发区；有效期 / in force: 2022-01-01 至 2022-12-31")
	assert.Contains(t, r.stdout, "administrative-licence  行政许可（一般程序）  时限 —（法定 20工作日）（可延长一次，至多 10工作日）")
	assert.Contains(t, r.stdout, "3个环节（原文未列名称）")

	const done = `{"id": "P-1", "process": "property-registration", "unit": "区不动产登记中心", "events": [{"at": "2025-06-02T09:00:00+08:00", "kind": "submitted"}, {"at": "2025-06-02T09:00:00+08:00", "kind": "accepted"}, {"at": "2025-06-04T17:00:00+08:00", "kind": "finished"}]}`
	r = bizenv(t, done+"\n"+done+"\n", "approval", "stats", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "93.33%", "compression against 30 working days")
	r = bizenv(t, done+"\n{\"id\":\"x\",\"id\":\"y\"}\n", "approval", "stats", "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "line 2")
}
