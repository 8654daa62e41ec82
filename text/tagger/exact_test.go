package tagger

import (
	"bufio"
	"context"
	"encoding/json"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// allSidesPath is the AllSides sample, relative to this directory. It is
// read at run time only (see ../../../shared/eval/README.md).
const allSidesPath = "../../../shared/eval/allsides_baly2020_sample.jsonl"

// allSidesTexts returns the text of every step-th article of the AllSides
// sample, at most n of them, or skips the test when the file is absent.
func allSidesTexts(tb testing.TB, step, n int) []string {
	tb.Helper()
	f, err := os.Open(allSidesPath)
	if os.IsNotExist(err) {
		tb.Skipf("%s is absent: skipping the AllSides check", allSidesPath)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var texts []string
	for line := 0; sc.Scan() && len(texts) < n; line++ {
		if line%step != 0 {
			continue
		}
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s line %d: %v", allSidesPath, line+1, err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// seedTexts returns the kept body regions of the seed articles.
func seedTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	var c corpus.Cleaner
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		cl := c.CleanArticle(a)
		if cl.Title != nil {
			texts = append(texts, a.Text[cl.Title.Start:cl.Title.End])
		}
		for _, r := range cl.Body {
			texts = append(texts, a.Text[r.Start:r.End])
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return texts
}

// proseSentence is one sentence as prose tokenizes and tags it.
type proseSentence struct{ words, tags []string }

var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("tagger-test") })

// proseSentences segments texts with prose and tokenizes each sentence with
// prose, and tags it too if tag is set (as text.ProseTagger does).
func proseSentences(tb testing.TB, texts []string, tag bool) []proseSentence {
	tb.Helper()
	var out []proseSentence
	for _, text := range texts {
		doc, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range doc.Sentences() {
			opts := []prose.DocOpt{prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(tag)}
			if tag {
				opts = append(opts, prose.UsingModel(proseModel()))
			}
			d, err := prose.NewDocument(s.Text, opts...)
			if err != nil {
				tb.Fatal(err)
			}
			var ps proseSentence
			for _, tk := range d.Tokens() {
				ps.words = append(ps.words, tk.Text)
				ps.tags = append(ps.tags, tk.Tag)
			}
			if len(ps.words) > 0 {
				out = append(out, ps)
			}
		}
	}
	return out
}

// edgeSentences exercise every special case of prose's tagger.
var edgeSentences = [][]string{
	{"-", "well", ":)", "(ಠ_ಠ)", "xD", "see", "https://example.com/a", "www.x.org", "mail", "a.b@c.org", "@handle", "or", "3.50", "e.g."},
	{"0", "*", "*T*", "*-12", "*EXP*-1", "*?*", "-LRB-", "-RRB-", "-NONE-", "-abc-", "-ABCD-"},
	{"1999", "+123", "-123", "12345", "1,000", "9am", "-9", "co-op", "-dash", "re-", "-", "--"},
	{"ÜBER", "Straße", "naïve", "İstanbul", "ΣΊΣΥΦΟΣ", "\xff\xfeBAD", "x"},
	{strings.Repeat("ABCDEFGHIJ", 8), strings.Repeat("a", 70) + "Z", "The", "END"},
	{"-START-", "-START2-", "-END-", "-END2-", "!HYPHEN", "!YEAR", "!DIGITS", "bias"},
	{"i", "suffix", "i-1", "tag+i", "word", "i pref1", "a b", "NN NN"},
	{"He", "said", "\"", "no", "\"", "(", "twice", ")", "[", "1", "]", "$", "5", "%", "…", "—", "."},
	{"A"},
}

// sanitize applies prose's input sanitizer to words and drops empty ones,
// as Tag does before model.tag.
func sanitize(words []string) []string {
	var out []string
	for _, w := range words {
		if w = sanitizer.Replace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// checkAgainstReference tags each sentence with the model and with the
// reference and fails on any difference in tags or scores. It returns the
// number of predicted tokens and of exact ties among them.
func checkAgainstReference(t *testing.T, m *model, r *refModel, sentences [][]string) (predicted, ties int) {
	t.Helper()
	bad := 0
	for _, words := range sentences {
		words = sanitize(words)
		if len(words) == 0 {
			continue
		}
		got := make([]string, len(words))
		m.tag(words, got)
		want := r.tag(words)
		for i := range words {
			if got[i] != want[i].tag {
				if bad++; bad <= 20 {
					t.Errorf("%q in %q: tag %q, reference %q", words[i], words, got[i], want[i].tag)
				}
				continue
			}
			if want[i].scores == nil {
				continue
			}
			predicted++
			if want[i].tie != nil {
				ties++
				t.Logf("exact tie: %q (word %d of %d) between %v: both tag %s", words[i], i+1, len(words), want[i].tie, got[i])
			}
			// Recompute our scores in the same context and compare them
			// class by class with the reference's float64 sums.
			ctx := make([]ctxEntry, 5)
			for k := range 5 {
				switch j := i + k - 2; {
				case j == -2 || j == -1:
					ctx[k] = m.ctxStart[j+2]
				case j >= len(words):
					ctx[k] = m.ctxEnd[j-len(words)]
				default:
					ctx[k] = m.normContext(words[j], m.lexIndex(words[j]))
				}
			}
			p1, p2 := m.start, m.start2
			if i >= 1 {
				p1 = m.lookupTag(want[i-1].tag)
			}
			if i >= 2 {
				p2 = m.lookupTag(want[i-2].tag)
			} else if i == 1 {
				p2 = m.start
			}
			var score [maxClasses]int32
			seen := m.score(words[i], m.lexIndex(words[i]), ctx, p1, p2, &score)
			n := 0
			for c, name := range m.classes {
				v, ok := want[i].scores[name]
				if ok != (seen&(1<<c) != 0) {
					t.Fatalf("%q in %q: class %s has a weight here in one model only", words[i], words, name)
				}
				if ok {
					n++
					if math.Abs(float64(score[c])/1000-v) > 1e-9 {
						t.Fatalf("%q in %q: class %s scores %v, reference %v", words[i], words, name, float64(score[c])/1000, v)
					}
				}
			}
			if n != len(want[i].scores) {
				t.Fatalf("%q in %q: reference scores a class unknown to the model: %v", words[i], words, want[i].scores)
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d tags differ from the reference", bad)
	}
	return predicted, ties
}

// lookupTag is the tag id of a tag, -1 if the model has no feature for it.
func (m *model) lookupTag(tag string) int32 {
	if id, ok := m.tagIDs[tag]; ok {
		return id
	}
	return -1
}

func mustModel(tb testing.TB) *model {
	tb.Helper()
	m, err := loadModel()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func words(ps []proseSentence) [][]string {
	out := make([][]string, len(ps))
	for i, s := range ps {
		out[i] = s.words
	}
	return out
}

// TestReference checks tags and per-class scores against prose's own
// algorithm on prose's tokens of the seeds and of AllSides articles and on
// the special cases.
func TestReference(t *testing.T) {
	m, r := mustModel(t), refOrSkip(t)
	p, ties := checkAgainstReference(t, m, r, edgeSentences)
	t.Logf("special cases: %d predicted tokens, %d ties", p, ties)
	p, ties = checkAgainstReference(t, m, r, words(proseSentences(t, seedTexts(t), false)))
	t.Logf("seeds: %d predicted tokens agree in tag and in every class score; %d exact ties", p, ties)
	n := 100
	if testing.Short() || raceEnabled {
		n = 15
	}
	p, ties = checkAgainstReference(t, m, r, words(proseSentences(t, allSidesTexts(t, 72, n), false)))
	t.Logf("AllSides (%d articles): %d predicted tokens agree in tag and in every class score; %d exact ties", n, p, ties)
}

// TestAgainstProse compares Tag with prose itself on prose's own tokens.
// They differ in two cases only:
//
//   - prose met an exact tie, which it breaks by map order (the difference
//     can then also show later in the sentence, through the previous-tag
//     context);
//   - a prose bug: its tokenizer caches the tokens of each whitespace-
//     separated span and appends the same *Token again when the span recurs
//     in the text, so every occurrence of a repeated span reports the tag
//     given to its last occurrence (the tagger's own context is unaffected).
//     text.ProseTagger inherits this for words repeated within a sentence.
func TestAgainstProse(t *testing.T) {
	r := refOrSkip(t)
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	total, diff, ties, aliased := 0, 0, 0, 0
	for _, s := range proseSentences(t, seedTexts(t), true) {
		got, err := tg.Tag(s.words)
		if err != nil {
			t.Fatal(err)
		}
		ref := r.tag(s.words)
		tiedBefore := false
		for i := range s.words {
			tiedBefore = tiedBefore || ref[i].tie != nil
			total++
			if got[i] == s.tags[i] {
				continue
			}
			diff++
			// The shared token's tag is ours at a later occurrence (the last
			// of its span, which this test does not reconstruct).
			later := -1
			for j := i + 1; j < len(s.words); j++ {
				if s.words[j] == s.words[i] && got[j] == s.tags[i] {
					later = j
				}
			}
			switch {
			case later >= 0:
				aliased++
				if aliased <= 3 {
					t.Logf("prose's shared token: %q (word %d of %d): ours %s, prose %s = our tag of word %d",
						s.words[i], i+1, len(s.words), got[i], s.tags[i], later+1)
				}
			case tiedBefore:
				ties++
				t.Logf("tie: %q in %q: ours %s, prose %s (tied: %v)", s.words[i], s.words, got[i], s.tags[i], ref[i].tie)
			default:
				t.Errorf("%q in %q: ours %s, prose %s", s.words[i], s.words, got[i], s.tags[i])
			}
		}
	}
	t.Logf("seeds on prose's tokens: %d of %d tags equal to prose's (%.3f%%); of %d differences, %d come from prose's shared tokens, %d follow an exact tie",
		total-diff, total, 100*float64(total-diff)/float64(total), diff, aliased, ties)
}

// TestNormalize checks normContext against prose's normalize.
func TestNormalize(t *testing.T) {
	m := mustModel(t)
	cases := []string{"a", "A", "-", "--", "a-b", "-a", "1999", "+123", "-123", "+12", "12345", "0x1F",
		"1a", "9", "ÉCOLE", "İ", "\xff", "ABC" + strings.Repeat("x", 80), "Mr.", "U.S.", "!HYPHEN", "-START-"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", "-", "+", "0", "7", ".", "É", "ß", "\xe2", "'", "!"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	// Words of the vocabulary and the dictionary, as they are and
	// capitalised, take normContext's lookup in m.lex.
	for _, words := range []map[string]int32{m.vocab, m.dict} {
		sorted := slices.Sorted(maps.Keys(words))
		for i := 0; i < len(sorted); i += max(1, len(sorted)/500) {
			cases = append(cases, sorted[i], strings.ToUpper(sorted[i][:1])+sorted[i][1:])
		}
	}
	for _, w := range cases {
		if got, want := m.normContext(w, m.lexIndex(w)), m.context(refNormalize(w)); got != want {
			t.Fatalf("normContext(%q) = %v, want %v (normalize gives %q)", w, got, want, refNormalize(w))
		}
		_, err := strconv.Atoi(w)
		if len(w) == 4 && isAtoi(w) != (err == nil) {
			t.Fatalf("isAtoi(%q) = %v", w, isAtoi(w))
		}
	}
}

// TestPatterns pins the patterns the fast pre-checks in tag rely on: a link
// needs a '.', an e-mail address an '@', "none" matches only "0" or a word
// starting with '*', "keep" only five-byte words starting with '-'.
func TestPatterns(t *testing.T) {
	const (
		link  = `(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`
		email = `(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`
	)
	if commonregex.LinkPattern != link || commonregex.EmailPattern != email {
		t.Fatal("commonregex's link or e-mail pattern changed: review isLink")
	}
	if nonePattern != `^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$` || keepPattern != `^\-[A-Z]{3}\-$` {
		t.Fatal("prose's none or keep pattern changed: review the pre-checks in tag")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "Z", "-", "*", "0", "7", ".", "@", "?", "/", ":", "com", "www", "http://", "(", ")"}
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		w := b.String()
		if got, want := isLink(w), commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w) || strings.HasPrefix(w, "@"); got != want {
			t.Fatalf("isLink(%q) = %v", w, got)
		}
		if noneRE.MatchString(w) && !(w == "0" || w[0] == '*') {
			t.Fatalf("none matches %q", w)
		}
		if keepRE.MatchString(w) && !(len(w) == 5 && w[0] == '-') {
			t.Fatalf("keep matches %q", w)
		}
	}
}

// TestModelData checks the decoded model against prose's gob assets: the
// same dictionary, and every weight of every feature, exactly.
func TestModelData(t *testing.T) {
	m, r := mustModel(t), refOrSkip(t)
	n := 0
	for w, id := range m.dict {
		if id == isEmoticon {
			if !emoticons[w] {
				t.Fatalf("%q marked as an emoticon", w)
			}
			continue
		}
		n++
		if tag, ok := r.tagMap[w]; !ok || m.tagNames[id] != tag {
			t.Fatalf("dictionary: %q → %q, prose %q", w, m.tagNames[id], tag)
		}
	}
	if n+len(emoticons) != len(m.dict) || n != len(r.tagMap) {
		t.Fatalf("dictionary has %d words and %d emoticons, prose %d words", n, len(m.dict)-n, len(r.tagMap))
	}
	// m.lex holds every vocabulary and dictionary word (emoticons
	// included) with what the separate maps say of it.
	for _, words := range []map[string]int32{m.vocab, m.dict} {
		for w := range words {
			i := m.lexIndex(w)
			if i < 0 {
				t.Fatalf("%q missing from lex", w)
			}
			e, d := m.lexEntries[i], int32(notInDict)
			if v, ok := m.dict[w]; ok {
				d = v
			}
			var isuf featRef
			if id, ok := m.suffix[w[len(w)-min(len(w), 3):]]; ok {
				isuf = m.sufFeat[id][0]
			}
			if e.ctx != m.context(w) || e.dict != d || e.isuf != isuf {
				t.Fatalf("lex entry of %q: %+v, want context %+v, dict %d, i suffix %d", w, e, m.context(w), d, isuf)
			}
		}
	}
	if len(m.refs) != len(r.weights) {
		t.Fatalf("%d features, prose %d", len(m.refs), len(r.weights))
	}
	classIndex := map[string]int{}
	for i, c := range m.classes {
		classIndex[c] = i
	}
	for name, ws := range r.weights {
		f := m.featureByName(name)
		if f == noFeature {
			t.Fatalf("feature %q not found", name)
		}
		if n := len(m.weights(f)); n != len(ws) {
			t.Fatalf("feature %q has %d weights, prose %d", name, n, len(ws))
		}
		for _, e := range m.weights(f) {
			c, w := m.classes[e&63], int32(e)>>6
			if v, ok := ws[c]; !ok || float64(w)/1000 != v {
				t.Fatalf("feature %q class %s: %v, prose %v", name, c, float64(w)/1000, v)
			}
		}
	}
}

// featureByName finds a feature through the lookup structures, noFeature
// if absent.
func (m *model) featureByName(name string) featRef {
	if name == "bias" {
		return m.bias
	}
	for _, t := range templates {
		v, ok := strings.CutPrefix(name, t.prefix)
		if !ok {
			continue
		}
		get := func(ids map[string]int32, s string, tab []featRef) featRef {
			if id, ok := ids[s]; ok {
				return tab[id]
			}
			return noFeature
		}
		switch t.kind {
		case tSuffix, tPrevSuffix, tNextSuffix:
			if id, ok := m.suffix[v]; ok {
				return m.sufFeat[id][t.slot]
			}
		case tWord, tPrevWord, tPrev2Word, tNextWord, tNext2Word:
			if id, ok := m.vocab[v]; ok {
				return m.wordFeat[id][t.slot]
			}
		case tPref1:
			for b := range 256 {
				if string(rune(b)) == v {
					return m.pref[b]
				}
			}
		case tPrevTag:
			return get(m.tagIDs, v, m.tag1)
		case tPrev2Tag:
			return get(m.tagIDs, v, m.tag2)
		case tTagPair:
			p1, p2, _ := strings.Cut(v, " ")
			a, b := m.lookupTag(p1), m.lookupTag(p2)
			if a >= 0 && b >= 0 {
				return m.pair[int(a)*len(m.tagNames)+int(b)]
			}
		case tPrevTagWord:
			p1, w, _ := strings.Cut(v, " ")
			a := m.lookupTag(p1)
			if id, ok := m.vocab[w]; ok && a >= 0 {
				for _, t := range m.tagWordsOf(m.wordTags[id]) {
					if t.tag == a {
						return t.f
					}
				}
			}
		}
		return noFeature
	}
	return noFeature
}

// FuzzReference compares Tag with the reference on arbitrary words.
func FuzzReference(f *testing.F) {
	for _, s := range edgeSentences {
		f.Add(strings.Join(s, " "))
	}
	f.Add("The U.S. said on Tuesday it would send 1,000 troops to Kyiv’s aid.")
	m := mustModel(f)
	r := refOrSkip(f)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		got, err := (&Tagger{m: m}).Tag(words)
		if err != nil {
			t.Fatal(err)
		}
		clean := sanitize(words)
		want := r.tag(clean)
		k := 0
		for i, w := range words {
			if w == "" {
				continue
			}
			if want[k].tie != nil {
				return // later tags depend on the tie-break
			}
			if got[i] != want[k].tag {
				t.Fatalf("%q in %q: %q, reference %q", w, words, got[i], want[k].tag)
			}
			k++
		}
	})
}

// BenchmarkDecodeModel is the one-off cost of New (or of a zero Tagger's
// first Tag).
func BenchmarkDecodeModel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeModel(modelGz); err != nil {
			b.Fatal(err)
		}
	}
}
