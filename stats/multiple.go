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
	idx := make([]int, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			q[i] = math.NaN()
			continue
		}
		idx = append(idx, i)
	}
	// Sort indices by p, equal p-values in input order (they receive
	// equal q-values anyway); the index tie-break makes an unstable sort
	// deterministic and faster than a stable one.
	slices.SortFunc(idx, func(i, j int) int {
		if c := cmp.Compare(p[i], p[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	m := float64(len(idx))
	running := 1.0
	for r := len(idx) - 1; r >= 0; r-- {
		i := idx[r]
		// p·(m/j) rather than m·p/j: m/j ≥ 1 keeps q ≥ p under rounding.
		running = min(running, p[i]*(m/float64(r+1)))
		q[i] = running
	}
	return q
}
