package framing

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/slantlab/slant/stats"
	"github.com/slantlab/slant/text"
)

// CompareOptions configure Compare. The zero value compares independent
// articles (or sentences, with too few articles) with 2000 bootstrap
// resamples, seed 1 and 95% intervals.
type CompareOptions struct {
	// Bootstrap resamples for confidence intervals (default 2000).
	Bootstrap int
	// Seed makes the bootstrap and Monte Carlo tests reproducible
	// (default 1).
	Seed uint64
	// Alpha is 1 − the confidence level (default 0.05).
	Alpha float64
	// MinDocuments: with fewer articles on either side, sentences are the
	// unit of analysis (default 5).
	MinDocuments int
	// Terms is how many distinctive terms to list each way (default 15).
	Terms int
	// BootstrapMaxN bounds the bootstrap's cost: when the two sides hold
	// more units than this together, article and sentence intervals use
	// normal approximations instead (Cliff's 1993 interval for δ, the
	// arcsine interval for Cohen's h; the t interval for a paired mean
	// difference), and each row names its interval's method (default 400).
	BootstrapMaxN int
	// Permutations is the number of Monte Carlo draws of the sign-flip
	// and cluster permutation tests above their exact bounds (default 9999).
	Permutations int
	// PairBy, when set, selects the paired design: per-block differences
	// between the two sides, blocks named by PairBy.Field (an event).
	PairBy *Units
	// PairedTest is TestSignedRank (the default) or TestSignFlip.
	PairedTest string
	// ClusterBy, when set (and PairBy is not), selects the clustered
	// design: clusters named by ClusterBy.Field (outlets) are the
	// observations, tested by permuting whole clusters.
	ClusterBy *Units
	// WeightByArticles, in the clustered design, compares article-weighted
	// means (a cluster counts as many times as it has articles) instead of
	// the default, where each cluster counts once through the mean of its
	// articles: "are left-rated outlets different from centre-rated ones"
	// is the default question; "are left-rated articles different, given
	// that they come in outlets" the weighted one, which a few big outlets
	// can dominate.
	WeightByArticles bool
	// Nesting, when set without ClusterBy, names the clusters each group
	// pools (usually outlets); Compare only uses it to warn when a side
	// pools several clusters and the articles are therefore not
	// independent.
	Nesting *Units
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
	if o.BootstrapMaxN <= 0 {
		o.BootstrapMaxN = 400
	}
	if o.Permutations <= 0 {
		o.Permutations = 9999
	}
	if o.PairedTest == "" {
		o.PairedTest = TestSignedRank
	}
	return o
}

// Comparison is the result of comparing a target source with a reference.
type Comparison struct {
	Target    string `json:"target"`
	Reference string `json:"reference"`
	// Design states how observations were formed and tested; renderers
	// print it before anything else.
	Design DesignInfo `json:"design"`
	// Unit is what one observation is: "article", "sentence", "block" or
	// "cluster".
	Unit       string `json:"unit"`
	NTarget    int    `json:"n_target"`
	NReference int    `json:"n_reference"`
	// Warnings say when the sample or the design cannot support a claim.
	Warnings []string `json:"warnings"`
	// Families describes the multiple-testing families, in the order the
	// rows use them; q-values are Benjamini–Hochberg within each family.
	Families []FamilyInfo `json:"families"`
	// Measures holds the primary family first, then the exploratory
	// measure families.
	Measures []MeasureComparison `json:"measures"`
	// DistinctiveTerms are content words, the target-favoured ones first
	// (by z, highest first), then the reference-favoured ones (most
	// negative z first).
	DistinctiveTerms []TermComparison `json:"distinctive_terms"`
	// AllTerms is the same ranking over every word, function and style
	// words included, each labelled with its kind.
	AllTerms []TermComparison `json:"all_terms"`
	// Categories is the keyness of lexicon categories (reporter's voice),
	// ranked by |z|, both directions.
	Categories []TermComparison `json:"categories"`
	Bootstrap  int              `json:"bootstrap"`
	Seed       uint64           `json:"seed"`
	Alpha      float64          `json:"alpha"`
	Lexicons   string           `json:"lexicons"`
}

// DesignInfo states a comparison's design.
type DesignInfo struct {
	// Name is DesignArticles, DesignSentences, DesignPaired or
	// DesignClustered.
	Name string `json:"name"`
	// Field is the pairing or clustering field ("event_id", "outlet").
	Field string `json:"field,omitempty"`
	// Keys says where the unit keys came from when not from Field itself
	// (Units.Keys): clustered events, or a file of saved keys.
	Keys string `json:"keys,omitempty"`
	// Statement is the one-line description renderers print first.
	Statement string `json:"statement"`
	// Blocks is the number of blocks covered by both sides (paired), and
	// DroppedBlocks the number covered by only one side.
	Blocks        int `json:"blocks,omitempty"`
	DroppedBlocks int `json:"dropped_blocks,omitempty"`
	// ClustersTarget and ClustersReference count the clusters per side
	// (clustered).
	ClustersTarget    int `json:"clusters_target,omitempty"`
	ClustersReference int `json:"clusters_reference,omitempty"`
	// WeightByArticles is CompareOptions.WeightByArticles (clustered).
	WeightByArticles bool `json:"weight_by_articles,omitempty"`
}

// Multiple-testing families.
const (
	// FamilyPrimary is the fixed set of headline measures (PrimaryMeasures).
	FamilyPrimary = "primary"
	// FamilyMeasures holds every other measure (exploratory).
	FamilyMeasures = "measures"
	// FamilyWordCounts holds the primary rates tested on the word counts
	// they come from (exploratory, independent-articles design).
	FamilyWordCounts = "word_counts"
	// FamilyCategories is lexicon-category keyness (exploratory).
	FamilyCategories = "categories"
	// FamilyTerms is distinctive-word keyness over the whole vocabulary
	// (exploratory).
	FamilyTerms = "terms"
)

// FamilyInfo describes one multiple-testing family of a comparison.
type FamilyInfo struct {
	Name string `json:"name"`
	// Tests is the number of p-values the Benjamini–Hochberg correction
	// ran over.
	Tests       int    `json:"tests"`
	Description string `json:"description"`
}

// Test and effect names used in MeasureComparison and TermComparison.
const (
	TestMannWhitney        = "mann_whitney"
	TestFisherExact        = "fisher_exact"
	TestPoissonExact       = "poisson_exact"
	TestClusterPermutation = "cluster_permutation"
	TestG2                 = "g2"

	EffectCliffsDelta    = "cliffs_delta"
	EffectCohensH        = "cohens_h"
	EffectMeanDifference = "mean_difference"

	CIPercentileBootstrap = "percentile_bootstrap"
	CIBlockBootstrap      = "block_bootstrap"
	CIClusterBootstrap    = "cluster_bootstrap"
	CICliffNormal         = "cliff_1993_normal"
	CIArcsineNormal       = "arcsine_normal"
	CIStudentT            = "student_t"
)

