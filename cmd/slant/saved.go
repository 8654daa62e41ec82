package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

// registerSaved adds --analysis and --reanalyse: every command that reads
// a corpus can read a saved analysis instead.
func (f *inputFlags) registerSaved(c *cobra.Command) {
	c.Flags().StringVar(&f.analysis, "analysis", "", "read the results of a saved analysis (`FILE` from slant analyze --format json or binary --out) instead of analysing a corpus; refused if the lexicons, weights, tagging or Slant version differ")
	c.Flags().BoolVar(&f.reanalyse, "reanalyse", false, "with --analysis: when the saved settings differ, analyse the saved texts again with the current ones instead of refusing")
}

// runSaved feeds fn the results of the saved analysis --analysis names:
// as saved when they match the analyzer's settings, analysed again with
// --reanalyse, else an error naming what differs.
func (f *inputFlags) runSaved(ctx context.Context, stderr io.Writer, an *framing.Analyzer, paths []string, fn func(*framing.Result) error) (corpus.Stats, error) {
	if len(paths) > 0 {
		return corpus.Stats{}, usagef("--analysis %s reads saved results: give no corpus PATH as well", f.analysis)
	}
	fh, err := os.Open(f.analysis)
	if err != nil {
		return corpus.Stats{}, err
	}
	defer fh.Close()
	x, err := framing.OpenAnalysis(fh, f.analysis)
	if err != nil {
		return corpus.Stats{}, err
	}
	var st corpus.Stats
	// The saved stats and skipped documents come at the end of a binary
	// analysis: read them once the results are done.
	saved := func() {
		st.Read, st.Repaired = x.Stats.Read, x.Stats.Repaired
		for _, s := range x.Skipped {
			st.Skipped = append(st.Skipped, &corpus.SkipError{ID: s.ID, Location: s.Location, Reason: s.Reason})
		}
	}
	if err := x.Check(an, slantVersion()); err != nil {
		if !f.reanalyse || !errors.Is(err, framing.ErrStale) {
			return st, fmt.Errorf("%s: %w (add --reanalyse to analyse its texts again with the current settings)", f.analysis, err)
		}
		fmt.Fprintf(stderr, "slant: %s: %v; analysing its texts again\n", f.analysis, err)
		rst, err := framing.Run(ctx, an, x.Corpus(), framing.RunOptions{}, fn)
		saved()
		st.Articles = rst.Articles
		if err == nil {
			err = noDocuments(stderr, st)
		}
		return st, err
	}
	for r, err := range x.Results() {
		if err == nil {
			err = ctx.Err()
		}
		if err == nil {
			err = fn(r)
		}
		if err != nil {
			return st, err
		}
		st.Articles++
	}
	saved()
	return st, noDocuments(stderr, st)
}

// periodFlag is --period: group by source and calendar period.
type periodFlag struct{ period string }

func (f *periodFlag) register(c *cobra.Command) {
	c.Flags().StringVar(&f.period, "period", "", "also group by the period of each article's date (--date-field): day, week, month, quarter or year; keys read \"SOURCE PERIOD\" (AP 2025-08); undated articles are left out and counted")
}

// groupBy returns the grouping field for by with the period, if any.
func (f *periodFlag) groupBy(by string) (string, error) {
	if f.period == "" {
		return by, nil
	}
	p, err := framing.ParsePeriod(f.period)
	if err != nil {
		return "", usageError{err}
	}
	return framing.WithPeriod(by, p), nil
}

// reportUndated says on stderr how many articles a grouping by period left
// out for want of a date, by source (dateField, the field read, is named
// when known).
func reportUndated(w io.Writer, ps *framing.Profiles, dateField string) {
	if len(ps.Undated) == 0 {
		return
	}
	var total int64
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(ps.Undated)) {
		total += ps.Undated[k]
		parts = append(parts, fmt.Sprintf("%s %d", k, ps.Undated[k]))
	}
	field := ""
	if dateField != "" {
		field = fmt.Sprintf(" (field %q)", dateField)
	}
	fmt.Fprintf(w, "slant: %d articles without a date%s are left out of the profiles by period: %s\n", total, field, strings.Join(parts, ", "))
}
