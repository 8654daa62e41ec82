package framing

import (
	"fmt"
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
	cases := []voiceCase{
		{"", "Officials said the plan was a disaster.", "plan", Reported, "Officials"},
		{"", "According to the ministry, the plan failed.", "plan", Reported, "the ministry"},
		{"", "The plan failed, according to the ministry.", "plan", Reported, "the ministry"},
		// Many reporting verbs in one sentence: the first one that claims a
		// word keeps it.
		{"", "He said, she said, they said the plan failed.", "plan", Reported, "He"},
		// A quote's speaker from the sentence after it.
		{"", "“We will win,” he said. The army retreated.", "We", Quote, "he"},
		{"", "“We will win,” he said. The army retreated.", "army", Reporter, ""},
	}
	checkVoices(t, an, cases)
}

// TestVoiceMisfires: issue 12's misfire patterns, each on a hand-made text
// whose voices are known: first person in speeches, transcripts and quote
// fragments is not the reporter's; attribution patterns "X, Y's office
// said", "described as X by Y", "in the words of", "according to a
// statement from".
func TestVoiceMisfires(t *testing.T) {
	an := analyzer(t)
	cases := []voiceCase{
		{"claim, subject said", "The plan was a disaster, officials said.", "plan", Reported, "officials"},
		{"claim, possessive office said", "The plan was a disaster, the minister's office said.", "plan", Reported, "the minister's office"},
		{"described as X by Y", "The plan was described as a brutal sham by critics.", "brutal", Reported, "critics"},
		{"described as X by Y: the subject stays the reporter's", "The plan was described as a brutal sham by critics.", "plan", Reporter, ""},
		{"in the words of", "In the words of one diplomat, the plan is a disaster.", "plan", Reported, "one diplomat"},
		{"according to a statement from", "According to a statement from the ministry, the plan is a disaster.", "plan", Reported, "the ministry"},
		// Text before an unmatched closing quote is a quote fragment.
		{"straight closing quote only", "I think we need to act now,\" Smith said.", "I think", Quote, "Smith"},
		{"curly closing quote only", "Headline\n\nWe will never surrender, we will fight on,” the minister said.", "We", Quote, "the minister"},
		// Interview transcripts.
		{"transcript label", "MACRON: I believe we must act.", "I believe", Quote, "MACRON"},
		{"transcript question", "Q: Do we need a plan?", "we", Quote, "Q"},
		// A speech set off as its own paragraph.
		{"speech after a colon", "Macron said in a speech on Thursday:\nWe will stand with Ukraine and I will not yield.", "We", Reported, "Macron"},
		// Controls: the reporter's own first person, and a heading label.
		{"reporter's first person", "We visited the plan's site. Officials said nothing.", "We", Reporter, ""},
		{"label word is not a speaker", "UPDATE: We corrected the plan.", "We", Reporter, ""},
		{"a paragraph after a colon without attribution", "The plan has three parts:\nWe list them below.", "We", Reporter, ""},
	}
	checkVoices(t, an, cases)
}

// voiceCase is a text, a term in it, and the voice and speaker the term
// must get; name labels the case (the quoted text when empty).
type voiceCase struct {
	name, text, term string
	voice            Voice
	speaker          string
}

// checkVoices analyses each case's text and checks its term's voice and
// speaker.
func checkVoices(t *testing.T, an *Analyzer, cases []voiceCase) {
	t.Helper()
	for _, c := range cases {
		r, err := an.AnalyzeText(c.text)
		if err != nil {
			t.Fatal(err)
		}
		e := voiceOf(t, r, c.term)
		if e.Voice != c.voice || e.Speaker != c.speaker {
			name := c.name
			if name == "" {
				name = fmt.Sprintf("%q", c.text)
			}
			t.Errorf("%s: %q is %s (speaker %q), want %s (speaker %q)", name, c.term, e.Voice, e.Speaker, c.voice, c.speaker)
		}
	}
}

// TestScareQuotesNotDesignations: quoted names and acronyms (groups,
// self-declared republics, programmes) are not scare quotes; a quoted
// common phrase with no speaker still is.
func TestScareQuotesNotDesignations(t *testing.T) {
	r, err := analyzer(t).AnalyzeText("Fighters of the “Donetsk People’s Republic” attacked. The “DPR” shelled the town. Aid came from the “Coalition of the Willing”. The so-called “peace plan” failed.")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Donetsk People’s Republic": false, "DPR": false, "Coalition of the Willing": false, "peace plan": true}
	if len(r.Quotes) != len(want) {
		t.Fatalf("quotes %+v", r.Quotes)
	}
	for _, q := range r.Quotes {
		text := r.Text[q.Start:q.End]
		if w, ok := want[text]; !ok || q.Scare != w {
			t.Errorf("quote %q: scare %v, want %v", text, q.Scare, w)
		}
	}
}
