package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Fields names the record fields a JSONL or CSV reader takes each Article
// field from. Empty names take the defaults; a field missing from a record is
// left empty (Text is the exception: a record without text is skipped).
type Fields struct {
	ID, Outlet, Title, Published, URL, Text string
}

func (f Fields) withDefaults() Fields {
	def := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	return Fields{
		ID: def(f.ID, "id"), Outlet: def(f.Outlet, "outlet"), Title: def(f.Title, "title"),
		Published: def(f.Published, "published"), URL: def(f.URL, "url"), Text: def(f.Text, "text"),
	}
}

// RecordOptions configure the JSONL and CSV readers.
type RecordOptions struct {
	Fields Fields
	Limits Limits
	// Name labels the input in errors and IDs (its path); default "stdin".
	Name string
}

// dateLayouts are the date forms accepted for Published.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02/01/2006"}

// ParseDate parses a publication date in one of the common forms (RFC 3339,
// 2006-01-02, January 2, 2006, ...). It returns an error naming the value.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q (want e.g. 2025-08-20 or August 20, 2025)", s)
}

// fromRecord builds an article from a record's fields. loc names the record.
func fromRecord(rec map[string]string, f Fields, lim Limits, loc, fallbackID string) (*Article, error) {
	id := rec[f.ID]
	if id == "" {
		id = fallbackID
	}
	raw, ok := rec[f.Text]
	if !ok {
		return nil, &SkipError{ID: id, Location: loc, Reason: fmt.Sprintf("no %q field", f.Text)}
	}
	text, repaired, reason := checkText(raw, lim)
	if reason != "" {
		return nil, &SkipError{ID: id, Location: loc, Reason: reason}
	}
	a := &Article{ID: id, Outlet: rec[f.Outlet], Title: rec[f.Title], URL: rec[f.URL], Text: text, Location: loc, Repaired: repaired}
	if d := rec[f.Published]; d != "" {
		t, err := ParseDate(d)
		if err != nil {
			return nil, &SkipError{ID: id, Location: loc, Reason: fmt.Sprintf("field %q: %v", f.Published, err)}
		}
		a.Published = t
	}
	used := map[string]bool{f.ID: true, f.Outlet: true, f.Title: true, f.URL: true, f.Text: true, f.Published: true}
	for k, v := range rec {
		if !used[k] && v != "" {
			if a.Meta == nil {
				a.Meta = map[string]string{}
			}
			a.Meta[k] = v
		}
	}
	return a, nil
}

// JSONL reads one JSON object per line. String, number and boolean fields
// are kept (numbers as written); nested values are skipped. A malformed line
// is skipped with its line number; a line longer than the document limit is
// skipped without being held in memory whole.
func JSONL(ctx context.Context, r io.Reader, opt RecordOptions) iter.Seq2[*Article, error] {
	f := opt.Fields.withDefaults()
	name := opt.Name
	if name == "" {
		name = "stdin"
	}
	return func(yield func(*Article, error) bool) {
		br := bufio.NewReaderSize(stripBOM(r), 64<<10)
		for n := 1; ; n++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			line, tooLong, err := readLine(br, opt.Limits.maxDoc()+4096)
			if err != nil && !errors.Is(err, io.EOF) {
				yield(nil, fmt.Errorf("%s:%d: %w", name, n, err))
				return
			}
			loc := fmt.Sprintf("%s:%d", name, n)
			if tooLong {
				if !yield(nil, &SkipError{ID: "line " + strconv.Itoa(n), Location: loc, Reason: fmt.Sprintf("line longer than %d bytes", opt.Limits.maxDoc()+4096)}) {
					return
				}
			} else if strings.TrimSpace(string(line)) != "" {
				a, perr := parseJSONLine(line, f, opt.Limits, loc, strconv.Itoa(n))
				if !yield(a, perr) {
					return
				}
			}
			if errors.Is(err, io.EOF) {
				return
			}
		}
	}
}

