package approval_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
)

func ExampleCatalog() {
	for _, p := range approval.Catalog()[:3] {
		fmt.Println(p.ID, p.Name, p.Promised, p.Statutory, p.Jurisdiction.Name)
	}
	// Output:
	// administrative-licence 行政许可（一般程序） <nil> 20工作日 全国
	// administrative-licence-joint 行政许可（统一办理、联合办理、集中办理） <nil> 45工作日 全国
	// business-startup 企业开办（线下） 1工作日 <nil> 营口市鲅鱼圈区
}

func ExampleCatalogFor() {
	bayuquan, _ := org.ParseRegion("210804")
	for _, day := range []string{"2024-06-01", "2026-11-29"} {
		d, _ := calendar.ParseDate(day)
		ps, _ := approval.CatalogFor(bayuquan, "", d)
		for _, p := range ps {
			if p.Service == "power-high-voltage" || p.Service == "property-registration" {
				fmt.Println(day, p.ID, p.Promised, p.Statutory)
			}
		}
	}
	// Output:
	// 2024-06-01 power-high-voltage 20工作日 <nil>
	// 2024-06-01 property-registration 3工作日 30工作日
	// 2024-06-01 property-registration-law <nil> 30工作日
	// 2026-11-29 property-registration-law <nil> 30工作日
}

func ExampleStatus() {
	p, _ := approval.Lookup("power-high-voltage")
	c, _ := approval.DecodeCase(strings.NewReader(`{"id": "HV-1", "process": "power-high-voltage", "events": [
		{"at": "2025-09-26T09:00:00+08:00", "kind": "submitted"},
		{"at": "2025-09-26T10:00:00+08:00", "kind": "accepted"},
		{"at": "2025-09-29T11:00:00+08:00", "kind": "paused", "reason": "correction"},
		{"at": "2025-10-09T15:00:00+08:00", "kind": "resumed"}]}`))
	at, _ := time.Parse(time.RFC3339, "2025-10-14T10:00:00+08:00")
	r, err := approval.Status(c, &p, at, approval.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := r.Overall
	fmt.Println(o.Limit, o.Due, o.DueAt.Format("15:04"), o.ElapsedText(), o.RemainingText(), o.Status)
	fmt.Println(o.Explanation)
	// Output:
	// 20工作日 2025-11-04 13:00 4工作日5小时 15工作日3小时 on_track
	// 中秋节、国庆节 2025-10-01至2025-10-08 不计；调休上班 2025-09-28（中秋节、国庆节）计入；调休上班 2025-10-11（中秋节、国庆节）计入；补正暂停 2工作日4小时（09-29 11:00–17:00、09-30 全天、10-09 09:00–15:00）
}

// A case whose due date lies in a year with no holiday notice yet: the
// elapsed time is known, the due date waits for the notice, or is given
// provisionally on request.
func ExampleStatus_unknownYear() {
	p, _ := approval.Lookup("tax-deregistration-general") // 10 working days
	t0 := time.Date(2027, 12, 21, 9, 0, 0, 0, calendar.Beijing())
	c := &approval.Case{ID: "TX-1", Process: p.ID, Events: []approval.Event{
		{At: t0, Kind: approval.Submitted}, {At: t0, Kind: approval.Accepted}}}
	asOf := t0.Add(49 * time.Hour) // 12-23 10:00
	r, _ := approval.Status(c, &p, asOf, approval.Options{})
	fmt.Println(r.Overall.ElapsedText(), r.Overall.DueUnknown)
	prov, _ := calendar.China().WithProvisional()
	r, _ = approval.Status(c, &p, asOf, approval.Options{Calendar: prov})
	fmt.Println(r.Overall.Due, r.Overall.Provisional)
	// Output:
	// 1工作日1小时 2028
	// 2028-01-05 true
}

// 行政许可法 第三十二条: an incomplete application not told what to supply
// within five working days counts as accepted on the day it came in.
func ExampleStatus_deemedAcceptance() {
	p, _ := approval.Lookup("administrative-licence")
	t0 := time.Date(2025, 3, 3, 9, 0, 0, 0, calendar.Beijing())
	c := &approval.Case{ID: "XK-1", Process: p.ID, Events: []approval.Event{{At: t0, Kind: approval.Submitted}}}
	r, _ := approval.Status(c, &p, t0.AddDate(0, 0, 10), approval.Options{})
	fmt.Println(r.Acceptance.NoticeDue, r.Acceptance.Deemed, r.Statutory.Due)
	// Output:
	// 2025-03-10 true 2025-03-31
}

func ExampleReplay() {
	p, _ := approval.Lookup("power-high-voltage")
	c := &approval.Case{ID: "HV-2", Process: p.ID}
	t0 := time.Date(2025, 9, 26, 9, 0, 0, 0, calendar.Beijing())
	_ = c.Append(&p, approval.Event{At: t0, Kind: approval.Submitted})
	err := c.Append(&p, approval.Event{At: t0.Add(time.Hour), Kind: approval.Resumed})
	fmt.Println(err)
	fmt.Println(len(c.Events))
	// Output:
	// approval: 办件 HV-2 第1个事件（resumed）无效 / case HV-2 event 1 (resumed) rejected: 未暂停，不能恢复 / resumed without a pause
	// 1
}

func ExampleAlerts() {
	p, _ := approval.Lookup("property-registration") // 3 working days promised, 30 by law
	t0 := time.Date(2025, 9, 29, 9, 0, 0, 0, calendar.Beijing())
	c := &approval.Case{ID: "RE-1", Process: p.ID, Events: []approval.Event{
		{At: t0, Kind: approval.Submitted}, {At: t0, Kind: approval.Accepted}}}
	fired := map[approval.AlertKey]bool{}
	for _, day := range []int{1, 11, 12, 13} { // 15:00 on 09-30, 10-10, 10-11, 10-12
		now := t0.AddDate(0, 0, day).Add(6 * time.Hour)
		alerts, _ := approval.Alerts([]*approval.Case{c}, approval.CatalogProcesses(), now, fired, approval.Options{})
		for _, a := range alerts {
			fmt.Println(now.Format("01-02"), a.Basis, a.Level, "due", a.Due)
			fired[a.AlertKey] = true
		}
	}
	// Output:
	// 10-10 promised warning due 2025-10-10
	// 10-11 promised overdue due 2025-10-10
}

func ExampleParseWorkingHours() {
	h, _ := approval.ParseWorkingHours("08:30-12:00,13:30-17:00")
	fmt.Println(h, h.PerDay())
	var zero approval.WorkingHours
	fmt.Println(zero, zero.PerDay())
	// Output:
	// 08:30-12:00,13:30-17:00 7h0m0s
	// 09:00-17:00 8h0m0s
}
