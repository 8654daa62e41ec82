package framing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slantlab/slant/seeds"
)

// groupingOf builds a grouping by outlet of the given seed results.
func groupingOf(t *testing.T, lexicons string, rs ...*Result) *Profiles {
	t.Helper()
	ps := NewProfiles("outlet", lexicons)
	for _, r := range rs {
		if err := ps.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return ps
}

func profilesJSON(t *testing.T, ps *Profiles) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteProfiles(&b, ps); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestProfilesMergeRefusesIncompatible: a grouping whose profiles were
// built with other lexicons, another grouping field or another schema is
// refused even when its keys are disjoint from the receiver's (so that no
// profile pair is ever merged), and the receiver is left unchanged.
func TestProfilesMergeRefusesIncompatible(t *testing.T) {
	rs := seedResults(t)
	fp := rs[seeds.AP].Lexicons
	for _, tc := range []struct {
		name, want string
		spoil      func(o *Profiles)
	}{
		{"lexicons", "built with lexicons", func(o *Profiles) {
			o.Lexicons = "0000000000000000"
			for _, p := range o.byKey {
				p.Lexicons = o.Lexicons
			}
		}},
		{"one profile's lexicons", "built with lexicons", func(o *Profiles) { o.byKey[seeds.EasternHerald].Lexicons = "ffff" }},
		{"grouping", `grouped by "outlet" and "label"`, func(o *Profiles) {
			o.GroupBy = "label"
			for _, p := range o.byKey {
				p.GroupBy = "label"
			}
		}},
		{"schema", fmt.Sprintf("schema %d and 99", ProfileSchema), func(o *Profiles) { o.byKey[seeds.EasternHerald].Schema = 99 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := groupingOf(t, fp, rs[seeds.AP])
			o := groupingOf(t, fp, rs[seeds.EasternHerald], rs["Insight News Media"])
			tc.spoil(o)
			before := profilesJSON(t, ps)
			err := ps.Merge(o)
			if !errors.Is(err, ErrIncompatible) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want ErrIncompatible mentioning %q", err, tc.want)
			}
			if after := profilesJSON(t, ps); after != before {
				t.Error("a refused merge changed the receiver")
			}
			if len(ps.Keys()) != 1 {
				t.Errorf("keys after refusal: %v", ps.Keys())
			}
		})
	}
	// The compatible case merges disjoint and shared keys alike.
	ps := groupingOf(t, fp, rs[seeds.AP])
	if err := ps.Merge(groupingOf(t, fp, rs[seeds.EasternHerald], rs[seeds.AP])); err != nil {
		t.Fatal(err)
	}
	ap, _ := ps.Get(seeds.AP)
	if len(ps.Keys()) != 2 || ap.Documents != 2 {
		t.Errorf("keys %v, AP documents %d", ps.Keys(), ap.Documents)
	}
}

// TestMergeDecodedWithoutMaps: a profile decoded from JSON that lacks its
// maps (null or absent) merges and adds without panicking.
func TestMergeDecodedWithoutMaps(t *testing.T) {
	rs := seedResults(t)
	fp := rs[seeds.AP].Lexicons
	var bare Profile
	src := `{"schema": ` + fmt.Sprint(ProfileSchema) + `, "lexicons": "` + fp + `", "group_by": "outlet", "keys": ["AP"], "articles": null}`
	if err := json.Unmarshal([]byte(src), &bare); err != nil {
		t.Fatal(err)
	}
	full := NewProfile("outlet", seeds.AP, fp)
	must(t, full.Add(rs[seeds.AP]))
	if err := bare.Merge(full); err != nil {
		t.Fatal(err)
	}
	if bare.Documents != 1 || bare.Articles[MeasureLoadedRate].N != 1 {
		t.Errorf("merged: %d documents, %+v", bare.Documents, bare.Articles[MeasureLoadedRate])
	}
	var bare2 Profile
	must(t, json.Unmarshal([]byte(src), &bare2))
	must(t, full.Merge(&bare2)) // merging an empty one in
	must(t, bare2.Add(rs[seeds.AP]))
}

