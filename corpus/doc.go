// Package corpus reads news articles from directories of text files with a
// manifest, JSON Lines, CSV and HTML, repairs what can be repaired, skips
// what cannot (counting each skip with its reason), and removes page
// furniture (share prompts, author boxes, teasers, comment prompts) from text
// copied from the web, keeping every removed region as a span with a reason.
//
// Readers stream: each returns an iter.Seq2[*Article, error] that yields one
// article at a time. An error of type *SkipError reports one document that
// was skipped; the sequence goes on after it. Any other error ends the
// sequence.
package corpus
