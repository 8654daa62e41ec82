package framing

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

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
	// Categories weigh the count of a lexicon category's hits in one voice,
	// keyed "<category>@<voice>" (see CategoryKey); Words weigh learned
	// words and phrases (see Term). Both are empty in the defaults.
	Categories map[string]float64 `yaml:"categories,omitempty" json:"categories,omitempty"`
	Words      []WordWeight       `yaml:"words,omitempty" json:"words,omitempty"`
	// Quotes says whether quoted and reported material counts (see
	// QuotesMode); empty means QuotesCount, as in files written before
	// the mode existed.
	Quotes QuotesMode `yaml:"quotes,omitempty" json:"quotes,omitempty"`
	// Source says where the weights come from (defaults, or the training run).
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Threshold is the score above which a sentence is called biased; 0
	// means 0.5. Training sets it on out-of-fold predictions.
	Threshold float64 `yaml:"threshold,omitempty" json:"threshold,omitempty"`
	// Training records how trained weights were chosen.
	Training *TrainingRecord `yaml:"training,omitempty" json:"training,omitempty"`

	words map[string]float64 // Words by term, built by index
}

// FeatureID is a sentence feature's index in Features (and in a
// FeatureVector). IDs are stable within a release; weights files name
// features, never IDs.
type FeatureID int

// Sentence features, in Features order.
const (
	FeatureLoadedReporter FeatureID = iota
	FeatureLoadedQuoted
	FeatureIntensifier
	FeatureStanceAdverb
	FeaturePresupposition
	FeatureInsinuation
	FeatureObligationModal
	FeatureFirstPerson
	FeatureBooster
	FeatureHedge
	FeatureFactive
	FeatureAssertive
	FeatureReportLoaded
	FeatureDoubtMarker
	FeatureVagueSource
	FeatureContested
	FeatureScareQuote
	FeatureRhetoricalQuestion
	FeatureExclamation
	FeatureUnattributedEvaluative
	FeatureQuoteShare
	FeatureAdjective
	FeatureAdverb
	FeatureValence
	// NumFeatures is the number of sentence features.
	NumFeatures
	// NoFeature marks a construct that feeds no sentence feature.
	NoFeature FeatureID = -1
)

// FeatureDef defines one sentence feature: its name (the key in
// SentenceResult.Features and in weights files), what a value means, and
// its default weight. Construct-fed features are computed from the
// construct table (Constructs: the rows whose Feature or OtherVoiceFeature
// is this ID); the others in the analyzer's sentence pass.
type FeatureDef struct {
	ID   FeatureID
	Name string
	// Description says how the value is computed.
	Description string
	// DefaultWeight is the hand-set weight of DefaultWeights.
	DefaultWeight float64
}

