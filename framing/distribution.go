package framing

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
)

// DefaultExactLimit is how many distinct values of one measure a profile
// keeps exactly, per source, before it switches that measure to a sketch.
const DefaultExactLimit = 10000

// SketchAccuracy is the relative accuracy α of a sketched distribution:
// every unit's value lies within α·|value| of the representative of its
// bucket, and two values that share a bucket differ by at most about 2α
// relative to each other.
//
// Why this sketch (measured on the AllSides sample, see
// TestSketchAccuracyAllSides): the rank tests (Mann–Whitney, Cliff's δ)
// only read the order between the two sides' values. A log-bucketed
// histogram with one fixed bucket grid — DDSketch's mapping (Masson, Rim
// and Lee, VLDB 2019), with exact zero and negative values — keeps that
// order exactly except for pairs that fall in the same bucket, and the
// share of such pairs is known, so the error of δ has a deterministic
// bound computed from the data (ComparableDistributions), not a
// probabilistic one. Many measures are exactly 0 or take a few distinct
// values (shares, counts): those stay exact at any corpus size, because
// the exact phase keeps distinct values with their counts. A KLL or
// t-digest sketch gives a rank-error bound instead, but its merge depends
// on the order of merges (Beam would no longer equal the single machine)
// and its rank error is probabilistic; this one's merge adds bucket
// counts, so a profile's state is a function of the multiset of values
// alone, whatever the sharding.
//
// The mapping is written here rather than imported from
// github.com/DataDog/sketches-go: we need one monotone integer key space
// across zero, negatives and infinities, and the exact phase before it,
// which that package does not have; the formula is two lines.
const SketchAccuracy = 0.005

var (
	sketchGamma       = (1 + SketchAccuracy) / (1 - SketchAccuracy)
	sketchInvLogGamma = 1 / math.Log(sketchGamma)
)

// keyOffset makes the key of every positive finite value ≥ 1 (the log
// index of the smallest subnormal is about −74,500 at α = 0.005).
const keyOffset = 1 << 20

// bucketKey maps a value to its bucket: monotone non-decreasing in x, 0
// for zero, ±MaxInt32 for ±Inf.
func bucketKey(x float64) int32 {
	switch {
	case x == 0:
		return 0
	case math.IsInf(x, 1):
		return math.MaxInt32
	case math.IsInf(x, -1):
		return -math.MaxInt32
	case x > 0:
		return keyOffset + int32(math.Ceil(math.Log(x)*sketchInvLogGamma))
	default:
		return -(keyOffset + int32(math.Ceil(math.Log(-x)*sketchInvLogGamma)))
	}
}

// bucketValue is the representative of a bucket: for the bucket
// (γ^(i−1), γ^i], 2γ^i/(γ+1), within α of every value in it.
func bucketValue(k int32) float64 {
	switch {
	case k == 0:
		return 0
	case k == math.MaxInt32:
		return math.Inf(1)
	case k == -math.MaxInt32:
		return math.Inf(-1)
	case k > 0:
		return 2 * math.Pow(sketchGamma, float64(k-keyOffset)) / (sketchGamma + 1)
	default:
		return -2 * math.Pow(sketchGamma, float64(-k-keyOffset)) / (sketchGamma + 1)
	}
}

// Distribution holds one measure's values over a source's units (articles
// or sentences). Up to its limit of distinct values it is exact: each
// distinct value with its count. Past the limit it becomes a sketch of
// log-spaced buckets (see SketchAccuracy), with memory bounded by the
// number of occupied buckets (about 230 per decade of magnitude on each
// side of zero) whatever the number of units.
//
// A Distribution's state depends only on the multiset of values added or
// merged into it, never on their order or grouping: Merge is associative
// and commutative exactly, exact or not. The zero value is not usable; use
// NewDistribution.
type Distribution struct {
	limit    int
	n        int64
	nan      int64
	sketched bool
	values   []float64 // exact: distinct values, ascending
	keys     []int32   // sketched: bucket keys, ascending
	counts   []int64   // units per value or bucket
	pending  []float64 // added, not yet folded in (amortises sorting)
}

