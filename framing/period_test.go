package framing

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/slantlab/slant/corpus"
)

// TestPeriodLabels: labels of hand-picked dates, ISO weeks across the year
// boundary included (2024-12-30 is a Monday in ISO week 1 of 2025;
// 2021-01-03 is a Sunday in week 53 of 2020).
func TestPeriodLabels(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		date string
		p    Period
		want string
	}{
		{"2025-08-20", Day, "2025-08-20"},
		{"2025-08-20", Week, "2025-W34"},
		{"2024-12-30", Week, "2025-W01"},
		{"2021-01-03", Week, "2020-W53"},
		{"2025-08-20", Month, "2025-08"},
		{"2025-01-01", Quarter, "2025-Q1"},
		{"2025-03-31", Quarter, "2025-Q1"},
		{"2025-04-01", Quarter, "2025-Q2"},
		{"2025-12-31", Quarter, "2025-Q4"},
		{"2025-12-31", Year, "2025"},
	} {
		if got := c.p.Label(day(c.date)); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.p, c.date, got, c.want)
		}
	}
	// A date keeps its own zone's day.
	late, _ := time.Parse(time.RFC3339, "2025-08-31T23:30:00-05:00")
	if got := Month.Label(late); got != "2025-08" {
		t.Errorf("zoned date: %s", got)
	}
	if _, err := ParsePeriod("fortnight"); err == nil {
		t.Error("unknown period accepted")
	}
	if f, p := SplitPeriod("label@quarter"); f != "label" || p != Quarter {
		t.Errorf("SplitPeriod: %s %s", f, p)
	}
	if f, p := SplitPeriod("e@mail"); f != "e@mail" || p != "" {
		t.Errorf("a field with @ that is no period: %s %s", f, p)
	}
}

// TestProfilesByPeriod: hand-made dated articles of two outlets, grouped
// by month and by quarter, with the known answer; undated articles join no
// profile and are counted by source.
func TestProfilesByPeriod(t *testing.T) {
	an := analyzer(t)
	arts := []struct{ outlet, date string }{
		{"AP", "2025-01-15"}, {"AP", "2025-01-20"}, {"AP", "2025-02-03"}, {"AP", ""},
		{"Fox", "2025-01-31"}, {"Fox", "2025-03-01"}, {"Fox", ""}, {"Fox", ""},
	}
	var rs []*Result
	for i, a := range arts {
		art := &corpus.Article{ID: string(rune('a' + i)), Outlet: a.outlet, Text: "Headline\n\nThe regime met officials, who said talks went well."}
		if a.date != "" {
			art.Published, _ = time.Parse("2006-01-02", a.date)
		}
		r, err := an.Analyze(context.Background(), art)
		if err != nil {
			t.Fatal(err)
		}
		if r.Published != art.Published {
			t.Fatalf("Published not carried to the result")
		}
		rs = append(rs, r)
	}
	for _, c := range []struct {
		p    Period
		want map[string]int64
	}{
		{Month, map[string]int64{"AP 2025-01": 2, "AP 2025-02": 1, "Fox 2025-01": 1, "Fox 2025-03": 1}},
		{Quarter, map[string]int64{"AP 2025-Q1": 3, "Fox 2025-Q1": 2}},
		{Week, map[string]int64{"AP 2025-W03": 1, "AP 2025-W04": 1, "AP 2025-W06": 1, "Fox 2025-W05": 1, "Fox 2025-W09": 1}},
	} {
		ps := NewProfiles(WithPeriod("outlet", c.p), rs[0].Lexicons)
		for _, r := range rs {
			must(t, ps.Add(r))
		}
		if len(ps.Keys()) != len(c.want) {
			t.Errorf("%s: keys %v, want %v", c.p, ps.Keys(), c.want)
		}
		for k, n := range c.want {
			p, ok := ps.Get(k)
			if !ok || p.Documents != n {
				t.Errorf("%s: %s has %v documents, want %d", c.p, k, p, n)
			}
			if src, label, ok := SplitKey(ps.GroupBy, k); !ok || src+" "+label != k {
				t.Errorf("SplitKey(%q) = %q %q %v", k, src, label, ok)
			}
		}
		if ps.Undated["AP"] != 1 || ps.Undated["Fox"] != 2 || len(ps.Undated) != 2 {
			t.Errorf("%s: undated %v, want AP 1, Fox 2", c.p, ps.Undated)
		}
		// The profiles file carries the undated counts; one without
		// them stays a plain array.
		var buf bytes.Buffer
		must(t, WriteProfiles(&buf, ps))
		back, err := ReadProfiles(&buf, "p.json")
		if err != nil {
			t.Fatal(err)
		}
		if back.Undated["AP"] != 1 || back.Undated["Fox"] != 2 || len(back.Undated) != 2 || len(back.Keys()) != len(c.want) {
			t.Errorf("%s: read back undated %v, keys %v", c.p, back.Undated, back.Keys())
		}
	}
	// Two periods of one source compare as target and reference.
	ps := NewProfiles(WithPeriod("outlet", Month), rs[0].Lexicons)
	for _, r := range rs {
		must(t, ps.Add(r))
	}
	c, err := CompareTo(ps, "AP 2025-01", "AP 2025-02", CompareOptions{Bootstrap: 100})
	if err != nil || c.Target != "AP 2025-01" || c.Reference != "AP 2025-02" {
		t.Errorf("before/after: %v %+v", err, c)
	}
	// A grouping by period does not merge with one by outlet alone.
	plain := NewProfiles("outlet", rs[0].Lexicons)
	if err := plain.Merge(ps); err == nil {
		t.Error("a grouping by month merged into one by outlet")
	}
	if g := rs[3].Group(WithPeriod("outlet", Month)); g != "AP (undated)" {
		t.Errorf("undated group %q", g)
	}
}
