package arabic

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/doc"
	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are news-style sentences written for these tests, and inputs
// at the edges of each rule.
var fuzzSeeds = []string{
	"أعلنت \"قوات سوريا الديمقراطية\" (قسد)، اليوم الأربعاء، مقتل 14 عنصراً من تنظيم «داعش».",
	"وقال المتحدث: “تمكّن مقاتلونا من صدّ الهجوم.” وأضاف أن الطيران نفّذ ١٢ غارة.",
	"قالت مصادر طبية لـ\"الشرق الأوسط\" إن ١٧ شخصاً قُتلوا وأُصيب ٢٣ آخرون.",
	"وقال د. عبد الله الحسن إن التصعيد \"يهدد بنسف جهود التهدئة\". هل يمكن ذلك؟! الجواب واضح.",
	"نزح نحو ٢٫٥ مليون شخص منذ عام ٢٠١٤ م. ويحتاج ما يزيد على ۲۴ میلیون شخص، أي ٨٠٪ من السكان.",
	"التقرير على https://www.unocha.org/yemen وللتواصل: info@example.org #اليمن_ينزف @UNOCHA",
	"ﺍﻟﺠﻴﺶ ﻻ ﻳﺰﺍﻝ ﻓﻲ ﺍﻟﻤﺪﻳﻨﺔ ﷺ ﷲ",
	"\u200fداعش\u200f تبنّى الهجوم\u200c على الـمـعـركـة لـ (داعش) بـ\"قسد\" لِـ«حماس»",
	"”داعش“ و“هجين” 'قسد' \"الوطني\" « الحر »",
	"العنوان\r\n\r\nالفقرة الأولى.النهاية.وقال\nسطر «مفتوح\nسطر» مغلق",
	"بُنيت عام 300 ق.م. ثم 1440 هـ. ثم 98 % و3.5 و71,360 و2018.06.17 و2019/03/15",
	"🔴 عاجل 👍🏽 👨\u200d👩\u200d👧 U.S. al-Qaeda's Путин ＡＢＣ１２３ …",
	"\xff\xfe\xd8 \xd8\xa7\xd9 a\x00b\rc\u2028d",
	"وبالدشيشه وللجيش للواء فسيقاتلونهم سيطرتها",
	"",
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// the input as it is, and read as a sequence of pieces that
		// exercise the rules (random bytes rarely form Arabic)
		for _, text := range []string{text, fromPieces(text)} {
			d := &doc.Doc{Text: text}
			Analyze(d)
			checkNormMap(t, d.Text, d.Norm, d.NormMap)
			checkTokenInvariants(t, d)
			checkSentences(t, d)
		}
	})
}

// pieces are the building blocks of fromPieces: letters, marks, controls,
// digits, separators, quotes, brackets and the starts of URLs, e-mails
// and hashtags.
var pieces = [...]string{
	"ا", "ل", "ب", "و", "ف", "ك", "س", "ت", "ه", "ة", "ي", "ى", "أ", "إ", "آ", "ؤ", "ئ", "ء", "م", "ق", "د",
	"\u064e", "\u0651", "\u064b", "\u0654", "ـ", "\u200c", "\u200d", "\u200f", "\u202b", "\ufeff", "\u00ad",
	"ﻻ", "ﻷ", "ﺍ", "ﻟ", "ﷺ", "ﷲ", "ﹰ", "…", "\U0001D400", "Ａ",
	"0", "1", "٢", "۳", "٫", "٬", "،", ",", ".", "%", "٪", "؟", "?", "!", ";", ":", "-", "/", "_",
	"\"", "'", "“", "”", "«", "»", "‘", "(", ")", "[", "]",
	" ", " ", " ", "\n", "\n\n", "\r", "\r\n", "\t", "\u00a0", "\u2028", "\x00", "\x01",
	"http://", "https://", "www.", "@", "#", ".com", "a", "Z", "é", "\u0301", "🔴", "👍", "\U0001F3FD", "\ufe0f",
	"\xff", "\xd8", "\xd9\x80",
}

// fromPieces reads every byte of s as the index of a piece.
func fromPieces(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pieces[int(s[i])%len(pieces)])
	}
	return b.String()
}

