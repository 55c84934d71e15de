package code

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// paragraph returns the paragraph index of sentence si.
func (x *context) paragraph(si int) int {
	p := 0
	for i := 0; i <= si && i < len(x.d.Sents); i++ {
		if i > 0 && x.d.Tokens[x.d.Sents[i].Start].Has(doc.ParaStart) {
			p++
		}
	}
	return p
}

// carry fills what a candidate's own sentence lacks from its context: the
// location and date of the previous event of the paragraph, the lead's
// date, the publication date; and actor1 of a passive strategic event from
// the previous event ("كما تم الاستيلاء على أسلحة" after a capture by قسد).
func (x *context) carry(cands []*cand) {
	d := x.d
	var lead *cand // first candidate with an explicit date in the first paragraphs
	for _, cd := range cands {
		if cd.dateFrom != "" && x.paragraph(cd.sent) <= 2 {
			lead = cd
			break
		}
	}
	for i, cd := range cands {
		var prev *cand
		for j := i - 1; j >= 0; j-- {
			p := cands[j]
			if p.drop == "" && x.paragraph(p.sent) == x.paragraph(cd.sent) && cd.sent-p.sent <= 2 {
				prev = p
				break
			}
		}
		if cd.place < 0 {
			switch {
			case prev != nil && prev.place >= 0:
				cd.place, cd.placeFrom = prev.place, "context"
				cd.note("location from the previous event")
			default:
				if pi := x.sentencePlace(cd.sent - 1); pi >= 0 && x.paragraph(cd.sent-1) == x.paragraph(cd.sent) {
					cd.place, cd.placeFrom = pi, "context"
					cd.note("location from the previous sentence")
				}
			}
		}
		if cd.dateFrom == "" {
			switch {
			case prev != nil && prev.dateFrom != "" && prev.dateFrom != "published":
				cd.date, cd.prec, cd.dateFrom = prev.date, prev.prec, "context"
				cd.note("date from the previous event")
			case lead != nil && lead != cd:
				cd.date, cd.prec, cd.dateFrom = lead.date, lead.prec, "context"
				cd.note("date from the lead")
			case d.Meta.Published.Full():
				cd.date, cd.prec, cd.dateFrom = d.Meta.Published, doc.Day, "published"
				cd.note("date: the publication date")
			}
		}
		if cd.actor1 == nil && cd.actor2 == nil && prev != nil && prev.actor1 != nil && prev.typ == cd.typ &&
			cd.tr.form != kb.FormNoun && !x.passive(cd.tr) && !x.actorInSentence(cd.sent) {
			// a verb with no subject in a sentence naming no actor continues
			// the previous one (وسيطر الجيش على … كما سيطر على قرى …)
			a := *prev.actor1
			cd.actor1 = &a
			if prev.actor2 != nil {
				b := *prev.actor2
				cd.actor2 = &b
			}
			cd.note("actors from the previous event (a verb with no subject)")
		}
		if cd.actor1 == nil && prev != nil && prev.actor1 != nil && prev.typ == cd.typ && cd.typ == ExplosionsRemote {
			a := *prev.actor1
			cd.actor1 = &a
			cd.note("actor1 from the previous strike")
		}
		if cd.actor1 == nil && prev != nil && prev.actor1 != nil && cd.typ == StrategicDev && cd.sub == DisruptedWeapons {
			// weapons seized after a battle fall to whoever took the ground
			src := prev
			for j := i - 1; j >= 0; j-- {
				p := cands[j]
				if p.drop == "" && p.actor1 != nil && (p.sub == GovRegains || p.sub == NonStateOvertakes) &&
					x.paragraph(p.sent) == x.paragraph(cd.sent) && cd.sent-p.sent <= 2 {
					src = p
					break
				}
			}
			a := *src.actor1
			cd.actor1 = &a
			cd.note("actor1 from the previous event")
			if cd.actor2 == nil && prev.actor2 != nil {
				b := *prev.actor2
				cd.actor2 = &b
			}
		}
	}
}

