package task

import (
	"fmt"
	"slices"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// EntryKind is what a ledger entry records: a progress report, or a step
// of closure (销号), review, re-check (回头看), extension (延期) or carry-over
// (结转). Every step is an entry, so that the ledger is the task's whole
// history and nothing about it is changed in place.
type EntryKind uint8

// The kinds of entry. The zero EntryKind is Report, so that ledgers
// written before kinds existed read as progress reports.
const (
	// Report is a progress report (进展填报): a unit's percent and what it
	// did, on a date.
	Report EntryKind = iota
	// Apply is an application to close the task (申请销号) by an
	// accountable unit, with evidence (佐证材料); it reports 100%.
	Apply
	// Approve is a reviewer's approval (审核通过) of the entry Ref names: of
	// an application, the task is closed (销号); of an extension request,
	// the new deadline is in force; of a report, the report is confirmed.
	Approve
	// Return is a reviewer's return (退回) of the entry Ref names, with a
	// reason: an application returned leaves the task open, a report
	// returned no longer counts.
	Return
	// Recheck is a re-check (回头看) that reopens a closed task, with a
	// reason.
	Recheck
	// Extend is a request to extend the deadline (延期申请) to Deadline,
	// with a reason; it takes effect when approved.
	Extend
	// CarryOver records that the task is carried over (结转) to the plan
	// named in To, with a reason: the task leaves this plan unfinished.
	CarryOver
)

var entryKindNames = []struct{ json, zh string }{{"report", "进展填报"}, {"apply", "申请销号"}, {"approve", "审核通过"}, {"return", "退回"}, {"recheck", "回头看"}, {"extend", "延期申请"}, {"carry_over", "结转"}}

// String returns report, apply, approve, return, recheck, extend or
// carry_over; an out-of-range value gives EntryKind(N).
func (k EntryKind) String() string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k].json
	}
	return fmt.Sprintf("EntryKind(%d)", uint8(k))
}

