package coverage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/slantlab/slant/evaluate"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

// LabelledSentence is one sentence of an event-grouped evaluation set (for
// example BASIL's basil_sentences.jsonl): its text, article, outlet, event
// and 0/1 label. Sentences of one article are in text order.
type LabelledSentence struct {
	// IsTitle marks the article's headline, which becomes its title.
	IsTitle bool
	ID      string
	Text    string
	Article string
	Outlet  string
	Event   string
	Label   int
}

// EvalFields name the JSON fields ReadLabelled reads.
type EvalFields struct {
	Label, Event, Article, Outlet, Text, ID, Title string
}

func (f EvalFields) withDefaults() EvalFields {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	return EvalFields{Label: def(f.Label, "label_informational"), Event: def(f.Event, "event_id"), Article: def(f.Article, "article_id"),
		Outlet: def(f.Outlet, "outlet"), Text: def(f.Text, "text"), ID: def(f.ID, "id"), Title: def(f.Title, "is_title")}
}

// ReadLabelled reads labelled sentences from JSON Lines. A malformed line,
// a missing event or article, or a label other than 0/1 is an error naming
// the file and line.
func ReadLabelled(r io.Reader, name string, f EvalFields) ([]LabelledSentence, error) {
	f = f.withDefaults()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []LabelledSentence
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		str := func(k string) string {
			switch v := rec[k].(type) {
			case string:
				return v
			case float64:
				return fmt.Sprint(v)
			}
			return ""
		}
		s := LabelledSentence{ID: str(f.ID), Text: str(f.Text), Article: str(f.Article), Outlet: str(f.Outlet), Event: str(f.Event)}
		switch v := rec[f.Label].(type) {
		case float64:
			if v != 0 && v != 1 {
				return nil, fmt.Errorf("%s:%d: %s %v is not 0 or 1", name, n, f.Label, v)
			}
			s.Label = int(v)
		case bool:
			if v {
				s.Label = 1
			}
		default:
			return nil, fmt.Errorf("%s:%d: no 0/1 field %q", name, n, f.Label)
		}
		if b, ok := rec[f.Title].(bool); ok {
			s.IsTitle = b
		}
		if s.Event == "" || s.Article == "" {
			return nil, fmt.Errorf("%s:%d: missing %q or %q", name, n, f.Event, f.Article)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ReadLabelledFile reads labelled sentences from a file.
func ReadLabelledFile(path string, f EvalFields) ([]LabelledSentence, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("coverage: %w", err)
	}
	defer fh.Close()
	return ReadLabelled(fh, path, f)
}

// ScoredSentence is a labelled sentence with its features and zero-shot
// score.
type ScoredSentence struct {
	LabelledSentence
	Score    float64
	Features map[string]float64
	// Position is the sentence's index in its article over the article's
	// sentence count (0 first).
	Position float64
	// Framing are framing's sentence features summed over the framing
	// sentences inside this one.
	Framing map[string]float64
	// Context are features of the sentence's neighbours and article (the
	// previous and next sentence's voice and unshared values, the article's
	// means): informational bias runs over consecutive sentences.
	Context map[string]float64
	stems   []string
	// function are the sentence's function words (stopWords), which
	// contentStems leaves out: pronouns, modals, negation.
	function []string
}

// ScoreLabelled rebuilds each article from its sentences (one per line),
// analyses it, groups articles by event, runs Analyze and maps the claim
// scores back to the labelled sentences (a labelled sentence takes the
// highest feature values of the claims inside it; one too short to be a
// claim scores 0).
func ScoreLabelled(an *framing.Analyzer, items []LabelledSentence, opt Options) ([]ScoredSentence, error) {
	type article struct {
		id, outlet, event string
		items             []int
		offs              []int
	}
	var arts []*article
	byID := map[string]*article{}
	for i, it := range items {
		a, ok := byID[it.Article]
		if !ok {
			a = &article{id: it.Article, outlet: it.Outlet, event: it.Event}
			byID[it.Article] = a
			arts = append(arts, a)
		}
		a.items = append(a.items, i)
	}
	var docs []Doc
	for _, a := range arts {
		var b strings.Builder
		for _, i := range a.items {
			a.offs = append(a.offs, b.Len())
			b.WriteString(strings.ReplaceAll(items[i].Text, "\n", " "))
			b.WriteString("\n")
		}
		r, err := an.AnalyzeText(b.String())
		if err != nil {
			return nil, fmt.Errorf("coverage: article %s: %w", a.id, err)
		}
		r.ID, r.Outlet = a.id, a.outlet
		for _, i := range a.items {
			if items[i].IsTitle {
				r.Title = items[i].Text
				break
			}
		}
		docs = append(docs, Doc{Result: r, Event: a.event})
	}
	rep, err := Analyze(docs, opt)
	if err != nil {
		return nil, err
	}
	out := make([]ScoredSentence, len(items))
	for i, it := range items {
		out[i] = ScoredSentence{LabelledSentence: it, Features: map[string]float64{}, Framing: map[string]float64{}, Context: map[string]float64{}}
	}
	scoresBy := map[string][]SentenceScore{}
	// carried is, per article and claim unit, the share of the event's
	// other outlets that carry the unit.
	carried := map[string]float64{}
	for _, ev := range rep.Events {
		for _, u := range ev.Units {
			if u.Kind == Claim && len(ev.Outlets) > 1 {
				carried[ev.ID+"\x00"+u.ID] = float64(len(u.Outlets)-1) / float64(len(ev.Outlets)-1)
			}
		}
		for _, s := range ev.Sentences {
			scoresBy[s.Article] = append(scoresBy[s.Article], s)
			s.Unit = ev.ID + "\x00" + s.Unit
			scoresBy[s.Article][len(scoresBy[s.Article])-1] = s
		}
	}
	for ai, a := range arts {
		r := docs[ai].Result
		for k, i := range a.items {
			start, end := a.offs[k], a.offs[k]+len(items[i].Text)
			o := &out[i]
			o.Position = float64(k) / float64(max(1, len(a.items)-1))
			o.stems = contentStems(r.Text, start, end)
			for _, t := range text.Tokenize(r.Text, start, end, nil) {
				if (t.Kind == text.Word && stopWords[t.Norm]) || t.Kind == text.Punct {
					o.function = append(o.function, t.Norm)
				}
			}
			o.Context[ctxContrast] = contrastCue(items[i].Text)
			for _, s := range scoresBy[a.id] {
				if s.Start < end && s.End > start {
					o.Context[ctxCarried] = math.Max(o.Context[ctxCarried], carried[s.Unit])
					o.Score = math.Max(o.Score, s.Score)
					for f, v := range s.Features {
						o.Features[f] = math.Max(o.Features[f], v)
					}
				}
			}
			for _, sr := range r.Sentences {
				if sr.Start < end && sr.End > start {
					for f, v := range sr.Features {
						o.Framing[f] += v
					}
				}
			}
		}
	}
	for _, a := range arts {
		bags := make([]map[string]bool, len(a.items))
		all := map[string]int{}
		for k, i := range a.items {
			bags[k] = map[string]bool{}
			for _, t := range out[i].stems {
				if !bags[k][t] {
					bags[k][t] = true
					all[t]++
				}
			}
		}
		for k, i := range a.items {
			c := out[i].Context
			if k > 0 {
				c[ctxSimPrev] = bagCosine(bags[k], bags[k-1])
			}
			if k+1 < len(a.items) {
				c[ctxSimNext] = bagCosine(bags[k], bags[k+1])
			}
			c[ctxSimArticle] = restCosine(bags[k], all)
			c[ctxLogIndex] = math.Log1p(float64(k))
			c[ctxLogSentences] = math.Log(float64(len(a.items)))
		}
		var mean = map[string]float64{}
		for _, i := range a.items {
			for _, f := range contextFeatures {
				mean[f] += out[i].Features[f]
			}
		}
		for k, i := range a.items {
			c := out[i].Context
			for _, f := range contextFeatures {
				if k > 0 {
					c["prev_"+f] = out[a.items[k-1]].Features[f]
				}
				if k+1 < len(a.items) {
					c["next_"+f] = out[a.items[k+1]].Features[f]
				}
				c["article_"+f] = round4(mean[f] / float64(len(a.items)))
			}
		}
	}
	return out, nil
}

// contextFeatures are the features copied from neighbours and averaged
// over the article into ScoredSentence.Context.
var contextFeatures = []string{FeatVoice, FeatUnshared, FeatSpeculation, FeatCharacterisation, FeatPartisan, FeatBackground, FeatTangential}

// Sentence-in-article inputs of the trained model, kept in
// ScoredSentence.Context.
const (
	// ctxContrast is 1 when the sentence turns against what came before
	// (contrastCues): where an outlet adds the other side, or its own.
	ctxContrast = "contrast"
	// ctxCarried is the share of the event's other outlets that carry the
	// sentence's claim unit (0 when nobody else does).
	ctxCarried = "carried"
	// ctxSimPrev and ctxSimNext are the cosines of the sentence's content
	// stems with the previous and next sentence's: a sentence that breaks
	// the thread of its neighbours is a digression.
	ctxSimPrev = "sim_prev"
	ctxSimNext = "sim_next"
	// ctxSimArticle is the cosine of the sentence's stems with the rest of
	// its article's: how central it is to its own story.
	ctxSimArticle = "sim_article"
	// ctxLogIndex is log(1 + the sentence's index), ctxLogSentences the log
	// of the article's sentence count: position in absolute terms.
	ctxLogIndex     = "log_index"
	ctxLogSentences = "log_sentences"
)

// sentenceContext lists the sentence-in-article inputs in a fixed order.
var sentenceContext = []string{ctxContrast, ctxCarried, ctxSimPrev, ctxSimNext, ctxSimArticle, ctxLogIndex, ctxLogSentences}

// contrastCues are connectives of concession and contrast (any English
// grammar's list of contrastive conjunctions and adverbs).
var contrastCues = []string{"but", "however", "although", "though", "despite", "yet", "whereas", "nevertheless", "nonetheless", "instead", "still"}

// contrastCue is 1 when the sentence has a contrast connective.
func contrastCue(s string) float64 {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, c := range contrastCues {
			if w == c {
				return 1
			}
		}
	}
	return 0
}

