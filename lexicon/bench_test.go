package lexicon_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
)

// allSidesPath is a sample of Baly et al.'s (EMNLP 2020) AllSides articles,
// the real-corpus workload; read at run time, never copied into the module.
const allSidesPath = "../../shared/eval/allsides_baly2020_sample.jsonl"

// allSidesN is how many AllSides articles the benchmarks use.
const allSidesN = 300

// benchCorpus is a set of texts processed once, outside the timers.
type benchCorpus struct {
	texts  []string
	blocks [][]text.Block // nil entries: the whole text is one paragraph
	docs   []*text.Document
	bytes  int64 // bytes of text inside the blocks
	tokens int
}

var benchPipeline = sync.OnceValues(func() (*text.Pipeline, error) {
	return text.NewPipeline(text.WithoutTagging())
})

func (c *benchCorpus) add(p *text.Pipeline, src string, blocks []text.Block) error {
	doc, err := p.Process(src, blocks)
	if err != nil {
		return err
	}
	c.texts = append(c.texts, src)
	c.blocks = append(c.blocks, blocks)
	c.docs = append(c.docs, doc)
	for _, bl := range doc.Blocks {
		c.bytes += int64(bl.Len())
	}
	c.tokens += len(doc.Tokens)
	return nil
}

// benchSeedBlocks converts the cleaner's kept regions to text blocks, so that page
// furniture copied with the seeds is not measured.
func benchSeedBlocks(cl corpus.Cleaned) []text.Block {
	kinds := map[corpus.RegionKind]text.BlockKind{corpus.KindTitle: text.Title, corpus.KindHeading: text.Heading, corpus.KindParagraph: text.Paragraph, corpus.KindListItem: text.ListItem}
	var bs []text.Block
	if cl.Title != nil {
		bs = append(bs, text.Block{Span: text.Span{Start: cl.Title.Start, End: cl.Title.End}, Kind: text.Title})
	}
	for _, r := range cl.Body {
		bs = append(bs, text.Block{Span: text.Span{Start: r.Start, End: r.End}, Kind: kinds[r.Kind]})
	}
	return bs
}

var benchSeeds = sync.OnceValues(func() (*benchCorpus, error) {
	p, err := benchPipeline()
	if err != nil {
		return nil, err
	}
	c := &benchCorpus{}
	_, err = corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		return c.add(p, a.Text, benchSeedBlocks(corpus.Cleaner{}.CleanArticle(a)))
	})
	if err == nil && len(c.docs) != 5 {
		err = fmt.Errorf("seeds: %d articles, want 5", len(c.docs))
	}
	return c, err
})

var errNoAllSides = errors.New("AllSides sample absent")

