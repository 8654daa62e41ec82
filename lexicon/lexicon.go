package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// MatchType says how an entry's words are compared with a text's tokens.
type MatchType string

// Match types.
const (
	Exact  MatchType = "exact"  // the folded word (case, curly apostrophes ignored)
	Stem   MatchType = "stem"   // the same English Snowball stem
	Glob   MatchType = "glob"   // * for any run of characters at the start or end of a word
	Phrase MatchType = "phrase" // several exact words in a row (a synonym of exact)
)

// Lexicon is one lexicon file: its provenance and categories.
type Lexicon struct {
	Name        string      `json:"name" yaml:"name"`
	Version     string      `json:"version" yaml:"version"`
	Description string      `json:"description" yaml:"description"`
	Licence     string      `json:"licence" yaml:"licence"`
	Curator     string      `json:"curator" yaml:"curator,omitempty"`
	References  []Reference `json:"references" yaml:"references"`
	Categories  []*Category `json:"categories" yaml:"categories"`
	// Exclude lists words and phrases the set must not count (see
	// Set.Exclusions); a lexicon file may hold only exclusions.
	Exclude []string `json:"exclude,omitempty" yaml:"exclude,omitempty"`
	// Source names the file the lexicon was loaded from.
	Source string `json:"-" yaml:"-"`
}

// Reference is a paper, book or guide a category's idea comes from.
type Reference struct {
	ID       string `json:"id" yaml:"id"`
	Citation string `json:"citation" yaml:"citation"`
	URL      string `json:"url,omitempty" yaml:"url,omitempty"`
}

// Category is a named group of entries measuring one construct.
type Category struct {
	ID          string    `json:"id" yaml:"id"`
	Label       string    `json:"label" yaml:"label"`
	Description string    `json:"description" yaml:"description"`
	Construct   string    `json:"construct" yaml:"construct"`
	Weight      float64   `json:"weight" yaml:"weight,omitempty"`
	Match       MatchType `json:"match,omitempty" yaml:"match,omitempty"`
	References  []string  `json:"references" yaml:"references"`
	Curator     string    `json:"curator,omitempty" yaml:"curator,omitempty"`
	Entries     []*Entry  `json:"entries" yaml:"entries"`
	// Lexicon is the name of the lexicon the category belongs to.
	Lexicon string `json:"-" yaml:"-"`
}

// Entry is one word or phrase of a category.
type Entry struct {
	Term      string            `json:"term" yaml:"term"`
	Match     MatchType         `json:"match,omitempty" yaml:"match,omitempty"`
	Weight    float64           `json:"weight,omitempty" yaml:"weight,omitempty"`
	Note      string            `json:"note,omitempty" yaml:"note,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty" yaml:"attrs,omitempty"`
	Compounds bool              `json:"compounds,omitempty" yaml:"compounds,omitempty"`
	// Shadow entries exist only to win the longest match, so that a shorter
	// entry does not fire inside a neutral phrase (tax regime, chicken Kiev).
	// Their hits are not reported.
	Shadow bool `json:"shadow,omitempty" yaml:"shadow,omitempty"`
	// Literal lists context words that mark a literal, neutral sense of the
	// entry ("prices" for slashed, "court" for genocide): when a word with
	// the same stem as one of them stands within LiteralWindow tokens of a
	// match, in the same sentence, the match is not reported (it still
	// blocks shorter matches, like a shadow entry).
	Literal []string `json:"literal,omitempty" yaml:"literal,omitempty"`
	// Line and Column locate the entry in its source file (0 when unknown).
	Line   int `json:"-" yaml:"-"`
	Column int `json:"-" yaml:"-"`
}

// EffectiveMatch returns the entry's match type, inheriting the category's.
func (c *Category) EffectiveMatch(e *Entry) MatchType {
	m := e.Match
	if m == "" {
		m = c.Match
	}
	if m == "" || m == Phrase {
		m = Exact
	}
	return m
}

// EffectiveWeight returns the entry's weight, inheriting the category's.
func (c *Category) EffectiveWeight(e *Entry) float64 {
	if e.Weight > 0 {
		return e.Weight
	}
	return c.Weight
}

