package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []span
	}{
		{"O O", nil},
		{"B-PERS I-PERS O B-LOC", []span{{0, 2, "PERS"}, {3, 4, "LOC"}}},
		// conlleval: I-X after O or another type starts an entity
		{"O I-ORG I-ORG", []span{{1, 3, "ORG"}}},
		{"B-PERS I-LOC", []span{{0, 1, "PERS"}, {1, 2, "LOC"}}},
		// B-X after X starts a new one
		{"B-LOC B-LOC I-LOC", []span{{0, 1, "LOC"}, {1, 3, "LOC"}}},
	}
	for _, tt := range tests {
		if got := spans(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("spans(%q) = %v; want %v", tt.tags, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold := []Sentence{
		{Words: strings.Fields("a b c d e f"), Tags: strings.Fields("B-PERS I-PERS O B-LOC O B-ORG")},
		{Words: strings.Fields("g h i"), Tags: strings.Fields("B-LOC I-LOC O")},
	}
	pred := [][]string{
		// PERS exact; LOC typed ORG; ORG missed
		strings.Fields("B-PERS I-PERS O B-ORG O O"),
		// LOC too short: wrong, and counts as found
		strings.Fields("B-LOC O O"),
	}
	r := Score(gold, pred)
	if r.Sentences != 2 || r.Tokens != 9 {
		t.Errorf("Sentences, Tokens = %d, %d; want 2, 9", r.Sentences, r.Tokens)
	}
	if want := (Counts{Gold: 4, Found: 3, Correct: 1}); r.Overall != want {
		t.Errorf("Overall = %+v; want %+v", r.Overall, want)
	}
	if want := (Counts{Gold: 2, Found: 1, Correct: 0}); r.Type(Place) != want {
		t.Errorf("LOC = %+v; want %+v", r.Type(Place), want)
	}
	if want := (Counts{Gold: 1, Found: 1, Correct: 0}); r.Type(Org) != want {
		t.Errorf("ORG = %+v; want %+v", r.Type(Org), want)
	}
	if want := (Counts{Gold: 1, Found: 1, Correct: 1}); r.Type(Person) != want {
		t.Errorf("PERS = %+v; want %+v", r.Type(Person), want)
	}
	if got := r.CorrectTags; got != 6 {
		t.Errorf("CorrectTags = %d; want 6", got)
	}
	if p, rc, f := r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(); p != 1.0/3 || rc != 0.25 || f < 0.2857 || f > 0.2858 {
		t.Errorf("P, R, F1 = %v, %v, %v; want 1/3, 1/4, 2/7", p, rc, f)
	}
	s := r.String()
	for _, want := range []string{"processed 9 tokens with 4 phrases; found: 3 phrases; correct: 1.", "PERS ", "overall"} {
		if !strings.Contains(s, want) {
			t.Errorf("Report.String() lacks %q:\n%s", want, s)
		}
	}
	if (Counts{}).F1() != 0 || (Counts{}).Precision() != 0 {
		t.Error("zero Counts: want zero scores")
	}
}

func TestScoreMissingPrediction(t *testing.T) {
	gold := []Sentence{{Words: []string{"a"}, Tags: []string{"B-LOC"}}}
	r := Score(gold, nil)
	if want := (Counts{Gold: 1}); r.Overall != want {
		t.Errorf("Overall = %+v; want %+v", r.Overall, want)
	}
}
