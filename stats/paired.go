package stats

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// SignedRankExactMaxN is the largest number of non-zero differences for
// which SignedRank uses the exact null distribution (when there are no ties
// among their absolute values), the bound R's wilcox.test uses (n < 50).
const SignedRankExactMaxN = 49

// SignedRankResult is the outcome of a Wilcoxon signed-rank test.
type SignedRankResult struct {
	// V is the sum of the ranks of |d_i| over the positive differences, the
	// statistic R's wilcox.test(x, y, paired = TRUE) reports.
	V float64
	// N is the number of non-zero differences that were ranked.
	N int
	// Zeros is the number of zero differences dropped before ranking.
	Zeros int
	// Exact is true when P comes from the exact null distribution.
	Exact bool
	// P is the two-sided p-value.
	P float64
}

// SignedRank returns the two-sided Wilcoxon signed-rank test of the
// hypothesis that the paired differences d are symmetric about 0.
//
// Zero differences are dropped (Wilcoxon's convention, and R's default);
// the absolute values of the n remaining differences are ranked, ties taking
// their mid-rank, and
//
//	V = Σ_{d_i > 0} rank(|d_i|)
//
// If n ≤ SignedRankExactMaxN and no absolute values are tied, p is exact:
// under the null hypothesis each of the 2ⁿ sign patterns is equally likely,
// and with F the distribution of V
//
//	p = min(1, 2·P(V ≥ v))   if v > n(n+1)/4
//	p = min(1, 2·P(V ≤ v))   otherwise
//
// Otherwise p uses the normal approximation with tie and continuity
// corrections (as R's wilcox.test with correct = TRUE):
//
//	σ² = n(n+1)(2n+1)/24 − Σ_k (t_k³ − t_k)/48
//	z  = (V − n(n+1)/4 − ½·sign(V − n(n+1)/4)) / σ
//	p  = min(1, 2·Φ(−|z|))
//
// where t_k are the sizes of the groups of tied |d_i|. (R also switches to
// the normal approximation when zeros are present; SignedRank stays exact
// for the non-zero differences, which is the exact conditional test.)
//
// Degenerate cases: if every difference is zero (or d is empty), V = 0 and
// P = 1. The input must not contain NaN; d is not modified.
func SignedRank(d []float64) SignedRankResult {
	abs := make([]float64, 0, len(d))
	pos := make([]bool, 0, len(d))
	type obs struct {
		a   float64
		pos bool
	}
	var nz []obs
	zeros := 0
	for _, v := range d {
		if v == 0 {
			zeros++
			continue
		}
		nz = append(nz, obs{math.Abs(v), v > 0})
	}
	slices.SortFunc(nz, func(a, b obs) int { return cmp.Compare(a.a, b.a) })
	for _, o := range nz {
		abs = append(abs, o.a)
		pos = append(pos, o.pos)
	}
	n := len(abs)
	res := SignedRankResult{N: n, Zeros: zeros, P: 1}
	if n == 0 {
		return res
	}
	var v, tieSum float64
	for i := 0; i < n; {
		j := i + 1
		for j < n && abs[j] == abs[i] {
			j++
		}
		mid := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			if pos[k] {
				v += mid
			}
		}
		if t := float64(j - i); t > 1 {
			tieSum += t*t*t - t
		}
		i = j
	}
	res.V = v
	nf := float64(n)
	centre := nf * (nf + 1) / 4
	if tieSum == 0 && n <= SignedRankExactMaxN {
		res.Exact = true
		freq := signedRankFrequencies(n)
		k := int(math.Round(v))
		var tail float64
		if v > centre {
			for i := k; i < len(freq); i++ {
				tail += freq[i]
			}
		} else {
			for i := 0; i <= k; i++ {
				tail += freq[i]
			}
		}
		res.P = min(1, 2*tail/math.Ldexp(1, n))
		return res
	}
	sigma := math.Sqrt(nf*(nf+1)*(2*nf+1)/24 - tieSum/48)
	dv := v - centre
	if sigma == 0 || dv == 0 {
		return res
	}
	corr := 0.5
	if dv < 0 {
		corr = -0.5
	}
	z := (dv - corr) / sigma
	res.P = min(1, 2*distuv.UnitNormal.CDF(-math.Abs(z)))
	return res
}

// signedRankFrequencies returns f[k], the number of subsets of {1, …, n}
// whose elements sum to k, k = 0..n(n+1)/2: the number of sign patterns
// giving V = k. It adds the ranks one at a time (f_r(k) = f_{r−1}(k) +
// f_{r−1}(k − r)). The counts are below 2⁴⁹ for n ≤ 49, so float64 holds
// them exactly.
func signedRankFrequencies(n int) []float64 {
	top := n * (n + 1) / 2
	f := make([]float64, top+1)
	f[0] = 1
	for r := 1; r <= n; r++ {
		for k := r * (r + 1) / 2; k >= r; k-- {
			f[k] += f[k-r]
		}
	}
	return f
}

