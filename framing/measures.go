package framing

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/slantlab/slant/text"
)

// Article measure names: the keys of Result.Measures and of a profile's
// Articles. Use them (or Result.Measure, which rejects unknown names)
// rather than string literals, so that a typo fails to compile.
const (
	MeasureWords                       = "words"
	MeasureSentences                   = "sentences"
	MeasureLoadedRate                  = "loaded_rate"
	MeasureLoadedCount                 = "loaded_count"
	MeasureLoadedQuotedCount           = "loaded_quoted_count"
	MeasureLoadedNegatedCount          = "loaded_negated_count"
	MeasureIntensifierRate             = "intensifier_rate"
	MeasureHedgeRate                   = "hedge_rate"
	MeasureBoosterRate                 = "booster_rate"
	MeasureHedgeBoosterBalance         = "hedge_booster_balance"
	MeasureFactiveRate                 = "factive_rate"
	MeasureAssertiveRate               = "assertive_rate"
	MeasureQuoteShare                  = "quote_share"
	MeasureAttributedSentenceShare     = "attributed_sentence_share"
	MeasureNamedSources                = "named_sources"
	MeasureAnonymousSources            = "anonymous_sources"
	MeasureVagueSources                = "vague_sources"
	MeasureAnonymousCues               = "anonymous_cues"
	MeasureNeutralVerbs                = "neutral_verbs"
	MeasureLoadedVerbs                 = "loaded_verbs"
	MeasureLoadedVerbShare             = "loaded_verb_share"
	MeasureUnattributedEvaluativeShare = "unattributed_evaluative_share"
	MeasureStanceAdverbRate            = "stance_adverb_rate"
	MeasurePresuppositionRate          = "presupposition_rate"
	MeasureInsinuationRate             = "insinuation_rate"
	MeasureObligationModalRate         = "obligation_modal_rate"
	MeasureFirstPersonRate             = "first_person_rate"
	MeasureDoubtMarkerRate             = "doubt_marker_rate"
	MeasureRhetoricalQuestions         = "rhetorical_questions"
	MeasureExclamations                = "exclamations"
	MeasureScareQuotes                 = "scare_quotes"
	MeasureEditorialMarkerCount        = "editorial_marker_count"
	MeasureEditorialMarkerRate         = "editorial_marker_rate"
	MeasureContestedTerms              = "contested_terms"
	MeasureSentenceScoreMean           = "sentence_score_mean"
	MeasureSentenceScoreMax            = "sentence_score_max"
	MeasureWordsPerSentence            = "words_per_sentence"
	MeasureFKGrade                     = "fk_grade"
	MeasureAdjectiveDensity            = "adjective_density"
	MeasureAdverbDensity               = "adverb_density"
	MeasurePassiveShare                = "passive_share"
	MeasureEditorializingIndex         = "editorializing_index"

	// ContestedPrefix starts the per-side contested measures
	// ("contested.ukrainian").
	ContestedPrefix = "contested."
)

// Measure units.
const (
	UnitCount = "count"
	UnitPer1k = "per_1k_words"
	UnitShare = "share" // 0..1 (the hedge–booster balance: −1..1)
	UnitScore = "score" // 0..1
)

// MeasureDef defines one per-article measure: its name, unit, formula and
// the function that computes it, together.
type MeasureDef struct {
	Name string
	// Unit is "count", "per_1k_words", "share" (0..1) or "score" (0..1).
	Unit string
	// Formula defines the measure; the README and the report's methods
	// section print it.
	Formula string
	// Headline measures are the few the summaries (CLI text, report profile
	// table, article headers) show, in Headline order.
	Headline bool
	// Min and Max bound the values the measure can take (a confidence
	// interval of its mean is clipped to them).
	Min, Max float64
	evidence func(Evidence) bool
	compute  func(t *tally) float64
}