// MeasureComparison compares one measure.
type MeasureComparison struct {
	Name string `json:"name"`
	// Family is the multiple-testing family of the row (FamilyPrimary,
	// FamilyMeasures or FamilyWordCounts).
	Family string `json:"family"`
	Unit   string `json:"unit"`
	// Target and Reference are the sides' means (means of cluster means
	// under the clustered design, article-weighted with WeightByArticles;
	// means of block means under the paired one; rates from counts for
	// TestPoissonExact).
	Target    float64 `json:"target"`
	Reference float64 `json:"reference"`
	// TargetMedian and ReferenceMedian are the medians of the same units
	// (omitted for count tests).
	TargetMedian    *float64 `json:"target_median,omitempty"`
	ReferenceMedian *float64 `json:"reference_median,omitempty"`
	Difference      float64  `json:"difference"`
	// Ratio is target / reference (NaN-free: 0 when the reference is 0).
	Ratio float64 `json:"ratio"`
	// Delta is Cliff's δ of the units (cluster means under the clustered
	// design), when defined.
	Delta *float64 `json:"delta,omitempty"`
	// Effect names the effect size the interval is for: cliffs_delta,
	// cohens_h (of words that are hits, for count tests) or mean_difference.
	Effect     string  `json:"effect"`
	EffectSize float64 `json:"effect_size"`
	CILow      float64 `json:"ci_low"`
	CIHigh     float64 `json:"ci_high"`
	// CIMethod names how the interval was computed.
	CIMethod string `json:"ci_method"`
	// Test names the test: mann_whitney, fisher_exact, poisson_exact,
	// wilcoxon_signed_rank, sign_flip_permutation or cluster_permutation;
	// TestNote says exact, normal approximation or Monte Carlo.
	Test     string  `json:"test"`
	TestNote string  `json:"test_note,omitempty"`
	P        float64 `json:"p"`
	// Q is the Benjamini–Hochberg q-value within the row's family.
	Q          float64 `json:"q"`
	NTarget    int     `json:"n_target"`
	NReference int     `json:"n_reference"`
	// Evidence lists target exemplars behind the measure, when it has any.
	Evidence []Exemplar `json:"evidence,omitempty"`
	// SketchError is set when a side's values were sketched (more than its
	// profile's ExactLimit distinct values): it bounds |δ − δ of the true
	// values|, the share of unit pairs whose order the sketch cannot tell
	// (counted as ties). Omitted when both sides are exact.
	SketchError float64 `json:"sketch_error,omitempty"`
}

// TermComparison is one distinctive word or category.
type TermComparison struct {
	Term string `json:"term"`
	// Kind is TermContent, TermFunction or TermStyle (words only).
	Kind string `json:"kind,omitempty"`
	// Favours is "target" or "reference": the side where the term is
	// relatively more frequent.
	Favours string  `json:"favours"`
	Z       float64 `json:"z"`
	G2      float64 `json:"g2"`
	P       float64 `json:"p"`
	// Q is the Benjamini–Hochberg q-value within the family (categories,
	// or every word of the vocabulary for terms).
	Q              float64 `json:"q"`
	TargetCount    float64 `json:"target_count"`
	ReferenceCount float64 `json:"reference_count"`
	// Examples come from the side the term favours: evidence spans for
	// categories, sentences containing the word as a whole token for
	// words.
	Examples []string `json:"examples,omitempty"`
}

// PrimaryMeasure is one headline measure of the primary family.
type PrimaryMeasure struct {
	// Name is the article measure.
	Name string
	// Count is the article measure holding the word-level count the rate
	// is computed from ("" for shares and scores); rates are also tested
	// on these counts with the exact conditional Poisson test.
	Count string
	// Sentence is the per-sentence value tested when sentences are the
	// unit ("" when the rate is tested on its counts instead).
	Sentence string
	// Proportion marks 0/1 sentence values (Cohen's h, Fisher's test).
	Proportion bool
}

// PrimaryMeasures is the fixed primary family: loaded language and
// editorial markers in the reporter's voice, the unattributed evaluative
// share, the attributed share and the editorializing index. BH runs over
// these few tests only, so that a real difference in a headline measure
// is not drowned by dozens of exploratory ones. With sentences as the unit
// (one article a side), the two rates are tested on their word counts
// (exact conditional Poisson test) and the index on the sentence scores.
var PrimaryMeasures = []PrimaryMeasure{
	{Name: "loaded_rate", Count: "loaded_count"},
	{Name: "editorial_marker_rate", Count: "editorial_marker_count"},
	{Name: "unattributed_evaluative_share", Sentence: "unattributed_evaluative", Proportion: true},
	{Name: "attributed_sentence_share", Sentence: "attributed", Proportion: true},
	{Name: "editorializing_index", Sentence: "score"},
}

func isPrimary(name string) bool {
	for _, p := range PrimaryMeasures {
		if p.Name == name {
			return true
		}
	}
	return false
}

// unitValues returns two profiles' sorted per-unit values of one measure
// ("article:<measure>" or "sentence:<feature>") on one grid: the one place
// comparisons read them. Exact while both distributions are (sketchError
// 0); past a profile's ExactLimit both sides are bucketed alike and
// sketchError bounds the error of Cliff's δ (see
// ComparableDistributions).
func unitValues(t, r *Profile, key string) (x, y []float64, sketchError float64) {
	cx, cy, e := ComparableDistributions(t.values(key), r.values(key))
	return cx.Expand(), cy.Expand(), e
}

// Compare compares target with reference under the design the options
// select, and states it (Comparison.Design):
//
//   - Independent articles (default): each article is an observation;
//     Cliff's δ = P(X>Y) − P(X<Y) with a percentile bootstrap interval (or
//     Cliff's normal interval above BootstrapMaxN units), Mann–Whitney U.
//   - Sentences, when a side has fewer than MinDocuments articles: a
//     warning says the result describes those articles only; proportions
//     use Cohen's h and Fisher's exact test, rates the exact conditional
//     Poisson test on their word counts.
//   - Paired (PairBy): per-block differences of block means; Wilcoxon
//     signed-rank or sign-flip test; a bootstrap over blocks for the
//     interval of the mean difference; n = blocks covered by both sides.
//   - Clustered (ClusterBy): clusters are the observations, each counting
//     once (or weighted by articles, WeightByArticles); a permutation test
//     moving whole clusters and a cluster bootstrap interval of the
//     difference of means; Cliff's δ of cluster means.
//
// Measures fall in the primary family (PrimaryMeasures) and exploratory
// families; Benjamini–Hochberg q-values are computed within each family.
// Lexicon categories (signed G², z of the log rate ratio) and distinctive
// words (Fightin' Words z, G²) follow, both ranked by |z| in both
// directions, with examples from the side each favours.
func Compare(target, reference *Profile, opt CompareOptions) (*Comparison, error) {
	return compare(target, reference, opt, nil)
}

