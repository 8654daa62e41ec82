package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
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
// y (no copy when a sample is already sorted) and merging, not by comparing
// all n·m pairs; x and y are not modified.
// CliffsDelta returns NaN if x or y is empty. The inputs must not contain NaN.
func CliffsDelta(x, y []float64) float64 {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return math.NaN()
	}
	xs, ys := sortedView(x), sortedView(y)
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

// CliffsDeltaCI returns Cliff's delta of x over y (see CliffsDelta) and its
// asymmetric (1−alpha) confidence interval from Cliff's (1993) variance
// estimate, computed from ranks in O((n+m)·log(n+m)) time, never over the
// n·m pairs. With d_ij = sign(x_i − y_j), the dominance row and column means
// d_i. = Σ_j d_ij/m and d_.j = Σ_i d_ij/n, and δ their grand mean,
//
//	s² = ( m²·Σ_i (d_i. − δ)² + n²·Σ_j (d_.j − δ)² − Σ_ij (d_ij − δ)² ) / ( n·m·(n−1)·(m−1) )
//
// (Cliff 1993, "Dominance statistics: ordinal analyses to answer ordinal
// questions", Psychological Bulletin 114, eq. 10), floored at
// (1 − δ²)/(n·m − 1) as Cliff recommends so it is never negative, and
//
//	lo, hi = ( δ − δ³ ∓ z·s·√((1 − δ²)² + z²s²) ) / ( 1 − δ² + z²s² ),   z = Φ⁻¹(1 − α/2)
//
// which stays inside [−1, 1]. Σ_ij (d_ij − δ)² = (n·m − T) − n·m·δ², where T
// counts tied pairs. Comparisons use it instead of a bootstrap for large
// samples, where resampling n·m dominance counts thousands of times costs
// too much.
//
// CliffsDeltaCI returns (NaN, NaN, NaN) if x or y is empty, and the
// estimate with NaN bounds if n < 2, m < 2 or alpha is not in (0, 1). The
// inputs must not contain NaN; they are not modified.
func CliffsDeltaCI(x, y []float64, alpha float64) (delta, lo, hi float64) {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	xs, ys := sortedView(x), sortedView(y)
	nf, mf := float64(n), float64(m)
	// One merge per direction: for each value of one sorted sample, lt
	// counts the other's values below it and le those at or below it; both
	// only move forward.
	var sumRow, sumRowSq, ties float64
	lt, le := 0, 0
	for _, v := range xs {
		for lt < m && ys[lt] < v {
			lt++
		}
		le = max(le, lt)
		for le < m && ys[le] <= v {
			le++
		}
		di := (float64(lt) - float64(m-le)) / mf
		sumRow += di
		sumRowSq += di * di
		ties += float64(le - lt)
	}
	var sumColSq float64
	lt, le = 0, 0
	for _, v := range ys {
		for lt < n && xs[lt] < v {
			lt++
		}
		le = max(le, lt)
		for le < n && xs[le] <= v {
			le++
		}
		dj := (float64(n-le) - float64(lt)) / nf
		sumColSq += dj * dj
	}
	delta = sumRow / nf
	if n < 2 || m < 2 || !(alpha > 0 && alpha < 1) {
		return delta, math.NaN(), math.NaN()
	}
	nm := nf * mf
	ssRow := sumRowSq - nf*delta*delta
	ssCol := sumColSq - mf*delta*delta
	ssAll := (nm - ties) - nm*delta*delta
	s2 := (mf*mf*ssRow + nf*nf*ssCol - ssAll) / (nm * (nf - 1) * (mf - 1))
	s2 = max(s2, (1-delta*delta)/(nm-1))
	z := distuv.UnitNormal.Quantile(1 - alpha/2)
	s := math.Sqrt(s2)
	d2 := delta * delta
	root := z * s * math.Sqrt((1-d2)*(1-d2)+z*z*s2)
	den := 1 - d2 + z*z*s2
	lo = max(-1, (delta-delta*d2-root)/den)
	hi = min(1, (delta-delta*d2+root)/den)
	return delta, lo, hi
}

// CohensHCI returns the normal-approximation (1−alpha) confidence interval
// of Cohen's h for proportions p1 of n1 and p2 of n2 units. The arcsine
// square-root transformation stabilises the variance of a proportion at
// 1/(4n), so Var(h) ≈ 1/n1 + 1/n2 whatever the proportions, and
//
//	h ± z·√(1/n1 + 1/n2),   z = Φ⁻¹(1 − α/2)
//
// Comparisons use it instead of a bootstrap for large samples. It returns
// (NaN, NaN) where CohensH is NaN, if n1 or n2 is not positive, or if alpha
// is not in (0, 1).
func CohensHCI(p1, n1, p2, n2, alpha float64) (lo, hi float64) {
	h := CohensH(p1, p2)
	if math.IsNaN(h) || !(n1 > 0 && n2 > 0 && alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	half := distuv.UnitNormal.Quantile(1-alpha/2) * math.Sqrt(1/n1+1/n2)
	return h - half, h + half
}

// sortedView returns x itself when it is already sorted (profiles keep
// their values sorted, so comparisons pay O(n) here instead of a copy and
// a sort), else a sorted copy. The result must not be modified.
func sortedView(x []float64) []float64 {
	if slices.IsSorted(x) {
		return x
	}
	s := slices.Clone(x)
	slices.Sort(s)
	return s
}