// CheckConstructs checks that every category names one of the known
// constructs. The lexicon package does not own the list: the analysis that
// reads the lexicon does (framing.ConstructNames). The error names the
// file, line and column of each offending category.
func (l *Lexicon) CheckConstructs(known []string) error {
	ok := make(map[string]bool, len(known))
	for _, k := range known {
		ok[k] = true
	}
	var errs []error
	for _, c := range l.Categories {
		if !ok[c.Construct] {
			msg := fmt.Sprintf("category %s: unknown construct %q (see FORMAT.md)", c.ID, c.Construct)
			if s := Closest(c.Construct, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			errs = append(errs, fmt.Errorf("%s: %s", where(l, c), msg))
		}
	}
	return errors.Join(errs...)
}

// CheckConstructs checks every lexicon of the set (see
// Lexicon.CheckConstructs).
func (s *Set) CheckConstructs(known []string) error {
	var errs []error
	for _, l := range s.lexicons {
		if err := l.CheckConstructs(known); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Set is a group of lexicons whose category IDs are unique.
type Set struct {
	lexicons   []*Lexicon
	categories map[string]*Category
	extra      []string // exclusions added with WithExclusions
}

// NewSet groups lexicons. It fails when two categories share an ID or two
// lexicons share a name.
func NewSet(lexs ...*Lexicon) (*Set, error) {
	s := &Set{categories: map[string]*Category{}}
	names := map[string]bool{}
	for _, l := range lexs {
		if names[l.Name] {
			return nil, fmt.Errorf("lexicon: two lexicons named %q", l.Name)
		}
		names[l.Name] = true
		for _, c := range l.Categories {
			if prev, dup := s.categories[c.ID]; dup {
				return nil, fmt.Errorf("%s: category %q is already defined by lexicon %q: %w", where(l, c), c.ID, prev.Lexicon, ErrDuplicate)
			}
			s.categories[c.ID] = c
		}
		s.lexicons = append(s.lexicons, l)
	}
	return s, nil
}

// ErrDuplicate is wrapped by NewSet's errors for a category ID defined
// twice.
var ErrDuplicate = errors.New("duplicate category")

// where locates a category in its source file: file:line:col of its first
// entry when known.
func where(l *Lexicon, c *Category) string {
	src := l.Source
	if src == "" {
		src = l.Name
	}
	if len(c.Entries) > 0 && c.Entries[0].Line > 0 {
		return fmt.Sprintf("%s:%d:%d", src, c.Entries[0].Line, c.Entries[0].Column)
	}
	return src
}

// With returns a new set in which each given lexicon replaces the one of the
// same name, or is added.
func (s *Set) With(lexs ...*Lexicon) (*Set, error) {
	out := append([]*Lexicon(nil), s.lexicons...)
	for _, l := range lexs {
		replaced := false
		for i, old := range out {
			if old.Name == l.Name {
				out[i], replaced = l, true
			}
		}
		if !replaced {
			out = append(out, l)
		}
	}
	ns, err := NewSet(out...)
	if err != nil {
		return nil, err
	}
	ns.extra = append([]string(nil), s.extra...)
	return ns, nil
}

// Lexicons returns the set's lexicons in order.
func (s *Set) Lexicons() []*Lexicon { return s.lexicons }

// Category returns a category by ID.
func (s *Set) Category(id string) (*Category, bool) {
	c, ok := s.categories[id]
	return c, ok
}

// Categories returns every category, in lexicon and file order.
func (s *Set) Categories() []*Category {
	var out []*Category
	for _, l := range s.lexicons {
		out = append(out, l.Categories...)
	}
	return out
}

// Fingerprint is a SHA-256 hash of the set's normalised content: lexicons
// sorted by name, and every field that changes what matches or how it is
// weighted (terms folded, entries sorted). Notes and descriptions are left
// out, so editing prose does not change results' fingerprint. The set's
// exclusions, when it has any, are part of it. Profiles built with different
// fingerprints refuse to merge.
func (s *Set) Fingerprint() string {
	type entry struct {
		T string            `json:"t" yaml:"t"`
		M MatchType         `json:"m" yaml:"m"`
		W float64           `json:"w" yaml:"w"`
		A map[string]string `json:"a,omitempty" yaml:"a,omitempty"`
		C bool              `json:"c,omitempty" yaml:"c,omitempty"`
		S bool              `json:"s,omitempty" yaml:"s,omitempty"`
		L []string          `json:"l,omitempty" yaml:"l,omitempty"`
	}
	type cat struct {
		ID string  `json:"id" yaml:"id"`
		C  string  `json:"c" yaml:"c"`
		E  []entry `json:"e" yaml:"e"`
	}
	type lex struct {
		N, V string
		C    []cat
	}
	var norm []lex
	for _, l := range s.lexicons {
		nl := lex{N: l.Name, V: l.Version}
		for _, c := range l.Categories {
			nc := cat{ID: c.ID, C: c.Construct}
			for _, e := range c.Entries {
				nc.E = append(nc.E, entry{T: foldTerm(e.Term), M: c.EffectiveMatch(e), W: c.EffectiveWeight(e), A: e.Attrs, C: e.Compounds, S: e.Shadow, L: foldLiteral(e.Literal)})
			}
			sort.Slice(nc.E, func(i, j int) bool {
				if nc.E[i].T != nc.E[j].T {
					return nc.E[i].T < nc.E[j].T
				}
				return nc.E[i].M < nc.E[j].M
			})
			nl.C = append(nl.C, nc)
		}
		sort.Slice(nl.C, func(i, j int) bool { return nl.C[i].ID < nl.C[j].ID })
		norm = append(norm, nl)
	}
	sort.Slice(norm, func(i, j int) bool { return norm[i].N < norm[j].N })
	b, _ := json.Marshal(norm) // maps marshal with sorted keys
	if ex := s.Exclusions(); len(ex) > 0 {
		// Appended only when present, so sets without exclusions keep the
		// fingerprint they always had.
		xb, _ := json.Marshal(ex)
		b = append(append(b, "\x00exclude"...), xb...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ShortFingerprint is the first 12 hex digits of Fingerprint, for display.
func (s *Set) ShortFingerprint() string { return s.Fingerprint()[:12] }

// foldLiteral folds and sorts literal-sense cues for the fingerprint.
func foldLiteral(ws []string) []string {
	if len(ws) == 0 {
		return nil
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = foldTerm(w)
	}
	sort.Strings(out)
	return out
}

var quoteFold = strings.NewReplacer("\u2019", "'", "\u2018", "'")

func foldTerm(t string) string {
	return strings.Join(strings.Fields(strings.ToLower(quoteFold.Replace(t))), " ")
}
