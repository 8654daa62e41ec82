package evaluate

import (
	"sort"
)

// AUC returns the area under the ROC curve of scores against binary labels:
// the probability that a random positive outscores a random negative, ties
// counting one half (the Mann–Whitney U statistic divided by n₁·n₀).
// It returns 0.5 when either class is empty.
func AUC(scores []float64, labels []int) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	// Mid-ranks for ties.
	ranks := make([]float64, len(scores))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && scores[idx[j+1]] == scores[idx[i]] {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[idx[k]] = r
		}
		i = j + 1
	}
	var n1, n0, rankSum float64
	for i, l := range labels {
		if l == 1 {
			n1++
			rankSum += ranks[i]
		} else {
			n0++
		}
	}
	if n1 == 0 || n0 == 0 {
		return 0.5
	}
	return (rankSum - n1*(n1+1)/2) / (n1 * n0)
}

// MacroF1 returns the mean of the F1 scores of both classes when items with
// score ≥ threshold are predicted positive.
func MacroF1(scores []float64, labels []int, threshold float64) float64 {
	var tp, fp, fn, tn float64
	for i, s := range scores {
		pred := s >= threshold
		switch {
		case pred && labels[i] == 1:
			tp++
		case pred:
			fp++
		case labels[i] == 1:
			fn++
		default:
			tn++
		}
	}
	f1 := func(tp, fp, fn float64) float64 {
		if tp == 0 {
			return 0
		}
		return 2 * tp / (2*tp + fp + fn)
	}
	return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
}

// BestThreshold returns the threshold among the observed scores that
// maximises macro-F1, and that F1 (ties: the lowest threshold).
func BestThreshold(scores []float64, labels []int) (float64, float64) {
	cands := append([]float64(nil), scores...)
	sort.Float64s(cands)
	best, bestT := -1.0, 0.5
	for i, t := range cands {
		if i > 0 && t == cands[i-1] {
			continue
		}
		if f := MacroF1(scores, labels, t); f > best {
			best, bestT = f, t
		}
	}
	return bestT, best
}