// compare is Compare with the two sides' word counts given as aligned
// slices (nil: taken from the profiles' Terms).
func compare(target, reference *Profile, opt CompareOptions, terms *termCounts) (*Comparison, error) {
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
	few := target.Documents < int64(opt.MinDocuments) || reference.Documents < int64(opt.MinDocuments)
	switch {
	case opt.PairBy != nil && !few:
		if err := comparePaired(c, target, reference, opt, nextSeed); err != nil {
			return nil, err
		}
	case opt.ClusterBy != nil && opt.PairBy == nil && !few:
		compareClustered(c, target, reference, opt, nextSeed)
	case few:
		compareSentences(c, target, reference, opt, nextSeed)
		if opt.PairBy != nil || opt.ClusterBy != nil {
			c.Warnings = append(c.Warnings, "the paired or clustered design needs at least "+fmt.Sprint(opt.MinDocuments)+" articles a side; sentences were used instead")
		}
	default:
		compareArticles(c, target, reference, opt, nextSeed)
	}
	if opt.ClusterBy == nil && opt.PairBy == nil && opt.Nesting != nil {
		tc, rc := opt.Nesting.count(target.Keys), opt.Nesting.count(reference.Keys)
		if tc > 1 || rc > 1 {
			c.Warnings = append(c.Warnings, fmt.Sprintf("the target pools %d %ss and the reference %d: articles of one %s are not independent, so article-level tests overstate the evidence; compare with --cluster-by %s (ClusterBy) to make the %s the unit", tc, opt.Nesting.Field, rc, opt.Nesting.Field, opt.Nesting.Field, opt.Nesting.Field))
		}
	}
	if c.NTarget < 20 || c.NReference < 20 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("small samples (%d vs %d %ss): intervals are wide and tests have little power", c.NTarget, c.NReference, c.Unit))
	}
	if target.TermError > 0 || reference.TermError > 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("word counts are approximate past %d distinct words per source: each may be up to %g (target) and %g (reference) below its true count (see Profile.TermError)", target.TermLimit, target.TermError, reference.TermError))
	}
	// BH within each measure family, in the order the families appear.
	var fams []string
	for _, m := range c.Measures {
		if !slices.Contains(fams, m.Family) {
			fams = append(fams, m.Family)
		}
	}
	for _, f := range fams {
		var idx []int
		var ps []float64
		for i, m := range c.Measures {
			if m.Family == f {
				idx = append(idx, i)
				ps = append(ps, m.P)
			}
		}
		qs := stats.BenjaminiHochberg(ps)
		for k, i := range idx {
			c.Measures[i].Q = round6(nanTo(qs[k], 1))
		}
		c.Families = append(c.Families, FamilyInfo{Name: f, Tests: len(idx), Description: familyDescription(f, c.Design.Name)})
	}
	c.Categories = categoryKeyness(target, reference)
	c.Families = append(c.Families, FamilyInfo{Name: FamilyCategories, Tests: len(c.Categories), Description: familyDescription(FamilyCategories, c.Design.Name)})
	var nTerms int
	if terms == nil {
		terms = unionCounts(target.Terms, reference.Terms)
	}
	c.DistinctiveTerms, c.AllTerms, nTerms = distinctiveTerms(target, reference, terms, opt.Terms)
	c.Families = append(c.Families, FamilyInfo{Name: FamilyTerms, Tests: nTerms, Description: familyDescription(FamilyTerms, c.Design.Name)})
	return c, nil
}

