package approval

import (
	"database/sql/driver"
	"encoding"
	"errors"
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/internal/sqltext"
)

// Every enumeration here has a JSON name; MarshalText writes it,
// UnmarshalText reads it back (and the Chinese name where there is one),
// and Value and Scan store it in a database column as that name, never as a
// number, so that a row stays readable when the constants are renumbered.

// EventKind is what happened to a case.
type EventKind uint8

// The kinds of event. The numbers are not part of any format: JSON and SQL
// use the names.
const (
	Submitted     EventKind = iota + 1 // 申请提交: the materials are received
	Accepted                           // 受理: the overall clock starts
	StageStarted                       // 环节开始
	StageFinished                      // 环节完成
	Paused                             // 暂停计时, with a PauseReason
	Resumed                            // 恢复计时
	Extended                           // 延长时限, with who approved it and why
	Materials                          // 收到申请材料
	Visit                              // 申请人到现场一次 (跑动)
	Finished                           // 办结
	Withdrawn                          // 撤回
	// CorrectionNotice is the one notice (一次告知) to an applicant whose
	// materials are incomplete, saying everything to supply (行政许可法
	// 第三十二条第一款第（四）项); it comes after Submitted and before
	// Accepted, at most once.
	CorrectionNotice
)

var eventNames = [...]struct{ json, zh string }{{}, {"submitted", "申请提交"}, {"accepted", "受理"}, {"stage_started", "环节开始"},
	{"stage_finished", "环节完成"}, {"paused", "暂停计时"}, {"resumed", "恢复计时"}, {"extended", "延长时限"}, {"materials", "收到材料"},
	{"visit", "现场办理"}, {"finished", "办结"}, {"withdrawn", "撤回"}, {"correction_notice", "一次告知补正"}}

func (k EventKind) valid() bool { return k != 0 && int(k) < len(eventNames) }

