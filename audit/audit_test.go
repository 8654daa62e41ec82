package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// seedResults analyses the five seeds without POS tagging.
func seedResults(t *testing.T) []*framing.Result {
	t.Helper()
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var out []*framing.Result
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		r, err := an.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if len(out) != 5 {
		t.Fatalf("%d seeds", len(out))
	}
	return out
}

func audit(rs []*framing.Result, opt Options) *Report {
	a := New(opt)
	for _, r := range rs {
		a.Add(r)
	}
	return a.Report()
}

func findTerm(r *Report, cat, term string) (Category, Term, bool) {
	for _, c := range r.Categories {
		if c.ID != cat {
			continue
		}
		for _, t := range c.Top {
			if t.Term == term {
				return c, t, true
			}
		}
		return c, Term{}, false
	}
	return Category{}, Term{}, false
}

func TestAuditSeeds(t *testing.T) {
	rs := seedResults(t)
	rep := audit(rs, Options{Categories: []string{"contested"}, Top: 50, Samples: 20})

	// Kyiv, counted independently in the seed files (no seed has it in its
	// page furniture): 1 + 2 + 3 + 3 in four outlets, none in AP.
	want, perFile := 0, map[string]int{}
	files, _ := filepath.Glob("../seeds/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := strings.Count(string(b), "Kyiv")
		want += n
		perFile[filepath.Base(f)] = n
	}
	if want != 9 {
		t.Fatalf("the seeds hold %d Kyiv, the test expects 9", want)
	}
	for _, c := range rep.Categories {
		if !strings.HasPrefix(c.ID, "contested.") {
			t.Errorf("category filter let %s through", c.ID)
		}
	}
	cat, kyiv, ok := findTerm(rep, "contested.russia_ukraine", "kyiv")
	if !ok {
		t.Fatalf("no kyiv in contested.russia_ukraine: %+v", cat)
	}
	if kyiv.Hits != want || kyiv.Articles != 4 || kyiv.Outlets != 4 {
		t.Errorf("kyiv: %d hits in %d articles, %d outlets; want 9 in 4 and 4", kyiv.Hits, kyiv.Articles, kyiv.Outlets)
	}
	// Two outlets have 3 each: the tie goes to the first name.
	if kyiv.TopOutlet != "unnamed-blog-002" || kyiv.TopOutletShare != 3.0/9 {
		t.Errorf("kyiv top outlet %s %.3f, want unnamed-blog-002 0.333", kyiv.TopOutlet, kyiv.TopOutletShare)
	}
	if len(kyiv.Samples) != 9 {
		t.Errorf("%d samples with Samples 20, want all 9", len(kyiv.Samples))
	}
	byID := map[string]*framing.Result{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	for i, s := range kyiv.Samples {
		if got := byID[s.ID].Text[s.Start:s.End]; got != "Kyiv" || s.Match != "Kyiv" {
			t.Errorf("sample %d: span %q match %q", i, got, s.Match)
		}
		if i > 0 && s.ID < kyiv.Samples[i-1].ID && s.Outlet == kyiv.Samples[i-1].Outlet {
			t.Errorf("samples not in outlet, article order")
		}
	}
	// Per outlet: unnamed-blog-002's three Kyiv.
	for _, o := range cat.ByOutlet {
		for _, tt := range o.Terms {
			if tt.Term == "kyiv" && o.Outlet == "unnamed-blog-002" && tt.Hits != perFile["002_af716abcf7b96908.txt"] {
				t.Errorf("unnamed-blog-002 kyiv %d, want %d", tt.Hits, perFile["002_af716abcf7b96908.txt"])
			}
		}
	}
	for i := 1; i < len(cat.ByOutlet); i++ {
		if cat.ByOutlet[i].Hits > cat.ByOutlet[i-1].Hits {
			t.Error("outlets not sorted by hits")
		}
	}

	// Sampling with fewer slots keeps a subset of the full sample, whatever
	// the order the results arrive in, and the output is byte-identical.
	small := audit(rs, Options{Categories: []string{"contested"}, Samples: 2})
	rev := slices.Clone(rs)
	slices.Reverse(rev)
	smallRev := audit(rev, Options{Categories: []string{"contested"}, Samples: 2})
	a, err := json.Marshal(small)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(smallRev)
	if !bytes.Equal(a, b) {
		t.Error("the report depends on input order")
	}
	_, k2, _ := findTerm(small, "contested.russia_ukraine", "kyiv")
	if len(k2.Samples) != 2 {
		t.Fatalf("%d samples, want 2", len(k2.Samples))
	}
	for _, s := range k2.Samples {
		if !slices.ContainsFunc(kyiv.Samples, func(x Context) bool { return x.ID == s.ID && x.Start == s.Start }) {
			t.Errorf("sample %s:%d not in the full sample", s.ID, s.Start)
		}
	}
}

func TestAuditReporterOnly(t *testing.T) {
	rs := seedResults(t)
	all := audit(rs, Options{Categories: []string{"loaded.laudatory"}})
	rep := audit(rs, Options{Categories: []string{"loaded.laudatory"}, ReporterOnly: true})
	if len(all.Categories) != 1 || len(rep.Categories) != 1 {
		t.Fatalf("categories %d and %d", len(all.Categories), len(rep.Categories))
	}
	a, r := all.Categories[0], rep.Categories[0]
	if r.Hits != a.Reporter || r.Reporter != r.Hits {
		t.Errorf("reporter-only hits %d (reporter %d); all-voices reporter count %d", r.Hits, r.Reporter, a.Reporter)
	}
	// Seed 001 says the Élysée "promised a landmark summit": reported
	// speech, not the reporter's word.
	if _, _, ok := findTerm(rep, "loaded.laudatory", "landmark"); ok {
		t.Error("reporter-only audit lists the reported 'landmark'")
	}
	if _, tm, ok := findTerm(all, "loaded.laudatory", "landmark"); !ok || tm.Reporter != 0 || tm.Samples[0].Voice != framing.Reported {
		t.Errorf("all-voices audit: landmark %+v", tm)
	}
}

func TestKWICContext(t *testing.T) {
	src := "one two\n\nthree  [four] five\tsix seven"
	s := strings.Index(src, "four")
	c := kwic(src, s, s+4, 7)
	if c.Left != "three [" || c.Match != "four" || c.Right != "] five " {
		t.Errorf("KWIC = %q %q %q", c.Left, c.Match, c.Right)
	}
	c = kwic(src, 0, 3, 40)
	if c.Left != "" || c.Match != "one" || c.Right != " two three [four] five six seven" {
		t.Errorf("at the start: %q %q %q", c.Left, c.Match, c.Right)
	}
	// Multi-byte characters are counted as characters, never split.
	src = "ééééé«x»ééééé"
	s = strings.Index(src, "x")
	c = kwic(src, s, s+1, 3)
	if c.Left != "éé«" || c.Right != "»éé" {
		t.Errorf("runes: %q %q", c.Left, c.Right)
	}
	// Out-of-range offsets are clamped, not a panic.
	c = kwic("abc", 5, 9, 2)
	if c.Match != "" || c.Left != "bc" {
		t.Errorf("clamped: %+v", c)
	}
}
