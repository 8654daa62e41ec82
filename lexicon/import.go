package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ImportOptions describe how an imported lexicon is labelled. Imported
// lexicons stay on the user's machine: Slant does not ship them, because
// many (LIWC, NRC, MPQA) forbid redistribution.
type ImportOptions struct {
	// Name of the resulting lexicon; default: the file's base name.
	Name string
	// Construct the categories feed (default "imported", which the analyzer
	// counts but does not score). Set e.g. "loaded_language" to score them.
	Construct string
	// Category names the single category of a word list; default: Name.
	Category string
	// Citation says where the lexicon comes from; default names the file.
	Citation string
}

func (o ImportOptions) lexicon(file, format string) *Lexicon {
	name := o.Name
	if name == "" {
		name = strings.TrimSuffix(path.Base(file), path.Ext(file))
	}
	cit := o.Citation
	if cit == "" {
		cit = fmt.Sprintf("Imported from %s (%s format); see that file's own licence and citation", path.Base(file), format)
	}
	return &Lexicon{
		Name: name, Version: "imported", Source: file,
		Description: fmt.Sprintf("Imported from %s (%s format).", path.Base(file), format),
		Licence:     "as supplied by the user (not redistributed by Slant)",
		Curator:     "imported by the user",
		References:  []Reference{{ID: "source", Citation: cit}},
	}
}

func (o ImportOptions) construct() string {
	if o.Construct == "" {
		return "imported"
	}
	return o.Construct
}

func (o ImportOptions) newCategory(l *Lexicon, id, label string) *Category {
	return &Category{ID: l.Name + "." + id, Label: label, Description: "Imported category " + label,
		Construct: o.construct(), Weight: 1, References: []string{"source"}, Lexicon: l.Name}
}

// termEntry makes an entry from an imported pattern: * anywhere at a word's
// edge makes a glob, several words a phrase.
func termEntry(term string, line int) *Entry {
	e := &Entry{Term: term, Line: line, Column: 1}
	if strings.Contains(term, "*") {
		e.Match = Glob
	}
	return e
}

