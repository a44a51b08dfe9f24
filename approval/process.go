package approval

import (
	"sort"

	"github.com/bizenv/bizenv/calendar"
)

// Mode is a way an application may be accepted.
type Mode string

// The acceptance modes.
const (
	Normal          Mode = "normal"           // 一般受理
	AcceptDeficient Mode = "accept_deficient" // 容缺受理: accepted with minor materials missing
	NotifyCommit    Mode = "notify_commit"    // 告知承诺: approved on the applicant's written commitment
)

// Stage is one stage (阶段 / 环节) of a process.
type Stage struct {
	// Name identifies the stage within its process (申请受理).
	Name string `json:"name"`
	// Limit is the stage's own time limit; nil when only the whole process
	// is limited.
	Limit *calendar.Period `json:"limit,omitempty"`
}

// Process is a kind of approval or service with time limits: its stages,
// the promised limit for the whole (承诺时限), the statutory limit where a
// law sets one (法定时限), the extension the law allows, and the
// acceptance modes offered.
type Process struct {
	// ID is a stable identifier (power-high-voltage).
	ID string `json:"id"`
	// Name is the process's name (获得电力（普通高压）).
	Name string `json:"name"`
	// Source cites the seed document or statute the limits come from.
	Source string `json:"source"`
	// Stages are the process's stages, in order.
	Stages []Stage `json:"stages,omitempty"`
	// Promised is the limit promised for the whole process; nil when only
	// stages are limited.
	Promised *calendar.Period `json:"promised,omitempty"`
	// Statutory is the limit the law sets, when it sets one; compression is
	// measured against it.
	Statutory *calendar.Period `json:"statutory,omitempty"`
	// Extension is the longest extension that may be approved (行政许可法
	// 第四十二条: 10 days), nil when none.
	Extension *calendar.Period `json:"extension,omitempty"`
	// Modes are the acceptance modes offered; empty means Normal only.
	Modes []Mode `json:"modes,omitempty"`
}

// Stage returns the stage named name, and whether there is one.
func (p *Process) Stage(name string) (Stage, bool) {
	for _, s := range p.Stages {
		if s.Name == name {
			return s, true
		}
	}
	return Stage{}, false
}

func wd(n int) *calendar.Period    { return &calendar.Period{N: n, Unit: calendar.Workdays} }
func days(n int) *calendar.Period  { return &calendar.Period{N: n, Unit: calendar.Days} }
func hours(n int) *calendar.Period { return &calendar.Period{N: n, Unit: calendar.Hours} }

// The seed documents the catalog cites.
const (
	seedProvince = "辽宁省营商环境建设行动方案（2021—2025年）（辽政办发〔2022〕14号）"
	seedCity     = "鞍山市优化营商环境“十四五”规划"
	seedBayuquan = "鲅鱼圈区营商环境优化行动方案（2021-2024年）（鲅政办发〔2022〕1号）"
	seedTasks    = "2022年辽宁省《政府工作报告》任务分解（优化营商环境）"
	lawLicensing = "行政许可法 第四十二条（二十日，经批准可延长十日）"
)

