package evaluate_test

import (
	"fmt"

	"github.com/slantlab/slant/evaluate"
	"github.com/slantlab/slant/framing"
)

// ExampleTrain fits named weights on labelled sentences where one invented
// word decides the label: the model keeps a weight on it, with perfect
// cross-validated AUC.
func ExampleTrain() {
	var items []evaluate.Item
	for i := 0; i < 40; i++ {
		s := []string{"The council", "The mayor", "The agency", "Officials"}[i%4]
		items = append(items,
			evaluate.Item{ID: fmt.Sprint("p", i), Text: fmt.Sprintf("%s approved the zorblat plan on day %d.", s, i), Label: 1},
			evaluate.Item{ID: fmt.Sprint("n", i), Text: fmt.Sprintf("%s approved the %s plan on day %d.", s, []string{"road", "water", "school"}[i%3], i), Label: 0})
	}
	an, err := framing.NewAnalyzer(framing.WithoutPOS(), framing.WithTerms())
	if err != nil {
		panic(err)
	}
	rep, err := evaluate.Train(an, items, evaluate.TrainOptions{Features: []string{evaluate.FeaturesWords}, MaxWeights: 5})
	if err != nil {
		panic(err)
	}
	top := rep.Weights.Words[0]
	fmt.Printf("CV AUC %.2f; top word %q positive: %v\n", rep.CVAUC, top.Example, top.Weight > 0)
	// Output: CV AUC 1.00; top word "zorblat" positive: true
}
