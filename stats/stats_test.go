package stats

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// near reports whether got is within tol of want (absolute), treating two
// NaNs as equal.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

func check(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.10g, want %.10g (±%g)", name, got, want, tol)
	}
}

// normalSurvival is P(Z > z) for a standard normal Z, written with math.Erfc
// so that the tests do not lean on distuv.
func normalSurvival(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

func TestCohensH(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		p1, p2, want float64
	}{
		// 2·asin(√0.5) − 2·asin(0.5) = 2·π/4 − 2·π/6 = π/6 = 0.5235987756.
		{0.5, 0.25, math.Pi / 6},
		{0.25, 0.5, -math.Pi / 6},
		// 2·asin(1) − 2·asin(0) = π.
		{1, 0, math.Pi},
		{0.3, 0.3, 0},
		// With φ(p) = 2·asin(√p): φ(0.65) = 2·asin(0.8062258) = 1.8755 and
		// φ(0.45) = 2·asin(0.6708204) = 1.4706, so h = 0.4049.
		{0.65, 0.45, 0.4049},
		{-0.1, 0.5, nan},
		{0.5, 1.1, nan},
		{nan, 0.5, nan},
	} {
		tol := 1e-12
		if c.p1 == 0.65 {
			tol = 1e-4
		}
		check(t, "CohensH", CohensH(c.p1, c.p2), c.want, tol)
	}
}

// bruteCliff is the O(n·m) definition of Cliff's delta.
func bruteCliff(x, y []float64) float64 {
	var gt, lt int
	for _, a := range x {
		for _, b := range y {
			switch {
			case a > b:
				gt++
			case a < b:
				lt++
			}
		}
	}
	return float64(gt-lt) / float64(len(x)*len(y))
}

func TestCliffsDelta(t *testing.T) {
	// x = {1, 2, 3}, y = {2, 4}; the six pairs:
	// 1<2, 1<4, 2=2, 2<4, 3>2, 3<4 → (#> − #<)/(n·m) = (1 − 4)/6 = −0.5.
	x := []float64{3, 1, 2}
	y := []float64{4, 2}
	check(t, "CliffsDelta hand", CliffsDelta(x, y), -0.5, 1e-15)
	check(t, "CliffsDelta swapped", CliffsDelta(y, x), 0.5, 1e-15)
	if !slices.Equal(x, []float64{3, 1, 2}) {
		t.Errorf("CliffsDelta modified its input: %v", x)
	}
	check(t, "CliffsDelta dominance", CliffsDelta([]float64{5, 6}, []float64{1, 2, 3}), 1, 0)
	check(t, "CliffsDelta all tied", CliffsDelta([]float64{1, 1}, []float64{1}), 0, 0)
	check(t, "CliffsDelta empty", CliffsDelta(nil, []float64{1}), math.NaN(), 0)

	// Against the O(n·m) definition on random data with many ties.
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		x := make([]float64, 1+rng.IntN(30))
		y := make([]float64, 1+rng.IntN(30))
		for i := range x {
			x[i] = float64(rng.IntN(10))
		}
		for i := range y {
			y[i] = math.Round(rng.NormFloat64()*3 + 5)
		}
		got, want := CliffsDelta(x, y), bruteCliff(x, y)
		if !near(got, want, 1e-12) {
			t.Fatalf("trial %d: CliffsDelta = %v, brute force %v (x=%v y=%v)", trial, got, want, x, y)
		}
	}
}

func TestStandardizedDifference(t *testing.T) {
	// x = {2, 4, 6}: mean 4, s² = (4+0+4)/2 = 4.
	// y = {1, 2, 3}: mean 2, s² = (1+0+1)/2 = 1.
	// s_p² = (2·4 + 2·1)/(3+3−2) = 2.5, s_p = 1.58113883.
	// d = (4 − 2)/1.58113883 = 1.26491106.
	// J = 1 − 3/(4·6 − 9) = 1 − 3/15 = 0.8.
	// g = 0.8 · 1.26491106 = 1.01192885.
	x := []float64{2, 4, 6}
	y := []float64{1, 2, 3}
	check(t, "g", StandardizedDifference(x, y), 1.0119288513, 1e-9)
	check(t, "g swapped", StandardizedDifference(y, x), -1.0119288513, 1e-9)

	// A group of one contributes nothing to the pooled variance:
	// x = {10}, y = {1, 3}: s_p² = (0 + 1·2)/1 = 2, d = (10 − 2)/√2 = 5.65685425,
	// J = 1 − 3/(12 − 9) = 0, so g = 0.
	check(t, "g n+m=3", StandardizedDifference([]float64{10}, []float64{1, 3}), 0, 0)
	// x = {10}, y = {1, 3, 5}: s_p² = (0 + 2·4)/2 = 4, d = (10 − 3)/2 = 3.5,
	// J = 1 − 3/(16 − 9) = 4/7, g = 2.
	check(t, "g n=1", StandardizedDifference([]float64{10}, []float64{1, 3, 5}), 2, 1e-12)

	check(t, "g constant equal", StandardizedDifference([]float64{2, 2}, []float64{2, 2, 2}), 0, 0)
	check(t, "g constant differ", StandardizedDifference([]float64{2, 2}, []float64{3, 3}), math.NaN(), 0)
	check(t, "g empty", StandardizedDifference(nil, []float64{1, 2, 3}), math.NaN(), 0)
	check(t, "g n+m=2", StandardizedDifference([]float64{1}, []float64{2}), math.NaN(), 0)
}

