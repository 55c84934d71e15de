package contract

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/doc"
)

// text mixes two-byte Arabic letters, three-byte punctuation (“ ” …),
// four-byte emoji and ASCII, so that byte and code-point offsets differ by
// different amounts along it. Written for these tests.
const text = "قصف “مدفعي” 🔥 على بلدة كفرنبودة…\n\nقالت قسد في بيان إن 4 مقاتلين قتلوا في أكتوبر 2014 قرب Tall Abyad."

// span returns the byte span of the n-th (from 0) occurrence of s in text.
func span(t testing.TB, s string, n int) doc.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], s)
		if j < 0 {
			t.Fatalf("%q (occurrence %d) not in the text", s, n)
		}
		if i == n {
			b := int32(from + j)
			return doc.Span{StartByte: b, EndByte: b + int32(len(s))}
		}
		from += j + len(s)
	}
}

// runeSpan is the expected code-point span of the n-th occurrence of s.
func runeSpan(t testing.TB, s string, n int) (int, int) {
	t.Helper()
	sp := span(t, s, n)
	start := utf8.RuneCountInString(text[:sp.StartByte])
	return start, start + utf8.RuneCountInString(s)
}

func intp(n int) *int { return &n }

// handDoc builds a processed document by hand.
func handDoc(t testing.TB) *doc.Doc {
	t.Helper()
	sdf := doc.ActorRef{ID: "sy.sdf", Name: "Syrian Democratic Forces", NameAr: "قوات سوريا الديمقراطية", Inter: 2, Country: "SY", Span: span(t, "قسد", 0)}
	place := doc.Place{Mention: span(t, "كفرنبودة", 0), ID: "gn.1", Name: "Kafr Nabudah", NameAr: "كفرنبودة", Country: "SY",
		Admin1: "Hama", Lat: 35.4, Lon: 36.5, HasCoord: true, Feature: "town", GeoPrecision: 1}
	d := &doc.Doc{
		Text:  text,
		Title: "",
		Meta:  doc.Meta{ID: "d1", Source: "a.txt", Charset: "windows-1256"},
		Places: []doc.Place{
			place,
			{Mention: span(t, "Tall Abyad", 0)}, // unresolved: everything null but the mention
		},
		Actors: []doc.ActorMention{{ActorRef: sdf}, {ActorRef: doc.ActorRef{Name: doc.UnidentifiedActor, Span: span(t, "مقاتلين", 0)}, Generic: true}},
		Persons: []doc.Person{
			{Span: span(t, "قالت", 0), Role: "", Org: &sdf},
		},
		Events: []doc.Event{
			{
				EventType: "Battles", SubEventType: "Armed clash", CAMEO: "190",
				Actor1: &sdf, Assoc1: []doc.ActorRef{{Name: "Allies", Span: span(t, "بيان", 0)}},
				Actor2:   &doc.ActorRef{Name: "Islamic State"}, // inferred: no mention
				Location: &place, Date: doc.Date{Year: 2014, Month: 10}, Precision: doc.Month,
				Fatalities: intp(4), Status: doc.Claimed, ReportedBy: &sdf,
				Evidence: span(t, "قالت قسد في بيان إن 4 مقاتلين قتلوا في أكتوبر 2014 قرب Tall Abyad.", 0), Confidence: 0.8,
			},
			{
				EventType: "Explosions/Remote violence", SubEventType: "Shelling/artillery/missile attack", CAMEO: "195",
				Date: doc.Date{Year: 2019, Month: 11, Day: 10}, Precision: doc.Day, Status: doc.Occurred,
				Evidence: span(t, "قصف “مدفعي” 🔥 على بلدة كفرنبودة…", 0),
			},
		},
		Mentions: []doc.Mention{
			{Span: span(t, "4", 0), Kind: doc.MNumber, Num: &doc.Quantity{Value: 4, NounNorm: "مقاتل"}},
			{Span: span(t, "أكتوبر 2014", 0), Kind: doc.MDate, Date: &doc.DateValue{Date: doc.Date{Year: 2014, Month: 10}, Precision: doc.Month}},
			{Span: span(t, "قسد", 0), Kind: doc.MActor},
		},
	}
	return d
}

// checkOffsets checks string([]rune(a.Text)[start:end]) == mention for
// every mention of a.
func checkOffsets(t testing.TB, a *Article) int {
	t.Helper()
	r := []rune(a.Text)
	n := 0
	check := func(what, mention string, s, e int) {
		t.Helper()
		n++
		if s < 0 || e < s || e > len(r) {
			t.Errorf("%s %q: [%d, %d) out of range", what, mention, s, e)
			return
		}
		if got := string(r[s:e]); got != mention {
			t.Errorf("%s: runes[%d:%d] = %q; mention %q", what, s, e, got, mention)
		}
	}
	a.Spans(check)
	return n
}

