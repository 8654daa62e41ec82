package slantbeam

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
)

func init() {
	beam.RegisterCoder(reflect.TypeOf((*framing.Profile)(nil)), encodeProfile, decodeProfile)
	register.DoFn3x1[context.Context, string, func(string, *framing.Profile), error](&analyzeFn{})
	register.Emitter2[string, *framing.Profile]()
	register.Combiner1[*framing.Profile](&mergeProfilesFn{})
}

// encodeProfile is the Beam coder's encoder for *framing.Profile: the
// profile's own gob encoding, which (unlike JSON) also carries NaN and ±Inf.
func encodeProfile(p *framing.Profile) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("slantbeam: encoding a nil profile")
	}
	return p.MarshalBinary()
}

// decodeProfile is the Beam coder's decoder for *framing.Profile.
func decodeProfile(b []byte) (*framing.Profile, error) {
	p := &framing.Profile{}
	if err := p.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return p, nil
}

// LexiconFile is an extra lexicon carried in the pipeline itself (name and
// YAML content), so workers need no access to the launcher's files.
type LexiconFile struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// Option configures the analysis step.
type Option func(*config)

type config struct {
	groupBy  string
	noPOS    bool
	fields   corpus.Fields
	lexicons []LexiconFile
	weights  *framing.Weights
}

// GroupBy groups articles by field: "outlet" (the default), "id", "title",
// or any other record field (kept in the article's Meta), as
// framing.Profiles does. Articles without the field go to "(none)".
func GroupBy(field string) Option { return func(c *config) { c.groupBy = field } }

// WithoutPOS turns part-of-speech tagging off (see framing.WithoutPOS).
func WithoutPOS() Option { return func(c *config) { c.noPOS = true } }

// WithFields names the record fields, as corpus.RecordOptions.Fields does.
func WithFields(f corpus.Fields) Option { return func(c *config) { c.fields = f } }

// WithLexicons adds lexicons to the embedded defaults (replacing by name), as
// `slant --lexicon` does.
func WithLexicons(files ...LexiconFile) Option {
	return func(c *config) { c.lexicons = append(c.lexicons, files...) }
}

// WithWeights sets the sentence-score weights (see framing.LoadWeights).
func WithWeights(w framing.Weights) Option { return func(c *config) { c.weights = &w } }

// analyzeFn parses one JSON Lines record, analyses it and emits the
// article's group key with a single-article profile. Its exported fields are
// its configuration, serialised into the pipeline; the analyzer is built
// once per worker process in Setup.
type analyzeFn struct {
	GroupBy  string           `json:"group_by"`
	NoPOS    bool             `json:"no_pos"`
	Fields   corpus.Fields    `json:"fields"`
	Lexicons []LexiconFile    `json:"lexicons,omitempty"`
	Weights  *framing.Weights `json:"weights,omitempty"`
	// Fingerprint is the lexicon fingerprint computed when the pipeline was
	// built; Setup refuses to run with lexicons that differ (a worker built
	// from another version of Slant).
	Fingerprint string `json:"fingerprint"`

	an *framing.Analyzer
}

// Counters the analysis step reports.
var (
	articlesCounter = beam.NewCounter("slant", "articles")
	skippedCounter  = beam.NewCounter("slant", "skipped")
	repairedCounter = beam.NewCounter("slant", "repaired_utf8")
)

// newAnalyzeFn builds the DoFn and its analyzer once, to check the
// configuration and record the lexicon fingerprint.
func newAnalyzeFn(opts ...Option) (*analyzeFn, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.groupBy == "" {
		c.groupBy = "outlet"
	}
	fn := &analyzeFn{GroupBy: c.groupBy, NoPOS: c.noPOS, Fields: c.fields, Lexicons: c.lexicons, Weights: c.weights}
	an, err := fn.analyzer()
	if err != nil {
		return nil, err
	}
	fn.Fingerprint = an.Fingerprint()
	return fn, nil
}

// analyzers caches one analyzer per configuration and worker process: Beam
// may build several instances of a DoFn in one process, and an analyzer is
// safe for concurrent use.
var analyzers = struct {
	sync.Mutex
	m map[string]*framing.Analyzer
}{m: map[string]*framing.Analyzer{}}

func (f *analyzeFn) analyzer() (*framing.Analyzer, error) {
	key, err := json.Marshal(struct {
		NoPOS    bool
		Lexicons []LexiconFile
		Weights  *framing.Weights
	}{f.NoPOS, f.Lexicons, f.Weights})
	if err != nil {
		return nil, fmt.Errorf("slantbeam: %w", err)
	}
	analyzers.Lock()
	defer analyzers.Unlock()
	if an, ok := analyzers.m[string(key)]; ok {
		return an, nil
	}
	set, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("slantbeam: %w", err)
	}
	if len(f.Lexicons) > 0 {
		var extra []*lexicon.Lexicon
		for _, lf := range f.Lexicons {
			l, err := lexicon.Parse(lf.Name, lf.Data)
			if err != nil {
				return nil, fmt.Errorf("slantbeam: %w", err)
			}
			extra = append(extra, l)
		}
		if set, err = set.With(extra...); err != nil {
			return nil, fmt.Errorf("slantbeam: %w", err)
		}
	}
	opts := []framing.Option{framing.WithLexicons(set)}
	if f.NoPOS {
		opts = append(opts, framing.WithoutPOS())
	}
	if f.Weights != nil {
		opts = append(opts, framing.WithWeights(*f.Weights))
	}
	an, err := framing.NewAnalyzer(opts...)
	if err != nil {
		return nil, fmt.Errorf("slantbeam: %w", err)
	}
	analyzers.m[string(key)] = an
	return an, nil
}

