package report

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
)

// view is the report's content, computed once and rendered as HTML or
// Markdown, so that both hold the same numbers.
type view struct {
	Title, Version, Command, Generated string
	GroupBy, Reference                 string
	Fingerprint                        string
	Level                              string // "95%"
	Corpus                             corpusView
	Profiles                           profilesView
	Comparisons                        []cmpView
	UnitNote                           string
	Charts                             []chartView
	Frames                             tableView
	Articles                           []articleView
	Omitted                            int
	Concordance                        []kwicRow
	ConcordanceTerms                   []string
	Methods                            methodsView
	Coverage                           *coverageView
	// NeedsArticles names the sections left empty because the report was
	// built from profiles alone ("" otherwise).
	NeedsArticles string
}

type kv struct {
	Key   string
	Value string
}

type corpusView struct {
	Read, Analysed, Repaired, Removed int
	Skipped                           []Skip
	RemovedReasons                    []kv
	Groups                            int
	Words, Sentences                  int64
}

type colHead struct{ Name, Unit, Level string }

type cell struct{ Value, CI string }

type profileRow struct {
	Key                    string
	Docs, Sentences, Words int64
	Cells                  []cell
}

type profilesView struct {
	Heads   []colHead
	Rows    []profileRow
	Keys    []string
	All     []allRow
	Sources int
}

type allRow struct {
	Name, Unit string
	Values     []string
}

type cmpRow struct {
	Name, Family, Unit, Target, Reference, Medians, Difference, Ratio string
	Delta, Effect, EffectSymbol, EffectSize, CI, CIMethod, Test, P, Q string
	Significant                                                       bool
	Exemplars                                                         string
}

type termRow struct {
	Term, Z, G2, P, Q, Target, Reference, Example string
	Positive                                      bool
}

type cmpView struct {
	Anchor                  string
	Main                    bool
	Target, Reference, Unit string
	NTarget, NReference     int
	Bootstrap               int
	Seed                    uint64
	Alpha, Level            string
	SameUnit                string // the unit of every row, when they share one
	Warnings                []string
	// Design is the comparison's design statement, printed first;
	// Families lists the multiple-testing families ("primary (5 tests)").
	Design, Families string
	Rows             []cmpRow
	// Categories and terms, each side's list ranked by |z|.
	TargetCategories, ReferenceCategories []termRow
	TargetTerms, ReferenceTerms           []termRow
	// TermTables are the four lists above, titled, for the HTML template.
	TermTables []termsView
}

// termsView is one side's list of categories or words.
type termsView struct {
	Title, Side, Target, Reference, Kind string
	Rows                                 []termRow
}

type legendItem struct{ Class, Label string }

type tableView struct {
	Head []string
	Rows [][]string
}

type chartView struct {
	ID, Title, Caption string
	SVG                template.HTML
	Legend             []legendItem
	Table              tableView
	Empty              string // why the chart is missing, when it is
}

type segment struct {
	Text        string
	Mark, Quote bool
	Class       string
	Title       string
}

type sentView struct {
	Index                  int
	Score                  string
	Bucket                 int
	Kind                   string
	Attributed, Evaluative bool
	Marked                 bool
	Segments               []segment
	Evidence               []string // "category (voice, weight)" for Markdown
}

type articleView struct {
	N                        int
	Anchor                   string
	ID, Outlet, Title, Group string
	Words, Removed           int
	Measures                 []kv
	Frames                   []string
	Actors                   []string
	Sentences                []sentView
}

type kwicRow struct {
	Term, Left, Match, Right string
	Outlet, Article, Anchor  string
	Start, End               int
	Voice, Category          string
	Negated                  bool
}

type lexView struct {
	Name, Version, Licence, Curator, Description, Source string
	Categories, Entries                                  int
	References                                           []lexicon.Reference
}

type catView struct {
	ID, Lexicon, Construct, Label, Weight, Match string
	Entries                                      int
	References                                   string
}

type featView struct {
	Name, Weight, Description string
}

type methodsView struct {
	Measures                       []framing.MeasureDef
	Lexicons                       []lexView
	Categories                     []catView
	Fingerprint                    string
	Bias, WeightsSource, Threshold string
	Features                       []featView
	Bootstrap                      int
	Seed                           uint64
	Alpha                          string
	MinDocuments, Terms            int
	POS                            bool
	MinFrameCues                   int
	FrameMargin                    string
	Families                       []familyView
}

