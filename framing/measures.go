package framing

import (
	"math"
	"sort"
	"strings"

	"github.com/slantlab/slant/text"
)

// MeasureDef documents one per-article measure.
type MeasureDef struct {
	Name string
	// Unit is "count", "per_1k_words", "share" (0..1) or "score" (0..1).
	Unit string
	// Formula defines the measure; the README and the report's methods
	// section print it.
	Formula  string
	evidence func(Evidence) bool
}

func construct(c string, reporterOnly bool) func(Evidence) bool {
	return func(e Evidence) bool {
		return e.Construct == c && (!reporterOnly || e.Voice == Reporter) && !e.Negated
	}
}

// Measures lists every article measure in report order.
var Measures = []MeasureDef{
	{Name: "words", Unit: "count", Formula: "W = word and number tokens in the title and body (furniture excluded)"},
	{Name: "sentences", Unit: "count", Formula: "S = sentences in the title and body"},
	{Name: "loaded_rate", Unit: "per_1k_words", Formula: "1000 · Σ w(e) / W over loaded-language evidence e in the reporter's voice; w is the entry weight (×1.5 after an intensifier, 0 when negated)", evidence: construct("loaded_language", true)},
	{Name: "loaded_count", Unit: "count", Formula: "number of non-negated loaded-language hits in the reporter's voice", evidence: construct("loaded_language", true)},
	{Name: "loaded_quoted_count", Unit: "count", Formula: "number of loaded-language hits inside direct quotes or reported speech (the speaker's words, not the outlet's)", evidence: func(e Evidence) bool { return e.Construct == "loaded_language" && e.Voice != Reporter }},
	{Name: "loaded_negated_count", Unit: "count", Formula: "number of loaded-language hits under negation (\"not a genocide\"), which add no weight", evidence: func(e Evidence) bool { return e.Construct == "loaded_language" && e.Negated }},
	{Name: "intensifier_rate", Unit: "per_1k_words", Formula: "1000 · Σ w(e) / W over intensifier evidence in the reporter's voice", evidence: construct("intensifier", true)},
	{Name: "hedge_rate", Unit: "per_1k_words", Formula: "1000 · hedges in the reporter's voice / W", evidence: construct("hedge", true)},
	{Name: "booster_rate", Unit: "per_1k_words", Formula: "1000 · boosters in the reporter's voice / W", evidence: construct("booster", true)},
	{Name: "hedge_booster_balance", Unit: "share", Formula: "(hedges − boosters) / (hedges + boosters) in the reporter's voice; 0 when neither occurs"},
	{Name: "factive_rate", Unit: "per_1k_words", Formula: "1000 · factive verbs (presupposing their complement is true) in the reporter's voice / W", evidence: construct("factive", true)},
	{Name: "assertive_rate", Unit: "per_1k_words", Formula: "1000 · assertive verbs in the reporter's voice / W", evidence: construct("assertive", true)},
	{Name: "quote_share", Unit: "share", Formula: "words inside direct quotes / W"},
	{Name: "attributed_sentence_share", Unit: "share", Formula: "sentences with a direct quote, a reporting verb or \"according to\" / S"},
	{Name: "named_sources", Unit: "count", Formula: "attributions whose speaker is a name or a pronoun standing for one"},
	{Name: "anonymous_sources", Unit: "count", Formula: "attributions to an anonymous source (\"a senior official\", \"sources familiar with the matter\")"},
	{Name: "vague_sources", Unit: "count", Formula: "vague-source cues (\"critics\", \"analysts\", \"many believe\")", evidence: construct("vague_source", false)},
	{Name: "anonymous_cues", Unit: "count", Formula: "anonymous-source cues matched anywhere", evidence: construct("anonymous_source", false)},
	{Name: "neutral_verbs", Unit: "count", Formula: "neutral reporting verbs and phrases (said, told, according to)", evidence: construct("report_neutral", false)},
	{Name: "loaded_verbs", Unit: "count", Formula: "loaded reporting verbs (claimed, admitted, insisted)", evidence: construct("report_loaded", false)},
	{Name: "loaded_verb_share", Unit: "share", Formula: "loaded reporting verbs / (neutral + loaded reporting verbs); 0 when neither occurs"},
	{Name: "unattributed_evaluative_share", Unit: "share", Formula: "sentences with loaded language or an intensifier in the reporter's voice and no attribution / S — the core of editorializing", evidence: func(e Evidence) bool {
		return (e.Construct == "loaded_language" || e.Construct == "intensifier") && e.Voice == Reporter && !e.Negated
	}},
	{Name: "stance_adverb_rate", Unit: "per_1k_words", Formula: "1000 · stance adverbs (of course, ironically) in the reporter's voice / W", evidence: construct("stance_adverb", true)},
	{Name: "presupposition_rate", Unit: "per_1k_words", Formula: "1000 · presupposition triggers (once again, yet again) in the reporter's voice / W", evidence: construct("presupposition", true)},
	{Name: "insinuation_rate", Unit: "per_1k_words", Formula: "1000 · insinuation cues (under the guise of) in the reporter's voice / W", evidence: construct("insinuation", true)},
	{Name: "obligation_modal_rate", Unit: "per_1k_words", Formula: "1000 · obligation modals (must, should) in the reporter's voice / W", evidence: construct("obligation_modal", true)},
	{Name: "first_person_rate", Unit: "per_1k_words", Formula: "1000 · first-person words in the reporter's voice / W", evidence: construct("first_person", true)},
	{Name: "doubt_marker_rate", Unit: "per_1k_words", Formula: "1000 · doubt markers (so-called, purported) / W", evidence: construct("doubt_marker", false)},
	{Name: "rhetorical_questions", Unit: "count", Formula: "sentences in the reporter's voice ending in ?"},
	{Name: "exclamations", Unit: "count", Formula: "sentences in the reporter's voice ending in !"},
	{Name: "scare_quotes", Unit: "count", Formula: "quoted phrases of at most four words with no speaker found"},
	{Name: "editorial_marker_rate", Unit: "per_1k_words", Formula: "1000 · (stance adverbs + presuppositions + insinuations + obligation modals + first person in the reporter's voice + rhetorical questions + exclamations + scare quotes) / W"},
	{Name: "contested_terms", Unit: "count", Formula: "contested terms with a side (contested.<side> gives the count per side)", evidence: func(e Evidence) bool { return e.Construct == "contested" && e.Side != "none" && !e.Negated }},
	{Name: "sentence_score_mean", Unit: "score", Formula: "mean sentence bias score over the article's sentences"},
	{Name: "sentence_score_max", Unit: "score", Formula: "largest sentence bias score"},
	{Name: "words_per_sentence", Unit: "count", Formula: "W' / S, where W' counts word tokens with a letter"},
	{Name: "fk_grade", Unit: "count", Formula: "Flesch–Kincaid grade = 0.39 · W'/S + 11.8 · syllables/W' − 15.59 (syllables estimated from vowel groups)"},
	{Name: "adjective_density", Unit: "share", Formula: "adjectives (POS JJ, JJR, JJS) / W' (0 without tagging)"},
	{Name: "adverb_density", Unit: "share", Formula: "adverbs (POS RB, RBR, RBS) / W' (0 without tagging)"},
	{Name: "passive_share", Unit: "share", Formula: "sentences with a passive (be/get + past participle, VBN) / S; style.passives lists them with agentless flags"},
	{Name: "editorializing_index", Unit: "score", Formula: "EI = (U + min(1, L/20) + min(1, M/10) + s̄) / 4, with U = unattributed_evaluative_share, L = loaded_rate, M = editorial_marker_rate, s̄ = sentence_score_mean; 0 = wire-neutral, 1 = every signal saturated"},
}

