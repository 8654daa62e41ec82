package framing

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
	"github.com/slantlab/slant/text"
)

func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	var out []*corpus.Article
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// TestKWICSeeds: a phrase is found as the lexicon matcher finds an entry
// (the seeds hold "security guarantees" 17 times, counted with grep -io
// over the article bodies and titles the cleaner keeps), with spans that
// point at the text; "Russia's" also matches the curly "Russia’s"; a
// category gives its evidence.
func TestKWICSeeds(t *testing.T) {
	an := analyzer(t)
	ctx := context.Background()
	count := func(term string) (n int, lines []KWICLine) {
		k, err := an.KWIC(term)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range seedArticles(t) {
			ls, err := k.Find(ctx, a, 20)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range ls {
				if a.Text[l.Start:l.End] != l.Match {
					t.Fatalf("%s: span %d:%d is %q, match %q", a.ID, l.Start, l.End, a.Text[l.Start:l.End], l.Match)
				}
				if utf8.RuneCountInString(l.Left) > 20 || utf8.RuneCountInString(l.Right) > 20 {
					t.Fatalf("context longer than asked: %+v", l)
				}
			}
			lines = append(lines, ls...)
		}
		return len(lines), lines
	}
	n, lines := count("Security Guarantees")
	if n != 17 {
		t.Errorf("security guarantees: %d occurrences, want 17", n)
	}
	for _, l := range lines {
		if text.Fold(strings.Join(strings.Fields(l.Match), " ")) != "security guarantees" {
			t.Errorf("matched %q", l.Match)
		}
	}
	n, lines = count("Russia's")
	if n == 0 || !strings.Contains(lines[0].Match, "’") {
		t.Errorf("Russia's: %d, %+v", n, lines)
	}
	n, _ = count("guarant*")
	if n <= 17 {
		t.Errorf("guarant*: %d, want more than the 17 'security guarantees'", n)
	}
	n, lines = count("loaded.moral_condemnation")
	if n != 3 || lines[0].Outlet != seeds.EasternHerald {
		t.Errorf("category: %d %+v", n, lines)
	}
}

// TestKWICBadInput: issue 17 item 3 — a blank term and an out-of-range
// width are errors, not a panic or an endless loop.
func TestKWICBadInput(t *testing.T) {
	an := analyzer(t)
	for _, term := range []string{"", "   ", "\t\n", "mi*tar", "*"} {
		if _, err := an.KWIC(term); !errors.Is(err, ErrBadTerm) {
			t.Errorf("term %q: %v", term, err)
		}
	}
	k, err := an.KWIC("peace")
	if err != nil {
		t.Fatal(err)
	}
	a := &corpus.Article{ID: "a", Text: "War and peace."}
	for _, w := range []int{-1, MaxKWICWidth + 1} {
		if _, err := k.Find(context.Background(), a, w); err == nil {
			t.Errorf("width %d accepted", w)
		}
	}
	ls, err := k.Find(context.Background(), a, 0)
	if err != nil || len(ls) != 1 || ls[0].Left != "" || !ls[0].LeftCut || !ls[0].RightCut {
		t.Errorf("width 0: %+v %v", ls, err)
	}
}

// naiveBefore and naiveAfter are the definitions ContextBefore and
// ContextAfter implement in linear time: fold the whole side to one line,
// then take n runes next to the match.
func naiveBefore(s string, n int) (string, bool) {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs), false
	}
	return string(rs[len(rs)-n:]), true
}

func naiveAfter(s string, n int) (string, bool) {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs), false
	}
	return string(rs[:n]), true
}

// TestContextWindows checks the windows against the naive definition on
// hand-made and random texts, at every rune boundary and width 0..9.
func TestContextWindows(t *testing.T) {
	texts := []string{"", "x", "  ", "ab cd", "  ab   cd  ", "héllo wörld\n\nfoo\tbar", "a b c d e f g", "«Кто» — ты?\u00a0да"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab é\n\t…")
	for range 200 {
		rs := make([]rune, rng.IntN(14))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	for _, s := range texts {
		for at := 0; at <= len(s); at++ {
			if at < len(s) && !utf8.RuneStart(s[at]) {
				continue
			}
			for n := range 10 {
				got, cut := ContextBefore(s, at, n)
				want, wcut := naiveBefore(s[:at], n)
				if got != want || cut != wcut {
					t.Fatalf("before %q@%d n=%d: %q %v, want %q %v", s, at, n, got, cut, want, wcut)
				}
				got, cut = ContextAfter(s, at, n)
				want, wcut = naiveAfter(s[at:], n)
				if got != want || cut != wcut {
					t.Fatalf("after %q@%d n=%d: %q %v, want %q %v", s, at, n, got, cut, want, wcut)
				}
			}
		}
	}
}

// FuzzKWIC: no text, term or width panics the concordance, and every line
// points at its match with context no wider than asked. Seeds in
// testdata/fuzz/FuzzKWIC include issue 17's blank term and negative width.
func FuzzKWIC(f *testing.F) {
	f.Add("The security guarantees, “security guarantees”.", "security guarantees", 10)
	f.Add("Russia’s war", "Russia's", 40)
	f.Add("abc", "", -1)
	f.Add("a\u00ad b", "a*", 3)
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s, term string, width int) {
		if !utf8.ValidString(s) {
			return // readers repair UTF-8 before analysis
		}
		k, err := an.KWIC(term)
		if err != nil {
			if !errors.Is(err, ErrBadTerm) {
				t.Fatalf("term %q: %v", term, err)
			}
			return
		}
		lines, err := k.Find(context.Background(), &corpus.Article{ID: "f", Text: s}, width)
		if err != nil {
			if width >= 0 && width <= MaxKWICWidth {
				t.Fatalf("width %d: %v", width, err)
			}
			return
		}
		for _, l := range lines {
			if l.Start < 0 || l.End > len(s) || l.Start >= l.End || s[l.Start:l.End] != l.Match {
				t.Fatalf("bad line %+v", l)
			}
			if utf8.RuneCountInString(l.Left) > width || utf8.RuneCountInString(l.Right) > width {
				t.Fatalf("context wider than %d: %+v", width, l)
			}
		}
	})
}

// BenchmarkKWIC runs a concordance of a frequent word over one article of
// about 150 KB (issue 17 item 3: 8 lines in 120 s before); the time per
// byte should not grow with the article (compare -bench sizes).
func BenchmarkKWIC(b *testing.B) {
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		b.Fatal(err)
	}
	k, err := an.KWIC("the")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	arts := seedArticles(b)
	for i := 0; sb.Len() < 150_000; i++ {
		sb.WriteString(arts[i%len(arts)].Text)
		sb.WriteString("\n\n")
	}
	a := &corpus.Article{ID: "big", Text: sb.String()}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Find(context.Background(), a, 40); err != nil {
			b.Fatal(err)
		}
	}
}
