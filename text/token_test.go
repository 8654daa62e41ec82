package text

import (
	"strings"
	"testing"
)

func toks(src string) []string {
	var out []string
	for _, t := range Tokenize(src, 0, len(src), nil) {
		out = append(out, src[t.Start:t.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ukraine—and Europe", "Ukraine|—|and|Europe"},
		{"Ukraine — and", "Ukraine|—|and"},
		{"U.S.–Ukraine critical minerals", "U.S.|–|Ukraine|critical|minerals"},
		{"Russia’s war and the allies’ plan", "Russia|’s|war|and|the|allies|’|plan"},
		{"Russia's war", "Russia|'s|war"},
		{"the U.S. would help", "the|U.S.|would|help"},
		{"Orbán’s Kremlin-friendly rhetoric", "Orbán|’s|Kremlin-friendly|rhetoric"},
		{"at ~64,000 personnel, later 25,000.", "at|~|64,000|personnel|,|later|25,000|."},
		{"“security guarantees”", "“|security|guarantees|”"},
		{"‘mini-NATO’ guarantee", "‘|mini-NATO|’|guarantee"},
		{"they don’t and can't", "they|do|n’t|and|ca|n't"},
		{"Mr. Smith met Dr. Jones", "Mr.|Smith|met|Dr.|Jones"},
		{"air/sea layers (e.g., hubs)", "air|/|sea|layers|(|e.g.|,|hubs|)"},
		{"3.5 percent in 2022-23", "3.5|percent|in|2022-23"},
		{"Washington/Brussels – August 20, 2025", "Washington|/|Brussels|–|August|20|,|2025"},
		{"no\u00a0break space", "no|break|space"},
		// Invisible characters inside a word stay in its span (issue 17
		// item 7); at a word's edge they separate like spaces.
		{"a ra\u00addical plan", "a|ra\u00addical|plan"},
		{"rad\u200bi\u200ccal\u200d \u2060x\ufeff", "rad\u200bi\u200ccal|x"},
		{"\u00ad\u200b", ""},
		{"cutoff.s and", "cutoff|.|s|and"},
	}
	for _, tc := range tests {
		if got := strings.Join(toks(tc.in), "|"); got != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestTokenNormAndParts(t *testing.T) {
	src := "The Kremlin’s KREMLIN-Friendly “line”"
	ts := Tokenize(src, 0, len(src), nil)
	var norms []string
	for _, tk := range ts {
		norms = append(norms, tk.Norm)
	}
	if got := strings.Join(norms, "|"); got != `the|kremlin|'s|kremlin-friendly|"|line|"` {
		t.Fatalf("norms %s", got)
	}
	compound := ts[3]
	if !compound.IsHyphenated() {
		t.Fatal("compound not hyphenated")
	}
	var parts []string
	for _, p := range compound.Parts(src) {
		parts = append(parts, src[p.Start:p.End])
	}
	if strings.Join(parts, "|") != "KREMLIN|Friendly" {
		t.Fatalf("parts %v", parts)
	}
	if ts[0].Kind != Word || ts[4].Kind != Punct || Tokenize("25,000", 0, 6, nil)[0].Kind != Number || Tokenize("~", 0, 1, nil)[0].Kind != Symbol {
		t.Fatal("kinds")
	}
	if Fold("Kremlin’s") != "kremlin's" {
		t.Fatal("fold")
	}
	// Invisible characters are dropped from Norm, not from the span.
	inv := "Ra\u00adDi\u200bcal\u2060s"
	it := Tokenize(inv, 0, len(inv), nil)
	if len(it) != 1 || it[0].Norm != "radicals" || inv[it[0].Start:it[0].End] != inv {
		t.Fatalf("invisible: %+v", it)
	}
	if Fold("ra\u00addi\u200dcal\ufeff") != "radical" {
		t.Fatal("fold invisible")
	}
}

func TestStemmer(t *testing.T) {
	var s Stemmer
	for in, want := range map[string]string{"militarize": "militar", "militarized": "militar", "guarantees": "guarante", "having": "have"} {
		if got := s.Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
		if got := s.Stem(in); got != want {
			t.Errorf("cached Stem(%q) = %q", in, got)
		}
	}
}