// actorInSentence reports whether sentence si names any actor.
func (x *context) actorInSentence(si int) bool {
	s := x.d.Sents[si]
	for _, a := range x.d.Actors {
		if a.Span.Start >= s.Start && a.Span.Start < s.End {
			return true
		}
	}
	return false
}

// sentencePlace returns the most specific place of sentence si, -1 none.
func (x *context) sentencePlace(si int) int {
	if si < 0 || si >= len(x.d.Sents) {
		return -1
	}
	s := x.d.Sents[si]
	best, bestRank := -1, 99
	for pi := range x.d.Places {
		p := &x.d.Places[pi]
		if p.Mention.Start < s.Start || p.Mention.Start >= s.End || x.parents[pi] || p.Feature == "country" {
			continue
		}
		if r := precisionRank(p); r < bestRank {
			best, bestRank = pi, r
		}
	}
	return best
}

// finish drops what is not an event, attaches associates, merges the
// mentions of one event, and returns the events in text order.
func (x *context) finish(cands []*cand) []doc.Event {
	d := x.d
	// an article about recent events recaps older ones as background
	recent := false
	if pub := d.Meta.Published; pub.Full() {
		for _, cd := range cands {
			if cd.drop == "" && cd.date.Full() && !cd.date.AddDays(3).Before(pub) && cd.dateFrom != "published" {
				recent = true
			}
		}
	}
	var kept []*cand
	for _, cd := range cands {
		switch {
		case cd.drop != "":
			d.Note("code", cd.tr.span, "not coded: "+cd.drop)
			continue
		case cd.typ == "":
			continue
		case (cd.status == doc.Planned || cd.status == doc.Negated || cd.status == doc.Denied) && !x.c.opt.KeepAll:
			d.Note("code", cd.tr.span, fmt.Sprintf("not coded: %s %s (%s)", cd.status, cd.sub, lastWhy(cd)))
			continue
		}
		if x.supportOnly(cd) {
			continue
		}
		if weakMention(cd.tr) && !x.newPlace(kept, cd) && !x.another(cd) && x.priorOfType(kept, cd) {
			d.Note("code", cd.tr.span, "refers to an event told before: merged")
			continue
		}
		if cd.typ == Battles {
			x.lastBattle = cd
		}
		if pub := d.Meta.Published; recent && cd.date.Full() && (cd.dateFrom == "clause" || cd.dateFrom == "sentence") &&
			cd.date.AddDays(7).Before(pub) {
			d.Note("code", cd.tr.span, "not coded: a recap of an event more than a week before publication ("+cd.date.String()+")")
			continue
		}
		if pub := d.Meta.Published; recent && (cd.prec == doc.Month && cd.date.Year == pub.Year && cd.date.Month < pub.Month ||
			cd.prec == doc.Month && cd.date.Year < pub.Year) {
			d.Note("code", cd.tr.span, "not coded: a recap of an earlier month")
			continue
		}
		if cd.typ != StrategicDev && cd.place < 0 && cd.actor1 == nil && cd.actor2 == nil {
			d.Note("code", cd.tr.span, "not coded: neither a place nor an actor")
			continue
		}
		if (cd.typ != StrategicDev || cd.sub == DisruptedWeapons) && cd.place >= 0 && d.Places[cd.place].Feature == "country" {
			d.Note("code", cd.tr.span, "not coded: located only by a country")
			continue
		}
		if (cd.sub == GovRegains || cd.sub == NonStateOvertakes || cd.sub == NonViolentTransfer) &&
			(cd.place < 0 || cd.placeFrom == "context" || precisionRank(&d.Places[cd.place]) > 2 || d.Places[cd.place].Feature == "country" ||
				(cd.class == cWithdraw || cd.class == cHandover) && !x.governed(cd, cd.place)) {
			d.Note("code", cd.tr.span, "not coded: territory change without a named town or area ("+lastWhy(cd)+")")
			continue
		}
		kept = append(kept, cd)
	}
	kept = x.territoryAbsorbs(kept)
	kept = x.expandLists(kept)
	kept = x.merge(kept)
	x.fillCounterparts(kept)
	x.claimsOfResponsibility(kept)
	x.accusations(kept)
	for _, cd := range kept {
		if sameActor(cd.actor1, cd.actor2) || (cd.actor1 != nil && cd.actor2 != nil && cd.actor1.Name == cd.actor2.Name) {
			cd.actor2 = nil
		}
		var assoc []doc.ActorRef
		for _, a := range cd.assoc1 {
			dup := sameActor(&a, cd.actor1) || sameActor(&a, cd.actor2)
			for _, b := range assoc {
				dup = dup || sameActor(&a, &b)
			}
			if !dup {
				assoc = append(assoc, a)
			}
		}
		cd.assoc1 = assoc
	}
	out := make([]doc.Event, 0, len(kept))
	for _, cd := range kept {
		ev := doc.Event{
			EventType: cd.typ, SubEventType: cd.sub, CAMEO: cd.cameo,
			Actor1: cd.actor1, Actor2: cd.actor2, Assoc1: cd.assoc1,
			Date: cd.date, Precision: cd.prec, Status: cd.status,
			ReportedBy: cd.reported, ReportedSpan: cd.reportSpan,
			Trigger: cd.tr.span, Evidence: d.Sents[cd.sent], Confidence: cd.conf, Why: cd.why,
		}
		if cd.place >= 0 {
			p := d.Places[cd.place]
			ev.Location = &p
		}
		if cd.typ != StrategicDev {
			ev.Fatalities = cd.fatal
		}
		out = append(out, ev)
	}
	return out
}

