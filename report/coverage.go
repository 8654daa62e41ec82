package report

import (
	"fmt"
	"html/template"
	"image/color"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/slantlab/slant/coverage"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// The coverage section renders a coverage.Report (computed by the coverage
// package; nothing is computed here but layout).

const (
	// maxCoverageEvents bounds the events drawn in detail; the summary
	// table lists them all.
	maxCoverageEvents = 3
	// maxMatrixUnits bounds the rows of the units × outlets chart.
	maxMatrixUnits = 40
	// maxOmissions bounds the omissions listed per outlet.
	maxOmissions = 12
	// maxSides bounds the sides drawn in the voices chart; the rest are
	// pooled as "other".
	maxSides = 8
)

// coverageView is the coverage section.
type coverageView struct {
	Events     int
	Summary    tableView
	Duplicates tableView
	Detail     []coverageEventView
	Omitted    int // events not shown in detail
}

type coverageEventView struct {
	ID, Method string
	Articles   tableView
	Outlets    tableView
	Matrix     chartView
	Voices     chartView
	Omissions  []omissionList
}

type omissionList struct {
	Outlet string
	Items  []omissionItem
	More   int
}

type omissionItem struct {
	Kind, Text, Carried, CarriedBy, Outlets string
}

// coverageSection builds the section from d.Coverage, nil when absent.
func coverageSection(d *Data, draw bool) (*coverageView, error) {
	rep := d.Coverage
	if rep == nil {
		return nil, nil
	}
	cv := &coverageView{Events: len(rep.Events)}
	cv.Summary.Head = []string{"event", "method", "outlet", "articles", "included", "unique", "omitted", "coverage share", "voices", "named sources", "source entropy (bits)"}
	for _, ev := range rep.Events {
		for _, o := range ev.Outlets {
			cv.Summary.Rows = append(cv.Summary.Rows, []string{ev.ID, ev.Method, o.Outlet, strconv.Itoa(len(o.Articles)), strconv.Itoa(o.Included),
				strconv.Itoa(o.Unique), strconv.Itoa(len(o.Omitted)), f3(o.CoverageShare), strconv.Itoa(len(o.Voices)), strconv.Itoa(o.Diversity.Named), f3(o.Diversity.Entropy)})
		}
	}
	cv.Duplicates.Head = []string{"article", "outlet", "copy of", "outlet", "similarity", "wire credit"}
	for _, dup := range rep.Duplicates {
		cv.Duplicates.Rows = append(cv.Duplicates.Rows, []string{dup.Article, dup.Outlet, dup.Of, dup.OfOutlet, f3(dup.Similarity), dup.Wire})
	}
	for i := range rep.Events {
		if i == maxCoverageEvents {
			cv.Omitted = len(rep.Events) - i
			break
		}
		ev, err := coverageEvent(&rep.Events[i], draw)
		if err != nil {
			return nil, err
		}
		cv.Detail = append(cv.Detail, ev)
	}
	return cv, nil
}

func coverageEvent(ev *coverage.Event, draw bool) (coverageEventView, error) {
	v := coverageEventView{ID: ev.ID, Method: ev.Method}
	v.Articles.Head = []string{"outlet", "article", "title", "published"}
	for _, a := range ev.Articles {
		v.Articles.Rows = append(v.Articles.Rows, []string{a.Outlet, a.ID, a.Title, a.Published})
	}
	var outlets []string
	v.Outlets.Head = []string{"outlet", "included", "unique", "omitted", "coverage share", "shared quotes", "named", "anonymous", "vague", "named share of quotes", "entropy (bits)"}
	for _, o := range ev.Outlets {
		outlets = append(outlets, o.Outlet)
		v.Outlets.Rows = append(v.Outlets.Rows, []string{o.Outlet, strconv.Itoa(o.Included), strconv.Itoa(o.Unique), strconv.Itoa(len(o.Omitted)),
			f3(o.CoverageShare), strconv.Itoa(len(o.SharedQuotes)), strconv.Itoa(o.Diversity.Named), strconv.Itoa(o.Diversity.Anonymous),
			strconv.Itoa(o.Diversity.Vague), f3(o.Diversity.NamedShare), f3(o.Diversity.Entropy)})
		ol := omissionList{Outlet: o.Outlet}
		for _, om := range o.Omitted {
			if om.Kind == coverage.Actor || om.Kind == coverage.Date {
				continue
			}
			if len(ol.Items) == maxOmissions {
				ol.More++
				continue
			}
			ol.Items = append(ol.Items, omissionItem{Kind: string(om.Kind), Text: om.Text, Carried: om.Carried, CarriedBy: om.CarriedBy, Outlets: strings.Join(om.Outlets, ", ")})
		}
		v.Omissions = append(v.Omissions, ol)
	}
	var err error
	if v.Matrix, err = matrixChart(ev, outlets, draw); err != nil {
		return v, err
	}
	if v.Voices, err = voicesChart(ev, outlets, draw); err != nil {
		return v, err
	}
	return v, nil
}

// matrixUnits picks the units of the matrix chart: claims, numbers, quotes
// and sources carried by at least two outlets, most widely carried first,
// then in unit order.
func matrixUnits(ev *coverage.Event) []*coverage.Unit {
	var us []*coverage.Unit
	for i := range ev.Units {
		u := &ev.Units[i]
		if len(u.Outlets) >= 2 && u.Kind != coverage.Actor && u.Kind != coverage.Date {
			us = append(us, u)
		}
	}
	sort.SliceStable(us, func(a, b int) bool { return len(us[a].Outlets) > len(us[b].Outlets) })
	if len(us) > maxMatrixUnits {
		us = us[:maxMatrixUnits]
	}
	return us
}

func matrixChart(ev *coverage.Event, outlets []string, draw bool) (chartView, error) {
	c := chartView{ID: "chart-coverage-" + anchorSafe(ev.ID), Title: "Which outlet carries which unit (" + ev.ID + ")",
		Caption: fmt.Sprintf("One row per content unit carried by at least two outlets (claims aligned across outlets by TF-IDF cosine, figures, quotes, sources; at most %d, most widely carried first), one column per outlet; a dark cell means the outlet carries the unit.", maxMatrixUnits)}
	us := matrixUnits(ev)
	c.Table.Head = append([]string{"unit", "kind", "text"}, outlets...)
	var rows []string
	var z [][]float64
	for _, u := range us {
		row := []string{u.ID, string(u.Kind), u.Text}
		var zr []float64
		for _, o := range outlets {
			has := 0.0
			for _, x := range u.Outlets {
				if x == o {
					has = 1
				}
			}
			zr = append(zr, has)
			row = append(row, map[float64]string{0: "", 1: "✓"}[has])
		}
		c.Table.Rows = append(c.Table.Rows, row)
		rows = append(rows, u.ID+" "+u.Text)
		z = append(z, zr)
	}
	c.Legend = []legendItem{{Class: "cov0", Label: "absent"}, {Class: "cov1", Label: "carried"}}
	if len(us) == 0 {
		c.Empty = "No unit is carried by two outlets."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartMatrix(rows, outlets, z, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

// coverageColors are the matrix chart's absent and present colours.
var coverageColors = []string{"#eef1f4", "#0072B2"}

type grid struct{ z [][]float64 }

func (g grid) Dims() (c, r int) {
	if len(g.z) == 0 {
		return 0, 0
	}
	return len(g.z[0]), len(g.z)
}
func (g grid) Z(c, r int) float64 { return g.z[len(g.z)-1-r][c] } // first row on top
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }

type twoPalette struct{}

func (twoPalette) Colors() []color.Color {
	return []color.Color{hexColor(coverageColors[0]), hexColor(coverageColors[1])}
}

// chartMatrix draws a presence matrix: rows (first on top) × columns.
func chartMatrix(rows, cols []string, z [][]float64, label string) (template.HTML, error) {
	p := matrixPlot(rows, cols, z)
	return renderSVG([][]*plot.Plot{{p}}, vg.Points(720), vg.Points(float64(len(rows))*14+60), label)
}

func matrixPlot(rows, cols []string, z [][]float64) *plot.Plot {
	p := plot.New()
	sans(p)
	hm := plotter.NewHeatMap(grid{z: z}, twoPalette{})
	hm.Min, hm.Max = 0, 1
	p.Add(hm)
	n := len(rows)
	names := make([]string, n)
	for i, r := range rows {
		names[n-1-i] = chartLabel(r, 48)
	}
	p.NominalY(names...)
	cn := make([]string, len(cols))
	for i, c := range cols {
		cn[i] = chartLabel(c, 20)
	}
	p.NominalX(cn...)
	p.X.Min, p.X.Max = -0.5, float64(len(cols))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	return p
}

func voicesChart(ev *coverage.Event, outlets []string, draw bool) (chartView, error) {
	c := chartView{ID: "chart-voices-" + anchorSafe(ev.ID), Title: "Who speaks, by side (" + ev.ID + ")",
		Caption: "Quotes and paraphrases per outlet, by the side the source speaks for (its actor in the gazetteer, or a party named with it); unnamed and unplaced sources are \"no side\"."}
	// Sides by total count, then name; the tail pooled as "other".
	total := map[string]int{}
	for _, o := range ev.Outlets {
		for _, v := range o.Voices {
			total[sideOf(v)] += v.Quotes + v.Reported
		}
	}
	sides := sortedKeys(total)
	sort.SliceStable(sides, func(a, b int) bool { return total[sides[a]] > total[sides[b]] })
	if len(sides) > maxSides {
		sides = append(sides[:maxSides-1], "other")
	}
	idx := map[string]int{}
	for i, s := range sides {
		idx[s] = i
	}
	values := make([][]float64, len(sides))
	for k := range values {
		values[k] = make([]float64, len(outlets))
	}
	c.Table.Head = []string{"outlet", "voice", "kind", "side", "quotes", "paraphrases", "share"}
	for i, o := range ev.Outlets {
		for _, v := range o.Voices {
			k, ok := idx[sideOf(v)]
			if !ok {
				k = idx["other"]
			}
			values[k][i] += float64(v.Quotes + v.Reported)
			c.Table.Rows = append(c.Table.Rows, []string{o.Outlet, v.Name, v.Kind, sideOf(v), strconv.Itoa(v.Quotes), strconv.Itoa(v.Reported), f3(v.Share)})
		}
	}
	for i, s := range sides {
		c.Legend = append(c.Legend, legendItem{Class: "c" + strconv.Itoa(i%len(seriesColors)), Label: s})
	}
	if len(c.Table.Rows) == 0 {
		c.Empty = "No outlet quotes or paraphrases anyone."
		return c, nil
	}
	if draw {
		var err error
		if c.SVG, err = chartStacked(outlets, sides, values, seriesColors, "quotes and paraphrases", 0, c.Title); err != nil {
			return c, err
		}
	}
	return c, nil
}

func sideOf(v coverage.Voice) string {
	if v.Side == "" {
		return "no side"
	}
	return v.Side
}

// anchorSafe keeps letters, digits and dashes for an HTML id.
func anchorSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// writeCoverageMarkdown writes the coverage section as Markdown (the
// charts as their tables); nothing when there is no coverage report.
func writeCoverageMarkdown(w io.Writer, cv *coverageView) {
	if cv == nil {
		return
	}
	fmt.Fprintf(w, "## Same-event coverage\n\n%d event(s): what each outlet carries of the event's content units, what it alone carries, what most other outlets carry and it leaves out, and who it lets speak.\n\n", cv.Events)
	mdTable(w, cv.Summary.Head, cv.Summary.Rows, func(i int) bool { return i > 2 })
	if len(cv.Duplicates.Rows) > 0 {
		fmt.Fprintf(w, "### Near-duplicates\n\n")
		mdTable(w, cv.Duplicates.Head, cv.Duplicates.Rows, nil)
	}
	for _, ev := range cv.Detail {
		fmt.Fprintf(w, "### Event %s (%s)\n\n", md(ev.ID), md(ev.Method))
		mdTable(w, ev.Outlets.Head, ev.Outlets.Rows, func(i int) bool { return i > 0 })
		for _, ch := range []chartView{ev.Matrix, ev.Voices} {
			fmt.Fprintf(w, "#### %s\n\n%s\n\n", md(ch.Title), md(ch.Caption))
			if len(ch.Table.Rows) == 0 {
				fmt.Fprintf(w, "%s\n\n", md(ch.Empty))
				continue
			}
			mdTable(w, ch.Table.Head, ch.Table.Rows, nil)
		}
		fmt.Fprintf(w, "#### Omissions\n\n")
		for _, ol := range ev.Omissions {
			fmt.Fprintf(w, "%s omits %d units most other outlets carry", md(ol.Outlet), len(ol.Items)+ol.More)
			if ol.More > 0 {
				fmt.Fprintf(w, " (the first %d listed)", len(ol.Items))
			}
			fmt.Fprintf(w, ":\n\n")
			for _, it := range ol.Items {
				fmt.Fprintf(w, "- [%s] **%s**, carried by %s; %s: “%s”\n", md(it.Kind), md(it.Text), md(it.Outlets), md(it.CarriedBy), md(it.Carried))
			}
			fmt.Fprintln(w)
		}
	}
	if cv.Omitted > 0 {
		fmt.Fprintf(w, "%d more events are in the summary table only.\n\n", cv.Omitted)
	}
}

// coverageCSS colours the matrix legend like the chart.
var coverageCSS = fmt.Sprintf(".cov0 { background: %s; } .cov1 { background: %s; }\n", coverageColors[0], coverageColors[1])

// coverageTemplate renders the section; the page calls it when a coverage
// report is given.
var _ = template.Must(page.New("coverage").Parse(`<section id="coverage">
<h2>Same-event coverage</h2>
<p>{{.Events}} event(s). For each event: what each outlet carries of the event's content units (claims aligned across outlets, figures, dates, quotes, sources, actors), what it alone carries, what most other outlets carry and it leaves out, and who it lets speak.</p>
{{template "table" .Summary}}
{{if .Duplicates.Rows}}<h3>Near-duplicates</h3>{{template "table" .Duplicates}}{{end}}
{{range .Detail}}
<h3>Event {{.ID}} ({{.Method}})</h3>
{{template "table" .Articles}}
{{template "table" .Outlets}}
{{template "covchart" .Matrix}}
{{template "covchart" .Voices}}
<h4>Omissions</h4>
{{range .Omissions}}<details><summary>{{.Outlet}}: {{len .Items}}{{if .More}} (+{{.More}}){{end}} units most other outlets carry</summary>
<ul>{{range .Items}}<li>[{{.Kind}}] <b>{{.Text}}</b> — carried by {{.Outlets}}; {{.CarriedBy}}: “{{.Carried}}”</li>{{end}}</ul>
</details>
{{end}}
{{end}}
{{if .Omitted}}<p class="note">{{.Omitted}} more events are in the summary table only (slant coverage --format json lists them all).</p>{{end}}
</section>
{{define "covchart"}}<figure class="chart" id="{{.ID}}">
<figcaption>{{.Title}}</figcaption>
{{if .SVG}}{{.SVG}}{{else}}<p class="note">{{.Empty}}</p>{{end}}
{{if .Legend}}<ul class="legend">{{range .Legend}}<li><span class="sw {{.Class}}"></span>{{.Label}}</li>{{end}}</ul>{{end}}
<p class="note">{{.Caption}}</p>
{{if .Table.Rows}}<details><summary>Data</summary>{{template "table" .Table}}</details>{{end}}
</figure>{{end}}`))
