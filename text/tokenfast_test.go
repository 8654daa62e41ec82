package text

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/slantlab/slant/seeds"
)

// TestTokenizeMatchesReference checks Tokenize's ASCII fast paths against
// tokenizeRef (Tokenize before them) on the seeds, on the first 300
// AllSides articles when the shared evaluation folder is present, and on
// random strings over a mix of ASCII, curly quotes, dashes, hyphens,
// invisible characters, combining marks and letters outside ASCII.
func TestTokenizeMatchesReference(t *testing.T) {
	var texts []string
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if f, err := os.Open("../../shared/eval/allsides_baly2020_sample.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for n := 0; n < 300 && sc.Scan(); n++ {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		f.Close()
	}
	alphabet := []string{"a", "Z", "q", "0", "9", " ", "\t", "\n", ".", ",", "'", "-", "\"", "$", "%", "(", ")", "?", "!", "_", "~",
		"\u2019", "\u2018", "\u201c", "\u201d", "\u2014", "\u2013", "\u2010", "\u00ad", "\u200b", "\u00a0", "\u0301", "é", "Ü", "ß", "İ",
		"n't", "'s", "U.S.", "Mr.", "25,000", "3.5", "e.g.", "\xff", "😀"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, want := Tokenize(s, 0, len(s), nil), tokenizeRef(s, 0, len(s), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q):\n got %+v\nwant %+v", s, got, want)
		}
	}
}
