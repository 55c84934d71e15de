// Package pipeline composes rasd's stages for one document: decoding,
// article extraction, the Arabic text core, knowledge-base matching, the
// learned tagger, toponym resolution and event coding. It does no I/O; the
// caller hands it bytes or text and gets a finished doc.Doc.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/decode"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/extract"
)

// Format says how to read an input's content.
type Format uint8

// Input formats.
const (
	Auto Format = iota // sniff: HTML when it looks like markup, else text
	Text               // scraped or plain text
	HTML               // an HTML page
)

// Input is one article to process, as read by the caller.
type Input struct {
	// Source names where it came from, for messages ("a.txt", "dev.jsonl:12").
	Source string
	// Data is the raw content; it is decoded (charset detection) unless Text
	// is set.
	Data []byte
	// Text is already-decoded content (from a JSON record); wins over Data.
	Text        string
	Format      Format
	ContentType string // HTTP Content-Type, if known

	// Metadata given with the input; zero values mean unknown.
	ID        string
	URL       string
	Outlet    string
	Published doc.Date
	// Title is used as the document's title when extraction finds no
	// headline in the content; it is then not part of the document's Text.
	Title string
}

// Stage is one analysis step that reads a prepared document and adds its
// layer. Stages must be safe for concurrent use on different documents.
type Stage interface {
	Name() string
	Run(d *doc.Doc)
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(d *doc.Doc)
}

// Name returns the stage name.
func (s StageFunc) Name() string { return s.StageName }

// Run runs the function.
func (s StageFunc) Run(d *doc.Doc) { s.Fn(d) }

// Options configures a Pipeline. The zero value is usable.
type Options struct {
	// MaxSize limits input size in bytes (0: decode.DefaultMaxSize).
	MaxSize int64
	// Furniture are the site-furniture rules for scraped text (nil: the
	// embedded defaults).
	Furniture *extract.Furniture
	// DefaultPublished is used for inputs with no publication date of their
	// own, from metadata or the text.
	DefaultPublished doc.Date
}

// Pipeline turns inputs into finished documents. It is immutable after
// construction and safe for concurrent use.
type Pipeline struct {
	opt    Options
	stages []Stage
}

// New returns a pipeline running the text core and then stages in order.
func New(opt Options, stages ...Stage) *Pipeline {
	if opt.Furniture == nil {
		opt.Furniture = extract.DefaultFurniture()
	}
	return &Pipeline{opt: opt, stages: stages}
}

// Stages returns the names of the configured stages.
func (p *Pipeline) Stages() []string {
	var s []string
	for _, st := range p.stages {
		s = append(s, st.Name())
	}
	return s
}

// ErrEmpty is returned for inputs with no article text.
var ErrEmpty = errors.New("no article text")

// Process prepares and analyzes one input.
func (p *Pipeline) Process(in Input) (*doc.Doc, error) {
	d, err := p.Prepare(in)
	if err != nil {
		return nil, err
	}
	p.Analyze(d)
	return d, nil
}

