package termtext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "区数据局": 8, "（一）": 6, "区数据局、区住建局": 18, "a\u0301": 1, "２０２５": 8} {
		assert.Equal(t, want, Width(s), s)
	}
	assert.Equal(t, "区数据局  |", Pad("区数据局", 10)+"|")
	assert.Equal(t, "  12", PadLeft("12", 4))
	assert.Equal(t, "区市场监督管理局", Pad("区市场监督管理局", 4), "never cut")
}

func TestTable(t *testing.T) {
	var b strings.Builder
	Table(&b, "  ", [][]string{{"单位 unit", "合计"}, {"区数据局", "27"}, {"鞍山市铁西区人民法院", "3"}}, 1)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for _, l := range lines {
		assert.Equal(t, Width(lines[0]), Width(l), "every line as wide: %q", l)
	}
}

func TestSafe(t *testing.T) {
	assert.Equal(t, `a\x1b[2Jb`, Safe("a\x1b[2Jb"))
	assert.Equal(t, `\u202e`, Safe("\u202e"))
	assert.Equal(t, `\x9b`, Safe("\u009b"))
	assert.Equal(t, "\ufffd", Safe("\xff"))
	assert.Equal(t, "a\tb\n", Safe("a\tb\n"))
	assert.Equal(t, `a\x09b\x0a`, SafeLine("a\tb\n"))
	assert.Equal(t, "区数据局", Safe("区数据局"))
}
