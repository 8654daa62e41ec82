package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

func newBenchCmd() *cobra.Command {
	var in inputFlags
	var baselineDocs, limit int
	c := &cobra.Command{
		Use:   "bench [PATH...]",
		Short: "Measure throughput against prose's own NewDocument, in the same run",
		Long: `bench analyses the corpus (default: the seeds) with the full pipeline — reading,
cleaning, tokenizing, tagging (unless --no-pos), matching, measures, profiles by
outlet — and reports words/s, MB/s and peak memory; then it runs prose's own
NewDocument (model built once, segmentation and tagging on, NER off) over the
first --baseline-docs articles and reports our throughput as a ratio of prose's,
measured in the same run so that machine noise cancels.`,
		Example: `  slant bench
  slant bench ../shared/eval/allsides_baly2020_sample.jsonl --no-pos
  slant bench ../shared/eval/allsides_baly2020_sample.jsonl --baseline-docs 300`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := commandContext(cmd)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			ps := framing.NewProfiles("outlet", an.Fingerprint())
			var words, bytes int64
			var sample []string
			seq := in.articles(ctx, args)
			if limit > 0 {
				seq = corpus.Take(seq, limit)
			}
			start := time.Now()
			st, err := framing.Run(ctx, an, seq, framing.RunOptions{}, func(r *framing.Result) error {
				words += int64(r.Words)
				bytes += int64(len(r.Text))
				if len(sample) < baselineDocs {
					sample = append(sample, r.Text)
				}
				return ps.Add(r)
			})
			if err != nil {
				return err
			}
			ours := time.Since(start)
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "slant: %d articles (%d skipped), %d words, %.1f MB in %s on %d cores (POS %v)\n", st.Articles, len(st.Skipped), words, float64(bytes)/1e6, ours.Round(time.Millisecond), runtime.GOMAXPROCS(0), !in.noPOS)
			fmt.Fprintf(w, "  %.0f words/s, %.2f MB/s, peak RSS %.0f MB, %d profiles\n", float64(words)/ours.Seconds(), float64(bytes)/1e6/ours.Seconds(), peakRSSMB(), len(ps.Keys()))
			if len(sample) == 0 {
				return nil
			}
			// Our pipeline on the baseline sample alone, single-threaded, then prose.
			var sampleBytes int64
			for _, s := range sample {
				sampleBytes += int64(len(s))
			}
			t0 := time.Now()
			for _, s := range sample {
				if _, err := an.Analyze(ctx, &corpus.Article{Text: s}); err != nil {
					return err
				}
			}
			oursOne := time.Since(t0)
			model := prose.ModelFromData("bench")
			t0 = time.Now()
			for _, s := range sample {
				if _, err := prose.NewDocument(s, prose.UsingModel(model), prose.WithExtraction(false)); err != nil {
					return err
				}
			}
			proseT := time.Since(t0)
			fmt.Fprintf(w, "baseline on the first %d articles (%.2f MB), one goroutine each:\n", len(sample), float64(sampleBytes)/1e6)
			fmt.Fprintf(w, "  slant full analysis  %8.2f MB/s\n  prose NewDocument    %8.2f MB/s\n  ratio slant/prose    %8.2fx\n",
				float64(sampleBytes)/1e6/oursOne.Seconds(), float64(sampleBytes)/1e6/proseT.Seconds(), proseT.Seconds()/oursOne.Seconds())
			return nil
		},
	}
	in.register(c)
	c.Flags().IntVar(&baselineDocs, "baseline-docs", 100, "articles to run prose's NewDocument on for the ratio")
	c.Flags().IntVar(&limit, "limit", 0, "stop after this many documents (0: all)")
	return c
}

// peakRSSMB returns the process's peak resident set size in MB (Linux
// reports ru_maxrss in KiB).
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
