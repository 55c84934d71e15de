package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/rasd-project/rasd/internal/decode"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
)

// The texts of these tests and of testdata/corpus were written for them.
const (
	headline = "اشتباكات بين فصائل المعارضة وقوات النظام في ريف حماة"
	body1    = "اندلعت اشتباكات عنيفة، صباح اليوم الأحد، بين فصائل المعارضة وقوات النظام على محور بلدة كفرنبودة في ريف حماة الشمالي، ما أسفر عن مقتل أربعة عناصر من قوات النظام."
	body2    = "وقال مصدر عسكري إن أكثر من 50 قذيفة سقطت على المنطقة منذ 3 تشرين الثاني / نوفمبر 2019."
)

// scraped is a scraped page: section header, headline, dateline, body,
// related-articles box.
var scraped = "أخبار سوريا\n\n" + headline + "\n\n2019.11.10 | 09:15 حماة\n\n" + body1 + "\n\n" + body2 + "\n\nمقالات ذات صلة\n\nزر الذهاب إلى الأعلى\n"

// plain is the same article without the dateline.
var plain = headline + "\n\n" + body1 + "\n\n" + body2 + "\n"

func page(published string) string {
	meta := ""
	if published != "" {
		meta = `<meta property="article:published_time" content="` + published + `">`
	}
	return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>` + headline + ` - موقع</title>` + meta +
		`</head><body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav><article><h1>` + headline + `</h1><p>` + body1 + `</p><p>` + body2 +
		`</p></article><footer>جميع الحقوق محفوظة</footer></body></html>`
}

func TestProcessText(t *testing.T) {
	p := New(Options{})
	d, err := p.Process(Input{Source: "a.txt", Data: []byte(scraped), Format: Text})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != headline {
		t.Errorf("title %q", d.Title)
	}
	if want := headline + "\n\n" + body1 + "\n\n" + body2; d.Text != want {
		t.Errorf("text\n%q\nwant\n%q", d.Text, want)
	}
	m := d.Meta
	if m.Source != "a.txt" || m.Language != "ar" || m.Charset != "utf-8" || m.URL != "" || m.Outlet != "" || m.ID != DocID("", d.Text) {
		t.Errorf("meta %+v", m)
	}
	if m.DateLine != "2019.11.10 | 09:15 حماة" || len(m.Removed) < 3 {
		t.Errorf("dateline %q removed %q", m.DateLine, m.Removed)
	}
	if len(d.Tokens) == 0 || len(d.Sents) != 3 || len(d.Norm) == 0 || len(d.NormMap) != len(d.Norm)+1 {
		t.Errorf("text core: %d tokens, %d sentences, %d norm bytes, %d map entries", len(d.Tokens), len(d.Sents), len(d.Norm), len(d.NormMap))
	}
	var dates, numbers []string
	for _, mn := range d.Mentions {
		switch {
		case mn.Kind == doc.MDate && mn.Date != nil:
			dates = append(dates, d.SpanText(mn.Span)+"="+mn.Date.Date.String())
		case mn.Kind == doc.MNumber && mn.Num != nil:
			numbers = append(numbers, d.SpanText(mn.Span))
		}
	}
	for _, want := range []string{"صباح اليوم الأحد=2019-11-10", "3 تشرين الثاني / نوفمبر 2019=2019-11-03"} {
		if !contains(dates, want) {
			t.Errorf("dates %q lack %q", dates, want)
		}
	}
	for _, want := range []string{"أربعة", "أكثر من 50"} {
		if !contains(numbers, want) {
			t.Errorf("numbers %q lack %q", numbers, want)
		}
	}
	if len(d.Events)+len(d.Places)+len(d.Actors) != 0 {
		t.Errorf("no stages, yet %d events %d places %d actors", len(d.Events), len(d.Places), len(d.Actors))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestProcessHTML(t *testing.T) {
	p := New(Options{})
	for _, tc := range []struct {
		name string
		in   Input
	}{
		{"declared", Input{Data: []byte(page("2019-11-10T10:00:00+03:00")), Format: HTML}},
		{"sniffed", Input{Data: []byte(page("2019-11-10T10:00:00+03:00"))}},
		{"text field", Input{Text: page("2019-11-10T10:00:00+03:00"), Format: HTML}},
		{"windows-1256", Input{Data: mustW1256(t, strings.Replace(page("2019-11-10T10:00:00+03:00"), "utf-8", "windows-1256", 1))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.URL = "https://www.Example.org/news/1"
			d, err := p.Process(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != headline || !strings.HasPrefix(d.Text, headline+"\n\n") || !strings.HasSuffix(d.Text, body2) {
				t.Errorf("title %q text\n%s", d.Title, d.Text)
			}
			for _, junk := range []string{"<", "الرئيسية", "جميع الحقوق"} {
				if strings.Contains(d.Text, junk) {
					t.Errorf("text keeps %q", junk)
				}
			}
			if got := d.Meta.Published.String(); got != "2019-11-10" {
				t.Errorf("published %q", got)
			}
			if d.Meta.Outlet != "example.org" || d.Meta.ID != DocID("https://example.org/news/1", "") {
				t.Errorf("outlet %q id %q", d.Meta.Outlet, d.Meta.ID)
			}
		})
	}
}

func mustW1256(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestProcessEncodings(t *testing.T) {
	p := New(Options{})
	want, err := p.Process(Input{Data: []byte(plain), Format: Text})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, charset string
		data          []byte
	}{
		{"utf-8 with BOM", "utf-8", append([]byte("\ufeff"), plain...)},
		{"windows-1256", "windows-1256", mustW1256(t, plain)},
	} {
		d, err := p.Process(Input{Data: tc.data, Format: Text})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Text != want.Text || d.Meta.ID != want.Meta.ID || d.Meta.Charset != tc.charset {
			t.Errorf("%s: charset %q id %q text\n%q", tc.name, d.Meta.Charset, d.Meta.ID, d.Text)
		}
	}
}

func TestProcessErrors(t *testing.T) {
	p := New(Options{MaxSize: 1000})
	binary := []byte("\x00\x01\x02\x03 not text \x00\xff\xfe\x00\x00\x10\x11")
	for _, tc := range []struct {
		name string
		in   Input
		want error
	}{
		{"nothing", Input{}, ErrEmpty},
		{"empty data", Input{Data: []byte{}}, ErrEmpty},
		{"blank text", Input{Data: []byte(" \n\t\r\n "), Format: Text}, ErrEmpty},
		{"blank text field", Input{Text: "\n\n   \n", Format: Text}, ErrEmpty},
		{"only furniture", Input{Data: []byte("مقالات ذات صلة\n\nزر الذهاب إلى الأعلى\n"), Format: Text}, ErrEmpty},
		{"binary", Input{Data: binary}, decode.ErrBinary},
		{"data too large", Input{Data: []byte(strings.Repeat(plain, 5)), Format: Text}, decode.ErrTooLarge},
		{"text too large", Input{Text: strings.Repeat(plain, 5), Format: Text}, decode.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Process(tc.in)
			if !errors.Is(err, tc.want) || d != nil {
				t.Errorf("Process = %v, %v; want %v", d, err, tc.want)
			}
		})
	}
	// a page with no article text: an error, whichever
	if _, err := p.Process(Input{Data: []byte("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"), Format: HTML}); err == nil {
		t.Errorf("empty page: no error")
	}
	// no limit
	unlimited := New(Options{MaxSize: -1})
	if _, err := unlimited.Process(Input{Text: strings.Repeat(plain, 5), Format: Text}); err != nil {
		t.Errorf("MaxSize -1: %v", err)
	}
}

// TestPublished checks the precedence of publication dates: the input's
// own, then the page metadata's, then a dateline, then the default.
func TestPublished(t *testing.T) {
	input := doc.Date{Year: 2019, Month: 11, Day: 12}
	def := doc.Date{Year: 2020, Month: 1, Day: 1}
	p := New(Options{DefaultPublished: def})
	for _, tc := range []struct {
		name string
		in   Input
		want string
		// relative dates in the text resolve against it
		today string
	}{
		{"input over metadata", Input{Data: []byte(page("2019-11-10")), Published: input}, "2019-11-12", "2019-11-10"},
		{"input over dateline", Input{Data: []byte(scraped), Format: Text, Published: input}, "2019-11-12", "2019-11-10"},
		{"metadata over default", Input{Data: []byte(page("2019-11-10T10:00:00+03:00"))}, "2019-11-10", "2019-11-10"},
		{"dateline over default", Input{Data: []byte(scraped), Format: Text}, "2019-11-10", "2019-11-10"},
		{"default", Input{Data: []byte(plain), Format: Text}, "2020-01-01", "2019-12-29"},
		{"page without date", Input{Data: []byte(page(""))}, "2020-01-01", "2019-12-29"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Process(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Meta.Published.String(); got != tc.want {
				t.Errorf("published %s; want %s", got, tc.want)
			}
			// "صباح اليوم الأحد": the last Sunday on or before the publication date
			for _, m := range d.Mentions {
				if m.Kind == doc.MDate && m.Date != nil && strings.Contains(d.SpanText(m.Span), "الأحد") && m.Date.Date.String() != tc.today {
					t.Errorf("%q resolved to %s; want %s", d.SpanText(m.Span), m.Date.Date, tc.today)
				}
			}
		})
	}
	// no default: unknown
	d, err := New(Options{}).Process(Input{Data: []byte(plain), Format: Text})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Meta.Published.IsZero() {
		t.Errorf("published %s; want none", d.Meta.Published)
	}
}

func TestInputMetadata(t *testing.T) {
	p := New(Options{})
	d, err := p.Process(Input{Text: "\n" + body1 + "\n", Format: Text, ID: "given", URL: "https://news.example.com/a", Outlet: "Example News", Title: "عنوان من السجل"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.ID != "given" || d.Meta.Outlet != "Example News" || d.Meta.URL != "https://news.example.com/a" {
		t.Errorf("meta %+v", d.Meta)
	}
	// the record's title is used when the text has no headline of its own
	if d.Title != "عنوان من السجل" {
		t.Errorf("title %q", d.Title)
	}
	d, err = p.Process(Input{Data: []byte(plain), Format: Text, Title: "عنوان من السجل"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != headline {
		t.Errorf("title %q; want the text's own", d.Title)
	}
}

func TestDocID(t *testing.T) {
	const base = "https://example.org/news/2019/11/10/article"
	id := DocID(base, "")
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Fatalf("DocID = %q; want 16 hex digits", id)
	}
	for _, u := range []string{
		base,
		"http://example.org/news/2019/11/10/article",
		"HTTPS://EXAMPLE.ORG/news/2019/11/10/article",
		"https://www.example.org/news/2019/11/10/article",
		"https://example.org/news/2019/11/10/article/",
		"https://example.org/news/2019/11/10/article#comments",
		"https://example.org:443/news/2019/11/10/article",
		"http://example.org:80/news/2019/11/10/article",
		"  https://example.org/news/2019/11/10/article\n",
		"https://example.org/news/2019/11/10/./article",
		"https://example.org/news//2019/11/10/article",
	} {
		if got := DocID(u, "any text"); got != id {
			t.Errorf("DocID(%q) = %s; want %s (same page as %s)", u, got, id, base)
		}
		if got := DocID(u, "other text"); got != id {
			t.Errorf("DocID(%q) depends on the text", u)
		}
	}
	// Arabic paths: raw, escaped, escaped in lower case
	ar := DocID("https://example.org/أخبار/قصف-حماة", "")
	for _, u := range []string{
		"https://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%82%D8%B5%D9%81-%D8%AD%D9%85%D8%A7%D8%A9",
		"https://example.org/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/%d9%82%d8%b5%d9%81-%d8%ad%d9%85%d8%a7%d8%a9",
		"https://www.example.org/أخبار/قصف-حماة/",
	} {
		if got := DocID(u, ""); got != ar {
			t.Errorf("DocID(%q) = %s; want %s", u, got, ar)
		}
	}
	if DocID("https://example.org/news?id=%d9%82", "") != DocID("https://example.org/news?id=%D9%82", "") {
		t.Errorf("query escapes in lower and upper case differ")
	}
	// different pages
	seen := map[string]string{}
	for _, u := range []string{
		base, "https://example.org/news/2019/11/10/other", "https://example.com/news/2019/11/10/article",
		"https://example.org:8080/news/2019/11/10/article", "https://example.org/news/2019/11/10/article?page=2",
		"https://example.org/", "https://sub.example.org/news/2019/11/10/article",
	} {
		id := DocID(u, "")
		if prev, ok := seen[id]; ok {
			t.Errorf("DocID(%q) = DocID(%q)", u, prev)
		}
		seen[id] = u
	}
	if DocID("https://example.org", "") != DocID("https://example.org/", "") {
		t.Errorf("the root with and without a slash differ")
	}
	// no URL, or not an absolute one: the text decides
	for _, u := range []string{"", "example.org/news/1", "/news/1", "not a url", "http://[::1"} {
		if DocID(u, "نص أول") == DocID(u, "نص ثان") {
			t.Errorf("DocID(%q, text) ignores the text", u)
		}
		if DocID(u, "نص أول") != DocID("", "نص أول") {
			t.Errorf("DocID(%q, text) differs from the text's id", u)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://WWW.Example.ORG/a/b/?x=1#top", "https://example.org/a/b?x=1"},
		{"https://example.org", "https://example.org/"},
		{"https://example.org:8443/a", "https://example.org:8443/a"},
		{"https://example.org/a/../b", "https://example.org/b"},
		{"https://example.org/ق", "https://example.org/%D9%82"},
		{"https://example.org/%d9%82?q=%d9%82", "https://example.org/%D9%82?q=%D9%82"},
		{"relative/path", ""},
		{"", ""},
	} {
		if got := canonicalURL(tc.in); got != tc.want {
			t.Errorf("canonicalURL(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestOutletOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.Aljazeera.net/news/1", "aljazeera.net"},
		{"http://news.example.com:8080/x", "news.example.com"},
		{"", ""},
		{"no scheme/path", ""},
	} {
		if got := outletOf(tc.in); got != tc.want {
			t.Errorf("outletOf(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{"<!DOCTYPE html><html><body>نص</body></html>", HTML},
		{"  \n<HTML lang=ar>", HTML},
		{"<head><title>x</title></head>", HTML},
		{"<body><p>نص</p></body>", HTML},
		{"<meta charset=utf-8><p>x", HTML},
		{"<p>فقرة</p><p>فقرة</p>", HTML},
		{"<?xml version=\"1.0\"?><html>", HTML},
		{"<article>نص</article>", HTML},
		{"عنوان\n\n<div class=x>نص</div>", HTML},
		{headline + "\n\n" + body1, Text},
		{"نص يذكر الوسم <p> في وسطه", Text},
		{"", Text},
		{strings.Repeat("نص ", 1000) + "<html>", Text}, // only the head is looked at
	} {
		if got := sniff(tc.in); got != tc.want {
			t.Errorf("sniff(%.40q) = %v; want %v", tc.in, got, tc.want)
		}
	}
}

// recorder is a stage that records the documents it sees.
type recorder struct {
	name string
	mu   sync.Mutex
	log  *[]string
}

func (r *recorder) Name() string { return r.name }

func (r *recorder) Run(d *doc.Doc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*r.log = append(*r.log, r.name+":"+d.Meta.Source)
}

func TestStages(t *testing.T) {
	var log []string
	p := New(Options{},
		&recorder{name: "first", log: &log},
		StageFunc{StageName: "second", Fn: func(d *doc.Doc) { log = append(log, "second:"+d.Meta.Source) }},
	)
	if got := p.Stages(); !reflect.DeepEqual(got, []string{"first", "second"}) {
		t.Errorf("Stages() = %q", got)
	}
	if _, err := p.Process(Input{Source: "x", Data: []byte(plain)}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"first:x", "second:x"}; !reflect.DeepEqual(log, want) {
		t.Errorf("stages ran %q; want %q", log, want)
	}
	// Prepare runs no stage; Analyze runs them
	log = nil
	d, err := p.Prepare(Input{Source: "y", Data: []byte(plain)})
	if err != nil || len(log) != 0 {
		t.Fatalf("Prepare: %v, stages ran %q", err, log)
	}
	p.Analyze(d)
	if len(log) != 2 {
		t.Errorf("Analyze ran %q", log)
	}
	// a failed input reaches no stage
	log = nil
	if _, err := p.Process(Input{Source: "z"}); err == nil || len(log) != 0 {
		t.Errorf("failed input: %v, stages ran %q", err, log)
	}
	if got := New(Options{}).Stages(); len(got) != 0 {
		t.Errorf("no stages: %q", got)
	}
}

// standard returns the pipeline rasd runs, with the embedded knowledge base.
func standard(tb testing.TB, opt Options) *Pipeline {
	tb.Helper()
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return New(opt, Standard(k, StandardOptions{})...)
}

func TestStandard(t *testing.T) {
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tagger := StageFunc{StageName: "tagger", Fn: func(*doc.Doc) {}}
	without := New(Options{}, Standard(k, StandardOptions{})...).Stages()
	with := New(Options{}, Standard(k, StandardOptions{Tagger: tagger})...).Stages()
	if len(without) != 4 || len(with) != 5 || with[1] != "tagger" {
		t.Errorf("stages %q, with a tagger %q", without, with)
	}

	p := New(Options{DefaultPublished: doc.Date{Year: 2019, Month: 11, Day: 10}}, Standard(k, StandardOptions{})...)
	d, err := p.Process(Input{Data: []byte(scraped), Format: Text})
	if err != nil {
		t.Fatal(err)
	}
	var places []string
	for _, pl := range d.Places {
		places = append(places, d.SpanText(pl.Mention))
	}
	if !contains(places, "حماة") {
		t.Errorf("places %q lack حماة", places)
	}
	if len(d.Actors) == 0 || len(d.Events) == 0 {
		t.Errorf("%d actors, %d events", len(d.Actors), len(d.Events))
	}
}

// corpus reads testdata/corpus: the benchmark's articles.
func corpus(tb testing.TB) []Input {
	tb.Helper()
	paths, err := filepath.Glob("testdata/corpus/*")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no corpus: %v", err)
	}
	var ins []Input
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		f := Text
		if strings.HasSuffix(path, ".html") {
			f = HTML
		}
		ins = append(ins, Input{Source: path, Data: b, Format: f})
	}
	return ins
}

// TestConcurrent checks that one Pipeline gives the same results when
// used from several goroutines at once.
func TestConcurrent(t *testing.T) {
	p := standard(t, Options{DefaultPublished: doc.Date{Year: 2024, Month: 2, Day: 20}})
	ins := corpus(t)
	want := make([]*doc.Doc, len(ins))
	for i, in := range ins {
		d, err := p.Process(in)
		if err != nil {
			t.Fatalf("%s: %v", in.Source, err)
		}
		want[i] = d
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(ins))
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, in := range ins {
				d, err := p.Process(in)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if !reflect.DeepEqual(d.Events, want[i].Events) || !reflect.DeepEqual(d.Places, want[i].Places) || d.Meta.ID != want[i].Meta.ID {
					errs <- in.Source + ": different result"
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// BenchmarkPipeline times the whole pipeline — decoding, extraction, the
// text core and the standard stages with the embedded knowledge base — on
// testdata/corpus, and reports MB/s and articles/s (one goroutine).
func BenchmarkPipeline(b *testing.B) {
	p := standard(b, Options{DefaultPublished: doc.Date{Year: 2024, Month: 2, Day: 20}})
	ins := corpus(b)
	size := 0
	for _, in := range ins {
		size += len(in.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, in := range ins {
			if _, err := p.Process(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(size)*float64(b.N)/1e6/sec, "MB/s")
	b.ReportMetric(float64(len(ins))*float64(b.N)/sec, "articles/s")
}
