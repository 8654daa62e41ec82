package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/text"
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
(matched on tokens, case and apostrophes folded, page furniture excluded) or a
lexicon category ID such as loaded.pejorative.`,
		Example: `  slant kwic "security guarantees"
  slant kwic loaded.moral_condemnation
  slant kwic Kyiv articles/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			term := args[0]
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			_, isCategory := an.Lexicons().Category(term)
			pipe, err := text.NewPipeline(text.WithoutTagging())
			if err != nil {
				return err
			}
			want := strings.Fields(text.Fold(term))
			out := cmd.OutOrStdout()
			ctx := commandContext(cmd)
			var cleaner corpus.Cleaner
			n := 0
			st, err := corpus.Tally(in.articles(ctx, args[1:]), func(a *corpus.Article) error {
				var spans [][2]int
				if isCategory {
					r, err := an.Analyze(ctx, a)
					if err != nil {
						return err
					}
					for _, e := range r.Evidence {
						if e.Category == term {
							spans = append(spans, [2]int{e.Start, e.End})
						}
					}
				} else {
					doc, err := pipe.Process(a.Text, framing.Blocks(cleaner.CleanArticle(a)))
					if err != nil {
						return err
					}
					for i := range doc.Tokens {
						if i+len(want) > len(doc.Tokens) {
							break
						}
						ok := true
						for k, w := range want {
							if doc.Tokens[i+k].Norm != w {
								ok = false
								break
							}
						}
						if ok {
							spans = append(spans, [2]int{doc.Tokens[i].Start, doc.Tokens[i+len(want)-1].End})
						}
					}
				}
				for _, s := range spans {
					n++
					fmt.Fprintf(out, "%s\t%s\t%d:%d\t%s [%s] %s\n", a.Outlet, a.ID, s[0], s[1], left(a.Text[:s[0]], width), a.Text[s[0]:s[1]], right(a.Text[s[1]:], width))
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
	c.Flags().IntVar(&width, "width", 40, "characters of context on each side")
	return c
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func left(s string, n int) string {
	s = oneLine(s)
	for utf8.RuneCountInString(s) > n {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return fmt.Sprintf("%*s", n, s)
}

func right(s string, n int) string {
	s = oneLine(s)
	for utf8.RuneCountInString(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}
