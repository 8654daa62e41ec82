package slantbeam

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// TestMain runs the pipelines under ptest's default runner, prism (in
// process, loopback workers on localhost); -runner=direct overrides it.
func TestMain(m *testing.M) { ptest.Main(m) }

// allsides is the AllSides sample, relative to this directory (beam/slantbeam).
const allsides = "../../../shared/eval/allsides_baly2020_sample.jsonl"

// sumTolerance is the relative tolerance on the floating sums of moments,
// whose summation order depends on how the runner groups the merges.
const sumTolerance = 1e-9

// seedsJSONL writes the seed corpus as JSON Lines, one flat record per
// article (metadata as top-level fields, as corpus.JSONL reads them back).
func seedsJSONL(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seeds.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		rec := map[string]string{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "text": a.Text}
		if a.URL != "" {
			rec["url"] = a.URL
		}
		if !a.Published.IsZero() {
			rec["published"] = a.Published.Format(time.RFC3339)
		}
		for k, v := range a.Meta {
			rec[k] = v
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "%s\n", b)
	}
	return path
}

// sliceJSONL copies the first n lines of src to a temporary file, and
// deals the same lines round-robin into shards files matched by the returned
// glob, or skips the test when src is absent.
func sliceJSONL(t *testing.T, src string, n, shards int) (path, glob string) {
	t.Helper()
	in, err := os.Open(src)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent (shared/eval is not beside the repository): skipping the AllSides equality check", src)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dir := t.TempDir()
	path = filepath.Join(dir, "slice.jsonl")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := os.Mkdir(filepath.Join(dir, "shards"), 0o755); err != nil {
		t.Fatal(err)
	}
	var parts []*os.File
	for i := 0; i < shards; i++ {
		f, err := os.Create(filepath.Join(dir, "shards", fmt.Sprintf("part-%d.jsonl", i)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		parts = append(parts, f)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		fmt.Fprintf(out, "%s\n", sc.Bytes())
		fmt.Fprintf(parts[i%shards], "%s\n", sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return path, filepath.Join(dir, "shards", "*.jsonl")
}

// case_ is one equality check: an input, a grouping and a comparison.
type case_ struct {
	input, by, target, reference string
	// beamInput, when set, is what the pipeline reads (a glob of shards of
	// input); the single-machine path reads input.
	beamInput string
	pos       bool
}

var compareOpt = framing.CompareOptions{Bootstrap: 500, Seed: 7}

// single runs the single-machine path: framing.Run over corpus.JSONL, then
// framing.Profiles.Add, then framing.Compare (or CompareEach for "rest").
func single(t *testing.T, c case_) (profiles, comparison string) {
	t.Helper()
	ctx := context.Background()
	var opts []framing.Option
	if !c.pos {
		opts = append(opts, framing.WithoutPOS())
	}
	an, err := framing.NewAnalyzer(opts...)
	if err != nil {
		t.Fatal(err)
	}
	ps := framing.NewProfiles(c.by, an.Fingerprint())
	if _, err := framing.Run(ctx, an, corpus.OpenFile(ctx, c.input, corpus.RecordOptions{}), framing.RunOptions{}, ps.Add); err != nil {
		t.Fatal(err)
	}
	if profiles, err = marshalJSON(ps.All()); err != nil {
		t.Fatal(err)
	}
	var cmp *framing.Comparison
	if c.reference == framing.Rest {
		cmps, err := framing.CompareEach(ps, framing.Rest, compareOpt)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range cmps {
			if x.Target == c.target {
				cmp = x
			}
		}
		if cmp == nil {
			t.Fatalf("no comparison for %q", c.target)
		}
		// CompareEach labels the pooled reference "rest (keys)"; `slant
		// compare --reference rest`, which the pipeline follows, does not.
		cmp.Reference = strings.TrimSuffix(strings.TrimPrefix(cmp.Reference, "rest ("), ")")
	} else {
		tp, ok1 := ps.Get(c.target)
		rp, ok2 := ps.Get(c.reference)
		if !ok1 || !ok2 {
			t.Fatalf("sources %q and %q not both in %v", c.target, c.reference, ps.Keys())
		}
		if cmp, err = framing.Compare(tp, rp, compareOpt); err != nil {
			t.Fatal(err)
		}
	}
	if comparison, err = marshalJSON(cmp); err != nil {
		t.Fatal(err)
	}
	return profiles, comparison
}

// viaBeam runs the Beam pipeline under ptest's runner and reads its outputs.
func viaBeam(t *testing.T, c case_) (profiles, comparison string) {
	t.Helper()
	dir := t.TempDir()
	in := c.input
	if c.beamInput != "" {
		in = c.beamInput
	}
	job := Job{Input: in, Profiles: filepath.Join(dir, "profiles.json"), Comparison: filepath.Join(dir, "comparison.json"),
		Target: c.target, Reference: c.reference, Compare: compareOpt}
	p, s := beam.NewPipelineWithRoot()
	opts := []Option{GroupBy(c.by)}
	if !c.pos {
		opts = append(opts, WithoutPOS())
	}
	if err := Build(s, job, opts...); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline on %s: %v", runnerName(), err)
	}
	t.Logf("pipeline ran on %s in %v", runnerName(), time.Since(start).Round(time.Millisecond))
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSuffix(string(b), "\n")
	}
	return read(job.Profiles), read(job.Comparison)
}

func runnerName() string {
	if *ptest.Runner != "" {
		return *ptest.Runner
	}
	return ptest.DefaultRunner()
}

// diff compares two JSON documents: the sums of moments ("sum", "sum_sq"
// under "articles" and "sentence_moments") within sumTolerance relative,
// every other value exactly (numbers as written). It returns the
// differences and how many sums differed at all.
func diff(got, want string) (problems []string, inexact int, maxRel float64) {
	var g, w any
	dec := func(s string, v *any) error {
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		return d.Decode(v)
	}
	if err := dec(got, &g); err != nil {
		return []string{"got: " + err.Error()}, 0, 0
	}
	if err := dec(want, &w); err != nil {
		return []string{"want: " + err.Error()}, 0, 0
	}
	var walk func(path []string, g, w any)
	walk = func(path []string, g, w any) {
		if len(problems) > 20 {
			return
		}
		at := strings.Join(path, ".")
		switch wv := w.(type) {
		case map[string]any:
			gv, ok := g.(map[string]any)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: got %T, want an object", at, g))
				return
			}
			keys := map[string]bool{}
			for k := range wv {
				keys[k] = true
			}
			for k := range gv {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				gk, gok := gv[k]
				wk, wok := wv[k]
				if gok != wok {
					problems = append(problems, fmt.Sprintf("%s.%s: present in got %v, in want %v", at, k, gok, wok))
					continue
				}
				walk(append(path, k), gk, wk)
			}
		case []any:
			gv, ok := g.([]any)
			if !ok || len(gv) != len(wv) {
				problems = append(problems, fmt.Sprintf("%s: got %d elements (%T), want %d", at, len(gv), g, len(wv)))
				return
			}
			for i := range wv {
				walk(append(path, fmt.Sprint(i)), gv[i], wv[i])
			}
		case json.Number:
			gn, ok := g.(json.Number)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: got %v, want %v", at, g, w))
				return
			}
			if gn == wv {
				return
			}
			last := path[len(path)-1]
			isSum := (last == "sum" || last == "sum_sq") && len(path) >= 4 && (path[len(path)-3] == "articles" || path[len(path)-3] == "sentence_moments")
			gf, _ := gn.Float64()
			wf, _ := wv.Float64()
			rel := math.Abs(gf-wf) / math.Max(math.Max(math.Abs(gf), math.Abs(wf)), math.SmallestNonzeroFloat64)
			if isSum && rel <= sumTolerance {
				inexact++
				maxRel = math.Max(maxRel, rel)
				return
			}
			problems = append(problems, fmt.Sprintf("%s: got %s, want %s (relative difference %.3g)", at, gn, wv, rel))
		default:
			if !reflect.DeepEqual(g, w) {
				problems = append(problems, fmt.Sprintf("%s: got %v, want %v", at, g, w))
			}
		}
	}
	walk([]string{"$"}, g, w)
	return problems, inexact, maxRel
}

