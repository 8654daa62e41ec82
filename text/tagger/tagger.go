// Package tagger is a fast, deterministic inference path for the averaged
// perceptron part-of-speech tagger of github.com/jdkato/prose/v2, over the
// same weights (extracted into model.bin.gz by internal/gen; prose's MIT
// licence is in LICENSE-prose.txt).
//
// Tag follows prose's tagger (tag.go) step by step: the same special cases
// (a lone "-", emoticons, links, e-mail addresses and @handles, the "none"
// and "keep" patterns, the dictionary of unambiguous words), the same
// normalisation of context words (!HYPHEN, !YEAR, !DIGITS, lower case), the
// same fourteen features and the same two previous tags as context. It
// differs from prose only in how the work is done:
//
//   - features are looked up by interned ids (the context words once per
//     sentence) instead of being built as strings in a map for every token,
//     and each id is a reference straight to the feature's weights (offset
//     and count in one uint32), so a feature costs one read of memory;
//   - scores are summed in a dense per-class array instead of a map;
//   - weights are exact integers in thousandths (every prose weight is a
//     multiple of 0.001), so scores are exact and independent of the order
//     of summation;
//   - an exact tie is broken deterministically, in favour of the class whose
//     name sorts first in byte order. prose picks the best score by ranging
//     over a Go map, so on a tie it returns whichever tied class the map
//     yields first, which changes from run to run.
//
// Unlike text.ProseTagger, Tag takes the words as they are: it does not join
// and re-tokenize them, so a word prose's tokenizer would split (for example
// "etc." into "etc" and ".") is tagged as one token. As prose's tokenizer
// does, it straightens curly quotes (and &rsquo;) before tagging, and it skips
// empty words (their tag is "").
//
// Tag also avoids a bug of prose v2.0.0 that text.ProseTagger inherits:
// prose's tokenizer caches the tokens of each whitespace-separated span and
// hands out the same *Token again when the span recurs, so every occurrence
// of a word repeated within a sentence (but the sentence's last word)
// reports the tag given to its last occurrence. Tag tags each occurrence in
// its own context, as prose's tagger itself does internally.
package tagger

//go:generate go run ./internal/gen

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/mingrammer/commonregex"
)

// Tagger assigns Penn Treebank tags with prose's model. It is safe for
// concurrent use; the zero value loads the shared model on first use.
type Tagger struct {
	m *model
}

// loadModel decodes the embedded model once per process.
var loadModel = sync.OnceValues(func() (*model, error) { return decodeModel(modelGz) })

// New returns a tagger over the shared model, decoding it on the first call.
func New() (*Tagger, error) {
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return &Tagger{m: m}, nil
}

// ProseVersion is the version of github.com/jdkato/prose/v2 whose model is
// embedded.
func ProseVersion() string { return proseVersion }

var (
	noneRE    = regexp.MustCompile(nonePattern)
	keepRE    = regexp.MustCompile(keepPattern)
	sanitizer = strings.NewReplacer(sanitizerPairs...)
	// sanitizeFirst holds the first bytes of the strings sanitizer replaces.
	sanitizeFirst = func() string {
		var b []byte
		for i := 0; i < len(sanitizerPairs); i += 2 {
			if c := sanitizerPairs[i][0]; bytes.IndexByte(b, c) < 0 {
				b = append(b, c)
			}
		}
		return string(b)
	}()
)

// Tag tags one sentence: one tag per word. The error is non-nil only if the
// embedded model cannot be decoded (for a zero Tagger; New reports it first).
func (t *Tagger) Tag(words []string) ([]string, error) {
	m := t.m
	if m == nil {
		var err error
		if m, err = loadModel(); err != nil {
			return nil, err
		}
	}
	tags := make([]string, len(words))
	if len(words) == 0 {
		return tags, nil
	}
	// Straighten quotes as prose's tokenizer does, and drop empty words
	// (prose's tokenizer never produces one). Copy only when needed.
	clean := words
	for _, w := range words {
		if w == "" || needsSanitizing(w) {
			clean = prepare(words)
			break
		}
	}
	if len(clean) == len(words) {
		m.tag(clean, tags)
		return tags, nil
	}
	// Some words were empty: tag the others and put their tags back.
	sub := make([]string, len(clean))
	m.tag(clean, sub)
	k := 0
	for i, w := range words {
		if w != "" {
			tags[i] = sub[k]
			k++
		}
	}
	return tags, nil
}

