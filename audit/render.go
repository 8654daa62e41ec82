package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats WriteTo knows.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatMarkdown = "md"
)

// Formats lists the output formats, for flag help and errors.
var Formats = []string{FormatText, FormatJSON, FormatMarkdown}

// Write renders the report in format (FormatText, FormatJSON or
// FormatMarkdown). The output is byte-identical for the same report.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case FormatMarkdown:
		return r.writeMarkdown(w)
	case FormatText:
		return r.writeText(w)
	}
	return fmt.Errorf("audit: unknown format %q (want one of %v)", format, Formats)
}

func (r *Report) scope() string {
	if r.ReporterOnly {
		return "reporter's voice only"
	}
	return "all voices; \"reporter\" counts the reporter's own voice"
}

func short(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}

func (r *Report) writeText(w io.Writer) error {
	fmt.Fprintf(w, "lexicon audit: %d articles, %d outlets, lexicons %s (%s)\n", r.Articles, r.Outlets, short(r.Lexicons), r.scope())
	if len(r.Categories) == 0 {
		fmt.Fprintln(w, "\nno hits")
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "\n%s (%s): %d hits, %d in the reporter's voice, %d negated; %d terms in %d articles from %d outlets\n",
			c.ID, c.Construct, c.Hits, c.Reporter, c.Negated, c.Terms, c.Articles, c.OutletN)
		fmt.Fprintf(w, "  %6s %8s %8s %7s %6s  %s\n", "hits", "reporter", "articles", "outlets", "top", "term (top outlet)")
		for _, t := range c.Top {
			fmt.Fprintf(w, "  %6d %8d %8d %7d %6.2f  %s (%s)\n", t.Hits, t.Reporter, t.Articles, t.Outlets, t.TopOutletShare, t.Term, t.TopOutlet)
			for _, s := range t.Samples {
				fmt.Fprintf(w, "      %s | %s [%d:%d] %s | %s[%s]%s\n", s.Outlet, s.ID, s.Start, s.End, s.Voice, s.Left, s.Match, s.Right)
			}
		}
		if len(c.ByOutlet) > 0 {
			fmt.Fprintln(w, "  by outlet:")
		}
		for _, o := range c.ByOutlet {
			var ts []string
			for _, t := range o.Terms {
				ts = append(ts, fmt.Sprintf("%s %d", t.Term, t.Hits))
			}
			fmt.Fprintf(w, "    %s: %d hits: %s\n", o.Outlet, o.Hits, strings.Join(ts, ", "))
		}
	}
	return nil
}

// mdCell escapes text for a Markdown table cell.
var mdCell = strings.NewReplacer("|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "\n", " ")

func (r *Report) writeMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "# Lexicon audit\n\n%d articles, %d outlets, lexicons `%s` (%s).\n", r.Articles, r.Outlets, short(r.Lexicons), r.scope())
	if len(r.Categories) == 0 {
		fmt.Fprintln(w, "\nNo hits.")
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "\n## %s (%s)\n\n%d hits, %d in the reporter's voice, %d negated; %d terms in %d articles from %d outlets.\n\n",
			mdCell.Replace(c.ID), mdCell.Replace(c.Construct), c.Hits, c.Reporter, c.Negated, c.Terms, c.Articles, c.OutletN)
		fmt.Fprintln(w, "| term | hits | reporter | articles | outlets | top outlet | share | contexts |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|---:|---|")
		for _, t := range c.Top {
			var ctx []string
			for _, s := range t.Samples {
				ctx = append(ctx, fmt.Sprintf("%s, %s %d:%d (%s): …%s**%s**%s…", mdCell.Replace(s.Outlet), mdCell.Replace(s.ID), s.Start, s.End, s.Voice, mdCell.Replace(s.Left), mdCell.Replace(s.Match), mdCell.Replace(s.Right)))
			}
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %s | %.2f | %s |\n", mdCell.Replace(t.Term), t.Hits, t.Reporter, t.Articles, t.Outlets, mdCell.Replace(t.TopOutlet), t.TopOutletShare, strings.Join(ctx, "<br>"))
		}
		if len(c.ByOutlet) > 0 {
			fmt.Fprintln(w, "\n| outlet | hits | most frequent terms |")
			fmt.Fprintln(w, "|---|---:|---|")
		}
		for _, o := range c.ByOutlet {
			var ts []string
			for _, t := range o.Terms {
				ts = append(ts, fmt.Sprintf("%s %d", mdCell.Replace(t.Term), t.Hits))
			}
			fmt.Fprintf(w, "| %s | %d | %s |\n", mdCell.Replace(o.Outlet), o.Hits, strings.Join(ts, ", "))
		}
	}
	return nil
}
