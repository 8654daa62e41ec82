// Corpus-profile profiles a corpus by outlet: it streams a JSON Lines file
// (or CSV, or a directory of text files) through framing.Run, adds each
// result to a per-outlet framing.Profile, and prints, for the outlets with
// the highest mean editorializing index, their articles, words, mean
// loaded-language rate and mean editorializing index, followed by what was
// skipped and why.
//
// With no path it reads ../shared/eval/allsides_baly2020_sample.jsonl (the
// AllSides sample next to the repository) when present, else the bundled
// seed articles.
//
//	go run ./examples/corpus-profile                        # first 500 AllSides articles, or the seeds
//	go run ./examples/corpus-profile -limit 0 -by label corpus.jsonl
//	go run ./examples/corpus-profile -seeds
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"log"
	"os"
	"sort"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// allSides is where the AllSides sample sits relative to the repository
// root (go run) and to this directory (go test).
var allSides = []string{
	"../shared/eval/allsides_baly2020_sample.jsonl",
	"../../../shared/eval/allsides_baly2020_sample.jsonl",
}

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("corpus-profile", flag.ContinueOnError)
	limit := fs.Int("limit", 500, "analyse at most this many articles (0: all)")
	by := fs.String("by", "outlet", "group by this field (outlet, or a metadata field such as label)")
	top := fs.Int("top", 10, "outlets to list")
	minDocs := fs.Int("min-docs", 3, "rank only outlets with at least this many articles")
	useSeeds := fs.Bool("seeds", false, "profile the bundled seed articles")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()

	var name string
	var seq iter.Seq2[*corpus.Article, error]
	switch {
	case fs.NArg() > 0:
		name, seq = fs.Arg(0), corpus.Open(ctx, fs.Args(), corpus.Options{})
	case !*useSeeds && exists(allSides[0]):
		name, seq = allSides[0], corpus.Open(ctx, allSides[:1], corpus.Options{})
	case !*useSeeds && exists(allSides[1]):
		name, seq = allSides[1], corpus.Open(ctx, allSides[1:], corpus.Options{})
	default:
		name, seq = "the seed articles", seeds.Corpus(ctx)
	}
	if *limit > 0 {
		seq = take(seq, *limit)
	}

	an, err := framing.NewAnalyzer()
	if err != nil {
		return err
	}
	ps := framing.NewProfiles(*by, an.Fingerprint())
	st, err := framing.Run(ctx, an, seq, framing.RunOptions{}, ps.Add)
	if err != nil {
		return err
	}

	if *limit > 0 && st.Articles == *limit {
		name += fmt.Sprintf(" (stopped after %d articles; -limit 0 reads them all)", *limit)
	}
	fmt.Fprintf(w, "corpus: %s\n", name)
	fmt.Fprintf(w, "read %d documents: %d analysed, %d skipped, %d invalid UTF-8 sequences repaired\n",
		st.Read, st.Articles, len(st.Skipped), st.Repaired)
	fmt.Fprintf(w, "%d groups by %s; lexicons %.12s\n\n", len(ps.Keys()), ps.GroupBy, an.Fingerprint())

	// Rank by mean editorializing index, leaving out groups too small for
	// a mean to say much (unless none is large enough).
	var ranked []*framing.Profile
	for _, p := range ps.All() {
		if p.Documents >= int64(*minDocs) {
			ranked = append(ranked, p)
		}
	}
	which := fmt.Sprintf("the %d with at least %d articles", len(ranked), *minDocs)
	if len(ranked) == 0 {
		ranked = ps.All()
		which = fmt.Sprintf("all %d; none has %d articles", len(ranked), *minDocs)
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		return mean(ranked[i], "editorializing_index") > mean(ranked[j], "editorializing_index")
	})
	fmt.Fprintf(w, "top %d by mean editorializing_index (of %s):\n", min(*top, len(ranked)), which)
	fmt.Fprintf(w, "%-32s %6s %9s %12s %21s\n", *by, "docs", "words", "loaded_rate", "editorializing_index")
	for _, p := range ranked[:min(*top, len(ranked))] {
		fmt.Fprintf(w, "%-32.32s %6d %9d %12.2f %21.3f\n", p.Key(), p.Documents, p.Words,
			mean(p, "loaded_rate"), mean(p, "editorializing_index"))
	}

	fmt.Fprintf(w, "\nskipped: %d\n", len(st.Skipped))
	for i, s := range st.Skipped {
		if i == 5 {
			fmt.Fprintf(w, "  ... and %d more\n", len(st.Skipped)-5)
			break
		}
		fmt.Fprintln(w, " ", s.Error())
	}
	return nil
}

// mean is a measure's mean over the profile's articles.
func mean(p *framing.Profile, measure string) float64 {
	if m, ok := p.Articles[measure]; ok {
		return m.Mean()
	}
	return 0
}

// take stops seq after n articles; skipped documents pass through and do
// not count.
func take(seq iter.Seq2[*corpus.Article, error], n int) iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for a, err := range seq {
			if !yield(a, err) {
				return
			}
			if err == nil {
				if n--; n == 0 {
					return
				}
			}
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
