package evaluate

import (
	"fmt"
	"math"
	"strings"

	"github.com/slantlab/slant/framing"
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
}

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
		out[i] = Scored{Features: x, Score: an.Weights().Score(x), Flagged: flagged}
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
	if flaggedTotal > 0 {
		rep.WordPrecision = round4(flaggedRight / flaggedTotal)
	}
	if biasedTotal > 0 {
		rep.WordRecall = round4(biasedFound / biasedTotal)
	}
	return rep
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
