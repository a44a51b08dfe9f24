package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// postgresEnv names the variable that gives the tests a PostgreSQL server:
// a connection string to a database the tests may create schemas in.
// .ci/run starts Debian's PostgreSQL and sets it.
const postgresEnv = "BIZENV_TEST_POSTGRES"

var noPostgres sync.Once

// database is one database the tests run against.
type database struct {
	name string
	// dsn returns a fresh, empty store location for one test.
	dsn func(t testing.TB) string
}

// databases returns SQLite, and PostgreSQL when a server is given. Without
// one, the PostgreSQL half is skipped, loudly.
func databases(t testing.TB) []database {
	dbs := []database{{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "bizenv.db") }}}
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		noPostgres.Do(func() {
			fmt.Fprintf(os.Stderr, "\n*** store: PostgreSQL tests SKIPPED: set %s to a server's connection string (.ci/run starts one) ***\n\n", postgresEnv)
		})
		return dbs
	}
	return append(dbs, database{"postgres", func(t testing.TB) string { return freshSchema(t, dsn) }})
}

var schemaSeq atomic.Int64

// freshSchema creates an empty schema for one test and returns a
// connection string whose search_path is it; the schema is dropped after.
func freshSchema(t testing.TB, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("bizenv_t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	_, err = admin.Exec("CREATE SCHEMA " + name)
	require.NoError(t, err, "PostgreSQL at %s", postgresEnv)
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + name + " CASCADE") })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + name
}

// eachDB runs fn against a fresh store on every database.
func eachDB(t *testing.T, fn func(t *testing.T, s *Store, dsn string)) {
	for _, db := range databases(t) {
		t.Run(db.name, func(t *testing.T) {
			dsn := db.dsn(t)
			s, err := Open(context.Background(), dsn, Options{})
			require.NoError(t, err)
			t.Cleanup(func() { s.Close() })
			fn(t, s, dsn)
		})
	}
}
