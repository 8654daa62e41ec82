package framing

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"

	"github.com/slantlab/slant/corpus"
)

// AnalysisBinaryMagic opens a saved analysis in the binary format
// (slant analyze --format binary). ReadAnalysis tells the two formats
// apart by it.
const AnalysisBinaryMagic = "slant analysis binary\n"

// The binary format is the magic line, then a encoding/gob stream of one
// binHeader and binItems: one per article, in order, and a last one with
// Done set that carries the stats and skipped documents. It holds exactly
// the fields of the JSON format (the same Go types; gob is chosen over a
// hand-written codec so that a field added to Result is saved in both
// formats without more code), under the same schema number and checks.
// Reading it back is about ten times faster than decoding the JSON (see
// BenchmarkReadAnalysis).
type binHeader struct {
	Schema             int
	Slant              string
	Lexicons           string
	Weights            string
	WeightsFingerprint string
	POS                bool
}

type binItem struct {
	Article *Result
	Done    bool
	Stats   AnalysisStats
	Skipped []SkippedRecord
}

// AnalysisWriter writes a saved analysis in the binary format, article by
// article, so that memory stays flat however large the corpus.
type AnalysisWriter struct {
	w      *bufio.Writer
	enc    *gob.Encoder
	header binHeader
	opened bool
	closed bool
}

// NewAnalysisWriter returns a writer of the binary format to w, stamped
// with x's schema, Slant version, lexicons, weights and tagging (see
// NewAnalysis). x's articles are not written: give them to Write.
func NewAnalysisWriter(w io.Writer, x *Analysis) *AnalysisWriter {
	bw := bufio.NewWriterSize(w, 1<<20)
	return &AnalysisWriter{w: bw, enc: gob.NewEncoder(bw), header: binHeader{Schema: x.Schema, Slant: x.Slant,
		Lexicons: x.Lexicons, Weights: x.Weights, WeightsFingerprint: x.WeightsFingerprint, POS: x.POS}}
}

func (aw *AnalysisWriter) open() error {
	if aw.opened {
		return nil
	}
	aw.opened = true
	if _, err := aw.w.WriteString(AnalysisBinaryMagic); err != nil {
		return fmt.Errorf("framing: writing the analysis: %w", err)
	}
	if err := aw.enc.Encode(aw.header); err != nil {
		return fmt.Errorf("framing: writing the analysis: %w", err)
	}
	return nil
}

// Write adds one article's result.
func (aw *AnalysisWriter) Write(r *Result) error {
	if aw.closed {
		return errors.New("framing: AnalysisWriter.Write after Close")
	}
	if err := aw.open(); err != nil {
		return err
	}
	if err := aw.enc.Encode(binItem{Article: r}); err != nil {
		return fmt.Errorf("framing: writing the analysis of %s: %w", r.ID, err)
	}
	return nil
}

// Close writes what was read and skipped, and flushes. It does not close
// the underlying writer.
func (aw *AnalysisWriter) Close(st AnalysisStats, skipped []SkippedRecord) error {
	if aw.closed {
		return nil
	}
	if err := aw.open(); err != nil {
		return err
	}
	aw.closed = true
	if err := aw.enc.Encode(binItem{Done: true, Stats: st, Skipped: skipped}); err != nil {
		return fmt.Errorf("framing: writing the analysis: %w", err)
	}
	if err := aw.w.Flush(); err != nil {
		return fmt.Errorf("framing: writing the analysis: %w", err)
	}
	return nil
}

// AnalysisReader reads a saved analysis one result at a time, so that
// compare, profile, report and export over a saved analysis hold one
// article in memory, not the whole corpus (reading the binary analysis of
// the AllSides sample whole took 1.3 GB). The binary format streams; a
// JSON analysis is decoded whole by ReadAnalysis and then handed out.
type AnalysisReader struct {
	// Analysis holds the header (schema, Slant version, lexicons, weights,
	// tagging), for Check. Its Stats and Skipped are set once Results has
	// run to the end; its Articles stay empty.
	Analysis
	name  string
	dec   *gob.Decoder // the binary format; nil for JSON
	whole []*Result    // a JSON analysis, decoded whole
	fill  emptyFiller
	used  bool
}

// OpenAnalysis opens a saved analysis (`slant analyze --format json` or
// --format binary) for reading result by result; name is used in errors.
// It refuses another schema at once, and a damaged or inconsistent result
// when Results reaches it.
func OpenAnalysis(r io.Reader, name string) (*AnalysisReader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, _ := br.Peek(len(AnalysisBinaryMagic)); string(magic) == AnalysisBinaryMagic {
		return openBinary(br, name)
	}
	x, err := ReadAnalysis(br, name)
	if err != nil {
		return nil, err
	}
	ar := &AnalysisReader{Analysis: *x, name: name, whole: x.Articles}
	ar.Articles = nil
	return ar, nil
}

