package framing

import (
	"context"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
)

// TestDefaultLexiconsCoverConstructs: every construct of the table except
// "imported" (for lexicons users bring) and "learned_word" (from trained
// weights, not lexicons) has entries in the default
// lexicons, and every default category names a construct of the table.
func TestDefaultLexiconsCoverConstructs(t *testing.T) {
	set, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckLexicons(set); err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, c := range set.Categories() {
		per[c.Construct] += len(c.Entries)
	}
	for _, c := range Constructs {
		if c.Name != ConstructImported && c.Name != ConstructLearnedWord && per[c.Name] < 10 {
			t.Errorf("construct %s has %d entries in the default lexicons", c.Name, per[c.Name])
		}
	}
}

// TestConstructTableConsistent: every family a construct names exists,
// every construct-fed feature is fed, and each feature's row sits at its ID.
func TestConstructTableConsistent(t *testing.T) {
	fams := map[string]bool{}
	for _, f := range Families {
		fams[f.Class] = true
	}
	fed := map[FeatureID]bool{}
	for _, c := range Constructs {
		if c.Family != "" && !fams[c.Family] {
			t.Errorf("%s: unknown family %q", c.Name, c.Family)
		}
		if c.Context && c.Feature != NoFeature {
			t.Errorf("%s: a context construct feeds %s", c.Name, c.Feature)
		}
		fed[c.Feature] = true
		if c.Voice == ReporterVoice {
			fed[c.OtherVoiceFeature] = true
		}
		if len(FamilyConstructs(c.Family)) == 0 && c.Family != "" {
			t.Errorf("%s: family lists nothing", c.Family)
		}
	}
	// The features computed in the sentence pass, not from evidence.
	own := map[FeatureID]bool{FeatureScareQuote: true, FeatureRhetoricalQuestion: true, FeatureExclamation: true,
		FeatureUnattributedEvaluative: true, FeatureQuoteShare: true, FeatureAdjective: true, FeatureAdverb: true}
	for _, f := range Features {
		if fed[f.ID] == own[f.ID] {
			t.Errorf("feature %s: fed by a construct %v, computed in the sentence pass %v", f.Name, fed[f.ID], own[f.ID])
		}
		if id, ok := FeatureByName(f.Name); !ok || id != f.ID || id.String() != f.Name {
			t.Errorf("feature %s: lookup gives %d %v", f.Name, id, ok)
		}
	}
	if _, ok := FeatureByName("loaded_reportr"); ok {
		t.Error("a misspelt feature must not be found")
	}
	if _, ok := ConstructInfo("loaded"); ok {
		t.Error("a misspelt construct must not be found")
	}
}

// TestAnalyzerRefusesUnknownConstruct: a user lexicon naming a construct
// the table does not have is refused when the analyzer is built, with the
// file, line and a suggestion.
func TestAnalyzerRefusesUnknownConstruct(t *testing.T) {
	src := "name: mine\nversion: '1'\ndescription: d\nlicence: CC0-1.0\ncurator: c\nreferences:\n  - {id: r, citation: C}\ncategories:\n  - id: mine.a\n    label: A\n    description: d\n    construct: loaded_languag\n    references: [r]\n    entries:\n      - junta\n"
	l, err := lexicon.Parse("mine.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	def, _ := lexicon.Default()
	set, err := def.With(l)
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewAnalyzer(WithLexicons(set), WithoutPOS())
	if err == nil || !strings.Contains(err.Error(), `mine.yaml:15:9: category mine.a: unknown construct "loaded_languag"`) || !strings.Contains(err.Error(), `did you mean "loaded_language"`) {
		t.Errorf("err = %v", err)
	}
}

// TestMeasureAccessor: a typo in a measure name is an error, not a 0.
func TestMeasureAccessor(t *testing.T) {
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	r, err := an.Analyze(context.Background(), &corpus.Article{ID: "x", Text: "The regime slammed the so-called peace plan. Officials said it would fail."})
	if err != nil {
		t.Fatal(err)
	}
	v, err := r.Measure(MeasureLoadedCount)
	if err != nil || v != r.Measures["loaded_count"] || v == 0 {
		t.Errorf("loaded_count = %v, %v (map %v)", v, err, r.Measures["loaded_count"])
	}
	if _, err := r.Measure("editorialising_index"); err == nil || !strings.Contains(err.Error(), `unknown measure "editorialising_index"`) {
		t.Errorf("typo: %v", err)
	}
	if v, err := r.Measure("contested.nowhere"); err != nil || v != 0 {
		t.Errorf("a side the article never used is 0: %v %v", v, err)
	}
	for _, d := range Measures {
		if _, ok := r.Measures[d.Name]; !ok {
			t.Errorf("measure %s missing from the result", d.Name)
		}
	}
}
