package docimport

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func parse(t *testing.T, text string) *Result {
	t.Helper()
	res, err := Parse([]byte(text), Options{})
	require.NoError(t, err)
	return res
}

func codes(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// TestResponsibilityStyles covers the four ways the seeds name units.
func TestResponsibilityStyles(t *testing.T) {
	cases := []struct {
		name, text              string
		lead, responsible, supp []string
		joint                   bool
		findings                []string
	}{
		{"inline lead", "一、任务\n1.编制清单。梳理事项。(牵头单位:区数据局)", []string{"区数据局"}, []string{}, []string{}, false, nil},
		{"inline lead full-width", "一、任务\n1.编制清单。梳理事项。（牵头单位：区数据局）", []string{"区数据局"}, []string{}, []string{}, false, nil},
		{"inline joint", "一、任务\n1.深化改革。推行。(区住建局、区数据局按职责分工负责)", []string{}, []string{"区住建局", "区数据局"}, []string{}, true, nil},
		{"inline two roles", "一、任务\n1.深化改革。推行。(牵头单位:区营商局;配合单位:区税务局)", []string{"区营商局"}, []string{}, []string{"区税务局"}, false, nil},
		{"lines full-width", "一、任务\n1、打造品牌。内容。\n牵头单位：营商环境建设办\n责任单位：营商环境建设办、各镇街", []string{"营商环境建设办"}, []string{"营商环境建设办", "各镇街"}, []string{}, false, nil},
		{"lines 部门", "一、任务\n1、打造品牌。内容。\n牵头部门:区营商局\n责任部门:区直相关部门", []string{"区营商局"}, []string{"区直相关部门"}, []string{}, false, nil},
		{"several leads", "一、任务\n1.一次办结。内容。\n牵头单位:区营商局、区行政审批局、区市场监管局\n责任单位:区税务局", []string{"区营商局", "区行政审批局", "区市场监管局"}, []string{"区税务局"}, []string{}, false, nil},
		{"broken across lines", "一、任务\n1、压缩时长。内容。\n牵头单位：营商环境建设办\n责任部门：市场监督分局、税务分局\n、自然资源和住建办、大数据局", []string{"营商环境建设办"}, []string{"市场监督分局", "税务分局", "自然资源和住建办", "大数据局"}, []string{}, false, []string{"joined_units"}},
		{"broken with trailing 、", "一、任务\n1、压缩时长。内容。\n责任单位:区税务局、\n区人社局", []string{}, []string{"区税务局", "区人社局"}, []string{}, false, []string{"joined_units"}},
		{"parenthesised unit", "一、任务\n1.推广。内容。\n责任单位:区住建局、区财政局(金融发展局)、区公安局", []string{}, []string{"区住建局", "区财政局(金融发展局)", "区公安局"}, []string{}, false, nil},
		{"group after 等", "一、任务\n1.推广。内容。\n责任单位:区税务局、区人社局等区直相关部门", []string{}, []string{"区税务局", "区人社局", "区直相关部门"}, []string{}, false, nil},
		{"comma groups", "一、任务\n1.推广。内容。\n责任单位:区直相关部门,各镇(街道)、园区", []string{}, []string{"区直相关部门", "各镇(街道)", "园区"}, []string{}, false, nil},
		{"no-break spaces", "一、任务\n1.推广。内容。\n牵头单位:区营商局\u00a0\u00a0\u00a0\n责任单位:\u00a0区税务局", []string{"区营商局"}, []string{"区税务局"}, []string{}, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := parse(t, c.text)
			tasks, _ := res.Plan.Tasks()
			require.Len(t, tasks, 1)
			r := tasks[0].Responsibility
			assert.Equal(t, c.lead, r.Lead)
			assert.Equal(t, c.responsible, r.Responsible)
			assert.Equal(t, c.supp, r.Supporting)
			assert.Equal(t, c.joint, r.Joint)
			var got []string
			for _, code := range codes(res.Findings) {
				if code != "no_title" && code != "no_header" && code != "no_period" {
					got = append(got, code)
				}
			}
			assert.Equal(t, c.findings, got)
		})
	}
}

