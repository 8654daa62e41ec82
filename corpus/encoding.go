package corpus

import (
	"bytes"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte-order marks that decodeBOM recognises.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// stripBOM returns r as UTF-8: a stream that starts with a UTF-16 (LE or BE)
// byte-order mark is decoded, and a UTF-8 byte-order mark is dropped, so
// the first record of a JSONL or CSV file is not lost to it. Other input
// passes through unchanged.
func stripBOM(r io.Reader) io.Reader {
	return transform.NewReader(r, unicode.BOMOverride(transform.Nop))
}

// decodeBOM is stripBOM for a whole file's bytes (.txt and .md files).
func decodeBOM(data []byte) []byte {
	if !bytes.HasPrefix(data, bomUTF8) && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		return data
	}
	out, _, err := transform.Bytes(unicode.BOMOverride(transform.Nop), data)
	if err != nil {
		return data // left for checkText to repair or reject
	}
	return out
}
