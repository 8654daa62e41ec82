package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKWICBadInput: issue 17 item 3 — a blank term and a negative width
// are usage errors (exit 2), not a panic or an endless loop.
func TestKWICBadInput(t *testing.T) {
	for _, args := range [][]string{{"kwic", ""}, {"kwic", "  "}, {"kwic", "peace", "--width", "-1"}, {"kwic", "peace", "--width", "5000"}, {"kwic", "mi*tar"}} {
		code, _, errs := runCLI(t, args...)
		if code != 2 || errs == "" {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}

// TestTerminalOutputSanitised: issue 17 item 11 — escape sequences and
// newlines in an ID, outlet or matched text are shown escaped, never sent
// to the terminal raw.
func TestTerminalOutputSanitised(t *testing.T) {
	p := filepath.Join(t.TempDir(), "hostile.jsonl")
	src := `{"id": "a\u001b]0;pwned\u0007\nfake line", "outlet": "\u001b[31mRed\u202e", "title": "T", "text": "The regime fell. The regime\u001b[2J returned."}` + "\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"kwic", "regime", p, "--no-pos"}, {"analyze", p, "--no-pos"}} {
		code, out, errs := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%v: raw control characters reach the terminal:\n%q", args, out)
		}
		if !strings.Contains(out, `\x1b[31mRed\u202e`) || !strings.Contains(out, `a\x1b]0;pwned\x07\nfake line`) {
			t.Errorf("%v: escaped outlet or ID missing:\n%s", args, out)
		}
	}
}