func familyDescription(f, design string) string {
	switch f {
	case FamilyPrimary:
		return "the fixed headline measures (loaded language and editorial markers in the reporter's voice, unattributed evaluative share, attributed share, editorializing index); confirmatory"
	case FamilyMeasures:
		return "every other measure; exploratory"
	case FamilyWordCounts:
		return "the primary rates tested on the word counts they come from (exact conditional Poisson test); treats words as independent, so it is liberal when articles differ among themselves; exploratory"
	case FamilyCategories:
		return "lexicon categories in the reporter's voice, pooled word counts (G²); exploratory"
	case FamilyTerms:
		return "every word of the vocabulary (G²), of which the strongest are listed; exploratory"
	}
	return ""
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

func ptr(v float64) *float64 { v = round6(nanTo(v, 0)); return &v }

func measureUnit(name string) string {
	if d, ok := MeasureInfo(name); ok {
		return d.Unit
	}
	return ""
}

// compareArticles fills c for independent articles.
func compareArticles(c *Comparison, t, r *Profile, opt CompareOptions, nextSeed func() uint64) {
	c.Unit = "article"
	c.NTarget, c.NReference = int(t.Documents), int(r.Documents)
	c.Design = DesignInfo{Name: DesignArticles, Statement: fmt.Sprintf("independent articles (%d vs %d): each article is one observation; Cliff's δ with Mann–Whitney U", c.NTarget, c.NReference)}
	add := func(name, family string) {
		x, y, se := unitValues(t, r, "article:"+name)
		if len(x) == 0 && len(y) == 0 {
			return
		}
		mc := compareValues(name, measureUnit(name), x, y, false, opt, nextSeed())
		mc.SketchError = round6(se)
		mc.Family = family
		c.Measures = append(c.Measures, mc)
	}
	for _, pm := range PrimaryMeasures {
		add(pm.Name, FamilyPrimary)
	}
	for _, d := range Measures {
		if !isPrimary(d.Name) {
			add(d.Name, FamilyMeasures)
		}
	}
	for _, pm := range PrimaryMeasures {
		if pm.Count != "" {
			if mc, ok := countTest(pm, t, r, opt); ok {
				mc.Family = FamilyWordCounts
				c.Measures = append(c.Measures, mc)
			}
		}
	}
}

// countTest tests a primary rate on the word counts it comes from.
func countTest(pm PrimaryMeasure, t, r *Profile, opt CompareOptions) (MeasureComparison, bool) {
	a, b := t.Articles[pm.Count], r.Articles[pm.Count]
	if a == nil && b == nil || t.Words == 0 || r.Words == 0 {
		return MeasureComparison{}, false
	}
	x1, x2 := a.momentSum(), b.momentSum()
	w1, w2 := float64(t.Words), float64(r.Words)
	res := stats.PoissonRateTest(x1, w1, x2, w2, opt.Alpha)
	rt, rr := 1000*x1/w1, 1000*x2/w2
	// The effect is Cohen's h of the share of words that are hits, with
	// its arcsine interval: finite when one side has no hits, where the
	// rate ratio (in Ratio) is unbounded.
	h := stats.CohensH(x1/w1, x2/w2)
	lo, hi := stats.CohensHCI(x1/w1, w1, x2/w2, w2, opt.Alpha)
	mc := MeasureComparison{Name: pm.Name, Unit: UnitPer1kHits, Target: round6(rt), Reference: round6(rr), Difference: round6(rt - rr),
		Effect: EffectCohensH, EffectSize: round6(nanTo(h, 0)), CILow: round6(nanTo(lo, 0)), CIHigh: round6(nanTo(hi, 0)),
		CIMethod: CIArcsineNormal, Test: TestPoissonExact, TestNote: fmt.Sprintf("exact conditional (binomial) on %g vs %g %s in %d vs %d words", x1, x2, pm.Count, t.Words, r.Words),
		P: round6(nanTo(res.P, 1)), NTarget: int(t.Words), NReference: int(r.Words)}
	if rr != 0 {
		mc.Ratio = round6(rt / rr)
	}
	return mc, true
}

// UnitPer1kHits is the unit of a rate computed from hit counts (each hit
// counts 1, unweighted) per 1,000 words.
const UnitPer1kHits = "per_1k_words_hits"

func (m *Moments) momentSum() float64 {
	if m == nil {
		return 0
	}
	return m.Sum
}

// compareSentences fills c with sentences as the unit.
func compareSentences(c *Comparison, t, r *Profile, opt CompareOptions, nextSeed func() uint64) {
	c.Unit = "sentence"
	c.NTarget, c.NReference = int(t.Sentences), int(r.Sentences)
	c.Design = DesignInfo{Name: DesignSentences, Statement: fmt.Sprintf("sentences of %d vs %d articles (%d vs %d sentences): too few articles to compare outlets, so the comparison describes these articles; rates are tested on their word counts", t.Documents, r.Documents, c.NTarget, c.NReference)}
	c.Warnings = append(c.Warnings, fmt.Sprintf("%d vs %d articles: fewer than %d on a side, so sentences are the unit of analysis; differences describe these articles, not the outlets' coverage in general, and sentences of one article are not independent", t.Documents, r.Documents, opt.MinDocuments))
	for _, pm := range PrimaryMeasures {
		if pm.Sentence == "" {
			if mc, ok := countTest(pm, t, r, opt); ok {
				mc.Family = FamilyPrimary
				mc.Evidence = exemplarsFor(t, evidencePrefixes(pm.Name))
				c.Measures = append(c.Measures, mc)
			}
			continue
		}
		x, y, se := unitValues(t, r, "sentence:"+pm.Sentence)
		mc := compareValues(pm.Sentence, "per_sentence", x, y, pm.Proportion, opt, nextSeed())
		mc.SketchError = round6(se)
		mc.Family = FamilyPrimary
		c.Measures = append(c.Measures, mc)
	}
	for _, sm := range sentenceValues {
		if !sm.exploratory {
			continue
		}
		x, y, se := unitValues(t, r, "sentence:"+sm.name)
		mc := compareValues(sm.name, "per_sentence", x, y, sm.proportion, opt, nextSeed())
		mc.SketchError = round6(se)
		mc.Family = FamilyMeasures
		mc.Evidence = exemplarsFor(t, sm.examples)
		c.Measures = append(c.Measures, mc)
	}
}

// evidencePrefixes returns the category prefixes of a primary rate's
// evidence, for exemplars.
func evidencePrefixes(name string) []string {
	switch name {
	case "loaded_rate":
		return []string{"loaded"}
	case "editorial_marker_rate":
		return []string{"editorial"}
	}
	return nil
}

func compareValues(name, unit string, x, y []float64, proportion bool, opt CompareOptions, seed uint64) MeasureComparison {
	mx, my := mean(x), mean(y)
	mc := MeasureComparison{Name: name, Unit: unit, Target: round6(mx), Reference: round6(my), Difference: round6(mx - my), NTarget: len(x), NReference: len(y)}
	if len(x) > 0 {
		mc.TargetMedian = ptr(medianOf(x))
	}
	if len(y) > 0 {
		mc.ReferenceMedian = ptr(medianOf(y))
	}
	if my != 0 {
		mc.Ratio = round6(mx / my)
	}
	big := len(x)+len(y) > opt.BootstrapMaxN
	if proportion {
		mc.Effect, mc.Test, mc.TestNote = EffectCohensH, TestFisherExact, "exact"
		mc.EffectSize = round6(nanTo(stats.CohensH(mx, my), 0))
		var lo, hi float64
		if big {
			mc.CIMethod = CIArcsineNormal
			lo, hi = stats.CohensHCI(mx, float64(len(x)), my, float64(len(y)), opt.Alpha)
		} else {
			mc.CIMethod = CIPercentileBootstrap
			h := func(a, b []float64) float64 { return stats.CohensH(mean(a), mean(b)) }
			lo, hi = stats.BootstrapCI(x, y, h, opt.Bootstrap, opt.Alpha, seed)
		}
		mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
		k1, k2 := int(math.Round(mx*float64(len(x)))), int(math.Round(my*float64(len(y))))
		mc.P = round6(nanTo(stats.FisherExact(k1, len(x)-k1, k2, len(y)-k2), 1))
		return mc
	}
	mc.Effect, mc.Test = EffectCliffsDelta, TestMannWhitney
	var d, lo, hi float64
	if big {
		mc.CIMethod = CICliffNormal
		d, lo, hi = stats.CliffsDeltaCI(x, y, opt.Alpha)
	} else {
		mc.CIMethod = CIPercentileBootstrap
		d = stats.CliffsDelta(x, y)
		lo, hi = stats.BootstrapCI(x, y, stats.CliffsDelta, opt.Bootstrap, opt.Alpha, seed)
	}
	mc.EffectSize = round6(nanTo(d, 0))
	mc.Delta = ptr(d)
	mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
	_, p := stats.MannWhitney(x, y)
	mc.TestNote = "exact"
	if len(x)+len(y) > 20 || hasTies(x, y) {
		mc.TestNote = "normal approximation with tie and continuity corrections"
	}
	mc.P = round6(nanTo(p, 1))
	return mc
}

// hasTies reports whether the pooled sorted samples hold a repeated value.
func hasTies(x, y []float64) bool {
	seen := map[float64]bool{}
	for _, s := range [][]float64{x, y} {
		for _, v := range s {
			if seen[v] {
				return true
			}
			seen[v] = true
		}
	}
	return false
}

func medianOf(x []float64) float64 {
	if slices.IsSorted(x) {
		return stats.MedianSorted(x)
	}
	return stats.Median(x)
}

// comparePaired fills c with per-block differences.
func comparePaired(c *Comparison, t, r *Profile, opt CompareOptions, nextSeed func() uint64) error {
	u := opt.PairBy
	if u.GroupBy != t.GroupBy {
		return fmt.Errorf("framing: paired comparison: units grouped by %q, profiles by %q", u.GroupBy, t.GroupBy)
	}
	ts, rs := u.side(t.Keys), u.side(r.Keys)
	var blocks []string
	dropped := 0
	for _, k := range sortedKeys(ts) {
		if k == NoGroup {
			continue
		}
		if _, ok := rs[k]; ok {
			blocks = append(blocks, k)
		} else {
			dropped++
		}
	}
	for k := range rs {
		if _, ok := ts[k]; !ok && k != NoGroup {
			dropped++
		}
	}
	c.Unit = "block"
	c.NTarget, c.NReference = len(blocks), len(blocks)
	test := "Wilcoxon signed-rank test"
	if opt.PairedTest == TestSignFlip {
		test = "sign-flip permutation test"
	}
	field := u.Field
	if u.Keys != "" {
		field += " (" + u.Keys + ")"
	}
	c.Design = DesignInfo{Name: DesignPaired, Field: u.Field, Keys: u.Keys, Blocks: len(blocks), DroppedBlocks: dropped,
		Statement: fmt.Sprintf("paired by %s: %d blocks covered by both sides (%d dropped, covered by one side only); per-block differences of the mean, %s, bootstrap over blocks", field, len(blocks), dropped, test)}
	if dropped > 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d %s blocks were covered by only one side and were dropped", dropped, u.Field))
	}
	if len(blocks) < 2 {
		return fmt.Errorf("framing: paired by %s: %d blocks covered by both %s and %s; need at least 2", u.Field, len(blocks), c.Target, c.Reference)
	}
	add := func(name, family string) {
		var d, xs, ys []float64
		for _, b := range blocks {
			mt, mr := ts[b].Measures[name], rs[b].Measures[name]
			if mt == nil || mr == nil || mt.N == 0 || mr.N == 0 {
				continue
			}
			x, y := mt.Sum/mt.N, mr.Sum/mr.N
			xs, ys, d = append(xs, x), append(ys, y), append(d, x-y)
		}
		if len(d) == 0 {
			return
		}
		c.Measures = append(c.Measures, pairedRow(name, family, xs, ys, d, opt, nextSeed()))
	}
	for _, pm := range PrimaryMeasures {
		add(pm.Name, FamilyPrimary)
	}
	for _, def := range Measures {
		if !isPrimary(def.Name) {
			add(def.Name, FamilyMeasures)
		}
	}
	return nil
}

