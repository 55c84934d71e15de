package arabic

import "strings"

// Split is one reading of a normalized Arabic word w as proclitics, a form
// (the word as a lexicon lists it, with its article), and an enclitic
// pronoun. All lengths are bytes of w: the proclitics are w[:Pre], the form
// w[Pre:len(w)-Suf], the pronoun w[len(w)-Suf:].
//
//	وبالدشيشه  → Pre 4 (وب), form الدشيشه (Art 4), Suf 0
//	للجيش      → Pre 2 (ل), form لجيش with the article's alef elided (Art 2, Elided): key الجيش
//	للواء      → Pre 2 (ل), form لواء with the whole article elided (Art 0, Elided): key اللواء
//	للبنان     → Pre 2 (ل), form لبنان (Art 0)        — all readings are returned
//	سيطرتها    → Suf 4 (ها), form سيطرت, TaMarbuta: the lexicon form is سيطره
type Split struct {
	Pre uint8 // proclitics before the form: و ف ب ك ل س and their combinations
	Art uint8 // the definite article at the start of the form: 4 for ال, 2 for the ل of لل, 0 none
	Suf uint8 // enclitic pronoun after the form
	// Elided is set when ل + the article is written with the article's
	// alef dropped. With Art 2 (للجيش = ل + الجيش) the lexicon form is "ا"
	// + Form; with Art 0 the article's lam merged with a stem that starts
	// with ل as well (للواء = ل + اللواء) and the lexicon form is "ال" +
	// Form.
	Elided bool
	// TaMarbuta is set when the form's final ت stands for ة (ه once
	// normalized) before a pronoun.
	TaMarbuta bool
}

// Form returns the normalized form of w under s, as it appears in w.
func (s Split) Form(w string) string { return w[s.Pre : len(w)-int(s.Suf)] }

// Bare returns the form without its article.
func (s Split) Bare(w string) string { return w[int(s.Pre)+int(s.Art) : len(w)-int(s.Suf)] }

// AppendKey appends the lexicon key of w under s to dst: the form with an
// elided article restored (لجيش → الجيش, لواء → اللواء) and a ta marbuta
// restored before a pronoun (سيطرت → سيطره).
func (s Split) AppendKey(dst []byte, w string) []byte {
	f := s.Form(w)
	if s.Elided {
		if s.Art == 0 {
			dst = append(dst, "ال"...)
		} else {
			dst = append(dst, "ا"...)
		}
	}
	if s.TaMarbuta {
		dst = append(dst, f[:len(f)-len("ت")]...)
		return append(dst, "ه"...)
	}
	return append(dst, f...)
}

// Key returns the lexicon key of w under s (see AppendKey).
func (s Split) Key(w string) string {
	if !s.Elided && !s.TaMarbuta {
		return s.Form(w)
	}
	return string(s.AppendKey(make([]byte, 0, len(w)+4), w))
}

// Plain reports whether s removes nothing from w.
func (s Split) Plain() bool { return s.Pre == 0 && s.Suf == 0 && !s.Elided && !s.TaMarbuta }

// Arabic letters are two bytes in UTF-8; lengths below are in bytes.
const (
	letter  = 2
	minStem = 2 * letter // a split leaves a bare form of at least two letters
)

// enclitics are the pronoun suffixes, longest first (isPronoun lists them
// too).
var enclitics = [...]string{"هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"}

// isPronoun reports whether w is one of the enclitic pronouns: what is left
// after a proclitic in بها، لهم، بنا is not a stem.
func isPronoun(w string) bool {
	switch w {
	case "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي":
		return true
	}
	return false
}

