package docimport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brief renders a plan's tasks one per string: section path, number,
// title, then L: leads, R: responsible (+J when jointly), S: supporting,
// D: the deadline — the parts that are set.
func brief(p *plan.Plan) []string {
	var out []string
	var walk func(ss []*plan.Section, path string)
	walk = func(ss []*plan.Section, path string) {
		for _, s := range ss {
			here := path + s.Number
			for _, t := range s.Tasks {
				out = append(out, briefTask(here, t))
			}
			walk(s.Sections, here)
		}
	}
	walk(p.Sections, "")
	return out
}

func briefTask(path string, t *task.Task) string {
	parts := []string{path, t.Number, t.Title}
	r := t.Responsibility
	if len(r.Lead) > 0 {
		parts = append(parts, "L:"+strings.Join(r.Lead, ","))
	}
	if len(r.Responsible) > 0 {
		s := "R:" + strings.Join(r.Responsible, ",")
		if r.Joint {
			s += "+J"
		}
		parts = append(parts, s)
	}
	if len(r.Supporting) > 0 {
		parts = append(parts, "S:"+strings.Join(r.Supporting, ","))
	}
	if d := t.Deadline; d != nil {
		if d.Kind == task.OnDate {
			parts = append(parts, "D:"+d.Date.String())
		} else {
			parts = append(parts, fmt.Sprintf("D:%s/%d", d.Kind, d.Day))
		}
	}
	return strings.Join(parts, "|")
}

// styleCase is a document written in one drafting style and what it says.
type styleCase struct {
	name  string
	text  string
	want  []string
	codes []string // findings expected among the result's (others may occur)
}

func runStyles(t *testing.T, cases []styleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse([]byte(c.text), Options{})
			require.NoError(t, err)
			assert.Equal(t, c.want, brief(res.Plan))
			got := codes(res.Findings)
			for _, code := range c.codes {
				assert.Contains(t, got, code)
			}
			assert.NotContains(t, got, "no_numbering")
		})
	}
}

