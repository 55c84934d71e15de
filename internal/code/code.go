// Package code is rasd's event coder: it turns the sentences of a resolved
// document into ACLED-coded events. For each trigger (a verb, verbal noun
// or set phrase from the trigger lexicon) it reads the clause around it:
// the weapon and victim words that decide the sub-event type, the actors by
// their roles (Arabic VSO and SVO orders, passives, genitives, the
// prepositions of the trigger's frame), the location, the date, the
// fatalities, the status (negated, planned, claimed, ongoing), who said so,
// and the evidence span. Then it merges the mentions of one event within
// the article and applies ACLED atomicity.
//
// It runs after the geo and actor stages and reads Doc.Places, Doc.Actors
// and the date and number mentions.
package code

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// Options configures the coder. The zero value codes what ACLED codes.
type Options struct {
	// KeepAll also emits planned, negated and denied events (with their
	// status); by default they are left out, as ACLED leaves them out.
	KeepAll bool
}

// Coder is the event-coding stage; immutable, safe for concurrent use.
type Coder struct {
	kb  *kb.KB
	opt Options
}

// New returns a coder using the knowledge base's trigger lexicon.
func New(k *kb.KB, opt Options) *Coder { return &Coder{kb: k, opt: opt} }

// Name returns the stage name.
func (c *Coder) Name() string { return "code" }

// Run codes the document's events into Doc.Events.
func (c *Coder) Run(d *doc.Doc) {
	trigs, mods := scanLexicons(c.kb, d)
	x := newContext(c, d, trigs, mods)
	var cands []*cand
	for si := range d.Sents {
		cands = append(cands, x.sentence(si)...)
	}
	x.carry(cands)
	d.Events = append(d.Events, x.finish(cands)...)
}

// context holds the per-document lookups the coder uses.
type context struct {
	c     *Coder
	d     *doc.Doc
	trigs []trig
	mods  []mod
	feat  []feature // OR of the modifier features covering each token
	modAt []int     // token → index of the modifier starting there, -1
	// actorAt and placeAt map a token to the resolved actor or place whose
	// mention covers it, -1 when none.
	actorAt []int
	placeAt []int
	dates   []doc.Mention
	nums    []doc.Mention
	persons []doc.Mention
	// parents[i] marks places that only locate the place before them (X جنوب Y).
	parents map[int]bool
	// lastBattle is the latest battle kept by finish (for associates).
	lastBattle *cand
}

func newContext(c *Coder, d *doc.Doc, trigs []trig, mods []mod) *context {
	n := len(d.Tokens)
	x := &context{c: c, d: d, trigs: trigs, mods: mods, feat: make([]feature, n), modAt: make([]int, n),
		actorAt: make([]int, n), placeAt: make([]int, n), parents: map[int]bool{}}
	for i := range x.modAt {
		x.modAt[i], x.actorAt[i], x.placeAt[i] = -1, -1, -1
	}
	for i, m := range mods {
		x.modAt[m.start] = i
		for t := m.start; t < m.end; t++ {
			x.feat[t] |= m.feat
		}
	}
	for i, a := range d.Actors {
		for t := a.Span.Start; t < a.Span.End; t++ {
			x.actorAt[t] = i
		}
	}
	for i, p := range d.Places {
		for t := p.Mention.Start; t < p.Mention.End; t++ {
			x.placeAt[t] = i
		}
	}
	for _, m := range d.Mentions {
		switch {
		case m.Kind == doc.MDate && m.Date != nil:
			x.dates = append(x.dates, m)
		case m.Kind == doc.MNumber && m.Num != nil:
			x.nums = append(x.nums, m)
		case m.Kind == doc.MPerson:
			x.persons = append(x.persons, m)
		}
	}
	x.findParents()
	return x
}

// findParents marks places that follow another place through link words
// only (الدشيشة جنوب الحسكة, هجين شرق دير الزور, X بريف Y): they say where
// the first place is and are not event locations themselves.
func (x *context) findParents() {
	d := x.d
	for i := 1; i < len(d.Places); i++ {
		a, b := d.Places[i-1].Mention, d.Places[i].Mention
		if int(b.Start)-int(a.End) > 4 || b.Start < a.End {
			continue
		}
		tok := d.Tokens[b.Start]
		pro := arabic.Normalize(d.Text[tok.Start:b.StartByte])
		// a glued و (ورامية) coordinates, it does not locate; a glued ب
		// (حي الدروشاب بالخرطوم بحري) locates like في
		ok := int(b.Start) > int(a.End) || pro == "ب"
		container := false // "في قضاء Y", "في منطقة Y", "شرق Y": Y contains X
		for t := int(a.End); t < int(b.Start); t++ {
			if !x.isLink(t) || strings.HasPrefix(d.TokNorm(t), "و") {
				ok = false
				break
			}
			container = container || containerWord(stripClitic(d.TokNorm(t)))
		}
		if strings.HasPrefix(pro, "و") {
			ok = false
		}
		// the first place's own rank, not raised by "قرب X": a town near
		// which something happened is still inside "قضاء Y" (قرب ناحية سنوني
		// في قضاء سنجار)
		if ok && (container || precisionRank(&d.Places[i]) >= x.ownRank(i-1)) {
			x.parents[i] = true
		}
	}
}

// containerWord reports a link word that makes the place after it the
// container of the place before it: an administrative or area head noun or
// a direction (X في قضاء Y, X في منطقة Y, X شرق Y).
func containerWord(w string) bool {
	switch w {
	case "قضاء", "محافظه", "ولايه", "مديريه", "ريف", "منطقه", "ناحيه", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي",
		"شمالي", "جنوبي":
		return true
	}
	return false
}

// ownRank is precisionRank without the "near" reading: a settlement named
// after قرب (with or without its head noun) keeps the rank of a settlement.
func (x *context) ownRank(pi int) int {
	p := &x.d.Places[pi]
	r := precisionRank(p)
	if r != 2 || p.ID == "" || p.GeoPrecision != 2 {
		return r
	}
	switch p.Feature {
	case "admin1", "admin2", "admin3", "region", "country":
		return r
	}
	t := int(p.Mention.Start)
	for k := max(0, t-3); k < t; k++ {
		switch stripClitic(x.d.TokNorm(k)) {
		case "قرب", "القرب", "محيط", "اطراف", "ضواحي", "مشارف", "تخوم":
			return 1
		}
	}
	return r
}

func (x *context) isLink(t int) bool {
	tok := x.d.Tokens[t]
	if tok.Flags&(doc.QuoteOpen|doc.QuoteClose|doc.ParenOpen|doc.ParenClose) != 0 {
		return true
	}
	w := x.d.TokNorm(t)
	switch w {
	case ",", "-", "،":
		return true
	}
	base := stripClitic(w)
	switch base {
	case "في", "من", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "ريف", "محافظه", "منطقه",
		"قرب", "ناحيه", "مدينه", "قضاء", "مديريه", "ولايه", "وسط", "اقصي", "التابعه", "التابع", "الواقعه",
		"الواقع", "عند", "اطراف", "محيط", "داخل", "ل", "بلده", "مركز", "الشرقي", "الغربي", "الشمالي", "الجنوبي",
		"الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "بالقرب", "نحو", "حوالي", "كم", "كيلومتر", "كيلومترات":
		return true
	}
	return x.d.Tokens[t].Kind == doc.Number
}

// stripClitic removes a one-letter proclitic (و ب ل ف) from a word of 4+
// letters.
func stripClitic(w string) string {
	for _, p := range []string{"وب", "ب", "و", "ل", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 6 {
			return rest
		}
	}
	return w
}

// precisionRank orders places from most to least specific as event
// locations: 1 a settlement or site (also one the gazetteer lacks, named
// after a head noun), 2 a district or the surroundings of a town (ريف X,
// شرق X), 3 a province or region, 4 a country.
func precisionRank(p *doc.Place) int {
	switch p.Feature {
	case "country":
		return 4
	case "region":
		if p.Admin2 != "" {
			return 2 // a named area inside one district (منطقة الكسارة, وادي حوران)
		}
		return 3
	case "admin1":
		return 3
	case "admin2", "admin3":
		return 2
	}
	if p.ID == "" {
		if p.GeoPrecision == 3 && p.Admin1 == "" {
			return 3
		}
		return 1
	}
	if p.GeoPrecision >= 2 {
		return 2
	}
	return 1
}

