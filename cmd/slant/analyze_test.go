package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/evaluate"
	"github.com/slantlab/slant/framing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnalyzeJSONSchema(t *testing.T) {
	code, out, errs := runCLI(t, "analyze", "--format", "json", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Stats    map[string]int `json:"stats"`
		Articles []struct {
			ID        string             `json:"id"`
			Outlet    string             `json:"outlet"`
			Title     string             `json:"title"`
			Measures  map[string]float64 `json:"measures"`
			Sentences []struct {
				Start, End int
				Score      float64
			} `json:"sentences"`
			Evidence []struct {
				Category, Text, Voice string
				Start, End, Sentence  int
				Negated               bool
				Weight                float64
			} `json:"evidence"`
			Removed []struct {
				Start, End int
				Reason     string
			} `json:"removed"`
		} `json:"articles"`
		Skipped []struct{ ID, Reason string } `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 5 || doc.Stats["read"] != 5 || doc.Skipped == nil {
		t.Fatalf("articles %d, stats %v", len(doc.Articles), doc.Stats)
	}
	a := doc.Articles[0]
	if a.ID != "000_e6bd7e0a9529dc5c.txt" || a.Outlet != "The Eastern Herald" || a.Measures["editorializing_index"] == 0 || len(a.Sentences) == 0 || len(a.Evidence) == 0 || len(a.Removed) == 0 {
		t.Fatalf("article 000: %+v", a.ID)
	}
	seed, _ := os.ReadFile("../../seeds/000_e6bd7e0a9529dc5c.txt")
	for _, e := range a.Evidence {
		if string(seed[e.Start:e.End]) != e.Text {
			t.Fatalf("evidence %q does not match the file at [%d,%d)", e.Text, e.Start, e.End)
		}
	}
}

func TestAnalyzeFilesSkipsAndFormats(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Headline here\n\nThe regime's puppet parliament voted on Tuesday, officials said.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("   \n"), 0o644)
	code, out, errs := runCLI(t, "analyze", dir, "--format", "csv", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "id,outlet,title,words,") || !strings.HasPrefix(lines[1], "a.txt,,Headline here,") {
		t.Fatalf("csv:\n%s", out)
	}
	if !strings.Contains(errs, "empty.txt") || !strings.Contains(errs, "empty or whitespace-only") {
		t.Fatalf("skip not reported: %s", errs)
	}
	if code, _, errs := runCLI(t, "analyze", "--format", "yaml"); code != 2 || !strings.Contains(errs, "unknown --format") {
		t.Fatalf("bad format: exit %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "analyze", filepath.Join(dir, "missing.txt")); code != 1 || !strings.Contains(errs, "missing.txt") {
		t.Fatalf("missing file: exit %d %s", code, errs)
	}
	code, out, _ = runCLI(t, "kwic", "puppet", dir)
	if code != 0 || !strings.Contains(out, "a.txt") || !strings.Contains(out, "[puppet]") {
		t.Fatalf("kwic: %d %s", code, out)
	}
}

func TestCompareSeedsCLI(t *testing.T) {
	code, out, errs := runCLI(t, "compare", "--target", "The Eastern Herald", "--reference", "AP", "--format", "json", "--bootstrap", "300", "--no-pos")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var c struct {
		Target, Reference, Unit string
		Measures                []struct {
			Name                                                     string
			Target, Reference, Difference, EffectSize, CILow, CIHigh float64
			P, Q                                                     float64
		} `json:"measures"`
		DistinctiveTerms []struct {
			Term                        string
			Z                           float64
			TargetCount, ReferenceCount float64
		} `json:"distinctive_terms"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Target != "The Eastern Herald" || c.Reference != "AP" || c.Unit != "sentence" || len(c.Measures) == 0 || len(c.DistinctiveTerms) == 0 {
		t.Fatalf("comparison %+v", c)
	}
	if !strings.Contains(out, `"effect_size"`) || !strings.Contains(out, `"ci_low"`) || !strings.Contains(out, `"target_count"`) {
		t.Fatal("JSON keys missing")
	}
	if code, _, errs := runCLI(t, "compare", "--target", "Nope", "--reference", "AP", "--no-pos"); code != 2 || !strings.Contains(errs, "no source \"Nope\"") {
		t.Fatalf("unknown source: %d %s", code, errs)
	}
}

