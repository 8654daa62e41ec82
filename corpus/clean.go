package corpus

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RegionKind says what a kept region of an article is.
type RegionKind string

// Kinds of kept region.
const (
	KindTitle     RegionKind = "title"
	KindHeading   RegionKind = "heading"
	KindParagraph RegionKind = "paragraph"
	KindListItem  RegionKind = "list_item"
)

// Region is a kept block of an article: [Start, End) in Article.Text.
type Region struct {
	Start int        `json:"start"`
	End   int        `json:"end"`
	Kind  RegionKind `json:"kind"`
}

// Removal is a region the cleaner excluded, with the reason.
type Removal struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

// Cleaned is an article split into its title, its body blocks and the page
// furniture removed from it. Title, Body and Removed never overlap, and
// every non-blank line of the text is in exactly one of them.
type Cleaned struct {
	Title   *Region   `json:"title,omitempty"`
	Body    []Region  `json:"body"`
	Removed []Removal `json:"removed"`
}

// Cleaner removes page furniture from text copied from the web. The zero
// value works; a Cleaner is safe for concurrent use once built.
//
// It decides line by line (the block structure web copy keeps) from
// structural signals, not from a list of known lines:
//   - phrases that only furniture uses (share, subscribe, comment prompts,
//     "Previous Post", "Editor's Picks", cookie notices), matched as patterns
//     over a whole short line or inside a line with little prose;
//   - shape: length, final punctuation, stop-word density, a truncated teaser
//     ending in "…", a web address or e-mail inside the block;
//   - position: once a furniture block follows the body, later blocks are
//     furniture unless they read as strong body prose with no furniture sign;
//   - repetition: a line repeated inside the document, or seen in many
//     documents of the corpus (see Boilerplate).
type Cleaner struct {
	// Boilerplate, when set, lists lines seen across many documents.
	Boilerplate *Boilerplate
}

type line struct {
	start, end int    // trimmed line
	text       string // trimmed text
	words      int
	stopFrac   float64
	terminal   bool // ends in . ! ? or a closing quote after one
	colonEnd   bool
	ellipsis   bool
	bullet     bool
	furniture  string // reason when a furniture pattern matched
	soft       string // weaker sign (address, furniture vocabulary)
	fold       string // foldLine(text), set by clean for short lines
	lower      string // strings.ToLower(text), once lowered is set
	lowered    bool
	odd        int8 // 1 when the text holds a rune that lowers to ASCII, -1 when not, 0 unknown
}

// oddFold reports whether the line holds one of the two non-ASCII runes
// whose lower case is ASCII (İ U+0130 lowers to "i", the Kelvin sign
// U+212A to "k"; TestCleanFastPaths checks there are no others).
func (l *line) oddFold() bool {
	if l.odd == 0 {
		l.odd = -1
		if strings.Contains(l.text, "\u0130") || strings.Contains(l.text, "\u212A") {
			l.odd = 1
		}
	}
	return l.odd > 0
}

// foldSet finds whether a line holds any of a few lower-case needles, as
// containsAny(strings.ToLower(line), needles) does, without lowering the
// line: one pass over its bytes, comparing ASCII letters case-folded where
// a needle can start. Lowering changes no ASCII run but its letters'
// case, and makes no ASCII out of other bytes but for the runes oddFold
// looks for (then the line is lowered). Measured on BenchmarkCleanAllSides,
// one pass beats lowering into a reused buffer and searching it once per
// needle (bytes.Index restarts at every frequent first byte, t or s).
type foldSet struct {
	needles []string
	first   [256]uint32 // bit k: needle k can start with this byte
	second  [256]uint32 // bit k: needle k's second byte can be this one (every needle has two)
}

func newFoldSet(needles ...string) *foldSet {
	if len(needles) > 32 {
		panic("corpus: more than 32 needles in a foldSet")
	}
	f := &foldSet{needles: needles}
	for k, n := range needles {
		if n == "" || n != strings.ToLower(n) {
			panic("corpus: foldSet needle " + n + " is empty or not lower case")
		}
		if len(n) < 2 {
			panic("corpus: foldSet needle " + n + " is shorter than two bytes")
		}
		for i, t := range []*[256]uint32{&f.first, &f.second} {
			t[n[i]] |= 1 << k
			if 'a' <= n[i] && n[i] <= 'z' {
				t[n[i]-'a'+'A'] |= 1 << k
			}
		}
	}
	return f
}

