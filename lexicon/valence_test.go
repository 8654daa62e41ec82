package lexicon

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/slantlab/slant/text"
)

var updateValence = flag.Bool("update", false, "rewrite data/valence.yaml from testdata/vader (TestValenceLexiconFollowsRule)")

// The valence lexicon's selection rule (see data/README.md): the threshold,
// the word shape and the weight were stated before any measurement; the
// exclusion list was added after a first version without it scored lower on
// BABE dev, its words read off unlabelled AllSides text and the seeds.
const (
	valenceFile      = "data/valence.yaml"
	vaderSource      = "testdata/vader/vader_lexicon.txt"
	vaderNotEval     = "testdata/vader/not_evaluative.txt"
	valenceMinAbs    = 2.0 // |mean valence| on VADER's -4..+4 scale: half the scale or more
	valenceMinLetter = 3   // shorter tokens are mostly chat abbreviations
)

// valenceWord is the shape of a kept VADER token: lower-case letters, with
// hyphens inside (emoticons, contractions and chat spellings with digits or
// apostrophes are left out).
var valenceWord = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// curatedConstructs are the constructs whose curated entries already weigh
// a word as evaluation: a VADER word they match is not listed again, so the
// valence feature adds only what the curated lexicons lack.
var curatedConstructs = map[string]bool{"loaded_language": true, "intensifier": true}

