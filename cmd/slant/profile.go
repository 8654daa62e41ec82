package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newProfileCmd() *cobra.Command {
	var in inputFlags
	var by, out, format string
	var dedup bool
	c := &cobra.Command{
		Use:   "profile [PATH...]",
		Short: "Build per-source profiles (mergeable sums and counts)",
		Long: `profile analyses the corpus and builds one profile per source: counts of
documents, sentences and words, moments of every measure, per-category hits,
term frequencies and the strongest evidence. Profiles merge exactly, so shards
analysed apart can be combined. --out writes them as JSON.`,
		Example: `  slant profile
  slant profile allsides.jsonl --by label --out profiles.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			ctx := commandContext(cmd)
			ps, st, err := buildProfilesOnce(ctx, cmd.ErrOrStderr(), &in, args, by, dedup)
			if err != nil {
				return err
			}
			reportSkips(cmd.ErrOrStderr(), st)
			all := ps.All()
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("writing profiles: %w", err)
				}
				defer f.Close()
				if err := writeJSON(f, all); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d profiles to %s\n", len(all), out)
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), all)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%-32s %6s %8s %8s %10s %10s %10s\n", by, "docs", "sents", "words", "loaded", "unattr.ev", "EI")
			for _, p := range all {
				fmt.Fprintf(w, "%-32s %6d %8d %8d %10.3f %10.3f %10.3f\n", p.Key(), p.Documents, p.Sentences, p.Words,
					p.Articles["loaded_rate"].Mean(), p.Articles["unattributed_evaluative_share"].Mean(), p.Articles["editorializing_index"].Mean())
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&by, "by", "outlet", "group by this field (outlet, or a metadata field)")
	c.Flags().BoolVar(&dedup, "dedup", false, "count each story once: leave out near-duplicates (syndicated copies) of an article read before")
	c.Flags().StringVar(&out, "out", "", "write the profiles as JSON to this file")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return c
}