// needsSanitizing reports whether w contains the first byte of a string the
// sanitizer replaces.
func needsSanitizing(w string) bool {
	for i := 0; i < len(sanitizeFirst); i++ {
		if strings.IndexByte(w, sanitizeFirst[i]) >= 0 {
			return true
		}
	}
	return false
}

// prepare returns the non-empty words, sanitized.
func prepare(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		if needsSanitizing(w) {
			w = sanitizer.Replace(w)
		}
		out = append(out, w)
	}
	return out
}

// model is prose's averaged perceptron, indexed for lookups by id.
type model struct {
	classes  []string // sorted in byte order: a lower index wins a tie
	classTag []int32  // class index → tag id

	// ent holds the weights of every feature, each entry a class index in
	// the low 6 bits and the weight in thousandths above them. The tables
	// below hold a featRef per feature: where its entries start and how
	// many there are, so that adding a feature reads ent alone (the model
	// is megabytes, and each feature's weights are somewhere else in it:
	// a table of offsets and one of class masks beside it would cost two
	// more cache misses per feature).
	ent  []uint32
	refs []featRef // by feature number, in the model file's order

	// base holds, for each pair of previous tags p1, p2 (tag ids), the dense
	// sum over all classes of the four features that depend on them alone:
	// bias, i-1 tag, i-2 tag and i tag+i-2 tag, at
	// base[(p1*len(tagNames)+p2)*len(classes):][:len(classes)], with the
	// union of their class masks in baseMask. Integer sums are exact, so
	// adding them ahead of time changes nothing.
	base     []int32
	baseMask []uint64

	bias     featRef
	pref     [256]featRef     // "i pref1 " + string(rune(b)), by first byte b
	suffix   map[string]int32 // suffix → suffix id
	sufFeat  [][3]featRef     // by suffix id: i suffix, i-1 suffix, i+1 suffix
	vocab    map[string]int32 // context word → word id
	wordFeat [][5]featRef     // by word id: i word, i-1 word, i-2 word, i+1 word, i+2 word
	tagIDs   map[string]int32 // tag → tag id
	tagNames []string         // tag id → tag
	tag1     []featRef        // by tag id: i-1 tag
	tag2     []featRef        // by tag id: i-2 tag
	pair     []featRef        // by p1*len(tagNames)+p2: i tag+i-2 tag
	// tagWord holds the "i-1 tag+i word" features, grouped by word;
	// wordTags[word id] locates a word's group (see tagWordRange). A
	// word has one or two on average, so a short scan beats a hash.
	tagWord  []tagWordFeat
	wordTags []uint32

	// dict is prose's tagMap (word → tag id) and the emoticons (→
	// isEmoticon), so that one lookup serves both.
	dict map[string]int32

	// lex answers, in one lookup of a word, everything the tagger asks of
	// it as written: its dictionary tag, its "i suffix" feature, and its
	// context entry (which serves when the word is its own normalisation,
	// as most words are: lower case, no hyphen, no leading digit). It
	// holds every vocabulary word, dictionary word and emoticon; other
	// words fall back to the suffix map.
	lex        map[string]int32 // word → index into lexEntries
	lexEntries []lexEntry

	start, start2, dash, sym, nn, none int32 // tag ids
	ctxStart, ctxEnd                   [2]ctxEntry
	ctxHyphen, ctxYear, ctxDigits      ctxEntry // !HYPHEN, !YEAR, !DIGITS
}

// lexEntry is what model.lex knows of a word.
type lexEntry struct {
	ctx  ctxEntry // model.context of the word
	isuf featRef  // "i suffix" of its last three bytes
	dict int32    // its dict value, or notInDict
}

// notInDict marks a lexEntry of a word outside model.dict.
const notInDict = -1

// featRef locates a feature's weights: they are
// model.ent[r>>refCountBits:][:r&refCountMask]. noFeature (0) has none, so
// adding it adds nothing and needs no test; entry 0 of ent is padding, so
// no feature of the model starts there.
type featRef uint32

