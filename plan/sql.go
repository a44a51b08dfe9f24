package plan

import (
	"database/sql/driver"

	"github.com/bizenv/bizenv/internal/sqltext"
)

// Value implements driver.Valuer: the normalised 文号 (辽政办发〔2022〕14号),
// or the empty string for a plan that has none.
func (d DocNumber) Value() (driver.Value, error) { return sqltext.Value(d) }

// Scan implements sql.Scanner for a column written by Value; the text is
// parsed as by ParseDocNumber.
func (d *DocNumber) Scan(src any) error { return sqltext.Scan(d, src, "plan.DocNumber") }
