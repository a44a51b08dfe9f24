// Package sqltext stores bizenv's enumerations and identifiers in SQL
// columns as their text form, the name their JSON uses (holiday, on_track,
// 约束性 …), never as the integers they are in Go: a database column reads
// the same as the exchange format, and a value written by one release is
// read by the next even if the Go constants are renumbered.
package sqltext

import (
	"database/sql/driver"
	"encoding"
	"fmt"
)

// Value returns m's text form for a SQL column.
func Value(m encoding.TextMarshaler) (driver.Value, error) {
	b, err := m.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan reads a SQL column's text (string or []byte) into u through its
// UnmarshalText, so that the same checks as decoding JSON apply. NULL is
// an error: a column that may be empty should be scanned into a pointer or
// a sql.Null of the type.
func Scan(u encoding.TextUnmarshaler, src any, what string) error {
	switch v := src.(type) {
	case string:
		return u.UnmarshalText([]byte(v))
	case []byte:
		return u.UnmarshalText(v)
	case nil:
		return fmt.Errorf("%s: 列值为 NULL / the column is NULL", what)
	}
	return fmt.Errorf("%s: 不能从 %T 读取 / cannot scan a %T", what, src, src)
}
