package arabic

import (
	_ "embed"
	"strconv"
	"strings"
	"time"

	"github.com/rasd-project/rasd/internal/doc"
)

// Date expressions
//
// Dates recognizes, on the tokens' normalized text:
//
//   - numeric dates: 2018-06-17, 2018/06/17, 17/6/2018, 17-6-2018,
//     17.6.2018, 2018.06.17 (day first unless the day cannot be a month);
//   - day, month and year: 17 حزيران 2018, 17 يونيو 2018, 17 حزيران/يونيو
//     2018, 17 يونيو (حزيران) 2018, الـ17 من شهر حزيران, السابع عشر من حزيران;
//     month and year: أكتوبر / تشرين الأول 2014, حزيران من العام الماضي; a
//     year: عام 2014, في 2014, 2014م; month names from lexicon/months.tsv
//     (Levantine, Egyptian and Gulf, Maghreb and Moroccan, Hijri);
//   - Hijri dates: 15 رمضان 1439 هـ, رمضان 1439هـ, عام 1439 هـ (see
//     hijri.go), and without a year 15 رمضان, شهر رمضان, رمضان الماضي (a bare
//     رمضان is also a name and is not read);
//   - dates relative to the publication date: اليوم, أمس, أول أمس, الليلة,
//     غدا, قبل يومين, منذ أسبوع, الأسبوع الماضي, الشهر الماضي, العام الجاري,
//     مطلع الشهر, منتصف أيلول الماضي, weekdays (الخميس, يوم الخميس, مساء
//     الخميس, الخميس الماضي, الخميس المقبل), a day and month without a year;
//   - a clock time right after a date (2018.06.17 | 12:06, الساعة 10
//     صباحا), which becomes part of the date's span.
//
// Resolution against pub (ACLED precision Day, Week, Month; rasd's Year):
//
//   - a weekday alone, or after اليوم, is the latest such day on or before
//     pub; with الماضي the latest strictly before pub; with المقبل/القادم
//     the first strictly after pub (a future date);
//   - a day and month without a year is the latest such date on or before
//     pub (with الماضي strictly before, with المقبل the next after); a month
//     without a year likewise by month;
//   - week intervals are the 7 days before pub for الأسبوع الماضي and منذ
//     أسبوع ([pub-7, pub-1]; n weeks ago: [pub-7n, pub-7n+6]), [pub-6, pub]
//     for this week, [pub+1, pub+7] for next week: Date is the first day,
//     End the last;
//   - parts of a month are Week precision: مطلع/أوائل/بداية days 1-7 (Date
//     and End), منتصف/أواسط the 15th (no End), أواخر/نهاية the last 7 days;
//     parts of a year are Month precision: January, June, December;
//   - a Hijri month or year is the interval of its Gregorian days (Date the
//     first, End the last) at Month or Year precision; without a year, the
//     latest one that began on or before pub (الماضي: that ended before pub,
//     المقبل: the next).
//
// Without pub, relative expressions are still reported, with Relative set,
// a zero Date and NoPrecision.

// Dates appends to dst one MDate mention (Source FromRule, Date set) per
// date expression in d, in text order and without overlaps. Relative
// expressions are resolved against pub, the publication date.
//
// Label is the pattern's name (DateValue.Rule): "ymd", "dmy", "mdy",
// "day_month_year", "day_month", "day_of_month", "month_year", "month",
// "month_part", "year", "year_part", "hijri_date", "hijri_day_month",
// "hijri_month", "hijri_year", "weekday", "weekday_past", "weekday_date", "today",
// "today_weekday", "tonight", "last_night", "yesterday",
// "yesterday_weekday", "day_before_yesterday", "days_ago",
// "days_ago_vague", "hours_ago", "weeks_ago", "months_ago", "years_ago",
// "last_week", "this_week", "last_month", "this_month", "last_year",
// "this_year". A weekday that contradicts its date adds "_mismatch" to
// the rule. Expressions about the future (المقبل, غدا) have Label
// "future" and the pattern in DateValue.Rule ("weekday_next",
// "tomorrow", "next_month" …): later stages read them as plans.
func Dates(d *doc.Doc, pub doc.Date, dst []doc.Mention) []doc.Mention {
	s := dateScanner{d: d}
	for i := 0; i < len(d.Tokens); {
		e, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		dst = append(dst, e.mention(d, pub))
		i = e.end
	}
	return dst
}

// dateKind says how a date expression is resolved.
type dateKind uint8

const (
	dkFixed          dateKind = iota + 1 // an absolute date: date, endDate, prec
	dkMonthDay                           // m, day; the year from pub (dir)
	dkMonthOnly                          // m; the year from pub (dir); part
	dkMonthYearRel                       // m of the year n years from pub's; part
	dkDayOfMonthRel                      // day of the month n months from pub's
	dkDayRel                             // n days from pub
	dkWeekRel                            // the week n weeks from pub
	dkMonthRel                           // the month n months from pub's; part
	dkYearRel                            // the year n years from pub's; part
	dkWeekday                            // wd near pub (dir)
	dkHijriMonthDay                      // Hijri m, day; the Hijri year from pub (dir)
	dkHijriMonthOnly                     // Hijri m; the Hijri year from pub (dir)
)

// direction places a date without a year relative to pub.
type direction uint8

const (
	dirLatest  direction = iota // on or before pub
	dirPast                     // strictly before pub (الماضي)
	dirNext                     // strictly after pub (المقبل): the future
	dirCurrent                  // in pub's year or month (الجاري)
)

// period is a part of a month or a year.
type period uint8

const (
	partNone   period = iota
	partStart         // مطلع, أوائل, بداية
	partMiddle        // منتصف, أواسط
	partEnd           // أواخر, نهاية
)

// dateExpr is a recognized date expression, not yet resolved.
type dateExpr struct {
	start, end int // tokens
	pre        int // proclitic bytes on the first token
	rule       string
	kind       dateKind

	date, endDate doc.Date // dkFixed
	prec          doc.Precision
	hijri         bool

	m, day int
	n      int
	dir    direction
	part   period

	hasWd    bool         // a weekday was named
	wd       time.Weekday //
	anchored bool         // the weekday was said to be pub+anchor (اليوم الخميس, أمس الأربعاء)
	anchor   int
}

// future reports whether e speaks of a time after pub.
func (e *dateExpr) future() bool {
	switch e.kind {
	case dkMonthDay, dkMonthOnly, dkWeekday, dkHijriMonthDay, dkHijriMonthOnly:
		return e.dir == dirNext
	case dkDayRel, dkWeekRel, dkMonthRel, dkYearRel, dkMonthYearRel, dkDayOfMonthRel:
		return e.n > 0
	}
	return false
}

// mention resolves e against pub.
func (e *dateExpr) mention(d *doc.Doc, pub doc.Date) doc.Mention {
	v := e.value(pub)
	label := v.Rule
	if e.future() {
		label = "future"
	}
	return doc.Mention{
		Span:   spanOf(d, e.start, e.end, e.pre),
		Kind:   doc.MDate,
		Source: doc.FromRule,
		Label:  label,
		Score:  1,
		Date:   &v,
	}
}