func parseJSONLine(line []byte, f Fields, lim Limits, loc, fallbackID string) (*Article, error) {
	if t := bytes.TrimLeft(line, " \t\r\n"); len(t) > 0 && t[0] != '{' && json.Valid(t) {
		return nil, &SkipError{Location: loc, Reason: "a record must be a JSON object, not " + jsonKind(t[0])}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return nil, &SkipError{Location: loc, Reason: "malformed JSON: " + err.Error()}
	}
	// encoding/json turns invalid UTF-8 into U+FFFD silently; count it first
	// so the repair is reported.
	repaired := countInvalidUTF8(line)
	rec := make(map[string]string, len(obj))
	for k, raw := range obj {
		if repaired == 0 {
			if s, ok := unquoteSimple(raw); ok {
				rec[k] = s
				continue
			}
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			rec[k] = s
			continue
		}
		t := strings.TrimSpace(string(raw))
		if t != "" && t != "null" && t[0] != '{' && t[0] != '[' {
			rec[k] = t // number or boolean, as written
		}
	}
	a, err := fromRecord(rec, f, lim, loc, fallbackID)
	if a != nil {
		a.Repaired += repaired
	}
	return a, err
}

// unquoteSimple decodes raw, a JSON value taken from an object that
// json.Unmarshal has already validated and whose bytes are valid UTF-8,
// when it is a string whose escapes are all single-character ones (\" \\
// \/ \b \f \n \r \t); it reports false for anything else (another kind of
// value, a \uXXXX escape), which json.Unmarshal then decodes. On the
// strings it accepts it gives exactly what json.Unmarshal gives (the test
// compares them), in one pass instead of json.Unmarshal's validation pass
// and decoding pass over the whole article text (JSON decoding was 7-9% of
// the CPU of slant bench --no-pos on the AllSides sample).
func unquoteSimple(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		return string(body), true
	}
	out := make([]byte, 0, len(body))
	for i >= 0 {
		out = append(out, body[:i]...)
		if i+1 >= len(body) {
			return "", false
		}
		var c byte
		switch body[i+1] {
		case '"', '\\', '/':
			c = body[i+1]
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		default:
			return "", false // \uXXXX (surrogates, replacement rules): json.Unmarshal's job
		}
		out = append(out, c)
		body = body[i+2:]
		i = bytes.IndexByte(body, '\\')
	}
	out = append(out, body...)
	return string(out), true
}

// jsonKind names the kind of JSON value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func countInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// readLine reads one line (without its newline). A line longer than max is
// consumed and reported as too long, never buffered whole.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := br.ReadLine()
		if e != nil {
			if errors.Is(e, io.EOF) && (len(line) > 0 || tooLong) {
				return line, tooLong, io.EOF
			}
			return line, tooLong, e
		}
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

// CSV reads a CSV file whose first row names the columns. A row with the
// wrong number of fields or a quoting error is skipped with its line number,
// and reading goes on with the next row. A record (one row, which quoted
// fields may spread over many lines) longer than the document limit is
// skipped without being held in memory. An unterminated quote skips the
// line it opens on and reading resumes on the next line, so every row is
// either read or reported.
func CSV(ctx context.Context, r io.Reader, opt RecordOptions) iter.Seq2[*Article, error] {
	f := opt.Fields.withDefaults()
	name := opt.Name
	if name == "" {
		name = "stdin"
	}
	return func(yield func(*Article, error) bool) {
		sp := &csvSplitter{br: bufio.NewReaderSize(stripBOM(r), 64<<10), max: opt.Limits.maxDoc() + 4096}
		var header []string
		for header == nil {
			rec, err := sp.next()
			if errors.Is(err, io.EOF) {
				yield(nil, fmt.Errorf("%s:1: reading the CSV header: %w", name, io.EOF))
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("%s:%d: reading the CSV header: %w", name, rec.start, err))
				return
			}
			if rec.tooLong || rec.unterminated {
				yield(nil, fmt.Errorf("%s:%d: reading the CSV header: %s", name, rec.start, rec.problem(sp.max)))
				return
			}
			row, perr := parseCSVRecord(rec.data, 0)
			if perr != nil {
				yield(nil, fmt.Errorf("%s:%d: reading the CSV header: %w", name, rec.start, perr))
				return
			}
			header = row // nil for a blank line: read on
		}
		cols := map[string]int{}
		for i, h := range header {
			cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
		}
		if _, ok := cols[f.Text]; !ok {
			yield(nil, fmt.Errorf("%s:1: the CSV header has no %q column (columns: %s)", name, f.Text, strings.Join(sortedKeys(cols), ", ")))
			return
		}
		n := 0 // data rows seen, for fallback IDs
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			rec, err := sp.next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("%s:%d: %w", name, rec.start, err))
				return
			}
			loc := fmt.Sprintf("%s:%d", name, rec.start)
			if rec.tooLong || rec.unterminated {
				n++
				if !yield(nil, &SkipError{ID: "row " + strconv.Itoa(n), Location: loc, Reason: rec.problem(sp.max)}) {
					return
				}
				continue
			}
			row, perr := parseCSVRecord(rec.data, len(header))
			if perr == nil && row == nil {
				continue // blank line
			}
			n++
			if perr != nil {
				if !yield(nil, &SkipError{ID: "row " + strconv.Itoa(n), Location: loc, Reason: "malformed CSV row: " + perr.Error()}) {
					return
				}
				continue
			}
			rm := make(map[string]string, len(row))
			for k, i := range cols {
				rm[k] = row[i]
			}
			a, ferr := fromRecord(rm, f, opt.Limits, loc, "row "+strconv.Itoa(n))
			if !yield(a, ferr) {
				return
			}
		}
	}
}

