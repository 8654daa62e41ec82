package coverage

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

// Voice kinds: a named person or body, an anonymous but particular source
// ("one senior European diplomat"), or a vague group ("critics", "analysts").
const (
	Named     = "named"
	Anonymous = "anonymous"
	Vague     = "vague"
)

// Voice is one person or body an outlet quotes or paraphrases.
type Voice struct {
	// Key is the normalised name all outlets share ("macron"; for anonymous
	// and vague sources "anonymous:diplomat", "vague:critic").
	Key string `json:"key"`
	// Name is the fullest form of the name the outlet used.
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Actor is the gazetteer actor the source belongs to (from an actor
	// mention inside its name, "French President ..." → actor.france), and
	// Side the camp it speaks for: the actor's name, or a US party when the
	// name carries one. Empty when unknown.
	Actor string `json:"actor,omitempty"`
	Side  string `json:"side,omitempty"`
	// Quotes counts direct quotations, Reported paraphrases (reported
	// speech and attributions without quotation marks).
	Quotes   int `json:"quotes"`
	Reported int `json:"reported"`
	// Share is this voice's part of all the outlet's quotes and paraphrases.
	Share float64 `json:"share"`
}

// Diversity summarises an outlet's voices.
type Diversity struct {
	// Named counts distinct named sources; Anonymous and Vague distinct
	// unnamed ones.
	Named     int `json:"named"`
	Anonymous int `json:"anonymous"`
	Vague     int `json:"vague"`
	// Entropy is the Shannon entropy, in bits, of the distribution of
	// quotes and paraphrases over voices: H = −Σ p log2 p. 0 when one voice
	// speaks; log2(k) when k voices speak equally.
	Entropy float64 `json:"entropy"`
	// NamedShare is the share of quotes and paraphrases given to named
	// sources.
	NamedShare float64 `json:"named_share"`
}

// voiceMention is one quote or paraphrase of a source in one article.
type voiceMention struct {
	key, name, kind, actor, side string
	text                         string
	start, end, sentence         int
	quote                        bool
}

// pronouns stand for the last named speaker before them.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// titles are words in front of a name that are not the name ("President").
var titles = map[string]bool{"president": true, "minister": true, "prime": true, "chancellor": true, "secretary": true,
	"envoy": true, "senator": true, "sen": true, "rep": true, "representative": true, "gov": true, "governor": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "general": true, "gen": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "leader": true, "chairman": true, "speaker": true, "king": true, "queen": true, "pope": true,
	"the": true, "a": true, "an": true, "one": true, "several": true, "some": true, "many": true}

// parties are the US party names a source's description may carry.
var parties = []struct{ word, side string }{
	{"republican", "Republican"}, {"gop", "Republican"}, {"r-", "Republican"},
	{"democrat", "Democratic"}, {"democratic", "Democratic"}, {"d-", "Democratic"},
}

// voiceMentions lists who an article quotes and paraphrases, in text order:
// direct quotes with a speaker, reported speech (framing evidence in the
// reported voice with its speaker), and anonymous and vague attributions.
// Pronoun speakers ("He noted") stand for the last named speaker before them.
func voiceMentions(r *framing.Result) []voiceMention {
	var raw []voiceMention
	for _, q := range r.Quotes {
		if q.Scare || q.Speaker == "" {
			continue
		}
		raw = append(raw, voiceMention{name: q.Speaker, kind: q.SpeakerKind, start: q.Start, end: q.End, sentence: sentenceAt(r, q.Start), quote: true})
	}
	type sentSpeaker struct {
		sentence int
		speaker  string
	}
	seen := map[sentSpeaker]bool{} // one paraphrase per sentence and speaker
	for _, e := range r.Evidence {
		switch {
		case e.Voice == framing.Reported && e.Speaker != "":
			k := sentSpeaker{e.Sentence, e.Speaker}
			if seen[k] {
				continue
			}
			seen[k] = true
			raw = append(raw, voiceMention{name: e.Speaker, kind: Named, start: e.Start, end: e.End, sentence: e.Sentence})
		case e.Construct == "anonymous_source" || e.Construct == "vague_source":
			k := Vague
			if e.Construct == "anonymous_source" {
				k = Anonymous
			}
			raw = append(raw, voiceMention{name: e.Text, kind: k, start: e.Start, end: e.End, sentence: e.Sentence})
		}
	}
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].start < raw[j].start })
	var out []voiceMention
	var pending []voiceMention // pronoun speakers, resolved once every name is known
	for _, v := range raw {
		name := strings.TrimSpace(v.name)
		first := strings.ToLower(firstWord(name))
		if pronouns[first] && len(strings.Fields(name)) == 1 {
			pending = append(pending, v)
			continue
		}
		name = trimName(name)
		v.kind, v.key = classifyVoice(name, v.kind)
		if v.key == "" {
			continue
		}
		v.name = name
		v.actor, v.side = actorOf(r, name)
		if v.sentence >= 0 && v.sentence < len(r.Sentences) {
			s := r.Sentences[v.sentence]
			if a, b, ok := nameSpan(r.Text, name, s.Start, s.End, v.start); ok {
				v.start, v.end = a, b
			}
		}
		v.text = r.Text[v.start:v.end]
		out = append(out, v)
	}
	named := len(out)
	for _, v := range pending {
		if p, ok := resolvePronoun(r, out[:named], v); ok {
			v.name, v.kind, v.key, v.actor, v.side = p.name, p.kind, p.key, p.actor, p.side
			v.text = r.Text[v.start:v.end]
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// resolvePronoun finds who a pronoun speaker ("He noted") stands for: a
// named voice of the article whose surname is written in the same sentence
// before the quote (framing may take a later pronoun for the speaker of
// "Prime Minister Starmer cautioned that “...”"), else the last named voice
// before it.
func resolvePronoun(r *framing.Result, named []voiceMention, v voiceMention) (voiceMention, bool) {
	var sStart int
	if v.sentence >= 0 && v.sentence < len(r.Sentences) {
		sStart = r.Sentences[v.sentence].Start
		seg := r.Text[sStart:min(v.start, len(r.Text))]
		best, bestAt := -1, -1
		for i, n := range named {
			if n.kind != Named {
				continue
			}
			words := strings.Fields(n.name)
			surname := words[len(words)-1]
			if at := lastWordIndex(seg, surname); at > bestAt {
				best, bestAt = i, at
			}
		}
		if best >= 0 {
			return named[best], true
		}
	}
	best := -1
	for i, n := range named {
		if n.kind == Named && n.start < v.start && (best < 0 || n.start > named[best].start) {
			best = i
		}
	}
	if best < 0 {
		return voiceMention{}, false
	}
	return named[best], true
}

// lastWordIndex is the offset of the last whole-word occurrence of w in s,
// or -1.
func lastWordIndex(s, w string) int {
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], w)
		if i < 0 {
			return -1
		}
		j := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return i
		}
		end = i
	}
	return -1
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// clauseWords end a source's name when framing's speaker span runs on into
// the clause ("Italy has ruled out ...", "European partners are").
var clauseWords = map[string]bool{"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true,
	"said": true, "says": true, "say": true, "will": true, "would": true, "without": true, "with": true, "to": true}

