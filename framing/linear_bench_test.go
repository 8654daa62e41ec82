package framing

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// Inputs for the linear-time benchmarks (issue 17 items 1 and 2). Each
// builds a document of about n bytes; analysing it must take time
// proportional to n, so ns/op divided by the size (or MB/s) stays flat from
// 100 KB to 4 MB.

// seedParagraphs returns the body paragraphs the cleaner keeps in the seed
// articles (furniture such as comment prompts would make the cleaner cut
// the rest of a document).
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	var paras []string
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		for _, r := range (corpus.Cleaner{}).CleanArticle(a).Body {
			if r.Kind == corpus.KindParagraph && r.End-r.Start > 40 {
				paras = append(paras, a.Text[r.Start:r.End])
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return paras
}

// variedProse shuffles the seeds' paragraphs (fixed seed) into a document of
// about n bytes, each paragraph numbered so that none repeats exactly.
func variedProse(tb testing.TB, n int) string {
	paras := seedParagraphs(tb)
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s (%d)\n\n", paras[rng.IntN(len(paras))], i)
	}
	return b.String()
}

// repeatedParagraphs repeats one quoted, attributed paragraph.
func repeatedParagraphs(n int) string {
	const p = "“We will not accept a so-called peace that rewards aggression,” the minister said, according to a statement from her office, as critics claimed the radical plan was a disaster.\n\n"
	return strings.Repeat(p, n/len(p)+1)
}

// nestedQuotes is issue 17's input: a sentence, then k opening and k
// closing curly quotes (6 bytes per pair).
func nestedQuotes(n int) string {
	k := n / 6
	return "The minister said so. " + strings.Repeat("“", k) + strings.Repeat("”", k)
}

// BenchmarkAnalyzeSize analyses documents of 100 KB, 1 MB and 4 MB of three
// shapes (varied prose, one paragraph repeated, deeply nested quotes)
// without part-of-speech tagging. Linear time shows as a flat MB/s.
func BenchmarkAnalyzeSize(b *testing.B) {
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		b.Fatal(err)
	}
	shapes := []struct {
		name string
		gen  func(int) string
	}{
		{"varied", func(n int) string { return variedProse(b, n) }},
		{"repeated", repeatedParagraphs},
		{"nested_quotes", nestedQuotes},
	}
	for _, sh := range shapes {
		for _, size := range []int{100 << 10, 1 << 20, 4 << 20} {
			doc := sh.gen(size)
			b.Run(fmt.Sprintf("%s/%dKB", sh.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := an.Analyze(context.Background(), &corpus.Article{ID: "bench", Text: doc}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
