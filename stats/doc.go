// Package stats holds the pure statistics Slant's comparisons use: effect
// sizes (Cohen's h, Cliff's delta, Hedges' g, with normal-approximation
// intervals for h and a rank-based one for δ), two-sample tests
// (Mann–Whitney U, permutation tests, Fisher's exact test, the exact
// conditional test of two Poisson rates), paired designs (Wilcoxon
// signed-rank, sign-flip permutation, a bootstrap over blocks), clustered
// designs (a permutation test and a bootstrap that move whole clusters),
// medians, keyness statistics for word
// frequencies (Dunning's log-likelihood G² and the Fightin' Words log-odds
// ratio with an informative Dirichlet prior), multiple-comparison control
// (Benjamini–Hochberg q-values) and confidence intervals (percentile
// bootstrap, Wilson score, t-based mean intervals from mergeable sums).
//
// The functions follow the conventions of gonum.org/v1/gonum/stat: they are
// free functions over slices and scalars, each doc comment states the
// formula, and the reference distributions come from
// gonum.org/v1/gonum/stat/distuv rather than being re-derived here.
//
// Functions panic only on API misuse (a nil statistic function). Degenerate
// data (empty samples, zero totals, parameters out of range) never panic:
// every function documents what it returns in that case, usually NaN. The
// package holds no mutable global state. Randomised procedures
// (PermutationTest, BootstrapCI) take an explicit seed and are deterministic
// for a given seed and input, so results can be reproduced and cached.
package stats
