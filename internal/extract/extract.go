// Package extract is rasd's second input stage: it turns a decoded page
// (HTML) or a scraped text into the clean article, its headline and its
// metadata, removing site furniture: section headers, share and print
// buttons, "read also" boxes, related-article lists, bylines, timestamps,
// captions and footers.
//
// HTML pages go through go-trafilatura for the main content (with
// JSON-LD articleBody preferred when substantial), then through the same
// line rules as scraped text. The rules are data: furniture.txt, embedded,
// documented at its top and replaceable with ParseFurniture.
//
// The text returned keeps the source characters exactly: lines are only
// trimmed, removed or regrouped into paragraphs, never rewritten, so that
// later stages can compute offsets into Article.Text. Matching uses a
// private folded form of each line.
package extract

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// ErrNoContent is returned by HTML when the page has no article text (or
// less than Options.MinTextLen characters).
var ErrNoContent = errors.New("no article content")

// Article is the clean article extracted from a page or a scraped text.
type Article struct {
	// Title is the headline, "" if none was found.
	Title string
	// Text is the clean article: the headline as the first paragraph
	// (when there is one), then the body paragraphs. Paragraphs are
	// separated by "\n\n", lines inside a paragraph by "\n"; no furniture.
	Text string
	// Published is the publication date, "YYYY-MM-DD", when the page's
	// metadata gives it, else "".
	Published string
	// DateLine is the raw text of the first timestamp or dateline line
	// removed as furniture (e.g. "2018.06.17 | 12:06 دمشق"), for the
	// caller's date parser; "" if none.
	DateLine string
	// Site is the site name from the page metadata, "" if none.
	Site string
	// Language is the ISO 639-1 code of the text's language, from the
	// metadata or detection; "" if unknown.
	Language string
	// Removed lists the furniture lines removed, in order.
	Removed []string
}

// Options controls HTML and Text; the zero value is usable.
type Options struct {
	// URL is the page's address, used to resolve metadata and in errors.
	URL string
	// Furniture are the furniture rules; nil means DefaultFurniture (parsed
	// on each call: keep your own value when extracting many documents).
	Furniture *Furniture
	// MinTextLen is the fewest characters of body text (without the
	// headline) HTML accepts; below it HTML fails with ErrNoContent. Text
	// ignores it.
	MinTextLen int
}

// Text cleans scraped plain text: it removes site furniture with the
// rules and detects the headline (a short line without a final full stop,
// followed by body text, after any removed section header).
func Text(src string, opt Options) Article {
	f := opt.Furniture
	if f == nil {
		f = DefaultFurniture()
	}
	c := f.clean(validUTF8(src), "")
	text := c.text()
	return Article{
		Title:    c.title,
		Text:     text,
		DateLine: c.dateline,
		Language: detectLanguage(text),
		Removed:  c.removed,
	}
}

// validUTF8 replaces invalid bytes (which decode never leaves) so that
// the results are valid UTF-8 whatever the input.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// langSample is how much text language detection reads.
const langSample = 1024

// detectLanguage returns the ISO 639-1 code of s when detection is
// reliable. Text in the Arabic script without the letters of Persian and
// Urdu is Arabic; other text goes to whatlanggo.
func detectLanguage(s string) string {
	if len(s) > langSample {
		i := langSample
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	var arabic, extended, letters int
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x064A && r != 0x0640:
			arabic++
			letters++
		case r >= 0x0671 && r <= 0x06D3:
			arabic++
			extended++ // پ چ ژ ک گ ی ٹ ڈ ڑ ں ے ...
			letters++
		case r >= 0x80 && unicode.IsLetter(r), isAlnum(r) && r > '9':
			letters++
		}
	}
	if letters == 0 {
		return ""
	}
	if 2*arabic > letters && 50*extended < arabic {
		return "ar"
	}
	info := whatlanggo.Detect(s)
	if code := info.Lang.Iso6391(); code != "" && info.IsReliable() {
		return code
	}
	if 2*arabic > letters {
		return "ar"
	}
	return ""
}
