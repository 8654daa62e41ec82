package evaluate

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
	"go.yaml.in/yaml/v3"
)

// Frame-level validation: articles labelled with issue-specific frame themes
// (the Gun Violence Frame Corpus schema: title, text, frame_theme1,
// frame_theme2, relevant) are mapped onto the Policy Frames Codebook
// dimensions Slant cues (frame.policy.* in lexicon/data/frames.yaml), and the
// analyzer's policy-frame prediction is scored against them.

// PolicyFrames are the fifteen Policy Frames Codebook dimensions (Boydstun et
// al. 2014), by the suffixes of the frame.policy.* lexicon categories.
var PolicyFrames = []string{
	"economic", "capacity_resources", "morality", "fairness_equality", "legality",
	"policy_prescription", "crime_punishment", "security_defense", "health_safety",
	"quality_of_life", "cultural_identity", "public_opinion", "political",
	"external_regulation", "other",
}

// NoFrame is the prediction for an article with no policy-frame cues, or
// whose leading frame is the codebook's residual "other".
const NoFrame = "none"

// FrameItem is one article labelled with frame themes.
type FrameItem struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Theme1 string `json:"frame_theme1"`
	Theme2 string `json:"frame_theme2"`
	// Label is the primary theme under another name; it stands in for
	// frame_theme1 when that is absent.
	Label string `json:"label"`
	// Relevant is false for an article the annotators judged not to be
	// about the issue (it then has no frame). A missing flag means true.
	Relevant *bool `json:"relevant"`
}

// IsRelevant reports whether the item is about the issue.
func (it FrameItem) IsRelevant() bool { return it.Relevant == nil || *it.Relevant }

// ReadFrameItems reads frame-labelled articles from a JSON Lines file. A
// malformed line, a line with neither title nor text, or a relevant item
// without a primary theme is an error naming the file and line. Other fields
// (outlet, url, ...) are ignored.
func ReadFrameItems(path string) ([]FrameItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	return ReadFrameItemsFrom(f, path)
}

// ReadFrameItemsFrom reads frame-labelled articles; name labels errors.
func ReadFrameItemsFrom(r io.Reader, name string) ([]FrameItem, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var items []FrameItem
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it FrameItem
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		it.Theme1, it.Theme2 = strings.TrimSpace(it.Theme1), strings.TrimSpace(it.Theme2)
		if it.Theme1 == "" {
			it.Theme1 = strings.TrimSpace(it.Label)
		}
		if strings.TrimSpace(it.Title) == "" && strings.TrimSpace(it.Text) == "" {
			return nil, fmt.Errorf("%s:%d: item %q has neither title nor text", name, n, it.ID)
		}
		if it.IsRelevant() && it.Theme1 == "" {
			return nil, fmt.Errorf("%s:%d: item %q has no frame_theme1 (nor label)", name, n, it.ID)
		}
		if it.ID == "" {
			it.ID = fmt.Sprintf("%s:%d", name, n)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(items) == 0 {
		return nil, errors.New(name + ": no labelled items")
	}
	return items, nil
}

// FrameMapping maps issue-specific frame themes onto Policy Frames Codebook
// dimensions. Its YAML form is evaluate/gvfc_policy_frames.yaml.
type FrameMapping struct {
	Name        string             `yaml:"name"`
	Version     string             `yaml:"version"`
	Description string             `yaml:"description"`
	References  []MappingReference `yaml:"references"`
	Themes      []ThemeMapping     `yaml:"themes"`
}

// MappingReference is a work the mapping draws on.
type MappingReference struct {
	ID       string `yaml:"id"`
	Citation string `yaml:"citation"`
	URL      string `yaml:"url"`
}

// ThemeMapping maps one theme to one codebook dimension, with the reason.
type ThemeMapping struct {
	Theme         string   `yaml:"theme"`
	Frame         string   `yaml:"frame"`
	Justification string   `yaml:"justification"`
	Alternative   string   `yaml:"alternative"`
	References    []string `yaml:"references"`
}

//go:embed gvfc_policy_frames.yaml
var gvfcMappingYAML []byte

// GVFCMapping returns the embedded mapping from the Gun Violence Frame
// Corpus themes (Liu et al. 2019) to Policy Frames Codebook dimensions.
func GVFCMapping() (*FrameMapping, error) {
	return ParseFrameMapping(gvfcMappingYAML, "gvfc_policy_frames.yaml")
}

// LoadFrameMapping reads a mapping from a YAML file.
func LoadFrameMapping(path string) (*FrameMapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	return ParseFrameMapping(data, path)
}

// ParseFrameMapping decodes and checks a mapping: unknown fields, unknown
// codebook dimensions, duplicate themes, missing justifications and
// undeclared references are errors naming the source.
func ParseFrameMapping(data []byte, name string) (*FrameMapping, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var m FrameMapping
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", name, err)
	}
	known := map[string]bool{}
	for _, f := range PolicyFrames {
		known[f] = true
	}
	refs := map[string]bool{}
	for _, r := range m.References {
		if r.ID == "" || r.Citation == "" {
			return nil, fmt.Errorf("evaluate: %s: a reference needs an id and a citation", name)
		}
		refs[r.ID] = true
	}
	if m.Name == "" || len(m.Themes) == 0 {
		return nil, fmt.Errorf("evaluate: %s: a mapping needs a name and at least one theme", name)
	}
	seen := map[string]bool{}
	for _, t := range m.Themes {
		key := themeKey(t.Theme)
		switch {
		case key == "":
			return nil, fmt.Errorf("evaluate: %s: a theme has no name", name)
		case seen[key]:
			return nil, fmt.Errorf("evaluate: %s: theme %q is mapped twice", name, t.Theme)
		case !known[t.Frame] || t.Frame == "other":
			return nil, fmt.Errorf("evaluate: %s: theme %q: %q is not a Policy Frames Codebook dimension (want one of %v, not other)", name, t.Theme, t.Frame, PolicyFrames[:len(PolicyFrames)-1])
		case strings.TrimSpace(t.Justification) == "":
			return nil, fmt.Errorf("evaluate: %s: theme %q has no justification", name, t.Theme)
		}
		for _, r := range t.References {
			if !refs[r] {
				return nil, fmt.Errorf("evaluate: %s: theme %q cites unknown reference %q", name, t.Theme, r)
			}
		}
		seen[key] = true
	}
	return &m, nil
}

func themeKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// goldFrames maps an item's first and (when coded) second theme to
// frames, with an error naming the item for a theme the mapping lacks.
func (m *FrameMapping) goldFrames(it FrameItem) (gold, gold2 string, err error) {
	gold, ok := m.FrameFor(it.Theme1)
	if !ok {
		return "", "", fmt.Errorf("evaluate: item %s: theme %q is not in mapping %s", it.ID, it.Theme1, m.Name)
	}
	if it.Theme2 != "" {
		if gold2, ok = m.FrameFor(it.Theme2); !ok {
			return "", "", fmt.Errorf("evaluate: item %s: theme %q is not in mapping %s", it.ID, it.Theme2, m.Name)
		}
	}
	return gold, gold2, nil
}

// FrameFor returns the codebook dimension a theme maps to (case and spacing
// are ignored).
func (m *FrameMapping) FrameFor(theme string) (string, bool) {
	k := themeKey(theme)
	for _, t := range m.Themes {
		if themeKey(t.Theme) == k {
			return t.Frame, true
		}
	}
	return "", false
}

// FramePrediction is one article's gold frames and the analyzer's answers.
type FramePrediction struct {
	ID    string `json:"id"`
	Gold  string `json:"gold"`            // mapped frame_theme1
	Gold2 string `json:"gold2,omitempty"` // mapped frame_theme2
	// Predicted is the highest-share policy frame (NoFrame when there are
	// no cues or the leader is "other").
	Predicted string `json:"predicted"`
	// Restricted is the highest-share frame among those the mapping uses
	// (NoFrame when none of them is cued).
	Restricted string `json:"restricted"`
	// Dominant is the analyzer's Dominant policy frame ("mixed" when the
	// evidence does not single one out; NoFrame for "other").
	Dominant string `json:"dominant"`
	Cues     int    `json:"cues"`
}

