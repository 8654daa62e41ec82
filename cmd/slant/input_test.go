package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDocumentsExitsTheSame pins issue 17 item 8: an empty directory, or
// one whose every file is skipped, makes analyze, profile, compare --all
// and report say "no documents" on stderr and exit with the same code.
func TestNoDocumentsExitsTheSame(t *testing.T) {
	empty := t.TempDir()
	allSkipped := t.TempDir()
	if err := os.WriteFile(filepath.Join(allSkipped, "blank.txt"), []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{empty, allSkipped} {
		for _, args := range [][]string{
			{"analyze", dir},
			{"analyze", "--format", "json", dir},
			{"profile", dir},
			{"compare", "--all", "--reference", "AP", dir},
			{"report", "--out", filepath.Join(t.TempDir(), "r"), dir},
		} {
			code, out, errs := runLex(t, args...)
			if code != exitAnalysis || !strings.Contains(errs, "slant: no documents to analyse") {
				t.Errorf("%v: exit %d, stderr %q, stdout %q", args, code, errs, out)
			}
		}
	}
}

// TestAnalyzeCSVMetadataAndFormulas pins issue 17 items 10 and 14 at the
// CLI: analyze --format csv carries every metadata field (the date mapped
// by --date-field, event, label), neutralises formula cells unless
// --csv-raw, and repeats no column; coverage's CSV obeys the same flag.
func TestAnalyzeCSVMetadataAndFormulas(t *testing.T) {
	in := writeTemp(t, "c.jsonl", `{"id":"=1+1","source":"@Gazette","day":"2025-08-20","event":"e1","label":"-left","body":"Headline\n\nThe regime's puppet parliament voted, officials said."}`+"\n"+
		`{"id":"b","source":"Courier","day":"August 21, 2025","event":"e1","words":"many","body":"Headline\n\nMinisters met in Paris on Thursday, officials said."}`+"\n")
	for _, raw := range []bool{false, true} {
		args := []string{"analyze", in, "--format", "csv", "--no-pos", "--text-field", "body", "--outlet-field", "source", "--date-field", "day"}
		q := "'"
		if raw {
			args, q = append(args, "--csv-raw"), ""
		}
		code, out, errs := runLex(t, args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("csv %v:\n%s", err, out)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			if _, dup := col[h]; dup {
				t.Errorf("column %q twice", h)
			}
			col[h] = i
		}
		want := map[string][2]string{
			"id": {q + "=1+1", "b"}, "outlet": {q + "@Gazette", "Courier"}, "published": {"2025-08-20", "2025-08-21"},
			"event": {"e1", "e1"}, "label": {q + "-left", ""}, "meta.words": {"", "many"},
		}
		for c, w := range want {
			i, ok := col[c]
			if !ok {
				t.Fatalf("no column %q in %v", c, rows[0])
			}
			if rows[1][i] != w[0] || rows[2][i] != w[1] {
				t.Errorf("raw=%v %s: %q %q, want %q", raw, c, rows[1][i], rows[2][i], w)
			}
		}
	}
}

// TestBoilerplateFlag: --boilerplate learns the lines an outlet repeats in
// a first pass and removes them with their reason (issue 17 item 13).
func TestBoilerplateFlag(t *testing.T) {
	dir := t.TempDir()
	for i, body := range []string{
		"The council voted on Tuesday to approve the new budget, which raises spending on schools.",
		"The mayor said the plan would be reviewed again next spring, after the state releases figures.",
		"Officials said on Monday that the bridge would reopen in June after repairs to its deck.",
	} {
		text := fmt.Sprintf("Headline %d\n\n%s\n\nStory continued below\n\n%s\n", i, body, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, on := range []bool{false, true} {
		args := []string{"analyze", dir, "--format", "json", "--no-pos"}
		if on {
			args = append(args, "--boilerplate")
		}
		code, out, errs := runLex(t, args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var doc struct {
			Articles []struct {
				Removed []struct{ Reason string } `json:"removed"`
			} `json:"articles"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Articles) != 3 {
			t.Fatalf("json %v: %s", err, out)
		}
		for _, a := range doc.Articles {
			got := len(a.Removed) == 1 && strings.HasPrefix(a.Removed[0].Reason, "boilerplate: line seen in 3 documents")
			if got != on {
				t.Errorf("--boilerplate=%v: removed %+v", on, a.Removed)
			}
		}
	}
}
