// Compare-outlets compares The Eastern Herald's piece on the 2025 Paris
// summit with AP's report on it, through the library API: the seed corpus is
// analysed with framing.Run, the results are grouped into per-outlet
// profiles, and framing.Compare tests each measure. It prints the unit of
// analysis and the warnings, every measure with its effect size, bootstrap
// interval, p and Benjamini–Hochberg q (largest |effect| first), and for the
// top measures the spans behind them: byte offsets into the article and the
// sentence they stand in.
//
//	go run ./examples/compare-outlets
//	go run ./examples/compare-outlets -target "Insight News Media" -reference AP -top 2
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"sort"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("compare-outlets", flag.ContinueOnError)
	target := fs.String("target", seeds.EasternHerald, "outlet to describe")
	reference := fs.String("reference", seeds.AP, "outlet to compare it with")
	top := fs.Int("top", 3, "measures whose evidence is listed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()

	an, err := framing.NewAnalyzer()
	if err != nil {
		return err
	}
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	if _, err := framing.Run(ctx, an, seeds.Corpus(ctx), framing.RunOptions{}, ps.Add); err != nil {
		return err
	}
	t, ok := ps.Get(*target)
	r, ok2 := ps.Get(*reference)
	if !ok || !ok2 {
		return fmt.Errorf("want two of the seed outlets %q", ps.Keys())
	}
	c, err := framing.Compare(t, r, framing.CompareOptions{}) // 2000 resamples, seed 1
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "%s vs %s\n", c.Target, c.Reference)
	fmt.Fprintf(w, "unit of analysis: %s (n = %d vs %d); bootstrap %d resamples, seed %d\n", c.Unit, c.NTarget, c.NReference, c.Bootstrap, c.Seed)
	for _, warn := range c.Warnings {
		fmt.Fprintln(w, "warning:", warn)
	}

	ms := c.Measures
	sort.SliceStable(ms, func(i, j int) bool { return math.Abs(ms[i].EffectSize) > math.Abs(ms[j].EffectSize) })
	fmt.Fprintf(w, "\n%-24s %8s %8s  %-13s %7s  %-17s %7s %7s\n", "measure", "target", "ref", "effect", "size", "95% CI", "p", "q")
	for _, m := range ms {
		fmt.Fprintf(w, "%-24s %8.3f %8.3f  %-13s %7.3f  [%6.3f, %6.3f] %7.4f %7.4f\n",
			m.Name, m.Target, m.Reference, m.Effect, m.EffectSize, m.CILow, m.CIHigh, m.P, m.Q)
	}

	fmt.Fprintf(w, "\nevidence in %s (reporter's voice), top %d measures:\n", c.Target, *top)
	shown := 0
	for _, m := range ms {
		if shown == *top {
			break
		}
		if len(m.Evidence) == 0 {
			continue // score, attributed, quote_share count no spans
		}
		shown++
		fmt.Fprintf(w, "%s (%s %.3f):\n", m.Name, m.Effect, m.EffectSize)
		// Exemplars come strongest first; group them by the sentence they
		// stand in, keeping that order.
		var order []string
		bySentence := map[string][]framing.Exemplar{}
		for _, e := range m.Evidence {
			key := e.Article + ": " + e.Sentence
			if bySentence[key] == nil {
				order = append(order, key)
			}
			bySentence[key] = append(bySentence[key], e)
		}
		for _, key := range order {
			fmt.Fprintf(w, "  %s\n", key)
			for _, e := range bySentence[key] {
				fmt.Fprintf(w, "    [%d:%d] %-34s %-18q weight %.2f\n", e.Start, e.End, e.Category, e.Text, e.Weight)
			}
		}
	}
	return nil
}
