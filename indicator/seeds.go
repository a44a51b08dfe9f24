package indicator

import (
	"bytes"
	"embed"
	"sort"
	"strings"
)

// The systems shipped with the package, generated from the seed documents
// by internal/seedgen.
//
//go:embed data/*.json
var seedFiles embed.FS

// SeedNames lists the indicator systems shipped with the package:
//
//   - anshan-column1: 鞍山市优化营商环境“十四五”规划 专栏1, the 26 main
//     indicators with their 2025 targets, attribute and direction;
//   - anshan-column2: 专栏2, the rule-of-law indicator system (declared
//     4/9/37; its table has 39 level-3 indicators, which Audit reports);
//   - anshan-column3: 专栏3, the credit-environment indicator system;
//   - national-evaluation: the 18 first-level indicators of the China
//     business environment evaluation.
func SeedNames() []string {
	entries, _ := seedFiles.ReadDir("data")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}

// Seed returns a fresh copy of a shipped system (see SeedNames); the caller
// may change it. An unknown name returns ErrInvalidSystem.
func Seed(name string) (*System, error) {
	b, err := seedFiles.ReadFile("data/" + name + ".json")
	if err != nil {
		return nil, errf(ErrInvalidSystem, "没有名为 %q 的内置指标体系（可选 %v）", "no shipped system named %q (have %v)", name, SeedNames())
	}
	return DecodeSystem(bytes.NewReader(b))
}
