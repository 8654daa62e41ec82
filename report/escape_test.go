package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	xhtml "golang.org/x/net/html"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

const (
	scriptTag = `<script>alert(1)</script>`
	imgTag    = `"><img src=x onerror=alert(1)>`
	jsURL     = `javascript:alert(document.cookie)`
)

// hostileData is a corpus whose outlets, titles, IDs, metadata and text
// carry markup, and whose text has loaded language next to it (so that it
// is highlighted, quoted in the concordance and charted).
func hostileData(t *testing.T) *Data {
	t.Helper()
	body := "The regime's so-called reforms are a sham " + scriptTag + ".\n\n" +
		"Critics say the brutal crackdown " + imgTag + " is a genocide, " + jsURL + ".\n\n" +
		"“" + scriptTag + " is a disgrace,” the minister said of the " + imgTag + " puppet regime.\n"
	calm := "The minister said the talks would continue on Thursday, officials said.\n\n" +
		"Ministers met in Paris to discuss the plan " + scriptTag + ", according to a statement.\n"
	arts := []*corpus.Article{
		{ID: "evil-1 " + imgTag, Outlet: scriptTag, Title: "Title " + scriptTag + imgTag, Text: body, Meta: map[string]string{"side": imgTag}},
		{ID: "evil-2 " + scriptTag, Outlet: imgTag, Title: jsURL, Text: calm},
		{ID: "evil-3", Outlet: jsURL, Title: "A " + imgTag, Text: body + "\n" + calm},
	}
	seq := func(yield func(*corpus.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataFor(an, seq, imgTag)
	if err != nil {
		t.Fatal(err)
	}
	d.Title = "Report " + scriptTag
	d.Command = "slant report --reference '" + imgTag + "'"
	d.Version = jsURL
	d.Corpus.Skipped = []Skip{{ID: scriptTag, Location: imgTag, Reason: jsURL}}
	return d
}

// allowedTags are the only elements the report may contain.
var allowedTags = []string{"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav", "section", "article",
	"details", "summary", "figure", "figcaption", "h1", "h2", "h3", "h4", "p", "ol", "ul", "li", "table", "tr", "th", "td",
	"tbody", "a", "span", "mark", "code", "b", "small", "sub", "br", "div", "svg", "g", "path", "text"}

// checkDOM parses a page as a browser would and fails on any element
// outside allowedTags, any event-handler attribute, and any link that is
// not to an anchor of the page.
func checkDOM(t *testing.T, page []byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			if !slices.Contains(allowedTags, n.Data) {
				t.Errorf("element <%s> in the page", n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(k, "on"):
					t.Errorf("event handler %s=%q on <%s>", a.Key, a.Val, n.Data)
				case k == "href" || k == "src" || k == "xlink:href" || a.Namespace != "":
					if k != "href" || !strings.HasPrefix(a.Val, "#") || strings.ContainsAny(a.Val, ":<>\"'") {
						t.Errorf("link %s=%q on <%s>", a.Key, a.Val, n.Data)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestHostileInputHTML(t *testing.T) {
	d := hostileData(t)
	var buf bytes.Buffer
	if err := HTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	low := strings.ToLower(string(page))
	for _, bad := range []string{"<script", "<img", "onerror=alert(1)>", `href="javascript`, "<a href=\"j"} {
		if strings.Contains(low, bad) {
			i := strings.Index(low, bad)
			t.Errorf("page contains %q: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
		}
	}
	checkDOM(t, page)
	// The text is there, escaped: in the tables, the highlighted articles,
	// the concordance and the charts.
	s := string(page)
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
		"javascript:alert(document.cookie)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks the escaped text %q", want)
		}
	}
	svgs := 0
	for rest := s; ; {
		i := strings.Index(rest, "<svg")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</svg>")
		svg := rest[i : i+j]
		if strings.Contains(svg, "&lt;script&gt;") || strings.Contains(svg, "&lt;img") {
			svgs++
		}
		rest = rest[i+j:]
	}
	if svgs < 3 {
		t.Errorf("%d charts show the hostile outlet names (escaped), want at least 3", svgs)
	}
	if !strings.Contains(s, `<mark class="m-loaded`) {
		t.Error("no highlighted evidence in the hostile article")
	}
}

func TestHostileInputMarkdownAndCSV(t *testing.T) {
	d := hostileData(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	low := strings.ToLower(buf.String())
	for _, bad := range []string{"<script", "<img"} {
		if strings.Contains(low, bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
	if !strings.Contains(buf.String(), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("Markdown lacks the escaped outlet")
	}
	// CSV keeps the text as it is (quoted by encoding/csv) and reads back.
	dir := t.TempDir()
	if _, err := CSV(dir, d); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(dir, ArticlesCSV))
	if rows[1][1] != scriptTag || rows[1][0] != "evil-1 "+imgTag {
		t.Errorf("articles.csv row %q", rows[1][:2])
	}
}

// TestGonumEscapesText checks the premise the sanitizer double-checks:
// gonum's SVG backend escapes the text it draws.
func TestGonumEscapesText(t *testing.T) {
	p := plot.New()
	p.Title.Text = scriptTag + imgTag
	p.X.Label.Text = "a & b"
	p.NominalY(imgTag, scriptTag)
	c, err := p.WriterTo(4*vg.Inch, 3*vg.Inch, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if strings.Contains(raw, "<script") || strings.Contains(raw, "<img") || !strings.Contains(raw, "&lt;script&gt;") || !strings.Contains(raw, "a &amp; b") {
		t.Fatalf("gonum SVG does not escape text:\n%s", raw)
	}
	out, err := sanitizeSVG(buf.Bytes(), "test "+scriptTag)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "<script") || strings.Contains(string(out), "<img") || !strings.Contains(string(out), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatalf("sanitized SVG:\n%s", out)
	}
	if strings.Contains(string(out), "<?xml") || strings.Contains(string(out), "<!--") {
		t.Error("sanitized SVG keeps the XML declaration or a comment")
	}
}

func TestSanitizeSVGRefuses(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`
	for name, in := range map[string]string{
		"script":        open + `<script>alert(1)</script></svg>`,
		"image":         open + `<image href="x"/></svg>`,
		"foreignObject": open + `<foreignObject><div/></foreignObject></svg>`,
		"anchor":        open + `<a href="javascript:alert(1)"><text>x</text></a></svg>`,
		"onload":        `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`,
		"style url":     open + `<path d="M0 0" style="fill:url(http://x/y)"/></svg>`,
		"quote":         open + `<path d="M0 0&quot; onmouseover=&quot;alert(1)"/></svg>`,
		"style element": open + `<style>text{}</style></svg>`,
		"other ns":      `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`,
		"nested svg":    open + `<svg></svg></svg>`,
		"two roots":     open + `</svg>` + open + `</svg>`,
		"stray text":    open + `<g>hello</g></svg>`,
		"not xml":       open + `<text>x</svg>`,
		"empty":         ``,
	} {
		if out, err := sanitizeSVG([]byte(in), "x"); err == nil || !errors.Is(err, errUnsafeSVG) {
			t.Errorf("%s: accepted (%q, %v)", name, out, err)
		}
	}
	out, err := sanitizeSVG([]byte(`<?xml version="1.0"?><!-- c -->`+open+`<g transform="scale(1, -1)"><text x="1" y="2">&lt;b&gt; &amp; &#34;</text></g></svg>`), `a "label"`)
	if err != nil {
		t.Fatal(err)
	}
	want := `<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="a &#34;label&#34;"><g transform="scale(1, -1)"><text x="1" y="2">&lt;b&gt; &amp; &#34;</text></g>` + "\n</svg>\n"
	if string(out) != want {
		t.Errorf("sanitized:\n%s\nwant:\n%s", out, want)
	}
}

// TestReportFileIsSelfContained renders a report to a file and checks it names
// no resource to fetch (the CSP forbids it too).
func TestReportFileIsSelfContained(t *testing.T) {
	d := mustSeedData(t)
	p := filepath.Join(t.TempDir(), "r.html")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := HTML(f, d); err != nil {
		t.Fatal(err)
	}
	f.Close()
	page, _ := os.ReadFile(p)
	checkDOM(t, page)
	if !bytes.Contains(page, []byte(`content="default-src 'none'; style-src 'unsafe-inline'"`)) {
		t.Error("no Content-Security-Policy")
	}
}
