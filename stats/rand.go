package stats

import "math/rand/v2"

// seedMix decorrelates the two PCG words derived from one user seed.
const seedMix = 0x9e3779b97f4a7c15

// newRand returns a generator whose stream depends only on seed.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^seedMix))
}
