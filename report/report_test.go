package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/slantlab/slant/corpus"
	"github.com/slantlab/slant/framing"
	"github.com/slantlab/slant/seeds"
)

func render(t testing.TB, d *Data) (html, md []byte) {
	t.Helper()
	var h, m bytes.Buffer
	if err := HTML(&h, d); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&m, d); err != nil {
		t.Fatal(err)
	}
	return h.Bytes(), m.Bytes()
}

// figure returns the <figure> of a chart.
func figure(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `<figure class="chart" id="`+id+`">`)
	if i < 0 {
		t.Fatalf("no figure %s", id)
	}
	j := strings.Index(page[i:], "</figure>")
	return page[i : i+j]
}

func TestSeedsHTML(t *testing.T) {
	d := mustSeedData(t)
	h, _ := render(t, d)
	page := string(h)
	text := html.UnescapeString(page)
	for _, s := range []string{
		"<h3>The Eastern Herald vs AP</h3>", // the main comparison, first and open
		"1 vs 1 articles: fewer than 5 on a side",
		`<section id="methods">`,
		d.Lexicons.Fingerprint(),
		"EI = (U + min(1, L/20) + min(1, M/10) + s̄) / 4", // a measure's formula
		"Cliff's δ", "Fisher's exact test", "Benjamini–Hochberg",
		"Bootstrap: 500 resamples, seed 1",
		"slant test",
		"CC-BY-4.0",
		`Content-Security-Policy`,
	} {
		if !strings.Contains(text, s) {
			t.Errorf("HTML lacks %q", s)
		}
	}
	for _, id := range []string{"chart-measures", "chart-frames", "chart-sides", "chart-strip", "chart-terms"} {
		if f := figure(t, page, id); strings.Count(f, "<svg") != 1 || !strings.Contains(f, "</svg>") {
			t.Errorf("figure %s has no inline SVG chart", id)
		}
	}
	// "double standards" is highlighted as loaded language in the
	// reporter's voice, with its category, voice and weight in the title.
	re := regexp.MustCompile(`<mark class="m-loaded v-reporter" title="loaded\.moral_condemnation \(loaded_language\) · reporter&#39;s voice · weight 0\.90[^"]*">double standards</mark>`)
	if !re.MatchString(page) {
		t.Error("HTML lacks the highlighted \"double standards\" evidence")
	}
	if !strings.Contains(page, `<td class="k">double standards</td>`) {
		t.Error("the concordance lacks \"double standards\"")
	}
	// Self-contained: nothing is loaded from elsewhere.
	for _, s := range []string{"<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http://", "https://"} {
		if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), s) {
			if s == "http://" || s == "https://" {
				// Lexicon references may cite web pages: as text only.
				if strings.Contains(page, `href="http`) {
					t.Errorf("HTML links out")
				}
				continue
			}
			t.Errorf("HTML contains %q", s)
		}
	}
}

func TestSeedsMarkdown(t *testing.T) {
	d := mustSeedData(t)
	_, m := render(t, d)
	page := string(m)
	for _, s := range []string{
		"## Comparisons with AP", "### The Eastern Herald vs AP", "**double standards**",
		"| measure | family | unit | The Eastern Herald | AP | medians |", "**Design:** sentences of 1 vs 1 articles",
		"#### Lexicon categories higher in AP", "#### Distinctive content words higher in The Eastern Herald", "| loaded\\_rate | primary |", "### Figure 5. Distinctive words: The Eastern Herald vs AP",
		d.Lexicons.Fingerprint(), "## Methods", "| editorializing\\_index | score |",
	} {
		if !strings.Contains(page, s) {
			t.Errorf("Markdown lacks %q", s)
		}
	}
	if strings.Index(page, "### The Eastern Herald vs AP") > strings.Index(page, "### Insight News Media vs AP") {
		t.Error("the main comparison is not first")
	}
}

