package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/slantlab/slant/framing"
)

// CSV files written by CSV, in order.
const (
	ArticlesCSV    = "articles.csv"
	SentencesCSV   = "sentences.csv"
	EvidenceCSV    = "evidence.csv"
	ComparisonsCSV = "comparisons.csv"
	TermsCSV       = "terms.csv"
)

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func boolStr(b bool) string { return strconv.FormatBool(b) }

// CSV writes the data as CSV files with header rows into dir (created if
// needed) and returns their paths:
//
//   - articles.csv: one row per article (id, outlet, group, title, words,
//     sentences, furniture_removed, then every other measure, documented
//     ones first in their documented order, then the metadata columns).
//   - sentences.csv: article, outlet, index, start, end, kind, score,
//     attributed, evaluative, text (index from 0; start and end are byte
//     offsets into the original file), then the metadata columns.
//   - evidence.csv: article, outlet, category, construct, text, start, end,
//     sentence, voice, negated, weight, side, speaker, intensified, then
//     the metadata columns.
//   - comparisons.csv: target, reference, unit, measure, target_value,
//     reference_value, difference, effect, effect_size, ci_low, ci_high,
//     test, p, q, then ratio, n_target, n_reference, measure_unit.
//   - terms.csv: target, reference, kind (word or category), term, z, g2,
//     p, q (categories only), target_count, reference_count.
//
// The metadata columns (see MetaColumns) are published, when any article is
// dated, and every field of the articles' records or manifest (event,
// label, ...), so rows can be grouped without a join; no column appears
// twice. Cells a spreadsheet would run as formulas are neutralised (see
// CSVCell) unless WithRawCells is given.
//
// Rows follow the order of d.Results and d.Comparisons (articles in corpus
// order, sentences and evidence in text order); numbers are written in the
// shortest form that reads back exactly.
func CSV(dir string, d *Data, opts ...CSVOption) ([]string, error) {
	var cfg csvConfig
	for _, o := range opts {
		o(&cfg)
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var paths []string
	for _, f := range []struct {
		name  string
		write func(*CSVWriter, *Data) error
	}{
		{ArticlesCSV, writeArticles}, {SentencesCSV, writeSentences}, {EvidenceCSV, writeEvidence},
		{ComparisonsCSV, writeComparisons}, {TermsCSV, writeTerms},
	} {
		p := filepath.Join(dir, f.name)
		if err := writeCSVFile(p, d, cfg.raw, f.write); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

func writeCSVFile(path string, d *Data, raw bool, write func(*CSVWriter, *Data) error) (err error) {
	fh, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer func() {
		if cerr := fh.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("report: %w", cerr)
		}
	}()
	cw := NewCSVWriter(fh, raw)
	if err := write(cw, d); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	return nil
}

// withMeta appends the metadata columns' names to head, or their cells
// for r to a row.
func withMeta(row []string, meta []MetaColumn, r *framing.Result) []string {
	for _, m := range meta {
		if r == nil {
			row = append(row, m.Name)
		} else {
			row = append(row, m.Value(r))
		}
	}
	return row
}

func writeArticles(cw *CSVWriter, d *Data) error {
	head := []string{"id", "outlet", "group", "title", "words", "sentences", "furniture_removed"}
	fixed := map[string]bool{}
	for _, h := range head {
		fixed[h] = true
	}
	var names []string
	for _, n := range measureNames(d.Profiles) {
		if !fixed[n] { // words and sentences are columns already
			names = append(names, n)
		}
	}
	head = append(head, names...)
	meta := MetaColumns(d.Results, head)
	if err := cw.Write(withMeta(head, meta, nil)); err != nil {
		return err
	}
	by := d.groupBy()
	for _, r := range d.Results {
		row := []string{r.ID, r.Outlet, r.Group(by), r.Title, strconv.Itoa(r.Words), strconv.Itoa(len(r.Sentences)), strconv.Itoa(len(r.Removed))}
		for _, n := range names {
			row = append(row, num(r.Measures[n]))
		}
		if err := cw.Write(withMeta(row, meta, r)); err != nil {
			return err
		}
	}
	return nil
}

func writeSentences(cw *CSVWriter, d *Data) error {
	head := []string{"article", "outlet", "index", "start", "end", "kind", "score", "attributed", "evaluative", "text"}
	meta := MetaColumns(d.Results, head)
	if err := cw.Write(withMeta(head, meta, nil)); err != nil {
		return err
	}
	for _, r := range d.Results {
		for i, s := range r.Sentences {
			text := ""
			if s.Start >= 0 && s.Start <= s.End && s.End <= len(r.Text) {
				text = oneLine(r.Text[s.Start:s.End])
			}
			if err := cw.Write(withMeta([]string{r.ID, r.Outlet, strconv.Itoa(i), strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Kind, num(s.Score),
				boolStr(s.Attributed), boolStr(s.Evaluative), text}, meta, r)); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeEvidence(cw *CSVWriter, d *Data) error {
	head := []string{"article", "outlet", "category", "construct", "text", "start", "end", "sentence", "voice", "negated", "weight", "side", "speaker", "intensified"}
	meta := MetaColumns(d.Results, head)
	if err := cw.Write(withMeta(head, meta, nil)); err != nil {
		return err
	}
	for _, r := range d.Results {
		for _, e := range r.Evidence {
			if err := cw.Write(withMeta([]string{r.ID, r.Outlet, e.Category, e.Construct, e.Text, strconv.Itoa(e.Start), strconv.Itoa(e.End), strconv.Itoa(e.Sentence),
				string(e.Voice), boolStr(e.Negated), num(e.Weight), e.Side, e.Speaker, boolStr(e.Intensified)}, meta, r)); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeComparisons(cw *CSVWriter, d *Data) error {
	if err := cw.Write([]string{"target", "reference", "unit", "measure", "target_value", "reference_value", "difference", "effect", "effect_size",
		"ci_low", "ci_high", "test", "p", "q", "ratio", "n_target", "n_reference", "measure_unit"}); err != nil {
		return err
	}
	for _, c := range d.Comparisons {
		for _, m := range c.Measures {
			if err := cw.Write([]string{c.Target, c.Reference, c.Unit, m.Name, num(m.Target), num(m.Reference), num(m.Difference), m.Effect, num(m.EffectSize),
				num(m.CILow), num(m.CIHigh), m.Test, num(m.P), num(m.Q), num(m.Ratio), strconv.Itoa(m.NTarget), strconv.Itoa(m.NReference), m.Unit}); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeTerms(cw *CSVWriter, d *Data) error {
	if err := cw.Write([]string{"target", "reference", "kind", "term", "z", "g2", "p", "q", "target_count", "reference_count"}); err != nil {
		return err
	}
	for _, c := range d.Comparisons {
		for _, set := range []struct {
			kind  string
			terms []framing.TermComparison
		}{{"word", c.DistinctiveTerms}, {"category", c.Categories}} {
			for _, t := range set.terms {
				q := num(t.Q)
				if set.kind == "word" {
					q = "" // distinctive words carry no q-value
				}
				if err := cw.Write([]string{c.Target, c.Reference, set.kind, t.Term, num(t.Z), num(t.G2), num(t.P), q, num(t.TargetCount), num(t.ReferenceCount)}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
