package task

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/google/uuid"
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
	var tasks []*Task
	switch x := v.(type) {
	case *Task:
		tasks = []*Task{x}
	case *[]*Task:
		tasks = *x
	}
	// A ledger that breaks its rules is read (see Ledger.UnmarshalJSON),
	// but these decoders refuse it: the first one found, with its place.
	var errs []error
	for i, t := range tasks {
		prefix := ""
		if _, many := v.(*[]*Task); many {
			prefix = fmt.Sprintf("/%d", i)
		}
		walkLedgers(t, prefix, map[*Task]bool{}, func(t *Task, at string) {
			var ee *EntryError
			if len(errs) < 100 && errors.As(t.Ledger.Err(), &ee) {
				errs = append(errs, fmt.Errorf("%w: %s/ledger/%d/%s：任务 %s 的台账%s / task %s's ledger: %s: %w",
					ErrInvalidTask, at, ee.Index, ee.Field, t.Number, ee.MessageZh, t.Number, ee.MessageEn, ee))
			}
		})
	}
	return errors.Join(errs...)
}

// walkLedgers calls fn for t and every task delegated from it, each once,
// with its JSON Pointer below at.
func walkLedgers(t *Task, at string, seen map[*Task]bool, fn func(t *Task, at string)) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	fn(t, at)
	for i, d := range t.Delegated {
		walkLedgers(d, fmt.Sprintf("%s/delegated/%d", at, i), seen, fn)
	}
}

// DecodeActions reads a JSON array of actions (the form json.Marshal
// writes: the actions a caller delivered, with their replies), under the
// rules of DecodeTask; an action without a kind, a task, a unit, a due
// date or the day it was decided is an error naming it by its index.
func DecodeActions(r io.Reader) ([]Action, error) {
	var as []Action
	if err := strictjson.Decode(r, maxTaskJSON, &as); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的督办记录 JSON / not a valid actions JSON: %w", ErrInvalidValue, err)
	}
	var errs []error
	for i, a := range as {
		var miss []string
		if a.Kind == 0 {
			miss = append(miss, "kind")
		}
		if a.Task == uuid.Nil {
			miss = append(miss, "task")
		}
		if FoldName(a.Unit) == "" {
			miss = append(miss, "unit")
		}
		if a.Due.IsZero() {
			miss = append(miss, "due")
		}
		if a.On.IsZero() {
			miss = append(miss, "on")
		}
		if a.Reply != nil && (a.Reply.On.IsZero() || a.Reply.On.Before(a.On)) {
			miss = append(miss, "reply.on")
		}
		if len(miss) > 0 {
			errs = append(errs, fmt.Errorf("%w: /%d：缺少或无效的字段 %s / /%d: missing or invalid %s", ErrInvalidValue, i, strings.Join(miss, "、"), i, strings.Join(miss, ", ")))
		}
		if len(errs) == 100 {
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return as, nil
}