// Prepare decodes and extracts an input into a Doc with its text core
// (normalized text, tokens, sentences, dates and numbers) filled.
func (p *Pipeline) Prepare(in Input) (*doc.Doc, error) {
	src := in.Text
	charset := "utf-8"
	format := in.Format
	if src == "" {
		if len(in.Data) == 0 {
			return nil, ErrEmpty
		}
		res, err := decode.Decode(in.Data, decode.Options{
			MaxSize: p.opt.MaxSize, ContentType: in.ContentType, HTML: format != Text,
		})
		if err != nil {
			return nil, err
		}
		src, charset = res.Text, res.Charset
	} else if p.opt.MaxSize >= 0 && int64(len(src)) > maxSize(p.opt.MaxSize) {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", decode.ErrTooLarge, len(src), maxSize(p.opt.MaxSize))
	}
	if format == Auto {
		format = sniff(src)
	}
	var art extract.Article
	switch format {
	case HTML:
		var err error
		art, err = extract.HTML(src, extract.Options{URL: in.URL, Furniture: p.opt.Furniture})
		if err != nil {
			return nil, err
		}
	default:
		art = extract.Text(src, extract.Options{URL: in.URL, Furniture: p.opt.Furniture})
	}
	if strings.TrimSpace(art.Text) == "" {
		return nil, ErrEmpty
	}
	d := &doc.Doc{Title: art.Title, Text: art.Text}
	if in.Title != "" && d.Title == "" {
		d.Title = in.Title
	}
	d.Meta = doc.Meta{
		ID:       in.ID,
		URL:      in.URL,
		Outlet:   in.Outlet,
		Source:   in.Source,
		Language: art.Language,
		Charset:  charset,
		DateLine: art.DateLine,
		Removed:  art.Removed,
	}
	if d.Meta.Language == "" {
		d.Meta.Language = "ar"
	}
	if d.Meta.Outlet == "" {
		d.Meta.Outlet = outletOf(in.URL)
	}
	if d.Meta.ID == "" {
		d.Meta.ID = DocID(in.URL, d.Text)
	}
	arabic.Analyze(d)
	d.Meta.Published = p.published(in, art, d)
	d.Mentions = arabic.Dates(d, d.Meta.Published, d.Mentions)
	d.Mentions = arabic.Numbers(d, d.Mentions)
	return d, nil
}

// Analyze runs the configured stages over a prepared document.
func (p *Pipeline) Analyze(d *doc.Doc) {
	for _, s := range p.stages {
		s.Run(d)
	}
}

// published picks the publication date: the input's own, the page
// metadata's, a date in the removed dateline, then the default.
func (p *Pipeline) published(in Input, art extract.Article, d *doc.Doc) doc.Date {
	if !in.Published.IsZero() {
		return in.Published
	}
	if art.Published != "" {
		if dt, err := doc.ParseDate(art.Published); err == nil && dt.Full() {
			return dt
		}
	}
	if art.DateLine != "" {
		line := &doc.Doc{Text: art.DateLine}
		arabic.Analyze(line)
		for _, m := range arabic.Dates(line, doc.Date{}, nil) {
			if m.Date != nil && !m.Date.Relative && m.Date.Date.Full() {
				d.Note("extract", doc.Span{}, "publication date from dateline "+fmt.Sprintf("%q", art.DateLine))
				return m.Date.Date
			}
		}
	}
	return p.opt.DefaultPublished
}

func maxSize(n int64) int64 {
	if n == 0 {
		return decode.DefaultMaxSize
	}
	return n
}

// sniff guesses whether decoded content is HTML.
func sniff(s string) Format {
	head := s
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = strings.ToLower(strings.TrimSpace(head))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<article", "<div", "<p>", "<?xml"} {
		if strings.HasPrefix(head, p) || (p != "<p>" && strings.Contains(head, p)) {
			return HTML
		}
	}
	return Text
}

// DocID returns a stable document id: the first 16 hex digits of the
// SHA-256 of the canonical URL when there is one, else of the text.
func DocID(rawURL, text string) string {
	key := canonicalURL(rawURL)
	if key == "" {
		key = text
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// canonicalURL lower-cases scheme and host, drops the fragment, default
// ports, "www." and a trailing slash, and spells the path one way (percent
// escapes in upper case, Arabic letters escaped: ".../%d9%82", ".../%D9%82"
// and ".../ق" are one page); "" when u is not an absolute URL.
func canonicalURL(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || pu.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
	if port := pu.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	// Clean drops a trailing slash, "." and ".." (the root stays "/")
	p := path.Clean("/" + (&url.URL{Path: pu.Path}).EscapedPath())
	q := ""
	if pu.RawQuery != "" {
		q = "?" + upperEscapes(pu.RawQuery)
	}
	return "https://" + host + p + q
}

// upperEscapes writes the hex digits of percent escapes in upper case.
func upperEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = upperHex(b[i+1])
			b[i+2] = upperHex(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func upperHex(c byte) byte {
	if 'a' <= c && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// outletOf returns the site domain of a URL ("" if none).
func outletOf(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}