var measureDefs = func() map[string]MeasureDef {
	m := map[string]MeasureDef{}
	for _, d := range Measures {
		m[d.Name] = d
	}
	return m
}()

// MeasureInfo returns a measure's definition ("contested.<side>" measures
// share the contested_terms definition).
func MeasureInfo(name string) (MeasureDef, bool) {
	if d, ok := measureDefs[name]; ok {
		return d, true
	}
	if strings.HasPrefix(name, "contested.") {
		side := strings.TrimPrefix(name, "contested.")
		return MeasureDef{Name: name, Unit: "count", Formula: "contested terms whose side is " + side, evidence: func(e Evidence) bool {
			return e.Construct == "contested" && e.Side == side && !e.Negated
		}}, true
	}
	return MeasureDef{}, false
}

func computeMeasures(doc *text.Document, v *voices, r *Result) {
	m := r.Measures
	W := float64(r.Words)
	S := float64(len(r.Sentences))
	per1k := func(x float64) float64 {
		if W == 0 {
			return 0
		}
		return 1000 * x / W
	}
	share := func(a, b float64) float64 {
		if b == 0 {
			return 0
		}
		return a / b
	}
	sum := map[string]float64{}
	count := map[string]float64{}
	for _, e := range r.Evidence {
		if e.Negated {
			if e.Construct == "loaded_language" {
				m["loaded_negated_count"]++
			}
			continue
		}
		rep := e.Voice == Reporter
		switch e.Construct {
		case "loaded_language":
			if rep {
				sum["loaded"] += e.Weight
				count["loaded"]++
			} else {
				m["loaded_quoted_count"]++
			}
		case "intensifier":
			if rep {
				sum["intensifier"] += e.Weight
			}
		case "hedge", "booster", "factive", "assertive", "stance_adverb", "presupposition", "insinuation", "obligation_modal", "first_person":
			if rep {
				count[e.Construct]++
			}
		case "vague_source", "anonymous_source", "report_neutral", "report_loaded", "doubt_marker":
			count[e.Construct]++
		case "contested":
			if e.Side != "none" && e.Side != "" {
				m["contested_terms"]++
				m["contested."+e.Side]++
			}
		}
	}
	m["words"] = W
	m["sentences"] = S
	m["loaded_rate"] = per1k(sum["loaded"])
	m["loaded_count"] = count["loaded"]
	m["intensifier_rate"] = per1k(sum["intensifier"])
	m["hedge_rate"] = per1k(count["hedge"])
	m["booster_rate"] = per1k(count["booster"])
	m["hedge_booster_balance"] = share(count["hedge"]-count["booster"], count["hedge"]+count["booster"])
	m["factive_rate"] = per1k(count["factive"])
	m["assertive_rate"] = per1k(count["assertive"])
	m["vague_sources"] = count["vague_source"]
	m["anonymous_cues"] = count["anonymous_source"]
	m["neutral_verbs"] = count["report_neutral"]
	m["loaded_verbs"] = count["report_loaded"]
	m["loaded_verb_share"] = share(count["report_loaded"], count["report_neutral"]+count["report_loaded"])
	for _, c := range []string{"stance_adverb", "presupposition", "insinuation", "obligation_modal", "first_person"} {
		m[c+"_rate"] = per1k(count[c])
	}
	m["doubt_marker_rate"] = per1k(count["doubt_marker"])

	quoted := 0
	for i, t := range doc.Tokens {
		if (t.Kind == text.Word || t.Kind == text.Number) && v.tok[i] == Quote {
			quoted++
		}
	}
	m["quote_share"] = share(float64(quoted), W)
	for _, a := range v.attrib {
		switch a.kind {
		case "named":
			m["named_sources"]++
		case "anonymous":
			m["anonymous_sources"]++
		}
	}
	var attributed, unattribEval, scoreSum, scoreMax float64
	for _, s := range r.Sentences {
		if s.Attributed {
			attributed++
		}
		if s.Features["unattributed_evaluative"] > 0 {
			unattribEval++
		}
		m["rhetorical_questions"] += s.Features["rhetorical_question"]
		m["exclamations"] += s.Features["exclamation"]
		scoreSum += s.Score
		scoreMax = math.Max(scoreMax, s.Score)
	}
	for _, q := range r.Quotes {
		if q.Scare {
			m["scare_quotes"]++
		}
	}
	m["attributed_sentence_share"] = share(attributed, S)
	m["unattributed_evaluative_share"] = share(unattribEval, S)
	m["editorial_marker_rate"] = per1k(count["stance_adverb"] + count["presupposition"] + count["insinuation"] + count["obligation_modal"] + count["first_person"] + m["rhetorical_questions"] + m["exclamations"] + m["scare_quotes"])
	m["sentence_score_mean"] = share(scoreSum, S)
	m["sentence_score_max"] = scoreMax
	m["editorializing_index"] = (m["unattributed_evaluative_share"] + math.Min(1, m["loaded_rate"]/20) + math.Min(1, m["editorial_marker_rate"]/10) + m["sentence_score_mean"]) / 4
	for _, d := range Measures {
		if _, ok := m[d.Name]; !ok {
			m[d.Name] = 0
		}
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