func pairedRow(name, family string, xs, ys, d []float64, opt CompareOptions, seed uint64) MeasureComparison {
	mx, my, md := stats.Mean(xs), stats.Mean(ys), stats.Mean(d)
	mc := MeasureComparison{Name: name, Family: family, Unit: measureUnit(name), Target: round6(mx), Reference: round6(my),
		TargetMedian: ptr(stats.Median(xs)), ReferenceMedian: ptr(stats.Median(ys)), Difference: round6(md),
		Effect: EffectMeanDifference, EffectSize: round6(md), NTarget: len(d), NReference: len(d)}
	if my != 0 {
		mc.Ratio = round6(mx / my)
	}
	var lo, hi float64
	if len(d) > opt.BootstrapMaxN {
		mc.CIMethod = CIStudentT
		var s, ss float64
		for _, v := range d {
			s += v
			ss += v * v
		}
		_, lo, hi = stats.MeanCI(float64(len(d)), s, ss, opt.Alpha)
	} else {
		mc.CIMethod = CIBlockBootstrap
		lo, hi = stats.PairedBootstrapCI(d, stats.Mean, opt.Bootstrap, opt.Alpha, seed)
	}
	mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
	if opt.PairedTest == TestSignFlip {
		p, exact := stats.SignFlipTest(d, opt.Permutations, seed)
		mc.Test, mc.P = TestSignFlip, round6(nanTo(p, 1))
		mc.TestNote = "exact enumeration"
		if !exact {
			mc.TestNote = fmt.Sprintf("Monte Carlo, %d sign patterns", opt.Permutations)
		}
		return mc
	}
	res := stats.SignedRank(d)
	mc.Test, mc.P = TestSignedRank, round6(nanTo(res.P, 1))
	mc.TestNote = "normal approximation with tie and continuity corrections"
	if res.Exact {
		mc.TestNote = "exact"
	}
	if res.Zeros > 0 {
		mc.TestNote += fmt.Sprintf("; %d zero differences dropped", res.Zeros)
	}
	return mc
}

// compareClustered fills c with clusters as the unit.
func compareClustered(c *Comparison, t, r *Profile, opt CompareOptions, nextSeed func() uint64) {
	u := opt.ClusterBy
	ts, rs := u.side(t.Keys), u.side(r.Keys)
	c.Unit = "cluster"
	c.NTarget, c.NReference = len(ts), len(rs)
	weighting := fmt.Sprintf("each %s counts once (the mean of its articles' values)", u.Field)
	if opt.WeightByArticles {
		weighting = fmt.Sprintf("article-weighted means (a %s counts as many times as it has articles)", u.Field)
	}
	c.Design = DesignInfo{Name: DesignClustered, Field: u.Field, ClustersTarget: len(ts), ClustersReference: len(rs), WeightByArticles: opt.WeightByArticles,
		Statement: fmt.Sprintf("clustered by %s: %d vs %d %ss (%d vs %d articles); the %s is the unit, %s: permutation test moving whole %ss, cluster bootstrap interval of the difference, Cliff's δ of %s means", u.Field, len(ts), len(rs), u.Field, t.Documents, r.Documents, u.Field, weighting, u.Field, u.Field)}
	if len(ts) < 2 || len(rs) < 2 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d vs %d %ss: with a single cluster on a side no test can separate the sides from their clusters", len(ts), len(rs), u.Field))
	}
	add := func(name, family string) {
		x, y := clustersOf(ts, name), clustersOf(rs, name)
		if len(x) == 0 || len(y) == 0 {
			return
		}
		seed := nextSeed()
		var xm, ym []float64
		for _, cl := range x {
			xm = append(xm, cl.Mean())
		}
		for _, cl := range y {
			ym = append(ym, cl.Mean())
		}
		if !opt.WeightByArticles {
			// Each cluster counts once: a cluster of one unit whose value
			// is the cluster's mean.
			x, y = unitClusters(xm), unitClusters(ym)
		}
		diff := stats.PooledMeanDifference(x, y)
		tm, rm := clusterPooled(x), clusterPooled(y)
		mc := MeasureComparison{Name: name, Family: family, Unit: measureUnit(name), Target: round6(tm), Reference: round6(rm),
			TargetMedian: ptr(stats.Median(xm)), ReferenceMedian: ptr(stats.Median(ym)), Difference: round6(diff),
			Delta: ptr(stats.CliffsDelta(xm, ym)), Effect: EffectMeanDifference, EffectSize: round6(nanTo(diff, 0)),
			CIMethod: CIClusterBootstrap, Test: TestClusterPermutation, NTarget: len(x), NReference: len(y)}
		if rm != 0 {
			mc.Ratio = round6(tm / rm)
		}
		lo, hi := stats.ClusterBootstrapCI(x, y, opt.Bootstrap, opt.Alpha, seed)
		mc.CILow, mc.CIHigh = round6(nanTo(lo, 0)), round6(nanTo(hi, 0))
		p, exact := stats.ClusterPermutationTest(x, y, opt.Permutations, seed)
		mc.P = round6(nanTo(p, 1))
		mc.TestNote = "exact enumeration"
		if !exact {
			mc.TestNote = fmt.Sprintf("Monte Carlo, %d relabellings", opt.Permutations)
		}
		c.Measures = append(c.Measures, mc)
	}
	for _, pm := range PrimaryMeasures {
		add(pm.Name, FamilyPrimary)
	}
	for _, def := range Measures {
		if !isPrimary(def.Name) {
			add(def.Name, FamilyMeasures)
		}
	}
}

