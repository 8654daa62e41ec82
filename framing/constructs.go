package framing

import (
	"fmt"

	"github.com/slantlab/slant/lexicon"
)

// Construct names. A lexicon category's `construct:` field must be one of
// them (NewAnalyzer checks the lexicons against ConstructNames).
const (
	ConstructLoaded          = "loaded_language"
	ConstructContested       = "contested"
	ConstructStanceAdverb    = "stance_adverb"
	ConstructPresupposition  = "presupposition"
	ConstructInsinuation     = "insinuation"
	ConstructObligationModal = "obligation_modal"
	ConstructFirstPerson     = "first_person"
	ConstructDoubtMarker     = "doubt_marker"
	ConstructIntensifier     = "intensifier"
	ConstructBooster         = "booster"
	ConstructFactive         = "factive"
	ConstructAssertive       = "assertive"
	ConstructImplicative     = "implicative"
	ConstructHedge           = "hedge"
	ConstructReportNeutral   = "report_neutral"
	ConstructReportLoaded    = "report_loaded"
	ConstructVagueSource     = "vague_source"
	ConstructAnonymousSource = "anonymous_source"
	ConstructImported        = "imported"
	ConstructNegation        = "negation"
	ConstructFrameGeneric    = "frame_generic"
	ConstructFramePolicy     = "frame_policy"
	ConstructActor           = "actor"
	ConstructValence         = "valence"
	// ConstructLearnedWord is the evidence of a word or phrase weighed by
	// trained weights (Weights.Words), not a lexicon construct.
	ConstructLearnedWord = "learned_word"
)

// VoiceRule says which evidence of a construct counts toward its measures
// and its sentence feature.
type VoiceRule int

const (
	// AnyVoice counts evidence whoever speaks (sourcing cues, reporting
	// verbs: they describe the reporter's choices even inside a quote).
	AnyVoice VoiceRule = iota
	// ReporterVoice counts only evidence in the reporter's own voice.
	ReporterVoice
)

// Counts reports whether evidence in voice v counts under the rule.
func (r VoiceRule) Counts(v Voice) bool { return r == AnyVoice || v == Reporter }

// String returns "any" or "reporter".
func (r VoiceRule) String() string {
	if r == ReporterVoice {
		return "reporter"
	}
	return "any"
}

// Family groups constructs for display: the report highlights evidence by
// family, one colour each.
type Family struct {
	// Class is the short name (the report's CSS class is "m-" + Class).
	Class string
	// Name is the legend's label.
	Name string
}

// Families lists the highlight families, strongest first: when spans of
// two families overlap, the earlier family's colour wins.
var Families = []Family{
	{"loaded", "loaded language"},
	{"contested", "contested term (a side's vocabulary)"},
	{"editorial", "editorial marker"},
	{"intensifier", "intensifier or booster"},
	{"valence", "strong sentiment word (VADER valence)"},
	{"epistemic", "epistemic verb (factive, assertive, implicative)"},
	{"hedge", "hedge"},
	{"source", "attribution and sourcing"},
	{"other", "imported category"},
	{"learned", "learned word or phrase (trained weights)"},
}

// ConstructDef is one row of the construct table: everything the analysis,
// the measures, the profiles, the report and the evaluation need to know
// about a construct.
type ConstructDef struct {
	Name string
	// Family is the highlight family's Class ("" for constructs that are
	// not highlighted: context cues, frames, actors).
	Family string
	// Voice says which evidence counts toward the construct's measures and
	// Feature.
	Voice VoiceRule
	// Feature is the sentence feature its counted evidence feeds
	// (NoFeature: none).
	Feature FeatureID
	// OtherVoiceFeature is fed by evidence outside the reporter's voice when
	// Voice is ReporterVoice (NoFeature: such evidence feeds nothing).
	OtherVoiceFeature FeatureID
	// Weighted features add the evidence's weight; the others count hits.
	Weighted bool
	// Negatable constructs are cancelled (weight 0, Evidence.Negated) by a
	// negation cue shortly before them in the same clause.
	Negatable bool
	// Context constructs only inform the analysis of other evidence
	// (negation); their hits are not evidence.
	Context bool
	// Sided constructs carry a "side" attribute per entry (contested terms):
	// the feature adds only terms with a side other than neutral or none.
	Sided bool
	// Exemplars says whether a profile keeps its strongest reporter-voice
	// evidence as examples (and the CLI lists it as strongest evidence).
	Exemplars bool
	// Flagged says whether its words count as flagged (biased) in the
	// word-level evaluation against labelled data.
	Flagged bool
	// Describes says whether its evidence, not negated and (for Sided
	// constructs) with a side other than none, is a descriptor candidate:
	// a term attached to an actor's mention (Actor.Descriptors, or
	// Actor.Contested for Sided constructs).
	Describes bool
	// Description says what the construct is, for documentation.
	Description string
}

