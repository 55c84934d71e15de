package explain

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// process runs rasd's standard pipeline on testdata/article.txt, a
// scraped news page written for these tests.
func process(t testing.TB) *doc.Doc {
	t.Helper()
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{})...)
	d, err := p.Process(pipeline.Input{Source: "article.txt", Data: data, Format: pipeline.Text})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func write(t testing.TB, d *doc.Doc, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteProcessed(t *testing.T) {
	d := process(t)
	out := write(t, d, Options{})
	for _, s := range []string{
		"══ doc " + d.Meta.ID + " · article.txt · published 2022-03-08 · utf-8\n",
		"title: مقتل جنديين بهجوم لداعش في كركوك\n",
		`furniture removed: "أخبار العراق" | "2022.03.08 | 14:20 كركوك" | "مقالات ذات صلة"`,
		`note [extract] publication date from dateline "2022.03.08 | 14:20 كركوك"`,
		// sentences, numbered
		"\n[1] مقتل جنديين بهجوم لداعش في كركوك\n",
		"\n[2] قُتل جنديان من الجيش العراقي وأصيب ثلاثة آخرون، مساء أمس الاثنين،",
		"\n[4] وكان التنظيم قد شنّ هجوماً مماثلاً على المنطقة في كانون الثاني / يناير 2022.\n",
		// numbers
		"    number  نحو 300 → ~300 (approx, عنصر)\n",
		"    number  85 % → 85 % (exact)\n",
		"    number  جنديان → 2 (exact, جندي)\n",
		// dates
		"    date    مساء أمس الاثنين → 2022-03-07 (precision 1, relative",
		"    date    كانون الثاني / يناير 2022 → 2022-01 (precision 3",
		// places and actors
		"    place   كركوك → Kirkuk, IQ (",
		"    actor   الجيش العراقي → Iraqi Army [iq.army] inter 1 IQ\n",
		"(generic phrase, resolved by context)",
		// an event, with its reasons
		"    event   Battles / ",
		"; trigger \"",
		"; why: ",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("explain view lacks %q", s)
		}
	}
	// every sentence is shown, in order
	for i, s := range d.Sents {
		head := "\n[" + strconv.Itoa(i+1) + "] " + strings.Join(strings.Fields(d.SpanText(s)), " ") + "\n"
		if !strings.Contains(out, head) {
			t.Errorf("sentence %d missing: %q", i+1, head)
		}
	}
	if t.Failed() {
		t.Logf("explain view:\n%s", out)
	}
	// items under a sentence are in text order
	lines := strings.Split(out, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "    ") && lines[i-1] == "" {
			t.Errorf("item line %d outside a sentence: %q", i+1, lines[i])
		}
	}
}

func TestWriteTokens(t *testing.T) {
	d := process(t)
	out := write(t, d, Options{Tokens: true})
	if n := strings.Count(out, "    tokens: "); n != len(d.Sents) {
		t.Errorf("%d token lines, want one per sentence (%d)", n, len(d.Sents))
	}
	// a normalized form differs from the text: shown with an arrow
	for _, s := range []string{" مقتل/word", " جنديين/word", "/punct", " 300/number", " قُتل→قتل/word", " %/symbol"} {
		if !strings.Contains(out, s) {
			t.Errorf("token lines lack %q", s)
		}
	}
	if strings.Contains(write(t, d, Options{}), "tokens:") {
		t.Errorf("tokens shown without Options.Tokens")
	}
}

