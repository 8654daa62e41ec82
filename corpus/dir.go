package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"path"
	"sort"
	"strings"
)

// ManifestEntry gives the metadata of one file of a text directory.
type ManifestEntry struct {
	File      string            `json:"file"`
	Outlet    string            `json:"outlet"`
	Title     string            `json:"title"`
	Published string            `json:"published"`
	URL       string            `json:"url"`
	Meta      map[string]string `json:"meta,omitempty"`
}

// Manifest maps file names (relative to the directory, slash-separated) to
// their metadata.
type Manifest map[string]ManifestEntry

// ManifestNames are the file names Dir looks for, in order.
var ManifestNames = []string{"manifest.json", "manifest.csv"}

// ParseManifest reads a manifest. JSON is an array of objects with "file",
// "outlet", "title", "published", "url" and an optional "meta" object; CSV has
// a header row with a "file" column, the same optional columns, and any other
// columns kept as metadata. name is used in errors and to choose the format
// by its extension.
func ParseManifest(name string, data []byte) (Manifest, error) {
	m := Manifest{}
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		lineOf := func(off int64) int {
			off = min(max(off, 0), int64(len(data)))
			for off < int64(len(data)) && strings.ContainsRune(" \t\r\n,", rune(data[off])) {
				off++ // to the start of the value
			}
			return 1 + bytes.Count(data[:off], []byte("\n"))
		}
		syntax := func(err error, at int64) error {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				at = se.Offset
			}
			return fmt.Errorf("%s:%d: %w", name, lineOf(at), err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		if tok, err := dec.Token(); err != nil {
			return nil, syntax(err, dec.InputOffset())
		} else if tok != json.Delim('[') {
			return nil, fmt.Errorf("%s:%d: a JSON manifest is an array of objects", name, lineOf(0))
		}
		for i := 1; dec.More(); i++ {
			start := dec.InputOffset()
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntax(err, start)
			}
			line := lineOf(start)
			ed := json.NewDecoder(bytes.NewReader(raw))
			ed.DisallowUnknownFields()
			var e ManifestEntry
			if err := ed.Decode(&e); err != nil {
				var probe struct {
					File string `json:"file"`
				}
				_ = json.Unmarshal(raw, &probe)
				return nil, fmt.Errorf("%s:%d: entry %d (file %q): %w", name, line, i, probe.File, err)
			}
			if e.File == "" {
				return nil, fmt.Errorf("%s:%d: entry %d has no \"file\"", name, line, i)
			}
			f, err := cleanManifestPath(e.File)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: entry %d: %w", name, line, i, err)
			}
			if _, dup := m[f]; dup {
				return nil, fmt.Errorf("%s:%d: entry %d: file %q listed twice", name, line, i, e.File)
			}
			e.File = f
			m[f] = e
		}
		if _, err := dec.Token(); err != nil {
			return nil, syntax(err, dec.InputOffset())
		}
	case ".csv":
		r := csv.NewReader(bytes.NewReader(data))
		rows, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(rows) == 0 {
			return nil, fmt.Errorf("%s:1: empty manifest", name)
		}
		cols := map[string]int{}
		for i, h := range rows[0] {
			cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
		}
		fi, ok := cols["file"]
		if !ok {
			return nil, fmt.Errorf("%s:1: no \"file\" column", name)
		}
		for n, row := range rows[1:] {
			e := ManifestEntry{File: row[fi]}
			for k, i := range cols {
				switch k {
				case "file":
				case "outlet":
					e.Outlet = row[i]
				case "title":
					e.Title = row[i]
				case "published":
					e.Published = row[i]
				case "url":
					e.URL = row[i]
				default:
					if row[i] != "" {
						if e.Meta == nil {
							e.Meta = map[string]string{}
						}
						e.Meta[k] = row[i]
					}
				}
			}
			if e.File == "" {
				return nil, fmt.Errorf("%s:%d: empty \"file\"", name, n+2)
			}
			f, err := cleanManifestPath(e.File)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n+2, err)
			}
			if _, dup := m[f]; dup {
				return nil, fmt.Errorf("%s:%d: file %q listed twice", name, n+2, e.File)
			}
			e.File = f
			m[f] = e
		}
	default:
		return nil, fmt.Errorf("%s: manifest must be .json or .csv", name)
	}
	return m, nil
}

