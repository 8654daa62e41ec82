// Package export writes analysis results as Apache Parquet tables for
// DuckDB, Spark, pandas/pyarrow, Polars and R (arrow).
//
// A Writer writes two tables as results arrive: articles (one row per
// article: identity, counts, every documented measure as a DOUBLE column,
// and the per-category evidence counts in the reporter's voice as a map)
// and sentences (one row per sentence: offsets, kind, score, flags and every
// sentence feature as a DOUBLE column). Rows are buffered only up to a row
// group, so memory stays flat however large the corpus; the same results in
// the same order give byte-identical files.
//
// The column layout is documented in export/README.md and returned by
// ArticleColumns and SentenceColumns.
package export

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/slantlab/slant/framing"
)

// SchemaVersion is written to both files' key/value metadata under
// "slant.export_schema"; it changes when columns change meaning or type
// (columns added with new measures or features do not change it).
const SchemaVersion = "1"

// Default row-group sizes: at most this many rows are buffered before a row
// group is written.
const (
	DefaultArticlesPerRowGroup  = 8192
	DefaultSentencesPerRowGroup = 65536
)

// Options configure a Writer. The zero value is the default.
type Options struct {
	// ArticlesPerRowGroup and SentencesPerRowGroup bound the rows buffered
	// in memory before a row group is written (defaults above).
	ArticlesPerRowGroup  int64
	SentencesPerRowGroup int64
	// Metadata is added to both files' key/value metadata (the CLI records
	// the lexicon fingerprint and the weights' source there).
	Metadata map[string]string
}

// column kinds
type kind int

const (
	kString kind = iota
	kDictString
	kInt64
	kDouble
	kBool
	kMapInt64  // MAP<STRING, INT64>
	kMapDouble // MAP<STRING, DOUBLE>
	kMapString // MAP<STRING, STRING>
)

type column struct {
	name string
	kind kind
}

// articleFixed are the article columns before the measures.
var articleFixed = []column{
	{"id", kString},
	{"outlet", kDictString},
	{"title", kString},
	{"published", kString},
	{"lexicons", kDictString},
	{"words", kInt64},
	{"tokens", kInt64},
	{"sentences", kInt64},
}

// articleTail are the article columns after the measures.
var articleTail = []column{
	{"category_hits", kMapInt64},
	{"other_measures", kMapDouble},
	{"meta", kMapString},
}

// sentenceFixed are the sentence columns before the features.
var sentenceFixed = []column{
	{"id", kString},
	{"outlet", kDictString},
	{"sentence", kInt64},
	{"start_byte", kInt64},
	{"end_byte", kInt64},
	{"kind", kDictString},
	{"score", kDouble},
	{"attributed", kBool},
	{"evaluative", kBool},
}

// layout is a table's columns and schema, fixed when the Writer is made.
type layout struct {
	cols   []column
	schema *parquet.Schema
}

// articleMeasures are the measures of framing.Measures that get a DOUBLE
// column (words and sentences are already INT64 columns with the same
// values).
func articleMeasures() []string {
	fixed := map[string]bool{}
	for _, c := range articleFixed {
		fixed[c.name] = true
	}
	var out []string
	for _, d := range framing.Measures {
		if !fixed[d.Name] {
			out = append(out, d.Name)
		}
	}
	return out
}

func articleLayout() layout {
	cols := append([]column{}, articleFixed...)
	for _, m := range articleMeasures() {
		cols = append(cols, column{m, kDouble})
	}
	cols = append(cols, articleTail...)
	return newLayout("slant_articles", cols)
}

func sentenceLayout() layout {
	cols := append([]column{}, sentenceFixed...)
	seen := map[string]bool{}
	for _, c := range cols {
		seen[c.name] = true
	}
	for _, f := range framing.FeatureNames {
		name := f
		if seen[name] { // no feature clashes today; keep names unique regardless
			name = "feature_" + f
		}
		seen[name] = true
		cols = append(cols, column{name, kDouble})
	}
	return newLayout("slant_sentences", cols)
}

// newLayout builds the parquet schema from a Go struct type made at run
// time, so that the columns keep their order (parquet.Group sorts them).
func newLayout(name string, cols []column) layout {
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		var t reflect.Type
		tag := c.name
		switch c.kind {
		case kString:
			t = reflect.TypeFor[string]()
		case kDictString:
			t, tag = reflect.TypeFor[string](), c.name+",dict"
		case kInt64:
			t = reflect.TypeFor[int64]()
		case kDouble:
			t = reflect.TypeFor[float64]()
		case kBool:
			t = reflect.TypeFor[bool]()
		case kMapInt64:
			t = reflect.TypeFor[map[string]int64]()
		case kMapDouble:
			t = reflect.TypeFor[map[string]float64]()
		case kMapString:
			t = reflect.TypeFor[map[string]string]()
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: t, Tag: reflect.StructTag(fmt.Sprintf(`parquet:%q`, tag))}
	}
	root := parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Interface())
	return layout{cols: cols, schema: parquet.NewSchema(name, root)}
}

