package credit

import (
	"fmt"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Bounds on every count the package reads or draws with. Each bounds memory
// or time that a count in the input would otherwise size — a forged draw
// record included, since Verify re-runs the draw with the record's own
// policy. Going past one is an error wrapping ErrInvalidDraw that names the
// bound; nothing is truncated.
const (
	// MaxEntities bounds a population: the rows of a population CSV, the
	// entities of a draw, a record's picks and unmatched entities.
	MaxEntities = 10_000_000
	// MaxRoster bounds the inspectors of a roster.
	MaxRoster = 1_000_000
	// MaxInspectorsPerEntity bounds DrawPolicy.Inspectors (联合检查 of more
	// than twenty inspectors for one entity is not a random check).
	MaxInspectorsPerEntity = 20
	// MaxCells bounds the rows (grade × risk) of a policy.
	MaxCells = 10_000
	// MaxPercentPlaces bounds the decimal places of a cell's percent
	// (0.000001 %): the draw computes ceil(n × percent / 100) exactly, and
	// a percent such as 1e-1000000000 would need a billion digits.
	MaxPercentPlaces = 6
	// MaxPerYear bounds Check.PerYear: at most one round a day.
	MaxPerYear = 366
	// MaxKeyFields bounds Policy.KeyFields.
	MaxKeyFields = 1_000
	// MaxListItems bounds the qualifications, and the exclusions, of one
	// inspector.
	MaxListItems = 10_000
	// MaxText bounds, in bytes, one seed, code, name, id, unit, field,
	// grade or risk level.
	MaxText = 1_000
	// MaxPolicyBytes bounds the JSON of a draw policy.
	MaxPolicyBytes = 16 << 20
	// MaxRecordBytes bounds the JSON of a draw record (about two million
	// picks).
	MaxRecordBytes = 256 << 20
)

// boundErr reports a count past its bound, naming what and where.
func boundErr(where string, n, max int) error {
	return fmt.Errorf("%w: %s 有%d项，上限为%d / %s has %d items, at most %d are allowed", ErrInvalidDraw, where, n, max, where, n, max)
}

// textOK reports whether s passes checkText, without building a message.
func textOK(s string) bool { return len(s) <= MaxText && utf8.ValidString(s) }

// checkText checks one piece of text: valid UTF-8 and at most MaxText
// bytes.
func checkText(where, s string) error {
	if len(s) > MaxText {
		return fmt.Errorf("%w: %s 长%d字节，上限为%d / %s is %d bytes long, at most %d are allowed", ErrInvalidDraw, where, len(s), MaxText, where, len(s), MaxText)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s 不是有效的 UTF-8 文本 / %s is not valid UTF-8 text", ErrInvalidDraw, where, where)
	}
	return nil
}

// checkPercent checks a cell's percent: 0 to 100 with at most
// MaxPercentPlaces decimal places. The exponent is checked before any
// arithmetic, which would otherwise expand it.
func checkPercent(where string, p decimal.Decimal) error {
	if !boundedDecimal(p, MaxPercentPlaces) {
		return fmt.Errorf("%w: %s 的比例 %s 须为0–100，至多%d位小数 / %s percent %s must be 0 to 100 with at most %d decimal places",
			ErrInvalidDraw, where, shortDecimal(p), MaxPercentPlaces, where, shortDecimal(p), MaxPercentPlaces)
	}
	if p.IsNegative() || p.GreaterThan(decimal.NewFromInt(100)) {
		return fmt.Errorf("%w: %s 的比例 %s 须在0–100之间 / %s percent %s must be 0 to 100", ErrInvalidDraw, where, shortDecimal(p), where, shortDecimal(p))
	}
	return nil
}

// shortDecimal writes d for a message without expanding a huge exponent
// or repeating a huge coefficient.
func shortDecimal(d decimal.Decimal) string {
	c := d.Coefficient().String()
	if e := d.Exponent(); e >= -20 && e <= 20 && len(c) <= 40 {
		return d.String()
	}
	if len(c) > 20 {
		c = c[:20] + "…"
	}
	return fmt.Sprintf("%se%d", c, d.Exponent())
}

// boundedDecimal reports whether d has at most places decimal places and
// an exponent of at most 2 (so d ≤ 100 needs no large coefficient): the
// check to make before comparing d, since comparison expands exponents.
func boundedDecimal(d decimal.Decimal, places int) bool {
	e := d.Exponent()
	return e >= -int32(places) && e <= 2
}

// check checks the policy's own bounds: the cells, their percents and
// rounds, the key fields and the inspectors per entity.
func (p DrawPolicy) check() error {
	if len(p.Cells) > MaxCells {
		return boundErr("cells", len(p.Cells), MaxCells)
	}
	seen := make(map[Cell]int, len(p.Cells))
	for i, c := range p.Cells {
		where := fmt.Sprintf("cells[%d]", i)
		if j, dup := seen[c.Cell]; dup {
			return fmt.Errorf("%w: %s 与 cells[%d] 的等级和风险相同（%s, %s），后者永远不会用到 / %s repeats the grade and risk of cells[%d] (%s, %s) and would never be used",
				ErrInvalidDraw, where, j, echo(string(c.Grade)), echo(c.Risk), where, j, echo(string(c.Grade)), echo(c.Risk))
		}
		seen[c.Cell] = i
		if err := checkText(where+".grade", string(c.Grade)); err != nil {
			return err
		}
		if err := checkText(where+".risk", c.Risk); err != nil {
			return err
		}
		if err := checkPercent(where, c.Percent); err != nil {
			return err
		}
		if c.PerYear < 0 || c.PerYear > MaxPerYear {
			return fmt.Errorf("%w: %s.per_year 为%d，须为0–%d / %s.per_year is %d, it must be 0 to %d", ErrInvalidDraw, where, c.PerYear, MaxPerYear, where, c.PerYear, MaxPerYear)
		}
	}
	if len(p.KeyFields) > MaxKeyFields {
		return boundErr("key_fields", len(p.KeyFields), MaxKeyFields)
	}
	for i, f := range p.KeyFields {
		if err := checkText(fmt.Sprintf("key_fields[%d]", i), f); err != nil {
			return err
		}
	}
	if p.Inspectors < 0 || p.Inspectors > MaxInspectorsPerEntity {
		return fmt.Errorf("%w: inspectors 为%d，每户检查人员须为0（即2名）至%d名 / inspectors is %d; an entity gets 0 (meaning 2) to %d inspectors",
			ErrInvalidDraw, p.Inspectors, MaxInspectorsPerEntity, p.Inspectors, MaxInspectorsPerEntity)
	}
	return nil
}

// check checks a record's bounds before anything is computed from it;
// maxEntities is MaxEntities but in tests.
func (rec *DrawRecord) check(maxEntities int) error {
	for _, f := range []struct{ where, s string }{{"algorithm", rec.Algorithm}, {"seed", rec.Seed}, {"population_sha256", rec.Population},
		{"roster_sha256", rec.Roster}, {"policy_sha256", rec.PolicyHash}, {"result_sha256", rec.Result}} {
		if err := checkText(f.where, f.s); err != nil {
			return err
		}
	}
	if err := rec.Policy.check(); err != nil {
		return fmt.Errorf("policy: %w", err)
	}
	if rec.Entities < 0 || rec.Entities > maxEntities {
		return fmt.Errorf("%w: entities 为%d，须为0–%d / entities is %d, it must be 0 to %d", ErrInvalidDraw, rec.Entities, maxEntities, rec.Entities, maxEntities)
	}
	if rec.Exempt < 0 || rec.Exempt > rec.Entities {
		return fmt.Errorf("%w: exempt 为%d，须为0–%d（entities）/ exempt is %d, it must be 0 to %d (entities)", ErrInvalidDraw, rec.Exempt, rec.Entities, rec.Exempt, rec.Entities)
	}
	if len(rec.Unmatched) > maxEntities {
		return boundErr("unmatched", len(rec.Unmatched), maxEntities)
	}
	if len(rec.Picks) > maxEntities {
		return boundErr("picks", len(rec.Picks), maxEntities)
	}
	for i, p := range rec.Picks {
		where := fmt.Sprintf("picks[%d]", i)
		if len(p.Inspectors) > MaxInspectorsPerEntity {
			return boundErr(where+".inspectors", len(p.Inspectors), MaxInspectorsPerEntity)
		}
		for j, id := range p.Inspectors {
			if err := checkText(fmt.Sprintf("%s.inspectors[%d]", where, j), id); err != nil {
				return err
			}
		}
		if err := checkText(where+".cell.grade", string(p.Cell.Grade)); err != nil {
			return err
		}
		if err := checkText(where+".cell.risk", p.Cell.Risk); err != nil {
			return err
		}
	}
	return nil
}
