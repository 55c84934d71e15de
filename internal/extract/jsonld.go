package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// jsonLD is what rasd reads from a page's JSON-LD.
type jsonLD struct {
	body      string // the longest articleBody, as text
	headline  string
	published string // datePublished, as written
	lang      string // inLanguage
	publisher string // publisher name
}

// findJSONLD reads the application/ld+json scripts of a page.
func findJSONLD(doc *html.Node) jsonLD {
	var ld jsonLD
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				ld.read(scriptText(n))
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ld
}

func scriptText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// read parses one JSON-LD script, tolerating raw control characters in
// strings (a common fault).
func (ld *jsonLD) read(src string) {
	src = strings.TrimSpace(src)
	if src == "" {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		if err := json.Unmarshal([]byte(escapeControls(src)), &v); err != nil {
			return
		}
	}
	ld.visit(v, 0)
}

func (ld *jsonLD) visit(v any, depth int) {
	if depth > 32 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		article := isArticleType(v["@type"])
		if s, ok := v["articleBody"].(string); ok {
			if t := articleBodyText(s); utf8.RuneCountInString(t) > utf8.RuneCountInString(ld.body) {
				ld.body = t
			}
		}
		if article {
			setString(&ld.headline, v["headline"])
			setString(&ld.published, v["datePublished"])
			setString(&ld.lang, v["inLanguage"])
			if p, ok := v["publisher"].(map[string]any); ok {
				setString(&ld.publisher, p["name"])
			}
		}
		for k, e := range v {
			if k != "articleBody" {
				ld.visit(e, depth+1)
			}
		}
	}
}

func setString(dst *string, v any) {
	if s, ok := v.(string); ok && *dst == "" {
		*dst = strings.TrimSpace(html.UnescapeString(s))
	}
}

// isArticleType reports a schema.org @type (or list of types) of a news
// or blog article.
func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "ReportageNews" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// articleBodyText turns an articleBody into text with paragraph breaks:
// HTML markup is rendered like page content, entities are decoded.
func articleBodyText(s string) string {
	if strings.Contains(s, "</") || strings.Contains(s, "<br") || strings.Contains(s, "<p") {
		ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
		if err == nil {
			var w textWriter
			for _, n := range nodes {
				walkText(&w, n, false)
			}
			return w.b.String()
		}
	}
	return html.UnescapeString(s)
}

// escapeControls escapes raw control characters inside JSON strings.
func escapeControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in, esc := false, false
	for _, r := range s {
		if in {
			switch {
			case esc:
				esc = false
			case r == '\\':
				esc = true
			case r == '"':
				in = false
			case r == '\n':
				b.WriteString(`\n`)
				continue
			case r == '\r':
				b.WriteString(`\r`)
				continue
			case r == '\t':
				b.WriteString(`\t`)
				continue
			case r < 0x20:
				fmt.Fprintf(&b, `\u%04x`, r)
				continue
			}
		} else if r == '"' {
			in = true
		}
		b.WriteRune(r)
	}
	return b.String()
}
