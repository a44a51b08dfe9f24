package credit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/internal/strictjson"
)

// The columns of the CSV files: required ones first.
var (
	populationColumns = []string{"code", "grade", "risk", "name", "field", "red"}
	rosterColumns     = []string{"id", "unit", "name", "qualifications", "excluded"}
	// listColumns hold lists, bounded by item (MaxListItems of MaxText
	// bytes each) rather than as one text.
	listColumns = []string{"qualifications", "excluded"}
)

// ReadPopulation reads entities from UTF-8 CSV with a header row naming the
// columns code, grade and risk and optionally name, field and red
// (true/false, 是/否, 1/0), in any order. Codes are parsed strictly.
//
// The input is read as the JSON decoders read theirs: a UTF-8 byte order
// mark at the start is skipped; text that is not UTF-8 (GBK, UTF-16), an
// unknown or repeated column, a row with more or fewer cells than the
// header, a cell over MaxText bytes and more than MaxEntities rows are
// errors naming the line and column. Nothing is skipped or dropped.
func ReadPopulation(r io.Reader) ([]Entity, error) {
	var out []Entity
	err := readCSV(r, "population", populationColumns, 3, MaxEntities, func(line int, get func(string) string) error {
		u, err := ParseUSCC(get("code"))
		if err != nil {
			return fmt.Errorf("%w: 第%d行 code / line %d code: %w", ErrInvalidDraw, line, line, err)
		}
		red := false
		switch v := get("red"); v {
		case "", "false", "否", "0":
		case "true", "是", "1":
			red = true
		default:
			return fmt.Errorf("%w: 第%d行 red 应为 true 或 false：%s / line %d red must be true or false: %s", ErrInvalidDraw, line, echo(v), line, echo(v))
		}
		out = append(out, Entity{Code: u, Name: get("name"), Grade: Grade(get("grade")), Risk: get("risk"), Field: get("field"), Red: red})
		return nil
	})
	return out, err
}

// ReadRoster reads inspectors from UTF-8 CSV with a header row naming the
// columns id and unit and optionally name, qualifications and excluded
// (both lists separated by ;, at most MaxListItems each), in any order.
// It reads as ReadPopulation does, with at most MaxRoster rows.
func ReadRoster(r io.Reader) (Roster, error) {
	var out Roster
	split := func(line int, col, s string) ([]string, error) {
		var xs []string
		for _, x := range strings.Split(s, ";") {
			if x = strings.TrimSpace(x); x != "" {
				xs = append(xs, x)
			}
		}
		if len(xs) > MaxListItems {
			return nil, boundErr(fmt.Sprintf("第%d行 %s / line %d %s", line, col, line, col), len(xs), MaxListItems)
		}
		return xs, nil
	}
	err := readCSV(r, "roster", rosterColumns, 2, MaxRoster, func(line int, get func(string) string) error {
		quals, err := split(line, "qualifications", get("qualifications"))
		if err != nil {
			return err
		}
		for _, q := range quals {
			if err := checkText(fmt.Sprintf("第%d行 qualifications / line %d qualifications", line, line), q); err != nil {
				return err
			}
		}
		ex, err := split(line, "excluded", get("excluded"))
		if err != nil {
			return err
		}
		in := Inspector{ID: get("id"), Name: get("name"), Unit: get("unit"), Qualifications: quals}
		for _, x := range ex {
			u, err := ParseUSCC(x)
			if err != nil {
				return fmt.Errorf("%w: 第%d行 excluded / line %d excluded: %w", ErrInvalidDraw, line, line, err)
			}
			in.Excluded = append(in.Excluded, u)
		}
		out = append(out, in)
		return nil
	})
	return out, err
}

// bom is the UTF-8 byte order mark, which spreadsheet programs write at the
// start of a CSV file; like the JSON decoders, the readers skip it there.
const bom = "\uFEFF"

