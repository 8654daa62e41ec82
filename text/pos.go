package text

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// Tagger assigns Penn Treebank part-of-speech tags to the words of one
// sentence. words are the tokens as written; the result has one tag per word.
// Implementations must be safe for concurrent use.
type Tagger interface {
	Tag(words []string) ([]string, error)
}

// ProseTagger tags with prose's averaged perceptron, through prose itself.
// It is kept as the reference for text/tagger: prose breaks exact score ties
// by map order, and its tokenizer shares one token object between repeated
// spans of a sentence, so a repeated word gets the tag of its last
// occurrence (about 1% of tokens on news text). The model is built once
// (prose.NewDocument rebuilds it on every call otherwise) and only read
// afterwards, so one ProseTagger is safe for concurrent use.
type ProseTagger struct {
	model *prose.Model
}

var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("slant") })

// quoteReplacer straightens quotes as prose's own tokenizer does, so that
// prose's tokens can be found again in the joined sentence.
var quoteReplacer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'")

// NewProseTagger returns the shared prose tagger; the model is loaded on the
// first call.
func NewProseTagger() *ProseTagger { return &ProseTagger{model: proseModel()} }

// Tag tags one sentence. prose tokenizes its input again and has no offsets,
// so the words are joined with spaces (prose splits less than we do, never
// more, apart from rare prefixes such as "$") and prose's tokens are aligned
// back to ours by position in that joined string. A word prose splits gets
// the tag of its first part.
func (t *ProseTagger) Tag(words []string) (tags []string, err error) {
	defer func() {
		// prose panics on some inputs; keep that behind this interface.
		if r := recover(); r != nil {
			err = fmt.Errorf("text: prose tagger: %v", r)
		}
	}()
	tags = make([]string, len(words))
	if len(words) == 0 {
		return tags, nil
	}
	var b strings.Builder
	starts := make([]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(quoteReplacer.Replace(w))
	}
	joined := b.String()
	doc, err := prose.NewDocument(joined, prose.UsingModel(t.model),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, fmt.Errorf("text: prose tagger: %w", err)
	}
	pos, wi := 0, 0
	for _, pt := range doc.Tokens() {
		at := strings.Index(joined[pos:], pt.Text)
		if at < 0 {
			continue // prose rewrote the token; leave the word untagged by it
		}
		at += pos
		pos = at + len(pt.Text)
		for wi+1 < len(words) && starts[wi+1] <= at {
			wi++
		}
		if tags[wi] == "" {
			tags[wi] = pt.Tag
		}
	}
	return tags, nil
}
