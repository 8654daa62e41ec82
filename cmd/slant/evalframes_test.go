package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runFrames runs an eval-frames command line as run does. Until main.go
// registers newEvalFramesCmd, it adds the command to the root itself and
// maps errors to exit codes the way run does.
func runFrames(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	registered := false
	for _, c := range newRoot(io.Discard, io.Discard).Commands() {
		registered = registered || c.Name() == "eval-frames"
	}
	if registered {
		code := run(args, &out, &errb)
		return code, out.String(), errb.String()
	}
	root := newRoot(&out, &errb)
	root.AddCommand(newEvalFramesCmd())
	root.SetArgs(args)
	code := exitOK
	if err := root.Execute(); err != nil {
		fmt.Fprintln(&errb, "slant:", err)
		var ue usageError
		code = exitAnalysis
		if errors.As(err, &ue) || isCobraUsage(err) {
			code = exitUsage
		}
	}
	return code, out.String(), errb.String()
}

// frameLeads are hand-made leads in the GVFC schema with known answers: each
// is full of one frame's cues, under the theme the embedded mapping sends to
// that frame. The last is marked not relevant and must be skipped.
const frameLeads = `{"id":"sec","title":"Troops sent to deter attack","text":"The army deployed more troops and air defense units along the border. Commanders said deterrence and a stronger military presence would counter the missile threat.","frame_theme1":"School or public space safety","frame_theme2":null,"relevant":true}
{"id":"econ","title":"Gun maker's revenue falls as sales slump","text":"The manufacturer reported lower earnings and revenue for the fiscal year. Investors sold shares as profit fell and the company took on more debt.","frame_theme1":"Economic consequences","relevant":true}
{"id":"pol","title":"Republicans and Democrats trade blame ahead of midterm election","text":"Lawmakers in Congress courted voters in swing states. The candidate met donors and lobbyists as the campaign entered its final week.","frame_theme1":"Politics","frame_theme2":"Public opinion","relevant":true}
{"id":"op","title":"Poll finds most Americans want change","text":"A Gallup survey of respondents found public opinion has shifted, with a margin of error of three points. Protesters marched and students staged a walkout.","frame_theme1":"Public opinion","relevant":true}
{"id":"off","title":"Bake sale raises funds","text":"The club sold cakes.","frame_theme1":null,"relevant":false}
`

