package stats

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteSignedRankP enumerates the 2ⁿ sign patterns of the ranks 1..n
// (no ties) and returns the two-sided p-value of V = v the way R's
// psignrank-based code does: 2·min(P(V ≤ v), P(V ≥ v)), capped at 1.
func bruteSignedRankP(n int, v float64) float64 {
	var le, ge int
	for mask := range 1 << n {
		s := 0
		for r := 1; r <= n; r++ {
			if mask&(1<<(r-1)) != 0 {
				s += r
			}
		}
		if float64(s) <= v {
			le++
		}
		if float64(s) >= v {
			ge++
		}
	}
	total := float64(int(1) << n)
	centre := float64(n*(n+1)) / 4
	if v > centre {
		return math.Min(1, 2*float64(ge)/total)
	}
	return math.Min(1, 2*float64(le)/total)
}

func TestSignedRankExact(t *testing.T) {
	// R's ?wilcox.test example (Hollander & Wolfe 1973, p. 29f: Hamilton
	// depression scale before and after a tranquilizer, nine patients):
	//   x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
	//   y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
	//   wilcox.test(x, y, paired = TRUE, alternative = "greater")
	//   V = 40, p-value = 0.01953
	// By hand: the differences' absolute ranks are 1..9 and the two negative
	// ones (−0.147, −0.08) have ranks 3 and 2, so V = 45 − 5 = 40. The sign
	// patterns with V ≥ 40 mirror those with V ≤ 5: {}, {1}, {2}, {3},
	// {1,2}, {4}, {1,3}, {5}, {1,4}, {2,3}, ten of 2⁹ = 512, so the one-sided
	// p is 10/512 = 0.01953125 and the two-sided p twice that.
	x := []float64{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30}
	y := []float64{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29}
	d := make([]float64, len(x))
	for i := range x {
		d[i] = x[i] - y[i]
	}
	r := SignedRank(d)
	if r.V != 40 || r.N != 9 || r.Zeros != 0 || !r.Exact {
		t.Fatalf("SignedRank = %+v, want V 40, N 9, exact", r)
	}
	check(t, "p (H&W depression data)", r.P, 20.0/512, 1e-15)

	// Symmetry: negating the differences gives V' = n(n+1)/2 − V and the same p.
	neg := make([]float64, len(d))
	for i := range d {
		neg[i] = -d[i]
	}
	if r2 := SignedRank(neg); r2.V != 5 || !near(r2.P, r.P, 1e-15) {
		t.Errorf("negated: %+v, want V 5 and p %v", r2, r.P)
	}

	// Against brute-force enumeration on random untied samples.
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 60 {
		n := 1 + rng.IntN(14)
		d := make([]float64, n)
		for i := range d {
			d[i] = rng.NormFloat64() + 0.3
		}
		r := SignedRank(d)
		if !r.Exact {
			t.Fatalf("trial %d: not exact for n = %d without ties", trial, n)
		}
		if want := bruteSignedRankP(n, r.V); !near(r.P, want, 1e-12) {
			t.Fatalf("trial %d: p = %v, brute force %v (d = %v)", trial, r.P, want, d)
		}
	}

	// Zeros are dropped before ranking: {0, 0, 1, 2, 3} is {1, 2, 3}, V = 6,
	// and the only pattern as extreme each way is all-positive or
	// all-negative: p = 2·(1/8) = 0.25.
	r = SignedRank([]float64{0, 1, 0, 2, 3})
	if r.V != 6 || r.N != 3 || r.Zeros != 2 {
		t.Errorf("zeros: %+v", r)
	}
	check(t, "p with zeros", r.P, 0.25, 1e-15)

	if r := SignedRank([]float64{0, 0}); r.P != 1 || r.N != 0 {
		t.Errorf("all zero: %+v", r)
	}
	if r := SignedRank(nil); r.P != 1 {
		t.Errorf("empty: %+v", r)
	}
}