// Chinese returns 进展填报, 申请销号, 审核通过, 退回, 回头看, 延期申请 or 结转.
func (k EntryKind) Chinese() string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k].zh
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler.
func (k EntryKind) MarshalText() ([]byte, error) {
	if int(k) >= len(entryKindNames) {
		return nil, fmt.Errorf("%w: entry kind %d", ErrInvalidValue, uint8(k))
	}
	return []byte(entryKindNames[k].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (k *EntryKind) UnmarshalText(b []byte) error {
	for i, n := range entryKindNames {
		if string(b) == n.json || string(b) == n.zh {
			*k = EntryKind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的台账条目类型 %q / unknown entry kind %q", ErrInvalidValue, b, b)
}

// reviewable reports whether entries of kind k are reviewed (approved or
// returned by a later entry).
func (k EntryKind) reviewable() bool { return k == Report || k == Apply || k == Extend }

// ReviewState is where the review (审核) of a report, an application or an
// extension request stands. It is worked out from the ledger (the Approve
// or Return entry that names it), never stored apart from it.
type ReviewState uint8

// The review states. The zero ReviewState means the entry is not reviewed
// at all (an approval, a return, a re-check or a carry-over).
const (
	NotReviewable ReviewState = iota // the entry is itself a decision
	Pending                          // 待审核
	Approved                         // 审核通过
	Returned                         // 已退回
)

var reviewNames = []struct{ json, zh string }{{"", ""}, {"pending", "待审核"}, {"approved", "审核通过"}, {"returned", "已退回"}}

// String returns "", pending, approved or returned; an out-of-range value
// gives ReviewState(N).
func (r ReviewState) String() string {
	if int(r) < len(reviewNames) {
		return reviewNames[r].json
	}
	return fmt.Sprintf("ReviewState(%d)", uint8(r))
}

// Chinese returns "", 待审核, 审核通过 or 已退回.
func (r ReviewState) Chinese() string {
	if int(r) < len(reviewNames) {
		return reviewNames[r].zh
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler.
func (r ReviewState) MarshalText() ([]byte, error) {
	if int(r) >= len(reviewNames) {
		return nil, fmt.Errorf("%w: review state %d", ErrInvalidValue, uint8(r))
	}
	return []byte(reviewNames[r].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese;
// empty text is NotReviewable).
func (r *ReviewState) UnmarshalText(b []byte) error {
	for i, n := range reviewNames {
		if string(b) == n.json || (i > 0 && string(b) == n.zh) {
			*r = ReviewState(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的审核状态 %q / unknown review state %q", ErrInvalidValue, b, b)
}

// Entry is one line of a task's progress ledger (台账): a progress report,
// or a step of closure, review, re-check, extension or carry-over (see
// EntryKind). Every entry says who (Unit and Reporter), when it was
// recorded (RecordedAt, an instant) and the date it reports on or decides
// on (Date); an entry is never changed once appended: a correction is a
// new entry naming the one it corrects, a review a new entry naming the
// one it reviews.
type Entry struct {
	// Seq numbers the entries from 1, in the order they were appended.
	Seq int `json:"seq"`
	// Kind is what the entry records; the zero Kind is a progress report.
	Kind EntryKind `json:"kind"`
	// Date is the date the entry reports on (the progress as of that day),
	// or the date of the decision it records.
	Date calendar.Date `json:"date"`
	// Unit is the unit reporting (填报单位), applying or deciding.
	Unit string `json:"unit"`
	// Reporter is the person who made the entry (填报人, or the reviewer).
	Reporter string `json:"reporter,omitempty"`
	// RecordedAt is the instant the entry was recorded. Required for every
	// kind but Report (old ledgers have reports without it).
	RecordedAt time.Time `json:"recorded_at,omitzero"`
	// Percent is the progress reported, 0–100 (Report), or 100 (Apply).
	Percent decimal.Decimal `json:"percent"`
	// Narrative says what was done.
	Narrative string `json:"narrative,omitempty"`
	// Evidence refers to supporting documents (佐证材料: file names, links,
	// 文号); an application to close must have some.
	Evidence []string `json:"evidence,omitempty"`
	// Corrects is the Seq of the report this one corrects; 0 for none.
	Corrects int `json:"corrects,omitempty"`
	// Ref is the Seq of the entry an Approve or Return decides on.
	Ref int `json:"ref,omitempty"`
	// Reason says why: required for Return, Recheck, Extend and CarryOver.
	Reason string `json:"reason,omitempty"`
	// Deadline is the deadline an Extend entry asks for.
	Deadline *Deadline `json:"deadline,omitempty"`
	// To names the plan a CarryOver entry carries the task over to (its
	// title or 文号).
	To string `json:"to,omitempty"`
	// Review is where the entry's own review stands (reports,
	// applications and extension requests), worked out from the later
	// entries of the ledger when the entry is read; it is ignored on Append.
	Review ReviewState `json:"review,omitempty"`
}

// clone returns e with its slices and pointers copied, so that the copy
// shares nothing with e.
func (e Entry) clone() Entry {
	e.Evidence = slices.Clone(e.Evidence)
	e.Deadline = e.Deadline.clone()
	return e
}

// closure is where a task's 销号 stands, worked out from its ledger.
type closure uint8

const (
	open    closure = iota // never applied, returned, or reopened
	pending                // applied, awaiting review
	closed                 // approved
	carried                // carried over to another plan
)

// check reports whether e may follow prior, whose state is st, under the
// ledger's own rules (the caller's Policy comes on top, in Task.Record).
func check(e Entry, prior []Entry, st *ledgerState) error {
	n := len(prior) + 1
	bad := func(field, zh, en string) error {
		return &EntryError{Index: n - 1, Seq: e.Seq, Kind: e.Kind, Field: field,
			MessageZh: fmt.Sprintf("第%d条（%s）：%s", n, e.Kind.Chinese(), zh), MessageEn: fmt.Sprintf("entry %d (%s): %s", n, e.Kind, en)}
	}
	if int(e.Kind) >= len(entryKindNames) {
		return bad("kind", "类型无效", "invalid kind")
	}
	switch {
	case e.Date.IsZero():
		return bad("date", "缺少日期", "the date is missing")
	case FoldName(e.Unit) == "":
		return bad("unit", "缺少填报单位", "the unit is missing")
	case e.Percent.IsNegative() || e.Percent.GreaterThan(hundred):
		return bad("percent", "进度须在0–100之间："+e.Percent.String(), "percent must be 0 to 100: "+e.Percent.String())
	case e.Kind != Report && e.RecordedAt.IsZero():
		return bad("recorded_at", "缺少记录时间", "the instant it was recorded is missing")
	case e.Corrects < 0 || e.Corrects >= n:
		return bad("corrects", fmt.Sprintf("更正的第%d条不存在", e.Corrects), fmt.Sprintf("entry %d, which it corrects, does not exist", e.Corrects))
	case e.Ref < 0 || e.Ref >= n:
		return bad("ref", fmt.Sprintf("所审核的第%d条不存在", e.Ref), fmt.Sprintf("entry %d, which it reviews, does not exist", e.Ref))
	case e.Corrects > 0 && e.Kind != Report:
		return bad("corrects", "只有进展填报可以更正", "only a progress report can correct another")
	case e.Ref > 0 && e.Kind != Approve && e.Kind != Return:
		return bad("ref", "只有审核通过或退回可以指明所审核的条目", "only an approval or a return names the entry it reviews")
	case (e.Kind == Return || e.Kind == Recheck || e.Kind == Extend || e.Kind == CarryOver) && e.Reason == "":
		return bad("reason", "缺少理由", "the reason is missing")
	case e.Kind != Extend && e.Deadline != nil:
		return bad("deadline", "只有延期申请带新期限", "only an extension request carries a deadline")
	case e.Kind != CarryOver && e.To != "":
		return bad("to", "只有结转指明转入的方案", "only a carry-over names the plan it goes to")
	}
	if e.Corrects > 0 {
		c := prior[e.Corrects-1]
		if c.Kind != Report {
			return bad("corrects", fmt.Sprintf("第%d条不是进展填报，不能更正", e.Corrects), fmt.Sprintf("entry %d is not a progress report and cannot be corrected", e.Corrects))
		}
		if FoldName(c.Unit) != FoldName(e.Unit) {
			return bad("corrects", fmt.Sprintf("只能更正本单位的填报（第%d条由%s填报）", e.Corrects, c.Unit), fmt.Sprintf("a unit corrects only its own reports (entry %d is %s's)", e.Corrects, c.Unit))
		}
	}
	if st.closure == carried {
		return bad("kind", "任务已结转，台账已关闭", "the task was carried over: its ledger is closed")
	}
	switch e.Kind {
	case Apply:
		switch {
		case len(e.Evidence) == 0:
			return bad("evidence", "申请销号须附佐证材料", "an application to close needs evidence")
		case !e.Percent.IsZero() && !e.Percent.Equal(hundred):
			return bad("percent", "申请销号即完成100%", "an application to close reports 100%")
		case st.closure == pending:
			return bad("kind", fmt.Sprintf("第%d条销号申请尚待审核", st.apply), fmt.Sprintf("the application in entry %d awaits review", st.apply))
		case st.closure == closed:
			return bad("kind", "任务已销号", "the task is already closed")
		}
	case Approve, Return:
		if e.Ref == 0 {
			return bad("ref", "须指明所审核的条目（ref）", "the entry reviewed (ref) is missing")
		}
		r := prior[e.Ref-1]
		if !r.Kind.reviewable() {
			return bad("ref", fmt.Sprintf("第%d条（%s）不需审核", e.Ref, r.Kind.Chinese()), fmt.Sprintf("entry %d (%s) is not reviewed", e.Ref, r.Kind))
		}
		if by, _, ok := st.decision(e.Ref); ok {
			return bad("ref", fmt.Sprintf("第%d条已由第%d条审核", e.Ref, by), fmt.Sprintf("entry %d was already reviewed by entry %d", e.Ref, by))
		}
		if r.Kind == Apply && e.Ref != st.apply {
			return bad("ref", fmt.Sprintf("第%d条销号申请已失效", e.Ref), fmt.Sprintf("the application in entry %d is no longer in force", e.Ref))
		}
	case Recheck:
		if st.closure != closed {
			return bad("kind", "只有已销号的任务可以回头看重新打开", "only a closed task can be reopened by a re-check")
		}
	case Extend:
		switch {
		case e.Deadline == nil || !e.Deadline.valid():
			return bad("deadline", "延期申请须写明新期限", "an extension request needs a valid new deadline")
		case st.extendPending > 0:
			return bad("kind", fmt.Sprintf("第%d条延期申请尚待审核", st.extendPending), fmt.Sprintf("the extension request in entry %d awaits review", st.extendPending))
		}
	case CarryOver:
		switch {
		case FoldName(e.To) == "":
			return bad("to", "须写明转入的方案", "the plan it is carried over to is missing")
		case st.closure == closed:
			return bad("kind", "任务已销号，无需结转", "the task is closed: nothing to carry over")
		}
	}
	return nil
}

// ledgerState is what the closure, extension and carry-over entries of a
// ledger add up to.
type ledgerState struct {
	closure       closure
	apply         int        // the application in force (pending or approved), or 0
	approve       int        // the approval that closed the task, or 0
	recheck       int        // the last re-check, or 0
	extendPending int        // an extension request awaiting review, or 0
	extension     int        // the last approved extension request, or 0
	carryOver     int        // the carry-over, or 0
	events        bool       // any closure, re-check or carry-over entry
	decided       []decision // by the Seq decided on (nil when there is none)
}

// stateOf works out the state of the entries, in one pass.
func stateOf(entries []Entry) ledgerState {
	var s ledgerState
	for i := range entries {
		s.add(&entries[i], entries[:i+1])
	}
	return s
}

// add updates s with e, the last of entries.
func (s *ledgerState) add(e *Entry, entries []Entry) {
	{
		switch e.Kind {
		case Apply:
			s.closure, s.apply, s.events = pending, e.Seq, true
		case Approve, Return:
			if e.Ref >= 0 {
				for len(s.decided) <= e.Ref {
					s.decided = append(s.decided, decision{})
				}
				s.decided[e.Ref] = decision{by: int32(e.Seq), approve: e.Kind == Approve}
			}
			r, ok := entryAt(entries, e.Ref)
			if !ok {
				return
			}
			switch {
			case r.Kind == Apply && e.Ref == s.apply:
				s.events = true
				if e.Kind == Approve {
					s.closure, s.approve = closed, e.Seq
				} else {
					s.closure, s.apply = open, 0
				}
			case r.Kind == Extend:
				if s.extendPending == e.Ref {
					s.extendPending = 0
				}
				if e.Kind == Approve {
					s.extension = e.Ref
				}
			}
		case Recheck:
			s.closure, s.apply, s.approve, s.recheck, s.events = open, 0, 0, e.Seq, true
		case Extend:
			s.extendPending = e.Seq
		case CarryOver:
			s.closure, s.carryOver, s.events = carried, e.Seq, true
		}
	}
}

// entryAt returns the entry numbered seq: by index when entries are the
// whole ledger, by search in a view that leaves some out (a ledger as of a
// date).
func entryAt(entries []Entry, seq int) (Entry, bool) {
	if seq >= 1 && seq <= len(entries) && entries[seq-1].Seq == seq {
		return entries[seq-1], true
	}
	for i := range entries {
		if entries[i].Seq == seq {
			return entries[i], true
		}
	}
	return Entry{}, false
}

// decision is the approval or return of an entry.
type decision struct {
	by      int32 // the Seq of the Approve or Return, 0 for none
	approve bool
}

// decision returns the Seq of the Approve or Return that decided on entry
// seq, and whether it approved.
func (s *ledgerState) decision(seq int) (by int, approve, ok bool) {
	if seq < 0 || seq >= len(s.decided) || s.decided[seq].by == 0 {
		return 0, false, false
	}
	d := s.decided[seq]
	return int(d.by), d.approve, true
}

// reviewOf returns the review state of e given the decisions.
func (s *ledgerState) reviewOf(e Entry) ReviewState {
	if !e.Kind.reviewable() {
		return NotReviewable
	}
	_, approve, ok := s.decision(e.Seq)
	switch {
	case !ok:
		return Pending
	case approve:
		return Approved
	}
	return Returned
}
