package framing

import (
	"sort"
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
//
// Every step is linear in the number of tokens, hits and quotes (after one
// sort of the quotes): deeply nested or very many quotes, and very many
// reporting verbs, must not make an article quadratic (issue 17). Loops
// that would walk each quote's or attribution's whole range once per quote
// use prefix sums, difference arrays, a sweep with a stack, or a
// skip-pointer structure instead.
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
	// blockEnd[b] is the first token index past block b (0 when the block
	// has no sentence).
	blockEnd := map[int]int{}
	for _, s := range doc.Sentences {
		if s.Last > blockEnd[s.Block] {
			blockEnd[s.Block] = s.Last
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
	lastBlock := -1
	for i := range doc.Tokens {
		bi := doc.Sentences[sentOf[i]].Block
		if bi != lastBlock {
			if len(stack) > 0 && lastBlock >= 0 {
				end := blockEnd[lastBlock]
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
			closeQuote(o, blockEnd[lastBlock])
		}
	}
	// Outer quotes first, so that an inner quote's tokens end up with the
	// inner quote.
	sortRanges(v.quoteTok)

	// Reporting verbs and "according to" outside quotes. inQuote comes from
	// a difference array over the quotes' token ranges.
	inQuote := make([]bool, len(doc.Tokens))
	{
		depth := make([]int, len(doc.Tokens)+1)
		for _, q := range v.quoteTok {
			depth[q[0]]++
			depth[q[1]]--
		}
		d := 0
		for i := range inQuote {
			d += depth[i]
			inQuote[i] = d > 0
		}
	}
	// Anonymous-source cues, by token and by sentence (outside quotes), so
	// that findSpeaker does not scan every hit for every reporting verb.
	cues := speakerCues{anonTok: make([]bool, len(doc.Tokens)), anonSent: make([]bool, len(doc.Sentences))}
	for _, h := range hits {
		if h.Construct() != "anonymous_source" {
			continue
		}
		for i := h.First; i < h.Last && i < len(doc.Tokens); i++ {
			cues.anonTok[i] = true
		}
		if h.First < len(doc.Tokens) && !inQuote[h.First] {
			cues.anonSent[sentOf[h.First]] = true
		}
	}
	for _, h := range hits {
		c := h.Construct()
		if (c != "report_neutral" && c != "report_loaded") || inQuote[h.First] || !reportingVerb(doc, h) {
			continue
		}
		si := sentOf[h.First]
		speaker, kind, start, end := findSpeaker(doc, h, sentOf, inQuote, &cues)
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
	// Attributions by sentence (hits come in text order, so v.attrib is in
	// sentence order), and for each sentence the next one at or after it
	// that has an attribution.
	firstAttr := make([]int, len(doc.Sentences)+1)
	for i := range firstAttr {
		firstAttr[i] = -1
	}
	for ai := len(v.attrib) - 1; ai >= 0; ai-- {
		firstAttr[v.attrib[ai].sentence] = ai
	}
	nextAttrSent := make([]int, len(doc.Sentences)+2)
	nextAttrSent[len(doc.Sentences)] = len(doc.Sentences)
	nextAttrSent[len(doc.Sentences)+1] = len(doc.Sentences)
	for si := len(doc.Sentences) - 1; si >= 0; si-- {
		if firstAttr[si] >= 0 {
			nextAttrSent[si] = si
		} else {
			nextAttrSent[si] = nextAttrSent[si+1]
		}
	}
	// wordsBefore[i] counts word tokens before token i.
	wordsBefore := make([]int, len(doc.Tokens)+1)
	for i, t := range doc.Tokens {
		wordsBefore[i+1] = wordsBefore[i]
		if t.Kind == text.Word {
			wordsBefore[i+1]++
		}
	}
	// Quotes: speaker from an attribution in the same sentence, or the
	// sentence before or after (“...,” he said.). The attribution nearest
	// the quote's first sentence wins, the earlier one on a tie.
	attributedDiff := make([]int, len(doc.Sentences)+1)
	for _, q := range v.quoteTok {
		startSent, endSent := sentOf[q[0]], sentOf[q[1]-1]
		qs := QuoteSpan{Start: doc.Tokens[q[0]].Start, End: doc.Tokens[q[1]-1].End, SpeakerKind: "unknown"}
		best := -1
		switch {
		case firstAttr[startSent] >= 0:
			best = firstAttr[startSent]
		case startSent > 0 && firstAttr[startSent-1] >= 0:
			best = firstAttr[startSent-1]
		default:
			if n := nextAttrSent[startSent+1]; n <= endSent {
				best = firstAttr[n]
			} else if n == endSent+1 && n < len(doc.Sentences) {
				// The sentence right after the quote counts only when its
				// reporting verb opens it (“...,” he said.).
				for ai := firstAttr[n]; ai < len(v.attrib) && v.attrib[ai].sentence == n; ai++ {
					if v.attrib[ai].verb < doc.Sentences[n].First+4 {
						best = ai
						break
					}
				}
			}
		}
		words := wordsBefore[q[1]] - wordsBefore[q[0]]
		if best >= 0 {
			qs.Speaker, qs.SpeakerKind = v.attrib[best].speaker, v.attrib[best].kind
			qs.speakerStart, qs.speakerEnd = v.attrib[best].start, v.attrib[best].end
			attributedDiff[startSent]++
			attributedDiff[endSent+1]--
		} else if words <= 4 {
			qs.Scare = true
		}
		v.quotes = append(v.quotes, qs)
	}
	for si, d := 0, 0; si < len(doc.Sentences); si++ {
		d += attributedDiff[si]
		if d > 0 {
			v.attributed[si] = true
		}
	}
	// Each token inside quotes belongs to the innermost quote around it: a
	// sweep with a stack of the quotes open at the token (quotes nest, and
	// come outer first).
	{
		var open []int
		qi := 0
		for i := range doc.Tokens {
			for len(open) > 0 && v.quoteTok[open[len(open)-1]][1] <= i {
				open = open[:len(open)-1]
			}
			for qi < len(v.quoteTok) && v.quoteTok[qi][0] <= i {
				if v.quoteTok[qi][1] > i {
					open = append(open, qi)
				}
				qi++
			}
			for len(open) > 0 && v.quoteTok[open[len(open)-1]][1] <= i {
				open = open[:len(open)-1]
			}
			if len(open) > 0 {
				v.tok[i] = Quote
				v.speaker[i] = open[len(open)-1]
			}
		}
	}
	// Reported speech: in an attributed sentence with no direct quote, the
	// words after the reporting verb (or after "according to X,") are the
	// source's, not the reporter's. The first attribution to claim a token
	// keeps it; skip pointers jump over tokens already claimed, so each
	// token is claimed once however many attributions a sentence has.
	nextFree := make([]int, len(doc.Tokens)+1)
	for i := range nextFree {
		nextFree[i] = i
	}
	var find func(i int) int
	find = func(i int) int {
		for nextFree[i] != i {
			nextFree[i] = nextFree[nextFree[i]]
			i = nextFree[i]
		}
		return i
	}
	report := func(from, to, ai int) {
		for i := find(from); i < to; i = find(i) {
			if v.tok[i] == Reporter {
				v.tok[i] = Reported
				v.speaker[i] = ai
			}
			nextFree[i] = i + 1
		}
	}
	// nextComma[i] is the first "," at or after token i in its sentence, or
	// the sentence's end.
	nextComma := make([]int, len(doc.Tokens)+1)
	for _, s := range doc.Sentences {
		c := s.Last
		for i := s.Last - 1; i >= s.First; i-- {
			if doc.Tokens[i].Norm == "," {
				c = i
			}
			nextComma[i] = c
		}
	}
	for ai, a := range v.attrib {
		s := doc.Sentences[a.sentence]
		from := a.verb + 1
		if strings.EqualFold(doc.Tokens[a.verb].Norm, "according") {
			// according to X, CLAIM — the claim follows the first comma;
			// CLAIM, according to X — it precedes.
			if a.verb > s.First+1 {
				report(s.First, a.verb, ai)
				continue
			}
			comma := nextComma[a.verb]
			if comma >= s.Last {
				continue
			}
			from = comma + 1
		} else if a.verb > s.First+1 && doc.Tokens[a.verb-1].Norm == "," && a.verb+3 >= s.Last {
			// CLAIM, officials said.
			report(s.First, a.verb-1, ai)
			continue
		}
		report(from, s.Last, ai)
	}
	return v
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sortRanges orders token ranges by start, the longer first on equal
// starts (outer quotes before the quotes they contain).
func sortRanges(r [][2]int) {
	sort.Slice(r, func(i, j int) bool {
		if r[i][0] != r[j][0] {
			return r[i][0] < r[j][0]
		}
		return r[i][1] > r[j][1]
	})
}

// speakerCues indexes the anonymous-source cues for findSpeaker.
type speakerCues struct {
	anonTok  []bool // token is inside an anonymous-source cue
	anonSent []bool // sentence has an anonymous-source cue outside quotes
}

// pronouns that stand for a named speaker in an attribution.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true}

// findSpeaker looks for the source of a reporting verb: "X said" (subject
// before), "said X" (subject after), "according to X".
func findSpeaker(doc *text.Document, h lexicon.Hit, sentOf []int, inQuote []bool, cues *speakerCues) (speaker, kind string, start, end int) {
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
		// At most maxAuxiliaries such words are skipped, so that a run of
		// them cannot make every verb walk back over it.
		to = h.First
		for to > s.First && h.First-to < maxAuxiliaries && (doc.Tokens[to-1].Norm == "has" || doc.Tokens[to-1].Norm == "had" || doc.Tokens[to-1].Norm == "have" || strings.HasSuffix(doc.Tokens[to-1].Tag, "RB") && doc.Tokens[to-1].Tag != "") {
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
	for i := from; i < to; i++ {
		if cues.anonTok[i] {
			return speaker, "anonymous", start, end
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
	if cues.anonSent[sentOf[h.First]] {
		kind = "anonymous"
	}
	return speaker, kind, start, end
}

// maxAuxiliaries bounds the auxiliaries and adverbs skipped between a
// reporting verb and its subject ("has repeatedly said").
const maxAuxiliaries = 4

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
