package evaluate

import (
	"math"
	"sort"
)

// Elastic-net logistic regression by coordinate descent, the algorithm of
// glmnet (Friedman, Hastie & Tibshirani 2010, "Regularization paths for
// generalized linear models via coordinate descent", J. Stat. Softw. 33(1)):
// an outer loop of iteratively reweighted least squares, an inner loop of
// cyclic coordinate descent with soft-thresholding, warm starts down a
// decreasing λ path, and sweeps over the active set between full sweeps.
//
// It is written here because gonum has no L1 or elastic-net solver (its
// optimize package minimises smooth functions; the L1 penalty is not
// differentiable at 0, and a sparse model needs exact zeros). The features
// are standardised (mean 0, variance 1 with divisor n, as glmnet does)
// implicitly, so the sparse columns of word counts stay sparse.
//
// The objective, for standardised features x̃ and labels y ∈ {0, 1}:
//
//	minimise  −(1/n) Σ_i [y_i η_i − log(1 + e^{η_i})] + λ [α Σ_j |β_j| + (1−α)/2 Σ_j β_j²],
//	η_i = b + Σ_j β_j x̃_ij                      (the intercept b is not penalised)

// sparseCol is one feature's non-zero values.
type sparseCol struct {
	idx []int
	val []float64
}

// design is a standardised sparse design matrix.
type design struct {
	n        int
	cols     []sparseCol
	mean, sd []float64
}

// newDesign builds the design from rows (feature index → value) over p
// features. A feature with zero variance gets sd 0 and is never used.
func newDesign(rows []map[int]float64, p int) *design {
	d := &design{n: len(rows), cols: make([]sparseCol, p), mean: make([]float64, p), sd: make([]float64, p)}
	for i, r := range rows {
		keys := make([]int, 0, len(r))
		for j := range r {
			keys = append(keys, j)
		}
		sort.Ints(keys)
		for _, j := range keys {
			if v := r[j]; v != 0 {
				d.cols[j].idx = append(d.cols[j].idx, i)
				d.cols[j].val = append(d.cols[j].val, v)
			}
		}
	}
	n := float64(d.n)
	for j, c := range d.cols {
		var s, ss float64
		for _, v := range c.val {
			s += v
			ss += v * v
		}
		m := s / n
		v := ss/n - m*m
		d.mean[j] = m
		if v > 1e-12 {
			d.sd[j] = math.Sqrt(v)
		}
	}
	return d
}

// glmPath holds fits along a λ path, in standardised units.
type glmPath struct {
	lambdas []float64
	b0      []float64
	beta    [][]float64
}

// glmOptions tune the solver.
type glmOptions struct {
	alpha float64 // elastic-net mixing: 1 lasso, 0 ridge
	tol   float64 // convergence: max_j H_j Δβ_j² below tol
	// maxNonZero stops the path after the first λ with more non-zero
	// weights than this (0: no limit).
	maxNonZero int
}

// lambdaMax is the smallest λ at which every β_j is 0:
// max_j |(1/n) Σ_i x̃_ij (y_i − ȳ)| / α.
func lambdaMax(d *design, y []float64, alpha float64) float64 {
	var ybar float64
	for _, v := range y {
		ybar += v
	}
	ybar /= float64(d.n)
	best := 0.0
	for j, c := range d.cols {
		if d.sd[j] == 0 {
			continue
		}
		// Σ_i x̃_ij (y_i − ȳ) = (1/s_j) Σ_i x_ij (y_i − ȳ), as Σ_i (y_i − ȳ) = 0.
		g := 0.0
		for k, i := range c.idx {
			g += c.val[k] * (y[i] - ybar)
		}
		g = math.Abs(g/d.sd[j]) / float64(d.n)
		best = max(best, g)
	}
	// A hair above the boundary, so that rounding cannot leave a weight
	// non-zero at the first λ.
	return best / max(alpha, 1e-3) * (1 + 1e-9)
}

