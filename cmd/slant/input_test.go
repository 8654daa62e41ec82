package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDocumentsExitsTheSame pins issue 17 item 8: an empty directory, or
// one whose every file is skipped, makes analyze, profile, compare --all
// and report say "no documents" on stderr and exit with the same code.
func TestNoDocumentsExitsTheSame(t *testing.T) {
	empty := t.TempDir()
	allSkipped := t.TempDir()
	if err := os.WriteFile(filepath.Join(allSkipped, "blank.txt"), []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{empty, allSkipped} {
		for _, args := range [][]string{
			{"analyze", dir},
			{"analyze", "--format", "json", dir},
			{"profile", dir},
			{"compare", "--all", "--reference", "AP", dir},
			{"report", "--out", filepath.Join(t.TempDir(), "r"), dir},
		} {
			code, out, errs := runLex(t, args...)
			if code != exitAnalysis || !strings.Contains(errs, "slant: no documents to analyse") {
				t.Errorf("%v: exit %d, stderr %q, stdout %q", args, code, errs, out)
			}
		}
	}
}