// finish validates and deduplicates an imported lexicon.
func finish(l *Lexicon, file string) (*Lexicon, error) {
	var errs []error
	for _, c := range l.Categories {
		seen := map[string]bool{}
		kept := c.Entries[:0]
		for _, e := range c.Entries {
			if err := checkEntry(c, e); err != nil {
				errs = append(errs, &PosError{File: file, Line: e.Line, Column: e.Column, Msg: err.Error()})
				continue
			}
			k := foldTerm(e.Term) + "\x00" + string(c.EffectiveMatch(e))
			if !seen[k] {
				seen[k] = true
				kept = append(kept, e)
			}
		}
		c.Entries = kept
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var cats []*Category
	for _, c := range l.Categories {
		if len(c.Entries) > 0 {
			cats = append(cats, c)
		}
	}
	if len(cats) == 0 {
		return nil, &PosError{File: file, Msg: "no entries found"}
	}
	l.Categories = cats
	return l, nil
}

// ImportLIWC reads a LIWC-style .dic file (2007/2015): a header between two
// lines of "%" mapping category numbers to names, then one word per line
// followed by its category numbers. Words may end in * (a prefix glob).
// LIWC 2007's conditional entries ("like 02 134(02 134)126/125") keep their
// plain category numbers; the conditions are ignored.
func ImportLIWC(file string, data []byte, o ImportOptions) (*Lexicon, error) {
	l := o.lexicon(file, "LIWC .dic")
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	cats := map[string]*Category{}
	var order []string
	state := 0 // 0 before header, 1 in header, 2 in words
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" {
			continue
		}
		if line == "%" {
			if state == 2 {
				return nil, &PosError{File: file, Line: n, Column: 1, Msg: "a third % line"}
			}
			state++
			continue
		}
		fields := strings.Fields(line)
		switch state {
		case 0:
			return nil, &PosError{File: file, Line: n, Column: 1, Msg: "a LIWC dictionary starts with a line holding %"}
		case 1:
			if len(fields) < 2 {
				return nil, &PosError{File: file, Line: n, Column: 1, Msg: fmt.Sprintf("category line %q needs a number and a name", line)}
			}
			num, ok := liwcNumber(fields[0])
			if !ok {
				return nil, &PosError{File: file, Line: n, Column: 1, Msg: fmt.Sprintf("category number %q is not a number", fields[0])}
			}
			if _, dup := cats[num]; dup {
				return nil, &PosError{File: file, Line: n, Column: 1, Msg: fmt.Sprintf("category %s defined twice (%q and %s are the same number)", fields[0], fields[0], num)}
			}
			label := strings.Join(fields[1:], " ")
			cats[num] = o.newCategory(l, slug(label), label)
			order = append(order, num)
		case 2:
			// The term is every field before the first category number, so
			// LIWC 2015 phrases ("kind of  12") survive.
			i := 0
			for i < len(fields) && !startsWithDigit(fields[i]) {
				i++
			}
			if i == 0 || i == len(fields) {
				return nil, &PosError{File: file, Line: n, Column: 1, Msg: fmt.Sprintf("entry %q needs a word and at least one category number", line)}
			}
			term := strings.Join(fields[:i], " ")
			for _, f := range fields[i:] {
				num, _ := liwcNumber(leadingDigits(f))
				c, ok := cats[num]
				if !ok {
					return nil, &PosError{File: file, Line: n, Column: strings.Index(sc.Text(), f) + 1, Msg: fmt.Sprintf("category %q is not in the header", leadingDigits(f))}
				}
				c.Entries = append(c.Entries, termEntry(term, n))
				if strings.ContainsAny(f, "()/") {
					break // the rest of a conditional entry is not supported
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, n+1, err)
	}
	if state != 2 {
		return nil, &PosError{File: file, Line: n, Msg: "the header is not closed by a second %"}
	}
	for _, k := range order {
		l.Categories = append(l.Categories, cats[k])
	}
	if len(l.Categories) == 0 {
		return nil, &PosError{File: file, Msg: "no categories"}
	}
	return finish(l, file)
}

// liwcNumber returns a LIWC category number in canonical form, so that
// "02" in a word line names the category "2" of the header (LIWC files mix
// both spellings).
func liwcNumber(s string) (string, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return "", false
	}
	return strconv.Itoa(n), true
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// slug makes a category id part from a label.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), "_")
	if out == "" {
		out = "category"
	}
	return out
}

// ImportQuanteda reads a quanteda-style YAML dictionary: keys are categories
// (nested keys become dotted sub-categories), values are lists of patterns;
// * in a pattern makes it a glob.
func ImportQuanteda(file string, data []byte, o ImportOptions) (*Lexicon, error) {
	l := o.lexicon(file, "quanteda YAML")
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, syntaxError(file, data, err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, &PosError{File: file, Line: 1, Column: 1, Msg: "a dictionary is a mapping of keys to lists of patterns"}
	}
	// Keys that give the same category id, checked here so the error names
	// the input's lines, not those of the converted lexicon.
	ids := map[string]*yaml.Node{}
	var walk func(n *yaml.Node, prefix string) error
	walk = func(n *yaml.Node, prefix string) error {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Value == "" {
				return &PosError{File: file, Line: k.Line, Column: k.Column, Msg: "a key must be a non-empty string"}
			}
			id := slug(k.Value)
			label := k.Value
			if prefix != "" {
				id = prefix + "." + id
				label = strings.ReplaceAll(prefix, ".", "/") + "/" + k.Value
			}
			if first, dup := ids[id]; dup {
				msg := fmt.Sprintf("key %q given twice (first at line %d)", k.Value, first.Line)
				if first.Value != k.Value {
					msg = fmt.Sprintf("key %q gives the same category id %q as %q at line %d", k.Value, id, first.Value, first.Line)
				}
				return &PosError{File: file, Line: k.Line, Column: k.Column, Msg: msg}
			}
			ids[id] = k
			switch v.Kind {
			case yaml.MappingNode:
				if err := walk(v, id); err != nil {
					return err
				}
			case yaml.SequenceNode:
				c := o.newCategory(l, id, label)
				for _, it := range v.Content {
					if it.Kind != yaml.ScalarNode {
						return &PosError{File: file, Line: it.Line, Column: it.Column, Msg: "a pattern must be a string"}
					}
					c.Entries = append(c.Entries, termEntry(it.Value, it.Line))
					c.Entries[len(c.Entries)-1].Column = it.Column
				}
				if len(c.Entries) > 0 {
					l.Categories = append(l.Categories, c)
				}
			case yaml.ScalarNode:
				c := o.newCategory(l, id, label)
				c.Entries = append(c.Entries, termEntry(v.Value, v.Line))
				l.Categories = append(l.Categories, c)
			default:
				return &PosError{File: file, Line: v.Line, Column: v.Column, Msg: "a value must be a list of patterns or a nested mapping"}
			}
		}
		return nil
	}
	if err := walk(root.Content[0], ""); err != nil {
		return nil, err
	}
	if len(l.Categories) == 0 {
		return nil, &PosError{File: file, Msg: "no categories with patterns"}
	}
	return finish(l, file)
}