// value resolves e against pub.
func (e *dateExpr) value(pub doc.Date) doc.DateValue {
	v := doc.DateValue{Rule: e.rule, Hijri: e.hijri}
	if e.kind == dkFixed {
		v.Date, v.End, v.Precision = e.date, e.endDate, e.prec
	} else {
		v.Relative = true
		if !pub.Full() || !pub.Valid() {
			return v
		}
		e.resolve(&v, pub)
		if !v.Date.Valid() || !v.End.IsZero() && !v.End.Valid() {
			return doc.DateValue{Rule: e.rule, Relative: true}
		}
	}
	if e.hasWd && v.Date.Full() {
		want := v.Date
		if e.anchored {
			want = pub.AddDays(e.anchor)
		}
		if want.Weekday() != e.wd || !want.Full() {
			v.Rule += "_mismatch"
		}
	}
	return v
}

// resolve fills v for a relative expression; pub is a valid full date.
func (e *dateExpr) resolve(v *doc.DateValue, pub doc.Date) {
	switch e.kind {
	case dkDayRel:
		v.Date, v.Precision = pub.AddDays(e.n), doc.Day
	case dkHijriMonthDay:
		if first, _, ok := hijriNear(pub, e.m, e.day, e.dir); ok {
			v.Date, v.Precision = first, doc.Day
		}
	case dkHijriMonthOnly:
		if first, last, ok := hijriNear(pub, e.m, 0, e.dir); ok {
			v.Date, v.End, v.Precision = first, last, doc.Month
		}
	case dkWeekRel:
		switch {
		case e.n < 0:
			v.Date, v.End = pub.AddDays(7*e.n), pub.AddDays(7*e.n+6)
		case e.n == 0:
			v.Date, v.End = pub.AddDays(-6), pub
		default:
			v.Date, v.End = pub.AddDays(7*e.n-6), pub.AddDays(7*e.n)
		}
		v.Precision = doc.Week
	case dkMonthRel:
		y, m := addMonths(pub.Year, pub.Month, e.n)
		setMonth(v, y, m, e.part)
	case dkYearRel:
		setYear(v, pub.Year+e.n, e.part)
	case dkMonthYearRel:
		setMonth(v, pub.Year+e.n, e.m, e.part)
	case dkMonthOnly:
		y := pub.Year
		switch e.dir {
		case dirLatest:
			if e.m > pub.Month {
				y--
			}
		case dirPast:
			if e.m >= pub.Month {
				y--
			}
		case dirNext:
			if e.m <= pub.Month {
				y++
			}
		}
		setMonth(v, y, e.m, e.part)
	case dkDayOfMonthRel:
		y, m := addMonths(pub.Year, pub.Month, e.n)
		v.Date, v.Precision = doc.Date{Year: y, Month: m, Day: e.day}, doc.Day
	case dkMonthDay:
		dt := doc.Date{Year: pub.Year, Month: e.m, Day: e.day}
		switch e.dir {
		case dirLatest, dirCurrent:
			if pub.Before(dt) {
				dt.Year--
			}
		case dirPast:
			if !dt.Before(pub) {
				dt.Year--
			}
		case dirNext:
			if !pub.Before(dt) {
				dt.Year++
			}
		}
		if !dt.Valid() { // 29 شباط in a common year: the leap year before (or after)
			dt.Year -= (dt.Year%4 + 4) % 4
			if e.dir == dirNext {
				dt.Year += 4
			}
		}
		v.Date, v.Precision = dt, doc.Day
	case dkWeekday:
		pw := pub.Weekday()
		var off int
		switch e.dir {
		case dirNext:
			off = (int(e.wd) - int(pw) + 7) % 7
			if off == 0 {
				off = 7
			}
		case dirPast:
			off = -((int(pw) - int(e.wd) + 7) % 7)
			if off == 0 {
				off = -7
			}
		default:
			off = -((int(pw) - int(e.wd) + 7) % 7)
		}
		v.Date, v.Precision = pub.AddDays(off), doc.Day
	}
}

// setMonth sets a month at Month precision, or a part of it at Week.
func setMonth(v *doc.DateValue, y, m int, p period) {
	v.Date, v.End, v.Precision = monthPart(y, m, p)
}

// monthPart returns the date of month m of y, or of a part of it.
func monthPart(y, m int, p period) (date, end doc.Date, prec doc.Precision) {
	switch p {
	case partStart:
		return doc.Date{Year: y, Month: m, Day: 1}, doc.Date{Year: y, Month: m, Day: 7}, doc.Week
	case partMiddle:
		return doc.Date{Year: y, Month: m, Day: 15}, doc.Date{}, doc.Week
	case partEnd:
		last := daysIn(y, m)
		return doc.Date{Year: y, Month: m, Day: last - 6}, doc.Date{Year: y, Month: m, Day: last}, doc.Week
	}
	return doc.Date{Year: y, Month: m}, doc.Date{}, doc.Month
}

// setYear sets a year at Year precision, or a part of it at Month.
func setYear(v *doc.DateValue, y int, p period) {
	v.Date, v.Precision = yearPart(y, p)
}

