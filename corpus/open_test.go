package corpus_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/slantlab/slant/corpus"
)

func writeFile(t *testing.T, p string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// openAll reads paths through corpus.Open and returns "ID@Location" per
// article and "Location: Reason" per skip, or the error that ended it.
func openAll(t *testing.T, paths []string, lim corpus.Limits) (arts, skips []string, err error) {
	t.Helper()
	st, err := corpus.Tally(corpus.Open(context.Background(), paths, corpus.Options{Limits: lim}), func(a *corpus.Article) error {
		arts = append(arts, a.ID+"@"+a.Location)
		return nil
	})
	for _, s := range st.Skipped {
		skips = append(skips, s.Location+": "+s.Reason)
	}
	return arts, skips, err
}

// TestOpenRecordFiles pins issue 17 item 8: a .json file of JSON Lines is
// read as JSON Lines (not as one article of JSON syntax), arrays and
// pretty-printed objects are read record by record with their lines, and
// gzip-compressed record files are decompressed within a bound.
func TestOpenRecordFiles(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id":"a","text":"First article."}` + "\n" + `{"id":"b","text":"Second article."}` + "\n"
	csvIn := "id,text\na,First article.\nb,Second article.\n"
	tests := []struct {
		name string
		data []byte
		want string // articles, or the skip or error
	}{
		{"lines.json", []byte(jsonl), "a@L:1 b@L:2"},
		{"array.json", []byte("[\n  {\"id\": \"a\", \"text\": \"First article.\"},\n  {\n    \"id\": \"b\",\n    \"text\": \"Second article.\"\n  }\n]\n"), "a@L:2 b@L:3"},
		{"stream.json", []byte("{\n \"id\": \"a\",\n \"text\": \"First article.\"\n}\n{\n \"id\": \"b\", \"text\": \"Second article.\"\n}\n"), "a@L:1 b@L:5"},
		{"c.jsonl.gz", gz(t, jsonl), "a@L:1 b@L:2"},
		{"c.json.gz", gz(t, jsonl), "a@L:1 b@L:2"},
		{"c.csv.gz", gz(t, csvIn), "a@L:2 b@L:3"},
		{"c.txt.gz", gz(t, "Some text."), "skip L: gzip-compressed file: only .jsonl.gz"},
		{"broken.jsonl.gz", []byte("not gzip at all"), "error corpus: L: not a readable gzip file"},
		{"bomb.jsonl.gz", gz(t, strings.Repeat(jsonl, 1000)), "a@L:1 b@L:2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, filepath.Join(dir, tc.name), tc.data)
			arts, skips, err := openAll(t, []string{p}, corpus.Limits{MaxDecompressedBytes: 4096})
			got := strings.Join(arts, " ")
			if len(skips) > 0 {
				got += "skip " + strings.Join(skips, "; ")
			}
			if err != nil {
				got += "error " + err.Error()
			}
			got = strings.ReplaceAll(got, p, "L")
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.name == "bomb.jsonl.gz" && (err == nil || !strings.Contains(err.Error(), "exceeds the 4096-byte limit")) {
				t.Errorf("bomb: %v", err)
			}
		})
	}
}

// TestOpenDirSymlinksAndSpecialFiles pins issue 17 item 9: symlinks that
// resolve outside the corpus directory are skipped with a reason (their
// target is never read), links inside it are read, and a FIFO named x.txt
// is skipped without being opened (opening it would block forever).
func TestOpenDirSymlinksAndSpecialFiles(t *testing.T) {
	base := t.TempDir()
	secret := writeFile(t, filepath.Join(base, "outside", "secret.txt"), []byte("Secret words outside the corpus."))
	root := filepath.Join(base, "corpus")
	writeFile(t, filepath.Join(root, "a.txt"), []byte("A headline\n\nBody of A."))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(secret, filepath.Join(root, "abs-link.txt")))
	must(os.MkdirAll(filepath.Join(root, "sub"), 0o755))
	must(os.Symlink("../../outside/secret.txt", filepath.Join(root, "sub", "rel-link.txt")))
	must(os.Symlink("a.txt", filepath.Join(root, "in-link.txt")))
	must(syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644))
	lone := filepath.Join(base, "lone.txt")
	must(syscall.Mkfifo(lone, 0o644))

	arts, skips, err := openAll(t, []string{root, lone}, corpus.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(arts, " "); got != "a.txt@"+filepath.Join(root, "a.txt")+" in-link.txt@"+filepath.Join(root, "in-link.txt") {
		t.Errorf("articles %q", got)
	}
	want := []string{
		"abs-link.txt: symbolic link to \"" + secret + "\" resolves outside the corpus directory",
		"pipe.txt: not a regular file (named pipe (FIFO)); not opened",
		"sub/rel-link.txt: symbolic link to \"../../outside/secret.txt\" resolves outside",
		"lone.txt: not a regular file (named pipe (FIFO))",
	}
	if len(skips) != len(want) {
		t.Fatalf("skips %q", skips)
	}
	for i, w := range want {
		if !strings.Contains(skips[i], w) {
			t.Errorf("skip %d: %q, want %q", i, skips[i], w)
		}
	}
}

