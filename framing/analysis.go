package framing

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/slantlab/slant/corpus"
)

// Analysis is the document `slant analyze --format json` writes: the
// per-article results with what produced them (lexicon fingerprint,
// weights) and what was read and skipped.
//
// Saved (slant analyze --format json --out FILE), it is the input of
// compare, profile, report and export with --analysis: the results are
// reused when Check finds the lexicons, weights, tagging and Slant version
// unchanged. Each result carries its text, which every offset points into.
type Analysis struct {
	// Schema is AnalysisSchema.
	Schema int `json:"schema"`
	// Slant is the version of Slant that wrote it.
	Slant string `json:"slant"`
	// Lexicons is the lexicon set's fingerprint.
	Lexicons string `json:"lexicons"`
	// Weights names the sentence-score weights (their Source);
	// WeightsFingerprint identifies their values (Weights.Fingerprint).
	Weights            string `json:"weights"`
	WeightsFingerprint string `json:"weights_fingerprint"`
	// POS says whether parts of speech were tagged.
	POS      bool            `json:"pos"`
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

// AnalysisSchema is the version of the Analysis layout. Reading a saved
// analysis of another schema is an error.
const AnalysisSchema = 1

// Fingerprint is a SHA-256 hash of everything in the weights that changes
// scores (bias, features, learned categories and words, quotes mode,
// threshold), not their Source or training record.
func (w Weights) Fingerprint() string {
	w.Source, w.Training = "", nil
	b, err := json.Marshal(w) // maps marshal with sorted keys
	if err != nil {
		// Weights hold only numbers, strings and maps of them; NaN is
		// refused when they are loaded.
		b = []byte(fmt.Sprint(w))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// POS reports whether the analyzer tags parts of speech (see WithoutPOS).
func (a *Analyzer) POS() bool { return a.pipeline.Tagging() }

// NewAnalysis returns an empty analysis stamped with what an analyzer
// produces results with, and version (the Slant version writing it).
func NewAnalysis(an *Analyzer, version string) *Analysis {
	w := an.Weights()
	return &Analysis{Schema: AnalysisSchema, Slant: version, Lexicons: an.Fingerprint(), Weights: w.Source,
		WeightsFingerprint: w.Fingerprint(), POS: an.POS(), Articles: []*Result{}, Skipped: []SkippedRecord{}}
}

// ErrStale is wrapped by Analysis.Check's error when a saved analysis was
// produced by other lexicons, weights, tagging or Slant version than the
// current analyzer's.
var ErrStale = errors.New("saved analysis does not match the current settings")

// Check compares what produced the saved analysis with an analyzer and the
// running Slant version, and names every difference: results are only
// reused when they are what analysing again would give.
func (x *Analysis) Check(an *Analyzer, version string) error {
	now := NewAnalysis(an, version)
	var diffs []string
	short := func(s string) string {
		if len(s) > 12 {
			return s[:12]
		}
		return s
	}
	if x.Lexicons != now.Lexicons {
		diffs = append(diffs, fmt.Sprintf("lexicon fingerprint %s (saved) vs %s (now)", short(x.Lexicons), short(now.Lexicons)))
	}
	if x.WeightsFingerprint != now.WeightsFingerprint {
		diffs = append(diffs, fmt.Sprintf("weights %q %s (saved) vs %q %s (now)", x.Weights, short(x.WeightsFingerprint), now.Weights, short(now.WeightsFingerprint)))
	}
	if x.POS != now.POS {
		diffs = append(diffs, fmt.Sprintf("part-of-speech tagging %s (saved) vs %s (now)", onOff(x.POS), onOff(now.POS)))
	}
	if x.Slant != now.Slant {
		diffs = append(diffs, fmt.Sprintf("Slant version %q (saved) vs %q (now)", x.Slant, now.Slant))
	}
	if len(diffs) > 0 {
		return fmt.Errorf("framing: %w: %s", ErrStale, strings.Join(diffs, "; "))
	}
	return nil
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// ReadAnalysis decodes a saved analysis (`slant analyze --format json`,
// or the binary format of AnalysisWriter, told apart by its first line).
// name is used in errors. It refuses another schema, results without their
// text (which every offset points into) and offsets outside it.
//
// The articles are decoded in batches on every core (encoding/json is the
// cost of reading a saved analysis), in file order; memory holds the
// results and one batch of raw JSON.
func ReadAnalysis(r io.Reader, name string) (*Analysis, error) {
	x := &Analysis{Schema: -1}
	bad := func(err error) error {
		return fmt.Errorf("framing: %s: not a saved analysis (the JSON of slant analyze --format json): %w", name, err)
	}
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, _ := br.Peek(len(AnalysisBinaryMagic)); string(magic) == AnalysisBinaryMagic {
		ar, err := openBinary(br, name)
		if err != nil {
			return nil, err
		}
		for res, err := range ar.Results() {
			if err != nil {
				return nil, err
			}
			ar.Articles = append(ar.Articles, res)
		}
		return ar.validate(name)
	}
	dec := json.NewDecoder(br)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		if err == nil {
			err = errors.New("want a JSON object")
		}
		return nil, bad(err)
	}
	fields := map[string]any{"schema": &x.Schema, "slant": &x.Slant, "lexicons": &x.Lexicons, "weights": &x.Weights,
		"weights_fingerprint": &x.WeightsFingerprint, "pos": &x.POS, "stats": &x.Stats, "skipped": &x.Skipped}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		key, _ := t.(string)
		if key != "articles" {
			dst, ok := fields[key]
			if !ok {
				dst = new(json.RawMessage) // a field of a later version: skipped
			}
			if err := dec.Decode(dst); err != nil {
				return nil, bad(fmt.Errorf("field %q: %w", key, err))
			}
			continue
		}
		if x.Schema != -1 && x.Schema != AnalysisSchema {
			break // refused below, before decoding every article
		}
		if x.Articles, err = decodeResults(dec); err != nil {
			return nil, bad(err)
		}
	}
	return x.validate(name)
}

// validate checks a decoded analysis: its schema, every result's text,
// offsets and lexicons.
func (x *Analysis) validate(name string) (*Analysis, error) {
	if err := x.checkSchema(name); err != nil {
		return nil, err
	}
	for i, res := range x.Articles {
		if err := x.checkResult(name, i, res); err != nil {
			return nil, err
		}
	}
	if x.Articles == nil {
		x.Articles = []*Result{}
	}
	if x.Skipped == nil {
		x.Skipped = []SkippedRecord{}
	}
	return x, nil
}

func (x *Analysis) checkSchema(name string) error {
	if x.Schema != AnalysisSchema {
		return fmt.Errorf("framing: %s: analysis schema %d, this build reads %d (analyse the corpus again)", name, x.Schema, AnalysisSchema)
	}
	return nil
}

// checkResult checks the i-th (from 0) result of a saved analysis: present,
// with its text, offsets inside it, and the file's lexicons.
func (x *Analysis) checkResult(name string, i int, res *Result) error {
	if res == nil {
		return fmt.Errorf("framing: %s: article %d is null", name, i+1)
	}
	if res.Text == "" && len(res.Sentences) > 0 {
		return fmt.Errorf("framing: %s: article %s has no text", name, res.ID)
	}
	if err := res.checkSpans(); err != nil {
		return fmt.Errorf("framing: %s: article %s: %w", name, res.ID, err)
	}
	if res.Lexicons != x.Lexicons {
		return fmt.Errorf("framing: %s: article %s was analysed with lexicons %.12s, the file says %.12s", name, res.ID, res.Lexicons, x.Lexicons)
	}
	return nil
}

// decodeResults decodes the JSON array of results dec stands before, in
// batches decoded in parallel.
func decodeResults(dec *json.Decoder) ([]*Result, error) {
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		if err == nil {
			err = errors.New(`"articles" is not an array`)
		}
		return nil, err
	}
	const batch = 256
	workers := runtime.GOMAXPROCS(0)
	var out []*Result
	raws := make([]json.RawMessage, 0, batch)
	flush := func() error {
		base := len(out)
		out = append(out, make([]*Result, len(raws))...)
		errs := make([]error, len(raws))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(raws); i += workers {
					if string(raws[i]) == "null" {
						continue
					}
					var r Result
					if err := json.Unmarshal(raws[i], &r); err != nil {
						errs[i] = fmt.Errorf("article %d: %w", base+i+1, err)
						continue
					}
					out[base+i] = &r
				}
			}()
		}
		wg.Wait()
		raws = raws[:0]
		return errors.Join(errs...)
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("article %d: %w", len(out)+len(raws)+1, err)
		}
		if raws = append(raws, raw); len(raws) == batch {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return out, nil
}