// cand is a candidate event under construction.
type cand struct {
	tr         *trig
	sent       int
	cl         clause
	class      string
	typ, sub   string
	cameo      string
	actor1     *doc.ActorRef
	actor2     *doc.ActorRef
	assoc1     []doc.ActorRef
	place      int // index into Doc.Places, -1 none
	date       doc.Date
	prec       doc.Precision
	dateFrom   string // "clause", "sentence", "context", "published"
	placeFrom  string // "clause", "sentence", "context"
	fatal      *int
	status     doc.Status
	reported   *doc.ActorRef
	reportSpan doc.Span
	why        []string
	conf       float64
	drop       string // why the candidate is not an event
	kills      []*trig
	// also are the other triggers of the same class in the sentence that
	// tell this event (a generic attack word is coded once per sentence)
	also []*trig
}

func (cd *cand) note(format string, a ...any) { cd.why = append(cd.why, fmt.Sprintf(format, a...)) }

// clause is a token range inside a sentence.
type clause struct{ start, end int }

// clauses splits a sentence at connectives: a comma or semicolon followed by
// a new clause (و/ف + word, كما, فيما, بينما, حيث, إذ, ثم), and before
// فيما/بينما/في حين.
func (x *context) clauses(s doc.Span) []clause {
	d := x.d
	var out []clause
	start := int(s.Start)
	between := -1 // "بين X، …، وY": no cut before Y, the second side
	for t := int(s.Start) + 1; t < int(s.End); t++ {
		w := d.TokNorm(t)
		if w == "بين" || w == "وبين" {
			between = t
		}
		cut := false
		switch w {
		case "فيما", "بينما", "ثم", "كما", "حيث", "اذ", "وفيما", "وبينما":
			cut = true
		case "في":
			// في حين، في وقت + a clause (not في وقت سابق/متأخر: a time)
			cut = t+1 < int(s.End) && d.TokNorm(t+1) == "حين" ||
				t+2 < int(s.End) && d.TokNorm(t+1) == "وقت" && d.Tokens[t+2].Kind == doc.Word && !timeQualifiers[d.TokNorm(t+2)]
		}
		if prev := d.TokNorm(t - 1); prev == "," || prev == ";" || prev == "،" {
			if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
				cut = between < 0 || t-between > 15
				if x.secondSide(t) {
					between = -1
				}
			}
		}
		if cut && t-start >= 2 {
			out = append(out, clause{start, t})
			start = t
		}
	}
	return append(out, clause{start, int(s.End)})
}

// partitiveNoun reports an actor at t introduced by a noun and من (مقاومين
// من كتيبة جنين): the noun names members of the actor.
func (x *context) partitiveNoun(t int) bool {
	p := x.prevWord(t)
	return p >= 0 && p+1 < t && x.d.TokNorm(p+1) == "من"
}

// sideStart returns the first token of the phrase of an actor starting
// at t: the و-filler before it (وقوات حكومة), else t.
func (x *context) sideStart(t int) int {
	for k := t - 1; k >= max(0, t-2); k-- {
		if !isFiller(x.d, k) || x.d.Tokens[k].Kind != doc.Word {
			break
		}
		if strings.HasPrefix(x.d.TokNorm(k), "و") {
			return k
		}
	}
	return t
}

// secondSide reports whether token t, a و-word, opens an actor mention
// (وقوات حكومة …، وعناصر داعش).
func (x *context) secondSide(t int) bool {
	d := x.d
	if !strings.HasPrefix(d.TokNorm(t), "و") {
		return false
	}
	for k := t; k < min(t+3, len(d.Tokens)); k++ {
		if ai := x.actorAt[k]; ai >= 0 && int(d.Actors[ai].Span.Start) == k {
			return true
		}
		if k > t && d.Tokens[k].Kind == doc.Word && !isFiller(d, k) {
			return false
		}
		if k == t && !isFiller(d, k) {
			return false
		}
	}
	return false
}

// timeQualifiers follow "في وقت" when it names a time, not a clause.
var timeQualifiers = map[string]bool{
	"سابق": true, "لاحق": true, "متاخر": true, "مبكر": true, "واحد": true, "قصير": true, "قياسي": true,
	"مضي": true, "سابقا": true, "لاحقا": true, "حرج": true, "حساس": true, "من": true,
}

func (x *context) clauseOf(cls []clause, t int) clause {
	for _, c := range cls {
		if t >= c.start && t < c.end {
			return c
		}
	}
	return cls[len(cls)-1]
}

// featIn returns the features of the modifiers in [a, b).
func (x *context) featIn(a, b int) feature {
	var f feature
	for t := max(a, 0); t < b && t < len(x.feat); t++ {
		f |= x.feat[t]
	}
	return f
}

// sentence codes the triggers of sentence si.
func (x *context) sentence(si int) []*cand {
	d := x.d
	s := d.Sents[si]
	cls := x.clauses(s)
	var here []*trig
	for i := range x.trigs {
		tr := &x.trigs[i]
		if tr.start >= int(s.Start) && tr.start < int(s.End) {
			here = append(here, tr)
		}
	}
	if len(here) == 0 {
		return nil
	}
	// drop triggers that are part of a standing-condition phrase (تحت سيطرة)
	// or of a modifier that reads them differently
	var live []*trig
	for _, tr := range here {
		if x.featIn(tr.start, tr.end)&fState != 0 || x.stateBefore(tr) || x.insideName(tr) || x.inDate(tr) || campaignNoun(tr) ||
			x.mediaName(tr) || x.circumstance(tr) {
			continue
		}
		live = append(live, tr)
	}
	{
		kept := live[:0]
		for _, tr := range live {
			if weaponNoun(tr) {
				cl := x.clauseOf(cls, tr.start)
				if x.featIn(cl.start, cl.end)&fFire == 0 && x.featIn(cl.start, cl.end)&fKilled == 0 {
					continue
				}
			}
			kept = append(kept, tr)
		}
		live = kept
	}
	// (b) a specific act absorbs the generic words of its sentence: in
	// "استهدف ... بقصف صاروخي" or "هجوم بطائرة مسيرة" one event is told
	specific := false
	for _, tr := range live {
		if strength(tr.t.Class) >= 6 {
			specific = true
		}
	}
	if specific {
		kept := live[:0]
		for _, tr := range live {
			if tr.t.Class == cAttack || tr.t.Class == cSnipe {
				continue
			}
			kept = append(kept, tr)
		}
		live = kept
	}
	// group by clause; kill triggers attach to the sentence's main event
	var cands []*cand
	var kills []*trig
	for _, tr := range live {
		if tr.t.Class == cKill {
			kills = append(kills, tr)
			continue
		}
		cl := x.clauseOf(cls, tr.start)
		// one event per class per clause; a generic attack word once per sentence
		dup := false
		for _, c := range cands {
			if c.class == tr.t.Class && (c.cl == cl || tr.t.Class == cAttack) {
				dup = true
				c.also = append(c.also, tr)
				break
			}
		}
		if dup {
			continue
		}
		cands = append(cands, &cand{tr: tr, sent: si, cl: cl, class: tr.t.Class, place: -1})
	}
	if len(cands) == 0 && len(kills) > 0 {
		tr := kills[0]
		cands = append(cands, &cand{tr: tr, sent: si, cl: x.clauseOf(cls, tr.start), class: cKill, place: -1})
		kills = kills[1:]
	}
	for _, k := range kills {
		// the event in the same clause, else the strongest in the sentence
		var host *cand
		for _, c := range cands {
			if k.start >= c.cl.start && k.start < c.cl.end {
				host = c
			}
		}
		if host == nil {
			// the strongest event of the sentence; the dead fell in
			// violence against people, not in the destruction of property
			// told beside it (قتل عشرات … في هجوم …، حيث أحرق المهاجمون السوق)
			rank := func(c *cand) int {
				if c.class == cDestroy || c.class == cLoot {
					return 2
				}
				return strength(c.class)
			}
			for _, c := range cands {
				if host == nil || rank(c) > rank(host) {
					host = c
				}
			}
		}
		host.kills = append(host.kills, k)
	}
	for _, cd := range cands {
		x.build(cd, cls)
	}
	return x.absorbContext(cands)
}