// TestManifestEntriesNamedAndNormalised pins issue 17 item 12: an unknown
// manifest field names its entry and line; "./sub/b.txt" and "sub\b.txt"
// name the file Dir walks as "sub/b.txt".
func TestManifestEntriesNamedAndNormalised(t *testing.T) {
	_, err := corpus.ParseManifest("m.json", []byte("[\n {\"file\": \"a.txt\"},\n {\"file\": \"b.txt\", \"colour\": \"red\"}\n]"))
	if err == nil || !strings.Contains(err.Error(), `m.json:3: entry 2 (file "b.txt"): json: unknown field "colour"`) {
		t.Errorf("unknown field: %v", err)
	}
	for _, tc := range []struct{ name, data string }{
		{"manifest.json", `[{"file": "./sub/b.txt", "outlet": "Gazette"}, {"file": "sub\\c.txt", "outlet": "Courier"}]`},
		{"manifest.csv", "file,outlet\n./sub/b.txt,Gazette\nsub\\c.txt,Courier\n"},
	} {
		fsys := fstest.MapFS{
			tc.name:     {Data: []byte(tc.data)},
			"sub/b.txt": {Data: []byte("B\n\nText of b.")},
			"sub/c.txt": {Data: []byte("C\n\nText of c.")},
		}
		var got []string
		st, err := corpus.Tally(corpus.Dir(context.Background(), fsys, corpus.DirOptions{}), func(a *corpus.Article) error {
			got = append(got, a.ID+"="+a.Outlet)
			return nil
		})
		if err != nil || strings.Join(got, " ") != "sub/b.txt=Gazette sub/c.txt=Courier" || len(st.Skipped) != 0 {
			t.Errorf("%s: got %v skips %v err %v", tc.name, got, st.Skipped, err)
		}
	}
	if _, err := corpus.ParseManifest("m.csv", []byte("file\n../etc/passwd\n")); err == nil || !strings.Contains(err.Error(), `m.csv:2: file "../etc/passwd" is outside the directory`) {
		t.Errorf("escaping path: %v", err)
	}
}

// TestJSONValueSplitter: a JSON value over the limit is skipped with its
// line and the next one read; stray closers end the file with an error
// naming the line, never a loop.
func TestJSONValueSplitter(t *testing.T) {
	big := `{"id":"big","text":"` + strings.Repeat("x", 9000) + `"}`
	for _, tc := range []struct{ in, want string }{
		{"[\n" + big + ",\n{\"id\":\"b\",\"text\":\"Fine.\"}\n]", "b@f:3; skip f:2: record longer than 5096 bytes"},
		{"{\"id\":\"a\",\n\"text\":\"x\"}\n}\n{\"id\":\"b\",\"text\":\"y\"}", "a@f:1; error f:3: invalid character '}'"},
		{"[{\"id\":\"a\",\"text\":\"x\"},,}]", "a@f:1; error f:1: invalid character '}'"},
		{"[{\"id\":\"a\",\"text\":\"x\"}", "a@f:1; error f:1: unexpected end of JSON input"},
		{"{\n\"text\": \"a \\\" quote } ]\"} 12 \"s\"", "1@f:1; skip f:2: a record must be a JSON object, not a number; skip f:2: a record must be a JSON object, not a string"},
	} {
		var got []string
		st, err := corpus.Tally(corpus.JSON(context.Background(), strings.NewReader(tc.in), corpus.RecordOptions{Name: "f", Limits: corpus.Limits{MaxDocumentBytes: 1000}}), func(a *corpus.Article) error {
			got = append(got, a.ID+"@"+a.Location)
			return nil
		})
		for _, s := range st.Skipped {
			got = append(got, "skip "+s.Location+": "+s.Reason)
		}
		if err != nil {
			got = append(got, "error "+err.Error())
		}
		if g := strings.Join(got, "; "); !strings.HasPrefix(g, tc.want) {
			t.Errorf("%.60q:\n got %q\nwant %q", tc.in, g, tc.want)
		}
	}
}
