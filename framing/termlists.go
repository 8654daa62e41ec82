package framing

import (
	"strings"

	"github.com/slantlab/slant/text"
)

// Kinds of distinctive terms. Comparisons list content words by default and
// keep every kind, labelled, in Comparison.AllTerms.
const (
	// TermContent is a word that carries meaning (the default listing).
	TermContent = "content"
	// TermFunction is a stop word: articles, pronouns, prepositions,
	// auxiliaries, conjunctions (StopWords).
	TermFunction = "function"
	// TermStyle is newsroom style or page furniture: honorifics, wire and
	// outlet self-references, dateline and time words, photo and caption
	// furniture (StyleWords), or a word of the outlet's own name.
	TermStyle = "style"
)

// StopWords are the English function words left out of distinctive-word
// lists by default. Curated for Slant by hand (the classic closed classes:
// determiners, pronouns, prepositions, conjunctions, auxiliaries and modal
// verbs, common adverbs of degree and negation), not copied from a
// third-party list; it is deliberately short, so that evaluative words
// ("only", "even", "very") stay visible to the lexicons.
var StopWords = wordSet(`
a an the this that these those some any each every no all both either neither
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which what whatever whoever
of in on at by for with about against between into through during before after above below
to from up down out off over under again further than as like via per upon within without
and or but nor so yet if because while although though whether
is am are was were be been being have has had having do does did doing
will would shall can could may might must ought
not n't also just then there here when where why how
one ones other another such same own
its it's he's she's they're we're i'm you're there's that's
's
`)

// StyleWords are newsroom style and page furniture, not editorializing:
// honorifics and titles written before names (initials and dotted
// abbreviations such as "j." and "f.b.i." count as style too), wire-service and agency
// names, dateline, day and time words, and the furniture of photo
// galleries, captions, bylines and share buttons. Curated for Slant from
// the issue-15 review of AllSides and BASIL output (words that topped the
// lists without saying anything about slant); no third-party list.
var StyleWords = wordSet(`
mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. sgt sgt. prof prof. rev rev. st st. jr jr. sr sr.
u.s. u.k. u.n. d.c.
ap reuters afp upi bloomberg associated press
monday tuesday wednesday thursday friday saturday sunday
jan jan. feb feb. aug aug. sept sept. oct oct. nov nov. dec dec.
a.m. p.m. am pm et edt est gmt bst utc
photo photos photograph image images gallery caption captions hide show close expand
getty credit copyright file via
advertisement sponsored subscribe newsletter click tap share tweet email print comments
video watch listen read more related updated published posted
`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// termKind classifies a folded word for the distinctive-term lists; self
// holds the words of the compared sources' own names.
func termKind(w string, self map[string]bool) string {
	switch {
	case StopWords[w]:
		return TermFunction
	case StyleWords[w] || self[w] || isInitials(w):
		return TermStyle
	}
	return TermContent
}

// isInitials reports whether w is an initial or a dotted abbreviation
// ("j.", "f.b.i.", "u.s."): house style (one outlet writes "F.B.I.", another
// "FBI"), not a choice of words.
func isInitials(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'a' || w[i] > 'z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// nameWords returns the folded words of source names (outlet
// self-references: "herald" in a comparison of The Eastern Herald).
func nameWords(names ...string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		for _, t := range text.Tokenize(n, 0, len(n), nil) {
			if t.Kind == text.Word && !StopWords[t.Norm] {
				out[t.Norm] = true
			}
		}
	}
	return out
}
