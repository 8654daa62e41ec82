package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slantlab/slant/text"

	"go.yaml.in/yaml/v3"
)

// PosError is a load error at a place in a lexicon file.
type PosError struct {
	File         string
	Line, Column int
	Msg          string
}

// Error formats the error as file:line:column: message.
func (e *PosError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

type decoder struct {
	file string
	errs []error
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	pe := &PosError{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		pe.Line, pe.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, pe)
}

// fields walks a mapping node, calling set for each key and rejecting keys
// set does not know (it returns false).
func (d *decoder) fields(n *yaml.Node, what string, set func(key string, v *yaml.Node) bool) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "%s must be a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.errf(k, "%s: field %q given twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		if !set(k.Value, v) {
			d.errf(k, "%s: unknown field %q", what, k.Value)
		}
	}
}

func (d *decoder) str(v *yaml.Node, dst *string, what string) bool {
	if v.Kind != yaml.ScalarNode {
		d.errf(v, "%s must be a string", what)
		return true
	}
	*dst = v.Value
	return true
}

func (d *decoder) float(v *yaml.Node, dst *float64, what string) bool {
	if err := v.Decode(dst); err != nil || v.Kind != yaml.ScalarNode {
		d.errf(v, "%s must be a number, got %q", what, v.Value)
	} else if math.IsNaN(*dst) || math.IsInf(*dst, 0) {
		d.errf(v, "%s must be a finite number, got %q", what, v.Value)
		*dst = 1 // reported; keep the range checks from repeating it
	}
	return true
}

func (d *decoder) strs(v *yaml.Node, dst *[]string, what string) bool {
	if v.Kind != yaml.SequenceNode {
		d.errf(v, "%s must be a list", what)
		return true
	}
	for _, it := range v.Content {
		var s string
		d.str(it, &s, what+" item")
		*dst = append(*dst, s)
	}
	return true
}

// Parse decodes and validates one lexicon file. name labels the file in
// errors, which give its line and column.
func Parse(name string, data []byte) (*Lexicon, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &PosError{File: name, Msg: "empty lexicon file"}
		}
		return nil, syntaxError(name, data, err)
	}
	if len(root.Content) == 0 {
		return nil, &PosError{File: name, Msg: "empty lexicon file"}
	}
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, syntaxError(name, data, err)
		}
		return nil, &PosError{File: name, Line: second.Line, Column: second.Column, Msg: "a second YAML document: a lexicon file holds one document (remove the '---' or split the file)"}
	}
	d := &decoder{file: name}
	l := &Lexicon{Source: name}
	d.fields(root.Content[0], "lexicon", func(k string, v *yaml.Node) bool {
		switch k {
		case "name":
			return d.str(v, &l.Name, k)
		case "version":
			return d.str(v, &l.Version, k)
		case "description":
			return d.str(v, &l.Description, k)
		case "licence", "license":
			return d.str(v, &l.Licence, k)
		case "curator":
			return d.str(v, &l.Curator, k)
		case "references":
			if v.Kind != yaml.SequenceNode {
				d.errf(v, "references must be a list")
				return true
			}
			for _, rn := range v.Content {
				var r Reference
				d.fields(rn, "reference", func(k string, v *yaml.Node) bool {
					switch k {
					case "id":
						return d.str(v, &r.ID, k)
					case "citation":
						return d.str(v, &r.Citation, k)
					case "url":
						return d.str(v, &r.URL, k)
					}
					return false
				})
				l.References = append(l.References, r)
			}
			return true
		case "exclude":
			d.strs(v, &l.Exclude, k)
			if v.Kind == yaml.SequenceNode {
				for i, t := range l.Exclude {
					if err := checkExclusion(t); err != nil && i < len(v.Content) {
						d.errf(v.Content[i], "%v", err)
					}
				}
			}
			return true
		case "categories":
			if v.Kind != yaml.SequenceNode {
				d.errf(v, "categories must be a list")
				return true
			}
			for _, cn := range v.Content {
				l.Categories = append(l.Categories, d.category(cn))
			}
			return true
		}
		return false
	})
	if len(d.errs) == 0 {
		d.validate(l, root.Content[0])
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	for _, c := range l.Categories {
		c.Lexicon = l.Name
	}
	return l, nil
}

// yamlLine matches the "yaml: line N: " prefix of a yaml.v3 syntax error.
var yamlLine = regexp.MustCompile(`^yaml: (line [0-9]+: )?`)

// maxColumnScan bounds the column search of syntaxError, which parses one
// prefix per byte of the faulty line.
const maxColumnScan = 1000

