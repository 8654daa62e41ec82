package framing

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/slantlab/slant/text"
)

// ProfileSchema is the version of the Profile layout; profiles of different
// schemas refuse to merge.
const ProfileSchema = 2

// MaxExemplars bounds the strongest-evidence exemplars a profile keeps.
const MaxExemplars = 20

// Moments are mergeable sums of one measure: n, Σx and Σx².
type Moments struct {
	N     float64 `json:"n"`
	Sum   float64 `json:"sum"`
	SumSq float64 `json:"sum_sq"`
}

// Add records one value.
func (m *Moments) Add(x float64) { m.N++; m.Sum += x; m.SumSq += x * x }

// Mean returns Σx / n (0 for no values, or a nil Moments, so that
// p.Articles["absent"].Mean() is 0).
func (m *Moments) Mean() float64 {
	if m == nil || m.N == 0 {
		return 0
	}
	return m.Sum / m.N
}

// Exemplar is one strong piece of evidence kept as an example.
type Exemplar struct {
	Article  string  `json:"article"`
	Category string  `json:"category"`
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Weight   float64 `json:"weight"`
	Sentence string  `json:"sentence"`
}

// Profile accumulates article results for one source (an outlet, or any
// metadata value). Every field is a sum, a count or a sorted multiset, so
// Merge is component-wise, associative and commutative, and shards
// computed apart combine exactly.
type Profile struct {
	Schema   int    `json:"schema"`
	Lexicons string `json:"lexicons"`
	GroupBy  string `json:"group_by"`
	// Keys are the group values merged into this profile, sorted.
	Keys      []string `json:"keys"`
	Documents int64    `json:"documents"`
	Sentences int64    `json:"sentences"`
	Tokens    int64    `json:"tokens"`
	Words     int64    `json:"words"`
	// Articles holds moments of each article measure over articles.
	Articles map[string]*Moments `json:"articles"`
	// SentenceMoments holds moments of each sentence feature (and the score)
	// over sentences.
	SentenceMoments map[string]*Moments `json:"sentence_moments"`
	// ExactLimit is how many distinct values of each measure are kept
	// exactly before that measure is sketched (see Distribution);
	// DefaultExactLimit unless changed before the first Add. Profiles
	// with different limits refuse to merge.
	ExactLimit int `json:"exact_limit"`
	// Values keeps each unit's value for rank tests and bootstrap intervals:
	// "article:<measure>" per article, "sentence:<feature>" per sentence.
	// Memory is bounded: exact up to ExactLimit distinct values per
	// measure, a sketch past it. Read them with ArticleValues and
	// SentenceValues.
	Values map[string]*Distribution `json:"values"`
	// CategoryHits counts non-negated evidence per lexicon category in the
	// reporter's voice; CategoryDocs counts articles with at least one.
	CategoryHits map[string]float64 `json:"category_hits"`
	CategoryDocs map[string]int64   `json:"category_docs"`
	// Terms counts folded word tokens (title and body), for distinctive-term
	// statistics: exact while the profile has met at most TermLimit
	// distinct words (TermError 0). Past that, the rarest words are pruned
	// whenever the map outgrows TermLimit, down to half of it (lossy
	// counting, Manku and Motwani 2002), and TermError says how far off the
	// counts may be.
	Terms map[string]float64 `json:"terms"`
	// TermLimit bounds the distinct words Terms keeps (DefaultTermLimit).
	TermLimit int `json:"term_limit"`
	// TermError bounds the pruning's error: every count in Terms is at most
	// TermError below the word's true count, and a word missing from Terms
	// occurred at most TermError times. 0 when the counts are exact.
	TermError float64 `json:"term_error,omitempty"`
	// Exemplars are the strongest reporter-voice evidence, at most
	// MaxExemplars, ordered by weight, then article, then offset.
	Exemplars []Exemplar `json:"exemplars"`
	// Actors are the per-source actor portraits: how often each actor is
	// mentioned, agent or patient, the verbs it takes and the terms applied
	// to it, summed over articles.
	Actors map[string]*ActorPortrait `json:"actors"`
	// words holds the private copies of the words counted (see interner);
	// the profiles of one Profiles share it. Not saved.
	words *interner
}

