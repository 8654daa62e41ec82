package framing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/slantlab/slant/stats"
)

func distOf(limit int, xs []float64) *Distribution {
	d := NewDistribution(limit)
	d.AddAll(xs)
	return d
}

func encoded(t *testing.T, d *Distribution) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Below the limit a distribution gives back exactly what was added.
func TestDistributionExactBelowLimit(t *testing.T) {
	xs := []float64{0.5, 0, 3, 0, -1, 0.5, 2.25, 0, 1e-9}
	d := distOf(10, xs)
	if !d.Exact() || d.N() != int64(len(xs)) || d.RelativeAccuracy() != 0 {
		t.Fatalf("exact %v, n %d", d.Exact(), d.N())
	}
	want := slices.Clone(xs)
	slices.Sort(want)
	if got := d.Expand(); !slices.Equal(got, want) {
		t.Fatalf("Expand = %v, want %v", got, want)
	}
	vs, cs := d.Points()
	if !slices.Equal(vs, []float64{-1, 0, 1e-9, 0.5, 2.25, 3}) || !slices.Equal(cs, []int64{1, 3, 1, 2, 1, 1}) {
		t.Fatalf("points %v %v", vs, cs)
	}
	// Six distinct values: exact at limit 6, sketched at 5.
	if !distOf(6, xs).Exact() || distOf(5, xs).Exact() {
		t.Fatal("the switch to a sketch is not at the limit of distinct values")
	}
	// Few distinct values stay exact however many units.
	many := NewDistribution(3)
	for i := 0; i < 100000; i++ {
		many.Add(float64(i % 2))
	}
	if !many.Exact() || many.N() != 100000 || many.Quantile(0.5) != 0 || many.Quantile(0.51) != 1 {
		t.Fatalf("0/1 values: exact %v n %d median %v", many.Exact(), many.N(), many.Quantile(0.5))
	}
}

// Past the limit every value is within α of its bucket's representative,
// the order of values in different buckets is kept, and zero stays exact.
func TestDistributionSketchAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var xs []float64
	for i := 0; i < 20000; i++ {
		switch i % 4 {
		case 0:
			xs = append(xs, 0)
		case 1:
			xs = append(xs, rng.Float64())
		case 2:
			xs = append(xs, -math.Exp(rng.NormFloat64()*3))
		default:
			xs = append(xs, math.Exp(rng.NormFloat64()*5))
		}
	}
	d := distOf(100, xs)
	if d.Exact() || d.N() != int64(len(xs)) {
		t.Fatalf("exact %v, n %d", d.Exact(), d.N())
	}
	got := d.Expand()
	want := slices.Clone(xs)
	slices.Sort(want)
	for i := range want {
		if want[i] == 0 && got[i] != 0 {
			t.Fatalf("zero became %v", got[i])
		}
		if err := math.Abs(got[i]-want[i]) / math.Abs(want[i]); want[i] != 0 && err > SketchAccuracy*(1+1e-9) {
			t.Fatalf("value %v represented by %v: relative error %v > %v", want[i], got[i], err, SketchAccuracy)
		}
	}
	if _, cs := d.Points(); len(cs) > 4000 {
		t.Fatalf("%d buckets for 20,000 values", len(cs))
	}
}

// The state depends only on the multiset: any split into shards merged in
// any order encodes to the same bytes, exact or sketched.
func TestDistributionMergeOrderFree(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	for _, limit := range []int{1000000, 40} {
		var xs []float64
		for i := 0; i < 3000; i++ {
			xs = append(xs, math.Round(rng.NormFloat64()*1000)/100)
		}
		whole := encoded(t, distOf(limit, xs))
		for trial := 0; trial < 20; trial++ {
			perm := rng.Perm(len(xs))
			var shards []*Distribution
			for lo := 0; lo < len(perm); {
				hi := min(len(perm), lo+1+rng.IntN(700))
				d := NewDistribution(limit)
				for _, i := range perm[lo:hi] {
					d.Add(xs[i])
				}
				shards = append(shards, d)
				lo = hi
			}
			rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
			// Left fold and a balanced tree.
			acc := shards[0].Clone()
			for _, s := range shards[1:] {
				must(t, acc.Merge(s))
			}
			if got := encoded(t, acc); !bytes.Equal(got, whole) {
				t.Fatalf("limit %d trial %d: left fold differs from the whole", limit, trial)
			}
			for len(shards) > 1 {
				var next []*Distribution
				for i := 0; i+1 < len(shards); i += 2 {
					m := shards[i].Clone()
					must(t, m.Merge(shards[i+1]))
					next = append(next, m)
				}
				if len(shards)%2 == 1 {
					next = append(next, shards[len(shards)-1])
				}
				shards = next
			}
			if got := encoded(t, shards[0]); !bytes.Equal(got, whole) {
				t.Fatalf("limit %d trial %d: tree merge differs from the whole", limit, trial)
			}
		}
	}
	if err := NewDistribution(5).Merge(NewDistribution(6)); err == nil {
		t.Fatal("merging different limits must fail")
	}
}