const (
	refCountBits = 7 // a feature has at most maxClasses ≤ 127 weights
	refCountMask = 1<<refCountBits - 1
	// maxEntries bounds the weights of the whole model, so that an offset
	// fits above the count.
	maxEntries = 1 << (32 - refCountBits)
	noFeature  = featRef(0)
)

// ctxEntry is one context word: its "i-1 tag+i word" features (wordTags),
// the features it gives each token within two of it (wordFeat) and those
// of its last three bytes as the previous and the next word (i-1 suffix,
// i+1 suffix).
type ctxEntry struct {
	tags uint32
	feat [5]featRef
	suf  [2]featRef
}

// tagWordFeat is one "i-1 tag+i word" feature of a word: the previous tag
// (a tag id) and the feature.
type tagWordFeat struct {
	tag int32
	f   featRef
}

// A word's tagWord features are tagWord[r>>tagCountBits:][:r&tagCountMask]
// for r = wordTags[word id].
const (
	tagCountBits = 7
	tagCountMask = 1<<tagCountBits - 1
)

// isEmoticon marks an emoticon in model.dict.
const isEmoticon = -2

// Feature templates, as prose's featurize spells them.
const (
	tBias = iota
	tSuffix
	tPref1
	tPrevTag
	tPrev2Tag
	tTagPair
	tWord
	tPrevTagWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
)

// templates are the feature names but "bias", each with its index into
// model.sufFeat or model.wordFeat where it has one.
var templates = [...]struct {
	prefix string
	kind   int
	slot   int
}{
	{"i suffix ", tSuffix, 0}, {"i pref1 ", tPref1, -1}, {"i-1 tag ", tPrevTag, -1},
	{"i-2 tag ", tPrev2Tag, -1}, {"i tag+i-2 tag ", tTagPair, -1}, {"i word ", tWord, 0},
	{"i-1 tag+i word ", tPrevTagWord, -1}, {"i-1 word ", tPrevWord, 1},
	{"i-1 suffix ", tPrevSuffix, 1}, {"i-2 word ", tPrev2Word, 2}, {"i+1 word ", tNextWord, 3},
	{"i+1 suffix ", tNextSuffix, 2}, {"i+2 word ", tNext2Word, 4},
}

const magic = "slant-tagger-v1\n"

// maxClasses bounds the classes: scores are kept in a fixed array and the
// classes seen for a token in a uint64.
const maxClasses = 64

// maxWeight bounds the absolute weight in thousandths, so that a weight fits
// in 26 bits beside its class and fourteen of them sum without overflow.
const maxWeight = 1 << 25

