package report

import (
	"sort"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/coverage"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
)

// Data is everything a report shows. Results, Profiles and Lexicons are
// required; the rest is optional and, when empty, left out of the report.
type Data struct {
	// Title heads the report ("Slant report" when empty).
	Title string
	// Version names the Slant build (for example "slant v0.3.0, go1.26").
	Version string
	// Command is the command line that produced the data, printed in the
	// methods section so that the run can be repeated.
	Command string
	// Generated is printed verbatim as the report's date when set. Leave it
	// empty for byte-identical output across runs.
	Generated string

	// Corpus counts the documents read, analysed and skipped.
	Corpus CorpusStats
	// Results are the analysed articles, in corpus order.
	Results []*framing.Result
	// Profiles groups the results by a field (Profiles.GroupBy).
	Profiles *framing.Profiles
	// Reference is the source every comparison is against (a source name or
	// framing.Rest).
	Reference string
	// Comparisons are each source against the reference, as returned by
	// framing.CompareEach.
	Comparisons []*framing.Comparison
	// Main is the target of the comparison the report puts first and charts
	// the distinctive terms of. When empty, it is the target with the
	// highest mean editorializing_index.
	Main string
	// Lexicons is the lexicon set the articles were analysed with.
	Lexicons *lexicon.Set
	// Weights are the sentence-score weights used (framing.DefaultWeights
	// when Features is nil).
	Weights framing.Weights
	// Compare are the options the comparisons were run with (bootstrap
	// resamples, seed, alpha, minimum documents).
	Compare framing.CompareOptions
	// POS says whether part-of-speech tagging was on.
	POS bool
	// Coverage is a same-event coverage analysis of the results
	// (coverage.Analyze); when set, the report gets a coverage section.
	Coverage *coverage.Report
	// ProfilesOnly says the report is built from saved profiles without the
	// articles (Results empty): the sections that need the articles say so
	// instead of showing nothing.
	ProfilesOnly bool
	// MaxArticles bounds the articles shown with highlighted sentences and
	// in the sentence-score chart (0: all). Tables and CSV files always hold
	// every article.
	MaxArticles int
}

// CorpusStats summarises the corpus.
type CorpusStats struct {
	Read     int `json:"read"`
	Analysed int `json:"analysed"`
	// Skipped lists the documents left out, with the reason.
	Skipped []Skip `json:"skipped"`
	// Repaired counts invalid UTF-8 sequences replaced.
	Repaired int `json:"repaired_utf8"`
	// Removed counts the blocks of page furniture removed from the analysed
	// articles; RemovedReasons counts them by reason.
	Removed        int            `json:"removed"`
	RemovedReasons map[string]int `json:"removed_reasons"`
}

// Skip is one skipped document.
type Skip struct {
	ID       string `json:"id"`
	Location string `json:"location"`
	Reason   string `json:"reason"`
}

// NewCorpusStats summarises a corpus from the reader's tally and the
// results: skips with their reasons, and the furniture removed from the
// results, by reason.
func NewCorpusStats(st corpus.Stats, rs []*framing.Result) CorpusStats {
	cs := CorpusStats{Read: st.Read, Analysed: len(rs), Skipped: []Skip{}, Repaired: st.Repaired, RemovedReasons: map[string]int{}}
	for _, s := range st.Skipped {
		cs.Skipped = append(cs.Skipped, Skip{ID: s.ID, Location: s.Location, Reason: s.Reason})
	}
	for _, r := range rs {
		for _, rm := range r.Removed {
			cs.Removed++
			cs.RemovedReasons[rm.Reason]++
		}
	}
	return cs
}

// mainComparison returns the index of the comparison to put first: the one
// whose target is d.Main, else the one whose target has the highest mean
// editorializing index (the first on ties); -1 without comparisons.
func (d *Data) mainComparison() int {
	if len(d.Comparisons) == 0 {
		return -1
	}
	for i, c := range d.Comparisons {
		if d.Main != "" && c.Target == d.Main {
			return i
		}
	}
	best, bestEI := 0, -1.0
	for i, c := range d.Comparisons {
		ei := 0.0
		if d.Profiles != nil {
			if p, ok := d.Profiles.Get(c.Target); ok {
				if m := p.Articles["editorializing_index"]; m != nil {
					ei = m.Mean()
				}
			}
		}
		if ei > bestEI {
			best, bestEI = i, ei
		}
	}
	return best
}

// weights returns the sentence-score weights to document.
func (d *Data) weights() framing.Weights {
	if d.Weights.Features == nil {
		return framing.DefaultWeights()
	}
	return d.Weights
}

// groupBy returns the grouping field.
func (d *Data) groupBy() string {
	if d.Profiles != nil && d.Profiles.GroupBy != "" {
		return d.Profiles.GroupBy
	}
	return "outlet"
}

// measureNames returns the measures present in the profiles (every measure of
// their articles): the documented
// ones in their documented order, then any others (contested.<side>)
// sorted.
func measureNames(ps *framing.Profiles) []string {
	var names []string
	seen := map[string]bool{}
	for _, m := range framing.Measures {
		names = append(names, m.Name)
		seen[m.Name] = true
	}
	var extra []string
	for _, p := range ps.All() {
		for k := range p.Articles {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(names, extra...)
}

// sortedKeys returns a map's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
