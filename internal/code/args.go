package code

import (
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"

	"github.com/rasd-project/rasd/internal/kb"

	"github.com/rasd-project/rasd/internal/doc"
)

const weapons = fAir | fDrone | fArtillery | fIED | fSuicide | fGrenade | fChemical

// remoteSub maps weapon features to an Explosions/Remote violence
// sub-event type, "" when there is no weapon word.
func remoteSub(f feature) string {
	switch {
	case f&fChemical != 0:
		return ChemicalWeapon
	case f&fSuicide != 0:
		return SuicideBomb
	case f&(fAir|fDrone) != 0:
		return AirDrone
	case f&fIED != 0:
		return RemoteIED
	case f&fGrenade != 0:
		return Grenade
	case f&fArtillery != 0:
		return Shelling
	}
	return ""
}

// classify sets the event type and sub-event type from the trigger class,
// the clause's weapon and victim words and the actors.
func (x *context) classify(cd *cand, cf feature) {
	vf := x.victimFeat(cd)
	civilianVictims := (vf&fCivilian != 0 && vf&fArmed == 0) || isCivilians(cd.actor2)
	armedTarget := cd.actor2 != nil && !isCivilians(cd.actor2)
	set := func(typ, sub string) {
		cd.typ, cd.sub = typ, sub
	}
	switch cd.class {
	case cClash:
		if cd.tr.t.ID == "clash.sadd" && cf&(fArtillery|fDrone|fAir) != 0 {
			set(StrategicDev, DisruptedWeapons) // صدّ الصاروخ: intercepted
			break
		}
		set(Battles, ArmedClash)
	case cCapture, cRetake:
		if x.objectIs(cd, controlObjects) {
			cd.drop = "control of a situation, not of territory"
			return
		}
		if x.objectIs(cd, buildingObjects) {
			cd.drop = "a raid on buildings, not territory"
			return
		}
		sf := x.featIn(int(x.d.Sents[cd.sent].Start), int(x.d.Sents[cd.sent].End))
		switch {
		case x.weaponsObject(cd):
			set(StrategicDev, DisruptedWeapons)
		case cd.tr.t.ID == "capture.istawla" && x.objectIs(cd, lootObjects):
			set(StrategicDev, Looting) // استولوا على بضائع التجار
		case (cd.tr.t.ID == "capture.dakhal" || cd.tr.t.ID == "capture.tawaghghal") && sf&fFighting == 0 && !x.otherTriggerIn(cd, cClash) &&
			!x.offensive():
			// forces entering a town without a reported fight redeploy
			set(StrategicDev, ChangeGroup)
		case cf&fNonviolent != 0:
			set(StrategicDev, NonViolentTransfer)
		case cd.actor1 != nil && cd.actor1.Inter == 1:
			set(Battles, GovRegains)
		default:
			set(Battles, NonStateOvertakes)
		}
	case cShell:
		if cf&(fAir|fDrone) != 0 {
			set(ExplosionsRemote, AirDrone)
		} else {
			set(ExplosionsRemote, Shelling)
		}
	case cAir, cDrone:
		set(ExplosionsRemote, AirDrone)
	case cExplosion:
		if cd.tr.t.ID == "explosion.tafjir" && cd.tr.form != kb.FormNoun && x.objectIs(cd, buildingObjects) {
			set(StrategicDev, Looting) // blew up a house
			break
		}
		sub := remoteSub(cf)
		if sub == "" {
			sub = RemoteIED
		}
		set(ExplosionsRemote, sub)
	case cSuicide:
		set(ExplosionsRemote, SuicideBomb)
	case cGrenade:
		set(ExplosionsRemote, Grenade)
	case cChemical:
		set(ExplosionsRemote, ChemicalWeapon)
	case cAttack, cKill, cSnipe:
		switch sub := remoteSub(cf & weapons); {
		case cd.tr.t.ID == "attack.i3tida" && cf&fSexual != 0:
			set(ViolenceCivilians, SexualViolence)
		case cd.class == cKill && x.featIn(cd.tr.end, min(cd.tr.end+4, cd.cl.end))&fProtesters != 0:
			set(Protests, ExcessiveForce) // قتل سبعة متظاهرين
		case sub != "":
			set(ExplosionsRemote, sub)
		case cd.class == cAttack && !armedTarget && vf&fArmed == 0 && x.placeObject(cd):
			set(ViolenceCivilians, Attack) // هاجم مستوطنون قرية ترمسعيا
		case civilianVictims && !armedTarget:
			set(ViolenceCivilians, Attack)
		case cd.class == cKill && !armedTarget && vf&fArmed == 0:
			set(ViolenceCivilians, Attack)
		default:
			set(Battles, ArmedClash)
		}
	case cExecute, cAssassinate:
		if sub := remoteSub(cf & weapons); sub != "" && cd.class == cAssassinate {
			set(ExplosionsRemote, sub)
		} else {
			set(ViolenceCivilians, Attack)
		}
	case cAbduct:
		if x.armedVictims(cd) && cf&fCivilian == 0 {
			cd.drop = "fighters taken prisoner: part of a battle"
			return
		}
		set(ViolenceCivilians, Abduction)
	case cSexual:
		set(ViolenceCivilians, SexualViolence)
	case cArrest:
		set(StrategicDev, Arrests)
	case cProtest:
		switch {
		case cf&fLethal != 0 || x.deathsInSentence(cd):
			set(Protests, ExcessiveForce)
		case cf&fIntervention != 0:
			set(Protests, ProtestIntervened)
		default:
			set(Protests, PeacefulProtest)
		}
	case cRiot:
		set(Riots, ViolentDemo)
	case cMob:
		set(Riots, MobViolence)
	case cIntercept:
		if cd.tr.t.ID == "clash.tasadda" && cf&(fArtillery|fDrone|fAir) == 0 {
			set(Battles, ArmedClash) // repelled an attack on the ground
		} else {
			set(StrategicDev, DisruptedWeapons)
		}
	case cSeize:
		if (cd.tr.t.ID == "seize.3uthur" || cd.tr.t.ID == "seize.dabt") && !x.weaponsObject(cd) {
			cd.drop = "found something other than arms"
			return
		}
		set(StrategicDev, DisruptedWeapons)
	case cDeploy:
		set(StrategicDev, ChangeGroup)
	case cWithdraw:
		set(StrategicDev, NonViolentTransfer)
	case cHandover:
		set(StrategicDev, NonViolentTransfer)
	case cAgreement:
		if cd.tr.t.ID == "agreement.waqqa3" && x.featIn(cd.tr.end, cd.cl.end)&fAgreementObj == 0 {
			cd.drop = "signed or happened: no agreement named"
			return
		}
		set(StrategicDev, Agreement)
	case cOther:
		set(StrategicDev, Other)
	case cBase:
		if x.featIn(cd.tr.end, cd.cl.end)&fBase == 0 {
			cd.drop = "establishing something other than a base"
			return
		}
		set(StrategicDev, HQEstablished)
	case cLoot:
		set(StrategicDev, Looting)
	case cDestroy:
		// destroyed by warplanes or artillery: a strike
		if sub := remoteSub(cf & weapons); sub != "" {
			set(ExplosionsRemote, sub)
		} else {
			set(StrategicDev, Looting)
		}
	default:
		cd.drop = "unknown trigger class " + cd.class
		return
	}
	cd.cameo = cd.tr.t.CAMEO
	if def := cameoOf[cd.sub]; def != "" && !sameFamily(cd.tr.t.CAMEO, def) {
		cd.cameo = def
	}
	cd.note("%s / %s", cd.typ, cd.sub)
	if (cd.typ == Battles || cd.typ == ExplosionsRemote) && (isCrowd(cd.actor1) || isCrowd(cd.actor2)) {
		// protesters are not fighters: a clash with them is force used on a protest
		if cf&fLethal != 0 || x.deathsInSentence(cd) {
			set(Protests, ExcessiveForce)
		} else {
			set(Protests, ProtestIntervened)
		}
	}
	if cd.class == cKill && x.attackerKilled(cd) {
		cd.drop = "the attacker's own death"
		return
	}
	x.typeActors(cd, civilianVictims)
	if cd.typ == Battles || cd.typ == ExplosionsRemote || cd.typ == ViolenceCivilians {
		// a government fights through its armed forces
		cd.actor1, cd.actor2 = x.fighter(cd.actor1), x.fighter(cd.actor2)
	}
}

