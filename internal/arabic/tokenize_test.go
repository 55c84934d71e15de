package arabic

import (
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
)

// Short names for the token flags in the tables below.
const (
	SA = doc.SpaceAfter
	LS = doc.LineStart
	PS = doc.ParaStart
	Q  = doc.Quoted
	AN = doc.AttachNext
	QO = doc.QuoteOpen
	QC = doc.QuoteClose
	PO = doc.ParenOpen
	PC = doc.ParenClose

	first = LS | PS // the first token of a text
)

// tok is an expected token: its original text, kind and exact flags, and
// its normalized text when that is not Normalize(text).
type tok struct {
	text  string
	kind  doc.Kind
	flags doc.Flags
	norm  string
}

var tokenizeTests = []struct {
	name string
	in   string
	want []tok
}{
	{"arabic words", "قال المتحدث", []tok{
		{"قال", doc.Word, first | SA, ""},
		{"المتحدث", doc.Word, 0, ""},
	}},
	{"english quotes", "معركة “هجين” شرقاً", []tok{
		{"معركة", doc.Word, first | SA, ""},
		{"“", doc.Punct, QO, `"`},
		{"هجين", doc.Word, Q, ""},
		{"”", doc.Punct, QC | SA, `"`},
		{"شرقاً", doc.Word, 0, "شرقا"},
	}},
	{"guillemets", "تنظيم «داعش».", []tok{
		{"تنظيم", doc.Word, first | SA, ""},
		{"«", doc.Punct, QO, `"`},
		{"داعش", doc.Word, Q, ""},
		{"»", doc.Punct, QC, `"`},
		{".", doc.Punct, 0, ""},
	}},
	{"ascii quotes", `تنظيم "داعش" في`, []tok{
		{"تنظيم", doc.Word, first | SA, ""},
		{`"`, doc.Punct, QO, ""},
		{"داعش", doc.Word, Q, ""},
		{`"`, doc.Punct, QC | SA, ""},
		{"في", doc.Word, 0, ""},
	}},
	{"reversed quotes of rtl sites", "تنظيم ”داعش“ في", []tok{
		{"تنظيم", doc.Word, first | SA, ""},
		{"”", doc.Punct, QO, `"`},
		{"داعش", doc.Word, Q, ""},
		{"“", doc.Punct, QC | SA, `"`},
		{"في", doc.Word, 0, ""},
	}},
	{"ascii quotes glued to waw", `و"داعش"`, []tok{
		{"و", doc.Word, first, ""},
		{`"`, doc.Punct, QO, ""},
		{"داعش", doc.Word, Q, ""},
		{`"`, doc.Punct, QC, ""},
	}},
	{"ascii quotes with spaces inside", `قال " داعش " اليوم`, []tok{
		{"قال", doc.Word, first | SA, ""},
		{`"`, doc.Punct, QO | SA, ""},
		{"داعش", doc.Word, Q | SA, ""},
		{`"`, doc.Punct, QC | SA, ""},
		{"اليوم", doc.Word, 0, ""},
	}},
	{"quote after a colon", `قال:"نحن هنا"`, []tok{
		{"قال", doc.Word, first, ""},
		{":", doc.Punct, 0, ""},
		{`"`, doc.Punct, QO, ""},
		{"نحن", doc.Word, Q | SA, ""},
		{"هنا", doc.Word, Q, ""},
		{`"`, doc.Punct, QC, ""},
	}},
	{"nested quotes", "“قال «كفى» ثم”", []tok{
		{"“", doc.Punct, first | QO, `"`},
		{"قال", doc.Word, Q | SA, ""},
		{"«", doc.Punct, Q | QO, `"`},
		{"كفى", doc.Word, Q, "كفي"},
		{"»", doc.Punct, Q | QC | SA, `"`},
		{"ثم", doc.Word, Q, ""},
		{"”", doc.Punct, QC, `"`},
	}},
	{"closing quotes glued together", "«قال “كفى”»", []tok{
		{"«", doc.Punct, first | QO, `"`},
		{"قال", doc.Word, Q | SA, ""},
		{"“", doc.Punct, Q | QO, `"`},
		{"كفى", doc.Word, Q, "كفي"},
		{"”", doc.Punct, Q | QC, `"`},
		{"»", doc.Punct, QC, `"`},
	}},
	{"single quotes", "قوات 'قسد' هنا", []tok{
		{"قوات", doc.Word, first | SA, ""},
		{"'", doc.Punct, QO, ""},
		{"قسد", doc.Word, Q, ""},
		{"'", doc.Punct, QC | SA, ""},
		{"هنا", doc.Word, 0, ""},
	}},
	{"quotes do not pair across lines", "«أ\nب»", []tok{
		{"«", doc.Punct, first | QO, `"`},
		{"أ", doc.Word, SA, "ا"},
		{"ب", doc.Word, LS, ""},
		{"»", doc.Punct, QC, `"`},
	}},
	{"detached lam before bracket", "لـ (داعش)", []tok{
		{"لـ", doc.Word, first | AN | SA, "ل"},
		{"(", doc.Punct, PO, ""},
		{"داعش", doc.Word, 0, ""},
		{")", doc.Punct, PC, ""},
	}},
	{"lam with tatweel joined to the name", "لـداعش", []tok{
		{"لـداعش", doc.Word, first, "لداعش"},
	}},
	{"detached beh before ascii quote", `بـ"قسد"`, []tok{
		{"بـ", doc.Word, first | AN, "ب"},
		{`"`, doc.Punct, QO, ""},
		{"قسد", doc.Word, Q, ""},
		{`"`, doc.Punct, QC, ""},
	}},
	{"detached lam with kasra before tatweel", "لِـ\"الشرق\"", []tok{
		{"لِـ", doc.Word, first | AN, "ل"},
		{`"`, doc.Punct, QO, ""},
		{"الشرق", doc.Word, Q, ""},
		{`"`, doc.Punct, QC, ""},
	}},
	{"detached lam with kasra after tatweel", "لـِ «الأهرام»", []tok{
		{"لـِ", doc.Word, first | AN | SA, "ل"},
		{"«", doc.Punct, QO, `"`},
		{"الأهرام", doc.Word, Q, "الاهرام"},
		{"»", doc.Punct, QC, `"`},
	}},
	{"detached waw-beh-al", "وبالـ «حشد»", []tok{
		{"وبالـ", doc.Word, first | AN | SA, "وبال"},
		{"«", doc.Punct, QO, `"`},
		{"حشد", doc.Word, Q, ""},
		{"»", doc.Punct, QC, `"`},
	}},
	{"short word without tatweel is not detached", "و قال", []tok{
		{"و", doc.Word, first | SA, ""},
		{"قال", doc.Word, 0, ""},
	}},
	{"diacritics inside words", "يُعززان جوًّا", []tok{
		{"يُعززان", doc.Word, first | SA, "يعززان"},
		{"جوًّا", doc.Word, 0, "جوا"},
	}},
	{"tatweel inside a word", "الـمـعـركـة", []tok{
		{"الـمـعـركـة", doc.Word, first, "المعركه"},
	}},
	{"zwnj inside and rlm around words", "\u200fمی\u200cخواهم\u200f \u200fقال\u200f", []tok{
		{"می\u200cخواهم", doc.Word, first | SA, "ميخواهم"},
		{"قال", doc.Word, 0, ""},
	}},
	{"presentation forms", "ﻻ ﺍﻟﺠﻴﺶ", []tok{
		{"ﻻ", doc.Word, first | SA, "لا"},
		{"ﺍﻟﺠﻴﺶ", doc.Word, 0, "الجيش"},
	}},
	{"ligature expanding to words is one token", "محمد ﷺ قال", []tok{
		{"محمد", doc.Word, first | SA, ""},
		{"ﷺ", doc.Word, SA, "صلياللهعليهوسلم"},
		{"قال", doc.Word, 0, ""},
	}},
	{"persian digits with thousands separator", "۲۴٬۰۰۰ شخص", []tok{
		{"۲۴٬۰۰۰", doc.Number, first | SA, "24,000"},
		{"شخص", doc.Word, 0, ""},
	}},
	{"arabic-indic decimal", "٢٫٥ مليون", []tok{
		{"٢٫٥", doc.Number, first | SA, "2.5"},
		{"مليون", doc.Word, 0, ""},
	}},
	{"ascii separators and decimals", "1,250 و3.5 و2018.06.17", []tok{
		{"1,250", doc.Number, first | SA, ""},
		{"و", doc.Word, 0, ""},
		{"3.5", doc.Number, SA, ""},
		{"و", doc.Word, 0, ""},
		{"2018.06.17", doc.Number, 0, ""},
	}},
	{"arabic comma between digits", "71،360", []tok{
		{"71،360", doc.Number, first, "71,360"},
	}},
	{"percent with space", "98 %", []tok{
		{"98", doc.Number, first | SA, ""},
		{"%", doc.Symbol, 0, ""},
	}},
	{"arabic percent", "٩٨٪ من", []tok{
		{"٩٨", doc.Number, first, "98"},
		{"٪", doc.Symbol, SA, "%"},
		{"من", doc.Word, 0, ""},
	}},
	{"number glued to era letter", "2014م", []tok{
		{"2014", doc.Number, first, ""},
		{"م", doc.Word, 0, ""},
	}},
	{"slashed date", "2019/03/15", []tok{
		{"2019", doc.Number, first, ""},
		{"/", doc.Punct, 0, ""},
		{"03", doc.Number, 0, ""},
		{"/", doc.Punct, 0, ""},
		{"15", doc.Number, 0, ""},
	}},
	{"trailing separator is not part of a number", "عددهم 12، و", []tok{
		{"عددهم", doc.Word, first | SA, ""},
		{"12", doc.Number, 0, ""},
		{"،", doc.Punct, SA, ","},
		{"و", doc.Word, 0, ""},
	}},
	{"url with arabic path and trailing comma", "موقع https://ar.example.org/أخبار/سوريا، وقال", []tok{
		{"موقع", doc.Word, first | SA, ""},
		{"https://ar.example.org/أخبار/سوريا", doc.URL, 0, "https://ar.example.org/اخبار/سوريا"},
		{"،", doc.Punct, SA, ","},
		{"وقال", doc.Word, 0, ""},
	}},
	{"www url with trailing period", "www.unocha.org.", []tok{
		{"www.unocha.org", doc.URL, first, ""},
		{".", doc.Punct, 0, ""},
	}},
	{"url with balanced parentheses", "(https://ar.wikipedia.org/wiki/حلب_(مدينة))", []tok{
		{"(", doc.Punct, first | PO, ""},
		{"https://ar.wikipedia.org/wiki/حلب_(مدينة)", doc.URL, 0, "https://ar.wikipedia.org/wiki/حلب_(مدينه)"},
		{")", doc.Punct, PC, ""},
	}},
	{"bare scheme is not a url", "http:// x", []tok{
		{"http", doc.Latin, first, ""},
		{":", doc.Punct, 0, ""},
		{"/", doc.Punct, 0, ""},
		{"/", doc.Punct, SA, ""},
		{"x", doc.Latin, 0, ""},
	}},
	{"arabic hashtags", "#إدلب_تحت_القصف و#حلب", []tok{
		{"#إدلب_تحت_القصف", doc.Hashtag, first | SA, "#ادلب_تحت_القصف"},
		{"و", doc.Word, 0, ""},
		{"#حلب", doc.Hashtag, 0, ""},
	}},
	{"lone hash", "# 5", []tok{
		{"#", doc.Symbol, first | SA, ""},
		{"5", doc.Number, 0, ""},
	}},
	{"handle", "عبر @SyriaCivilDef", []tok{
		{"عبر", doc.Word, first | SA, ""},
		{"@SyriaCivilDef", doc.Handle, 0, "@syriacivildef"},
	}},
	{"e-mail address", "راسلونا: news.desk@sana.sy.", []tok{
		{"راسلونا", doc.Word, first, ""},
		{":", doc.Punct, SA, ""},
		{"news.desk@sana.sy", doc.URL, 0, ""},
		{".", doc.Punct, 0, ""},
	}},
	{"at sign without a domain", "info@sana", []tok{
		{"info", doc.Latin, first, ""},
		{"@sana", doc.Handle, 0, ""},
	}},
	{"emoji", "🔴 عاجل 👍🏽", []tok{
		{"🔴", doc.Other, first | SA, ""},
		{"عاجل", doc.Word, SA, ""},
		{"👍🏽", doc.Other, 0, ""},
	}},
	{"emoji zwj sequence is one token", "👨\u200d👩\u200d👧", []tok{
		{"👨\u200d👩\u200d👧", doc.Other, first, "👨👩👧"},
	}},
	{"latin words", "U.S. forces and al-Qaeda's", []tok{
		{"U.S", doc.Latin, first, "u.s"},
		{".", doc.Punct, SA, ""},
		{"forces", doc.Latin, SA, ""},
		{"and", doc.Latin, SA, ""},
		{"al-Qaeda's", doc.Latin, 0, "al-qaeda's"},
	}},
	{"latin with accents", "Gülen", []tok{
		{"Gülen", doc.Latin, first, "gülen"},
	}},
	{"latin word glued to arabic", "ISISداعش", []tok{
		{"ISIS", doc.Latin, first, "isis"},
		{"داعش", doc.Word, 0, ""},
	}},
	{"cyrillic", "Путин قال", []tok{
		{"Путин", doc.Latin, first | SA, "путин"},
		{"قال", doc.Word, 0, ""},
	}},
	{"question and exclamation runs", "سلام؟! حقا!!", []tok{
		{"سلام", doc.Word, first, ""},
		{"؟!", doc.Punct, SA, "?!"},
		{"حقا", doc.Word, 0, ""},
		{"!!", doc.Punct, 0, ""},
	}},
	{"dot runs and ellipsis", "قال... ثم…", []tok{
		{"قال", doc.Word, first, ""},
		{"...", doc.Punct, SA, ""},
		{"ثم", doc.Word, 0, ""},
		{"…", doc.Punct, 0, "..."},
	}},
	{"arabic punctuation", "حلب، حمص؛ لماذا؟", []tok{
		{"حلب", doc.Word, first, ""},
		{"،", doc.Punct, SA, ","},
		{"حمص", doc.Word, 0, ""},
		{"؛", doc.Punct, SA, ";"},
		{"لماذا", doc.Word, 0, ""},
		{"؟", doc.Punct, 0, "?"},
	}},
	{"dashes", "حلب–حمص - دمشق", []tok{
		{"حلب", doc.Word, first, ""},
		{"–", doc.Punct, 0, "-"},
		{"حمص", doc.Word, SA, ""},
		{"-", doc.Punct, SA, ""},
		{"دمشق", doc.Word, 0, ""},
	}},
	{"lines and paragraphs", "أ\nب\n\nج", []tok{
		{"أ", doc.Word, first | SA, "ا"},
		{"ب", doc.Word, LS | SA, ""},
		{"ج", doc.Word, LS | PS, ""},
	}},
	{"crlf and blank lines with spaces", "قال\r\n \r\nثم", []tok{
		{"قال", doc.Word, first | SA, ""},
		{"ثم", doc.Word, LS | PS, ""},
	}},
	{"stray mark and control are gaps", "\u064e قال\x01ثم", []tok{
		{"قال", doc.Word, first, ""},
		{"ثم", doc.Word, 0, ""},
	}},
	{"symbols", "$5 +3 °", []tok{
		{"$", doc.Symbol, first, ""},
		{"5", doc.Number, SA, ""},
		{"+", doc.Symbol, 0, ""},
		{"3", doc.Number, SA, ""},
		{"°", doc.Symbol, 0, ""},
	}},
	{"brackets", "[١] {x}", []tok{
		{"[", doc.Punct, first | PO, ""},
		{"١", doc.Number, 0, "1"},
		{"]", doc.Punct, PC | SA, ""},
		{"{", doc.Punct, PO, ""},
		{"x", doc.Latin, 0, ""},
		{"}", doc.Punct, PC, ""},
	}},
	{"empty", "", nil},
	{"only spaces", " \n\t ", nil},
}

