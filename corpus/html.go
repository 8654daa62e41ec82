package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTMLPage is what the extractor found in one HTML page.
type HTMLPage struct {
	// Title is the article's headline, without the site name the <title>
	// element often adds.
	Title string
	// Text is the main article as plain text: one paragraph, heading or list
	// item per line, blocks separated by a blank line. It is valid UTF-8 and
	// holds no markup and no script, style or template content; markup the
	// page shows as text (written with &lt;) stays text. It is empty when the
	// page has no article.
	Text string
	// URL is the page's address: pageURL when given, else the canonical
	// address the page declares.
	URL string
	// SiteName is the publisher's name (og:site_name, JSON-LD publisher, or
	// a name derived from the page) when one is found.
	SiteName string
	// Author is the byline when one is found.
	Author string
	// Published is the publication day (midnight UTC) when one is found in
	// the page's metadata or text, else the zero time.
	Published time.Time
	// Extraction is empty when the main extractor (trafilatura) found the
	// article. On a page too big for it, it says why the article was taken
	// by the linear extractor instead (see linearExtractionBudget).
	Extraction string
}

// ExtractHTML extracts the main article from an HTML page. Text has one
// paragraph (or heading, or list item) per line, paragraphs separated by a
// blank line, so the furniture cleaner can see block structure. pageURL may
// be empty.
//
// ExtractHTML reads all of r; callers bound its size (ReadHTML applies
// Limits). Bytes that are not valid UTF-8 are decoded with the charset the
// page declares (a byte-order mark or a <meta> charset) when it declares a
// legacy one, and are otherwise replaced by U+FFFD. A page in which no
// article is found yields an HTMLPage with empty Text and a nil error. The
// error is non-nil only when r fails, the page cannot be parsed, or the
// extractor library panics (the panic is recovered).
func ExtractHTML(r io.Reader, pageURL string) (HTMLPage, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return HTMLPage{}, fmt.Errorf("extract html: reading page: %w", err)
	}
	s := decodeHTML(raw)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return extractHTMLString(s, pageURL)
}

// ReadHTML reads one HTML file into an Article (ID = base file name,
// Location = path, Outlet = SiteName when present, Title, Published, URL),
// applying checkText (repair UTF-8, skip binary/empty/oversized) with the
// given Limits; when the page yields no article text, it returns a
// *SkipError with a clear reason naming the file.
//
// The byline, when found, is kept as Meta["author"]. A panic inside the
// extractor library is recovered and reported as a *SkipError, so one
// hostile page does not end a corpus read. Errors opening or reading the
// file are returned wrapped, not as skips.
func ReadHTML(path string, lim Limits) (*Article, error) {
	id := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > int64(lim.maxDoc()) {
		return nil, &SkipError{ID: id, Location: path,
			Reason: fmt.Sprintf("document is %d bytes, over the %d-byte limit", fi.Size(), lim.maxDoc())}
	}
	// Read one byte past the limit so that a file that grew after Stat (or
	// is not a regular file) is still caught by checkText.
	raw, err := io.ReadAll(io.LimitReader(f, int64(lim.maxDoc())+1))
	if err != nil {
		return nil, fmt.Errorf("read html %s: %w", path, err)
	}
	return htmlArticle(raw, id, path, lim)
}

// htmlArticle turns the bytes of one HTML page into an Article with the
// given ID and Location, or a *SkipError saying why it is not one. It is
// ReadHTML without the file, for readers that already hold the bytes (Dir).
// Outlet, Title, Published and URL come from the page; callers with better
// sources (a manifest) override them.
func htmlArticle(raw []byte, id, loc string, lim Limits) (*Article, error) {
	skip := func(reason string) error {
		return &SkipError{ID: id, Location: loc, Reason: reason}
	}
	text, repaired, reason := checkText(decodeHTML(raw), lim)
	if reason != "" {
		return nil, skip(reason)
	}
	page, err := extractHTMLString(text, "")
	if err != nil {
		return nil, skip(err.Error())
	}
	if page.Text == "" {
		return nil, skip("no article text found in " + path.Base(id) + " (the HTML extractor found no main content)")
	}
	a := &Article{
		ID:        id,
		Outlet:    page.SiteName,
		Title:     page.Title,
		Published: page.Published,
		URL:       page.URL,
		Text:      page.Text,
		Location:  loc,
		Repaired:  repaired,
	}
	if page.Author != "" {
		a.Meta = map[string]string{"author": page.Author}
	}
	if page.Extraction != "" {
		if a.Meta == nil {
			a.Meta = map[string]string{}
		}
		a.Meta[MetaExtraction] = page.Extraction
	}
	return a, nil
}

