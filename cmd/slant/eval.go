package main

import (
	"fmt"
	"os"

	"github.com/slantlab/slant/evaluate"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

func newEvalCmd() *cobra.Command {
	var in inputFlags
	var dataset, format string
	c := &cobra.Command{
		Use:   "eval --dataset FILE.jsonl",
		Short: "Validate the sentence bias score against human labels",
		Long: `eval reads sentence-level labelled data (JSON Lines with "text", "label" 1/0 and
"biased_words") and reports n, ROC-AUC of the sentence bias score, macro-F1 at the
best threshold and at a fixed one (0.5, or the threshold stored in --weights), and
word-level precision and recall of the words Slant flags (loaded language,
intensifiers, insinuation, doubt markers, stance adverbs, loaded reporting verbs)
against the annotators' biased words.`,
		Example: `  slant eval --dataset ../shared/eval/babe_dev.jsonl
  slant eval --dataset ../shared/eval/basil_sentences.jsonl --format json
  slant eval --dataset my_labels.jsonl --weights weights.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dataset == "" {
				return usagef("--dataset is required")
			}
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			items, skips, err := evaluate.ReadFile(dataset)
			if err != nil {
				return err
			}
			reportItemSkips(cmd, skips)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			rep, err := evaluate.Run(an, items, dataset)
			rep.Skipped = len(skips)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(out, rep)
			}
			fmt.Fprintf(out, "dataset          %s (%d items skipped)\nweights          %s\nn                %d (%d biased)\nROC-AUC          %.4f\nmacro-F1 best    %.4f (threshold %.4f)\nmacro-F1 fixed   %.4f (threshold %.4f)\nword precision   %.4f\nword recall      %.4f\n",
				rep.Dataset, rep.Skipped, rep.Weights, rep.N, rep.Positives, rep.AUC, rep.MacroF1Best, rep.Threshold, rep.MacroF1Fixed, rep.FixedAt, rep.WordPrecision, rep.WordRecall)
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&dataset, "dataset", "", "labelled JSON Lines file")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return c
}

func newTrainCmd() *cobra.Command {
	var in inputFlags
	var dataset, out string
	var folds int
	c := &cobra.Command{
		Use:   "train --dataset FILE.jsonl --out weights.yaml",
		Short: "Fit the sentence-score weights on labelled sentences (transparent logistic regression)",
		Long: `train fits one weight per named sentence feature (loaded language in the
reporter's voice, intensifiers, editorial markers, attribution, ...) by
L2-regularised logistic regression, choosing the penalty by k-fold
cross-validated macro-F1, and writes the weights as YAML for --weights. Every
weight can be read and argued with; nothing else is learned.`,
		Example: `  slant train --dataset my_labels.jsonl --out weights.yaml
  slant eval --dataset held_out.jsonl --weights weights.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dataset == "" || out == "" {
				return usagef("--dataset and --out are required")
			}
			items, skips, err := evaluate.ReadFile(dataset)
			if err != nil {
				return err
			}
			reportItemSkips(cmd, skips)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			rep, err := evaluate.Train(an, items, evaluate.TrainOptions{Folds: folds})
			if err != nil {
				return err
			}
			data, err := yaml.Marshal(rep.Weights)
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				return fmt.Errorf("writing weights: %w", err)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "n %d, %d-fold cross-validation\n", rep.N, rep.Folds)
			for _, l := range rep.ByLambda {
				fmt.Fprintf(w, "  λ=%-8g macro-F1 %.4f  AUC %.4f\n", l.Lambda, l.MacroF1, l.AUC)
			}
			fmt.Fprintf(w, "chosen λ=%g: cross-validated macro-F1 %.4f, AUC %.4f; threshold %.4f\nweights written to %s\n", rep.Lambda, rep.CVMacroF1, rep.CVAUC, rep.Threshold, out)
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&dataset, "dataset", "", "labelled JSON Lines file")
	c.Flags().StringVar(&out, "out", "", "where to write the weights YAML")
	c.Flags().IntVar(&folds, "folds", 5, "cross-validation folds")
	return c
}

// reportItemSkips prints skipped items (at most 5, then a count) to stderr.
func reportItemSkips(cmd *cobra.Command, skips []string) {
	for i, s := range skips {
		if i == 5 {
			fmt.Fprintf(cmd.ErrOrStderr(), "slant: ... and %d more skipped\n", len(skips)-5)
			break
		}
		fmt.Fprintln(cmd.ErrOrStderr(), "slant:", s)
	}
}
