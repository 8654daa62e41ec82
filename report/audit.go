package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/slantlab/slant/audit"
)

// Formats of a lexicon audit (Audit).
const (
	AuditText     = "text"
	AuditJSON     = "json"
	AuditMarkdown = "md"
)

// AuditFormats lists the formats Audit writes, for flag help and errors.
var AuditFormats = []string{AuditText, AuditJSON, AuditMarkdown}

// Audit renders a lexicon audit (audit.Report) as plain text, JSON or
// Markdown. Corpus-supplied strings (outlets, IDs, matched text and its
// context) are made terminal-safe in text and escaped in Markdown. The
// output is byte-identical for the same report.
func Audit(w io.Writer, r *audit.Report, format string) error {
	switch format {
	case AuditJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case AuditMarkdown:
		return auditMarkdown(w, r)
	case AuditText:
		return auditText(w, r)
	}
	return fmt.Errorf("report: unknown audit format %q (want one of %v)", format, AuditFormats)
}

func auditScope(r *audit.Report) string {
	if r.ReporterOnly {
		return "reporter's voice only"
	}
	return "all voices; \"reporter\" counts the reporter's own voice"
}

func shortPrint(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}

func auditText(w io.Writer, r *audit.Report) error {
	ts := TerminalSafe
	fmt.Fprintf(w, "lexicon audit: %d articles, %d outlets, lexicons %s (%s)\n", r.Articles, r.Outlets, shortPrint(r.Lexicons), auditScope(r))
	if len(r.Categories) == 0 {
		fmt.Fprintln(w, "\nno hits")
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "\n%s (%s): %d hits, %d in the reporter's voice, %d negated; %d terms in %d articles from %d outlets\n",
			c.ID, c.Construct, c.Hits, c.Reporter, c.Negated, c.Terms, c.Articles, c.OutletN)
		fmt.Fprintf(w, "  %6s %8s %8s %7s %6s  %s\n", "hits", "reporter", "articles", "outlets", "top", "term (top outlet)")
		for _, t := range c.Top {
			fmt.Fprintf(w, "  %6d %8d %8d %7d %6.2f  %s (%s)\n", t.Hits, t.Reporter, t.Articles, t.Outlets, t.TopOutletShare, ts(t.Term), ts(t.TopOutlet))
			for _, s := range t.Samples {
				fmt.Fprintf(w, "      %s | %s [%d:%d] %s | %s[%s]%s\n", ts(s.Outlet), ts(s.ID), s.Start, s.End, s.Voice, ts(s.Left), ts(s.Match), ts(s.Right))
			}
		}
		if len(c.ByOutlet) > 0 {
			fmt.Fprintln(w, "  by outlet:")
		}
		for _, o := range c.ByOutlet {
			var terms []string
			for _, t := range o.Terms {
				terms = append(terms, fmt.Sprintf("%s %d", ts(t.Term), t.Hits))
			}
			fmt.Fprintf(w, "    %s: %d hits: %s\n", ts(o.Outlet), o.Hits, strings.Join(terms, ", "))
		}
	}
	return nil
}

func auditMarkdown(w io.Writer, r *audit.Report) error {
	md := func(s string) string { return MarkdownEscape(TerminalSafe(s)) }
	fmt.Fprintf(w, "# Lexicon audit\n\n%d articles, %d outlets, lexicons `%s` (%s).\n", r.Articles, r.Outlets, shortPrint(r.Lexicons), auditScope(r))
	if len(r.Categories) == 0 {
		fmt.Fprintln(w, "\nNo hits.")
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "\n## %s (%s)\n\n%d hits, %d in the reporter's voice, %d negated; %d terms in %d articles from %d outlets.\n\n",
			md(c.ID), md(c.Construct), c.Hits, c.Reporter, c.Negated, c.Terms, c.Articles, c.OutletN)
		fmt.Fprintln(w, "| term | hits | reporter | articles | outlets | top outlet | share | contexts |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|---:|---|")
		for _, t := range c.Top {
			var ctx []string
			for _, s := range t.Samples {
				ctx = append(ctx, fmt.Sprintf("%s, %s %d:%d (%s): …%s**%s**%s…", md(s.Outlet), md(s.ID), s.Start, s.End, s.Voice, md(s.Left), md(s.Match), md(s.Right)))
			}
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %s | %.2f | %s |\n", md(t.Term), t.Hits, t.Reporter, t.Articles, t.Outlets, md(t.TopOutlet), t.TopOutletShare, strings.Join(ctx, "<br>"))
		}
		if len(c.ByOutlet) > 0 {
			fmt.Fprintln(w, "\n| outlet | hits | most frequent terms |")
			fmt.Fprintln(w, "|---|---:|---|")
		}
		for _, o := range c.ByOutlet {
			var terms []string
			for _, t := range o.Terms {
				terms = append(terms, fmt.Sprintf("%s %d", md(t.Term), t.Hits))
			}
			fmt.Fprintf(w, "| %s | %d | %s |\n", md(o.Outlet), o.Hits, strings.Join(terms, ", "))
		}
	}
	return nil
}
