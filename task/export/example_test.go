package export_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/task"
	"github.com/bizenv/bizenv/task/export"
)

func ExampleWriteTasksCSV() {
	tasks := []*task.Task{{Number: "9", Title: "提升线上服务能力", Status: task.InProgress,
		Responsibility: task.Responsibility{Lead: []string{"区数据局"}, Liaison: &task.Liaison{Name: "王五", Phone: "13600001111"}}}}
	var buf bytes.Buffer
	_ = export.WriteTasksCSV(&buf, tasks, export.Options{})
	// The file starts with a byte-order mark so that Excel reads it as UTF-8.
	fmt.Println(strings.HasPrefix(buf.String(), "\uFEFF"))
	fmt.Print(strings.TrimPrefix(buf.String(), "\uFEFF"))
	// Output:
	// true
	// 序号,任务,牵头单位,责任单位,配合单位,按职责分工负责,完成时限,状态,进度(%),最新进展,联络人,联系电话
	// 9,提升线上服务能力,区数据局,,,,,推进中,,,王五,136****1111
}
