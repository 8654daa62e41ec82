package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits, internal hyphens, apostrophes or dots (U.S.)
	Number             // digits with optional , . separators (25,000; 3.5)
	Punct              // punctuation, one character per token, quotes and dashes included
	Symbol             // anything else (~, $, %, emoji)
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	default:
		return "symbol"
	}
}

// Span is a half-open byte range [Start, End) into an article's original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Token is one word, number or punctuation mark. src[Start:End] is the token as
// written; Norm is its matching form (lower case, curly apostrophes and quotes
// made straight).
type Token struct {
	Start, End int
	Kind       Kind
	Norm       string
	Tag        string // part-of-speech tag (Penn Treebank), empty when tagging is off
}

// Span returns the token's byte range.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// IsHyphenated reports whether a word token is a hyphenated compound
// (Kremlin-friendly, post-war).
func (t Token) IsHyphenated() bool {
	return t.Kind == Word && strings.IndexByte(t.Norm, '-') > 0
}

// Parts returns the byte spans of the parts of a hyphenated compound, in the
// original text; for any other token it returns the token's own span.
func (t Token) Parts(src string) []Span {
	if !t.IsHyphenated() {
		return []Span{t.Span()}
	}
	var parts []Span
	start := t.Start
	for i := t.Start; i < t.End; {
		r, size := utf8.DecodeRuneInString(src[i:])
		if isHyphen(r) {
			if i > start {
				parts = append(parts, Span{start, i})
			}
			start = i + size
		}
		i += size
	}
	if start < t.End {
		parts = append(parts, Span{start, t.End})
	}
	return parts
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isDash(r rune) bool {
	return r == '\u2013' || r == '\u2014' || r == '\u2015' || r == '\u2212'
}

// isSpace treats every Unicode space (no-break space included) as a
// separator. Invisible characters (see IsInvisible) separate tokens only
// where they are not inside a word.
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// IsInvisible reports the invisible characters web copy carries inside
// words: soft hyphen, zero-width space, non-joiner and joiner, word joiner
// and a byte-order mark in the middle of text. Inside a word they are kept
// in the token's span (offsets stay exact) but dropped from its Norm, so
// "ra\u00ADdical" matches "radical"; elsewhere they separate tokens.
func IsInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// abbreviations that keep their final period inside the token. Letter-dot
// sequences (U.S., e.g.) are recognised by shape and need no entry.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"maj": true, "adm": true, "cmdr": true, "pres": true, "rev": true, "hon": true, "messrs": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "dept": true, "est": true, "fig": true, "vol": true, "mt": true, "ft": true,
}

// clitics split off the end of a word, Penn Treebank style, so that
// possessives match their noun (Russia’s → Russia + ’s) and the tagger sees
// the tokens it was trained on.
var clitics = []string{"n't", "'s", "'re", "'ll", "'ve", "'m", "'d"}

// Tokenize splits src[start:end] into tokens with byte offsets into src.
// Whitespace (including no-break spaces) separates tokens; em and en dashes are
// tokens of their own even without spaces (Ukraine—and); hyphenated compounds,
// letter-dot abbreviations (U.S.), numbers with separators (25,000) and
// contractions are handled as described on Token.
func Tokenize(src string, start, end int, dst []Token) []Token {
	i := start
	for i < end {
		if c := src[i]; c < utf8.RuneSelf {
			// ASCII: classified by table, no decoding (the table is built
			// from the same predicates as the general case below).
			switch asciiClass[c] {
			case classSpace:
				i++
			case classWord:
				j, kind := scanWord(src, i, end)
				dst = appendWord(dst, src, i, j, kind)
				i = j
			default:
				kind := Symbol
				if asciiClass[c] == classPunct {
					kind = Punct
				}
				dst = append(dst, Token{Start: i, End: i + 1, Kind: kind, Norm: src[i : i+1]})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:end])
		switch {
		case isSpace(r) || IsInvisible(r):
			i += size
		case isWordRune(r):
			j, kind := scanWord(src, i, end)
			dst = appendWord(dst, src, i, j, kind)
			i = j
		default:
			kind := Symbol
			if unicode.IsPunct(r) || isDash(r) {
				kind = Punct
			}
			dst = append(dst, Token{Start: i, End: i + size, Kind: kind, Norm: normPunct(r, src[i:i+size])})
			i += size
		}
	}
	return dst
}

