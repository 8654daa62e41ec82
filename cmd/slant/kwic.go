package main

import (
	"errors"
	"fmt"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/report"
	"github.com/spf13/cobra"
)

func newKwicCmd() *cobra.Command {
	var in inputFlags
	var width int
	c := &cobra.Command{
		Use:   "kwic TERM [PATH...]",
		Short: "Concordance: every occurrence of a word, phrase or lexicon category, in context",
		Long: `kwic prints a keyword-in-context concordance: each occurrence of TERM with its
outlet, article, byte offsets and the text around it. TERM is a word or phrase
(matched as a lexicon entry would be: tokenized like the text, case and
apostrophes folded, * at a word's edge for a glob, page furniture excluded) or a
lexicon category ID such as loaded.pejorative; with --weights from slant train,
learned.words lists the learned words and phrases.`,
		Example: `  slant kwic "security guarantees"
  slant kwic loaded.moral_condemnation
  slant kwic "militar*"
  slant kwic Kyiv articles/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 0 || width > framing.MaxKWICWidth {
				return usagef("--width %d: want 0 to %d characters", width, framing.MaxKWICWidth)
			}
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			k, err := an.KWIC(args[0])
			if errors.Is(err, framing.ErrBadTerm) {
				return usageError{err}
			} else if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			ctx := commandContext(cmd)
			n := 0
			st, err := corpus.Tally(in.articles(ctx, args[1:]), func(a *corpus.Article) error {
				lines, err := k.Find(ctx, a, width)
				if err != nil {
					return err
				}
				for _, l := range lines {
					n++
					fmt.Fprintf(out, "%s\t%s\t%d:%d\t%*s [%s] %s\n", report.TerminalSafe(l.Outlet), report.TerminalSafe(l.Article), l.Start, l.End,
						width, report.TerminalSafe(l.Left), report.TerminalSafe(l.Match), report.TerminalSafe(l.Right))
				}
				return nil
			})
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			fmt.Fprintf(cmd.ErrOrStderr(), "%d occurrences in %d articles\n", n, st.Articles)
			return nil
		},
	}
	in.register(c)
	c.Flags().IntVar(&width, "width", 40, "characters of context on each side (0 to 1000)")
	return c
}
