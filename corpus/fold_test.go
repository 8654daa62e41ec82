package corpus

import "testing"

// TestFoldEquals checks foldEquals against foldLine on lines that fold to
// the same title, to a prefix or extension of it, and on non-ASCII lines.
func TestFoldEquals(t *testing.T) {
	titles := []string{"Why People \"Fly from Facts\"", "  Paris   summit\tON Ukraine ", "Café talks", ""}
	lines := []string{
		"why people \"fly from facts\"", "WHY  PEOPLE\t\"FLY FROM FACTS\"  ", "Why People", "Why People \"Fly from Facts\" today",
		"paris summit on ukraine", "Paris summit on Ukraine.", "  ", "", "café TALKS", "Café  talks", "Cafe talks", "It’s a line",
	}
	for _, title := range titles {
		ft := foldLine(title)
		for _, l := range lines {
			if got, want := foldEquals(l, ft), foldLine(l) == ft; got != want {
				t.Errorf("foldEquals(%q, %q) = %v, foldLine says %v", l, ft, got, want)
			}
		}
	}
	if !foldEquals("WHY  PEOPLE\t\"FLY FROM FACTS\"  ", foldLine("Why People \"Fly from Facts\"")) {
		t.Error("a line differing only in case and spacing should equal the title")
	}
}

func FuzzFoldEquals(f *testing.F) {
	f.Add("Why People Fly", "why  people FLY ")
	f.Add("Café", "café")
	f.Fuzz(func(t *testing.T, s, title string) {
		ft := foldLine(title)
		if got, want := foldEquals(s, ft), foldLine(s) == ft; got != want {
			t.Fatalf("foldEquals(%q, %q) = %v, foldLine says %v", s, ft, got, want)
		}
	})
}