func TestMeanDifference(t *testing.T) {
	// (1+2+3)/3 − (10+20)/2 = 2 − 15 = −13.
	check(t, "MeanDifference", MeanDifference([]float64{1, 2, 3}, []float64{10, 20}), -13, 1e-12)
	check(t, "MeanDifference empty", MeanDifference([]float64{1}, nil), math.NaN(), 0)
}

// bruteExactP enumerates every split of the ranks 1..n+m into groups of n and
// m and returns the two-sided exact p-value of U = u as R's wilcox.test
// defines it.
func bruteExactP(n, m int, u float64) float64 {
	N := n + m
	var total, upper, lower float64
	idx := make([]int, n)
	var rec func(start, depth int)
	rec = func(start, depth int) {
		if depth == n {
			r := 0
			for _, v := range idx {
				r += v + 1
			}
			uu := float64(r) - float64(n*(n+1))/2
			total++
			if uu >= u {
				upper++
			}
			if uu <= u {
				lower++
			}
			return
		}
		for i := start; i < N; i++ {
			idx[depth] = i
			rec(i+1, depth+1)
		}
	}
	rec(0, 0)
	if u > float64(n*m)/2 {
		return min(1, 2*upper/total)
	}
	return min(1, 2*lower/total)
}

func TestMannWhitneyExact(t *testing.T) {
	// R, ?wilcox.test: "Two-sample test. Hollander & Wolfe (1973), 69f."
	//   x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
	//   y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
	//   wilcox.test(x, y, alternative = "g")  # W = 35, p-value = 0.1272
	// By hand: the ranks of x in the pooled sample are 1, 3, 4, 7, 10..15, so
	// R_x = 90 and U = 90 − 10·11/2 = 35. The one-sided exact p is
	// 382/3003 = 0.1272 (382 of the C(15,5) = 3003 splits have U ≥ 35), so the
	// two-sided p is 764/3003 = 0.2544.
	x := []float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}
	y := []float64{1.15, 0.88, 0.90, 0.74, 1.21}
	u, p := MannWhitney(x, y)
	check(t, "U", u, 35, 0)
	check(t, "p", p, 764.0/3003, 1e-12)
	u, p = MannWhitney(y, x)
	check(t, "U swapped", u, 50-35, 0)
	check(t, "p swapped", p, 764.0/3003, 1e-12)

	// Complete separation, n = m = 3: U = 9, P(U ≥ 9) = 1/C(6,3) = 1/20, p = 0.1.
	u, p = MannWhitney([]float64{4, 5, 6}, []float64{1, 2, 3})
	check(t, "U separated", u, 9, 0)
	check(t, "p separated", p, 0.1, 1e-15)

	// Against brute-force enumeration for random small samples without ties.
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 60 {
		n, m := 1+rng.IntN(9), 1+rng.IntN(9)
		x := make([]float64, n)
		y := make([]float64, m)
		for i := range x {
			x[i] = rng.Float64()
		}
		for i := range y {
			y[i] = rng.Float64() + 0.3
		}
		u, p := MannWhitney(x, y)
		if want := bruteCliff(x, y); !near(2*u/float64(n*m)-1, want, 1e-12) {
			t.Fatalf("trial %d: U = %v inconsistent with Cliff's delta %v", trial, u, want)
		}
		if want := bruteExactP(n, m, u); !near(p, want, 1e-12) {
			t.Fatalf("trial %d (n=%d m=%d U=%v): p = %v, enumeration %v", trial, n, m, u, p, want)
		}
	}
}

