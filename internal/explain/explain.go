// Package explain writes the human-readable view of a processed document:
// its sentences, and under each one the tokens, numbers, dates, actors,
// places and events found in it, with the reasons stages gave. It is the
// tool for seeing why rasd read an article the way it did.
package explain

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/rasd-project/rasd/internal/doc"
)

// Options selects what to show.
type Options struct {
	// Tokens lists every token with its normalized form and kind.
	Tokens bool
}

// Write writes the explain view of d.
func Write(w io.Writer, d *doc.Doc, opt Options) error {
	ew := &errWriter{w: w}
	pub := d.Meta.Published.String()
	if pub == "" {
		pub = "unknown"
	}
	ew.printf("══ doc %s · %s · published %s · %s\n", d.Meta.ID, d.Meta.Source, pub, d.Meta.Charset)
	if d.Title != "" {
		ew.printf("title: %s\n", d.Title)
	}
	if len(d.Meta.Removed) > 0 {
		ew.printf("furniture removed: %s\n", quoteAll(d.Meta.Removed, 60))
	}
	for _, n := range d.Notes {
		if n.Span.EndByte == 0 {
			ew.printf("note [%s] %s\n", n.Stage, n.Msg)
		}
	}
	items := collect(d)
	for si, s := range d.Sents {
		ew.printf("\n[%d] %s\n", si+1, oneLine(d.SpanText(s)))
		if opt.Tokens {
			var b strings.Builder
			for i := s.Start; i < s.End; i++ {
				t := d.Tokens[i]
				fmt.Fprintf(&b, " %s", d.TokText(int(i)))
				if n := d.TokNorm(int(i)); n != d.TokText(int(i)) {
					fmt.Fprintf(&b, "→%s", n)
				}
				fmt.Fprintf(&b, "/%s", t.Kind)
			}
			ew.printf("    tokens:%s\n", b.String())
		}
		for _, it := range items[si] {
			ew.printf("    %-7s %s\n", it.kind, it.text)
		}
	}
	if rest := items[-1]; len(rest) > 0 {
		ew.printf("\n[document]\n")
		for _, it := range rest {
			ew.printf("    %-7s %s\n", it.kind, it.text)
		}
	}
	ew.printf("\n")
	return ew.err
}

type item struct {
	pos  int32
	kind string
	text string
}

// collect groups everything found by the sentence it is in (-1: none).
func collect(d *doc.Doc) map[int][]item {
	out := map[int][]item{}
	add := func(s doc.Span, kind, text string) {
		si := -1
		if s.EndByte > 0 || s.StartByte > 0 {
			si = d.SentenceOf(int(s.Start))
		}
		out[si] = append(out[si], item{s.StartByte, kind, text})
	}
	for _, m := range d.Mentions {
		switch {
		case m.Kind == doc.MNumber && m.Num != nil:
			add(m.Span, "number", fmt.Sprintf("%s → %s", d.SpanText(m.Span), quantity(m.Num)))
		case m.Kind == doc.MDate && m.Date != nil:
			add(m.Span, "date", fmt.Sprintf("%s → %s", d.SpanText(m.Span), dateValue(m.Date, m.Label)))
		case m.Kind == doc.MTrigger:
			add(m.Span, "trigger", fmt.Sprintf("%s → %s", d.SpanText(m.Span), m.Ref))
		case m.Source == doc.FromNER:
			add(m.Span, "ner", fmt.Sprintf("%s → %s %.2f", d.SpanText(m.Span), m.Label, m.Score))
		}
	}
	for _, a := range d.Actors {
		s := fmt.Sprintf("%s → %s", d.SpanText(a.Span), orQ(a.Name))
		if a.ID != "" {
			s += " [" + a.ID + "]"
		}
		if a.Inter > 0 {
			s += " inter " + strconv.Itoa(a.Inter)
		}
		if a.Country != "" {
			s += " " + a.Country
		}
		if a.Generic {
			s += " (generic phrase, resolved by context)"
		}
		add(a.Span, "actor", s)
	}
	for _, p := range d.Places {
		add(p.Mention, "place", fmt.Sprintf("%s → %s", d.SpanText(p.Mention), place(&p)))
	}
	for _, p := range d.Persons {
		s := d.SpanText(p.Span)
		if p.Role != "" {
			s += " (" + p.Role + ")"
		}
		if p.Org != nil {
			s += " of " + p.Org.Name
		}
		add(p.Span, "person", s)
	}
	for _, ev := range d.Events {
		add(ev.Evidence, "event", event(d, &ev))
	}
	for _, n := range d.Notes {
		if n.Span.EndByte > 0 {
			add(n.Span, "note", "["+n.Stage+"] "+n.Msg)
		}
	}
	for k := range out {
		sort.SliceStable(out[k], func(i, j int) bool { return out[k][i].pos < out[k][j].pos })
	}
	return out
}