// fighter returns the state army for an actor that is a government,
// presidency or ministry of defence: ACLED codes its military.
func (x *context) fighter(a *doc.ActorRef) *doc.ActorRef {
	if a == nil || a.ID == "" || a.Country == "" {
		return a
	}
	k, ok := x.c.kb.Actor(a.ID)
	if !ok || (k.Kind != "government" && k.Kind != "presidency") {
		return a
	}
	// where rival governments claim the state (Libya), no one army is theirs
	y := x.d.Meta.Published.Year
	valid := 0
	for _, g := range x.c.kb.StateActors(a.Country, "government") {
		if y == 0 && g.To == 0 || y != 0 && (g.From == 0 || y >= g.From) && (g.To == 0 || y <= g.To) {
			valid++
		}
	}
	if valid > 1 {
		return a
	}
	if army := x.stateArmy(a.Country, a.Span); army != nil {
		return army
	}
	return a
}

// sameFamily reports whether two CAMEO codes share their two-digit root.
func sameFamily(a, b string) bool { return len(a) >= 2 && len(b) >= 2 && a[:2] == b[:2] }

// isCrowd reports protesters or rioters.
func isCrowd(a *doc.ActorRef) bool {
	return a != nil && (a.Name == "Protesters" || a.Name == "Rioters" || a.Inter == 6 || a.Inter == 5)
}

