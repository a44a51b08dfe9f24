package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/bizenv/bizenv/internal/contract"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/google/uuid"
)

// Baseline is the findings a team has accepted as known, so that a check
// in CI fails only on new ones (bizenv check --baseline FILE; written by
// --write-baseline FILE).
type Baseline struct {
	// SchemaVersion is the plan format the findings were made under
	// (SchemaVersion when written).
	SchemaVersion string `json:"schema_version"`
	// Findings are the accepted findings, in document order.
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding. Only Key decides whether a
// finding is known; the other fields say, for people reading the file,
// what was accepted.
type BaselineEntry struct {
	// Key identifies the finding (FindingKey).
	Key string `json:"key"`
	// Code is the finding's code.
	Code string `json:"code"`
	// Severity is the finding's severity.
	Severity Severity `json:"severity"`
	// Path is the finding's JSON Pointer when it was accepted.
	Path string `json:"path"`
	// Task is the number and title of the task the finding is about.
	Task string `json:"task,omitempty"`
	// MessageZh is the finding's message in Chinese.
	MessageZh string `json:"message_zh"`
	// MessageEn is the finding's message in English.
	MessageEn string `json:"message_en"`
}

// FindingKey returns the key a baseline knows a finding by: its code, the
// document ("parent" for the parent plan's), and its place. A finding
// within a task is placed by the task's ID (its item key when it has
// none) and the path within the task (/deadline, /ledger/2/seq), so that
// inserting, removing or moving another task, or renumbering the
// sections, moves no key; other findings by their path (/title,
// /targets/3).
func FindingKey(f Finding) string {
	parts := []string{f.Code}
	if f.Document != "" {
		parts = append(parts, f.Document)
	}
	ref := f.Task
	if f.Document != "" {
		ref = nil
		if f.Parent != nil && strings.HasPrefix(f.Path+"/", f.Parent.Path+"/") {
			ref = f.Parent
		}
	}
	if ref != nil && ref.Path != "" && strings.HasPrefix(f.Path+"/", ref.Path+"/") {
		anchor := "task:" + ref.ID.String()
		if ref.ID == uuid.Nil {
			anchor = "item:" + ref.Key
		}
		return strings.Join(append(parts, anchor, strings.TrimPrefix(f.Path, ref.Path)), " ")
	}
	return strings.Join(append(parts, f.Path), " ")
}

// NewBaseline returns the baseline that accepts fs.
func NewBaseline(fs []Finding) Baseline {
	b := Baseline{SchemaVersion: SchemaVersion, Findings: make([]BaselineEntry, len(fs))}
	for i, f := range fs {
		e := BaselineEntry{Key: FindingKey(f), Code: f.Code, Severity: f.Severity, Path: f.Path, MessageZh: f.MessageZh, MessageEn: f.MessageEn}
		if f.Task != nil {
			e.Task = f.Task.Label()
		}
		b.Findings[i] = e
	}
	return b
}

// Split returns the findings of fs the baseline does not know (new), in
// their order, and the baseline's entries no finding matched any more
// (gone: fixed, or changed). A key accepted n times accepts n findings.
func (b Baseline) Split(fs []Finding) (fresh []Finding, gone []BaselineEntry) {
	count := map[string]int{}
	for _, e := range b.Findings {
		count[e.Key]++
	}
	for _, f := range fs {
		k := FindingKey(f)
		if count[k] > 0 {
			count[k]--
			continue
		}
		fresh = append(fresh, f)
	}
	for i := len(b.Findings) - 1; i >= 0; i-- {
		if e := b.Findings[i]; count[e.Key] > 0 {
			count[e.Key]--
			gone = append([]BaselineEntry{e}, gone...)
		}
	}
	return fresh, gone
}

// maxBaselineBytes bounds the baseline DecodeBaseline reads: 64 MiB.
const maxBaselineBytes = 64 << 20

// DecodeBaseline reads a baseline written by json.Marshal (bizenv check
// --write-baseline), strictly (see Decode); its problems, an entry without
// a key among them, come as a *DecodeError.
func DecodeBaseline(r io.Reader) (*Baseline, error) {
	var b Baseline
	if err := strictjson.DecodeWith(r, maxBaselineBytes, &b, contract.Options()); err != nil {
		if de, ok := decodeError(err).(*DecodeError); ok {
			de.baseline = true
			return nil, de
		}
		return nil, fmt.Errorf("%w: 无法读取基线 / cannot read the baseline: %w", ErrInvalidPlan, err)
	}
	de := &DecodeError{baseline: true}
	for i, e := range b.Findings {
		if e.Key == "" && len(de.Findings) < strictjson.MaxProblems {
			de.Findings = append(de.Findings, Finding{Code: "decode_value", Severity: Error, Path: pointer("findings", i, "key"),
				MessageZh: "缺少 key", MessageEn: "the key is missing"})
		}
	}
	if len(de.Findings) > 0 {
		return nil, de
	}
	return &b, nil
}