func quantity(q *doc.Quantity) string {
	var b strings.Builder
	switch q.Qual {
	case doc.MoreThan:
		b.WriteString(">")
	case doc.AtLeast:
		b.WriteString("≥")
	case doc.LessThan:
		b.WriteString("<")
	case doc.AtMost:
		b.WriteString("≤")
	case doc.Approx:
		b.WriteString("~")
	}
	b.WriteString(num(q.Value))
	if q.Qual == doc.Range && q.Max != 0 {
		b.WriteString("–" + num(q.Max))
	}
	if q.Percent {
		b.WriteString(" %")
	}
	b.WriteString(" (" + q.Qual.String())
	if q.Ordinal {
		b.WriteString(", ordinal")
	}
	if q.NounNorm != "" {
		b.WriteString(", " + q.NounNorm)
	}
	b.WriteString(")")
	return b.String()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func dateValue(v *doc.DateValue, rule string) string {
	s := v.Date.String()
	if s == "" {
		s = "unresolved"
	}
	s += fmt.Sprintf(" (precision %d", v.Precision.ACLED())
	if v.Relative {
		s += ", relative"
	}
	if v.Hijri {
		s += ", hijri"
	}
	if !v.End.IsZero() {
		s += ", until " + v.End.String()
	}
	if rule != "" {
		s += ", " + rule
	}
	return s + ")"
}

func place(p *doc.Place) string {
	if p.ID == "" && p.Name == "" {
		s := "unresolved"
		if p.Reason != "" {
			s += " — " + p.Reason
		}
		return s
	}
	parts := []string{orQ(p.Name)}
	for _, a := range []string{p.Admin2, p.Admin1, p.Country} {
		if a != "" && a != p.Name {
			parts = append(parts, a)
		}
	}
	s := strings.Join(parts, ", ")
	if p.HasCoord {
		s += fmt.Sprintf(" (%.4f, %.4f)", p.Lat, p.Lon)
	}
	if p.Feature != "" {
		s += " " + p.Feature
	}
	if p.GeoPrecision > 0 {
		s += fmt.Sprintf(" geo_precision %d", p.GeoPrecision)
	}
	if p.ID != "" {
		s += " [" + p.ID + "]"
	}
	if p.Reason != "" {
		s += " — " + p.Reason
	}
	return s
}

func event(d *doc.Doc, ev *doc.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s / %s (CAMEO %s) %s", ev.EventType, ev.SubEventType, ev.CAMEO, ev.Status)
	actor := func(label string, a *doc.ActorRef) {
		if a != nil {
			fmt.Fprintf(&b, "; %s %s", label, orQ(a.Name))
		}
	}
	actor("actor1", ev.Actor1)
	for i := range ev.Assoc1 {
		actor("assoc1", &ev.Assoc1[i])
	}
	actor("actor2", ev.Actor2)
	for i := range ev.Assoc2 {
		actor("assoc2", &ev.Assoc2[i])
	}
	if ev.Location != nil {
		fmt.Fprintf(&b, "; at %s (%s)", d.SpanText(ev.Location.Mention), orQ(ev.Location.Name))
	}
	if s := ev.Date.String(); s != "" {
		fmt.Fprintf(&b, "; on %s (precision %d)", s, ev.Precision.ACLED())
	}
	if ev.Fatalities != nil {
		fmt.Fprintf(&b, "; fatalities %d", *ev.Fatalities)
	}
	if ev.ReportedBy != nil {
		fmt.Fprintf(&b, "; reported by %s", orQ(ev.ReportedBy.Name))
	}
	if ev.Trigger.EndByte > ev.Trigger.StartByte {
		fmt.Fprintf(&b, "; trigger %q", d.SpanText(ev.Trigger))
	}
	fmt.Fprintf(&b, "; confidence %.2f", ev.Confidence)
	if len(ev.Why) > 0 {
		fmt.Fprintf(&b, "; why: %s", strings.Join(ev.Why, ", "))
	}
	return b.String()
}

func orQ(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func quoteAll(ss []string, max int) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		s = oneLine(s)
		if r := []rune(s); len(r) > max {
			s = string(r[:max]) + "…"
		}
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, " | ")
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
