package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Item is one labelled sentence (or short passage).
type Item struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	Label       int      `json:"label"` // 1 biased, 0 not
	BiasedWords []string `json:"biased_words"`
	// Outlet is the item's source, when the data names one; AUC within
	// outlets needs it.
	Outlet string `json:"outlet"`
}

// ReadOptions name the fields of a labelled JSON Lines file. The zero value
// reads the BABE schema: "id", "text", "label", "biased_words", "outlet".
type ReadOptions struct {
	// LabelField holds the label: 0/1, true/false, or those as strings.
	LabelField string
	// TextField holds the sentence; IDField its identifier (default: the
	// file name and line); OutletField its source.
	TextField, IDField, OutletField string
}

func (o ReadOptions) withDefaults() ReadOptions {
	if o.LabelField == "" {
		o.LabelField = "label"
	}
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	if o.OutletField == "" {
		o.OutletField = "outlet"
	}
	return o
}

// ReadFile reads labelled items from a JSON Lines file in the BABE schema.
// A malformed line or a label other than 0/1 is an error naming the file and
// line; an item with empty text is skipped and listed in the returned skips.
func ReadFile(path string) ([]Item, []string, error) {
	return ReadFileWith(path, ReadOptions{})
}

// ReadFileWith reads labelled items with the fields opt names.
func ReadFileWith(path string, opt ReadOptions) ([]Item, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	return ReadWith(f, path, opt)
}

// Read reads labelled items in the BABE schema; name labels errors and skips.
func Read(r io.Reader, name string) ([]Item, []string, error) {
	return ReadWith(r, name, ReadOptions{})
}

// ReadWith reads labelled items with the fields opt names; name labels
// errors and skips. A line without the label field is an error.
func ReadWith(r io.Reader, name string, opt ReadOptions) ([]Item, []string, error) {
	opt = opt.withDefaults()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var items []Item
	var skips []string
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(line, &raw); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		var it Item
		lab, ok := raw[opt.LabelField]
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: no %q field", name, n, opt.LabelField)
		}
		l, err := parseLabel(lab)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: field %q: %w", name, n, opt.LabelField, err)
		}
		it.Label = l
		it.Text = stringField(raw[opt.TextField])
		it.ID = stringField(raw[opt.IDField])
		it.Outlet = stringField(raw[opt.OutletField])
		if bw, ok := raw["biased_words"]; ok && string(bw) != "null" {
			if err := json.Unmarshal(bw, &it.BiasedWords); err != nil {
				return nil, nil, fmt.Errorf("%s:%d: biased_words: %w", name, n, err)
			}
		}
		if it.ID == "" {
			it.ID = fmt.Sprintf("%s:%d", name, n)
		}
		if strings.TrimSpace(it.Text) == "" {
			skips = append(skips, fmt.Sprintf("%s:%d: skipped: empty text", name, n))
			continue
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(items) == 0 {
		return nil, skips, errors.New(name + ": no labelled items")
	}
	return items, skips, nil
}

// parseLabel reads 0/1, true/false, or either as a string.
func parseLabel(raw json.RawMessage) (int, error) {
	s := strings.TrimSpace(string(raw))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, err
		}
		s = strings.ToLower(strings.TrimSpace(s))
	}
	switch s {
	case "1", "true", "1.0":
		return 1, nil
	case "0", "false", "0.0":
		return 0, nil
	}
	return 0, fmt.Errorf("label %s is not 0 or 1", s)
}

// stringField reads a JSON string or number as text; anything else is "".
func stringField(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var f json.Number
	if json.Unmarshal(raw, &f) == nil {
		return f.String()
	}
	return ""
}