// syntaxError turns a yaml.v3 syntax error into a PosError at the fault.
// yaml.v3 reports the line of the error's context (the opening of a flow
// list, 0-based for parser errors) rather than the fault, and no column; its
// parser's marks are not exported. So we locate the fault ourselves: the
// shortest prefix of the file, first by lines (bisection), then by bytes
// within that line, that fails with the same message. That is where the
// parser gave up, which is the place to look.
func syntaxError(name string, data []byte, err error) error {
	msg := yamlLine.ReplaceAllString(err.Error(), "")
	if msg == err.Error() { // not a syntax error of the usual shape
		return fmt.Errorf("%s: %w", name, err)
	}
	failsSame := func(prefix []byte) bool {
		var n yaml.Node
		e := yaml.Unmarshal(prefix, &n)
		return e != nil && yamlLine.ReplaceAllString(e.Error(), "") == msg
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	ends := make([]int, len(lines)) // ends[i]: offset after line i
	off := 0
	for i, l := range lines {
		off += len(l)
		ends[i] = off
	}
	lo, hi := 0, len(lines)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if failsSame(data[:ends[mid]]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	start := ends[lo] - len(lines[lo])
	col := 0
	for c := 1; c <= len(lines[lo]) && c <= maxColumnScan; c++ {
		if failsSame(data[:start+c]) {
			col = utf8.RuneCount(lines[lo][:c])
			break
		}
	}
	if col == 0 {
		col = 1
	}
	return &PosError{File: name, Line: lo + 1, Column: col, Msg: "YAML syntax: " + msg}
}

func (d *decoder) category(n *yaml.Node) *Category {
	c := &Category{}
	d.fields(n, "category", func(k string, v *yaml.Node) bool {
		switch k {
		case "id":
			return d.str(v, &c.ID, k)
		case "label":
			return d.str(v, &c.Label, k)
		case "description":
			return d.str(v, &c.Description, k)
		case "construct":
			return d.str(v, &c.Construct, k)
		case "weight":
			return d.float(v, &c.Weight, k)
		case "match":
			return d.match(v, &c.Match, "category "+c.ID)
		case "references":
			return d.strs(v, &c.References, k)
		case "curator":
			return d.str(v, &c.Curator, k)
		case "entries":
			if v.Kind != yaml.SequenceNode {
				d.errf(v, "entries must be a list")
				return true
			}
			for _, en := range v.Content {
				c.Entries = append(c.Entries, d.entry(en, c))
			}
			return true
		}
		return false
	})
	return c
}

func (d *decoder) entry(n *yaml.Node, c *Category) *Entry {
	e := &Entry{Line: n.Line, Column: n.Column}
	if n.Kind == yaml.ScalarNode { // a bare term
		e.Term = n.Value
		return e
	}
	d.fields(n, "entry", func(k string, v *yaml.Node) bool {
		switch k {
		case "term":
			return d.str(v, &e.Term, k)
		case "match":
			return d.match(v, &e.Match, fmt.Sprintf("entry %q", e.Term))
		case "weight":
			return d.float(v, &e.Weight, k)
		case "note":
			return d.str(v, &e.Note, k)
		case "literal":
			return d.strs(v, &e.Literal, k)
		case "compounds", "shadow":
			dst := &e.Compounds
			if k == "shadow" {
				dst = &e.Shadow
			}
			if err := v.Decode(dst); err != nil {
				d.errf(v, "%s must be true or false", k)
			}
			return true
		case "attrs":
			if v.Kind != yaml.MappingNode {
				d.errf(v, "attrs must be a mapping of strings")
				return true
			}
			e.Attrs = map[string]string{}
			for i := 0; i+1 < len(v.Content); i += 2 {
				if v.Content[i+1].Kind != yaml.ScalarNode {
					d.errf(v.Content[i+1], "attrs.%s must be a string", v.Content[i].Value)
					continue
				}
				e.Attrs[v.Content[i].Value] = v.Content[i+1].Value
			}
			return true
		}
		return false
	})
	return e
}

// match decodes a match type; what names the category or entry in errors.
func (d *decoder) match(v *yaml.Node, dst *MatchType, what string) bool {
	var m string
	d.str(v, &m, "match")
	*dst = MatchType(m)
	if !validMatch(*dst) {
		d.errf(v, "%s: unknown match type %q (want exact, stem, glob or phrase)", what, m)
	}
	return true
}

func validMatch(m MatchType) bool {
	return m == Exact || m == Stem || m == Glob || m == Phrase
}

// validate checks what the structure cannot: required fields, references,
// weights, unique IDs and terms, and glob shapes.
func (d *decoder) validate(l *Lexicon, top *yaml.Node) {
	for k, v := range map[string]string{"name": l.Name, "version": l.Version, "licence": l.Licence, "curator": l.Curator} {
		if strings.TrimSpace(v) == "" {
			d.errf(top, "lexicon: missing %q", k)
		}
	}
	refs := map[string]bool{}
	for _, r := range l.References {
		if r.ID == "" || r.Citation == "" {
			d.errf(top, "lexicon %s: every reference needs an id and a citation", l.Name)
		}
		refs[r.ID] = true
	}
	ids := map[string]bool{}
	for _, c := range l.Categories {
		where := &yaml.Node{}
		if len(c.Entries) > 0 {
			where.Line, where.Column = c.Entries[0].Line, c.Entries[0].Column
		}
		if c.ID == "" {
			d.errf(where, "category without an id")
			continue
		}
		if ids[c.ID] {
			d.errf(where, "category %s: id used twice", c.ID)
		}
		ids[c.ID] = true
		if strings.TrimSpace(c.Construct) == "" {
			d.errf(where, "category %s: no construct (see FORMAT.md)", c.ID)
		}
		if c.Weight == 0 {
			c.Weight = 1
		}
		if !(c.Weight >= 0 && c.Weight <= 1) { // NaN fails too
			d.errf(where, "category %s: weight %v outside (0, 1]", c.ID, c.Weight)
		}
		if len(c.References) == 0 {
			d.errf(where, "category %s: no references (say where the category's idea comes from)", c.ID)
		}
		for _, r := range c.References {
			if !refs[r] {
				d.errf(where, "category %s: unknown reference %q", c.ID, r)
			}
		}
		if len(c.Entries) == 0 {
			d.errf(where, "category %s: no entries", c.ID)
		}
		seen := map[string]bool{}
		for _, e := range c.Entries {
			pos := &yaml.Node{Line: e.Line, Column: e.Column}
			if err := checkEntry(c, e); err != nil {
				d.errf(pos, "category %s: %v", c.ID, err)
				continue
			}
			key := foldTerm(e.Term) + "\x00" + string(c.EffectiveMatch(e))
			if seen[key] {
				d.errf(pos, "category %s: entry %q listed twice", c.ID, e.Term)
			}
			seen[key] = true
		}
	}
}

// checkEntry validates one entry of c.
func checkEntry(c *Category, e *Entry) error {
	t := strings.TrimSpace(e.Term)
	if t == "" {
		return errors.New("empty term")
	}
	for _, r := range t {
		if text.IsInvisible(r) || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
			return fmt.Errorf("entry %q: contains the invisible character %U (matching ignores it inside words; remove it)", e.Term, r)
		}
	}
	if !(e.Weight >= 0 && e.Weight <= 1) { // NaN fails too
		return fmt.Errorf("entry %q: weight %v outside (0, 1]", e.Term, e.Weight)
	}
	if err := checkLiteral(e); err != nil {
		return err
	}
	m := c.EffectiveMatch(e)
	if strings.Contains(t, "*") {
		if m != Glob {
			return fmt.Errorf("entry %q: contains * but its match type is %s (use match: glob)", e.Term, m)
		}
		for _, w := range strings.Fields(t) {
			core := strings.Trim(w, "*")
			if core == "" || strings.Contains(core, "*") {
				return fmt.Errorf("entry %q: * may only stand at the start or end of a word", e.Term)
			}
		}
	} else if m == Glob {
		return fmt.Errorf("entry %q: match is glob but the term has no *", e.Term)
	}
	return nil
}

// LoadFile reads and parses a lexicon file.
func LoadFile(p string) (*Lexicon, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return Parse(p, data)
}

//go:embed data
var defaults embed.FS

// Default returns Slant's curated lexicons, embedded in the binary. It
// parses them on every call; callers share the returned set.
func Default() (*Set, error) {
	return LoadFS(defaults, "data")
}

// DefaultFS returns the embedded default lexicon files.
func DefaultFS() fs.FS { sub, _ := fs.Sub(defaults, "data"); return sub }

// LoadFS parses every .yaml and .yml file in dir of fsys, in name order.
func LoadFS(fsys fs.FS, dir string) (*Set, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	var lexs []*Lexicon
	for _, e := range ents {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		l, err := Parse(p, data)
		if err != nil {
			return nil, err
		}
		lexs = append(lexs, l)
	}
	return NewSet(lexs...)
}
