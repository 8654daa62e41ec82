// Command gen extracts the averaged-perceptron part-of-speech model that ships
// inside github.com/jdkato/prose/v2 and writes it for package tagger:
//
//	model.bin.gz      the weights, tag dictionary and classes, re-encoded
//	model_gen.go      the go:embed of model.bin.gz plus the constants that
//	                  prose keeps in unexported variables (emoticons, the
//	                  "none" and "keep" patterns, the quote sanitizer)
//	LICENSE-prose.txt prose's MIT licence and the MIT notice of tag.go
//
// Run it from text/tagger with `go generate` (or `go run ./internal/gen`).
//
// The weights come from prose's exported go-bindata accessor prose.Asset, so
// nothing unexported is touched at run time; the constants and licence text
// are read from prose's source in the module cache (located with `go list
// -m`) and parsed with go/parser.
//
// Every weight of prose v2.0.0 is a multiple of 0.001 (the trainer rounds
// averaged weights to three decimals), so weights are stored exactly as
// integers in thousandths; the generator refuses a model for which that is
// not lossless.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
)

const proseModule = "github.com/jdkato/prose/v2"

// magic starts the decompressed data file; package tagger checks it.
const magic = "slant-tagger-v1\n"

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := flag.String("out", ".", "directory to write model.bin.gz, model_gen.go and LICENSE-prose.txt into")
	flag.Parse()

	dir, version := moduleDir()

	var classes []string
	var tagDict map[string]string
	var weights map[string]map[string]float64
	decodeAsset("classes.gob", &classes)
	decodeAsset("tags.gob", &tagDict)
	decodeAsset("weights.gob", &weights)

	data, stats := encode(classes, tagDict, weights)
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	check(err)
	_, err = zw.Write(data)
	check(err)
	check(zw.Close())

	consts := readConstants(dir)
	license, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
	check(err)
	tagNotice := leadingComment(filepath.Join(dir, "tag.go"))

	copyright := ""
	for _, l := range strings.Split(string(license), "\n") {
		if strings.HasPrefix(l, "Copyright") {
			copyright = strings.TrimSpace(l)
			break
		}
	}
	if copyright == "" || !strings.HasPrefix(tagNotice, "Copyright") {
		log.Fatalf("no copyright line in prose's LICENSE or tag.go")
	}
	tagCopyright, _, _ := strings.Cut(tagNotice, "\n")

	lic := fmt.Sprintf("The part-of-speech model in model.bin.gz (weights, tag dictionary and\n"+
		"classes) is extracted from %s %s, and tagger.go ports the\n"+
		"inference of prose's tag.go. prose is distributed under the following\n"+
		"licence (its LICENSE file):\n\n%s\n"+
		"----------------------------------------------------------------------\n\n"+
		"prose's tag.go, a port of TextBlob's averaged-perceptron tagger, carries\n"+
		"this notice:\n\n%s", proseModule, version, license, strings.TrimRight(tagNotice, "\n")+"\n")

	src := goFile(version, copyright, tagCopyright, consts, stats, gz.Len())
	check(os.WriteFile(filepath.Join(*out, "model.bin.gz"), gz.Bytes(), 0o644))
	check(os.WriteFile(filepath.Join(*out, "model_gen.go"), src, 0o644))
	check(os.WriteFile(filepath.Join(*out, "LICENSE-prose.txt"), []byte(lic), 0o644))
	log.Printf("%s %s: %d classes, %d dictionary words, %d features, %d weights; model.bin.gz %d bytes (%d uncompressed)",
		proseModule, version, stats.classes, stats.dict, stats.features, stats.weights, gz.Len(), len(data))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// moduleDir returns prose's directory in the module cache and its version,
