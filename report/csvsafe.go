package report

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/slantlab/slant/framing"
)

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV Injection"): = + - @, and tab and carriage
// return, which some spreadsheets skip before looking.
const formulaStarts = "=+-@\t\r"

// CSVCell returns s made safe to open in a spreadsheet: a cell that begins
// with = + - @, a tab or a carriage return is prefixed with a single quote
// (OWASP's rule), so =HYPERLINK(...) in an article's title shows as text
// instead of running. A cell that is a plain number (-0.25, +3, -Inf) is
// left alone, so numeric columns stay numeric. Every CSV writer in Slant
// calls it (through CSVWriter) unless raw cells were asked for.
func CSVCell(s string) string {
	if s == "" || !strings.ContainsRune(formulaStarts, rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// CSVWriter writes CSV rows with every cell passed through CSVCell, unless
// it was made raw (for programs that read the CSV back and want the text
// exactly as in the articles).
type CSVWriter struct {
	w   *csv.Writer
	raw bool
}

// NewCSVWriter returns a writer to w; raw turns formula neutralisation off.
func NewCSVWriter(w io.Writer, raw bool) *CSVWriter {
	return &CSVWriter{w: csv.NewWriter(w), raw: raw}
}

// Write writes one row.
func (c *CSVWriter) Write(row []string) error {
	if !c.raw {
		for i, s := range row {
			row[i] = CSVCell(s)
		}
	}
	return c.w.Write(row)
}

// Flush writes buffered rows and returns any write error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// CSVOption configures CSV.
type CSVOption func(*csvConfig)

type csvConfig struct{ raw bool }

// WithRawCells writes cells exactly as they are, without the formula
// neutralisation of CSVCell: for programs, not spreadsheets.
func WithRawCells() CSVOption { return func(c *csvConfig) { c.raw = true } }

// PublishedColumn is the metadata column holding an article's publication
// date (YYYY-MM-DD, or RFC 3339 when it has a time of day).
const PublishedColumn = "published"

// MetaColumn is one article-metadata column of a CSV export: Name heads the
// column, Key is the Meta field it holds ("" for the publication date).
type MetaColumn struct{ Name, Key string }

// Value returns the column's cell for r.
func (m MetaColumn) Value(r *framing.Result) string {
	if m.Key == "" {
		return FormatPublished(r.Published)
	}
	return r.Meta[m.Key]
}

// FormatPublished writes a publication date: the day alone when it has no
// time of day, RFC 3339 otherwise, "" when unknown (framing.FormatPublished,
// the one definition every export shares).
func FormatPublished(t time.Time) string { return framing.FormatPublished(t) }

// MetaColumns returns the metadata columns for results: published (when
// any article has a date), then every Meta key any article has, sorted. A
// key that would repeat a column already in taken (or published) is named
// "meta.KEY", so no column appears twice.
func MetaColumns(results []*framing.Result, taken []string) []MetaColumn {
	var m MetaKeys
	for _, r := range results {
		m.Add(r)
	}
	return m.Columns(taken)
}

func metaColumns(dated bool, keys map[string]bool, taken []string) []MetaColumn {
	used := map[string]bool{}
	for _, t := range taken {
		used[t] = true
	}
	var out []MetaColumn
	if dated && !used[PublishedColumn] {
		out = append(out, MetaColumn{Name: PublishedColumn})
		used[PublishedColumn] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		name := k
		for used[name] {
			name = "meta." + name
		}
		used[name] = true
		out = append(out, MetaColumn{Name: name, Key: k})
	}
	return out
}

// MetaKeys collects, article by article, what MetaColumns needs: for a
// writer that streams rows and writes its header last.
type MetaKeys struct {
	dated bool
	keys  map[string]bool
}

// Add notes r's metadata.
func (m *MetaKeys) Add(r *framing.Result) {
	if m.keys == nil {
		m.keys = map[string]bool{}
	}
	m.dated = m.dated || !r.Published.IsZero()
	for k := range r.Meta {
		m.keys[k] = true
	}
}

// Columns returns the metadata columns of the articles added, as
// MetaColumns does.
func (m *MetaKeys) Columns(taken []string) []MetaColumn {
	return metaColumns(m.dated, m.keys, taken)
}