// absorbContext drops what a sentence's main event makes context: a
// deployment told beside violence (a convoy hit by a bomb), arrests at a
// dispersed protest, a protest or destruction inside a riot, destruction
// during an attack on civilians, the drone an interception stopped.
func (x *context) absorbContext(cands []*cand) []*cand {
	live := func(c *cand) bool {
		return c.drop == "" && (c.status == "" || c.status == doc.Occurred || c.status == doc.Ongoing || c.status == doc.Claimed)
	}
	has := func(pred func(c *cand) bool) bool {
		for _, c := range cands {
			if live(c) && pred(c) {
				return true
			}
		}
		return false
	}
	violent := has(func(c *cand) bool {
		return strength(c.class) >= 6 || c.class == cKill || c.class == cProtest || c.class == cRiot || c.class == cMob
	})
	riot := has(func(c *cand) bool { return c.class == cRiot || c.class == cMob })
	vac := has(func(c *cand) bool { return c.typ == ViolenceCivilians })
	intercept := has(func(c *cand) bool { return c.class == cIntercept && c.typ == StrategicDev })
	seized := has(func(c *cand) bool { return c.class == cSeize && c.typ == StrategicDev })
	fighting := has(func(c *cand) bool { return c.typ == Battles || c.typ == ExplosionsRemote })
	// an arrest made on another day than the protest or fighting it
	// follows (أوقفت اليوم خمسة … خلال مواجهات ليل الأربعاء) is an event
	// of its own
	sameDay := func(a *cand, pred func(c *cand) bool) bool {
		for _, c := range cands {
			if c != a && live(c) && pred(c) && (!a.date.Full() || !c.date.Full() || a.date == c.date) {
				return true
			}
		}
		return false
	}
	// a clash told inside an attack on civilians by the same perpetrator
	// (هاجم مستوطنون القرية … وأطلقوا النار على الأهالي الذين حاولوا
	// التصدي لهم): the resistance of the victims is part of the attack
	var vacHost *cand
	for _, c := range cands {
		if live(c) && c.typ == ViolenceCivilians && c.sub == Attack {
			vacHost = c
			break
		}
	}
	var out []*cand
	for _, c := range cands {
		if vacHost != nil && live(c) && c.typ == Battles && c.sub == ArmedClash && (c.actor1 == nil || sameActor(c.actor1, vacHost.actor1)) &&
			(c.actor2 == nil || isCivilians(c.actor2)) && (c.place == vacHost.place || c.place < 0) {
			if c.fatal != nil && (vacHost.fatal == nil || *vacHost.fatal < *c.fatal) {
				f := *c.fatal
				vacHost.fatal = &f
			}
			x.d.Note("code", c.tr.span, "part of the sentence's attack on civilians")
			continue
		}
		arrestCtx := c.class == cArrest && (sameDay(c, func(o *cand) bool { return o.class == cProtest }) ||
			sameDay(c, func(o *cand) bool { return o.typ == Battles || o.typ == ExplosionsRemote }))
		switch {
		case c.class == cDeploy && violent,
			arrestCtx,
			(c.class == cProtest || c.class == cDestroy || c.class == cLoot) && riot,
			(c.class == cDestroy || c.class == cLoot) && (vac || fighting),
			c.class == cMob && has(func(o *cand) bool { return o.class == cRiot }),
			(c.class == cDrone || c.class == cAir || c.class == cShell) && intercept,
			c.tr.form == kb.FormNoun && seized && strength(c.class) >= 7:
			// the explosives and rockets a seizure found are its object
			x.d.Note("code", c.tr.span, "context of the sentence's main event: "+c.sub)
			continue
		}
		out = append(out, c)
	}
	return out
}

// insideName reports whether a trigger lies inside an actor or place name
// (الحشد in الحشد الشعبي, معركة as a village).
func (x *context) insideName(tr *trig) bool {
	for t := tr.start; t < tr.end; t++ {
		if (x.actorAt[t] >= 0 && !x.d.Actors[x.actorAt[t]].Generic) || x.placeAt[t] >= 0 {
			return true
		}
	}
	return false
}

// weaponNoun reports a trigger that names a projectile rather than an act
// (صواريخ، قذائف، راجمات): it reports a strike only with a firing or
// falling word in its clause ("تضم دبابات وراجمات صواريخ" is equipment).
func weaponNoun(tr *trig) bool {
	switch tr.t.ID {
	case "shell.sarukh", "shell.qadhifa", "shell.rajima":
		return tr.form == kb.FormNoun
	}
	return false
}

// inDate reports whether a trigger lies inside a date expression (فجر in
// فجر اليوم is dawn, not a detonation).
func (x *context) inDate(tr *trig) bool {
	for _, m := range x.dates {
		if int(m.Start) < tr.end && tr.start < int(m.End) {
			return true
		}
	}
	return false
}

// circumstance reports a verbal noun that only sets the scene: "مع تقدم
// قوات X" (as X advances), "إحراز تقدم" (making progress).
func (x *context) circumstance(tr *trig) bool {
	if tr.start == 0 {
		return false
	}
	if tr.form != kb.FormNoun {
		p := x.d.TokNorm(tr.start - 1)
		return (p == "مع" || p == "ومع") && tr.t.Nouns != nil && (tr.t.Class == cClash || tr.t.Class == cCapture) && x.homograph(tr)
	}
	prev := x.d.TokNorm(tr.start - 1)
	switch {
	case prev == "مع" || prev == "ومع":
		// مع governs a noun: "مع تقدم قوات X" reads تقدم as the verbal
		// noun whatever its spelling shares with the verb
		return tr.t.Class == cClash || tr.t.Class == cCapture
	case strings.HasPrefix(stripClitic(prev), "احراز"):
		return true
	case (prev == "بعد" || prev == "وبعد") && (tr.definite || x.constructNoun(tr)):
		return true // "بعد هجوم الكرادة": an earlier event the text refers to
	}
	return false
}

// constructNoun reports a noun trigger followed by a place or actor in
// construct (هجوم الكرادة، غارات التحالف).
func (x *context) constructNoun(tr *trig) bool {
	return tr.end < len(x.d.Tokens) && (x.placeAt[tr.end] >= 0 || x.actorAt[tr.end] >= 0)
}

// mediaName reports a trigger word that is a media outlet's name (قناة
// المسيرة, صحيفة الثورة).
func (x *context) mediaName(tr *trig) bool {
	if tr.start == 0 {
		return false
	}
	switch stripClitic(x.d.TokNorm(tr.start - 1)) {
	case "قناه", "صحيفه", "جريده", "وكاله", "موقع", "تلفزيون", "اذاعه", "مجله", "شبكه", "فضائيه":
		return true
	}
	return false
}

// campaignNoun reports a fighting noun with a possessive pronoun
// (معاركه، هجماتها، عملياته): a group's campaign in general, not an event.
func campaignNoun(tr *trig) bool {
	return tr.form == kb.FormNoun && tr.suffix && (tr.t.Class == cClash || tr.t.Class == cAttack)
}

// weakMention reports whether a noun trigger only refers to an event or a
// campaign told elsewhere: a definite verbal noun (الهجوم، الانفجار) or one
// with a possessive pronoun (معاركه، هجومها) of the generic classes.
func weakMention(tr *trig) bool {
	if tr.form != kb.FormNoun {
		return false
	}
	switch tr.t.Class {
	case cClash, cAttack, cExplosion, cShell, cAir, cDrone, cKill, cSuicide, cGrenade, cChemical:
	default:
		return false
	}
	return tr.suffix || tr.definite
}

// stateBefore reports whether a trigger noun follows "تحت" (under control).
func (x *context) stateBefore(tr *trig) bool {
	if tr.start == 0 {
		return false
	}
	p := x.d.TokNorm(tr.start - 1)
	return p == "تحت" || p == "وتحت"
}

// build fills a candidate: type, status, attribution, actors, place, date,
// fatalities.
func (x *context) build(cd *cand, cls []clause) {
	d := x.d
	tr := cd.tr
	s := d.Sents[cd.sent]
	cf := x.featIn(cd.cl.start, cd.cl.end)
	sf := x.featIn(int(s.Start), int(s.End))
	cd.note("trigger %q (%s)", d.SpanText(tr.span), tr.t.ID)

	x.status(cd, cf, sf)
	x.attribution(cd)
	x.actors(cd, cf)
	x.classify(cd, cf)
	x.location(cd, cls)
	x.date(cd, cls)
	if cd.typ != StrategicDev {
		x.fatalities(cd, cls)
	}
	if cd.status == "" {
		cd.status = doc.Occurred
		if sf&fOngoing != 0 && tr.form != kb.FormPast {
			cd.status = doc.Ongoing
		}
		if cd.reported != nil && cd.actor1 != nil && cd.reported.ID != "" && cd.reported.ID == cd.actor1.ID {
			cd.status = doc.Claimed
			cd.note("claimed: reported by actor1")
		}
	}
	cd.conf = x.confidence(cd)
}

