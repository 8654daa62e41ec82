package text

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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

// segmenter finds sentence ends inside a block. By default it reads the
// block's tokens with rules (see endsAt): one pass, no allocation, no
// model. WithPunkt uses the punkt model of gopkg.in/neurosnap/sentences
// (the one prose uses) instead, its boundaries snapped to our tokens; it
// is about 48 MB of live heap and several times slower, and is kept to
// measure the rules against (TestSegmenterAgreesWithPunkt).
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
	if s.punkt != nil {
		return s.splitPunkt(src, b, bi, toks, first, last, dst)
	}
	cur := first
	for k := first; k < last; k++ {
		e, ok := endsAt(src, toks, k, last)
		if !ok {
			continue
		}
		// A closing quote or bracket after the end belongs to the sentence.
		for e < last && closerAt(src, toks, cur, e, last) {
			e++
			// (R., Maine.). : marks after the closer end the sentence too.
			for e < last && isTerminal(toks[e]) && toks[e].Start == toks[e-1].End {
				e++
			}
		}
		if e >= last {
			break
		}
		if continuesAfter(src, toks, cur, k, e, last) {
			continue
		}
		dst = append(dst, Sentence{Start: toks[cur].Start, End: toks[e-1].End, First: cur, Last: e, Block: bi, Kind: b.Kind})
		cur = e
		k = e - 1
	}
	return append(dst, Sentence{Start: toks[cur].Start, End: toks[last-1].End, First: cur, Last: last, Block: bi, Kind: b.Kind})
}

// endsAt reports whether a sentence ends with token k, and returns the
// index after its final punctuation run (?!, ..., ?!").
//
//   - "?" and "!" end a sentence unless a lowercase word follows (“Stop!”
//     he shouted).
//   - "." ends one when it is not glued to a following word (file.txt,
//     example.com); an ellipsis ("...", "…") ends one only before a
//     capitalised word.
//   - A word that kept its period (U.S., Inc., etc., a middle initial J.;
//     see Tokenize) ends one only before a word that usually starts
//     sentences (The, He, But, ...): "the U.S. economy" and "Donald J.
//     Trump" go on, "in the U.S. The talks" ends. Titles (Mr., Dr., Sen.)
//     never end one.
func endsAt(src string, toks []Token, k, last int) (int, bool) {
	t := toks[k]
	switch t.Kind {
	case Punct:
		if !isTerminal(t) {
			return 0, false
		}
		if k+1 < last && (toks[k+1].Norm == "," || toks[k+1].Norm == ";" || toks[k+1].Norm == ":") {
			return 0, false // R-Ill., who; Democracy Now!, the show
		}
		if k > 0 && isTerminal(toks[k-1]) && gap(src, toks[k-1], t) {
			return 0, false // inside a run: its first mark decides
		}
		// The run of marks glued together: "?!", "...", "…."
		e, dots, ellipsis := k, 0, false
		for e < last && isTerminal(toks[e]) && (e == k || toks[e-1].End == toks[e].Start) {
			switch toks[e].Norm {
			case ".":
				dots++
			case "…":
				ellipsis = true
			}
			e++
		}
		if dots >= 2 || (ellipsis && toks[e-1].Norm != ".") {
			// "...": an omission or a trailing off goes on, unless it
			// follows a word and a word that usually starts sentences
			// follows after a space ("a bigger mistake... I guess", "in
			// life ... Both sides"); an ellipsis that opens a quote
			// ("... We will") or follows a sentence's end (“No.” ...)
			// starts the next sentence.
			p := k - 1
			for p > 0 && isCloser(toks[p].Norm) && toks[p].End == toks[p+1].Start {
				p--
			}
			n := nextWord(toks, e, last)
			if p >= 0 && (toks[p].Kind == Word || toks[p].Kind == Number) && e < last && toks[e].Start > toks[e-1].End &&
				n >= 0 && startsUpper(src, toks[n]) && sentenceStarters[toks[n].Norm] {
				return e, true
			}
			return 0, false
		}
		if t.Norm == "." && e < last && isTerminal(toks[e]) && k > 0 && toks[k-1].End != t.Start {
			return 0, false // " . . .": a spaced ellipsis (after "word." it is the sentence's end, as in punkt)
		}
		n := nextWord(toks, e, last)
		if t.Norm != "." && ((e < last && toks[e].Start == toks[e-1].End && debris[toks[e].Norm]) ||
			(k > 0 && toks[k-1].End == t.Start && debris[toks[k-1].Norm])) {
			return 0, false // "?#?" and "(R?-?)": characters lost in encoding, not a question
		}
		if t.Norm != "." {
			if n >= 0 && toks[n].Kind == Word && !startsUpper(src, toks[n]) {
				return 0, false // “Stop!” he shouted.
			}
			return e, true
		}
		if e == k+1 && e < last && toks[e].Start == t.End && (toks[e].Kind == Word || toks[e].Kind == Number) {
			return 0, false // glued: file.txt
		}
		if e < last && (toks[e].Norm == "," || toks[e].Norm == ";" || toks[e].Norm == ":") {
			return 0, false // R-Ill., who
		}
		if n >= 0 && !startsUpper(src, toks[n]) && toks[n].Kind == Word {
			return 0, false // a lowercase word goes on: Winter Garden, Fla. was spared
		}
		if k > 0 && toks[k-1].End == t.Start && hyphenTitle(src, toks[k-1]) {
			return 0, false // then-Sen. Jim DeMint, now-Gov. Smith
		}
		if k > 0 && toks[k-1].End == t.Start && isAbbrevLike(src, toks[k-1]) &&
			(n < 0 || !sentenceStarters[toks[n].Norm]) {
			return 0, false // Partners v. United States; Reps. Ro Khanna; Louisville, Ky. Officials
		}
		return e, true
	case Word:
		if src[t.End-1] != '.' || k+1 >= last {
			return 0, false
		}
		if titles[strings.TrimSuffix(t.Norm, ".")] || t.Norm == "i.e." || t.Norm == "e.g." {
			return 0, false // (i.e. "The cancer ...")
		}
		n := nextWord(toks, k+1, last)
		if n < 0 || toks[n].Start == t.End {
			return 0, false
		}
		if !sentenceStarters[toks[n].Norm] || !startsUpper(src, toks[n]) {
			return 0, false
		}
		return k + 1, true
	}
	return 0, false
}

