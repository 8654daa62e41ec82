package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// permTol is the relative tolerance with which a permuted statistic counts as
// at least as extreme as the observed one, so that relabellings equivalent to
// the observed one are not lost to floating-point rounding.
const permTol = 1e-12

// PermutationTest returns the two-sided Monte Carlo permutation p-value of
// the two-sample statistic stat for x against y:
//
//	p = (1 + #{b : |stat(x*_b, y*_b)| ≥ |stat(x, y)|}) / (n + 1)
//
// where (x*_b, y*_b), b = 1..n, are random relabellings of the pooled sample
// into groups of sizes len(x) and len(y) (uniform shuffles drawn from a
// generator seeded with seed). Counting the observed labelling makes p a
// valid p-value that is never 0; its smallest value is 1/(n+1).
//
// A permuted statistic counts as extreme if |stat*| ≥ |stat_obs|·(1 − 1e-12),
// absorbing rounding differences between relabellings with the same value,
// or if it is NaN (conservatively). The result depends only on the inputs
// and seed.
//
// stat is called with slices of an internal buffer that is refilled between
// calls: it may reorder their elements but must not retain the slices. PermutationTest panics if stat is nil. It returns NaN if x or
// y is empty or stat(x, y) is NaN, and 1 if n ≤ 0.
func PermutationTest(x, y []float64, stat func(x, y []float64) float64, n int, seed uint64) float64 {
	if stat == nil {
		panic("stats: nil statistic")
	}
	if len(x) == 0 || len(y) == 0 {
		return math.NaN()
	}
	obs := math.Abs(stat(x, y))
	if math.IsNaN(obs) {
		return math.NaN()
	}
	if n <= 0 {
		return 1
	}
	thr := obs * (1 - permTol)
	nx := len(x)
	pool := make([]float64, 0, len(x)+len(y))
	pool = append(append(pool, x...), y...)
	rng := newRand(seed)
	swap := func(i, j int) { pool[i], pool[j] = pool[j], pool[i] }
	extreme := 0
	for range n {
		rng.Shuffle(len(pool), swap)
		s := math.Abs(stat(pool[:nx:nx], pool[nx:]))
		if !(s < thr) { // s ≥ thr or s is NaN
			extreme++
		}
	}
	return float64(1+extreme) / float64(n+1)
}

// BootstrapCI returns the percentile bootstrap (1−alpha) confidence interval
// of the two-sample statistic stat(x, y). Each of the n replicates resamples
// x and y independently with replacement, keeping their sizes, using a
// generator seeded with seed; the interval is
//
//	lo = Q(α/2),   hi = Q(1 − α/2)
//
// where Q is the empirical quantile function (stat.Quantile with
// stat.Empirical: the smallest replicate whose empirical CDF reaches the
// level) of the replicates. Replicates for which stat is NaN are discarded.
// The result depends only on the inputs and seed.
//
// stat is called with slices of an internal buffer that is refilled between
// calls: it may reorder their elements but must not retain the slices. BootstrapCI panics if stat is nil. It returns (NaN, NaN) if x
// or y is empty, n ≤ 0, alpha is not in (0, 1), or every replicate is NaN.
func BootstrapCI(x, y []float64, stat func(x, y []float64) float64, n int, alpha float64, seed uint64) (lo, hi float64) {
	if stat == nil {
		panic("stats: nil statistic")
	}
	if len(x) == 0 || len(y) == 0 || n <= 0 || !(alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	rng := newRand(seed)
	xs := make([]float64, len(x))
	ys := make([]float64, len(y))
	reps := make([]float64, 0, n)
	for range n {
		for i := range xs {
			xs[i] = x[rng.IntN(len(x))]
		}
		for i := range ys {
			ys[i] = y[rng.IntN(len(y))]
		}
		if s := stat(xs[:len(xs):len(xs)], ys[:len(ys):len(ys)]); !math.IsNaN(s) {
			reps = append(reps, s)
		}
	}
	if len(reps) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(reps)
	return empiricalQuantile(alpha/2, reps), empiricalQuantile(1-alpha/2, reps)
}

// empiricalQuantile returns the Empirical quantile of sorted, NaN-free data.
func empiricalQuantile(p float64, sorted []float64) float64 {
	return stat.Quantile(p, stat.Empirical, sorted, nil)
}
