package arabic

import (
	"slices"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// One labelled case per normalization rule.
var normalizeTests = []struct {
	name, in, want string
}{
	// hamza-carrying alefs and alef wasla
	{"alef hamza above", "أحمد", "احمد"},
	{"alef hamza below", "إدلب", "ادلب"},
	{"alef madda", "آخر", "اخر"},
	{"alef wasla", "ٱلله", "الله"},
	{"alef wavy hamza", "\u0672", "ا"},
	// yeh and teh marbuta
	{"alef maksura", "مصطفى", "مصطفي"},
	{"farsi yeh", "ایران", "ايران"},
	{"yeh barree", "\u06D2", "ي"},
	{"teh marbuta", "مدينة", "مدينه"},
	// hamza on carriers; standalone hamza
	{"waw hamza", "مؤتمر", "موتمر"},
	{"yeh hamza", "رئيس", "رييس"},
	{"standalone hamza kept", "جزء", "جزء"},
	{"final hamza after alef", "سماء", "سماء"},
	{"combining hamza above alef", "ا\u0654حمد", "احمد"},
	{"combining hamza below alef", "ا\u0655دلب", "ادلب"},
	{"combining hamza above waw", "مو\u0654تمر", "موتمر"},
	{"combining madda", "ا\u0653خر", "اخر"},
	// marks
	{"harakat", "يُعَزِّزانِ", "يعززان"},
	{"tanwin and shadda", "جوًّا", "جوا"},
	{"sukun", "قُتِلْ", "قتل"},
	{"superscript alef", "هٰذا", "هذا"},
	{"quranic small high marks", "الرَّحِيمِ\u06D6", "الرحيم"},
	{"honorific sign", "محمد\u0610", "محمد"},
	{"extended arabic mark", "ب\u08F0", "ب"},
	{"tatweel", "الـمـعـركـة", "المعركه"},
	// invisible controls
	{"zero-width non-joiner", "می\u200cخواهم", "ميخواهم"},
	{"zero-width joiner", "دا\u200dعش", "داعش"},
	{"zero-width space", "دير\u200bالزور", "ديرالزور"},
	{"right-to-left mark", "\u200fداعش\u200f", "داعش"},
	{"left-to-right mark", "\u200eISIS", "isis"},
	{"arabic letter mark", "\u061cقال", "قال"},
	{"bidi embedding and override", "\u202bحلب\u202c \u202eحمص\u202c", "حلب حمص"},
	{"bidi isolates", "\u2067حماة\u2069", "حماه"},
	{"word joiner", "حلب\u2060", "حلب"},
	{"byte order mark", "\ufeffبيان", "بيان"},
	{"soft hyphen", "Al\u00adQaeda", "alqaeda"},
	// spaces and line breaks
	{"no-break space", "دير\u00a0الزور", "دير الزور"},
	{"narrow no-break space", "50\u202f%", "50 %"},
	{"en and em spaces", "أ\u2002ب\u2003ج", "ا ب ج"},
	{"ideographic space", "a\u3000b", "a b"},
	{"tab and form feed", "قال\tإن\f", "قال ان "},
	{"crlf", "سطر\r\nسطر", "سطر\nسطر"},
	{"lone carriage return", "سطر\rسطر", "سطر\nسطر"},
	{"line separator", "سطر\u2028سطر", "سطر\nسطر"},
	{"next line", "a\u0085b", "a\nb"},
	{"nul removed", "حل\x00ب", "حلب"},
	// digits
	{"arabic-indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"},
	{"persian digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
	{"arabic decimal separator", "٢٫٥", "2.5"},
	{"arabic thousands separator", "٧١٬٣٦٠", "71,360"},
	{"persian digits with separators", "۲۴٬۰۰۰٫۵", "24,000.5"},
	{"arabic percent", "٩٨٪", "98%"},
	// punctuation
	{"arabic comma", "حلب، حمص", "حلب, حمص"},
	{"arabic semicolon", "قال؛", "قال;"},
	{"arabic question mark", "لماذا؟", "لماذا?"},
	{"arabic full stop", "انتهى۔", "انتهي."},
	{"arabic five-pointed star", "٭", "*"},
	{"english double quotes", "“هجين”", `"هجين"`},
	{"guillemets", "«داعش»", `"داعش"`},
	{"single guillemets", "‹داعش›", `"داعش"`},
	{"low double quote", "„x‟", `"x"`},
	{"single curly quotes", "‘قسد’", "'قسد'"},
	{"dashes", "حلب–حمص—دمشق", "حلب-حمص-دمشق"},
	{"minus sign", "\u22125", "-5"},
	{"ellipsis", "انتهى…", "انتهي..."},
	// presentation forms
	{"presentation forms word", "ﺍﻟﺠﻴﺶ", "الجيش"},
	{"presentation forms with teh marbuta", "ﺍﻟﻤﺪﻳﻨﺔ", "المدينه"},
	{"lam-alef ligature", "ﻻ", "لا"},
	{"lam-alef hamza above ligature", "ﻷ", "لا"},
	{"lam-alef hamza below ligature", "ﻹ", "لا"},
	{"lam-alef madda ligature", "ﻵ", "لا"},
	{"lam-alef final ligature", "ﻼ", "لا"},
	{"allah ligature", "ﷲ", "الله"},
	{"salla ligature loses its spaces", "ﷺ", "صلياللهعليهوسلم"},
	{"isolated fathatan form", "ﹰ", ""},
	{"tatweel with shadda form", "ﹽ", ""},
	{"rial sign", "﷼", "ريال"},
	{"bismillah ligature kept", "﷽", "﷽"},
	// other scripts
	{"latin lower-cased", "ISIS", "isis"},
	{"latin-1 lower-cased", "ÜNAL", "ünal"},
	{"greek lower-cased", "ΣΑ", "σα"},
	{"fullwidth forms", "ＡＢＣ１２３", "abc123"},
	{"mathematical letters", "\U0001D400\U0001D401", "ab"},
	{"latin ligature", "ﬁre", "fire"},
	// Persian and other letters folded
	{"keheh", "کرکوک", "كركوك"},
	{"gaf", "گروه", "كروه"},
	{"veh", "ڤيينا", "فيينا"},
	{"qaf with three dots", "ڨ", "ق"},
	{"heh goal", "ہ", "ه"},
	{"heh doachashmee", "ھ", "ه"},
	{"heh with yeh above", "ۀ", "ه"},
	// kept
	{"plain arabic unchanged", "دير الزور", "دير الزور"},
	{"ascii punctuation unchanged", `"a" (b) [c] 1.5, 2%`, `"a" (b) [c] 1.5, 2%`},
	{"emoji kept", "🔴 عاجل", "🔴 عاجل"},
	{"end of ayah kept", "\u06DD", "\u06DD"},
	{"invalid utf-8 replaced", "a\xffb\xd8", "a\ufffdb\ufffd"},
	{"empty", "", ""},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
			}
			if got := string(AppendNormal([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("AppendNormal(%q) = %q; want %q", tt.in, got, "x"+tt.want)
			}
			norm, m := NormalizeMap(tt.in)
			if norm != tt.want {
				t.Errorf("NormalizeMap(%q) = %q; want %q", tt.in, norm, tt.want)
			}
			checkNormMap(t, tt.in, norm, m)
			if again := Normalize(tt.want); again != tt.want {
				t.Errorf("Normalize(%q) = %q; want it unchanged (idempotence)", tt.want, again)
			}
		})
	}
}

