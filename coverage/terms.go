package coverage

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/slantlab/slant/text"
)

// stopWords are English function words left out of content vectors. They
// carry no content to align on. Written by hand for this package (the
// snowball package keeps its list unexported).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet of in on at to for from by with without
		about into onto over under after before during since until than then as at is are was were be been
		being am do does did done has have had having will would shall should can could may might must
		it its it's this that these those there here which who whom whose what when where why how
		he she they them their his her him we us our you your i me my mine not no n't also just only
		very more most much many some any all each every both either neither such own same other
		another up down out off again further once while if because though although whether
		said says say told according 's ' " -- , . ; : ( ) ! ?`) {
		m[w] = true
	}
	return m
}()

// stemmer is shared: text.Stemmer is safe for concurrent use and only caches.
var stemmer = &text.Stemmer{}

// contentStems returns the stems of the content words of src[start:end], in
// order: word tokens folded, stop words dropped, stemmed; numbers kept as
// written without separators ("64,000" → "64000").
func contentStems(src string, start, end int) []string {
	toks := text.Tokenize(src, start, end, nil)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		switch t.Kind {
		case text.Word:
			if stopWords[t.Norm] || !hasLetter(t.Norm) {
				continue
			}
			out = append(out, stemmer.Stem(t.Norm))
		case text.Number:
			out = append(out, strings.ReplaceAll(t.Norm, ",", ""))
		}
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// vector is a sparse TF-IDF vector: terms sorted, weights aligned, unit norm.
type vector struct {
	terms []string
	w     []float64
}

// idf holds document frequencies over a collection of term bags.
type idf struct {
	n  int
	df map[string]int
}

func newIDF(bags [][]string) idf {
	d := idf{n: len(bags), df: map[string]int{}}
	for _, b := range bags {
		seen := map[string]bool{}
		for _, t := range b {
			if !seen[t] {
				seen[t] = true
				d.df[t]++
			}
		}
	}
	return d
}

// weight is the smoothed inverse document frequency ln((1+n)/(1+df)) + 1
// (the form scikit-learn uses), so a term in every bag still counts a little.
func (d idf) weight(t string) float64 {
	return math.Log(float64(1+d.n)/float64(1+d.df[t])) + 1
}

// vectorize builds the unit-norm TF-IDF vector of a bag (raw term counts).
func (d idf) vectorize(bag []string) vector {
	tf := map[string]int{}
	for _, t := range bag {
		tf[t]++
	}
	v := vector{terms: make([]string, 0, len(tf))}
	for t := range tf {
		v.terms = append(v.terms, t)
	}
	sort.Strings(v.terms)
	v.w = make([]float64, len(v.terms))
	var ss float64
	for i, t := range v.terms {
		x := float64(tf[t]) * d.weight(t)
		v.w[i] = x
		ss += x * x
	}
	if ss > 0 {
		n := math.Sqrt(ss)
		for i := range v.w {
			v.w[i] /= n
		}
	}
	return v
}

// cosine is the dot product of two unit vectors (merge over sorted terms,
// so the sum runs in a fixed order).
func cosine(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] == b.terms[j]:
			s += a.w[i] * b.w[j]
			i++
			j++
		case a.terms[i] < b.terms[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// add returns a+b (not normalised); used for centroids.
func add(a, b vector) vector {
	out := vector{}
	i, j := 0, 0
	for i < len(a.terms) || j < len(b.terms) {
		switch {
		case j >= len(b.terms) || i < len(a.terms) && a.terms[i] < b.terms[j]:
			out.terms, out.w = append(out.terms, a.terms[i]), append(out.w, a.w[i])
			i++
		case i >= len(a.terms) || b.terms[j] < a.terms[i]:
			out.terms, out.w = append(out.terms, b.terms[j]), append(out.w, b.w[j])
			j++
		default:
			out.terms, out.w = append(out.terms, a.terms[i]), append(out.w, a.w[i]+b.w[j])
			i++
			j++
		}
	}
	return out
}

// normalize scales v to unit length in place.
func normalize(v vector) vector {
	var ss float64
	for _, x := range v.w {
		ss += x * x
	}
	if ss > 0 {
		n := math.Sqrt(ss)
		for i := range v.w {
			v.w[i] /= n
		}
	}
	return v
}

// unionFind groups indices.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the groups of i and j, keeping the smaller index as root so
// groups are numbered in input order.
func (u unionFind) union(i, j int) {
	a, b := u.find(i), u.find(j)
	if a == b {
		return
	}
	if a < b {
		u[b] = a
	} else {
		u[a] = b
	}
}
