package corpus_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/seeds"
)

// checkPartition asserts that title, body and removed regions do not
// overlap, are in order, and cover every non-blank line of text.
func checkPartition(t *testing.T, name, text string, cl corpus.Cleaned) {
	t.Helper()
	type span struct{ s, e int }
	var all []span
	if cl.Title != nil {
		all = append(all, span{cl.Title.Start, cl.Title.End})
	}
	for _, r := range cl.Body {
		all = append(all, span{r.Start, r.End})
	}
	for _, r := range cl.Removed {
		all = append(all, span{r.Start, r.End})
		if r.Reason == "" {
			t.Errorf("%s: removal [%d,%d) has no reason", name, r.Start, r.End)
		}
	}
	covered := make([]bool, len(text))
	for _, s := range all {
		if s.s < 0 || s.e > len(text) || s.s >= s.e {
			t.Fatalf("%s: bad span [%d,%d)", name, s.s, s.e)
		}
		for i := s.s; i < s.e; i++ {
			if covered[i] {
				t.Fatalf("%s: byte %d covered twice", name, i)
			}
			covered[i] = true
		}
	}
	for i, r := range text {
		if !covered[i] && strings.TrimSpace(string(r)) != "" && r != '\u200b' && r != '\ufeff' {
			t.Fatalf("%s: byte %d (%q) in no region", name, i, r)
		}
	}
}

