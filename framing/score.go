package framing

import (
	"fmt"
	"math"
	"os"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Weights combine a sentence's features into its bias score:
//
//	score = 1 / (1 + exp(-(Bias + Σ_f Features[f] · x_f)))
//
// where x_f is the sentence's value of feature f (see FeatureNames). The
// score is in (0, 1). The default weights are set by hand from the
// literature's expectations (loaded words and editorial markers in the
// reporter's own voice raise the score; quoted and attributed material
// raises it little), not fitted to labelled data; `slant train` fits them on
// a user's labelled sentences.
type Weights struct {
	Bias     float64            `yaml:"bias" json:"bias"`
	Features map[string]float64 `yaml:"features" json:"features"`
	// Source says where the weights come from (defaults, or the training run).
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Threshold is the score above which a sentence is called biased; 0
	// means 0.5. Training sets it to the best threshold on its data.
	Threshold float64 `yaml:"threshold,omitempty" json:"threshold,omitempty"`
}

// FeatureNames lists the sentence features, in a fixed order.
var FeatureNames = []string{
	"loaded_reporter",         // Σ weight of loaded-language hits in the reporter's voice (negated hits excluded)
	"loaded_quoted",           // Σ weight of loaded-language hits in quotes or reported speech
	"intensifier",             // Σ weight of intensifiers in the reporter's voice
	"stance_adverb",           // count of stance adverbs (reporter)
	"presupposition",          // count of presupposition triggers (reporter)
	"insinuation",             // count of insinuation cues (reporter)
	"obligation_modal",        // count of obligation modals (reporter)
	"first_person",            // count of first-person words (reporter)
	"booster",                 // count of boosters (reporter)
	"hedge",                   // count of hedges (reporter)
	"factive",                 // count of factive verbs (reporter)
	"assertive",               // count of assertive verbs (reporter)
	"report_loaded",           // count of loaded reporting verbs
	"doubt_marker",            // count of doubt markers (so-called)
	"vague_source",            // count of vague-source cues
	"contested",               // Σ weight of contested terms with a side other than neutral
	"scare_quote",             // count of scare quotes
	"rhetorical_question",     // 1 if the sentence is a question in the reporter's voice
	"exclamation",             // 1 if the sentence ends with ! in the reporter's voice
	"unattributed_evaluative", // 1 if evaluative in the reporter's voice and not attributed
	"quote_share",             // share of the sentence's words inside direct quotes
	"adjective",               // adjectives in the reporter's voice (from POS tags; 0 without tagging)
	"adverb",                  // adverbs in the reporter's voice, negation and time adverbs excluded
}

// DefaultWeights returns the hand-set weights.
func DefaultWeights() Weights {
	return Weights{
		Bias: -2.2,
		Features: map[string]float64{
			"loaded_reporter": 1.6, "loaded_quoted": 0.5, "intensifier": 1.0,
			"stance_adverb": 0.8, "presupposition": 0.5, "insinuation": 1.2, "obligation_modal": 0.5,
			"first_person": 0.6, "booster": 0.4, "hedge": 0.1, "factive": 0.2, "assertive": 0.2,
			"report_loaded": 0.6, "doubt_marker": 0.9, "vague_source": 0.4, "contested": 0.8,
			"scare_quote": 0.8, "rhetorical_question": 0.8, "exclamation": 0.8,
			"unattributed_evaluative": 0.8, "quote_share": -0.4, "adjective": 0.1, "adverb": 0.3,
		},
		Source: "slant defaults (hand-set, not fitted)",
	}
}

// Score returns the sentence score for feature values x.
func (w Weights) Score(x map[string]float64) float64 {
	z := w.Bias
	for _, f := range FeatureNames {
		z += w.Features[f] * x[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Contributions returns each feature's share of the linear score,
// largest first, for explanations.
func (w Weights) Contributions(x map[string]float64) []Contribution {
	var out []Contribution
	for _, f := range FeatureNames {
		if c := w.Features[f] * x[f]; c != 0 {
			out = append(out, Contribution{Feature: f, Value: x[f], Weight: w.Features[f], Contribution: c})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Contribution) > math.Abs(out[j].Contribution) })
	return out
}

// Contribution is one feature's part in a sentence score.
type Contribution struct {
	Feature      string  `json:"feature"`
	Value        float64 `json:"value"`
	Weight       float64 `json:"weight"`
	Contribution float64 `json:"contribution"`
}

// LoadWeights reads weights from a YAML file (as written by slant train).
// Unknown features are an error naming the file; missing ones keep their
// default.
func LoadWeights(path string) (Weights, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Weights{}, fmt.Errorf("framing: %w", err)
	}
	if err := checkWeightNumbers(path, data); err != nil {
		return Weights{}, err
	}
	var w Weights
	if err := yaml.Unmarshal(data, &w); err != nil {
		return Weights{}, fmt.Errorf("framing: %s: %w", path, err)
	}
	def := DefaultWeights()
	known := map[string]bool{}
	for _, f := range FeatureNames {
		known[f] = true
	}
	for f := range w.Features {
		if !known[f] {
			return Weights{}, fmt.Errorf("framing: %s: unknown feature %q", path, f)
		}
	}
	for f, v := range def.Features {
		if _, ok := w.Features[f]; !ok {
			if w.Features == nil {
				w.Features = map[string]float64{}
			}
			w.Features[f] = v
		}
	}
	if w.Source == "" {
		w.Source = path
	}
	return w, nil
}