type familyView struct {
	Class, Name, Constructs string
}

// summaryMeasures are the article measures shown in the profile table:
// the headline measures (framing.Headline).
var summaryMeasures = framing.Headline

// f3 formats a number with three decimals ("—" for NaN, no "-0.000").
func f3(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := strconv.FormatFloat(x, 'f', 3, 64)
	if s == "-0.000" {
		s = "0.000"
	}
	return s
}

// fp formats a p- or q-value.
func fp(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	if x > 0 && x < 0.0001 {
		return "<0.0001"
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

// fmeasure formats a measure's value: whole counts without decimals.
func fmeasure(unit string, x float64) string {
	if unit == "count" && x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return f3(x)
}

func ci(lo, hi float64) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return ""
	}
	return "[" + f3(lo) + ", " + f3(hi) + "]"
}

// alpha returns the comparisons' alpha (0.05 by default).
func (d *Data) alpha() float64 {
	if a := d.Compare.Alpha; a > 0 && a < 1 {
		return a
	}
	for _, c := range d.Comparisons {
		if c.Alpha > 0 && c.Alpha < 1 {
			return c.Alpha
		}
	}
	return framing.CompareOptions{}.Resolved().Alpha
}

func (d *Data) check() error {
	switch {
	case d == nil:
		return errors.New("report: nil Data")
	case d.Profiles == nil:
		return errors.New("report: Data.Profiles is nil")
	case d.Lexicons == nil:
		return errors.New("report: Data.Lexicons is nil")
	}
	for i, r := range d.Results {
		if r == nil {
			return fmt.Errorf("report: Data.Results[%d] is nil", i)
		}
	}
	return nil
}

// build computes the report's content. charts says whether to draw the SVG
// charts (Markdown uses only their tables).
func build(d *Data, charts bool) (*view, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	alpha := d.alpha()
	v := &view{Title: d.Title, Version: d.Version, Command: d.Command, Generated: d.Generated, GroupBy: d.groupBy(), Reference: d.Reference,
		Fingerprint: d.Lexicons.Fingerprint(), Level: strconv.FormatFloat(100*(1-alpha), 'g', -1, 64) + "%"}
	if v.Title == "" {
		v.Title = "Slant report"
	}
	if d.Reference == framing.Rest {
		v.Reference = "all other sources pooled"
	}
	v.Corpus = corpusSummary(d)
	v.Profiles = profileTable(d, alpha)
	v.Comparisons = comparisons(d)
	v.UnitNote = UnitNote
	var err error
	if v.Charts, err = chartsFor(d, v, alpha, charts); err != nil {
		return nil, err
	}
	if v.Coverage, err = coverageSection(d, charts); err != nil {
		return nil, err
	}
	v.Frames = framesTable(d)
	v.Articles, v.Omitted = articles(d)
	v.Concordance, v.ConcordanceTerms = concordance(d, 12, 8, 48)
	v.Methods = methods(d, alpha, v.Fingerprint)
	if d.ProfilesOnly {
		v.NeedsArticles = "This report was built from saved profiles, without the articles: the profiles, comparisons and the charts of measures and distinctive words are complete; the corpus counts of documents read and skipped, the frames table, the sentence-score chart, the articles with their highlighted sentences, the concordance and the per-article and per-sentence CSV files need the articles (build the report from a corpus or with --analysis FILE)."
	}
	return v, nil
}

// UnitNote explains the units of a comparison's rows: every writer of a
// comparison table (the report, the CLI's text and Markdown) prints it, so
// a rate tested on its hit counts is never read as the weighted rate that
// analyze prints under the same measure name.
const UnitNote = "Each measure keeps its own unit (per_1k_words: weighted hits per 1,000 words; share: 0–1; score: 0–1; count; per_sentence: mean over sentences when sentences are the unit; per_1k_words_hits: unweighted hits per 1,000 words, for rates tested on their word counts, so they differ from the weighted per_1k_words rate of the same measure). Differences are in that unit and cannot be set side by side across measures; compare the effect sizes instead (Cliff's δ and Cohen's h are unit-free, from −1 to 1 and −π to π)."

