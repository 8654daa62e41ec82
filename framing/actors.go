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
	// Descriptors are loaded and evaluative terms in the same clause as a
	// mention; Contested are contested terms there.
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

func newClauses(doc *text.Document) clauses {
	c := clauses{from: make([]int, len(doc.Tokens)), to: make([]int, len(doc.Tokens))}
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
// the patient of a verb in their clause, from part-of-speech tags.
func roleOf(doc *text.Document, cFrom, cTo, first, last int) (role, verb string) {
	toks := doc.Tokens
	if toks[first].Tag == "" {
		return "other", ""
	}
	// Right: skip the rest of the noun phrase, adverbs and auxiliaries.
	// Each walk is bounded by maxRoleWalk tokens, so that a long run of
	// names cannot make every mention walk over it.
	j := last
	for j < cTo && j-last < maxRoleWalk && (strings.HasPrefix(toks[j].Tag, "NNP") || toks[j].Tag == "POS" || toks[j].Norm == "'s") {
		if toks[j].Norm == "'s" || toks[j].Tag == "POS" {
			return "other", "" // a possessor: Russia's war
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
				return "patient", toks[k].Norm
			}
		}
		return "agent", toks[j].Norm
	}
	// Left: a by-phrase of a passive, or an object.
	k := first - 1
	for k >= cFrom && first-k <= maxRoleWalk && (toks[k].Tag == "DT" || strings.HasPrefix(toks[k].Tag, "JJ") || toks[k].Tag == "PRP$") {
		k--
	}
	if k >= cFrom {
		if toks[k].Norm == "by" && k-1 >= cFrom && toks[k-1].Tag == "VBN" {
			return "agent", toks[k-1].Norm
		}
		if isVerb(toks[k]) {
			return "patient", toks[k].Norm
		}
	}
	return "other", ""
}

func computeActors(doc *text.Document, v *voices, r *Result) []Actor {
	byID := map[string]*Actor{}
	var order []string
	cl := newClauses(doc)
	// Descriptor candidates by sentence, in text order (evidence comes in
	// text order), so that each mention looks only at its own clause.
	bySent := make([][]int, len(doc.Sentences))
	for ei, e := range r.Evidence {
		switch e.Construct {
		case "loaded_language", "intensifier", "contested":
			if !e.Negated {
				bySent[e.Sentence] = append(bySent[e.Sentence], ei)
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
		role, verb := roleOf(doc, cFrom, cTo, first, last)
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
		cStart, cEnd := doc.Tokens[cFrom].Start, doc.Tokens[cTo-1].End
		cands := bySent[e.Sentence]
		k := sort.Search(len(cands), func(i int) bool { return r.Evidence[cands[i]].Start >= cStart })
		for ; k < len(cands) && r.Evidence[cands[k]].Start < cEnd; k++ {
			d := r.Evidence[cands[k]]
			if d.End > cEnd {
				continue
			}
			key := descKey{d.Start, d.End, d.Category}
			if seen[e.Category][key] {
				continue
			}
			desc := Descriptor{Text: d.Text, Start: d.Start, End: d.End, Category: d.Category, Weight: d.Weight, Voice: d.Voice, Side: d.Side, Sentence: d.Sentence}
			switch d.Construct {
			case "loaded_language", "intensifier":
				seen[e.Category][key] = true
				a.Descriptors = append(a.Descriptors, desc)
			case "contested":
				if d.Side != "none" {
					seen[e.Category][key] = true
					a.Contested = append(a.Contested, desc)
				}
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
