package framing

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/slantlab/slant/corpus"
)

// RunOptions configure Run.
type RunOptions struct {
	// Workers analysing in parallel; default GOMAXPROCS.
	Workers int
	// Queue bounds the articles in flight (read but not yet delivered);
	// default 4 × Workers. Memory stays flat however large the corpus.
	Queue int
}

// Run streams articles from seq through the analyzer with a pool of
// workers and calls fn for each result in input order, so output is the
// same whatever the number of workers. Skips from the reader are counted
// in the returned Stats; the first other reader error, analysis error or
// error from fn stops the run (so does cancelling ctx) and is returned.
func Run(ctx context.Context, an *Analyzer, seq iter.Seq2[*corpus.Article, error], opt RunOptions, fn func(*Result) error) (corpus.Stats, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Queue < opt.Workers {
		opt.Queue = 4 * opt.Workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		art  *corpus.Article
		done chan struct{}
		res  *Result
		err  error
	}
	jobs := make(chan *job)               // to the workers
	ordered := make(chan *job, opt.Queue) // to the consumer, in input order
	var st corpus.Stats
	var readErr error
	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res, j.err = an.Analyze(ctx, j.art)
				close(j.done)
			}
		}()
	}
	// Reader: the only goroutine touching st until ordered is closed.
	go func() {
		defer close(ordered)
		defer close(jobs)
		for a, err := range seq {
			if err != nil {
				if s, ok := corpus.AsSkip(err); ok {
					st.Read++
					st.Skipped = append(st.Skipped, s)
					continue
				}
				readErr = err
				return
			}
			st.Read++
			st.Articles++
			st.Repaired += a.Repaired
			j := &job{art: a, done: make(chan struct{})}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var firstErr error
	for j := range ordered {
		if firstErr != nil {
			continue // drain so the reader can finish
		}
		if err := ctx.Err(); err != nil {
			firstErr = err // cancelled: deliver nothing more
			continue
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			firstErr = ctx.Err()
			cancel()
			continue
		}
		if j.err != nil {
			firstErr = fmt.Errorf("framing: analysing %s: %w", j.art.ID, j.err)
			cancel()
			continue
		}
		if err := fn(j.res); err != nil {
			firstErr = err
			cancel()
		}
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = readErr
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return st, firstErr
}
