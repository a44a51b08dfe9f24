package strictjson

import (
	"encoding/json"
	"strings"
	"testing"
)

var benchInput = []byte(`{"title":"x","items":[` + strings.Repeat(`{"name":"区数据局"},`, 100000) + `{"name":"y"}]}`)

// BenchmarkUnmarshal is strict decoding of 100 000 array elements: the
// check and encoding/json's own decoding.
func BenchmarkUnmarshal(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInput)))
	for range b.N {
		var d doc
		if err := Unmarshal(benchInput, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is the check alone.
func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInput)))
	for range b.N {
		if _, err := Check(benchInput, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainUnmarshal is the baseline: encoding/json alone, which
// accepts duplicate keys, case variants and invalid UTF-8.
func BenchmarkPlainUnmarshal(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInput)))
	for range b.N {
		var d doc
		if err := json.Unmarshal(benchInput, &d); err != nil {
			b.Fatal(err)
		}
	}
}