func corpusSummary(d *Data) corpusView {
	c := d.Corpus
	cv := corpusView{Read: c.Read, Analysed: c.Analysed, Repaired: c.Repaired, Removed: c.Removed, Skipped: c.Skipped}
	if cv.Analysed == 0 {
		cv.Analysed = len(d.Results)
	}
	if cv.Analysed == 0 && d.ProfilesOnly {
		for _, p := range d.Profiles.All() {
			cv.Analysed += int(p.Documents)
		}
	}
	if cv.Read == 0 {
		cv.Read = cv.Analysed + len(cv.Skipped)
	}
	reasons := c.RemovedReasons
	if cv.Removed == 0 && len(reasons) == 0 {
		reasons = map[string]int{}
		for _, r := range d.Results {
			for _, rm := range r.Removed {
				cv.Removed++
				reasons[rm.Reason]++
			}
		}
	}
	keys := sortedKeys(reasons)
	sort.SliceStable(keys, func(i, j int) bool { return reasons[keys[i]] > reasons[keys[j]] })
	for _, k := range keys {
		cv.RemovedReasons = append(cv.RemovedReasons, kv{k, strconv.Itoa(reasons[k])})
	}
	for _, p := range d.Profiles.All() {
		cv.Groups++
		cv.Words += p.Words
		cv.Sentences += p.Sentences
	}
	return cv
}

// measureCI is the profile's interval of an article measure
// (framing.Profile.MeasureCI); a measure this build does not define (from
// results of another version) is shown unclipped.
func measureCI(p *framing.Profile, name string, alpha float64) (mean, lo, hi float64) {
	iv, err := p.MeasureCI(name, alpha)
	if err != nil {
		iv = p.Articles[name].MeanCI(alpha)
	}
	return iv.Estimate, iv.Low, iv.High
}

// scoreCI is the profile's sentence-score interval (framing.Profile.ScoreCI).
func scoreCI(p *framing.Profile, alpha float64) (mean, lo, hi float64) {
	iv := p.ScoreCI(alpha)
	return iv.Estimate, iv.Low, iv.High
}

func unitOf(name string) string {
	if d, ok := framing.MeasureInfo(name); ok {
		return d.Unit
	}
	return ""
}

func profileTable(d *Data, alpha float64) profilesView {
	pv := profilesView{}
	for _, m := range summaryMeasures {
		pv.Heads = append(pv.Heads, colHead{Name: m, Unit: unitOf(m)})
	}
	pv.Heads = append(pv.Heads,
		colHead{Name: "sentence score", Unit: "per sentence"},
		colHead{Name: "unattributed evaluative sentences", Unit: "share of sentences"})
	all := d.Profiles.All()
	pv.Sources = len(all)
	names := measureNames(d.Profiles)
	for _, p := range all {
		row := profileRow{Key: p.Key(), Docs: p.Documents, Sentences: p.Sentences, Words: p.Words}
		for _, m := range summaryMeasures {
			mean, lo, hi := measureCI(p, m, alpha)
			row.Cells = append(row.Cells, cell{f3(mean), ci(lo, hi)})
		}
		mean, lo, hi := scoreCI(p, alpha)
		row.Cells = append(row.Cells, cell{f3(mean), ci(lo, hi)})
		ue, _ := p.ShareCI(framing.FeatureUnattributedEvaluative.String(), alpha)
		row.Cells = append(row.Cells, cell{f3(ue.Estimate), ci(ue.Low, ue.High)})
		pv.Rows = append(pv.Rows, row)
		pv.Keys = append(pv.Keys, p.Key())
	}
	for _, n := range names {
		ar := allRow{Name: n, Unit: unitOf(n)}
		for _, p := range all {
			mean, lo, hi := measureCI(p, n, alpha)
			if math.IsNaN(mean) {
				mean = 0 // no article of this source has the measure
			}
			s := fmeasure(ar.Unit, mean)
			if c := ci(lo, hi); c != "" {
				s += " " + c
			}
			ar.Values = append(ar.Values, s)
		}
		pv.All = append(pv.All, ar)
	}
	return pv
}