// Cliff's δ read from comparable sketches is within the stated bound of δ
// on the true values; with both sides exact the bound is 0 and δ is equal.
func TestComparableDistributionsDeltaBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 4))
	for trial := 0; trial < 10; trial++ {
		var xs, ys []float64
		for i := 0; i < 800; i++ {
			xs = append(xs, math.Exp(rng.NormFloat64()*0.3))
		}
		for i := 0; i < 600; i++ {
			v := math.Exp(rng.NormFloat64()*0.3 + 0.05)
			if i%5 == 0 {
				v = 0
			}
			ys = append(ys, v)
		}
		truth := stats.CliffsDelta(xs, ys)
		for _, limit := range []int{5000, 200} {
			cx, cy, bound := ComparableDistributions(distOf(limit, xs), distOf(limit, ys))
			got := stats.CliffsDelta(cx.Expand(), cy.Expand())
			if math.Abs(got-truth) > bound+1e-12 {
				t.Fatalf("limit %d: δ %v from points, %v true, bound %v", limit, got, truth, bound)
			}
			if limit == 5000 && (bound != 0 || got != truth) {
				t.Fatalf("exact sides: bound %v, δ %v vs %v", bound, got, truth)
			}
			if limit == 200 && (bound == 0 || bound > 0.05) {
				t.Fatalf("sketched sides: bound %v", bound)
			}
		}
	}
}

func TestDistributionEncodings(t *testing.T) {
	for _, limit := range []int{10, 3} {
		d := distOf(limit, []float64{1, 2, 2, 3, 0, -4, 5.5})
		j := encoded(t, d)
		var back Distribution
		must(t, json.Unmarshal(j, &back))
		if !bytes.Equal(encoded(t, &back), j) {
			t.Fatalf("JSON round trip changed %s", j)
		}
		b, err := d.MarshalBinary()
		must(t, err)
		var bin Distribution
		must(t, bin.UnmarshalBinary(b))
		if !bytes.Equal(encoded(t, &bin), j) {
			t.Fatal("binary round trip changed the distribution")
		}
	}
	for _, bad := range []string{
		`{"n":2,"exact_limit":5,"values":[1,2],"counts":[1]}`,
		`{"n":3,"exact_limit":5,"values":[1,2],"counts":[1,1]}`,
		`{"n":2,"exact_limit":5,"values":[2,1],"counts":[1,1]}`,
		`{"n":2,"exact_limit":5,"relative_accuracy":0.1,"keys":[1,2],"counts":[1,1]}`,
		`{"n":0,"exact_limit":0,"counts":[]}`,
	} {
		var d Distribution
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("%s: decoded without error", bad)
		}
	}
}

// A pool minus one part equals the other parts merged: exact below the
// limit, bucket for bucket past it.
func TestDistributionWithout(t *testing.T) {
	a := []float64{0, 0, 1, 2, 2, 2, 5}
	b := []float64{0, 2, 2, 7, 0.25}
	for _, limit := range []int{100, 3} {
		pool := distOf(limit, append(slices.Clone(a), b...))
		rest := pool.without(distOf(limit, b))
		want := distOf(limit, a)
		if limit == 3 {
			want = want.bucketed()
		}
		if got := encoded(t, rest); !bytes.Equal(got, encoded(t, want)) {
			t.Fatalf("limit %d: %s, want %s", limit, got, encoded(t, want))
		}
	}
}

// Pruned term counts keep the lossy-counting bound: a Zipf-like stream of
// 200,000 words over 20,000 types, counted with room for 1,000, loses no
// frequent word, undercounts none by more than TermError and leaves out
// only words that occurred at most TermError times; merged halves keep the
// bound with their errors added.
func TestTermPruningBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	zipf := rand.NewZipf(rng, 1.2, 1, 19999)
	truth := map[string]float64{}
	whole := NewProfile("outlet", "all", "fp")
	halves := [2]*Profile{NewProfile("outlet", "all", "fp"), NewProfile("outlet", "all", "fp")}
	for _, p := range []*Profile{whole, halves[0], halves[1]} {
		p.TermLimit = 1000
	}
	for i := 0; i < 200000; i++ {
		w := fmt.Sprintf("w%d", zipf.Uint64())
		truth[w]++
		addCount(&interner{}, whole.Terms, w)
		addCount(&interner{}, halves[i%2].Terms, w)
		if i%500 == 499 { // as Add does after each article
			whole.pruneTerms()
			halves[i%2].pruneTerms()
		}
	}
	merged := halves[0]
	must(t, merged.Merge(halves[1]))
	for _, p := range []*Profile{whole, merged} {
		if p.TermError == 0 || len(p.Terms) > p.TermLimit {
			t.Fatalf("error %v, %d terms", p.TermError, len(p.Terms))
		}
		for w, n := range truth {
			c, ok := p.Terms[w]
			if c > n || n-c > p.TermError || (!ok && n > p.TermError) {
				t.Fatalf("%s: counted %v (kept %v), true %v, error bound %v", w, c, ok, n, p.TermError)
			}
		}
		if _, ok := p.Terms["w0"]; !ok {
			t.Fatal("the most frequent word was pruned")
		}
	}
	t.Logf("error bound %v of %d words; %d and %d terms kept", whole.TermError, 200000, len(whole.Terms), len(merged.Terms))
}