// NewDistribution returns an empty distribution that keeps up to limit
// distinct values exactly (DefaultExactLimit when limit ≤ 0).
func NewDistribution(limit int) *Distribution {
	if limit <= 0 {
		limit = DefaultExactLimit
	}
	return &Distribution{limit: limit}
}

// Limit returns how many distinct values the distribution keeps exactly.
func (d *Distribution) Limit() int { return d.limit }

// N returns the number of units (NaN included).
func (d *Distribution) N() int64 {
	if d == nil {
		return 0
	}
	return d.n
}

// Exact reports whether every value is kept exactly (true for nil).
func (d *Distribution) Exact() bool { return d == nil || !d.folded().sketched }

// RelativeAccuracy returns 0 for an exact distribution, else
// SketchAccuracy: the bound on |representative − value| / |value|.
func (d *Distribution) RelativeAccuracy() float64 {
	if d.Exact() {
		return 0
	}
	return SketchAccuracy
}

// Add records one unit's value.
func (d *Distribution) Add(x float64) {
	d.n++
	if math.IsNaN(x) {
		d.nan++
		return
	}
	d.pending = append(d.pending, x)
	if len(d.pending) >= max(8, len(d.counts)/2) {
		d.fold()
	}
}

// AddAll records several units' values.
func (d *Distribution) AddAll(xs []float64) {
	for _, x := range xs {
		d.Add(x)
	}
}

// fold merges pending values into the exact values or the buckets.
func (d *Distribution) fold() {
	if len(d.pending) == 0 {
		return
	}
	slices.Sort(d.pending)
	if d.sketched {
		pk, pc := toBuckets(d.pending, nil)
		d.keys, d.counts = mergeKeys(d.keys, d.counts, pk, pc)
	} else {
		pv, pc := dedupe(d.pending)
		d.values, d.counts = mergeValues(d.values, d.counts, pv, pc)
		if len(d.values) > d.limit {
			d.toSketch()
		}
	}
	d.pending = d.pending[:0]
}

func (d *Distribution) toSketch() {
	d.keys, d.counts = toBuckets(d.values, d.counts)
	d.values = nil
	d.sketched = true
}

// dedupe turns sorted values into distinct values and counts.
func dedupe(xs []float64) ([]float64, []int64) {
	var vs []float64
	var cs []int64
	for _, x := range xs {
		if n := len(vs); n > 0 && vs[n-1] == x {
			cs[n-1]++
			continue
		}
		vs = append(vs, x)
		cs = append(cs, 1)
	}
	return vs, cs
}

// toBuckets maps sorted values (with counts, nil meaning 1 each) to sorted
// bucket keys and counts.
func toBuckets(xs []float64, cs []int64) ([]int32, []int64) {
	var ks []int32
	var out []int64
	for i, x := range xs {
		c := int64(1)
		if cs != nil {
			c = cs[i]
		}
		k := bucketKey(x)
		if n := len(ks); n > 0 && ks[n-1] == k {
			out[n-1] += c
			continue
		}
		ks = append(ks, k)
		out = append(out, c)
	}
	return ks, out
}

// mergeValues merges two sorted distinct-value lists into a new one.
func mergeValues(av []float64, ac []int64, bv []float64, bc []int64) ([]float64, []int64) {
	vs := make([]float64, 0, len(av)+len(bv))
	cs := make([]int64, 0, len(av)+len(bv))
	i, j := 0, 0
	for i < len(av) || j < len(bv) {
		switch {
		case j == len(bv) || (i < len(av) && av[i] < bv[j]):
			vs, cs = append(vs, av[i]), append(cs, ac[i])
			i++
		case i == len(av) || bv[j] < av[i]:
			vs, cs = append(vs, bv[j]), append(cs, bc[j])
			j++
		default:
			vs, cs = append(vs, av[i]), append(cs, ac[i]+bc[j])
			i++
			j++
		}
	}
	return vs, cs
}

