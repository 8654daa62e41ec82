package corpus

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// checkUnquote asserts that unquoteSimple, when it accepts a JSON value,
// decodes it exactly as encoding/json does, and that it declines what is
// not a plain JSON string.
func checkUnquote(t *testing.T, raw []byte) {
	t.Helper()
	got, ok := unquoteSimple(raw)
	var want string
	err := json.Unmarshal(raw, &want)
	if !ok {
		return
	}
	if err != nil {
		t.Fatalf("unquoteSimple(%q) accepted a value json.Unmarshal refuses: %v", raw, err)
	}
	if got != want {
		t.Fatalf("unquoteSimple(%q) = %q, json.Unmarshal gives %q", raw, got, want)
	}
}

func TestUnquoteSimple(t *testing.T) {
	accepted := []struct{ raw, want string }{
		{`""`, ""},
		{`"plain text, no escapes"`, "plain text, no escapes"},
		{`"Why People \"Fly from Facts\""`, `Why People "Fly from Facts"`},
		{`"line one\n\nline two\tand a tab\r"`, "line one\n\nline two\tand a tab\r"},
		{`"a \\ backslash, a \/ slash, \b and \f"`, "a \\ backslash, a / slash, \b and \f"},
		{`"“curly” quotes — and a dash"`, "“curly” quotes — and a dash"},
		{`"\\"`, `\`},
		{`"ends with an escape\n"`, "ends with an escape\n"},
	}
	for _, c := range accepted {
		got, ok := unquoteSimple([]byte(c.raw))
		if !ok || got != c.want {
			t.Errorf("unquoteSimple(%s) = %q, %v; want %q, true", c.raw, got, ok, c.want)
		}
		checkUnquote(t, []byte(c.raw))
	}
	// \u escapes (surrogate pairs, lone surrogates turned into U+FFFD) and
	// values that are not strings are left to json.Unmarshal.
	declined := []string{`"caf\u00e9"`, `"\ud83d\ude00"`, `"\ud800 lone"`, `12345678901234567890`, `true`, `null`, `{"a":"b"}`, `["x"]`, `"`, ``}
	for _, raw := range declined {
		if got, ok := unquoteSimple([]byte(raw)); ok {
			t.Errorf("unquoteSimple(%s) = %q, true; want it declined", raw, got)
		}
	}
}

func FuzzUnquoteSimple(f *testing.F) {
	for _, s := range []string{`"a\"b"`, `"\n\\\/"`, `"\u0041"`, `"x\\"`, `"“”"`, `7`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		// parseJSONLine calls it only on valid JSON values with valid UTF-8.
		if !json.Valid(raw) || !utf8.Valid(raw) {
			return
		}
		checkUnquote(t, raw)
	})
}