func TestBenchCommand(t *testing.T) {
	code, out, errs := runCLI(t, "bench", "--no-pos", "--baseline-docs", "2")
	for _, want := range []string{"5 articles", "per core", "peak RSS", "tokenize only", "the tokenizer's time", "prose's speed"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("bench: exit %d, no %q\n%s%s", code, want, out, errs)
		}
	}
	// The corpus streamed three times over: three times the articles.
	code, out, errs = runCLI(t, "bench", "--no-pos", "--baseline-docs", "0", "--corpus-repeat", "3")
	if code != 0 || !strings.Contains(out, "15 articles") || strings.Contains(out, "tokenize only") {
		t.Fatalf("bench --corpus-repeat 3: exit %d\n%s%s", code, out, errs)
	}
}

func TestTrainThenEval(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString(`{"text":"The regime's shameful puppet parliament rammed through the draconian law.","label":1,"biased_words":["shameful","puppet"]}` + "\n")
		b.WriteString(`{"text":"The parliament passed the law on Tuesday by 210 votes to 90.","label":0,"biased_words":[]}` + "\n")
	}
	data := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(data, []byte(b.String()), 0o644)
	weights := filepath.Join(dir, "w.yaml")
	code, out, errs := runCLI(t, "train", "--dataset", data, "--out", weights, "--folds", "3", "--no-pos", "--features", "core,categories,words", "--max-weights", "60")
	if code != 0 || !strings.Contains(out, "AUC 1.0000, macro-F1 1.0000;") || !strings.Contains(out, "unigram Naive Bayes, same folds: AUC 1.0000") {
		t.Fatalf("train: %d\n%s%s", code, out, errs)
	}
	saved, _ := os.ReadFile(weights)
	for _, want := range []string{"quotes: discount", "feature_sets:", "- words", "data: " + data, "cv_auc: 1", "threshold_rule:"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("weights file lacks %q:\n%s", want, saved)
		}
	}
	preds := filepath.Join(dir, "preds.csv")
	code, out, errs = runCLI(t, "eval", "--dataset", data, "--weights", weights, "--format", "json", "--no-pos", "--predictions", preds)
	if code != 0 || !strings.Contains(out, `"auc": 1`) || !strings.Contains(out, `"macro_f1_best": 1`) || !strings.Contains(out, `"auc_ci95": [`) {
		t.Fatalf("eval: %d\n%s%s", code, out, errs)
	}
	rows, _ := os.ReadFile(preds)
	lines := strings.Split(strings.TrimSpace(string(rows)), "\n")
	if len(lines) != 13 || lines[0] != "id,outlet,score,label,predicted,top_contributions" || !strings.Contains(lines[1], ",1,1,") {
		t.Fatalf("predictions:\n%s", rows)
	}
	if code, _, _ := runCLI(t, "train", "--dataset", data, "--out", weights, "--features", "core,nope"); code != 2 {
		t.Fatalf("train with an unknown feature set: exit %d", code)
	}
	if code, _, _ := runCLI(t, "eval"); code != 2 {
		t.Fatalf("eval without --dataset: exit %d", code)
	}
}

