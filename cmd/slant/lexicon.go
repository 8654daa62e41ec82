package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
	"github.com/spf13/cobra"
)

// The helpers of this file are prefixed with "lex" because other commands
// share package main.

// lexImportFormats are the formats "slant lexicon import" reads.
var lexImportFormats = []string{"liwc", "yaml", "wordlist", "vader"}

func newLexiconCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "List, show, check, import, audit and learn lexicons",
		Long: `Slant's measures rest on lexicons: YAML files of categories (loaded language, intensifiers,
hedges, attribution formulas, contested terms, frame cues, ...) in which every category names
its construct, weight, references and curator (see lexicon/FORMAT.md).

The curated defaults are embedded in the binary. Your own lexicon files add to them, or replace
the default lexicon of the same name, wherever a command takes --lexicon FILE. Lexicons you
already own (LIWC .dic, quanteda-style YAML dictionaries, word lists, VADER) can be converted
with "slant lexicon import"; Slant does not ship them. "slant lexicon audit" lists what the
lexicons match in a corpus, to find misfires (remove them with --exclude FILE), and "slant
lexicon learn" derives a lexicon from documents that carry a label.`,
		Example: `  slant lexicon list
  slant lexicon show loaded.pejorative
  slant lexicon check my-terms.yaml
  slant lexicon import my.dic --format liwc --construct loaded_language --out my.yaml
  slant lexicon list --lexicon my.yaml
  slant lexicon audit corpus.jsonl --category loaded --format md
  slant lexicon learn corpus.jsonl --label-field label --reference center --out learned.yaml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("lexicon: unknown subcommand %q (want list, show, check, import, audit or learn)", args[0])
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(newLexiconListCmd(), newLexiconShowCmd(), newLexiconCheckCmd(), newLexiconImportCmd(), newLexiconAuditCmd(), newLexiconLearnCmd())
	return cmd
}

// lexArgs checks the number of positional arguments, returning a usage
// error that says what is expected.
func lexArgs(min, max int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < min || (max >= 0 && len(args) > max) {
			return usagef("%s: want %s, got %d argument(s)", cmd.CommandPath(), what, len(args))
		}
		return nil
	}
}

// lexFormat validates a --format flag value.
func lexFormat(flag, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	if len(allowed) == 2 {
		return usagef("%s %q: want %s or %s", flag, v, allowed[0], allowed[1])
	}
	return usagef("%s %q: want one of %s", flag, v, strings.Join(allowed, ", "))
}

// lexSet returns the default lexicons with files added or, when a file's
// lexicon has the name of a default one, put in its place. builtin records
// which lexicons are the embedded defaults.
func lexSet(files []string) (set *lexicon.Set, builtin map[*lexicon.Lexicon]bool, err error) {
	def, err := lexicon.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("default lexicons: %w", err)
	}
	builtin = map[*lexicon.Lexicon]bool{}
	for _, l := range def.Lexicons() {
		builtin[l] = true
	}
	if len(files) == 0 {
		return def, builtin, nil
	}
	var lexs []*lexicon.Lexicon
	for _, f := range files {
		l, err := lexicon.LoadFile(f)
		if err != nil {
			return nil, nil, err
		}
		lexs = append(lexs, l)
	}
	if err := def.Clashes(lexs...); err != nil {
		return nil, nil, err
	}
	set, err = def.With(lexs...)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", strings.Join(files, ", "), err)
	}
	return set, builtin, nil
}

// lexFile names where a lexicon came from, for display.
func lexFile(l *lexicon.Lexicon, builtin map[*lexicon.Lexicon]bool) string {
	if builtin[l] {
		return "(built in) lexicon/" + l.Source
	}
	return l.Source
}

func lexEntries(l *lexicon.Lexicon) int {
	n := 0
	for _, c := range l.Categories {
		n += len(c.Entries)
	}
	return n
}

// lexCount formats an integer with thousands separators.
func lexCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// lexPlural formats a count with its noun: "1 category", "3 categories".
func lexPlural(n int, one, many string) string {
	return lexCount(n) + " " + lexNoun(n, one, many)
}

func lexNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lexWeight formats a weight with at least one decimal (1.0, 0.65).
func lexWeight(w float64) string {
	s := strconv.FormatFloat(w, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// --- list -------------------------------------------------------------------

type lexListJSON struct {
	Fingerprint      string           `json:"fingerprint"`
	ShortFingerprint string           `json:"short_fingerprint"`
	Lexicons         []lexListLexicon `json:"lexicons"`
}

type lexListLexicon struct {
	Name       string            `json:"name"`
	Version    string            `json:"version"`
	Licence    string            `json:"licence"`
	Curator    string            `json:"curator"`
	File       string            `json:"file"`
	Builtin    bool              `json:"builtin"`
	Entries    int               `json:"entries"`
	Categories []lexListCategory `json:"categories"`
}

type lexListCategory struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Construct string `json:"construct"`
	Entries   int    `json:"entries"`
}

func newLexiconListCmd() *cobra.Command {
	var files []string
	var format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the lexicons, their categories and the set's fingerprint",
		Long: `List every lexicon in use (name, version, licence, curator, file) and every category
