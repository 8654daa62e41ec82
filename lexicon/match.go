package lexicon

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/slantlab/slant/text"
)

// Hit is one match of a lexicon entry in a document.
type Hit struct {
	// Start and End are the byte span in the document's original text.
	Start, End int
	// First and Last are the matched token range (half-open). For a match on
	// a part of a hyphenated compound, Last = First+1 and Part is true.
	First, Last int
	Part        bool
	Category    *Category
	Entry       *Entry
	Weight      float64
}

// Construct returns the hit's category's construct.
func (h Hit) Construct() string { return h.Category.Construct }

type patKind uint8

const (
	patExact patKind = iota
	patStem
	patGlob
)

type globEdge struct {
	prefix, suffix string // the fixed part: militar* has prefix "militar"
	next           *node
}

type node struct {
	exact map[string]*node
	stem  map[string]*node
	// exactID and stemID are exact and stem by the Matcher's vocabulary
	// IDs of the norms and stems (built at the end of Compile): past the
	// root, a token whose norm or stem no entry uses is not looked up at
	// all, and one that is costs an integer lookup, not a string hash.
	exactID, stemID map[int32]*node
	globs           []globEdge // suffix and contains globs, and prefixes shorter than globKey
	// prefixGlobs indexes prefix globs by their first globKey bytes, so a
	// token is checked only against globs that can match it (an imported
	// LIWC dictionary has hundreds of prefix globs).
	prefixGlobs map[string][]globEdge
	// suffixGlobs indexes suffix globs (*-loving) by their last byte: a
	// word can only end with a suffix that ends with its own last byte,
	// and most words end with none of them.
	suffixGlobs map[byte][]globEdge
	ends        []int // compiled entries ending here
}

const globKey = 3

// eachGlob calls fn with every glob edge of n that may match w.
func (n *node) eachGlob(w string, fn func(globEdge)) {
	for _, g := range n.globs {
		if g.matches(w) {
			fn(g)
		}
	}
	if n.suffixGlobs != nil && w != "" {
		for _, g := range n.suffixGlobs[w[len(w)-1]] {
			if g.matches(w) {
				fn(g)
			}
		}
	}
	if n.prefixGlobs != nil && len(w) >= globKey {
		for _, g := range n.prefixGlobs[w[:globKey]] {
			if g.matches(w) {
				fn(g)
			}
		}
	}
}

type compiled struct {
	cat       *Category
	entry     *Entry
	weight    float64
	construct int // index into Matcher.constructs
	order     int
	upper     bool // attrs case: upper — "US" the country, not "us"
	lower     bool // attrs case: lower — "us" the pronoun, not "US"
	compounds bool
	shadow    bool // entry.Shadow, copied so matching need not follow the pointer
	length    int
	literal   map[string]bool // literal-sense cues (norms and stems); nil if none
}

// Matcher finds a Set's entries in documents. It is built once by Compile
// and is safe for concurrent use.
type Matcher struct {
	set        *Set
	root       *node
	entries    []compiled
	constructs []string
	stemmer    *text.Stemmer
	hasStems   bool
	exclude    *excluder // nil when the set has no exclusions
	// normIDs and stemIDs number the norms and stems the trie's edges use
	// (node.exactID, node.stemID).
	normIDs, stemIDs map[string]int32
	// roots is the root index (see maxRootIndex), rootMu serialises its
	// merges; rootLimit and rootBatch are maxRootIndex and rootMergeBatch
	// (tests lower them).
	roots                atomic.Pointer[rootIndex]
	rootMu               sync.Mutex
	rootLimit, rootBatch int
	states               sync.Pool // *matchState scratch reused across documents
}