// mergeKeys merges two sorted bucket lists into a new one.
func mergeKeys(ak []int32, ac []int64, bk []int32, bc []int64) ([]int32, []int64) {
	ks := make([]int32, 0, len(ak)+len(bk))
	cs := make([]int64, 0, len(ak)+len(bk))
	i, j := 0, 0
	for i < len(ak) || j < len(bk) {
		switch {
		case j == len(bk) || (i < len(ak) && ak[i] < bk[j]):
			ks, cs = append(ks, ak[i]), append(cs, ac[i])
			i++
		case i == len(ak) || bk[j] < ak[i]:
			ks, cs = append(ks, bk[j]), append(cs, bc[j])
			j++
		default:
			ks, cs = append(ks, ak[i]), append(cs, ac[i]+bc[j])
			i++
			j++
		}
	}
	return ks, cs
}

// folded returns d with pending values folded in: d itself when nothing
// is pending, else a copy (readers never modify d, so concurrent reads
// are safe).
func (d *Distribution) folded() *Distribution {
	if len(d.pending) == 0 {
		return d
	}
	c := &Distribution{limit: d.limit, n: d.n, nan: d.nan, sketched: d.sketched,
		values: slices.Clone(d.values), keys: slices.Clone(d.keys), counts: slices.Clone(d.counts),
		pending: slices.Clone(d.pending)}
	c.fold()
	return c
}

// Merge adds o's units into d. It fails, leaving d unchanged, when the two
// keep different numbers of exact values.
func (d *Distribution) Merge(o *Distribution) error {
	if o == nil {
		return nil
	}
	if d.limit != o.limit {
		return fmt.Errorf("framing: merging distributions with exact limits %d and %d: %w", d.limit, o.limit, ErrIncompatible)
	}
	d.merge(o)
	return nil
}

// merge adds o into d whatever o's limit (d's applies): the result is
// exact when the union has at most d's limit of distinct values and o is
// exact, a sketch otherwise.
func (d *Distribution) merge(o *Distribution) {
	if o == nil {
		return
	}
	o = o.folded()
	d.fold()
	d.n += o.n
	d.nan += o.nan
	switch {
	case !d.sketched && !o.sketched:
		d.values, d.counts = mergeValues(d.values, d.counts, o.values, o.counts)
		if len(d.values) > d.limit {
			d.toSketch()
		}
	default:
		if !d.sketched {
			d.toSketch()
		}
		ok, oc := o.keys, o.counts
		if !o.sketched {
			ok, oc = toBuckets(o.values, o.counts)
		}
		d.keys, d.counts = mergeKeys(d.keys, d.counts, ok, oc)
	}
}

// without returns d with the units of part removed, part being a
// sub-multiset of d (one source's values taken out of a pool that holds
// them). Exact when both are exact; otherwise bucket counts are
// subtracted and the result is a sketch.
func (d *Distribution) without(part *Distribution) *Distribution {
	f := d.folded()
	if part == nil || part.n == 0 {
		return f.Clone()
	}
	p := part.folded()
	out := &Distribution{limit: f.limit, nan: max(0, f.nan-p.nan)}
	if !f.sketched && !p.sketched {
		j := 0
		for i, v := range f.values {
			c := f.counts[i]
			for j < len(p.values) && p.values[j] < v {
				j++
			}
			if j < len(p.values) && p.values[j] == v {
				c -= p.counts[j]
			}
			if c > 0 {
				out.values = append(out.values, v)
				out.counts = append(out.counts, c)
			}
		}
	} else {
		out.sketched = true
		fb, pb := f.bucketed(), p.bucketed()
		j := 0
		for i, k := range fb.keys {
			c := fb.counts[i]
			for j < len(pb.keys) && pb.keys[j] < k {
				j++
			}
			if j < len(pb.keys) && pb.keys[j] == k {
				c -= pb.counts[j]
			}
			if c > 0 {
				out.keys = append(out.keys, k)
				out.counts = append(out.counts, c)
			}
		}
	}
	out.n = out.nan
	for _, c := range out.counts {
		out.n += c
	}
	return out
}

