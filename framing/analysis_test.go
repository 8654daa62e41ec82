package framing

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestAnalysisRoundTrip: a saved analysis read back holds results equal to
// the originals (their JSON byte for byte, text included), Check accepts
// it for the analyzer that wrote it and names what differs for another;
// damaged files are refused, naming the file.
func TestAnalysisRoundTrip(t *testing.T) {
	an := analyzer(t)
	x := NewAnalysis(an, "test 1")
	x.Articles = seedList(t)
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(x); err != nil {
		t.Fatal(err)
	}
	saved := buf.String()
	y, err := ReadAnalysis(strings.NewReader(saved), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	for i := range x.Articles {
		a, _ := json.Marshal(x.Articles[i])
		b, _ := json.Marshal(y.Articles[i])
		if !bytes.Equal(a, b) || y.Articles[i].Text != x.Articles[i].Text {
			t.Errorf("article %d differs after the round trip", i)
		}
	}
	if err := y.Check(an, "test 1"); err != nil {
		t.Errorf("same settings refused: %v", err)
	}
	if err := y.Check(an, "test 2"); !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), `Slant version "test 1" (saved) vs "test 2" (now)`) {
		t.Errorf("version: %v", err)
	}
	w := DefaultWeights()
	w.Bias = -2
	other, err := NewAnalyzer(WithoutPOS(), WithWeights(w))
	if err != nil {
		t.Fatal(err)
	}
	err = y.Check(other, "test 1")
	if !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), "weights") || !strings.Contains(err.Error(), "part-of-speech tagging on (saved) vs off (now)") || strings.Contains(err.Error(), "lexicon") {
		t.Errorf("weights and tagging: %v", err)
	}
	for _, bad := range []struct{ from, to, want string }{
		{`"schema":1`, `"schema":7`, "analysis schema 7"},
		{`"start":0`, `"start":-5`, "outside the text"},
		{`"articles":[`, `"articles":[null,`, "article 1 is null"},
		{`"lexicons":"`, `"lexicons":"x`, "the file says"},
	} {
		src := strings.Replace(saved, bad.from, bad.to, 1)
		if src == saved {
			t.Fatalf("%q not in the saved analysis", bad.from)
		}
		if _, err := ReadAnalysis(strings.NewReader(src), "a.json"); err == nil || !strings.Contains(err.Error(), "a.json") || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: %v", bad.want, err)
		}
	}
	if _, err := ReadAnalysis(strings.NewReader("[1, 2]"), "b.json"); err == nil || !strings.Contains(err.Error(), "b.json: not a saved analysis") {
		t.Errorf("not an analysis: %v", err)
	}
}

// TestAnalysisBinaryRoundTrip: the binary format reads back results whose
// JSON is byte for byte the original's (empty lists and maps included),
// with the header, stats and skipped documents; a file cut short, or of
// another schema, is refused naming the file.
func TestAnalysisBinaryRoundTrip(t *testing.T) {
	an := analyzer(t)
	x := seedAnalysis(t, an)
	bin, _ := writeBinary(t, x)
	if !strings.HasPrefix(bin.String(), AnalysisBinaryMagic) {
		t.Fatalf("no magic line")
	}
	y, err := ReadAnalysis(bytes.NewReader(bin.Bytes()), "a.bin")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(x)
	got, _ := json.Marshal(y)
	if !bytes.Equal(want, got) {
		t.Errorf("the binary round trip changed the analysis:\n%.300s\nvs\n%.300s", want, got)
	}
	if !strings.Contains(string(got), `"evidence":[]`) {
		t.Errorf("no empty list kept: the test does not exercise the filling")
	}
	if err := y.Check(an, "test 1"); err != nil {
		t.Errorf("same settings refused: %v", err)
	}
	for _, cut := range []int{len(AnalysisBinaryMagic) + 3, bin.Len() / 2, bin.Len() - 1} {
		if _, err := ReadAnalysis(bytes.NewReader(bin.Bytes()[:cut]), "a.bin"); err == nil || !strings.Contains(err.Error(), "a.bin: damaged saved analysis") {
			t.Errorf("cut at %d: %v", cut, err)
		}
	}
	x.Schema = 7
	var other bytes.Buffer
	if err := NewAnalysisWriter(&other, x).Close(x.Stats, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAnalysis(&other, "b.bin"); err == nil || !strings.Contains(err.Error(), "b.bin: analysis schema 7") {
		t.Errorf("schema: %v", err)
	}
}

// TestOpenAnalysisStreams: OpenAnalysis hands out a binary analysis result
// by result, in file order, sets Stats and Skipped only once the results
// are read, reads the file once, and yields the error of a cut-short file
// after the results before the cut. A JSON analysis reads the same.
func TestOpenAnalysisStreams(t *testing.T) {
	an := analyzer(t)
	x := seedAnalysis(t, an)
	bin, ends := writeBinary(t, x)
	js, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"a.bin": bin.Bytes(), "a.json": js} {
		ar, err := OpenAnalysis(bytes.NewReader(data), name)
		if err != nil {
			t.Fatal(err)
		}
		if err := ar.Check(an, "test 1"); err != nil {
			t.Errorf("%s: same settings refused: %v", name, err)
		}
		if name == "a.bin" && (ar.Stats.Read != 0 || ar.Skipped != nil) {
			t.Errorf("%s: stats known before the results were read: %+v", name, ar.Stats)
		}
		var ids []string
		for r, err := range ar.Results() {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ids = append(ids, r.ID)
		}
		if len(ids) != len(x.Articles) || ids[0] != x.Articles[0].ID || ids[4] != x.Articles[4].ID {
			t.Errorf("%s: results %v", name, ids)
		}
		if ar.Stats != x.Stats || len(ar.Skipped) != 1 || ar.Skipped[0] != x.Skipped[0] {
			t.Errorf("%s: stats %+v, skipped %+v after the results", name, ar.Stats, ar.Skipped)
		}
		for range ar.Results() {
			t.Errorf("%s: a second Results read the file again", name)
		}
	}
	// Cut inside the fourth article: three results, then the error.
	ar, err := OpenAnalysis(bytes.NewReader(bin.Bytes()[:ends[2]+10]), "cut.bin")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range ar.Results() {
		if err != nil {
			if !strings.Contains(err.Error(), "cut.bin: damaged saved analysis (binary format): article 4") {
				t.Errorf("error %v", err)
			}
			break
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d results before the cut, want 3", n)
	}
}

// writeBinary saves x in the binary format, returning the file and its
// length after each article.
func writeBinary(t *testing.T, x *Analysis) (bin *bytes.Buffer, ends []int) {
	t.Helper()
	bin = &bytes.Buffer{}
	aw := NewAnalysisWriter(bin, x)
	for _, r := range x.Articles {
		if err := aw.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := aw.w.Flush(); err != nil {
			t.Fatal(err)
		}
		ends = append(ends, bin.Len())
	}
	if err := aw.Close(x.Stats, x.Skipped); err != nil {
		t.Fatal(err)
	}
	return bin, ends
}

// seedAnalysis is the seeds' analysis as saved by "test 1", with one
// skipped document.
func seedAnalysis(t *testing.T, an *Analyzer) *Analysis {
	t.Helper()
	x := NewAnalysis(an, "test 1")
	x.Articles = seedList(t)
	x.Stats = AnalysisStats{Read: 6, Analysed: 5, Skipped: 1}
	x.Skipped = []SkippedRecord{{ID: "empty", Location: "corpus.jsonl:6", Reason: "no text"}}
	return x
}