// EffectName names an effect size (framing.Effect*) for readers:
// "Cliff's δ", "Cohen's h", "mean difference".
func EffectName(e string) string {
	switch e {
	case framing.EffectCliffsDelta:
		return "Cliff's δ"
	case framing.EffectCohensH:
		return "Cohen's h"
	case framing.EffectMeanDifference:
		return "mean difference"
	}
	return e
}

// EffectSymbol is an effect size's symbol: δ, h or Δ.
func EffectSymbol(e string) string {
	switch e {
	case framing.EffectCliffsDelta:
		return "δ"
	case framing.EffectCohensH:
		return "h"
	case framing.EffectMeanDifference:
		return "Δ"
	}
	return e
}

// maxCmpTerms is how many lexicon categories each side's list shows.
const maxCmpTerms = 10

// orderedComparisons returns the comparisons with the main one first.
func (d *Data) orderedComparisons() []*framing.Comparison {
	mi := d.mainComparison()
	if mi < 0 {
		return nil
	}
	out := []*framing.Comparison{d.Comparisons[mi]}
	for i, c := range d.Comparisons {
		if i != mi {
			out = append(out, c)
		}
	}
	return out
}

func comparisons(d *Data) []cmpView {
	var out []cmpView
	for i, c := range d.orderedComparisons() {
		cv := cmpView{Anchor: "cmp-" + strconv.Itoa(i+1), Main: i == 0, Target: c.Target, Reference: c.Reference, Unit: c.Unit,
			NTarget: c.NTarget, NReference: c.NReference, Bootstrap: c.Bootstrap, Seed: c.Seed,
			Alpha: strconv.FormatFloat(c.Alpha, 'g', -1, 64), Level: strconv.FormatFloat(100*(1-c.Alpha), 'g', -1, 64) + "%", Warnings: c.Warnings}
		cv.Design = c.Design.Statement
		var fams []string
		for _, f := range c.Families {
			fams = append(fams, f.Name+" ("+strconv.Itoa(f.Tests)+" tests)")
		}
		cv.Families = strings.Join(fams, ", ")
		for _, m := range c.Measures {
			row := cmpRow{Name: m.Name, Family: m.Family, Unit: m.Unit, Target: f3(m.Target), Reference: f3(m.Reference), Medians: "—", Difference: f3(m.Difference),
				Ratio: f3(m.Ratio), Delta: "—", Effect: EffectName(m.Effect), EffectSymbol: EffectSymbol(m.Effect), EffectSize: f3(m.EffectSize), CI: ci(m.CILow, m.CIHigh),
				CIMethod: m.CIMethod, Test: m.Test, P: fp(m.P), Q: fp(m.Q), Significant: m.Q <= c.Alpha}
			if m.TargetMedian != nil && m.ReferenceMedian != nil {
				row.Medians = f3(*m.TargetMedian) + " / " + f3(*m.ReferenceMedian)
			}
			if m.Delta != nil {
				row.Delta = f3(*m.Delta)
			}
			if m.Reference == 0 {
				row.Ratio = "—"
			}
			var ex []string
			for _, e := range m.Evidence {
				if len(ex) == 3 {
					break
				}
				ex = append(ex, e.Text)
			}
			row.Exemplars = strings.Join(ex, "; ")
			cv.Rows = append(cv.Rows, row)
		}
		for i, r := range cv.Rows {
			if i == 0 {
				cv.SameUnit = r.Unit
			} else if r.Unit != cv.SameUnit {
				cv.SameUnit = ""
				break
			}
		}
		for _, t := range c.Categories {
			row := termRow{Term: t.Term, Z: f3(t.Z), G2: f3(t.G2), P: fp(t.P), Q: fp(t.Q),
				Target: strconv.FormatFloat(t.TargetCount, 'g', -1, 64), Reference: strconv.FormatFloat(t.ReferenceCount, 'g', -1, 64),
				Example: strings.Join(t.Examples, "; "), Positive: t.Z > 0}
			if t.Favours == "reference" {
				if len(cv.ReferenceCategories) < maxCmpTerms {
					cv.ReferenceCategories = append(cv.ReferenceCategories, row)
				}
			} else if len(cv.TargetCategories) < maxCmpTerms {
				cv.TargetCategories = append(cv.TargetCategories, row)
			}
		}
		for _, t := range c.DistinctiveTerms {
			ex := ""
			if len(t.Examples) > 0 {
				ex = oneLine(t.Examples[0])
			}
			row := termRow{Term: t.Term, Z: f3(t.Z), G2: f3(t.G2), P: fp(t.P), Q: fp(t.Q),
				Target: strconv.FormatFloat(t.TargetCount, 'g', -1, 64), Reference: strconv.FormatFloat(t.ReferenceCount, 'g', -1, 64),
				Example: ex, Positive: t.Z > 0}
			if t.Favours == "reference" {
				cv.ReferenceTerms = append(cv.ReferenceTerms, row)
			} else {
				cv.TargetTerms = append(cv.TargetTerms, row)
			}
		}
		cv.TermTables = []termsView{
			{"Lexicon categories, reporter's voice, higher in", c.Target, c.Target, c.Reference, "category", cv.TargetCategories},
			{"Lexicon categories, reporter's voice, higher in", c.Reference, c.Target, c.Reference, "category", cv.ReferenceCategories},
			{"Distinctive content words higher in", c.Target, c.Target, c.Reference, "word", cv.TargetTerms},
			{"Distinctive content words higher in", c.Reference, c.Target, c.Reference, "word", cv.ReferenceTerms},
		}
		out = append(out, cv)
	}
	return out
}