// TestReadProfilesRoundTrip: profiles written and read back compare
// exactly as the originals, and inputs that disagree are refused naming
// what differs.
func TestReadProfilesRoundTrip(t *testing.T) {
	rs := seedList(t)
	ps := groupingOf(t, rs[0].Lexicons, rs...)
	js := profilesJSON(t, ps)
	back, err := ReadProfiles(strings.NewReader(js), "p.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := profilesJSON(t, back); got != js {
		t.Error("profiles do not round-trip through JSON")
	}
	opt := CompareOptions{Bootstrap: 200, Seed: 3}
	a, err := CompareTo(ps, seeds.EasternHerald, Rest, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CompareTo(back, seeds.EasternHerald, Rest, opt)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("comparison from read-back profiles differs")
	}
	if _, err := CompareTo(back, "Nobody", Rest, opt); !errors.Is(err, ErrNoSource) {
		t.Errorf("unknown target: %v", err)
	}

	spoilt := strings.Replace(js, `"lexicons": "`+rs[0].Lexicons+`"`, `"lexicons": "abcdef"`, 1)
	if _, err := ReadProfiles(strings.NewReader(spoilt), "p.json"); !errors.Is(err, ErrIncompatible) || !strings.Contains(err.Error(), "p.json") || !strings.Contains(err.Error(), "built with lexicons") {
		t.Errorf("mixed fingerprints: %v", err)
	}
	for _, bad := range []string{``, `{}`, `[]`, `[null]`, `[{"schema": 1, "keys": []}]`, `[{"schema": 1, "keys": ["a"], "colour": 1}]`} {
		if _, err := ReadProfiles(strings.NewReader(bad), "bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json") {
			t.Errorf("%q: %v", bad, err)
		}
	}

	// MergeAll: two shards give the whole; a shard of other lexicons is
	// refused naming both inputs.
	half1 := groupingOf(t, rs[0].Lexicons, rs[:2]...)
	half2 := groupingOf(t, rs[0].Lexicons, rs[2:]...)
	m, err := MergeAll([]*Profiles{half1, half2}, []string{"a.json", "b.json"})
	if err != nil {
		t.Fatal(err)
	}
	if got := profilesJSON(t, m); got != js {
		t.Error("merged shards differ from the whole")
	}
	other := groupingOf(t, rs[0].Lexicons, rs[2:]...)
	other.Lexicons = "abc"
	if _, err := MergeAll([]*Profiles{half1, other}, []string{"a.json", "c.json"}); err == nil || !strings.Contains(err.Error(), "c.json does not merge with a.json") {
		t.Errorf("MergeAll: %v", err)
	}
}

// TestReadProfilesUndated: a grouping without undated articles is written
// as a plain array; the object form's counts are read back, and a negative
// count or an unknown field is refused naming the file.
func TestReadProfilesUndated(t *testing.T) {
	ps := NewProfiles("outlet", "lex")
	var buf bytes.Buffer
	must(t, WriteProfiles(&buf, ps))
	if strings.HasPrefix(buf.String(), "{") {
		t.Errorf("no undated articles, yet an object: %.40s", buf.String())
	}
	p := `{"schema": ` + fmt.Sprint(ProfileSchema) + `, "group_by": "outlet@month", "keys": ["AP 2025-01"], "lexicons": "lex"}`
	for _, c := range []struct{ src, want string }{
		{`{"profiles": [` + p + `], "undated": {"AP": 3}}`, ""},
		{`{"profiles": [` + p + `], "undated": {"AP": -3}}`, "negative"},
		{`{"profiles": [` + p + `], "undatd": {"AP": 3}}`, "unknown field"},
	} {
		got, err := ReadProfiles(strings.NewReader(c.src), "u.json")
		switch {
		case c.want == "" && (err != nil || got.Undated["AP"] != 3):
			t.Errorf("%s: %v %v", c.src, got, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "u.json")):
			t.Errorf("%s: %v", c.src, err)
		}
	}
}

// TestWriteProfilesStreams: WriteProfiles, which encodes one profile at a
// time, writes the very bytes of one json.Encoder call over the whole
// document (SetIndent("", "  ")): for the seeds by outlet (a plain array),
// for a grouping by month with undated articles (the object form, the
// profiles one level deeper), for one profile, and for none.
func TestWriteProfilesStreams(t *testing.T) {
	rs := seedResults(t)
	var all []*Result
	for _, k := range slices.Sorted(maps.Keys(rs)) {
		all = append(all, rs[k])
	}
	byOutlet := groupingOf(t, all[0].Lexicons, all...)
	one := groupingOf(t, all[0].Lexicons, all[0])
	byMonth := NewProfiles(WithPeriod("outlet", Month), all[0].Lexicons)
	for i, r := range all {
		c := *r
		if i%2 == 0 {
			c.Published = time.Date(2025, time.Month(1+i), 3, 0, 0, 0, 0, time.UTC)
		} else {
			c.Published = time.Time{}
		}
		must(t, byMonth.Add(&c))
	}
	if len(byMonth.Undated) == 0 || len(byMonth.Keys()) < 2 {
		t.Fatalf("the by-month grouping should have dated profiles and undated counts: %v, %v", byMonth.Keys(), byMonth.Undated)
	}
	for name, ps := range map[string]*Profiles{"by outlet": byOutlet, "one": one, "by month, undated": byMonth, "none": NewProfiles("outlet", "lex")} {
		var got, want bytes.Buffer
		must(t, WriteProfiles(&got, ps))
		must(t, writeProfilesEncoder(&want, ps))
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			i := 0
			for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
				i++
			}
			t.Errorf("%s: streamed JSON differs from the encoder's at byte %d: %q vs %q", name, i, got.Bytes()[i:min(got.Len(), i+40)], want.Bytes()[i:min(want.Len(), i+40)])
		}
	}
}
