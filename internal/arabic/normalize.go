// Package arabic is rasd's Arabic text core: normalization for matching
// (with an offset map back to the original), tokenization, sentence
// splitting, clitic analysis, and the number and date parsers. It is the
// first stage of the pipeline: Analyze turns a doc.Doc's Text into Norm,
// NormMap, Tokens and Sents, which every later stage reads.
//
// Everything here is a pure function of its input: no I/O, no clock, no
// package state other than immutable tables.
package arabic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Arabic letters and marks used by the normalizer and the analyzers.
const (
	Hamza          = '\u0621' // ء
	AlefMadda      = '\u0622' // آ
	AlefHamzaAbove = '\u0623' // أ
	WawHamza       = '\u0624' // ؤ
	AlefHamzaBelow = '\u0625' // إ
	YehHamza       = '\u0626' // ئ
	Alef           = '\u0627' // ا
	Beh            = '\u0628' // ب
	TehMarbuta     = '\u0629' // ة
	Teh            = '\u062A' // ت
	Seen           = '\u0633' // س
	Feh            = '\u0641' // ف
	Kaf            = '\u0643' // ك
	Lam            = '\u0644' // ل
	Meem           = '\u0645' // م
	Noon           = '\u0646' // ن
	Heh            = '\u0647' // ه
	Waw            = '\u0648' // و
	AlefMaksura    = '\u0649' // ى
	Yeh            = '\u064A' // ي
	Tatweel        = '\u0640' // ـ
	AlefWasla      = '\u0671' // ٱ
	FarsiYeh       = '\u06CC' // ی
	Keheh          = '\u06A9' // ک
	Gaf            = '\u06AF' // گ
	Veh            = '\u06A4' // ڤ
	Qaf            = '\u0642' // ق
	Ng             = '\u06AD' // ڭ
	QafThreeDots   = '\u06A8' // ڨ
	HehGoal        = '\u06C1' // ہ
	HehDoachashmee = '\u06BE' // ھ
	ArabicComma    = '\u060C' // ،
	ArabicSemi     = '\u061B' // ؛
	ArabicQuestion = '\u061F' // ؟
	ArabicPercent  = '\u066A' // ٪
	ArabicDecimal  = '\u066B' // ٫
	ArabicThousand = '\u066C' // ٬
	ArabicFullStop = '\u06D4' // ۔
)

// drop marks a rune the normalizer removes.
const drop rune = -1

// arabicBlock maps U+0600..U+06FF to its matching form: 0 keeps the rune,
// drop removes it, anything else replaces it. Every replacement is ASCII or
// in the block itself, so a two-byte rune never becomes longer. Immutable
// after package initialization.
var arabicBlock = func() (t [0x100]rune) {
	set := func(r, to rune) { t[r-0x600] = to }
	for r := rune(0x0610); r <= 0x061A; r++ { // honorifics and small high marks
		set(r, drop)
	}
	for r := rune(0x064B); r <= 0x065F; r++ { // harakat, shadda, sukun, hamza marks
		set(r, drop)
	}
	set(0x0670, drop) // superscript alef
	for r := rune(0x06D6); r <= 0x06ED; r++ {
		if r != 0x06DD && r != 0x06DE && r != 0x06E5 && r != 0x06E6 { // keep the end-of-ayah sign, rub el hizb, small waw/yeh
			set(r, drop)
		}
	}
	set(Tatweel, drop)
	set(0x061C, drop) // Arabic letter mark (a bidi control)
	for _, r := range []rune{AlefMadda, AlefHamzaAbove, AlefHamzaBelow, AlefWasla, 0x0672, 0x0673, 0x0675} {
		set(r, Alef)
	}
	set(WawHamza, Waw)
	set(0x0676, Waw)
	set(0x0677, Waw)
	set(YehHamza, Yeh)
	set(AlefMaksura, Yeh)
	set(FarsiYeh, Yeh)
	set(0x06D0, Yeh)
	set(0x06D2, Yeh)
	set(0x06D3, Yeh) // yeh barree with hamza
	set(0x0678, Yeh)
	set(TehMarbuta, Heh)
	set(HehGoal, Heh)
	set(HehDoachashmee, Heh)
	set(0x06D5, Heh)
	set(0x06C0, Heh)
	set(0x06C2, Heh) // heh goal with hamza
	set(0x06C3, Heh)
	set(Keheh, Kaf)
	set(Gaf, Kaf)
	set(Ng, Kaf)
	set(Veh, Feh)
	set(QafThreeDots, Qaf)
	set(0x06A5, Feh)
	for r := rune(0x0660); r <= 0x0669; r++ { // Arabic-Indic digits
		set(r, '0'+r-0x0660)
	}
	for r := rune(0x06F0); r <= 0x06F9; r++ { // Extended (Persian/Urdu) digits
		set(r, '0'+r-0x06F0)
	}
	set(ArabicComma, ',')
	set(ArabicSemi, ';')
	set(ArabicQuestion, '?')
	set(ArabicPercent, '%')
	set(ArabicDecimal, '.')
	set(ArabicThousand, ',')
	set(ArabicFullStop, '.')
	set(0x066D, '*') // Arabic five-pointed star
	return t
}()

