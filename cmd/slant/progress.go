package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"golang.org/x/term"
)

// progress reports documents done, rate and ETA on stderr while a long run
// goes on. It is silent unless stderr is a terminal and --quiet is off.
type progress struct {
	bar  *progressbar.ProgressBar
	docs int
}

// newProgress sizes the bar by the input files' bytes (the ETA is
// approximate: it counts the article text, not markup or JSON). With no
// paths (the seeds) or no terminal it does nothing.
func newProgress(stderr io.Writer, quiet bool, paths []string) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) || len(paths) == 0 {
		return &progress{}
	}
	var total int64
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	if total == 0 {
		total = -1
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("analysing"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return &progress{bar: bar}
}

func (p *progress) add(r *framing.Result) {
	if p.bar == nil {
		return
	}
	p.docs++
	p.bar.Describe(fmt.Sprintf("analysing: %d documents", p.docs))
	_ = p.bar.Add(len(r.Text))
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// run analyses the corpus named by paths through framing.Run, with a
// progress bar on stderr.
func (f *inputFlags) run(ctx context.Context, stderr io.Writer, an *framing.Analyzer, paths []string, fn func(*framing.Result) error) (corpus.Stats, error) {
	if f.analysis != "" {
		return f.runSaved(ctx, stderr, an, paths, fn)
	}
	an, err := f.withBoilerplate(ctx, an, paths)
	if err != nil {
		return corpus.Stats{}, err
	}
	bar := newProgress(stderr, f.quiet, paths)
	defer bar.finish()
	st, err := framing.Run(ctx, an, f.articles(ctx, paths), framing.RunOptions{}, func(r *framing.Result) error {
		bar.add(r)
		return fn(r)
	})
	if err == nil {
		err = noDocuments(stderr, st)
	}
	return st, err
}
