package main

import (
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

// designFlags are the comparison-design flags shared by compare and report.
type designFlags struct {
	pairBy, clusterBy, pairedTest string
	permutations                  int
	maxBootstrapN                 int
	weightArticles                bool
}

func (d *designFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&d.pairBy, "pair-by", "", "paired design: compare the two sources within blocks named by this field (e.g. event_id); n = blocks covered by both")
	c.Flags().StringVar(&d.clusterBy, "cluster-by", "", "clustered design: make clusters named by this field (e.g. outlet, when grouping by label) the unit of analysis")
	c.Flags().StringVar(&d.pairedTest, "paired-test", framing.TestSignedRank, "test of the paired design: "+framing.TestSignedRank+" or "+framing.TestSignFlip)
	c.Flags().IntVar(&d.permutations, "permutations", 9999, "Monte Carlo draws of the sign-flip and cluster permutation tests above their exact bounds")
	c.Flags().BoolVar(&d.weightArticles, "weight-articles", false, "clustered design: compare article-weighted means instead of counting each cluster once")
	c.Flags().IntVar(&d.maxBootstrapN, "bootstrap-max-n", 400, "above this many units in total, intervals use normal approximations instead of the bootstrap (the output names the method)")
}

// designUnits collects the units a design needs while the corpus is
// analysed.
type designUnits struct {
	pair, cluster, nesting *framing.Units
}

// units checks the flags and returns the collectors for grouping field by.
func (d *designFlags) units(by string) (*designUnits, error) {
	if by == "" {
		by = "outlet"
	}
	if d.pairBy != "" && d.clusterBy != "" {
		return nil, usagef("--pair-by and --cluster-by select different designs; give one")
	}
	for _, f := range []string{d.pairBy, d.clusterBy} {
		if f != "" && f == by {
			return nil, usagef("--pair-by/--cluster-by %q is the grouping field itself; name another field (for example --by label --cluster-by outlet)", f)
		}
	}
	if d.pairedTest != framing.TestSignedRank && d.pairedTest != framing.TestSignFlip {
		return nil, usagef("--paired-test must be %s or %s, not %q", framing.TestSignedRank, framing.TestSignFlip, d.pairedTest)
	}
	u := &designUnits{}
	switch {
	case d.pairBy != "":
		u.pair = framing.NewUnits(by, d.pairBy)
	case d.clusterBy != "":
		u.cluster = framing.NewUnits(by, d.clusterBy)
	case by != "outlet":
		// Only to warn that a side pools several outlets.
		u.nesting = framing.NewUnits(by, "outlet")
	}
	return u, nil
}

// add records one result in every collector.
func (u *designUnits) add(r *framing.Result) {
	for _, x := range []*framing.Units{u.pair, u.cluster, u.nesting} {
		if x != nil {
			x.Add(r)
		}
	}
}

// apply sets the design options.
func (d *designFlags) apply(u *designUnits, opt *framing.CompareOptions) {
	opt.PairBy, opt.ClusterBy, opt.Nesting = u.pair, u.cluster, u.nesting
	opt.PairedTest = d.pairedTest
	opt.Permutations = d.permutations
	opt.BootstrapMaxN = d.maxBootstrapN
	opt.WeightByArticles = d.weightArticles
}
