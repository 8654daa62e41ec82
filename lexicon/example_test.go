package lexicon_test

import (
	"fmt"
	"log"
	"os"

	"github.com/slantlab/slant/lexicon"
	"github.com/slantlab/slant/text"
)

// Load the embedded default lexicons, compile them once, and match a
// sentence. Hits of different constructs see the text independently; within
// one construct the longest match wins ("sources familiar with the matter",
// not "sources"). Only four constructs are printed here.
func Example() {
	set, err := lexicon.Default()
	if err != nil {
		log.Fatal(err)
	}
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		log.Fatal(err)
	}
	m, err := lexicon.Compile(set, p.Stemmer()) // once; share it
	if err != nil {
		log.Fatal(err)
	}
	src := "The regime's puppet officials slammed the deeply flawed plan, sources familiar with the matter said."
	doc, err := p.Process(src, nil)
	if err != nil {
		log.Fatal(err)
	}
	show := map[string]bool{"loaded_language": true, "intensifier": true, "anonymous_source": true, "doubt_marker": true}
	for _, h := range m.Match(doc) {
		if show[h.Construct()] {
			fmt.Printf("%-16s %-28s %q\n", h.Construct(), h.Category.ID, src[h.Start:h.End])
		}
	}
	// Output:
	// loaded_language  loaded.pejorative            "regime"
	// loaded_language  loaded.pejorative            "puppet"
	// loaded_language  loaded.loaded_verbs          "slammed"
	// intensifier      intensifier.degree_adverb    "deeply"
	// anonymous_source attribution.anonymous_source "sources familiar with the matter"
}

// Parse a small lexicon written inline and match it. Entries inherit the
// category's weight and match type unless they set their own; stem entries
// match every form with the same Snowball stem.
func ExampleParse() {
	const src = `
name: my-terms
version: 0.1.0
description: Terms our desk flags for review.
licence: CC0-1.0
curator: Example desk
references:
  - {id: guide, citation: "Example desk style guide (2026)."}
categories:
  - id: my.dismissive
    label: Dismissive terms
    description: Words that dismiss a claim or plan before it is described.
    construct: loaded_language
    weight: 0.6
    references: [guide]
    entries:
      - sham
      - {term: ploy, match: stem, weight: 0.8}
      - {term: witch hunt, weight: 1.0, note: a phrase is matched token by token}
`
	l, err := lexicon.Parse("my-terms.yaml", []byte(src))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range l.Categories {
		fmt.Println(c.ID, c.Construct)
		for _, e := range c.Entries {
			fmt.Printf("  %-10s %-5s %.1f\n", e.Term, c.EffectiveMatch(e), c.EffectiveWeight(e))
		}
	}

	set, err := lexicon.NewSet(l)
	if err != nil {
		log.Fatal(err)
	}
	m, err := lexicon.Compile(set, nil)
	if err != nil {
		log.Fatal(err)
	}
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		log.Fatal(err)
	}
	doc, err := p.Process("Critics called the inquiry a Witch Hunt and the offer a sham, one of several ploys.", nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range m.Match(doc) {
		fmt.Printf("%q weight %.1f\n", doc.Text[h.Start:h.End], h.Weight)
	}
	// Output:
	// my.dismissive loaded_language
	//   sham       exact 0.6
	//   ploy       stem  0.8
	//   witch hunt exact 1.0
	// "Witch Hunt" weight 1.0
	// "sham" weight 0.6
	// "ploys" weight 0.8
}

// Errors name the file, line and column; unknown fields are rejected.
func ExampleParse_error() {
	const src = `name: my-terms
version: 0.1.0
description: A typo in a field name.
licence: CC0-1.0
curator: Example desk
references:
  - {id: guide, citation: "Example desk style guide (2026)."}
categories:
  - id: my.dismissive
    label: Dismissive terms
    description: Words that dismiss a claim.
    construct: loaded_language
    wieght: 0.6
    references: [guide]
    entries: [sham]
`
	_, err := lexicon.Parse("my-terms.yaml", []byte(src))
	fmt.Println(err)
	// Output:
	// my-terms.yaml:13:5: category: unknown field "wieght"
}

// Import a plain word list (one term per line, # for comments, * for a
// glob) as a category of loaded language, save it as Slant YAML, and load
// and match it again.
func ExampleImportWordList() {
	const list = `# Terms from our style memo
sham
witch hunt
anti-*   # any anti- compound
`
	l, err := lexicon.ImportWordList("memo.txt", []byte(list), lexicon.ImportOptions{
		Name:      "memo",
		Construct: "loaded_language",
		Category:  "flagged",
	})
	if err != nil {
		log.Fatal(err)
	}
	y, err := lexicon.Marshal(l)
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(y)

	// The saved file loads again, and its glob matches compounds.
	saved, err := lexicon.Parse("memo.yaml", y)
	if err != nil {
		log.Fatal(err)
	}
	set, err := lexicon.NewSet(saved) // or: defaults.With(saved)
	if err != nil {
		log.Fatal(err)
	}
	m, err := lexicon.Compile(set, nil)
	if err != nil {
		log.Fatal(err)
	}
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		log.Fatal(err)
	}
	doc, err := p.Process("Anti-war marchers called the inquiry a witch hunt and a sham.", nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range m.Match(doc) {
		fmt.Printf("%s %q\n", h.Category.ID, doc.Text[h.Start:h.End])
	}
	// Output:
	// name: memo
	// version: imported
	// description: Imported from memo.txt (word list format).
	// licence: as supplied by the user (not redistributed by Slant)
	// curator: imported by the user
	// references:
	//   - id: source
	//     citation: Imported from memo.txt (word list format); see that file's own licence and citation
	// categories:
	//   - id: memo.flagged
	//     label: flagged
	//     description: Imported category flagged
	//     construct: loaded_language
	//     weight: 1
	//     references:
	//       - source
	//     entries:
	//       - term: sham
	//       - term: witch hunt
	//       - term: anti-*
	//         match: glob
	// memo.flagged "Anti-war"
	// memo.flagged "witch hunt"
	// memo.flagged "sham"
}
