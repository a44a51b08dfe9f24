package org

import (
	"fmt"
	"testing"
)

// Run: go test ./org -run '^$' -bench . -benchmem

func bigDirectory(b *testing.B, n int) *Directory {
	units := make([]Unit, n)
	for i := range units {
		units[i] = Unit{Name: fmt.Sprintf("第%d区数据管理局", i), Aliases: []string{fmt.Sprintf("第%d区数据局", i)}, Level: County, Kind: Bureau}
	}
	d, err := NewDirectory(units, StandardGroups())
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkResolve(b *testing.B) {
	d := bigDirectory(b, 5000)
	b.Run("known/5000-units", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if !d.Resolve("第4321区数据局").Known() {
				b.Fatal("not found")
			}
		}
	})
	b.Run("full-width/5000-units", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if !d.Resolve("第４３２１区数据局").Known() {
				b.Fatal("not found")
			}
		}
	})
	b.Run("unknown-with-suggestions/5000-units", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = d.Resolve("第4321区数局")
		}
	})
}