func lastWhy(cd *cand) string {
	if len(cd.why) == 0 {
		return ""
	}
	return cd.why[len(cd.why)-1]
}

// claimsOfResponsibility gives the events without a perpetrator the actor
// that claimed them (وتبنى تنظيم الدولة الهجوم، أعلنت حركة الشباب
// مسؤوليتها): the subject of the claim, in the same or a later sentence.
func (x *context) claimsOfResponsibility(evs []*cand) {
	d := x.d
	for t := range d.Tokens {
		if x.feat[t]&fResponsibility == 0 || (t > 0 && x.feat[t-1]&fResponsibility != 0) {
			continue
		}
		si := d.SentenceOf(t)
		s := d.Sents[si]
		var claimant *doc.ActorRef
		for _, a := range d.Actors {
			if int(a.Span.Start) > t-6 && a.Span.Start < s.End && x.armed(&a.ActorRef) {
				r := a.ActorRef
				claimant = &r
				break
			}
		}
		if claimant == nil {
			continue
		}
		for _, e := range evs {
			if e.sent <= si && e.actor1 == nil && (e.typ == ExplosionsRemote || e.typ == ViolenceCivilians || e.typ == Battles) {
				a := *claimant
				e.actor1 = &a
				e.note("actor1 %s (claimed responsibility)", a.Name)
			}
		}
	}
}

// accuseVerbs accuse someone of an act (اتهم مسؤولون حركة الشباب بالوقوف
// وراء التفجير).
var accuseVerbs = normSet("اتهم", "اتهمت", "واتهم", "واتهمت", "يتهم", "تتهم", "ويتهم", "وتتهم", "متهما", "متهمة", "متهمين", "اتهموا", "واتهموا")

// accuseObjects name the act the accused is charged with.
var accuseObjects = normSet("بالوقوف", "بتنفيذ", "بالمسؤولية", "بمسؤوليتها", "بالضلوع", "بارتكاب", "بشن", "بتدبير")

