package evaluate

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/slantlab/slant/framing"
)

// gvfcThemes are the nine frame themes of the Gun Violence Frame Corpus
// (Liu et al. 2019), spelled as in its files.
var gvfcThemes = []string{
	"Gun/2nd Amendment rights", "Gun control/regulation", "Politics", "Mental health",
	"School or public space safety", "Race/ethnicity", "Public opinion", "Society/culture",
	"Economic consequences",
}

var (
	frameAnOnce sync.Once
	frameAn     *framing.Analyzer
	frameAnErr  error
)

func frameAnalyzer(t *testing.T) *framing.Analyzer {
	t.Helper()
	frameAnOnce.Do(func() { frameAn, frameAnErr = framing.NewAnalyzer(framing.WithoutPOS()) })
	if frameAnErr != nil {
		t.Fatal(frameAnErr)
	}
	return frameAn
}

func TestGVFCMappingCoversEveryTheme(t *testing.T) {
	m, err := GVFCMapping()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Themes) != len(gvfcThemes) {
		t.Errorf("%d themes mapped, want %d", len(m.Themes), len(gvfcThemes))
	}
	used := map[string]string{}
	for _, th := range gvfcThemes {
		f, ok := m.FrameFor(th)
		if !ok {
			t.Errorf("theme %q is not mapped", th)
			continue
		}
		// One-to-one: every theme stays a class of its own.
		if prev, dup := used[f]; dup {
			t.Errorf("themes %q and %q both map to %s", prev, th, f)
		}
		used[f] = th
	}
	for _, tm := range m.Themes {
		if len(strings.Fields(tm.Justification)) < 8 {
			t.Errorf("theme %q: justification too short: %q", tm.Theme, tm.Justification)
		}
	}
	want := map[string]string{
		"Politics": "political", "Public opinion": "public_opinion", "Economic consequences": "economic",
		"Mental health": "health_safety", "Gun/2nd Amendment rights": "legality",
		"Gun control/regulation": "policy_prescription", "Society/culture": "cultural_identity",
	}
	for th, f := range want {
		if got, _ := m.FrameFor(th); got != f {
			t.Errorf("%s → %s, want %s", th, got, f)
		}
	}
	if f, _ := m.FrameFor("  gun CONTROL/regulation "); f != "policy_prescription" {
		t.Errorf("theme lookup should ignore case and spacing, got %q", f)
	}
	for _, r := range []string{"Liu, S.", "Boydstun, A. E."} {
		found := false
		for _, ref := range m.References {
			found = found || strings.Contains(ref.Citation, r)
		}
		if !found {
			t.Errorf("mapping does not cite %s", r)
		}
	}
}

func TestParseFrameMappingRejects(t *testing.T) {
	base := "name: m\nversion: 1\nreferences:\n  - {id: r, citation: C}\nthemes:\n"
	for name, tc := range map[string]struct{ yaml, want string }{
		"unknown field":    {base + "  - {theme: A, frame: political, justification: because, colour: red}\n", "colour"},
		"unknown frame":    {base + "  - {theme: A, frame: politics, justification: because}\n", `"politics" is not a Policy Frames Codebook dimension`},
		"other":            {base + "  - {theme: A, frame: other, justification: because}\n", `"other" is not`},
		"duplicate":        {base + "  - {theme: A, frame: political, justification: x}\n  - {theme: a, frame: economic, justification: y}\n", "mapped twice"},
		"no justification": {base + "  - {theme: A, frame: political}\n", "no justification"},
		"bad reference":    {base + "  - {theme: A, frame: political, justification: x, references: [zz]}\n", `unknown reference "zz"`},
		"top-level typo":   {"nam: m\n" + base[len("name: m\n"):], "nam"},
	} {
		_, err := ParseFrameMapping([]byte(tc.yaml), "m.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "m.yaml") {
			t.Errorf("%s: error %v, want one naming m.yaml and containing %q", name, err, tc.want)
		}
	}
}

