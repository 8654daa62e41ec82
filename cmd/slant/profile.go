package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/slantlab/slant/framing"

	"github.com/spf13/cobra"
)

func newProfileCmd() *cobra.Command {
	var in inputFlags
	var per periodFlag
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
			by, err := per.groupBy(by)
			if err != nil {
				return err
			}
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
				if err := framing.WriteProfiles(f, ps); err != nil {
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
	per.register(c)
	c.Flags().StringVar(&by, "by", "outlet", "group by this field (outlet, or a metadata field)")
	c.Flags().BoolVar(&dedup, "dedup", false, "count each story once: leave out near-duplicates (syndicated copies) of an article read before")
	c.Flags().StringVar(&out, "out", "", "write the profiles as JSON to this file")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.AddCommand(newProfileMergeCmd())
	return c
}

func newProfileMergeCmd() *cobra.Command {
	var out string
	c := &cobra.Command{
		Use:   "merge FILE... --out FILE",
		Short: "Merge profiles of shards analysed apart (slant profile --out files)",
		Long: `merge reads profile files written by "slant profile --out" (or Beam's --profiles) on
shards of a corpus analysed on different machines, and writes their exact sum: the profiles
of the whole corpus, which compare and report read with --profiles.

Inputs built with different lexicons (fingerprint), grouping fields (--by) or profile schemas
are refused with a message naming the two files and what differs; nothing is written then.`,
		Example: `  slant profile shard1.jsonl --out p1.json
  slant profile shard2.jsonl --out p2.json
  slant profile merge p1.json p2.json --out all.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("profile merge: --out FILE is required")
			}
			var all []*framing.Profiles
			for _, a := range args {
				ps, err := readProfilesFile(a)
				if err != nil {
					return err
				}
				all = append(all, ps)
			}
			merged, err := framing.MergeAll(all, args)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := framing.WriteProfiles(&buf, merged); err != nil {
				return err
			}
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("writing profiles: %w", err)
			}
			var docs int64
			for _, p := range merged.All() {
				docs += p.Documents
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "merged %d files: %d profiles (%d documents) by %s, lexicons %.12s, written to %s\n", len(args), len(merged.Keys()), docs, merged.GroupBy, merged.Lexicons, out)
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "write the merged profiles as JSON to this `FILE` (required)")
	return c
}

// readProfilesFile reads a profiles JSON file (slant profile --out).
func readProfilesFile(path string) (*framing.Profiles, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return framing.ReadProfiles(f, path)
}

// savedProfilesInput reads --profiles FILE for compare and report (verb
// says what the command does with them, for the usage error): the saved
// profiles stand in for the corpus, so a corpus PATH or --analysis beside
// them is refused, and so are the designs that need the articles. The
// profiles' undated counts are reported on w.
func savedProfilesInput(w io.Writer, path, verb string, args []string, in inputFlags, design designFlags) (*framing.Profiles, error) {
	switch {
	case len(args) > 0 || in.analysis != "":
		return nil, usagef("--profiles %s %s saved profiles: give no corpus PATH or --analysis as well", path, verb)
	case design.pairBy != "" || design.clusterBy != "":
		return nil, usagef("--pair-by and --cluster-by need the articles, not only their profiles: use --analysis or a corpus PATH")
	}
	ps, err := readProfilesFile(path)
	if err != nil {
		return nil, err
	}
	reportUndated(w, ps, "")
	return ps, nil
}
