package framing

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// Analyzer analyses articles. Build it once with NewAnalyzer; it is safe for
// concurrent use.
type Analyzer struct {
	pipeline *text.Pipeline
	matcher  *lexicon.Matcher
	cleaner  corpus.Cleaner
	weights  Weights
	wvec     FeatureVector // weights by FeatureID
	finger   string
	labels   map[string]string // category ID → label
	terms    bool              // keep word terms in results (WithTerms)
	pools    pools             // per-document memory reused across articles
}

type config struct {
	set      *lexicon.Set
	pos      bool
	weights  *Weights
	cleaner  corpus.Cleaner
	pipeline *text.Pipeline
	terms    bool
}

// Option configures an Analyzer.
type Option func(*config)

// WithLexicons analyses with set instead of the embedded default lexicons.
func WithLexicons(set *lexicon.Set) Option { return func(c *config) { c.set = set } }

// WithoutPOS turns part-of-speech tagging off. It is faster, but the
// measures that need tags change: adjective and adverb densities and
// passives are 0, actor roles are "other", and the adjective and adverb
// features of the sentence score are 0, so scores and the editorializing
// index shift slightly. Compare results only within one setting.
func WithoutPOS() Option { return func(c *config) { c.pos = false } }

// WithWeights sets the sentence-score weights.
func WithWeights(w Weights) Option { return func(c *config) { c.weights = &w } }

// WithCleaner sets the furniture cleaner (for example one with a corpus
// Boilerplate index).
func WithCleaner(cl corpus.Cleaner) Option { return func(c *config) { c.cleaner = cl } }

// WithPipeline shares an existing text pipeline.
func WithPipeline(p *text.Pipeline) Option { return func(c *config) { c.pipeline = p } }

// NewAnalyzer builds an analyzer. With no options it uses the embedded
// lexicons, tags parts of speech with prose, and scores sentences with
// DefaultWeights.
func NewAnalyzer(opts ...Option) (*Analyzer, error) {
	cfg := config{pos: true}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.set == nil {
		set, err := lexicon.Default()
		if err != nil {
			return nil, fmt.Errorf("framing: loading the default lexicons: %w", err)
		}
		cfg.set = set
	}
	if err := CheckLexicons(cfg.set); err != nil {
		return nil, err
	}
	p := cfg.pipeline
	if p == nil {
		var popts []text.Option
		if !cfg.pos {
			popts = append(popts, text.WithoutTagging())
		}
		var err error
		if p, err = text.NewPipeline(popts...); err != nil {
			return nil, fmt.Errorf("framing: %w", err)
		}
	}
	m, err := lexicon.Compile(cfg.set, p.Stemmer())
	if err != nil {
		return nil, fmt.Errorf("framing: %w", err)
	}
	w := DefaultWeights()
	if cfg.weights != nil {
		w = *cfg.weights
	}
	w.index()
	labels := map[string]string{}
	for _, c := range cfg.set.Categories() {
		labels[c.ID] = c.Label
	}
	return &Analyzer{pipeline: p, matcher: m, cleaner: cfg.cleaner, weights: w, wvec: w.Vector(), finger: cfg.set.Fingerprint(), labels: labels, terms: cfg.terms}, nil
}

// Lexicons returns the lexicon set the analyzer matches.
func (a *Analyzer) Lexicons() *lexicon.Set { return a.matcher.Set() }

// Weights returns the sentence-score weights in use.
func (a *Analyzer) Weights() Weights { return a.weights }

// Fingerprint returns the lexicon set's fingerprint.
func (a *Analyzer) Fingerprint() string { return a.finger }

// Analyze cleans, tokenizes and analyses one article.
func (a *Analyzer) Analyze(ctx context.Context, art *corpus.Article) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cl := a.cleaner.CleanArticle(art)
	doc := a.pools.getDocument()
	defer a.pools.putDocument(doc)
	if err := a.pipeline.ProcessInto(doc, art.Text, Blocks(cl)); err != nil {
		return nil, fmt.Errorf("framing: %s: %w", art.ID, err)
	}
	r := a.analyzeDoc(doc)
	r.ID, r.Outlet, r.Title, r.Meta, r.Removed = art.ID, art.Outlet, art.Title, art.Meta, cl.Removed
	r.Published = art.Published
	return r, nil
}

// AnalyzeText analyses a bare text (no cleaning: the whole text is one
// paragraph block per line). It is the entry point for sentence-level data
// such as the BABE evaluation set.
func (a *Analyzer) AnalyzeText(s string) (*Result, error) {
	doc := a.pools.getDocument()
	defer a.pools.putDocument(doc)
	if err := a.pipeline.ProcessInto(doc, s, lineBlocks(s)); err != nil {
		return nil, fmt.Errorf("framing: %w", err)
	}
	return a.analyzeDoc(doc), nil
}

func lineBlocks(s string) []text.Block {
	var bs []text.Block
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			if strings.TrimSpace(s[start:i]) != "" {
				bs = append(bs, text.Block{Span: text.Span{Start: start, End: i}, Kind: text.Paragraph})
			}
			start = i + 1
		}
	}
	if bs == nil {
		bs = []text.Block{}
	}
	return bs
}

