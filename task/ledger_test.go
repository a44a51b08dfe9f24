package task

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13 item 5: the ledger is append-only in fact. Appending to a copy
// of a task (progress 100) silently overwrote the original's entry
// (progress 40) through a shared backing array.
func TestLedgerCopyIsASnapshot(t *testing.T) {
	orig := &Task{Number: "2", Responsibility: Responsibility{Lead: []string{"区数据局"}}}
	_, err := orig.Ledger.Append(Entry{Date: date(t, "2025-07-31"), Unit: "区数据局", Percent: decimal.NewFromInt(20)})
	require.NoError(t, err)
	cp := *orig
	_, err = cp.Ledger.Append(Entry{Date: date(t, "2025-08-31"), Unit: "区数据局", Percent: decimal.NewFromInt(100)})
	require.NoError(t, err)
	_, err = orig.Ledger.Append(Entry{Date: date(t, "2025-08-31"), Unit: "区数据局", Percent: decimal.NewFromInt(40)})
	require.NoError(t, err)

	p, _ := orig.Ledger.Progress()
	assert.Equal(t, "40", p.String(), "the original keeps its own entry")
	p, _ = cp.Ledger.Progress()
	assert.Equal(t, "100", p.String(), "and the copy its own")
	assert.Equal(t, 2, orig.Ledger.Len())
	assert.Equal(t, 2, cp.Ledger.Len())

	// The other order: the original appends first, then the copy.
	cp2 := *orig
	_, err = orig.Ledger.Append(Entry{Date: date(t, "2025-09-30"), Unit: "区数据局", Percent: decimal.NewFromInt(60)})
	require.NoError(t, err)
	assert.Equal(t, 2, cp2.Ledger.Len(), "a copy does not see what the original appends after it")
	_, err = cp2.Ledger.Append(Entry{Date: date(t, "2025-09-30"), Unit: "区数据局", Percent: decimal.NewFromInt(70)})
	require.NoError(t, err)
	p, _ = orig.Ledger.Progress()
	assert.Equal(t, "60", p.String())
}

// Issue 13 item 5: no caller holds a slice the ledger stores, in or out.
func TestLedgerCopiesEvidenceInAndOut(t *testing.T) {
	var l Ledger
	ev := []string{"铁数发〔2025〕3号"}
	got, err := l.Append(Entry{Date: date(t, "2025-06-30"), Unit: "区数据局", Percent: decimal.NewFromInt(80), Evidence: ev})
	require.NoError(t, err)
	ev[0] = "tampered in"
	got.Evidence[0] = "tampered via the returned entry"
	es := l.Entries()
	es[0].Evidence[0] = "tampered via Entries"
	cur := l.Current()
	cur[0].Evidence[0] = "tampered via Current"
	assert.Equal(t, []string{"铁数发〔2025〕3号"}, l.Entries()[0].Evidence)
	assert.Equal(t, []string{"铁数发〔2025〕3号"}, l.Current()[0].Evidence)
	b, err := json.Marshal(&l)
	require.NoError(t, err)
	assert.Contains(t, string(b), "铁数发〔2025〕3号")
}

// Issue 15 item 11: appending to one ledger from several goroutines is
// safe (run with -race), and every entry gets its own number.
func TestLedgerConcurrentAppend(t *testing.T) {
	tk := &Task{Number: "51"}
	const goroutines, each = 8, 50
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-07-15"), Unit: fmt.Sprintf("单位%d", g), Percent: decimal.NewFromInt(int64(i)), Evidence: []string{"x"}})
				assert.NoError(t, err)
				_ = tk.Ledger.Entries()
				_, _ = tk.Ledger.Progress()
			}
		}(g)
	}
	wg.Wait()
	es := tk.Ledger.Entries()
	require.Len(t, es, goroutines*each)
	for i, e := range es {
		assert.Equal(t, i+1, e.Seq)
	}
}
