package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/doc"
)

// Analyze fills d.Norm, d.NormMap, d.Tokens and d.Sents from d.Text. It is
// the one place rasd tokenizes a document; later stages read the result.
// The slices of d are reused when they have room.
func Analyze(d *doc.Doc) {
	d.Norm, d.NormMap = NormalizeMap(d.Text)
	d.Tokens = Tokenize(d.Text, d.Norm, d.NormMap, d.Tokens[:0])
	d.Sents = Sentences(d, d.Sents[:0])
}

// Tokenize appends the tokens of text to dst. norm and nmap must be
// NormalizeMap(text). Tokens are found on the normalized form (so
// diacritics, tatweel and invisible controls never split a word) and carry
// offsets into both forms. A token's text never starts or ends with an
// invisible control or a carriage return; Arabic marks and tatweel stay
// with their letter. The tokens and the gaps between them (whitespace and
// invisible characters) rebuild text exactly.
//
// Token kinds:
//   - doc.Word: a run of Arabic letters;
//   - doc.Latin: a run of other letters and digits, with single inner '.',
//     '-', '_' or apostrophe between them (u.s, al-qaeda, o'clock);
//   - doc.Number: digits with inner ',' or '.' separators (71,360, 3.5,
//     2018.06.17; Arabic-Indic and Persian digits and ٫ ٬ ، as well). A
//     percent sign (% or ٪) is a separate doc.Symbol;
//   - doc.URL: http://, https:// or www. up to a space or a quote, less
//     trailing punctuation and an unbalanced ')'; also e-mail addresses;
//   - doc.Hashtag (#word, Arabic or Latin, with '_') and doc.Handle (@name);
//   - doc.Punct: one mark, or a run of dots ("...", "…"), dashes, or
//     '?' and '!' ("?!", "؟!");
//   - doc.Symbol: other symbols ($ % + = ° ©);
//   - doc.Other: emoji (a run of them is one token) and anything else.
//
// Flags: SpaceAfter, LineStart (the first token of a line) and ParaStart
// (the first token of the text or after a blank line); ParenOpen and
// ParenClose on brackets; QuoteOpen or QuoteClose on every quote mark (see
// markQuotes) and Quoted on the tokens between a pair of them on one line;
// AttachNext on a proclitic written apart with tatweel (لـ، بـ، والـ), which
// belongs to the next token. SentStart is left to Sentences.
func Tokenize(text, norm string, nmap []int32, dst []doc.Token) []doc.Token {
	// About one token per 7 normalized bytes in Arabic news; allocate once.
	if want := len(dst) + len(norm)/7 + 16; cap(dst) < want {
		dst = append(make([]doc.Token, 0, want), dst...)
	}
	tz := tokenizer{text: text, norm: norm, nmap: nmap, toks: dst, first: len(dst)}
	tz.run()
	tz.markQuotes()
	return tz.toks
}

type tokenizer struct {
	text, norm string
	nmap       []int32
	toks       []doc.Token
	first      int // index of the first token this run appended

	newlines int // newlines seen since the last token
}

// ASCII byte classes of the normalized text.
const (
	cOther  uint8 = iota // punctuation and symbols
	cSpace               // ' '
	cLine                // '\n'
	cCtrl                // other control characters: skipped
	cLetter              // a-z, A-Z
	cDigit               // 0-9
	cTag                 // '#' and '@'
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ':
			t[c] = cSpace
		case c == '\n':
			t[c] = cLine
		case c < ' ' || c == 0x7f:
			t[c] = cCtrl
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case c == '#' || c == '@':
			t[c] = cTag
		}
	}
	return t
}()

// arabicLetters marks the letters of U+0600..U+06FF (see IsArabicLetter).
var arabicLetters = func() (t [0x100]bool) {
	for i := range t {
		t[i] = IsArabicLetter(rune(0x600 + i))
	}
	return t
}()

// arabicLetterLen returns the byte length of the Arabic letter starting at
// s[i], or 0 when there is none. Letters of U+0600..U+06FF take a two-byte
// fast path.
func arabicLetterLen(s string, i int) int {
	c := s[i]
	if c&0xFC == 0xD8 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		if arabicLetters[int(c&3)<<6|int(s[i+1]&0x3F)] {
			return 2
		}
		return 0
	}
	if c < 0xDD { // ASCII, Latin, Greek, Cyrillic, ...: below U+0740
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if IsArabicLetter(r) {
		return n
	}
	return 0
}

