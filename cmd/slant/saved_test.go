package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSavedAnalysisRoundTrip: issue 18 — analyse once and save; compare,
// profile and report read the saved file and print byte for byte what they
// print when they analyse the articles themselves.
func TestSavedAnalysisRoundTrip(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "seeds.json")
	if code, _, errs := runCLI(t, "analyze", "--no-pos", "--format", "json", "--out", saved); code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	bin := filepath.Join(dir, "seeds.analysis")
	if code, _, errs := runCLI(t, "analyze", "--no-pos", "--format", "binary", "--out", bin); code != 0 {
		t.Fatalf("analyze --format binary: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "analyze", "--no-pos", "--format", "binary"); code == 0 || !strings.Contains(errs, "--out") {
		t.Errorf("--format binary without --out: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{
		{"analyze", "--no-pos", "--format", "json"},
		{"compare", "--no-pos", "--target", "The Eastern Herald", "--reference", "AP"},
		{"compare", "--no-pos", "--all", "--reference", "rest", "--format", "json"},
		{"profile", "--no-pos", "--format", "json"},
		{"analyze", "--no-pos", "--format", "md"},
	} {
		code, fresh, errs := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		code, reused, errs := runCLI(t, append(args, "--analysis", saved)...)
		if code != 0 {
			t.Fatalf("%v --analysis: exit %d: %s", args, code, errs)
		}
		if fresh != reused {
			t.Errorf("%v: output from the saved analysis differs from analysing again", args)
		}
		code, reused, errs = runCLI(t, append(args, "--analysis", bin)...)
		if code != 0 {
			t.Fatalf("%v --analysis (binary): exit %d: %s", args, code, errs)
		}
		if fresh != reused {
			t.Errorf("%v: output from the binary saved analysis differs from analysing again", args)
		}
	}
	// The report's files too (the command line it records aside).
	r1, r2 := filepath.Join(dir, "r1"), filepath.Join(dir, "r2")
	for _, args := range [][]string{{"report", "--no-pos", "--reference", "AP", "--out", r1, "--format", "md,csv"}, {"report", "--no-pos", "--reference", "AP", "--out", r2, "--format", "md,csv", "--analysis", saved}} {
		if code, _, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	for _, f := range []string{"report.md", "csv/articles.csv", "csv/sentences.csv", "csv/evidence.csv", "csv/comparisons.csv"} {
		a, _ := os.ReadFile(filepath.Join(r1, f))
		b, _ := os.ReadFile(filepath.Join(r2, f))
		dropCommand := func(s []byte) string {
			var keep []string
			for _, l := range strings.Split(string(s), "\n") {
				if !strings.HasPrefix(l, "- Command: ") {
					keep = append(keep, l)
				}
			}
			return strings.Join(keep, "\n")
		}
		if len(a) == 0 || dropCommand(a) != dropCommand(b) {
			t.Errorf("report %s differs when built from the saved analysis", f)
		}
	}
}

// TestSavedAnalysisRefusesMismatch: a saved analysis made with other
// settings is refused with a message naming what differs, unless
// --reanalyse asks to analyse its texts again.
func TestSavedAnalysisRefusesMismatch(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "seeds.json")
	if code, _, errs := runCLI(t, "analyze", "--no-pos", "--format", "json", "--out", saved); code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	excl := filepath.Join(dir, "excl.txt")
	if err := os.WriteFile(excl, []byte("regime\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--exclude", excl, "--no-pos"}, "lexicon fingerprint"},
		{nil, "part-of-speech tagging off (saved) vs on (now)"},
	}
	for _, c := range cases {
		args := append([]string{"compare", "--target", "The Eastern Herald", "--reference", "AP", "--analysis", saved}, c.args...)
		code, _, errs := runCLI(t, args...)
		if code == 0 || !strings.Contains(errs, saved) || !strings.Contains(errs, c.want) || !strings.Contains(errs, "--reanalyse") {
			t.Errorf("%v: exit %d: %s", c.args, code, errs)
		}
	}
	args := []string{"compare", "--target", "The Eastern Herald", "--reference", "AP", "--exclude", excl, "--no-pos"}
	code, fresh, errs := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, again, errs := runCLI(t, append(args, "--analysis", saved, "--reanalyse")...)
	if code != 0 || again != fresh || !strings.Contains(errs, "analysing its texts again") {
		t.Errorf("--reanalyse: exit %d, same output %v: %s", code, again == fresh, errs)
	}
	if code, _, errs := runCLI(t, "compare", "--target", "AP", "--reference", "rest", "--analysis", saved, "--no-pos", "seeds/"); code != 2 {
		t.Errorf("--analysis with a PATH: exit %d: %s", code, errs)
	}
}

