package evaluate

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/stats"
	"github.com/slantlab/slant/text"
)

// Report is the outcome of Run. JSON keys are the ones slant eval prints.
type Report struct {
	Dataset       string  `json:"dataset"`
	N             int     `json:"n"`
	Skipped       int     `json:"skipped"`
	Positives     int     `json:"positives"`
	AUC           float64 `json:"auc"`
	MacroF1Best   float64 `json:"macro_f1_best"`
	Threshold     float64 `json:"threshold"`
	MacroF1Fixed  float64 `json:"macro_f1_fixed"`
	FixedAt       float64 `json:"fixed_threshold"`
	WordPrecision float64 `json:"word_precision"`
	WordRecall    float64 `json:"word_recall"`
	Weights       string  `json:"weights"`
	// AUCCI and MacroF1FixedCI are stratified percentile bootstrap 95%
	// intervals (Bootstrap replicates resampling the positives and the
	// negatives separately, as pROC's ci.auc does by default).
	AUCCI          [2]float64 `json:"auc_ci95"`
	MacroF1FixedCI [2]float64 `json:"macro_f1_fixed_ci95"`
	Bootstrap      int        `json:"bootstrap"`
	// Brier is the mean squared difference between score and label.
	Brier float64 `json:"brier"`
	// Calibration compares scores with observed rates in ten equal-width
	// score bins (empty bins left out).
	Calibration []CalibrationBin `json:"calibration"`
	// Outlets is set when the items name their outlets.
	Outlets *OutletReport `json:"outlets,omitempty"`
	// Predictions are the per-item answers, in input order.
	Predictions []Prediction `json:"-"`
}

// CalibrationBin is one row of the calibration table: items whose score is
// in [Lo, Hi) (the last bin includes 1).
type CalibrationBin struct {
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
	N         int     `json:"n"`
	MeanScore float64 `json:"mean_score"`
	Observed  float64 `json:"observed_rate"`
}

// OutletReport measures how much of the score's AUC is between outlets.
// Outlet identity alone predicts BABE's labels well (a style confound), so
// an AUC that holds within outlets is stronger evidence than a pooled one.
type OutletReport struct {
	Outlets int `json:"outlets"`
	// WithinAUC is the AUC over positive–negative pairs from the same
	// outlet only: Σ_o U_o / Σ_o n1_o·n0_o.
	WithinAUC float64 `json:"within_outlet_auc"`
	// OutletOnlyAUC scores each item with its outlet's rate of positives:
	// what outlet identity alone achieves (pairs within one outlet tie).
	// It is in-sample, one rate per outlet; leaving the item out instead
	// would rank every outlet's negatives above its positives.
	OutletOnlyAUC float64     `json:"outlet_only_auc"`
	PerOutlet     []OutletAUC `json:"per_outlet"`
}

// OutletAUC is one outlet's AUC (0.5 when it has one class only).
type OutletAUC struct {
	Outlet    string  `json:"outlet"`
	N         int     `json:"n"`
	Positives int     `json:"positives"`
	AUC       float64 `json:"auc"`
}

// Prediction is one item's score and its largest contributions.
type Prediction struct {
	ID            string                 `json:"id"`
	Outlet        string                 `json:"outlet,omitempty"`
	Score         float64                `json:"score"`
	Label         int                    `json:"label"`
	Predicted     int                    `json:"predicted"`
	Contributions []framing.Contribution `json:"contributions"`
}

// Bootstrap replicates for the intervals of Run, and the seed.
const (
	BootstrapReplicates = 1000
	bootstrapSeed       = 1
	// TopContributions is how many contributions a Prediction keeps.
	TopContributions = 5
)

// FlaggedConstructs are the evidence constructs whose words count as
// "flagged" for word-level precision and recall: the rows of
// framing.Constructs marked Flagged.
var FlaggedConstructs = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range framing.Constructs {
		if c.Flagged {
			m[c.Name] = true
		}
	}
	return m
}()

// Scored is one item's features and score.
type Scored struct {
	Features map[string]float64
	Score    float64
	Flagged  map[string]bool // folded words flagged by the analyzer
	// Top are the largest contributions to the score.
	Top []framing.Contribution
}

