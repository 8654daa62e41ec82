package text_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/text"
)

// boundaries returns the sentence ends inside blocks (not at a block's end,
// which every splitter shares), each moved back over the quotes and
// brackets that end the sentence: which side of a boundary a straight quote
// falls on is a separate question from where the boundary is.
func boundaries(doc *text.Document) map[int]bool {
	out := map[int]bool{}
	for i, s := range doc.Sentences {
		if i+1 < len(doc.Sentences) && doc.Sentences[i+1].Block == s.Block {
			k := s.Last - 1
			for k > s.First && isQuoteOrBracket(doc.Tokens[k].Norm) {
				k--
			}
			out[doc.Tokens[k].End] = true
		}
	}
	return out
}

func isQuoteOrBracket(norm string) bool {
	switch norm {
	case `"`, "'", ")", "]", "(", "[":
		return true
	}
	return false
}

// TestSegmenterAgreesWithPunkt measures how often Slant's rule-based
// sentence splitter and punkt (the model prose uses) put a boundary at the
// same place, on the first 400 articles of the AllSides sample (all of it
// with SLANT_SEGMENT_ALL=1; SLANT_SEGMENT_DIFF=FILE writes every
// disagreement with its context for inspection). Agreement is
// |both| / |either| over sentence boundaries inside paragraphs.
func TestSegmenterAgreesWithPunkt(t *testing.T) {
	const path = "../../shared/eval/allsides_baly2020_sample.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../shared/eval/allsides_baly2020_sample.jsonl absent: skipping the punkt agreement check")
	}
	defer f.Close()
	limit := 400
	if os.Getenv("SLANT_SEGMENT_ALL") != "" {
		limit = 1 << 30
	}
	rules, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		t.Fatal(err)
	}
	punkt, err := text.NewPipeline(text.WithoutTagging(), text.WithPunkt())
	if err != nil {
		t.Fatal(err)
	}
	var diff strings.Builder
	var both, onlyRules, onlyPunkt, docs int
	var c corpus.Cleaner
	for a, err := range corpus.JSONL(context.Background(), f, corpus.RecordOptions{Name: path}) {
		if err != nil {
			continue
		}
		if docs++; docs > limit {
			break
		}
		blocks := blocksOf(c.CleanArticle(a))
		dr, err := rules.Process(a.Text, blocks)
		if err != nil {
			t.Fatal(err)
		}
		dp, err := punkt.Process(a.Text, blocks)
		if err != nil {
			t.Fatal(err)
		}
		br, bp := boundaries(dr), boundaries(dp)
		show := func(kind string, at int) {
			lo, hi := max(0, at-60), min(len(a.Text), at+40)
			fmt.Fprintf(&diff, "%s\t%s\t%q|%q\n", a.ID, kind, a.Text[lo:at], a.Text[at:hi])
		}
		for at := range br {
			if bp[at] {
				both++
			} else {
				onlyRules++
				show("rules-only", at)
			}
		}
		for at := range bp {
			if !br[at] {
				onlyPunkt++
				show("punkt-only", at)
			}
		}
	}
	union := both + onlyRules + onlyPunkt
	agreement := float64(both) / float64(union)
	t.Logf("%d articles: %d boundaries agree, %d only ours, %d only punkt: agreement %.4f", docs-1, both, onlyRules, onlyPunkt, agreement)
	if out := os.Getenv("SLANT_SEGMENT_DIFF"); out != "" {
		if err := os.WriteFile(out, []byte(diff.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The issue asked for 99.5%; on the whole sample (7,185 articles) the
	// rules agree on 0.9669 of boundaries (149,931 agree, 1,272 only ours,
	// 3,868 only punkt). Reading the disagreements, most of punkt's own
	// boundaries are its errors, which the rules do not copy: a split
	// before a closing bracket or comma (R-Ky.|), about 640), after a title
	// before a name (Mr.|Moon, Sens.|Bob, about 640), before a lowercase
	// word (p.m. ET.|has, about 560), after initials before a name
	// (U.S.|Ambassador, about 550) and after ?! before a lowercase word
	// (“Why?”|he asked, about 530). Ours only: a closing quote without a
	// space (stone.”|A growing), an abbreviation that ends a sentence
	// (the U.S.|Several). Hand cases for each are in TestSegmentation.
	// This floor catches a regression of the rules.
	if agreement < 0.96 {
		t.Errorf("agreement with punkt %.4f < 0.96", agreement)
	}
}
