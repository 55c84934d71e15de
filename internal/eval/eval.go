// Package eval scores rasd output against gold annotations. It computes the
// same figures as ../shared/eval/score.py (the contract's section 3), with
// the same normalization and matching, and lists the errors per document
// for error analysis.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Doc is one annotated or predicted article, in the contract's JSON shape.
// Gold actors carry "mentions"; predicted actors carry "mention".
type Doc struct {
	DocID     string         `json:"doc_id"`
	Published string         `json:"published"`
	Text      string         `json:"text"`
	Places    []Place        `json:"places"`
	Actors    []Actor        `json:"actors"`
	Events    []Event        `json:"events"`
	Raw       map[string]any `json:"-"`
}

// Place is a place annotation or prediction.
type Place struct {
	Mention string   `json:"mention"`
	Name    string   `json:"name"`
	NameAr  string   `json:"name_ar"`
	Country string   `json:"country"`
	Admin1  string   `json:"admin1"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

// Actor is an actor annotation (Mentions) or prediction (Mention).
type Actor struct {
	Name     string   `json:"name"`
	NameAr   string   `json:"name_ar"`
	Mention  string   `json:"mention"`
	Mentions []string `json:"mentions"`
}

// ActorRef is an event's actor: a name in gold, an object in predictions.
type ActorRef struct {
	Name    string
	Mention string
	NameAr  string
	Null    bool
}

// UnmarshalJSON accepts a string, an object or null.
func (a *ActorRef) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		a.Null = true
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		a.Name = s
		return nil
	}
	var o struct {
		Name    *string `json:"name"`
		Mention *string `json:"mention"`
		NameAr  *string `json:"name_ar"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	if o.Name != nil {
		a.Name = *o.Name
	}
	if o.Mention != nil {
		a.Mention = *o.Mention
	}
	if o.NameAr != nil {
		a.NameAr = *o.NameAr
	}
	return nil
}

// Location is an event location: a mention string in gold, a place object
// in predictions.
type Location struct {
	Null  bool
	Str   string
	Place *Place
}

// UnmarshalJSON accepts a string, an object or null.
func (l *Location) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		l.Null = true
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		l.Str = s
		return nil
	}
	var p Place
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	l.Place = &p
	return nil
}

// Event is an event annotation or prediction.
type Event struct {
	EventType    string    `json:"event_type"`
	SubEventType string    `json:"sub_event_type"`
	Actor1       *ActorRef `json:"actor1"`
	Actor2       *ActorRef `json:"actor2"`
	Location     *Location `json:"location"`
	EventDate    *string   `json:"event_date"`
	Fatalities   *float64  `json:"fatalities"`
	Status       string    `json:"status"`
	Evidence     any       `json:"evidence"`
}

// Load reads a JSON Lines file of documents keyed by doc_id (later lines
// with the same id win, as in score.py).
func Load(r io.Reader, name string) (map[string]*Doc, []string, error) {
	docs := map[string]*Doc{}
	var order []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d Doc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: not JSON: %w", name, n, err)
		}
		var raw map[string]any
		_ = json.Unmarshal([]byte(line), &raw)
		d.Raw = raw
		if _, ok := docs[d.DocID]; !ok {
			order = append(order, d.DocID)
		}
		docs[d.DocID] = &d
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return docs, order, nil
}

var (
	diacritics = regexp.MustCompile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
	punctChars = "\"'“”«»()[]{}.,،؛:;!?؟-_/"
)