// accusations give an attack the armed actor accused of it, in its own
// sentence or the next, as its perpetrator (annotation: the alleged
// perpetrator is actor1). The party read before as actor1 with no
// counterpart (a convoy "تابعة لـ" it) is then the target.
func (x *context) accusations(evs []*cand) {
	d := x.d
	for t := range d.Tokens {
		if !accuseVerbs[d.TokNorm(t)] {
			continue
		}
		si := d.SentenceOf(t)
		s := d.Sents[si]
		var accused *doc.ActorRef
		for _, a := range d.Actors {
			at := int(a.Span.Start)
			if at <= t || at > t+5 || a.Span.Start >= s.End || !x.armed(&a.ActorRef) {
				continue
			}
			for k := int(a.Span.End); k < min(int(a.Span.End)+3, int(s.End)); k++ {
				if accuseObjects[d.TokNorm(k)] {
					r := a.ActorRef
					accused = &r
					break
				}
			}
			break
		}
		if accused == nil {
			continue
		}
		for _, e := range evs {
			if (e.sent != si && e.sent != si-1) || e.tr.start > t || (e.typ != ExplosionsRemote && e.typ != ViolenceCivilians && e.typ != Battles) {
				continue
			}
			switch {
			case e.actor1 == nil:
			case e.actor2 == nil && !sameActor(e.actor1, accused) && e.typ != ViolenceCivilians:
				e.actor2 = e.actor1
			default:
				continue
			}
			a := *accused
			e.actor1 = &a
			e.note("actor1 %s (accused of the act)", a.Name)
		}
	}
}

// armed reports whether an actor fights: not an IGO, NGO, media or
// civilians.
func (x *context) armed(a *doc.ActorRef) bool {
	if a == nil || a.ID == "" || a.Inter == 7 || a.Inter == 6 || a.Inter == 5 {
		return false
	}
	if k, ok := x.c.kb.Actor(a.ID); ok {
		switch k.Kind {
		case "igo", "ngo", "ministry", "parliament", "presidency", "party", "civilians", "protesters":
			return false
		}
	}
	return true
}

// supporter reports an actor mention introduced as a supporter or leader
// of another's act (بإسناد من طيران التحالف، بدعم من، المدعومة من): never
// the other side of the battle.
func (x *context) supporter(sp doc.Span) bool {
	p := x.prevWord(int(sp.Start))
	if p < 0 {
		return false
	}
	prev := x.d.TokNorm(p)
	if supportWords[prev] {
		return true
	}
	if p2 := x.prevWord(p); p2 >= 0 && (prev == "من" || prev == "جوي" || prev == "ناري") {
		return supportWords[x.d.TokNorm(p2)]
	}
	return false
}

// fillCounterparts gives a battle or strike with one known side its other
// side: another armed actor of its sentence, else the side actor1 fights
// in the article's other events, else the article's most mentioned armed
// actor other than actor1.
func (x *context) fillCounterparts(evs []*cand) {
	d := x.d
	for _, e := range evs {
		if e.typ == ExplosionsRemote && e.actor2 == nil && e.fatal != nil && *e.fatal > 0 &&
			x.featIn(int(d.Sents[e.sent].Start), int(d.Sents[e.sent].End))&fArmed == 0 {
			// a strike or bombing that killed people with no fighters named among them
			e.actor2 = &doc.ActorRef{Name: doc.CiviliansActor, Inter: 7}
			e.note("actor2 Civilians (deaths, no armed victims named)")
			continue
		}
		if e.typ != Battles || e.actor1 == nil || e.actor2 != nil {
			continue
		}
		s := d.Sents[e.sent]
		for _, a := range d.Actors {
			if a.Span.Start >= s.Start && a.Span.Start < s.End && !sameActor(&a.ActorRef, e.actor1) && !x.kin(&a.ActorRef, e.actor1) && x.armed(&a.ActorRef) &&
				(e.reported == nil || a.Span != e.reportSpan) && !x.supporter(a.Span) {
				r := a.ActorRef
				e.actor2 = &r
				e.note("actor2 %s (other armed actor of the sentence)", r.Name)
				break
			}
		}
		if e.actor2 != nil || e.typ != Battles {
			continue // a strike's target is named in its sentence or not at all
		}
		for _, o := range evs {
			if o != e && o.actor2 != nil && sameActor(o.actor1, e.actor1) && x.armed(o.actor2) {
				b := *o.actor2
				e.actor2 = &b
				e.note("actor2 %s (actor1's opponent elsewhere in the article)", b.Name)
				break
			}
			if o != e && o.actor1 != nil && sameActor(o.actor2, e.actor1) && x.armed(o.actor1) {
				b := *o.actor1
				e.actor2 = &b
				e.note("actor2 %s (actor1's opponent elsewhere in the article)", b.Name)
				break
			}
		}
		if e.actor2 != nil {
			continue
		}
		count := map[string]int{}
		first := map[string]doc.ActorRef{}
		for _, a := range d.Actors {
			if !x.armed(&a.ActorRef) || sameActor(&a.ActorRef, e.actor1) || x.kin(&a.ActorRef, e.actor1) {
				continue
			}
			count[a.ID]++
			if _, ok := first[a.ID]; !ok {
				first[a.ID] = a.ActorRef
			}
		}
		bestID, bestN := "", 1
		for id, n := range count {
			if n > bestN || (n == bestN && bestID != "" && id < bestID) {
				bestID, bestN = id, n
			}
		}
		if bestID != "" {
			b := first[bestID]
			b.Span = doc.Span{}
			e.actor2 = &b
			e.note("actor2 %s (the article's main other armed actor)", b.Name)
		}
	}
}