// ImportWordList reads a plain word list: one word or phrase per line, blank
// lines and lines starting with # ignored, * for globs. Every entry goes to
// one category.
func ImportWordList(file string, data []byte, o ImportOptions) (*Lexicon, error) {
	l := o.lexicon(file, "word list")
	cat := o.Category
	if cat == "" {
		cat = l.Name
	}
	c := o.newCategory(l, slug(cat), cat)
	for n, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if i := strings.Index(t, " #"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		c.Entries = append(c.Entries, termEntry(t, n+1))
	}
	l.Categories = []*Category{c}
	if len(c.Entries) == 0 {
		return nil, &PosError{File: file, Msg: "no entries found"}
	}
	return finish(l, file)
}

// ImportVADER reads the VADER lexicon format: token, mean valence (-4 to
// +4), standard deviation and the raters' scores, tab-separated. Tokens with
// a negative mean go to a "negative" category, positive ones to "positive";
// an entry's weight is |mean|/4 and its attrs keep the valence and sd.
func ImportVADER(file string, data []byte, o ImportOptions) (*Lexicon, error) {
	l := o.lexicon(file, "VADER")
	neg := o.newCategory(l, "negative", "negative valence")
	pos := o.newCategory(l, "positive", "positive valence")
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) < 2 {
			return nil, &PosError{File: file, Line: n + 1, Column: 1, Msg: "want token<TAB>mean<TAB>sd<TAB>ratings"}
		}
		mean, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || math.IsNaN(mean) || math.IsInf(mean, 0) {
			return nil, &PosError{File: file, Line: n + 1, Column: len(f[0]) + 2, Msg: fmt.Sprintf("mean %q is not a number", f[1])}
		}
		if mean == 0 {
			continue
		}
		term := strings.TrimSpace(f[0])
		if term == "" || strings.Contains(term, "*") {
			continue // emoticons with * are not words the tokenizer keeps whole
		}
		e := &Entry{Term: term, Line: n + 1, Column: 1, Weight: math.Min(1, math.Abs(mean)/4), Attrs: map[string]string{"valence": strconv.FormatFloat(mean, 'f', -1, 64)}}
		if len(f) > 2 {
			e.Attrs["sd"] = strings.TrimSpace(f[2])
		}
		if mean < 0 {
			e.Attrs["polarity"] = "negative"
			neg.Entries = append(neg.Entries, e)
		} else {
			e.Attrs["polarity"] = "positive"
			pos.Entries = append(pos.Entries, e)
		}
	}
	l.Categories = []*Category{neg, pos}
	return finish(l, file)
}

// Import dispatches on format: "liwc", "yaml" (quanteda), "wordlist" or
// "vader".
func Import(format, file string, data []byte, o ImportOptions) (*Lexicon, error) {
	switch format {
	case "liwc":
		return ImportLIWC(file, data, o)
	case "yaml", "quanteda":
		return ImportQuanteda(file, data, o)
	case "wordlist":
		return ImportWordList(file, data, o)
	case "vader":
		return ImportVADER(file, data, o)
	}
	formats := []string{"liwc", "yaml", "wordlist", "vader"}
	sort.Strings(formats)
	return nil, fmt.Errorf("lexicon: unknown import format %q (want one of %s)", format, strings.Join(formats, ", "))
}

// Marshal writes a lexicon in Slant's YAML format, so an import can be
// saved, edited and loaded again with Parse.
func Marshal(l *Lexicon) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(l); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", l.Name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", l.Name, err)
	}
	return buf.Bytes(), nil
}