func TestSignedRankNormal(t *testing.T) {
	// Tied absolute values force the normal approximation. By hand, for
	// d = {1, 1, 1, 2, 2, −3, 4, 5, 6, 0}: the zero is dropped (n = 9); the
	// |d| ranks are 2, 2, 2 (mid-rank of 1..3), 4.5, 4.5, 6, 7, 8, 9; V sums
	// all but the 6: 6 + 9 + 24 = 39. The centre is 9·10/4 = 22.5; the ties
	// (3 and 2) give Σ(t³ − t) = 24 + 6 = 30, so
	//   σ² = 9·10·19/24 − 30/48 = 71.25 − 0.625 = 70.625, σ = 8.4038682
	//   z  = (39 − 22.5 − 0.5)/σ = 1.9038852
	//   p  = 2·(1 − Φ(z)) = 0.0569251
	// which is what R's wilcox.test(d, correct = TRUE, exact = FALSE) computes.
	d := []float64{1, 1, 1, 2, 2, -3, 4, 5, 6, 0}
	r := SignedRank(d)
	if r.Exact || r.V != 39 || r.N != 9 || r.Zeros != 1 {
		t.Fatalf("SignedRank = %+v", r)
	}
	check(t, "p (ties)", r.P, 2*normalSurvival(16/math.Sqrt(70.625)), 1e-12)
	check(t, "p (ties, printed)", r.P, 0.0569251, 1e-7)

	// Above the exact bound without ties: n = 60 differences 1..60, the
	// first 20 negative. V = Σ_{21..60} r = 1830 − 210 = 1620; centre
	// 60·61/4 = 915; σ² = 60·61·121/24 = 18452.5.
	d = make([]float64, 60)
	for i := range d {
		d[i] = float64(i + 1)
		if i < 20 {
			d[i] = -d[i]
		}
	}
	r = SignedRank(d)
	if r.Exact || r.V != 1620 {
		t.Fatalf("n = 60: %+v", r)
	}
	check(t, "p (n = 60)", r.P, 2*normalSurvival((1620-915-0.5)/math.Sqrt(18452.5)), 1e-12)
}

// TestSignedRankPlantedBlocks simulates paired blocks whose shared part
// (the event) varies far more than the planted within-block effect: the
// paired test keeps its size under the null and finds the effect, where an
// unpaired rank test on the same numbers mostly does not.
func TestSignedRankPlantedBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	const sims, n = 300, 30
	run := func(effect float64) (paired, unpaired float64) {
		var rp, ru int
		for range sims {
			x := make([]float64, n)
			y := make([]float64, n)
			d := make([]float64, n)
			for i := range n {
				block := 3 * rng.NormFloat64()
				x[i] = block + effect + 0.5*rng.NormFloat64()
				y[i] = block + 0.5*rng.NormFloat64()
				d[i] = x[i] - y[i]
			}
			if SignedRank(d).P < 0.05 {
				rp++
			}
			if _, p := MannWhitney(x, y); p < 0.05 {
				ru++
			}
		}
		return float64(rp) / sims, float64(ru) / sims
	}
	if size, _ := run(0); size < 0.02 || size > 0.09 {
		t.Errorf("paired test under the null rejects %.3f of the time, want ≈ 0.05", size)
	}
	power, unpaired := run(0.5)
	if power < 0.9 {
		t.Errorf("paired test finds the planted effect %.3f of the time, want ≥ 0.9", power)
	}
	if unpaired > 0.3 {
		t.Errorf("unpaired test finds it %.3f of the time; the simulation does not separate the designs", unpaired)
	}
}

func TestSignFlipExact(t *testing.T) {
	// d = {1, 2, 3}: the eight sums ±1±2±3 are 6, 4, 2, 0, 0, −2, −4, −6;
	// two reach |6|, so p = 2/8.
	p, exact := SignFlipTest([]float64{1, 2, 3}, 0, 1)
	if !exact {
		t.Fatal("n = 3 not exact")
	}
	check(t, "p {1,2,3}", p, 0.25, 1e-15)

	// Fisher (1935), The Design of Experiments, §21: Darwin's 15 pairs of
	// Zea mays, cross- minus self-fertilised heights in eighths of an inch.
	// The observed sum is 314; 863 of the 2¹⁵ = 32768 sign patterns give a
	// sum ≥ 314 and as many ≤ −314, so p = 1726/32768 = 0.05267.
	darwin := []float64{49, -67, 8, 16, 6, 23, 28, 41, 14, 29, 56, 24, 75, 60, -48}
	p, exact = SignFlipTest(darwin, 0, 1)
	if !exact {
		t.Fatal("Darwin's data not exact")
	}
	check(t, "p (Darwin/Fisher)", p, 1726.0/32768, 1e-15)

	if p, _ := SignFlipTest([]float64{0, 0}, 100, 1); p != 1 {
		t.Errorf("all zero: p = %v", p)
	}
	if p, _ := SignFlipTest(nil, 100, 1); !math.IsNaN(p) {
		t.Errorf("empty: p = %v", p)
	}
}

