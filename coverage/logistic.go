package coverage

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// logistic is a fitted logistic regression over sparse rows.
type logistic struct {
	w    []float64
	bias float64
}

func (m logistic) predict(r sparseRow) float64 {
	z := m.bias
	for k, j := range r.idx {
		z += m.w[j] * r.val[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// fitSparseLogistic minimises the mean log loss plus lambda·‖w‖² over the
// rows in train with L-BFGS (gonum/optimize). It is written here rather
// than reusing evaluate's fitter because that one is unexported and dense:
// with 16,384 hashed word dimensions the gradient must run over each row's
// non-zero entries only.
func fitSparseLogistic(rows []sparseRow, y []int, train []int, dim int, lambda float64) (logistic, error) {
	n := float64(len(train))
	p := optimize.Problem{
		Func: func(theta []float64) float64 {
			var loss float64
			for _, i := range train {
				z := theta[0]
				r := rows[i]
				for k, j := range r.idx {
					z += theta[j+1] * r.val[k]
				}
				loss += softplus(z) - float64(y[i])*z
			}
			var reg float64
			for _, w := range theta[1:] {
				reg += w * w
			}
			return loss/n + lambda*reg
		},
		Grad: func(grad, theta []float64) {
			for j := range grad {
				grad[j] = 0
			}
			for _, i := range train {
				r := rows[i]
				z := theta[0]
				for k, j := range r.idx {
					z += theta[j+1] * r.val[k]
				}
				d := 1/(1+math.Exp(-z)) - float64(y[i])
				grad[0] += d
				for k, j := range r.idx {
					grad[j+1] += d * r.val[k]
				}
			}
			for j := range grad {
				grad[j] /= n
			}
			for j := 1; j < len(grad); j++ {
				grad[j] += 2 * lambda * theta[j]
			}
		},
	}
	res, err := optimize.Minimize(p, make([]float64, dim+1), &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 500}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return logistic{}, fmt.Errorf("coverage: fitting: %w", err)
	}
	return logistic{w: res.X[1:], bias: res.X[0]}, nil
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}
