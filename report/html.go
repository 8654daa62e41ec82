package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"strings"
)

//go:embed assets/report.html.tmpl
var htmlTemplate string

//go:embed assets/style.css
var styleSheet string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
	// brk lets long snake_case names wrap after their underscores.
	"brk": func(s string) string { return strings.ReplaceAll(s, "_", "_\u200b") },
}).Parse(htmlTemplate))

// css is the style sheet with the chart palettes' classes appended, so the
// HTML legends match the SVG colours.
var css = func() template.CSS {
	var b strings.Builder
	b.WriteString(styleSheet)
	for i, c := range seriesColors {
		fmt.Fprintf(&b, ".c%d { background: %s; }\n", i, c)
	}
	for i, c := range scoreColors {
		fg := "#1d232a"
		if i >= 6 {
			fg = "#ffffff"
		}
		fmt.Fprintf(&b, ".s%d { background: %s; color: %s; }\n", i, c, fg)
	}
	fmt.Fprintf(&b, ".tgt { background: %s; } .ref { background: %s; }\n", targetColor, referenceColor)
	b.WriteString(coverageCSS)
	return template.CSS(b.String())
}()

// HTML writes the report as one self-contained HTML page: inline CSS and
// inline SVG charts, no script, nothing loaded from elsewhere (a
// Content-Security-Policy forbids it). Every string from the data is
// escaped by html/template; charts are sanitized SVG (see the package
// documentation).
func HTML(w io.Writer, d *Data) error {
	v, err := build(d, true)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := page.Execute(bw, struct {
		*view
		CSS template.CSS
	}{v, css}); err != nil {
		return fmt.Errorf("report: rendering HTML: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	return nil
}
