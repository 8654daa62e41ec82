package lexicon

import (
	"strings"
	"testing"

	"github.com/slantlab/slant/text"
)

const liwcDic = "%\n1\tposemo\n2\tnegemo\n3\tcertain\n%\nabandon*\t2\nlove\t1\nkind of\t3\nlike\t1 3(02 134)126/125\nhate\t2\t3\n"

func summary(l *Lexicon) string {
	var parts []string
	for _, c := range l.Categories {
		var terms []string
		for _, e := range c.Entries {
			terms = append(terms, e.Term+"/"+string(c.EffectiveMatch(e)))
		}
		parts = append(parts, c.ID+"="+strings.Join(terms, ","))
	}
	return strings.Join(parts, " ")
}

func TestImportLIWC(t *testing.T) {
	l, err := ImportLIWC("my.dic", []byte(liwcDic), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "my.posemo=love/exact,like/exact my.negemo=abandon*/glob,hate/exact my.certain=kind of/exact,like/exact,hate/exact"
	if got := summary(l); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	for _, tc := range []struct{ in, want string }{
		{"love\t1\n", "my.dic:1:1: a LIWC dictionary starts with a line holding %"},
		{"%\n1\tposemo\n%\nlove\t9\n", "my.dic:4:6: category \"9\" is not in the header"},
		{"%\nx\tposemo\n%\n", "my.dic:2:1: category number \"x\" is not a number"},
		{"%\n1\tposemo\n", "the header is not closed"},
		{"%\n1\tposemo\n%\nlo*ve\t1\n", "my.dic:4:1: entry \"lo*ve\": * may only stand"},
	} {
		if _, err := ImportLIWC("my.dic", []byte(tc.in), ImportOptions{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestImportQuantedaWordListVADER(t *testing.T) {
	q, err := ImportQuanteda("d.yml", []byte("economy:\n  - tax*\n  - budget\nsecurity:\n  military: [troops, army]\n  police: cop*\n"), ImportOptions{Construct: "frame_policy"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(q); got != "d.economy=tax*/glob,budget/exact d.security.military=troops/exact,army/exact d.security.police=cop*/glob" {
		t.Fatalf("quanteda: %s", got)
	}
	if q.Categories[0].Construct != "frame_policy" {
		t.Fatal("construct option ignored")
	}
	if _, err := ImportQuanteda("d.yml", []byte("a:\n  - [x]\n"), ImportOptions{}); err == nil || !strings.Contains(err.Error(), "d.yml:2:5: a pattern must be a string") {
		t.Fatalf("quanteda error: %v", err)
	}

	w, err := ImportWordList("/x/slurs.txt", []byte("# my list\nthug\n\nthug  # duplicate\nso-called\nwarmonger*\n"), ImportOptions{Construct: "loaded_language"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(w); got != "slurs.slurs=thug/exact,so-called/exact,warmonger*/glob" {
		t.Fatalf("wordlist: %s", got)
	}

	v, err := ImportVADER("vader.txt", []byte("awful\t-3.4\t0.49\t[-3, -4]\nok\t0.0\t0.1\t[]\nsuperb\t3.1\t0.7\t[3]\n:*\t1.2\t0.4\t[1]\n"), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(v); got != "vader.negative=awful/exact vader.positive=superb/exact" {
		t.Fatalf("vader: %s", got)
	}
	if e := v.Categories[0].Entries[0]; e.Weight != 0.85 || e.Attrs["valence"] != "-3.4" {
		t.Fatalf("vader entry %+v", e)
	}
	if _, err := ImportVADER("vader.txt", []byte("good\tgreat\n"), ImportOptions{}); err == nil || !strings.Contains(err.Error(), "vader.txt:1:6: mean \"great\" is not a number") {
		t.Fatalf("vader error: %v", err)
	}
}

func TestImportedLexiconMatchesAndRoundTrips(t *testing.T) {
	l, err := ImportLIWC("my.dic", []byte(liwcDic), ImportOptions{Construct: "loaded_language"})
	if err != nil {
		t.Fatal(err)
	}
	y, err := Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("my.yaml", y)
	if err != nil {
		t.Fatalf("re-parse of marshalled import: %v\n%s", err, y)
	}
	s1, _ := NewSet(l)
	s2, _ := NewSet(back)
	if s1.Fingerprint() != s2.Fingerprint() {
		t.Fatal("fingerprint changed through Marshal/Parse")
	}
	m, err := Compile(s2, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := text.NewPipeline(text.WithoutTagging())
	doc, _ := p.Process("They abandoned the plan they love.", nil)
	var got []string
	for _, h := range m.Match(doc) {
		got = append(got, h.Category.ID+":"+doc.Text[h.Start:h.End])
	}
	if strings.Join(got, " ") != "my.negemo:abandoned my.posemo:love" {
		t.Fatalf("hits %v", got)
	}
}

// TestImportMessages pins issue 17 item 12 for importers: LIWC "02" and "2"
// are one category; a quanteda file's duplicate keys and syntax errors are
// reported at the input's own lines.
func TestImportMessages(t *testing.T) {
	l, err := ImportLIWC("my.dic", []byte("%\n01\tposemo\n2\tnegemo\n%\nlove\t1\nhate\t02\nawful\t002 01\n"), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(l), "my.posemo=love/exact,awful/exact my.negemo=hate/exact,awful/exact"; got != want {
		t.Errorf("LIWC 02/2: got %s, want %s", got, want)
	}
	for _, tc := range []struct{ format, in, want string }{
		{"liwc", "%\n2\tposemo\n02\tnegemo\n%\n", `my.dic:3:1: category 02 defined twice ("02" and 2 are the same number)`},
		{"yaml", "loaded:\n  - regime\n  - puppet\nhedges:\n  - may\nloaded:\n  - junta\n", `my.dic:6:1: key "loaded" given twice (first at line 1)`},
		{"yaml", "war frame:\n  - invasion\nwar_frame:\n  - assault\n", `my.dic:3:1: key "war_frame" gives the same category id "war_frame" as "war frame" at line 1`},
		{"yaml", "top:\n  sub:\n    - a\n  sub:\n    - b\n", `my.dic:4:3: key "sub" given twice (first at line 2)`},
		{"yaml", "loaded: [regime, puppet\nhedges: [may]\n", `my.dic:1:10: YAML syntax: did not find expected`},
	} {
		if _, err := Import(tc.format, "my.dic", []byte(tc.in), ImportOptions{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}
