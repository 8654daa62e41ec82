package framing

import (
	"context"
	"strings"
	"testing"

	"github.com/slantlab/slant/seeds"
)

func TestFramesHandMade(t *testing.T) {
	an := analyzer(t)
	r, err := an.AnalyzeText("The troops deployed air defense systems to deter a military attack. NATO deterrence and the security of the alliance's borders came first. Soldiers guarded the front line.")
	if err != nil {
		t.Fatal(err)
	}
	p := r.Frames.Policy
	if p.Dominant != "security_defense" || p.Cues < MinFrameCues {
		t.Fatalf("policy frame %+v", p)
	}
	// The dominance rule on known evidence: 3 cues each, equal weight → mixed
	// (margin); 3 against 1 with a clear lead → dominant; 2 cues → too few.
	mk := func(cues map[string]int) *Result {
		r := &Result{Sentences: []SentenceResult{{}}}
		for cat, n := range cues {
			for i := 0; i < n; i++ {
				r.Evidence = append(r.Evidence, Evidence{Construct: "frame_policy", Category: "frame.policy." + cat, Weight: 1, Voice: Reporter})
			}
		}
		return r
	}
	if f := computeFrames(mk(map[string]int{"economic": 3, "legality": 3})).Policy; f.Dominant != "mixed" || !strings.Contains(f.Reason, "margin") {
		t.Errorf("tie: %+v", f)
	}
	if f := computeFrames(mk(map[string]int{"economic": 3, "legality": 1})).Policy; f.Dominant != "economic" || f.Shares["economic"] != 0.75 {
		t.Errorf("lead: %+v", f)
	}
	if f := computeFrames(mk(map[string]int{"economic": 2})).Policy; f.Dominant != "mixed" || !strings.Contains(f.Reason, "fewer than") {
		t.Errorf("few cues: %+v", f)
	}
	r, _ = an.AnalyzeText("Nothing here.")
	if r.Frames.Generic.Dominant != "mixed" || r.Frames.Generic.Reason != "no frame cues" {
		t.Fatalf("no cues: %+v", r.Frames.Generic)
	}
}

func TestSeedFramesAndActors(t *testing.T) {
	rs := seedResults(t)
	security := 0
	for _, r := range rs {
		if r.Frames.Policy.Dominant == "security_defense" {
			security++
		}
		if len(r.Actors) == 0 {
			t.Errorf("%s: no actors", r.Outlet)
		}
		for _, a := range r.Actors {
			for _, m := range a.Spans {
				if r.Text[m.Start:m.End] != m.Text {
					t.Fatalf("%s: actor span mismatch", r.Outlet)
				}
			}
		}
	}
	if security < 4 {
		t.Errorf("security and defense dominates %d of 5 seeds, want at least 4", security)
	}
	// The Eastern Herald casts the West in moral terms: "double standards"
	// and "selectivity" are applied to it.
	var west *Actor
	for i, a := range rs[seeds.EasternHerald].Actors {
		if a.ID == "actor.the_west" {
			west = &rs[seeds.EasternHerald].Actors[i]
		}
	}
	if west == nil {
		t.Fatal("the West not found in the Eastern Herald piece")
	}
	var ds []string
	for _, d := range west.Descriptors {
		ds = append(ds, d.Text)
	}
	if !strings.Contains(strings.Join(ds, "|"), "double standards") {
		t.Errorf("descriptors of the West: %v", ds)
	}
}

func TestActorRoles(t *testing.T) {
	an := analyzer(t)
	cases := []struct{ text, actor, role, verb string }{
		{"Russia attacked Ukraine overnight.", "actor.russia", "agent", "attacked"},
		{"Russia attacked Ukraine overnight.", "actor.ukraine", "patient", "attacked"},
		{"Ukraine was attacked by Russia.", "actor.ukraine", "patient", "attacked"},
		{"Ukraine was attacked by Russia.", "actor.russia", "agent", "attacked"},
		{"The Kremlin's puppet regime collapsed.", "actor.russia", "other", ""},
	}
	for _, c := range cases {
		r, err := an.AnalyzeText(c.text)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range r.Actors {
			if a.ID == c.actor {
				found = true
				if m := a.Spans[0]; m.Role != c.role || m.Verb != c.verb {
					t.Errorf("%q %s: role %s verb %q, want %s %q", c.text, c.actor, m.Role, m.Verb, c.role, c.verb)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found", c.text, c.actor)
		}
	}
	r, _ := an.AnalyzeText("The corrupt regime in Moscow lied again.")
	for _, a := range r.Actors {
		if a.ID == "actor.russia" && len(a.Descriptors) == 0 {
			t.Error("loaded words in the actor's clause not attached")
		}
	}
}

func TestStyle(t *testing.T) {
	an := analyzer(t)
	r, _ := an.AnalyzeText("The bill was passed. The senators approved the bill by a wide margin.")
	if len(r.Style.Passives) != 1 || !r.Style.Passives[0].Agentless || r.Measures["passive_share"] != 0.5 {
		t.Fatalf("passives %+v share %v", r.Style.Passives, r.Measures["passive_share"])
	}
	if syllables("security") != 4 || syllables("the") != 1 || syllables("table") != 2 {
		t.Fatal("syllable estimate")
	}
	if r.Measures["words_per_sentence"] != 6.5 {
		t.Fatalf("words per sentence %v", r.Measures["words_per_sentence"])
	}
}

// TestSyllablesASCIIPath checks syllables' byte-by-byte path against
// syllablesRunes, the rune definition, on every word of the seeds and on
// hand cases (case, a final e or le, no vowel, non-ASCII letters).
func TestSyllablesASCIIPath(t *testing.T) {
	words := []string{"", "e", "E", "le", "LE", "Table", "TABLE", "the", "rhythm", "Y", "queue", "café", "naïve", "İE", "x-ray", "don't", "12e", "Sable", "sable"}
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.FieldsFunc(a.Text, func(r rune) bool { return r == ' ' || r == '\n' || r == ',' || r == '.' })...)
	}
	if len(words) < 3000 {
		t.Fatalf("only %d words", len(words))
	}
	for _, w := range words {
		if got, want := syllables(w), syllablesRunes(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
	if syllables("Table") != 2 || syllables("rhythm") != 1 || syllables("café") != 1 {
		t.Error("hand cases: Table 2, rhythm 1 (y is a vowel), café 1 (é is not one)")
	}
}