// Constructs is the construct table. Adding a construct is one row here
// plus its lexicon data (and, if it needs one, a measure row in Measures
// and a feature row in Features).
var Constructs = []ConstructDef{
	{Name: ConstructLoaded, Describes: true, Family: "loaded", Voice: ReporterVoice, Feature: FeatureLoadedReporter, OtherVoiceFeature: FeatureLoadedQuoted, Weighted: true, Negatable: true, Exemplars: true, Flagged: true,
		Description: "words that carry the writer's judgement (regime, slammed, puppet)"},
	{Name: ConstructContested, Describes: true, Family: "contested", Voice: AnyVoice, Feature: FeatureContested, Weighted: true, Sided: true,
		Description: "contested terms: a side's vocabulary for the same thing (Kyiv/Kiev, annexation/reunification)"},
	{Name: ConstructStanceAdverb, Family: "editorial", Voice: ReporterVoice, Feature: FeatureStanceAdverb, OtherVoiceFeature: NoFeature, Exemplars: true, Flagged: true,
		Description: "stance adverbs (of course, ironically)"},
	{Name: ConstructPresupposition, Family: "editorial", Voice: ReporterVoice, Feature: FeaturePresupposition, OtherVoiceFeature: NoFeature, Exemplars: true,
		Description: "presupposition triggers (once again, yet again)"},
	{Name: ConstructInsinuation, Family: "editorial", Voice: ReporterVoice, Feature: FeatureInsinuation, OtherVoiceFeature: NoFeature, Exemplars: true, Flagged: true,
		Description: "insinuation cues (under the guise of)"},
	{Name: ConstructObligationModal, Family: "editorial", Voice: ReporterVoice, Feature: FeatureObligationModal, OtherVoiceFeature: NoFeature,
		Description: "obligation modals (must, should)"},
	{Name: ConstructFirstPerson, Family: "editorial", Voice: ReporterVoice, Feature: FeatureFirstPerson, OtherVoiceFeature: NoFeature,
		Description: "first-person words (we, our)"},
	{Name: ConstructDoubtMarker, Family: "editorial", Voice: AnyVoice, Feature: FeatureDoubtMarker, Exemplars: true, Flagged: true,
		Description: "doubt markers (so-called, purported)"},
	{Name: ConstructIntensifier, Describes: true, Family: "intensifier", Voice: ReporterVoice, Feature: FeatureIntensifier, OtherVoiceFeature: NoFeature, Weighted: true, Negatable: true, Exemplars: true, Flagged: true,
		Description: "intensifiers (utterly, brutal); a loaded word right after one weighs 1.5×"},
	{Name: ConstructValence, Family: "valence", Voice: ReporterVoice, Feature: FeatureValence, OtherVoiceFeature: NoFeature, Weighted: true, Negatable: true, Flagged: true,
		Description: "strong sentiment words from the VADER lexicon (|valence| ≥ 2 on its −4..+4 scale) that the curated lists lack (nasty, selfish, hateful, lovely); weight |valence|/4"},
	{Name: ConstructBooster, Family: "intensifier", Voice: ReporterVoice, Feature: FeatureBooster, OtherVoiceFeature: NoFeature,
		Description: "boosters (clearly, undoubtedly)"},
	{Name: ConstructFactive, Family: "epistemic", Voice: ReporterVoice, Feature: FeatureFactive, OtherVoiceFeature: NoFeature,
		Description: "factive verbs, presupposing their complement is true (reveal, realise)"},
	{Name: ConstructAssertive, Family: "epistemic", Voice: ReporterVoice, Feature: FeatureAssertive, OtherVoiceFeature: NoFeature,
		Description: "assertive verbs (claim, allege)"},
	{Name: ConstructImplicative, Family: "epistemic", Voice: ReporterVoice, Feature: NoFeature, OtherVoiceFeature: NoFeature,
		Description: "implicative verbs (manage, fail to)"},
	{Name: ConstructHedge, Family: "hedge", Voice: ReporterVoice, Feature: FeatureHedge, OtherVoiceFeature: NoFeature,
		Description: "hedges (may, reportedly)"},
	{Name: ConstructReportNeutral, Family: "source", Voice: AnyVoice, Feature: NoFeature,
		Description: "neutral reporting verbs and phrases (said, told, according to)"},
	{Name: ConstructReportLoaded, Family: "source", Voice: AnyVoice, Feature: FeatureReportLoaded, Flagged: true,
		Description: "loaded reporting verbs (claimed, admitted, insisted)"},
	{Name: ConstructVagueSource, Family: "source", Voice: AnyVoice, Feature: FeatureVagueSource,
		Description: "vague-source cues (critics, analysts, many believe)"},
	{Name: ConstructAnonymousSource, Family: "source", Voice: AnyVoice, Feature: NoFeature,
		Description: "anonymous-source cues (a senior official, sources familiar with the matter)"},
	{Name: ConstructImported, Family: "other", Voice: AnyVoice, Feature: NoFeature,
		Description: "a category imported from another dictionary: counted and shown, not scored"},
	{Name: ConstructNegation, Voice: AnyVoice, Feature: NoFeature, Context: true,
		Description: "negation cues (not, no longer): cancel a loaded word or intensifier that follows"},
	{Name: ConstructFrameGeneric, Voice: AnyVoice, Feature: NoFeature,
		Description: "cues of the generic news frames (conflict, human interest, economic consequences, morality, responsibility)"},
	{Name: ConstructFramePolicy, Voice: AnyVoice, Feature: NoFeature,
		Description: "cues of the policy frames (Boydstun et al.'s Policy Frames Codebook)"},
	{Name: ConstructActor, Voice: AnyVoice, Feature: NoFeature,
		Description: "names of actors (people, states, organisations) and their aliases"},
	{Name: ConstructLearnedWord, Family: "learned", Voice: AnyVoice, Feature: NoFeature, Exemplars: true,
		Description: "a word or phrase weighed by trained weights (slant train --features words): its evidence weight is the learned weight, negative when the word lowers the score; under quotes: discount only the reporter's voice counts"},
}

