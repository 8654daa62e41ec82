package framing

import (
	"bytes"
	"encoding/json"
	"testing"
)

// savedAllSides analyses the first n articles of the AllSides sample
// without POS and returns them saved as an analysis (skipped when absent).
func savedAllSides(b *testing.B, n int) []byte {
	an, err := NewAnalyzer(WithoutPOS())
	if err != nil {
		b.Fatal(err)
	}
	x := NewAnalysis(an, "bench")
	x.Articles = allSidesResults(b, an, n)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadAnalysis decodes a saved analysis of 300 AllSides articles.
func BenchmarkReadAnalysis(b *testing.B) {
	saved := savedAllSides(b, 300)
	b.SetBytes(int64(len(saved)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadAnalysis(bytes.NewReader(saved), "bench.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfilesFromSaved decodes a saved analysis of 300 AllSides
// articles and builds their profiles by outlet: what compare does with
// --analysis before comparing.
func BenchmarkProfilesFromSaved(b *testing.B) {
	saved := savedAllSides(b, 300)
	b.SetBytes(int64(len(saved)))
	b.ReportAllocs()
	for b.Loop() {
		x, err := ReadAnalysis(bytes.NewReader(saved), "bench.json")
		if err != nil {
			b.Fatal(err)
		}
		ps := NewProfiles("outlet", x.Lexicons)
		for _, r := range x.Articles {
			if err := ps.Add(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadAnalysisBinary decodes the same analysis saved in the
// binary format.
func BenchmarkReadAnalysisBinary(b *testing.B) {
	x, err := ReadAnalysis(bytes.NewReader(savedAllSides(b, 300)), "bench.json")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	aw := NewAnalysisWriter(&buf, x)
	for _, r := range x.Articles {
		if err := aw.Write(r); err != nil {
			b.Fatal(err)
		}
	}
	if err := aw.Close(x.Stats, x.Skipped); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadAnalysis(bytes.NewReader(buf.Bytes()), "bench.bin"); err != nil {
			b.Fatal(err)
		}
	}
}
