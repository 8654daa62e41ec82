package evaluate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
)

// Feature sets a model may use (slant train --features).
const (
	// FeaturesCore are the named sentence features (framing.FeatureNames).
	FeaturesCore = "core"
	// FeaturesCategories are one count per lexicon category × voice.
	FeaturesCategories = "categories"
	// FeaturesWords are word stems and stem bigrams (framing.Term).
	FeaturesWords = "words"
)

// FeatureSets lists the feature sets in their canonical order.
var FeatureSets = []string{FeaturesCore, FeaturesCategories, FeaturesWords}

// ParseFeatureSets reads a comma-separated list of feature sets, returned
// in canonical order without repeats.
func ParseFeatureSets(s string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		ok := false
		for _, k := range FeatureSets {
			ok = ok || f == k
		}
		if !ok {
			return nil, fmt.Errorf("unknown feature set %q (want %s)", f, strings.Join(FeatureSets, ", "))
		}
		want[f] = true
	}
	var out []string
	for _, k := range FeatureSets {
		if want[k] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no feature set in %q", s)
	}
	return out, nil
}

// featureSetOf returns the set a feature name belongs to.
func featureSetOf(name string) string {
	switch {
	case strings.HasPrefix(name, framing.CategoryFeaturePrefix):
		return FeaturesCategories
	case strings.HasPrefix(name, framing.WordFeaturePrefix):
		return FeaturesWords
	}
	return FeaturesCore
}

// Analysed holds labelled items analysed once, so that cross-validation
// and repeated fits read cached analyses instead of analysing again.
type Analysed struct {
	Items   []Item
	results []*framing.Result
	// examples maps a term to its first surface form, for readers.
	examples map[string]string
	terms    bool // the analyzer kept terms
}

// Analyse analyses every item once. The analyzer must be built with
// framing.WithTerms for word features.
func Analyse(an *framing.Analyzer, items []Item) (*Analysed, error) {
	a := &Analysed{Items: items, results: make([]*framing.Result, len(items)), examples: map[string]string{}, terms: an.KeepsTerms()}
	for i, it := range items {
		r, err := an.AnalyzeText(strings.ReplaceAll(it.Text, "\n", " "))
		if err != nil {
			return nil, fmt.Errorf("evaluate: item %s: %w", it.ID, err)
		}
		a.results[i] = r
		for _, t := range r.Terms() {
			if _, ok := a.examples[t.Key]; !ok {
				a.examples[t.Key] = strings.ToLower(r.Text[t.Start:t.End])
			}
		}
	}
	return a, nil
}

// Rows returns each item's feature values under mode: its sentences'
// features (framing.Result.SentenceFeatures) summed, except quote_share,
// which is averaged, so that a multi-sentence item is scored as one unit.
func (a *Analysed) Rows(mode framing.QuotesMode) []map[string]float64 {
	out := make([]map[string]float64, len(a.results))
	for i, r := range a.results {
		x := map[string]float64{}
		sents := r.SentenceFeatures(mode)
		for _, s := range sents {
			keys := make([]string, 0, len(s))
			for k := range s {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				x[k] += s[k]
			}
		}
		if n := len(sents); n > 1 && x["quote_share"] != 0 {
			x["quote_share"] /= float64(n)
		}
		out[i] = x
	}
	return out
}

// unigrams returns each item's unigram stems with counts, the bag of words
// of the Naive Bayes baseline: every voice under QuotesCount, the
// reporter's voice only under QuotesDiscount.
func (a *Analysed) unigrams(mode framing.QuotesMode) []map[string]float64 {
	out := make([]map[string]float64, len(a.results))
	for i, r := range a.results {
		x := map[string]float64{}
		for _, t := range r.Terms() {
			if !strings.Contains(t.Key, " ") && mode.Counts(t.Voice) {
				x[t.Key]++
			}
		}
		out[i] = x
	}
	return out
}