// Blocks converts the cleaner's kept regions to text blocks.
func Blocks(cl corpus.Cleaned) []text.Block {
	kinds := map[corpus.RegionKind]text.BlockKind{corpus.KindTitle: text.Title, corpus.KindHeading: text.Heading, corpus.KindParagraph: text.Paragraph, corpus.KindListItem: text.ListItem}
	bs := []text.Block{}
	if cl.Title != nil {
		bs = append(bs, text.Block{Span: text.Span{Start: cl.Title.Start, End: cl.Title.End}, Kind: text.Title})
	}
	for _, r := range cl.Body {
		bs = append(bs, text.Block{Span: text.Span{Start: r.Start, End: r.End}, Kind: kinds[r.Kind]})
	}
	// Text above a known headline is kept as body, so the title is not
	// always first: blocks must be in text order.
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].Start < bs[j].Start })
	return bs
}

// negAdverb are adverbs that carry no stance (negation, time), left out of
// the adverb count.
var negAdverb = map[string]bool{"not": true, "n't": true, "never": true, "also": true, "now": true, "then": true, "so": true, "just": true, "only": true, "still": true, "already": true, "again": true, "as": true, "too": true, "up": true, "out": true, "back": true, "down": true}

// negationWindow is how many tokens before a loaded term a negation cue may
// stand in the same clause ("not a genocide", "no longer a puppet").
const negationWindow = 3

func (a *Analyzer) analyzeDoc(doc *text.Document) *Result {
	sc := a.pools.getScratch()
	defer a.pools.putScratch(sc)
	sc.hits = a.matcher.MatchAppend(sc.hits, doc)
	hits := degreeSense(doc, sc.hits)
	v := findVoices(doc, hits, sc)
	sentOf := sc.intSlice(len(doc.Tokens))
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			sentOf[i] = si
		}
	}
	r := &Result{Tokens: len(doc.Tokens), Words: doc.WordCount(), Lexicons: a.finger, Text: doc.Text,
		Measures: map[string]float64{}, Sentences: make([]SentenceResult, 0, len(doc.Sentences)), Evidence: make([]Evidence, 0, len(hits)), Quotes: v.quotes}
	if r.Quotes == nil {
		r.Quotes = []QuoteSpan{}
	}
	// Negation cues and intensifiers by token, for context checks.
	negAt := sc.boolSlice(len(doc.Tokens))
	intensAt := sc.boolSlice(len(doc.Tokens))
	for _, h := range hits {
		switch h.Construct() {
		case ConstructNegation:
			for i := h.First; i < h.Last; i++ {
				negAt[i] = true
			}
		case ConstructIntensifier:
			for i := h.First; i < h.Last; i++ {
				intensAt[i] = true
			}
		}
	}
	for _, h := range hits {
		c := h.Construct()
		def, _ := ConstructInfo(c)
		if def.Context {
			continue // negation cues are context, not evidence
		}
		si := sentOf[h.First]
		e := Evidence{Category: h.Category.ID, Construct: c, Text: doc.Text[h.Start:h.End], Start: h.Start, End: h.End,
			Sentence: si, Voice: v.tok[h.First], Weight: h.Weight}
		if def.Sided {
			e.Side = h.Entry.Attrs["side"]
		}
		if e.Voice != Reporter {
			e.Speaker = v.speakerOf(h.First)
		}
		// Negation scopes over evaluations ("not a genocide"), not over the
		// choice of a name (a contested term is still that side's word).
		if def.Negatable {
			first := doc.Sentences[si].First
			for k := h.First - 1; k >= first && k >= h.First-negationWindow; k-- {
				if doc.Tokens[k].Kind == text.Punct {
					break
				}
				if negAt[k] {
					e.Negated = true
					break
				}
				if c == ConstructLoaded && intensAt[k] {
					e.Intensified = true
				}
			}
			if e.Negated {
				e.Weight = 0
			} else if e.Intensified {
				e.Weight *= 1.5
			}
		}
		r.Evidence = append(r.Evidence, e)
	}
	var terms []Term
	if a.terms || len(a.weights.Words) > 0 {
		terms = extractTerms(doc, v, a.pipeline.Stemmer())
		if len(a.weights.Words) > 0 {
			n := len(r.Evidence)
			learnedEvidence(terms, &a.weights, doc, r)
			if len(r.Evidence) > n {
				sort.SliceStable(r.Evidence, func(i, j int) bool { return r.Evidence[i].Start < r.Evidence[j].Start })
			}
		}
		if a.terms {
			r.terms = terms
		}
	}
	a.sentences(doc, v, r, terms)
	var style styleCounts
	r.Style, style = computeStyle(doc, a.pipeline.Tagging())
	computeMeasures(doc, v, r, style)
	r.Frames = computeFrames(r)
	r.categories = a.labels
	r.words = countWords(doc.Tokens, sc)
	r.Actors = computeActors(doc, v, r, sc)
	return r
}

