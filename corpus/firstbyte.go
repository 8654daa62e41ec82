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
}

const utf8RuneSelf = 0x80

func mustAnchored(expr string) anchoredRE {
	a := anchoredRE{re: regexp.MustCompile(expr)}
	a.first = firstBytes(expr)
	return a
}

// MatchString reports whether t matches, trying the expression only when
// t's first byte allows it. A non-ASCII first byte always tries it (case
// folding can map one to an ASCII letter: the Kelvin sign to "k").
func (a anchoredRE) MatchString(t string) bool {
	if t != "" && t[0] < utf8RuneSelf && !a.first[t[0]] {
		return false
	}
	return a.re.MatchString(t)
}

// firstBytes returns the ASCII bytes a match of expr can start with. It
// over-approximates: any doubt (an alternative not anchored with ^, a
// possible empty match) allows every byte, so the filter never changes a
// result.
func firstBytes(expr string) (set [utf8RuneSelf]bool) {
	all := func() [utf8RuneSelf]bool {
		for b := range set {
			set[b] = true
		}
		return set
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return all()
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return all()
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
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			return all()
		case syntax.InstRune, syntax.InstRune1:
			if !s.anchored {
				return all() // unanchored: a match may start anywhere
			}
			for b := range set {
				if in.MatchRune(rune(b)) {
					set[b] = true
				}
			}
		default: // InstMatch (an empty match), InstFail, anything new
			return all()
		}
	}
	return set
}
