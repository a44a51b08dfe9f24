package store

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/task"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtures write, for each released schema version, data as that
// version's release wrote it — in its own SQL, frozen here, so that the
// test keeps checking what old databases hold after the code moves on.
var fixtures = map[int]func(t *testing.T, s *Store){
	1: func(t *testing.T, s *Store) {
		// The 铁西 excerpt as version 1's SavePlan stored it: its whole
		// JSON, one ledger entry in it.
		p := loadPlanFile(t, "tiexi-2025-excerpt.json")
		body, err := json.Marshal(p)
		require.NoError(t, err)
		exec := func(q string, args ...any) {
			t.Helper()
			_, err := s.db.ExecContext(ctx, s.bind(q), args...)
			require.NoError(t, err, q)
		}
		exec(`INSERT INTO plans (plan_id, version, plan_key, doc_number, title, sha256, stored_at, body) VALUES (?, 1, ?, '', ?, 'x', '2025-11-01T00:00:00.000000000Z', ?)`,
			p.ID.String(), p.Key(), p.Title, string(body))
		tasks, keys := p.ItemKeys()
		for i, x := range tasks {
			tb, err := json.Marshal(x)
			require.NoError(t, err)
			exec(`INSERT INTO plan_tasks (plan_id, version, task_id, item_key, number, title, body) VALUES (?, 1, ?, ?, ?, ?, ?)`, p.ID.String(), x.ID.String(), keys[i], x.Number, x.Title, string(tb))
			for _, u := range x.Responsibility.Lead {
				exec(`INSERT INTO task_units (plan_id, version, task_id, unit, role) VALUES (?, 1, ?, ?, 'lead')`, p.ID.String(), x.ID.String(), u)
			}
		}
		exec(`INSERT INTO cases (case_id, process, unit, mode, created_at) VALUES ('OLD-1', 'power-high-voltage', '供电公司', '', '2025-09-01T00:00:00.000000000Z')`)
		for i, e := range opened(t, "2025-09-01") {
			b, err := json.Marshal(e)
			require.NoError(t, err)
			exec(`INSERT INTO case_events (case_id, seq, at, kind, body) VALUES ('OLD-1', ?, ?, ?, ?)`, i+1, timeText(e.At), e.Kind.String(), string(b))
		}
		exec(`INSERT INTO observations (system, indicator, region, period, seq, status, recorded_at, body) VALUES ('专栏1', '1.1', '铁西区', '2025', 1, 'provisional', '2026-01-10T00:00:00.000000000Z', '{"indicator":"1.1","region":"铁西区","period":"2025","value":"12.5"}')`)
	},
}

// A database of every earlier schema version, with data in it, opens at
// the current version with its data readable and usable.
func TestMigratesFromEveryEarlierVersion(t *testing.T) {
	for _, db := range databases(t) {
		for from := 0; from < SchemaVersion(); from++ {
			t.Run(db.name+"/from-"+strconv.Itoa(from), func(t *testing.T) {
				dsn := db.dsn(t)
				old, err := openAt(ctx, dsn, Options{}, from)
				require.NoError(t, err)
				v, err := old.schemaVersion(ctx)
				require.NoError(t, err)
				require.Equal(t, from, v)
				for version := 1; version <= from; version++ {
					require.Contains(t, fixtures, version, "a fixture for every released version")
					fixtures[version](t, old)
				}
				require.NoError(t, old.Close())

				s, err := Open(ctx, dsn, Options{})
				require.NoError(t, err)
				defer s.Close()
				v, err = s.schemaVersion(ctx)
				require.NoError(t, err)
				assert.Equal(t, SchemaVersion(), v)
				if from == 0 {
					list, err := s.Plans(ctx)
					require.NoError(t, err)
					assert.Empty(t, list)
					return
				}
				// Version 1's data, read and used at the current version.
				p := loadPlanFile(t, "tiexi-2025-excerpt.json")
				st, err := s.LoadPlan(ctx, p.ID)
				require.NoError(t, err)
				var with *task.Task
				task.Walk(st.Tasks, func(x *task.Task) {
					if x.Ledger.Len() > 0 {
						with = x
					}
				})
				require.NotNil(t, with, "the ledger the old plan carried is in its task's stream")
				assert.Equal(t, 1, st.Events(with.ID))
				es, err := s.Record(ctx, p.ID, with.ID, report(t, "2025-11-20", with.Responsibility.Accountable()[0], 90), p.TaskOptions(), at(t, "2025-11-20"))
				require.NoError(t, err)
				assert.Equal(t, 2, es[0].Seq)

				c, err := s.Case(ctx, "OLD-1")
				require.NoError(t, err)
				assert.Equal(t, "供电公司", c.Unit)
				assert.Len(t, c.Events, 2)
				_, err = s.RecordCaseEvents(ctx, approval.Case{ID: "OLD-1"}, approval.CatalogProcesses(), at(t, "2025-09-02"),
					approval.Event{At: instant(t, "2025-09-02", 9, 0), Kind: approval.Materials})
				require.NoError(t, err)

				period, err := indicator.ParsePeriod("2025")
				require.NoError(t, err)
				obs, err := s.Observations(ctx, "专栏1", period)
				require.NoError(t, err)
				require.Len(t, obs, 1)
				assert.Equal(t, "12.5", obs[0].Value.String())
			})
		}
	}
}

// appendOnly matches SQL that changes or removes rows.
var appendOnly = regexp.MustCompile(`(?i)\b(update\s+\w+\s+set|delete\s+from|truncate|replace\s+into|insert\s+or\s+replace|do\s+update|drop\s+(table|index|column)|merge\s+into)\b|\bUPDATE\b|\bDELETE\b`)

// No statement of the package updates or deletes a row: events are
// appended, and a correction is a new event. Every string in the
// package's source (the migrations included) is checked.
func TestNoUpdateOrDeleteAnywhere(t *testing.T) {
	for _, bad := range []string{"UPDATE task_events SET body = ?", "delete from case_events where case_id = ?",
		"INSERT INTO x VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2", "INSERT OR REPLACE INTO cases VALUES (?)", "DROP TABLE plans"} {
		assert.Regexp(t, appendOnly, bad, "the check catches %q", bad)
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	sqlStrings := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			text, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			if regexp.MustCompile(`\b(SELECT|INSERT|CREATE|ALTER)\b`).MatchString(text) {
				sqlStrings++
			}
			assert.NotRegexp(t, appendOnly, text, "%s: SQL that changes or removes rows", f)
			return true
		})
	}
	assert.Greater(t, sqlStrings, 30, "the package's SQL was found and checked")
}
