// Package audit lists what a lexicon set matches in a corpus, so that a
// researcher can spot misfires in an hour: per category, the most frequent
// matched terms with their counts (all voices and the reporter's own), how
// many outlets they come from and how concentrated they are in one, a
// deterministic sample of contexts (keyword in context), and per outlet the
// most frequent terms.
//
// An Auditor is fed framing results (the analysis of each article, with its
// evidence spans) and builds a Report; report.Audit renders it as text,
// JSON or Markdown (the CLI "slant lexicon audit"). A misfire found this way is removed without
// editing the lexicon with an exclusion (lexicon.Set.WithExclusions, the
// lexicon field exclude, or --exclude FILE).
package audit

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

// Default options.
const (
	DefaultTop     = 10 // terms per category
	DefaultOutlets = 10 // outlets per category
	DefaultPerOut  = 5  // terms per outlet
	DefaultSamples = 3  // contexts per term
	DefaultWidth   = 40 // characters of context on each side
)

// Options configure an Auditor. The zero value uses the defaults.
type Options struct {
	// Top is the number of terms listed per category.
	Top int
	// Outlets is the number of outlets listed per category, most hits first.
	Outlets int
	// PerOutlet is the number of terms listed per outlet.
	PerOutlet int
	// Samples is the number of contexts kept per listed term.
	Samples int
	// Width is the context width in characters on each side of a match.
	Width int
	// Categories keeps only categories whose ID equals one of these or
	// starts with one followed by a dot ("loaded" keeps loaded.pejorative).
	// Empty keeps every category.
	Categories []string
	// ReporterOnly counts only evidence in the reporter's voice (what the
	// editorializing measures count); otherwise every voice is counted and
	// the reporter's share is given beside it.
	ReporterOnly bool
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Top, DefaultTop)
	def(&o.Outlets, DefaultOutlets)
	def(&o.PerOutlet, DefaultPerOut)
	def(&o.Samples, DefaultSamples)
	def(&o.Width, DefaultWidth)
	return o
}

// Report is the audit of a corpus.
type Report struct {
	// Lexicons is the fingerprint of the lexicon set the results were
	// analysed with.
	Lexicons string `json:"lexicons"`
	// Articles and Outlets count the audited articles and their outlets.
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	// ReporterOnly is true when only the reporter's voice was counted.
	ReporterOnly bool `json:"reporter_only"`
	// Categories lists each category with at least one hit, most hits
	// first (ties by ID).
	Categories []Category `json:"categories"`
}

// Category is one lexicon category's hits.
type Category struct {
	ID        string `json:"id"`
	Construct string `json:"construct"`
	// Hits counts the category's evidence spans; Reporter those in the
	// reporter's voice; Negated those under negation.
	Hits     int `json:"hits"`
	Reporter int `json:"reporter"`
	Negated  int `json:"negated"`
	// Terms is the number of distinct matched terms.
	Terms int `json:"terms"`
	// Articles and Outlets count where the category matched.
	Articles int `json:"articles"`
	OutletN  int `json:"outlets"`
	// Top lists the most frequent terms (Options.Top), with samples.
	Top []Term `json:"top"`
	// ByOutlet lists the outlets with the most hits (Options.Outlets), each
	// with its most frequent terms.
	ByOutlet []Outlet `json:"by_outlet"`
}

