package report

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// seriesColors is a qualitative palette (Okabe–Ito, then Tol's muted
// colours) for series in stacked bars; the last is "other".
var seriesColors = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288", "#44AA99", "#882255", "#117733", "#999999"}

// scoreColors colour sentence scores in ten buckets of 0.1, light to dark.
var scoreColors = []string{"#f7f4f0", "#fde7cf", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704", "#4a1400"}

// Colours of the target and the reference in comparison charts.
const (
	targetColor    = "#D55E00"
	referenceColor = "#0072B2"
)

func hexColor(s string) color.Color {
	var r, g, b uint8
	fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b)
	return color.RGBA{R: r, G: g, B: b, A: 255}
}

// scoreBucket maps a score in [0, 1] to one of the ten colour buckets.
func scoreBucket(s float64) int {
	b := int(math.Floor(s * 10))
	return max(0, min(9, b))
}

// chartLabel makes a string safe and short for a chart: control and format
// characters dropped, white space collapsed, at most n runes (with an
// ellipsis). The SVG backend escapes text and sanitizeSVG checks the
// result; this keeps labels readable and the XML well-formed.
func chartLabel(s string, n int) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case !unicode.IsPrint(r) || r == utf8.RuneError:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if utf8.RuneCountInString(out) > n {
		rs := []rune(out)
		out = strings.TrimSpace(string(rs[:n-1])) + "…"
	}
	if out == "" {
		out = "(blank)"
	}
	return out
}

// sans sets every text style of p to Liberation Sans (the page's CSS maps
// it to Arial, metric-compatible, or any sans-serif).
func sans(p *plot.Plot) {
	for _, st := range []*draw.TextStyle{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		st.Font.Variant = "Sans"
	}
	p.Title.TextStyle.Font.Size = vg.Points(11)
	p.X.Label.TextStyle.Font.Size = vg.Points(9)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(9)
}

// renderSVG draws plots in a grid of rows × cols tiles on one canvas of
// w × h points and returns the sanitized SVG.
func renderSVG(plots [][]*plot.Plot, w, h vg.Length, label string) (template.HTML, error) {
	c := vgsvg.New(w, h)
	dc := draw.New(c)
	rows, cols := len(plots), len(plots[0])
	if rows == 1 && cols == 1 {
		plots[0][0].Draw(dc)
	} else {
		t := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(18), PadY: vg.Points(12), PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8)}
		canvases := plot.Align(plots, t, dc)
		for j := range plots {
			for i := range plots[j] {
				if plots[j][i] != nil {
					plots[j][i].Draw(canvases[j][i])
				}
			}
		}
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("report: writing chart %q: %w", label, err)
	}
	return sanitizeSVG(buf.Bytes(), label)
}

// vgrid returns vertical grid lines only.
func vgrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Horizontal.Color = nil
	g.Vertical.Color = color.Gray{Y: 225}
	return g
}

// intTicks marks 1 and every multiple of a round step up to n.
func intTicks(n int) plot.ConstantTicks {
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		step = s
		if n/s <= 12 {
			break
		}
	}
	ticks := plot.ConstantTicks{{Value: 1, Label: "1"}}
	for v := step; v <= n; v += step {
		if v > 1 {
			ticks = append(ticks, plot.Tick{Value: float64(v), Label: strconv.Itoa(v)})
		}
	}
	return ticks
}

// pointCI is a mean with its interval (NaN bounds: no interval).
type pointCI struct {
	Label        string
	Mean, Lo, Hi float64
	N            float64
}

// panelCI is one panel of the measures chart.
type panelCI struct {
	Title  string
	Points []pointCI
}

// whiskers are the intervals of a panel, at the rows of their points.
type whiskers struct {
	xys  plotter.XYs
	errs plotter.XErrors
}

func (w whiskers) Len() int                        { return len(w.xys) }
func (w whiskers) XY(i int) (float64, float64)     { return w.xys[i].X, w.xys[i].Y }
func (w whiskers) XError(i int) (float64, float64) { return w.errs[i].Low, w.errs[i].High }

