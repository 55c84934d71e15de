// Package actor resolves actor mentions to canonical knowledge-base actors:
// it chooses among entries sharing an alias by the article's country focus
// and the publication date (التحالف is the International Coalition in Syria
// and Iraq, the Saudi-led coalition in Yemen; جبهة النصرة after 2017 is
// Hayat Tahrir al-Sham), and resolves generic phrases (الجيش, قوات النظام,
// مسلحون مجهولون) by context. It runs after the geo stage, which sets the
// document's focus.
package actor

import (
	"github.com/rasd-project/rasd/internal/arabic"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// Protesters is the name given to protesters with no country.
const Protesters = "Protesters"

// Resolver is the actor-resolution stage; immutable, safe for concurrent use.
type Resolver struct {
	kb    *kb.KB
	roles roles
}

// New returns a resolver over k.
func New(k *kb.KB) *Resolver {
	rs, err := parseRoles(rolesTSV)
	if err != nil {
		panic(err) // the embedded list is checked by the package tests
	}
	return &Resolver{kb: k, roles: rs}
}

// Name returns the stage name.
func (r *Resolver) Name() string { return "actor" }

// Run fills Doc.Actors from the actor mentions, and Doc.Persons from the
// person mentions with their roles and organisations.
func (r *Resolver) Run(d *doc.Doc) {
	defer r.persons(d)
	ms := r.collect(d)
	adj := adjectives(d)
	for _, m := range ms {
		if strings.HasPrefix(m.Label, "generic:") {
			if a, ok := r.antecedent(d, m); ok {
				d.Actors = append(d.Actors, a)
				continue
			}
		}
		a, ok := r.resolve(d, m, adj)
		if !ok {
			continue
		}
		d.Actors = append(d.Actors, a)
	}
}

// antecedent resolves a generic phrase to the latest earlier actor whose
// mention begins with the same head word within the last sentences
// ("الجيش الوطني السوري … وأشار الجيش" → Syrian National Army;
// "تنظيم الدولة … التنظيم" → Islamic State).
func (r *Resolver) antecedent(d *doc.Doc, m doc.Mention) (doc.ActorMention, bool) {
	head := strings.TrimPrefix(strings.SplitN(kb.Key(m.Ref), " ", 2)[0], "ال")
	si := d.SentenceOf(int(m.Start))
	for i := len(d.Actors) - 1; i >= 0; i-- {
		a := d.Actors[i]
		if a.Generic || a.ID == "" {
			continue
		}
		if sj := d.SentenceOf(int(a.Span.Start)); si-sj > 4 {
			break
		}
		first := strings.TrimPrefix(strings.SplitN(kb.Key(d.SpanText(a.Span)), " ", 2)[0], "ال")
		if first == head || (head == "قوات" && strings.HasPrefix(kb.Key(d.SpanText(a.Span)), "قوات")) {
			out := a
			out.Span = m.Span
			out.Generic = true
			return out, true
		}
	}
	return doc.ActorMention{}, false
}

// collect keeps one actor mention per span (KB over NER; the longer one).
func (r *Resolver) collect(d *doc.Doc) []doc.Mention {
	var cand []doc.Mention
	for _, m := range d.Mentions {
		if m.Kind == doc.MActor {
			cand = append(cand, m)
		}
	}
	sort.SliceStable(cand, func(i, j int) bool {
		a, b := cand[i], cand[j]
		if a.Len() != b.Len() {
			return a.Len() > b.Len()
		}
		return a.Source == doc.FromKB && b.Source != doc.FromKB
	})
	var kept []doc.Mention
	for _, m := range cand {
		ok := true
		for _, k := range kept {
			if k.Overlaps(m.Span) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, m)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].StartByte < kept[j].StartByte })
	return kept
}

// adjectives maps the token index right after each nisba adjective's start
// to its country: "الجيش السوري" gives the generic الجيش the country SY.
func adjectives(d *doc.Doc) map[int32]string {
	out := map[int32]string{}
	for _, m := range d.Mentions {
		if m.Kind == doc.MCue && m.Label == "adj" {
			out[m.Start] = m.Ref
		}
	}
	return out
}

