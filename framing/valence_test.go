package framing

import (
	"math"
	"testing"
)

// TestValenceConstruct checks the strong-valence words (VADER selection,
// lexicon/data/valence.yaml) on hand-made sentences with known answers: a
// word in the reporter's voice feeds the valence feature with its entry
// weight (|VADER valence|/4: nasty is -2.6, so 0.65); negation cancels it;
// in a quote or in reported speech it is the speaker's and feeds nothing;
// names (capitalised), event words left out by the selection rule and
// words the curated lexicons already weigh are not valence evidence.
func TestValenceConstruct(t *testing.T) {
	an := analyzer(t)
	tests := []struct {
		name, text string
		// want is the sentence's valence feature; words lists the valence
		// evidence expected (text and voice, negated or not).
		want  float64
		words []Evidence
	}{
		{"reporter", "The senator's plan is nasty.", 0.65,
			[]Evidence{{Text: "nasty", Voice: Reporter}}},
		{"two words add", "The selfish plan got a nasty reception.", 0.525 + 0.65,
			[]Evidence{{Text: "selfish", Voice: Reporter}, {Text: "nasty", Voice: Reporter}}},
		{"negated", "The senator's plan is not nasty.", 0,
			[]Evidence{{Text: "nasty", Voice: Reporter, Negated: true}}},
		{"quoted", `"The plan is nasty," the senator said.`, 0,
			[]Evidence{{Text: "nasty", Voice: Quote}}},
		{"reported speech", "The senator said the plan was nasty.", 0,
			[]Evidence{{Text: "nasty", Voice: Reported}}},
		{"a name is not a feeling", "Joy Smith met Hope Jones in Paris.", 0, nil},
		{"event words are not judgements", "Three people were killed in the attack during the war.", 0, nil},
		{"a curated word counts once, as loaded language", "The senator's plan is pathetic.", 0, nil},
		{"a category name is not a judgement", "Police are treating the fire as a hate crime.", 0, nil},
		{"a curated phrase counts once", "He called the report fake news.", 0, nil},
		{"the same word outside the phrase", "Voters hate the plan.", 0.675,
			[]Evidence{{Text: "hate", Voice: Reporter}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := an.AnalyzeText(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Sentences) != 1 {
				t.Fatalf("%d sentences", len(r.Sentences))
			}
			if got := r.Sentences[0].Features[FeatureValence.String()]; math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("valence feature = %v, want %v", got, tc.want)
			}
			var got []Evidence
			for _, e := range r.Evidence {
				if e.Construct == ConstructValence {
					got = append(got, e)
				}
			}
			if len(got) != len(tc.words) {
				t.Fatalf("valence evidence %+v, want %+v", got, tc.words)
			}
			for i, w := range tc.words {
				if got[i].Text != w.Text || got[i].Voice != w.Voice || got[i].Negated != w.Negated {
					t.Errorf("evidence %d = %q %s negated %v, want %q %s negated %v", i, got[i].Text, got[i].Voice, got[i].Negated, w.Text, w.Voice, w.Negated)
				}
			}
		})
	}
	// The curated word of the last case is loaded language, not valence.
	r, err := an.AnalyzeText("The senator's plan is pathetic.")
	if err != nil {
		t.Fatal(err)
	}
	if r.Sentences[0].Features[FeatureLoadedReporter.String()] == 0 {
		t.Error("pathetic should be loaded language in the reporter's voice")
	}
}

// TestValenceRaisesScore: with everything else equal, a strong-valence word
// in the reporter's voice raises the sentence score by its weight times the
// default feature weight (0.8, set a priori: half a loaded word), and the
// same word in a quote does not.
func TestValenceRaisesScore(t *testing.T) {
	an := analyzer(t)
	score := func(s string) (float64, map[string]float64) {
		t.Helper()
		r, err := an.AnalyzeText(s)
		if err != nil {
			t.Fatal(err)
		}
		return r.Sentences[0].Score, r.Sentences[0].Features
	}
	// "mixed" is an adjective with no evaluation in any lexicon, so the
	// two sentences differ in the valence feature only.
	base, fb := score("The senator's plan got a mixed reception.")
	with, fw := score("The senator's plan got a nasty reception.")
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	delete(fw, "valence")
	if len(fb) != len(fw) {
		t.Fatalf("features differ beyond valence: %v vs %v", fb, fw)
	}
	for k, v := range fb {
		if fw[k] != v {
			t.Fatalf("feature %s differs: %v vs %v", k, v, fw[k])
		}
	}
	if d := logit(with) - logit(base); math.Abs(d-0.65*0.8) > 1e-4 {
		t.Errorf("logit difference %v, want 0.65 × 0.8 = 0.52", d)
	}
	if DefaultWeights().Features["valence"] != Features[FeatureLoadedReporter].DefaultWeight/2 {
		t.Error("the valence weight is stated as half the loaded-language weight")
	}
}