// ActorPortrait sums an actor's appearances over a source's articles.
type ActorPortrait struct {
	Name     string  `json:"name"`
	Articles float64 `json:"articles"`
	Mentions float64 `json:"mentions"`
	Agent    float64 `json:"agent"`
	Patient  float64 `json:"patient"`
	// Verbs counts the verbs taken as agent ("agent:hides") or as patient
	// ("patient:attacked").
	Verbs map[string]float64 `json:"verbs"`
	// Descriptors counts loaded and evaluative terms in the actor's clauses
	// (folded text); Sides counts contested terms there by side.
	Descriptors map[string]float64 `json:"descriptors"`
	Sides       map[string]float64 `json:"sides"`
}

func (a *ActorPortrait) merge(o *ActorPortrait) {
	a.Articles += o.Articles
	a.Mentions += o.Mentions
	a.Agent += o.Agent
	a.Patient += o.Patient
	for _, pair := range [][2]map[string]float64{{a.Verbs, o.Verbs}, {a.Descriptors, o.Descriptors}, {a.Sides, o.Sides}} {
		for k, v := range pair[1] {
			pair[0][k] += v
		}
	}
}

func newPortrait(name string) *ActorPortrait {
	return &ActorPortrait{Name: name, Verbs: map[string]float64{}, Descriptors: map[string]float64{}, Sides: map[string]float64{}}
}

// NewProfile returns an empty profile for key, built with lexicons of the
// given fingerprint.
func NewProfile(groupBy, key, lexicons string) *Profile {
	return &Profile{Schema: ProfileSchema, Lexicons: lexicons, GroupBy: groupBy, Keys: []string{key}, ExactLimit: DefaultExactLimit, TermLimit: DefaultTermLimit,
		Articles: map[string]*Moments{}, SentenceMoments: map[string]*Moments{}, Values: map[string]*Distribution{},
		CategoryHits: map[string]float64{}, CategoryDocs: map[string]int64{}, Terms: map[string]float64{}, Exemplars: []Exemplar{},
		Actors: map[string]*ActorPortrait{}}
}

// ArticleValues returns the distribution of an article measure over the
// profile's articles (empty, never nil, when the measure is absent).
// Exact while it holds at most ExactLimit distinct values; see
// Distribution for the sketch past that and ComparableDistributions for
// rank statistics with a stated error.
func (p *Profile) ArticleValues(measure string) *Distribution {
	return p.values(articlePrefix + measure)
}

// SentenceValues returns the distribution of a sentence feature ("score",
// "loaded_reporter", "intensifier", "unattributed_evaluative",
// "attributed", "quote_share") over the profile's sentences (empty, never
// nil, when absent).
func (p *Profile) SentenceValues(feature string) *Distribution {
	return p.values(sentencePrefix + feature)
}

const (
	articlePrefix  = "article:"
	sentencePrefix = "sentence:"
)

func (p *Profile) values(key string) *Distribution {
	if d := p.Values[key]; d != nil {
		return d
	}
	return NewDistribution(p.ExactLimit)
}

// limitOf returns an exact limit, DefaultExactLimit for 0 (a profile
// decoded without one).
func limitOf(n int) int {
	if n <= 0 {
		return DefaultExactLimit
	}
	return n
}

// distribution returns the profile's distribution for key, creating it.
func (p *Profile) distribution(key string) *Distribution {
	d := p.Values[key]
	if d == nil {
		d = NewDistribution(p.ExactLimit)
		p.Values[key] = d
	}
	return d
}

// Key returns the profile's group value(s), joined with "+".
func (p *Profile) Key() string { return strings.Join(p.Keys, "+") }

