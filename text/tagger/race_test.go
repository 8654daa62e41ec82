//go:build race

package tagger

// raceEnabled shrinks the slowest checks under the race detector.
const raceEnabled = true