// in reports whether l holds one of f's needles, ignoring case.
func (f *foldSet) in(l *line) bool {
	if l.oddFold() {
		return containsAny(l.lowerText(), f.needles)
	}
	t := l.text
	// A needle can start at i only if both t[i] and t[i+1] fit it: one
	// rarely taken branch per byte.
	for i := 0; i+1 < len(t); i++ {
		for m := f.first[t[i]] & f.second[t[i+1]]; m != 0; m &= m - 1 {
			if hasPrefixFold(t[i:], f.needles[bits.TrailingZeros32(m)]) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s begins with the lower-case needle n,
// ASCII letters of s compared in lower case.
func hasPrefixFold(s, n string) bool {
	if len(s) < len(n) {
		return false
	}
	for j := 0; j < len(n); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != n[j] {
			return false
		}
	}
	return true
}

// lowerText returns the line in lower case, computed once: several
// patterns' prefilters read it.
func (l *line) lowerText() string {
	if !l.lowered {
		l.lower, l.lowered = strings.ToLower(l.text), true
	}
	return l.lower
}

// Clean splits text into title, body and removed furniture. title, when
// non-empty, is the known headline (from a manifest or a record field): the
// first line matching it is the title.
func (c Cleaner) Clean(text, title string) Cleaned { return c.clean(text, title, "") }

// clean is Clean for an article of outlet ("" when unknown), which the
// per-outlet boilerplate rule needs.
func (c Cleaner) clean(text, title, outlet string) Cleaned {
	lines := splitLines(text)
	out := Cleaned{Body: []Region{}, Removed: []Removal{}}
	if len(lines) == 0 {
		return out
	}
	seen := map[string]int{}
	for i := range lines {
		l := &lines[i]
		analyseLine(l)
		if l.words <= 12 { // only short lines can be "repeated line" furniture
			l.fold = foldLine(l.text)
			seen[l.fold]++
		}
		if c.Boilerplate != nil && l.furniture == "" && !strongBody(l) {
			if r := c.Boilerplate.corpusFurniture(l); r != "" {
				l.furniture = r
			} else if r := c.Boilerplate.outletFurniture(outlet, l); r != "" {
				l.furniture = r
			}
		}
	}
	for i := range lines {
		l := &lines[i]
		if l.furniture == "" && l.words <= 12 && seen[l.fold] > 1 && !strongBody(l) {
			l.furniture = "repeated line"
		}
	}

	// The title: the known headline, else the first line if it reads as one.
	first := 0
	for first < len(lines) && lines[first].furniture != "" {
		first++
	}
	i0 := 0
	if title != "" {
		ft := foldLine(title)
		for i := range lines[:min(len(lines), 6)] {
			if foldEquals(lines[i].text, ft) {
				out.Title = &Region{lines[i].start, lines[i].end, KindTitle}
				i0 = i + 1
				break
			}
		}
	}
	if out.Title == nil && first < len(lines) && looksLikeHeadline(&lines[first]) {
		out.Title = &Region{lines[first].start, lines[first].end, KindTitle}
		i0 = first + 1
	}
	for i := 0; i < i0; i++ {
		l := &lines[i]
		switch {
		case out.Title != nil && l.start == out.Title.Start:
		case l.furniture != "":
			out.Removed = append(out.Removed, Removal{l.start, l.end, l.furniture})
		case strongBody(l):
			// Prose above a known headline is still text: keep it.
			out.Body = append(out.Body, Region{l.start, l.end, KindParagraph})
		default:
			out.Removed = append(out.Removed, Removal{l.start, l.end, "above the headline (kicker, section label or navigation)"})
		}
	}

	inFurniture := false
	for i := i0; i < len(lines); i++ {
		l := &lines[i]
		switch {
		case l.furniture != "":
			out.Removed = append(out.Removed, Removal{l.start, l.end, l.furniture})
			// Past the body's start, one furniture block opens the tail zone;
			// a short in-body marker (a lone "Advertisement") does not.
			if bodyParagraphs(out.Body) > 0 && !(l.words <= 2 && nextIsBody(lines, i)) {
				inFurniture = true
			}
		case inFurniture && !(strongBody(l) && l.soft == ""):
			reason := "after the article body: " + tailReason(l)
			out.Removed = append(out.Removed, Removal{l.start, l.end, reason})
		case l.soft != "" && !strongBody(l):
			out.Removed = append(out.Removed, Removal{l.start, l.end, l.soft})
		default:
			inFurniture = false
			out.Body = append(out.Body, Region{l.start, l.end, blockKind(lines, i)})
		}
	}
	return out
}

func bodyParagraphs(rs []Region) int {
	n := 0
	for _, r := range rs {
		if r.Kind == KindParagraph || r.Kind == KindListItem {
			n++
		}
	}
	return n
}

// nextIsBody reports whether the next non-furniture line after i is strong body prose.
func nextIsBody(lines []line, i int) bool {
	return i+1 < len(lines) && strongBody(&lines[i+1]) && lines[i+1].furniture == ""
}

func tailReason(l *line) string {
	switch {
	case l.soft != "":
		return l.soft
	case l.ellipsis:
		return "truncated teaser"
	case !l.terminal && l.words <= 20:
		return "teaser or label line"
	default:
		return "text in the furniture zone (author box, teaser or prompt)"
	}
}

func blockKind(lines []line, i int) RegionKind {
	l := &lines[i]
	if l.bullet {
		return KindListItem
	}
	if !l.terminal && !l.colonEnd && l.words <= 16 && !strings.HasSuffix(l.text, ",") {
		return KindHeading
	}
	return KindParagraph
}

// strongBody reports whether a line reads as article prose: a sentence of
// some length that ends as sentences do, with ordinary function words.
func strongBody(l *line) bool {
	return l.words >= 12 && l.terminal && !l.ellipsis && l.stopFrac >= 0.2
}

func looksLikeHeadline(l *line) bool {
	return l.words >= 2 && l.words <= 30 && !l.ellipsis && !(l.terminal && strings.HasSuffix(l.text, ".") && l.words > 20)
}

// splitLines returns the non-blank lines of text with trimmed offsets. A
// line that continues a hard-wrapped paragraph (the previous line does not
// end a sentence and this one starts in lower case) is joined to it.
func splitLines(text string) []line {
	var out []line
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		s, e := trimSpan(text, pos, end)
		if s < e {
			if n := len(out); n > 0 && isContinuation(text, &out[n-1], s, e) {
				out[n-1].end = e
				out[n-1].text = text[out[n-1].start:e]
			} else {
				out = append(out, line{start: s, end: e, text: text[s:e]})
			}
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return out
}

func isContinuation(text string, prev *line, s, e int) bool {
	if s-prev.end > 2 { // a blank line in between (\n\n or \r\n\r\n-ish)
		gap := text[prev.end:s]
		if strings.Count(gap, "\n") > 1 {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(text[s:e])
	pt := strings.TrimRight(prev.text, " ")
	last, _ := utf8.DecodeLastRuneInString(pt)
	return unicode.IsLower(r) && (unicode.IsLetter(last) || last == ',' || last == '-') && utf8.RuneCountInString(prev.text) > 50
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		e -= size
	}
	return s, e
}

// foldLine folds a line for comparison: ’ as ', lower case, runs of space
// as one space, trimmed.
func foldLine(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))), " ")
}