func TestTokenize(t *testing.T) {
	for _, tt := range tokenizeTests {
		t.Run(tt.name, func(t *testing.T) {
			norm, nmap := NormalizeMap(tt.in)
			got := Tokenize(tt.in, norm, nmap, nil)
			checkTokens(t, tt.in, norm, got, tt.want)
		})
	}
}

// checkTokens walks the expected tokens through text and norm: each token
// must start at the next occurrence of its text after the previous one,
// with only whitespace and invisible characters in between.
func checkTokens(t *testing.T, text, norm string, got []doc.Token, want []tok) {
	t.Helper()
	pos, npos := 0, 0
	for i, w := range want {
		if i >= len(got) {
			t.Errorf("Tokenize(%q): got %d tokens; want %d (missing %q)", text, len(got), len(want), w.text)
			return
		}
		wnorm := w.norm
		if wnorm == "" {
			wnorm = Normalize(w.text)
		}
		start := pos + strings.Index(text[pos:], w.text)
		nstart := npos + strings.Index(norm[npos:], wnorm)
		if start < pos || nstart < npos {
			t.Fatalf("bad test: %q (norm %q) not in %q after %d", w.text, wnorm, text, pos)
		}
		g := got[i]
		gt := text[g.Start:g.End]
		if int(g.Start) != start || int(g.End) != start+len(w.text) {
			t.Errorf("Tokenize(%q)[%d] = %q at [%d,%d); want %q at [%d,%d)", text, i, gt, g.Start, g.End, w.text, start, start+len(w.text))
		}
		if int(g.NormStart) != nstart || int(g.NormEnd) != nstart+len(wnorm) {
			t.Errorf("Tokenize(%q)[%d] norm = %q at [%d,%d); want %q at [%d,%d)", text, i, norm[g.NormStart:g.NormEnd], g.NormStart, g.NormEnd, wnorm, nstart, nstart+len(wnorm))
		}
		if g.Kind != w.kind {
			t.Errorf("Tokenize(%q)[%d] %q kind = %v; want %v", text, i, gt, g.Kind, w.kind)
		}
		if g.Flags != w.flags {
			t.Errorf("Tokenize(%q)[%d] %q flags = %s; want %s", text, i, gt, flagString(g.Flags), flagString(w.flags))
		}
		pos, npos = start+len(w.text), nstart+len(wnorm)
	}
	for _, g := range got[min(len(want), len(got)):] {
		t.Errorf("Tokenize(%q): extra token %q", text, text[g.Start:g.End])
	}
}