// errExtractorPanic marks a panic recovered from the extractor library.
var errExtractorPanic = errors.New("HTML extractor panicked")

// extractDocument is the extractor library's entry point; tests replace it
// to check that its panics are recovered.
var extractDocument = trafilatura.ExtractDocument

// removeElements removes every element with the given tag name, with its
// content, from the tree.
func removeElements(n *html.Node, tag string) {
	var doomed []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == tag {
				doomed = append(doomed, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	for _, d := range doomed {
		d.Parent.RemoveChild(d)
	}
}

// extractHTMLString extracts the article from a page that is already valid
// UTF-8.
func extractHTMLString(s string, pageURL string) (page HTMLPage, err error) {
	defer func() {
		if r := recover(); r != nil {
			page, err = HTMLPage{}, fmt.Errorf("%w: %v", errExtractorPanic, r)
		}
	}()
	s = capNesting(strings.TrimPrefix(s, "\uFEFF"), maxNesting)
	doc, err := parseHTML(s)
	if err != nil {
		return HTMLPage{}, err
	}
	var orig *nurl.URL
	if pageURL != "" {
		if u, err := nurl.ParseRequestURI(pageURL); err == nil && u.IsAbs() {
			orig = u
		}
	}
	if paras, textBytes := paragraphLoad(doc); paras*textBytes > linearExtractionBudget {
		return extractLinear(doc, pageURL, orig, paras, textBytes), nil
	}
	// The measured configuration (see HTML_EXTRACTORS.md): favour precision
	// and drop comments; only when that finds nothing, let trafilatura
	// compare its result with its readability and DOM-distiller fallbacks.
	var res *trafilatura.ExtractResult
	var text string
	for _, fallback := range []bool{false, true} {
		opts := trafilatura.Options{
			OriginalURL:     orig,
			Focus:           trafilatura.FavorPrecision,
			ExcludeComments: true,
			EnableFallback:  fallback,
			HtmlDateMode:    trafilatura.Fast,
			// Links are kept in the tree only so that blockText can tell
			// a list of links (an index page) from an article; Text never
			// holds their targets.
			IncludeLinks: true,
		}
		// ExtractDocument works on a clone, but the fallbacks may not:
		// give each attempt its own tree.
		tree := doc
		if fallback {
			if tree, err = parseHTML(s); err != nil {
				return HTMLPage{}, err
			}
		}
		removeElements(tree, "template")
		r, err := extractDocument(tree, opts)
		if err != nil || r == nil {
			// trafilatura reports "no content" as an error; try the next
			// configuration.
			continue
		}
		res = r
		text = blockText(r.ContentNode)
		if text != "" {
			break
		}
	}
	if res == nil {
		return HTMLPage{URL: pageURL}, nil
	}
	md := res.Metadata
	page = HTMLPage{
		Title:     cleanLine(md.Title),
		Text:      text,
		URL:       pageURL,
		SiteName:  cleanLine(md.Sitename),
		Author:    cleanLine(md.Author),
		Published: md.Date,
	}
	if page.URL == "" {
		page.URL = md.URL
	}
	return page, nil
}

// MetaExtraction is the Article.Meta key that records why an HTML page was
// read by the linear extractor (HTMLPage.Extraction).
const MetaExtraction = "html_extraction"

// linearExtractionBudget bounds the pages handed to trafilatura. Its
// content extractor concatenates the text of every <p> of the page one
// paragraph at a time (go-trafilatura v1.12.2, extractContent), which takes
// time proportional to paragraphs × paragraph text: a 1 MB page of 6,500
// paragraphs took 1 s and 1.9 GB of allocation, a 4.7 MB page of 30,000
// paragraphs 36 s. Above this product (about 0.25 s of that copying) the
// page goes to extractLinear, whose time is linear in the page. Real
// articles are far below it (50 paragraphs of 30 KB: 1.5e6).
const linearExtractionBudget = 1_000_000_000

// metadataParagraphs is how many <p> elements of a page too big for
// trafilatura are kept in the copy it reads for the page's metadata.
const metadataParagraphs = 200

// paragraphLoad counts the <p> elements of a tree and the bytes of text
// inside them, in one walk.
func paragraphLoad(root *html.Node) (paras, textBytes int) {
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		if n.Type == html.TextNode && inP {
			textBytes += len(n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "p" {
			paras++
			inP = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inP)
		}
	}
	walk(root, false)
	return paras, textBytes
}

// linearDropped are elements the linear extractor drops with their content:
// page furniture around or inside an article.
var linearDropped = map[string]bool{"nav": true, "aside": true, "footer": true, "form": true, "header": true, "template": true}

// extractLinear reads a page too big for trafilatura in time linear in the
// page. The article is the element that holds the most paragraph text,
// scored as readability does (each <p>'s text counts fully for its parent
// and half for its grandparent, so a list of entries beats any one entry),
// rendered by blockText without navigation, asides, headers, footers and
// forms. The metadata (title, site, author, date) comes from trafilatura
// run on a copy of the page cut to its first metadataParagraphs
// paragraphs. Extraction records why this path was taken.
func extractLinear(doc *html.Node, pageURL string, orig *nurl.URL, paras, textBytes int) HTMLPage {
	page := HTMLPage{URL: pageURL, Extraction: fmt.Sprintf(
		"linear extractor: the page has %d paragraphs with %d bytes of text, beyond what trafilatura extracts in linear time (paragraphs × bytes over %d)",
		paras, textBytes, linearExtractionBudget)}
	// Metadata from a cut copy.
	cut := cloneTree(doc)
	kept := 0
	var doomed []*html.Node
	var mark func(n *html.Node)
	mark = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "p" {
				if kept++; kept > metadataParagraphs {
					doomed = append(doomed, c)
					continue
				}
			}
			mark(c)
		}
	}
	mark(cut)
	for _, d := range doomed {
		d.Parent.RemoveChild(d)
	}
	removeElements(cut, "template")
	if res, err := extractDocument(cut, trafilatura.Options{OriginalURL: orig, Focus: trafilatura.FavorPrecision,
		ExcludeComments: true, HtmlDateMode: trafilatura.Fast}); err == nil && res != nil {
		md := res.Metadata
		page.Title, page.SiteName, page.Author, page.Published = cleanLine(md.Title), cleanLine(md.Sitename), cleanLine(md.Author), md.Date
		if page.URL == "" {
			page.URL = md.URL
		}
	}
	// The article: the element with the most paragraph text.
	score := map[*html.Node]int{}
	var scored []*html.Node // in the order first scored, for a fixed tie-break
	add := func(n *html.Node, x int) {
		if _, ok := score[n]; !ok {
			scored = append(scored, n)
		}
		score[n] += x
	}
	var best *html.Node
	var walk func(n *html.Node, inP bool) int
	walk = func(n *html.Node, inP bool) int {
		if n.Type == html.ElementNode && (linearDropped[n.Data] || skippedElements[n.Data]) {
			return 0
		}
		if n.Type == html.TextNode {
			if inP {
				return len(n.Data)
			}
			return 0
		}
		isP := n.Type == html.ElementNode && n.Data == "p"
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c, inP || isP)
		}
		if isP && !inP && n.Parent != nil {
			add(n.Parent, total)
			if g := n.Parent.Parent; g != nil {
				add(g, total/2)
			}
		}
		return total
	}
	walk(doc, false)
	for _, n := range scored {
		if best == nil || score[n] > score[best] {
			best = n
		}
	}
	if best == nil {
		return page
	}
	for tag := range linearDropped {
		removeElements(best, tag)
	}
	page.Text = blockText(best)
	return page
}