// attackerKilled reports a killing whose victim is the attacker (لقي
// الانتحاري حتفه، مقتل المهاجم).
func (x *context) attackerKilled(cd *cand) bool {
	s := x.d.Sents[cd.sent]
	for t := max(int(s.Start), cd.tr.start-4); t < min(cd.tr.end+3, int(s.End)); t++ {
		switch strings.TrimPrefix(x.d.TokNorm(t), "و") {
		case "الانتحاري", "الانتحاريه", "المهاجم", "المنفذ", "منفذ", "الانتحاريين":
			return true
		}
	}
	return false
}

func isCivilians(a *doc.ActorRef) bool { return a != nil && a.Name == doc.CiviliansActor }

// typeActors applies the ACLED actor conventions of each event type.
func (x *context) typeActors(cd *cand, civilianVictims bool) {
	civ := &doc.ActorRef{Name: doc.CiviliansActor, Inter: 7}
	switch cd.typ {
	case ViolenceCivilians:
		if cd.actor2 != nil && !isCivilians(cd.actor2) && cd.actor1 == nil {
			// the named group is the perpetrator when no victim group is named
			cd.actor1 = cd.actor2
		}
		cd.actor2 = civ
	case ExplosionsRemote:
		if cd.actor2 == nil && (civilianVictims || x.unarmedDeaths(cd)) && !x.noCasualties(cd) {
			cd.actor2 = civ
		}
	case Protests:
		state := cd.actor1
		cd.actor1 = x.protesters(cd, "Protesters")
		if cd.sub != PeacefulProtest {
			cd.actor2 = state
		} else {
			cd.actor2 = nil
		}
	case Riots:
		cd.actor1 = x.protesters(cd, "Rioters")
		// a mob beating or killing people: with no armed victim named,
		// the victims are civilians (ACLED's Mob violence)
		if cd.sub == MobViolence && cd.actor2 == nil && x.victimFeat(cd)&fArmed == 0 {
			cd.actor2 = civ
		}
	case StrategicDev:
		switch cd.sub {
		case DisruptedWeapons:
			x.weaponsOwner(cd)
		case ChangeGroup, HQEstablished:
			cd.actor2 = nil
		case Arrests, Looting:
			// people arrested, property looted or destroyed, with no armed
			// group named as the target: civilians
			if cd.actor2 == nil || !x.armedRef(cd.actor2) {
				if x.featIn(cd.cl.start, cd.cl.end)&fArmed == 0 && !(cd.sub == Arrests && x.cellInSentence(cd)) {
					cd.actor2 = civ
				}
			}
		}
	}
}

