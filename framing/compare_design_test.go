package framing

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// handResult returns a result carrying only the given measures, for design
// tests with hand-computed answers.
func handResult(id, outlet string, meta map[string]string, measures map[string]float64) *Result {
	return &Result{ID: id, Outlet: outlet, Meta: meta, Measures: measures, Words: 100, Lexicons: "test"}
}

func rowOf(t *testing.T, c *Comparison, name, family string) MeasureComparison {
	t.Helper()
	for _, m := range c.Measures {
		if m.Name == name && m.Family == family {
			return m
		}
	}
	t.Fatalf("no %s row in family %s: %+v", name, family, c.Measures)
	return MeasureComparison{}
}

// pairedFixture: outlets A and B over events e1..e7 (loaded_rate per
// article). e2 has two A articles (block mean 3); e7 is covered by A only
// and a B article has no event: both are dropped.
func pairedFixture(t *testing.T) (*Profiles, *Units) {
	ps := NewProfiles("outlet", "test")
	u := NewUnits("outlet", "event_id")
	add := func(outlet, event string, v float64) {
		meta := map[string]string{}
		if event != "" {
			meta["event_id"] = event
		}
		r := handResult(outlet+event+string(rune('a'+len(ps.Keys()))), outlet, meta, map[string]float64{"loaded_rate": v})
		must(t, ps.Add(r))
		u.Add(r)
	}
	for _, a := range []struct {
		event string
		a, b  []float64
	}{
		{"e1", []float64{3}, []float64{1}},
		{"e2", []float64{2, 4}, []float64{0}},
		{"e3", []float64{1}, []float64{1.5}},
		{"e4", []float64{5}, []float64{1}},
		{"e5", []float64{2}, []float64{1}},
		{"e6", []float64{6}, []float64{0.5}},
		{"e7", []float64{4}, nil},
	} {
		for _, v := range a.a {
			add("A", a.event, v)
		}
		for _, v := range a.b {
			add("B", a.event, v)
		}
	}
	add("B", "", 9)
	return ps, u
}

func TestComparePairedHand(t *testing.T) {
	ps, u := pairedFixture(t)
	a, _ := ps.Get("A")
	b, _ := ps.Get("B")
	// By hand: the per-event differences A − B are e1 2, e2 3 − 0 = 3,
	// e3 −0.5, e4 4, e5 1, e6 5.5 (e7 and the event-less B article are
	// dropped): n = 6, mean 15/6 = 2.5. |d| ranks 1..6 with only the
	// smallest negative, so V = 21 − 1 = 20; the sign patterns with V ≥ 20
	// are {} and {1} of 2⁶, two-sided p = 4/64 = 0.0625. The sign-flip sum
	// is 15; only all-plus (15) and flipping −0.5 (16) reach it, and their
	// mirrors: p = 4/64 too.
	c, err := Compare(a, b, CompareOptions{PairBy: u, Bootstrap: 500})
	must(t, err)
	if c.Design.Name != DesignPaired || c.Design.Blocks != 6 || c.Design.DroppedBlocks != 1 || c.Unit != "block" {
		t.Fatalf("design %+v unit %s", c.Design, c.Unit)
	}
	if !strings.Contains(c.Design.Statement, "paired by event_id: 6 blocks") {
		t.Errorf("statement %q", c.Design.Statement)
	}
	m := rowOf(t, c, "loaded_rate", FamilyPrimary)
	if m.Test != TestSignedRank || m.TestNote != "exact" || m.P != 0.0625 || m.Difference != 2.5 || m.NTarget != 6 {
		t.Errorf("signed-rank row %+v", m)
	}
	// Block means: A {3, 3, 1, 5, 2, 6} mean 20/6, median 3; B {1, 0, 1.5,
	// 1, 1, 0.5} mean 5/6, median 1.
	if m.Target != round6(20.0/6) || m.Reference != round6(5.0/6) || *m.TargetMedian != 3 || *m.ReferenceMedian != 1 {
		t.Errorf("block means %+v", m)
	}
	if m.CIMethod != CIBlockBootstrap || !(m.CILow <= 2.5 && 2.5 <= m.CIHigh) || m.CILow < -0.5 || m.CIHigh > 5.5 {
		t.Errorf("interval %+v", m)
	}
	c, err = Compare(a, b, CompareOptions{PairBy: u, PairedTest: TestSignFlip, Bootstrap: 500})
	must(t, err)
	if m := rowOf(t, c, "loaded_rate", FamilyPrimary); m.Test != TestSignFlip || m.P != 0.0625 {
		t.Errorf("sign-flip row %+v", m)
	}
}

