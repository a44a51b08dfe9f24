package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Migration is one version of the store's schema.
type Migration struct {
	// Version numbers the schema from 1.
	Version int
	// Description says what the version adds.
	Description string
	// SQL is the statements, separated by semicolons, in the SQL that
	// SQLite and PostgreSQL share (TEXT, BIGINT, composite primary keys).
	SQL string
	// data moves the data the earlier versions hold into the new tables,
	// in the same transaction as SQL.
	data func(ctx context.Context, s *Store, tx *sql.Tx) error
}

// migrations is the history of the schema. A released migration is never
// changed: a new version is added instead, and Open applies every version
// the database lacks, each in its own transaction.
var migrations = []Migration{
	{1, "plans (versioned), their tasks and units; approval cases as event logs; indicator observations", `
CREATE TABLE plans (
	plan_id    TEXT   NOT NULL,
	version    BIGINT NOT NULL,
	plan_key   TEXT   NOT NULL,
	doc_number TEXT   NOT NULL,
	title      TEXT   NOT NULL,
	sha256     TEXT   NOT NULL,
	stored_at  TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (plan_id, version)
);
CREATE TABLE plan_tasks (
	plan_id    TEXT   NOT NULL,
	version    BIGINT NOT NULL,
	task_id    TEXT   NOT NULL,
	item_key   TEXT   NOT NULL,
	number     TEXT   NOT NULL,
	title      TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (plan_id, version, task_id)
);
CREATE INDEX plan_tasks_task ON plan_tasks (task_id);
CREATE TABLE task_units (
	plan_id    TEXT   NOT NULL,
	version    BIGINT NOT NULL,
	task_id    TEXT   NOT NULL,
	unit       TEXT   NOT NULL,
	role       TEXT   NOT NULL,
	PRIMARY KEY (plan_id, version, task_id, unit, role)
);
CREATE INDEX task_units_unit ON task_units (unit, plan_id, version);
CREATE TABLE cases (
	case_id    TEXT   NOT NULL PRIMARY KEY,
	process    TEXT   NOT NULL,
	unit       TEXT   NOT NULL,
	mode       TEXT   NOT NULL,
	created_at TEXT   NOT NULL
);
CREATE INDEX cases_process ON cases (process, case_id);
CREATE TABLE case_events (
	case_id    TEXT   NOT NULL,
	seq        BIGINT NOT NULL,
	at         TEXT   NOT NULL,
	kind       TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (case_id, seq)
);
CREATE INDEX case_events_kind ON case_events (kind, case_id);
CREATE TABLE observations (
	system     TEXT   NOT NULL,
	indicator  TEXT   NOT NULL,
	region     TEXT   NOT NULL,
	period     TEXT   NOT NULL,
	seq        BIGINT NOT NULL,
	status     TEXT   NOT NULL,
	recorded_at TEXT  NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (system, indicator, region, period, seq)
);
CREATE INDEX observations_period ON observations (system, period)`, nil},
	{2, "task event streams (ledger entries, status changes, delegations); supervision actions sent and their replies; alerts fired on approval cases; case headers as JSON; operation IDs for retried appends", `
CREATE TABLE task_events (
	task_id    TEXT   NOT NULL,
	seq        BIGINT NOT NULL,
	plan_id    TEXT   NOT NULL,
	kind       TEXT   NOT NULL,
	op         TEXT   NOT NULL,
	stored_at  TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (task_id, seq)
);
CREATE INDEX task_events_plan ON task_events (plan_id, task_id, seq);
CREATE TABLE sent_actions (
	plan_id    TEXT   NOT NULL,
	seq        BIGINT NOT NULL,
	action_id  TEXT   NOT NULL,
	op         TEXT   NOT NULL,
	sent_at    TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (plan_id, seq)
);
CREATE UNIQUE INDEX sent_actions_id ON sent_actions (action_id);
CREATE TABLE action_replies (
	action_id   TEXT  NOT NULL PRIMARY KEY,
	plan_id     TEXT  NOT NULL,
	recorded_at TEXT  NOT NULL,
	body        TEXT  NOT NULL
);
CREATE INDEX action_replies_plan ON action_replies (plan_id);
CREATE TABLE case_alerts (
	case_id    TEXT   NOT NULL,
	basis      TEXT   NOT NULL,
	stage      TEXT   NOT NULL,
	level      TEXT   NOT NULL,
	fired_at   TEXT   NOT NULL,
	body       TEXT   NOT NULL,
	PRIMARY KEY (case_id, basis, stage, level)
);
ALTER TABLE cases ADD COLUMN header TEXT;
ALTER TABLE case_events ADD COLUMN op TEXT`, seedStoredLedgers},
}