// leadWords are dropped from the front of a name ("said one senior", "where
// the Élysée Palace").
var leadWords = map[string]bool{"according": true, "to": true, "said": true, "says": true, "where": true, "when": true, "while": true, "and": true, "but": true, "as": true}

// trimName cuts a speaker string to the name: leading clause words off, and
// everything from the first verb-like or clause word on.
func trimName(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && leadWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	for i := 1; i < len(words); i++ {
		if clauseWords[strings.ToLower(words[i])] {
			words = words[:i]
			break
		}
	}
	return strings.Join(words, " ")
}

// sourceNouns are the nouns unnamed sources are described by; an anonymous
// or vague source is keyed by the last of them in its description, so
// "one senior European diplomat" and "European diplomats" are one voice.
var sourceNouns = map[string]bool{"offici": true, "diplomat": true, "sourc": true, "aid": true, "person": true, "peopl": true,
	"insid": true, "analyst": true, "critic": true, "expert": true, "observ": true, "lawmak": true, "govern": true,
	"leader": true, "partner": true, "minist": true, "advis": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"investig": true, "prosecutor": true, "author": true, "administr": true, "militari": true, "senat": true, "member": true}

// classifyVoice returns a source's kind and key. A named source is keyed by
// the last capitalised word of its name that is not a title ("French
// President Emmanuel Macron" and "Macron" → "macron"); a description with no
// such word ("French officials", "one senior European diplomat") is an
// anonymous source keyed by its head noun; framing's vague sources are keyed
// by their first content word.
func classifyVoice(name, kind string) (string, string) {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	for i := range words {
		words[i] = strings.TrimSuffix(strings.TrimSuffix(words[i], "’s"), "'s")
	}
	if len(words) == 0 {
		return kind, ""
	}
	noun := ""
	for _, w := range words {
		if st := stemmer.Stem(text.Fold(w)); sourceNouns[st] {
			noun = st
		}
	}
	if kind == Vague {
		if noun == "" {
			noun = strings.ToLower(strings.Join(words, " "))
		}
		return Vague, "vague:" + noun
	}
	last := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(last)
	if kind == Anonymous || !unicode.IsUpper(r) || len(words) == 1 && noun != "" {
		if noun == "" {
			// No source noun: key by the description itself, so unrelated
			// descriptions of different outlets never merge.
			noun = strings.ToLower(strings.Join(words, " "))
		}
		return Anonymous, "anonymous:" + noun
	}
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		f := text.Fold(strings.Trim(w, "."))
		if unicode.IsUpper(r) && !titles[f] && hasLetter(f) {
			return Named, collapseDoubles(f)
		}
	}
	return Anonymous, "anonymous:" + stemmer.Stem(text.Fold(last))
}