// noCasualties reports a strike whose own clause says it hit no one
// (طالت غارات أخرى أطراف المدينة من دون أن تسجل إصابات) and names no
// civilians: no civilian victims to code.
func (x *context) noCasualties(cd *cand) bool {
	d := x.d
	if x.featIn(cd.cl.start, cd.cl.end)&fCivilian != 0 {
		return false
	}
	for t := cd.tr.end; t < cd.cl.end; t++ {
		switch d.TokNorm(t) {
		case "دون", "بدون", "لم", "ولم":
			for k := t + 1; k < min(t+6, int(d.Sents[cd.sent].End)); k++ {
				if casualtyNouns[d.TokNorm(k)] {
					return true
				}
			}
		}
	}
	return false
}

var casualtyNouns = normSet("إصابات", "اصابات", "خسائر", "ضحايا", "قتلى", "إصابة")

// cellWords name a clandestine armed cell: its arrested members are not
// civilians (ضبط خلية مكونة من أربعة أشخاص).
var cellWords = normSet("خلية", "الخلية", "خلايا", "الخلايا", "خليه")

// cellInSentence reports an arrest of the members of a cell.
func (x *context) cellInSentence(cd *cand) bool {
	s := x.d.Sents[cd.sent]
	for t := int(s.Start); t < int(s.End); t++ {
		if cellWords[x.d.TokNorm(t)] {
			return true
		}
	}
	return false
}

// weaponsOwner puts the side whose weapons were intercepted, found or
// seized in actor2: the one that launched them (اعتراض طائرة مسيرة أطلقها
// الحوثيون) or that they belong to, named after a verbal noun (العثور على
// مضافة لبقايا تنظيم داعش). The side that disrupted them is actor1: the
// other party, else the source of the report (أعلن التحالف اعتراض …).
func (x *context) weaponsOwner(cd *cand) {
	a := cd.actor1
	if a == nil || a.Span.EndByte == 0 || int(a.Span.Start) < cd.tr.end {
		return
	}
	_, why := x.roleAt(cd, a.Span)
	launched := strings.HasSuffix(why, "(launched by)")
	owned := cd.tr.form == kb.FormNoun && why == ""
	if !launched && !owned {
		return
	}
	cd.actor1 = nil
	switch {
	case cd.actor2 != nil && !sameActor(cd.actor2, a) && !isCivilians(cd.actor2):
		cd.actor1 = cd.actor2
	case cd.reported != nil && cd.reported.ID != "" && !sameActor(cd.reported, a):
		r := *cd.reported
		cd.actor1 = &r
	}
	cd.actor2 = a
	cd.note("actor2 %s (the weapons' owner), actor1 %v", a.Name, cd.actor1 != nil)
}

// armedRef reports whether an actor is an armed organisation.
func (x *context) armedRef(a *doc.ActorRef) bool {
	if a == nil || a.ID == "" {
		return false
	}
	k, ok := x.c.kb.Actor(a.ID)
	return ok && (k.Kind == "armed_group" || k.Kind == "militia" || k.Inter == 2 || k.Inter == 3)
}

