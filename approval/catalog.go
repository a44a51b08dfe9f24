package approval

import (
	"sort"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
)

// The documents the catalog cites. The plans are the seed documents
// (shared/seeds), each quote copied from them character for character; the
// statutes are cited by article.
const (
	docProvince = "辽宁省营商环境建设行动方案（2021—2025年）（辽政办发〔2022〕14号）"
	docCity     = "鞍山市优化营商环境“十四五”规划"
	docBayuquan = "鲅鱼圈区营商环境优化行动方案（2021-2024年）（鲅政办发〔2022〕1号）"
	docHighTech = "鞍山高新区优化营商环境方案（2022年）"
	// Statutes.
	lawLicensing   = "中华人民共和国行政许可法"
	lawProperty    = "不动产登记暂行条例"
	lawProcurement = "中华人民共和国政府采购法"
	lawWorkingTime = "国务院关于职工工作时间的规定"
)

// The places whose plans the catalog cites.
var (
	placeNation   = Jurisdiction{Name: "全国"}
	placeProvince = Jurisdiction{Region: mustRegion("210000"), Name: "辽宁省"}
	placeCity     = Jurisdiction{Region: mustRegion("210300"), Name: "鞍山市"}
	placeBayuquan = Jurisdiction{Region: mustRegion("210804"), Name: "营口市鲅鱼圈区"}
	// HighTechZone is the development zone whose plan is docHighTech: it
	// has no GB/T 2260 code of its own and lies in 鞍山市.
	placeHighTech = Jurisdiction{Region: mustRegion("210300"), Zone: HighTechZone, Name: "鞍山高新技术产业开发区"}
)

// HighTechZone is the zone name CatalogFor takes for 鞍山高新技术产业开发区,
// whose own plan (鞍山高新区优化营商环境方案（2022年）) sets limits there.
const HighTechZone = "鞍山高新区"

func mustRegion(code string) org.Region {
	r, err := org.ParseRegion(code)
	if err != nil {
		panic("approval: bad built-in region " + code) // caught by TestCatalogValidates
	}
	return r
}

func date(y, m, d int) calendar.Date {
	x, err := calendar.NewDate(y, time.Month(m), d)
	if err != nil {
		panic("approval: bad built-in date") // caught by TestCatalogValidates
	}
	return x
}

// The validity of each plan's figures, read as bizenv reads them: a target
// to be met "by the end of 2022" (2022年底前) binds from the next day until
// a later target for the same service replaces it or the plan ends; a
// figure with no date of its own binds from the plan's issue (or, when the
// issue date is not printed, its first year) to its end.
var (
	validProvince = Validity{From: date(2022, 1, 19), To: date(2025, 12, 31),
		Basis: "方案2022年1月19日印发，期限至2025年；该目标未写年份，自印发起适用 / issued 2022-01-19, runs to 2025; the target has no year of its own"}
	validCity2025 = Validity{From: date(2025, 1, 1), To: date(2025, 12, 31),
		Basis: "专栏1“2025 年目标” / the column's target for 2025"}
	validBayuquan2022 = Validity{From: date(2023, 1, 1), To: date(2024, 12, 31),
		Basis: "“2022年底前”达到，自2023年起适用至方案期末2024年底 / to be met by the end of 2022: binding from 2023 until the plan ends in 2024"}
	validBayuquan2022Replaced = Validity{From: date(2023, 1, 1), To: date(2023, 12, 31),
		Basis: "“2022年底前”达到，2023年适用；2024年起由“2023年底前”的目标取代 / met by the end of 2022: binding in 2023; replaced from 2024 by the target for the end of 2023"}
	validBayuquan2023 = Validity{From: date(2024, 1, 1), To: date(2024, 12, 31),
		Basis: "“2023年底前”达到，自2024年起适用至方案期末2024年底 / to be met by the end of 2023: binding from 2024 until the plan ends in 2024"}
	validHighTechJuly = Validity{From: date(2022, 8, 1), To: date(2022, 12, 31),
		Basis: "“到2022年7月底”达到，自2022年8月起适用至方案年度末 / to be met by the end of July 2022: binding from August to the end of the plan's year"}
	validHighTech2022 = Validity{From: date(2022, 1, 1), To: date(2022, 12, 31),
		Basis: "方案为2022年度方案，未载印发日期：以2022年全年计 / a plan for 2022 with no printed issue date: the whole of 2022"}
	validLicensing = Validity{From: date(2004, 7, 1),
		Basis: "行政许可法自2004年7月1日起施行 / in force since 2004-07-01"}
	validProperty = Validity{From: date(2015, 3, 1),
		Basis: "不动产登记暂行条例自2015年3月1日起施行 / in force since 2015-03-01"}
	validProcurement = Validity{From: date(2003, 1, 1),
		Basis: "政府采购法自2003年1月1日起施行 / in force since 2003-01-01"}
)

