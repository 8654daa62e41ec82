package framing_test

import (
	"bytes"
	"fmt"

	"github.com/slantlab/slant/framing"
)

func ExampleAnalyzer_AnalyzeText() {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	r, err := an.AnalyzeText(`The regime's so-called reforms are a sham. “It is not a sham,” the minister said.`)
	if err != nil {
		panic(err)
	}
	for _, e := range r.Evidence {
		if e.Construct == "loaded_language" || e.Construct == "doubt_marker" {
			fmt.Printf("%-9q %-26s voice=%-8s negated=%v weight=%.2f\n", e.Text, e.Category, e.Voice, e.Negated, e.Weight)
		}
	}
	fmt.Printf("loaded in the reporter's voice: %v, in quotes: %v\n", r.Measures["loaded_count"], r.Measures["loaded_quoted_count"])
	// Output:
	// "regime"  loaded.pejorative          voice=reporter negated=false weight=0.60
	// "so-called" attribution.doubt_marker   voice=reporter negated=false weight=0.90
	// "sham"    attribution.doubt_marker   voice=reporter negated=false weight=0.90
	// "sham"    loaded.pejorative          voice=reporter negated=false weight=0.90
	// "sham"    attribution.doubt_marker   voice=quote    negated=false weight=0.90
	// "sham"    loaded.pejorative          voice=quote    negated=true weight=0.00
	// loaded in the reporter's voice: 2, in quotes: 0
}

func ExampleCompare() {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	for _, a := range []struct{ outlet, text string }{
		{"Herald", "The regime's shameful lies continue. Its puppet parliament obeys. Critics are silenced."},
		{"Wire", "The government said the vote would be held on Monday. Officials confirmed the date."},
	} {
		r, err := an.AnalyzeText(a.text)
		if err != nil {
			panic(err)
		}
		r.Outlet = a.outlet
		if err := ps.Add(r); err != nil {
			panic(err)
		}
	}
	herald, _ := ps.Get("Herald")
	wire, _ := ps.Get("Wire")
	c, err := framing.Compare(herald, wire, framing.CompareOptions{Bootstrap: 200})
	if err != nil {
		panic(err)
	}
	fmt.Println("design:", c.Design.Name)
	for _, m := range c.Measures {
		if m.Family == framing.FamilyPrimary {
			fmt.Printf("%s (%s): %.2f vs %.2f, %s %.2f\n", m.Name, m.Test, m.Target, m.Reference, m.Effect, m.EffectSize)
		}
	}
	// Output:
	// design: sentences
	// loaded_rate (poisson_exact): 307.69 vs 0.00, cohens_h 1.18
	// editorial_marker_rate (poisson_exact): 0.00 vs 0.00, cohens_h 0.00
	// unattributed_evaluative (fisher_exact): 1.00 vs 0.00, cohens_h 3.14
	// attributed (fisher_exact): 0.00 vs 1.00, cohens_h -3.14
	// score (mann_whitney): 0.63 vs 0.10, cliffs_delta 1.00
}

// ExampleOpenAnalysis saves two results in the binary format and reads
// them back one at a time, as compare --analysis does: the header is
// checked against the analyzer first, and the saved counts of what was
// read and skipped come after the last result.
func ExampleOpenAnalysis() {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	var file bytes.Buffer
	w := framing.NewAnalysisWriter(&file, framing.NewAnalysis(an, "example"))
	for i, text := range []string{"The regime's puppet parliament obeys.", "Officials confirmed the date on Monday."} {
		r, err := an.AnalyzeText(text)
		if err != nil {
			panic(err)
		}
		r.ID = fmt.Sprint("article-", i+1)
		if err := w.Write(r); err != nil {
			panic(err)
		}
	}
	if err := w.Close(framing.AnalysisStats{Read: 3, Analysed: 2, Skipped: 1}, []framing.SkippedRecord{{ID: "3", Location: "corpus.jsonl:3", Reason: "no text"}}); err != nil {
		panic(err)
	}

	x, err := framing.OpenAnalysis(&file, "saved.analysis")
	if err != nil {
		panic(err)
	}
	if err := x.Check(an, "example"); err != nil {
		panic(err) // other lexicons, weights, tagging or version
	}
	for r, err := range x.Results() {
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: loaded_rate %.1f\n", r.ID, r.Measures[framing.MeasureLoadedRate])
	}
	fmt.Printf("read %d, analysed %d, skipped %s (%s)\n", x.Stats.Read, x.Stats.Analysed, x.Skipped[0].Location, x.Skipped[0].Reason)
	// Output:
	// article-1: loaded_rate 266.7
	// article-2: loaded_rate 0.0
	// read 3, analysed 2, skipped corpus.jsonl:3 (no text)
}