// Clone returns an independent copy.
func (d *Distribution) Clone() *Distribution {
	c := *d.folded()
	c.values, c.keys, c.counts, c.pending = slices.Clone(c.values), slices.Clone(c.keys), slices.Clone(c.counts), nil
	return &c
}

// Points returns the distinct values (exact) or the bucket representatives
// (sketched), ascending, and how many units each stands for. NaN values
// are not included (see NaN). The slices must not be modified.
func (d *Distribution) Points() (values []float64, counts []int64) {
	if d == nil {
		return nil, nil
	}
	f := d.folded()
	if !f.sketched {
		return f.values, f.counts
	}
	values = make([]float64, len(f.keys))
	for i, k := range f.keys {
		values[i] = bucketValue(k)
	}
	return values, f.counts
}

// NaN returns how many units had no value (NaN).
func (d *Distribution) NaN() int64 {
	if d == nil {
		return 0
	}
	return d.nan
}

// Expand returns every unit's value, ascending, NaN first (the order of
// sort.Float64s): exactly the values added while the distribution is
// exact, bucket representatives once sketched. Its length is N.
func (d *Distribution) Expand() []float64 {
	if d == nil || d.n == 0 {
		return nil
	}
	vs, cs := d.Points()
	out := make([]float64, 0, d.n)
	for i := int64(0); i < d.nan; i++ {
		out = append(out, math.NaN())
	}
	for i, v := range vs {
		for c := int64(0); c < cs[i]; c++ {
			out = append(out, v)
		}
	}
	return out
}

// Quantile returns the q-quantile (0 ≤ q ≤ 1) of the non-NaN values: the
// smallest value (or representative) whose cumulative count reaches
// q·n. NaN for an empty distribution.
func (d *Distribution) Quantile(q float64) float64 {
	vs, cs := d.Points()
	var total int64
	for _, c := range cs {
		total += c
	}
	if total == 0 {
		return math.NaN()
	}
	target := q * float64(total)
	var cum int64
	for i, c := range cs {
		cum += c
		if float64(cum) >= target {
			return vs[i]
		}
	}
	return vs[len(vs)-1]
}

// ComparableDistributions puts x and y on one grid for rank statistics:
// both unchanged when both are exact, else both as sketches (an exact side
// is bucketed with the sketch's grid, so that the two sides' order is
// read the same way). deltaError bounds |Cliff's δ computed from the
// returned points − Cliff's δ of the true values|: the share of (x, y)
// pairs whose values share a bucket, whose order is unknown and which the
// points count as ties (0 when both are exact). The Mann–Whitney U from
// the points differs from the true U by at most deltaError·nx·ny/2.
func ComparableDistributions(x, y *Distribution) (cx, cy *Distribution, deltaError float64) {
	if x.Exact() && y.Exact() {
		return x, y, 0
	}
	bx, by := x.bucketed(), y.bucketed()
	var shared float64
	i, j := 0, 0
	for i < len(bx.keys) && j < len(by.keys) {
		switch {
		case bx.keys[i] < by.keys[j]:
			i++
		case by.keys[j] < bx.keys[i]:
			j++
		default:
			// Zero and the infinities are exact buckets: equal values,
			// true ties.
			if k := bx.keys[i]; k != 0 && k != math.MaxInt32 && k != -math.MaxInt32 {
				shared += float64(bx.counts[i]) * float64(by.counts[j])
			}
			i++
			j++
		}
	}
	nx, ny := float64(bx.n-bx.nan), float64(by.n-by.nan)
	if nx > 0 && ny > 0 {
		deltaError = shared / (nx * ny)
	}
	return bx, by, deltaError
}

// bucketed returns d as a sketch (a copy when d is exact).
func (d *Distribution) bucketed() *Distribution {
	f := d.folded()
	if f.sketched {
		return f
	}
	c := &Distribution{limit: f.limit, n: f.n, nan: f.nan, sketched: true}
	c.keys, c.counts = toBuckets(f.values, f.counts)
	return c
}

