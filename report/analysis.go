package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/slantlab/slant/framing"
)

// analysisSummary are the measures the per-article summaries show: the
// headline measures, the sourcing counts and the strongest sentence.
var analysisSummary = append(append([]string{}, framing.Headline...), framing.MeasureAnonymousSources, framing.MeasureVagueSources, framing.MeasureSentenceScoreMax)

func shortFingerprint(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}

// AnalysisText writes an analysis as plain text for a terminal: per
// article its summary measures, frames, style, actors, contested sides and
// strongest evidence. Corpus-supplied strings are made TerminalSafe.
func AnalysisText(w io.Writer, a *framing.Analysis) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%d documents read, %d analysed, %d skipped (lexicons %s)\n\n", a.Stats.Read, a.Stats.Analysed, a.Stats.Skipped, shortFingerprint(a.Lexicons))
	for _, r := range a.Articles {
		fmt.Fprintf(ew, "%s — %s\n  %q\n", TerminalSafe(r.ID), TerminalSafe(r.Outlet), r.Title)
		fmt.Fprintf(ew, "  %d words, %d sentences, %d furniture blocks removed\n", r.Words, len(r.Sentences), len(r.Removed))
		for _, m := range analysisSummary {
			fmt.Fprintf(ew, "  %-30s %10.3f\n", m, r.Measures[m])
		}
		fmt.Fprintf(ew, "  frames: generic %s; policy %s (%s)\n", r.Frames.Generic.Dominant, r.Frames.Policy.Dominant, r.Frames.Policy.Reason)
		fmt.Fprintf(ew, "  style: Flesch–Kincaid grade %.1f, %.1f words/sentence, passive share %.2f\n", r.Measures[framing.MeasureFKGrade], r.Measures[framing.MeasureWordsPerSentence], r.Measures[framing.MeasurePassiveShare])
		for i, ac := range r.Actors {
			if i == 4 {
				break
			}
			var ds []string
			for _, d := range ac.Descriptors {
				ds = append(ds, d.Text)
			}
			fmt.Fprintf(ew, "  actor %-16s %2d mentions, agent %d, patient %d", TerminalSafe(ac.Name), ac.Mentions, ac.Agent, ac.Patient)
			if len(ds) > 0 {
				fmt.Fprintf(ew, "; described with: %s", TerminalSafe(strings.Join(ds, ", ")))
			}
			fmt.Fprintln(ew)
		}
		if sides := contestedSides(r); sides != "" {
			fmt.Fprintf(ew, "  contested terms by side: %s\n", TerminalSafe(sides))
		}
		ev := r.StrongestEvidence(5)
		if len(ev) > 0 {
			fmt.Fprintln(ew, "  strongest evidence in the reporter's voice:")
		}
		for _, e := range ev {
			fmt.Fprintf(ew, "    [%d:%d] %-28s %.2f  %q\n", e.Start, e.End, TerminalSafe(e.Category), e.Weight, e.Text)
		}
		fmt.Fprintln(ew)
	}
	return ew.err
}

// AnalysisMarkdown writes an analysis as Markdown: a table of the summary
// measures, then each article's strongest evidence, then the skipped
// documents. Every corpus-supplied string goes through MarkdownEscape.
func AnalysisMarkdown(w io.Writer, a *framing.Analysis) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# Slant analysis\n\n%d documents read, %d analysed, %d skipped. Lexicons `%s`.\n\n", a.Stats.Read, a.Stats.Analysed, a.Stats.Skipped, shortFingerprint(a.Lexicons))
	fmt.Fprintf(ew, "| article | outlet |")
	for _, m := range analysisSummary {
		fmt.Fprintf(ew, " %s |", m)
	}
	fmt.Fprintf(ew, "\n|---|---|%s\n", strings.Repeat("---:|", len(analysisSummary)))
	for _, r := range a.Articles {
		fmt.Fprintf(ew, "| %s | %s |", md(r.ID), md(r.Outlet))
		for _, m := range analysisSummary {
			fmt.Fprintf(ew, " %.3f |", r.Measures[m])
		}
		fmt.Fprintln(ew)
	}
	for _, r := range a.Articles {
		fmt.Fprintf(ew, "\n## %s — %s\n\n", md(r.Outlet), md(r.Title))
		for _, e := range r.StrongestEvidence(8) {
			fmt.Fprintf(ew, "- `%s` %.2f, bytes %d–%d: “%s”\n", strings.ReplaceAll(e.Category, "`", "'"), e.Weight, e.Start, e.End, md(e.Text))
		}
	}
	for _, s := range a.Skipped {
		fmt.Fprintf(ew, "\nSkipped %s (%s): %s\n", md(s.ID), md(s.Location), md(s.Reason))
	}
	return ew.err
}

// contestedSides lists the article's contested terms per side, "side n"
// sorted by side.
func contestedSides(r *framing.Result) string {
	var parts []string
	for k, v := range r.Measures {
		if side, ok := strings.CutPrefix(k, framing.ContestedPrefix); ok && v > 0 {
			parts = append(parts, fmt.Sprintf("%s %g", side, v))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// errWriter keeps the first write error, so that a writer of many lines
// checks once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
