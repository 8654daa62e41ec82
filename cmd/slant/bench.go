package main

import (
	"context"
	"fmt"
	"iter"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
	"github.com/spf13/cobra"
)

func newBenchCmd() *cobra.Command {
	var in inputFlags
	var baselineDocs, limit, repeat int
	var by, cpuProfile string
	c := &cobra.Command{
		Use:   "bench [PATH...]",
		Short: "Measure throughput and memory against our tokenizer and prose, in the same run",
		Long: `bench analyses the corpus (default: the seeds) with the full pipeline — reading,
cleaning, tokenizing, sentence splitting, tagging (unless --no-pos), matching,
measures, profiles by --by — and reports words/s in all and per core, MB/s, the
process's peak resident memory, the CPU time it took (user + system) and the
share of it the garbage collector spent, under the soft memory limit in force
(--memory-limit; compare a run with --memory-limit off to see what the limit
costs).

--corpus-repeat K streams the corpus K times over (read again each time, so
nothing is held), to show that memory stays flat as the corpus grows: run it
with K = 1 and K = 4 and compare the peak RSS lines (a process's peak is
its own, so use two runs).

Then, on the first --baseline-docs articles and one goroutine, it times our
tokenizer alone (the floor: the ratio full analysis / tokenize only says how
far the pipeline is from it), our full analysis, and prose's own NewDocument
(model built once, segmentation and tagging on, NER off), all in the same run
so that machine noise cancels in the ratios.`,
		Example: `  slant bench
  slant bench ../shared/eval/allsides_baly2020_sample.jsonl --no-pos
  slant bench ../shared/eval/allsides_baly2020_sample.jsonl --corpus-repeat 4 --baseline-docs 0`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if repeat < 1 {
				return usagef("--corpus-repeat must be at least 1")
			}
			ctx := commandContext(cmd)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			ps := framing.NewProfiles(by, an.Fingerprint())
			var words, bytes int64
			var sample []string
			start := time.Now()
			st, err := framing.Run(ctx, an, repeated(ctx, &in, args, repeat, limit), framing.RunOptions{}, func(r *framing.Result) error {
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
			rss := peakRSSMB() // before the baselines load anything
			cores := runtime.GOMAXPROCS(0)
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "slant: %d articles (%d skipped; corpus ×%d), %d words, %.1f MB in %s on %d cores (POS %v)\n", st.Articles, len(st.Skipped), repeat, words, float64(bytes)/1e6, ours.Round(time.Millisecond), cores, !in.noPOS)
			fmt.Fprintf(w, "  %.0f words/s (%.0f per core), %.2f MB/s, %d profiles by %s\n", float64(words)/ours.Seconds(), float64(words)/ours.Seconds()/float64(cores), float64(bytes)/1e6/ours.Seconds(), len(ps.Keys()), by)
			fmt.Fprintf(w, "  peak RSS %.0f MB; %s\n", rss, cpuAndGC())
			if len(sample) == 0 {
				return nil
			}
			return benchBaselines(ctx, w, an, sample)
		},
	}
	in.register(c)
	c.Flags().IntVar(&baselineDocs, "baseline-docs", 100, "articles to time the tokenizer, our analysis and prose's NewDocument on, one goroutine (0: skip)")
	c.Flags().IntVar(&limit, "limit", 0, "stop after this many documents of each pass (0: all)")
	c.Flags().IntVar(&repeat, "corpus-repeat", 1, "stream the corpus this many times over (memory should stay flat)")
	c.Flags().StringVar(&by, "by", "outlet", "group profiles by this field")
	c.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a Go CPU profile of the run to FILE (for go tool pprof)")
	_ = c.Flags().MarkHidden("cpuprofile") // a developer's tool, not part of the documented interface
	return c
}

// startCPUProfile writes a CPU profile to path until the returned stop is
// called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// repeated yields the corpus k times, opening it again for each pass.
func repeated(ctx context.Context, in *inputFlags, paths []string, k, limit int) iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for range k {
			seq := in.articles(ctx, paths)
			if limit > 0 {
				seq = corpus.Take(seq, limit)
			}
			for a, err := range seq {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// benchBaselines times, on one goroutine and the same texts, our tokenizer
// alone, our full analysis and prose's NewDocument, and prints the ratios.
func benchBaselines(ctx context.Context, w interface{ Write([]byte) (int, error) }, an *framing.Analyzer, sample []string) error {
	var sampleBytes, sampleWords int64
	for _, s := range sample {
		sampleBytes += int64(len(s))
	}
	var toks []text.Token
	t0 := time.Now()
	for _, s := range sample {
		toks = text.Tokenize(s, 0, len(s), toks[:0])
		for _, t := range toks {
			if t.Kind == text.Word || t.Kind == text.Number {
				sampleWords++
			}
		}
	}
	tokT := time.Since(t0)
	t0 = time.Now()
	for _, s := range sample {
		if _, err := an.Analyze(ctx, &corpus.Article{Text: s}); err != nil {
			return err
		}
	}
	oursT := time.Since(t0)
	model := prose.ModelFromData("bench")
	t0 = time.Now()
	for _, s := range sample {
		if _, err := prose.NewDocument(s, prose.UsingModel(model), prose.WithExtraction(false)); err != nil {
			return err
		}
	}
	proseT := time.Since(t0)
	rate := func(d time.Duration) float64 { return float64(sampleWords) / d.Seconds() }
	fmt.Fprintf(w, "baseline on the first %d articles (%d words, %.2f MB), one goroutine each:\n", len(sample), sampleWords, float64(sampleBytes)/1e6)
	fmt.Fprintf(w, "  tokenize only        %12.0f words/s\n", rate(tokT))
	fmt.Fprintf(w, "  slant full analysis  %12.0f words/s   %6.1fx the tokenizer's time\n", rate(oursT), oursT.Seconds()/tokT.Seconds())
	fmt.Fprintf(w, "  prose NewDocument    %12.0f words/s   slant is %.2fx prose's speed\n", rate(proseT), proseT.Seconds()/oursT.Seconds())
	return nil
}

// cpuAndGC describes the process's CPU time so far (user + system), the
// share the garbage collector took (the runtime's estimate) and the soft
// memory limit in force.
func cpuAndGC() string {
	var ru syscall.Rusage
	cpu := 0.0
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	// The runtime's total is GOMAXPROCS × wall time: idle time is taken
	// out so that the share is of the CPU time used.
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	gc, total, limit := 0.0, 0.0, "none"
	if s[0].Value.Kind() == metrics.KindFloat64 && s[1].Value.Kind() == metrics.KindFloat64 && s[2].Value.Kind() == metrics.KindFloat64 {
		gc, total = s[0].Value.Float64(), s[1].Value.Float64()-s[2].Value.Float64()
	}
	if s[3].Value.Kind() == metrics.KindUint64 && s[3].Value.Uint64() < math.MaxInt64 {
		limit = fmt.Sprintf("%d MiB", s[3].Value.Uint64()>>20)
	}
	share := 0.0
	if total > 0 {
		share = gc / total
	}
	return fmt.Sprintf("CPU %.1f s (GC %.0f%%); memory limit %s", cpu, 100*share, limit)
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
