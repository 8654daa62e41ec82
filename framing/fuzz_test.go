package framing

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
)

// FuzzAnalyze: no input panics the analyzer, and every evidence span,
// sentence and quote lies inside the text and matches it.
func FuzzAnalyze(f *testing.F) {
	f.Add("Headline\n\nThe regime’s “so-called” reforms are not a sham, officials said. Once again?!")
	f.Add("“unbalanced ‘nested “quotes” here")
	f.Add("According to , said said “” ‘’ -- US us U.S.")
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // readers repair UTF-8 before analysis
		}
		r, err := an.Analyze(context.Background(), &corpus.Article{ID: "fuzz", Text: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End || s[e.Start:e.End] != e.Text || e.Sentence >= len(r.Sentences) {
				t.Fatalf("bad evidence %+v", e)
			}
		}
		for _, q := range r.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("bad quote %+v", q)
			}
		}
		for _, sn := range r.Sentences {
			if sn.Start < 0 || sn.End > len(s) || sn.Start > sn.End || sn.Score <= 0 || sn.Score >= 1 {
				t.Fatalf("bad sentence %+v", sn)
			}
		}
	})
}
