package decode

import (
	"bytes"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
)

// signature is a binary file format's magic number.
type signature struct {
	name   string
	offset int
	prefix string
}

// signatures lists well-known binary formats that news fetchers meet.
// Prefixes that could begin ordinary text are not listed; NUL bytes and
// control characters catch the rest.
var signatures = [...]signature{
	{"PDF", 0, "%PDF-"},
	{"ZIP", 0, "PK\x03\x04"},
	{"ZIP", 0, "PK\x05\x06"},
	{"ZIP", 0, "PK\x07\x08"},
	{"PNG", 0, "\x89PNG\r\n\x1a\n"},
	{"JPEG", 0, "\xFF\xD8\xFF"},
	{"GIF", 0, "GIF87a"},
	{"GIF", 0, "GIF89a"},
	{"GZIP", 0, "\x1F\x8B"},
	{"BZIP2", 0, "BZh"},
	{"XZ", 0, "\xFD7zXZ\x00"},
	{"ZSTD", 0, "\x28\xB5\x2F\xFD"},
	{"7Z", 0, "7z\xBC\xAF\x27\x1C"},
	{"RAR", 0, "Rar!\x1A\x07"},
	{"ELF", 0, "\x7FELF"},
	{"OLE2 (MS Office)", 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"},
	{"SQLite", 0, "SQLite format 3\x00"},
	{"WebAssembly", 0, "\x00asm"},
	{"TIFF", 0, "II*\x00"},
	{"TIFF", 0, "MM\x00*"},
	{"Ogg", 0, "OggS\x00"},
	{"FLAC", 0, "fLaC"},
	{"MP3", 0, "ID3"},
	{"RIFF (WebP/WAV/AVI)", 0, "RIFF"},
	{"MP4/QuickTime", 4, "ftyp"},
	{"WOFF font", 0, "wOFF"},
	{"WOFF2 font", 0, "wOF2"},
}

// magic reports the binary format b starts with, if any. The text-like
// prefixes ("BZh", "ID3", "RIFF") are checked with their next bytes.
func magic(b []byte) (string, bool) {
	for _, s := range signatures {
		if len(b) < s.offset+len(s.prefix) || string(b[s.offset:s.offset+len(s.prefix)]) != s.prefix {
			continue
		}
		switch s.prefix {
		case "BZh": // "BZh1" .. "BZh9" then the block magic
			if len(b) < 10 || b[3] < '1' || b[3] > '9' || string(b[4:10]) != "1AY&SY" {
				continue
			}
		case "ID3": // version byte 2..4
			if len(b) < 4 || b[3] < 2 || b[3] > 4 {
				continue
			}
		case "RIFF": // RIFF size then a four-letter form type
			if len(b) < 12 {
				continue
			}
			switch string(b[8:12]) {
			case "WEBP", "WAVE", "AVI ":
			default:
				continue
			}
		}
		return s.name, true
	}
	return "", false
}

// contentTypeCharset returns the charset parameter of a Content-Type
// value, or "".
func contentTypeCharset(ct string) string {
	if ct == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return strings.TrimSpace(params["charset"])
	}
	// Malformed header: look for charset= by hand, as browsers do. The
	// lower-casing is ASCII-only so that offsets stay those of ct.
	lower := []byte(ct)
	for j, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[j] = c + 'a' - 'A'
		}
	}
	i := bytes.Index(lower, []byte("charset"))
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(ct[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			return strings.TrimSpace(rest[:j])
		}
	}
	if j := strings.IndexAny(rest, "; \t\"'"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// metaCharset finds the charset declared by the first <meta charset> or
// <meta http-equiv="Content-Type" content="...charset=..."> in head.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, equiv, content string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if c := strings.TrimSpace(charset); c != "" {
				return c
			}
			if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
				if c := contentTypeCharset(content); c != "" {
					return c
				}
			}
		}
	}
}

