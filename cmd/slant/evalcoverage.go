package main

import (
	"fmt"
	"sort"

	"github.com/slantlab/slant/coverage"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

func newEvalCoverageCmd() *cobra.Command {
	var fields coverage.EvalFields
	var format string
	var train, words, noPOS bool
	var topt coverage.TrainOptions
	c := &cobra.Command{
		Use:   "eval-coverage FILE",
		Short: "Evaluate the informational-bias sentence score on event-grouped labelled sentences",
		Long: `eval-coverage rebuilds each article of FILE from its labelled sentences (JSON Lines
with text, article, outlet, event and a 0/1 label, e.g. BASIL's basil_sentences.jsonl),
groups articles by event, runs the coverage analysis and reports the ROC-AUC of
the zero-shot informational-bias score (fixed prior weights, never fitted) and of
each feature. --train adds a logistic regression whose cross-validation folds are
grouped by event, so no event is scored by a model that saw it; --words adds
hashed bag-of-words inputs (content stems, stem bigrams, function words,
punctuation) to it.`,
		Example: `  slant eval-coverage ../shared/eval/basil_sentences.jsonl
  slant eval-coverage ../shared/eval/basil_sentences.jsonl --train --words --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			items, err := coverage.ReadLabelledFile(args[0], fields)
			if err != nil {
				return err
			}
			var opts []framing.Option
			if noPOS {
				opts = append(opts, framing.WithoutPOS())
			}
			an, err := framing.NewAnalyzer(opts...)
			if err != nil {
				return err
			}
			sc, err := coverage.ScoreLabelled(an, items, coverage.Options{})
			if err != nil {
				return err
			}
			rep := coverage.Evaluate(sc)
			if train {
				topt.Words = words
				cv, err := coverage.CrossValidate(sc, topt)
				if err != nil {
					return err
				}
				rep.CV = &cv
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), rep)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%d sentences (%d positive) in %d events\n", rep.Sentences, rep.Positives, rep.Events)
			fmt.Fprintf(w, "zero-shot informational-bias score: ROC-AUC %.3f\n", rep.ZeroShotAUC)
			names := make([]string, 0, len(rep.FeatureAUC))
			for f := range rep.FeatureAUC {
				names = append(names, f)
			}
			sort.Strings(names)
			for _, f := range names {
				fmt.Fprintf(w, "  %-18s ROC-AUC %.3f\n", f, rep.FeatureAUC[f])
			}
			if rep.CV != nil {
				fmt.Fprintf(w, "trained (logistic regression on %s, λ=%g): event-grouped %d-fold CV ROC-AUC %.3f (folds %v)\n",
					rep.CV.Inputs, rep.CV.Lambda, rep.CV.Folds, rep.CV.AUC, rep.CV.FoldAUC)
			}
			return nil
		},
	}
	c.Flags().StringVar(&fields.Label, "label-field", "label_informational", "0/1 label field")
	c.Flags().StringVar(&fields.Event, "event-field", "event_id", "event key field")
	c.Flags().StringVar(&fields.Article, "article-field", "article_id", "article key field (sentences of an article in text order)")
	c.Flags().BoolVar(&train, "train", false, "also cross-validate a logistic regression, folds grouped by event")
	c.Flags().BoolVar(&words, "words", false, "with --train: add hashed bag-of-words inputs (content stems, stem bigrams, function words, punctuation)")
	c.Flags().IntVar(&topt.Folds, "folds", 5, "cross-validation folds")
	c.Flags().Float64Var(&topt.Lambda, "lambda", 1e-3, "L2 penalty of the logistic regression")
	c.Flags().BoolVar(&noPOS, "no-pos", false, "skip part-of-speech tagging")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return c
}
