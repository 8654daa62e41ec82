package coverage

import (
	"fmt"
	"math"
	"strings"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
)

// Sentence features of the informational-bias score. Each is in [0, 1].
const (
	// FeatUnshared is 1 − the highest TF-IDF cosine of the sentence to any
	// sentence of another outlet in the event: content nobody else carried.
	FeatUnshared = "unshared"
	// FeatTangential is 1 − the cosine of the sentence to the centroid of
	// the other outlets' sentences: how far it is from what the event is
	// about.
	FeatTangential = "tangential"
	// FeatOffHeadline is 1 − the highest cosine of the sentence to the
	// headlines of the event's articles (Result.Title): how far it is from
	// what the outlets themselves call the story.
	FeatOffHeadline = "off_headline"
	// FeatUniqueUnits is the share of the sentence's numbers, dates and
	// sources that no other outlet carries.
	FeatUniqueUnits = "unique_units"
	// FeatSpeculation is 1 when the sentence speculates: a hedge, doubt
	// marker, insinuation or presupposition found by framing, or a modal of
	// possibility (could, might, may, would).
	FeatSpeculation = "speculation"
	// FeatBackground is 1 when the sentence tells background rather than
	// the event: a year before the article's own, or a backward-looking cue
	// (ago, last year, previously, has long, in the past, former, had been).
	FeatBackground = "background"
	// FeatVoice is 1 when the sentence carries a direct quotation (not a
	// scare quote), 0.5 when it only paraphrases someone (framing's
	// attribution), 0 otherwise: quotes chosen to sway the reader are the
	// commonest informational bias in Fan et al. (2019).
	FeatVoice = "voice"
	// FeatPartisan is 1 when a source speaking in the sentence belongs to a
	// side: an actor of the gazetteer or a party in the source's name, or,
	// in a sentence that gives someone voice, a party or a political office
	// named in the sentence (partisanCues).
	FeatPartisan = "partisan"
	// FeatCharacterisation is 1 when the sentence evaluates, in any voice:
	// loaded language, an evaluative intensifier or a loaded reporting verb
	// (framing's evidence), or framing's Evaluative flag.
	FeatCharacterisation = "characterisation"
)

// Features lists the score's features in a fixed order.
var Features = []string{FeatUnshared, FeatTangential, FeatOffHeadline, FeatUniqueUnits, FeatSpeculation, FeatBackground, FeatVoice, FeatPartisan, FeatCharacterisation}

// ZeroShotWeights combine the features into the zero-shot score (a
// weighted mean). They are priors set by hand from what informational bias
// is (Fan et al. 2019: tangential, speculative or background content and
// quotes chosen to sway the reader), not fitted to any labels: alignment
// carries a third, what the sentence does the rest.
var ZeroShotWeights = map[string]float64{
	FeatUnshared:         0.15,
	FeatTangential:       0.05,
	FeatOffHeadline:      0.10,
	FeatUniqueUnits:      0.05,
	FeatSpeculation:      0.15,
	FeatBackground:       0.05,
	FeatVoice:            0.15,
	FeatPartisan:         0.15,
	FeatCharacterisation: 0.15,
}

// SentenceScore is the informational-bias score of one sentence.
type SentenceScore struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	// Unit is the claim unit the sentence belongs to.
	Unit string `json:"unit"`
	// Score is the zero-shot score in [0, 1]: the ZeroShotWeights mean of
	// Features.
	Score    float64            `json:"score"`
	Features map[string]float64 `json:"features"`
	// Nearest is the other outlets' most similar sentence and its cosine.
	Nearest *NearestSentence `json:"nearest,omitempty"`
	// Evidence says in words why the sentence scores what it does.
	Evidence []string `json:"evidence"`
}

// NearestSentence is the most similar sentence of another outlet.
type NearestSentence struct {
	Outlet string  `json:"outlet"`
	Text   string  `json:"text"`
	Cosine float64 `json:"cosine"`
}

// claimSpace holds the TF-IDF vectors of an event's claims.
type claimSpace struct {
	idx []int    // mention indices of the claims
	vec []vector // aligned with idx
	df  idf
}

func newClaimSpace(ms []artMention, claims []int) claimSpace {
	bags := make([][]string, len(claims))
	for k, i := range claims {
		bags[k] = ms[i].stems
	}
	df := newIDF(bags)
	cs := claimSpace{idx: claims, vec: make([]vector, len(claims)), df: df}
	for k := range bags {
		cs.vec[k] = df.vectorize(bags[k])
	}
	return cs
}

