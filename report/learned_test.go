package report

import (
	"testing"

	"github.com/slantlab/slant/framing"
)

// TestMethodsListTrainedWeights: the methods section lists a trained
// file's category × voice and word weights after the named features.
func TestMethodsListTrainedWeights(t *testing.T) {
	d := *mustSeedData(t)
	w := framing.DefaultWeights()
	w.Categories = map[string]float64{"loaded.pejorative@reporter": 0.7}
	w.Words = []framing.WordWeight{{Term: "radic left", Example: "radical left", Weight: 1.25}}
	d.Weights = w
	mv := methods(&d, 0.05, "x")
	n := len(framing.Features)
	if len(mv.Features) != n+2 {
		t.Fatalf("%d feature rows, want %d", len(mv.Features), n+2)
	}
	if f := mv.Features[n]; f.Name != "category:loaded.pejorative@reporter" || f.Weight != "0.700" {
		t.Errorf("category row %+v", f)
	}
	if f := mv.Features[n+1]; f.Name != "word:radic left" || f.Weight != "1.250" || f.Description != `learned word or phrase (stems), e.g. "radical left" (trained)` {
		t.Errorf("word row %+v", f)
	}
}
