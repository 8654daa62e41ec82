package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out, nil); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		`loaded.pejorative                  reporter "power grab"           [47:57]`,
		`loaded.moral_condemnation          reporter "shameless"`,
		`"sham"                 [122:126] (negated) speaker: the mayor`,
		"] The regime's so-called reforms are a shameless power grab",
		"editorializing_index",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestRunOwnText(t *testing.T) {
	var out strings.Builder
	if err := run(&out, []string{"The council approved the budget on Tuesday."}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "7 words, 1 sentences") || strings.Contains(got, "loaded.") {
		t.Errorf("a neutral sentence:\n%s", got)
	}
}
