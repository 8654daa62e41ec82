package evaluate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
	"go.yaml.in/yaml/v3"
)

// threeFrames maps three invented themes onto three codebook frames.
const threeFrames = `name: three
version: "1"
references:
  - {id: r, citation: "Hand-made test mapping"}
themes:
  - {theme: Money, frame: economic, justification: "articles about costs, budgets and wages"}
  - {theme: Votes, frame: political, justification: "articles about elections, parties and Congress"}
  - {theme: Polls, frame: public_opinion, justification: "articles about polls, surveys and public support"}
`

// plantedFrames: each article carries cue words of its frame (from
// frames.yaml) and shared filler, so the trained weights must put each
// frame's own cue category first.
func plantedFrames(n int) []FrameItem {
	cues := map[string][]string{
		"Money": {"the budget", "the cost", "wages", "the spending"},
		"Votes": {"the election", "Congress", "lawmakers", "the campaign"},
		"Polls": {"a poll", "the survey", "public support", "voters"},
	}
	themes := []string{"Money", "Votes", "Polls"}
	var items []FrameItem
	for i := range n {
		th := themes[i%3]
		c := cues[th]
		items = append(items, FrameItem{ID: fmt.Sprint(i), Title: "Town report " + fmt.Sprint(i),
			Text:   fmt.Sprintf("Residents talked about %s and %s after the meeting on day %d. The shooting was discussed.", c[i%4], c[(i+1)%4], i),
			Theme1: th})
	}
	return items
}

func TestTrainFramesPlanted(t *testing.T) {
	m, err := ParseFrameMapping([]byte(threeFrames), "three.yaml")
	if err != nil {
		t.Fatal(err)
	}
	items := plantedFrames(60)
	an := termsAnalyzer(t)
	rep, err := TrainFrames(an, items, m, TrainOptions{Features: []string{FeaturesCategories}, Data: "planted"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CV.Accuracy != 1 || rep.CV.MacroF1 != 1 || rep.CV.Baseline.Accuracy > 0.34 {
		t.Fatalf("CV accuracy %v macro-F1 %v baseline %v", rep.CV.Accuracy, rep.CV.MacroF1, rep.CV.Baseline.Accuracy)
	}
	// Each frame's largest weight is on a cue category of that frame
	// (policy or generic family).
	for _, c := range rep.Weights.Classes {
		top, topW := "", 0.0
		for k, v := range c.Categories {
			if v > topW || v == topW && k < top {
				top, topW = k, v
			}
		}
		if !strings.Contains(top, c.Frame) {
			t.Errorf("%s: largest weight on %s (%v): %v", c.Frame, top, topW, c.Categories)
		}
	}
	// Round trip through YAML and eval-frames' scorer.
	data, _ := yaml.Marshal(rep.Weights)
	path := filepath.Join(t.TempDir(), "frames.yaml")
	os.WriteFile(path, data, 0o644)
	fw, err := LoadFrameWeights(path)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := RunFramesTrained(an, items, m, fw)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Accuracy != 1 {
		t.Fatalf("trained scorer accuracy %v", ev.Accuracy)
	}
	if _, err := LoadFrameWeights(writeTemp(t, "bias: 1\n")); err == nil {
		t.Error("sentence weights accepted as frame weights")
	}
	if _, err := TrainFrames(an, items[:6], m, TrainOptions{}); err == nil {
		t.Error("two items per frame for five folds must be an error")
	}
	noTerms, _ := framing.NewAnalyzer(framing.WithoutPOS())
	if _, err := TrainFrames(noTerms, items, m, TrainOptions{Features: []string{FeaturesWords}}); err == nil {
		t.Error("words without terms must be an error")
	}
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTrainFramesGVFC: on a slice of the Gun Violence Frame Corpus, trained
// frame weights beat the majority baseline out of fold (the full-file
// figures are in the README).
func TestTrainFramesGVFC(t *testing.T) {
	const path = "../../shared/eval/gvfc_multimodal_articles.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/eval/gvfc_multimodal_articles.jsonl absent: skipping the GVFC frame training")
	}
	items, err := ReadFrameItems(path)
	if err != nil {
		t.Fatal(err)
	}
	items = items[:400]
	m, _ := GVFCMapping()
	rep, err := TrainFrames(termsAnalyzer(t), items, m, TrainOptions{Features: []string{FeaturesCategories}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GVFC slice: CV accuracy %v macro-F1 %v, majority %v", rep.CV.Accuracy, rep.CV.MacroF1, rep.CV.Baseline.Accuracy)
	if rep.CV.Accuracy <= rep.CV.Baseline.Accuracy+0.1 {
		t.Fatalf("CV accuracy %v not above the majority baseline %v", rep.CV.Accuracy, rep.CV.Baseline.Accuracy)
	}
}
