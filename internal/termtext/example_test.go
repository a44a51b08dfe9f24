package termtext_test

import (
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/internal/termtext"
)

func ExampleTable() {
	var b strings.Builder
	termtext.Table(&b, "", [][]string{{"单位", "合计"}, {"区数据局", "27"}, {"区市场监管局", "12"}}, 1)
	fmt.Print(b.String())
	// Output:
	// 单位          合计
	// 区数据局        27
	// 区市场监管局    12
}

func ExampleSafe() {
	fmt.Println(termtext.Safe("铁西\x1b[2J区"), termtext.Width("区数据局"))
	// Output: 铁西\x1b[2J区 8
}