// distributionWire is the encoded form: values (exact) or bucket keys
// (sketched) with their counts. Bucket i's representative is
// 2γ^(i−2^20)/(γ+1) for i > 0 (negated for keys < 0, zero for key 0),
// γ = (1+α)/(1−α), α = relative_accuracy.
type distributionWire struct {
	N                int64     `json:"n"`
	ExactLimit       int       `json:"exact_limit"`
	RelativeAccuracy float64   `json:"relative_accuracy,omitempty"`
	Values           []float64 `json:"values,omitempty"`
	Keys             []int32   `json:"keys,omitempty"`
	Counts           []int64   `json:"counts"`
	NaN              int64     `json:"nan,omitempty"`
}

func (d *Distribution) wire() distributionWire {
	f := d.folded()
	w := distributionWire{N: f.n, ExactLimit: f.limit, Values: f.values, Keys: f.keys, Counts: f.counts, NaN: f.nan}
	if w.Counts == nil {
		w.Counts = []int64{}
	}
	if f.sketched {
		w.RelativeAccuracy = SketchAccuracy
	}
	return w
}

func (d *Distribution) fromWire(w distributionWire) error {
	sketched := w.RelativeAccuracy != 0
	if sketched && w.RelativeAccuracy != SketchAccuracy {
		return fmt.Errorf("framing: distribution sketched with relative accuracy %v, this build uses %v: %w", w.RelativeAccuracy, SketchAccuracy, ErrIncompatible)
	}
	points := len(w.Values)
	if sketched {
		points = len(w.Keys)
		if len(w.Values) != 0 {
			return fmt.Errorf("framing: sketched distribution with exact values")
		}
	} else if len(w.Keys) != 0 {
		return fmt.Errorf("framing: exact distribution with bucket keys")
	}
	if points != len(w.Counts) {
		return fmt.Errorf("framing: distribution has %d points and %d counts", points, len(w.Counts))
	}
	total := w.NaN
	for _, c := range w.Counts {
		if c <= 0 {
			return fmt.Errorf("framing: distribution count %d is not positive", c)
		}
		total += c
	}
	if total != w.N || w.NaN < 0 {
		return fmt.Errorf("framing: distribution counts sum to %d, n is %d", total, w.N)
	}
	if !sort.SliceIsSorted(w.Values, func(i, j int) bool { return w.Values[i] < w.Values[j] }) ||
		!slices.IsSorted(w.Keys) {
		return fmt.Errorf("framing: distribution points are not sorted")
	}
	if w.ExactLimit <= 0 {
		return fmt.Errorf("framing: distribution exact limit %d", w.ExactLimit)
	}
	*d = Distribution{limit: w.ExactLimit, n: w.N, nan: w.NaN, sketched: sketched, values: w.Values, keys: w.Keys, counts: w.Counts}
	return nil
}

// MarshalJSON encodes the distribution (values must be finite for JSON).
func (d *Distribution) MarshalJSON() ([]byte, error) { return json.Marshal(d.wire()) }

// UnmarshalJSON decodes a distribution written by MarshalJSON.
func (d *Distribution) UnmarshalJSON(b []byte) error {
	var w distributionWire
	if err := json.Unmarshal(b, &w); err != nil {
		return fmt.Errorf("framing: decoding distribution: %w", err)
	}
	return d.fromWire(w)
}

// MarshalBinary encodes the distribution with encoding/gob (NaN and ±Inf
// survive, unlike JSON).
func (d *Distribution) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(d.wire()); err != nil {
		return nil, fmt.Errorf("framing: encoding distribution: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary decodes a distribution written by MarshalBinary.
func (d *Distribution) UnmarshalBinary(b []byte) error {
	var w distributionWire
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&w); err != nil {
		return fmt.Errorf("framing: decoding distribution: %w", err)
	}
	return d.fromWire(w)
}