// ClassMetrics are one class's precision, recall and F1.
type ClassMetrics struct {
	Class     string  `json:"class"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
}

// BaselineReport is the majority-class baseline: always predict the most
// frequent gold class.
type BaselineReport struct {
	Class          string  `json:"class"`
	Accuracy       float64 `json:"accuracy"`
	AccuracyEither float64 `json:"accuracy_theme1_or_2"`
	MacroF1        float64 `json:"macro_f1"`
}

// RestrictedReport scores the argmax taken over the mapping's frames only:
// frames no theme maps to (crime and punishment in gun-violence news, for
// one) are set aside, as a zero-shot classifier choosing among the dataset's
// labels would. It measures whether the cues rank the candidate frames
// right, apart from how much off-scheme framing the articles carry.
type RestrictedReport struct {
	Accuracy       float64 `json:"accuracy"`
	AccuracyEither float64 `json:"accuracy_theme1_or_2"`
	MacroF1        float64 `json:"macro_f1"`
}

// DominantReport scores the stricter Dominant frame: "mixed" is an
// abstention (wrong in Accuracy and MacroF1, left out of AccuracyCovered).
type DominantReport struct {
	Covered         int     `json:"covered"`
	Coverage        float64 `json:"coverage"`
	AccuracyCovered float64 `json:"accuracy_covered"`
	EitherCovered   float64 `json:"accuracy_theme1_or_2_covered"`
	Accuracy        float64 `json:"accuracy"`
	MacroF1         float64 `json:"macro_f1"`
}

// FrameReport is the outcome of RunFrames. JSON keys are the ones slant
// eval-frames prints.
type FrameReport struct {
	Dataset string `json:"dataset"`
	Mapping string `json:"mapping"`
	// Read counts the items given; SkippedIrrelevant those with
	// relevant=false (they carry no frame, so they cannot be scored); N
	// the items scored.
	Read              int `json:"read"`
	SkippedIrrelevant int `json:"skipped_irrelevant"`
	N                 int `json:"n"`
	// WithTheme2 counts scored items with a second theme.
	WithTheme2 int `json:"with_theme2"`
	// Classes are the gold classes (mapped frame_theme1 values present).
	Classes []string `json:"classes"`
	// Accuracy: prediction equals the mapped frame_theme1; AccuracyEither:
	// it equals the mapped frame_theme1 or frame_theme2.
	Accuracy       float64 `json:"accuracy"`
	AccuracyEither float64 `json:"accuracy_theme1_or_2"`
	// MacroF1 averages F1 over Classes; predictions outside them (frames no
	// theme maps to, NoFrame) count as misses of the gold class.
	MacroF1    float64          `json:"macro_f1"`
	NoCues     int              `json:"no_cues"`
	Baseline   BaselineReport   `json:"majority_baseline"`
	Restricted RestrictedReport `json:"restricted_to_mapped"`
	Dominant   DominantReport   `json:"dominant"`
	PerClass   []ClassMetrics   `json:"per_class"`
	// Predictions counts every predicted label, including frames outside
	// Classes and NoFrame.
	Predictions map[string]int `json:"predictions"`
	// Confusion[gold][predicted] counts items (encoding/json sorts the
	// keys, so the output is deterministic).
	Confusion map[string]map[string]int `json:"confusion"`
	// Items are the per-article answers, in input order.
	Items []FramePrediction `json:"-"`
}

// PolicyFrameFamily analyses one article (the title, a newline, then the
// text, with AnalyzeText) and returns its policy-frame family.
func PolicyFrameFamily(an *framing.Analyzer, title, body string) (framing.FrameFamily, error) {
	s := strings.TrimSpace(title)
	if b := strings.TrimSpace(body); b != "" {
		if s != "" {
			s += "\n"
		}
		s += b
	}
	r, err := an.AnalyzeText(s)
	if err != nil {
		return framing.FrameFamily{}, err
	}
	return r.Frames.Policy, nil
}

// ArgmaxFrame returns the frame with the highest share (ties: the first by
// name, as framing ranks them), or NoFrame when there are no cues or the
// leader is the residual "other". A non-nil among limits the choice to
// those frames.
func ArgmaxFrame(shares map[string]float64, among map[string]bool) string {
	best, bestV := NoFrame, 0.0
	for k, v := range shares {
		if among != nil && !among[k] {
			continue
		}
		if v > bestV || v == bestV && best != NoFrame && k < best {
			best, bestV = k, v
		}
	}
	if best == "other" {
		return NoFrame
	}
	return best
}

// RunFrames analyses every relevant item and scores the policy-frame
// predictions against the mapped themes. Items with relevant=false are
// skipped (counted in SkippedIrrelevant); a theme the mapping does not know
// is an error naming the item.
func RunFrames(an *framing.Analyzer, items []FrameItem, mapping *FrameMapping) (FrameReport, error) {
	if mapping == nil {
		return FrameReport{}, errors.New("evaluate: no frame mapping")
	}
	rep := FrameReport{Mapping: mapping.Name + "@" + mapping.Version, Read: len(items)}
	mapped := map[string]bool{}
	for _, t := range mapping.Themes {
		mapped[t.Frame] = true
	}
	for _, it := range items {
		if !it.IsRelevant() {
			rep.SkippedIrrelevant++
			continue
		}
		gold, gold2, err := mapping.goldFrames(it)
		if err != nil {
			return FrameReport{}, err
		}
		fam, err := PolicyFrameFamily(an, it.Title, it.Text)
		if err != nil {
			return FrameReport{}, fmt.Errorf("evaluate: item %s: %w", it.ID, err)
		}
		dom := fam.Dominant
		if dom == "other" {
			dom = NoFrame
		}
		rep.Items = append(rep.Items, FramePrediction{ID: it.ID, Gold: gold, Gold2: gold2,
			Predicted: ArgmaxFrame(fam.Shares, nil), Restricted: ArgmaxFrame(fam.Shares, mapped),
			Dominant: dom, Cues: fam.Cues})
	}
	if len(rep.Items) == 0 {
		return FrameReport{}, errors.New("evaluate: no relevant items to score")
	}
	scoreFrames(&rep)
	return rep, nil
}

// scoreFrames fills the report's figures from rep.Items.
func scoreFrames(rep *FrameReport) {
	items := rep.Items
	rep.N = len(items)
	n := float64(rep.N)
	support := map[string]int{}
	for _, p := range items {
		support[p.Gold]++
		if p.Gold2 != "" {
			rep.WithTheme2++
		}
	}
	rep.Classes = sortedKeys(support)

	// Argmax prediction.
	preds := make([]string, len(items))
	for i, p := range items {
		preds[i] = p.Predicted
		if p.Predicted == NoFrame {
			rep.NoCues++
		}
	}
	rep.Accuracy, rep.AccuracyEither = accuracies(items, preds, nil)
	rep.PerClass, rep.MacroF1 = classMetrics(items, preds, rep.Classes)
	rep.Predictions = map[string]int{}
	rep.Confusion = map[string]map[string]int{}
	for i, p := range items {
		rep.Predictions[preds[i]]++
		if rep.Confusion[p.Gold] == nil {
			rep.Confusion[p.Gold] = map[string]int{}
		}
		rep.Confusion[p.Gold][preds[i]]++
	}

	// Argmax over the mapping's frames only.
	restricted := make([]string, len(items))
	for i, p := range items {
		restricted[i] = p.Restricted
	}
	rep.Restricted.Accuracy, rep.Restricted.AccuracyEither = accuracies(items, restricted, nil)
	_, rep.Restricted.MacroF1 = classMetrics(items, restricted, rep.Classes)

	// Majority-class baseline (ties: the first class by name).
	maj := rep.Classes[0]
	for _, c := range rep.Classes {
		if support[c] > support[maj] {
			maj = c
		}
	}
	base := make([]string, len(items))
	for i := range base {
		base[i] = maj
	}
	rep.Baseline.Class = maj
	rep.Baseline.Accuracy, rep.Baseline.AccuracyEither = accuracies(items, base, nil)
	_, rep.Baseline.MacroF1 = classMetrics(items, base, rep.Classes)

	// Dominant: mixed is an abstention.
	dom := make([]string, len(items))
	covered := make([]bool, len(items))
	for i, p := range items {
		dom[i] = p.Dominant
		if p.Dominant != "mixed" && p.Dominant != NoFrame {
			covered[i] = true
			rep.Dominant.Covered++
		}
	}
	rep.Dominant.Coverage = round4(float64(rep.Dominant.Covered) / n)
	rep.Dominant.Accuracy, _ = accuracies(items, dom, nil)
	rep.Dominant.AccuracyCovered, rep.Dominant.EitherCovered = accuracies(items, dom, covered)
	_, rep.Dominant.MacroF1 = classMetrics(items, dom, rep.Classes)
}

// accuracies returns the share of items (those with keep[i], or all when
// keep is nil) whose prediction equals the gold frame, and equals the gold
// or the second gold frame. It returns zeros when no item is kept.
func accuracies(items []FramePrediction, preds []string, keep []bool) (float64, float64) {
	var n, right, either float64
	for i, p := range items {
		if keep != nil && !keep[i] {
			continue
		}
		n++
		if preds[i] == p.Gold {
			right++
			either++
		} else if p.Gold2 != "" && preds[i] == p.Gold2 {
			either++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return round4(right / n), round4(either / n)
}

// classMetrics returns per-class precision, recall and F1 over classes and
// their unweighted mean F1 (macro-F1). A prediction outside classes is a
// miss of its item's gold class and a false positive of no class.
func classMetrics(items []FramePrediction, preds []string, classes []string) ([]ClassMetrics, float64) {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for i, p := range items {
		if preds[i] == p.Gold {
			tp[p.Gold]++
			continue
		}
		fn[p.Gold]++
		fp[preds[i]]++
	}
	out := make([]ClassMetrics, 0, len(classes))
	sum := 0.0
	for _, c := range classes {
		m := ClassMetrics{Class: c, Support: tp[c] + fn[c], Predicted: tp[c] + fp[c]}
		if m.Predicted > 0 {
			m.Precision = float64(tp[c]) / float64(m.Predicted)
		}
		if m.Support > 0 {
			m.Recall = float64(tp[c]) / float64(m.Support)
		}
		if tp[c] > 0 {
			m.F1 = 2 * float64(tp[c]) / float64(2*tp[c]+fp[c]+fn[c])
		}
		sum += m.F1
		m.Precision, m.Recall, m.F1 = round4(m.Precision), round4(m.Recall), round4(m.F1)
		out = append(out, m)
	}
	if len(classes) == 0 {
		return out, 0
	}
	return out, round4(sum / float64(len(classes)))
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
