package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/bizenv/bizenv/indicator"
)

// AddObservations appends observations of the indicators of system, in one
// transaction. An observation never replaces another in the store: a
// revision (a final value after a provisional one) is a new row, and
// Observations returns the latest of each indicator, region and period.
// Whether a revision is allowed is the indicator package's rule
// (Dataset.Add and Replace); check it before storing.
//
// An observation equal to the latest stored for its indicator, region and
// period is not stored again, so that a call retried after ErrConnection,
// whose first try had landed, writes nothing twice. Another writer adding
// to the same indicator, region and period at the same moment makes the
// call fail with a *ConflictError: nothing of it is stored; call again.
func (s *Store) AddObservations(ctx context.Context, system string, obs []indicator.Observation, now time.Time) error {
	if strings.TrimSpace(system) == "" {
		return errf(ErrInvalid, "没有给出指标体系", "no indicator system given")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		next, err := tx.PrepareContext(ctx, s.bind(`SELECT seq, body FROM observations WHERE system = ? AND indicator = ? AND region = ? AND period = ? ORDER BY seq DESC LIMIT 1`))
		if err != nil {
			return s.wrap("storing observations", err)
		}
		defer next.Close()
		ins, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO observations (system, indicator, region, period, seq, status, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("storing observations", err)
		}
		defer ins.Close()
		for i, o := range obs {
			if o.Indicator == "" || o.Region == "" || o.Period.IsZero() {
				return errf(ErrInvalid, "第%d条观测值缺少指标、地区或期间", "observation %d lacks an indicator, a region or a period", i, i)
			}
			body, err := json.Marshal(o)
			if err != nil {
				return errf(ErrInvalid, "第%d条观测值无法写成 JSON：%v", "observation %d cannot be written as JSON: %v", i, err, i, err)
			}
			var n sql.NullInt64
			var last string
			switch err := next.QueryRowContext(ctx, system, o.Indicator, o.Region, o.Period.String()).Scan(&n, &last); {
			case errors.Is(err, sql.ErrNoRows):
			case err != nil:
				return s.wrap("storing observations", err)
			case last == string(body):
				continue // stored already: the same observation, not a revision
			}
			if _, err := ins.ExecContext(ctx, system, o.Indicator, o.Region, o.Period.String(), n.Int64+1, o.Status.String(), timeText(now), string(body)); err != nil {
				if s.d.unique(err) {
					return &ConflictError{Stream: "observation " + o.Indicator + " " + o.Region + " " + o.Period.String(), Expected: int(n.Int64), Actual: int(n.Int64) + 1}
				}
				return s.wrap("storing observations", err)
			}
		}
		return nil
	})
}

// Observations returns the latest observation of each indicator, region
// and period of system for the period given (all periods when p is zero).
func (s *Store) Observations(ctx context.Context, system string, p indicator.Period) ([]indicator.Observation, error) {
	q := `SELECT o.body FROM observations o WHERE o.system = ?`
	args := []any{system}
	if !p.IsZero() {
		q += ` AND o.period = ?`
		args = append(args, p.String())
	}
	q += ` AND o.seq = (SELECT MAX(l.seq) FROM observations l WHERE l.system = o.system AND l.indicator = o.indicator AND l.region = o.region AND l.period = o.period)
		ORDER BY o.indicator, o.region, o.period`
	rows, err := s.db.QueryContext(ctx, s.bind(q), args...)
	if err != nil {
		return nil, s.wrap("reading observations", err)
	}
	defer rows.Close()
	var out []indicator.Observation
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, s.wrap("reading observations", err)
		}
		var o indicator.Observation
		if err := json.Unmarshal([]byte(body), &o); err != nil {
			return nil, errf(ErrNotAStore, "观测值无法读取：%v", "an observation cannot be read: %v", err, err)
		}
		out = append(out, o)
	}
	return out, s.wrap("reading observations", rows.Err())
}