func TestTitleAndBody(t *testing.T) {
	res := parse(t, "一、任务\n1.编制政务服务事项清单。对全区事项进行梳理。(牵头单位:区数据局)\n2.拓展场景。年底前推出一个主题场景。(牵头单位:区数据局)")
	tasks, _ := res.Plan.Tasks()
	require.Len(t, tasks, 2)
	assert.Equal(t, "编制政务服务事项清单", tasks[0].Title)
	assert.Equal(t, "对全区事项进行梳理。", tasks[0].Body)
	assert.Equal(t, "1", tasks[0].Number)
	assert.Equal(t, "任务", tasks[0].Section)
	// 年底前 without a year in a plan without years: reported, not guessed.
	assert.Nil(t, tasks[1].Deadline)
	assert.Contains(t, codes(res.Findings), "deadline_no_year")
}

// TestDates covers the dated targets the issue names.
func TestDates(t *testing.T) {
	cases := []struct {
		text   string
		year   int
		due    []string
		noYear []string
	}{
		{"2022年底前，实现全流程电子化", 0, []string{"2022-12-31"}, nil},
		{"到2022年7月底将企业开办压缩至2个环节", 0, []string{"2022-07-31"}, nil},
		{"2025年年底前政府采购电子化平台与预算执行一体化平台实现对接", 0, []string{"2025-12-31"}, nil},
		{"2023年底前，实现民商事案件诉讼无纸化", 0, []string{"2023-12-31"}, nil},
		{"2023年6月30日前完成", 0, []string{"2023-06-30"}, nil},
		{"2022年上半年完成", 0, []string{"2022-06-30"}, nil},
		{"年底前推出一个主题场景", 2025, []string{"2025-12-31"}, nil},
		{"年底前推出一个主题场景", 0, nil, []string{"年底前"}},
		{"保持2021年底水平只升不降", 0, nil, nil},
		{"自2022年1月起施行", 0, nil, nil},
		{"2022年2月", 0, nil, nil},
		{"2021年3月底前完成；到2024年2月底完成", 0, []string{"2021-03-31", "2024-02-29"}, nil},
		{"到2025年,转办率达到95%以上,办结率达到90%以上", 0, []string{"2025-12-31"}, nil},
		{"到2025年实现全覆盖", 0, []string{"2025-12-31"}, nil}, // a target year alone: that year's end
		{"2019年实现90%事项网上办", 0, []string{"2019-12-31"}, nil},
		{"《市场准入负面清单(2022年版)》", 0, nil, nil},
		{"2025年力争新增高新技术企业5户", 0, nil, nil}, // 力争: an aim, not a deadline
		{"9月底前,实现开办企业全流程1天办结", 2022, []string{"2022-09-30"}, nil},
		{"5月底前实现我区中介超市上线运行", 0, nil, []string{"5月底前"}},
		{"2022年7月底前完成", 2022, []string{"2022-07-31"}, nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			ds, noYear := findDates(c.text, c.year)
			var got []string
			for _, d := range ds {
				got = append(got, d.due.String())
			}
			assert.Equal(t, c.due, got)
			assert.Equal(t, c.noYear, noYear)
		})
	}
}

