package framing

import (
	"sort"
)

// Design names say how a comparison forms its observations; every
// Comparison states its design first.
const (
	// DesignArticles treats the articles of each side as independent
	// observations (the default).
	DesignArticles = "independent_articles"
	// DesignSentences treats sentences as the observations, used when a
	// side has too few articles; it describes those articles only.
	DesignSentences = "sentences"
	// DesignPaired compares the two sides within blocks (an event, a day):
	// one difference per block covered by both.
	DesignPaired = "paired"
	// DesignClustered treats clusters (outlets) as the observations when a
	// side pools several of them.
	DesignClustered = "clustered"
)

// Paired-design tests, chosen by CompareOptions.PairedTest.
const (
	// TestSignedRank is the Wilcoxon signed-rank test of the per-block
	// differences (exact for small n without ties).
	TestSignedRank = "wilcoxon_signed_rank"
	// TestSignFlip is the sign-flip permutation test of their mean (exact
	// enumeration for small n, seeded Monte Carlo above).
	TestSignFlip = "sign_flip_permutation"
)

// Units keeps, for each group of a grouping (outlet, label), the article
// measures of each unit (a block such as an event for a paired design, or a
// cluster such as an outlet for a clustered design) as mergeable sums. A
// comparison reads it to form per-block differences or per-cluster means;
// it is built alongside Profiles from the same results.
type Units struct {
	// GroupBy is the grouping field the groups come from (as in Profiles).
	GroupBy string
	// Field is the article field that names the unit ("event_id",
	// "outlet").
	Field string
	// Keys says where the unit keys came from when they are not the
	// articles' own Field values (for example events clustered from the
	// text, or read from a file); the design statement repeats it. Empty
	// means the field itself.
	Keys   string
	groups map[string]map[string]*UnitSums
}

// UnitSums sums one unit's articles within one group.
type UnitSums struct {
	// Documents counts the unit's articles in the group.
	Documents int64
	// Measures holds moments of each article measure over those articles.
	Measures map[string]*Moments
}

// NewUnits returns an empty table of units named by field within groups
// named by groupBy ("outlet" when empty, as NewProfiles).
func NewUnits(groupBy, field string) *Units {
	if groupBy == "" {
		groupBy = "outlet"
	}
	return &Units{GroupBy: groupBy, Field: field, groups: map[string]map[string]*UnitSums{}}
}

// Add records one article under its group and unit. An article without
// the unit field goes to the unit NoGroup; paired designs drop it (it
// cannot be matched), clustered designs keep it as one cluster.
func (u *Units) Add(r *Result) {
	u.AddUnit(r, r.Group(u.Field))
}

// AddUnit records one article under its group and the given unit key
// instead of its Field value: keys assigned outside the article (events
// clustered from the text, or joined from a file by article ID). An empty
// key is NoGroup.
func (u *Units) AddUnit(r *Result, unit string) {
	if unit == "" {
		unit = NoGroup
	}
	g, k := r.Group(u.GroupBy), unit
	m := u.groups[g]
	if m == nil {
		m = map[string]*UnitSums{}
		u.groups[g] = m
	}
	s := m[k]
	if s == nil {
		s = &UnitSums{Measures: map[string]*Moments{}}
		m[k] = s
	}
	s.Documents++
	names := make([]string, 0, len(r.Measures))
	for name := range r.Measures {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		moment(s.Measures, name).Add(r.Measures[name])
	}
}

// Groups returns the group values seen, sorted.
func (u *Units) Groups() []string {
	out := make([]string, 0, len(u.groups))
	for g := range u.groups {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// side returns the units of the groups keys (one profile's Keys), merged
// by unit: sums of a unit seen in several of the groups add up. The result
// maps unit value to sums; it is a new map (the table is not modified).
func (u *Units) side(keys []string) map[string]*UnitSums {
	out := map[string]*UnitSums{}
	sorted := append([]string(nil), keys...)
	sort.Strings(sorted)
	for _, g := range sorted {
		m := u.groups[g]
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			s := m[k]
			t := out[k]
			if t == nil {
				t = &UnitSums{Measures: map[string]*Moments{}}
				out[k] = t
			}
			t.Documents += s.Documents
			for _, name := range sortedKeys(s.Measures) {
				mm := s.Measures[name]
				tm := moment(t.Measures, name)
				tm.N, tm.Sum, tm.SumSq = tm.N+mm.N, tm.Sum+mm.Sum, tm.SumSq+mm.SumSq
			}
		}
	}
	return out
}

// count returns how many distinct units the groups keys hold.
func (u *Units) count(keys []string) int {
	seen := map[string]bool{}
	for _, g := range keys {
		for k := range u.groups[g] {
			seen[k] = true
		}
	}
	return len(seen)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