func wd(n int) *calendar.Period    { return &calendar.Period{N: n, Unit: calendar.Workdays} }
func days(n int) *calendar.Period  { return &calendar.Period{N: n, Unit: calendar.Days} }
func hours(n int) *calendar.Period { return &calendar.Period{N: n, Unit: calendar.Hours} }

func seed(of, doc, provision, quote string) Citation {
	return Citation{Of: of, Document: doc, Provision: provision, Quote: quote, Checked: true}
}

// The citations of the statutes, quoted from published copies where
// Checked, and otherwise as the request that asked for them quotes them.
var (
	citeLicensingLimit = Citation{Of: "statutory", Document: lawLicensing, Provision: "第四十二条第一款", Checked: true,
		Quote: "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。"}
	citeLicensingJoint = Citation{Of: "statutory", Document: lawLicensing, Provision: "第四十二条第二款", Checked: true,
		Quote: "行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理由告知申请人。"}
	citeLicensingWorkdays = Citation{Of: "statutory", Document: lawLicensing, Provision: "第八十二条", Checked: true,
		Quote: "本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。"}
	citeLicensingNotice = Citation{Of: "notice", Document: lawLicensing, Provision: "第三十二条第一款第（四）项", Checked: true,
		Quote: "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理"}
	citeLicensingPauses = Citation{Of: "pauses", Document: lawLicensing, Provision: "第四十五条", Checked: true,
		Quote: "行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内。"}
	citeProperty = Citation{Of: "statutory", Document: lawProperty, Provision: "第二十条",
		Quote: "不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。"}
	citeProcurement = Citation{Of: "statutory", Document: lawProcurement, Provision: "第四十六条第一款", Checked: true,
		Quote: "采购人与中标、成交供应商应当在中标、成交通知书发出之日起三十日内，按照采购文件确定的事项签订政府采购合同。"}
	citeHours = Citation{Of: "hours", Document: lawWorkingTime, Provision: "第三条", Checked: true,
		Quote: "职工每日工作8小时、每周工作40小时。"}
	// The stage names of 工程建设项目审批.
	citeConstructionStages = seed("stages", docCity, "（三）4.",
		"将全流程压缩至“立项用地规划许可阶段”“工程建设许可阶段”“施工许可阶段”及“竣工验收阶段”四个“阶段”办理")
)

func constructionStages() []Stage {
	return []Stage{{Name: "立项用地规划许可"}, {Name: "工程建设许可"}, {Name: "施工许可"}, {Name: "竣工验收"}}
}

func gasStages() []Stage {
	return []Stage{{Name: "申报"}, {Name: "设计"}, {Name: "施工"}, {Name: "通气"}}
}

const gasQuote = "用气报装压缩至最多4个环节(申报、设计、施工、通气),单户上表(室内已有燃气主管线)时长3个工作日,小型简单用户报装时长10个工作日(不含危险作业),大型用户报装时长30个工作日(不含危险作业)"