func TestReadFrameItems(t *testing.T) {
	in := `{"id":"a","title":"T","text":"x","frame_theme1":"Politics","frame_theme2":null,"relevant":true,"outlet":"o.com"}
{"id":"b","title":"T","text":"x","label":"Mental health","frame_theme2":"Politics"}

{"id":"c","title":"T","text":"","relevant":false}
`
	items, err := ReadFrameItemsFrom(strings.NewReader(in), "f.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[0].Theme1 != "Politics" || items[0].Theme2 != "" || !items[0].IsRelevant() {
		t.Fatalf("items %+v", items)
	}
	if items[1].Theme1 != "Mental health" || items[1].Theme2 != "Politics" || !items[1].IsRelevant() {
		t.Errorf("label should stand in for frame_theme1; a missing relevant flag means relevant: %+v", items[1])
	}
	if items[2].IsRelevant() {
		t.Errorf("relevant=false lost: %+v", items[2])
	}
	for _, tc := range []struct{ in, want string }{
		{`{"id":"a","title":"T","frame_theme1":"Politics"}` + "\n" + `{"id":`, "f.jsonl:2:"},
		{`{"id":"a","title":"","text":" ","frame_theme1":"Politics"}`, "f.jsonl:1: item \"a\" has neither title nor text"},
		{"\n" + `{"id":"a","title":"T"}`, "f.jsonl:2: item \"a\" has no frame_theme1"},
		{"", "no labelled items"},
	} {
		if _, err := ReadFrameItemsFrom(strings.NewReader(tc.in), "f.jsonl"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
	if _, err := ReadFrameItems(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("missing file: no error")
	}
}

// framedLeads are hand-written leads, a few sentences each, whose cues all
// point one way; the analyzer must rank that frame first, and (with at least
// three cues and a clear lead) call it Dominant.
var framedLeads = []struct {
	frame, title, text string
}{
	{"security_defense", "Troops sent to deter attack",
		"The army deployed more troops and air defense units along the border. Commanders said deterrence and a stronger military presence would counter the missile threat."},
	{"economic", "Gun maker's revenue falls as sales slump",
		"The manufacturer reported lower earnings and revenue for the fiscal year. Investors sold shares as profit fell and the company took on more debt."},
	{"political", "Republicans and Democrats trade blame ahead of midterm election",
		"Lawmakers in Congress courted voters in swing states. The candidate met donors and lobbyists as the campaign entered its final week."},
	{"public_opinion", "Poll finds most Americans want change",
		"A Gallup survey of respondents found public opinion has shifted, with a margin of error of three points. Protesters marched and students staged a walkout."},
	{"health_safety", "Shooter had long history of mental illness",
		"Psychiatric records show he was treated by a psychiatrist and a therapist for schizophrenia. Relatives said his mental health worsened after he stopped therapy."},
	{"policy_prescription", "Lawmakers weigh background checks and a waiting period",
		"The proposal would require universal background checks and a red flag law. Supporters said the gun control legislation would be implemented next year."},
	{"legality", "Supreme Court to hear gun rights case",
		"The justices will rule on whether the ban is unconstitutional under the Second Amendment. Lawyers for the plaintiffs argued the right to bear arms is a constitutional right."},
	{"fairness_equality", "Hate group leader charged after racially motivated attack",
		"Civil rights groups said the white supremacist targeted people of color. Advocates called it racism and bigotry and pointed to racial disparity in the response."},
	{"cultural_identity", "Debate over video games and gun culture",
		"Critics blamed popular culture, Hollywood and video games for glorifying violence. Others said the culture of hunting is a tradition and part of the heritage of rural identity."},
	{"crime_punishment", "Gunman convicted of murder, sentenced to life in prison",
		"Prosecutors said the shooter was arrested at the scene. The jury found him guilty of homicide and the judge sentenced him to prison without parole."},
}

func TestPredictFramesKnownAnswers(t *testing.T) {
	an := frameAnalyzer(t)
	for _, l := range framedLeads {
		fam, err := PolicyFrameFamily(an, l.title, l.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := ArgmaxFrame(fam.Shares, nil); got != l.frame {
			t.Errorf("%s: argmax %s (shares %v)", l.frame, got, fam.Shares)
		}
		if fam.Dominant != l.frame {
			t.Errorf("%s: dominant %s (%s)", l.frame, fam.Dominant, fam.Reason)
		}
	}
	fam, err := PolicyFrameFamily(an, "", "The cat sat on the mat.")
	if err != nil {
		t.Fatal(err)
	}
	if got := ArgmaxFrame(fam.Shares, nil); got != NoFrame || fam.Dominant != "mixed" {
		t.Errorf("no cues: argmax %s, dominant %s", got, fam.Dominant)
	}
}

func TestArgmaxFrame(t *testing.T) {
	sh := map[string]float64{"crime_punishment": 0.5, "political": 0.25, "economic": 0.25}
	if got := ArgmaxFrame(sh, nil); got != "crime_punishment" {
		t.Errorf("argmax %s", got)
	}
	// Ties go to the first by name; a restriction sets frames aside.
	if got := ArgmaxFrame(sh, map[string]bool{"political": true, "economic": true}); got != "economic" {
		t.Errorf("restricted argmax %s", got)
	}
	if got := ArgmaxFrame(map[string]float64{"other": 1}, nil); got != NoFrame {
		t.Errorf("other → %s, want %s", got, NoFrame)
	}
	if got := ArgmaxFrame(nil, nil); got != NoFrame {
		t.Errorf("no cues → %s", got)
	}
}

// TestScoreFramesHandWorked checks the metrics on a hand-made confusion.
//
//	gold economic  (3): predicted economic, economic, legality (its gold2 is legality)
//	gold legality  (2): predicted legality, none
//	gold political (4): predicted economic, political, political, crime_punishment
//
// economic:  tp 2, fp 1 (political→economic), fn 1 → F1 = 4/6   = 0.6667
// legality:  tp 1, fp 1 (economic→legality),  fn 1 → F1 = 2/4   = 0.5
// political: tp 2, fp 0,                      fn 2 → F1 = 4/6   = 0.6667
// macro-F1 = (2/3 + 1/2 + 2/3) / 3 = 11/18 = 0.6111
// accuracy = 5/9 = 0.5556; theme1-or-2 = 6/9 = 0.6667 (the legality answer
// on the economic item matches its second theme).
// Majority class: political (4 of 9): accuracy 4/9 = 0.4444; its F1 =
// 2·4/(2·4+5+0) = 8/13, the others 0 → macro-F1 = 8/39 = 0.2051.
// Restricted to the mapped frames (economic, legality, political), the item
// predicted crime_punishment has political next, the item with no cues
// stays none: accuracy 6/9; political tp 3, fp 0, fn 1 → F1 = 6/7, so
// macro-F1 = (2/3 + 1/2 + 6/7) / 3 = 0.6746.
// Dominant: mixed on the 2nd legality item and the last two political
// items, else equal to the prediction: covered 6 of 9, right on covered 4
// (economic×2, legality, political) → 0.6667; mixed counted wrong: 4/9.
func TestScoreFramesHandWorked(t *testing.T) {
	p := func(gold, gold2, pred, restricted, dom string) FramePrediction {
		return FramePrediction{Gold: gold, Gold2: gold2, Predicted: pred, Restricted: restricted, Dominant: dom}
	}
	rep := FrameReport{Items: []FramePrediction{
		p("economic", "", "economic", "economic", "economic"),
		p("economic", "", "economic", "economic", "economic"),
		p("economic", "legality", "legality", "legality", "legality"),
		p("legality", "", "legality", "legality", "legality"),
		p("legality", "", NoFrame, NoFrame, "mixed"),
		p("political", "", "economic", "economic", "economic"),
		p("political", "", "political", "political", "political"),
		p("political", "", "political", "political", "mixed"),
		p("political", "", "crime_punishment", "political", "mixed"),
	}}
	scoreFrames(&rep)
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 5e-5 {
			t.Errorf("%s = %v, want %.4f", name, got, want)
		}
	}
	if rep.N != 9 || rep.NoCues != 1 || rep.WithTheme2 != 1 || strings.Join(rep.Classes, ",") != "economic,legality,political" {
		t.Fatalf("report %+v", rep)
	}
	near("accuracy", rep.Accuracy, 5.0/9)
	near("accuracy theme1-or-2", rep.AccuracyEither, 6.0/9)
	near("macro-F1", rep.MacroF1, 11.0/18)
	near("baseline accuracy", rep.Baseline.Accuracy, 4.0/9)
	near("baseline macro-F1", rep.Baseline.MacroF1, 8.0/39)
	if rep.Baseline.Class != "political" {
		t.Errorf("baseline class %s", rep.Baseline.Class)
	}
	near("restricted accuracy", rep.Restricted.Accuracy, 6.0/9)
	near("restricted macro-F1", rep.Restricted.MacroF1, (2.0/3+0.5+6.0/7)/3)
	near("dominant coverage", rep.Dominant.Coverage, 6.0/9)
	near("dominant accuracy on covered", rep.Dominant.AccuracyCovered, 4.0/6)
	near("dominant accuracy", rep.Dominant.Accuracy, 4.0/9)
	want := map[string]ClassMetrics{
		"economic":  {Precision: 2.0 / 3, Recall: 2.0 / 3, F1: 2.0 / 3, Support: 3, Predicted: 3},
		"legality":  {Precision: 0.5, Recall: 0.5, F1: 0.5, Support: 2, Predicted: 2},
		"political": {Precision: 1, Recall: 0.5, F1: 2.0 / 3, Support: 4, Predicted: 2},
	}
	for _, m := range rep.PerClass {
		w := want[m.Class]
		near(m.Class+" precision", m.Precision, w.Precision)
		near(m.Class+" recall", m.Recall, w.Recall)
		near(m.Class+" F1", m.F1, w.F1)
		if m.Support != w.Support || m.Predicted != w.Predicted {
			t.Errorf("%s: support %d predicted %d", m.Class, m.Support, m.Predicted)
		}
	}
	if rep.Confusion["political"]["crime_punishment"] != 1 || rep.Confusion["legality"][NoFrame] != 1 || rep.Confusion["economic"]["economic"] != 2 {
		t.Errorf("confusion %v", rep.Confusion)
	}
	if rep.Predictions["economic"] != 3 || rep.Predictions["crime_punishment"] != 1 {
		t.Errorf("predictions %v", rep.Predictions)
	}
}

func TestRunFramesKnownAnswer(t *testing.T) {
	m, err := GVFCMapping()
	if err != nil {
		t.Fatal(err)
	}
	theme := map[string]string{}
	for _, tm := range m.Themes {
		theme[tm.Frame] = tm.Theme
	}
	no := false
	var items []FrameItem
	for _, l := range framedLeads {
		if th, ok := theme[l.frame]; ok {
			items = append(items, FrameItem{ID: l.frame, Title: l.title, Text: l.text, Theme1: th})
		}
	}
	items = append(items, FrameItem{ID: "off-topic", Title: "Recipe", Text: "Bake for an hour.", Relevant: &no})
	rep, err := RunFrames(frameAnalyzer(t), items, m)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != 10 || rep.SkippedIrrelevant != 1 || rep.N != 9 || rep.Accuracy != 1 || rep.MacroF1 != 1 || rep.Dominant.Coverage != 1 || rep.Dominant.AccuracyCovered != 1 {
		t.Fatalf("report %+v", rep)
	}
	if rep.Baseline.Accuracy >= rep.Accuracy {
		t.Errorf("baseline %v", rep.Baseline)
	}
	items[0].Theme1 = "Weather"
	if _, err := RunFrames(frameAnalyzer(t), items, m); err == nil || !strings.Contains(err.Error(), `theme "Weather" is not in mapping`) {
		t.Errorf("unknown theme: %v", err)
	}
}

// gvfcPath is the Gun Violence Frame Corpus leads, read at run time only.
const gvfcPath = "../../shared/eval/gvfc_multimodal_articles.jsonl"

// TestGVFC scores the policy-frame cues on the 1,300 GVFC leads. Figures
// measured with frame-cues 1.1.0 and gvfc-policy-frames 1.0.0 (before the
// 1.1.0 cue changes, with frame-cues 1.0.0, in brackets):
//
//	accuracy 0.2677 [0.1962]   theme1-or-2 0.3531 [0.2554]   macro-F1 0.2709 [0.1936]
//	restricted to the mapped frames: accuracy 0.3477 [0.2623], macro-F1 0.3299 [0.2336]
//	majority baseline (political): accuracy 0.2869, macro-F1 0.0495
//	dominant: coverage 0.5146 [0.4869], accuracy on covered 0.2930 [0.2370]
//
// The argmax does not beat the majority baseline on accuracy (crime and
// punishment, a frame no GVFC theme maps to, leads in about a third of the
// leads); it beats it on macro-F1, and restricted to the mapped frames it
// beats it on accuracy too. The floors sit just under the measured figures.
func TestGVFC(t *testing.T) {
	if _, err := os.Stat(gvfcPath); err != nil {
		t.Skipf("GVFC evaluation data not found at %s (see ../shared/eval/README.md): %v", gvfcPath, err)
	}
	items, err := ReadFrameItems(gvfcPath)
	if err != nil {
		t.Fatal(err)
	}
	m, err := GVFCMapping()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunFrames(frameAnalyzer(t), items, m)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("n %d (read %d, not relevant %d, with theme2 %d, no cues %d)", rep.N, rep.Read, rep.SkippedIrrelevant, rep.WithTheme2, rep.NoCues)
	t.Logf("argmax: accuracy %.4f, theme1-or-2 %.4f, macro-F1 %.4f", rep.Accuracy, rep.AccuracyEither, rep.MacroF1)
	t.Logf("restricted to mapped: accuracy %.4f, theme1-or-2 %.4f, macro-F1 %.4f", rep.Restricted.Accuracy, rep.Restricted.AccuracyEither, rep.Restricted.MacroF1)
	t.Logf("majority baseline (%s): accuracy %.4f, theme1-or-2 %.4f, macro-F1 %.4f", rep.Baseline.Class, rep.Baseline.Accuracy, rep.Baseline.AccuracyEither, rep.Baseline.MacroF1)
	t.Logf("dominant: coverage %.4f, accuracy on covered %.4f (theme1-or-2 %.4f), mixed as wrong %.4f, macro-F1 %.4f",
		rep.Dominant.Coverage, rep.Dominant.AccuracyCovered, rep.Dominant.EitherCovered, rep.Dominant.Accuracy, rep.Dominant.MacroF1)
	for _, c := range rep.PerClass {
		t.Logf("  %-20s P %.4f R %.4f F1 %.4f support %d predicted %d", c.Class, c.Precision, c.Recall, c.F1, c.Support, c.Predicted)
	}
	t.Logf("predictions %v", rep.Predictions)

	if rep.N != 1300 || len(rep.Classes) != 9 {
		t.Errorf("n %d, %d classes: the data changed?", rep.N, len(rep.Classes))
	}
	for name, f := range map[string]struct{ got, floor float64 }{
		"accuracy":                     {rep.Accuracy, 0.26},
		"accuracy theme1-or-2":         {rep.AccuracyEither, 0.345},
		"macro-F1":                     {rep.MacroF1, 0.26},
		"restricted accuracy":          {rep.Restricted.Accuracy, 0.34},
		"restricted macro-F1":          {rep.Restricted.MacroF1, 0.32},
		"dominant coverage":            {rep.Dominant.Coverage, 0.50},
		"dominant accuracy on covered": {rep.Dominant.AccuracyCovered, 0.285},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.4f fell below its floor %.3f", name, f.got, f.floor)
		}
	}
	// What holds: macro-F1 beats the majority baseline, and so does the
	// argmax restricted to the mapped frames. The plain argmax's accuracy
	// does not (0.2677 against 0.2869), so nothing is asserted about it.
	if rep.MacroF1 <= rep.Baseline.MacroF1 {
		t.Errorf("macro-F1 %.4f does not beat the majority baseline's %.4f", rep.MacroF1, rep.Baseline.MacroF1)
	}
	if rep.Restricted.Accuracy <= rep.Baseline.Accuracy {
		t.Errorf("restricted accuracy %.4f does not beat the majority baseline's %.4f", rep.Restricted.Accuracy, rep.Baseline.Accuracy)
	}
}