// yearPart returns year y, or its first, middle or last month.
func yearPart(y int, p period) (doc.Date, doc.Precision) {
	switch p {
	case partStart:
		return doc.Date{Year: y, Month: 1}, doc.Month
	case partMiddle:
		return doc.Date{Year: y, Month: 6}, doc.Month
	case partEnd:
		return doc.Date{Year: y, Month: 12}, doc.Month
	}
	return doc.Date{Year: y}, doc.Year
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// addMonths returns the month n months from y-m.
func addMonths(y, m, n int) (int, int) {
	t := y*12 + m - 1 + n
	return t / 12, t%12 + 1
}

// dateScanner recognizes date expressions in a document.
type dateScanner struct {
	d *doc.Doc
}

func (s *dateScanner) word(i int) string { return tokWord(s.d, i) }

// at reports whether token i exists and continues the current line.
func (s *dateScanner) at(i int) bool {
	return i >= 0 && i < len(s.d.Tokens) && !s.d.Tokens[i].Has(doc.LineStart)
}

// match recognizes a date expression starting at token i.
func (s *dateScanner) match(i int) (dateExpr, bool) {
	var e dateExpr
	ok := false
	switch s.d.Tokens[i].Kind {
	case doc.Number:
		e, ok = s.fromNumber(i)
	case doc.Word:
		e, ok = s.fromWord(i)
	}
	if !ok {
		return dateExpr{}, false
	}
	e.end = s.trailer(e.end)
	return e, true
}

// trailer extends a date over a following part of day or clock time:
// صباحا, | 12:06, الساعة 10 صباحا, الساعة العاشرة.
func (s *dateScanner) trailer(k int) int {
	if !s.at(k) {
		return k
	}
	if partAdverbs[s.word(k)] {
		return k + 1
	}
	j := k
	if isPunct(s.d, j, "|") || isPunct(s.d, j, "-") || isPunct(s.d, j, ",") {
		j++
	}
	hour := false
	if s.at(j) && isForm(s.word(j), wHour) {
		j, hour = j+1, true
	}
	if !s.at(j) {
		return k
	}
	switch e := timeEnd(s.d, j); {
	case e > j:
		j = e
	case hour && s.d.Tokens[j].Kind == doc.Number && smallInt(s.d.TokNorm(j), 24) >= 0:
		j++
	case hour:
		_, oe, _, ok := parseOrdinal(s.d, j, len(s.d.Tokens))
		if !ok {
			return k
		}
		j = oe
	default:
		return k
	}
	if s.at(j) && (partAdverbs[s.word(j)] || amPm[s.word(j)]) {
		j++
	}
	return j
}

// fromNumber recognizes dates that start with a number.
func (s *dateScanner) fromNumber(i int) (dateExpr, bool) {
	if e, ok := s.numeric(i); ok {
		return e, true
	}
	norm := s.d.TokNorm(i)
	if day := smallInt(norm, 31); day >= 1 {
		return s.dayMonth(i, i+1, 0, day)
	}
	y := yearDigits(norm)
	if y < 1 {
		return dateExpr{}, false
	}
	// 2014م, 1439 هـ, or a year after في/منذ/حتى …
	e := dateExpr{start: i, end: i + 1, rule: "year"}
	if s.at(i + 1) {
		if gregMarkers[s.word(i+1)] {
			return fixedYear(e, y, i+2, false)
		}
		if hijriMarkers[s.word(i+1)] {
			return fixedYear(e, y, i+2, true)
		}
	}
	if y < 1900 || y > 2100 || !inSet(s.word(i-1), yearTriggers) {
		return dateExpr{}, false
	}
	if s.at(i + 1) {
		if isPunct(s.d, i+1, "%") || s.isCountNoun(i+1) {
			return dateExpr{}, false // في 2000 غارة
		}
	}
	return fixedYear(e, y, i+1, false)
}

// isCountNoun reports whether token i is a count noun (a number before it
// counts it).
func (s *dateScanner) isCountNoun(i int) bool {
	w := s.word(i)
	if w == "" {
		return false
	}
	_, ok := lookupNoun(singular(w, 0, false))
	return ok
}

// fixedYear completes e as year y (Gregorian, or Hijri when hijri) ending
// at end.
func fixedYear(e dateExpr, y, end int, hijri bool) (dateExpr, bool) {
	e.kind, e.end = dkFixed, end
	if hijri {
		first, ok1 := hijriToGregorian(y, 1, 1)
		last, ok2 := hijriYearEnd(y)
		if !ok1 || !ok2 {
			return dateExpr{}, false
		}
		e.date, e.endDate, e.prec, e.hijri, e.rule = first, last, doc.Year, true, "hijri_year"
		return e, true
	}
	if y < 1000 || y > 2200 {
		return dateExpr{}, false
	}
	e.date, e.prec = doc.Date{Year: y}, doc.Year
	if e.part != partNone {
		e.date, e.prec = yearPart(y, e.part)
	}
	return e, true
}

// numeric recognizes 2018-06-17, 2018/06/17, 17/6/2018, 17-6-2018 (tokens
// without spaces) and 17.6.2018, 2018.06.17 (one token).
func (s *dateScanner) numeric(i int) (dateExpr, bool) {
	d := s.d
	var p [3]string
	end := i + 1
	norm := d.TokNorm(i)
	switch {
	case strings.Count(norm, ".") == 2 && !strings.Contains(norm, ","):
		a, rest, _ := strings.Cut(norm, ".")
		b, c, _ := strings.Cut(rest, ".")
		p = [3]string{a, b, c}
	case i+4 < len(d.Tokens):
		sep := d.TokNorm(i + 1)
		if sep != "-" && sep != "/" {
			return dateExpr{}, false
		}
		for k := i; k < i+4; k++ {
			if d.Tokens[k].Has(doc.SpaceAfter) {
				return dateExpr{}, false
			}
		}
		if d.Tokens[i+1].Kind != doc.Punct || d.TokNorm(i+3) != sep || d.Tokens[i+2].Kind != doc.Number || d.Tokens[i+4].Kind != doc.Number {
			return dateExpr{}, false
		}
		p = [3]string{norm, d.TokNorm(i + 2), d.TokNorm(i + 4)}
		end = i + 5
	default:
		return dateExpr{}, false
	}
	var y, m, day int
	rule := ""
	switch {
	case len(p[0]) == 4:
		y, m, day, rule = yearDigits(p[0]), smallInt(p[1], 12), smallInt(p[2], 31), "ymd"
	case len(p[2]) == 4:
		y, day, m, rule = yearDigits(p[2]), smallInt(p[0], 31), smallInt(p[1], 31), "dmy"
		if m > 12 && day <= 12 { // 6/17/2018
			m, day, rule = day, m, "mdy"
		}
	default:
		return dateExpr{}, false
	}
	dt := doc.Date{Year: y, Month: m, Day: day}
	if y < 1000 || y > 2200 || m < 1 || m > 12 || day < 1 || !dt.Valid() {
		return dateExpr{}, false
	}
	return dateExpr{start: i, end: end, rule: rule, kind: dkFixed, date: dt, prec: doc.Day}, true
}

// dayMonth recognizes a month (and year) after a day whose token(s) end at
// k: 17 حزيران 2018, 17 من شهر حزيران, 17 من الشهر الجاري. The expression
// starts at start with pre proclitic bytes.
func (s *dateScanner) dayMonth(start, k, pre, day int) (dateExpr, bool) {
	e := dateExpr{start: start, pre: pre, day: day}
	if s.word(k) == wMin && s.at(k) {
		k++
	}
	if s.word(k) == wMonth && s.at(k) {
		k++
	}
	if !s.at(k) {
		return dateExpr{}, false
	}
	if s.word(k) == wMonthDef {
		e.kind, e.rule, e.end = dkDayOfMonthRel, "day_of_month", k+1
		if off, ok := modOffset(s.word(k + 1)); ok && s.at(k+1) {
			e.n, e.end = off, k+2
		}
		return e, true
	}
	mn, k, mpre, ok := s.monthAt(k)
	if !ok || mpre != 0 {
		return dateExpr{}, false
	}
	k = s.altMonth(k, mn)
	e.m, e.end = mn.month, k
	if y, hj, end, ok := s.yearAfter(k, mn.hijri); ok {
		e.end = end
		if mn.hijri {
			dt, ok := hijriToGregorian(y, mn.month, day)
			if !ok || !hj && (y < 1300 || y > 1600) {
				return dateExpr{}, false
			}
			e.kind, e.date, e.prec, e.hijri, e.rule = dkFixed, dt, doc.Day, true, "hijri_date"
			return e, true
		}
		dt := doc.Date{Year: y, Month: mn.month, Day: day}
		if !dt.Valid() {
			return dateExpr{}, false
		}
		e.kind, e.date, e.prec, e.rule = dkFixed, dt, doc.Day, "day_month_year"
		return e, true
	}
	if mn.hijri {
		if day > 30 {
			return dateExpr{}, false
		}
		e.kind, e.rule, e.hijri = dkHijriMonthDay, "hijri_day_month", true
		if dir, ok := monthMod(s.word(k)); ok && s.at(k) {
			e.dir, e.end = dir, k+1
		}
		return e, true
	}
	if day > daysIn(2000, mn.month) {
		return dateExpr{}, false
	}
	e.kind, e.rule = dkMonthDay, "day_month"
	if dir, ok := monthMod(s.word(k)); ok && s.at(k) {
		e.dir, e.end = dir, k+1
	}
	return e, true
}

// monthFirst recognizes a month name at i with what follows: a year, a
// modifier (الماضي), "من العام الماضي", or nothing when the context says it
// is a month (شهر before it, a preposition, a month part). The expression
// starts at start (شهر, مطلع) or at the month.
func (s *dateScanner) monthFirst(i, start, pre int, part period) (dateExpr, bool) {
	mn, k, mpre, ok := s.monthAt(i)
	if !ok || mn.hijri && part != partNone {
		return dateExpr{}, false
	}
	if start == i {
		pre = mpre
	} else if mpre != 0 {
		return dateExpr{}, false
	}
	k = s.altMonth(k, mn)
	e := dateExpr{start: start, end: k, pre: pre, m: mn.month, part: part}
	if y, hj, end, ok := s.yearAfter(k, mn.hijri); ok {
		e.end = end
		if mn.hijri {
			first, ok1 := hijriToGregorian(y, mn.month, 1)
			n := hijriMonthLen(y, mn.month)
			if !ok1 || n == 0 || !hj && (y < 1300 || y > 1600) {
				return dateExpr{}, false
			}
			e.kind, e.date, e.endDate, e.prec, e.hijri, e.rule = dkFixed, first, first.AddDays(n-1), doc.Month, true, "hijri_month"
			return e, true
		}
		e.kind, e.rule = dkFixed, "month_year"
		e.date, e.endDate, e.prec = monthPart(y, mn.month, part)
		if part != partNone {
			e.rule = "month_part"
		}
		return e, true
	}
	if mn.hijri {
		// شهر رمضان, رمضان الماضي; not a bare رمضان, which is also a name
		e.kind, e.rule, e.hijri = dkHijriMonthOnly, "hijri_month", true
		if dir, ok := monthMod(s.word(k)); ok && s.at(k) {
			e.dir, e.end = dir, k+1
			return e, true
		}
		if start < i {
			return e, true
		}
		return dateExpr{}, false
	}
	rule := "month"
	if part != partNone {
		rule = "month_part"
	}
	if off, end, ok := s.ofYear(k); ok {
		e.kind, e.n, e.end, e.rule = dkMonthYearRel, off, end, rule
		return e, true
	}
	if dir, ok := monthMod(s.word(k)); ok && s.at(k) {
		e.kind, e.dir, e.end, e.rule = dkMonthOnly, dir, k+1, rule
		return e, true
	}
	if mn.ambig && part == partNone && start == i {
		return dateExpr{}, false
	}
	if part == partNone && start == i && !inSet(s.word(i-1), yearTriggers) && !strings.HasSuffix(s.word(i)[:pre], wBi) {
		return dateExpr{}, false
	}
	e.kind, e.rule = dkMonthOnly, rule
	return e, true
}

// yearAfter reads a year after a month ending at k: 2018, 2018م, 1439 هـ,
// من عام 2018, عام 2018, ", 2018". hj reports a Hijri marker.
func (s *dateScanner) yearAfter(k int, hijriMonth bool) (y int, hj bool, end int, ok bool) {
	j := k
	switch w := s.word(j); {
	case !s.at(j):
		return 0, false, k, false
	case w == wMin && yearWords[s.word(j+1)] && s.at(j+1):
		j += 2
	case yearWords[w]:
		j++
	case isPunct(s.d, j, ","):
		j++
	}
	if !s.at(j) || s.d.Tokens[j].Kind != doc.Number {
		return 0, false, k, false
	}
	y = yearDigits(s.d.TokNorm(j))
	if y < 1 {
		return 0, false, k, false
	}
	end = j + 1
	if s.at(end) {
		switch w := s.word(end); {
		case hijriMarkers[w] && hijriMonth:
			hj, end = true, end+1
		case gregMarkers[w] && !hijriMonth:
			end++
		}
	}
	if !hijriMonth && (y < 1000 || y > 2200) {
		return 0, false, k, false
	}
	return y, hj, end, true
}

// ofYear reads "من العام الماضي", "من هذا العام" after a month: the year's
// offset from pub's.
func (s *dateScanner) ofYear(k int) (off, end int, ok bool) {
	if s.word(k) != wMin || !s.at(k+1) {
		return 0, k, false
	}
	w := s.word(k + 1)
	if w == wThis && yearDefWords[s.word(k+2)] && s.at(k+2) {
		return 0, k + 3, true
	}
	if yearDefWords[w] && s.at(k+2) {
		if off, ok := modOffset(s.word(k + 2)); ok {
			return off, k + 3, true
		}
	}
	return 0, k, false
}

// altMonth skips a second name of the same month after a month name ending
// at k: حزيران/يونيو, يونيو (حزيران), أكتوبر / تشرين الأول.
func (s *dateScanner) altMonth(k int, mn monthName) int {
	if !s.at(k) {
		return k
	}
	switch {
	case isPunct(s.d, k, "/") || isPunct(s.d, k, "-"):
		if m2, end, pre, ok := s.monthAt(k + 1); ok && pre == 0 && m2.month == mn.month && m2.hijri == mn.hijri && s.at(k+1) {
			return end
		}
	case s.d.Tokens[k].Has(doc.ParenOpen):
		if m2, end, pre, ok := s.monthAt(k + 1); ok && pre == 0 && m2.month == mn.month && m2.hijri == mn.hijri && s.at(k+1) &&
			end < len(s.d.Tokens) && s.d.Tokens[end].Has(doc.ParenClose) {
			return end + 1
		}
	}
	return k
}

// monthAt matches a month name at token k (its first word may carry
// proclitics): the month, the token after it, the proclitic bytes.
func (s *dateScanner) monthAt(k int) (mn monthName, end, pre int, ok bool) {
	w := s.word(k)
	if w == "" {
		return monthName{}, k, 0, false
	}
	ps, np := procliticLens(w)
	for _, p := range ps[:np] {
		for _, m := range months[w[p:]] {
			if m.second == "" {
				return m, k + 1, p, true
			}
			if s.at(k+1) && s.word(k+1) == m.second {
				return m, k + 2, p, true
			}
		}
	}
	return monthName{}, k, 0, false
}

// fromWord recognizes dates that start with a word.
func (s *dateScanner) fromWord(i int) (dateExpr, bool) {
	w := s.word(i)
	ps, np := procliticLens(w)
	for _, p := range ps[:np] {
		if !dateHeads[w[p:]] {
			continue
		}
		if e, ok := s.keyword(i, p, w[p:]); ok {
			return e, true
		}
	}
	// ل + the article written لل: لليوم, للعام
	for _, p := range ps[:np] {
		if rest, ok := strings.CutPrefix(w[p:], wLiLi); ok {
			if key, ok := elided[rest]; ok {
				return s.keyword(i, p, key)
			}
		}
	}
	return dateExpr{}, false
}

// keyword recognizes a date expression whose first word, without its
// proclitics (pre bytes), is key.
func (s *dateScanner) keyword(i, pre int, key string) (dateExpr, bool) {
	switch {
	case partsOfDay[key]:
		return s.partOfDay(i, pre)
	case key == wDayBare:
		return s.afterYawm(i, i, pre)
	case key == wToday:
		return s.today(i, i, pre)
	case key == wYesterday || key == wYesterdayDef || key == wBariha:
		if key == wYesterdayDef && s.word(i+1) == wRecent {
			return dateExpr{}, false // في الأمس القريب: in the recent past
		}
		return s.yesterday(i, i, pre)
	case key == wTonight:
		if (sameDay[s.word(i+1)] && s.at(i+1)) || (pre == 0 && inSet(s.word(i-1), thatDay)) {
			return dateExpr{}, false // الليلة ذاتها, ذات الليلة: the night already told of
		}
		e := dateExpr{start: i, end: i + 1, pre: pre, kind: dkDayRel, rule: "tonight"}
		if pastMods[s.word(i+1)] && s.at(i+1) {
			e.n, e.end, e.rule = -1, i+2, "last_night"
		}
		return e, true
	case key == wThis || key == wThisF:
		return s.thisPeriod(i, pre)
	case key == wTomorrow:
		return s.tomorrow(i, pre)
	case key == wAfter && s.word(i+1) == wTomorrowBare && s.at(i+1):
		return dateExpr{start: i, end: i + 2, pre: pre, kind: dkDayRel, n: 2, rule: "day_after_tomorrow"}, true
	case key == wSince || key == wBefore:
		return s.ago(i, pre)
	case key == wFirst && s.word(i+1) == wYesterday && s.at(i+1):
		return dateExpr{start: i, end: i + 2, pre: pre, kind: dkDayRel, n: -2, rule: "day_before_yesterday"}, true
	case key == wFirst && s.word(i+1) == wMin && s.word(i+2) == wYesterday && s.at(i+2):
		return dateExpr{start: i, end: i + 3, pre: pre, kind: dkDayRel, n: -2, rule: "day_before_yesterday"}, true
	case yearWords[key]:
		if e, ok := s.yearNumber(i, pre, partNone); ok {
			return e, true
		}
		if periodUnits[key] != 0 {
			return s.relPeriod(i, pre, key)
		}
		return dateExpr{}, false
	case periodUnits[key] != 0:
		return s.relPeriod(i, pre, key)
	case monthParts[key] != partNone:
		return s.monthPartOf(i, pre, monthParts[key])
	case key == wMonth:
		if s.at(i + 1) {
			return s.monthFirst(i+1, i, pre, partNone)
		}
		return dateExpr{}, false
	case key == wArticle && !s.d.Tokens[i].Has(doc.SpaceAfter) && i+1 < len(s.d.Tokens) &&
		s.d.Tokens[i+1].Kind == doc.Number:
		if day := smallInt(s.d.TokNorm(i+1), 31); day >= 1 {
			return s.dayMonth(i, i+2, pre, day) // الـ17 من حزيران
		}
		return dateExpr{}, false
	}
	if wd, ok := weekdays[key]; ok {
		return s.weekday(i, i, pre, wd)
	}
	if v, end, opre, ok := parseOrdinal(s.d, i, len(s.d.Tokens)); ok && v <= 31 && opre == pre && s.word(end) == wMin {
		return s.dayMonth(i, end, pre, v) // السابع عشر من حزيران
	}
	return s.monthFirst(i, i, pre, partNone)
}

// partOfDay recognizes صباح اليوم, مساء أمس, فجر الجمعة, ليلة أمس, صباح الغد,
// مساء يوم الخميس, ظهر 17 حزيران.
func (s *dateScanner) partOfDay(i, pre int) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) {
		return dateExpr{}, false
	}
	w := s.word(k)
	switch {
	case w == wToday:
		return s.today(k, i, pre)
	case w == wYesterday || w == wYesterdayDef || w == wBariha:
		return s.yesterday(k, i, pre)
	case w == wTomorrowDef:
		return dateExpr{start: i, end: k + 1, pre: pre, kind: dkDayRel, n: 1, rule: "tomorrow"}, true
	case w == wDayBare:
		return s.afterYawm(k, i, pre)
	case s.d.Tokens[k].Kind == doc.Number:
		if day := smallInt(s.d.TokNorm(k), 31); day >= 1 {
			return s.dayMonth(i, k+1, pre, day)
		}
		return dateExpr{}, false
	}
	if wd, ok := weekdays[w]; ok {
		return s.weekday(k, i, pre, wd)
	}
	return dateExpr{}, false
}

