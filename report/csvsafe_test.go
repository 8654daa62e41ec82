package report

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
)

func TestCSVCell(t *testing.T) {
	// OWASP "CSV Injection": cells starting with = + - @ tab CR are
	// prefixed with '; plain numbers are not.
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil","x")`: `'=HYPERLINK("http://evil","x")`,
		"+1+cmd|' /C calc'!A0":          "'+1+cmd|' /C calc'!A0",
		"-2+3":                          "'-2+3",
		"@SUM(A1)":                      "'@SUM(A1)",
		"\t=1":                          "'\t=1",
		"\r=1":                          "'\r=1",
		"-0.25":                         "-0.25",
		"+3":                            "+3",
		"-Inf":                          "-Inf",
		"1e-05":                         "1e-05",
		"plain = text":                  "plain = text",
		"":                              "",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVNeutralisesFormulasAndCarriesMetadata pins issue 17 items 10 and
// 14 on a hand-made hostile corpus: every per-article file neutralises
// formula cells by default and keeps them raw on request, carries the
// articles' metadata (date, event, label) and repeats no column.
func TestCSVNeutralisesFormulasAndCarriesMetadata(t *testing.T) {
	day := time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)
	arts := []*corpus.Article{
		{ID: "=cmd", Outlet: "@Gazette", Title: `=HYPERLINK("http://evil","click")`, Published: day,
			Text: "Headline\n\nThe regime's puppet parliament voted, officials said.", Meta: map[string]string{"event": "e1", "label": "-left", "words": "x"}},
		{ID: "b", Outlet: "Courier", Title: "Calm", Text: "Headline\n\nMinisters met in Paris on Thursday, officials said.", Meta: map[string]string{"event": "e1", "label": "right"}},
	}
	seq := func(yield func(*corpus.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	d, err := dataFor(an, seq, "Courier")
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []bool{false, true} {
		dir := t.TempDir()
		var opts []CSVOption
		if raw {
			opts = append(opts, WithRawCells())
		}
		if _, err := CSV(dir, d, opts...); err != nil {
			t.Fatal(err)
		}
		q := "'"
		if raw {
			q = ""
		}
		for _, name := range []string{ArticlesCSV, SentencesCSV, EvidenceCSV} {
			rows := readCSV(t, filepath.Join(dir, name))
			col := map[string]int{}
			for i, h := range rows[0] {
				if _, dup := col[h]; dup {
					t.Errorf("%s: column %q twice", name, h)
				}
				col[h] = i
			}
			words := "words" // a metadata key; articles.csv has a words measure
			if name == ArticlesCSV {
				words = "meta.words"
			}
			for _, c := range []string{"published", "event", "label", words} {
				if _, ok := col[c]; !ok {
					t.Fatalf("%s: no column %q in %v", name, c, rows[0])
				}
			}
			r := rows[1]
			first := r[0]
			if name == ArticlesCSV {
				if r[col["title"]] != q+`=HYPERLINK("http://evil","click")` {
					t.Errorf("raw=%v %s title %q", raw, name, r[col["title"]])
				}
			}
			if first != q+"=cmd" || r[col["outlet"]] != q+"@Gazette" || r[col["label"]] != q+"-left" ||
				r[col["published"]] != "2025-08-20" || r[col["event"]] != "e1" || r[col[words]] != "x" {
				t.Errorf("raw=%v %s row %q", raw, name, r)
			}
		}
	}
	// Negative numbers stay numbers.
	dir := t.TempDir()
	if _, err := CSV(dir, d); err != nil {
		t.Fatal(err)
	}
	for _, r := range readCSV(t, filepath.Join(dir, ComparisonsCSV))[1:] {
		if strings.HasPrefix(r[6], "'") {
			t.Errorf("difference %q neutralised", r[6])
		}
	}
}
