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
//
// RunFrames checks the article-level policy frame against a frame-annotated
// corpus (the Gun Violence Frame Corpus schema), through the documented
// theme-to-frame mapping in gvfc_policy_frames.yaml.
package evaluate