// TestLearnedWordsShown: a word that determines the label is learned, and
// analyze and kwic show it as evidence with its span.
func TestLearnedWordsShown(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	subjects := []string{"The council", "The ministry", "A committee", "The mayor", "Officials", "The agency"}
	for i := 0; i < 30; i++ {
		s := subjects[i%len(subjects)]
		fmt.Fprintf(&b, `{"id":"p%d","text":"%s approved the zorblat plan on day %d.","label":1}`+"\n", i, s, i)
		fmt.Fprintf(&b, `{"id":"n%d","text":"%s approved the %s plan on day %d.","label":0}`+"\n", i, s, []string{"road", "water", "school"}[i%3], i)
	}
	data := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(data, []byte(b.String()), 0o644)
	weights := filepath.Join(dir, "w.yaml")
	if code, out, errs := runCLI(t, "train", "--dataset", data, "--out", weights, "--no-pos", "--features", "words", "--max-weights", "3"); code != 0 {
		t.Fatalf("train: %d\n%s%s", code, out, errs)
	}
	saved, _ := os.ReadFile(weights)
	if !strings.Contains(string(saved), "zorblat") {
		t.Fatalf("no zorblat weight:\n%s", saved)
	}
	text := filepath.Join(dir, "a.txt")
	os.WriteFile(text, []byte("The board approved the zorblat budget."), 0o644)
	code, out, errs := runCLI(t, "analyze", text, "--weights", weights, "--no-pos", "--format", "json")
	if code != 0 || !strings.Contains(out, `"construct": "learned_word"`) || !strings.Contains(out, `zorblat",`) {
		t.Fatalf("analyze: %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "kwic", "learned.words", text, "--weights", weights, "--no-pos")
	if code != 0 || !strings.Contains(out, "zorblat]") {
		t.Fatalf("kwic: %d\n%s%s", code, out, errs)
	}
}

// TestTrainWarnsWhenNaiveBayesWins: the label lives in a word no lexicon
// knows, and a loaded word occurs equally in both classes, so the core
// features alone lose to the bag of words and train says so; the default
// feature sets learn the word and get no warning.
func TestTrainWarnsWhenNaiveBayesWins(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	subjects := []string{"The council", "The ministry", "A committee", "The mayor", "Officials", "The agency"}
	for i := 0; i < 30; i++ {
		s := subjects[i%len(subjects)]
		lead := ""
		if i%2 == 0 {
			lead = "In a shocking turn, "
		}
		fmt.Fprintf(&b, `{"id":"p%d","text":"%s%s approved the zorblat plan on day %d.","label":1}`+"\n", i, lead, s, i)
		fmt.Fprintf(&b, `{"id":"n%d","text":"%s%s approved the %s plan on day %d.","label":0}`+"\n", i, lead, s, []string{"road", "water", "school"}[i%3], i)
	}
	data := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(data, []byte(b.String()), 0o644)
	weights := filepath.Join(dir, "w.yaml")
	const warning = "slant: warning: the bag of words (unigram Naive Bayes on the same folds) beats this model on ROC-AUC"
	code, out, errs := runCLI(t, "train", "--dataset", data, "--out", weights, "--no-pos", "--features", "core")
	if code != 0 || !strings.Contains(errs, warning) || !strings.Contains(errs, "add words (--features core,categories,words)") {
		t.Fatalf("train --features core: exit %d, no warning\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "train", "--dataset", data, "--out", weights, "--no-pos", "--seed", "7")
	if code != 0 || strings.Contains(errs, "warning") || !strings.Contains(out, "features core,categories,words") || !strings.Contains(out, "AUC 1.0000, macro-F1 1.0000;") || !strings.Contains(out, "on the reporter's words only (what --quotes discount lets the model read): AUC 1.0000") {
		t.Fatalf("train with the default features: exit %d\n%s%s", code, out, errs)
	}
	saved, _ := os.ReadFile(weights)
	for _, want := range []string{"seed: 7", "max_weights: 300", "min_df: 12", "- core\n", "- categories\n", "- words\n"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("weights file lacks %q:\n%s", want, saved)
		}
	}
}

// TestTrainAdvice: the warning suggests only what the run left out.
func TestTrainAdvice(t *testing.T) {
	rep := evaluate.TrainReport{Features: []string{evaluate.FeaturesCore}, Quotes: framing.QuotesDiscount, CapBinding: true,
		Weights: framing.Weights{Training: &framing.TrainingRecord{MaxWeights: 40}}}
	got := trainAdvice(rep)
	for _, want := range []string{"add words", "--quotes count", "the cap of 40 stopped the path"} {
		if !strings.Contains(got, want) {
			t.Errorf("advice %q lacks %q", got, want)
		}
	}
	rep.Features, rep.Quotes, rep.CapBinding = evaluate.DefaultFeatureSets, framing.QuotesCount, false
	if got := trainAdvice(rep); strings.Contains(got, "--features") || strings.Contains(got, "--quotes") || strings.Contains(got, "--max-weights") || !strings.Contains(got, "--min-df") {
		t.Errorf("nothing left out, advice %q", got)
	}
}
