package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
)

// TestMarkdownEscapeHostile: issue 17 item 11 — the one Markdown escaper
// keeps a pre-escaped link, raw HTML and line breaks (\r included) from
// becoming markup, in the analysis Markdown as in the report.
func TestMarkdownEscapeHostile(t *testing.T) {
	for in, want := range map[string]string{
		`\[x\](javascript:alert(1))`: `\\\[x\\\](javascript:alert(1))`,
		"[x](javascript:alert(1))":   `\[x\](javascript:alert(1))`,
		"<script>&":                  "&lt;script&gt;&amp;",
		"a\rb\r\nc\nd\te":            "a b c d e",
		"# h | `c` *e* _u_ ~s~":      `\# h \| \` + "`" + `c\` + "`" + ` \*e\* \_u\_ \~s\~`,
	} {
		if got := MarkdownEscape(in); got != want {
			t.Errorf("MarkdownEscape(%q) = %q, want %q", in, got, want)
		}
	}
	a := &framing.Analysis{Lexicons: "0123456789abcdef", Articles: []*framing.Result{{
		ID: "id\r\n# Injected heading", Outlet: `\[x\](javascript:alert(1))`, Title: "<img src=x onerror=alert(1)>",
		Measures: map[string]float64{},
	}}, Skipped: []framing.SkippedRecord{{ID: "s\n## x", Location: "f.jsonl:3", Reason: "[r](http://e)"}}}
	var b strings.Builder
	if err := AnalysisMarkdown(&b, a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"\n# Injected", "<img", "\n## x"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown output contains %q:\n%s", bad, out)
		}
	}
	// A link needs "](" with the bracket not escaped: preceded by an even
	// number of backslashes (`\\](` is an escaped backslash, then a live
	// bracket — what the CLI's old escaper produced).
	if link := regexp.MustCompile(`(^|[^\\])(\\\\)*\]\(`); link.MatchString(out) {
		t.Errorf("Markdown output holds a link: %q", link.FindString(out))
	}
}

// TestTerminalSafe: control characters, newlines and bidi overrides are
// shown escaped; ordinary text (accents, curly quotes, CJK) is unchanged.
func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"Le Monde — “été” 日本":    "Le Monde — “été” 日本",
		"\x1b[31mred\x1b[0m":     `\x1b[31mred\x1b[0m`,
		"a\nb\r\tc\x07":          `a\nb\r\tc\x07`,
		"abc\u202egnp.exe\u2066": `abc\u202egnp.exe\u2066`,
		"\u0085next":             `\x85next`,
	} {
		if got := TerminalSafe(in); got != want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