// readCSV reads a CSV file of the given kind whose header names columns
// from known, the first required of them mandatory, and calls row for each
// record with its line and a getter of trimmed cells.
func readCSV(r io.Reader, kind string, known []string, required, maxRows int, row func(line int, get func(string) string) error) error {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(3); string(head) == bom {
		_, _ = br.Discard(3)
	} else if len(head) >= 2 && (bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || head[0] == 0 || head[1] == 0) {
		return fmt.Errorf("%w: %s CSV 是 UTF-16 编码，请另存为 UTF-8 / the %s CSV is UTF-16: save it as UTF-8", ErrInvalidDraw, kind, kind)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // counted below, with a message naming the line
	cr.ReuseRecord = true
	header, err := cr.Read()
	header = slices.Clone(header) // the reader reuses its record
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %s CSV 为空，应有表头 / the %s CSV is empty: it needs a header row", ErrInvalidDraw, kind, kind)
	}
	if err != nil {
		return fmt.Errorf("%w: %s CSV 无法读取表头 / cannot read the %s CSV header: %v", ErrInvalidDraw, kind, kind, err)
	}
	col := map[string]int{}
	for i, h := range header {
		if err := checkCell(kind, 1, i, h); err != nil {
			return err
		}
		h = strings.TrimSpace(h)
		switch {
		case !slices.Contains(known, h):
			return fmt.Errorf("%w: %s CSV 表头第%d列 %s 不是已知的列（%s）/ %s CSV header column %d %s is not a known column (%s)",
				ErrInvalidDraw, kind, i+1, echo(h), strings.Join(known, ", "), kind, i+1, echo(h), strings.Join(known, ", "))
		case col[h] > 0:
			return fmt.Errorf("%w: %s CSV 表头的列 %q 出现两次（第%d、%d列）/ %s CSV header names column %q twice (columns %d and %d)",
				ErrInvalidDraw, kind, h, col[h], i+1, kind, h, col[h], i+1)
		}
		col[h] = i + 1
	}
	for _, req := range known[:required] {
		if col[req] == 0 {
			return fmt.Errorf("%w: %s CSV 表头缺少列 %q / the %s CSV header lacks column %q", ErrInvalidDraw, kind, req, kind, req)
		}
	}
	for rows := 0; ; rows++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("%w: %s CSV 第%d行第%d列格式错误 / %s CSV line %d, column %d is malformed: %v", ErrInvalidDraw, kind, pe.Line, pe.Column, kind, pe.Line, pe.Column, pe.Err)
			}
			return fmt.Errorf("%w: 无法读取 %s CSV / cannot read the %s CSV: %v", ErrInvalidDraw, kind, kind, err)
		}
		line, _ := cr.FieldPos(0)
		if rows == maxRows {
			return fmt.Errorf("%w: %s CSV 第%d行：超过%d行的上限 / %s CSV line %d: more than the %d rows allowed", ErrInvalidDraw, kind, line, maxRows, kind, line, maxRows)
		}
		if len(rec) != len(header) {
			return fmt.Errorf("%w: %s CSV 第%d行有%d个单元格，表头有%d列 / %s CSV line %d has %d cells; the header has %d columns",
				ErrInvalidDraw, kind, line, len(rec), len(header), kind, line, len(rec), len(header))
		}
		for i, c := range rec {
			if err := checkCell(kind, line, i, c); err != nil {
				return err
			}
			if h := strings.TrimSpace(header[i]); len(c) > MaxText && !slices.Contains(listColumns, h) {
				return fmt.Errorf("%w: %s CSV 第%d行 %s 长%d字节，上限为%d / %s CSV line %d %s is %d bytes long, at most %d are allowed",
					ErrInvalidDraw, kind, line, h, len(c), MaxText, kind, line, h, len(c), MaxText)
			}
		}
		get := func(name string) string {
			if i := col[name]; i > 0 {
				return strings.TrimSpace(rec[i-1])
			}
			return ""
		}
		if err := row(line, get); err != nil {
			return err
		}
	}
}

// checkCell checks that one cell is UTF-8.
func checkCell(kind string, line, i int, c string) error {
	if !utf8.ValidString(c) {
		return fmt.Errorf("%w: %s CSV 第%d行第%d列不是有效的 UTF-8，文件可能是 GBK 编码：请转换为 UTF-8（iconv -f GBK -t UTF-8）/ %s CSV line %d, column %d is not valid UTF-8; the file may be GBK: convert it to UTF-8 (iconv -f GBK -t UTF-8)",
			ErrInvalidDraw, kind, line, i+1, kind, line, i+1)
	}
	return nil
}

// DecodeDrawRecord reads a draw record from JSON through the module's
// strict decoder: no unknown, duplicate or case-variant keys (so a record
// cannot show one seed and be verified with another), no invalid UTF-8, no
// trailing data, at most MaxRecordBytes; a UTF-8 byte order mark at the
// start is skipped. Codes are parsed strictly, and every count is checked
// against its bound. Errors wrap ErrInvalidDraw.
func DecodeDrawRecord(r io.Reader) (*DrawRecord, error) {
	var rec DrawRecord
	if err := strictjson.Decode(r, MaxRecordBytes, &rec); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的抽取记录 JSON / not a valid draw record JSON: %w", ErrInvalidDraw, err)
	}
	if err := rec.check(MaxEntities); err != nil {
		return nil, err
	}
	return &rec, nil
}

// DecodeDrawPolicy reads a draw policy from JSON through the module's
// strict decoder, as DecodeDrawRecord does (at most MaxPolicyBytes), and
// checks its bounds:
//
//	{"cells": [{"grade": "A", "risk": "低", "percent": "3", "per_year": 1}, ...],
//	 "key_fields": ["疫苗", "药品", "特种设备", "危险化学品"],
//	 "inspectors": 2, "distinct_units": true}
func DecodeDrawPolicy(r io.Reader) (DrawPolicy, error) {
	var p DrawPolicy
	if err := strictjson.Decode(r, MaxPolicyBytes, &p); err != nil {
		return DrawPolicy{}, fmt.Errorf("%w: 不是有效的抽取规则 JSON / not a valid draw policy JSON: %w", ErrInvalidDraw, err)
	}
	if err := p.check(); err != nil {
		return DrawPolicy{}, err
	}
	return p, nil
}
