package framing

import (
	"fmt"
	"strings"

	"github.com/slantlab/slant/text"
)

// Learned features: besides the named sentence features (FeatureNames), a
// weights file may carry one weight per lexicon category × voice and one per
// word or phrase (a stem, or two adjacent stems). They are linear features
// like the named ones: the sentence score adds weight × count for each, and a
// learned word or phrase is evidence with its span and weight, shown wherever
// lexicon hits are (analyze, kwic, the report).

// QuotesMode says whether material inside direct quotes and reported speech
// counts toward a sentence's score.
type QuotesMode string

// Quotes modes.
const (
	// QuotesCount counts quoted and reported words like the reporter's
	// own. BABE's expert annotators label a sentence biased when it quotes
	// biased words, so a model fitted to their labels in this mode learns
	// to score quotations.
	QuotesCount QuotesMode = "count"
	// QuotesDiscount counts only the reporter's voice: words and lexicon
	// categories inside quotes and reported speech are not features, nor
	// are the named features that measure quoted material
	// (QuotedFeatures). It is the default of the shipped analyzer: what a
	// source says is not the outlet's bias.
	QuotesDiscount QuotesMode = "discount"
)

// QuotedFeatures are the named sentence features that measure quoted
// material; under QuotesDiscount they take no part in the score.
var QuotedFeatures = []string{"loaded_quoted", "quote_share"}

// ParseQuotesMode reads a quotes mode; the empty string means QuotesCount
// (weights files written before the mode existed counted everything).
func ParseQuotesMode(s string) (QuotesMode, error) {
	switch QuotesMode(s) {
	case "", QuotesCount:
		return QuotesCount, nil
	case QuotesDiscount:
		return QuotesDiscount, nil
	}
	return "", fmt.Errorf("quotes mode %q is not %q or %q", s, QuotesCount, QuotesDiscount)
}

// Counts reports whether material in voice v counts under mode m.
func (m QuotesMode) Counts(v Voice) bool { return v == Reporter || m != QuotesDiscount }

// CountsFeature reports whether the named sentence feature f counts under m.
func (m QuotesMode) CountsFeature(f string) bool {
	if m != QuotesDiscount {
		return true
	}
	for _, q := range QuotedFeatures {
		if f == q {
			return false
		}
	}
	return true
}

// Feature-name prefixes of the learned features, as they appear in sentence
// feature maps and contributions.
const (
	CategoryFeaturePrefix = "category:"
	WordFeaturePrefix     = "word:"
)

// LearnedWordCategory is the category of the evidence a learned word or
// phrase produces (its construct is ConstructLearnedWord).
const LearnedWordCategory = "learned.words"

// CategoryFeature names the feature counting hits of a lexicon category in
// voice v: "category:<id>@<voice>". Weights.Categories is keyed by the part
// after the prefix.
func CategoryFeature(category string, v Voice) string {
	return CategoryFeaturePrefix + CategoryKey(category, v)
}

// CategoryKey is the Weights.Categories key of a category in voice v.
func CategoryKey(category string, v Voice) string { return category + "@" + string(v) }

// WordFeature names the feature counting a learned term (see Term).
func WordFeature(term string) string { return WordFeaturePrefix + term }

// Term is one occurrence of a word feature: the Snowball stem of a word
// token, or two stems joined by a space for adjacent word tokens of one
// sentence with nothing but spaces between them.
type Term struct {
	Key        string `json:"key"`
	Start, End int    `json:"-"`
	Sentence   int    `json:"sentence"`
	Voice      Voice  `json:"voice"`
}

