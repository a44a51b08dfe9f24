package task

import (
	"database/sql/driver"
	"encoding"
	"fmt"
)

// Every enumerated type of the package is stored in a database as its JSON
// name (not its number, which is not part of the contract): Value writes
// the name, Scan reads it (or the Chinese name) from text or bytes. NULL
// and numbers are errors wrapping ErrInvalidValue; use sql.Null[T] for a
// column that may be NULL.

// scanName reads a database value into an enum through its UnmarshalText.
func scanName(src any, into encoding.TextUnmarshaler, what string) error {
	switch x := src.(type) {
	case string:
		return into.UnmarshalText([]byte(x))
	case []byte:
		return into.UnmarshalText(x)
	case nil:
		return fmt.Errorf("%w: %s 为 NULL（可为空的列请用 sql.Null）/ %s is NULL (use sql.Null for a nullable column)", ErrInvalidValue, what, what)
	}
	return fmt.Errorf("%w: %s 应以名称存储，而不是 %T / %s is stored by its name, not as %T", ErrInvalidValue, what, src, what, src)
}

// valueName is Value for an enum: its MarshalText as a string.
func valueName(m encoding.TextMarshaler) (driver.Value, error) {
	b, err := m.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Value implements driver.Valuer: the JSON name.
func (s Status) Value() (driver.Value, error) { return valueName(s) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (s *Status) Scan(src any) error { return scanName(src, s, "status") }

// Value implements driver.Valuer: the JSON name.
func (k DeadlineKind) Value() (driver.Value, error) { return valueName(k) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (k *DeadlineKind) Scan(src any) error { return scanName(src, k, "deadline kind") }

// Value implements driver.Valuer: the JSON name.
func (k ActionKind) Value() (driver.Value, error) { return valueName(k) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (k *ActionKind) Scan(src any) error { return scanName(src, k, "action kind") }

// Value implements driver.Valuer: the JSON name ("" for NoRole).
func (r Role) Value() (driver.Value, error) { return valueName(r) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (r *Role) Scan(src any) error { return scanName(src, r, "role") }

// Value implements driver.Valuer: the JSON name.
func (k EntryKind) Value() (driver.Value, error) { return valueName(k) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (k *EntryKind) Scan(src any) error { return scanName(src, k, "entry kind") }

// Value implements driver.Valuer: the JSON name ("" for NotReviewable).
func (r ReviewState) Value() (driver.Value, error) { return valueName(r) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (r *ReviewState) Scan(src any) error { return scanName(src, r, "review state") }

// Value implements driver.Valuer: the JSON name ("" for NoLight).
func (l Light) Value() (driver.Value, error) { return valueName(l) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (l *Light) Scan(src any) error { return scanName(src, l, "light") }

// Value implements driver.Valuer: the JSON name.
func (r Rollup) Value() (driver.Value, error) { return valueName(r) }

// Scan implements sql.Scanner: the JSON or Chinese name.
func (r *Rollup) Scan(src any) error { return scanName(src, r, "rollup") }
