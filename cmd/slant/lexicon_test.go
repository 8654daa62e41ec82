package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/slantlab/slant/lexicon"
)

// runLex runs the command line and returns the exit code, stdout and stderr.
func runLex(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodLexicon = `name: my-terms
version: 0.1.0
description: A test lexicon.
licence: CC0-1.0
curator: tests
references:
  - {id: r, citation: "Test, A. (2026). A reference."}
categories:
  - id: my.slurs
    label: Test slurs
    description: Words for the test.
    construct: loaded_language
    weight: 0.5
    references: [r]
    entries:
      - {term: snowflake, note: a test note}
      - {term: "libt*", match: glob, attrs: {side: right}}
`

func TestLexiconList(t *testing.T) {
	def, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runLex(t, "lexicon", "list")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, l := range def.Lexicons() {
		if !strings.Contains(out, l.Name) || !strings.Contains(out, l.Source) {
			t.Errorf("list lacks lexicon %s (%s)", l.Name, l.Source)
		}
	}
	for _, c := range def.Categories() {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(c.ID) + `\s+` + c.Construct + `\s+`).MatchString(out) {
			t.Errorf("list lacks a row for category %s", c.ID)
		}
	}
	if !strings.Contains(out, def.ShortFingerprint()) {
		t.Errorf("list lacks the fingerprint %s:\n%s", def.ShortFingerprint(), out)
	}

	code, out, errs = runLex(t, "lexicon", "list", "--format", "json")
	if code != exitOK {
		t.Fatalf("json: exit %d, stderr %s", code, errs)
	}
	var got lexListJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Fingerprint != def.Fingerprint() || len(got.Lexicons) != len(def.Lexicons()) {
		t.Errorf("json: fingerprint %s, %d lexicons; want %s, %d", got.Fingerprint, len(got.Lexicons), def.Fingerprint(), len(def.Lexicons()))
	}

	// An added lexicon is listed and changes the fingerprint.
	p := writeTemp(t, "mine.yaml", goodLexicon)
	code, out, errs = runLex(t, "lexicon", "list", "--lexicon", p)
	if code != exitOK {
		t.Fatalf("--lexicon: exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "my.slurs") || strings.Contains(out, def.ShortFingerprint()) {
		t.Errorf("--lexicon: the added lexicon is missing or the fingerprint unchanged:\n%s", out)
	}

	if code, _, _ := runLex(t, "lexicon", "list", "--format", "xml"); code != exitUsage {
		t.Errorf("--format xml: exit %d, want %d", code, exitUsage)
	}
}

func TestLexiconShow(t *testing.T) {
	code, out, errs := runLex(t, "lexicon", "show", "attribution.anonymous_source")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{
		"construct: anonymous_source",
		"people familiar with the matter", // an entry
		"The Associated Press Stylebook",  // a full citation
		"Slant maintainers",               // the curator
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}

	// A category of an added lexicon, with its note and attributes.
	p := writeTemp(t, "mine.yaml", goodLexicon)
	code, out, errs = runLex(t, "lexicon", "show", "my.slurs", "--lexicon", p)
	if code != exitOK {
		t.Fatalf("--lexicon: exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{"Test, A. (2026)", "a test note", "side=right", "libt*", "glob", "0.5"} {
		if !strings.Contains(out, want) {
			t.Errorf("show --lexicon lacks %q:\n%s", want, out)
		}
	}

	code, _, errs = runLex(t, "lexicon", "show", "attribution.anonymus")
	if code != exitUsage || !strings.Contains(errs, "attribution.anonymous_source") {
		t.Errorf("unknown category: exit %d, stderr %q; want %d and a close match", code, errs, exitUsage)
	}
	if code, _, _ := runLex(t, "lexicon", "show"); code != exitUsage {
		t.Errorf("show without a category: exit %d, want %d", code, exitUsage)
	}
}

func TestLexiconCheck(t *testing.T) {
	good := writeTemp(t, "good.yaml", goodLexicon)
	code, out, errs := runLex(t, "lexicon", "check", good)
	if code != exitOK {
		t.Fatalf("good file: exit %d, stderr %s", code, errs)
	}
	if want := good + ": ok (1 category, 2 entries)"; !strings.Contains(out, want) {
		t.Errorf("good file: stdout %q, want %q", out, want)
	}

	bad := writeTemp(t, "bad.yaml", strings.Replace(goodLexicon, "    weight: 0.5\n", "    weight: 0.5\n    colour: red\n", 1))
	code, out, errs = runLex(t, "lexicon", "check", good, bad)
	if code != exitAnalysis {
		t.Errorf("unknown field: exit %d, want %d", code, exitAnalysis)
	}
	if want := bad + `:14:5: category: unknown field "colour"`; !strings.Contains(errs, want) {
		t.Errorf("unknown field: stderr %q, want %q", errs, want)
	}
	if !strings.Contains(out, good+": ok") {
		t.Errorf("the good file is not reported ok next to the bad one: %q", out)
	}

	// Valid alone, but its category id is a default lexicon's.
	clash := writeTemp(t, "clash.yaml", strings.Replace(goodLexicon, "my.slurs", "loaded.pejorative", 1))
	code, _, errs = runLex(t, "lexicon", "check", clash)
	if code != exitAnalysis || !regexp.MustCompile(regexp.QuoteMeta(clash)+`:\d+:\d+: .*loaded-language`).MatchString(errs) {
		t.Errorf("clash: exit %d, stderr %q", code, errs)
	}

	// Valid one by one, but two lexicons with one name cannot be used together.
	twin := writeTemp(t, "twin.yaml", goodLexicon)
	code, _, errs = runLex(t, "lexicon", "check", good, twin)
	if code != exitAnalysis || !strings.Contains(errs, "also used by "+good) {
		t.Errorf("two files with one lexicon name: exit %d, stderr %q", code, errs)
	}

	if code, _, _ := runLex(t, "lexicon", "check"); code != exitUsage {
		t.Errorf("check without a file: exit %d, want %d", code, exitUsage)
	}
}

func TestLexiconImport(t *testing.T) {
	dic := writeTemp(t, "mine.dic", "%\n1\tposemo\n2\tnegemo\n%\nabandon*\t2\nlove\t1\nkind of\t1\nhate\t2\t1\n")
	code, out, errs := runLex(t, "lexicon", "import", dic, "--format", "liwc", "--construct", "loaded_language")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	l, err := lexicon.Parse("import.yaml", []byte(out))
	if err != nil {
		t.Fatalf("the imported YAML does not parse: %v\n%s", err, out)
	}
	if len(l.Categories) != 2 || l.Categories[0].ID != "mine.posemo" || l.Categories[1].Construct != "loaded_language" {
		t.Errorf("imported categories: %+v", l.Categories)
	}
	var terms []string
	for _, e := range l.Categories[1].Entries {
		terms = append(terms, e.Term+"/"+string(l.Categories[1].EffectiveMatch(e)))
	}
	if got := strings.Join(terms, " "); got != "abandon*/glob hate/exact" {
		t.Errorf("negemo entries %q", got)
	}

	// --out writes the file; check accepts it.
	outFile := filepath.Join(t.TempDir(), "out.yaml")
	if code, _, errs := runLex(t, "lexicon", "import", dic, "--format", "liwc", "--name", "liwc-mine", "--out", outFile); code != exitOK {
		t.Fatalf("--out: exit %d, stderr %s", code, errs)
	}
	if code, _, errs := runLex(t, "lexicon", "check", outFile); code != exitOK {
		t.Errorf("check of the imported file: exit %d, stderr %s", code, errs)
	}

	for _, args := range [][]string{
		{"lexicon", "import", dic},                                                // no --format
		{"lexicon", "import", dic, "--format", "csv"},                             // bad --format
		{"lexicon", "import", dic, "--format", "liwc", "--construct", "nonsense"}, // bad --construct
		{"lexicon", "import", "--format", "liwc"},                                 // no file
	} {
		if code, _, _ := runLex(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}

	// A bad dictionary is an analysis error at its line and column.
	bad := writeTemp(t, "bad.dic", "%\n1\tposemo\n%\nlove\t9\n")
	code, _, errs = runLex(t, "lexicon", "import", bad, "--format", "liwc")
	if code != exitAnalysis || !strings.Contains(errs, bad+":4:6:") {
		t.Errorf("bad dictionary: exit %d, stderr %q", code, errs)
	}
}