// Add adds one article result. It fails when the result was produced with
// other lexicons.
func (p *Profile) Add(r *Result) error {
	if r.Lexicons != p.Lexicons {
		return fmt.Errorf("framing: profile %s: article %s was analysed with lexicons %.12s, the profile with %.12s", p.Key(), r.ID, r.Lexicons, p.Lexicons)
	}
	p.initMaps()
	if p.words == nil {
		p.words = &interner{}
	}
	in := p.words
	p.Documents++
	p.Sentences += int64(len(r.Sentences))
	p.Tokens += int64(r.Tokens)
	p.Words += int64(r.Words)
	names := make([]string, 0, len(r.Measures))
	for k := range r.Measures {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := r.Measures[k]
		moment(p.Articles, k).Add(v)
		p.distribution(articlePrefix + k).Add(v)
	}
	for _, sv := range sentenceValues {
		m := moment(p.SentenceMoments, sv.name)
		d := p.distribution(sentencePrefix + sv.name)
		for i := range r.Sentences {
			v := sv.of(&r.Sentences[i])
			m.Add(v)
			d.Add(v)
		}
	}
	seen := map[string]bool{}
	for _, e := range r.Evidence {
		if e.Negated || e.Voice != Reporter {
			continue
		}
		p.CategoryHits[e.Category]++
		if !seen[e.Category] {
			seen[e.Category] = true
			p.CategoryDocs[e.Category]++
		}
		if def, _ := ConstructInfo(e.Construct); def.Exemplars {
			sent := ""
			if e.Sentence < len(r.Sentences) {
				sent = r.Text[r.Sentences[e.Sentence].Start:r.Sentences[e.Sentence].End]
			}
			p.Exemplars = append(p.Exemplars, Exemplar{Article: r.ID, Category: e.Category, Text: strings.Clone(e.Text), Start: e.Start, End: e.End, Weight: e.Weight, Sentence: strings.Clone(sent)})
		}
	}
	p.Exemplars = trimExemplars(p.Exemplars)
	for _, w := range termsOf(r) {
		p.Terms[in.copyOf(w.word)] += w.n
	}
	p.pruneTerms()
	for _, a := range r.Actors {
		ap := p.Actors[a.ID]
		if ap == nil {
			ap = newPortrait(a.Name)
			p.Actors[a.ID] = ap
		}
		ap.Articles++
		ap.Mentions += float64(a.Mentions)
		ap.Agent += float64(a.Agent)
		ap.Patient += float64(a.Patient)
		for _, m := range a.Spans {
			if m.Verb != "" {
				addCount(in, ap.Verbs, m.Role+":"+m.Verb)
			}
		}
		for _, d := range a.Descriptors {
			addCount(in, ap.Descriptors, text.Fold(d.Text))
		}
		for _, d := range a.Contested {
			addCount(in, ap.Sides, d.Side)
		}
	}
	return nil
}

// wordCount is a folded word and how many times an article has it.
type wordCount struct {
	word string
	n    float64
}

// countWords returns the distinct folded words of toks with their counts,
// in no particular order: a profile only adds them into its map, and
// integer counts sum exactly in any order. Counting in the analysis
// (which runs in parallel) leaves the serial Profiles.Add one interner
// lookup and one map add per distinct word of an article instead of per
// token (its per-token counting was about a fifth of the CPU of a whole
// slant bench --no-pos run). sc's map is used when sc is not nil.
func countWords(toks []text.Token, sc *scratch) []wordCount {
	var m map[string]int32
	if sc != nil {
		if sc.counts == nil {
			sc.counts = make(map[string]int32, 512)
		}
		m = sc.counts
	} else {
		m = make(map[string]int32)
	}
	for i := range toks {
		if toks[i].Kind == text.Word {
			m[toks[i].Norm]++
		}
	}
	if len(m) == 0 {
		return nil
	}
	out := make([]wordCount, 0, len(m))
	for w, n := range m {
		out = append(out, wordCount{w, float64(n)})
	}
	clear(m)
	return out
}

// termsOf returns the counted folded word tokens of a result's sentences:
// those the analysis counted, or, for a result decoded from JSON, the text
// tokenized again.
func termsOf(r *Result) []wordCount {
	if r.words != nil {
		return r.words
	}
	var toks, all []text.Token
	for _, s := range r.Sentences {
		toks = text.Tokenize(r.Text, s.Start, s.End, toks[:0])
		all = append(all, toks...)
	}
	return countWords(all, nil)
}

// DefaultTermLimit is how many distinct words a profile counts exactly
// (the largest outlet of the AllSides sample has about 24,000).
const DefaultTermLimit = 50000

