// Quickstart is the smallest use of the Slant library: build an analyzer
// with zero configuration (embedded lexicons, part-of-speech tagging on),
// analyse one string, and print every evidence span — its lexicon category,
// whose voice it is in, the matched text and its byte offsets — followed by
// each sentence's bias score.
//
//	go run ./examples/quickstart                     # the built-in sample text
//	go run ./examples/quickstart "Your text here."   # or your own
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/slantlab/slant/framing"
)

const sample = `The regime's so-called reforms are a shameless power grab, and once again the council rubber-stamped them.
"This is not a sham," the mayor told reporters on Monday.
Critics say the plan will devastate small businesses.`

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, args []string) error {
	text := sample
	if len(args) > 0 {
		text = strings.Join(args, " ")
	}
	an, err := framing.NewAnalyzer() // build once; safe for concurrent use
	if err != nil {
		return err
	}
	r, err := an.AnalyzeText(text) // one paragraph per line, no furniture cleaning
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "%d words, %d sentences, %d evidence spans\n\n", r.Words, len(r.Sentences), len(r.Evidence))
	fmt.Fprintln(w, "evidence (category, voice, text, byte offsets):")
	for _, e := range r.Evidence {
		note := ""
		if e.Negated {
			note = " (negated)"
		}
		if e.Speaker != "" {
			note += " speaker: " + e.Speaker
		}
		fmt.Fprintf(w, "  %-34s %-8s %-22q [%d:%d]%s\n", e.Category, e.Voice, e.Text, e.Start, e.End, note)
	}

	fmt.Fprintln(w, "\nsentences (bias score 0–1, byte offsets, text):")
	for _, s := range r.Sentences {
		fmt.Fprintf(w, "  %.3f [%d:%d] %s\n", s.Score, s.Start, s.End, r.Text[s.Start:s.End])
	}
	fmt.Fprintf(w, "\nloaded_rate %.2f per 1,000 words, editorializing_index %.3f\n",
		r.Measures["loaded_rate"], r.Measures["editorializing_index"])
	return nil
}