// TestValenceLexiconFollowsRule regenerates data/valence.yaml from the
// unmodified VADER file by the stated rule and checks that the shipped file
// is exactly that: every entry is traceable to VADER, with its valence, and
// nothing was added or tuned by hand. Run with -update to rewrite the file
// after changing the rule or the exclusion list.
func TestValenceLexiconFollowsRule(t *testing.T) {
	src, err := os.ReadFile(vaderSource)
	if err != nil {
		t.Fatal(err)
	}
	notEval := readWordList(t, vaderNotEval)
	curated := curatedMatcher(t)
	got, stats := generateValence(t, src, notEval, curated)
	if *updateValence {
		if err := os.WriteFile(valenceFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d VADER lines, %d single words, %d strong, %d not evaluative, %d in the curated lists, %d kept, %d shadow phrases", valenceFile, stats.Source, stats.Shape, stats.Strong, stats.NotEvaluative, stats.Curated, stats.Kept, stats.Shadows)
	}
	want, err := os.ReadFile(valenceFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not the rule applied to %s (%d entries kept); regenerate with go test ./lexicon -run TestValenceLexicon -update", valenceFile, vaderSource, stats.Kept)
	}
	// Every excluded word exists in VADER's selection (a misspelt
	// exclusion would silently exclude nothing).
	for w := range notEval {
		if !strings.Contains(w, " ") && !stats.selected[w] {
			t.Errorf("%s: %q is not a word of the |valence| >= %.1f selection", vaderNotEval, w, valenceMinAbs)
		}
	}
	l, err := Parse(valenceFile, want)
	if err != nil {
		t.Fatal(err)
	}
	if l.Licence != "MIT" || !strings.Contains(l.Curator, "Hutto") {
		t.Errorf("licence %q curator %q: the VADER entries are MIT, by C.J. Hutto", l.Licence, l.Curator)
	}
	if _, err := fs.Stat(DefaultFS(), "LICENSE-VADER.txt"); err != nil {
		t.Errorf("the MIT notices must ship with the lexicon: %v", err)
	}
}

type shadow struct {
	term  string
	match MatchType
	note  string
}

type valenceStats struct {
	Source, Shape, Strong, NotEvaluative, Curated, Kept, Shadows int
	selected                                                     map[string]bool
}

// generateValence applies the rule to VADER's lines and renders the YAML.
func generateValence(t *testing.T, src []byte, notEval map[string]bool, curated *Matcher) ([]byte, valenceStats) {
	t.Helper()
	type entry struct {
		term, valence string
		mean          float64
	}
	st := valenceStats{selected: map[string]bool{}}
	var neg, pos []entry
	phrases := map[string]bool{} // lines of not_evaluative.txt with a space
	for w := range notEval {
		if strings.Contains(w, " ") {
			phrases[w] = true
		}
	}
	seen := map[string]bool{}
	for n, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		st.Source++
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			t.Fatalf("%s:%d: want token<TAB>mean", vaderSource, n+1)
		}
		term := f[0]
		mean, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", vaderSource, n+1, err)
		}
		if !valenceWord.MatchString(term) || len(term) < valenceMinLetter || seen[term] {
			continue // VADER repeats a few tokens: the first line counts
		}
		seen[term] = true
		st.Shape++
		if math.Abs(mean) < valenceMinAbs {
			continue
		}
		st.Strong++
		st.selected[term] = true
		if notEval[term] {
			st.NotEvaluative++
			continue
		}
		if matchesCurated(t, curated, term) {
			st.Curated++
			continue
		}
		e := entry{term, f[1], mean}
		if mean < 0 {
			neg = append(neg, e)
		} else {
			pos = append(pos, e)
		}
	}
	st.Kept = len(neg) + len(pos)
	for _, es := range [][]entry{neg, pos} {
		sort.Slice(es, func(i, j int) bool { return es[i].term < es[j].term })
	}
	// Shadow entries: a phrase that holds a kept word but names a category
	// (not_evaluative.txt's phrases: "hate crime"), or that a curated
	// loaded-language or intensifier entry already weighs ("fake news"),
	// wins the longest match in the valence construct, so the word inside
	// it is not counted.
	polarity := map[string]string{}
	for _, e := range neg {
		polarity[e.term] = "negative"
	}
	for _, e := range pos {
		polarity[e.term] = "positive"
	}
	shadows := map[string][]shadow{}
	addShadow := func(term string, m MatchType, from string) {
		for _, w := range strings.Fields(foldTerm(term)) {
			if p, ok := polarity[w]; ok {
				for _, sh := range shadows[p] {
					if sh.term == term && sh.match == m {
						return
					}
				}
				shadows[p] = append(shadows[p], shadow{term, m, from})
				return
			}
		}
	}
	for p := range phrases {
		addShadow(p, Exact, "names a category")
	}
	for _, c := range curated.Set().Categories() {
		if !curatedConstructs[c.Construct] {
			continue
		}
		for _, e := range c.Entries {
			if m := c.EffectiveMatch(e); m != Glob && !e.Shadow && len(strings.Fields(e.Term)) > 1 {
				addShadow(e.Term, m, "weighed by "+c.ID)
			}
		}
	}
	for _, p := range []string{"negative", "positive"} {
		sort.Slice(shadows[p], func(i, j int) bool {
			a, b := shadows[p][i], shadows[p][j]
			return a.term < b.term || a.term == b.term && a.match < b.match
		})
		st.Shadows += len(shadows[p])
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Generated by go test ./lexicon -run TestValenceLexicon -update from
# testdata/vader/vader_lexicon.txt (VADER, MIT; see LICENSE-VADER.txt). Do not edit by hand:
# change the rule (lexicon/valence_test.go) or testdata/vader/not_evaluative.txt instead.
name: valence
version: 1.0.0
description: >
  Strong sentiment words from the VADER lexicon (Hutto & Gilbert 2014): every single-word VADER entry
  (lower-case letters, internal hyphens allowed, at least %d letters) whose mean valence is at least
  %.1f in absolute value on VADER's -4..+4 scale (%d of %d such words), less the words whose usual
  news sense names an event, act, condition, institution or legal status (testdata/vader/not_evaluative.txt,
  found in an audit of unlabelled news, %d words) and the words the curated loaded-language and
  intensifier lexicons already match (%d words). Phrases that hold a kept word but name a category
  (hate crime) or that the curated lists already weigh (fake news) are shadow entries (%d), so the
  word inside them is not counted. Each entry's weight is |valence|/4, its attrs keep
  VADER's mean valence and its polarity; case lower keeps names (Joy, Hope, the Supreme Court)
  out. The threshold, word shape and weight were fixed before any measurement; the exclusions were
  added after a first version without them scored lower on BABE dev, with their words chosen from
  unlabelled text. No entry or weight was chosen from labelled data.
licence: MIT
curator: 'Entries and valences: C.J. Hutto (VADER, vader_lexicon.txt, MIT, copy from github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc); selection rule: Slant maintainers, 2026'
references:
  - id: hutto2014
    citation: 'Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text. Eighth International Conference on Weblogs and Social Media (ICWSM-14). Entries and valences from its lexicon (MIT licence, see LICENSE-VADER.txt).'
    url: https://github.com/cjhutto/vaderSentiment
  - id: recasens2013
    citation: 'Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic Models for Analyzing and Detecting Biased Language. ACL 2013. Sentiment-lexicon words as a cue of biased language (their features include positive and negative words); no entries taken from it.'
    url: https://aclanthology.org/P13-1162/
categories:
`, valenceMinLetter, valenceMinAbs, st.Strong-st.NotEvaluative-st.Curated, st.Strong, st.NotEvaluative, st.Curated, st.Shadows)
	for _, c := range []struct {
		id, label, desc, polarity string
		es                        []entry
	}{
		{"valence.negative", "Strong negative valence", "VADER words with mean valence -2.0 or lower (disgusting, horrific, pathetic)", "negative", neg},
		{"valence.positive", "Strong positive valence", "VADER words with mean valence 2.0 or higher (wonderful, admirable, heroic)", "positive", pos},
	} {
		fmt.Fprintf(&b, "  - id: %s\n    label: %s\n    description: %s\n    construct: valence\n    references: [hutto2014, recasens2013]\n    entries:\n", c.id, c.label, c.desc)
		for _, e := range c.es {
			w := strconv.FormatFloat(math.Min(1, math.Abs(e.mean)/4), 'f', -1, 64)
			fmt.Fprintf(&b, "      - {term: %s, weight: %s, attrs: {valence: '%s', polarity: %s, case: lower}}\n", e.term, w, e.valence, c.polarity)
		}
		for _, sh := range shadows[c.polarity] {
			fmt.Fprintf(&b, "      - {term: %q, match: %s, shadow: true, note: %q}\n", sh.term, sh.match, sh.note)
		}
	}
	return b.Bytes(), st
}

// curatedMatcher compiles the default lexicons other than valence.yaml.
func curatedMatcher(t *testing.T) *Matcher {
	t.Helper()
	ents, err := fs.ReadDir(DefaultFS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var lexs []*Lexicon
	for _, e := range ents {
		if path.Ext(e.Name()) != ".yaml" || "data/"+e.Name() == valenceFile {
			continue
		}
		data, err := fs.ReadFile(DefaultFS(), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(e.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		lexs = append(lexs, l)
	}
	return compileLexicons(t, lexs...)
}

var valencePipeline = func() func() (*text.Pipeline, error) {
	var p *text.Pipeline
	return func() (*text.Pipeline, error) {
		if p != nil {
			return p, nil
		}
		var err error
		p, err = text.NewPipeline(text.WithoutTagging())
		return p, err
	}
}()

// matchesCurated reports whether a curated loaded-language or intensifier
// entry matches the word on its own.
func matchesCurated(t *testing.T, m *Matcher, word string) bool {
	t.Helper()
	p, err := valencePipeline()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := p.Process(word, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range m.Match(doc) {
		if curatedConstructs[h.Construct()] && !h.Entry.Shadow {
			return true
		}
	}
	return false
}

func readWordList(t *testing.T, p string) map[string]bool {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		out[w] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