// handDoc is a document with one of each item, built by hand so that the
// exact lines can be checked.
func handDoc() *doc.Doc {
	const text = "قصفت قوات النظام بلدة كفرنبودة، وقتل 4 مدنيين في 3 آذار 2019.\n\nوقال مسؤول إن 2-3 قرى تضررت."
	at := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{StartByte: int32(i), EndByte: int32(i + len(s))}
	}
	d := &doc.Doc{Text: text}
	// two sentences, a token each for SentenceOf
	first, second := at("قصفت"), at("وقال")
	d.Tokens = []doc.Token{{Start: first.StartByte, End: first.EndByte, Kind: doc.Word}, {Start: second.StartByte, End: second.EndByte, Kind: doc.Word}}
	d.Sents = []doc.Span{
		{Start: 0, End: 1, StartByte: 0, EndByte: at("2019.").EndByte},
		{Start: 1, End: 2, StartByte: second.StartByte, EndByte: int32(len(text))},
	}
	// tokens spans: sentence 1 is token 0, sentence 2 token 1
	s1 := func(s string) doc.Span { sp := at(s); sp.Start, sp.End = 0, 1; return sp }
	s2 := func(s string) doc.Span { sp := at(s); sp.Start, sp.End = 1, 2; return sp }
	d.Meta = doc.Meta{ID: "h1", Source: "hand", Charset: "utf-8", Removed: []string{"مقالات ذات صلة", strings.Repeat("ا", 80)}}
	d.Mentions = []doc.Mention{
		{Span: s1("4"), Kind: doc.MNumber, Num: &doc.Quantity{Value: 4, Qual: doc.AtLeast, NounNorm: "مدني"}},
		{Span: s1("3 آذار 2019"), Kind: doc.MDate, Label: "day_month_year", Date: &doc.DateValue{Date: doc.Date{Year: 2019, Month: 3, Day: 3}, Precision: doc.Day}},
		{Span: s2("2-3"), Kind: doc.MNumber, Num: &doc.Quantity{Value: 2, Max: 3, Qual: doc.Range, Ordinal: false}},
		{Span: s1("قصفت"), Kind: doc.MTrigger, Ref: "shell.qasf"},
		{Span: s2("مسؤول"), Kind: doc.MPerson, Source: doc.FromNER, Label: "PER", Score: 0.75},
		{Span: s2("قرى"), Kind: doc.MDate, Date: &doc.DateValue{Relative: true, Hijri: true, End: doc.Date{Year: 2019, Month: 3, Day: 9}}},
	}
	four := 4
	army := doc.ActorRef{ID: "sy.army", Name: "Syrian Army", Inter: 1, Country: "SY", Span: s1("قوات النظام")}
	place := doc.Place{Mention: s1("كفرنبودة"), ID: "gn.1", Name: "Kafr Nabudah", Country: "SY", Admin1: "Hama", Lat: 35.4, Lon: 36.5, HasCoord: true, Feature: "town", GeoPrecision: 1, Reason: "inside Hama"}
	d.Actors = []doc.ActorMention{{ActorRef: army, Generic: true}}
	d.Places = []doc.Place{place, {Mention: s2("قرى"), Reason: "not in the gazetteer"}}
	d.Persons = []doc.Person{{Span: s2("مسؤول"), Role: "مسؤول", Org: &army}}
	d.Events = []doc.Event{{
		EventType: "Explosions/Remote violence", SubEventType: "Shelling/artillery/missile attack", CAMEO: "195",
		Actor1: &army, Actor2: &doc.ActorRef{Name: doc.CiviliansActor}, Assoc2: []doc.ActorRef{{}},
		Location: &place, Date: doc.Date{Year: 2019, Month: 3, Day: 3}, Precision: doc.Day,
		Fatalities: &four, Status: doc.Occurred, ReportedBy: &doc.ActorRef{Name: "Local sources"},
		Trigger: s1("قصفت"), Evidence: d.Sents[0], Confidence: 0.9, Why: []string{"rule a", "rule b"},
	}}
	d.Notes = []doc.Note{
		{Stage: "extract", Msg: "a note about the document"},
		{Stage: "geo", Span: s2("قرى"), Msg: "a note about a word"},
	}
	return d
}

func TestWriteHand(t *testing.T) {
	out := write(t, handDoc(), Options{})
	want := []string{
		"══ doc h1 · hand · published unknown · utf-8",
		`furniture removed: "مقالات ذات صلة" | "` + strings.Repeat("ا", 60) + `…"`,
		"note [extract] a note about the document",
		"",
		"[1] قصفت قوات النظام بلدة كفرنبودة، وقتل 4 مدنيين في 3 آذار 2019.",
		"    trigger قصفت → shell.qasf",
		"    event   Explosions/Remote violence / Shelling/artillery/missile attack (CAMEO 195) occurred; actor1 Syrian Army; actor2 Civilians; assoc2 ?; at كفرنبودة (Kafr Nabudah); on 2019-03-03 (precision 1); fatalities 4; reported by Local sources; trigger \"قصفت\"; confidence 0.90; why: rule a, rule b",
		"    actor   قوات النظام → Syrian Army [sy.army] inter 1 SY (generic phrase, resolved by context)",
		"    place   كفرنبودة → Kafr Nabudah, Hama, SY (35.4000, 36.5000) town geo_precision 1 [gn.1] — inside Hama",
		"    number  4 → ≥4 (at_least, مدني)",
		"    date    3 آذار 2019 → 2019-03-03 (precision 1, day_month_year)",
		"",
		"[2] وقال مسؤول إن 2-3 قرى تضررت.",
		"    ner     مسؤول → PER 0.75",
		"    person  مسؤول (مسؤول) of Syrian Army",
		"    number  2-3 → 2–3 (range)",
		"    date    قرى → unresolved (precision 0, relative, hijri, until 2019-03-09)",
		"    place   قرى → unresolved — not in the gazetteer",
		"    note    [geo] a note about a word",
		"",
		"",
	}
	got := strings.Split(out, "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range max(len(got), len(want)) {
			g, w := "", ""
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("line %d:\ngot  %q\nwant %q", i+1, g, w)
			}
		}
	}
}

// TestWriteDocumentItems checks that items with no place in the text go
// to a [document] section.
func TestWriteDocumentItems(t *testing.T) {
	d := &doc.Doc{Text: "نص", Meta: doc.Meta{ID: "x", Published: doc.Date{Year: 2020, Month: 1, Day: 2}}}
	d.Events = []doc.Event{{EventType: "Protests", SubEventType: "Peaceful protest", CAMEO: "141", Status: doc.Planned}}
	out := write(t, d, Options{})
	if !strings.Contains(out, "published 2020-01-02") ||
		!strings.Contains(out, "\n[document]\n    event   Protests / Peaceful protest (CAMEO 141) planned; confidence 0.00\n") {
		t.Errorf("explain view:\n%s", out)
	}
	if regexp.MustCompile(`\n\[\d+\]`).MatchString(out) {
		t.Errorf("sentences in a document without any:\n%s", out)
	}
}

type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errFull
	}
	w.n--
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	d := handDoc()
	for _, n := range []int{0, 1, 5} {
		w := &failWriter{n: n}
		if err := Write(w, d, Options{}); !errors.Is(err, errFull) {
			t.Errorf("write failing after %d writes: %v", n, err)
		}
	}
}