// extractTerms lists the unigram and bigram terms of every sentence, in
// text order (a bigram right after its first word). A bigram's voice is the
// reporter's only when both words are.
func extractTerms(doc *text.Document, v *voices, st *text.Stemmer) []Term {
	var out []Term
	for si, s := range doc.Sentences {
		prev := -1
		for i := s.First; i < s.Last; i++ {
			t := doc.Tokens[i]
			if t.Kind != text.Word {
				prev = -1
				continue
			}
			stem := st.Stem(t.Norm)
			out = append(out, Term{Key: stem, Start: t.Start, End: t.End, Sentence: si, Voice: v.tok[i]})
			if prev >= 0 && strings.TrimSpace(doc.Text[doc.Tokens[prev].End:t.Start]) == "" {
				voice := v.tok[prev]
				if voice == Reporter {
					voice = v.tok[i]
				}
				out = append(out, Term{Key: st.Stem(doc.Tokens[prev].Norm) + " " + stem, Start: doc.Tokens[prev].Start, End: t.End, Sentence: si, Voice: voice})
			}
			prev = i
		}
	}
	return out
}

// Terms returns the word terms of every sentence when the analyzer was built
// WithTerms (training reads them); otherwise nil.
func (r *Result) Terms() []Term { return r.terms }

// WithTerms keeps every sentence's word terms in the result (Result.Terms),
// for training word features.
func WithTerms() Option { return func(c *config) { c.terms = true } }

// KeepsTerms reports whether the analyzer was built WithTerms.
func (a *Analyzer) KeepsTerms() bool { return a.terms }

// learnedEvidence appends evidence for every term with a learned weight that
// counts under the weights' quotes mode.
func learnedEvidence(terms []Term, w *Weights, doc *text.Document, r *Result) {
	for _, t := range terms {
		wt, ok := w.wordWeight(t.Key)
		if !ok || !w.Quotes.Counts(t.Voice) {
			continue
		}
		r.Evidence = append(r.Evidence, Evidence{Category: LearnedWordCategory, Construct: ConstructLearnedWord,
			Text: doc.Text[t.Start:t.End], Start: t.Start, End: t.End, Sentence: t.Sentence, Voice: t.Voice, Weight: wt})
	}
}

// SentenceFeatures returns, per sentence of r, the value of every feature a
// model can weigh under mode: the named features, one count per lexicon
// category × voice (non-negated hits), and one count per term when r
// carries terms (WithTerms). Features that do not count under mode are left
// out. The analyzer scores a sentence with exactly these values, restricted
// to the features its weights name.
func (r *Result) SentenceFeatures(mode QuotesMode) []map[string]float64 {
	out := make([]map[string]float64, len(r.Sentences))
	for si, s := range r.Sentences {
		x := map[string]float64{}
		for f, v := range s.Features {
			if mode.CountsFeature(f) && !strings.HasPrefix(f, CategoryFeaturePrefix) && !strings.HasPrefix(f, WordFeaturePrefix) {
				x[f] = v
			}
		}
		out[si] = x
	}
	for _, e := range r.Evidence {
		if e.Construct == ConstructLearnedWord || e.Negated || !mode.Counts(e.Voice) {
			continue
		}
		out[e.Sentence][CategoryFeature(e.Category, e.Voice)]++
	}
	for _, t := range r.terms {
		if mode.Counts(t.Voice) {
			out[t.Sentence][WordFeature(t.Key)]++
		}
	}
	return out
}

// learnedFeatures adds to x (one sentence's named features) the category and
// word features that w weighs, from the sentence's evidence (indices idx
// into ev) and its terms.
func learnedFeatures(x map[string]float64, ev []Evidence, idx []int, terms []Term, w *Weights) {
	if len(w.Categories) > 0 {
		for _, ei := range idx {
			e := ev[ei]
			if e.Construct == ConstructLearnedWord || e.Negated || !w.Quotes.Counts(e.Voice) {
				continue
			}
			if _, ok := w.Categories[CategoryKey(e.Category, e.Voice)]; ok {
				x[CategoryFeature(e.Category, e.Voice)]++
			}
		}
	}
	for _, t := range terms {
		if !w.Quotes.Counts(t.Voice) {
			continue
		}
		if _, ok := w.wordWeight(t.Key); ok {
			x[WordFeature(t.Key)]++
		}
	}
}
