package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "#", `\#`, "~", `\~`, "\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// MarkdownEscape escapes text for Markdown: inline markup characters
// (backslash included, so that an escaped "\[" cannot be unescaped) are
// backslash-escaped, angle brackets and ampersands become entities (no raw
// HTML can pass), and line breaks (\r and \n) and tabs become spaces. It is
// the one Markdown escaper of Slant: the report and the CLI's Markdown
// outputs use it.
func MarkdownEscape(s string) string { return mdReplacer.Replace(s) }

func md(s string) string { return MarkdownEscape(s) }

// Markdown writes the report as Markdown: the same sections as the HTML
// page, charts given as the tables of their data, and each article's
// sentences quoted with their evidence in bold.
func Markdown(w io.Writer, d *Data) error {
	v, err := build(d, false)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeMarkdown(bw, v)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: writing Markdown: %w", err)
	}
	return nil
}

func mdTable(w io.Writer, head []string, rows [][]string, right func(col int) bool) {
	fmt.Fprint(w, "|")
	for _, h := range head {
		fmt.Fprintf(w, " %s |", md(h))
	}
	fmt.Fprint(w, "\n|")
	for i := range head {
		if right != nil && right(i) {
			fmt.Fprint(w, "---:|")
		} else {
			fmt.Fprint(w, "---|")
		}
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprint(w, "|")
		for _, c := range r {
			fmt.Fprintf(w, " %s |", md(c))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

func withCI(c cell) string {
	if c.CI == "" {
		return c.Value
	}
	return c.Value + " " + c.CI
}

func writeMarkdown(w io.Writer, v *view) {
	fmt.Fprintf(w, "# %s\n\n", md(v.Title))
	var meta []string
	if v.Version != "" {
		meta = append(meta, md(v.Version))
	}
	meta = append(meta, "lexicons `"+v.Fingerprint[:min(12, len(v.Fingerprint))]+"`")
	if v.Generated != "" {
		meta = append(meta, md(v.Generated))
	}
	fmt.Fprintf(w, "%s\n\n", strings.Join(meta, " · "))

	c := v.Corpus
	fmt.Fprintf(w, "## Corpus\n\n")
	if v.NeedsArticles != "" {
		fmt.Fprintf(w, "> %s\n\n", md(v.NeedsArticles))
	}
	fmt.Fprintf(w, "- %d documents read, %d analysed, %d skipped\n", c.Read, c.Analysed, len(c.Skipped))
	fmt.Fprintf(w, "- %d sources (%s), %d words, %d sentences\n", c.Groups, md(v.GroupBy), c.Words, c.Sentences)
	fmt.Fprintf(w, "- %d blocks of page furniture removed before analysis", c.Removed)
	if len(c.RemovedReasons) > 0 {
		var parts []string
		for _, r := range c.RemovedReasons {
			parts = append(parts, md(r.Key)+" "+r.Value)
		}
		fmt.Fprintf(w, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	if c.Repaired > 0 {
		fmt.Fprintf(w, "- %d invalid UTF-8 sequences replaced\n", c.Repaired)
	}
	fmt.Fprintln(w)
	if len(c.Skipped) > 0 {
		fmt.Fprintf(w, "Skipped documents:\n\n")
		var rows [][]string
		for _, s := range c.Skipped {
			rows = append(rows, []string{s.ID, s.Location, s.Reason})
		}
		mdTable(w, []string{"document", "location", "reason"}, rows, nil)
	}

	fmt.Fprintf(w, "## Profiles per %s\n\n", md(v.GroupBy))
	fmt.Fprintf(w, "Means over each source's articles with %s t intervals from the profile's sums (n, Σx, Σx²); a source with one article has no interval. The last two columns are over sentences (mean sentence score with a t interval; share of unattributed evaluative sentences with a Wilson interval).\n\n", v.Level)
	head := []string{v.GroupBy, "articles", "sentences", "words"}
	for _, h := range v.Profiles.Heads {
		head = append(head, h.Name+" ("+h.Unit+")")
	}
	var rows [][]string
	for _, r := range v.Profiles.Rows {
		row := []string{r.Key, fmt.Sprint(r.Docs), fmt.Sprint(r.Sentences), fmt.Sprint(r.Words)}
		for _, c := range r.Cells {
			row = append(row, withCI(c))
		}
		rows = append(rows, row)
	}
	mdTable(w, head, rows, func(i int) bool { return i > 0 })
	fmt.Fprintf(w, "### Every measure, mean per %s\n\n", md(v.GroupBy))
	rows = nil
	for _, r := range v.Profiles.All {
		rows = append(rows, append([]string{r.Name, r.Unit}, r.Values...))
	}
	mdTable(w, append([]string{"measure", "unit"}, v.Profiles.Keys...), rows, func(i int) bool { return i > 1 })

	ref := v.Reference
	if ref == "" {
		ref = "the reference"
	}
	fmt.Fprintf(w, "## Comparisons with %s\n\n", md(ref))
	if len(v.Comparisons) == 0 {
		fmt.Fprintf(w, "No comparisons: the corpus has a single source, or no reference was given.\n\n")
	} else {
		fmt.Fprintf(w, "> **Units.** %s\n\n", md(v.UnitNote))
	}
	for _, cv := range v.Comparisons {
		fmt.Fprintf(w, "### %s vs %s\n\n", md(cv.Target), md(cv.Reference))
		fmt.Fprintf(w, "**Design:** %s\n\n", md(cv.Design))
		fmt.Fprintf(w, "Unit of analysis: %s (n = %d vs %d); bootstrap %d resamples, seed %d, α = %s. Benjamini–Hochberg q-values within each family: %s.\n\n", cv.Unit, cv.NTarget, cv.NReference, cv.Bootstrap, cv.Seed, cv.Alpha, md(cv.Families))
		for _, warn := range cv.Warnings {
			fmt.Fprintf(w, "> **Warning:** %s\n\n", md(warn))
		}
		rows = nil
		for _, r := range cv.Rows {
			sig := ""
			if r.Significant {
				sig = " ✓"
			}
			rows = append(rows, []string{r.Name, r.Family, r.Unit, r.Target, r.Reference, r.Medians, r.Difference, r.Ratio, r.Delta, r.EffectSymbol + " " + r.EffectSize, r.CI + " " + r.CIMethod, r.Test, r.P, r.Q + sig, r.Exemplars})
		}
		mdTable(w, []string{"measure", "family", "unit", cv.Target, cv.Reference, "medians", "difference", "ratio", "δ", "effect", cv.Level + " CI", "test", "p", "q", "target evidence"}, rows,
			func(i int) bool { return i >= 3 && i <= 9 || i == 12 || i == 13 })
		fmt.Fprintf(w, "✓: q ≤ α within the row's family.\n\n")
		for _, side := range []struct {
			name string
			cats []termRow
		}{{cv.Target, cv.TargetCategories}, {cv.Reference, cv.ReferenceCategories}} {
			fmt.Fprintf(w, "#### Lexicon categories higher in %s (reporter's voice, by |z|)\n\n", md(side.name))
			if len(side.cats) == 0 {
				fmt.Fprintf(w, "None.\n\n")
				continue
			}
			rows = nil
			for _, t := range side.cats {
				rows = append(rows, []string{t.Term, t.Z, t.G2, t.P, t.Q, t.Target, t.Reference, t.Example})
			}
			mdTable(w, []string{"category", "z", "signed G²", "p", "q", cv.Target, cv.Reference, "examples"}, rows, func(i int) bool { return i >= 1 && i <= 6 })
		}
		for _, side := range []struct {
			name  string
			terms []termRow
		}{{cv.Target, cv.TargetTerms}, {cv.Reference, cv.ReferenceTerms}} {
			fmt.Fprintf(w, "#### Distinctive content words higher in %s (Fightin' Words z)\n\n", md(side.name))
			if len(side.terms) == 0 {
				fmt.Fprintf(w, "None.\n\n")
				continue
			}
			rows = nil
			for _, t := range side.terms {
				rows = append(rows, []string{t.Term, t.Z, t.G2, t.Q, t.Target, t.Reference, t.Example})
			}
			mdTable(w, []string{"word", "z", "signed G²", "q", cv.Target, cv.Reference, "example sentence (from " + side.name + ")"}, rows, func(i int) bool { return i >= 1 && i <= 5 })
		}
	}

	fmt.Fprintf(w, "## Charts\n\nThe HTML report draws these tables as charts.\n\n")
	for i, ch := range v.Charts {
		fmt.Fprintf(w, "### Figure %d. %s\n\n", i+1, md(ch.Title))
		if ch.Caption != "" {
			fmt.Fprintf(w, "%s\n\n", md(ch.Caption))
		}
		if len(ch.Table.Rows) == 0 {
			fmt.Fprintf(w, "%s\n\n", md(ch.Empty))
			continue
		}
		mdTable(w, ch.Table.Head, ch.Table.Rows, func(i int) bool { return i > 0 })
	}

	writeCoverageMarkdown(w, v.Coverage)

	fmt.Fprintf(w, "## Frames\n\nShare of frame cue weight per source, generic frames (Semetko & Valkenburg 2000) and policy frames (Boydstun et al. 2014), reporter's voice and quotes together.\n\n")
	mdTable(w, v.Frames.Head, v.Frames.Rows, nil)

	fmt.Fprintf(w, "## Articles\n\nEach sentence with its bias score; evidence (loaded language, contested terms, editorial markers, intensifiers, epistemic verbs, hedges, attribution) in **bold**, listed after the sentence with its category, voice and weight. A = attributed, E = evaluative in the reporter's voice.\n\n")
	if v.Omitted > 0 {
		fmt.Fprintf(w, "> %d more articles are not shown (limit %d); every article is in the tables and CSV files.\n\n", v.Omitted, len(v.Articles))
	}
	for _, a := range v.Articles {
		fmt.Fprintf(w, "### %d · %s — %s\n\n", a.N, md(a.Outlet), md(a.Title))
		fmt.Fprintf(w, "%s · %d words · %d sentences · %d furniture blocks removed\n\n", md(a.ID), a.Words, len(a.Sentences), a.Removed)
		var ms []string
		for _, m := range a.Measures {
			ms = append(ms, md(m.Key)+" **"+m.Value+"**")
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(ms, " · "))
		fmt.Fprintf(w, "Frames: %s.", md(strings.Join(a.Frames, "; ")))
		if len(a.Actors) > 0 {
			fmt.Fprintf(w, " Actors: %s.", md(strings.Join(a.Actors, "; ")))
		}
		fmt.Fprintf(w, "\n\n")
		for _, s := range a.Sentences {
			flags := ""
			if s.Attributed {
				flags += "A"
			}
			if s.Evaluative {
				flags += "E"
			}
			if flags != "" {
				flags = " · " + flags
			}
			fmt.Fprintf(w, "> %d · score %s%s\\\n> %s\n", s.Index, s.Score, flags, mdSentence(s.Segments))
			if len(s.Evidence) > 0 {
				fmt.Fprintf(w, ">\n> *Evidence:* %s\n", md(strings.Join(s.Evidence, "; ")))
			}
			fmt.Fprintln(w)
		}
	}

	fmt.Fprintf(w, "## Concordance of loaded terms\n\n")
	if len(v.Concordance) == 0 {
		fmt.Fprintf(w, "No loaded language was found.\n\n")
	} else {
		fmt.Fprintf(w, "The %d loaded-language terms found most often (all voices; negated hits marked), in context, with byte offsets into the original file.\n\n", len(v.ConcordanceTerms))
		rows = nil
		for _, k := range v.Concordance {
			voice := k.Voice
			if k.Negated {
				voice += ", negated"
			}
			rows = append(rows, []string{k.Left, k.Match, k.Right, k.Outlet, k.Article, fmt.Sprintf("%d:%d", k.Start, k.End), voice, k.Category})
		}
		mdTable(w, []string{"left context", "term", "right context", "outlet", "article", "offsets", "voice", "category"}, rows, func(i int) bool { return i == 0 || i == 5 })
	}

	writeMethodsMarkdown(w, v)
}

// mdSentence renders a sentence with its highlighted segments in bold
// (adjacent highlighted segments form one bold run).
func mdSentence(segs []segment) string {
	var b strings.Builder
	for i := 0; i < len(segs); {
		if !segs[i].Mark {
			b.WriteString(md(segs[i].Text))
			i++
			continue
		}
		var run strings.Builder
		for i < len(segs) && segs[i].Mark {
			run.WriteString(segs[i].Text)
			i++
		}
		t := run.String()
		lead := t[:len(t)-len(strings.TrimLeft(t, " \t\r\n"))]
		trail := t[len(strings.TrimRight(t, " \t\r\n")):]
		core := strings.TrimSpace(t)
		b.WriteString(md(lead))
		if core != "" {
			b.WriteString("**" + md(core) + "**")
		}
		b.WriteString(md(trail))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func writeMethodsMarkdown(w io.Writer, v *view) {
	m := v.Methods
	fmt.Fprintf(w, "## Methods\n\n### Reproducing these numbers\n\n")
	if v.Version != "" {
		fmt.Fprintf(w, "- Slant: %s\n", md(v.Version))
	}
	if v.Command != "" {
		fmt.Fprintf(w, "- Command: %s\n", md(v.Command))
	}
	fmt.Fprintf(w, "- Lexicon fingerprint (SHA-256 of the normalised lexicons): `%s`\n", m.Fingerprint)
	if m.POS {
		fmt.Fprintf(w, "- Part-of-speech tagging: on\n")
	} else {
		fmt.Fprintf(w, "- Part-of-speech tagging: off (adjective and adverb densities, passives and actor roles are then 0 or empty)\n")
	}
	fmt.Fprintf(w, "- Bootstrap: %d resamples, seed %d, α = %s; sentences are the unit of analysis when either side has fewer than %d articles; %d distinctive words each way\n", m.Bootstrap, m.Seed, m.Alpha, m.MinDocuments, m.Terms)
	fmt.Fprintf(w, "- Sentence-score weights: %s; threshold %s\n\n", md(m.WeightsSource), m.Threshold)

	fmt.Fprintf(w, "### Measures\n\nPer article; rates are per 1,000 words (W = words, S = sentences). Words inside direct quotes are the speaker's, the complement of a reporting verb is reported speech, everything else is the reporter's voice. A loaded term or intensifier preceded within three tokens of its clause by a negation cue is negated and weighs 0; after an intensifier a loaded term weighs 1.5×.\n\n")
	var rows [][]string
	for _, d := range m.Measures {
		rows = append(rows, []string{d.Name, d.Unit, d.Formula})
	}
	rows = append(rows, []string{"contested.<side>", "count", "contested terms whose side is <side>"})
	mdTable(w, []string{"measure", "unit", "definition"}, rows, nil)

	fmt.Fprintf(w, "### Sentence bias score\n\nscore = 1 / (1 + exp(−(b + Σ w\\_f · x\\_f))) with bias b = %s and these weights (%s):\n\n", m.Bias, md(m.WeightsSource))
	rows = nil
	for _, f := range m.Features {
		rows = append(rows, []string{f.Name, f.Weight, f.Description})
	}
	mdTable(w, []string{"feature", "weight", "x_f"}, rows, func(i int) bool { return i == 1 })

	fmt.Fprintf(w, "### Frames\n\nA frame dominates an article when it has at least %d cues and leads the next frame by at least %s of the share; otherwise the article is \"mixed\", with the reason.\n\n", m.MinFrameCues, m.FrameMargin)

	fmt.Fprintf(w, "### Statistics\n\n")
	for _, s := range []string{
		"**Profile intervals.** Article measures: mean ± t(1−α/2, n−1)·s/√n from the sums n, Σx, Σx² (framing.Moments.MeanCI), clipped to the range the measure can take. Shares of sentences: Wilson score interval (framing.Moments.ProportionCI). Sentence-level intervals treat sentences as independent, which those of one article are not.",
		fmt.Sprintf("**Unit of analysis.** Articles when both sides have at least %d; otherwise sentences, with a warning.", m.MinDocuments),
		"**Values per unit** (rates, scores, counts): Cliff's δ = P(X>Y) − P(X<Y), Mann–Whitney U test, two-sided (exact without ties when n+m ≤ 20, else normal approximation with tie and continuity corrections).",
		"**Proportions** (0/1 per sentence): Cohen's h = 2·asin√p₁ − 2·asin√p₂, Fisher's exact test on the 2×2 counts.",
		fmt.Sprintf("**Effect-size intervals.** Percentile bootstrap, both samples resampled with replacement %d times; the i-th measure of a comparison uses seed %d + i.", m.Bootstrap, m.Seed),
		"**Lexicon categories** (reporter's voice, hits over words): signed log-likelihood G² (Dunning 1993), p from χ²(1); z of the log rate ratio with a 0.5 continuity correction.",
		"**Multiple comparisons.** Benjamini–Hochberg q-values over each comparison's measures and categories together.",
		"**Distinctive words.** Fightin' Words (Monroe, Colaresi & Quinn 2008): log-odds ratio with an informative Dirichlet prior from the pooled counts (1% of the corpus size), z = δ/σ.",
		"**Concordance.** Loaded-language evidence grouped by its lower-cased text, ranked by count then weight; at most 8 occurrences per term, in corpus order.",
	} {
		fmt.Fprintf(w, "- %s\n", strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s))
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "### Lexicons\n\n")
	rows = nil
	for _, l := range m.Lexicons {
		rows = append(rows, []string{l.Name, l.Version, l.Licence, l.Curator, fmt.Sprint(l.Categories), fmt.Sprint(l.Entries), l.Source})
	}
	mdTable(w, []string{"lexicon", "version", "licence", "curator", "categories", "entries", "file"}, rows, func(i int) bool { return i == 4 || i == 5 })
	fmt.Fprintf(w, "References:\n\n")
	for _, l := range m.Lexicons {
		for _, r := range l.References {
			fmt.Fprintf(w, "- %s (%s): %s", md(r.ID), md(l.Name), md(r.Citation))
			if r.URL != "" {
				fmt.Fprintf(w, " %s", md(r.URL))
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Categories:\n\n")
	rows = nil
	for _, c := range m.Categories {
		rows = append(rows, []string{c.ID, c.Lexicon, c.Construct, c.Label, c.Weight, c.Match, fmt.Sprint(c.Entries), c.References})
	}
	mdTable(w, []string{"category", "lexicon", "construct", "label", "weight", "match", "entries", "references"}, rows, func(i int) bool { return i == 4 || i == 6 })
}
