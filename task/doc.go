// Package task models the items of a plan and who answers for them.
//
// A Task carries its number as printed, its text, a Responsibility (lead
// units 牵头, responsible units 责任, supporting units 配合, or units
// jointly responsible by duty 按职责分工负责, and a liaison 专员联络人), a
// Deadline (a date, the end of a year, or recurring: 每月15日前, quarterly,
// yearly), milestones with quantitative targets, a status with the allowed
// transitions, an append-only progress ledger (台账), links to the higher
// plan's tasks it implements, and the parts delegated down the chain
// (district -> street -> community).
//
// Overdue is computed as of a date, never stored. Actions turns the state
// of many tasks into supervision (督办) — reminders before the due date,
// supervision after it, escalation when late long or often — as data for
// the caller to deliver, counting working days on the official calendar.
// WorkloadOf, Overdue and NewMatrix give the views district systems live
// on: what a unit owes, what is late today, who has a part in which
// section. Package task/export writes task lists and ledgers as CSV and
// XLSX.
package task