// afterYawm recognizes what follows يوم at i: a weekday, أمس, غد, a date.
func (s *dateScanner) afterYawm(i, start, pre int) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) {
		return dateExpr{}, false
	}
	w := s.word(k)
	switch {
	case w == wYesterday:
		return s.yesterday(k, start, pre)
	case w == wTomorrowBare:
		return dateExpr{start: start, end: k + 1, pre: pre, kind: dkDayRel, n: 1, rule: "tomorrow"}, true
	case s.d.Tokens[k].Kind == doc.Number:
		if day := smallInt(s.d.TokNorm(k), 31); day >= 1 {
			return s.dayMonth(start, k+1, pre, day)
		}
		return dateExpr{}, false
	}
	if wd, ok := weekdays[w]; ok {
		return s.weekday(k, start, pre, wd)
	}
	return dateExpr{}, false
}

// today recognizes اليوم at i (alone, or اليوم الخميس). It is not a date
// before an adjective or ordinal (اليوم العالمي, اليوم التالي, اليوم الأول)
// or in ذلك اليوم, اليوم نفسه.
func (s *dateScanner) today(i, start, pre int) (dateExpr, bool) {
	k := i + 1
	if s.at(k) {
		w := s.word(k)
		if wd, ok := weekdays[w]; ok {
			e, ok := s.weekday(k, start, pre, wd)
			if ok && e.kind == dkWeekday {
				e.rule, e.anchored, e.anchor = "today_weekday", true, 0
			}
			return e, ok
		}
		if sameDay[w] || strings.HasPrefix(w, wArticle) && (dayAdjectives[w] || strings.HasSuffix(w, wYa) ||
			strings.HasSuffix(w, wYaH) || isOrdinal(w)) {
			return dateExpr{}, false // اليوم الأول, اليوم العالمي, اليوم التالي; not اليوم الجيش
		}
	}
	if start == i && pre == 0 && inSet(s.word(i-1), thatDay) {
		return dateExpr{}, false
	}
	return dateExpr{start: start, end: i + 1, pre: pre, kind: dkDayRel, rule: "today"}, true
}