// foldASCII is foldLine for an ASCII line, in one pass and one
// allocation (strings.Fields splits on exactly these six bytes in ASCII
// text); ok is false when s has a non-ASCII byte.
func foldASCII(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String(), true
}

// foldEquals reports whether foldLine(s) == f. An ASCII s is compared as
// it is folded, without building the folded copy, so the title search
// stops at the first differing byte of each long paragraph instead of
// folding it whole (one allocation per line).
func foldEquals(s, f string) bool {
	j := 0 // bytes of f matched: what foldASCII would have written so far
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return foldLine(s) == f
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && j > 0 {
			if j >= len(f) || f[j] != ' ' {
				return false
			}
			j++
		}
		space = false
		if j >= len(f) || f[j] != c {
			return false
		}
		j++
	}
	return j == len(f)
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into onto upon
		is are was were be been being am has have had do does did will would shall should can could may might must
		that this these those which who whom whose what when where why how than then there here it its they them
		their he him his she her we us our you your i me my not no nor so such also only just even still yet
		about after before over under between through during against among without within while because since`) {
		m[w] = true
	}
	return m
}()

// maxStopWord is the length of the longest stop word ("between").
const maxStopWord = 7

// stopTable holds the stop words packed into integers (stopKey), by open
// addressing: a word is at most maxStopWord bytes, so its key is one
// machine word and a lookup is a multiply and usually one compare.
const stopTableBits = 9

var stopTable = func() (t [1 << stopTableBits]uint64) {
	for w := range stopWords {
		k, _ := stopKey(w)
		h := stopHash(k)
		for t[h] != 0 {
			h = (h + 1) & (len(t) - 1)
		}
		t[h] = k
	}
	return t
}()

// stopKey packs an ASCII word of at most maxStopWord bytes, lowered, into
// an integer (never 0 for a non-empty word); ok is false for any other.
func stopKey(w string) (k uint64, ok bool) {
	if w == "" || len(w) > maxStopWord {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

func stopHash(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> (64 - stopTableBits)) }

// isStopWord reports stopWords[strings.ToLower(w)] without allocating or
// hashing a string for an ASCII word. A word with a non-ASCII byte takes
// the slow path: lowering can make it ASCII and shorter ("İt" is "it").
func isStopWord(w string) bool {
	k, ok := stopKey(w)
	if !ok {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return stopWords[strings.ToLower(w)]
			}
		}
		return false // empty, or ASCII and longer than any stop word
	}
	for h := stopHash(k); stopTable[h] != 0; h = (h + 1) & (len(stopTable) - 1) {
		if stopTable[h] == k {
			return true
		}
	}
	return false
}

func analyseLine(l *line) {
	t := l.text
	l.words = 0
	// The words (runs of letters, digits, ' ’ and -) are counted as they
	// are split, not collected: every line of every article passes here.
	// ASCII bytes are classified without decoding; any other rune as
	// strings.FieldsFunc would (an invalid byte is U+FFFD, a separator).
	stops := 0
	start := -1
	for i := 0; i < len(t); {
		c, size := t[i], 1
		var inWord bool
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '-'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(t[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u2019'
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			l.words++
			if isStopWord(t[start:i]) {
				stops++
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		l.words++
		if isStopWord(t[start:]) {
			stops++
		}
	}
	if l.words > 0 {
		l.stopFrac = float64(stops) / float64(l.words)
	}
	trimmed := strings.TrimRight(t, "\"'”’)]» ")
	l.ellipsis = strings.HasSuffix(trimmed, "...") || strings.HasSuffix(trimmed, "…")
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	l.terminal = (last == '.' || last == '!' || last == '?') && !l.ellipsis
	l.colonEnd = last == ':'
	first, _ := utf8.DecodeRuneInString(t)
	l.bullet = strings.ContainsRune("•·▪‣◦●–-*", first) && l.words > 0
	l.furniture = furnitureReason(t, l)
	if l.furniture == "" {
		l.soft = softReason(t, l)
	}
}

// furniturePatterns match lines that only page furniture uses. Each must
// match the whole (short) line, so a sentence that merely mentions
// "comments" or "subscribers" is never caught.
//
// need, when set, lists lower-case substrings one of which a line must
// contain for the (unanchored, so costlier) pattern to be tried.
var furniturePatterns = []struct {
	re     anchoredRE
	reason string
	need   *foldSet
}{
	{mustAnchored(`(?i)^(share( this( article| story| post)?)?( on (facebook|twitter|x|linkedin|whatsapp|email))?|tweet|email|print|copy link|click to share.*|share via.*|shares?)[.:!]?$`), "share prompt", nil},
	{mustAnchored(`(?i)^(previous|next|older|newer) (post|article|story)\b.*$`), "post navigation", nil},
	{mustAnchored(`(?i)^(leave|post|add|write|submit) (a|your) (comment|reply|response)\b.*$`), "comment prompt", nil},
	{mustAnchored(`(?i)^(\d+ )?(comments?|responses?|replies|discussion)( \(\d+\))?:?$`), "comment section", nil},
	{mustAnchored(`(?i)^(there are no comments|no comments yet|be the first to (comment|respond|reply)|join the (conversation|discussion)|start the conversation|comments are closed|view comments|show comments|load comments).*$`), "comment prompt", nil},
	{mustAnchored(`(?i)^(editor'?s'? picks?|trending( now| stories| news)?|most (read|popular|viewed|shared)|popular( posts| stories)?|recommended( for you| stories)?|you (may|might) also like|related( articles| stories| posts| news| coverage| content)?|read (next|more|also)|more (from|stories|news|on this story|like this)\b.*|more|latest( news| stories| posts)?|top stories|see also|don'?t miss|further reading|in case you missed it|around the web|sponsored( content| stories)?|advertisement|ad|promoted)[.:]?$`), "teaser or recommendation label", nil},
	{mustAnchored(`(?i)^(read more|read also|also read|related|see also|watch|listen|recommended|more)\s*[:|»>-]\s*\S.*$`), "teaser link", nil},
	{mustAnchored(`(?i)^(subscribe|sign up|sign in|log in|register|join|get access|become a (member|subscriber)|support (us|our journalism)|donate)\b.{0,100}$`), "subscription or sign-in prompt", nil},
	{mustAnchored(`(?i)^(show|give) your support\b.*$|\bif you (like|enjoyed|value) (our|this) (work|article|journalism)\b`), "support nag", newFoldSet("support", "if you")},
	{mustAnchored(`(?i)^(discover|get) more from\b.*$|^continue reading\.?$|^keep reading\.?$|^read (the )?full (story|article)\.?$`), "subscription or continue prompt", nil},
	{mustAnchored(`(?i)^(about the )?(author|authors|writer|contributor)s?:?$|^(written|posted|published|reported) by\b.{0,80}$|^by [A-Z][\p{L}.'’-]+( [A-Z][\p{L}.'’-]+){0,3}$`), "author box", nil},
	{mustAnchored(`(?i)^read (all )?(articles|stories|posts) (by|from)\b.*$|\bfollow us on\b|^follow\b.{0,60}$`), "follow prompt", newFoldSet("read", "follow")},
	{mustAnchored(`(?i)\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|cookie (policy|settings|preferences)|privacy policy|terms of (use|service))\b`), "cookie or legal notice", newFoldSet("cookie", "privacy", "terms of")},
	{mustAnchored(`(?i)^(scroll to top|back to top|skip to (main )?content|menu|home|search|close|toggle navigation|open menu)\.?$`), "navigation", nil},
	{mustAnchored(`(?i)^(©|\(c\)|copyright)\b.*$|\ball rights reserved\b`), "copyright notice", newFoldSet("©", "(c)", "copyright", "rights reserved")},
	{mustAnchored(`(?i)^(tags?|topics?|filed under|categories|category)\s*:.*$`), "tag list", nil},
	{mustAnchored(`(?i)^(newsletter|sign up for (our|the) newsletter|get (the|our) newsletter|enter your e-?mail( address)?).*$`), "newsletter nag", nil},
	{mustAnchored(`(?i)^(photo|image|video|credit|source|getty images|ap photo|reuters photo)\s*[:/].{0,120}$`), "media credit", nil},
}

