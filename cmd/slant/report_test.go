package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runReport runs `slant report` through its cobra command (it is not
// necessarily registered with the root command).
func runReport(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := newReportCmd()
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestReportSeeds(t *testing.T) {
	dir := t.TempDir()
	out, errs, err := runReport(t, "--out", dir, "--no-pos", "--bootstrap", "200")
	if err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	want := []string{"report.html", "report.md", "csv/articles.csv", "csv/sentences.csv", "csv/evidence.csv", "csv/comparisons.csv", "csv/terms.csv"}
	for _, f := range want {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if !strings.Contains(out, "wrote "+p+"\n") {
			t.Errorf("output does not say it wrote %s:\n%s", p, out)
		}
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"The Eastern Herald vs AP", "<svg", "double standards", "report --bootstrap 200 --no-pos --out ", "seed 1"} {
		if !strings.Contains(string(html), s) {
			t.Errorf("report.html lacks %q", s)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "### The Eastern Herald vs AP") || !strings.Contains(string(md), "**double standards**") {
		t.Errorf("report.md lacks the main comparison or the highlighted evidence")
	}
}

func TestReportFormatsAndDeterminism(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, errs, err := runReport(t, "--out", dir, "--no-pos", "--bootstrap", "100", "--format", "md, csv"); err != nil {
			t.Fatalf("%v\n%s", err, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(a, "report.html")); !os.IsNotExist(err) {
		t.Errorf("--format md,csv wrote report.html (%v)", err)
	}
	for _, f := range []string{"report.md", "csv/articles.csv", "csv/comparisons.csv"} {
		x, err1 := os.ReadFile(filepath.Join(a, f))
		y, err2 := os.ReadFile(filepath.Join(b, f))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		// The command line (with the --out directory) is the only difference.
		if f == "report.md" {
			x, y = bytes.ReplaceAll(x, []byte(a), []byte("DIR")), bytes.ReplaceAll(y, []byte(b), []byte("DIR"))
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

func TestReportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--out", dir, "--no-pos", "--format", "pdf"},
		{"--out", dir, "--no-pos", "--format", ","},
		{"--out", dir, "--no-pos", "--reference", "Nobody"},
		{"--out", dir, "--no-pos", "--target", "Nobody"},
		{"--out", dir, "--no-pos", "--max-articles", "-1"},
	} {
		_, _, err := runReport(t, args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{"AP": "AP", "The Eastern Herald": "'The Eastern Herald'", "it's": `'it'\''s'`, "": "''", "a/b.jsonl": "a/b.jsonl"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