// Setup builds (or reuses) the worker's analyzer and checks its lexicon
// fingerprint against the one the pipeline was built with.
func (f *analyzeFn) Setup() error {
	an, err := f.analyzer()
	if err != nil {
		return err
	}
	if f.Fingerprint != "" && an.Fingerprint() != f.Fingerprint {
		return fmt.Errorf("slantbeam: the worker's lexicons have fingerprint %.12s, the pipeline was built with %.12s: %w", an.Fingerprint(), f.Fingerprint, framing.ErrIncompatible)
	}
	f.an = an
	return nil
}

// ProcessElement analyses one line. Blank lines yield nothing; a record that
// corpus.JSONL would skip (malformed JSON, no text, binary, bad date, too
// long) is counted and logged, not fatal; an analysis error fails the bundle.
func (f *analyzeFn) ProcessElement(ctx context.Context, line string, emit func(string, *framing.Profile)) error {
	art, err := parseLine(ctx, line, f.Fields)
	if err != nil {
		if s, ok := corpus.AsSkip(err); ok {
			skippedCounter.Inc(ctx, 1)
			log.Warnf(ctx, "slant: record %s skipped: %s", contentID(line), s.Reason)
			return nil
		}
		return err
	}
	if art == nil {
		return nil
	}
	articlesCounter.Inc(ctx, 1)
	repairedCounter.Inc(ctx, int64(art.Repaired))
	r, err := f.an.Analyze(ctx, art)
	if err != nil {
		return fmt.Errorf("slantbeam: analysing %s: %w", art.ID, err)
	}
	key := r.Group(f.GroupBy)
	p := framing.NewProfile(f.GroupBy, key, f.an.Fingerprint())
	if err := p.Add(r); err != nil {
		return err
	}
	emit(key, p)
	return nil
}

// parseLine reads one JSON Lines record with corpus.JSONL, so the field
// mapping, metadata, UTF-8 repair, date parsing and skips are the
// single-machine reader's. It returns (nil, nil) for a blank line.
//
// One difference: corpus.JSONL names a record without an id by its line
// number, which a split, parallel read does not know; such a record is
// named "line-" and 16 hex digits of the SHA-256 of the line instead.
func parseLine(ctx context.Context, line string, fields corpus.Fields) (*corpus.Article, error) {
	for a, err := range corpus.JSONL(ctx, strings.NewReader(line), corpus.RecordOptions{Fields: fields, Name: "record"}) {
		if err != nil {
			return nil, err
		}
		// The reader falls back to the line number, "1" here: check that
		// the record really had that id.
		if a.ID == "1" && !hasID(line, fields) {
			a.ID = contentID(line)
		}
		a.Location = ""
		return a, nil
	}
	return nil, nil
}

// hasID reports whether the record has a non-empty id field, read the way
// corpus.JSONL reads it (a string, or a number or boolean as written).
func hasID(line string, fields corpus.Fields) bool {
	name := fields.ID
	if name == "" {
		name = "id"
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(line), &obj) != nil {
		return false
	}
	raw, ok := obj[name]
	if !ok {
		return false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s != ""
	}
	t := strings.TrimSpace(string(raw))
	return t != "" && t != "null" && t[0] != '{' && t[0] != '['
}

// contentID names a record by its content.
func contentID(line string) string {
	sum := sha256.Sum256([]byte(line))
	return "line-" + hex.EncodeToString(sum[:8])
}

// mergeProfilesFn combines the single-article profiles of one group with
// framing.Profile.Merge. Its accumulator is a *framing.Profile; the empty
// accumulator has no key, so merging it is the identity.
type mergeProfilesFn struct {
	GroupBy  string `json:"group_by"`
	Lexicons string `json:"lexicons"`
}

// CreateAccumulator returns an empty profile with the pipeline's grouping
// field and lexicon fingerprint.
func (f *mergeProfilesFn) CreateAccumulator() *framing.Profile {
	p := framing.NewProfile(f.GroupBy, "", f.Lexicons)
	p.Keys = []string{}
	return p
}

// AddInput merges one single-article profile into the accumulator.
func (f *mergeProfilesFn) AddInput(acc, in *framing.Profile) (*framing.Profile, error) {
	if err := acc.Merge(in); err != nil {
		return nil, err
	}
	return acc, nil
}

// MergeAccumulators merges two partial profiles.
func (f *mergeProfilesFn) MergeAccumulators(a, b *framing.Profile) (*framing.Profile, error) {
	if err := a.Merge(b); err != nil {
		return nil, err
	}
	return a, nil
}

// ExtractOutput returns the merged profile.
func (f *mergeProfilesFn) ExtractOutput(acc *framing.Profile) *framing.Profile { return acc }

// Analyze analyses a PCollection<string> of JSON Lines records and returns a
// PCollection<KV<string, *framing.Profile>>: each article's group key with
// its single-article profile. It fails when the configuration does (a bad
// lexicon).
func Analyze(s beam.Scope, lines beam.PCollection, opts ...Option) (beam.PCollection, error) {
	fn, err := newAnalyzeFn(opts...)
	if err != nil {
		return beam.PCollection{}, err
	}
	return beam.ParDo(s.Scope("slant.Analyze"), fn, lines), nil
}

// Profiles analyses a PCollection<string> of JSON Lines records and returns
// PCollection<KV<string, *framing.Profile>>: one merged profile per group.
func Profiles(s beam.Scope, lines beam.PCollection, opts ...Option) (beam.PCollection, error) {
	fn, err := newAnalyzeFn(opts...)
	if err != nil {
		return beam.PCollection{}, err
	}
	s = s.Scope("slant.Profiles")
	single := beam.ParDo(s, fn, lines)
	return beam.CombinePerKey(s, &mergeProfilesFn{GroupBy: fn.GroupBy, Lexicons: fn.Fingerprint}, single), nil
}
