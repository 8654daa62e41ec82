package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// chartMeasureNames are the article measures of the first chart.
var chartMeasureNames = []string{"loaded_rate", "unattributed_evaluative_share", "editorializing_index"}

// otherFrames labels the pooled remaining frames.
const otherFrames = "(all other frames)"

// maxFrameSeries is how many policy frames the frame chart shows before
// pooling the rest as otherFrames.
const maxFrameSeries = 8

// chartsFor computes the five charts' data, their text tables and, when
// draw is set, their SVG.
func chartsFor(d *Data, v *view, alpha float64, draw bool) ([]chartView, error) {
	var out []chartView
	for _, f := range []func(*Data, *view, float64, bool) (chartView, error){measuresChart, framesChart, sidesChart, stripChart, termsChart} {
		c, err := f(d, v, alpha, draw)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	// Profiles by period get their time series.
	if c, ok, err := periodChart(d, v, alpha, draw); err != nil {
		return nil, err
	} else if ok {
		out = append(out, c)
	}
	return out, nil
}

func measuresChart(d *Data, v *view, alpha float64, draw bool) (chartView, error) {
	c := chartView{ID: "chart-measures", Title: "Measures per " + v.GroupBy + " with " + v.Level + " intervals",
		Caption: "Dots are means over a source's articles; whiskers are t intervals (framing's Moments.MeanCI from the profile's n, Σx, Σx²) clipped to the measure's range, and missing where a source has fewer than two articles. The last panel is the sentence bias score averaged over sentences, with its t interval over sentences (sentences of one article are not independent, so it is too narrow)."}
	c.Table.Head = []string{v.GroupBy, "articles"}
	var panels []panelCI
	for _, m := range chartMeasureNames {
		panels = append(panels, panelCI{Title: m + " (" + unitOf(m) + ")"})
		c.Table.Head = append(c.Table.Head, m)
	}
	panels = append(panels, panelCI{Title: "sentence score (mean per sentence)"})
	c.Table.Head = append(c.Table.Head, "sentence score", "sentences")
	for _, p := range d.Profiles.All() {
		row := []string{p.Key(), strconv.FormatInt(p.Documents, 10)}
		for k, m := range chartMeasureNames {
			mean, lo, hi := measureCI(p, m, alpha)
			if math.IsNaN(mean) {
				mean = 0
			}
			panels[k].Points = append(panels[k].Points, pointCI{Label: p.Key(), Mean: mean, Lo: lo, Hi: hi})
			row = append(row, strings.TrimSpace(f3(mean)+" "+ci(lo, hi)))
		}
		mean, lo, hi := scoreCI(p, alpha)
		pt := pointCI{Label: p.Key(), Mean: mean, Lo: lo, Hi: hi}
		if math.IsNaN(pt.Mean) {
			pt.Mean = 0
		}
		panels[3].Points = append(panels[3].Points, pt)
		row = append(row, strings.TrimSpace(f3(mean)+" "+ci(lo, hi)), strconv.FormatInt(p.Sentences, 10))
		c.Table.Rows = append(c.Table.Rows, row)
	}
	if draw && len(c.Table.Rows) > 0 {
		var err error
		if c.SVG, err = chartMeasures(panels, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

func framesChart(d *Data, v *view, alpha float64, draw bool) (chartView, error) {
	c := chartView{ID: "chart-frames", Title: "Policy frames per " + v.GroupBy,
		Caption: fmt.Sprintf("Share of policy-frame cue weight (Policy Frames Codebook, Boydstun et al. 2014), reporter's voice and quotes together, summed over a source's articles. The %d frames with the most weight overall are shown; the rest are pooled. The frames table below the chart also lists the generic frames.", maxFrameSeries)}
	groups, shares, cues := frameShares(d, policyOf)
	series := rankSeries(shares)
	pooled := len(series) > maxFrameSeries
	if pooled {
		series = append(series[:maxFrameSeries:maxFrameSeries], otherFrames)
	}
	values := make([][]float64, len(series))
	for k, s := range series {
		values[k] = make([]float64, len(groups))
		for i := range groups {
			if pooled && k == len(series)-1 {
				rest := 1.0
				for _, t := range series[:len(series)-1] {
					rest -= shares[i][t]
				}
				if len(shares[i]) > 0 {
					values[k][i] = math.Max(0, rest)
				}
			} else {
				values[k][i] = shares[i][s]
			}
		}
	}
	c.Table.Head = append([]string{v.GroupBy, "cues"}, series...)
	for i, g := range groups {
		row := []string{g, strconv.Itoa(cues[i])}
		for k := range series {
			row = append(row, strconv.FormatFloat(values[k][i], 'f', 2, 64))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	colors := make([]string, len(series))
	for k, s := range series {
		colors[k] = seriesColors[k%(len(seriesColors)-1)]
		cls := "c" + strconv.Itoa(k%(len(seriesColors)-1))
		if pooled && k == len(series)-1 {
			colors[k] = seriesColors[len(seriesColors)-1]
			cls = "c" + strconv.Itoa(len(seriesColors)-1)
		}
		c.Legend = append(c.Legend, legendItem{Class: cls, Label: s})
	}
	if len(series) == 0 {
		c.Empty = "No policy-frame cues were found."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartStacked(groups, series, values, colors, "share of policy-frame cue weight", 1, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

func sidesChart(d *Data, v *view, alpha float64, draw bool) (chartView, error) {
	c := chartView{ID: "chart-sides", Title: "Contested terms by side per " + v.GroupBy,
		Caption: "Contested terms (a camp's vocabulary for the same thing) in the reporter's voice and in quotes, not negated, per 1,000 words of the source, stacked by the side the term signals (measures contested.<side>). Counts are in the table."}
	all := d.Profiles.All()
	var groups []string
	per := make([]map[string]float64, len(all))
	counts := make([]map[string]float64, len(all))
	for i, p := range all {
		groups = append(groups, p.Key())
		per[i], counts[i] = map[string]float64{}, map[string]float64{}
		for _, k := range sortedKeys(p.Articles) {
			if side, ok := strings.CutPrefix(k, "contested."); ok && p.Articles[k].Sum > 0 {
				counts[i][side] = p.Articles[k].Sum
				if p.Words > 0 {
					per[i][side] = 1000 * p.Articles[k].Sum / float64(p.Words)
				}
			}
		}
	}
	series := rankSeries(counts)
	values := make([][]float64, len(series))
	colors := make([]string, len(series))
	for k, s := range series {
		values[k] = make([]float64, len(groups))
		for i := range groups {
			values[k][i] = per[i][s]
		}
		colors[k] = seriesColors[k%len(seriesColors)]
		c.Legend = append(c.Legend, legendItem{Class: "c" + strconv.Itoa(k%len(seriesColors)), Label: s})
	}
	c.Table.Head = append([]string{v.GroupBy, "words"}, series...)
	for i, g := range groups {
		row := []string{g, strconv.FormatInt(all[i].Words, 10)}
		for _, s := range series {
			row = append(row, fmt.Sprintf("%g (%.2f per 1k)", counts[i][s], per[i][s]))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	if len(series) == 0 {
		c.Empty = "No contested terms with a side were found."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartStacked(groups, series, values, colors, "contested terms per 1,000 words", 0, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

func stripChart(d *Data, v *view, alpha float64, draw bool) (chartView, error) {
	c := chartView{ID: "chart-strip", Title: "Sentence bias scores, article by article",
		Caption: "One row per article, one cell per sentence in reading order (the title first), coloured by the sentence bias score in steps of 0.1 (legend). Dark cells are the sentences to read first; the articles below show them highlighted."}
	n := len(d.Results)
	if d.MaxArticles > 0 && n > d.MaxArticles {
		n = d.MaxArticles
		c.Caption += fmt.Sprintf(" The first %d of %d articles are shown.", n, len(d.Results))
	}
	var rows []string
	var scores [][]float64
	c.Table.Head = []string{"article", v.GroupBy, "sentences", "mean", "max", "sentences ≥ 0.5"}
	for i, r := range d.Results[:n] {
		label := strconv.Itoa(i+1) + " · " + r.Group(v.GroupBy)
		rows = append(rows, label)
		var s []float64
		hi := 0
		for _, x := range r.Sentences {
			s = append(s, x.Score)
			if x.Score >= 0.5 {
				hi++
			}
		}
		scores = append(scores, s)
		c.Table.Rows = append(c.Table.Rows, []string{strconv.Itoa(i+1) + " " + r.ID, r.Group(v.GroupBy), strconv.Itoa(len(s)),
			f3(r.Measures["sentence_score_mean"]), f3(r.Measures["sentence_score_max"]), strconv.Itoa(hi)})
	}
	for i := range scoreColors {
		c.Legend = append(c.Legend, legendItem{Class: "s" + strconv.Itoa(i), Label: fmt.Sprintf("%.1f–%.1f", float64(i)/10, float64(i+1)/10)})
	}
	if len(rows) == 0 {
		c.Empty = "No articles."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartStrip(rows, scores, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

func termsChart(d *Data, v *view, alpha float64, draw bool) (chartView, error) {
	c := chartView{ID: "chart-terms", Title: "Distinctive words"}
	if len(v.Comparisons) == 0 {
		c.Empty = "No comparison: there is a single source, or no reference."
		return c, nil
	}
	m := v.Comparisons[0]
	c.Title = "Distinctive words: " + m.Target + " vs " + m.Reference
	c.Caption = "Fightin' Words z (log-odds ratio with an informative Dirichlet prior, Monroe et al. 2008) of each word in the main comparison: bars to the right are words the target uses more, to the left words the reference uses more. |z| > 1.96 is the usual bar; with small samples few words reach it."
	c.Legend = []legendItem{{Class: "tgt", Label: m.Target}, {Class: "ref", Label: m.Reference}}
	c.Table.Head = []string{"word", "z", "signed G²", "p", "target count", "reference count"}
	var terms []string
	var z []float64
	cmp := d.orderedComparisons()[0]
	for _, t := range sortedTerms(cmp.DistinctiveTerms) {
		terms = append(terms, t.Term)
		z = append(z, t.Z)
		c.Table.Rows = append(c.Table.Rows, []string{t.Term, f3(t.Z), f3(t.G2), fp(t.P), strconv.FormatFloat(t.TargetCount, 'g', -1, 64), strconv.FormatFloat(t.ReferenceCount, 'g', -1, 64)})
	}
	if len(terms) == 0 {
		c.Empty = "No distinctive words."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartTerms(terms, z, "Fightin' Words z (+ = more in "+chartLabel(m.Target, 30)+")", c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}