func TestSignFlipMonteCarlo(t *testing.T) {
	// n = 20 is above the exact bound. The exact p, enumerated here over all
	// 2²⁰ patterns, must lie within 4 Monte Carlo standard errors of the
	// estimate from 20000 draws.
	rng := rand.New(rand.NewPCG(5, 6))
	d := make([]float64, 20)
	for i := range d {
		d[i] = rng.NormFloat64() + 0.4
	}
	var obs float64
	for _, v := range d {
		obs += v
	}
	obs = math.Abs(obs)
	extreme := 0
	for mask := range 1 << 20 {
		var s float64
		for i, v := range d {
			if mask&(1<<i) != 0 {
				s -= v
			} else {
				s += v
			}
		}
		if math.Abs(s) >= obs*(1-1e-12) {
			extreme++
		}
	}
	want := float64(extreme) / (1 << 20)
	p, exact := SignFlipTest(d, 20000, 7)
	if exact {
		t.Fatal("n = 20 reported exact")
	}
	se := math.Sqrt(want * (1 - want) / 20000)
	if math.Abs(p-want) > 4*se+1e-4 {
		t.Errorf("Monte Carlo p = %v, exact %v (se %v)", p, want, se)
	}
	if p2, _ := SignFlipTest(d, 20000, 7); p2 != p {
		t.Errorf("same seed gave %v then %v", p, p2)
	}

	// Planted truth: under the null (symmetric differences) the test rejects
	// about 5% of the time; with a planted shift of one standard deviation
	// and 25 blocks, nearly always.
	rej := func(shift float64) float64 {
		r := 0
		for s := range 200 {
			d := make([]float64, 25)
			for i := range d {
				d[i] = rng.NormFloat64() + shift
			}
			if p, _ := SignFlipTest(d, 999, uint64(s)); p < 0.05 {
				r++
			}
		}
		return float64(r) / 200
	}
	if size := rej(0); size > 0.1 {
		t.Errorf("size %.3f under the null", size)
	}
	if power := rej(1); power < 0.95 {
		t.Errorf("power %.3f for a one-sd shift", power)
	}
}

func TestPairedBootstrapCI(t *testing.T) {
	// Constant differences: every replicate mean is 2.
	lo, hi := PairedBootstrapCI([]float64{2, 2, 2}, Mean, 200, 0.05, 1)
	check(t, "lo const", lo, 2, 0)
	check(t, "hi const", hi, 2, 0)
	if lo, _ := PairedBootstrapCI(nil, Mean, 200, 0.05, 1); !math.IsNaN(lo) {
		t.Error("empty: not NaN")
	}
	// Coverage with a planted mean of 0.5: 95% intervals from 30 blocks
	// cover it in roughly 95% of 300 simulated studies (the percentile
	// bootstrap runs a little short at n = 30).
	rng := rand.New(rand.NewPCG(8, 9))
	cover := 0
	for s := range 300 {
		d := make([]float64, 30)
		for i := range d {
			d[i] = 0.5 + rng.NormFloat64()
		}
		lo, hi := PairedBootstrapCI(d, Mean, 500, 0.05, uint64(s))
		if lo <= 0.5 && 0.5 <= hi {
			cover++
		}
	}
	if c := float64(cover) / 300; c < 0.88 || c > 0.99 {
		t.Errorf("coverage %.3f, want ≈ 0.95", c)
	}
}

func TestMedian(t *testing.T) {
	check(t, "odd", Median([]float64{3, 1, 2}), 2, 0)
	check(t, "even", Median([]float64{4, 1, 3, 2}), 2.5, 0)
	check(t, "mostly zeros", Median([]float64{0, 0, 0, 5, 9}), 0, 0)
	check(t, "empty", Median(nil), math.NaN(), 0)
	x := []float64{3, 1, 2}
	Median(x)
	if x[0] != 3 {
		t.Error("Median sorted its input")
	}
	check(t, "mean", Mean([]float64{1, 2, 6}), 3, 0)
}

