package coverage

import (
	"encoding/binary"
	"hash/fnv"
	"math/bits"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

const (
	// shingleSize is the number of words per shingle.
	shingleSize = 5
	// minHashes is the MinHash signature length: the Jaccard estimate's
	// standard error is at most 0.5/√128 ≈ 0.044.
	minHashes = 128
	// lshBands × lshRows = minHashes. Two articles become candidates when
	// one band of 4 hashes agrees: probability 1−(1−J⁴)³² is 0.87 at
	// J = 0.4 and 0.9999 at J = 0.6, so copies above DefaultDupThreshold are
	// all but never missed.
	lshBands = 32
	lshRows  = minHashes / lshBands
	// DefaultDupThreshold is the estimated Jaccard similarity of two
	// articles' word 5-shingles at or above which one is reported as a copy
	// of the other. A wire story republished with a new headline, a credit
	// line and a trimmed or lightly edited paragraph stays above 0.6 (see
	// dedup_test.go); independent reports of one event, like the five seeds,
	// share under 0.05 of their shingles.
	DefaultDupThreshold = 0.5
	// mersenne61 is the prime 2⁶¹−1 the hash family works modulo.
	mersenne61 = (1 << 61) - 1
)

// hashFamily are the (a, b) pairs of the universal hashes (a·x + b) mod p,
// drawn once from a fixed seed so signatures are the same on every run.
var hashFamily = func() [minHashes][2]uint64 {
	rng := rand.New(rand.NewPCG(0x5eed, 0xc0ffee))
	var f [minHashes][2]uint64
	for i := range f {
		f[i] = [2]uint64{1 + rng.Uint64N(mersenne61-1), rng.Uint64N(mersenne61)}
	}
	return f
}()

// mulmod61 returns a·x + b mod 2⁶¹−1 without overflow.
func mulmod61(a, x, b uint64) uint64 {
	x %= mersenne61
	hi, lo := bits.Mul64(a, x)
	// a·x = hi·2⁶⁴ + lo; 2⁶¹ ≡ 1, so 2⁶⁴ ≡ 8.
	r := (lo & mersenne61) + (lo >> 61) + (hi << 3)
	r = (r & mersenne61) + (r >> 61)
	r += b
	r = (r & mersenne61) + (r >> 61)
	if r >= mersenne61 {
		r -= mersenne61
	}
	return r
}

// Signature is a MinHash signature of an article's word shingles.
type Signature [minHashes]uint64

// Sign computes the MinHash signature of the words of src[start:end] spans
// (folded, in order, 5-word shingles). Texts of fewer than five words get a
// signature of their one shingle.
func Sign(src string, spans []text.Span) Signature {
	var words []string
	for _, sp := range spans {
		for _, t := range text.Tokenize(src, sp.Start, sp.End, nil) {
			if t.Kind == text.Word || t.Kind == text.Number {
				words = append(words, t.Norm)
			}
		}
	}
	var sig Signature
	for i := range sig {
		sig[i] = mersenne61
	}
	h := fnv.New64a()
	n := max(1, len(words)-shingleSize+1)
	for i := 0; i < n; i++ {
		h.Reset()
		for _, w := range words[i:min(len(words), i+shingleSize)] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		x := h.Sum64()
		for k, ab := range hashFamily {
			if v := mulmod61(ab[0], x, ab[1]); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// Jaccard estimates the Jaccard similarity of two signatures' shingle sets.
func (s Signature) Jaccard(o Signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / minHashes
}

// SignResult signs an analysed article's kept sentences (furniture that
// the cleaner removed does not count).
func SignResult(r *framing.Result) Signature {
	spans := make([]text.Span, len(r.Sentences))
	for i, s := range r.Sentences {
		spans[i] = text.Span{Start: s.Start, End: s.End}
	}
	return Sign(r.Text, spans)
}

// Duplicate reports an article that is a near-copy of an earlier one.
type Duplicate struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	// Of is the earliest article (in input order) it copies.
	Of       string `json:"of"`
	OfOutlet string `json:"of_outlet"`
	// Similarity is the estimated Jaccard similarity of their 5-shingles.
	Similarity float64 `json:"similarity"`
	// Wire is the wire agency the copy credits, if any.
	Wire string `json:"wire,omitempty"`
}

// Deduper finds near-duplicates among articles added one at a time, with
// MinHash signatures and locality-sensitive hashing (bands of the
// signature), so each article is compared only with candidates. Add
// articles in a fixed order (framing.Run delivers input order) and the
// result is deterministic. The zero value is not ready: use NewDeduper.
type Deduper struct {
	threshold float64
	sigs      []Signature
	ids       []string
	outlets   []string
	bands     map[[2]uint64][]int // (band, band hash) → articles
}

// NewDeduper returns a Deduper reporting copies at or above threshold
// (DefaultDupThreshold when ≤ 0).
func NewDeduper(threshold float64) *Deduper {
	if threshold <= 0 {
		threshold = DefaultDupThreshold
	}
	return &Deduper{threshold: threshold, bands: map[[2]uint64][]int{}}
}

// Add records an article and returns the duplicate record when it copies
// an article added before (the most similar, ties to the earliest), or
// false.
func (d *Deduper) Add(r *framing.Result) (Duplicate, bool) {
	sig := SignResult(r)
	cand := map[int]bool{}
	keys := make([][2]uint64, lshBands)
	for b := 0; b < lshBands; b++ {
		h := fnv.New64a()
		var buf [8]byte
		for _, v := range sig[b*lshRows : (b+1)*lshRows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		keys[b] = [2]uint64{uint64(b), h.Sum64()}
		for _, j := range d.bands[keys[b]] {
			cand[j] = true
		}
	}
	js := make([]int, 0, len(cand))
	for j := range cand {
		js = append(js, j)
	}
	sort.Ints(js)
	best, bestJ := 0.0, -1
	for _, j := range js {
		if s := sig.Jaccard(d.sigs[j]); s > best {
			best, bestJ = s, j
		}
	}
	i := len(d.sigs)
	d.sigs = append(d.sigs, sig)
	d.ids = append(d.ids, r.ID)
	d.outlets = append(d.outlets, r.Outlet)
	for _, k := range keys {
		d.bands[k] = append(d.bands[k], i)
	}
	if bestJ < 0 || best < d.threshold {
		return Duplicate{}, false
	}
	return Duplicate{Article: r.ID, Outlet: r.Outlet, Of: d.ids[bestJ], OfOutlet: d.outlets[bestJ], Similarity: round4(best), Wire: WireCredit(r.Text)}, true
}

// Duplicates returns the near-copies among results, in input order.
func Duplicates(results []*framing.Result, threshold float64) []Duplicate {
	d := NewDeduper(threshold)
	out := []Duplicate{}
	for _, r := range results {
		if dup, ok := d.Add(r); ok {
			out = append(out, dup)
		}
	}
	return out
}

// wireRE finds wire credits: a parenthesised agency in a dateline
// ("PARIS (AP) —", "KYIV, Aug 20 (Reuters) -") or a credit line ("The
// Associated Press contributed", "Reporting by ... Reuters", "©AFP").
var wireRE = regexp.MustCompile(`\((AP|Reuters|AFP|dpa|UPI|Bloomberg)\)|(?i)\b(Associated Press|Reuters|Agence France-Presse|AFP)\b[^.\n]{0,40}\b(contributed|reported|reporting|wrote)|(?i)(reporting by|copyright|©)\s*[^\n]{0,60}?\b(Associated Press|Reuters|AFP|Agence France-Presse)\b`)

// wireNames maps the forms wireRE captures to one agency name.
var wireNames = map[string]string{"ap": "AP", "associated press": "AP", "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "dpa": "dpa", "upi": "UPI", "bloomberg": "Bloomberg"}

// WireCredit returns the wire agency an article credits in a dateline or a
// credit line, or "".
func WireCredit(s string) string {
	m := wireRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	for _, g := range []string{m[1], m[2], m[5]} {
		if g != "" {
			return wireNames[strings.ToLower(g)]
		}
	}
	return ""
}