(id, construct, number of entries), followed by the fingerprint of the whole set.

The fingerprint is a hash of everything that changes what matches or how it is weighted
(terms, match types, weights, attributes; not notes or descriptions). Results and per-source
profiles carry it, and profiles built with different fingerprints refuse to merge.

With --lexicon FILE (repeatable) your files are added to the defaults; a file whose lexicon has
the name of a default lexicon replaces it.`,
		Example: `  slant lexicon list
  slant lexicon list --format json
  slant lexicon list --lexicon my-terms.yaml`,
		Args: lexArgs(0, 0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := lexFormat("--format", format, "text", "json"); err != nil {
				return err
			}
			set, builtin, err := lexSet(files)
			if err != nil {
				return err
			}
			out := lexListJSON{Fingerprint: set.Fingerprint(), ShortFingerprint: set.ShortFingerprint()}
			for _, l := range set.Lexicons() {
				ll := lexListLexicon{Name: l.Name, Version: l.Version, Licence: l.Licence, Curator: l.Curator,
					File: l.Source, Builtin: builtin[l], Entries: lexEntries(l), Categories: []lexListCategory{}}
				for _, c := range l.Categories {
					ll.Categories = append(ll.Categories, lexListCategory{ID: c.ID, Label: c.Label, Construct: c.Construct, Entries: len(c.Entries)})
				}
				out.Lexicons = append(out.Lexicons, ll)
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(out)
			}
			return lexWriteList(w, set, builtin)
		},
	}
	cmd.Flags().StringArrayVar(&files, "lexicon", nil, "add a lexicon `FILE` to the defaults, or replace the default of the same name (repeatable)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func lexWriteList(w io.Writer, set *lexicon.Set, builtin map[*lexicon.Lexicon]bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LEXICON\tVERSION\tLICENCE\tCATEGORIES\tENTRIES\tCURATOR\tFILE")
	cats, entries := 0, 0
	for _, l := range set.Lexicons() {
		n := lexEntries(l)
		cats += len(l.Categories)
		entries += n
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", l.Name, l.Version, l.Licence, len(l.Categories), lexCount(n), l.Curator, lexFile(l, builtin))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "CATEGORY\tCONSTRUCT\tENTRIES\tLEXICON")
	for _, l := range set.Lexicons() {
		for _, c := range l.Categories {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Construct, lexCount(len(c.Entries)), l.Name)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d lexicons, %d categories, %s entries; fingerprint %s\n", len(set.Lexicons()), cats, lexCount(entries), set.ShortFingerprint())
	return err
}

// --- show -------------------------------------------------------------------

func newLexiconShowCmd() *cobra.Command {
	var files []string
	var format string
	cmd := &cobra.Command{
		Use:   "show CATEGORY",
		Short: "Show one category: its provenance and every entry",
		Long: `Show one category: label, description, construct, default weight and match type, the full
citations of its references, its curator, and every entry with its match type, effective
weight, attributes and note. Entries marked "compounds" also match inside hyphenated words;
"shadow" entries only block shorter matches and are never reported.

