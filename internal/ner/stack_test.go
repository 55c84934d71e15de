package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func trainStackedFixture(t testing.TB, workers int) *Model {
	t.Helper()
	m, err := Train(readFixture(t), TrainOptions{Iterations: 6, Members: 2, Seed: 7, Workers: workers, Lexicon: fixtureLex, Stages: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestStackedModel(t *testing.T) {
	m := trainStackedFixture(t, 1)
	if i := m.Info(); i.Stages != 2 || i.FormatVersion != 2 || m.stage1 == nil {
		t.Fatalf("Info() = %+v; want a two-stage model of format 2", i)
	}
	if r := Evaluate(m, readFixture(t), fixtureLex); r.Overall.F1() < 0.9 {
		t.Errorf("training sentences tagged with F1 %.3f; want ≥ 0.9:\n%s", r.Overall.F1(), r)
	}
	data := modelBytes(t, m)
	if other := modelBytes(t, trainStackedFixture(t, 3)); !bytes.Equal(data, other) {
		t.Error("two stacked trainings with the same seed and data wrote different models")
	}
	m2 := roundTrip(t, m, data)
	words := strings.Fields("التقى الوزير كريم ناصر بوفد من الأمم المتحدة في دمشق ثم عاد كريم ناصر إلى دمشق")
	if got, want := m2.TagWords(words, fixtureLex), m.TagWords(words, fixtureLex); !reflect.DeepEqual(got, want) {
		t.Errorf("TagWords after round trip = %v; want %v", got, want)
	}
	// a single-stage model is still written and read as version 1
	one, err := Train(readFixture(t), TrainOptions{Iterations: 6, Members: 3, Seed: 7, Stages: 1})
	if err != nil {
		t.Fatal(err)
	}
	if v := one.encode()[len(modelMagic)]; v != 1 {
		t.Errorf("single-stage model written as version %d; want 1", v)
	}
	l, err := Load(bytes.NewReader(one.encode()))
	if err != nil || l.Info().Stages != 1 || l.Info().FormatVersion != 1 {
		t.Errorf("Load(single-stage) = %+v, %v", l.Info(), err)
	}
}

func TestStackFeaturesDocument(t *testing.T) {
	// the stacking features of a form depend on stage 1's tags of its
	// other occurrences in the document
	m, err := Train(readFixture(t), TrainOptions{Iterations: 2, Members: 1, Stages: 1})
	if err != nil {
		t.Fatal(err)
	}
	fz := featurizer{stats: m.stats, letters: m.letters, cues: m.cues}
	sents := [][]string{normalizeAll(strings.Fields("زار كريم دمشق")), normalizeAll(strings.Fields("ثم غادر دمشق"))}
	feats := func(tag uint16) []uint64 {
		var out []uint64
		fz.s1pre = s1Preds{{0, 0, tag}, {0, 0, 0}}
		fz.walk(sents, 0, nil, func(s int) {
			if s == 1 {
				out = fz.features(2, nil)
			}
		})
		return out
	}
	a, b := feats(0), feats(4)
	if reflect.DeepEqual(a, b) {
		t.Error("stacking features ignore stage 1's tag of another occurrence")
	}
	if _, start := s1Type(4); !start {
		t.Error("s1Type(4) (U-) does not start an entity")
	}
}