// Catalog returns every process the seed plans and the statutes set time
// limits for, each with its sources, jurisdiction and validity, sorted by
// ID; expired ones included (CatalogFor picks those in force in a place on
// a day). No stage name appears that a source does not print: where a plan
// gives only a number of steps (压缩至3个环节), Steps holds it and Stages
// stays empty. The values are fresh copies: the caller may change them.
func Catalog() []Process {
	ps := []Process{
		// 辽宁省.
		{ID: "construction-permit", Service: "construction-permit", Name: "工程建设项目审批（全流程）",
			Source:       docProvince + " 专栏2（一）：工程建设项目全流程审批时限压缩至60个工作日以内；四个阶段的名称见" + docCity,
			Citations:    []Citation{seed("promised", docProvince, "专栏2（一）", "除特殊工程外,工程建设项目全流程审批时限压缩至60个工作日以内"), citeConstructionStages},
			Jurisdiction: placeProvince, Validity: validProvince,
			Stages: constructionStages(), Promised: wd(60), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "tax-deregistration-general", Service: "tax-deregistration", Name: "税务注销（增值税一般纳税人，一般流程）",
			Source:       docProvince + " 专栏5（五）：增值税一般纳税人税务注销一般流程办理时限压缩至10个工作日",
			Citations:    []Citation{seed("promised", docProvince, "专栏5（五）", "将增值税一般纳税人税务注销一般流程办理时限进一步压缩至10个工作日")},
			Jurisdiction: placeProvince, Validity: validProvince, Promised: wd(10)},
		{ID: "tax-deregistration-small", Service: "tax-deregistration", Name: "税务注销（小规模纳税人和其他纳税人，一般流程）",
			Source:       docProvince + " 专栏5（五）：小规模纳税人和其他纳税人税务注销一般流程办理时限压缩至5个工作日",
			Citations:    []Citation{seed("promised", docProvince, "专栏5（五）", "增值税小规模纳税人和其他纳税人税务注销一般流程办理时限进一步压缩至5个工作日")},
			Jurisdiction: placeProvince, Validity: validProvince, Promised: wd(5)},

		// 鞍山市.
		{ID: "construction-permit-city", Service: "construction-permit", Name: "工程建设项目从立项到不动产登记全流程审批",
			Source:       docCity + " 专栏1：全流程审批时限不超过40天（约束性，2025年目标）",
			Citations:    []Citation{seed("promised", docCity, "专栏1 工程建设项目从立项到不动产登记全流程审批时限（2025 年目标）", "不超过 40 天"), citeConstructionStages},
			Jurisdiction: placeCity, Validity: validCity2025,
			Stages: constructionStages(), Promised: days(40), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},

		// 鲅鱼圈区.
		{ID: "business-startup", Service: "business-startup", Name: "企业开办（线下）",
			Source:       docBayuquan + " 1.：2022年底前，开办企业线下办理流程压缩至1个环节，1个工作日以内办结",
			Citations:    []Citation{seed("promised", docBayuquan, "1.", "2022年底前,将开办企业线下办理流程压缩至1个环节,1个工作日以内办结")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Steps: 1, Promised: wd(1)},
		{ID: "business-startup-online", Service: "business-startup", Name: "企业开办（线上）",
			Source:       docBayuquan + " 2.：2023年底前，开办企业线上办理流程压缩至1个环节，0.5个工作日办结（半个工作日按工作时间的4小时计）",
			Citations:    []Citation{seed("promised", docBayuquan, "2.", "2023年底前,将开办企业线上办理流程压缩至1个环节,0.5个工作日办结")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2023, Steps: 1, Promised: hours(4)},
		{ID: "small-investment-project-2022", Service: "small-investment-project", Name: "小型社会投资项目审批（2022年目标）",
			Source:       docBayuquan + " 5.：2022年底前，小型社会投资项目办理流程压缩至10个环节，40个工作日办结",
			Citations:    []Citation{seed("promised", docBayuquan, "5.", "2022年底前,将小型社会投资项目办理流程压缩至10个环节,40个工作日办结")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022Replaced, Steps: 10, Promised: wd(40)},
		{ID: "small-investment-project-2023", Service: "small-investment-project", Name: "小型社会投资项目审批（2023年目标）",
			Source:       docBayuquan + " 5.：2023年底前，压缩至5个环节，30个工作日办结",
			Citations:    []Citation{seed("promised", docBayuquan, "5.", "2023年底前,压缩至5个环节,30个工作日办结")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2023, Steps: 5, Promised: wd(30)},
		{ID: "power-high-voltage-2022", Service: "power-high-voltage", Name: "获得电力（普通高压，2022年目标）",
			Source: docBayuquan + " 13.：2022年底前，普通高压办电压缩至3个环节（申请受理、供电方案答复、装表接电）、25个工作日",
			Citations: []Citation{
				seed("promised", docBayuquan, "13.", "普通高压办电压缩至3个环节(申请受理、供电方案答复、装表接电)、业务办理时长压缩至25个工作日"),
				seed("stages", docBayuquan, "13.", "3个环节(申请受理、供电方案答复、装表接电)")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022Replaced,
			Stages: []Stage{{Name: "申请受理"}, {Name: "供电方案答复"}, {Name: "装表接电"}}, Promised: wd(25)},
		{ID: "power-high-voltage", Service: "power-high-voltage", Name: "获得电力（普通高压）",
			Source: docBayuquan + " 13.：普通高压办电3个环节（申请受理、供电方案答复、装表接电）；2023年底前，实现高压办电20个工作日",
			Citations: []Citation{
				seed("promised", docBayuquan, "13.", "2023年底前,实现高压办电20个工作日"),
				seed("stages", docBayuquan, "13.", "3个环节(申请受理、供电方案答复、装表接电)")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2023,
			Stages: []Stage{{Name: "申请受理"}, {Name: "供电方案答复"}, {Name: "装表接电"}}, Promised: wd(20)},
		{ID: "power-low-voltage-2022", Service: "power-low-voltage", Name: "获得电力（低压小微企业，2022年目标）",
			Source: docBayuquan + " 13.：2022年底前，低压小微企业办电压缩至2个环节（申请签约、施工接电）、5个工作日",
			Citations: []Citation{
				seed("promised", docBayuquan, "13.", "低压小微企业办电压缩至2个环节(申请签约、施工接电)、业务办理时长压缩至5个工作日"),
				seed("stages", docBayuquan, "13.", "2个环节(申请签约、施工接电)")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022Replaced,
			Stages: []Stage{{Name: "申请签约"}, {Name: "施工接电"}}, Promised: wd(5)},
		{ID: "power-low-voltage", Service: "power-low-voltage", Name: "获得电力（低压小微企业）",
			Source: docBayuquan + " 13.：低压小微企业办电2个环节（申请签约、施工接电）；2023年底前，低压3个工作日",
			Citations: []Citation{
				seed("promised", docBayuquan, "13.", "2023年底前,实现高压办电20个工作日,低压3个工作日"),
				seed("stages", docBayuquan, "13.", "2个环节(申请签约、施工接电)")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2023,
			Stages: []Stage{{Name: "申请签约"}, {Name: "施工接电"}}, Promised: wd(3)},
		{ID: "water-small", Service: "water", Name: "获得用水（小型上水）",
			Source:       docBayuquan + " 17.：用水报装压缩至报装设计、施工通水2个环节，小型上水设计1个工作日完成",
			Citations:    []Citation{seed("stages", docBayuquan, "17.", "将用水报装压缩至报装设计、施工通水2个环节,小型上水设计1个工作日完成")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022,
			Stages: []Stage{{Name: "报装设计", Limit: wd(1)}, {Name: "施工通水"}}},
		{ID: "water-large", Service: "water", Name: "获得用水（较大型上水）",
			Source:       docBayuquan + " 17.：用水报装压缩至报装设计、施工通水2个环节，较大型上水设计4个工作日完成",
			Citations:    []Citation{seed("stages", docBayuquan, "17.", "将用水报装压缩至报装设计、施工通水2个环节"), seed("stages", docBayuquan, "17.", "较大型上水设计4个工作日完成")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022,
			Stages: []Stage{{Name: "报装设计", Limit: wd(4)}, {Name: "施工通水"}}},
		{ID: "gas-single-meter", Service: "gas", Name: "获得用气（单户上表）",
			Source:       docBayuquan + " 17.：用气报装最多4个环节（申报、设计、施工、通气），单户上表（室内已有燃气主管线）3个工作日",
			Citations:    []Citation{seed("promised", docBayuquan, "17.", gasQuote)},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Stages: gasStages(), Promised: wd(3)},
		{ID: "gas-small", Service: "gas", Name: "获得用气（小型简单用户）",
			Source:       docBayuquan + " 17.：小型简单用户报装时长10个工作日（不含危险作业：以 dangerous_work 暂停计时）",
			Citations:    []Citation{seed("promised", docBayuquan, "17.", gasQuote)},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Stages: gasStages(), Promised: wd(10)},
		{ID: "gas-large", Service: "gas", Name: "获得用气（大型用户）",
			Source:       docBayuquan + " 17.：大型用户报装时长30个工作日（不含危险作业：以 dangerous_work 暂停计时）",
			Citations:    []Citation{seed("promised", docBayuquan, "17.", gasQuote)},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Stages: gasStages(), Promised: wd(30)},
		{ID: "heating-repair", Service: "heating-repair", Name: "供暖维修",
			Source:       docBayuquan + " 19.：2022年底前，供暖维修时限缩减至24小时（按全天连续计时，是 bizenv 的理解：维修不分昼夜）",
			Citations:    []Citation{seed("promised", docBayuquan, "19.", "2022年底前,供暖维修时限缩减至24小时")},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Promised: hours(24), Hours: RoundTheClock()},
		{ID: "property-registration", Service: "property-registration", Name: "不动产登记（一般登记及企业间转移登记）",
			Source: docBayuquan + " 20.：2022年底前，全流程线下办理压缩至3个环节，3个工作日办结；法定时限：" + lawProperty + " 第二十条，30个工作日",
			Citations: []Citation{
				seed("promised", docBayuquan, "20.", "2022年底前,一般不动产登记及企业间不动产转移登记全流程线下办理压缩至3个环节,3个工作日办结"),
				citeProperty},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Steps: 3, Promised: wd(3), Statutory: wd(30)},
		{ID: "procurement-contract", Service: "procurement-contract", Name: "政府采购合同签订",
			Source: docBayuquan + " 45.：2022年底前，中标（成交）通知书发出后10个工作日内完成政府采购合同签订；法定时限：" + lawProcurement + " 第四十六条，三十日",
			Citations: []Citation{
				seed("promised", docBayuquan, "45.", "2022年底前,中标(成交)通知书发出后,10个工作日内完成政府采购合同签订"),
				citeProcurement},
			Jurisdiction: placeBayuquan, Validity: validBayuquan2022, Promised: wd(10), Statutory: days(30)},

		// 鞍山高新区.
		{ID: "hightech-business-startup", Service: "business-startup", Name: "企业开办（高新区）",
			Source:       docHighTech + " 三、（一）2.：到2022年7月底将企业开办压缩至2个环节，1个工作日以内",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "到2022年7月底将企业开办压缩至2个环节，1个工作日以内")},
			Jurisdiction: placeHighTech, Validity: validHighTechJuly, Steps: 2, Promised: wd(1)},
		{ID: "hightech-construction-general", Service: "construction-permit", Name: "社会投资一般经营型房屋建设类项目审批（高新区）",
			Source:       docHighTech + " 三、（一）2.：社会投资一般经营型房屋建设类项目压减至40个工作日以内",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "社会投资一般经营型房屋建设类项目压减至40个工作日以内")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022, Promised: wd(40)},
		{ID: "hightech-power-high-voltage", Service: "power-high-voltage", Name: "获得电力（高压用户，高新区）",
			Source:       docHighTech + " 三、（一）2.：高压用户办电环节缩减至5个，办理时间缩减至48天以内（原文为“天”，按自然日计）",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "高压用户办电环节缩减至5个，办理时间缩减至48天以内")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022, Steps: 5, Promised: days(48)},
		{ID: "hightech-power-low-voltage", Service: "power-low-voltage", Name: "获得电力（低压，高新区）",
			Source:       docHighTech + " 三、（一）2.：低压办电环节缩减至2个，办理时间缩减至12天（原文为“天”，按自然日计）",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "低压办电环节缩减至2个，办理时间缩减至12天")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022, Steps: 2, Promised: days(12)},
		{ID: "hightech-water", Service: "water", Name: "获得用水（企业用水报装，高新区）",
			Source:       docHighTech + " 三、（一）2.：企业用水报装环节缩减至3个，办理时间缩减至5天（原文为“天”，按自然日计）",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "企业用水报装环节缩减至3个，办理时间缩减至5天")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022, Steps: 3, Promised: days(5)},
		{ID: "hightech-gas", Service: "gas", Name: "获得用气（企业用气报装，高新区）",
			Source:       docHighTech + " 三、（一）2.：企业用气报装环节缩减至3个，办理时间缩减至2天（原文为“天”，按自然日计）",
			Citations:    []Citation{seed("promised", docHighTech, "三、（一）2.", "企业用气报装环节缩减至3个，办理时间缩减至2天")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022, Steps: 3, Promised: days(2)},
		{ID: "complaint-12345", Service: "complaint-12345", Name: "12345 营商环境投诉（一般案件，高新区）",
			Source: docHighTech + " 三、（二）1.：“12345”营商环境投诉热线……一般案件实现当天反馈，3日内办结",
			Citations: []Citation{
				seed("promised", docHighTech, "三、（二）1.", "一般案件实现当天反馈，3日内办结"),
				seed("stages", docHighTech, "三、（二）1.", "当天反馈")},
			Jurisdiction: placeHighTech, Validity: validHighTech2022,
			Stages: []Stage{{Name: "反馈", Limit: days(0)}}, Promised: days(3)},

		// National statutes.
		{ID: "administrative-licence", Service: "administrative-licence", Name: "行政许可（一般程序）",
			Source:       lawLicensing + " 第四十二条第一款：二十日，经本行政机关负责人批准可延长十日，一次；第八十二条：以工作日计算；第三十二条：五日内一次告知补正，逾期不告知的自收到申请材料之日起即为受理；第四十五条：听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的时间不计算在内",
			Citations:    []Citation{citeLicensingLimit, citeLicensingWorkdays, citeLicensingNotice, citeLicensingPauses, citeHours},
			Jurisdiction: placeNation, Validity: validLicensing,
			Statutory: wd(20), Extension: wd(10), Notice: wd(5), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "administrative-licence-joint", Service: "administrative-licence", Name: "行政许可（统一办理、联合办理、集中办理）",
			Source:       lawLicensing + " 第四十二条第二款：不得超过四十五日；经本级人民政府负责人批准可延长十五日；第八十二条：以工作日计算；第三十二条：五日内一次告知补正",
			Citations:    []Citation{citeLicensingJoint, citeLicensingWorkdays, citeLicensingNotice, citeLicensingPauses, citeHours},
			Jurisdiction: placeNation, Validity: validLicensing,
			Statutory: wd(45), Extension: wd(15), Notice: wd(5), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "property-registration-law", Service: "property-registration", Name: "不动产登记（法定时限）",
			Source:       lawProperty + " 第二十条：自受理登记申请之日起30个工作日内办结，法律另有规定的除外",
			Citations:    []Citation{citeProperty, citeHours},
			Jurisdiction: placeNation, Validity: validProperty, Statutory: wd(30)},
		{ID: "procurement-contract-law", Service: "procurement-contract", Name: "政府采购合同签订（法定时限）",
			Source:       lawProcurement + " 第四十六条：中标、成交通知书发出之日起三十日内签订政府采购合同（自然日；末日为法定休假日的顺延）",
			Citations:    []Citation{citeProcurement},
			Jurisdiction: placeNation, Validity: validProcurement, Statutory: days(30)},
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].ID < ps[j].ID })
	return ps
}
