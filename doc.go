// Package bizenv is the root of an embeddable, pure-Go SDK of typed domain
// models for China's business-environment (营商环境) reforms: the plans that
// province, city and district governments issue, the task items in them and
// the units that answer for each, indicator tables, credit codes and grades,
// and approval time limits counted on the official working-day clock.
//
// This package holds documentation only. The work is done by its packages:
//
//   - calendar: a civil Date with no time zone; China's official working-day
//     calendar (statutory holidays and the weekend days worked in their
//     place, 调休, from the State Council's notices, 2008 through 2026);
//     constant-time working-day arithmetic; statutory periods and deadlines
//     (民法典 第二百零一至二百零三条, 行政许可法 第八十二条); caller-supplied
//     years and local closures from JSON or iCalendar files.
//   - org: administrative levels, regions by GB/T 2260 code (the whole
//     country), units, group phrases, and a directory that resolves names
//     as documents write them.
//   - task: task items with responsibility chains, deadlines, milestones,
//     an append-only progress ledger, delegation, supervision actions and
//     the views district systems need; task/export writes CSV and XLSX.
//   - credit: unified social credit codes, grade schemes, red and black
//     lists, credit records and repair, graded supervision, credit-linked
//     acceptance, and verifiable double-random draws.
//   - indicator: indicator systems (一级 .. 四级), measures, targets parsed
//     from plan text, observations, attainment, progress,
//     distance-to-frontier scores, weighted roll-ups and rankings, shape
//     audits, and the seed documents' indicator tables as data.
//   - approval: approval processes and their limits, cases as event logs,
//     stage timers on the working-day clock with pauses and explained due
//     dates, alerts and statistics.
//   - plan: the plan document, its validation, checks against the plan
//     above, reports, and its JSON Schema.
//   - plan/docimport: the text of an issued document to a plan, with
//     findings by line for what it cannot read with confidence.
//   - cmd/bizenv: the command line over the packages (holidays, workday,
//     deadline, approval, uscc, draw, import, check, report).
//   - examples: runnable programs, one folder each; examples/data holds
//     the five seed documents as reviewed plans.
//
// Conventions across the SDK: dates are calendar.Date, never time.Time;
// money and measured values are decimals, never float64; no function reads
// the clock, so "now" is always an argument; errors wrap sentinels for
// errors.Is and carry typed detail for errors.As, with messages in Chinese
// and English; no input makes a function panic.
package bizenv
