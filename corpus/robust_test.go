package corpus_test

import (
	"context"
	"encoding/binary"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/slantlab/slant/corpus"
)

// read drains seq and returns each article as "ID|Text" and each skip as
// "Location: Reason".
func read(t *testing.T, seq func(func(*corpus.Article, error) bool)) (arts, skips []string, st corpus.Stats) {
	t.Helper()
	st, err := corpus.Tally(seq, func(a *corpus.Article) error {
		arts = append(arts, a.ID+"|"+a.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range st.Skipped {
		skips = append(skips, s.Location+": "+s.Reason)
	}
	if st.Read != st.Articles+len(st.Skipped) {
		t.Errorf("read %d != articles %d + skipped %d", st.Read, st.Articles, len(st.Skipped))
	}
	return arts, skips, st
}

// TestCSVBadRecordsAreSkippedNotFatal pins issue 17 item 4: a record over
// the limit, a quoting error and an unterminated quote each skip one row
// (with its line), and the rows around them are kept.
func TestCSVBadRecordsAreSkippedNotFatal(t *testing.T) {
	lim := corpus.Limits{MaxDocumentBytes: 100}
	long := strings.Repeat("y", 300)
	tests := []struct {
		name, in  string
		arts      string
		skips     string
		read, art int
	}{
		{"long unquoted line", "id,text\n1,first\n2," + strings.Repeat(long, 20) + "\n3,third\n", "1|first 3|third", "in.csv:3: CSV record (lines 3-3) longer than 4196 bytes", 3, 2},
		{"long quoted field over lines", "id,text\n1,first\n2,\"" + strings.Repeat(long+"\n", 20) + "\"\n3,third\n", "1|first 3|third", "in.csv:3: CSV record (lines 3-23) longer than 4196 bytes", 3, 2},
		{"over the document limit only", "id,text\n1,first\n2,\"" + long + "\"\n3,third\n", "1|first 3|third", "in.csv:3: document is 300 bytes, over the 100-byte limit", 3, 2},
		{"unterminated quote", "id,text\n1,first\n2,\"unterminated\n3,\"third\"\n", "1|first 3|third", "in.csv:3: malformed CSV row: unterminated quoted field", 3, 2},
		{"unterminated quote on the last line", "id,text\n1,first\n2,\"unterminated\n", "1|first", "in.csv:3: malformed CSV row: unterminated quoted field", 2, 1},
		{"bare quote then good rows", "id,text\n1,fi\"rst\n2,second\n", "2|second", "in.csv:2: malformed CSV row: bare \" in non-quoted-field", 2, 1},
		{"wrong field count", "id,text\n1,a,b\n\n2,second\n", "2|second", "in.csv:2: malformed CSV row: wrong number of fields", 2, 1},
		{"BOM before the header", "\ufeffid,text\n1,first\n", "1|first", "", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, skips, st := read(t, corpus.CSV(context.Background(), strings.NewReader(tc.in), corpus.RecordOptions{Name: "in.csv", Limits: lim}))
			if got := strings.Join(arts, " "); got != tc.arts {
				t.Errorf("articles %q, want %q", got, tc.arts)
			}
			if got := strings.Join(skips, "; "); !strings.HasPrefix(got, tc.skips) || (tc.skips == "" && got != "") {
				t.Errorf("skips %q, want %q", got, tc.skips)
			}
			if st.Read != tc.read || st.Articles != tc.art {
				t.Errorf("read %d articles %d, want %d %d", st.Read, st.Articles, tc.read, tc.art)
			}
		})
	}
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pat string
	n   int64
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:min(len(p), k+int(r.n))], r.pat[r.off:])
		r.off = (r.off + c) % len(r.pat)
		k += c
		r.n -= int64(c)
	}
	return k, nil
}

