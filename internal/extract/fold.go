package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters folded for rule matching. internal/arabic has the full
// normalizer; this package keeps its own small one so that it depends on
// nothing of ours.
const (
	alefMadda      = '\u0622' // آ
	alefHamzaAbove = '\u0623' // أ
	alefHamzaBelow = '\u0625' // إ
	alef           = '\u0627' // ا
	tehMarbuta     = '\u0629' // ة
	tatweel        = '\u0640' // ـ
	heh            = '\u0647' // ه
	alefMaksura    = '\u0649' // ى
	yeh            = '\u064A' // ي
	alefWasla      = '\u0671' // ٱ
	keheh          = '\u06A9' // ک
	kaf            = '\u0643' // ك
	farsiYeh       = '\u06CC' // ی
)

// foldRune maps one rune to its matching form; ok is false for runes the
// fold drops (diacritics, tatweel, invisible format characters).
func foldRune(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	case r == alefHamzaAbove || r == alefHamzaBelow || r == alefMadda || r == alefWasla:
		return alef, true
	case r == alefMaksura || r == farsiYeh:
		return yeh, true
	case r == tehMarbuta:
		return heh, true
	case r == keheh:
		return kaf, true
	case r == tatweel:
		return 0, false
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return 0, false // harakat, tanwin, shadda, sukun, Quranic marks
	case r >= 0x200B && r <= 0x200F, r == 0x061C, r == 0xFEFF, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return 0, false // zero-width and bidirectional controls
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true // Arabic-Indic digits
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true // Extended Arabic-Indic digits
	case r >= 0x0600 && r <= 0x06FF:
		return r, true // no case
	}
	return unicode.ToLower(r), true
}

// hasPresentationForms reports Arabic presentation forms, which NFKC
// turns back into ordinary letters.
func hasPresentationForms(s string) bool {
	for _, r := range s {
		if (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC) {
			return true
		}
	}
	return false
}

// fold returns the form of s that rules are matched against: Arabic
// letter variants folded (أ إ آ ٱ → ا, ى ی → ي, ة → ه, ک → ك),
// diacritics, tatweel and invisible format characters removed,
// presentation forms decomposed, Eastern digits made ASCII, letters
// lower-cased and runs of white space reduced to one space, trimmed.
// fold is only for matching: the text returned to callers is never folded.
func fold(s string) string {
	if hasPresentationForms(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		f, ok := foldRune(r)
		if !ok {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(f)
	}
	return b.String()
}

// foldRegexp folds the letters of a regular expression's source the way
// fold folds text, leaving its syntax alone (escapes such as \S, \D or
// \p{Lu} keep their case), so that rule authors can write أ or ا, ة or
// ه, Facebook or facebook alike.
func foldRegexp(src string) string {
	const (
		normal  = iota
		escaped // after a backslash
		afterP  // after \p or \P
		braces  // inside \p{...}
	)
	var b strings.Builder
	state := normal
	for _, r := range src {
		switch state {
		case escaped:
			b.WriteRune(r)
			state = normal
			if r == 'p' || r == 'P' {
				state = afterP
			}
			continue
		case afterP:
			b.WriteRune(r)
			state = normal
			if r == '{' {
				state = braces
			}
			continue
		case braces:
			b.WriteRune(r)
			if r == '}' {
				state = normal
			}
			continue
		}
		if r == '\\' {
			state = escaped
			b.WriteRune(r)
			continue
		}
		if f, ok := foldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// keyOf trims a folded line of the punctuation, symbols and spaces at its
// ends: "• اقرأ أيضاً:" and "اقرأ ايضا" have the same key.
func keyOf(folded string) string {
	return strings.TrimFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// wordCount counts the white-space separated fields of s that contain a
// letter or a digit.
func wordCount(s string) int {
	n := 0
	counted := false
	for _, r := range s {
		if isSpace(r) {
			counted = false
			continue
		}
		if !counted && isAlnum(r) {
			n++
			counted = true
		}
	}
	return n
}

// isSpace is unicode.IsSpace with a fast path for ASCII and Arabic.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	if r >= 0x0600 && r <= 0x06FF {
		return false
	}
	return unicode.IsSpace(r)
}

// isAlnum reports letters and digits, with fast paths for ASCII and the
// Arabic block.
func isAlnum(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	case r >= 0x0621 && r <= 0x064A, r >= 0x0660 && r <= 0x0669, r >= 0x066E && r <= 0x06D3, r >= 0x06F0 && r <= 0x06FF:
		return true
	case r >= 0x0600 && r <= 0x06FF:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// endsSentence reports whether s ends, before any closing quotes or
// brackets, with punctuation that closes or continues a sentence
// (. : ; , and their Arabic forms). Question and exclamation marks and
// ellipses do not count: headlines end with them.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', ')', ']', '}', '»', '”', '’', '›', ' ', '\t', 0x200F, 0x200E:
			s = s[:len(s)-size]
			continue
		case '.', ':', ';', ',', '،', '؛', '۔', '。':
			// "..." is an ellipsis, not a full stop.
			return r != '.' || !strings.HasSuffix(s, "..")
		}
		return false
	}
	return false
}

// isJunk reports a line of stray symbols: no letters or digits, or a
// word or two drowned in symbols ("[[{“value”:”", "|||").
func isJunk(s string, words int) bool {
	var alnum, other int
	for _, r := range s {
		switch {
		case isAlnum(r) || (r >= 0x064B && r <= 0x065F) || (r > 0x06FF && unicode.Is(unicode.Mn, r)):
			alnum++
		case !isSpace(r):
			other++
		}
	}
	return alnum == 0 || (words <= 2 && alnum < other)
}

// hasArabic reports whether s has an Arabic letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
