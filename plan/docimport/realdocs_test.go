package docimport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realDir is shared/realdocs beside the repository: documents issued by
// other offices (see its SOURCES.md). The texts stay there; what they say
// — item numbers, titles' first words, units, deadlines — was labelled by
// hand into testdata/realdocs.
var realDir = filepath.Join("..", "..", "..", "shared", "realdocs")

// realLabel is a document's labels.
type realLabel struct {
	File      string     `json:"file"`
	Title     string     `json:"title"`
	DocNumber string     `json:"doc_number"`
	Issuer    string     `json:"issuer"`
	Issued    string     `json:"issued"`
	Note      string     `json:"note"`
	Items     []realItem `json:"items"`
}

// realItem is an item as labelled: its section path and number as printed,
// its title's first words, its units by role, and its deadline.
type realItem struct {
	Section     string   `json:"section"`
	Number      string   `json:"number"`
	Title       string   `json:"title"`
	Lead        []string `json:"lead"`
	Responsible []string `json:"responsible"`
	Supporting  []string `json:"supporting"`
	Joint       bool     `json:"joint"`
	Deadline    string   `json:"deadline"`
}

// realScore is how an import compares with the labels.
type realScore struct {
	labelled, found, extra, units, deadlines int
	header                                   bool
	misses                                   []string
}

// pathedTasks returns the tasks of a plan keyed by section path and
// number (一(一) and 1).
func pathedTasks(p *plan.Plan) map[string]*task.Task {
	out := map[string]*task.Task{}
	var walk func(ss []*plan.Section, path string)
	walk = func(ss []*plan.Section, path string) {
		for _, s := range ss {
			here := path + s.Number
			for _, t := range s.Tasks {
				out[here+"|"+t.Number] = t
			}
			walk(s.Sections, here)
		}
	}
	walk(p.Sections, "")
	return out
}

func sortedFold(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, task.FoldName(s))
	}
	sort.Strings(out)
	return out
}

func sameUnits(a, b []string) bool {
	x, y := sortedFold(a), sortedFold(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// score compares an import with a document's labels.
func score(l realLabel, p *plan.Plan) realScore {
	got := pathedTasks(p)
	sc := realScore{labelled: len(l.Items), extra: len(got)}
	for _, it := range l.Items {
		t := got[it.Section+"|"+it.Number]
		if t == nil || !strings.HasPrefix(t.Title, it.Title) {
			sc.misses = append(sc.misses, fmt.Sprintf("%s %s %s: not found", it.Section, it.Number, it.Title))
			continue
		}
		sc.found++
		sc.extra--
		r := t.Responsibility
		if sameUnits(r.Lead, it.Lead) && sameUnits(r.Responsible, it.Responsible) && sameUnits(r.Supporting, it.Supporting) && r.Joint == it.Joint {
			sc.units++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("%s %s units: got lead %v responsible %v supporting %v joint %v", it.Section, it.Number, r.Lead, r.Responsible, r.Supporting, r.Joint))
		}
		dl := ""
		if t.Deadline != nil && t.Deadline.Kind == task.OnDate {
			dl = t.Deadline.Date.String()
		}
		if dl == it.Deadline {
			sc.deadlines++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("%s %s deadline: got %q want %q", it.Section, it.Number, dl, it.Deadline))
		}
	}
	issued := ""
	if !p.Issued.IsZero() {
		issued = p.Issued.String()
	}
	sc.header = p.Title == l.Title && p.DocNumber.String() == l.DocNumber && p.Issuer == l.Issuer && issued == l.Issued
	if !sc.header {
		sc.misses = append(sc.misses, fmt.Sprintf("header: got %q %q %q %q", p.Title, p.DocNumber, p.Issuer, issued))
	}
	return sc
}

func readLabels(t *testing.T) []realLabel {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "realdocs", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []realLabel
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var l realLabel
		require.NoError(t, json.Unmarshal(b, &l), f)
		out = append(out, l)
	}
	return out
}

// TestRealDocuments imports the documents of other offices and compares
// each with its labels: every labelled item found at its section and
// number, with exactly its units and its deadline, and the header (title,
// document number, issuer, date) as labelled. go test -run RealDocuments -v
// prints the accuracy table the README shows.
func TestRealDocuments(t *testing.T) {
	labels := readLabels(t)
	if _, err := os.Stat(filepath.Join(realDir, labels[0].File)); err != nil {
		t.Skip("real documents not found beside the repository (shared/realdocs)")
	}
	var total realScore
	rows := []string{"| document | items found / labelled | extra items | units exactly right | deadlines right | title, 文号, issuer, date |", "| --- | ---: | ---: | ---: | ---: | --- |"}
	for _, l := range labels {
		b, err := os.ReadFile(filepath.Join(realDir, l.File))
		require.NoError(t, err)
		res, err := Parse(b, Options{Source: l.File})
		require.NoError(t, err, l.File)
		sc := score(l, res.Plan)
		t.Run(strings.TrimSuffix(l.File, ".txt"), func(t *testing.T) {
			assert.Empty(t, sc.misses)
			assert.Zero(t, sc.extra, "items the labels do not have")
		})
		head := "right"
		if !sc.header {
			head = "wrong"
		}
		rows = append(rows, fmt.Sprintf("| %s | %d / %d | %d | %d / %d | %d / %d | %s |", strings.TrimSuffix(l.File, ".txt"), sc.found, sc.labelled, sc.extra, sc.units, sc.labelled, sc.deadlines, sc.labelled, head))
		total.labelled += sc.labelled
		total.found += sc.found
		total.extra += sc.extra
		total.units += sc.units
		total.deadlines += sc.deadlines
	}
	rows = append(rows, fmt.Sprintf("| all %d documents | %d / %d | %d | %d / %d | %d / %d | |", len(labels), total.found, total.labelled, total.extra, total.units, total.labelled, total.deadlines, total.labelled))
	t.Log("\n" + strings.Join(rows, "\n"))
}
