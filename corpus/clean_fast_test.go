package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanFastPaths checks the cleaner's allocation-free paths against the
// plain definitions they replace, on every line and word of the seeds and
// on hand-made cases where lowering changes length or leaves ASCII
// ("İt" lowers to the stop word "it", the Kelvin sign to "k").
func TestCleanFastPaths(t *testing.T) {
	lines := []string{
		"", " ", "\t\n", "Share", "  Read   MORE:\tthe   Story  ", "İt is", "İn", "\u212Aelvin", "Don’t miss",
		"BETWEEN", "Betweens", "between\u00a0us", "x\u0085y", "visit www.example.com", "mail me@x.org", "http://a.b",
		"ends with a dot.", "co.uk and .io", "...", "a.news", "e.g. info", ".info", "wwww.", "www", ".co", "a.co.b",
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
	words := 0
	for _, s := range lines {
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
	if words < 5000 {
		t.Fatalf("only %d words checked", words)
	}
}
