package framing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a calendar period articles are grouped by, with their source,
// to follow measures over time.
type Period string

// Periods.
const (
	Day     Period = "day"     // 2025-08-20
	Week    Period = "week"    // 2025-W34 (ISO 8601 week)
	Month   Period = "month"   // 2025-08
	Quarter Period = "quarter" // 2025-Q3
	Year    Period = "year"    // 2025
)

// Periods lists the periods, shortest first.
var Periods = []Period{Day, Week, Month, Quarter, Year}

// ParsePeriod returns the period named s.
func ParsePeriod(s string) (Period, error) {
	for _, p := range Periods {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("framing: unknown period %q (want day, week, month, quarter or year)", s)
}

// Label returns the period containing t, on t's own calendar date (a date
// written with a time zone keeps that zone's day): 2025-08-20, 2025-W34,
// 2025-08, 2025-Q3 or 2025. Labels sort in time order within a period.
func (p Period) Label(t time.Time) string {
	y, m, d := t.Date()
	switch p {
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case Week:
		wy, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", wy, w)
	case Month:
		return fmt.Sprintf("%04d-%02d", y, m)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
	case Year:
		return strconv.Itoa(y)
	}
	return ""
}

// PeriodSep joins a grouping field and a period in a grouping field
// ("outlet@month"), and a group value and a period label in a group key
// ("AP 2025-08" uses PeriodKeySep).
const (
	PeriodSep    = "@"
	PeriodKeySep = " "
)

// Undated is the period label of an article without a date, in a grouping
// by period. Profiles leave such articles out and count them
// (Profiles.Undated).
const Undated = "(undated)"

// WithPeriod returns the grouping field that groups by field and period:
// "outlet@month". Result.Group and Profiles understand it.
func WithPeriod(field string, p Period) string {
	if field == "" {
		field = "outlet"
	}
	if p == "" {
		return field
	}
	return field + PeriodSep + string(p)
}

// SplitPeriod splits a grouping field made by WithPeriod into the field and
// the period; p is "" for a field without a period.
func SplitPeriod(groupBy string) (field string, p Period) {
	i := strings.LastIndex(groupBy, PeriodSep)
	if i < 0 {
		return groupBy, ""
	}
	if q, err := ParsePeriod(groupBy[i+1:]); err == nil {
		return groupBy[:i], q
	}
	return groupBy, ""
}

// SplitKey splits a group key of a grouping by period ("AP 2025-08") into
// the source and the period label; ok is false for other keys.
func SplitKey(groupBy, key string) (source, label string, ok bool) {
	if _, p := SplitPeriod(groupBy); p == "" {
		return key, "", false
	}
	i := strings.LastIndex(key, PeriodKeySep)
	if i < 0 {
		return key, "", false
	}
	return key[:i], key[i+1:], true
}