var flagNames = []string{"SpaceAfter", "LineStart", "ParaStart", "SentStart", "Quoted", "AttachNext", "QuoteOpen", "QuoteClose", "ParenOpen", "ParenClose"}

func flagString(f doc.Flags) string {
	var b []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			b = append(b, n)
		}
	}
	return "{" + strings.Join(b, "|") + "}"
}

func TestTokenizeAppends(t *testing.T) {
	prev := []doc.Token{{Start: 0, End: 1, Kind: doc.Latin}}
	text := "قال \"نعم\""
	norm, nmap := NormalizeMap(text)
	got := Tokenize(text, norm, nmap, prev)
	if len(got) != 5 {
		t.Fatalf("Tokenize after 1 token: got %d tokens; want 5", len(got))
	}
	if got[0] != prev[0] {
		t.Errorf("Tokenize changed the token before dst's end: %+v", got[0])
	}
	if got[1].Flags != first|SA || got[2].Flags != QO {
		t.Errorf("Tokenize after 1 token: flags %s %s; want %s %s", flagString(got[1].Flags), flagString(got[2].Flags), flagString(first|SA), flagString(QO))
	}
}

func TestAnalyze(t *testing.T) {
	d := &doc.Doc{Text: "قال: «انتهى». ثم رحل\nالسطر الثاني"}
	Analyze(d)
	if want := `قال: "انتهي". ثم رحل` + "\nالسطر الثاني"; d.Norm != want {
		t.Errorf("Analyze: Norm = %q; want %q", d.Norm, want)
	}
	checkNormMap(t, d.Text, d.Norm, d.NormMap)
	var toks []string
	for i := range d.Tokens {
		toks = append(toks, d.TokText(i))
	}
	if got, want := strings.Join(toks, " "), "قال : « انتهى » . ثم رحل السطر الثاني"; got != want {
		t.Errorf("Analyze: tokens %q; want %q", got, want)
	}
	var sents []string
	for _, s := range d.Sents {
		sents = append(sents, d.SpanText(s))
	}
	if got, want := strings.Join(sents, "|"), "قال: «انتهى».|ثم رحل|السطر الثاني"; got != want {
		t.Errorf("Analyze: sentences %q; want %q", got, want)
	}
	// a second run reuses the slices and gives the same result
	toks0, sents0 := len(d.Tokens), len(d.Sents)
	Analyze(d)
	if len(d.Tokens) != toks0 || len(d.Sents) != sents0 {
		t.Errorf("Analyze again: %d tokens, %d sentences; want %d, %d", len(d.Tokens), len(d.Sents), toks0, sents0)
	}
}
