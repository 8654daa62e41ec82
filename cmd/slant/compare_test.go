package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/framing"
)

func TestCompareTextShowsDesignAndBothSides(t *testing.T) {
	code, out, errs := runCLI(t, "compare", "--target", "The Eastern Herald", "--reference", "AP", "--bootstrap", "300", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[1], "design: sentences of 1 vs 1 articles") {
		t.Errorf("the design is not stated first: %q", lines[1])
	}
	for _, s := range []string{"primary family:", "loaded_rate", "poisson_exact", "higher in The Eastern Herald:", "higher in AP:", "median t / r"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	// The sentence design tests loaded_rate on its unweighted hit counts
	// (6 hits in 422 words = 14.218 per 1,000 for the Herald), which is not
	// analyze's weighted loaded_rate (7.820): the row must name its unit.
	var row string
	for _, l := range lines {
		if strings.HasPrefix(l, "loaded_rate ") {
			row = l
			break
		}
	}
	if f := strings.Fields(row); len(f) < 3 || f[1] != framing.UnitPer1kHits || f[2] != "14.218" {
		t.Errorf("loaded_rate row does not name its unit and hit rate: %q", row)
	}
	if !strings.Contains(out, "units: ") {
		t.Error("the units note is missing")
	}
}

func TestCompareDesignUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--pair-by", "event_id", "--cluster-by", "outlet"},
		{"--cluster-by", "outlet"}, // the grouping field itself
		{"--pair-by", "event_id", "--paired-test", "t_test"},
	} {
		a := append([]string{"compare", "--target", "The Eastern Herald", "--reference", "AP", "--no-pos"}, args...)
		if code, _, errs := runCLI(t, a...); code != 2 {
			t.Errorf("%v: exit %d (%s), want a usage error", args, code, errs)
		}
	}
}

// designCorpus writes a JSONL corpus: outlets A, B (label "l") and C, D
// (label "c"), each covering events e0..e5 with one article.
func designCorpus(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	texts := map[string]string{
		"A": "The regime's shameful lies continue, and its puppet parliament obeys.",
		"B": "The brutal crackdown is a disgrace, critics said the regime was lying.",
		"C": "The government said the vote would be held on Monday.",
		"D": "Officials confirmed the date of the vote on Monday.",
	}
	label := map[string]string{"A": "l", "B": "l", "C": "c", "D": "c"}
	for _, o := range []string{"A", "B", "C", "D"} {
		for e := range 6 {
			rec := map[string]string{"id": fmt.Sprintf("%s%d", o, e), "outlet": o, "label": label[o], "event_id": fmt.Sprintf("e%d", e),
				"title": "Vote " + fmt.Sprint(e), "text": texts[o] + fmt.Sprintf(" It was day %d of the dispute.", e)}
			line, _ := json.Marshal(rec)
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	p := filepath.Join(t.TempDir(), "design.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompareDesignsCLI(t *testing.T) {
	path := designCorpus(t)
	type cmpJSON struct {
		Design struct {
			Name              string `json:"name"`
			Field             string `json:"field"`
			Blocks            int    `json:"blocks"`
			ClustersTarget    int    `json:"clusters_target"`
			ClustersReference int    `json:"clusters_reference"`
		} `json:"design"`
		Warnings []string `json:"warnings"`
		Measures []struct {
			Name, Family, Test string
		} `json:"measures"`
	}
	run := func(args ...string) cmpJSON {
		t.Helper()
		code, out, errs := runCLI(t, append([]string{"compare", path, "--no-pos", "--format", "json", "--bootstrap", "200", "--permutations", "199"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var c cmpJSON
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := run("--target", "A", "--reference", "C", "--pair-by", "event_id")
	if c.Design.Name != "paired" || c.Design.Field != "event_id" || c.Design.Blocks != 6 || c.Measures[0].Test != "wilcoxon_signed_rank" || c.Measures[0].Family != "primary" {
		t.Errorf("paired: %+v", c)
	}
	c = run("--by", "label", "--target", "l", "--reference", "c")
	warned := false
	for _, w := range c.Warnings {
		warned = warned || strings.Contains(w, "pools 2 outlets")
	}
	if c.Design.Name != "independent_articles" || !warned {
		t.Errorf("label without --cluster-by: %+v", c)
	}
	c = run("--by", "label", "--target", "l", "--reference", "c", "--cluster-by", "outlet")
	if c.Design.Name != "clustered" || c.Design.ClustersTarget != 2 || c.Design.ClustersReference != 2 || c.Measures[0].Test != "cluster_permutation" {
		t.Errorf("clustered: %+v", c)
	}
}
