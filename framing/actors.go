package framing

import (
	"sort"
	"strings"

	"github.com/slantlab/slant/text"
)

// Actor is how one actor of the gazetteer appears in an article.
type Actor struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
	// Agent counts mentions that are the subject of an active verb or the
	// by-phrase of a passive; Patient counts objects and passive subjects.
	Agent   int `json:"agent"`
	Patient int `json:"patient"`
	// Spans are the mentions, in order.
	Spans []Mention `json:"spans"`
	// Verbs counts the verbs the actor takes as agent or patient, by the
	// verb as written (lower case).
	Verbs map[string]int `json:"verbs"`
	// Descriptors are loaded and evaluative terms syntactically about a
	// mention (see attached); Contested are contested terms so attached.
	Descriptors []Descriptor `json:"descriptors"`
	Contested   []Descriptor `json:"contested"`
	// Quoted lists the quotes whose speaker is this actor.
	Quoted []int `json:"quoted"`
}

// Mention is one mention of an actor.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Voice    Voice  `json:"voice"`
	// Role is agent, patient or other.
	Role string `json:"role"`
	Verb string `json:"verb,omitempty"`
}

// Descriptor is an evaluative term applied to an actor.
type Descriptor struct {
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Category string  `json:"category"`
	Weight   float64 `json:"weight"`
	Voice    Voice   `json:"voice"`
	Side     string  `json:"side,omitempty"`
	Sentence int     `json:"sentence"`
}

var beForms = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "'s": true, "get": true, "got": true, "gets": true, "gotten": true}

func isClauseBoundary(t text.Token) bool {
	switch t.Norm {
	case ",", ";", ":", "--", "(", ")", `"`, "'":
		return true
	}
	return false
}

// clauses gives, for every token, the token range of the clause around it
// (bounded by the sentence and by clause punctuation), computed in one pass
// so that many mentions in one long clause stay linear.
type clauses struct{ from, to []int }

func newClauses(doc *text.Document, sc *scratch) clauses {
	c := clauses{from: sc.intSlice(len(doc.Tokens)), to: sc.intSlice(len(doc.Tokens))}
	for _, s := range doc.Sentences {
		from := s.First
		for i := s.First; i < s.Last; i++ {
			c.from[i] = from
			if isClauseBoundary(doc.Tokens[i]) {
				from = i + 1
			}
		}
		to := s.Last
		for i := s.Last - 1; i >= s.First; i-- {
			if isClauseBoundary(doc.Tokens[i]) {
				to = i
			}
			c.to[i] = to
		}
	}
	return c
}

// clauseOf returns the token range of the clause around token i.
func (c clauses) clauseOf(i int) (int, int) { return c.from[i], c.to[i] }

// maxRoleWalk bounds how far roleOf looks past a mention's noun phrase.
const maxRoleWalk = 8

func isVerb(t text.Token) bool { return strings.HasPrefix(t.Tag, "VB") }

// roleOf decides whether the mention tokens [first, last) are the agent or
// the patient of a verb in their clause, from part-of-speech tags. vi is the
// verb's token index (-1 when there is none): for a passive, the participle.
func roleOf(doc *text.Document, cFrom, cTo, first, last int) (role, verb string, vi int) {
	toks := doc.Tokens
	if toks[first].Tag == "" {
		return "other", "", -1
	}
	// Right: skip the rest of the noun phrase, adverbs and auxiliaries.
	// Each walk is bounded by maxRoleWalk tokens, so that a long run of
	// names cannot make every mention walk over it.
	j := last
	for j < cTo && j-last < maxRoleWalk && (strings.HasPrefix(toks[j].Tag, "NNP") || toks[j].Tag == "POS" || toks[j].Norm == "'s") {
		if toks[j].Norm == "'s" || toks[j].Tag == "POS" {
			return "other", "", -1 // a possessor: Russia's war
		}
		j++
	}
	for j < cTo && j-last < 2*maxRoleWalk && (strings.HasPrefix(toks[j].Tag, "RB") || toks[j].Tag == "MD" || toks[j].Norm == "has" || toks[j].Norm == "have" || toks[j].Norm == "had" || toks[j].Norm == "will") {
		j++
	}
	if j < cTo && isVerb(toks[j]) {
		if beForms[toks[j].Norm] {
			k := j + 1
			for k < cTo && k-j <= maxRoleWalk && strings.HasPrefix(toks[k].Tag, "RB") {
				k++
			}
			if k < cTo && toks[k].Tag == "VBN" {
				return "patient", toks[k].Norm, k
			}
		}
		return "agent", toks[j].Norm, j
	}
	// Left: a by-phrase of a passive, or an object.
	k := first - 1
	for k >= cFrom && first-k <= maxRoleWalk && (toks[k].Tag == "DT" || strings.HasPrefix(toks[k].Tag, "JJ") || toks[k].Tag == "PRP$") {
		k--
	}
	if k >= cFrom {
		if toks[k].Norm == "by" && k-1 >= cFrom && toks[k-1].Tag == "VBN" {
			return "agent", toks[k-1].Norm, k - 1
		}
		if isVerb(toks[k]) {
			return "patient", toks[k].Norm, k
		}
	}
	return "other", "", -1
}

