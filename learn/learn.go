// Package learn derives a lexicon from a corpus whose documents carry a
// label (distant supervision): for example the AllSides ratings of outlets
// (left, center, right) as a noisy label of every article they publish.
//
// Words that one label's outlets use far more than the reference label's
// outlets are found with the log-odds ratio with informative Dirichlet prior
// of Monroe, Colaresi and Quinn (2008), "Fightin' Words" (stats.FightinWords).
// Because a label names outlets, not sentences, most of what separates the
// labels is not bias: outlet names and their page furniture, the people a
// few outlets cover, one outlet's pet topic. The learner therefore
//
//   - samples outlets evenly (at most Options.PerOutlet documents each,
//     chosen by a hash of the document ID, so the choice does not depend on
//     the input order), so that prolific outlets do not speak for their label;
//   - drops boilerplate lines (corpus.Boilerplate: short lines repeated in
//     several documents) and page furniture (corpus.Cleaner);
//   - drops names: words of the outlets' own names, words of the gazetteer
//     (the actors lexicon: leaders, capitals, institutions) and words that
//     are capitalised in most of their occurrences away from the start of a
//     sentence (proper nouns);
//   - drops function and newsroom-style words (framing.StopWords,
//     framing.StyleWords);
//   - drops terms concentrated in one outlet (more than
//     Options.MaxOutletShare of the label's occurrences) or used by too few
//     of the label's outlets (Options.MinOutlets).
//
// The result converts to a lexicon (Result.Lexicon) with its provenance:
// corpus, label field and values, command, date and the source's licence.
// A learned lexicon is the corpus's labels in another form: never ship it
// as a default, and never commit one learned from data whose licence or
// independence forbids it.
package learn

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/stats"
	"github.com/slantlab/slant/text"
)

// Defaults of Options.
const (
	DefaultPerOutlet      = 100
	DefaultMinOutlets     = 3
	DefaultMaxOutletShare = 0.5
	DefaultMinCount       = 10
	DefaultTop            = 200
	DefaultMinZ           = 3.0
	DefaultProperShare    = 0.7
	DefaultConstruct      = "loaded_language"
	// MinWeight and MaxWeight bound the weights given to learned terms
	// (see Result.Lexicon).
	MinWeight = 0.2
	MaxWeight = 1.0
)

// Options configure a Learner. The zero value uses the defaults, with the
// label read from the field "label" and the reference label "center".
type Options struct {
	// LabelField names the document field holding the label (an
	// Article.Field name: a JSONL/CSV column).
	LabelField string
	// Reference is the label the others are compared with.
	Reference string
	// Targets are the labels to learn a category for; empty means every
	// label seen except the reference.
	Targets []string
	// PerOutlet caps the documents used per outlet.
	PerOutlet int
	// MinOutlets is how many of the target label's outlets must use a term.
	MinOutlets int
	// MaxOutletShare is the largest share of a term's target-label count
	// that one outlet may contribute.
	MaxOutletShare float64
	// MinCount is the smallest target-label count of a kept term.
	MinCount int
	// Top caps the terms kept per category, highest z first.
	Top int
	// MinZ is the smallest Fightin' Words z-score of a kept term.
	MinZ float64
	// PriorScale is passed to stats.FightinWords (0: its default).
	PriorScale float64
	// ProperShare: a word capitalised in at least this share of its
	// occurrences that do not start a sentence is a name and dropped.
	ProperShare float64
	// Gazetteer lists names to drop: every word of the set's actor entries.
	// Nil drops none.
	Gazetteer *lexicon.Set
	// Construct is the construct of the learned categories.
	Construct string
	// POS, when not empty, keeps only words whose most frequent
	// part-of-speech tag (Penn Treebank, from text/tagger) starts with one
	// of these prefixes: JJ, RB and VB keep evaluative adjectives, adverbs
	// and verbs and leave out the topic nouns that separate outlets'
	// coverage rather than their wording.
	POS []string
}

func (o Options) withDefaults() Options {
	if o.LabelField == "" {
		o.LabelField = "label"
	}
	if o.Reference == "" {
		o.Reference = "center"
	}
	defi := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	deff := func(v *float64, d float64) {
		if !(*v > 0) {
			*v = d
		}
	}
	defi(&o.PerOutlet, DefaultPerOutlet)
	defi(&o.MinOutlets, DefaultMinOutlets)
	defi(&o.MinCount, DefaultMinCount)
	defi(&o.Top, DefaultTop)
	deff(&o.MaxOutletShare, DefaultMaxOutletShare)
	deff(&o.MinZ, DefaultMinZ)
	deff(&o.ProperShare, DefaultProperShare)
	if o.Construct == "" {
		o.Construct = DefaultConstruct
	}
	return o
}

