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
// falls on is a separate question from where the boundary is. It also
// returns how many ends it moved back over one word: punkt breaks
// `serious."I would` after the I (its token is the whole `serious."I`), a
// boundary at the period put one word late, which is counted at the
// period.
func boundaries(doc *text.Document) (map[int]bool, int) {
	out, late := map[int]bool{}, 0
	toks := doc.Tokens
	for i, s := range doc.Sentences {
		if i+1 < len(doc.Sentences) && doc.Sentences[i+1].Block == s.Block {
			k := s.Last - 1
			if k-2 >= s.First && toks[k].Kind == text.Word && isQuoteOrBracket(toks[k-1].Norm) &&
				toks[k-1].End == toks[k].Start && toks[k-2].End == toks[k-1].Start && isEnd(toks[k-2].Norm) {
				k -= 2
				late++
			}
			for k > s.First && isQuoteOrBracket(toks[k].Norm) {
				k--
			}
			out[toks[k].End] = true
		}
	}
	return out, late
}

func isEnd(norm string) bool { return norm == "." || norm == "?" || norm == "!" }

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
	var both, onlyRules, onlyPunkt, docs, late int
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
		br, _ := boundaries(dr)
		bp, l := boundaries(dp)
		late += l
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
	t.Logf("%d articles: %d boundaries agree, %d only ours, %d only punkt: agreement %.4f (%d of punkt's boundaries one word late after .\"Word counted at the period)",
		docs-1, both, onlyRules, onlyPunkt, agreement, late)
	if out := os.Getenv("SLANT_SEGMENT_DIFF"); out != "" {
		if err := os.WriteFile(out, []byte(diff.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The issue asked for 99.5%. On the whole sample (7,185 articles) the
	// rules agree on 0.9660 of boundaries (149,679 agree, 1,155 only ours,
	// 4,120 only punkt; 0.9615 without counting punkt's 353 one-word-late
	// breaks at the period); before the fixes below, 0.9713 (150,281 /
	// 922 / 3,518) by this count. Agreement fell because the fixes are
	// where punkt is wrong too.
	//
	// Who is right was measured by hand. A careful reader judged a random
	// sample of the disagreements (SLANT_SEGMENT_DIFF, sorted, Python
	// random.Random(13).sample; kept outside the repo, as it is AllSides
	// text): of 150 punkt-only boundaries before the fixes, 14 were real
	// (8 after an ellipsis before I/They/When..., 2 in transcripts before
	// a lowercase speaker name, 4 single cases) and 136 punkt's errors
	// (51 after a title, initials or abbreviation before a name, 33 after
	// ?! before a lowercase word or a quote and its speaker, 21 before a
	// closing bracket, 15 one word late after ."Word, 10 a.m./p.m. before
	// ET, 5 after an omission "..." that follows a sentence's end, 1
	// dateline); of 150 rules-only boundaries, 104 were real (a quote
	// glued to the next sentence, an abbreviation or a domain ending a
	// sentence) and 46 ours wrong: 9 a closing quote or bracket before a
	// comma, semicolon or dash, 8 a hyphenated title (then-Sen.), 6
	// encoding debris (?#?), 4 a quoted question and its speaker, 4 a
	// stray quote at a block's end, 2 each list numbers, footnote marks,
	// stray periods, attributions, and 7 single cases. Estimated over the
	// disagreements (agreed boundaries taken as right): the rules'
	// boundary precision 0.9974 and recall 0.9976, punkt's 0.9772 and
	// 0.9942; the rules were right on 85% of the disagreements. The rules
	// now follow punkt on the ellipsis class and fix all the classes of
	// theirs above that recur (hand cases in TestSegmentationJudged); of
	// the 300 judged boundaries, the 46 that the fixes changed all moved
	// to the reader's answer (45 more are one-word-late breaks now counted
	// at the period). A second sample of the final disagreements
	// (1,505 only ours and 4,470 only punkt by the count without the
	// one-word-late rule; random.Random(14), 50 + 50): 3 of 50 punkt-only boundaries real, 49
	// of 50 rules-only real, so precision 0.9998 and recall 0.9982 for the
	// rules, 0.9727 and 0.9902 for punkt, the rules right on 95% of the
	// disagreements. 99.5% agreement would mean copying punkt's errors.
	// These floors catch a regression of the rules.
	floor := 0.955 // first 400 articles: 0.9593
	if limit > 400 {
		floor = 0.963
	}
	if agreement < floor {
		t.Errorf("agreement with punkt %.4f < %.3f", agreement, floor)
	}
}
