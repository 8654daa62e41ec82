package evaluate

import (
	"math"
	"sort"
)

// naiveBayes is a multinomial Naive Bayes over word counts with add-one
// (Laplace) smoothing (Manning, Raghavan & Schütze 2008, Introduction to
// Information Retrieval, §13.2): the baseline a bag of words gives.
//
//	P(c | d) ∝ P(c) Π_t θ_{t,c}^{n_{t,d}},   θ_{t,c} = (N_{t,c} + 1) / (N_c + |V|)
//
// where N_{t,c} counts term t in class c's training documents, N_c all
// their terms and V the training vocabulary; terms outside V are ignored.
type naiveBayes struct {
	logPrior [2]float64
	logTheta [2]map[string]float64
}

// trainNB fits the model on docs (term → count) with labels 0/1.
func trainNB(docs []map[string]float64, labels []int) naiveBayes {
	var nb naiveBayes
	var nDocs [2]float64
	var counts [2]map[string]float64
	counts[0], counts[1] = map[string]float64{}, map[string]float64{}
	vocab := map[string]bool{}
	for i, d := range docs {
		c := labels[i]
		nDocs[c]++
		for t, v := range d {
			counts[c][t] += v
			vocab[t] = true
		}
	}
	terms := make([]string, 0, len(vocab))
	for t := range vocab {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	V := float64(len(terms))
	for c := range 2 {
		nb.logPrior[c] = math.Log(nDocs[c] / (nDocs[0] + nDocs[1]))
		var total float64
		for _, t := range terms {
			total += counts[c][t]
		}
		nb.logTheta[c] = make(map[string]float64, len(terms))
		for _, t := range terms {
			nb.logTheta[c][t] = math.Log((counts[c][t] + 1) / (total + V))
		}
	}
	return nb
}

// posterior returns P(c = 1 | d).
func (nb naiveBayes) posterior(d map[string]float64) float64 {
	terms := make([]string, 0, len(d))
	for t := range d {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	z := nb.logPrior[1] - nb.logPrior[0]
	for _, t := range terms {
		l1, ok := nb.logTheta[1][t]
		if !ok {
			continue // outside the training vocabulary
		}
		z += d[t] * (l1 - nb.logTheta[0][t])
	}
	return sigmoid(z)
}
