package credit

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Check is how often an entity is spot-checked: the share of its group
// drawn in a year's random checks, and how many rounds a year.
type Check struct {
	// Percent is the share drawn, 0–100.
	Percent decimal.Decimal `json:"percent"`
	// PerYear is the number of draws a year.
	PerYear int `json:"per_year"`
}

// Cell keys a policy by credit grade and industry risk level.
type Cell struct {
	// Grade is the credit grade.
	Grade Grade `json:"grade"`
	// Risk is the industry risk level (高, 中, 低 or as a sector names it).
	Risk string `json:"risk"`
}

// KeyFieldsSource says where DefaultKeyFields comes from: it is bizenv's
// default, not a list quoted from a rule.
const KeyFieldsSource = "bizenv 默认值，非规范性文件所列清单：国务院《关于加强和规范事中事后监管的指导意见》（国发〔2019〕18号）要求对直接涉及公共安全和人民群众生命健康的特殊重点领域实行全覆盖重点监管，但未列封闭清单；" +
	"辽宁省《营商环境建设行动方案（2021—2025年）》（辽政办发〔2022〕14号）列食品药品、医疗器械、特种设备、重点产品以及安全生产。请按本地规定设置 Policy.KeyFields / " +
	"bizenv's default, not a list from a rule: 国发〔2019〕18号 asks for full-coverage supervision of the key fields of public safety and health without a closed list, " +
	"and the Liaoning plan (辽政办发〔2022〕14号) names food and drugs, medical devices, special equipment, key products and work safety. Set Policy.KeyFields to your rules."

// DefaultKeyFields returns bizenv's default key fields, where red-list
// non-disturbance never applies: 疫苗, 药品, 特种设备, 危险化学品. They are
// not quoted from a rule (see KeyFieldsSource): set Policy.KeyFields to the
// list your rules give.
//
// The list is part of the draw algorithm bizenv-draw/1: a record whose
// policy leaves key_fields out was drawn with it, so it never changes.
func DefaultKeyFields() []string {
	return []string{"疫苗", "药品", "特种设备", "危险化学品"}
}

// Policy is graded supervision (信用分级分类监管): for each grade and risk
// level, the spot-check ratio and frequency, which the caller sets (国办发〔2019〕35号
// and the seed plans ask that ratios and frequencies follow credit and risk,
// lower for the trustworthy and low-risk — 无事不扰 — and higher for the
// risky, without giving figures). Complaints, referrals and checks on leads
// are never governed by the policy: it covers random checks only.
//
// Red-listed entities outside the key fields are left out of random checks
// unless DisturbRedList is set. That default is bizenv's, not a rule's: the
// national documents ask to lower the checks of trustworthy entities, not
// to stop them; set DisturbRedList where your rules keep red-listed
// entities in the draw.
type Policy struct {
	// Cells are the checks by grade and risk.
	Cells []CellCheck `json:"cells"`
	// KeyFields override red-list non-disturbance; nil or empty means
	// DefaultKeyFields, bizenv's default (the JSON of a policy leaves an
	// empty list out, so the two cannot differ).
	KeyFields []string `json:"key_fields,omitempty"`
	// DisturbRedList keeps red-listed entities in the draw (bizenv's
	// default leaves them out).
	DisturbRedList bool `json:"disturb_red_list,omitempty"`
}

// CellCheck is one row of a policy.
type CellCheck struct {
	Cell
	Check
}

// Entity is one entity of a draw's population.
type Entity struct {
	// Code is the entity's unified social credit code.
	Code USCC `json:"code"`
	// Name is its name.
	Name string `json:"name,omitempty"`
	// Grade is its credit grade.
	Grade Grade `json:"grade"`
	// Risk is its industry risk level.
	Risk string `json:"risk"`
	// Field is the entity's regulated field (食品, 药品, 特种设备 ...).
	Field string `json:"field,omitempty"`
	// Red marks an entity on the red list on the day of the draw.
	Red bool `json:"red,omitempty"`
}

// For returns the check for e, and whether e is exempt from random checks
// (red-listed outside the key fields). ok is false when no cell matches:
// such entities are not drawn, and a draw reports them.
func (p Policy) For(e Entity) (c Check, exempt, ok bool) {
	if e.Red && !p.DisturbRedList && !p.keyField(e.Field) {
		return Check{}, true, true
	}
	for _, cc := range p.Cells {
		if cc.Grade == e.Grade && cc.Risk == e.Risk {
			return cc.Check, false, true
		}
	}
	return Check{}, false, false
}

