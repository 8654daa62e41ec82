package text_test

import (
	"context"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
)

// BlocksOf converts the cleaner's kept regions to text blocks.
func blocksOf(cl corpus.Cleaned) []text.Block {
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

// checkOffsets asserts the offset invariants on one document: tokens are in
// order, non-overlapping, inside a block, and their Norm is the folded text;
// sentences start and end on their first and last token.
func checkOffsets(t *testing.T, name string, doc *text.Document) {
	t.Helper()
	prev := 0
	bi := 0
	for i, tk := range doc.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(doc.Text) {
			t.Fatalf("%s: token %d [%d,%d) out of order or empty", name, i, tk.Start, tk.End)
		}
		for bi < len(doc.Blocks) && doc.Blocks[bi].End < tk.End {
			bi++
		}
		if bi == len(doc.Blocks) || tk.Start < doc.Blocks[bi].Start {
			t.Fatalf("%s: token %d [%d,%d) outside every block", name, i, tk.Start, tk.End)
		}
		if (tk.Kind == text.Word || tk.Kind == text.Number) && tk.Norm != text.Fold(doc.TokenText(i)) {
			t.Fatalf("%s: token %d norm %q of %q", name, i, tk.Norm, doc.TokenText(i))
		}
		prev = tk.End
	}
	next := 0
	for i, s := range doc.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(doc.Tokens) {
			t.Fatalf("%s: sentence %d token range [%d,%d), want start %d", name, i, s.First, s.Last, next)
		}
		if s.Start != doc.Tokens[s.First].Start || s.End != doc.Tokens[s.Last-1].End {
			t.Fatalf("%s: sentence %d span [%d,%d) does not match its tokens", name, i, s.Start, s.End)
		}
		b := doc.Blocks[s.Block]
		if s.Start < b.Start || s.End > b.End {
			t.Fatalf("%s: sentence %d crosses its block", name, i)
		}
		next = s.Last
	}
	if next != len(doc.Tokens) {
		t.Fatalf("%s: %d tokens in no sentence", name, len(doc.Tokens)-next)
	}
}

func TestSeedOffsets(t *testing.T) {
	p, err := text.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	var c corpus.Cleaner
	n := 0
	_, err = corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		doc, err := p.Process(a.Text, blocksOf(c.CleanArticle(a)))
		if err != nil {
			return err
		}
		checkOffsets(t, a.ID, doc)
		for i, s := range doc.Sentences {
			// No sentence of the seeds ends inside an abbreviation such as
			// U.S. or after a bare title like Mr.
			last := doc.TokenText(s.Last - 1)
			if last == "Mr." || last == "Dr." || (last == "U.S." && i+1 < len(doc.Sentences) && doc.Sentences[i+1].Block == s.Block) {
				t.Errorf("%s: sentence %d ends at %q: %q", a.ID, i, last, doc.SentenceText(i))
			}
		}
		n += len(doc.Sentences)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d sentences in the seeds", n)
	}
}