func TestClusterPermutationExact(t *testing.T) {
	// Clusters (N, Sum): target {(2, 2), (1, 0)}, reference {(1, 3), (3, 9)}.
	// Pooled means 2/3 and 12/4 = 3, D = −2.3333. The six ways to give two
	// of the four clusters to the target (by hand, units never leave their
	// cluster):
	//   {0,1}: 2/3 − 12/4 = −2.3333   {0,2}: 5/3 − 9/4 = −0.5833
	//   {0,3}: 11/5 − 3/2 =  0.7      {1,2}: 3/2 − 11/5 = −0.7
	//   {1,3}: 9/4 − 5/3  =  0.5833   {2,3}: 12/4 − 2/3 =  2.3333
	// Two reach |D|: p = 2/6.
	x := []Cluster{{2, 2}, {1, 0}}
	y := []Cluster{{1, 3}, {3, 9}}
	check(t, "D", PooledMeanDifference(x, y), 2.0/3-3, 1e-15)
	p, exact := ClusterPermutationTest(x, y, 0, 1)
	if !exact {
		t.Fatal("not exact")
	}
	check(t, "p", p, 2.0/6, 1e-15)

	// Above the exact bound (C(20, 10) = 184756 relabellings) the Monte
	// Carlo p lies within 4 standard errors of the enumerated one.
	rng := rand.New(rand.NewPCG(21, 22))
	var cs []Cluster
	for i := range 20 {
		n := float64(1 + rng.IntN(5))
		shift := 0.0
		if i < 10 {
			shift = 0.3
		}
		cs = append(cs, Cluster{n, n*shift + math.Sqrt(n)*rng.NormFloat64()})
	}
	obs := math.Abs(PooledMeanDifference(cs[:10], cs[10:]))
	var totN, totS float64
	for _, c := range cs {
		totN += c.N
		totS += c.Sum
	}
	extreme, total := 0, 0
	for mask := range 1 << 20 {
		if bits.OnesCount(uint(mask)) != 10 {
			continue
		}
		var n, s float64
		for i, c := range cs {
			if mask&(1<<i) != 0 {
				n += c.N
				s += c.Sum
			}
		}
		total++
		if math.Abs(s/n-(totS-s)/(totN-n)) >= obs*(1-1e-12) {
			extreme++
		}
	}
	want := float64(extreme) / float64(total)
	p, exact = ClusterPermutationTest(cs[:10], cs[10:], 20000, 3)
	if exact {
		t.Fatal("C(20,10) reported exact")
	}
	if se := math.Sqrt(want * (1 - want) / 20000); math.Abs(p-want) > 4*se+1e-4 {
		t.Errorf("Monte Carlo p = %v, exact %v", p, want)
	}
}

// clusteredSample returns k clusters of size m with a cluster random effect
// of standard deviation sdC, unit noise 1 and a planted shift, as the
// units' values and as cluster sums.
func clusteredSample(rng *rand.Rand, k, m int, sdC, shift float64) ([]float64, []Cluster) {
	var units []float64
	var cs []Cluster
	for range k {
		u := shift + sdC*rng.NormFloat64()
		var s float64
		for range m {
			v := u + rng.NormFloat64()
			units = append(units, v)
			s += v
		}
		cs = append(cs, Cluster{float64(m), s})
	}
	return units, cs
}