// clusterFixture groups four outlets by label: L = o1 (values 1, 1), o2
// (0); R = o3 (3), o4 (3, 3, 3). The cluster sums are those of the
// stats.ClusterPermutationTest hand example.
func clusterFixture(t *testing.T) (*Profiles, *Units, *Units) {
	ps := NewProfiles("label", "test")
	cl, nest := NewUnits("label", "outlet"), NewUnits("label", "outlet")
	i := 0
	for _, a := range []struct {
		label, outlet string
		v             float64
	}{{"L", "o1", 1}, {"L", "o1", 1}, {"L", "o2", 0}, {"R", "o3", 3}, {"R", "o4", 3}, {"R", "o4", 3}, {"R", "o4", 3}} {
		i++
		r := handResult(string(rune('a'+i)), a.outlet, map[string]string{"label": a.label}, map[string]float64{"loaded_rate": a.v})
		must(t, ps.Add(r))
		cl.Add(r)
		nest.Add(r)
	}
	return ps, cl, nest
}

func TestCompareClusteredHand(t *testing.T) {
	ps, cl, nest := clusterFixture(t)
	l, _ := ps.Get("L")
	r, _ := ps.Get("R")
	// Each outlet counts once (the default): outlet means L {1, 0}, R
	// {3, 3}, difference 0.5 − 3 = −2.5. The six ways to give two of the
	// four means to L: {1,0} −2.5, {1,3} and {1,3} +0.5, {0,3} and {0,3}
	// −0.5, {3,3} +2.5: two reach 2.5, p = 1/3. Cliff's δ of the outlet
	// means is −1.
	c, err := Compare(l, r, CompareOptions{ClusterBy: cl, MinDocuments: 2, Bootstrap: 300})
	must(t, err)
	if c.Design.Name != DesignClustered || c.Design.ClustersTarget != 2 || c.Design.ClustersReference != 2 || c.Unit != "cluster" {
		t.Fatalf("design %+v", c.Design)
	}
	m := rowOf(t, c, "loaded_rate", FamilyPrimary)
	if m.Test != TestClusterPermutation || m.TestNote != "exact enumeration" || m.P != round6(1.0/3) || m.Difference != -2.5 || *m.Delta != -1 {
		t.Errorf("cluster row %+v", m)
	}
	// Article-weighted: pooled means 2/3 and 12/4 = 3; of the six ways to
	// split the four outlets two and two, two are as extreme: p = 1/3
	// (worked in stats.TestClusterPermutationExact).
	c, err = Compare(l, r, CompareOptions{ClusterBy: cl, WeightByArticles: true, MinDocuments: 2, Bootstrap: 300})
	must(t, err)
	m = rowOf(t, c, "loaded_rate", FamilyPrimary)
	if m.P != round6(1.0/3) || m.Difference != round6(2.0/3-3) || !c.Design.WeightByArticles {
		t.Errorf("article-weighted cluster row %+v", m)
	}
	for _, w := range c.Warnings {
		if strings.Contains(w, "not independent") {
			t.Errorf("nesting warning with --cluster-by: %s", w)
		}
	}
	// Without ClusterBy, articles are the unit and the pooling is flagged.
	c, err = Compare(l, r, CompareOptions{Nesting: nest, MinDocuments: 2, Bootstrap: 300})
	must(t, err)
	if c.Design.Name != DesignArticles {
		t.Fatalf("design %+v", c.Design)
	}
	found := false
	for _, w := range c.Warnings {
		found = found || strings.Contains(w, "the target pools 2 outlets and the reference 2")
	}
	if !found {
		t.Errorf("no nesting warning: %v", c.Warnings)
	}
}

