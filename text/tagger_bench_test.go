package text_test

import (
	"context"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
	"github.com/slantlab/slant/text/tagger"
)

// taggerBenchSentences returns the token texts of every sentence of the
// seeds (cleaned, segmented by the pipeline without tagging) and their total
// length in bytes.
func taggerBenchSentences(b *testing.B) ([][]string, int64) {
	b.Helper()
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		b.Fatal(err)
	}
	kinds := map[corpus.RegionKind]text.BlockKind{corpus.KindTitle: text.Title, corpus.KindHeading: text.Heading,
		corpus.KindParagraph: text.Paragraph, corpus.KindListItem: text.ListItem}
	var sentences [][]string
	var n int64
	var c corpus.Cleaner
	_, err = corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		cl := c.CleanArticle(a)
		var bs []text.Block
		if cl.Title != nil {
			bs = append(bs, text.Block{Span: text.Span{Start: cl.Title.Start, End: cl.Title.End}, Kind: text.Title})
		}
		for _, r := range cl.Body {
			bs = append(bs, text.Block{Span: text.Span{Start: r.Start, End: r.End}, Kind: kinds[r.Kind]})
		}
		doc, err := p.Process(a.Text, bs)
		if err != nil {
			return err
		}
		for _, s := range doc.Sentences {
			var words []string
			for i := s.First; i < s.Last; i++ {
				words = append(words, doc.TokenText(i))
				n += int64(len(doc.TokenText(i)))
			}
			sentences = append(sentences, words)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return sentences, n
}

func benchTagger(b *testing.B, tg text.Tagger) {
	sentences, n := taggerBenchSentences(b)
	if _, err := tg.Tag(sentences[0]); err != nil { // load the model outside the timer
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, words := range sentences {
			if _, err := tg.Tag(words); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTaggerOurs tags the seeds' sentences with text/tagger.
func BenchmarkTaggerOurs(b *testing.B) {
	tg, err := tagger.New()
	if err != nil {
		b.Fatal(err)
	}
	benchTagger(b, tg)
}

// BenchmarkTaggerProse tags the same sentences with text.ProseTagger.
func BenchmarkTaggerProse(b *testing.B) { benchTagger(b, text.NewProseTagger()) }
