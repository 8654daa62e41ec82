package framing

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDefinesEveryMeasure keeps the README's measure table in step
// with the code: every measure and its formula must appear there.
func TestREADMEDefinesEveryMeasure(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, d := range Measures {
		row := "| `" + d.Name + "` | " + d.Unit + " | " + strings.ReplaceAll(d.Formula, "|", `\|`) + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README lacks the row:\n%s", row)
		}
	}
	for _, f := range FeatureNames {
		if !strings.Contains(readme, "`"+f+"`") {
			t.Errorf("README does not name the score feature %s", f)
		}
	}
}