// and checks that the version is the one compiled into this program (the one
// prose.Asset reads from).
func moduleDir() (string, string) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}\t{{.Version}}", proseModule)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	check(err)
	dir, version, ok := strings.Cut(strings.TrimSpace(string(b)), "\t")
	if !ok || dir == "" {
		log.Fatalf("go list -m %s: unexpected output %q (is the module downloaded?)", proseModule, b)
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == proseModule && d.Version != version {
				log.Fatalf("built with %s %s but go list reports %s", proseModule, d.Version, version)
			}
		}
	}
	return dir, version
}

func decodeAsset(name string, v any) {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	check(err)
	check(gob.NewDecoder(bytes.NewReader(b)).Decode(v))
}

type stats struct{ classes, dict, features, weights int }

// encode writes the model in the format package tagger reads (all integers
// are unsigned varints unless noted, strings are a length and bytes):
//
//	magic
//	nClasses, classes                       sorted by byte order
//	nDict, {word, class index}              sorted by word
//	nFeatures, {prefix, rest}               feature names sorted, each
//	                                        front-coded against the previous
//	                                        one (shared prefix length, then
//	                                        the rest)
//	{nWeights}                              per feature
//	{class index}                           one byte per weight, feature by
//	                                        feature, classes ascending
//	{weight}                                signed varints, in thousandths
func encode(classList []string, dict map[string]string, weights map[string]map[string]float64) ([]byte, stats) {
	// The classes: prose's list plus any label that only occurs in the
	// weights or the dictionary, sorted so that a lower index is a class
	// that sorts first (the tie-break of package tagger).
	set := map[string]bool{}
	for _, c := range classList {
		set[c] = true
	}
	for _, t := range dict {
		set[t] = true
	}
	for _, ws := range weights {
		for c := range ws {
			set[c] = true
		}
	}
	classes := make([]string, 0, len(set))
	for c := range set {
		if c == "" || strings.ContainsAny(c, " \t\n") {
			log.Fatalf("class %q is empty or contains a space: features could not be parsed back", c)
		}
		classes = append(classes, c)
	}
	sort.Strings(classes)
	if len(classes) > 64 {
		log.Fatalf("%d classes; package tagger supports at most 64", len(classes))
	}
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}

	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(classes)))
	for _, c := range classes {
		str(c)
	}

	words := make([]string, 0, len(dict))
	for w := range dict {
		words = append(words, w)
	}
	sort.Strings(words)
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		str(w)
		b = binary.AppendUvarint(b, uint64(index[dict[w]]))
	}

	// Features: the names, then the number of weights of each, then all
	// class indices, then all weights. Like values together compress better.
	feats := make([]string, 0, len(weights))
	for f := range weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	b = binary.AppendUvarint(b, uint64(len(feats)))
	prev := ""
	for _, f := range feats {
		k := 0
		for k < len(prev) && k < len(f) && prev[k] == f[k] {
			k++
		}
		b = binary.AppendUvarint(b, uint64(k))
		str(f[k:])
		prev = f
	}
	labels := make([][]string, len(feats))
	for i, f := range feats {
		for c := range weights[f] {
			labels[i] = append(labels[i], c)
		}
		sort.Slice(labels[i], func(x, y int) bool { return index[labels[i][x]] < index[labels[i][y]] })
		b = binary.AppendUvarint(b, uint64(len(labels[i])))
	}
	n := 0
	for i := range feats {
		for _, c := range labels[i] {
			b = append(b, byte(index[c]))
			n++
		}
	}
	for i, f := range feats {
		for _, c := range labels[i] {
			v := weights[f][c]
			milli := math.Round(v * 1000)
			// Exact: the stored integer must give back the same float64.
			if math.IsNaN(v) || math.Abs(milli) >= 1<<25 || milli/1000 != v {
				log.Fatalf("weight %v of feature %q class %q is not an exact number of thousandths", v, f, c)
			}
			b = binary.AppendVarint(b, int64(milli))
		}
	}
	return b, stats{classes: len(classes), dict: len(words), features: len(feats), weights: n}
}

