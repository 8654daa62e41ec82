package stats

import (
	"cmp"
	"math"
	"slices"
)

// GSquared returns Dunning's log-likelihood statistic G² in the two-cell form
// popularised by Rayson and Garside for keyness, for a term seen a times in
// corpus 1 of n1 tokens and b times in corpus 2 of n2 tokens, and its p-value
// under the χ² distribution with one degree of freedom:
//
//	E1 = n1·(a+b)/(n1+n2),   E2 = n2·(a+b)/(n1+n2)
//	G² = 2·(a·ln(a/E1) + b·ln(b/E2)),   0·ln 0 = 0
//	p  = P(χ²₁ > G²) = erfc(√(G²/2))
//
// G² is non-negative and says how surprising the difference in relative
// frequency is, not its direction; see SignedG2. Critical values: 3.84 for
// p = 0.05, 6.63 for p = 0.01, 10.83 for p = 0.001.
//
// Degenerate cases: if a+b = 0 the term is absent from both corpora and
// GSquared returns (0, 1). It returns (NaN, NaN) if any argument is NaN or
// negative, or if a > n1 or b > n2 (a count larger than its corpus).
func GSquared(a, b, n1, n2 float64) (g2, p float64) {
	if !(a >= 0 && b >= 0 && a <= n1 && b <= n2) {
		return math.NaN(), math.NaN()
	}
	if a+b == 0 {
		return 0, 1
	}
	e1 := n1 * (a + b) / (n1 + n2)
	e2 := n2 * (a + b) / (n1 + n2)
	g2 = 2 * (xlogxy(a, e1) + xlogxy(b, e2))
	// Rounding can push a near-zero G² slightly negative.
	g2 = max(g2, 0)
	return g2, chiSquared1Survival(g2)
}

// chiSquared1Survival returns P(χ²₁ > x) = erfc(√(x/2)), the identity
// for one degree of freedom (χ²₁ is the square of a standard normal). It
// equals distuv.ChiSquared{K: 1}.Survival to rounding and is several times
// faster, which matters when keyness runs over a whole vocabulary for each
// of hundreds of sources.
func chiSquared1Survival(x float64) float64 {
	if !(x > 0) {
		return 1
	}
	return math.Erfc(math.Sqrt(x / 2))
}

// xlogxy returns x·ln(x/y) with 0·ln(0/y) = 0.
func xlogxy(x, y float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(x/y)
}

// SignedG2 returns G² (see GSquared) signed by the direction of the
// difference:
//
//	+G²  if a/n1 > b/n2   (the term is overused in corpus 1)
//	−G²  otherwise
//
// The comparison is made as a·n2 > b·n1, so an empty corpus does not divide by
// zero. Equal relative frequencies give G² = 0. SignedG2 returns NaN where
// GSquared does.
func SignedG2(a, b, n1, n2 float64) float64 {
	g2, _ := GSquared(a, b, n1, n2)
	if math.IsNaN(g2) {
		return g2
	}
	if a*n2 > b*n1 {
		return g2
	}
	return -g2
}

// defaultPriorScale is the priorScale FightinWords uses when it is given a
// non-positive or NaN one: the prior carries 1% of the pooled corpus size.
const defaultPriorScale = 0.01

// TermScore is one term's Fightin' Words result.
type TermScore struct {
	// Term is the term as it appears in the count maps.
	Term string
	// Delta is the log-odds ratio δ_w of the term in A against B;
	// positive means the term is overused in A.
	Delta float64
	// Variance is the approximate variance σ²_w of Delta.
	Variance float64
	// Z is Delta/√Variance, the z-score used for ranking.
	Z float64
	// CountA and CountB are the raw counts y_a and y_b.
	CountA, CountB float64
}

