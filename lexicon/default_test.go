package lexicon

import (
	"testing"
)

// TestDefaultLexicons checks that the embedded lexicons load with zero
// configuration, carry provenance, cover every construct the analyzer uses,
// and compile.
func TestDefaultLexicons(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, l := range set.Lexicons() {
		if l.Licence == "" || l.Curator == "" || len(l.References) == 0 {
			t.Errorf("%s: missing provenance", l.Name)
		}
		for _, c := range l.Categories {
			per[c.Construct] += len(c.Entries)
			if len(c.References) == 0 {
				t.Errorf("%s: no references", c.ID)
			}
		}
	}
	// Every construct the analysis knows has entries: see
	// framing.TestDefaultLexiconsCoverConstructs (the lexicon package does
	// not own the construct list).
	for c, n := range per {
		if n < 10 {
			t.Errorf("construct %s has %d entries", c, n)
		}
	}
	if per["loaded_language"] < 500 || per["intensifier"] < 200 {
		t.Errorf("loaded language %d, intensifiers %d: too small to be a lexicon", per["loaded_language"], per["intensifier"])
	}
	if _, err := Compile(set, nil); err != nil {
		t.Fatal(err)
	}
}