// territoryAbsorbs folds the fighting told in a sentence that also tells a
// capture into the capture (تقدم … وسيطرت على قرى): territory taken by
// fighting is one Battles event, at the place taken.
func (x *context) territoryAbsorbs(cands []*cand) []*cand {
	var out []*cand
	for _, cd := range cands {
		absorbed := false
		if cd.typ == Battles && cd.sub == ArmedClash {
			for _, o := range cands {
				if o != cd && o.sent == cd.sent && (o.sub == GovRegains || o.sub == NonStateOvertakes) &&
					(subset([2]string{actorKey(cd.actor1), actorKey(cd.actor2)}, [2]string{actorKey(o.actor1), actorKey(o.actor2)}) ||
						subset([2]string{actorKey(o.actor1), actorKey(o.actor2)}, [2]string{actorKey(cd.actor1), actorKey(cd.actor2)})) {
					x.absorb(o, cd)
					o.place = max(o.place, -1)
					absorbed = true
					break
				}
			}
		}
		if !absorbed {
			out = append(out, cd)
		}
	}
	return out
}

// expandLists applies ACLED atomicity to coordinated places: a strike or
// clash on "بلدتي عيتا الشعب ورامية" or "موقع المالكية وثكنة زرعيت" is one
// event per place. A territorial list keeps its first place (a campaign
// summary codes the main place).
func (x *context) expandLists(cands []*cand) []*cand {
	var out []*cand
	for _, cd := range cands {
		out = append(out, cd)
		if cd.place < 0 || cd.placeFrom != "clause" {
			continue
		}
		switch {
		case cd.typ == ExplosionsRemote, cd.typ == ViolenceCivilians, cd.typ == Protests,
			cd.typ == Battles && cd.sub == ArmedClash:
		default:
			continue
		}
		list := x.coordinated(cd.place, cd.cl)
		if len(list) > 3 {
			continue // a long list without details: the main place only
		}
		for _, pi := range list {
			if pi == cd.place {
				continue
			}
			c := *cd
			c.place = pi
			zero := 0
			c.fatal = &zero // the deaths told belong to the first place
			if isCivilians(c.actor2) {
				c.actor2 = nil
			}
			c.why = append(append([]string(nil), cd.why...), "one event per place of the list: "+x.d.SpanText(x.d.Places[pi].Mention))
			out = append(out, &c)
		}
	}
	return out
}

// coordinated returns the places listed after place pi in its clause
// (X وY، X، Y وZ, X وثكنة Y).
func (x *context) coordinated(pi int, cl clause) []int {
	// start from the head of the list the place is in
	for pi > 0 && x.listed(pi-1, pi, cl) {
		pi--
	}
	out := append([]int{pi}, x.coordinatedFrom(pi, cl)...)
	return out
}

