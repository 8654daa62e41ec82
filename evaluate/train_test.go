package evaluate

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
	"go.yaml.in/yaml/v3"
)

// TestLogisticClosedForm: with one binary feature and no penalty, logistic
// regression reproduces the 2×2 table: bias = logit P(y=1|x=0) and
// weight = the log odds ratio. x=0: 10 positives, 30 negatives (logit
// −log 3); x=1: 30 positives, 10 negatives (logit log 3): weight 2·log 3.
func TestLogisticClosedForm(t *testing.T) {
	var rows []map[int]float64
	var y []float64
	add := func(x float64, label float64, n int) {
		for range n {
			r := map[int]float64{}
			if x != 0 {
				r[0] = x
			}
			rows, y = append(rows, r), append(y, label)
		}
	}
	add(0, 1, 10)
	add(0, 0, 30)
	add(1, 1, 30)
	add(1, 0, 10)
	d := newDesign(rows, 1)
	if math.Abs(d.mean[0]-0.5) > 1e-12 || math.Abs(d.sd[0]-0.5) > 1e-12 {
		t.Fatalf("standardisation: mean %v sd %v, want 0.5 0.5", d.mean[0], d.sd[0])
	}
	p := fitPath(d, y, []float64{0}, glmOptions{alpha: 1, tol: 1e-14})
	w, b := p.raw(d, 0)
	if math.Abs(w[0]-2*math.Log(3)) > 1e-6 || math.Abs(b+math.Log(3)) > 1e-6 {
		t.Fatalf("weight %v bias %v, want %v %v", w[0], b, 2*math.Log(3), -math.Log(3))
	}
}

// kkt checks the optimality conditions of the elastic-net logistic
// objective in standardised units (Friedman et al. 2010, eq. 2 and §3):
// with g_j = (1/n) Σ_i x̃_ij (y_i − p_i), a zero β_j has |g_j| ≤ λα and a
// non-zero one g_j = λα·sign(β_j) + λ(1−α)β_j; the intercept has Σ(y − p) = 0.
func kkt(t *testing.T, d *design, y []float64, b0 float64, beta []float64, lambda, alpha float64) {
	t.Helper()
	n := float64(d.n)
	eta := make([]float64, d.n)
	for i := range eta {
		eta[i] = b0
	}
	for j, col := range d.cols {
		if beta[j] == 0 {
			continue
		}
		// dense x̃: the mean part applies to every row.
		for i := range eta {
			eta[i] -= beta[j] * d.mean[j] / d.sd[j]
		}
		for k, i := range col.idx {
			eta[i] += beta[j] * col.val[k] / d.sd[j]
		}
	}
	res := make([]float64, d.n)
	var g0 float64
	for i := range res {
		res[i] = y[i] - sigmoid(eta[i])
		g0 += res[i]
	}
	if math.Abs(g0/n) > 1e-4 {
		t.Errorf("intercept score %v, want 0", g0/n)
	}
	for j, col := range d.cols {
		if d.sd[j] == 0 {
			continue
		}
		var sumRes, g float64
		for _, r := range res {
			sumRes += r
		}
		for k, i := range col.idx {
			g += col.val[k] * res[i]
		}
		g = (g - d.mean[j]*sumRes) / d.sd[j] / n
		if beta[j] == 0 {
			if math.Abs(g) > lambda*alpha+1e-4 {
				t.Errorf("β_%d = 0 but |g| = %v > λα = %v", j, math.Abs(g), lambda*alpha)
			}
			continue
		}
		want := lambda*alpha*math.Copysign(1, beta[j]) + lambda*(1-alpha)*beta[j]
		if math.Abs(g-want) > 1e-4 {
			t.Errorf("β_%d = %v: g = %v, want %v", j, beta[j], g, want)
		}
	}
}

