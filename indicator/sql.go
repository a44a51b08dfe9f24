package indicator

import (
	"database/sql/driver"

	"github.com/bizenv/bizenv/internal/sqltext"
)

// Value implements driver.Valuer: the kind's JSON name (ratio).
func (k Kind) Value() (driver.Value, error) { return sqltext.Value(k) }

// Scan implements sql.Scanner for a column written by Value.
func (k *Kind) Scan(src any) error { return sqltext.Scan(k, src, "indicator.Kind") }

// Value implements driver.Valuer: the direction's JSON name (lower).
func (d Direction) Value() (driver.Value, error) { return sqltext.Value(d) }

// Scan implements sql.Scanner for a column written by Value.
func (d *Direction) Scan(src any) error { return sqltext.Scan(d, src, "indicator.Direction") }

// Value implements driver.Valuer: the attribute's JSON name (binding).
func (a Attribute) Value() (driver.Value, error) { return sqltext.Value(a) }

// Scan implements sql.Scanner for a column written by Value.
func (a *Attribute) Scan(src any) error { return sqltext.Scan(a, src, "indicator.Attribute") }

// Value implements driver.Valuer: the frequency's JSON name (quarter).
func (f Frequency) Value() (driver.Value, error) { return sqltext.Value(f) }

// Scan implements sql.Scanner for a column written by Value.
func (f *Frequency) Scan(src any) error { return sqltext.Scan(f, src, "indicator.Frequency") }

// Value implements driver.Valuer: the comparator (<=, between).
func (o Op) Value() (driver.Value, error) { return sqltext.Value(o) }

// Scan implements sql.Scanner for a column written by Value.
func (o *Op) Scan(src any) error { return sqltext.Scan(o, src, "indicator.Op") }

// Value implements driver.Valuer: provisional or final.
func (s Status) Value() (driver.Value, error) { return sqltext.Value(s) }

// Scan implements sql.Scanner for a column written by Value.
func (s *Status) Scan(src any) error { return sqltext.Scan(s, src, "indicator.Status") }

// Value implements driver.Valuer: the period as written (2025Q3).
func (p Period) Value() (driver.Value, error) { return sqltext.Value(p) }

// Scan implements sql.Scanner for a column written by Value.
func (p *Period) Scan(src any) error { return sqltext.Scan(p, src, "indicator.Period") }

// Value implements driver.Valuer: warning or error.
func (s Severity) Value() (driver.Value, error) { return sqltext.Value(s) }

// Scan implements sql.Scanner for a column written by Value.
func (s *Severity) Scan(src any) error { return sqltext.Scan(s, src, "indicator.Severity") }

// Value implements driver.Valuer: no_data, met or not_met.
func (a Attainment) Value() (driver.Value, error) { return sqltext.Value(a) }

// Scan implements sql.Scanner for a column written by Value.
func (a *Attainment) Scan(src any) error { return sqltext.Scan(a, src, "indicator.Attainment") }