var speculativeModals = map[string]bool{"could": true, "might": true, "may": true, "would": true}

var speculationConstructs = map[string]bool{"hedge": true, "doubt_marker": true, "insinuation": true, "presupposition": true}

var backgroundCues = []string{" ago", "last year", "previously", "has long", "have long", "in the past", "former ", "had been", "earlier this", "years of", "since "}

// sentenceScores scores every claim of the event.
func (ed *eventData) sentenceScores(claimThreshold float64) []SentenceScore {
	out := []SentenceScore{}
	cs := ed.claims
	// Centroid of each outlet's claims, to build "the other outlets".
	cent := map[string]vector{}
	for k, i := range cs.idx {
		o := ed.mentions[i].outlet
		cent[o] = add(cent[o], cs.vec[k])
	}
	others := map[string]vector{}
	for _, o := range ed.outlets {
		var v vector
		for _, p := range ed.outlets {
			if p != o {
				v = add(v, cent[p])
			}
		}
		others[o] = normalize(v)
	}
	// Units per sentence, for unique_units.
	type artSent struct{ art, sent int }
	unitsIn := map[artSent][]int{}
	for i, m := range ed.mentions {
		if m.Kind == Number || m.Kind == Date || m.Kind == Source {
			k := artSent{m.art, m.Sentence}
			unitsIn[k] = append(unitsIn[k], ed.group[i])
		}
	}
	voicesBySent := map[artSent][]voiceMention{}
	articleYear := make([]string, len(ed.docs))
	for ai, d := range ed.docs {
		for _, v := range voiceMentions(d.Result) {
			k := artSent{ai, v.sentence}
			voicesBySent[k] = append(voicesBySent[k], v)
		}
		articleYear[ai] = modalYear(d.Result)
	}
	// Headline vectors.
	var heads []vector
	for _, d := range ed.docs {
		if t := d.Result.Title; t != "" {
			heads = append(heads, cs.df.vectorize(contentStems(t, 0, len(t))))
		}
	}
	for k, i := range cs.idx {
		m := ed.mentions[i]
		r := ed.docs[m.art].Result
		offHead := 0.0
		if len(heads) > 0 {
			hb := 0.0
			for _, h := range heads {
				hb = math.Max(hb, cosine(cs.vec[k], h))
			}
			offHead = 1 - hb
		}
		sr := r.Sentences[m.Sentence]
		f := map[string]float64{FeatOffHeadline: offHead}
		var ev []string
		best, bestK := 0.0, -1
		for k2, j := range cs.idx {
			if ed.mentions[j].outlet == m.outlet {
				continue
			}
			if c := cosine(cs.vec[k], cs.vec[k2]); c > best || bestK < 0 {
				best, bestK = c, k2
			}
		}
		ss := SentenceScore{Article: r.ID, Outlet: m.outlet, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text,
			Unit: ed.units[ed.group[i]].ID, Features: f}
		if bestK >= 0 {
			nm := ed.mentions[cs.idx[bestK]]
			ss.Nearest = &NearestSentence{Outlet: nm.outlet, Text: nm.Text, Cosine: round4(best)}
			f[FeatUnshared] = 1 - best
			f[FeatTangential] = 1 - cosine(cs.vec[k], others[m.outlet])
			if best < claimThreshold {
				ev = append(ev, fmt.Sprintf("no other outlet carries it (closest: %s, cosine %.2f)", nm.outlet, best))
			}
		}
		if us := unitsIn[artSent{m.art, m.Sentence}]; len(us) > 0 {
			uniq := 0
			for _, u := range us {
				if len(ed.units[u].Outlets) == 1 {
					uniq++
				}
			}
			f[FeatUniqueUnits] = float64(uniq) / float64(len(us))
			if uniq > 0 {
				ev = append(ev, fmt.Sprintf("%d of its %d figures, dates and sources appear in no other outlet", uniq, len(us)))
			}
		}
		if cue := speculationCue(r, sr, m.Sentence); cue != "" {
			f[FeatSpeculation] = 1
			ev = append(ev, "speculates: "+cue)
		}
		if cue := backgroundCue(r.Text[m.Start:m.End], articleYear[m.art]); cue != "" {
			f[FeatBackground] = 1
			ev = append(ev, "background: "+cue)
		}
		vs := voicesBySent[artSent{m.art, m.Sentence}]
		if sr.Attributed || len(vs) > 0 {
			f[FeatVoice] = 0.5
		}
		for _, q := range r.Quotes {
			if !q.Scare && q.Start < m.End && q.End > m.Start {
				f[FeatVoice] = 1
			}
		}
		for _, v := range vs {
			ev = append(ev, fmt.Sprintf("gives voice to %s (%s)", v.name, v.kind))
			if v.side != "" && f[FeatPartisan] == 0 {
				f[FeatPartisan] = 1
				ev = append(ev, "speaker's side: "+v.side)
			}
		}
		if f[FeatPartisan] == 0 && len(vs) > 0 {
			if cue := partisanCue(r.Text[m.Start:m.End]); cue != "" {
				f[FeatPartisan] = 1
				ev = append(ev, "partisan voice: "+cue)
			}
		}
		if cue := characterisation(r, sr, m.Sentence); cue != "" {
			f[FeatCharacterisation] = 1
			ev = append(ev, "characterises: "+cue)
		}
		var s float64
		for _, name := range Features {
			f[name] = round4(f[name])
			s += ZeroShotWeights[name] * f[name]
		}
		ss.Score = round4(s)
		if ev == nil {
			ev = []string{}
		}
		ss.Evidence = ev
		out = append(out, ss)
	}
	return out
}