// Features is the sentence feature table, indexed by FeatureID.
var Features = [NumFeatures]FeatureDef{
	{FeatureLoadedReporter, "loaded_reporter", "Σ weight of loaded-language hits in the reporter's voice (negated hits excluded)", 1.6},
	{FeatureLoadedQuoted, "loaded_quoted", "Σ weight of loaded-language hits in quotes or reported speech (not counted under QuotesDiscount, the default)", 0},
	{FeatureIntensifier, "intensifier", "Σ weight of intensifiers in the reporter's voice", 1.0},
	{FeatureStanceAdverb, "stance_adverb", "count of stance adverbs (reporter)", 0.8},
	{FeaturePresupposition, "presupposition", "count of presupposition triggers (reporter)", 0.5},
	{FeatureInsinuation, "insinuation", "count of insinuation cues (reporter)", 1.2},
	{FeatureObligationModal, "obligation_modal", "count of obligation modals (reporter)", 0.5},
	{FeatureFirstPerson, "first_person", "count of first-person words (reporter)", 0.6},
	{FeatureBooster, "booster", "count of boosters (reporter)", 0.4},
	{FeatureHedge, "hedge", "count of hedges (reporter)", 0.1},
	{FeatureFactive, "factive", "count of factive verbs (reporter)", 0.2},
	{FeatureAssertive, "assertive", "count of assertive verbs (reporter)", 0.2},
	{FeatureReportLoaded, "report_loaded", "count of loaded reporting verbs", 0.6},
	{FeatureDoubtMarker, "doubt_marker", "count of doubt markers (so-called)", 0.9},
	{FeatureVagueSource, "vague_source", "count of vague-source cues", 0.4},
	{FeatureContested, "contested", "Σ weight of contested terms with a side other than neutral", 0.8},
	{FeatureScareQuote, "scare_quote", "count of scare quotes", 0.8},
	{FeatureRhetoricalQuestion, "rhetorical_question", "1 if the sentence is a question in the reporter's voice", 0.8},
	{FeatureExclamation, "exclamation", "1 if the sentence ends with ! in the reporter's voice", 0.8},
	{FeatureUnattributedEvaluative, "unattributed_evaluative", "1 if evaluative in the reporter's voice and not attributed", 0.8},
	{FeatureQuoteShare, "quote_share", "share of the sentence's words inside direct quotes (not counted under QuotesDiscount, the default)", 0},
	{FeatureAdjective, "adjective", "adjectives in the reporter's voice (from POS tags; 0 without tagging)", 0.1},
	{FeatureAdverb, "adverb", "adverbs in the reporter's voice, negation and time adverbs excluded", 0.3},
	// Set a priori, not fitted: a strong-valence word counts half as much
	// as a curated loaded-language word of the same strength (1.6 / 2), since
	// sentiment is evidence of subjectivity but weaker evidence of bias than
	// a word chosen because it is loaded.
	{FeatureValence, "valence", "Σ weight (|VADER valence|/4) of strong sentiment words in the reporter's voice (negated hits excluded)", 0.8},
}

// FeatureNames lists the sentence features' names in FeatureID order.
var FeatureNames = func() []string {
	out := make([]string, NumFeatures)
	for i, f := range Features {
		if f.ID != FeatureID(i) {
			panic(fmt.Sprintf("framing: Features[%d] has ID %d", i, f.ID))
		}
		out[i] = f.Name
	}
	return out
}()

var featureIndex = func() map[string]FeatureID {
	m := make(map[string]FeatureID, NumFeatures)
	for _, f := range Features {
		m[f.Name] = f.ID
	}
	return m
}()

// FeatureByName returns a feature's ID; ok is false for an unknown name.
func FeatureByName(name string) (FeatureID, bool) {
	id, ok := featureIndex[name]
	return id, ok
}

// String returns the feature's name ("" for NoFeature or an ID out of
// range).
func (id FeatureID) String() string {
	if id < 0 || id >= NumFeatures {
		return ""
	}
	return Features[id].Name
}

// FeatureVector holds one sentence's feature values, indexed by FeatureID.
type FeatureVector [NumFeatures]float64

// Map returns the non-zero values keyed by feature name (the form
// SentenceResult.Features and weights files use).
func (x *FeatureVector) Map() map[string]float64 {
	m := map[string]float64{}
	for i, v := range x {
		if v != 0 {
			m[Features[i].Name] = v
		}
	}
	return m
}

// VectorOf returns the feature vector of a name-keyed map; unknown names
// are an error.
func VectorOf(x map[string]float64) (FeatureVector, error) {
	var v FeatureVector
	for k, val := range x {
		id, ok := featureIndex[k]
		if !ok {
			return v, fmt.Errorf("framing: unknown sentence feature %q", k)
		}
		v[id] = val
	}
	return v, nil
}

// DefaultWeights returns the hand-set weights (FeatureDef.DefaultWeight).
func DefaultWeights() Weights {
	w := Weights{Bias: -2.2, Features: make(map[string]float64, NumFeatures), Quotes: QuotesDiscount, Source: "slant defaults (hand-set, not fitted)"}
	for _, f := range Features {
		w.Features[f.Name] = f.DefaultWeight
	}
	return w
}

