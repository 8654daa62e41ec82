package coverage

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/slantlab/slant/framing"
)

// Default thresholds. Each is documented where it is used and tested on
// hand-made cases (coverage_test.go, events_test.go).
const (
	// DefaultClaimThreshold is the TF-IDF cosine (content stems, IDF over the
	// event's sentences) at or above which two sentences of different
	// outlets are one claim. In the seed event, the sentences that report
	// one fact in different words score 0.25-0.4 ("Macron announced that 26
	// states were ready ..." / "Macron announced Thursday that 26 nations
	// have agreed ...": 0.32; "... take effect only after a ceasefire or
	// peace agreement" / "... take effect following any ceasefire or peace
	// settlement": 0.31), while sentences on different facts of the same
	// summit mostly stay below 0.25; the hand-made paraphrases of
	// coverage_test.go check both sides of the line.
	DefaultClaimThreshold = 0.25
	// DefaultQuoteOverlap is the overlap coefficient |A∩B| / min(|A|,|B|)
	// of two quotations' content stems at or above which they are one quote
	// (one outlet may quote a fragment of what another quotes in full).
	DefaultQuoteOverlap = 0.6
	// DefaultOmitShare is the share of the other outlets of an event that
	// must include a unit for an outlet without it to have omitted it; at
	// least two other outlets must include it too.
	DefaultOmitShare = 0.5
)

// Options configure Analyze. The zero value uses the defaults.
type Options struct {
	ClaimThreshold float64
	QuoteOverlap   float64
	OmitShare      float64
	// Cluster configures event clustering for documents with no event key.
	Cluster ClusterOptions
	// DupThreshold is the shingle similarity of near-duplicates
	// (DefaultDupThreshold when 0).
	DupThreshold float64
}

func (o Options) withDefaults() Options {
	if o.ClaimThreshold <= 0 {
		o.ClaimThreshold = DefaultClaimThreshold
	}
	if o.QuoteOverlap <= 0 {
		o.QuoteOverlap = DefaultQuoteOverlap
	}
	if o.OmitShare <= 0 {
		o.OmitShare = DefaultOmitShare
	}
	o.Cluster = o.Cluster.withDefaults()
	if o.DupThreshold <= 0 {
		o.DupThreshold = DefaultDupThreshold
	}
	return o
}

// Doc is one analysed article and what places it in an event.
type Doc struct {
	Result *framing.Result
	// Event is the article's event key (for example BASIL's event_id); ""
	// means unknown, and the article is clustered with the other unkeyed
	// articles.
	Event string
	// Published is the publication time, used by the clustering window; the
	// zero time means unknown (no window applies).
	Published time.Time
}

// Report is the coverage analysis of a collection of articles.
type Report struct {
	Settings Settings `json:"settings"`
	Events   []Event  `json:"events"`
	// Duplicates are articles that are near-copies of an earlier one
	// (syndicated wire copy, republications), in input order.
	Duplicates []Duplicate `json:"duplicates"`
}

// Settings records the thresholds a Report was computed with.
type Settings struct {
	ClaimThreshold float64 `json:"claim_threshold"`
	QuoteOverlap   float64 `json:"quote_overlap"`
	OmitShare      float64 `json:"omit_share"`
	EventThreshold float64 `json:"event_threshold"`
	Window         string  `json:"window"`
	DupThreshold   float64 `json:"dup_threshold"`
}

// Event is one event: its articles, the content units they carry and each
// outlet's coverage.
type Event struct {
	ID string `json:"id"`
	// Method is "key" when the articles share an event key, "cluster" when
	// they were grouped by similarity.
	Method   string           `json:"method"`
	Articles []ArticleRef     `json:"articles"`
	Units    []Unit           `json:"units"`
	Outlets  []OutletCoverage `json:"outlets"`
	// Sentences are the informational-bias scores of every claim sentence,
	// article by article, in text order.
	Sentences []SentenceScore `json:"sentences"`
}

