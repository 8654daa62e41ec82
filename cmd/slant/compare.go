package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
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
	if err == nil {
		reportUndated(stderr, ps, in.dateField)
	}
	return ps, st, err
}

func newCompareCmd() *cobra.Command {
	var in inputFlags
	var per periodFlag
	var design designFlags
	var target, reference, by, format, profiles string
	var all bool
	var opt framing.CompareOptions
	c := &cobra.Command{
		Use:   "compare --target SOURCE --reference SOURCE [PATH...]",
		Short: "Compare two sources: effect sizes, intervals, tests and distinctive terms",
		Long: `compare analyses the corpus, builds a profile per source (outlet by default, or
any metadata field with --by) and compares the target with the reference. The
design is stated first:

  independent articles (default)  each article is one observation: Cliff's δ,
                                  Mann–Whitney U, bootstrap interval
  --pair-by FIELD                 per-block differences (an event covered by both
                                  sources): Wilcoxon signed-rank (or
                                  --paired-test sign_flip_permutation), bootstrap
                                  over blocks; n = blocks covered by both.
                                  --events auto clusters articles without the
                                  field into events (slant coverage's clustering,
                                  --window, --event-threshold); --events FILE
                                  joins keys saved by coverage --events-out
  --cluster-by FIELD              clusters (outlets, when grouping by label) are
                                  the unit: permutation test moving whole clusters,
                                  cluster bootstrap interval
  sentences                       one article a side: describes those articles,
                                  with a warning

The primary family is a fixed set of headline measures (loaded language and
editorial markers in the reporter's voice, unattributed evaluative share,
attributed share, editorializing index); Benjamini–Hochberg q-values are
computed within it and separately within each exploratory family (other
measures, word counts, lexicon categories, words). Every row names its family
and its test. Categories and distinctive content words are listed both ways
(target higher, reference higher), with examples from the side they favour.
--reference rest compares the target with every other source pooled.

--profiles FILE compares saved profiles (slant profile --out, or profile
merge) without the articles; --analysis FILE reads a saved analysis
(slant analyze --format json --out) instead of analysing again.`,
		Example: `  slant compare --target "The Eastern Herald" --reference AP
  slant compare basil.jsonl --target "Fox News" --reference "New York Times" --pair-by event_id
  slant compare allsides.jsonl --by label --target left --reference center --cluster-by outlet
  slant compare --all --reference AP
  slant compare allsides.jsonl --all --reference rest --format json
  slant compare --profiles profiles.json --all --reference rest`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if reference == "" || (target == "" && !all) {
				return usagef("--reference and either --target or --all are required")
			}
			if err := checkFormat(format, "text", "json", "md"); err != nil {
				return err
			}
			by, err := per.groupBy(by)
			if err != nil {
				return err
			}
			units, err := design.units(by)
			if err != nil {
				return err
			}
			var ps *framing.Profiles
			if profiles != "" {
				if ps, err = savedProfilesInput(cmd.ErrOrStderr(), profiles, "compares", args, in, design); err != nil {
					return err
				}
			} else {
				var st corpus.Stats
				ps, st, err = buildProfiles(commandContext(cmd), cmd.ErrOrStderr(), &in, args, by, units.add)
				if err != nil {
					return err
				}
				reportSkips(cmd.ErrOrStderr(), st)
			}
			if err := design.apply(units, &opt); err != nil {
				return err
			}
			if all {
				cmps, err := framing.CompareEach(ps, reference, opt)
				if errors.Is(err, framing.ErrNoSource) {
					return usageError{err}
				} else if err != nil {
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
	per.register(c)
	design.register(c)
	c.Flags().StringVar(&target, "target", "", "the source to describe")
	c.Flags().StringVar(&reference, "reference", "", "the source to compare with, or \"rest\" for all other sources")
	c.Flags().BoolVar(&all, "all", false, "compare every source with the reference (\"rest\": each with all others pooled)")
	c.Flags().StringVar(&by, "by", "outlet", "group articles by this field (outlet, or a metadata field such as label)")
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or md")
	c.Flags().StringVar(&profiles, "profiles", "", "compare the saved profiles in `FILE` (slant profile --out) instead of analysing a corpus")
	c.Flags().IntVar(&opt.Bootstrap, "bootstrap", 2000, "bootstrap resamples")
	c.Flags().Uint64Var(&opt.Seed, "seed", 1, "random seed for the bootstrap and Monte Carlo tests")
	return c
}

// compareProfiles compares target with reference (a source or "rest");
// an unknown source is a usage error.
func compareProfiles(ps *framing.Profiles, target, reference string, opt framing.CompareOptions) (*framing.Comparison, error) {
	cmp, err := framing.CompareTo(ps, target, reference, opt)
	if errors.Is(err, framing.ErrNoSource) {
		return nil, usageError{err}
	}
	return cmp, err
}

// writeComparisonText writes a comparison as text or Markdown: the design
// first, then the primary family, the exploratory families, and categories
// and distinctive words both ways.
func writeComparisonText(w io.Writer, c *framing.Comparison, md bool) {
	esc := report.TerminalSafe
	if md {
		esc = report.MarkdownEscape
		fmt.Fprintf(w, "# %s vs %s\n\n", report.MarkdownEscape(c.Target), report.MarkdownEscape(c.Reference))
		fmt.Fprintf(w, "**Design:** %s\n\n", report.MarkdownEscape(c.Design.Statement))
	} else {
		fmt.Fprintf(w, "%s vs %s\n", esc(c.Target), esc(c.Reference))
		fmt.Fprintf(w, "design: %s\n", c.Design.Statement)
	}
	fmt.Fprintf(w, "unit of analysis: %s (n = %d vs %d); bootstrap %d resamples, seed %d\n", c.Unit, c.NTarget, c.NReference, c.Bootstrap, c.Seed)
	for _, warn := range c.Warnings {
		fmt.Fprintf(w, "warning: %s\n", esc(warn))
	}
	var fams []string
	for _, f := range c.Families {
		fams = append(fams, fmt.Sprintf("%s (%d tests)", f.Name, f.Tests))
	}
	fmt.Fprintf(w, "families (Benjamini–Hochberg within each): %s\n", strings.Join(fams, ", "))
	if md {
		fmt.Fprintf(w, "\n> **Units.** %s\n", report.MarkdownEscape(report.UnitNote))
	} else {
		fmt.Fprintf(w, "units: %s\n", report.UnitNote)
	}
	level := fmt.Sprintf("%g%% CI", 100*(1-c.Alpha))
	for _, f := range c.Families {
		var rows []framing.MeasureComparison
		for _, m := range c.Measures {
			if m.Family == f.Name {
				rows = append(rows, m)
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintln(w)
		if md {
			fmt.Fprintf(w, "## %s family\n\n%s\n\n", f.Name, report.MarkdownEscape(f.Description))
			fmt.Fprintf(w, "| measure | unit | target | reference | median t / r | difference | δ | effect | %s | test | p | q |\n|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n", level)
		} else {
			fmt.Fprintf(w, "%s family: %s\n", f.Name, f.Description)
			fmt.Fprintf(w, "%-30s %-17s %9s %9s %17s %9s %7s %14s %24s %-22s %8s %8s\n", "measure", "unit", "target", "reference", "median t / r", "diff", "δ", "effect", level, "test", "p", "q")
		}
		for _, m := range rows {
			med := "—"
			if m.TargetMedian != nil && m.ReferenceMedian != nil {
				med = fmt.Sprintf("%.3f / %.3f", *m.TargetMedian, *m.ReferenceMedian)
			}
			delta := "—"
			if m.Delta != nil {
				delta = fmt.Sprintf("%+.3f", *m.Delta)
			}
			eff := fmt.Sprintf("%s %+.3f", report.EffectSymbol(m.Effect), m.EffectSize)
			ci := fmt.Sprintf("[%.3f, %.3f] %s", m.CILow, m.CIHigh, shortCI(m.CIMethod))
			if md {
				fmt.Fprintf(w, "| %s | %s | %.3f | %.3f | %s | %+.3f | %s | %s | %s | %s | %.4f | %.4f |\n", m.Name, m.Unit, m.Target, m.Reference, med, m.Difference, delta, eff, ci, m.Test, m.P, m.Q)
			} else {
				fmt.Fprintf(w, "%-30s %-17s %9.3f %9.3f %17s %+9.3f %7s %14s %24s %-22s %8.4f %8.4f\n", m.Name, m.Unit, m.Target, m.Reference, med, m.Difference, delta, eff, ci, m.Test, m.P, m.Q)
			}
		}
	}
	twoSides := func(title string, ts []framing.TermComparison, n int, line func(framing.TermComparison) string) {
		for _, side := range []string{"target", "reference"} {
			name := c.Target
			if side == "reference" {
				name = c.Reference
			}
			fmt.Fprintln(w)
			if md {
				fmt.Fprintf(w, "### %s, higher in %s\n\n", title, report.MarkdownEscape(name))
			} else {
				fmt.Fprintf(w, "%s, higher in %s:\n", title, name)
			}
			k := 0
			for _, t := range ts {
				if t.Favours != side || k == n {
					continue
				}
				k++
				if md {
					fmt.Fprintf(w, "- %s\n", report.MarkdownEscape(line(t)))
				} else {
					fmt.Fprintf(w, "  %s\n", line(t))
				}
			}
			if k == 0 {
				fmt.Fprintln(w, "  (none)")
			}
		}
	}
	twoSides("lexicon categories, reporter's voice (ranked by |z|)", c.Categories, 10, func(k framing.TermComparison) string {
		return strings.TrimRight(fmt.Sprintf("%-36s z %+6.2f  G² %+7.2f  p %.4f  q %.4f  (%g vs %g)  %s", k.Term, k.Z, k.G2, k.P, k.Q, k.TargetCount, k.ReferenceCount, strings.Join(k.Examples, "; ")), " ")
	})
	twoSides("distinctive content words (Fightin' Words z)", c.DistinctiveTerms, len(c.DistinctiveTerms), func(t framing.TermComparison) string {
		ex := ""
		if len(t.Examples) > 0 {
			ex = "  e.g. " + strings.Join(strings.Fields(t.Examples[0]), " ")
		}
		return fmt.Sprintf("%-20s z %+6.2f  G² %+7.2f  q %.4f  (%g vs %g)%s", t.Term, t.Z, t.G2, t.Q, t.TargetCount, t.ReferenceCount, ex)
	})
}

func shortCI(m string) string {
	switch m {
	case framing.CIPercentileBootstrap:
		return "boot"
	case framing.CIBlockBootstrap:
		return "blocks"
	case framing.CIClusterBootstrap:
		return "clusters"
	case framing.CICliffNormal:
		return "Cliff"
	case framing.CIArcsineNormal:
		return "arcsine"
	case framing.CIStudentT:
		return "t"
	}
	return m
}
