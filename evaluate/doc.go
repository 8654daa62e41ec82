// Package evaluate checks Slant's scores against human labels and fits
// transparent weights on a user's labelled data.
//
// Run scores sentence-level data (the BABE schema: text, a 0/1 label,
// optional biased_words and outlet): ROC-AUC and macro-F1 with stratified
// bootstrap intervals, a calibration table, word-level precision and recall
// of flagged words against the annotators' biased words, and, when items
// name their outlet, the AUC within outlets next to what outlet identity
// alone achieves (a style confound on BABE).
//
// Train fits the sentence score: a lasso or elastic-net logistic regression
// (coordinate descent, glm.go) on standardised features from the chosen
// sets (by default all of them: the named features, lexicon category × voice
// counts, word stems and bigrams; at most DefaultMaxWeights weights), λ
// chosen by cross-validated log loss, the threshold chosen on out-of-fold
// predictions; every weight is named, and a unigram Naive Bayes on the same
// folds is reported beside it (TrainReport.BaselineBeats says when it wins).
//
// RunFrames checks the article-level policy frame against a frame-annotated
// corpus (the Gun Violence Frame Corpus schema), through the documented
// theme-to-frame mapping in gvfc_policy_frames.yaml; TrainFrames fits
// per-frame weights over the frame cues, and RunFramesTrained uses them.
package evaluate
