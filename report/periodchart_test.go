package report

import (
	"math"
	"testing"
)

// TestPeriodDodge: sources at one period sit apart, symmetric about the
// tick and within 0.2 of it, so their intervals are not drawn on top of
// one another (two sources with equal means hid one another's bars).
func TestPeriodDodge(t *testing.T) {
	if got := periodDodge(0, 1); got != 0 {
		t.Errorf("one source: offset %v, want 0", got)
	}
	for _, n := range []int{2, 3, 8} {
		prev := math.Inf(-1)
		for si := range n {
			d := periodDodge(si, n)
			if d <= prev || math.Abs(d) > 0.2+1e-12 {
				t.Errorf("n=%d source %d: offset %v after %v; want increasing, within ±0.2", n, si, d, prev)
			}
			if sym := periodDodge(n-1-si, n); math.Abs(d+sym) > 1e-12 {
				t.Errorf("n=%d: offsets %v and %v not symmetric", n, d, sym)
			}
			prev = d
		}
	}
}