// TestClusterDesignPlanted simulates articles nested in outlets with no
// difference between the two groups of outlets: a test that treats the
// articles as independent rejects far more often than 5%, the cluster
// permutation test does not; with a planted difference the cluster test
// finds it and the cluster bootstrap interval covers it.
func TestClusterDesignPlanted(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	const sims = 200
	var unitRej, clusterRej int
	for s := range sims {
		xu, xc := clusteredSample(rng, 8, 25, 1, 0)
		yu, yc := clusteredSample(rng, 8, 25, 1, 0)
		if _, p := MannWhitney(xu, yu); p < 0.05 {
			unitRej++
		}
		if p, _ := ClusterPermutationTest(xc, yc, 999, uint64(s)); p < 0.05 {
			clusterRej++
		}
	}
	if r := float64(unitRej) / sims; r < 0.3 {
		t.Errorf("article-level test rejects %.3f under the null; the simulation does not show nesting", r)
	}
	if r := float64(clusterRej) / sims; r > 0.09 {
		t.Errorf("cluster permutation test rejects %.3f under the null, want ≈ 0.05", r)
	}

	var power, cover int
	for s := range sims {
		_, xc := clusteredSample(rng, 10, 20, 0.5, 1.5)
		_, yc := clusteredSample(rng, 10, 20, 0.5, 0)
		if p, _ := ClusterPermutationTest(xc, yc, 999, uint64(s)); p < 0.05 {
			power++
		}
		lo, hi := ClusterBootstrapCI(xc, yc, 400, 0.05, uint64(s))
		if lo <= 1.5 && 1.5 <= hi {
			cover++
		}
	}
	if r := float64(power) / sims; r < 0.9 {
		t.Errorf("cluster test finds a planted difference of 3 cluster sd %.3f of the time", r)
	}
	// The percentile cluster bootstrap with 10 clusters a side runs short of
	// 95%; it must still be near it.
	if c := float64(cover) / sims; c < 0.85 || c > 0.99 {
		t.Errorf("cluster bootstrap coverage %.3f", c)
	}
	if lo, _ := ClusterBootstrapCI(nil, []Cluster{{1, 1}}, 10, 0.05, 1); !math.IsNaN(lo) {
		t.Error("empty side: not NaN")
	}
}

func TestPoissonRateTest(t *testing.T) {
	// R's ?poisson.test example (smokers and non-smokers):
	//   poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))
	//   count1 = 11, expected count1 = 6.7174, p-value = 0.07967
	//   95 percent confidence interval: 0.8584264 4.2772659
	//   rate ratio 1.971488
	r := PoissonRateTest(11, 800, 21, 3011, 0.05)
	check(t, "p (R poisson.test)", r.P, 0.07967, 5e-6)
	check(t, "ratio", r.Ratio, 1.971488, 5e-7)
	check(t, "lo", r.Lo, 0.8584264, 5e-7)
	check(t, "hi", r.Hi, 4.2772659, 5e-7)

	// Eight events against none with equal exposure: given the total of 8,
	// X1 ~ Bin(8, 1/2), and only 8 and 0 are as unlikely as the observed 8,
	// so p = 2·(1/2)⁸ = 0.0078125.
	r = PoissonRateTest(8, 1000, 0, 1000, 0.05)
	check(t, "p 8 vs 0", r.P, 2.0/256, 1e-15)
	if !math.IsInf(r.Ratio, 1) || !math.IsInf(r.Hi, 1) {
		t.Errorf("8 vs 0: ratio %v hi %v, want +Inf", r.Ratio, r.Hi)
	}
	// Clopper–Pearson lower bound at x = n = 8: πL = (α/2)^(1/8) = 0.63160.
	check(t, "lo 8 vs 0", r.Lo, math.Pow(0.025, 1.0/8)/(1-math.Pow(0.025, 1.0/8)), 1e-9)

	if r := PoissonRateTest(0, 10, 0, 10, 0.05); r.P != 1 || !math.IsNaN(r.Ratio) {
		t.Errorf("no events: %+v", r)
	}
	if r := PoissonRateTest(1, 0, 1, 10, 0.05); !math.IsNaN(r.P) {
		t.Errorf("zero exposure: %+v", r)
	}

	// Planted truth: Poisson counts with equal rates are rejected at most
	// about 5% of the time (the exact test is conservative), and a planted
	// rate ratio of 3 (45 against 15 expected events) is found almost always.
	rng := rand.New(rand.NewPCG(41, 42))
	pois := func(lambda float64) float64 {
		// Knuth's multiplication method, fine for small λ.
		l, k, p := math.Exp(-lambda), 0.0, 1.0
		for {
			p *= rng.Float64()
			if p <= l {
				return k
			}
			k++
		}
	}
	var null, alt int
	for range 500 {
		if PoissonRateTest(pois(10), 1000, pois(15), 1500, 0.05).P < 0.05 {
			null++
		}
		if PoissonRateTest(pois(45), 1000, pois(15), 1000, 0.05).P < 0.05 {
			alt++
		}
	}
	if r := float64(null) / 500; r > 0.07 {
		t.Errorf("size %.3f under equal rates", r)
	}
	if r := float64(alt) / 500; r < 0.9 {
		t.Errorf("power %.3f for a rate ratio of 3", r)
	}
}

