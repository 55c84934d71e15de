package doc

import (
	"fmt"
	"time"
)

// Precision is ACLED's time_precision: how exactly a date is known.
type Precision uint8

// Time precisions. Year is rasd's own for year-only expressions; it is
// written as 3 where the contract asks for ACLED codes.
const (
	NoPrecision Precision = iota
	Day                   // the day is known
	Week                  // known to within a week
	Month                 // known to within a month
	Year                  // only the year
)

// ACLED returns the contract's time_precision code (1..3), 0 when unknown.
func (p Precision) ACLED() int {
	if p > Month {
		return 3
	}
	return int(p)
}

// Date is a civil calendar date. Month and Day may be 0 when only the year
// (or year and month) are known.
type Date struct {
	Year, Month, Day int
}

// DateOf returns the civil date of t in its location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// ParseDate parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (years 0001..9999)
// into a valid Date.
func ParseDate(s string) (Date, error) {
	var d Date
	var err error
	switch len(s) {
	case 10:
		var t time.Time
		t, err = time.Parse("2006-01-02", s)
		d = DateOf(t)
	case 7:
		var t time.Time
		t, err = time.Parse("2006-01", s)
		d = Date{t.Year(), int(t.Month()), 0}
	case 4:
		var t time.Time
		t, err = time.Parse("2006", s)
		d = Date{t.Year(), 0, 0}
	default:
		err = fmt.Errorf("want YYYY-MM-DD")
	}
	if err == nil && d.Year == 0 {
		// year 0 would read back as the zero (unknown) Date
		err = fmt.Errorf("year out of range")
	}
	if err != nil {
		return Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	return d, nil
}

// IsZero reports whether d is the zero Date (unknown).
func (d Date) IsZero() bool { return d == Date{} }

// Full reports whether year, month and day are all known.
func (d Date) Full() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// Time returns midnight UTC of d (the first of the month/year when parts
// are missing).
func (d Date) Time() time.Time {
	m, dd := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if dd == 0 {
		dd = 1
	}
	return time.Date(d.Year, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n days. d must be Full.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week of a Full date.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Before reports whether d is before e (both Full or compared by their
// first day).
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Valid reports whether the parts of d form a real calendar date.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	if d.Day == 0 {
		return true
	}
	return DateOf(d.Time()) == d
}