// String returns the JSON name (stage_started ...); an unknown value gives
// EventKind(N).
func (k EventKind) String() string {
	if k.valid() {
		return eventNames[k].json
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// Chinese returns the kind in Chinese: 受理, 暂停计时 ...
func (k EventKind) Chinese() string {
	if k.valid() {
		return eventNames[k].zh
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("%w: 未知的事件类型 %d / unknown event kind %d", ErrInvalidEvent, uint8(k), uint8(k))
	}
	return []byte(eventNames[k].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it takes the JSON or
// the Chinese name.
func (k *EventKind) UnmarshalText(b []byte) error {
	for i := 1; i < len(eventNames); i++ {
		if string(b) == eventNames[i].json || string(b) == eventNames[i].zh {
			*k = EventKind(i)
			return nil
		}
	}
	names := make([]string, 0, len(eventNames)-1)
	for _, n := range eventNames[1:] {
		names = append(names, n.json)
	}
	return fmt.Errorf("%w: 未知的事件类型 %q / unknown event kind %q (want one of %s)", ErrInvalidEvent, b, b, strings.Join(names, ", "))
}

// Value implements driver.Valuer with the JSON name.
func (k EventKind) Value() (driver.Value, error) { return sqltext.Value(k) }

// Scan implements sql.Scanner: the JSON or the Chinese name.
func (k *EventKind) Scan(src any) error { return scanText(src, k, "EventKind") }

// PauseReason is why the clock stops (行政许可法 第四十五条 and the seeds).
type PauseReason uint8

// The reasons a clock may stop. The zero PauseReason is "no reason", which
// only events other than Paused carry.
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

var reasonNames = [...]struct{ json, zh string }{{}, {"correction", "补正"}, {"announcement", "公告"}, {"hearing", "听证"},
	{"tender", "招标"}, {"auction", "拍卖"}, {"inspection", "检验"}, {"testing", "检测"}, {"quarantine", "检疫"},
	{"appraisal", "鉴定"}, {"expert_review", "专家评审"}, {"dangerous_work", "危险作业"}, {"applicant_request", "申请人要求"}}

func (r PauseReason) valid() bool { return r != 0 && int(r) < len(reasonNames) }

// String returns the JSON name (correction, expert_review ...); the zero
// reason gives "", an unknown value PauseReason(N).
func (r PauseReason) String() string {
	if r == 0 || r.valid() {
		return reasonNames[r].json
	}
	return fmt.Sprintf("PauseReason(%d)", uint8(r))
}

// Chinese returns the reason as documents write it: 补正, 专家评审 ...
func (r PauseReason) Chinese() string {
	if r.valid() {
		return reasonNames[r].zh
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler; the zero reason is empty
// text.
func (r PauseReason) MarshalText() ([]byte, error) {
	if r != 0 && !r.valid() {
		return nil, fmt.Errorf("%w: 未知的暂停原因 %d / unknown pause reason %d", ErrInvalidEvent, uint8(r), uint8(r))
	}
	return []byte(reasonNames[r].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese;
// empty text is the zero reason).
func (r *PauseReason) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = 0
		return nil
	}
	for i := 1; i < len(reasonNames); i++ {
		if string(b) == reasonNames[i].json || string(b) == reasonNames[i].zh {
			*r = PauseReason(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的暂停原因 %q / unknown pause reason %q", ErrInvalidEvent, b, b)
}

// Value implements driver.Valuer with the JSON name ("" for no reason).
func (r PauseReason) Value() (driver.Value, error) { return sqltext.Value(r) }

// Scan implements sql.Scanner; NULL is the zero reason.
func (r *PauseReason) Scan(src any) error {
	if src == nil {
		*r = 0
		return nil
	}
	return scanText(src, r, "PauseReason")
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

var statusNames = [...]struct{ json, zh string }{{}, {"open", "待受理"}, {"in_progress", "办理中"}, {"on_hold", "暂停计时"}, {"done", "已办结"}, {"cancelled", "已撤回"}}

func (s CaseStatus) valid() bool { return s != 0 && int(s) < len(statusNames) }

// String returns open, in_progress, on_hold, done or cancelled.
func (s CaseStatus) String() string {
	if s.valid() {
		return statusNames[s].json
	}
	return fmt.Sprintf("CaseStatus(%d)", uint8(s))
}

// Chinese returns 待受理, 办理中, 暂停计时, 已办结 or 已撤回.
func (s CaseStatus) Chinese() string {
	if s.valid() {
		return statusNames[s].zh
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler.
func (s CaseStatus) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("%w: 未知的办件状态 %d / unknown case status %d", ErrInvalidCase, uint8(s), uint8(s))
	}
	return []byte(statusNames[s].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (s *CaseStatus) UnmarshalText(b []byte) error {
	for i := 1; i < len(statusNames); i++ {
		if string(b) == statusNames[i].json || string(b) == statusNames[i].zh {
			*s = CaseStatus(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的办件状态 %q / unknown case status %q (want open, in_progress, on_hold, done or cancelled)", ErrInvalidCase, b, b)
}

// Value implements driver.Valuer with the JSON name.
func (s CaseStatus) Value() (driver.Value, error) { return sqltext.Value(s) }

// Scan implements sql.Scanner.
func (s *CaseStatus) Scan(src any) error { return scanText(src, s, "CaseStatus") }

// TimerStatus is how a limit stands.
type TimerStatus uint8

// The timer statuses.
const (
	OnTrack    TimerStatus = iota + 1 // running, below the warning share
	Warning                           // running, at or past the warning share
	Overdue                           // running, past its due time
	DoneOnTime                        // finished by its due time
	DoneLate                          // finished after its due time
)

var timerNames = [...]struct{ json, zh string }{{}, {"on_track", "正常"}, {"warning", "预警"}, {"overdue", "超期"}, {"done_on_time", "按时办结"}, {"done_late", "超期办结"}}

func (s TimerStatus) valid() bool { return s != 0 && int(s) < len(timerNames) }

// String returns on_track, warning, overdue, done_on_time or done_late.
func (s TimerStatus) String() string {
	if s.valid() {
		return timerNames[s].json
	}
	return fmt.Sprintf("TimerStatus(%d)", uint8(s))
}

// Chinese returns 正常, 预警, 超期, 按时办结 or 超期办结.
func (s TimerStatus) Chinese() string {
	if s.valid() {
		return timerNames[s].zh
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler.
func (s TimerStatus) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("%w: 未知的计时状态 %d / unknown timer status %d", ErrInvalidCase, uint8(s), uint8(s))
	}
	return []byte(timerNames[s].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (s *TimerStatus) UnmarshalText(b []byte) error {
	for i := 1; i < len(timerNames); i++ {
		if string(b) == timerNames[i].json || string(b) == timerNames[i].zh {
			*s = TimerStatus(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的计时状态 %q / unknown timer status %q (want on_track, warning, overdue, done_on_time or done_late)", ErrInvalidCase, b, b)
}

// Value implements driver.Valuer with the JSON name.
func (s TimerStatus) Value() (driver.Value, error) { return sqltext.Value(s) }

// Scan implements sql.Scanner.
func (s *TimerStatus) Scan(src any) error { return scanText(src, s, "TimerStatus") }

// Basis says which limit a timer runs against.
type Basis uint8

// The limits a case is timed against.
const (
	// Promised is the limit a plan promises (承诺时限), for the whole case or
	// for a stage.
	Promised Basis = iota + 1
	// Statutory is the limit the law sets (法定时限).
	Statutory
)

var basisNames = [...]struct{ json, zh string }{{}, {"promised", "承诺时限"}, {"statutory", "法定时限"}}

func (b Basis) valid() bool { return b != 0 && int(b) < len(basisNames) }

// String returns promised or statutory.
func (b Basis) String() string {
	if b.valid() {
		return basisNames[b].json
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// Chinese returns 承诺时限 or 法定时限.
func (b Basis) Chinese() string {
	if b.valid() {
		return basisNames[b].zh
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.valid() {
		return nil, fmt.Errorf("%w: 未知的时限类型 %d / unknown basis %d", ErrInvalidProcess, uint8(b), uint8(b))
	}
	return []byte(basisNames[b].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (b *Basis) UnmarshalText(t []byte) error {
	for i := 1; i < len(basisNames); i++ {
		if string(t) == basisNames[i].json || string(t) == basisNames[i].zh {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的时限类型 %q / unknown basis %q (want promised or statutory)", ErrInvalidProcess, t, t)
}

// Value implements driver.Valuer with the JSON name.
func (b Basis) Value() (driver.Value, error) { return sqltext.Value(b) }

// Scan implements sql.Scanner.
func (b *Basis) Scan(src any) error { return scanText(src, b, "Basis") }

// Mode is a way an application may be accepted.
type Mode string

// The acceptance modes. The empty Mode means Normal.
const (
	Normal          Mode = "normal"           // 一般受理
	AcceptDeficient Mode = "accept_deficient" // 容缺受理: accepted with minor materials missing
	NotifyCommit    Mode = "notify_commit"    // 告知承诺: approved on the applicant's written commitment
)

var modeNames = [...]struct {
	m  Mode
	zh string
}{{Normal, "一般受理"}, {AcceptDeficient, "容缺受理"}, {NotifyCommit, "告知承诺"}}

// Chinese returns 一般受理, 容缺受理 or 告知承诺 (一般受理 for the empty Mode).
func (m Mode) Chinese() string {
	for _, n := range modeNames {
		if n.m == m || (m == "" && n.m == Normal) {
			return n.zh
		}
	}
	return string(m)
}

// MarshalText implements encoding.TextMarshaler; an unknown mode is an
// error (the empty Mode is empty text).
func (m Mode) MarshalText() ([]byte, error) {
	if m == "" {
		return []byte{}, nil
	}
	for _, n := range modeNames {
		if n.m == m {
			return []byte(m), nil
		}
	}
	return nil, fmt.Errorf("%w: 未知的受理方式 %q / unknown mode %q", ErrInvalidCase, string(m), string(m))
}

// UnmarshalText implements encoding.TextUnmarshaler: normal,
// accept_deficient, notify_commit, their Chinese names, or empty text.
func (m *Mode) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = ""
		return nil
	}
	for _, n := range modeNames {
		if string(b) == string(n.m) || string(b) == n.zh {
			*m = n.m
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的受理方式 %q / unknown mode %q (want normal, accept_deficient or notify_commit)", ErrInvalidCase, b, b)
}

// Value implements driver.Valuer with the JSON name.
func (m Mode) Value() (driver.Value, error) { return sqltext.Value(m) }

// Scan implements sql.Scanner; NULL is the empty Mode.
func (m *Mode) Scan(src any) error {
	if src == nil {
		*m = ""
		return nil
	}
	return scanText(src, m, "Mode")
}

// Level is how serious an alert is.
type Level string

// The alert levels.
const (
	LevelWarning Level = "warning" // the warning share of the limit is used
	LevelOverdue Level = "overdue" // the limit has run out
)

// Chinese returns 预警 or 超期.
func (l Level) Chinese() string {
	switch l {
	case LevelWarning:
		return "预警"
	case LevelOverdue:
		return "超期"
	}
	return string(l)
}

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) {
	if l != LevelWarning && l != LevelOverdue {
		return nil, fmt.Errorf("%w: 未知的预警级别 %q / unknown alert level %q", ErrInvalidCase, string(l), string(l))
	}
	return []byte(l), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case string(LevelWarning), "预警":
		*l = LevelWarning
	case string(LevelOverdue), "超期":
		*l = LevelOverdue
	default:
		return fmt.Errorf("%w: 未知的预警级别 %q / unknown alert level %q (want warning or overdue)", ErrInvalidCase, b, b)
	}
	return nil
}

// Value implements driver.Valuer with the JSON name.
func (l Level) Value() (driver.Value, error) { return sqltext.Value(l) }

// Scan implements sql.Scanner.
func (l *Level) Scan(src any) error { return scanText(src, l, "Level") }

// scanText reads a column holding a name (TEXT or BLOB) into u, as every
// bizenv enumeration does (sqltext.Scan); a column that is NULL or not a
// name is an error wrapping ErrInvalidCase, as the package promises.
func scanText(src any, u encoding.TextUnmarshaler, what string) error {
	err := sqltext.Scan(u, src, "approval."+what)
	if err != nil && !errors.Is(err, ErrInvalidCase) && !errors.Is(err, ErrInvalidProcess) && !errors.Is(err, ErrInvalidEvent) {
		return fmt.Errorf("%w: %w", ErrInvalidCase, err)
	}
	return err
}
