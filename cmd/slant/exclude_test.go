package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAnalyzeExclude checks --exclude on the seeds: seed 000 says "genocide
// of Palestinians" in the reporter's voice; excluding "genocide" removes
// the loaded-language hit on the word but not the longer contested entry
// that contains it (exclusions remove what lies inside them), and changes
// the lexicon fingerprint.
func TestAnalyzeExclude(t *testing.T) {
	type doc struct {
		Lexicons string `json:"lexicons"`
		Articles []struct {
			Evidence []struct{ Category, Text string } `json:"evidence"`
		} `json:"articles"`
	}
	analyze := func(args ...string) (doc, []string) {
		t.Helper()
		code, out, errs := runCLI(t, append([]string{"analyze", "--format", "json", "--no-pos", "../../seeds/000_e6bd7e0a9529dc5c.txt"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var d doc
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		var gen []string
		for _, e := range d.Articles[0].Evidence {
			if strings.Contains(strings.ToLower(e.Text), "genocide") {
				gen = append(gen, e.Category+":"+e.Text)
			}
		}
		return d, gen
	}
	base, gen := analyze()
	if len(gen) == 0 {
		t.Fatal("seed 000: no genocide evidence without exclusions; the test has nothing to remove")
	}
	p := writeTemp(t, "exclude.txt", "# misfires\nGenocide\n")
	ex, gen := analyze("--exclude", p)
	if strings.Join(gen, ",") != "contested.israel_palestine:genocide of Palestinians" {
		t.Errorf("--exclude genocide left %q, want only the contested phrase", gen)
	}
	if ex.Lexicons == base.Lexicons {
		t.Error("--exclude did not change the lexicon fingerprint")
	}

	bad := writeTemp(t, "bad.txt", "ok\ngeno*\n")
	code, _, errs := runCLI(t, "analyze", "--no-pos", "--exclude", bad, "../../seeds/000_e6bd7e0a9529dc5c.txt")
	if code == 0 || !strings.Contains(errs, "bad.txt:2:1") {
		t.Errorf("a glob in the exclusion file: exit %d, stderr %q; want an error at bad.txt:2:1", code, errs)
	}
}
