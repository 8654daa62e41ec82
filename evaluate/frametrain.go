package evaluate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
	"go.yaml.in/yaml/v3"
)

// Trained frames: one transparent linear score per frame over the frame-cue
// categories (cue counts per frame category × voice) and, optionally, words;
// the predicted frame is the one with the highest score. Each frame's
// weights are a one-versus-rest lasso logistic regression (the solver of
// glm.go) on standardised features, λ chosen per frame by cross-validated
// log loss.

// FrameCuePrefix selects the frame-cue categories (frame.generic.* and
// frame.policy.*) among the category features.
const FrameCuePrefix = framing.CategoryFeaturePrefix + "frame."

// FrameTask is the value of FrameWeights.Task.
const FrameTask = "frames"

// FrameWeights are trained per-frame weights (slant train --task frames),
// read by slant eval-frames --weights.
type FrameWeights struct {
	Task string `yaml:"task"`
	// Mapping names the theme → frame mapping the labels went through.
	Mapping string `yaml:"mapping"`
	// Quotes: cues in quotes and reported speech count (count) or not.
	Quotes  framing.QuotesMode  `yaml:"quotes"`
	Classes []FrameClassWeights `yaml:"classes"`
	// Training records how the weights were chosen.
	Training FrameTrainingRecord `yaml:"training"`
}

// FrameClassWeights is one frame's linear score: Bias + Σ weight × count.
type FrameClassWeights struct {
	Frame string  `yaml:"frame"`
	Bias  float64 `yaml:"bias"`
	// Categories are keyed "<category>@<voice>", as in framing.Weights.
	Categories map[string]float64   `yaml:"categories,omitempty"`
	Words      []framing.WordWeight `yaml:"words,omitempty"`
	// Lambda is the penalty chosen for this frame.
	Lambda float64 `yaml:"lambda"`
}

// FrameTrainingRecord records the choices behind trained frame weights.
type FrameTrainingRecord struct {
	Command     string   `yaml:"command,omitempty"`
	Data        string   `yaml:"data"`
	Items       int      `yaml:"items"`
	Date        string   `yaml:"date"`
	FeatureSets []string `yaml:"feature_sets"`
	MinDF       int      `yaml:"min_df,omitempty"`
	Folds       int      `yaml:"folds"`
	Seed        uint64   `yaml:"seed"`
	Penalty     string   `yaml:"penalty"`
	NonZero     int      `yaml:"non_zero"`
	CVAccuracy  float64  `yaml:"cv_accuracy"`
	CVMacroF1   float64  `yaml:"cv_macro_f1"`
	// Majority is the majority-class baseline's accuracy on the same items.
	MajorityAccuracy float64 `yaml:"majority_accuracy"`
}

// FrameTrainReport is the outcome of TrainFrames.
type FrameTrainReport struct {
	N       int      `json:"n"`
	Folds   int      `json:"folds"`
	Classes []string `json:"classes"`
	// CV holds the cross-validated predictions scored like eval-frames
	// (accuracy, macro-F1, per class, the majority baseline).
	CV      FrameReport  `json:"cv"`
	NonZero int          `json:"non_zero"`
	Weights FrameWeights `json:"weights"`
}

// frameFeatures returns each item's frame-cue (and, with words, word)
// feature counts, summed over its sentences, with every voice counted.
func frameFeatures(an *framing.Analyzer, items []FrameItem, words bool) ([]map[string]float64, map[string]string, error) {
	rows := make([]map[string]float64, len(items))
	examples := map[string]string{}
	for i, it := range items {
		s := strings.TrimSpace(it.Title)
		if b := strings.TrimSpace(it.Text); b != "" {
			if s != "" {
				s += "\n"
			}
			s += b
		}
		r, err := an.AnalyzeText(s)
		if err != nil {
			return nil, nil, fmt.Errorf("evaluate: item %s: %w", it.ID, err)
		}
		x := map[string]float64{}
		for _, sf := range r.SentenceFeatures(framing.QuotesCount) {
			keys := make([]string, 0, len(sf))
			for k := range sf {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if strings.HasPrefix(k, FrameCuePrefix) || words && strings.HasPrefix(k, framing.WordFeaturePrefix) {
					x[k] += sf[k]
				}
			}
		}
		for _, t := range r.Terms() {
			if _, ok := examples[t.Key]; !ok {
				examples[t.Key] = strings.ToLower(r.Text[t.Start:t.End])
			}
		}
		rows[i] = x
	}
	return rows, examples, nil
}