// Catalog returns the processes the seed plans set time limits for, each
// citing its source, sorted by ID. The values are fresh copies: the caller
// may change them.
func Catalog() []Process {
	ps := []Process{
		{ID: "construction-permit", Name: "工程建设项目审批（全流程）",
			Source:   seedProvince + "：全流程审批时限压缩至60个工作日以内；" + seedBayuquan + "：立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段",
			Stages:   []Stage{{Name: "立项用地规划许可"}, {Name: "工程建设许可"}, {Name: "施工许可"}, {Name: "竣工验收"}},
			Promised: wd(60), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "construction-permit-city", Name: "工程建设项目从立项到不动产登记全流程审批",
			Source:   seedCity + " 专栏1：全流程审批时限不超过40天（约束性）",
			Stages:   []Stage{{Name: "立项用地规划许可"}, {Name: "工程建设许可"}, {Name: "施工许可"}, {Name: "竣工验收"}},
			Promised: days(40), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "business-startup", Name: "企业开办（线下）",
			Source:   seedBayuquan + "：2022年底前开办企业线下办理流程压缩至1个环节，1个工作日以内办结（线上0.5个工作日，未收录：期间以整日计）",
			Stages:   []Stage{{Name: "综合窗口办理", Limit: wd(1)}},
			Promised: wd(1)},
		{ID: "power-high-voltage", Name: "获得电力（普通高压）",
			Source:   seedBayuquan + "：普通高压办电压缩至3个环节（申请受理、供电方案答复、装表接电）、25个工作日；2023年底前20个工作日",
			Stages:   []Stage{{Name: "申请受理"}, {Name: "供电方案答复"}, {Name: "装表接电"}},
			Promised: wd(20)},
		{ID: "power-low-voltage", Name: "获得电力（低压小微企业）",
			Source:   seedBayuquan + "：低压小微企业办电压缩至2个环节（申请签约、施工接电）、5个工作日；2023年底前3个工作日",
			Stages:   []Stage{{Name: "申请签约"}, {Name: "施工接电"}},
			Promised: wd(3)},
		{ID: "water", Name: "获得用水",
			Source: seedBayuquan + "：用水报装压缩至报装设计、施工通水2个环节；小型上水设计1个工作日，较大型4个工作日",
			Stages: []Stage{{Name: "报装设计", Limit: wd(4)}, {Name: "施工通水"}}},
		{ID: "gas-single-meter", Name: "获得用气（单户上表）",
			Source:   seedBayuquan + "：用气报装最多4个环节（申报、设计、施工、通气），单户上表3个工作日",
			Stages:   []Stage{{Name: "申报"}, {Name: "设计"}, {Name: "施工"}, {Name: "通气"}},
			Promised: wd(3)},
		{ID: "gas-small", Name: "获得用气（小型简单用户）",
			Source:   seedBayuquan + "：小型简单用户报装时长10个工作日（不含危险作业）",
			Stages:   []Stage{{Name: "申报"}, {Name: "设计"}, {Name: "施工"}, {Name: "通气"}},
			Promised: wd(10)},
		{ID: "gas-large", Name: "获得用气（大型用户）",
			Source:   seedBayuquan + "：大型用户报装时长30个工作日（不含危险作业）",
			Stages:   []Stage{{Name: "申报"}, {Name: "设计"}, {Name: "施工"}, {Name: "通气"}},
			Promised: wd(30)},
		{ID: "property-registration", Name: "不动产登记（一般登记及企业间转移登记）",
			Source:   seedBayuquan + "：全流程线下办理压缩至3个环节，3个工作日办结",
			Stages:   []Stage{{Name: "受理"}, {Name: "审核"}, {Name: "登簿发证"}},
			Promised: wd(3)},
		{ID: "procurement-contract", Name: "政府采购合同签订",
			Source:   seedBayuquan + "：中标（成交）通知书发出后，10个工作日内完成政府采购合同签订",
			Promised: wd(10)},
		{ID: "tax-deregistration-general", Name: "税务注销（增值税一般纳税人，一般流程）",
			Source:   seedProvince + "：增值税一般纳税人税务注销一般流程办理时限压缩至10个工作日",
			Promised: wd(10)},
		{ID: "tax-deregistration-small", Name: "税务注销（小规模纳税人和其他纳税人，一般流程）",
			Source:   seedProvince + "：小规模纳税人和其他纳税人税务注销一般流程办理时限压缩至5个工作日",
			Promised: wd(5)},
		{ID: "complaint-12345", Name: "12345 营商环境投诉（一般案件）",
			Source:   seedTasks + "：一般案件实现当天反馈，3日内办结",
			Stages:   []Stage{{Name: "反馈", Limit: days(0)}, {Name: "办结"}},
			Promised: days(3)},
		{ID: "heating-repair", Name: "供暖维修",
			Source:   seedBayuquan + "：2022年底前，供暖维修时限缩减至24小时",
			Promised: hours(24)},
		{ID: "administrative-licence", Name: "行政许可（一般程序）",
			Source:   lawLicensing + "；第八十二条：期限以工作日计算，不含法定节假日；第四十五条：听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的时间不计算在内",
			Promised: wd(20), Statutory: wd(20), Extension: wd(10), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
		{ID: "administrative-licence-joint", Name: "行政许可（统一办理、联合办理、集中办理）",
			Source:   "行政许可法 第四十二条第二款：不得超过四十五日；四十五日内不能办结的，经批准可以延长十五日；第八十二条：期限以工作日计算",
			Promised: wd(45), Statutory: wd(45), Extension: wd(15), Modes: []Mode{Normal, AcceptDeficient, NotifyCommit}},
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].ID < ps[j].ID })
	return ps
}

// Lookup returns the catalog process with id.
func Lookup(id string) (Process, bool) {
	for _, p := range Catalog() {
		if p.ID == id {
			return p, true
		}
	}
	return Process{}, false
}

// EnforcementPeriod returns how a period of n days set under 行政强制法 is
// counted: 第六十九条 counts periods of ten days or less in working days,
// and longer ones in natural days.
func EnforcementPeriod(n int) calendar.Period {
	if n <= 10 {
		return calendar.Period{N: n, Unit: calendar.Workdays}
	}
	return calendar.Period{N: n, Unit: calendar.Days}
}