func (p Policy) keyField(f string) bool {
	kf := p.KeyFields
	if len(kf) == 0 { // nil or empty alike: JSON cannot tell them apart
		kf = DefaultKeyFields()
	}
	for _, k := range kf {
		if k == f {
			return true
		}
	}
	return false
}

// Eligibility says which lighter acceptance modes an entity may use.
type Eligibility struct {
	// NotifyCommit: 告知承诺 (approval on a written commitment).
	NotifyCommit bool `json:"notify_commit"`
	// AcceptDeficient: 容缺受理 (acceptance with minor materials missing).
	AcceptDeficient bool `json:"accept_deficient"`
	// Reasons explain a refusal, in Chinese and English.
	Reasons []string `json:"reasons,omitempty"`
}

// AcceptanceRule sets which grades may use the lighter modes.
type AcceptanceRule struct {
	// Scheme grades the entities.
	Scheme Scheme `json:"scheme"`
	// Worst is the worst grade still allowed (e.g. B of the market risk
	// classes); an entity graded below it is refused.
	Worst Grade `json:"worst"`
}

// Eligible decides, on d, whether an entity with grade g and records may
// use 告知承诺 and 容缺受理: not while it has a serious dishonesty record or a
// breach of a commitment (a false commitment) in force, nor with a grade
// worse than the rule allows (国办发〔2020〕42号: an applicant with a serious
// bad credit record or a past false commitment may not use 告知承诺 until its
// credit is repaired). A record no longer blocks once it is repaired, or
// once its longest publicity has run out (令第36号: publication then stops by
// itself) — a lapsed breach does not exclude for good. Where a sector's
// rules keep an uncorrected record in force beyond that (令第36号 leaves
// that to the sector), set Record.Publicity.Max accordingly.
func (a AcceptanceRule) Eligible(g Grade, records []Record, d calendar.Date) (Eligibility, error) {
	e := Eligibility{NotifyCommit: true, AcceptDeficient: true}
	refuse := func(why string) {
		e.NotifyCommit, e.AcceptDeficient = false, false
		e.Reasons = append(e.Reasons, why)
	}
	if worse, err := a.Scheme.Better(a.Worst, g); err != nil {
		return Eligibility{}, err
	} else if worse {
		refuse("信用等级 " + string(g) + " 低于 " + string(a.Worst) + " / grade " + string(g) + " is below " + string(a.Worst))
	}
	for _, r := range records {
		st, err := r.Status(d)
		if err != nil {
			return Eligibility{}, err
		}
		if st != Active {
			continue // repaired, lapsed or not yet decided
		}
		switch {
		case r.Kind == SeriousDishonesty || (r.Severity == Serious && r.Kind != Reward):
			refuse("存在未修复的严重失信记录 " + r.ID + " / unrepaired serious dishonesty record " + r.ID)
		case r.Kind == CommitmentBreach:
			refuse("存在公示期内的违背信用承诺记录 " + r.ID + " / a breach of commitment still in force: " + r.ID)
		}
	}
	return e, nil
}

// Commitment is a credit commitment (信用承诺) made to obtain an approval,
// checked on Verify.
type Commitment struct {
	// ID identifies the commitment.
	ID string `json:"id"`
	// Subject is the entity that committed.
	Subject USCC `json:"subject"`
	// Made is when it was made.
	Made calendar.Date `json:"made"`
	// Verify is when it is to be checked (核查).
	Verify calendar.Date `json:"verify"`
	// Content is what was promised.
	Content string `json:"content"`
	// Approval names the approval the commitment obtained.
	Approval string `json:"approval,omitempty"`
}

// Breach turns a commitment found false on found into a credit record
// (违背信用承诺) of the given severity, published under the rules in force
// on found (PublicityOn).
func (c Commitment) Breach(found calendar.Date, issuer string, severity Severity) (Record, error) {
	if found.Before(c.Made) {
		return Record{}, fmt.Errorf("%w: 违诺认定日 %s 早于承诺日 %s / the breach was found on %s, before the commitment was made on %s", ErrInvalidRecord, found, c.Made, found, c.Made)
	}
	rule, err := PublicityOn(severity, found)
	if err != nil {
		return Record{}, err
	}
	return Record{ID: c.ID + "-breach", Subject: c.Subject, Kind: CommitmentBreach, Severity: severity, Decided: found,
		Issuer: issuer, Summary: "违背信用承诺：" + c.Content, Publicity: rule}, nil
}
