package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSeeds(t *testing.T) {
	var out strings.Builder
	if err := run(&out, []string{"-seeds"}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"corpus: the seed articles\n",
		"read 5 documents: 5 analysed, 0 skipped",
		"5 groups by outlet",
		"The Eastern Herald                    1       422         7.82",
		"skipped: 0",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// The Herald leads, AP is near the bottom.
	if h, a := strings.Index(got, "The Eastern Herald "), strings.Index(got, "\nAP "); h < 0 || a < h {
		t.Errorf("want The Eastern Herald ranked above AP:\n%s", got)
	}
}

func TestSkips(t *testing.T) {
	p := filepath.Join(t.TempDir(), "news.jsonl")
	lines := `{"id":"a1","outlet":"Gazette","text":"The bridge reopened on Monday after a shameless delay."}
{"id":"a2","outlet":"Gazette","text":   }
{"id":"a3","outlet":"Courier","text":""}
{"id":"a4","outlet":"Courier","text":"The council approved the budget."}
`
	if err := os.WriteFile(p, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(&out, []string{"-min-docs", "1", p}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"read 4 documents: 2 analysed, 2 skipped",
		"Gazette ", "Courier ",
		"skipped: 2",
		"news.jsonl:2: skipped: malformed JSON",
		"news.jsonl:3 (a3): skipped: empty or whitespace-only document",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestAllSides(t *testing.T) {
	path := allSides[1] // relative to this directory
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the AllSides sample is not at %s: %v", path, err)
	}
	var out strings.Builder
	if err := run(&out, []string{"-limit", "50", path}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"stopped after 50 articles", "read 50 documents: 50 analysed", "by mean editorializing_index", "(of the "} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
