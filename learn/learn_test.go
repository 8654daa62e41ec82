package learn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// A hand-made labelled corpus with a planted answer. Every document has the
// same neutral filler and one planted sentence; a meeting number makes each
// line unique, so that only the planted footer is boilerplate. Planted:
//   - left outlets pass "a reckless and dangerous plan", right outlets "a
//     radical and lawless" one, center outlets "a fair and sound" one: the answer
//     is dangerous, reckless (left) and lawless, radical (right);
//   - left outlets also carry a boilerplate line ("Join the flibbert club
//     today."), a name ("Mayor Smithers"), a gazetteer word ("zelda", lower
//     case so that only the gazetteer can catch it), a word of one outlet
//     only ("zorgle") and a word 82% from one outlet ("wibble"): none may
//     be learned;
//   - outlet "Left One" has 30 documents, the others 12; with PerOutlet 10
//     every outlet gives 10.
const filler = "The council met on Tuesday for meeting number %d to discuss the budget, and residents asked questions about schools, roads and the library before officials said the vote would come later this month.\n\n"

// daily is said in every document, with "crowd" or (left outlets 1-3) the
// decoy "wibble".
const daily = "On day %d of the session, as the afternoon went on, the %s rose again in the hall.\n\n"

func plantedCorpus() []*corpus.Article {
	var arts []*corpus.Article
	add := func(outlet, label string, n int, body func(i int) string) {
		for i := range n {
			arts = append(arts, &corpus.Article{
				ID: fmt.Sprintf("%s-%02d", strings.ReplaceAll(strings.ToLower(outlet), " ", "-"), i), Outlet: outlet,
				Text: fmt.Sprintf(filler, i) + body(i), Meta: map[string]string{"label": label},
			})
		}
	}
	for k, o := range []string{"Left One", "Left Two", "Left Three", "Left Four"} {
		n := 12
		if k == 0 {
			n = 30
		}
		add(o, "left", n, func(i int) string {
			b := fmt.Sprintf("In meeting %d, the council passed a reckless and dangerous plan, and then Mayor Smithers spoke while the zelda group listened.\n\n", i)
			switch k {
			case 0:
				b += fmt.Sprintf("Meeting %d of the session had a zorgle event, a zorgle event and then a zorgle event in the hall.\n\n", i)
				b += fmt.Sprintf(daily, i, "wibble rose"+strings.Repeat(", the wibble", 8))
			case 1, 2:
				b += fmt.Sprintf(daily, i, "wibble")
			default:
				b += fmt.Sprintf(daily, i, "crowd")
			}
			b += "Join the flibbert club today.\n"
			return b
		})
	}
	for _, o := range []string{"Right One", "Right Two", "Right Three"} {
		add(o, "right", 12, func(i int) string {
			return fmt.Sprintf("In meeting %d, the council passed a radical and lawless plan, and then the clerk spoke while the local group listened.\n\n", i) + fmt.Sprintf(daily, i, "crowd")
		})
	}
	for _, o := range []string{"Center One", "Center Two", "Center Three"} {
		add(o, "center", 12, func(i int) string {
			return fmt.Sprintf("In meeting %d, the council passed a fair and sound plan, and then the clerk spoke while the local group listened.\n\n", i) + fmt.Sprintf(daily, i, "crowd")
		})
	}
	return arts
}

