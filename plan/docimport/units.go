package docimport

import (
	"regexp"
	"strings"

	"github.com/bizenv/bizenv/task"
)

// reRespLine is a responsibility line: 牵头单位：X, 责任部门:X, 配合单位：X.
var reRespLine = regexp.MustCompile(`^(牵头|责任|配合)(单位|部门)\s*[:：]\s*(.*)$`)

// reRespInner is the inside of a trailing responsibility parenthesis:
// 牵头单位:区数据局.
var reRespInner = regexp.MustCompile(`^(牵头|责任|配合)(单位|部门)\s*[:：]\s*(.+)$`)

// reGroupTail is a group phrase after 等: 等区直相关部门, 等有关单位.
var reGroupTail = regexp.MustCompile(`^(.+?)等((?:区直|市直|省直|县直|各)?(?:相关|有关)?(?:部门|单位|机构))$`)

var reSemicolon = regexp.MustCompile(`[；;]`)

// splitUnits splits a unit list as written: 、 ， , ； ; separate units,
// except inside parentheses (区财政局(金融发展局) is one unit); "X等区直相
// 关部门" is X and the group 区直相关部门. Names are folded with
// task.FoldName; empty parts are dropped.
func splitUnits(s string) []string {
	var out []string
	add := func(part string) {
		part = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(part), "。.;；"))
		if part == "" {
			return
		}
		if m := reGroupTail.FindStringSubmatch(part); m != nil {
			out = append(out, task.FoldName(m[1]), task.FoldName(m[2]))
			return
		}
		out = append(out, task.FoldName(part))
	}
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		case '、', '，', ',', '；', ';':
			if depth == 0 {
				add(s[start:i])
				start = i + len(string(r))
			}
		}
	}
	add(s[start:])
	return out
}

// trailingParen splits s = "before(inner)" with an optional 。 after the
// closing parenthesis, matching nested parentheses. ok is false when s
// does not end with a parenthesised group.
func trailingParen(s string) (before, inner string, ok bool) {
	t := strings.TrimRight(s, " 。.")
	if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") {
		return s, "", false
	}
	rs := []rune(t)
	depth := 0
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case ')', '）':
			depth++
		case '(', '（':
			depth--
			if depth == 0 {
				return strings.TrimSpace(string(rs[:i])), strings.TrimSpace(string(rs[i+1 : len(rs)-1])), true
			}
		}
	}
	return s, "", false
}

// inlineResponsibility reads a responsibility written in a parenthesis at
// the end of an item: (牵头单位:区数据局), (区住建局、区数据局按职责分工负责),
// (牵头单位:X;责任单位:Y). ok is false when the parenthesis says
// something else.
func inlineResponsibility(inner string) (r task.Responsibility, ok bool) {
	if strings.HasSuffix(inner, "按职责分工负责") {
		units := splitUnits(strings.TrimSuffix(inner, "按职责分工负责"))
		if len(units) == 0 {
			return r, false
		}
		r.Responsible, r.Joint = units, true
		return r, true
	}
	for _, part := range reSemicolon.Split(inner, -1) {
		m := reRespInner.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return task.Responsibility{}, false
		}
		assign(&r, m[1], splitUnits(m[3]))
	}
	return r, len(r.Lead)+len(r.Responsible)+len(r.Supporting) > 0
}

// assign adds units to the role the label (牵头, 责任, 配合) names.
func assign(r *task.Responsibility, label string, units []string) {
	switch label {
	case "牵头":
		r.Lead = append(r.Lead, units...)
	case "责任":
		r.Responsible = append(r.Responsible, units...)
	default:
		r.Supporting = append(r.Supporting, units...)
	}
}
