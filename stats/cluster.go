package stats

import (
	"math"
	"slices"
)

// Cluster is the sufficient summary of one cluster (an outlet, a school, a
// day) for tests of a pooled mean: how many units it holds and the sum of
// their values.
type Cluster struct {
	// N is the number of units (articles) in the cluster.
	N float64
	// Sum is the sum of the units' values.
	Sum float64
}

// Mean returns Sum/N, NaN for an empty cluster.
func (c Cluster) Mean() float64 {
	if !(c.N > 0) {
		return math.NaN()
	}
	return c.Sum / c.N
}

// PooledMeanDifference returns the difference of the unit-level means of
// two sets of clusters,
//
//	Σ_{c∈x} Sum_c / Σ_{c∈x} N_c  −  Σ_{c∈y} Sum_c / Σ_{c∈y} N_c
//
// summed in slice order. It is NaN when either side holds no units.
func PooledMeanDifference(x, y []Cluster) float64 {
	return pooledMean(x) - pooledMean(y)
}

func pooledMean(cs []Cluster) float64 {
	var n, s float64
	for _, c := range cs {
		n += c.N
		s += c.Sum
	}
	if !(n > 0) {
		return math.NaN()
	}
	return s / n
}

// ClusterExactMax is the largest number of relabellings C(k, k_x) that
// ClusterPermutationTest enumerates; above it the test is Monte Carlo.
const ClusterExactMax = 20000

// ClusterPermutationTest returns the two-sided p-value of the permutation
// test of the hypothesis that two sets of clusters come from the same
// distribution, permuting whole clusters between the sides (the units of a
// cluster never leave it) with the statistic |PooledMeanDifference|:
//
//	p = #{relabellings with |D*| ≥ |D|} / C(k, k_x)                 (exact)
//	p = (1 + #{b : |D*_b| ≥ |D|}) / (B + 1)                          (Monte Carlo)
//
// where k = len(x)+len(y) and k_x = len(x). The exact form enumerates every
// way to choose the k_x clusters of the target side when C(k, k_x) ≤
// ClusterExactMax; otherwise B = draws random relabellings are drawn from a
// generator seeded with seed. Because clusters, not units, are exchanged,
// the test stays valid when units of a cluster are correlated, where a
// unit-level test is anti-conservative. A relabelled statistic counts as
// extreme when it reaches |D|·(1 − 1e-12) or is NaN.
//
// The second result reports whether p is exact. ClusterPermutationTest
// returns (NaN, false) if either side is empty or D is NaN, and (1, false)
// when draws ≤ 0 above the exact bound.
func ClusterPermutationTest(x, y []Cluster, draws int, seed uint64) (p float64, exact bool) {
	kx, k := len(x), len(x)+len(y)
	if kx == 0 || len(y) == 0 {
		return math.NaN(), false
	}
	obs := math.Abs(PooledMeanDifference(x, y))
	if math.IsNaN(obs) {
		return math.NaN(), false
	}
	thr := obs * (1 - permTol)
	pool := append(slices.Clone(x), y...)
	var totN, totS float64
	for _, c := range pool {
		totN += c.N
		totS += c.Sum
	}
	// stat returns |D| for the target side given by its sums.
	stat := func(n, s float64) float64 {
		if !(n > 0) || !(totN-n > 0) {
			return math.NaN()
		}
		return math.Abs(s/n - (totS-s)/(totN-n))
	}
	extreme := func(d float64) bool { return !(d < thr) }
	if c := math.Round(math.Exp(logChoose(k, kx))); c <= ClusterExactMax {
		count, total := 0, 0
		// Enumerate the k_x-subsets in lexicographic order.
		idx := make([]int, kx)
		for i := range idx {
			idx[i] = i
		}
		for {
			var n, s float64
			for _, i := range idx {
				n += pool[i].N
				s += pool[i].Sum
			}
			total++
			if extreme(stat(n, s)) {
				count++
			}
			i := kx - 1
			for i >= 0 && idx[i] == k-kx+i {
				i--
			}
			if i < 0 {
				break
			}
			idx[i]++
			for j := i + 1; j < kx; j++ {
				idx[j] = idx[j-1] + 1
			}
		}
		return float64(count) / float64(total), true
	}
	if draws <= 0 {
		return 1, false
	}
	rng := newRand(seed)
	perm := make([]int, k)
	for i := range perm {
		perm[i] = i
	}
	count := 0
	for range draws {
		rng.Shuffle(k, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		// Sum the chosen clusters in index order so the result does not
		// depend on the shuffle's order beyond the chosen set.
		chosen := slices.Clone(perm[:kx])
		slices.Sort(chosen)
		var n, s float64
		for _, i := range chosen {
			n += pool[i].N
			s += pool[i].Sum
		}
		if extreme(stat(n, s)) {
			count++
		}
	}
	return float64(1+count) / float64(draws+1), false
}

// ClusterBootstrapCI returns the percentile bootstrap (1−alpha) confidence
// interval of PooledMeanDifference(x, y), resampling whole clusters with
// replacement within each side (len(x) and len(y) clusters per replicate),
// with a generator seeded with seed:
//
//	lo = Q(α/2),   hi = Q(1 − α/2)
//
// with Q the empirical quantile of the replicates (as in BootstrapCI).
// Resampling clusters rather than units carries the within-cluster
// correlation into the interval. It returns (NaN, NaN) if either side is
// empty, n ≤ 0, alpha is not in (0, 1) or every replicate is NaN.
func ClusterBootstrapCI(x, y []Cluster, n int, alpha float64, seed uint64) (lo, hi float64) {
	if len(x) == 0 || len(y) == 0 || n <= 0 || !(alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	rng := newRand(seed)
	reps := make([]float64, 0, n)
	side := func(cs []Cluster) float64 {
		var sn, ss float64
		for range cs {
			c := cs[rng.IntN(len(cs))]
			sn += c.N
			ss += c.Sum
		}
		if !(sn > 0) {
			return math.NaN()
		}
		return ss / sn
	}
	for range n {
		mx := side(x)
		my := side(y)
		if d := mx - my; !math.IsNaN(d) {
			reps = append(reps, d)
		}
	}
	if len(reps) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(reps)
	return empiricalQuantile(alpha/2, reps), empiricalQuantile(1-alpha/2, reps)
}
