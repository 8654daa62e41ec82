package corpus_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/slantlab/slant/corpus"
)

// BenchmarkJSONLAllSides reads the first 1,000 records of the AllSides
// sample (skipped when absent) from memory: the cost of decoding JSONL,
// which runs in the one goroutine that feeds the analysis.
func BenchmarkJSONLAllSides(b *testing.B) {
	f, err := os.Open(allSidesSample)
	if err != nil {
		b.Skip("AllSides sample not present (../shared/eval): ", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 0; n < 1000 && sc.Scan(); n++ {
		buf.Write(sc.Bytes())
		buf.WriteByte('\n')
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range corpus.JSONL(context.Background(), bytes.NewReader(data), corpus.RecordOptions{}) {
			if err == nil {
				n++
			}
		}
		if n != 1000 {
			b.Fatalf("%d records", n)
		}
	}
}
