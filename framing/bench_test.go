package framing

import (
	"context"
	"os"
	"testing"

	"github.com/slantlab/slant/corpus"
)

// BenchmarkAnalyzeAllSides runs the full analysis without POS on the first
// 300 articles of the AllSides sample (skipped when absent).
func BenchmarkAnalyzeAllSides(b *testing.B) { benchAllSides(b, WithoutPOS()) }

// BenchmarkAnalyzeAllSidesPOS is the same with part-of-speech tagging.
func BenchmarkAnalyzeAllSidesPOS(b *testing.B) { benchAllSides(b) }

func benchAllSides(b *testing.B, opts ...Option) {
	f, err := os.Open("../../shared/eval/allsides_baly2020_sample.jsonl")
	if err != nil {
		b.Skip("../shared/eval absent")
	}
	defer f.Close()
	var arts []*corpus.Article
	var n int64
	for a, err := range corpus.JSONL(context.Background(), f, corpus.RecordOptions{}) {
		if err == nil {
			arts = append(arts, a)
			n += int64(len(a.Text))
		}
		if len(arts) == 300 {
			break
		}
	}
	an, err := NewAnalyzer(opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		words := 0
		for _, a := range arts {
			r, err := an.Analyze(context.Background(), a)
			if err != nil {
				b.Fatal(err)
			}
			words += r.Words
		}
		b.ReportMetric(float64(words), "words/op")
	}
}