// sniffUTF16 recognises BOM-less UTF-16 by its NUL bytes: ASCII characters
// (spaces, digits, punctuation, Latin letters) put a NUL in the high byte
// of their code unit, so NULs gather on one parity of the offsets.
func sniffUTF16(b []byte) (string, encoding.Encoding) {
	n := len(b)
	if n > sampleLen {
		n = sampleLen
	}
	n &^= 1
	if n < 4 {
		return "", nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*10 >= units && even*20 <= odd:
		return "utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= units && odd*20 <= even:
		return "utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return "", nil
}

// blankTags returns a copy of b with HTML tags and comments (anything
// from '<' to the next '>') replaced by spaces, so that markup does not
// count when judging the text between.
func blankTags(b []byte) []byte {
	out := make([]byte, len(b))
	in := false
	for i, c := range b {
		switch {
		case c == '<':
			in = true
			out[i] = ' '
		case c == '>' && in:
			in = false
			out[i] = ' '
		case in:
			out[i] = ' '
		default:
			out[i] = c
		}
	}
	return out
}

// textScore measures how much a decoded text looks like real writing.
// Words (runs between white space, punctuation trimmed at their ends) are
// judged as a whole: a word all in Arabic letters, or in ASCII letters
// with at most a few Latin accented letters, or in one other script, is
// good; a word mixing scripts, made only of accented Latin letters
// ("ÇáÚÑÇÞ", Arabic read as Latin-1) or with symbols between its letters
// ("ط§ظ„", UTF-8 read as Windows-1256) is bad. Words of ASCII only
// read the same in every candidate and are not counted. Replacement and
// control characters are bad wherever they are.
type textScore struct {
	good, bad int // runes in good and bad words
	arabic    int // Arabic letters
	article   int // words starting with the article ال (after a proclitic)
}

// plausibility is the share of good runes, 1 for text with no words.
func (t textScore) plausibility() float64 {
	if t.good+t.bad == 0 {
		return 1
	}
	return float64(t.good) / float64(t.good+t.bad)
}

// rank orders candidate decodings of the same bytes. The definite article
// separates Windows-1256 from ISO-8859-6, which agree on most letters.
func (t textScore) rank() float64 {
	return float64(t.good) - 2*float64(t.bad) + 3*float64(t.article)
}

// wordStats classifies the runes of one word.
type wordStats struct {
	arabic, ascii, latin, other int // letters by script
	marks                       int // combining marks after a letter
	junk                        int // symbols between letters, stray marks
	firstLetter, prevLetter     bool
	pendingJunk                 int
	nonASCII                    bool   // any rune beyond ASCII
	runes                       []rune // letters and marks, for the article test
}

// Rune classes for scoreText.
const (
	clsOther = iota // punctuation, digits, symbols
	clsSpace
	clsBad // U+FFFD, control characters
	clsASCII
	clsArabic
	clsTatweel
	clsLatin
	clsLetter // letters of other scripts
	clsMark   // combining marks
)

// classify sorts a rune for scoreText, with fast paths for ASCII, Arabic
// and Latin-1, which make up nearly all the text it reads.
func classify(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			return clsSpace
		case ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'):
			return clsASCII
		case isControl(r):
			return clsBad
		}
		return clsOther
	case r >= 0x0621 && r <= 0x064A && r != 0x0640, r >= 0x0671 && r <= 0x06D3:
		return clsArabic
	case r == 0x0640:
		return clsTatweel
	case r >= 0x064B && r <= 0x065F, r == 0x0670:
		return clsMark
	case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7:
		return clsLatin
	case r == utf8.RuneError || isControl(r):
		return clsBad
	case unicode.IsSpace(r):
		return clsSpace
	case unicode.IsLetter(r):
		switch {
		case unicode.Is(unicode.Arabic, r):
			return clsArabic
		case unicode.Is(unicode.Latin, r):
			return clsLatin
		}
		return clsLetter
	case unicode.Is(unicode.Mn, r):
		return clsMark
	}
	return clsOther
}

func scoreText(s string) textScore {
	var t textScore
	var w wordStats
	flush := func() {
		t.add(&w)
		w = wordStats{runes: w.runes[:0]}
	}
	for _, r := range s {
		cls := classify(r)
		if r >= utf8.RuneSelf && cls != clsSpace {
			w.nonASCII = true
		}
		switch cls {
		case clsBad:
			t.bad += 2
			w.junk++
		case clsSpace:
			flush()
		case clsASCII, clsArabic, clsTatweel, clsLatin, clsLetter:
			if w.pendingJunk > 0 {
				w.junk += w.pendingJunk
				w.pendingJunk = 0
			}
			switch cls {
			case clsASCII:
				w.ascii++
			case clsArabic:
				w.arabic++
			case clsTatweel:
				w.marks++
			case clsLatin:
				w.latin++
			default:
				w.other++
			}
			w.runes = append(w.runes, r)
			w.firstLetter, w.prevLetter = true, true
		case clsMark:
			if w.prevLetter {
				w.marks++
			} else {
				w.junk++
			}
		default:
			// Punctuation, digits and symbols: harmless at the ends of a
			// word, junk between its letters unless a usual joiner.
			if w.firstLetter && !isJoiner(r) {
				w.pendingJunk++
			}
			w.prevLetter = false
		}
	}
	flush()
	return t
}

// isJoiner reports characters that legitimately occur inside words.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '-', '.', '_', '&', '’', 0x200C, 0x200D, 0x200E, 0x200F:
		return true
	}
	return unicode.IsDigit(r)
}

func (t *textScore) add(w *wordStats) {
	letters := w.arabic + w.ascii + w.latin + w.other
	t.arabic += w.arabic
	if letters == 0 {
		t.bad += w.junk
		return
	}
	if !w.nonASCII {
		return // ASCII only: the same in every candidate
	}
	n := letters + w.marks
	good := false
	switch {
	case w.junk > 0:
	case w.arabic > 0:
		good = w.arabic == letters
	case w.other > 0:
		good = w.other == letters
	case w.latin == 0:
		good = true
	default:
		// Accented Latin letters need ASCII company: "été", "São",
		// a lone "à".
		good = (w.ascii > 0 && w.latin <= w.ascii+1) || letters == 1
	}
	if good {
		t.good += n
		if w.arabic > 0 && hasArticle(w.runes) {
			t.article++
		}
	} else {
		t.bad += n + w.junk
	}
}

// Arabic letters of the definite article and the proclitics before it.
const (
	alef = '\u0627' // ا
	beh  = '\u0628' // ب
	feh  = '\u0641' // ف
	kaf  = '\u0643' // ك
	lam  = '\u0644' // ل
	waw  = '\u0648' // و
)

// hasArticle reports whether an Arabic word starts with the definite
// article ال, possibly after one of the proclitics و ف ب ك, or with لل.
func hasArticle(w []rune) bool {
	if len(w) >= 3 && (w[0] == waw || w[0] == feh || w[0] == beh || w[0] == kaf) {
		w = w[1:]
	}
	if len(w) >= 3 && w[0] == lam && w[1] == lam {
		return true
	}
	return len(w) >= 3 && w[0] == alef && w[1] == lam
}
