package lexicon

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Suggest returns up to n category IDs close to q, for "did you mean"
// messages: IDs containing q (or whose part after the last dot q contains)
// first, then IDs within a small edit distance of q — whole, after the last
// dot, or a prefix as long as q (a mistyped prefix: attribution.anonymus).
// Ties are broken by ID.
func (s *Set) Suggest(q string, n int) []string {
	q = strings.ToLower(strings.TrimSpace(q))
	type scored struct {
		id string
		d  int
	}
	var out []scored
	limit := max(2, len(q)/3)
	for _, c := range s.Categories() {
		id := c.ID
		short := id[strings.LastIndexByte(id, '.')+1:]
		d := min(Distance(q, id), Distance(q, short))
		if len(id) > len(q) {
			d = min(d, 1+Distance(q, id[:len(q)]))
		}
		if q != "" && (strings.Contains(id, q) || strings.Contains(q, short)) {
			d = 0
		}
		if d <= limit {
			out = append(out, scored{id, d})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].d != out[j].d {
			return out[i].d < out[j].d
		}
		return out[i].id < out[j].id
	})
	var ids []string
	for i := 0; i < len(out) && i < n; i++ {
		ids = append(ids, out[i].id)
	}
	return ids
}

// Closest returns the name in names nearest to q by edit distance, or ""
// when none is within max(2, len(q)/3) edits. Ties go to the earlier name.
func Closest(q string, names []string) string {
	best, bestD := "", max(2, len(q)/3)+1
	for _, n := range names {
		if d := Distance(q, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Clashes reports, for lexicons about to be added to s with With: two of
// lexs with the same name (one would silently replace the other), and
// category IDs that a lexicon of s which lexs do not replace already uses.
// Each error is located at the category's first entry.
func (s *Set) Clashes(lexs ...*Lexicon) error {
	var errs []error
	replaced := map[string]string{} // lexicon name → file
	for _, l := range lexs {
		if prev, dup := replaced[l.Name]; dup {
			errs = append(errs, &PosError{File: l.Source, Msg: fmt.Sprintf("lexicon name %q is also used by %s; one would silently replace the other", l.Name, prev)})
		}
		replaced[l.Name] = l.Source
	}
	for _, l := range lexs {
		for _, c := range l.Categories {
			dc, ok := s.Category(c.ID)
			if !ok {
				continue
			}
			if _, gone := replaced[dc.Lexicon]; gone {
				continue
			}
			pe := &PosError{File: l.Source, Msg: fmt.Sprintf("category %s: id already used by the default lexicon %q (rename the category, or name your lexicon %q to replace that one)", c.ID, dc.Lexicon, dc.Lexicon)}
			if len(c.Entries) > 0 {
				pe.Line, pe.Column = c.Entries[0].Line, c.Entries[0].Column
			}
			errs = append(errs, pe)
		}
	}
	return errors.Join(errs...)
}

// Extend returns s with lexs added (or replacing lexicons of the same
// name), after checking that they do not clash with s (Clashes), that every
// category names one of the known constructs (CheckConstructs), and that the
// result compiles.
func (s *Set) Extend(known []string, lexs ...*Lexicon) (*Set, error) {
	if err := s.Clashes(lexs...); err != nil {
		return nil, err
	}
	var errs []error
	for _, l := range lexs {
		if err := l.CheckConstructs(known); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	set, err := s.With(lexs...)
	if err != nil {
		return nil, err
	}
	if _, err := Compile(set, nil); err != nil {
		return nil, err
	}
	return set, nil
}
