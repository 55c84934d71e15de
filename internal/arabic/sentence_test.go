package arabic

import (
	"slices"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
)

var sentenceTests = []struct {
	name string
	in   string
	want []string // the text of each sentence
}{
	{"two periods", "قُتل ثلاثة. وأصيب اثنان.", []string{"قُتل ثلاثة.", "وأصيب اثنان."}},
	{"no final stop", "قال المرصد. وأضاف أن القصف مستمر", []string{"قال المرصد.", "وأضاف أن القصف مستمر"}},
	{"question mark", "هل انتهت المعركة؟ لا.", []string{"هل انتهت المعركة؟", "لا."}},
	{"exclamation mark", "كارثة! قُتل العشرات", []string{"كارثة!", "قُتل العشرات"}},
	{"run of question and exclamation marks", "هل يمكن ذلك؟! الجواب واضح", []string{"هل يمكن ذلك؟!", "الجواب واضح"}},
	{"ascii question mark", "why? because", []string{"why?", "because"}},
	{"line breaks", "العنوان\nالنص الأول\n\nالفقرة الثانية", []string{"العنوان", "النص الأول", "الفقرة الثانية"}},
	{"crlf line breaks", "سطر\r\nسطر آخر", []string{"سطر", "سطر آخر"}},
	{"stop before a line break", "انتهى.\nبدأ", []string{"انتهى.", "بدأ"}},
	{"abbreviation dal", "وقال د. عبد الله الحسن إن القصف مستمر.", []string{"وقال د. عبد الله الحسن إن القصف مستمر."}},
	{"abbreviation meem", "المهندس م. أحمد علي وصل.", []string{"المهندس م. أحمد علي وصل."}},
	{"abbreviation glued to the name", "قال د.محمد إن", []string{"قال د.محمد إن"}},
	{"era inside a sentence", "منذ القرن الثالث ق.م وحتى اليوم.", []string{"منذ القرن الثالث ق.م وحتى اليوم."}},
	{"year with era ends a sentence", "نزحوا منذ عام 2014 م. ويحتاج الملايين", []string{"نزحوا منذ عام 2014 م.", "ويحتاج الملايين"}},
	{"year glued to era ends a sentence", "منذ ٢٠١٤م. ثم", []string{"منذ ٢٠١٤م.", "ثم"}},
	{"year before christ ends a sentence", "بُنيت عام 300 ق.م. وقال", []string{"بُنيت عام 300 ق.م.", "وقال"}},
	{"hijri year ends a sentence", "في عام 1440 هـ. ثم", []string{"في عام 1440 هـ.", "ثم"}},
	{"year with era before more letters", "عام 2014 م.ق ثم", []string{"عام 2014 م.ق ثم"}},
	{"decimal number", "نزح نحو 3.5 مليون شخص. وعاد آخرون", []string{"نزح نحو 3.5 مليون شخص.", "وعاد آخرون"}},
	{"arabic decimal number", "بلغت النسبة ٢٫٥ بالمئة.", []string{"بلغت النسبة ٢٫٥ بالمئة."}},
	{"period inside a quotation", "قال: «لن نتراجع. سنقاتل» ثم غادر.", []string{"قال: «لن نتراجع. سنقاتل» ثم غادر."}},
	{"period closing a quotation", "وقال: “العملية انتهت.” ثم غادر القاعة.", []string{"وقال: “العملية انتهت.”", "ثم غادر القاعة."}},
	{"period closing an ascii quotation", `وقال إن "العملية جاءت بناءً على معلومات." وأضاف`, []string{`وقال إن "العملية جاءت بناءً على معلومات."`, "وأضاف"}},
	{"period inside nested quotations", "“قال «كفى.» ثم رحل.” وانتهى", []string{"“قال «كفى.» ثم رحل.”", "وانتهى"}},
	{"quotation across lines splits at the line", "قال: «لن نتراجع.\nسنقاتل»", []string{"قال: «لن نتراجع.", "سنقاتل»"}},
	{"closing bracket after the stop", "(انظر الخريطة.) وقال", []string{"(انظر الخريطة.)", "وقال"}},
	{"stop then quote then bracket", "(قال «كفى!») ثم", []string{"(قال «كفى!»)", "ثم"}},
	{"missing space after the period", "النهاية.وقال آخر", []string{"النهاية.", "وقال آخر"}},
	{"missing space after the question mark", "لماذا؟وقال", []string{"لماذا؟", "وقال"}},
	{"period glued to a number", "رقم.5 في", []string{"رقم.5 في"}},
	{"latin abbreviations", "Dr. Smith met U.S. envoys. Then", []string{"Dr. Smith met U.S. envoys.", "Then"}},
	{"ellipsis", "وقال... ثم صمت", []string{"وقال...", "ثم صمت"}},
	{"punctuation-only lines are sentences", "...\n\n!!", []string{"...", "!!"}},
	{"only a period", ".", []string{"."}},
	{"empty", "", nil},
	{"only spaces", "  \n\n ", nil},
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Doc{Text: tt.in}
			Analyze(d)
			var got []string
			for _, s := range d.Sents {
				got = append(got, d.SpanText(s))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q; want %q", tt.in, got, tt.want)
			}
			checkSentences(t, d)
		})
	}
}

// checkSentences checks that the sentences of d cover its tokens in order,
// without gaps, overlaps or empty sentences, that their byte ranges match
// their tokens, and that SentStart is set exactly on their first tokens.
func checkSentences(t *testing.T, d *doc.Doc) {
	t.Helper()
	next := int32(0)
	starts := make(map[int32]bool)
	for k, s := range d.Sents {
		if s.Start != next || s.End <= s.Start {
			t.Errorf("Sentences(%q)[%d] = tokens [%d,%d); want a non-empty span from %d", d.Text, k, s.Start, s.End, next)
			return
		}
		if s.StartByte != d.Tokens[s.Start].Start || s.EndByte != d.Tokens[s.End-1].End {
			t.Errorf("Sentences(%q)[%d] bytes [%d,%d); want the tokens' [%d,%d)", d.Text, k, s.StartByte, s.EndByte, d.Tokens[s.Start].Start, d.Tokens[s.End-1].End)
		}
		starts[s.Start] = true
		next = s.End
	}
	if int(next) != len(d.Tokens) {
		t.Errorf("Sentences(%q) end at token %d; want %d", d.Text, next, len(d.Tokens))
	}
	for i, tk := range d.Tokens {
		if tk.Has(doc.SentStart) != starts[int32(i)] {
			t.Errorf("Sentences(%q): token %d %q SentStart = %v; want %v", d.Text, i, d.TokText(i), tk.Has(doc.SentStart), starts[int32(i)])
		}
	}
}