// decodeModel reads the format written by internal/gen.
func decodeModel(gz []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("tagger: model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("tagger: model: %w", err)
	}
	r := &reader{b: data}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("tagger: model: bad magic")
	}
	r.b = r.b[len(magic):]

	m := &model{
		suffix: map[string]int32{}, vocab: map[string]int32{}, tagIDs: map[string]int32{},
	}
	bias := int32(-1)
	nc := r.uvarint()
	if nc == 0 || nc > maxClasses {
		return nil, fmt.Errorf("tagger: model: %d classes (at most %d supported)", nc, maxClasses)
	}
	m.classes = make([]string, nc)
	m.classTag = make([]int32, nc)
	for i := range m.classes {
		m.classes[i] = r.str()
		if i > 0 && m.classes[i] <= m.classes[i-1] {
			return nil, errors.New("tagger: model: classes not sorted")
		}
		m.classTag[i] = m.tagID(m.classes[i])
	}
	m.start, m.start2 = m.tagID("-START-"), m.tagID("-START2-")
	m.dash, m.sym, m.nn, m.none = m.tagID("-"), m.tagID("SYM"), m.tagID("NN"), m.tagID("-NONE-")

	nd := r.uvarint()
	m.dict = make(map[string]int32, nd)
	for range nd {
		w := r.str()
		c := r.uvarint()
		if c >= nc {
			return nil, errors.New("tagger: model: dictionary class out of range")
		}
		m.dict[w] = m.classTag[c]
	}

	for e := range emoticons {
		m.dict[e] = isEmoticon // checked before the dictionary by prose too
	}

	// Weights, with each feature name parsed back into its template and
	// value. Every template prefix ends in a space and none is a prefix of
	// another, so a name has at most one parse, and a name prose builds
	// (template + " " + value) is found exactly when it is in the model.
	byteOf := make(map[string]int, 256)
	for b := range 256 {
		byteOf[string(rune(b))] = b
	}
	type sufRef struct{ slot, id, f int32 }
	var sufs, words []sufRef
	type pairRef struct{ p1, p2, f int32 }
	var pairs []pairRef
	var prev1, prev2 []pairRef
	var pref []pairRef    // first byte, -1, feature
	var tagWords []sufRef // p1, word id, feature
	nf := r.uvarint()
	if nf > uint64(len(data)) || nf >= 1<<31 {
		return nil, errors.New("tagger: model: bad feature count")
	}
	var name []byte
	for f := range int32(nf) {
		k := r.uvarint()
		rest := r.str()
		if k > uint64(len(name)) {
			return nil, errors.New("tagger: model: bad feature name")
		}
		name = append(name[:k], rest...)
		s := string(name)
		if s == "bias" {
			bias = f
			continue
		}
		kind, slot, val := -1, -1, ""
		for _, t := range templates {
			if v, ok := strings.CutPrefix(s, t.prefix); ok {
				kind, slot, val = t.kind, t.slot, v
				break
			}
		}
		switch kind {
		case tSuffix, tPrevSuffix, tNextSuffix:
			sufs = append(sufs, sufRef{int32(slot), intern(m.suffix, val), f})
		case tWord, tPrevWord, tPrev2Word, tNextWord, tNext2Word:
			words = append(words, sufRef{int32(slot), intern(m.vocab, val), f})
		case tPref1:
			if b, ok := byteOf[val]; ok {
				pref = append(pref, pairRef{int32(b), -1, f})
			} // otherwise no first byte produces it
		case tPrevTag:
			prev1 = append(prev1, pairRef{m.tagID(val), -1, f})
		case tPrev2Tag:
			prev2 = append(prev2, pairRef{m.tagID(val), -1, f})
		case tTagPair:
			// Tags never contain a space, so the first space splits them.
			if p1, p2, ok := strings.Cut(val, " "); ok {
				pairs = append(pairs, pairRef{m.tagID(p1), m.tagID(p2), f})
			}
		case tPrevTagWord:
			if p1, w, ok := strings.Cut(val, " "); ok {
				tagWords = append(tagWords, sufRef{m.tagID(p1), intern(m.vocab, w), f})
			}
		default:
			if r.err == nil {
				return nil, fmt.Errorf("tagger: model: unknown feature %q", s)
			}
		}
	}
	// Entry 0 is padding (see featRef).
	m.refs = make([]featRef, nf)
	off := uint64(1)
	for f := range nf {
		n := r.uvarint()
		if n > nc || off+n >= maxEntries {
			return nil, errors.New("tagger: model: too many weights")
		}
		m.refs[f] = featRef(off<<refCountBits | n)
		off += n
	}
	nw := int(off - 1)
	if r.err != nil || nw > len(r.b) {
		return nil, errors.New("tagger: model: truncated")
	}
	cls := r.b[:nw]
	r.b = r.b[nw:]
	m.ent = make([]uint32, nw+1)
	for i, c := range cls {
		v := r.varint()
		if uint64(c) >= nc || v <= -maxWeight || v >= maxWeight {
			return nil, errors.New("tagger: model: weight out of range")
		}
		m.ent[i+1] = uint32(v)<<6 | uint32(c)
	}
	if r.err != nil {
		return nil, fmt.Errorf("tagger: model: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, errors.New("tagger: model: trailing data")
	}
	if bias < 0 {
		return nil, errors.New("tagger: model: no bias feature")
	}
	m.bias = m.refs[bias]
	for _, p := range pref {
		m.pref[p.p1] = m.refs[p.f]
	}
	m.sufFeat = make([][3]featRef, len(m.suffix))
	for _, s := range sufs {
		m.sufFeat[s.id][s.slot] = m.refs[s.f]
	}
	m.wordFeat = make([][5]featRef, len(m.vocab))
	for _, s := range words {
		m.wordFeat[s.id][s.slot] = m.refs[s.f]
	}
	// Group the "i-1 tag+i word" features by word (then by tag, so that
	// the layout does not depend on the model file's order).
	slices.SortFunc(tagWords, func(a, b sufRef) int {
		return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.slot, b.slot))
	})
	if len(m.tagNames) > tagCountMask || len(tagWords) >= 1<<(32-tagCountBits) {
		return nil, errors.New("tagger: model: too many tags")
	}
	m.tagWord = make([]tagWordFeat, len(tagWords))
	m.wordTags = make([]uint32, len(m.vocab))
	for i, s := range tagWords {
		if i > 0 && tagWords[i-1].id == s.id && tagWords[i-1].slot == s.slot {
			return nil, errors.New("tagger: model: duplicate feature")
		}
		m.tagWord[i] = tagWordFeat{s.slot, m.refs[s.f]}
		r := &m.wordTags[s.id]
		if *r == 0 {
			*r = uint32(i) << tagCountBits
		}
		*r++ // a word has at most one feature per tag: fewer than 1<<tagCountBits
	}
	nt := len(m.tagNames)
	m.tag1, m.tag2, m.pair = make([]featRef, nt), make([]featRef, nt), make([]featRef, nt*nt)
	for _, p := range prev1 {
		m.tag1[p.p1] = m.refs[p.f]
	}
	for _, p := range prev2 {
		m.tag2[p.p1] = m.refs[p.f]
	}
	for _, p := range pairs {
		m.pair[int(p.p1)*nt+int(p.p2)] = m.refs[p.f]
	}
	ncls := len(m.classes)
	m.base = make([]int32, nt*nt*ncls)
	m.baseMask = make([]uint64, nt*nt)
	for p1 := range nt {
		for p2 := range nt {
			k := p1*nt + p2
			var score [maxClasses]int32
			seen := m.add(&score, m.bias) | m.add(&score, m.tag1[p1]) |
				m.add(&score, m.tag2[p2]) | m.add(&score, m.pair[k])
			copy(m.base[k*ncls:(k+1)*ncls], score[:ncls])
			m.baseMask[k] = seen
		}
	}
	m.ctxStart = [2]ctxEntry{m.context("-START-"), m.context("-START2-")}
	m.ctxEnd = [2]ctxEntry{m.context("-END-"), m.context("-END2-")}
	m.ctxHyphen, m.ctxYear, m.ctxDigits = m.context("!HYPHEN"), m.context("!YEAR"), m.context("!DIGITS")
	m.lex = make(map[string]int32, len(m.vocab)+len(m.dict))
	for _, words := range []map[string]int32{m.vocab, m.dict} {
		for w := range words {
			if _, ok := m.lex[w]; ok {
				continue
			}
			e := lexEntry{ctx: m.context(w), isuf: m.suffixFeat(w), dict: notInDict}
			if d, ok := m.dict[w]; ok {
				e.dict = d
			}
			m.lex[w] = int32(len(m.lexEntries))
			m.lexEntries = append(m.lexEntries, e)
		}
	}
	return m, nil
}