func TestMannWhitneyNormal(t *testing.T) {
	// Ties force the normal approximation. x = {1, 2, 2, 3}, y = {2, 3, 4, 4}.
	// Pooled and sorted: 1x 2x 2x 2y 3x 3y 4y 4y; mid-ranks 1, 3, 3, 3, 5.5,
	// 5.5, 7.5, 7.5. R_x = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 − 10 = 2.5.
	// Ties of sizes 3, 2, 2: Σ(t³ − t) = 24 + 6 + 6 = 36; N = 8, nm = 16.
	// σ² = 16/12 · (9 − 36/56) = 11.142857, σ = 3.3380918.
	// z = (2.5 − 8 + 0.5)/3.3380918 = −1.4978617.
	// p = 2·Φ(−1.4978617) = 0.13417 (R: W = 2.5, p-value = 0.1342).
	u, p := MannWhitney([]float64{1, 2, 2, 3}, []float64{2, 3, 4, 4})
	check(t, "U ties", u, 2.5, 0)
	z := (2.5 - 8 + 0.5) / math.Sqrt(16.0/12*(9-36.0/56))
	check(t, "z ties", z, -1.4978617, 1e-7)
	check(t, "p ties", p, 2*normalSurvival(-z), 1e-12)
	check(t, "p ties (R)", p, 0.1342, 5e-5)

	// n + m = 22 > 20 without ties: x = 1..11, y = 12..22, U = 0.
	// σ² = 121·23/12 = 231.91667, σ = 15.228810.
	// z = (0 − 60.5 + 0.5)/15.228810 = −3.9399006, p = 2·Φ(−3.9399) = 8.1515e-5.
	var x, y []float64
	for i := 1; i <= 11; i++ {
		x = append(x, float64(i))
		y = append(y, float64(i+11))
	}
	u, p = MannWhitney(x, y)
	check(t, "U large", u, 0, 0)
	check(t, "p large", p, 2*normalSurvival(3.9399006464), 1e-12)
	check(t, "p large (value)", p, 8.1515e-5, 1e-8)

	// Every value tied: U = nm/2 and no evidence of a difference.
	u, p = MannWhitney([]float64{7, 7, 7}, []float64{7, 7})
	check(t, "U all tied", u, 3, 0)
	check(t, "p all tied", p, 1, 0)

	u, p = MannWhitney(nil, []float64{1})
	check(t, "U empty", u, math.NaN(), 0)
	check(t, "p empty", p, math.NaN(), 0)
}

func TestPermutationTest(t *testing.T) {
	// Small case checked against full enumeration: x = {1,3,5,7,9},
	// y = {2,4,6,8,10}, mean difference −1. Of the C(10,5) = 252 splits,
	// count those with |difference| ≥ 1; the Monte Carlo p must be close.
	x := []float64{1, 3, 5, 7, 9}
	y := []float64{2, 4, 6, 8, 10}
	pool := append(slices.Clone(x), y...)
	var extreme, total int
	for mask := range 1 << 10 {
		if popcount(mask) != 5 {
			continue
		}
		var sa, sb float64
		for i, v := range pool {
			if mask&(1<<i) != 0 {
				sa += v
			} else {
				sb += v
			}
		}
		total++
		if math.Abs(sa/5-sb/5) >= 1-1e-9 {
			extreme++
		}
	}
	exact := float64(extreme) / float64(total)
	p := PermutationTest(x, y, MeanDifference, 20000, 42)
	if math.Abs(p-exact) > 0.015 {
		t.Errorf("PermutationTest p = %v, exact permutation p = %v", p, exact)
	}
	if p < 0.2 {
		t.Errorf("PermutationTest p = %v for interleaved samples, want large", p)
	}

	// Determinism.
	if p2 := PermutationTest(x, y, MeanDifference, 20000, 42); p2 != p {
		t.Errorf("same seed gave %v then %v", p, p2)
	}

	// Separated samples: only 2 of the C(20,10) = 184756 splits are as
	// extreme, so with 999 relabellings p is 1/1000 up to a negligible chance.
	var a, b []float64
	for i := range 10 {
		a = append(a, float64(i))
		b = append(b, float64(100+i))
	}
	if p := PermutationTest(a, b, MeanDifference, 999, 7); p > 0.01 {
		t.Errorf("separated samples: p = %v, want ≤ 0.01", p)
	}
	// Identical samples: every relabelling is as extreme, p = 1.
	check(t, "identical", PermutationTest(a, a, MeanDifference, 200, 7), 1, 0)
	check(t, "n = 0", PermutationTest(a, b, MeanDifference, 0, 7), 1, 0)
	check(t, "empty", PermutationTest(nil, b, MeanDifference, 10, 7), math.NaN(), 0)
	if !slices.Equal(x, []float64{1, 3, 5, 7, 9}) || !slices.Equal(y, []float64{2, 4, 6, 8, 10}) {
		t.Error("PermutationTest modified its inputs")
	}
}

func popcount(v int) int {
	n := 0
	for ; v != 0; v &= v - 1 {
		n++
	}
	return n
}

