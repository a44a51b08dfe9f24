package docimport

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/task"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadText: the text reader's blocks — lines cleaned, rows told from
// paragraphs, broken lines joined — each variant a case.
func TestReadText(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // the blocks' texts; rows as cells joined by |
	}{
		{"spaces and markers", "  一、任务\u3000\n- 1. 推行\u00a0网办。\n", []string{"一、任务", "1. 推行 网办。"}},
		{"tab row and pipe row", "序号\t任务\t\t\n| 1 | 推行网办 |\n|---|---|\n", []string{"序号|任务", "1|推行网办", "---|---"}},
		{"a line cut at a page's width after its title's full stop",
			"1. 推行网上办理。整合审批系统，实现\n一网通办，扩大网办事项范围。\n2. 优化窗口服务。\n",
			[]string{"1. 推行网上办理。整合审批系统，实现一网通办，扩大网办事项范围。", "2. 优化窗口服务。"}},
		{"a unit bracket broken over lines",
			"1. 推行网上办理。整合审批系统。(牵头单位:\n区数据局)\n2. 优化窗口服务。(区政务服务中心负责)\n",
			[]string{"1. 推行网上办理。整合审批系统。(牵头单位:区数据局)", "2. 优化窗口服务。(区政务服务中心负责)"}},
		{"a heading is not joined with the text under it",
			"1. 探索形成营商环境地方立法机制\n科学推进营商环境领域立法。\n",
			[]string{"1. 探索形成营商环境地方立法机制", "科学推进营商环境领域立法。"}},
		{"a title before an empty line is not joined with the preamble",
			"某区关于持续优化营商环境支持市场主体更好发展的若干措施\n\n为贯彻落实国家决策部署，结合实际，提出以下措施\n",
			[]string{"某区关于持续优化营商环境支持市场主体更好发展的若干措施", "为贯彻落实国家决策部署，结合实际，提出以下措施"}},
		{"prose an extraction broke across an empty line",
			"以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大、十九届二中、\n\n三中全会精神，坚持稳中求进。\n",
			[]string{"以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大、十九届二中、三中全会精神，坚持稳中求进。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bs, _ := readText([]byte(c.text))
			var got []string
			for _, b := range bs {
				if b.tabs {
					s := ""
					for i, cell := range b.rowCells() {
						if i > 0 {
							s += "|"
						}
						s += cell
					}
					got = append(got, s)
					continue
				}
				got = append(got, b.text)
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// TestMultiParagraphItem: an item whose text runs over paragraphs (a
// PDF's text, a Word file) takes the units its last paragraph ends with.
func TestMultiParagraphItem(t *testing.T) {
	res, err := Parse([]byte("一、任务\n1.推行网上办理。整合审批系统。\n扩大网办事项范围。\n推广电子证照。（牵头单位：区数据局）\n2.优化窗口服务。（区政务服务中心负责）\n"), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"一|1|推行网上办理|L:区数据局", "一|2|优化窗口服务|R:区政务服务中心"}, brief(res.Plan))
	tasks, _ := res.Plan.Tasks()
	assert.Equal(t, "整合审批系统。\n扩大网办事项范围。\n推广电子证照。", tasks[0].Body)
}

// TestAnchoredMatchesAgree: trying a pattern anchored at the positions
// dateStarts lists finds exactly what FindAllStringSubmatchIndex finds, on
// random strings of the words dates and targets are made of.
func TestAnchoredMatchesAgree(t *testing.T) {
	words := []string{"2", "0", "1", "5", "12", "2025", "年", "月", "日", "号", "底", "末", "份", "前", "以前", "之前", "起", "开始", "以来",
		"上半年", "到", "至", "在", "于", "截至", "实现", "全面", "完成", "达到", "，", "、", "：", " ", "压缩至", "不超过", "个工作日", "%", "以内", "以上", "个环节", "天", "提升", ".", "．"}
	rnd := uint32(7)
	next := func(n int) int { rnd = rnd*1664525 + 1013904223; return int(rnd>>8) % n }
	type pat struct {
		re, at *regexp.Regexp
		starts func(s string) []int
	}
	pats := map[string]pat{
		"dated":       {reDated, reDatedAt, func(s string) []int { d, _, p, _, e := dateStarts(s); return merge(d, p, e) }},
		"by year":     {reByYear, reByYearAt, func(s string) []int { _, _, _, b, _ := dateStarts(s); return b }},
		"target year": {reYearTarget, reYearTargetAt, func(s string) []int { d, _, p, _, _ := dateStarts(s); return merge(d, p) }},
		"month":       {reMonthOnly, reMonthOnlyAt, func(s string) []int { _, m, _, _, _ := dateStarts(s); return m }},
		"target":      {reQty, reQtyAt, targetStarts},
	}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := next(14) + 1; n > 0; n-- {
			b.WriteString(words[next(len(words))])
		}
		s := b.String()
		for name, p := range pats {
			want := p.re.FindAllStringSubmatchIndex(s, -1)
			got := anchoredMatches(p.at, s, p.starts(s))
			if !assert.Equal(t, want, got, "%s on %q", name, s) {
				return
			}
		}
	}
}

// findDatesPlain is findDates as first written: every pattern over the
// whole text. The clause-by-clause, anchored findDates must agree with it.
func findDatesPlain(text string, year int) (out []dated, noYear []string) {
	add := func(start int, phrase, canon string) {
		dl, err := task.ParseDeadline(canon)
		if err != nil || dl.Kind != task.OnDate {
			return
		}
		end := len(text)
		if i := strings.IndexAny(text[start:], "。；;"); i >= 0 {
			end = start + i
		}
		out = append(out, dated{due: dl.Date, phrase: phrase, clause: strings.TrimSpace(text[start:end]), at: start})
	}
	for _, m := range reDated.FindAllStringSubmatchIndex(text, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		if g(9) != "" || g(11) == "" && g(1) == "" && g(8) == "" && g(4) == "" {
			continue
		}
		phrase := strings.TrimSpace(g(0))
		switch {
		case g(10) != "":
			if year == 0 {
				noYear = append(noYear, phrase)
				continue
			}
			add(m[0], phrase, fmt.Sprintf("%d年底前", year))
		case g(3) != "":
			add(m[0], phrase, g(2)+"年底前")
		case g(4) != "":
			add(m[0], phrase, g(2)+"年上半年")
		case g(7) != "":
			add(m[0], phrase, g(2)+"年"+g(5)+"月"+g(7)+"日前")
		default:
			add(m[0], phrase, g(2)+"年"+g(5)+"月底前")
		}
	}
	for _, m := range reByYear.FindAllStringSubmatchIndex(text, -1) {
		add(m[0], strings.TrimRight(text[m[0]:m[1]], ",，、:： "), text[m[2]:m[3]]+"年底前")
	}
	for _, m := range reYearTarget.FindAllStringSubmatchIndex(text, -1) {
		add(m[0], text[m[0]:m[1]], text[m[2]:m[3]]+"年底前")
	}
	for _, m := range reMonthOnly.FindAllStringSubmatchIndex(text, -1) {
		start := m[4]
		phrase := strings.TrimSpace(text[start:m[1]])
		if year == 0 {
			noYear = append(noYear, phrase)
			continue
		}
		if m[8] >= 0 {
			add(start, phrase, fmt.Sprintf("%d年%s月%s日前", year, text[m[4]:m[5]], text[m[8]:m[9]]))
		} else {
			add(start, phrase, fmt.Sprintf("%d年%s月底前", year, text[m[4]:m[5]]))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out, noYear
}

// TestFindDatesAgrees: findDates finds what findDatesPlain finds, on random
// texts of date words, separators and other words.
func TestFindDatesAgrees(t *testing.T) {
	words := []string{"2", "0", "1", "5", "12", "2025", "2022", "年", "月", "日", "号", "底", "末", "份", "前", "以前", "起", "上半年", "年底", "年末",
		"到", "至", "在", "于", "截至", "实现", "完成", "全面", "。", "；", "，", ",", "、", " ", "推进", "压缩至", "个工作日", "以内", "%"}
	rnd := uint32(11)
	next := func(n int) int { rnd = rnd*1664525 + 1013904223; return int(rnd>>8) % n }
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := next(20) + 1; n > 0; n-- {
			b.WriteString(words[next(len(words))])
		}
		s := b.String()
		for _, year := range []int{0, 2024} {
			got, gotNo := findDates(s, year)
			want, wantNo := findDatesPlain(s, year)
			sort.Strings(gotNo)
			sort.Strings(wantNo)
			if !assert.Equal(t, want, got, "%q", s) || !assert.Equal(t, wantNo, gotNo, "%q", s) {
				return
			}
		}
	}
}

// TestDatesOnAllCores: a plan long enough to read its dates on all cores
// gets each item's own deadline and its findings in the items' order.
func TestDatesOnAllCores(t *testing.T) {
	var b strings.Builder
	b.WriteString("某区2024年优化营商环境行动方案\n一、任务\n")
	for i := 1; i <= 900; i++ {
		if i%100 == 0 {
			fmt.Fprintf(&b, "%d.事项%d。按计划推进。（区数据局负责，长期坚持）\n", i, i)
			continue
		}
		fmt.Fprintf(&b, "%d.事项%d。%d月底前完成第%d项工作。（区数据局负责）\n", i, i, i%12+1, i)
	}
	res, err := Parse([]byte(b.String()), Options{})
	require.NoError(t, err)
	tasks, _ := res.Plan.Tasks()
	require.Len(t, tasks, 900)
	for i, tk := range tasks {
		n := i + 1
		if n%100 == 0 {
			assert.Nil(t, tk.Deadline)
			continue
		}
		require.NotNil(t, tk.Deadline, n)
		assert.Equal(t, n%12+1, int(tk.Deadline.Date.Month()), n)
	}
	var lines []int
	for _, f := range res.Findings {
		if f.Code == "deadline_ongoing" {
			lines = append(lines, f.Line)
		}
	}
	require.Len(t, lines, 9)
	assert.True(t, sort.IntsAreSorted(lines))
}
