package framing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// seedOutletProfiles profiles the seeds by outlet, one profile per seed.
func seedOutletProfiles(t *testing.T) *Profiles {
	t.Helper()
	rs := seedResults(t)
	ps := NewProfiles("outlet", rs[seeds.AP].Lexicons)
	for _, r := range seedList(t) {
		must(t, ps.Add(r))
	}
	return ps
}

func seedList(t *testing.T) []*Result {
	t.Helper()
	rs := seedResults(t)
	var out []*Result
	for _, o := range []string{seeds.EasternHerald, "Insight News Media", "unnamed-blog-002", "unnamed-blog-003", seeds.AP} {
		out = append(out, rs[o])
	}
	return out
}

// profileOf adds results to one profile keyed "all".
func profileOf(t *testing.T, rs []*Result) *Profile {
	t.Helper()
	p := NewProfile("outlet", "all", rs[0].Lexicons)
	for _, r := range rs {
		if err := p.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// equalProfiles compares exactly, except floating sums, which may differ in
// the last bits when added in another order.
func equalProfiles(t *testing.T, a, b *Profile) {
	t.Helper()
	close := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x)) }
	if a.Documents != b.Documents || a.Sentences != b.Sentences || a.Words != b.Words || a.Tokens != b.Tokens || a.Key() != b.Key() {
		t.Fatalf("counts differ: %d/%d docs, %d/%d sentences, %q/%q", a.Documents, b.Documents, a.Sentences, b.Sentences, a.Key(), b.Key())
	}
	for k, m := range a.Articles {
		n := b.Articles[k]
		if n == nil || m.N != n.N || !close(m.Sum, n.Sum) || !close(m.SumSq, n.SumSq) {
			t.Fatalf("article moments %s differ: %+v %+v", k, m, n)
		}
	}
	if len(a.Values) != len(b.Values) {
		t.Fatalf("%d vs %d distributions", len(a.Values), len(b.Values))
	}
	for k, da := range a.Values {
		vs, ws := da.Expand(), b.Values[k].Expand()
		if len(vs) != len(ws) {
			t.Fatalf("values %s: %d vs %d", k, len(vs), len(ws))
		}
		for i := range vs {
			if vs[i] != ws[i] {
				t.Fatalf("values %s differ at %d", k, i)
			}
		}
		ja, _ := json.Marshal(da)
		jb, _ := json.Marshal(b.Values[k])
		if !bytes.Equal(ja, jb) {
			t.Fatalf("distribution %s encodes differently", k)
		}
	}
	for _, pair := range [][2]map[string]float64{{a.CategoryHits, b.CategoryHits}, {a.Terms, b.Terms}} {
		if len(pair[0]) != len(pair[1]) {
			t.Fatal("maps differ in size")
		}
		for k, v := range pair[0] {
			if pair[1][k] != v {
				t.Fatalf("%s: %v vs %v", k, v, pair[1][k])
			}
		}
	}
	aa, _ := json.Marshal(a.Actors)
	ab, _ := json.Marshal(b.Actors)
	if !bytes.Equal(aa, ab) {
		t.Fatal("actor portraits differ")
	}
	ea, _ := json.Marshal(a.Exemplars)
	eb, _ := json.Marshal(b.Exemplars)
	if !bytes.Equal(ea, eb) {
		t.Fatal("exemplars differ")
	}
}

func TestMergeHalvesEqualsWhole(t *testing.T) {
	rs := seedList(t)
	whole := profileOf(t, rs)
	a, b := profileOf(t, rs[:2]), profileOf(t, rs[2:])
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	equalProfiles(t, whole, a)
}

func TestMergeAssociativeCommutative(t *testing.T) {
	rs := seedList(t)
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 10; trial++ {
		perm := rng.Perm(len(rs))
		// Three shards from a random split.
		cut1, cut2 := 1+rng.IntN(3), 0
		cut2 = cut1 + 1 + rng.IntN(len(rs)-cut1-1)
		var shards [][]*Result
		for _, r := range [][2]int{{0, cut1}, {cut1, cut2}, {cut2, len(rs)}} {
			var s []*Result
			for _, i := range perm[r[0]:r[1]] {
				s = append(s, rs[i])
			}
			shards = append(shards, s)
		}
		x, y, z := profileOf(t, shards[0]), profileOf(t, shards[1]), profileOf(t, shards[2])
		// (x+y)+z
		left := mustClone(t, x)
		must(t, left.Merge(y))
		must(t, left.Merge(z))
		// x+(y+z)
		right := mustClone(t, y)
		must(t, right.Merge(z))
		xr := mustClone(t, x)
		must(t, xr.Merge(right))
		// (z+y)+x
		rev := mustClone(t, z)
		must(t, rev.Merge(y))
		must(t, rev.Merge(x))
		equalProfiles(t, left, xr)
		equalProfiles(t, left, rev)
	}
}

