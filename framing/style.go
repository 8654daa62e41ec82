package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/text"
)

// Style holds readability and grammatical style measures.
type Style struct {
	// POS is false when tagging was off: densities and passives are then 0.
	POS bool `json:"pos"`
	// Passives are the passive constructions found (a form of be or get
	// followed by a past participle): agency hidden from the reader.
	Passives []PassiveSpan `json:"passives"`
}

// PassiveSpan is one passive construction.
type PassiveSpan struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// Agentless is true when no by-phrase names the agent.
	Agentless bool `json:"agentless"`
}

// syllables estimates the syllables of an English word: runs of vowels
// (y included), minus a silent final e, at least one. An ASCII word is
// counted byte by byte; any other takes syllablesRunes, the definition.
func syllables(w string) int {
	n, prevVowel := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return syllablesRunes(w)
		}
		c |= 0x20 // lower case for letters; no other byte becomes a vowel
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if k := len(w); k > 0 && w[k-1]|0x20 == 'e' && !(k > 1 && w[k-2]|0x20 == 'l') && n > 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}

// syllablesRunes is syllables for any word.
func syllablesRunes(w string) int {
	w = strings.ToLower(w)
	n, prevVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}

// styleCounts are the counts the style measures are computed from
// (see the style rows of Measures).
type styleCounts struct {
	words, syllables, adjectives, adverbs, passiveSentences int
}

func computeStyle(doc *text.Document, pos bool) (Style, styleCounts) {
	st := Style{POS: pos, Passives: []PassiveSpan{}}
	words, syl, adj, adv := 0, 0, 0, 0
	for _, t := range doc.Tokens {
		if t.Kind != text.Word {
			continue
		}
		hasLetter := false
		for _, c := range t.Norm {
			if unicode.IsLetter(c) {
				hasLetter = true
				break
			}
		}
		if !hasLetter {
			continue
		}
		words++
		syl += syllables(t.Norm)
		switch {
		case strings.HasPrefix(t.Tag, "JJ"):
			adj++
		case strings.HasPrefix(t.Tag, "RB"):
			adv++
		}
	}
	passiveSentences := 0
	if pos {
		for si, s := range doc.Sentences {
			found := false
			for i := s.First; i < s.Last; i++ {
				if !beForms[doc.Tokens[i].Norm] || !isVerb(doc.Tokens[i]) && doc.Tokens[i].Norm != "'s" {
					continue
				}
				k := i + 1
				for k < s.Last && strings.HasPrefix(doc.Tokens[k].Tag, "RB") {
					k++
				}
				if k < s.Last && doc.Tokens[k].Tag == "VBN" {
					agentless := true
					for j := k + 1; j < s.Last && j <= k+4; j++ {
						if doc.Tokens[j].Norm == "by" {
							agentless = false
						}
					}
					st.Passives = append(st.Passives, PassiveSpan{Start: doc.Tokens[i].Start, End: doc.Tokens[k].End, Text: doc.Text[doc.Tokens[i].Start:doc.Tokens[k].End], Sentence: si, Agentless: agentless})
					found = true
				}
			}
			if found {
				passiveSentences++
			}
		}
	}
	return st, styleCounts{words: words, syllables: syl, adjectives: adj, adverbs: adv, passiveSentences: passiveSentences}
}