func TestBootstrapCI(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	x := make([]float64, 40)
	y := make([]float64, 50)
	for i := range x {
		x[i] = 10 + rng.NormFloat64()
	}
	for i := range y {
		y[i] = rng.NormFloat64()
	}
	lo, hi := BootstrapCI(x, y, MeanDifference, 2000, 0.05, 99)
	if !(lo <= 10 && 10 <= hi) {
		t.Errorf("95%% interval [%v, %v] misses the true difference 10", lo, hi)
	}
	if !(lo > 8 && hi < 12) {
		t.Errorf("95%% interval [%v, %v] implausibly wide", lo, hi)
	}
	lo2, hi2 := BootstrapCI(x, y, MeanDifference, 2000, 0.05, 99)
	if lo2 != lo || hi2 != hi {
		t.Errorf("same seed gave [%v, %v] then [%v, %v]", lo, hi, lo2, hi2)
	}
	// A wider confidence level gives a wider interval (same replicates).
	lo3, hi3 := BootstrapCI(x, y, MeanDifference, 2000, 0.01, 99)
	if !(lo3 <= lo && hi <= hi3) {
		t.Errorf("99%% interval [%v, %v] not wider than 95%% [%v, %v]", lo3, hi3, lo, hi)
	}

	// Constant groups: every replicate is 5 − 2 = 3.
	lo, hi = BootstrapCI([]float64{5, 5, 5}, []float64{2, 2}, MeanDifference, 100, 0.1, 1)
	check(t, "constant lo", lo, 3, 0)
	check(t, "constant hi", hi, 3, 0)

	for _, c := range []struct {
		x, y  []float64
		n     int
		alpha float64
	}{
		{nil, y, 100, 0.05},
		{x, []float64{}, 100, 0.05},
		{x, y, 0, 0.05},
		{x, y, 100, 0},
		{x, y, 100, 1},
	} {
		lo, hi := BootstrapCI(c.x, c.y, MeanDifference, c.n, c.alpha, 1)
		if !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("BootstrapCI(len %d, len %d, n=%d, alpha=%v) = [%v, %v], want NaN",
				len(c.x), len(c.y), c.n, c.alpha, lo, hi)
		}
	}
	// Replicates where the statistic is undefined are dropped; all undefined → NaN.
	lo, hi = BootstrapCI([]float64{1, 1}, []float64{2, 2}, StandardizedDifference, 50, 0.05, 1)
	if !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("all-NaN replicates gave [%v, %v]", lo, hi)
	}
}

func TestGSquared(t *testing.T) {
	// a = 10, b = 2, n1 = n2 = 1000: E1 = E2 = 1000·12/2000 = 6.
	// G² = 2·(10·ln(10/6) + 2·ln(2/6)) = 2·(5.1082562 − 2.1972246) = 5.8220633.
	// For one degree of freedom P(χ² > g) = erfc(√(g/2)) = 0.0158264; the
	// χ²₁ table puts 5.822 between 5.024 (p = 0.025) and 6.635 (p = 0.01).
	g2, p := GSquared(10, 2, 1000, 1000)
	check(t, "G2", g2, 5.8220633206, 1e-9)
	check(t, "p", p, math.Erfc(math.Sqrt(5.8220633206/2)), 1e-9)
	check(t, "p value", p, 0.0158264, 1e-7)
	if !(p > 0.01 && p < 0.025) {
		t.Errorf("p = %v not between the χ²₁ table's 0.01 and 0.025", p)
	}

	// a = 0, b = 10, n1 = n2 = 1000: E2 = 5, G² = 2·10·ln 2 = 13.8629436 (0·ln 0 = 0).
	g2, p = GSquared(0, 10, 1000, 1000)
	check(t, "G2 zero cell", g2, 20*math.Ln2, 1e-12)
	check(t, "p zero cell", p, math.Erfc(math.Sqrt(10*math.Ln2)), 1e-12)

	// χ²₁ table: critical values 3.841, 6.635, 10.828 for p = 0.05, 0.01, 0.001.
	// Check the p mapping through erfc at those points via counts whose G² is
	// computed by hand from the formula.
	for _, c := range []struct{ g2, p float64 }{{3.841, 0.05}, {6.635, 0.01}, {10.828, 0.001}} {
		if got := math.Erfc(math.Sqrt(c.g2 / 2)); math.Abs(got-c.p)/c.p > 2e-3 {
			t.Errorf("table: erfc(√(%v/2)) = %v, want %v", c.g2, got, c.p)
		}
	}
	// Unequal corpora: a = 30, b = 10, n1 = 1000, n2 = 3000.
	// E1 = 1000·40/4000 = 10, E2 = 30; G² = 2·(30·ln 3 + 10·ln(1/3)) = 40·ln 3 = 43.944492.
	g2, p = GSquared(30, 10, 1000, 3000)
	check(t, "G2 unequal", g2, 40*math.Log(3), 1e-9)
	check(t, "p unequal", p, math.Erfc(math.Sqrt(20*math.Log(3))), 1e-15)

	// Equal relative frequencies: G² = 0, p = 1.
	g2, p = GSquared(5, 15, 100, 300)
	check(t, "G2 equal", g2, 0, 1e-12)
	check(t, "p equal", p, 1, 1e-6)
	g2, p = GSquared(0, 0, 100, 300)
	check(t, "G2 absent", g2, 0, 0)
	check(t, "p absent", p, 1, 0)
	for _, c := range [][4]float64{{-1, 2, 10, 10}, {11, 2, 10, 10}, {1, 2, 10, math.NaN()}} {
		g2, p := GSquared(c[0], c[1], c[2], c[3])
		if !math.IsNaN(g2) || !math.IsNaN(p) {
			t.Errorf("GSquared%v = (%v, %v), want NaN", c, g2, p)
		}
	}
}