// parseCSVRecord parses one record's bytes with encoding/csv (which keeps
// the quoting rules); nil, nil means the record was a blank line. fields > 0
// requires that many fields.
func parseCSVRecord(data []byte, fields int) ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = fields
	row, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	if _, err := cr.Read(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one record on the line")
	}
	return row, nil
}

// csvRecord is the raw text of one CSV record as split by csvSplitter.
type csvRecord struct {
	data       []byte // nil when tooLong
	start, end int    // first and last line (1-based)
	// tooLong: the record passed the limit and its bytes were dropped.
	tooLong bool
	// unterminated: the input ended inside a quoted field.
	unterminated bool
	// bareQuote: the quote that never closed stands inside an unquoted field.
	bareQuote bool
}

func (r csvRecord) problem(max int) string {
	switch {
	case r.unterminated && r.tooLong:
		return fmt.Sprintf("unterminated quoted field: lines %d-%d (the end of the input) skipped, over %d bytes", r.start, r.end, max)
	case r.unterminated && r.bareQuote:
		return "malformed CSV row: " + csv.ErrBareQuote.Error()
	case r.unterminated:
		return "malformed CSV row: unterminated quoted field"
	}
	return fmt.Sprintf("CSV record (lines %d-%d) longer than %d bytes", r.start, r.end, max)
}

// csvSplitter cuts a CSV stream into records without parsing fields, so
// that no record longer than max is ever buffered (encoding/csv holds a
// whole record, however long, before it can fail) and every record is
// known by its lines. RFC 4180 quoting makes this a parity count: a record
// ends at a newline after an even number of double quotes (an escaped ""
// counts twice).
type csvSplitter struct {
	br      *bufio.Reader
	pending []byte // input to re-read before br (after an unterminated quote)
	line    int    // lines consumed
	max     int
}

var quoteByte = []byte{'"'}

// chunk returns the next piece of input: up to and including a newline, or
// what the buffer holds.
func (s *csvSplitter) chunk() ([]byte, error) {
	if len(s.pending) > 0 {
		i := bytes.IndexByte(s.pending, '\n')
		if i < 0 {
			i = len(s.pending) - 1
		}
		c := s.pending[:i+1]
		s.pending = s.pending[i+1:]
		return c, nil
	}
	c, err := s.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		err = nil
	}
	return c, err
}

