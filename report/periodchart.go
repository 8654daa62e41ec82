package report

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/slantlab/slant/framing"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// maxPeriodSources bounds the sources drawn in the time-series chart (the
// ones with most articles); its table lists every source.
const maxPeriodSources = 8

// periodChart is the time-series chart of a grouping by period: for each
// of the chart measures, one line per source over the periods, with the
// profile's t interval at each point. ok is false for other groupings.
func periodChart(d *Data, v *view, alpha float64, draw bool) (c chartView, ok bool, err error) {
	_, period := framing.SplitPeriod(d.Profiles.GroupBy)
	if period == "" {
		return c, false, nil
	}
	type cellKey struct{ source, label string }
	profiles := map[cellKey]*framing.Profile{}
	docs := map[string]int64{}
	var sources, labels []string
	for _, p := range d.Profiles.All() {
		src, label, ok := framing.SplitKey(d.Profiles.GroupBy, p.Key())
		if !ok {
			continue
		}
		profiles[cellKey{src, label}] = p
		if _, seen := docs[src]; !seen {
			sources = append(sources, src)
		}
		docs[src] += p.Documents
		if !slices.Contains(labels, label) {
			labels = append(labels, label)
		}
	}
	slices.Sort(sources)
	slices.Sort(labels) // period labels sort in time order
	c = chartView{ID: "chart-periods", Title: "Measures per " + string(period) + " and source with " + v.Level + " intervals",
		Caption: "One line per source (the " + strconv.Itoa(maxPeriodSources) + " with most articles are drawn; the table lists all), one point per " + string(period) + " with articles: the mean over that period's articles with its t interval (framing's Profile.MeasureCI), missing for a period with one article. Articles without a date are left out."}
	c.Table.Head = []string{"source", string(period), "articles"}
	c.Table.Head = append(c.Table.Head, chartMeasureNames...)
	for _, src := range sources {
		for _, l := range labels {
			p := profiles[cellKey{src, l}]
			if p == nil {
				continue
			}
			row := []string{src, l, strconv.FormatInt(p.Documents, 10)}
			for _, m := range chartMeasureNames {
				mean, lo, hi := measureCI(p, m, alpha)
				row = append(row, strings.TrimSpace(f3(mean)+" "+ci(lo, hi)))
			}
			c.Table.Rows = append(c.Table.Rows, row)
		}
	}
	if !draw || len(c.Table.Rows) == 0 {
		return c, true, nil
	}
	drawn := slices.Clone(sources)
	slices.SortStableFunc(drawn, func(a, b string) int { return int(docs[b] - docs[a]) })
	if len(drawn) > maxPeriodSources {
		drawn = drawn[:maxPeriodSources]
	}
	slices.Sort(drawn)
	var plots [][]*plot.Plot
	for _, m := range chartMeasureNames {
		p := plot.New()
		sans(p)
		p.Title.Text = m + " (" + unitOf(m) + ")"
		p.Legend.Top = true
		for si, src := range drawn {
			var pts plotter.XYs
			var errs plotter.YErrors
			for li, l := range labels {
				pr := profiles[cellKey{src, l}]
				if pr == nil {
					continue
				}
				mean, lo, hi := measureCI(pr, m, alpha)
				if math.IsNaN(mean) {
					continue
				}
				pts = append(pts, plotter.XY{X: float64(li) + periodDodge(si, len(drawn)), Y: mean})
				if math.IsNaN(lo) || math.IsNaN(hi) {
					lo, hi = mean, mean
				}
				errs = append(errs, struct{ Low, High float64 }{mean - lo, hi - mean})
			}
			if len(pts) == 0 {
				continue
			}
			line, points, err := plotter.NewLinePoints(pts)
			if err != nil {
				return c, true, fmt.Errorf("report: chart %q: %w", c.Title, err)
			}
			// The report's palette (colour-blind safe, as in the other
			// charts), without its last colour, kept for "other".
			col := hexColor(seriesColors[si%(len(seriesColors)-1)])
			line.Color, points.Color = col, col
			line.Width = vg.Points(1.2)
			points.Radius = vg.Points(2.5)
			eb, err := plotter.NewYErrorBars(struct {
				plotter.XYs
				plotter.YErrors
			}{pts, errs})
			if err != nil {
				return c, true, fmt.Errorf("report: chart %q: %w", c.Title, err)
			}
			eb.LineStyle.Color = col
			p.Add(line, points, eb)
			p.Legend.Add(chartLabel(src, 24), line, points)
		}
		ticks := make([]plot.Tick, len(labels))
		for i, l := range labels {
			ticks[i] = plot.Tick{Value: float64(i), Label: l}
		}
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = -0.5, float64(len(labels))-0.5
		plots = append(plots, []*plot.Plot{p})
	}
	var svg template.HTML
	if svg, err = renderSVG(plots, vg.Points(720), vg.Points(float64(len(plots))*220), c.Title); err != nil {
		return c, true, err
	}
	c.SVG = svg
	return c, true, nil
}

// periodDodge is the horizontal offset of the si-th of n sources at each
// period, so that sources with close means do not draw their intervals on
// top of one another: offsets are symmetric about the period's tick and
// span at most 0.4 of the gap between periods.
func periodDodge(si, n int) float64 {
	if n < 2 {
		return 0
	}
	step := math.Min(0.1, 0.4/float64(n-1))
	return (float64(si) - float64(n-1)/2) * step
}