func TestSignedG2(t *testing.T) {
	check(t, "overused in 1", SignedG2(10, 2, 1000, 1000), 5.8220633206, 1e-9)
	check(t, "overused in 2", SignedG2(2, 10, 1000, 1000), -5.8220633206, 1e-9)
	check(t, "unequal corpora", SignedG2(10, 30, 3000, 1000), -40*math.Log(3), 1e-9)
	check(t, "invalid", SignedG2(-1, 0, 1, 1), math.NaN(), 0)
}

// bigFisher is Fisher's exact two-sided p computed with exact rationals.
func bigFisher(a, b, c, d int64) float64 {
	r1, r2, c1 := a+b, c+d, a+c
	n := r1 + r2
	prob := func(x int64) *big.Rat {
		num := new(big.Int).Mul(new(big.Int).Binomial(r1, x), new(big.Int).Binomial(r2, c1-x))
		return new(big.Rat).SetFrac(num, new(big.Int).Binomial(n, c1))
	}
	obs := prob(a)
	sum := new(big.Rat)
	for x := max(0, c1-r2); x <= min(r1, c1); x++ {
		if px := prob(x); px.Cmp(obs) <= 0 {
			sum.Add(sum, px)
		}
	}
	f, _ := sum.Float64()
	return f
}

func TestFisherExact(t *testing.T) {
	// Fisher's lady tasting tea, [[3 1] [1 3]]: margins 4, 4, 4, 4, N = 8.
	// P(X = x) = C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 (/70) for x = 0..4.
	// Tables no more likely than x = 3 (16/70): x = 0, 1, 3, 4, so
	// p = 34/70 = 0.4857 (R: fisher.test(TeaTasting) p-value = 0.4857).
	check(t, "tea", FisherExact(3, 1, 1, 3), 34.0/70, 1e-12)
	// [[1 9] [11 3]] (the dieting example of Wikipedia's "Fisher's exact
	// test"): margins 10, 14, 12, N = 24; summing by exact rational arithmetic
	// the tables no more likely than x = 1 (x = 0, 1, 9, 10) gives the
	// two-sided p = 41/14858 = 0.002759.
	check(t, "1 9 11 3", FisherExact(1, 9, 11, 3), 41.0/14858, 1e-12)
	// Transposing or swapping rows leaves p unchanged.
	check(t, "transposed", FisherExact(1, 11, 9, 3), 41.0/14858, 1e-12)
	check(t, "rows swapped", FisherExact(11, 3, 1, 9), 41.0/14858, 1e-12)
	check(t, "all zero", FisherExact(0, 0, 0, 0), 1, 0)
	check(t, "balanced", FisherExact(5, 5, 5, 5), 1, 1e-12)
	check(t, "negative", FisherExact(-1, 2, 3, 4), math.NaN(), 0)

	// Against exact rational arithmetic on random and larger tables.
	rng := rand.New(rand.NewPCG(8, 9))
	cases := [][4]int{{100, 150, 130, 90}, {0, 50, 7, 3}, {12, 0, 0, 12}}
	for range 100 {
		cases = append(cases, [4]int{rng.IntN(25), rng.IntN(25), rng.IntN(25), rng.IntN(25)})
	}
	for _, c := range cases {
		got := FisherExact(c[0], c[1], c[2], c[3])
		want := bigFisher(int64(c[0]), int64(c[1]), int64(c[2]), int64(c[3]))
		if math.Abs(got-want) > 1e-9*max(want, 1e-300) && math.Abs(got-want) > 1e-12 {
			t.Errorf("FisherExact%v = %v, exact %v", c, got, want)
		}
	}
}

