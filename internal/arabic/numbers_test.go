package arabic_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// analyzed returns an analyzed Doc for s.
func analyzed(s string) *doc.Doc {
	d := &doc.Doc{Text: s}
	arabic.Analyze(d)
	return d
}

// fmtNum formats a figure without a trailing ".0".
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// numSummary writes a number mention as "label:text=value[-max] [qual] [%]
// [ord] [n=noun]".
func numSummary(d *doc.Doc, m doc.Mention) string {
	q := m.Num
	var b strings.Builder
	b.WriteString(m.Label + ":" + d.SpanText(m.Span) + "=" + fmtNum(q.Value))
	if q.Qual == doc.Range {
		b.WriteString("-" + fmtNum(q.Max))
	} else if q.Qual != doc.Exact {
		b.WriteString(" " + q.Qual.String())
	}
	if q.Percent {
		b.WriteString(" %")
	}
	if q.Ordinal {
		b.WriteString(" ord")
	}
	if q.NounNorm != "" {
		b.WriteString(" n=" + q.NounNorm)
	}
	return b.String()
}

// normalizeWant normalizes the noun of a wanted summary, so tables can
// spell nouns as written (دولة for دوله).
func normalizeWant(w string) string {
	if head, noun, ok := strings.Cut(w, " n="); ok {
		return head + " n=" + arabic.Normalize(noun)
	}
	return w
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// digits
		{"digits", "قتل 17 شخصاً في القصف", []string{"digits:17=17 n=شخص"}},
		{"thousands comma", "تبلغ مساحة المنطقة 71,360 كيلومتر", []string{"digits:71,360=71360 n=كيلومتر"}},
		{"arabic-indic", "قتل ١٧ مدنياً", []string{"digits:١٧=17 n=مدني"}},
		{"arabic-indic thousands", "نزوح ٧١٬٣٦٠ شخصا", []string{"digits:٧١٬٣٦٠=71360 n=شخص"}},
		{"decimal", "خسائر بقيمة 3.5 مليون دولار", []string{"digits:3.5 مليون=3500000 n=دولار"}},
		{"arabic decimal", "ارتفع بنسبة ٣٫٥ نقطة", []string{"digits:٣٫٥=3.5 n=نقطه"}},
		{"digits million", "نزح 2 مليون شخص", []string{"digits:2 مليون=2000000 n=شخص"}},
		{"digits thousands word", "قتل 3 آلاف مدني", []string{"digits:3 آلاف=3000 n=مدني"}},
		{"seed quoted", "السيطرة على مساحة “71360” كيلو متر على طول الحدود", []string{"digits:71360=71360 n=كيلومتر"}},
		{"seed states", "التحالف الذي يضم 77 دولة مشاركة", []string{"digits:77=77 n=دولة"}},
		{"quantity is not a clitic + hundred", "تم الاستيلاء على كمية كبيرة من الأسلحة", nil},
		{"colloquial hundred bare", "قتل مية شخص", []string{"words:مية=100 n=شخص"}},
		{"km abbreviation", "على بعد 5 كم من المدينة", []string{"digits:5=5 n=كيلومتر"}},
		{"kilogram two tokens", "ضبط 100 كيلو غرام من المتفجرات", []string{"digits:100=100 n=كيلوغرام"}},
		{"two figures", "قتل 5 وأصيب 10 آخرون", []string{"digits:5=5", "digits:10=10"}},
		{"genitive min construct", "أصيب ثلاثة من مقاتليها", []string{"words:ثلاثة=3 n=مقاتل"}},
		{"genitive min digits", "بينهم 327 من عناصر قسد", []string{"digits:327=327 n=عنصر"}},
		{"genitive min unknown", "ثلاثة من الأسباب", []string{"words:ثلاثة=3"}},
		{"sound plural unknown", "اعتقلت ٤ متهمين", []string{"digits:٤=4 n=متهم"}},
		{"persian digits", "ما يزيد على ۲۴ میلیون شخص", []string{"digits:ما يزيد على ۲۴ میلیون=24000000 more_than n=شخص"}},

		// percent
		{"percent sign", "سيطر على أكثر من 98 % من الأراضي", []string{"percent:أكثر من 98 %=98 more_than %"}},
		{"arabic percent", "بنسبة ٩٨٪ من السكان", []string{"percent:٩٨٪=98 %"}},
		{"percent words", "تراجع 40 في المئة", []string{"percent:40 في المئة=40 %"}},
		{"percent bil", "بنسبة 40 بالمائة", []string{"percent:40 بالمائة=40 %"}},
		{"percent number words", "خمسون في المائة من المنازل", []string{"percent:خمسون في المائة=50 %"}},

		// words
		{"unit", "سقط ثلاثة قتلى", []string{"words:ثلاثة=3 n=قتيل"}},
		{"unit feminine", "شنت الطائرات ثلاث غارات", []string{"words:ثلاث=3 n=غارة"}},
		{"ten", "أصيب عشرة أشخاص", []string{"words:عشرة=10 n=شخص"}},
		{"eight", "اعتقال ثماني نساء", []string{"words:ثماني=8 n=امرأة"}},
		{"teen", "قتل سبعة عشر شخصا", []string{"words:سبعة عشر=17 n=شخص"}},
		{"eleven feminine", "نفذ إحدى عشرة غارة", []string{"words:إحدى عشرة=11 n=غارة"}},
		{"twelve", "مقتل اثني عشر عنصرا", []string{"words:اثني عشر=12 n=عنصر"}},
		{"twelve nominative", "قتل اثنا عشر جنديا", []string{"words:اثنا عشر=12 n=جندي"}},
		{"twenty-one", "سقط واحد وعشرون قتيلا", []string{"words:واحد وعشرون=21 n=قتيل"}},
		{"compound thousands", "نحو خمسة وعشرين ألف نازح", []string{"words:نحو خمسة وعشرين ألف=25000 approx n=نازح"}},
		{"hundred and fifty", "اعتقل مئة وخمسون شخصا", []string{"words:مئة وخمسون=150 n=شخص"}},
		{"hundred twenty-five", "اعتقل مئة وخمسة وعشرون شخصا", []string{"words:مئة وخمسة وعشرون=125 n=شخص"}},
		{"hundred fifteen", "مئة وخمسة عشر", []string{"words:مئة وخمسة عشر=115"}},
		{"two hundred construct", "فقد مائتا عنصر", []string{"words:مائتا=200 n=عنصر"}},
		{"three hundred joined", "انشق ثلاثمائة مقاتل", []string{"words:ثلاثمائة=300 n=مقاتل"}},
		{"three hundred split", "انشق ثلاث مئة مقاتل", []string{"words:ثلاث مئة=300 n=مقاتل"}},
		{"thousands and hundreds", "عودة ثلاثة آلاف وخمسمئة نازح", []string{"words:ثلاثة آلاف وخمسمئة=3500 n=نازح"}},
		{"thousand", "يتحصن ألف مقاتل", []string{"words:ألف=1000 n=مقاتل"}},
		{"two thousand", "ترحيل ألفي شخص", []string{"words:ألفي=2000 n=شخص"}},
		{"ten thousand", "عشرة آلاف جندي", []string{"words:عشرة آلاف=10000 n=جندي"}},
		{"thirteen thousand", "ثلاثة عشر ألف لاجئ", []string{"words:ثلاثة عشر ألف=13000 n=لاجئ"}},
		{"half million", "نزوح نصف مليون لاجئ", []string{"words:نصف مليون=500000 n=لاجئ"}},
		{"million and half", "مليون ونصف نازح", []string{"words:مليون ونصف=1500000 n=نازح"}},
		{"million two hundred thousand", "مليون ومئتا ألف", []string{"words:مليون ومئتا ألف=1200000"}},
		{"hundred twenty accusative", "مئة وعشرون قتيلا", []string{"words:مئة وعشرون=120 n=قتيل"}},
		{"years", "رجل يبلغ 45 عاما", []string{"digits:45=45 n=عام"}},
		{"one after noun", "سقط قتيل واحد", []string{"words:واحد=1 n=قتيل"}},
		{"and written apart", "مئة و خمسون", []string{"words:مئة و خمسون=150"}},

		// clitics and spelling
		{"clitic bi", "استهدف بثلاثة صواريخ", []string{"words:ثلاثة=3 n=صاروخ"}},
		{"clitic li", "استمر لخمسة أيام", []string{"words:خمسة=5 n=يوم"}},
		{"clitic wa", "وعشرون جريحا سقطوا", []string{"words:عشرون=20 n=جريح"}},
		{"article", "القتلى الثلاثة", []string{"words:الثلاثة=3 n=قتيل"}},
		{"article adjective", "الأيام الثلاثة الماضية", []string{"words:الثلاثة=3 n=يوم"}},
		{"dual adjective", "أسقطت طائرتين مسيرتين", []string{"dual:طائرتين مسيرتين=2 n=طائرة"}},
		{"diacritics", "سقط ثَلاثَةُ قَتْلَى", []string{"words:ثَلاثَةُ=3 n=قتيل"}},
		{"tatweel", "سقط ثلاثــة قتلى", []string{"words:ثلاثــة=3 n=قتيل"}},
		{"alef variants", "اربعة قتلى", []string{"words:اربعة=4 n=قتيل"}},

		// duals
		{"dual month", "استمر شهرين", []string{"dual:شهرين=2 n=شهر"}},
		{"dual raid", "شن غارتين", []string{"dual:غارتين=2 n=غارة"}},
		{"dual killed", "سقوط قتيلين", []string{"dual:قتيلين=2 n=قتيل"}},
		{"dual clitic", "استهدفها بغارتين", []string{"dual:غارتين=2 n=غارة"}},
		{"dual with article", "خلال الشهرين الماضيين", []string{"dual:الشهرين=2 n=شهر"}},
		{"dual nominative", "قتل عنصران", []string{"dual:عنصران=2 n=عنصر"}},
		{"dual hours", "بعد ساعتين", []string{"dual:ساعتين=2 n=ساعة"}},
		{"dual years", "خلال عامين", []string{"dual:عامين=2 n=عام"}},
		{"dual sana", "خلال قرابة سنتين", []string{"dual:قرابة سنتين=2 approx n=سنة"}},
		{"nisba plural", "قتل مدنيين في القصف", nil},
		{"nisba dual", "قتل مدنيين اثنين", []string{"dual:مدنيين اثنين=2 n=مدني"}},
		{"plural fighters", "عشرات المقاتلين", []string{"vague:عشرات=12 dozens n=مقاتل"}},

		// qualifiers
		{"approx nahw", "قتل نحو 20 شخصا", []string{"digits:نحو 20=20 approx n=شخص"}},
		{"approx hawali", "حوالى 30 قتيلا", []string{"digits:حوالى 30=30 approx n=قتيل"}},
		{"approx qaraba", "قرابة مئة عنصر", []string{"words:قرابة مئة=100 approx n=عنصر"}},
		{"approx zuhaa", "زهاء ألفي مقاتل", []string{"words:زهاء ألفي=2000 approx n=مقاتل"}},
		{"approx yuqarib", "ما يقارب 50 جريحا", []string{"digits:ما يقارب 50=50 approx n=جريح"}},
		{"approx yunahiz", "ما يناهز 400 شخص", []string{"digits:ما يناهز 400=400 approx n=شخص"}},
		{"approx after noun", "قتل 20 شخصا تقريبا", []string{"digits:20=20 approx n=شخص"}},
		{"approx after number", "قتل 20 تقريبا", []string{"digits:20 تقريبا=20 approx"}},
		{"more than seed", "يتحصّن أكثر من ألف مقاتل من التنظيم", []string{"words:أكثر من ألف=1000 more_than n=مقاتل"}},
		{"more than yazid", "ما يزيد عن 300 عنصر", []string{"digits:ما يزيد عن 300=300 more_than n=عنصر"}},
		{"more than ala", "ما يزيد على 300 عنصر", []string{"digits:ما يزيد على 300=300 more_than n=عنصر"}},
		{"more than azyad", "أزيد من 40 قتيلا", []string{"digits:أزيد من 40=40 more_than n=قتيل"}},
		{"more than clitic", "تقدر بأكثر من 50 قتيلا", []string{"digits:أكثر من 50=50 more_than n=قتيل"}},
		{"at least before", "ما لا يقل عن 12 شخصا", []string{"digits:ما لا يقل عن 12=12 at_least n=شخص"}},
		{"at least after noun", "قتل 17 شخصا على الأقل", []string{"digits:17=17 at_least n=شخص"}},
		{"at least first", "قتل على الأقل 5 مدنيين", []string{"digits:على الأقل 5=5 at_least n=مدني"}},
		{"less than", "أقل من 10 عناصر", []string{"digits:أقل من 10=10 less_than n=عنصر"}},
		{"at most", "ما لا يزيد عن 20 شخصا", []string{"digits:ما لا يزيد عن 20=20 at_most n=شخص"}},
		{"or more", "15 عاما فأكثر", []string{"digits:15=15 at_least n=عام"}},

		// vague
		{"several bidaa", "قتل بضعة أشخاص", []string{"vague:بضعة=3 several n=شخص"}},
		{"several idda", "في عدة مناطق", []string{"vague:عدة=3 several n=منطقة"}},
		{"a number of", "أصيب عدد من المدنيين", []string{"vague:عدد=3 several n=مدني"}},
		{"a number of construct", "اعتقال عدد من عناصر التنظيم", []string{"vague:عدد=3 several n=عنصر"}},
		{"number of killed is not vague", "بلغ عدد القتلى 17", []string{"digits:17=17"}},
		{"dozens", "سقوط عشرات القتلى", []string{"vague:عشرات=12 dozens n=قتيل"}},
		{"dozens min", "عشرات من المقاتلين", []string{"vague:عشرات=12 dozens n=مقاتل"}},
		{"dozens clitic", "استهدف بعشرات الصواريخ", []string{"vague:عشرات=12 dozens n=صاروخ"}},
		{"hundreds", "مئات المدنيين", []string{"vague:مئات=100 hundreds n=مدني"}},
		{"thousands", "آلاف النازحين", []string{"vague:آلاف=1000 thousands n=نازح"}},
		{"thousands article", "نزح الآلاف", []string{"vague:الآلاف=1000 thousands"}},
		{"millions", "ملايين اللاجئين", []string{"vague:ملايين=1000000 millions n=لاجئ"}},
		{"tens of thousands", "عشرات الآلاف من النازحين", []string{"vague:عشرات الآلاف=12000 dozens n=نازح"}},
		{"hundreds of thousands", "مئات الآلاف", []string{"vague:مئات الآلاف=100000 hundreds"}},
		{"a few thousand", "بضعة آلاف مقاتل", []string{"vague:بضعة آلاف=3000 several n=مقاتل"}},

		// ranges
		{"range seed", "يمكن أن تستمر ما بين شهرين إلى ثلاثة أشهر", []string{"range:ما بين شهرين إلى ثلاثة=2-3 n=شهر"}},
		{"range between and", "بين 10 و15 قتيلا", []string{"range:بين 10 و15=10-15 n=قتيل"}},
		{"range from to", "من 3 إلى 5 أيام", []string{"range:من 3 إلى 5=3-5 n=يوم"}},
		{"range dash", "سقط 10-15 مدنيا", []string{"range:10-15=10-15 n=مدني"}},
		{"range spaced dash", "سقط 10 - 15 مدنيا", []string{"range:10 - 15=10-15 n=مدني"}},
		{"range or", "3 أو 4 غارات", []string{"range:3 أو 4=3-4 n=غارة"}},
		{"range words or", "ثلاثة أو أربعة صواريخ", []string{"range:ثلاثة أو أربعة=3-4 n=صاروخ"}},
		{"range between words", "بين خمسة وعشرين شخصا", []string{"range:بين خمسة وعشرين=5-20 n=شخص"}},
		{"range compound", "بين خمسة وعشرين وثلاثين", []string{"range:بين خمسة وعشرين وثلاثين=25-30"}},
		{"range percent", "بين 10 و15 %", []string{"range:بين 10 و15 %=10-15 %"}},
		{"not range decreasing", "10 أو 5", []string{"digits:10=10", "digits:5=5"}},
		{"from without range", "من 3 مناطق", []string{"digits:3=3 n=منطقة"}},

		// ordinals
		{"ordinal seed", "استعدادًا للمرحلة الثالثة والأخيرة من عملية", []string{"ordinal:الثالثة=3 ord"}},
		{"ordinal first", "للمرة الأولى", []string{"ordinal:الأولى=1 ord"}},
		{"ordinal teen", "في الطابق الحادي عشر", []string{"ordinal:الحادي عشر=11 ord"}},
		{"ordinal teen feminine", "للمرة الحادية عشرة", []string{"ordinal:الحادية عشرة=11 ord"}},
		{"ordinal compound", "في القرن الحادي والعشرين", []string{"ordinal:الحادي والعشرين=21 ord"}},
		{"ordinal clitic", "والخامس", []string{"ordinal:الخامس=5 ord"}},

		// not quantities
		{"date year", "في 17 حزيران 2018 قتل 5 مدنيين", []string{"digits:5=5 n=مدني"}},
		{"year", "منذ عام 2014", nil},
		{"bare year", "في 2014، قتل 3", []string{"digits:3=3"}},
		{"time", "عند الساعة 12:06 سقط 3 قتلى", []string{"digits:3=3 n=قتيل"}},
		{"days ago", "قبل ثلاثة أيام", nil},
		{"dual days ago", "قبل يومين", nil},
		{"days before event", "قبل يومين من الهجوم", []string{"dual:يومين=2 n=يوم"}},
		{"identifier", "القرار رقم 2254", nil},
		{"url", "المصدر https://example.com/2018/06/17/55", nil},
		{"latin", "طائرة F16 وصاروخ S-400", nil},
		{"month ordinal", "في تشرين الأول", nil},
		{"monday", "يوم الاثنين", nil},
		{"ahad", "أحد القادة", nil},
		{"no one", "لا أحد", nil},
		{"no numbers", "قالت الوزارة في بيان", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(tt.in)
			var got []string
			for _, m := range arabic.Numbers(d, nil) {
				got = append(got, numSummary(d, m))
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, normalizeWant(w))
			}
			if strings.Join(got, " | ") != strings.Join(want, " | ") {
				t.Errorf("Numbers(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

// TestNumbersNounSpan checks the counted noun's span and the mention's
// byte range after a clitic.
func TestNumbersNounSpan(t *testing.T) {
	tests := []struct {
		in, text, noun string
	}{
		{"قتل 17 شخصاً في القصف", "17", "شخصاً"},
		{"استهدف بعشرات الصواريخ", "عشرات", "الصواريخ"},
		{"عشرات من المقاتلين", "عشرات", "المقاتلين"},
		{"مساحة “71360” كيلو متر", "71360", "كيلو متر"},
		{"استهدفها بغارتين", "غارتين", "غارتين"},
		{"ما بين شهرين إلى ثلاثة أشهر", "ما بين شهرين إلى ثلاثة", "أشهر"},
	}
	for _, tt := range tests {
		d := analyzed(tt.in)
		ms := arabic.Numbers(d, nil)
		if len(ms) != 1 {
			t.Errorf("Numbers(%q): %d mentions, want 1", tt.in, len(ms))
			continue
		}
		if got := d.SpanText(ms[0].Span); got != tt.text {
			t.Errorf("Numbers(%q) text = %q, want %q", tt.in, got, tt.text)
		}
		if got := d.SpanText(ms[0].Num.Noun); got != tt.noun {
			t.Errorf("Numbers(%q) noun = %q, want %q", tt.in, got, tt.noun)
		}
		if ms[0].Kind != doc.MNumber || ms[0].Source != doc.FromRule {
			t.Errorf("Numbers(%q) kind/source = %v/%v", tt.in, ms[0].Kind, ms[0].Source)
		}
	}
}

// TestNumbersAppend checks that Numbers appends to dst.
func TestNumbersAppend(t *testing.T) {
	d := analyzed("قتل 5 وأصيب 10")
	prev := []doc.Mention{{Kind: doc.MActor}}
	got := arabic.Numbers(d, prev)
	if len(got) != 3 || got[0].Kind != doc.MActor {
		t.Fatalf("Numbers appended %d mentions after the first; want 2", len(got)-1)
	}
}

// TestLexiconsParse checks that the embedded lexicons load (they panic at
// package initialization otherwise) and spot-checks them.
func TestLexiconsParse(t *testing.T) {
	d := analyzed("غارتان وقذيفتين وطائرتين وصاروخين وسنتين ومرتين")
	ms := arabic.Numbers(d, nil)
	if len(ms) != 6 {
		t.Errorf("duals: got %d mentions, want 6", len(ms))
	}
	for _, m := range ms {
		if m.Num.Value != 2 || m.Label != "dual" {
			t.Errorf("dual %q: %s %v", d.SpanText(m.Span), m.Label, m.Num.Value)
		}
	}
}

// readSeed returns the seed article from ../shared, if present.
func readSeed() (string, bool) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_85cec0a620fc974b.txt"))
	return string(b), err == nil
}

// seedText returns the seed article, or skips without ../shared.
func seedText(t testing.TB) string {
	t.Helper()
	s, ok := readSeed()
	if !ok {
		t.Skip("../shared/seeds not available")
	}
	return s
}

func TestNumbersSeed(t *testing.T) {
	d := analyzed(seedText(t))
	got := map[string]string{}
	for _, m := range arabic.Numbers(d, nil) {
		got[d.SpanText(m.Span)] = numSummary(d, m)
	}
	for _, want := range []string{
		"words:أكثر من ألف=1000 more_than n=مقاتل",
		"digits:77=77 n=دولة",
		"percent:أكثر من 98 %=98 more_than %",
		"digits:17=17 n=شخص",
		"digits:71360=71360 n=كيلومتر",
		"range:ما بين شهرين إلى ثلاثة=2-3 n=شهر",
		"ordinal:الثالثة=3 ord",
	} {
		w := normalizeWant(want)
		text := w[strings.IndexByte(w, ':')+1 : strings.IndexByte(w, '=')]
		if got[text] != w {
			t.Errorf("seed %q: got %q, want %q", text, got[text], w)
		}
	}
	for text := range got {
		if strings.Contains(text, "2014") {
			t.Errorf("seed: the year of a date is reported as a number: %q", text)
		}
	}
}

// checkSpans verifies the span invariants of mentions over d.
func checkSpans(t *testing.T, d *doc.Doc, ms []doc.Mention) {
	t.Helper()
	var prevEnd int32
	for _, m := range ms {
		checkSpan(t, d, m.Span)
		if m.StartByte < prevEnd {
			t.Fatalf("mention %q overlaps the previous one or is out of order", d.SpanText(m.Span))
		}
		prevEnd = m.EndByte
		if m.Num != nil && !m.Num.Noun.Empty() {
			checkSpan(t, d, m.Num.Noun)
		}
	}
}

func checkSpan(t *testing.T, d *doc.Doc, s doc.Span) {
	t.Helper()
	n := int32(len(d.Tokens))
	if s.Start < 0 || s.End > n || s.Start >= s.End {
		t.Fatalf("span tokens [%d,%d) out of range (%d tokens)", s.Start, s.End, n)
	}
	if s.StartByte > s.EndByte || s.StartByte < d.Tokens[s.Start].Start || s.EndByte > d.Tokens[s.End-1].End {
		t.Fatalf("span bytes [%d,%d) outside its tokens [%d,%d)", s.StartByte, s.EndByte, d.Tokens[s.Start].Start, d.Tokens[s.End-1].End)
	}
	if s.StartByte < s.EndByte && (!utf8.RuneStart(d.Text[s.StartByte]) || int(s.EndByte) < len(d.Text) && !utf8.RuneStart(d.Text[s.EndByte])) {
		t.Fatalf("span bytes [%d,%d) not on rune boundaries", s.StartByte, s.EndByte)
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{
		"أكثر من ألف مقاتل", "ما بين شهرين إلى ثلاثة أشهر", "“71360” كيلو متر", "٩٨٪", "بين 10 و15",
		"ثلاثة آلاف وخمسمئة", "بعشرات الغارات", "مدنيين اثنين", "الحادي والعشرين", "1,234.5 مليون",
		"10-15", "12:06", "وو و 1", "ال", "بين", "مئة و", "إحدى", "اثنا عشر ألف ونصف",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := analyzed(s)
		ms := arabic.Numbers(d, nil)
		checkSpans(t, d, ms)
		for _, m := range ms {
			if m.Num == nil || m.Kind != doc.MNumber {
				t.Fatalf("mention without a quantity")
			}
		}
	})
}

// benchText is a realistic news paragraph.
const benchText = `وقال المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون) اليوم الخميس إن معركة هجين قد تستمر ما بين شهرين إلى ثلاثة أشهر، وإن التحالف الذي يضم 77 دولة سيطر على أكثر من 98 % من الأراضي. وأضاف أن عدد قتلى التحالف بلغ 17 شخصاً منذ بدء العمليات في أكتوبر / تشرين الأول 2014.
وكشفت "قسد" في بيان اليوم أنها سيطرت على مساحة "71360" كيلو متر، فيما قتل ثلاثة مدنيين وأصيب عشرات آخرون بغارتين نفذتهما طائرات حربية مساء أمس على بلدة هجين، وسقط نحو 20 قتيلاً في اشتباكات استمرت يومين، بحسب المرصد في 17 حزيران 2018.
`

func BenchmarkNumbers(b *testing.B) {
	d := analyzed(strings.Repeat(benchText, 20))
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	var dst []doc.Mention
	for b.Loop() {
		dst = arabic.Numbers(d, dst[:0])
	}
}