// status sets negated, denied, planned, or a drop reason (tallies,
// background).
func (x *context) status(cd *cand, cf, sf feature) {
	d := x.d
	tr := cd.tr
	s := d.Sents[cd.sent]
	// negation right before the trigger: لم تسيطر, لا صحة
	for t := tr.start - 1; t >= max(int(s.Start), tr.start-3); t-- {
		w := d.TokNorm(t)
		if x.feat[t]&fNegation != 0 {
			next := ""
			if t+1 < len(d.Tokens) {
				next = d.TokNorm(t + 1)
			}
			if w == "لا" && (next == "تزال" || next == "يزال" || next == "يقل" || next == "تقل") {
				continue
			}
			cd.status = doc.Negated
			cd.note("negated by %q", d.TokText(t))
			return
		}
		if d.Tokens[t].Kind == doc.Punct {
			break
		}
	}
	// denial earlier in the sentence
	for t := int(s.Start); t < tr.start; t++ {
		if x.feat[t]&fDenial != 0 {
			cd.status = doc.Denied
			cd.note("denied by %q", d.TokText(t))
			return
		}
	}
	// future: the س of the verb, or a future word shortly before
	if tr.form == kb.FormPresent && hasPrefix(tr.pre, "س") {
		cd.status = doc.Planned
		cd.note("future tense")
		return
	}
	// a future word before the trigger: anywhere in the clause for a noun or
	// present form (يعمل التحالف على السيطرة), right before a past form
	reach := cd.cl.start
	if tr.form == kb.FormPast {
		reach = max(cd.cl.start, tr.start-2)
	}
	for t := tr.start - 1; t >= reach; t-- {
		if x.feat[t]&fFuture == 0 {
			continue
		}
		w := d.TokNorm(t)
		if w == "قد" || w == "وقد" || w == "فقد" {
			// قد + imperfect is "may"; قد + past is "has"; only next to its verb
			if t+1 < len(d.Tokens) && !looksImperfect(d.TokNorm(t+1)) || tr.start-t > 3 {
				continue
			}
		}
		cd.status = doc.Planned
		cd.note("future or possibility: %q", d.TokText(t))
		return
	}
	// a future word right after a noun trigger: المعركة المقبلة
	for t := tr.end; t < min(tr.end+2, cd.cl.end); t++ {
		if x.feat[t]&fFuture != 0 {
			cd.status = doc.Planned
			cd.note("future: %q", d.TokText(t))
			return
		}
	}
	// purpose: لشن، للسيطرة، بهدف، استعدادا لـ
	if tr.form != kb.FormPast && hasPrefix(tr.pre, "ل") && !x.exposedTo(tr) {
		cd.status = doc.Planned
		cd.note("purpose (ل + %s)", tr.t.ID)
		return
	}
	for t := tr.start - 1; t >= max(cd.cl.start, tr.start-3); t-- {
		if x.feat[t]&fPurpose != 0 {
			cd.status = doc.Planned
			cd.note("purpose: %q", d.TokText(t))
			return
		}
	}
	if x.charge(tr) {
		cd.drop = "the charge of an arrest (للاشتباه بـ، بتهمة)"
		return
	}
	if x.relativeClause(tr) && cd.dateFrom == "" && !x.dateInClause(cd) {
		cd.drop = "a relative clause about the past (التي قتلت …)"
		return
	}
	if cf&fTally != 0 || x.yearsSince(cd) || x.countOverDays(cd) {
		cd.drop = "a tally over a long period"
		return
	}
	if cf&fHistory != 0 || x.featIn(int(s.Start), min(int(s.Start)+3, int(s.End)))&fHistory != 0 {
		cd.drop = "background history"
		return
	}
}

// charge reports a trigger that names what people were arrested or
// charged for (اعتقل خمسة للاشتباه بتورطهم في إحراق مبنى، بتهمة تفجير):
// the accusation, not an event told as having happened.
func (x *context) charge(tr *trig) bool {
	d := x.d
	for t := tr.start - 1; t >= max(0, tr.start-4); t-- {
		if d.Tokens[t].Kind == doc.Punct {
			return false
		}
		switch strings.TrimPrefix(d.TokNorm(t), "و") {
		case "للاشتباه", "بالاشتباه", "بتهمه", "بتهم", "بتهمتي", "لاتهامه", "لاتهامهم", "لاتهامها", "بجرم", "بجريمه":
			return true
		}
	}
	return false
}

// relativeClause reports whether a verb trigger opens a relative clause
// (التي قتلت، الذين اختطفوا).
func (x *context) relativeClause(tr *trig) bool {
	if tr.form == kb.FormNoun || tr.start == 0 {
		return false
	}
	switch x.d.TokNorm(tr.start - 1) {
	case "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي":
		return true
	}
	return false
}

// dateInClause reports a date expression inside the candidate's clause.
func (x *context) dateInClause(cd *cand) bool {
	for _, m := range x.dates {
		if int(m.Start) >= cd.cl.start && int(m.Start) < cd.cl.end {
			return true
		}
	}
	return false
}

// exposedTo reports whether a ل-prefixed trigger is the object of تعرض or
// أدى ("تعرضت لقصف" happened).
func (x *context) exposedTo(tr *trig) bool {
	for t := tr.start - 1; t >= max(0, tr.start-3); t-- {
		w := stripClitic(x.d.TokNorm(t))
		if strings.HasPrefix(w, "تعرض") || strings.HasPrefix(w, "يتعرض") || w == "ادي" || w == "ادت" || w == "يودي" ||
			w == "تودي" || w == "اضافه" || w == "نتيجه" || w == "اثر" {
			return true
		}
		if x.d.Tokens[t].Kind != doc.Word {
			return false
		}
	}
	return false
}

// yearsSince reports "منذ" + a year or a month-or-longer date in the clause.
func (x *context) yearsSince(cd *cand) bool {
	d := x.d
	for t := cd.cl.start; t < cd.cl.end; t++ {
		if w := d.TokNorm(t); w != "منذ" && w != "ومنذ" {
			continue
		}
		for _, m := range x.dates {
			if int(m.Start) <= t || int(m.Start) > t+4 {
				continue
			}
			if m.Date.Precision >= doc.Month {
				return true
			}
			if !m.Date.Date.Full() {
				// منذ الأول من أكتوبر with no year to place it: the start
				// of a period, not a day of the reported events
				return true
			}
			if pub := d.Meta.Published; pub.Full() && m.Date.Date.Full() && m.Date.Date.AddDays(30).Before(pub) {
				return true
			}
		}
		for k := t + 1; k < min(t+5, cd.cl.end); k++ {
			if d.Tokens[k].Kind == doc.Number && len(d.TokNorm(k)) == 4 {
				return true
			}
		}
	}
	return false
}

// countOverDays reports a counted event noun told over several days
// ("نفذ 21 غارة جوية" in a sentence about "خلال الأيام الثلاثة الماضية"):
// a total of many events without their days, not one event.
func (x *context) countOverDays(cd *cand) bool {
	d := x.d
	tr := cd.tr
	if tr.form != kb.FormNoun || tr.start == 0 || d.Tokens[tr.start-1].Kind != doc.Number {
		return false
	}
	if n, err := strconv.Atoi(d.TokNorm(tr.start - 1)); err != nil || n < 3 {
		return false
	}
	s := d.Sents[cd.sent]
	for t := int(s.Start); t+1 < int(s.End); t++ {
		if w := d.TokNorm(t); w != "خلال" && w != "وخلال" {
			continue
		}
		switch d.TokNorm(t + 1) {
		case "الايام", "الاسابيع", "الاشهر", "اليومين", "الاسبوعين":
			return true
		}
	}
	return false
}

func looksImperfect(w string) bool {
	w = strings.TrimPrefix(w, "و")
	if strings.HasPrefix(w, "ي") || strings.HasPrefix(w, "ن") {
		return true
	}
	if strings.HasPrefix(w, "ت") {
		return !strings.HasSuffix(w, "ت") && !strings.HasSuffix(w, "وا")
	}
	return false
}

