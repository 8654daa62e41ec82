package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/slantlab/slant/coverage"
	"github.com/slantlab/slant/framing"
	"github.com/spf13/cobra"
)

// eventsAuto is the --events value that clusters articles without a
// --pair-by value into events (coverage.GroupEvents).
const eventsAuto = "auto"

// designFlags are the comparison-design flags shared by compare and report.
type designFlags struct {
	pairBy, clusterBy, pairedTest string
	permutations                  int
	maxBootstrapN                 int
	weightArticles                bool
	// events is where the paired design's block keys come from when not
	// from the --pair-by field alone: eventsAuto or a CSV file.
	events  string
	cluster coverage.ClusterOptions
}

func (d *designFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&d.pairBy, "pair-by", "", "paired design: compare the two sources within blocks named by this field (e.g. event_id); n = blocks covered by both")
	c.Flags().StringVar(&d.clusterBy, "cluster-by", "", "clustered design: make clusters named by this field (e.g. outlet, when grouping by label) the unit of analysis")
	c.Flags().StringVar(&d.pairedTest, "paired-test", framing.TestSignedRank, "test of the paired design: "+framing.TestSignedRank+" or "+framing.TestSignFlip)
	c.Flags().IntVar(&d.permutations, "permutations", 9999, "Monte Carlo draws of the sign-flip and cluster permutation tests above their exact bounds")
	c.Flags().BoolVar(&d.weightArticles, "weight-articles", false, "clustered design: compare article-weighted means instead of counting each cluster once")
	c.Flags().StringVar(&d.events, "events", "", "paired design: where the --pair-by blocks come from: \"auto\" clusters articles without the field into events (TF-IDF cosine of content stems and actors, within --window), or a `FILE` written by slant coverage --events-out (id,outlet,event,method) joined by article ID")
	c.Flags().DurationVar(&d.cluster.Window, "window", coverage.DefaultWindow, "with --events auto: largest gap between two dated articles of one event")
	c.Flags().Float64Var(&d.cluster.Threshold, "event-threshold", coverage.DefaultEventThreshold, "with --events auto: TF-IDF cosine at or above which two articles are one event")
	c.Flags().IntVar(&d.maxBootstrapN, "bootstrap-max-n", 400, "above this many units in total, intervals use normal approximations instead of the bootstrap (the output names the method)")
}

// designUnits collects the units a design needs while the corpus is
// analysed.
type designUnits struct {
	pair, cluster, nesting *framing.Units
	// events is set when the paired blocks are events clustered or read
	// from a file rather than the articles' own field.
	events *eventKeys
}

// units checks the flags and returns the collectors for grouping field by.
func (d *designFlags) units(by string) (*designUnits, error) {
	if by == "" {
		by = "outlet"
	}
	if d.pairBy != "" && d.clusterBy != "" {
		return nil, usagef("--pair-by and --cluster-by select different designs; give one")
	}
	for _, f := range []string{d.pairBy, d.clusterBy} {
		if f != "" && f == by {
			return nil, usagef("--pair-by/--cluster-by %q is the grouping field itself; name another field (for example --by label --cluster-by outlet)", f)
		}
	}
	if d.events != "" && d.pairBy == "" {
		return nil, usagef("--events %s says where the paired design's blocks come from: give --pair-by FIELD too (for example --pair-by event)", d.events)
	}
	if d.pairedTest != framing.TestSignedRank && d.pairedTest != framing.TestSignFlip {
		return nil, usagef("--paired-test must be %s or %s, not %q", framing.TestSignedRank, framing.TestSignFlip, d.pairedTest)
	}
	u := &designUnits{}
	switch {
	case d.pairBy != "":
		u.pair = framing.NewUnits(by, d.pairBy)
		switch d.events {
		case "":
		case eventsAuto:
			u.events = &eventKeys{auto: true, field: d.pairBy, cluster: d.cluster}
		default:
			ek, err := readEventKeys(d.events)
			if err != nil {
				return nil, err
			}
			ek.field = d.pairBy
			u.events = ek
		}
	case d.clusterBy != "":
		u.cluster = framing.NewUnits(by, d.clusterBy)
	case by != "outlet":
		// Only to warn that a side pools several outlets.
		u.nesting = framing.NewUnits(by, "outlet")
	}
	return u, nil
}

// add records one result in every collector.
func (u *designUnits) add(r *framing.Result) {
	if u.events != nil {
		u.events.add(u.pair, r)
		return
	}
	for _, x := range []*framing.Units{u.pair, u.cluster, u.nesting} {
		if x != nil {
			x.Add(r)
		}
	}
}

// apply sets the design options, first assigning clustered or saved
// event keys to the paired design's blocks.
func (d *designFlags) apply(u *designUnits, opt *framing.CompareOptions) error {
	if u.events != nil {
		if err := u.events.finish(u.pair); err != nil {
			return err
		}
	}
	opt.PairBy, opt.ClusterBy, opt.Nesting = u.pair, u.cluster, u.nesting
	opt.PairedTest = d.pairedTest
	opt.Permutations = d.permutations
	opt.BootstrapMaxN = d.maxBootstrapN
	opt.WeightByArticles = d.weightArticles
	return nil
}

