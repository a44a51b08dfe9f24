package approval

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/bizenv/bizenv/internal/strictjson"
)

// maxCaseJSON bounds one case's JSON, and one line of JSON Lines.
const maxCaseJSON = 16 << 20

// DecodeCase reads one case from JSON (the form json.Marshal writes; see
// the package documentation) through the module's strict decoder: unknown
// fields, a key given twice (also in another case), text that is not
// UTF-8 (UTF-16, GBK), data after the value, null elements and input over
// 16 MiB are errors wrapping ErrInvalidCase, each problem with its JSON
// Pointer, line and column. A UTF-8 byte order mark is skipped. It does not
// replay the log: call Replay or Status for that.
func DecodeCase(r io.Reader) (*Case, error) {
	if r == nil {
		return nil, fmt.Errorf("%w: 未给出输入 / no input given", ErrInvalidCase)
	}
	var c Case
	if err := strictjson.Decode(r, maxCaseJSON, &c); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的办件 JSON / not a valid case JSON: %w", ErrInvalidCase, err)
	}
	return &c, nil
}

// DecodeCases reads cases from JSON Lines, one case per line, each under
// DecodeCase's rules; blank lines are skipped, and a byte order mark is
// allowed only at the start of the input. A malformed line is an error
// naming its number; a line over 16 MiB is an error too.
func DecodeCases(r io.Reader) ([]*Case, error) {
	if r == nil {
		return nil, fmt.Errorf("%w: 未给出输入 / no input given", ErrInvalidCase)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxCaseJSON+1)
	var out []*Case
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line > 1 && bytes.HasPrefix(b, []byte("\ufeff")) {
			return nil, fmt.Errorf("%w: 第%d行 / line %d: 字节顺序标记只能出现在开头 / a byte order mark may only begin the input", ErrInvalidCase, line, line)
		}
		if len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\ufeff")))) == 0 {
			continue
		}
		var c Case
		if err := strictjson.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("%w: 第%d行 / line %d: %w", ErrInvalidCase, line, line, err)
		}
		out = append(out, &c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: 第%d行之后无法读取（一行不得超过%d字节）/ cannot read after line %d (a line may be at most %d bytes): %w",
			ErrInvalidCase, line, maxCaseJSON, line, maxCaseJSON, err)
	}
	return out, nil
}