// Features analyses each item and sums its sentences' features (quote share
// is averaged), so that multi-sentence items score as one unit.
func Features(an *framing.Analyzer, items []Item) ([]Scored, error) {
	out := make([]Scored, len(items))
	for i, it := range items {
		r, err := an.AnalyzeText(strings.ReplaceAll(it.Text, "\n", " "))
		if err != nil {
			return nil, fmt.Errorf("evaluate: item %s: %w", it.ID, err)
		}
		x := map[string]float64{}
		for _, s := range r.Sentences {
			for k, v := range s.Features {
				x[k] += v
			}
		}
		if n := len(r.Sentences); n > 1 {
			x["quote_share"] /= float64(n)
		}
		flagged := map[string]bool{}
		for _, e := range r.Evidence {
			if FlaggedConstructs[e.Construct] && !e.Negated {
				for _, w := range strings.Fields(e.Text) {
					flagged[foldWord(w)] = true
				}
			}
		}
		w := an.Weights()
		contrib := w.Contributions(x)
		if len(contrib) > TopContributions {
			contrib = contrib[:TopContributions]
		}
		out[i] = Scored{Features: x, Score: w.Score(x), Flagged: flagged, Top: contrib}
	}
	return out, nil
}

func foldWord(w string) string {
	return strings.Trim(text.Fold(w), ".,;:!?\"'()[]“”‘’")
}

// Run scores items with the analyzer's weights and compares with labels.
func Run(an *framing.Analyzer, items []Item, dataset string) (Report, error) {
	sc, err := Features(an, items)
	if err != nil {
		return Report{}, err
	}
	w := an.Weights()
	fixed := w.Threshold
	if fixed == 0 {
		fixed = 0.5
	}
	return report(sc, items, dataset, w.Source, fixed), nil
}

