package corpus_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
)

const allSidesSample = "../../shared/eval/allsides_baly2020_sample.jsonl"

// kept returns the text the cleaner keeps (title and body), one region a
// line.
func kept(text string, cl corpus.Cleaned) string {
	var b strings.Builder
	if cl.Title != nil {
		b.WriteString(text[cl.Title.Start:cl.Title.End] + "\n")
	}
	for _, r := range cl.Body {
		b.WriteString(text[r.Start:r.End] + "\n")
	}
	return b.String()
}

// TestPageLeftoversAllSides measures issue 17 item 13 on the AllSides
// sample (third-party data, read at run time, evaluation only): gallery
// captions and video-player lines are removed by pattern, and the
// per-outlet boilerplate index removes short lines an outlet repeats while
// keeping short body lines that recur (checked by hand: NYT podcast
// transcripts' "Right." (4 of 268 articles), BBC sub-headings such as "What
// happens next?"). Run with -v for the figures.
func TestPageLeftoversAllSides(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the 47 MB AllSides sample")
	}
	if _, err := os.Stat(allSidesSample); err != nil {
		t.Skip("AllSides sample not present (../shared/eval): ", err)
	}
	read := func() []*corpus.Article {
		var arts []*corpus.Article
		_, err := corpus.Tally(corpus.OpenFile(context.Background(), allSidesSample, corpus.RecordOptions{}), func(a *corpus.Article) error {
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return arts
	}
	arts := read()
	count := func(texts func(yield func(string) bool)) (hide, watched int) {
		for s := range texts {
			hide += strings.Count(s, "Hide Caption")
			for _, l := range strings.Split(s, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "JUST WATCHED") {
					watched++
				}
			}
		}
		return
	}
	hideBefore, watchedBefore := count(func(yield func(string) bool) {
		for _, a := range arts {
			if !yield(a.Text) {
				return
			}
		}
	})
	// The boilerplate index, learned from the whole sample.
	bp := corpus.NewBoilerplate()
	for _, a := range arts {
		bp.AddArticle(a)
	}
	c := corpus.Cleaner{Boilerplate: bp}
	byRule := map[string]int{}
	removedLines := map[string]map[string]bool{} // outlet -> folded line
	hideAfter, watchedAfter := 0, 0
	for _, a := range arts {
		cl := c.CleanArticle(a)
		h, w := count(func(yield func(string) bool) { yield(kept(a.Text, cl)) })
		hideAfter += h
		watchedAfter += w
		for _, r := range cl.Removed {
			if !strings.HasPrefix(r.Reason, "boilerplate:") {
				continue
			}
			rule := "corpus"
			if strings.Contains(r.Reason, " of ") {
				rule = "outlet"
			}
			byRule[rule]++
			if removedLines[a.Outlet] == nil {
				removedLines[a.Outlet] = map[string]bool{}
			}
			removedLines[a.Outlet][strings.ToLower(strings.Join(strings.Fields(a.Text[r.Start:r.End]), " "))] = true
		}
	}
	t.Logf("%d articles: \"Hide Caption\" %d before, %d after; \"JUST WATCHED\" lines %d before, %d after", len(arts), hideBefore, hideAfter, watchedBefore, watchedAfter)
	if hideBefore < 2000 || hideAfter != 0 || watchedBefore < 1000 || watchedAfter != 0 {
		t.Errorf("gallery/video leftovers not removed")
	}
	t.Logf("boilerplate lines removed: %d by the corpus-wide rule (>= %.1f%% of documents), %d by the per-outlet rule (>= %.0f%% of the outlet's documents)",
		byRule["corpus"], 100*corpus.DefaultCorpusShare, byRule["outlet"], 100*corpus.DefaultOutletShare)
	for _, w := range []struct {
		outlet, line string
		removed      bool
	}{
		{"Politico", "story continued below", true},
		{"USA TODAY", "david jackson", true}, // a byline line, 8 of 356 articles
		{"Yahoo! News", "story continues", true},
		{"Fox Online News", "click here to get the fox news app", true},
		{"New York Times - News", "right.", false},
		{"New York Times - News", "thank you, michael.", false},
		{"BBC News", "what happens next?", false},
		{"BBC News", "how did we get here?", false},
	} {
		if got := removedLines[w.outlet][w.line]; got != w.removed {
			t.Errorf("%s %q: removed %v, want %v", w.outlet, w.line, got, w.removed)
		}
	}
	// Every removed line was read by hand (go test -v lists them): page
	// furniture, section labels, bylines and speaker labels, no prose.
	if testing.Verbose() {
		var sample []string
		for o, ls := range removedLines {
			for l := range ls {
				sample = append(sample, o+" | "+l)
			}
		}
		sort.Strings(sample)
		t.Logf("%d distinct (outlet, line) removed as boilerplate:\n%s", len(sample), strings.Join(sample, "\n"))
	}
}
