package main

import (
	"github.com/slantlab/slant/audit"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/spf13/cobra"
)

func newLexiconAuditCmd() *cobra.Command {
	var in inputFlags
	var opt audit.Options
	var format string
	c := &cobra.Command{
		Use:   "audit [PATH...]",
		Short: "The most frequent hits per lexicon category and outlet, with contexts, to spot misfires",
		Long: `audit analyses a corpus and lists, per lexicon category, the most frequent matched
terms with their counts (all voices, and the reporter's own), the number of articles
and outlets they come from, the share of the outlet that uses them most (a term
concentrated in one outlet is often boilerplate or a name), a deterministic sample of
contexts, and per outlet its most frequent terms.

A misfire found this way is removed without editing the lexicon: list it in a file,
one term or phrase per line, and pass --exclude FILE (to audit, analyze, profile,
compare, report, ...), or put it in a lexicon file's exclude: field.

With no PATH it audits the five bundled seed articles.`,
		Example: `  slant lexicon audit
  slant lexicon audit corpus.jsonl --category loaded --category contested --format md > audit.md
  slant lexicon audit corpus.jsonl --reporter-only --top 20 --samples 5
  slant lexicon audit corpus.jsonl --exclude misfires.txt --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, report.AuditFormats...); err != nil {
				return err
			}
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			au := audit.New(opt)
			st, err := in.run(commandContext(cmd), cmd.ErrOrStderr(), an, args, func(r *framing.Result) error {
				au.Add(r)
				return nil
			})
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			return report.Audit(cmd.OutOrStdout(), au.Report(), format)
		},
	}
	in.register(c)
	f := c.Flags()
	f.StringVar(&format, "format", report.AuditText, "output format: text, json or md")
	f.StringArrayVar(&opt.Categories, "category", nil, "keep categories with this ID or ID prefix (loaded, contested.russia_ukraine); repeatable")
	f.BoolVar(&opt.ReporterOnly, "reporter-only", false, "count only hits in the reporter's own voice")
	f.IntVar(&opt.Top, "top", audit.DefaultTop, "terms listed per category")
	f.IntVar(&opt.Outlets, "outlets", audit.DefaultOutlets, "outlets listed per category")
	f.IntVar(&opt.PerOutlet, "per-outlet", audit.DefaultPerOut, "terms listed per outlet")
	f.IntVar(&opt.Samples, "samples", audit.DefaultSamples, "contexts shown per term")
	f.IntVar(&opt.Width, "width", audit.DefaultWidth, "characters of context on each side")
	return c
}
