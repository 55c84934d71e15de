package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markLineBreaks makes lines broken only by <br> survive go-trafilatura,
// which drops a lone <br> between inline elements and glues the lines
// together ("10:45" + "headline" → "10:45headline"): in an element whose
// children are all inline, each run of children between <br> (or <hr>)
// elements is wrapped in a <p>.
func markLineBreaks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markLineBreaks(c)
	}
	if n.Type != html.ElementNode || !hasBreakChild(n) || !allInline(n) || inParagraph(n) {
		return
	}
	var group []*html.Node
	wrap := func(before *html.Node) {
		if hasText(group) {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			for _, g := range group {
				n.RemoveChild(g)
				p.AppendChild(g)
			}
			n.InsertBefore(p, before)
		}
		group = group[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Br || c.DataAtom == atom.Hr) {
			wrap(c)
		} else {
			group = append(group, c)
		}
		c = next
	}
	wrap(nil)
}

// inParagraph reports whether n is or is inside an element where a <p>
// cannot go.
func inParagraph(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		switch n.DataAtom {
		case atom.P, atom.Li, atom.Dt, atom.Dd, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
			atom.Pre, atom.A, atom.Caption, atom.Button, atom.Label:
			return true
		}
	}
	return false
}

// padBlocks ends each block element with a newline text node, so that
// the text of adjacent blocks stays apart where go-trafilatura's baseline
// rescue concatenates their text content ("شارك" + "زر" → "شاركزر").
func padBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		padBlocks(c)
	}
	if n.Type != html.ElementNode || blockLevel(n.Data) == sepNone {
		return
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Table, atom.Tr, atom.Ul, atom.Ol, atom.Dl:
		return // children only; text there is not allowed or not wanted
	}
	if last := n.LastChild; last != nil && last.Type == html.TextNode && strings.HasSuffix(last.Data, "\n") {
		return
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "\n"})
}

func hasBreakChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			return true
		}
	}
	return false
}

// allInline reports whether n has only text, inline and <br>/<hr>
// children.
func allInline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.A, atom.B, atom.I, atom.U, atom.Em, atom.Strong, atom.Span, atom.Font,
			atom.Small, atom.Big, atom.Sub, atom.Sup, atom.Abbr, atom.Cite, atom.Q, atom.Mark,
			atom.Time, atom.Img, atom.Br, atom.Hr, atom.Label, atom.Bdi, atom.Bdo:
		default:
			return false
		}
	}
	return true
}

func hasText(nodes []*html.Node) bool {
	for _, g := range nodes {
		if strings.TrimSpace(textOf(g)) != "" {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// Separators pending in a textWriter, weakest first.
const (
	sepNone = iota
	sepSpace
	sepLine
	sepPara
)

// textWriter accumulates the text of an HTML tree with HTML white-space
// rules and block structure.
type textWriter struct {
	b       strings.Builder
	pending int
}

func (w *textWriter) sep(level int) {
	if level > w.pending {
		w.pending = level
	}
}

func (w *textWriter) flushSep() {
	if w.b.Len() > 0 {
		switch w.pending {
		case sepSpace:
			w.b.WriteByte(' ')
		case sepLine:
			w.b.WriteByte('\n')
		case sepPara:
			w.b.WriteString("\n\n")
		}
	}
	w.pending = sepNone
}

// text writes character data, collapsing HTML white space.
func (w *textWriter) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			w.sep(sepSpace)
			continue
		}
		w.flushSep()
		w.b.WriteRune(r)
	}
}

// raw writes preformatted text, keeping its line breaks.
func (w *textWriter) raw(s string) {
	for i, ln := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if i > 0 {
			w.sep(sepLine)
		}
		if ln != "" {
			w.flushSep()
			w.b.WriteString(ln)
		}
	}
}

// nodeText returns the text of an HTML tree: paragraphs (block elements)
// separated by "\n\n", lines broken by <br> by "\n".
func nodeText(n *html.Node) string {
	var w textWriter
	walkText(&w, n, false)
	return w.b.String()
}

func walkText(w *textWriter, n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			w.raw(n.Data)
		} else {
			w.text(n.Data)
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walkText(w, c, pre)
		}
		return
	default:
		return
	}
	tag := strings.ToLower(n.Data)
	switch tag {
	case "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
		"embed", "canvas", "select", "option", "textarea", "button", "input", "title":
		return
	case "br":
		w.sep(sepLine)
		return
	case "hr":
		w.sep(sepPara)
		return
	}
	level := blockLevel(tag)
	w.sep(level)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(w, c, pre || tag == "pre")
	}
	w.sep(level)
}

// blockLevel returns the separator an element puts around its content.
func blockLevel(tag string) int {
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
		"blockquote", "section", "article", "header", "footer", "main", "aside",
		"nav", "figure", "figcaption", "table", "pre", "address", "center",
		"details", "summary", "form", "fieldset", "body", "html",
		// go-trafilatura's XML-style names, in case any survive
		"head", "list", "item", "quote", "doc", "main-content":
		return sepPara
	case "tr", "td", "th", "dt", "dd", "caption", "lb":
		return sepLine
	}
	return sepNone
}
