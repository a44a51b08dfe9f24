// Package contract holds what the decoders of bizenv's JSON exchange
// formats and the generator of their JSON Schemas (internal/schemagen)
// share, so that a schema accepts exactly what its decoder accepts: the
// decoding options (each value only as bizenv writes it, null only where
// it means "none") and the JSON shape of the types that decode themselves.
package contract

import (
	"reflect"

	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/bizenv/bizenv/task"
)

// Options returns the strict decoding options of an exchange format (see
// strictjson.Options): canonical values, and the shapes of task.Ledger (an
// array of entries) and task.Responsibility (its own fields), which decode
// themselves.
func Options() strictjson.Options {
	return strictjson.Options{Canonical: true, Shapes: Shapes()}
}

// Shapes returns the JSON shape of each type of the exchange formats that
// has its own UnmarshalJSON and reads an object or an array: the Go type
// whose JSON it reads (itself for a struct read field by field).
func Shapes() map[reflect.Type]reflect.Type {
	return map[reflect.Type]reflect.Type{
		reflect.TypeFor[task.Ledger]():         reflect.TypeFor[[]task.Entry](),
		reflect.TypeFor[task.Responsibility](): reflect.TypeFor[task.Responsibility](),
	}
}
