package framing

import (
	"fmt"
	"sort"
	"strings"
)

// FrameFamily is an article's distribution over one family of frames
// (generic: Semetko & Valkenburg 2000; policy: Boydstun et al. 2014).
type FrameFamily struct {
	// Shares maps each frame (the category ID without its family prefix) to
	// its share of the family's cue weight, over all voices.
	Shares map[string]float64 `json:"shares"`
	// Reporter and Quoted are the cue weights in the reporter's voice and in
	// quotes or reported speech.
	Reporter map[string]float64 `json:"reporter"`
	Quoted   map[string]float64 `json:"quoted"`
	// Cues is the number of cue hits.
	Cues int `json:"cues"`
	// Dominant is the leading frame, or "mixed" when the evidence does not
	// single one out; Reason says why.
	Dominant string `json:"dominant"`
	Reason   string `json:"reason"`
}

// Frames holds both families.
type Frames struct {
	Generic FrameFamily `json:"generic"`
	Policy  FrameFamily `json:"policy"`
}

// Dominance rules: a frame dominates when it has at least MinFrameCues cues
// and its share leads the runner-up by at least FrameMargin.
const (
	MinFrameCues = 3
	FrameMargin  = 0.10
)

var framePrefix = map[string]string{"frame_generic": "frame.generic.", "frame_policy": "frame.policy."}

// frameName strips a frame category's family prefix.
func frameName(construct, category string) string {
	return strings.TrimPrefix(category, framePrefix[construct])
}

func computeFrames(r *Result) Frames {
	fam := map[string]*FrameFamily{}
	counts := map[string]map[string]int{}
	for _, c := range []string{"frame_generic", "frame_policy"} {
		fam[c] = &FrameFamily{Shares: map[string]float64{}, Reporter: map[string]float64{}, Quoted: map[string]float64{}}
		counts[c] = map[string]int{}
	}
	for si := range r.Sentences {
		r.Sentences[si].Frames = map[string]float64{}
	}
	for _, e := range r.Evidence {
		f, ok := fam[e.Construct]
		if !ok {
			continue
		}
		name := frameName(e.Construct, e.Category)
		f.Cues++
		counts[e.Construct][name]++
		if e.Voice == Reporter {
			f.Reporter[name] += e.Weight
		} else {
			f.Quoted[name] += e.Weight
		}
		f.Shares[name] += e.Weight
		r.Sentences[e.Sentence].Frames[e.Category] = round6(r.Sentences[e.Sentence].Frames[e.Category] + e.Weight)
	}
	for c, f := range fam {
		// Sum in a fixed (sorted) order: a sum over the map's random order
		// differs in the last bit from run to run, and a share such as
		// 0.0390625 then rounds to 0.039062 or 0.039063.
		names := make([]string, 0, len(f.Shares))
		for k := range f.Shares {
			names = append(names, k)
		}
		sort.Strings(names)
		total := 0.0
		for _, k := range names {
			total += f.Shares[k]
		}
		type kv struct {
			k string
			v float64
		}
		var ranked []kv
		for _, k := range names {
			f.Shares[k] = round6(f.Shares[k] / total)
			ranked = append(ranked, kv{k, f.Shares[k]})
		}
		for k, w := range f.Reporter {
			f.Reporter[k] = round6(w)
		}
		for k, w := range f.Quoted {
			f.Quoted[k] = round6(w)
		}
		sort.Slice(ranked, func(i, j int) bool {
			if ranked[i].v != ranked[j].v {
				return ranked[i].v > ranked[j].v
			}
			return ranked[i].k < ranked[j].k
		})
		switch {
		case len(ranked) == 0:
			f.Dominant, f.Reason = "mixed", "no frame cues"
		case counts[c][ranked[0].k] < MinFrameCues:
			f.Dominant, f.Reason = "mixed", fmt.Sprintf("%s leads with %d cues, fewer than the %d required", ranked[0].k, counts[c][ranked[0].k], MinFrameCues)
		case len(ranked) > 1 && ranked[0].v-ranked[1].v < FrameMargin:
			f.Dominant, f.Reason = "mixed", fmt.Sprintf("%s (%.2f) and %s (%.2f) are within the %.2f margin", ranked[0].k, ranked[0].v, ranked[1].k, ranked[1].v, FrameMargin)
		default:
			second := 0.0
			if len(ranked) > 1 {
				second = ranked[1].v
			}
			f.Dominant, f.Reason = ranked[0].k, fmt.Sprintf("share %.2f from %d cues, %.2f ahead of the next frame", ranked[0].v, counts[c][ranked[0].k], ranked[0].v-second)
		}
	}
	return Frames{Generic: *fam["frame_generic"], Policy: *fam["frame_policy"]}
}
