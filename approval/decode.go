package approval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// maxCaseJSON bounds one case's JSON.
const maxCaseJSON = 16 << 20

// DecodeCase reads one case from JSON (the form json.Marshal writes; see
// the package documentation), rejecting unknown fields and trailing data.
// It does not replay the log: call Replay or Status for that.
func DecodeCase(r io.Reader) (*Case, error) {
	dec := json.NewDecoder(io.LimitReader(r, maxCaseJSON))
	dec.DisallowUnknownFields()
	var c Case
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的办件 JSON / not a valid case JSON: %v", ErrInvalidCase, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: JSON 之后有多余内容 / unexpected data after the JSON", ErrInvalidCase)
	}
	return &c, nil
}

// DecodeCases reads cases from JSON Lines, one case per line; blank lines
// are skipped. A malformed line is an error naming its number.
func DecodeCases(r io.Reader) ([]*Case, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxCaseJSON)
	var out []*Case
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		c, err := DecodeCase(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("第%d行 / line %d: %w", line, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: 第%d行之后无法读取 / cannot read after line %d: %v", ErrInvalidCase, line, line, err)
	}
	return out, nil
}