// protesters returns "Protesters (Country)" for the event's country.
func (x *context) protesters(cd *cand, label string) *doc.ActorRef {
	cc := x.d.FocusCountry()
	if cd.place >= 0 && x.d.Places[cd.place].Country != "" {
		cc = x.d.Places[cd.place].Country
	}
	// ACLED writes "Protesters (Iraq)"; the contract's gold names the
	// category alone, with the country in its own field
	name := label
	inter := 6
	if label == "Rioters" {
		inter = 5
	}
	return &doc.ActorRef{Name: name, Inter: inter, Country: cc}
}

// location picks the most specific place of the clause, nearest the trigger;
// places that only locate another place (X جنوب Y) are skipped.
func (x *context) location(cd *cand, cls []clause) {
	d := x.d
	best, bestScore := -1, 1<<30
	consider := func(a, b int) {
		for pi := range d.Places {
			p := &d.Places[pi]
			t := int(p.Mention.Start)
			if t < a || t >= b || x.parents[pi] || x.inReport(cd, t) || x.notLocative(cd, pi) ||
				(cd.class != cDeploy && x.inPlannedObject(cd, t)) {
				continue
			}
			score := 0
			switch {
			case p.Feature == "country":
				score = 60
			default:
				score = 12 * (precisionRank(p) - 1)
			}
			dist := t - cd.tr.start
			if dist < 0 {
				dist = -dist + 4 // a place after the trigger is likelier its object
			}
			score += dist
			if x.governed(cd, pi) {
				score -= 15 // "على X", "في X", "قرب X" right after the trigger
			}
			if x.dateline(pi) {
				score += 40 // "الحسكة - …": where the report was filed
			}
			if x.exposedPlace(t) {
				score -= 20 // "تعرضت المنطقة الخضراء لقصف": the place hit
			}
			if score < bestScore {
				best, bestScore = pi, score
			}
		}
	}
	consider(cd.cl.start, cd.cl.end)
	cd.placeFrom = "clause"
	if best < 0 {
		s := d.Sents[cd.sent]
		consider(int(s.Start), int(s.End))
		cd.placeFrom = "sentence"
	}
	if best < 0 {
		cd.placeFrom = ""
	}
	if best >= 0 {
		cd.place = best
		cd.note("at %s", d.SpanText(d.Places[best].Mention))
	}
}

// exposedPlace reports a place that is the subject of تعرض (was hit by).
func (x *context) exposedPlace(t int) bool {
	for k := max(0, t-2); k < t; k++ {
		if w := stripClitic(x.d.TokNorm(k)); strings.HasPrefix(w, "تعرض") || strings.HasPrefix(w, "يتعرض") {
			return true
		}
	}
	return false
}

// dateline reports whether place pi opens its paragraph followed by a
// dash or slash (الحسكة - ، كركوك/).
func (x *context) dateline(pi int) bool {
	d := x.d
	m := d.Places[pi].Mention
	if !d.Tokens[m.Start].Has(doc.LineStart) || int(m.End) >= len(d.Tokens) {
		return false
	}
	w := d.TokNorm(int(m.End))
	return w == "-" || w == "/" || w == "--" || w == ":"
}

// inPlannedObject reports a place that is the object of another trigger of
// the sentence that is only planned (تهدف للسيطرة على بلدة الدشيشة).
func (x *context) inPlannedObject(cd *cand, t int) bool {
	s := x.d.Sents[cd.sent]
	for i := range x.trigs {
		o := &x.trigs[i]
		if o == cd.tr || o.end > t || t-o.end > 4 || o.start < int(s.Start) {
			continue
		}
		planned := o.form != kb.FormPast && hasPrefix(o.pre, "ل") || o.form == kb.FormPresent && hasPrefix(o.pre, "س")
		for k := max(0, o.start-3); k < o.start && !planned; k++ {
			if x.feat[k]&(fPurpose|fFuture) != 0 {
				planned = true
			}
		}
		if planned {
			return true
		}
	}
	return false
}

