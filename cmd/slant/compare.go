package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

// buildProfiles analyses the corpus and groups results by field.
func buildProfiles(ctx context.Context, stderr io.Writer, in *inputFlags, paths []string, by string, keep func(*framing.Result)) (*framing.Profiles, corpus.Stats, error) {
	an, err := in.analyzer()
	if err != nil {
		return nil, corpus.Stats{}, err
	}
	ps := framing.NewProfiles(by, an.Fingerprint())
	st, err := in.run(ctx, stderr, an, paths, func(r *framing.Result) error {
		if keep != nil {
			keep(r)
		}
		return ps.Add(r)
	})
	return ps, st, err
}

func newCompareCmd() *cobra.Command {
	var in inputFlags
	var target, reference, by, format string
	var all bool
	var opt framing.CompareOptions
	c := &cobra.Command{
		Use:   "compare --target SOURCE --reference SOURCE [PATH...]",
		Short: "Compare two sources: effect sizes, intervals, tests and distinctive terms",
		Long: `compare analyses the corpus, builds a profile per source (outlet by default, or
any metadata field with --by) and compares the target with the reference: per
measure both values, the difference and ratio, an effect size (Cliff's delta or
Cohen's h) with a seeded bootstrap 95% interval, a test (Mann–Whitney U, Fisher's
exact, G²) and Benjamini–Hochberg q-values; then distinctive words (Fightin'
Words z) and lexicon categories (signed G²) with example spans.

With one article per source, sentences are the unit of analysis and the output
says so. --reference rest compares the target with every other source pooled.`,
		Example: `  slant compare --target "The Eastern Herald" --reference AP
  slant compare --target "The Eastern Herald" --reference AP --format json
  slant compare allsides.jsonl --by label --target right --reference left
  slant compare --all --reference AP
  slant compare allsides.jsonl --all --reference rest --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if reference == "" || (target == "" && !all) {
				return usagef("--reference and either --target or --all are required")
			}
			if err := checkFormat(format, "text", "json", "md"); err != nil {
				return err
			}
			ctx := commandContext(cmd)
			ps, st, err := buildProfiles(ctx, cmd.ErrOrStderr(), &in, args, by, nil)
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			if all {
				cmps, err := framing.CompareEach(ps, reference, opt)
				if err != nil {
					return err
				}
				if format == "json" {
					return writeJSON(cmd.OutOrStdout(), cmps)
				}
				for _, c := range cmps {
					writeComparisonText(cmd.OutOrStdout(), c, format == "md")
					fmt.Fprintln(cmd.OutOrStdout())
				}
				return nil
			}
			cmp, err := compareProfiles(ps, target, reference, opt)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), cmp)
			}
			writeComparisonText(cmd.OutOrStdout(), cmp, format == "md")
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&target, "target", "", "the source to describe")
	c.Flags().StringVar(&reference, "reference", "", "the source to compare with, or \"rest\" for all other sources")
	c.Flags().BoolVar(&all, "all", false, "compare every source with the reference (\"rest\": each with all others pooled)")
	c.Flags().StringVar(&by, "by", "outlet", "group articles by this field (outlet, or a metadata field such as label)")
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or md")
	c.Flags().IntVar(&opt.Bootstrap, "bootstrap", 2000, "bootstrap resamples")
	c.Flags().Uint64Var(&opt.Seed, "seed", 1, "random seed for the bootstrap")
	return c
}

func compareProfiles(ps *framing.Profiles, target, reference string, opt framing.CompareOptions) (*framing.Comparison, error) {
	t, ok := ps.Get(target)
	if !ok {
		return nil, usagef("no source %q in the corpus (sources: %s)", target, strings.Join(ps.Keys(), ", "))
	}
	var r *framing.Profile
	if reference == framing.Rest {
		for _, k := range ps.Keys() {
			if k == target {
				continue
			}
			p, _ := ps.Get(k)
			if r == nil {
				r = p.Clone()
			} else if err := r.Merge(p); err != nil {
				return nil, err
			}
		}
		if r == nil {
			return nil, usagef("no other source to compare %q with", target)
		}
	} else if r, ok = ps.Get(reference); !ok {
		return nil, usagef("no source %q in the corpus (sources: %s)", reference, strings.Join(ps.Keys(), ", "))
	}
	return framing.Compare(t, r, opt)
}

func writeComparisonText(w io.Writer, c *framing.Comparison, md bool) {
	if md {
		fmt.Fprintf(w, "# %s vs %s\n\n", mdEscape(c.Target), mdEscape(c.Reference))
	} else {
		fmt.Fprintf(w, "%s vs %s\n", c.Target, c.Reference)
	}
	fmt.Fprintf(w, "unit of analysis: %s (n = %d vs %d); bootstrap %d resamples, seed %d\n", c.Unit, c.NTarget, c.NReference, c.Bootstrap, c.Seed)
	for _, warn := range c.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	fmt.Fprintln(w)
	if md {
		fmt.Fprintln(w, "| measure | target | reference | difference | effect | 95% CI | test | p | q |\n|---|---:|---:|---:|---:|---|---|---:|---:|")
	} else {
		fmt.Fprintf(w, "%-26s %10s %10s %10s %20s %18s %9s %9s\n", "measure", "target", "reference", "diff", "effect", "95% CI", "p", "q")
	}
	for _, m := range c.Measures {
		eff := fmt.Sprintf("%s %.3f", shortEffect(m.Effect), m.EffectSize)
		ci := fmt.Sprintf("[%.3f, %.3f]", m.CILow, m.CIHigh)
		if md {
			fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %s | %s | %s | %.4f | %.4f |\n", m.Name, m.Target, m.Reference, m.Difference, eff, ci, m.Test, m.P, m.Q)
		} else {
			fmt.Fprintf(w, "%-26s %10.3f %10.3f %10.3f %20s %18s %9.4f %9.4f\n", m.Name, m.Target, m.Reference, m.Difference, eff, ci, m.P, m.Q)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "lexicon categories, reporter's voice (signed G²; + = more in the target):")
	for i, k := range c.Categories {
		if i == 10 {
			break
		}
		fmt.Fprintf(w, "  %-36s G² %+8.2f  p %.4f  q %.4f  (%g vs %g)  %s\n", k.Term, k.G2, k.P, k.Q, k.TargetCount, k.ReferenceCount, strings.Join(k.Examples, "; "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "distinctive words (Fightin' Words z; + = target):")
	for _, t := range c.DistinctiveTerms {
		fmt.Fprintf(w, "  %-20s z %+6.2f  G² %+7.2f  (%g vs %g)\n", t.Term, t.Z, t.G2, t.TargetCount, t.ReferenceCount)
	}
}

func shortEffect(e string) string {
	switch e {
	case "cliffs_delta":
		return "δ"
	case "cohens_h":
		return "h"
	}
	return e
}
