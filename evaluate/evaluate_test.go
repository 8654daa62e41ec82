package evaluate

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
)

func TestAUCHandWorked(t *testing.T) {
	// Positives 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4)=1, (0.9>0.1)=1,
	// (0.4=0.4)=0.5, (0.4>0.1)=1 → 3.5/4.
	if got := AUC([]float64{0.9, 0.4, 0.4, 0.1}, []int{1, 1, 0, 0}); got != 0.875 {
		t.Fatalf("AUC = %v, want 0.875", got)
	}
	if got := AUC([]float64{1, 2}, []int{1, 1}); got != 0.5 {
		t.Fatalf("one class: %v", got)
	}
}

func TestMacroF1HandWorked(t *testing.T) {
	// threshold 0.5: predictions 1,1,0,0 vs labels 1,0,1,0 → tp=1 fp=1 fn=1 tn=1:
	// F1(pos)=2/4, F1(neg)=2/4 → 0.5.
	s := []float64{0.9, 0.6, 0.3, 0.1}
	l := []int{1, 0, 1, 0}
	if got := MacroF1(s, l, 0.5); got != 0.5 {
		t.Fatalf("macro-F1 %v", got)
	}
	// Best threshold 0.3: predictions 1,1,1,0 → tp=2 fp=1 fn=0 tn=1: F1+ = 4/5,
	// F1− = 2/3 → 0.7333.
	th, f := BestThreshold(s, l)
	if th != 0.3 || math.Abs(f-(0.8+2.0/3)/2) > 1e-12 {
		t.Fatalf("best %v %v", th, f)
	}
}

func TestRead(t *testing.T) {
	items, skips, err := Read(strings.NewReader(`{"text":"a","label":1,"biased_words":["x"]}`+"\n"+`{"text":"","label":0}`+"\n"), "d.jsonl")
	if err != nil || len(items) != 1 || len(skips) != 1 || !strings.Contains(skips[0], "d.jsonl:2") {
		t.Fatalf("%v %v %v", items, skips, err)
	}
	if _, _, err := Read(strings.NewReader(`{"text":"a","label":3}`), "d.jsonl"); err == nil || !strings.Contains(err.Error(), "d.jsonl:1: field \"label\": label 3") {
		t.Fatalf("bad label: %v", err)
	}
}

// handMade is labelled data with a known answer: biased sentences carry loaded
// words in the reporter's voice, neutral ones do not.
var handMade = []Item{
	{Text: "The regime's shameful puppet parliament rammed through the draconian law.", Label: 1, BiasedWords: []string{"shameful", "puppet", "draconian"}},
	{Text: "Critics say the despicable scheme is a sham.", Label: 1, BiasedWords: []string{"despicable", "sham"}},
	{Text: "The glaring hypocrisy of the elites is staggering.", Label: 1, BiasedWords: []string{"glaring", "hypocrisy", "staggering"}},
	{Text: "Once again, the radical mob stormed the streets.", Label: 1, BiasedWords: []string{"radical", "mob"}},
	{Text: "The parliament passed the law on Tuesday by 210 votes to 90.", Label: 0},
	{Text: "Officials said the talks would resume in March.", Label: 0},
	{Text: "The company reported revenue of $2 billion for the quarter.", Label: 0},
	{Text: "The bridge will close for repairs next week, the city said.", Label: 0},
	{Text: "The cowardly regime unleashed a brutal crackdown.", Label: 1, BiasedWords: []string{"cowardly", "brutal"}},
	{Text: "The minister met her counterpart in Berlin.", Label: 0},
}

func TestRunKnownAnswer(t *testing.T) {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(an, handMade, "hand")
	if err != nil {
		t.Fatal(err)
	}
	if rep.AUC != 1 || rep.MacroF1Best != 1 || rep.N != 10 || rep.Positives != 5 {
		t.Fatalf("report %+v", rep)
	}
	// Every annotated word is flagged; the analyzer also flags words the
	// annotation above leaves out (regime, scheme, elites, crackdown,
	// unleashed, rammed through: 8 of the 20 flagged words), so precision is 12/20.
	if rep.WordRecall != 1 || rep.WordPrecision != 0.6 {
		t.Fatalf("word precision %v recall %v", rep.WordPrecision, rep.WordRecall)
	}
}

func TestTrainRecoversTheSignal(t *testing.T) {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var items []Item
	for i := 0; i < 4; i++ {
		items = append(items, handMade...)
	}
	rep, err := Train(an, items, TrainOptions{Folds: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Weights.Features["loaded_reporter"] <= 0 || rep.CVMacroF1 < 0.9 {
		t.Fatalf("train: %+v", rep)
	}
	if _, err := Train(an, handMade[:3], TrainOptions{}); err == nil {
		t.Fatal("too few items must be an error")
	}
}

// TestBABEDev checks the zero-shot figures on the BABE dev split when the
// shared evaluation data is present. The floors sit just under the figures
// measured when this test was written (README), so a regression fails.
func TestBABEDev(t *testing.T) {
	const path = "../../shared/eval/babe_dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/eval/babe_dev.jsonl absent: skipping the BABE evaluation")
	}
	items, _, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	an, err := framing.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(an, items, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("BABE dev: %+v", rep)
	if rep.N != 2551 || rep.AUC < 0.74 || rep.MacroF1Best < 0.68 || rep.WordRecall < 0.33 {
		t.Fatalf("BABE dev below the recorded figures: %+v", rep)
	}
}