// lexIndex returns w's index in m.lex, -1 if absent.
func (m *model) lexIndex(w string) int32 {
	if i, ok := m.lex[w]; ok {
		return i
	}
	return -1
}

// suffixFeat returns the "i suffix" feature of w's last three bytes.
func (m *model) suffixFeat(w string) featRef {
	if id, ok := m.suffix[w[len(w)-min(len(w), 3):]]; ok {
		return m.sufFeat[id][0]
	}
	return noFeature
}

// tagID interns a tag while the model is built.
func (m *model) tagID(t string) int32 {
	if id, ok := m.tagIDs[t]; ok {
		return id
	}
	id := int32(len(m.tagNames))
	m.tagIDs[t] = id
	m.tagNames = append(m.tagNames, t)
	return id
}

func intern(ids map[string]int32, s string) int32 {
	if id, ok := ids[s]; ok {
		return id
	}
	id := int32(len(ids))
	ids[s] = id
	return id
}

// context returns the ids of a context word as written (no normalisation).
func (m *model) context(s string) ctxEntry {
	e := noContext
	if id, ok := m.vocab[s]; ok {
		e.tags, e.feat = m.wordTags[id], m.wordFeat[id]
	}
	if id, ok := m.suffix[s[len(s)-min(len(s), 3):]]; ok {
		e.suf = [2]featRef{m.sufFeat[id][1], m.sufFeat[id][2]}
	}
	return e
}

