package evaluate

import (
	"bufio"
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
}

// ReadFile reads labelled items from a JSON Lines file. A malformed line or
// a label other than 0/1 is an error naming the file and line; an item with
// empty text is skipped and listed in the returned skips.
func ReadFile(path string) ([]Item, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads labelled items; name labels errors and skips.
func Read(r io.Reader, name string) ([]Item, []string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var items []Item
	var skips []string
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if it.Label != 0 && it.Label != 1 {
			return nil, nil, fmt.Errorf("%s:%d: label %d is not 0 or 1", name, n, it.Label)
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
