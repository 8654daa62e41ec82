package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/slantlab/slant/audit"
	"github.com/slantlab/slant/framing"
)

// TestAuditRender renders a hand-made audit with hostile corpus strings:
// Markdown markup is escaped, terminal controls are shown as escapes, and
// every format is byte-identical run to run.
func TestAuditRender(t *testing.T) {
	rep := &audit.Report{Lexicons: "0123456789abcdef", Articles: 2, Outlets: 1, Categories: []audit.Category{{
		ID: "loaded.pejorative", Construct: "loaded_language", Hits: 2, Reporter: 1, Terms: 1, Articles: 2, OutletN: 1,
		Top: []audit.Term{{Term: "regime", Hits: 2, Reporter: 1, Articles: 2, Outlets: 1, TopOutlet: "The *Daily* | Wire", TopOutletShare: 1,
			Samples: []audit.Context{{Outlet: "The *Daily* | Wire", ID: "a\x1b[31m", Start: 4, End: 10, Voice: framing.Reporter, Left: "the <b> ", Match: "regime", Right: " fell"}}}},
		ByOutlet: []audit.Outlet{{Outlet: "The *Daily* | Wire", Hits: 2, Terms: []audit.Term{{Term: "regime", Hits: 2}}}},
	}}}
	out := map[string]string{}
	for _, f := range AuditFormats {
		var a, b bytes.Buffer
		if err := Audit(&a, rep, f); err != nil {
			t.Fatal(err)
		}
		if err := Audit(&b, rep, f); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s output differs run to run", f)
		}
		out[f] = a.String()
	}
	if md := out[AuditMarkdown]; !strings.Contains(md, `The \*Daily\* \| Wire`) || !strings.Contains(md, "the &lt;b&gt; **regime** fell") || strings.Contains(md, "\x1b") {
		t.Errorf("markdown not escaped:\n%s", md)
	}
	if txt := out[AuditText]; strings.Contains(txt, "\x1b") || !strings.Contains(txt, `a\x1b[31m`) || !strings.Contains(txt, "the <b> [regime] fell") {
		t.Errorf("text not terminal-safe:\n%s", txt)
	}
	if err := Audit(&bytes.Buffer{}, rep, "yaml"); err == nil {
		t.Error("unknown format accepted")
	}
}