// coordinatedFrom returns the places listed right after place pi.
func (x *context) coordinatedFrom(pi int, cl clause) []int {
	d := x.d
	var out []int
	prev := d.Places[pi].Mention
	for qi := pi + 1; qi < len(d.Places); qi++ {
		q := d.Places[qi].Mention
		if int(q.Start) >= cl.end || q.Start < prev.End {
			break
		}
		ok := true
		for t := int(prev.End); t < int(q.Start); t++ {
			w := d.TokNorm(t)
			switch {
			case w == "," || w == "،":
			case d.Tokens[t].Flags&(doc.QuoteOpen|doc.QuoteClose) != 0:
			case strings.HasPrefix(w, "و") && t == int(q.Start)-1:
				// وثكنة زرعيت: a conjunction with the next place's head noun
			default:
				ok = false
			}
		}
		// the conjunction may be glued to the place itself (ورامية)
		if !ok {
			break
		}
		tok := d.Tokens[q.Start]
		glued := strings.HasPrefix(arabic.Normalize(d.Text[tok.Start:q.StartByte]), "و")
		sep := int(q.Start) > int(prev.End)
		if !glued && !sep {
			break
		}
		if x.parents[qi] {
			break
		}
		out = append(out, qi)
		prev = q
	}
	return out
}

// listed reports whether place b directly follows place a in a list.
func (x *context) listed(a, b int, cl clause) bool {
	pa, pb := x.d.Places[a].Mention, x.d.Places[b].Mention
	if int(pa.Start) < cl.start || pb.Start < pa.End {
		return false
	}
	for _, q := range x.coordinatedFrom(a, cl) {
		if q == b {
			return true
		}
	}
	return false
}

// newPlace reports whether a candidate names its own specific place, one
// no earlier event of its type is at: "طال القصف قرية كفرتعال" is a second
// event, not the first told again.
func (x *context) newPlace(kept []*cand, cd *cand) bool {
	if cd.place < 0 || cd.placeFrom != "clause" || precisionRank(&x.d.Places[cd.place]) > 1 {
		return false
	}
	for _, k := range kept {
		if k.typ == cd.typ && (x.placeKey(k.place) == x.placeKey(cd.place) || x.contains(cd.place, k.place)) {
			return false
		}
	}
	return true
}

// another reports "آخر/أخرى" right after the trigger (غارات أخرى، هجوم آخر).
func (x *context) another(cd *cand) bool {
	for t := cd.tr.end; t < min(cd.tr.end+2, len(x.d.Tokens)); t++ {
		switch x.d.TokNorm(t) {
		case "اخر", "اخري", "اخرين", "اخريات", "جديد", "جديده", "ثان", "ثاني", "ثانيه":
			return true
		}
	}
	return false
}

// priorOfType reports whether an earlier kept event has cd's event type;
// if so it absorbs what cd adds (fatalities).
func (x *context) priorOfType(kept []*cand, cd *cand) bool {
	violent := func(t string) bool { return t == Battles || t == ExplosionsRemote || t == ViolenceCivilians }
	for i := len(kept) - 1; i >= 0; i-- {
		k := kept[i]
		if k.typ == cd.typ || (violent(k.typ) && violent(cd.typ)) {
			if cd.fatal != nil && (k.fatal == nil || *cd.fatal > *k.fatal) {
				k.fatal = cd.fatal
			}
			return true
		}
	}
	return false
}

// supportOnly handles "شارك X في المعارك": the trigger names a battle that
// X joined. X becomes an associate of the nearest earlier battle and the
// candidate is not an event of its own.
func (x *context) supportOnly(cd *cand) bool {
	d := x.d
	support := false
	for t := max(int(d.Sents[cd.sent].Start), cd.tr.start-6); t < cd.tr.start; t++ {
		if x.feat[t]&fSupport != 0 {
			support = true
		}
	}
	if !support || cd.typ != Battles || cd.actor1 == nil {
		return false
	}
	cd.drop = "support of an earlier battle"
	cd.typ = "" // never emitted
	host := x.lastBattle
	if host != nil && !sameActor(host.actor1, cd.actor1) && !sameActor(host.actor2, cd.actor1) {
		host.assoc1 = append(host.assoc1, *cd.actor1)
		host.note("assoc_actor1 %s (%s)", cd.actor1.Name, "took part")
		d.Note("code", cd.tr.span, "associate "+cd.actor1.Name+" of the earlier battle")
	}
	return true
}