// TestStyleItemLevel: the items are the numbered paragraphs that carry the
// units, at whatever level: （一） directly under 一、, 1. directly under
// 一、, （1） under 1. headings.
func TestStyleItemLevel(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "（一） items under 一、, units in brackets",
			text:  "某市2024年营商环境提升方案\n一、优化政务服务\n（一）推行一网通办。整合审批系统，实现网上办理。（市数据局牵头，市直各部门按职责分工负责）\n（二）压缩审批时限。审批时限压缩一半。（市行政审批局负责）\n二、优化法治环境\n（三）规范涉企检查。建立检查计划。（牵头单位：市司法局；配合单位：市市场监管局）\n",
			want:  []string{"一|(一)|推行一网通办|L:市数据局|R:市直各部门+J", "一|(二)|压缩审批时限|R:市行政审批局", "二|(三)|规范涉企检查|L:市司法局|S:市市场监管局"},
			codes: []string{"item_level"}},
		{name: "（一） items under 一、, no units anywhere",
			text: "某县优化营商环境工作意见\n一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n二、主要任务\n（一）深化商事制度改革。推进证照分离，压减涉企许可。\n（二）提升办税便利度。推广电子税务局，实现非接触式办税。\n三、保障措施\n（一）加强组织领导。各部门要高度重视。\n",
			want: []string{"二|(一)|深化商事制度改革", "二|(二)|提升办税便利度"}},
		{name: "（一） items with units on lines of their own",
			text: "一、重点任务\n（一）建立企业服务专班。为重点企业配备服务专员。\n牵头单位：区工信局\n配合单位：区财政局、各街道\n（二）开展政策宣讲。每季度组织一次宣讲。\n责任单位：区发改局\n",
			want: []string{"一|(一)|建立企业服务专班|L:区工信局|S:区财政局,各街道", "一|(二)|开展政策宣讲|R:区发改局"}},
		{name: "1. items directly under 一、",
			text: "某区2023年优化营商环境十条措施\n一、提升审批效率\n1.推行容缺受理。对次要材料缺失的先行受理。（区政务服务中心负责）\n2.实行帮办代办。为重点项目提供全程帮办。（区发改局牵头，区住建局配合）\n二、降低企业成本\n3.降低用电成本。落实电价政策。（国网某区供电公司负责）\n",
			want: []string{"一|1|推行容缺受理|R:区政务服务中心", "一|2|实行帮办代办|L:区发改局|S:区住建局", "二|3|降低用电成本|R:国网某区供电公司"}},
		{name: "1. items directly under 一、, units on lines",
			text: "一、政务环境\n1、推进一件事改革。梳理一件事清单。\n牵头部门：县数据局\n2、优化窗口服务。设置综合窗口。\n牵头部门：县政务服务中心\n责任部门：各乡镇\n",
			want: []string{"一|1|推进一件事改革|L:县数据局", "一|2|优化窗口服务|L:县政务服务中心|R:各乡镇"}},
		{name: "（1） items under 1. topic headings",
			text: "一、总体目标\n打造一流营商环境。\n二、重点任务\n（一）聚焦企业全生命周期\n1.开办企业\n（1）压缩开办时间。企业开办一日办结。\n牵头部门：市市场监督管理局\n配合单位：市税务局\n完成时限：2025年6月底前\n（2）推行电子证照。扩大电子营业执照应用。\n牵头部门：市市场监督管理局\n完成时限：长期坚持\n2.获得电力\n（1）压减接电时间。低压接电不超过5个工作日。\n牵头部门：市供电公司\n完成时限：2025年12月底前\n",
			want: []string{"二(一)1|(1)|压缩开办时间|L:市市场监督管理局|S:市税务局|D:2025-06-30", "二(一)1|(2)|推行电子证照|L:市市场监督管理局",
				"二(一)2|(1)|压减接电时间|L:市供电公司|D:2025-12-31"},
			codes: []string{"deadline_ongoing", "item_level"}},
		{name: "（1） run-in parts of a 1. item, each with its units",
			text: "一、深化改革\n1.深化商事制度改革。(1)推行多证合一。整合涉企证照。(市市场监管局牵头负责)(2)推行简易注销。简化注销程序。(市市场监管局、市税务局按职责分工负责)\n2.优化纳税服务。推广网上办税。(市税务局牵头负责)\n",
			want: []string{"一|2|优化纳税服务|L:市税务局", "一1|(1)|推行多证合一|L:市市场监管局", "一1|(2)|推行简易注销|R:市市场监管局,市税务局+J"}},
		{name: "unnumbered paragraph items under （一） headings",
			text:  "某市营商环境条例责任分工\n一、市场环境\n（一）保障平等准入\n落实负面清单制度。不得另行制定准入清单。（牵头单位：市发展改革委；协办单位：市直相关单位）\n清理隐性壁垒。开展专项清理行动。（牵头单位：市市场监管局；协办单位：市直相关单位）\n",
			want:  []string{"一(一)|1|落实负面清单制度|L:市发展改革委|S:市直相关单位", "一(一)|2|清理隐性壁垒|L:市市场监管局|S:市直相关单位"},
			codes: []string{"unnumbered_items"}},
	})
}

// TestStyleArticles: 第一条 … under 第一章 headings or alone; a purpose or
// scope article that names no unit is no task.
func TestStyleArticles(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "articles under chapters",
			text: "某市优化营商环境若干规定\n第一章 总则\n第一条 为持续优化营商环境，制定本规定。\n第二条 本规定适用于本市行政区域内的优化营商环境工作。\n第二章 政务服务\n第三条 推行一网通办。政务服务事项全部网上可办。（市数据局负责）\n第四条 实行首问负责。首问窗口一次告知。（市政务服务中心负责）\n第三章 附则\n第五条 本规定自印发之日起施行。\n",
			want: []string{"第二章|第三条|推行一网通办|R:市数据局", "第二章|第四条|实行首问负责|R:市政务服务中心"}},
		{name: "articles without chapters",
			text:  "某区支持民营经济发展十条\n第一条 为支持民营经济发展，制定本措施。\n第二条 加大融资支持。设立应急转贷资金。（区金融办牵头，区财政局配合）\n第三条 降低用地成本。工业用地弹性出让。（区自然资源局负责，2024年12月底前完成）\n第十条 本措施由区发展改革局负责解释。\n",
			want:  []string{"|第二条|加大融资支持|L:区金融办|S:区财政局", "|第三条|降低用地成本|R:区自然资源局|D:2024-12-31"},
			codes: []string{"item_level"}},
	})
}

