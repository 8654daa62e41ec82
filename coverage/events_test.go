package coverage

import (
	"testing"
	"time"
)

// TestClusterWindow: the same story twice is one event when published a
// day apart and two events when ten days apart (the 72h window).
func TestClusterWindow(t *testing.T) {
	story := "Flood waters rose along the Danube in Budapest on Monday, closing bridges and forcing hundreds of residents from riverside homes, the city's mayor said."
	for _, c := range []struct {
		gap  time.Duration
		want int
	}{{24 * time.Hour, 1}, {240 * time.Hour, 2}} {
		docs := analyzeTexts(t, "A", story, "B", story)
		t0 := time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)
		docs[0].Event, docs[1].Event = "", ""
		docs[0].Published, docs[1].Published = t0, t0.Add(c.gap)
		if got := GroupEvents(docs, ClusterOptions{}); len(got) != c.want {
			t.Errorf("gap %v: %d events, want %d", c.gap, len(got), c.want)
		}
	}
}

// TestClusterNoChains: A shares half its content with B and B half with C,
// but A and C share nothing. Single linkage would chain all three; average
// linkage joins the closest pair and keeps the third apart, because its
// mean cosine to the pair is below the threshold.
func TestClusterNoChains(t *testing.T) {
	a := "Glacier researchers measured record melting on the Rhone glacier this summer in Switzerland."
	b := "Glacier researchers measured record melting this summer, while vineyard growers harvested grapes early in Burgundy."
	c := "Vineyard growers harvested grapes early in Burgundy after an unusually hot and dry August."
	docs := analyzeTexts(t, "A", a, "B", b, "C", c)
	for i := range docs {
		docs[i].Event = ""
	}
	bags := [][]string{docBag(docs[0]), docBag(docs[1]), docBag(docs[2])}
	df := newIDF(bags)
	ab := cosine(df.vectorize(bags[0]), df.vectorize(bags[1]))
	bc := cosine(df.vectorize(bags[1]), df.vectorize(bags[2]))
	ac := cosine(df.vectorize(bags[0]), df.vectorize(bags[2]))
	if ab < DefaultEventThreshold || bc < DefaultEventThreshold || ac != 0 {
		t.Fatalf("the case needs A~B, B~C over the threshold and A, C unrelated: %.3f %.3f %.3f", ab, bc, ac)
	}
	if ab <= bc || (ac+bc)/2 >= DefaultEventThreshold {
		t.Fatalf("the case needs A, B merged first and C's mean cosine to them below the threshold: %.3f %.3f %.3f", ab, bc, ac)
	}
	got := GroupEvents(docs, ClusterOptions{})
	if len(got) != 2 || len(got[0].Docs) != 2 || got[1].Docs[0] != 2 {
		t.Fatalf("want A and B together and C alone, got %+v", got)
	}
}
