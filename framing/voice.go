package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// voices holds, per token, whose words it is, and the quotes found.
type voices struct {
	tok        []Voice
	speaker    []int // per token: index into quotes (for Quote) or attributions (for Reported), -1 none
	quotes     []QuoteSpan
	quoteTok   [][2]int // token range of each quote, content only
	attributed []bool   // per sentence
	attrib     []attribution
	sources    []sourceRef
}

type attribution struct {
	sentence   int
	verb       int // token index of the reporting verb or "according"
	speaker    string
	kind       string
	start, end int // the speaker's byte span, 0,0 when none
}

type sourceRef struct {
	kind    string // named, anonymous, vague
	text    string
	start   int
	end     int
	sentene int
}

// quoteMark classifies a punctuation token: +1 opens, -1 closes, 2 either
// (straight quotes), 0 not a quote.
func quoteMark(doc *text.Document, i int) int {
	t := doc.Tokens[i]
	if t.Kind != text.Punct {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(doc.Text[t.Start:t.End])
	switch r {
	case '“', '„', '«':
		return 1
	case '”', '»':
		return -1
	case '"':
		return 2
	case '‘':
		return 1
	case '’', '\'':
		// An apostrophe right after a word ending in s (the allies’ plan)
		// is a possessive, not a closing quote, unless a single quote is open.
		return -2
	}
	return 0
}

// findVoices pairs quotation marks inside each block, finds speakers and
// reporting verbs, and assigns every token a voice.
func findVoices(doc *text.Document, hits []lexicon.Hit) *voices {
	v := &voices{tok: make([]Voice, len(doc.Tokens)), speaker: make([]int, len(doc.Tokens)), attributed: make([]bool, len(doc.Sentences))}
	for i := range v.tok {
		v.tok[i] = Reporter
		v.speaker[i] = -1
	}
	sentOf := make([]int, len(doc.Tokens))
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			sentOf[i] = si
		}
	}
	// Pair quotes block by block; a quote left open at the end of a
	// paragraph continues if the next paragraph opens with a quote mark
	// (news style for multi-paragraph quotes), otherwise it ends there.
	type open struct {
		tok    int
		single bool
	}
	var stack []open
	closeQuote := func(o open, end int) {
		if end-o.tok > 1 {
			v.quoteTok = append(v.quoteTok, [2]int{o.tok + 1, end})
		}
	}
	blockEnd := func(bi int) int { // first token index past block bi
		for si := len(doc.Sentences) - 1; si >= 0; si-- {
			if doc.Sentences[si].Block == bi {
				return doc.Sentences[si].Last
			}
		}
		return 0
	}
	lastBlock := -1
	for i := range doc.Tokens {
		bi := doc.Sentences[sentOf[i]].Block
		if bi != lastBlock {
			if len(stack) > 0 && lastBlock >= 0 {
				end := blockEnd(lastBlock)
				if m := quoteMark(doc, i); !(m == 1 || m == 2) || stack[0].single {
					for _, o := range stack {
						closeQuote(o, end)
					}
					stack = stack[:0]
				} else {
					closeQuote(stack[0], end)
					stack = stack[:0]
				}
			}
			lastBlock = bi
		}
		m := quoteMark(doc, i)
		if m == 0 {
			continue
		}
		single := doc.Tokens[i].Norm == "'"
		switch {
		case m == 1:
			stack = append(stack, open{i, single})
		case m == -1 || m == 2:
			if n := len(stack); n > 0 && !stack[n-1].single {
				closeQuote(stack[n-1], i)
				stack = stack[:n-1]
			} else if m == 2 {
				stack = append(stack, open{i, false})
			}
		case m == -2:
			if n := len(stack); n > 0 && stack[n-1].single {
				closeQuote(stack[n-1], i)
				stack = stack[:n-1]
			}
		}
	}
	if len(stack) > 0 && lastBlock >= 0 {
		for _, o := range stack {
			closeQuote(o, blockEnd(lastBlock))
		}
	}
	// Outer quotes first, so nested quotes inherit the outer speaker.
	sortRanges(v.quoteTok)

	// Reporting verbs and "according to" outside quotes.
	inQuote := make([]bool, len(doc.Tokens))
	for _, q := range v.quoteTok {
		for i := q[0]; i < q[1]; i++ {
			inQuote[i] = true
		}
	}
	for _, h := range hits {
		c := h.Construct()
		if (c != "report_neutral" && c != "report_loaded") || inQuote[h.First] || !reportingVerb(doc, h) {
			continue
		}
		si := sentOf[h.First]
		speaker, kind, start, end := findSpeaker(doc, h, sentOf, inQuote, hits)
		if speaker == "" && !strings.HasPrefix(h.Entry.Term, "according") {
			// A reporting verb with no subject found ("as reported") still
			// attributes the sentence.
			kind = "unknown"
		}
		v.attrib = append(v.attrib, attribution{sentence: si, verb: h.First, speaker: speaker, kind: kind, start: start, end: end})
		v.attributed[si] = true
		if speaker != "" {
			v.sources = append(v.sources, sourceRef{kind: kind, text: speaker, start: start, end: end, sentene: si})
		}
	}
	// Quotes: speaker from an attribution in the same sentence, or the
	// sentence before or after (“...,” he said.).
	for qi, q := range v.quoteTok {
		startSent, endSent := sentOf[q[0]], sentOf[q[1]-1]
		qs := QuoteSpan{Start: doc.Tokens[q[0]].Start, End: doc.Tokens[q[1]-1].End, SpeakerKind: "unknown"}
		best := -1
		for ai, a := range v.attrib {
			if a.sentence >= startSent && a.sentence <= endSent || a.sentence == endSent+1 && a.verb < doc.Sentences[a.sentence].First+4 || a.sentence == startSent-1 {
				if best < 0 || abs(a.sentence-startSent) < abs(v.attrib[best].sentence-startSent) {
					best = ai
				}
			}
		}
		words := 0
		for i := q[0]; i < q[1]; i++ {
			if doc.Tokens[i].Kind == text.Word {
				words++
			}
		}
		if best >= 0 {
			qs.Speaker, qs.SpeakerKind = v.attrib[best].speaker, v.attrib[best].kind
			qs.speakerStart, qs.speakerEnd = v.attrib[best].start, v.attrib[best].end
			for si := startSent; si <= endSent; si++ {
				v.attributed[si] = true
			}
		} else if words <= 4 {
			qs.Scare = true
		}
		v.quotes = append(v.quotes, qs)
		for i := q[0]; i < q[1]; i++ {
			v.tok[i] = Quote
			v.speaker[i] = qi
		}
	}
	// Reported speech: in an attributed sentence with no direct quote, the
	// words after the reporting verb (or after "according to X,") are the
	// source's, not the reporter's.
	for ai, a := range v.attrib {
		s := doc.Sentences[a.sentence]
		from := a.verb + 1
		if strings.EqualFold(doc.Tokens[a.verb].Norm, "according") {
			// according to X, CLAIM — the claim follows the first comma;
			// CLAIM, according to X — it precedes.
			comma := -1
			for i := a.verb; i < s.Last; i++ {
				if doc.Tokens[i].Norm == "," {
					comma = i
					break
				}
			}
			if a.verb > s.First+1 {
				for i := s.First; i < a.verb; i++ {
					if v.tok[i] == Reporter {
						v.tok[i] = Reported
						v.speaker[i] = ai
					}
				}
				continue
			}
			if comma < 0 {
				continue
			}
			from = comma + 1
		} else if a.verb > s.First+1 && doc.Tokens[a.verb-1].Norm == "," && a.verb+3 >= s.Last {
			// CLAIM, officials said.
			for i := s.First; i < a.verb-1; i++ {
				if v.tok[i] == Reporter {
					v.tok[i] = Reported
					v.speaker[i] = ai
				}
			}
			continue
		}
		for i := from; i < s.Last; i++ {
			if v.tok[i] == Reporter {
				v.tok[i] = Reported
				v.speaker[i] = ai
			}
		}
	}
	return v
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sortRanges(r [][2]int) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && (r[j][0] < r[j-1][0] || r[j][0] == r[j-1][0] && r[j][1] > r[j-1][1]); j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// pronouns that stand for a named speaker in an attribution.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true}

