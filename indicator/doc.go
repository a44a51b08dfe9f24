// Package indicator models indicator systems (指标体系) and scores regions
// against them.
//
// A System is a tree of indicators of any depth (一级 .. 四级) with the counts
// per level its document declares. A leaf carries a Measure: its unit (%,
// 天, 工作日, 万元 ... — units of one family convert exactly, units of
// different families never do), direction (higher, lower or band
// better), attribute (约束性 binding or 预期性 indicative), baseline and
// targets by year. ParseTarget reads targets as plans write them:
// "不超过 15 天工作日" is <= 15 工作日.
//
// Observations (监测数据) are values for a region or unit and a period
// (2025, 2025Q3, 2025-06). Measure.Attainment and Measure.Progress judge
// one value; a Dataset scores many at once: distance to frontier for every
// leaf, weighted roll-ups to every node with the weights renormalised over
// the children that have data, coverage, and rankings with ties. Missing
// data stays missing — never zero — and no score is ever NaN: a leaf whose
// values are all equal has no score, and says so.
//
// The scoring runs in exact fixed point; its results equal the plain
// decimal computation, rounded half up to six places, which the tests
// prove on random systems.
//
// Audit checks a system's shape and returns every finding at once:
// declared counts against the tree, duplicate names, cycles, weights that
// do not sum to 1, leaves without a measure, siblings with incompatible
// units. Seed returns the systems shipped with the package, from the seed
// documents: 专栏1–3 of 鞍山市优化营商环境“十四五”规划 and the national
// evaluation's 18 categories.
package indicator
