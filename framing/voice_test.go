package framing

import (
	"strings"
	"testing"
)

// voiceOf returns the voice of the evidence whose text is term (the first
// one), failing when there is none.
func voiceOf(t *testing.T, r *Result, term string) Evidence {
	t.Helper()
	for _, e := range r.Evidence {
		if strings.EqualFold(e.Text, term) {
			return e
		}
	}
	t.Fatalf("no evidence %q in %q", term, r.Text)
	return Evidence{}
}

// TestNestedQuotes is issue 17's input at a size a test can afford: k
// opening curly quotes then k closing ones nest k quotes; the innermost is
// empty and dropped, so k-1 remain, each inside the one before, all
// attributed to the minister of the sentence before. (The old code took
// 157 s at k = 100,000; BenchmarkAnalyzeSize/nested_quotes times it.)
func TestNestedQuotes(t *testing.T) {
	const k = 2000
	r, err := analyzer(t).AnalyzeText("The minister said so. " + strings.Repeat("“", k) + strings.Repeat("”", k))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Quotes) != k-1 {
		t.Fatalf("%d quotes, want %d", len(r.Quotes), k-1)
	}
	for i, q := range r.Quotes {
		if q.Speaker != "The minister" || q.Scare {
			t.Fatalf("quote %d: %+v", i, q)
		}
		if i > 0 && (q.Start <= r.Quotes[i-1].Start || q.End >= r.Quotes[i-1].End) {
			t.Fatalf("quote %d %+v is not inside quote %d %+v", i, q, i-1, r.Quotes[i-1])
		}
	}
}

// TestReportedSpeechSpans checks whose words follow or precede an
// attribution, on hand-made sentences with known answers.
func TestReportedSpeechSpans(t *testing.T) {
	an := analyzer(t)
	cases := []struct {
		text, term string
		voice      Voice
		speaker    string
	}{
		{"Officials said the plan was a disaster.", "plan", Reported, "Officials"},
		{"According to the ministry, the plan failed.", "plan", Reported, "the ministry"},
		{"The plan failed, according to the ministry.", "plan", Reported, "the ministry"},
		// Many reporting verbs in one sentence: the first one that claims a
		// word keeps it.
		{"He said, she said, they said the plan failed.", "plan", Reported, "He"},
		// A quote's speaker from the sentence after it.
		{"“We will win,” he said. The army retreated.", "We", Quote, "he"},
		{"“We will win,” he said. The army retreated.", "army", Reporter, ""},
	}
	for _, c := range cases {
		r, err := an.AnalyzeText(c.text)
		if err != nil {
			t.Fatal(err)
		}
		e := voiceOf(t, r, c.term)
		if e.Voice != c.voice || e.Speaker != c.speaker {
			t.Errorf("%q: %q is %s (speaker %q), want %s (speaker %q)", c.text, c.term, e.Voice, e.Speaker, c.voice, c.speaker)
		}
	}
}
