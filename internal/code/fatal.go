package code

import (
	"strings"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// killNouns are counted nouns that are themselves the dead.
func isKillNoun(n string) bool {
	switch n {
	case "قتيل", "قتلي", "شهيد", "شهداء", "جثه", "جثث", "ضحيه", "ضحايا", "قتيلا", "شهيدا":
		return true
	}
	return false
}

func isInjuredNoun(n string) bool {
	switch n {
	case "جريح", "جرحي", "مصاب", "مصابين", "اصابه", "اصابات", "جريحا":
		return true
	}
	return false
}

// victim nouns after a killing verb, singular and plural.
var victimSingular = map[string]bool{
	"عنصر": true, "جندي": true, "مدني": true, "طفل": true, "طفله": true, "شخص": true, "قائد": true, "قيادي": true,
	"مواطن": true, "امراه": true, "سيده": true, "شاب": true, "رجل": true, "ضابط": true, "مقاتل": true, "مسلح": true,
	"صحفي": true, "ناشط": true, "عسكري": true, "شرطي": true, "فتي": true, "فتاه": true, "مسن": true, "مزارع": true,
	"راع": true, "امير": true, "والي": true, "مسؤول": true, "عضو": true, "موظف": true, "طالب": true, "معلم": true,
	"زوجه": true, "زوج": true, "ابن": true, "ابنه": true, "شقيق": true, "شقيقه": true, "والد": true, "والده": true,
	"رئيس": true, "وزير": true, "نائب": true, "مختار": true, "طبيب": true, "مسعف": true,
}

var victimPlural = map[string]bool{
	"عناصر": true, "جنود": true, "مدنيين": true, "مدنيون": true, "اطفال": true, "اشخاص": true, "قاده": true,
	"قياديين": true, "مواطنين": true, "نساء": true, "شبان": true, "رجال": true, "ضباط": true, "مقاتلين": true,
	"مسلحين": true, "مسلحون": true, "عسكريين": true, "افراد": true, "اعضاء": true, "اشخاصا": true, "اهالي": true,
	"عائله": true, "عده": true, "عدد": true, "ابناء": true, "ابنائه": true, "اطفاله": true, "وزراء": true,
}

// fatalities sums the killed figures of the event's clause and of the
// killing phrases attached to it, by ACLED's rules: the lowest credible
// figure; عشرات 12, مئات 100; a plural without a figure 3; "killed and
// wounded" without a killed figure 0; the wounded never count.
func (x *context) fatalities(cd *cand, cls []clause) {
	d := x.d
	regions := []clause{cd.cl}
	for _, k := range cd.kills {
		kc := x.clauseOf(cls, k.start)
		if kc != cd.cl {
			regions = append(regions, kc)
		}
	}
	total, found := 0, false
	used := map[int]bool{}
	for _, r := range regions {
		for i, m := range x.nums {
			t := int(m.Start)
			if t < r.start || t >= r.end || used[i] {
				continue
			}
			q := m.Num
			if q.Ordinal || q.Percent || isInjuredNoun(q.NounNorm) || x.injuredBefore(t) {
				continue
			}
			if isKillNoun(q.NounNorm) || x.killBefore(cd, t) || x.killAfter(cd, m) || x.toll(t) || x.lifeBefore(t) || (found && x.coordinatedWith(t)) {
				used[i] = true
				total += int(q.Value)
				found = true
				cd.note("fatalities +%d (%q)", int(q.Value), d.SpanText(m.Span))
				// "قُتل طفلان وامرأة": victims without a figure joined to
				// the counted one are counted with it
				if n := x.coordinatedVictims(int(m.End), r.end); n > 0 {
					total += n
					cd.note("fatalities +%d (victims coordinated with %q)", n, d.SpanText(m.Span))
				}
			}
		}
	}
	// "لقي ضابط … وعنصران من مرافقته مصرعهم": the victims without a
	// figure between لقي and مصرع/حتف count with the figures there
	for _, k := range append([]*trig{cd.tr}, cd.kills...) {
		if k.t.ID != "kill.masra3" || k.form != kb.FormNoun {
			continue
		}
		from := max(cd.cl.start, k.start-8)
		for t := k.start - 1; t >= max(cd.cl.start, k.start-14); t-- {
			if w := x.d.TokNorm(t); w == "لقي" || w == "لقيت" || w == "لقوا" || w == "يلقي" {
				from = t + 1
				break
			}
		}
		for t := from; t < k.start; t++ {
			if n, ok := victimNoun(strings.TrimPrefix(x.d.TokNorm(t), "و")); ok && x.d.Tokens[t].Kind == doc.Word {
				if !x.isNumberWord(t) && !x.counted(used, t) && (t == 0 || !x.isNumberWord(t-1) && !x.counted(used, t-1)) {
					total += n
					found = true
					cd.note("fatalities +%d (victim %q before %q)", n, d.TokText(t), d.SpanText(k.span))
				}
			}
		}
	}
	if !found {
		// a killing with a victim noun and no figure: مقتل عنصر (1), مقتل مدنيين (3)
		for _, k := range append([]*trig{cd.tr}, cd.kills...) {
			if k.t.Class != cKill && k.t.Class != cExecute && k.t.Class != cAssassinate && k.t.Class != cSnipe {
				continue
			}
			if n, ok := x.victimCount(k); ok {
				total += n
				found = true
				cd.note("fatalities +%d (victim noun after %q)", n, d.SpanText(k.span))
			}
		}
	}
	if !found {
		// "ما تسبب بحالات اختناق … ووفاة طبيب": a death (وفاة) of a
		// named victim told as the event's result in its sentence
		s := d.Sents[cd.sent]
		for t := cd.tr.end; t+1 < int(s.End); t++ {
			switch d.TokNorm(t) {
			case "وفاه", "ووفاه", "بوفاه", "وبوفاه":
			default:
				continue
			}
			if x.triggerBetween(cd.tr.end, t) {
				continue
			}
			if n, ok := victimNoun(d.TokNorm(t + 1)); ok && d.Tokens[t+1].Kind == doc.Word && !x.isNumberWord(t+1) {
				total += n
				found = true
				cd.note("fatalities +%d (death of %q)", n, d.TokText(t+1))
			}
		}
	}
	if !found {
		// "سقوط قتلى" / "قتلى وجرحى" without figures
		if f := x.featIn(cd.cl.start, cd.cl.end); f&fKilled != 0 && f&fInjured == 0 {
			total, found = 3, true
			cd.note("fatalities 3 (deaths without a figure)")
		}
	}
	cd.fatal = &total
}

// killAfter reports a figure that is the subject of a killing told after
// it: "ثمانية من عناصر التنظيم قُتلوا", "لقي أربعة رعاة حتفهم", "لقي ضابط
// وعنصران من مرافقته مصرعهم".
func (x *context) killAfter(cd *cand, m doc.Mention) bool {
	for _, k := range append([]*trig{cd.tr}, cd.kills...) {
		if k.t.Class != cKill || int(m.End) > k.start || k.start-int(m.End) > 6 {
			continue
		}
		if k.form == kb.FormNoun && k.t.ID != "kill.masra3" {
			continue // "مقتل" comes before its figure
		}
		ok := true
		for t := int(m.End); t < k.start; t++ {
			tok := x.d.Tokens[t]
			if (tok.Kind == doc.Punct && tok.Flags&(doc.QuoteOpen|doc.QuoteClose) == 0) || x.feat[t]&fInjured != 0 {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// toll reports a figure that is a death toll (ارتفعت حصيلة القتلى إلى 292،
// حصيلة تفجير الكرادة إلى 292 شخصا): the word حصيلة shortly before it, and
// no wounded counted in it.
func (x *context) toll(t int) bool {
	for k := max(0, t-8); k < t; k++ {
		w := stripClitic(x.d.TokNorm(k))
		if w == "حصيله" || w == "الحصيله" {
			for j := k; j < t; j++ {
				if x.feat[j]&fInjured != 0 {
					return false
				}
			}
			return true
		}
	}
	return false
}

// coordinatedWith reports a figure joined by و to the one before it
// (خمسة عشر عنصرا وجنديان), or added to it with إضافة إلى / فضلا عن
// (ستة من المسلحين قتلوا، إضافة إلى جنديين): counted with it.
func (x *context) coordinatedWith(t int) bool {
	if strings.HasPrefix(x.d.TokNorm(t), "و") || (t > 0 && x.d.TokNorm(t-1) == "و") {
		return true
	}
	if t >= 2 {
		a, b := strings.TrimPrefix(x.d.TokNorm(t-2), "و"), x.d.TokNorm(t-1)
		switch {
		case (a == "اضافه" || a == "بالاضافه") && (b == "الي" || b == "الى"):
			return true
		case (a == "فضلا" || a == "علاوه") && (b == "عن" || b == "علي"):
			return true
		}
	}
	return false
}

// counted reports whether token t lies in a figure already counted.
func (x *context) counted(used map[int]bool, t int) bool {
	for i, m := range x.nums {
		if used[i] && t >= int(m.Start) && t < int(m.End) {
			return true
		}
	}
	return false
}

// coordinatedVictims counts the victim nouns without a figure joined by و
// right after a counted figure ending at token t (طفلان وامرأة: the
// woman), stopping at anything else.
func (x *context) coordinatedVictims(t, end int) int {
	total := 0
	for ; t < end && t < len(x.d.Tokens); t++ {
		w := x.d.TokNorm(t)
		if x.d.Tokens[t].Kind != doc.Word || !strings.HasPrefix(w, "و") || x.isNumberWord(t) {
			break
		}
		n, ok := victimNoun(strings.TrimPrefix(w, "و"))
		if !ok {
			break
		}
		total += n
	}
	return total
}

// killBefore reports whether a killing word (trigger or noun) governs the
// number at token t: "مقتل 5 عناصر", "قتل ثلاثة مدنيين", "أودى بحياة 4".
func (x *context) killBefore(cd *cand, t int) bool {
	for _, k := range append([]*trig{cd.tr}, cd.kills...) {
		if k.t.Class != cKill && k.t.Class != cExecute && k.t.Class != cAssassinate && k.t.Class != cSnipe {
			continue
		}
		if k.end <= t && t-k.end <= 3 && x.onlyQualifiers(k.end, t) {
			return true
		}
	}
	return false
}

// lifeWords introduce a figure of the dead: أودى بحياة 7 أشخاص.
func (x *context) lifeBefore(t int) bool {
	for k := max(0, t-2); k < t; k++ {
		if w := x.d.TokNorm(k); w == "بحياه" || w == "حياه" {
			return true
		}
	}
	return false
}

// onlyQualifiers reports whether tokens [a, b) are number qualifiers or
// fillers (أكثر من، نحو، ما لا يقل عن، "ما").
func (x *context) onlyQualifiers(a, b int) bool {
	for t := a; t < b; t++ {
		switch x.d.TokNorm(t) {
		case "اكثر", "من", "نحو", "حوالي", "قرابه", "ما", "لا", "يقل", "عن", "زهاء", "يزيد", "علي", "الاقل", "اقل":
			continue
		}
		return false
	}
	return true
}

// injuredBefore reports a wounding word right before token t (إصابة 5).
func (x *context) injuredBefore(t int) bool {
	for k := max(0, t-2); k < t; k++ {
		if x.feat[k]&fInjured != 0 {
			return true
		}
	}
	return false
}

// victimCount reads the victim nouns right after a killing trigger, with
// their coordination: "مقتل امرأة وطفليها" is 1 + 2, "مقتل عنصر" 1,
// "مقتل مدنيين" 3 (a plural without a figure).
func (x *context) victimCount(k *trig) (int, bool) {
	d := x.d
	total, found := 0, false
	for t := k.end; t < len(d.Tokens) && t < k.end+8; t++ {
		if d.Tokens[t].Kind != doc.Word || d.Tokens[t].Has(doc.LineStart) {
			break
		}
		if x.isNumberWord(t) {
			return total, found // a figure there is counted as a number
		}
		w := d.TokNorm(t)
		if found {
			if !strings.HasPrefix(w, "و") {
				// an adjective of the victim (صحفي فلسطيني) is skipped
				if strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "يين") {
					continue
				}
				break
			}
			w = strings.TrimPrefix(w, "و")
		}
		n, ok := victimNoun(w)
		if !ok {
			break
		}
		// "وأطفاله الثلاثة": a figure right after a plural gives its count
		if n == 3 && t+1 < len(d.Tokens) {
			for _, m := range x.nums {
				if int(m.Start) == t+1 && !m.Num.Ordinal {
					n = int(m.Num.Value)
				}
			}
		}
		total += n
		found = true
	}
	return total, found
}

// victimNoun reads one victim noun: singular 1, dual 2, plural 3.
func victimNoun(w string) (int, bool) {
	w = strings.TrimPrefix(w, "ال")
	for _, suf := range []string{"ها", "هم", "ه", ""} { // وطفليها → طفلي + ها
		b, ok := strings.CutSuffix(w, suf)
		if !ok || len(b) < 4 {
			continue
		}
		if suf != "" && strings.HasSuffix(b, "ت") { // زوجته → زوجة
			b = strings.TrimSuffix(b, "ت") + "ه"
		}
		switch {
		case victimSingular[b]:
			return 1, true
		case victimPlural[b]:
			return 3, true
		}
		for _, dual := range []string{"ين", "ان", "ي", "ا"} {
			if stem, ok := strings.CutSuffix(b, dual); ok && victimSingular[stem] && (dual == "ين" || dual == "ان" || suf != "") {
				return 2, true
			}
			if stem, ok := strings.CutSuffix(b, "ت"+dual); ok && victimSingular[stem+"ه"] && (dual == "ين" || dual == "ان" || suf != "") {
				return 2, true
			}
		}
	}
	return 0, false
}
