package approval_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
)

func ExampleCatalog() {
	for _, p := range approval.Catalog()[:3] {
		fmt.Println(p.ID, p.Name, p.Promised)
	}
	// Output:
	// administrative-licence 行政许可（一般程序） 20工作日
	// administrative-licence-joint 行政许可（统一办理、联合办理、集中办理） 45工作日
	// business-startup 企业开办（线下） 1工作日
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
	fmt.Println(o.Limit, o.Due, o.Elapsed, o.Remaining, o.Status)
	fmt.Println(o.Explanation)
	// Output:
	// 20工作日 2025-11-03 6 14 on_track
	// 中秋节、国庆节 2025-10-01至2025-10-08 不计；调休上班 2025-09-28（中秋节、国庆节）计入；调休上班 2025-10-11（中秋节、国庆节）计入；补正暂停 2工作日
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
	p, _ := approval.Lookup("property-registration") // 3 working days
	t0 := time.Date(2025, 9, 29, 9, 0, 0, 0, calendar.Beijing())
	c := &approval.Case{ID: "RE-1", Process: p.ID, Events: []approval.Event{
		{At: t0, Kind: approval.Submitted}, {At: t0, Kind: approval.Accepted}}}
	fired := map[approval.AlertKey]bool{}
	for _, day := range []int{1, 11, 12, 13} { // 09-30, 10-10, 10-11, 10-12
		alerts, _ := approval.Alerts([]*approval.Case{c}, approval.CatalogProcesses(), t0.AddDate(0, 0, day), fired, approval.Options{})
		for _, a := range alerts {
			fmt.Println(t0.AddDate(0, 0, day).Format("01-02"), a.Level, "due", a.Due)
			fired[a.AlertKey] = true
		}
	}
	// Output:
	// 10-10 warning due 2025-10-10
	// 10-11 overdue due 2025-10-10
}