// attribution finds who the sentence attributes the event to: a reporting
// verb before the trigger with its subject (قالت قسد، أعلن المرصد), or a
// source phrase anywhere (بحسب X، وفقا لـ X، نقلا عن X).
func (x *context) attribution(cd *cand) {
	d := x.d
	s := d.Sents[cd.sent]
	tr := cd.tr
	try := func(from, to int) bool {
		for t := from; t < to && t < int(s.End); t++ {
			if ai := x.actorAt[t]; ai >= 0 {
				a := d.Actors[ai]
				ref := a.ActorRef
				if ref.Name == "" {
					ref.Name = d.SpanText(a.Span)
				}
				cd.reported, cd.reportSpan = &ref, a.Span
				return true
			}
			for _, p := range x.persons {
				if int(p.Start) == t {
					ref := doc.ActorRef{Name: d.SpanText(p.Span), Span: p.Span}
					cd.reported, cd.reportSpan = &ref, p.Span
					return true
				}
			}
			if pi := x.placeAt[t]; pi >= 0 && d.Places[pi].Feature == "country" {
				p := d.Places[pi]
				ref := doc.ActorRef{Name: p.Name, Span: p.Mention}
				cd.reported, cd.reportSpan = &ref, p.Mention
				return true
			}
		}
		return false
	}
	for t := tr.start - 1; t >= int(s.Start); t-- {
		if x.feat[t]&fReport != 0 && x.modAt[t] >= 0 {
			m := x.mods[x.modAt[t]]
			if try(m.end, min(m.end+6, tr.start)) {
				return
			}
		}
	}
	for t := int(s.Start); t < int(s.End); t++ {
		if x.feat[t]&fSource != 0 && x.modAt[t] >= 0 {
			m := x.mods[x.modAt[t]]
			if try(m.end, m.end+5) {
				return
			}
		}
	}
}

// role of an actor mention relative to a trigger.
type role uint8

const (
	roleNone role = iota
	roleAgent
	rolePatient
	roleCounterpart
)

// actors assigns actor1, actor2 and associates from the actor mentions of
// the clause (and the sentence when the clause has none).
func (x *context) actors(cd *cand, cf feature) {
	d := x.d
	tr := cd.tr
	type arg struct {
		ai   int
		r    role
		dist int
		why  string
	}
	var args []arg
	seen := map[int]bool{}
	scan := func(a, b int) {
		for t := a; t < b; t++ {
			ai := x.actorAt[t]
			if ai < 0 || seen[ai] || int(d.Actors[ai].Span.Start) != t {
				continue
			}
			seen[ai] = true
			if cd.reported != nil && d.Actors[ai].Span == cd.reportSpan {
				// the source of the report is the agent only through a pronoun (إنها سيطرت)
				continue
			}
			r, why := x.roleOf(cd, ai)
			dist := t - tr.start
			if dist < 0 {
				dist = -dist
			}
			args = append(args, arg{ai, r, dist, why})
		}
	}
	scan(cd.cl.start, cd.cl.end)
	s := d.Sents[cd.sent]
	if len(args) == 0 {
		scan(int(s.Start), int(s.End))
	}
	// countries acting (اغتالت إسرائيل) stand for their armed forces
	var extra []doc.ActorRef
	for pi := range d.Places {
		p := &d.Places[pi]
		t := int(p.Mention.Start)
		if p.Feature != "country" || t < cd.cl.start || t >= cd.cl.end {
			continue
		}
		if x.locativeCountry(p.Mention) || x.dateline(pi) {
			continue // جنوبي السعودية، داخل العراق: where, not who
		}
		a := x.stateArmy(p.Country, p.Mention)
		if a == nil {
			continue
		}
		r, why := x.roleAt(cd, p.Mention)
		if r == roleNone || !strings.HasPrefix(why, "subject") {
			continue // a country stands for its forces only as the subject of the act
		}
		extra = append(extra, *a)
		dist := t - tr.start
		if dist < 0 {
			dist = -dist
		}
		args = append(args, arg{-len(extra), r, dist, why + ", a country for its forces"})
	}
	// "قتلت إسرائيل … في غارة": the subject of the killing verb before a
	// noun trigger is the trigger's agent
	if tr.form == kb.FormNoun {
		for _, k := range cd.kills {
			if k.form == kb.FormNoun || k.start > tr.start || k.start < cd.cl.start {
				continue
			}
			kc := *cd
			kc.tr = k
			for i := range args {
				if args[i].ai < 0 {
					continue
				}
				sp := d.Actors[args[i].ai].Span
				if r, why := x.roleAt(&kc, sp); r == roleAgent && strings.HasPrefix(why, "subject after") {
					args[i].r, args[i].dist, args[i].why = roleAgent, -1, "subject of "+d.SpanText(k.span)
				} else if int(sp.Start) > k.end && int(sp.Start) < tr.start && args[i].r == roleAgent && !strings.HasPrefix(args[i].why, "after") &&
					!x.triggerBetween(k.end, int(sp.Start)) {
					// "قتلت إسرائيل رئيس وزراء الحكومة … في غارة": what
					// follows the killer is the victim
					args[i].r, args[i].why = rolePatient, "object of "+d.SpanText(k.span)
				}
			}
			for pi := range d.Places {
				p := &d.Places[pi]
				if p.Feature != "country" || int(p.Mention.Start) < cd.cl.start || int(p.Mention.Start) >= cd.cl.end {
					continue
				}
				if r, why := x.roleAt(&kc, p.Mention); r == roleAgent && strings.HasPrefix(why, "subject after") {
					if a := x.stateArmy(p.Country, p.Mention); a != nil {
						extra = append(extra, *a)
						args = append(args, arg{-len(extra), roleAgent, -1, "subject of " + d.SpanText(k.span) + ", a country for its forces"})
					}
				}
			}
		}
	}
	// "مسلحون من تنظيم داعش", "عناصر مجهولة من فصيل الحمزات": the named
	// group the unidentified fighters belong to takes their role
	for i := 0; i < len(args); i++ {
		if args[i].ai < 0 || d.Actors[args[i].ai].Name != doc.UnidentifiedActor {
			continue
		}
		aj := x.partitiveOf(d.Actors[args[i].ai].Span)
		if aj < 0 {
			continue
		}
		for j := range args {
			if j != i && args[j].ai == aj {
				args[j].r, args[j].dist = args[i].r, args[i].dist
				args[j].why = args[i].why + ", the group of " + d.SpanText(d.Actors[args[i].ai].Span)
				args = append(args[:i], args[i+1:]...)
				i--
				break
			}
		}
	}
	sort.SliceStable(args, func(i, j int) bool { return args[i].dist < args[j].dist })
	ref := func(ai int) *doc.ActorRef {
		if ai < 0 {
			a := extra[-ai-1]
			return &a
		}
		a := d.Actors[ai].ActorRef
		if a.Name == "" {
			a.Name = d.SpanText(d.Actors[ai].Span)
		}
		return &a
	}
	for _, a := range args {
		switch a.r {
		case roleAgent:
			if cd.actor1 == nil {
				cd.actor1 = ref(a.ai)
				cd.note("actor1 %s (%s)", cd.actor1.Name, a.why)
			} else if !sameActor(cd.actor1, ref(a.ai)) && (cd.actor2 == nil || !sameActor(cd.actor2, ref(a.ai))) {
				cd.assoc1 = append(cd.assoc1, *ref(a.ai))
			}
		case rolePatient, roleCounterpart:
			switch {
			case cd.actor2 == nil && (cd.actor1 == nil || !sameActor(cd.actor1, ref(a.ai))):
				cd.actor2 = ref(a.ai)
				cd.note("actor2 %s (%s)", cd.actor2.Name, a.why)
			case cd.actor1 == nil && !sameActor(cd.actor2, ref(a.ai)) && (a.r == roleCounterpart || battleClass(tr.t.Class)):
				// "بين X و Y"; both sides of a battle are its actors, in the
				// order the text names them
				cd.actor1 = ref(a.ai)
				if cd.actor1.Span.Start > cd.actor2.Span.Start && cd.actor2.Span.EndByte > 0 {
					cd.actor1, cd.actor2 = cd.actor2, cd.actor1
				}
				cd.note("actor1 %s (%s)", cd.actor1.Name, a.why)
			}
		}
	}
	// an adjective of a country right after the trigger: غارة إسرائيلية،
	// قصف مدفعي تركي، طائرات حربية أميركية
	if cd.actor1 == nil {
		for _, m := range d.Mentions {
			if m.Kind != doc.MCue || m.Label != "adj" || int(m.Start) < tr.end || int(m.Start) > tr.end+2 || int(m.Start) >= cd.cl.end ||
				!x.onlyFillers(tr.end, int(m.Start)) && !x.forceSubject(tr, int(m.Start)) {
				continue
			}
			if a := x.stateArmy(m.Ref, m.Span); a != nil && (cd.actor2 == nil || !sameActor(a, cd.actor2)) {
				cd.actor1 = a
				cd.note("actor1 %s (adjective %q)", a.Name, d.SpanText(m.Span))
				break
			}
		}
	}
	// the source of a claim is the agent when none is named (قالت قسد إنه تمت السيطرة)
	if cd.actor1 == nil && cd.reported != nil && cd.reported.ID != "" && (cd.actor2 == nil || !sameActor(cd.actor2, cd.reported)) {
		a := *cd.reported
		cd.actor1 = &a
		cd.note("actor1 %s (the source of the report)", a.Name)
	}
	// a verb with no subject of its own in a later clause shares the
	// sentence's subject (وتقدمت قسد …، وسيطرت على …)
	if cd.actor1 == nil && tr.form != kb.FormNoun && cd.cl.start > int(s.Start) && !x.passive(tr) {
		for t := cd.cl.start - 1; t >= int(s.Start); t-- {
			ai := x.actorAt[t]
			if ai < 0 || int(d.Actors[ai].Span.Start) != t {
				continue
			}
			if p := x.prevWord(t); p >= 0 && isPreposition(d.TokNorm(p)) {
				continue
			}
			if a := ref(ai); !sameActor(a, cd.actor2) {
				cd.actor1 = a
				cd.note("actor1 %s (the subject of the sentence's first clause)", a.Name)
			}
			break
		}
	}
	// a lone unassigned actor: agent for verbs in the active voice. Actors
	// read as describing another (a relative clause, a supporter, a parent
	// named with تابعة لـ) are not the event's parties.
	free := func(a arg) bool { return a.r == roleNone && a.why == "" || a.why == "after ب" }
	if cd.actor1 == nil && cd.actor2 == nil && !x.passive(tr) {
		for _, a := range args {
			if free(a) {
				cd.actor1 = ref(a.ai)
				cd.note("actor1 %s (only actor in the clause)", cd.actor1.Name)
				break
			}
		}
	}
	if cd.actor2 == nil && cd.actor1 != nil {
		for _, a := range args {
			// a unit of actor1 or the body it belongs to (قسد … وحدات حماية
			// الشعب مكونها الأساسي) is never its opponent
			if a.ai >= 0 {
				if t := int(d.Actors[a.ai].Span.Start); t < cd.cl.start || t >= cd.cl.end {
					continue // read from the sentence: the party of another clause's verb
				}
			}
			if free(a) && !sameActor(cd.actor1, ref(a.ai)) && !x.kin(cd.actor1, ref(a.ai)) {
				cd.actor2 = ref(a.ai)
				cd.note("actor2 %s (other actor in the clause)", cd.actor2.Name)
				break
			}
		}
	}
	_ = cf
}