// constants are the values prose keeps in unexported variables.
type constants struct {
	emoticons []string // tokenize.go: emoticons
	sanitizer []string // tokenize.go: sanitizer (old, new pairs)
	none      string   // tag.go: none
	keep      string   // tag.go: keep
}

// readConstants parses prose's tokenize.go and tag.go.
func readConstants(dir string) constants {
	var c constants
	fset := token.NewFileSet()
	for _, name := range []string{"tokenize.go", "tag.go"} {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		check(err)
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != 1 || len(vs.Values) != 1 {
					continue
				}
				switch vs.Names[0].Name {
				case "emoticons":
					for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
						c.emoticons = append(c.emoticons, unquote(e.(*ast.KeyValueExpr).Key))
					}
				case "sanitizer":
					for _, a := range vs.Values[0].(*ast.CallExpr).Args {
						c.sanitizer = append(c.sanitizer, unquote(a))
					}
				case "none":
					c.none = unquote(vs.Values[0].(*ast.CallExpr).Args[0])
				case "keep":
					c.keep = unquote(vs.Values[0].(*ast.CallExpr).Args[0])
				}
			}
		}
	}
	if len(c.emoticons) == 0 || len(c.sanitizer) == 0 || len(c.sanitizer)%2 != 0 || c.none == "" || c.keep == "" {
		log.Fatalf("could not find emoticons, sanitizer, none and keep in prose's source under %s", dir)
	}
	sort.Strings(c.emoticons)
	return c
}

func unquote(e ast.Expr) string {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		log.Fatalf("expected a string literal, found %T", e)
	}
	s, err := strconv.Unquote(lit.Value)
	check(err)
	return s
}

// leadingComment returns the comment block before the package clause of a
// Go file (tag.go's copyright notice), without comment markers.
func leadingComment(path string) string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
	check(err)
	if len(f.Comments) == 0 || f.Comments[0].Pos() >= f.Package {
		log.Fatalf("%s has no leading comment", path)
	}
	return f.Comments[0].Text()
}

func goFile(version, copyright, tagCopyright string, c constants, st stats, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by text/tagger/internal/gen; DO NOT EDIT.

// The model embedded here (model.bin.gz, %d bytes: %d classes, %d
// dictionary words, %d features, %d weights) and the constants below
// are extracted from %s %s:
//
//	%s
//	MIT licence
//
// tagger.go ports the inference of prose's tag.go:
//
//	%s
//	MIT licence
//
// The full notices are in LICENSE-prose.txt.

package tagger

import _ "embed"

// proseVersion is the version of %s the model comes from.
const proseVersion = %q

//go:embed model.bin.gz
var modelGz []byte

// emoticons are tagged SYM (prose's tokenize.go).
var emoticons = map[string]bool{
`, size, st.classes, st.dict, st.features, st.weights, proseModule, version, copyright, tagCopyright, proseModule, version)
	for _, e := range c.emoticons {
		fmt.Fprintf(&b, "\t%q: true,\n", e)
	}
	b.WriteString("}\n\n// sanitizerPairs are the replacements prose's tokenizer applies to its input\n// (old, new pairs).\nvar sanitizerPairs = []string{\n")
	for i := 0; i < len(c.sanitizer); i += 2 {
		fmt.Fprintf(&b, "\t%q, %q,\n", c.sanitizer[i], c.sanitizer[i+1])
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// nonePattern marks a word tagged -NONE- (prose's tag.go: none).\nconst nonePattern = %s\n\n", goString(c.none))
	fmt.Fprintf(&b, "// keepPattern marks a word that is its own tag (prose's tag.go: keep).\nconst keepPattern = %s\n", goString(c.keep))
	src, err := format.Source(b.Bytes())
	check(err)
	return src
}

// goString quotes s as a raw string literal when it can.
func goString(s string) string {
	if strings.ContainsAny(s, "`\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}
