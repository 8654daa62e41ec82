package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// PoissonRateResult is the outcome of PoissonRateTest.
type PoissonRateResult struct {
	// Ratio is the rate ratio (x1/t1)/(x2/t2); +Inf when x2 = 0 < x1, NaN
	// when both counts are 0.
	Ratio float64
	// Lo and Hi bound the (1−alpha) confidence interval of the rate ratio,
	// from the Clopper–Pearson interval of the binomial proportion.
	Lo, Hi float64
	// P is the two-sided exact conditional p-value.
	P float64
}

// PoissonRateTest returns the exact conditional test of the hypothesis that
// two Poisson rates are equal, for x1 events in exposure t1 (say, loaded
// words in t1 words of one outlet) and x2 in t2 (Przyborowski and Wilenski,
// 1940; R's poisson.test(c(x1, x2), c(t1, t2))). Given the total
// n = x1 + x2, x1 is binomial under the null hypothesis:
//
//	X1 | X1+X2 = n  ~  Binomial(n, π₀),   π₀ = t1/(t1 + t2)
//	p = Σ_k P(X1 = k)·[P(X1 = k) ≤ P(X1 = x1)·(1 + 1e-7)]
//
// which is binom.test(x1, n, π₀)'s two-sided p-value (the relative tolerance
// is R's). The interval maps the Clopper–Pearson interval [πL, πU] of the
// proportion x1/n (Beta quantiles, distuv.Beta) to the rate ratio:
//
//	RR = π/(1 − π) · t2/t1
//
// Counts are rounded to integers. PoissonRateTest returns P = 1 and NaN
// ratio and bounds when x1 + x2 = 0, and NaN everywhere if a count is
// negative or NaN, an exposure is not positive, or alpha is not in (0, 1).
func PoissonRateTest(x1, t1, x2, t2, alpha float64) PoissonRateResult {
	nan := math.NaN()
	if !(x1 >= 0 && x2 >= 0 && t1 > 0 && t2 > 0 && alpha > 0 && alpha < 1) || math.IsInf(t1, 0) || math.IsInf(t2, 0) {
		return PoissonRateResult{nan, nan, nan, nan}
	}
	k1, k2 := int(math.Round(x1)), int(math.Round(x2))
	n := k1 + k2
	if n == 0 {
		return PoissonRateResult{nan, nan, nan, 1}
	}
	pi0 := t1 / (t1 + t2)
	lpi, lq := math.Log(pi0), math.Log1p(-pi0)
	logPMF := func(k int) float64 {
		return logChoose(n, k) + float64(k)*lpi + float64(n-k)*lq
	}
	cutoff := logPMF(k1) + math.Log1p(fisherRelTol)
	// Walk outwards from the mode, where the terms are largest, with the
	// ratio P(k+1)/P(k) = (n−k)/(k+1)·π₀/(1−π₀); each side stops once its
	// terms fall below 1e-17 of the observed one's bound (they only
	// shrink further), so large counts cost O(√n) steps, not n Lgamma
	// calls. The terms are exact to rounding; what is cut is below the
	// float64 resolution of p.
	mode := min(n, int(math.Floor(float64(n+1)*pi0)))
	lodds := lpi - lq
	negligible := cutoff + math.Log(1e-17)
	var p float64
	lm := logPMF(mode)
	if lm <= cutoff {
		p += math.Exp(lm)
	}
	for k, lp := mode, lm; k < n; {
		lp += math.Log(float64(n-k)/float64(k+1)) + lodds
		k++
		if lp <= cutoff {
			p += math.Exp(lp)
			if lp < negligible {
				break
			}
		}
	}
	for k, lp := mode, lm; k > 0; {
		lp -= math.Log(float64(n-k+1)/float64(k)) + lodds
		k--
		if lp <= cutoff {
			p += math.Exp(lp)
			if lp < negligible {
				break
			}
		}
	}
	res := PoissonRateResult{P: min(p, 1)}
	odds := func(pi float64) float64 { return pi / (1 - pi) * t2 / t1 }
	if k2 == 0 {
		res.Ratio = math.Inf(1)
	} else {
		res.Ratio = (float64(k1) / t1) / (float64(k2) / t2)
	}
	// Clopper–Pearson: πL = B(α/2; k1, n−k1+1), πU = B(1−α/2; k1+1, n−k1).
	piL, piU := 0.0, 1.0
	if k1 > 0 {
		piL = distuv.Beta{Alpha: float64(k1), Beta: float64(n - k1 + 1)}.Quantile(alpha / 2)
	}
	if k1 < n {
		piU = distuv.Beta{Alpha: float64(k1 + 1), Beta: float64(n - k1)}.Quantile(1 - alpha/2)
	}
	res.Lo = odds(piL)
	if piU >= 1 {
		res.Hi = math.Inf(1)
	} else {
		res.Hi = odds(piU)
	}
	return res
}
