package main

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/slantlab/slant/export"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// runWithExport runs the command line like run, with the export command
// registered (whether or not main.go registers it yet).
func runWithExport(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRoot(&out, &errb)
	if c, _, err := root.Find([]string{"export"}); err != nil || c.Name() != "export" {
		root.AddCommand(newExportCmd())
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK, out.String(), errb.String()
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage, out.String(), errb.String() + err.Error()
	}
	return exitAnalysis, out.String(), errb.String() + err.Error()
}

type pqArticle struct {
	ID         string           `parquet:"id"`
	Outlet     string           `parquet:"outlet"`
	Words      int64            `parquet:"words"`
	Sentences  int64            `parquet:"sentences"`
	LoadedRate float64          `parquet:"loaded_rate"`
	Hits       map[string]int64 `parquet:"category_hits"`
}

type pqSentence struct {
	ID     string  `parquet:"id"`
	Outlet string  `parquet:"outlet"`
	Score  float64 `parquet:"score"`
}

func readParquet[T any](t *testing.T, path string) ([]T, *parquet.File) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[T](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return rows, f
}

func TestExportParquetSeeds(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "seeds")
	code, _, errs := runWithExport(t, "export", "--no-pos", "--out", prefix)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "wrote 5 articles to "+prefix+".articles.parquet") {
		t.Errorf("stderr %q", errs)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"seeds.articles.parquet", "seeds.sentences.parquet"}) {
		t.Errorf("files %v (temporary files left behind?)", names)
	}
	arts, af := readParquet[pqArticle](t, prefix+".articles.parquet")
	sents, _ := readParquet[pqSentence](t, prefix+".sentences.parquet")

	in := &inputFlags{noPOS: true, quiet: true}
	ps, _, err := buildProfiles(context.Background(), &bytes.Buffer{}, in, nil, "outlet", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("%d article rows", len(arts))
	}
	words := map[string]int64{}
	loaded := map[string][]float64{}
	score := map[string]float64{}
	for _, a := range arts {
		words[a.Outlet] += a.Words
		loaded[a.Outlet] = append(loaded[a.Outlet], a.LoadedRate)
	}
	for _, s := range sents {
		score[s.Outlet] += s.Score
	}
	for _, p := range ps.All() {
		k := p.Key()
		var sum float64
		for _, v := range loaded[k] {
			sum += v
		}
		if words[k] != p.Words || math.Abs(sum/float64(len(loaded[k]))-p.Articles["loaded_rate"].Mean()) > 1e-9 || math.Abs(score[k]-p.SentenceMoments["score"].Sum) > 1e-9 {
			t.Errorf("%s: words %d (profile %d), loaded_rate mean %v (profile %v), Σ score %v (profile %v)", k, words[k], p.Words,
				sum/float64(len(loaded[k])), p.Articles["loaded_rate"].Mean(), score[k], p.SentenceMoments["score"].Sum)
		}
	}
	an, err := in.analyzer()
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"slant.lexicons": an.Fingerprint(), "slant.documents_read": "5", "slant.documents_skipped": "0", "slant.export_schema": export.SchemaVersion} {
		if got, ok := af.Lookup(key); !ok || got != want {
			t.Errorf("metadata %s = %q, want %q", key, got, want)
		}
	}
	if got := words[seeds.EasternHerald]; got != 422 {
		t.Errorf("Eastern Herald words %d, want 422", got)
	}
}

func TestExportParquetDeterministic(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a", "b"} {
		if code, _, errs := runWithExport(t, "export", "--no-pos", "--out", filepath.Join(dir, p)); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	for _, table := range []string{"articles", "sentences"} {
		a, _ := os.ReadFile(filepath.Join(dir, "a."+table+".parquet"))
		b, _ := os.ReadFile(filepath.Join(dir, "b."+table+".parquet"))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: runs differ (%d vs %d bytes)", table, len(a), len(b))
		}
	}
}

func TestExportParquetEmptyCorpus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, "out")
	if code, _, errs := runWithExport(t, "export", "--no-pos", "--out", prefix, empty); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	arts, af := readParquet[pqArticle](t, prefix+".articles.parquet")
	sents, sf := readParquet[pqSentence](t, prefix+".sentences.parquet")
	if len(arts) != 0 || len(sents) != 0 || af.NumRows() != 0 || sf.NumRows() != 0 {
		t.Errorf("%d articles, %d sentences", len(arts), len(sents))
	}
	if !slices.Equal(fieldNames(af), export.ArticleColumns()) || !slices.Equal(fieldNames(sf), export.SentenceColumns()) {
		t.Errorf("schemas of empty files: %v / %v", fieldNames(af), fieldNames(sf))
	}
}

func fieldNames(f *parquet.File) []string {
	var out []string
	for _, fld := range f.Schema().Fields() {
		out = append(out, fld.Name())
	}
	return out
}

func TestExportParquetUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "--no-pos"},
		{"export", "--no-pos", "--format", "csv", "--out", filepath.Join(dir, "x")},
	} {
		if code, _, errs := runWithExport(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", args, code, errs, exitUsage)
		}
	}
	// An unwritable destination is an analysis error, not a usage error.
	if code, _, _ := runWithExport(t, "export", "--no-pos", "--out", filepath.Join(dir, "missing", "x")); code != exitAnalysis {
		t.Errorf("missing directory: exit %d, want %d", code, exitAnalysis)
	}
	if _, err := newParquetOutput("", nil, &bytes.Buffer{}); err == nil {
		t.Error("empty prefix accepted")
	}
}

// TestParquetOutputAbort: a run that fails leaves no partial file and
// keeps the earlier output (the path analyze --format parquet takes).
func TestParquetOutputAbort(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "run")
	old := []byte("earlier output")
	if err := os.WriteFile(prefix+".articles.parquet", old, 0o644); err != nil {
		t.Fatal(err)
	}
	in := &inputFlags{noPOS: true, quiet: true}
	an, err := in.analyzer()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	p, err := newParquetOutput(prefix, an, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	failed := errors.New("stop")
	n := 0
	_, err = in.run(context.Background(), &stderr, an, nil, func(r *framing.Result) error {
		if n++; n == 3 {
			return failed
		}
		return p.write(r)
	})
	if !errors.Is(err, failed) {
		t.Fatalf("run: %v", err)
	}
	p.abort()
	p.abort() // idempotent
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "run.articles.parquet" {
		t.Errorf("files after abort: %v", entries)
	}
	if b, _ := os.ReadFile(prefix + ".articles.parquet"); !bytes.Equal(b, old) {
		t.Error("earlier output overwritten by a failed run")
	}
}
