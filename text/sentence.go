package text

import (
	"fmt"
	"sync"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// BlockKind says what a block of text is.
type BlockKind uint8

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	Title
	ListItem
)

// String returns the kind's name as used in JSON output.
func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Title:
		return "title"
	case ListItem:
		return "list_item"
	default:
		return "paragraph"
	}
}

// Block is a run of text that no sentence crosses: a paragraph, a heading, a
// list item or the title.
type Block struct {
	Span
	Kind BlockKind
}

// Sentence is a run of tokens inside one block. Tokens[First:Last] of the
// document are its tokens; Start and End are byte offsets into the original.
type Sentence struct {
	Start, End  int
	First, Last int // token index range, half-open
	Block       int // index of the block it belongs to
	Kind        BlockKind
}

// Span returns the sentence's byte range.
func (s Sentence) Span() Span { return Span{s.Start, s.End} }

// segmenter finds sentence ends inside a block. The punkt model of
// gopkg.in/neurosnap/sentences (the one prose uses) decides where sentences
// end; its boundaries are then snapped to our token boundaries, so a sentence
// always starts and ends on a token.
type segmenter struct {
	punkt *sentences.DefaultSentenceTokenizer
}

var loadPunkt = sync.OnceValues(func() (*sentences.DefaultSentenceTokenizer, error) {
	t, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("text: loading the English punkt model: %w", err)
	}
	return t, nil
})

// split appends the sentences of block b (whose tokens are toks[first:last])
// to dst.
func (s *segmenter) split(src string, b Block, bi int, toks []Token, first, last int, dst []Sentence) []Sentence {
	if first == last {
		return dst
	}
	if b.Kind != Paragraph {
		// Headings, titles and list items are one sentence each.
		return append(dst, Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last, Block: bi, Kind: b.Kind})
	}
	body := src[b.Start:b.End]
	cur := first
	for _, ps := range s.punkt.Tokenize(body) {
		end := b.Start + ps.End
		// The sentence ends with the last token that ends at or before end.
		k := cur
		for k < last && toks[k].End <= end {
			k++
		}
		if k == cur {
			continue
		}
		// A closing quote or bracket punkt left for the next sentence belongs here.
		for k < last && isCloser(toks[k].Norm) && closesHere(toks, cur, k) {
			k++
		}
		dst = append(dst, Sentence{Start: toks[cur].Start, End: toks[k-1].End, First: cur, Last: k, Block: bi, Kind: b.Kind})
		cur = k
	}
	if cur < last {
		dst = append(dst, Sentence{Start: toks[cur].Start, End: toks[last-1].End, First: cur, Last: last, Block: bi, Kind: b.Kind})
	}
	return dst
}

func isCloser(norm string) bool { return norm == `"` || norm == "'" || norm == ")" || norm == "]" }

// closesHere reports whether the quote or bracket at k closes one opened in
// toks[cur:k], by counting the marks of that kind.
func closesHere(toks []Token, cur, k int) bool {
	n := 0
	want := toks[k].Norm
	open := want
	if want == ")" {
		open = "("
	} else if want == "]" {
		open = "["
	}
	for i := cur; i < k; i++ {
		switch toks[i].Norm {
		case open:
			n++
		case want:
			n--
		}
	}
	if open == want {
		return n%2 == 1
	}
	return n > 0
}