// NormAr normalizes an Arabic name for comparison exactly as score.py's
// norm_ar does.
func NormAr(s string) string {
	if s == "" {
		return ""
	}
	s = norm.NFKC.String(s)
	s = diacritics.ReplaceAllString(s, "")
	s = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه").Replace(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune(punctChars, r) {
			return ' '
		}
		return r
	}, s)
	var words []string
	for _, w := range strings.Fields(s) {
		stripped := false
		for _, pre := range []string{"وال", "فال", "بال", "كال", "لل", "ال"} {
			if strings.HasPrefix(w, pre) && runes(w)-runes(pre) >= 2 {
				w = w[len(pre):]
				stripped = true
				break
			}
		}
		if !stripped && runes(w) >= 4 && strings.ContainsRune("وفبلك", firstRune(w)) {
			_, n := firstRuneLen(w)
			w = w[n:]
			if strings.HasPrefix(w, "ال") && runes(w) >= 4 {
				w = w[len("ال"):]
			}
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

func runes(s string) int { return len([]rune(s)) }

func firstRune(s string) rune {
	r, _ := firstRuneLen(s)
	return r
}

func firstRuneLen(s string) (rune, int) {
	for i, r := range s {
		_ = i
		return r, len(string(r))
	}
	return 0, 0
}

var genericHeads = map[string]bool{"تنظيم": true, "حركه": true, "جماعه": true, "ميليشيا": true, "مليشيا": true,
	"ميليشيات": true, "قوات": true, "فصيل": true, "فصائل": true}

// actorKey is the normalized actor mention without a leading generic head.
func actorKey(s string) string {
	w := strings.Fields(NormAr(s))
	if len(w) > 1 && genericHeads[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

func normEn(s string) string {
	return strings.TrimSpace(nonAlnum.ReplaceAllString(strings.ToLower(s), " "))
}

func km(a, b *Place) (float64, bool) {
	if a == nil || b == nil || a.Lat == nil || a.Lon == nil || b.Lat == nil || b.Lon == nil {
		return 0, false
	}
	rad := math.Pi / 180
	la1, lo1, la2, lo2 := *a.Lat*rad, *a.Lon*rad, *b.Lat*rad, *b.Lon*rad
	h := math.Pow(math.Sin((la2-la1)/2), 2) + math.Cos(la1)*math.Cos(la2)*math.Pow(math.Sin((lo2-lo1)/2), 2)
	return 6371 * 2 * math.Asin(math.Min(1, math.Sqrt(h))), true
}

const civilians = "Civilians"

func goldActorIndex(g *Doc) map[string]string {
	idx := map[string]string{normEn(civilians): civilians}
	for _, m := range []string{"مدنيين", "مدنيون", "مدنيا", "مدني", "مدنية", "المدنيين", "الأهالي", "السكان"} {
		idx[actorKey(m)] = civilians
	}
	for _, a := range g.Actors {
		idx[normEn(a.Name)] = a.Name
		for _, m := range a.Mentions {
			idx[actorKey(m)] = a.Name
		}
	}
	return idx
}

var unidentified = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range []string{"مجهولون", "مجهولين", "مسلحون مجهولون", "مسلحين مجهولين", "مجهول", "مسلحين", "مسلحون"} {
		m[NormAr(u)] = true
	}
	return m
}()

func isUnidentified(name, mention string) bool {
	n := normEn(name)
	return strings.Contains(n, "unidentified") || strings.Contains(n, "unknown") || unidentified[NormAr(mention)]
}

// goldActor returns "" for no actor.
func goldActor(name string) string {
	if name != "" && isUnidentified(name, "") {
		return ""
	}
	return name
}

func resolveActor(a *ActorRef, idx map[string]string) string {
	if a == nil || a.Null || (a.Name == "" && a.Mention == "" && a.NameAr == "") || isUnidentified(a.Name, a.Mention) {
		return ""
	}
	for _, k := range []string{actorKey(a.Mention), normEn(a.Name), actorKey(a.NameAr)} {
		if k != "" {
			if v, ok := idx[k]; ok {
				return v
			}
		}
	}
	s := a.Name
	if s == "" {
		s = a.Mention
	}
	return "?" + s
}

func placeKeyStr(s string) string { return NormAr(s) }

func placeKey(p *Place) string {
	if p.Mention != "" {
		return NormAr(p.Mention)
	}
	return NormAr(p.NameAr)
}

func locKey(l *Location) (string, bool) {
	switch {
	case l == nil || l.Null:
		return "", false
	case l.Place != nil:
		return placeKey(l.Place), true
	}
	return placeKeyStr(l.Str), true
}

func locationsAgree(g, s *Location, goldPlaces []Place) bool {
	gk, gok := locKey(g)
	_, sok := locKey(s)
	if !gok && !sok {
		return true
	}
	if !gok || !sok || s.Place == nil && s.Str == "" {
		return false
	}
	var sp *Place
	if s.Place != nil {
		sp = s.Place
	} else {
		sp = &Place{Mention: s.Str}
	}
	if gk != "" && (gk == placeKey(sp) || gk == NormAr(sp.NameAr)) {
		return true
	}
	if normEn(sp.Name) != "" {
		for i := range goldPlaces {
			if normEn(goldPlaces[i].Name) == normEn(sp.Name) && placeKey(&goldPlaces[i]) == gk {
				return true
			}
		}
	}
	for i := range goldPlaces {
		if placeKey(&goldPlaces[i]) == gk {
			if d, ok := km(&goldPlaces[i], sp); ok && d <= 10 {
				return true
			}
			break
		}
	}
	return false
}

// PRF is precision, recall and F1 with their counts.
type PRF struct {
	P, R, F1   float64
	TP, FP, FN int
}

// Acc is an accuracy over n items (Valid false when n is 0).
type Acc struct {
	Acc   float64
	N     int
	Valid bool
}

// Report is the scorer's result.
type Report struct {
	Docs, DocsMissing                                     int
	Place, Actor, Event                                   PRF
	PlaceResolution, PlaceWithin25km                      Acc
	EventSubtype, EventActors, EventDate, EventFatalities Acc
	PerDoc                                                []DocErrors
}

func prf(tp, fp, fn int) PRF {
	p, r, f := 0.0, 0.0, 0.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f, tp, fp, fn}
}

func acc(ok, n int) Acc {
	if n == 0 {
		return Acc{}
	}
	return Acc{Acc: float64(ok) / float64(n), N: n, Valid: true}
}

// Score compares predictions to gold, in gold's document order.
func Score(gold map[string]*Doc, order []string, pred map[string]*Doc) Report {
	c := map[string]int{}
	var per []DocErrors
	for _, id := range order {
		g := gold[id]
		p, ok := pred[id]
		if !ok {
			c["docs_missing"]++
			p = &Doc{DocID: id}
		}
		de := DocErrors{DocID: id}
		// places
		gp := map[string]*Place{}
		for i := range g.Places {
			if k := placeKey(&g.Places[i]); k != "" {
				gp[k] = &g.Places[i]
			}
		}
		sp := map[string]*Place{}
		for i := range p.Places {
			if k := placeKey(&p.Places[i]); k != "" {
				if _, dup := sp[k]; !dup {
					sp[k] = &p.Places[i]
				}
			}
		}
		for k, gx := range gp {
			sx, ok := sp[k]
			if !ok {
				c["place_fn"]++
				de.MissedPlaces = append(de.MissedPlaces, gx.Mention)
				continue
			}
			c["place_tp"]++
			c["place_res_n"]++
			good := strings.EqualFold(gx.Country, sx.Country)
			if gx.Admin1 != "" {
				good = good && normEn(gx.Admin1) == normEn(sx.Admin1)
			}
			if gx.Lat != nil {
				c["place_dist_n"]++
				d, okd := km(gx, sx)
				if okd && d <= 25 {
					c["place_dist_ok"]++
				}
				good = good && okd && d <= 25
			}
			if good {
				c["place_res_ok"]++
			} else {
				de.WrongPlaces = append(de.WrongPlaces, fmt.Sprintf("%s: gold %s/%s, got %s %s/%s", gx.Mention, gx.Country, gx.Admin1, sx.Name, sx.Country, sx.Admin1))
			}
		}
		for k, sx := range sp {
			if _, ok := gp[k]; !ok {
				c["place_fp"]++
				de.SpuriousPlaces = append(de.SpuriousPlaces, sx.Mention)
			}
		}
		// actors
		idx := goldActorIndex(g)
		ga := map[string]bool{}
		for _, a := range g.Actors {
			if n := goldActor(a.Name); n != "" && n != civilians {
				ga[n] = true
			}
		}
		sa := map[string]string{}
		for _, a := range p.Actors {
			r := resolveActor(&ActorRef{Name: a.Name, Mention: a.Mention, NameAr: a.NameAr}, idx)
			if r != "" && r != civilians {
				sa[r] = a.Mention
			}
		}
		for a := range ga {
			if _, ok := sa[a]; ok {
				c["actor_tp"]++
			} else {
				c["actor_fn"]++
				de.MissedActors = append(de.MissedActors, a)
			}
		}
		for a, m := range sa {
			if !ga[a] {
				c["actor_fp"]++
				de.SpuriousActors = append(de.SpuriousActors, fmt.Sprintf("%s (%s)", strings.TrimPrefix(a, "?"), m))
			}
		}
		// events
		used := map[int]bool{}
		type pair struct{ g, s *Event }
		var matched []pair
		for gi := range g.Events {
			ge := &g.Events[gi]
			found := false
			for si := range p.Events {
				se := &p.Events[si]
				if used[si] || se.EventType != ge.EventType {
					continue
				}
				if locationsAgree(ge.Location, se.Location, g.Places) {
					used[si] = true
					matched = append(matched, pair{ge, se})
					found = true
					break
				}
			}
			if !found {
				de.MissedEvents = append(de.MissedEvents, describe(ge))
			}
		}
		for si := range p.Events {
			if !used[si] {
				de.SpuriousEvents = append(de.SpuriousEvents, describe(&p.Events[si]))
			}
		}
		c["event_tp"] += len(matched)
		c["event_fp"] += len(p.Events) - len(matched)
		c["event_fn"] += len(g.Events) - len(matched)
		for _, m := range matched {
			ge, se := m.g, m.s
			c["sub_n"]++
			if ge.SubEventType == se.SubEventType {
				c["sub_ok"]++
			} else {
				de.WrongEvents = append(de.WrongEvents, fmt.Sprintf("sub-event: gold %q, got %q at %s", ge.SubEventType, se.SubEventType, locStr(ge.Location)))
			}
			g1, g2 := goldActor(refName(ge.Actor1)), goldActor(refName(ge.Actor2))
			s1, s2 := resolveActor(se.Actor1, idx), resolveActor(se.Actor2, idx)
			c["actors_n"]++
			var good bool
			if ge.EventType == "Violence against civilians" {
				good = g1 == s1 && g2 == s2
			} else {
				good = (g1 == s1 && g2 == s2) || (g1 == s2 && g2 == s1)
			}
			if good {
				c["actors_ok"]++
			} else {
				de.WrongEvents = append(de.WrongEvents, fmt.Sprintf("actors: gold {%s, %s}, got {%s, %s} (%s at %s)", orNone(g1), orNone(g2), orNone(s1), orNone(s2), ge.SubEventType, locStr(ge.Location)))
			}
			if ge.EventDate != nil && *ge.EventDate != "" {
				c["date_n"]++
				if se.EventDate != nil && *se.EventDate == *ge.EventDate {
					c["date_ok"]++
				} else {
					de.WrongEvents = append(de.WrongEvents, fmt.Sprintf("date: gold %s, got %s (%s at %s)", *ge.EventDate, strOr(se.EventDate), ge.SubEventType, locStr(ge.Location)))
				}
			}
			if ge.Fatalities != nil {
				c["fat_n"]++
				if se.Fatalities != nil && *se.Fatalities == *ge.Fatalities {
					c["fat_ok"]++
				} else {
					de.WrongEvents = append(de.WrongEvents, fmt.Sprintf("fatalities: gold %v, got %s (%s at %s)", *ge.Fatalities, fatStr(se.Fatalities), ge.SubEventType, locStr(ge.Location)))
				}
			}
		}
		de.Gold, de.Pred, de.Matched = len(g.Events), len(p.Events), len(matched)
		per = append(per, de)
	}
	return Report{
		Docs: len(order), DocsMissing: c["docs_missing"],
		Place:           prf(c["place_tp"], c["place_fp"], c["place_fn"]),
		Actor:           prf(c["actor_tp"], c["actor_fp"], c["actor_fn"]),
		Event:           prf(c["event_tp"], c["event_fp"], c["event_fn"]),
		PlaceResolution: acc(c["place_res_ok"], c["place_res_n"]),
		PlaceWithin25km: acc(c["place_dist_ok"], c["place_dist_n"]),
		EventSubtype:    acc(c["sub_ok"], c["sub_n"]),
		EventActors:     acc(c["actors_ok"], c["actors_n"]),
		EventDate:       acc(c["date_ok"], c["date_n"]),
		EventFatalities: acc(c["fat_ok"], c["fat_n"]),
		PerDoc:          per,
	}
}

func refName(a *ActorRef) string {
	if a == nil || a.Null {
		return ""
	}
	return a.Name
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return strings.TrimPrefix(s, "?")
}

func strOr(s *string) string {
	if s == nil || *s == "" {
		return "null"
	}
	return *s
}

func fatStr(f *float64) string {
	if f == nil {
		return "null"
	}
	return fmt.Sprint(*f)
}

func locStr(l *Location) string {
	switch {
	case l == nil || l.Null:
		return "no location"
	case l.Place != nil:
		return l.Place.Mention
	}
	return l.Str
}

func describe(e *Event) string {
	s := fmt.Sprintf("%s / %s at %s", e.EventType, e.SubEventType, locStr(e.Location))
	if a := refName(e.Actor1); a != "" {
		s += "; " + a
	}
	if a := refName(e.Actor2); a != "" {
		s += " vs " + a
	}
	if e.EventDate != nil && *e.EventDate != "" {
		s += "; " + *e.EventDate
	}
	switch ev := e.Evidence.(type) {
	case string:
		s += "; «" + clip(ev, 120) + "»"
	case map[string]any:
		if t, ok := ev["text"].(string); ok {
			s += "; «" + clip(t, 120) + "»"
		}
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// DocErrors lists one document's errors.
type DocErrors struct {
	DocID                        string
	Gold, Pred, Matched          int
	MissedEvents, SpuriousEvents []string
	WrongEvents                  []string
	MissedPlaces, SpuriousPlaces []string
	WrongPlaces                  []string
	MissedActors, SpuriousActors []string
}

// r3 rounds like Python's round(x, 3): the exact binary value correctly
// rounded to three decimals, ties to even.
func r3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// WriteTable prints the report as score.py prints it.
func (r Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "docs %d (missing from prediction: %d)\n", r.Docs, r.DocsMissing)
	for _, x := range []struct {
		name string
		p    PRF
	}{{"place", r.Place}, {"actor", r.Actor}, {"event", r.Event}} {
		fmt.Fprintf(w, "%-8s P %.3f  R %.3f  F1 %.3f   (tp %d fp %d fn %d)\n", x.name, r3(x.p.P), r3(x.p.R), r3(x.p.F1), x.p.TP, x.p.FP, x.p.FN)
	}
	for _, x := range []struct {
		name string
		a    Acc
	}{{"place_resolution", r.PlaceResolution}, {"place_within_25km", r.PlaceWithin25km}, {"event_subtype", r.EventSubtype},
		{"event_actors", r.EventActors}, {"event_date", r.EventDate}, {"event_fatalities", r.EventFatalities}} {
		a := "-"
		if x.a.Valid {
			a = fmt.Sprintf("%.3f", r3(x.a.Acc))
		}
		fmt.Fprintf(w, "%-18s %s  (n %d)\n", x.name, a, x.a.N)
	}
}

// WriteErrors prints the per-document error listing.
func (r Report) WriteErrors(w io.Writer) {
	for _, d := range r.PerDoc {
		sections := []struct {
			label string
			items []string
		}{
			{"missed event", d.MissedEvents}, {"spurious event", d.SpuriousEvents}, {"wrong", d.WrongEvents},
			{"missed place", d.MissedPlaces}, {"spurious place", d.SpuriousPlaces}, {"wrong place", d.WrongPlaces},
			{"missed actor", d.MissedActors}, {"spurious actor", d.SpuriousActors},
		}
		empty := true
		for _, s := range sections {
			if len(s.items) > 0 {
				empty = false
			}
		}
		if empty {
			continue
		}
		fmt.Fprintf(w, "\n== %s: gold %d events, predicted %d, matched %d\n", d.DocID, d.Gold, d.Pred, d.Matched)
		for _, s := range sections {
			items := append([]string(nil), s.items...)
			sort.Strings(items)
			for _, it := range items {
				fmt.Fprintf(w, "  %-15s %s\n", s.label, it)
			}
		}
	}
}

// JSON returns the report in score.py's --json shape.
func (r Report) JSON() map[string]any {
	p := func(x PRF) map[string]any {
		return map[string]any{"p": r3(x.P), "r": r3(x.R), "f1": r3(x.F1), "tp": x.TP, "fp": x.FP, "fn": x.FN}
	}
	a := func(x Acc) map[string]any {
		if !x.Valid {
			return map[string]any{"acc": nil, "n": x.N}
		}
		return map[string]any{"acc": r3(x.Acc), "n": x.N}
	}
	return map[string]any{
		"docs": r.Docs, "docs_missing": r.DocsMissing,
		"place": p(r.Place), "actor": p(r.Actor), "event": p(r.Event),
		"place_resolution": a(r.PlaceResolution), "place_within_25km": a(r.PlaceWithin25km),
		"event_subtype": a(r.EventSubtype), "event_actors": a(r.EventActors),
		"event_date": a(r.EventDate), "event_fatalities": a(r.EventFatalities),
	}
}