// TestCompareRestIsMerge checks that the pooled rest built as the total
// minus a source gives byte-for-byte the comparison of the source with a
// profile merged from all the others, on the seeds (sentences) and on a
// synthetic corpus with enough articles for the article design.
func TestCompareRestIsMerge(t *testing.T) {
	seedPs := NewProfiles("outlet", seedList(t)[0].Lexicons)
	for _, r := range seedList(t) {
		must(t, seedPs.Add(r))
	}
	synth := NewProfiles("outlet", "test")
	for i := range 60 {
		outlet := []string{"X", "Y", "Z"}[i%3]
		must(t, synth.Add(handResult(string(rune('A'+i)), outlet, nil, map[string]float64{
			"loaded_rate": float64(i%7) * 0.5, "editorializing_index": float64(i%5) / 10, "loaded_count": float64(i % 4)})))
	}
	for _, ps := range []*Profiles{seedPs, synth} {
		each, err := CompareEach(ps, Rest, CompareOptions{Bootstrap: 200})
		must(t, err)
		for i, k := range ps.Keys() {
			tp, _ := ps.Get(k)
			var merged *Profile
			for _, o := range ps.Keys() {
				if o == k {
					continue
				}
				p, _ := ps.Get(o)
				if merged == nil {
					merged = mustClone(t, p)
				} else {
					must(t, merged.Merge(p))
				}
			}
			want, err := Compare(tp, merged, CompareOptions{Bootstrap: 200})
			must(t, err)
			want.Reference = each[i].Reference
			a, _ := json.Marshal(each[i])
			b, _ := json.Marshal(want)
			if !bytes.Equal(a, b) {
				t.Errorf("%s vs rest differs from the merge:\n%s\n%s", k, a, b)
			}
		}
	}
}

// TestCompareSeedsPrimary is the issue-15 target: one article a side, the
// Eastern Herald's loaded language in its own voice is higher than AP's
// with q < 0.05 within the primary family, by a named count test.
func TestCompareSeedsPrimary(t *testing.T) {
	ps := seedOutletProfiles(t)
	eh, _ := ps.Get(seeds.EasternHerald)
	ap, _ := ps.Get(seeds.AP)
	c, err := Compare(eh, ap, CompareOptions{Bootstrap: 300})
	must(t, err)
	if c.Design.Name != DesignSentences || !strings.Contains(c.Design.Statement, "describes these articles") {
		t.Errorf("design %+v", c.Design)
	}
	m := rowOf(t, c, "loaded_rate", FamilyPrimary)
	if m.Test != TestPoissonExact || m.Target <= m.Reference || m.Q >= 0.05 {
		t.Errorf("loaded language in the reporter's voice: %+v", m)
	}
	var primary int
	for _, f := range c.Families {
		if f.Name == FamilyPrimary {
			primary = f.Tests
		}
	}
	if primary != len(PrimaryMeasures) {
		t.Errorf("primary family of %d tests", primary)
	}
	// Both directions appear among categories and terms; examples of a
	// reference-favoured word come from the reference and contain it as a
	// whole token.
	var tcat, rcat, tterm, rterm int
	for _, k := range c.Categories {
		if k.Favours == "target" {
			tcat++
		} else {
			rcat++
		}
	}
	for _, w := range c.DistinctiveTerms {
		if w.Kind != TermContent {
			t.Errorf("non-content word %q in the default list", w.Term)
		}
		if w.Favours == "target" {
			tterm++
		} else {
			rterm++
		}
		for _, e := range w.Examples {
			src := eh
			if w.Favours == "reference" {
				src = ap
			}
			found := false
			for _, x := range src.Exemplars {
				found = found || x.Sentence == e
			}
			if !found {
				t.Errorf("example of %q (%s) not from that side: %q", w.Term, w.Favours, e)
			}
		}
	}
	if tcat == 0 || rcat == 0 || tterm == 0 || rterm == 0 {
		t.Errorf("one-sided lists: categories %d/%d, terms %d/%d", tcat, rcat, tterm, rterm)
	}
	kinds := map[string]bool{}
	for _, w := range c.AllTerms {
		kinds[w.Kind] = true
	}
	if !kinds[TermFunction] {
		t.Errorf("the full list lost the function words: %v", kinds)
	}
}

