package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
)

const svgNS = "http://www.w3.org/2000/svg"

// svgElements are the elements a chart may contain: what gonum's vgsvg
// backend writes for paths and text. Images, links, scripts, styles,
// foreignObject and the rest are refused.
var svgElements = map[string]bool{"svg": true, "g": true, "path": true, "text": true}

// svgAttrs are the attributes kept, by name. Anything else (event handlers,
// href, xlink:href, style sheets by reference) is refused.
var svgAttrs = map[string]bool{"viewBox": true, "transform": true, "d": true, "style": true, "x": true, "y": true, "width": true, "height": true}

// safeValue reports whether an attribute value is plain geometry or a
// plain style: letters, digits, spaces and the punctuation of numbers,
// paths, transforms, colours and font names. No quotes, angle brackets,
// ampersands, backslashes or url(...) references.
func safeValue(v string) bool {
	for _, r := range v {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune(" \t\n#:;.,()%+-_", r):
		default:
			return false
		}
	}
	l := strings.ToLower(v)
	return !strings.Contains(l, "url(") && !strings.Contains(l, "expression(") && !strings.Contains(l, "script")
}

var errUnsafeSVG = errors.New("report: chart SVG is outside the allowlist")

// sanitizeSVG parses an SVG document written by vgsvg and writes it again
// with only allowlisted elements and attributes. Every attribute value must
// pass safeValue, every text node is escaped with html.EscapeString, and
// comments, processing instructions and directives are dropped. The root
// loses its fixed width and height (the page's CSS sizes it) and gets
// role="img" and aria-label. It fails (and nothing is inserted) on anything
// it does not know, so article text inside a chart can only ever be text.
func sanitizeSVG(raw []byte, label string) (template.HTML, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	dec.Strict = true
	var out strings.Builder
	var stack []string
	root := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: %v", errUnsafeSVG, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != svgNS || !svgElements[t.Name.Local] {
				return "", fmt.Errorf("%w: element %s:%s", errUnsafeSVG, t.Name.Space, t.Name.Local)
			}
			if root != (t.Name.Local == "svg") || (!root && len(stack) == 0) {
				return "", fmt.Errorf("%w: <svg> must be the single root", errUnsafeSVG)
			}
			out.WriteString("<" + t.Name.Local)
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue // namespace declarations: written again below
				}
				if a.Name.Space != "" || !svgAttrs[a.Name.Local] {
					return "", fmt.Errorf("%w: attribute %s:%s on <%s>", errUnsafeSVG, a.Name.Space, a.Name.Local, t.Name.Local)
				}
				if !safeValue(a.Value) {
					return "", fmt.Errorf("%w: value %q of %s on <%s>", errUnsafeSVG, a.Value, a.Name.Local, t.Name.Local)
				}
				if root && (a.Name.Local == "width" || a.Name.Local == "height") {
					continue
				}
				out.WriteString(" " + a.Name.Local + `="` + html.EscapeString(a.Value) + `"`)
			}
			if root {
				out.WriteString(` xmlns="` + svgNS + `" role="img" aria-label="` + html.EscapeString(label) + `"`)
				root = false
			}
			out.WriteString(">")
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != t.Name.Local {
				return "", fmt.Errorf("%w: unbalanced </%s>", errUnsafeSVG, t.Name.Local)
			}
			stack = stack[:len(stack)-1]
			out.WriteString("</" + t.Name.Local + ">")
			if len(stack) == 0 || t.Name.Local != "text" {
				out.WriteString("\n")
			}
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return "", fmt.Errorf("%w: text outside the root", errUnsafeSVG)
				}
				continue
			}
			if stack[len(stack)-1] != "text" {
				if len(bytes.TrimSpace(t)) > 0 {
					return "", fmt.Errorf("%w: text inside <%s>", errUnsafeSVG, stack[len(stack)-1])
				}
				continue // layout whitespace
			}
			out.WriteString(html.EscapeString(string(t)))
		case xml.Comment, xml.ProcInst, xml.Directive:
			// dropped
		}
	}
	if root || len(stack) != 0 {
		return "", fmt.Errorf("%w: no complete <svg> element", errUnsafeSVG)
	}
	return template.HTML(out.String()), nil
}