// forceNouns name a branch or weapon of an armed force, whose nationality
// adjective names the force (المدفعية التركية، الطائرات الحربية الروسية).
var forceNouns = normSet("المدفعية", "الطائرات", "الطيران", "المقاتلات", "البوارج", "الزوارق", "القوات",
	"المسيرات", "البحرية", "الحربية", "الدبابات", "الراجمات", "المروحيات", "الطائرة", "المسيرة")

// forceSubject reports that the tokens between a verb trigger and token t
// are a force noun and its qualifiers: "قصفت المدفعية التركية", the subject
// after the verb.
func (x *context) forceSubject(tr *trig, t int) bool {
	if tr.form == kb.FormNoun || t <= tr.end || !forceNouns[x.d.TokNorm(tr.end)] {
		return false
	}
	for k := tr.end + 1; k < t; k++ {
		if !forceNouns[x.d.TokNorm(k)] && !isFiller(x.d, k) {
			return false
		}
	}
	return true
}

// stateArmy returns the army of a country, valid at the publication date,
// as an actor read at span sp.
func (x *context) stateArmy(cc string, sp doc.Span) *doc.ActorRef {
	var best *kb.Actor
	y := x.d.Meta.Published.Year
	for _, a := range x.c.kb.StateActors(cc, "army") {
		valid := (y == 0 && a.To == 0) || (y != 0 && (a.From == 0 || y >= a.From) && (a.To == 0 || y <= a.To))
		if best == nil || valid {
			best = a
			if valid {
				break
			}
		}
	}
	if best == nil {
		return nil
	}
	ref := &doc.ActorRef{ID: best.ID, Name: best.Name, NameAr: best.NameAr, Inter: best.Inter, Country: best.Country, Span: sp}
	return ref
}

// locativeCountry reports a country named as a place: after a compass
// word, a locative preposition or noun (شمال شرق سوريا، داخل العراق، حدود
// لبنان) or with ب/ل attached (بسوريا).
func (x *context) locativeCountry(sp doc.Span) bool {
	d := x.d
	t := int(sp.Start)
	if pro := arabic.Normalize(d.Text[d.Tokens[t].Start:sp.StartByte]); strings.ContainsAny(pro, "بل") {
		return true
	}
	if t == 0 || d.Tokens[t-1].Kind != doc.Word {
		return false
	}
	w := strings.TrimPrefix(d.TokNorm(t-1), "و")
	w = strings.TrimPrefix(w, "ب")
	if locativeWords[w] || locativeWords[strings.TrimPrefix(w, "ال")] || isPreposition(w) {
		return true
	}
	return false
}

// locativeWords place what follows them: compass words, "inside",
// "border", "territory", "capital".
var locativeWords = map[string]bool{
	"شمال": true, "جنوب": true, "شرق": true, "غرب": true, "شمالي": true, "جنوبي": true, "شرقي": true, "غربي": true,
	"وسط": true, "داخل": true, "خارج": true, "قرب": true, "حدود": true, "اراضي": true, "عمق": true, "اجواء": true,
	"عاصمه": true, "سواحل": true, "مياه": true, "اتجاه": true, "باتجاه": true, "قباله": true, "محاذاه": true,
}

// battleClass reports classes whose two sides are both fighters.
func battleClass(class string) bool {
	switch class {
	case cClash, cCapture, cRetake, cAttack:
		return true
	}
	return false
}

// isPreposition reports a preposition (with an optional و).
func isPreposition(w string) bool {
	switch strings.TrimPrefix(w, "و") {
	case "في", "من", "الي", "علي", "عن", "مع", "ضد", "بين", "لدي", "عند", "قبل", "بعد", "يد", "حول", "نحو":
		return true
	}
	return false
}

// memberWords may stand between unidentified fighters and the group they
// are said to belong to.
var memberWords = normSet("يشتبه", "يعتقد", "يرجح", "في", "انتمائهم", "بانتمائهم", "انتمائه", "بانتمائه",
	"ينتمون", "ينتمي", "يتبعون", "يتبع", "يرتدون", "يرتدي", "زي", "الزي", "بزي", "العسكري", "إلى", "الى")

// memberCore are the words of memberWords that state the belonging.
var memberCore = normSet("انتمائهم", "بانتمائهم", "انتمائه", "بانتمائه", "ينتمون", "ينتمي", "يتبعون", "يتبع", "زي", "الزي", "بزي")

// partitiveOf returns the named actor an unidentified mention at sp is
// drawn from ("مسلحون من تنظيم داعش"), -1 when none.
func (x *context) partitiveOf(sp doc.Span) int {
	d := x.d
	t := int(sp.End)
	skip := func() {
		for t < len(d.Tokens) && d.Tokens[t].Flags&(doc.QuoteOpen|doc.QuoteClose|doc.ParenOpen|doc.ParenClose) != 0 {
			t++
		}
	}
	skip()
	if t >= len(d.Tokens) {
		return -1
	}
	if d.TokNorm(t) == "من" {
		t++
	} else {
		// "مسلحون يشتبه في انتمائهم إلى X", "ينتمون إلى X", "يرتدون زي X":
		// the group they are said to belong to, or whose uniform they wear
		core := false
		for k := t; k < min(t+6, len(d.Tokens)) && memberWords[d.TokNorm(k)]; k++ {
			core = core || memberCore[d.TokNorm(k)]
			t = k + 1
		}
		if !core {
			return -1
		}
	}
	skip()
	if t >= len(d.Tokens) {
		return -1
	}
	ai := x.actorAt[t]
	if ai < 0 || int(d.Actors[ai].Span.Start) != t || d.Actors[ai].Name == doc.UnidentifiedActor || d.Actors[ai].ID == "" {
		return -1
	}
	return ai
}

