package match_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/match"
)

var (
	once sync.Once
	mm   *match.Matcher
	kb0  *kb.KB
)

func matcher(t *testing.T) *match.Matcher {
	once.Do(func() {
		k, err := embedded.Load(kb.Options{})
		if err != nil {
			t.Fatal(err)
		}
		kb0, mm = k, match.New(k)
	})
	return mm
}

// run matches a sentence (written for the test) and returns its place and
// actor mentions as "kind:surface" strings, plus the document.
func run(t *testing.T, text string) ([]string, *doc.Doc) {
	t.Helper()
	d := &doc.Doc{Text: text}
	arabic.Analyze(d)
	d.Mentions = arabic.Dates(d, doc.Date{Year: 2024, Month: 5, Day: 1}, d.Mentions)
	matcher(t).Run(d)
	var out []string
	for _, m := range d.Mentions {
		switch m.Kind {
		case doc.MPlace, doc.MActor:
			s := d.SpanText(m.Span)
			if string([]rune(d.Text)[runeIndex(d.Text, int(m.StartByte)):runeIndex(d.Text, int(m.EndByte))]) != s {
				t.Errorf("span of %q is not on rune boundaries", s)
			}
			out = append(out, m.Kind.String()+":"+s)
		}
	}
	return out, d
}

func runeIndex(s string, b int) int { return len([]rune(s[:b])) }

func TestMatch(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"clitic trimmed from the span", "قصفت الطائرات بالدشيشة أمس.", []string{"place:الدشيشة"}, nil},
		{"conjunction and article", "وصلت التعزيزات إلى الحسكة والرقة.", []string{"place:الحسكة", "place:الرقة"}, nil},
		{"longest match: an organisation with a country in its name", "قالت قوات سوريا الديمقراطية إنها تقدمت.",
			[]string{"actor:قوات سوريا الديمقراطية"}, []string{"place:سوريا"}},
		{"acronym in quotes", "أعلنت “قسد” السيطرة على القرية.", []string{"actor:قسد"}, nil},
		{"a newspaper's name is not a place", "وقال لصحيفة “الشرق الأوسط” إن المعركة قريبة.", nil, []string{"place:الشرق الأوسط"}},
		{"adjectives are not places", "انتشرت القوات على الحدود السورية العراقية.", nil, []string{"place:السورية", "place:العراقية"}},
		{"head noun makes an unknown village a place", "قصفت المدفعية قرية تل الشمري شمال الحسكة.", []string{"place:تل الشمري", "place:الحسكة"}, nil},
		{"countryside of a city", "دارت اشتباكات في ريف حلب الجنوبي.", []string{"place:حلب"}, nil},
		{"a weekday is not a place", "اجتمع المجلس يوم الخميس في المدينة.", nil, []string{"place:الخميس"}},
		{"a list after a dual head noun", "قصفت المدفعية قريتي دادا عبدال وأم حرمل.", []string{"place:دادا عبدال", "place:أم حرمل"}, nil},
		{"an adverb is not the country", "هاجمت فصائل مدعومة تركياً القرية.", nil, []string{"place:تركيا", "place:تركياً"}},
		{"hashtag", "اشتباكات عنيفة في #طرابلس منذ الصباح.", []string{"place:طرابلس"}, nil},
		{"an operation's name hides the place word", "أطلقت قسد حملة عاصفة الجزيرة.", []string{"actor:قسد"}, []string{"place:الجزيرة"}},
		{"direction before a country", "قصفت الطائرات مواقع في شمال شرق سوريا.", []string{"place:سوريا"}, []string{"place:شمال شرق سوريا"}},
		{"a province named with a direction keeps it", "اندلعت معارك في ولاية شمال دارفور.", []string{"place:شمال دارفور"}, nil},
		{"ك is not a proclitic of names", "كشفت المصادر عن تفاصيل جديدة.", nil, []string{"place:شفت"}},
		{"a head word alone is not the place", "سيطر مقاتلو الهيئة على بلدة دير حسان.", []string{"place:دير حسان"}, []string{"place:دير"}},
		{"ود is a head word, not و + د, even before a known name", "هاجم مسلحون قرية ود راوة فجر اليوم.", []string{"place:ود راوة"}, []string{"place:ود", "place:راوة"}},
		{"ل with a people noun after a head noun is no name", "انفجرت قنبلة وسط تجمع لشبان في مخيم عين الحلوة.", []string{"place:عين الحلوة"}, []string{"place:لشبان"}},
		{"a plural head noun is not part of the name", "استعادت القوات سلسلة جبال البلق الشرقي أمس.", []string{"place:البلق الشرقي"}, []string{"place:جبال البلق الشرقي"}},
		{"a command named after its area is no place", "أعلنت قيادة عمليات نينوى اعتقال مطلوبين.", nil, []string{"place:نينوى"}},
		{"an adjective after an indefinite head noun is no name", "سيطرت القوات على قرية جديدة قرب الحسكة.", []string{"place:الحسكة"}, []string{"place:جديدة"}},
		{"a definite name after a head noun stays", "وصل الوفد إلى مدينة الجديدة المغربية.", []string{"place:الجديدة"}, nil},
		{"شبه جزيرة is a head noun", "نفذ الجيش عملية أمنية في شبه جزيرة سيناء.", []string{"place:سيناء"}, []string{"place:شبه جزيرة سيناء"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := run(t, tc.text)
			set := map[string]bool{}
			for _, g := range got {
				set[g] = true
			}
			for _, w := range tc.want {
				if !set[w] {
					t.Errorf("%q: missing %s; got %s", tc.text, w, strings.Join(got, ", "))
				}
			}
			for _, n := range tc.not {
				if set[n] {
					t.Errorf("%q: unexpected %s; got %s", tc.text, n, strings.Join(got, ", "))
				}
			}
		})
	}
}