func report(sc []Scored, items []Item, dataset, weights string, fixed float64) Report {
	scores := make([]float64, len(sc))
	labels := make([]int, len(sc))
	rep := Report{Dataset: dataset, N: len(items), FixedAt: fixed, Weights: weights}
	var flaggedTotal, flaggedRight, biasedTotal, biasedFound float64
	for i, s := range sc {
		scores[i] = s.Score
		labels[i] = items[i].Label
		rep.Positives += items[i].Label
		biased := map[string]bool{}
		for _, bw := range items[i].BiasedWords {
			for _, w := range strings.Fields(bw) {
				if f := foldWord(w); f != "" {
					biased[f] = true
				}
			}
		}
		for w := range biased {
			biasedTotal++
			if s.Flagged[w] {
				biasedFound++
			}
		}
		for w := range s.Flagged {
			flaggedTotal++
			if biased[w] {
				flaggedRight++
			}
		}
	}
	rep.AUC = round4(AUC(scores, labels))
	t, f := BestThreshold(scores, labels)
	rep.Threshold, rep.MacroF1Best = round4(t), round4(f)
	rep.MacroF1Fixed = round4(MacroF1(scores, labels, rep.FixedAt))
	var posS, negS []float64
	for i, l := range labels {
		if l == 1 {
			posS = append(posS, scores[i])
		} else {
			negS = append(negS, scores[i])
		}
	}
	rep.Bootstrap = BootstrapReplicates
	lo, hi := stats.BootstrapCI(posS, negS, aucXY, BootstrapReplicates, 0.05, bootstrapSeed)
	rep.AUCCI = [2]float64{round4(lo), round4(hi)}
	lo, hi = stats.BootstrapCI(posS, negS, func(x, y []float64) float64 { return macroF1XY(x, y, fixed) }, BootstrapReplicates, 0.05, bootstrapSeed)
	rep.MacroF1FixedCI = [2]float64{round4(lo), round4(hi)}
	rep.Brier = round4(brier(scores, labels))
	rep.Calibration = calibration(scores, labels, 10)
	rep.Outlets = outletReport(scores, labels, items)
	for i, s := range sc {
		p := Prediction{ID: items[i].ID, Outlet: items[i].Outlet, Score: round6(s.Score), Label: labels[i], Contributions: s.Top}
		if s.Score >= fixed {
			p.Predicted = 1
		}
		rep.Predictions = append(rep.Predictions, p)
	}
	if flaggedTotal > 0 {
		rep.WordPrecision = round4(flaggedRight / flaggedTotal)
	}
	if biasedTotal > 0 {
		rep.WordRecall = round4(biasedFound / biasedTotal)
	}
	return rep
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// aucXY is the AUC of positives' scores x against negatives' scores y.
func aucXY(x, y []float64) float64 {
	scores := make([]float64, 0, len(x)+len(y))
	labels := make([]int, 0, len(x)+len(y))
	for _, v := range x {
		scores, labels = append(scores, v), append(labels, 1)
	}
	for _, v := range y {
		scores, labels = append(scores, v), append(labels, 0)
	}
	return AUC(scores, labels)
}

// macroF1XY is the macro-F1 at threshold t of positives' scores x and
// negatives' scores y.
func macroF1XY(x, y []float64, t float64) float64 {
	var tp, fp float64
	for _, v := range x {
		if v >= t {
			tp++
		}
	}
	for _, v := range y {
		if v >= t {
			fp++
		}
	}
	fn, tn := float64(len(x))-tp, float64(len(y))-fp
	f1 := func(tp, fp, fn float64) float64 {
		if tp == 0 {
			return 0
		}
		return 2 * tp / (2*tp + fp + fn)
	}
	return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
}

func brier(scores []float64, labels []int) float64 {
	s := 0.0
	for i, p := range scores {
		d := p - float64(labels[i])
		s += d * d
	}
	return s / float64(len(scores))
}

// calibration bins scores into k equal-width bins over [0, 1].
func calibration(scores []float64, labels []int, k int) []CalibrationBin {
	n := make([]int, k)
	sum := make([]float64, k)
	pos := make([]float64, k)
	for i, p := range scores {
		b := min(int(p*float64(k)), k-1)
		b = max(b, 0)
		n[b]++
		sum[b] += p
		pos[b] += float64(labels[i])
	}
	out := []CalibrationBin{}
	for b := range k {
		if n[b] == 0 {
			continue
		}
		out = append(out, CalibrationBin{Lo: round4(float64(b) / float64(k)), Hi: round4(float64(b+1) / float64(k)), N: n[b],
			MeanScore: round4(sum[b] / float64(n[b])), Observed: round4(pos[b] / float64(n[b]))})
	}
	return out
}

// outletReport computes AUC within outlets and the outlet-only baseline;
// nil when fewer than two items name an outlet.
func outletReport(scores []float64, labels []int, items []Item) *OutletReport {
	byOutlet := map[string][]int{}
	named := 0
	for i, it := range items {
		if it.Outlet != "" {
			byOutlet[it.Outlet] = append(byOutlet[it.Outlet], i)
			named++
		}
	}
	if named < 2 || len(byOutlet) < 2 {
		return nil
	}
	names := make([]string, 0, len(byOutlet))
	for o := range byOutlet {
		names = append(names, o)
	}
	sort.Strings(names)
	rep := &OutletReport{Outlets: len(names)}
	var uSum, pairs float64
	var looS []float64
	var looL []int
	for _, o := range names {
		idx := byOutlet[o]
		var s []float64
		var l []int
		var p int
		for _, i := range idx {
			s, l = append(s, scores[i]), append(l, labels[i])
			p += labels[i]
		}
		auc := AUC(s, l)
		rep.PerOutlet = append(rep.PerOutlet, OutletAUC{Outlet: o, N: len(idx), Positives: p, AUC: round4(auc)})
		if p > 0 && p < len(idx) {
			np := float64(p) * float64(len(idx)-p)
			uSum += auc * np
			pairs += np
		}
		for _, i := range idx {
			looS = append(looS, float64(p)/float64(len(idx)))
			looL = append(looL, labels[i])
		}
	}
	if pairs > 0 {
		rep.WithinAUC = round4(uSum / pairs)
	}
	rep.OutletOnlyAUC = round4(AUC(looS, looL))
	return rep
}