// bruteCliffVariance is Cliff's (1993) unbiased variance of δ over all n·m
// pairs, the definition CliffsDeltaCI computes from ranks.
func bruteCliffVariance(x, y []float64) (delta, s2 float64) {
	n, m := float64(len(x)), float64(len(y))
	d := make([][]float64, len(x))
	for i, a := range x {
		d[i] = make([]float64, len(y))
		for j, b := range y {
			switch {
			case a > b:
				d[i][j] = 1
			case a < b:
				d[i][j] = -1
			}
			delta += d[i][j]
		}
	}
	delta /= n * m
	var row, col, all float64
	for i := range x {
		var s float64
		for j := range y {
			s += d[i][j]
			all += (d[i][j] - delta) * (d[i][j] - delta)
		}
		row += (s/m - delta) * (s/m - delta)
	}
	for j := range y {
		var s float64
		for i := range x {
			s += d[i][j]
		}
		col += (s/n - delta) * (s/n - delta)
	}
	s2 = (m*m*row + n*n*col - all) / (n * m * (n - 1) * (m - 1))
	return delta, max(s2, (1-delta*delta)/(n*m-1))
}

func TestCliffsDeltaCI(t *testing.T) {
	// By hand, x = {1, 2, 3}, y = {2, 4}: d_ij rows (−1, −1), (0, −1),
	// (1, −1); δ = −0.5; row means −1, −0.5, 0; column means 0, −1.
	// m²Σ(d_i.−δ)² = 4·0.5 = 2, n²Σ(d_.j−δ)² = 9·0.5 = 4.5,
	// Σ(d_ij−δ)² = 0.25+0.25+0.25+0.25+2.25+0.25 = 3.5, so
	// s² = (2 + 4.5 − 3.5)/(6·2·1) = 0.25 (above the floor 0.75/5 = 0.15),
	// and with z = 1.959964:
	//   lo = (−0.5 + 0.125 − z·0.5·√(0.5625 + z²·0.25)) / (0.75 + z²·0.25) = −0.9263176
	//   hi = (−0.5 + 0.125 + z·0.5·√(0.5625 + z²·0.25)) / (0.75 + z²·0.25) =  0.4878146
	d, lo, hi := CliffsDeltaCI([]float64{1, 2, 3}, []float64{2, 4}, 0.05)
	check(t, "δ", d, -0.5, 1e-15)
	check(t, "lo", lo, -0.9263176, 1e-7)
	check(t, "hi", hi, 0.4878146, 1e-7)

	// The rank computation equals the n·m definition on tied random data.
	rng := rand.New(rand.NewPCG(51, 52))
	for trial := range 100 {
		x := make([]float64, 2+rng.IntN(25))
		y := make([]float64, 2+rng.IntN(25))
		for i := range x {
			x[i] = float64(rng.IntN(6))
		}
		for i := range y {
			y[i] = float64(rng.IntN(8))
		}
		wd, ws2 := bruteCliffVariance(x, y)
		z := 1.959963984540054
		wlo := (wd - wd*wd*wd - z*math.Sqrt(ws2)*math.Sqrt((1-wd*wd)*(1-wd*wd)+z*z*ws2)) / (1 - wd*wd + z*z*ws2)
		d, lo, _ := CliffsDeltaCI(x, y, 0.05)
		if !near(d, wd, 1e-12) || !near(lo, max(-1, wlo), 1e-9) {
			t.Fatalf("trial %d: δ %v lo %v, want %v %v", trial, d, lo, wd, wlo)
		}
	}

	// Planted truth: for N(μ, 1) against N(0, 1), δ = 2Φ(μ/√2) − 1. The
	// interval from 60 against 80 units covers it in about 95% of studies.
	mu := 0.6
	truth := 1 - 2*normalSurvival(mu/math.Sqrt2)
	cover := 0
	for range 400 {
		x := make([]float64, 60)
		y := make([]float64, 80)
		for i := range x {
			x[i] = mu + rng.NormFloat64()
		}
		for i := range y {
			y[i] = rng.NormFloat64()
		}
		if _, lo, hi := CliffsDeltaCI(x, y, 0.05); lo <= truth && truth <= hi {
			cover++
		}
	}
	if c := float64(cover) / 400; c < 0.91 || c > 0.985 {
		t.Errorf("coverage %.3f for δ = %.3f", c, truth)
	}
	if d, lo, _ := CliffsDeltaCI([]float64{1}, []float64{0, 2}, 0.05); d != 0 || !math.IsNaN(lo) {
		t.Errorf("n = 1: %v %v", d, lo)
	}
}