// pruneTerms keeps Terms within TermLimit: when it has more words, those
// with the smallest counts are dropped until at most half the limit
// remain, and the largest dropped count is added to TermError. Which words
// go depends only on the counts, never on map order.
func (p *Profile) pruneTerms() {
	if len(p.Terms) <= p.TermLimit {
		return
	}
	counts := make([]float64, 0, len(p.Terms))
	for _, c := range p.Terms {
		counts = append(counts, c)
	}
	slices.Sort(counts)
	floor := counts[len(counts)-p.TermLimit/2-1]
	for w, c := range p.Terms {
		if c <= floor {
			delete(p.Terms, w)
		}
	}
	p.TermError += floor
}

// addCount increments m[k] under the interner's copy of k (see interner).
func addCount(in *interner, m map[string]float64, k string) {
	m[in.copyOf(k)]++
}

// interner hands out one private copy of each word. Keys often point into
// an article's text, and a profile must not keep whole articles alive for
// the sake of one word; copying only new keys is not enough, because
// assigning to an existing string key (m[k]++) stores the new k in place
// of the old one, so every increment must use a copy. A plain map is used
// rather than unique.Make, which did the same job at about ten times the
// cost (its weak-pointer map was 28% of building profiles from a saved
// analysis of the AllSides sample; CPU profile of Profiles.Add). The table
// is bounded: past internLimit words it starts again, which only costs
// copies, since any private copy is as good as another.
type interner struct{ m map[string]string }

// internLimit bounds an interner (about 6 MB of entries; the AllSides
// sample's whole vocabulary is about 68,000 words).
const internLimit = 1 << 17

func (in *interner) copyOf(k string) string {
	if s, ok := in.m[k]; ok {
		return s
	}
	if in.m == nil || len(in.m) >= internLimit {
		in.m = make(map[string]string, 1024)
	}
	s := strings.Clone(k)
	in.m[s] = s
	return s
}

func moment(m map[string]*Moments, k string) *Moments {
	if m[k] == nil {
		m[k] = &Moments{}
	}
	return m[k]
}

func trimExemplars(es []Exemplar) []Exemplar {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Category < b.Category
	})
	if len(es) > MaxExemplars {
		es = es[:MaxExemplars]
	}
	return es
}

// ErrIncompatible is returned (wrapped) when profiles cannot be merged.
var ErrIncompatible = errors.New("incompatible profiles")

// compatible says why profiles of the given schemas, lexicon fingerprints,
// grouping fields and exact limits may not merge (nil when they may).
func compatible(schemaA, schemaB int, lexA, lexB, byA, byB string, limitA, limitB int) error {
	if limitA != limitB {
		return fmt.Errorf("framing: merging profiles keeping %d and %d exact values per measure: %w", limitA, limitB, ErrIncompatible)
	}
	if schemaA != schemaB {
		return fmt.Errorf("framing: merging profiles of schema %d and %d: %w", schemaA, schemaB, ErrIncompatible)
	}
	if lexA != lexB {
		return fmt.Errorf("framing: merging profiles built with lexicons %.12s and %.12s: %w", lexA, lexB, ErrIncompatible)
	}
	if byA != byB {
		return fmt.Errorf("framing: merging profiles grouped by %q and %q: %w", byA, byB, ErrIncompatible)
	}
	return nil
}

// Merge adds o into p. It fails when the profiles were built with different
// lexicon fingerprints, schemas or grouping fields.
func (p *Profile) Merge(o *Profile) error {
	p.initMaps()
	if err := compatible(p.Schema, o.Schema, p.Lexicons, o.Lexicons, p.GroupBy, o.GroupBy, p.ExactLimit, limitOf(o.ExactLimit)); err != nil {
		return err
	}
	keys := map[string]bool{}
	for _, k := range append(append([]string{}, p.Keys...), o.Keys...) {
		keys[k] = true
	}
	p.Keys = p.Keys[:0]
	for k := range keys {
		p.Keys = append(p.Keys, k)
	}
	sort.Strings(p.Keys)
	p.Documents += o.Documents
	p.Sentences += o.Sentences
	p.Tokens += o.Tokens
	p.Words += o.Words
	for k, m := range o.Articles {
		t := moment(p.Articles, k)
		t.N, t.Sum, t.SumSq = t.N+m.N, t.Sum+m.Sum, t.SumSq+m.SumSq
	}
	for k, m := range o.SentenceMoments {
		t := moment(p.SentenceMoments, k)
		t.N, t.Sum, t.SumSq = t.N+m.N, t.Sum+m.Sum, t.SumSq+m.SumSq
	}
	for k, d := range o.Values {
		if p.Values[k] == nil {
			p.Values[k] = d.Clone()
		} else if err := p.Values[k].Merge(d); err != nil {
			return err
		}
	}
	for k, v := range o.CategoryHits {
		p.CategoryHits[k] += v
	}
	for k, v := range o.CategoryDocs {
		p.CategoryDocs[k] += v
	}
	for k, v := range o.Terms {
		p.Terms[k] += v
	}
	p.TermError += o.TermError
	p.pruneTerms()
	p.Exemplars = trimExemplars(append(append([]Exemplar{}, p.Exemplars...), o.Exemplars...))
	for k, a := range o.Actors {
		if p.Actors[k] == nil {
			p.Actors[k] = newPortrait(a.Name)
		}
		p.Actors[k].merge(a)
	}
	return nil
}

