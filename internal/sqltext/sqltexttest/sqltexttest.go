// Package sqltexttest checks that values stored with package sqltext read
// back: the test counterpart of sqltext, as httptest is of net/http.
package sqltexttest

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"fmt"
	"testing"
)

// Enum is what a stored enumeration implements; PT is *T.
type Enum[T any] interface {
	*T
	encoding.TextUnmarshaler
	sql.Scanner
}

// RoundTrip checks every value: JSON and back, SQL text and back (string
// and []byte), and that NULL and an integer are refused rather than read
// as the zero value.
func RoundTrip[T interface {
	encoding.TextMarshaler
	driver.Valuer
	comparable
}, PT Enum[T]](t *testing.T, values ...T) {
	t.Helper()
	for _, v := range values {
		t.Run(fmt.Sprintf("%T/%v", v, v), func(t *testing.T) {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			var back T
			if err := json.Unmarshal(b, PT(&back)); err != nil || back != v {
				t.Fatalf("JSON %s read back as %v: %v", b, back, err)
			}
			dv, err := v.Value()
			if err != nil {
				t.Fatalf("Value: %v", err)
			}
			s, ok := dv.(string)
			if !ok {
				t.Fatalf("stored as %T, not as its name", dv)
			}
			for _, src := range []any{s, []byte(s)} {
				var got T
				if err := PT(&got).Scan(src); err != nil || got != v {
					t.Fatalf("Scan(%q) = %v, %v; want %v", s, got, err, v)
				}
			}
			var got T
			if err := PT(&got).Scan(nil); err == nil {
				t.Fatal("NULL was read as a value")
			}
			if err := PT(&got).Scan(int64(1)); err == nil {
				t.Fatal("an integer was read as a value")
			}
		})
	}
}