// blockOut is the UTF-8 matching form of one rune of U+0600..U+06FF: n
// bytes of b (0: the rune is dropped). It is arabicBlock pre-encoded for the
// normalizer's two-byte fast path.
type blockOut struct {
	n uint8
	b [2]byte
}

var arabicOut = func() (t [0x100]blockOut) {
	for i, to := range arabicBlock {
		switch {
		case to == drop:
		case to == 0:
			to = rune(0x600 + i)
			fallthrough
		default:
			t[i].n = uint8(utf8.EncodeRune(t[i].b[:], to))
		}
	}
	return t
}()

// asciiOut maps an ASCII byte to its matching form: letters lower-cased,
// tab, vertical tab and form feed to a space, NUL to 0 (dropped). '\r' is
// handled by the caller.
var asciiOut = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	t['\t'], t['\v'], t['\f'] = ' ', ' ', ' '
	return t
}()

// mapRune returns the matching form of a non-ASCII rune outside
// U+0600..U+06FF: drop, a single replacement rune (the rune itself when it
// is kept), or slow=true when it has a compatibility decomposition to
// expand (presentation forms, fullwidth and mathematical letters, the
// ellipsis).
func mapRune(r rune) (to rune, slow bool) {
	switch {
	case 0x0600 <= r && r <= 0x06FF:
		if m := arabicBlock[r-0x600]; m != 0 {
			return m, false
		}
		return r, false
	case r == 0x00A0 || r == 0x1680 || (0x2000 <= r && r <= 0x200A) || r == 0x202F || r == 0x205F || r == 0x3000:
		return ' ', false
	case r == 0x2028 || r == 0x2029 || r == 0x0085:
		return '\n', false
	case r == 0x00AD || r == 0x180E || r == 0xFEFF || (0x200B <= r && r <= 0x200F) ||
		(0x202A <= r && r <= 0x202E) || (0x2060 <= r && r <= 0x2069):
		return drop, false
	case r == 0x00AB || r == 0x00BB || (0x201C <= r && r <= 0x201F) || r == 0x2033 || r == 0x2039 || r == 0x203A ||
		r == 0x275D || r == 0x275E || r == 0x301D || r == 0x301E:
		return '"', false
	case (0x2018 <= r && r <= 0x201B) || r == 0x2032 || r == 0x02BC || r == 0x02BB:
		return '\'', false
	case (0x2010 <= r && r <= 0x2015) || r == 0x2212 || r == 0xFE58 || r == 0xFE63:
		return '-', false
	case r == 0x2026:
		return 0, true // ellipsis → "..."
	case 0x0750 <= r && r <= 0x077F, 0x08A0 <= r && r <= 0x08FF:
		if 0x08D3 <= r && r <= 0x08FF { // extended Arabic marks
			return drop, false
		}
		return r, false
	case 0xFB00 <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFE, 0xFF00 <= r && r <= 0xFFEF:
		return 0, true // Latin, Hebrew and Arabic presentation forms, fullwidth forms
	case 0x1D400 <= r && r <= 0x1D7FF:
		return 0, true // mathematical alphanumerics
	case r < 0x250 || (0x0370 <= r && r <= 0x052F):
		return unicode.ToLower(r), false
	}
	return r, false
}

// Normalize returns the matching form of s:
//
//   - diacritics (harakat, shadda, sukun, Quranic marks, superscript alef),
//     tatweel, zero-width and bidi controls, soft hyphens and BOMs removed;
//   - أ إ آ ٱ → ا; ى ی → ي; ة → ه; ؤ → و; ئ → ي; a standalone ء is kept
//     (it is a letter of its own: جزء، ماء); a hamza or madda written as a
//     combining mark (ا + U+0654) is removed like the precomposed letter's;
//   - Persian and Urdu letters folded to Arabic (ک گ → ك, ڤ → ف, ہ ۀ → ه);
//   - Arabic-Indic and Persian digits → ASCII, ٫ → '.', ٬ → ',';
//   - Arabic punctuation ، ؛ ؟ ٪ ۔ → , ; ? % .; typographic quotes
//     (« » “ ” „ ‹ ›) → '"', single quotes (‘ ’) → an apostrophe, dashes → '-',
//     the ellipsis → "...";
//   - presentation forms (ﻻ ﺍﻟﺠﻴﺶ), fullwidth and mathematical letters
//     replaced by their compatibility decomposition (ﻻ → لا), with any
//     spaces in it removed (ﷺ is one word);
//   - Latin, Greek and Cyrillic lower-cased;
//   - Unicode spaces and tabs → ' ', line and paragraph separators → '\n',
//     "\r\n" → "\n", a lone '\r' → '\n', NUL removed.
//
// Other characters are kept. Normalize is idempotent and its result is
// valid UTF-8 (invalid bytes become U+FFFD).
//
// Normalize is for matching only: rasd never shows or stores its result.
func Normalize(s string) string {
	out, _ := appendNormal(make([]byte, 0, len(s)), nil, s, false)
	return string(out)
}