// sortedTerms returns distinctive terms by z, highest first.
func sortedTerms(ts []framing.TermComparison) []framing.TermComparison {
	out := append([]framing.TermComparison(nil), ts...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Z != out[j].Z {
			return out[i].Z > out[j].Z
		}
		return out[i].Term < out[j].Term
	})
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// frameShares sums each group's frame cue weights (all voices) over its
// articles and returns, per group in profile order, the share of each frame.
func frameShares(d *Data, family func(framing.Frames) framing.FrameFamily) (groups []string, shares []map[string]float64, cues []int) {
	by := d.groupBy()
	idx := map[string]int{}
	for _, k := range d.Profiles.Keys() {
		idx[k] = len(groups)
		groups = append(groups, k)
		shares = append(shares, map[string]float64{})
		cues = append(cues, 0)
	}
	for _, r := range d.Results {
		g, ok := idx[r.Group(by)]
		if !ok {
			continue
		}
		f := family(r.Frames)
		for _, m := range []map[string]float64{f.Reporter, f.Quoted} {
			for _, k := range sortedKeys(m) {
				shares[g][k] += m[k]
			}
		}
		cues[g] += f.Cues
	}
	for _, m := range shares {
		total := 0.0
		for _, k := range sortedKeys(m) {
			total += m[k]
		}
		for k := range m {
			if total > 0 {
				m[k] /= total
			}
		}
	}
	return groups, shares, cues
}

// rankSeries orders series by their summed value over groups, largest
// first (then by name).
func rankSeries(vals []map[string]float64) []string {
	sum := map[string]float64{}
	for _, m := range vals {
		for _, k := range sortedKeys(m) {
			sum[k] += m[k]
		}
	}
	ks := sortedKeys(sum)
	sort.SliceStable(ks, func(i, j int) bool { return sum[ks[i]] > sum[ks[j]] })
	return ks
}

func policyOf(f framing.Frames) framing.FrameFamily  { return f.Policy }
func genericOf(f framing.Frames) framing.FrameFamily { return f.Generic }

func framesTable(d *Data) tableView {
	t := tableView{Head: []string{d.groupBy(), "family", "cues", "frames (share of cue weight, all voices)"}}
	for _, fam := range []struct {
		name string
		get  func(framing.Frames) framing.FrameFamily
	}{{"generic", genericOf}, {"policy", policyOf}} {
		groups, shares, cues := frameShares(d, fam.get)
		for i, g := range groups {
			ks := rankSeries([]map[string]float64{shares[i]})
			var parts []string
			for _, k := range ks {
				parts = append(parts, fmt.Sprintf("%s %.2f", k, shares[i][k]))
			}
			t.Rows = append(t.Rows, []string{g, fam.name, strconv.Itoa(cues[i]), strings.Join(parts, ", ")})
		}
	}
	return t
}

// familyOf maps a construct to its highlight family (framing.Constructs);
// familyRank orders families as framing.Families does, strongest first.
var familyOf, familyRank = func() (map[string]string, map[string]int) {
	f, r := map[string]string{}, map[string]int{}
	for i, fam := range framing.Families {
		r[fam.Class] = i
	}
	for _, c := range framing.Constructs {
		if c.Family != "" {
			f[c.Name] = c.Family
		}
	}
	return f, r
}()