// checkTokenInvariants checks the tokenizer's invariants on an analyzed
// document: tokens non-empty, in bounds, on character boundaries of Text
// and Norm, in order and disjoint in both; their text range is
// TextRange of their normalized range; the gaps between them hold nothing
// but whitespace and invisible characters, so tokens and gaps rebuild the
// text; flags are consistent with kinds.
func checkTokenInvariants(t *testing.T, d *doc.Doc) {
	t.Helper()
	tb, nb := runeBoundaries(d.Text), runeBoundaries(d.Norm)
	var prevEnd, prevNormEnd int32
	var rebuilt strings.Builder
	for i, tk := range d.Tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || int(tk.End) > len(d.Text) {
			t.Fatalf("Analyze(%q): token %d at [%d,%d) after %d: out of order, empty or out of bounds", d.Text, i, tk.Start, tk.End, prevEnd)
		}
		if tk.NormStart < prevNormEnd || tk.NormEnd <= tk.NormStart || int(tk.NormEnd) > len(d.Norm) {
			t.Fatalf("Analyze(%q): token %d at norm [%d,%d) after %d: out of order, empty or out of bounds", d.Text, i, tk.NormStart, tk.NormEnd, prevNormEnd)
		}
		if !tb[tk.Start] || !tb[tk.End] || !nb[tk.NormStart] || !nb[tk.NormEnd] {
			t.Errorf("Analyze(%q): token %d [%d,%d) norm [%d,%d) splits a character", d.Text, i, tk.Start, tk.End, tk.NormStart, tk.NormEnd)
		}
		if s, e := d.TextRange(tk.NormStart, tk.NormEnd); s != tk.Start || e != tk.End {
			t.Errorf("Analyze(%q): token %d %q at [%d,%d); TextRange of its norm = [%d,%d)", d.Text, i, d.TokText(i), tk.Start, tk.End, s, e)
		}
		gap := d.Text[prevEnd:tk.Start]
		if !isGap(gap) {
			t.Errorf("Analyze(%q): gap %q before token %d holds visible text", d.Text, gap, i)
		}
		rebuilt.WriteString(gap)
		rebuilt.WriteString(d.TokText(i))
		if tk.Kind < doc.Word || tk.Kind > doc.Other {
			t.Errorf("Analyze(%q): token %d has kind %d", d.Text, i, tk.Kind)
		}
		quote := tk.Flags & (doc.QuoteOpen | doc.QuoteClose)
		if quote == doc.QuoteOpen|doc.QuoteClose || quote != 0 && tk.Kind != doc.Punct {
			t.Errorf("Analyze(%q): token %d %q is a %v with flags %s", d.Text, i, d.TokText(i), tk.Kind, flagString(tk.Flags))
		}
		if tk.Has(doc.AttachNext) && tk.Kind != doc.Word {
			t.Errorf("Analyze(%q): token %d %q is a %v with AttachNext", d.Text, i, d.TokText(i), tk.Kind)
		}
		if tk.Has(doc.ParaStart) && !tk.Has(doc.LineStart) || i == 0 && !tk.Has(doc.LineStart|doc.ParaStart) {
			t.Errorf("Analyze(%q): token %d flags %s", d.Text, i, flagString(tk.Flags))
		}
		prevEnd, prevNormEnd = tk.End, tk.NormEnd
	}
	tail := d.Text[prevEnd:]
	if !isGap(tail) {
		t.Errorf("Analyze(%q): text after the last token %q holds visible text", d.Text, tail)
	}
	rebuilt.WriteString(tail)
	if rebuilt.String() != d.Text {
		t.Errorf("Analyze(%q): tokens and gaps rebuild %q", d.Text, rebuilt.String())
	}
}

// isGap reports whether s holds only what the tokenizer may skip:
// whitespace, control and format characters, and marks (including those
// normalization removes).
func isGap(s string) bool {
	for _, r := range Normalize(s) {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) && !unicode.IsMark(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		norm, m := NormalizeMap(s)
		if norm != n {
			t.Fatalf("NormalizeMap(%q) = %q; Normalize = %q", s, norm, n)
		}
		if a := string(AppendNormal(nil, s)); a != n {
			t.Fatalf("AppendNormal(%q) = %q; Normalize = %q", s, a, n)
		}
		checkNormMap(t, s, norm, m)
		if !utf8.ValidString(n) {
			t.Errorf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if again := Normalize(n); again != n {
			t.Errorf("Normalize(Normalize(%q)) = %q; want %q", s, again, n)
		}
		for _, r := range n {
			if r == '\r' || r == 0 || r == '\t' || doc.IsFormatControl(r) || IsDiacritic(r) || isPresentationForm(r) {
				t.Errorf("Normalize(%q) = %q keeps %U", s, n, r)
			}
		}
	})
}

// isPresentationForm reports whether r is an Arabic presentation form
// with a compatibility decomposition (which normalization must replace).
func isPresentationForm(r rune) bool {
	return (0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFE) &&
		norm.NFKC.PropertiesString(string(r)).Decomposition() != nil
}

func FuzzClitics(f *testing.F) {
	for _, s := range fuzzSeeds {
		for _, w := range strings.Fields(Normalize(s)) {
			f.Add(w)
		}
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, w := range []string{w, Normalize(w)} {
			splits := Clitics(w, nil)
			checkClitics(t, w, splits)
			for _, s := range splits {
				key := s.Key(w)
				if a := string(s.AppendKey(nil, w)); a != key {
					t.Errorf("Clitics(%q): %+v: AppendKey = %q; Key = %q", w, s, a, key)
				}
				if !strings.Contains(key, strings.TrimSuffix(s.Bare(w), "ت")) {
					t.Errorf("Clitics(%q): %+v: key %q does not hold the bare form %q", w, s, key, s.Bare(w))
				}
			}
		}
	})
}