func TestTargets(t *testing.T) {
	cases := []struct {
		clause string
		want   []string
	}{
		{"2022年底前，开办企业线下办理压缩至1个环节，1个工作日以内办结", []string{"开办企业线下办理环节<=1个", "办理时限<=1工作日"}},
		{"2022年底前，办结率达到90%以上", []string{"办结率>=90%"}},
		{"到2025年,转办率达到95%以上,办结率达到90%以上,满意率达到85%以上", []string{"转办率>=95%", "办结率>=90%", "满意率>=85%"}},
		{"2022年底前,将小型社会投资项目办理流程压缩至10个环节,40个工作日", []string{"小型社会投资项目办理流程环节<=10个", "办理时限<=40工作日"}},
		{"2022年底前，中标通知书发出后，10个工作日内完成合同签订", []string{"办理时限<=10工作日"}},
		{"2022年底前，供暖维修时限缩减至24小时", []string{"供暖维修时限<=24小时"}},
		{"全年组织开展招聘会20场", nil},
		{"工程建设项目全流程审批时限不超过40天", []string{"工程建设项目全流程审批时限<=40天"}},
	}
	for _, c := range cases {
		t.Run(c.clause, func(t *testing.T) {
			var got []string
			for _, tg := range targets(c.clause) {
				got = append(got, tg.Measure+tg.Op+tg.Value.String()+tg.Unit)
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestMilestonesAndDeadline(t *testing.T) {
	res := parse(t, "辽宁省测试行动方案(2021-2024年)\n一、任务\n1.实现开办企业一次办结。2022年底前，将开办企业线下办理流程压缩至1个环节，1个工作日以内办结；2023年底前，实现全市覆盖。\n牵头单位:区营商局\n2.开展专项整治。每月15日前开放系统权限配置。\n牵头单位:区财政局")
	tasks, _ := res.Plan.Tasks()
	require.Len(t, tasks, 2)
	d := tasks[0].Deadline
	require.NotNil(t, d)
	assert.Equal(t, "2023-12-31", d.Date.String())
	require.Len(t, tasks[0].Milestones, 2)
	assert.Equal(t, "2022-12-31", tasks[0].Milestones[0].Due.String())
	assert.Len(t, tasks[0].Milestones[0].Targets, 2)
	require.NotNil(t, tasks[1].Deadline)
	assert.Equal(t, task.Monthly, tasks[1].Deadline.Kind)
	assert.Equal(t, 15, tasks[1].Deadline.Day)
	assert.Equal(t, plan.Period{From: 2021, To: 2024}, res.Plan.Period)
	assert.Empty(t, res.Plan.Validate(plan.Options{}))
}

// TestStructure: text sections, safeguards, numbering defects, columns,
// phases.
func TestStructure(t *testing.T) {
	text := `鞍山市测试区人民政府办公室
2025年5月13日
鞍山市测试区2025年优化营商环境3条
为落实《鞍山市2025年优化营商环境66条》，制定本方案。
一、工作目标
（一）深化改革
1、推进照后减证。
近期（到2025年末），对标先进补短板。
二、具体任务
（一）政务环境
1.编制清单。梳理。(牵头单位:区数据局)
2.拓展场景。推出场景。
2.提升能力。提供服务。(牵头单位:区数据局)
专栏 1：指标
类别	指标	2025 年目标	属性
办事便利	政务服务“一网”应用率	100%	约束性
	政务服务事项平均办理时限	5 天	预期性
三、保障措施
1. 加强组织领导。各部门要按照责任分工推进。
统筹推进各项改革任务。
2. 强化督导落实。建立常态化督查机制。
分享:
`
	res := parse(t, text)
	p := res.Plan
	assert.Equal(t, "鞍山市测试区2025年优化营商环境3条", p.Title)
	assert.Equal(t, plan.ItemList, p.Kind)
	assert.Equal(t, "鞍山市测试区人民政府办公室", p.Issuer)
	assert.Equal(t, []plan.Ref{{Title: "鞍山市2025年优化营商环境66条"}}, p.Basis)
	assert.Equal(t, "为落实《鞍山市2025年优化营商环境66条》，制定本方案。", p.Preamble)
	assert.Empty(t, p.Notice, "the issuer and date lines are read, not kept as notice text")
	require.Len(t, p.Sections, 2)
	assert.Empty(t, p.Sections[0].Sections[0].Tasks, "工作目标 holds no tasks")
	assert.Contains(t, p.Sections[0].Sections[0].Text, "推进照后减证")
	require.Len(t, p.Phases, 1)
	assert.Equal(t, "2025-12-31", p.Phases[0].End.String())
	tasks, _ := p.Tasks()
	require.Len(t, tasks, 3)
	assert.NotEqual(t, tasks[1].ID, tasks[2].ID, "a repeated number still gets its own ID")
	assert.Equal(t, []string{"加强组织领导。各部门要按照责任分工推进。\n统筹推进各项改革任务。", "强化督导落实。建立常态化督查机制。"}, p.Safeguards)
	require.Len(t, p.Columns, 1)
	assert.Equal(t, []string{"指标"}, p.Columns[0].Systems)
	require.Len(t, p.IndicatorSystems, 1)
	assert.Equal(t, []int{2}, p.IndicatorSystems[0].Counts()[1:])
	assert.Len(t, p.Targets, 2)
	assert.ElementsMatch(t, []string{"no_unit", "duplicate_number", "page_chrome"}, codes(res.Findings))
	var lines []int
	for _, f := range res.Findings {
		lines = append(lines, f.Line)
	}
	assert.Equal(t, []int{12, 13, 22}, lines)
}

func TestTableFindings(t *testing.T) {
	text := "一、任务\n专栏 2：亮点工程\n亮点工程一：构建测试指标体系\n共包含 1 个一级指标，3 个二级指标。\n一级指标\t二级指标\n甲\t乙\n\t丙\n\t丁\t多余\n\t\n亮点工程二：建立另一体系\n一级指标\t二级指标\t属性\n戊\t己\t强制性\n"
	res := parse(t, text)
	p := res.Plan
	require.Len(t, p.IndicatorSystems, 2)
	s := p.IndicatorSystems[0]
	assert.Equal(t, "测试指标体系", s.Name)
	assert.Equal(t, []int{1, 3}, s.Declared)
	assert.Equal(t, []int{1, 2}, s.Counts(), "the row with an extra cell is left out")
	assert.Contains(t, codes(res.Findings), "table_row")
	assert.Contains(t, codes(res.Findings), "table_attribute")
	var vcodes []string
	for _, f := range p.Validate(plan.Options{}) {
		vcodes = append(vcodes, f.Code)
	}
	assert.Contains(t, vcodes, "indicator_declared_count")
}

func TestBadInput(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("一、任务\n1.编制政务服务事项清单。(牵头单位:区数据局)\n")
	require.NoError(t, err)
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"white space", []byte(" \n\t\r\n"), ErrEmpty},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00binary"), ErrBinary},
		{"truncated zip", []byte("PK\x03\x04\x00\x00binary"), ErrCorrupt},
		{"GBK", []byte(gbk), ErrEncoding},
		{"latin-1", []byte("caf\xe9 au lait\n"), ErrEncoding},
		{"random bytes", []byte("\x8f\x9a\xfe\x01\x02\x9c\xd3\x00\xff"), ErrBinary},
		{"DEL", []byte("一、任务\x7f"), ErrBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.in, Options{})
			require.Error(t, err)
			assert.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), " / ")
		})
	}
	_, err = Parse([]byte(gbk), Options{})
	var ee *EncodingError
	require.True(t, errors.As(err, &ee))
	assert.True(t, ee.GBK, "GBK text is recognised as such")
	assert.Contains(t, err.Error(), "iconv -f GBK -t UTF-8")
	// Bytes GBK does not define are not taken for GBK.
	_, err = Parse([]byte("\xd2\xbb\xa1\xa2\xff\xff\xff\n"), Options{})
	require.True(t, errors.As(err, &ee))
	assert.False(t, ee.GBK)
	_, err = Parse([]byte("caf\xe9 au lait\n"), Options{})
	require.True(t, errors.As(err, &ee))
	assert.False(t, ee.GBK)
	assert.Equal(t, 1, ee.Line)
	assert.Equal(t, 3, ee.Offset)
}

