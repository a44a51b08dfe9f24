package indicator

import (
	"fmt"
	"io"

	"github.com/bizenv/bizenv/internal/strictjson"
)

// maxSystemJSON bounds the JSON DecodeSystem reads.
const maxSystemJSON = 64 << 20

// maxDepth bounds the nesting of a decoded system; real systems have four
// levels.
const maxDepth = 32

// DecodeSystem reads a System from JSON (the form json.Marshal writes)
// through the module's strict decoding: unknown fields, duplicate keys,
// null nodes, text that is not UTF-8, nesting deeper than 32 levels and
// trailing data are errors, each located by its JSON Pointer. It does not
// audit the system: call Audit for that.
func DecodeSystem(r io.Reader) (*System, error) {
	var s System
	if err := strictjson.Decode(r, maxSystemJSON, &s); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的指标体系 JSON / not a valid indicator system JSON: %w", ErrInvalidSystem, err)
	}
	depth := 0
	var walk func(ns []*Node, d int)
	walk = func(ns []*Node, d int) {
		depth = max(depth, d)
		for _, n := range ns {
			if n != nil && d <= maxDepth {
				walk(n.Children, d+1)
			}
		}
	}
	walk(s.Roots, 1)
	if depth > maxDepth {
		return nil, errf(ErrInvalidSystem, "层级超过%d级", "nesting deeper than %d levels", maxDepth)
	}
	return &s, nil
}

// maxObservationsJSON bounds the JSON DecodeObservations reads.
const maxObservationsJSON = 256 << 20

// DecodeObservations reads a JSON array of observations through the
// module's strict decoding (unknown fields, duplicate keys, null entries,
// malformed values and text that is not UTF-8 are errors, each located by
// its JSON Pointer), and checks each observation has an indicator, a
// region and a period.
func DecodeObservations(r io.Reader) ([]Observation, error) {
	var obs []Observation
	if err := strictjson.Decode(r, maxObservationsJSON, &obs); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的观测值 JSON / not a valid observations JSON: %w", ErrInvalidObservation, err)
	}
	for i, o := range obs {
		switch {
		case o.Indicator == "":
			return nil, errf(ErrInvalidObservation, "/%d：缺少 indicator", "/%d: indicator is missing", i)
		case o.Region == "":
			return nil, errf(ErrInvalidObservation, "/%d：缺少 region", "/%d: region is missing", i)
		case o.Period.IsZero():
			return nil, errf(ErrInvalidObservation, "/%d：缺少 period", "/%d: period is missing", i)
		}
	}
	return obs, nil
}