// next returns the next record. An unterminated record that fits the limit
// gives back every line after its first, so reading resumes there.
func (s *csvSplitter) next() (csvRecord, error) {
	rec := csvRecord{start: s.line + 1}
	size, quotes, partial := 0, 0, false
	for {
		c, err := s.chunk()
		if len(c) > 0 {
			size += len(c)
			quotes += bytes.Count(c, quoteByte)
			if !rec.tooLong {
				if size > s.max {
					rec.tooLong, rec.data = true, nil
				} else {
					rec.data = append(rec.data, c...)
				}
			}
			partial = c[len(c)-1] != '\n'
			if !partial {
				s.line++
				if quotes%2 == 0 {
					rec.end = s.line
					return rec, nil
				}
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return rec, err
			}
			if size == 0 {
				return rec, io.EOF
			}
			if partial {
				s.line++
			}
			rec.end = s.line
			if quotes%2 == 1 {
				rec.unterminated = true
				if !rec.tooLong {
					// Skip the line the quote opens on; re-read the rest.
					if i := bytes.IndexByte(rec.data, '\n'); i >= 0 && i+1 < len(rec.data) {
						s.pending = append([]byte(nil), rec.data[i+1:]...)
						s.line = rec.start
						rec.end = rec.start
						rec.data = rec.data[:i+1]
					}
					if _, err := parseCSVRecord(rec.data, 0); errors.Is(err, csv.ErrBareQuote) {
						rec.bareQuote = true
					}
					rec.data = nil
				}
			}
			return rec, nil
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// OpenFile opens a record file and returns its articles: JSON Lines
// (.jsonl, .ndjson), JSON (.json: JSON Lines, an array of objects, or a
// stream of objects, told apart by content) or CSV (.csv), each optionally
// gzip-compressed (.jsonl.gz, .json.gz, .csv.gz; the decompressed stream is
// bounded by Limits.MaxDecompressedBytes). The file is closed when the
// sequence ends.
func OpenFile(ctx context.Context, path string, opt RecordOptions) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		kind, gz := recordKind(path)
		if kind == "" {
			yield(nil, fmt.Errorf("corpus: %s: unknown record format %q (want .jsonl, .ndjson, .json or .csv, optionally .gz)", path, extOf(path)))
			return
		}
		fh, err := os.Open(path)
		if err != nil {
			yield(nil, fmt.Errorf("corpus: %w", err))
			return
		}
		defer fh.Close()
		opt.Name = path
		var r io.Reader = fh
		if gz {
			zr, err := gzip.NewReader(bufio.NewReader(fh))
			if err != nil {
				yield(nil, fmt.Errorf("corpus: %s: not a readable gzip file: %w", path, err))
				return
			}
			defer zr.Close()
			r = &boundedReader{r: zr, left: opt.Limits.maxDecompressed(), max: opt.Limits.maxDecompressed()}
		}
		var seq iter.Seq2[*Article, error]
		switch kind {
		case recJSONL:
			seq = JSONL(ctx, r, opt)
		case recJSON:
			seq = JSON(ctx, r, opt)
		case recCSV:
			seq = CSV(ctx, r, opt)
		}
		for a, err := range seq {
			if !yield(a, err) {
				return
			}
		}
	}
}

// Record file kinds, from a file's extension.
const (
	recJSONL = "jsonl"
	recJSON  = "json"
	recCSV   = "csv"
)

// recordKind returns the record format of a file name ("" for none) and
// whether it is gzip-compressed.
func recordKind(p string) (kind string, gz bool) {
	l := strings.ToLower(p)
	if strings.HasSuffix(l, ".gz") {
		gz, l = true, strings.TrimSuffix(l, ".gz")
	}
	switch extOf(l) {
	case ".jsonl", ".ndjson":
		return recJSONL, gz
	case ".json":
		return recJSON, gz
	case ".csv":
		return recCSV, gz
	}
	return "", gz
}

// isRecordFile reports whether OpenFile reads the file named p.
func isRecordFile(p string) bool { k, _ := recordKind(p); return k != "" }

// gzipReason is the skip reason for a compressed file Slant does not read.
const gzipReason = "gzip-compressed file: only .jsonl.gz, .ndjson.gz, .json.gz and .csv.gz are decompressed; gunzip it first"

// boundedReader fails once more than max bytes have been read: a gzip bomb
// ends in a clear error instead of hours of work.
type boundedReader struct {
	r         io.Reader
	left, max int64
}

// Read passes bytes through until the bound.
func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, fmt.Errorf("decompressed data exceeds the %d-byte limit (Limits.MaxDecompressedBytes)", b.max)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// JSON reads a .json file whose shape is found from its content: JSON Lines
// (the first line is a whole JSON value) go through JSONL; an array of
// objects, or objects one after another over many lines, are decoded value
// by value. A value that is not an object is skipped with its line; a
// syntax error ends the file with an error naming its line (the stream
// cannot be resynchronised).
func JSON(ctx context.Context, r io.Reader, opt RecordOptions) iter.Seq2[*Article, error] {
	f := opt.Fields.withDefaults()
	name := opt.Name
	if name == "" {
		name = "stdin"
	}
	return func(yield func(*Article, error) bool) {
		br := bufio.NewReaderSize(stripBOM(r), 64<<10)
		head, _ := br.Peek(64 << 10)
		trimmed := bytes.TrimLeft(head, " \t\r\n")
		array := len(trimmed) > 0 && trimmed[0] == '['
		if !array {
			line := trimmed
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			if len(trimmed) == 0 || json.Valid(line) || len(line) == len(head) {
				for a, err := range JSONL(ctx, br, opt) {
					if !yield(a, err) {
						return
					}
				}
				return
			}
		}
		js := &jsonSplitter{br: br, max: opt.Limits.maxDoc() + 4096, line: 1}
		if array {
			js.skipSpace()
			_, _ = js.br.ReadByte() // the '['
		}
		for n := 1; ; n++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			raw, line, tooLong, err := js.next(array)
			if errors.Is(err, io.EOF) {
				return
			}
			loc := fmt.Sprintf("%s:%d", name, line)
			if err != nil {
				yield(nil, fmt.Errorf("%s: %w", loc, err))
				return
			}
			if tooLong {
				if !yield(nil, &SkipError{ID: "record " + strconv.Itoa(n), Location: loc, Reason: fmt.Sprintf("record longer than %d bytes", js.max)}) {
					return
				}
				continue
			}
			a, perr := parseJSONLine(raw, f, opt.Limits, loc, strconv.Itoa(n))
			if !yield(a, perr) {
				return
			}
		}
	}
}

