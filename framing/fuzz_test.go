package framing

import (
	"context"
	"strings"
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

// FuzzVoices: the voice finder (quote pairing, speakers, reported speech)
// never panics and its output is consistent: quotes lie inside the text
// and nest or are disjoint, every token marked Quote lies inside a quote
// whose index it carries, every Reported token carries a valid attribution
// in its own sentence (or in a sentence ending with a colon right before
// its paragraph), and attributions point at reporting verbs outside quotes. Seeds in testdata/fuzz/FuzzVoices include issue 17's nested
// quotes, which took quadratic time.
func FuzzVoices(f *testing.F) {
	f.Add("The minister said so. " + strings.Repeat("“", 50) + strings.Repeat("”", 50))
	f.Add("“We will not,” he said. “Never.\n\n“Not now,” she added, according to a statement from her office.")
	f.Add("Officials said the plan, which critics called “reckless”, was described as a sham by analysts.")
	f.Add("'Single 'nested' quotes' and the allies' plan\" said \"")
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		doc, err := an.pipeline.Process(s, lineBlocks(s))
		if err != nil {
			t.Fatal(err)
		}
		v := findVoices(doc, an.matcher.Match(doc), nil)
		if len(v.quotes) != len(v.quoteTok) {
			t.Fatalf("%d quotes, %d token ranges", len(v.quotes), len(v.quoteTok))
		}
		for qi, q := range v.quoteTok {
			if q[0] < 0 || q[1] > len(doc.Tokens) || q[0] >= q[1] {
				t.Fatalf("quote %d: token range %v", qi, q)
			}
			qs := v.quotes[qi]
			if qs.Start < 0 || qs.End > len(s) || qs.Start > qs.End {
				t.Fatalf("quote %d: span %+v", qi, qs)
			}
			if qi > 0 {
				p := v.quoteTok[qi-1]
				if q[0] < p[0] || q[0] == p[0] && q[1] > p[1] {
					t.Fatalf("quotes %d %v and %d %v out of order", qi-1, p, qi, q)
				}
			}
		}
		// Nest or disjoint: a sweep with a stack of open quotes.
		var open [][2]int
		for _, q := range v.quoteTok {
			for len(open) > 0 && open[len(open)-1][1] <= q[0] {
				open = open[:len(open)-1]
			}
			if len(open) > 0 && q[1] > open[len(open)-1][1] {
				t.Fatalf("quote %v overlaps %v", q, open[len(open)-1])
			}
			open = append(open, q)
		}
		for i, vo := range v.tok {
			k := v.speaker[i]
			switch vo {
			case Quote:
				if k < 0 || k >= len(v.quoteTok) || i < v.quoteTok[k][0] || i >= v.quoteTok[k][1] {
					t.Fatalf("token %d marked Quote with quote %d", i, k)
				}
			case Reported:
				if k < 0 || k >= len(v.attrib) {
					t.Fatalf("token %d marked Reported with attribution %d", i, k)
				}
				as := doc.Sentences[v.attrib[k].sentence]
				inSentence := as.First <= i && i < as.Last
				// Or the paragraph after one ending "... said in a speech:".
				afterColon := doc.Tokens[as.Last-1].Norm == ":" && i >= as.Last &&
					doc.Sentences[sentenceOf(doc, i)].Block == doc.Sentences[sentenceOf(doc, as.Last)].Block
				if !inSentence && !afterColon {
					t.Fatalf("token %d marked Reported with attribution %d in sentence %d", i, k, v.attrib[k].sentence)
				}
			case Reporter:
				if k != -1 {
					t.Fatalf("reporter token %d has speaker %d", i, k)
				}
			}
		}
		for _, a := range v.attrib {
			if a.verb < 0 || a.verb >= len(doc.Tokens) || v.tok[a.verb] == Quote || !v.attributed[a.sentence] {
				t.Fatalf("attribution %+v", a)
			}
			if a.end > 0 && (a.start < 0 || a.end > len(s) || s[a.start:a.end] != a.speaker) {
				t.Fatalf("speaker span %+v", a)
			}
		}
	})
}
