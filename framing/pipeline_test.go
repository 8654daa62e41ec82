package framing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
)

// synthetic yields n articles with a skip every seventh.
func synthetic(n int) iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for i := 0; i < n; i++ {
			if i%7 == 6 {
				if !yield(nil, &corpus.SkipError{ID: fmt.Sprint(i), Location: "mem", Reason: "test skip"}) {
					return
				}
				continue
			}
			text := fmt.Sprintf("Headline %d\n\nThe regime's puppet parliament met %d times, officials said. Critics call it a sham.", i, i)
			if !yield(&corpus.Article{ID: fmt.Sprint(i), Outlet: []string{"A", "B", "C"}[i%3], Text: text}, nil) {
				return
			}
		}
	}
}

func TestRunOrderedAndCounted(t *testing.T) {
	an := analyzer(t)
	var outs []string
	for _, workers := range []int{1, 2, 5} {
		var b strings.Builder
		st, err := Run(context.Background(), an, synthetic(60), RunOptions{Workers: workers, Queue: 3}, func(r *Result) error {
			j, _ := json.Marshal(r)
			b.Write(j)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if st.Read != 60 || st.Articles+len(st.Skipped) != 60 || len(st.Skipped) != 8 {
			t.Fatalf("stats %+v", st)
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Fatal("output depends on the number of workers")
	}
}

func TestRunStopsOnErrorAndCancel(t *testing.T) {
	an := analyzer(t)
	boom := errors.New("boom")
	n := 0
	_, err := Run(context.Background(), an, synthetic(200), RunOptions{Workers: 2}, func(r *Result) error {
		n++
		if n == 5 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || n != 5 {
		t.Fatalf("err %v after %d results", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := 0
	_, err = Run(ctx, an, synthetic(200), RunOptions{Workers: 2}, func(r *Result) error {
		m++
		if m == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || m != 3 {
		t.Fatalf("cancel: err %v after %d results", err, m)
	}
	readErr := errors.New("disk on fire")
	bad := func(yield func(*corpus.Article, error) bool) {
		yield(&corpus.Article{ID: "x", Text: "Fine text here."}, nil)
		yield(nil, readErr)
	}
	if _, err := Run(context.Background(), an, bad, RunOptions{}, func(*Result) error { return nil }); !errors.Is(err, readErr) {
		t.Fatalf("reader error: %v", err)
	}
}
