// Package contract writes rasd's output contract (../shared/design/contract.md
// section 1): one JSON object per article with its clean text and every
// place, actor, person and event found in it, offsets in Unicode code points.
//
// It is the last stage: it reads a finished doc.Doc and converts byte
// offsets to code points through one table per document.
package contract

import (
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/doc"
)

// Article is one output object.
type Article struct {
	DocID     string   `json:"doc_id"`
	URL       *string  `json:"url"`
	Outlet    *string  `json:"outlet"`
	Title     *string  `json:"title"`
	Published *string  `json:"published"`
	Language  string   `json:"language"`
	Text      string   `json:"text"`
	Places    []Place  `json:"places"`
	Actors    []Actor  `json:"actors"`
	Persons   []Person `json:"persons"`
	Events    []Event  `json:"events"`
	// Source (where the input came from) and Charset (what it was decoded
	// from) are diagnostics, filled only with Options.Details, so that the
	// same article gives the same output whatever its file name or
	// encoding.
	Source  string    `json:"source,omitempty"`
	Charset string    `json:"charset,omitempty"`
	Numbers []Number  `json:"numbers,omitempty"`
	Dates   []DateOut `json:"dates,omitempty"`
}

// Place is a toponym mention, resolved where possible.
type Place struct {
	Mention      string   `json:"mention"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Name         *string  `json:"name"`
	NameAr       *string  `json:"name_ar"`
	Country      *string  `json:"country"`
	Admin1       *string  `json:"admin1"`
	Admin2       *string  `json:"admin2"`
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	Feature      *string  `json:"feature"`
	GazetteerID  *string  `json:"gazetteer_id"`
	GeoPrecision *int     `json:"geo_precision"`
}

// Actor is an actor mention resolved to a canonical entry.
type Actor struct {
	Mention string  `json:"mention"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	ID      *string `json:"id"`
	Name    *string `json:"name"`
	NameAr  *string `json:"name_ar"`
	Inter   *int    `json:"inter"`
	Country *string `json:"country"`
}

// ActorRef is an event's actor.
type ActorRef struct {
	Name    *string `json:"name"`
	Mention *string `json:"mention"`
	Inter   *int    `json:"inter,omitempty"`
	ID      *string `json:"id,omitempty"`
}