// chartMeasures draws each panel's means as points, top to bottom in the
// given order, with whiskers for the intervals that exist; panels fill a
// grid two wide.
func chartMeasures(panels []panelCI, label string) (template.HTML, error) {
	const cols = 2
	rows := (len(panels) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for j := range grid {
		grid[j] = make([]*plot.Plot, cols)
	}
	n := 0
	for k, pn := range panels {
		p := plot.New()
		sans(p)
		p.Title.Text = pn.Title
		n = max(n, len(pn.Points))
		m := len(pn.Points)
		names := make([]string, m)
		pts := make(plotter.XYs, m)
		var wk whiskers
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, pt := range pn.Points {
			row := float64(m - 1 - i) // the first point on top
			names[m-1-i] = chartLabel(pt.Label, 24)
			pts[i].X, pts[i].Y = pt.Mean, row
			lo, hi = math.Min(lo, pt.Mean), math.Max(hi, pt.Mean)
			if !math.IsNaN(pt.Lo) && !math.IsNaN(pt.Hi) {
				wk.xys = append(wk.xys, plotter.XY{X: pt.Mean, Y: row})
				wk.errs = append(wk.errs, struct{ Low, High float64 }{pt.Mean - pt.Lo, pt.Hi - pt.Mean})
				lo, hi = math.Min(lo, pt.Lo), math.Max(hi, pt.Hi)
			}
		}
		p.Add(vgrid())
		if len(wk.xys) > 0 {
			eb, err := plotter.NewXErrorBars(wk)
			if err != nil {
				return "", fmt.Errorf("report: chart %q: %w", label, err)
			}
			eb.LineStyle.Color = hexColor(referenceColor)
			eb.LineStyle.Width = vg.Points(1.2)
			eb.CapWidth = vg.Points(6)
			p.Add(eb)
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return "", fmt.Errorf("report: chart %q: %w", label, err)
		}
		sc.GlyphStyle.Radius = vg.Points(3.5)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		sc.GlyphStyle.Color = hexColor(targetColor)
		p.Add(sc)
		if m > 0 {
			p.NominalY(names...)
		}
		if lo > hi {
			lo, hi = 0, 1
		}
		if lo > 0 {
			lo = 0
		}
		pad := (hi - lo) * 0.06
		if pad == 0 {
			pad = 0.05
		}
		p.X.Min, p.X.Max = lo, hi+pad
		if lo < 0 {
			p.X.Min = lo - pad
		}
		p.Y.Min, p.Y.Max = -0.6, float64(m)-0.4
		grid[k/cols][k%cols] = p
	}
	w := vg.Points(720)
	h := vg.Points(float64(rows) * (float64(n)*20 + 70))
	return renderSVG(grid, w, h, label)
}

// chartStacked draws horizontal stacked bars: one bar per row (the first on
// top), one segment per series, coloured in series order.
func chartStacked(rows, series []string, values [][]float64, colors []string, xlabel string, xmax float64, label string) (template.HTML, error) {
	p := plot.New()
	sans(p)
	p.X.Label.Text = xlabel
	n := len(rows)
	names := make([]string, n)
	for i, r := range rows {
		names[n-1-i] = chartLabel(r, 28)
	}
	p.Add(vgrid())
	var prev *plotter.BarChart
	total := make([]float64, n)
	for k := range series {
		vs := make(plotter.Values, n)
		for i := range rows {
			vs[n-1-i] = values[k][i]
			total[i] += values[k][i]
		}
		b, err := plotter.NewBarChart(vs, vg.Points(14))
		if err != nil {
			return "", fmt.Errorf("report: chart %q: %w", label, err)
		}
		b.Horizontal = true
		b.Color = hexColor(colors[k%len(colors)])
		b.LineStyle.Width = 0
		if prev != nil {
			b.StackOn(prev)
		}
		p.Add(b)
		prev = b
	}
	if n > 0 {
		p.NominalY(names...)
	}
	p.X.Min = 0
	if xmax <= 0 {
		for _, t := range total {
			xmax = math.Max(xmax, t)
		}
		if xmax == 0 {
			xmax = 1
		}
		xmax *= 1.05
	}
	p.X.Max = xmax
	p.Y.Min, p.Y.Max = -0.7, float64(n)-0.3
	return renderSVG([][]*plot.Plot{{p}}, vg.Points(720), vg.Points(float64(n)*24+60), label)
}

// strip is the sentence-score grid: rows are articles, columns sentences,
// values are colour buckets (NaN past an article's last sentence).
type strip struct{ z [][]float64 }

func (s strip) Dims() (c, r int) {
	for _, row := range s.z {
		c = max(c, len(row))
	}
	return c, len(s.z)
}
func (s strip) Z(c, r int) float64 {
	row := s.z[len(s.z)-1-r] // the first article on top
	if c < len(row) {
		return float64(scoreBucket(row[c]))
	}
	return math.NaN()
}
func (s strip) X(c int) float64 { return float64(c + 1) }
func (s strip) Y(r int) float64 { return float64(r) }

type bucketPalette struct{}

func (bucketPalette) Colors() []color.Color {
	cs := make([]color.Color, len(scoreColors))
	for i, h := range scoreColors {
		cs[i] = hexColor(h)
	}
	return cs
}

// chartStrip draws one strip of sentence scores per article.
func chartStrip(rows []string, scores [][]float64, label string) (template.HTML, error) {
	p := plot.New()
	sans(p)
	p.X.Label.Text = "sentence (title = 1)"
	n := len(rows)
	s := strip{z: scores}
	cols, _ := s.Dims()
	if n == 0 || cols == 0 {
		return "", nil
	}
	hm := plotter.NewHeatMap(s, bucketPalette{})
	hm.Min, hm.Max = 0, float64(len(scoreColors)-1)
	p.Add(hm)
	names := make([]string, n)
	for i, r := range rows {
		names[n-1-i] = chartLabel(r, 30)
	}
	p.NominalY(names...)
	p.X.Min, p.X.Max = 0.5, float64(cols)+0.5
	p.X.Tick.Marker = intTicks(cols)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	return renderSVG([][]*plot.Plot{{p}}, vg.Points(720), vg.Points(float64(n)*16+56), label)
}

// chartTerms draws signed z scores as horizontal bars, the first term on
// top: positive in the target's colour, negative in the reference's.
func chartTerms(terms []string, z []float64, xlabel, label string) (template.HTML, error) {
	n := len(terms)
	if n == 0 {
		return "", nil
	}
	p := plot.New()
	sans(p)
	p.X.Label.Text = xlabel
	pos, neg := make(plotter.Values, n), make(plotter.Values, n)
	names := make([]string, n)
	lim := 0.0
	p.Add(vgrid())
	for i := range terms {
		names[n-1-i] = chartLabel(terms[i], 24)
		if z[i] >= 0 {
			pos[n-1-i] = z[i]
		} else {
			neg[n-1-i] = z[i]
		}
		lim = math.Max(lim, math.Abs(z[i]))
	}
	for k, vs := range []plotter.Values{pos, neg} {
		b, err := plotter.NewBarChart(vs, vg.Points(10))
		if err != nil {
			return "", fmt.Errorf("report: chart %q: %w", label, err)
		}
		b.Horizontal = true
		b.LineStyle.Width = 0
		b.Color = hexColor(targetColor)
		if k == 1 {
			b.Color = hexColor(referenceColor)
		}
		p.Add(b)
	}
	p.NominalY(names...)
	if lim == 0 {
		lim = 1
	}
	p.X.Min, p.X.Max = -lim*1.05, lim*1.05
	p.Y.Min, p.Y.Max = -0.7, float64(n)-0.3
	return renderSVG([][]*plot.Plot{{p}}, vg.Points(720), vg.Points(float64(n)*14+60), label)
}
