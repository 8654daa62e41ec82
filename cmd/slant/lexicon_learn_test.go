package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/lexicon"
)

// TestLexiconLearnCLI learns from a small labelled JSONL corpus with a
// planted answer (left outlets say "heartless", right ones "lawless",
// center ones "fair"), checks the lexicon's provenance and that
// --lexicon loads it.
func TestLexiconLearnCLI(t *testing.T) {
	dir := t.TempDir()
	corpusPath := filepath.Join(dir, "planted.jsonl")
	var b strings.Builder
	word := map[string]string{"left": "heartless", "right": "lawless", "center": "fair"}
	for _, label := range []string{"left", "right", "center"} {
		for o := range 3 {
			for i := range 8 {
				txt := fmt.Sprintf("The council met for session %d to discuss the budget, and residents asked about schools and roads before the vote.\n\nIn session %d the plan was called %s by the committee members present.", i, i, word[label])
				rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s%d-%d", label, o, i), "outlet": fmt.Sprintf("%s outlet %d", label, o), "label": label, "text": txt})
				b.Write(rec)
				b.WriteByte('\n')
			}
		}
	}
	if err := os.WriteFile(corpusPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "learned.yaml")
	code, _, errs := runCLI(t, "lexicon", "learn", corpusPath, "--min-count", "5", "--min-z", "2", "--source-licence", "CC0-1.0", "--name", "planted", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "left vs center: 1 terms; top: heartless") || !strings.Contains(errs, "right vs center: 1 terms; top: lawless") {
		t.Errorf("summary:\n%s", errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Command: slant lexicon learn " + corpusPath, "--min-z 2", "# Source licence: CC0-1.0", corpusPath} {
		if !strings.Contains(string(data), want) {
			t.Errorf("lexicon lacks %q:\n%s", want, data)
		}
	}
	l, err := lexicon.Parse(out, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Categories) != 2 || l.Categories[0].ID != "planted.left" || l.Categories[0].Entries[0].Term != "heartless" {
		t.Errorf("categories %+v", l.Categories)
	}
	code, stdout, errs := runCLI(t, "analyze", "--no-pos", "--format", "json", "--lexicon", out, "../../seeds/004_bd15c9c9037d407d.txt")
	if code != 0 || !strings.Contains(stdout, `"lexicons"`) {
		t.Errorf("analyze --lexicon learned.yaml: exit %d, %s", code, errs)
	}
	code, _, errs = runCLI(t, "lexicon", "learn", corpusPath, "--reference", "centre")
	if code == 0 || !strings.Contains(errs, "center, left, right") {
		t.Errorf("unknown reference: exit %d, %s", code, errs)
	}
}