// run scans the normalized text and appends its tokens.
func (tz *tokenizer) run() {
	s := tz.norm
	tz.newlines = 2 // the text start counts as a paragraph start
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			tz.space()
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i = tz.ascii(i, c)
			continue
		}
		if n := arabicLetterLen(s, i); n > 0 {
			j := i + n
			for j < len(s) {
				// inline fast path for U+0600..U+06FF, as arabicLetterLen
				if c := s[j]; c&0xFC == 0xD8 && j+1 < len(s) && s[j+1]&0xC0 == 0x80 {
					if !arabicLetters[int(c&3)<<6|int(s[j+1]&0x3F)] {
						break
					}
					j += 2
					continue
				}
				n := arabicLetterLen(s, j)
				if n == 0 {
					break
				}
				j += n
			}
			tz.emit(i, j, doc.Word, 0)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			j := latinEnd(s, i)
			tz.emit(i, j, doc.Latin, 0)
			i = j
		case isEmoji(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isEmoji(r2) {
					break
				}
				j += n2
			}
			tz.emit(i, j, doc.Other, 0)
			i = j
		case unicode.IsSpace(r):
			tz.space()
			if r == '\u0085' || r == '\u2028' || r == '\u2029' {
				tz.newlines++
			}
			i += n
		case unicode.IsMark(r) || unicode.Is(unicode.Cf, r):
			// a stray mark with no letter before it, or a format
			// character normalization keeps: not a token
			i += n
		case unicode.IsPunct(r):
			tz.emit(i, i+n, doc.Punct, bracketFlags(r))
			i += n
		case unicode.IsSymbol(r):
			tz.emit(i, i+n, doc.Symbol, 0)
			i += n
		default:
			tz.emit(i, i+n, doc.Other, 0)
			i += n
		}
	}
}

// ascii scans the token or space starting with the ASCII byte c at s[i]
// and returns where the next one starts.
func (tz *tokenizer) ascii(i int, c byte) int {
	s := tz.norm
	switch asciiClass[c] {
	case cSpace:
		tz.space()
		return i + 1
	case cLine:
		tz.space()
		tz.newlines++
		return i + 1
	case cCtrl:
		return i + 1
	case cLetter:
		if c == 'h' || c == 'w' || c == 'H' || c == 'W' {
			if j := urlEnd(s, i); j > i {
				tz.emit(i, j, doc.URL, 0)
				return j
			}
		}
		j := latinEnd(s, i)
		if j < len(s) && s[j] == '@' {
			if k := emailEnd(s, i); k > i {
				tz.emit(i, k, doc.URL, 0)
				return k
			}
		}
		tz.emit(i, j, doc.Latin, 0)
		return j
	case cDigit:
		j := numberEnd(s, i)
		tz.emit(i, j, doc.Number, 0)
		return j
	case cTag:
		if j := wordCharsEnd(s, i+1); j > i+1 {
			k := doc.Hashtag
			if c == '@' {
				k = doc.Handle
			}
			tz.emit(i, j, k, 0)
			return j
		}
		tz.emit(i, i+1, doc.Symbol, 0)
		return i + 1
	}
	j := i + 1
	switch c {
	case '.', '-':
		for j < len(s) && s[j] == c {
			j++
		}
	case '?', '!':
		for j < len(s) && (s[j] == '?' || s[j] == '!') {
			j++
		}
	}
	k, f := asciiPunct(c)
	tz.emit(i, j, k, f)
	return j
}

// space records whitespace after the last token.
func (tz *tokenizer) space() {
	if n := len(tz.toks); n > tz.first {
		tz.toks[n-1].Flags |= doc.SpaceAfter
	}
}

// emit appends the token norm[ns:ne].
func (tz *tokenizer) emit(ns, ne int, k doc.Kind, f doc.Flags) {
	start := tz.nmap[ns]
	end := tz.textEnd(ne)
	if n := len(tz.toks); n > tz.first && start < tz.toks[n-1].End {
		// The token begins inside the last character of the previous one
		// (a character whose decomposition yields several tokens' worth):
		// it is part of that token.
		p := &tz.toks[n-1]
		p.NormEnd = int32(ne)
		p.End = max(p.End, end)
		return
	}
	if tz.newlines > 0 {
		f |= doc.LineStart
		if tz.newlines > 1 {
			f |= doc.ParaStart
		}
		tz.newlines = 0
	}
	if k == doc.Word && ne-ns <= 8 && isDetachedProclitic(tz.norm[ns:ne]) && endsWithTatweel(tz.text[start:end]) {
		f |= doc.AttachNext
	}
	tz.toks = append(tz.toks, doc.Token{Start: start, End: end, NormStart: int32(ns), NormEnd: int32(ne), Kind: k, Flags: f})
}

