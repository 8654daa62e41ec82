package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits src[start:end] into tokens with byte offsets into src.
// Whitespace (including no-break spaces) separates tokens; em and en dashes are
// tokens of their own even without spaces (Ukraine—and); hyphenated compounds,
// letter-dot abbreviations (U.S.), numbers with separators (25,000) and
// contractions are handled as described on Token.
func tokenizeRef(src string, start, end int, dst []Token) []Token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(src[i:end])
		switch {
		case isSpace(r) || IsInvisible(r):
			i += size
		case isWordRune(r):
			j, kind := scanWordRef(src, i, end)
			dst = appendWordRef(dst, src, i, j, kind)
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

// scanWord returns the end of the word or number starting at i.
func scanWordRef(src string, i, end int) (int, Kind) {
	allDigits := true
	j := i
	for j < end {
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
		case r == '.' && j+size < end && unicode.IsLetter(next) && isInitialismRef(src[i:j]):
			j += size // U.S.A, e.g
		default:
			return finishWordRef(src, i, j, end, allDigits)
		}
	}
	return finishWordRef(src, i, j, end, allDigits)
}

// isInitialism reports whether w looks like the inside of a letter-dot
// abbreviation: single letters separated by dots (U, U.S, e.g).
func isInitialismRef(w string) bool {
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
func finishWordRef(src string, i, j, end int, allDigits bool) (int, Kind) {
	kind := Word
	if allDigits {
		kind = Number
	}
	if j < end && src[j] == '.' && kind == Word {
		w := src[i:j]
		if strings.Contains(w, ".") && isInitialismRef(w) {
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
func appendWordRef(dst []Token, src string, i, j int, kind Kind) []Token {
	norm := normWordRef(src[i:j])
	if kind == Word {
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

func normWordRef(s string) string {
	ascii := true
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf || ('A' <= s[k] && s[k] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.ToLower(foldReplacer.Replace(s))
}
