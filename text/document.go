package text

import (
	"fmt"

	"github.com/slantlab/slant/text/tagger"
)

// Document is an article's body as tokens and sentences. Every offset is a
// byte offset into Text, the article's original text.
type Document struct {
	Text      string
	Blocks    []Block
	Tokens    []Token
	Sentences []Sentence
}

// TokenText returns the token as written in the original text.
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// SentenceText returns the sentence as written in the original text.
func (d *Document) SentenceText(i int) string {
	return d.Text[d.Sentences[i].Start:d.Sentences[i].End]
}

// WordCount returns the number of word and number tokens.
func (d *Document) WordCount() int {
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == Word || t.Kind == Number {
			n++
		}
	}
	return n
}

// Pipeline turns blocks of an original text into a Document. Build one with
// NewPipeline and share it: it is safe for concurrent use.
type Pipeline struct {
	seg      segmenter
	usePunkt bool
	tagger   Tagger
	stemmer  *Stemmer
}

// Option configures a Pipeline.
type Option func(*Pipeline)

// WithTagger sets the part-of-speech tagger; nil turns tagging off.
func WithTagger(t Tagger) Option { return func(p *Pipeline) { p.tagger = t } }

// WithPunkt splits sentences with the punkt model of
// gopkg.in/neurosnap/sentences (the one prose uses) instead of Slant's
// rules: slower and about 48 MB of memory, with boundaries that agree with
// the rules' on nearly all news text (see the README); for comparison.
func WithPunkt() Option { return func(p *Pipeline) { p.usePunkt = true } }

// WithoutTagging turns part-of-speech tagging off (it is on by default and is
// by far the most expensive step).
func WithoutTagging() Option { return func(p *Pipeline) { p.tagger = nil } }

// NewPipeline builds a pipeline. By default it tags with text/tagger:
// prose's averaged-perceptron model run by our own inference code (about 30×
// faster than prose, deterministic on ties, and free of prose's bug that
// gives repeated words of a sentence the tag of their last occurrence).
// WithTagger(NewProseTagger()) uses prose itself.
func NewPipeline(opts ...Option) (*Pipeline, error) {
	p := &Pipeline{stemmer: &Stemmer{}}
	p.tagger = taggerDefault
	for _, o := range opts {
		o(p)
	}
	if p.usePunkt {
		punkt, err := loadPunkt()
		if err != nil {
			return nil, err
		}
		p.seg.punkt = punkt
	}
	if p.tagger == taggerDefault {
		t, err := tagger.New()
		if err != nil {
			return nil, fmt.Errorf("text: %w", err)
		}
		p.tagger = t
	}
	return p, nil
}

// taggerDefault marks "no option given" so that the prose model is only
// loaded when it will be used.
var taggerDefault Tagger = defaultMarker{}

type defaultMarker struct{}

// Tag is never called: NewPipeline replaces the marker.
func (defaultMarker) Tag([]string) ([]string, error) { return nil, nil }

// Stemmer returns the pipeline's shared, cached stemmer.
func (p *Pipeline) Stemmer() *Stemmer { return p.stemmer }

// Tagging reports whether the pipeline assigns part-of-speech tags.
func (p *Pipeline) Tagging() bool { return p.tagger != nil }

// bytesPerTokenEstimate sizes a document's token slice (see Process).
const bytesPerTokenEstimate = 4

// Process tokenizes, segments and tags the given blocks of src. Blocks must
// be in order and must not overlap; a nil blocks slice means the whole text is
// one paragraph.
func (p *Pipeline) Process(src string, blocks []Block) (*Document, error) {
	doc := &Document{}
	if err := p.ProcessInto(doc, src, blocks); err != nil {
		return nil, err
	}
	return doc, nil
}

// ProcessInto is Process writing into doc, whose Tokens and Sentences
// slices it reuses when they are large enough (their old contents are
// overwritten): for a caller that processes texts one at a time and keeps
// nothing of a Document past the next call, so that a token slice is not
// allocated (and collected) per text. On error doc's contents are
// unspecified.
func (p *Pipeline) ProcessInto(doc *Document, src string, blocks []Block) error {
	if blocks == nil {
		blocks = []Block{{Span: Span{0, len(src)}, Kind: Paragraph}}
	}
	doc.Text, doc.Blocks = src, blocks
	// Size the token slice once: English prose runs about five bytes a
	// token (punctuation included), so a quarter of the blocks' bytes
	// rarely has to grow, where growing from empty allocates about twice
	// the final slice on the way.
	size := 0
	for _, b := range blocks {
		if b.End > b.Start {
			size += b.End - b.Start
		}
	}
	if n := size/bytesPerTokenEstimate + 1; cap(doc.Tokens) < n {
		doc.Tokens = make([]Token, 0, n)
	} else {
		doc.Tokens = doc.Tokens[:0]
	}
	doc.Sentences = doc.Sentences[:0]
	prev := 0
	for bi, b := range blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(src) {
			return fmt.Errorf("text: block %d [%d,%d) is out of order or outside the text (length %d)", bi, b.Start, b.End, len(src))
		}
		prev = b.End
		first := len(doc.Tokens)
		doc.Tokens = Tokenize(src, b.Start, b.End, doc.Tokens)
		doc.Sentences = p.seg.split(src, b, bi, doc.Tokens, first, len(doc.Tokens), doc.Sentences)
	}
	if p.tagger != nil {
		var words []string
		for si, s := range doc.Sentences {
			words = words[:0]
			for _, t := range doc.Tokens[s.First:s.Last] {
				words = append(words, src[t.Start:t.End])
			}
			tags, err := p.tagger.Tag(words)
			if err != nil {
				return fmt.Errorf("text: tagging sentence %d: %w", si, err)
			}
			for i := range tags {
				doc.Tokens[s.First+i].Tag = tags[i]
			}
		}
	}
	return nil
}