// cloneTree copies a tree (parseHTML has bounded its depth).
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneTree(ch))
	}
	return c
}

// parseHTML parses a page and bounds the depth of its tree (see
// flattenDeep).
func parseHTML(s string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, fmt.Errorf("extract html: parsing: %w", err)
	}
	flattenDeep(doc, maxNesting)
	return doc, nil
}

// maxNesting bounds how deep elements nest in a page handed to the
// extractor. Parsing and extraction both take time proportional to the
// number of elements times their depth, so an unbounded depth lets a 100 KB
// page of nested <div>s take minutes. Browsers stop nesting at 512, and so
// does golang.org/x/net/html from v0.45.0 on (it rejects deeper pages); the
// bound here stays below that, with room for the elements the parser adds
// itself. Real articles nest a few dozen deep.
const maxNesting = 400

// Tags whose content the tokenizer reads as raw text: they never nest, and
// dropping one would turn its content (a script) into page text.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "plaintext": true,
}

// voidElements have no end tag and no content.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "keygen": true, "link": true,
	"meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"basefont": true, "bgsound": true, "frame": true, "image": true,
}

// HTML tags that end SVG or MathML content when they start inside it.
var foreignBreakout = map[string]bool{
	"b": true, "big": true, "blockquote": true, "body": true, "br": true,
	"center": true, "code": true, "dd": true, "div": true, "dl": true,
	"dt": true, "em": true, "embed": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "head": true, "hr": true, "i": true,
	"img": true, "li": true, "listing": true, "menu": true, "meta": true,
	"nobr": true, "ol": true, "p": true, "pre": true, "ruby": true, "s": true,
	"small": true, "span": true, "strong": true, "strike": true, "sub": true,
	"sup": true, "table": true, "tt": true, "u": true, "ul": true, "var": true,
	"font": true,
}