// Vector returns the weights indexed by FeatureID (absent features, and
// features that do not count under w.Quotes, weigh 0).
func (w Weights) Vector() FeatureVector {
	var v FeatureVector
	for i, f := range Features {
		if w.Quotes.CountsFeature(f.Name) {
			v[i] = w.Features[f.Name]
		}
	}
	return v
}

// Score returns the sentence score for feature values x: the named
// features (those that count under w.Quotes) in FeatureNames order, then the
// category and word features of x in sorted order, so the sum is the same on
// every run.
func (w Weights) Score(x map[string]float64) float64 {
	z := w.Bias
	for _, c := range w.terms(x) {
		z += c.Contribution
	}
	return 1 / (1 + math.Exp(-z))
}

// terms lists weight × value for every feature of x with a weight, in the
// fixed order Score sums them.
func (w Weights) terms(x map[string]float64) []Contribution {
	var out []Contribution
	for _, f := range FeatureNames {
		if !w.Quotes.CountsFeature(f) {
			continue
		}
		if c := w.Features[f] * x[f]; c != 0 {
			out = append(out, Contribution{Feature: f, Value: x[f], Weight: w.Features[f], Contribution: c})
		}
	}
	if len(w.Categories) == 0 && len(w.Words) == 0 {
		return out
	}
	var learned []string
	for k := range x {
		if strings.HasPrefix(k, CategoryFeaturePrefix) || strings.HasPrefix(k, WordFeaturePrefix) {
			learned = append(learned, k)
		}
	}
	sort.Strings(learned)
	for _, k := range learned {
		if wt := w.Weight(k); wt*x[k] != 0 {
			out = append(out, Contribution{Feature: k, Value: x[k], Weight: wt, Contribution: wt * x[k]})
		}
	}
	return out
}

// Weight returns the weight of a feature by its full name: a named feature,
// "category:<id>@<voice>" or "word:<term>"; 0 when w does not weigh it.
func (w Weights) Weight(feature string) float64 {
	switch {
	case strings.HasPrefix(feature, CategoryFeaturePrefix):
		return w.Categories[strings.TrimPrefix(feature, CategoryFeaturePrefix)]
	case strings.HasPrefix(feature, WordFeaturePrefix):
		v, _ := w.wordWeight(strings.TrimPrefix(feature, WordFeaturePrefix))
		return v
	}
	return w.Features[feature]
}

// wordWeight returns the weight of a learned term.
func (w *Weights) wordWeight(term string) (float64, bool) {
	if w.words != nil {
		v, ok := w.words[term]
		return v, ok
	}
	for _, ww := range w.Words {
		if ww.Term == term {
			return ww.Weight, true
		}
	}
	return 0, false
}

// index builds the lookup of Words; call it once the weights are final.
func (w *Weights) index() {
	if len(w.Words) == 0 {
		w.words = nil
		return
	}
	w.words = make(map[string]float64, len(w.Words))
	for _, ww := range w.Words {
		w.words[ww.Term] = ww.Weight
	}
}

// NonZero counts the non-zero weights (the bias excluded).
func (w Weights) NonZero() int {
	n := 0
	for _, f := range FeatureNames {
		if w.Features[f] != 0 && w.Quotes.CountsFeature(f) {
			n++
		}
	}
	for _, v := range w.Categories {
		if v != 0 {
			n++
		}
	}
	for _, ww := range w.Words {
		if ww.Weight != 0 {
			n++
		}
	}
	return n
}

// scoreVector is Score over vectors: the same sum in the same order.
func scoreVector(bias float64, w, x *FeatureVector) float64 {
	z := bias
	for i := range x {
		z += w[i] * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Contributions returns each feature's share of the linear score,
// largest first, for explanations.
func (w Weights) Contributions(x map[string]float64) []Contribution {
	out := w.terms(x)
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Contribution) > math.Abs(out[j].Contribution) })
	return out
}