// jsonSplitter cuts a JSON array of values, or values one after another,
// into single values without decoding them, so that a value longer than
// max is skipped without being held in memory (json.Decoder holds a whole
// value before it can fail) and each value is known by its first line.
// Each value is then decoded on its own, which checks its syntax.
type jsonSplitter struct {
	br   *bufio.Reader
	max  int
	line int // current line (1-based)
}

// skipSpace consumes whitespace, counting lines.
func (s *jsonSplitter) skipSpace() {
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			return
		}
		switch c {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			_ = s.br.UnreadByte()
			return
		}
	}
}

var errJSONEnd = errors.New("unexpected end of JSON input")

// next returns the next value, the line it starts on, and whether it was
// over max (its bytes dropped). In an array it steps over the commas and
// returns io.EOF at the closing ']'; in a stream, at the end of input.
func (s *jsonSplitter) next(array bool) (val []byte, line int, tooLong bool, err error) {
	for {
		s.skipSpace()
		c, err := s.br.ReadByte()
		if err != nil {
			if array {
				return nil, s.line, false, fmt.Errorf("%w: the array is not closed by ]", errJSONEnd)
			}
			return nil, s.line, false, io.EOF
		}
		if c == ',' && array {
			continue
		}
		if c == ']' && array {
			return nil, s.line, false, io.EOF
		}
		_ = s.br.UnreadByte()
		break
	}
	line = s.line
	depth, inString, escaped, size := 0, false, false, 0
	keep := func(c byte) {
		size++
		if tooLong {
			return
		}
		if size > s.max {
			tooLong, val = true, nil
			return
		}
		val = append(val, c)
	}
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			if depth == 0 && !inString && size > 0 {
				return val, line, tooLong, nil // a scalar at the end of input
			}
			return nil, line, tooLong, errJSONEnd
		}
		switch {
		case inString:
			if c == '\n' {
				s.line++
			}
			keep(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if depth == 0 {
					return val, line, tooLong, nil
				}
			}
		case c == '"':
			keep(c)
			inString = true
		case c == '{' || c == '[':
			keep(c)
			depth++
		case size == 0 && (c == '}' || c == ']' || c == ','):
			return nil, line, false, fmt.Errorf("invalid character %q where a value should start", c)
		case c == '}' || c == ']':
			if depth == 0 { // the end of the enclosing array
				_ = s.br.UnreadByte()
				return val, line, tooLong, nil
			}
			keep(c)
			if depth--; depth == 0 {
				return val, line, tooLong, nil
			}
		case depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'):
			_ = s.br.UnreadByte() // a scalar ends; skipSpace counts the newline
			return val, line, tooLong, nil
		default:
			if c == '\n' {
				s.line++
			}
			keep(c)
		}
	}
}

func extOf(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.ContainsAny(p[i:], `/\`) {
		return ""
	}
	return p[i:]
}
