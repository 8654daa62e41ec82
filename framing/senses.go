package framing

import (
	"strings"

	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// degreeSense drops intensifier hits that are not used as degree words.
// "very" before a noun is the adjective of identity or emphasis ("the very
// existence of the coalition", "the very law that ..."), not a degree
// adverb ("very brutal"): with part-of-speech tags, a noun after it decides;
// without tags, a determiner or possessive before it. hits keeps its order
// and is filtered in place (the caller owns it: Match's fresh result).
func degreeSense(doc *text.Document, hits []lexicon.Hit) []lexicon.Hit {
	out := hits[:0]
	for _, h := range hits {
		if h.Construct() == ConstructIntensifier && h.Last-h.First == 1 && doc.Tokens[h.First].Norm == "very" && adjectivalVery(doc, h.First) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// determiners that make a following "very" adjectival when there are no
// tags ("the very", "its very").
var veryDeterminers = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true}

func adjectivalVery(doc *text.Document, i int) bool {
	if i+1 >= len(doc.Tokens) {
		return false
	}
	next := doc.Tokens[i+1]
	if next.Tag == "" {
		return i > 0 && veryDeterminers[doc.Tokens[i-1].Norm]
	}
	if strings.HasPrefix(next.Tag, "NN") {
		return true
	}
	// After a determiner or possessive, the word after "very" is its noun
	// unless a noun follows it ("the very obvious fact"); the tagger often
	// calls that noun an adjective ("the coalition's very existence
	// depends").
	if i == 0 {
		return false
	}
	switch doc.Tokens[i-1].Tag {
	case "DT", "PRP$", "POS":
		return i+2 >= len(doc.Tokens) || !strings.HasPrefix(doc.Tokens[i+2].Tag, "NN")
	}
	return false
}
