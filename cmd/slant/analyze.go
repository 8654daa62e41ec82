package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/report"
	"github.com/spf13/cobra"
)

func newAnalyzeCmd() *cobra.Command {
	var in inputFlags
	var format, outPrefix string
	c := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Analyse articles: measures per article with the evidence behind them",
		Long: `analyze reads articles (a directory of .txt/.md/.html files with an optional
manifest.json or manifest.csv, JSON Lines, CSV, or single files), removes page
furniture, and reports for each article its measures (loaded language in the
reporter's voice, attribution, editorial markers, contested terms, sentence bias
scores) with every evidence span as byte offsets into the original text.

With no PATH it analyses the five bundled seed articles.`,
		Example: `  slant analyze
  slant analyze --format json --out seeds.json
  slant analyze --format binary --out seeds.analysis
  slant compare --analysis seeds.json --target "The Eastern Herald" --reference AP
  slant analyze articles/ --format csv > articles.csv
  slant analyze corpus.jsonl --text-field body --outlet-field source`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json", "binary", "csv", "md", "parquet"); err != nil {
				return err
			}
			if format == "binary" && outPrefix == "" {
				return usagef("--format binary writes a file: give it with --out")
			}
			an, err := in.analyzer()
			if err != nil {
				return err
			}
			ctx := commandContext(cmd)
			doc := framing.NewAnalysis(an, slantVersion())
			out := cmd.OutOrStdout()
			closeOut := func(corpus.Stats) error { return nil }
			if (format == "json" || format == "binary") && outPrefix != "" {
				f, err := os.Create(outPrefix)
				if err != nil {
					return fmt.Errorf("writing the analysis: %w", err)
				}
				defer f.Close()
				bw := bufio.NewWriter(f)
				out = bw
				closeOut = func(st corpus.Stats) error {
					if err := bw.Flush(); err != nil {
						return fmt.Errorf("writing the analysis: %w", err)
					}
					if err := f.Close(); err != nil {
						return fmt.Errorf("writing the analysis: %w", err)
					}
					fmt.Fprintf(cmd.ErrOrStderr(), "wrote the analysis of %d articles to %s\n", st.Articles, outPrefix)
					return nil
				}
			}
			// JSON and CSV stream article by article, so memory stays flat on
			// large corpora; text and Markdown collect (they are for reading).
			var emit func(*framing.Result) error
			var finish func(st corpus.Stats) error
			switch format {
			case "json":
				sw := &jsonStream{w: out, doc: doc}
				emit, finish = sw.article, sw.finish
			case "binary":
				bw := framing.NewAnalysisWriter(out, doc)
				emit = bw.Write
				finish = func(corpus.Stats) error { return bw.Close(doc.Stats, doc.Skipped) }
			case "parquet":
				pw, err := newParquetOutput(outPrefix, an, cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				defer pw.abort()
				emit, finish = pw.write, pw.finish
			case "csv":
				cw := newArticleCSV(out, csvMeasureNames(an.Lexicons()), in.csvRaw)
				emit, finish = cw.write, func(corpus.Stats) error { return cw.flush() }
			default:
				emit = func(r *framing.Result) error { doc.Articles = append(doc.Articles, r); return nil }
				finish = func(corpus.Stats) error {
					if format == "md" {
						return report.AnalysisMarkdown(out, doc)
					}
					return report.AnalysisText(out, doc)
				}
			}
			st, err := in.run(ctx, cmd.ErrOrStderr(), an, args, emit)
			if err != nil {
				return err
			}
			doc.Stats = framing.AnalysisStats{Read: st.Read, Analysed: st.Articles, Skipped: len(st.Skipped), Repaired: st.Repaired}
			doc.Skipped = skipList(st)
			reportSkips(cmd.ErrOrStderr(), st)
			if err := finish(st); err != nil {
				return err
			}
			return closeOut(st)
		},
	}
	in.register(c)
	in.registerCSV(c)
	c.Flags().StringVar(&format, "format", "text", "output format: text, json, binary (a saved analysis that reads back about ten times faster than json; needs --out), csv, md or parquet")
	c.Flags().StringVar(&outPrefix, "out", "", "with --format json or binary: write the analysis to this file (compare, profile, report and export read it back with --analysis); with --format parquet: writes PREFIX.articles.parquet and PREFIX.sentences.parquet")
	return c
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// articleCSV writes one row per article: id, outlet, title, the documented
// measures plus the contested sides of the default lexicons (fixed before
// the first row), then the articles' metadata columns. Those are known only
// once every article is seen, so rows stream to a temporary file (memory
// stays flat) and are copied out under the full header at the end.
type articleCSV struct {
	out   io.Writer
	raw   bool
	names []string
	tmp   *os.File
	rows  *csv.Writer
	meta  report.MetaKeys
}