// Term is one matched term (the matched text, folded) and its counts.
type Term struct {
	Term     string `json:"term"`
	Hits     int    `json:"hits"`
	Reporter int    `json:"reporter"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
	// TopOutlet is the outlet with the most hits of the term, and
	// TopOutletShare its share of them: a term concentrated in one outlet
	// is often that outlet's boilerplate or a name, not bias.
	TopOutlet      string  `json:"top_outlet,omitempty"`
	TopOutletShare float64 `json:"top_outlet_share,omitempty"`
	// Samples are contexts of the term (at most Options.Samples), chosen
	// by a hash of article ID and offset so that the choice does not depend
	// on input order, and listed by outlet, article and offset.
	Samples []Context `json:"samples,omitempty"`
}

// Outlet is one outlet's hits in a category.
type Outlet struct {
	Outlet string `json:"outlet"`
	Hits   int    `json:"hits"`
	// Terms lists the outlet's most frequent terms (Options.PerOutlet),
	// without samples.
	Terms []Term `json:"terms"`
}

// Context is one hit in its context.
type Context struct {
	Outlet string        `json:"outlet"`
	ID     string        `json:"id"`
	Start  int           `json:"start"`
	End    int           `json:"end"`
	Voice  framing.Voice `json:"voice"`
	Left   string        `json:"left"`
	Match  string        `json:"match"`
	Right  string        `json:"right"`

	key uint64 // sampling key
}

// Auditor accumulates framing results. It is not safe for concurrent use;
// feed it results in any order (framing.Run delivers them in input order)
// and the report is the same.
type Auditor struct {
	opt      Options
	lexicons string
	articles int
	outlets  map[string]bool
	cats     map[string]*catAcc
}

type catAcc struct {
	id, construct           string
	hits, reporter, negated int
	articles                int
	outlets                 map[string]int
	terms                   map[string]*termAcc
	byOutlet                map[string]map[string]int // outlet → term → hits
	lastArticle             int
}

type termAcc struct {
	hits, reporter int
	articles       int
	lastArticle    int
	outlets        map[string]int
	samples        []Context // the Samples with the smallest keys
}

// New returns an Auditor.
func New(opt Options) *Auditor {
	return &Auditor{opt: opt.withDefaults(), outlets: map[string]bool{}, cats: map[string]*catAcc{}}
}

func (a *Auditor) keep(cat string) bool {
	if len(a.opt.Categories) == 0 {
		return true
	}
	for _, c := range a.opt.Categories {
		if cat == c || strings.HasPrefix(cat, strings.TrimSuffix(c, ".")+".") {
			return true
		}
	}
	return false
}

// Add counts one article's evidence.
func (a *Auditor) Add(r *framing.Result) {
	a.articles++
	art := a.articles // 1-based, so 0 means "not seen yet"
	a.outlets[r.Outlet] = true
	if a.lexicons == "" {
		a.lexicons = r.Lexicons
	}
	for _, e := range r.Evidence {
		if !a.keep(e.Category) || (a.opt.ReporterOnly && e.Voice != framing.Reporter) {
			continue
		}
		c := a.cats[e.Category]
		if c == nil {
			c = &catAcc{id: e.Category, construct: e.Construct, outlets: map[string]int{}, terms: map[string]*termAcc{}, byOutlet: map[string]map[string]int{}}
			a.cats[e.Category] = c
		}
		term := FoldTerm(e.Text)
		rep := e.Voice == framing.Reporter
		c.hits++
		if rep {
			c.reporter++
		}
		if e.Negated {
			c.negated++
		}
		if c.lastArticle != art {
			c.lastArticle = art
			c.articles++
		}
		c.outlets[r.Outlet]++
		bo := c.byOutlet[r.Outlet]
		if bo == nil {
			bo = map[string]int{}
			c.byOutlet[r.Outlet] = bo
		}
		bo[term]++
		t := c.terms[term]
		if t == nil {
			t = &termAcc{outlets: map[string]int{}}
			c.terms[term] = t
		}
		t.hits++
		if rep {
			t.reporter++
		}
		if t.lastArticle != art {
			t.lastArticle = art
			t.articles++
		}
		t.outlets[r.Outlet]++
		t.sample(a.opt.Samples, r, e, a.opt.Width)
	}
}

// sample keeps the n contexts with the smallest sampling keys (a bottom-k
// sample): deterministic, spread over articles, and independent of the
// order in which results arrive.
func (t *termAcc) sample(n int, r *framing.Result, e framing.Evidence, width int) {
	key := sampleKey(r.ID, e.Start)
	if len(t.samples) == n && key >= t.samples[n-1].key {
		return
	}
	c := kwic(r.Text, e.Start, e.End, width)
	c.Outlet, c.ID, c.Voice, c.key = r.Outlet, r.ID, e.Voice, key
	i, _ := slices.BinarySearchFunc(t.samples, key, func(s Context, k uint64) int { return cmp.Compare(s.key, k) })
	t.samples = slices.Insert(t.samples, i, c)
	if len(t.samples) > n {
		t.samples = t.samples[:n]
	}
}

func sampleKey(id string, start int) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	var b [8]byte
	for i := range b {
		b[i] = byte(start >> (8 * i))
	}
	h.Write(b[:])
	return h.Sum64()
}

// FoldTerm is the key under which matched texts are counted together: lower
// case, curly apostrophes and Unicode hyphens folded, runs of white space
// made one space.
func FoldTerm(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = text.Fold(w)
	}
	return strings.Join(f, " ")
}

// kwic returns the match src[start:end] with up to width characters of
// context on each side, white space folded to single spaces (the context
// walk is framing.ContextBefore/ContextAfter, the concordance's). A space
// is kept between the context and the match where the text has one.
// Offsets out of range are clamped.
func kwic(src string, start, end, width int) Context {
	start = max(0, min(start, len(src)))
	end = max(start, min(end, len(src)))
	left, _ := framing.ContextBefore(src, start, width)
	right, _ := framing.ContextAfter(src, end, width)
	if left != "" && start > 0 && isSpaceByte(src[start-1]) {
		left += " "
	}
	if right != "" && end < len(src) && isSpaceByte(src[end]) {
		right = " " + right
	}
	return Context{Start: start, End: end, Left: left, Match: strings.Join(strings.Fields(src[start:end]), " "), Right: right}
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// Report builds the report from what was added.
func (a *Auditor) Report() *Report {
	rep := &Report{Lexicons: a.lexicons, Articles: a.articles, Outlets: len(a.outlets), ReporterOnly: a.opt.ReporterOnly, Categories: []Category{}}
	for _, c := range a.cats {
		cat := Category{ID: c.id, Construct: c.construct, Hits: c.hits, Reporter: c.reporter, Negated: c.negated, Terms: len(c.terms), Articles: c.articles, OutletN: len(c.outlets), Top: []Term{}, ByOutlet: []Outlet{}}
		for term, t := range c.terms {
			cat.Top = append(cat.Top, termOf(term, t))
		}
		sortTerms(cat.Top)
		cat.Top = cat.Top[:min(len(cat.Top), a.opt.Top)]
		for i := range cat.Top {
			s := slices.Clone(c.terms[cat.Top[i].Term].samples)
			slices.SortFunc(s, func(x, y Context) int {
				return cmp.Or(cmp.Compare(x.Outlet, y.Outlet), cmp.Compare(x.ID, y.ID), cmp.Compare(x.Start, y.Start))
			})
			cat.Top[i].Samples = s
		}
		for o, n := range c.outlets {
			out := Outlet{Outlet: o, Hits: n, Terms: []Term{}}
			for term, h := range c.byOutlet[o] {
				out.Terms = append(out.Terms, Term{Term: term, Hits: h})
			}
			sortTerms(out.Terms)
			out.Terms = out.Terms[:min(len(out.Terms), a.opt.PerOutlet)]
			cat.ByOutlet = append(cat.ByOutlet, out)
		}
		slices.SortFunc(cat.ByOutlet, func(x, y Outlet) int { return cmp.Or(cmp.Compare(y.Hits, x.Hits), cmp.Compare(x.Outlet, y.Outlet)) })
		cat.ByOutlet = cat.ByOutlet[:min(len(cat.ByOutlet), a.opt.Outlets)]
		rep.Categories = append(rep.Categories, cat)
	}
	slices.SortFunc(rep.Categories, func(x, y Category) int { return cmp.Or(cmp.Compare(y.Hits, x.Hits), cmp.Compare(x.ID, y.ID)) })
	return rep
}

func termOf(term string, t *termAcc) Term {
	out := Term{Term: term, Hits: t.hits, Reporter: t.reporter, Articles: t.articles, Outlets: len(t.outlets)}
	best := 0
	for o, n := range t.outlets {
		if n > best || (n == best && o < out.TopOutlet) {
			best, out.TopOutlet = n, o
		}
	}
	if t.hits > 0 {
		out.TopOutletShare = float64(best) / float64(t.hits)
	}
	return out
}

func sortTerms(ts []Term) {
	slices.SortFunc(ts, func(x, y Term) int { return cmp.Or(cmp.Compare(y.Hits, x.Hits), cmp.Compare(x.Term, y.Term)) })
}