func checkEqual(t *testing.T, what, got, want string) {
	t.Helper()
	problems, inexact, maxRel := diff(got, want)
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
	if len(problems) == 0 {
		if got == want {
			t.Logf("%s: byte-identical (%d bytes)", what, len(got))
		} else {
			t.Logf("%s: equal; %d moment sums differ in the last bits (max relative difference %.3g), the rest exactly", what, inexact, maxRel)
		}
	}
}

func checkCase(t *testing.T, c case_) {
	wantP, wantC := single(t, c)
	gotP, gotC := viaBeam(t, c)
	checkEqual(t, "profiles", gotP, wantP)
	checkEqual(t, "comparison", gotC, wantC)
}

func TestPipelineEqualsSingleMachineOnSeeds(t *testing.T) {
	in := seedsJSONL(t)
	t.Run("outlet/EasternHerald-vs-AP", func(t *testing.T) {
		checkCase(t, case_{input: in, by: "outlet", target: seeds.EasternHerald, reference: seeds.AP})
	})
	t.Run("outlet/EasternHerald-vs-rest", func(t *testing.T) {
		checkCase(t, case_{input: in, by: "outlet", target: seeds.EasternHerald, reference: framing.Rest})
	})
	// The default configuration, part-of-speech tagging on.
	t.Run("outlet/with-POS", func(t *testing.T) {
		checkCase(t, case_{input: in, by: "outlet", target: seeds.EasternHerald, reference: seeds.AP, pos: true})
	})
}

