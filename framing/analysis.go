package framing

import "sort"

// Analysis is the document `slant analyze --format json` writes: the
// per-article results with what produced them (lexicon fingerprint,
// weights) and what was read and skipped.
type Analysis struct {
	// Lexicons is the lexicon set's fingerprint.
	Lexicons string `json:"lexicons"`
	// Weights names the sentence-score weights (their Source).
	Weights  string          `json:"weights"`
	Stats    AnalysisStats   `json:"stats"`
	Articles []*Result       `json:"articles"`
	Skipped  []SkippedRecord `json:"skipped"`
}

// AnalysisStats counts the documents of an analysis.
type AnalysisStats struct {
	Read     int `json:"read"`
	Analysed int `json:"analysed"`
	Skipped  int `json:"skipped"`
	Repaired int `json:"repaired_utf8"`
}

// SkippedRecord is a document that was not analysed, and why.
type SkippedRecord struct {
	ID       string `json:"id"`
	Location string `json:"location"`
	Reason   string `json:"reason"`
}

// StrongestEvidence returns at most n pieces of the article's evidence of
// the constructs that keep exemplars (ConstructDef.Exemplars), in the
// reporter's voice and not negated: strongest first, then by position.
func (r *Result) StrongestEvidence(n int) []Evidence {
	var ev []Evidence
	for _, e := range r.Evidence {
		if def, _ := ConstructInfo(e.Construct); def.Exemplars && e.Voice == Reporter && !e.Negated {
			ev = append(ev, e)
		}
	}
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Weight != ev[j].Weight {
			return ev[i].Weight > ev[j].Weight
		}
		return ev[i].Start < ev[j].Start
	})
	if len(ev) > n {
		ev = ev[:n]
	}
	return ev
}
