package corpus

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtractHTML feeds arbitrary bytes to ExtractHTML. It must never panic
// (a panic recovered from the extractor library is reported as a failure
// here, so fuzzing finds the inputs behind it), and any Text it returns is
// valid UTF-8 in the documented shape: one clean line per block, blocks
// separated by one blank line, no control characters. Seeds live in
// testdata/fuzz/FuzzExtractHTML.
//
//	go test ./corpus -run XXX -fuzz FuzzExtractHTML -fuzztime 3m
func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(hostilePage))
	f.Add([]byte("<p>" + strings.Repeat("word ", 60) + "</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pg, err := ExtractHTML(bytes.NewReader(data), "https://news.example/a")
		if err != nil {
			t.Fatalf("ExtractHTML: %v", err)
		}
		for _, s := range []string{pg.Text, pg.Title, pg.SiteName, pg.Author, pg.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in result: %q", s)
			}
		}
		if pg.Text == "" {
			return
		}
		for _, block := range strings.Split(pg.Text, "\n\n") {
			if block == "" || strings.TrimSpace(block) != block || strings.Contains(block, "\n") {
				t.Fatalf("malformed block %q in %q", block, pg.Text)
			}
			for _, r := range block {
				if r < 0x20 || r == 0x7f {
					t.Fatalf("control character %U in %q", r, block)
				}
			}
		}
		if strings.Contains(strings.ToLower(pg.Text), "<script") && literalTextOnly(data) {
			t.Fatalf("script markup in text: %q", pg.Text)
		}
	})
}

// literalTextOnly reports whether a page can only spell "<script" in its
// text as markup: it has no character references and none of the elements
// whose content is shown verbatim.
func literalTextOnly(data []byte) bool {
	lower := bytes.ToLower(data)
	if bytes.IndexByte(lower, '&') >= 0 {
		return false
	}
	for _, tag := range []string{"xmp", "plaintext", "noembed", "noframes", "noscript", "iframe", "textarea", "title", "cdata"} {
		if bytes.Contains(lower, []byte(tag)) {
			return false
		}
	}
	return true
}
