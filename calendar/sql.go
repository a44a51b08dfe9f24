package calendar

import (
	"database/sql/driver"

	"github.com/bizenv/bizenv/internal/sqltext"
)

// Value implements driver.Valuer: the kind's name (holiday), as in JSON.
func (k DayKind) Value() (driver.Value, error) { return sqltext.Value(k) }

// Scan implements sql.Scanner for a column written by Value.
func (k *DayKind) Scan(src any) error { return sqltext.Scan(k, src, "calendar.DayKind") }

// Value implements driver.Valuer: the holidays' names (中秋节、国庆节), as in
// JSON; the empty set is the empty string.
func (f Festival) Value() (driver.Value, error) { return sqltext.Value(f) }

// Scan implements sql.Scanner for a column written by Value.
func (f *Festival) Scan(src any) error { return sqltext.Scan(f, src, "calendar.Festival") }

// Value implements driver.Valuer: the period as written (20工作日).
func (p Period) Value() (driver.Value, error) { return sqltext.Value(p) }

// Scan implements sql.Scanner for a column written by Value.
func (p *Period) Scan(src any) error { return sqltext.Scan(p, src, "calendar.Period") }

// Value implements driver.Valuer: the unit as written (工作日).
func (u Unit) Value() (driver.Value, error) { return sqltext.Value(u) }

// Scan implements sql.Scanner for a column written by Value.
func (u *Unit) Scan(src any) error { return sqltext.Scan(u, src, "calendar.Unit") }
