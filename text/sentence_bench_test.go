package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkSplit times the sentence splitter alone (the rules, and punkt
// for the ratio in the same run) over the seeds' paragraphs, tokenized
// before the timer starts. Paragraphs are the seed files' blank-line
// separated runs, not the cleaner's blocks (the cleaner's package imports
// this one), which is close enough for timing.
func BenchmarkSplit(b *testing.B) {
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed files in ../seeds")
	}
	type para struct {
		src         string
		b           Block
		first, last int
		toks        []Token
	}
	var paras []para
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		src := string(data)
		n += int64(len(src))
		var toks []Token
		start := 0
		for _, p := range strings.SplitAfter(src, "\n\n") {
			bl := Block{Span{start, start + len(strings.TrimRight(p, "\n"))}, Paragraph}
			first := len(toks)
			toks = Tokenize(src, bl.Start, bl.End, toks)
			paras = append(paras, para{src, bl, first, len(toks), nil})
			start += len(p)
		}
		for i := range paras {
			if paras[i].src == src {
				paras[i].toks = toks
			}
		}
	}
	punkt, err := loadPunkt()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		seg  segmenter
	}{{"rules", segmenter{}}, {"punkt", segmenter{punkt: punkt}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			var dst []Sentence
			for b.Loop() {
				for i, p := range paras {
					dst = bc.seg.split(p.src, p.b, i, p.toks, p.first, p.last, dst[:0])
				}
			}
		})
	}
}