// closerAt reports whether the quote or bracket at e closes the sentence
// that started at cur: it closes one opened there, or it is glued to the
// final punctuation and is a closing mark (” ’ ) ]) or a straight quote
// not glued to the next word.
func closerAt(src string, toks []Token, cur, e, last int) bool {
	t := toks[e]
	if !isCloser(t.Norm) {
		return false
	}
	if closesHere(toks, cur, e) {
		return true
	}
	if t.Start != toks[e-1].End {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(src[t.Start:t.End]); r {
	case '\u201d', '\u2019', ')', ']':
		return true
	case '"', '\'':
		return e+1 >= last || toks[e+1].Start > t.End || isCloser(toks[e+1].Norm)
	}
	return false
}

func isTerminal(t Token) bool {
	return t.Kind == Punct && (t.Norm == "." || t.Norm == "?" || t.Norm == "!" || t.Norm == "…")
}

// gap reports whether b follows a directly or after one space (". . .").
func gap(src string, a, b Token) bool {
	return b.Start == a.End || (b.Start == a.End+1 && src[a.End] == ' ')
}

// nextWord returns the index of the first word or number at or after i,
// skipping quotes and brackets; -1 when none.
func nextWord(toks []Token, i, last int) int {
	for ; i < last; i++ {
		switch toks[i].Kind {
		case Word, Number:
			return i
		case Punct:
			switch toks[i].Norm {
			case `"`, "'", "(", "[", ")", "]":
				continue
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// isAbbrevLike reports whether a word before a period reads as an
// abbreviation the tokenizer did not keep whole: one lowercase letter (v.),
// a party-state tag (R-Ill, D-W.Va), a US state (Calif, Ky) or a plural
// title (Sens, Reps).
func isAbbrevLike(src string, t Token) bool {
	if t.Kind != Word {
		return false
	}
	w := src[t.Start:t.End]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLower(r)
	}
	if len(w) <= 8 && len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' {
		return true
	}
	if h := strings.LastIndexByte(w, '-'); h >= 0 && h+1 < len(w) {
		// post-Sept. 11, ex-Gov. (the title case is hyphenTitle's)
		suf := w[h+1:]
		r, _ := utf8.DecodeRuneInString(suf)
		l := strings.ToLower(suf)
		return unicode.IsUpper(r) && (splitterAbbreviations[l] || abbreviations[l])
	}
	return splitterAbbreviations[t.Norm] && startsUpper(src, t)
}

// hyphenTitle reports whether a word is a title after a hyphenated
// prefix (then-Sen, now-Gov, ex-Rep), which Tokenize leaves without its
// period; like a bare title it stands before a name.
func hyphenTitle(src string, t Token) bool {
	if t.Kind != Word {
		return false
	}
	w := src[t.Start:t.End]
	h := strings.LastIndexByte(w, '-')
	if h < 0 || h+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return unicode.IsUpper(r) && titles[strings.ToLower(w[h+1:])]
}

// debris are marks that, glued after a ? or !, show the ? stands for a
// character lost in encoding ("because ?#?PPkillsbabies?", "(R?-?)").
var debris = map[string]bool{"#": true, "-": true, "@": true, "/": true, "_": true, "*": true}

// speechVerbs follow a quoted question or exclamation and its speaker
// inside one sentence: “Why?” Smith asked.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`said says asked asks told tells added adds wrote writes tweeted shouted yelled
		replied replies recalled continued wondered explained insisted responded`) {
		speechVerbs[w] = true
	}
}

// continuesAfter reports whether a sentence end that endsAt found at mark
// k (the sentence running on to e, closing quotes and brackets included)
// is not one after all, given what precedes and follows it:
//
//   - a comma, semicolon or colon, or a dash glued on, follows the closing
//     quote or bracket: (even bad ones!), and; “... decency?”—will;
//   - a question or exclamation in quotes is followed by its speaker and a
//     speech verb: “Why?” Smith asked;
//   - the "sentence" is only a list number or a stray period: “3. Who
//     finishes third?”, “[3.] The”, “. @handle said”;
//   - no word or number (but a bracketed footnote number) follows in the
//     block: a footnote mark or a stray quote
//     (“in 2003.[31]”) belongs to the sentence before it.
func continuesAfter(src string, toks []Token, cur, k, e, last int) bool {
	// Straight quotes glued on both sides are not taken as closers by
	// closerAt (thinking!"; and): look past them.
	f := e
	for f+1 < last && isCloser(toks[f].Norm) && toks[f].Start == toks[f-1].End && toks[f+1].Start == toks[f].End {
		f++
	}
	switch n := toks[f].Norm; {
	case n == "," || n == ";" || n == ":":
		return true
	case (n == "--" || n == "-") && toks[f].Start == toks[f-1].End:
		return true
	}
	if (toks[k].Norm == "?" || toks[k].Norm == "!") && isCloser(toks[e-1].Norm) {
		// Up to three capitalised words that do not start sentences (a
		// name, a title), then the verb: “Why?” He asked. stays two.
		for i, names := e, 0; i < last && names <= 3; i, names = i+1, names+1 {
			if toks[i].Kind != Word {
				break
			}
			if speechVerbs[toks[i].Norm] {
				return names > 0
			}
			if !startsUpper(src, toks[i]) || sentenceStarters[toks[i].Norm] {
				break
			}
		}
	}
	if toks[k].Norm == "." {
		numbers, words := 0, 0
		for i := cur; i < k && words == 0; i++ {
			switch toks[i].Kind {
			case Word:
				words++
			case Number:
				numbers++
			}
		}
		if words == 0 && numbers <= 1 {
			return true
		}
	}
	for i := e; i < last; i++ {
		if toks[i].Kind == Word || (toks[i].Kind == Number && toks[i-1].Norm != "[") {
			return false
		}
	}
	return true
}

// splitterAbbreviations are capitalised abbreviations written with a
// period that Tokenize does not keep whole: AP-style US state names and
// plural titles. Written for Slant from the AP state list.
var splitterAbbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
		miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo sens reps govs gens ave blvd rd
		sep mar apr jun jul`) {
		splitterAbbreviations[w] = true
	}
}

func startsUpper(src string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(src[t.Start:t.End])
	return unicode.IsUpper(r)
}

// titles are abbreviations that stand before a name and so never end a
// sentence (a subset of the abbreviations Tokenize keeps whole).
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "maj": true, "adm": true,
	"cmdr": true, "pres": true, "rev": true, "hon": true, "messrs": true,
}

// sentenceStarters are closed-class words (determiners, pronouns,
// conjunctions, prepositions, sentence adverbs) that, capitalised after an
// abbreviation's period, start a new sentence far more often than they
// continue a name ("the U.S. The talks", "Apple Inc. But"). Written for
// Slant from English grammar, not learned from any corpus.
var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an this that these those it its he she they we i you his her their our my
		there here but and or so yet nor in on at for with by from as if when while after before since although though
		because however meanwhile still then now also some many most all both each every not one what who whom why how
		where which such other another under over during despite according among instead even only last next earlier
		later until unless once to of no none few several more much any nothing everyone nobody neither either
		thus therefore moreover furthermore indeed asked is are was were do does did have has had will would can
		could should may might must shall`) {
		sentenceStarters[w] = true
	}
}

// splitPunkt splits a paragraph with the punkt model.
func (s *segmenter) splitPunkt(src string, b Block, bi int, toks []Token, first, last int, dst []Sentence) []Sentence {
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
