package audit_test

import (
	"context"
	"fmt"

	"github.com/slantlab/slant/audit"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

// Audit the contested terms of the bundled seeds and print the most
// frequent one with its counts.
func Example() {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	au := audit.New(audit.Options{Categories: []string{"contested.russia_ukraine"}, Samples: 1})
	_, err = framing.Run(context.Background(), an, seeds.Corpus(context.Background()), framing.RunOptions{}, func(r *framing.Result) error {
		au.Add(r)
		return nil
	})
	if err != nil {
		panic(err)
	}
	top := au.Report().Categories[0].Top[0]
	fmt.Printf("%s: %d hits in %d outlets, %.0f%% in %s\n", top.Term, top.Hits, top.Outlets, 100*top.TopOutletShare, top.TopOutlet)
	// Output:
	// kyiv: 9 hits in 4 outlets, 33% in unnamed-blog-002
}