// checkNormMap checks the NormalizeMap invariants: len(m) == len(norm)+1,
// m monotone, m[len(norm)] == len(text), every entry on a character
// boundary of text, and the bytes of one normalized character mapped to
// one text offset.
func checkNormMap(t *testing.T, text, norm string, m []int32) {
	t.Helper()
	if len(m) != len(norm)+1 {
		t.Fatalf("NormalizeMap(%q): len(map) = %d; want len(norm)+1 = %d", text, len(m), len(norm)+1)
	}
	if last := m[len(norm)]; int(last) != len(text) {
		t.Errorf("NormalizeMap(%q): map[len(norm)] = %d; want len(text) = %d", text, last, len(text))
	}
	bound := runeBoundaries(text)
	for i, o := range m {
		if i > 0 && o < m[i-1] {
			t.Errorf("NormalizeMap(%q): map[%d] = %d < map[%d] = %d; want monotone", text, i, o, i-1, m[i-1])
		}
		if o < 0 || int(o) > len(text) || !bound[o] {
			t.Errorf("NormalizeMap(%q): map[%d] = %d is not a character boundary of the text", text, i, o)
		}
		if i < len(norm) && !utf8.RuneStart(norm[i]) && o != m[i-1] {
			t.Errorf("NormalizeMap(%q): map[%d] = %d splits the normalized character at %d", text, i, o, i-1)
		}
	}
}

// runeBoundaries marks the offsets of text where a character starts (as
// the decoder steps through it, one byte per invalid byte), and len(text).
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := range text {
		b[i] = true
	}
	b[len(text)] = true
	return b
}

