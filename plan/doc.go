// Package plan models the plan documents governments issue — 规划, 行动方案,
// 若干措施, N条 — and checks them.
//
// A Plan has its title, kind, document number (DocNumber: 辽政办发〔2022〕14号,
// with [2022], (2022) and （2022） normalised), issuer, date, period, basis
// (the plans it implements), phases, the section tree with its tasks
// (package task), columns (专栏) and flagship projects (亮点工程), versions,
// safeguards (text, not tasks), and indicator systems with targets
// (package indicator).
//
// Validate returns every finding at once, in document order, each with a
// severity, a stable code (listed on Finding), the JSON Pointer of the
// value (/sections/2/tasks/4/responsibility), the task it is about, and a
// message in Chinese and English. Decode reports what stops a plan from
// being read as findings of the same shape. CheckAgainst compares a plan with
// the plan above it: deadlines no later, targets at least as strict (units
// converted within a family, and reported when they cannot be), parent
// tasks no child implements, and links suggested by name where none are
// given. NewReport says what is overdue on a date and what each unit owes,
// as text, JSON or one self-contained HTML page.
//
// JSON is the exchange format; Schema returns its JSON Schema (draft
// 2020-12), which the tests check against the Go types and every shipped
// plan.
package plan
