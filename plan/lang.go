package plan

import "fmt"

// Lang selects the language of the text bizenv writes for people. JSON
// always carries both (message_zh and message_en); Lang chooses what text
// output shows.
type Lang string

// The languages.
const (
	LangBoth Lang = ""   // 中文 / English, as bizenv writes by default
	LangZh   Lang = "zh" // Chinese only
	LangEn   Lang = "en" // English only
)

// ParseLang reads zh, en, or both (or ""); anything else is an error
// wrapping ErrInvalidPlan.
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "both":
		return LangBoth, nil
	case "zh", "en":
		return Lang(s), nil
	}
	return "", fmt.Errorf("%w: 语言应为 zh、en 或 both，而不是 %q / the language must be zh, en or both, not %q", ErrInvalidPlan, s, s)
}

// Pick returns zh, en, or both as "zh / en".
func (l Lang) Pick(zh, en string) string {
	switch l {
	case LangZh:
		return zh
	case LangEn:
		return en
	}
	return zh + " / " + en
}

// label returns a column heading: zh, en, or both as "zh en".
func (l Lang) label(zh, en string) string {
	switch l {
	case LangZh:
		return zh
	case LangEn:
		return en
	}
	return zh + " " + en
}
