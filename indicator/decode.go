package indicator

import (
	"encoding/json"
	"io"
)

// maxSystemJSON bounds the JSON DecodeSystem reads.
const maxSystemJSON = 64 << 20

// maxDepth bounds the nesting of a decoded system; real systems have four
// levels.
const maxDepth = 32

// DecodeSystem reads a System from JSON (the form json.Marshal writes),
// rejecting unknown fields, nesting deeper than 32 levels and trailing
// data. It does not audit the system: call Audit for that.
func DecodeSystem(r io.Reader) (*System, error) {
	dec := json.NewDecoder(io.LimitReader(r, maxSystemJSON))
	dec.DisallowUnknownFields()
	var s System
	if err := dec.Decode(&s); err != nil {
		return nil, errf(ErrInvalidSystem, "不是有效的指标体系 JSON：%v", "not a valid indicator system JSON: %v", err)
	}
	if dec.More() {
		return nil, errf(ErrInvalidSystem, "JSON 之后有多余内容", "unexpected data after the JSON")
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
