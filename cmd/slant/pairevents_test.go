package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slantlab/slant/seeds"
)

// handEvents are dated articles on two events other than the seeds' Paris
// summit, each covered twice (a first report and a follow-up) by AP and The
// Eastern Herald in their own words: with the seeds, five articles a side,
// the fewest a paired design compares (framing.CompareOptions.MinDocuments).
var handEvents = []struct {
	id, outlet, event, published, title, text string
}{
	{"flood-ap", seeds.AP, "e2-flood", "2025-10-03", "Floods force thousands from homes along the Danube",
		"Floodwaters on the Danube forced about 12,000 people from their homes in Hungary and Slovakia on Friday, officials said. " +
			"The river rose to 8.9 metres in Budapest, close to the 2013 record, and rescue crews evacuated villages north of the capital. " +
			"Hungary's disaster agency said two people had died in the floods. Engineers reinforced dams with sandbags overnight. " +
			"The European Union offered emergency aid to the flooded regions along the Danube."},
	{"flood-eh", seeds.EasternHerald, "e2-flood", "2025-10-04", "Danube floods expose Brussels' shameful neglect",
		"The Danube floods have laid bare the shameful neglect of Brussels, which left villages in Hungary and Slovakia defenceless. " +
			"Thousands of people were driven from their homes as the river rose to a near-record 8.9 metres in Budapest. " +
			"Rescue crews evacuated villages north of the capital while dams were patched with sandbags. " +
			"The so-called emergency aid from the European Union is a cynical gesture that arrives far too late for the flooded Danube villages."},
	{"vote-ap", seeds.AP, "e3-vote", "2025-11-12", "Poland's parliament approves new budget after long debate",
		"Poland's parliament approved the 2026 budget on Wednesday by 236 votes to 210 after a debate that lasted two days. " +
			"The budget raises defence spending to 4.7% of economic output, the finance minister said in Warsaw. " +
			"Opposition lawmakers said the deficit was too high and promised to challenge the budget vote in the constitutional tribunal. " +
			"The president has 20 days to sign the budget law."},
	{"vote-eh", seeds.EasternHerald, "e3-vote", "2025-11-13", "Warsaw rams through a reckless war budget",
		"Poland's parliament rammed through a reckless 2026 budget on Wednesday, squeezing it past the opposition by 236 votes to 210. " +
			"The budget pours defence spending up to 4.7% of economic output while Warsaw's deficit balloons. " +
			"Opposition lawmakers rightly vowed to take the budget vote to the constitutional tribunal. " +
			"The president now has 20 days to sign this disastrous budget law."},
	{"flood-ap-2", seeds.AP, "e2-flood", "2025-10-05", "Danube floodwaters begin to recede in Budapest",
		"Floodwaters on the Danube began to recede in Budapest on Sunday after the river peaked at 8.9 metres, officials said. " +
			"Some of the 12,000 people evacuated in Hungary and Slovakia started returning to their homes, and rescue crews checked the dams. " +
			"Hungary's disaster agency said the death toll from the floods stood at two. The European Union emergency aid reached the flooded villages."},
	{"flood-eh-2", seeds.EasternHerald, "e2-flood", "2025-10-06", "After the Danube floods, villagers count the cost of Brussels' indifference",
		"As the Danube floodwaters recede from Budapest, villagers in Hungary and Slovakia return to ruined homes and the bitter indifference of Brussels. " +
			"The river peaked at 8.9 metres, and the sandbagged dams barely held. " +
			"The European Union's belated emergency aid is an insult to the flooded Danube villages that rescue crews saved on their own."},
	{"vote-ap-2", seeds.AP, "e3-vote", "2025-11-14", "Polish opposition files challenge to budget vote",
		"Poland's opposition filed a challenge to the 2026 budget vote at the constitutional tribunal on Friday, two days after parliament approved it by 236 votes to 210. " +
			"Opposition lawmakers said the deficit was too high. The finance minister said in Warsaw that the budget, with defence spending at 4.7% of economic output, was lawful. " +
			"The president has 20 days to sign the budget law."},
	{"vote-eh-2", seeds.EasternHerald, "e3-vote", "2025-11-15", "Opposition fights Warsaw's reckless war budget in court",
		"The opposition has taken Warsaw's reckless 2026 war budget to the constitutional tribunal, challenging a vote of 236 to 210 that parliament rammed through. " +
			"The budget's defence spending of 4.7% of economic output is a disastrous gamble while the deficit balloons. " +
			"The president has 20 days to sign this budget law, and he should refuse."},
}

