package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/seeds"
	"github.com/spf13/cobra"
)

// inputFlags are the flags every command that reads a corpus shares.
type inputFlags struct {
	textField, outletField, titleField, idField string
	dateField                                   string
	csvRaw                                      bool             // --csv-raw, on commands that write CSV
	boilerplate                                 bool             // --boilerplate: learn repeated lines first
	extra                                       []framing.Option // the options analyzer was last given
	lexicons                                    []string
	excludes                                    []string // exclusion list files (--exclude)
	noPOS                                       bool
	quiet                                       bool
	weights                                     string
	analysis                                    string // --analysis: a saved analysis to read instead (saved.go)
	reanalyse                                   bool
}

func (f *inputFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.textField, "text-field", "text", "JSONL/CSV field holding the article text")
	c.Flags().StringVar(&f.outletField, "outlet-field", "outlet", "JSONL/CSV field holding the outlet")
	c.Flags().StringVar(&f.titleField, "title-field", "title", "JSONL/CSV field holding the title")
	c.Flags().StringVar(&f.idField, "id-field", "id", "JSONL/CSV field holding the article ID")
	c.Flags().BoolVar(&f.boilerplate, "boilerplate", false, "read the corpus twice: first learn the short lines repeated across its documents and across each outlet's (corpus.Boilerplate), then remove them as page furniture with their reason")
	c.Flags().StringVar(&f.dateField, "date-field", "published", "JSONL/CSV field holding the publication date (2025-08-20, RFC 3339, August 20, 2025, ...)")
	c.Flags().StringArrayVar(&f.lexicons, "lexicon", nil, "extra lexicon YAML file, added to (or replacing by name) the defaults; repeatable")
	c.Flags().StringArrayVar(&f.excludes, "exclude", nil, "exclusion list `FILE` (one word or phrase per line, # comments): terms and phrases not to count; repeatable")
	c.Flags().BoolVar(&f.noPOS, "no-pos", false, "skip part-of-speech tagging (faster; style measures need it)")
	c.Flags().StringVar(&f.weights, "weights", "", "sentence-score weights YAML (from slant train)")
	c.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar (it only shows when stderr is a terminal anyway)")
	f.registerSaved(c)
}

// registerCSV adds --csv-raw to a command that writes CSV.
func (f *inputFlags) registerCSV(c *cobra.Command) {
	c.Flags().BoolVar(&f.csvRaw, "csv-raw", false, "write CSV cells exactly as they are; by default a cell starting with = + - @ (a spreadsheet formula) gets a leading ' (OWASP's rule)")
}

// articles returns the corpus named by paths, or the embedded seeds.
func (f *inputFlags) articles(ctx context.Context, paths []string) iter.Seq2[*corpus.Article, error] {
	if len(paths) == 0 {
		return seeds.Corpus(ctx)
	}
	return corpus.Open(ctx, paths, corpus.Options{Fields: corpus.Fields{Text: f.textField, Outlet: f.outletField, Title: f.titleField, ID: f.idField, Published: f.dateField}})
}

// lexiconSet returns the default lexicons plus any --lexicon files, less
// any --exclude terms.
func (f *inputFlags) lexiconSet() (*lexicon.Set, error) {
	set, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	if len(f.lexicons) > 0 {
		var extra []*lexicon.Lexicon
		for _, p := range f.lexicons {
			l, err := lexicon.LoadFile(p)
			if err != nil {
				return nil, err
			}
			extra = append(extra, l)
		}
		if set, err = set.With(extra...); err != nil {
			return nil, err
		}
	}
	return withExcludeFiles(set, f.excludes)
}

// withExcludeFiles adds the terms of each exclusion list file to set.
func withExcludeFiles(set *lexicon.Set, files []string) (*lexicon.Set, error) {
	if len(files) == 0 {
		return set, nil
	}
	var terms []string
	for _, p := range files {
		t, err := lexicon.LoadExclusions(p)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t...)
	}
	return set.WithExclusions(terms...)
}

func (f *inputFlags) analyzer(extra ...framing.Option) (*framing.Analyzer, error) {
	f.extra = extra
	set, err := f.lexiconSet()
	if err != nil {
		return nil, err
	}
	opts := append([]framing.Option{framing.WithLexicons(set)}, extra...)
	if f.noPOS {
		opts = append(opts, framing.WithoutPOS())
	}
	if f.weights != "" {
		w, err := framing.LoadWeights(f.weights)
		if err != nil {
			return nil, err
		}
		opts = append(opts, framing.WithWeights(w))
	}
	return framing.NewAnalyzer(opts...)
}

// skipped is a skipped document in JSON output.
type skipped = framing.SkippedRecord

func skipList(st corpus.Stats) []skipped {
	out := []skipped{}
	for _, s := range st.Skipped {
		out = append(out, skipped{ID: s.ID, Location: s.Location, Reason: s.Reason})
	}
	return out
}

// reportSkips prints skipped documents to stderr, so nothing is lost silently.
func reportSkips(w io.Writer, st corpus.Stats) {
	for _, s := range st.Skipped {
		fmt.Fprintln(w, "slant:", s.Error())
	}
	if st.Repaired > 0 {
		fmt.Fprintf(w, "slant: repaired %d invalid UTF-8 sequences\n", st.Repaired)
	}
}

// withBoilerplate returns an with --boilerplate applied: a first pass over
// the corpus learns its repeated lines (corpus.Boilerplate: corpus-wide and
// per outlet) and the analyzer is rebuilt with a cleaner that removes them.
// Without the flag it returns an unchanged.
func (f *inputFlags) withBoilerplate(ctx context.Context, an *framing.Analyzer, paths []string) (*framing.Analyzer, error) {
	if !f.boilerplate {
		return an, nil
	}
	bp := corpus.NewBoilerplate()
	if err := bp.Learn(f.articles(ctx, paths)); err != nil {
		return nil, fmt.Errorf("--boilerplate: %w", err)
	}
	extra := append(append([]framing.Option(nil), f.extra...), framing.WithCleaner(corpus.Cleaner{Boilerplate: bp}))
	return f.analyzer(extra...)
}

// errNoDocuments is the error of every corpus command whose input held no
// article it could analyse (an empty directory, every document skipped).
var errNoDocuments = errors.New("no documents")

// noDocuments returns errNoDocuments, with the counts, when st holds no
// article, after printing the skips that explain it. analyze, profile,
// compare and report all exit with exitAnalysis on it.
func noDocuments(stderr io.Writer, st corpus.Stats) error {
	if st.Articles > 0 {
		return nil
	}
	reportSkips(stderr, st)
	return fmt.Errorf("%w to analyse (%d read, %d skipped)", errNoDocuments, st.Read, len(st.Skipped))
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usagef("unknown --format %q (want one of %v)", format, allowed)
}