var noContext = ctxEntry{}

// normContext returns the ids of prose's normalize(w) for a non-empty w:
// "!HYPHEN" if w contains "-" but does not start with it, "!YEAR" if w is a
// four-character integer (strconv.Atoi syntax, so "+123" and "-123" count),
// "!DIGITS" if it starts with an ASCII digit, otherwise strings.ToLower(w).
// raw is w's index in model.lex, -1 if absent.
func (m *model) normContext(w string, raw int32) ctxEntry {
	switch {
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return m.ctxHyphen
	case len(w) == 4 && isAtoi(w):
		return m.ctxYear
	case '0' <= w[0] && w[0] <= '9':
		return m.ctxDigits
	}
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return m.context(strings.ToLower(w)) // Unicode case mapping
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper { // w is its own normalisation
		if raw >= 0 {
			return m.lexEntries[raw].ctx
		}
		// Every vocabulary word is in m.lex: only the suffix is left to find.
		e := noContext
		if id, ok := m.suffix[w[len(w)-min(len(w), 3):]]; ok {
			e.suf = [2]featRef{m.sufFeat[id][1], m.sufFeat[id][2]}
		}
		return e
	}
	var buf [64]byte
	if len(w) > len(buf) {
		return m.context(strings.ToLower(w))
	}
	b := buf[:len(w)]
	copy(b, w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return m.contextBytes(b)
}

// contextBytes is context for a word in a scratch buffer; the map lookups
// do not allocate.
func (m *model) contextBytes(b []byte) ctxEntry {
	if i, ok := m.lex[string(b)]; ok {
		return m.lexEntries[i].ctx
	}
	// Every vocabulary word is in m.lex: only the suffix is left to find.
	e := noContext
	if id, ok := m.suffix[string(b[len(b)-min(len(b), 3):])]; ok {
		e.suf = [2]featRef{m.sufFeat[id][1], m.sufFeat[id][2]}
	}
	return e
}

// isAtoi reports whether strconv.Atoi accepts s: an optional sign and one
// or more ASCII digits (s is short enough never to overflow).
func isAtoi(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stackWords is the sentence length up to which the context lives on the
// stack.
const stackWords = 124

// tag tags non-empty, sanitized words into tags (prose's perceptronTagger.tag).
func (m *model) tag(words, tags []string) {
	n := len(words)
	var stack [stackWords + 4]ctxEntry
	var rawStack [stackWords]int32
	var ctx []ctxEntry
	var raw []int32 // each word's index in m.lex, -1 if absent
	if n <= stackWords {
		ctx, raw = stack[:n+4], rawStack[:n]
	} else {
		ctx, raw = make([]ctxEntry, n+4), make([]int32, n)
	}
	ctx[0], ctx[1] = m.ctxStart[0], m.ctxStart[1]
	for i, w := range words {
		raw[i] = m.lexIndex(w)
		ctx[i+2] = m.normContext(w, raw[i])
	}
	ctx[n+2], ctx[n+3] = m.ctxEnd[0], m.ctxEnd[1]

	p1, p2 := m.start, m.start2
	for i, w := range words {
		var tag string
		var id int32
		dict := int32(notInDict)
		if raw[i] >= 0 {
			dict = m.lexEntries[raw[i]].dict
		}
		switch {
		case w == "-":
			tag, id = "-", m.dash
		case dict == isEmoticon:
			tag, id = "SYM", m.sym
		case isLink(w):
			tag, id = "NN", m.nn
		case (w == "0" || w[0] == '*') && noneRE.MatchString(w):
			tag, id = "-NONE-", m.none
		case len(w) == 5 && w[0] == '-' && keepRE.MatchString(w):
			tag, id = w, -1
			if t, ok := m.tagIDs[w]; ok {
				id = t
			}
		default:
			if dict >= 0 {
				tag, id = m.tagNames[dict], dict
			} else if c := m.predict(w, raw[i], ctx[i:i+5], p1, p2); c >= 0 {
				tag, id = m.classes[c], m.classTag[c]
			} else {
				tag, id = "", -1 // no feature had weights: prose returns ""
			}
		}
		tags[i] = tag
		p2, p1 = p1, id
	}
}

// isLink reports prose's "NN" case: a link, an e-mail address or an @handle.
// LinkPattern cannot match without a '.' and EmailPattern without an '@'.
func isLink(w string) bool {
	if strings.IndexByte(w, '.') >= 0 && commonregex.LinkRegex.MatchString(w) {
		return true
	}
	if at := strings.IndexByte(w, '@'); at == 0 || at > 0 && commonregex.EmailRegex.MatchString(w) {
		return true
	}
	return false
}

// predict returns the best class for word w with context words ctx (the two
// before w, w, and the two after) and previous tags p1, p2 (tag ids, -1 for a
// tag the model has no feature for): the highest score, the first class in
// byte order on an exact tie, or -1 when no class has a weight (prose then
// returns "").
func (m *model) predict(w string, raw int32, ctx []ctxEntry, p1, p2 int32) int {
	var score [maxClasses]int32
	seen := m.score(w, raw, ctx, p1, p2, &score)
	best, bestScore := -1, int32(0)
	for seen != 0 {
		c := bits.TrailingZeros64(seen)
		seen &= seen - 1
		if best < 0 || score[c] > bestScore {
			best, bestScore = c, score[c]
		}
	}
	return best
}

// score sets score to the sum of the weights of w's features, in
// thousandths, and returns the set of classes that have a weight among them.
// Like prose, a class without any weight takes no part, even if every score
// is negative.
func (m *model) score(w string, raw int32, ctx []ctxEntry, p1, p2 int32, score *[maxClasses]int32) (seen uint64) {
	if p1 >= 0 && p2 >= 0 {
		k := int(p1)*len(m.tagNames) + int(p2)
		n := len(m.classes)
		copy(score[:n], m.base[k*n:(k+1)*n])
		seen = m.baseMask[k]
	} else {
		*score = [maxClasses]int32{}
		seen = m.add(score, m.bias)
		if p1 >= 0 {
			seen |= m.add(score, m.tag1[p1])
		}
		if p2 >= 0 {
			seen |= m.add(score, m.tag2[p2])
		}
	}
	if raw >= 0 {
		seen |= m.add(score, m.lexEntries[raw].isuf)
	} else {
		seen |= m.add(score, m.suffixFeat(w))
	}
	seen |= m.add(score, m.pref[w[0]])
	for _, t := range m.tagWordsOf(ctx[2].tags) { // p1 < 0 matches none
		if t.tag == p1 {
			seen |= m.add(score, t.f)
			break
		}
	}
	seen |= m.add(score, ctx[2].feat[0]) // i word
	seen |= m.add(score, ctx[1].feat[1]) // i-1 word
	seen |= m.add(score, ctx[1].suf[0])  // i-1 suffix
	seen |= m.add(score, ctx[0].feat[2]) // i-2 word
	seen |= m.add(score, ctx[3].feat[3]) // i+1 word
	seen |= m.add(score, ctx[3].suf[1])  // i+1 suffix
	seen |= m.add(score, ctx[4].feat[4]) // i+2 word
	return seen
}

// add adds the weights of feature f and returns its classes.
func (m *model) add(score *[maxClasses]int32, f featRef) (seen uint64) {
	for _, e := range m.weights(f) {
		score[e&63] += int32(e) >> 6
		seen |= 1 << (e & 63)
	}
	return seen
}

// tagWordsOf returns the "i-1 tag+i word" features of a word, given its
// wordTags entry.
func (m *model) tagWordsOf(r uint32) []tagWordFeat {
	o := r >> tagCountBits
	return m.tagWord[o : o+r&tagCountMask]
}

// weights returns the entries of feature f.
func (m *model) weights(f featRef) []uint32 {
	o := f >> refCountBits
	return m.ent[o : o+f&refCountMask]
}

// reader decodes varints and strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("truncated")

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errShort
	}
	r.b = nil
}