func clustersOf(side map[string]*UnitSums, name string) []stats.Cluster {
	var out []stats.Cluster
	for _, k := range sortedKeys(side) {
		if m := side[k].Measures[name]; m != nil && m.N > 0 {
			out = append(out, stats.Cluster{N: m.N, Sum: m.Sum})
		}
	}
	return out
}

func unitClusters(means []float64) []stats.Cluster {
	out := make([]stats.Cluster, len(means))
	for i, m := range means {
		out[i] = stats.Cluster{N: 1, Sum: m}
	}
	return out
}

func clusterPooled(cs []stats.Cluster) float64 {
	var n, s float64
	for _, c := range cs {
		n += c.N
		s += c.Sum
	}
	if n == 0 {
		return 0
	}
	return s / n
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

func favours(z float64) string {
	if z < 0 {
		return "reference"
	}
	return "target"
}

// categoryKeyness returns the keyness of lexicon categories in the
// reporter's voice, ranked by |z| (both directions), with BH q-values
// within the category family.
func categoryKeyness(t, r *Profile) []TermComparison {
	cats := map[string]bool{}
	for k := range t.CategoryHits {
		cats[k] = true
	}
	for k := range r.CategoryHits {
		cats[k] = true
	}
	out := []TermComparison{}
	nt, nr := float64(t.Words), float64(r.Words)
	for _, k := range sortedKeys(cats) {
		if strings.HasPrefix(k, "actor.") || strings.HasPrefix(k, "frame.") {
			continue // salience, not slant: reported in frames and actors
		}
		a, b := t.CategoryHits[k], r.CategoryHits[k]
		if a == 0 && b == 0 {
			continue
		}
		_, p := stats.GSquared(a, b, nt, nr)
		tc := TermComparison{Term: k, G2: round6(nanTo(stats.SignedG2(a, b, nt, nr), 0)), P: round6(nanTo(p, 1)), TargetCount: a, ReferenceCount: b}
		// z of the log rate ratio with a 0.5 continuity correction.
		la, lb := math.Log((a+0.5)/nt), math.Log((b+0.5)/nr)
		tc.Z = round6((la - lb) / math.Sqrt(1/(a+0.5)+1/(b+0.5)))
		tc.Favours = favours(tc.Z)
		src := t
		if tc.Z < 0 {
			src = r
		}
		for _, e := range src.Exemplars {
			if e.Category == k && len(tc.Examples) < 3 {
				tc.Examples = append(tc.Examples, e.Text)
			}
		}
		out = append(out, tc)
	}
	ps := make([]float64, len(out))
	for i, tc := range out {
		ps[i] = tc.P
	}
	for i, q := range stats.BenjaminiHochberg(ps) {
		out[i].Q = round6(nanTo(q, 1))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := math.Abs(out[i].Z), math.Abs(out[j].Z); a != b {
			return a > b
		}
		return out[i].Term < out[j].Term
	})
	return out
}

// termCounts is a vocabulary (sorted, unique) with each side's counts
// aligned to it.
type termCounts struct {
	terms []string
	a, b  []float64
}

