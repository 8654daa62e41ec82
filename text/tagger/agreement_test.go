package tagger_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
	"github.com/slantlab/slant/text/tagger"
)

// Agreement is the per-token agreement of a tagger with text.ProseTagger.
type Agreement struct {
	Tokens, Same int
	// SameShared counts the tokens that agree once our tags are passed
	// through proseShared, which reproduces a prose bug (see there).
	SameShared int
	Diffs      []Diff
}

// Diff is one token tagged differently.
type Diff struct {
	Words       []string // the sentence
	I           int      // the token
	Ours, Prose string
	Shared      bool // explained by prose's shared tokens: proseShared(ours)[I] == Prose
	Tie         bool // prose's algorithm met an exact tie here or earlier in the sentence
}

// Percent is the share of tokens with the same tag.
func (a Agreement) Percent() float64 { return percent(a.Same, a.Tokens) }

// PercentShared is the share of tokens with the same tag once prose's shared
// tokens are accounted for.
func (a Agreement) PercentShared() float64 { return percent(a.SameShared, a.Tokens) }

func percent(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

// CompareWithProse tags every sentence (our tokens, as the pipeline passes
// them) with ours and with text.ProseTagger and compares the tags token by
// token.
func CompareWithProse(tb testing.TB, ours text.Tagger, sentences [][]string) Agreement {
	tb.Helper()
	ref := text.NewProseTagger()
	var a Agreement
	for _, words := range sentences {
		got, err := ours.Tag(words)
		if err != nil {
			tb.Fatal(err)
		}
		want, err := ref.Tag(words)
		if err != nil {
			tb.Fatal(err)
		}
		if len(got) != len(words) || len(want) != len(words) {
			tb.Fatalf("%q: %d and %d tags for %d words", words, len(got), len(want), len(words))
		}
		shared := proseShared(words, got)
		var ties []bool
		for i := range words {
			a.Tokens++
			if shared[i] == want[i] {
				a.SameShared++
			}
			if got[i] == want[i] {
				a.Same++
			} else {
				if ties == nil {
					ties = tagger.TiedBefore(words)
				}
				a.Diffs = append(a.Diffs, Diff{Words: words, I: i, Ours: got[i], Prose: want[i], Shared: shared[i] == want[i], Tie: ties[i]})
			}
		}
	}
	return a
}

// proseSanitizer is what text.ProseTagger and prose's tokenizer do to the
// joined sentence.
var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// proseShared applies a prose v2.0.0 bug to tags of words as text.ProseTagger
// passes them to prose (joined with spaces): prose's tokenizer caches the
// tokens of each whitespace-separated span and appends the same *Token
// values again when the span recurs, so the tagger's writes to a recurring
// span's tokens overwrite each other and every occurrence reports the tag of
// the last one. The final span of the text is not cached. (The tagger's own
// context is unaffected: it keeps its previous tags in local variables.)
func proseShared(words, tags []string) []string {
	out := append([]string(nil), tags...)
	last := map[string]int{}
	for i := 0; i < len(words)-1; i++ {
		last[proseSanitizer.Replace(words[i])] = i
	}
	for i := 0; i < len(words)-1; i++ {
		out[i] = tags[last[proseSanitizer.Replace(words[i])]]
	}
	return out
}

// cause explains a difference, as far as can be told from outside prose:
//
//	shared    prose's shared-token bug (see proseShared)
//	untagged  prose left the word without a tag (it rewrote the token)
//	split     prose's tokenizer splits the word (e.g. "etc." → "etc" ".")
//	          or drops part of it ("O'Reilly" → "O"); ProseTagger reports
//	          the tag of the first part
//	context   a word prose splits or drops is within two tokens, so prose
//	          saw different neighbours
//	tie       prose met an exact tie between the best classes here or
//	          earlier in the sentence and broke it by map order; we take the
//	          class that sorts first
//	other     anything else
func cause(d Diff, splits func(string) bool) string {
	switch {
	case d.Shared:
		return "shared"
	case d.Prose == "":
		return "untagged"
	case splits(d.Words[d.I]):
		return "split"
	}
	for j := max(0, d.I-2); j <= min(len(d.Words)-1, d.I+2); j++ {
		if j != d.I && splits(d.Words[j]) {
			return "context"
		}
	}
	if d.Tie {
		return "tie"
	}
	return "other"
}

var splitCache sync.Map

// proseSplits reports whether prose's tokenizer does not make exactly one
// token of w, unchanged but for its sanitizer: it may split it ("etc." →
// "etc" "."), drop it, or drop part of it ("O'Reilly" → "O").
func proseSplits(w string) bool {
	if v, ok := splitCache.Load(w); ok {
		return v.(bool)
	}
	doc, err := prose.NewDocument(w, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	split := err != nil || len(doc.Tokens()) != 1 || doc.Tokens()[0].Text != proseSanitizer.Replace(w)
	splitCache.Store(w, split)
	return split
}

// report logs the agreement, the differences by cause and examples.
func report(t *testing.T, name string, a Agreement) {
	t.Helper()
	t.Logf("%s: %d of %d tokens tagged as text.ProseTagger does (%.3f%%); %d (%.3f%%) once prose's shared-token bug is applied to ours",
		name, a.Same, a.Tokens, a.Percent(), a.SameShared, a.PercentShared())
	byCause := map[string]int{}
	type key struct{ word, ours, prose, cause string }
	pairs := map[key]int{}
	examples := map[string][]string{}
	for _, d := range a.Diffs {
		c := cause(d, proseSplits)
		byCause[c]++
		pairs[key{d.Words[d.I], d.Ours, d.Prose, c}]++
		if len(examples[c]) < 3 {
			lo, hi := max(0, d.I-4), min(len(d.Words), d.I+5)
			ctx := strings.Join(d.Words[lo:d.I], " ") + " [" + d.Words[d.I] + "] " + strings.Join(d.Words[d.I+1:hi], " ")
			examples[c] = append(examples[c], fmt.Sprintf("%s: ours %s, prose %q", ctx, d.Ours, d.Prose))
		}
	}
	causes := make([]string, 0, len(byCause))
	for c := range byCause {
		causes = append(causes, c)
	}
	sort.Strings(causes)
	for _, c := range causes {
		t.Logf("  %-8s %5d  e.g. %s", c, byCause[c], strings.Join(examples[c], " | "))
	}
	keys := make([]key, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if pairs[keys[i]] != pairs[keys[j]] {
			return pairs[keys[i]] > pairs[keys[j]]
		}
		return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j])
	})
	var top []string
	for _, k := range keys[:min(len(keys), 12)] {
		top = append(top, fmt.Sprintf("%q %s/%s ×%d (%s)", k.word, k.ours, k.prose, pairs[k], k.cause))
	}
	if len(top) > 0 {
		t.Logf("  most frequent (word ours/prose): %s", strings.Join(top, ", "))
	}
}

