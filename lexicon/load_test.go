package lexicon

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrorsNamePosition(t *testing.T) {
	base := "name: x\nversion: '1'\ndescription: d\nlicence: CC0-1.0\ncurator: c\nreferences:\n  - {id: r, citation: C}\ncategories:\n  - id: a\n    label: A\n    description: d\n    construct: hedge\n    references: [r]\n    entries:\n"
	tests := []struct{ yaml, want string }{
		{base + "      - {term: may, colour: red}\n", `f.yaml:15:21: entry: unknown field "colour"`},
		{strings.Replace(base, "curator: c\n", "curator: c\nauthor: z\n", 1) + "      - may\n", `f.yaml:6:1: lexicon: unknown field "author"`},
		{base + "      - {term: may, match: fuzzy}\n", `f.yaml:15:28: entry "may": unknown match type "fuzzy"`},
		{base + "      - {term: 'militar*'}\n", `f.yaml:15:9: category a: entry "militar*": contains * but its match type is exact`},
		{base + "      - {term: 'mi*tar', match: glob}\n", `f.yaml:15:9: category a: entry "mi*tar": * may only stand at the start or end`},
		{base + "      - {term: may, weight: 2}\n", `weight 2 outside (0, 1]`},
		{base + "      - may\n      - May\n", `f.yaml:16:9: category a: entry "May" listed twice`},
		{strings.Replace(base, "construct: hedge", "construct: ''", 1) + "      - may\n", `f.yaml:15:9: category a: no construct`},
		{strings.Replace(base, "references: [r]", "references: [nope]", 1) + "      - may\n", `unknown reference "nope"`},
		{base + "      - {term: may, weight: lots}\n", `f.yaml:15:29: weight must be a number`},
		// issue 17 items 5 and 12: non-finite weights, syntax errors at
		// the fault with a column, a second document, invisible terms
		{base + "      - {term: may, weight: .nan}\n", `f.yaml:15:29: weight must be a finite number, got ".nan"`},
		{base + "      - {term: may, weight: -.inf}\n", `f.yaml:15:29: weight must be a finite number`},
		{strings.Replace(base, "construct: hedge", "construct: hedge\n    weight: .NaN", 1) + "      - may\n", `f.yaml:13:13: weight must be a finite number`},
		{base + "      - may\n      - {term: 'ma\u200by'}\n", `f.yaml:16:9: category a: entry "ma\u200by": contains the invisible character U+200B`},
		{base + "      - may\n      - \"so\u00adcalled\"\n", `invisible character U+00AD`},
		{base + "      - may\n---\nname: y\n", `f.yaml:16:1: a second YAML document`},
		{"name: x\nversion: '1'\nreferences: [a, b\ncurator: c\n", `f.yaml:3:`},
		{"name: x\nversion: '1'\n  curator: c\n", `f.yaml:3:3: YAML syntax: did not find expected key`},
		{"name: x\n\tversion: '1'\n", `f.yaml:2:1: YAML syntax: found a tab character`},
		{"name: x\nversion: [1, 2]]\n", `f.yaml:2:16: YAML syntax: did not find expected key`},
		{"name: [\n", `f.yaml:1:`},
	}
	for _, tc := range tests {
		_, err := Parse("f.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v\nwant it to contain %q", err, tc.want)
		}
	}
	if _, err := Parse("f.yaml", []byte(base+"      - may\n")); err != nil {
		t.Fatalf("valid file rejected: %v", err)
	}
}

// TestCheckConstructs: the lexicon package checks constructs against the
// list its caller gives (framing owns the list), naming file, line and
// category, and suggesting the closest name.
func TestCheckConstructs(t *testing.T) {
	src := "name: x\nversion: '1'\ndescription: d\nlicence: CC0-1.0\ncurator: c\nreferences:\n  - {id: r, citation: C}\ncategories:\n  - id: a\n    label: A\n    description: d\n    construct: hegde\n    references: [r]\n    entries:\n      - may\n"
	l, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse checks syntax only, not the construct list: %v", err)
	}
	err = l.CheckConstructs([]string{"hedge", "booster"})
	if err == nil || err.Error() != `f.yaml:15:9: category a: unknown construct "hegde" (see FORMAT.md); did you mean "hedge"?` {
		t.Errorf("err = %v", err)
	}
	if err := l.CheckConstructs([]string{"hegde"}); err != nil {
		t.Errorf("known construct refused: %v", err)
	}
	set, _ := NewSet(l)
	if err := set.CheckConstructs([]string{"loaded_language"}); err == nil || !strings.Contains(err.Error(), `unknown construct "hegde"`) {
		t.Errorf("set check: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	parse := func(s string) *Set {
		l, err := Parse("t.yaml", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(l)
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	a := parse(testLexicon)
	b := parse(strings.Replace(testLexicon, "description: loaded words", "description: reworded prose", 1))
	c := parse(strings.Replace(testLexicon, "{term: regime, weight: 0.7}", "{term: regime, weight: 0.8}", 1))
	d := parse(strings.Replace(testLexicon, "{term: regime, weight: 0.7}", "{term: Regime, weight: 0.7}", 1))
	if a.Fingerprint() != b.Fingerprint() {
		t.Error("a description change must not change the fingerprint")
	}
	if a.Fingerprint() == c.Fingerprint() {
		t.Error("a weight change must change the fingerprint")
	}
	if a.Fingerprint() != d.Fingerprint() {
		t.Error("case of a term does not change matching, so not the fingerprint")
	}
	if len(a.Fingerprint()) != 64 {
		t.Error("fingerprint is not SHA-256 hex")
	}
}

func TestSetWithReplacesByName(t *testing.T) {
	l1, _ := Parse("a.yaml", []byte(testLexicon))
	l2, _ := Parse("b.yaml", []byte(strings.Replace(testLexicon, "{term: regime, weight: 0.7}", "{term: junta}", 1)))
	s, err := NewSet(l1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewSet(l1, l2); err == nil || !strings.Contains(err.Error(), `two lexicons named "test"`) {
		t.Fatalf("duplicate names: %v", err)
	}
	s2, err := s.With(l2)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s2.Category("t.loaded")
	if c.Entries[0].Term != "junta" || len(s2.Lexicons()) != 1 {
		t.Fatal("With did not replace the lexicon of the same name")
	}
}

func TestNewSetDuplicateCategoryNamesPlace(t *testing.T) {
	a, err := Parse("a.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.yaml", []byte(strings.Replace(testLexicon, "name: test", "name: other", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewSet(a, b)
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `b.yaml:`) || !strings.Contains(err.Error(), `category "t.loaded" is already defined by lexicon "test"`) {
		t.Fatalf("duplicate category: %v", err)
	}
}