CATEGORY is a category id as printed by "slant lexicon list" (for example
loaded.pejorative). An unknown id is an error that lists the closest ids.`,
		Example: `  slant lexicon show attribution.anonymous_source
  slant lexicon show my.terms --lexicon my-terms.yaml
  slant lexicon show loaded.pejorative --format json`,
		Args: lexArgs(1, 1, "one CATEGORY (see \"slant lexicon list\")"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := lexFormat("--format", format, "text", "json"); err != nil {
				return err
			}
			set, builtin, err := lexSet(files)
			if err != nil {
				return err
			}
			c, ok := set.Category(args[0])
			if !ok {
				return lexUnknownCategory(set, args[0])
			}
			var l *lexicon.Lexicon
			for _, x := range set.Lexicons() {
				if x.Name == c.Lexicon {
					l = x
				}
			}
			if format == "json" {
				return lexShowJSON(cmd.OutOrStdout(), set, l, c)
			}
			return lexShowText(cmd.OutOrStdout(), l, c, builtin)
		},
	}
	cmd.Flags().StringArrayVar(&files, "lexicon", nil, "add a lexicon `FILE` to the defaults, or replace the default of the same name (repeatable)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// lexUnknownCategory is the usage error for an unknown category id: it lists
// the closest ids, or the categories of a lexicon given by name.
func lexUnknownCategory(set *lexicon.Set, id string) error {
	for _, l := range set.Lexicons() {
		if l.Name == id {
			var ids []string
			for _, c := range l.Categories {
				ids = append(ids, c.ID)
			}
			return usagef("%q is a lexicon, not a category; its categories are: %s", id, strings.Join(ids, ", "))
		}
	}
	if close := set.Suggest(id, 8); len(close) > 0 {
		return usagef("unknown category %q; did you mean %s? (\"slant lexicon list\" lists them all)", id, strings.Join(close, ", "))
	}
	return usagef("unknown category %q (\"slant lexicon list\" lists the categories)", id)
}

// lexWrap folds s into lines of at most width bytes, each prefixed by indent.
func lexWrap(s, indent string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteString("\n")
			n = 0
		}
		if n == 0 {
			b.WriteString(indent)
		} else {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func lexAttrs(a map[string]string) string {
	if len(a) == 0 {
		return "-"
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + a[k]
	}
	return strings.Join(parts, ",")
}

func lexFlags(e *lexicon.Entry) string {
	var f []string
	if e.Compounds {
		f = append(f, "compounds")
	}
	if e.Shadow {
		f = append(f, "shadow")
	}
	if len(f) == 0 {
		return "-"
	}
	return strings.Join(f, ",")
}

// lexRefs resolves a category's reference ids to the lexicon's references.
func lexRefs(l *lexicon.Lexicon, c *lexicon.Category) []lexicon.Reference {
	var out []lexicon.Reference
	for _, id := range c.References {
		r := lexicon.Reference{ID: id, Citation: "(not found in the lexicon's references)"}
		for _, x := range l.References {
			if x.ID == id {
				r = x
			}
		}
		out = append(out, r)
	}
	return out
}

func lexCurator(l *lexicon.Lexicon, c *lexicon.Category) string {
	if c.Curator != "" {
		return c.Curator
	}
	return l.Curator
}

func lexShowText(w io.Writer, l *lexicon.Lexicon, c *lexicon.Category, builtin map[*lexicon.Lexicon]bool) error {
	match := c.Match
	if match == "" {
		match = lexicon.Exact
	}
	fmt.Fprintf(w, "%s: %s\n\n", c.ID, c.Label)
	fmt.Fprintln(w, lexWrap(c.Description, "  ", 92))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	fmt.Fprintf(tw, "construct:\t%s\n", c.Construct)
	fmt.Fprintf(tw, "weight:\t%s (default of the entries)\n", lexWeight(c.Weight))
	fmt.Fprintf(tw, "match:\t%s (default of the entries)\n", match)
	fmt.Fprintf(tw, "curator:\t%s\n", lexCurator(l, c))
	fmt.Fprintf(tw, "lexicon:\t%s %s, licence %s, %s\n", l.Name, l.Version, l.Licence, lexFile(l, builtin))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nreferences:")
	for _, r := range lexRefs(l, c) {
		fmt.Fprintf(w, "  [%s] %s\n", r.ID, r.Citation)
		if r.URL != "" {
			fmt.Fprintf(w, "      %s\n", r.URL)
		}
	}
	fmt.Fprintf(w, "\nentries (%s):\n", lexCount(len(c.Entries)))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TERM\tMATCH\tWEIGHT\tATTRS\tFLAGS\tNOTE")
	for _, e := range c.Entries {
		note := strings.Join(strings.Fields(e.Note), " ")
		if note == "" {
			note = "-"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", e.Term, c.EffectiveMatch(e), lexWeight(c.EffectiveWeight(e)), lexAttrs(e.Attrs), lexFlags(e), note)
	}
	return tw.Flush()
}

func lexShowJSON(w io.Writer, set *lexicon.Set, l *lexicon.Lexicon, c *lexicon.Category) error {
	type entry struct {
		Term      string            `json:"term"`
		Match     lexicon.MatchType `json:"match"`
		Weight    float64           `json:"weight"`
		Attrs     map[string]string `json:"attrs,omitempty"`
		Compounds bool              `json:"compounds,omitempty"`
		Shadow    bool              `json:"shadow,omitempty"`
		Note      string            `json:"note,omitempty"`
		Line      int               `json:"line,omitempty"`
	}
	out := struct {
		ID          string              `json:"id"`
		Label       string              `json:"label"`
		Description string              `json:"description"`
		Construct   string              `json:"construct"`
		Weight      float64             `json:"weight"`
		Curator     string              `json:"curator"`
		Lexicon     string              `json:"lexicon"`
		Version     string              `json:"version"`
		Licence     string              `json:"licence"`
		File        string              `json:"file"`
		Fingerprint string              `json:"set_fingerprint"`
		References  []lexicon.Reference `json:"references"`
		Entries     []entry             `json:"entries"`
	}{ID: c.ID, Label: c.Label, Description: strings.TrimSpace(c.Description), Construct: c.Construct, Weight: c.Weight,
		Curator: lexCurator(l, c), Lexicon: l.Name, Version: l.Version, Licence: l.Licence, File: l.Source,
		Fingerprint: set.ShortFingerprint(), References: lexRefs(l, c)}
	for _, e := range c.Entries {
		out.Entries = append(out.Entries, entry{Term: e.Term, Match: c.EffectiveMatch(e), Weight: c.EffectiveWeight(e),
			Attrs: e.Attrs, Compounds: e.Compounds, Shadow: e.Shadow, Note: strings.TrimSpace(e.Note), Line: e.Line})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// --- check ------------------------------------------------------------------

func newLexiconCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate lexicon files against the format and the defaults",
		Long: `Parse each lexicon file as Slant would load it with --lexicon: unknown or repeated fields,
