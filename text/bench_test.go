package text_test

import (
	"context"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
)

type seedDoc struct {
	text   string
	blocks []text.Block
}

func seedDocs(b *testing.B) ([]seedDoc, int64) {
	b.Helper()
	var docs []seedDoc
	var n int64
	var c corpus.Cleaner
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		docs = append(docs, seedDoc{a.Text, blocksOf(c.CleanArticle(a))})
		n += int64(len(a.Text))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs, n
}

func benchPipeline(b *testing.B, opts ...text.Option) {
	docs, n := seedDocs(b)
	p, err := text.NewPipeline(opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.Process(d.text, d.blocks); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPipeline: tokens, sentences and offsets, no tagging.
func BenchmarkPipeline(b *testing.B) { benchPipeline(b, text.WithoutTagging()) }

// BenchmarkPipelinePunkt: the same with punkt deciding sentence ends (the
// splitter before Slant's rules), for the ratio in the same run.
func BenchmarkPipelinePunkt(b *testing.B) { benchPipeline(b, text.WithoutTagging(), text.WithPunkt()) }

// BenchmarkTokenize: our tokenizer alone over the same blocks, the floor
// the pipeline is measured against.
func BenchmarkTokenize(b *testing.B) {
	docs, n := seedDocs(b)
	b.SetBytes(n)
	b.ReportAllocs()
	var toks []text.Token
	for b.Loop() {
		for _, d := range docs {
			for _, bl := range d.blocks {
				toks = text.Tokenize(d.text, bl.Start, bl.End, toks[:0])
			}
		}
	}
}

// BenchmarkPipelinePOS: the same with prose's tagger, sentence by sentence.
func BenchmarkPipelinePOS(b *testing.B) { benchPipeline(b) }

// BenchmarkProseNewDocument is the baseline: prose's own NewDocument with the
// model reused (built once outside the timer), segmentation and tagging on,
// named-entity extraction off — the same work as BenchmarkPipelinePOS.
func BenchmarkProseNewDocument(b *testing.B) {
	docs, n := seedDocs(b)
	model := prose.ModelFromData("bench")
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := prose.NewDocument(d.text, prose.UsingModel(model), prose.WithExtraction(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkProseNewDocumentFull is prose's NewDocument with every step on
// (NER included), model reused.
func BenchmarkProseNewDocumentFull(b *testing.B) {
	docs, n := seedDocs(b)
	model := prose.ModelFromData("bench")
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := prose.NewDocument(d.text, prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
