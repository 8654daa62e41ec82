package report

import (
	"fmt"
	"strings"
	"unicode"
)

// TerminalSafe returns s fit to print on a terminal: control characters
// (escape sequences, carriage returns, newlines, tabs, C1 controls) and the
// bidirectional overrides and isolates that reorder what a reader sees are
// shown as Go escapes (\x1b, \n, \u202e) instead of acting on the
// terminal. Other text is unchanged. Use it for every corpus-supplied
// string (IDs, outlets, titles, matched text) printed as plain text.
func TerminalSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !unsafeRune(r) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
