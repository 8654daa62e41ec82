package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLexiconAuditCLI(t *testing.T) {
	code, out, errs := runCLI(t, "lexicon", "audit", "--no-pos", "--category", "contested.russia_ukraine", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Articles   int
		Categories []struct {
			ID  string
			Top []struct {
				Term string
				Hits int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 5 || len(rep.Categories) != 1 || rep.Categories[0].Top[0].Term != "kyiv" || rep.Categories[0].Top[0].Hits != 9 {
		t.Errorf("audit of the seeds: %+v", rep)
	}
	// --exclude removes the term from the audit.
	p := writeTemp(t, "x.txt", "Kyiv\n")
	code, out, errs = runCLI(t, "lexicon", "audit", "--no-pos", "--category", "contested.russia_ukraine", "--exclude", p)
	if code != 0 || strings.Contains(out, "kyiv") || !strings.Contains(out, "russian aggression") {
		t.Errorf("audit --exclude: exit %d, stderr %s\n%s", code, errs, out)
	}
	code, _, errs = runCLI(t, "lexicon", "audit", "--format", "yaml")
	if code != exitUsage || !strings.Contains(errs, "--format") {
		t.Errorf("bad format: exit %d, %s", code, errs)
	}
}
