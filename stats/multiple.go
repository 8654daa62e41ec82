package stats

import (
	"cmp"
	"math"
	"slices"
)

// BenjaminiHochberg returns the Benjamini–Hochberg (1995) adjusted p-values
// (q-values) of p, in the order of p. With the m non-NaN p-values sorted as
// p_(1) ≤ … ≤ p_(m),
//
//	q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)
//
// Rejecting every hypothesis with q ≤ Q controls the false discovery rate at
// level Q for independent (or positively dependent) tests; q is monotone in p
// and never smaller than it. This matches R's p.adjust(p, "BH").
//
// NaN p-values stay NaN in the result and are not counted in m. The result
// is a new slice of len(p); p is not modified. The p-values should lie in
// [0, 1].
func BenjaminiHochberg(p []float64) []float64 {
	q := make([]float64, len(p))
	// (p, index) pairs sorted by p, equal p-values in input order (they
	// receive equal q-values anyway): contiguous keys sort faster than
	// indices into p, which matters over a whole vocabulary.
	type pv struct {
		p float64
		i int
	}
	idx := make([]pv, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			q[i] = math.NaN()
			continue
		}
		idx = append(idx, pv{v, i})
	}
	slices.SortFunc(idx, func(a, b pv) int {
		if a.p != b.p {
			return cmp.Compare(a.p, b.p)
		}
		return cmp.Compare(a.i, b.i)
	})
	m := float64(len(idx))
	running := 1.0
	for r := len(idx) - 1; r >= 0; r-- {
		e := idx[r]
		// p·(m/j) rather than m·p/j: m/j ≥ 1 keeps q ≥ p under rounding.
		running = min(running, e.p*(m/float64(r+1)))
		q[e.i] = running
	}
	return q
}