func TestBenjaminiHochberg(t *testing.T) {
	// Benjamini & Hochberg (1995), section 4.2: 15 p-values, m = 15.
	p := []float64{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
		0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000}
	// m·p_(i)/i by hand:
	//  i=1 0.0015   i=2 0.003    i=3 0.0095   i=4 0.035625  i=5 0.0603
	//  i=6 0.0695   i=7 0.063857 i=8 0.0645   i=9 0.0765    i=10 0.486
	//  i=11 0.581182 i=12 0.714875 i=13 0.753231 i=14 0.813214 i=15 1
	// The running minimum from the top lowers only i=6 (0.0695 → 0.063857).
	// At FDR 0.05 the first four are rejected, as in the paper.
	want := []float64{0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 * 0.0298 / 7, 15 * 0.0298 / 7,
		0.0645, 0.0765, 0.486, 15 * 0.4262 / 11, 15 * 0.5719 / 12, 15 * 0.6528 / 13, 15 * 0.7590 / 14, 1}
	check(t, "q_6 by hand", want[5], 0.063857, 1e-6)
	q := BenjaminiHochberg(p)
	for i := range p {
		check(t, "q", q[i], want[i], 1e-12)
	}
	rejected := 0
	for _, v := range q {
		if v <= 0.05 {
			rejected++
		}
	}
	if rejected != 4 {
		t.Errorf("rejected %d at FDR 0.05, want 4", rejected)
	}

	// Input order is kept: reverse the p-values, add NaNs (not counted in m).
	rev := slices.Clone(p)
	slices.Reverse(rev)
	rev = append([]float64{math.NaN()}, append(rev[:7:7], append([]float64{math.NaN()}, rev[7:]...)...)...)
	q = BenjaminiHochberg(rev)
	var got []float64
	for i, v := range q {
		if math.IsNaN(rev[i]) {
			if !math.IsNaN(v) {
				t.Errorf("q[%d] = %v for a NaN p-value", i, v)
			}
			continue
		}
		got = append(got, v)
	}
	slices.Reverse(got)
	for i := range want {
		check(t, "q reordered", got[i], want[i], 1e-12)
	}

	// Capping: p = {0.9, 0.95}, m = 2 → 2·0.9/1 = 1.8 → 1, 2·0.95/2 = 0.95;
	// q = {0.95, 0.95}.
	q = BenjaminiHochberg([]float64{0.9, 0.95})
	check(t, "q capped 0", q[0], 0.95, 1e-15)
	check(t, "q capped 1", q[1], 0.95, 1e-15)

	// Hand-worked ties: p = {0.02, 0.01, 0.02, 0.5}, m = 4; sorted 0.01, 0.02,
	// 0.02, 0.5 → 4·p/i = 0.04, 0.04, 0.02667, 0.5 → running minimum from the
	// top: q = 0.02667, 0.02667, 0.02667, 0.5; in input order the same.
	q = BenjaminiHochberg([]float64{0.02, 0.01, 0.02, 0.5})
	for i, w := range []float64{0.08 / 3, 0.08 / 3, 0.08 / 3, 0.5} {
		check(t, "q ties", q[i], w, 1e-12)
	}

	// Monotone in p, never below p, at most 1, on random input.
	rng := rand.New(rand.NewPCG(10, 11))
	r := make([]float64, 200)
	for i := range r {
		r[i] = math.Pow(rng.Float64(), 3)
	}
	q = BenjaminiHochberg(r)
	for i := range r {
		if q[i] < r[i] || q[i] > 1 {
			t.Fatalf("q[%d] = %v outside [p, 1] for p = %v", i, q[i], r[i])
		}
		for j := range r {
			if r[i] < r[j] && q[i] > q[j] {
				t.Fatalf("not monotone: p %v < %v but q %v > %v", r[i], r[j], q[i], q[j])
			}
		}
	}
	if q := BenjaminiHochberg(nil); len(q) != 0 {
		t.Errorf("BenjaminiHochberg(nil) = %v", q)
	}
}

func TestWilsonInterval(t *testing.T) {
	// z = 1.959964 for 95%, z² = 3.841459.
	// k = 5, n = 10: centre 0.5, half-width 1.959964/1.3841459·√(0.025 + 0.0096036)
	// = 0.263402 → [0.2366, 0.7634], the published Wilson interval for 5/10.
	lo, hi := WilsonInterval(5, 10, 0.05)
	check(t, "5/10 lo", lo, 0.2366, 5e-5)
	check(t, "5/10 hi", hi, 0.7634, 5e-5)
	// k = 0, n = 10: centre = half-width = 0.1920729/1.3841459 = 0.138767 → [0, 0.2775].
	lo, hi = WilsonInterval(0, 10, 0.05)
	check(t, "0/10 lo", lo, 0, 0)
	check(t, "0/10 hi", hi, 0.2775, 5e-5)
	lo, hi = WilsonInterval(10, 10, 0.05)
	check(t, "10/10 lo", lo, 0.7225, 5e-5)
	check(t, "10/10 hi", hi, 1, 0)
	// Newcombe (1998), example 81/263 at 95%: Wilson interval 0.2553 to 0.3662.
	lo, hi = WilsonInterval(81, 263, 0.05)
	check(t, "81/263 lo", lo, 0.2553, 5e-5)
	check(t, "81/263 hi", hi, 0.3662, 5e-5)
	for _, c := range [][3]float64{{1, 0, 0.05}, {-1, 10, 0.05}, {11, 10, 0.05}, {1, 10, 0}, {1, 10, 1}} {
		lo, hi := WilsonInterval(c[0], c[1], c[2])
		if !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("WilsonInterval%v = [%v, %v], want NaN", c, lo, hi)
		}
	}
}