// Migrations returns the schema's history, oldest first.
func Migrations() []Migration { return append([]Migration(nil), migrations...) }

// SchemaVersion is the schema version this release writes.
func SchemaVersion() int { return migrations[len(migrations)-1].Version }

const schemaTable = "bizenv_schema"

// migrateTo brings the database to version (SchemaVersion when opened;
// the tests build every earlier version with it): creates the store in an
// empty database, applies the versions it lacks, and refuses a database
// that another program made or a newer release wrote.
func (s *Store) migrateTo(ctx context.Context, version int) error {
	current, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return errf(ErrSchemaTooNew, "数据库结构为第%d版，本版本只认识到第%d版：请升级 bizenv", "the database schema is version %d; this release knows up to %d: upgrade bizenv",
			current, SchemaVersion(), current, SchemaVersion())
	}
	for _, m := range migrations {
		if m.Version <= current || m.Version > version {
			continue
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			// Another process opening the same new store may have applied
			// this version meanwhile: the version is read again under the
			// transaction's lock, and a version applied is skipped.
			if s.d.name == "postgres" { // SQLite's write transactions take the lock as they begin
				if _, err := tx.ExecContext(ctx, `LOCK TABLE `+schemaTable+` IN EXCLUSIVE MODE`); err != nil {
					return s.wrap("locking the schema table", err)
				}
			}
			var v sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM `+schemaTable).Scan(&v); err != nil {
				return s.wrap("reading the schema version", err)
			}
			if v.Valid && int(v.Int64) >= m.Version {
				return nil
			}
			for _, stmt := range strings.Split(m.SQL, ";") {
				if strings.TrimSpace(stmt) == "" {
					continue
				}
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return s.wrap("migration "+m.Description, err)
				}
			}
			if m.data != nil {
				if err := m.data(ctx, s, tx); err != nil {
					return err
				}
			}
			// When it was applied is the database's own clock: the store
			// reads no clock of its own.
			_, err := tx.ExecContext(ctx, s.bind(`INSERT INTO `+schemaTable+` (version, description, applied_at) VALUES (?, ?, CAST(CURRENT_TIMESTAMP AS TEXT))`),
				m.Version, m.Description)
			return s.wrap("migration", err)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// schemaVersion returns the database's schema version, creating the
// schema table in an empty database (version 0).
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var tables []string
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if s.d.name == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return 0, s.wrap("reading the database's tables", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return 0, s.wrap("reading the database's tables", err)
		}
		tables = append(tables, n)
	}
	if err := rows.Close(); err != nil {
		return 0, s.wrap("reading the database's tables", err)
	}
	if err := rows.Err(); err != nil {
		return 0, s.wrap("reading the database's tables", err)
	}
	has := false
	for _, t := range tables {
		if t == schemaTable {
			has = true
		}
	}
	if !has {
		if len(tables) > 0 {
			return 0, errf(ErrNotAStore, "数据库中已有其他程序的表（%s），不是 bizenv 存储", "the database holds another program's tables (%s): not a bizenv store",
				strings.Join(tables, ", "), strings.Join(tables, ", "))
		}
		_, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+schemaTable+` (version BIGINT NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)`)
		if err != nil && !s.d.unique(err) && !strings.Contains(err.Error(), "already exists") {
			return 0, s.wrap("creating the schema table", err)
		}
		return 0, nil
	}
	var v sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM `+schemaTable).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !v.Valid) {
		return 0, nil
	}
	if err != nil {
		return 0, s.wrap("reading the schema version", err)
	}
	return int(v.Int64), nil
}