func mustClone(t *testing.T, p *Profile) *Profile {
	t.Helper()
	c, err := p.Clone()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestMergeRefusesOtherLexicons(t *testing.T) {
	rs := seedList(t)
	a := profileOf(t, rs[:1])
	b := NewProfile("outlet", "x", "another-fingerprint")
	if err := a.Merge(b); !errors.Is(err, ErrIncompatible) {
		t.Fatalf("merge with other lexicons: %v", err)
	}
	if err := b.Add(rs[0]); err == nil {
		t.Fatal("adding a result with other lexicons must fail")
	}
	c := profileOf(t, rs[:1])
	c.Schema = 99
	if err := a.Merge(c); !errors.Is(err, ErrIncompatible) {
		t.Fatalf("merge across schemas: %v", err)
	}
}

func TestProfileEncodingsRoundTrip(t *testing.T) {
	p := profileOf(t, seedList(t))
	bin, err := p.MarshalBinary()
	must(t, err)
	var q Profile
	must(t, q.UnmarshalBinary(bin))
	j1, _ := json.Marshal(p)
	j2, _ := json.Marshal(&q)
	if !bytes.Equal(j1, j2) {
		t.Fatal("binary round trip changed the profile")
	}
	var r Profile
	must(t, json.Unmarshal(j1, &r))
	j3, _ := json.Marshal(&r)
	if !bytes.Equal(j1, j3) {
		t.Fatal("JSON round trip changed the profile")
	}
}

func TestCompareSeedsDeterministic(t *testing.T) {
	ps := seedOutletProfiles(t)
	eh, _ := ps.Get(seeds.EasternHerald)
	ap, _ := ps.Get(seeds.AP)
	run := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c, err := Compare(eh, ap, CompareOptions{Bootstrap: 500})
		must(t, err)
		b, _ := json.Marshal(c)
		return b
	}
	one, two, again := run(1), run(2), run(2)
	if !bytes.Equal(one, two) || !bytes.Equal(two, again) {
		t.Fatal("comparison output differs across runs or GOMAXPROCS")
	}
	var c Comparison
	must(t, json.Unmarshal(one, &c))
	if c.Unit != "sentence" || len(c.Warnings) == 0 {
		t.Fatalf("one article per outlet must compare sentences, with a warning: %+v", c.Warnings)
	}
	byName := map[string]MeasureComparison{}
	for _, m := range c.Measures {
		byName[m.Name] = m
		if m.Q < m.P-1e-9 || m.CILow > m.CIHigh {
			t.Errorf("%s: q %v < p %v or CI reversed", m.Name, m.Q, m.P)
		}
	}
	ue := byName["unattributed_evaluative"]
	if ue.Effect != "cohens_h" || ue.EffectSize <= 0 || ue.CILow <= 0 {
		t.Errorf("unattributed evaluative sentences: %+v", ue)
	}
	if len(byName["loaded_reporter"].Evidence) == 0 {
		t.Error("no evidence behind loaded language")
	}
	// The top categories are those the Eastern Herald uses three times and AP
	// never (ties are broken by name): moral condemnation among them.
	top := c.Categories[0]
	if top.TargetCount != 3 || top.ReferenceCount != 0 {
		t.Errorf("top category %+v", top)
	}
	moral := false
	for _, cat := range c.Categories {
		if cat.Term == "loaded.moral_condemnation" {
			moral = cat.TargetCount == 3 && cat.ReferenceCount == 0 && cat.Z == top.Z
		}
	}
	if !moral {
		t.Errorf("loaded.moral_condemnation is not among the top categories: %+v", c.Categories)
	}
}

// TestAllSidesProfiles builds profiles by outlet and by rating on a slice of
// the AllSides sample when ../shared/eval is present, and checks that
// merging two halves equals the whole.
func TestAllSidesProfiles(t *testing.T) {
	const path = "../../shared/eval/allsides_baly2020_sample.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../shared/eval/allsides_baly2020_sample.jsonl absent: skipping the AllSides profiles")
	}
	defer f.Close()
	an, err := NewAnalyzer(WithoutPOS())
	must(t, err)
	var rs []*Result
	ctx := context.Background()
	for a, err := range corpus.JSONL(ctx, f, corpus.RecordOptions{Name: path}) {
		if err != nil {
			continue
		}
		r, err := an.Analyze(ctx, a)
		must(t, err)
		rs = append(rs, r)
		if len(rs) == 120 {
			break
		}
	}
	for _, by := range []string{"outlet", "label"} {
		whole, a, b := NewProfiles(by, an.Fingerprint()), NewProfiles(by, an.Fingerprint()), NewProfiles(by, an.Fingerprint())
		for i, r := range rs {
			must(t, whole.Add(r))
			if i%2 == 0 {
				must(t, a.Add(r))
			} else {
				must(t, b.Add(r))
			}
		}
		must(t, a.Merge(b))
		if len(whole.Keys()) < 2 || len(whole.Keys()) != len(a.Keys()) {
			t.Fatalf("%s: %d groups vs %d", by, len(whole.Keys()), len(a.Keys()))
		}
		for _, k := range whole.Keys() {
			w, _ := whole.Get(k)
			m, _ := a.Get(k)
			equalProfiles(t, w, m)
		}
	}
	byLabel := NewProfiles("label", an.Fingerprint())
	for _, r := range rs {
		must(t, byLabel.Add(r))
	}
	left, okL := byLabel.Get("left")
	right, okR := byLabel.Get("right")
	if !okL || !okR {
		t.Fatalf("ratings: %v", byLabel.Keys())
	}
	c, err := Compare(right, left, CompareOptions{Bootstrap: 300})
	must(t, err)
	if c.Unit != "article" || len(c.Measures) < 30 {
		t.Fatalf("rating comparison: unit %s, %d measures", c.Unit, len(c.Measures))
	}
}

func TestActorPortraitsPerOutlet(t *testing.T) {
	ps := seedOutletProfiles(t)
	eh, _ := ps.Get(seeds.EasternHerald)
	west := eh.Actors["actor.the_west"]
	if west == nil || west.Descriptors["double standards"] == 0 {
		t.Fatalf("the West's portrait in the Eastern Herald: %+v", west)
	}
	ru := eh.Actors["actor.russia"]
	if ru == nil || ru.Mentions == 0 {
		t.Fatal("no Russia portrait")
	}
}
