package framing

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/slantlab/slant/corpus"
)

// allSidesArticles reads the first n articles of the AllSides sample,
// skipping the benchmark when it is absent.
func allSidesArticles(b *testing.B, n int) []*corpus.Article {
	b.Helper()
	f, err := os.Open("../../shared/eval/allsides_baly2020_sample.jsonl")
	if err != nil {
		b.Skip("../shared/eval absent")
	}
	defer f.Close()
	var arts []*corpus.Article
	for a, err := range corpus.JSONL(context.Background(), f, corpus.RecordOptions{}) {
		if err == nil {
			arts = append(arts, a)
		}
		if len(arts) == n {
			break
		}
	}
	return arts
}

// allSidesResults analyses the first n AllSides articles with an.
func allSidesResults(b *testing.B, an *Analyzer, n int) []*Result {
	b.Helper()
	var rs []*Result
	for _, a := range allSidesArticles(b, n) {
		r, err := an.Analyze(context.Background(), a)
		if err != nil {
			b.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

// BenchmarkAnalyzeAllSides runs the full analysis without POS on the first
// 300 articles of the AllSides sample (skipped when absent).
func BenchmarkAnalyzeAllSides(b *testing.B) { benchAllSides(b, WithoutPOS()) }

// BenchmarkAnalyzeAllSidesPOS is the same with part-of-speech tagging.
func BenchmarkAnalyzeAllSidesPOS(b *testing.B) { benchAllSides(b) }

func benchAllSides(b *testing.B, opts ...Option) {
	arts := allSidesArticles(b, 300)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
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

// BenchmarkProfileGrowth adds the first 300 AllSides articles' results to
// profiles by outlet once and four times over, and reports the profiles'
// encoded size (profile-bytes) and the heap they hold (live-bytes, after a
// GC): the state a profile keeps, which must not grow with the number of
// articles. Profiles keep distinct values with
// counts (up to ExactLimit, then a sketch) and bounded term counts, so the
// fourfold corpus, whose values and words repeat, encodes to the same size
// but for the counts; the old layout kept one float per unit and grew
// fourfold. `slant bench --corpus-repeat 4` shows the same for the whole
// process (README, Performance).
func BenchmarkProfileGrowth(b *testing.B) {
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		b.Fatal(err)
	}
	rs := allSidesResults(b, an, 300)
	for _, k := range []int{1, 4} {
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			var size int
			var live uint64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				ps := NewProfiles("outlet", an.Fingerprint())
				for range k {
					for _, r := range rs {
						if err := ps.Add(r); err != nil {
							b.Fatal(err)
						}
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				live = after.HeapAlloc - before.HeapAlloc
				size = 0
				for _, p := range ps.All() {
					bin, err := p.MarshalBinary()
					if err != nil {
						b.Fatal(err)
					}
					size += len(bin)
				}
			}
			b.ReportMetric(float64(size), "profile-bytes")
			b.ReportMetric(float64(live), "live-bytes")
		})
	}
}
