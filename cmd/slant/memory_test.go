package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestParseMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{"200MiB", 200 << 20, false},
		{"1GiB", 1 << 30, false},
		{"512KiB", 512 << 10, false},
		{"2TiB", 2 << 40, false},
		{"123456", 123456, false},
		{"123456B", 123456, false},
		{"0", math.MaxInt64, false},
		{"off", math.MaxInt64, false},
		{"200MB", 0, true}, // GOMEMLIMIT has no decimal units
		{"-5MiB", 0, true},
		{"MiB", 0, true},
		{"1.5GiB", 0, true},
	} {
		got, err := parseMemoryLimit(c.in)
		if c.bad != (err != nil) || !c.bad && got != c.want {
			t.Errorf("parseMemoryLimit(%q) = %d, %v; want %d (error %v)", c.in, got, err, c.want, c.bad)
		}
	}
}

// TestMemoryLimitGovernor: --memory-limit sets the runtime's limit, the
// governor raises it to 1.5 × the live heap when that is larger, and
// release puts the previous limit back.
func TestMemoryLimitGovernor(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	m := &memoryFlags{limit: "16MiB"}
	if err := m.apply(); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetMemoryLimit(-1); got < 16<<20 {
		t.Errorf("limit %d after --memory-limit 16MiB", got)
	}
	live := make([][]byte, 64) // 64 MiB kept live, 4 × the base limit
	for i := range live {
		live[i] = make([]byte, 1<<20)
		live[i][0] = 1
	}
	runtime.GC()
	var got int64
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(governorPeriod) {
		if got = debug.SetMemoryLimit(-1); got >= 64<<20*3/2 {
			break
		}
	}
	if got < 64<<20*3/2 {
		t.Errorf("with 64 MiB live the limit is %d MiB, want at least 96 MiB", got>>20)
	}
	runtime.KeepAlive(live)
	m.release()
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("release left the limit at %d, want %d", after, before)
	}
	if err := (&memoryFlags{limit: "lots"}).apply(); err == nil {
		t.Error("--memory-limit lots accepted")
	}
}
