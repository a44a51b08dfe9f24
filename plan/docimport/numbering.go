package docimport

import (
	"regexp"
	"strconv"
	"strings"
)

// numKind is a style of printed numbering. The kinds are ordered as
// documents nest them (GB/T 9704 and the usage of regulations): 第一章 holds
// 第一条 or 一、, 一、 holds （一）, （一） holds 1., 1. holds （1）, （1） holds ①.
type numKind uint8

const (
	numNone        numKind = iota
	numChapter             // 第一章
	numPart                // 第一节
	numHan                 // 一、
	numArticle             // 第一条
	numParenHan            // （一）
	numArabic              // 1. 1、 1．
	numParenArabic         // （1）
	numCircled             // ①
	numKinds
)

var numKindNames = [numKinds]string{"", "第一章", "第一节", "一、", "第一条", "（一）", "1.", "（1）", "①"}

// String returns the style as printed for the first number: 一、, （一）, 1. …
func (k numKind) String() string {
	if k < numKinds {
		return numKindNames[k]
	}
	return "?"
}

// numbering is the printed number at the start of a paragraph.
type numbering struct {
	kind  numKind
	n     int    // the number's value (一 is 1)
	label string // the number as the plan records it: 一, (一), 1, (1), 第一条
	rest  string // the text after the number
}

const hanDigits = `[一二三四五六七八九十]`

var (
	reL1      = regexp.MustCompile(`^(` + hanDigits + `{1,3})\s*([、.．])\s*(.*)$`)
	reL2      = regexp.MustCompile(`^[(（]\s*(` + hanDigits + `{1,3})\s*[)）]\s*(.*)$`)
	reL3      = regexp.MustCompile(`^(\d{1,3})\s*[.．、]\s*([^\d.．].*)$`)
	reL4      = regexp.MustCompile(`^[(（]\s*(\d{1,3})\s*[)）]\s*(.*)$`)
	reArticle = regexp.MustCompile(`^第\s*([一二三四五六七八九十百零〇]{1,7}|\d{1,3})\s*条\s*(.*)$`)
	reChapter = regexp.MustCompile(`^第\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*章\s*(.*)$`)
	rePart    = regexp.MustCompile(`^第\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*节\s*(.*)$`)
	reCircled = regexp.MustCompile(`^([①-⑳])\s*(.*)$`)
)

// parseNumbering reads the printed number at the start of s; kind is
// numNone when s starts with none.
func parseNumbering(s string) numbering {
	if s == "" {
		return numbering{}
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if m := reL3.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return numbering{kind: numArabic, n: n, label: m[1], rest: m[2]}
		}
		return numbering{}
	case c == '(' || strings.HasPrefix(s, "（"):
		if m := reL2.FindStringSubmatch(s); m != nil {
			return numbering{kind: numParenHan, n: chineseNumber(m[1]), label: "(" + m[1] + ")", rest: m[2]}
		}
		if m := reL4.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return numbering{kind: numParenArabic, n: n, label: "(" + m[1] + ")", rest: m[2]}
		}
		return numbering{}
	case strings.HasPrefix(s, "第"):
		for _, x := range []struct {
			re   *regexp.Regexp
			kind numKind
			word string
		}{{reArticle, numArticle, "条"}, {reChapter, numChapter, "章"}, {rePart, numPart, "节"}} {
			if m := x.re.FindStringSubmatch(s); m != nil {
				n, err := strconv.Atoi(m[1])
				if err != nil {
					n = chineseNumber(m[1])
				}
				return numbering{kind: x.kind, n: n, label: "第" + m[1] + x.word, rest: m[2]}
			}
		}
		return numbering{}
	}
	if m := reL1.FindStringSubmatch(s); m != nil {
		if m[2] != "、" && (m[3] == "" || m[3][0] >= '0' && m[3][0] <= '9') {
			return numbering{} // 一.5 is no heading
		}
		return numbering{kind: numHan, n: chineseNumber(m[1]), label: m[1], rest: m[3]}
	}
	if m := reCircled.FindStringSubmatch(s); m != nil {
		r := []rune(m[1])[0]
		return numbering{kind: numCircled, n: int(r-'①') + 1, label: m[1], rest: m[2]}
	}
	return numbering{}
}

// chineseNumber reads 一..九百九十九 (零 and 〇 as written in 一百零一).
func chineseNumber(s string) int {
	n, cur := 0, 0
	for _, r := range s {
		switch r {
		case '百':
			if cur == 0 {
				cur = 1
			}
			n += cur * 100
			cur = 0
		case '十':
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
		case '零', '〇':
			cur = 0
		default:
			if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
				cur = i/len("一") + 1
			}
		}
	}
	return n + cur
}

// hanNumeral writes n (1..999) in Chinese numerals, as documents number
// their headings: 1 is 一, 10 十, 21 二十一, 101 一百零一.
func hanNumeral(n int) string {
	if n <= 0 || n > 999 {
		return strconv.Itoa(n)
	}
	d := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(d[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			b.WriteString(d[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(d[u])
	}
	return b.String()
}