// WordWeight is the weight of one learned term: a Snowball stem, or two
// stems joined by a space (a phrase). Example is one surface form seen in
// training, for readers.
type WordWeight struct {
	Term    string  `yaml:"term" json:"term"`
	Example string  `yaml:"example,omitempty" json:"example,omitempty"`
	Weight  float64 `yaml:"weight" json:"weight"`
}

// TrainingRecord records the choices behind trained weights, so a weights
// file says how it was made.
type TrainingRecord struct {
	Command     string     `yaml:"command,omitempty" json:"command,omitempty"`
	Data        string     `yaml:"data" json:"data"`
	Items       int        `yaml:"items" json:"items"`
	Positives   int        `yaml:"positives" json:"positives"`
	Date        string     `yaml:"date" json:"date"`
	FeatureSets []string   `yaml:"feature_sets" json:"feature_sets"`
	Quotes      QuotesMode `yaml:"quotes" json:"quotes"`
	MinDF       int        `yaml:"min_df,omitempty" json:"min_df,omitempty"`
	// Penalty describes the penalty: λ·(α·|w|₁ + (1−α)/2·|w|²) on
	// standardised features.
	Penalty    string  `yaml:"penalty" json:"penalty"`
	Alpha      float64 `yaml:"alpha" json:"alpha"`
	Lambda     float64 `yaml:"lambda" json:"lambda"`
	MaxWeights int     `yaml:"max_weights,omitempty" json:"max_weights,omitempty"`
	NonZero    int     `yaml:"non_zero" json:"non_zero"`
	Folds      int     `yaml:"folds" json:"folds"`
	Seed       uint64  `yaml:"seed" json:"seed"`
	// LambdaRule and ThresholdRule say how λ and the threshold were chosen.
	LambdaRule    string  `yaml:"lambda_rule" json:"lambda_rule"`
	ThresholdRule string  `yaml:"threshold_rule" json:"threshold_rule"`
	CVLogLoss     float64 `yaml:"cv_log_loss" json:"cv_log_loss"`
	CVAUC         float64 `yaml:"cv_auc" json:"cv_auc"`
	CVMacroF1     float64 `yaml:"cv_macro_f1" json:"cv_macro_f1"`
	// BaselineAUC and BaselineMacroF1 are a unigram multinomial Naive
	// Bayes on the same folds, for comparison.
	BaselineAUC     float64 `yaml:"baseline_nb_auc" json:"baseline_nb_auc"`
	BaselineMacroF1 float64 `yaml:"baseline_nb_macro_f1" json:"baseline_nb_macro_f1"`
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
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil && err != io.EOF {
		return Weights{}, fmt.Errorf("framing: %s: %w", path, err)
	}
	def := DefaultWeights()
	for f := range w.Features {
		if _, known := featureIndex[f]; !known {
			return Weights{}, fmt.Errorf("framing: %s: unknown feature %q", path, f)
		}
	}
	if _, err := ParseQuotesMode(string(w.Quotes)); err != nil {
		return Weights{}, fmt.Errorf("framing: %s: %w", path, err)
	}
	for k := range w.Categories {
		if i := strings.LastIndexByte(k, '@'); i <= 0 || !knownVoice(Voice(k[i+1:])) {
			return Weights{}, fmt.Errorf("framing: %s: category weight %q is not <category>@<reporter|quote|reported>", path, k)
		}
	}
	seen := map[string]bool{}
	for _, ww := range w.Words {
		if strings.TrimSpace(ww.Term) == "" || seen[ww.Term] {
			return Weights{}, fmt.Errorf("framing: %s: word weight with an empty or repeated term %q", path, ww.Term)
		}
		seen[ww.Term] = true
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
	w.index()
	return w, nil
}

func knownVoice(v Voice) bool { return v == Reporter || v == Quote || v == Reported }
