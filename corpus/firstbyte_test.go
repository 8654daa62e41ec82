package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFirstBytes checks the first-byte sets on patterns whose answer is
// known by reading them.
func TestFirstBytes(t *testing.T) {
	cases := []struct {
		expr       string
		allow      string // must be allowed
		forbid     string // must be rejected
		unfiltered bool   // every byte allowed
	}{
		{`(?i)^(share|tweet)[.:]?$`, "sStT", "abxz0 ", false},
		{`(?i)^(\d+ )?(comments?|replies)$`, "0123456789cCrR", "abz ", false},
		{`(?i)^by [A-Z]\w+$`, "bB", "acz", false},
		{`(?i)^kelvin$`, "kK", "a", false},
		{`(?i)^(show) your support\b.*$|\bif you like\b`, "", "", true}, // second alternative unanchored
		{`Hide Caption \d+`, "", "", true},
		{`^.{0,10}x$`, "", "", true},
		{`^$`, "", "", true},
		{`(?i)^(a|)b?$`, "", "", true}, // may match the empty line
	}
	for _, c := range cases {
		set := firstBytes(c.expr)
		for b := range set {
			if c.unfiltered && !set[b] {
				t.Errorf("%s: byte %q rejected, want every byte allowed", c.expr, rune(b))
			}
		}
		for _, b := range []byte(c.allow) {
			if !set[b] {
				t.Errorf("%s: byte %q rejected", c.expr, b)
			}
		}
		for _, b := range []byte(c.forbid) {
			if set[b] {
				t.Errorf("%s: byte %q allowed", c.expr, b)
			}
		}
	}
}

// TestAnchoredSameAsRegexp checks that the filtered patterns decide every
// line exactly as their regular expressions do: on the seed articles' lines,
// on furniture lines each pattern exists for, and on lines starting with
// every ASCII byte and with case-folding non-ASCII letters.
func TestAnchoredSameAsRegexp(t *testing.T) {
	lines := []string{"Share this article", "Previous post: Paris", "Leave a comment", "12 Comments", "No comments yet",
		"Most read", "Read more: the summit", "Subscribe now", "Continue reading", "By Jane Doe", "Posted by AP",
		"Menu", "Tags: Ukraine", "Newsletter", "Photo: AP", "Toggle caption AP", "(John Smith/AP)", "Image copyright Getty",
		"\u212Aelvin", "\u017Fhare", "", " Share", "\tMenu"}
	for b := 0; b < utf8RuneSelf; b++ {
		lines = append(lines, string(rune(b))+"hare", string(rune(b)))
		// Every pair of ASCII bytes, for the second-byte filter.
		for c := 0; c < utf8RuneSelf; c++ {
			lines = append(lines, string([]byte{byte(b), byte(c)}), string([]byte{byte(b), byte(c)})+"are", string([]byte{byte(b), byte(c)})+"mments")
		}
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed articles found in ../seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	var all []anchoredRE
	for _, p := range furniturePatterns {
		all = append(all, p.re)
	}
	all = append(all, creditPatterns...)
	matched := 0
	for _, a := range all {
		for _, l := range lines {
			got, want := a.MatchString(l), a.re.MatchString(l)
			if got != want {
				t.Errorf("%s on %q: filtered %v, regexp %v", a.re, l, got, want)
			}
			if want {
				matched++
			}
		}
	}
	if matched < 15 {
		t.Errorf("only %d pattern matches on the furniture lines; the check is not exercising the patterns", matched)
	}
}

// TestFirstPairs checks the second-byte sets on patterns whose answer is
// known by reading them.
func TestFirstPairs(t *testing.T) {
	allowed := func(p *[utf8RuneSelf][2]uint64, b, c byte) bool { return p[b][c>>6]&(1<<(c&63)) != 0 }
	p := firstPairs(`(?i)^(share|tweet|ad)[.:]?$`)
	if p == nil {
		t.Fatal("anchored pattern gave no pairs")
	}
	for _, ok := range []string{"sh", "SH", "tw", "Tw", "ad", "AD"} {
		if !allowed(p, ok[0], ok[1]) {
			t.Errorf("pair %q rejected", ok)
		}
	}
	for _, no := range []string{"th", "Th", "sa", "ax", "x ", "a.", "a:"} {
		if allowed(p, no[0], no[1]) {
			t.Errorf("pair %q allowed", no)
		}
	}
	// A match may end after one rune: any second byte.
	if p := firstPairs(`(?i)^(a|ab)`); p == nil || !allowed(p, 'a', 'z') || allowed(p, 'z', 'a') {
		t.Error("^(a|ab): after a, every byte must be allowed, and nothing after z")
	}
	for _, expr := range []string{`Hide Caption \d+`, `^.{0,10}x$`, `(?i)^(show) your support\b.*$|\bif you like\b`} {
		if firstPairs(expr) != nil {
			t.Errorf("%s: pairs given for a pattern without a bound", expr)
		}
	}
}