// yesterday recognizes أمس at i: أمس, أمس الأول, أمس الأربعاء.
func (s *dateScanner) yesterday(i, start, pre int) (dateExpr, bool) {
	k := i + 1
	e := dateExpr{start: start, end: i + 1, pre: pre, kind: dkDayRel, n: -1, rule: "yesterday"}
	if s.at(k) {
		w := s.word(k)
		if w == wFirstDef {
			e.n, e.end, e.rule = -2, k+1, "day_before_yesterday"
			return e, true
		}
		if wd, ok := weekdays[w]; ok {
			return dateExpr{start: start, end: k + 1, pre: pre, kind: dkWeekday, dir: dirPast, hasWd: true, wd: wd,
				anchored: true, anchor: -1, rule: "yesterday_weekday"}, true
		}
	}
	return e, true
}

// tomorrow recognizes غدا at i; the verb غدا ("became") is not a date: the
// adverb has tanween (غداً) or ends the clause.
func (s *dateScanner) tomorrow(i, pre int) (dateExpr, bool) {
	adverb := strings.ContainsRune(s.d.TokText(i), '\u064B') || !s.at(i+1) || s.d.Tokens[i+1].Kind != doc.Word
	if !adverb {
		if _, ok := weekdays[s.word(i+1)]; ok {
			adverb = true
		}
	}
	if !adverb || pre != 0 {
		return dateExpr{}, false
	}
	return dateExpr{start: i, end: i + 1, kind: dkDayRel, n: 1, rule: "tomorrow"}, true
}