// Learner collects a sample of labelled documents. Add every document, then
// call Learn. It is not safe for concurrent use.
type Learner struct {
	opt     Options
	outlets map[string]*outletSample
	read    int
	skipped map[string]int // reason → documents
}

type sampled struct {
	key   uint64
	art   *corpus.Article
	label string
}

type outletSample struct {
	docs []sampled // the PerOutlet documents with the smallest keys, sorted by key
	seen int
}

// New returns a Learner.
func New(opt Options) *Learner {
	return &Learner{opt: opt.withDefaults(), outlets: map[string]*outletSample{}, skipped: map[string]int{}}
}

// Reasons a document is not used.
const (
	SkipNoLabel  = "no label"
	SkipNoOutlet = "no outlet"
	SkipNoText   = "empty text"
)

// Add offers one document to the sample. Documents without a label, an
// outlet or text are counted as skipped with a reason.
func (l *Learner) Add(a *corpus.Article) {
	l.read++
	label := strings.TrimSpace(a.Field(l.opt.LabelField))
	switch {
	case label == "":
		l.skipped[SkipNoLabel]++
		return
	case strings.TrimSpace(a.Outlet) == "":
		l.skipped[SkipNoOutlet]++
		return
	case strings.TrimSpace(a.Text) == "":
		l.skipped[SkipNoText]++
		return
	}
	o := l.outlets[a.Outlet]
	if o == nil {
		o = &outletSample{}
		l.outlets[a.Outlet] = o
	}
	o.seen++
	key := docKey(a.ID, a.Text)
	n := l.opt.PerOutlet
	if len(o.docs) == n && key >= o.docs[n-1].key {
		return
	}
	i, _ := slices.BinarySearchFunc(o.docs, key, func(s sampled, k uint64) int { return cmp.Compare(s.key, k) })
	o.docs = slices.Insert(o.docs, i, sampled{key: key, art: a, label: label})
	if len(o.docs) > n {
		o.docs[n] = sampled{}
		o.docs = o.docs[:n]
	}
}

// docKey hashes a document's ID (and its text, for corpora whose IDs are
// line numbers repeated across files).
func docKey(id, txt string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(txt[:min(len(txt), 256)]))
	return h.Sum64()
}

// Result is what Learn found.
type Result struct {
	// Options are the options used, defaults filled in (Gazetteer cleared).
	Options Options `json:"options"`
	// Read counts the documents offered; Skipped the ones not used, by
	// reason; Sampled the documents used per label, and Outlets the
	// outlets per label.
	Read    int            `json:"read"`
	Skipped map[string]int `json:"skipped"`
	Sampled map[string]int `json:"sampled"`
	Outlets map[string]int `json:"outlets"`
	// BoilerplateLines counts the distinct lines dropped as boilerplate.
	BoilerplateLines int `json:"boilerplate_lines"`
	// Dropped counts candidate terms (z ≥ MinZ, count ≥ MinCount) left out,
	// by reason: "name", "concentrated", "few outlets".
	Dropped map[string]int `json:"dropped"`
	// Categories holds one category per target label, in label order.
	Categories []Category `json:"categories"`
}

// Category is the terms learned for one target label.
type Category struct {
	Label string `json:"label"`
	Terms []Term `json:"terms"`
}

// Term is one learned term with its evidence.
type Term struct {
	Term string `json:"term"`
	// Z, Delta, CountTarget and CountReference are the Fightin' Words
	// statistics (stats.TermScore).
	Z              float64 `json:"z"`
	Delta          float64 `json:"delta"`
	CountTarget    int     `json:"count_target"`
	CountReference int     `json:"count_reference"`
	// Outlets is the number of the target label's outlets that use it and
	// TopOutletShare the largest share of its target count from one outlet.
	Outlets        int     `json:"outlets"`
	TopOutletShare float64 `json:"top_outlet_share"`
	// Weight is the lexicon weight given to the term (see Result.Lexicon).
	Weight float64 `json:"weight"`
}