missing provenance (licence, curator, references), unknown constructs, weights outside (0, 1],
malformed globs and repeated entries are errors, each given as FILE:LINE:COLUMN. Each file is
then combined with the default lexicons (replacing the default of the same name, if any) and
compiled, which catches category ids that clash with another lexicon. Several files are also
checked together.

Prints "FILE: ok (N categories, M entries)" for a good file. The exit status is 1 if any file
has an error.`,
		Example: `  slant lexicon check my-terms.yaml
  slant lexicon check lexicons/*.yaml`,
		Args: lexArgs(1, -1, "at least one FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
			def, err := lexicon.Default()
			if err != nil {
				return fmt.Errorf("default lexicons: %w", err)
			}
			builtin := map[string]bool{}
			for _, l := range def.Lexicons() {
				builtin[l.Name] = true
			}
			failed := 0
			var good []*lexicon.Lexicon
			for _, f := range args {
				l, err := lexicon.LoadFile(f)
				if err == nil {
					err = lexCombine(def, l)
				}
				if err != nil {
					failed++
					fmt.Fprintln(errw, lexPrefix(f, err))
					continue
				}
				good = append(good, l)
				note := ""
				if builtin[l.Name] {
					note = fmt.Sprintf("; replaces the built-in lexicon %s", l.Name)
				}
				fmt.Fprintf(out, "%s: ok (%s, %s%s)\n", f, lexPlural(len(l.Categories), "category", "categories"), lexPlural(lexEntries(l), "entry", "entries"), note)
			}
			if failed > 0 {
				return fmt.Errorf("lexicon check: %d of %d %s failed", failed, len(args), lexNoun(len(args), "file", "files"))
			}
			if len(good) > 1 {
				if err := lexCombine(def, good...); err != nil {
					fmt.Fprintf(errw, "%s: the files do not combine: %v\n", strings.Join(args, ", "), err)
					return fmt.Errorf("lexicon check: the %d files are valid one by one but cannot be used together", len(args))
				}
			}
			return nil
		},
	}
}

// lexCombine checks that lexs name known constructs, combine with def
// and compile.
func lexCombine(def *lexicon.Set, lexs ...*lexicon.Lexicon) error {
	_, err := def.Extend(framing.ConstructNames(), lexs...)
	return err
}

// lexPrefix makes sure every line of err names file: the lexicon errors
// already start with it, others (such as a clash with a default lexicon) do
// not.
func lexPrefix(file string, err error) string {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, file) && !strings.HasPrefix(l, "lexicon: open "+file) {
			lines[i] = file + ": " + l
		}
	}
	return strings.Join(lines, "\n")
}

// --- import -----------------------------------------------------------------

func newLexiconImportCmd() *cobra.Command {
	var format, out string
	var o lexicon.ImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE --format liwc|yaml|wordlist|vader",
		Short: "Convert a LIWC, quanteda YAML, word-list or VADER lexicon to Slant YAML",
		Long: `Convert a lexicon you own into Slant's YAML format, so that it can be edited, checked and
loaded with --lexicon. The formats are:

  liwc      a LIWC 2007/2015 .dic file (a % header of category numbers, then words)
  yaml      a quanteda-style YAML dictionary (keys are categories, nested keys sub-categories)
  wordlist  one word or phrase per line; # starts a comment; every entry in one category
  vader     the VADER lexicon (token, mean valence, sd, ratings; tab-separated), split into
            negative and positive categories weighted |valence|/4

A * at the start or end of a word makes a glob. Imported categories feed the construct
"imported" (counted, not scored) unless --construct names another (for example
loaded_language). The output names the file as its reference and is not redistributed by
Slant: many lexicons (LIWC, NRC, MPQA) forbid that. Errors give FILE:LINE:COLUMN.`,
		Example: `  slant lexicon import LIWC2015.dic --format liwc --out liwc.yaml
  slant lexicon import dict.yml --format yaml --construct frame_policy
  slant lexicon import words.txt --format wordlist --name my-terms --category slurs --construct loaded_language --out my-terms.yaml
  slant lexicon import vader_lexicon.txt --format vader --out vader.yaml`,
		Args: lexArgs(1, 1, "one FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				return usagef("lexicon import: --format is required (%s)", strings.Join(lexImportFormats, ", "))
			}
			if err := lexFormat("--format", format, lexImportFormats...); err != nil {
				return err
			}
			if _, ok := framing.ConstructInfo(o.Construct); o.Construct != "" && !ok {
				return usagef("--construct %q: want one of %s", o.Construct, strings.Join(framing.ConstructNames(), ", "))
			}
			file := args[0]
			data, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			l, err := lexicon.Import(format, file, data, o)
			if err != nil {
				return err
			}
			y, err := lexicon.Marshal(l)
			if err != nil {
				return err
			}
			// What we write must load again.
			if _, err := lexicon.Parse(file+" (converted)", y); err != nil {
				return fmt.Errorf("converted lexicon does not load: %w", err)
			}
			header := fmt.Sprintf("# Converted by \"slant lexicon import --format %s\" from %s.\n# Keep the source's licence and citation with it; Slant does not redistribute imported lexicons.\n", format, filepath.Base(file))
			y = append([]byte(header), y...)
			errw := cmd.ErrOrStderr()
			if def, err := lexicon.Default(); err == nil {
				if _, err := def.With(l); err != nil {
					fmt.Fprintf(errw, "warning: %s does not combine with the default lexicons: %v (change --name)\n", file, err)
				} else {
					for _, d := range def.Lexicons() {
						if d.Name == l.Name {
							fmt.Fprintf(errw, "warning: lexicon name %q is a built-in lexicon's; --lexicon would replace it (change --name)\n", l.Name)
						}
					}
				}
			}
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(y)
				return err
			}
			if err := os.WriteFile(out, y, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(errw, "%s: wrote lexicon %s (%s, %s)\n", out, l.Name, lexPlural(len(l.Categories), "category", "categories"), lexPlural(lexEntries(l), "entry", "entries"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "input format: liwc, yaml, wordlist or vader (required)")
	f.StringVar(&o.Name, "name", "", "name of the new lexicon (default: the file's base name)")
	f.StringVar(&o.Construct, "construct", "", "construct the categories feed (default: imported)")
	f.StringVar(&o.Category, "category", "", "category name of a word list (default: the lexicon name)")
	f.StringVar(&o.Citation, "citation", "", "citation of the source lexicon (default: names the file)")
	f.StringVar(&out, "out", "", "write the YAML to `FILE` instead of standard output")
	return cmd
}
