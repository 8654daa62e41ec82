package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/slantlab/slant/seeds"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// reportFormats are the outputs slant report can write.
var reportFormats = []string{"html", "md", "csv"}

func newReportCmd() *cobra.Command {
	var in inputFlags
	var per periodFlag
	var reference, out, by, formats, target, profiles string
	var maxArticles int
	var opt framing.CompareOptions
	var design designFlags
	var cov coverageFlags
	c := &cobra.Command{
		Use:   "report [PATH...]",
		Short: "Write a research report: one HTML file, Markdown and CSV exports",
		Long: `report analyses the corpus, builds a profile per source (outlet by default, or any
metadata field with --by), compares every source with the reference, and writes:

  DIR/report.html   one self-contained page (inline CSS and SVG charts; no script,
                    nothing loaded from elsewhere): corpus summary, profiles with
                    95% intervals, comparisons (effect sizes, bootstrap intervals,
                    tests, q-values), five charts, every article with its sentences
                    scored and its evidence highlighted by construct and voice, a
                    concordance of the loaded terms, and the methods (measure
                    formulas, lexicons and their fingerprint, score weights, tests,
                    seeds, version) needed to reproduce the numbers
  DIR/report.md     the same content as Markdown (charts as their data tables)
  DIR/csv/          articles.csv, sentences.csv, evidence.csv, comparisons.csv and
                    terms.csv, with header rows

--format picks among html, md and csv (all three by default). Output is
deterministic: the same corpus and flags give byte-identical files.

With no PATH the report covers the five bundled seed articles, with AP as the
reference. With paths, the reference defaults to "rest": each source against all
the others pooled. The report's first comparison (and its distinctive-words
chart) is --target, or else the source with the highest editorializing index.
The first 200 articles (--max-articles) are shown with their sentences
highlighted; the tables and CSV files always hold every article.`,
		Example: `  slant report
  slant report --out seeds-report --format html
  slant report articles/ --reference AP --out report
  slant report allsides.jsonl --by label --reference center --format html,csv
  slant report corpus.jsonl --text-field body --outlet-field source --max-articles 100`,
		RunE: func(cmd *cobra.Command, args []string) error {
			want, err := parseReportFormats(formats)
			if err != nil {
				return err
			}
			if maxArticles < 0 {
				return usagef("--max-articles must be 0 (all) or more, not %d", maxArticles)
			}
			if reference == "" {
				reference = framing.Rest
				if len(args) == 0 && in.analysis == "" {
					reference = seeds.AP
				}
			}
			ctx := commandContext(cmd)
			var results []*framing.Result
			if by, err = per.groupBy(by); err != nil {
				return err
			}
			units, err := design.units(by)
			if err != nil {
				return err
			}
			var ps *framing.Profiles
			var st corpus.Stats
			if profiles != "" {
				if ps, err = savedProfilesInput(cmd.ErrOrStderr(), profiles, "reports on", args, in, design); err != nil {
					return err
				}
			} else {
				ps, st, err = buildProfiles(ctx, cmd.ErrOrStderr(), &in, args, by, func(r *framing.Result) { results = append(results, r); units.add(r) })
				if err != nil {
					return err
				}
				reportSkips(cmd.ErrOrStderr(), st)
				if len(results) == 0 {
					return fmt.Errorf("no article to report on (%d documents read, %d skipped)", st.Read, len(st.Skipped))
				}
			}
			set, err := in.lexiconSet()
			if err != nil {
				return err
			}
			if profiles != "" && ps.Lexicons != set.Fingerprint() {
				return fmt.Errorf("%s: the profiles were built with lexicons %.12s, this run has %.12s (give the same --lexicon and --exclude files)", profiles, ps.Lexicons, set.Fingerprint())
			}
			weights := framing.DefaultWeights()
			if in.weights != "" {
				if weights, err = framing.LoadWeights(in.weights); err != nil {
					return err
				}
			}
			keys := ps.Keys()
			if target != "" && !slices.Contains(keys, target) {
				return usagef("no source %q in the corpus (sources: %s)", target, strings.Join(keys, ", "))
			}
			var cmps []*framing.Comparison
			switch {
			case len(keys) < 2:
				fmt.Fprintf(cmd.ErrOrStderr(), "slant: one %s only (%s): the report has no comparison\n", ps.GroupBy, strings.Join(keys, ", "))
			case reference != framing.Rest && !slices.Contains(keys, reference):
				return usagef("no source %q to use as --reference (sources: %s)", reference, strings.Join(keys, ", "))
			default:
				if err := design.apply(units, &opt); err != nil {
					return err
				}
				if cmps, err = framing.CompareEach(ps, reference, opt); err != nil {
					return err
				}
			}
			d := &report.Data{
				Version: slantVersion(), Command: commandLine(cmd, args),
				Corpus: report.NewCorpusStats(st, results), Results: results, Profiles: ps,
				Reference: reference, Comparisons: cmps, Main: target,
				Lexicons: set, Weights: weights, Compare: opt, POS: !in.noPOS, MaxArticles: maxArticles,
				ProfilesOnly: profiles != "",
			}
			if d.Coverage, err = cov.report(results, len(args) == 0); err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return fmt.Errorf("writing the report: %w", err)
			}
			w := cmd.OutOrStdout()
			for _, f := range []struct {
				format, name string
				write        func(*os.File, *report.Data) error
			}{
				{"html", "report.html", func(fh *os.File, d *report.Data) error { return report.HTML(fh, d) }},
				{"md", "report.md", func(fh *os.File, d *report.Data) error { return report.Markdown(fh, d) }},
			} {
				if !want[f.format] {
					continue
				}
				p := filepath.Join(out, f.name)
				if err := writeReportFile(p, d, f.write); err != nil {
					return err
				}
				fmt.Fprintf(w, "wrote %s\n", p)
			}
			if want["csv"] {
				var csvOpts []report.CSVOption
				if in.csvRaw {
					csvOpts = append(csvOpts, report.WithRawCells())
				}
				paths, err := report.CSV(filepath.Join(out, "csv"), d, csvOpts...)
				if err != nil {
					return err
				}
				for _, p := range paths {
					fmt.Fprintf(w, "wrote %s\n", p)
				}
			}
			return nil
		},
	}
	in.register(c)
	per.register(c)
	design.register(c)
	in.registerCSV(c)
	cov.register(c)
	c.Flags().StringVar(&reference, "reference", "", "the source every other is compared with, or \"rest\" (default: AP for the seeds, rest otherwise)")
	c.Flags().StringVar(&target, "target", "", "the source whose comparison comes first and whose distinctive words are charted")
	c.Flags().StringVar(&out, "out", "slant-report", "directory to write the report into (created if needed)")
	c.Flags().StringVar(&by, "by", "outlet", "group articles by this field (outlet, or a metadata field such as label)")
	c.Flags().StringVar(&formats, "format", "html,md,csv", "comma-separated outputs: html, md, csv")
	c.Flags().StringVar(&profiles, "profiles", "", "report on the saved profiles in `FILE` (slant profile --out) without the articles: the sections that need the articles say so")
	c.Flags().IntVar(&maxArticles, "max-articles", 200, "articles shown with highlighted sentences and in the sentence-score chart (0: all; tables and CSV always hold every article)")
	c.Flags().IntVar(&opt.Bootstrap, "bootstrap", 2000, "bootstrap resamples")
	c.Flags().Uint64Var(&opt.Seed, "seed", 1, "random seed for the bootstrap")
	return c
}