// strongest returns the k first elements of idx in the order less,
// unordered, in O(len(idx)·log k): a bounded heap whose root is the weakest
// kept element.
func strongest(idx []int, k int, less func(i, j int) int) []int {
	if k >= len(idx) {
		return slices.Clone(idx)
	}
	if k <= 0 {
		return nil
	}
	h := make([]int, 0, k)
	// down restores the heap property (the root is the largest under less,
	// i.e. the weakest kept element) below position i.
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			m := l
			if r := l + 1; r < len(h) && less(h[r], h[l]) > 0 {
				m = r
			}
			if less(h[m], h[i]) <= 0 {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, x := range idx {
		if len(h) < k {
			h = append(h, x)
			for c := len(h) - 1; c > 0; {
				parent := (c - 1) / 2
				if less(h[c], h[parent]) <= 0 {
					break
				}
				h[c], h[parent] = h[parent], h[c]
				c = parent
			}
			continue
		}
		if less(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	return h
}

// unionCounts aligns two count maps on their joint vocabulary.
func unionCounts(a, b map[string]float64) *termCounts {
	vocab := make([]string, 0, len(a)+len(b))
	for w := range a {
		vocab = append(vocab, w)
	}
	for w := range b {
		if _, ok := a[w]; !ok {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)
	tc := &termCounts{terms: vocab, a: make([]float64, len(vocab)), b: make([]float64, len(vocab))}
	for i, w := range vocab {
		tc.a[i], tc.b[i] = a[w], b[w]
	}
	return tc
}

// distinctiveTerms ranks the vocabulary with Fightin' Words (nil prior)
// and returns the n strongest content words each way, the n strongest of
// any kind each way, and the number of words the terms family's BH
// correction ran over (every word of the joint vocabulary).
func distinctiveTerms(t, r *Profile, tc *termCounts, n int) (content, all []TermComparison, tests int) {
	z := stats.FightinWordsPooled(tc.a, tc.b, 0)
	nt, nr := float64(t.Words), float64(r.Words)
	var valid []int
	for i, v := range z {
		if !math.IsNaN(v) {
			valid = append(valid, i)
		}
	}
	ps := make([]float64, len(valid))
	for k, i := range valid {
		_, p := stats.GSquared(tc.a[i], tc.b[i], nt, nr)
		ps[k] = nanTo(p, 1)
	}
	qs := stats.BenjaminiHochberg(ps)
	self := nameWords(append(append([]string{}, t.Keys...), r.Keys...)...)
	pos := make([]int, len(z))
	for k, i := range valid {
		pos[i] = k
	}
	// Rank by z, the strongest first each way, ties by term (vocabulary
	// order). Only the head of each direction is listed, so the candidates
	// are the 8n strongest each way; when fewer than n content words are
	// among them, the whole vocabulary is ranked.
	byZ := func(i, j int) int {
		if c := cmp.Compare(z[j], z[i]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	}
	order := strongest(valid, 8*n, byZ)
	order = append(order, strongest(valid, 8*n, func(i, j int) int { return byZ(j, i) })...)
	slices.SortFunc(order, byZ)
	order = slices.Compact(order)
	var up, down int
	for _, i := range order {
		if termKind(tc.terms[i], self) == TermContent {
			if z[i] > 0 {
				up++
			} else if z[i] < 0 {
				down++
			}
		}
	}
	if up < n || down < n {
		order = slices.Clone(valid)
		slices.SortFunc(order, byZ)
	}
	tExamples, rExamples := tokenizedExemplars(t), tokenizedExemplars(r)
	pick := func(i int) TermComparison {
		w := tc.terms[i]
		k := pos[i]
		row := TermComparison{Term: w, Kind: termKind(w, self), Favours: favours(z[i]), Z: round6(z[i]),
			TargetCount: tc.a[i], ReferenceCount: tc.b[i], P: round6(ps[k]), Q: round6(nanTo(qs[k], 1))}
		row.G2 = round6(nanTo(stats.SignedG2(tc.a[i], tc.b[i], nt, nr), 0))
		ex := tExamples
		if z[i] < 0 {
			ex = rExamples
		}
		for _, e := range ex {
			if e.has[w] && len(row.Examples) < 2 && !slices.Contains(row.Examples, e.sentence) {
				row.Examples = append(row.Examples, e.sentence)
			}
		}
		return row
	}
	content, all = []TermComparison{}, []TermComparison{}
	var nc, na int
	for k := 0; k < len(order) && z[order[k]] > 0 && (nc < n || na < n); k++ {
		i := order[k]
		if na < n {
			all = append(all, pick(i))
			na++
		}
		if termKind(tc.terms[i], self) == TermContent && nc < n {
			content = append(content, pick(i))
			nc++
		}
	}
	nc, na = 0, 0
	for k := len(order) - 1; k >= 0 && z[order[k]] < 0 && (nc < n || na < n); k-- {
		i := order[k]
		if na < n {
			all = append(all, pick(i))
			na++
		}
		if termKind(tc.terms[i], self) == TermContent && nc < n {
			content = append(content, pick(i))
			nc++
		}
	}
	return content, all, len(valid)
}

type tokenizedExemplar struct {
	sentence string
	has      map[string]bool
}

// tokenizedExemplars returns a profile's exemplar sentences with their
// folded word tokens, so that examples match whole tokens ("his" never
// matches "history").
func tokenizedExemplars(p *Profile) []tokenizedExemplar {
	var out []tokenizedExemplar
	for _, e := range p.Exemplars {
		if e.Sentence == "" {
			continue
		}
		te := tokenizedExemplar{sentence: e.Sentence, has: map[string]bool{}}
		for _, tk := range text.Tokenize(e.Sentence, 0, len(e.Sentence), nil) {
			if tk.Kind == text.Word || tk.Kind == text.Number {
				te.has[tk.Norm] = true
			}
		}
		out = append(out, te)
	}
	return out
}

// Rest names the pooled "all other sources" reference in CompareEach and
// CompareTo.
const Rest = "rest"

// ErrNoSource is wrapped by the errors of ReferenceFor and CompareTo for a
// source the profiles do not hold (or no other source to pool).
var ErrNoSource = errors.New("no source")

// ReferenceFor returns the profile target is compared with: the source
// named reference, or for Rest every other source pooled (Profiles.Rest).
func (ps *Profiles) ReferenceFor(target, reference string) (*Profile, error) {
	if reference != Rest {
		r, ok := ps.Get(reference)
		if !ok {
			return nil, fmt.Errorf("framing: %w %q in the profiles (sources: %s)", ErrNoSource, reference, strings.Join(ps.Keys(), ", "))
		}
		return r, nil
	}
	if _, ok := ps.Get(target); !ok {
		return nil, fmt.Errorf("framing: %w %q in the profiles (sources: %s)", ErrNoSource, target, strings.Join(ps.Keys(), ", "))
	}
	if len(ps.Keys()) < 2 {
		return nil, fmt.Errorf("framing: %w other than %q to pool", ErrNoSource, target)
	}
	return ps.Rest(target)
}

// CompareTo compares the source target of ps with reference: a source
// name, or Rest for all the other sources pooled.
func CompareTo(ps *Profiles, target, reference string, opt CompareOptions) (*Comparison, error) {
	t, ok := ps.Get(target)
	if !ok {
		return nil, fmt.Errorf("framing: %w %q in the profiles (sources: %s)", ErrNoSource, target, strings.Join(ps.Keys(), ", "))
	}
	r, err := ps.ReferenceFor(target, reference)
	if err != nil {
		return nil, err
	}
	return Compare(t, r, opt)
}

// CompareEach compares every source of ps with reference: a source name,
// or Rest to compare each source with all the others pooled. Sources are
// taken in sorted order; the reference itself is skipped. Each comparison
// has its own q-values.
//
// With Rest, the pooled reference of each source is the total of all
// profiles minus that source (see Profiles.Rest), built once: sums and
// counts are subtracted, sorted values removed by a linear exclusion, so
// the cost is linear in the corpus per source instead of merging every
// other profile again.
func CompareEach(ps *Profiles, reference string, opt CompareOptions) ([]*Comparison, error) {
	keys := ps.Keys()
	var pool *restPool
	if reference == Rest {
		if len(keys) < 2 {
			return nil, fmt.Errorf("framing: comparing each source with the rest: %d source(s)", len(keys))
		}
		pool = newRestPool(ps)
	} else if _, ok := ps.Get(reference); !ok {
		return nil, fmt.Errorf("framing: %w %q in the profiles (sources: %s)", ErrNoSource, reference, strings.Join(keys, ", "))
	}
	var todo []string
	for _, k := range keys {
		if k != reference {
			todo = append(todo, k)
		}
	}
	// Comparisons are independent (each has its own seeds), so they run
	// on GOMAXPROCS workers; results keep the sorted order, and the output
	// is the same whatever the number of workers.
	out := make([]*Comparison, len(todo))
	errs := make([]error, len(todo))
	one := func(i int) {
		k := todo[i]
		t, _ := ps.Get(k)
		var r *Profile
		var terms *termCounts
		if pool != nil {
			r = pool.without(k, false)
			terms = pool.termsWithout(t)
		} else {
			r, _ = ps.Get(reference)
		}
		c, err := compare(t, r, opt, terms)
		if err != nil {
			errs[i] = err
			return
		}
		if pool != nil {
			c.Reference = restName(r)
		}
		out[i] = c
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				one(i)
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// restName names a pooled rest reference: "rest (a+b+c)", shortened to a
// count when it pools many sources.
func restName(r *Profile) string {
	if len(r.Keys) > 5 {
		return fmt.Sprintf("rest (%d sources)", len(r.Keys))
	}
	return "rest (" + r.Key() + ")"
}

// Rest returns the pooled profile of every source of ps except key: what
// comparisons read (counts, moments, sorted values, category hits, terms,
// exemplars), built as the total minus the source. Actor portraits are not
// pooled.
func (ps *Profiles) Rest(key string) (*Profile, error) {
	if _, ok := ps.Get(key); !ok {
		return nil, fmt.Errorf("framing: no source %q (sources: %s)", key, strings.Join(ps.Keys(), ", "))
	}
	if len(ps.Keys()) < 2 {
		return nil, fmt.Errorf("framing: no other source to compare %q with", key)
	}
	return newRestPool(ps).without(key, true), nil
}

// restPool holds the total of a grouping's profiles, from which each
// source's rest is derived by subtraction.
type restPool struct {
	ps    *Profiles
	total *Profile
	// exemplars are every source's exemplars in trimExemplars order,
	// with their source.
	exemplars []ownedExemplar
	// vocab is the total's vocabulary, sorted, with its counts and the
	// index of each word.
	vocab  []string
	counts []float64
	index  map[string]int
}

type ownedExemplar struct {
	key string
	e   Exemplar
}

func newRestPool(ps *Profiles) *restPool {
	all := ps.All()
	tot := NewProfile(ps.GroupBy, "", ps.Lexicons)
	tot.Keys = ps.Keys()
	if ps.ExactLimit > 0 {
		tot.ExactLimit = ps.ExactLimit
	}
	valueKeys := map[string]bool{}
	var owned []ownedExemplar
	for _, p := range all {
		tot.Documents += p.Documents
		tot.Sentences += p.Sentences
		tot.Tokens += p.Tokens
		tot.Words += p.Words
		for _, k := range sortedKeys(p.Articles) {
			m, t := p.Articles[k], moment(tot.Articles, k)
			t.N, t.Sum, t.SumSq = t.N+m.N, t.Sum+m.Sum, t.SumSq+m.SumSq
		}
		for _, k := range sortedKeys(p.SentenceMoments) {
			m, t := p.SentenceMoments[k], moment(tot.SentenceMoments, k)
			t.N, t.Sum, t.SumSq = t.N+m.N, t.Sum+m.Sum, t.SumSq+m.SumSq
		}
		for k := range p.Values {
			valueKeys[k] = true
		}
		for _, k := range sortedKeys(p.CategoryHits) {
			tot.CategoryHits[k] += p.CategoryHits[k]
		}
		for _, k := range sortedKeys(p.CategoryDocs) {
			tot.CategoryDocs[k] += p.CategoryDocs[k]
		}
		for k, v := range p.Terms { // integer counts: order-independent
			tot.Terms[k] += v
		}
		tot.TermError += p.TermError
		for _, e := range p.Exemplars {
			owned = append(owned, ownedExemplar{p.Key(), e})
		}
	}
	for k := range valueKeys {
		// Distribution merges are order-free, so map order is harmless.
		d := NewDistribution(tot.ExactLimit)
		for _, p := range all {
			d.merge(p.Values[k])
		}
		tot.Values[k] = d
	}
	sort.SliceStable(owned, func(i, j int) bool { return exemplarLess(owned[i].e, owned[j].e) })
	rp := &restPool{ps: ps, total: tot, exemplars: owned, index: map[string]int{}}
	rp.vocab = sortedKeys(tot.Terms)
	rp.counts = make([]float64, len(rp.vocab))
	for i, w := range rp.vocab {
		rp.counts[i] = tot.Terms[w]
		rp.index[w] = i
	}
	return rp
}

// termsWithout aligns source t's word counts and the rest's (total minus
// t) on the whole vocabulary; words t and the rest both lack are dropped
// later (their z is NaN).
func (rp *restPool) termsWithout(t *Profile) *termCounts {
	tc := &termCounts{terms: rp.vocab, a: make([]float64, len(rp.vocab)), b: slices.Clone(rp.counts)}
	for w, c := range t.Terms {
		if i, ok := rp.index[w]; ok {
			tc.a[i] = c
			tc.b[i] -= c
		}
	}
	return tc
}

func exemplarLess(a, b Exemplar) bool {
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
}

// without returns the total minus source key. Without withTerms the
// result's Terms stay empty: CompareEach aligns the counts with
// termsWithout instead of building a map of the whole vocabulary per
// source.
func (rp *restPool) without(key string, withTerms bool) *Profile {
	p, _ := rp.ps.Get(key)
	tot := rp.total
	r := NewProfile(tot.GroupBy, "", tot.Lexicons)
	r.Keys = make([]string, 0, len(tot.Keys)-1)
	for _, k := range tot.Keys {
		if k != key {
			r.Keys = append(r.Keys, k)
		}
	}
	r.Documents = tot.Documents - p.Documents
	r.Sentences = tot.Sentences - p.Sentences
	r.Tokens = tot.Tokens - p.Tokens
	r.Words = tot.Words - p.Words
	sub := func(dst, all, part map[string]*Moments) {
		for k, m := range all {
			o := part[k]
			if o == nil {
				dst[k] = &Moments{N: m.N, Sum: m.Sum, SumSq: m.SumSq}
				continue
			}
			if m.N-o.N > 0 {
				dst[k] = &Moments{N: m.N - o.N, Sum: m.Sum - o.Sum, SumSq: m.SumSq - o.SumSq}
			}
		}
	}
	sub(r.Articles, tot.Articles, p.Articles)
	sub(r.SentenceMoments, tot.SentenceMoments, p.SentenceMoments)
	for k, v := range tot.Values {
		if rest := v.without(p.Values[k]); rest.N() > 0 {
			r.Values[k] = rest
		}
	}
	for k, v := range tot.CategoryHits {
		if d := v - p.CategoryHits[k]; d > 0 {
			r.CategoryHits[k] = d
		}
	}
	for k, v := range tot.CategoryDocs {
		if d := v - p.CategoryDocs[k]; d > 0 {
			r.CategoryDocs[k] = d
		}
	}
	if withTerms {
		for k, v := range tot.Terms {
			if d := v - p.Terms[k]; d > 0 {
				r.Terms[k] = d
			}
		}
		r.TermError = tot.TermError - p.TermError
	}
	for _, oe := range rp.exemplars {
		if oe.key == key {
			continue
		}
		r.Exemplars = append(r.Exemplars, oe.e)
		if len(r.Exemplars) == MaxExemplars {
			break
		}
	}
	return r
}
