package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/coverage"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/spf13/cobra"
)

func newCoverageCmd() *cobra.Command {
	var in inputFlags
	var eventField, format, eventsOut string
	var opt coverage.Options
	c := &cobra.Command{
		Use:   "coverage [PATH...]",
		Short: "Same-event coverage: what each outlet includes, leaves out and who it lets speak",
		Long: `coverage groups articles into events and compares how outlets cover each one.
Articles are grouped by --event-field when given (for example BASIL's event_id);
articles without a key are clustered by TF-IDF cosine over content stems and
actor mentions, published within --window of each other. With no path, the five
seeds form one event.

For each event it lists content units (claims aligned across outlets by
similarity, numbers with their unit, dates, direct quotes, sources, actors) and,
per outlet, the units it includes, those it alone has, those most others carry
and it omits (with the sentence that carried them), quotes it shares with other
outlets, who it quotes or paraphrases (named, anonymous, vague; by side) and the
diversity of its sources. Every claim sentence gets an informational-bias score
with its evidence (JSON).`,
		Example: `  slant coverage
  slant coverage --format json
  slant coverage basil_articles.jsonl --event-field event_id --date-field date
  slant coverage articles.jsonl --window 48h --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json", "csv"); err != nil {
				return err
			}
			ctx := commandContext(cmd)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			var docs []coverage.Doc
			st, err := in.run(ctx, cmd.ErrOrStderr(), an, args, func(r *framing.Result) error {
				d := coverage.Doc{Result: r, Published: r.Published}
				if eventField != "" {
					d.Event = resultField(r, eventField)
				}
				docs = append(docs, d)
				return nil
			})
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			rep, err := coverage.Analyze(docs, opt)
			if err != nil {
				return err
			}
			if eventsOut != "" {
				if err := writeEventAssignments(eventsOut, rep, in.csvRaw); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", eventsOut)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeJSON(out, rep)
			case "csv":
				return writeCoverageCSV(out, rep, in.csvRaw)
			}
			return writeCoverageText(out, rep)
		},
	}
	in.register(c)
	c.Flags().StringVar(&eventField, "event-field", "", "group articles by this field (a JSONL/CSV column or manifest meta key); unkeyed articles are clustered")
	in.registerCSV(c)
	c.Flags().DurationVar(&opt.Cluster.Window, "window", coverage.DefaultWindow, "largest gap between two dated articles of one clustered event")
	c.Flags().Float64Var(&opt.Cluster.Threshold, "event-threshold", coverage.DefaultEventThreshold, "TF-IDF cosine at or above which two articles are one event when clustering")
	c.Flags().Float64Var(&opt.ClaimThreshold, "claim-threshold", coverage.DefaultClaimThreshold, "TF-IDF cosine at or above which two outlets' sentences are one claim")
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or csv")
	c.Flags().StringVar(&eventsOut, "events-out", "", "also write each article's event (id,outlet,event,method) as CSV to this file, for compare/report --pair-by event --events FILE (or to join into a corpus as a field)")
	return c
}

// writeEventAssignments writes one row per article: its ID, outlet, the
// event it was grouped into and how.
func writeEventAssignments(path string, rep *coverage.Report, raw bool) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing events: %w", cerr)
		}
	}()
	cw := report.NewCSVWriter(f, raw)
	if err := cw.Write([]string{"id", "outlet", "event", "method"}); err != nil {
		return err
	}
	for _, ev := range rep.Events {
		for _, a := range ev.Articles {
			if err := cw.Write([]string{a.ID, a.Outlet, ev.ID, ev.Method}); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// buildProfilesOnce is buildProfiles, and with dedup it counts each story
// once: an article that is a near-copy of one read before
// (coverage.Deduper, in input order, so the same article is kept whatever
// the number of workers) is left out and named on stderr.
func buildProfilesOnce(ctx context.Context, stderr io.Writer, in *inputFlags, paths []string, by string, dedup bool) (*framing.Profiles, corpus.Stats, error) {
	if !dedup {
		return buildProfiles(ctx, stderr, in, paths, by, nil)
	}
	an, err := in.analyzer()
	if err != nil {
		return nil, corpus.Stats{}, err
	}
	ps := framing.NewProfiles(by, an.Fingerprint())
	dd := coverage.NewDeduper(0)
	n := 0
	st, err := in.run(ctx, stderr, an, paths, func(r *framing.Result) error {
		if d, ok := dd.Add(r); ok {
			n++
			fmt.Fprintf(stderr, "slant: --dedup: left out %s (%s), a copy of %s (%s), similarity %.2f\n", d.Article, d.Outlet, d.Of, d.OfOutlet, d.Similarity)
			return nil
		}
		return ps.Add(r)
	})
	if err == nil && n > 0 {
		fmt.Fprintf(stderr, "slant: --dedup: %d near-duplicates left out\n", n)
	}
	return ps, st, err
}

// coverageFlags add a coverage section to slant report.
type coverageFlags struct {
	on         bool
	eventField string
}

func (f *coverageFlags) register(c *cobra.Command) {
	c.Flags().BoolVar(&f.on, "coverage", false, "add a same-event coverage section (on by default for the seeds and with --event-field)")
	c.Flags().StringVar(&f.eventField, "event-field", "", "with coverage: group articles into events by this field (unkeyed articles are clustered)")
}

// report runs the coverage analysis when asked for (or by default), else
// returns nil.
func (f *coverageFlags) report(results []*framing.Result, seedsRun bool) (*coverage.Report, error) {
	if !f.on && f.eventField == "" && !seedsRun {
		return nil, nil
	}
	docs := make([]coverage.Doc, len(results))
	for i, r := range results {
		docs[i] = coverage.Doc{Result: r, Published: r.Published}
		if f.eventField != "" {
			docs[i].Event = resultField(r, f.eventField)
		}
	}
	return coverage.Analyze(docs, coverage.Options{})
}

// resultField reads a grouping field from an analysed article.
func resultField(r *framing.Result, field string) string {
	switch field {
	case "outlet":
		return r.Outlet
	case "title":
		return r.Title
	case "id":
		return r.ID
	}
	return r.Meta[field]
}

func writeCoverageText(w io.Writer, rep *coverage.Report) error {
	if len(rep.Duplicates) > 0 {
		fmt.Fprintf(w, "near-duplicates (5-word shingle similarity ≥ %.2f):\n", rep.Settings.DupThreshold)
		for _, d := range rep.Duplicates {
			wire := ""
			if d.Wire != "" {
				wire = ", credits " + d.Wire
			}
			fmt.Fprintf(w, "  %s (%s) copies %s (%s): %.2f%s\n", d.Article, d.Outlet, d.Of, d.OfOutlet, d.Similarity, wire)
		}
		fmt.Fprintln(w)
	}
	for _, ev := range rep.Events {
		fmt.Fprintf(w, "event %s (%s): %d articles, %d units\n", ev.ID, ev.Method, len(ev.Articles), len(ev.Units))
		for _, a := range ev.Articles {
			fmt.Fprintf(w, "  %-24s %s  %q\n", a.Outlet, a.ID, a.Title)
		}
		fmt.Fprintf(w, "\n  %-24s %8s %7s %8s %6s %6s %5s %5s %8s\n", "outlet", "included", "unique", "omitted", "share", "named", "anon", "vague", "entropy")
		for _, o := range ev.Outlets {
			fmt.Fprintf(w, "  %-24s %8d %7d %8d %6.3f %6d %5d %5d %8.3f\n", o.Outlet, o.Included, o.Unique, len(o.Omitted), o.CoverageShare,
				o.Diversity.Named, o.Diversity.Anonymous, o.Diversity.Vague, o.Diversity.Entropy)
		}
		var nums []string
		for _, u := range ev.Units {
			if u.Kind == coverage.Number {
				nums = append(nums, fmt.Sprintf("%q: %s", u.Text, strings.Join(u.Outlets, ", ")))
			}
		}
		if len(nums) > 0 {
			fmt.Fprintf(w, "\n  numbers:\n")
			for _, n := range nums {
				fmt.Fprintf(w, "    %s\n", n)
			}
		}
		for _, o := range ev.Outlets {
			fmt.Fprintf(w, "\n  %s\n    voices:", o.Outlet)
			if len(o.Voices) == 0 {
				fmt.Fprint(w, " none")
			}
			fmt.Fprintln(w)
			for _, v := range o.Voices {
				side := v.Side
				if side == "" {
					side = "-"
				}
				fmt.Fprintf(w, "      %-40s %-9s %-16s quotes %d, paraphrases %d\n", v.Name, v.Kind, side, v.Quotes, v.Reported)
			}
			for _, q := range o.SharedQuotes {
				fmt.Fprintf(w, "    shared quote %q with %s\n", q.Text, strings.Join(q.Outlets, ", "))
			}
			shown := 0
			for _, om := range o.Omitted {
				if om.Kind == coverage.Actor || om.Kind == coverage.Date {
					continue
				}
				if shown == 0 {
					fmt.Fprintln(w, "    omits (claims, figures, quotes and sources most others carry):")
				}
				shown++
				fmt.Fprintf(w, "      [%s] %s\n        carried by %s: %q\n", om.Kind, clip(om.Text, 100), strings.Join(om.Outlets, ", "), clip(om.Carried, 160))
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// coverageCSVHeader is one row per outlet per event.
var coverageCSVHeader = []string{"event", "method", "outlet", "articles", "included", "unique", "omitted", "coverage_share", "shared_quotes", "voices", "named_sources", "anonymous_sources", "vague_sources", "named_share", "source_entropy"}

func writeCoverageCSV(w io.Writer, rep *coverage.Report, raw bool) error {
	cw := report.NewCSVWriter(w, raw)
	if err := cw.Write(coverageCSVHeader); err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, ev := range rep.Events {
		for _, o := range ev.Outlets {
			row := []string{ev.ID, ev.Method, o.Outlet, strconv.Itoa(len(o.Articles)), strconv.Itoa(o.Included), strconv.Itoa(o.Unique),
				strconv.Itoa(len(o.Omitted)), f(o.CoverageShare), strconv.Itoa(len(o.SharedQuotes)), strconv.Itoa(len(o.Voices)),
				strconv.Itoa(o.Diversity.Named), strconv.Itoa(o.Diversity.Anonymous), strconv.Itoa(o.Diversity.Vague), f(o.Diversity.NamedShare), f(o.Diversity.Entropy)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}
