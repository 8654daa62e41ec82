package corpus_test

import (
	"context"
	"os"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// benchClean cleans every article of arts once per iteration.
func benchClean(b *testing.B, arts []*corpus.Article) {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var c corpus.Cleaner
	for b.Loop() {
		for _, a := range arts {
			c.Clean(a.Text, a.Title)
		}
	}
}

// BenchmarkCleanAllSides cleans the first 300 articles of the AllSides
// sample (skipped when absent): the furniture cleaner's share of the
// analysis (framing BenchmarkAnalyzeAllSides reads the same articles).
func BenchmarkCleanAllSides(b *testing.B) {
	f, err := os.Open(allSidesSample)
	if err != nil {
		b.Skip("AllSides sample not present (../shared/eval): ", err)
	}
	defer f.Close()
	var arts []*corpus.Article
	for a, err := range corpus.JSONL(context.Background(), f, corpus.RecordOptions{}) {
		if err == nil {
			arts = append(arts, a)
		}
		if len(arts) == 300 {
			break
		}
	}
	benchClean(b, arts)
}

// BenchmarkCleanSeeds cleans the five seed articles.
func BenchmarkCleanSeeds(b *testing.B) {
	var arts []*corpus.Article
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	benchClean(b, arts)
}
