package tagger

// Shared with the external tests of package tagger_test.
var (
	AllSidesTexts = allSidesTexts
	RaceEnabled   = raceEnabled
)

// TiedBefore reports, for each word, whether prose's algorithm met an exact
// tie for the best tag at that word or earlier in the sentence (where
// prose's answer depends on map order and so may differ from ours). The
// words must be non-empty.
func TiedBefore(words []string) []bool {
	r, err := loadRef()
	if err != nil {
		panic(err)
	}
	out := make([]bool, len(words))
	tied := false
	for i, tk := range r.tag(sanitize(words)) {
		tied = tied || tk.tie != nil
		out[i] = tied
	}
	return out
}