// thisPeriod recognizes هذا الأسبوع, هذا الشهر, هذا العام, هذه السنة, هذه
// الليلة, هذا الصباح.
func (s *dateScanner) thisPeriod(i, pre int) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) {
		return dateExpr{}, false
	}
	w := s.word(k)
	e := dateExpr{start: i, end: k + 1, pre: pre}
	switch {
	case w == wTonight || w == wMorningDef || w == wEveningDef:
		e.kind, e.rule = dkDayRel, "today"
		if w == wTonight {
			e.rule = "tonight"
		}
	case periodUnits[w] == unitWeek:
		e.kind, e.rule = dkWeekRel, "this_week"
	case periodUnits[w] == unitMonth:
		e.kind, e.rule = dkMonthRel, "this_month"
	case periodUnits[w] == unitYear:
		e.kind, e.rule = dkYearRel, "this_year"
	default:
		return dateExpr{}, false
	}
	return e, true
}

// weekday recognizes a weekday at i (after يوم, اليوم, a part of day when
// start < i): alone, with الماضي/المقبل, or with an explicit date
// (الخميس 17 حزيران 2018).
func (s *dateScanner) weekday(i, start, pre int, wd time.Weekday) (dateExpr, bool) {
	prev := s.word(start - 1)
	if inSet(prev, weekdayBlock) && s.at(start) {
		return dateExpr{}, false // صلاة الجمعة, سوق الأحد
	}
	if wd == time.Monday && start == i && s.at(start) && (isForm(prev, wBoth) || isForm(prev, wBetween)) {
		return dateExpr{}, false // كلا الاثنين, بين الاثنين: "the two"
	}
	k := i + 1
	if de, ok := s.explicitAfter(k); ok {
		de.start, de.pre, de.hasWd, de.wd = start, pre, true, wd
		de.rule = "weekday_date"
		return de, true
	}
	e := dateExpr{start: start, end: k, pre: pre, kind: dkWeekday, hasWd: true, wd: wd, rule: "weekday"}
	if !s.at(k) {
		return e, true
	}
	w := s.word(k)
	switch {
	case pastMods[w]:
		e.dir, e.end, e.rule = dirPast, k+1, "weekday_past"
	case nextMods[w]:
		e.dir, e.end, e.rule = dirNext, k+1, "weekday_next"
	case w == wMin && s.word(k+1) == wWeekDef && s.at(k+2):
		if pastMods[s.word(k+2)] {
			e.dir, e.end, e.rule = dirPast, k+3, "weekday_past"
		} else if nextMods[s.word(k+2)] {
			e.dir, e.end, e.rule = dirNext, k+3, "weekday_next"
		}
	}
	return e, true
}

// explicitAfter recognizes a date written after a weekday ending at k:
// "17 حزيران 2018", "، 17/6/2018", "الموافق 17 حزيران", "(17 حزيران)".
func (s *dateScanner) explicitAfter(k int) (dateExpr, bool) {
	if !s.at(k) {
		return dateExpr{}, false
	}
	if isPunct(s.d, k, ",") {
		k++
	}
	if s.word(k) == wCorresponding {
		k++
	}
	paren := false
	if s.at(k) && s.d.Tokens[k].Has(doc.ParenOpen) {
		k, paren = k+1, true
	}
	if !s.at(k) || s.d.Tokens[k].Kind != doc.Number {
		return dateExpr{}, false
	}
	e, ok := s.numeric(k)
	if !ok {
		day := smallInt(s.d.TokNorm(k), 31)
		if day < 1 {
			return dateExpr{}, false
		}
		e, ok = s.dayMonth(k, k+1, 0, day)
		if !ok || e.kind == dkDayOfMonthRel {
			return dateExpr{}, false
		}
	}
	if paren {
		if e.end >= len(s.d.Tokens) || !s.d.Tokens[e.end].Has(doc.ParenClose) {
			return dateExpr{}, false
		}
		e.end++
	}
	return e, true
}

// ago recognizes منذ/قبل + a duration: قبل يومين, منذ ثلاثة أيام, قبل 3 أيام,
// منذ أسبوع, قبل نحو شهر, منذ ساعات, قبل قليل. A duration followed by من
// or على (قبل يومين من الهجوم) is relative to something else, not pub.
func (s *dateScanner) ago(i, pre int) (dateExpr, bool) {
	d := s.d
	k := i + 1
	if approxWords[s.word(k)] && s.at(k) {
		k++
	} else if s.word(k) == wMore && s.word(k+1) == wMin && s.at(k+1) {
		k += 2
	}
	if !s.at(k) {
		return dateExpr{}, false
	}
	if s.word(k) == wLittle {
		return dateExpr{start: i, end: k + 1, pre: pre, kind: dkDayRel, rule: "hours_ago"}, true
	}
	n, vague, unit, end := 1, false, "", k+1
	if c, ok := parseCard(d, k, len(d.Tokens)); ok {
		switch {
		case c.dual:
			n, unit, end = 2, c.nounNorm, c.end
		case c.qual == doc.Several:
			vague = true
		case c.qual != doc.Exact || c.val < 1 || c.val != float64(int(c.val)) || c.val > 1000:
			return dateExpr{}, false
		default:
			n = int(c.val)
		}
		if unit == "" {
			if !s.at(c.end) {
				return dateExpr{}, false
			}
			unit, end = singular(s.word(c.end), c.val, false), c.end+1
		}
	} else {
		w := s.word(k)
		if strings.HasPrefix(w, wArticle) {
			return dateExpr{}, false // منذ العام الماضي: the period rule reads it
		}
		f, ok := lookupNoun(singular(w, 0, false))
		if !ok {
			return dateExpr{}, false
		}
		unit = f.sing
		if g, ok := lookupNoun(w); ok && g.plural && !g.dual {
			vague = true
		}
	}
	if s.at(end) {
		w := s.word(end)
		if w == wMin || w == wOn || d.Tokens[end].Kind == doc.Number {
			return dateExpr{}, false
		}
		if _, ok := weekdays[w]; ok {
			return dateExpr{}, false // منذ يوم الخميس: since Thursday
		}
		if _, _, _, ok := s.monthAt(end); ok {
			return dateExpr{}, false
		}
	}
	e := dateExpr{start: i, end: end, pre: pre}
	switch unit {
	case uDay:
		if vague {
			e.kind, e.n, e.rule = dkWeekRel, -1, "days_ago_vague"
		} else if n <= 31 {
			e.kind, e.n, e.rule = dkDayRel, -n, "days_ago"
		} else {
			return dateExpr{}, false
		}
	case uHour, uMinute:
		e.kind, e.rule = dkDayRel, "hours_ago"
		if unit == uHour && !vague {
			e.n = -(n / 24)
		}
	case uWeek:
		if vague || n > 8 {
			return dateExpr{}, false
		}
		e.kind, e.n, e.rule = dkWeekRel, -n, "weeks_ago"
	case uMonth:
		if vague || n > 24 {
			return dateExpr{}, false
		}
		e.kind, e.n, e.rule = dkMonthRel, -n, "months_ago"
	case uYear, uYear2:
		if vague || n > 100 {
			return dateExpr{}, false
		}
		e.kind, e.n, e.rule = dkYearRel, -n, "years_ago"
	default:
		return dateExpr{}, false
	}
	return e, true
}