func TestTermKindAndExamples(t *testing.T) {
	self := nameWords("The Eastern Herald")
	for w, want := range map[string]string{"the": TermFunction, "of": TermFunction, "mr.": TermStyle, "caption": TermStyle,
		"herald": TermStyle, "eastern": TermStyle, "genocide": TermContent, "history": TermContent,
		"j.": TermStyle, "f.b.i.": TermStyle, "fbi": TermContent, "a.": TermStyle, "st.louis": TermContent} {
		if got := termKind(w, self); got != want {
			t.Errorf("termKind(%q) = %s, want %s", w, got, want)
		}
	}
	p := NewProfile("outlet", "x", "test")
	p.Exemplars = []Exemplar{{Sentence: "His history of news coverage."}, {Sentence: "The new plan."}}
	ex := tokenizedExemplars(p)
	if ex[0].has["his"] != true || ex[0].has["new"] || !ex[1].has["new"] || ex[1].has["news"] {
		t.Errorf("whole-token matching: %+v", ex)
	}
}

// TestBASILPaired runs the paired design on the BASIL events (Fox News vs
// New York Times, paired by event_id) and checks the figures against a
// computation by hand from the article results: per-event means, their
// differences, the Wilcoxon statistic with mid-ranks and its normal
// approximation.
func TestBASILPaired(t *testing.T) {
	const path = "../../shared/eval/basil_articles.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../shared/eval/basil_articles.jsonl absent: skipping the BASIL paired comparison")
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("BASIL: 300 articles, skipped in -short")
	}
	an, err := NewAnalyzer(WithoutPOS())
	must(t, err)
	ps := NewProfiles("outlet", an.Fingerprint())
	u := NewUnits("outlet", "event_id")
	// event → outlet → values of the measure, collected by hand.
	const measure = "unattributed_evaluative_share"
	byEvent := map[string]map[string][]float64{}
	ctx := context.Background()
	for a, err := range corpus.JSONL(ctx, f, corpus.RecordOptions{Name: path}) {
		if err != nil {
			continue
		}
		r, err := an.Analyze(ctx, a)
		must(t, err)
		if r.Outlet != "Fox News" && r.Outlet != "New York Times" {
			continue
		}
		must(t, ps.Add(r))
		u.Add(r)
		ev := r.Meta["event_id"]
		if byEvent[ev] == nil {
			byEvent[ev] = map[string][]float64{}
		}
		byEvent[ev][r.Outlet] = append(byEvent[ev][r.Outlet], r.Measures[measure])
	}
	var events []string
	for ev, m := range byEvent {
		if len(m["Fox News"]) > 0 && len(m["New York Times"]) > 0 && ev != "" {
			events = append(events, ev)
		}
	}
	sort.Strings(events)
	if len(events) < 50 {
		t.Fatalf("only %d BASIL events with both outlets", len(events))
	}
	meanOf := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s / float64(len(v))
	}
	var d []float64
	var sum float64
	for _, ev := range events {
		x := meanOf(byEvent[ev]["Fox News"]) - meanOf(byEvent[ev]["New York Times"])
		d = append(d, x)
		sum += x
	}
	// Wilcoxon by hand: drop zeros, mid-ranks of |d|, V = Σ ranks of d > 0,
	// σ² = n(n+1)(2n+1)/24 − Σ(t³−t)/48, continuity-corrected z.
	var nz []float64
	for _, x := range d {
		if x != 0 {
			nz = append(nz, x)
		}
	}
	sort.Slice(nz, func(i, j int) bool { return math.Abs(nz[i]) < math.Abs(nz[j]) })
	var v, ties float64
	for i := 0; i < len(nz); {
		j := i
		for j < len(nz) && math.Abs(nz[j]) == math.Abs(nz[i]) {
			j++
		}
		for k := i; k < j; k++ {
			if nz[k] > 0 {
				v += float64(i+1+j) / 2
			}
		}
		tt := float64(j - i)
		ties += tt*tt*tt - tt
		i = j
	}
	n := float64(len(nz))
	centre := n * (n + 1) / 4
	sigma := math.Sqrt(n*(n+1)*(2*n+1)/24 - ties/48)
	z := (math.Abs(v-centre) - 0.5) / sigma
	wantP := math.Erfc(z / math.Sqrt2)

	fox, _ := ps.Get("Fox News")
	nyt, _ := ps.Get("New York Times")
	c, err := Compare(fox, nyt, CompareOptions{PairBy: u, Bootstrap: 300})
	must(t, err)
	if c.Design.Blocks != len(events) {
		t.Errorf("blocks %d, by hand %d", c.Design.Blocks, len(events))
	}
	m := rowOf(t, c, measure, FamilyPrimary)
	if m.Difference != round6(sum/float64(len(d))) {
		t.Errorf("mean difference %v, by hand %v", m.Difference, sum/float64(len(d)))
	}
	if math.Abs(m.P-wantP) > 1e-6 || m.Test != TestSignedRank {
		t.Errorf("p %v (%s, %s), by hand %v", m.P, m.Test, m.TestNote, wantP)
	}
	t.Logf("BASIL Fox − NYT %s: %d events, mean difference %.4f, V = %g, p = %.4g, q = %.4g", measure, len(events), m.Difference, v, m.P, m.Q)
}

