package corpus

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is one news article as read, before any analysis.
type Article struct {
	// ID identifies the article within its corpus: a file's name
	// (000_e6bd7e0a9529dc5c.txt), or the id field of a JSONL/CSV record,
	// or the record's line number when there is none.
	ID string `json:"id"`
	// Outlet is the publishing source (the unit per-source profiles group by).
	Outlet string `json:"outlet"`
	Title  string `json:"title,omitempty"`
	// Published is the publication date if known, else the zero time.
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url,omitempty"`
	// Text is the original text, repaired to valid UTF-8. Every offset Slant
	// reports is a byte offset into it.
	Text string `json:"text"`
	// Meta holds the record's other fields (for example an AllSides rating).
	Meta map[string]string `json:"meta,omitempty"`
	// Location says where the article came from: a path, or path:line.
	Location string `json:"location,omitempty"`
	// Repaired counts invalid UTF-8 sequences replaced by U+FFFD on reading.
	Repaired int `json:"repaired,omitempty"`
}

// Field returns a grouping field of the article: "outlet", "title", "id",
// "url", or a Meta key. The empty string means the field is absent.
func (a *Article) Field(name string) string {
	switch name {
	case "outlet", "":
		return a.Outlet
	case "title":
		return a.Title
	case "id":
		return a.ID
	case "url":
		return a.URL
	}
	return a.Meta[name]
}

// SkipError reports a document that was not read, and why. Readers yield it
// in place of the article and go on with the next document.
type SkipError struct {
	ID       string // the document's ID when known
	Location string // path, or path:line
	Reason   string
}

// Error says which document was skipped and why.
func (e *SkipError) Error() string {
	if e.ID != "" && !strings.Contains(e.Location, e.ID) {
		return fmt.Sprintf("%s (%s): skipped: %s", e.Location, e.ID, e.Reason)
	}
	return fmt.Sprintf("%s: skipped: %s", e.Location, e.Reason)
}

// AsSkip reports whether err is a per-document skip, and returns it.
func AsSkip(err error) (*SkipError, bool) {
	var s *SkipError
	ok := errors.As(err, &s)
	return s, ok
}

// Limits bound what a reader accepts.
type Limits struct {
	// MaxDocumentBytes is the largest document read; larger ones are skipped
	// (a 100 MB single line is not an article). Default 8 MiB.
	MaxDocumentBytes int
	// MaxDecompressedBytes bounds what a gzip-compressed record file may
	// expand to; past it reading stops with an error. Default 4 GiB.
	MaxDecompressedBytes int64
}

func (l Limits) maxDecompressed() int64 {
	if l.MaxDecompressedBytes <= 0 {
		return 4 << 30
	}
	return l.MaxDecompressedBytes
}

func (l Limits) maxDoc() int {
	if l.MaxDocumentBytes <= 0 {
		return 8 << 20
	}
	return l.MaxDocumentBytes
}

// Stats counts what a read produced. Read = Articles + Skipped.
type Stats struct {
	Read     int          `json:"read"`
	Articles int          `json:"articles"`
	Skipped  []*SkipError `json:"-"`
	Repaired int          `json:"repaired_utf8"`
}

// Tally drains seq, calling fn for every article and recording skips in the
// returned Stats. It stops at the first error that is not a skip, or the
// first error fn returns.
func Tally(seq iter.Seq2[*Article, error], fn func(*Article) error) (Stats, error) {
	var st Stats
	for a, err := range seq {
		if err != nil {
			if s, ok := AsSkip(err); ok {
				st.Read++
				st.Skipped = append(st.Skipped, s)
				continue
			}
			return st, err
		}
		st.Read++
		st.Articles++
		st.Repaired += a.Repaired
		if fn != nil {
			if err := fn(a); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}

// checkText repairs invalid UTF-8 and rejects text that is not an article:
// empty or whitespace-only, binary (NUL bytes or many control characters),
// or larger than the limit. It returns the repaired text, the number of
// repairs, and a skip reason ("" when the text is acceptable).
func checkText(s string, lim Limits) (string, int, string) {
	if len(s) > lim.maxDoc() {
		return "", 0, fmt.Sprintf("document is %d bytes, over the %d-byte limit", len(s), lim.maxDoc())
	}
	if strings.IndexByte(s, 0) >= 0 {
		if looksUTF16(s) {
			return "", 0, "binary content (NUL bytes): UTF-16 without a byte-order mark? Save it as UTF-8, or as UTF-16 with a BOM"
		}
		return "", 0, "binary content (NUL bytes)"
	}
	repaired := 0
	if !utf8.ValidString(s) {
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				repaired++
				b.WriteRune(utf8.RuneError)
				// Skip the rest of this invalid sequence byte by byte.
				i++
				continue
			}
			b.WriteString(s[i : i+size])
			i += size
		}
		s = b.String()
	}
	control, runes := 0, 0
	for _, r := range s {
		runes++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	if strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) == "" {
		return "", repaired, "empty or whitespace-only document"
	}
	if control*20 > runes || (repaired*4 > runes && runes > 16) {
		return "", repaired, "binary content (control characters or mostly invalid UTF-8)"
	}
	return s, repaired, ""
}

// looksUTF16 reports whether s has the shape of ASCII text in UTF-16: a NUL
// in (nearly) every other byte of its first KiB.
func looksUTF16(s string) bool {
	s = s[:min(len(s), 1024)]
	var nul [2]int
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			nul[i%2]++
		}
	}
	half := len(s) / 2
	return half >= 4 && (nul[0]*10 >= half*9 || nul[1]*10 >= half*9)
}

// Take yields at most n documents of seq (articles and skips alike), then
// stops reading.
func Take(seq iter.Seq2[*Article, error], n int) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for a, err := range seq {
			if !yield(a, err) {
				return
			}
			if i++; i == n {
				return
			}
		}
	}
}