// FightinWords returns the log-odds ratio with informative Dirichlet prior of
// Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature
// Selection and Evaluation for Identifying the Content of Political
// Conflict", for every term of the corpora with counts a and b.
//
// For a term w with counts y_a = a[w], y_b = b[w], corpus totals
// n_a = Σa, n_b = Σb, prior pseudo-count α_w and α_0 = Σ_w α_w:
//
//	δ_w = ln((y_a+α_w)/(n_a+α_0−y_a−α_w)) − ln((y_b+α_w)/(n_b+α_0−y_b−α_w))
//	σ²_w ≈ 1/(y_a+α_w) + 1/(y_b+α_w)
//	z_w = δ_w / σ_w
//
// The prior is α_w = α_0·π_w, a background distribution π scaled to a total
// pseudo-count α_0 proportional to the data:
//
//	α_0 = priorScale·(n_a + n_b)
//	π_w = prior[w] / Σ_v prior[v]        if prior is not nil
//	π_w = (y_a + y_b) / (n_a + n_b)      if prior is nil (the pooled corpus)
//
// so with a nil prior α_w = priorScale·(y_a + y_b). The sum over v runs over
// the vocabulary (the keys of a and b); prior entries for other terms are
// ignored, and a term missing from a non-nil prior has α_w = 0 (if no term
// of the vocabulary has prior mass, α_0 = 0: the unsmoothed log-odds). A
// priorScale that is ≤ 0 or NaN means the default 0.01; priorScale 1
// gives the prior as much weight as the data, as in the common practice of
// using the pooled counts themselves as the prior.
//
// The result holds one TermScore per term, sorted by Z descending, ties broken
// by Term ascending, so the order is deterministic. Positive Z marks terms
// overused in a, negative Z terms overused in b; swapping a and b negates
// Delta and Z.
//
// Degenerate cases: count entries that are negative or not finite, and prior
// entries that are not positive and finite, are ignored. Terms whose score is
// not finite are omitted: with a nil prior, terms counted 0 in both corpora;
// with a non-nil prior, terms with α_w = 0 that are absent from one corpus;
// and a term that makes up the whole of a corpus and of the prior (a
// one-term vocabulary). FightinWords returns an empty slice if both corpora
// are empty.
func FightinWords(a, b map[string]float64, prior map[string]float64, priorScale float64) []TermScore {
	if !(priorScale > 0) {
		priorScale = defaultPriorScale
	}
	valid := func(v float64) bool { return v >= 0 && !math.IsInf(v, 1) }

	// The vocabulary, sorted so that every sum runs in the same order.
	vocab := make([]string, 0, len(a)+len(b))
	for w, c := range a {
		if valid(c) {
			vocab = append(vocab, w)
		}
	}
	for w, c := range b {
		if _, ok := a[w]; (!ok || !valid(a[w])) && valid(c) {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)

	count := func(m map[string]float64, w string) float64 {
		if c, ok := m[w]; ok && valid(c) {
			return c
		}
		return 0
	}
	var na, nb float64
	for _, w := range vocab {
		na += count(a, w)
		nb += count(b, w)
	}
	if na+nb == 0 {
		return []TermScore{}
	}
	alpha0 := priorScale * (na + nb)

	// alpha(w) returns α_w = α_0·π_w.
	var alpha func(w string) float64
	if prior == nil {
		alpha = func(w string) float64 {
			return priorScale * (count(a, w) + count(b, w))
		}
	} else {
		priorOf := func(w string) float64 {
			if v := prior[w]; v > 0 && !math.IsInf(v, 1) {
				return v
			}
			return 0
		}
		var total float64
		for _, w := range vocab {
			total += priorOf(w)
		}
		if total == 0 {
			// No prior mass on the vocabulary: the unsmoothed log-odds ratio.
			alpha0 = 0
		}
		alpha = func(w string) float64 {
			if total == 0 {
				return 0
			}
			return alpha0 * priorOf(w) / total
		}
	}

	scores := make([]TermScore, 0, len(vocab))
	for _, w := range vocab {
		ya, yb := count(a, w), count(b, w)
		aw := alpha(w)
		delta := math.Log((ya+aw)/(na+alpha0-ya-aw)) - math.Log((yb+aw)/(nb+alpha0-yb-aw))
		variance := 1/(ya+aw) + 1/(yb+aw)
		z := delta / math.Sqrt(variance)
		if math.IsNaN(z) || math.IsInf(z, 0) || math.IsInf(delta, 0) {
			continue
		}
		scores = append(scores, TermScore{
			Term:     w,
			Delta:    delta,
			Variance: variance,
			Z:        z,
			CountA:   ya,
			CountB:   yb,
		})
	}
	slices.SortFunc(scores, func(s, t TermScore) int {
		if c := cmp.Compare(t.Z, s.Z); c != 0 {
			return c
		}
		return cmp.Compare(s.Term, t.Term)
	})
	return scores
}

// FightinWordsPooled is FightinWords with a nil prior for a vocabulary
// given as aligned slices: a[i] and b[i] are the counts of terms[i] (terms
// sorted, unique). It returns Z for every term, in vocabulary order, and NaN
// for a term absent from both corpora; it neither allocates per term nor
// sorts, so that comparing one source with many (each outlet against all
// the others) costs one pass over the vocabulary each. The formulas are
// FightinWords's: with n_a = Σa, n_b = Σb, α_w = priorScale·(y_a + y_b) and
// α_0 = priorScale·(n_a + n_b),
//
//	z_w = ( ln((y_a+α_w)/(n_a+α_0−y_a−α_w)) − ln((y_b+α_w)/(n_b+α_0−y_b−α_w)) ) / √(1/(y_a+α_w) + 1/(y_b+α_w))
//
// Counts that are negative or not finite count as 0. FightinWordsPooled
// panics if the slices differ in length.
func FightinWordsPooled(a, b []float64, priorScale float64) []float64 {
	if len(a) != len(b) {
		panic("stats: FightinWordsPooled: slices of different lengths")
	}
	if !(priorScale > 0) {
		priorScale = defaultPriorScale
	}
	clean := func(v float64) float64 {
		if v >= 0 && !math.IsInf(v, 1) {
			return v
		}
		return 0
	}
	var na, nb float64
	for i := range a {
		na += clean(a[i])
		nb += clean(b[i])
	}
	z := make([]float64, len(a))
	alpha0 := priorScale * (na + nb)
	for i := range a {
		ya, yb := clean(a[i]), clean(b[i])
		aw := priorScale * (ya + yb)
		delta := math.Log((ya+aw)/(na+alpha0-ya-aw)) - math.Log((yb+aw)/(nb+alpha0-yb-aw))
		zi := delta / math.Sqrt(1/(ya+aw)+1/(yb+aw))
		if math.IsInf(zi, 0) || math.IsInf(delta, 0) {
			zi = math.NaN()
		}
		z[i] = zi
	}
	return z
}
