package framing

// Resolved returns the options with every unset field at the default
// Compare uses (2,000 bootstrap resamples, seed 1, α = 0.05, five articles
// a side, 15 terms, ...), so that a report of the settings states the ones
// that ran without restating the defaults.
func (o CompareOptions) Resolved() CompareOptions { return o.withDefaults() }
