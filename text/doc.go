// Package text turns an article's body into tokens and sentences that keep
// half-open byte offsets into the original text, so that every later
// measurement can point back at the exact characters that produced it.
//
// The pipeline is: blocks (paragraphs and headings chosen by the corpus
// cleaner) → tokens (Tokenize) → sentences (segmented inside each block) →
// optional part-of-speech tags (a Tagger; by default text/tagger, which runs
// prose's averaged-perceptron weights with its own inference) → stems (a cached
// Snowball stemmer). A Pipeline is built once and is safe for concurrent use.
package text