func (l layout) names() []string {
	out := make([]string, len(l.cols))
	for i, c := range l.cols {
		out[i] = c.name
	}
	return out
}

// ArticleColumns returns the article table's top-level column names in
// file order.
func ArticleColumns() []string { return articleLayout().names() }

// SentenceColumns returns the sentence table's column names in file order.
func SentenceColumns() []string { return sentenceLayout().names() }

// ArticleSchema returns the article table's parquet schema.
func ArticleSchema() *parquet.Schema { return articleLayout().schema }

// SentenceSchema returns the sentence table's parquet schema.
func SentenceSchema() *parquet.Schema { return sentenceLayout().schema }

// Writer writes the article and sentence tables. It is not safe for
// concurrent use; framing.Run delivers results from one goroutine.
type Writer struct {
	art, sen       *parquet.Writer
	artL, senL     layout
	artRow, senRow parquet.Row
	measures       []string        // measures with a DOUBLE column, in column order
	columns        map[string]bool // measures with a column of their own
	articles       int64
	sentences      int64
	closed         bool
	err            error
}

// NewWriter returns a Writer of the article table to articles and of the
// sentence table to sentences. Either may be nil to skip that table.
// Nothing is complete until Close: it writes the buffered rows and the
// footers. Closing the io.Writers is the caller's job.
func NewWriter(articles, sentences io.Writer, opt Options) (*Writer, error) {
	if opt.ArticlesPerRowGroup <= 0 {
		opt.ArticlesPerRowGroup = DefaultArticlesPerRowGroup
	}
	if opt.SentencesPerRowGroup <= 0 {
		opt.SentencesPerRowGroup = DefaultSentencesPerRowGroup
	}
	w := &Writer{artL: articleLayout(), senL: sentenceLayout(), columns: map[string]bool{"words": true, "sentences": true}}
	for _, c := range w.artL.cols {
		if c.kind == kDouble {
			w.measures = append(w.measures, c.name)
			w.columns[c.name] = true
		}
	}
	mk := func(out io.Writer, l layout, rows int64) (*parquet.Writer, error) {
		if out == nil {
			return nil, nil
		}
		opts := []parquet.WriterOption{
			l.schema,
			parquet.Compression(&parquet.Snappy),
			// Version 1 data pages: the layout every reader (Spark's
			// vectorized reader, Hive, older pyarrow) handles.
			parquet.DataPageVersion(1),
			parquet.MaxRowsPerRowGroup(rows),
			parquet.KeyValueMetadata("slant.export_schema", SchemaVersion),
		}
		for k, v := range opt.Metadata {
			opts = append(opts, parquet.KeyValueMetadata(k, v)) // written sorted by key
		}
		cfg, err := parquet.NewWriterConfig(opts...)
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		return parquet.NewWriter(out, cfg), nil
	}
	var err error
	if w.art, err = mk(articles, w.artL, opt.ArticlesPerRowGroup); err != nil {
		return nil, err
	}
	if w.sen, err = mk(sentences, w.senL, opt.SentencesPerRowGroup); err != nil {
		return nil, err
	}
	return w, nil
}

// ErrClosed is returned by Add after Close.
var ErrClosed = errors.New("export: writer closed")

// Add writes one article and its sentences. A row group is written
// whenever one fills up. After an error the Writer is unusable.
func (w *Writer) Add(r *framing.Result) error {
	if w.closed {
		return ErrClosed
	}
	if w.err != nil {
		return w.err
	}
	if r == nil {
		return errors.New("export: nil result")
	}
	if w.art != nil {
		w.artRow = w.articleRow(w.artRow[:0], r)
		if _, err := w.art.WriteRows([]parquet.Row{w.artRow}); err != nil {
			w.err = fmt.Errorf("export: writing article %s: %w", r.ID, err)
			return w.err
		}
	}
	if w.sen != nil {
		for i := range r.Sentences {
			w.senRow = w.sentenceRow(w.senRow[:0], r, i)
			if _, err := w.sen.WriteRows([]parquet.Row{w.senRow}); err != nil {
				w.err = fmt.Errorf("export: writing sentence %d of %s: %w", i, r.ID, err)
				return w.err
			}
		}
	}
	w.articles++
	w.sentences += int64(len(r.Sentences))
	return nil
}

// SetMetadata sets a key/value pair in both files' footer metadata (for
// figures known only at the end, such as the documents skipped). Call it
// before Close.
func (w *Writer) SetMetadata(key, value string) {
	for _, pw := range []*parquet.Writer{w.art, w.sen} {
		if pw != nil && !w.closed {
			pw.SetKeyValueMetadata(key, value)
		}
	}
}

