package evaluate

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/slantlab/slant/framing"
)

// TrainOptions configure Train. The zero value trains every feature set
// (core, categories, words) in QuotesDiscount mode, elastic net with
// α = DefaultAlpha, words in at least DefaultMinDF items, at most
// DefaultMaxWeights weights, 5 folds.
type TrainOptions struct {
	// Folds for cross-validation (default 5); Seed fixes the fold
	// assignment (default 1).
	Folds int
	Seed  uint64
	// Features are the feature sets (default DefaultFeatureSets).
	Features []string
	// Quotes says whether quoted and reported material counts (default
	// framing.QuotesDiscount).
	Quotes framing.QuotesMode
	// Alpha mixes the penalties: 1 lasso, 0 ridge, in between the elastic
	// net (default DefaultAlpha, chosen with DefaultMinDF from a small grid
	// on BABE's dev split: see the README).
	Alpha float64
	// MaxWeights caps the non-zero weights (0: DefaultMaxWeights; negative:
	// no cap): λ is chosen among the path's values whose full-data fit has
	// at most this many.
	MaxWeights int
	// MinDF is the minimum number of training items a word term must occur
	// in (default DefaultMinDF).
	MinDF int
	// PathLength is the number of λ values (default 40), from the smallest
	// λ that zeroes every weight down to LambdaRatio of it (default 0.002).
	PathLength  int
	LambdaRatio float64
	// Data and Command are recorded in the weights file.
	Data, Command string
	// Now dates the weights file (default: the current UTC date).
	Now func() time.Time
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Folds <= 1 {
		o.Folds = 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if len(o.Features) == 0 {
		o.Features = append([]string(nil), DefaultFeatureSets...)
	}
	if o.MaxWeights == 0 {
		o.MaxWeights = DefaultMaxWeights
	}
	if o.Quotes == "" {
		o.Quotes = framing.QuotesDiscount
	}
	if o.Alpha <= 0 || o.Alpha > 1 {
		o.Alpha = DefaultAlpha
	}
	if o.MinDF <= 0 {
		o.MinDF = DefaultMinDF
	}
	if o.PathLength < 2 {
		o.PathLength = 40
	}
	if o.LambdaRatio <= 0 || o.LambdaRatio >= 1 {
		o.LambdaRatio = 0.002
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Defaults of TrainOptions (and slant train's flags). DefaultMaxWeights is
// the model size the project's validation targets allow; DefaultAlpha and
// DefaultMinDF were the best of small grids on BABE's dev split at that
// size (see the README), so figures on that file are slightly optimistic.
const (
	DefaultAlpha      = 0.5
	DefaultMinDF      = 12
	DefaultMaxWeights = 300
)

// DefaultFeatureSets are the feature sets slant train uses unless told:
// every set, so that the default model sees the words a bag of words sees.
var DefaultFeatureSets = []string{FeaturesCore, FeaturesCategories, FeaturesWords}

// TrainReport describes a fitted model and how it was chosen.
type TrainReport struct {
	N         int                `json:"n"`
	Positives int                `json:"positives"`
	Folds     int                `json:"folds"`
	Features  []string           `json:"features"`
	Quotes    framing.QuotesMode `json:"quotes"`
	// Candidates is the number of features the model could weigh on the
	// full data (after the minimum document frequency).
	Candidates int `json:"candidates"`
	// Path lists the cross-validated figures per λ.
	Path []LambdaResult `json:"path"`
	// Lambda is the chosen penalty (smallest cross-validated log loss).
	Lambda    float64 `json:"lambda"`
	CVLogLoss float64 `json:"cv_log_loss"`
	CVAUC     float64 `json:"cv_auc"`
	// CVMacroF1 thresholds each fold's out-of-fold scores at the threshold
	// best on the other folds' out-of-fold scores, so no item's prediction
	// uses a threshold chosen on it.
	CVMacroF1 float64 `json:"cv_macro_f1"`
	// Threshold is the best macro-F1 threshold on all out-of-fold scores,
	// stored in the weights.
	Threshold float64 `json:"threshold"`
	NonZero   int     `json:"non_zero"`
	// CapBinding says the chosen λ is the smallest MaxWeights allowed and
	// the next λ of the path (more weights than the cap) has a lower
	// cross-validated log loss: the cap, not the data, set the model's size.
	CapBinding bool `json:"cap_binding"`
	// Baseline is a unigram multinomial Naive Bayes on the same folds,
	// over every word (quoted or not): the bag of words a researcher
	// would otherwise use.
	Baseline BaselineFigures `json:"baseline_naive_bayes"`
	// BaselineSameWords, under QuotesDiscount only, is the same Naive
	// Bayes over the words the model may read (the reporter's voice), so
	// that the cost of discounting quotes and the model's own gain can be
	// told apart. BaselineBeats compares with Baseline, not with this.
	BaselineSameWords *BaselineFigures `json:"baseline_naive_bayes_same_words,omitempty"`
	// Outlets, when the items name outlets, scores the out-of-fold
	// predictions within outlets (see OutletReport).
	Outlets *OutletReport   `json:"outlets,omitempty"`
	Weights framing.Weights `json:"weights"`
}

// BaselineBeats says where the Naive Bayes baseline beats the model on the
// same folds: one entry per figure on which it is strictly higher, e.g.
// "ROC-AUC (Naive Bayes 0.8032, model 0.7490)"; none when the model is at
// least as good on both ROC-AUC and macro-F1. A researcher should not get a
// worse model from slant train than from a bag of words without being told.
func (r TrainReport) BaselineBeats() []string {
	var out []string
	if r.Baseline.AUC > r.CVAUC {
		out = append(out, fmt.Sprintf("ROC-AUC (Naive Bayes %.4f, model %.4f)", r.Baseline.AUC, r.CVAUC))
	}
	if r.Baseline.MacroF1 > r.CVMacroF1 {
		out = append(out, fmt.Sprintf("macro-F1 (Naive Bayes %.4f, model %.4f)", r.Baseline.MacroF1, r.CVMacroF1))
	}
	return out
}

// LambdaResult is the cross-validated figure for one penalty.
type LambdaResult struct {
	Lambda float64 `json:"lambda"`
	// NonZero counts the full-data fit's non-zero weights.
	NonZero int     `json:"non_zero"`
	LogLoss float64 `json:"log_loss"`
	AUC     float64 `json:"auc"`
}

// BaselineFigures are a baseline's cross-validated figures.
type BaselineFigures struct {
	AUC     float64 `json:"auc"`
	MacroF1 float64 `json:"macro_f1"`
	// WithinOutletAUC is the AUC over pairs from the same outlet (0 when
	// the items name no outlets).
	WithinOutletAUC float64 `json:"within_outlet_auc,omitempty"`
}

// folds assigns items to k folds, stratified by label (0, 1, ...): each
// class is shuffled with a generator seeded by seed and dealt round-robin.
func folds(labels []int, k int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	fold := make([]int, len(labels))
	next := 0
	classes := 0
	for _, l := range labels {
		classes = max(classes, l+1)
	}
	for c := range classes {
		var idx []int
		for i, l := range labels {
			if l == c {
				idx = append(idx, i)
			}
		}
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for _, i := range idx {
			fold[i] = next % k
			next++
		}
	}
	return fold
}

// Train fits sparse, named sentence-score weights by penalised logistic
// regression on the analyzer's features of labelled items:
//
//   - the features of opt.Features under opt.Quotes, standardised before the
//     penalty (so the penalty treats a rare word and a frequent count alike);
//   - the lasso or elastic-net path over λ fitted by coordinate descent
//     (see glm.go), λ chosen by the smallest k-fold cross-validated log loss
//     (among the λ whose full-data fit has at most opt.MaxWeights weights);
//   - the threshold chosen on the out-of-fold predictions at that λ;
//   - the weights refitted on all items at that λ and returned on the raw
//     feature scale, each named (feature, category × voice, or word).
//
// The report also gives a unigram multinomial Naive Bayes on the same folds
// (over every word, and under QuotesDiscount over the reporter's words).
// The analyzer must be built with framing.WithTerms when opt.Features
// includes words.
func Train(an *framing.Analyzer, items []Item, opt TrainOptions) (TrainReport, error) {
	opt = opt.withDefaults()
	if _, err := framing.ParseQuotesMode(string(opt.Quotes)); err != nil {
		return TrainReport{}, fmt.Errorf("evaluate: %w", err)
	}
	labels := make([]int, len(items))
	var pos int
	for i, it := range items {
		labels[i] = it.Label
		pos += it.Label
	}
	if pos < opt.Folds || len(items)-pos < opt.Folds {
		return TrainReport{}, fmt.Errorf("evaluate: %d items (%d positive) are too few for %d-fold cross-validation: each class needs at least one item per fold", len(items), pos, opt.Folds)
	}
	a, err := Analyse(an, items)
	if err != nil {
		return TrainReport{}, err
	}
	return a.Train(opt)
}

// Train fits on cached analyses (see the package function Train).
func (a *Analysed) Train(opt TrainOptions) (TrainReport, error) {
	opt = opt.withDefaults()
	items := a.Items
	labels := make([]int, len(items))
	y := make([]float64, len(items))
	pos := 0
	for i, it := range items {
		labels[i], y[i] = it.Label, float64(it.Label)
		pos += it.Label
	}
	if pos < opt.Folds || len(items)-pos < opt.Folds {
		return TrainReport{}, fmt.Errorf("evaluate: %d items (%d positive) are too few for %d-fold cross-validation", len(items), pos, opt.Folds)
	}
	useSet := map[string]bool{}
	for _, f := range opt.Features {
		useSet[f] = true
	}
	if !a.terms {
		return TrainReport{}, errors.New("evaluate: training needs an analyzer built with framing.WithTerms (word features and the Naive Bayes baseline read the terms)")
	}
	// One index over every feature of the chosen sets, in sorted order.
	strRows := a.Rows(opt.Quotes)
	seen := map[string]bool{}
	var names []string
	for _, r := range strRows {
		for k := range r {
			if !seen[k] && useSet[featureSetOf(k)] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	isWord := make([]bool, len(names))
	for j, k := range names {
		index[k] = j
		isWord[j] = featureSetOf(k) == FeaturesWords
	}
	rows := make([]map[int]float64, len(strRows))
	for i, r := range strRows {
		rows[i] = map[int]float64{}
		for k, v := range r {
			if j, ok := index[k]; ok && v != 0 {
				rows[i][j] = v
			}
		}
	}
	build := func(keep []bool) (*design, []float64) {
		var rr []map[int]float64
		var yy []float64
		for i, k := range keep {
			if k {
				rr, yy = append(rr, rows[i]), append(yy, y[i])
			}
		}
		d := newDesign(rr, len(names))
		for j := range names {
			if isWord[j] && len(d.cols[j].idx) < opt.MinDF {
				d.sd[j] = 0 // below the minimum document frequency: not a candidate
			}
		}
		return d, yy
	}

	all := make([]bool, len(items))
	for i := range all {
		all[i] = true
	}
	full, _ := build(all)
	rep := TrainReport{N: len(items), Positives: pos, Folds: opt.Folds, Features: opt.Features, Quotes: opt.Quotes}
	for j := range names {
		if full.sd[j] > 0 {
			rep.Candidates++
		}
	}
	if rep.Candidates == 0 {
		return TrainReport{}, errors.New("evaluate: no feature varies across the items")
	}
	gopt := glmOptions{alpha: opt.Alpha, maxNonZero: opt.MaxWeights}
	lambdas := lambdaPath(lambdaMax(full, y, opt.Alpha), opt.LambdaRatio, opt.PathLength)
	fullPath := fitPath(full, y, lambdas, gopt)
	// λ values allowed: the path up to the last fit within the cap.
	allowed := len(fullPath.lambdas)
	if opt.MaxWeights > 0 {
		allowed = 0
		for k := range fullPath.lambdas {
			if nonZero(fullPath.beta[k]) <= opt.MaxWeights {
				allowed = k + 1
			}
		}
	}
	// When the cap stopped the path, cross-validation also scores the next
	// λ (not eligible) to tell whether the cap, not the data, set the size.
	capCut := allowed < len(lambdas)
	cvLambdas := lambdas[:allowed]
	if capCut {
		cvLambdas = lambdas[:allowed+1]
	}
	lambdas = lambdas[:allowed]

	// Out-of-fold predictions per λ.
	fold := folds(labels, opt.Folds, opt.Seed)
	oof := make([][]float64, len(cvLambdas))
	for k := range oof {
		oof[k] = make([]float64, len(items))
	}
	nbScores := make([]float64, len(items))
	uni := a.unigrams(framing.QuotesCount)
	var nbSame []float64 // Naive Bayes over the words the model may read
	var uniSame []map[string]float64
	if opt.Quotes == framing.QuotesDiscount {
		nbSame, uniSame = make([]float64, len(items)), a.unigrams(opt.Quotes)
	}
	for f := 0; f < opt.Folds; f++ {
		keep := make([]bool, len(items))
		var trDocs []map[string]float64
		var trLabels []int
		for i := range items {
			keep[i] = fold[i] != f
			if keep[i] {
				trDocs, trLabels = append(trDocs, uni[i]), append(trLabels, labels[i])
			}
		}
		d, yy := build(keep)
		path := fitPath(d, yy, cvLambdas, glmOptions{alpha: opt.Alpha})
		for k := range path.lambdas {
			w, b := path.raw(d, k)
			for i := range items {
				if !keep[i] {
					oof[k][i] = predictRaw(w, b, rows[i])
				}
			}
		}
		nb := trainNB(trDocs, trLabels)
		for i := range items {
			if !keep[i] {
				nbScores[i] = nb.posterior(uni[i])
			}
		}
		if nbSame != nil {
			var docs []map[string]float64
			for i := range items {
				if keep[i] {
					docs = append(docs, uniSame[i])
				}
			}
			nb := trainNB(docs, trLabels)
			for i := range items {
				if !keep[i] {
					nbSame[i] = nb.posterior(uniSame[i])
				}
			}
		}
	}
	best := -1
	for k, lambda := range lambdas {
		ll := logLoss(oof[k], labels)
		rep.Path = append(rep.Path, LambdaResult{Lambda: round6sig(lambda), NonZero: nonZero(fullPath.beta[k]), LogLoss: round4(ll), AUC: round4(AUC(oof[k], labels))})
		if best < 0 || ll < logLoss(oof[best], labels) {
			best = k
		}
	}
	rep.Lambda = round6sig(lambdas[best])
	rep.CapBinding = capCut && best == allowed-1 && logLoss(oof[allowed], labels) < logLoss(oof[best], labels)
	rep.CVLogLoss = round4(logLoss(oof[best], labels))
	rep.CVAUC = round4(AUC(oof[best], labels))
	rep.CVMacroF1 = round4(crossThresholdF1(oof[best], labels, fold, opt.Folds))
	rep.Threshold = round6(storedThreshold(oof[best], labels))
	rep.Baseline = BaselineFigures{AUC: round4(AUC(nbScores, labels)), MacroF1: round4(crossThresholdF1(nbScores, labels, fold, opt.Folds))}
	rep.Outlets = outletReport(oof[best], labels, items)
	if o := outletReport(nbScores, labels, items); o != nil {
		rep.Baseline.WithinOutletAUC = o.WithinAUC
	}
	if nbSame != nil {
		rep.BaselineSameWords = &BaselineFigures{AUC: round4(AUC(nbSame, labels)), MacroF1: round4(crossThresholdF1(nbSame, labels, fold, opt.Folds))}
		if o := outletReport(nbSame, labels, items); o != nil {
			rep.BaselineSameWords.WithinOutletAUC = o.WithinAUC
		}
	}

	w, bias := fullPath.raw(full, best)
	weights := framing.Weights{Bias: round6(bias), Features: map[string]float64{}, Quotes: opt.Quotes, Threshold: rep.Threshold}
	for _, f := range framing.FeatureNames {
		weights.Features[f] = 0 // named explicitly, so that loading keeps the zeros
	}
	for j, name := range names {
		if w[j] == 0 {
			continue
		}
		v := round6(w[j])
		if v == 0 {
			continue
		}
		switch featureSetOf(name) {
		case FeaturesCategories:
			if weights.Categories == nil {
				weights.Categories = map[string]float64{}
			}
			weights.Categories[strings.TrimPrefix(name, framing.CategoryFeaturePrefix)] = v
		case FeaturesWords:
			term := strings.TrimPrefix(name, framing.WordFeaturePrefix)
			weights.Words = append(weights.Words, framing.WordWeight{Term: term, Example: a.examples[term], Weight: v})
		default:
			weights.Features[name] = v
		}
	}
	sort.SliceStable(weights.Words, func(i, j int) bool {
		wi, wj := weights.Words[i], weights.Words[j]
		if wi.Weight != wj.Weight {
			return wi.Weight > wj.Weight
		}
		return wi.Term < wj.Term
	})
	rep.NonZero = weights.NonZero()
	penalty := "lasso"
	if opt.Alpha < 1 {
		penalty = "elastic net"
	}
	weights.Training = &framing.TrainingRecord{
		Command: opt.Command, Data: opt.Data, Items: len(items), Positives: pos, Date: opt.Now().UTC().Format("2006-01-02"),
		FeatureSets: opt.Features, Quotes: opt.Quotes, Alpha: opt.Alpha, Lambda: rep.Lambda, MaxWeights: max(opt.MaxWeights, 0),
		Penalty: penalty + ": λ·(α·Σ|w| + (1−α)/2·Σw²) on features standardised to mean 0, variance 1; coordinate descent (glmnet's algorithm)",
		NonZero: rep.NonZero, Folds: opt.Folds, Seed: opt.Seed,
		LambdaRule:    fmt.Sprintf("smallest %d-fold cross-validated log loss over a %d-value path", opt.Folds, opt.PathLength),
		ThresholdRule: "best macro-F1 on the out-of-fold scores at the chosen λ",
		CVLogLoss:     rep.CVLogLoss, CVAUC: rep.CVAUC, CVMacroF1: rep.CVMacroF1,
		BaselineAUC: rep.Baseline.AUC, BaselineMacroF1: rep.Baseline.MacroF1,
	}
	if useSet[FeaturesWords] {
		weights.Training.MinDF = opt.MinDF
	}
	weights.Source = fmt.Sprintf("slant train: %s, %s, quotes %s, λ=%g, %d weights, %d items; %d-fold CV AUC %.4f, macro-F1 %.4f",
		penalty, strings.Join(opt.Features, "+"), opt.Quotes, rep.Lambda, rep.NonZero, len(items), opt.Folds, rep.CVAUC, rep.CVMacroF1)
	if opt.Data != "" {
		weights.Source += "; data " + opt.Data
	}
	rep.Weights = weights
	return rep, nil
}

// storedThreshold is the best macro-F1 threshold on scores, moved down to
// the midpoint between it and the next lower score, so that the same
// predictions hold after rounding and for scores a hair apart.
func storedThreshold(scores []float64, labels []int) float64 {
	t, _ := BestThreshold(scores, labels)
	below := math.Inf(-1)
	for _, s := range scores {
		if s < t && s > below {
			below = s
		}
	}
	if math.IsInf(below, -1) {
		return t
	}
	return (t + below) / 2
}

// crossThresholdF1 is the macro-F1 of out-of-fold scores when each fold is
// thresholded at the threshold storedThreshold picks on the other folds'
// scores.
func crossThresholdF1(scores []float64, labels []int, fold []int, k int) float64 {
	pred := make([]int, len(scores))
	for f := 0; f < k; f++ {
		var s []float64
		var l []int
		for i := range scores {
			if fold[i] != f {
				s, l = append(s, scores[i]), append(l, labels[i])
			}
		}
		t := storedThreshold(s, l)
		for i := range scores {
			if fold[i] == f && scores[i] >= t {
				pred[i] = 1
			}
		}
	}
	return macroF1Preds(pred, labels)
}

// logLoss is the mean negative log-likelihood, probabilities clipped to
// [1e-15, 1 − 1e-15].
func logLoss(p []float64, labels []int) float64 {
	s := 0.0
	for i, v := range p {
		v = min(max(v, 1e-15), 1-1e-15)
		if labels[i] == 1 {
			s -= math.Log(v)
		} else {
			s -= math.Log(1 - v)
		}
	}
	return s / float64(len(p))
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// round6sig rounds to six significant digits (λ can be small).
func round6sig(x float64) float64 {
	if x == 0 {
		return 0
	}
	e := math.Pow(10, 5-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*e) / e
}

func macroF1Preds(pred, labels []int) float64 {
	s := make([]float64, len(pred))
	for i, p := range pred {
		s[i] = float64(p)
	}
	return MacroF1(s, labels, 0.5)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
