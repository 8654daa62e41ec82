// Package seeds embeds Slant's motivating corpus: five English articles on
// the 2025 talks on security guarantees for Ukraine, as copied from the web
// (page furniture included), with a manifest giving each file's outlet,
// headline and style. The Eastern Herald piece (000) is openly
// editorializing; the AP piece (004) is a wire-style report. See README.md
// in this directory for what is known about each.
package seeds

import (
	"context"
	"embed"
	"iter"

	"github.com/slantlab/slant/corpus"
)

//go:embed *.txt manifest.json
var files embed.FS

// FS returns the embedded seed files and their manifest.json.
func FS() embed.FS { return files }

// Corpus returns the seed articles in file order, with outlets and titles
// from the manifest. It reads the embedded copy: no path is needed.
func Corpus(ctx context.Context) iter.Seq2[*corpus.Article, error] {
	return corpus.Dir(ctx, files, corpus.DirOptions{Name: "seeds"})
}

// Names of the two outlets the project's motivating comparison sets side by
// side.
const (
	EasternHerald = "The Eastern Herald"
	AP            = "AP"
)
