package stats

import "math"

// fisherRelTol is the relative tolerance with which a table counts as no
// more likely than the observed one (the value R's fisher.test uses).
const fisherRelTol = 1e-7

// FisherExact returns the two-sided p-value of Fisher's exact test of
// independence for the 2×2 table
//
//	[ a  b ]
//	[ c  d ]
//
// Conditioning on the margins r1 = a+b, r2 = c+d, c1 = a+c and N = a+b+c+d,
// the top-left cell X is hypergeometric:
//
//	P(X = x) = C(r1, x)·C(r2, c1−x) / C(N, c1),   max(0, c1−r2) ≤ x ≤ min(r1, c1)
//
// and the p-value sums the probabilities of the tables as likely as or less
// likely than the observed one:
//
//	p = Σ_x P(X = x)·[P(X = x) ≤ P(X = a)·(1 + 1e-7)]
//
// The relative tolerance 1e-7 keeps tables exactly as likely as the observed
// one from being lost to rounding. The binomial coefficients are evaluated as
// log-factorials with math.Lgamma, so large tables neither overflow nor need
// big integers.
//
// FisherExact returns NaN if any cell is negative, and 1 for an all-zero
// table.
func FisherExact(a, b, c, d int) float64 {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	r1, r2, c1 := a+b, c+d, a+c
	n := r1 + r2
	logDenom := logChoose(n, c1)
	logP := func(x int) float64 {
		return logChoose(r1, x) + logChoose(r2, c1-x) - logDenom
	}
	cutoff := logP(a) + math.Log1p(fisherRelTol)
	var p float64
	for x := max(0, c1-r2); x <= min(r1, c1); x++ {
		if lp := logP(x); lp <= cutoff {
			p += math.Exp(lp)
		}
	}
	return min(p, 1)
}

// logChoose returns ln C(n, k) for 0 ≤ k ≤ n.
func logChoose(n, k int) float64 {
	return logFactorial(n) - logFactorial(k) - logFactorial(n-k)
}

// logFactorial returns ln n! = ln Γ(n+1).
func logFactorial(n int) float64 {
	v, _ := math.Lgamma(float64(n) + 1)
	return v
}