// tally holds what an article's measures are computed from, gathered in
// one pass over its evidence, sentences, quotes and attributions.
type tally struct {
	W, S float64
	// count and weight sum the evidence each construct counts (its voice
	// rule, negated evidence excluded); other counts the rest of the
	// non-negated evidence, negated the negated.
	count, weight, other, negated map[string]float64
	quotedWords                   float64
	named, anonymous              float64
	attributed, unattribEval      float64
	rhetorical, exclamations      float64
	scare                         float64
	scoreSum, scoreMax            float64
	contested                     float64
	style                         styleCounts
	m                             map[string]float64 // measures computed so far (table order)
}

func (t *tally) per1k(x float64) float64 {
	if t.W == 0 {
		return 0
	}
	return 1000 * x / t.W
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// rate is the per-1,000-words rate of a construct's counted evidence.
func rate(c string) func(*tally) float64 {
	return func(t *tally) float64 { return t.per1k(t.count[c]) }
}

// counts is the number of a construct's counted evidence.
func counts(c string) func(*tally) float64 {
	return func(t *tally) float64 { return t.count[c] }
}

// counted selects the evidence a construct's measures count (its voice
// rule, not negated).
func counted(c string) func(Evidence) bool {
	def, _ := ConstructInfo(c)
	return func(e Evidence) bool { return e.Construct == c && def.Counts(e) }
}

// style computes a style measure from the style counts: 0 without words or
// sentences.
func style(f func(st styleCounts, W, S float64) float64) func(*tally) float64 {
	return func(t *tally) float64 {
		W := float64(t.style.words)
		if t.S == 0 || W == 0 {
			return 0
		}
		return f(t.style, W, t.S)
	}
}

// editorialConstructs are the constructs an editorial_marker_rate counts.
var editorialConstructs = []string{ConstructStanceAdverb, ConstructPresupposition, ConstructInsinuation, ConstructObligationModal, ConstructFirstPerson}

var inf = math.Inf(1)

// Measures lists every article measure in report order. A measure is
// computed after those above it, so a compute function may read them
// (t.m).
var Measures = []MeasureDef{
	{Name: MeasureWords, Unit: UnitCount, Max: inf, Formula: "W = word and number tokens in the title and body (furniture excluded)",
		compute: func(t *tally) float64 { return t.W }},
	{Name: MeasureSentences, Unit: UnitCount, Max: inf, Formula: "S = sentences in the title and body",
		compute: func(t *tally) float64 { return t.S }},
	{Name: MeasureLoadedRate, Unit: UnitPer1k, Max: inf, Headline: true, Formula: "1000 · Σ w(e) / W over loaded-language evidence e in the reporter's voice; w is the entry weight (×1.5 after an intensifier, 0 when negated)",
		evidence: counted(ConstructLoaded), compute: func(t *tally) float64 { return t.per1k(t.weight[ConstructLoaded]) }},
	{Name: MeasureLoadedCount, Unit: UnitCount, Max: inf, Formula: "number of non-negated loaded-language hits in the reporter's voice",
		evidence: counted(ConstructLoaded), compute: counts(ConstructLoaded)},
	{Name: MeasureLoadedQuotedCount, Unit: UnitCount, Max: inf, Formula: "number of loaded-language hits inside direct quotes or reported speech (the speaker's words, not the outlet's)",
		evidence: func(e Evidence) bool { return e.Construct == ConstructLoaded && e.Voice != Reporter },
		compute:  func(t *tally) float64 { return t.other[ConstructLoaded] }},
	{Name: MeasureLoadedNegatedCount, Unit: UnitCount, Max: inf, Formula: "number of loaded-language hits under negation (\"not a genocide\"), which add no weight",
		evidence: func(e Evidence) bool { return e.Construct == ConstructLoaded && e.Negated },
		compute:  func(t *tally) float64 { return t.negated[ConstructLoaded] }},
	{Name: MeasureIntensifierRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · Σ w(e) / W over intensifier evidence in the reporter's voice",
		evidence: counted(ConstructIntensifier), compute: func(t *tally) float64 { return t.per1k(t.weight[ConstructIntensifier]) }},
	{Name: MeasureHedgeRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · hedges in the reporter's voice / W", evidence: counted(ConstructHedge), compute: rate(ConstructHedge)},
	{Name: MeasureBoosterRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · boosters in the reporter's voice / W", evidence: counted(ConstructBooster), compute: rate(ConstructBooster)},
	{Name: MeasureHedgeBoosterBalance, Unit: UnitShare, Min: -1, Max: 1, Formula: "(hedges − boosters) / (hedges + boosters) in the reporter's voice; 0 when neither occurs",
		compute: func(t *tally) float64 {
			h, b := t.count[ConstructHedge], t.count[ConstructBooster]
			return ratio(h-b, h+b)
		}},
	{Name: MeasureFactiveRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · factive verbs (presupposing their complement is true) in the reporter's voice / W", evidence: counted(ConstructFactive), compute: rate(ConstructFactive)},
	{Name: MeasureAssertiveRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · assertive verbs in the reporter's voice / W", evidence: counted(ConstructAssertive), compute: rate(ConstructAssertive)},
	{Name: MeasureQuoteShare, Unit: UnitShare, Max: 1, Headline: true, Formula: "words inside direct quotes / W",
		compute: func(t *tally) float64 { return ratio(t.quotedWords, t.W) }},
	{Name: MeasureAttributedSentenceShare, Unit: UnitShare, Max: 1, Headline: true, Formula: "sentences with a direct quote, a reporting verb or \"according to\" / S",
		compute: func(t *tally) float64 { return ratio(t.attributed, t.S) }},
	{Name: MeasureNamedSources, Unit: UnitCount, Max: inf, Formula: "attributions whose speaker is a name or a pronoun standing for one",
		compute: func(t *tally) float64 { return t.named }},
	{Name: MeasureAnonymousSources, Unit: UnitCount, Max: inf, Formula: "attributions to an anonymous source (\"a senior official\", \"sources familiar with the matter\")",
		compute: func(t *tally) float64 { return t.anonymous }},
	{Name: MeasureVagueSources, Unit: UnitCount, Max: inf, Formula: "vague-source cues (\"critics\", \"analysts\", \"many believe\")", evidence: counted(ConstructVagueSource), compute: counts(ConstructVagueSource)},
	{Name: MeasureAnonymousCues, Unit: UnitCount, Max: inf, Formula: "anonymous-source cues matched anywhere", evidence: counted(ConstructAnonymousSource), compute: counts(ConstructAnonymousSource)},
	{Name: MeasureNeutralVerbs, Unit: UnitCount, Max: inf, Formula: "neutral reporting verbs and phrases (said, told, according to)", evidence: counted(ConstructReportNeutral), compute: counts(ConstructReportNeutral)},
	{Name: MeasureLoadedVerbs, Unit: UnitCount, Max: inf, Formula: "loaded reporting verbs (claimed, admitted, insisted)", evidence: counted(ConstructReportLoaded), compute: counts(ConstructReportLoaded)},
	{Name: MeasureLoadedVerbShare, Unit: UnitShare, Max: 1, Formula: "loaded reporting verbs / (neutral + loaded reporting verbs); 0 when neither occurs",
		compute: func(t *tally) float64 {
			l := t.count[ConstructReportLoaded]
			return ratio(l, t.count[ConstructReportNeutral]+l)
		}},
	{Name: MeasureUnattributedEvaluativeShare, Unit: UnitShare, Max: 1, Headline: true, Formula: "sentences with loaded language or an intensifier in the reporter's voice and no attribution / S — the core of editorializing",
		evidence: func(e Evidence) bool { return counted(ConstructLoaded)(e) || counted(ConstructIntensifier)(e) },
		compute:  func(t *tally) float64 { return ratio(t.unattribEval, t.S) }},
	{Name: MeasureStanceAdverbRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · stance adverbs (of course, ironically) in the reporter's voice / W", evidence: counted(ConstructStanceAdverb), compute: rate(ConstructStanceAdverb)},
	{Name: MeasurePresuppositionRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · presupposition triggers (once again, yet again) in the reporter's voice / W", evidence: counted(ConstructPresupposition), compute: rate(ConstructPresupposition)},
	{Name: MeasureInsinuationRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · insinuation cues (under the guise of) in the reporter's voice / W", evidence: counted(ConstructInsinuation), compute: rate(ConstructInsinuation)},
	{Name: MeasureObligationModalRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · obligation modals (must, should) in the reporter's voice / W", evidence: counted(ConstructObligationModal), compute: rate(ConstructObligationModal)},
	{Name: MeasureFirstPersonRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · first-person words in the reporter's voice / W", evidence: counted(ConstructFirstPerson), compute: rate(ConstructFirstPerson)},
	{Name: MeasureDoubtMarkerRate, Unit: UnitPer1k, Max: inf, Formula: "1000 · doubt markers (so-called, purported) / W", evidence: counted(ConstructDoubtMarker), compute: rate(ConstructDoubtMarker)},
	{Name: MeasureRhetoricalQuestions, Unit: UnitCount, Max: inf, Formula: "sentences in the reporter's voice ending in ?",
		compute: func(t *tally) float64 { return t.rhetorical }},
	{Name: MeasureExclamations, Unit: UnitCount, Max: inf, Formula: "sentences in the reporter's voice ending in !",
		compute: func(t *tally) float64 { return t.exclamations }},
	{Name: MeasureScareQuotes, Unit: UnitCount, Max: inf, Formula: "quoted phrases of at most four words with no speaker found, names and acronyms (every content word capitalised, as in “Coalition of the Willing”, “DPR”) excepted",
		compute: func(t *tally) float64 { return t.scare }},
	{Name: MeasureEditorialMarkerCount, Unit: UnitCount, Max: inf, Formula: "stance adverbs + presuppositions + insinuations + obligation modals + first person in the reporter's voice + rhetorical questions + exclamations + scare quotes (the count behind editorial_marker_rate)",
		compute: func(t *tally) float64 {
			n := 0.0
			for _, c := range editorialConstructs {
				n += t.count[c]
			}
			return n + t.rhetorical + t.exclamations + t.scare
		}},
	{Name: MeasureEditorialMarkerRate, Unit: UnitPer1k, Max: inf, Headline: true, Formula: "1000 · editorial_marker_count / W",
		compute: func(t *tally) float64 { return t.per1k(t.m[MeasureEditorialMarkerCount]) }},
	{Name: MeasureContestedTerms, Unit: UnitCount, Max: inf, Formula: "contested terms with a side (contested.<side> gives the count per side)",
		evidence: func(e Evidence) bool { return e.Construct == ConstructContested && e.Side != "none" && !e.Negated },
		compute:  func(t *tally) float64 { return t.contested }},
	{Name: MeasureSentenceScoreMean, Unit: UnitScore, Max: 1, Formula: "mean sentence bias score over the article's sentences",
		compute: func(t *tally) float64 { return ratio(t.scoreSum, t.S) }},
	{Name: MeasureSentenceScoreMax, Unit: UnitScore, Max: 1, Formula: "largest sentence bias score",
		compute: func(t *tally) float64 { return t.scoreMax }},
	{Name: MeasureWordsPerSentence, Unit: UnitCount, Max: inf, Formula: "W' / S, where W' counts word tokens with a letter",
		compute: style(func(_ styleCounts, W, S float64) float64 { return W / S })},
	{Name: MeasureFKGrade, Unit: UnitCount, Min: math.Inf(-1), Max: inf, Formula: "Flesch–Kincaid grade = 0.39 · W'/S + 11.8 · syllables/W' − 15.59 (syllables estimated from vowel groups)",
		compute: style(func(st styleCounts, W, S float64) float64 { return 0.39*W/S + 11.8*float64(st.syllables)/W - 15.59 })},
	{Name: MeasureAdjectiveDensity, Unit: UnitShare, Max: 1, Formula: "adjectives (POS JJ, JJR, JJS) / W' (0 without tagging)",
		compute: style(func(st styleCounts, W, _ float64) float64 { return float64(st.adjectives) / W })},
	{Name: MeasureAdverbDensity, Unit: UnitShare, Max: 1, Formula: "adverbs (POS RB, RBR, RBS) / W' (0 without tagging)",
		compute: style(func(st styleCounts, W, _ float64) float64 { return float64(st.adverbs) / W })},
	{Name: MeasurePassiveShare, Unit: UnitShare, Max: 1, Formula: "sentences with a passive (be/get + past participle, VBN) / S; style.passives lists them with agentless flags",
		compute: style(func(st styleCounts, _, S float64) float64 { return float64(st.passiveSentences) / S })},
	{Name: MeasureEditorializingIndex, Unit: UnitScore, Max: 1, Headline: true, Formula: "EI = (U + min(1, L/20) + min(1, M/10) + s̄) / 4, with U = unattributed_evaluative_share, L = loaded_rate, M = editorial_marker_rate, s̄ = sentence_score_mean; a text with no evidence scores σ(b)/4, 0.025 with the default bias b = −2.2 (each of its sentences scores σ(b) ≈ 0.10), and 1 = every signal saturated",
		compute: func(t *tally) float64 {
			m := t.m
			return (m[MeasureUnattributedEvaluativeShare] + math.Min(1, m[MeasureLoadedRate]/20) + math.Min(1, m[MeasureEditorialMarkerRate]/10) + m[MeasureSentenceScoreMean]) / 4
		}},
}

// Headline lists the headline measures, editorializing index first: the
// few a summary shows.
var Headline = []string{MeasureEditorializingIndex, MeasureLoadedRate, MeasureUnattributedEvaluativeShare, MeasureEditorialMarkerRate, MeasureAttributedSentenceShare, MeasureQuoteShare}

var measureDefs = func() map[string]MeasureDef {
	m := map[string]MeasureDef{}
	for _, d := range Measures {
		if _, dup := m[d.Name]; dup {
			panic("framing: measure " + d.Name + " listed twice")
		}
		m[d.Name] = d
	}
	for _, h := range Headline {
		if !m[h].Headline {
			panic("framing: headline measure " + h + " is not marked Headline")
		}
	}
	return m
}()

// MeasureInfo returns a measure's definition ("contested.<side>" measures
// share the contested_terms definition); ok is false for an unknown name.
func MeasureInfo(name string) (MeasureDef, bool) {
	if d, ok := measureDefs[name]; ok {
		return d, true
	}
	if side, ok := strings.CutPrefix(name, ContestedPrefix); ok && side != "" {
		return MeasureDef{Name: name, Unit: UnitCount, Max: inf, Formula: "contested terms whose side is " + side, evidence: func(e Evidence) bool {
			return e.Construct == ConstructContested && e.Side == side && !e.Negated
		}}, true
	}
	return MeasureDef{}, false
}

// Clip bounds an interval to the values the measure can take (Min, Max);
// unknown measures are left as they are.
func (d MeasureDef) Clip(lo, hi float64) (float64, float64) {
	if d.Name == "" || math.IsNaN(lo) || math.IsNaN(hi) {
		return lo, hi
	}
	return math.Max(d.Min, lo), math.Min(d.Max, hi)
}

// Measure returns the article's value of a measure. An unknown name is an
// error (a typo must not read as 0); a known measure the result lacks
// (a contested side it never used) is 0.
func (r *Result) Measure(name string) (float64, error) {
	if _, ok := MeasureInfo(name); !ok {
		return 0, fmt.Errorf("framing: unknown measure %q", name)
	}
	return r.Measures[name], nil
}

func computeMeasures(doc *text.Document, v *voices, r *Result, st styleCounts) {
	m := r.Measures
	t := &tally{W: float64(r.Words), S: float64(len(r.Sentences)), style: st, m: m,
		count: map[string]float64{}, weight: map[string]float64{}, other: map[string]float64{}, negated: map[string]float64{}}
	for _, e := range r.Evidence {
		if e.Negated {
			t.negated[e.Construct]++
			continue
		}
		def, _ := ConstructInfo(e.Construct)
		if def.Sided {
			if e.Side != "none" && e.Side != "" {
				t.contested++
				m[ContestedPrefix+e.Side]++
			}
			continue
		}
		if !def.Voice.Counts(e.Voice) {
			t.other[e.Construct]++
			continue
		}
		t.count[e.Construct]++
		t.weight[e.Construct] += e.Weight
	}
	for i, tk := range doc.Tokens {
		if (tk.Kind == text.Word || tk.Kind == text.Number) && v.tok[i] == Quote {
			t.quotedWords++
		}
	}
	for _, a := range v.attrib {
		switch a.kind {
		case "named":
			t.named++
		case "anonymous":
			t.anonymous++
		}
	}
	for _, s := range r.Sentences {
		if s.Attributed {
			t.attributed++
		}
		if s.Features[FeatureUnattributedEvaluative.String()] > 0 {
			t.unattribEval++
		}
		t.rhetorical += s.Features[FeatureRhetoricalQuestion.String()]
		t.exclamations += s.Features[FeatureExclamation.String()]
		t.scoreSum += s.Score
		t.scoreMax = math.Max(t.scoreMax, s.Score)
	}
	for _, q := range r.Quotes {
		if q.Scare {
			t.scare++
		}
	}
	for _, d := range Measures {
		m[d.Name] = d.compute(t)
	}
	for k, val := range m {
		m[k] = round6(val)
	}
}

// round6 rounds to 6 decimals so that JSON output is stable across
// platforms and summation orders.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// sortEvidence orders evidence by weight (strongest first), then position.
func sortEvidence(es []Evidence) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Weight != es[j].Weight {
			return es[i].Weight > es[j].Weight
		}
		return es[i].Start < es[j].Start
	})
}

// sentenceValue is a per-sentence value that profiles keep (SentenceMoments
// and the distribution "sentence:<name>") for intervals and tests. The
// table sentenceValues is its one home: Profile.Add keeps its rows,
// keptSentenceValue accepts them, and Compare compares the exploratory ones.
type sentenceValue struct {
	name string
	of   func(s *SentenceResult) float64
	// exploratory values are compared as per-sentence measures of their
	// own; proportion ones (0/1 per sentence) with Cohen's h and Fisher's
	// exact test.
	exploratory bool
	proportion  bool
	// examples are the category prefixes of the exemplars that illustrate
	// an exploratory comparison.
	examples []string
}

func sentenceFeature(f FeatureID) func(s *SentenceResult) float64 {
	name := f.String()
	return func(s *SentenceResult) float64 { return s.Features[name] }
}

// sentenceValues are the per-sentence values profiles keep: the score, four
// features, and "attributed" (1 for an attributed sentence).
var sentenceValues = []sentenceValue{
	{name: SentenceScore, of: func(s *SentenceResult) float64 { return s.Score }},
	{name: FeatureLoadedReporter.String(), of: sentenceFeature(FeatureLoadedReporter), exploratory: true, examples: []string{"loaded"}},
	{name: FeatureIntensifier.String(), of: sentenceFeature(FeatureIntensifier), exploratory: true, examples: []string{"intensifier"}},
	{name: FeatureUnattributedEvaluative.String(), of: sentenceFeature(FeatureUnattributedEvaluative)},
	{name: SentenceAttributed, of: func(s *SentenceResult) float64 {
		if s.Attributed {
			return 1
		}
		return 0
	}},
	{name: FeatureQuoteShare.String(), of: sentenceFeature(FeatureQuoteShare), exploratory: true},
}