// TestCSVHugeQuotedFieldBoundedMemory: a 64 MB quoted field over a million
// lines is skipped while allocating a small multiple of the record limit
// (encoding/csv alone buffers the whole field: 1.9 GB for 400 MB before
// this fix).
func TestCSVHugeQuotedFieldBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 64 MB")
	}
	in := io.MultiReader(strings.NewReader("id,text\n1,first\n2,\""), &repeatReader{pat: "lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod\n", n: 64 << 20}, strings.NewReader("\"\n3,third\n"))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	arts, skips, _ := read(t, corpus.CSV(context.Background(), in, corpus.RecordOptions{Name: "big.csv", Limits: corpus.Limits{MaxDocumentBytes: 1 << 20}}))
	runtime.ReadMemStats(&after)
	if strings.Join(arts, " ") != "1|first 3|third" || len(skips) != 1 || !strings.HasPrefix(skips[0], "big.csv:3: CSV record (lines 3-") {
		t.Fatalf("articles %q skips %q", arts, skips)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("allocated %d MB to skip a 64 MB field with a 1 MB limit", alloc>>20)
	}
}

func utf16Bytes(s string, big bool) []byte {
	var out []byte
	order := binary.AppendByteOrder(binary.LittleEndian)
	out = append(out, 0xFF, 0xFE)
	if big {
		order = binary.BigEndian
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestEncodingsJSONLCSV pins issue 17 item 7 for record files: a UTF-8 BOM
// does not cost the first record, and UTF-16 files (either byte order)
// count their records right.
func TestEncodingsJSONLCSV(t *testing.T) {
	jsonl := `{"id":"a","text":"Première ligne."}` + "\n" + `{"id":"b","text":"Second."}` + "\n"
	csvIn := "id,text\na,Première ligne.\nb,Second.\n"
	want := "a|Première ligne. b|Second."
	for _, tc := range []struct {
		name string
		data []byte
		csv  bool
	}{
		{"jsonl utf-8 bom", append([]byte("\ufeff"), jsonl...), false},
		{"jsonl utf-16le", utf16Bytes(jsonl, false), false},
		{"jsonl utf-16be", utf16Bytes(jsonl, true), false},
		{"csv utf-16le", utf16Bytes(csvIn, false), true},
		{"csv utf-8 bom", append([]byte("\ufeff"), csvIn...), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := corpus.RecordOptions{Name: "f"}
			seq := corpus.JSONL(context.Background(), strings.NewReader(string(tc.data)), opt)
			if tc.csv {
				seq = corpus.CSV(context.Background(), strings.NewReader(string(tc.data)), opt)
			}
			arts, skips, st := read(t, seq)
			if got := strings.Join(arts, " "); got != want || len(skips) != 0 || st.Read != 2 {
				t.Errorf("got %q skips %q read %d", got, skips, st.Read)
			}
		})
	}
}

// TestDirDecodesUTF16Text: UTF-16 .txt files with a byte-order mark are
// decoded like UTF-16 HTML, not skipped as binary; a UTF-8 BOM is dropped.
func TestDirDecodesUTF16Text(t *testing.T) {
	body := "Kyiv talks\n\nLeaders met in Paris on Thursday."
	fsys := fstest.MapFS{
		"be.txt":  {Data: utf16Bytes(body, true)},
		"bom.txt": {Data: append([]byte("\ufeff"), body...)},
		"le.txt":  {Data: utf16Bytes(body, false)},
	}
	fsys["nobom.txt"] = &fstest.MapFile{Data: utf16Bytes(body, false)[2:]}
	arts, skips, _ := read(t, corpus.Dir(context.Background(), fsys, corpus.DirOptions{}))
	want := "be.txt|" + body + " bom.txt|" + body + " le.txt|" + body
	if got := strings.Join(arts, " "); got != want || len(skips) != 1 || !strings.Contains(skips[0], "nobom.txt: binary content (NUL bytes): UTF-16 without a byte-order mark?") {
		t.Errorf("got %q skips %q", got, skips)
	}
}
