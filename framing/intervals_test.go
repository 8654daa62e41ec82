package framing

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 5e-6 }

// TestIntervals checks the profile intervals against values computed
// independently: R's t.test(1:5)$conf.int is [1.036757, 4.963243]; the
// Wilson score interval of 3 successes in 10 (Wilson 1927; R's
// prop.test(3, 10, correct = FALSE)$conf.int) is [0.1077913, 0.6032219].
func TestIntervals(t *testing.T) {
	var m Moments
	for _, x := range []float64{1, 2, 3, 4, 5} {
		m.Add(x)
	}
	iv := m.MeanCI(0.05)
	if !near(iv.Estimate, 3) || !near(iv.Low, 1.036757) || !near(iv.High, 4.963243) {
		t.Errorf("MeanCI = %+v", iv)
	}
	var p Moments
	for i := range 10 {
		p.Add(float64(boolInt(i < 3)))
	}
	iv = p.ProportionCI(0.05)
	if !near(iv.Estimate, 0.3) || !near(iv.Low, 0.1077913) || !near(iv.High, 0.6032219) {
		t.Errorf("ProportionCI = %+v", iv)
	}
	var nilM *Moments
	if iv := nilM.MeanCI(0.05); !math.IsNaN(iv.Estimate) || !math.IsNaN(iv.Low) {
		t.Errorf("nil moments: %+v", iv)
	}
	one := Moments{}
	one.Add(2)
	if iv := one.MeanCI(0.05); iv.Estimate != 2 || !math.IsNaN(iv.Low) || !math.IsNaN(iv.High) {
		t.Errorf("one value: %+v", iv)
	}

	// Profile intervals are clipped to the measure's range: a share of
	// {0, 0, 1} has a t interval reaching below 0.
	pr := NewProfile("outlet", "x", "fp")
	for _, x := range []float64{0, 0, 1} {
		moment(pr.Articles, MeasureQuoteShare).Add(x)
		moment(pr.Articles, MeasureHedgeBoosterBalance).Add(2*x - 1)
	}
	raw := pr.Articles[MeasureQuoteShare].MeanCI(0.05)
	got, err := pr.MeasureCI(MeasureQuoteShare, 0.05)
	if err != nil || raw.Low >= 0 || raw.High <= 1 || got.Low != 0 || got.High != 1 || got.Estimate != raw.Estimate {
		t.Errorf("clip: raw %+v, got %+v, %v", raw, got, err)
	}
	if got, _ := pr.MeasureCI(MeasureHedgeBoosterBalance, 0.05); got.Low != -1 || got.High != 1 || pr.Articles[MeasureHedgeBoosterBalance].MeanCI(0.05).Low >= -1 {
		t.Errorf("balance clipped to [-1, 1]: %+v", got)
	}
	if _, err := pr.MeasureCI("quote_shares", 0.05); err == nil {
		t.Error("a misspelt measure must be an error")
	}
	if iv, err := pr.MeasureCI(MeasureLoadedRate, 0.05); err != nil || !math.IsNaN(iv.Estimate) {
		t.Errorf("a measure the profile never saw: %+v %v", iv, err)
	}
	if _, err := pr.ShareCI("exclamation", 0.05); err == nil {
		t.Error("a sentence value profiles do not keep must be an error")
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
