package corpus_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
)

// checkSeq drains a reader and checks the invariants every reader keeps:
// no panic, every article valid UTF-8 and non-empty, every skip with a
// reason and a location, and read = articles + skipped.
func checkSeq(t *testing.T, st corpus.Stats, err error, arts []*corpus.Article) {
	t.Helper()
	if err != nil {
		return // a fatal error (bad header) is a clear error, not a panic
	}
	for _, a := range arts {
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("bad article text %q", a.Text)
		}
	}
	for _, s := range st.Skipped {
		if s.Reason == "" || s.Location == "" {
			t.Fatalf("skip without reason or location: %+v", s)
		}
	}
	if st.Read != st.Articles+len(st.Skipped) {
		t.Fatalf("read %d != %d + %d", st.Read, st.Articles, len(st.Skipped))
	}
}

func collect(seqErr func(func(*corpus.Article) error) (corpus.Stats, error)) (corpus.Stats, error, []*corpus.Article) {
	var arts []*corpus.Article
	st, err := seqErr(func(a *corpus.Article) error { arts = append(arts, a); return nil })
	return st, err, arts
}

func FuzzJSONL(f *testing.F) {
	f.Add(`{"id":"a","outlet":"X","text":"Hello there."}` + "\n" + `{"text":` + "\n")
	f.Add("{\"text\":\"\xff\xfe\"}\n\n{}\n")
	f.Add(`{"text": 12, "published": "2025-01-02"}`)
	f.Add("\ufeff{\"text\":\"BOM first.\"}\n")
	f.Fuzz(func(t *testing.T, in string) {
		st, err, arts := collect(func(fn func(*corpus.Article) error) (corpus.Stats, error) {
			return corpus.Tally(corpus.JSONL(context.Background(), strings.NewReader(in), corpus.RecordOptions{Limits: corpus.Limits{MaxDocumentBytes: 1 << 12}}), fn)
		})
		checkSeq(t, st, err, arts)
	})
}

// FuzzJSON covers the .json reader, which tells JSON Lines, arrays and
// streams of objects apart by content (issue 17 item 8).
func FuzzJSON(f *testing.F) {
	f.Add("[\n {\"id\": \"a\", \"text\": \"One.\"},\n {\"text\": \"Two.\"}\n]\n")
	f.Add("{\n \"text\": \"pretty\"\n}\n{\"text\": \"next\"}\n")
	f.Add(`{"text":"a line"}` + "\n" + `{"text":"another"}` + "\n")
	f.Add("[1, \"x\", {\"text\": 3}, null]")
	f.Add("  [ {\"text\": \"unclosed\"}")
	f.Fuzz(func(t *testing.T, in string) {
		st, err, arts := collect(func(fn func(*corpus.Article) error) (corpus.Stats, error) {
			return corpus.Tally(corpus.JSON(context.Background(), strings.NewReader(in), corpus.RecordOptions{Limits: corpus.Limits{MaxDocumentBytes: 1 << 12}}), fn)
		})
		checkSeq(t, st, err, arts)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add("id,outlet,text\n1,X,\"Hello, there.\"\n2,Y\n")
	f.Add("text\n\"unterminated\n")
	f.Add("\ufefftext,rating\nabc,left\n")
	// issue 17 item 4: an unterminated quote, a bare quote, a quoted field
	// over many lines, a long line, blank lines; item 7: UTF-16 with a BOM.
	f.Add("id,text\n1,first\n2,\"unterminated\n3,\"third\"\n")
	f.Add("id,text\n1,fi\"rst\n\n2,\"a\nb\nc\"\n3," + strings.Repeat("x", 5000) + "\n")
	f.Add("\xff\xfet\x00e\x00x\x00t\x00\n\x00a\x00\n\x00")
	f.Fuzz(func(t *testing.T, in string) {
		st, err, arts := collect(func(fn func(*corpus.Article) error) (corpus.Stats, error) {
			return corpus.Tally(corpus.CSV(context.Background(), strings.NewReader(in), corpus.RecordOptions{Limits: corpus.Limits{MaxDocumentBytes: 1 << 12}}), fn)
		})
		checkSeq(t, st, err, arts)
	})
}

func FuzzDirManifest(f *testing.F) {
	f.Add(`[{"file":"a.txt","outlet":"X","title":"T","published":"2025-08-20"}]`, "T\nBody text.", true)
	f.Add("file,outlet\na.txt,X\nb.txt,Y\n", "\x00\x01", false)
	// issue 17 item 12: paths normalised (./a.txt and a.txt are one file),
	// Windows separators, paths leaving the directory, unknown fields.
	f.Add(`[{"file":"./a.txt"},{"file":"a.txt"}]`, "T\nBody.", true)
	f.Add("file,outlet\nsub\\..\\..\\a.txt,X\n./c.md,Y\n", "T\nBody.", false)
	f.Add(`[{"file":"a.txt","colour":"red"}]`, "T\nBody.", true)
	f.Fuzz(func(t *testing.T, manifest, body string, asJSON bool) {
		name := "manifest.csv"
		if asJSON {
			name = "manifest.json"
		}
		fsys := fstest.MapFS{name: {Data: []byte(manifest)}, "a.txt": {Data: []byte(body)}, "c.md": {Data: []byte(body)}}
		st, err, arts := collect(func(fn func(*corpus.Article) error) (corpus.Stats, error) {
			return corpus.Tally(corpus.Dir(context.Background(), fsys, corpus.DirOptions{}), fn)
		})
		checkSeq(t, st, err, arts)
	})
}

func FuzzClean(f *testing.F) {
	f.Add("Headline\n\nBody text that is long enough to be a real paragraph of an article, it says.\nShare this\nMore\nTeaser...\n", "")
	f.Add("\u00a0\n\n  \n", "x")
	f.Add("Title\r\nline one\r\n\r\n• item\n", "Title")
	f.Add("T\n\nPhotos: X Hide Caption 1 of 2 more Hide Caption 2 of 2\nJUST WATCHED x Replay\n(A/AP)\ntoggle caption\n", "")
	f.Fuzz(func(t *testing.T, text, title string) {
		if !utf8.ValidString(text) {
			return // readers repair UTF-8 before cleaning
		}
		cl := corpus.Cleaner{}.Clean(text, title)
		checkPartition(t, "fuzz", text, cl)
		// With a boilerplate index that has seen the text in three
		// articles of its outlet, corpus-wide and per-outlet rules apply.
		bp := corpus.NewBoilerplate()
		a := &corpus.Article{Outlet: "O", Text: text, Title: title}
		for range 3 {
			bp.AddArticle(a)
		}
		checkPartition(t, "fuzz+boilerplate", text, corpus.Cleaner{Boilerplate: bp}.CleanArticle(&corpus.Article{Outlet: "O", Text: text, Title: title}))
	})
}
