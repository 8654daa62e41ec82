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
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var entries []ManifestEntry
		if err := dec.Decode(&entries); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for i, e := range entries {
			if e.File == "" {
				return nil, fmt.Errorf("%s: entry %d has no \"file\"", name, i+1)
			}
			if _, dup := m[e.File]; dup {
				return nil, fmt.Errorf("%s: entry %d: file %q listed twice", name, i+1, e.File)
			}
			m[e.File] = e
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
			if _, dup := m[e.File]; dup {
				return nil, fmt.Errorf("%s:%d: file %q listed twice", name, n+2, e.File)
			}
			m[e.File] = e
		}
	default:
		return nil, fmt.Errorf("%s: manifest must be .json or .csv", name)
	}
	return m, nil
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
				if !yield(nil, &SkipError{ID: p, Location: loc, Reason: fmt.Sprintf("unsupported file type %q (want .txt, .md or .html)", ext)}) {
					return fs.SkipAll
				}
				return nil
			}
			var entry ManifestEntry
			if man != nil {
				e, ok := man[p]
				if !ok {
					if !yield(nil, &SkipError{ID: p, Location: loc, Reason: "no manifest entry for this file"}) {
						return fs.SkipAll
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
				return fs.SkipAll
			}
			return nil
		})
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
		a, err = articleFromHTML(data, p, loc, lim)
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