func TestRuneOffsets(t *testing.T) {
	a := FromDoc(handDoc(t), Options{Details: true})
	if n := checkOffsets(t, &a); n != 10 {
		t.Errorf("%d mentions checked, want 10", n)
	}
	for _, tc := range []struct {
		what       string
		start, end int
		s          string
		n          int
	}{
		{"place", a.Places[0].Start, a.Places[0].End, "كفرنبودة", 0},
		{"latin place", a.Places[1].Start, a.Places[1].End, "Tall Abyad", 0},
		{"actor", a.Actors[0].Start, a.Actors[0].End, "قسد", 0},
		{"evidence after emoji", a.Events[0].Evidence.Start, a.Events[0].Evidence.End, "قالت قسد في بيان إن 4 مقاتلين قتلوا في أكتوبر 2014 قرب Tall Abyad.", 0},
		{"evidence at 0", a.Events[1].Evidence.Start, a.Events[1].Evidence.End, "قصف “مدفعي” 🔥 على بلدة كفرنبودة…", 0},
	} {
		ws, we := runeSpan(t, tc.s, tc.n)
		if tc.start != ws || tc.end != we {
			t.Errorf("%s: [%d, %d); want [%d, %d)", tc.what, tc.start, tc.end, ws, we)
		}
	}
	// the Latin name sits after multi-byte text: its byte and code-point
	// offsets differ
	if sp := span(t, "Tall Abyad", 0); int(sp.StartByte) == a.Places[1].Start {
		t.Errorf("byte offset %d written as is", sp.StartByte)
	}
	if a.Events[0].Evidence.End != utf8.RuneCountInString(text) {
		t.Errorf("evidence ending the text ends at %d; want %d", a.Events[0].Evidence.End, utf8.RuneCountInString(text))
	}
}

func TestASCIIOffsets(t *testing.T) {
	const ascii = "Shelling hit Tall Abyad on Sunday."
	d := &doc.Doc{Text: ascii, Places: []doc.Place{{Mention: doc.Span{StartByte: 13, EndByte: 23}}}}
	a := FromDoc(d, Options{})
	if p := a.Places[0]; p.Mention != "Tall Abyad" || p.Start != 13 || p.End != 23 {
		t.Errorf("place %+v", p)
	}
}

