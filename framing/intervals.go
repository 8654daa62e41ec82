package framing

import (
	"fmt"
	"math"

	"github.com/slantlab/slant/stats"
)

// The profile intervals are computed here, once, so that JSON, the CLI,
// Beam and the report cannot disagree about them; renderers only format
// them.

// Interval is an estimate with its confidence bounds. Bounds are NaN when
// there are too few values for an interval (fewer than two), and every
// field is NaN when there are none.
type Interval struct {
	Estimate float64
	Low      float64
	High     float64
}

func nanInterval() Interval { return Interval{math.NaN(), math.NaN(), math.NaN()} }

// MeanCI returns the mean with its t interval at level 1−alpha:
// mean ± t(1−α/2, n−1)·s/√n from n, Σx and Σx² (stats.MeanCI). A nil or
// empty Moments gives NaN everywhere.
func (m *Moments) MeanCI(alpha float64) Interval {
	if m == nil || m.N == 0 {
		return nanInterval()
	}
	mean, lo, hi := stats.MeanCI(m.N, m.Sum, m.SumSq, alpha)
	return Interval{mean, lo, hi}
}

// ProportionCI returns, for moments of 0/1 values, the share of ones with
// its Wilson score interval (stats.WilsonInterval). A nil or empty Moments
// gives NaN everywhere.
func (m *Moments) ProportionCI(alpha float64) Interval {
	if m == nil || m.N == 0 {
		return nanInterval()
	}
	lo, hi := stats.WilsonInterval(m.Sum, m.N, alpha)
	return Interval{m.Mean(), lo, hi}
}

// clip bounds the interval to [min, max] (a t interval of a bounded mean
// can overshoot).
func (iv Interval) clip(min, max float64) Interval {
	if !math.IsNaN(iv.Low) {
		iv.Low = math.Max(min, iv.Low)
	}
	if !math.IsNaN(iv.High) {
		iv.High = math.Min(max, iv.High)
	}
	return iv
}

// MeasureCI returns the mean of an article measure over the profile's
// articles with its t interval at level 1−alpha, clipped to the range the
// measure can take (MeasureDef.Min, Max). An unknown measure is an error;
// a known one the profile never saw is NaN.
func (p *Profile) MeasureCI(measure string, alpha float64) (Interval, error) {
	d, ok := MeasureInfo(measure)
	if !ok {
		return nanInterval(), fmt.Errorf("framing: unknown measure %q", measure)
	}
	return p.Articles[measure].MeanCI(alpha).clip(d.Min, d.Max), nil
}

// ScoreCI returns the mean sentence score over the profile's sentences with
// its t interval, clipped to [0, 1]. It treats sentences as independent,
// which those of one article are not, so it is too narrow.
func (p *Profile) ScoreCI(alpha float64) Interval {
	return p.SentenceMoments[SentenceScore].MeanCI(alpha).clip(0, 1)
}

// ShareCI returns the share of the profile's sentences whose 0/1 sentence
// value is 1 ("unattributed_evaluative" or SentenceAttributed) with its
// Wilson interval. Values the profile does not keep per sentence are an
// error.
func (p *Profile) ShareCI(value string, alpha float64) (Interval, error) {
	if !keptSentenceValue(value) {
		return nanInterval(), fmt.Errorf("framing: sentence value %q is not kept in profiles", value)
	}
	return p.SentenceMoments[value].ProportionCI(alpha), nil
}

// Sentence values a profile keeps besides features.
const (
	// SentenceScore is the sentence bias score.
	SentenceScore = "score"
	// SentenceAttributed is 1 for an attributed sentence.
	SentenceAttributed = "attributed"
)

func keptSentenceValue(v string) bool {
	for _, sv := range sentenceValues {
		if sv.name == v {
			return true
		}
	}
	return false
}