// TestCompareSavedProfiles: issue 18 item 2 — compare --profiles reads the
// profiles slant profile --out wrote and prints what comparing the
// articles prints.
func TestCompareSavedProfiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "profiles.json")
	if code, _, errs := runCLI(t, "profile", "--no-pos", "--out", p); code != 0 {
		t.Fatalf("profile: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{
		{"compare", "--target", "The Eastern Herald", "--reference", "AP"},
		{"compare", "--all", "--reference", "rest", "--format", "json"},
	} {
		_, fresh, _ := runCLI(t, append(args, "--no-pos")...)
		code, saved, errs := runCLI(t, append(args, "--profiles", p)...)
		if code != 0 || saved != fresh || fresh == "" {
			t.Errorf("%v --profiles: exit %d, same %v: %s", args, code, saved == fresh, errs)
		}
	}
	if code, _, errs := runCLI(t, "compare", "--target", "AP", "--reference", "rest", "--profiles", p, "--pair-by", "event"); code != 2 || !strings.Contains(errs, "need the articles") {
		t.Errorf("--pair-by with --profiles: exit %d: %s", code, errs)
	}
}

// TestSavedProfilesRefusals: compare and report share one --profiles
// check; each refuses a corpus or a saved analysis beside the profiles and
// the designs that need the articles, naming its own verb.
func TestSavedProfilesRefusals(t *testing.T) {
	p := filepath.Join(t.TempDir(), "profiles.json")
	if code, _, errs := runCLI(t, "profile", "--no-pos", "--out", p); code != 0 {
		t.Fatalf("profile: exit %d: %s", code, errs)
	}
	out := filepath.Join(t.TempDir(), "rep")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--target", "AP", "--reference", "rest", "--profiles", p, "../../seeds"}, "compares saved profiles: give no corpus PATH"},
		{[]string{"compare", "--target", "AP", "--reference", "rest", "--profiles", p, "--analysis", p}, "compares saved profiles: give no corpus PATH"},
		{[]string{"report", "--out", out, "--profiles", p, "../../seeds"}, "reports on saved profiles: give no corpus PATH"},
		{[]string{"report", "--out", out, "--profiles", p, "--pair-by", "event"}, "need the articles"},
	} {
		if code, _, errs := runCLI(t, tc.args...); code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, exitUsage, tc.want)
		}
	}
}

