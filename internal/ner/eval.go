package ner

import (
	"fmt"
	"sort"
	"strings"
)

// Counts are the entity counts of an evaluation: gold entities, entities
// found by the tagger, and found entities that match a gold one exactly
// (same first token, last token and type).
type Counts struct {
	Gold, Found, Correct int
}

// Precision returns Correct/Found, 0 when nothing was found.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Found) }

// Recall returns Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TypeCounts are the counts of one entity type.
type TypeCounts struct {
	Label Label
	Counts
}

// Report is a conlleval-style evaluation: exact-span entity precision,
// recall and F1 per type and overall (micro-averaged), and token accuracy.
// A predicted entity whose span differs from the gold one in any token,
// or whose type differs, is wrong: it counts as found and not correct,
// and the gold entity as missed.
type Report struct {
	Sentences, Tokens int
	CorrectTags       int // tokens whose predicted tag equals the gold tag
	Overall           Counts
	Types             []TypeCounts // by label
}

// Accuracy returns the share of tokens tagged correctly.
func (r Report) Accuracy() float64 { return ratio(r.CorrectTags, r.Tokens) }

// Type returns the counts of one label (zero if it does not occur).
func (r Report) Type(l Label) Counts {
	for _, t := range r.Types {
		if t.Label == l {
			return t.Counts
		}
	}
	return Counts{}
}

// String formats r as conlleval's summary followed by a table, one row
// per type and one overall.
func (r Report) String() string {
	var b strings.Builder
	o := r.Overall
	fmt.Fprintf(&b, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", r.Tokens, o.Gold, o.Found, o.Correct)
	fmt.Fprintf(&b, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		100*r.Accuracy(), 100*o.Precision(), 100*o.Recall(), 100*o.F1())
	fmt.Fprintf(&b, "%-8s %10s %8s %8s %6s %6s %8s\n", "type", "precision", "recall", "FB1", "gold", "found", "correct")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-8s %9.2f%% %7.2f%% %8.2f %6d %6d %8d\n", name,
			100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Gold, c.Found, c.Correct)
	}
	for _, t := range r.Types {
		row(string(t.Label), t.Counts)
	}
	row("overall", o)
	return b.String()
}

// span is an entity of a tag sequence: tokens [start, end) and its type.
type span struct {
	start, end int
	typ        string
}

// spans returns the entities of a tag sequence read as conlleval does: an
// entity starts at B-X, or at I-X after a tag of another type or O; it
// goes on over the I-X that follow.
func spans(tags []string) []span {
	var out []span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if len(t) < 3 || t[1] != '-' {
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j - 1
	}
	return out
}

// scorer accumulates a Report.
type scorer struct {
	r      Report
	byType map[string]*Counts
}

func newScorer() *scorer { return &scorer{byType: map[string]*Counts{}} }

func (s *scorer) counts(typ string) *Counts {
	c := s.byType[typ]
	if c == nil {
		c = &Counts{}
		s.byType[typ] = c
	}
	return c
}

// add scores one sentence.
func (s *scorer) add(gold, pred []string) {
	s.r.Sentences++
	s.r.Tokens += len(gold)
	for i := range gold {
		if i < len(pred) && pred[i] == gold[i] {
			s.r.CorrectTags++
		}
	}
	g, p := spans(gold), spans(pred)
	for _, e := range g {
		s.counts(e.typ).Gold++
		s.r.Overall.Gold++
	}
	for _, e := range p {
		s.counts(e.typ).Found++
		s.r.Overall.Found++
	}
	// both lists are sorted by start and disjoint
	for i, j := 0, 0; i < len(g) && j < len(p); {
		switch {
		case g[i] == p[j]:
			s.counts(g[i].typ).Correct++
			s.r.Overall.Correct++
			i++
			j++
		case g[i].start < p[j].start || (g[i].start == p[j].start && g[i].end < p[j].end):
			i++
		default:
			j++
		}
	}
}

func (s *scorer) report() Report {
	r := s.r
	labels := make([]string, 0, len(s.byType))
	for l := range s.byType {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		r.Types = append(r.Types, TypeCounts{Label(l), *s.byType[l]})
	}
	return r
}

// Score compares predicted tag sequences with gold ones, sentence by
// sentence (pred[i] tags gold[i].Words).
func Score(gold []Sentence, pred [][]string) Report {
	s := newScorer()
	for i, g := range gold {
		var p []string
		if i < len(pred) {
			p = pred[i]
		}
		s.add(g.Tags, p)
	}
	return s.report()
}

// Evaluate tags the words of gold with m and scores the result against
// gold's tags. As CoNLL data has no document boundaries, the document
// context of each sentence is the docWindow sentences around it.
func Evaluate(m *Model, gold []Sentence, lex Lexicon) Report {
	return evaluate(m, gold, lex, nil)
}

// Predict tags the words of sents with m as Evaluate does and returns
// the BIO tags of each sentence.
func Predict(m *Model, sents []Sentence, lex Lexicon) [][]string {
	return predict(m, sents, lex, nil)
}

// evaluate is Evaluate; pre, when not nil, are stage-1 predictions of
// gold for a stage-2 model to read instead of running its stage 1.
func evaluate(m *Model, gold []Sentence, lex Lexicon, pre s1Preds) Report {
	return Score(gold, predict(m, gold, lex, pre))
}

// predict is Predict with evaluate's pre.
func predict(m *Model, sents []Sentence, lex Lexicon, pre s1Preds) [][]string {
	d := m.newDecoder(lex)
	d.pre = pre
	words := make([][]string, len(sents))
	for i, g := range sents {
		words[i] = normalizeAll(g.Words)
	}
	pred := make([][]string, len(sents))
	d.tagSents(words, docWindow, false, func(i int) {
		p := make([]string, len(sents[i].Words))
		for j := range p {
			p[j] = m.bio[d.path[j]]
		}
		pred[i] = p
	})
	return pred
}