// Clitics appends to dst every plausible split of the normalized word w:
// the unsplit reading first (for any non-empty w, however short), then the
// others by increasing number of bytes removed, fewer proclitics first on
// ties. Readings are candidates: callers keep those whose key a lexicon
// knows. No two readings are equal.
//
// Proclitics are an optional conjunction (و، ف), then an optional
// preposition (ب، ك، ل) or the future particle س (only before an
// imperfect prefix ي ت ن ا and at least two more letters), then the
// article ال. After ل the article is written ل (لل): both the elided
// readings (الجيش، اللواء) and the plain ل + word reading (لبنان) are
// returned. No article follows س.
//
// Enclitics (ه ها هم هما هن ك كم كما كن نا ني ي) are split from forms read
// without an article, including forms that merely start with ال
// (التزامه); a form ending in ت before a pronoun gets a second reading with
// ة, except after س (a verb). Since ة is normalized to ه, a word ending in
// ة also gets a ه pronoun reading (الدشيشه → الدشيش + ه).
//
// Every split leaves a bare form of at least two letters that is neither
// the article alone, nor a bare pronoun (بها has no reading ب + ها), nor a
// conjunction and a preposition (وله has no reading ول + ه), so words of
// two letters are never split.
func Clitics(w string, dst []Split) []Split {
	if w == "" {
		return dst
	}
	first := len(dst)

	// proclitic chains: "", conj, prep, conj+prep
	type chain struct {
		n        int
		lam, sin bool // the last proclitic is the preposition ل / the particle س
	}
	var chains [3]chain
	nc := 1
	p := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		chains[nc] = chain{n: letter}
		nc++
		p = letter
	}
	if rest := w[p:]; len(rest) > letter {
		switch {
		case strings.HasPrefix(rest, "ب"), strings.HasPrefix(rest, "ك"):
			chains[nc] = chain{n: p + letter}
			nc++
		case strings.HasPrefix(rest, "ل"):
			chains[nc] = chain{n: p + letter, lam: true}
			nc++
		case strings.HasPrefix(rest, "س") && len(rest) >= 4*letter && isImperfectPrefix(rest[letter:2*letter]):
			chains[nc] = chain{n: p + letter, sin: true}
			nc++
		}
	}

	for _, c := range chains[:nc] {
		form := w[c.n:]
		if c.n > 0 && !isStem(form) {
			continue
		}
		switch {
		case c.lam && strings.HasPrefix(form, "ل"):
			// لل: ل + ال + form (alef elided), ل + ال + لform (article
			// merged), or ل + a word starting with ل
			if isStem(form[letter:]) {
				dst = append(dst, Split{Pre: uint8(c.n), Art: letter, Elided: true})
			}
			dst = append(dst, Split{Pre: uint8(c.n), Elided: true}, Split{Pre: uint8(c.n)})
		case !c.lam && !c.sin && strings.HasPrefix(form, "ال") && isStem(form[2*letter:]):
			dst = append(dst, Split{Pre: uint8(c.n), Art: 2 * letter})
		default:
			dst = append(dst, Split{Pre: uint8(c.n)})
		}
		// enclitics, on the form read without an article
		for _, e := range enclitics {
			if len(form)-len(e) < minStem || !strings.HasSuffix(form, e) {
				continue
			}
			stem := form[:len(form)-len(e)]
			if !isStem(stem) {
				continue
			}
			dst = append(dst, Split{Pre: uint8(c.n), Suf: uint8(len(e))})
			if !c.sin && len(stem) > minStem && strings.HasSuffix(stem, "ت") {
				dst = append(dst, Split{Pre: uint8(c.n), Suf: uint8(len(e)), TaMarbuta: true})
			}
		}
	}
	sortSplits(dst[first:])
	return dst
}

// isStem reports whether f can be the bare form left by a split: at least
// two letters, and not the article, a pronoun, or a conjunction and a
// preposition (وله is not ول + ه) on their own.
func isStem(f string) bool {
	if len(f) < minStem || isPronoun(f) {
		return false
	}
	switch f {
	case "ال", "وب", "ول", "وك", "وس", "فب", "فل", "فس":
		return false
	}
	return true
}

// isImperfectPrefix reports whether l (one letter) is a prefix of the
// imperfect verb: ي ت ن ا (أ once normalized).
func isImperfectPrefix(l string) bool {
	return l == "ي" || l == "ت" || l == "ن" || l == "ا"
}

// sortSplits orders splits by bytes removed (stable insertion sort: the
// lists are short).
func sortSplits(s []Split) {
	cost := func(x Split) int { return int(x.Pre) + int(x.Suf) }
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && cost(s[j]) < cost(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