// endless yields 50 MB of plausible text without holding it.
type endless struct{ left int }

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	line := []byte("1.编制政务服务事项清单。(牵头单位:区数据局)\n")
	n := 0
	for n+len(line) <= len(p) && e.left > 0 {
		n += copy(p[n:], line)
		e.left -= len(line)
	}
	if n == 0 {
		p[0] = '\n'
		n = 1
		e.left--
	}
	return n, nil
}

func TestTooLarge(t *testing.T) {
	_, err := Import(&endless{left: 50 << 20}, Options{})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = Parse(make([]byte, 100), Options{MaxBytes: 10})
	assert.ErrorIs(t, err, ErrTooLarge)
	// Within the bound it imports.
	res, err := Import(strings.NewReader("一、任务\n1.编制清单。(牵头单位:区数据局)"), Options{MaxBytes: 1 << 10})
	require.NoError(t, err)
	tasks, _ := res.Plan.Tasks()
	assert.Len(t, tasks, 1)
}

func TestNoNumbering(t *testing.T) {
	res := parse(t, "这是一段没有编号的文字。\n它不是规划。\n")
	assert.Contains(t, codes(res.Findings), "no_numbering")
	assert.Equal(t, plan.Error, res.Findings[0].Severity)
	tasks, _ := res.Plan.Tasks()
	assert.Empty(t, tasks)
}