// eventKeys assigns the paired design's block keys from outside the
// --pair-by field: events clustered with coverage.GroupEvents (articles
// that have the field keep it), or saved keys joined by article ID.
type eventKeys struct {
	auto    bool
	field   string
	cluster coverage.ClusterOptions
	// docs are the articles waiting to be clustered (auto), in input order.
	docs []coverage.Doc
	// From a file: its name, and each article ID's key and line.
	file string
	keys map[string]savedEvent
	seen map[string]bool
	// badOutlet maps an article ID to its corpus outlet when the file
	// names another.
	badOutlet map[string]string
	// missing counts articles the file has no key for.
	missing int
}

// savedEvent is one row of an events file.
type savedEvent struct {
	event, outlet string
	line          int
}

// add records one article: kept for clustering, or keyed from the file.
func (e *eventKeys) add(u *framing.Units, r *framing.Result) {
	if e.auto {
		e.docs = append(e.docs, coverage.Doc{Result: r, Event: resultField(r, e.field), Published: r.Published})
		return
	}
	k, ok := e.keys[r.ID]
	if !ok {
		e.missing++
		u.AddUnit(r, "")
		return
	}
	e.seen[r.ID] = true
	if k.outlet != "" && k.outlet != r.Outlet {
		e.badOutlet[r.ID] = r.Outlet
	}
	u.AddUnit(r, k.event)
}

// finish clusters the kept articles (auto) or checks that every article
// of the file was in the corpus, and states where the keys came from.
func (e *eventKeys) finish(u *framing.Units) error {
	if !e.auto {
		// Name the first bad line of the file: an article the corpus does
		// not have, or has under another outlet.
		bad, unknown := savedEvent{}, 0
		badID := ""
		for id, k := range e.keys {
			_, wrongOutlet := e.badOutlet[id]
			if e.seen[id] && !wrongOutlet {
				continue
			}
			if !e.seen[id] {
				unknown++
			}
			if badID == "" || k.line < bad.line {
				bad, badID = k, id
			}
		}
		if badID != "" {
			if got, ok := e.badOutlet[badID]; ok {
				return fmt.Errorf("%s:%d: article %q is outlet %q in the file but %q in the corpus: the events file is not of this corpus", e.file, bad.line, badID, bad.outlet, got)
			}
			return fmt.Errorf("%s:%d: article %q is not in the corpus (%d of the file's %d articles are unknown): the events file is not of this corpus", e.file, bad.line, badID, unknown, len(e.keys))
		}
		u.Keys = fmt.Sprintf("event keys joined by article ID from %s", e.file)
		if e.missing > 0 {
			u.Keys += fmt.Sprintf("; %d articles not in the file are unpaired", e.missing)
		}
		return nil
	}
	groups := coverage.GroupEvents(e.docs, e.cluster)
	clusters, clustered := 0, 0
	for _, g := range groups {
		for _, i := range g.Docs {
			u.AddUnit(e.docs[i].Result, g.ID)
		}
		if g.Method == coverage.ByCluster {
			clusters++
			clustered += len(g.Docs)
		}
	}
	if clustered > 0 {
		c := e.cluster
		if c.Threshold <= 0 {
			c.Threshold = coverage.DefaultEventThreshold
		}
		if c.Window <= 0 {
			c.Window = coverage.DefaultWindow
		}
		u.Keys = fmt.Sprintf("events clustered by TF-IDF cosine ≥ %g within %s: %d articles into %d events", c.Threshold, shortDuration(c.Window), clustered, clusters)
		if keyed := len(e.docs) - clustered; keyed > 0 {
			u.Keys += fmt.Sprintf("; %d articles keyed by the field", keyed)
		}
	}
	e.docs = nil
	return nil
}

// readEventKeys reads an events file (slant coverage --events-out: a
// header with at least id and event columns; outlet, when present, is
// checked against the corpus).
func readEventKeys(path string) (*eventKeys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading events: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s:1: empty events file (want a header with id and event columns)", path)
	} else if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	idCol, ok1 := col["id"]
	evCol, ok2 := col["event"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%s:1: the header %q lacks an id or event column (slant coverage --events-out writes id,outlet,event,method)", path, strings.Join(header, ","))
	}
	outCol, hasOutlet := col["outlet"]
	e := &eventKeys{file: path, keys: map[string]savedEvent{}, seen: map[string]bool{}, badOutlet: map[string]string{}}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		if idCol >= len(rec) || evCol >= len(rec) {
			return nil, fmt.Errorf("%s:%d: %d columns, the header has %d", path, line, len(rec), len(header))
		}
		id, ev := rec[idCol], rec[evCol]
		if id == "" || ev == "" {
			return nil, fmt.Errorf("%s:%d: empty id or event", path, line)
		}
		if prev, dup := e.keys[id]; dup {
			return nil, fmt.Errorf("%s:%d: article %q already has an event on line %d", path, line, id, prev.line)
		}
		s := savedEvent{event: ev, line: line}
		if hasOutlet && outCol < len(rec) {
			s.outlet = rec[outCol]
		}
		e.keys[id] = s
	}
	if len(e.keys) == 0 {
		return nil, fmt.Errorf("%s:2: no event rows after the header", path)
	}
	return e, nil
}

// shortDuration writes 72h rather than 72h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