// Counts returns the article and sentence rows added so far.
func (w *Writer) Counts() (articles, sentences int64) { return w.articles, w.sentences }

// Close writes the remaining rows and both footers. An empty Writer
// writes valid files with the schema and no rows.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	for _, pw := range []*parquet.Writer{w.art, w.sen} {
		if pw == nil {
			continue
		}
		if err := pw.Close(); err != nil && w.err == nil {
			w.err = fmt.Errorf("export: %w", err)
		}
	}
	return w.err
}

// rowBuilder appends values column by column.
type rowBuilder struct {
	row parquet.Row
	col int
}

func (b *rowBuilder) leaf(v parquet.Value) {
	b.row = append(b.row, v.Level(0, 0, b.col))
	b.col++
}

func (b *rowBuilder) str(s string)     { b.leaf(parquet.ByteArrayValue([]byte(s))) }
func (b *rowBuilder) int64(x int64)    { b.leaf(parquet.Int64Value(x)) }
func (b *rowBuilder) double(x float64) { b.leaf(parquet.DoubleValue(x)) }
func (b *rowBuilder) boolean(x bool)   { b.leaf(parquet.BooleanValue(x)) }
func (b *rowBuilder) mapInt64(m map[string]int64) {
	keys := sortedKeys(m)
	b.mapOf(keys, func(k string) parquet.Value { return parquet.Int64Value(m[k]) })
}
func (b *rowBuilder) mapDouble(m map[string]float64) {
	keys := sortedKeys(m)
	b.mapOf(keys, func(k string) parquet.Value { return parquet.DoubleValue(m[k]) })
}
func (b *rowBuilder) mapString(m map[string]string) {
	keys := sortedKeys(m)
	b.mapOf(keys, func(k string) parquet.Value { return parquet.ByteArrayValue([]byte(m[k])) })
}

// mapOf writes a required MAP group (key_value repeated, key and value
// required): entry i has repetition level 0 for the first entry and 1 for
// the rest, definition level 1; an empty map is one null at levels 0, 0 in
// each leaf. Keys are sorted, so the bytes do not depend on map order.
func (b *rowBuilder) mapOf(keys []string, val func(string) parquet.Value) {
	kc, vc := b.col, b.col+1
	if len(keys) == 0 {
		b.row = append(b.row, parquet.NullValue().Level(0, 0, kc), parquet.NullValue().Level(0, 0, vc))
	} else {
		for i, k := range keys {
			b.row = append(b.row, parquet.ByteArrayValue([]byte(k)).Level(min(i, 1), 1, kc))
		}
		for i, k := range keys {
			b.row = append(b.row, val(k).Level(min(i, 1), 1, vc))
		}
	}
	b.col += 2
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CategoryHits counts the non-negated evidence per lexicon category in the
// reporter's voice (the definition of framing.Profile.CategoryHits).
func CategoryHits(r *framing.Result) map[string]int64 {
	hits := map[string]int64{}
	for _, e := range r.Evidence {
		if e.Negated || e.Voice != framing.Reporter {
			continue
		}
		hits[e.Category]++
	}
	return hits
}

func (w *Writer) articleRow(row parquet.Row, r *framing.Result) parquet.Row {
	b := rowBuilder{row: row}
	b.str(r.ID)
	b.str(r.Outlet)
	b.str(r.Title)
	b.str(framing.FormatPublished(r.Published))
	b.str(r.Lexicons)
	b.int64(int64(r.Words))
	b.int64(int64(r.Tokens))
	b.int64(int64(len(r.Sentences)))
	for _, m := range w.measures {
		b.double(r.Measures[m])
	}
	b.mapInt64(CategoryHits(r))
	other := map[string]float64{}
	for k, v := range r.Measures {
		if !w.columns[k] {
			other[k] = v
		}
	}
	b.mapDouble(other)
	b.mapString(r.Meta)
	return b.row
}

func (w *Writer) sentenceRow(row parquet.Row, r *framing.Result, i int) parquet.Row {
	s := &r.Sentences[i]
	b := rowBuilder{row: row}
	b.str(r.ID)
	b.str(r.Outlet)
	b.int64(int64(i))
	b.int64(int64(s.Start))
	b.int64(int64(s.End))
	b.str(s.Kind)
	b.double(s.Score)
	b.boolean(s.Attributed)
	b.boolean(s.Evaluative)
	for _, f := range framing.FeatureNames {
		b.double(s.Features[f])
	}
	return b.row
}

// FileNames returns the two file names the CLI writes for a prefix:
// PREFIX.articles.parquet and PREFIX.sentences.parquet.
func FileNames(prefix string) (articles, sentences string) {
	prefix = strings.TrimSuffix(prefix, ".parquet")
	return prefix + ".articles.parquet", prefix + ".sentences.parquet"
}
