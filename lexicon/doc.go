// Package lexicon loads Slant's lexicons (human-edited YAML with provenance,
// see FORMAT.md), imports lexicons users already own (LIWC .dic,
// quanteda-style YAML dictionaries, plain word lists, VADER), and matches
// them against tokenized text.
//
// A Set is a group of lexicons with unique category IDs and a fingerprint of
// their normalised content. Compile turns a Set into a Matcher once; the
// Matcher is read-only afterwards and safe for concurrent use. Matching
// works on text.Document tokens with case folding, stems, globs and
// phrases; within one construct the longest match wins and no token is
// counted twice.
package lexicon
