package stats_test

import (
	"fmt"

	"github.com/slantlab/slant/stats"
)

func ExampleCohensH() {
	// Half of one outlet's headlines use a loaded term, a quarter of
	// another's: h = 2·asin(√0.5) − 2·asin(√0.25) = π/2 − π/3 = π/6.
	h := stats.CohensH(0.5, 0.25)
	fmt.Printf("h = %.4f\n", h)
	// Output:
	// h = 0.5236
}

func ExampleGSquared() {
	// A term seen 10 times in 1000 tokens of corpus 1 and twice in 1000
	// tokens of corpus 2. Both expected counts are 6.
	g2, p := stats.GSquared(10, 2, 1000, 1000)
	fmt.Printf("G² = %.3f, p = %.4f\n", g2, p)
	fmt.Printf("signed: %+.3f\n", stats.SignedG2(2, 10, 1000, 1000))
	// Output:
	// G² = 5.822, p = 0.0158
	// signed: -5.822
}

func ExampleBenjaminiHochberg() {
	// The 15 p-values of Benjamini & Hochberg (1995), section 4.2.
	p := []float64{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
		0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000}
	q := stats.BenjaminiHochberg(p)
	for i := range p {
		if q[i] <= 0.05 {
			fmt.Printf("p = %.4f  q = %.6f  discovery\n", p[i], q[i])
		}
	}
	fmt.Printf("q for p = 0.0298 and 0.0278: %.6f %.6f\n", q[6], q[5])
	// Output:
	// p = 0.0001  q = 0.001500  discovery
	// p = 0.0004  q = 0.003000  discovery
	// p = 0.0019  q = 0.009500  discovery
	// p = 0.0095  q = 0.035625  discovery
	// q for p = 0.0298 and 0.0278: 0.063857 0.063857
}

func ExampleFightinWords() {
	// Word counts from two outlets' coverage of the same protests.
	a := map[string]float64{"regime": 30, "government": 5, "said": 50, "protesters": 15}
	b := map[string]float64{"regime": 5, "government": 30, "said": 50, "rioters": 15}
	for _, s := range stats.FightinWords(a, b, nil, 0.01) {
		fmt.Printf("%-10s z = %+.3f  (%v vs %v)\n", s.Term, s.Z, s.CountA, s.CountB)
	}
	// Output:
	// regime     z = +4.340  (30 vs 5)
	// protesters z = +1.840  (15 vs 0)
	// said       z = +0.000  (50 vs 50)
	// rioters    z = -1.840  (0 vs 15)
	// government z = -4.340  (5 vs 30)
}
