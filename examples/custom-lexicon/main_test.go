package main

import (
	"os"
	"path/filepath"
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
		"lexicon housing-desk 0.1.0, licence CC0-1.0",
		"desk-watchlist.bureaucracy [5 entries]",
		`housing.pejorative_party     "slumlords"         reporter weight 1.00 [100:109]`,
		`housing.pejorative_building  "carbuncle"         reporter weight 0.90`,
		`desk-watchlist.bureaucracy   "pen-pushers"       reporter weight 1.00`,
		`desk-watchlist.bureaucracy   "jobsworths"`, // the glob jobsworth*
		`"rabbit hutches"    quote    weight 0.00 [197:211] negated speaker: the developer`,
		"0.00 with the defaults alone",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// The files on disk (the test runs in this directory) give the same
// lexicons as the embedded copies.
func TestRunFromFiles(t *testing.T) {
	var out strings.Builder
	if err := run(&out, []string{"-lexicon", "my-lexicon.yaml", "-words", "my-watchlist.txt", "Fat cats and NIMBYs again."}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{`"Fat cats"`, `"NIMBYs"`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestBadLexicon(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	src := strings.Replace(string(myLexicon), "construct: loaded_language", "construct: loaded", 1)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(&strings.Builder{}, []string{"-lexicon", p})
	if err == nil || !strings.Contains(err.Error(), `unknown construct "loaded"`) || !strings.Contains(err.Error(), "bad.yaml:") {
		t.Errorf("err = %v, want the file, line and the unknown construct", err)
	}
}