// partisanCues are words that place a speaker in a political camp or
// office (US-centred, as the evaluation data is).
var partisanCues = []string{"republican", "democrat", "gop", "conservative", "liberal", "progressive", "tea party",
	"sen.", "senator", "rep.", "congressman", "congresswoman", "gov.", "governor", "lawmaker", "white house", "administration", "campaign", "party"}

func partisanCue(s string) string {
	low := strings.ToLower(s)
	for _, c := range partisanCues {
		if i := strings.Index(low, c); i >= 0 && (i == 0 || !isWordByte(low[i-1])) {
			return fmt.Sprintf("%q", c)
		}
	}
	return ""
}

func speculationCue(r *framing.Result, sr framing.SentenceResult, si int) string {
	for _, ei := range sr.Evidence {
		e := r.Evidence[ei]
		if speculationConstructs[e.Construct] && !e.Negated {
			return fmt.Sprintf("%q (%s)", e.Text, e.Construct)
		}
	}
	for _, t := range text.Tokenize(r.Text, sr.Start, sr.End, nil) {
		if t.Kind == text.Word && speculativeModals[t.Norm] {
			return fmt.Sprintf("%q (modal)", r.Text[t.Start:t.End])
		}
	}
	return ""
}

// characterisingConstructs are the framing constructs that evaluate
// someone or something: loaded words, evaluative intensifiers, loaded
// reporting verbs ("slammed").
var characterisingConstructs = map[string]bool{"loaded_language": true, "intensifier": true, "report_loaded": true}

// characterisation returns the first evaluative term of the sentence, in
// any voice: a quoted insult characterises its target as much as the
// reporter's own adjective does, and targets are often people the actor
// gazetteer does not list.
func characterisation(r *framing.Result, sr framing.SentenceResult, si int) string {
	for _, ei := range sr.Evidence {
		e := r.Evidence[ei]
		if e.Negated || !characterisingConstructs[e.Construct] {
			continue
		}
		return fmt.Sprintf("%q (%s, %s voice)", e.Text, e.Construct, e.Voice)
	}
	if sr.Evaluative {
		return "evaluative language in the reporter's voice"
	}
	return ""
}

func backgroundCue(s, year string) string {
	low := " " + strings.ToLower(s) + " "
	for _, c := range backgroundCues {
		if strings.Contains(low, c) {
			return fmt.Sprintf("%q", strings.TrimSpace(c))
		}
	}
	if year != "" {
		for _, d := range dateRE.FindAllString(s, -1) {
			k := dateKey(d)
			if len(k) >= 4 && k[:4] < year && k[0] >= '1' && k[0] <= '2' {
				return fmt.Sprintf("%q is before %s", d, year)
			}
		}
	}
	return ""
}

// modalYear is the year an article mentions most (ties: the latest), ""
// when it mentions none: the article's own time.
func modalYear(r *framing.Result) string {
	count := map[string]int{}
	for _, s := range r.Sentences {
		for _, d := range findDates(r.Text, s.Start, s.End) {
			if len(d.Key) >= 4 && (d.Key[:2] == "19" || d.Key[:2] == "20") {
				count[d.Key[:4]]++
			}
		}
	}
	best, bestN := "", 0
	for y, n := range count {
		if n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	return best
}

func round4(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}