// voiceName says whose words a voice is.
func voiceName(v framing.Voice) string {
	switch v {
	case framing.Reporter:
		return "reporter's voice"
	case framing.Quote:
		return "direct quote"
	case framing.Reported:
		return "reported speech"
	}
	return string(v)
}

func evidenceTitle(e framing.Evidence) string {
	s := fmt.Sprintf("%s (%s) · %s · weight %.2f", e.Category, e.Construct, voiceName(e.Voice), e.Weight)
	if e.Negated {
		s += " · negated"
	}
	if e.Intensified {
		s += " · intensified"
	}
	if e.Side != "" {
		s += " · side " + e.Side
	}
	if e.Speaker != "" {
		s += " · speaker " + e.Speaker
	}
	return s
}

// quoteBounds indexes a result's quotes for segments: every quote's start
// and end (the cuts), and the starts and the ends of the quotes that are
// not scare quotes, each sorted.
type quoteBounds struct{ cuts, starts, ends []int }

func newQuoteBounds(r *framing.Result) quoteBounds {
	var qb quoteBounds
	for _, q := range r.Quotes {
		qb.cuts = append(qb.cuts, q.Start, q.End)
		if !q.Scare {
			qb.starts = append(qb.starts, q.Start)
			qb.ends = append(qb.ends, q.End)
		}
	}
	sort.Ints(qb.cuts)
	sort.Ints(qb.starts)
	sort.Ints(qb.ends)
	return qb
}

// segments splits text[start:end] at every highlighted evidence and quote
// boundary; each piece knows the evidence covering it.
//
// qb indexes the article's quotes, so that each sentence looks only at the
// quote boundaries inside it and not at every quote of the article (which
// made long articles quadratic, issue 17).
func segments(r *framing.Result, si, start, end int, evs []framing.Evidence, qb quoteBounds) []segment {
	cuts := map[int]bool{start: true, end: true}
	in := func(x int) bool { return x > start && x < end && utf8.RuneStart(r.Text[x]) }
	for _, e := range evs {
		if in(e.Start) {
			cuts[e.Start] = true
		}
		if in(e.End) {
			cuts[e.End] = true
		}
	}
	for i := sort.SearchInts(qb.cuts, start+1); i < len(qb.cuts) && qb.cuts[i] < end; i++ {
		if in(qb.cuts[i]) {
			cuts[qb.cuts[i]] = true
		}
	}
	var pts []int
	for x := range cuts {
		pts = append(pts, x)
	}
	sort.Ints(pts)
	var out []segment
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		seg := segment{Text: r.Text[a:b]}
		// Inside a quote that is not a scare quote: more such quotes start
		// at or before a than end there (no quote boundary falls inside
		// the piece).
		seg.Quote = sort.SearchInts(qb.starts, a+1) > sort.SearchInts(qb.ends, a+1)
		var cover []framing.Evidence
		for _, e := range evs {
			if e.Start <= a && b <= e.End {
				cover = append(cover, e)
			}
		}
		if len(cover) > 0 {
			sort.SliceStable(cover, func(i, j int) bool {
				fi, fj := familyRank[familyOf[cover[i].Construct]], familyRank[familyOf[cover[j].Construct]]
				if fi != fj {
					return fi < fj
				}
				return cover[i].Weight > cover[j].Weight
			})
			top := cover[0]
			seg.Mark = true
			seg.Class = "m-" + familyOf[top.Construct] + " v-" + string(top.Voice)
			allNeg := true
			var titles []string
			for _, e := range cover {
				allNeg = allNeg && e.Negated
				titles = append(titles, evidenceTitle(e))
			}
			if allNeg {
				seg.Class += " neg"
			}
			seg.Title = strings.Join(titles, "\n")
		}
		out = append(out, seg)
	}
	return out
}

// articleMeasures are shown in each article's header: the headline
// measures and the strongest sentence's score.
var articleMeasures = append(append([]string{}, framing.Headline...), framing.MeasureSentenceScoreMax)