func TestCleanSeeds(t *testing.T) {
	var truth struct {
		Furniture map[string][]string `json:"furniture"`
	}
	data, err := os.ReadFile("testdata/seeds_furniture.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	// With and without a boilerplate index learned from the seeds (corpus
	// and per-outlet rules, issue 17 item 13): no body line is removed.
	bp := corpus.NewBoilerplate()
	if err := bp.Learn(seeds.Corpus(context.Background())); err != nil {
		t.Fatal(err)
	}
	for _, c := range []corpus.Cleaner{{}, {Boilerplate: bp}} {
		cleanSeeds(t, c, truth.Furniture)
	}
}

func cleanSeeds(t *testing.T, c corpus.Cleaner, furniture map[string][]string) {
	t.Helper()
	n := 0
	_, err := corpus.Tally(seeds.Corpus(context.Background()), func(a *corpus.Article) error {
		n++
		manifestTitle := a.Title
		cl := c.CleanArticle(a)
		checkPartition(t, a.ID, a.Text, cl)
		if cl.Title == nil || a.Text[cl.Title.Start:cl.Title.End] != manifestTitle {
			t.Errorf("%s: title not recognised", a.ID)
		}
		want := map[string]int{}
		for _, l := range furniture[a.ID] {
			want[l]++
		}
		for _, r := range cl.Removed {
			line := a.Text[r.Start:r.End]
			if want[line] == 0 {
				t.Errorf("%s: body text removed (%s): %q", a.ID, r.Reason, line)
				continue
			}
			want[line]--
		}
		for l, k := range want {
			if k > 0 {
				t.Errorf("%s: furniture kept: %q", a.ID, l)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Fatalf("read %d seeds, want 5", n)
	}
}

func TestCleanHandMade(t *testing.T) {
	body1 := "The council voted 7-2 on Tuesday to approve the new budget, which raises spending on schools by four percent."
	body2 := "Several readers left comments on the proposal, and the subscription service that publishes minutes said it would post them."
	body3 := "The mayor said the plan would be reviewed again next spring, after the state releases its own figures."
	tests := []struct {
		name      string
		text      string
		body      []string
		furniture []string
	}{
		{
			name:      "cookie banner first, teasers last",
			text:      "We use cookies to improve your experience. Accept all cookies\nCouncil approves budget\n" + body1 + "\n\n" + body3 + "\nRelated Articles\nSchool board names new chief\nThe board chose a veteran administrator who has...\nShare this article\n",
			body:      []string{body1, body3},
			furniture: []string{"We use cookies to improve your experience. Accept all cookies", "Related Articles", "School board names new chief", "The board chose a veteran administrator who has...", "Share this article"},
		},
		{
			name:      "advertisement inside the body, prose mentioning comments and subscriptions",
			text:      "Council approves budget\n\n" + body1 + "\n\nAdvertisement\n\n" + body2 + "\n\nRead more: Mayor unveils transit plan\n\n" + body3 + "\n\nPrevious article\nNext article\n",
			body:      []string{body1, body2, body3},
			furniture: []string{"Advertisement", "Read more: Mayor unveils transit plan", "Previous article", "Next article"},
		},
		{
			name:      "headings and a list stay",
			text:      "Council approves budget\n\nWhat changes\n\n" + body1 + "\n\nThree items stand out:\n• Schools get four percent more.\n• Parks keep their budget.\n\n" + body3 + "\n",
			body:      []string{"What changes", body1, "Three items stand out:", "• Schools get four percent more.", "• Parks keep their budget.", body3},
			furniture: nil,
		},
		{
			name:      "author box and newsletter after the body",
			text:      "Council approves budget\n" + body1 + "\nAbout the author\nJane Roe covers city hall for the Gazette. Reach her at jane@gazette.example.com.\nSign up for our newsletter\n",
			body:      []string{body1},
			furniture: []string{"About the author", "Jane Roe covers city hall for the Gazette. Reach her at jane@gazette.example.com.", "Sign up for our newsletter"},
		},
		{
			// issue 17 item 13: flattened galleries, video players, caption
			// controls and photo credits (shapes from the AllSides sample).
			name: "gallery captions, video player and credits inside the body",
			text: "Council approves budget\n\n" + body1 + "\n\nPhotos: The budget fight Photos: The budget fight Council members debate on Monday. Hide Caption 1 of 12 Photos: The budget fight The mayor speaks. Hide Caption 2 of 12\n\n" +
				body2 + "\n\nJUST WATCHED Council votes on budget Replay More Videos ... MUST WATCH Council votes on budget 01:26\n\nenlarge this image toggle caption Jane Roe/AP Jane Roe/AP\n\n" +
				"Slideshow (3 Images)\n\n(Jane Roe/Getty Images)\n\n" + body3 + "\n",
			body: []string{body1, body2, body3},
			furniture: []string{"Photos: The budget fight Photos: The budget fight Council members debate on Monday. Hide Caption 1 of 12 Photos: The budget fight The mayor speaks. Hide Caption 2 of 12",
				"JUST WATCHED Council votes on budget Replay More Videos ... MUST WATCH Council votes on budget 01:26", "enlarge this image toggle caption Jane Roe/AP Jane Roe/AP",
				"Slideshow (3 Images)", "(Jane Roe/Getty Images)"},
		},
	}
	var c corpus.Cleaner
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cl := c.Clean(tc.text, "")
			checkPartition(t, tc.name, tc.text, cl)
			if cl.Title == nil || tc.text[cl.Title.Start:cl.Title.End] != "Council approves budget" {
				t.Errorf("title not found: %+v", cl.Title)
			}
			var body, removed []string
			for _, r := range cl.Body {
				body = append(body, tc.text[r.Start:r.End])
			}
			for _, r := range cl.Removed {
				removed = append(removed, tc.text[r.Start:r.End])
			}
			if strings.Join(body, "|") != strings.Join(tc.body, "|") {
				t.Errorf("body:\n got %q\nwant %q", body, tc.body)
			}
			if strings.Join(removed, "|") != strings.Join(tc.furniture, "|") {
				t.Errorf("removed:\n got %q\nwant %q", removed, tc.furniture)
			}
		})
	}
}

func TestBoilerplateAcrossDocuments(t *testing.T) {
	body := "Officials said on Monday that the bridge would reopen in June after repairs costing twelve million dollars."
	footer := "The Valley Courier is reader-supported and independent"
	bp := corpus.NewBoilerplate()
	for i := 0; i < 3; i++ {
		bp.Add("Headline " + string(rune('A'+i)) + "\n" + body + "\n" + footer + "\n")
	}
	c := corpus.Cleaner{Boilerplate: bp}
	text := "Bridge to reopen\n" + body + "\n" + footer + "\n"
	cl := c.Clean(text, "")
	if len(cl.Removed) != 1 || text[cl.Removed[0].Start:cl.Removed[0].End] != footer || !strings.Contains(cl.Removed[0].Reason, "3 documents") {
		t.Fatalf("footer not removed as boilerplate: %+v", cl.Removed)
	}
	if got := (corpus.Cleaner{}).Clean(text, ""); len(got.Removed) != 0 {
		t.Fatalf("without the index nothing should be removed, got %+v", got.Removed)
	}
}

// TestBoilerplatePerOutlet: a short line repeated across one outlet's
// articles is removed for that outlet only, when it is in at least 3 and
// at least OutletShare of them; questions (sub-headings) stay.
func TestBoilerplatePerOutlet(t *testing.T) {
	body := "Officials said on Monday that the bridge would reopen in June after repairs costing twelve million dollars."
	bp := corpus.NewBoilerplate()
	bp.CorpusShare = 0.5 // keep the corpus-wide rule out of this test
	for i := 0; i < 4; i++ {
		bp.AddArticle(&corpus.Article{Outlet: "Gazette", Text: "Headline\n" + body + "\nStory continued below\nWhat happens next?\n"})
	}
	for i := 0; i < 200; i++ {
		extra := ""
		if i < 3 {
			extra = "Story continued below\n"
		}
		bp.AddArticle(&corpus.Article{Outlet: "Courier", Text: "Headline\n" + body + "\n" + extra})
	}
	c := corpus.Cleaner{Boilerplate: bp}
	text := "Bridge to reopen\n" + body + "\nStory continued below\n" + body + "\nWhat happens next?\n" + body + "\n"
	removed := func(outlet string) []string {
		a := &corpus.Article{Outlet: outlet, Text: text}
		var out []string
		for _, r := range c.CleanArticle(a).Removed {
			out = append(out, text[r.Start:r.End]+" ("+r.Reason+")")
		}
		return out
	}
	if got := removed("Gazette"); len(got) != 1 || got[0] != "Story continued below (boilerplate: line seen in 4 of 4 Gazette articles)" {
		t.Errorf("Gazette: %q", got)
	}
	if got := removed("Courier"); len(got) != 0 { // 3 of 200 is under 2%
		t.Errorf("Courier: %q", got)
	}
}