// kin reports whether one actor is a unit, branch or member of the other
// (YPG of the SDF, Hamza Division of the SNA), following the knowledge
// base's parent links a few levels up.
func (x *context) kin(a, b *doc.ActorRef) bool {
	if a == nil || b == nil || a.ID == "" || b.ID == "" || a.ID == b.ID {
		return false
	}
	return x.ancestor(a.ID, b.ID) || x.ancestor(b.ID, a.ID)
}

// ancestor reports whether id anc is a parent of id (transitively).
func (x *context) ancestor(id, anc string) bool {
	for i := 0; i < 4; i++ {
		k, ok := x.c.kb.Actor(id)
		if !ok || k.Parent == "" {
			return false
		}
		if k.Parent == anc {
			return true
		}
		id = k.Parent
	}
	return false
}

func sameActor(a, b *doc.ActorRef) bool {
	if a == nil || b == nil {
		return false
	}
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name == b.Name
}

// roleOf reads an actor's role from the words before it and its position.
func (x *context) roleOf(cd *cand, ai int) (role, string) {
	return x.roleAt(cd, x.d.Actors[ai].Span)
}

// roleAt reads the role of an actor mentioned at span sp.
func (x *context) roleAt(cd *cand, sp doc.Span) (role, string) {
	d := x.d
	tr := cd.tr
	t := int(sp.Start)
	tok := d.Tokens[t]
	pro := arabic.Normalize(d.Text[tok.Start:sp.StartByte])
	prev, prev2 := "", ""
	if p := x.prevWord(t); p >= 0 {
		prev = d.TokNorm(p)
		if p2 := x.prevWord(p); p2 >= 0 {
			prev2 = d.TokNorm(p2)
		}
	}
	// "X و Y": a coordinated actor shares the role of the one before it
	if strings.HasPrefix(arabic.Normalize(d.Text[tok.Start:sp.StartByte]), "و") || (t > 0 && strings.HasPrefix(d.TokNorm(t-1), "و") && isFiller(d, t-1)) {
		k := t - 1
		for k >= 0 && isFiller(d, k) && !strings.HasPrefix(d.TokNorm(k), "و") {
			k--
		}
		if k >= 0 && strings.HasPrefix(d.TokNorm(k), "و") && isFiller(d, k) {
			k--
		}
		if k >= 0 && x.actorAt[k] >= 0 && k < tr.start == (t < tr.start) {
			r, why := x.roleAt(cd, d.Actors[x.actorAt[k]].Span)
			if r != roleNone {
				return r, why + ", coordinated"
			}
		}
	}
	// "بين قوات X، المدعومة من …، وقوات Y": the second side of بين
	if t > tr.start && x.secondSide(x.sideStart(t)) {
		for k := x.sideStart(t) - 1; k > tr.start && k >= t-16; k-- {
			if w := d.TokNorm(k); w == "بين" || w == "وبين" {
				if k > tr.end && x.otherClassBetween(tr, tr.end, k) {
					return roleNone, "a side of another trigger's بين"
				}
				return roleCounterpart, "after بين, the second side"
			}
		}
	}
	frame := tr.t.Frame
	prep := func(p string) (role, string, bool) {
		switch frame[p] {
		case "patient":
			return rolePatient, "after " + p, true
		case "counterpart":
			return roleCounterpart, "after " + p, true
		case "agent":
			return roleAgent, "after " + p, true
		}
		return roleNone, "", false
	}
	for k := max(0, t-3); k < t; k++ {
		switch d.TokNorm(k) {
		case "التي", "الذي", "الذين", "اللتين", "اللذين":
			// "الحكومة التي يديرها الحوثيون": an actor inside a relative clause
			// describes something else
			if k > tr.end || k < tr.start && t < tr.start {
				return roleNone, "inside a relative clause"
			}
		}
	}
	switch {
	case supportWords[prev] || (prev == "من" || prev == "جوي" || prev == "ناري") && supportWords[prev2]:
		return roleNone, "a supporter or leader of another actor (بقيادة، بدعم، بإسناد من)"
	case hasPrefix(pro, "ل") && (prev == "تابعه" || prev == "التابعه" || prev == "تابع" || prev == "التابع" || prev == "تابعين"):
		return roleAgent, "تابعة لـ (belonging to)"
	case (prev == "يد" || prev == "ايدي") && (prev2 == "علي" || prev2 == "وعلي"):
		return roleAgent, "على يد"
	case prev == "قبل" && (prev2 == "من" || prev2 == "ومن"):
		return roleAgent, "من قبل"
	case prev == "ضد" || prev == "وضد":
		return rolePatient, "after ضد"
	case prev == "مع":
		return roleCounterpart, "after مع"
	case (prev == "بين" || prev == "وبين") && t > tr.end && x.otherClassBetween(tr, tr.end, t-1):
		// "قصفت المدفعية … بالتزامن مع اشتباكات بين X و Y": the sides
		// of another trigger's بين
		return roleNone, "a side of another trigger's بين"
	case prev == "بين" || prev == "وبين":
		return roleCounterpart, "after بين"
	case (prev2 == "بين" || prev2 == "وبين") && x.partitiveNoun(t):
		// "بين مقاومين من كتيبة جنين وقوة من جيش الاحتلال"
		return roleCounterpart, "after بين + a noun of its members"
	case prev == "علي" || prev == "وعلي":
		if r, why, ok := prep("على"); ok {
			return r, why
		}
		return rolePatient, "after على"
	case (prev == "واخرين" || prev == "واخرون") && t > tr.start && x.betweenOthers(tr, t):
		// "بين عناصر من X وآخرين من Y": the others are the second side
		return roleCounterpart, "after بين … وآخرين من, the second side"
	case launchedBy[prev]:
		return roleAgent, "after " + prev + " (launched by)"
	case (prev == "من" || prev == "ومن") && (tr.t.Class == cKill || hasKillNear(x, t) || x.injuredNear(t)):
		return rolePatient, "victims (من)"
	case hasPrefix(pro, "ل") && t > tr.start:
		if r, why, ok := prep("ل"); ok {
			return r, why
		}
		if tr.t.Class == cDeploy || tr.t.Class == cBase {
			return roleAgent, "ل: the forces' owner (تعزيزات لقوات النظام)"
		}
		if tr.form == kb.FormNoun && t-tr.end <= 2 {
			// غارة للاحتلال، هجوم لداعش: ل marks the genitive
			switch tr.t.Frame["gen"] {
			case "patient":
				return rolePatient, "ل-genitive of the verbal noun"
			case "", "agent":
				return roleAgent, "ل-genitive of the verbal noun"
			}
		}
		return rolePatient, "after ل"
	case firedBy[prev]:
		// "قتل سبعة متظاهرين برصاص قوات الأمن": whose bullets or shells
		return roleAgent, "after " + prev + " (fired by)"
	case hasPrefix(pro, "ب") && t > tr.start:
		return roleNone, "after ب"
	}
	// the word right after the trigger: genitive (noun) or subject (verb)
	gap := t - tr.end
	if gap >= 0 && gap <= 2 && x.onlyFillers(tr.end, t) {
		passive := x.passive(tr)
		switch {
		case tr.form == kb.FormNoun:
			switch frame["gen"] {
			case "patient":
				return rolePatient, "genitive of the verbal noun"
			case "place", "thing":
				return roleNone, "genitive"
			}
			if passive {
				return rolePatient, "genitive after تم"
			}
			return roleAgent, "genitive of the verbal noun"
		case passive:
			return rolePatient, "subject of a passive"
		default:
			return roleAgent, "subject after the verb"
		}
	}
	if t < tr.start && t >= cd.cl.start && !x.reportedBetween(t, tr.start) {
		if x.passive(tr) {
			return rolePatient, "topic of a passive"
		}
		return roleAgent, "subject before the verb"
	}
	if t > tr.end && tr.form != kb.FormNoun && frame["obj"] == "patient" && !x.passive(tr) {
		return rolePatient, "object of the verb"
	}
	return roleNone, ""
}