// collapseDoubles writes a doubled final letter once, so transliterations
// that differ only there ("Zelenskyy", "Zelensky") share a key.
func collapseDoubles(s string) string {
	for len(s) >= 2 && s[len(s)-1] == s[len(s)-2] && s[len(s)-1] < 0x80 {
		s = s[:len(s)-1]
	}
	return s
}

// nameSpan finds where a source's name is written: the occurrence of name
// nearest to off within the sentence span [start, end) widened by one
// sentence's worth of text before it, or false.
func nameSpan(src, name string, start, end, off int) (int, int, bool) {
	lo := max(0, start-300)
	hi := min(len(src), end)
	best, found := 0, false
	for i := lo; i < hi; {
		k := strings.Index(src[i:hi], name)
		if k < 0 {
			break
		}
		p := i + k
		if !found || abs(p-off) < abs(best-off) {
			best, found = p, true
		}
		i = p + 1
	}
	return best, best + len(name), found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// actorOf finds the gazetteer actor named inside a source's name (an actor
// mention of the same article whose text is a word of the name) and the
// side it speaks for.
func actorOf(r *framing.Result, name string) (actor, side string) {
	low := " " + strings.ToLower(name) + " "
	for _, p := range parties {
		if strings.Contains(low, " "+p.word) {
			side = p.side
			break
		}
	}
	best := -1
	for _, a := range r.Actors {
		for _, m := range a.Spans {
			t := " " + strings.ToLower(m.Text) + " "
			if len(m.Text) > best && strings.Contains(low, t) {
				best, actor = len(m.Text), a.ID
				if side == "" {
					side = a.Name
				}
			}
		}
	}
	if actor == "" {
		// Demonyms inflect ("Ukrainian" for actor.ukraine): match on the
		// name's words against mentions by stem.
		for _, w := range strings.Fields(low) {
			for _, a := range r.Actors {
				for _, m := range a.Spans {
					if len(w) > 3 && stemmer.Stem(w) == stemmer.Stem(strings.ToLower(m.Text)) {
						return a.ID, orDefault(side, a.Name)
					}
				}
			}
		}
	}
	return actor, side
}

func orDefault(s, d string) string {
	if s != "" {
		return s
	}
	return d
}

// voicesOf sums an outlet's voice mentions into Voices (sorted by count,
// then key) and their Diversity.
func voicesOf(ms []voiceMention) ([]Voice, Diversity) {
	byKey := map[string]*Voice{}
	var keys []string
	for _, m := range ms {
		v, ok := byKey[m.key]
		if !ok {
			v = &Voice{Key: m.key, Name: m.name, Kind: m.kind, Actor: m.actor, Side: m.side}
			byKey[m.key] = v
			keys = append(keys, m.key)
		}
		if len(m.name) > len(v.Name) && m.kind == v.Kind {
			v.Name = m.name
		}
		if v.Actor == "" {
			v.Actor, v.Side = m.actor, m.side
		}
		if m.quote {
			v.Quotes++
		} else {
			v.Reported++
		}
	}
	out := make([]Voice, 0, len(keys))
	total := 0
	for _, k := range keys {
		out = append(out, *byKey[k])
		total += byKey[k].Quotes + byKey[k].Reported
	}
	sort.SliceStable(out, func(i, j int) bool {
		ni, nj := out[i].Quotes+out[i].Reported, out[j].Quotes+out[j].Reported
		if ni != nj {
			return ni > nj
		}
		return out[i].Key < out[j].Key
	})
	var d Diversity
	named := 0
	for i := range out {
		n := out[i].Quotes + out[i].Reported
		p := float64(n) / float64(total)
		out[i].Share = p
		if p > 0 {
			d.Entropy -= p * math.Log2(p)
		}
		switch out[i].Kind {
		case Named:
			d.Named++
			named += n
		case Anonymous:
			d.Anonymous++
		default:
			d.Vague++
		}
	}
	if total > 0 {
		d.NamedShare = float64(named) / float64(total)
	}
	if d.Entropy == 0 {
		d.Entropy = 0 // no negative zero in output
	}
	return out, d
}
