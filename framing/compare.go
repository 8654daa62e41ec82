package framing

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/slantlab/slant/stats"
)

// CompareOptions configure Compare.
type CompareOptions struct {
	// Bootstrap resamples for confidence intervals (default 2000).
	Bootstrap int
	// Seed makes the bootstrap reproducible (default 1).
	Seed uint64
	// Alpha is 1 − the confidence level (default 0.05).
	Alpha float64
	// MinDocuments: with fewer articles on either side, sentences are the
	// unit of analysis (default 5).
	MinDocuments int
	// Terms is how many distinctive terms to list each way (default 15).
	Terms int
}

func (o CompareOptions) withDefaults() CompareOptions {
	if o.Bootstrap <= 0 {
		o.Bootstrap = 2000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Alpha <= 0 || o.Alpha >= 1 {
		o.Alpha = 0.05
	}
	if o.MinDocuments <= 0 {
		o.MinDocuments = 5
	}
	if o.Terms <= 0 {
		o.Terms = 15
	}
	return o
}

// Comparison is the result of comparing a target source with a reference.
type Comparison struct {
	Target    string `json:"target"`
	Reference string `json:"reference"`
	// Unit is "article" or "sentence": what one observation is.
	Unit       string `json:"unit"`
	NTarget    int    `json:"n_target"`
	NReference int    `json:"n_reference"`
	// Warnings say when the sample cannot support a claim.
	Warnings         []string            `json:"warnings"`
	Measures         []MeasureComparison `json:"measures"`
	DistinctiveTerms []TermComparison    `json:"distinctive_terms"`
	// Categories is the keyness of lexicon categories (reporter's voice).
	Categories []TermComparison `json:"categories"`
	Bootstrap  int              `json:"bootstrap"`
	Seed       uint64           `json:"seed"`
	Alpha      float64          `json:"alpha"`
	Lexicons   string           `json:"lexicons"`
}

// MeasureComparison compares one measure.
type MeasureComparison struct {
	Name       string  `json:"name"`
	Unit       string  `json:"unit"`
	Target     float64 `json:"target"`
	Reference  float64 `json:"reference"`
	Difference float64 `json:"difference"`
	// Ratio is target / reference (NaN-free: 0 when the reference is 0).
	Ratio float64 `json:"ratio"`
	// Effect names the effect size: cliffs_delta (per-unit values) or
	// cohens_h (proportions).
	Effect     string  `json:"effect"`
	EffectSize float64 `json:"effect_size"`
	CILow      float64 `json:"ci_low"`
	CIHigh     float64 `json:"ci_high"`
	// Test names the test: mann_whitney, fisher_exact or g2.
	Test string  `json:"test"`
	P    float64 `json:"p"`
	// Q is the Benjamini–Hochberg q-value across all measures and categories.
	Q          float64 `json:"q"`
	NTarget    int     `json:"n_target"`
	NReference int     `json:"n_reference"`
	// Evidence lists target exemplars behind the measure, when it has any.
	Evidence []Exemplar `json:"evidence,omitempty"`
}

// TermComparison is one distinctive word or category.
type TermComparison struct {
	Term           string  `json:"term"`
	Z              float64 `json:"z"`
	G2             float64 `json:"g2"`
	P              float64 `json:"p"`
	Q              float64 `json:"q,omitempty"`
	TargetCount    float64 `json:"target_count"`
	ReferenceCount float64 `json:"reference_count"`
	// Examples are target spans (category keyness) or target sentences
	// containing the word.
	Examples []string `json:"examples,omitempty"`
}

// sentenceMeasures are compared when sentences are the unit; proportions
// (0/1 per sentence) use Cohen's h and Fisher's exact test.
var sentenceMeasures = []struct {
	name       string
	proportion bool
	constructs []string
}{
	{"score", false, nil},
	{"loaded_reporter", false, []string{"loaded"}},
	{"intensifier", false, []string{"intensifier"}},
	{"unattributed_evaluative", true, []string{"loaded", "intensifier"}},
	{"attributed", true, nil},
	{"quote_share", false, nil},
}

// Compare compares target with reference. Per measure it gives both values,
// their difference and ratio, an effect size with a seeded percentile
// bootstrap interval, a test and a Benjamini–Hochberg q-value; then
// distinctive words (Fightin' Words z with signed G²) and the keyness of
// lexicon categories.
//
//   - Unit: articles when both sides have at least MinDocuments articles,
//     else sentences (with a warning: one article per outlet says how that
//     article differs, not how the outlet does).
//   - Per-unit values: Cliff's δ = P(X>Y) − P(X<Y), Mann–Whitney U test.
//   - Proportions (shares of sentences): Cohen's h = 2 asin√p₁ − 2 asin√p₂,
//     Fisher's exact test on the 2×2 counts.
//   - Category counts over words: signed G² (log-likelihood), Cohen's h on
//     the rates hits/W with a Wilson-bounded interval.
func Compare(target, reference *Profile, opt CompareOptions) (*Comparison, error) {
	opt = opt.withDefaults()
	if target.Lexicons != reference.Lexicons {
		return nil, fmt.Errorf("framing: comparing profiles built with lexicons %.12s and %.12s: %w", target.Lexicons, reference.Lexicons, ErrIncompatible)
	}
	c := &Comparison{Target: target.Key(), Reference: reference.Key(), Warnings: []string{}, Measures: []MeasureComparison{},
		Bootstrap: opt.Bootstrap, Seed: opt.Seed, Alpha: opt.Alpha, Lexicons: target.Lexicons}
	if target.Documents == 0 || reference.Documents == 0 {
		return nil, fmt.Errorf("framing: comparing %s with %s: a profile has no articles", c.Target, c.Reference)
	}
	seed := opt.Seed
	nextSeed := func() uint64 { seed++; return seed }
	if target.Documents < int64(opt.MinDocuments) || reference.Documents < int64(opt.MinDocuments) {
		c.Unit = "sentence"
		c.NTarget, c.NReference = int(target.Sentences), int(reference.Sentences)
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d vs %d articles: fewer than %d on a side, so sentences are the unit of analysis; differences describe these articles, not the outlets' coverage in general, and sentences of one article are not independent", target.Documents, reference.Documents, opt.MinDocuments))
		for _, sm := range sentenceMeasures {
			x, y := target.Values["sentence:"+sm.name], reference.Values["sentence:"+sm.name]
			mc := compareValues(sm.name, "per_sentence", x, y, sm.proportion, opt, nextSeed())
			mc.Evidence = exemplarsFor(target, sm.constructs)
			c.Measures = append(c.Measures, mc)
		}
	} else {
		c.Unit = "article"
		c.NTarget, c.NReference = int(target.Documents), int(reference.Documents)
		for _, d := range Measures {
			x, y := target.Values["article:"+d.Name], reference.Values["article:"+d.Name]
			if len(x) == 0 && len(y) == 0 {
				continue
			}
			mc := compareValues(d.Name, d.Unit, x, y, false, opt, nextSeed())
			c.Measures = append(c.Measures, mc)
		}
	}
	if c.NTarget < 20 || c.NReference < 20 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("small samples (%d vs %d %ss): intervals are wide and tests have little power", c.NTarget, c.NReference, c.Unit))
	}
	// Category keyness over words, reporter's voice.
	c.Categories = categoryKeyness(target, reference, opt)
	// Benjamini–Hochberg across measures and categories.
	var ps []float64
	for _, m := range c.Measures {
		ps = append(ps, m.P)
	}
	for _, k := range c.Categories {
		ps = append(ps, k.P)
	}
	qs := stats.BenjaminiHochberg(ps)
	for i := range c.Measures {
		c.Measures[i].Q = round6(nanTo(qs[i], 1))
	}
	for i := range c.Categories {
		c.Categories[i].Q = round6(nanTo(qs[len(c.Measures)+i], 1))
	}
	c.DistinctiveTerms = distinctiveTerms(target, reference, opt.Terms)
	return c, nil
}

