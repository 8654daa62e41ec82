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

// A .json file may hold an array of objects (or JSON Lines, or objects one
// after another); each record is read with the line it starts on.
func ExampleJSON() {
	in := `[
  {"id": "a1", "outlet": "Gazette", "text": "The bridge reopened on Monday."},
  42,
  {"id": "a2", "outlet": "Courier", "text": "The council met."}
]`
	for a, err := range corpus.JSON(context.Background(), strings.NewReader(in), corpus.RecordOptions{Name: "news.json"}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.ID, a.Outlet, a.Location)
	}
	// Output:
	// a1 Gazette news.json:2
	// news.json:3: skipped: a record must be a JSON object, not a number
	// a2 Courier news.json:4
}

// A Boilerplate index learned from the corpus removes the lines an outlet
// repeats across its articles, with the reason.
func ExampleBoilerplate() {
	body := "Officials said on Monday that the bridge would reopen in June after repairs to its deck."
	bp := corpus.NewBoilerplate()
	for i := 0; i < 3; i++ {
		bp.AddArticle(&corpus.Article{Outlet: "Gazette", Text: fmt.Sprintf("Headline %d\n\n%s\n\nStory continued below\n\n%s\n", i, body, body)})
	}
	a := &corpus.Article{Outlet: "Gazette", Text: "Bridge to reopen\n\n" + body + "\n\nStory continued below\n\n" + body + "\n"}
	for _, r := range (corpus.Cleaner{Boilerplate: bp}).CleanArticle(a).Removed {
		fmt.Printf("%s: %s\n", a.Text[r.Start:r.End], r.Reason)
	}
	// Output:
	// Story continued below: boilerplate: line seen in 3 documents
}
