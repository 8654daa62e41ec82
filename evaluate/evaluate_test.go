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

// TestTrainRecoversTheSignal: on the hand-made set the biased sentences
// carry evaluative words in the reporter's voice; the core model separates
// them out of fold and every weight it keeps is positive and on a feature of
// the reporter's evaluation or attribution (loaded language, intensifiers,
// unattributed evaluation, doubt markers, vague sources, presupposition,
// contested terms with a side).
func TestTrainRecoversTheSignal(t *testing.T) {
	an := termsAnalyzer(t)
	var items []Item
	for i := 0; i < 4; i++ {
		items = append(items, handMade...)
	}
	rep, err := Train(an, items, TrainOptions{Folds: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CVAUC < 0.95 || rep.NonZero == 0 {
		t.Fatalf("train: %+v", rep)
	}
	allowed := map[string]bool{"loaded_reporter": true, "intensifier": true, "unattributed_evaluative": true, "doubt_marker": true, "vague_source": true, "presupposition": true, "contested": true}
	for f, w := range rep.Weights.Features {
		if w != 0 && (!allowed[f] || w < 0) {
			t.Errorf("weight %s = %v", f, w)
		}
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

// TestOutletReportHandWorked: outlet A has scores (label) 0.9(1) 0.8(1)
// 0.1(0), outlet B 0.7(0) 0.6(0) 0.2(1). Within A: both positives beat the
// negative (U = 2 of 2 pairs); within B: the positive loses both (U = 0 of
// 2): within-outlet AUC = 2/4 = 0.5. Outlet rates: A 2/3, B 1/3; positives
// {2/3, 2/3, 1/3} against negatives {2/3, 1/3, 1/3}: each 2/3 positive ties
// one negative and beats two (U = 2.5), the 1/3 one loses one and ties two
// (U = 1): 6/9.
func TestOutletReportHandWorked(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.1, 0.7, 0.6, 0.2}
	labels := []int{1, 1, 0, 0, 0, 1}
	items := []Item{{Outlet: "A"}, {Outlet: "A"}, {Outlet: "A"}, {Outlet: "B"}, {Outlet: "B"}, {Outlet: "B"}}
	o := outletReport(scores, labels, items)
	if o == nil || o.Outlets != 2 || o.WithinAUC != 0.5 || o.OutletOnlyAUC != round4(6.0/9) {
		t.Fatalf("outlet report %+v", o)
	}
	if o.PerOutlet[0].AUC != 1 || o.PerOutlet[1].AUC != 0 || o.PerOutlet[0].Positives != 2 {
		t.Fatalf("per outlet %+v", o.PerOutlet)
	}
	if outletReport(scores, labels, make([]Item, 6)) != nil {
		t.Fatal("no outlets: want nil")
	}
}

// TestCalibrationHandWorked: scores 0.05(0) 0.15(1) 0.12(0) 0.95(1) fall in
// bins [0,0.1): 1 item, mean 0.05, observed 0; [0.1,0.2): 2 items, mean
// 0.135, observed 0.5; [0.9,1]: 1 item, 0.95, 1. Brier: (0.0025 + 0.7225 +
// 0.0144 + 0.0025)/4 = 0.185475.
func TestCalibrationHandWorked(t *testing.T) {
	s := []float64{0.05, 0.15, 0.12, 0.95}
	l := []int{0, 1, 0, 1}
	got := calibration(s, l, 10)
	want := []CalibrationBin{{0, 0.1, 1, 0.05, 0}, {0.1, 0.2, 2, 0.135, 0.5}, {0.9, 1, 1, 0.95, 1}}
	if len(got) != len(want) {
		t.Fatalf("bins %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("bin %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if b := brier(s, l); math.Abs(b-0.185475) > 1e-12 {
		t.Errorf("Brier %v", b)
	}
}

// TestRunIntervalsAndPredictions: on the separable hand-made set every
// bootstrap replicate has AUC 1, so the interval is [1, 1]; with the
// planted-word set scored by default weights (no signal), the interval
// contains the point estimate. Predictions list every item with its
// contributions.
func TestRunIntervalsAndPredictions(t *testing.T) {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(an, handMade, "hand")
	if err != nil {
		t.Fatal(err)
	}
	if rep.AUCCI != [2]float64{1, 1} || rep.Bootstrap != BootstrapReplicates {
		t.Fatalf("AUC interval %v", rep.AUCCI)
	}
	if len(rep.Predictions) != len(handMade) || len(rep.Predictions[0].Contributions) == 0 || rep.Predictions[0].Predicted != 1 {
		t.Fatalf("predictions %+v", rep.Predictions)
	}
	rep, err = Run(an, plantedItems(60), "planted")
	if err != nil {
		t.Fatal(err)
	}
	if !(rep.AUCCI[0] <= rep.AUC && rep.AUC <= rep.AUCCI[1]) || !(rep.MacroF1FixedCI[0] <= rep.MacroF1Fixed && rep.MacroF1Fixed <= rep.MacroF1FixedCI[1]) {
		t.Fatalf("intervals do not contain the estimates: %+v", rep)
	}
}

func TestReadLabelField(t *testing.T) {
	in := `{"sid":"a","text":"x","biased":true,"outlet":"O"}
{"sid":"b","text":"y","biased":"0"}
{"sid":"c","text":"z","biased":"yes"}
`
	_, _, err := ReadWith(strings.NewReader(in), "f.jsonl", ReadOptions{LabelField: "biased", IDField: "sid"})
	if err == nil || !strings.Contains(err.Error(), `f.jsonl:3: field "biased"`) {
		t.Fatalf("bad label: %v", err)
	}
	items, _, err := ReadWith(strings.NewReader(in[:strings.LastIndex(in[:len(in)-1], "\n")+1]), "f.jsonl", ReadOptions{LabelField: "biased", IDField: "sid"})
	if err != nil || len(items) != 2 || items[0].Label != 1 || items[0].ID != "a" || items[0].Outlet != "O" || items[1].Label != 0 {
		t.Fatalf("%+v %v", items, err)
	}
	if _, _, err := ReadWith(strings.NewReader(in), "f.jsonl", ReadOptions{}); err == nil || !strings.Contains(err.Error(), `f.jsonl:1: no "label" field`) {
		t.Fatalf("missing label field: %v", err)
	}
}
