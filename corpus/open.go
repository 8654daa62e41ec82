package corpus

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// Options configure Open.
type Options struct {
	Limits Limits
	// Fields names the record fields of JSONL and CSV inputs.
	Fields Fields
}

// Open reads every path in order: a directory through Dir, a .jsonl,
// .ndjson or .csv file through JSONL or CSV, and any other file as one
// article (.txt, .md, .html). A path that does not exist is an error naming
// it.
func Open(ctx context.Context, paths []string, opt Options) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				yield(nil, fmt.Errorf("corpus: %w", err))
				return
			}
			var seq iter.Seq2[*Article, error]
			switch ext := strings.ToLower(filepath.Ext(p)); {
			case st.IsDir():
				seq = Dir(ctx, os.DirFS(p), DirOptions{Limits: opt.Limits, Name: p})
			case ext == ".jsonl" || ext == ".ndjson" || ext == ".csv":
				seq = OpenFile(ctx, p, RecordOptions{Fields: opt.Fields, Limits: opt.Limits})
			default:
				dir, base := filepath.Split(p)
				if dir == "" {
					dir = "."
				}
				a, err := readDirFile(os.DirFS(dir), base, p, ext, ManifestEntry{}, opt.Limits)
				if !yield(a, err) {
					return
				}
				continue
			}
			for a, err := range seq {
				if !yield(a, err) {
					return
				}
				if err != nil {
					if _, ok := AsSkip(err); !ok {
						return
					}
				}
			}
		}
	}
}
