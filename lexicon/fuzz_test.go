package lexicon

import (
	"testing"

	"github.com/slantlab/slant/text"
)

// fuzzCheck compiles and runs any lexicon an importer or Parse accepts, so
// that a lexicon that loads can always be matched.
func fuzzCheck(t *testing.T, l *Lexicon, err error) {
	t.Helper()
	if err != nil {
		if err.Error() == "" {
			t.Fatal("empty error")
		}
		return
	}
	set, err := NewSet(l)
	if err != nil {
		return
	}
	m, err := Compile(set, nil)
	if err != nil {
		t.Fatalf("accepted lexicon does not compile: %v", err)
	}
	p, _ := text.NewPipeline(text.WithoutTagging())
	doc, _ := p.Process("The regime's so-called double standards, militarized and Kremlin-friendly, don't help.", nil)
	for _, h := range m.Match(doc) {
		if h.Start < 0 || h.End > len(doc.Text) || h.Start >= h.End {
			t.Fatalf("bad hit %+v", h)
		}
	}
	_ = set.Fingerprint()
}

func FuzzParse(f *testing.F) {
	f.Add(testLexicon)
	f.Add("name: x\ncategories: [1, {id: a}]\n")
	f.Add("- a\n- b\n")
	// issue 17 items 5 and 12: non-finite weights, syntax errors whose
	// position is searched for, a second document, invisible characters.
	f.Add(testLexicon + "---\nname: y\n")
	f.Add("name: x\nversion: [1, 2]]\n\tcurator: c\n")
	f.Add("categories:\n  - {id: a, weight: .nan, entries: [\"ra\u00addical\", {term: x, weight: -.inf}]}\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := Parse("f.yaml", []byte(in))
		fuzzCheck(t, l, err)
	})
}

func FuzzImportLIWC(f *testing.F) {
	f.Add(liwcDic)
	f.Add("%\n1 a\n%\n* 1\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ImportLIWC("f.dic", []byte(in), ImportOptions{})
		fuzzCheck(t, l, err)
	})
}

func FuzzImportQuanteda(f *testing.F) {
	f.Add("economy:\n  - tax*\nsecurity:\n  military: [troops]\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ImportQuanteda("f.yml", []byte(in), ImportOptions{})
		fuzzCheck(t, l, err)
	})
}

func FuzzImportWordList(f *testing.F) {
	f.Add("# c\nthug\nwarmonger*\nso-called\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ImportWordList("f.txt", []byte(in), ImportOptions{})
		fuzzCheck(t, l, err)
	})
}

func FuzzImportVADER(f *testing.F) {
	f.Add("awful\t-3.4\t0.49\t[-3]\nsuperb\t3.1\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ImportVADER("f.txt", []byte(in), ImportOptions{})
		fuzzCheck(t, l, err)
	})
}
