package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// bigArticlePage builds an article page of about n bytes: a header, a
// navigation list, an <article> of generated paragraphs (fixed seed, no two
// alike), and a footer, as a long live blog or transcript page looks.
func bigArticlePage(n int) string {
	words := strings.Fields("the minister said security guarantees for Ukraine would be discussed in Paris " +
		"on Thursday as European leaders and the United States weighed troops ceasefire monitoring " +
		"sanctions budget parliament election coalition officials analysts reporters according to statement")
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Live: the summit, hour by hour | Example News</title>` +
		`<meta property="og:site_name" content="Example News"></head><body>` +
		`<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>` +
		`<main><article><h1>Live: the summit, hour by hour</h1><p class="byline">By A. Reporter</p>`)
	for i := 0; b.Len() < n; i++ {
		b.WriteString("<p>")
		for j := 0; j < 3; j++ {
			k := 8 + rng.IntN(10)
			for w := 0; w < k; w++ {
				if w > 0 {
					b.WriteByte(' ')
				}
				word := words[rng.IntN(len(words))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				b.WriteString(word)
			}
			fmt.Fprintf(&b, " %d. ", i*3+j)
		}
		b.WriteString("</p>\n")
	}
	b.WriteString(`</article></main><footer><p>© Example News. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

// BenchmarkExtractHTMLSize extracts pages of 100 KB, 1 MB and 4 MB. Linear
// time shows as a flat MB/s (issue 17 item 2).
func BenchmarkExtractHTMLSize(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 4 << 20} {
		page := bigArticlePage(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				p, err := ExtractHTML(strings.NewReader(page), "")
				if err != nil {
					b.Fatal(err)
				}
				if len(p.Text) < size/2 {
					b.Fatalf("extracted %d bytes of a %d-byte page", len(p.Text), len(page))
				}
			}
		})
	}
}

// TestExtractHTMLHugePageLinear: a page whose paragraphs × paragraph text
// is over linearExtractionBudget is read by the linear extractor, which
// keeps every article paragraph in order, drops the navigation and footer,
// finds the metadata, and records why it was used; a page under the budget
// is still read by trafilatura.
func TestExtractHTMLHugePageLinear(t *testing.T) {
	page := bigArticlePage(600 << 10)
	p, err := ExtractHTML(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Extraction, "linear extractor") {
		t.Fatalf("Extraction = %q", p.Extraction)
	}
	if p.Title != "Live: the summit, hour by hour" || p.SiteName != "Example News" {
		t.Errorf("title %q, site %q", p.Title, p.SiteName)
	}
	lines := strings.Split(p.Text, "\n\n")
	// Article paragraphs: every "<p>" but the footer's (the byline is a
	// <p class="byline">); the text also has the headline and the byline.
	paras := strings.Count(page, "<p>") - 1
	if len(lines) != paras+2 || !strings.HasSuffix(lines[len(lines)-1], fmt.Sprintf(" %d.", paras*3-1)) {
		t.Errorf("%d lines for %d paragraphs; last %q", len(lines), paras, lines[len(lines)-1])
	}
	for _, furniture := range []string{"Home", "Politics", "All rights reserved"} {
		if strings.Contains(p.Text, furniture) {
			t.Errorf("furniture %q in the text", furniture)
		}
	}
	small, err := ExtractHTML(strings.NewReader(bigArticlePage(20<<10)), "")
	if err != nil || small.Extraction != "" || small.Text == "" {
		t.Errorf("small page: extraction %q, %d bytes, %v", small.Extraction, len(small.Text), err)
	}
}