func articles(d *Data) ([]articleView, int) {
	n := len(d.Results)
	if d.MaxArticles > 0 && n > d.MaxArticles {
		n = d.MaxArticles
	}
	by := d.groupBy()
	var out []articleView
	for i, r := range d.Results[:n] {
		av := articleView{N: i + 1, Anchor: "a" + strconv.Itoa(i+1), ID: r.ID, Outlet: r.Outlet, Title: r.Title, Group: r.Group(by),
			Words: r.Words, Removed: len(r.Removed)}
		for _, m := range articleMeasures {
			av.Measures = append(av.Measures, kv{m, f3(r.Measures[m])})
		}
		for _, f := range []struct {
			name string
			fam  framing.FrameFamily
		}{{"generic", r.Frames.Generic}, {"policy", r.Frames.Policy}} {
			av.Frames = append(av.Frames, fmt.Sprintf("%s: %s (%s)", f.name, f.fam.Dominant, f.fam.Reason))
		}
		for k, a := range r.Actors {
			if k == 4 {
				break
			}
			s := fmt.Sprintf("%s: %d mentions, agent %d, patient %d", a.Name, a.Mentions, a.Agent, a.Patient)
			var ds []string
			for _, x := range a.Descriptors {
				ds = append(ds, x.Text)
			}
			if len(ds) > 0 {
				s += "; described with " + strings.Join(ds, ", ")
			}
			av.Actors = append(av.Actors, s)
		}
		bySent := map[int][]framing.Evidence{}
		for _, e := range r.Evidence {
			if _, ok := familyOf[e.Construct]; ok && e.Start < e.End && e.End <= len(r.Text) {
				bySent[e.Sentence] = append(bySent[e.Sentence], e)
			}
		}
		qb := newQuoteBounds(r)
		for si, s := range r.Sentences {
			if s.Start < 0 || s.End > len(r.Text) || s.Start >= s.End {
				continue
			}
			sv := sentView{Index: si + 1, Score: f3(s.Score), Bucket: scoreBucket(s.Score), Kind: s.Kind, Attributed: s.Attributed, Evaluative: s.Evaluative}
			evs := bySent[si]
			sv.Segments = segments(r, si, s.Start, s.End, evs, qb)
			sort.SliceStable(evs, func(i, j int) bool { return evs[i].Start < evs[j].Start })
			for _, e := range evs {
				sv.Marked = true
				desc := fmt.Sprintf("%s, %s, weight %.2f", e.Category, voiceName(e.Voice), e.Weight)
				if e.Negated {
					desc += ", negated"
				}
				sv.Evidence = append(sv.Evidence, fmt.Sprintf("“%s” %s", oneLine(e.Text), desc))
			}
			av.Sentences = append(av.Sentences, sv)
		}
		out = append(out, av)
	}
	return out, len(d.Results) - n
}

// kwicContext returns the concordance context of text[start:end]: up to n
// runes on each side on one line (framing.ContextBefore, ContextAfter,
// linear in n), with "…" where text was cut.
func kwicContext(text string, start, end, n int) (left, right string) {
	left, cut := framing.ContextBefore(text, start, n)
	if cut {
		left = "…" + left
	}
	right, cut = framing.ContextAfter(text, end, n)
	if cut {
		right += "…"
	}
	return left, right
}

// concordance lists the occurrences of the most frequent loaded terms
// (folded text of loaded-language evidence, all voices, negated included):
// top terms by count, then weight; at most per occurrences each.
func concordance(d *Data, top, per, width int) ([]kwicRow, []string) {
	type agg struct {
		n      int
		weight float64
	}
	terms := map[string]*agg{}
	fold := func(s string) string { return strings.ToLower(oneLine(s)) }
	for _, r := range d.Results {
		for _, e := range r.Evidence {
			if e.Construct != framing.ConstructLoaded {
				continue
			}
			a := terms[fold(e.Text)]
			if a == nil {
				a = &agg{}
				terms[fold(e.Text)] = a
			}
			a.n++
			a.weight += e.Weight
		}
	}
	ks := sortedKeys(terms)
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := terms[ks[i]], terms[ks[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return a.weight > b.weight
	})
	if len(ks) > top {
		ks = ks[:top]
	}
	rank := map[string]int{}
	for i, k := range ks {
		rank[k] = i
	}
	anchors := map[*framing.Result]string{}
	limit := len(d.Results)
	if d.MaxArticles > 0 && limit > d.MaxArticles {
		limit = d.MaxArticles
	}
	for i, r := range d.Results[:limit] {
		anchors[r] = "a" + strconv.Itoa(i+1)
	}
	var rows []kwicRow
	count := map[string]int{}
	for _, r := range d.Results {
		for _, e := range r.Evidence {
			if e.Construct != framing.ConstructLoaded || e.Start < 0 || e.End > len(r.Text) {
				continue
			}
			k := fold(e.Text)
			if _, ok := rank[k]; !ok || count[k] == per {
				continue
			}
			count[k]++
			left, right := kwicContext(r.Text, e.Start, e.End, width)
			rows = append(rows, kwicRow{Term: k, Left: left, Match: r.Text[e.Start:e.End],
				Right: right, Outlet: r.Outlet, Article: r.ID, Anchor: anchors[r],
				Start: e.Start, End: e.End, Voice: string(e.Voice), Category: e.Category, Negated: e.Negated})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Term] < rank[rows[j].Term] })
	return rows, ks
}

