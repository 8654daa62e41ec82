package learn

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/slantlab/slant/lexicon"
	"go.yaml.in/yaml/v3"
)

// Provenance says where a learned lexicon comes from. It is written into the
// lexicon's description, references and licence.
type Provenance struct {
	// Name is the lexicon's name (default "learned"); categories are
	// Name.<label>.
	Name string
	// Corpus lists the corpus paths.
	Corpus []string
	// Command is the command line that learned it.
	Command string
	// Date is when it was learned (any readable form, e.g. RFC 3339).
	Date string
	// SourceLicence is the licence of the corpus and its labels.
	SourceLicence string
	// Curator names who ran the learner (default: the learner itself).
	Curator string
}

// MonroeRef is the reference every learned category cites.
var MonroeRef = lexicon.Reference{
	ID:       "monroe2008",
	Citation: "Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content of Political Conflict. Political Analysis, 16(4), 372-403.",
	URL:      "https://doi.org/10.1093/pan/mpn018",
}

// Lexicon converts the result into a lexicon in Slant's format: one category
// per target label (ID Name.<label>, construct Options.Construct), one exact
// entry per term with its weight, attrs side = the label, and a note giving
// its z-score, counts and outlets. It fails when no term was learned.
func (r *Result) Lexicon(p Provenance) (*lexicon.Lexicon, error) {
	if p.Name == "" {
		p.Name = "learned"
	}
	if p.Curator == "" {
		p.Curator = "slant lexicon learn (automatic, not curated by hand)"
	}
	lic := p.SourceLicence
	if lic == "" {
		lic = "unknown"
	}
	corpusRef := lexicon.Reference{
		ID: "corpus",
		Citation: fmt.Sprintf("Training corpus %s; document labels from the field %q, %s against %q; source licence: %s. Learned %s with: %s",
			strings.Join(p.Corpus, ", "), r.Options.LabelField, strings.Join(r.targetLabels(), ", "), r.Options.Reference, lic, orDash(p.Date), orDash(p.Command)),
	}
	var sampled []string
	for _, k := range sortedKeys(r.Sampled) {
		sampled = append(sampled, fmt.Sprintf("%s %d documents from %d outlets", k, r.Sampled[k], r.Outlets[k]))
	}
	l := &lexicon.Lexicon{
		Name:    p.Name,
		Version: "0.1.0",
		Description: fmt.Sprintf("Learned by distant supervision (slant lexicon learn), not curated: words that outlets labelled %s use more than outlets labelled %q, by the Fightin' Words log-odds ratio with informative Dirichlet prior (Monroe et al. 2008). Sample: %s (at most %d per outlet). Left out: boilerplate lines, names (outlet names, the actors gazetteer, words capitalised in at least %.0f%% of their non-initial uses), stop and style words, terms used by fewer than %d of a label's outlets or with more than %.0f%% of their count from one outlet. Kept: z >= %g, count >= %d, at most %d terms per label%s. A label names an outlet, not a sentence: these words mark the outlets' topics and styles as much as bias; check them (slant lexicon audit) before use. Derived from the corpus's labels: never ship it as a default, and do not commit or redistribute it where the source's licence or the independence of an evaluation forbids.",
			strings.Join(quoteAll(r.targetLabels()), ", "), r.Options.Reference, strings.Join(sampled, "; "), r.Options.PerOutlet,
			100*r.Options.ProperShare, r.Options.MinOutlets, 100*r.Options.MaxOutletShare, r.Options.MinZ, r.Options.MinCount, r.Options.Top, posNote(r.Options.POS)),
		Licence:    fmt.Sprintf("derived from a corpus licensed %s", lic),
		Curator:    p.Curator,
		References: []lexicon.Reference{MonroeRef, corpusRef},
	}
	total := 0
	for _, c := range r.Categories {
		cat := &lexicon.Category{
			ID:          p.Name + "." + slug(c.Label),
			Label:       fmt.Sprintf("Learned: more frequent in %q than in %q outlets", c.Label, r.Options.Reference),
			Description: fmt.Sprintf("Terms of %q outlets against %q outlets, highest z first (distant supervision; see the lexicon description).", c.Label, r.Options.Reference),
			Construct:   r.Options.Construct,
			Weight:      MinWeight,
			Match:       lexicon.Exact,
			References:  []string{MonroeRef.ID, corpusRef.ID},
		}
		for _, t := range c.Terms {
			cat.Entries = append(cat.Entries, &lexicon.Entry{
				Term:   t.Term,
				Weight: t.Weight,
				Attrs:  map[string]string{"side": c.Label},
				Note:   fmt.Sprintf("z %.2f; %s %d, %s %d; %d outlets, top outlet %.0f%%", t.Z, c.Label, t.CountTarget, r.Options.Reference, t.CountReference, t.Outlets, 100*t.TopOutletShare),
			})
		}
		if len(cat.Entries) == 0 {
			continue // a category needs entries
		}
		total += len(cat.Entries)
		l.Categories = append(l.Categories, cat)
	}
	if total == 0 {
		return nil, fmt.Errorf("learn: no term passed the filters (z >= %g, count >= %d, %d outlets); lower --min-z, --min-count or --min-outlets", r.Options.MinZ, r.Options.MinCount, r.Options.MinOutlets)
	}
	return l, nil
}

func (r *Result) targetLabels() []string {
	var out []string
	for _, c := range r.Categories {
		out = append(out, c.Label)
	}
	return out
}

func posNote(pos []string) string {
	if len(pos) == 0 {
		return ""
	}
	return ", words whose usual part-of-speech tag starts with " + strings.Join(pos, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// slug makes a label usable in a category ID: lower case, letters and digits,
// other runs replaced by one underscore.
func slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	out := strings.TrimSuffix(b.String(), "_")
	if out == "" {
		return "label"
	}
	return out
}

// WriteYAML writes l in Slant's lexicon format, with a comment header saying
// it was learned and from what. The output parses with lexicon.Parse.
func WriteYAML(w io.Writer, l *lexicon.Lexicon, p Provenance) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Learned by slant lexicon learn (distant supervision, Fightin' Words); not curated.\n")
	fmt.Fprintf(&buf, "# Corpus: %s\n# Command: %s\n# Date: %s\n# Source licence: %s\n", strings.Join(p.Corpus, ", "), orDash(p.Command), orDash(p.Date), orDash(p.SourceLicence))
	fmt.Fprintf(&buf, "# Derived from the corpus's labels: never a shipped default; do not commit it when learned from evaluation data.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(l); err != nil {
		return fmt.Errorf("learn: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("learn: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
