package credit

import (
	"errors"
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// ErrInvalidRecord reports a credit record or repair that breaks a rule.
var ErrInvalidRecord = errors.New("credit: 信用记录无效 / invalid record")

// RecordKind is what a credit record records.
type RecordKind string

// The kinds of record.
const (
	Penalty           RecordKind = "penalty"            // 行政处罚
	Abnormal          RecordKind = "abnormal"           // 经营异常名录
	SeriousDishonesty RecordKind = "serious_dishonesty" // 严重失信主体名单
	CommitmentBreach  RecordKind = "commitment_breach"  // 违背信用承诺
	Reward            RecordKind = "reward"             // 守信激励、表彰
)

// Severity grades dishonesty: 轻微, 一般, 严重.
type Severity string

// The severities.
const (
	Minor   Severity = "minor"   // 轻微
	General Severity = "general" // 一般
	Serious Severity = "serious" // 严重
)

// PublicityPeriod (公示期) is how long a record of one severity is published: at
// least Min (only then may repair be applied for) and at most Max (then
// publication stops by itself). PublicityOn gives the periods of the rules
// in force on a decision date.
type PublicityPeriod struct {
	// Published is false when such records are not published by default.
	Published bool `json:"published"`
	// Min is the shortest publicity; repair may be applied for after it.
	Min calendar.Period `json:"min"`
	// Max is the longest publicity.
	Max calendar.Period `json:"max"`
	// Source cites the rule that sets the periods.
	Source string `json:"source,omitempty"`
}

// Record is one credit record about an entity.
type Record struct {
	// ID identifies the record.
	ID string `json:"id"`
	// Subject is the entity's code.
	Subject USCC `json:"subject"`
	// Kind is what the record records.
	Kind RecordKind `json:"kind"`
	// Severity grades it (not used for rewards).
	Severity Severity `json:"severity,omitempty"`
	// Decided is the date of the decision (处罚决定、列入决定) the record
	// rests on; publicity counts from it.
	Decided calendar.Date `json:"decided"`
	// Issuer is the unit that decided.
	Issuer string `json:"issuer"`
	// Summary says what for.
	Summary string `json:"summary,omitempty"`
	// Publicity is the rule the record is published under.
	Publicity PublicityPeriod `json:"publicity"`
	// Repaired is the date repair took effect; zero if not repaired.
	Repaired calendar.Date `json:"repaired"`
}

// RecordStatus is where a record stands on a date.
type RecordStatus string

// The record statuses.
const (
	Active      RecordStatus = "active"   // published (or, for unpublished records, in force)
	Repaired    RecordStatus = "repaired" // repair took effect: publicity ended, joint punishment stopped
	Expired     RecordStatus = "expired"  // the longest publicity has run out
	NotYetValid RecordStatus = "not_yet"  // the date is before the decision
)

// addPeriod adds a month or year period to d, ending on the corresponding
// day or the month's last day; day periods add days.
func addPeriod(d calendar.Date, p calendar.Period) (calendar.Date, error) {
	switch p.Unit {
	case calendar.Months, calendar.Years:
		n := p.N
		if p.Unit == calendar.Years {
			n *= 12
		}
		m := d.Year()*12 + int(d.Month()) - 1 + n
		y, mo := m/12, m%12+1
		last, err := calendar.NewDate(y, time.Month(mo), 28)
		if err != nil {
			return calendar.Date{}, err
		}
		for day := 31; day > 28; day-- {
			if x, err := calendar.NewDate(y, time.Month(mo), day); err == nil {
				last = x
				break
			}
		}
		if d.Day() < last.Day() {
			return calendar.NewDate(y, time.Month(mo), d.Day())
		}
		return last, nil
	case calendar.Days:
		return d.AddDays(p.N)
	}
	return calendar.Date{}, fmt.Errorf("%w: 公示期须以日、月或年计 / publicity is counted in days, months or years, not %s", ErrInvalidRecord, p.Unit.English())
}

// PublicUntil returns the last day of the longest publicity.
func (r Record) PublicUntil() (calendar.Date, error) { return addPeriod(r.Decided, r.Publicity.Max) }

// RepairFrom returns the first day repair may be applied for: the day after
// the shortest publicity ends (for minor records, the decision date: once
// the duties are fulfilled).
func (r Record) RepairFrom() (calendar.Date, error) {
	if r.Publicity.Min.N == 0 {
		return r.Decided, nil
	}
	end, err := addPeriod(r.Decided, r.Publicity.Min)
	if err != nil {
		return calendar.Date{}, err
	}
	return end.AddDays(1)
}

// Status returns where the record stands on d.
func (r Record) Status(d calendar.Date) (RecordStatus, error) {
	if d.Before(r.Decided) {
		return NotYetValid, nil
	}
	if !r.Repaired.IsZero() && !d.Before(r.Repaired) {
		return Repaired, nil
	}
	until, err := r.PublicUntil()
	if err != nil {
		return "", err
	}
	if d.After(until) {
		return Expired, nil
	}
	return Active, nil
}
