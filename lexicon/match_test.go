package lexicon

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
)

const testLexicon = `
name: test
version: 0.0.1
description: hand-made cases with known answers
licence: CC0-1.0
curator: tests
references:
  - {id: r, citation: "Test reference"}
categories:
  - id: t.loaded
    label: Loaded
    description: loaded words
    construct: loaded_language
    weight: 0.5
    references: [r]
    entries:
      - {term: regime, weight: 0.7}
      - {term: puppet, match: stem}
      - {term: "militar*", match: glob}
      - {term: "*phobic", match: glob}
      - {term: friendly, compounds: true}
      - {term: double standards}
      - {term: standards}
      - {term: tax regime, shadow: true}
  - id: t.moral
    label: Moral
    description: overlaps t.loaded on purpose (same construct)
    construct: loaded_language
    references: [r]
    entries:
      - {term: double standards, weight: 0.9}
      - {term: genocide}
  - id: t.contested
    label: Contested
    description: phrases
    construct: contested
    references: [r]
    entries:
      - {term: special military operation, attrs: {side: russian-state}}
      - {term: military operation, attrs: {side: neutral}}
      - {term: Kiev, attrs: {side: russian-state}}
      - {term: Kyiv, attrs: {side: ukrainian-western}}
  - id: t.attr
    label: Attribution
    description: apostrophes and clitics
    construct: report_neutral
    references: [r]
    entries:
      - {term: according to}
      - {term: "Russia's", note: possessive as one entry}
      - {term: "don't"}
      - {term: US, attrs: {case: upper}, compounds: true}
  - id: t.first
    label: First person
    description: case-lower pronoun
    construct: first_person
    references: [r]
    entries:
      - {term: us, attrs: {case: lower}}
`

