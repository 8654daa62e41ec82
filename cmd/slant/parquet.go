package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/export"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

// parquetOutput writes an analysis as two Parquet tables,
// PREFIX.articles.parquet and PREFIX.sentences.parquet, row group by row
// group as results arrive. The files are written under temporary names in
// the same directory and renamed by finish, so a failed or interrupted run
// leaves no truncated file behind and keeps any earlier output.
//
// Use: p, err := newParquetOutput(prefix, an, stderr); defer p.abort();
// pass p.write to inputFlags.run; call p.finish(st) at the end.
type parquetOutput struct {
	w      *export.Writer
	tmp    [2]*os.File
	paths  [2]string
	stderr io.Writer
	done   bool
}

// newParquetOutput creates the temporary files and the writer. The lexicon
// fingerprint and the weights' source go into both files' metadata.
func newParquetOutput(prefix string, an *framing.Analyzer, stderr io.Writer) (*parquetOutput, error) {
	if prefix == "" {
		return nil, usagef("--format parquet needs --out PREFIX (it writes PREFIX.articles.parquet and PREFIX.sentences.parquet)")
	}
	p := &parquetOutput{stderr: stderr}
	p.paths[0], p.paths[1] = export.FileNames(prefix)
	for i, path := range p.paths {
		f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
		if err != nil {
			p.abort()
			return nil, fmt.Errorf("writing parquet: %w", err)
		}
		p.tmp[i] = f
	}
	meta := map[string]string{}
	if an != nil {
		meta["slant.lexicons"] = an.Fingerprint()
		meta["slant.weights"] = an.Weights().Source
	}
	w, err := export.NewWriter(p.tmp[0], p.tmp[1], export.Options{Metadata: meta})
	if err != nil {
		p.abort()
		return nil, err
	}
	p.w = w
	return p, nil
}

// write adds one result (the emit function of analyze and export).
func (p *parquetOutput) write(r *framing.Result) error { return p.w.Add(r) }

// finish records the run's counts in the metadata, writes the footers,
// and moves both files into place.
func (p *parquetOutput) finish(st corpus.Stats) error {
	p.w.SetMetadata("slant.documents_read", strconv.Itoa(st.Read))
	p.w.SetMetadata("slant.documents_skipped", strconv.Itoa(len(st.Skipped)))
	err := p.w.Close()
	for _, f := range p.tmp {
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		p.abort()
		return fmt.Errorf("writing parquet: %w", err)
	}
	for i, f := range p.tmp {
		// CreateTemp makes files 0600; the outputs are ordinary data files.
		if err := os.Chmod(f.Name(), 0o644); err != nil {
			p.abort()
			return fmt.Errorf("writing parquet: %w", err)
		}
		if err := os.Rename(f.Name(), p.paths[i]); err != nil {
			p.abort()
			return fmt.Errorf("writing parquet: %w", err)
		}
	}
	p.done = true
	a, s := p.w.Counts()
	fmt.Fprintf(p.stderr, "wrote %d articles to %s and %d sentences to %s\n", a, p.paths[0], s, p.paths[1])
	return nil
}

// abort removes the temporary files unless finish succeeded; it is safe
// to defer and to call more than once.
func (p *parquetOutput) abort() {
	if p == nil || p.done {
		return
	}
	for i, f := range p.tmp {
		if f == nil {
			continue
		}
		f.Close()
		if err := os.Remove(f.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(p.stderr, "slant:", err)
		}
		p.tmp[i] = nil
	}
	p.done = true
}

// writeParquet analyses the corpus named by paths and writes the two
// Parquet tables for prefix.
func writeParquet(ctx context.Context, stderr io.Writer, in *inputFlags, paths []string, prefix string) error {
	an, err := in.analyzer()
	if err != nil {
		return err
	}
	p, err := newParquetOutput(prefix, an, stderr)
	if err != nil {
		return err
	}
	defer p.abort()
	st, err := in.run(ctx, stderr, an, paths, p.write)
	if errors.Is(err, errNoDocuments) {
		// export alone still writes its (empty) files: a pipeline gets the
		// schema for an empty partition. It says so.
		fmt.Fprintf(stderr, "slant: %v: writing empty Parquet files with the schema\n", err)
		return p.finish(st)
	}
	if err != nil {
		return err
	}
	reportSkips(stderr, st)
	return p.finish(st)
}

func newExportCmd() *cobra.Command {
	var in inputFlags
	var format, out string
	c := &cobra.Command{
		Use:   "export --out PREFIX [PATH...]",
		Short: "Write the analysis as Parquet tables for DuckDB, Spark, pandas or R",
		Long: `export analyses the corpus and writes two Parquet tables, streaming row group by
row group so that memory stays flat on large corpora:

  PREFIX.articles.parquet   one row per article: id, outlet, title, lexicons,
                            words, tokens, sentences, every documented measure
                            (a DOUBLE column named after it), category_hits
                            (reporter-voice evidence per lexicon category,
                            MAP<STRING, BIGINT>), other_measures
                            (contested.<side>, MAP<STRING, DOUBLE>) and meta
  PREFIX.sentences.parquet  one row per sentence: id, outlet, sentence (index),
                            start_byte, end_byte, kind, score, attributed,
                            evaluative and every sentence feature (DOUBLE)

The same input gives byte-identical files. With no PATH it exports the five
bundled seed articles.`,
		Example: `  slant export --out seeds
  duckdb -c "SELECT outlet, avg(loaded_rate) FROM 'seeds.articles.parquet' GROUP BY outlet ORDER BY outlet"
  slant export corpus.jsonl --text-field body --out corpus`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "parquet"); err != nil {
				return err
			}
			if out == "" {
				return usagef("export needs --out PREFIX (it writes PREFIX.articles.parquet and PREFIX.sentences.parquet)")
			}
			ctx := commandContext(cmd)
			return writeParquet(ctx, cmd.ErrOrStderr(), &in, args, out)
		},
	}
	in.register(c)
	c.Flags().StringVar(&format, "format", "parquet", "output format: parquet")
	c.Flags().StringVar(&out, "out", "", "output prefix: writes PREFIX.articles.parquet and PREFIX.sentences.parquet")
	return c
}
