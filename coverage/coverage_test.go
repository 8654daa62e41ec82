package coverage

import (
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
)

// analyzeTexts analyses hand-made articles, one per outlet.
func analyzeTexts(t *testing.T, outletText ...string) []Doc {
	t.Helper()
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	for i := 0; i+1 < len(outletText); i += 2 {
		r, err := an.AnalyzeText(outletText[i+1])
		if err != nil {
			t.Fatal(err)
		}
		r.ID, r.Outlet = outletText[i], outletText[i]
		docs = append(docs, Doc{Result: r, Event: "e"})
	}
	return docs
}

// TestClaimAlignmentParaphrases checks DefaultClaimThreshold on hand-made
// cases: one fact told by three outlets in different words is one claim
// unit; a sentence on another fact of the same event stays apart.
func TestClaimAlignmentParaphrases(t *testing.T) {
	docs := analyzeTexts(t,
		"A", "The ministers agreed on Tuesday to send 26,000 troops to the border mission in Kosovo. The weather in the old capital stayed cold and wet all week.",
		"B", "Ministers on Tuesday approved a border mission in Kosovo of 26,000 troops. Protesters gathered outside the parliament building.",
		"C", "A Kosovo border mission with 26,000 troops won the ministers' approval. The opposition leader called the budget a disgrace.",
	)
	rep, err := Analyze(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ev := rep.Events[0]
	var mission, other []Unit
	for _, u := range ev.Units {
		if u.Kind != Claim {
			continue
		}
		if strings.Contains(u.Text, "Kosovo") {
			mission = append(mission, u)
		} else {
			other = append(other, u)
		}
	}
	if len(mission) != 1 || len(mission[0].Outlets) != 3 {
		t.Fatalf("the Kosovo mission should be one claim carried by A, B and C; got %+v", mission)
	}
	if len(other) != 3 {
		t.Fatalf("the three unrelated sentences should stay three claims; got %d", len(other))
	}
	for _, u := range other {
		if len(u.Outlets) != 1 {
			t.Errorf("unrelated sentence %q joined %v", u.Text, u.Outlets)
		}
	}
	// The figure is one number unit, keyed by value and unit.
	n := findUnit(ev, Number, "26000|troop")
	if n == nil || len(n.Outlets) != 3 {
		t.Fatalf("26,000 troops: %+v", n)
	}
	// Each outlet's unique sentence is its unique claim; none is omitted by
	// the others since only one other outlet carries it.
	for _, o := range ev.Outlets {
		for _, om := range o.Omitted {
			if om.Kind == Claim {
				t.Errorf("%s: unexpected omission %+v", o.Outlet, om)
			}
		}
	}
}

func TestOmissionAndShares(t *testing.T) {
	docs := analyzeTexts(t,
		"A", "The central bank raised interest rates by 0.5 percent on Wednesday to fight inflation.",
		"B", "On Wednesday the central bank raised its interest rates by 0.5 percent, citing inflation.",
		"C", "The central bank lifted interest rates by 0.5 percent on Wednesday as inflation rose.",
		"D", "Shares in London fell sharply as traders sold banks and miners.",
	)
	rep, err := Analyze(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ev := rep.Events[0]
	d, _ := ev.Outlet("D")
	var omittedRate, omittedClaim bool
	for _, om := range d.Omitted {
		if om.Kind == Number && strings.Contains(om.Text, "0.5 percent") {
			omittedRate = true
			if len(om.Outlets) != 3 || om.CarriedBy != "A" || !strings.Contains(om.Carried, "raised interest rates") {
				t.Errorf("omission should list A, B, C and A's sentence: %+v", om)
			}
		}
		if om.Kind == Claim {
			omittedClaim = true
		}
	}
	if !omittedRate || !omittedClaim {
		t.Errorf("D should omit the rate figure and the claim: %+v", d.Omitted)
	}
	a, _ := ev.Outlet("A")
	if len(a.Omitted) != 0 {
		t.Errorf("A omits nothing most others carry: %+v", a.Omitted)
	}
	// coverage_share is included over the event's units.
	for _, o := range ev.Outlets {
		if want := float64(o.Included) / float64(len(ev.Units)); o.CoverageShare != want {
			t.Errorf("%s: share %v want %v", o.Outlet, o.CoverageShare, want)
		}
	}
	if len(d.IncludedUnits) != d.Included || len(d.UniqueUnits) != d.Unique {
		t.Errorf("unit lists and counts disagree: %+v", d)
	}
	if d.Unique != d.Included {
		t.Errorf("everything D carries is unique to it: %d of %d", d.Unique, d.Included)
	}
}

func TestNumbersAndDates(t *testing.T) {
	src := "About 64,000 personnel and $1.2 billion were pledged by 26 European countries on August 20, 2025, up 3.5% since 2022; G7 leaders met on Thursday."
	dates := findDates(src, 0, len(src))
	var dk []string
	for _, d := range dates {
		dk = append(dk, d.Key+"="+d.Text)
	}
	if got := strings.Join(dk, " "); got != "2025-08-20=August 20, 2025 2022=2022 thursday=Thursday" {
		t.Errorf("dates: %s", got)
	}
	var nk []string
	for _, n := range findNumbers(src, 0, len(src), dates) {
		nk = append(nk, n.Key+"="+n.Label)
		if src[n.Start:n.End] != n.Text {
			t.Errorf("span %d:%d is %q, text %q", n.Start, n.End, src[n.Start:n.End], n.Text)
		}
	}
	want := "64000|troop=About 64,000 personnel 1.2e+09|usd=$1.2 billion 26|countri=26 European countries 3.5|percent=3.5%"
	if got := strings.Join(nk, " "); got != want {
		t.Errorf("numbers:\n got %s\nwant %s", got, want)
	}
}

func TestVoiceKeys(t *testing.T) {
	for _, c := range []struct{ name, kind, wantKind, wantKey string }{
		{"French President Emmanuel Macron", Named, Named, "macron"},
		{"Macron", Named, Named, "macron"},
		{"Ukrainian President Volodymyr Zelenskyy", Named, Named, "zelensky"},
		{"According to diplomats", Anonymous, Anonymous, "anonymous:diplomat"},
		{"Poland’s Prime Minister Donald Tusk", Named, Named, "tusk"},
		{"one senior European diplomat", Anonymous, Anonymous, "anonymous:diplomat"},
		{"European diplomats", Named, Anonymous, "anonymous:diplomat"},
		{"Critics say", Vague, Vague, "vague:critic"},
		{"Analysts", Named, Anonymous, "anonymous:analyst"},
	} {
		k, key := classifyVoice(trimName(c.name), c.kind)
		if k != c.wantKind || key != c.wantKey {
			t.Errorf("%q: got %s %s, want %s %s", c.name, k, key, c.wantKind, c.wantKey)
		}
	}
	if got := trimName("Italy has ruled out sending ground"); got != "Italy" {
		t.Errorf("trimName: %q", got)
	}
}

func TestDiversityEntropy(t *testing.T) {
	// Two voices, 3 and 1 mentions: H = −(0.75 log2 0.75 + 0.25 log2 0.25)
	// = 0.811278 bits (by hand).
	ms := []voiceMention{{key: "a", kind: Named, quote: true}, {key: "a", kind: Named}, {key: "a", kind: Named}, {key: "b", kind: Anonymous}}
	vs, d := voicesOf(ms)
	if len(vs) != 2 || vs[0].Key != "a" || vs[0].Quotes != 1 || vs[0].Reported != 2 || vs[0].Share != 0.75 {
		t.Fatalf("voices: %+v", vs)
	}
	if d.Named != 1 || d.Anonymous != 1 || d.NamedShare != 0.75 || d.Entropy < 0.81127 || d.Entropy > 0.81128 {
		t.Errorf("diversity: %+v", d)
	}
}

// TestDeterministic checks byte-identical JSON whatever GOMAXPROCS.
func TestDeterministic(t *testing.T) {
	docs := seedDocs(t)
	var out []string
	for _, p := range []int{1, 2} {
		old := runtime.GOMAXPROCS(p)
		rep, err := Analyze(docs, Options{})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	if out[0] != out[1] {
		t.Error("JSON differs between runs")
	}
	_ = context.Background
}

func findUnit(ev Event, k Kind, key string) *Unit {
	for i := range ev.Units {
		if ev.Units[i].Kind == k && ev.Units[i].Key == key {
			return &ev.Units[i]
		}
	}
	return nil
}