func compileTest(t *testing.T) *Matcher {
	t.Helper()
	l, err := Parse("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	return compileLexicons(t, l)
}

// compileLexicons compiles a matcher over lexs, failing the test on error.
func compileLexicons(t *testing.T, lexs ...*Lexicon) *Matcher {
	t.Helper()
	set, err := NewSet(lexs...)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func hitsOf(t *testing.T, m *Matcher, src string) []string {
	t.Helper()
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.Process(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range m.Match(doc) {
		if got := src[h.Start:h.End]; got != src[doc.Tokens[h.First].Start:doc.Tokens[h.Last-1].End] && !h.Part {
			t.Errorf("hit span %q does not match its tokens", got)
		}
		out = append(out, h.Category.ID+":"+src[h.Start:h.End])
	}
	return out
}

func TestMatcherKnownAnswers(t *testing.T) {
	m := compileTest(t)
	tests := []struct{ in, want string }{
		// longest match wins inside a construct; across constructs both count
		{"the special military operation began", "t.contested:special military operation t.loaded:military"},
		{"a military operation", "t.contested:military operation t.loaded:military"},
		// nested entries in two categories of one construct count once (first category wins)
		{"their double standards show", "t.loaded:double standards"},
		{"standards rose", "t.loaded:standards"},
		// stems, globs, case folding
		{"Puppets of the REGIME", "t.loaded:Puppets t.loaded:REGIME"},
		{"to militarize, militarized, militarism", "t.loaded:militarize t.loaded:militarized t.loaded:militarism"},
		{"Russophobic rhetoric", "t.loaded:Russophobic"},
		// hyphenated compounds: by parts only where the entry says so
		{"Orbán’s Kremlin-friendly rhetoric", "t.loaded:friendly"},
		{"a regime-change plan", ""},
		// curly and straight apostrophes match alike, phrases across tokens
		{"According to Russia’s envoy", "t.attr:According to t.attr:Russia’s"},
		{"Russia's envoy said they don’t agree", "t.attr:Russia's t.attr:don’t"},
		// case: upper
		{"the US said; let us go", "t.attr:US t.first:us"},
		{"Us and US", "t.attr:US"},
		{"Kiev or Kyiv", "t.contested:Kiev t.contested:Kyiv"},
		{"genocide", "t.moral:genocide"},
		// a shadow entry consumes its tokens but is not reported
		{"the tax regime and the regime", "t.loaded:regime"},
		// case rules hold on compound parts too
		{"US-led and us-versus-them", "t.attr:US"},
		// invisible characters inside words do not hide them (issue 17
		// item 7); the hit's span still covers the original bytes
		{"Puppets of the RE\u00adGIME", "t.loaded:Puppets t.loaded:RE\u00adGIME"},
		{"the spe\u200bcial mili\u200dtary oper\u2060ation began", "t.contested:spe\u200bcial mili\u200dtary oper\u2060ation t.loaded:mili\u200dtary"},
		{"geno\ufeffcide", "t.moral:geno\ufeffcide"},
	}
	for _, tc := range tests {
		got := strings.Join(hitsOf(t, m, tc.in), " ")
		if got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestMatcherWeights(t *testing.T) {
	m := compileTest(t)
	p, _ := text.NewPipeline(text.WithoutTagging())
	src := "regime puppet genocide"
	doc, _ := p.Process(src, nil)
	var ws []float64
	for _, h := range m.Match(doc) {
		ws = append(ws, h.Weight)
	}
	if len(ws) != 3 || ws[0] != 0.7 || ws[1] != 0.5 || ws[2] != 1 {
		t.Fatalf("weights %v, want [0.7 0.5 1]", ws)
	}
}

// TestRootIndexRefill matches the seeds with the default lexicons through
// one matcher that merges its new norms into the root index after every
// document and starts the index afresh each time (limit 1, batch 1), and
// one with the default limits, each seed twice and in turn, so that every
// document meets an index filled by others, then all of them again from
// four goroutines at once (run with -race), and through MatchAppend into
// one reused slice: the hits must be the same as a fresh matcher's on its
// first document.
func TestRootIndexRefill(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		t.Fatal(err)
	}
	var docs []*text.Document
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Process(a.Text, nil)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) != 5 {
		t.Fatalf("%d seed documents, want 5", len(docs))
	}
	small, err := Compile(set, p.Stemmer())
	if err != nil {
		t.Fatal(err)
	}
	small.rootLimit, small.rootBatch = 1, 1
	kept, err := Compile(set, p.Stemmer())
	if err != nil {
		t.Fatal(err)
	}
	render := func(doc *text.Document, hs []Hit) string {
		var b strings.Builder
		for _, h := range hs {
			fmt.Fprintf(&b, "%s %d-%d %q %v|", h.Category.ID, h.Start, h.End, doc.Text[h.Start:h.End], h.Part)
		}
		return b.String()
	}
	var want []string
	total := 0
	for _, doc := range docs {
		fresh, err := Compile(set, nil)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, render(doc, fresh.Match(doc)))
		total += len(fresh.Match(doc))
	}
	if total == 0 {
		t.Fatal("no hits on the seeds")
	}
	var buf []Hit // MatchAppend into one reused slice, holding the last seed's hits
	for round := range 2 {
		for i, doc := range docs {
			buf = kept.MatchAppend(buf, doc)
			if got := render(doc, buf); got != want[i] {
				t.Errorf("round %d seed %d: MatchAppend into a used slice gives\n%s\nwant\n%s", round, i, got, want[i])
			}
			if got := render(doc, small.Match(doc)); got != want[i] {
				t.Errorf("round %d seed %d: index renewed after each document gives\n%s\nwant\n%s", round, i, got, want[i])
			}
			if got := render(doc, kept.Match(doc)); got != want[i] {
				t.Errorf("round %d seed %d: kept index gives\n%s\nwant\n%s", round, i, got, want[i])
			}
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*2*len(docs))
	for g := range 4 {
		wg.Go(func() {
			for k := range 2 * len(docs) {
				i := (k + g) % len(docs)
				for _, m := range []*Matcher{small, kept} {
					if got := render(docs[i], m.Match(docs[i])); got != want[i] {
						errs <- fmt.Sprintf("goroutine %d seed %d: got %s", g, i, got)
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
