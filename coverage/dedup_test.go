package coverage

import (
	"math/big"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

func TestMulmod61(t *testing.T) {
	p := new(big.Int).SetUint64(mersenne61)
	for _, c := range [][3]uint64{{mersenne61 - 1, ^uint64(0), mersenne61 - 1}, {123456789, 987654321987654321, 5}, {1, 0, 0}, {1 << 60, 1 << 63, 1 << 60}} {
		want := new(big.Int).SetUint64(c[0])
		want.Mul(want, new(big.Int).SetUint64(c[1]%mersenne61))
		want.Add(want, new(big.Int).SetUint64(c[2]))
		want.Mod(want, p)
		if got := mulmod61(c[0], c[1], c[2]); got != want.Uint64() {
			t.Errorf("%v: got %d want %d", c, got, want.Uint64())
		}
	}
}

// TestSyndicatedCopies: hand-made republications of the AP seed — a new
// headline and a credit line, a trimmed last paragraph, a few words edited
// — are found as copies of AP, with the wire credit; the five seeds, which
// report one event independently, are not copies of one another.
func TestSyndicatedCopies(t *testing.T) {
	docs := seedDocs(t)
	var results []*framing.Result
	var ap *framing.Result
	for _, d := range docs {
		results = append(results, d.Result)
		if d.Result.Outlet == seeds.AP {
			ap = d.Result
		}
	}
	if dups := Duplicates(results, 0); len(dups) != 0 {
		t.Fatalf("independent seeds reported as copies: %+v", dups)
	}
	var most float64
	for i := range results {
		for j := i + 1; j < len(results); j++ {
			most = max(most, SignResult(results[i]).Jaccard(SignResult(results[j])))
		}
	}
	if most >= 0.05 {
		t.Errorf("seeds share %.3f of their shingles; DefaultDupThreshold's comment says under 0.05", most)
	}
	body := ap.Text
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	copies := map[string]string{
		"credited": "Allies map out Ukraine guarantees\n\n" + strings.Replace(body, "PARIS —", "PARIS (AP) —", 1) + "\n\nThe Associated Press contributed to this report.",
		"trimmed":  body[:strings.LastIndex(body, "The participation of 35")],
		"edited": strings.NewReplacer("significant diplomatic development", "major diplomatic step", "comprehensive", "broad",
			"Moscow officials remained silent", "the Kremlin said nothing", "paramount concern", "main worry").Replace(body),
	}
	for _, name := range []string{"credited", "edited", "trimmed"} {
		r, err := an.AnalyzeText(copies[name])
		if err != nil {
			t.Fatal(err)
		}
		r.ID, r.Outlet = name, "Republisher"
		dups := Duplicates(append(append([]*framing.Result{}, results...), r), 0)
		if len(dups) != 1 || dups[0].Article != name || dups[0].Of != ap.ID || dups[0].Similarity < 0.6 {
			t.Errorf("%s: %+v", name, dups)
			continue
		}
		if name == "credited" && dups[0].Wire != "AP" {
			t.Errorf("credited copy: wire %q", dups[0].Wire)
		}
		t.Logf("%s: similarity %.2f", name, dups[0].Similarity)
	}
}

func TestWireCredit(t *testing.T) {
	for s, want := range map[string]string{
		"KYIV, Ukraine (AP) — Russian drones ...":                   "AP",
		"LONDON, Aug 20 (Reuters) - Britain said ...":               "Reuters",
		"Reporting by Jane Doe; editing by John Roe for Reuters.":   "Reuters",
		"The Associated Press contributed to this report.":          "AP",
		"Macron told reporters in Paris.":                           "",
		"According to Reuters, the commitments reflect a push ...":  "",
		"Copyright 2025 Agence France-Presse. All rights reserved.": "AFP",
	} {
		if got := WireCredit(s); got != want {
			t.Errorf("%q: got %q want %q", s, got, want)
		}
	}
}