// mediaPatterns match the leftovers of photo galleries and video players
// that web copy flattens into the text (measured on the AllSides sample:
// 2,359 "Hide Caption N of M" in 99 lines of CNN and NPR articles, 1,023
// "JUST WATCHED ... Replay" lines). A gallery line can be thousands of
// bytes long, so these run before the length guards of furnitureReason;
// need keeps them cheap.
var mediaPatterns = []struct {
	re     *regexp.Regexp
	reason string
	need   string
}{
	{regexp.MustCompile(`Hide Caption \d+ of \d+`), "photo gallery captions (Hide Caption N of M)", "Hide Caption"},
	{regexp.MustCompile(`^JUST WATCHED\b.{0,400}?\bReplay\b`), "video player (JUST WATCHED ... Replay ... MUST WATCH)", "JUST WATCHED"},
}

// creditPatterns match short caption-control and photo-credit lines.
var creditPatterns = []anchoredRE{
	mustAnchored(`(?i)^(enlarge this image\s+)?toggle caption\b.{0,200}$`),
	mustAnchored(`(?i)^(hide|show|expand|close) caption$|^(replay|replay video|watch again)$|^(prev|previous|next) image \d+ of \d+$|^slideshow \(\d+ images?\)$`),
	mustAnchored(`(?i)^image (copyright|caption|source)\b.{0,100}$`),
	mustAnchored(`(?i)^\(([\p{L}. '’-]{1,60}/)*(ap|afp|reuters|getty images|pixabay|epa|shutterstock|ap photo|afp via getty images|bloomberg)\)$`),
}

