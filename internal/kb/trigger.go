package kb

import (
	"strings"
)

// Trigger is an event-trigger lexicon entry.
type Trigger struct {
	ID      string
	Class   string
	Verb    []string // past, present (3rd person masculine singular), then irregular forms
	Passive bool     // the past form also reads as a passive
	Nouns   []string
	Frame   map[string]string // gen, obj, and preposition → role
	CAMEO   string
}

// FormKind says which form of a trigger matched.
type FormKind uint8

// Trigger form kinds.
const (
	FormPast    FormKind = iota + 1 // a past-tense verb
	FormPresent                     // a present-tense verb
	FormNoun                        // a verbal noun or other noun
)

// TriggerForm is one indexed surface form of a trigger.
type TriggerForm struct {
	Index int32 // into KB.Triggers
	Form  FormKind
}

// Modifier is a word that qualifies a trigger's clause (see
// data/triggers/modifiers.tsv for the features).
type Modifier struct {
	Word    string
	Feature string
}

// TriggerColumns and ModifierColumns are the trigger files' formats.
var (
	TriggerColumns  = []string{"id", "class", "verb", "passive", "nouns", "frame", "cameo"}
	ModifierColumns = []string{"word", "feature"}
)

// ModifierFeatures are the valid modifier features.
var ModifierFeatures = []string{"air", "drone", "artillery", "ied", "suicide", "grenade", "chemical", "civilian",
	"armed", "nonviolent", "ongoing", "tally", "future", "purpose", "negation", "denial", "support", "state",
	"intervention", "lethal", "injured", "killed", "report", "source", "history", "weapons", "fighting", "base", "agreementobj", "fire", "protesters", "responsibility", "sexual"}

// ParseTriggers validates trigger rows.
func ParseTriggers(rows []Row, errs *ErrorList) []Trigger {
	var out []Trigger
	for _, r := range rows {
		t := Trigger{ID: r.Get("id"), Class: r.Get("class"), Verb: r.List("verb"), Passive: r.Get("passive") == "1",
			Nouns: r.List("nouns"), Frame: map[string]string{}, CAMEO: r.Get("cameo")}
		n := len(*errs)
		for _, kv := range strings.Fields(r.Get("frame")) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" || v == "" {
				errs.Add(r.File, r.Line, "%s: frame item %q: want key=role", t.ID, kv)
				continue
			}
			t.Frame[k] = v
		}
		switch {
		case !idRE.MatchString(t.ID):
			errs.Add(r.File, r.Line, "id %q", t.ID)
		case t.Class == "":
			errs.Add(r.File, r.Line, "%s: no class", t.ID)
		case len(t.Verb) == 1:
			errs.Add(r.File, r.Line, "%s: verb needs past|present", t.ID)
		case len(t.Verb) == 0 && len(t.Nouns) == 0:
			errs.Add(r.File, r.Line, "%s: neither verb nor nouns", t.ID)
		case t.CAMEO == "":
			errs.Add(r.File, r.Line, "%s: no CAMEO code", t.ID)
		}
		if len(*errs) == n {
			out = append(out, t)
		}
	}
	return out
}

// ParseModifiers validates modifier rows.
func ParseModifiers(rows []Row, errs *ErrorList) []Modifier {
	var out []Modifier
	for _, r := range rows {
		m := Modifier{Word: r.Get("word"), Feature: r.Get("feature")}
		switch {
		case m.Word == "":
			errs.Add(r.File, r.Line, "empty word")
		case !contains(ModifierFeatures, m.Feature):
			errs.Add(r.File, r.Line, "modifier %q: unknown feature %q", m.Word, m.Feature)
		default:
			out = append(out, m)
		}
	}
	return out
}