// Drop reasons (Result.Dropped).
const (
	DropName         = "name"
	DropConcentrated = "concentrated"
	DropFewOutlets   = "few outlets"
	DropPOS          = "part of speech"
)

// ErrNoReference is returned by Learn when no sampled document has the
// reference label.
var ErrNoReference = errors.New("learn: no document has the reference label")

type wordStats struct {
	total   map[string]int            // label → count
	outlets map[string]map[string]int // label → outlet → count
	// nonInitial counts occurrences that do not start a sentence, capital
	// those of them written with a capital first letter.
	nonInitial, capital int
	tags                map[string]int // part-of-speech tag → count (with Options.POS)
}

// Learn counts the sampled documents and scores every target label against
// the reference.
func (l *Learner) Learn() (*Result, error) {
	opt := l.opt
	res := &Result{Options: opt, Read: l.read, Skipped: l.skipped, Sampled: map[string]int{}, Outlets: map[string]int{}, Dropped: map[string]int{}, Categories: []Category{}}
	res.Options.Gazetteer = nil

	// The sample in a fixed order: outlets by name, documents by key.
	names := make([]string, 0, len(l.outlets))
	for o := range l.outlets {
		names = append(names, o)
	}
	slices.Sort(names)
	var docs []sampled
	outletLabels := map[string]map[string]bool{}
	for _, o := range names {
		for _, d := range l.outlets[o].docs {
			docs = append(docs, d)
			res.Sampled[d.label]++
			if outletLabels[d.label] == nil {
				outletLabels[d.label] = map[string]bool{}
			}
			outletLabels[d.label][o] = true
		}
	}
	for lab, os := range outletLabels {
		res.Outlets[lab] = len(os)
	}
	if res.Sampled[opt.Reference] == 0 {
		return nil, fmt.Errorf("%w %q (field %q; labels seen: %s)", ErrNoReference, opt.Reference, opt.LabelField, strings.Join(sortedKeys(res.Sampled), ", "))
	}
	targets := opt.Targets
	if len(targets) == 0 {
		for _, lab := range sortedKeys(res.Sampled) {
			if lab != opt.Reference {
				targets = append(targets, lab)
			}
		}
	}
	for _, t := range targets {
		if res.Sampled[t] == 0 {
			return nil, fmt.Errorf("learn: no document has the target label %q (labels seen: %s)", t, strings.Join(sortedKeys(res.Sampled), ", "))
		}
	}

	// Boilerplate: short lines shared by several sampled documents.
	bp := corpus.NewBoilerplate()
	for _, d := range docs {
		bp.Add(d.art.Text)
	}
	res.BoilerplateLines = len(bp.Lines())
	cleaner := corpus.Cleaner{Boilerplate: bp}
	var popts []text.Option
	if len(opt.POS) == 0 {
		popts = append(popts, text.WithoutTagging())
	}
	pipe, err := text.NewPipeline(popts...)
	if err != nil {
		return nil, err
	}

	drop := map[string]bool{}
	for w := range framing.StopWords {
		drop[w] = true
	}
	for w := range framing.StyleWords {
		drop[w] = true
	}
	names2 := nameWords(names)
	gaz := gazetteerWords(opt.Gazetteer)

	words := map[string]*wordStats{}
	for _, d := range docs {
		doc, err := pipe.Process(d.art.Text, framing.Blocks(cleaner.CleanArticle(d.art)))
		if err != nil {
			return nil, fmt.Errorf("learn: %s: %w", d.art.ID, err)
		}
		starts := map[int]bool{}
		for _, s := range doc.Sentences {
			starts[s.First] = true
			// after an opening quote, a sentence-initial capital too
			if s.First+1 < s.Last && doc.Tokens[s.First].Kind == text.Punct {
				starts[s.First+1] = true
			}
		}
		for i, t := range doc.Tokens {
			if t.Kind != text.Word || !startsWithLetter(t.Norm) || utf8.RuneCountInString(t.Norm) < 2 || drop[t.Norm] {
				continue
			}
			w := words[t.Norm]
			if w == nil {
				w = &wordStats{total: map[string]int{}, outlets: map[string]map[string]int{}}
				words[t.Norm] = w
			}
			w.total[d.label]++
			if len(opt.POS) > 0 && t.Tag != "" {
				if w.tags == nil {
					w.tags = map[string]int{}
				}
				w.tags[t.Tag]++
			}
			if w.outlets[d.label] == nil {
				w.outlets[d.label] = map[string]int{}
			}
			w.outlets[d.label][d.art.Outlet]++
			if !starts[i] {
				w.nonInitial++
				if r, _ := utf8.DecodeRuneInString(doc.TokenText(i)); unicode.IsUpper(r) {
					w.capital++
				}
			}
		}
	}

	for _, target := range targets {
		a, b := map[string]float64{}, map[string]float64{}
		for w, s := range words {
			if n := s.total[target]; n > 0 {
				a[w] = float64(n)
			}
			if n := s.total[opt.Reference]; n > 0 {
				b[w] = float64(n)
			}
		}
		cat := Category{Label: target, Terms: []Term{}}
		for _, sc := range stats.FightinWords(a, b, nil, opt.PriorScale) {
			if sc.Z < opt.MinZ {
				break // sorted by z, descending
			}
			if int(sc.CountA) < opt.MinCount {
				continue
			}
			s := words[sc.Term]
			per := s.outlets[target]
			top := 0
			for _, n := range per {
				top = max(top, n)
			}
			share := float64(top) / sc.CountA
			switch {
			case names2[sc.Term] || gaz[sc.Term] || (s.nonInitial > 0 && float64(s.capital) >= opt.ProperShare*float64(s.nonInitial)):
				res.Dropped[DropName]++
				continue
			case len(opt.POS) > 0 && !posOK(s.tags, opt.POS):
				res.Dropped[DropPOS]++
				continue
			case len(per) < opt.MinOutlets:
				res.Dropped[DropFewOutlets]++
				continue
			case share > opt.MaxOutletShare:
				res.Dropped[DropConcentrated]++
				continue
			}
			cat.Terms = append(cat.Terms, Term{Term: sc.Term, Z: sc.Z, Delta: sc.Delta, CountTarget: int(sc.CountA), CountReference: int(sc.CountB), Outlets: len(per), TopOutletShare: share})
			if len(cat.Terms) == opt.Top {
				break
			}
		}
		setWeights(cat.Terms, opt.MinZ)
		res.Categories = append(res.Categories, cat)
	}
	return res, nil
}

