package framing

import (
	"strings"
	"testing"
)

// descriptorsOf returns actor id → descriptor texts (loaded, intensifier
// and contested).
func descriptorsOf(r *Result) map[string][]string {
	out := map[string][]string{}
	for _, a := range r.Actors {
		for _, d := range append(append([]Descriptor{}, a.Descriptors...), a.Contested...) {
			out[a.ID] = append(out[a.ID], d.Text)
		}
	}
	return out
}

// TestActorDescriptorsSyntactic: hand-made sentences where the loaded word
// is about one actor and not another in the same clause (issue 12 item 6).
func TestActorDescriptorsSyntactic(t *testing.T) {
	an := analyzer(t)
	cases := []struct {
		text string
		want map[string]string // actor → descriptors joined by "|" ("" none)
	}{
		// Seed 000's headline: Europe is the one hiding; Ukraine is only in
		// a prepositional phrase and NATO modifies the hidden thing.
		{"Europe hides NATO expansion behind Ukraine.", map[string]string{"actor.europe": "hides", "actor.ukraine": "", "actor.nato": "NATO expansion"}},
		// A modifier of the mention.
		{"Brutal Russia shelled the city.", map[string]string{"actor.russia": "Brutal"}},
		// An appositive.
		{"Russia, the aggressor, shelled Kyiv.", map[string]string{"actor.russia": "aggressor"}},
		// A copula's complement.
		{"Russia is brutal.", map[string]string{"actor.russia": "brutal"}},
		// The loaded adverb belongs to the army's clause, not Russia's.
		{"The army attacked Ukraine viciously, and Russia stayed silent.", map[string]string{"actor.russia": "", "actor.ukraine": ""}},
		// The object of France's verb describes the summit, not France.
		{"France declared a breakthrough.", map[string]string{"actor.france": ""}},
		// What the mention possesses; the object of the verb is not
		// described by it.
		{"The West’s hypocrisy angered Russia.", map[string]string{"actor.the_west": "hypocrisy", "actor.russia": ""}},
		// The "of" complement of a loaded noun phrase.
		{"Critics decried the hypocrisy of Western powers.", map[string]string{"actor.the_west": "hypocrisy"}},
		// An actor inside a hyphenated compound is not described by it.
		{"Orbán's allies repeated Kremlin-friendly talking points.", map[string]string{"actor.russia": ""}},
	}
	for _, c := range cases {
		r, err := an.AnalyzeText(c.text)
		if err != nil {
			t.Fatal(err)
		}
		got := descriptorsOf(r)
		for actor, want := range c.want {
			if g := strings.Join(got[actor], "|"); g != want {
				t.Errorf("%q: %s described with %q, want %q", c.text, actor, g, want)
			}
		}
	}
}

// TestActorDescriptorsOnSeeds lists every actor descriptor the seeds get,
// each read in its sentence and found to be about its actor: the verb of
// which the actor is the subject or object, a modifier, what it possesses,
// the noun phrase it is the "of" complement of, or a contested term that
// names it. The known misattributions of issue 12 ("Ukraine described
// with: hides" in 000, "... very" in AP) must stay gone. A new descriptor
// fails the test until someone reads it and adds it here.
func TestActorDescriptorsOnSeeds(t *testing.T) {
	about := map[[3]string]bool{}
	for _, k := range [][3]string{
		// 000: "Europe hides NATO expansion behind Ukraine ‘security guarantees’"
		{"000", "actor.europe", "hides"},
		{"000", "actor.nato", "NATO expansion"},
		// "eager to militarize Eastern Europe" (Eastern Europe is the object)
		{"000", "actor.europe", "militarize"},
		// "another Western maneuver"
		{"000", "actor.the_west", "maneuver"},
		// "the double standards of Western powers"
		{"000", "actor.the_west", "double standards"},
		// "the West’s selectivity"
		{"000", "actor.the_west", "selectivity"},
		// "NATO’s creeping encroachment on its borders"
		{"000", "actor.nato", "creeping"},
		{"000", "actor.nato", "encroachment"},
		// "Israel’s ongoing genocide of Palestinians in Gaza"
		{"000", "actor.palestinians", "genocide"},
		{"000", "actor.palestinians", "genocide of Palestinians"},
		{"000", "actor.israel", "genocide"},
		{"000", "actor.israel", "genocide of Palestinians"},
		// 001: "while Russia is massively attacking Ukraine"
		{"001", "actor.russia", "massively"},
		// "to deter renewed Russian aggression"
		{"001", "actor.russia", "Russian aggression"},
		// "Macron’s Bold Claim"
		{"001", "actor.france", "Bold"},
		// "Orbán’s Kremlin-friendly rhetoric"
		{"001", "actor.hungary", "Kremlin-friendly"},
		{"001", "actor.hungary", "rhetoric"},
		// 002: "Russia’s full-scale invasion of Ukraine"
		{"002", "actor.ukraine", "full-scale invasion"},
		{"002", "actor.russia", "full-scale invasion"},
		// 003: "deter future Russian aggression"
		{"003", "actor.russia", "Russian aggression"},
		// 004: "future Russian aggression"; "Russia’s ongoing invasion"
		{"004", "actor.russia", "Russian aggression"},
		{"004", "actor.russia", "invasion"},
	} {
		about[k] = true
	}
	for _, r := range seedResults(t) {
		id := r.ID
		for actor, ds := range descriptorsOf(r) {
			for _, d := range ds {
				if !about[[3]string{id[:3], actor, d}] {
					t.Errorf("seed %s: %s described with %q, which no one has read as about it", id[:3], actor, d)
				}
			}
		}
		if strings.HasPrefix(id, "000") || strings.HasPrefix(id, "004") {
			for _, d := range descriptorsOf(r)["actor.ukraine"] {
				if d == "hides" || d == "very" {
					t.Errorf("seed %s: Ukraine described with %q", id[:3], d)
				}
			}
		}
	}
}

// TestVeryAsAdjective: "very" before a noun is not an intensifier (AP: "the
// coalition's very existence"); before an adjective it is.
func TestVeryAsAdjective(t *testing.T) {
	an := analyzer(t)
	count := func(s string) int {
		r, err := an.AnalyzeText(s)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range r.Evidence {
			if e.Construct == ConstructIntensifier && strings.EqualFold(e.Text, "very") {
				n++
			}
		}
		return n
	}
	if n := count("Zelenskyy said the coalition's very existence depends on its members."); n != 0 {
		t.Errorf("adjectival very counted %d times", n)
	}
	for _, s := range []string{"The talks were very difficult.", "They ignored the very obvious fact."} {
		if n := count(s); n != 1 {
			t.Errorf("%q: degree very counted %d times, want 1", s, n)
		}
	}
}
