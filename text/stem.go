package text

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// stemShards and stemShardSize bound the stem cache: at most
// stemShards × stemShardSize words (about 260,000, a few tens of MB at
// worst), however large the corpus. A full shard is emptied and refilled;
// the cache only saves work, so what it holds never changes a stem.
const (
	stemShards    = 64
	stemShardSize = 4096
)

// Stemmer returns English Snowball stems, caching them. The zero value is
// ready to use and safe for concurrent use.
//
// english.Stem is called directly (not the string-dispatching snowball.Stem)
// and with stop-word stemming on, so that "having" and "has" share a stem as
// lexicon authors expect.
//
// The cache is sharded (one lock per shard, not one sync.Map for every
// lookup), bounded, and keeps copies of the words: a word is often a slice
// of an article's text, and a cache keyed by it would keep every article
// that brought a new word alive (about 46 MB on the AllSides sample).
type Stemmer struct {
	once   sync.Once
	seed   maphash.Seed
	shards [stemShards]stemShard
}

type stemShard struct {
	mu sync.RWMutex
	m  map[string]string
}

// Stem returns the stem of a folded word (see Fold).
func (s *Stemmer) Stem(word string) string {
	s.once.Do(func() { s.seed = maphash.MakeSeed() })
	sh := &s.shards[maphash.String(s.seed, word)%stemShards]
	sh.mu.RLock()
	st, ok := sh.m[word]
	sh.mu.RUnlock()
	if ok {
		return st
	}
	st = english.Stem(word, true)
	if st == "" {
		st = word
	}
	st = strings.Clone(st)
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= stemShardSize {
		sh.m = make(map[string]string, stemShardSize/4)
	}
	sh.m[strings.Clone(word)] = st
	sh.mu.Unlock()
	return st
}
