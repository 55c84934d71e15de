package ner

import (
	"bytes"
	"math"
	"testing"
)

func trainCRFFixture(t testing.TB, workers int) *Model {
	t.Helper()
	m, err := Train(readFixture(t), TrainOptions{Algorithm: AlgoCRF, Iterations: 40, L2: 0.1, Seed: 7, Workers: workers, Lexicon: fixtureLex})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCRFFitsFixture(t *testing.T) {
	m := trainCRFFixture(t, 0)
	if r := Evaluate(m, readFixture(t), fixtureLex); r.Overall.F1() != 1 {
		t.Errorf("training sentences tagged with F1 %.3f; want 1:\n%s", r.Overall.F1(), r)
	}
}

func TestCRFDeterministic(t *testing.T) {
	a := modelBytes(t, trainCRFFixture(t, 1))
	b := modelBytes(t, trainCRFFixture(t, 3))
	if !bytes.Equal(a, b) {
		t.Error("two CRF trainings with the same data wrote different models")
	}
}

func TestTrainUnknownAlgorithm(t *testing.T) {
	if _, err := Train(readFixture(t), TrainOptions{Algorithm: "svm"}); err == nil {
		t.Error("Train with an unknown algorithm: want an error")
	}
}

// TestCRFGradient compares the CRF objective's gradient with finite
// differences at a random point.
func TestCRFGradient(t *testing.T) {
	sents := readFixture(t)
	m := &Model{}
	m.initTags(tagSet(sents))
	cues, err := parseCues(cuesText)
	if err != nil {
		t.Fatal(err)
	}
	m.cues = cues
	td := &trainData{m: m, opt: TrainOptions{Members: 1}}
	for _, s := range sents {
		td.words = append(td.words, normalizeAll(s.Words))
		td.gold = append(td.gold, m.bilou(s.Tags))
	}
	m.stats, m.letters = td.corpusModels(-1, 0)
	keys, tr, _ := td.featurize(0)
	p := &crfProblem{m: m, c: tr, gold: td.gold, nf: len(keys), l2: 0.5, work: 2}
	x := make([]float64, p.dim())
	r := newRNG(3)
	for i := range x {
		x[i] = float64(r.next()%2001)/1000 - 1
	}
	g := make([]float64, len(x))
	p.eval(x, g)
	scratch := make([]float64, len(x))
	const h = 1e-5
	for k := 0; k < 60; k++ {
		i := int(r.next() % uint64(len(x)))
		if k < 10 { // transitions too
			i = len(x) - 1 - int(r.next()%uint64((m.nt+1)*m.nt))
		}
		old := x[i]
		x[i] = old + h
		fp := p.eval(x, scratch)
		x[i] = old - h
		fm := p.eval(x, scratch)
		x[i] = old
		num := (fp - fm) / (2 * h)
		if math.Abs(num-g[i]) > 1e-4*math.Max(1, math.Abs(num)) {
			t.Errorf("parameter %d: gradient %.8g, finite difference %.8g", i, g[i], num)
		}
	}
}

func TestPerceptronFitsFixture(t *testing.T) {
	m, err := Train(readFixture(t), TrainOptions{Algorithm: AlgoPerceptron, Iterations: 6, Members: 3, Seed: 7, Lexicon: fixtureLex})
	if err != nil {
		t.Fatal(err)
	}
	if r := Evaluate(m, readFixture(t), fixtureLex); r.Overall.F1() != 1 {
		t.Errorf("training sentences tagged with F1 %.3f; want 1:\n%s", r.Overall.F1(), r)
	}
}

func TestMixWeights(t *testing.T) {
	// nt = 2; the perceptron has rows 1 (used) and 2 (unused), the CRF rows 2 and 3
	w := []float32{3, 4, 0, 0}
	tw := []float32{0, 0, 0, 0, 0, 0}
	cw := []float32{1, 0, 0, 2}
	ctw := []float32{0, 0, 0, 0, 0, 4}
	mixWeights(2, []uint64{1, 2}, w, tw, []uint64{2, 3}, cw, ctw, 0.5)
	want := []float32{0.3, 0.4, 0, 0}
	for i := range w {
		if math.Abs(float64(w[i]-want[i])) > 1e-6 {
			t.Fatalf("mixed weights %v; want %v", w, want)
		}
	}
	if math.Abs(float64(tw[5])-0.5*4/math.Sqrt(5)) > 1e-6 {
		t.Errorf("mixed transitions %v", tw)
	}
}