func TestEvalFramesKnownAnswers(t *testing.T) {
	path := writeTemp(t, "frames.jsonl", frameLeads)
	code, out, errs := runFrames(t, "eval-frames", "--dataset", path, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var rep struct {
		N                 int                       `json:"n"`
		Read              int                       `json:"read"`
		SkippedIrrelevant int                       `json:"skipped_irrelevant"`
		Accuracy          float64                   `json:"accuracy"`
		AccuracyEither    float64                   `json:"accuracy_theme1_or_2"`
		MacroF1           float64                   `json:"macro_f1"`
		Confusion         map[string]map[string]int `json:"confusion"`
		Baseline          struct {
			Accuracy float64 `json:"accuracy"`
			MacroF1  float64 `json:"macro_f1"`
		} `json:"majority_baseline"`
		Dominant struct {
			Coverage        float64 `json:"coverage"`
			AccuracyCovered float64 `json:"accuracy_covered"`
		} `json:"dominant"`
		PerClass []struct {
			Class string  `json:"class"`
			F1    float64 `json:"f1"`
		} `json:"per_class"`
		Dataset string `json:"dataset"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Read != 5 || rep.SkippedIrrelevant != 1 || rep.N != 4 || rep.Dataset != path {
		t.Fatalf("counts: %+v", rep)
	}
	if rep.Accuracy != 1 || rep.AccuracyEither != 1 || rep.MacroF1 != 1 || rep.Dominant.Coverage != 1 || rep.Dominant.AccuracyCovered != 1 {
		t.Errorf("known answers missed: %+v", rep)
	}
	// The troops-and-deterrence lead is security and defense.
	if rep.Confusion["security_defense"]["security_defense"] != 1 {
		t.Errorf("confusion %v", rep.Confusion)
	}
	// Four classes of one item each: the majority baseline gets one right.
	if rep.Baseline.Accuracy != 0.25 || rep.Baseline.MacroF1 != 0.1 {
		t.Errorf("baseline %+v", rep.Baseline)
	}
	if len(rep.PerClass) != 4 || rep.PerClass[0].Class != "economic" {
		t.Errorf("per class %+v", rep.PerClass)
	}
	for _, k := range []string{`"restricted_to_mapped"`, `"accuracy_covered"`, `"predictions"`, `"support"`} {
		if !strings.Contains(out, k) {
			t.Errorf("JSON lacks %s", k)
		}
	}

	code, text, errs := runFrames(t, "eval-frames", "--dataset", path)
	if code != exitOK {
		t.Fatalf("text: exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{"n                  4 (5 read, 1 not relevant skipped", "accuracy 1.0000", "majority baseline  accuracy 0.2500", "coverage 1.0000", "security_defense", "confusion (rows gold, columns predicted)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	// Deterministic output.
	if _, again, _ := runFrames(t, "eval-frames", "--dataset", path); again != text {
		t.Error("two runs differ")
	}
}

func TestEvalFramesErrors(t *testing.T) {
	good := writeTemp(t, "frames.jsonl", frameLeads)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval-frames"}, exitUsage, "--dataset is required"},
		{[]string{"eval-frames", "--dataset", good, "--format", "xml"}, exitUsage, "unknown --format"},
		{[]string{"eval-frames", "--dataset", good, "--colour"}, exitUsage, "unknown flag"},
		{[]string{"eval-frames", "--dataset", good, "extra"}, exitUsage, "unknown command"},
		{[]string{"eval-frames", "--dataset", writeTemp(t, "bad.jsonl", `{"id":"a","title":"T","frame_theme1":"Politics"}`+"\n{oops\n")}, exitAnalysis, "bad.jsonl:2:"},
		{[]string{"eval-frames", "--dataset", writeTemp(t, "unknown.jsonl", `{"id":"a","title":"T","frame_theme1":"Weather"}`)}, exitAnalysis, `theme "Weather" is not in mapping`},
		{[]string{"eval-frames", "--dataset", good, "--mapping", writeTemp(t, "m.yaml", "name: m\nthemes: [{theme: Politics, frame: politics, justification: x}]\n")}, exitAnalysis, "not a Policy Frames Codebook dimension"},
		{[]string{"eval-frames", "--dataset", "/nonexistent/frames.jsonl"}, exitAnalysis, "no such file"},
		{[]string{"train", "--task", "frames", "--dataset", good, "--out", filepath.Join(t.TempDir(), "w.yaml"), "--mapping", writeTemp(t, "m2.yaml", "name: m\nthemes: [{theme: Politics, frame: politics, justification: x}]\n")}, exitAnalysis, "not a Policy Frames Codebook dimension"},
		{[]string{"train", "--task", "frames", "--dataset", good, "--out", filepath.Join(t.TempDir(), "w.yaml"), "--mapping", "/nonexistent/m.yaml"}, exitAnalysis, "/nonexistent/m.yaml"},
	} {
		code, _, errs := runFrames(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

func TestEvalFramesCustomMapping(t *testing.T) {
	path := writeTemp(t, "frames.jsonl", `{"id":"a","title":"Troops sent to deter attack","text":"The army deployed more troops and air defense units. Deterrence and the military presence would counter the missile threat.","frame_theme1":"War"}`)
	mapping := writeTemp(t, "m.yaml", `name: war-frames
version: 0.1.0
references:
  - {id: b, citation: "Boydstun et al. (2014)"}
themes:
  - {theme: War, frame: security_defense, justification: armed conflict is security and defense, references: [b]}
`)
	code, out, errs := runFrames(t, "eval-frames", "--dataset", path, "--mapping", mapping)
	if code != exitOK || !strings.Contains(out, "war-frames@0.1.0") || !strings.Contains(out, "accuracy 1.0000") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

// TestEvalFramesGVFC runs the command on the Gun Violence Frame Corpus leads
// when ../shared/eval is present, and checks the text and JSON agree.
func TestEvalFramesGVFC(t *testing.T) {
	const path = "../../../shared/eval/gvfc_multimodal_articles.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("GVFC evaluation data not found at %s (see ../shared/eval/README.md): %v", path, err)
	}
	code, out, errs := runFrames(t, "eval-frames", "--dataset", path, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		N        int     `json:"n"`
		Accuracy float64 `json:"accuracy"`
		MacroF1  float64 `json:"macro_f1"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	_, text, _ := runFrames(t, "eval-frames", "--dataset", path)
	t.Log("\n" + text)
	if rep.N != 1300 || !strings.Contains(text, fmt.Sprintf("accuracy %.4f", rep.Accuracy)) || !strings.Contains(text, fmt.Sprintf("macro-F1 %.4f", rep.MacroF1)) {
		t.Errorf("text and JSON disagree: %+v\n%s", rep, text)
	}
}
