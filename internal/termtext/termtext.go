// Package termtext prepares text for a terminal: the columns a string
// takes (Chinese characters take two), padding and tables aligned by those
// columns, and the characters a terminal would act on made visible, so
// that text from a document can neither misalign a report nor drive the
// terminal that shows it.
package termtext

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Width returns the columns s takes in a terminal: two for East Asian wide
// and full-width characters (汉字, full-width punctuation such as （、）),
// none for combining marks and zero-width characters, one for the rest.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0xfeff:
		return 0
	case r >= 0x0300 && r <= 0x036f: // combining diacritical marks
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Pad returns s followed by spaces up to cols columns (s unchanged when it
// is as wide or wider).
func Pad(s string, cols int) string {
	if w := Width(s); w < cols {
		return s + strings.Repeat(" ", cols-w)
	}
	return s
}

// PadLeft returns s preceded by spaces up to cols columns.
func PadLeft(s string, cols int) string {
	if w := Width(s); w < cols {
		return strings.Repeat(" ", cols-w) + s
	}
	return s
}

// Table writes rows as columns aligned by display width, two spaces apart,
// each line indented by indent. Columns listed in right are aligned to the
// right (numbers). The last column is not padded.
func Table(b *strings.Builder, indent string, rows [][]string, right ...int) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(c))
		}
	}
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	for _, row := range rows {
		b.WriteString(indent)
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			switch {
			case isRight[i]:
				b.WriteString(PadLeft(c, widths[i]))
			case i == len(row)-1:
				b.WriteString(c)
			default:
				b.WriteString(Pad(c, widths[i]))
			}
		}
		b.WriteString("\n")
	}
}

// Safe returns s with the characters a terminal acts on written as visible
// escapes: C0 and C1 control characters (ESC starts the sequences that
// move the cursor, recolour or retitle a terminal) except the tab and
// newline a layout uses, DEL, and the bidirectional marks, embeddings,
// overrides and isolates that reorder a line (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069). Bytes that are not UTF-8 become U+FFFD.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		case r < 0x100 && unsafeRune(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SafeLine is Safe for text that must stay on one line: tabs and newlines
// are escaped too.
func SafeLine(s string) string {
	s = Safe(s)
	if !strings.ContainsAny(s, "\t\n") {
		return s
	}
	return strings.NewReplacer("\t", `\x09`, "\n", `\x0a`).Replace(s)
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == utf8.RuneError:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