func TestPipelineEqualsSingleMachineOnAllSides(t *testing.T) {
	in, shards := sliceJSONL(t, allsides, 100, 4)
	t.Run("label/right-vs-left", func(t *testing.T) {
		checkCase(t, case_{input: in, beamInput: shards, by: "label", target: "right", reference: "left"})
	})
	t.Run("outlet/top-two", func(t *testing.T) {
		// The two outlets with the most articles in the slice.
		counts := map[string]int{}
		for a, err := range corpus.OpenFile(context.Background(), in, corpus.RecordOptions{}) {
			if err == nil {
				counts[a.Outlet]++
			}
		}
		outlets := make([]string, 0, len(counts))
		for o := range counts {
			outlets = append(outlets, o)
		}
		sort.Slice(outlets, func(i, j int) bool {
			if counts[outlets[i]] != counts[outlets[j]] {
				return counts[outlets[i]] > counts[outlets[j]]
			}
			return outlets[i] < outlets[j]
		})
		if len(outlets) < 2 {
			t.Skip("fewer than two outlets in the slice")
		}
		t.Logf("%d outlets; comparing %s (%d) with %s (%d)", len(outlets), outlets[0], counts[outlets[0]], outlets[1], counts[outlets[1]])
		checkCase(t, case_{input: in, beamInput: shards, by: "outlet", target: outlets[0], reference: outlets[1]})
	})
}

// A source missing from the corpus fails the pipeline, naming the sources.
func TestPipelineMissingSource(t *testing.T) {
	in := seedsJSONL(t)
	dir := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Job{Input: in, Comparison: filepath.Join(dir, "c.json"), Target: "Nobody", Reference: seeds.AP}, WithoutPOS()); err != nil {
		t.Fatal(err)
	}
	err := ptest.Run(p)
	if err == nil || !strings.Contains(err.Error(), `no source "Nobody"`) {
		t.Fatalf("got %v, want an error naming the missing source", err)
	}
}

func TestBuildValidates(t *testing.T) {
	for _, job := range []Job{
		{Profiles: "p.json"},
		{Input: "in.jsonl"},
		{Input: "in.jsonl", Comparison: "c.json", Target: "A"},
	} {
		_, s := beam.NewPipelineWithRoot()
		if err := Build(s, job); err == nil {
			t.Errorf("%+v: no error", job)
		}
	}
	_, s := beam.NewPipelineWithRoot()
	bad := LexiconFile{Name: "bad.yaml", Data: []byte("name: [")}
	if _, err := Profiles(s, beam.Create(s, "x"), WithLexicons(bad)); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("bad lexicon: got %v, want an error naming the file", err)
	}
}

func TestBuildUnknownScheme(t *testing.T) {
	_, s := beam.NewPipelineWithRoot()
	err := Build(s, Job{Input: "nosuch://bucket/in.jsonl", Profiles: "p.json"})
	if err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Fatalf("got %v, want an error naming the scheme", err)
	}
}

// The comparison used above tolerates only summation order in moment sums.
func TestDiffCatchesChanges(t *testing.T) {
	base := `{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.30000000000000004,"sum_sq":0.1}},"values":{"article:x":[0.1,0.2]}}`
	for _, tc := range []struct {
		doc string
		ok  bool
	}{
		{`{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.3,"sum_sq":0.1}},"values":{"article:x":[0.1,0.2]}}`, true},
		{`{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.3001,"sum_sq":0.1}},"values":{"article:x":[0.1,0.2]}}`, false},
		{`{"documents":4,"articles":{"loaded_rate":{"n":3,"sum":0.3,"sum_sq":0.1}},"values":{"article:x":[0.1,0.2]}}`, false},
		{`{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.3,"sum_sq":0.1}},"values":{"article:x":[0.2,0.1]}}`, false},
		{`{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.3,"sum_sq":0.1}},"values":{"article:x":[0.1,0.2000000000000001]}}`, false},
		{`{"documents":3,"articles":{"loaded_rate":{"n":3,"sum":0.3,"sum_sq":0.1}}}`, false},
	} {
		problems, _, _ := diff(tc.doc, base)
		if (len(problems) == 0) != tc.ok {
			t.Errorf("%s: problems %v, want ok=%v", tc.doc, problems, tc.ok)
		}
	}
}

// A mistyped input path fails the job rather than writing empty profiles.
func TestPipelineNoInputFiles(t *testing.T) {
	dir := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Job{Input: filepath.Join(dir, "nosuch.jsonl"), Profiles: filepath.Join(dir, "p.json")}, WithoutPOS()); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err == nil || !strings.Contains(err.Error(), "no files matching") {
		t.Fatalf("got %v, want a no-match error", err)
	}
}
