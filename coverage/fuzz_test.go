package coverage

import (
	"testing"

	"github.com/slantlab/slant/framing"
)

// FuzzAnalyze feeds two arbitrary texts as one event: extraction,
// alignment, scores and duplicate detection must not panic, and every span
// must lie inside its article's text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range [][2]string{
		{"About 64,000 personnel and $1.2 billion on August 20, 2025.", "“The day the conflict stops,” Macron said."},
		{"", "x"},
		{"26 26 26 countries,, ~$ 1e9 1,2,3 Aug. 32 Thursday 1999-99-99", "He said. She said. They said it."},
		{"\"\"\"“”“", "(AP) — (Reuters) - ©AFP"},
	} {
		f.Add(s[0], s[1])
	}
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var docs []Doc
		for i, s := range []string{a, b} {
			r, err := an.AnalyzeText(s)
			if err != nil {
				return
			}
			r.ID, r.Outlet = string(rune('a'+i)), string(rune('A'+i))
			docs = append(docs, Doc{Result: r})
		}
		rep, err := Analyze(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := map[string]string{"a": a, "b": b}
		for _, ev := range rep.Events {
			for _, u := range ev.Units {
				for _, sp := range u.Spans {
					src := text[sp.Article]
					if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End || src[sp.Start:sp.End] != sp.Text {
						t.Fatalf("unit %s span %d:%d %q outside or unlike its text", u.ID, sp.Start, sp.End, sp.Text)
					}
				}
			}
		}
	})
}
