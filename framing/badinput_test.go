package framing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/lexicon"
)

// TestBadInputTable feeds every kind of bad input through the readers and
// the analyzer: each yields a clear error or a skip with a reason, nothing
// panics, and documents in = analysed + skipped.
func TestBadInputTable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100 MB line")
	}
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var long strings.Builder
	long.WriteString("Headline\n\n")
	for i := 0; i < 10000; i++ {
		long.WriteString("The council met again. ")
	}
	nested := "Headline\n\nHe said “she said ‘they said “we said ‘no’ today” again’ loudly” and left. An unbalanced “quote never closes. Another ' stray mark."
	texts := write("texts/manifest.json", []byte(`[
 {"file": "ok.txt", "outlet": "A"}, {"file": "bad-utf8.txt", "outlet": "A"}, {"file": "nul.txt", "outlet": "A"},
 {"file": "empty.txt", "outlet": "A"}, {"file": "long.txt", "outlet": "B"}, {"file": "nested.txt", "outlet": "B"},
 {"file": "mixed.txt", "outlet": "B"}, {"file": "missing.txt", "outlet": "B"}]`))
	_ = texts
	write("texts/ok.txt", []byte("Headline\n\nThe regime's puppet parliament voted, officials said."))
	write("texts/bad-utf8.txt", []byte("Headline\n\nBad \xff\xfe bytes in a \xc3 sentence that is otherwise fine."))
	write("texts/nul.txt", []byte("Headline\x00\x00\x00binary"))
	write("texts/empty.txt", []byte(" \n\t\n"))
	write("texts/long.txt", []byte(long.String()))
	write("texts/nested.txt", []byte(nested))
	write("texts/mixed.txt", []byte("Заголовок\n\nКремль заявил, что «переговоры» продолжатся. 北京表示反对。 The regime said مرحبا. Emoji 🚀 too."))
	huge := write("huge.jsonl", []byte(`{"id":"h1","outlet":"C","text":"`+strings.Repeat("x", 100<<20)+`"}`+"\n"+`{"id":"h2","outlet":"C","text":"Fine text."}`+"\n"+`{"id":"h3",`+"\n"))
	badCSV := write("bad.csv", []byte("id,outlet,text\n1,C,\"ok text.\"\n2,C,\"unterminated\n"))

	type want struct {
		read, analysed int
		reasons        []string
	}
	cases := []struct {
		name  string
		paths []string
		want  want
	}{
		{"text directory", []string{filepath.Join(dir, "texts")}, want{8, 5, []string{"binary content", "empty or whitespace-only", "does not exist"}}},
		{"100 MB line and malformed JSONL", []string{huge}, want{3, 1, []string{"line longer than", "malformed JSON"}}},
		{"malformed CSV", []string{badCSV}, want{2, 1, []string{"malformed CSV row"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			st, err := Run(context.Background(), an, corpus.Open(context.Background(), tc.paths, corpus.Options{}), RunOptions{}, func(r *Result) error {
				n++
				for _, e := range r.Evidence {
					if r.Text[e.Start:e.End] != e.Text {
						t.Fatalf("%s: evidence span mismatch", r.ID)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if st.Read != tc.want.read || n != tc.want.analysed || st.Read != n+len(st.Skipped) {
				t.Fatalf("read %d analysed %d skipped %d; want read %d analysed %d", st.Read, n, len(st.Skipped), tc.want.read, tc.want.analysed)
			}
			var all []string
			for _, s := range st.Skipped {
				all = append(all, s.Error())
			}
			joined := strings.Join(all, "\n")
			for _, r := range tc.want.reasons {
				if !strings.Contains(joined, r) {
					t.Errorf("no skip mentions %q:\n%s", r, joined)
				}
			}
		})
	}
	// Malformed YAML and unknown lexicon fields are errors naming file:line:col.
	for _, tc := range []struct{ yaml, want string }{
		{"name: [\n", "bad.yaml"},
		{"name: x\nversion: '1'\nlicence: l\ncurator: c\ndescription: d\ncolour: red\n", `bad.yaml:6:1: lexicon: unknown field "colour"`},
	} {
		p := write("bad.yaml", []byte(tc.yaml))
		if _, err := lexicon.LoadFile(p); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("lexicon %q: %v", tc.yaml, err)
		}
	}
	// A missing path is an error naming it.
	_, err = Run(context.Background(), an, corpus.Open(context.Background(), []string{filepath.Join(dir, "nope")}, corpus.Options{}), RunOptions{}, func(*Result) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing path: %v", err)
	}
}
