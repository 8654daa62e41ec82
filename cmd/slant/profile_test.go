package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/seeds"
)

// seedShards writes the seed articles as two JSON Lines shards.
func seedShards(t *testing.T, dir string) (string, string, string) {
	t.Helper()
	var lines []string
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(map[string]string{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "text": a.Text, "label": a.Outlet[:1]})
		lines = append(lines, string(b))
	}
	write := func(name string, ls []string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Join(ls, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("a.jsonl", lines[:2]), write("b.jsonl", lines[2:]), write("all.jsonl", lines)
}

// TestProfileMerge: profiles of two shards merged with `slant profile
// merge` are byte-identical to the profiles of the whole corpus, and
// shards grouped by different fields are refused, naming both files.
func TestProfileMerge(t *testing.T) {
	dir := t.TempDir()
	a, b, all := seedShards(t, dir)
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range [][]string{
		{"profile", a, "--no-pos", "--out", p("pa.json")},
		{"profile", b, "--no-pos", "--out", p("pb.json")},
		{"profile", all, "--no-pos", "--out", p("whole.json")},
		{"profile", b, "--no-pos", "--by", "label", "--out", p("pl.json")},
		{"profile", "merge", p("pa.json"), p("pb.json"), "--out", p("merged.json")},
	} {
		if code, _, errs := runCLI(t, c...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c, code, errs)
		}
	}
	merged, _ := os.ReadFile(p("merged.json"))
	whole, _ := os.ReadFile(p("whole.json"))
	if string(merged) != string(whole) {
		t.Error("merged shard profiles differ from the whole corpus's")
	}
	code, _, errs := runCLI(t, "profile", "merge", p("pa.json"), p("pl.json"), "--out", p("bad.json"))
	if code == 0 || !strings.Contains(errs, "pl.json does not merge with "+p("pa.json")) || !strings.Contains(errs, `grouped by "outlet" and "label"`) {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(p("bad.json")); err == nil {
		t.Error("a refused merge wrote its output")
	}
	if code, _, errs := runCLI(t, "profile", "merge", p("pa.json")); code != 2 || !strings.Contains(errs, "--out") {
		t.Errorf("missing --out: exit %d: %s", code, errs)
	}
}