// oneItem wraps an item's text in a one-section document.
func oneItem(text string) string {
	return "一、任务\n1.推行网上办理。全面推行网上申报。" + text + "\n"
}

// TestStylePhrases: the unit phrases inside an item, in （） () 〔〕, with
// ；，, a space or nothing between clauses.
func TestStylePhrases(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "X牵头，Y、Z按职责分工负责", text: oneItem("（市发展改革委牵头，市财政局、市税务局按职责分工负责）"),
			want: []string{"一|1|推行网上办理|L:市发展改革委|R:市财政局,市税务局+J"}},
		{name: "X牵头,Y按职责分工负责 half-width", text: oneItem("(市发展改革委牵头,市直有关单位按职责分工负责)"),
			want: []string{"一|1|推行网上办理|L:市发展改革委|R:市直有关单位+J"}},
		{name: "X牵头，Y配合", text: oneItem("（区商务局牵头，区财政局、区税务局配合）"),
			want: []string{"一|1|推行网上办理|L:区商务局|S:区财政局,区税务局"}},
		{name: "X、Y牵头，Z按职责分工负责", text: oneItem("（省公安厅、省交通运输厅牵头，各市州人民政府按职责分工负责）"),
			want: []string{"一|1|推行网上办理|L:省公安厅,省交通运输厅|R:各市州人民政府+J"}},
		{name: "（X负责）", text: oneItem("（县自然资源局负责）"),
			want: []string{"一|1|推行网上办理|R:县自然资源局"}},
		{name: "X牵头负责 in brackets", text: oneItem("(市城管局牵头负责)"),
			want: []string{"一|1|推行网上办理|L:市城管局"}},
		{name: "X牵头负责 as the last sentence", text: oneItem("市人社局牵头负责。"),
			want: []string{"一|1|推行网上办理|L:市人社局"}},
		{name: "labels with ；", text: oneItem("（牵头单位：区数据局；配合单位：区财政局、区税务局）"),
			want: []string{"一|1|推行网上办理|L:区数据局|S:区财政局,区税务局"}},
		{name: "labels with ，", text: oneItem("（牵头单位：区数据局，配合单位：区财政局）"),
			want: []string{"一|1|推行网上办理|L:区数据局|S:区财政局"}},
		{name: "labels with a space", text: oneItem("（牵头单位：区数据局 配合单位：区财政局）"),
			want: []string{"一|1|推行网上办理|L:区数据局|S:区财政局"}},
		{name: "labels with nothing between", text: oneItem("（牵头单位：区数据局配合单位：区财政局）"),
			want: []string{"一|1|推行网上办理|L:区数据局|S:区财政局"}},
		{name: "labels in 〔〕", text: oneItem("〔牵头单位:市市场监管局;配合单位:市直有关部门〕"),
			want: []string{"一|1|推行网上办理|L:市市场监管局|S:市直有关部门"}},
		{name: "〔〕 with nested brackets and no lead", text: oneItem("〔市发展改革委（市数据局）、市公安局等部门（单位）和各县（市、区）人民政府按职责分工负责〕"),
			want: []string{"一|1|推行网上办理|R:市发展改革委(市数据局),市公安局,各县(市、区)人民政府+J"}},
		{name: "a bare list after the last sentence", text: oneItem("（区数据局、区财政局）"),
			want: []string{"一|1|推行网上办理|R:区数据局,区财政局"}},
		{name: "a bracket that is no unit list stays in the text", text: "一、任务\n1.推行网上办理。全面推行网上申报（含高新区）。\n2.建设服务驿站。建成驿站10个(以下简称驿站)。\n",
			want: []string{"一|1|推行网上办理", "一|2|建设服务驿站"}},
	})
}