// lambdaPath returns nl values from lmax down to lmax·ratio, evenly spaced
// on the log scale.
func lambdaPath(lmax, ratio float64, nl int) []float64 {
	out := make([]float64, nl)
	for k := range out {
		out[k] = lmax * math.Pow(ratio, float64(k)/float64(nl-1))
	}
	return out
}

// fitPath fits the model at each λ in lambdas (decreasing), warm-starting
// each from the previous.
func fitPath(d *design, y []float64, lambdas []float64, opt glmOptions) glmPath {
	if opt.tol == 0 {
		opt.tol = 1e-7
	}
	p := len(d.cols)
	n := float64(d.n)
	beta := make([]float64, p)
	var ybar float64
	for _, v := range y {
		ybar += v
	}
	ybar /= n
	ybar = min(max(ybar, 1e-6), 1-1e-6)
	b := math.Log(ybar / (1 - ybar))
	nullDev := -(ybar*math.Log(ybar) + (1-ybar)*math.Log(1-ybar))
	u := make([]float64, d.n) // Σ_j β_j x_ij / s_j (the sparse part of η)
	w := make([]float64, d.n)
	rs := make([]float64, d.n) // working residual, sparse part
	wx := make([]float64, p)   // Σ_i w_i x_ij
	H := make([]float64, p)    // (1/n) Σ_i w_i x̃_ij²
	active := make([]bool, p)
	var path glmPath
	for _, lambda := range lambdas {
		l1, l2 := lambda*opt.alpha, lambda*(1-opt.alpha)
		prev := make([]float64, p)
		passes := 0 // coordinate sweeps at this λ, capped like glmnet's maxit
		for outer := 0; outer < maxOuter && passes < maxPasses; outer++ {
			copy(prev, beta)
			bPrev := b
			// Quadratic approximation at the current (b, β).
			c := b
			for j, bj := range beta {
				if bj != 0 {
					c -= bj * d.mean[j] / d.sd[j]
				}
			}
			var W, WR float64
			for i := range w {
				eta := c + u[i]
				pi := 1 / (1 + math.Exp(-eta))
				wi := max(pi*(1-pi), 1e-5)
				w[i] = wi
				rs[i] = (y[i] - pi) / wi
				W += wi
				WR += wi * rs[i]
			}
			for j, col := range d.cols {
				if d.sd[j] == 0 {
					continue
				}
				var s1, s2 float64
				for k, i := range col.idx {
					s1 += w[i] * col.val[k]
					s2 += w[i] * col.val[k] * col.val[k]
				}
				wx[j] = s1
				m := d.mean[j]
				H[j] = (s2 - 2*m*s1 + m*m*W) / (d.sd[j] * d.sd[j]) / n
			}
			// offset: the dense part of the residual (centering and
			// intercept moves), shared by every row.
			off := 0.0
			sweep := func(all bool) float64 {
				md := 0.0
				for j, col := range d.cols {
					if d.sd[j] == 0 || !all && !active[j] {
						continue
					}
					s, m := d.sd[j], d.mean[j]
					var xr float64
					for k, i := range col.idx {
						xr += w[i] * col.val[k] * rs[i]
					}
					// (1/n) Σ_i w_i x̃_ij r_i with r_i = rs_i + off.
					g := (xr + off*wx[j] - m*(WR+off*W)) / s / n
					old := beta[j]
					z := g + H[j]*old
					nb := softThreshold(z, l1) / (H[j] + l2)
					if nb == old {
						continue
					}
					delta := nb - old
					beta[j] = nb
					if nb != 0 {
						active[j] = true
					}
					for k, i := range col.idx {
						rs[i] -= delta * col.val[k] / s
						u[i] += delta * col.val[k] / s
					}
					WR -= delta * wx[j] / s
					off += delta * m / s
					md = max(md, H[j]*delta*delta)
				}
				// Intercept (unpenalised).
				db := (WR + off*W) / W
				b += db
				off -= db
				md = max(md, W/n*db*db)
				return md
			}
			for passes < maxPasses {
				passes++
				if sweep(true) < opt.tol {
					break
				}
				for passes < maxPasses {
					passes++
					if sweep(false) < opt.tol {
						break
					}
				}
			}
			// Outer convergence: this IRLS step moved no coefficient by
			// more than the tolerance (in units of its curvature).
			moved := W / n * (b - bPrev) * (b - bPrev)
			for j := range beta {
				if dj := beta[j] - prev[j]; dj != 0 {
					moved = max(moved, H[j]*dj*dj)
				}
			}
			if moved < opt.tol {
				break
			}
		}
		path.lambdas = append(path.lambdas, lambda)
		path.b0 = append(path.b0, b)
		path.beta = append(path.beta, append([]float64(nil), beta...))
		if opt.maxNonZero > 0 && nonZero(beta) > opt.maxNonZero {
			break
		}
		// glmnet's saturation rule: once the fit explains 99.9% of the
		// null deviance (separable data, where smaller penalties only
		// inflate the weights), the rest of the path repeats this fit.
		if dev := meanLogLoss(d, y, b, beta); dev < 0.001*nullDev {
			for _, l := range lambdas[len(path.lambdas):] {
				path.lambdas = append(path.lambdas, l)
				path.b0 = append(path.b0, b)
				path.beta = append(path.beta, append([]float64(nil), beta...))
			}
			break
		}
	}
	return path
}