func TestCohensHCI(t *testing.T) {
	// h(0.5, 0.25) = π/6; half-width z·√(1/100 + 1/50) = 1.959964·0.1732051.
	lo, hi := CohensHCI(0.5, 100, 0.25, 50, 0.05)
	half := 1.959963984540054 * math.Sqrt(0.03)
	check(t, "lo", lo, math.Pi/6-half, 1e-9)
	check(t, "hi", hi, math.Pi/6+half, 1e-9)
	if lo, _ := CohensHCI(0.5, 0, 0.2, 10, 0.05); !math.IsNaN(lo) {
		t.Error("n = 0: not NaN")
	}
}

// TestFightinWordsPooled checks the aligned-slice form against
// FightinWords on the same counts, term by term.
func TestFightinWordsPooled(t *testing.T) {
	a := map[string]float64{"regime": 30, "government": 5, "said": 50, "protesters": 15}
	b := map[string]float64{"regime": 5, "government": 30, "said": 50, "rioters": 15}
	terms := []string{"government", "protesters", "regime", "rioters", "said", "unused"}
	av, bv := make([]float64, len(terms)), make([]float64, len(terms))
	for i, w := range terms {
		av[i], bv[i] = a[w], b[w]
	}
	z := FightinWordsPooled(av, bv, 0.01)
	want := map[string]float64{}
	for _, s := range FightinWords(a, b, nil, 0.01) {
		want[s.Term] = s.Z
	}
	for i, w := range terms {
		if w == "unused" {
			if !math.IsNaN(z[i]) {
				t.Errorf("absent term: z = %v, want NaN", z[i])
			}
			continue
		}
		check(t, "z "+w, z[i], want[w], 1e-12)
	}
}

// TestSortedFastPaths: sorted inputs (a profile's values) take the merge
// paths and give the results of unsorted ones.
func TestSortedFastPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	for range 50 {
		x := make([]float64, 1+rng.IntN(40))
		y := make([]float64, 1+rng.IntN(40))
		for i := range x {
			x[i] = float64(rng.IntN(5))
		}
		for i := range y {
			y[i] = float64(rng.IntN(7))
		}
		u1, p1 := MannWhitney(x, y)
		d1, lo1, _ := CliffsDeltaCI(x, y, 0.05)
		xs, ys := append([]float64(nil), x...), append([]float64(nil), y...)
		slices.Sort(xs)
		slices.Sort(ys)
		u2, p2 := MannWhitney(xs, ys)
		d2, lo2, _ := CliffsDeltaCI(xs, ys, 0.05)
		if u1 != u2 || !near(p1, p2, 1e-15) || d1 != d2 || !near(lo1, lo2, 1e-15) {
			t.Fatalf("sorted and unsorted differ: U %v/%v p %v/%v δ %v/%v", u1, u2, p1, p2, d1, d2)
		}
		check(t, "CliffsDelta sorted", CliffsDelta(xs, ys), bruteCliff(x, y), 1e-12)
	}
}

// TestPoissonRateTestLarge checks the walk from the mode against the plain
// sum of every binomial term (Lgamma for each) on large counts.
func TestPoissonRateTestLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	for range 40 {
		x1 := float64(rng.IntN(5000))
		x2 := float64(rng.IntN(5000))
		t1, t2 := 1e5+rng.Float64()*1e6, 1e5+rng.Float64()*1e6
		n := int(x1 + x2)
		if n == 0 {
			continue
		}
		pi0 := t1 / (t1 + t2)
		lp := func(k int) float64 {
			return logChoose(n, k) + float64(k)*math.Log(pi0) + float64(n-k)*math.Log1p(-pi0)
		}
		cut := lp(int(x1)) + math.Log1p(1e-7)
		var want float64
		for k := 0; k <= n; k++ {
			if v := lp(k); v <= cut {
				want += math.Exp(v)
			}
		}
		got := PoissonRateTest(x1, t1, x2, t2, 0.05).P
		if math.Abs(got-min(want, 1)) > 1e-12*max(1, want) && math.Abs(got-min(want, 1)) > 1e-14 {
			t.Fatalf("x = %v, %v: p %v, plain sum %v", x1, x2, got, want)
		}
	}
}
