// Package evaluate checks Slant's sentence bias score against human labels
// (sentence-level data in the schema of BABE: text, label, biased_words)
// and fits transparent score weights on a user's labelled data.
//
// Run reports ROC-AUC, macro-F1 at the best and at a fixed threshold, and
// word-level precision and recall of flagged words against the experts'
// biased words. Train fits one weight per named sentence feature by
// L2-regularised logistic regression (gonum/optimize), choosing the
// regularisation by k-fold cross-validation, so the resulting model can be
// read feature by feature.
package evaluate
