package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/learn"
	"github.com/slantlab/slant/lexicon"
	"github.com/spf13/cobra"
)

func newLexiconLearnCmd() *cobra.Command {
	var opt learn.Options
	var fields corpus.Fields
	var out, name, licence, curator string
	var noGazetteer bool
	c := &cobra.Command{
		Use:   "learn CORPUS...",
		Short: "Learn a lexicon from a corpus whose documents carry a label (distant supervision)",
		Long: `learn derives a lexicon from labelled documents, for example articles labelled with
their outlet's AllSides rating (left, center, right). For each target label it keeps
the words its outlets use more than the reference label's outlets, by the Fightin'
Words log-odds ratio with informative Dirichlet prior (Monroe et al. 2008), after
sampling outlets evenly (--per-outlet) and dropping what is not bias: boilerplate
lines, outlet and person names (the actors gazetteer and capitalisation), stop and
style words, and terms concentrated in one outlet.

It writes a lexicon YAML (usable with --lexicon) whose description, references and
header record the corpus, the labels, this command line, the date and the source's
licence. A learned lexicon is the corpus's labels in another form: it is never a
default, and must not be committed when learned from evaluation data.`,
		Example: `  slant lexicon learn ../shared/eval/allsides_baly2020_sample.jsonl --label-field label \
      --reference center --source-licence Apache-2.0 --out learned.yaml
  slant eval --dataset my_sentences.jsonl --lexicon learned.yaml`,
		Args: lexArgs(1, -1, "one or more corpus paths"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !noGazetteer {
				set, err := lexicon.Default()
				if err != nil {
					return err
				}
				opt.Gazetteer = set
			}
			l := learn.New(opt)
			ctx := commandContext(cmd)
			st, err := corpus.Tally(corpus.Open(ctx, args, corpus.Options{Fields: fields}), func(a *corpus.Article) error {
				l.Add(a)
				return nil
			})
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			res, err := l.Learn()
			if err != nil {
				return err
			}
			p := learn.Provenance{Name: name, Corpus: args, Command: commandLine(cmd, args), Date: time.Now().UTC().Format(time.RFC3339), SourceLicence: licence, Curator: curator}
			lex, err := res.Lexicon(p)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := learn.WriteYAML(&buf, lex, p); err != nil {
				return err
			}
			if _, err := lexicon.Parse("learned", buf.Bytes()); err != nil {
				return fmt.Errorf("lexicon learn: the lexicon written does not load (a bug): %w", err)
			}
			errw := cmd.ErrOrStderr()
			learnSummary(errw, res)
			for _, a := range args {
				if abs, err := filepath.Abs(a); err == nil && strings.Contains(filepath.ToSlash(abs), "/shared/eval/") {
					fmt.Fprintln(errw, "warning: learned from evaluation data (shared/eval): use it to measure, never commit it or ship it")
					break
				}
			}
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("lexicon learn: %w", err)
			}
			fmt.Fprintf(errw, "wrote %s\n", out)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&fields.Text, "text-field", "text", "JSONL/CSV field holding the article text")
	f.StringVar(&fields.Outlet, "outlet-field", "outlet", "JSONL/CSV field holding the outlet")
	f.StringVar(&fields.Title, "title-field", "title", "JSONL/CSV field holding the title")
	f.StringVar(&fields.ID, "id-field", "id", "JSONL/CSV field holding the article ID")
	f.StringVar(&opt.LabelField, "label-field", "label", "field holding each document's label")
	f.StringVar(&opt.Reference, "reference", "center", "the label the others are compared with")
	f.StringArrayVar(&opt.Targets, "target", nil, "label to learn a category for (repeatable; default every label but the reference)")
	f.IntVar(&opt.PerOutlet, "per-outlet", learn.DefaultPerOutlet, "documents used per outlet at most (sampled by a hash of the ID)")
	f.IntVar(&opt.MinOutlets, "min-outlets", learn.DefaultMinOutlets, "a term must be used by at least this many of the label's outlets")
	f.Float64Var(&opt.MaxOutletShare, "max-outlet-share", learn.DefaultMaxOutletShare, "drop terms with more than this share of their count from one outlet")
	f.IntVar(&opt.MinCount, "min-count", learn.DefaultMinCount, "smallest count of a term in the target label")
	f.IntVar(&opt.Top, "top", learn.DefaultTop, "terms kept per label, highest z first")
	f.Float64Var(&opt.MinZ, "min-z", learn.DefaultMinZ, "smallest Fightin' Words z-score kept")
	f.Float64Var(&opt.PriorScale, "prior-scale", 0, "Dirichlet prior size as a share of the corpus (0: 0.01)")
	f.Float64Var(&opt.ProperShare, "proper-share", learn.DefaultProperShare, "drop words capitalised in at least this share of their non-initial uses (names)")
	f.StringVar(&opt.Construct, "construct", learn.DefaultConstruct, "construct of the learned categories")
	f.StringSliceVar(&opt.POS, "pos", nil, "keep only words whose usual part-of-speech tag starts with one of these (e.g. JJ,RB,VB: adjectives, adverbs, verbs)")
	f.BoolVar(&noGazetteer, "no-gazetteer", false, "do not drop the words of the actors lexicon")
	f.StringVar(&name, "name", "learned", "lexicon name (categories are NAME.<label>)")
	f.StringVar(&licence, "source-licence", "", "licence of the corpus and its labels, recorded in the lexicon")
	f.StringVar(&curator, "curator", "", "who ran the learner (default: the learner)")
	f.StringVarP(&out, "out", "o", "", "write the lexicon to FILE (default stdout)")
	return c
}

// learnSummary prints what was sampled, dropped and learned.
func learnSummary(w io.Writer, r *learn.Result) {
	var parts []string
	for _, k := range sortedKeysInt(r.Sampled) {
		parts = append(parts, fmt.Sprintf("%s %d documents / %d outlets", k, r.Sampled[k], r.Outlets[k]))
	}
	fmt.Fprintf(w, "read %d documents; sampled %s; %d boilerplate lines\n", r.Read, strings.Join(parts, ", "), r.BoilerplateLines)
	var drops []string
	for _, k := range sortedKeysInt(r.Dropped) {
		drops = append(drops, fmt.Sprintf("%s %d", k, r.Dropped[k]))
	}
	if len(drops) > 0 {
		fmt.Fprintf(w, "candidate terms dropped: %s\n", strings.Join(drops, ", "))
	}
	for _, c := range r.Categories {
		var ts []string
		for i, t := range c.Terms {
			if i == 15 {
				break
			}
			ts = append(ts, fmt.Sprintf("%s (%.1f)", t.Term, t.Z))
		}
		fmt.Fprintf(w, "%s vs %s: %d terms; top: %s\n", c.Label, r.Options.Reference, len(c.Terms), strings.Join(ts, ", "))
	}
}

func sortedKeysInt(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