// yearNumber recognizes عام 2014, العام 2014, سنة 2014, عام 1439 هـ at i.
func (s *dateScanner) yearNumber(i, pre int, part period) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) || s.d.Tokens[k].Kind != doc.Number {
		return dateExpr{}, false
	}
	y := yearDigits(s.d.TokNorm(k))
	if y < 1 {
		return dateExpr{}, false
	}
	e := dateExpr{start: i, pre: pre, rule: "year", part: part}
	if part != partNone {
		e.rule = "year_part"
	}
	end := k + 1
	if s.at(end) {
		if hijriMarkers[s.word(end)] {
			return fixedYear(e, y, end+1, true)
		}
		if gregMarkers[s.word(end)] {
			end++
		}
	}
	return fixedYear(e, y, end, false)
}

// relPeriod recognizes الأسبوع/الشهر/العام + الماضي/الجاري/المقبل at i.
func (s *dateScanner) relPeriod(i, pre int, key string) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) {
		return dateExpr{}, false
	}
	off, ok := modOffset(s.word(k))
	if !ok {
		return dateExpr{}, false
	}
	unit := periodUnits[key]
	if unit == unitYear && key == wYearDef && s.at(i) && inSet(s.word(i-1), generalHeads) {
		return dateExpr{}, false // المدير العام الحالي: "general", not "year"
	}
	e := dateExpr{start: i, end: k + 1, pre: pre, n: off}
	switch unit {
	case unitWeek:
		e.kind = dkWeekRel
	case unitMonth:
		e.kind = dkMonthRel
	case unitYear:
		e.kind = dkYearRel
	}
	e.rule = relRules[unit][off+1]
	return e, true
}

// relRules names the relative period patterns by unit and offset.
var relRules = [...][3]string{
	unitWeek:  {"last_week", "this_week", "next_week"},
	unitMonth: {"last_month", "this_month", "next_month"},
	unitYear:  {"last_year", "this_year", "next_year"},
}

// monthPartOf recognizes مطلع/منتصف/أواخر + الشهر, a month name, العام, a
// year, الأسبوع at i.
func (s *dateScanner) monthPartOf(i, pre int, part period) (dateExpr, bool) {
	k := i + 1
	if !s.at(k) {
		return dateExpr{}, false
	}
	w := s.word(k)
	switch {
	case w == wMonthDef:
		e := dateExpr{start: i, end: k + 1, pre: pre, kind: dkMonthRel, part: part, rule: "month_part"}
		if off, ok := modOffset(s.word(k + 1)); ok && s.at(k+1) {
			e.n, e.end = off, k+2
		}
		return e, true
	case w == wThis && s.word(k+1) == wMonthDef && s.at(k+1):
		return dateExpr{start: i, end: k + 2, pre: pre, kind: dkMonthRel, part: part, rule: "month_part"}, true
	case w == wWeekDef:
		e := dateExpr{start: i, end: k + 1, pre: pre, kind: dkWeekRel, rule: "this_week"}
		if off, ok := modOffset(s.word(k + 1)); ok && s.at(k+1) {
			e.n, e.end, e.rule = off, k+2, relRules[unitWeek][off+1]
		}
		return e, true
	case yearWords[w]:
		if e, ok := s.yearNumber(k, 0, part); ok {
			e.start, e.pre = i, pre
			return e, true
		}
		if periodUnits[w] == unitYear {
			e := dateExpr{start: i, end: k + 1, pre: pre, kind: dkYearRel, part: part, rule: "year_part"}
			if off, ok := modOffset(s.word(k + 1)); ok && s.at(k+1) {
				e.n, e.end = off, k+2
			}
			return e, true
		}
		return dateExpr{}, false
	case s.d.Tokens[k].Kind == doc.Number:
		y := yearDigits(s.d.TokNorm(k))
		if y < 1900 || y > 2100 {
			return dateExpr{}, false
		}
		return fixedYear(dateExpr{start: i, pre: pre, part: part, rule: "year_part"}, y, k+1, false)
	case w == wMonth:
		return s.monthFirst(k+1, i, pre, part)
	}
	return s.monthFirst(k, i, pre, part)
}

// smallInt parses a token of one or two plain digits no larger than max;
// -1 otherwise.
func smallInt(s string, max int) int {
	if len(s) == 0 || len(s) > 2 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > max {
		return -1
	}
	return n
}

// yearDigits parses a token of exactly four plain digits; -1 otherwise.
func yearDigits(s string) int {
	if len(s) != 4 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return -1
	}
	return n
}

// modOffset reads a period modifier: past -1, current 0, next +1.
func modOffset(w string) (int, bool) {
	switch {
	case pastMods[w]:
		return -1, true
	case currentMods[w]:
		return 0, true
	case nextMods[w]:
		return 1, true
	}
	return 0, false
}

// monthMod reads a modifier after a month name or a day and month.
func monthMod(w string) (direction, bool) {
	switch {
	case pastMods[w]:
		return dirPast, true
	case currentMods[w]:
		return dirCurrent, true
	case nextMods[w]:
		return dirNext, true
	}
	return dirLatest, false
}

// Date lexicon.

// dateHeads are the words (without proclitics) that can start a date
// expression: a quick filter before the grammar. Immutable.
var dateHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{partsOfDay, yearWords} {
		for w := range set {
			m[w] = true
		}
	}
	for _, w := range []string{wDayBare, wToday, wYesterday, wYesterdayDef, wBariha, wTonight, wThis, wThisF,
		wTomorrow, wAfter, wSince, wBefore, wFirst, wMonth, wArticle} {
		m[w] = true
	}
	for w := range periodUnits {
		m[w] = true
	}
	for w := range monthParts {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	for w := range ordinals {
		m[w] = true
	}
	for w := range months {
		m[w] = true
	}
	return m
}()

// weekdays maps normalized weekday names (with the article) to their day.
var weekdays = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for _, e := range []struct {
		names string
		wd    time.Weekday
	}{
		{"السبت", time.Saturday},
		{"الأحد", time.Sunday},
		{"الاثنين الإثنين", time.Monday},
		{"الثلاثاء الثلاثا", time.Tuesday},
		{"الأربعاء الاربعا", time.Wednesday},
		{"الخميس", time.Thursday},
		{"الجمعة", time.Friday},
	} {
		for _, n := range strings.Fields(e.names) {
			m[Normalize(n)] = e.wd
		}
	}
	return m
}()

