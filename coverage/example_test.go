package coverage_test

import (
	"fmt"
	"strings"

	"github.com/slantlab/slant/coverage"
	"github.com/slantlab/slant/framing"
)

// Three outlets report one decision; the third leaves out the figure the
// other two give and quotes nobody.
func ExampleAnalyze() {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		panic(err)
	}
	texts := map[string]string{
		"Wire":    `The central bank raised interest rates by 0.5 percent on Wednesday. "Inflation is too high," said Governor Ana Ruiz.`,
		"Daily":   `On Wednesday the central bank lifted interest rates by 0.5 percent. Governor Ana Ruiz said inflation was too high.`,
		"Opinion": `The bank's reckless decision will crush families already struggling to pay their bills.`,
	}
	var docs []coverage.Doc
	for _, outlet := range []string{"Wire", "Daily", "Opinion"} {
		r, err := an.AnalyzeText(texts[outlet])
		if err != nil {
			panic(err)
		}
		r.ID, r.Outlet = strings.ToLower(outlet), outlet
		docs = append(docs, coverage.Doc{Result: r, Event: "rates"})
	}
	rep, err := coverage.Analyze(docs, coverage.Options{})
	if err != nil {
		panic(err)
	}
	ev := rep.Events[0]
	for _, u := range ev.Units {
		if u.Kind == coverage.Number {
			fmt.Printf("%s %q: %s\n", u.Kind, u.Text, strings.Join(u.Outlets, ", "))
		}
	}
	for _, o := range ev.Outlets {
		var voices []string
		for _, v := range o.Voices {
			voices = append(voices, v.Name)
		}
		fmt.Printf("%s: %d units, %d unique, %d omitted, voices %v\n", o.Outlet, o.Included, o.Unique, len(o.Omitted), voices)
	}
	op, _ := ev.Outlet("Opinion")
	for _, om := range op.Omitted {
		if om.Kind == coverage.Number {
			fmt.Printf("Opinion omits %q, carried by %s: %q\n", om.Text, strings.Join(om.Outlets, " and "), om.Carried)
		}
	}
	// Output:
	// number "0.5 percent": Wire, Daily
	// Wire: 6 units, 1 unique, 0 omitted, voices [Governor Ana Ruiz]
	// Daily: 5 units, 0 unique, 0 omitted, voices [Governor Ana Ruiz]
	// Opinion: 1 units, 1 unique, 5 omitted, voices []
	// Opinion omits "0.5 percent", carried by Wire and Daily: "The central bank raised interest rates by 0.5 percent on Wednesday."
}
