package main

import (
	"os"
	"strings"
	"testing"
)

// readmeBlock returns the fenced block that follows the first occurrence
// of marker in README.md (marker may be the block's own first line).
func readmeBlock(t *testing.T, readme, marker string) []string {
	t.Helper()
	i := strings.Index(readme, marker)
	if i < 0 {
		t.Fatalf("README.md no longer contains %q", marker)
	}
	rest := readme[i:]
	if !strings.HasPrefix(marker, "```") {
		j := strings.Index(rest, "```\n")
		if j < 0 {
			t.Fatalf("no fenced block after %q", marker)
		}
		rest = rest[j:]
	}
	rest = rest[len("```\n"):]
	end := strings.Index(rest, "```")
	if end < 0 {
		t.Fatalf("unterminated block after %q", marker)
	}
	return strings.Split(rest[:end], "\n")
}

// TestREADMEExcerptsMatchOutput holds the README's printed excerpts of
// analyze, compare and coverage on the seeds to what the commands print
// now: every line of an excerpt (bar blank lines and "...") must appear in
// the output, in order. A change of lexicon, weights or statistics that
// moves a number makes this fail until the README is re-run.
func TestREADMEExcerptsMatchOutput(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	cases := []struct {
		marker string
		args   []string
	}{
		{"`go run ./cmd/slant analyze` on the bundled seeds", []string{"analyze"}},
		{"```\nThe Eastern Herald vs AP\n", []string{"compare", "--target", "The Eastern Herald", "--reference", "AP"}},
		{"On the seeds (`go run ./cmd/slant coverage`, excerpt)", []string{"coverage"}},
	}
	for _, c := range cases {
		t.Run(c.args[0], func(t *testing.T) {
			code, out, errs := runCLI(t, c.args...)
			if code != 0 {
				t.Fatalf("slant %v: exit %d: %s", c.args, code, errs)
			}
			lines := strings.Split(out, "\n")
			k := 0
			for _, want := range readmeBlock(t, readme, c.marker) {
				if strings.TrimSpace(want) == "" || strings.TrimSpace(want) == "..." {
					continue
				}
				for k < len(lines) && lines[k] != want {
					k++
				}
				if k == len(lines) {
					t.Fatalf("README excerpt of slant %v shows a line the command no longer prints (or not in this order):\n%s", c.args, want)
				}
				k++
			}
		})
	}
}
