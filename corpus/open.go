package corpus

import (
	"context"
	"fmt"
	"io/fs"
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

// Open reads every path in order: a directory through Dir (opened with
// os.OpenRoot, so a symlink that resolves outside it is skipped), a .jsonl,
// .ndjson, .json or .csv file (optionally gzip-compressed: .jsonl.gz,
// .json.gz, .csv.gz) through OpenFile, and any other file as one article
// (.txt, .md, .html). A path that does not exist is an error naming it; a
// path that is not a regular file (a named pipe, a device) is skipped with a
// reason without being opened.
func Open(ctx context.Context, paths []string, opt Options) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				yield(nil, fmt.Errorf("corpus: %w", err))
				return
			}
			var seq iter.Seq2[*Article, error]
			switch {
			case st.IsDir():
				root, err := os.OpenRoot(p)
				if err != nil {
					yield(nil, fmt.Errorf("corpus: %w", err))
					return
				}
				seq = closeAfter(Dir(ctx, root.FS(), DirOptions{Limits: opt.Limits, Name: p}), root.Close)
			case !st.Mode().IsRegular():
				if !yield(nil, &SkipError{ID: filepath.Base(p), Location: p, Reason: notRegular(st.Mode())}) {
					return
				}
				continue
			case isRecordFile(p):
				seq = OpenFile(ctx, p, RecordOptions{Fields: opt.Fields, Limits: opt.Limits})
			case strings.EqualFold(filepath.Ext(p), ".gz"):
				if !yield(nil, &SkipError{ID: filepath.Base(p), Location: p, Reason: gzipReason}) {
					return
				}
				continue
			default:
				dir, base := filepath.Split(p)
				if dir == "" {
					dir = "."
				}
				a, err := readDirFile(os.DirFS(dir), base, p, strings.ToLower(filepath.Ext(p)), ManifestEntry{}, opt.Limits)
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

// closeAfter runs closer once seq has been drained or abandoned.
func closeAfter(seq iter.Seq2[*Article, error], closer func() error) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		defer closer()
		seq(yield)
	}
}

// notRegular is the skip reason for a file that is not a regular file.
func notRegular(m fs.FileMode) string {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "device"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeSymlink != 0:
		kind = "symbolic link"
	}
	return "not a regular file (" + kind + "); not opened"
}
