package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/slantlab/slant/evaluate"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

func newEvalFramesCmd() *cobra.Command {
	var in inputFlags
	var dataset, format, mappingPath, weightsPath string
	c := &cobra.Command{
		Use:   "eval-frames --dataset FILE.jsonl",
		Short: "Validate the policy-frame cues against articles labelled with frame themes",
		Long: `eval-frames reads articles labelled with issue-specific frame themes (JSON Lines with
"id", "title", "text", "frame_theme1", optional "frame_theme2" and "relevant"; the schema
of the Gun Violence Frame Corpus), maps each theme onto a Policy Frames Codebook
dimension (Boydstun et al. 2014) with the embedded GVFC mapping or --mapping, analyses
title and text together, and scores two answers per article:

  predicted  the policy frame with the highest share of cue weight ("none" when there
             are no cues or the leader is the residual "other");
  dominant   the analyzer's Dominant frame, which abstains ("mixed") unless a frame has
             at least 3 cues and leads by 0.10; it is scored on coverage (the share not
             mixed) and accuracy on the covered articles.

It reports n, accuracy against the mapped primary theme and against either theme,
macro-F1 over the mapped classes, the same for the argmax restricted to the mapped
frames, a majority-class baseline, per-class precision/recall/F1 and the confusion
matrix (rows gold, columns predicted). Articles with "relevant": false carry no frame
and are skipped (counted). Part-of-speech tagging is off: frame cues do not use it.

With --weights (from slant train --task frames) the predicted frame is the one
whose trained linear score over the frame-cue counts (and words) is highest;
the dominant frame stays the zero-shot one. Scoring the data the weights were
trained on is in-sample: the honest figure is the cross-validated one that
train prints.`,
		Example: `  slant eval-frames --dataset ../shared/eval/gvfc_multimodal_articles.jsonl
  slant eval-frames --dataset ../shared/eval/gvfc_multimodal_articles.jsonl --format json
  slant eval-frames --dataset my_frames.jsonl --mapping my_mapping.yaml --lexicon extra.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dataset == "" {
				return usagef("--dataset is required")
			}
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			mapping, err := frameMapping(mappingPath)
			if err != nil {
				return err
			}
			items, err := evaluate.ReadFrameItems(dataset)
			if err != nil {
				return err
			}
			in.noPOS = true
			var rep evaluate.FrameReport
			if weightsPath != "" {
				fw, err := evaluate.LoadFrameWeights(weightsPath)
				if err != nil {
					return err
				}
				an, err := in.analyzer(framing.WithTerms())
				if err != nil {
					return err
				}
				if rep, err = evaluate.RunFramesTrained(an, items, mapping, fw); err != nil {
					return err
				}
			} else {
				an, err := in.analyzer()
				if err != nil {
					return err
				}
				if rep, err = evaluate.RunFrames(an, items, mapping); err != nil {
					return err
				}
			}
			rep.Dataset = dataset
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(out, rep)
			}
			writeFrameReport(out, rep)
			return nil
		},
	}
	c.Flags().StringVar(&dataset, "dataset", "", "frame-labelled JSON Lines file")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.Flags().StringVar(&weightsPath, "weights", "", "per-frame weights YAML from slant train --task frames: the predicted frame is the argmax of their scores")
	c.Flags().StringVar(&mappingPath, "mapping", "", "theme → policy-frame mapping YAML (default: the embedded GVFC mapping)")
	c.Flags().StringArrayVar(&in.lexicons, "lexicon", nil, "extra lexicon YAML file, added to (or replacing by name) the defaults; repeatable")
	return c
}

func writeFrameReport(w io.Writer, rep evaluate.FrameReport) {
	fmt.Fprintf(w, "dataset            %s\nmapping            %s\n", rep.Dataset, rep.Mapping)
	fmt.Fprintf(w, "n                  %d (%d read, %d not relevant skipped; %d with a second theme; %d without policy-frame cues)\n",
		rep.N, rep.Read, rep.SkippedIrrelevant, rep.WithTheme2, rep.NoCues)
	fmt.Fprintf(w, "argmax frame       accuracy %.4f   theme1-or-2 %.4f   macro-F1 %.4f\n", rep.Accuracy, rep.AccuracyEither, rep.MacroF1)
	fmt.Fprintf(w, "  mapped only      accuracy %.4f   theme1-or-2 %.4f   macro-F1 %.4f\n", rep.Restricted.Accuracy, rep.Restricted.AccuracyEither, rep.Restricted.MacroF1)
	fmt.Fprintf(w, "majority baseline  accuracy %.4f   theme1-or-2 %.4f   macro-F1 %.4f   (always %s)\n",
		rep.Baseline.Accuracy, rep.Baseline.AccuracyEither, rep.Baseline.MacroF1, rep.Baseline.Class)
	d := rep.Dominant
	fmt.Fprintf(w, "dominant frame     coverage %.4f (%d)   accuracy on covered %.4f   theme1-or-2 on covered %.4f\n",
		d.Coverage, d.Covered, d.AccuracyCovered, d.EitherCovered)
	fmt.Fprintf(w, "  mixed as wrong   accuracy %.4f   macro-F1 %.4f\n\n", d.Accuracy, d.MacroF1)

	width := len("class")
	for _, c := range rep.Classes {
		width = max(width, len(c))
	}
	fmt.Fprintf(w, "%-*s  precision  recall      F1  support  predicted\n", width, "class")
	for _, m := range rep.PerClass {
		fmt.Fprintf(w, "%-*s  %9.4f  %6.4f  %6.4f  %7d  %9d\n", width, m.Class, m.Precision, m.Recall, m.F1, m.Support, m.Predicted)
	}

	// Confusion matrix: gold classes as rows, every predicted label as a
	// column (abbreviated to keep the table narrow; the legend spells them).
	cols := make([]string, 0, len(rep.Predictions))
	for k := range rep.Predictions {
		cols = append(cols, k)
	}
	sort.Strings(cols)
	fmt.Fprintf(w, "\nconfusion (rows gold, columns predicted)\n%-*s", width, "")
	for i := range cols {
		fmt.Fprintf(w, " %5s", fmt.Sprintf("c%d", i+1))
	}
	fmt.Fprintln(w)
	for _, g := range rep.Classes {
		fmt.Fprintf(w, "%-*s", width, g)
		for _, p := range cols {
			fmt.Fprintf(w, " %5d", rep.Confusion[g][p])
		}
		fmt.Fprintln(w)
	}
	legend := make([]string, len(cols))
	for i, p := range cols {
		legend[i] = fmt.Sprintf("c%d=%s", i+1, p)
	}
	fmt.Fprintf(w, "%s\n", strings.Join(legend, " "))
	fmt.Fprintf(w, "\n(dominance: at least %d cues and a lead of %.2f; see framing.MinFrameCues, FrameMargin)\n", framing.MinFrameCues, framing.FrameMargin)
}

// frameMapping is the theme → policy-frame mapping that --mapping names,
// or the embedded GVFC mapping when it names none (eval-frames and train
// --task frames share it).
func frameMapping(path string) (*evaluate.FrameMapping, error) {
	if path == "" {
		return evaluate.GVFCMapping()
	}
	return evaluate.LoadFrameMapping(path)
}
