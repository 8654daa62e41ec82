package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/slantlab/slant/coverage"
)

// TestCoverageSection: with a coverage report the HTML page gets the
// coverage section — the outlets' table, the units × outlets matrix and
// the voices chart as sanitized SVG, each outlet's omissions with the text
// another outlet carried — and without one it has none.
func TestCoverageSection(t *testing.T) {
	base := mustSeedData(t)
	var plain bytes.Buffer
	if err := HTML(&plain, base); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), `id="coverage"`) {
		t.Error("coverage section without coverage data")
	}
	docs := make([]coverage.Doc, len(base.Results))
	for i, r := range base.Results {
		docs[i] = coverage.Doc{Result: r}
	}
	rep, err := coverage.Analyze(docs, coverage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := *base
	d.Coverage = rep
	var b bytes.Buffer
	if err := HTML(&b, &d); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	sec := page[strings.Index(page, `<section id="coverage">`):]
	sec = sec[:strings.Index(sec, "</section>")]
	for _, want := range []string{"Same-event coverage", `id="chart-coverage-cluster-1"`, `id="chart-voices-cluster-1"`, "<svg", "The Eastern Herald: ", "carried by"} {
		if !strings.Contains(sec, want) {
			t.Errorf("coverage section lacks %q", want)
		}
	}
	if n := strings.Count(sec, "<svg"); n != 2 {
		t.Errorf("%d charts in the coverage section, want 2", n)
	}
	// The omission the seeds test asserts is shown with the carried text.
	if !strings.Contains(sec, "take effect") {
		t.Error("the Eastern Herald's omission of the ceasefire condition is not shown")
	}
	var mdb bytes.Buffer
	if err := Markdown(&mdb, &d); err != nil {
		t.Fatal(err)
	}
	if m := mdb.String(); !strings.Contains(m, "## Same-event coverage") || !strings.Contains(m, "The Eastern Herald omits") {
		t.Error("Markdown lacks the coverage section")
	}
	var again bytes.Buffer
	if err := HTML(&again, &d); err != nil {
		t.Fatal(err)
	}
	if again.String() != page {
		t.Error("HTML with coverage differs between runs")
	}
}