// Tags whose start closes an open element of the same name close to the
// current one (<p>a<p>b, <li>a<li>b), as the parser's implied end tags do.
var impliedEndSelf = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "option": true,
	"tr": true, "td": true, "th": true,
}

// capNesting drops start tags (and their end tags) that would nest elements
// deeper than max, keeping all text, so that the parser never builds a
// pathologically deep tree. It follows nesting with a simplified model of
// the parser (end tags close back to their element, <p> and <li> close
// their predecessor, SVG and MathML self-closing tags are void), and it
// returns s unchanged, without re-serializing, whenever that model stays
// within max, as it does for any real page. flattenDeep, after parsing,
// catches what the model misses.
func capNesting(s string, max int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	var stack []string
	dropped := map[string]int{}
	changed := false
	foreign := func() bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i] == "svg" || stack[i] == "math" {
				return true
			}
		}
		return false
	}
	popTo := func(i int) { stack = stack[:i] }
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			if voidElements[name] {
				break
			}
			if foreign() {
				if foreignBreakout[name] {
					for i := len(stack) - 1; i >= 0; i-- {
						if stack[i] == "svg" || stack[i] == "math" {
							popTo(i)
							break
						}
					}
				} else if tt == html.SelfClosingTagToken {
					break
				}
			}
			if impliedEndSelf[name] {
				for i := len(stack) - 1; i >= 0 && i >= len(stack)-3; i-- {
					if stack[i] == name {
						popTo(i)
						break
					}
				}
			} else if len(stack) > 0 && stack[len(stack)-1] == "p" && blockElements[name] {
				popTo(len(stack) - 1)
			}
			if len(stack) >= max && !rawTextElements[name] {
				dropped[name]++
				changed = true
				continue
			}
			stack = append(stack, name)
		case html.EndTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			if dropped[name] > 0 {
				dropped[name]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == name {
					popTo(i)
					break
				}
			}
		}
		out.Write(raw)
	}
	if !changed {
		return s
	}
	return out.String()
}

// flattenDeep bounds the depth of a parsed tree: every element at depth max
// keeps its text, in order, but loses its descendant elements (a block
// element among them leaves a <br>, so lines stay apart). Script, style and
// other content that is not text is dropped with its element.
func flattenDeep(root *html.Node, max int) {
	type item struct {
		n *html.Node
		d int
	}
	work := []item{{root, 0}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		if it.d >= max && it.n.Type == html.ElementNode && it.n.FirstChild != nil {
			flattenNode(it.n)
			continue
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			work = append(work, item{c, it.d + 1})
		}
	}
}

