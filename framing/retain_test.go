package framing

import (
	"context"
	"strings"
	"testing"
	"unsafe"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// TestProfilesKeepNoArticleText: no string a profile holds points into an
// article's text, so profiles never keep articles alive (on the AllSides
// sample the words that did kept 46 MB of texts). Each seed is analysed
// twice from separate copies of its text: adding a word a profile already
// counts is where a map assignment would swap in the new article's copy.
func TestProfilesKeepNoArticleText(t *testing.T) {
	an := analyzer(t)
	ps := NewProfiles("outlet", an.Fingerprint())
	var texts []string
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		for range 2 {
			b := *a
			b.Text = strings.Clone(a.Text)
			r, err := an.Analyze(context.Background(), &b)
			if err != nil {
				return err
			}
			texts = append(texts, r.Text)
			if err := ps.Add(r); err != nil {
				return err
			}
		}
		return nil
	})
	must(t, err)
	inText := func(s string) bool {
		if s == "" {
			return false
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, x := range texts {
			lo := uintptr(unsafe.Pointer(unsafe.StringData(x)))
			if lo <= p && p < lo+uintptr(len(x)) {
				return true
			}
		}
		return false
	}
	check := func(where, s string) {
		if inText(s) {
			t.Errorf("%s %q points into an article's text", where, s)
		}
	}
	for _, p := range ps.All() {
		for _, k := range p.Keys {
			check("key", k)
		}
		for k := range p.Terms {
			check("term", k)
		}
		for k := range p.CategoryHits {
			check("category", k)
		}
		for _, e := range p.Exemplars {
			for _, s := range []string{e.Article, e.Text, e.Sentence, e.Category} {
				check("exemplar", s)
			}
		}
		for k, a := range p.Actors {
			check("actor", k)
			check("actor name", a.Name)
			for _, m := range []map[string]float64{a.Verbs, a.Descriptors, a.Sides} {
				for v := range m {
					check("actor portrait", v)
				}
			}
		}
	}
}
