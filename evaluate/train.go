package evaluate

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/slantlab/slant/framing"
	"gonum.org/v1/gonum/optimize"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Folds for cross-validation (default 5).
	Folds int
	// Lambdas are the L2 penalties tried (default 0.001 … 10).
	Lambdas []float64
	// Seed fixes the fold assignment (default 1).
	Seed uint64
}

// TrainReport describes a fitted model.
type TrainReport struct {
	N            int             `json:"n"`
	Folds        int             `json:"folds"`
	Lambda       float64         `json:"lambda"`
	CVMacroF1    float64         `json:"cv_macro_f1"`
	CVAUC        float64         `json:"cv_auc"`
	ByLambda     []LambdaResult  `json:"by_lambda"`
	Weights      framing.Weights `json:"weights"`
	Threshold    float64         `json:"threshold"`
	TrainMacroF1 float64         `json:"train_macro_f1"`
}

// LambdaResult is the cross-validated figure for one penalty.
type LambdaResult struct {
	Lambda  float64 `json:"lambda"`
	MacroF1 float64 `json:"macro_f1"`
	AUC     float64 `json:"auc"`
}

// Train fits the sentence-score weights by L2-regularised logistic
// regression on the analyzer's named features:
//
//	minimise  −Σ_i [y_i log p_i + (1−y_i) log(1−p_i)] / n + λ Σ_f w_f²,   p_i = σ(b + w·x_i)
//
// (the bias b is not penalised), choosing λ by k-fold cross-validated
// macro-F1, where each fold's threshold is the best one on its training
// part. The returned weights keep one named weight per feature.
func Train(an *framing.Analyzer, items []Item, opt TrainOptions) (TrainReport, error) {
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	if len(opt.Lambdas) == 0 {
		opt.Lambdas = []float64{0.0001, 0.001, 0.01, 0.1, 1}
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if len(items) < 2*opt.Folds {
		return TrainReport{}, fmt.Errorf("evaluate: %d items are too few for %d-fold cross-validation", len(items), opt.Folds)
	}
	sc, err := Features(an, items)
	if err != nil {
		return TrainReport{}, err
	}
	names := framing.FeatureNames
	X := make([][]float64, len(sc))
	y := make([]float64, len(sc))
	for i, s := range sc {
		X[i] = make([]float64, len(names))
		for j, f := range names {
			X[i][j] = s.Features[f]
		}
		y[i] = float64(items[i].Label)
	}
	fold := make([]int, len(items))
	perm := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)).Perm(len(items))
	for k, i := range perm {
		fold[i] = k % opt.Folds
	}
	rep := TrainReport{N: len(items), Folds: opt.Folds}
	bestF := -1.0
	for _, lambda := range opt.Lambdas {
		scores := make([]float64, len(items))
		preds := make([]int, len(items))
		labels := make([]int, len(items))
		for f := 0; f < opt.Folds; f++ {
			var trX [][]float64
			var trY []float64
			for i := range items {
				if fold[i] != f {
					trX, trY = append(trX, X[i]), append(trY, y[i])
				}
			}
			w, b, err := fitLogistic(trX, trY, lambda)
			if err != nil {
				return TrainReport{}, err
			}
			trS := make([]float64, len(trX))
			trL := make([]int, len(trX))
			for i := range trX {
				trS[i], trL[i] = sigmoid(b+dot(w, trX[i])), int(trY[i])
			}
			t, _ := BestThreshold(trS, trL)
			for i := range items {
				if fold[i] == f {
					scores[i] = sigmoid(b + dot(w, X[i]))
					if scores[i] >= t {
						preds[i] = 1
					}
				}
			}
		}
		for i := range items {
			labels[i] = items[i].Label
		}
		f1 := macroF1Preds(preds, labels)
		auc := AUC(scores, labels)
		rep.ByLambda = append(rep.ByLambda, LambdaResult{Lambda: lambda, MacroF1: round4(f1), AUC: round4(auc)})
		if f1 > bestF {
			bestF, rep.Lambda, rep.CVMacroF1, rep.CVAUC = f1, lambda, round4(f1), round4(auc)
		}
	}
	w, b, err := fitLogistic(X, y, rep.Lambda)
	if err != nil {
		return TrainReport{}, err
	}
	weights := framing.Weights{Bias: round6(b), Features: map[string]float64{}, Source: fmt.Sprintf("slant train: L2 logistic regression, λ=%g, %d items, %d-fold CV macro-F1 %.4f", rep.Lambda, len(items), opt.Folds, rep.CVMacroF1)}
	scores := make([]float64, len(items))
	labels := make([]int, len(items))
	for j, f := range names {
		weights.Features[f] = round6(w[j])
	}
	for i := range items {
		scores[i], labels[i] = weights.Score(sc[i].Features), items[i].Label
	}
	t, f := BestThreshold(scores, labels)
	weights.Threshold = round6(t)
	rep.Weights, rep.Threshold, rep.TrainMacroF1 = weights, round6(t), round4(f)
	return rep, nil
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func macroF1Preds(pred, labels []int) float64 {
	s := make([]float64, len(pred))
	for i, p := range pred {
		s[i] = float64(p)
	}
	return MacroF1(s, labels, 0.5)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// fitLogistic minimises the penalised log loss with L-BFGS; params[0] is the
// bias.
func fitLogistic(X [][]float64, y []float64, lambda float64) ([]float64, float64, error) {
	d := len(X[0])
	n := float64(len(X))
	p := optimize.Problem{
		Func: func(theta []float64) float64 {
			loss := 0.0
			for i, x := range X {
				z := theta[0] + dot(theta[1:], x)
				// log(1+e^z) − y z, computed stably.
				loss += softplus(z) - y[i]*z
			}
			reg := 0.0
			for _, w := range theta[1:] {
				reg += w * w
			}
			return loss/n + lambda*reg
		},
		Grad: func(grad, theta []float64) {
			for j := range grad {
				grad[j] = 0
			}
			for i, x := range X {
				r := sigmoid(theta[0]+dot(theta[1:], x)) - y[i]
				grad[0] += r
				for j, v := range x {
					grad[j+1] += r * v
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
	res, err := optimize.Minimize(p, make([]float64, d+1), &optimize.Settings{GradientThreshold: 1e-7}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, 0, fmt.Errorf("evaluate: fitting: %w", err)
	}
	return res.X[1:], res.X[0], nil
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}
