package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/slantlab/slant/text"
)

// An exclusion is a word or phrase that a researcher does not want counted,
// without editing the lexicon that lists it. It acts in two ways:
//
//   - an entry whose term is the exclusion (case and curly apostrophes
//     ignored) is dropped from the matcher, with all its inflections: excluding
//     "regime" removes the entry "regime" (match: stem) and so "regimes" too;
//   - wherever the exclusion occurs in a text (its words in a row, folded like
//     tokens), no hit lying inside that occurrence is reported, in any
//     construct: excluding "talking points memo" removes "talking points"
//     (and "points") inside "the Talking Points Memo site" but leaves "talking
//     points" elsewhere.
//
// Exclusions come from a lexicon file's exclude field and from
// Set.WithExclusions (the CLI's --exclude FILE). They are part of the set's
// fingerprint.

// CommentPrefix starts a comment line in an exclusion file.
const CommentPrefix = "#"

// ParseExclusions reads an exclusion list: one word or phrase per line;
// blank lines and lines starting with # are ignored; a term may not contain
// a * (exclusions are literal). name labels the file in errors, which give
// the line.
func ParseExclusions(name string, data []byte) ([]string, error) {
	var out []string
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if t == "" || strings.HasPrefix(t, CommentPrefix) {
			continue
		}
		if err := checkExclusion(t); err != nil {
			errs = append(errs, &PosError{File: name, Line: line, Column: 1, Msg: err.Error()})
			continue
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// LoadExclusions reads an exclusion list file (see ParseExclusions).
func LoadExclusions(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: exclusions: %w", err)
	}
	return ParseExclusions(path, data)
}

// checkExclusion validates one exclusion term.
func checkExclusion(t string) error {
	if strings.TrimSpace(t) == "" {
		return errors.New("empty exclusion")
	}
	if strings.Contains(t, "*") {
		return fmt.Errorf("exclusion %q: * is not allowed (exclusions are literal words or phrases)", t)
	}
	if len(exclusionTokens(t)) == 0 {
		return fmt.Errorf("exclusion %q has no words", t)
	}
	return nil
}

// exclusionTokens folds an exclusion into the token norms the matcher
// compares, tokenizing it like the text so that "Russia's" or "U.S." line
// up.
func exclusionTokens(t string) []string {
	var out []string
	for _, tok := range text.Tokenize(t, 0, len(t), nil) {
		out = append(out, tok.Norm)
	}
	return out
}

// WithExclusions returns a copy of s whose exclusions also include terms
// (see the package's exclusion rules). It fails on an empty term or one with
// a *. The receiver is unchanged.
func (s *Set) WithExclusions(terms ...string) (*Set, error) {
	for _, t := range terms {
		if err := checkExclusion(t); err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
	}
	out, err := NewSet(s.lexicons...)
	if err != nil {
		return nil, err
	}
	out.extra = append(append([]string(nil), s.extra...), terms...)
	return out, nil
}

// Exclusions returns the set's exclusions, folded, without duplicates and
// sorted: the exclude fields of its lexicons and those added with
// WithExclusions.
func (s *Set) Exclusions() []string {
	var out []string
	for _, l := range s.lexicons {
		for _, t := range l.Exclude {
			out = append(out, foldTerm(t))
		}
	}
	for _, t := range s.extra {
		out = append(out, foldTerm(t))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// exclusionKey is the token-norm key under which an exclusion and an entry's
// term are compared.
func exclusionKey(t string) string { return strings.Join(exclusionTokens(t), "\x00") }

// excluder finds exclusion phrases in a document.
type excluder struct {
	root  *xnode
	terms map[string]bool // exclusionKey of every exclusion
}

type xnode struct {
	next map[string]*xnode
	end  bool
}

func newExcluder(terms []string) *excluder {
	if len(terms) == 0 {
		return nil
	}
	x := &excluder{root: &xnode{}, terms: map[string]bool{}}
	for _, t := range terms {
		toks := exclusionTokens(t)
		if len(toks) == 0 {
			continue
		}
		x.terms[strings.Join(toks, "\x00")] = true
		n := x.root
		for _, w := range toks {
			if n.next == nil {
				n.next = map[string]*xnode{}
			}
			c, ok := n.next[w]
			if !ok {
				c = &xnode{}
				n.next[w] = c
			}
			n = c
		}
		n.end = true
	}
	return x
}

// excludes reports whether an entry's term is itself an exclusion.
func (x *excluder) excludes(term string) bool {
	return x != nil && x.terms[exclusionKey(term)]
}

// covered marks every token that lies inside an occurrence of an exclusion
// in doc; it returns nil when there is none.
func (x *excluder) covered(doc *text.Document) []bool {
	if x == nil {
		return nil
	}
	var cov []bool
	for i := range doc.Tokens {
		n, last := x.root, -1
		for j := i; j < len(doc.Tokens); j++ {
			c, ok := n.next[doc.Tokens[j].Norm]
			if !ok {
				break
			}
			n = c
			if n.end {
				last = j + 1
			}
		}
		if last < 0 {
			continue
		}
		if cov == nil {
			cov = make([]bool, len(doc.Tokens))
		}
		for k := i; k < last; k++ {
			cov[k] = true
		}
	}
	return cov
}

// inside reports whether the hit's tokens all lie in excluded occurrences.
func inside(cov []bool, h Hit) bool {
	for k := h.First; k < h.Last; k++ {
		if !cov[k] {
			return false
		}
	}
	return true
}