func newArticleCSV(w io.Writer, names []string, raw bool) *articleCSV {
	return &articleCSV{out: w, names: names, raw: raw}
}

// csvMeasureNames are the documented measures plus contested.<side> for
// every side the lexicons name (except "none", the shadow guards).
func csvMeasureNames(set *lexicon.Set) []string {
	var names []string
	for _, d := range framing.Measures {
		names = append(names, d.Name)
	}
	sides := map[string]bool{}
	for _, c := range set.Categories() {
		if c.Construct != "contested" {
			continue
		}
		for _, e := range c.Entries {
			if s := e.Attrs["side"]; s != "" && s != "none" {
				sides[s] = true
			}
		}
	}
	var extra []string
	for s := range sides {
		extra = append(extra, "contested."+s)
	}
	sort.Strings(extra)
	return append(names, extra...)
}

func (a *articleCSV) head() []string {
	return append([]string{"id", "outlet", "title"}, a.names...)
}

func (a *articleCSV) write(r *framing.Result) error {
	if a.tmp == nil {
		f, err := os.CreateTemp("", "slant-articles-*.csv")
		if err != nil {
			return fmt.Errorf("csv output: %w", err)
		}
		a.tmp, a.rows = f, csv.NewWriter(f)
	}
	a.meta.Add(r)
	row := []string{r.ID, r.Outlet, r.Title}
	for _, n := range a.names {
		row = append(row, strconv.FormatFloat(r.Measures[n], 'g', -1, 64))
	}
	// The metadata rides along as one JSON cell until the header is known.
	meta, err := json.Marshal(struct {
		P string            `json:"p,omitempty"`
		M map[string]string `json:"m,omitempty"`
	}{report.FormatPublished(r.Published), r.Meta})
	if err != nil {
		return err
	}
	return a.rows.Write(append(row, string(meta)))
}

// flush writes the header and every row, with their metadata columns.
func (a *articleCSV) flush() error {
	head := a.head()
	cols := a.meta.Columns(head)
	cw := report.NewCSVWriter(a.out, a.raw)
	for _, c := range cols {
		head = append(head, c.Name)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	if a.tmp == nil {
		return cw.Flush()
	}
	defer func() {
		a.tmp.Close()
		os.Remove(a.tmp.Name())
	}()
	a.rows.Flush()
	if err := a.rows.Error(); err != nil {
		return fmt.Errorf("csv output: %w", err)
	}
	if _, err := a.tmp.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("csv output: %w", err)
	}
	cr := csv.NewReader(bufio.NewReader(a.tmp))
	cr.FieldsPerRecord = len(a.head()) + 1
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("csv output: %w", err)
		}
		var m struct {
			P string            `json:"p"`
			M map[string]string `json:"m"`
		}
		if err := json.Unmarshal([]byte(row[len(row)-1]), &m); err != nil {
			return fmt.Errorf("csv output: %w", err)
		}
		row = row[:len(row)-1]
		for _, c := range cols {
			if c.Key == "" {
				row = append(row, m.P)
			} else {
				row = append(row, m.M[c.Key])
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// jsonStream writes the analysis document article by article.
type jsonStream struct {
	w     io.Writer
	doc   *framing.Analysis
	count int
}

func (j *jsonStream) article(r *framing.Result) error {
	if j.count == 0 {
		j.header()
	} else {
		fmt.Fprint(j.w, ",")
	}
	j.count++
	b, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(j.w, "\n    %s", b)
	return err
}

// header writes the document's opening fields, in framing.Analysis order.
func (j *jsonStream) header() {
	d := j.doc
	fmt.Fprintf(j.w, "{\n  \"schema\": %d,\n  \"slant\": %s,\n  \"lexicons\": %s,\n  \"weights\": %s,\n  \"weights_fingerprint\": %s,\n  \"pos\": %t,\n  \"articles\": [",
		d.Schema, jsonString(d.Slant), jsonString(d.Lexicons), jsonString(d.Weights), jsonString(d.WeightsFingerprint), d.POS)
}

// jsonString is s as a JSON string (Go's %q is not JSON for every input).
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (j *jsonStream) finish(corpus.Stats) error {
	if j.count == 0 {
		j.header()
	}
	stats, _ := json.MarshalIndent(j.doc.Stats, "  ", "  ")
	skipped, _ := json.MarshalIndent(j.doc.Skipped, "  ", "  ")
	_, err := fmt.Fprintf(j.w, "\n  ],\n  \"skipped\": %s,\n  \"stats\": %s\n}\n", skipped, stats)
	return err
}
