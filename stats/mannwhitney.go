package stats

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// exactMaxN is the largest n+m for which MannWhitney uses the exact null
// distribution of U (when there are no ties).
const exactMaxN = 20

// MannWhitney returns the Mann–Whitney U statistic of x and the two-sided
// p-value of the Wilcoxon rank-sum test of x against y.
//
// The statistic is computed from the ranks of the pooled sample, ties taking
// their mid-rank (the mean of the ranks they span):
//
//	U_x = R_x − n(n+1)/2
//
// where R_x is the sum of the ranks of x, n = len(x) and m = len(y). U_x
// counts the pairs with x_i > y_j, ties counting one half; it is the W that R's
// wilcox.test(x, y) reports, and U_y = n·m − U_x.
//
// If n+m ≤ 20 and there are no ties, p is exact: with F the null distribution
// of U (every split of the ranks equally likely),
//
//	p = min(1, 2·P(U ≥ U_x))   if U_x > nm/2
//	p = min(1, 2·P(U ≤ U_x))   otherwise.
//
// Otherwise p uses the normal approximation with tie and continuity
// corrections:
//
//	σ² = (n·m/12)·((N+1) − Σ_k (t_k³ − t_k)/(N(N−1))),   N = n+m
//	z  = (U_x − nm/2 − ½·sign(U_x − nm/2)) / σ
//	p  = min(1, 2·Φ(−|z|))
//
// where t_k are the sizes of the groups of tied values and Φ is the standard
// normal CDF (distuv.UnitNormal).
//
// Degenerate cases: if x or y is empty, MannWhitney returns (NaN, NaN). If
// every value is tied (σ = 0), U_x = nm/2 and p = 1. The inputs must not
// contain NaN.
func MannWhitney(x, y []float64) (u, p float64) {
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return math.NaN(), math.NaN()
	}
	N := n + m
	type obs struct {
		v   float64
		inX bool
	}
	pool := make([]obs, 0, N)
	if slices.IsSorted(x) && slices.IsSorted(y) {
		// Sorted samples (a profile's values) merge in linear time.
		i, j := 0, 0
		for i < n || j < m {
			if j == m || (i < n && x[i] <= y[j]) {
				pool = append(pool, obs{x[i], true})
				i++
			} else {
				pool = append(pool, obs{y[j], false})
				j++
			}
		}
	} else {
		for _, v := range x {
			pool = append(pool, obs{v, true})
		}
		for _, v := range y {
			pool = append(pool, obs{v, false})
		}
		slices.SortFunc(pool, func(a, b obs) int { return cmp.Compare(a.v, b.v) })
	}

	var rx, tieSum float64
	for i := 0; i < N; {
		j := i + 1
		for j < N && pool[j].v == pool[i].v {
			j++
		}
		// Positions i..j-1 hold ranks i+1..j; their mid-rank is the mean.
		mid := float64(i+1+j) / 2
		for k := i; k < j; k++ {
			if pool[k].inX {
				rx += mid
			}
		}
		if t := float64(j - i); t > 1 {
			tieSum += t*t*t - t
		}
		i = j
	}
	nf, mf := float64(n), float64(m)
	u = rx - nf*(nf+1)/2
	center := nf * mf / 2

	if tieSum == 0 && N <= exactMaxN {
		return u, exactMannWhitneyP(n, m, u)
	}

	Nf := float64(N)
	sigma := math.Sqrt(nf * mf / 12 * ((Nf + 1) - tieSum/(Nf*(Nf-1))))
	d := u - center
	if sigma == 0 || d == 0 {
		return u, 1
	}
	corr := 0.5
	if d < 0 {
		corr = -0.5
	}
	z := (d - corr) / sigma
	p = 2 * distuv.UnitNormal.CDF(-math.Abs(z))
	return u, min(p, 1)
}

// exactMannWhitneyP returns the exact two-sided p-value of U = u for samples
// of sizes n and m without ties.
func exactMannWhitneyP(n, m int, u float64) float64 {
	freq := uFrequencies(n, m)
	var total float64
	for _, f := range freq {
		total += f
	}
	k := int(math.Round(u))
	var tail float64
	if u > float64(n*m)/2 {
		for i := k; i < len(freq); i++ {
			tail += freq[i]
		}
	} else {
		for i := 0; i <= k; i++ {
			tail += freq[i]
		}
	}
	return min(1, 2*tail/total)
}

// uFrequencies returns f[k], the number of the C(n+m, n) arrangements of n
// x-values and m y-values (no ties) whose U_x equals k, for k = 0..n·m. It
// uses the recurrence on the largest observation: if it belongs to x it
// exceeds all m y-values,
//
//	f(i, j, k) = f(i−1, j, k−j) + f(i, j−1, k),   f(i, 0, k) = f(0, j, k) = [k = 0]
//
// Counts stay below C(20, 10) for n+m ≤ 20, so float64 holds them exactly.
func uFrequencies(n, m int) []float64 {
	// prev[j] holds f(i−1, j, ·), cur[j] holds f(i, j, ·).
	prev := make([][]float64, m+1)
	for j := range prev {
		prev[j] = []float64{1} // f(0, j, ·)
	}
	for i := 1; i <= n; i++ {
		cur := make([][]float64, m+1)
		cur[0] = []float64{1} // f(i, 0, ·)
		for j := 1; j <= m; j++ {
			f := make([]float64, i*j+1)
			for k, c := range prev[j] { // f(i−1, j, k) shifted by j
				f[k+j] += c
			}
			for k, c := range cur[j-1] { // f(i, j−1, k)
				f[k] += c
			}
			cur[j] = f
		}
		prev = cur
	}
	return prev[m]
}