func TestMeanCI(t *testing.T) {
	// Values 1..5: n = 5, Σx = 15, Σx² = 55. mean = 3,
	// var = (55 − 225/5)/4 = 2.5, s.e. = √(2.5/5) = 0.7071068,
	// t_{0.975, 4} = 2.776445 (t table: 2.776), half-width = 1.963243.
	// R: t.test(1:5) → 95 percent confidence interval 1.036757 4.963243.
	mean, lo, hi := MeanCI(5, 15, 55, 0.05)
	check(t, "mean", mean, 3, 0)
	check(t, "lo", lo, 1.036757, 1e-6)
	check(t, "hi", hi, 4.963243, 1e-6)

	// From raw values, direct computation: x = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3},
	// mean 3.45, sample s.d. computed below from deviations, t_{0.95, 5} = 2.015048
	// (t table: 2.015) for a 90% interval.
	x := []float64{2.1, 3.4, 1.9, 5.6, 4.4, 3.3}
	var s, ss, dev float64
	for _, v := range x {
		s += v
		ss += v * v
	}
	m := s / float64(len(x))
	for _, v := range x {
		dev += (v - m) * (v - m)
	}
	half := 2.015048 * math.Sqrt(dev/5/6)
	mean, lo, hi = MeanCI(6, s, ss, 0.10)
	check(t, "raw mean", mean, 3.45, 1e-12)
	check(t, "raw lo", lo, 3.45-half, 1e-5)
	check(t, "raw hi", hi, 3.45+half, 1e-5)

	mean, lo, hi = MeanCI(1, 4, 16, 0.05)
	check(t, "n=1 mean", mean, 4, 0)
	check(t, "n=1 lo", lo, math.NaN(), 0)
	check(t, "n=1 hi", hi, math.NaN(), 0)
	mean, _, _ = MeanCI(0, 0, 0, 0.05)
	check(t, "n=0 mean", mean, math.NaN(), 0)
	// Constant values: zero variance (even if rounding makes it negative).
	mean, lo, hi = MeanCI(3, 0.3, 0.03, 0.05)
	check(t, "constant lo", lo, mean, 1e-9)
	check(t, "constant hi", hi, mean, 1e-9)
}

