package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minJSONLDBody is the fewest characters a JSON-LD articleBody needs to
// be used for the text.
const minJSONLDBody = 200

// minExtractedSize replaces go-trafilatura's MinExtractedSize (250
// characters, tuned on Latin-script text). Below it go-trafilatura's
// baseline rescue takes over, which flattens a whole <article> into one
// paragraph and glues its headline to the share buttons; Arabic wire
// reports of two or three short paragraphs often fall under 250.
const minExtractedSize = 100

// HTML extracts the article from src, a decoded (UTF-8) HTML page.
//
// The main content is found by go-trafilatura (with its Readability and
// DOM Distiller fallbacks); a JSON-LD articleBody is preferred when it is
// at least as substantial. Paragraph breaks are kept: block elements end
// paragraphs and <br> ends a line. The title, publication date, site name
// and language come from the page metadata; the furniture rules then run
// over the text as for Text. HTML fails with ErrNoContent when no body
// text remains, or less than opt.MinTextLen characters.
func HTML(src string, opt Options) (Article, error) {
	return extractHTML(src, opt, trafilatura.Balanced)
}

// extractHTML is HTML with a choice of go-trafilatura's focus, for the
// evaluation in the tests.
func extractHTML(src string, opt Options, focus trafilatura.ExtractionFocus) (Article, error) {
	f := opt.Furniture
	if f == nil {
		f = DefaultFurniture()
	}
	doc, err := html.Parse(strings.NewReader(validUTF8(src)))
	if err != nil {
		return Article{}, fmt.Errorf("%s: parse: %w", where(opt.URL), err)
	}
	ld := findJSONLD(doc)
	pageLang := htmlLang(doc)
	markLineBreaks(doc)
	padBlocks(doc)

	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = minExtractedSize
	topt := trafilatura.Options{
		Config:          cfg,
		EnableFallback:  true,
		Focus:           focus,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(opt.URL); err == nil && u.Scheme != "" && u.Host != "" {
		topt.OriginalURL = u
	}
	var body string
	var meta trafilatura.Metadata
	res, terr := safeExtract(doc, topt)
	if terr == nil && res != nil {
		meta = res.Metadata
		if res.ContentNode != nil {
			body = dropFlatCopy(nodeText(res.ContentNode))
			if !strings.Contains(body, "\n") {
				body = restructure(doc, body)
			}
		}
	}
	if n := utf8.RuneCountInString(ld.body); n >= minJSONLDBody && 10*n >= 8*utf8.RuneCountInString(body) {
		body = ld.body
	}
	if strings.TrimSpace(body) == "" {
		if terr != nil {
			return Article{}, fmt.Errorf("%s: %w: %v", where(opt.URL), ErrNoContent, terr)
		}
		return Article{}, fmt.Errorf("%s: %w", where(opt.URL), ErrNoContent)
	}

	site := strings.TrimSpace(meta.Sitename)
	if site == "" {
		site = ld.publisher
	}
	title := meta.Title
	if title == "" {
		title = ld.headline
	}
	title = stripSiteName(collapseSpace(title), site)

	c := f.clean(body, title)
	art := Article{
		Title:     c.title,
		Text:      c.text(),
		Published: publishedDate(meta, ld),
		DateLine:  c.dateline,
		Site:      site,
		Language:  firstNonEmpty(meta.Language, langCode(ld.lang), langCode(pageLang)),
		Removed:   c.removed,
	}
	n := utf8.RuneCountInString(c.body())
	if n == 0 || n < opt.MinTextLen {
		return art, fmt.Errorf("%s: %w: %d characters of body text (minimum %d)", where(opt.URL), ErrNoContent, n, max(opt.MinTextLen, 1))
	}
	return art, nil
}

// safeExtract runs go-trafilatura, turning a panic inside it (a bug
// triggered by some page) into an error: one bad page must not bring
// down a worker.
func safeExtract(doc *html.Node, opt trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("go-trafilatura panicked: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(doc, opt)
}

// dropFlatCopy removes a last paragraph that holds, in order, the text of
// all the lines before it (two or more, a third of it at least):
// go-trafilatura's final fallback for tiny pages appends the whole page
// text as one more paragraph.
func dropFlatCopy(body string) string {
	i := strings.LastIndex(body, "\n\n")
	if i < 0 {
		return body
	}
	last := alnumOnly(body[i+2:])
	rest, lines, total := last, 0, 0
	for _, p := range strings.Split(body[:i], "\n") {
		k := alnumOnly(p)
		if k == "" {
			continue
		}
		j := strings.Index(rest, k)
		if j < 0 {
			return body
		}
		rest = rest[j+len(k):]
		lines++
		total += len(k)
	}
	if lines < 2 || 3*total < len(last) {
		return body
	}
	return body[:i]
}

// restructure undoes the flattening of go-trafilatura's baseline rescue:
// when the extracted text, a single paragraph, is exactly the text of an
// <article> or of the <body> (letters and digits compared), that
// element's text with its paragraph breaks is returned instead.
func restructure(doc *html.Node, flat string) string {
	want := alnumOnly(flat)
	if want == "" {
		return flat
	}
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Article || n.DataAtom == atom.Body) {
			if t := nodeText(n); alnumOnly(t) == want {
				found = t
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	if walk(doc) {
		return found
	}
	return flat
}

// where names the page in errors.
func where(page string) string {
	if page == "" {
		return "extract"
	}
	return "extract " + page
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// publishedDate formats the metadata's publication date as YYYY-MM-DD,
// falling back to the JSON-LD datePublished.
func publishedDate(meta trafilatura.Metadata, ld jsonLD) string {
	if !meta.Date.IsZero() {
		return meta.Date.Format("2006-01-02")
	}
	if d := ld.published; len(d) >= 10 && isISODate(d[:10]) {
		return d[:10]
	}
	return ""
}

// isISODate reports whether s is YYYY-MM-DD with a plausible month and
// day.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	m := (s[5]-'0')*10 + s[6] - '0'
	d := (s[8]-'0')*10 + s[9] - '0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// langCode returns the ISO 639-1 part of a language tag ("ar-SA" → "ar").
func langCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// titleSeparators split a page title from the site name.
var titleSeparators = [...]string{" - ", " – ", " — ", " | ", " || ", " :: ", " : ", " » ", " « ", " › ", " · ", " • ", " ـ "}

// stripSiteName removes the site name from either end of a page title
// ("الخبر - الموقع", "الموقع | الخبر").
func stripSiteName(title, site string) string {
	if site == "" || title == "" {
		return title
	}
	sk := keyOf(fold(site))
	if sk == "" {
		return title
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && keyOf(fold(title[i+len(sep):])) == sk {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && keyOf(fold(title[:i])) == sk {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// collapseSpace trims s and reduces its white-space runs to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// htmlLang returns the lang attribute of the <html> element.
func htmlLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			return attr(n, "lang")
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
