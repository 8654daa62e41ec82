package report

import (
	"context"
	"sync"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// seedData analyses the embedded seeds once (without POS tagging, for
// speed) and builds the report data with AP as the reference.
var seedData = sync.OnceValues(func() (*Data, error) {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		return nil, err
	}
	return dataFor(an, seeds.Corpus(context.Background()), seeds.AP)
})

func dataFor(an *framing.Analyzer, seq func(func(*corpus.Article, error) bool), reference string) (*Data, error) {
	ctx := context.Background()
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	var rs []*framing.Result
	st, err := corpus.Tally(seq, func(a *corpus.Article) error {
		r, err := an.Analyze(ctx, a)
		if err != nil {
			return err
		}
		rs = append(rs, r)
		return ps.Add(r)
	})
	if err != nil {
		return nil, err
	}
	opt := framing.CompareOptions{Bootstrap: 500, Seed: 1}
	var cmps []*framing.Comparison
	if len(ps.Keys()) > 1 {
		if cmps, err = framing.CompareEach(ps, reference, opt); err != nil {
			return nil, err
		}
	}
	return &Data{Version: "slant test", Command: "go test ./report", Corpus: NewCorpusStats(st, rs), Results: rs, Profiles: ps,
		Reference: reference, Comparisons: cmps, Lexicons: an.Lexicons(), Weights: an.Weights(), Compare: opt}, nil
}

func mustSeedData(t testing.TB) *Data {
	t.Helper()
	d, err := seedData()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
