package corpus

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// htmlExpected is a page's sidecar file (testdata/html/NAME.expected.json):
// what a reader of the page sees as the article, and the page furniture
// that must not be taken for it.
type htmlExpected struct {
	Title     string   `json:"title"`
	Published string   `json:"published"` // YYYY-MM-DD
	SiteName  string   `json:"site_name"` // "" when the page names none
	Body      []string `json:"body"`      // paragraphs, headings, list items
	Furniture []string `json:"furniture"` // strings that must not be in Text
}

// htmlKnownLeaks is the furniture the chosen extractor (go-trafilatura,
// configured as in html.go) is measured to let through on each page; see
// HTML_EXTRACTORS.md. The furniture cleaner runs after extraction and is
// the place to catch these. The test fails when a page leaks anything else,
// and also when a listed leak disappears, so that the recorded figures stay
// true.
var htmlKnownLeaks = map[string][]string{
	// A table layout: the article's table cell also holds the sidebar
	// cell's neighbours and the footer row; trafilatura keeps the sidebar
	// and footer text (comments are dropped).
	"cup-final": {"Latest scores", "Brindle 1 Castle Vale 1", "ADVERTISEMENT", "Bet responsibly", "Reproduction without permission prohibited"},
	// A supporter appeal between the last body paragraph and the comments,
	// in the same column as the body.
	"waiting-lists": {"is free to read", "consider becoming a supporter"},
}

func loadHTMLExpected(t *testing.T, htmlPath string) htmlExpected {
	t.Helper()
	data, err := os.ReadFile(strings.TrimSuffix(htmlPath, ".html") + ".expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var e htmlExpected
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("%s: %v", htmlPath, err)
	}
	if len(e.Body) == 0 || len(e.Furniture) == 0 || e.Title == "" {
		t.Fatalf("%s: sidecar needs title, body and furniture", htmlPath)
	}
	return e
}

// checkHTMLText asserts the shape every extracted Text has: valid UTF-8,
// blocks separated by exactly one blank line, no blank or padded lines, no
// control characters, no markup that could run.
func checkHTMLText(t *testing.T, name, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("%s: text is not valid UTF-8", name)
	}
	if text == "" {
		return
	}
	for i, block := range strings.Split(text, "\n\n") {
		if block == "" || strings.Contains(block, "\n") || strings.TrimSpace(block) != block || strings.Contains(block, "  ") {
			t.Errorf("%s: block %d is not one clean line: %q", name, i, block)
		}
		for _, r := range block {
			if r < 0x20 || r == 0x7f {
				t.Errorf("%s: block %d has control character %U", name, i, r)
				break
			}
		}
	}
}

