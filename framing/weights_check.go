package framing

import (
	"fmt"
	"math"

	"go.yaml.in/yaml/v3"
)

// MaxWeightMagnitude bounds every number of a weights file (bias and feature
// weights). A logistic weight of 1,000 already saturates the score for any
// feature value of 0.01 or more, so a larger value is a broken file, not a
// model.
const MaxWeightMagnitude = 1000

// checkWeightNumbers rejects NaN, infinite and out-of-range numbers in a
// weights file, naming the file, line and column of the first bad value, so
// a bad file fails at load time and not half-way through JSON output.
func checkWeightNumbers(path string, data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 {
		return nil // the typed decode reports syntax errors
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil
	}
	check := func(name string, v *yaml.Node) error {
		var x float64
		if v.Kind != yaml.ScalarNode || v.Decode(&x) != nil {
			return fmt.Errorf("framing: %s:%d:%d: %s must be a number, got %q", path, v.Line, v.Column, name, v.Value)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > MaxWeightMagnitude {
			return fmt.Errorf("framing: %s:%d:%d: %s is %s: want a finite number within ±%d", path, v.Line, v.Column, name, v.Value, MaxWeightMagnitude)
		}
		return nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "bias":
			if err := check("bias", v); err != nil {
				return err
			}
		case "threshold":
			var x float64
			if v.Decode(&x) == nil && !(x >= 0 && x <= 1) {
				return fmt.Errorf("framing: %s:%d:%d: threshold is %s: want a number in [0, 1]", path, v.Line, v.Column, v.Value)
			}
		case "features":
			if v.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if err := check("feature "+v.Content[j].Value, v.Content[j+1]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
