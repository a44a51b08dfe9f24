package task

import (
	"encoding/json"
	"fmt"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Entry is one line of a task's progress ledger (台账).
type Entry struct {
	// Seq numbers the entries from 1, in the order they were appended.
	Seq int `json:"seq"`
	// Date is the date the entry reports on.
	Date calendar.Date `json:"date"`
	// Unit is the unit reporting.
	Unit string `json:"unit"`
	// Percent is the progress reported, 0–100.
	Percent decimal.Decimal `json:"percent"`
	// Narrative says what was done.
	Narrative string `json:"narrative,omitempty"`
	// Evidence refers to supporting documents (file names, links, 文号).
	Evidence []string `json:"evidence,omitempty"`
	// Corrects is the Seq of the entry this one corrects; 0 for none.
	Corrects int `json:"corrects,omitempty"`
}

// Ledger is an append-only list of entries. Nothing is ever deleted or
// changed: a correction is a new entry that names the one it corrects. The
// zero Ledger is empty and ready to use.
type Ledger struct {
	entries []Entry
}

var hundred = decimal.NewFromInt(100)

// Append adds e, numbering it (e.Seq is set to the next number; any value
// given is ignored). It returns an error wrapping ErrInvalidEntry when the
// date or unit is missing, the percent is outside 0–100, or Corrects names
// an entry that does not exist; the ledger is then unchanged.
func (l *Ledger) Append(e Entry) (Entry, error) {
	bad := func(zh, en string) (Entry, error) {
		return Entry{}, fmt.Errorf("%w: 第%d条 / entry %d: %s / %s", ErrInvalidEntry, len(l.entries)+1, len(l.entries)+1, zh, en)
	}
	switch {
	case e.Date.IsZero():
		return bad("缺少日期", "the date is missing")
	case e.Unit == "":
		return bad("缺少填报单位", "the unit is missing")
	case e.Percent.IsNegative() || e.Percent.GreaterThan(hundred):
		return bad("进度须在0–100之间："+e.Percent.String(), "percent must be 0 to 100: "+e.Percent.String())
	case e.Corrects < 0 || e.Corrects > len(l.entries):
		return bad(fmt.Sprintf("更正的第%d条不存在", e.Corrects), fmt.Sprintf("entry %d, which it corrects, does not exist", e.Corrects))
	}
	e.Seq = len(l.entries) + 1
	e.Evidence = append([]string(nil), e.Evidence...)
	l.entries = append(l.entries, e)
	return e, nil
}

// Entries returns a copy of the entries, oldest first.
func (l *Ledger) Entries() []Entry {
	out := make([]Entry, len(l.entries))
	copy(out, l.entries)
	return out
}

// Len returns the number of entries.
func (l *Ledger) Len() int { return len(l.entries) }

// Current returns the entries in force: every entry except those a later
// entry corrects, oldest first.
func (l *Ledger) Current() []Entry {
	corrected := make(map[int]bool)
	for _, e := range l.entries {
		if e.Corrects > 0 {
			corrected[e.Corrects] = true
		}
	}
	var out []Entry
	for _, e := range l.entries {
		if !corrected[e.Seq] {
			out = append(out, e)
		}
	}
	return out
}

// Progress returns the latest progress in force (by date, then by Seq),
// and false when nothing is reported.
func (l *Ledger) Progress() (decimal.Decimal, bool) {
	var best *Entry
	cur := l.Current()
	for i := range cur {
		e := &cur[i]
		if best == nil || e.Date.After(best.Date) || (e.Date == best.Date && e.Seq > best.Seq) {
			best = e
		}
	}
	if best == nil {
		return decimal.Decimal{}, false
	}
	return best.Percent, true
}

// MarshalJSON writes the entries as a JSON array.
func (l Ledger) MarshalJSON() ([]byte, error) {
	if l.entries == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(l.entries)
}

// UnmarshalJSON reads a JSON array of entries, appending each in order, so
// that the same rules hold for a decoded ledger: numbering must run 1, 2,
// 3 … and corrections must point back.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var es []Entry
	if err := json.Unmarshal(b, &es); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidEntry, err)
	}
	var fresh Ledger
	for i, e := range es {
		if e.Seq != i+1 {
			return fmt.Errorf("%w: 第%d条的序号为 %d / entry %d has seq %d", ErrInvalidEntry, i+1, e.Seq, i+1, e.Seq)
		}
		if _, err := fresh.Append(e); err != nil {
			return err
		}
	}
	*l = fresh
	return nil
}