// TestReadHTMLPages reads every hand-made page in testdata/html and checks
// it against its sidecar: every expected body paragraph present as a line
// of its own, no furniture beyond the measured leaks, the headline as
// title, the publication date, the site name. With -v it prints the
// figures recorded in HTML_EXTRACTORS.md:
//
//	go test ./corpus -run TestReadHTMLPages -v
func TestReadHTMLPages(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 5 {
		t.Fatalf("want at least 5 pages in testdata/html, have %d", len(pages))
	}
	var table strings.Builder
	table.WriteString("| page | body paragraphs found | as own line | furniture leaked | title | date | site name |\n|---|---|---|---|---|---|---|\n")
	var sumFound, sumLine, sumBody, sumLeak, sumFurn, sumTitle, sumDate, sumSite, sumSiteWant int
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		e := loadHTMLExpected(t, p)
		a, err := ReadHTML(p, Limits{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.ID != filepath.Base(p) || a.Location != p {
			t.Errorf("%s: ID %q, Location %q", name, a.ID, a.Location)
		}
		checkHTMLText(t, name, a.Text)
		lines := map[string]bool{}
		for _, l := range strings.Split(a.Text, "\n\n") {
			lines[l] = true
		}
		found, asLine := 0, 0
		for _, b := range e.Body {
			if strings.Contains(a.Text, b) {
				found++
			}
			if lines[b] {
				asLine++
			} else {
				t.Errorf("%s: body paragraph not found as a line of its own: %q", name, b)
			}
		}
		var leaked []string
		for _, f := range e.Furniture {
			if strings.Contains(a.Text, f) {
				leaked = append(leaked, f)
			}
		}
		if want := htmlKnownLeaks[name]; !slices.Equal(leaked, want) {
			t.Errorf("%s: furniture leaked %q, measured %q (update htmlKnownLeaks and HTML_EXTRACTORS.md if the extractor changed)", name, leaked, want)
		}
		if strings.Contains(a.Text, "<script") || strings.Contains(a.Text, "function(") {
			t.Errorf("%s: script in text", name)
		}
		titleOK := a.Title == e.Title
		if !titleOK {
			t.Errorf("%s: title %q, want %q", name, a.Title, e.Title)
		}
		dateOK := !a.Published.IsZero() && a.Published.Format("2006-01-02") == e.Published
		if !dateOK {
			t.Errorf("%s: published %v, want %s", name, a.Published, e.Published)
		}
		site := "-"
		if e.SiteName != "" {
			sumSiteWant++
			site = fmt.Sprint(a.Outlet == e.SiteName)
			if a.Outlet == e.SiteName {
				sumSite++
			} else {
				t.Errorf("%s: outlet %q, want %q", name, a.Outlet, e.SiteName)
			}
		}
		// ExtractHTML on the same bytes agrees with ReadHTML.
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pg, err := ExtractHTML(bytes.NewReader(raw), "https://news.example/"+name)
		if err != nil || pg.Text != a.Text || pg.Title != a.Title || !pg.Published.Equal(a.Published) {
			t.Errorf("%s: ExtractHTML disagrees with ReadHTML (err %v)", name, err)
		}
		if pg.URL != "https://news.example/"+name {
			t.Errorf("%s: ExtractHTML URL %q, want the pageURL given", name, pg.URL)
		}
		fmt.Fprintf(&table, "| %s | %d/%d | %d/%d | %d/%d | %v | %v | %s |\n", name, found, len(e.Body), asLine, len(e.Body), len(leaked), len(e.Furniture), titleOK, dateOK, site)
		sumFound += found
		sumLine += asLine
		sumBody += len(e.Body)
		sumLeak += len(leaked)
		sumFurn += len(e.Furniture)
		if titleOK {
			sumTitle++
		}
		if dateOK {
			sumDate++
		}
	}
	fmt.Fprintf(&table, "| **all %d** | %d/%d | %d/%d | %d/%d | %d/%d | %d/%d | %d/%d |\n", len(pages), sumFound, sumBody, sumLine, sumBody, sumLeak, sumFurn, sumTitle, len(pages), sumDate, len(pages), sumSite, sumSiteWant)
	t.Logf("go-trafilatura as configured in html.go:\n%s", table.String())
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func wantSkip(t *testing.T, err error, p, reasonPart string) {
	t.Helper()
	s, ok := AsSkip(err)
	if !ok {
		t.Fatalf("%s: want a *SkipError, got %v", p, err)
	}
	if s.Location != p || s.ID != filepath.Base(p) {
		t.Errorf("skip names %q (%q), want %q", s.Location, s.ID, p)
	}
	if !strings.Contains(s.Reason, reasonPart) {
		t.Errorf("skip reason %q does not say %q", s.Reason, reasonPart)
	}
	if !strings.Contains(err.Error(), filepath.Base(p)) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestReadHTMLNoArticleIsSkipped(t *testing.T) {
	pages := map[string]string{
		// A single-page-app shell: nothing but a mount point and scripts.
		"app-shell.html": `<!doctype html><html><head><title>Loading…</title>
<script>window.__STATE__ = {"story": "<p>Not rendered here</p>"};</script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>
<script src="/static/bundle.js"></script></body></html>`,
		// A section front: navigation, headlines as links, footer.
		"section-front.html": `<!doctype html><html><head><title>World news - The Ledger Post</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/uk">UK</a></nav>
<ul class="headlines">
<li><a href="/1">Storm batters coast as thousands evacuate</a></li>
<li><a href="/2">Mayor resigns after expenses inquiry</a></li>
<li><a href="/3">Talks resume on border crossing deal</a></li>
<li><a href="/4">Flooding closes main rail line north</a></li>
</ul>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`,
		// Nothing at all.
		"blank.html": "  \n\t\n",
	}
	for name, src := range pages {
		p := writeTemp(t, name, []byte(src))
		a, err := ReadHTML(p, Limits{})
		if a != nil {
			t.Errorf("%s: got an article: %q", name, a.Text)
		}
		if name == "blank.html" {
			wantSkip(t, err, p, "empty")
		} else {
			wantSkip(t, err, p, "no article text")
		}
	}
}

func TestReadHTMLRepairsInvalidUTF8(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "html", "rates-hold.html"))
	if err != nil {
		t.Fatal(err)
	}
	const at = "unchanged at 4.25% on Wednesday"
	if !bytes.Contains(raw, []byte(at)) {
		t.Fatal("fixture changed")
	}
	// Two stray bytes (a Latin-1 é and a lone continuation byte) inside a
	// page that declares UTF-8.
	raw = bytes.Replace(raw, []byte(at), []byte("unchanged at 4.25%\xe9 on\x80 Wednesday"), 1)
	p := writeTemp(t, "broken.html", raw)
	a, err := ReadHTML(p, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Repaired != 2 {
		t.Errorf("Repaired = %d, want 2", a.Repaired)
	}
	if !utf8.ValidString(a.Text) || !strings.Contains(a.Text, "unchanged at 4.25%\uFFFD on\uFFFD Wednesday") {
		t.Errorf("text not repaired in place:\n%s", a.Text)
	}
	// ExtractHTML repairs too.
	pg, err := ExtractHTML(bytes.NewReader(raw), "")
	if err != nil || !utf8.ValidString(pg.Text) || !strings.Contains(pg.Text, "\uFFFD") {
		t.Errorf("ExtractHTML: err %v, valid %v", err, utf8.ValidString(pg.Text))
	}
}

// legacyPage is an article in a charset other than UTF-8.
const legacyPage = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s">
<title>Caf%s owners fight eviction</title></head><body><nav><a href="/">Home</a></nav><article>
<h1>Caf%s owners fight eviction</h1>
<p>The owners of the Caf%s de la Gare, a fixture of the station square since 1962, went to court on Monday to fight an eviction notice served by the landlord.</p>
<p>More than 3,000 people have signed a petition asking the council to protect the building, which the owners say is the last independent caf%s in the town centre.</p>
</article><footer>Contact us</footer></body></html>`

func TestExtractHTMLDeclaredLegacyCharset(t *testing.T) {
	e := "\xe9" // é in windows-1252 and ISO-8859-1
	src := fmt.Sprintf(legacyPage, "windows-1252", e, e, e, e)
	p := writeTemp(t, "latin.html", []byte(src))
	a, err := ReadHTML(p, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Repaired != 0 || !strings.Contains(a.Text, "Café de la Gare") || a.Title != "Café owners fight eviction" {
		t.Errorf("windows-1252 page not decoded: repaired %d, title %q\n%s", a.Repaired, a.Title, a.Text)
	}
	// A page that declares a legacy charset but is in fact UTF-8 is read
	// as UTF-8.
	src = fmt.Sprintf(legacyPage, "iso-8859-1", "é", "é", "é", "é")
	pg, err := ExtractHTML(strings.NewReader(src), "")
	if err != nil || !strings.Contains(pg.Text, "Café de la Gare") {
		t.Errorf("mislabelled UTF-8 page: err %v\n%s", err, pg.Text)
	}
}

func TestExtractHTMLUTF16WithBOM(t *testing.T) {
	src := fmt.Sprintf(legacyPage, "utf-16", "é", "é", "é", "é")
	u := utf16.Encode([]rune(src))
	buf := []byte{0xff, 0xfe}
	for _, c := range u {
		buf = binary.LittleEndian.AppendUint16(buf, c)
	}
	p := writeTemp(t, "utf16.html", buf)
	a, err := ReadHTML(p, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Café de la Gare") {
		t.Errorf("UTF-16 page not decoded:\n%s", a.Text)
	}
}

func TestReadHTMLBinaryIsSkipped(t *testing.T) {
	// A PNG renamed .html: signature, IHDR chunk, then noise with NULs.
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
	for i := range 2000 {
		png = append(png, byte(i*7+i/13))
	}
	p := writeTemp(t, "image.html", png)
	a, err := ReadHTML(p, Limits{})
	if a != nil {
		t.Fatalf("binary file read as an article: %q", a.Text)
	}
	wantSkip(t, err, p, "binary")

	// Mostly control characters, no NUL.
	ctl := bytes.Repeat([]byte("\x01\x02\x03\x04<p>a</p>"), 200)
	p = writeTemp(t, "ctl.html", ctl)
	_, err = ReadHTML(p, Limits{})
	wantSkip(t, err, p, "binary")
}

func TestReadHTMLOversizedIsSkipped(t *testing.T) {
	p := filepath.Join("testdata", "html", "rates-hold.html")
	_, err := ReadHTML(p, Limits{MaxDocumentBytes: 1000})
	wantSkip(t, err, p, "over the 1000-byte limit")
}

func TestReadHTMLMissingFile(t *testing.T) {
	_, err := ReadHTML(filepath.Join(t.TempDir(), "nope.html"), Limits{})
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("want a wrapped not-exist error, got %v", err)
	}
	if _, ok := AsSkip(err); ok {
		t.Error("a missing file is an error, not a skip")
	}
}

func TestExtractHTMLReaderError(t *testing.T) {
	boom := errors.New("boom")
	_, err := ExtractHTML(iotest.ErrReader(boom), "")
	if !errors.Is(err, boom) {
		t.Fatalf("want the reader's error wrapped, got %v", err)
	}
}

// hostilePage tries every way markup could ride into the text.
const hostilePage = `<!doctype html><html><head><title>Bridge reopens after repairs</title>
<style>p { color: red } .x::after { content: "style secret" }</style>
<script>var secret = "script secret"; document.write("<p>written</p>");</script></head>
<body onload="alert('onload')"><article><h1>Bridge reopens after repairs</h1>
<p onclick="alert('onclick')" title="&quot;&gt;&lt;script&gt;alert('attr')&lt;/script&gt;">The Old Town bridge reopened to traffic on Monday after eight months of repairs to its <a href="javascript:alert('href')">cracked arches</a>, the council said.</p>
<script>alert('inline script secret')</script>
<p>Engineers found that water had seeped into the stonework<img src="x" onerror="alert('img')"> and frozen, widening cracks that were first reported by residents in 2022.</p>
<template><p>template secret</p></template>
<noscript><p>noscript secret</p></noscript>
<iframe srcdoc="&lt;p&gt;iframe secret&lt;/p&gt;"></iframe>
<svg><script>alert('svg script secret')</script><text>svg secret</text></svg>
<p>The council said the &lt;script&gt; tag in its press release was a publishing error, and that the bridge would be inspected every six months from now on.</p>
</article></body></html>`

func TestExtractHTMLHostileMarkupIsNotText(t *testing.T) {
	pg, err := ExtractHTML(strings.NewReader(hostilePage), "")
	if err != nil {
		t.Fatal(err)
	}
	checkHTMLText(t, "hostile", pg.Text)
	for _, bad := range []string{"secret", "alert(", "onclick", "onerror", "onload", "javascript:", "document.write", "written", "color: red"} {
		if strings.Contains(pg.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, pg.Text)
		}
	}
	for _, good := range []string{
		"The Old Town bridge reopened to traffic on Monday after eight months of repairs to its cracked arches, the council said.",
		"Engineers found that water had seeped into the stonework and frozen, widening cracks that were first reported by residents in 2022.",
		// Escaped markup is the article's own words: plain text, kept.
		"The council said the <script> tag in its press release was a publishing error",
	} {
		if !strings.Contains(pg.Text, good) {
			t.Errorf("text lost %q:\n%s", good, pg.Text)
		}
	}
}

func TestExtractHTMLShortDivSoupUsesFallback(t *testing.T) {
	// No <p>, no <article>, under trafilatura's 250-character threshold:
	// the precision pass finds nothing and the fallback pass finds the
	// story without the navigation around it.
	src := `<html><head><title>Dog show cancelled - Village Voice</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="main"><div class="hl">Dog show cancelled</div>
<div class="txt">This year's village dog show has been cancelled because of the weather.</div>
<div class="txt">Organisers hope to hold it in June instead.</div></div>
<div class="side"><a href="/a">Fete dates announced</a> <a href="/b">Pub quiz results</a></div>
<div class="foot">Copyright Village Voice</div></body></html>`
	pg, err := ExtractHTML(strings.NewReader(src), "")
	if err != nil {
		t.Fatal(err)
	}
	checkHTMLText(t, "short", pg.Text)
	if !strings.Contains(pg.Text, "This year's village dog show has been cancelled because of the weather.\n\nOrganisers hope to hold it in June instead.") {
		t.Errorf("story missing:\n%s", pg.Text)
	}
	for _, f := range []string{"Fete dates", "Pub quiz", "Copyright"} {
		if strings.Contains(pg.Text, f) {
			t.Errorf("furniture %q in text:\n%s", f, pg.Text)
		}
	}
}

func TestExtractorPanicIsRecovered(t *testing.T) {
	saved := extractDocument
	t.Cleanup(func() { extractDocument = saved })
	extractDocument = func(*html.Node, trafilatura.Options) (*trafilatura.ExtractResult, error) {
		var m map[string]int
		m["x"] = 1 // assignment to nil map: a real runtime panic
		return nil, nil
	}
	_, err := ExtractHTML(strings.NewReader(hostilePage), "")
	if !errors.Is(err, errExtractorPanic) {
		t.Fatalf("want errExtractorPanic, got %v", err)
	}
	p := writeTemp(t, "panics.html", []byte(hostilePage))
	_, err = ReadHTML(p, Limits{})
	wantSkip(t, err, p, "panicked")
}

func TestBlockText(t *testing.T) {
	src := `<div><h2>Results</h2><p>First   line<br>second line</p>
<ul><li>one<ul><li>one point one</li></ul></li><li>two</li></ul>
<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>12</td></tr></table>
<blockquote><p>Quoted words.</p></blockquote><p>Link <a href="/x">inside</a> prose.</p><p>` + "\u00a0\t" + `</p></div>`
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	got := blockText(doc)
	want := strings.Join([]string{"Results", "First line", "second line", "one", "one point one", "two",
		"Party | Seats", "Green | 12", "Quoted words.", "Link inside prose."}, "\n\n")
	if got != want {
		t.Errorf("blockText:\n%q\nwant\n%q", got, want)
	}
	links, err := html.Parse(strings.NewReader(`<ul><li><a href="/1">Headline one</a></li><li><a href="/2">Headline two</a></li></ul>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := blockText(links); got != "" {
		t.Errorf("links only: %q, want no text", got)
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	// Real pages are left byte for byte as they are.
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if capNesting(string(raw), maxNesting) != string(raw) {
			t.Errorf("%s: capNesting changed a real page", p)
		}
	}
	// An article inside 20,000 nested <div>s (and <b>s, and <li>s): before
	// the depth cap this took minutes, as parsing and extraction are
	// proportional to elements times depth.
	art, err := os.ReadFile(filepath.Join("testdata", "html", "rates-hold.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"div", "b", "li", "svg"} {
		const n = 20000
		src := strings.Repeat("<"+tag+">", n) + string(art) + strings.Repeat("</"+tag+">", n)
		start := time.Now()
		pg, err := ExtractHTML(strings.NewReader(src), "")
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("<%s> x %d: took %v", tag, n, d)
		}
		checkHTMLText(t, tag, pg.Text)
		if tag != "svg" && !strings.Contains(pg.Text, "Split committee") {
			t.Errorf("<%s> x %d: article lost:\n%.300s", tag, n, pg.Text)
		}
		if strings.Contains(pg.Text, "adsConfig") {
			t.Errorf("<%s> x %d: script in text", tag, n)
		}
	}
	// flattenDeep keeps text and line breaks below the cap, and drops
	// script.
	doc, err := html.Parse(strings.NewReader(strings.Repeat("<div>", 40) + "<p>one</p><script>alert(1)</script><p>two <b>three</b></p>" + strings.Repeat("</div>", 40)))
	if err != nil {
		t.Fatal(err)
	}
	flattenDeep(doc, 10)
	depth := 0
	for n := doc; n != nil; n = n.FirstChild {
		depth++
	}
	if depth > 12 {
		t.Errorf("depth %d after flattenDeep(10)", depth)
	}
	if got := blockText(doc); got != "one\n\ntwo three" {
		t.Errorf("flattened text %q", got)
	}
}