func TestNormalizeMap(t *testing.T) {
	tests := []struct {
		name, in, norm string
		m              []int32
	}{
		{"letters with a removed mark", "أَحمد", "احمد", []int32{0, 0, 4, 4, 6, 6, 8, 8, 10}},
		{"leading right-to-left mark", "\u200fقسد", "قسد", []int32{3, 3, 5, 5, 7, 7, 9}},
		{"trailing controls belong to the end", "قسد\u200c", "قسد", []int32{0, 0, 2, 2, 4, 4, 9}},
		{"lam-alef ligature expands", "ﻻ", "لا", []int32{0, 0, 0, 0, 3}},
		{"ligature inside a word", "ﺑﻼﺩ", "بلاد", []int32{0, 0, 3, 3, 3, 3, 6, 6, 9}},
		{"crlf", "a\r\nb", "a\nb", []int32{0, 2, 3, 4}},
		{"ellipsis", "…", "...", []int32{0, 0, 0, 3}},
		{"digits and percent shrink", "٩٨٪", "98%", []int32{0, 2, 4, 6}},
		{"tatweel", "لـ", "ل", []int32{0, 0, 4}},
		{"latin and arabic", "Aب", "aب", []int32{0, 1, 1, 3}},
		{"invalid byte", "\xffa", "\ufffda", []int32{0, 0, 0, 1, 2}},
		{"empty", "", "", []int32{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm, m := NormalizeMap(tt.in)
			if norm != tt.norm {
				t.Errorf("NormalizeMap(%q) = %q; want %q", tt.in, norm, tt.norm)
			}
			if !slices.Equal(m, tt.m) {
				t.Errorf("NormalizeMap(%q) map = %v; want %v", tt.in, m, tt.m)
			}
			checkNormMap(t, tt.in, norm, m)
		})
	}
}

// TestNormalizeDecomposed checks that every character of the Arabic block
// normalizes like its canonical decomposition (أ and ا + U+0654 alike),
// so that NFD input matches NFC lexicon entries.
func TestNormalizeDecomposed(t *testing.T) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		s := string(r)
		d := norm.NFD.String(s)
		if d == s {
			continue
		}
		if got, want := Normalize(d), Normalize(s); got != want {
			t.Errorf("Normalize(%q) = %q; want %q as for %U", d, got, want, r)
		}
	}
}

// TestNormalizePresentationForms checks that every presentation form
// (Latin, Hebrew, Arabic), fullwidth form and mathematical letter
// normalizes to what its compatibility decomposition does, without spaces,
// and that the result is stable.
func TestNormalizePresentationForms(t *testing.T) {
	for _, rg := range [][2]rune{{0xFB00, 0xFDFF}, {0xFE70, 0xFEFE}, {0xFF00, 0xFFEF}, {0x1D400, 0x1D7FF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			k := norm.NFKC.String(s)
			if k == s {
				continue
			}
			want := stripSpaces(Normalize(k))
			got := Normalize(s)
			if got != want {
				t.Errorf("Normalize(%q %U) = %q; want %q", s, r, got, want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize(Normalize(%q %U)) = %q; want %q", s, r, again, got)
			}
		}
	}
}

func stripSpaces(s string) string {
	b := []byte(s)
	b = slices.DeleteFunc(b, func(c byte) bool { return c == ' ' })
	return string(b)
}

func TestIsArabicLetter(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"alef", Alef, true},
		{"hamza", Hamza, true},
		{"yeh", Yeh, true},
		{"teh marbuta", TehMarbuta, true},
		{"peh", 'پ', true},
		{"keheh", Keheh, true},
		{"supplement letter", '\u0750', true},
		{"extended-A letter", '\u08A0', true},
		{"tatweel", Tatweel, false},
		{"fatha", '\u064E', false},
		{"arabic comma", ArabicComma, false},
		{"arabic-indic digit", '٣', false},
		{"latin letter", 'a', false},
		{"presentation form", 'ﺍ', false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsArabicLetter(tt.r); got != tt.want {
				t.Errorf("IsArabicLetter(%q) = %v; want %v", tt.r, got, tt.want)
			}
		})
	}
}

func TestIsDiacritic(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"fatha", '\u064E', true},
		{"shadda", '\u0651', true},
		{"sukun", '\u0652', true},
		{"fathatan", '\u064B', true},
		{"superscript alef", '\u0670', true},
		{"hamza above mark", '\u0654', true},
		{"tatweel", Tatweel, true},
		{"extended mark", '\u08F3', true},
		{"arabic letter mark is a control", '\u061C', false},
		{"alef", Alef, false},
		{"arabic comma", ArabicComma, false},
		{"combining acute", '\u0301', false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsDiacritic(tt.r); got != tt.want {
				t.Errorf("IsDiacritic(%q) = %v; want %v", tt.r, got, tt.want)
			}
		})
	}
}
