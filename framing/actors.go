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

// clauseOf returns the token range of the clause around token i.
func clauseOf(doc *text.Document, s text.Sentence, i int) (int, int) {
	from, to := i, i
	for from > s.First && !isClauseBoundary(doc.Tokens[from-1]) {
		from--
	}
	for to < s.Last && !isClauseBoundary(doc.Tokens[to]) {
		to++
	}
	return from, to
}

func isVerb(t text.Token) bool { return strings.HasPrefix(t.Tag, "VB") }

// roleOf decides whether the mention tokens [first, last) are the agent or
// the patient of a verb in their clause, from part-of-speech tags.
func roleOf(doc *text.Document, cFrom, cTo, first, last int) (role, verb string) {
	toks := doc.Tokens
	if toks[first].Tag == "" {
		return "other", ""
	}
	// Right: skip the rest of the noun phrase, adverbs and auxiliaries.
	j := last
	for j < cTo && (strings.HasPrefix(toks[j].Tag, "NNP") || toks[j].Tag == "POS" || toks[j].Norm == "'s") {
		if toks[j].Norm == "'s" || toks[j].Tag == "POS" {
			return "other", "" // a possessor: Russia's war
		}
		j++
	}
	for j < cTo && (strings.HasPrefix(toks[j].Tag, "RB") || toks[j].Tag == "MD" || toks[j].Norm == "has" || toks[j].Norm == "have" || toks[j].Norm == "had" || toks[j].Norm == "will") {
		j++
	}
	if j < cTo && isVerb(toks[j]) {
		if beForms[toks[j].Norm] {
			k := j + 1
			for k < cTo && strings.HasPrefix(toks[k].Tag, "RB") {
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
	for k >= cFrom && (toks[k].Tag == "DT" || strings.HasPrefix(toks[k].Tag, "JJ") || toks[k].Tag == "PRP$") {
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
	for ei, e := range r.Evidence {
		if e.Construct != "actor" {
			continue
		}
		_ = ei
		a := byID[e.Category]
		if a == nil {
			name := e.Category
			if c, ok := r.categories[e.Category]; ok {
				name = c
			}
			a = &Actor{ID: e.Category, Name: name, Verbs: map[string]int{}, Descriptors: []Descriptor{}, Contested: []Descriptor{}, Quoted: []int{}}
			byID[e.Category] = a
			order = append(order, e.Category)
		}
		s := doc.Sentences[e.Sentence]
		first, last := tokenRange(doc, s, e.Start, e.End)
		cFrom, cTo := clauseOf(doc, s, first)
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
		cStart, cEnd := doc.Tokens[cFrom].Start, doc.Tokens[cTo-1].End
		for _, d := range r.Evidence {
			if d.Sentence != e.Sentence || d.Start < cStart || d.End > cEnd || d.Negated {
				continue
			}
			desc := Descriptor{Text: d.Text, Start: d.Start, End: d.End, Category: d.Category, Weight: d.Weight, Voice: d.Voice, Side: d.Side, Sentence: d.Sentence}
			switch d.Construct {
			case "loaded_language", "intensifier":
				a.Descriptors = appendUnique(a.Descriptors, desc)
			case "contested":
				if d.Side != "none" {
					a.Contested = appendUnique(a.Contested, desc)
				}
			}
		}
	}
	// Quotes whose speaker names the actor.
	for qi, q := range r.Quotes {
		if q.Speaker == "" {
			continue
		}
		for _, id := range order {
			for _, m := range byID[id].Spans {
				if m.Start >= q.speakerStart && m.End <= q.speakerEnd && q.speakerEnd > 0 {
					byID[id].Quoted = appendInt(byID[id].Quoted, qi)
				}
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

func appendUnique(ds []Descriptor, d Descriptor) []Descriptor {
	for _, x := range ds {
		if x.Start == d.Start && x.End == d.End && x.Category == d.Category {
			return ds
		}
	}
	return append(ds, d)
}

func appendInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// tokenRange finds the tokens covering [start, end) within sentence s.
func tokenRange(doc *text.Document, s text.Sentence, start, end int) (int, int) {
	first := s.First
	for first < s.Last && doc.Tokens[first].End <= start {
		first++
	}
	last := first
	for last < s.Last && doc.Tokens[last].Start < end {
		last++
	}
	if last == first {
		last = first + 1
	}
	return first, last
}
