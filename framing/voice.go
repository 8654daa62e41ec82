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
	// subj is the speaker's first token when the speaker precedes the verb
	// ("..., the minister's office said"), else -1.
	subj int
	// according marks "according to X" and "in the words of X": the claim
	// is the clause before it or after the comma that follows X.
	according bool
	// by is the token of "by" in a passive attribution ("described as X
	// by Y"), else -1: X, between the verb and "by", is Y's characterisation.
	by int
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
func findVoices(doc *text.Document, hits []lexicon.Hit, sc *scratch) *voices {
	v := &voices{tok: sc.voiceSlice(len(doc.Tokens)), speaker: sc.intSlice(len(doc.Tokens)), attributed: sc.boolSlice(len(doc.Sentences))}
	for i := range v.tok {
		v.tok[i] = Reporter
		v.speaker[i] = -1
	}
	sentOf := sc.intSlice(len(doc.Tokens))
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
	// A closing mark with no opening one in its block ends a quote fragment
	// that began before the block (a paragraph continuing a quote, or an
	// opening mark lost in extraction): the fragment runs from the block's
	// start, or from the last closing mark before it in the block.
	blockStart, lastClose := 0, -1
	unmatchedClose := func(i int) {
		from := max(blockStart, lastClose+1)
		if i > from {
			v.quoteTok = append(v.quoteTok, [2]int{from, i})
		}
		lastClose = i
	}
	// labels holds quotes opened by a transcript label (MACRON: ..., Q: ...),
	// with the label's byte span as the speaker.
	labels := map[[2]int][2]int{}
	lastBlock := -1
	for i := range doc.Tokens {
		bi := doc.Sentences[sentOf[i]].Block
		if bi != lastBlock {
			blockStart, lastClose = i, -1
			if j := transcriptLabel(doc, i, blockEnd[bi]); j > 0 {
				q := [2]int{j + 1, blockEnd[bi]}
				v.quoteTok = append(v.quoteTok, q)
				labels[q] = [2]int{doc.Tokens[i].Start, doc.Tokens[j-1].End}
				// Quote fragments in the block start inside the label's
				// quote, so that quotes still nest.
				blockStart = j + 1
			}
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
				lastClose = i
			} else if n == 0 && (m == -1 || closingStraightQuote(doc, i)) {
				unmatchedClose(i)
			} else if m == 2 {
				stack = append(stack, open{i, false})
			}
		case m == -2:
			if n := len(stack); n > 0 && stack[n-1].single {
				closeQuote(stack[n-1], i)
				stack = stack[:n-1]
				lastClose = i
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
	inQuote := sc.boolSlice(len(doc.Tokens))
	{
		depth := sc.intSlice(len(doc.Tokens) + 1)
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
	cues := speakerCues{anonTok: sc.boolSlice(len(doc.Tokens)), anonSent: sc.boolSlice(len(doc.Sentences))}
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
	// Attribution triggers: reporting verbs and phrases from the lexicons,
	// and "in the words of", in text order.
	type trigger struct {
		first, last int
		according   bool
	}
	var triggers []trigger
	for _, h := range hits {
		c := h.Construct()
		if (c != "report_neutral" && c != "report_loaded") || inQuote[h.First] || !reportingVerb(doc, h) {
			continue
		}
		triggers = append(triggers, trigger{h.First, h.Last, strings.HasPrefix(h.Entry.Term, "according")})
	}
	for i := 0; i+4 < len(doc.Tokens); i++ {
		if doc.Tokens[i].Norm == "in" && doc.Tokens[i+1].Norm == "the" && doc.Tokens[i+2].Norm == "words" && doc.Tokens[i+3].Norm == "of" && !inQuote[i] && sentOf[i+4] == sentOf[i] {
			triggers = append(triggers, trigger{i, i + 4, true})
		}
	}
	sort.SliceStable(triggers, func(i, j int) bool { return triggers[i].first < triggers[j].first })
	for _, tr := range triggers {
		si := sentOf[tr.first]
		a := attribution{sentence: si, verb: tr.first, subj: -1, by: -1, according: tr.according}
		if by := passiveBy(doc, tr.first, tr.last, doc.Sentences[si], inQuote); by >= 0 {
			// described as X by Y: the speaker is Y.
			a.by = by
			a.speaker, a.kind, a.start, a.end = speakerRun(doc, doc.Sentences[si], by+1, inQuote, &cues, sentOf)
		} else {
			a.speaker, a.kind, a.start, a.end, a.subj = findSpeaker(doc, tr.first, tr.last, tr.according, sentOf, inQuote, &cues)
		}
		if a.speaker == "" && !tr.according {
			// A reporting verb with no subject found ("as reported") still
			// attributes the sentence.
			a.kind = "unknown"
		}
		v.attrib = append(v.attrib, a)
		v.attributed[si] = true
		if a.speaker != "" {
			v.sources = append(v.sources, sourceRef{kind: a.kind, text: a.speaker, start: a.start, end: a.end, sentene: si})
		}
	}
	// Attributions by sentence (hits come in text order, so v.attrib is in
	// sentence order), and for each sentence the next one at or after it
	// that has an attribution.
	firstAttr := sc.intSlice(len(doc.Sentences) + 1)
	for i := range firstAttr {
		firstAttr[i] = -1
	}
	for ai := len(v.attrib) - 1; ai >= 0; ai-- {
		firstAttr[v.attrib[ai].sentence] = ai
	}
	nextAttrSent := sc.intSlice(len(doc.Sentences) + 2)
	nextAttrSent[len(doc.Sentences)] = len(doc.Sentences)
	nextAttrSent[len(doc.Sentences)+1] = len(doc.Sentences)
	for si := len(doc.Sentences) - 1; si >= 0; si-- {
		if firstAttr[si] >= 0 {
			nextAttrSent[si] = si
		} else {
			nextAttrSent[si] = nextAttrSent[si+1]
		}
	}
	// wordsBefore[i] counts word tokens before token i; nextWord[i] is the
	// first word token at or after i (len(doc.Tokens) when none).
	wordsBefore := sc.intSlice(len(doc.Tokens) + 1)
	for i, t := range doc.Tokens {
		wordsBefore[i+1] = wordsBefore[i]
		if t.Kind == text.Word {
			wordsBefore[i+1]++
		}
	}
	nextWord := sc.intSlice(len(doc.Tokens) + 1)
	nextWord[len(doc.Tokens)] = len(doc.Tokens)
	for i := len(doc.Tokens) - 1; i >= 0; i-- {
		if doc.Tokens[i].Kind == text.Word {
			nextWord[i] = i
		} else {
			nextWord[i] = nextWord[i+1]
		}
	}
	// Quotes: speaker from an attribution in the same sentence, or the
	// sentence before or after (“...,” he said.). The attribution nearest
	// the quote's first sentence wins, the earlier one on a tie.
	attributedDiff := sc.intSlice(len(doc.Sentences) + 1)
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
		if l, ok := labels[q]; ok {
			qs.Speaker, qs.SpeakerKind = doc.Text[l[0]:l[1]], "named"
			qs.speakerStart, qs.speakerEnd = l[0], l[1]
			attributedDiff[startSent]++
			attributedDiff[endSent+1]--
		} else if best >= 0 {
			qs.Speaker, qs.SpeakerKind = v.attrib[best].speaker, v.attrib[best].kind
			qs.speakerStart, qs.speakerEnd = v.attrib[best].start, v.attrib[best].end
			attributedDiff[startSent]++
			attributedDiff[endSent+1]--
		} else if words <= 4 && !designation(doc, q[0], q[1], nextWord) {
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
	nextFree := sc.intSlice(len(doc.Tokens) + 1)
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
	nextComma := sc.intSlice(len(doc.Tokens) + 1)
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
		if a.by >= 0 {
			// described as X by Y: X is Y's.
			report(a.verb+1, a.by, ai)
			continue
		}
		if a.according {
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
			// CLAIM, said officials.
			report(s.First, a.verb-1, ai)
			continue
		} else if a.subj > s.First+1 && doc.Tokens[a.subj-1].Norm == "," && a.verb+3 >= s.Last {
			// CLAIM, officials said; CLAIM, the minister's office said.
			report(s.First, a.subj-1, ai)
			continue
		}
		report(from, s.Last, ai)
	}
	// A paragraph that ends "... said in a speech:" introduces the next
	// paragraph as the speaker's words (speeches, statements and letters
	// set off as their own paragraphs), unless that paragraph opens a quote.
	// The sentence's first attribution speaks.
	for ai, a := range v.attrib {
		s := doc.Sentences[a.sentence]
		end := blockEnd[s.Block]
		if s.Last != end || doc.Tokens[end-1].Norm != ":" || end >= len(doc.Tokens) || ai > 0 && v.attrib[ai-1].sentence == a.sentence {
			continue
		}
		next := doc.Sentences[sentOf[end]].Block
		if quoteMark(doc, end) > 0 {
			continue
		}
		report(end, blockEnd[next], ai)
		for si := sentOf[end]; si < len(doc.Sentences) && doc.Sentences[si].Block == next; si++ {
			v.attributed[si] = true
		}
	}
	return v
}

// closingStraightQuote reports whether the straight quote at token i closes
// rather than opens: text right before it ("act now," Smith said) and a
// space, punctuation or the end right after it.
func closingStraightQuote(doc *text.Document, i int) bool {
	t := doc.Tokens[i]
	if t.Start == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(doc.Text[:t.Start])
	if unicode.IsSpace(before) || strings.ContainsRune("([{—–-", before) {
		return false
	}
	if t.End == len(doc.Text) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(doc.Text[t.End:])
	return unicode.IsSpace(after) || unicode.IsPunct(after)
}

// labelWords are capitalised paragraph labels that are not speakers.
var labelWords = map[string]bool{"update": true, "updated": true, "watch": true, "read": true, "more": true, "exclusive": true,
	"breaking": true, "note": true, "editor": true, "live": true, "video": true, "photos": true, "analysis": true, "opinion": true,
	"correction": true, "clarification": true, "related": true, "see": true, "also": true, "listen": true, "caption": true,
	"guest": true, "column": true, "commentary": true, "podcast": true, "sponsored": true, "advertisement": true}

// transcriptLabel recognises a speaker label opening a block, as in
// interview transcripts ("MACRON: We will...", "Q: Why...", "A: Because..."):
// one to three words in capitals followed by a colon. It returns the
// colon's token index, or 0.
func transcriptLabel(doc *text.Document, first, end int) int {
	j := first
	for j < end && j-first < 3 && doc.Tokens[j].Kind == text.Word {
		w := doc.TokenText(j)
		if labelWords[strings.ToLower(w)] || strings.ToUpper(w) != w || strings.ToLower(w) == w || len(w) < 2 && w != "Q" && w != "A" {
			return 0
		}
		j++
	}
	if j == first || j+1 >= end || doc.Tokens[j].Norm != ":" {
		return 0
	}
	if w := doc.TokenText(first); j == first+1 && (w == "Q" || w == "A") {
		return j
	}
	// A name in capitals is also a section label ("INVESTIGATION:", "FACT:",
	// "FILE PHOTO:"): only a block in the first or second person, with no
	// quotation marks of its own, is taken for a speaker's words.
	personal, lower := false, false
	for i := j + 1; i < end && i-j <= maxLabelScan; i++ {
		if quoteMark(doc, i) != 0 {
			return 0
		}
		if w := doc.TokenText(i); strings.ToUpper(w) != w {
			lower = true
		}
		switch doc.Tokens[i].Norm {
		case "i", "we", "me", "us", "my", "our", "you", "your":
			personal = true
		}
	}
	if !personal || !lower {
		// Not personal, or a headline in capitals.
		return 0
	}
	return j
}

// maxLabelScan bounds the tokens transcriptLabel reads after a label.
const maxLabelScan = 200

// designation reports whether the quoted tokens [from, to) are a name or an
// acronym rather than a phrase held at a distance: every word capitalised
// (function words of, the, and, for aside), as in “Donetsk People's
// Republic”, “Coalition of the Willing”, “DPR”. Such quotes are not scare
// quotes.
//
// It visits only the word tokens (nextWord skips the rest), so a quote of a
// few words around a long run of punctuation costs no more than its words.
func designation(doc *text.Document, from, to int, nextWord []int) bool {
	words := 0
	for i := nextWord[from]; i < to; i = nextWord[i+1] {
		t := doc.Tokens[i]
		switch t.Norm {
		case "of", "the", "and", "for", "'s", "de", "la":
			continue
		}
		r, _ := utf8.DecodeRuneInString(doc.TokenText(i))
		if !unicode.IsUpper(r) {
			return false
		}
		words++
	}
	if words == 0 {
		return false
	}
	s := doc.Sentences[sentenceOf(doc, from)]
	if s.Kind == text.Title || s.Kind == text.Heading {
		// Headlines capitalise every word.
		return false
	}
	// A single capitalised word opening a sentence is not known to be a name.
	if t := doc.TokenText(from); words == 1 && strings.ToUpper(t) != t && from-1 <= s.First {
		return false
	}
	return true
}

// characterizing are the reporting verbs whose passive with "by" names
// who characterised something ("was described as X by Y"); other passives
// with "by" ("confirmed by the narrowest margin") name no speaker.
var characterizing = map[string]bool{"described": true, "called": true, "labeled": true, "labelled": true, "branded": true,
	"dubbed": true, "characterized": true, "characterised": true, "termed": true, "criticized": true, "criticised": true,
	"dismissed": true, "hailed": true, "praised": true, "condemned": true, "denounced": true, "accused": true, "slammed": true,
	"blasted": true, "lauded": true, "decried": true, "quoted": true, "cited": true, "portrayed": true, "painted": true}

// passiveBy finds a passive attribution, "[was] described as X by Y": the
// reporting verb [first, last) after a form of be, and "by" followed by a
// word within a few tokens after it in the sentence, outside quotes. It
// returns the token of "by", or -1.
func passiveBy(doc *text.Document, first, last int, s text.Sentence, inQuote []bool) int {
	p := first - 1
	for p > s.First && first-p <= 2 && (strings.HasPrefix(doc.Tokens[p].Tag, "RB") || doc.Tokens[p].Norm == "also" || doc.Tokens[p].Norm == "widely" || doc.Tokens[p].Norm == "often") {
		p--
	}
	if p < s.First || !beForms[doc.Tokens[p].Norm] || doc.Tokens[p].Norm == "'s" || !characterizing[doc.Tokens[last-1].Norm] {
		return -1
	}
	for k := last; k < s.Last-1 && k-last < 10; k++ {
		if inQuote[k] {
			continue
		}
		if doc.Tokens[k].Norm == "by" && doc.Tokens[k+1].Kind == text.Word && !inQuote[k+1] {
			return k
		}
		if doc.Tokens[k].Norm == ";" || doc.Tokens[k].Norm == ":" {
			break
		}
	}
	return -1
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
func findSpeaker(doc *text.Document, first, last int, according bool, sentOf []int, inQuote []bool, cues *speakerCues) (speaker, kind string, start, end, subj int) {
	s := doc.Sentences[sentOf[first]]
	isWord := func(i int) bool { return doc.Tokens[i].Kind == text.Word || doc.Tokens[i].Kind == text.Number }
	var from, to int
	subj = -1
	if according {
		// according to a statement from X: the source is X.
		from = sourceAfterDocument(doc, last, s.Last)
		to = from
		for to < s.Last && isWord(to) && !inQuote[to] && to-from < 8 {
			to++
		}
	} else if first > s.First+1 && doc.Tokens[first-1].Norm == "," && !inQuote[s.First] && quoteMark(doc, first-2) == 0 {
		// "President Trump, after his meeting with X, described ...": the
		// subject is the sentence's opening run of words.
		from, to = s.First, s.First
		for to < first && isWord(to) && to-from < 6 && !isClauseWord(doc.Tokens[to].Norm) {
			to++
		}
	} else if first > s.First && isWord(first-1) && !inQuote[first-1] {
		// Subject before the verb: a run of words, stopping at punctuation,
		// a quote, or a verb-like word ("has said", "had told").
		// At most maxAuxiliaries such words are skipped, so that a run of
		// them cannot make every verb walk back over it.
		to = first
		for to > s.First && first-to < maxAuxiliaries && (doc.Tokens[to-1].Norm == "has" || doc.Tokens[to-1].Norm == "had" || doc.Tokens[to-1].Norm == "have" || strings.HasSuffix(doc.Tokens[to-1].Tag, "RB") && doc.Tokens[to-1].Tag != "") {
			to--
		}
		from = to
		for from > s.First && isWord(from-1) && !inQuote[from-1] && to-from < 6 && !isClauseWord(doc.Tokens[from-1].Norm) {
			from--
		}
		if from < to {
			subj = from
		}
	} else {
		// Subject after the verb: said X.
		from, to = last, last
		for to < s.Last && isWord(to) && !inQuote[to] && to-from < 8 && !isClauseWord(doc.Tokens[to].Norm) {
			to++
		}
	}
	speaker, kind, start, end = speakerOf(doc, s, from, to, cues, sentOf)
	return speaker, kind, start, end, subj
}

// speakerRun takes the speaker of a passive attribution from the words
// after "by" (described as X by senior officials).
func speakerRun(doc *text.Document, s text.Sentence, from int, inQuote []bool, cues *speakerCues, sentOf []int) (speaker, kind string, start, end int) {
	to := from
	for to < s.Last && (doc.Tokens[to].Kind == text.Word || doc.Tokens[to].Kind == text.Number) && !inQuote[to] && to-from < 8 && !isClauseWord(doc.Tokens[to].Norm) {
		to++
	}
	return speakerOf(doc, s, from, to, cues, sentOf)
}

// sourceDocuments are the documents a source speaks through ("according to
// a statement from the ministry").
var sourceDocuments = map[string]bool{"statement": true, "report": true, "release": true, "post": true, "letter": true,
	"interview": true, "remarks": true, "comments": true, "email": true, "readout": true, "transcript": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true}

// sourceAfterDocument skips "a statement from" (and "a report by", "a
// readout of") after token i, returning the first token of the source
// itself, or i when the words there are not such a phrase.
func sourceAfterDocument(doc *text.Document, i, end int) int {
	j := i
	if j < end && (doc.Tokens[j].Norm == "a" || doc.Tokens[j].Norm == "an" || doc.Tokens[j].Norm == "the") {
		j++
	}
	if j+1 < end && sourceDocuments[doc.Tokens[j].Norm] {
		switch doc.Tokens[j+1].Norm {
		case "from", "by", "of", "issued":
			return j + 2
		}
	}
	return i
}

// speakerOf names the speaker tokens [from, to) and classifies them:
// anonymous (an anonymous-source cue in them or in the sentence outside
// quotes), named (a capitalised word, a proper noun or a pronoun standing
// for one), or vague.
func speakerOf(doc *text.Document, s text.Sentence, from, to int, cues *speakerCues, sentOf []int) (speaker, kind string, start, end int) {
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
	if cues.anonSent[sentOf[from]] {
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
