package corpus

import (
	"fmt"
	"iter"
	"sort"
	"strings"
)

// Boilerplate counts, for each short line, how many documents of a corpus
// contain it. Lines that recur across many documents (a site's subscription
// footer, its author box) are furniture even when no pattern knows them.
//
// It also counts lines per outlet: a short line that recurs across one
// outlet's articles ("Story continued below", "Click here to get the Fox
// News app", a photographer's credit) is that site's furniture even when
// the rest of the corpus never prints it. Such a line is removed when it
// is in at least MinDocuments of the outlet's articles and in at least
// OutletShare of them, and it is short (at most 12 words), not prose and
// not a question (sub-headings such as "What happens next?" recur too).
//
// Build it in a first pass over the corpus with Learn, then set it on a
// Cleaner; keeping the passes apart keeps cleaning independent of reading
// order. It stores at most MaxLines distinct lines, so memory stays bounded.
type Boilerplate struct {
	// MinDocuments is how many documents must share a line (default 3).
	MinDocuments int
	// CorpusShare is the share of all documents a line must also be in to
	// count corpus-wide (default DefaultCorpusShare), so that on a large
	// corpus a short line three articles happen to share is not removed.
	CorpusShare float64
	// OutletShare is the share of an outlet's documents a line must be in
	// to count as that outlet's furniture (default DefaultOutletShare).
	OutletShare float64
	// MaxLines bounds the distinct lines tracked, corpus-wide and per
	// outlet together (default 200,000).
	MaxLines   int
	counts     map[string]int
	perOutlet  map[string]int // outlet + "\x00" + folded line
	outletDocs map[string]int
	docs       int
}

// DefaultOutletShare is the default Boilerplate.OutletShare. Measured on
// the AllSides sample (7,186 articles, 241 outlets; see
// TestBoilerplateAllSides): at 2% the lines removed per outlet are page
// furniture (newsletter prompts, credits, "Story continued below", speaker
// labels), while the short body lines that recur, such as "Right." in
// podcast transcripts (4 of one outlet's 268 articles), stay.
const DefaultOutletShare = 0.02

// DefaultCorpusShare is the default Boilerplate.CorpusShare: 0.5% of the
// documents (36 of the AllSides sample's 7,186), measured as for
// DefaultOutletShare.
const DefaultCorpusShare = 0.005

// corpusFurniture reports whether a line is furniture by the corpus-wide
// rule, and the reason.
func (b *Boilerplate) corpusFurniture(l *line) string {
	n := b.count(l.text)
	share := b.CorpusShare
	if share <= 0 {
		share = DefaultCorpusShare
	}
	if n < b.min() || float64(n) < share*float64(b.docs) {
		return ""
	}
	return fmt.Sprintf("boilerplate: line seen in %d documents", n)
}

func (b *Boilerplate) outletShare() float64 {
	if b.OutletShare <= 0 {
		return DefaultOutletShare
	}
	return b.OutletShare
}

// outletCount returns how many of outlet's documents hold line s, and how
// many documents the outlet has.
func (b *Boilerplate) outletCount(outlet, s string) (n, docs int) {
	if outlet == "" || b.perOutlet == nil {
		return 0, 0
	}
	return b.perOutlet[outlet+"\x00"+foldLine(s)], b.outletDocs[outlet]
}

// outletFurniture reports whether a line is furniture of outlet by the
// per-outlet rule, and the reason.
func (b *Boilerplate) outletFurniture(outlet string, l *line) string {
	if l.words > 12 || strongBody(l) || strings.HasSuffix(l.text, "?") {
		return ""
	}
	n, docs := b.outletCount(outlet, l.text)
	if n < b.min() || float64(n) < b.outletShare()*float64(docs) {
		return ""
	}
	return fmt.Sprintf("boilerplate: line seen in %d of %d %s articles", n, docs, outlet)
}

// NewBoilerplate returns an empty index.
func NewBoilerplate() *Boilerplate { return &Boilerplate{counts: map[string]int{}} }

func (b *Boilerplate) min() int {
	if b.MinDocuments <= 0 {
		return 3
	}
	return b.MinDocuments
}

func (b *Boilerplate) count(s string) int { return b.counts[foldLine(s)] }

// Add records the short lines of one document's text (each line once).
func (b *Boilerplate) Add(text string) { b.add(text, "") }

// AddArticle records a's lines corpus-wide and for its outlet.
func (b *Boilerplate) AddArticle(a *Article) { b.add(a.Text, a.Outlet) }

func (b *Boilerplate) add(text, outlet string) {
	if b.counts == nil {
		b.counts = map[string]int{}
	}
	if outlet != "" && b.perOutlet == nil {
		b.perOutlet, b.outletDocs = map[string]int{}, map[string]int{}
	}
	max := b.MaxLines
	if max <= 0 {
		max = 200_000
	}
	b.docs++
	if outlet != "" {
		b.outletDocs[outlet]++
	}
	seen := map[string]bool{}
	for _, l := range splitLines(text) {
		analyseLine(&l)
		if strongBody(&l) && l.words > 25 {
			continue // long prose is never boilerplate; skip it to bound memory
		}
		k := foldLine(l.text)
		if seen[k] {
			continue
		}
		seen[k] = true
		if _, ok := b.counts[k]; ok || len(b.counts)+len(b.perOutlet) < max {
			b.counts[k]++
		}
		if outlet != "" && l.words <= 12 {
			ok := outlet + "\x00" + k
			if _, ok2 := b.perOutlet[ok]; ok2 || len(b.counts)+len(b.perOutlet) < max {
				b.perOutlet[ok]++
			}
		}
	}
}

// Learn adds every article of seq, corpus-wide and for its outlet (skips are ignored here; the reading pass
// that follows reports them).
func (b *Boilerplate) Learn(seq iter.Seq2[*Article, error]) error {
	for a, err := range seq {
		if err != nil {
			if _, ok := AsSkip(err); ok {
				continue
			}
			return err
		}
		b.AddArticle(a)
	}
	return nil
}

// Lines returns the lines seen in at least MinDocuments documents, sorted.
func (b *Boilerplate) Lines() []string {
	var out []string
	for k, n := range b.counts {
		if n >= b.min() {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