func TestNulls(t *testing.T) {
	d := handDoc(t)
	a := FromDoc(d, Options{})
	if a.URL != nil || a.Outlet != nil || a.Title != nil || a.Published != nil {
		t.Errorf("url %v outlet %v title %v published %v; want nulls", a.URL, a.Outlet, a.Title, a.Published)
	}
	if a.Language != "ar" || a.DocID != "d1" || a.Text != text {
		t.Errorf("language %q doc_id %q", a.Language, a.DocID)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, s := range []string{
		`"url":null`, `"outlet":null`, `"title":null`, `"published":null`, `"language":"ar"`,
		// the unresolved place
		`{"mention":"Tall Abyad","start":`, `"name":null,"name_ar":null,"country":null,"admin1":null,"admin2":null,"lat":null,"lon":null,"feature":null,"gazetteer_id":null,"geo_precision":null}`,
		// the resolved place's unknown admin2
		`"admin1":"Hama","admin2":null,"lat":35.4,"lon":36.5,"feature":"town","gazetteer_id":"gn.1","geo_precision":1`,
		// an actor without KB entry or inter code
		`"id":null,"name":"Unidentified Armed Group","name_ar":null,"inter":null,"country":null`,
		// a person without a role
		`"role":null,"org":{"name":"Syrian Democratic Forces","mention":"قسد","inter":2,"id":"sy.sdf"}`,
		// an inferred actor2 has no mention; an associate no inter
		`"actor2":{"name":"Islamic State","mention":null}`,
		`"assoc_actor1":[{"name":"Allies","mention":"بيان"}]`,
		// the second event: no actors, location, fatalities or source
		`"actor1":null,"assoc_actor1":[],"actor2":null,"assoc_actor2":[],"location":null,"event_date":"2019-11-10","time_precision":1,"fatalities":null,"status":"occurred","reported_by":null`,
	} {
		if !strings.Contains(js, s) {
			t.Errorf("JSON lacks %s", s)
		}
	}
	for _, s := range []string{`"source"`, `"charset"`, `"numbers"`, `"dates"`} {
		if strings.Contains(js, s) {
			t.Errorf("JSON has %s without Details", s)
		}
	}

	// everything set
	d.Meta.URL, d.Meta.Outlet, d.Title, d.Meta.Published, d.Meta.Language = "https://example.org/1", "example.org", "عنوان", doc.Date{Year: 2019, Month: 11, Day: 10}, "en"
	a = FromDoc(d, Options{})
	if *a.URL != "https://example.org/1" || *a.Outlet != "example.org" || *a.Title != "عنوان" || *a.Published != "2019-11-10" || a.Language != "en" {
		t.Errorf("url %s outlet %s title %s published %s language %s", *a.URL, *a.Outlet, *a.Title, *a.Published, a.Language)
	}

	// an empty document: empty lists, not nulls
	b, err = json.Marshal(FromDoc(&doc.Doc{Meta: doc.Meta{ID: "e"}}, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"doc_id":"e","url":null,"outlet":null,"title":null,"published":null,"language":"ar","text":"","places":[],"actors":[],"persons":[],"events":[]}`
	if string(b) != want {
		t.Errorf("empty doc:\n%s\nwant\n%s", b, want)
	}
}

func TestEventDate(t *testing.T) {
	for _, tc := range []struct {
		name string
		date doc.Date
		prec doc.Precision
		want string // "" for null
		tp   int    // 0 for null
	}{
		{"day", doc.Date{Year: 2018, Month: 6, Day: 21}, doc.Day, "2018-06-21", 1},
		{"week", doc.Date{Year: 2018, Month: 6, Day: 17}, doc.Week, "2018-06-17", 2},
		{"month: the 15th", doc.Date{Year: 2014, Month: 10}, doc.Month, "2014-10-15", 3},
		{"month with a day precision", doc.Date{Year: 2014, Month: 10}, doc.Day, "2014-10-15", 3},
		{"month without precision", doc.Date{Year: 2014, Month: 2}, doc.NoPrecision, "2014-02-15", 3},
		{"year only", doc.Date{Year: 2014}, doc.Year, "", 0},
		{"none", doc.Date{}, doc.NoPrecision, "", 0},
		{"none with a precision", doc.Date{}, doc.Day, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Doc{Text: "نص", Events: []doc.Event{{EventType: "Battles", Date: tc.date, Precision: tc.prec}}}
			ev := FromDoc(d, Options{}).Events[0]
			got, tp := "", 0
			if ev.EventDate != nil {
				got = *ev.EventDate
			}
			if ev.TimePrecision != nil {
				tp = *ev.TimePrecision
			}
			if got != tc.want || tp != tc.tp {
				t.Errorf("event_date %q time_precision %d; want %q %d", got, tp, tc.want, tc.tp)
			}
		})
	}
}

func TestDetails(t *testing.T) {
	a := FromDoc(handDoc(t), Options{Details: true})
	if a.Source != "a.txt" || a.Charset != "windows-1256" {
		t.Errorf("source %q charset %q", a.Source, a.Charset)
	}
	if len(a.Numbers) != 1 || a.Numbers[0].Text != "4" || a.Numbers[0].Value != 4 || a.Numbers[0].Qual != "exact" || a.Numbers[0].Noun != "مقاتل" {
		t.Errorf("numbers %+v", a.Numbers)
	}
	if len(a.Dates) != 1 || a.Dates[0].Text != "أكتوبر 2014" || a.Dates[0].Date != "2014-10" || a.Dates[0].Precision != 3 {
		t.Errorf("dates %+v", a.Dates)
	}
	// a percentage and a range
	const nums = "أكثر من 98 % و 2-3 أشهر"
	pct := doc.Span{StartByte: 0, EndByte: int32(strings.Index(nums, "%") + 1)}
	rng := doc.Span{StartByte: int32(strings.Index(nums, "2-3")), EndByte: int32(strings.Index(nums, "2-3") + 3)}
	d := &doc.Doc{Text: nums, Mentions: []doc.Mention{
		{Span: pct, Kind: doc.MNumber, Num: &doc.Quantity{Value: 98, Qual: doc.MoreThan, Percent: true}},
		{Span: rng, Kind: doc.MNumber, Num: &doc.Quantity{Value: 2, Max: 3, Qual: doc.Range}},
		{Span: rng, Kind: doc.MNumber}, // no value: left out
	}}
	a = FromDoc(d, Options{Details: true})
	if len(a.Numbers) != 2 || a.Numbers[0].Qual != "more_than,percent" || a.Numbers[0].Text != "أكثر من 98 %" ||
		a.Numbers[1].Text != "2-3" || a.Numbers[1].Start != 15 || a.Numbers[1].Max != 3 || a.Numbers[1].Qual != "range" {
		t.Errorf("numbers %+v", a.Numbers)
	}
	checkOffsets(t, &a)

	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(FromDoc(handDoc(t), Options{Details: true})); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"source":"a.txt"`, `"charset":"windows-1256"`, `"numbers":[{"text":"4"`, `"dates":[{"text":"أكتوبر 2014"`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("JSON with Details lacks %s", s)
		}
	}
}

// TestRoundTrip checks that the output reads back into the same value.
func TestRoundTrip(t *testing.T) {
	a := FromDoc(handDoc(t), Options{Details: true})
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back Article
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	c, _ := json.Marshal(back)
	if !bytes.Equal(b, c) {
		t.Errorf("round trip:\n%s\n%s", b, c)
	}
}
