package org

import (
	"database/sql/driver"

	"github.com/bizenv/bizenv/internal/sqltext"
)

// Value implements driver.Valuer: the level's JSON name (county).
func (l Level) Value() (driver.Value, error) { return sqltext.Value(l) }

// Scan implements sql.Scanner for a column written by Value.
func (l *Level) Scan(src any) error { return sqltext.Scan(l, src, "org.Level") }

// Value implements driver.Valuer: the kind's JSON name (bureau).
func (k Kind) Value() (driver.Value, error) { return sqltext.Value(k) }

// Scan implements sql.Scanner for a column written by Value.
func (k *Kind) Scan(src any) error { return sqltext.Scan(k, src, "org.Kind") }