// constructIndex maps names to rows. Building it checks the table: names
// are unique, and each sentence feature is fed by at most one construct
// and voice (which also catches a row that forgot to say NoFeature: its
// zero FeatureID would feed loaded_reporter a second time).
var constructIndex = func() map[string]int {
	m := make(map[string]int, len(Constructs))
	fedBy := map[FeatureID]string{}
	for i, c := range Constructs {
		if _, dup := m[c.Name]; dup {
			panic("framing: construct " + c.Name + " listed twice")
		}
		m[c.Name] = i
		feeds := []FeatureID{c.Feature}
		if c.Voice == ReporterVoice {
			feeds = append(feeds, c.OtherVoiceFeature)
		}
		for _, f := range feeds {
			if f == NoFeature {
				continue
			}
			if prev, dup := fedBy[f]; dup {
				panic(fmt.Sprintf("framing: feature %s is fed by %s and %s (a row without Feature or OtherVoiceFeature must say NoFeature)", f, prev, c.Name))
			}
			fedBy[f] = c.Name
		}
	}
	return m
}()

// ConstructInfo returns a construct's row of the table; ok is false for an
// unknown name.
func ConstructInfo(name string) (ConstructDef, bool) {
	i, ok := constructIndex[name]
	if !ok {
		return ConstructDef{Feature: NoFeature, OtherVoiceFeature: NoFeature}, false
	}
	return Constructs[i], true
}

// ConstructNames returns the known construct names, in table order.
func ConstructNames() []string {
	out := make([]string, len(Constructs))
	for i, c := range Constructs {
		out[i] = c.Name
	}
	return out
}

// FamilyConstructs returns the constructs of a highlight family, in table
// order.
func FamilyConstructs(class string) []string {
	var out []string
	for _, c := range Constructs {
		if c.Family == class {
			out = append(out, c.Name)
		}
	}
	return out
}

// Counts reports whether a piece of evidence counts toward its construct's
// measures: the voice rule holds and it is not negated.
func (c ConstructDef) Counts(e Evidence) bool { return !e.Negated && c.Voice.Counts(e.Voice) }

// CheckLexicons checks that every category of set names a construct of the
// table; the error names the file, line and category.
func CheckLexicons(set *lexicon.Set) error {
	if err := set.CheckConstructs(ConstructNames()); err != nil {
		return fmt.Errorf("framing: %w", err)
	}
	return nil
}