// Compile builds a matcher for set. stemmer may be shared with a
// text.Pipeline (its cache then serves both); nil makes a new one.
func Compile(set *Set, stemmer *text.Stemmer) (*Matcher, error) {
	if stemmer == nil {
		stemmer = &text.Stemmer{}
	}
	m := &Matcher{set: set, root: newNode(), stemmer: stemmer, exclude: newExcluder(set.Exclusions()), rootLimit: maxRootIndex, rootBatch: rootMergeBatch}
	cindex := map[string]int{}
	for _, c := range set.Categories() {
		ci, ok := cindex[c.Construct]
		if !ok {
			ci = len(m.constructs)
			cindex[c.Construct] = ci
			m.constructs = append(m.constructs, c.Construct)
		}
		for _, e := range c.Entries {
			if m.exclude.excludes(e.Term) {
				continue
			}
			pats, err := m.patterns(c, e)
			if err != nil {
				return nil, fmt.Errorf("lexicon %s: category %s: %w", c.Lexicon, c.ID, err)
			}
			n := m.root
			for _, p := range pats {
				n = n.child(p)
			}
			idx := len(m.entries)
			m.entries = append(m.entries, compiled{
				cat: c, entry: e, weight: c.EffectiveWeight(e), construct: ci, order: idx,
				upper: e.Attrs["case"] == "upper", lower: e.Attrs["case"] == "lower", compounds: e.Compounds, shadow: e.Shadow, length: len(pats),
				literal: m.literalCues(e),
			})
			n.ends = append(n.ends, idx)
		}
	}
	m.normIDs, m.stemIDs = map[string]int32{}, map[string]int32{}
	m.root.index(m.normIDs, m.stemIDs)
	return m, nil
}

// index gives every norm and stem on n's edges and below an ID (in
// vocabulary order of first meeting, which does not matter) and fills the
// ID-keyed edges.
func (n *node) index(norms, stems map[string]int32) {
	id := func(vocab map[string]int32, k string) int32 {
		v, ok := vocab[k]
		if !ok {
			v = int32(len(vocab))
			vocab[k] = v
		}
		return v
	}
	if n.exact != nil {
		n.exactID = map[int32]*node{}
		for k, c := range n.exact {
			n.exactID[id(norms, k)] = c
			c.index(norms, stems)
		}
	}
	if n.stem != nil {
		n.stemID = map[int32]*node{}
		for k, c := range n.stem {
			n.stemID[id(stems, k)] = c
			c.index(norms, stems)
		}
	}
	for _, g := range n.globs {
		g.next.index(norms, stems)
	}
	for _, gs := range n.prefixGlobs {
		for _, g := range gs {
			g.next.index(norms, stems)
		}
	}
	for _, gs := range n.suffixGlobs {
		for _, g := range gs {
			g.next.index(norms, stems)
		}
	}
}

// Set returns the lexicon set the matcher was compiled from.
func (m *Matcher) Set() *Set { return m.set }

type pattern struct {
	kind           patKind
	val            string
	prefix, suffix string
}