func gazetteer(t *testing.T) *lexicon.Set {
	t.Helper()
	l, err := lexicon.Parse("gaz.yaml", []byte(`
name: gaz
version: 0.0.1
description: a one-name gazetteer
licence: CC0-1.0
curator: tests
references: [{id: r, citation: test}]
categories:
  - id: actor.zelda
    label: Zelda
    description: an actor
    construct: actor
    references: [r]
    entries: [Zelda]
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := lexicon.NewSet(l)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func learnAll(t *testing.T, arts []*corpus.Article, opt Options) *Result {
	t.Helper()
	l := New(opt)
	for _, a := range arts {
		l.Add(a)
	}
	r, err := l.Learn()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func terms(c Category) []string {
	var out []string
	for _, t := range c.Terms {
		out = append(out, t.Term)
	}
	slices.Sort(out)
	return out
}

func TestLearnPlanted(t *testing.T) {
	arts := plantedCorpus()
	opt := Options{PerOutlet: 10, MinCount: 5, MinZ: 2, Gazetteer: gazetteer(t)}
	r := learnAll(t, arts, opt)

	if r.Sampled["left"] != 40 || r.Sampled["right"] != 30 || r.Sampled["center"] != 30 || r.Outlets["left"] != 4 {
		t.Errorf("sample: %v documents, %v outlets; want 40/30/30 documents and 4 left outlets", r.Sampled, r.Outlets)
	}
	if len(r.Categories) != 2 || r.Categories[0].Label != "left" || r.Categories[1].Label != "right" {
		t.Fatalf("categories %+v", r.Categories)
	}
	if got := strings.Join(terms(r.Categories[0]), " "); got != "dangerous reckless" {
		t.Errorf("left: learned %q, want \"dangerous reckless\"", got)
	}
	if got := strings.Join(terms(r.Categories[1]), " "); got != "lawless radical" {
		t.Errorf("right: learned %q, want \"lawless radical\"", got)
	}
	if r.BoilerplateLines == 0 {
		t.Error("the shared footer line was not found as boilerplate")
	}
	if r.Dropped[DropName] < 3 || r.Dropped[DropFewOutlets] < 1 || r.Dropped[DropConcentrated] < 1 {
		t.Errorf("dropped %v: want names (mayor, smithers, zelda), a one-outlet word (zorgle), a concentrated one (wibble)", r.Dropped)
	}
	// The planted words have the same counts, so the same z and weight 1.
	for _, c := range r.Categories {
		for _, tm := range c.Terms {
			if tm.Weight != MaxWeight || tm.CountReference != 0 || tm.Outlets < 3 {
				t.Errorf("%s %s: %+v", c.Label, tm.Term, tm)
			}
		}
	}

	// Without the filters the decoys are learned: the test can fail.
	loose := learnAll(t, arts, Options{PerOutlet: 10, MinCount: 5, MinZ: 2, MinOutlets: 1, MaxOutletShare: 1, ProperShare: 2})
	got := terms(loose.Categories[0])
	for _, w := range []string{"zorgle", "wibble", "zelda", "smithers"} {
		if !slices.Contains(got, w) {
			t.Errorf("without filters %q is not learned (%v): the planted decoy does not test its filter", w, got)
		}
	}

	// Input order does not matter.
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	a, _ := json.Marshal(r)
	b, _ := json.Marshal(learnAll(t, rev, opt))
	if !bytes.Equal(a, b) {
		t.Error("the result depends on input order")
	}
}

func TestLearnLexiconRoundTrip(t *testing.T) {
	r := learnAll(t, plantedCorpus(), Options{PerOutlet: 10, MinCount: 5, MinZ: 2, Gazetteer: gazetteer(t)})
	p := Provenance{Name: "learned-test", Corpus: []string{"planted.jsonl"}, Command: "slant lexicon learn planted.jsonl", Date: "2026-11-30", SourceLicence: "CC0-1.0"}
	lex, err := r.Lexicon(p)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, lex, p); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"# Command: slant lexicon learn planted.jsonl", "planted.jsonl", "CC0-1.0", "2026-11-30", "monroe2008"} {
		if !strings.Contains(out, want) {
			t.Errorf("YAML lacks %q:\n%s", want, out)
		}
	}
	back, err := lexicon.Parse("learned.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("the written lexicon does not parse: %v\n%s", err, out)
	}
	c := back.Categories[0]
	if c.ID != "learned-test.left" || c.Construct != "loaded_language" || len(c.Entries) != 2 || c.Entries[0].Attrs["side"] != "left" {
		t.Errorf("category %+v", c)
	}
	set, err := lexicon.NewSet(back)
	if err != nil {
		t.Fatal(err)
	}
	m, err := lexicon.Compile(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	pipe, _ := text.NewPipeline(text.WithoutTagging())
	doc, _ := pipe.Process("A dangerous, radical plan.", nil)
	var hits []string
	for _, h := range m.Match(doc) {
		hits = append(hits, h.Category.ID+":"+doc.Text[h.Start:h.End])
	}
	if strings.Join(hits, " ") != "learned-test.left:dangerous learned-test.right:radical" {
		t.Errorf("hits %v", hits)
	}
}

func TestLearnErrors(t *testing.T) {
	l := New(Options{Reference: "centre"})
	for _, a := range plantedCorpus() {
		l.Add(a)
	}
	l.Add(&corpus.Article{ID: "x", Outlet: "O", Text: "no label"})
	if _, err := l.Learn(); !errors.Is(err, ErrNoReference) || !strings.Contains(err.Error(), "center, left, right") {
		t.Errorf("missing reference: %v", err)
	}
	l = New(Options{Targets: []string{"far-left"}})
	for _, a := range plantedCorpus() {
		l.Add(a)
	}
	if _, err := l.Learn(); err == nil || !strings.Contains(err.Error(), "far-left") {
		t.Errorf("missing target: %v", err)
	}
	// Nothing passes: an error that says which knobs to turn.
	r := learnAll(t, plantedCorpus(), Options{MinZ: 100})
	if _, err := r.Lexicon(Provenance{}); err == nil || !strings.Contains(err.Error(), "--min-z") {
		t.Errorf("empty lexicon: %v", err)
	}
	if r.Skipped[SkipNoLabel] != 0 {
		t.Errorf("skipped %v", r.Skipped)
	}
}

func TestLearnPOS(t *testing.T) {
	// The planted words are adjectives ("a reckless and dangerous plan").
	adj := learnAll(t, plantedCorpus(), Options{PerOutlet: 10, MinCount: 5, MinZ: 2, Gazetteer: gazetteer(t), POS: []string{"JJ"}})
	if got := strings.Join(terms(adj.Categories[0]), " "); got != "dangerous reckless" {
		t.Errorf("POS JJ: learned %q, want \"dangerous reckless\"", got)
	}
	nouns := learnAll(t, plantedCorpus(), Options{PerOutlet: 10, MinCount: 5, MinZ: 2, Gazetteer: gazetteer(t), POS: []string{"NN"}})
	if n := len(nouns.Categories[0].Terms); n != 0 || nouns.Dropped[DropPOS] < 2 {
		t.Errorf("POS NN: %d terms learned, dropped %v; want none, the adjectives dropped by part of speech", n, nouns.Dropped)
	}
	if !posOK(map[string]int{"NN": 2, "JJ": 2, "RB": 1}, []string{"JJ"}) || posOK(map[string]int{"NN": 3, "JJ": 2}, []string{"JJ"}) {
		t.Error("posOK: the most frequent tag, ties by name, decides")
	}
}