// betweenOthers reports "بين … وآخرين من Y" before the actor at t, with
// the بين after trigger tr and belonging to it.
func (x *context) betweenOthers(tr *trig, t int) bool {
	for k := t - 3; k > tr.start && k >= t-16; k-- {
		if w := x.d.TokNorm(k); w == "بين" || w == "وبين" {
			return k < tr.end || !x.otherClassBetween(tr, tr.end, k)
		}
	}
	return false
}

// firedBy are instrument nouns whose genitive is the one who fired them
// (برصاص قوات الأمن، بنيران الجيش، بقذائف الدعم السريع).
var firedBy = normSet("برصاص", "وبرصاص", "بنيران", "بقذائف", "بصواريخ", "بطلقات", "برصاصة", "بقذيفة", "بصاروخ")

// supportWords introduce an actor that supports or leads another's act
// (بدعم من طيران التحالف، بإسناد من، بغطاء جوي من، المدعومة من).
var supportWords = map[string]bool{
	"بقياده": true, "بدعم": true, "بمسانده": true, "بتنسيق": true, "المدعومه": true, "المدعوم": true, "المدعومين": true,
	"باسناد": true, "بغطاء": true, "بمؤازره": true, "بمشاركه": true, "مدعومه": true, "مدعوما": true, "مدعومين": true,
}

// otherClassBetween reports a trigger of another class than tr starting
// in [a, b): another event's words (دارت مواجهات is one event).
func (x *context) otherClassBetween(tr *trig, a, b int) bool {
	for i := range x.trigs {
		if o := &x.trigs[i]; o.start >= a && o.start < b && o.t.Class != tr.t.Class {
			return true
		}
	}
	return false
}

// triggerBetween reports a trigger starting in [a, b).
func (x *context) triggerBetween(a, b int) bool {
	for i := range x.trigs {
		if x.trigs[i].start >= a && x.trigs[i].start < b {
			return true
		}
	}
	return false
}

// launchedBy are the verbs that introduce the agent after an event noun
// (هجوم شنه تنظيم داعش، غارات نفذها الطيران الروسي).
var launchedBy = map[string]bool{
	"شنه": true, "شنها": true, "شنته": true, "شنتها": true, "شنوه": true, "نفذه": true, "نفذها": true, "نفذته": true,
	"نفذتها": true, "نفذوه": true, "اطلقه": true, "اطلقها": true, "اطلقته": true, "اطلقتها": true, "تبناه": true,
	"تبنته": true, "تبناها": true, "شنت": true, "نفذت": true, "شن": true, "نفذ": true,
}

// injuredNear reports a wounding word shortly before token t.
func (x *context) injuredNear(t int) bool {
	for k := max(0, t-5); k < t; k++ {
		if x.feat[k]&fInjured != 0 {
			return true
		}
	}
	return false
}

func hasKillNear(x *context, t int) bool {
	for k := max(0, t-4); k < t; k++ {
		if x.feat[k]&fKilled != 0 {
			return true
		}
	}
	for _, tr := range x.trigs {
		if tr.t.Class == cKill && tr.end <= t && t-tr.end <= 4 {
			return true
		}
	}
	return false
}

// reportedBetween reports whether a reporting verb + complementizer (إن، أن)
// separates token a from token b: the actor before it is the source.
func (x *context) reportedBetween(a, b int) bool {
	for t := a + 1; t < b; t++ {
		w := x.d.TokNorm(t)
		switch strings.TrimPrefix(w, "و") {
		case "ان", "انه", "انها", "انهم", "بان", "بانها", "بانه":
			return true
		}
	}
	return false
}

// onlyFillers reports whether tokens [a, b) are only quotes, brackets or
// the word "عناصر"/"قوات" that introduces an actor.
func (x *context) onlyFillers(a, b int) bool {
	for t := a; t < b; t++ {
		tok := x.d.Tokens[t]
		if tok.Flags&(doc.QuoteOpen|doc.QuoteClose|doc.ParenOpen|doc.ParenClose) != 0 {
			continue
		}
		if isFiller(x.d, t) {
			continue
		}
		return false
	}
	return true
}

// passive reports whether the trigger reads as a passive: تم/جرى + verbal
// noun, or a past form marked passive with no subject but a victim.
func (x *context) passive(tr *trig) bool {
	d := x.d
	// تم/جرى + verbal noun, up to a few words back for a noun trigger that
	// is the object (تم الاستيلاء على كمية من الأسلحة)
	back := 1
	if tr.form == kb.FormNoun {
		back = 4
	}
	for t := tr.start - 1; t >= 0 && t >= tr.start-back; t-- {
		if d.Tokens[t].Kind == doc.Punct {
			break
		}
		switch strings.TrimPrefix(d.TokNorm(t), "و") {
		case "تم", "جري", "تمت", "يتم", "سيتم":
			return true
		}
	}
	if tr.form == kb.FormPast && tr.t.Passive {
		// قُتل عنصران: a victim noun (armed/civilian word) or a figure right
		// after, and no second noun phrase after it (قتل مسلحون ثلاثة
		// مدنيين is active: the gunmen killed three civilians)
		if tr.end < len(d.Tokens) && (x.feat[tr.end]&(fArmed|fCivilian) != 0 || d.Tokens[tr.end].Kind == doc.Number) {
			for t := tr.end + 1; t < min(tr.end+5, len(d.Tokens)); t++ {
				if d.Tokens[t].Kind == doc.Punct {
					break
				}
				if d.Tokens[t].Kind == doc.Number || x.isNumberWord(t) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// actorFillers are nouns that introduce an actor's name (عناصر داعش،
// مرتزقة داعش، مقاتلو قسد): the word before them decides the role.
var actorFillers = map[string]bool{
	"عناصر": true, "مرتزقه": true, "مقاتلي": true, "مقاتلو": true, "مسلحي": true, "مسلحو": true, "قوات": true,
	"جنود": true, "ميليشيا": true, "ميليشيات": true, "مليشيا": true, "مليشيات": true, "وحدات": true, "فصائل": true,
	"مجموعات": true, "مجموعه": true, "خلايا": true, "خليه": true, "طائرات": true, "طيران": true, "مقاتلات": true,
	"افراد": true, "دوريه": true, "رتل": true, "ارتال": true, "تنظيم": true, "جماعه": true, "حركه": true,
	"طائره": true, "مسيره": true, "مقاتله": true, "مدفعيه": true, "الطيران": true, "مسلحون": true, "عنصر": true,
	"قوه": true, "دبابات": true, "اليات": true, "زوارق": true,
}

// isFiller reports whether token t introduces an actor's name: a filler
// noun (و/ال stripped), a number or a vague quantity (عشرات المستوطنين).
func isFiller(d *doc.Doc, t int) bool {
	if d.Tokens[t].Kind == doc.Number {
		return true
	}
	w := strings.TrimPrefix(d.TokNorm(t), "و")
	if actorFillers[w] || actorFillers[strings.TrimPrefix(w, "ال")] {
		return true
	}
	switch w {
	case "عشرات", "مئات", "الاف", "عدد", "عده", "بعض", "مجموعه", "مجموعات", "من":
		return true
	}
	return false
}

// isNumberWord reports whether a number mention starts at token t.
func (x *context) isNumberWord(t int) bool {
	for _, m := range x.nums {
		if int(m.Start) == t {
			return true
		}
	}
	return false
}

// prevWord returns the previous word token before t, skipping quotes,
// brackets and actor fillers (مرتزقة, عناصر); -1 when none.
func (x *context) prevWord(t int) int {
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		tok := x.d.Tokens[k]
		if tok.Flags&(doc.QuoteOpen|doc.QuoteClose|doc.ParenOpen|doc.ParenClose) != 0 {
			continue
		}
		if tok.Kind == doc.Word || tok.Kind == doc.Number {
			if isFiller(x.d, k) && k > 0 {
				continue
			}
			if tok.Kind == doc.Number {
				return -1
			}
			return k
		}
		return -1
	}
	return -1
}

// homograph reports whether a verb trigger is spelled like one of its
// verbal nouns (تقدم, قتال): its reading depends on the word before it.
func (x *context) homograph(tr *trig) bool {
	w := arabic.Normalize(x.d.SpanText(tr.span))
	for _, n := range tr.t.Nouns {
		if arabic.Normalize(n) == w {
			return true
		}
	}
	return false
}
