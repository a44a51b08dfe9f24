// Package approval times approval processes on China's official
// working-day clock.
//
// A Process is a kind of application with time limits — per stage (环节)
// and for the whole — in working days, natural days or hours: the limit a
// plan promises (承诺时限) and, where a law sets one, the statutory limit
// (法定时限), timed side by side. Each process says whose plan promises it
// (Jurisdiction: a region, or a development zone of it, or the whole
// country for a law), when the promise is in force (Validity), the working
// hours its time is counted in (Hours; 09:00–17:00 by default), the
// extension the law allows (行政许可法 第四十二条) and the period to tell an
// incomplete application what it lacks (第三十二条). Catalog lists the
// processes the seed plans and the statutes set limits for, every figure
// with the words it comes from; CatalogFor picks those in force in a place
// on a day.
//
// A Case is one application kept as an append-only event log; Replay
// derives its state and rejects any event that cannot follow (a resume
// without a pause, a second finish, a stage the process does not have, an
// extension the process does not allow or beyond its cap, a second
// correction notice), naming the case and the event. Append copies the log
// on every append, so a copy of a case and the original never share what
// they add.
//
// Status returns a case's timers as of an instant the caller passes —
// never time.Now() — replaying only the events up to that instant:
// elapsed, remaining, due date and status (on track, warning at 80% of the
// limit by default, overdue, done on time or late) for the promised limit,
// the statutory limit and each timed stage, with the compression achieved
// against the statutory limit. Time is counted as the law counts it:
// working-day limits count the working hours of working days from the end
// of the start day (民法典 第二百零一条, 行政许可法 第八十二条), so pauses cost
// exactly the working time they take; natural-day limits count every day
// and move only a last day that is a day off (民法典 第二百零三条); hour
// limits count working hours, or the clock for round-the-clock services.
// Pauses for 补正, 公告 and the exclusions of 行政许可法 第四十五条 do not
// count; an approved extension is added; an application neither accepted
// nor told what to supply within the notice period counts as accepted on
// the day its materials came in. Every due date explains itself: the
// holidays, the weekend days worked, the hours each pause took out, the
// extension, the deemed acceptance.
//
// The calendar is calendar.China() or any calendar the caller gives. A due
// date in a year the calendar does not know is not a guess and not a
// failure: the timer gives the time elapsed and remaining and names the
// year whose notice it waits for; with calendar.China().WithProvisional()
// it answers, and every timer that touched a provisional year says 暂定.
//
// Alerts scans many cases and returns the warnings and breaches not yet
// fired; Statistics summarises finished cases by process, stage and unit
// (mean, median, p90, on-time rate, compression against the statutory
// limit, stages, materials and visits). Both compute everything they can
// and report each case they cannot evaluate as a *CaseError, with the year
// it needs where that is why.
//
// Every enumeration (EventKind, PauseReason, CaseStatus, TimerStatus,
// Basis, Mode, Level) marshals to and from its JSON name, and stores that
// name in a database through sql.Scanner and driver.Valuer.
//
// # Case JSON
//
// A case is a JSON object; times are RFC 3339 with their offset:
//
//	{
//	  "id": "XK-2025-0001",
//	  "process": "administrative-licence",
//	  "unit": "区行政审批局",
//	  "mode": "normal",
//	  "events": [
//	    {"at": "2025-03-03T09:00:00+08:00", "kind": "submitted"},
//	    {"at": "2025-03-05T10:00:00+08:00", "kind": "correction_notice"},
//	    {"at": "2025-03-12T10:00:00+08:00", "kind": "accepted"},
//	    {"at": "2025-03-18T11:00:00+08:00", "kind": "paused", "reason": "expert_review"},
//	    {"at": "2025-03-20T15:00:00+08:00", "kind": "resumed"},
//	    {"at": "2025-03-20T15:00:00+08:00", "kind": "materials", "count": 2},
//	    {"at": "2025-04-03T09:00:00+08:00", "kind": "extended", "extension": "10工作日", "by": "局长", "note": "情况复杂"},
//	    {"at": "2025-04-08T10:00:00+08:00", "kind": "visit"},
//	    {"at": "2025-04-15T16:00:00+08:00", "kind": "finished"}
//	  ]
//	}
//
// kind is submitted, correction_notice, accepted, stage_started,
// stage_finished, paused, resumed, extended, materials, visit, finished or
// withdrawn. reason (for paused) is correction (补正), announcement (公告),
// hearing, tender, auction, inspection, testing, quarantine, appraisal,
// expert_review, dangerous_work (危险作业) or applicant_request; the
// Chinese names are accepted too. extension is a calendar.Period (10工作日,
// 24小时) and extends the stage named, or the whole case when stage is
// empty; by (who approved it) and note (the reason given to the applicant)
// are required. DecodeCase reads a case through the module's strict JSON
// decoder (duplicate keys, unknown fields, text that is not UTF-8 and data
// after the value are errors); DecodeCases reads JSON Lines, one case per
// line.
package approval