// merge applies ACLED atomicity within the article: one event per type,
// location, day and actor pair. Territory beats a plain clash; an air or
// artillery strike at the place and day of a ground battle folds into it.
func (x *context) merge(cands []*cand) []*cand {
	var out []*cand
	for _, cd := range cands {
		merged := false
		for _, o := range out {
			if !x.sameEvent(o, cd) {
				continue
			}
			x.absorb(o, cd)
			merged = true
			break
		}
		if !merged {
			out = append(out, cd)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].tr.start < out[j].tr.start })
	return out
}

func (x *context) placeKey(pi int) string {
	if pi < 0 {
		return ""
	}
	p := &x.d.Places[pi]
	if p.ID != "" {
		return p.ID
	}
	return arabic.Normalize(x.d.SpanText(p.Mention))
}

func (x *context) sameEvent(a, b *cand) bool {
	if a.date != b.date && a.dateFrom != "published" && b.dateFrom != "published" {
		return false
	}
	if x.placeKey(a.place) != x.placeKey(b.place) && !x.contains(a.place, b.place) && !x.contains(b.place, a.place) {
		return false
	}
	fold := (a.typ == Battles && b.typ == ExplosionsRemote && groundBattle(a)) || (a.typ == ExplosionsRemote && b.typ == Battles && groundBattle(b))
	if a.typ != b.typ && !fold {
		return false
	}
	if fold && (a.actor1 == nil || actorKey(a.actor1) != actorKey(b.actor1) && actorKey(a.actor1) != actorKey(b.actor2)) {
		return false // a strike folds into a battle only between the same sides
	}
	if a.typ == ViolenceCivilians && a.sub != b.sub {
		return false
	}
	if a.typ == StrategicDev && a.sub != b.sub {
		return false
	}
	pairA := [2]string{actorKey(a.actor1), actorKey(a.actor2)}
	pairB := [2]string{actorKey(b.actor1), actorKey(b.actor2)}
	if pairA == pairB || (pairA[0] == pairB[1] && pairA[1] == pairB[0]) {
		return true
	}
	// one side unknown: the same event told with fewer details
	return subset(pairA, pairB) || subset(pairB, pairA)
}

// subset reports whether the known actors of pair a all appear in b.
func subset(a, b [2]string) bool {
	for _, x := range a {
		if x != "" && x != b[0] && x != b[1] {
			return false
		}
	}
	return true
}

func known(a, b *doc.ActorRef) int {
	n := 0
	if a != nil {
		n++
	}
	if b != nil {
		n++
	}
	return n
}

func actorKey(a *doc.ActorRef) string {
	if a == nil {
		return ""
	}
	if a.ID != "" {
		return a.ID
	}
	return a.Name
}

