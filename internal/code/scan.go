package code

import (
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// feature is a bit set of modifier features.
type feature uint64

// Modifier features (see internal/kb/data/triggers/modifiers.tsv).
const (
	fAir feature = 1 << iota
	fDrone
	fArtillery
	fIED
	fSuicide
	fGrenade
	fChemical
	fCivilian
	fArmed
	fNonviolent
	fOngoing
	fTally
	fFuture
	fPurpose
	fNegation
	fDenial
	fSupport
	fState
	fIntervention
	fLethal
	fInjured
	fKilled
	fReport
	fSource
	fHistory
	fWeapons
	fFighting
	fBase
	fAgreementObj
	fFire
	fProtesters
	fResponsibility
	fSexual
)

var featureBits = map[string]feature{
	"air": fAir, "drone": fDrone, "artillery": fArtillery, "ied": fIED, "suicide": fSuicide,
	"grenade": fGrenade, "chemical": fChemical, "civilian": fCivilian, "armed": fArmed,
	"nonviolent": fNonviolent, "ongoing": fOngoing, "tally": fTally, "future": fFuture,
	"purpose": fPurpose, "negation": fNegation, "denial": fDenial, "support": fSupport,
	"state": fState, "intervention": fIntervention, "lethal": fLethal, "injured": fInjured,
	"killed": fKilled, "report": fReport, "source": fSource, "history": fHistory, "weapons": fWeapons, "fighting": fFighting, "base": fBase, "agreementobj": fAgreementObj, "fire": fFire, "protesters": fProtesters, "responsibility": fResponsibility, "sexual": fSexual,
}

// trig is one trigger occurrence.
type trig struct {
	start, end int      // tokens [start, end)
	span       doc.Span // text span without proclitics
	t          *kb.Trigger
	form       kb.FormKind
	pre        string // the proclitics stripped from the first token (normalized)
	suffix     bool   // an enclitic pronoun was stripped (سيطرتها)
	definite   bool   // a noun form with the article (الهجوم)
}

// mod is one modifier occurrence.
type mod struct {
	start, end int
	feat       feature
	pre        string
}

// lexScan finds triggers and modifiers over a document's tokens: one pass
// each, trying every clitic reading of a token, longest match first.
type lexScan struct {
	kb     *kb.KB
	d      *doc.Doc
	splits []arabic.Split
	key    []byte
}

type lexHit struct {
	start, end int
	split      arabic.Split
	trig       []kb.TriggerForm
	feats      []string
}

func (ls *lexScan) run(triggers bool) []lexHit {
	d := ls.d
	var out []lexHit
	for i := 0; i < len(d.Tokens); {
		t := d.Tokens[i]
		if t.Kind != doc.Word && t.Kind != doc.Latin && t.Kind != doc.Hashtag {
			i++
			continue
		}
		w := d.TokNorm(i)
		if t.Kind == doc.Hashtag {
			w = strings.TrimPrefix(w, "#") // #اشتباكات
			if strings.Contains(w, "_") {
				i++ // a multi-word hashtag names something, it reports nothing
				continue
			}
		}
		ls.splits = ls.splits[:0]
		if t.Kind == doc.Word {
			ls.splits = arabic.Clitics(w, ls.splits)
		} else {
			ls.splits = append(ls.splits, arabic.Split{})
		}
		best := lexHit{}
		for _, sp := range ls.splits {
			if sp.Suf != 0 && (!triggers || !triggerEnclitic(w[len(w)-int(sp.Suf):])) {
				continue // modifiers never take a pronoun (لاهم is not لا)
			}
			ls.key = sp.AppendKey(ls.key[:0], w)
			ls.extend(i, sp, triggers, &best)
			if sp.Elided { // للسيطرة: also the form without the article
				ls.key = append(ls.key[:0], sp.Bare(w)...)
				ls.extend(i, sp, triggers, &best)
			}
			if sp.Art != 0 && !sp.Elided { // بالقصف → قصف
				ls.key = append(ls.key[:0], sp.Bare(w)...)
				ls.extend(i, sp, triggers, &best)
			}
			if f := sp.Form(w); sp.Suf == 0 && len(f) > 6 && strings.HasSuffix(f, "ا") {
				// the accusative tanween alef: أرتالا, هجوما, حشودا
				ls.key = append(ls.key[:0], f[:len(f)-len("ا")]...)
				ls.extend(i, sp, triggers, &best)
			}
		}
		if best.end == 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.end
	}
	return out
}

func (ls *lexScan) extend(i int, sp arabic.Split, triggers bool, best *lexHit) {
	d := ls.d
	j := i + 1
	for n := 1; ; n++ {
		var found, known bool
		var tf []kb.TriggerForm
		var feats []string
		if triggers {
			tf, known = ls.kb.LookupTrigger(ls.key)
			found = len(tf) > 0
		} else {
			feats, known = ls.kb.LookupModifier(ls.key)
			found = len(feats) > 0
		}
		if found && j-i > best.end-best.start {
			*best = lexHit{start: i, end: j, split: sp, trig: tf, feats: feats}
		}
		if !known || n >= ls.kb.MaxTriggerTokens() || j >= len(d.Tokens) {
			return
		}
		nt := d.Tokens[j]
		if nt.Has(doc.LineStart) || (nt.Kind != doc.Word && nt.Kind != doc.Latin) {
			return
		}
		ls.key = append(ls.key, ' ')
		ls.key = append(ls.key, d.TokNorm(j)...)
		j++
	}
}

// triggerEnclitic reports the pronoun suffixes a trigger takes in news
// (سيطرتها، استهدفته، قصفهم); first and second person ones (ي، ك، كم) only
// make common words look like triggers (أسرى is not أسر + ي).
func triggerEnclitic(suf string) bool {
	switch suf {
	case "ه", "ها", "هم", "هما", "هن", "نا":
		return true
	}
	return false
}

// prefixOf returns the normalized proclitics a split removed.
func prefixOf(w string, sp arabic.Split) string {
	p := w[:sp.Pre]
	return p
}

// scanLexicons finds the document's triggers and modifiers.
func scanLexicons(k *kb.KB, d *doc.Doc) ([]trig, []mod) {
	ls := &lexScan{kb: k, d: d}
	var trigs []trig
	for _, h := range ls.run(true) {
		w := d.TokNorm(h.start)
		// the first trigger form of the entry list; several entries share
		// forms rarely (قتل verb/noun): prefer the verb reading for a verb form
		tf := h.trig[0]
		sp := d.TokenSpan(h.start, h.end)
		if h.split.Pre > 0 {
			tok := d.Tokens[h.start]
			sp.StartByte, _ = d.TextRange(tok.NormStart+int32(h.split.Pre), tok.NormEnd)
		}
		trigs = append(trigs, trig{start: h.start, end: h.end, span: sp, t: &k.Triggers[tf.Index], form: tf.Form,
			pre: prefixOf(w, h.split), suffix: h.split.Suf != 0, definite: h.split.Art != 0})
	}
	var mods []mod
	for _, h := range ls.run(false) {
		var f feature
		for _, name := range h.feats {
			f |= featureBits[name]
		}
		mods = append(mods, mod{start: h.start, end: h.end, feat: f, pre: prefixOf(d.TokNorm(h.start), h.split)})
	}
	return trigs, mods
}

// hasPrefix reports whether the proclitic string contains letter p.
func hasPrefix(pre, p string) bool { return strings.Contains(pre, p) }
