package lexicon

import (
	"strings"
	"testing"
)

const literalLexicon = `
name: literal-test
version: 0.0.1
description: literal-sense cues, hand-made cases
licence: CC0-1.0
curator: tests
references:
  - {id: r, citation: "Test reference"}
categories:
  - id: t.verbs
    label: Loaded verbs
    description: cut hard
    construct: loaded_language
    match: stem
    references: [r]
    entries:
      - {term: slash, literal: [price, fare]}
      - {term: cut}
  - id: t.violence
    label: Violence
    description: genocide
    construct: loaded_language
    references: [r]
    entries:
      - {term: genocide, match: stem, literal: [court, trial, "ICJ"]}
`

func TestLiteralCues(t *testing.T) {
	l, err := Parse("literal.yaml", []byte(literalLexicon))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(l)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		// the loaded sense
		{"The mayor slashed funding for libraries.", "t.verbs:slashed"},
		// a cue before or after, any inflection (prices, Fares)
		{"Retailers slashed prices.", ""},
		{"Airlines are slashing their Fares again.", ""},
		{"Prices were slashed.", ""},
		// the cue must be within four tokens: five words away it does not count
		{"They slashed one two three four prices.", "t.verbs:slashed"},
		// ... and in the same sentence
		{"Prices rose. Then he slashed the budget.", "t.verbs:slashed"},
		// cues belong to their entry: cut has none
		{"They cut prices and slashed fares.", "t.verbs:cut"},
		{"an ongoing genocide, he wrote", "t.violence:genocide"},
		{"The genocide trial opened.", ""},
		{"accused of genocide at the ICJ", ""},
		{"a genocidal war", "t.violence:genocidal"},
	}
	for _, tc := range tests {
		if got := strings.Join(hitsOf(t, m, tc.in), " "); got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}

	// Cues are part of the fingerprint.
	l2, _ := Parse("literal.yaml", []byte(strings.Replace(literalLexicon, "[price, fare]", "[price]", 1)))
	set2, _ := NewSet(l2)
	if set.Fingerprint() == set2.Fingerprint() {
		t.Error("changing literal cues left the fingerprint unchanged")
	}
	// A cue must be one word.
	_, err = Parse("bad.yaml", []byte(strings.Replace(literalLexicon, "[price, fare]", "[price, air fare]", 1)))
	if err == nil || !strings.Contains(err.Error(), "literal cue") || !strings.Contains(err.Error(), "bad.yaml:17:9") {
		t.Errorf("a two-word cue: %v", err)
	}
}