// TestDeterminism analyses the seeds and renders every output at
// GOMAXPROCS 1 and 2, twice each: all bytes must be equal.
func TestDeterminism(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first map[string][]byte
	for _, procs := range []int{1, 2, 1, 2} {
		runtime.GOMAXPROCS(procs)
		an, err := framing.NewAnalyzer(framing.WithoutPOS())
		if err != nil {
			t.Fatal(err)
		}
		d, err := dataFor(an, seeds.Corpus(context.Background()), seeds.AP)
		if err != nil {
			t.Fatal(err)
		}
		h, m := render(t, d)
		got := map[string][]byte{"report.html": h, "report.md": m}
		dir := t.TempDir()
		paths, err := CSV(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got[filepath.Base(p)] = b
		}
		if first == nil {
			first = got
			continue
		}
		for k, b := range got {
			if !bytes.Equal(b, first[k]) {
				t.Errorf("GOMAXPROCS %d: %s differs from the first rendering", procs, k)
			}
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestCSV(t *testing.T) {
	d := mustSeedData(t)
	dir := t.TempDir()
	paths, err := CSV(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 5 {
		t.Fatalf("paths %v", paths)
	}
	heads := map[string]string{
		// The seeds' manifest gives published, byline, date_in_text and
		// style: every per-article export carries them (issue 17 item 14).
		SentencesCSV:   "article,outlet,index,start,end,kind,score,attributed,evaluative,text,published,byline,date_in_text,style",
		EvidenceCSV:    "article,outlet,category,construct,text,start,end,sentence,voice,negated,weight,side,speaker,intensified,published,byline,date_in_text,style",
		ComparisonsCSV: "target,reference,unit,measure,target_value,reference_value,difference,effect,effect_size,ci_low,ci_high,test,p,q,ratio,n_target,n_reference,measure_unit",
		TermsCSV:       "target,reference,kind,term,z,g2,p,q,target_count,reference_count",
	}
	for name, head := range heads {
		rows := readCSV(t, filepath.Join(dir, name))
		if got := strings.Join(rows[0], ","); got != head {
			t.Errorf("%s header %q, want %q", name, got, head)
		}
	}
	arts := readCSV(t, filepath.Join(dir, ArticlesCSV))
	if len(arts) != 1+len(d.Results) || strings.Join(arts[0][:7], ",") != "id,outlet,group,title,words,sentences,furniture_removed" {
		t.Fatalf("articles.csv: %d rows, header %v", len(arts), arts[0])
	}
	col := map[string]int{}
	for i, h := range arts[0] {
		col[h] = i
	}
	for _, m := range framing.Measures {
		if _, ok := col[m.Name]; !ok {
			t.Errorf("articles.csv has no column %s", m.Name)
		}
	}
	if len(col) != len(arts[0]) {
		t.Errorf("articles.csv repeats a column: %v", arts[0])
	}
	for _, m := range []string{"published", "byline", "date_in_text", "style"} {
		if _, ok := col[m]; !ok {
			t.Errorf("articles.csv has no metadata column %s", m)
		}
	}
	if arts[1][1] != seeds.EasternHerald || arts[1][col["loaded_rate"]] != "7.819905" {
		t.Errorf("articles.csv row 1: %v … loaded_rate %s", arts[1][:3], arts[1][col["loaded_rate"]])
	}
	// Every evidence row points at its text in the original article.
	texts := map[string]string{}
	nEv, nSent, nCmp := 0, 0, 0
	for _, r := range d.Results {
		texts[r.ID] = r.Text
		nEv += len(r.Evidence)
		nSent += len(r.Sentences)
	}
	for _, c := range d.Comparisons {
		nCmp += len(c.Measures)
	}
	ev := readCSV(t, filepath.Join(dir, EvidenceCSV))
	for _, row := range ev[1:] {
		start, err1 := strconv.Atoi(row[5])
		end, err2 := strconv.Atoi(row[6])
		if err1 != nil || err2 != nil {
			t.Fatal(row, err1, err2)
		}
		if texts[row[0]][start:end] != row[4] {
			t.Fatalf("evidence %v: text[%d:%d] = %q", row, start, end, texts[row[0]][start:end])
		}
	}
	if len(ev)-1 != nEv || len(readCSV(t, filepath.Join(dir, SentencesCSV)))-1 != nSent || len(readCSV(t, filepath.Join(dir, ComparisonsCSV)))-1 != nCmp {
		t.Errorf("row counts: evidence %d/%d", len(ev)-1, nEv)
	}
}

// TestSegmentsCoverSentences checks that the highlighted pieces of every
// sentence put back together are the sentence, and that each highlighted
// evidence span lies inside marked pieces.
func TestSegmentsCoverSentences(t *testing.T) {
	d := mustSeedData(t)
	arts, _ := articles(d)
	for ai, a := range arts {
		r := d.Results[ai]
		for si, s := range a.Sentences {
			rs := r.Sentences[s.Index-1]
			var b strings.Builder
			pos := rs.Start
			marked := map[int]bool{}
			for _, g := range s.Segments {
				if g.Mark {
					for k := pos; k < pos+len(g.Text); k++ {
						marked[k] = true
					}
				}
				b.WriteString(g.Text)
				pos += len(g.Text)
			}
			if b.String() != r.Text[rs.Start:rs.End] {
				t.Fatalf("article %d sentence %d: segments do not rebuild the sentence", ai, si)
			}
			for _, e := range r.Evidence {
				if _, ok := familyOf[e.Construct]; !ok || e.Sentence != s.Index-1 {
					continue
				}
				for k := e.Start; k < e.End; k++ {
					if !marked[k] {
						t.Fatalf("article %d: evidence %q at %d:%d is not highlighted", ai, e.Text, e.Start, e.End)
					}
				}
			}
		}
	}
}

func TestMaxArticlesAndSingleSource(t *testing.T) {
	d := *mustSeedData(t)
	d.MaxArticles = 2
	h, m := render(t, &d)
	if n := strings.Count(string(h), `<article class="art"`); n != 2 {
		t.Errorf("%d articles shown, want 2", n)
	}
	if !strings.Contains(string(h), "3 more articles are not shown") || !strings.Contains(string(m), "3 more articles are not shown") {
		t.Error("no note about the articles left out")
	}

	// One source, no comparison: the report still renders and says so.
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	one := d
	ps := framing.NewProfiles("outlet", an.Fingerprint())
	if err := ps.Add(d.Results[0]); err != nil {
		t.Fatal(err)
	}
	one.Results, one.Profiles, one.Comparisons, one.MaxArticles = d.Results[:1], ps, nil, 0
	h, m = render(t, &one)
	if !strings.Contains(string(h), "No comparisons") || !strings.Contains(string(m), "No comparisons") {
		t.Error("single-source report does not say it has no comparison")
	}
	if strings.Count(string(h), "<svg") != 4 {
		t.Errorf("single-source report has %d charts, want 4 (no distinctive words)", strings.Count(string(h), "<svg"))
	}
}

func TestMissingData(t *testing.T) {
	var buf bytes.Buffer
	for _, d := range []*Data{nil, {}, {Profiles: framing.NewProfiles("", "")}} {
		if HTML(&buf, d) == nil || Markdown(&buf, d) == nil {
			t.Errorf("%+v: no error", d)
		}
		if _, err := CSV(t.TempDir(), d); err == nil {
			t.Errorf("CSV %+v: no error", d)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	d := mustSeedData(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := HTML(&bytes.Buffer{}, d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestArticleUnit builds two sources of six articles each (windows of the
// seed paragraphs), so that comparisons use articles as the unit and every
// profile has intervals.
func TestArticleUnit(t *testing.T) {
	an, err := framing.NewAnalyzer(framing.WithoutPOS())
	if err != nil {
		t.Fatal(err)
	}
	var arts []*corpus.Article
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if a.Outlet != seeds.EasternHerald && a.Outlet != seeds.AP {
			continue
		}
		var paras []string
		for _, p := range strings.Split(a.Text, "\n") {
			if len(strings.Fields(p)) > 12 {
				paras = append(paras, p)
			}
		}
		for i := range 6 {
			arts = append(arts, &corpus.Article{ID: a.Outlet + "-" + strconv.Itoa(i), Outlet: a.Outlet, Title: a.Title,
				Text: a.Title + "\n\n" + strings.Join(paras[i:i+4], "\n\n")})
		}
	}
	seq := func(yield func(*corpus.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
	d, err := dataFor(an, seq, seeds.AP)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Comparisons) != 1 || d.Comparisons[0].Unit != "article" {
		t.Fatalf("comparisons %+v", d.Comparisons)
	}
	h, m := render(t, d)
	page := string(h)
	if !strings.Contains(page, "<th>unit</th>") || !strings.Contains(page, "<td>per_1k_words</td>") {
		t.Error("article-unit comparison lacks its unit column")
	}
	// Six articles per source: every profile cell has an interval.
	if n := strings.Count(page, `<span class="ci">[`); n < 2*8 {
		t.Errorf("%d intervals in the profile table, want 16", n)
	}
	if !strings.Contains(string(m), "| The Eastern Herald | 6 |") {
		t.Error("Markdown profile table lacks the six Eastern Herald articles")
	}
}