// textEnd maps the end ne of a token in norm to the text. Removed marks
// and tatweel after the last letter stay in the token; removed invisible
// controls, carriage returns and NULs after it do not (as doc.TextRange).
func (tz *tokenizer) textEnd(ne int) int32 {
	last := tz.nmap[ne-1] // the text character that produced the last byte
	lastEnd := last + int32(runeLenAt(tz.text, int(last)))
	end := tz.nmap[ne]
	if end <= lastEnd {
		// Nothing removed after the last character, or ne splits a
		// character that expands to several: end after that character.
		return lastEnd
	}
	for end > lastEnd {
		c := tz.text[end-1]
		if c == '\r' || c == 0 {
			end--
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeLastRuneInString(tz.text[lastEnd:end])
		if !doc.IsFormatControl(r) {
			break
		}
		end -= int32(n)
	}
	return end
}

// runeLenAt returns the length of the character at s[i] as the normalizer
// decodes it (1 for an invalid byte).
func runeLenAt(s string, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return 1
	case c&0xE0 == 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && c >= 0xC2:
		return 2
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// isDetachedProclitic reports whether a normalized word is a proclitic (or
// chain of them) that can be written apart from its host with tatweel:
// لـ، بـ، وـ، فـ، كـ، الـ، للـ، والـ، بالـ، وبـ، ولـ ...
func isDetachedProclitic(w string) bool {
	switch w {
	case "ل", "ب", "و", "ف", "ك", "س",
		"وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس",
		"ال", "لل", "وال", "بال", "فال", "كال", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال":
		return true
	}
	return false
}

// endsWithTatweel reports whether the letters of w are followed by a
// tatweel, possibly among other marks and invisible controls (لـ، لِـ، لـِ).
func endsWithTatweel(w string) bool {
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		switch {
		case r == Tatweel:
			return true
		case IsDiacritic(r) || doc.IsFormatControl(r):
			w = w[:len(w)-n]
		default:
			return false
		}
	}
	return false
}

// maxQuoted is the most tokens a quotation may span: a pair further apart
// on one line is more likely two stray marks than one quotation, and
// flagging it Quoted would stop sentence splitting for the whole stretch.
const maxQuoted = 120

// markQuotes decides which quote marks open and which close, and flags the
// tokens between a pair on the same line as Quoted.
//
// A run of quote marks glued together is decided as one (»” closes two
// quotations). It opens when it has space (or an opening bracket, a ':', a
// detached proclitic, the line start) before it and none after, and closes
// in the mirror case: this reads ” “ used the wrong way round, as some
// right-to-left sites write them, as correctly as “ ”. When both sides
// look alike (بـ"قسد", spaces around), a mark closes the innermost open
// quotation of its kind (double or single) on the line, and opens one
// otherwise. Pairs never span lines.
func (tz *tokenizer) markQuotes() {
	toks := tz.toks[tz.first:]
	var open [8]int // indices of the open quotation marks, innermost last
	depth := 0
	for i := 0; i < len(toks); i++ {
		if toks[i].Has(doc.LineStart) {
			depth = 0
		}
		if !tz.isQuote(toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].Has(doc.SpaceAfter) && !toks[j].Has(doc.LineStart) && tz.isQuote(toks[j]) {
			j++
		}
		before, after := tz.spaceBefore(toks, i), tz.spaceAfter(toks, j-1)
		for q := i; q < j; q++ {
			kind := tz.norm[toks[q].NormStart]
			// the innermost open quotation of this kind
			m := depth - 1
			for m >= 0 && tz.norm[toks[open[m]].NormStart] != kind {
				m--
			}
			opens := before && !after || before == after && m < 0
			if opens {
				toks[q].Flags |= doc.QuoteOpen
				if depth < len(open) {
					open[depth] = q
					depth++
				}
				continue
			}
			toks[q].Flags |= doc.QuoteClose
			if m < 0 {
				continue // nothing to close
			}
			if o := open[m]; q-o-1 <= maxQuoted {
				for k := o + 1; k < q; k++ {
					toks[k].Flags |= doc.Quoted
				}
			}
			depth = m
		}
		i = j - 1
	}
}

// isQuote reports whether t is a quote mark (" or ' once normalized).
func (tz *tokenizer) isQuote(t doc.Token) bool {
	if t.Kind != doc.Punct || t.NormEnd-t.NormStart != 1 {
		return false
	}
	c := tz.norm[t.NormStart]
	return c == '"' || c == '\''
}

// spaceBefore reports whether the quote mark toks[i] has a word boundary
// that opens on its left: space, the line start, an opening bracket or
// quote, a detached proclitic (لـ"...") or one of : , ; -.
func (tz *tokenizer) spaceBefore(toks []doc.Token, i int) bool {
	if i == 0 || toks[i].Has(doc.LineStart) {
		return true
	}
	p := toks[i-1]
	if p.Flags&(doc.SpaceAfter|doc.ParenOpen|doc.QuoteOpen|doc.AttachNext) != 0 {
		return true
	}
	if p.Kind == doc.Punct && p.NormEnd-p.NormStart == 1 {
		switch tz.norm[p.NormStart] {
		case ':', ',', ';', '-':
			return true
		}
	}
	return false
}

// spaceAfter reports whether the quote mark toks[i] has a word boundary on
// its right: space, the line end, or punctuation other than an opening
// bracket.
func (tz *tokenizer) spaceAfter(toks []doc.Token, i int) bool {
	if toks[i].Has(doc.SpaceAfter) || i+1 == len(toks) {
		return true
	}
	n := toks[i+1]
	return n.Has(doc.LineStart) || n.Kind == doc.Punct && !n.Has(doc.ParenOpen)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool       { return isASCIILetter(c) || isDigit(c) }

// latinEnd scans a Latin word from s[i]: letters (other than Arabic),
// combining marks and digits, with single inner '.', '-', '_' or
// apostrophe between alphanumerics (u.s, al-qaeda, o'clock).
func latinEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isAlnum(c):
			j++
		case c == '.' || c == '-' || c == '_' || c == '\'':
			if j == i || j+1 >= len(s) || !isAlnum(s[j+1]) {
				return j
			}
			j += 2
		case c >= utf8.RuneSelf:
			if arabicLetterLen(s, j) > 0 {
				return j
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsMark(r) || isEmoji(r) {
				return j
			}
			j += n
		default:
			return j
		}
	}
	return j
}