// sentencesOf runs the pipeline without tagging over each text (blocks as
// given) and returns the token texts of every sentence.
func sentencesOf(tb testing.TB, docs []doc) [][]string {
	tb.Helper()
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]string
	for _, d := range docs {
		res, err := p.Process(d.text, d.blocks)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range res.Sentences {
			words := make([]string, 0, s.Last-s.First)
			for i := s.First; i < s.Last; i++ {
				words = append(words, res.TokenText(i))
			}
			out = append(out, words)
		}
	}
	return out
}

type doc struct {
	text   string
	blocks []text.Block
}

// seedDocs returns the seed articles with the cleaner's kept regions as
// blocks.
func seedDocs(tb testing.TB) []doc {
	tb.Helper()
	kinds := map[corpus.RegionKind]text.BlockKind{corpus.KindTitle: text.Title, corpus.KindHeading: text.Heading,
		corpus.KindParagraph: text.Paragraph, corpus.KindListItem: text.ListItem}
	var docs []doc
	var c corpus.Cleaner
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		cl := c.CleanArticle(a)
		var bs []text.Block
		if cl.Title != nil {
			bs = append(bs, text.Block{Span: text.Span{Start: cl.Title.Start, End: cl.Title.End}, Kind: text.Title})
		}
		for _, r := range cl.Body {
			bs = append(bs, text.Block{Span: text.Span{Start: r.Start, End: r.End}, Kind: kinds[r.Kind]})
		}
		docs = append(docs, doc{a.Text, bs})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// paragraphs makes one block of each non-blank line.
func paragraphs(s string) doc {
	d := doc{text: s}
	start := 0
	for start < len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if strings.TrimSpace(s[start:end]) != "" {
			d.blocks = append(d.blocks, text.Block{Span: text.Span{Start: start, End: end}, Kind: text.Paragraph})
		}
		start = end + 1
	}
	return d
}

func newTagger(tb testing.TB) *tagger.Tagger {
	tb.Helper()
	tg, err := tagger.New()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// TestSeedsAgreement: ≥ 99.5% of the seeds' tokens get text.ProseTagger's
// tag.
func TestSeedsAgreement(t *testing.T) {
	a := CompareWithProse(t, newTagger(t), sentencesOf(t, seedDocs(t)))
	report(t, "seeds", a)
	if a.PercentShared() < 99.5 {
		t.Errorf("agreement with prose on the seeds %.3f%% (%.3f%% raw), want ≥ 99.5%%", a.PercentShared(), a.Percent())
	}
}

// TestAllSidesAgreement: ≥ 99% on a slice of about 300 AllSides articles
// (every 24th; 40 under the race detector).
func TestAllSidesAgreement(t *testing.T) {
	n := 300
	if testing.Short() || tagger.RaceEnabled {
		n = 40
	}
	var docs []doc
	for _, s := range tagger.AllSidesTexts(t, 24, n) {
		docs = append(docs, paragraphs(s))
	}
	a := CompareWithProse(t, newTagger(t), sentencesOf(t, docs))
	report(t, fmt.Sprintf("AllSides (%d articles)", len(docs)), a)
	if a.PercentShared() < 99 {
		t.Errorf("agreement with prose on AllSides %.3f%% (%.3f%% raw), want ≥ 99%%", a.PercentShared(), a.Percent())
	}
}