// TestStyleLabels: every label of the table, on its own line, at the
// item's end, and for a whole section.
func TestStyleLabels(t *testing.T) {
	var lines []string
	for i, l := range []struct{ label, want string }{
		{"牵头单位", "L"}, {"牵头部门", "L"}, {"牵头责任单位", "L"}, {"主责单位", "L"}, {"责任单位", "R"}, {"责任部门", "R"},
		{"配合单位", "S"}, {"配合部门", "S"}, {"协办单位", "S"}, {"参与单位", "S"},
	} {
		lines = append(lines, fmt.Sprintf("%d.事项%d。内容。\n%s：区甲局", i+1, i+1, l.label))
		_ = l.want
	}
	res, err := Parse([]byte("一、任务\n"+strings.Join(lines, "\n")), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"一|1|事项1|L:区甲局", "一|2|事项2|L:区甲局", "一|3|事项3|L:区甲局", "一|4|事项4|L:区甲局", "一|5|事项5|R:区甲局",
		"一|6|事项6|R:区甲局", "一|7|事项7|S:区甲局", "一|8|事项8|S:区甲局", "一|9|事项9|S:区甲局", "一|10|事项10|S:区甲局"}, brief(res.Plan))

	runStyles(t, []styleCase{
		{name: "labels at the item's end", text: "一、任务\n1.建立台账。逐项建立台账。（主责单位：区营商局；参与单位：各街道）\n2.开展督查。每月督查一次。(责任部门:区督查室)\n",
			want: []string{"一|1|建立台账|L:区营商局|S:各街道", "一|2|开展督查|R:区督查室"}},
		{name: "section-level units for the items under it", text: "一、政务环境\n（一）提升网办水平\n以下各项责任单位为区数据局。\n1.扩大网办事项。网办率达到95%以上。\n2.推广电子证照。\n（二）规范窗口服务\n1.设立综合窗口。\n（区政务服务中心负责）\n",
			want:  []string{"一(一)|1|扩大网办事项|R:区数据局", "一(一)|2|推广电子证照|R:区数据局", "一(二)|1|设立综合窗口|R:区政务服务中心"},
			codes: []string{"section_units"}},
		{name: "section-level units in a heading", text: "一、法治环境（总牵头单位：区司法局）\n1.规范执法。推行柔性执法。（责任单位：区市场监管局）\n2.加强普法。开展送法进企业。（责任单位：区普法办）\n",
			want:  []string{"一|1|规范执法|L:区司法局|R:区市场监管局", "一|2|加强普法|L:区司法局|R:区普法办"},
			codes: []string{"section_units"}},
		{name: "section-level unit lines before the items", text: "一、市场环境\n（一）信用建设\n牵头单位：县发改局\n1.归集信用信息。建立信用档案。\n责任单位：县市场监管局\n2.开展信用修复。\n责任单位：县法院\n",
			want:  []string{"一(一)|1|归集信用信息|L:县发改局|R:县市场监管局", "一(一)|2|开展信用修复|L:县发改局|R:县法院"},
			codes: []string{"section_units"}},
	})
}

// TestStyleDeclaredRules: notes that change how the following lists are
// read, never part of a unit name.
func TestStyleDeclaredRules(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "第一责任单位为牵头单位，下同 in the first bracket", text: "一、任务\n1.推进一网通办。扩大网办范围。（市数据局、市直各部门，第一责任单位为牵头单位，下同）\n2.推行告知承诺。（市司法局、市市场监管局）\n3.优化用水报装。（市水务集团负责）\n",
			want:  []string{"一|1|推进一网通办|L:市数据局|R:市直各部门", "一|2|推行告知承诺|L:市司法局|R:市市场监管局", "一|3|优化用水报装|R:市水务集团"},
			codes: []string{"declared_rule"}},
		{name: "a note line declaring the first unit the lead", text: "某县营商环境任务清单\n注：各项任务中，排在第一位的为牵头单位。\n一、任务\n1.提升审批效率。\n责任单位：县行政审批局、县住建局\n2.落实减税降费。\n责任单位：县税务局、县财政局\n",
			want: []string{"一|1|提升审批效率|L:县行政审批局|R:县住建局", "一|2|落实减税降费|L:县税务局|R:县财政局"}},
		{name: "以下均需X落实，不再列出", text: "一、任务\n（一）推进证照分离。（省市场监管局牵头，省直有关单位和各市、县（市、区）政府按职责分工负责。以下均需各市、县（市、区）政府落实，不再列出）\n（二）推进综合监管。（省司法厅牵头，省直有关单位按职责分工负责）\n",
			want:  []string{"一|(一)|推进证照分离|L:省市场监管局|R:省直有关单位,各市、县(市、区)政府+J", "一|(二)|推进综合监管|L:省司法厅|R:省直有关单位,各市、县(市、区)政府+J"},
			codes: []string{"declared_rule"}},
	})
}