// hasSide reports whether a contested term's side takes a side: not
// empty, neutral or none.
func hasSide(side string) bool { return side != "" && side != "neutral" && side != "none" }

func (v *voices) speakerOf(i int) string {
	k := v.speaker[i]
	if k < 0 {
		return ""
	}
	if v.tok[i] == Quote {
		return v.quotes[k].Speaker
	}
	return v.attrib[k].speaker
}

// evidenceBySentence returns, for each of n sentences, the indices of its
// evidence in order, as pieces of one array: one allocation per article
// instead of a growing slice per sentence (those appends were an eighth of
// the allocations of BenchmarkAnalyzeAllSides).
func evidenceBySentence(ev []Evidence, n int) [][]int {
	off := make([]int, n+1)
	for _, e := range ev {
		off[e.Sentence+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	all := make([]int, len(ev))
	out := make([][]int, n)
	for si := range out {
		out[si] = all[off[si]:off[si]:off[si+1]]
	}
	for ei, e := range ev {
		out[e.Sentence] = append(out[e.Sentence], ei)
	}
	return out
}

// strongerFirst orders evidence weights from the strongest down (a
// comparison for slices.SortStableFunc: the heavier weight first, ties
// keep their order).
func strongerFirst(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

func (a *Analyzer) sentences(doc *text.Document, v *voices, r *Result, terms []Term) {
	bySent := evidenceBySentence(r.Evidence, len(doc.Sentences))
	// Each sentence's evidence, strongest first, is a piece of one array
	// (capacity-limited, so appending to one never writes into another).
	evAll := make([]int, len(r.Evidence))
	evAt := 0
	scare := make([]int, len(doc.Sentences))
	for _, q := range v.quotes {
		if q.Scare {
			// The sentence holding the quote's start, by binary search (a
			// scan per quote is quadratic on long articles).
			si := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].End > q.Start })
			if si < len(doc.Sentences) && q.Start >= doc.Sentences[si].Start {
				scare[si]++
			}
		}
	}
	for si, s := range doc.Sentences {
		var x FeatureVector
		for _, ei := range bySent[si] {
			e := r.Evidence[ei]
			def, _ := ConstructInfo(e.Construct)
			f := def.Feature
			if !def.Voice.Counts(e.Voice) {
				f = def.OtherVoiceFeature
			}
			if f == NoFeature || def.Sided && (!hasSide(e.Side) || e.Negated) {
				continue
			}
			if def.Weighted {
				x[f] += e.Weight
			} else {
				x[f]++
			}
		}
		x[FeatureScareQuote] = float64(scare[si])
		last := doc.Tokens[s.Last-1]
		if v.tok[s.Last-1] == Reporter || last.Kind == text.Punct && s.Last-2 >= s.First && v.tok[s.Last-2] == Reporter {
			switch last.Norm {
			case "?":
				x[FeatureRhetoricalQuestion] = 1
			case "!":
				x[FeatureExclamation] = 1
			}
		}
		words, quoted := 0, 0
		for i := s.First; i < s.Last; i++ {
			t := doc.Tokens[i]
			if t.Kind == text.Word {
				words++
				if v.tok[i] == Quote {
					quoted++
				} else if v.tok[i] == Reporter {
					switch t.Tag {
					case "JJ", "JJR", "JJS":
						x[FeatureAdjective]++
					case "RB", "RBR", "RBS":
						if !negAdverb[t.Norm] {
							x[FeatureAdverb]++
						}
					}
				}
			}
		}
		if words > 0 {
			x[FeatureQuoteShare] = float64(quoted) / float64(words)
		}
		evaluative := x[FeatureLoadedReporter] > 0 || x[FeatureIntensifier] > 0
		attributed := v.attributed[si]
		if evaluative && !attributed {
			x[FeatureUnattributedEvaluative] = 1
		}
		ev := evAll[evAt : evAt+len(bySent[si]) : evAt+len(bySent[si])]
		evAt += copy(ev, bySent[si])
		slices.SortStableFunc(ev, func(i, j int) int { return strongerFirst(r.Evidence[i].Weight, r.Evidence[j].Weight) })
		if len(ev) == 0 {
			ev = []int{}
		}
		fm := x.Map()
		var score float64
		if len(a.weights.Categories) > 0 || len(a.weights.Words) > 0 {
			// Learned category and word features: the sentence's terms
			// are the next run of terms (they are in sentence order).
			n := 0
			for n < len(terms) && terms[n].Sentence == si {
				n++
			}
			learnedFeatures(fm, r.Evidence, bySent[si], terms[:n], &a.weights)
			terms = terms[n:]
			score = a.weights.Score(fm)
		} else {
			score = scoreVector(a.weights.Bias, &a.wvec, &x)
		}
		r.Sentences = append(r.Sentences, SentenceResult{Start: s.Start, End: s.End, Score: round6(score), Kind: s.Kind.String(),
			Attributed: attributed, Evaluative: evaluative, Features: fm, Evidence: ev})
	}
}