// ArticleRef names an article of an event.
type ArticleRef struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Unit is one content unit of an event: the same actor, source, number or
// date across articles, or the same claim or quote in different words.
type Unit struct {
	// ID is the kind and a number, unique within the event ("claim-3").
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Key is the shared key for keyed kinds; empty for claims and quotes.
	Key string `json:"key,omitempty"`
	// Text is a representative form: the first article's wording.
	Text string `json:"text"`
	// Outlets are the outlets that include the unit, in event order.
	Outlets []string `json:"outlets"`
	// Spans are where each article carries it.
	Spans []UnitSpan `json:"spans"`
}

// UnitSpan is one occurrence of a unit.
type UnitSpan struct {
	Outlet  string `json:"outlet"`
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// OutletCoverage is what one outlet covers of an event.
type OutletCoverage struct {
	Outlet   string   `json:"outlet"`
	Articles []string `json:"articles"`
	// Included counts the units the outlet carries, Unique those no other
	// outlet of the event carries; ByKind breaks Included down.
	Included int            `json:"included"`
	Unique   int            `json:"unique"`
	ByKind   map[string]int `json:"by_kind"`
	// IncludedUnits and UniqueUnits are the IDs of the included and the
	// unique units.
	IncludedUnits []string `json:"included_units"`
	UniqueUnits   []string `json:"unique_units"`
	// Omitted are units most other outlets carry and this one does not.
	Omitted []Omission `json:"omitted"`
	// CoverageShare is Included divided by the event's units.
	CoverageShare float64 `json:"coverage_share"`
	// SharedQuotes are direct quotes the outlet shares with other outlets
	// (the same words: wire copy or a common press conference).
	SharedQuotes []Shared `json:"shared_quotes"`
	// Voices are who the outlet quotes or paraphrases.
	Voices    []Voice   `json:"voices"`
	Diversity Diversity `json:"diversity"`
}

// Omission is a unit an outlet leaves out, with the outlets that carry it
// and the sentence the first of them carries it in.
type Omission struct {
	Unit    string   `json:"unit"`
	Kind    Kind     `json:"kind"`
	Text    string   `json:"text"`
	Outlets []string `json:"outlets"`
	// Carried is the sentence of the first outlet that carries the unit.
	Carried string `json:"carried"`
	// CarriedBy is that outlet.
	CarriedBy string `json:"carried_by"`
}

// Shared is a unit an outlet shares with others.
type Shared struct {
	Unit    string   `json:"unit"`
	Text    string   `json:"text"`
	Outlets []string `json:"outlets"`
}

// Analyze groups docs into events (by key, or by clustering the unkeyed
// ones) and computes each event's units, outlet coverage and sentence
// scores. Output is deterministic: events in order of their first article,
// units by kind then first appearance.
func Analyze(docs []Doc, opt Options) (*Report, error) {
	opt = opt.withDefaults()
	for i, d := range docs {
		if d.Result == nil {
			return nil, fmt.Errorf("coverage: document %d has no result", i)
		}
	}
	groups := GroupEvents(docs, opt.Cluster)
	rep := &Report{Settings: Settings{ClaimThreshold: opt.ClaimThreshold, QuoteOverlap: opt.QuoteOverlap, OmitShare: opt.OmitShare,
		EventThreshold: opt.Cluster.Threshold, Window: opt.Cluster.Window.String(), DupThreshold: opt.DupThreshold}, Events: []Event{}}
	results := make([]*framing.Result, len(docs))
	for i, d := range docs {
		results[i] = d.Result
	}
	rep.Duplicates = Duplicates(results, opt.DupThreshold)
	for _, g := range groups {
		ev, err := analyzeEvent(g, docs, opt)
		if err != nil {
			return nil, err
		}
		rep.Events = append(rep.Events, ev)
	}
	return rep, nil
}

// ErrNoOutlets is returned by per-outlet lookups on an event without them.
var ErrNoOutlets = errors.New("coverage: event has no outlets")

// Outlet returns the coverage of the named outlet in the event.
func (e *Event) Outlet(name string) (*OutletCoverage, bool) {
	for i := range e.Outlets {
		if e.Outlets[i].Outlet == name {
			return &e.Outlets[i], true
		}
	}
	return nil, false
}

// Unit returns the unit with the given ID.
func (e *Event) Unit(id string) (*Unit, bool) {
	for i := range e.Units {
		if e.Units[i].ID == id {
			return &e.Units[i], true
		}
	}
	return nil, false
}

// artMention is a mention with the article it is in.
type artMention struct {
	Mention
	art    int // index into the event's docs
	outlet string
}

// eventData is what an event's computations share.
type eventData struct {
	docs     []Doc
	outlets  []string // in event order
	mentions []artMention
	group    []int // per mention: unit index
	units    []Unit
	claims   claimSpace
}

func analyzeEvent(g EventGroup, all []Doc, opt Options) (Event, error) {
	ev := Event{ID: g.ID, Method: g.Method, Articles: []ArticleRef{}, Units: []Unit{}, Outlets: []OutletCoverage{}, Sentences: []SentenceScore{}}
	ed := &eventData{}
	seenOutlet := map[string]bool{}
	for _, i := range g.Docs {
		d := all[i]
		ed.docs = append(ed.docs, d)
		ref := ArticleRef{ID: d.Result.ID, Outlet: d.Result.Outlet, Title: d.Result.Title}
		if !d.Published.IsZero() {
			ref.Published = d.Published.Format(time.RFC3339)
		}
		ev.Articles = append(ev.Articles, ref)
		if !seenOutlet[d.Result.Outlet] {
			seenOutlet[d.Result.Outlet] = true
			ed.outlets = append(ed.outlets, d.Result.Outlet)
		}
	}
	for ai, d := range ed.docs {
		for _, m := range Mentions(d.Result) {
			ed.mentions = append(ed.mentions, artMention{Mention: m, art: ai, outlet: d.Result.Outlet})
		}
	}
	ed.align(opt)
	ev.Units = ed.units
	ev.Outlets = ed.outletCoverage(opt)
	ev.Sentences = ed.sentenceScores(opt.ClaimThreshold)
	return ev, nil
}

// align groups the event's mentions into units: keyed kinds by key, quotes
// by stem overlap, claims by TF-IDF cosine; only mentions from different
// outlets are joined by similarity.
func (ed *eventData) align(opt Options) {
	n := len(ed.mentions)
	uf := newUnionFind(n)
	byKey := map[string]int{}
	var claims, quotes []int
	for i, m := range ed.mentions {
		switch m.Kind {
		case Claim:
			claims = append(claims, i)
		case Quote:
			quotes = append(quotes, i)
		default:
			k := string(m.Kind) + "\x00" + m.Key
			if j, ok := byKey[k]; ok {
				uf.union(j, i)
			} else {
				byKey[k] = i
			}
		}
	}
	ed.claims = newClaimSpace(ed.mentions, claims)
	for a := 0; a < len(claims); a++ {
		for b := a + 1; b < len(claims); b++ {
			i, j := claims[a], claims[b]
			if ed.mentions[i].outlet == ed.mentions[j].outlet {
				continue
			}
			if cosine(ed.claims.vec[a], ed.claims.vec[b]) >= opt.ClaimThreshold {
				uf.union(i, j)
			}
		}
	}
	for a := 0; a < len(quotes); a++ {
		for b := a + 1; b < len(quotes); b++ {
			i, j := quotes[a], quotes[b]
			if ed.mentions[i].outlet == ed.mentions[j].outlet {
				continue
			}
			if overlap(ed.mentions[i].stems, ed.mentions[j].stems) >= opt.QuoteOverlap {
				uf.union(i, j)
			}
		}
	}
	// Number the units by kind, then first appearance (article order, then
	// offset), so IDs are stable.
	roots := map[int][]int{}
	var order []int
	for i := range ed.mentions {
		r := uf.find(i)
		if _, ok := roots[r]; !ok {
			order = append(order, r)
		}
		roots[r] = append(roots[r], i)
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := ed.mentions[order[a]], ed.mentions[order[b]]
		if ma.Kind != mb.Kind {
			return kindOrder[ma.Kind] < kindOrder[mb.Kind]
		}
		if ma.art != mb.art {
			return ma.art < mb.art
		}
		return ma.Start < mb.Start
	})
	ed.group = make([]int, n)
	count := map[Kind]int{}
	for _, r := range order {
		members := roots[r]
		first := ed.mentions[members[0]]
		count[first.Kind]++
		u := Unit{ID: fmt.Sprintf("%s-%d", first.Kind, count[first.Kind]), Kind: first.Kind, Text: first.Text, Outlets: []string{}, Spans: []UnitSpan{}}
		switch first.Kind {
		case Actor, Source:
			u.Key, u.Text = first.Key, first.Label
		case Number, Date:
			u.Key, u.Text = first.Key, first.Label
		}
		has := map[string]bool{}
		for _, i := range members {
			m := ed.mentions[i]
			ed.group[i] = len(ed.units)
			has[m.outlet] = true
			u.Spans = append(u.Spans, UnitSpan{Outlet: m.outlet, Article: ed.docs[m.art].Result.ID, Start: m.Start, End: m.End, Text: m.Text})
		}
		for _, o := range ed.outlets {
			if has[o] {
				u.Outlets = append(u.Outlets, o)
			}
		}
		ed.units = append(ed.units, u)
	}
}

