package corpus

import (
	"regexp"
	"regexp/syntax"
)

// anchoredRE is a regular expression anchored at the start of the text,
// with the ASCII bytes a match can start with. Most lines of an article
// cannot begin a furniture pattern ("share", "read more", "by ..."), and
// one byte check rejects them where Go's regexp would still set up a
// match over the whole line.
type anchoredRE struct {
	re *regexp.Regexp
	// first[b] is false when no match can begin with ASCII byte b; always
	// true when the pattern is not anchored at every alternative.
	first [utf8RuneSelf]bool
	// second[b] has bit c set when a match can begin with ASCII bytes b, c
	// (see firstPairs); nil when the pattern gives no such bound.
	second *[utf8RuneSelf][2]uint64
}

const utf8RuneSelf = 0x80

func mustAnchored(expr string) anchoredRE {
	a := anchoredRE{re: regexp.MustCompile(expr)}
	a.first = firstBytes(expr)
	a.second = firstPairs(expr)
	return a
}

// MatchString reports whether t matches, trying the expression only when
// t's first byte allows it. A non-ASCII first byte always tries it (case
// folding can map one to an ASCII letter: the Kelvin sign to "k").
func (a anchoredRE) MatchString(t string) bool {
	if t != "" && t[0] < utf8RuneSelf && !a.first[t[0]] {
		return false
	}
	if a.second != nil && len(t) >= 2 && t[0] < utf8RuneSelf && t[1] < utf8RuneSelf && a.second[t[0]][t[1]>>6]&(1<<(t[1]&63)) == 0 {
		return false
	}
	return a.re.MatchString(t)
}

// firstPairs returns, for each ASCII byte b a match can begin with, the
// ASCII bytes that can follow it: most lines that pass the first-byte test
// of a furniture pattern ("The ..." for "tweet") fail on the second byte.
// It over-approximates like firstBytes, and gives nil (no bound) for a
// pattern that is not anchored at every alternative or starts with a
// wildcard. After the first rune, empty-width tests are taken to hold; a
// possible match or wildcard after it allows every second byte.
func firstPairs(expr string) *[utf8RuneSelf][2]uint64 {
	prog, firsts, ok := anchoredFirsts(expr)
	if !ok {
		return nil
	}
	// seconds returns the rune instructions reachable from pc without
	// reading a rune, or ok false when a match or wildcard is.
	seconds := func(pc uint32) (out []*syntax.Inst, ok bool) {
		seen := map[uint32]bool{}
		stack := []uint32{pc}
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[p] {
				continue
			}
			seen[p] = true
			in := &prog.Inst[p]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				stack = append(stack, in.Out, in.Arg)
			case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
				stack = append(stack, in.Out)
			case syntax.InstRune, syntax.InstRune1:
				out = append(out, in)
			default: // InstMatch, InstRuneAny, InstRuneAnyNotNL, InstFail
				return nil, false
			}
		}
		return out, true
	}
	pairs := new([utf8RuneSelf][2]uint64)
	for _, pc := range firsts {
		in := &prog.Inst[pc]
		next, ok := seconds(in.Out)
		for b := range utf8RuneSelf {
			if !in.MatchRune(rune(b)) {
				continue
			}
			for c := range utf8RuneSelf {
				allowed := !ok
				for _, n := range next {
					if allowed {
						break
					}
					allowed = n.MatchRune(rune(c))
				}
				if allowed {
					pairs[b][c>>6] |= 1 << (c & 63)
				}
			}
		}
	}
	return pairs
}

// firstBytes returns the ASCII bytes a match of expr can start with. It
// over-approximates: any doubt (an alternative not anchored with ^, a
// possible empty match) allows every byte, so the filter never changes a
// result.
func firstBytes(expr string) (set [utf8RuneSelf]bool) {
	prog, firsts, ok := anchoredFirsts(expr)
	for b := range set {
		set[b] = !ok
	}
	for _, pc := range firsts {
		for b := range set {
			if prog.Inst[pc].MatchRune(rune(b)) {
				set[b] = true
			}
		}
	}
	return set
}

// anchoredFirsts compiles expr and returns the rune instructions a match
// can begin with, or ok false when a match may begin anywhere (an
// alternative not anchored with ^), with any rune, or be empty, or when
// expr does not compile: then no first-byte bound holds.
func anchoredFirsts(expr string) (prog *syntax.Prog, firsts []uint32, ok bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, nil, false
	}
	prog, err = syntax.Compile(re.Simplify())
	if err != nil {
		return nil, nil, false
	}
	type state struct {
		pc       uint32
		anchored bool
	}
	seen := map[state]bool{}
	stack := []state{{uint32(prog.Start), false}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[s] {
			continue
		}
		seen[s] = true
		in := &prog.Inst[s.pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, state{in.Out, s.anchored}, state{in.Arg, s.anchored})
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, state{in.Out, s.anchored})
		case syntax.InstEmptyWidth:
			// Any empty-width test may hold at the start of the text;
			// only ^ (begin text) anchors the match there.
			a := s.anchored || syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText != 0
			stack = append(stack, state{in.Out, a})
		case syntax.InstRune, syntax.InstRune1:
			if !s.anchored {
				return nil, nil, false // unanchored: a match may start anywhere
			}
			firsts = append(firsts, s.pc)
		default: // InstRuneAny(NotNL), InstMatch (an empty match), InstFail, anything new
			return nil, nil, false
		}
	}
	return prog, firsts, true
}
