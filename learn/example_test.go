package learn_test

import (
	"fmt"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/learn"
)

// Learn which words left- and right-labelled outlets use more than center
// ones, from a tiny labelled corpus.
func Example() {
	word := map[string]string{"left": "reckless", "right": "lawless", "center": "sensible"}
	l := learn.New(learn.Options{LabelField: "label", Reference: "center", MinCount: 5, MinZ: 2})
	for _, label := range []string{"left", "right", "center"} {
		for o := range 3 {
			for i := range 8 {
				l.Add(&corpus.Article{
					ID:     fmt.Sprintf("%s-%d-%d", label, o, i),
					Outlet: fmt.Sprintf("%s outlet %d", label, o),
					Text:   fmt.Sprintf("In session %d the council passed a %s plan after residents asked about schools and roads.", i, word[label]),
					Meta:   map[string]string{"label": label},
				})
			}
		}
	}
	res, err := l.Learn()
	if err != nil {
		panic(err)
	}
	for _, c := range res.Categories {
		for _, t := range c.Terms {
			fmt.Printf("%s: %s (%s %d, center %d, %d outlets, weight %.1f)\n", c.Label, t.Term, c.Label, t.CountTarget, t.CountReference, t.Outlets, t.Weight)
		}
	}
	// Output:
	// left: reckless (left 24, center 0, 3 outlets, weight 1.0)
	// right: lawless (right 24, center 0, 3 outlets, weight 1.0)
}
