package main

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
)

// DefaultMemoryLimit is the soft limit on the Go runtime's memory that
// every command runs under unless --memory-limit or GOMEMLIMIT says
// otherwise. Go's collector by default lets the heap grow to twice what is
// live before collecting; profiling the AllSides sample by outlet keeps
// about 100–120 MB live (term maps, the tagger's model, the regular
// expressions the HTML extractor's dependencies compile), so the heap
// peaked near 230 MB and the process near 330 MB. Under a 200 MiB limit
// the collector starts earlier when the heap nears it, and returns freed
// pages to the system sooner (README, "Memory and scale", for the
// measured RSS and CPU cost).
const DefaultMemoryLimit = 200 << 20

// minHeadroom bounds how often the collector may run under the limit: the
// limit is kept at least live heap × minHeadroom, as if GOGC were 50, so a
// run whose live data alone nears the limit (very many groups, say) pays
// at most twice the collections of Go's default instead of collecting
// without end.
const minHeadroom = 1.5

// governorPeriod is how often the live heap is read to raise the limit.
const governorPeriod = 100 * time.Millisecond

// memoryFlags hold --memory-limit and the goroutine that keeps the limit
// above the live heap.
type memoryFlags struct {
	limit    string
	stopOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
	previous int64
}

func (m *memoryFlags) register(root *cobra.Command) {
	root.PersistentFlags().StringVar(&m.limit, "memory-limit", "", fmt.Sprintf(
		"soft limit on the memory the Go runtime holds (runtime/debug.SetMemoryLimit), as GOMEMLIMIT spells it (200MiB, 1GiB, bytes); 0 or off for none. "+
			"Default %dMiB unless GOMEMLIMIT is set. Past it the collector works harder; it is raised to %.1f× the live heap when that is larger, so it never makes the collector run without end",
		DefaultMemoryLimit>>20, minHeadroom))
}

// apply sets the limit for this run: --memory-limit when given, else
// GOMEMLIMIT's (which the runtime has already applied), else
// DefaultMemoryLimit; and starts the governor that raises it with the live
// heap.
func (m *memoryFlags) apply() error {
	var base int64
	switch {
	case m.limit != "":
		v, err := parseMemoryLimit(m.limit)
		if err != nil {
			return usagef("--memory-limit: %v", err)
		}
		base = v
	case os.Getenv("GOMEMLIMIT") != "":
		return nil // the runtime honours it as it is
	default:
		base = DefaultMemoryLimit
	}
	m.previous = debug.SetMemoryLimit(base)
	if base == math.MaxInt64 {
		return nil
	}
	m.stop, m.done = make(chan struct{}), make(chan struct{})
	go m.govern(base)
	return nil
}

// govern raises the limit to minHeadroom × the live heap whenever that
// exceeds the base limit, and lowers it back as the live heap shrinks.
func (m *memoryFlags) govern(base int64) {
	defer close(m.done)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(governorPeriod)
	defer t.Stop()
	cur := base
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		want := max(base, int64(float64(sample[0].Value.Uint64())*minHeadroom))
		if want != cur {
			debug.SetMemoryLimit(want)
			cur = want
		}
	}
}

// release stops the governor and restores the limit apply replaced (so
// that tests running several commands in one process start clean).
func (m *memoryFlags) release() {
	m.stopOnce.Do(func() {
		if m.stop == nil {
			return
		}
		close(m.stop)
		<-m.done
		debug.SetMemoryLimit(m.previous)
	})
}

// parseMemoryLimit reads a size as GOMEMLIMIT spells it: a non-negative
// integer, optionally followed by B, KiB, MiB, GiB or TiB; "0" and "off"
// mean no limit.
func parseMemoryLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "off" {
		return math.MaxInt64, nil
	}
	num, unit := s, int64(1)
	for _, u := range []struct {
		suffix string
		bytes  int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, unit = n, u.bytes
			break
		}
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%q is not a size (an integer with an optional B, KiB, MiB, GiB or TiB; 0 or off for none)", s)
	}
	if v == 0 {
		return math.MaxInt64, nil
	}
	if v > math.MaxInt64/unit {
		return math.MaxInt64, nil
	}
	return v * unit, nil
}