// simulated draws n rows of p features (counts 0..3, sparse) and labels from
// a logistic model with planted weights on the first three features.
func simulated(n, p int, seed uint64) ([]map[int]float64, []float64) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	planted := []float64{1.5, -1.0, 0.8}
	rows := make([]map[int]float64, n)
	y := make([]float64, n)
	for i := range rows {
		rows[i] = map[int]float64{}
		z := -0.3
		for j := range p {
			if rng.Float64() < 0.3 {
				v := float64(1 + rng.IntN(3))
				rows[i][j] = v
				if j < len(planted) {
					z += planted[j] * v
				}
			}
		}
		if rng.Float64() < sigmoid(z) {
			y[i] = 1
		}
	}
	return rows, y
}

func TestElasticNetKKT(t *testing.T) {
	rows, y := simulated(400, 12, 7)
	d := newDesign(rows, 12)
	for _, alpha := range []float64{1, 0.5} {
		lmax := lambdaMax(d, y, alpha)
		lambdas := lambdaPath(lmax, 0.01, 20)
		p := fitPath(d, y, lambdas, glmOptions{alpha: alpha, tol: 1e-12})
		if nz := nonZero(p.beta[0]); nz != 0 {
			t.Errorf("α=%v: %d non-zero weights at λ_max, want 0", alpha, nz)
		}
		for _, k := range []int{5, 12, 19} {
			kkt(t, d, y, p.b0[k], p.beta[k], p.lambdas[k], alpha)
		}
		// The planted features enter first and keep their signs.
		last := p.beta[len(p.beta)-1]
		if last[0] <= 0 || last[1] >= 0 || last[2] <= 0 {
			t.Errorf("α=%v: planted signs lost: %v", alpha, last[:3])
		}
	}
}

// TestStandardisationScaleFree: multiplying a feature by 1000 changes its
// raw weight by 1/1000 and nothing else, because the penalty applies to
// standardised features.
func TestStandardisationScaleFree(t *testing.T) {
	rows, y := simulated(300, 6, 3)
	scaled := make([]map[int]float64, len(rows))
	for i, r := range rows {
		scaled[i] = map[int]float64{}
		for j, v := range r {
			if j == 0 {
				v *= 1000
			}
			scaled[i][j] = v
		}
	}
	d1, d2 := newDesign(rows, 6), newDesign(scaled, 6)
	lambdas := lambdaPath(lambdaMax(d1, y, 1), 0.05, 10)
	p1 := fitPath(d1, y, lambdas, glmOptions{alpha: 1, tol: 1e-14})
	p2 := fitPath(d2, y, lambdas, glmOptions{alpha: 1, tol: 1e-14})
	w1, b1 := p1.raw(d1, 9)
	w2, b2 := p2.raw(d2, 9)
	if math.Abs(w1[0]-1000*w2[0]) > 1e-6 || math.Abs(b1-b2) > 1e-6 {
		t.Fatalf("weights %v vs %v×1000, bias %v vs %v", w1[0], w2[0], b1, b2)
	}
	for i := range rows {
		if a, b := predictRaw(w1, b1, rows[i]), predictRaw(w2, b2, scaled[i]); math.Abs(a-b) > 1e-9 {
			t.Fatalf("row %d: %v vs %v", i, a, b)
		}
	}
}

