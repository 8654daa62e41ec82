package slantbeam_test

import (
	"context"
	"log"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/slantlab/slant/beam/slantbeam"
	"github.com/slantlab/slant/framing"
)

// Build the whole pipeline (read JSON Lines, analyse, merge per outlet,
// write profiles and a comparison) and run it on the runner named by
// --runner (prism by default). beam.Init must have been called after flag
// parsing, as in cmd/slant-beam.
func ExampleBuild() {
	p, s := beam.NewPipelineWithRoot()
	job := slantbeam.Job{
		Input:      "corpus/*.jsonl",
		Profiles:   "out/profiles.json",
		Comparison: "out/comparison.json",
		Target:     "The Eastern Herald",
		Reference:  "AP",
		Compare:    framing.CompareOptions{Bootstrap: 2000, Seed: 1},
	}
	if err := slantbeam.Build(s, job, slantbeam.GroupBy("outlet"), slantbeam.WithoutPOS()); err != nil {
		log.Fatal(err)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatal(err)
	}
}

// The steps can be used one by one: Profiles returns
// PCollection<KV<string, *framing.Profile>>, one merged profile per group.
func ExampleProfiles() {
	p, s := beam.NewPipelineWithRoot()
	lines := beam.Create(s, `{"id":"a1","outlet":"Gazette","text":"Officials met on Tuesday."}`)
	profiles, err := slantbeam.Profiles(s, lines, slantbeam.GroupBy("outlet"), slantbeam.WithoutPOS())
	if err != nil {
		log.Fatal(err)
	}
	_ = slantbeam.ProfilesJSON(s, profiles) // PCollection<string>: one JSON document
	_ = p
}
