// Package tagger runs the learned named-entity tagger (package ner) as a
// pipeline stage and reconciles its mentions with the knowledge base's:
// where both speak, the knowledge base wins.
//
// The tagger's mentions enter the document as:
//   - PERS → doc.MPerson (the actor stage turns them into persons with
//     roles and organisations);
//   - LOC → doc.MPlace with no candidates (toponym resolution tries fuzzy
//     candidates; unresolved ones stay places without coordinates);
//   - ORG → doc.MActor when the name is that of an armed or security body
//     (its head noun: قوات، لواء، كتائب، حركة …), an actor with unknown
//     inter code; otherwise doc.MOrg, which no later stage codes.
//
// A tagger mention that overlaps a knowledge-base or rule mention (an
// actor, a place, a cue word, a nationality adjective) is dropped.
package tagger

import (
	"fmt"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/match"
	"github.com/rasd-project/rasd/internal/ner"
)

// Tagger is what the stage needs of a learned tagger.
type Tagger interface {
	Tag(d *doc.Doc, lex ner.Lexicon) []doc.Mention
}

// Stage is the tagger pipeline stage; immutable and safe for concurrent use.
type Stage struct {
	t   Tagger
	lex ner.Lexicon
	min MinScores
}

// MinScores are the least calibrated confidences a tagger mention needs
// to enter the document, by what it becomes.
type MinScores struct {
	Person float32
	// Place is higher than Person: a place can become an event's location.
	Place float32
	// Armed is for organisations whose name starts with the head noun of
	// an armed body (كتائب، لواء، قوة …): the head noun is evidence of its
	// own, so the tagger's confidence may be lower.
	Armed float32
	Org   float32
}

// DefaultMinScores are the thresholds New uses.
var DefaultMinScores = MinScores{Person: 0.5, Place: 0.6, Armed: 0.35, Org: 0.5}

// New returns a stage running t with the lexicon lex (nil for none).
func New(t Tagger, lex ner.Lexicon) *Stage {
	return &Stage{t: t, lex: lex, min: DefaultMinScores}
}

// WithMinScores returns a copy of s with other thresholds.
func (s *Stage) WithMinScores(m MinScores) *Stage {
	c := *s
	c.min = m
	return &c
}

// Name returns the stage name.
func (s *Stage) Name() string { return "ner" }

// Run tags d and adds the tagger's mentions the knowledge base lacks.
func (s *Stage) Run(d *doc.Doc) {
	var known []doc.Mention
	for _, m := range d.Mentions {
		switch m.Kind {
		case doc.MActor, doc.MPlace, doc.MPerson, doc.MOrg, doc.MCue:
			// a cue word (ريف، شرق، قرية، صحيفة) or a nationality
			// adjective is not a name either
			known = append(known, m)
		}
	}
	// overlapsKnown reports whether sp overlaps a known mention; with
	// armedHead, cue words inside sp (لواء also begins operation names) and
	// actor names after its head noun do not count ("كتائب الأمن المركزي"
	// is another body than "الأمن المركزي").
	overlapsKnown := func(sp doc.Span, armedHead bool) bool {
		for _, k := range known {
			if !k.Overlaps(sp) {
				continue
			}
			if armedHead && k.Start >= sp.Start && k.End <= sp.End &&
				(k.Kind == doc.MCue || (k.Kind == doc.MActor && k.Start > sp.Start)) {
				continue
			}
			return true
		}
		return false
	}
	// names right after "إذاعة", "صحيفة" (outlets) or "مستشفى", "شارع"
	// (not places, annotation.md) are neither places nor actors
	after := map[int32]bool{}
	for _, m := range d.Mentions {
		if m.Kind == doc.MCue && (m.Label == match.LabelCue+"media" || m.Label == match.LabelCue+"nonplace") {
			after[m.End] = true
			if int(m.End) < len(d.Tokens) && d.Tokens[m.End].Has(doc.QuoteOpen) {
				after[m.End+1] = true
			}
		}
	}
	for _, m := range s.t.Tag(d, s.lex) {
		isArmed := m.Kind == doc.MOrg && armed(d, m.Span)
		if isArmed {
			// a unit named by its number: الكتيبة 61، اللواء 52
			if e := int(m.End); e < len(d.Tokens) && d.Tokens[e].Kind == doc.Number {
				m.Span = extend(d, m.Span, e+1)
			}
			m.Span = trimAfterNumber(d, m.Span)
			if m.Len() == 1 {
				continue // the head noun alone (لكتيبة) names nothing
			}
			if ordinalUnit(d, m.Span) {
				continue
			}
		}
		if overlapsKnown(m.Span, isArmed) || !nameLike(d, m.Span) || s.cueWord(d, m.Span) ||
			(after[m.Start] && m.Kind != doc.MPerson) {
			continue
		}
		min := s.min.Org
		switch m.Kind {
		case doc.MOrg:
			if isArmed {
				m.Kind, min = doc.MActor, s.min.Armed
			}
		case doc.MPerson:
			min = s.min.Person
		case doc.MPlace:
			min = s.min.Place
		default:
			continue
		}
		if m.Score < min {
			continue
		}
		d.Mentions = append(d.Mentions, m)
		d.Note("ner", m.Span, fmt.Sprintf("learned %s %q (score %.2f), unknown to the knowledge base", m.Label, d.SpanText(m.Span), m.Score))
	}
}

