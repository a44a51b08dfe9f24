package approval

import (
	"fmt"
	"slices"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Event is one entry of a case's log.
type Event struct {
	// At is when it happened.
	At time.Time `json:"at"`
	// Kind is what happened.
	Kind EventKind `json:"kind"`
	// Stage names the stage, for stage events and stage extensions.
	Stage string `json:"stage,omitempty"`
	// Reason is why the clock stopped, for Paused.
	Reason PauseReason `json:"reason,omitempty"`
	// Extension is the time added, for Extended. Append keeps a copy:
	// changing the Period this points to afterwards changes nothing.
	Extension *calendar.Period `json:"extension,omitempty"`
	// By is who approved an extension (required for Extended: under 行政
	// 许可法 第四十二条 the head of the organ), or who acted.
	By string `json:"by,omitempty"`
	// Count is the number of materials received (default 1).
	Count int `json:"count,omitempty"`
	// Note is free text; for Extended, the reason given to the applicant
	// (required).
	Note string `json:"note,omitempty"`
}

// clone returns e with its own copy of the extension.
func (e Event) clone() Event {
	e.Extension = clonePeriod(e.Extension)
	return e
}

// Case is one application (办件), kept as an append-only log of events.
// Its state is derived by replaying the log (Replay); nothing else is
// stored.
//
// Events is exported so that a case can be written as a literal and read
// from JSON; add to it with Append only. Append never writes into an array
// another Case may share, so appending to a copy of a case (c2 := *c1)
// leaves the original's events as they were, and a rejected event writes
// nothing anywhere.
type Case struct {
	// ID identifies the case.
	ID string `json:"id"`
	// Process is the ID of the process applied for.
	Process string `json:"process"`
	// Unit is the unit handling the case (区数据局).
	Unit string `json:"unit,omitempty"`
	// Mode is how it was accepted; empty means normal.
	Mode Mode `json:"mode,omitempty"`
	// Events is the log, oldest first.
	Events []Event `json:"events"`
}

// Clone returns a deep copy of c: its own events and extensions.
func (c *Case) Clone() *Case {
	if c == nil {
		return nil
	}
	x := *c
	x.Events = cloneEvents(c.Events, 0)
	return &x
}

// cloneEvents copies events into a new array with room for extra more.
func cloneEvents(events []Event, extra int) []Event {
	if events == nil && extra == 0 {
		return nil
	}
	out := make([]Event, len(events), len(events)+extra)
	for i, e := range events {
		out[i] = e.clone()
	}
	return out
}

// Append adds a copy of e to the log after checking that it can follow the
// events already there under p's rules (see Replay). The log is copied on
// every append, so no other Case that shares c's events sees the change,
// and a rejected event leaves every log unchanged. It costs time in
// proportion to the log, like Replay itself.
func (c *Case) Append(p *Process, e Event) error {
	if c == nil {
		return fmt.Errorf("%w: 未给出办件 / no case given", ErrInvalidCase)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	events := cloneEvents(c.Events, 1)
	events = append(events, e.clone())
	next := *c
	next.Events = events
	var st State
	if err := replayInto(&next, p, &st, len(events)); err != nil {
		return err
	}
	c.Events = events
	return nil
}

// Pause is a span during which the clock stood still.
type Pause struct {
	// From is when the clock stopped.
	From time.Time `json:"from"`
	// To is when it resumed; zero while still paused.
	To time.Time `json:"to"`
	// Reason is why it stopped.
	Reason PauseReason `json:"reason"`
	// Stage is the stage running when it paused, if any.
	Stage string `json:"stage,omitempty"`
}

// StageState is a stage's span.
type StageState struct {
	// Name is the stage's name.
	Name string `json:"name"`
	// Started is when it started.
	Started time.Time `json:"started"`
	// Finished is zero while the stage runs.
	Finished time.Time `json:"finished"`
}

// Extension is an approved extension of a limit.
type Extension struct {
	// At is when it was approved.
	At time.Time `json:"at"`
	// Stage is the stage extended; empty for the whole case.
	Stage string `json:"stage,omitempty"`
	// Period is the time added.
	Period calendar.Period `json:"period"`
	// By is who approved it.
	By string `json:"by,omitempty"`
	// Note says why.
	Note string `json:"note,omitempty"`
}

// State is a case as its log says it stands.
type State struct {
	// Status is where the case stands.
	Status CaseStatus `json:"status"`
	// Submitted is when the application came in.
	Submitted time.Time `json:"submitted"`
	// Notified is when the applicant was told, once, what to supply (一次
	// 告知补正); zero when never.
	Notified time.Time `json:"notified"`
	// Accepted is when it was accepted (受理); zero before.
	Accepted time.Time `json:"accepted"`
	// Ended is when it finished or was withdrawn; zero before.
	Ended time.Time `json:"ended"`
	// Stages are the stages started, in order.
	Stages []StageState `json:"stages,omitempty"`
	// Pauses are the spans the clock stood still, in order.
	Pauses []Pause `json:"pauses,omitempty"`
	// Extensions are the approved extensions, in order.
	Extensions []Extension `json:"extensions,omitempty"`
	// Materials is the number of materials received.
	Materials int `json:"materials"`
	// Visits is the number of times the applicant came in person (跑动次数).
	Visits int `json:"visits"`
}

// Replay derives the state of c by applying its events in order, checking
// each against the process p: the first event is Submitted; times never go
// backwards; a correction notice (CorrectionNotice) comes once, before
// acceptance; a case is accepted once; stages are the process's, run one
// at a time, each once; a pause needs a reason and a running clock, a
// resume a pause; an extension needs a process that allows one (nil
// Process.Extension forbids it), is at most Process.Extension in the unit
// of the limit it extends, names who approved it and why, and comes once
// per limit (行政许可法 第四十二条); nothing follows Finished or Withdrawn,
// and a case cannot finish while paused or in a stage. The first event that
// does not fit is returned as an *EventError naming the case and the event;
// a nil case or process, or a process that fails Validate, is an error too.
// Replay is deterministic, does not change c, and shares nothing with it.
func Replay(c *Case, p *Process) (*State, error) {
	if c == nil {
		return nil, fmt.Errorf("%w: 未给出办件 / no case given", ErrInvalidCase)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	s := &State{}
	if err := replayInto(c, p, s, len(c.Events)); err != nil {
		return nil, err
	}
	return s, nil
}

// replayInto is Replay of the first n events into s, reusing its slices;
// scans over many cases call it with one State.
func replayInto(c *Case, p *Process, s *State, n int) error {
	*s = State{Stages: s.Stages[:0], Pauses: s.Pauses[:0], Extensions: s.Extensions[:0]}
	if c.ID == "" {
		return fmt.Errorf("%w: 办件缺少编号 / the case has no id", ErrInvalidCase)
	}
	if p == nil {
		return fmt.Errorf("%w: 办件 %s 未给出流程 / no process given for case %s", ErrInvalidProcess, c.ID, c.ID)
	}
	if p.ID != c.Process {
		return fmt.Errorf("%w: 办件 %s 的事项 %q 与给出的流程 %q 不符 / case %s is for process %q, not %q", ErrInvalidCase, c.ID, c.Process, p.ID, c.ID, c.Process, p.ID)
	}
	if len(c.Events) == 0 {
		return fmt.Errorf("%w: 办件 %s 没有事件 / case %s has no events", ErrInvalidCase, c.ID, c.ID)
	}
	events := c.Events[:n]
	if s.Pauses == nil { // size the pauses once rather than growing them
		k := 0
		for i := range events {
			if events[i].Kind == Paused {
				k++
			}
		}
		if k > 0 {
			s.Pauses = make([]Pause, 0, k)
		}
	}
	active := -1 // index into s.Stages of the running stage
	var last time.Time
	for i := range events {
		e := &events[i]
		bad := func(zh, en string) error {
			return eventErr(c, i, e.Kind, ErrInvalidEvent, zh, en)
		}
		if e.At.IsZero() {
			return bad("缺少时间", "the event has no time")
		}
		if y := e.At.Year(); y < calendar.MinYear || y > calendar.MaxYear {
			return bad(fmt.Sprintf("时间 %s 超出公元1–9999年", e.At.Format(time.RFC3339)), fmt.Sprintf("time %s is outside years 1 to 9999", e.At.Format(time.RFC3339)))
		}
		if i > 0 && e.At.Before(last) {
			return bad(fmt.Sprintf("时间 %s 早于前一事件 %s", e.At.Format(time.RFC3339), last.Format(time.RFC3339)),
				fmt.Sprintf("time %s is before the previous event's %s", e.At.Format(time.RFC3339), last.Format(time.RFC3339)))
		}
		last = e.At
		if i == 0 && e.Kind != Submitted {
			return bad("第一个事件应为 submitted", "the first event must be submitted")
		}
		if s.Status == Done || s.Status == Cancelled {
			return bad("办件已办结或撤回，不能再有事件", "the case has ended; no event may follow")
		}
		paused := s.Status == OnHold
		running := s.Status == InProgress || s.Status == OnHold
		switch e.Kind {
		case Submitted:
			if i != 0 {
				return bad("重复提交", "submitted twice")
			}
			s.Status, s.Submitted = Open, e.At
		case CorrectionNotice:
			if s.Status != Open {
				return bad("受理后不能再告知补正", "a correction notice must come before acceptance")
			}
			if !s.Notified.IsZero() {
				return bad("补正内容应一次告知，不能告知两次（行政许可法 第三十二条）", "what to supply is told once, not twice (行政许可法 第三十二条)")
			}
			s.Notified = e.At
		case Accepted:
			if s.Status != Open {
				return bad("重复受理", "accepted twice")
			}
			s.Status, s.Accepted = InProgress, e.At
		case StageStarted:
			if !running {
				return bad("受理前不能开始环节", "a stage cannot start before acceptance")
			}
			if _, ok := p.Stage(e.Stage); !ok {
				return eventErr(c, i, e.Kind, ErrUnknownStage, fmt.Sprintf("流程 %s 没有环节 %q", p.ID, e.Stage), fmt.Sprintf("process %s has no stage %q", p.ID, e.Stage))
			}
			if active >= 0 {
				return bad(fmt.Sprintf("环节 %s 尚未完成", s.Stages[active].Name), fmt.Sprintf("stage %s has not finished", s.Stages[active].Name))
			}
			for _, st := range s.Stages {
				if st.Name == e.Stage {
					return bad(fmt.Sprintf("环节 %s 已进行过", e.Stage), fmt.Sprintf("stage %s has already run", e.Stage))
				}
			}
			s.Stages = append(s.Stages, StageState{Name: e.Stage, Started: e.At})
			active = len(s.Stages) - 1
		case StageFinished:
			if active < 0 || s.Stages[active].Name != e.Stage {
				return bad(fmt.Sprintf("环节 %q 未在进行", e.Stage), fmt.Sprintf("stage %q is not running", e.Stage))
			}
			if paused {
				return bad("暂停中不能完成环节", "a stage cannot finish while paused")
			}
			s.Stages[active].Finished = e.At
			active = -1
		case Paused:
			if s.Status != InProgress {
				return bad("只有计时中的办件可以暂停", "only a running clock can pause")
			}
			if !e.Reason.valid() {
				return bad("暂停须给出原因", "a pause needs a reason")
			}
			ps := Pause{From: e.At, Reason: e.Reason}
			if active >= 0 {
				ps.Stage = s.Stages[active].Name
			}
			s.Pauses = append(s.Pauses, ps)
			s.Status = OnHold
		case Resumed:
			if !paused {
				return bad("未暂停，不能恢复", "resumed without a pause")
			}
			s.Pauses[len(s.Pauses)-1].To = e.At
			s.Status = InProgress
		case Extended:
			if err := checkExtension(c, p, s, i, *e, running); err != nil {
				return err
			}
			s.Extensions = append(s.Extensions, Extension{At: e.At, Stage: e.Stage, Period: *e.Extension, By: e.By, Note: e.Note})
		case Materials:
			if e.Count < 0 {
				return bad("材料数量不能为负", "a negative count of materials")
			}
			s.Materials += max(e.Count, 1)
		case Visit:
			s.Visits++
		case Finished:
			if !running {
				return bad("未受理不能办结", "a case cannot finish before acceptance")
			}
			if paused {
				return bad("暂停中不能办结", "a case cannot finish while paused")
			}
			if active >= 0 {
				return bad(fmt.Sprintf("环节 %s 尚未完成", s.Stages[active].Name), fmt.Sprintf("stage %s has not finished", s.Stages[active].Name))
			}
			s.Status, s.Ended = Done, e.At
		case Withdrawn:
			if paused {
				s.Pauses[len(s.Pauses)-1].To = e.At
			}
			if active >= 0 {
				s.Stages[active].Finished = e.At
			}
			s.Status, s.Ended = Cancelled, e.At
		default:
			return bad("未知的事件类型", "unknown event kind")
		}
	}
	return nil
}

// checkExtension applies 行政许可法 第四十二条 as the process states it:
// an extension only where the process allows one, at most its cap, in the
// unit of the limit extended, approved by someone named, with a reason,
// once per limit, while the clock runs.
func checkExtension(c *Case, p *Process, s *State, i int, e Event, running bool) error {
	bad := func(zh, en string) error { return eventErr(c, i, e.Kind, ErrInvalidEvent, zh, en) }
	if !running {
		return bad("受理前或办结后不能延长时限", "a limit can only be extended while the clock runs")
	}
	if p.Extension == nil {
		return bad(fmt.Sprintf("流程 %s 不允许延长时限", p.ID), fmt.Sprintf("process %s allows no extension", p.ID))
	}
	if e.Extension == nil || e.Extension.N <= 0 {
		return bad("延长须给出时长", "an extension needs a period")
	}
	x := *e.Extension
	if x.Unit != p.Extension.Unit || x.N > p.Extension.N {
		return bad(fmt.Sprintf("延长 %s 超出流程允许的 %s（行政许可法 第四十二条：经批准可以延长十日，以工作日计）", x, p.Extension),
			fmt.Sprintf("the extension %s exceeds the %s the process allows (行政许可法 第四十二条)", x.English(), p.Extension.English()))
	}
	target := "全程"
	if e.Stage != "" {
		st, ok := p.Stage(e.Stage)
		if !ok {
			return eventErr(c, i, e.Kind, ErrUnknownStage, fmt.Sprintf("流程 %s 没有环节 %q", p.ID, e.Stage), fmt.Sprintf("process %s has no stage %q", p.ID, e.Stage))
		}
		if st.Limit == nil {
			return bad(fmt.Sprintf("环节 %s 没有时限，无从延长", e.Stage), fmt.Sprintf("stage %s has no limit to extend", e.Stage))
		}
		if st.Limit.Unit != x.Unit {
			return bad(fmt.Sprintf("延长 %s 与环节时限 %s 单位不同", x, st.Limit), fmt.Sprintf("the extension %s is not in the unit of the stage's limit %s", x.English(), st.Limit.English()))
		}
		target = "环节 " + e.Stage
	} else if p.Promised == nil && p.Statutory == nil {
		return bad("流程没有全程时限，无从延长", "the process has no overall limit to extend")
	}
	if e.By == "" {
		return bad("延长须写明批准人（行政许可法 第四十二条：经本行政机关负责人批准）", "an extension must name who approved it (行政许可法 第四十二条: the head of the organ)")
	}
	if e.Note == "" {
		return bad("延长须写明理由（应当将延长期限的理由告知申请人）", "an extension must give the reason told to the applicant")
	}
	if slices.ContainsFunc(s.Extensions, func(x Extension) bool { return x.Stage == e.Stage }) {
		return bad(target+"的时限已延长过一次，不能再延长（行政许可法 第四十二条）", "this limit has already been extended once (行政许可法 第四十二条)")
	}
	return nil
}
