package export_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/bizenv/bizenv/task/export"
)

func ExampleWriteTasksCSV() {
	d, _ := task.ParseDeadline("2025年10月10日前")
	tasks := []*task.Task{{Number: "9", Title: "提升线上服务能力", Status: task.InProgress, Deadline: &d,
		Responsibility: task.Responsibility{Lead: []string{"区数据局"}, Liaison: &task.Liaison{Name: "王五", Phone: "13600001111"}}}}
	asOf, _ := calendar.ParseDate("2025-10-13")
	var buf bytes.Buffer
	_ = export.WriteTasksCSV(&buf, tasks, export.Options{AsOf: asOf})
	// The file starts with a byte-order mark so that Excel reads it as UTF-8.
	fmt.Println(strings.HasPrefix(buf.String(), "\uFEFF"))
	fmt.Print(strings.TrimPrefix(buf.String(), "\uFEFF"))
	// Output:
	// true
	// 序号,任务,章节,牵头单位,责任单位,配合单位,按职责分工负责,完成时限（原文）,应完成日期,状态,红黄绿灯,是否超期,超期工作日,进度(%),最新进展,最新填报日期,联络人,联系电话
	// 9,提升线上服务能力,,区数据局,,,,2025年10月10日前,2025-10-10,推进中,红灯,是,2,,,,王五,136****1111
}
