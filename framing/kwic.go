package framing

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// MaxKWICWidth bounds the context a concordance line may ask for.
const MaxKWICWidth = 1000

// KWIC finds the occurrences of a term in articles, for a keyword-in-context
// concordance. A term is a lexicon category ID (its evidence, as the
// analysis finds it) or a word or phrase, matched by the lexicon matcher
// exactly as a lexicon entry would be (tokenized like the text; case and
// apostrophes folded; * at a word's edge makes a glob), on the text the
// cleaner keeps. Build it with Analyzer.KWIC; it is safe for concurrent
// use.
type KWIC struct {
	an       *Analyzer
	category string
	matcher  *lexicon.Matcher
	pipeline *text.Pipeline
}

// KWICLine is one occurrence: its article, byte span and context.
type KWICLine struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Left and Right are at most the asked width of runes of context on
	// each side, whitespace runs folded to one space; LeftCut and RightCut
	// say whether more text lies beyond them.
	Left     string `json:"left"`
	Match    string `json:"match"`
	Right    string `json:"right"`
	LeftCut  bool   `json:"left_cut"`
	RightCut bool   `json:"right_cut"`
}

// ErrBadTerm is wrapped by Analyzer.KWIC's errors for a term that cannot be
// searched for.
var ErrBadTerm = errors.New("bad concordance term")

// KWIC returns a concordancer for term. A blank term, or one the lexicon
// format refuses as an entry (a * inside a word, invisible characters), is
// an error wrapping ErrBadTerm.
func (a *Analyzer) KWIC(term string) (*KWIC, error) {
	if strings.TrimSpace(term) == "" {
		return nil, fmt.Errorf("framing: %w: the term is empty", ErrBadTerm)
	}
	if _, ok := a.Lexicons().Category(term); ok {
		return &KWIC{an: a, category: term}, nil
	}
	if term == LearnedWordCategory && len(a.weights.Words) > 0 {
		return &KWIC{an: a, category: term}, nil // learned words are evidence of their own category
	}
	e := &lexicon.Entry{Term: term}
	if strings.Contains(term, "*") {
		e.Match = lexicon.Glob
	}
	l := &lexicon.Lexicon{Name: "kwic", Version: "1", Categories: []*lexicon.Category{{ID: "kwic", Construct: ConstructImported, Weight: 1, Entries: []*lexicon.Entry{e}, Lexicon: "kwic"}}}
	set, err := lexicon.NewSet(l)
	if err != nil {
		return nil, fmt.Errorf("framing: %w: %v", ErrBadTerm, err)
	}
	// Matching needs tokens, not tags: a pipeline without tagging, sharing
	// the analyzer's stemmer.
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		return nil, fmt.Errorf("framing: %w", err)
	}
	m, err := lexicon.Compile(set, p.Stemmer())
	if err != nil {
		return nil, fmt.Errorf("framing: %w: %q: %v", ErrBadTerm, term, err)
	}
	return &KWIC{an: a, matcher: m, pipeline: p}, nil
}

// Category reports whether the term is a lexicon category.
func (k *KWIC) Category() bool { return k.category != "" }

// Find returns the term's occurrences in art, in text order, each with up
// to width runes of context on each side (0 ≤ width ≤ MaxKWICWidth).
func (k *KWIC) Find(ctx context.Context, art *corpus.Article, width int) ([]KWICLine, error) {
	if width < 0 || width > MaxKWICWidth {
		return nil, fmt.Errorf("framing: context width %d outside [0, %d]", width, MaxKWICWidth)
	}
	var spans [][2]int
	if k.category != "" {
		r, err := k.an.Analyze(ctx, art)
		if err != nil {
			return nil, err
		}
		for _, e := range r.Evidence {
			if e.Category == k.category {
				spans = append(spans, [2]int{e.Start, e.End})
			}
		}
	} else {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := k.pipeline.Process(art.Text, Blocks(k.an.cleaner.CleanArticle(art)))
		if err != nil {
			return nil, fmt.Errorf("framing: %s: %w", art.ID, err)
		}
		for _, h := range k.matcher.Match(doc) {
			spans = append(spans, [2]int{h.Start, h.End})
		}
	}
	out := make([]KWICLine, 0, len(spans))
	for _, s := range spans {
		l := KWICLine{Article: art.ID, Outlet: art.Outlet, Start: s[0], End: s[1], Match: art.Text[s[0]:s[1]]}
		l.Left, l.LeftCut = ContextBefore(art.Text, s[0], width)
		l.Right, l.RightCut = ContextAfter(art.Text, s[1], width)
		out = append(out, l)
	}
	return out, nil
}

// ContextBefore returns up to n runes of s ending at byte offset at, on one
// line (each run of white space is one space; leading and trailing space
// dropped), and whether text was cut off before them. It reads only as far
// back as it needs, so a concordance costs the context it prints, not the
// article's length, per line.
func ContextBefore(s string, at, n int) (string, bool) { return contextWindow(s, at, n, true) }

// ContextAfter returns up to n runes of s starting at byte offset at, on
// one line, and whether text was cut off after them (see ContextBefore).
func ContextAfter(s string, at, n int) (string, bool) { return contextWindow(s, at, n, false) }

// contextWindow walks from at backwards (before) or forwards, collecting
// up to n runes with white space folded.
func contextWindow(s string, at, n int, before bool) (string, bool) {
	var rs []rune // in walking order
	space := false
	i := at
	for before && i > 0 || !before && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if before {
			r, size = utf8.DecodeLastRuneInString(s[:i])
		}
		step := size
		if before {
			step = -size
		}
		if unicode.IsSpace(r) {
			space = true
			i += step
			continue
		}
		if len(rs) >= n {
			break
		}
		if space && len(rs) > 0 {
			if rs = append(rs, ' '); len(rs) >= n {
				break
			}
		}
		space = false
		rs = append(rs, r)
		i += step
	}
	if before {
		slices.Reverse(rs)
		return string(rs), i > 0
	}
	return string(rs), i < len(s)
}