// TestCompareDesignsDeterministic: paired and clustered comparisons, and
// CompareEach against the rest (which runs on GOMAXPROCS workers), are
// byte-identical at GOMAXPROCS 1 and 2.
func TestCompareDesignsDeterministic(t *testing.T) {
	ps, u := pairedFixture(t)
	a, _ := ps.Get("A")
	b, _ := ps.Get("B")
	cps, cl, _ := clusterFixture(t)
	l, _ := cps.Get("L")
	r, _ := cps.Get("R")
	run := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c1, err := Compare(a, b, CompareOptions{PairBy: u, Bootstrap: 300})
		must(t, err)
		c2, err := Compare(l, r, CompareOptions{ClusterBy: cl, MinDocuments: 2, Bootstrap: 300})
		must(t, err)
		each, err := CompareEach(ps, Rest, CompareOptions{Bootstrap: 300, MinDocuments: 2})
		must(t, err)
		out, _ := json.Marshal(append([]*Comparison{c1, c2}, each...))
		return out
	}
	if one, two := run(1), run(2); !bytes.Equal(one, two) {
		t.Fatal("design comparisons differ across GOMAXPROCS")
	}
}

func TestStrongest(t *testing.T) {
	vals := []float64{5, 1, 9, 9, 3, 7, 2, 8, 0, 6}
	idx := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	desc := func(i, j int) int {
		if vals[i] != vals[j] {
			if vals[i] > vals[j] {
				return -1
			}
			return 1
		}
		return i - j
	}
	for k := 0; k <= 11; k++ {
		got := strongest(idx, k, desc)
		sort.Slice(got, func(a, b int) bool { return desc(got[a], got[b]) < 0 })
		want := append([]int(nil), idx...)
		sort.Slice(want, func(a, b int) bool { return desc(want[a], want[b]) < 0 })
		want = want[:min(k, len(want))]
		if len(got) != len(want) {
			t.Fatalf("k=%d: %v, want %v", k, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("k=%d: %v, want %v", k, got, want)
			}
		}
	}
}
