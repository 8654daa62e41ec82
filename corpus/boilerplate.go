package corpus

import (
	"iter"
	"sort"
)

// Boilerplate counts, for each short line, how many documents of a corpus
// contain it. Lines that recur across many documents (a site's subscription
// footer, its author box) are furniture even when no pattern knows them.
//
// Build it in a first pass over the corpus with Learn, then set it on a
// Cleaner; keeping the passes apart keeps cleaning independent of reading
// order. It stores at most MaxLines distinct lines, so memory stays bounded.
type Boilerplate struct {
	// MinDocuments is how many documents must share a line (default 3).
	MinDocuments int
	// MaxLines bounds the distinct lines tracked (default 200,000).
	MaxLines int
	counts   map[string]int
	docs     int
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
func (b *Boilerplate) Add(text string) {
	if b.counts == nil {
		b.counts = map[string]int{}
	}
	max := b.MaxLines
	if max <= 0 {
		max = 200_000
	}
	b.docs++
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
		if _, ok := b.counts[k]; ok || len(b.counts) < max {
			b.counts[k]++
		}
	}
}

// Learn adds every article of seq (skips are ignored here; the reading pass
// that follows reports them).
func (b *Boilerplate) Learn(seq iter.Seq2[*Article, error]) error {
	for a, err := range seq {
		if err != nil {
			if _, ok := AsSkip(err); ok {
				continue
			}
			return err
		}
		b.Add(a.Text)
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
