package coverage

import (
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
)

// TestLogisticByHand: one binary input, x=0: 3 positives 1 negative, x=1:
// 1 positive 3 negatives. The maximum-likelihood fit (λ→0) has
// bias = logit(3/4) = ln 3 and w = logit(1/4) − logit(3/4) = −2 ln 3
// (worked by hand).
func TestLogisticByHand(t *testing.T) {
	var rows []sparseRow
	var y []int
	for _, c := range []struct{ x, y int }{{0, 1}, {0, 1}, {0, 1}, {0, 0}, {1, 1}, {1, 0}, {1, 0}, {1, 0}} {
		rows = append(rows, sparseRow{idx: []int{0}, val: []float64{float64(c.x)}})
		y = append(y, c.y)
	}
	m, err := fitSparseLogistic(rows, y, []int{0, 1, 2, 3, 4, 5, 6, 7}, 1, 1e-12)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.bias-math.Log(3)) > 1e-3 || math.Abs(m.w[0]+2*math.Log(3)) > 1e-3 {
		t.Errorf("bias %v (want %v), w %v (want %v)", m.bias, math.Log(3), m.w[0], -2*math.Log(3))
	}
}

// TestCrossValidatePlanted: a label planted on one feature is recovered
// out of fold; a random label is not (AUC near 0.5). Events group the
// sentences, as folds must.
func TestCrossValidatePlanted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	mk := func(planted bool) []ScoredSentence {
		var sc []ScoredSentence
		for e := 0; e < 40; e++ {
			for k := 0; k < 30; k++ {
				x := rng.Float64()
				label := 0
				if planted && rng.Float64() < x*x {
					label = 1
				} else if !planted && rng.Float64() < 0.3 {
					label = 1
				}
				sc = append(sc, ScoredSentence{LabelledSentence: LabelledSentence{Event: string(rune('A'+e%26)) + string(rune('a'+e/26)), Label: label},
					Features: map[string]float64{FeatUnshared: x, FeatVoice: rng.Float64()}, Framing: map[string]float64{}})
			}
		}
		return sc
	}
	cv, err := CrossValidate(mk(true), TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cv.AUC < 0.75 || len(cv.FoldAUC) != 5 {
		t.Errorf("planted label: CV AUC %v, folds %v", cv.AUC, cv.FoldAUC)
	}
	cv, err = CrossValidate(mk(false), TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cv.AUC > 0.56 || cv.AUC < 0.44 {
		t.Errorf("random label: CV AUC %v should be near 0.5", cv.AUC)
	}
}

func TestReadLabelledErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"text":"a","article_id":"x","event_id":"e","label_informational":2}`, "t.jsonl:1: label_informational 2 is not 0 or 1"},
		{"\n{\"text\":\"a\",\"event_id\":\"e\",\"label_informational\":1}", "t.jsonl:2: missing"},
		{`{"text":`, "t.jsonl:1:"},
		{`{"text":"a","article_id":"x","event_id":"e"}`, `no 0/1 field "label_informational"`},
	} {
		_, err := ReadLabelled(strings.NewReader(c.in), "t.jsonl", EvalFields{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
}

// TestBASILSlice runs the evaluation on the first 15 events of BASIL's
// sentences (a slice, to keep the suite fast). The zero-shot score must
// rank informational-bias sentences above the rest more often than not.
func TestBASILSlice(t *testing.T) {
	path := "../../shared/eval/basil_sentences.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("BASIL evaluation data not present (../shared/eval/basil_sentences.jsonl): skipping")
	}
	all, err := ReadLabelledFile(path, EvalFields{})
	if err != nil {
		t.Fatal(err)
	}
	events := map[string]bool{}
	var items []LabelledSentence
	for _, it := range all {
		if !events[it.Event] && len(events) == 15 {
			continue
		}
		events[it.Event] = true
		items = append(items, it)
	}
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ScoreLabelled(an, items, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(sc)
	if rep.Events != 15 || rep.Sentences != len(items) || rep.Positives == 0 {
		t.Fatalf("report: %+v", rep)
	}
	if rep.ZeroShotAUC <= 0.5 {
		t.Errorf("zero-shot AUC %v on the slice", rep.ZeroShotAUC)
	}
	t.Logf("BASIL slice: %d sentences, zero-shot AUC %.3f", rep.Sentences, rep.ZeroShotAUC)
}