func methods(d *Data, alpha float64, fingerprint string) methodsView {
	w := d.weights()
	mv := methodsView{Measures: framing.Measures, Fingerprint: fingerprint, Bias: f3(w.Bias), WeightsSource: w.Source,
		Threshold: "0.5", POS: d.POS, MinFrameCues: framing.MinFrameCues, FrameMargin: strconv.FormatFloat(framing.FrameMargin, 'f', 2, 64),
		Alpha: strconv.FormatFloat(alpha, 'g', -1, 64)}
	if w.Threshold > 0 {
		mv.Threshold = strconv.FormatFloat(w.Threshold, 'f', 3, 64)
	}
	for _, f := range framing.Features {
		mv.Features = append(mv.Features, featView{Name: f.Name, Weight: strconv.FormatFloat(w.Features[f.Name], 'f', 3, 64), Description: f.Description})
	}
	// Trained weights also weigh lexicon categories by voice and words.
	cats := make([]string, 0, len(w.Categories))
	for k := range w.Categories {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		mv.Features = append(mv.Features, featView{Name: framing.CategoryFeaturePrefix + k, Weight: strconv.FormatFloat(w.Categories[k], 'f', 3, 64), Description: "hits of a lexicon category in one voice (trained)"})
	}
	for _, ww := range w.Words {
		mv.Features = append(mv.Features, featView{Name: framing.WordFeature(ww.Term), Weight: strconv.FormatFloat(ww.Weight, 'f', 3, 64), Description: "learned word or phrase (stems), e.g. \"" + ww.Example + "\" (trained)"})
	}
	for _, l := range d.Lexicons.Lexicons() {
		lv := lexView{Name: l.Name, Version: l.Version, Licence: l.Licence, Curator: l.Curator, Description: oneLine(l.Description), Source: l.Source,
			Categories: len(l.Categories), References: l.References}
		for _, c := range l.Categories {
			lv.Entries += len(c.Entries)
			mv.Categories = append(mv.Categories, catView{ID: c.ID, Lexicon: l.Name, Construct: c.Construct, Label: c.Label,
				Weight: strconv.FormatFloat(c.Weight, 'g', -1, 64), Match: string(c.Match), Entries: len(c.Entries), References: strings.Join(c.References, ", ")})
		}
		mv.Lexicons = append(mv.Lexicons, lv)
	}
	// Comparison settings: as run (from the comparisons), else as asked,
	// with framing's defaults for what was not set.
	opt := d.Compare.Resolved()
	mv.Bootstrap, mv.Seed, mv.MinDocuments, mv.Terms = opt.Bootstrap, opt.Seed, opt.MinDocuments, opt.Terms
	if len(d.Comparisons) > 0 {
		if c := d.Comparisons[0]; c.Bootstrap > 0 {
			mv.Bootstrap = c.Bootstrap
		}
		if c := d.Comparisons[0]; c.Seed != 0 {
			mv.Seed = c.Seed
		}
	}
	for _, f := range framing.Families {
		mv.Families = append(mv.Families, familyView{Class: "m-" + f.Class, Name: f.Name, Constructs: strings.Join(framing.FamilyConstructs(f.Class), ", ")})
	}
	return mv
}
