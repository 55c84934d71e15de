package arabic

import (
	"github.com/hablullah/go-hijri"

	"github.com/rasd-project/rasd/internal/doc"
)

// Hijri conversion. Dates in the range of the Umm al-Qura calendar (Saudi
// Arabia's official calendar, 1356–1500 AH, 1937–2077) use its table, from
// github.com/hablullah/go-hijri (after R. H. van Gent); other years use the
// tabular (arithmetic) Islamic calendar, which may differ by a day or two
// from the months as observed.

// Years covered by the Umm al-Qura table.
const (
	ummAlQuraFirst = 1356
	ummAlQuraLast  = 1500
)

// hijriToGregorian converts Hijri day d of month m of year y; ok is false
// for dates that do not exist (month 1..12, day up to the month's length,
// year 1..1600).
func hijriToGregorian(y, m, d int) (doc.Date, bool) {
	if y < 1 || y > 1600 || m < 1 || m > 12 || d < 1 || d > 30 || d > hijriMonthLen(y, m) {
		return doc.Date{}, false
	}
	return hijriFirst(y, m, inUmmAlQura(y)).AddDays(d - 1), true
}

// hijriMonthLen returns the number of days of Hijri month m of year y (29
// or 30), 0 when out of range.
func hijriMonthLen(y, m int) int {
	if y < 1 || y > 1600 || m < 1 || m > 12 {
		return 0
	}
	uq := inUmmAlQura(y)
	ny, nm := y, m+1
	if nm > 12 {
		ny, nm = y+1, 1
	}
	if uq && !inUmmAlQura(ny) { // the last month of the table
		uq = false
	}
	a, b := hijriFirst(y, m, uq), hijriFirst(ny, nm, uq)
	return int(b.Time().Sub(a.Time()).Hours()/24 + 0.5)
}

// hijriYearEnd returns the last Gregorian day of Hijri year y.
func hijriYearEnd(y int) (doc.Date, bool) {
	n := hijriMonthLen(y, 12)
	if n == 0 {
		return doc.Date{}, false
	}
	return hijriToGregorian(y, 12, n)
}

func inUmmAlQura(y int) bool { return ummAlQuraFirst <= y && y <= ummAlQuraLast }

// hijriFirst returns the Gregorian date of the first day of Hijri month m
// of year y, by the Umm al-Qura table when uq, else arithmetically.
func hijriFirst(y, m int, uq bool) doc.Date {
	if uq {
		return doc.DateOf(hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: 1}.ToGregorian())
	}
	return doc.DateOf(hijri.HijriDate{Year: int64(y), Month: int64(m), Day: 1, Pattern: hijri.Default}.ToGregorian())
}

// hijriNear finds Hijri month m near pub: the latest one that began on or
// before pub (dirLatest, dirCurrent), the latest that ended before pub
// (dirPast), or the first that begins after pub (dirNext). With day > 0 it
// finds that day of the month instead. It returns the first and last
// Gregorian days found (equal for a day).
func hijriNear(pub doc.Date, m, day int, dir direction) (first, last doc.Date, ok bool) {
	est := (pub.Year-622)*33/32 + 1 // about the Hijri year of pub
	for y := est - 2; y <= est+2; y++ {
		d := day
		if d == 0 {
			d = 1
		}
		f, fok := hijriToGregorian(y, m, d)
		if !fok {
			continue
		}
		l := f
		if day == 0 {
			l = f.AddDays(hijriMonthLen(y, m) - 1)
		}
		switch dir {
		case dirNext:
			if pub.Before(f) {
				return f, l, true // ascending: the first after pub
			}
		case dirPast:
			if l.Before(pub) {
				first, last, ok = f, l, true
			}
		default:
			if !pub.Before(f) {
				first, last, ok = f, l, true
			}
		}
	}
	return first, last, ok
}
