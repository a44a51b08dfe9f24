// Package approval times approval processes on China's official
// working-day clock.
//
// A Process is a kind of application with time limits — per stage (环节)
// and for the whole — in working days, natural days or hours, promised
// (承诺时限) and, where a law sets one, statutory (法定时限). Catalog lists
// the processes the seed plans promise limits for (工程建设项目, 企业开办,
// 获得电力, 用水, 用气, 不动产登记, 政府采购合同, 税务注销, 12345, 供暖维修)
// and 行政许可法's general procedure, each citing its source.
//
// A Case is one application kept as an append-only event log; Replay
// derives its state and rejects any event that cannot follow (a resume
// without a pause, a second finish, a stage the process does not have),
// naming the case and the event.
//
// Status returns a case's timers as of an instant the caller passes —
// never time.Now() — with elapsed, remaining, due date and status (on
// track, warning at 80% of the limit by default, overdue, done on time or
// late), counted on calendar.China() or any calendar the caller gives:
// working days skip holidays and count weekend days worked (调休); a
// natural-day limit ending on a day off runs to the next working day;
// pauses for 补正, 公告 and the exclusions of 行政许可法 第四十五条 do not
// count; approved extensions are added. Every due date explains itself.
// A date past the calendar's known years is calendar.ErrUnknownYear, never
// a guess.
//
// Alerts scans many cases and returns the warnings and breaches not yet
// fired; Statistics summarises finished cases by process, stage and unit
// (mean, median, p90, on-time rate, compression against the statutory
// limit, stages, materials and visits).
//
// # Case JSON
//
// A case is a JSON object; times are RFC 3339 with their offset:
//
//	{
//	  "id": "HV-2025-0001",
//	  "process": "power-high-voltage",
//	  "unit": "国网鞍山供电公司",
//	  "mode": "normal",
//	  "events": [
//	    {"at": "2025-09-26T09:00:00+08:00", "kind": "submitted"},
//	    {"at": "2025-09-26T10:00:00+08:00", "kind": "accepted"},
//	    {"at": "2025-09-26T10:00:00+08:00", "kind": "stage_started", "stage": "申请受理"},
//	    {"at": "2025-09-29T11:00:00+08:00", "kind": "paused", "reason": "correction"},
//	    {"at": "2025-10-09T15:00:00+08:00", "kind": "resumed"},
//	    {"at": "2025-10-09T15:00:00+08:00", "kind": "materials", "count": 2},
//	    {"at": "2025-10-10T09:00:00+08:00", "kind": "extended", "extension": "5工作日", "by": "客户经理", "note": "线路改造"},
//	    {"at": "2025-10-20T16:00:00+08:00", "kind": "stage_finished", "stage": "申请受理"},
//	    {"at": "2025-10-21T09:00:00+08:00", "kind": "visit"},
//	    {"at": "2025-10-28T17:00:00+08:00", "kind": "finished"}
//	  ]
//	}
//
// kind is submitted, accepted, stage_started, stage_finished, paused,
// resumed, extended, materials, visit, finished or withdrawn. reason (for
// paused) is correction (补正), announcement (公告), hearing, tender,
// auction, inspection, testing, quarantine, appraisal, expert_review,
// dangerous_work (危险作业) or applicant_request; the Chinese names are
// accepted too. extension is a calendar.Period (5工作日, 10日, 24小时) and
// extends the stage named, or the whole case when stage is empty. Many
// cases are read from JSON Lines, one case per line (DecodeCases).
package approval