// cleanManifestPath turns a manifest's file name into the slash-separated
// path Dir walks: "./sub/b.txt" and "sub\\b.txt" (Windows separators) both
// become "sub/b.txt". A path that leaves the directory is an error.
func cleanManifestPath(f string) (string, error) {
	c := path.Clean(strings.ReplaceAll(strings.TrimSpace(f), `\`, "/"))
	if path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") || (len(c) > 1 && c[1] == ':') {
		return "", fmt.Errorf("file %q is outside the directory", f)
	}
	return c, nil
}

// DirOptions configure Dir.
type DirOptions struct {
	Limits Limits
	// Manifest overrides the manifest found in the directory.
	Manifest Manifest
	// Name labels the directory in locations (its path); default ".".
	Name string
}

// textExts are the extensions Dir reads as plain text; htmlExts through the
// HTML extractor.
var (
	textExts = map[string]bool{".txt": true, ".md": true, ".text": true}
	htmlExts = map[string]bool{".html": true, ".htm": true}
)

// Dir reads every .txt, .md and .html file under fsys, in lexical order. With
// a manifest (manifest.json or manifest.csv at the top, or opt.Manifest) each
// file takes its outlet, title, date and URL from its entry; a file with no
// entry is skipped, as is an entry naming a missing file. Without one, a file
// in a subdirectory takes the subdirectory's name as its outlet. Files with
// other extensions are skipped with a reason, so nothing is lost silently.
//
// Nothing outside the directory is read and nothing that is not a regular
// file is opened: a symlink whose target leaves the tree and a named pipe,
// device or socket are skipped with a reason. Give fsys as
// os.OpenRoot(dir).FS() (as Open does) so that every step of a link is
// checked; with os.DirFS only links whose target text leaves the tree
// (absolute, or too many "..") are caught.
func Dir(ctx context.Context, fsys fs.FS, opt DirOptions) iter.Seq2[*Article, error] {
	name := opt.Name
	if name == "" {
		name = "."
	}
	return func(yield func(*Article, error) bool) {
		man := opt.Manifest
		manName := ""
		if man == nil {
			for _, mn := range ManifestNames {
				if st, err := fs.Stat(fsys, mn); err == nil && !st.Mode().IsRegular() {
					yield(nil, fmt.Errorf("corpus: %s: %s", path.Join(name, mn), notRegular(st.Mode())))
					return
				}
				data, err := fs.ReadFile(fsys, mn)
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				if err == nil {
					man, err = ParseManifest(path.Join(name, mn), data)
				}
				if err != nil {
					yield(nil, fmt.Errorf("corpus: %w", err))
					return
				}
				manName = mn
				break
			}
		}
		found := map[string]bool{}
		// stopped records that the consumer broke out of the range loop:
		// fs.WalkDir turns fs.SkipAll into a nil error, so without it the
		// manifest check below would call yield again after it returned
		// false, which panics ("range function continued iteration").
		stopped := false
		stop := func() error { stopped = true; return fs.SkipAll }
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if d.IsDir() || p == manName {
				return nil
			}
			loc := path.Join(name, p)
			ext := strings.ToLower(path.Ext(p))
			if !textExts[ext] && !htmlExts[ext] {
				reason := fmt.Sprintf("unsupported file type %q (want .txt, .md or .html)", ext)
				if ext == ".gz" {
					reason = gzipReason
				}
				if !yield(nil, &SkipError{ID: p, Location: loc, Reason: reason}) {
					return stop()
				}
				return nil
			}
			if reason := irregular(fsys, p, d); reason != "" {
				if !yield(nil, &SkipError{ID: p, Location: loc, Reason: reason}) {
					return stop()
				}
				return nil
			}
			var entry ManifestEntry
			if man != nil {
				e, ok := man[p]
				if !ok {
					if !yield(nil, &SkipError{ID: p, Location: loc, Reason: "no manifest entry for this file"}) {
						return stop()
					}
					return nil
				}
				entry = e
				found[p] = true
			} else if dir := path.Dir(p); dir != "." {
				entry.Outlet = strings.Split(dir, "/")[0]
			}
			a, rerr := readDirFile(fsys, p, loc, ext, entry, opt.Limits)
			if !yield(a, rerr) {
				return stop()
			}
			return nil
		})
		if stopped {
			return
		}
		if err != nil {
			if !errors.Is(err, fs.SkipAll) {
				yield(nil, fmt.Errorf("corpus: reading %s: %w", name, err))
			}
			return
		}
		if man != nil {
			var missing []string
			for f := range man {
				if !found[f] {
					missing = append(missing, f)
				}
			}
			sort.Strings(missing)
			for _, f := range missing {
				if !yield(nil, &SkipError{ID: f, Location: path.Join(name, f), Reason: "the manifest names this file but it does not exist (or has an unsupported type)"}) {
					return
				}
			}
		}
	}
}

// irregular returns why the entry p must not be read ("" when it may be):
// a symlink that leaves the directory, or anything that is not a regular
// file once symlinks are followed (a FIFO named x.txt would block the run
// on open, a device would never end). It never opens the file.
func irregular(fsys fs.FS, p string, d fs.DirEntry) string {
	if d.Type()&fs.ModeSymlink != 0 {
		if rl, ok := fsys.(fs.ReadLinkFS); ok {
			if target, err := rl.ReadLink(p); err == nil && escapes(path.Dir(p), target) {
				return fmt.Sprintf("symbolic link to %q resolves outside the corpus directory; not read", target)
			}
		}
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		if d.Type()&fs.ModeSymlink != 0 {
			// os.Root refuses a link whose target leaves the root.
			return "symbolic link that resolves outside the corpus directory or to nothing; not read (" + err.Error() + ")"
		}
		return err.Error()
	}
	if !st.Mode().IsRegular() {
		return notRegular(st.Mode())
	}
	return ""
}

// escapes reports whether a symlink in dir pointing to target leaves the
// tree: an absolute target, or one that climbs above the top with "..".
// (os.Root checks every step; this catches the plain cases for any
// fs.ReadLinkFS, os.DirFS included.)
func escapes(dir, target string) bool {
	if strings.HasPrefix(target, "/") || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
		return true
	}
	j := path.Join(dir, target)
	return j == ".." || strings.HasPrefix(j, "../")
}

func readDirFile(fsys fs.FS, p, loc, ext string, e ManifestEntry, lim Limits) (*Article, error) {
	fh, err := fsys.Open(p)
	if err != nil {
		return nil, &SkipError{ID: p, Location: loc, Reason: err.Error()}
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, int64(lim.maxDoc())+1))
	if err != nil {
		return nil, &SkipError{ID: p, Location: loc, Reason: err.Error()}
	}
	var a *Article
	if htmlExts[ext] {
		a, err = htmlArticle(data, p, loc, lim)
		if err != nil {
			return nil, err
		}
	} else {
		text, repaired, reason := checkText(string(decodeBOM(data)), lim)
		if reason != "" {
			return nil, &SkipError{ID: p, Location: loc, Reason: reason}
		}
		a = &Article{ID: p, Text: text, Location: loc, Repaired: repaired}
	}
	if e.Outlet != "" {
		a.Outlet = e.Outlet
	}
	if e.Title != "" {
		a.Title = e.Title
	}
	if e.URL != "" {
		a.URL = e.URL
	}
	if e.Published != "" {
		t, err := ParseDate(e.Published)
		if err != nil {
			return nil, &SkipError{ID: a.ID, Location: loc, Reason: "manifest: " + err.Error()}
		}
		a.Published = t
	}
	for k, v := range e.Meta {
		if a.Meta == nil {
			a.Meta = map[string]string{}
		}
		a.Meta[k] = v
	}
	return a, nil
}