// Clone returns a deep copy.
func (p *Profile) Clone() (*Profile, error) {
	b, err := p.MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := &Profile{}
	if err := c.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return c, nil
}

// initMaps makes the nil maps of a profile (decoded from JSON or gob
// without them) empty, so that Add and Merge can write into them.
func (p *Profile) initMaps() {
	for _, m := range []*map[string]*Moments{&p.Articles, &p.SentenceMoments} {
		if *m == nil {
			*m = map[string]*Moments{}
		}
	}
	if p.Values == nil {
		p.Values = map[string]*Distribution{}
	}
	if p.ExactLimit <= 0 {
		p.ExactLimit = DefaultExactLimit
	}
	if p.TermLimit <= 0 {
		p.TermLimit = DefaultTermLimit
	}
	if p.CategoryHits == nil {
		p.CategoryHits = map[string]float64{}
	}
	if p.CategoryDocs == nil {
		p.CategoryDocs = map[string]int64{}
	}
	if p.Terms == nil {
		p.Terms = map[string]float64{}
	}
	if p.Exemplars == nil {
		p.Exemplars = []Exemplar{}
	}
	if p.Actors == nil {
		p.Actors = map[string]*ActorPortrait{}
	}
	for _, a := range p.Actors {
		for _, m := range []*map[string]float64{&a.Verbs, &a.Descriptors, &a.Sides} {
			if *m == nil {
				*m = map[string]float64{}
			}
		}
	}
}

// plainProfile has Profile's fields without its methods, so that gob does
// not call MarshalBinary recursively.
type plainProfile Profile

