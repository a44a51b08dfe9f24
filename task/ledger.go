package task

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/shopspring/decimal"
)

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
	// broken is set for a ledger decoded with an entry that breaks a rule:
	// entries are then the ones before it.
	broken *brokenLedger
}

// brokenLedger is what a ledger decoded against its rules keeps: every
// entry as written, and the first rule broken.
type brokenLedger struct {
	written []Entry
	err     *EntryError
}

// ledgerData is the backing store that views (and copies of a ledger)
// share. Appends hold mu; an append extends it in place when the view
// appended to is its latest one, and otherwise (a copy of the ledger
// appending after the original did) forks a new backing store.
type ledgerData struct {
	mu      sync.Mutex
	entries []Entry
	st      ledgerState // the state after entries, kept for appends
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

// Append adds e, numbering it (e.Seq is set to the next number, and
// e.Review is worked out later: the values given are ignored). It returns
// an error wrapping ErrInvalidEntry, naming the entry, when e breaks a rule
// of the ledger; the ledger is then unchanged:
//   - every entry needs a date and a unit; every kind but Report needs the
//     instant it was recorded; the percent is 0–100;
//   - a correction names an earlier report of the same unit;
//   - an application to close (Apply) has evidence, reports 100% (or
//     leaves the percent 0), and comes when the task is neither closed nor
//     awaiting review of an earlier application;
//   - an Approve or Return names (Ref) a report, application or extension
//     request not yet decided on, and an application only while it is in
//     force; a Return gives its reason;
//   - a Recheck (回头看) reopens only a closed task, with a reason;
//   - an Extend asks for a valid deadline, with a reason, when no other
//     request awaits review;
//   - a CarryOver names the plan it goes to, with a reason, for a task that
//     is not closed; nothing follows it.
//
// The ledger keeps its own copy of e: changing e's slices afterwards
// changes nothing here. Append is safe for concurrent use. Task.Record
// adds the caller's rules (Policy) on top.
func (l *Ledger) Append(e Entry) (Entry, error) {
	out, err := l.appendChecked(func(prior []Entry, st *ledgerState) ([]Entry, error) {
		if err := check(e, prior, st); err != nil {
			return nil, err
		}
		return []Entry{e}, nil
	})
	if err != nil {
		return Entry{}, err
	}
	return out[0], nil
}

// appendChecked appends the entries build returns, given the entries
// already in the ledger, as one step: no other append comes between the
// check and the write. The entries are numbered and copied in; copies are
// returned.
func (l *Ledger) appendChecked(build func(prior []Entry, st *ledgerState) ([]Entry, error)) ([]Entry, error) {
	for {
		v := l.view()
		if v != nil && v.broken != nil {
			b := v.broken.err
			return nil, &EntryError{Index: b.Index, Seq: b.Seq, Kind: b.Kind, Field: b.Field,
				MessageZh: "台账须先更正，才能再记入：" + b.MessageZh, MessageEn: "the ledger must be corrected before anything is added to it: " + b.MessageEn}
		}
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
		n := len(v.entries)
		next := d
		if len(d.entries) != n { // a copy of this ledger appended first: fork
			next = &ledgerData{entries: slices.Clone(v.entries), st: stateOf(v.entries)}
		}
		es, err := build(v.entries, &next.st)
		if err != nil {
			d.mu.Unlock()
			return nil, err
		}
		st := next.st
		if len(es) > 1 { // later entries may still be refused: work on a copy
			st.decided = slices.Clone(st.decided)
		}
		out := make([]Entry, len(es))
		entries := next.entries
		for i, e := range es {
			e.Seq = n + i + 1
			e.Review = NotReviewable
			if e.Kind == Apply && e.Percent.IsZero() {
				e.Percent = hundred
			}
			e = e.clone()
			if i > 0 { // the later entries of one step are checked after the earlier
				if err := check(e, entries, &st); err != nil {
					d.mu.Unlock()
					return nil, err
				}
			}
			entries = append(entries, e)
			st.add(&entries[len(entries)-1], entries)
			out[i] = e.clone()
		}
		next.entries, next.st = entries, st
		nv := &ledgerView{data: next, entries: entries[:len(entries):len(entries)]}
		atomic.StorePointer(&l.v, unsafe.Pointer(nv))
		d.mu.Unlock()
		return out, nil
	}
}

// Entries returns a copy of the entries, oldest first, each with its
// review state (Entry.Review) worked out from the later entries.
func (l *Ledger) Entries() []Entry {
	all := l.all()
	st := stateOf(all)
	out := make([]Entry, len(all))
	for i, e := range all {
		out[i] = e.clone()
		out[i].Review = st.reviewOf(e)
	}
	return out
}

// Len returns the number of entries.
func (l *Ledger) Len() int { return len(l.all()) }

// Current returns copies of the entries in force: every entry except the
// reports a later entry corrects and the entries a reviewer returned,
// oldest first, each with its review state.
func (l *Ledger) Current() []Entry {
	all := l.all()
	st := stateOf(all)
	corrected := correctedSet(all)
	var out []Entry
	for _, e := range all {
		if r := st.reviewOf(e); !corrected[e.Seq] && r != Returned {
			c := e.clone()
			c.Review = r
			out = append(out, c)
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

// Progress returns the latest progress in force in the whole ledger,
// whoever reported it (by date, then by Seq: a report not corrected and
// not returned, or the application to close in force), and false when
// nothing is reported. A task with several accountable units is judged by
// Task.ProgressBy, which keeps each unit's reports apart.
func (l *Ledger) Progress() (decimal.Decimal, bool) {
	all := l.all()
	st := stateOf(all)
	corrected := correctedSet(all)
	var best *Entry
	for i := range all {
		e := &all[i]
		if (e.Kind != Report && e.Kind != Apply) || corrected[e.Seq] || st.reviewOf(*e) == Returned || (e.Kind == Apply && e.Seq != st.apply) {
			continue
		}
		if best == nil || e.Date.After(best.Date) || (e.Date == best.Date && e.Seq > best.Seq) {
			best = e
		}
	}
	if best == nil {
		return decimal.Decimal{}, false
	}
	return progressOf(*best), true
}

// progressOf returns the percent an entry reports: 100 for an application
// to close.
func progressOf(e Entry) decimal.Decimal {
	if e.Kind == Apply {
		return hundred
	}
	return e.Percent
}

// Err returns nil for a ledger that keeps its rules, and otherwise an
// *EntryError naming the first entry that breaks one. Only decoding makes
// such a ledger (see UnmarshalJSON): Append never adds an entry that
// breaks a rule.
func (l *Ledger) Err() error {
	if v := l.view(); v != nil && v.broken != nil {
		return v.broken.err
	}
	return nil
}

// Written returns a copy of every entry as decoded, for a ledger that
// breaks its rules (Err is not nil); nil otherwise.
func (l *Ledger) Written() []Entry {
	v := l.view()
	if v == nil || v.broken == nil {
		return nil
	}
	out := make([]Entry, len(v.broken.written))
	for i, e := range v.broken.written {
		out[i] = e.clone()
	}
	return out
}

// MarshalJSON writes the entries as a JSON array, each with its review
// state; a ledger that breaks its rules is written as it was read.
func (l Ledger) MarshalJSON() ([]byte, error) {
	if v := l.view(); v != nil && v.broken != nil {
		return json.Marshal(v.broken.written)
	}
	if len(l.all()) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal(l.Entries())
}

// maxLedgerEntries bounds the entries one ledger decodes.
const maxLedgerEntries = 1_000_000

// UnmarshalJSON reads a JSON array of entries strictly (see
// internal/strictjson: no unknown or repeated keys, no null entries, and a
// value of the wrong type is an error), appending each in order, so that
// the same rules hold for a decoded ledger as for Append: numbering must
// run 1, 2, 3 …, corrections and reviews must point back, closure must
// follow its steps, and a review state given must be the one the entries
// make.
//
// A ledger that breaks one of those rules is still read, so that the file
// it came from can be checked and written back unchanged: Err then names
// the first entry that breaks a rule, MarshalJSON writes the entries as
// they were read, Append refuses to add to it, and everything worked out
// from the ledger (Entries, Current, Progress, and the task's state,
// lights and supervision) sees only the entries before that one.
// DecodeTask and DecodeTasks refuse such a ledger; Task.Validate and
// plan.Plan.Validate report it.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var es []Entry
	if err := strictjson.Unmarshal(b, &es); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidEntry, err)
	}
	if len(es) > maxLedgerEntries {
		return fmt.Errorf("%w: 台账超过%d条 / more than %d entries", ErrInvalidEntry, maxLedgerEntries, maxLedgerEntries)
	}
	var fresh Ledger
	var broken *EntryError
	for i, e := range es {
		if e.Seq != i+1 {
			broken = &EntryError{Index: i, Seq: e.Seq, Kind: e.Kind, Field: "seq",
				MessageZh: fmt.Sprintf("第%d条的序号为 %d", i+1, e.Seq), MessageEn: fmt.Sprintf("entry %d has seq %d", i+1, e.Seq)}
			break
		}
		if _, err := fresh.Append(e); err != nil {
			if !errors.As(err, &broken) {
				broken = &EntryError{Index: i, Seq: e.Seq, Kind: e.Kind, Field: "kind", MessageZh: err.Error(), MessageEn: err.Error()}
			}
			break
		}
	}
	for i, e := range fresh.Entries() {
		if g := es[i].Review; g != NotReviewable && g != e.Review {
			broken = &EntryError{Index: i, Seq: e.Seq, Kind: e.Kind, Field: "review",
				MessageZh: fmt.Sprintf("第%d条的审核状态写作 %s，但台账记录的是 %s", i+1, g.Chinese(), e.Review.Chinese()),
				MessageEn: fmt.Sprintf("entry %d says its review is %s, but the ledger makes it %s", i+1, g, e.Review)}
			fresh = Ledger{}
			for _, e := range es[:i] {
				if _, err := fresh.Append(e); err != nil {
					return err // cannot happen: these entries were appended before
				}
			}
			break
		}
	}
	if broken != nil {
		v := fresh.view()
		nv := &ledgerView{broken: &brokenLedger{written: es, err: broken}}
		if v != nil {
			nv.data, nv.entries = v.data, v.entries
		} else {
			nv.data = &ledgerData{}
		}
		atomic.StorePointer(&l.v, unsafe.Pointer(nv))
		return nil
	}
	atomic.StorePointer(&l.v, atomic.LoadPointer(&fresh.v))
	return nil
}
