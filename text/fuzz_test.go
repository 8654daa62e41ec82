package text_test

import (
	"testing"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/text"
)

func FuzzProcess(f *testing.F) {
	f.Add("Mr. Smith said “We’re ready.” The U.S.—and Europe—agreed on ~64,000 troops.\n\nKremlin-friendly rhetoric? Yes!")
	f.Add("‘’“”'\"-—–…")
	f.Add("a.b.c. d-e-f- -g don't n't 's")
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // corpus readers repair UTF-8 first
		}
		cl := corpus.Cleaner{}.Clean(src, "")
		doc, err := p.Process(src, blocksOf(cl))
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, "fuzz", doc)
		// The whole text as one block too.
		doc, err = p.Process(src, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, "fuzz-whole", doc)
	})
}