// cueWord reports whether a one-word span is a head noun of place names
// with clitics the matcher does not read as a cue (وريفها: and its
// countryside).
func (s *Stage) cueWord(d *doc.Doc, sp doc.Span) bool {
	if s.lex == nil || sp.Len() != 1 {
		return false
	}
	w := d.TokNorm(int(sp.Start))
	for _, r := range arabic.Clitics(w, nil) {
		if s.lex.Classes(r.Key(w))&ner.LexPlaceCue != 0 {
			return true
		}
	}
	return false
}

// extend returns sp running to token end (exclusive, after or before sp's
// end), keeping its start byte (after a proclitic).
func extend(d *doc.Doc, sp doc.Span, end int) doc.Span {
	out := d.TokenSpan(int(sp.Start), end)
	out.StartByte = sp.StartByte
	return out
}

// trimAfterNumber cuts a numbered unit's span before a word with the
// article that follows its number: the words of a unit's name after its
// number are indefinite (اللواء 444 قتال، الفرقة 17 مشاة), and a definite
// one starts what is said of the unit (الكتيبة 61 التابعة لـ…، اللواء 8
// المدعوم من…).
func trimAfterNumber(d *doc.Doc, sp doc.Span) doc.Span {
	for i := int(sp.Start) + 1; i+1 < int(sp.End); i++ {
		if d.Tokens[i].Kind != doc.Number {
			continue
		}
		if w := d.TokNorm(i + 1); strings.HasPrefix(w, "ال") {
			return extend(d, sp, i+1)
		}
	}
	return sp
}

// ordinals are the ordinal adjectives, normalized and without ال, that
// number a regular army's formations: الفرقة الرابعة، اللواء السادس عشر.
var ordinals = map[string]bool{
	"اول": true, "اولي": true, "ثاني": true, "ثانيه": true, "ثالث": true, "ثالثه": true,
	"رابع": true, "رابعه": true, "خامس": true, "خامسه": true, "سادس": true, "سادسه": true,
	"سابع": true, "سابعه": true, "ثامن": true, "ثامنه": true, "تاسع": true, "تاسعه": true,
	"عاشر": true, "عاشره": true, "حادي": true, "حاديه": true,
}

// ordinalUnit reports whether an armed body's name numbers it with an
// ordinal word (الفرقة السادسة عشرة مشاة، الفرقة المدرعة الأولى): a
// formation of a regular army, which ACLED codes as that army, not a
// new actor. Units numbered with digits (الكتيبة 61، اللواء 444) are
// more often militias and stay.
func ordinalUnit(d *doc.Doc, sp doc.Span) bool {
	for i := int(sp.Start) + 1; i < int(sp.End) && i <= int(sp.Start)+2; i++ {
		w := d.TokNorm(i)
		w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ال")
		if ordinals[w] {
			return true
		}
	}
	return false
}

// nameLike reports whether a span can be a name: it starts with a word and
// ends with a word or, for a numbered unit, a number.
func nameLike(d *doc.Doc, sp doc.Span) bool {
	if sp.Empty() {
		return false
	}
	switch d.Tokens[sp.Start].Kind {
	case doc.Word, doc.Latin:
	default:
		return false
	}
	switch d.Tokens[sp.End-1].Kind {
	case doc.Word, doc.Latin:
		return true
	case doc.Number:
		return sp.Len() > 1
	}
	return false
}

// armedHeads are the head nouns of the names of armed and security bodies
// (normalized, without ال): "لواء القدس", "كتائب حزب الله", "حركة
// الشباب". An organisation named otherwise (a ministry, a university, a
// company, a newspaper, a council, a party) is not coded as an actor:
// "مجلس" and "حزب" name councils and parties far more often than armed
// bodies, and the armed ones among them (حزب الله) are in the knowledge
// base.
var armedHeads = map[string]bool{
	"قوات": true, "قوه": true, "جيش": true, "لواء": true, "الويه": true, "كتيبه": true,
	"كتائب": true, "فرقه": true, "فيلق": true, "حركه": true, "جبهه": true, "جماعه": true,
	"تنظيم": true, "ميليشيا": true, "ميليشيات": true, "مليشيا": true, "مليشيات": true,
	"فصيل": true, "فصائل": true, "سرايا": true, "عصائب": true, "حرس": true, "وحدات": true,
	"حشد": true, "غرفه": true, "شرطه": true, "مخابرات": true, "امن": true, "درع": true,
	"انصار": true,
}

// armed reports whether the organisation name sp begins with the head noun
// of an armed or security body.
func armed(d *doc.Doc, sp doc.Span) bool {
	w := d.TokNorm(int(sp.Start))
	for _, p := range []string{"وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل"} {
		if r, ok := strings.CutPrefix(w, p); ok && armedHeads[r] {
			return true
		}
	}
	return armedHeads[w]
}