func parseReportFormats(s string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(reportFormats, f) {
			return nil, usagef("unknown --format %q (want a comma-separated list of %s)", f, strings.Join(reportFormats, ", "))
		}
		want[f] = true
	}
	if len(want) == 0 {
		return nil, usagef("--format is empty (want a comma-separated list of %s)", strings.Join(reportFormats, ", "))
	}
	return want, nil
}

func writeReportFile(path string, d *report.Data, write func(*os.File, *report.Data) error) (err error) {
	fh, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	defer func() {
		if cerr := fh.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing the report: %w", cerr)
		}
	}()
	return write(fh, d)
}

// slantVersion names this build: the module version (or "(devel)"), the VCS
// revision when it was stamped, and the Go version.
func slantVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "slant"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return "slant " + v + ", " + bi.GoVersion
}

// commandLine rebuilds the command line: the paths, then the flags that
// were set, in name order, shell-quoted where needed.
func commandLine(cmd *cobra.Command, args []string) string {
	parts := []string{cmd.CommandPath()}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Value.Type() == "bool" {
			if f.Value.String() == "true" {
				parts = append(parts, "--"+f.Name)
			} else {
				parts = append(parts, "--"+f.Name+"=false")
			}
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				parts = append(parts, "--"+f.Name, shellQuote(v))
			}
			return
		}
		parts = append(parts, "--"+f.Name, shellQuote(f.Value.String()))
	})
	return strings.Join(parts, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