// bagCosine is the cosine of two sets of stems.
func bagCosine(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return round4(float64(n) / math.Sqrt(float64(len(a))*float64(len(b))))
}

// restCosine is the cosine of a sentence's stem set with its article's
// stem counts less the sentence's own.
func restCosine(a map[string]bool, all map[string]int) float64 {
	var dot, na, nb float64
	keys := make([]string, 0, len(all))
	for t := range all {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	for _, t := range keys {
		c := float64(all[t])
		if a[t] {
			c--
			na++
			dot += c
		}
		nb += c * c
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return round4(dot / math.Sqrt(na*nb))
}

// EvalReport is the informational-bias score's evaluation.
type EvalReport struct {
	Sentences int `json:"sentences"`
	Positives int `json:"positives"`
	Events    int `json:"events"`
	// ZeroShotAUC is the ROC-AUC of the zero-shot score (ZeroShotWeights,
	// never fitted).
	ZeroShotAUC float64 `json:"zero_shot_auc"`
	// FeatureAUC is each feature's own ROC-AUC.
	FeatureAUC map[string]float64 `json:"feature_auc"`
	// CV is the trained model's event-grouped cross-validation, when run.
	CV *CVReport `json:"cv,omitempty"`
}

// CVReport is an event-grouped cross-validation of a logistic regression.
type CVReport struct {
	Folds  int     `json:"folds"`
	Lambda float64 `json:"lambda"`
	// Inputs says what the model sees.
	Inputs string `json:"inputs"`
	// AUC is the ROC-AUC of the pooled out-of-fold predictions; FoldAUC
	// each fold's own.
	AUC     float64   `json:"auc"`
	FoldAUC []float64 `json:"fold_auc"`
}

// Evaluate computes the zero-shot and per-feature ROC-AUCs of scored
// sentences.
func Evaluate(sc []ScoredSentence) EvalReport {
	rep := EvalReport{Sentences: len(sc), FeatureAUC: map[string]float64{}}
	labels := make([]int, len(sc))
	scores := make([]float64, len(sc))
	events := map[string]bool{}
	for i, s := range sc {
		labels[i] = s.Label
		rep.Positives += s.Label
		scores[i] = s.Score
		events[s.Event] = true
	}
	rep.Events = len(events)
	rep.ZeroShotAUC = round4(evaluate.AUC(scores, labels))
	for _, f := range Features {
		x := make([]float64, len(sc))
		for i, s := range sc {
			x[i] = s.Features[f]
		}
		rep.FeatureAUC[f] = round4(evaluate.AUC(x, labels))
	}
	return rep
}

// TrainOptions configure the trained model.
type TrainOptions struct {
	Folds  int     // default 5
	Lambda float64 // L2 penalty; default 1e-3
	// Words adds hashed content stems, stem bigrams, function words and
	// punctuation to the coverage features.
	Words bool
}

// wordScale is the length of a sentence's hashed word vector, against
// standardised dense features.
const wordScale = 3.0

// hashDims is the number of hashed bag-of-stems dimensions.
const hashDims = 1 << 14

// CrossValidate fits a logistic regression on the coverage features (and,
// with Words, hashed stems) and returns its event-grouped k-fold
// cross-validated ROC-AUC: all sentences of an event fall in the same fold,
// so no event is ever scored by a model that saw it. Events are assigned to
// folds round-robin in sorted order of an FNV hash of their key
// (deterministic, independent of input order).
func CrossValidate(sc []ScoredSentence, opt TrainOptions) (CVReport, error) {
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	if opt.Lambda <= 0 {
		opt.Lambda = 1e-3
	}
	dense := denseNames(sc)
	rows := make([]sparseRow, len(sc))
	for i, s := range sc {
		rows[i] = featureRow(s, dense, opt.Words)
	}
	standardize(rows, len(dense))
	// Event → fold.
	var evs []string
	seen := map[string]bool{}
	for _, s := range sc {
		if !seen[s.Event] {
			seen[s.Event] = true
			evs = append(evs, s.Event)
		}
	}
	sort.Slice(evs, func(a, b int) bool {
		ha, hb := fnvHash(evs[a]), fnvHash(evs[b])
		if ha != hb {
			return ha < hb
		}
		return evs[a] < evs[b]
	})
	if len(evs) < opt.Folds {
		return CVReport{}, fmt.Errorf("coverage: %d events, fewer than %d folds", len(evs), opt.Folds)
	}
	fold := map[string]int{}
	for i, e := range evs {
		fold[e] = i % opt.Folds
	}
	dim := len(dense)
	if opt.Words {
		dim += hashDims
	}
	pred := make([]float64, len(sc))
	labels := make([]int, len(sc))
	rep := CVReport{Folds: opt.Folds, Lambda: opt.Lambda, Inputs: "coverage and framing sentence features, position, neighbours' and article means"}
	if opt.Words {
		rep.Inputs += ", hashed stems, stem bigrams, function words and punctuation"
	}
	for i, s := range sc {
		labels[i] = s.Label
	}
	for k := 0; k < opt.Folds; k++ {
		var tr []int
		var te []int
		for i, s := range sc {
			if fold[s.Event] == k {
				te = append(te, i)
			} else {
				tr = append(tr, i)
			}
		}
		m, err := fitSparseLogistic(rows, labels, tr, dim, opt.Lambda)
		if err != nil {
			return CVReport{}, err
		}
		ts, tl := make([]float64, len(te)), make([]int, len(te))
		for j, i := range te {
			pred[i] = m.predict(rows[i])
			ts[j], tl[j] = pred[i], labels[i]
		}
		rep.FoldAUC = append(rep.FoldAUC, round4(evaluate.AUC(ts, tl)))
	}
	rep.AUC = round4(evaluate.AUC(pred, labels))
	return rep, nil
}

func fnvHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// denseNames are the dense inputs: the coverage features, position, and
// every framing sentence feature seen, sorted.
func denseNames(sc []ScoredSentence) []string {
	names := append([]string{}, Features...)
	names = append(names, "position", "first", "log_stems")
	fr := map[string]bool{}
	for _, s := range sc {
		for f := range s.Framing {
			fr[f] = true
		}
	}
	var extra []string
	for f := range fr {
		extra = append(extra, "framing."+f)
	}
	for _, f := range contextFeatures {
		for _, p := range []string{"prev_", "next_", "article_"} {
			extra = append(extra, "context."+p+f)
		}
	}
	for _, f := range sentenceContext {
		extra = append(extra, "context."+f)
	}

	sort.Strings(extra)
	return append(names, extra...)
}

type sparseRow struct {
	idx []int
	val []float64
}

func featureRow(s ScoredSentence, dense []string, words bool) sparseRow {
	var r sparseRow
	for j, name := range dense {
		var v float64
		switch {
		case name == "position":
			v = s.Position
		case name == "first":
			if s.Position == 0 {
				v = 1
			}
		case name == "log_stems":
			v = math.Log1p(float64(len(s.stems)))
		case strings.HasPrefix(name, "framing."):
			v = s.Framing[strings.TrimPrefix(name, "framing.")]
		case strings.HasPrefix(name, "context."):
			v = s.Context[strings.TrimPrefix(name, "context.")]
		default:
			v = s.Features[name]
		}
		r.idx = append(r.idx, j)
		r.val = append(r.val, v)
	}
	if words {
		counts := map[int]float64{}
		for _, t := range s.function {
			counts[len(dense)+int(fnvHash("fw:"+t)%hashDims)] = 1
		}
		for i, t := range s.stems {
			counts[len(dense)+int(fnvHash(t)%hashDims)] = 1
			if i > 0 {
				counts[len(dense)+int(fnvHash(s.stems[i-1]+" "+t)%hashDims)] = 1
			}
		}
		keys := make([]int, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		// Unit length times wordScale: long sentences do not outweigh the
		// dense features by their number of words.
		norm := wordScale / math.Sqrt(math.Max(1, float64(len(keys))))
		for _, k := range keys {
			r.idx = append(r.idx, k)
			r.val = append(r.val, counts[k]*norm)
		}
	}
	return r
}

// standardize scales the first nDense columns to zero mean and unit
// variance (over all rows: it uses no labels).
func standardize(rows []sparseRow, nDense int) {
	for j := 0; j < nDense; j++ {
		var s, ss float64
		for _, r := range rows {
			s += r.val[j]
		}
		mean := s / float64(len(rows))
		for _, r := range rows {
			d := r.val[j] - mean
			ss += d * d
		}
		sd := math.Sqrt(ss / float64(len(rows)))
		for _, r := range rows {
			if sd > 0 {
				r.val[j] = (r.val[j] - mean) / sd
			} else {
				r.val[j] = 0
			}
		}
	}
}