// DefaultFrameMinDF is TrainFrames' default minimum document frequency of
// a word (articles are longer than sentences, so a lower floor than
// DefaultMinDF's).
const DefaultFrameMinDF = 5

// TrainFrames fits per-frame weights on frame-labelled items (relevant ones
// only; themes mapped by mapping) and reports k-fold cross-validated
// accuracy and macro-F1 of the argmax. opt.Features is a subset of
// {categories, words} (default categories; core alone means categories;
// words in at least opt.MinDF articles, default DefaultFrameMinDF); words
// need an analyzer built with framing.WithTerms.
func TrainFrames(an *framing.Analyzer, items []FrameItem, mapping *FrameMapping, opt TrainOptions) (FrameTrainReport, error) {
	if len(opt.Features) == 0 {
		opt.Features = []string{FeaturesCategories} // the default for frames: the frame cues
	}
	if opt.MinDF <= 0 {
		opt.MinDF = DefaultFrameMinDF
	}
	opt = opt.withDefaults()
	if mapping == nil {
		return FrameTrainReport{}, errors.New("evaluate: no frame mapping")
	}
	words := false
	for _, f := range opt.Features {
		switch f {
		case FeaturesWords:
			words = true
		case FeaturesCategories:
		case FeaturesCore:
			if len(opt.Features) == 1 {
				opt.Features = []string{FeaturesCategories} // the default: frame cues
			}
		default:
			return FrameTrainReport{}, fmt.Errorf("evaluate: feature set %q does not apply to frames", f)
		}
	}
	if words && !an.KeepsTerms() {
		return FrameTrainReport{}, errors.New("evaluate: word features need an analyzer built with framing.WithTerms")
	}
	var kept []FrameItem
	var gold, gold2 []string
	for _, it := range items {
		if !it.IsRelevant() {
			continue
		}
		g, g2, err := mapping.goldFrames(it)
		if err != nil {
			return FrameTrainReport{}, err
		}
		kept, gold, gold2 = append(kept, it), append(gold, g), append(gold2, g2)
	}
	classSet := map[string]int{}
	for _, g := range gold {
		classSet[g]++
	}
	classes := sortedKeys(classSet)
	if len(classes) < 2 {
		return FrameTrainReport{}, errors.New("evaluate: frame training needs at least two frames among the items")
	}
	for _, c := range classes {
		if classSet[c] < opt.Folds {
			return FrameTrainReport{}, fmt.Errorf("evaluate: frame %s has %d items, fewer than %d folds", c, classSet[c], opt.Folds)
		}
	}
	strRows, examples, err := frameFeatures(an, kept, words)
	if err != nil {
		return FrameTrainReport{}, err
	}
	// Feature index, sorted.
	seen := map[string]bool{}
	var names []string
	for _, r := range strRows {
		for k := range r {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return FrameTrainReport{}, errors.New("evaluate: no frame cues in the items")
	}
	index := map[string]int{}
	isWord := make([]bool, len(names))
	for j, k := range names {
		index[k] = j
		isWord[j] = strings.HasPrefix(k, framing.WordFeaturePrefix)
	}
	rows := make([]map[int]float64, len(strRows))
	for i, r := range strRows {
		rows[i] = map[int]float64{}
		for k, v := range r {
			rows[i][index[k]] = v
		}
	}
	classIdx := map[string]int{}
	for i, c := range classes {
		classIdx[c] = i
	}
	labels := make([]int, len(kept))
	for i, g := range gold {
		labels[i] = classIdx[g]
	}
	fold := folds(labels, opt.Folds, opt.Seed)
	build := func(keep []bool, c int) (*design, []float64) {
		var rr []map[int]float64
		var yy []float64
		for i, k := range keep {
			if k {
				rr = append(rr, rows[i])
				y := 0.0
				if labels[i] == c {
					y = 1
				}
				yy = append(yy, y)
			}
		}
		d := newDesign(rr, len(names))
		for j := range names {
			if isWord[j] && len(d.cols[j].idx) < opt.MinDF {
				d.sd[j] = 0
			}
		}
		return d, yy
	}
	all := make([]bool, len(kept))
	for i := range all {
		all[i] = true
	}
	oof := make([][]float64, len(classes)) // class → item → out-of-fold linear score
	fw := FrameWeights{Task: FrameTask, Mapping: mapping.Name + "@" + mapping.Version, Quotes: framing.QuotesCount}
	nonZeroTotal := 0
	for c := range classes {
		full, yAll := build(all, c)
		lambdas := lambdaPath(lambdaMax(full, yAll, opt.Alpha), opt.LambdaRatio, opt.PathLength)
		byLambda := make([][]float64, len(lambdas))
		for k := range byLambda {
			byLambda[k] = make([]float64, len(kept))
		}
		for f := 0; f < opt.Folds; f++ {
			keep := make([]bool, len(kept))
			for i := range kept {
				keep[i] = fold[i] != f
			}
			d, yy := build(keep, c)
			path := fitPath(d, yy, lambdas, glmOptions{alpha: opt.Alpha})
			for k := range path.lambdas {
				w, b := path.raw(d, k)
				for i := range kept {
					if !keep[i] {
						byLambda[k][i] = predictRaw(w, b, rows[i])
					}
				}
			}
		}
		yl := make([]int, len(kept))
		for i := range kept {
			if labels[i] == c {
				yl[i] = 1
			}
		}
		best := 0
		for k := range lambdas {
			if logLoss(byLambda[k], yl) < logLoss(byLambda[best], yl) {
				best = k
			}
		}
		oof[c] = byLambda[best]
		fullPath := fitPath(full, yAll, lambdas[:best+1], glmOptions{alpha: opt.Alpha})
		w, b := fullPath.raw(full, best)
		cw := FrameClassWeights{Frame: classes[c], Bias: round6(b), Lambda: round6sig(lambdas[best])}
		for j, name := range names {
			v := round6(w[j])
			if v == 0 {
				continue
			}
			nonZeroTotal++
			if t, ok := strings.CutPrefix(name, framing.WordFeaturePrefix); ok {
				cw.Words = append(cw.Words, framing.WordWeight{Term: t, Example: examples[t], Weight: v})
				continue
			}
			if cw.Categories == nil {
				cw.Categories = map[string]float64{}
			}
			cw.Categories[strings.TrimPrefix(name, framing.CategoryFeaturePrefix)] = v
		}
		sort.SliceStable(cw.Words, func(i, j int) bool {
			if cw.Words[i].Weight != cw.Words[j].Weight {
				return cw.Words[i].Weight > cw.Words[j].Weight
			}
			return cw.Words[i].Term < cw.Words[j].Term
		})
		fw.Classes = append(fw.Classes, cw)
	}
	rep := FrameTrainReport{N: len(kept), Folds: opt.Folds, Classes: classes, NonZero: nonZeroTotal}
	rep.CV = FrameReport{Mapping: fw.Mapping, Read: len(items), SkippedIrrelevant: len(items) - len(kept)}
	for i, it := range kept {
		best := 0
		for c := range classes {
			if oof[c][i] > oof[best][i] {
				best = c
			}
		}
		rep.CV.Items = append(rep.CV.Items, FramePrediction{ID: it.ID, Gold: gold[i], Gold2: gold2[i], Predicted: classes[best], Restricted: classes[best], Dominant: classes[best]})
	}
	scoreFrames(&rep.CV)
	fw.Training = FrameTrainingRecord{Command: opt.Command, Data: opt.Data, Items: len(kept), Date: opt.Now().UTC().Format("2006-01-02"),
		FeatureSets: opt.Features, Folds: opt.Folds, Seed: opt.Seed, NonZero: nonZeroTotal,
		Penalty:    fmt.Sprintf("one-versus-rest logistic regression per frame, α=%g (1 = lasso), on standardised counts; λ per frame by %d-fold cross-validated log loss", opt.Alpha, opt.Folds),
		CVAccuracy: rep.CV.Accuracy, CVMacroF1: rep.CV.MacroF1, MajorityAccuracy: rep.CV.Baseline.Accuracy}
	if words {
		fw.Training.MinDF = opt.MinDF
	}
	rep.Weights = fw
	return rep, nil
}

// Predict returns the frame with the highest score for an item's feature
// counts x (keys as framing.Result.SentenceFeatures spells them; ties: the
// first frame by name).
func (fw *FrameWeights) Predict(x map[string]float64) string {
	best, bestZ := "", math.Inf(-1)
	for _, c := range fw.Classes {
		z := c.Bias
		keys := make([]string, 0, len(c.Categories))
		for k := range c.Categories {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			z += c.Categories[k] * x[framing.CategoryFeaturePrefix+k]
		}
		for _, w := range c.Words {
			z += w.Weight * x[framing.WordFeature(w.Term)]
		}
		if z > bestZ || z == bestZ && c.Frame < best {
			best, bestZ = c.Frame, z
		}
	}
	return best
}

// usesWords reports whether any frame weighs words.
func (fw *FrameWeights) usesWords() bool {
	for _, c := range fw.Classes {
		if len(c.Words) > 0 {
			return true
		}
	}
	return false
}

// LoadFrameWeights reads trained frame weights; unknown fields, another
// task or no classes are errors naming the file.
func LoadFrameWeights(path string) (*FrameWeights, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var fw FrameWeights
	if err := dec.Decode(&fw); err != nil && err != io.EOF {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	if fw.Task != FrameTask || len(fw.Classes) == 0 {
		return nil, fmt.Errorf("evaluate: %s: not frame weights (want task: %s and at least one class)", path, FrameTask)
	}
	return &fw, nil
}

// RunFramesTrained scores items with trained frame weights: the predicted
// frame is the argmax of the weights' scores (Predicted and Restricted), and
// Dominant is the analyzer's zero-shot dominant frame, as in RunFrames. The
// analyzer must keep terms (framing.WithTerms) when the weights weigh words.
func RunFramesTrained(an *framing.Analyzer, items []FrameItem, mapping *FrameMapping, fw *FrameWeights) (FrameReport, error) {
	if fw.usesWords() && !an.KeepsTerms() {
		return FrameReport{}, errors.New("evaluate: these frame weights weigh words: build the analyzer with framing.WithTerms")
	}
	rep, err := RunFrames(an, items, mapping)
	if err != nil {
		return FrameReport{}, err
	}
	var kept []FrameItem
	for _, it := range items {
		if it.IsRelevant() {
			kept = append(kept, it)
		}
	}
	rows, _, err := frameFeatures(an, kept, fw.usesWords())
	if err != nil {
		return FrameReport{}, err
	}
	for i := range rep.Items {
		p := fw.Predict(rows[i])
		rep.Items[i].Predicted, rep.Items[i].Restricted = p, p
	}
	rep.Mapping += "; trained weights " + fw.Training.Data
	scoreFrames(&rep)
	return rep, nil
}