func TestFightinWords(t *testing.T) {
	// a: x 50, y 10, z 40 (n_a = 100); b: x 10, y 50, z 40 (n_b = 100).
	// priorScale 0.01 with the pooled prior: α_0 = 0.01·200 = 2,
	// α_x = α_y = 0.01·60 = 0.6, α_z = 0.01·80 = 0.8.
	// δ_x = ln(50.6/(100+2−50−0.6)) − ln(10.6/(100+2−10−0.6))
	//     = ln(50.6/51.4) − ln(10.6/91.4) = −0.0156866 + 2.1543915 = 2.1387049
	// σ²_x = 1/50.6 + 1/10.6 = 0.0197628 + 0.0943396 = 0.1141025
	// z_x = 2.1387049/√0.1141025 = 6.3314523
	// y mirrors x (z = −6.3314523); z has equal counts, δ = 0.
	a := map[string]float64{"x": 50, "y": 10, "z": 40}
	b := map[string]float64{"x": 10, "y": 50, "z": 40}
	got := FightinWords(a, b, nil, 0.01)
	want := []TermScore{
		{Term: "x", Delta: 2.1387049, Variance: 0.1141025, Z: 6.3314523, CountA: 50, CountB: 10},
		{Term: "z", Delta: 0, Variance: 1/40.8 + 1/40.8, Z: 0, CountA: 40, CountB: 40},
		{Term: "y", Delta: -2.1387049, Variance: 0.1141025, Z: -6.3314523, CountA: 10, CountB: 50},
	}
	compareScores(t, "pooled prior", got, want)
	// priorScale ≤ 0 means the default 0.01.
	compareScores(t, "default scale", FightinWords(a, b, nil, 0), want)

	// Explicit uniform prior, priorScale 0.03: α_0 = 0.03·200 = 6, α_w = 2.
	// δ_x = ln(52/(100+6−50−2)) − ln(12/(100+6−10−2)) = ln(52/54) − ln(12/94)
	//     = 2.0206478, σ²_x = 1/52 + 1/12 = 0.1025641, z_x = 6.3094707.
	prior := map[string]float64{"x": 1, "y": 1, "z": 1, "unused": 100}
	got = FightinWords(a, b, prior, 0.03)
	want = []TermScore{
		{Term: "x", Delta: 2.0206478, Variance: 0.1025641, Z: 6.3094707, CountA: 50, CountB: 10},
		{Term: "z", Delta: 0, Variance: 1/42.0 + 1/42.0, Z: 0, CountA: 40, CountB: 40},
		{Term: "y", Delta: -2.0206478, Variance: 0.1025641, Z: -6.3094707, CountA: 10, CountB: 50},
	}
	compareScores(t, "explicit prior", got, want)

	// Symmetry: swapping a and b negates Delta and Z exactly.
	rng := rand.New(rand.NewPCG(12, 13))
	ra, rb := map[string]float64{}, map[string]float64{}
	for i := range 300 {
		w := string(rune('a'+i%26)) + string(rune('a'+i/26))
		ra[w] = float64(rng.IntN(20))
		rb[w] = float64(rng.IntN(20))
	}
	ab := FightinWords(ra, rb, nil, 0.05)
	ba := FightinWords(rb, ra, nil, 0.05)
	byTerm := map[string]TermScore{}
	for _, s := range ba {
		byTerm[s.Term] = s
	}
	if len(ab) != len(ba) {
		t.Fatalf("len %d vs %d after swapping", len(ab), len(ba))
	}
	for _, s := range ab {
		r := byTerm[s.Term]
		if r.Z != -s.Z || r.Delta != -s.Delta || r.Variance != s.Variance || r.CountA != s.CountB {
			t.Fatalf("swap: %+v vs %+v", s, r)
		}
	}

	// Deterministic order: sorted by Z descending, ties by Term ascending,
	// whatever the map iteration order.
	for range 20 {
		again := FightinWords(ra, rb, nil, 0.05)
		if !slices.Equal(again, ab) {
			t.Fatal("FightinWords order changed between calls")
		}
	}
	for i := 1; i < len(ab); i++ {
		p, c := ab[i-1], ab[i]
		if p.Z < c.Z || (p.Z == c.Z && p.Term >= c.Term) {
			t.Fatalf("out of order at %d: %+v then %+v", i, p, c)
		}
	}
	tied := FightinWords(map[string]float64{"b": 5, "a": 5, "c": 1}, map[string]float64{"b": 1, "a": 1, "c": 9}, nil, 0.01)
	if tied[0].Term != "a" || tied[1].Term != "b" || tied[0].Z != tied[1].Z {
		t.Errorf("tie order: %+v", tied)
	}

	// Degenerate input: zero-count terms and invalid counts are omitted; a
	// term missing from an explicit prior survives only if seen in both.
	got = FightinWords(map[string]float64{"x": 5, "y": 5, "zero": 0, "bad": math.NaN()},
		map[string]float64{"x": 5, "y": 1, "neg": -3}, nil, 0.01)
	if len(got) != 2 {
		t.Errorf("degenerate: %+v, want only x and y", got)
	}
	got = FightinWords(map[string]float64{"x": 5, "y": 5, "new": 3}, map[string]float64{"x": 5, "y": 5},
		map[string]float64{"x": 1, "y": 1}, 0.01)
	if len(got) != 2 {
		t.Errorf("missing prior: %+v, want only x and y", got)
	}
	// An explicit prior with no mass on the vocabulary: α = 0, the plain
	// log-odds ratio. x: ln(6/4) − ln(2/8) = ln 6 = 1.7917595, σ² = 1/6 + 1/2.
	got = FightinWords(map[string]float64{"x": 6, "y": 4}, map[string]float64{"x": 2, "y": 8},
		map[string]float64{}, 0.01)
	compareScores(t, "no prior mass", got, []TermScore{
		{Term: "x", Delta: math.Log(6), Variance: 1.0/6 + 1.0/2, Z: math.Log(6) / math.Sqrt(2.0/3), CountA: 6, CountB: 2},
		{Term: "y", Delta: -math.Log(6), Variance: 1.0/4 + 1.0/8, Z: -math.Log(6) / math.Sqrt(3.0/8), CountA: 4, CountB: 8},
	})
	if got := FightinWords(nil, map[string]float64{}, nil, 0.01); got == nil || len(got) != 0 {
		t.Errorf("empty corpora: %#v, want empty non-nil slice", got)
	}
}

func compareScores(t *testing.T, name string, got, want []TermScore) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d scores %+v, want %d", name, len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Term != w.Term || g.CountA != w.CountA || g.CountB != w.CountB ||
			!near(g.Delta, w.Delta, 1e-7) || !near(g.Variance, w.Variance, 1e-7) || !near(g.Z, w.Z, 1e-7) {
			t.Errorf("%s[%d] = %+v, want %+v", name, i, g, w)
		}
	}
}