// governed reports whether place pi follows the trigger and is introduced
// by a locative preposition or head noun within a few words of it.
func (x *context) governed(cd *cand, pi int) bool {
	d := x.d
	t := int(d.Places[pi].Mention.Start)
	if t < cd.tr.end || t-cd.tr.end > 8 {
		return false
	}
	for k := max(cd.tr.end, t-3); k < t; k++ {
		switch stripClitic(d.TokNorm(k)) {
		case "في", "علي", "قرب", "عند", "داخل", "نحو", "الي", "باتجاه", "محيط", "اطراف", "مدينه", "بلده", "قريه", "حي",
			"منطقه", "مخيم", "قريتي", "بلدتي", "مدينتي", "محافظه", "ريف", "قضاء", "محور", "ناحيه", "مديريه", "من", "مستوطنه":
			return true
		}
	}
	tok := d.Tokens[t]
	pro := d.Text[tok.Start:d.Places[pi].Mention.StartByte]
	return pro != "" // a proclitic preposition: بالدشيشة, في+ب
}

// notLocative reports whether a place is no event location: the seat of a
// source (ومقره لندن), a place before the trigger that is not introduced
// by a locative word and not the trigger's subject, or a place inside the
// reporting phrase between a reporting verb and the trigger.
func (x *context) notLocative(cd *cand, pi int) bool {
	d := x.d
	t := int(d.Places[pi].Mention.Start)
	if t > 0 {
		switch stripClitic(d.TokNorm(t - 1)) {
		case "مقره", "مقرها", "ومقره", "ومقرها", "مراسل", "لمراسل", "عاصمه", "مركز":
			return true
		}
	}
	if t >= cd.tr.start {
		return false
	}
	// before the trigger: a report verb between the place and the trigger
	// makes it part of the attribution (قالت وزارة الدفاع في دمشق إن …)
	for k := t + 1; k < cd.tr.start; k++ {
		if x.feat[k]&fReport != 0 {
			return true
		}
	}
	return false
}

// unarmedDeaths reports deaths in the strike's sentence with no armed
// victims named (3 شهداء، مقتل أشخاص): ACLED's civilians.
func (x *context) unarmedDeaths(cd *cand) bool {
	// the deaths told in the strike's own clause, when it names them
	// (في وقت استشهد 4 سوريين في غارة إسرائيلية …)
	if f := x.featIn(cd.cl.start, cd.cl.end); f&fArmed == 0 {
		if f&fCivilian != 0 {
			return true
		}
		for _, k := range cd.kills {
			if k.start >= cd.cl.start && k.start < cd.cl.end {
				return true
			}
		}
	}
	s := x.d.Sents[cd.sent]
	f := x.featIn(int(s.Start), int(s.End))
	if f&fArmed != 0 {
		return false
	}
	if f&(fKilled|fCivilian) != 0 || len(cd.kills) > 0 {
		return true
	}
	return false
}

// offensive reports an article about fighting: a clash or capture trigger
// anywhere in it, so forces entering a town are taking it.
func (x *context) offensive() bool {
	for i := range x.trigs {
		switch x.trigs[i].t.Class {
		case cClash, cCapture, cRetake:
			return true
		}
	}
	return false
}

// otherTriggerIn reports a trigger of the class in the candidate's sentence.
func (x *context) otherTriggerIn(cd *cand, class string) bool {
	s := x.d.Sents[cd.sent]
	for i := range x.trigs {
		t := &x.trigs[i]
		if t != cd.tr && t.t.Class == class && t.start >= int(s.Start) && t.start < int(s.End) {
			return true
		}
	}
	return false
}

// deathsInSentence reports killings in the protest's sentence (قتل سبعة
// متظاهرين): force against protesters that killed is excessive.
func (x *context) deathsInSentence(cd *cand) bool {
	if len(cd.kills) > 0 {
		return true
	}
	s := x.d.Sents[cd.sent]
	return x.featIn(int(s.Start), int(s.End))&fKilled != 0
}