// Person is a person mention, linked to an organisation when the text says so.
type Person struct {
	Mention string    `json:"mention"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Role    *string   `json:"role"`
	Org     *ActorRef `json:"org"`
}

// Evidence is the text an event was coded from.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Event is one ACLED-coded event.
type Event struct {
	EventType     string     `json:"event_type"`
	SubEventType  string     `json:"sub_event_type"`
	CAMEO         string     `json:"cameo"`
	Actor1        *ActorRef  `json:"actor1"`
	AssocActor1   []ActorRef `json:"assoc_actor1"`
	Actor2        *ActorRef  `json:"actor2"`
	AssocActor2   []ActorRef `json:"assoc_actor2"`
	Location      *Place     `json:"location"`
	EventDate     *string    `json:"event_date"`
	TimePrecision *int       `json:"time_precision"`
	Fatalities    *int       `json:"fatalities"`
	Status        string     `json:"status"`
	ReportedBy    *ActorRef  `json:"reported_by"`
	Evidence      Evidence   `json:"evidence"`
	Confidence    float64    `json:"confidence"`
}

// Number is a number expression (debug output, with --numbers).
type Number struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Value float64 `json:"value"`
	Max   float64 `json:"max,omitempty"`
	Qual  string  `json:"qualifier"`
	Noun  string  `json:"noun,omitempty"`
}

// DateOut is a date expression (debug output).
type DateOut struct {
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Date      string `json:"date"`
	Precision int    `json:"time_precision"`
}

// Options selects optional output.
type Options struct {
	// Details adds the input's source and charset and the numbers and
	// dates found (not part of the contract).
	Details bool
}

// FromDoc converts a processed document to its output object.
func FromDoc(d *doc.Doc, opt Options) Article {
	c := newConverter(d.Text)
	a := Article{
		DocID:     d.Meta.ID,
		URL:       str(d.Meta.URL),
		Outlet:    str(d.Meta.Outlet),
		Title:     str(d.Title),
		Published: str(d.Meta.Published.String()),
		Language:  d.Meta.Language,
		Text:      d.Text,
		Places:    []Place{},
		Actors:    []Actor{},
		Persons:   []Person{},
		Events:    []Event{},
	}
	if a.Language == "" {
		a.Language = "ar"
	}
	for i := range d.Places {
		a.Places = append(a.Places, c.place(d, &d.Places[i]))
	}
	for _, am := range d.Actors {
		s, e := c.span(am.Span)
		a.Actors = append(a.Actors, Actor{
			Mention: d.SpanText(am.Span), Start: s, End: e,
			ID: str(am.ID), Name: str(am.Name), NameAr: str(am.NameAr), Inter: posInt(am.Inter), Country: str(am.Country),
		})
	}
	for _, p := range d.Persons {
		s, e := c.span(p.Span)
		out := Person{Mention: d.SpanText(p.Span), Start: s, End: e, Role: str(p.Role)}
		if p.Org != nil {
			out.Org = actorRef(d, p.Org)
		}
		a.Persons = append(a.Persons, out)
	}
	for i := range d.Events {
		a.Events = append(a.Events, c.event(d, &d.Events[i]))
	}
	if opt.Details {
		a.Source, a.Charset = d.Meta.Source, d.Meta.Charset
		for _, m := range d.Mentions {
			s, e := c.span(m.Span)
			switch {
			case m.Kind == doc.MNumber && m.Num != nil:
				n := Number{Text: d.SpanText(m.Span), Start: s, End: e, Value: m.Num.Value, Max: m.Num.Max, Qual: m.Num.Qual.String(), Noun: m.Num.NounNorm}
				if m.Num.Percent {
					n.Qual += ",percent"
				}
				a.Numbers = append(a.Numbers, n)
			case m.Kind == doc.MDate && m.Date != nil:
				a.Dates = append(a.Dates, DateOut{Text: d.SpanText(m.Span), Start: s, End: e, Date: m.Date.Date.String(), Precision: m.Date.Precision.ACLED()})
			}
		}
	}
	return a
}

func (c *converter) place(d *doc.Doc, p *doc.Place) Place {
	s, e := c.span(p.Mention)
	out := Place{
		Mention: d.SpanText(p.Mention), Start: s, End: e,
		Name: str(p.Name), NameAr: str(p.NameAr), Country: str(p.Country),
		Admin1: str(p.Admin1), Admin2: str(p.Admin2), Feature: str(p.Feature),
		GazetteerID: str(p.ID), GeoPrecision: posInt(p.GeoPrecision),
	}
	if p.HasCoord {
		lat, lon := p.Lat, p.Lon
		out.Lat, out.Lon = &lat, &lon
	}
	return out
}

func (c *converter) event(d *doc.Doc, ev *doc.Event) Event {
	s, e := c.span(ev.Evidence)
	out := Event{
		EventType: ev.EventType, SubEventType: ev.SubEventType, CAMEO: ev.CAMEO,
		Actor1: actorRef(d, ev.Actor1), Actor2: actorRef(d, ev.Actor2),
		AssocActor1: []ActorRef{}, AssocActor2: []ActorRef{},
		Fatalities: ev.Fatalities,
		Status:     string(ev.Status),
		ReportedBy: actorRef(d, ev.ReportedBy),
		Evidence:   Evidence{Start: s, End: e, Text: d.SpanText(ev.Evidence)},
		Confidence: ev.Confidence,
	}
	out.EventDate, out.TimePrecision = eventDate(ev.Date, ev.Precision)
	for i := range ev.Assoc1 {
		out.AssocActor1 = append(out.AssocActor1, *actorRef(d, &ev.Assoc1[i]))
	}
	for i := range ev.Assoc2 {
		out.AssocActor2 = append(out.AssocActor2, *actorRef(d, &ev.Assoc2[i]))
	}
	if ev.Location != nil {
		p := c.place(d, ev.Location)
		out.Location = &p
	}
	return out
}

// eventDate formats an event date and its time_precision. A date known
// only to the month is written as the 15th, the middle of the period, with
// time_precision 3 saying how much of it is known; a year alone gives no
// date, and no date has no precision.
func eventDate(d doc.Date, p doc.Precision) (*string, *int) {
	switch {
	case d.Month == 0:
		return nil, nil
	case d.Day == 0:
		d.Day = 15
		p = max(p, doc.Month)
	}
	return str(d.String()), posInt(p.ACLED())
}

func actorRef(d *doc.Doc, a *doc.ActorRef) *ActorRef {
	if a == nil {
		return nil
	}
	r := &ActorRef{Name: str(a.Name), Inter: posInt(a.Inter), ID: str(a.ID)}
	if a.Span.EndByte > a.Span.StartByte {
		r.Mention = str(d.SpanText(a.Span))
	}
	return r
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func posInt(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

// converter maps byte offsets of one text to code-point offsets.
type converter struct {
	text  string
	runes []int32 // runes[b] = number of runes before byte b (only at rune starts and len)
}

func newConverter(text string) *converter {
	c := &converter{text: text}
	if isASCII(text) {
		return c
	}
	c.runes = make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, w := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < w; k++ {
			c.runes[i+k] = n
		}
		i += w
		n++
	}
	c.runes[len(text)] = n
	return c
}

// Runes converts a byte offset to a code-point offset.
func (c *converter) Runes(b int32) int {
	if c.runes == nil {
		return int(b)
	}
	return int(c.runes[b])
}

func (c *converter) span(s doc.Span) (int, int) {
	return c.Runes(s.StartByte), c.Runes(s.EndByte)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Spans calls fn for every text span of a, in this order: places, actors,
// persons, event evidence and locations, numbers, dates. what names the
// kind ("place", "evidence"); text is the mention as output, which the
// contract requires to equal string([]rune(a.Text)[start:end]). Consumers
// that highlight an article (the dashboard, checks) walk it this way.
func (a *Article) Spans(fn func(what, text string, start, end int)) {
	for _, p := range a.Places {
		fn("place", p.Mention, p.Start, p.End)
	}
	for _, x := range a.Actors {
		fn("actor", x.Mention, x.Start, x.End)
	}
	for _, p := range a.Persons {
		fn("person", p.Mention, p.Start, p.End)
	}
	for _, ev := range a.Events {
		fn("evidence", ev.Evidence.Text, ev.Evidence.Start, ev.Evidence.End)
		if ev.Location != nil {
			fn("location", ev.Location.Mention, ev.Location.Start, ev.Location.End)
		}
	}
	for _, n := range a.Numbers {
		fn("number", n.Text, n.Start, n.End)
	}
	for _, d := range a.Dates {
		fn("date", d.Text, d.Start, d.End)
	}
}
