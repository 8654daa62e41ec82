package framing

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTermsSpansAndBigrams(t *testing.T) {
	an, err := NewAnalyzer(WithoutPOS(), WithTerms())
	if err != nil {
		t.Fatal(err)
	}
	src := `Critics slammed the plan. "Radical nonsense," she said.`
	r, err := an.AnalyzeText(src)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Term{}
	for _, term := range r.Terms() {
		got[term.Key] = term
	}
	for key, want := range map[string]struct {
		text  string
		voice Voice
		sent  int
	}{
		"critic":        {"Critics", Reporter, 0},
		"critic slam":   {"Critics slammed", Reporter, 0},
		"radic":         {"Radical", Quote, 1},
		"radic nonsens": {"Radical nonsense", Quote, 1},
		"she":           {"she", Reporter, 1},
	} {
		term, ok := got[key]
		if !ok {
			t.Errorf("no term %q in %v", key, r.Terms())
			continue
		}
		if src[term.Start:term.End] != want.text || term.Voice != want.voice || term.Sentence != want.sent {
			t.Errorf("%q: %q %s sentence %d, want %q %s %d", key, src[term.Start:term.End], term.Voice, term.Sentence, want.text, want.voice, want.sent)
		}
	}
	// No bigram across punctuation or sentences.
	if _, ok := got["plan radic"]; ok {
		t.Error("bigram across sentences")
	}
	if _, ok := got["nonsens she"]; ok {
		t.Error("bigram across punctuation")
	}
	an2, _ := NewAnalyzer(WithoutPOS())
	r2, _ := an2.AnalyzeText(src)
	if r2.Terms() != nil {
		t.Error("terms kept without WithTerms")
	}
}

// TestLearnedWordsAndQuotes: with only a word weight (2 on "zorblat") and
// a category weight (1 on loaded.pejorative in the reporter's voice), a
// sentence's score is exactly σ(bias + Σ weight·count), the word is
// evidence with its span, and under QuotesDiscount a quoted occurrence
// counts for nothing while QuotesCount counts it.
func TestLearnedWordsAndQuotes(t *testing.T) {
	zero := map[string]float64{}
	for _, f := range FeatureNames {
		zero[f] = 0
	}
	w := Weights{Bias: -1, Features: zero, Words: []WordWeight{{Term: "zorblat", Weight: 2}},
		Categories: map[string]float64{"loaded.pejorative@reporter": 1}, Quotes: QuotesDiscount}
	an, err := NewAnalyzer(WithoutPOS(), WithWeights(w))
	if err != nil {
		t.Fatal(err)
	}
	sig := func(z float64) float64 { return math.Round(1/(1+math.Exp(-z))*1e6) / 1e6 }
	src := "The zorblat plan passed. \"The zorblat plan is absurd,\" she said."
	r, err := an.AnalyzeText(src)
	if err != nil {
		t.Fatal(err)
	}
	var learned []Evidence
	for _, e := range r.Evidence {
		if e.Construct == ConstructLearnedWord {
			learned = append(learned, e)
		}
	}
	if len(learned) != 1 || learned[0].Text != "zorblat" || src[learned[0].Start:learned[0].End] != "zorblat" || learned[0].Weight != 2 || learned[0].Category != LearnedWordCategory {
		t.Fatalf("learned evidence %+v", learned)
	}
	if got := r.Sentences[0].Score; got != sig(1) {
		t.Errorf("sentence 0 score %v, want σ(−1+2) = %v", got, sig(1))
	}
	if got := r.Sentences[1].Score; got != sig(-1) {
		t.Errorf("quoted sentence score %v, want σ(−1) = %v (discounted)", got, sig(-1))
	}
	c := an.Weights().Contributions(r.Sentences[0].Features)
	if len(c) != 1 || c[0].Feature != WordFeature("zorblat") || c[0].Contribution != 2 {
		t.Errorf("contributions %+v", c)
	}

	w.Quotes = QuotesCount
	an, _ = NewAnalyzer(WithoutPOS(), WithWeights(w))
	r, _ = an.AnalyzeText(src)
	if got := r.Sentences[1].Score; got != sig(1) {
		t.Errorf("quoted sentence score with quotes counted %v, want %v", got, sig(1))
	}

	// A reporter-voice pejorative adds the category weight.
	w.Quotes = QuotesDiscount
	an, _ = NewAnalyzer(WithoutPOS(), WithWeights(w))
	r, _ = an.AnalyzeText("The regime's thugs stormed the square.")
	x := r.Sentences[0].Features
	n := x[CategoryFeature("loaded.pejorative", Reporter)]
	if n == 0 {
		t.Fatalf("no loaded.pejorative hit in the reporter's voice: %v", x)
	}
	if got := r.Sentences[0].Score; got != sig(-1+n) {
		t.Errorf("score %v, want σ(−1+%v)", got, n)
	}
}

// TestSentenceFeaturesModes: discount drops quoted categories, quoted
// words and the named features that measure quotation; count keeps them.
func TestSentenceFeaturesModes(t *testing.T) {
	an, _ := NewAnalyzer(WithoutPOS(), WithTerms())
	r, _ := an.AnalyzeText(`"This shameful regime lies," the minister said.`)
	d := r.SentenceFeatures(QuotesDiscount)[0]
	c := r.SentenceFeatures(QuotesCount)[0]
	if d[WordFeature("shame")] != 0 || c[WordFeature("shame")] != 1 {
		t.Errorf("quoted word: discount %v count %v", d[WordFeature("shame")], c[WordFeature("shame")])
	}
	if _, ok := d["quote_share"]; ok {
		t.Error("quote_share counted under discount")
	}
	if c["quote_share"] == 0 || c[WordFeature("minist")] != 1 || d[WordFeature("minist")] != 1 {
		t.Errorf("count features %v", c)
	}
	quotedCat := false
	for k := range c {
		quotedCat = quotedCat || strings.HasSuffix(k, "@quote")
	}
	for k := range d {
		if strings.HasSuffix(k, "@quote") {
			t.Errorf("quoted category %s under discount", k)
		}
	}
	if !quotedCat {
		t.Errorf("no quoted category under count: %v", c)
	}
}

func TestLoadWeightsRejects(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ yaml, want string }{
		"bad quotes":   {"bias: 0\nquotes: sometimes\n", `quotes mode "sometimes"`},
		"bad category": {"bias: 0\ncategories: {loaded.pejorative: 1}\n", "is not <category>@"},
		"bad voice":    {"bias: 0\ncategories: {loaded.pejorative@editor: 1}\n", "is not <category>@"},
		"repeated":     {"bias: 0\nwords: [{term: a, weight: 1}, {term: a, weight: 2}]\n", "repeated term"},
		"typo":         {"bias: 0\nwieghts: 1\n", "wieghts"},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".yaml")
		if err := os.WriteFile(p, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadWeights(p); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %v, want one naming the file and containing %q", name, err, tc.want)
		}
	}
	// An old file (no quotes field) means count.
	p := filepath.Join(dir, "old.yaml")
	os.WriteFile(p, []byte("bias: -1\nfeatures: {loaded_reporter: 1}\n"), 0o644)
	w, err := LoadWeights(p)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := ParseQuotesMode(string(w.Quotes)); m != QuotesCount || !m.CountsFeature("quote_share") {
		t.Errorf("old file quotes mode %q", w.Quotes)
	}
}