// controlObjects are what "سيطر على" takes when it is not territory.
var controlObjects = map[string]bool{
	"الوضع": true, "الاوضاع": true, "الموقف": true, "زمام": true, "الحريق": true, "النيران": true, "الامور": true,
	"الحرائق": true, "اعصابه": true, "السوق": true, "الاسعار": true,
}

// victimFeat returns the features of the clause's words that can name the
// victims: all but the agent's mention and the nominative subject nouns
// (مسلحون in "قتل مسلحون ثلاثة مدنيين" are the killers).
func (x *context) victimFeat(cd *cand) feature {
	f := x.victimFeatIn(cd, cd.cl.start, cd.cl.end)
	s := x.d.Sents[cd.sent]
	// the victims of the killing told with the event (قتل عشرات المدنيين
	// … في هجوم) and the clauses of the other attack words of its sentence
	// (هاجم مستوطنون القرية … وأطلقوا النار على الأهالي)
	for _, k := range cd.kills {
		if k.form != kb.FormNoun || k.end < cd.tr.start {
			f |= x.victimFeatIn(cd, k.end, min(k.end+3, int(s.End)))
		}
	}
	for _, o := range cd.also {
		cl := x.clauseOf(x.clauses(s), o.start)
		f |= x.victimFeatIn(cd, cl.start, cl.end)
	}
	return f
}

// victimFeatIn is victimFeat over the tokens [a, b).
func (x *context) victimFeatIn(cd *cand, a, b int) feature {
	var f feature
	for t := a; t < b; t++ {
		if cd.actor1 != nil && cd.actor1.Span.EndByte > 0 && t >= int(cd.actor1.Span.Start) && t < int(cd.actor1.Span.End) {
			continue
		}
		if x.feat[t]&fArmed != 0 && x.d.Tokens[t].Kind == doc.Word {
			w := x.d.TokNorm(t)
			if strings.HasSuffix(w, "ون") || (strings.HasSuffix(w, "و") && len(w) > 6) {
				continue
			}
		}
		f |= x.feat[t]
	}
	return f
}

// armedVictims reports fighters as the object of a trigger: an armed noun
// after it that is not a nominative subject (أسرت عشرات من مقاتلي …, not
// اختطف مسلحون مدنيين).
func (x *context) armedVictims(cd *cand) bool {
	for t := cd.tr.end; t < min(cd.tr.end+4, cd.cl.end); t++ {
		if x.feat[t]&fArmed != 0 && !strings.HasSuffix(x.d.TokNorm(t), "ون") {
			return true
		}
	}
	return false
}

// placeObject reports a settlement named right after the trigger (هاجم
// قرية X، هجوم على بلدة X).
func (x *context) placeObject(cd *cand) bool {
	for pi := range x.d.Places {
		if x.governed(cd, pi) && precisionRank(&x.d.Places[pi]) == 1 && int(x.d.Places[pi].Mention.Start)-cd.tr.end <= 4 {
			return true
		}
	}
	return false
}

// lootObjects are goods and property: "استولى على" them is looting.
var lootObjects = normSet("بضائع", "البضائع", "أموال", "الأموال", "ممتلكات", "الممتلكات", "مواشي", "المواشي", "محتويات",
	"مساعدات", "المساعدات", "سيارات", "مركبات", "أثاث", "مقتنيات", "محاصيل", "المحاصيل", "مخازن", "منازل", "منزل", "أراضي")

