package arabic_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// pub is a Thursday.
var pub = doc.Date{Year: 2018, Month: 6, Day: 21}

var precNames = map[doc.Precision]string{
	doc.NoPrecision: "none", doc.Day: "day", doc.Week: "week", doc.Month: "month", doc.Year: "year",
}

// dateSummary writes a date mention as "label:text=date[..end] precision
// [rel] [hijri]"; for future expressions the label is "future/<rule>".
func dateSummary(d *doc.Doc, m doc.Mention) string {
	v := m.Date
	label := m.Label
	if label != v.Rule {
		label += "/" + v.Rule
	}
	s := label + ":" + d.SpanText(m.Span) + "=" + v.Date.String()
	if !v.End.IsZero() {
		s += ".." + v.End.String()
	}
	s += " " + precNames[v.Precision]
	if v.Relative {
		s += " rel"
	}
	if v.Hijri {
		s += " hijri"
	}
	return s
}

func TestDates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		pub  doc.Date
		want []string
	}{
		// numeric
		{"iso", "نشر في 2018-06-17", pub, []string{"ymd:2018-06-17=2018-06-17 day"}},
		{"slashes ymd", "بتاريخ 2018/06/17", pub, []string{"ymd:2018/06/17=2018-06-17 day"}},
		{"slashes dmy", "بتاريخ 17/6/2018", pub, []string{"dmy:17/6/2018=2018-06-17 day"}},
		{"dashes dmy", "بتاريخ 17-6-2018", pub, []string{"dmy:17-6-2018=2018-06-17 day"}},
		{"dots dmy", "بتاريخ 17.6.2018", pub, []string{"dmy:17.6.2018=2018-06-17 day"}},
		{"dots ymd with time", "2018.06.17 | 12:06", pub, []string{"ymd:2018.06.17 | 12:06=2018-06-17 day"}},
		{"month first", "بتاريخ 6/17/2018", pub, []string{"mdy:6/17/2018=2018-06-17 day"}},
		{"arabic-indic digits", "بتاريخ ١٧/٦/٢٠١٨", pub, []string{"dmy:١٧/٦/٢٠١٨=2018-06-17 day"}},
		{"invalid day", "بتاريخ 31/2/2018", pub, nil},

		// day month year
		{"levantine", "في 17 حزيران 2018 قتل", pub, []string{"day_month_year:17 حزيران 2018=2018-06-17 day"}},
		{"egyptian", "في 17 يونيو 2018", pub, []string{"day_month_year:17 يونيو 2018=2018-06-17 day"}},
		{"slash pair", "في 17 حزيران/يونيو 2018", pub, []string{"day_month_year:17 حزيران/يونيو 2018=2018-06-17 day"}},
		{"paren pair", "في 17 يونيو (حزيران) 2018", pub, []string{"day_month_year:17 يونيو (حزيران) 2018=2018-06-17 day"}},
		{"kanun thani", "في 3 كانون الثاني 2019", pub, []string{"day_month_year:3 كانون الثاني 2019=2019-01-03 day"}},
		{"shubat", "5 شباط 2017", pub, []string{"day_month_year:5 شباط 2017=2017-02-05 day"}},
		{"adhar", "1 آذار 2016", pub, []string{"day_month_year:1 آذار 2016=2016-03-01 day"}},
		{"nisan", "2 نيسان 2015", pub, []string{"day_month_year:2 نيسان 2015=2015-04-02 day"}},
		{"ayyar", "3 أيار 2014", pub, []string{"day_month_year:3 أيار 2014=2014-05-03 day"}},
		{"tammuz", "4 تموز 2013", pub, []string{"day_month_year:4 تموز 2013=2013-07-04 day"}},
		{"ab", "5 آب 2012", pub, []string{"day_month_year:5 آب 2012=2012-08-05 day"}},
		{"aylul", "6 أيلول 2011", pub, []string{"day_month_year:6 أيلول 2011=2011-09-06 day"}},
		{"tishrin awwal", "7 تشرين الأول 2010", pub, []string{"day_month_year:7 تشرين الأول 2010=2010-10-07 day"}},
		{"tishrin thani", "7 تشرين الثاني 2010", pub, []string{"day_month_year:7 تشرين الثاني 2010=2010-11-07 day"}},
		{"kanun awwal", "8 كانون الأول 2009", pub, []string{"day_month_year:8 كانون الأول 2009=2009-12-08 day"}},
		{"yanayir", "5 يناير 2017", pub, []string{"day_month_year:5 يناير 2017=2017-01-05 day"}},
		{"fibrayir", "6 فبراير 2017", pub, []string{"day_month_year:6 فبراير 2017=2017-02-06 day"}},
		{"maris with day", "7 مارس 2017", pub, []string{"day_month_year:7 مارس 2017=2017-03-07 day"}},
		{"ibril", "8 إبريل 2017", pub, []string{"day_month_year:8 إبريل 2017=2017-04-08 day"}},
		{"mayu", "9 مايو 2017", pub, []string{"day_month_year:9 مايو 2017=2017-05-09 day"}},
		{"yunyah", "10 يونيه 2017", pub, []string{"day_month_year:10 يونيه 2017=2017-06-10 day"}},
		{"yulyah", "11 يوليه 2017", pub, []string{"day_month_year:11 يوليه 2017=2017-07-11 day"}},
		{"aghustus", "12 أغسطس 2017", pub, []string{"day_month_year:12 أغسطس 2017=2017-08-12 day"}},
		{"sibtambir", "13 سبتمبر 2017", pub, []string{"day_month_year:13 سبتمبر 2017=2017-09-13 day"}},
		{"uktubar", "14 أكتوبر 2017", pub, []string{"day_month_year:14 أكتوبر 2017=2017-10-14 day"}},
		{"nufambir", "14 نوفمبر 2017", pub, []string{"day_month_year:14 نوفمبر 2017=2017-11-14 day"}},
		{"disambir", "15 ديسمبر 2017", pub, []string{"day_month_year:15 ديسمبر 2017=2017-12-15 day"}},
		{"janfi", "12 جانفي 2015", pub, []string{"day_month_year:12 جانفي 2015=2015-01-12 day"}},
		{"fifri", "13 فيفري 2015", pub, []string{"day_month_year:13 فيفري 2015=2015-02-13 day"}},
		{"afril", "14 أفريل 2015", pub, []string{"day_month_year:14 أفريل 2015=2015-04-14 day"}},
		{"mai", "15 ماي 2015", pub, []string{"day_month_year:15 ماي 2015=2015-05-15 day"}},
		{"jwan", "16 جوان 2015", pub, []string{"day_month_year:16 جوان 2015=2015-06-16 day"}},
		{"jwilya", "17 جويلية 2015", pub, []string{"day_month_year:17 جويلية 2015=2015-07-17 day"}},
		{"ut", "18 أوت 2015", pub, []string{"day_month_year:18 أوت 2015=2015-08-18 day"}},
		{"moroccan", "19 شتنبر 2015", pub, []string{"day_month_year:19 شتنبر 2015=2015-09-19 day"}},
		{"of month word", "في 17 من شهر حزيران عام 2018", pub, []string{"day_month_year:17 من شهر حزيران عام 2018=2018-06-17 day"}},
		{"article day", "في الـ17 من حزيران", pub, []string{"day_month:الـ17 من حزيران=2018-06-17 day rel"}},
		{"ordinal day", "في السابع عشر من حزيران", pub, []string{"day_month:السابع عشر من حزيران=2018-06-17 day rel"}},
		{"diacritics", "في ١٧ حَزِيرَان ٢٠١٨", pub, []string{"day_month_year:١٧ حَزِيرَان ٢٠١٨=2018-06-17 day"}},
		{"era marker", "في 17 حزيران 2018م", pub, []string{"day_month_year:17 حزيران 2018م=2018-06-17 day"}},

		// day and month without a year
		{"day month recent", "في 17 حزيران", pub, []string{"day_month:17 حزيران=2018-06-17 day rel"}},
		{"day month last year", "في 25 حزيران", pub, []string{"day_month:25 حزيران=2017-06-25 day rel"}},
		{"day month past", "في 17 حزيران الماضي", pub, []string{"day_month:17 حزيران الماضي=2018-06-17 day rel"}},
		{"day month next", "في 17 حزيران المقبل", pub, []string{"future/day_month:17 حزيران المقبل=2019-06-17 day rel"}},
		{"day month no pub", "في 17 حزيران", doc.Date{}, []string{"day_month:17 حزيران= none rel"}},
		{"day of this month", "في 17 من الشهر الجاري", pub, []string{"day_of_month:17 من الشهر الجاري=2018-06-17 day rel"}},

		// month and year, year
		{"seed month pair", "منذ بدء العمليات في أكتوبر / تشرين الأول 2014.", pub, []string{"month_year:أكتوبر / تشرين الأول 2014=2014-10 month"}},
		{"month year", "في أيار 2018", pub, []string{"month_year:أيار 2018=2018-05 month"}},
		{"month of last year", "في حزيران من العام الماضي", pub, []string{"month:حزيران من العام الماضي=2017-06 month rel"}},
		{"month past", "في حزيران الماضي", pub, []string{"month:حزيران الماضي=2017-06 month rel"}},
		{"bare month", "في آذار قتل", pub, []string{"month:آذار=2018-03 month rel"}},
		{"bare month two words", "في تشرين الأول", pub, []string{"month:تشرين الأول=2017-10 month rel"}},
		{"shahr", "خلال شهر آب", pub, []string{"month:شهر آب=2017-08 month rel"}},
		{"bi month", "بحزيران", pub, []string{"month:حزيران=2018-06 month rel"}},
		{"year am", "منذ عام 2014", pub, []string{"year:عام 2014=2014 year"}},
		{"year sana", "في سنة 2011", pub, []string{"year:سنة 2011=2011 year"}},
		{"year bare", "في 2014، قتل", pub, []string{"year:2014=2014 year"}},
		{"year since", "منذ 2011", pub, []string{"year:2011=2011 year"}},
		{"year marker", "2014م", pub, []string{"year:2014م=2014 year"}},
		{"year clitic", "لعام 2015", pub, []string{"year:عام 2015=2015 year"}},
		{"year part", "نهاية عام 2017", pub, []string{"year_part:نهاية عام 2017=2017-12 month"}},

		// Hijri
		{"hijri day", "في 15 رمضان 1439 هـ", pub, []string{"hijri_date:15 رمضان 1439 هـ=2018-05-30 day hijri"}},
		{"hijri shawwal", "1 شوال 1439هـ", pub, []string{"hijri_date:1 شوال 1439هـ=2018-06-15 day hijri"}},
		{"hijri muharram", "1 محرم 1440 هجري", pub, []string{"hijri_date:1 محرم 1440 هجري=2018-09-11 day hijri"}},
		{"hijri month", "في رمضان 1439هـ", pub, []string{"hijri_month:رمضان 1439هـ=2018-05-16..2018-06-14 month hijri"}},
		{"hijri two words", "في 10 ذي الحجة 1439 هـ", pub, []string{"hijri_date:10 ذي الحجة 1439 هـ=2018-08-21 day hijri"}},
		{"hijri year", "عام 1439 هـ", pub, []string{"hijri_year:عام 1439 هـ=2017-09-21..2018-09-10 year hijri"}},
		{"hijri no year", "في 15 رمضان", pub, []string{"hijri_day_month:15 رمضان=2018-05-30 day rel hijri"}},
		{"hijri shahr", "خلال شهر رمضان", pub, []string{"hijri_month:شهر رمضان=2018-05-16..2018-06-14 month rel hijri"}},
		{"hijri tabular", "1 رمضان 1300 هـ", pub, []string{"hijri_date:1 رمضان 1300 هـ=1883-07-06 day hijri"}},
		{"hijri name", "قال محمد رمضان", pub, nil},

		// today, yesterday, tomorrow
		{"seed today weekday", "قال لصحيفة الشرق الأوسط، اليوم الخميس: إن", pub, []string{"today_weekday:اليوم الخميس=2018-06-21 day rel"}},
		{"seed today", "في بيان اليوم، قالت", pub, []string{"today:اليوم=2018-06-21 day rel"}},
		{"today mismatch", "اليوم الأربعاء", pub, []string{"today_weekday_mismatch:اليوم الأربعاء=2018-06-20 day rel"}},
		{"morning today", "صباح اليوم", pub, []string{"today:صباح اليوم=2018-06-21 day rel"}},
		{"until today", "حتى اليوم", pub, []string{"today:اليوم=2018-06-21 day rel"}},
		{"tonight", "الليلة", pub, []string{"tonight:الليلة=2018-06-21 day rel"}},
		{"this night", "هذه الليلة", pub, []string{"tonight:هذه الليلة=2018-06-21 day rel"}},
		{"last night", "الليلة الماضية", pub, []string{"last_night:الليلة الماضية=2018-06-20 day rel"}},
		{"night of yesterday", "ليلة أمس", pub, []string{"yesterday:ليلة أمس=2018-06-20 day rel"}},
		{"yesterday", "قال أمس", pub, []string{"yesterday:أمس=2018-06-20 day rel"}},
		{"bariha", "البارحة", pub, []string{"yesterday:البارحة=2018-06-20 day rel"}},
		{"evening yesterday", "مساء أمس", pub, []string{"yesterday:مساء أمس=2018-06-20 day rel"}},
		{"dawn yesterday", "فجر أمس", pub, []string{"yesterday:فجر أمس=2018-06-20 day rel"}},
		{"bil-ams", "بالأمس", pub, []string{"yesterday:الأمس=2018-06-20 day rel"}},
		{"yesterday weekday", "أمس الأربعاء", pub, []string{"yesterday_weekday:أمس الأربعاء=2018-06-20 day rel"}},
		{"day before yesterday", "أول أمس", pub, []string{"day_before_yesterday:أول أمس=2018-06-19 day rel"}},
		{"day before yesterday min", "أول من أمس", pub, []string{"day_before_yesterday:أول من أمس=2018-06-19 day rel"}},
		{"ams al-awwal", "أمس الأول", pub, []string{"day_before_yesterday:أمس الأول=2018-06-19 day rel"}},
		{"tomorrow", "تنطلق غداً", pub, []string{"future/tomorrow:غداً=2018-06-22 day rel"}},
		{"tomorrow morning", "صباح الغد", pub, []string{"future/tomorrow:صباح الغد=2018-06-22 day rel"}},
		{"no pub", "أمس", doc.Date{}, []string{"yesterday:أمس= none rel"}},

		// ago
		{"two days ago", "قبل يومين", pub, []string{"days_ago:قبل يومين=2018-06-19 day rel"}},
		{"three days ago", "قبل ثلاثة أيام", pub, []string{"days_ago:قبل ثلاثة أيام=2018-06-18 day rel"}},
		{"days ago digits", "منذ 5 أيام", pub, []string{"days_ago:منذ 5 أيام=2018-06-16 day rel"}},
		{"week ago", "منذ أسبوع", pub, []string{"weeks_ago:منذ أسبوع=2018-06-14..2018-06-20 week rel"}},
		{"two weeks ago", "قبل أسبوعين", pub, []string{"weeks_ago:قبل أسبوعين=2018-06-07..2018-06-13 week rel"}},
		{"some days ago", "منذ أيام", pub, []string{"days_ago_vague:منذ أيام=2018-06-14..2018-06-20 week rel"}},
		{"hours ago", "منذ ساعات", pub, []string{"hours_ago:منذ ساعات=2018-06-21 day rel"}},
		{"a while ago", "قبل قليل", pub, []string{"hours_ago:قبل قليل=2018-06-21 day rel"}},
		{"months ago", "قبل شهرين", pub, []string{"months_ago:قبل شهرين=2018-04 month rel"}},
		{"years ago", "قبل عامين", pub, []string{"years_ago:قبل عامين=2016 year rel"}},
		{"approx ago", "قبل نحو أسبوع", pub, []string{"weeks_ago:قبل نحو أسبوع=2018-06-14..2018-06-20 week rel"}},

		// weeks, months, years
		{"last week", "الأسبوع الماضي", pub, []string{"last_week:الأسبوع الماضي=2018-06-14..2018-06-20 week rel"}},
		{"this week", "هذا الأسبوع", pub, []string{"this_week:هذا الأسبوع=2018-06-15..2018-06-21 week rel"}},
		{"next week", "الأسبوع المقبل", pub, []string{"future/next_week:الأسبوع المقبل=2018-06-22..2018-06-28 week rel"}},
		{"last month", "الشهر الماضي", pub, []string{"last_month:الشهر الماضي=2018-05 month rel"}},
		{"this month", "الشهر الجاري", pub, []string{"this_month:الشهر الجاري=2018-06 month rel"}},
		{"hadha shahr", "هذا الشهر", pub, []string{"this_month:هذا الشهر=2018-06 month rel"}},
		{"next month", "الشهر المقبل", pub, []string{"future/next_month:الشهر المقبل=2018-07 month rel"}},
		{"start of month", "مطلع الشهر", pub, []string{"month_part:مطلع الشهر=2018-06-01..2018-06-07 week rel"}},
		{"early month", "أوائل الشهر الماضي", pub, []string{"month_part:أوائل الشهر الماضي=2018-05-01..2018-05-07 week rel"}},
		{"mid month", "منتصف الشهر", pub, []string{"month_part:منتصف الشهر=2018-06-15 week rel"}},
		{"end of last month", "أواخر الشهر الماضي", pub, []string{"month_part:أواخر الشهر الماضي=2018-05-25..2018-05-31 week rel"}},
		{"mid september", "منتصف أيلول الماضي", pub, []string{"month_part:منتصف أيلول الماضي=2017-09-15 week rel"}},
		{"start of june", "مطلع حزيران", pub, []string{"month_part:مطلع حزيران=2018-06-01..2018-06-07 week rel"}},
		{"end of may year", "نهاية أيار 2018", pub, []string{"month_part:نهاية أيار 2018=2018-05-25..2018-05-31 week"}},
		{"last year", "العام الماضي", pub, []string{"last_year:العام الماضي=2017 year rel"}},
		{"this year", "العام الجاري", pub, []string{"this_year:العام الجاري=2018 year rel"}},
		{"last year feminine", "السنة الماضية", pub, []string{"last_year:السنة الماضية=2017 year rel"}},
		{"start of year", "مطلع العام الجاري", pub, []string{"year_part:مطلع العام الجاري=2018-01 month rel"}},
		{"next year", "العام المقبل", pub, []string{"future/next_year:العام المقبل=2019 year rel"}},

		// weekdays
		{"weekday", "قال الخميس", pub, []string{"weekday:الخميس=2018-06-21 day rel"}},
		{"yawm weekday", "يوم الخميس", pub, []string{"weekday:يوم الخميس=2018-06-21 day rel"}},
		{"wednesday", "الأربعاء", pub, []string{"weekday:الأربعاء=2018-06-20 day rel"}},
		{"friday", "الجمعة", pub, []string{"weekday:الجمعة=2018-06-15 day rel"}},
		{"monday hamza", "الإثنين", pub, []string{"weekday:الإثنين=2018-06-18 day rel"}},
		{"tuesday", "الثلاثاء", pub, []string{"weekday:الثلاثاء=2018-06-19 day rel"}},
		{"sunday", "الأحد", pub, []string{"weekday:الأحد=2018-06-17 day rel"}},
		{"saturday clitic", "والسبت", pub, []string{"weekday:السبت=2018-06-16 day rel"}},
		{"weekday past", "الخميس الماضي", pub, []string{"weekday_past:الخميس الماضي=2018-06-14 day rel"}},
		{"weekday of last week", "الأحد من الأسبوع الماضي", pub, []string{"weekday_past:الأحد من الأسبوع الماضي=2018-06-17 day rel"}},
		{"evening weekday", "مساء الخميس", pub, []string{"weekday:مساء الخميس=2018-06-21 day rel"}},
		{"dawn friday", "فجر الجمعة", pub, []string{"weekday:فجر الجمعة=2018-06-15 day rel"}},
		{"evening yawm weekday", "مساء يوم الثلاثاء", pub, []string{"weekday:مساء يوم الثلاثاء=2018-06-19 day rel"}},
		{"weekday next", "الخميس المقبل", pub, []string{"future/weekday_next:الخميس المقبل=2018-06-28 day rel"}},
		{"weekday qadim", "السبت القادم", pub, []string{"future/weekday_next:السبت القادم=2018-06-23 day rel"}},
		{"weekday date", "الأحد 17 حزيران 2018", pub, []string{"weekday_date:الأحد 17 حزيران 2018=2018-06-17 day"}},
		{"weekday date mismatch", "الخميس 17 حزيران 2018", pub, []string{"weekday_date_mismatch:الخميس 17 حزيران 2018=2018-06-17 day"}},
		{"weekday date no year", "الخميس 17 حزيران", pub, []string{"weekday_date_mismatch:الخميس 17 حزيران=2018-06-17 day rel"}},
		{"weekday comma date", "الأحد، 17/6/2018", pub, []string{"weekday_date:الأحد، 17/6/2018=2018-06-17 day"}},
		{"weekday corresponding", "يوم الخميس الموافق 21 حزيران 2018", pub, []string{"weekday_date:يوم الخميس الموافق 21 حزيران 2018=2018-06-21 day"}},
		{"weekday time", "الخميس الساعة 10 صباحا", pub, []string{"weekday:الخميس الساعة 10 صباحا=2018-06-21 day rel"}},

		// not dates
		{"world day", "اليوم العالمي للاجئين", pub, nil},
		{"next day", "في اليوم التالي", pub, nil},
		{"first day", "في اليوم الأول من المعركة", pub, nil},
		{"same day", "في اليوم نفسه", pub, nil},
		{"same night", "وفي الليلة ذاتها", pub, nil},
		{"same night, نفسها", "الليلة نفسها", pub, nil},
		{"that night", "في ذات الليلة", pub, nil},
		{"that day", "في ذلك اليوم", pub, nil},
		{"national day", "اليوم الوطني", pub, nil},
		{"day which", "في اليوم الذي", pub, nil},
		{"today subject", "أعلن اليوم الجيش السوري", pub, []string{"today:اليوم=2018-06-21 day rel"}},
		{"since last year", "منذ العام الماضي", pub, []string{"last_year:العام الماضي=2017 year rel"}},
		{"before the attack", "قبل الهجوم", pub, nil},
		{"friday prayer", "بعد صلاة الجمعة", pub, nil},
		{"friday mosque", "في مسجد الجمعة", pub, nil},
		{"friday sermon", "خطبة الجمعة", pub, nil},
		{"friday market", "سوق الخميس", pub, nil},
		{"father", "أب الشهيد", pub, nil},
		{"practised", "مارس التنظيم ضغطا", pub, nil},
		{"ambiguous month needs number", "في مارس", pub, nil},
		{"given name", "جوان إبراهيم", pub, nil},
		{"became", "غدا المشهد أكثر تعقيدا", pub, nil},
		{"general", "الأمين العام الحالي", pub, nil},
		{"relative to event", "قبل يومين من الهجوم", pub, nil},
		{"since weekday", "منذ يوم الخميس", pub, []string{"weekday:يوم الخميس=2018-06-21 day rel"}},
		{"the two", "بين الاثنين", pub, nil},
		{"count noun year", "في 2000 غارة", pub, nil},
		{"recent past", "في الأمس القريب", pub, nil},
		{"tishrin alone", "تشرين", pub, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(tt.in)
			var got []string
			for _, m := range arabic.Dates(d, tt.pub, nil) {
				got = append(got, dateSummary(d, m))
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("Dates(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDatesMention(t *testing.T) {
	d := analyzed("قتل خمسة والخميس الماضي")
	ms := arabic.Dates(d, pub, []doc.Mention{{Kind: doc.MNumber}})
	if len(ms) != 2 {
		t.Fatalf("got %d mentions, want the one passed in and one date", len(ms))
	}
	m := ms[1]
	if m.Kind != doc.MDate || m.Source != doc.FromRule || m.Date == nil || !m.Date.Relative {
		t.Errorf("mention = %+v", m)
	}
	if got := d.SpanText(m.Span); got != "الخميس الماضي" {
		t.Errorf("span = %q, want the weekday without its clitic", got)
	}
	if m.Span.Start != 2 || m.Span.End != 4 {
		t.Errorf("span tokens = [%d,%d), want [2,4)", m.Span.Start, m.Span.End)
	}
}

func TestDatesSeed(t *testing.T) {
	d := analyzed(seedText(t))
	pub := doc.Date{Year: 2018, Month: 6, Day: 21}
	got := map[string]string{}
	for _, m := range arabic.Dates(d, pub, nil) {
		got[d.SpanText(m.Span)] = dateSummary(d, m)
	}
	for text, want := range map[string]string{
		"اليوم الخميس":              "today_weekday:اليوم الخميس=2018-06-21 day rel",
		"أكتوبر / تشرين الأول 2014": "month_year:أكتوبر / تشرين الأول 2014=2014-10 month",
		"اليوم": "today:اليوم=2018-06-21 day rel",
	} {
		if got[text] != want {
			t.Errorf("seed %q: got %q, want %q", text, got[text], want)
		}
	}
	if len(got) != 3 {
		t.Errorf("seed: got %d distinct date mentions %q, want 3", len(got), got)
	}
}

// TestDatesNumbersDisjoint checks that Numbers reports nothing inside a
// date expression.
func TestDatesNumbersDisjoint(t *testing.T) {
	text := benchText + "في 17 حزيران 2018 و2018-06-17 و17/6/2018 | 12:06 وقبل ثلاثة أيام وعام 2014 و15 رمضان 1439 هـ"
	if seed, ok := readSeed(); ok {
		text += seed
	}
	d := analyzed(text)
	dates := arabic.Dates(d, pub, nil)
	for _, n := range arabic.Numbers(d, nil) {
		for _, m := range dates {
			if n.Overlaps(m.Span) {
				t.Errorf("number %q overlaps date %q", d.SpanText(n.Span), d.SpanText(m.Span))
			}
		}
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"اليوم الخميس", "أكتوبر / تشرين الأول 2014", "2018.06.17 | 12:06", "17 يونيو (حزيران) 2018",
		"15 رمضان 1439 هـ", "قبل ثلاثة أيام", "مطلع الشهر الماضي", "الخميس 17 حزيران", "الـ17 من",
		"منذ", "يوم", "مساء", "29 شباط", "30 ذي الحجة 1500 هـ", "1 محرم 1 هـ", "عام 9999",
	} {
		f.Add(s, 2018, 6, 21)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, dd int) {
		if !utf8.ValidString(s) {
			return
		}
		p := doc.Date{Year: y, Month: m, Day: dd}
		d := analyzed(s)
		ms := arabic.Dates(d, p, nil)
		checkSpans(t, d, ms)
		for _, m := range ms {
			v := m.Date
			if v == nil || m.Kind != doc.MDate {
				t.Fatalf("mention without a date")
			}
			if !v.Date.IsZero() && !v.Date.Valid() || !v.End.IsZero() && !v.End.Valid() {
				t.Fatalf("%q: invalid date %v..%v", d.SpanText(m.Span), v.Date, v.End)
			}
			if !v.End.IsZero() && v.End.Before(v.Date) {
				t.Fatalf("%q: interval ends before it starts: %v..%v", d.SpanText(m.Span), v.Date, v.End)
			}
		}
		checkSpans(t, d, arabic.Numbers(d, nil))
	})
}

func BenchmarkDates(b *testing.B) {
	d := analyzed(strings.Repeat(benchText, 20))
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	var dst []doc.Mention
	for b.Loop() {
		dst = arabic.Dates(d, pub, dst[:0])
	}
}
