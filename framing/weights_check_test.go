package framing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadWeightsRejectsBadNumbers: a NaN, infinite or absurd weight fails
// at load time with file:line:col (issue 17 item 5), instead of breaking
// JSON output half-way.
func TestLoadWeightsRejectsBadNumbers(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ yaml, want string }{
		{"bias: -2\nfeatures:\n  hedge: .nan\n", "w.yaml:3:10: feature hedge is .nan: want a finite number"},
		{"bias: .inf\n", "w.yaml:1:7: bias is .inf"},
		{"bias: -2\nfeatures:\n  intensifier: 1e9\n", "w.yaml:3:16: feature intensifier is 1e9"},
		{"bias: -2\nfeatures:\n  hedge: lots\n", "w.yaml:3:10: feature hedge must be a number"},
		{"bias: -2\nthreshold: 1.5\n", "w.yaml:2:12: threshold is 1.5"},
	}
	for _, tc := range tests {
		p := filepath.Join(dir, "w.yaml")
		if err := os.WriteFile(p, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadWeights(p)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v\nwant it to contain %q", tc.yaml, err, tc.want)
		}
	}
	p := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(p, []byte("bias: -2.5\nfeatures:\n  hedge: -0.3\n  intensifier: 12\nthreshold: 0.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := LoadWeights(p)
	if err != nil || w.Bias != -2.5 || w.Features["intensifier"] != 12 {
		t.Fatalf("valid weights: %+v, %v", w, err)
	}
}