// normSet is the set of the normalized words.
func normSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// buildingObjects are what "اقتحم" and "دخل" take in a raid, not a capture.
var buildingObjects = map[string]bool{
	"منازل": true, "منزل": true, "بيوت": true, "بيت": true, "سوق": true, "السوق": true, "الاسواق": true, "مقر": true,
	"مقرات": true, "مبني": true, "المبني": true, "مباني": true, "مستشفي": true, "المستشفي": true, "مدرسه": true,
	"مكاتب": true, "مكتب": true, "مسجد": true, "المسجد": true, "جامعه": true, "الجامعه": true, "محل": true,
	"محلات": true, "مخيم": true, "خيام": true, "مبنى": true, "ساحه": true, "مقار": true, "شقه": true, "شقق": true,
}

// objectIs reports whether the first word of the trigger's object (after
// the trigger, skipping على and the subject's filler words) is in set.
func (x *context) objectIs(cd *cand, set map[string]bool) bool {
	d := x.d
	content := 0
	for t := cd.tr.end; t < min(cd.tr.end+14, int(d.Sents[cd.sent].End)); t++ {
		w := d.TokNorm(t)
		if w == "علي" || d.Tokens[t].Kind != doc.Word {
			continue
		}
		if set[w] || set[stripClitic(w)] {
			return true
		}
		if x.actorAt[t] >= 0 || actorFillers[w] || x.inDateMention(t) ||
			(w == "من" && t+1 < len(d.Tokens) && x.actorAt[t+1] >= 0) {
			continue // the subject after the verb and a time: اقتحم مسلحون من X، فجر الجمعة، السوق
		}
		content++
		if content > 1 || t > cd.tr.end+4 {
			return false
		}
	}
	return false
}

// inDateMention reports whether token t lies inside a date expression.
func (x *context) inDateMention(t int) bool {
	for _, m := range x.dates {
		if int(m.Start) <= t && t < int(m.End) {
			return true
		}
	}
	return false
}

// weaponsObject reports whether a capture's object is arms (استولى على
// أسلحة): a seizure, not territory.
func (x *context) weaponsObject(cd *cand) bool {
	reach := cd.tr.end + 6
	if cd.class == cSeize {
		reach = cd.cl.end // عثرت القوات في X، الليلة ذاتها، على منصة الإطلاق
	}
	for t := cd.tr.end; t < min(reach, cd.cl.end); t++ {
		if x.feat[t]&fWeapons != 0 {
			return true
		}
		if x.placeAt[t] >= 0 && cd.class != cSeize {
			return false
		}
	}
	return false
}

// since reports whether a date at token t follows منذ (since): the start of
// a period, not an event's date.
func (x *context) since(t int) bool {
	for k := max(0, t-3); k < t; k++ {
		if w := x.d.TokNorm(k); w == "منذ" || w == "ومنذ" {
			return true
		}
	}
	return false
}

// inReport reports whether token t is inside the attribution phrase.
func (x *context) inReport(cd *cand, t int) bool {
	return cd.reported != nil && t >= int(cd.reportSpan.Start) && t < int(cd.reportSpan.End)
}

// date picks the nearest resolved date expression of the clause, then of
// the sentence.
func (x *context) date(cd *cand, cls []clause) {
	d := x.d
	pick := func(a, b int) bool {
		best, bestDist := -1, 1<<30
		for i, m := range x.dates {
			t := int(m.Start)
			if t < a || t >= b || !m.Date.Date.Full() && m.Date.Precision != doc.Month && m.Date.Precision != doc.Week {
				continue
			}
			if m.Date.Date.IsZero() || strings.Contains(m.Label, "future") || x.since(t) {
				continue
			}
			dist := t - cd.tr.start
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best < 0 {
			return false
		}
		m := x.dates[best]
		cd.date, cd.prec = m.Date.Date, m.Date.Precision
		cd.note("on %s (%q)", cd.date, d.SpanText(m.Span))
		return true
	}
	if pick(cd.cl.start, cd.cl.end) {
		cd.dateFrom = "clause"
		return
	}
	s := d.Sents[cd.sent]
	if pick(int(s.Start), int(s.End)) {
		cd.dateFrom = "sentence"
	}
}
