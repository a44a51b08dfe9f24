package approval

import (
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// EventKind is what happened to a case.
type EventKind uint8

// The kinds of event.
const (
	Submitted     EventKind = iota + 1 // 申请提交
	Accepted                           // 受理: the overall clock starts
	StageStarted                       // 环节开始
	StageFinished                      // 环节完成
	Paused                             // 暂停计时, with a PauseReason
	Resumed                            // 恢复计时
	Extended                           // 延长时限, with who approved and why
	Materials                          // 收到申请材料
	Visit                              // 申请人到现场一次 (跑动)
	Finished                           // 办结
	Withdrawn                          // 撤回
)

var eventNames = []string{"", "submitted", "accepted", "stage_started", "stage_finished", "paused", "resumed", "extended", "materials", "visit", "finished", "withdrawn"}

// String returns the JSON name (stage_started ...).
func (k EventKind) String() string {
	if int(k) < len(eventNames) && k != 0 {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(eventNames) {
		return nil, fmt.Errorf("%w: 未知的事件类型 %d / unknown event kind %d", ErrInvalidEvent, uint8(k), uint8(k))
	}
	return []byte(eventNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *EventKind) UnmarshalText(b []byte) error {
	for i, n := range eventNames[1:] {
		if string(b) == n {
			*k = EventKind(i + 1)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的事件类型 %q / unknown event kind %q (want one of %v)", ErrInvalidEvent, b, b, eventNames[1:])
}

// PauseReason is why the clock stops (行政许可法 第四十五条 and the seeds).
type PauseReason uint8

// The reasons a clock may stop.
const (
	Correction       PauseReason = iota + 1 // 补正材料
	Announcement                            // 公告
	Hearing                                 // 听证
	Tender                                  // 招标
	Auction                                 // 拍卖
	Inspection                              // 检验
	Testing                                 // 检测
	Quarantine                              // 检疫
	Appraisal                               // 鉴定
	ExpertReview                            // 专家评审
	DangerousWork                           // 危险作业 (excluded from gas connection limits)
	ApplicantRequest                        // 申请人要求
)

var reasonNames = []struct{ json, zh string }{{}, {"correction", "补正"}, {"announcement", "公告"}, {"hearing", "听证"},
	{"tender", "招标"}, {"auction", "拍卖"}, {"inspection", "检验"}, {"testing", "检测"}, {"quarantine", "检疫"},
	{"appraisal", "鉴定"}, {"expert_review", "专家评审"}, {"dangerous_work", "危险作业"}, {"applicant_request", "申请人要求"}}

// String returns the JSON name (correction, expert_review ...).
func (r PauseReason) String() string {
	if int(r) < len(reasonNames) && r != 0 {
		return reasonNames[r].json
	}
	return fmt.Sprintf("PauseReason(%d)", uint8(r))
}

// Chinese returns the reason as documents write it: 补正, 专家评审 ...
func (r PauseReason) Chinese() string {
	if int(r) < len(reasonNames) && r != 0 {
		return reasonNames[r].zh
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler.
func (r PauseReason) MarshalText() ([]byte, error) {
	if int(r) >= len(reasonNames) {
		return nil, fmt.Errorf("%w: 未知的暂停原因 %d / unknown pause reason %d", ErrInvalidEvent, uint8(r), uint8(r))
	}
	return []byte(reasonNames[r].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (r *PauseReason) UnmarshalText(b []byte) error {
	for i, n := range reasonNames {
		if i > 0 && (string(b) == n.json || string(b) == n.zh) {
			*r = PauseReason(i)
			return nil
		}
	}
	if len(b) == 0 {
		*r = 0
		return nil
	}
	return fmt.Errorf("%w: 未知的暂停原因 %q / unknown pause reason %q", ErrInvalidEvent, b, b)
}

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
	// Extension is the time added, for Extended.
	Extension *calendar.Period `json:"extension,omitempty"`
	// By is who approved an extension (or who acted).
	By string `json:"by,omitempty"`
	// Count is the number of materials received (default 1).
	Count int `json:"count,omitempty"`
	// Note is free text.
	Note string `json:"note,omitempty"`
}

// Case is one application (办件), kept as an append-only log of events.
// Its state is derived by replaying the log (Replay); nothing else is
// stored.
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

// Append adds e to the log after checking that it can follow the events
// already there (see Replay); a rejected event leaves the log unchanged.
func (c *Case) Append(p *Process, e Event) error {
	c.Events = append(c.Events, e)
	if _, err := Replay(c, p); err != nil {
		c.Events = c.Events[:len(c.Events)-1]
		return err
	}
	return nil
}

// CaseStatus is where a case stands.
type CaseStatus uint8

// The statuses, in the order a case passes them.
const (
	Open       CaseStatus = iota + 1 // submitted, not accepted yet
	InProgress                       // accepted, the clock running
	OnHold                           // accepted, the clock stopped
	Done                             // finished
	Cancelled                        // withdrawn
)

var statusNames = []string{"", "open", "in_progress", "on_hold", "done", "cancelled"}

// String returns open, in_progress, on_hold, done or cancelled.
func (s CaseStatus) String() string {
	if int(s) < len(statusNames) && s != 0 {
		return statusNames[s]
	}
	return fmt.Sprintf("CaseStatus(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s CaseStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

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
// backwards; a case is accepted once; stages are the process's, run one at
// a time, each once; a pause needs a reason and a running clock, a resume
// a pause; nothing follows Finished or Withdrawn, and a case cannot finish
// while paused or in a stage. The first event that does not fit is
// returned as an *EventError naming the case and the event. Replay is
// deterministic and does not change c.
func Replay(c *Case, p *Process) (*State, error) {
	s := &State{}
	if err := replayInto(c, p, s); err != nil {
		return nil, err
	}
	return s, nil
}

// replayInto is Replay into s, reusing its slices; scans over many cases
// call it with one State.
func replayInto(c *Case, p *Process, s *State) error {
	*s = State{Stages: s.Stages[:0], Pauses: s.Pauses[:0], Extensions: s.Extensions[:0]}
	if s.Pauses == nil { // size the pauses once rather than growing them
		n := 0
		for _, e := range c.Events {
			if e.Kind == Paused {
				n++
			}
		}
		if n > 0 {
			s.Pauses = make([]Pause, 0, n)
		}
	}
	if c.ID == "" {
		return fmt.Errorf("%w: 办件缺少编号 / the case has no id", ErrInvalidCase)
	}
	if p == nil || p.ID != c.Process {
		return fmt.Errorf("%w: 办件 %s 的事项 %q 与给出的流程不符 / case %s is for process %q, not the one given", ErrInvalidCase, c.ID, c.Process, c.ID, c.Process)
	}
	active := -1 // index into s.Stages of the running stage
	var last time.Time
	for i, e := range c.Events {
		bad := func(zh, en string) error {
			return eventErr(c, i, e.Kind, ErrInvalidEvent, zh, en)
		}
		if e.At.IsZero() {
			return bad("缺少时间", "the event has no time")
		}
		if e.At.Before(last) {
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
		needClock := func() bool { return s.Status == InProgress || s.Status == OnHold }
		switch e.Kind {
		case Submitted:
			if i != 0 {
				return bad("重复提交", "submitted twice")
			}
			s.Status, s.Submitted = Open, e.At
		case Accepted:
			if s.Status != Open {
				return bad("重复受理", "accepted twice")
			}
			s.Status, s.Accepted = InProgress, e.At
		case StageStarted:
			if !needClock() {
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
			if e.Reason == 0 || int(e.Reason) >= len(reasonNames) {
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
			if !needClock() {
				return bad("受理前不能延长时限", "a limit cannot be extended before acceptance")
			}
			if e.Extension == nil || e.Extension.N <= 0 {
				return bad("延长须给出时长", "an extension needs a period")
			}
			if e.Stage != "" {
				if _, ok := p.Stage(e.Stage); !ok {
					return eventErr(c, i, e.Kind, ErrUnknownStage, fmt.Sprintf("流程 %s 没有环节 %q", p.ID, e.Stage), fmt.Sprintf("process %s has no stage %q", p.ID, e.Stage))
				}
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
			if !needClock() {
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
	if len(c.Events) == 0 {
		return fmt.Errorf("%w: 办件 %s 没有事件 / case %s has no events", ErrInvalidCase, c.ID, c.ID)
	}
	return nil
}