// NormalizeMap returns Normalize(s) and its offset map: m[i] is the byte
// offset in s of the character that produced output byte i, and
// m[len(norm)] == len(s). The map is monotone and every entry is a
// character boundary of s. Removed characters belong to the character
// before them, so m[j] for the end j of a normalized range is the end of
// the original range including its trailing marks. A character that
// expands to several (ﻻ → لا) maps all of them to its own start.
func NormalizeMap(s string) (string, []int32) {
	out, m := appendNormal(make([]byte, 0, len(s)), make([]int32, 0, len(s)+1), s, true)
	m = append(m, int32(len(s)))
	return string(out), m
}

// AppendNormal appends the matching form of s to dst (see Normalize).
func AppendNormal(dst []byte, s string) []byte {
	out, _ := appendNormal(dst, nil, s, false)
	return out
}

// appendNormal is the normalizer. With withMap it appends to m the source
// offset of every output byte.
func appendNormal(dst []byte, m []int32, s string, withMap bool) ([]byte, []int32) {
	for i := 0; i < len(s); {
		c := s[i]
		// ASCII fast path.
		if c < utf8.RuneSelf {
			o := asciiOut[c]
			if c == '\r' {
				if i+1 < len(s) && s[i+1] == '\n' {
					i++ // "\r\n": the '\r' is removed
					continue
				}
				o = '\n'
			}
			if o != 0 {
				dst = append(dst, o)
				if withMap {
					m = append(m, int32(i))
				}
			}
			i++
			continue
		}
		// Two-byte fast path for the Arabic block U+0600..U+06FF (lead
		// bytes 0xD8..0xDB): one table lookup, no decoding.
		if c&0xFC == 0xD8 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			e := &arabicOut[int(c&3)<<6|int(s[i+1]&0x3F)]
			switch e.n {
			case 2:
				dst = append(dst, e.b[0], e.b[1])
				if withMap {
					m = append(m, int32(i), int32(i))
				}
			case 1:
				dst = append(dst, e.b[0])
				if withMap {
					m = append(m, int32(i))
				}
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		to, slow := mapRune(r)
		switch {
		case slow:
			dst, m = appendExpansion(dst, m, s[i:i+n], int32(i), withMap)
		case to == drop:
			// removed: belongs to the previous character
		default:
			k := len(dst)
			dst = utf8.AppendRune(dst, to)
			if withMap {
				for ; k < len(dst); k++ {
					m = append(m, int32(i))
				}
			}
		}
		i += n
	}
	return dst, m
}

// appendExpansion appends the matching form of the compatibility
// decomposition of the one character ch (at offset at of the source):
// each rune of it mapped as by Normalize, spaces removed. A character
// without a decomposition is kept.
func appendExpansion(dst []byte, m []int32, ch string, at int32, withMap bool) ([]byte, []int32) {
	k := len(dst)
	switch exp := norm.NFKC.PropertiesString(ch).Decomposition(); {
	case ch == "\u2026":
		dst = append(dst, "..."...)
	case exp == nil:
		dst = append(dst, ch...)
	default:
		for j := 0; j < len(exp); {
			r, n := utf8.DecodeRune(exp[j:])
			j += n
			switch {
			case r == ' ':
			case r < utf8.RuneSelf:
				if o := asciiOut[r]; o != 0 {
					dst = append(dst, o)
				}
			default:
				if to, slow := mapRune(r); !slow {
					r = to
				}
				if r != drop {
					dst = utf8.AppendRune(dst, r)
				}
			}
		}
	}
	if withMap {
		for ; k < len(dst); k++ {
			m = append(m, at)
		}
	}
	return dst, m
}

// IsArabicLetter reports whether r is a letter of the Arabic script (after
// normalization; marks are not letters).
func IsArabicLetter(r rune) bool {
	switch {
	case 0x0621 <= r && r <= 0x063A, 0x0641 <= r && r <= 0x064A:
		return true
	case 0x066E <= r && r <= 0x066F, 0x0671 <= r && r <= 0x06D3, r == 0x06D5:
		return true
	case 0x06EE <= r && r <= 0x06EF, 0x06FA <= r && r <= 0x06FC, r == 0x06FF:
		return true
	case 0x0750 <= r && r <= 0x077F, 0x08A0 <= r && r <= 0x08C9:
		return true
	}
	return false
}

// IsDiacritic reports whether r is an Arabic mark that normalization drops
// (harakat, shadda, sukun, Quranic marks, superscript alef) or tatweel.
func IsDiacritic(r rune) bool {
	if 0x0600 <= r && r <= 0x06FF {
		return arabicBlock[r-0x600] == drop && r != 0x061C
	}
	return 0x08D3 <= r && r <= 0x08FF
}
