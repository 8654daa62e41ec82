package coverage

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

// Kind is the kind of a content unit.
type Kind string

// Unit kinds.
const (
	Actor  Kind = "actor"  // an actor of framing's gazetteer (key: the actor ID)
	Source Kind = "source" // a person or body quoted or paraphrased (key: normalised name)
	Quote  Kind = "quote"  // a direct quotation (aligned by its words)
	Number Kind = "number" // a figure with its unit or noun (key: value and unit class)
	Date   Kind = "date"   // a calendar date, month, year or weekday
	Claim  Kind = "claim"  // a sentence (aligned by TF-IDF cosine)
)

// kindOrder fixes the order units are listed in.
var kindOrder = map[Kind]int{Claim: 0, Number: 1, Date: 2, Quote: 3, Source: 4, Actor: 5}

// Mention is one occurrence of a content unit in one article.
type Mention struct {
	Kind Kind `json:"kind"`
	// Key identifies the unit across articles for kinds matched by key
	// (actor, source, number, date); quotes and claims are matched by
	// similarity and carry their stems instead.
	Key      string `json:"key"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
	// Label is a readable name: the actor's name, the source's name, the
	// number with its unit.
	Label string `json:"label,omitempty"`

	stems []string // quotes and claims: content stems, for alignment
}

// minClaimStems is the fewest content stems a sentence needs to be a claim:
// shorter ones ("More", "Read more") are furniture or fragments.
const minClaimStems = 4

// Mentions extracts the content units of one analysed article, in text
// order within each kind: claims (its sentences), numbers, dates, direct
// quotes (not scare quotes), sources and actors.
func Mentions(r *framing.Result) []Mention {
	var out []Mention
	src := r.Text
	for si, s := range r.Sentences {
		stems := contentStems(src, s.Start, s.End)
		if len(stems) < minClaimStems {
			continue
		}
		out = append(out, Mention{Kind: Claim, Text: src[s.Start:s.End], Start: s.Start, End: s.End, Sentence: si, stems: stems})
	}
	for si, s := range r.Sentences {
		dates := findDates(src, s.Start, s.End)
		for _, d := range dates {
			d.Sentence = si
			out = append(out, d)
		}
		for _, n := range findNumbers(src, s.Start, s.End, dates) {
			n.Sentence = si
			out = append(out, n)
		}
	}
	for _, q := range r.Quotes {
		if q.Scare || q.End <= q.Start {
			continue
		}
		stems := contentStems(src, q.Start, q.End)
		if len(stems) == 0 {
			continue
		}
		out = append(out, Mention{Kind: Quote, Text: src[q.Start:q.End], Start: q.Start, End: q.End, Sentence: sentenceAt(r, q.Start), Label: q.Speaker, stems: stems})
	}
	for _, v := range voiceMentions(r) {
		out = append(out, Mention{Kind: Source, Key: v.key, Text: v.text, Start: v.start, End: v.end, Sentence: v.sentence, Label: v.name})
	}
	for _, a := range r.Actors {
		for _, m := range a.Spans {
			out = append(out, Mention{Kind: Actor, Key: a.ID, Text: m.Text, Start: m.Start, End: m.End, Sentence: m.Sentence, Label: a.Name})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return kindOrder[out[i].Kind] < kindOrder[out[j].Kind]
		}
		return out[i].Start < out[j].Start
	})
	return out
}

// sentenceAt returns the index of the sentence holding byte offset off, or -1.
func sentenceAt(r *framing.Result, off int) int {
	i := sort.Search(len(r.Sentences), func(i int) bool { return r.Sentences[i].End > off })
	if i < len(r.Sentences) && r.Sentences[i].Start <= off {
		return i
	}
	return -1
}

var (
	monthNames = `Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?`
	// dateRE finds calendar dates: "August 20, 2025", "Aug. 20", "20 August
	// 2025", "September 2025", "2025-08-20", weekdays and years 1900–2099.
	dateRE = regexp.MustCompile(`\b(?:(?:` + monthNames + `)\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?|\d{1,2}\s+(?:` + monthNames + `)(?:\s+(?:19|20)\d\d)?|(?:January|February|March|April|June|July|August|September|October|November|December)(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d-\d\d-\d\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:19|20)\d\d)\b`)
	// numberRE finds figures: an optional approximation mark, currency,
	// digits with separators, an optional magnitude word or percent.
	numberRE = regexp.MustCompile(`(?i)(~|≈|about |around |nearly |almost |some |roughly |more than |over |at least |up to )?([$€£]\s?)?(\d[\d,]*(?:\.\d+)?)(\s?(?:%|percent|per cent))?(?:\s?(million|billion|trillion|thousand|bn|mn)\b)?`)
)

var monthNum = map[string]string{"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06", "jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12"}

// findDates returns the dates in src[start:end], keyed by a normal form
// ("2025-08-20", "08-20", "2025-08", "thursday", "2025").
func findDates(src string, start, end int) []Mention {
	var out []Mention
	for _, m := range dateRE.FindAllStringIndex(src[start:end], -1) {
		s := src[start+m[0] : start+m[1]]
		out = append(out, Mention{Kind: Date, Key: dateKey(s), Text: s, Start: start + m[0], End: start + m[1], Label: s})
	}
	return out
}

func dateKey(s string) string {
	low := strings.ToLower(s)
	if strings.HasSuffix(low, "day") && !strings.ContainsAny(low, "0123456789") {
		return low
	}
	if len(low) == 10 && low[4] == '-' {
		return low
	}
	var month, day, year string
	for _, f := range strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if mm, ok := monthNum[f[:min(3, len(f))]]; ok && unicode.IsLetter(rune(f[0])) {
			month = mm
			continue
		}
		f = strings.TrimRight(f, "stndrh")
		if n, err := strconv.Atoi(f); err == nil {
			if n >= 1900 {
				year = f
			} else {
				day = fmt.Sprintf("%02d", n)
			}
		}
	}
	parts := []string{}
	for _, p := range []string{year, month, day} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "-")
}

var magnitude = map[string]float64{"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}

// unitClasses merge unit nouns that outlets use interchangeably for the same
// figure ("26 nations", "26 countries", "26 states"). Written by hand for
// this package from the seed articles' and wire style's usage.
var unitClasses = map[string]string{
	"nation": "countri", "countri": "countri", "state": "countri",
	"troop": "troop", "soldier": "troop", "personnel": "troop", "forc": "troop",
	"peopl": "peopl", "person": "peopl",
	"year": "year", "yr": "year",
	"percent": "percent", "%": "percent", "per cent": "percent",
	"dollar": "usd", "$": "usd", "euro": "eur", "€": "eur", "pound": "gbp", "£": "gbp",
}

// findNumbers returns the figures in src[start:end] that are not inside one
// of dates, each keyed by its value and unit class ("26|countri").
func findNumbers(src string, start, end int, dates []Mention) []Mention {
	var out []Mention
	for _, m := range numberRE.FindAllStringSubmatchIndex(src[start:end], -1) {
		s, e := start+m[0], start+m[1]
		ds, de := start+m[6], start+m[7] // the digits
		inDate := false
		for _, d := range dates {
			if ds < d.End && de > d.Start {
				inDate = true
			}
		}
		if inDate || (ds > 0 && isWordByte(src[ds-1])) || (de < len(src) && isWordByte(src[de])) {
			continue // part of a date, a word ("G7") or a code
		}
		digits := strings.ReplaceAll(src[ds:de], ",", "")
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			continue
		}
		unit := ""
		if m[4] >= 0 {
			unit = unitClasses[strings.TrimSpace(src[start+m[4]:start+m[5]])]
		}
		if m[8] >= 0 {
			unit = "percent"
		}
		if m[10] >= 0 {
			v *= magnitude[strings.ToLower(src[start+m[10]:start+m[11]])]
		}
		label := strings.TrimSpace(src[s:e])
		if unit == "" {
			if u, ue := unitNoun(src, e, end); u != "" {
				st := stemmer.Stem(text.Fold(u))
				unit = st
				if c, ok := unitClasses[st]; ok {
					unit = c
				}
				label = strings.TrimSpace(src[s:ue])
				e = ue
			}
		}
		out = append(out, Mention{Kind: Number, Key: strconv.FormatFloat(v, 'g', -1, 64) + "|" + unit, Text: src[s:e], Start: s, End: e, Label: label})
	}
	return out
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// unitNoun finds the noun a figure counts: the first lower-case content
// word among the next three words ("26 European countries" → countries),
// stopping at punctuation or a function word. It returns the word and the
// end of its span.
func unitNoun(src string, from, end int) (string, int) {
	toks := text.Tokenize(src, from, end, nil)
	for i, t := range toks {
		if i >= 3 || t.Kind != text.Word {
			break
		}
		w := src[t.Start:t.End]
		if stopWords[t.Norm] {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			return w, t.End
		}
	}
	return "", 0
}
