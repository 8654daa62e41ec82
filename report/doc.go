// Package report renders a research report of a Slant analysis: one
// self-contained HTML file (inline CSS and inline SVG charts drawn with
// gonum.org/v1/plot, nothing fetched), the same content as Markdown, and CSV
// exports of articles, sentences, evidence, comparisons and distinctive
// terms.
//
// The report holds the corpus summary (documents read, analysed and skipped
// with reasons, page furniture removed), a profile per source with 95%
// confidence intervals, every comparison of a source with the reference
// (effect sizes, bootstrap intervals, tests and Benjamini–Hochberg
// q-values, with the sample's warnings), five charts, each article with its
// sentences scored and its evidence highlighted by construct and voice, a
// concordance of the most frequent loaded terms, and a methods section with
// every measure's formula, the lexicons (versions, licences, references and
// fingerprint), the sentence-score weights, the tests, the seeds and the
// Slant version: enough to reproduce every number.
//
// Output is deterministic: the same Data renders to the same bytes (no
// timestamp unless Data.Generated is set). Article text never reaches the
// HTML unescaped: the page is built with html/template, and each chart's SVG
// is parsed and re-emitted through an allowlist (elements svg, g, path and
// text; no event handlers, links or images), with every text node escaped,
// before it is inserted.
package report