// patterns turns an entry's term into per-token patterns, tokenizing it with
// the same tokenizer as the text so that "Russia's" or "U.S." line up.
func (m *Matcher) patterns(c *Category, e *Entry) ([]pattern, error) {
	if err := checkEntry(c, e); err != nil {
		return nil, err
	}
	mt := c.EffectiveMatch(e)
	var out []pattern
	for _, w := range strings.Fields(e.Term) {
		if mt == Glob && strings.Contains(w, "*") {
			core := text.Fold(strings.Trim(w, "*"))
			p := pattern{kind: patGlob}
			if strings.HasSuffix(w, "*") {
				p.prefix = core
			}
			if strings.HasPrefix(w, "*") {
				p.suffix = core
			}
			if p.prefix != "" && p.suffix != "" { // *word*: contains
				p.val = core
				p.prefix, p.suffix = "", ""
			}
			out = append(out, p)
			continue
		}
		for _, t := range text.Tokenize(w, 0, len(w), nil) {
			if mt == Stem && t.Kind == text.Word {
				m.hasStems = true
				out = append(out, pattern{kind: patStem, val: m.stemmer.Stem(t.Norm)})
			} else {
				out = append(out, pattern{kind: patExact, val: t.Norm})
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entry %q has no words", e.Term)
	}
	return out, nil
}

func newNode() *node { return &node{} }

func (n *node) child(p pattern) *node {
	switch p.kind {
	case patExact:
		if n.exact == nil {
			n.exact = map[string]*node{}
		}
		if c, ok := n.exact[p.val]; ok {
			return c
		}
		c := newNode()
		n.exact[p.val] = c
		return c
	case patStem:
		if n.stem == nil {
			n.stem = map[string]*node{}
		}
		if c, ok := n.stem[p.val]; ok {
			return c
		}
		c := newNode()
		n.stem[p.val] = c
		return c
	}
	prefix, suffix := p.prefix, p.suffix
	if p.val != "" {
		prefix, suffix = "\x00"+p.val, "" // contains-glob, marked by a NUL
	}
	list := &n.globs
	if suffix == "" && len(prefix) >= globKey && prefix[0] != 0 {
		if n.prefixGlobs == nil {
			n.prefixGlobs = map[string][]globEdge{}
		}
		l := n.prefixGlobs[prefix[:globKey]]
		list = &l
		defer func() { n.prefixGlobs[prefix[:globKey]] = *list }()
	}
	if prefix == "" && suffix != "" {
		if n.suffixGlobs == nil {
			n.suffixGlobs = map[byte][]globEdge{}
		}
		last := suffix[len(suffix)-1]
		l := n.suffixGlobs[last]
		list = &l
		defer func() { n.suffixGlobs[last] = *list }()
	}
	for _, g := range *list {
		if g.prefix == prefix && g.suffix == suffix {
			return g.next
		}
	}
	c := newNode()
	*list = append(*list, globEdge{prefix: prefix, suffix: suffix, next: c})
	return c
}

func (g globEdge) matches(w string) bool {
	if strings.HasPrefix(g.prefix, "\x00") {
		return strings.Contains(w, g.prefix[1:])
	}
	return len(w) > len(g.prefix)+len(g.suffix)-1 && strings.HasPrefix(w, g.prefix) && strings.HasSuffix(w, g.suffix)
}

// matchState carries per-document scratch space.
type matchState struct {
	doc     *text.Document
	stems   []string   // per token, its stem (its norm if not a word) once stem has been asked for it
	normID  []int32    // per token, its norm's vocabulary ID, -1 when no entry uses it
	stemID  []int32    // per token, its stem's vocabulary ID, -1 when no entry uses it
	roots   []*rootHit // per token, what the trie's root offers it; nil for nothing
	best    []cand     // best candidate per construct at the current position
	lastEnd []int      // per construct, the end of its last hit
	// pending holds the norms this state met that the matcher's root
	// index did not know yet, until they are merged into it.
	pending rootIndex
}

// rootIndex maps norms to their stem and what the trie's root offers them,
// for word tokens and for the other kinds, whose stem is their norm and
// which never meet globs. Norms of up to 7 bytes (most of them) are keyed
// by their bytes packed into an integer (shortKey), which a lookup hashes
// and compares without following a pointer to the key's bytes; longer ones
// by string. Keys and stems are copies, so an index keeps no article
// alive.
type rootIndex struct {
	short         map[uint64]rootEntry
	words, others map[string]rootEntry
}

// shortKey packs a norm of at most 7 bytes with its length and kind (word
// or not) into an integer that no other norm and kind share.
func shortKey(norm string, word bool) (uint64, bool) {
	if len(norm) > 7 {
		return 0, false
	}
	k := uint64(len(norm)) << 56
	if word {
		k |= 1 << 63
	}
	for i := 0; i < len(norm); i++ {
		k |= uint64(norm[i]) << (8 * i)
	}
	return k, true
}

func (x *rootIndex) get(norm string, word bool) (rootEntry, bool) {
	if k, ok := shortKey(norm, word); ok {
		e, ok := x.short[k]
		return e, ok
	}
	e, ok := x.of(word)[norm]
	return e, ok
}

// put adds norm, which must not share memory with a document.
func (x *rootIndex) put(norm string, word bool, e rootEntry) {
	if k, ok := shortKey(norm, word); ok {
		x.short[k] = e
		return
	}
	x.of(word)[norm] = e
}

// rootEntry is what the root offers a norm (nil for nothing) and the
// vocabulary IDs of the norm and its stem (-1 for none). The stem itself
// is not kept: only literal cues need it, rarely (matchState.stem), and a
// smaller entry makes a smaller, faster index.
type rootEntry struct {
	hit            *rootHit
	normID, stemID int32
}

func newRootIndex() *rootIndex {
	return &rootIndex{short: map[uint64]rootEntry{}, words: map[string]rootEntry{}, others: map[string]rootEntry{}}
}

func (x *rootIndex) of(word bool) map[string]rootEntry {
	if word {
		return x.words
	}
	return x.others
}

func (x *rootIndex) len() int { return len(x.short) + len(x.words) + len(x.others) }

// rootHit is what the trie's root offers a token: its children by the
// token's norm, by its stem, and by the globs its norm matches.
type rootHit struct {
	exact, stem *node
	globs       []*node
}

// maxPooledTokens bounds the scratch a Matcher keeps between documents:
// the stems of a longer document are not kept for the next one.
const maxPooledTokens = 1 << 16

// Every token of every document starts a walk at the trie's root, and most
// match nothing there. A Matcher keeps what the root offers each norm it
// has met in an index that is never written once published (an atomic
// pointer; readers take no lock): one lookup there replaces the stem
// cache's lookup (hash, lock, a large shared map) and the root's exact,
// stem and glob lookups. Norms it does not know go to the document's state
// and are merged into a new index every rootMergeBatch of them; an index
// past maxRootIndex norms is started afresh from the new ones. The index
// only saves work: what it holds never changes a match.
const (
	maxRootIndex   = 1 << 16
	rootMergeBatch = 1 << 10
)

// getState returns scratch space for doc, reused from an earlier document
// when one is free (documents are matched concurrently, so the pool hands
// each its own).
func (m *Matcher) getState(doc *text.Document) *matchState {
	st, _ := m.states.Get().(*matchState)
	if st == nil {
		st = &matchState{best: make([]cand, len(m.constructs)), lastEnd: make([]int, len(m.constructs)), pending: *newRootIndex()}
	}
	st.doc = doc
	if cap(st.stems) < len(doc.Tokens) {
		st.stems = make([]string, len(doc.Tokens))
		st.roots = make([]*rootHit, len(doc.Tokens))
		st.normID = make([]int32, len(doc.Tokens))
		st.stemID = make([]int32, len(doc.Tokens))
	} else {
		st.stems = st.stems[:len(doc.Tokens)]
		st.roots = st.roots[:len(doc.Tokens)]
		st.normID = st.normID[:len(doc.Tokens)]
		st.stemID = st.stemID[:len(doc.Tokens)]
	}
	clear(st.lastEnd)
	return st
}

// putState merges st's pending norms into the root index when there are
// enough of them, and returns st to the pool, dropping its references to
// the document's strings so the pool never keeps an article alive.
func (m *Matcher) putState(st *matchState) {
	if st.pending.len() >= m.rootBatch {
		m.mergeRoots(&st.pending)
	}
	clear(st.stems)
	clear(st.roots)
	st.doc = nil
	if cap(st.stems) <= maxPooledTokens {
		m.states.Put(st)
	}
}

// mergeRoots publishes a new root index holding the current one's norms
// (unless it is full) and p's, and empties p.
func (m *Matcher) mergeRoots(p *rootIndex) {
	m.rootMu.Lock()
	defer m.rootMu.Unlock()
	next := newRootIndex()
	if cur := m.roots.Load(); cur != nil && cur.len()+p.len() <= m.rootLimit {
		next = &rootIndex{short: maps.Clone(cur.short), words: maps.Clone(cur.words), others: maps.Clone(cur.others)}
	}
	maps.Copy(next.short, p.short)
	maps.Copy(next.words, p.words)
	maps.Copy(next.others, p.others)
	m.roots.Store(next)
	clear(p.short)
	clear(p.words)
	clear(p.others)
}

type cand struct {
	entry  int
	length int
	ok     bool
}

// lookRoot fills st.roots for every token of the document.
func (m *Matcher) lookRoot(st *matchState) {
	idx := m.roots.Load()
	if idx == nil {
		idx = &rootIndex{}
	}
	for j := range st.doc.Tokens {
		t := &st.doc.Tokens[j]
		word := t.Kind == text.Word
		e, ok := idx.get(t.Norm, word)
		if !ok {
			if e, ok = st.pending.get(t.Norm, word); !ok {
				key := strings.Clone(t.Norm)
				e = m.rootOf(key, word)
				st.pending.put(key, word, e)
			}
		}
		st.roots[j], st.normID[j], st.stemID[j] = e.hit, e.normID, e.stemID
	}
}

// stem returns token i's stem (its norm if it is not a word).
func (s *matchState) stem(m *Matcher, i int) string {
	if s.stems[i] == "" {
		t := &s.doc.Tokens[i]
		s.stems[i] = t.Norm
		if t.Kind == text.Word {
			s.stems[i] = m.stemmer.Stem(t.Norm)
		}
	}
	return s.stems[i]
}

// rootOf computes what the root offers a norm and its IDs; word tokens
// are stemmed and checked against globs. norm must not share memory with
// a document.
func (m *Matcher) rootOf(norm string, word bool) rootEntry {
	stem := norm
	if word {
		stem = m.stemmer.Stem(norm)
	}
	r := rootHit{exact: m.root.exact[norm]}
	if m.root.stem != nil {
		r.stem = m.root.stem[stem]
	}
	if word {
		m.root.eachGlob(norm, func(g globEdge) { r.globs = append(r.globs, g.next) })
	}
	e := rootEntry{normID: -1, stemID: -1}
	if id, ok := m.normIDs[norm]; ok {
		e.normID = id
	}
	if id, ok := m.stemIDs[stem]; ok {
		e.stemID = id
	}
	if r.exact != nil || r.stem != nil || r.globs != nil {
		e.hit = &r
	}
	return e
}

// Match returns every hit in doc, ordered by position, then by category
// order in the set. Within one construct the longest match starting
// leftmost wins and no token is counted twice; different constructs (a
// contested term that is also a frame cue) see the text independently.
// Hits whose every token lies inside an occurrence of one of the set's
// exclusions are dropped.
func (m *Matcher) Match(doc *text.Document) []Hit { return m.MatchAppend(nil, doc) }

// MatchAppend is Match appending the hits to dst[:0] (so that a caller
// that matches many documents can reuse one slice) and returning it.
func (m *Matcher) MatchAppend(dst []Hit, doc *text.Document) []Hit {
	st := m.getState(doc)
	defer m.putState(st)
	lastEnd := st.lastEnd
	m.lookRoot(st)
	hits := dst[:0]
	for i := range doc.Tokens {
		if r := st.roots[i]; r != nil {
			hits = m.matchAt(st, r, i, hits)
		}
		if doc.Tokens[i].IsHyphenated() {
			hits = m.matchParts(st, i, lastEnd, hits)
		}
	}
	if cov := m.exclude.covered(doc); cov != nil {
		kept := hits[:0]
		for _, h := range hits {
			if !inside(cov, h) {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	return hits
}

// matchAt walks the trie from token i, whose root children are r, and
// appends the longest match per construct (lowest entry order on ties).
func (m *Matcher) matchAt(st *matchState, r *rootHit, i int, hits []Hit) []Hit {
	doc, lastEnd := st.doc, st.lastEnd
	clear(st.best)
	if r.exact != nil {
		m.walk(st, r.exact, i, i+1)
	}
	if r.stem != nil {
		m.walk(st, r.stem, i, i+1)
	}
	for _, g := range r.globs {
		m.walk(st, g, i, i+1)
	}
	for ci, c := range st.best {
		if !c.ok || i < lastEnd[ci] {
			continue
		}
		ce := &m.entries[c.entry]
		last := i + c.length
		lastEnd[ci] = last
		if ce.shadow || m.literalAt(st, ce, i, last) {
			continue
		}
		hits = append(hits, Hit{Start: doc.Tokens[i].Start, End: doc.Tokens[last-1].End, First: i, Last: last, Category: ce.cat, Entry: ce.entry, Weight: ce.weight})
	}
	return hits
}

// walk follows the trie from n over tokens j, j+1, ..., recording the
// longest match (lowest entry order on ties) per construct for start i.
func (m *Matcher) walk(st *matchState, n *node, i, j int) {
	for _, e := range n.ends {
		ce := &m.entries[e]
		if (ce.upper && !hasCase(st.doc, i, j, unicode.IsLower)) || (ce.lower && !hasCase(st.doc, i, j, unicode.IsUpper)) {
			continue
		}
		b := &st.best[ce.construct]
		if !b.ok || j-i > b.length || (j-i == b.length && e < b.entry) {
			*b = cand{entry: e, length: j - i, ok: true}
		}
	}
	if j >= len(st.doc.Tokens) {
		return
	}
	if id := st.normID[j]; id >= 0 && n.exactID != nil {
		if c, ok := n.exactID[id]; ok {
			m.walk(st, c, i, j+1)
		}
	}
	if id := st.stemID[j]; id >= 0 && n.stemID != nil {
		if c, ok := n.stemID[id]; ok {
			m.walk(st, c, i, j+1)
		}
	}
	if (n.globs != nil || n.prefixGlobs != nil || n.suffixGlobs != nil) && st.doc.Tokens[j].Kind == text.Word {
		n.eachGlob(st.doc.Tokens[j].Norm, func(g globEdge) { m.walk(st, g.next, i, j+1) })
	}
}

func hasCaseIn(s string, forbidden func(rune) bool) bool {
	for _, r := range s {
		if forbidden(r) {
			return false
		}
	}
	return true
}

// hasCase reports whether no letter of tokens [i, j) satisfies forbidden.
func hasCase(doc *text.Document, i, j int, forbidden func(rune) bool) bool {
	for k := i; k < j; k++ {
		for _, r := range doc.TokenText(k) {
			if forbidden(r) {
				return false
			}
		}
	}
	return true
}

// matchParts matches single-word entries marked compounds: true against the
// parts of the hyphenated token i, for constructs that did not match the
// whole token.
func (m *Matcher) matchParts(st *matchState, i int, lastEnd []int, hits []Hit) []Hit {
	doc := st.doc
	src := doc.Text
	for _, p := range doc.Tokens[i].Parts(src) {
		w := text.Fold(src[p.Start:p.End])
		var cands []*node
		if c, ok := m.root.exact[w]; ok {
			cands = append(cands, c)
		}
		if c, ok := m.root.stem[m.stemmer.Stem(w)]; ok {
			cands = append(cands, c)
		}
		m.root.eachGlob(w, func(g globEdge) { cands = append(cands, g.next) })
		best := map[int]int{} // construct → entry
		for _, n := range cands {
			for _, e := range n.ends {
				ce := &m.entries[e]
				if !ce.compounds || ce.length != 1 || lastEnd[ce.construct] > i || ce.shadow || m.literalAt(st, ce, i, i+1) {
					continue
				}
				if (ce.upper && !hasCaseIn(src[p.Start:p.End], unicode.IsLower)) || (ce.lower && !hasCaseIn(src[p.Start:p.End], unicode.IsUpper)) {
					continue
				}
				if prev, ok := best[ce.construct]; !ok || e < prev {
					best[ce.construct] = e
				}
			}
		}
		for ci := range m.constructs {
			e, ok := best[ci]
			if !ok {
				continue
			}
			ce := &m.entries[e]
			hits = append(hits, Hit{Start: p.Start, End: p.End, First: i, Last: i + 1, Part: true, Category: ce.cat, Entry: ce.entry, Weight: ce.weight})
		}
	}
	return hits
}
