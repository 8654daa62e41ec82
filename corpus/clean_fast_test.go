package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCleanFastPaths checks the cleaner's allocation-free paths (stop
// words, line folding, word counting, address and needle prefilters)
// against the plain definitions they replace, on every line and word of
// the seeds and on hand-made cases where lowering changes length or leaves
// ASCII ("İt" lowers to the stop word "it", the Kelvin sign to "k").
func TestCleanFastPaths(t *testing.T) {
	lines := []string{
		"", " ", "\t\n", "Share", "  Read   MORE:\tthe   Story  ", "İt is", "İn", "\u212Aelvin", "Don’t miss",
		"BETWEEN", "Betweens", "between\u00a0us", "x\u0085y", "visit www.example.com", "mail me@x.org", "http://a.b",
		"ends with a dot.", "co.uk and .io", "...", "a.news", "e.g. info", ".info", "wwww.", "www", ".co", "a.co.b",
		"THİS SİTE", "\u212Aeep reading", "© 2025", "(C) Example", "Rights Reserved", "bad \xff\xfe bytes", "x\xc2",
		"SUBSCRIBE now", "Watch Again", "the comment Section", "TERMS OF use", "ﬁrst ligature", "don’t’s--x", "a-b c'd 12 ½",
	}
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed files: %v, %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	sets := []*foldSet{creditWords, furnitureWords}
	for _, p := range furniturePatterns {
		if p.need != nil {
			sets = append(sets, p.need)
		}
	}
	words := 0
	for _, s := range lines {
		l := line{text: s}
		if strings.TrimSpace(s) != "" { // the cleaner analyses non-blank lines only
			analyseLine(&l)
		}
		n, stops := 0, 0
		for _, w := range strings.FieldsFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '\u2019' && r != '-'
		}) {
			n++
			if stopWords[strings.ToLower(w)] {
				stops++
			}
		}
		if strings.TrimSpace(s) != "" && (l.words != n || n > 0 && l.stopFrac != float64(stops)/float64(n)) {
			t.Errorf("analyseLine(%q): %d words, stop share %v; want %d, %d stop words", s, l.words, l.stopFrac, n, stops)
		}
		for _, f := range sets {
			if got, want := f.in(&line{text: s}), containsAny(strings.ToLower(s), f.needles); got != want {
				t.Errorf("foldSet%q.in(%q) = %v, want %v", f.needles, s, got, want)
			}
		}
		if got, want := foldLine(s), strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))), " "); got != want {
			t.Errorf("foldLine(%q) = %q, want %q", s, got, want)
		}
		want := strings.ContainsRune(s, '@') || strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, ".com") ||
			strings.Contains(s, ".org") || strings.Contains(s, ".net") || strings.Contains(s, ".co.") ||
			strings.Contains(s, ".info") || strings.Contains(s, ".news") || strings.Contains(s, ".io")
		if got := mayHaveAddress(s); got != want {
			t.Errorf("mayHaveAddress(%q) = %v, want %v", s, got, want)
		}
		for _, w := range append(strings.Fields(s), strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '.' || r == ',' })...) {
			words++
			if got, want := isStopWord(w), stopWords[strings.ToLower(w)]; got != want {
				t.Errorf("isStopWord(%q) = %v, want %v", w, got, want)
			}
		}
	}
	for _, w := range []string{"İt", "İn", "THE", "Between", "between", "betweenx", "a", "", "\u212Aelvin"} {
		if got, want := isStopWord(w), stopWords[strings.ToLower(w)]; got != want {
			t.Errorf("isStopWord(%q) = %v, want %v", w, got, want)
		}
	}
	if !isStopWord("İt") || !isStopWord("THE") || isStopWord("betweenx") {
		t.Error("hand cases: İt and THE are stop words, betweenx is not")
	}
	// oddFold's premise: only these two runes outside ASCII lower to ASCII.
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if r == 0x130 || r == 0x212A || !utf8.ValidRune(r) {
			continue
		}
		for _, c := range []byte(strings.ToLower(string(r))) {
			if c < utf8.RuneSelf {
				t.Errorf("%U lowers to ASCII %q", r, strings.ToLower(string(r)))
			}
		}
	}
	if words < 5000 {
		t.Fatalf("only %d words checked", words)
	}
}