// Iteration caps per λ: IRLS steps and coordinate sweeps (full or active
// set). A fit that reaches them keeps its last iterate.
const (
	maxOuter  = 50
	maxPasses = 5000
)

// meanLogLoss is the mean negative log-likelihood of the fit (b, β).
func meanLogLoss(d *design, y []float64, b float64, beta []float64) float64 {
	eta := make([]float64, d.n)
	c := b
	for j, bj := range beta {
		if bj == 0 {
			continue
		}
		c -= bj * d.mean[j] / d.sd[j]
		col := d.cols[j]
		for k, i := range col.idx {
			eta[i] += bj * col.val[k] / d.sd[j]
		}
	}
	s := 0.0
	for i, v := range y {
		z := c + eta[i]
		// log(1 + e^z) − y z, computed stably
		if z > 0 {
			s += z + math.Log1p(math.Exp(-z)) - v*z
		} else {
			s += math.Log1p(math.Exp(z)) - v*z
		}
	}
	return s / float64(d.n)
}

func softThreshold(z, g float64) float64 {
	switch {
	case z > g:
		return z - g
	case z < -g:
		return z + g
	}
	return 0
}

func nonZero(beta []float64) int {
	n := 0
	for _, b := range beta {
		if math.Abs(b) > 1e-9 { // coordinate descent can leave dust on collinear features
			n++
		}
	}
	return n
}

// raw converts fit k of the path to weights on the raw feature scale:
// w_j = β_j / s_j, bias = b − Σ_j β_j μ_j / s_j.
func (p glmPath) raw(d *design, k int) (w []float64, bias float64) {
	w = make([]float64, len(d.cols))
	bias = p.b0[k]
	for j, bj := range p.beta[k] {
		if bj != 0 {
			w[j] = bj / d.sd[j]
			bias -= bj * d.mean[j] / d.sd[j]
		}
	}
	return w, bias
}

// predictRaw returns σ(bias + Σ_j w_j x_j) for a row of raw values.
func predictRaw(w []float64, bias float64, row map[int]float64) float64 {
	keys := make([]int, 0, len(row))
	for j := range row {
		keys = append(keys, j)
	}
	sort.Ints(keys)
	z := bias
	for _, j := range keys {
		if j < len(w) {
			z += w[j] * row[j]
		}
	}
	return sigmoid(z)
}
