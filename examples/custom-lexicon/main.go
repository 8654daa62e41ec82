// Custom-lexicon adds a newsroom's own lexicons to Slant's defaults: a YAML
// lexicon in Slant's format (my-lexicon.yaml) and a plain word list
// (my-watchlist.txt) imported into the loaded_language construct. Both are
// combined with the embedded defaults through Set.With, an analyzer is
// built WithLexicons, and a short text is scored. It prints the evidence
// from the custom categories (voice, negation, weight, byte offsets) and
// the loaded-language rate with and without them.
//
//	go run ./examples/custom-lexicon
//	go run ./examples/custom-lexicon -lexicon my.yaml -words my.txt "Text to score."
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/lexicon"
)

// The example's own files, embedded so that it runs from any directory;
// -lexicon and -words read files from disk instead.
var (
	//go:embed my-lexicon.yaml
	myLexicon []byte
	//go:embed my-watchlist.txt
	myWords []byte
)

const sample = `Councillors waved through another glass monstrosity on Tuesday, a carbuncle on the high street.
The slumlords behind it hired pen-pushers to wear down the NIMBYs who objected.
"These flats are not rabbit hutches," the developer said.
The jobsworths at the town hall, critics say, care only about fees.`

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("custom-lexicon", flag.ContinueOnError)
	lexPath := fs.String("lexicon", "", "a lexicon in Slant's YAML format (default: the embedded my-lexicon.yaml)")
	wordsPath := fs.String("words", "", "a word list, one term per line (default: the embedded my-watchlist.txt)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text := sample
	if fs.NArg() > 0 {
		text = strings.Join(fs.Args(), " ")
	}

	// The YAML lexicon: validated on loading (errors give file:line:column).
	var mine *lexicon.Lexicon
	var err error
	if *lexPath != "" {
		mine, err = lexicon.LoadFile(*lexPath)
	} else {
		mine, err = lexicon.Parse("my-lexicon.yaml", myLexicon)
	}
	if err != nil {
		return err
	}

	// The word list: every line becomes an entry of one category, scored as
	// loaded language (the default construct, "imported", is counted but
	// not scored).
	wordsName, words := "my-watchlist.txt", myWords
	if *wordsPath != "" {
		if words, err = os.ReadFile(*wordsPath); err != nil {
			return err
		}
		wordsName = *wordsPath
	}
	list, err := lexicon.ImportWordList(wordsName, words, lexicon.ImportOptions{
		Name: "desk-watchlist", Category: "bureaucracy", Construct: "loaded_language",
		Citation: "Example housing desk watch list (2026), CC0-1.0",
	})
	if err != nil {
		return err
	}
	list.Licence = "CC0-1.0" // ImportOptions has no licence field; the file's own terms apply

	defaults, err := lexicon.Default()
	if err != nil {
		return err
	}
	set, err := defaults.With(mine, list) // a lexicon with a default's name would replace it
	if err != nil {
		return err
	}
	custom := map[string]bool{}
	for _, l := range []*lexicon.Lexicon{mine, list} {
		fmt.Fprintf(w, "lexicon %s %s, licence %s:", l.Name, l.Version, l.Licence)
		for _, c := range l.Categories {
			custom[c.ID] = true
			fmt.Fprintf(w, " %s [%d entries]", c.ID, len(c.Entries))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "lexicon set: %d lexicons, fingerprint %s\n\n", len(set.Lexicons()), set.ShortFingerprint())

	an, err := framing.NewAnalyzer(framing.WithLexicons(set), framing.WithoutPOS())
	if err != nil {
		return err
	}
	r, err := an.AnalyzeText(text)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "evidence from the custom categories:")
	for _, e := range r.Evidence {
		if !custom[e.Category] {
			continue
		}
		fmt.Fprintf(w, "  %-28s %-19q %-8s weight %.2f [%d:%d]", e.Category, e.Text, e.Voice, e.Weight, e.Start, e.End)
		if e.Negated {
			fmt.Fprint(w, " negated")
		}
		if e.Speaker != "" {
			fmt.Fprint(w, " speaker: ", e.Speaker)
		}
		fmt.Fprintln(w)
	}

	// The same text with the defaults alone, to see what the custom
	// lexicons add.
	base, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		return err
	}
	rb, err := base.AnalyzeText(text)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nloaded_rate (per 1,000 words, reporter's voice): %.2f with the defaults alone, %.2f with the custom lexicons\n",
		rb.Measures["loaded_rate"], r.Measures["loaded_rate"])
	return nil
}
