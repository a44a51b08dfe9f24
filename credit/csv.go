package credit

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadPopulation reads entities from CSV with a header row naming the
// columns code, grade, risk and optionally name, field and red (true/false,
// 是/否). Codes are parsed strictly. A bad row is an error naming its line
// and column; nothing is skipped.
func ReadPopulation(r io.Reader) ([]Entity, error) {
	var out []Entity
	err := readCSV(r, []string{"code", "grade", "risk"}, func(line int, get func(string) string) error {
		u, err := ParseUSCC(get("code"))
		if err != nil {
			return fmt.Errorf("第%d行 code / line %d code: %w", line, line, err)
		}
		red := false
		switch v := strings.TrimSpace(get("red")); v {
		case "", "false", "否", "0":
		case "true", "是", "1":
			red = true
		default:
			return fmt.Errorf("%w: 第%d行 red 应为 true 或 false：%q / line %d red must be true or false: %q", ErrInvalidDraw, line, v, line, v)
		}
		out = append(out, Entity{Code: u, Name: get("name"), Grade: Grade(get("grade")), Risk: get("risk"), Field: get("field"), Red: red})
		return nil
	})
	return out, err
}

// ReadRoster reads inspectors from CSV with a header row naming the
// columns id, unit and optionally name, qualifications and excluded (both
// lists separated by ;). A bad row is an error naming its line.
func ReadRoster(r io.Reader) (Roster, error) {
	var out Roster
	split := func(s string) []string {
		var xs []string
		for _, x := range strings.Split(s, ";") {
			if x = strings.TrimSpace(x); x != "" {
				xs = append(xs, x)
			}
		}
		return xs
	}
	err := readCSV(r, []string{"id", "unit"}, func(line int, get func(string) string) error {
		in := Inspector{ID: get("id"), Name: get("name"), Unit: get("unit"), Qualifications: split(get("qualifications"))}
		for _, x := range split(get("excluded")) {
			u, err := ParseUSCC(x)
			if err != nil {
				return fmt.Errorf("第%d行 excluded / line %d excluded: %w", line, line, err)
			}
			in.Excluded = append(in.Excluded, u)
		}
		out = append(out, in)
		return nil
	})
	return out, err
}

func readCSV(r io.Reader, required []string, row func(line int, get func(string) string) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%w: 无法读取表头 / cannot read the header: %v", ErrInvalidDraw, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))] = i
	}
	for _, req := range required {
		if _, ok := col[req]; !ok {
			return fmt.Errorf("%w: 表头缺少列 %q / the header lacks column %q", ErrInvalidDraw, req, req)
		}
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: 第%d行 / line %d: %v", ErrInvalidDraw, line, line, err)
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		if err := row(line, get); err != nil {
			return err
		}
	}
}

// DecodeDrawRecord reads a draw record from JSON, rejecting unknown fields
// and trailing data; codes are parsed strictly.
func DecodeDrawRecord(r io.Reader) (*DrawRecord, error) {
	dec := json.NewDecoder(io.LimitReader(r, 1<<30))
	dec.DisallowUnknownFields()
	var rec DrawRecord
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("%w: 不是有效的抽取记录 JSON / not a valid draw record JSON: %v", ErrInvalidDraw, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: JSON 之后有多余内容 / unexpected data after the JSON", ErrInvalidDraw)
	}
	return &rec, nil
}

// DecodeDrawPolicy reads a draw policy from JSON:
//
//	{"cells": [{"grade": "A", "risk": "低", "percent": "3", "per_year": 1}, ...],
//	 "key_fields": ["疫苗", "药品", "特种设备", "危险化学品"],
//	 "inspectors": 2, "distinct_units": true}
func DecodeDrawPolicy(r io.Reader) (DrawPolicy, error) {
	dec := json.NewDecoder(io.LimitReader(r, 16<<20))
	dec.DisallowUnknownFields()
	var p DrawPolicy
	if err := dec.Decode(&p); err != nil {
		return DrawPolicy{}, fmt.Errorf("%w: 不是有效的抽取规则 JSON / not a valid draw policy JSON: %v", ErrInvalidDraw, err)
	}
	return p, nil
}
