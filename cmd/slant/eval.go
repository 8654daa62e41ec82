package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/slantlab/slant/evaluate"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

func newEvalCmd() *cobra.Command {
	var in inputFlags
	var dataset, format, labelField, predictions string
	c := &cobra.Command{
		Use:   "eval --dataset FILE.jsonl",
		Short: "Validate the sentence bias score against human labels",
		Long: `eval reads sentence-level labelled data (JSON Lines with "text", a 0/1 label in
--label-field, optional "biased_words", "id" and "outlet") and reports n, ROC-AUC
of the sentence bias score and macro-F1 at the best threshold and at a fixed one
(0.5, or the threshold stored in --weights), with stratified bootstrap 95%
intervals (1,000 replicates), the Brier score, a calibration table (observed
rate of positives per score bin), and word-level precision and recall of the
words Slant flags (loaded language, intensifiers, insinuation, doubt markers,
stance adverbs, loaded reporting verbs) against the annotators' biased words.

When the items name their outlet, it also reports the AUC within outlets (pairs
from the same outlet only) next to the AUC that outlet identity alone achieves:
on BABE, outlet predicts the label well, so a pooled AUC can be style, not bias.

--predictions FILE writes one CSV row per item: id, outlet, score, label, the
prediction at the fixed threshold, and the largest contributions to the score.`,
		Example: `  slant eval --dataset ../shared/eval/babe_dev.jsonl
  slant eval --dataset ../shared/eval/basil_sentences.jsonl --format json
  slant eval --dataset my_labels.jsonl --label-field biased --weights weights.yaml --predictions preds.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dataset == "" {
				return usagef("--dataset is required")
			}
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			items, skips, err := evaluate.ReadFileWith(dataset, evaluate.ReadOptions{LabelField: labelField, TextField: in.textField, IDField: in.idField, OutletField: in.outletField})
			if err != nil {
				return err
			}
			reportItemSkips(cmd, skips)
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			rep, err := evaluate.Run(an, items, dataset)
			if err != nil {
				return err
			}
			rep.Skipped = len(skips)
			if predictions != "" {
				if err := writePredictions(predictions, rep.Predictions); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(out, rep)
			}
			writeEvalReport(out, rep)
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&dataset, "dataset", "", "labelled JSON Lines file")
	c.Flags().StringVar(&labelField, "label-field", "label", "field holding the 0/1 label")
	c.Flags().StringVar(&predictions, "predictions", "", "write one CSV row per item (id, outlet, score, label, predicted, top contributions) to FILE")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return c
}

func writeEvalReport(out io.Writer, rep evaluate.Report) {
	fmt.Fprintf(out, "dataset          %s (%d items skipped)\nweights          %s\nn                %d (%d biased)\n", rep.Dataset, rep.Skipped, rep.Weights, rep.N, rep.Positives)
	fmt.Fprintf(out, "ROC-AUC          %.4f  [%.4f, %.4f]\n", rep.AUC, rep.AUCCI[0], rep.AUCCI[1])
	fmt.Fprintf(out, "macro-F1 best    %.4f (threshold %.4f)\n", rep.MacroF1Best, rep.Threshold)
	fmt.Fprintf(out, "macro-F1 fixed   %.4f  [%.4f, %.4f] (threshold %.4f)\n", rep.MacroF1Fixed, rep.MacroF1FixedCI[0], rep.MacroF1FixedCI[1], rep.FixedAt)
	fmt.Fprintf(out, "                 (95%% stratified bootstrap intervals, %d replicates)\n", rep.Bootstrap)
	fmt.Fprintf(out, "Brier score      %.4f\nword precision   %.4f\nword recall      %.4f\n", rep.Brier, rep.WordPrecision, rep.WordRecall)
	fmt.Fprintf(out, "\ncalibration      score bin      n  mean score  observed\n")
	for _, b := range rep.Calibration {
		fmt.Fprintf(out, "                 [%.1f, %.1f)  %5d  %10.4f  %8.4f\n", b.Lo, b.Hi, b.N, b.MeanScore, b.Observed)
	}
	if o := rep.Outlets; o != nil {
		fmt.Fprintf(out, "\noutlets          %d\nAUC within outlets   %.4f\nAUC of outlet alone  %.4f (each item scored by its outlet's rate of positives)\n", o.Outlets, o.WithinAUC, o.OutletOnlyAUC)
		for _, p := range o.PerOutlet {
			fmt.Fprintf(out, "  %-28s n %5d  positives %5d  AUC %.4f\n", p.Outlet, p.N, p.Positives, p.AUC)
		}
	}
}

// writePredictions writes one CSV row per item.
func writePredictions(path string, preds []evaluate.Prediction) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing predictions: %w", err)
	}
	w := report.NewCSVWriter(f, false) // the one formula neutraliser
	_ = w.Write([]string{"id", "outlet", "score", "label", "predicted", "top_contributions"})
	for _, p := range preds {
		var top []string
		for _, c := range p.Contributions {
			top = append(top, fmt.Sprintf("%s=%+.4f", c.Feature, c.Contribution))
		}
		_ = w.Write([]string{p.ID, p.Outlet, strconv.FormatFloat(p.Score, 'f', 6, 64), strconv.Itoa(p.Label), strconv.Itoa(p.Predicted), strings.Join(top, "; ")})
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing predictions: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing predictions: %w", err)
	}
	return nil
}

func newTrainCmd() *cobra.Command {
	var in inputFlags
	var dataset, out, features, quotes, labelField, format, task, mappingPath string
	var folds, maxWeights, minDF int
	var seed uint64
	var alpha float64
	c := &cobra.Command{
		Use:   "train --dataset FILE.jsonl --out weights.yaml",
		Short: "Fit sparse, named sentence-score weights on labelled sentences (penalised logistic regression)",
		Long: `train fits the sentence score on labelled sentences (JSON Lines with "text" and a
0/1 label) by lasso or elastic-net logistic regression, and writes the weights as
YAML for --weights. Every weight is named and can be argued with:

  core        the named sentence features (loaded language in the reporter's
              voice, intensifiers, editorial markers, attribution, ...)
  categories  one count per lexicon category × voice (reporter, quote, reported)
  words       word stems and stem bigrams seen in at least --min-df sentences;
              a learned word or phrase becomes evidence (span and weight) in
              analyze, kwic and the report

Features are standardised before the penalty; λ is chosen by the smallest
cross-validated log loss (among the λ whose fit keeps at most --max-weights
weights); the stored threshold is the best macro-F1 threshold on the
out-of-fold predictions. --quotes discount (the default) leaves words inside
quotes and reported speech, and the features measuring quoted material, out of
the model; --quotes count lets them count like the reporter's words (BABE's
expert annotators label a sentence biased when it quotes biased words). The
choice, λ, the threshold, the cross-validated figures, the data path and the
date are recorded in the weights file.

By default all three feature sets are used, with at most ` + strconv.Itoa(evaluate.DefaultMaxWeights) + ` weights. A unigram
multinomial Naive Bayes on the same folds (over every word, and under --quotes
discount also over the reporter's words only) is reported for comparison, and a
warning is printed when the Naive Bayes over every word beats the fitted model
on ROC-AUC or macro-F1: a bag of words should never be the better model
without you being told.`,
		Example: `  slant train --dataset my_labels.jsonl --out weights.yaml
  slant train --dataset my_labels.jsonl --features core --max-weights 0 --out weights.yaml
  slant eval --dataset held_out.jsonl --weights weights.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dataset == "" || out == "" {
				return usagef("--dataset and --out are required")
			}
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			sets, err := evaluate.ParseFeatureSets(features)
			if err != nil {
				return usagef("--features: %v", err)
			}
			if task == evaluate.FrameTask {
				if !cmd.Flags().Changed("features") {
					sets = []string{evaluate.FeaturesCategories}
				}
				if !cmd.Flags().Changed("min-df") {
					minDF = evaluate.DefaultFrameMinDF
				}
				return trainFrames(cmd, args, in, dataset, out, mappingPath, format, evaluate.TrainOptions{Folds: folds, Seed: seed, Features: sets, Alpha: alpha, MinDF: minDF, Data: dataset})
			}
			if task != "sentences" {
				return usagef("--task must be sentences or frames")
			}
			mode, err := framing.ParseQuotesMode(quotes)
			if err != nil || quotes == "" {
				return usagef("--quotes must be count or discount")
			}
			if in.weights != "" {
				return usagef("train fits weights: --weights does not apply")
			}
			items, skips, err := evaluate.ReadFileWith(dataset, evaluate.ReadOptions{LabelField: labelField})
			if err != nil {
				return err
			}
			reportItemSkips(cmd, skips)
			an, err := in.analyzer(framing.WithTerms())
			if err != nil {
				return err
			}
			if maxWeights <= 0 {
				maxWeights = -1 // no cap
			}
			rep, err := evaluate.Train(an, items, evaluate.TrainOptions{Folds: folds, Seed: seed, Features: sets, Quotes: mode,
				Alpha: alpha, MaxWeights: maxWeights, MinDF: minDF, Data: dataset, Command: commandLine(cmd, args)})
			if err != nil {
				return err
			}
			data, err := yaml.Marshal(rep.Weights)
			if err != nil {
				return err
			}
			header := "# Sentence-score weights written by slant train; every weight is named.\n# Load with --weights. See \"training\" for how they were chosen.\n"
			if err := os.WriteFile(out, append([]byte(header), data...), 0o644); err != nil {
				return fmt.Errorf("writing weights: %w", err)
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(w, rep)
			}
			fmt.Fprintf(w, "n %d (%d positive), %d-fold cross-validation; features %s; quotes %s; %d candidate features\n",
				rep.N, rep.Positives, rep.Folds, strings.Join(rep.Features, ","), rep.Quotes, rep.Candidates)
			for _, l := range rep.Path {
				mark := " "
				if l.Lambda == rep.Lambda {
					mark = "*"
				}
				fmt.Fprintf(w, " %s λ=%-10.4g weights %4d  log loss %.4f  AUC %.4f\n", mark, l.Lambda, l.NonZero, l.LogLoss, l.AUC)
			}
			fmt.Fprintf(w, "chosen λ=%g: %d non-zero weights; cross-validated log loss %.4f, AUC %.4f, macro-F1 %.4f; threshold %.4f\n",
				rep.Lambda, rep.NonZero, rep.CVLogLoss, rep.CVAUC, rep.CVMacroF1, rep.Threshold)
			fmt.Fprintf(w, "unigram Naive Bayes, same folds: AUC %.4f, macro-F1 %.4f\n", rep.Baseline.AUC, rep.Baseline.MacroF1)
			if b := rep.BaselineSameWords; b != nil {
				fmt.Fprintf(w, "  on the reporter's words only (what --quotes %s lets the model read): AUC %.4f, macro-F1 %.4f\n", rep.Quotes, b.AUC, b.MacroF1)
			}
			if o := rep.Outlets; o != nil {
				fmt.Fprintf(w, "within outlets (%d): AUC %.4f, Naive Bayes %.4f; outlet identity alone: AUC %.4f\n", o.Outlets, o.WithinAUC, rep.Baseline.WithinOutletAUC, o.OutletOnlyAUC)
			}
			fmt.Fprintf(w, "weights written to %s\n", out)
			if beats := rep.BaselineBeats(); len(beats) > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "slant: warning: the bag of words (unigram Naive Bayes on the same folds) beats this model on %s; %s\n", strings.Join(beats, " and "), trainAdvice(rep))
			}
			if rep.NonZero == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "slant: warning: no weight was kept (the penalty chose the empty model, or --max-weights is below the first step of the path)")
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&dataset, "dataset", "", "labelled JSON Lines file")
	c.Flags().StringVar(&labelField, "label-field", "label", "field holding the 0/1 label")
	c.Flags().StringVar(&out, "out", "", "where to write the weights YAML")
	c.Flags().StringVar(&features, "features", strings.Join(evaluate.DefaultFeatureSets, ","), "feature sets, comma-separated: core, categories, words (with --task frames the default is categories)")
	c.Flags().StringVar(&quotes, "quotes", string(framing.QuotesDiscount), "whether quoted and reported words count: count or discount")
	c.Flags().IntVar(&folds, "folds", 5, "cross-validation folds")
	c.Flags().Uint64Var(&seed, "seed", 1, "seed of the stratified fold assignment (recorded in the weights file)")
	c.Flags().IntVar(&maxWeights, "max-weights", evaluate.DefaultMaxWeights, "at most this many non-zero weights (0: no cap)")
	c.Flags().IntVar(&minDF, "min-df", evaluate.DefaultMinDF, fmt.Sprintf("words: minimum number of sentences a stem or bigram occurs in (with --task frames the default is %d articles)", evaluate.DefaultFrameMinDF))
	c.Flags().Float64Var(&alpha, "alpha", evaluate.DefaultAlpha, "elastic-net mixing: 1 lasso, towards 0 ridge")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.Flags().StringVar(&task, "task", "sentences", "sentences (the sentence bias score) or frames (per-frame weights over the frame cues, for eval-frames --weights)")
	c.Flags().StringVar(&mappingPath, "mapping", "", "frames: theme → policy-frame mapping YAML (default: the embedded GVFC mapping)")
	return c
}