// Word classes of the date grammar.
var (
	partsOfDay   = wordSet("صباح مساء فجر ظهر عصر ليل ليلة ظهيرة صبيحة عشية ضحى")
	partAdverbs  = wordSet("صباحا مساء مساءا ليلا ظهرا فجرا عصرا")
	amPm         = wordSet("ص م")
	pastMods     = wordSet("الماضي الماضية الفائت الفائتة المنصرم المنصرمة المنقضي السابق")
	currentMods  = wordSet("الجاري الجارية الحالي الحالية")
	nextMods     = wordSet("المقبل المقبلة القادم القادمة")
	yearTriggers = wordSet("في منذ حتى خلال قبل بعد بحلول مطلع أوائل أواخر نهاية بداية منتصف")
	yearWords    = wordSet("عام العام سنة السنة")
	yearDefWords = wordSet("العام السنة")
	gregMarkers  = wordSet("م ميلادي ميلادية للميلاد")
	hijriMarkers = wordSet("هـ ه هجري هجرية للهجرة")
	approxWords  = wordSet("نحو حوالي حوالى قرابة زهاء")
	// weekdayBlock: a weekday after these is a name, not a date.
	weekdayBlock = wordSet("صلاة صلاه خطبة خطيب مسجد جامع سوق أيام عطلة كل ليالي")
	// sameDay and thatDay: اليوم refers back, not to pub.
	sameDay = wordSet("نفسه ذاته نفسها ذاتها")
	// dayAdjectives: اليوم before these is "the day", not today.
	dayAdjectives = wordSet("التالي الذي السابق الأخير الموعود المشهود المحدد المذكور المقرر الفاصل الطويل")
	thatDay       = wordSet("ذلك ذات نفس")
	// generalHeads: العام after these is the adjective "general".
	generalHeads = wordSet(`الأمين المدير المدعي الرأي القطاع المفتش النائب المؤتمر الاتحاد الأمن
		الإضراب المراقب المنسق المستشار القائد الحاكم المرشد الشأن الصالح النفع المال النظام الإطار
		المجال الطابع الوضع المشهد الاستياء الغضب التوجه الاتجاه المناخ العفو`)
)

// period units of relative expressions.
const (
	unitWeek = iota + 1
	unitMonth
	unitYear
)

var periodUnits = func() map[string]int {
	m := map[string]int{}
	for w, u := range map[string]int{"الأسبوع": unitWeek, "الشهر": unitMonth, "العام": unitYear, "السنة": unitYear} {
		m[Normalize(w)] = u
	}
	return m
}()

// monthParts maps the words for parts of a month or year to the part.
var monthParts = func() map[string]period {
	m := map[string]period{}
	for _, e := range []struct {
		words string
		p     period
	}{
		{"مطلع أوائل بداية بدايات مستهل أول", partStart},
		{"منتصف أواسط", partMiddle},
		{"أواخر نهاية آخر أخير", partEnd},
	} {
		for _, w := range strings.Fields(e.words) {
			m[Normalize(w)] = e.p
		}
	}
	return m
}()

// elided maps words after لل (ل + the article) to the word with its
// article: لليوم → اليوم.
var elided = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields("يوم عام سنة شهر أسبوع") {
		m[Normalize(w)] = Normalize("ال" + w)
	}
	return m
}()

// Normalized words the date grammar tests for.
var (
	wDayBare       = Normalize("يوم")
	wLiLi          = Normalize("لل")
	wYa            = Normalize("ي")
	wYaH           = Normalize("ية")
	wBetween       = Normalize("بين")
	wToday         = Normalize("اليوم")
	wYesterday     = Normalize("أمس")
	wYesterdayDef  = Normalize("الأمس")
	wBariha        = Normalize("البارحة")
	wRecent        = Normalize("القريب")
	wTonight       = Normalize("الليلة")
	wThis          = Normalize("هذا")
	wThisF         = Normalize("هذه")
	wMorningDef    = Normalize("الصباح")
	wEveningDef    = Normalize("المساء")
	wTomorrow      = Normalize("غدا")
	wTomorrowBare  = Normalize("غد")
	wTomorrowDef   = Normalize("الغد")
	wAfter         = Normalize("بعد")
	wSince         = Normalize("منذ")
	wBefore        = Normalize("قبل")
	wFirst         = Normalize("أول")
	wFirstDef      = Normalize("الأول")
	wMonth         = Normalize("شهر")
	wMonthDef      = Normalize("الشهر")
	wWeekDef       = Normalize("الأسبوع")
	wYearDef       = Normalize("العام")
	wCorresponding = Normalize("الموافق")
	wBoth          = Normalize("كلا")
	wMore          = Normalize("أكثر")
	wLittle        = Normalize("قليل")
	wOn            = Normalize("على")
	uDay           = Normalize("يوم")
	uHour          = Normalize("ساعة")
	uMinute        = Normalize("دقيقة")
	uWeek          = Normalize("أسبوع")
	uMonth         = Normalize("شهر")
	uYear          = Normalize("عام")
	uYear2         = Normalize("سنة")
)

// monthName is one entry of the month table.
type monthName struct {
	second string // the normalized second word, "" for one-word names
	month  int
	hijri  bool
	ambig  bool // a common word too: a month only beside a day or a year
}

//go:embed lexicon/months.tsv
var monthsTSV string

// months maps the normalized first word of each month name to its entries,
// two-word names first. Immutable.
var months = mustLexicon(parseMonths("lexicon/months.tsv", monthsTSV))

// parseMonths reads months.tsv (see the file's header).
func parseMonths(file, src string) (map[string][]monthName, error) {
	m := map[string][]monthName{}
	var errs lexErrors
	seen := map[string]int{}
	regions := wordSetPlain("levant egypt maghreb morocco hijri")
	for _, row := range tsvRows(src) {
		line, cols := row.line, row.cols
		if len(cols) < 4 || len(cols) > 5 {
			errs.add(file, line, "want 4 or 5 columns, got %d", len(cols))
			continue
		}
		if err := checkLexWord(cols[0], true); err != nil {
			errs.add(file, line, "name: %v", err)
			continue
		}
		mo, err := strconv.Atoi(cols[1])
		if err != nil || mo < 1 || mo > 12 {
			errs.add(file, line, "month %q: want 1..12", cols[1])
			continue
		}
		var hijri bool
		switch cols[2] {
		case "g":
		case "h":
			hijri = true
		default:
			errs.add(file, line, "calendar %q: want g or h", cols[2])
			continue
		}
		if !regions[cols[3]] {
			errs.add(file, line, "unknown region %q", cols[3])
		}
		ambig := false
		if len(cols) == 5 {
			for _, f := range splitList(cols[4]) {
				if f != "ambig" {
					errs.add(file, line, "unknown flag %q", f)
				}
				ambig = true
			}
		}
		name := Normalize(cols[0])
		first, second, _ := strings.Cut(name, " ")
		e := monthName{second: second, month: mo, hijri: hijri, ambig: ambig}
		if prev, dup := seen[name]; dup {
			for _, old := range m[first] {
				if old.second == second && old != e {
					errs.add(file, line, "%q normalizes like line %d with another month or flag", cols[0], prev)
				}
			}
			continue
		}
		seen[name] = line
		if second != "" {
			m[first] = append([]monthName{e}, m[first]...)
		} else {
			m[first] = append(m[first], e)
		}
	}
	return m, errs.err()
}

// wordSetPlain builds a set of words as written.
func wordSetPlain(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(list) {
		m[s] = true
	}
	return m
}
