package corpus_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/slantlab/slant/corpus"
)

func ExampleCleaner_Clean() {
	text := "Council approves budget\n\nThe council voted 7-2 on Tuesday to approve the new budget, which raises school spending.\n\nShare this article\nLeave a comment\n"
	cl := corpus.Cleaner{}.Clean(text, "")
	fmt.Printf("title: %s\n", text[cl.Title.Start:cl.Title.End])
	for _, r := range cl.Body {
		fmt.Printf("body (%s): %.40s...\n", r.Kind, text[r.Start:r.End])
	}
	for _, r := range cl.Removed {
		fmt.Printf("removed [%d,%d) %s: %s\n", r.Start, r.End, r.Reason, text[r.Start:r.End])
	}
	// Output:
	// title: Council approves budget
	// body (paragraph): The council voted 7-2 on Tuesday to appr...
	// removed [116,134) share prompt: Share this article
	// removed [135,150) comment prompt: Leave a comment
}

func ExampleJSONL() {
	in := `{"id":"a1","outlet":"Gazette","text":"The bridge reopened on Monday."}
{"id":"a2","outlet":"Gazette","text":   }
{"id":"a3","outlet":"Courier","text":""}`
	st, err := corpus.Tally(corpus.JSONL(context.Background(), strings.NewReader(in), corpus.RecordOptions{Name: "news.jsonl"}), func(a *corpus.Article) error {
		fmt.Println("read", a.ID, a.Outlet)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	for _, s := range st.Skipped {
		fmt.Println(s.Location, s.Reason[:strings.Index(s.Reason+":", ":")])
	}
	fmt.Printf("%d read, %d articles, %d skipped\n", st.Read, st.Articles, len(st.Skipped))
	// Output:
	// read a1 Gazette
	// news.jsonl:2 malformed JSON
	// news.jsonl:3 empty or whitespace-only document
	// 3 read, 1 articles, 2 skipped
}
