// Package framing analyses news articles: for each article it finds loaded
// and editorializing language, who is speaking (the reporter, a direct quote,
// or reported speech), how claims are attributed, and which side's
// vocabulary is used, and turns them into per-sentence and per-article
// measures. Every measure can list the evidence — category, matched text,
// byte span, sentence, voice, negation, weight — that produced it.
//
// An Analyzer is built once (NewAnalyzer works with zero configuration:
// embedded lexicons, part-of-speech tagging on) and is safe for concurrent
// use.
package framing
