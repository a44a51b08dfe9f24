package docimport

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/task"
)

// reGroupTail is a group phrase after 等: 等区直相关部门, 等有关单位; a bare
// 等部门 or 等部门(单位) names no group and is dropped.
var reGroupTail = regexp.MustCompile(`^(.+?)等((?:区直|市直|省直|县直|省级|市级|区级|县级|各)?(?:相关|有关)?(?:部门|单位|机构))(?:[(（](?:部门|单位|机构)[)）])?$`)

// reTiny is a part too small to be a unit: 各市 in 各市、县(市、区)政府,
// where the list shares its last word.
var reTiny = regexp.MustCompile(`^各?[市县区镇乡旗州]$`)

// reAnd joins two unit names: 和, 及, 与, 以及, 会同.
var reAnd = regexp.MustCompile(`以及|会同|[和及与]`)

// newUnitStart are the words a unit name after 和 or 及 starts with: 各, a
// level (省, 市, 区 …), 国家.
var newUnitStart = []string{"各", "省", "市", "区", "县", "州", "镇", "乡", "街道", "国家", "中国", "自治区", "有关", "相关", "驻"}

// splitUnits splits a unit list as written: 、 ， , ； ; separate units,
// except inside brackets (区财政局(金融发展局) and 各市、县〔市、区〕政府
// are one unit each); 和, 及 and 与 join two units only between a complete
// unit name and one starting anew (省级有关单位和各市…政府, but not 自然资源
// 和住建办 or 中心及社区), 会同 always; "X等区直相关部门" is X and the group
// 区直相关部门, "X等部门" is X. Names are folded with task.FoldName; empty
// parts are dropped.
func splitUnits(s string) []string {
	var parts []string
	for _, p := range splitTop(s, "、，,；;") {
		parts = append(parts, splitAnd(p)...)
	}
	var out []string
	for i := 0; i < len(parts); i++ {
		part := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(parts[i]), "。.;；"))
		// 各市、县(市、区)政府: the small part joins the next.
		for reTiny.MatchString(part) && i+1 < len(parts) {
			i++
			part += "、" + strings.TrimSpace(parts[i])
		}
		if part == "" {
			continue
		}
		if !strings.Contains(part, "等") {
			out = append(out, task.FoldName(part))
			continue
		}
		if m := reGroupTail.FindStringSubmatch(part); m != nil {
			out = append(out, task.FoldName(m[1]))
			if g := m[2]; g != "部门" && g != "单位" && g != "机构" {
				out = append(out, task.FoldName(g))
			}
			continue
		}
		out = append(out, task.FoldName(part))
	}
	return out
}

// splitAnd splits "A和B" where A is a complete unit name and B starts one.
func splitAnd(s string) []string {
	if !strings.ContainsAny(s, "和及与") && !strings.Contains(s, "会同") {
		return []string{s}
	}
	for _, loc := range reAnd.FindAllStringIndex(s, -1) {
		a, b := strings.TrimSpace(s[:loc[0]]), strings.TrimSpace(s[loc[1]:])
		if a == "" || b == "" || depthAt(s, loc[0]) > 0 {
			continue
		}
		if s[loc[0]:loc[1]] == "会同" || looksLikeUnit(a) && startsUnit(b) {
			return append([]string{a}, splitAnd(b)...)
		}
	}
	return []string{s}
}

func startsUnit(s string) bool {
	for _, w := range newUnitStart {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// depthAt is the bracket depth at byte offset i of s.
func depthAt(s string, i int) int {
	depth := 0
	for _, r := range s[:i] {
		depth, _ = nest(depth, r)
	}
	return depth
}

// trailingBracket splits s = "before(inner)" with an optional 。 after the
// closing bracket, matching nested brackets of any kind: () （） 〔〕. ok is
// false when s does not end with a bracketed group.
func trailingBracket(s string) (before, inner string, ok bool) {
	t := strings.TrimRight(s, " 。.")
	r, n := utf8.DecodeLastRuneInString(t)
	if n == 0 || !isClose(r) {
		return s, "", false
	}
	depth := 0
	for i := len(t); i > 0; {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		switch {
		case isClose(r):
			depth++
		case isOpen(r):
			depth--
			if depth == 0 {
				return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+n : len(t)-len(string(lastRune(t)))]), true
			}
		}
	}
	return s, "", false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