func (r *Resolver) resolve(d *doc.Doc, m doc.Mention, adj map[int32]string) (doc.ActorMention, bool) {
	out := doc.ActorMention{}
	out.Span = m.Span
	switch {
	case m.Source == doc.FromNER:
		// an armed organisation the KB does not know (the tagger stage
		// keeps only those as actors): an actor with unknown inter code,
		// named in its dictionary form
		out.Name = dictionaryForm(d, m.Span)
		out.NameAr = out.Name
		return out, true
	case strings.HasPrefix(m.Label, "generic:"):
		kind := strings.TrimPrefix(m.Label, "generic:")
		out.Generic = true
		cc := adj[m.End]
		if cc == "" {
			cc = d.FocusCountry()
		}
		switch kind {
		case "unidentified":
			out.Name, out.Inter = doc.UnidentifiedActor, 3
			return out, true
		case "civilians":
			return out, false // victims, not an actor of the actors list
		case "protesters":
			out.Name, out.Inter, out.Country = Protesters, 6, cc
			return out, true
		case "anaphor":
			return out, false
		case "opposition":
			if a, ok := r.kb.Actor(strings.ToLower(cc) + ".opposition"); ok {
				setActor(&out, a, d)
				return out, true
			}
			return out, false
		}
		if cc == "" {
			return out, false
		}
		a := r.stateActor(cc, kind, m.Ref, d.Meta.Published)
		if a == nil && kind == "airforce" {
			a = r.stateActor(cc, "army", "", d.Meta.Published)
		}
		if a == nil && kind == "security" {
			a = r.stateActor(cc, "police", "", d.Meta.Published)
		}
		if a == nil {
			return out, false
		}
		setActor(&out, r.military(r.successor(a, d.Meta.Published)), d)
		return out, true
	}
	a := r.pick(d, m.Refs)
	if a == nil {
		return out, false
	}
	setActor(&out, r.military(a), d)
	return out, true
}

// stateActor returns the actor of a kind of a country for a generic phrase:
// the one valid at the publication date (the current one when the date is
// unknown), and among ministries the one whose Arabic name begins with the
// phrase (وزارة الدفاع → وزارة الدفاع السورية).
func (r *Resolver) stateActor(cc, kind, phrase string, pub doc.Date) *kb.Actor {
	cands := r.kb.StateActors(cc, kind)
	if len(cands) == 0 {
		return nil
	}
	key := kb.Key(phrase)
	var best *kb.Actor
	bestScore := -1
	for _, a := range cands {
		s := 0
		if y := pub.Year; y != 0 {
			if (a.From == 0 || y >= a.From) && (a.To == 0 || y <= a.To) {
				s += 2
			}
		} else if a.To == 0 {
			s += 2
		}
		if key != "" && strings.HasPrefix(kb.Key(a.NameAr), key) {
			s++
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

// pick chooses among same-alias actors by the document focus, then
// validity at the publication date, then KB order.
func (r *Resolver) pick(d *doc.Doc, refs []string) *kb.Actor {
	var best *kb.Actor
	bestScore := -1.0
	for _, id := range refs {
		a, ok := r.kb.Actor(id)
		if !ok {
			continue
		}
		s := 0.0
		for _, t := range a.Theatres {
			s += d.FocusWeight(t)
		}
		if len(a.Theatres) == 0 && a.Country != "" {
			s += d.FocusWeight(a.Country)
		}
		if y := d.Meta.Published.Year; y != 0 {
			if (a.From != 0 && y < a.From) || (a.To != 0 && y > a.To) {
				s -= 0.5
			}
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	if best == nil {
		return nil
	}
	// an alias shared by actors of other theatres only (الجيش الوطني in an
	// Iraqi article): not read as any of them
	if len(refs) > 1 && bestScore <= 0 && d.FocusCountry() != "" && d.FocusWeight(d.FocusCountry()) > 0.4 {
		return nil
	}
	return r.successor(best, d.Meta.Published)
}

// successor returns the parent of an actor that had ceased to exist at the
// publication date (جبهة النصرة in 2019 → Hayat Tahrir al-Sham).
func (r *Resolver) successor(a *kb.Actor, pub doc.Date) *kb.Actor {
	for n := 0; n < 3 && a.To != 0 && pub.Year > a.To && a.Parent != ""; n++ {
		p, ok := r.kb.Actor(a.Parent)
		if !ok {
			break
		}
		a = p
	}
	return a
}

// military returns the state military an air force or navy belongs to:
// ACLED codes a state's armed forces as one actor (Military Forces of X),
// whichever branch struck.
func (r *Resolver) military(a *kb.Actor) *kb.Actor {
	if (a.Kind == "airforce" || a.Kind == "navy") && a.Inter == 1 && a.Parent != "" {
		if p, ok := r.kb.Actor(a.Parent); ok && (p.Kind == "army" || p.Kind == "coalition") {
			return p
		}
	}
	return a
}

func setActor(out *doc.ActorMention, a *kb.Actor, d *doc.Doc) {
	out.ID, out.Name, out.NameAr, out.Country = a.ID, a.Name, a.NameAr, a.Country
	out.Inter = a.Inter
	// state forces acting outside their country are external forces
	if a.Inter == 1 && a.Country != "" {
		if fc := d.FocusCountry(); fc != "" && fc != a.Country && d.FocusWeight(fc) > 0.5 {
			out.Inter = 8
		}
	}
}

// dictionaryForm is the text of a name span with the article restored
// where a ل before it swallowed the article's alef: "للكتيبة 61" is
// mentioned as "كتيبة 61" and named "الكتيبة 61".
func dictionaryForm(d *doc.Doc, sp doc.Span) string {
	text := d.SpanText(sp)
	if sp.Empty() {
		return text
	}
	tok := d.Tokens[sp.Start]
	before := arabic.Normalize(d.Text[tok.Start:sp.StartByte])
	if strings.HasSuffix(before, "لل") {
		return "ال" + text
	}
	return text
}
