package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileInputs are the kinds of bad input a command that reads a file can
// be given: nothing, junk, the wrong format, the wrong encoding, something
// built to be slow or to take memory. Each is (name, bytes).
func hostileInputs() [][2]string {
	var deep strings.Builder
	for range 50000 {
		deep.WriteString("[")
	}
	var keys strings.Builder
	keys.WriteString("{")
	for i := range 100000 {
		fmt.Fprintf(&keys, `"k%d":1,`, i)
	}
	keys.WriteString(`"k":1}`)
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(i*7919 + i>>3)
	}
	return [][2]string{
		{"empty", ""},
		{"whitespace", " \n\t\n"},
		{"junk", string(junk)},
		{"null bytes", strings.Repeat("\x00", 4096)},
		{"json null", "null"},
		{"json array", "[1,2,3]"},
		{"json string", `"x"`},
		{"json number", "1e999999"},
		{"truncated json", `{"title": "x", "sections": [{"number": "一"`},
		{"duplicate keys", `{"title":"a","title":"b","id":"x","id":"y"}`},
		{"case-variant keys", `{"Title":"a","title":"b"}`},
		{"trailing data", `{} {}`},
		{"utf-16", "\xff\xfe{\x00\"\x00a\x00\"\x00:\x001\x00}\x00"},
		{"gbk", "\xb9\xfa\xce\xf1\xd4\xba\xb0\xec\xb9\xab\xcc\xfc"},
		{"bom and junk", "\ufeff\x01\x02\x03"},
		{"deep nesting", deep.String()},
		{"many keys", keys.String()},
		{"long line", strings.Repeat("a", 3<<20)},
		{"many blank lines", strings.Repeat("\n", 3<<20)},
		{"csv injection", "=cmd|'/C calc'!A0,+1,-1,@SUM(1)\n"},
		{"ics junk", "BEGIN:VCALENDAR\n" + strings.Repeat(" folded\n", 100000)},
		{"terminal escapes", "\x1b[2J\x1b]0;owned\x07\u202e"},
	}
}

// hostileCommands are the commands that read a file argument, with the
// place the file goes (FILE) and any other arguments they need.
func hostileCommands(dir string) [][]string {
	plan := filepath.Join("..", "..", "examples", "data", "tiexi-2025-excerpt.json")
	return [][]string{
		{"check", "FILE"},
		{"check", plan, "--parent", "FILE"},
		{"check", plan, "--directory", "FILE"},
		{"report", "FILE", "--as-of", "2025-10-20"},
		{"report", plan, "--as-of", "2025-10-20", "--observations", "FILE"},
		{"report", plan, "--as-of", "2025-10-20", "--sent", "FILE"},
		{"import", "FILE"},
		{"import", "FILE", "--format", "json"},
		{"holidays", "import", "FILE"},
		{"workday", "is", "2025-10-01", "--calendar", "FILE"},
		{"approval", "status", "FILE", "--at", "2025-10-09T10:00:00+08:00"},
		{"approval", "stats", "FILE"},
		{"draw", "verify", "FILE", "--population", "FILE", "--roster", "FILE"},
		{"draw", "--population", "FILE", "--roster", "FILE", "--policy", "FILE", "--seed", "s"},
		{"uscc", "FILE"},
		{"import", "FILE", "--db", filepath.Join(dir, "hostile.db")},
		{"ledger", "show", "--plan", "铁西", "--db", "FILE"},
		{"approval", "record", "--db", filepath.Join(dir, "hostile.db"), "--case", "HV-1", "--process", "power-high-voltage", "--event", "FILE"},
	}
}

// TestHostileInputs feeds every kind of bad input to every command that
// reads a file and checks the promises the README makes: no panic, a clear
// exit status (0, 1 or 2) with a message on standard error when it is not
// 0, no stall, and memory within a small multiple of the input. The number
// of inputs tried is reported for the README's reliability section.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	dir := t.TempDir()
	inputs := hostileInputs()
	tried := 0
	for _, cmd := range hostileCommands(dir) {
		for _, in := range inputs {
			name := strings.Join(cmd, " ") + " <- " + in[0]
			file := filepath.Join(dir, "input")
			require.NoError(t, os.WriteFile(file, []byte(in[1]), 0o644))
			args := make([]string, len(cmd))
			for i, a := range cmd {
				if a == "FILE" {
					a = file
				}
				args[i] = a
			}
			var out, errb bytes.Buffer
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			code := func() (code int) {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s: panic: %v", name, r)
						code = -1
					}
				}()
				return run(args, strings.NewReader(""), &out, &errb, now)
			}()
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			tried++
			assert.Contains(t, []int{0, 1, 2}, code, name)
			if code != 0 {
				assert.NotEmpty(t, strings.TrimSpace(errb.String()+out.String()), "%s: a failure says why", name)
			}
			assert.NotContains(t, errb.String(), "goroutine ", name)
			assert.Less(t, took, 20*time.Second, "%s: a stall, not a slowdown", name)
			if !raceEnabled { // the race detector defeats sync.Pool: allocations are not the code's
				allocated := after.TotalAlloc - before.TotalAlloc
				assert.Less(t, allocated, uint64(64<<20)+uint64(40*len(in[1])), "%s: memory within a multiple of the input", name)
			}
		}
	}
	t.Logf("%d hostile inputs tried on %d commands", tried, len(hostileCommands(dir)))
}
