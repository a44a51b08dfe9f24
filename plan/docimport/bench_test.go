package docimport

import (
	"bytes"
	"regexp"
	"testing"
)

// BenchmarkImportCity imports the largest seed, the city programme (93 KB,
// about 33,000 characters, 737 lines with 8 columns and 4 tables). The
// target is under 20 ms.
func BenchmarkImportCity(b *testing.B) {
	text := readSeed(b, "000")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDistrict imports 鲅鱼圈's 81 items (45 KB).
func BenchmarkImportDistrict(b *testing.B) {
	text := readSeed(b, "004")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNaiveClassify is the baseline: what a quick script does, each
// line tried against every pattern compiled on the spot, nothing built.
func BenchmarkNaiveClassify(b *testing.B) {
	text := readSeed(b, "000")
	patterns := []string{reL1.String(), reL2.String(), reL3.String(), reL4.String(), reColumn.String(), reFlagship.String(),
		rePhase.String(), reChrome.String(), reDated.String()}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		n := 0
		for _, l := range bytes.Split(text, []byte("\n")) {
			for _, p := range patterns {
				if regexp.MustCompile(p).Match(bytes.TrimSpace(l)) {
					n++
				}
			}
		}
		if n == 0 {
			b.Fatal("nothing matched")
		}
	}
}
