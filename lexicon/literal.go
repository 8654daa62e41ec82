package lexicon

import (
	"fmt"
	"sort"
	"strings"

	"github.com/slantlab/slant/text"
)

// LiteralWindow is how many tokens on each side of a match, inside its
// sentence, are searched for an entry's literal-sense cues (Entry.Literal).
// Four tokens reach "slashed its prices by" and "genocide case at the
// court" without reaching into the next clause's topic.
const LiteralWindow = 4

// checkLiteral validates an entry's literal-sense cues: single words, no
// globs.
func checkLiteral(e *Entry) error {
	for _, w := range e.Literal {
		t := strings.TrimSpace(w)
		if t == "" || strings.Contains(t, "*") || len(strings.Fields(t)) != 1 {
			return fmt.Errorf("entry %q: literal cue %q must be one word without *", e.Term, w)
		}
	}
	return nil
}

// literalCues folds and stems an entry's literal-sense cues; a token matches
// a cue when its norm or its stem is in the returned set.
func (m *Matcher) literalCues(e *Entry) map[string]bool {
	if len(e.Literal) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, w := range e.Literal {
		for _, t := range text.Tokenize(w, 0, len(w), nil) {
			out[t.Norm] = true
			if t.Kind == text.Word {
				out[m.stemmer.Stem(t.Norm)] = true
			}
		}
	}
	return out
}

// sentenceBounds returns the token range of the sentence holding token i,
// or the whole document when it has no sentences.
func sentenceBounds(doc *text.Document, i int) (first, last int) {
	ss := doc.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].Last > i })
	if k < len(ss) && ss[k].First <= i {
		return ss[k].First, ss[k].Last
	}
	return 0, len(doc.Tokens)
}

// literalAt reports whether one of ce's literal-sense cues stands within
// LiteralWindow tokens of the match [i, last), in the same sentence.
func (m *Matcher) literalAt(st *matchState, ce *compiled, i, last int) bool {
	if ce.literal == nil {
		return false
	}
	first, end := sentenceBounds(st.doc, i)
	for k := max(first, i-LiteralWindow); k < min(end, last+LiteralWindow); k++ {
		if k >= i && k < last {
			continue
		}
		if ce.literal[st.doc.Tokens[k].Norm] || ce.literal[st.stem(m, k)] {
			return true
		}
	}
	return false
}
