package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out, nil); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"The Eastern Herald vs AP",
		"unit of analysis: sentence (n = 17 vs 19)",
		"warning: 1 vs 1 articles",
		"unattributed_evaluative", "loaded_reporter", "cohens_h", "cliffs_delta",
		`[2298:2314] loaded.moral_condemnation          "double standards"`,
		"000_e6bd7e0a9529dc5c.txt: The guarantees, although framed as defensive, reveal once again the double standards",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// The table is sorted by |effect size|: the first row has the largest.
	table := got[strings.Index(got, "measure "):]
	rows := strings.Split(table, "\n")[1:7]
	if !strings.HasPrefix(rows[0], "unattributed_evaluative ") {
		t.Errorf("first row %q, want unattributed_evaluative (Cohen's h 1.01)", rows[0])
	}
}

func TestRunOtherPair(t *testing.T) {
	var out strings.Builder
	if err := run(&out, []string{"-target", "Insight News Media", "-top", "1"}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "Insight News Media vs AP") {
		t.Errorf("output:\n%s", got)
	}
	if err := run(&out, []string{"-target", "Nobody"}); err == nil || !strings.Contains(err.Error(), "The Eastern Herald") {
		t.Errorf("unknown outlet: err = %v, want the list of outlets", err)
	}
}