// Conjugate returns the unvoweled surface forms of a verb given its past
// and present 3rd person masculine singular forms (first word of a phrase
// inflected, the rest kept), past forms first. It over-generates a little
// for weak and doubled verbs; the extra strings are not Arabic words and
// never match.
//
// Weak verbs: a past in ى or ا drops it before suffixes and also gets the
// ي (رمى → رمينا) or و (دعا → دعونا) stem; a past in ي drops it before وا
// (لقي → لقوا); a present in ي, و or ى drops it before ون, ين and وا
// (يرمي → يرمون). Doubled verbs, written in two letters or with a final
// shadda (شن, صدّ), also get the unfolded stem before the consonant
// suffixes (صددنا, شننتم, يصددن) besides the folded 3rd person forms
// (صدت, صدوا).
func Conjugate(past, present string) (pastForms, presentForms []string) {
	pw, prest := splitPhrase(past)
	rw, rrest := splitPhrase(present)
	add := func(list *[]string, w, rest string) {
		s := w + rest
		for _, x := range *list {
			if x == s {
				return
			}
		}
		*list = append(*list, s)
	}
	// past: هو هي هم هما هما(f) هن نحن أنتم أنتما
	pstem := pw
	var weakStem string // the stem with its restored final radical
	switch {
	case strings.HasSuffix(pw, "ى"):
		pstem = trimLast(pw)
		weakStem = pstem + "ي"
	case strings.HasSuffix(pw, "ا"):
		pstem = trimLast(pw)
		weakStem = pstem + "و"
	}
	unfolded := doubledStem(pw)
	add(&pastForms, pw, prest)
	for _, suf := range []string{"ت", "وا", "ا", "تا", "ن", "نا", "تم", "تما"} {
		add(&pastForms, pstem+suf, prest)
		if weakStem != "" {
			add(&pastForms, pstem+"ي"+suf, prest)
			add(&pastForms, weakStem+suf, prest)
		}
	}
	if strings.HasSuffix(pw, "ي") { // لقي → لقوا
		add(&pastForms, trimLast(pw)+"وا", prest)
	}
	if unfolded != "" {
		for _, suf := range []string{"ت", "ن", "نا", "تم", "تما"} {
			add(&pastForms, unfolded+suf, prest)
		}
	}
	// present: prefixes ي ت ن أ; suffixes ون ان ين ن وا ا
	if !strings.HasPrefix(rw, "ي") {
		add(&presentForms, rw, rrest)
		return pastForms, presentForms
	}
	body := strings.TrimPrefix(rw, "ي")
	weakPres := strings.HasSuffix(body, "ي") || strings.HasSuffix(body, "و") || strings.HasSuffix(body, "ى")
	bodyUnfolded := doubledStem(body)
	for _, pre := range []string{"ي", "ت", "ن", "أ"} {
		add(&presentForms, pre+body, rrest)
		for _, suf := range []string{"ون", "ان", "ين", "ن", "وا", "ا"} {
			b := body
			if weakPres && (suf == "ون" || suf == "ين" || suf == "وا") {
				b = trimLast(body)
			}
			add(&presentForms, pre+b+suf, rrest)
		}
		if bodyUnfolded != "" { // هن يشددن
			add(&presentForms, pre+bodyUnfolded+"ن", rrest)
		}
	}
	return pastForms, presentForms
}

// shadda is the doubling mark U+0651.
const shadda = '\u0651'

// doubledStem returns the unfolded stem of a doubled verb form (شن → شنن,
// صدّ → صدد): a form of two letters, or one ending in a shadda, once
// other diacritics are dropped. "" for other forms.
func doubledStem(w string) string {
	var r []rune
	for _, c := range w {
		if c >= 0x064B && c <= 0x0652 && c != shadda { // diacritics but shadda
			continue
		}
		r = append(r, c)
	}
	n := len(r)
	switch {
	case n >= 3 && r[n-1] == shadda && r[n-2] != shadda:
		return string(r[:n-1]) + string(r[n-2])
	case n == 2 && r[0] != shadda && r[1] != shadda:
		return string(r) + string(r[1])
	}
	return ""
}

func splitPhrase(s string) (first, rest string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

func trimLast(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return string(r[:len(r)-1])
}

// indexTriggers builds the trigger and modifier lookups.
func (k *KB) indexTriggers() {
	k.trig = map[string][]TriggerForm{}
	k.mods = map[string][]string{}
	add := func(form string, tf TriggerForm) {
		key := Key(form)
		if key == "" {
			return
		}
		for _, x := range k.trig[key] {
			if x == tf {
				return
			}
		}
		k.trig[key] = append(k.trig[key], tf)
		k.trigPrefixes(key)
	}
	for i, t := range k.Triggers {
		if len(t.Verb) >= 2 {
			past, pres := Conjugate(t.Verb[0], t.Verb[1])
			for _, f := range past {
				add(f, TriggerForm{int32(i), FormPast})
			}
			for _, f := range pres {
				add(f, TriggerForm{int32(i), FormPresent})
			}
			for _, f := range t.Verb[2:] {
				add(f, TriggerForm{int32(i), FormPast})
			}
		}
		for _, n := range t.Nouns {
			add(n, TriggerForm{int32(i), FormNoun})
		}
	}
	for _, m := range k.Modifiers {
		key := Key(m.Word)
		if key == "" {
			continue
		}
		k.mods[key] = appendOnce(k.mods[key], m.Feature)
		k.modPrefixes(key)
	}
}

func (k *KB) trigPrefixes(key string) {
	for j := 0; j < len(key); j++ {
		if key[j] == ' ' {
			p := key[:j]
			if _, ok := k.trig[p]; !ok {
				k.trig[p] = nil
			}
		}
	}
	if c := strings.Count(key, " ") + 1; c > k.maxTrigTokens {
		k.maxTrigTokens = c
	}
}

func (k *KB) modPrefixes(key string) {
	for j := 0; j < len(key); j++ {
		if key[j] == ' ' {
			p := key[:j]
			if _, ok := k.mods[p]; !ok {
				k.mods[p] = nil
			}
		}
	}
	if c := strings.Count(key, " ") + 1; c > k.maxModTokens {
		k.maxModTokens = c
	}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// LookupTrigger returns the trigger forms indexed under a normalized key
// and whether the key is in the index at all (a form or the start of a
// longer one).
func (k *KB) LookupTrigger(key []byte) ([]TriggerForm, bool) {
	f, ok := k.trig[string(key)]
	return f, ok
}

// LookupModifier returns the features of a normalized key and whether the
// key is in the index at all.
func (k *KB) LookupModifier(key []byte) ([]string, bool) {
	f, ok := k.mods[string(key)]
	return f, ok
}

// MaxTriggerTokens is the longest trigger or modifier, in tokens.
func (k *KB) MaxTriggerTokens() int { return max(k.maxTrigTokens, k.maxModTokens) }