// TestProfileByPeriod: --period month groups hand-made dated articles by
// outlet and month (known answer), leaves the undated ones out with a
// count by outlet, and compare takes two months of one outlet.
func TestProfileByPeriod(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dated.jsonl")
	var lines []string
	for i, a := range []struct{ outlet, date string }{
		{"AP", "2025-01-15"}, {"AP", "2025-01-20"}, {"AP", "2025-02-03"}, {"AP", ""},
		{"Fox", "2025-01-31"}, {"Fox", "March 1, 2025"}, {"Fox", ""},
	} {
		text := "Headline\n\nThe regime met officials, who said talks went well. Critics slammed the so-called plan."
		lines = append(lines, `{"id": "a`+string(rune('0'+i))+`", "outlet": "`+a.outlet+`", "published": "`+a.date+`", "text": "`+strings.ReplaceAll(text, "\n", `\n`)+`"}`)
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "profile", p, "--no-pos", "--period", "month")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"AP 2025-01                            2", "AP 2025-02                            1", "Fox 2025-01                           1", "Fox 2025-03                           1"} {
		if !strings.Contains(out, want) {
			t.Errorf("profile lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, `2 articles without a date (field "published") are left out of the profiles by period: AP 1, Fox 1`) {
		t.Errorf("undated not reported: %s", errs)
	}
	code, out, errs = runCLI(t, "compare", p, "--no-pos", "--period", "month", "--target", "AP 2025-01", "--reference", "AP 2025-02")
	if code != 0 || !strings.HasPrefix(out, "AP 2025-01 vs AP 2025-02") {
		t.Errorf("before/after: exit %d: %s %s", code, out, errs)
	}
	// The undated counts travel in the profiles file: compare and report
	// from it say how many were left out, and profile merge adds them.
	saved := filepath.Join(dir, "monthly.json")
	if code, _, errs := runCLI(t, "profile", p, "--no-pos", "--period", "month", "--out", saved); code != 0 {
		t.Fatalf("profile --out: exit %d: %s", code, errs)
	}
	fromFile := "2 articles without a date are left out of the profiles by period: AP 1, Fox 1"
	for _, args := range [][]string{
		{"compare", "--profiles", saved, "--target", "AP 2025-01", "--reference", "AP 2025-02"},
		{"report", "--profiles", saved, "--reference", "AP 2025-02", "--format", "md", "--out", filepath.Join(dir, "rep")},
	} {
		if code, _, errs := runCLI(t, args...); code != 0 || !strings.Contains(errs, fromFile) {
			t.Errorf("%v: exit %d, undated not reported: %s", args[:2], code, errs)
		}
	}
	merged := filepath.Join(dir, "merged.json")
	if code, _, errs := runCLI(t, "profile", "merge", saved, saved, "--out", merged); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "compare", "--profiles", merged, "--target", "AP 2025-01", "--reference", "AP 2025-02"); code != 0 || !strings.Contains(errs, "4 articles without a date are left out of the profiles by period: AP 2, Fox 2") {
		t.Errorf("merged: exit %d, undated not added: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "profile", p, "--period", "fortnight"); code != 2 || !strings.Contains(errs, "unknown period") {
		t.Errorf("bad period: exit %d: %s", code, errs)
	}
}

// TestReportFromProfiles: report --profiles writes the profile and
// comparison sections as the report built from the articles does, and
// says which sections need the articles.
func TestReportFromProfiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "profiles.json")
	if code, _, errs := runCLI(t, "profile", "--no-pos", "--out", p); code != 0 {
		t.Fatalf("profile: exit %d: %s", code, errs)
	}
	r1, r2 := filepath.Join(dir, "r1"), filepath.Join(dir, "r2")
	for _, args := range [][]string{
		{"report", "--no-pos", "--reference", "AP", "--format", "md", "--out", r1},
		{"report", "--no-pos", "--reference", "AP", "--format", "md", "--out", r2, "--profiles", p},
	} {
		if code, _, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	a, _ := os.ReadFile(filepath.Join(r1, "report.md"))
	b, _ := os.ReadFile(filepath.Join(r2, "report.md"))
	section := func(doc []byte, head string) string {
		s := string(doc)
		i := strings.Index(s, "\n## "+head)
		if i < 0 {
			return ""
		}
		j := strings.Index(s[i+1:], "\n## ")
		return s[i : i+1+j]
	}
	for _, head := range []string{"Profiles", "Comparisons"} {
		if x := section(a, head); x == "" || x != section(b, head) {
			t.Errorf("section %s differs (or is missing) when built from profiles", head)
		}
	}
	if !strings.Contains(string(b), "built from saved profiles, without the articles") || !strings.Contains(string(b), "5 analysed") {
		t.Errorf("the profiles-only report does not say what needs the articles:\n%.600s", b)
	}
}

// TestReportByPeriod: with --period the report gets a time-series chart
// of the chart measures per source, drawn in the HTML and given as a table
// in the Markdown, with one row per source and period.
func TestReportByPeriod(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dated.jsonl")
	var lines []string
	for i, a := range []struct{ outlet, date string }{{"AP", "2025-01-15"}, {"AP", "2025-01-20"}, {"AP", "2025-02-03"}, {"Fox", "2025-01-31"}, {"Fox", ""}} {
		lines = append(lines, `{"id": "a`+string(rune('0'+i))+`", "outlet": "`+a.outlet+`", "published": "`+a.date+`", "text": "Headline\n\nThe regime met officials, who said talks went well."}`)
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "r")
	if code, _, errs := runCLI(t, "report", p, "--no-pos", "--period", "month", "--format", "html,md", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	html, _ := os.ReadFile(filepath.Join(out, "report.html"))
	for _, want := range []string{"Measures per month and source", "| AP | 2025-01 | 2 |", "| AP | 2025-02 | 1 |", "| Fox | 2025-01 | 1 |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	if i := strings.Index(string(html), `id="chart-periods"`); i < 0 || !strings.Contains(string(html[i:min(len(html), i+400)]), "<svg") {
		t.Error("report.html has no drawn time-series chart")
	}
	// Its lines use the report's palette (first two: #0072B2, #E69F00),
	// like the other charts, not gonum's default red and green.
	if i := strings.Index(string(html), `id="chart-periods"`); i >= 0 {
		fig := string(html[i:])
		fig = fig[:strings.Index(fig, "</figure>")]
		if !strings.Contains(fig, "stroke:#0072B2") || !strings.Contains(fig, "stroke:#E69F00") {
			t.Error("time-series chart does not draw its sources in the report's palette")
		}
	}
}