// findSpeaker looks for the source of a reporting verb: "X said" (subject
// before), "said X" (subject after), "according to X".
func findSpeaker(doc *text.Document, h lexicon.Hit, sentOf []int, inQuote []bool, hits []lexicon.Hit) (speaker, kind string, start, end int) {
	s := doc.Sentences[sentOf[h.First]]
	isWord := func(i int) bool { return doc.Tokens[i].Kind == text.Word || doc.Tokens[i].Kind == text.Number }
	var from, to int
	if strings.HasPrefix(h.Entry.Term, "according") {
		from, to = h.Last, h.Last
		for to < s.Last && isWord(to) && !inQuote[to] && to-from < 8 {
			to++
		}
	} else if h.First > s.First+1 && doc.Tokens[h.First-1].Norm == "," && !inQuote[s.First] && quoteMark(doc, h.First-2) == 0 {
		// "President Trump, after his meeting with X, described ...": the
		// subject is the sentence's opening run of words.
		from, to = s.First, s.First
		for to < h.First && isWord(to) && to-from < 6 && !isClauseWord(doc.Tokens[to].Norm) {
			to++
		}
	} else if h.First > s.First && isWord(h.First-1) && !inQuote[h.First-1] {
		// Subject before the verb: a run of words, stopping at punctuation,
		// a quote, or a verb-like word ("has said", "had told").
		to = h.First
		for to > s.First && (doc.Tokens[to-1].Norm == "has" || doc.Tokens[to-1].Norm == "had" || doc.Tokens[to-1].Norm == "have" || strings.HasSuffix(doc.Tokens[to-1].Tag, "RB") && doc.Tokens[to-1].Tag != "") {
			to--
		}
		from = to
		for from > s.First && isWord(from-1) && !inQuote[from-1] && to-from < 6 && !isClauseWord(doc.Tokens[from-1].Norm) {
			from--
		}
	} else {
		// Subject after the verb: said X.
		from, to = h.Last, h.Last
		for to < s.Last && isWord(to) && !inQuote[to] && to-from < 8 && !isClauseWord(doc.Tokens[to].Norm) {
			to++
		}
	}
	if from >= to {
		return "", "", 0, 0
	}
	start, end = doc.Tokens[from].Start, doc.Tokens[to-1].End
	speaker = doc.Text[start:end]
	kind = "vague"
	for _, o := range hits {
		if o.Start < end && o.End > start {
			switch o.Construct() {
			case "anonymous_source":
				return speaker, "anonymous", start, end
			case "vague_source":
				kind = "vague"
			}
		}
	}
	named := false
	for i := from; i < to; i++ {
		w := doc.TokenText(i)
		r, _ := utf8.DecodeRuneInString(w)
		tag := doc.Tokens[i].Tag
		if unicode.IsUpper(r) && (i > s.First || to-from > 1) || pronouns[doc.Tokens[i].Norm] || tag == "NNP" || tag == "NNPS" {
			named = true
		}
	}
	// Anonymous cues sometimes sit outside the subject ("..., said one
	// senior European diplomat" is found above; "officials said" has no
	// name): a plural common noun alone is vague.
	if named {
		kind = "named"
	}
	for _, o := range hits {
		if o.Construct() == "anonymous_source" && sentOf[o.First] == sentOf[h.First] && !inQuote[o.First] {
			kind = "anonymous"
		}
	}
	return speaker, kind, start, end
}

