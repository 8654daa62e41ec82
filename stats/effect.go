package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// CohensH returns Cohen's h, the effect size for the difference between two
// proportions on the arcsine-square-root (variance-stabilised) scale:
//
//	h = 2·asin(√p1) − 2·asin(√p2)
//
// h is 0 for equal proportions and lies in [−π, π]; Cohen's rules of thumb
// call |h| ≈ 0.2 small, 0.5 medium and 0.8 large. CohensH returns NaN if
// either proportion is NaN or outside [0, 1].
func CohensH(p1, p2 float64) float64 {
	if !(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) {
		return math.NaN()
	}
	return 2*math.Asin(math.Sqrt(p1)) - 2*math.Asin(math.Sqrt(p2))
}

// CliffsDelta returns Cliff's delta, the ordinal dominance effect size of x
// over y:
//
//	δ = (#{(i, j) : x_i > y_j} − #{(i, j) : x_i < y_j}) / (n·m)
//
// where n = len(x) and m = len(y). δ lies in [−1, 1]: 1 when every x exceeds
// every y, −1 when every y exceeds every x, 0 under stochastic equality. Ties
// count in neither term. δ equals 2·U_x/(n·m) − 1 for the Mann–Whitney U of x
// (see MannWhitney).
//
// The counts are computed in O((n+m)·log(n+m)) time by sorting copies of x and
// y and merging, not by comparing all n·m pairs; x and y are not modified.
// CliffsDelta returns NaN if x or y is empty. The inputs must not contain NaN.
func CliffsDelta(x, y []float64) float64 {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return math.NaN()
	}
	xs := slices.Clone(x)
	ys := slices.Clone(y)
	slices.Sort(xs)
	slices.Sort(ys)
	// For each x in increasing order, lo is #{y < x} and hi is #{y ≤ x};
	// both only move forward, so the merge is linear after sorting.
	var greater, less float64
	lo, hi := 0, 0
	for _, v := range xs {
		for lo < m && ys[lo] < v {
			lo++
		}
		if hi < lo {
			hi = lo
		}
		for hi < m && ys[hi] <= v {
			hi++
		}
		greater += float64(lo)
		less += float64(m - hi)
	}
	return (greater - less) / (float64(n) * float64(m))
}

// StandardizedDifference returns Hedges' g, the standardised mean difference
// of x over y with the small-sample bias correction:
//
//	s_p = √( ((n−1)·s_x² + (m−1)·s_y²) / (n+m−2) )
//	d   = (mean(x) − mean(y)) / s_p
//	J   = 1 − 3/(4(n+m) − 9)
//	g   = J·d
//
// where n = len(x), m = len(y) and s_x², s_y² are the unbiased sample
// variances (a group of one contributes 0 to the numerator of s_p²).
//
// Degenerate cases: g is NaN if either group is empty or n+m < 3 (s_p is
// undefined). When s_p = 0 (both groups constant), g is 0 if the means are
// equal and NaN if they differ: the standardised difference is unbounded
// there, and NaN is returned rather than ±Inf so that no infinite effect
// size leaks into averages or rankings. For n+m = 3 the correction J is 0,
// so g is 0 whenever it is defined.
func StandardizedDifference(x, y []float64) float64 {
	n, m := len(x), len(y)
	if n == 0 || m == 0 || n+m < 3 {
		return math.NaN()
	}
	mx, ssx := meanSumSquares(x)
	my, ssy := meanSumSquares(y)
	sp := math.Sqrt((ssx + ssy) / float64(n+m-2))
	diff := mx - my
	if sp == 0 {
		if diff == 0 {
			return 0
		}
		return math.NaN()
	}
	j := 1 - 3/(4*float64(n+m)-9)
	return j * diff / sp
}

// meanSumSquares returns the mean of x and Σ(x_i − mean)², the latter being
// (len(x)−1) times the unbiased variance, 0 for a single value.
func meanSumSquares(x []float64) (mean, ss float64) {
	if len(x) == 1 {
		return x[0], 0
	}
	mean, v := stat.MeanVariance(x, nil)
	return mean, v * float64(len(x)-1)
}

// MeanDifference returns the difference of the sample means,
//
//	mean(x) − mean(y) = Σx_i/n − Σy_j/m
//
// It has the signature of a two-sample statistic, so it can be passed to
// PermutationTest and BootstrapCI. It returns NaN if x or y is empty.
func MeanDifference(x, y []float64) float64 {
	if len(x) == 0 || len(y) == 0 {
		return math.NaN()
	}
	return stat.Mean(x, nil) - stat.Mean(y, nil)
}
