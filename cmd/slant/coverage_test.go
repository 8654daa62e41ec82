package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/seeds"
)

func TestCoverageSeedsJSON(t *testing.T) {
	code, out, errs := runCLI(t, "coverage", "--format", "json", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Events []struct {
			Articles []struct{ ID, Outlet string } `json:"articles"`
			Units    []struct {
				Kind    string   `json:"kind"`
				Text    string   `json:"text"`
				Outlets []string `json:"outlets"`
				Spans   []struct {
					Outlet     string
					Start, End int
				} `json:"spans"`
			} `json:"units"`
			Outlets []struct {
				Outlet        string  `json:"outlet"`
				Included      int     `json:"included"`
				CoverageShare float64 `json:"coverage_share"`
				Omitted       []struct {
					Kind    string   `json:"kind"`
					Outlets []string `json:"outlets"`
				} `json:"omitted"`
				Voices []struct{ Key string } `json:"voices"`
			} `json:"outlets"`
		} `json:"events"`
		Duplicates []any `json:"duplicates"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Events) != 1 || len(rep.Events[0].Articles) != 5 || len(rep.Events[0].Outlets) != 5 {
		t.Fatalf("the seeds are one event of five outlets: %+v", rep.Events)
	}
	if rep.Duplicates == nil || len(rep.Duplicates) != 0 {
		t.Errorf("no duplicates among the seeds, as an empty list: %v", rep.Duplicates)
	}
	for _, u := range rep.Events[0].Units {
		if len(u.Outlets) == 0 || len(u.Spans) == 0 {
			t.Errorf("unit %q has no outlets or spans", u.Text)
		}
	}
	// Same JSON twice (determinism through the CLI).
	_, out2, _ := runCLI(t, "coverage", "--format", "json", "--no-pos")
	if out != out2 {
		t.Error("coverage JSON differs between runs")
	}
}

func TestCoverageTextAndCSV(t *testing.T) {
	code, out, errs := runCLI(t, "coverage", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"event cluster-1 (cluster): 5 articles", "\"26 nations\": The Eastern Herald, Insight News Media", "omits"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	code, out, errs = runCLI(t, "coverage", "--no-pos", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "event,method,outlet,") {
		t.Errorf("csv: %q", out)
	}
	if code, _, _ := runCLI(t, "coverage", "--format", "xml"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}

// TestProfileDedup: a republished copy of the AP seed is counted once with
// --dedup and twice without.
func TestProfileDedup(t *testing.T) {
	dir := t.TempDir()
	ap, err := seeds.FS().ReadFile("004_bd15c9c9037d407d.txt")
	if err != nil {
		t.Fatal(err)
	}
	copyText := "Allies map out guarantees for Ukraine\n\n" + strings.Replace(string(ap), "PARIS —", "PARIS (AP) —", 1)
	lines := []string{}
	for _, r := range []struct{ id, outlet, text string }{{"a", "AP", string(ap)}, {"b", "Daily Republisher", copyText}} {
		b, _ := json.Marshal(map[string]string{"id": r.id, "outlet": r.outlet, "text": r.text})
		lines = append(lines, string(b))
	}
	path := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) (int, string) {
		code, out, errs := runCLI(t, append([]string{"profile", path, "--no-pos", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var ps []struct{ Documents int }
		if err := json.Unmarshal([]byte(out), &ps); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range ps {
			n += p.Documents
		}
		return n, errs
	}
	if n, _ := count(); n != 2 {
		t.Errorf("without --dedup: %d documents", n)
	}
	n, errs := count("--dedup")
	if n != 1 || !strings.Contains(errs, "left out b (Daily Republisher), a copy of a (AP)") {
		t.Errorf("with --dedup: %d documents; stderr %q", n, errs)
	}
}

func TestCoverageEventsOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.csv")
	code, _, errs := runCLI(t, "coverage", "--no-pos", "--events-out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 6 || lines[0] != "id,outlet,event,method" || lines[5] != "004_bd15c9c9037d407d.txt,AP,cluster-1,cluster" {
		t.Errorf("events CSV:\n%s", b)
	}
}