// SignFlipExactMaxN is the largest number of blocks for which SignFlipTest
// enumerates all 2ⁿ sign patterns; above it the test is Monte Carlo.
const SignFlipExactMaxN = 16

// SignFlipTest returns the two-sided p-value of the sign-flip (Fisher–Pitman
// paired permutation) test of the hypothesis that the paired differences d
// are symmetric about 0, with the statistic |Σ d_i| (equivalently |mean d|):
//
//	p = #{s ∈ {−1, 1}ⁿ : |Σ s_i d_i| ≥ |Σ d_i|} / 2ⁿ                 (exact)
//	p = (1 + #{b : |Σ s_{b,i} d_i| ≥ |Σ d_i|}) / (B + 1)              (Monte Carlo)
//
// The exact form enumerates every sign pattern when n ≤ SignFlipExactMaxN;
// above it B = draws random patterns are drawn from a generator seeded with
// seed. A flipped sum counts as extreme when it reaches |Σ d_i|·(1 − 1e-12),
// so patterns equal to the observed one are not lost to rounding. Zero
// differences are kept (they do not change the sum under any flip).
//
// The second result reports whether p is exact. SignFlipTest returns
// (NaN, false) if d is empty, and (1, true) when every difference is 0.
// With draws ≤ 0 above the exact bound it returns (1, false). The input must
// not contain NaN.
func SignFlipTest(d []float64, draws int, seed uint64) (p float64, exact bool) {
	n := len(d)
	if n == 0 {
		return math.NaN(), false
	}
	var obs float64
	for _, v := range d {
		obs += v
	}
	obs = math.Abs(obs)
	if obs == 0 {
		return 1, true
	}
	thr := obs * (1 - permTol)
	if n <= SignFlipExactMaxN {
		extreme := 0
		total := 1 << n
		for mask := range total {
			var s float64
			for i, v := range d {
				if mask&(1<<i) != 0 {
					s -= v
				} else {
					s += v
				}
			}
			if math.Abs(s) >= thr {
				extreme++
			}
		}
		return float64(extreme) / float64(total), true
	}
	if draws <= 0 {
		return 1, false
	}
	rng := newRand(seed)
	extreme := 0
	for range draws {
		var s float64
		for i := 0; i < n; i += 64 {
			bits := rng.Uint64()
			for j := i; j < n && j < i+64; j++ {
				if bits&(1<<(j-i)) != 0 {
					s -= d[j]
				} else {
					s += d[j]
				}
			}
		}
		if math.Abs(s) >= thr {
			extreme++
		}
	}
	return float64(1+extreme) / float64(draws+1), false
}

// PairedBootstrapCI returns the percentile bootstrap (1−alpha) confidence
// interval of a one-sample statistic of the paired differences d (one per
// block), resampling the blocks with replacement: each of the n replicates
// draws len(d) differences from d with a generator seeded with seed, and
//
//	lo = Q(α/2),   hi = Q(1 − α/2)
//
// where Q is the empirical quantile function of the replicates (as in
// BootstrapCI). Resampling whole blocks keeps whatever the two members of a
// block share (the event, the day) inside every replicate.
//
// stat is called with an internal buffer refilled between calls; it may
// reorder it but must not retain it. PairedBootstrapCI panics if stat is
// nil and returns (NaN, NaN) if d is empty, n ≤ 0, alpha is not in (0, 1) or
// every replicate is NaN.
func PairedBootstrapCI(d []float64, stat func(d []float64) float64, n int, alpha float64, seed uint64) (lo, hi float64) {
	if stat == nil {
		panic("stats: nil statistic")
	}
	if len(d) == 0 || n <= 0 || !(alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	rng := newRand(seed)
	buf := make([]float64, len(d))
	reps := make([]float64, 0, n)
	for range n {
		for i := range buf {
			buf[i] = d[rng.IntN(len(d))]
		}
		if s := stat(buf[:len(buf):len(buf)]); !math.IsNaN(s) {
			reps = append(reps, s)
		}
	}
	if len(reps) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(reps)
	return empiricalQuantile(alpha/2, reps), empiricalQuantile(1-alpha/2, reps)
}

// Mean returns the arithmetic mean Σx_i/n of x, summed in index order, or
// NaN for an empty x. It has the signature PairedBootstrapCI takes.
func Mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// Median returns the sample median of x: the middle value of the sorted
// sample, or the mean of the two middle values when len(x) is even (R's
// median). It returns NaN for an empty x. x is not modified; the input must
// not contain NaN.
func Median(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	if slices.IsSorted(x) {
		return MedianSorted(x)
	}
	s := slices.Clone(x)
	slices.Sort(s)
	return MedianSorted(s)
}

// MedianSorted is Median for an already sorted x, in constant time.
func MedianSorted(x []float64) float64 {
	n := len(x)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return x[n/2]
	}
	return (x[n/2-1] + x[n/2]) / 2
}
