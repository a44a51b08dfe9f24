package task

import (
	"fmt"
	"io"

	"github.com/bizenv/bizenv/internal/strictjson"
)

// maxTaskJSON bounds the JSON the decoders read: 64 MiB.
const maxTaskJSON = 64 << 20

// DecodeTask reads one task from JSON (the form json.Marshal writes)
// through the module's strict decoding (internal/strictjson): unknown
// fields (matched exactly, case included), keys given twice, values of the
// wrong type, null in a list, text that is not UTF-8, trailing data and
// input over 64 MiB are errors wrapping ErrInvalidTask, each problem with
// its JSON Pointer, line and column. Unit names are folded and the ledger
// is re-checked entry by entry.
func DecodeTask(r io.Reader) (*Task, error) {
	var t Task
	if err := decodeStrict(r, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// DecodeTasks reads a JSON array of tasks, under the rules of DecodeTask.
func DecodeTasks(r io.Reader) ([]*Task, error) {
	var ts []*Task
	if err := decodeStrict(r, &ts); err != nil {
		return nil, err
	}
	return ts, nil
}

func decodeStrict(r io.Reader, v any) error {
	if err := strictjson.Decode(r, maxTaskJSON, v); err != nil {
		return fmt.Errorf("%w: 不是有效的任务 JSON / not a valid task JSON: %w", ErrInvalidTask, err)
	}
	return nil
}