// TestRepeats finds the bare occurrences of a name a head noun introduced.
func TestRepeats(t *testing.T) {
	got, d := run(t, "قصفت المدفعية قرية تل العويني فجر اليوم. ودخلت القوات تل العويني ظهراً، وانتشرت وحدات منها بتل العويني مساءً.")
	n := 0
	for _, g := range got {
		if g == "place:تل العويني" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("got %s; want the name three times", strings.Join(got, ", "))
	}
	for _, m := range d.Mentions {
		if m.Kind == doc.MPlace && strings.HasPrefix(d.Text[m.StartByte:m.EndByte], "ب") {
			t.Errorf("span %q keeps its proclitic", d.Text[m.StartByte:m.EndByte])
		}
	}
	// with no head noun anywhere, a bare unknown word stays unread
	if got, _ := run(t, "ودخلت القوات الحويجات ظهراً."); len(got) > 1 {
		t.Errorf("got %s; want no place", strings.Join(got, ", "))
	}
}

// TestHeads checks the labels that frame a place for the geo stage.
func TestHeads(t *testing.T) {
	_, d := run(t, "قصفت الطائرات بلدة معرة النعمان في ريف إدلب الجنوبي وشرق حماة.")
	labels := map[string]string{}
	for _, m := range d.Mentions {
		if m.Kind == doc.MPlace {
			labels[d.SpanText(m.Span)] = m.Label
		}
	}
	if !strings.Contains(labels["إدلب"], "head:rural") {
		t.Errorf("إدلب label %q; want head:rural", labels["إدلب"])
	}
	if !strings.Contains(labels["حماة"], "head:direction") {
		t.Errorf("حماة label %q; want head:direction", labels["حماة"])
	}
	if !strings.Contains(labels["معرة النعمان"], "head:settlement") {
		t.Errorf("معرة النعمان label %q; want head:settlement", labels["معرة النعمان"])
	}
}
