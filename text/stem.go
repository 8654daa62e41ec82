package text

import (
	"sync"

	"github.com/kljensen/snowball/english"
)

// Stemmer returns English Snowball stems, caching them. The zero value is
// ready to use and safe for concurrent use.
//
// english.Stem is called directly (not the string-dispatching snowball.Stem)
// and with stop-word stemming on, so that "having" and "has" share a stem as
// lexicon authors expect.
type Stemmer struct {
	cache sync.Map // string → string
}

// Stem returns the stem of a folded word (see Fold).
func (s *Stemmer) Stem(word string) string {
	if v, ok := s.cache.Load(word); ok {
		return v.(string)
	}
	st := english.Stem(word, true)
	if st == "" {
		st = word
	}
	s.cache.Store(word, st)
	return st
}
