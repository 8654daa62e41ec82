package tagger_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/slantlab/slant/text/tagger"
)

func tagAll(tb testing.TB, tg *tagger.Tagger, sentences [][]string) [][]string {
	tb.Helper()
	out := make([][]string, len(sentences))
	for i, words := range sentences {
		tags, err := tg.Tag(words)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = tags
	}
	return out
}

func sameTags(tb testing.TB, what string, a, b [][]string) {
	tb.Helper()
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			tb.Fatalf("%s: sentence %d tagged %v, then %v", what, i, a[i], b[i])
		}
	}
}

// TestDeterministic: the same tags on every run, from New and from the zero
// Tagger, and from many goroutines sharing one Tagger (run with -race).
func TestDeterministic(t *testing.T) {
	sentences := sentencesOf(t, seedDocs(t))
	tg := newTagger(t)
	first := tagAll(t, tg, sentences)
	for range 3 {
		sameTags(t, "repeat", first, tagAll(t, tg, sentences))
	}
	sameTags(t, "zero Tagger", first, tagAll(t, &tagger.Tagger{}, sentences))
	sameTags(t, "second New", first, tagAll(t, newTagger(t), sentences))

	var wg sync.WaitGroup
	results := make([][][]string, 8)
	for g := range results {
		wg.Go(func() {
			// Each goroutine walks the sentences from a different start.
			out := make([][]string, len(sentences))
			for k := range sentences {
				i := (k + g*len(sentences)/len(results)) % len(sentences)
				tags, err := tg.Tag(sentences[i])
				if err != nil {
					t.Error(err)
					return
				}
				out[i] = tags
			}
			results[g] = out
		})
	}
	wg.Wait()
	for g, r := range results {
		if r != nil {
			sameTags(t, "goroutine", first, r)
		} else {
			t.Fatalf("goroutine %d failed", g)
		}
	}
}

// TestConcurrentFirstUse: goroutines racing to load the model through zero
// Taggers all get it.
func TestConcurrentFirstUse(t *testing.T) {
	words := []string{"Leaders", "met", "in", "Paris", "on", "Thursday", "."}
	want, err := (&tagger.Tagger{}).Tag(words)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			var tg tagger.Tagger
			got, err := tg.Tag(words)
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("got %v, %v; want %v", got, err, want)
			}
		})
	}
	wg.Wait()
}

// TestEdges: no words, empty words (skipped, as prose's tokenizer would),
// curly quotes (straightened, as prose's tokenizer does) and long
// sentences.
func TestEdges(t *testing.T) {
	tg := newTagger(t)
	if tags, err := tg.Tag(nil); err != nil || len(tags) != 0 {
		t.Fatalf("Tag(nil) = %v, %v", tags, err)
	}
	a, _ := tg.Tag([]string{"The", "", "cat", "", "sat", "."})
	b, _ := tg.Tag([]string{"The", "cat", "sat", "."})
	if !slices.Equal(a, []string{b[0], "", b[1], "", b[2], b[3]}) {
		t.Errorf("empty words: %v, without them %v", a, b)
	}
	a, _ = tg.Tag([]string{"Kyiv", "’s", "“", "allies", "”"})
	b, _ = tg.Tag([]string{"Kyiv", "'s", `"`, "allies", `"`})
	if !slices.Equal(a, b) {
		t.Errorf("curly quotes %v, straight %v", a, b)
	}
	long := make([]string, 1000)
	for i := range long {
		long[i] = []string{"the", "Minister", "said", "that", ","}[i%5]
	}
	tags, _ := tg.Tag(long)
	if len(tags) != len(long) || slices.Contains(tags, "") {
		t.Errorf("long sentence: %d tags, some empty: %v", len(tags), slices.Contains(tags, ""))
	}
	if tagger.ProseVersion() != "v2.0.0" {
		t.Errorf("ProseVersion %q", tagger.ProseVersion())
	}
}