// isClauseWord stops a speaker phrase: conjunctions and complementisers.
func isClauseWord(w string) bool {
	switch w {
	case "that", "and", "but", "while", "as", "if", "when", "which", "who", "to", "on", "in", "of", "for", "with":
		return true
	}
	return false
}

// reportingVerb filters reporting-verb hits that are not used as verbs: a
// noun ("the pledges"), a heading ("Macron's Bold Claim"), or a participle
// opening the sentence ("Speaking alongside X, Macron declared"), whose
// main clause carries its own verb. Multi-word phrases ("according to",
// "told reporters") always count. Without part-of-speech tags only the
// position rules apply.
func reportingVerb(doc *text.Document, h lexicon.Hit) bool {
	if h.Last-h.First > 1 {
		return true
	}
	t := doc.Tokens[h.First]
	s := doc.Sentences[sentenceOf(doc, h.First)]
	if s.Kind != text.Paragraph && s.Kind != text.ListItem {
		return false
	}
	if h.First == s.First && strings.HasSuffix(t.Norm, "ing") {
		return false
	}
	if t.Tag != "" && !strings.HasPrefix(t.Tag, "VB") {
		return false
	}
	return true
}

func sentenceOf(doc *text.Document, tok int) int {
	lo, hi := 0, len(doc.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if doc.Sentences[mid].Last <= tok {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