// creditWords prefilter creditPatterns (with a parenthesised line).
var creditWords = newFoldSet("caption", "replay", "watch again", "image", "slideshow")

func mediaReason(t string, l *line) string {
	for _, p := range mediaPatterns {
		if strings.Contains(t, p.need) && p.re.MatchString(t) {
			return p.reason
		}
	}
	if l.words <= 40 && len(t) <= 300 && (creditWords.in(l) || (t[0] == '(' && t[len(t)-1] == ')')) {
		for _, re := range creditPatterns {
			if re.MatchString(t) {
				return "photo caption control or credit"
			}
		}
	}
	return ""
}

func furnitureReason(t string, l *line) string {
	if r := mediaReason(t, l); r != "" {
		return r
	}
	if l.words > 25 && strongBody(l) {
		return "" // a long prose paragraph is never furniture by pattern alone
	}
	if len(t) > maxPatternLine || l.words > 40 {
		return "" // furniture lines are short; a long run-on line is not one
	}
	for _, p := range furniturePatterns {
		if p.need != nil && !p.need.in(l) {
			continue
		}
		if p.re.MatchString(t) {
			return p.reason
		}
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// furnitureWords prefilter furnitureRE.
var furnitureWords = newFoldSet("byline", "subscribe", "newsletter", "comment section", "journalism", "this site", "this website", "this blog")

var (
	addressRE   = regexp.MustCompile(`(?i)\b(https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[a-z]{2,}\b|\b[\w-]+\.(com|org|net|co\.uk|info|news|io)\b`)
	furnitureRE = regexp.MustCompile(`(?i)\b(this byline|under (this|the) byline|subscribe (now|today|to (our|the) newsletter)|our newsletter|unsubscribe|comment section|support (our|independent) journalism|this (site|website|blog))\b`)
)

// maxPatternLine bounds the lines furniture patterns run on: every furniture
// block seen is far shorter, and the regular expressions would otherwise
// dominate the cost of cleaning corpora whose articles are one long line.
const maxPatternLine = 1200

// mayHaveAddress is a cheap prefilter for addressRE: t holds "@", "://",
// "www." or a dot followed by com, org, net, co., info, news or io. The
// dots are visited once, not searched for once per ending.
func mayHaveAddress(t string) bool {
	if strings.IndexByte(t, '@') >= 0 || strings.Contains(t, "://") {
		return true
	}
	for i := 0; ; {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			return false
		}
		i += k
		if i >= 3 && t[i-3:i] == "www" {
			return true
		}
		i++
		if rest := t[i:]; strings.HasPrefix(rest, "com") || strings.HasPrefix(rest, "org") || strings.HasPrefix(rest, "net") ||
			strings.HasPrefix(rest, "co.") || strings.HasPrefix(rest, "info") || strings.HasPrefix(rest, "news") || strings.HasPrefix(rest, "io") {
			return true
		}
	}
}

// softReason returns a weaker sign of furniture: enough to remove a line in
// the tail zone or a line that is not prose, never a strong body paragraph
// on its own.
func softReason(t string, l *line) string {
	if len(t) > maxPatternLine {
		return ""
	}
	if mayHaveAddress(t) && addressRE.MatchString(t) {
		return "web or e-mail address (site or author box)"
	}
	if l.words <= 80 && furnitureWords.in(l) && furnitureRE.MatchString(t) {
		return "site vocabulary (author box or prompt)"
	}
	if l.ellipsis && l.words <= 40 {
		return "truncated teaser"
	}
	return ""
}

// CleanArticle cleans a's text using its known title, and fills a.Title from
// the detected headline when the article had none.
func (c Cleaner) CleanArticle(a *Article) Cleaned {
	cl := c.clean(a.Text, a.Title, a.Outlet)
	if a.Title == "" && cl.Title != nil {
		a.Title = a.Text[cl.Title.Start:cl.Title.End]
	}
	return cl
}
