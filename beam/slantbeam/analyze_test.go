package slantbeam

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// seedProfiles returns one single-article profile per seed article, as
// analyzeFn emits them.
func seedProfiles(t *testing.T) (*analyzeFn, []*framing.Profile) {
	t.Helper()
	fn, err := newAnalyzeFn(WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	if err := fn.Setup(); err != nil {
		t.Fatal(err)
	}
	var out []*framing.Profile
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		r, err := fn.an.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		p := framing.NewProfile("outlet", "all", fn.Fingerprint)
		if err := p.Add(r); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return fn, out
}

func TestProfileCoderRoundTrip(t *testing.T) {
	_, ps := seedProfiles(t)
	p := ps[0]
	d := framing.NewDistribution(p.ExactLimit)
	d.AddAll([]float64{math.NaN(), math.Inf(1)}) // JSON could not carry these
	p.Values["article:nan"] = d
	b, err := encodeProfile(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := decodeProfile(b)
	if err != nil {
		t.Fatal(err)
	}
	if q.Key() != p.Key() || q.Documents != p.Documents || q.Terms["security"] != p.Terms["security"] ||
		!math.IsNaN(q.ArticleValues("nan").Expand()[0]) || !math.IsInf(q.ArticleValues("nan").Expand()[1], 1) {
		t.Fatalf("round trip changed the profile")
	}
	if _, err := encodeProfile(nil); err == nil {
		t.Error("encoding nil: no error")
	}
	if _, err := decodeProfile([]byte("junk")); err == nil {
		t.Error("decoding junk: no error")
	}
}

// The PCollection of profiles uses the registered binary coder, not Beam's
// JSON default.
func TestProfileCoderRegistered(t *testing.T) {
	_, s := beam.NewPipelineWithRoot()
	col, err := Profiles(s, beam.Create(s, `{"text":"x"}`), WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	c := col.Coder()
	got := c.String()
	if !strings.Contains(got, "*framing.Profile") || strings.Contains(strings.ToLower(got), "json") {
		t.Fatalf("coder %s, want the custom *framing.Profile coder", got)
	}
	t.Logf("coder: %s", got)
}

// Merging in any order and grouping gives the same profile as adding every
// article to one profile.
func TestCombinerOrderFree(t *testing.T) {
	fn, ps := seedProfiles(t)
	cf := &mergeProfilesFn{GroupBy: "outlet", Lexicons: fn.Fingerprint}
	add := func(order []int) string {
		acc := cf.CreateAccumulator()
		for _, i := range order {
			var err error
			if acc, err = cf.AddInput(acc, ps[i]); err != nil {
				t.Fatal(err)
			}
		}
		s, err := marshalJSON(cf.ExtractOutput(acc))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	forward := add([]int{0, 1, 2, 3, 4})
	for _, order := range [][]int{{4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		checkEqual(t, "reordered", add(order), forward)
	}
	// Two partial accumulators merged, as a lifted combine does.
	a, b := cf.CreateAccumulator(), cf.CreateAccumulator()
	for i, p := range ps {
		if i%2 == 0 {
			a, _ = cf.AddInput(a, p)
		} else {
			b, _ = cf.AddInput(b, p)
		}
	}
	m, err := cf.MergeAccumulators(b, a)
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := marshalJSON(cf.ExtractOutput(m))
	checkEqual(t, "tree", tree, forward)
	// The single-machine profile of the same articles.
	ref := framing.NewProfile("outlet", "all", fn.Fingerprint)
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		r, _ := fn.an.Analyze(context.Background(), a)
		if err := ref.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := marshalJSON(ref)
	checkEqual(t, "vs Profile.Add", forward, want)
	// Another lexicon fingerprint is refused.
	other := &mergeProfilesFn{GroupBy: "outlet", Lexicons: "other"}
	if _, err := other.AddInput(other.CreateAccumulator(), ps[0]); err == nil {
		t.Error("merging a profile of other lexicons: no error")
	}
}

func TestSetupRefusesOtherFingerprint(t *testing.T) {
	fn, err := newAnalyzeFn(WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	fn.Fingerprint = "0123456789abcdef"
	if err := fn.Setup(); err == nil || !strings.Contains(err.Error(), "0123456789ab") {
		t.Fatalf("got %v, want a fingerprint mismatch", err)
	}
}

func TestParseLine(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		line, id, outlet, meta string
		skip, none             bool
	}{
		{line: `{"id":"a1","outlet":"Gazette","text":"Officials met.","label":"left"}`, id: "a1", outlet: "Gazette", meta: "left"},
		{line: `{"id":"1","text":"Officials met."}`, id: "1"},
		{line: `{"id":1,"text":"Officials met."}`, id: "1"},
		{line: `{"outlet":"Gazette","text":"Officials met."}`, id: contentID(`{"outlet":"Gazette","text":"Officials met."}`), outlet: "Gazette"},
		{line: `{"src":"Gazette","body":"Officials met."}`, skip: true}, // no "text" field
		{line: `{"id":"x",`, skip: true},
		{line: "   ", none: true},
		{line: `{"id":"a2","text":"Officials met.","published":"2025-08-20"}` + "\r", id: "a2"},
	} {
		a, err := parseLine(ctx, tc.line, corpus.Fields{})
		switch {
		case tc.skip:
			if _, ok := corpus.AsSkip(err); !ok {
				t.Errorf("%s: got %v, %v; want a skip", tc.line, a, err)
			}
		case tc.none:
			if a != nil || err != nil {
				t.Errorf("%q: got %v, %v; want nothing", tc.line, a, err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.line, err)
		case a.ID != tc.id || a.Outlet != tc.outlet || a.Meta["label"] != tc.meta:
			t.Errorf("%s: got %q/%q/%q, want %q/%q/%q", tc.line, a.ID, a.Outlet, a.Meta["label"], tc.id, tc.outlet, tc.meta)
		}
	}
	// Configured field names, as corpus.Fields maps them.
	a, err := parseLine(ctx, `{"key":"k9","src":"Courier","body":"Officials met."}`, corpus.Fields{ID: "key", Outlet: "src", Text: "body"})
	if err != nil || a.ID != "k9" || a.Outlet != "Courier" {
		t.Errorf("custom fields: got %+v, %v", a, err)
	}
}

func TestGroupKey(t *testing.T) {
	r := &framing.Result{ID: "a1", Outlet: "Gazette", Title: "T", Meta: map[string]string{"label": "left"}}
	for field, want := range map[string]string{"": "Gazette", "outlet": "Gazette", "id": "a1", "title": "T", "label": "left", "url": "(none)", "missing": "(none)"} {
		if got := r.Group(field); got != want {
			t.Errorf("%q: got %q want %q", field, got, want)
		}
	}
	// The same keys as framing.Profiles.Add.
	for _, field := range []string{"outlet", "id", "title", "label", "url"} {
		ps := framing.NewProfiles(field, "")
		r.Lexicons = ""
		if err := ps.Add(r); err != nil {
			t.Fatal(err)
		}
		if ps.Keys()[0] != r.Group(field) {
			t.Errorf("%q: Profiles key %q, groupKey %q", field, ps.Keys()[0], r.Group(field))
		}
	}
}