// overlap is the overlap coefficient of two stem bags as sets. Bags of
// fewer than three stems must be equal sets.
func overlap(a, b []string) float64 {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, t := range a {
		sa[t] = true
	}
	for _, t := range b {
		sb[t] = true
	}
	inter := 0
	for t := range sa {
		if sb[t] {
			inter++
		}
	}
	m := min(len(sa), len(sb))
	if m == 0 {
		return 0
	}
	if m < 3 && (len(sa) != len(sb) || inter != m) {
		return 0
	}
	return float64(inter) / float64(m)
}

// outletCoverage computes each outlet's included, unique and omitted units,
// quotes shared and voices.
func (ed *eventData) outletCoverage(opt Options) []OutletCoverage {
	out := make([]OutletCoverage, 0, len(ed.outlets))
	nOut := len(ed.outlets)
	for _, o := range ed.outlets {
		oc := OutletCoverage{Outlet: o, Articles: []string{}, ByKind: map[string]int{}, IncludedUnits: []string{}, UniqueUnits: []string{}, Omitted: []Omission{}, SharedQuotes: []Shared{}, Voices: []Voice{}}
		for _, d := range ed.docs {
			if d.Result.Outlet == o {
				oc.Articles = append(oc.Articles, d.Result.ID)
			}
		}
		others := nOut - 1
		need := max(2, int(math.Ceil(opt.OmitShare*float64(others)-1e-9)))
		for _, u := range ed.units {
			in := contains(u.Outlets, o)
			switch {
			case in:
				oc.Included++
				oc.IncludedUnits = append(oc.IncludedUnits, u.ID)
				oc.ByKind[string(u.Kind)]++
				if len(u.Outlets) == 1 {
					oc.Unique++
					oc.UniqueUnits = append(oc.UniqueUnits, u.ID)
				}
				if u.Kind == Quote && len(u.Outlets) > 1 {
					oc.SharedQuotes = append(oc.SharedQuotes, Shared{Unit: u.ID, Text: u.Text, Outlets: u.Outlets})
				}
			case others >= 2 && len(u.Outlets) >= need:
				om := Omission{Unit: u.ID, Kind: u.Kind, Text: u.Text, Outlets: u.Outlets, CarriedBy: u.Spans[0].Outlet}
				om.Carried = ed.sentenceOf(u.Spans[0])
				oc.Omitted = append(oc.Omitted, om)
			}
		}
		if len(ed.units) > 0 {
			oc.CoverageShare = float64(oc.Included) / float64(len(ed.units))
		}
		var vms []voiceMention
		for _, d := range ed.docs {
			if d.Result.Outlet == o {
				vms = append(vms, voiceMentions(d.Result)...)
			}
		}
		oc.Voices, oc.Diversity = voicesOf(vms)
		if oc.Voices == nil {
			oc.Voices = []Voice{}
		}
		out = append(out, oc)
	}
	return out
}

// sentenceOf returns the sentence a unit span is in.
func (ed *eventData) sentenceOf(sp UnitSpan) string {
	for _, d := range ed.docs {
		if d.Result.ID != sp.Article || d.Result.Outlet != sp.Outlet {
			continue
		}
		if si := sentenceAt(d.Result, sp.Start); si >= 0 {
			s := d.Result.Sentences[si]
			return d.Result.Text[s.Start:s.End]
		}
	}
	return sp.Text
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
