package framing

import (
	"time"

	"github.com/slantlab/slant/corpus"
)

// Voice says whose words a span is.
type Voice string

// Voices.
const (
	Reporter Voice = "reporter" // the outlet's own words
	Quote    Voice = "quote"    // inside a direct quotation
	Reported Voice = "reported" // reported speech: the complement of an attribution (X said that ...)
)

// Evidence is one matched span and what it contributed.
type Evidence struct {
	Category  string  `json:"category"`
	Construct string  `json:"construct"`
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Sentence  int     `json:"sentence"`
	Voice     Voice   `json:"voice"`
	Negated   bool    `json:"negated"`
	Weight    float64 `json:"weight"`
	// Intensified is set on a loaded term preceded by an intensifier.
	Intensified bool `json:"intensified,omitempty"`
	// Side is the camp a contested term signals.
	Side string `json:"side,omitempty"`
	// Speaker names who is quoted or reported, for evidence not in the
	// reporter's voice, when it could be found.
	Speaker string `json:"speaker,omitempty"`
}

// QuoteSpan is a direct quotation and its speaker.
type QuoteSpan struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker,omitempty"`
	// SpeakerKind is named, anonymous, vague or unknown.
	SpeakerKind string `json:"speaker_kind"`
	// Scare is true for a short quoted phrase with no speaker: the reporter
	// distancing from a word ("security guarantees").
	Scare bool `json:"scare"`

	speakerStart, speakerEnd int
}

// SentenceResult is the analysis of one sentence.
type SentenceResult struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
	// Kind is paragraph, heading, title or list_item.
	Kind string `json:"kind"`
	// Attributed is true when the sentence attributes its content to a
	// source (a quote, a reporting verb, "according to").
	Attributed bool `json:"attributed"`
	// Evaluative is true when it has loaded language or intensifiers in the
	// reporter's own voice.
	Evaluative bool `json:"evaluative"`
	// Features are the values the score combines (see Weights).
	Features map[string]float64 `json:"features"`
	// Evidence lists indices into Result.Evidence, strongest first.
	Evidence []int `json:"evidence"`
	// Frames maps frame categories cued in the sentence to their weight.
	Frames map[string]float64 `json:"frames"`
}

// FormatPublished writes a publication date as every export writes it:
// the day alone (2025-08-20) when it has no time of day, RFC 3339
// otherwise, "" when unknown.
func FormatPublished(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Equal(t.Truncate(24 * time.Hour)):
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// Result is the analysis of one article.
type Result struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	// Published is the article's publication date (zero when unknown).
	Published time.Time          `json:"published,omitzero"`
	Meta      map[string]string  `json:"meta,omitempty"`
	Tokens    int                `json:"tokens"`
	Words     int                `json:"words"`
	Measures  map[string]float64 `json:"measures"`
	Sentences []SentenceResult   `json:"sentences"`
	Evidence  []Evidence         `json:"evidence"`
	Quotes    []QuoteSpan        `json:"quotes"`
	Frames    Frames             `json:"frames"`
	Actors    []Actor            `json:"actors"`
	Style     Style              `json:"style"`
	Removed   []corpus.Removal   `json:"removed"`
	// Lexicons is the fingerprint of the lexicon set used.
	Lexicons string `json:"lexicons"`
	// Text is the article's original text, which every offset points into.
	// It is saved with the result, so that a saved analysis stands alone.
	Text string `json:"text"`

	categories map[string]string // category ID → label, for actor names
	words      []wordCount       // folded word tokens and their counts, for profile term counts
	terms      []Term            // word terms, kept WithTerms (training)
}

// EvidenceFor returns the evidence behind a measure, strongest first. It
// returns nil for measures that count no spans (tokens, words, shares of
// sentences list their sentences' evidence).
func (r *Result) EvidenceFor(measure string) []Evidence {
	def, ok := measureDefs[measure]
	if !ok || def.evidence == nil {
		return nil
	}
	var out []Evidence
	for _, e := range r.Evidence {
		if def.evidence(e) {
			out = append(out, e)
		}
	}
	sortEvidence(out)
	return out
}
