// Package task models the items of a plan, who answers for them, and how a
// district's business-environment office (营商局, 督查室) supervises them.
//
// # Items and responsibility
//
// A Task carries its number as printed, its text, a Responsibility (lead
// units 牵头, responsible units 责任, supporting units 配合, or units
// jointly responsible by duty 按职责分工负责, and a liaison 专员联络人), a
// Deadline (a date, 年底前, recurring — 每月15日前, 每季度末, 每半年, 每年 —
// or ongoing, 长期坚持), milestones with quantitative targets, links to the
// higher plan's tasks it implements, and the parts delegated down the chain
// (Delegate: district -> street -> community). ParseDeadline reads the
// deadlines plans write; ParseDeadlineIn reads the year-less ones of a
// one-year plan (年底前, 6月底前, 上半年, 三季度末).
//
// # The ledger (台账)
//
// Every step is an Entry of the task's append-only Ledger, with who (unit
// and 填报人), the instant recorded and the date it speaks for: progress
// reports (a correction is a new entry), an application to close with
// evidence (申请销号, 佐证材料), a reviewer's approval (销号) or return (退回),
// a re-check that reopens a closed task (回头看), an extension request
// (延期申请, in force once approved: EffectiveDeadline, Extensions) and a
// carry-over to a later plan (结转). Task.Record adds the caller's Policy:
// review required (the default) or not, who reviews, whether units with no
// role or entries after closure are refused. Task.State combines the
// status the caller set with the ledger and the task's parts; closing a
// task is never a bare status change.
//
// # Judging tasks as of a day
//
// Everything is computed as of a date under Options — the plan's span
// (plan.Plan.TaskOptions), the working-day calendar, a unit directory that
// expands group phrases (各镇（街道）) into their members, and the caller's
// rules — never stored: Task.Standing (each accountable unit's due date
// and lateness; due dates on a day off move to the next working day;
// recurring ones run from the plan's issue to its end), Overdue, Lights
// (红黄绿灯, with 时间过半、任务过半), Actions (the 督办 ladder: 提醒 before
// each due date, then 督办 with a reply date, 约谈, 通报, 问责 as the
// caller's Rules say, at most one action per task and unit a day, addressed
// to the accountable unit and copied to the others), NewBulletin (月调度,
// 季通报, 考核: on-time rates, reports missed, actions received, scores and a
// ranking) and, past the plan's end, CloseOutOf. Progress is made from each
// unit's own reports by a documented Rollup. A function over many tasks
// never fails for one date it cannot place: it answers for the rest and
// lists that task as Undatable, with the years it needs.
//
// WorkloadOf, WorkloadIn and NewMatrix give the views district systems
// live on. Package task/export writes task lists, ledgers and bulletins as
// CSV and XLSX.
//
// # Concurrency
//
// A Ledger is safe for concurrent use: several goroutines may Append (or
// Task.Record) to the same task's ledger and read it (Entries, Current,
// Progress, JSON) at once. The functions that judge tasks (Standing,
// Overdue, Lights, Actions, NewBulletin, CloseOutOf, ProgressWith, State)
// only read; they may run concurrently with each other and with appends to
// the ledgers. Changing a Task's own fields — SetStatus, Delegate, assigning
// Deadline or Responsibility, decoding into it — is not synchronised: do it
// from one goroutine, or guard the task with a lock of your own. Options,
// Rules and the other rule values are read, never changed, and may be
// shared. A copy of a Task or Ledger is a snapshot: appending to the copy
// never changes the original.
package task
