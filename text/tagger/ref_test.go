package tagger

// This file holds a reference: prose v2.0.0's own inference (tag.go's
// perceptronTagger.tag, predict, featurize and normalize; MIT licence, see
// LICENSE-prose.txt) run over the weights decoded from prose's embedded gob
// assets, with strings and maps as prose builds them. The only change is the
// tie-break: prose ranges over a map, so on an exact tie its answer varies
// from run to run; the reference picks the tied class that sorts first, as
// Tagger does, so that the two can be compared token by token.

import (
	"bytes"
	"encoding/gob"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

type refModel struct {
	weights map[string]map[string]float64
	tagMap  map[string]string
}

var loadRef = sync.OnceValues(func() (*refModel, error) {
	r := &refModel{}
	for name, v := range map[string]any{"weights.gob": &r.weights, "tags.gob": &r.tagMap} {
		b, err := prose.Asset("model/AveragedPerceptron/" + name)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
			return nil, err
		}
	}
	return r, nil
})

func refOrSkip(t testing.TB) *refModel {
	t.Helper()
	r, err := loadRef()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// refToken is the reference's result for one token: its tag, and for a
// predicted tag the scores of every class with a weight and whether the best
// score was tied.
type refToken struct {
	tag    string
	scores map[string]float64 // nil unless predicted
	tie    []string           // the tied best classes, if more than one
}

// tag is prose's perceptronTagger.tag on words (prose's tokens).
func (r *refModel) tag(words []string) []refToken {
	out := make([]refToken, len(words))
	p1, p2 := "-START-", "-START2-"
	context := make([]string, len(words)+4)
	context[0], context[1] = p1, p2
	for i, w := range words {
		context[i+2] = refNormalize(w)
	}
	context[len(context)-2], context[len(context)-1] = "-END-", "-END2-"
	for i, word := range words {
		var tag string
		var found bool
		if word == "-" {
			tag = "-"
		} else if emoticons[word] {
			tag = "SYM"
		} else if commonregex.LinkRegex.MatchString(word) ||
			commonregex.EmailRegex.MatchString(word) ||
			strings.HasPrefix(word, "@") {
			tag = "NN"
		} else if noneRE.MatchString(word) {
			tag = "-NONE-"
		} else if keepRE.MatchString(word) {
			tag = word
		} else if tag, found = r.tagMap[word]; !found {
			scores := r.predict(refFeaturize(i, context, word, p1, p2))
			out[i].scores = scores
			tag, out[i].tie = refMax(scores)
		}
		out[i].tag = tag
		p2 = p1
		p1 = tag
	}
	return out
}

func (r *refModel) predict(features map[string]float64) map[string]float64 {
	scores := make(map[string]float64)
	for feat, value := range features {
		weights, found := r.weights[feat]
		if !found || value == 0 {
			continue
		}
		for label, weight := range weights {
			scores[label] += value * weight
		}
	}
	return scores
}

// refMax is prose's max with a deterministic tie-break. Scores are sums of
// at most fourteen multiples of 0.001 added in map order, so two scores
// within 1e-9 of each other are equal.
func refMax(scores map[string]float64) (string, []string) {
	best := math.Inf(-1)
	for _, v := range scores {
		best = math.Max(best, v)
	}
	var tied []string
	for label, v := range scores {
		if best-v < 1e-9 {
			tied = append(tied, label)
		}
	}
	sort.Strings(tied)
	if len(tied) == 0 {
		return "", nil
	}
	if len(tied) == 1 {
		return tied[0], nil
	}
	return tied[0], tied
}

func refFeaturize(i int, ctx []string, w, p1, p2 string) map[string]float64 {
	feats := make(map[string]float64)
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	add := func(args ...string) { feats[strings.Join(args, " ")]++ }
	add("bias")
	add("i suffix", w[len(w)-suf:])
	add("i pref1", string(rune(w[0]))) // prose writes string(w[0])
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])
	return feats
}

func refNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(rune(word[0]))
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