// TestNaiveBayesHandWorked: docs d1 (biased) {a:2, b:1}, d2 (not) {b:2, c:1};
// V = 3, both classes 3 tokens: θ(a|1) = 3/6, θ(b|1) = 2/6, θ(c|1) = 1/6;
// θ(a|0) = 1/6, θ(b|0) = 3/6, θ(c|0) = 2/6; priors ½. P(1|{a}) = 3/(3+1)
// = 0.75; P(1|{b,c}) = (2·1)/(2·1 + 3·2) = 0.25; an unseen word leaves ½.
func TestNaiveBayesHandWorked(t *testing.T) {
	nb := trainNB([]map[string]float64{{"a": 2, "b": 1}, {"b": 2, "c": 1}}, []int{1, 0})
	for _, tc := range []struct {
		d    map[string]float64
		want float64
	}{{map[string]float64{"a": 1}, 0.75}, {map[string]float64{"b": 1, "c": 1}, 0.25}, {map[string]float64{"zzz": 4}, 0.5}} {
		if got := nb.posterior(tc.d); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("P(1|%v) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

// TestCrossThresholdHandWorked: two folds. Fold 0 scores (label): 0.9(1)
// 0.6(1) 0.5(0) 0.1(0); fold 1: 0.8(1) 0.4(1) 0.7(0) 0.3(0). On fold 1,
// thresholds 0.4 (tp 2, fp 1, tn 1: F1+ 4/5, F1− 2/3) and 0.8 tie at 0.7333,
// the lowest wins: 0.4, stored as the midpoint 0.35 down to the next score,
// applied to fold 0 → tp 2, fp 1, fn 0, tn 1. Fold 0's best is 0.6
// (perfect), stored as 0.55, applied to fold 1 → tp 1, fp 1, fn 1, tn 1.
// Pooled: tp 3, fp 2, fn 1, tn 2: F1+ = 6/9, F1− = 4/7.
func TestCrossThresholdHandWorked(t *testing.T) {
	scores := []float64{0.9, 0.6, 0.5, 0.1, 0.8, 0.4, 0.7, 0.3}
	labels := []int{1, 1, 0, 0, 1, 1, 0, 0}
	fold := []int{0, 0, 0, 0, 1, 1, 1, 1}
	want := (2.0/3 + 4.0/7) / 2
	if got := crossThresholdF1(scores, labels, fold, 2); math.Abs(got-want) > 1e-12 {
		t.Fatalf("cross-threshold macro-F1 %v, want %v", got, want)
	}
}

// plantedItems: the label is 1 exactly when the sentence contains the
// invented word "zorblat"; everything else is shared filler.
func plantedItems(n int) []Item {
	subjects := []string{"The council", "The ministry", "A committee", "The mayor", "Officials", "The agency", "The board", "Lawmakers"}
	verbs := []string{"discussed", "reviewed", "approved", "examined", "delayed", "debated"}
	objects := []string{"the budget", "a new road plan", "the school report", "water prices", "the housing bill", "a transport study"}
	var items []Item
	for i := range n {
		s := fmt.Sprintf("%s %s %s on %s.", subjects[i%len(subjects)], verbs[(i/3)%len(verbs)], objects[(i/7)%len(objects)], []string{"Monday", "Tuesday", "Friday"}[i%3])
		label := 0
		if i%2 == 1 {
			s = fmt.Sprintf("%s %s the zorblat %s on %s.", subjects[i%len(subjects)], verbs[(i/3)%len(verbs)], objects[(i/7)%len(objects)], []string{"Monday", "Tuesday", "Friday"}[i%3])
			label = 1
		}
		items = append(items, Item{ID: fmt.Sprint(i), Text: s, Label: label})
	}
	return items
}

func termsAnalyzer(t *testing.T, opts ...framing.Option) *framing.Analyzer {
	t.Helper()
	an, err := framing.NewAnalyzer(append([]framing.Option{framing.WithoutPOS(), framing.WithTerms()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// TestTrainPlantedWord: a planted word that determines the label gets the
// largest weight, cross-validated AUC is 1, the weights file round-trips,
// and the analyzer scoring with it shows the word as evidence and
// separates the classes.
func TestTrainPlantedWord(t *testing.T) {
	items := plantedItems(80)
	an := termsAnalyzer(t)
	rep, err := Train(an, items, TrainOptions{Features: []string{FeaturesCore, FeaturesCategories, FeaturesWords}, MaxWeights: 5, Data: "planted"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CVAUC != 1 || rep.CVMacroF1 != 1 || rep.Baseline.AUC != 1 {
		t.Fatalf("CV AUC %v macro-F1 %v NB AUC %v, want 1", rep.CVAUC, rep.CVMacroF1, rep.Baseline.AUC)
	}
	// "zorblat" and "the zorblat" always occur together: the lasso keeps
	// one of them.
	if rep.NonZero > 5 || len(rep.Weights.Words) == 0 || !strings.Contains(rep.Weights.Words[0].Term, "zorblat") || rep.Weights.Words[0].Weight <= 0 {
		t.Fatalf("weights %+v", rep.Weights)
	}
	if tr := rep.Weights.Training; tr == nil || tr.Data != "planted" || tr.Quotes != framing.QuotesDiscount || tr.NonZero != rep.NonZero || tr.Lambda != rep.Lambda {
		t.Fatalf("training record %+v", rep.Weights.Training)
	}
	data, err := yaml.Marshal(rep.Weights)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "w.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := framing.LoadWeights(path)
	if err != nil {
		t.Fatal(err)
	}
	scorer, err := framing.NewAnalyzer(framing.WithoutPOS(), framing.WithWeights(w))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Run(scorer, items, "planted")
	if err != nil {
		t.Fatal(err)
	}
	if ev.AUC != 1 || ev.MacroF1Fixed != 1 {
		t.Fatalf("scoring with the trained file: AUC %v, macro-F1 at the stored threshold %v", ev.AUC, ev.MacroF1Fixed)
	}
	r, err := scorer.AnalyzeText("The board approved the zorblat budget.")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range r.Evidence {
		if e.Construct == framing.ConstructLearnedWord && strings.Contains(e.Text, "zorblat") && e.Weight == rep.Weights.Words[0].Weight {
			found = true
		}
	}
	if !found {
		t.Fatalf("no learned-word evidence for zorblat: %+v", r.Evidence)
	}
}

// TestTrainDeterministic: the weights file is byte-identical run to run
// (apart from the date, fixed here).
func TestTrainDeterministic(t *testing.T) {
	items := plantedItems(40)
	an := termsAnalyzer(t)
	var prev []byte
	for range 2 {
		rep, err := Train(an, items, TrainOptions{Features: []string{FeaturesCore, FeaturesWords}, Folds: 4})
		if err != nil {
			t.Fatal(err)
		}
		rep.Weights.Training.Date = ""
		data, _ := yaml.Marshal(rep.Weights)
		if prev != nil && !bytes.Equal(prev, data) {
			t.Fatalf("weights differ between runs:\n%s\n%s", prev, data)
		}
		prev = data
	}
}

func TestTrainRejects(t *testing.T) {
	items := plantedItems(40)
	if _, err := Train(termsAnalyzer(t), items[:6], TrainOptions{}); err == nil {
		t.Error("6 items for 5 folds must be an error")
	}
	an, _ := framing.NewAnalyzer(framing.WithoutPOS())
	if _, err := Train(an, items, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "WithTerms") {
		t.Errorf("an analyzer without terms must be an error naming WithTerms: %v", err)
	}
	if _, err := ParseFeatureSets("core,bogus"); err == nil {
		t.Error("unknown feature set accepted")
	}
	if got, err := ParseFeatureSets("words, core"); err != nil || len(got) != 2 || got[0] != FeaturesCore {
		t.Errorf("ParseFeatureSets: %v %v", got, err)
	}
}

// wordsOnlyItems: plantedItems where the label lives in a word the lexicons
// do not know ("zorblat"), while a loaded word the lexicons do know
// ("shocking") occurs in half the sentences of each class, so the named
// sentence features carry no information about the label.
func wordsOnlyItems(n int) []Item {
	items := plantedItems(n)
	for i := range items {
		if i%4 == 0 || i%4 == 3 { // even i are label 0, odd i label 1
			items[i].Text = "In a shocking turn, " + strings.ToLower(items[i].Text[:1]) + items[i].Text[1:]
		}
	}
	return items
}

// TestBaselineBeatsHandMade: on a set whose label is carried by a word the
// lexicons do not know, the core features alone cannot beat the bag of
// words, and the report says so; the default feature sets include words and
// are not beaten.
func TestBaselineBeatsHandMade(t *testing.T) {
	items := wordsOnlyItems(80)
	a, err := Analyse(termsAnalyzer(t), items)
	if err != nil {
		t.Fatal(err)
	}
	core, err := a.Train(TrainOptions{Features: []string{FeaturesCore}})
	if err != nil {
		t.Fatal(err)
	}
	if core.Baseline.AUC != 1 || core.CVAUC > 0.7 {
		t.Fatalf("core only: AUC %v (Naive Bayes %v); want the core features uninformative and Naive Bayes perfect", core.CVAUC, core.Baseline.AUC)
	}
	beats := core.BaselineBeats()
	if len(beats) != 2 || !strings.HasPrefix(beats[0], "ROC-AUC (Naive Bayes 1.0000") || !strings.HasPrefix(beats[1], "macro-F1") {
		t.Fatalf("core only: BaselineBeats %q, want ROC-AUC and macro-F1", beats)
	}
	def, err := a.Train(TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if def.CVAUC != 1 || def.CVMacroF1 != 1 || len(def.BaselineBeats()) != 0 {
		t.Fatalf("default features %v: AUC %v macro-F1 %v, BaselineBeats %q; want a perfect model not beaten by Naive Bayes", def.Features, def.CVAUC, def.CVMacroF1, def.BaselineBeats())
	}
	if len(def.Features) != 3 || def.Weights.Training.MaxWeights != DefaultMaxWeights || def.Weights.Training.MinDF != DefaultMinDF {
		t.Fatalf("default options recorded as %+v", def.Weights.Training)
	}
}

// TestBaselineBeatsRule: ties are not a win; each figure is judged alone.
func TestBaselineBeatsRule(t *testing.T) {
	r := TrainReport{CVAUC: 0.8, CVMacroF1: 0.7, Baseline: BaselineFigures{AUC: 0.8, MacroF1: 0.7}}
	if b := r.BaselineBeats(); len(b) != 0 {
		t.Fatalf("tie reported as a win: %q", b)
	}
	r.Baseline.MacroF1 = 0.71
	if b := r.BaselineBeats(); len(b) != 1 || b[0] != "macro-F1 (Naive Bayes 0.7100, model 0.7000)" {
		t.Fatalf("BaselineBeats %q", b)
	}
}

// TestTrainBABEDevDefault: on BABE's dev split (when present), the default
// model (every feature set, at most 300 weights, quotes discounted) beats
// the core features alone and the unigram Naive Bayes on the same folds on
// ROC-AUC, and the Naive Bayes over the same words (the reporter's voice) on
// both ROC-AUC and macro-F1. Macro-F1 against the Naive Bayes over every
// word is logged: the default model is below it there (see the README's
// "Trained models"). On the first 300 sentences the default model beats
// Naive Bayes on both figures.
func TestTrainBABEDevDefault(t *testing.T) {
	const path = "../../shared/eval/babe_dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/eval/babe_dev.jsonl absent: skipping the BABE training check")
	}
	items, _, err := ReadFileWith(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	an, err := framing.NewAnalyzer(framing.WithTerms()) // as slant train builds it
	if err != nil {
		t.Fatal(err)
	}
	a, err := Analyse(an, items)
	if err != nil {
		t.Fatal(err)
	}
	def, err := a.Train(TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	core, err := a.Train(TrainOptions{Features: []string{FeaturesCore}, MaxWeights: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("default: AUC %.4f macro-F1 %.4f, %d weights; core: AUC %.4f macro-F1 %.4f; Naive Bayes: AUC %.4f macro-F1 %.4f",
		def.CVAUC, def.CVMacroF1, def.NonZero, core.CVAUC, core.CVMacroF1, def.Baseline.AUC, def.Baseline.MacroF1)
	if def.NonZero > DefaultMaxWeights {
		t.Errorf("%d weights, cap %d", def.NonZero, DefaultMaxWeights)
	}
	if def.CVAUC <= def.Baseline.AUC || def.CVAUC < core.CVAUC+0.03 {
		t.Errorf("default model AUC %.4f: want above Naive Bayes on the same folds (%.4f) and well above core features alone (%.4f)", def.CVAUC, def.Baseline.AUC, core.CVAUC)
	}
	if s := def.BaselineSameWords; s == nil || def.CVAUC <= s.AUC || def.CVMacroF1 <= s.MacroF1 {
		t.Errorf("default model AUC %.4f, macro-F1 %.4f: want above Naive Bayes over the reporter's words %+v", def.CVAUC, def.CVMacroF1, s)
	}
	// With few labels the prior knowledge in the named features and the
	// lexicon categories beats the bag of words on both figures.
	small, err := Analyse(an, items[:300])
	if err != nil {
		t.Fatal(err)
	}
	few, err := small.Train(TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first 300: AUC %.4f macro-F1 %.4f; Naive Bayes AUC %.4f macro-F1 %.4f", few.CVAUC, few.CVMacroF1, few.Baseline.AUC, few.Baseline.MacroF1)
	if len(few.BaselineBeats()) > 0 {
		t.Errorf("on the first 300 sentences Naive Bayes beats the default model: %q", few.BaselineBeats())
	}
}

// quotedLabelItems: the label lives only inside a direct quote ("zorblat"
// is quoted in the positives), while the reporter's words are the same
// filler in both classes.
func quotedLabelItems(n int) []Item {
	subjects := []string{"the mayor", "a minister", "the chair", "an official", "the spokesman"}
	things := []string{"road", "water", "school", "housing"}
	var items []Item
	for i := range n {
		word, label := things[(i/2)%len(things)], 0
		if i%2 == 1 {
			word, label = "zorblat", 1
		}
		s := fmt.Sprintf("\"The %s plan is ready for a vote,\" %s said on day %d.", word, subjects[i%len(subjects)], i)
		items = append(items, Item{ID: fmt.Sprint(i), Text: s, Label: label})
	}
	return items
}

// TestBaselineSameWordsQuotedLabel: when the label is carried by a quoted
// word, discounting quotes leaves the model (and a Naive Bayes over the
// reporter's words) at chance, while the bag of words over every word is
// perfect: the report gives both baselines and BaselineBeats compares with
// the bag of words over every word. Counting quotes, the model learns the
// word and there is no second baseline.
func TestBaselineSameWordsQuotedLabel(t *testing.T) {
	a, err := Analyse(termsAnalyzer(t), quotedLabelItems(60))
	if err != nil {
		t.Fatal(err)
	}
	disc, err := a.Train(TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	same := disc.BaselineSameWords
	if same == nil || disc.Baseline.AUC != 1 || same.AUC > 0.7 || disc.CVAUC > 0.7 {
		t.Fatalf("discount: model AUC %v, Naive Bayes %v, on the reporter's words %+v; want 1 for all words and chance for the rest", disc.CVAUC, disc.Baseline.AUC, same)
	}
	if b := disc.BaselineBeats(); len(b) != 2 {
		t.Fatalf("discount: BaselineBeats %q, want ROC-AUC and macro-F1", b)
	}
	count, err := a.Train(TrainOptions{Quotes: framing.QuotesCount})
	if err != nil {
		t.Fatal(err)
	}
	if count.BaselineSameWords != nil || count.CVAUC != 1 || len(count.BaselineBeats()) != 0 {
		t.Fatalf("count: AUC %v, same-words baseline %+v, BaselineBeats %q", count.CVAUC, count.BaselineSameWords, count.BaselineBeats())
	}
}

// TestCapBinding: positives carry one of two invented words, so the model
// needs both; capped at one weight, the cap stops the path where
// cross-validation still improves, and the report says so (a fine λ path,
// so that the one weight kept is not the dust of its first step).
// Uncapped it does not.
func TestCapBinding(t *testing.T) {
	items := plantedItems(80)
	for i := range items {
		if i%4 == 3 {
			items[i].Text = strings.Replace(items[i].Text, "zorblat", "quindle", 1)
		}
	}
	a, err := Analyse(termsAnalyzer(t), items)
	if err != nil {
		t.Fatal(err)
	}
	capped, err := a.Train(TrainOptions{Features: []string{FeaturesWords}, MaxWeights: 1, PathLength: 200})
	if err != nil {
		t.Fatal(err)
	}
	if !capped.CapBinding || capped.NonZero != 1 || capped.CVAUC >= 1 {
		t.Fatalf("capped at 1: CapBinding %v, %d weights, AUC %v", capped.CapBinding, capped.NonZero, capped.CVAUC)
	}
	free, err := a.Train(TrainOptions{Features: []string{FeaturesWords}, MaxWeights: -1})
	if err != nil {
		t.Fatal(err)
	}
	if free.CapBinding || free.CVAUC != 1 || free.Weights.Training.MaxWeights != 0 {
		t.Fatalf("uncapped: CapBinding %v, AUC %v, recorded cap %d", free.CapBinding, free.CVAUC, free.Weights.Training.MaxWeights)
	}
}
