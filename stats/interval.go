package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// WilsonInterval returns the Wilson score (1−alpha) confidence interval for a
// binomial proportion with k successes in n trials:
//
//	p̂ = k/n,   z = Φ⁻¹(1 − α/2)   (distuv.UnitNormal.Quantile)
//	centre     = (p̂ + z²/(2n)) / (1 + z²/n)
//	half-width = z/(1 + z²/n) · √( p̂(1−p̂)/n + z²/(4n²) )
//
// Unlike the Wald interval it stays inside [0, 1] and does not collapse to a
// point at k = 0 or k = n; the bounds are clamped to [0, 1] against
// rounding, and lo is exactly 0 at k = 0 and hi exactly 1 at k = n. k and n may be non-integer (weighted counts).
//
// WilsonInterval returns (NaN, NaN) if n ≤ 0, k < 0, k > n, alpha is not in
// (0, 1), or any argument is NaN.
func WilsonInterval(k, n, alpha float64) (lo, hi float64) {
	if !(n > 0 && k >= 0 && k <= n && alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	z := distuv.UnitNormal.Quantile(1 - alpha/2)
	z2 := z * z
	ph := k / n
	denom := 1 + z2/n
	centre := (ph + z2/(2*n)) / denom
	half := z / denom * math.Sqrt(ph*(1-ph)/n+z2/(4*n*n))
	lo, hi = max(0, centre-half), min(1, centre+half)
	// The bounds are exactly 0 at k = 0 and 1 at k = n; keep rounding out.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return lo, hi
}

// MeanCI returns the sample mean and its t-based (1−alpha) confidence
// interval from the count n, the sum s and the sum of squares ss of the
// values, so that mergeable profiles keeping only (n, Σx, Σx²) can call it
// without the raw values:
//
//	mean = s/n
//	var  = (ss − s²/n)/(n − 1)
//	half-width = t_{1−α/2, n−1} · √(var/n)   (distuv.StudentsT with Nu = n−1)
//	(lo, hi) = (mean − half-width, mean + half-width)
//
// A variance that rounding makes slightly negative is taken as 0. The
// formula subtracts two large numbers when the values sit far from 0
// relative to their spread; shift the values before summing if that matters.
//
// MeanCI returns (NaN, NaN, NaN) if n ≤ 0 or is NaN, and (mean, NaN, NaN)
// if n < 2 or alpha is not in (0, 1).
func MeanCI(n, sum, sumSq, alpha float64) (mean, lo, hi float64) {
	if !(n > 0) {
		return math.NaN(), math.NaN(), math.NaN()
	}
	mean = sum / n
	if n < 2 || !(alpha > 0 && alpha < 1) {
		return mean, math.NaN(), math.NaN()
	}
	variance := max(0, (sumSq-sum*sum/n)/(n-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(1 - alpha/2)
	half := t * math.Sqrt(variance/n)
	return mean, mean - half, mean + half
}
