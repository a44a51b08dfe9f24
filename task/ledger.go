package task

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/strictjson"
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

// clone returns e with its slices copied, so that the copy shares nothing
// with e.
func (e Entry) clone() Entry {
	e.Evidence = slices.Clone(e.Evidence)
	return e
}

// Ledger is an append-only list of entries. Nothing is ever deleted or
// changed: a correction is a new entry that names the one it corrects. The
// zero Ledger is empty and ready to use.
//
// Append-only holds in fact, not only by convention: entries are copied
// on the way in (Append) and on the way out (Entries, Current), so that no
// caller holds a slice that the ledger stores; and a copy of a ledger (or
// of the Task holding it) is a snapshot: appending to the copy never
// changes the original, nor the original the copy.
//
// A Ledger is safe for concurrent use: several goroutines may Append to
// the same ledger and read it at once. Assigning to a Ledger variable (or
// decoding into it) while others use it is not safe, as for any Go value.
type Ledger struct {
	// v points to the ledger's current view (*ledgerView), read and
	// replaced atomically; nil for the empty ledger.
	v unsafe.Pointer
}

// ledgerView is an immutable view of a ledger: the first len(entries)
// entries of a backing array that only ever grows at its end.
type ledgerView struct {
	data    *ledgerData
	entries []Entry // data's entries as of this view, capacity capped
}

// ledgerData is the backing store that views (and copies of a ledger)
// share. Appends hold mu; an append extends it in place when the view
// appended to is its latest one, and otherwise (a copy of the ledger
// appending after the original did) forks a new backing store.
type ledgerData struct {
	mu      sync.Mutex
	entries []Entry
}

func (l *Ledger) view() *ledgerView { return (*ledgerView)(atomic.LoadPointer(&l.v)) }

// all returns the entries in force in the view, never to be modified.
func (l *Ledger) all() []Entry {
	if v := l.view(); v != nil {
		return v.entries
	}
	return nil
}

var hundred = decimal.NewFromInt(100)

// Append adds e, numbering it (e.Seq is set to the next number; any value
// given is ignored). It returns an error wrapping ErrInvalidEntry when the
// date or unit is missing, the percent is outside 0–100, or Corrects names
// an entry that does not exist; the ledger is then unchanged. The ledger
// keeps its own copy of e: changing e's slices afterwards changes nothing
// here. Append is safe for concurrent use.
func (l *Ledger) Append(e Entry) (Entry, error) {
	out, err := l.appendChecked(func(prior []Entry) ([]Entry, error) {
		if err := check(e, prior); err != nil {
			return nil, err
		}
		return []Entry{e}, nil
	})
	if err != nil {
		return Entry{}, err
	}
	return out[0], nil
}

// check reports whether e may follow prior.
func check(e Entry, prior []Entry) error {
	n := len(prior) + 1
	bad := func(zh, en string) error {
		return fmt.Errorf("%w: 第%d条 / entry %d: %s / %s", ErrInvalidEntry, n, n, zh, en)
	}
	switch {
	case e.Date.IsZero():
		return bad("缺少日期", "the date is missing")
	case e.Unit == "":
		return bad("缺少填报单位", "the unit is missing")
	case e.Percent.IsNegative() || e.Percent.GreaterThan(hundred):
		return bad("进度须在0–100之间："+e.Percent.String(), "percent must be 0 to 100: "+e.Percent.String())
	case e.Corrects < 0 || e.Corrects >= n:
		return bad(fmt.Sprintf("更正的第%d条不存在", e.Corrects), fmt.Sprintf("entry %d, which it corrects, does not exist", e.Corrects))
	}
	return nil
}

// appendChecked appends the entries build returns, given the entries
// already in the ledger, as one step: no other append comes between the
// check and the write. The entries are numbered and copied in; copies are
// returned.
func (l *Ledger) appendChecked(build func(prior []Entry) ([]Entry, error)) ([]Entry, error) {
	for {
		v := l.view()
		if v == nil {
			fresh := &ledgerView{data: &ledgerData{}}
			if !atomic.CompareAndSwapPointer(&l.v, nil, unsafe.Pointer(fresh)) {
				continue
			}
			v = fresh
		}
		d := v.data
		d.mu.Lock()
		if l.view() != v { // another goroutine appended meanwhile: start again
			d.mu.Unlock()
			continue
		}
		es, err := build(v.entries)
		if err != nil {
			d.mu.Unlock()
			return nil, err
		}
		n := len(v.entries)
		next := d
		if len(d.entries) != n { // a copy of this ledger appended first: fork
			next = &ledgerData{entries: slices.Clone(v.entries)}
		}
		out := make([]Entry, len(es))
		for i, e := range es {
			e.Seq = n + i + 1
			e = e.clone()
			next.entries = append(next.entries, e)
			out[i] = e.clone()
		}
		nv := &ledgerView{data: next, entries: next.entries[:len(next.entries):len(next.entries)]}
		atomic.StorePointer(&l.v, unsafe.Pointer(nv))
		d.mu.Unlock()
		return out, nil
	}
}

// Entries returns a copy of the entries, oldest first.
func (l *Ledger) Entries() []Entry {
	all := l.all()
	out := make([]Entry, len(all))
	for i, e := range all {
		out[i] = e.clone()
	}
	return out
}

// Len returns the number of entries.
func (l *Ledger) Len() int { return len(l.all()) }

// Current returns copies of the entries in force: every entry except those
// a later entry corrects, oldest first.
func (l *Ledger) Current() []Entry {
	all := l.all()
	corrected := correctedSet(all)
	var out []Entry
	for _, e := range all {
		if !corrected[e.Seq] {
			out = append(out, e.clone())
		}
	}
	return out
}

// correctedSet returns the Seqs that a later entry corrects (nil when
// none).
func correctedSet(all []Entry) map[int]bool {
	var corrected map[int]bool
	for _, e := range all {
		if e.Corrects > 0 {
			if corrected == nil {
				corrected = make(map[int]bool)
			}
			corrected[e.Corrects] = true
		}
	}
	return corrected
}

// Progress returns the latest progress in force (by date, then by Seq),
// and false when nothing is reported.
func (l *Ledger) Progress() (decimal.Decimal, bool) {
	all := l.all()
	corrected := correctedSet(all)
	var best *Entry
	for i := range all {
		e := &all[i]
		if corrected[e.Seq] {
			continue
		}
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
	all := l.all()
	if all == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(all)
}

// maxLedgerEntries bounds the entries one ledger decodes.
const maxLedgerEntries = 1_000_000

// UnmarshalJSON reads a JSON array of entries strictly (see
// internal/strictjson: no unknown or repeated keys, no null entries),
// appending each in order, so that the same rules hold for a decoded
// ledger: numbering must run 1, 2, 3 … and corrections must point back.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var es []Entry
	if err := strictjson.Unmarshal(b, &es); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidEntry, err)
	}
	if len(es) > maxLedgerEntries {
		return fmt.Errorf("%w: 台账超过%d条 / more than %d entries", ErrInvalidEntry, maxLedgerEntries, maxLedgerEntries)
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
	atomic.StorePointer(&l.v, fresh.v)
	return nil
}