// contains reports whether place a contains or is the larger place of b
// (الحسكة and الدشيشة جنوب الحسكة; a headline's province and the body's
// village): same country and admin1, a an admin unit or region, or b
// within 60 km of a larger a.
func (x *context) contains(a, b int) bool {
	if a < 0 || b < 0 {
		return a < 0 && b >= 0
	}
	pa, pb := &x.d.Places[a], &x.d.Places[b]
	if pa.Country != pb.Country || pa == pb || pa.ID == "" {
		return false // a place the gazetteer lacks contains nothing
	}
	if pa.GeoPrecision >= 2 && (pa.Feature == "city" || pa.Feature == "admin1" || pa.Feature == "admin2") && precisionRank(pb) == 1 {
		// "ريف الحسكة", "جنوب الحسكة": the area around a town holds the
		// villages of its province nearby
		if pa.Admin1 != "" && pa.Admin1 == pb.Admin1 {
			return true
		}
		if pa.HasCoord && pb.HasCoord && km(pa.Lat, pa.Lon, pb.Lat, pb.Lon) < 60 {
			return true
		}
	}
	if pa.Feature == "country" {
		return true
	}
	switch pa.Feature {
	case "admin1", "admin2", "admin3", "region", "city":
	default:
		return false // villages, towns and sites contain nothing
	}
	if precisionRank(pa) < precisionRank(pb) {
		return false
	}
	if pa.Feature == "region" && pa.Admin2 != "" && pb.Admin2 != "" && pa.Admin2 != pb.Admin2 {
		return false // a local area (منطقة الكسارة) holds only places of its own district
	}
	if pa.Feature == "city" && precisionRank(pb) == 1 {
		// a city contains its neighbourhoods, not the towns around it
		return pa.HasCoord && pb.HasCoord && km(pa.Lat, pa.Lon, pb.Lat, pb.Lon) < 5
	}
	if pa.Admin1 != "" && pa.Admin1 == pb.Admin1 {
		return true
	}
	return pa.HasCoord && pb.HasCoord && km(pa.Lat, pa.Lon, pb.Lat, pb.Lon) < 60
}

// groundBattle reports a battle read from fighting or capture words.
func groundBattle(c *cand) bool {
	switch c.class {
	case cClash, cCapture, cRetake:
		return true
	}
	return false
}

// subRank orders sub-event types of one event for merging.
func subRank(sub string) int {
	switch sub {
	case GovRegains, NonStateOvertakes:
		return 5
	case ArmedClash:
		return 4
	case AirDrone, Shelling, SuicideBomb, RemoteIED, ChemicalWeapon, Grenade:
		return 3
	}
	return 1
}

// absorb merges b into a.
func (x *context) absorb(a, b *cand) {
	if subRank(b.sub) > subRank(a.sub) || (a.typ == ExplosionsRemote && b.typ == Battles) {
		a.typ, a.sub, a.cameo = b.typ, b.sub, b.cameo
	}
	if x.contains(a.place, b.place) {
		a.place = b.place
	}
	if a.dateFrom == "published" && b.dateFrom != "published" && b.dateFrom != "" {
		a.date, a.prec, a.dateFrom = b.date, b.prec, b.dateFrom
	}
	if known(b.actor1, b.actor2) > known(a.actor1, a.actor2) {
		a.actor1, a.actor2 = b.actor1, b.actor2
	}
	if a.actor1 == nil {
		a.actor1 = b.actor1
	}
	if a.actor2 == nil && !sameActor(a.actor1, b.actor2) {
		a.actor2 = b.actor2
	}
	for _, s := range b.assoc1 {
		dup := false
		for _, t := range a.assoc1 {
			if sameActor(&s, &t) {
				dup = true
			}
		}
		if !dup {
			a.assoc1 = append(a.assoc1, s)
		}
	}
	if b.fatal != nil && (a.fatal == nil || *b.fatal > *a.fatal) {
		a.fatal = b.fatal
	}
	if a.status == doc.Claimed && b.status == doc.Occurred {
		a.status = doc.Occurred // confirmed by another report in the article
	}
	if a.reported == nil {
		a.reported, a.reportSpan = b.reported, b.reportSpan
	}
	a.conf = min(0.98, a.conf+0.05)
	a.note("merged with %q (%s)", x.d.SpanText(b.tr.span), lastWhy(b))
}

// confidence scores a candidate from what was found for it.
func (x *context) confidence(cd *cand) float64 {
	c := 0.45
	if cd.actor1 != nil {
		c += 0.15
	}
	if cd.actor2 != nil {
		c += 0.05
	}
	if cd.place >= 0 {
		c += 0.15
	}
	if cd.dateFrom == "clause" || cd.dateFrom == "sentence" {
		c += 0.1
	}
	if cd.tr.t.Class == cKill || cd.tr.t.Class == cAttack {
		c -= 0.1
	}
	return min(c, 0.95)
}

// km is the great-circle distance between two points in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := (lat2-lat1)*math.Pi/180, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