var benchAllSides = sync.OnceValues(func() (*benchCorpus, error) {
	f, err := os.Open(allSidesPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoAllSides
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := benchPipeline()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := &benchCorpus{}
	errEnough := errors.New("enough")
	_, err = corpus.Tally(corpus.JSONL(ctx, f, corpus.RecordOptions{Name: allSidesPath}), func(a *corpus.Article) error {
		if err := c.add(p, a.Text, nil); err != nil {
			return err
		}
		if len(c.docs) == allSidesN {
			return errEnough
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	return c, err
})

func loadBench(b *testing.B, load func() (*benchCorpus, error)) *benchCorpus {
	b.Helper()
	c, err := load()
	if errors.Is(err, errNoAllSides) {
		b.Skipf("%s not found (the shared evaluation folder is absent): skipping", allSidesPath)
	}
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// Synthetic lexicon sizes for the "large" variants.
const (
	synthWords   = 5000
	synthPhrases = 1000
)

// synthLexicon generates a lexicon of synthWords words and synthPhrases
// phrases from the vocabulary of docs: real words (so that lookups hit),
// derived forms that rarely occur (so that most lookups miss, as with a big
// imported dictionary), and two- and three-word phrases taken from the text.
// With globPercent > 0 that share of the words become prefix globs, as in a
// LIWC dictionary ("abandon*"). It is deterministic.
func synthLexicon(docs []*text.Document, globPercent int) *lexicon.Lexicon {
	vocab := map[string]bool{}
	phraseSet := map[string]bool{}
	for _, d := range docs {
		for i, tk := range d.Tokens {
			if tk.Kind != text.Word || len(tk.Norm) < 3 || strings.ContainsAny(tk.Norm, "'*") {
				continue
			}
			vocab[tk.Norm] = true
			if i+2 < len(d.Tokens) && d.Tokens[i+1].Kind == text.Word && d.Tokens[i+2].Kind == text.Word {
				n := 2 + i%2
				var ws []string
				for _, t := range d.Tokens[i : i+n] {
					ws = append(ws, t.Norm)
				}
				phraseSet[strings.Join(ws, " ")] = true
			}
		}
	}
	words := benchSortedKeys(vocab)
	phrases := benchSortedKeys(phraseSet)
	rng := rand.New(rand.NewPCG(2026, 1))
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	rng.Shuffle(len(phrases), func(i, j int) { phrases[i], phrases[j] = phrases[j], phrases[i] })

	// Half real words, the rest derived forms.
	seen := map[string]bool{}
	var terms []string
	for _, w := range words {
		if len(terms) == synthWords/2 {
			break
		}
		terms = append(terms, w)
		seen[w] = true
	}
	suffixes := []string{"ness", "ish", "ify", "ism", "ward", "ette", "ous", "able"}
	prefixes := []string{"un", "over", "anti", "pseudo", "mega", "re"}
	for i := 0; len(terms) < synthWords; i++ {
		w := words[i%len(words)]
		if i%2 == 0 {
			w += suffixes[rng.IntN(len(suffixes))]
		} else {
			w = prefixes[rng.IntN(len(prefixes))] + w
		}
		if !seen[w] && !vocab[w] {
			seen[w] = true
			terms = append(terms, w)
		}
	}

	l := &lexicon.Lexicon{Name: "synthetic", Version: "0", Licence: "CC0-1.0", Curator: "bench_test.go",
		References: []lexicon.Reference{{ID: "gen", Citation: "Generated in lexicon/bench_test.go"}}}
	newCat := func(i int) *lexicon.Category {
		c := &lexicon.Category{ID: fmt.Sprintf("synthetic.c%02d", i), Label: "synthetic", Construct: "imported",
			Weight: 1, References: []string{"gen"}, Lexicon: l.Name}
		l.Categories = append(l.Categories, c)
		return c
	}
	// 10 categories of 500 words, one of phrases.
	var c *lexicon.Category
	for i, w := range terms {
		if i%500 == 0 {
			c = newCat(i / 500)
		}
		e := &lexicon.Entry{Term: w}
		switch {
		case rng.IntN(100) < globPercent && len(w) > 4:
			e.Term, e.Match = w[:len(w)-2]+"*", lexicon.Glob
		case i%7 == 0:
			e.Match = lexicon.Stem
		}
		c.Entries = append(c.Entries, e)
	}
	c = newCat(99)
	for _, ph := range phrases[:min(synthPhrases, len(phrases))] {
		c.Entries = append(c.Entries, &lexicon.Entry{Term: ph})
	}
	return l
}

func benchSortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// benchMatchers returns the matchers compared: the default lexicons, and the
// defaults plus a synthetic lexicon without and with LIWC-style globs. vocab
// supplies the synthetic lexicons' words.
func benchMatchers(b *testing.B, vocab []*text.Document) []struct {
	name string
	m    *lexicon.Matcher
} {
	b.Helper()
	p, err := benchPipeline()
	if err != nil {
		b.Fatal(err)
	}
	def, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	var out []struct {
		name string
		m    *lexicon.Matcher
	}
	for _, v := range []struct {
		name string
		glob int // percent of synthetic words that are globs; -1: no synthetic lexicon
	}{{"default", -1}, {"large", 0}, {"large_globs", 15}} {
		set := def
		if v.glob >= 0 {
			if set, err = def.With(synthLexicon(vocab, v.glob)); err != nil {
				b.Fatal(err)
			}
		}
		m, err := lexicon.Compile(set, p.Stemmer())
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, struct {
			name string
			m    *lexicon.Matcher
		}{v.name, m})
	}
	return out
}

// benchMatch times Match over every document of c.
func benchMatch(b *testing.B, c *benchCorpus, m *lexicon.Matcher) {
	for _, d := range c.docs { // warm the stem cache, as a long run would
		m.Match(d)
	}
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	b.ResetTimer()
	hits := 0
	for b.Loop() {
		for _, d := range c.docs {
			hits += len(m.Match(d))
		}
	}
	benchReportTokens(b, c)
	if hits == 0 {
		b.Fatal("no hits")
	}
}

func benchReportTokens(b *testing.B, c *benchCorpus) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(c.tokens)*float64(b.N)/s, "tokens/s")
	}
}

// BenchmarkMatchSeeds times Match alone over the five seed articles (cleaned
// of page furniture, tokenized once outside the timer).
func BenchmarkMatchSeeds(b *testing.B) {
	c := loadBench(b, benchSeeds)
	for _, v := range benchMatchers(b, c.docs) {
		b.Run(v.name, func(b *testing.B) { benchMatch(b, c, v.m) })
	}
}

// BenchmarkMatchAllSides times Match alone over the first 300 articles of
// the AllSides sample. The synthetic lexicons take their words from the
// seeds, so most of their lookups miss on this corpus.
func BenchmarkMatchAllSides(b *testing.B) {
	c := loadBench(b, benchAllSides)
	s := loadBench(b, benchSeeds)
	for _, v := range benchMatchers(b, s.docs) {
		b.Run(v.name, func(b *testing.B) { benchMatch(b, c, v.m) })
	}
}

// BenchmarkTokenizeAllSides times the text pipeline without tagging
// (tokenization and sentence segmentation) over the same articles, so that
// the matcher's share of the work can be read off next to
// BenchmarkMatchAllSides.
func BenchmarkTokenizeAllSides(b *testing.B) {
	c := loadBench(b, benchAllSides)
	p, err := benchPipeline()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, src := range c.texts {
			if _, err := p.Process(src, c.blocks[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	benchReportTokens(b, c)
}

// BenchmarkTokenizeSeeds is BenchmarkTokenizeAllSides on the seeds.
func BenchmarkTokenizeSeeds(b *testing.B) {
	c := loadBench(b, benchSeeds)
	p, err := benchPipeline()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, src := range c.texts {
			if _, err := p.Process(src, c.blocks[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	benchReportTokens(b, c)
}

// benchProcessMatch runs the whole pipeline without tagging, Process then
// Match, on every document of c, timing the two steps separately within the
// same iterations; the "match/process" metric (Match time over Process time)
// is therefore robust to load on the machine.
func benchProcessMatch(b *testing.B, c *benchCorpus) {
	p, err := benchPipeline()
	if err != nil {
		b.Fatal(err)
	}
	def, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	m, err := lexicon.Compile(def, p.Stemmer())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.bytes)
	b.ReportAllocs()
	var proc, match time.Duration
	for b.Loop() {
		for i, src := range c.texts {
			t0 := time.Now()
			doc, err := p.Process(src, c.blocks[i])
			if err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			m.Match(doc)
			match += time.Since(t1)
			proc += t1.Sub(t0)
		}
	}
	benchReportTokens(b, c)
	if proc > 0 {
		b.ReportMetric(float64(match)/float64(proc), "match/process")
	}
}

// BenchmarkProcessMatchSeeds is text Process (no tagging) plus Match on the
// seeds, reporting the matcher's time relative to the pipeline's.
func BenchmarkProcessMatchSeeds(b *testing.B) { benchProcessMatch(b, loadBench(b, benchSeeds)) }

// BenchmarkProcessMatchAllSides is BenchmarkProcessMatchSeeds on the AllSides
// articles.
func BenchmarkProcessMatchAllSides(b *testing.B) {
	benchProcessMatch(b, loadBench(b, benchAllSides))
}
