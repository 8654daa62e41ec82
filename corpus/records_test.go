package corpus_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/slantlab/slant/corpus"
)

func TestJSONL(t *testing.T) {
	long := `{"text":"` + strings.Repeat("x", 3000) + `"}`
	in := strings.Join([]string{
		`{"id":"a1","outlet":"Gazette","title":"One","published":"2025-08-20","text":"Officials met on Tuesday.","label":"center","score":3}`,
		`{"id":"a2","outlet":"Gazette","text":"bad ` + "\xff\xfe" + ` bytes here."}`,
		`{"id":"a3", "outlet": "Gazette", "text": `, // malformed
		``,
		`{"id":"a4","outlet":"Gazette"}`, // no text
		long,
		`{"id":"a5","outlet":"Courier","text":"   \n\t "}`, // whitespace only
		`{"id":"a6","outlet":"Courier","published":"yesterday","text":"x"}`,
		`{"id":"a7","outlet":"Courier","text":"Last line without newline."}`,
	}, "\n")
	var got []string
	st, err := corpus.Tally(corpus.JSONL(context.Background(), strings.NewReader(in), corpus.RecordOptions{Name: "in.jsonl", Limits: corpus.Limits{MaxDocumentBytes: 1000}}), func(a *corpus.Article) error {
		got = append(got, fmt.Sprintf("%s/%s/%s/%d/%s", a.ID, a.Outlet, a.Location, a.Repaired, a.Meta["label"]+a.Meta["score"]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a1/Gazette/in.jsonl:1/0/center3", "a2/Gazette/in.jsonl:2/2/", "a7/Courier/in.jsonl:9/0/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("articles: got %v want %v", got, want)
	}
	if st.Read != 8 || st.Articles != 3 || len(st.Skipped) != 5 || st.Repaired != 2 {
		t.Errorf("stats: %+v", st)
	}
	wantSkips := []string{"in.jsonl:3: skipped: malformed JSON", "in.jsonl:5 (a4): skipped: no \"text\" field", "in.jsonl:6: skipped: document is 3000 bytes, over the 1000-byte limit", "in.jsonl:7 (a5): skipped: empty", "in.jsonl:8 (a6): skipped: field \"published\": unrecognised date"}
	for i, s := range st.Skipped {
		if !strings.HasPrefix(s.Error(), wantSkips[i]) {
			t.Errorf("skip %d: %q, want prefix %q", i, s.Error(), wantSkips[i])
		}
	}
}

func TestJSONLCustomFieldsAndHugeLine(t *testing.T) {
	// A 100 MB single line is skipped without being buffered, and the next
	// record still loads.
	huge := strings.NewReader(`{"body":"` + strings.Repeat("a", 100<<20) + `"}` + "\n" + `{"headline":"H","site":"S","body":"Fine text."}` + "\n")
	var arts []*corpus.Article
	st, err := corpus.Tally(corpus.JSONL(context.Background(), huge, corpus.RecordOptions{Fields: corpus.Fields{Text: "body", Title: "headline", Outlet: "site"}}), func(a *corpus.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Title != "H" || arts[0].Outlet != "S" || arts[0].ID != "2" || len(st.Skipped) != 1 {
		t.Fatalf("got %+v, stats %+v", arts, st)
	}
}

func TestCSV(t *testing.T) {
	in := "id,source,text,rating\n" +
		"c1,Gazette,\"Quoted, with comma and \"\"quotes\"\".\",left\n" +
		"c2,Gazette,too,many,fields\n" +
		"c3,Courier,\"Multi\nline text.\",right\n" +
		"c4,Courier,,center\n"
	var got []string
	st, err := corpus.Tally(corpus.CSV(context.Background(), strings.NewReader(in), corpus.RecordOptions{Name: "in.csv", Fields: corpus.Fields{Outlet: "source"}}), func(a *corpus.Article) error {
		got = append(got, a.ID+"|"+a.Outlet+"|"+a.Text+"|"+a.Meta["rating"]+"|"+a.Location)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`c1|Gazette|Quoted, with comma and "quotes".|left|in.csv:2`, "c3|Courier|Multi\nline text.|right|in.csv:4"}
	if strings.Join(got, "#") != strings.Join(want, "#") {
		t.Errorf("got %q want %q", got, want)
	}
	if len(st.Skipped) != 2 || !strings.Contains(st.Skipped[0].Error(), "in.csv:3") || !strings.Contains(st.Skipped[1].Error(), "empty") {
		t.Errorf("skips: %v", st.Skipped)
	}
	_, err = corpus.Tally(corpus.CSV(context.Background(), strings.NewReader("a,b\n1,2\n"), corpus.RecordOptions{Name: "x.csv"}), nil)
	if err == nil || !strings.Contains(err.Error(), `x.csv:1: the CSV header has no "text" column`) {
		t.Errorf("missing text column: %v", err)
	}
}

func TestDir(t *testing.T) {
	fsys := fstest.MapFS{
		"manifest.csv":  {Data: []byte("file,outlet,title,published,rating\na.txt,Gazette,Title A,2025-08-20,left\nb.txt,Courier,,,\ngone.txt,Gazette,,,\nbin.txt,X,,,\nempty.md,X,,,\n")},
		"a.txt":         {Data: []byte("Title A\n\nBody of A is here.\n")},
		"b.txt":         {Data: []byte("Headline B\nBody of B.\n")},
		"bin.txt":       {Data: []byte("PK\x03\x04\x00\x00binary")},
		"empty.md":      {Data: []byte("  \n\n")},
		"extra.txt":     {Data: []byte("Not in the manifest.")},
		"image.png":     {Data: []byte("\x89PNG")},
		"sub/nested.md": {Data: []byte("x")},
	}
	var got []string
	st, err := corpus.Tally(corpus.Dir(context.Background(), fsys, corpus.DirOptions{Name: "news"}), func(a *corpus.Article) error {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", a.ID, a.Outlet, a.Title, a.Published.Format("2006-01-02"), a.Meta["rating"]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt|Gazette|Title A|2025-08-20|left", "b.txt|Courier||0001-01-01|"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v want %v", got, want)
	}
	reasons := map[string]string{}
	for _, s := range st.Skipped {
		reasons[s.ID] = s.Reason
	}
	for id, want := range map[string]string{"bin.txt": "binary", "empty.md": "empty", "extra.txt": "no manifest entry", "image.png": "unsupported file type", "sub/nested.md": "no manifest entry", "gone.txt": "does not exist"} {
		if !strings.Contains(reasons[id], want) {
			t.Errorf("%s: reason %q, want %q", id, reasons[id], want)
		}
	}
	if st.Read != st.Articles+len(st.Skipped) || st.Read != 8 {
		t.Errorf("stats %+v", st)
	}
}

func TestDirWithoutManifestUsesSubdirectoryAsOutlet(t *testing.T) {
	fsys := fstest.MapFS{"Gazette/a.txt": {Data: []byte("A\nText.")}, "top.txt": {Data: []byte("B\nText.")}}
	var got []string
	_, err := corpus.Tally(corpus.Dir(context.Background(), fsys, corpus.DirOptions{}), func(a *corpus.Article) error {
		got = append(got, a.ID+"="+a.Outlet)
		return nil
	})
	if err != nil || strings.Join(got, ",") != "Gazette/a.txt=Gazette,top.txt=" {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestManifestErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"m.json", "[\n{\"file\": \"a.txt\",\n\"outlet\": }\n]", "m.json:3:"},
		{"m.json", `[{"file":"a.txt","color":"red"}]`, `unknown field "color"`},
		{"m.csv", "file,outlet\na.txt,X\na.txt,Y\n", "m.csv:3: file \"a.txt\" listed twice"},
		{"m.csv", "name,outlet\n", "m.csv:1: no \"file\" column"},
	} {
		_, err := corpus.ParseManifest(tc.name, []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: error %v, want %q", tc.name, tc.data, err, tc.want)
		}
	}
}

func TestTake(t *testing.T) {
	in := strings.Repeat(`{"text":"Some text."}`+"\n", 10)
	st, err := corpus.Tally(corpus.Take(corpus.JSONL(context.Background(), strings.NewReader(in), corpus.RecordOptions{}), 3), nil)
	if err != nil || st.Read != 3 {
		t.Fatalf("read %d, %v", st.Read, err)
	}
}

// TestDirStopsWhenTheConsumerBreaks breaks out of the range loop after each
// possible item of a manifest directory. fs.WalkDir turns fs.SkipAll into a
// nil error, and Dir used to go on to the manifest's missing files and call
// yield again, which panics ("range function continued iteration"); the
// pipeline breaks out this way when a run is cancelled or fails.
func TestDirStopsWhenTheConsumerBreaks(t *testing.T) {
	fsys := fstest.MapFS{
		"manifest.csv": {Data: []byte("file,outlet\na.txt,Gazette\nb.txt,Courier\nc.txt,Courier\ngone.txt,Gazette\n")},
		"a.txt":        {Data: []byte("Title A\n\nBody of A is here.\n")},
		"b.txt":        {Data: []byte("Title B\n\nBody of B is here.\n")},
		"c.txt":        {Data: []byte("Title C\n\nBody of C is here.\n")},
		"extra.txt":    {Data: []byte("Not in the manifest.")},
	}
	total := 0
	for range corpus.Dir(context.Background(), fsys, corpus.DirOptions{Name: "news"}) {
		total++
	}
	if total != 5 { // a, b, c, extra (skipped), gone (skipped)
		t.Fatalf("full walk yielded %d items, want 5", total)
	}
	for stopAfter := 1; stopAfter <= total; stopAfter++ {
		n := 0
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("breaking after %d items panicked: %v", stopAfter, r)
				}
			}()
			for range corpus.Dir(context.Background(), fsys, corpus.DirOptions{Name: "news"}) {
				n++
				if n == stopAfter {
					break
				}
			}
		}()
		if n != stopAfter {
			t.Errorf("breaking after %d items: saw %d", stopAfter, n)
		}
	}
}