// openBinary reads the header of the binary format from br, which stands
// at its magic line.
func openBinary(br *bufio.Reader, name string) (*AnalysisReader, error) {
	br.Discard(len(AnalysisBinaryMagic))
	dec := gob.NewDecoder(br)
	var h binHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("framing: %s: damaged saved analysis (binary format): header: %w", name, err)
	}
	ar := &AnalysisReader{name: name, dec: dec, fill: emptyFiller{}}
	ar.Schema, ar.Slant, ar.Lexicons, ar.Weights, ar.WeightsFingerprint, ar.POS = h.Schema, h.Slant, h.Lexicons, h.Weights, h.WeightsFingerprint, h.POS
	if err := ar.checkSchema(name); err != nil {
		return nil, err
	}
	return ar, nil
}

// Results yields the saved results in file order, each checked (text,
// offsets, lexicons) as ReadAnalysis checks them, and stops at the first
// error, which it yields. It reads the file once: a second call yields
// nothing. Stats and Skipped are set when it has run to the end.
func (ar *AnalysisReader) Results() iter.Seq2[*Result, error] {
	return func(yield func(*Result, error) bool) {
		if ar.used {
			return
		}
		ar.used = true
		if ar.dec == nil {
			for i, res := range ar.whole {
				ar.whole[i] = nil // let each result go once handed out
				if !yield(res, nil) {
					return
				}
			}
			return
		}
		damaged := func(n int, err error) error {
			return fmt.Errorf("framing: %s: damaged saved analysis (binary format): article %d: %w", ar.name, n, err)
		}
		for n := 0; ; n++ {
			var it binItem
			if err := ar.dec.Decode(&it); err != nil {
				if errors.Is(err, io.EOF) {
					err = io.ErrUnexpectedEOF
				}
				yield(nil, damaged(n+1, fmt.Errorf("%w (the file is cut short or damaged)", err)))
				return
			}
			if it.Done {
				ar.Stats, ar.Skipped = it.Stats, it.Skipped
				if ar.Skipped == nil {
					ar.Skipped = []SkippedRecord{}
				}
				return
			}
			if it.Article == nil {
				yield(nil, damaged(n+1, errors.New("empty")))
				return
			}
			ar.fill.fill(reflect.ValueOf(it.Article).Elem())
			if err := ar.checkResult(ar.name, n, it.Article); err != nil {
				yield(nil, err)
				return
			}
			if !yield(it.Article, nil) {
				return
			}
		}
	}
}

// Corpus yields the saved articles (ID, outlet, title, date, metadata and
// text) as a corpus, to analyse them again with other settings, reading
// the file as Results does.
func (ar *AnalysisReader) Corpus() iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for r, err := range ar.Results() {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(r.article(), nil) {
				return
			}
		}
	}
}

// emptyFiller sets nil slices and maps to empty ones in the fields the
// JSON format always writes (no omitempty), recursively. It remembers
// which fields those are, per type.
type emptyFiller map[reflect.Type][]fillField

type fillField struct {
	index int
	omit  bool // the JSON tag has omitempty
}

func (f emptyFiller) fields(t reflect.Type) []fillField {
	if idx, ok := f[t]; ok {
		return idx
	}
	idx := []fillField{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		switch sf.Type.Kind() {
		case reflect.Slice, reflect.Map, reflect.Struct, reflect.Pointer:
			idx = append(idx, fillField{i, strings.Contains(sf.Tag.Get("json"), ",omitempty")})
		}
	}
	f[t] = idx
	return idx
}

func (f emptyFiller) fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			f.fill(v.Elem())
		}
	case reflect.Slice:
		if k := v.Type().Elem().Kind(); k == reflect.Struct || k == reflect.Pointer {
			for i := range v.Len() {
				f.fill(v.Index(i))
			}
		}
	case reflect.Struct:
		for _, ff := range f.fields(v.Type()) {
			fv, omit := v.Field(ff.index), ff.omit
			switch fv.Kind() {
			case reflect.Slice:
				if fv.IsNil() && !omit {
					fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
				}
				f.fill(fv)
			case reflect.Map:
				if fv.IsNil() && !omit {
					fv.Set(reflect.MakeMap(fv.Type()))
				}
			default:
				f.fill(fv)
			}
		}
	}
}