// ASCII byte classes for Tokenize and scanWord.
const (
	classSpace  uint8 = iota // isSpace or IsInvisible
	classWord                // isWordRune
	classPunct               // unicode.IsPunct or isDash
	classSymbol              // anything else
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		switch {
		case isSpace(r) || IsInvisible(r):
			t[r] = classSpace
		case isWordRune(r):
			t[r] = classWord
		case unicode.IsPunct(r) || isDash(r):
			t[r] = classPunct
		default:
			t[r] = classSymbol
		}
	}
	return t
}()

// scanWord returns the end of the word or number starting at i.
func scanWord(src string, i, end int) (int, Kind) {
	allDigits := true
	j := i
	for j < end {
		if c := src[j]; c < utf8.RuneSelf && asciiClass[c] == classWord {
			if c < '0' || c > '9' {
				allDigits = false
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[j:end])
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				allDigits = false
			}
			j += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(src[j+size : end])
		_ = nsize
		switch {
		case IsInvisible(r) && j+size < end && isWordRune(next):
			j += size // ra\u00ADdical: the invisible character stays in the span, not in Norm
		case isHyphen(r) && j+size < end && isWordRune(next):
			j += size // Kremlin-friendly, post-war, 2022-23
			allDigits = false
		case isApostrophe(r) && j+size < end && unicode.IsLetter(next):
			j += size // Russia’s, don't, O'Brien: clitics are split later
			allDigits = false
		case (r == ',' || r == '.') && allDigits && j+size < end && unicode.IsDigit(next):
			j += size // 25,000 and 3.5
		case r == '.' && j+size < end && unicode.IsLetter(next) && isInitialism(src[i:j]):
			j += size // U.S.A, e.g
		default:
			return finishWord(src, i, j, end, allDigits)
		}
	}
	return finishWord(src, i, j, end, allDigits)
}

// isInitialism reports whether w looks like the inside of a letter-dot
// abbreviation: single letters separated by dots (U, U.S, e.g).
func isInitialism(w string) bool {
	n := 0
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		n++
	}
	return n >= 1
}

// finishWord decides whether a following period belongs to the word.
func finishWord(src string, i, j, end int, allDigits bool) (int, Kind) {
	kind := Word
	if allDigits {
		kind = Number
	}
	if j < end && src[j] == '.' && kind == Word {
		w := src[i:j]
		if strings.Contains(w, ".") && isInitialism(w) {
			return j + 1, Word // U.S.
		}
		if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
			// A middle initial (Donald J. Trump) unless a sentence ends in it.
			return j + 1, Word
		}
		if abbreviations[strings.ToLower(w)] {
			return j + 1, Word
		}
	}
	return j, kind
}

// appendWord appends the word src[i:j], splitting off a trailing clitic.
func appendWord(dst []Token, src string, i, j int, kind Kind) []Token {
	norm := normWord(src[i:j])
	// Every clitic has its apostrophe second or third from the end.
	if n := len(norm); kind == Word && n > 2 && (norm[n-2] == '\'' || norm[n-3] == '\'') {
		for _, c := range clitics {
			if len(norm) > len(c) && strings.HasSuffix(norm, c) {
				cut := len(norm) - len(c)
				// Norm and src differ in length only where a curly apostrophe
				// was straightened; find the split point in src.
				k := j
				for n := 0; n < utf8.RuneCountInString(c); n++ {
					_, size := utf8.DecodeLastRuneInString(src[i:k])
					k -= size
				}
				dst = append(dst, Token{Start: i, End: k, Kind: Word, Norm: norm[:cut]})
				return append(dst, Token{Start: k, End: j, Kind: Word, Norm: norm[cut:]})
			}
		}
	}
	return append(dst, Token{Start: i, End: j, Kind: kind, Norm: norm})
}

var foldReplacer = strings.NewReplacer("\u2019", "'", "\u02bc", "'", "\u2018", "'", "\u2010", "-", "\u2011", "-",
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// Fold returns the matching form of a word: lower case, with curly
// apostrophes and Unicode hyphens made ASCII and invisible characters (soft
// hyphen, zero-width space/joiners, word joiner, BOM) removed. Lexicon terms are folded the
// same way, so “Kremlin’s” and "Kremlin's" match alike.
func Fold(s string) string { return normWord(s) }

func normWord(s string) string {
	upper := false
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return strings.ToLower(foldReplacer.Replace(s))
		}
		if 'A' <= s[k] && s[k] <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	// ASCII with capitals: the replacer touches only non-ASCII runes and
	// would copy the word for nothing; lowering is the whole fold.
	return strings.ToLower(s)
}

func normPunct(r rune, s string) string {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return `"`
	case '\u2018', '\u2019':
		return "'"
	case '\u2013', '\u2014', '\u2015':
		return "--"
	}
	return s
}
