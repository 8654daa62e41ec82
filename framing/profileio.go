package framing

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// GroupProfiles returns the grouping that holds profiles, for example
// those decoded from `slant profile --out` or built on shards. It fails when
// they differ in schema, lexicon fingerprint or grouping field (naming what
// differs), or when two have the same key.
func GroupProfiles(profiles []*Profile) (*Profiles, error) {
	if len(profiles) == 0 {
		return nil, errors.New("framing: no profiles to group")
	}
	first := profiles[0]
	if first == nil {
		return nil, errors.New("framing: profile 1 is null")
	}
	if first.Schema != ProfileSchema {
		return nil, fmt.Errorf("framing: profile %s has schema %d, this build reads %d: %w", first.Key(), first.Schema, ProfileSchema, ErrIncompatible)
	}
	ps := NewProfiles(first.GroupBy, first.Lexicons)
	ps.GroupBy = first.GroupBy // keep "" as "" would be "outlet": profiles always name it
	ps.ExactLimit = limitOf(first.ExactLimit)
	for i, p := range profiles {
		if p == nil {
			return nil, fmt.Errorf("framing: profile %d is null", i+1)
		}
		if len(p.Keys) == 0 {
			return nil, fmt.Errorf("framing: profile %d has no key", i+1)
		}
		if err := compatible(first.Schema, p.Schema, first.Lexicons, p.Lexicons, first.GroupBy, p.GroupBy, limitOf(first.ExactLimit), limitOf(p.ExactLimit)); err != nil {
			return nil, fmt.Errorf("profile %s and profile %s: %w", first.Key(), p.Key(), err)
		}
		k := p.Key()
		if _, dup := ps.byKey[k]; dup {
			return nil, fmt.Errorf("framing: two profiles for %s %q", p.GroupBy, k)
		}
		p.initMaps()
		ps.byKey[k] = p
	}
	return ps, nil
}

// ReadProfiles decodes profiles as WriteProfiles writes them (`slant
// profile --out`, Beam's ProfilesJSON): a JSON array of profiles, or an
// object holding that array and the undated counts of a grouping by
// period. It groups them (GroupProfiles). name is used in errors.
func ReadProfiles(r io.Reader, name string) (*Profiles, error) {
	bad := func(err error) error {
		return fmt.Errorf("framing: %s: not a profiles file (a JSON array as written by slant profile --out): %w", name, err)
	}
	br := bufio.NewReader(r)
	first, err := firstNonSpace(br)
	if err != nil {
		return nil, bad(err)
	}
	var doc profilesDoc
	dec := json.NewDecoder(br)
	dec.DisallowUnknownFields()
	dst := any(&doc.Profiles)
	if first == '{' {
		dst = &doc
	}
	if err := dec.Decode(dst); err != nil {
		return nil, bad(err)
	}
	ps, err := GroupProfiles(doc.Profiles)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for k, n := range doc.Undated {
		if n < 0 {
			return nil, fmt.Errorf("framing: %s: undated count of %q is negative (%d)", name, k, n)
		}
	}
	if len(doc.Undated) > 0 {
		ps.Undated = doc.Undated
	}
	return ps, nil
}

// profilesDoc is the profiles file of a grouping that left undated
// articles out: the profiles, and how many were left out by source.
type profilesDoc struct {
	Profiles []*Profile       `json:"profiles"`
	Undated  map[string]int64 `json:"undated"`
}

// firstNonSpace returns the first byte after white space, left unread.
func firstNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\n' && b != '\r' {
			return b, br.UnreadByte()
		}
	}
}

// WriteProfiles writes the profiles as an indented JSON array, sorted by
// key: the format ReadProfiles reads. When a grouping by period left
// undated articles out (Profiles.Undated), it writes an object instead:
// {"profiles": [...], "undated": {"SOURCE": count}}, so that compare and
// report from the file can say how many.
//
// The profiles are encoded one at a time, so memory holds one profile's
// JSON rather than the whole file's (json.Encoder builds the whole
// document, then an indented copy of it, before writing: on AllSides by
// outlet, 27 MB of JSON took about 70 MB at the end of the run). The bytes
// are those json.Encoder with SetIndent("", "  ") writes for the same
// value (TestWriteProfilesStreams).
func WriteProfiles(w io.Writer, ps *Profiles) error {
	all := ps.All()
	if len(all) == 0 {
		// "[]" is not what Encoder writes for no profiles ("null"): keep
		// the encoder's bytes for that case, which has nothing to stream.
		return writeProfilesEncoder(w, ps)
	}
	bw := bufio.NewWriter(w)
	// Each element is indented as it is inside the document: depth 1 in
	// the array, depth 2 in the object's "profiles" array.
	elem := "  "
	if len(ps.Undated) > 0 {
		elem = "    "
		bw.WriteString("{\n  \"profiles\": [\n")
	} else {
		bw.WriteString("[\n")
	}
	for i, p := range all {
		b, err := json.MarshalIndent(p, elem, "  ")
		if err != nil {
			return fmt.Errorf("framing: writing profiles: %w", err)
		}
		bw.WriteString(elem)
		bw.Write(b)
		if i < len(all)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	if len(ps.Undated) > 0 {
		b, err := json.MarshalIndent(ps.Undated, "  ", "  ") // maps marshal with sorted keys
		if err != nil {
			return fmt.Errorf("framing: writing profiles: %w", err)
		}
		bw.WriteString("  ],\n  \"undated\": ")
		bw.Write(b)
		bw.WriteString("\n}\n")
	} else {
		bw.WriteString("]\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("framing: writing profiles: %w", err)
	}
	return nil
}

// writeProfilesEncoder writes what WriteProfiles writes, with one
// json.Encoder call over the whole document.
func writeProfilesEncoder(w io.Writer, ps *Profiles) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	var v any = ps.All()
	if len(ps.Undated) > 0 {
		v = profilesDoc{Profiles: ps.All(), Undated: ps.Undated} // maps marshal with sorted keys
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("framing: writing profiles: %w", err)
	}
	return nil
}

// MergeAll merges several groupings (shards analysed apart) into a new
// one; names label the inputs in errors. Any incompatibility is an
// error naming the two inputs and what differs, and nothing is merged.
func MergeAll(all []*Profiles, names []string) (*Profiles, error) {
	if len(all) == 0 {
		return nil, errors.New("framing: no profiles to merge")
	}
	if len(names) != len(all) {
		panic("framing: MergeAll: one name per grouping")
	}
	out := NewProfiles(all[0].GroupBy, all[0].Lexicons)
	for i, ps := range all {
		if err := out.Merge(ps); err != nil {
			if i == 0 {
				return nil, fmt.Errorf("%s: %w", names[0], err)
			}
			return nil, fmt.Errorf("%s does not merge with %s: %w", names[i], strings.Join(names[:i], ", "), err)
		}
	}
	return out, nil
}
