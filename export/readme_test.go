package export

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// TestREADMEFigures recomputes the DuckDB outputs shown in README.md from
// the files written for the seeds (with POS tagging, as `slant export`
// runs by default) and checks them against the Go profiles too.
func TestREADMEFigures(t *testing.T) {
	ctx := context.Background()
	an, err := framing.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var rs []*framing.Result
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	if _, err := framing.Run(ctx, an, seeds.Corpus(ctx), framing.RunOptions{}, func(r *framing.Result) error {
		rs = append(rs, r)
		return ps.Add(r)
	}); err != nil {
		t.Fatal(err)
	}
	ab, sb := write(t, rs, Options{})
	arts := readAll[articleRow](t, ab)
	sents := readAll[sentenceRow](t, sb)

	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	round := func(x float64, d int) float64 { p := math.Pow(10, float64(d)); return math.Round(x*p) / p }

	loaded := map[string][]float64{}
	for _, a := range arts {
		loaded[a.Outlet] = append(loaded[a.Outlet], a.LoadedRate)
	}
	type sagg struct{ n, sum float64 }
	score := map[string]*sagg{}
	for _, s := range sents {
		if score[s.Outlet] == nil {
			score[s.Outlet] = &sagg{}
		}
		score[s.Outlet].n++
		score[s.Outlet].sum += s.Score
	}
	want1 := []string{"outlet\tavg(loaded_rate)"}
	want2 := []string{"outlet\tsentences\tscore_sum\tscore_mean"}
	for _, p := range ps.All() {
		k := p.Key()
		var sum float64
		for _, v := range loaded[k] {
			sum += v
		}
		mean := sum / float64(len(loaded[k]))
		if math.Abs(mean-p.Articles["loaded_rate"].Mean()) > 1e-9 {
			t.Errorf("%s: mean loaded_rate %v, profile %v", k, mean, p.Articles["loaded_rate"].Mean())
		}
		want1 = append(want1, k+"\t"+num(mean))
		s := score[k]
		if s.n != float64(p.Sentences) || math.Abs(s.sum-p.SentenceMoments["score"].Sum) > 1e-9 {
			t.Errorf("%s: %v sentences, Σ score %v; profile %d, %v", k, s.n, s.sum, p.Sentences, p.SentenceMoments["score"].Sum)
		}
		want2 = append(want2, fmt.Sprintf("%s\t%d\t%s\t%s", k, int(s.n), num(round(s.sum, 6)), num(round(s.sum/s.n, 3))))
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range [][]string{want1, want2} {
		got := block(string(readme), want[0])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("README.md shows\n%s\nthe files give\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// block returns the lines of the fenced block that starts with header.
func block(doc, header string) []string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if l != header {
			continue
		}
		var out []string
		for _, m := range lines[i:] {
			if strings.HasPrefix(m, "```") {
				break
			}
			out = append(out, m)
		}
		return out
	}
	return nil
}
