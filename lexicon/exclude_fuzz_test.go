package lexicon

import (
	"strings"
	"testing"

	"github.com/slantlab/slant/text"
)

// FuzzExclusions: any exclusion list ParseExclusions accepts can be added
// to a set, compiled and matched, with hits inside the text; rejected
// lists give an error naming the file.
func FuzzExclusions(f *testing.F) {
	f.Add("# misfires\ntalking points memo\nRegime\n", "the Regime Watch and the regime")
	f.Add("\ufeffKremlin-friendly\n\n  U.S.  \n", "U.S.-backed, Kremlin-friendly")
	f.Add("*phobic\n", "x")
	f.Add("a\x00b\n\r\n'\n", "a\x00b ' '")
	f.Fuzz(func(t *testing.T, list, src string) {
		terms, err := ParseExclusions("x.txt", []byte(list))
		if err != nil {
			if !strings.Contains(err.Error(), "x.txt") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		base, err := Parse("test.yaml", []byte(testLexicon))
		if err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(base)
		if err != nil {
			t.Fatal(err)
		}
		set, err = set.WithExclusions(terms...)
		if err != nil {
			return // a term with no words
		}
		m, err := Compile(set, nil)
		if err != nil {
			t.Fatalf("exclusions %q: %v", terms, err)
		}
		p, _ := text.NewPipeline(text.WithoutTagging())
		doc, err := p.Process(src, nil)
		if err != nil {
			return
		}
		for _, h := range m.Match(doc) {
			if h.Start < 0 || h.End > len(src) || h.Start >= h.End {
				t.Fatalf("bad hit %+v", h)
			}
		}
		_ = set.Fingerprint()
	})
}