// checkSpans verifies that a decoded result's offsets lie inside its text,
// so that a damaged file cannot make later steps slice out of range.
func (r *Result) checkSpans() error {
	n := len(r.Text)
	for i, s := range r.Sentences {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			return fmt.Errorf("sentence %d: span %d:%d outside the text (%d bytes)", i, s.Start, s.End, n)
		}
		for _, ei := range s.Evidence {
			if ei < 0 || ei >= len(r.Evidence) {
				return fmt.Errorf("sentence %d: evidence index %d out of range", i, ei)
			}
		}
	}
	for i, e := range r.Evidence {
		if e.Start < 0 || e.End > n || e.Start > e.End || e.Sentence < 0 || e.Sentence >= max(1, len(r.Sentences)) {
			return fmt.Errorf("evidence %d: span %d:%d or sentence %d out of range", i, e.Start, e.End, e.Sentence)
		}
	}
	for i, q := range r.Quotes {
		if q.Start < 0 || q.End > n || q.Start > q.End {
			return fmt.Errorf("quote %d: span %d:%d outside the text", i, q.Start, q.End)
		}
	}
	return nil
}

// Results returns the saved results in order, for framing.Run's callers
// that take a stream: each is yielded as it was saved.
func (x *Analysis) Results() iter.Seq[*Result] {
	return func(yield func(*Result) bool) {
		for _, r := range x.Articles {
			if !yield(r) {
				return
			}
		}
	}
}

// article is the saved article behind a result, to analyse it again.
func (r *Result) article() *corpus.Article {
	return &corpus.Article{ID: r.ID, Outlet: r.Outlet, Title: r.Title, Published: r.Published, Text: r.Text, Meta: r.Meta}
}

// Corpus returns the saved articles as a corpus (ID, outlet, title, date,
// metadata and text), to analyse them again with other settings.
func (x *Analysis) Corpus() iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for _, r := range x.Articles {
			if !yield(r.article(), nil) {
				return
			}
		}
	}
}