func computeActors(doc *text.Document, v *voices, r *Result, sc *scratch) []Actor {
	byID := map[string]*Actor{}
	var order []string
	cl := newClauses(doc, sc)
	// Descriptor candidates (constructs that describe: ConstructDef.Describes)
	// by the tokens they cover.
	evAt := map[int][]int{}
	for ei, e := range r.Evidence {
		if def, _ := ConstructInfo(e.Construct); def.Describes && !e.Negated && !(def.Sided && e.Side == "none") {
			f, l := tokenRange(doc, doc.Sentences[e.Sentence], e.Start, e.End)
			for i := f; i < l; i++ {
				evAt[i] = append(evAt[i], ei)
			}
		}
	}
	type descKey struct {
		start, end int
		category   string
	}
	seen := map[string]map[descKey]bool{}
	type mentionRef struct {
		id         string
		start, end int
	}
	var mentions []mentionRef
	for _, e := range r.Evidence {
		if e.Construct != "actor" {
			continue
		}
		a := byID[e.Category]
		if a == nil {
			name := e.Category
			if c, ok := r.categories[e.Category]; ok {
				name = c
			}
			a = &Actor{ID: e.Category, Name: name, Verbs: map[string]int{}, Descriptors: []Descriptor{}, Contested: []Descriptor{}, Quoted: []int{}}
			byID[e.Category] = a
			seen[e.Category] = map[descKey]bool{}
			order = append(order, e.Category)
		}
		s := doc.Sentences[e.Sentence]
		first, last := tokenRange(doc, s, e.Start, e.End)
		cFrom, cTo := cl.clauseOf(first)
		role, verb, vi := roleOf(doc, cFrom, cTo, first, last)
		a.Mentions++
		switch role {
		case "agent":
			a.Agent++
		case "patient":
			a.Patient++
		}
		if verb != "" {
			a.Verbs[verb]++
		}
		a.Spans = append(a.Spans, Mention{Start: e.Start, End: e.End, Text: e.Text, Sentence: e.Sentence, Voice: e.Voice, Role: role, Verb: verb})
		mentions = append(mentions, mentionRef{e.Category, e.Start, e.End})
		for _, ei := range attached(doc, r.Evidence, s, cTo, e, first, last, role, vi, evAt) {
			d := r.Evidence[ei]
			key := descKey{d.Start, d.End, d.Category}
			if seen[e.Category][key] {
				continue
			}
			seen[e.Category][key] = true
			desc := Descriptor{Text: d.Text, Start: d.Start, End: d.End, Category: d.Category, Weight: d.Weight, Voice: d.Voice, Side: d.Side, Sentence: d.Sentence}
			if def, _ := ConstructInfo(d.Construct); def.Sided {
				a.Contested = append(a.Contested, desc)
			} else {
				a.Descriptors = append(a.Descriptors, desc)
			}
		}
	}
	// Quotes whose speaker names the actor: the mentions inside the
	// speaker's span, found by binary search over the mentions (in text
	// order).
	quoted := map[string]map[int]bool{}
	for qi, q := range r.Quotes {
		if q.Speaker == "" || q.speakerEnd <= 0 {
			continue
		}
		k := sort.Search(len(mentions), func(i int) bool { return mentions[i].start >= q.speakerStart })
		for ; k < len(mentions) && mentions[k].start < q.speakerEnd; k++ {
			m := mentions[k]
			if m.end > q.speakerEnd {
				continue
			}
			if quoted[m.id] == nil {
				quoted[m.id] = map[int]bool{}
			}
			if !quoted[m.id][qi] {
				quoted[m.id][qi] = true
				byID[m.id].Quoted = append(byID[m.id].Quoted, qi)
			}
		}
	}
	out := make([]Actor, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// tokenRange finds the tokens covering [start, end) within sentence s, by
// binary search.
func tokenRange(doc *text.Document, s text.Sentence, start, end int) (int, int) {
	first := s.First + sort.Search(s.Last-s.First, func(i int) bool { return doc.Tokens[s.First+i].End > start })
	last := first + sort.Search(s.Last-first, func(i int) bool { return doc.Tokens[first+i].Start >= end })
	if last == first {
		last = first + 1
	}
	return first, last
}

// attached returns the descriptor candidates (indices into Result.Evidence,
// via evAt) that are syntactically about the actor mention e, tokens
// [first, last) of sentence s, whose clause ends at cTo. A word in the same
// sentence or clause is not enough; it must be
//   - a modifier of the mention: an adjective before a mention that heads its
//     noun phrase ("brutal Russia");
//   - what the mention possesses or modifies: the noun phrase after a
//     possessive ("the West's selectivity", "NATO's creeping encroachment")
//     or the head noun after a mention used as a modifier ("Western
//     maneuver"), or the noun phrase before "of" + mention ("the double
//     standards of Western powers");
//   - an appositive: ", the aggressor," right after the mention;
//   - with part-of-speech tags, the verb group of which the mention is the
//     subject ("Europe hides", "Russia is massively attacking") with a
//     copula's complement ("Russia is brutal"), or the verb of which it is
//     the object ("to militarize Eastern Europe").
//
// A mention inside a hyphenated compound ("Kremlin-friendly rhetoric") is
// not an actor in its own right, and a word in the object of the mention's
// verb describes that object, not the mention ("France declared a
// breakthrough": the breakthrough is not France). The result is in text
// order without repeats.
func attached(doc *text.Document, ev []Evidence, s text.Sentence, cTo int, e Evidence, first, last int, role string, vi int, evAt map[int][]int) []int {
	toks := doc.Tokens
	if e.Start > toks[first].Start || e.End < toks[last-1].End {
		return nil // part of a compound
	}
	tagged := toks[first].Tag != ""
	var out []int
	seen := map[int]bool{}
	// collect adds the candidates over tokens [from, to); inNP leaves out
	// intensifiers, which inside a noun phrase are rarely degree words ("the
	// coalition's very existence").
	collect := func(from, to int, inNP bool) {
		for i := from; i < to; i++ {
			for _, ei := range evAt[i] {
				if !seen[ei] && !(inNP && ev[ei].Construct == ConstructIntensifier) {
					seen[ei] = true
					out = append(out, ei)
				}
			}
		}
	}
	isNoun := func(t text.Token) bool { return t.Tag == "NN" || t.Tag == "NNS" }
	// npWord: a word that can sit inside a noun phrase after its determiner.
	npWord := func(t text.Token) bool {
		if tagged {
			return strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN") || t.Tag == "VBG" || t.Tag == "VBN" || t.Tag == "CD" || t.Tag == "RB" && t.Norm != "not"
		}
		return t.Kind == text.Word && !functionWord[t.Norm]
	}
	// The start of the mention's noun phrase: the modifiers before it.
	k := first
	for k > s.First && first-k < maxNPWords && npWord(toks[k-1]) && !isVerb(toks[k-1]) {
		k--
	}
	modifier := false
	switch {
	case last < s.Last && (toks[last].Norm == "'s" || toks[last].Norm == "’s" || toks[last].Tag == "POS"):
		// What the mention possesses: NATO's creeping encroachment.
		j := last + 1
		for j < s.Last && j-last <= maxNPWords && npWord(toks[j]) {
			j++
		}
		collect(last+1, j, true)
		return out
	case tagged && last < s.Last && isNoun(toks[last]):
		// The head the mention modifies: Western maneuver. The modifiers
		// before the mention are the head's (sweeping new U.S. measures).
		j := last
		for j < s.Last && j-last < maxNPWords && isNoun(toks[j]) {
			j++
		}
		collect(last, j, true)
		modifier = true
	case tagged:
		// Modifiers of a mention that heads its noun phrase: brutal Russia.
		// (Without tags a verb before the mention looks the same: "hides
		// NATO".)
		collect(k, first, true)
	}
	// A noun phrase with the mention's phrase as its "of" complement: the
	// double standards of Western powers.
	if tagged && k-1 > s.First && toks[k-1].Norm == "of" {
		h := k - 2
		for h >= s.First && k-1-h <= maxNPWords && npWord(toks[h]) && !isVerb(toks[h]) {
			h--
		}
		collect(h+1, k-1, true)
	}
	if modifier {
		// Not the subject or object of a verb itself: its head is.
		return out
	}
	// An appositive: Russia, the aggressor, ...
	if last+1 < s.Last && toks[last].Norm == "," {
		t := toks[last+1]
		if t.Norm == "a" || t.Norm == "an" || t.Norm == "the" || strings.HasPrefix(t.Tag, "JJ") {
			j := last + 1
			for j < s.Last && j-last <= maxNPWords && toks[j].Kind != text.Punct {
				j++
			}
			if j < s.Last && toks[j].Norm == "," || j == s.Last {
				collect(last+1, j, true)
			}
		}
	}
	if vi < 0 {
		return out
	}
	switch role {
	case "agent":
		if vi < first {
			// "by X": the passive's participle.
			collect(vi, vi+1, false)
			break
		}
		// The verb group: auxiliaries and adverbs up to the verb.
		collect(last, vi+1, false)
		if beForms[toks[vi].Norm] {
			// A copula's complement: Russia is brutal / a pariah.
			j := vi + 1
			for j < cTo && j-vi <= maxNPWords && (npWord(toks[j]) || toks[j].Tag == "DT") && !isVerb(toks[j]) {
				j++
			}
			collect(vi+1, j, false)
		}
	case "patient":
		collect(vi, vi+1, false)
	}
	return out
}

// maxNPWords bounds the words taken as one noun phrase or verb group.
const maxNPWords = 5

// functionWord stops a noun phrase when there are no tags.
var functionWord = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true, "and": true, "or": true, "but": true, "that": true, "which": true, "who": true, "is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true, "would": true, "as": true}