func TestOptionsOverride(t *testing.T) {
	d, err := plan.ParseDocNumber("鞍高管发〔2022〕3号")
	require.NoError(t, err)
	res, err := Parse([]byte("一、任务\n1.编制清单。2022年底前完成。(牵头单位:区数据局)"), Options{Title: "高新区方案", DocNumber: d, Issuer: "鞍山高新区管委会",
		Period: plan.Period{From: 2022, To: 2023}, Kind: plan.Measures, Source: "seed.txt"})
	require.NoError(t, err)
	p := res.Plan
	assert.Equal(t, "高新区方案", p.Title)
	assert.Equal(t, d, p.DocNumber)
	assert.Equal(t, plan.Measures, p.Kind)
	assert.Equal(t, plan.Period{From: 2022, To: 2023}, p.Period)
	assert.Equal(t, "seed.txt", p.Source.Name)
	assert.Len(t, p.Source.SHA256, 64)
	tasks, _ := p.Tasks()
	assert.Equal(t, plan.TaskID("doc:鞍高管发〔2022〕3号", "一/1"), tasks[0].ID, "the recipe of plan.Plan.AssignIDs")
	assert.NotContains(t, codes(res.Findings), "no_title")
}

func TestFindingString(t *testing.T) {
	f := Finding{Location: Location{Line: 7}, Code: "no_unit", Severity: plan.Warning, MessageZh: "条目没有写明责任单位", MessageEn: "the item names no responsible unit", Text: "1.推广"}
	assert.Equal(t, "第 7 行 / line 7: warning no_unit: 条目没有写明责任单位 / the item names no responsible unit «1.推广»", f.String())
}

// TestFlatList: a list of items with no 一、 heading is one untitled
// section after the header.
func TestFlatList(t *testing.T) {
	res := parse(t, "某区2025年优化营商环境2条\n1.编制清单。梳理事项。(牵头单位:区数据局)\n2.拓展场景。推出场景。(牵头单位:区数据局)\n")
	p := res.Plan
	assert.Equal(t, "某区2025年优化营商环境2条", p.Title)
	tasks, _ := p.Tasks()
	require.Len(t, tasks, 2)
	assert.Equal(t, "拓展场景", tasks[1].Title)
	assert.NotContains(t, codes(res.Findings), "no_numbering")
	assert.Empty(t, p.Validate(plan.Options{}))
}

// Issue 13: memory stays bounded whatever the lines' length: a text of more
// non-empty lines than any plan has is refused before it is read.
func TestTooManyLines(t *testing.T) {
	_, err := Parse([]byte(strings.Repeat("一\n", maxTextLines+1)), Options{})
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.ErrorContains(t, err, "non-empty lines")
	_, err = Parse([]byte(strings.Repeat("\n", 3*maxTextLines)+"一、任务\n1.编制清单。(牵头单位:区数据局)\n"), Options{})
	assert.NoError(t, err, "blank lines do not count")
}
