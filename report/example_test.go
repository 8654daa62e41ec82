package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/slantlab/slant/seeds"
)

// Example analyses the bundled seed articles, compares every outlet with
// AP and writes the HTML report and the CSV exports.
func Example() {
	ctx := context.Background()
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	var results []*framing.Result
	st, err := corpus.Tally(seeds.Corpus(ctx), func(a *corpus.Article) error {
		r, err := an.Analyze(ctx, a)
		if err != nil {
			return err
		}
		results = append(results, r)
		return ps.Add(r)
	})
	if err != nil {
		panic(err)
	}
	opt := framing.CompareOptions{Bootstrap: 200, Seed: 1}
	cmps, err := framing.CompareEach(ps, seeds.AP, opt)
	if err != nil {
		panic(err)
	}
	d := &report.Data{
		Corpus: report.NewCorpusStats(st, results), Results: results, Profiles: ps,
		Reference: seeds.AP, Comparisons: cmps, Lexicons: an.Lexicons(), Weights: an.Weights(), Compare: opt,
	}
	dir, err := os.MkdirTemp("", "slant-report")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	f, err := os.Create(filepath.Join(dir, "report.html"))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := report.HTML(f, d); err != nil {
		panic(err)
	}
	paths, err := report.CSV(filepath.Join(dir, "csv"), d)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d articles, %d comparisons\n", len(results), len(cmps))
	for _, p := range paths {
		fmt.Println(filepath.Base(p))
	}
	// Output:
	// 5 articles, 4 comparisons
	// articles.csv
	// sentences.csv
	// evidence.csv
	// comparisons.csv
	// terms.csv
}