// flattenNode replaces n's descendants by their text nodes, in document
// order, with a <br> for every block element.
func flattenNode(n *html.Node) {
	var flat []*html.Node
	var work []*html.Node
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		work = append(work, c)
	}
	for len(work) > 0 {
		c := work[len(work)-1]
		work = work[:len(work)-1]
		switch c.Type {
		case html.TextNode:
			flat = append(flat, &html.Node{Type: html.TextNode, Data: c.Data})
		case html.ElementNode:
			if skippedElements[c.Data] {
				continue
			}
			if blockElements[c.Data] {
				flat = append(flat, &html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
			}
			for g := c.LastChild; g != nil; g = g.PrevSibling {
				work = append(work, g)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
	}
	for _, f := range flat {
		n.AppendChild(f)
	}
}

// rxMetaCharset finds a charset declaration in the first bytes of a page,
// as in <meta charset="..."> or <meta http-equiv="Content-Type"
// content="text/html; charset=...">.
var rxMetaCharset = regexp.MustCompile(`(?i)<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decodeHTML returns the page as a string in UTF-8 when it is in a legacy
// charset it declares. Bytes already valid as UTF-8 are kept as they are
// (pages often declare a charset they are not in); bytes that are neither
// valid UTF-8 nor in a declared legacy charset are returned unchanged, for
// the caller to repair.
func decodeHTML(raw []byte) string {
	if utf8.Valid(raw) {
		return string(raw)
	}
	head := raw
	if len(head) > 2048 {
		head = head[:2048]
	}
	enc, name, certain := charset.DetermineEncoding(head, "")
	if !certain { // no byte-order mark: look for a declaration
		m := rxMetaCharset.FindSubmatch(head)
		if m == nil {
			return string(raw)
		}
		enc, name = charset.Lookup(string(m[1]))
		// A <meta> cannot declare UTF-16: the bytes that carry it are ASCII.
		if enc == nil || strings.HasPrefix(name, "utf-16") {
			return string(raw)
		}
	}
	if name == "utf-8" {
		return string(raw)
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return string(raw)
	}
	return string(bytes.TrimPrefix(out, []byte("\uFEFF")))
}

// skippedElements are never part of the text: their content is code, data
// or form controls, not prose.
var skippedElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true,
	"head": true, "title": true, "textarea": true, "select": true,
	"button": true, "input": true, "canvas": true, "audio": true, "video": true,
}

// blockElements start and end a line of text.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "br": true, "caption": true, "center": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true,
	"hr": true, "html": true, "legend": true, "li": true, "main": true,
	"menu": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tbody": true,
	"tfoot": true, "thead": true, "tr": true, "ul": true,
}

// blockText renders an extracted tree as plain text: one block (paragraph,
// heading, list item, table row) per line, blocks separated by a blank
// line, whitespace inside a block collapsed to single spaces. Table cells
// in a row are separated by " | ". A tree whose only letters and digits are
// link text (a list of headlines, a "log in" link) is not an article:
// blockText returns "" for it.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	prose := false // a letter or digit outside any link
	inLink := 0
	var lines []string
	var cur strings.Builder
	flush := func() {
		if line := cleanLine(cur.String()); line != "" {
			lines = append(lines, line)
		}
		cur.Reset()
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink == 0 && !prose {
				prose = strings.IndexFunc(n.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
			}
			return
		case html.ElementNode:
			if skippedElements[n.Data] {
				return
			}
		case html.CommentNode, html.DoctypeNode, html.RawNode:
			return
		}
		if depth > 512 {
			// Deeper than any real article; the parser does not build
			// such trees, but do not trust the library's output blindly.
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && strings.TrimSpace(cur.String()) != "" {
			cur.WriteString(" | ")
		}
		link := n.Type == html.ElementNode && n.Data == "a"
		if link {
			inLink++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if link {
			inLink--
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
			cur.WriteByte(' ')
		}
	}
	walk(n, 0)
	flush()
	if !prose {
		return ""
	}
	return strings.Join(lines, "\n\n")
}

// cleanLine collapses all whitespace (including no-break spaces and line
// breaks) to single spaces, drops other control characters and trims the
// ends.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
