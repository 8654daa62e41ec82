package framing

import (
	"sync"

	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// scratch is a document's working memory for the per-token and
// per-sentence index arrays of the analysis (voices, clause bounds,
// negation marks), reused from one document to the next through the
// Analyzer's pool instead of allocated per document (about a fifth of the
// bytes BenchmarkAnalyzeAllSides allocated). Slices handed out are zeroed
// and stay valid until release; none may be kept in a Result. A nil
// *scratch allocates.
type scratch struct {
	ints   arena[int]
	bools  arena[bool]
	voices arena[Voice]
	hits   []lexicon.Hit    // the lexicon hits of the document (Matcher.MatchAppend)
	counts map[string]int32 // word → count, for the result's word counts (countWords)
}

// arena hands out consecutive zeroed slices of one buffer; when the buffer
// is full it starts a larger one (earlier slices keep the old one alive
// until release).
type arena[T any] struct {
	buf  []T
	used int
}

func (a *arena[T]) take(n int) []T {
	if a.used+n > len(a.buf) {
		a.buf = make([]T, max(2*len(a.buf), a.used+n, 1024))
		a.used = 0
	}
	s := a.buf[a.used : a.used+n : a.used+n]
	a.used += n
	clear(s)
	return s
}

// maxScratch bounds the buffer an arena keeps between documents (elements):
// a very long document's arrays are not kept for the next one.
const maxScratch = 1 << 20

func (a *arena[T]) reset() {
	a.used = 0
	if len(a.buf) > maxScratch {
		a.buf = nil
	}
}

// pools holds an Analyzer's reusable per-document memory.
type pools struct {
	scratch, docs sync.Pool
}

func (p *pools) getScratch() *scratch {
	if s, ok := p.scratch.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

// putScratch returns s to the pool.
func (p *pools) putScratch(s *scratch) {
	s.ints.reset()
	s.bools.reset()
	s.voices.reset()
	clear(s.hits) // hits point into the lexicons only, but keep no stale ones
	if cap(s.hits) > maxScratch {
		s.hits = nil
	}
	s.hits = s.hits[:0]
	if len(s.counts) > maxScratch {
		s.counts = nil // clearing a map costs its capacity: do not keep a huge one
	}
	clear(s.counts)
	p.scratch.Put(s)
}

func (s *scratch) intSlice(n int) []int {
	if s == nil {
		return make([]int, n)
	}
	return s.ints.take(n)
}

func (s *scratch) boolSlice(n int) []bool {
	if s == nil {
		return make([]bool, n)
	}
	return s.bools.take(n)
}

func (s *scratch) voiceSlice(n int) []Voice {
	if s == nil {
		return make([]Voice, n)
	}
	return s.voices.take(n)
}

// maxPooledTokens bounds the token slice a pooled Document keeps.
const maxPooledTokens = 1 << 16

// getDocument returns a Document to process an article into, reusing the
// token and sentence slices of an earlier one: a Result keeps no part of
// its Document but the text and the token norms, which are strings.
func (p *pools) getDocument() *text.Document {
	if d, ok := p.docs.Get().(*text.Document); ok {
		return d
	}
	return new(text.Document)
}

// putDocument drops doc's references to the article (text, token norms)
// and returns it to the pool.
func (p *pools) putDocument(doc *text.Document) {
	clear(doc.Tokens)
	doc.Text, doc.Blocks = "", nil
	doc.Tokens, doc.Sentences = doc.Tokens[:0], doc.Sentences[:0]
	if cap(doc.Tokens) <= maxPooledTokens {
		p.docs.Put(doc)
	}
}