// trainAdvice suggests what might let a trained model catch up with the
// bag of words, from what the run left out.
func trainAdvice(rep evaluate.TrainReport) string {
	var tips []string
	if !slices.Contains(rep.Features, evaluate.FeaturesWords) {
		tips = append(tips, "add words (--features "+strings.Join(evaluate.DefaultFeatureSets, ",")+")")
	}
	if rep.Quotes == framing.QuotesDiscount {
		tips = append(tips, "let quoted words count (--quotes count; the Naive Bayes reads them)")
	}
	if tr := rep.Weights.Training; rep.CapBinding && tr != nil {
		tips = append(tips, fmt.Sprintf("allow more weights (a higher --max-weights: the cap of %d stopped the path)", tr.MaxWeights))
	}
	if len(tips) == 0 {
		return "more labelled data, or a lower --min-df, may help; the model stays sparse and named, the Naive Bayes weighs every word"
	}
	return "try: " + strings.Join(tips, "; ")
}

// trainFrames is slant train --task frames.
func trainFrames(cmd *cobra.Command, args []string, in inputFlags, dataset, out, mappingPath, format string, opt evaluate.TrainOptions) error {
	mapping, err := frameMapping(mappingPath)
	if err != nil {
		return err
	}
	items, err := evaluate.ReadFrameItems(dataset)
	if err != nil {
		return err
	}
	in.noPOS = true // frame cues do not use part-of-speech tags
	an, err := in.analyzer(framing.WithTerms())
	if err != nil {
		return err
	}
	opt.Command = commandLine(cmd, args)
	rep, err := evaluate.TrainFrames(an, items, mapping, opt)
	if err != nil {
		return err
	}
	data, err := yaml.Marshal(rep.Weights)
	if err != nil {
		return err
	}
	header := "# Per-frame weights written by slant train --task frames; every weight is named.\n# Load with slant eval-frames --weights. See \"training\" for how they were chosen.\n"
	if err := os.WriteFile(out, append([]byte(header), data...), 0o644); err != nil {
		return fmt.Errorf("writing weights: %w", err)
	}
	w := cmd.OutOrStdout()
	if format == "json" {
		return writeJSON(w, rep)
	}
	fmt.Fprintf(w, "%d-fold cross-validated frame predictions (trained weights, %d non-zero, features %s)\n", rep.Folds, rep.NonZero, strings.Join(rep.Weights.Training.FeatureSets, ","))
	rep.CV.Dataset = dataset
	writeFrameReport(w, rep.CV)
	fmt.Fprintf(w, "weights written to %s\n", out)
	return nil
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
