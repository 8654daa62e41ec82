package text_test

import (
	"fmt"

	"github.com/slantlab/slant/text"
)

func ExamplePipeline_Process() {
	p, err := text.NewPipeline(text.WithoutTagging())
	if err != nil {
		panic(err)
	}
	src := "Mr. Smith met U.S. officials. The Kremlin’s “plan”—again—failed."
	doc, err := p.Process(src, nil)
	if err != nil {
		panic(err)
	}
	for i, s := range doc.Sentences {
		fmt.Printf("sentence %d [%d,%d): %s\n", i, s.Start, s.End, doc.SentenceText(i))
	}
	for i, t := range doc.Tokens[6:10] {
		fmt.Printf("%q→%q ", doc.TokenText(6+i), t.Norm)
	}
	fmt.Println()
	// Output:
	// sentence 0 [0,29): Mr. Smith met U.S. officials.
	// sentence 1 [30,74): The Kremlin’s “plan”—again—failed.
	// "The"→"the" "Kremlin"→"kremlin" "’s"→"'s" "“"→"\""
}
