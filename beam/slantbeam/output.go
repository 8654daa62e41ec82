package slantbeam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths; link gcs or s3 for those schemes
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/slantlab/slant/framing"
)

func init() {
	register.DoFn3x1[[]byte, func(*string, **framing.Profile) bool, func(string), error](&profilesJSONFn{})
	register.DoFn3x1[[]byte, func(*string, **framing.Profile) bool, func(string), error](&compareFn{})
	register.DoFn3x0[string, *framing.Profile, func(string, *framing.Profile)](&selectFn{})
	register.Iter2[string, *framing.Profile]()
	register.Emitter1[string]()
	register.Function1x1[fileio.FileMetadata, string](filePath)
}

// filePath returns a matched file's path.
func filePath(m fileio.FileMetadata) string { return m.Path }

// marshalJSON encodes v as `slant --format json` and `slant profile --out`
// do (two-space indent), without the final newline.
func marshalJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("slantbeam: encoding JSON: %w", err)
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// collect reads a KV<string, *framing.Profile> side input into a map.
func collect(profiles func(*string, **framing.Profile) bool) map[string]*framing.Profile {
	m := map[string]*framing.Profile{}
	var k string
	var p *framing.Profile
	for profiles(&k, &p) {
		m[k] = p
	}
	return m
}

func sortedKeys(m map[string]*framing.Profile) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// profilesJSONFn emits every profile as one JSON array sorted by group key.
type profilesJSONFn struct{}

// ProcessElement runs once (on an impulse) over the profiles side input.
func (f *profilesJSONFn) ProcessElement(_ []byte, profiles func(*string, **framing.Profile) bool, emit func(string)) error {
	m := collect(profiles)
	all := []*framing.Profile{}
	for _, k := range sortedKeys(m) {
		all = append(all, m[k])
	}
	s, err := marshalJSON(all)
	if err != nil {
		return err
	}
	emit(s)
	return nil
}

// ProfilesJSON turns a PCollection<KV<string, *framing.Profile>> into a
// PCollection<string> of one element: the profiles as a JSON array sorted by
// key, the document `slant profile --out` writes ([] when there are none).
func ProfilesJSON(s beam.Scope, profiles beam.PCollection) beam.PCollection {
	s = s.Scope("slant.ProfilesJSON")
	return beam.ParDo(s, &profilesJSONFn{}, beam.Impulse(s), beam.SideInput{Input: profiles})
}

// selectFn keeps the profiles a comparison needs.
type selectFn struct {
	Target    string `json:"target"`
	Reference string `json:"reference"`
}

// ProcessElement passes the target and the reference (every profile when
// the reference is framing.Rest).
func (f *selectFn) ProcessElement(k string, p *framing.Profile, emit func(string, *framing.Profile)) {
	if k == f.Target || k == f.Reference || f.Reference == framing.Rest {
		emit(k, p)
	}
}

// compareFn compares the target profile with the reference.
type compareFn struct {
	Target    string                 `json:"target"`
	Reference string                 `json:"reference"`
	Options   framing.CompareOptions `json:"options"`
}

// ProcessElement runs once (on an impulse) over the selected profiles. A
// missing source is an error naming the sources present.
func (f *compareFn) ProcessElement(_ []byte, profiles func(*string, **framing.Profile) bool, emit func(string)) error {
	m := collect(profiles)
	c, err := compareIn(m, f.Target, f.Reference, f.Options)
	if err != nil {
		return err
	}
	s, err := marshalJSON(c)
	if err != nil {
		return err
	}
	emit(s)
	return nil
}

// compareIn compares as `slant compare --target T --reference R` does
// (framing.CompareTo): R is a source, or framing.Rest for every other
// source merged in key order.
func compareIn(m map[string]*framing.Profile, target, reference string, opt framing.CompareOptions) (*framing.Comparison, error) {
	var all []*framing.Profile
	for _, k := range sortedKeys(m) {
		all = append(all, m[k])
	}
	ps, err := framing.GroupProfiles(all)
	if err != nil {
		return nil, fmt.Errorf("slantbeam: %w", err)
	}
	cmp, err := framing.CompareTo(ps, target, reference, opt)
	if err != nil {
		return nil, fmt.Errorf("slantbeam: %w", err)
	}
	return cmp, nil
}

// CompareJSON compares the target group with the reference (a group, or
// framing.Rest for all the others pooled) and returns a PCollection<string>
// of one element: the framing.Comparison as JSON, as `slant compare --format
// json` prints it. A missing group fails the pipeline.
func CompareJSON(s beam.Scope, profiles beam.PCollection, target, reference string, opt framing.CompareOptions) beam.PCollection {
	s = s.Scope("slant.CompareJSON")
	sel := beam.ParDo(s, &selectFn{Target: target, Reference: reference}, profiles)
	return beam.ParDo(s, &compareFn{Target: target, Reference: reference, Options: opt}, beam.Impulse(s), beam.SideInput{Input: sel})
}

// Job names a pipeline's input and outputs.
type Job struct {
	// Input is a file or glob of JSON Lines records (local, or gs:// with
	// the GCS filesystem linked in).
	Input string
	// Profiles is where the profiles JSON is written; empty writes none.
	Profiles string
	// Comparison is where the comparison JSON is written; it needs Target
	// and Reference. Empty writes none.
	Comparison        string
	Target, Reference string
	Compare           framing.CompareOptions
}

// Build adds the whole pipeline to s: read, analyse, combine per group, and
// write the profiles and the comparison. An input that matches no file
// fails the job. Local paths are supported; a
// path of another scheme (gs://, s3://) needs that Beam filesystem linked
// in (cmd/slant-beam links gcs), else Build returns an error.
func Build(s beam.Scope, job Job, opts ...Option) (err error) {
	if job.Input == "" {
		return fmt.Errorf("slantbeam: no input")
	}
	if job.Profiles == "" && job.Comparison == "" {
		return fmt.Errorf("slantbeam: no output: name a profiles or a comparison file")
	}
	if job.Comparison != "" && (job.Target == "" || job.Reference == "") {
		return fmt.Errorf("slantbeam: a comparison needs a target and a reference")
	}
	// textio panics on a path whose filesystem is not registered.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("slantbeam: %v", r)
		}
	}()
	// textio.Read takes a pattern that matches nothing for an empty corpus;
	// match first, so that a mistyped path fails the job instead.
	files := fileio.MatchFiles(s, job.Input, fileio.MatchEmptyDisallow())
	lines := textio.ReadAll(s, beam.ParDo(s, filePath, files))
	profiles, err := Profiles(s, lines, opts...)
	if err != nil {
		return err
	}
	if job.Profiles != "" {
		textio.Write(s, job.Profiles, ProfilesJSON(s, profiles))
	}
	if job.Comparison != "" {
		textio.Write(s, job.Comparison, CompareJSON(s, profiles, job.Target, job.Reference, job.Compare))
	}
	return nil
}
