package framing

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// TestOutputIdenticalAcrossGOMAXPROCS analyses the seeds and, when present,
// a slice of the AllSides sample with tagging on, at GOMAXPROCS 1 and 2,
// and requires byte-identical results, profiles and comparisons.
func TestOutputIdenticalAcrossGOMAXPROCS(t *testing.T) {
	an := analyzer(t)
	digest := func(procs int, open func() (func(yield func(*corpus.Article, error) bool), func())) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		seq, done := open()
		defer done()
		h := sha256.New()
		ps := NewProfiles("outlet", an.Fingerprint())
		_, err := Run(context.Background(), an, seq, RunOptions{}, func(r *Result) error {
			b, err := json.Marshal(r)
			h.Write(b)
			if err != nil {
				return err
			}
			return ps.Add(r)
		})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(ps.All())
		h.Write(b)
		keys := ps.Keys()
		if len(keys) > 1 {
			cs, err := CompareEach(ps, Rest, CompareOptions{Bootstrap: 200})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(cs)
			h.Write(b)
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	seedsOpen := func() (func(yield func(*corpus.Article, error) bool), func()) {
		return seeds.Corpus(context.Background()), func() {}
	}
	if a, b := digest(1, seedsOpen), digest(2, seedsOpen); a != b {
		t.Fatal("seed output differs between GOMAXPROCS 1 and 2")
	}
	const path = "../../shared/eval/allsides_baly2020_sample.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Log("../shared/eval absent: AllSides slice not checked")
		return
	}
	allSides := func() (func(yield func(*corpus.Article, error) bool), func()) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		return corpus.Take(corpus.JSONL(context.Background(), f, corpus.RecordOptions{Name: path}), 60), func() { f.Close() }
	}
	if a, b := digest(1, allSides), digest(2, allSides); a != b {
		t.Fatal("AllSides slice output differs between GOMAXPROCS 1 and 2")
	}
}