// setWeights maps z-scores to weights in [MinWeight, MaxWeight], linearly
// from MinZ (MinWeight) to the category's highest z (MaxWeight), rounded to
// two decimals:
//
//	w = MinWeight + (MaxWeight − MinWeight)·(z − MinZ)/(z_max − MinZ)
func setWeights(ts []Term, minZ float64) {
	if len(ts) == 0 {
		return
	}
	top := ts[0].Z
	for i := range ts {
		w := MaxWeight
		if top > minZ {
			w = MinWeight + (MaxWeight-MinWeight)*(ts[i].Z-minZ)/(top-minZ)
		}
		ts[i].Weight = math.Round(min(MaxWeight, max(MinWeight, w))*100) / 100
	}
}

// posOK reports whether the most frequent tag (ties: the first in name
// order) starts with one of the prefixes.
func posOK(tags map[string]int, prefixes []string) bool {
	best, bestN := "", 0
	for _, t := range sortedKeys(tags) {
		if tags[t] > bestN {
			best, bestN = t, tags[t]
		}
	}
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(best, p) {
			return true
		}
	}
	return false
}

// startsWithLetter leaves out numbers and clitics ('m, 're).
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// nameWords returns the folded words of outlet names.
func nameWords(names []string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		for _, t := range text.Tokenize(n, 0, len(n), nil) {
			if t.Kind == text.Word {
				out[t.Norm] = true
				for _, p := range strings.FieldsFunc(t.Norm, func(r rune) bool { return r == '-' || r == '.' }) {
					out[p] = true
				}
			}
		}
	}
	return out
}

// gazetteerWords returns every folded word of the set's actor entries.
func gazetteerWords(set *lexicon.Set) map[string]bool {
	out := map[string]bool{}
	if set == nil {
		return out
	}
	for _, c := range set.Categories() {
		if c.Construct != "actor" {
			continue
		}
		for _, e := range c.Entries {
			for _, t := range text.Tokenize(e.Term, 0, len(e.Term), nil) {
				if t.Kind == text.Word && !framing.StopWords[t.Norm] {
					out[t.Norm] = true
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
