package framing

import "sync"

// scratch is a document's working memory for the per-token and
// per-sentence index arrays of the analysis (voices, clause bounds,
// negation marks), reused from one document to the next through
// scratchPool instead of allocated per document (about a fifth of the
// bytes BenchmarkAnalyzeAllSides allocated). Slices handed out are zeroed
// and stay valid until release; none may be kept in a Result. A nil
// *scratch allocates.
type scratch struct {
	ints   arena[int]
	bools  arena[bool]
	voices arena[Voice]
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

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// release returns s to the pool.
func (s *scratch) release() {
	s.ints.reset()
	s.bools.reset()
	s.voices.reset()
	scratchPool.Put(s)
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
