package task

import (
	"encoding/json"
	"fmt"
	"io"
)

// maxTaskJSON bounds the JSON the decoders read.
const maxTaskJSON = 64 << 20

// DecodeTask reads one task from JSON (the form json.Marshal writes),
// rejecting unknown fields and trailing data; unit names are folded and
// the ledger is re-checked entry by entry.
func DecodeTask(r io.Reader) (*Task, error) {
	var t Task
	if err := decodeStrict(r, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// DecodeTasks reads a JSON array of tasks.
func DecodeTasks(r io.Reader) ([]*Task, error) {
	var ts []*Task
	if err := decodeStrict(r, &ts); err != nil {
		return nil, err
	}
	return ts, nil
}

func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(io.LimitReader(r, maxTaskJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: 不是有效的任务 JSON / not a valid task JSON: %v", ErrInvalidTask, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: JSON 之后有多余内容 / unexpected data after the JSON", ErrInvalidTask)
	}
	return nil
}
