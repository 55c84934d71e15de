package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// Test texts written for these tests.
const (
	tHead  = "مقتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب الجنوبي"
	tBody1 = "قتل ثلاثة مدنيين وأصيب خمسة آخرون، صباح اليوم الثلاثاء، جراء قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني."
	tBody2 = "وقال الدفاع المدني في بيان إن القذائف سقطت على منازل المدنيين وسط البلدة، ما أدى إلى دمار كبير في الممتلكات."
	tBody3 = "وتتعرض المنطقة لقصف شبه يومي منذ مطلع الشهر الجاري، رغم اتفاق خفض التصعيد الموقع بين الأطراف الضامنة."
)

// lines joins its arguments with "\n".
func lines(s ...string) string { return strings.Join(s, "\n") }

// paras joins its arguments with "\n\n".
func paras(s ...string) string { return strings.Join(s, "\n\n") }

type textCase struct {
	name         string
	in           string
	wantTitle    string
	wantText     string
	wantDateLine string
	wantRemoved  []string // nil: not checked
}

var textCases = []textCase{
	{
		name:      "headline then body",
		in:        paras(tHead, tBody1, tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2), wantRemoved: []string{},
	},
	{
		name:      "no headline",
		in:        paras(tBody1, tBody2),
		wantTitle: "", wantText: paras(tBody1, tBody2),
	},
	{
		name:      "three word headline",
		in:        paras("بلدة الحمدانية محررة", tBody1),
		wantTitle: "بلدة الحمدانية محررة", wantText: paras("بلدة الحمدانية محررة", tBody1),
	},
	{
		name:      "question headline",
		in:        lines("هل تصمد الهدنة في إدلب؟", tBody1),
		wantTitle: "هل تصمد الهدنة في إدلب؟", wantText: paras("هل تصمد الهدنة في إدلب؟", tBody1),
	},
	{
		name:      "headline ending in exclamation marks",
		in:        lines("قتلى بإطلاق نار على المتظاهرين في بغداد!!", tBody1),
		wantTitle: "قتلى بإطلاق نار على المتظاهرين في بغداد!!", wantText: paras("قتلى بإطلاق نار على المتظاهرين في بغداد!!", tBody1),
	},
	{
		name:      "known section header",
		in:        paras("الشأن السوري", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"الشأن السوري"},
	},
	{
		name:      "unknown short header above headline",
		in:        paras("ملف الشمال", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"ملف الشمال"},
	},
	{
		name:      "three word header above headline",
		in:        paras("أخبار الشمال السوري", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"أخبار الشمال السوري"},
	},
	{
		name:      "site name above body without headline",
		in:        paras("صوت الفرات", tBody1, tBody2),
		wantTitle: "", wantText: paras(tBody1, tBody2), wantRemoved: []string{"صوت الفرات"},
	},
	{
		name:      "header with variant spelling",
		in:        paras("أخـبار محليّة", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"أخـبار محليّة"},
	},
	{
		name:      "section name inside body kept",
		in:        paras(tHead, tBody1, "سياسة", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, "سياسة", tBody2),
	},
	{
		name:      "related articles cut",
		in:        paras(tHead, tBody1, tBody2, "مقالات ذات صلة", "نازحون يعودون إلى قراهم في ريف حلب", "ارتفاع أسعار الخبز في الشمال"),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
		wantRemoved: []string{"مقالات ذات صلة", "نازحون يعودون إلى قراهم في ريف حلب", "ارتفاع أسعار الخبز في الشمال"},
	},
	{
		name:      "related articles variant spelling and colon",
		in:        paras(tHead, tBody1, "مقـالات ذات صله:", "عنوان آخر عن الشمال السوري"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "related news and most read",
		in:        paras(tHead, tBody1, "أخبار ذات صلة", "خبر", "الأكثر قراءة", "خبر آخر"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "you may also like",
		in:        paras(tHead, tBody1, "قد يعجبك أيضاً", "عنوان"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "cut label above the body only goes itself",
		in:        paras("مقالات ذات صلة", tHead, tBody1, tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2), wantRemoved: []string{"مقالات ذات صلة"},
	},
	{
		name:      "related box inside a long article is not the trailer",
		in:        paras(tHead, tBody1, "مواضيع ذات صلة", "نازحون يعودون إلى قراهم في ريف حلب", tBody2, tBody3, tBody1+" "+tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2, tBody3, tBody1+" "+tBody2),
	},
	{
		name:      "back to top without final newline",
		in:        paras(tHead, tBody1, "زر الذهاب إلى الأعلى"),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"زر الذهاب إلى الأعلى"},
	},
	{
		name:      "back to top variant",
		in:        lines(tHead, tBody1, "العودة للأعلى", "من نحن", "اتصل بنا"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "read also block",
		in:        lines(tHead, tBody1, "اقرأ أيضاً", "الأمم المتحدة تدعو إلى حماية المدنيين", "تعزيزات عسكرية تصل إلى ريف حماة", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
		wantRemoved: []string{"اقرأ أيضاً", "الأمم المتحدة تدعو إلى حماية المدنيين", "تعزيزات عسكرية تصل إلى ريف حماة"},
	},
	{
		name:      "read also block across blank lines",
		in:        paras(tHead, tBody1, "اقرأ أيضا:", "الأمم المتحدة تدعو إلى حماية المدنيين", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "read also variants",
		in:        paras(tHead, tBody1, "إقرأ ايضاً", "عنوان أول", "طالع أيضا", "عنوان ثان", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "read also with diacritics",
		in:        paras(tHead, tBody1, "اقْرَأْ أَيْضًا", "عنوان أول", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "read also block stops at a sentence",
		in:        lines(tHead, tBody1, "اقرأ أيضا", "عنوان أول", "وأضاف المصدر أن القصف استمر ساعتين.", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, lines("وأضاف المصدر أن القصف استمر ساعتين.", tBody2)),
	},
	{
		name:      "read also inline",
		in:        paras(tHead, tBody1, "اقرأ أيضا: الأمم المتحدة تدعو إلى حماية المدنيين في شمال غربي سوريا", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "news ticker",
		in:        paras("شريط الأخبار", "عنوان أول عنوان ثان عنوان ثالث عنوان رابع", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "share and social lines",
		in:        paras(tHead, tBody1, "شارك", "فيسبوك تويتر واتساب", "مشاركة", "• Facebook | Twitter | WhatsApp", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "print comment subscribe follow",
		in:        paras(tHead, tBody1, "طباعة", "أرسل لصديق", "اشترك في النشرة البريدية", "تابعونا على تلغرام", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "share line with text",
		in:        paras(tHead, tBody1, "شارك هذا المقال على مواقع التواصل", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, tBody2),
	},
	{
		name:      "font size widget",
		in:        lines(tHead, "+A", "حجم الخط", "-A", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"+A", "حجم الخط", "-A"},
	},
	{
		name:      "icon and live labels",
		in:        lines("icon", "التغطية الحية", tHead, "", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"icon", "التغطية الحية"},
	},
	{
		name:      "breaking label",
		in:        paras("عاجل", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "navigation run at the top",
		in:        lines("الرئيسية", "سياسة", "اقتصاد", "رياضة", "منوعات", "", tHead, "", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "short list inside the body kept",
		in:        paras(tHead, tBody1, lines("- تل أبيض", "- رأس العين", "- عين عيسى"), tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, lines("- تل أبيض", "- رأس العين", "- عين عيسى"), tBody2),
	},
	{
		name:      "breadcrumb",
		in:        paras("الرئيسية > أخبار > سوريا", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "caption in parentheses",
		in:        paras(tHead, "(أرشيفية - إنترنت)", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "caption ending in photo credit",
		in:        paras(tHead, "عناصر من الدفاع المدني في موقع القصف (صورة: رويترز)", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "agency credit line",
		in:        paras(tHead, "الرياض - واس", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"الرياض - واس"},
	},
	{
		name:      "exclusive credit line",
		in:        paras("دمشق - خاص", tBody1),
		wantTitle: "", wantText: tBody1,
	},
	{
		name:      "outlet follow-up credit",
		in:        paras(tHead, "شبكة الشمال - متابعات", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "dateline inside the first paragraph stays",
		in:        paras(tHead, "بغداد - "+tBody1),
		wantTitle: tHead, wantText: paras(tHead, "بغداد - "+tBody1), wantRemoved: []string{},
	},
	{
		name:      "latin credit under headline",
		in:        lines(tHead, "Shamal Press", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{"Shamal Press"},
	},
	{
		name:      "byline and source",
		in:        paras(tHead, "بقلم: أحمد العلي", tBody1, "المصدر: وكالات"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "trailing agency name",
		in:        lines(tHead, tBody1, tBody2, "واس"),
		wantTitle: tHead, wantText: paras(tHead, lines(tBody1, tBody2)),
	},
	{
		name:      "numeric timestamp",
		in:        paras(tHead, "2019.03.12 | 09:15 إدلب", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "2019.03.12 | 09:15 إدلب",
	},
	{
		name:      "weekday and date with time zone",
		in:        paras("الأحد 17/06/2018 - 11:31 بتوقيت دمشق", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "الأحد 17/06/2018 - 11:31 بتوقيت دمشق",
	},
	{
		name:      "arabic indic digits timestamp",
		in:        paras(tHead, "٢٠١٩/٠٣/١٢ - ١٠:٣٠", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "٢٠١٩/٠٣/١٢ - ١٠:٣٠",
	},
	{
		name:      "month name date",
		in:        paras(tHead, "الثلاثاء، 12 آذار 2019", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "الثلاثاء، 12 آذار 2019",
	},
	{
		name:      "relative time",
		in:        paras(tHead, "منذ 3 ساعات", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "منذ 3 ساعات",
	},
	{
		name:      "last updated",
		in:        paras(tHead, tBody1, "آخر تحديث: 12 مارس 2019 - 10:30"),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "آخر تحديث: 12 مارس 2019 - 10:30",
	},
	{
		name:      "published on",
		in:        paras("نشر في 5 نيسان 2020", tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantDateLine: "نشر في 5 نيسان 2020",
	},
	{
		name:      "copyright",
		in:        paras(tHead, tBody1, "جميع الحقوق محفوظة © 2020 شبكة الشمال"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "tweet attribution",
		in:        paras(tHead, tBody1, "طيران حربي يستهدف بلدة في ريف إدلب", "— شبكة الشمال (@shamal_net) March 12, 2019", tBody2),
		wantTitle: tHead, wantText: paras(tHead, tBody1, "طيران حربي يستهدف بلدة في ريف إدلب", tBody2),
	},
	{
		name:      "headline printed twice",
		in:        paras(tHead, tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1), wantRemoved: []string{tHead},
	},
	{
		name:      "headline glued to itself",
		in:        paras(tHead, tHead+tHead, tHead, tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "junk symbols",
		in:        paras(tHead, "[[{“value”:”", "* * *", tBody1),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "presentation forms",
		in:        paras(tHead, tBody1, "ﻣﻘﺎﻻﺕ ﺫﺍﺕ ﺻﻠﺔ", "عنوان"),
		wantTitle: tHead, wantText: paras(tHead, tBody1),
	},
	{
		name:      "long sentence starting with a share word kept",
		in:        paras(tHead, "شارك في الهجوم أكثر من خمسين مقاتلاً من الفصائل المسلحة، بحسب ما أفادت مصادر محلية في المنطقة.", tBody1),
		wantTitle: tHead, wantText: paras(tHead, "شارك في الهجوم أكثر من خمسين مقاتلاً من الفصائل المسلحة، بحسب ما أفادت مصادر محلية في المنطقة.", tBody1),
	},
	{
		name:      "furniture phrase inside a sentence kept",
		in:        paras(tHead, "ونشر الموقع مقالات ذات صلة بالهجوم، قبل أن يحذفها بعد ساعات من نشرها على صفحته الرسمية.", tBody1),
		wantTitle: tHead, wantText: paras(tHead, "ونشر الموقع مقالات ذات صلة بالهجوم، قبل أن يحذفها بعد ساعات من نشرها على صفحته الرسمية.", tBody1),
	},
	{
		name:      "hard wrapped paragraph",
		in:        lines(tHead, "", "قال المتحدث باسم الجيش في بيان إن عشرين", "مسلحاً قتلوا عندما اشتبك معهم الجنود.", "", tBody2),
		wantTitle: tHead, wantText: paras(tHead, lines("قال المتحدث باسم الجيش في بيان إن عشرين", "مسلحاً قتلوا عندما اشتبك معهم الجنود."), tBody2),
	},
	{
		name:      "crlf and padding",
		in:        "  " + tHead + "  \r\n\r\n\r\n" + tBody1 + " \r\n" + tBody2 + "\r\n",
		wantTitle: tHead, wantText: paras(tHead, lines(tBody1, tBody2)),
	},
	{
		name:      "characters inside lines untouched",
		in:        paras(tHead, "وقال  “المرصد”  إنّ الـقصف أدّى إلى مقتل ﻗﻮﺍﺕ ٣ عناصر.", tBody2),
		wantTitle: tHead, wantText: paras(tHead, "وقال  “المرصد”  إنّ الـقصف أدّى إلى مقتل ﻗﻮﺍﺕ ٣ عناصر.", tBody2),
	},
	{
		name: "empty", in: "", wantTitle: "", wantText: "",
	},
	{
		name: "only furniture", in: paras("مقالات ذات صلة", "زر الذهاب إلى الأعلى"), wantTitle: "", wantText: "",
	},
	{
		name:      "only short lines are kept",
		in:        lines("غارة", "على", "إدلب"),
		wantTitle: "", wantText: lines("غارة", "على", "إدلب"),
	},
}

func TestText(t *testing.T) {
	f := DefaultFurniture()
	for _, tc := range textCases {
		t.Run(tc.name, func(t *testing.T) {
			a := Text(tc.in, Options{Furniture: f})
			if a.Title != tc.wantTitle {
				t.Errorf("Title = %q; want %q", a.Title, tc.wantTitle)
			}
			if a.Text != tc.wantText {
				t.Errorf("Text = %q; want %q (removed %q)", a.Text, tc.wantText, a.Removed)
			}
			if a.DateLine != tc.wantDateLine {
				t.Errorf("DateLine = %q; want %q", a.DateLine, tc.wantDateLine)
			}
			if tc.wantRemoved != nil {
				got := a.Removed
				if got == nil {
					got = []string{}
				}
				if !reflect.DeepEqual(got, tc.wantRemoved) {
					t.Errorf("Removed = %q; want %q", got, tc.wantRemoved)
				}
			}
		})
	}
}

func TestTextNilFurniture(t *testing.T) {
	a := Text(paras("الشأن السوري", tHead, tBody1), Options{})
	if a.Title != tHead || a.Text != paras(tHead, tBody1) {
		t.Errorf("Text with nil Furniture = %q, %q", a.Title, a.Text)
	}
	if a.Language != "ar" {
		t.Errorf("Language = %q; want ar", a.Language)
	}
}

func TestTextScraped(t *testing.T) {
	b, err := os.ReadFile("testdata/scraped.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := Text(string(b), Options{})
	wantTitle := "مقتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب الجنوبي"
	if a.Title != wantTitle {
		t.Errorf("Title = %q; want %q", a.Title, wantTitle)
	}
	if !strings.HasPrefix(a.Text, wantTitle+"\n\nقتل ثلاثة مدنيين") {
		t.Errorf("Text starts %.120q", a.Text)
	}
	if a.DateLine != "2019.03.12 | 09:15 إدلب" {
		t.Errorf("DateLine = %q", a.DateLine)
	}
	for _, s := range []string{"جراء قصف مدفعي", "انتشلت الضحايا من تحت الأنقاض.", "نحو المخيمات الحدودية."} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("Text lacks %q", s)
		}
	}
	for _, s := range []string{"icon", "التغطية الحية", "أخبار محلية", "أرشيفية", "متابعات", "+A", "حجم الخط", "اقرأ",
		"الأمم المتحدة تدعو", "شارك", "فيسبوك", "مقالات ذات صلة", "نازحون يعودون", "زر الذهاب"} {
		if strings.Contains(a.Text, s) {
			t.Errorf("Text keeps furniture %q", s)
		}
	}
	if got := strings.Count(a.Text, "\n\n"); got != 3 {
		t.Errorf("%d paragraph breaks; want 3 (title + 3 paragraphs)", got)
	}
}

// TestSeed runs the shared seed article when the shared tree is present.
func TestSeed(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seeds", "000_85cec0a620fc974b.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	src := string(b)
	a := Text(src, Options{})
	const title = "التحالف يحشد لمعركة “هجين” وقسد تكشف حصيلة “الدشيشة”"
	if a.Title != title {
		t.Errorf("Title = %q; want %q", a.Title, title)
	}
	if !strings.HasPrefix(a.Text, title+"\n\n") {
		t.Errorf("Text does not start with the headline: %.100q", a.Text)
	}
	for _, s := range []string{"الشأن السوري", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"} {
		if strings.Contains(a.Text, s) {
			t.Errorf("Text keeps %q", s)
		}
	}
	// The whole body, byte for byte: every paragraph of the source
	// between the headline and the trailer.
	start := strings.Index(src, "يحشد التحالف الدولي")
	end := strings.Index(src, "مقالات ذات صلة")
	if start < 0 || end < start {
		t.Fatal("seed layout changed")
	}
	body := strings.TrimSpace(src[start:end])
	if !strings.HasSuffix(a.Text, body) {
		t.Errorf("body not kept whole:\n got %q\nwant suffix %q", a.Text, body)
	}
}

func TestParseFurniture(t *testing.T) {
	src := lines(
		"# a comment",
		"",
		"cut-after   قصص أخرى",
		"drop-line\tإعلان ممول",
		"drop-line-prefix  روابط",
		"drop-block  شاهد المزيد",
		"define NUM \\d+",
		"drop-line-re  ^{NUM} تعليقا?$",
		"dateline-re  ^منذ {NUM} دقائق$",
		"header  ملفات ساخنة",
		"title-min-words 2",
	)
	f, err := ParseFurniture(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Len() != 7 {
		t.Errorf("Len = %d; want 7", f.Len())
	}
	in := paras("ملفات ساخنة", "هدنة هشة", "إعلان مموّل", "روابط: أ، ب", "شاهد المزيد", "عنوان", tBody1, "منذ 5 دقائق", "12 تعليقا", tBody2, "قصص أخرى", "عنوان")
	a := Text(in, Options{Furniture: f})
	if a.Title != "هدنة هشة" || a.Text != paras("هدنة هشة", tBody1, tBody2) || a.DateLine != "منذ 5 دقائق" {
		t.Errorf("custom rules: Title %q DateLine %q Text %q", a.Title, a.DateLine, a.Text)
	}
}

func TestParseFurnitureErrors(t *testing.T) {
	tests := []struct {
		name, src string
		wantLines []string // "line N" in the message
	}{
		{"unknown kind", "drop-lin  شارك", []string{"line 1", `"drop-lin"`}},
		{"missing argument", "# c\ndrop-line", []string{"line 2"}},
		{"bad regexp", "drop-line-re  ([", []string{"line 1"}},
		{"bad setting", "title-max-words  many", []string{"line 1"}},
		{"negative setting", "nav-min-run -1", []string{"line 1"}},
		{"duplicate phrase", "drop-line شارك\ncut-after شارك", []string{"line 2", "line 1"}},
		{"duplicate after folding", "drop-line اقرأ أيضا\ndrop-line إقرأ أيضاً", []string{"line 2"}},
		{"undefined macro", "drop-line-re ^{NOPE}$", []string{"line 1", "NOPE"}},
		{"bad define", "define lower x", []string{"line 1"}},
		{"phrase without letters", "drop-line +-", []string{"line 1"}},
		{"several errors", "x y\n\nz w", []string{"line 1", "line 3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFurniture(strings.NewReader(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrBadRule) {
				t.Errorf("error %v does not wrap ErrBadRule", err)
			}
			for _, w := range tc.wantLines {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := ParseFurniture(strings.NewReader("title-min-words 30")); !errors.Is(err, ErrBadRule) {
		t.Errorf("min > max: err = %v", err)
	}
}

func TestDefaultFurniture(t *testing.T) {
	f := DefaultFurniture()
	if f.Len() < 100 {
		t.Errorf("only %d default rules", f.Len())
	}
	if f.set != defaultSettings() {
		t.Errorf("furniture.txt settings %+v differ from defaultSettings %+v", f.set, defaultSettings())
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أإآٱا", "ااااا"},
		{"مستشفى", "مستشفي"},
		{"مدرسة", "مدرسه"},
		{"اقْرَأْ أَيْضًا", "اقرا ايضا"},
		{"الـــقصف", "القصف"},
		{"  Facebook   |  X ", "facebook | x"},
		{"٢٠١٩/۰۳", "2019/03"},
		{"ﻗﻮﺍﺕ", "قوات"},
		{"\u200fعاجل\u200f", "عاجل"},
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, tc := range textCases {
		f.Add(tc.in)
	}
	if b, err := os.ReadFile("testdata/scraped.txt"); err == nil {
		f.Add(string(b))
	}
	f.Add("ي\x82ٶ0\xaa") // invalid UTF-8 becomes U+FFFD: growth allowed
	fur := DefaultFurniture()
	f.Fuzz(func(t *testing.T, src string) {
		a := Text(src, Options{Furniture: fur})
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.DateLine) {
			t.Fatal("invalid UTF-8")
		}
		// Invalid bytes become U+FFFD; beyond that, only the "\n\n"
		// after the title may be added.
		valid := strings.ToValidUTF8(src, "\uFFFD")
		if len(a.Text) > len(valid)+len(a.Title)+2 {
			t.Fatalf("Text grew: %d bytes from %d", len(a.Text), len(valid))
		}
		clean := strings.ReplaceAll(valid, "\r", "\n")
		for _, ln := range strings.Split(a.Text, "\n") {
			if !strings.Contains(clean, ln) {
				t.Fatalf("line %q not in the source", ln)
			}
		}
		if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
			t.Fatalf("Text %q does not start with Title %q", a.Text, a.Title)
		}
	})
}

func BenchmarkText(b *testing.B) {
	src := benchText(b)
	f := DefaultFurniture()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Text(src, Options{Furniture: f})
	}
}

// benchText is the seed article when available, else the scraped fixture.
func benchText(b *testing.B) string {
	if s, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_85cec0a620fc974b.txt")); err == nil {
		return string(s)
	}
	s, err := os.ReadFile("testdata/scraped.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(s)
}

func BenchmarkDefaultFurniture(b *testing.B) {
	b.SetBytes(int64(len(defaultRules)))
	b.ReportAllocs()
	for b.Loop() {
		DefaultFurniture()
	}
}

// TestFurnitureConcurrent checks that one Furniture serves many
// goroutines (run with -race).
func TestFurnitureConcurrent(t *testing.T) {
	f := DefaultFurniture()
	want := make([]Article, len(textCases))
	for i, tc := range textCases {
		want[i] = Text(tc.in, Options{Furniture: f})
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for i, tc := range textCases {
				if got := Text(tc.in, Options{Furniture: f}); !reflect.DeepEqual(got, want[i]) {
					ok = false
				}
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent Text differs")
		}
	}
}
