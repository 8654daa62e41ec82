// Command slant-beam builds Slant's per-source profiles, and optionally
// compares two sources, as an Apache Beam pipeline. It runs locally on the
// prism runner by default, and on Flink, Spark (--runner=universal with a
// job server --endpoint) or Dataflow (--runner=dataflow) with Beam's usual
// flags. See ../../README.md.
//
//	slant-beam --input corpus.jsonl --profiles profiles.json
//	slant-beam --input 'shards/*.jsonl' --by label --target right --reference left \
//	    --profiles profiles.json --comparison right-vs-left.json --no-pos
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/slantlab/slant/beam/slantbeam"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
)

// lexiconFlag collects repeated --lexicon paths.
type lexiconFlag []string

func (l *lexiconFlag) String() string     { return fmt.Sprint(*l) }
func (l *lexiconFlag) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var (
		input      = flag.String("input", "", "JSON Lines file or glob to read (a gs:// path on Dataflow)")
		profiles   = flag.String("profiles", "", "write the per-source profiles as JSON to this file")
		comparison = flag.String("comparison", "", "write the target/reference comparison as JSON to this file")
		target     = flag.String("target", "", "the source to describe (with --comparison)")
		reference  = flag.String("reference", "", "the source to compare with, or \"rest\" for all other sources (with --comparison)")
		by         = flag.String("by", "outlet", "group articles by this field (outlet, or a record field such as label)")
		noPOS      = flag.Bool("no-pos", false, "skip part-of-speech tagging (faster; style measures need it)")
		textField  = flag.String("text-field", "text", "record field holding the article text")
		outlet     = flag.String("outlet-field", "outlet", "record field holding the outlet")
		title      = flag.String("title-field", "title", "record field holding the title")
		idField    = flag.String("id-field", "id", "record field holding the article ID")
		weights    = flag.String("weights", "", "sentence-score weights YAML (from slant train), read here and carried in the pipeline")
		bootstrap  = flag.Int("bootstrap", 2000, "bootstrap resamples for the comparison")
		seed       = flag.Uint64("seed", 1, "random seed for the bootstrap")
		lexicons   lexiconFlag
	)
	flag.Var(&lexicons, "lexicon", "extra lexicon YAML file, read here and carried in the pipeline; repeatable")
	flag.Parse()
	// On a remote worker, Init runs the worker harness and never returns.
	beam.Init()

	if err := run(context.Background(), *input, *profiles, *comparison, *target, *reference, *by, *noPOS,
		corpus.Fields{Text: *textField, Outlet: *outlet, Title: *title, ID: *idField}, lexicons, *weights, *bootstrap, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "slant-beam:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, input, profiles, comparison, target, reference, by string, noPOS bool, fields corpus.Fields,
	lexicons []string, weights string, bootstrap int, seed uint64) error {
	opts := []slantbeam.Option{slantbeam.GroupBy(by), slantbeam.WithFields(fields)}
	if noPOS {
		opts = append(opts, slantbeam.WithoutPOS())
	}
	for _, p := range lexicons {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		opts = append(opts, slantbeam.WithLexicons(slantbeam.LexiconFile{Name: p, Data: data}))
	}
	if weights != "" {
		w, err := framing.LoadWeights(weights)
		if err != nil {
			return err
		}
		opts = append(opts, slantbeam.WithWeights(w))
	}
	p, s := beam.NewPipelineWithRoot()
	job := slantbeam.Job{Input: input, Profiles: profiles, Comparison: comparison, Target: target, Reference: reference,
		Compare: framing.CompareOptions{Bootstrap: bootstrap, Seed: seed}}
	if err := slantbeam.Build(s, job, opts...); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}