// MarshalBinary encodes the profile with encoding/gob. (JSON is the default
// encoding/json one; map keys are sorted, so it is deterministic.)
func (p *Profile) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode((*plainProfile)(p)); err != nil {
		return nil, fmt.Errorf("framing: encoding profile %s: %w", p.Key(), err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary decodes a profile written by MarshalBinary.
func (p *Profile) UnmarshalBinary(b []byte) error {
	var q Profile
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode((*plainProfile)(&q)); err != nil {
		return fmt.Errorf("framing: decoding profile: %w", err)
	}
	if q.Schema != ProfileSchema {
		return fmt.Errorf("framing: profile schema %d, this build reads %d: %w", q.Schema, ProfileSchema, ErrIncompatible)
	}
	q.initMaps()
	*p = q
	return nil
}

// Profiles groups article results by a field.
type Profiles struct {
	GroupBy  string
	Lexicons string
	// ExactLimit is given to each new profile (DefaultExactLimit when 0).
	ExactLimit int
	// TermLimit is given to each new profile (DefaultTermLimit when 0).
	TermLimit int
	byKey     map[string]*Profile
	words     *interner // shared by its profiles
	// Undated counts, by source, the articles a grouping by period left out
	// for want of a date.
	Undated map[string]int64
}

// NewProfiles returns an empty grouping by field ("outlet" by default, or
// any article metadata key).
func NewProfiles(groupBy, lexicons string) *Profiles {
	if groupBy == "" {
		groupBy = "outlet"
	}
	return &Profiles{GroupBy: groupBy, Lexicons: lexicons, byKey: map[string]*Profile{}, words: &interner{}}
}

// Add adds a result to the profile of its group; a result without the
// field goes to the group "(none)". In a grouping by period (WithPeriod),
// an article without a date joins no profile: it is counted in Undated,
// by source.
func (ps *Profiles) Add(r *Result) error {
	if field, p := SplitPeriod(ps.GroupBy); p != "" && r.Published.IsZero() {
		if ps.Undated == nil {
			ps.Undated = map[string]int64{}
		}
		ps.Undated[r.Group(field)]++
		return nil
	}
	key := r.Group(ps.GroupBy)
	p := ps.byKey[key]
	if p == nil {
		p = NewProfile(ps.GroupBy, key, ps.Lexicons)
		p.words = ps.words
		if ps.ExactLimit > 0 {
			p.ExactLimit = ps.ExactLimit
		}
		if ps.TermLimit > 0 {
			p.TermLimit = ps.TermLimit
		}
		ps.byKey[key] = p
	}
	return p.Add(r)
}

// Get returns the profile of one group.
func (ps *Profiles) Get(key string) (*Profile, bool) {
	p, ok := ps.byKey[key]
	return p, ok
}

// Keys returns the group values, sorted.
func (ps *Profiles) Keys() []string {
	ks := make([]string, 0, len(ps.byKey))
	for k := range ps.byKey {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// All returns every profile, sorted by key.
func (ps *Profiles) All() []*Profile {
	var out []*Profile
	for _, k := range ps.Keys() {
		out = append(out, ps.byKey[k])
	}
	return out
}

// Merge adds another grouping's profiles into ps. It fails, leaving ps
// unchanged, when the groupings or any of their profiles (those whose key
// only o has included) differ in schema, lexicon fingerprint or grouping
// field.
func (ps *Profiles) Merge(o *Profiles) error {
	if err := compatible(ProfileSchema, ProfileSchema, ps.Lexicons, o.Lexicons, ps.GroupBy, o.GroupBy, limitOf(ps.ExactLimit), limitOf(o.ExactLimit)); err != nil {
		return err
	}
	for _, k := range o.Keys() {
		op := o.byKey[k]
		if err := compatible(ProfileSchema, op.Schema, ps.Lexicons, op.Lexicons, ps.GroupBy, op.GroupBy, limitOf(ps.ExactLimit), limitOf(op.ExactLimit)); err != nil {
			return fmt.Errorf("source %s: %w", k, err)
		}
		if p, ok := ps.byKey[k]; ok {
			if err := compatible(p.Schema, op.Schema, p.Lexicons, op.Lexicons, p.GroupBy, op.GroupBy, limitOf(p.ExactLimit), limitOf(op.ExactLimit)); err != nil {
				return fmt.Errorf("source %s: %w", k, err)
			}
		}
	}
	// Every check passed: the merges below cannot fail on compatibility.
	// Clones are made before anything changes, so an encoding failure
	// also leaves ps as it was.
	clones := map[string]*Profile{}
	for _, k := range o.Keys() {
		if _, ok := ps.byKey[k]; !ok {
			c, err := o.byKey[k].Clone()
			if err != nil {
				return err
			}
			clones[k] = c
		}
	}
	for _, k := range o.Keys() {
		if c, ok := clones[k]; ok {
			ps.byKey[k] = c
		} else if err := ps.byKey[k].Merge(o.byKey[k]); err != nil {
			return err
		}
	}
	for k, n := range o.Undated {
		if ps.Undated == nil {
			ps.Undated = map[string]int64{}
		}
		ps.Undated[k] += n
	}
	return nil
}

// NoGroup is the group of results that lack the grouping field.
const NoGroup = "(none)"

// Group returns the value of a grouping field of the result: "outlet" (the
// default, also for ""), "id", "title", or a metadata key; NoGroup when the
// result has no value for it. A field with a period (WithPeriod:
// "outlet@month") gives the value and the period of the article's date,
// "AP 2025-08", or "AP (undated)" without a date. Profiles group by it.
func (r *Result) Group(field string) string {
	if base, p := SplitPeriod(field); p != "" {
		label := Undated
		if !r.Published.IsZero() {
			label = p.Label(r.Published)
		}
		return r.Group(base) + PeriodKeySep + label
	}
	var v string
	switch field {
	case "outlet", "":
		v = r.Outlet
	case "id":
		v = r.ID
	case "title":
		v = r.Title
	default:
		v = r.Meta[field]
	}
	if v == "" {
		return NoGroup
	}
	return v
}
