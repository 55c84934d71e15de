package actor_test

import (
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/pipeline"
)

var (
	once sync.Once
	pipe *pipeline.Pipeline
)

func process(t *testing.T, text string, pub doc.Date) *doc.Doc {
	t.Helper()
	once.Do(func() {
		k, err := embedded.Load(kb.Options{})
		if err != nil {
			t.Fatal(err)
		}
		pipe = pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{})...)
	})
	d, err := pipe.Process(pipeline.Input{Text: text, Format: pipeline.Text, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestResolve resolves actor mentions by context. Sentences written for
// the test.
func TestResolve(t *testing.T) {
	y := func(year int) doc.Date { return doc.Date{Year: year, Month: 6, Day: 1} }
	tests := []struct {
		name, text, mention, want string
		pub                       doc.Date
	}{
		{"the army of the article's country (Iraq)", "أعلن الجيش السيطرة على قرى قرب الموصل في محافظة نينوى.", "الجيش", "Iraqi Army", y(2017)},
		{"the army of the article's country (Sudan)", "قصف الجيش مواقع في مدينة الفاشر بولاية شمال دارفور.", "الجيش", "Sudanese Armed Forces", y(2024)},
		{"the coalition in Syria", "قصفت طائرات التحالف مواقع في هجين شرق دير الزور.", "طائرات التحالف", "International Coalition", y(2018)},
		{"the coalition in Yemen", "شن طيران التحالف غارات على صعدة شمال اليمن.", "طيران التحالف", "Saudi-led Coalition", y(2019)},
		{"Nusra before 2017", "هاجمت جبهة النصرة مواقع في ريف إدلب.", "جبهة النصرة", "Jabhat al-Nusra", y(2015)},
		{"Nusra after 2017 is HTS", "هاجمت جبهة النصرة مواقع في ريف إدلب.", "جبهة النصرة", "Hayat Tahrir al-Sham", y(2019)},
		{"anaphora: the organisation named before", "أعلن تنظيم الدولة مسؤوليته عن الهجوم في كركوك، وقال التنظيم إن عناصره قتلوا ثلاثة جنود.", "التنظيم", "Islamic State", y(2020)},
		{"the army named before", "أعلن الجيش الوطني السوري السيطرة على قرى، وأضاف الجيش أنه دمر آليات.", "الجيش", "Syrian National Army", y(2019)},
		{"unidentified gunmen", "قتل مسلحون مجهولون شابا في مدينة درعا.", "مسلحون مجهولون", doc.UnidentifiedActor, y(2021)},
		{"an air force is coded as its country's military", "شن الطيران الحربي الروسي غارات على إدلب.", "الطيران الحربي الروسي", "Russian Army", y(2019)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := process(t, tc.text, tc.pub)
			for _, a := range d.Actors {
				if d.SpanText(a.Span) == tc.mention {
					if a.Name != tc.want {
						t.Errorf("%q in %q → %q; want %q", tc.mention, tc.text, a.Name, tc.want)
					}
					return
				}
			}
			var got []string
			for _, a := range d.Actors {
				got = append(got, d.SpanText(a.Span)+"="+a.Name)
			}
			t.Errorf("%q: no actor mention %q; got %v", tc.text, tc.mention, got)
		})
	}
}

// TestPersons finds persons after roles, with their organisations, without
// the tagger (quoted names). Sentences written for the test.
func TestPersons(t *testing.T) {
	y := doc.Date{Year: 2018, Month: 6, Day: 21}
	type want struct{ mention, role, org string }
	tests := []struct {
		name, text string
		want       []want
	}{
		{"spokesman of a ministry with its alias in parentheses",
			"وقال المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون) “جون سميث” إن القوات ستبقى. وأكد “سميث” أن العمليات مستمرة.",
			[]want{{"جون سميث", "المتحدث باسم", "US Department of Defense"}, {"سميث", "المتحدث باسم", "US Department of Defense"}}},
		{"spokesman with the organisation glued to لـ",
			"وقال الناطق الرسمي لقوات سوريا الديمقراطية «كمال أحمد» إن الهجوم صُدّ.",
			[]want{{"كمال أحمد", "الناطق الرسمي", "Syrian Democratic Forces"}}},
		{"a nationality adjective gives the country's government",
			"وقال الرئيس التركي “رجب طيب أردوغان” إن العملية ستستمر.",
			[]want{{"رجب طيب أردوغان", "الرئيس", "Turkish Government"}}},
		{"a quotation after other words is not a name",
			"ودخل قائد الشرطة الاتحادية مبنى المحافظة \"وسط احتفالات واسعة\" بعد انسحاب المسلحين.",
			nil},
		{"a quoted word with no role is not a person",
			"وسيطرت القوات على قرية “المزرعة” شرق المدينة.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := process(t, tc.text, y)
			var got []want
			for _, p := range d.Persons {
				w := want{mention: d.SpanText(p.Span), role: p.Role}
				if p.Org != nil {
					w.org = p.Org.Name
				}
				got = append(got, w)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("persons %+v; want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("person %d = %+v; want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