// numberEnd scans digits with inner ',' or '.' separators followed by a digit.
func numberEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			j++
		case (c == ',' || c == '.') && j+1 < len(s) && isDigit(s[j+1]):
			j += 2
		default:
			return j
		}
	}
	return j
}

// wordCharsEnd scans letters (Arabic or other), digits and '_'.
func wordCharsEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isAlnum(c) || c == '_' {
				j++
				continue
			}
			return j
		}
		if n := arabicLetterLen(s, j); n > 0 {
			j += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !(j > i && unicode.IsMark(r)) {
			return j
		}
		j += n
	}
	return j
}

// urlEnd returns the end of a URL starting at i (http://, https://, www.),
// or i when there is none. The URL runs to a space, a line end, a quote
// mark or an angle bracket; trailing punctuation is not part of it, nor is
// a trailing ')' without a '(' in the URL.
func urlEnd(s string, i int) int {
	rest := s[i:]
	var scheme int
	switch {
	case strings.HasPrefix(rest, "http://"):
		scheme = len("http://")
	case strings.HasPrefix(rest, "https://"):
		scheme = len("https://")
	case strings.HasPrefix(rest, "www."):
		scheme = len("www.")
	default:
		return i
	}
	j := i + scheme
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\n' || c == '"' || c == '<' || c == '>' || c < ' ' {
			break
		}
		j++
	}
	for j > i+scheme {
		c := s[j-1]
		if strings.IndexByte(".,;:!?]'*", c) >= 0 || c == ')' && strings.Count(s[i:j], "(") < strings.Count(s[i:j], ")") {
			j--
			continue
		}
		break
	}
	if j == i+scheme || !isAlnum(s[i+scheme]) && s[i+scheme] < utf8.RuneSelf {
		return i
	}
	return j
}

// emailEnd returns the end of an e-mail address starting at i
// (name.surname@example.org), or i when there is none.
func emailEnd(s string, i int) int {
	j := i
	for j < len(s) && (isAlnum(s[j]) || strings.IndexByte("._%+-", s[j]) >= 0) {
		j++
	}
	if j == i || j >= len(s) || s[j] != '@' {
		return i
	}
	j++
	dots, label := 0, 0 // dots in the domain, length of its last label
domain:
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case isAlnum(c) || c == '-':
			label++
		case c == '.' && label > 0 && j+1 < len(s) && isAlnum(s[j+1]):
			dots++
			label = 0
		default:
			break domain
		}
	}
	if dots == 0 || label < 2 {
		return i
	}
	return j
}

// isEmoji reports whether r is an emoji or a part of an emoji sequence
// (skin-tone modifiers, variation selector 16, keycap, tags, regional
// indicators).
func isEmoji(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF, 0x2600 <= r && r <= 0x27BF, 0x2B00 <= r && r <= 0x2BFF:
		return true
	case r == 0xFE0F || r == 0x20E3 || 0xE0020 <= r && r <= 0xE007F:
		return true
	}
	return false
}

func asciiPunct(c byte) (doc.Kind, doc.Flags) {
	switch c {
	case '(', '[', '{':
		return doc.Punct, doc.ParenOpen
	case ')', ']', '}':
		return doc.Punct, doc.ParenClose
	case '%', '$', '+', '=', '<', '>', '*', '&', '^', '~', '|', '`':
		return doc.Symbol, 0
	}
	return doc.Punct, 0
}

func bracketFlags(r rune) doc.Flags {
	switch {
	case unicode.Is(unicode.Ps, r):
		return doc.ParenOpen
	case unicode.Is(unicode.Pe, r):
		return doc.ParenClose
	}
	return 0
}