// TestStyleUnitLists: lists joined by 、，, 及, 和, 会同; X等有关部门;
// 各区县（市）人民政府, 各镇（街道）; names holding brackets.
func TestStyleUnitLists(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "、 and ，", text: oneItem("（责任单位：区发改局、区财政局，区税务局）"),
			want: []string{"一|1|推行网上办理|R:区发改局,区财政局,区税务局"}},
		{name: "及 and 和 between whole names", text: oneItem("（区发改局及区财政局牵头，区税务局和各街道办事处配合）"),
			want: []string{"一|1|推行网上办理|L:区发改局,区财政局|S:区税务局,各街道办事处"}},
		{name: "和 inside a name", text: oneItem("（牵头单位：区住房和城乡建设局；配合单位：区人力资源和社会保障局、中心及社区）"),
			want: []string{"一|1|推行网上办理|L:区住房和城乡建设局|S:区人力资源和社会保障局,中心及社区"}},
		{name: "会同", text: oneItem("（市发展改革委会同市财政局负责）"),
			want: []string{"一|1|推行网上办理|R:市发展改革委,市财政局"}},
		{name: "X等有关部门, X等部门", text: oneItem("（市商务局牵头，市发展改革委等有关部门配合；责任单位：市税务局等部门）"),
			want: []string{"一|1|推行网上办理|L:市商务局|R:市税务局|S:市发展改革委,有关部门"}},
		{name: "groups with brackets", text: oneItem("（责任单位：各区县（市）人民政府、各镇（街道）、区财政局（金融发展局））"),
			want: []string{"一|1|推行网上办理|R:各区县(市)人民政府,各镇(街道),区财政局(金融发展局)"}},
		{name: "各市、县(市、区)政府 is one unit", text: oneItem("(省发展改革委牵头,各市、县(市、区)政府按职责分工负责)"),
			want: []string{"一|1|推行网上办理|L:省发展改革委|R:各市、县(市、区)政府+J"}},
	})
}

// TestStyleTimeLimits: a time limit in the unit bracket or on a 完成时限 /
// 时限要求 line is the deadline, never a unit; a target year alone is that
// year's end.
func TestStyleTimeLimits(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "in the bracket", text: "某区2024年营商环境工作要点\n一、任务\n1.推行网上办理。（区数据局负责，6月底前完成）\n2.建设服务驿站。（牵头单位：区政务服务中心；完成时限：2024年12月底前）\n3.开展满意度评价。(区营商局牵头,长期坚持)\n",
			want:  []string{"一|1|推行网上办理|R:区数据局|D:2024-06-30", "一|2|建设服务驿站|L:区政务服务中心|D:2024-12-31", "一|3|开展满意度评价|L:区营商局"},
			codes: []string{"deadline_ongoing"}},
		{name: "on lines of their own", text: "某区营商环境提升行动方案\n一、任务\n1.压缩开办时间。\n牵头单位：区市场监管局\n完成时限：2023年12月底前\n2.优化纳税服务。\n牵头单位：区税务局\n时限要求：持续推进\n3.推行证明事项告知承诺。\n牵头单位：区司法局\n时限要求：2023年6月30日前\n",
			want:  []string{"一|1|压缩开办时间|L:区市场监管局|D:2023-12-31", "一|2|优化纳税服务|L:区税务局", "一|3|推行证明事项告知承诺|L:区司法局|D:2023-06-30"},
			codes: []string{"deadline_ongoing"}},
		{name: "a month without a year in a plan of several years", text: "某市优化营商环境行动方案（2023-2025年）\n一、任务\n1.推行网上办理。（市数据局负责，6月底前完成）\n",
			want:  []string{"一|1|推行网上办理|R:市数据局"},
			codes: []string{"deadline_no_year"}},
		{name: "a target year alone", text: "一、任务\n1.推进网上办理。2019年实现90%事项网上办。（市数据局负责）\n2.建设项目。到2025年完成18个项目建设。（区住建局负责）\n",
			want: []string{"一|1|推进网上办理|R:市数据局|D:2019-12-31", "一|2|建设项目|R:区住建局|D:2025-12-31"}},
	})
}