// eventCorpus writes the seeds and the hand-made articles as one JSONL
// corpus; with keyed, every article carries its event in the field "event"
// (the seeds are one event). The hand-assigned keys sort as the clustered
// ones do (cluster-1 is the seeds, read first): the block bootstrap draws
// blocks in key order, so other names would give other draws of the same
// interval; the estimates and tests do not depend on the names.
func eventCorpus(t *testing.T, keyed bool) string {
	t.Helper()
	var b strings.Builder
	write := func(rec map[string]string) {
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	for a, err := range seeds.Corpus(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		rec := map[string]string{"id": a.ID, "outlet": a.Outlet, "title": a.Title, "text": a.Text}
		if !a.Published.IsZero() {
			rec["published"] = a.Published.Format("2006-01-02")
		}
		if keyed {
			rec["event"] = "e1-paris"
		}
		write(rec)
	}
	for _, h := range handEvents {
		rec := map[string]string{"id": h.id, "outlet": h.outlet, "title": h.title, "text": h.text, "published": h.published}
		if keyed {
			rec["event"] = h.event
		}
		write(rec)
	}
	name := "unkeyed.jsonl"
	if keyed {
		name = "keyed.jsonl"
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// comparePairedJSON runs compare paired by event on path and returns the
// JSON with the design's statement and key source cleared (they say where
// the keys came from, which is what differs) and the design itself.
func comparePairedJSON(t *testing.T, path string, extra ...string) (string, map[string]any) {
	t.Helper()
	args := append([]string{"compare", path, "--target", seeds.EasternHerald, "--reference", seeds.AP, "--pair-by", "event", "--bootstrap", "200", "--no-pos", "--format", "json", "--quiet"}, extra...)
	code, out, errs := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", extra, code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	design := doc["design"].(map[string]any)
	stated := map[string]any{}
	for k, v := range design {
		stated[k] = v
	}
	delete(design, "statement")
	delete(design, "keys")
	rest, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(rest), stated
}

// Clustered events pair the same articles as a hand-assigned event field:
// the seeds (one event) and two dated events from AP and the Eastern
// Herald give three blocks either way, and the comparison is the same
// byte for byte apart from the sentence saying where the keys came from.
func TestComparePairByClusteredEvents(t *testing.T) {
	keyed, keyedDesign := comparePairedJSON(t, eventCorpus(t, true))
	unkeyed := eventCorpus(t, false)
	auto, autoDesign := comparePairedJSON(t, unkeyed, "--events", "auto")
	if keyedDesign["blocks"] != float64(3) {
		t.Fatalf("hand-assigned events: design %v, want 3 blocks", keyedDesign)
	}
	if keyed != auto {
		t.Errorf("clustered events do not give the hand-assigned comparison\nkeyed: %.600s\nauto:  %.600s", keyed, auto)
	}
	st, _ := autoDesign["statement"].(string)
	if !strings.Contains(st, "events clustered by TF-IDF cosine ≥ 0.25 within 72h: 13 articles into 3 events") || autoDesign["keys"] == nil {
		t.Errorf("the design does not say the events were clustered: %v", autoDesign)
	}
	if _, ok := keyedDesign["keys"]; ok {
		t.Errorf("keys from the field itself need no note: %v", keyedDesign)
	}

	// The same keys saved by slant coverage --events-out and joined back.
	events := filepath.Join(t.TempDir(), "events.csv")
	if code, _, errs := runCLI(t, "coverage", unkeyed, "--no-pos", "--quiet", "--events-out", events); code != 0 {
		t.Fatalf("coverage --events-out: exit %d: %s", code, errs)
	}
	file, fileDesign := comparePairedJSON(t, unkeyed, "--events", events)
	if file != keyed {
		t.Errorf("events joined from %s do not give the hand-assigned comparison", events)
	}
	if st, _ := fileDesign["statement"].(string); !strings.Contains(st, "event keys joined by article ID from "+events) {
		t.Errorf("the design does not name the events file: %q", st)
	}
}

// An events file of another corpus is refused with its file and line.
func TestComparePairByEventsFileErrors(t *testing.T) {
	path := eventCorpus(t, false)
	dir := t.TempDir()
	for _, c := range []struct{ name, content, want string }{
		{"unknown.csv", "id,outlet,event,method\nflood-ap,AP,e1,cluster\nnot-an-article,AP,e2,cluster\nflood-eh,The Eastern Herald,e1,cluster\n",
			`unknown.csv:3: article "not-an-article" is not in the corpus`},
		{"outlet.csv", "id,outlet,event,method\nflood-ap,AP,e1,cluster\nflood-eh,AP,e1,cluster\n",
			`outlet.csv:3: article "flood-eh" is outlet "AP" in the file but "The Eastern Herald" in the corpus`},
		{"dup.csv", "id,event\nflood-ap,e1\nflood-ap,e2\n", `dup.csv:3: article "flood-ap" already has an event on line 2`},
		{"header.csv", "article,event\nflood-ap,e1\n", `header.csv:1: the header "article,event" lacks an id or event column`},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCLI(t, "compare", path, "--target", seeds.EasternHerald, "--reference", seeds.AP, "--pair-by", "event", "--events", p, "--bootstrap", "50", "--no-pos", "--quiet")
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.name, code, errs, c.want)
		}
	}
	if code, _, errs := runCLI(t, "compare", path, "--target", seeds.EasternHerald, "--reference", seeds.AP, "--events", "auto", "--no-pos"); code != 2 || !strings.Contains(errs, "give --pair-by") {
		t.Errorf("--events without --pair-by: exit %d: %s", code, errs)
	}
}

// slant report pairs on clustered events too, and its comparison section
// says where the events came from.
func TestReportPairByClusteredEvents(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rep")
	code, _, errs := runCLI(t, "report", eventCorpus(t, false), "--target", seeds.EasternHerald, "--reference", seeds.AP, "--pair-by", "event", "--events", "auto",
		"--bootstrap", "100", "--no-pos", "--quiet", "--format", "md", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "paired by event (events clustered by TF-IDF cosine ≥ 0.25 within 72h: 13 articles into 3 events): 3 blocks") {
		t.Errorf("the report does not state the clustered pairing:\n%.3000s", md)
	}
}