func nanTo(x, v float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return v
	}
	return x
}

func mean(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func compareValues(name, unit string, x, y []float64, proportion bool, opt CompareOptions, seed uint64) MeasureComparison {
	mx, my := mean(x), mean(y)
	mc := MeasureComparison{Name: name, Unit: unit, Target: round6(mx), Reference: round6(my), Difference: round6(mx - my), NTarget: len(x), NReference: len(y)}
	if my != 0 {
		mc.Ratio = round6(mx / my)
	}
	if proportion {
		mc.Effect, mc.Test = "cohens_h", "fisher_exact"
		mc.EffectSize = round6(stats.CohensH(mx, my))
		h := func(a, b []float64) float64 { return stats.CohensH(mean(a), mean(b)) }
		lo, hi := stats.BootstrapCI(x, y, h, opt.Bootstrap, opt.Alpha, seed)
		mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
		k1, k2 := int(math.Round(mx*float64(len(x)))), int(math.Round(my*float64(len(y))))
		mc.P = round6(nanTo(stats.FisherExact(k1, len(x)-k1, k2, len(y)-k2), 1))
		return mc
	}
	mc.Effect, mc.Test = "cliffs_delta", "mann_whitney"
	mc.EffectSize = round6(nanTo(stats.CliffsDelta(x, y), 0))
	lo, hi := stats.BootstrapCI(x, y, stats.CliffsDelta, opt.Bootstrap, opt.Alpha, seed)
	mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
	_, p := stats.MannWhitney(x, y)
	mc.P = round6(nanTo(p, 1))
	return mc
}

// exemplarsFor returns target exemplars whose category starts with one of
// the prefixes.
func exemplarsFor(p *Profile, prefixes []string) []Exemplar {
	var out []Exemplar
	for _, e := range p.Exemplars {
		for _, pre := range prefixes {
			if strings.HasPrefix(e.Category, pre+".") {
				out = append(out, e)
				break
			}
		}
		if len(out) == 5 {
			break
		}
	}
	return out
}

func categoryKeyness(t, r *Profile, opt CompareOptions) []TermComparison {
	cats := map[string]bool{}
	for k := range t.CategoryHits {
		cats[k] = true
	}
	for k := range r.CategoryHits {
		cats[k] = true
	}
	var out []TermComparison
	nt, nr := float64(t.Words), float64(r.Words)
	for k := range cats {
		if strings.HasPrefix(k, "actor.") || strings.HasPrefix(k, "frame.") {
			continue // salience, not slant: reported in frames and actors
		}
		a, b := t.CategoryHits[k], r.CategoryHits[k]
		_, p := stats.GSquared(a, b, nt, nr)
		tc := TermComparison{Term: k, G2: round6(nanTo(stats.SignedG2(a, b, nt, nr), 0)), P: round6(nanTo(p, 1)), TargetCount: a, ReferenceCount: b}
		// z of the log rate ratio with a 0.5 continuity correction.
		la, lb := math.Log((a+0.5)/nt), math.Log((b+0.5)/nr)
		tc.Z = round6((la - lb) / math.Sqrt(1/(a+0.5)+1/(b+0.5)))
		for _, e := range t.Exemplars {
			if e.Category == k && len(tc.Examples) < 3 {
				tc.Examples = append(tc.Examples, e.Text)
			}
		}
		out = append(out, tc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].G2 != out[j].G2 {
			return out[i].G2 > out[j].G2
		}
		return out[i].Term < out[j].Term
	})
	return out
}

