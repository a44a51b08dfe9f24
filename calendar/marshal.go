package calendar

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or empty text
// for the zero Date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with the rules of
// ParseDate; empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON implements json.Marshaler: "YYYY-MM-DD", or null for the zero
// Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON implements json.Unmarshaler: a JSON string parsed as by
// ParseDate, or null (or "") for the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if len(b) == 0 || b[0] != '"' || json.Unmarshal(b, &s) != nil {
		return parseErr("date", string(b), msg{"JSON 中的日期应为字符串，如 \"2025-12-31\"", `want a JSON string such as "2025-12-31"`})
	}
	return d.UnmarshalText([]byte(s))
}

// Value implements driver.Valuer: the date as YYYY-MM-DD text, which every
// SQL database accepts for a DATE column, or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan implements sql.Scanner for a DATE column. It accepts NULL (the zero
// Date), a time.Time (its date in its own location, as drivers return DATE
// values), and text or bytes parsed as by ParseDate.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		x := DateOf(v)
		if x.IsZero() {
			return parseErr("date", v.String(), msg{"年份须在1–9999之间", "year must be 1 to 9999"})
		}
		*d = x
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	}
	return fmt.Errorf("%w: 无法从 %T 读取日期 / cannot scan %T into calendar.Date", ErrInvalidDate, src, src)
}
