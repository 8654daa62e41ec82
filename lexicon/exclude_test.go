package lexicon

import (
	"errors"
	"strings"
	"testing"
)

// compileExcluding compiles the test lexicon with the given exclusions.
func compileExcluding(t *testing.T, terms ...string) (*Matcher, *Set) {
	t.Helper()
	l, err := Parse("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(l)
	if err != nil {
		t.Fatal(err)
	}
	set, err = set.WithExclusions(terms...)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, set
}

func TestExclusionsKnownAnswers(t *testing.T) {
	tests := []struct {
		exclude []string
		in      string
		want    string
	}{
		// no exclusion: the baseline the others are read against
		{nil, "the double standards of the regime", "t.loaded:double standards t.loaded:regime"},
		// an excluded term is gone with its inflections (puppet is a stem entry)
		{[]string{"Puppet"}, "puppets of the regime", "t.loaded:regime"},
		// an excluded phrase removes the phrase, and the shorter entry inside it
		// (standards) does not take its place
		{[]string{"double standards"}, "the double standards of the regime", "t.loaded:regime"},
		// ... but the shorter entry still counts where the phrase is absent
		{[]string{"double standards"}, "new standards", "t.loaded:standards"},
		// a containing phrase removes matches inside it only: regime inside
		// "regime watch" (a name), not regime elsewhere
		{[]string{"Regime Watch"}, "Regime Watch said the regime fell", "t.loaded:regime"},
		// every construct: the contested phrase and the loaded word inside it
		{[]string{"special military operation"}, "the special military operation began", ""},
		// a phrase that only partly overlaps a hit does not remove it
		{[]string{"operation began"}, "the special military operation began", "t.contested:special military operation t.loaded:military"},
		// compound parts inside an excluded word are removed too
		{[]string{"Kremlin-friendly"}, "Kremlin-friendly rhetoric", ""},
		{[]string{"Kremlin-friendly"}, "a Moscow-friendly tone", "t.loaded:friendly"},
		// curly and straight apostrophes alike
		{[]string{"Russia’s envoy"}, "Russia's envoy said", ""},
	}
	for _, tc := range tests {
		m, _ := compileExcluding(t, tc.exclude...)
		got := strings.Join(hitsOf(t, m, tc.in), " ")
		if got != tc.want {
			t.Errorf("exclude %q, %q\n got %q\nwant %q", tc.exclude, tc.in, got, tc.want)
		}
	}
}

func TestExclusionsFingerprint(t *testing.T) {
	_, base := compileExcluding(t)
	_, a := compileExcluding(t, "regime")
	_, a2 := compileExcluding(t, "REGIME", "regime")
	_, b := compileExcluding(t, "regime", "puppet")
	if base.Fingerprint() == a.Fingerprint() {
		t.Error("adding an exclusion left the fingerprint unchanged")
	}
	if a.Fingerprint() != a2.Fingerprint() {
		t.Error("the same exclusion in another case (and repeated) changed the fingerprint")
	}
	if a.Fingerprint() == b.Fingerprint() {
		t.Error("a second exclusion left the fingerprint unchanged")
	}
	// With keeps the exclusions; the receiver of WithExclusions is unchanged.
	w, err := a.With()
	if err != nil {
		t.Fatal(err)
	}
	if w.Fingerprint() != a.Fingerprint() {
		t.Error("Set.With dropped the exclusions")
	}
	if got := base.Exclusions(); len(got) != 0 {
		t.Errorf("WithExclusions changed its receiver: %q", got)
	}
	if got := b.Exclusions(); strings.Join(got, ",") != "puppet,regime" {
		t.Errorf("Exclusions() = %q, want folded and sorted [puppet regime]", got)
	}
}

func TestExclusionsLexiconField(t *testing.T) {
	const excl = `
name: my-exclusions
version: 0.1.0
description: only exclusions
licence: CC0-1.0
curator: tests
exclude:
  - talking points memo
  - Regime
`
	l, err := Parse("excl.yaml", []byte(excl))
	if err != nil {
		t.Fatal(err)
	}
	base, err := Parse("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(base, l)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.Exclusions(), "|"); got != "regime|talking points memo" {
		t.Errorf("Exclusions() = %q", got)
	}
	m, err := Compile(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(hitsOf(t, m, "the regime's puppet"), " "); got != "t.loaded:puppet" {
		t.Errorf("lexicon exclude field: got %q, want only the puppet", got)
	}

	bad := strings.Replace(excl, "  - Regime", "  - \"militar*\"", 1)
	_, err = Parse("bad.yaml", []byte(bad))
	var pe *PosError
	if !errors.As(err, &pe) || pe.Line != 9 || !strings.Contains(err.Error(), "* is not allowed") {
		t.Errorf("a glob in exclude: got %v, want an error at bad.yaml:9", err)
	}
}

func TestParseExclusions(t *testing.T) {
	got, err := ParseExclusions("x.txt", []byte("\ufeff# misfires seen in the audit\n\ntalking points\n  Sept. 11  \n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "talking points|Sept. 11" {
		t.Errorf("got %q", got)
	}
	_, err = ParseExclusions("x.txt", []byte("ok\n*phobic\n"))
	if err == nil || !strings.Contains(err.Error(), "x.txt:2:1") {
		t.Errorf("a glob on line 2: got %v, want x.txt:2:1", err)
	}
	if _, err := (&Set{}).WithExclusions(" "); err == nil {
		t.Error("WithExclusions accepted an empty term")
	}
}