func distinctiveTerms(t, r *Profile, n int) []TermComparison {
	scores := stats.FightinWords(t.Terms, r.Terms, nil, 0)
	nt, nr := float64(t.Words), float64(r.Words)
	pick := func(s stats.TermScore) TermComparison {
		tc := TermComparison{Term: s.Term, Z: round6(s.Z), TargetCount: s.CountA, ReferenceCount: s.CountB}
		_, p := stats.GSquared(s.CountA, s.CountB, nt, nr)
		tc.G2 = round6(nanTo(stats.SignedG2(s.CountA, s.CountB, nt, nr), 0))
		tc.P = round6(nanTo(p, 1))
		for _, e := range t.Exemplars {
			if strings.Contains(strings.ToLower(e.Sentence), s.Term) && len(tc.Examples) < 2 {
				tc.Examples = append(tc.Examples, e.Sentence)
			}
		}
		return tc
	}
	out := []TermComparison{}
	for i := 0; i < len(scores) && i < n; i++ {
		if scores[i].Z > 0 {
			out = append(out, pick(scores[i]))
		}
	}
	for i := len(scores) - 1; i >= 0 && i >= len(scores)-n; i-- {
		if scores[i].Z < 0 {
			out = append(out, pick(scores[i]))
		}
	}
	return out
}

// Rest names the pooled "all other sources" reference in CompareEach.
const Rest = "rest"

// CompareEach compares every source of ps with reference: a source name,
// or Rest to compare each source with all the others pooled. Sources are
// taken in sorted order; the reference itself is skipped. Each comparison
// has its own q-values (per source, across its measures).
func CompareEach(ps *Profiles, reference string, opt CompareOptions) ([]*Comparison, error) {
	var out []*Comparison
	for _, k := range ps.Keys() {
		if k == reference {
			continue
		}
		t, _ := ps.Get(k)
		var r *Profile
		if reference == Rest {
			for _, o := range ps.Keys() {
				if o == k {
					continue
				}
				p, _ := ps.Get(o)
				if r == nil {
					r = p.Clone()
				} else if err := r.Merge(p); err != nil {
					return nil, err
				}
			}
			if r == nil {
				return nil, fmt.Errorf("framing: %s has no other source to compare with", k)
			}
		} else {
			var ok bool
			if r, ok = ps.Get(reference); !ok {
				return nil, fmt.Errorf("framing: no source %q (sources: %s)", reference, strings.Join(ps.Keys(), ", "))
			}
		}
		c, err := Compare(t, r, opt)
		if err != nil {
			return nil, err
		}
		if reference == Rest {
			c.Reference = "rest (" + r.Key() + ")"
		}
		out = append(out, c)
	}
	return out, nil
}