// TestStyleHeader: only the document's own 文号 is the plan's; a title split
// over two lines is one title; a table's header cell is no title.
func TestStyleHeader(t *testing.T) {
	cases := []struct {
		name, text, title, number, issuer string
		basis                             []string // title=number
	}{
		{"own number on its line, cited number in the preamble",
			"某市人民政府办公室文件\n某政办发〔2023〕12号\n某市人民政府办公室关于印发某市优化营商环境行动方案的通知\n各县区人民政府：\n现将《某市优化营商环境行动方案》印发给你们。\n某市人民政府办公室\n2023年3月1日\n某市优化营商环境行动方案\n根据《国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见》（国办发〔2020〕24号），制定本方案。\n一、任务\n1.推行网上办理。（市数据局负责）\n",
			"某市优化营商环境行动方案", "某政办发〔2023〕12号", "某市人民政府办公室", []string{"国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见=国办发〔2020〕24号"}},
		{"only a cited number: the plan has none",
			"为贯彻落实《国务院关于开展营商环境创新试点工作的意见》(国发〔2021〕24号),结合实际,制定如下措施。\n一、任务\n1.推行网上办理。(市数据局负责)\n",
			"", "", "", []string{"国务院关于开展营商环境创新试点工作的意见=国发〔2021〕24号"}},
		{"number in the title line",
			"某县人民政府关于优化营商环境的实施意见（某政〔2019〕8号）\n为落实《某省优化营商环境条例》（某省人大常委会公告第12号），提出如下意见。\n一、任务\n1.推行网上办理。（县数据局负责）\n",
			"某县人民政府关于优化营商环境的实施意见", "某政〔2019〕8号", "某县人民政府", []string{"某省优化营商环境条例="}},
		{"title over two lines",
			"某区人民政府办公室\n2024年1月5日\n某区持续打造一流营商环境\n三年行动方案\n一、任务\n1.推行网上办理。（区数据局负责）\n",
			"某区持续打造一流营商环境三年行动方案", "", "某区人民政府办公室", nil},
		{"title over two lines, the first with the year",
			"2024年某县优化政务服务\n工作要点\n一、任务\n1.推行网上办理。（县数据局负责）\n",
			"2024年某县优化政务服务工作要点", "", "", nil},
		{"a notice title over three lines",
			"某省人民政府办公厅\n关于印发《某省优化营商环境\n三年行动计划》的通知\n某办发〔2024〕5号\n一、任务\n1.推行网上办理。（省数据局负责）\n",
			"某省优化营商环境三年行动计划", "某办发〔2024〕5号", "", nil},
		{"a table's header cell is no title",
			"序号\t具体措施\t牵头单位\t完成时限\n1\t推行网上办理\t区数据局\t2024年底前\n",
			"", "", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse([]byte(c.text), Options{})
			require.NoError(t, err)
			p := res.Plan
			assert.Equal(t, c.title, p.Title)
			assert.Equal(t, c.number, p.DocNumber.String())
			assert.Equal(t, c.issuer, p.Issuer)
			var basis []string
			for _, b := range p.Basis {
				basis = append(basis, b.Title+"="+b.DocNumber.String())
			}
			assert.Equal(t, c.basis, basis)
			tasks, _ := p.Tasks()
			assert.Len(t, tasks, 1)
		})
	}
}
