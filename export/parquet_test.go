package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// analyseSeeds analyses the seed corpus without POS tagging.
func analyseSeeds(t testing.TB, workers int) ([]*framing.Result, string) {
	t.Helper()
	ctx := context.Background()
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var out []*framing.Result
	_, err = framing.Run(ctx, an, seeds.Corpus(ctx), framing.RunOptions{Workers: workers}, func(r *framing.Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 5 {
		t.Fatalf("%d seed results, want 5", len(out))
	}
	return out, an.Fingerprint()
}

var seedOnce struct {
	sync.Once
	results []*framing.Result
	lex     string
}

func seedResults(t testing.TB) ([]*framing.Result, string) {
	seedOnce.Do(func() { seedOnce.results, seedOnce.lex = analyseSeeds(t, 0) })
	return seedOnce.results, seedOnce.lex
}

// corpusWithPools is the seeds plus each seed again under a pooled outlet,
// so that some outlets hold several articles: "pool-a" gets three, "pool-b"
// two.
func corpusWithPools(t testing.TB) ([]*framing.Result, string) {
	rs, lex := seedResults(t)
	out := slices.Clone(rs)
	for i, r := range rs {
		c := *r
		c.ID = r.ID + "#pooled"
		c.Outlet = "pool-a"
		if i >= 3 {
			c.Outlet = "pool-b"
		}
		out = append(out, &c)
	}
	return out, lex
}

func write(t testing.TB, rs []*framing.Result, opt Options) (articles, sentences []byte) {
	t.Helper()
	var a, s bytes.Buffer
	w, err := NewWriter(&a, &s, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), s.Bytes()
}

// Rows as a reader sees them: a subset of the columns, read by name.
type articleRow struct {
	ID                  string             `parquet:"id"`
	Outlet              string             `parquet:"outlet"`
	Title               string             `parquet:"title"`
	Lexicons            string             `parquet:"lexicons"`
	Words               int64              `parquet:"words"`
	Tokens              int64              `parquet:"tokens"`
	Sentences           int64              `parquet:"sentences"`
	LoadedRate          float64            `parquet:"loaded_rate"`
	EditorializingIndex float64            `parquet:"editorializing_index"`
	CategoryHits        map[string]int64   `parquet:"category_hits"`
	OtherMeasures       map[string]float64 `parquet:"other_measures"`
	Meta                map[string]string  `parquet:"meta"`
}

type sentenceRow struct {
	ID             string  `parquet:"id"`
	Outlet         string  `parquet:"outlet"`
	Sentence       int64   `parquet:"sentence"`
	Start          int64   `parquet:"start_byte"`
	End            int64   `parquet:"end_byte"`
	Kind           string  `parquet:"kind"`
	Score          float64 `parquet:"score"`
	Attributed     bool    `parquet:"attributed"`
	Evaluative     bool    `parquet:"evaluative"`
	LoadedReporter float64 `parquet:"loaded_reporter"`
	QuoteShare     float64 `parquet:"quote_share"`
}

func readAll[T any](t testing.TB, b []byte) []T {
	t.Helper()
	rows, err := parquet.Read[T](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestPerOutletSumsMatchProfiles reads the files back and checks per-outlet
// figures against framing.Profiles built from the same results.
func TestPerOutletSumsMatchProfiles(t *testing.T) {
	rs, lex := corpusWithPools(t)
	ps := framing.NewProfiles("outlet", lex)
	for _, r := range rs {
		if err := ps.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	ab, sb := write(t, rs, Options{})
	arts := readAll[articleRow](t, ab)
	sents := readAll[sentenceRow](t, sb)
	if len(arts) != len(rs) {
		t.Fatalf("%d article rows, want %d", len(arts), len(rs))
	}

	type agg struct {
		docs, words, tokens, sentences int64
		loaded, ei                     float64
		hits                           map[string]float64
		scoreSum, loadedRep, quote     float64
		nSent                          float64
	}
	by := map[string]*agg{}
	get := func(o string) *agg {
		if by[o] == nil {
			by[o] = &agg{hits: map[string]float64{}}
		}
		return by[o]
	}
	for _, a := range arts {
		g := get(a.Outlet)
		g.docs++
		g.words += a.Words
		g.tokens += a.Tokens
		g.sentences += a.Sentences
		g.loaded += a.LoadedRate
		g.ei += a.EditorializingIndex
		for k, v := range a.CategoryHits {
			g.hits[k] += float64(v)
		}
		if a.Lexicons != lex {
			t.Errorf("%s: lexicons %q, want %q", a.ID, a.Lexicons, lex)
		}
	}
	for _, s := range sents {
		g := get(s.Outlet)
		g.scoreSum += s.Score
		g.loadedRep += s.LoadedReporter
		g.quote += s.QuoteShare
		g.nSent++
	}
	if got, want := len(by), len(ps.Keys()); got != want {
		t.Fatalf("%d outlets in the files, %d profiles", got, want)
	}
	for _, p := range ps.All() {
		g := by[p.Key()]
		if g == nil {
			t.Fatalf("outlet %q missing from the files", p.Key())
		}
		if g.docs != p.Documents || g.words != p.Words || g.tokens != p.Tokens || g.sentences != p.Sentences {
			t.Errorf("%s: docs/words/tokens/sentences %d/%d/%d/%d, profile %d/%d/%d/%d", p.Key(), g.docs, g.words, g.tokens, g.sentences, p.Documents, p.Words, p.Tokens, p.Sentences)
		}
		if float64(p.Sentences) != g.nSent {
			t.Errorf("%s: %v sentence rows, profile %d sentences", p.Key(), g.nSent, p.Sentences)
		}
		if m := p.Articles["loaded_rate"]; !near(g.loaded/float64(g.docs), m.Mean()) || !near(g.loaded, m.Sum) {
			t.Errorf("%s: mean loaded_rate %v, profile %v", p.Key(), g.loaded/float64(g.docs), m.Mean())
		}
		if m := p.Articles["editorializing_index"]; !near(g.ei, m.Sum) {
			t.Errorf("%s: Σ editorializing_index %v, profile %v", p.Key(), g.ei, m.Sum)
		}
		if m := p.SentenceMoments["score"]; !near(g.scoreSum, m.Sum) {
			t.Errorf("%s: Σ sentence score %v, profile %v", p.Key(), g.scoreSum, m.Sum)
		}
		if m := p.SentenceMoments["loaded_reporter"]; !near(g.loadedRep, m.Sum) {
			t.Errorf("%s: Σ loaded_reporter %v, profile %v", p.Key(), g.loadedRep, m.Sum)
		}
		if m := p.SentenceMoments["quote_share"]; !near(g.quote, m.Sum) {
			t.Errorf("%s: Σ sentence quote_share %v, profile %v", p.Key(), g.quote, m.Sum)
		}
		if len(g.hits) != len(p.CategoryHits) {
			t.Errorf("%s: %d categories with hits, profile %d", p.Key(), len(g.hits), len(p.CategoryHits))
		}
		for k, v := range p.CategoryHits {
			if g.hits[k] != v {
				t.Errorf("%s: category_hits[%s] %v, profile %v", p.Key(), k, g.hits[k], v)
			}
		}
	}
	// The Eastern Herald's loaded rate is the README's 7.820.
	if g := by[seeds.EasternHerald]; g == nil || math.Abs(g.loaded-7.82) > 0.001 {
		t.Errorf("Eastern Herald loaded_rate %+v", g)
	}
}

// TestRowsMatchResults checks every article and sentence row, column by
// column, against the results, reading the files with the generic
// map-valued reader (no Go struct describes the columns).
func TestRowsMatchResults(t *testing.T) {
	rs, _ := seedResults(t)
	ab, sb := write(t, rs, Options{})
	arts := readAll[articleRow](t, ab)
	sents := readAll[sentenceRow](t, sb)

	af, err := parquet.OpenFile(bytes.NewReader(ab), int64(len(ab)))
	if err != nil {
		t.Fatal(err)
	}
	measures := articleMeasures()
	vals := readColumns(t, af, measures)
	si := 0
	for i, r := range rs {
		a := arts[i]
		if a.ID != r.ID || a.Outlet != r.Outlet || a.Title != r.Title || a.Words != int64(r.Words) || a.Tokens != int64(r.Tokens) || a.Sentences != int64(len(r.Sentences)) {
			t.Errorf("article %d: %+v", i, a)
		}
		for _, m := range measures {
			if got := vals[m][i]; got != r.Measures[m] {
				t.Errorf("%s %s = %v, want %v", r.ID, m, got, r.Measures[m])
			}
		}
		// words and sentences measures are the INT64 columns.
		if r.Measures["words"] != float64(a.Words) || r.Measures["sentences"] != float64(a.Sentences) {
			t.Errorf("%s: words/sentences measures %v/%v, columns %d/%d", r.ID, r.Measures["words"], r.Measures["sentences"], a.Words, a.Sentences)
		}
		// Every other measure is in other_measures.
		for k, v := range r.Measures {
			if _, ok := vals[k]; ok || k == "words" || k == "sentences" {
				continue
			}
			if got, ok := a.OtherMeasures[k]; !ok || got != v {
				t.Errorf("%s: other_measures[%s] = %v, want %v", r.ID, k, got, v)
			}
		}
		if len(a.Meta) != len(r.Meta) {
			t.Errorf("%s: meta %v, want %v", r.ID, a.Meta, r.Meta)
		}
		for k, v := range r.Meta {
			if a.Meta[k] != v {
				t.Errorf("%s: meta[%s] = %q, want %q", r.ID, k, a.Meta[k], v)
			}
		}
		for j, s := range r.Sentences {
			row := sents[si]
			si++
			if row.ID != r.ID || row.Outlet != r.Outlet || row.Sentence != int64(j) || row.Start != int64(s.Start) || row.End != int64(s.End) ||
				row.Kind != s.Kind || row.Score != s.Score || row.Attributed != s.Attributed || row.Evaluative != s.Evaluative ||
				row.LoadedReporter != s.Features["loaded_reporter"] || row.QuoteShare != s.Features["quote_share"] {
				t.Errorf("%s sentence %d: %+v", r.ID, j, row)
			}
		}
	}
	if si != len(sents) {
		t.Errorf("%d sentence rows, results have %d sentences", len(sents), si)
	}
	sf, err := parquet.OpenFile(bytes.NewReader(sb), int64(len(sb)))
	if err != nil {
		t.Fatal(err)
	}
	feats := readColumns(t, sf, framing.FeatureNames)
	si = 0
	for _, r := range rs {
		for _, s := range r.Sentences {
			for _, f := range framing.FeatureNames {
				if got := feats[f][si]; got != s.Features[f] {
					t.Errorf("%s sentence %d %s = %v, want %v", r.ID, si, f, got, s.Features[f])
				}
			}
			si++
		}
	}
}

// readColumns reads the named DOUBLE columns of a file.
func readColumns(t testing.TB, f *parquet.File, names []string) map[string][]float64 {
	t.Helper()
	out := map[string][]float64{}
	for _, name := range names {
		leaf, ok := f.Schema().Lookup(name)
		if !ok {
			t.Fatalf("no column %q", name)
		}
		if k := leaf.Node.Type().Kind(); k != parquet.Double {
			t.Fatalf("column %q is %v, want DOUBLE", name, k)
		}
		for _, rg := range f.RowGroups() {
			pages := rg.ColumnChunks()[leaf.ColumnIndex].Pages()
			for {
				p, err := pages.ReadPage()
				if err != nil {
					break
				}
				vs := make([]parquet.Value, p.NumValues())
				n, _ := p.Values().ReadValues(vs)
				for _, v := range vs[:n] {
					out[name] = append(out[name], v.Double())
				}
				parquet.Release(p)
			}
			pages.Close()
		}
	}
	return out
}

func TestSchemaColumns(t *testing.T) {
	wantArticles := []string{"id", "outlet", "title", "published", "lexicons", "words", "tokens", "sentences"}
	for _, d := range framing.Measures {
		if d.Name != "words" && d.Name != "sentences" {
			wantArticles = append(wantArticles, d.Name)
		}
	}
	wantArticles = append(wantArticles, "category_hits", "other_measures", "meta")
	wantSentences := append([]string{"id", "outlet", "sentence", "start_byte", "end_byte", "kind", "score", "attributed", "evaluative"}, framing.FeatureNames...)

	ab, sb := write(t, nil, Options{})
	for _, tc := range []struct {
		file []byte
		want []string
		api  []string
	}{{ab, wantArticles, ArticleColumns()}, {sb, wantSentences, SentenceColumns()}} {
		f, err := parquet.OpenFile(bytes.NewReader(tc.file), int64(len(tc.file)))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, fld := range f.Schema().Fields() {
			got = append(got, fld.Name())
		}
		if !slices.Equal(got, tc.want) || !slices.Equal(tc.api, tc.want) {
			t.Errorf("columns\n got %v\napi %v\nwant %v", got, tc.api, tc.want)
		}
		for _, fld := range f.Schema().Fields() {
			if fld.Leaf() && !fld.Required() {
				t.Errorf("column %s is not required", fld.Name())
			}
		}
		if v, ok := f.Lookup("slant.export_schema"); !ok || v != SchemaVersion {
			t.Errorf("slant.export_schema = %q, %v", v, ok)
		}
	}
	// Types: measures and features DOUBLE, counts INT64, the maps MAP.
	s := ArticleSchema()
	for _, c := range []struct {
		name string
		kind parquet.Kind
	}{{"words", parquet.Int64}, {"tokens", parquet.Int64}, {"loaded_rate", parquet.Double}, {"editorializing_index", parquet.Double}, {"id", parquet.ByteArray}} {
		leaf, ok := s.Lookup(c.name)
		if !ok || leaf.Node.Type().Kind() != c.kind {
			t.Errorf("article column %s: %v", c.name, leaf.Node)
		}
	}
	for _, name := range []string{"category_hits", "other_measures", "meta"} {
		for _, f := range s.Fields() {
			if f.Name() == name && f.Type().String() != "MAP" {
				t.Errorf("%s is not a MAP: %s", name, f)
			}
		}
	}
	ss := SentenceSchema()
	for _, c := range []struct {
		name string
		kind parquet.Kind
	}{{"sentence", parquet.Int64}, {"start_byte", parquet.Int64}, {"score", parquet.Double}, {"attributed", parquet.Boolean}, {"loaded_reporter", parquet.Double}} {
		leaf, ok := ss.Lookup(c.name)
		if !ok || leaf.Node.Type().Kind() != c.kind {
			t.Errorf("sentence column %s: %v", c.name, leaf.Node)
		}
	}
}

// TestDeterministic: two independent analyses of the seeds (one worker,
// three workers) write byte-identical files.
func TestDeterministic(t *testing.T) {
	r1, _ := analyseSeeds(t, 1)
	r2, _ := analyseSeeds(t, 3)
	opt := Options{Metadata: map[string]string{"b": "2", "a": "1", "c": "3"}}
	a1, s1 := write(t, r1, opt)
	a2, s2 := write(t, r2, opt)
	if !bytes.Equal(a1, a2) {
		t.Error("articles files differ between runs")
	}
	if !bytes.Equal(s1, s2) {
		t.Error("sentences files differ between runs")
	}
	// Small row groups are deterministic too.
	small := Options{ArticlesPerRowGroup: 2, SentencesPerRowGroup: 7}
	a3, s3 := write(t, r1, small)
	a4, s4 := write(t, r2, small)
	if !bytes.Equal(a3, a4) || !bytes.Equal(s3, s4) {
		t.Error("files with small row groups differ between runs")
	}
}

// TestEmpty: no results still gives valid files with the schema.
func TestEmpty(t *testing.T) {
	ab, sb := write(t, nil, Options{})
	for name, b := range map[string][]byte{"articles": ab, "sentences": sb} {
		f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.NumRows() != 0 {
			t.Errorf("%s: %d rows", name, f.NumRows())
		}
		if len(f.Schema().Fields()) < 10 {
			t.Errorf("%s: schema %v", name, f.Schema())
		}
	}
	if rows := readAll[articleRow](t, ab); len(rows) != 0 {
		t.Errorf("%d rows read from an empty file", len(rows))
	}
}

// TestStreaming: with small row groups the files get several row groups,
// and every row group but the last reaches the io.Writer before Close, less
// at most the 32 KiB write buffer (the last row group, the page indexes and
// the footer wait for Close).
func TestStreaming(t *testing.T) {
	seedsRs, _ := seedResults(t)
	var rs []*framing.Result
	for i := 0; i < 200; i++ {
		for _, r := range seedsRs {
			c := *r
			c.ID = fmt.Sprintf("%s#%d", r.ID, i)
			rs = append(rs, &c)
		}
	}
	const perArticles, perSentences = 64, 2000
	var a, s bytes.Buffer
	w, err := NewWriter(&a, &s, Options{ArticlesPerRowGroup: perArticles, SentencesPerRowGroup: perSentences})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	beforeA, beforeS := a.Len(), s.Len()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	na, ns := w.Counts()
	af, err := parquet.OpenFile(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	sf, err := parquet.OpenFile(bytes.NewReader(s.Bytes()), int64(s.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(af.RowGroups()), int((na+perArticles-1)/perArticles); got != want || af.NumRows() != na || na != int64(len(rs)) {
		t.Errorf("articles: %d row groups, %d rows; want %d, %d", got, af.NumRows(), want, na)
	}
	if got, want := len(sf.RowGroups()), int((ns+perSentences-1)/perSentences); got != want || sf.NumRows() != ns {
		t.Errorf("sentences: %d row groups, %d rows; want %d, %d", got, sf.NumRows(), want, ns)
	}
	for _, c := range []struct {
		name   string
		f      *parquet.File
		before int
	}{{"articles", af, beforeA}, {"sentences", sf, beforeS}} {
		last := lastRowGroupStart(c.f)
		if last < 2*32768 {
			t.Fatalf("%s: last row group starts at %d: corpus too small for the test", c.name, last)
		}
		t.Logf("%s: %d bytes written before Close; last row group starts at %d", c.name, c.before, last)
		if int64(c.before) < last-32768 {
			t.Errorf("%s: %d bytes written before Close, but the row groups before the last end at %d: rows were held back", c.name, c.before, last)
		}
	}
	for _, rg := range af.RowGroups() {
		if rg.NumRows() > perArticles {
			t.Errorf("row group of %d articles", rg.NumRows())
		}
	}
	// Multi-row-group files read back whole and in order.
	got := readAll[articleRow](t, a.Bytes())
	if len(got) != len(rs) {
		t.Fatalf("%d rows read, want %d", len(got), len(rs))
	}
	for i, r := range got {
		if r.ID != rs[i].ID || r.Words != int64(rs[i].Words) {
			t.Fatalf("row %d: %s, want %s", i, r.ID, rs[i].ID)
		}
	}
	if sents := readAll[sentenceRow](t, s.Bytes()); int64(len(sents)) != ns {
		t.Errorf("%d sentence rows read, want %d", len(sents), ns)
	}
}

// lastRowGroupStart is the file offset of the last row group's first page.
func lastRowGroupStart(f *parquet.File) int64 {
	rgs := f.Metadata().RowGroups
	start := int64(-1)
	for _, c := range rgs[len(rgs)-1].Columns {
		for _, off := range []int64{c.MetaData.DataPageOffset, c.MetaData.DictionaryPageOffset} {
			if off > 0 && (start < 0 || off < start) {
				start = off
			}
		}
	}
	return start
}

func TestOneTableAndClose(t *testing.T) {
	rs, _ := seedResults(t)
	var s bytes.Buffer
	w, err := NewWriter(nil, &s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := w.Add(rs[0]); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close: %v", err)
	}
	rows := readAll[sentenceRow](t, s.Bytes())
	n := 0
	for _, r := range rs {
		n += len(r.Sentences)
	}
	if len(rows) != n {
		t.Errorf("%d sentence rows, want %d", len(rows), n)
	}
}

func TestCategoryHitsSortedInFile(t *testing.T) {
	rs, _ := seedResults(t)
	ab, _ := write(t, rs[:1], Options{})
	f, err := parquet.OpenFile(bytes.NewReader(ab), int64(len(ab)))
	if err != nil {
		t.Fatal(err)
	}
	leaf, ok := f.Schema().Lookup("category_hits", "key_value", "key")
	if !ok {
		t.Fatal("no category_hits.key_value.key")
	}
	pages := f.RowGroups()[0].ColumnChunks()[leaf.ColumnIndex].Pages()
	defer pages.Close()
	var keys []string
	for {
		p, err := pages.ReadPage()
		if err != nil {
			break
		}
		vs := make([]parquet.Value, p.NumValues())
		n, _ := p.Values().ReadValues(vs)
		for _, v := range vs[:n] {
			keys = append(keys, v.String())
		}
	}
	if len(keys) == 0 || !sort.StringsAreSorted(keys) {
		t.Errorf("keys %v", keys)
	}
	if len(keys) != len(CategoryHits(rs[0])) {
		t.Errorf("%d keys, %d categories", len(keys), len(CategoryHits(rs[0])))
	}
}

func TestFileNames(t *testing.T) {
	for _, p := range []string{"out/seeds", "out/seeds.parquet"} {
		a, s := FileNames(p)
		if a != "out/seeds.articles.parquet" || s != "out/seeds.sentences.parquet" {
			t.Errorf("%s: %s %s", p, a, s)
		}
	}
}

// TestPublishedColumn: the articles table carries each article's date (the
// day alone, RFC 3339 with a time of day, empty when unknown), so rows can
// be grouped by period without a join.
func TestPublishedColumn(t *testing.T) {
	ctx := context.Background()
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var rs []*framing.Result
	for i, date := range []time.Time{
		time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 8, 21, 14, 30, 0, 0, time.FixedZone("", 2*3600)),
		{},
	} {
		r, err := an.Analyze(ctx, &corpus.Article{ID: fmt.Sprint("a", i), Outlet: "AP", Published: date, Text: "Officials said the talks went well."})
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	ab, _ := write(t, rs, Options{})
	type row struct {
		ID        string `parquet:"id"`
		Published string `parquet:"published"`
	}
	got := readAll[row](t, ab)
	want := []string{"2025-08-20", "2025-08-21T14:30:00+02:00", ""}
	if len(got) != len(want) {
		t.Fatalf("%d rows", len(got))
	}
	for i, r := range got {
		if r.Published != want[i] {
			t.Errorf("%s: published %q, want %q", r.ID, r.Published, want[i])
		}
	}
}
