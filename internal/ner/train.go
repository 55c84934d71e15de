package ner

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/rasd-project/rasd/internal/arabic"
)

// TrainOptions configure Train. The zero value works.
type TrainOptions struct {
	// Iterations is the number of passes over the training sentences
	// (default DefaultIterations). With Dev, each perceptron keeps the
	// averaged weights of its pass that scores best on Dev.
	Iterations int
	// Members is the number of perceptrons trained and averaged (default
	// DefaultMembers). They differ in the order they visit the sentences
	// and in the folds of the corpus statistics.
	Members int
	// Dev are held-out sentences: they choose the passes and calibrate
	// mention scores. Without them the last pass is kept and the scores
	// are calibrated by training the same way on the first 90% of the
	// sentences and tagging the rest.
	Dev []Sentence
	// Lexicon, when not nil, adds knowledge-base features; the model then
	// uses the Lexicon passed to Tag.
	Lexicon Lexicon
	// Seed seeds the visiting orders (the same seed and data give a
	// byte-identical model, whatever Workers).
	Seed int64
	// Workers is the number of perceptrons trained at once (default
	// GOMAXPROCS).
	Workers int
	// Prune drops stored feature weights whose magnitude is below this
	// share of the largest weight (default 0: keep all nonzero weights),
	// to make the model file smaller.
	Prune float64
	// Algorithm is AlgoMix (the default: the perceptron ensemble mixed
	// with a CRF), AlgoPerceptron or AlgoCRF. For AlgoCRF, Members
	// defaults to 1 (members differ in their statistics folds).
	Algorithm string
	// CRFIterations is the number of L-BFGS iterations of a CRF (default
	// DefaultCRFIterations).
	CRFIterations int
	// L2 is the strength of the CRF's L2 penalty, 0.5·L2·‖w‖² against the
	// summed log-likelihood (default DefaultL2; negative: none).
	L2 float64
	// Mix is the CRF's share of the AlgoMix weights (default DefaultMix).
	Mix float64
	// Stages is 1 for a single model, 2 for a two-stage stacked model
	// (stack.go; default DefaultStages).
	Stages int
	// s1Train and s1Dev are stage-1 predictions of the training and dev
	// sentences, for training stage 2.
	s1Train, s1Dev s1Preds
	// Logf, when not nil, receives progress lines (from one goroutine at
	// a time).
	Logf func(format string, args ...any)
}

// Training defaults.
const (
	DefaultIterations = 5
	DefaultMembers    = 8
	DefaultStages     = 1
)

// folds is the number of blocks the training corpus is cut into for its
// word statistics and letter model: the statistics a sentence sees come
// from the other blocks, as they would for unseen text (jackknifing).
const folds = 10

// ErrNoData is returned by Train for an empty training set.
var ErrNoData = errors.New("no training sentences")

// Train trains a tagger on BIO-tagged sentences with the averaged
// structured perceptron (Collins 2002): for each sentence in a seeded
// order, Viterbi decodes it with the current weights and, when it is
// wrong, the features of the gold tags are rewarded and those of the
// predicted ones penalized; a perceptron's weights are the average of
// its weights over all steps. Members perceptrons, each with its own
// visiting order and statistics folds, are trained and their weights
// averaged, which removes much of the variance a single visiting order
// leaves. With AlgoMix (the default) the average is then mixed with the
// weights of a CRF trained on the same features (see crf.go and
// mixWeights); AlgoCRF trains CRFs alone. Training is deterministic.
func Train(train []Sentence, opt TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, ErrNoData
	}
	if opt.Algorithm == "" {
		opt.Algorithm = DefaultAlgorithm
	}
	if opt.Iterations <= 0 {
		opt.Iterations = DefaultIterations
	}
	if opt.CRFIterations <= 0 {
		opt.CRFIterations = DefaultCRFIterations
	}
	switch {
	case opt.L2 == 0:
		opt.L2 = DefaultL2
	case opt.L2 < 0:
		opt.L2 = 0
	}
	if opt.Mix <= 0 || opt.Mix >= 1 {
		opt.Mix = DefaultMix
	}
	switch opt.Algorithm {
	case AlgoPerceptron, AlgoMix:
		if opt.Members <= 0 {
			opt.Members = DefaultMembers
		}
	case AlgoCRF:
		if opt.Members <= 0 {
			opt.Members = 1
		}
	default:
		return nil, fmt.Errorf("ner: unknown training algorithm %q", opt.Algorithm)
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	} else {
		var mu sync.Mutex
		logf := opt.Logf
		opt.Logf = func(format string, args ...any) {
			mu.Lock()
			defer mu.Unlock()
			logf(format, args...)
		}
	}
	for i, s := range append(append([]Sentence(nil), train...), opt.Dev...) {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("ner: sentence %d has %d words and %d tags", i+1, len(s.Words), len(s.Tags))
		}
		for _, t := range s.Tags {
			if err := checkTag(t); err != nil {
				return nil, fmt.Errorf("ner: sentence %d: %w", i+1, err)
			}
		}
	}
	if opt.Stages <= 0 {
		opt.Stages = DefaultStages
	}
	switch opt.Stages {
	case 1:
	case 2:
		return trainStacked(train, opt)
	default:
		return nil, fmt.Errorf("ner: %d stages (want 1 or 2)", opt.Stages)
	}
	m, err := trainEnsemble(train, opt)
	if err != nil {
		return nil, err
	}
	sub := opt
	sub.Logf = func(string, ...any) {}
	err = fitBias(m, train, opt, nil, func(cut int) (*Model, error) { return trainEnsemble(train[:cut], sub) })
	if err != nil {
		return nil, err
	}
	opt.Logf("entity bias %.4g; score calibration: %.4g*margin%+.4g", m.bias, m.calA, m.calB)
	return m, nil
}

// fitBias sets m's entity bias and score calibration: on opt.Dev when
// there is one, else on the last 10% of train, with a model that retrain
// trains the same way on the first cut sentences. s1 are the stage-1
// predictions of train for a second stage (nil for one stage).
func fitBias(m *Model, train []Sentence, opt TrainOptions, s1 s1Preds, retrain func(cut int) (*Model, error)) error {
	switch {
	case len(opt.Dev) > 0:
		m.bias = tuneBias(m, opt.Dev, opt.Lexicon, nil, opt.Logf)
		m.calA, m.calB = calibrate(m, opt.Dev, opt.Lexicon, nil)
	case len(train) >= 20:
		cut := len(train) * 9 / 10
		held, err := retrain(cut)
		if err != nil {
			return err
		}
		var tail s1Preds
		if s1 != nil {
			tail = s1[cut:]
		}
		held.bias = tuneBias(held, train[cut:], opt.Lexicon, tail, opt.Logf)
		m.bias = held.bias / held.scale * m.scale
		m.calA, m.calB = calibrate(held, train[cut:], opt.Lexicon, tail)
	default:
		m.calA, m.calB = 1, 0
	}
	m.qbias = quantize(m.bias, m.scale)
	m.bias = float32(m.qbias) * m.scale
	return nil
}

// tuneBias tries biasSteps+1 entity biases, from 0 to biasMax times the
// largest weight.
// Too few held-out entities (under minBiasEntities) leave the bias at 0.
const (
	minBiasEntities = 100
	biasSteps       = 30
	biasMax         = 0.6
)

// tuneBias returns the entity bias (see Model.bias) under which m tags
// sents best, by entity F1 smoothed over neighbouring biases so that a
// lucky spike does not decide. A perceptron trained to few mistakes
// finds too few entities on new text; the bias corrects that.
// pre, when not nil, are the stage-1 predictions a stage-2 model without
// its stage 1 reads.
func tuneBias(m *Model, sents []Sentence, lex Lexicon, pre s1Preds, logf func(string, ...any)) float32 {
	gold := 0
	for _, s := range sents {
		gold += len(spans(s.Tags))
	}
	if gold < minBiasEntities {
		return 0
	}
	maxAbs := m.scale * quantMax
	f1 := make([]float64, biasSteps+1)
	for k := range f1 {
		m.bias = maxAbs * biasMax * float32(k) / biasSteps
		f1[k] = evaluate(m, sents, lex, pre).Overall.F1()
	}
	best, bestF := 0, -1.0
	for k := range f1 {
		lo, hi := max(0, k-1), min(len(f1)-1, k+1)
		f := 0.0
		for j := lo; j <= hi; j++ {
			f += f1[j]
		}
		f /= float64(hi - lo + 1)
		if f > bestF {
			best, bestF = k, f
		}
	}
	logf("entity bias: %d/%d steps, F1 %.2f (%.2f without)", best, biasSteps, 100*f1[best], 100*f1[0])
	m.bias = 0
	return maxAbs * biasMax * float32(best) / biasSteps
}

// corpus is a featurized data set: feature rows per token.
type corpus struct {
	gold    [][]int // tag indices
	featIdx []int32 // feature rows of all tokens
	tokOff  []int32 // tokOff[t]..tokOff[t+1]: token t's rows in featIdx
	sentOff []int32 // sentOff[s]..sentOff[s+1]: sentence s's tokens
}

func (c *corpus) tokens(s int) (int, int) { return int(c.sentOff[s]), int(c.sentOff[s+1]) }

// normalizeAll returns the matching forms of words.
func normalizeAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = arabic.Normalize(w)
	}
	return out
}

// trainData is what the members of an ensemble share: the tags, the
// normalized sentences with their gold tag indices, and the corpus models.
type trainData struct {
	m      *Model // tags, cues, full statistics and letter model
	words  [][]string
	gold   [][]int
	dev    [][]string
	opt    TrainOptions
	tokens int
}

// trainEnsemble trains opt.Members perceptrons and averages them.
func trainEnsemble(train []Sentence, opt TrainOptions) (*Model, error) {
	start := time.Now()
	m := &Model{lexicon: opt.Lexicon != nil}
	m.initTags(tagSet(train))
	cues, err := parseCues(cuesText)
	if err != nil {
		return nil, err
	}
	m.cues = cues
	td := &trainData{m: m, opt: opt}
	td.words = make([][]string, len(train))
	td.gold = make([][]int, len(train))
	for i, s := range train {
		td.words[i] = normalizeAll(s.Words)
		td.gold[i] = m.bilou(s.Tags)
		td.tokens += len(s.Words)
	}
	for _, s := range opt.Dev {
		td.dev = append(td.dev, normalizeAll(s.Words))
	}
	m.stats, m.letters = td.corpusModels(-1, 0)

	type result struct {
		keys  []uint64
		w, tw []float32
		iter  int
	}
	res := make([]result, opt.Members)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.Workers, opt.Members) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				train := td.member
				if opt.Algorithm == AlgoCRF {
					train = td.crfMember
				}
				keys, w, tw, iter := train(k)
				res[k] = result{keys, w, tw, iter}
			}
		}()
	}
	for k := range opt.Members {
		jobs <- k
	}
	close(jobs)
	wg.Wait()

	// average the members: feature rows in the order members list them
	nt := m.nt
	rowOf := map[uint64]int{}
	var keys []uint64
	for _, r := range res {
		for _, k := range r.keys {
			if _, ok := rowOf[k]; !ok {
				rowOf[k] = len(keys)
				keys = append(keys, k)
			}
		}
	}
	w := make([]float32, len(keys)*nt)
	tw := make([]float32, (nt+1)*nt)
	share := 1 / float32(opt.Members)
	iters := 0
	for _, r := range res {
		for i, k := range r.keys {
			dst := w[rowOf[k]*nt : rowOf[k]*nt+nt]
			for y, v := range r.w[i*nt : i*nt+nt] {
				dst[y] += share * v
			}
		}
		for i, v := range r.tw {
			tw[i] += share * v
		}
		iters = max(iters, r.iter)
	}
	if opt.Algorithm == AlgoMix {
		ckeys, cw, ctw, _ := td.crfMember(0)
		mixWeights(nt, keys, w, tw, ckeys, cw, ctw, opt.Mix)
	}
	m.finish(keys, w, tw, opt.Prune)
	m.info = Info{
		FormatVersion: 1,
		FeatureSet:    featureSetHash(),
		Lexicon:       m.lexicon,
		Stages:        1,
		Iterations:    iters,
		Members:       opt.Members,
		Sentences:     len(train),
		Tokens:        td.tokens,
		Features:      len(m.featKeys),
		Words:         len(m.stats.keys),
	}
	msg := fmt.Sprintf("model: %d members, %d feature rows of %d (%.1fs)", opt.Members, len(m.featKeys), len(keys), time.Since(start).Seconds())
	if len(opt.Dev) > 0 {
		r := evaluate(m, opt.Dev, opt.Lexicon, opt.s1Dev)
		msg += fmt.Sprintf(", dev F1 %.2f (P %.2f R %.2f)", 100*r.Overall.F1(), 100*r.Overall.Precision(), 100*r.Overall.Recall())
	}
	opt.Logf("%s", msg)
	return m, nil
}

// mixWeights mixes the perceptron ensemble's weights (keys, w, tw) with a
// CRF's, in place: each model's weights are divided by the Euclidean norm
// of its feature weights, and the CRF's get share f. Feature rows the
// perceptron left at zero stay at zero: the CRF's weights on them barely
// change held-out scores and would double the model's size.
func mixWeights(nt int, keys []uint64, w, tw []float32, ckeys []uint64, cw, ctw []float32, f float64) {
	norm := func(v []float32) float64 {
		s := 0.0
		for _, x := range v {
			s += float64(x) * float64(x)
		}
		return math.Sqrt(s)
	}
	np, nc := norm(w), norm(cw)
	if np == 0 || nc == 0 {
		return
	}
	kp, kc := float32((1-f)/np), float32(f/nc)
	crow := make(map[uint64]int, len(ckeys))
	for i, k := range ckeys {
		crow[k] = i
	}
	for r, k := range keys {
		row := w[r*nt : (r+1)*nt]
		used := false
		for y, v := range row {
			used = used || v != 0
			row[y] = kp * v
		}
		if i, ok := crow[k]; ok && used {
			for y, v := range cw[i*nt : (i+1)*nt] {
				row[y] += kc * v
			}
		}
	}
	for i, v := range ctw {
		tw[i] = kp*tw[i] + kc*v
	}
}

// foldShift returns the first sentence of the first fold for member k:
// the members' folds are offset from each other by a share of a fold.
func (td *trainData) foldShift(k int) int {
	return k * len(td.words) / (folds * td.opt.Members)
}

// foldOf returns the fold of sentence s for a member with fold shift
// shift.
func (td *trainData) foldOf(s, shift int) int {
	n := len(td.words)
	return (s + n - shift) % n * folds / n
}

// corpusModels returns the word statistics and letter model of the
// training sentences outside fold f (-1: of all of them), with folds
// offset by shift sentences.
func (td *trainData) corpusModels(f, shift int) (*wordStats, *letterModel) {
	m := td.m
	all := newStatCounter(m.nt)
	in := newStatCounter(m.nt)
	lc := newLetterCounter(1 + (m.nt-1)/4)
	var splits []arabic.Split
	for s, words := range td.words {
		inFold := td.foldOf(s, shift) == f
		for i, w := range words {
			k := hashString(w)
			y := td.gold[s][i]
			all.add(k, y)
			if inFold {
				in.add(k, y)
				continue
			}
			splits = arabic.Clitics(w, splits[:0])
			if lb := lightBare(w, splits); letterable(lb, shape(w)) {
				lc.add(lb, m.class(y))
			}
		}
	}
	if f < 0 {
		return all.build(nil), lc.build()
	}
	return all.build(in), lc.build()
}

// member trains the k-th perceptron of an ensemble. It returns its
// feature keys with their averaged weights (nt per key), the averaged
// transition weights, and the pass they were taken at.
func (td *trainData) member(k int) (keys []uint64, w, tw []float32, iter int) {
	start := time.Now()
	m, opt := td.m, td.opt
	nt := m.nt
	shift := td.foldShift(k)
	keys, tr, dev := td.featurize(shift)
	nf := len(keys)
	opt.Logf("member %d: %d sentences, %d features (%.1fs)", k+1, len(td.words), nf, time.Since(start).Seconds())

	// perceptron state: current weights (integers), and u, the sum of
	// the step counter times each update, for averaging
	cur := make([]float32, nf*nt)
	u := make([]float64, nf*nt)
	tcur := make([]float32, (nt+1)*nt)
	tu := make([]float64, (nt+1)*nt)
	avg := make([]float32, nf*nt)
	tavg := make([]float32, (nt+1)*nt)
	teff := make([]float32, (nt+1)*nt) // transitions with forbidden ones at -Inf
	mask := func(dst, src []float32) {
		for p := 0; p <= nt; p++ {
			for y := 0; y < nt; y++ {
				if m.allowed(p, y) {
					dst[p*nt+y] = src[p*nt+y]
				} else {
					dst[p*nt+y] = negInf
				}
			}
		}
	}
	bestF := -1.0
	dec := m.newDecoder(nil)
	order := make([]int, len(td.words))
	for i := range order {
		order[i] = i
	}
	rng := newRNG(uint64(opt.Seed) + uint64(k)*golden)
	c := 1.0
	var pred []int
	for it := 1; it <= opt.Iterations; it++ {
		t0 := time.Now()
		rng.shuffle(order)
		mistakes := 0
		mask(teff, tcur)
		for _, s := range order {
			t0, t1 := tr.tokens(s)
			n := t1 - t0
			dec.grow(n)
			tr.emissions(dec, t0, t1, cur, nt)
			dec.viterbi(n, teff)
			pred = append(pred[:0], dec.path...)
			g := td.gold[s]
			wrong := false
			for i := range g {
				if g[i] != pred[i] {
					wrong = true
					break
				}
			}
			if wrong {
				mistakes++
				for i := range g {
					if g[i] != pred[i] {
						for _, r := range tr.featIdx[tr.tokOff[t0+i]:tr.tokOff[t0+i+1]] {
							cur[int(r)*nt+g[i]]++
							u[int(r)*nt+g[i]] += c
							cur[int(r)*nt+pred[i]]--
							u[int(r)*nt+pred[i]] -= c
						}
					}
					gp, pp := nt, nt
					if i > 0 {
						gp, pp = g[i-1], pred[i-1]
					}
					if gp != pp || g[i] != pred[i] {
						tcur[gp*nt+g[i]]++
						tu[gp*nt+g[i]] += c
						tcur[pp*nt+pred[i]]--
						tu[pp*nt+pred[i]] -= c
					}
				}
				mask(teff, tcur)
			}
			c++
		}
		for i := range avg {
			avg[i] = float32(float64(cur[i]) - u[i]/c)
		}
		for i := range tavg {
			tavg[i] = float32(float64(tcur[i]) - tu[i]/c)
		}
		line := fmt.Sprintf("member %d, pass %d: %d/%d sentences wrong", k+1, it, mistakes, len(td.words))
		if dev != nil {
			mask(teff, tavg)
			r := dev.evaluate(m, dec, avg, teff, opt.Dev)
			line += fmt.Sprintf(", dev F1 %.2f (P %.2f R %.2f)", 100*r.Overall.F1(), 100*r.Overall.Precision(), 100*r.Overall.Recall())
			if f := r.Overall.F1(); f > bestF {
				bestF, iter = f, it
				w = append(w[:0], avg...)
				tw = append(tw[:0], tavg...)
			}
		}
		opt.Logf("%s (%.1fs)", line, time.Since(t0).Seconds())
	}
	if dev == nil {
		return keys, avg, tavg, opt.Iterations
	}
	return keys, w, tw, iter
}

// featurize computes the features of the training sentences, with the
// corpus statistics of folds offset by shift, and of the dev sentences
// (with the full statistics). It returns the feature keys in order of
// first occurrence; the corpora refer to them by index.
func (td *trainData) featurize(shift int) (keys []uint64, tr, dev *corpus) {
	m, opt := td.m, td.opt
	foldStats := make([]*wordStats, folds)
	foldLetters := make([]*letterModel, folds)
	for f := range folds {
		foldStats[f], foldLetters[f] = td.corpusModels(f, shift)
	}
	// featurize: feature keys → rows, in order of first occurrence
	fz := featurizer{cues: m.cues, lex: opt.Lexicon}
	rows := map[uint64]int32{}
	var buf []uint64
	tr = &corpus{gold: td.gold, sentOff: []int32{0}, tokOff: []int32{0}}
	fz.s1pre = opt.s1Train
	fz.walk(td.words, docWindow, func(s int) {
		f := td.foldOf(s, shift)
		fz.stats, fz.letters = foldStats[f], foldLetters[f]
	}, func(s int) {
		for i := range td.words[s] {
			buf = fz.features(i, buf[:0])
			for _, key := range buf {
				r, ok := rows[key]
				if !ok {
					r = int32(len(keys))
					rows[key] = r
					keys = append(keys, key)
				}
				tr.featIdx = append(tr.featIdx, r)
			}
			tr.tokOff = append(tr.tokOff, int32(len(tr.featIdx)))
		}
		tr.sentOff = append(tr.sentOff, int32(len(tr.tokOff)-1))
	})
	if len(td.dev) > 0 {
		dev = &corpus{sentOff: []int32{0}, tokOff: []int32{0}}
		fz.stats, fz.letters = m.stats, m.letters
		fz.s1pre = opt.s1Dev
		fz.walk(td.dev, docWindow, nil, func(s int) {
			for i := range td.dev[s] {
				buf = fz.features(i, buf[:0])
				for _, key := range buf {
					if r, ok := rows[key]; ok {
						dev.featIdx = append(dev.featIdx, r)
					}
				}
				dev.tokOff = append(dev.tokOff, int32(len(dev.featIdx)))
			}
			dev.sentOff = append(dev.sentOff, int32(len(dev.tokOff)-1))
		})
	}
	return keys, tr, dev
}

// emissions fills dec.emis for tokens [t0, t1) of c under weights w.
func (c *corpus) emissions(dec *decoder, t0, t1 int, w []float32, nt int) {
	clear(dec.emis[:(t1-t0)*nt])
	for t := t0; t < t1; t++ {
		e := dec.emis[(t-t0)*nt : (t-t0+1)*nt]
		for _, r := range c.featIdx[c.tokOff[t]:c.tokOff[t+1]] {
			row := w[int(r)*nt : int(r)*nt+nt]
			for y := range e {
				e[y] += row[y]
			}
		}
	}
}

// evaluate tags c with weights w and transitions trans (forbidden ones at
// -Inf) and scores it against sents.
func (c *corpus) evaluate(m *Model, dec *decoder, w, trans []float32, sents []Sentence) Report {
	sc := newScorer()
	var pred []string
	for s := range len(c.sentOff) - 1 {
		t0, t1 := c.tokens(s)
		n := t1 - t0
		dec.grow(n)
		c.emissions(dec, t0, t1, w, m.nt)
		dec.viterbi(n, trans)
		pred = pred[:0]
		for _, y := range dec.path[:n] {
			pred = append(pred, m.bio[y])
		}
		sc.add(sents[s].Tags, pred)
	}
	return sc.report()
}

// finish quantizes the averaged weights, drops feature rows that are all
// zero (or below prune times the largest weight), and builds the feature
// table.
func (m *Model) finish(keys []uint64, w, tw []float32, prune float64) {
	nt := m.nt
	maxAbs := float32(0)
	for _, v := range w {
		maxAbs = max(maxAbs, abs32(v))
	}
	for _, v := range tw {
		maxAbs = max(maxAbs, abs32(v))
	}
	m.scale = 1
	if maxAbs > 0 {
		m.scale = maxAbs / quantMax
	}
	thresh := float32(prune) * maxAbs
	type row struct {
		key uint64
		q   []int32
	}
	var kept []row
	for r, k := range keys {
		var q []int32
		nonzero := false
		for y := 0; y < nt; y++ {
			v := w[r*nt+y]
			qv := int32(0)
			if abs32(v) >= thresh {
				qv = quantize(v, m.scale)
			}
			nonzero = nonzero || qv != 0
			q = append(q, qv)
		}
		if nonzero {
			kept = append(kept, row{k, q})
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].key < kept[j].key })
	qt := make([]int32, len(tw))
	for i, v := range tw {
		qt[i] = quantize(v, m.scale)
	}
	fkeys := make([]uint64, len(kept))
	qw := make([]int32, 0, len(kept)*nt)
	for i, r := range kept {
		fkeys[i] = r.key
		qw = append(qw, r.q...)
	}
	m.setWeights(fkeys, qw, qt)
}

// quantMax is the largest quantized weight magnitude.
const quantMax = 1 << 15

func quantize(v, scale float32) int32 { return int32(math.Round(float64(v / scale))) }

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// setWeights installs quantized weights: feature keys (sorted) with nt
// weights each, and the transition weights.
func (m *Model) setWeights(keys []uint64, qw, qt []int32) {
	nt := m.nt
	m.feats = newTable(len(keys))
	m.w = make([]float32, len(qw))
	m.featKeys = keys
	m.qt = qt
	for i, k := range keys {
		m.feats.put(k, int32(i))
	}
	for i, q := range qw {
		m.w[i] = float32(q) * m.scale
	}
	m.trans = make([]float32, (nt+1)*nt)
	for p := 0; p <= nt; p++ {
		for y := 0; y < nt; y++ {
			if m.allowed(p, y) {
				m.trans[p*nt+y] = float32(qt[p*nt+y]) * m.scale
			} else {
				m.trans[p*nt+y] = negInf
			}
		}
	}
}

// calibrate fits Score's logistic function on held-out sentences: the
// probability that a found entity is correct given its margin (Newton's
// method on the log-likelihood, with a weak prior that keeps it finite).
func calibrate(m *Model, sents []Sentence, lex Lexicon, pre s1Preds) (a, b float32) {
	type obs struct {
		x  float64
		ok bool
	}
	var data []obs
	d := m.newDecoder(lex)
	d.pre = pre
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = normalizeAll(s.Words)
	}
	d.tagSents(words, docWindow, true, func(si int) {
		s := sents[si]
		n := len(s.Words)
		goldSpans := map[span]bool{}
		for _, g := range spans(s.Tags) {
			goldSpans[g] = true
		}
		for _, c := range chunks(d.path[:n], m) {
			mg := d.margin[c.start]
			for i := c.start + 1; i < c.end; i++ {
				mg = min(mg, d.margin[i])
			}
			if c.end < n {
				mg = min(mg, d.margin[c.end])
			}
			data = append(data, obs{float64(mg), goldSpans[span{c.start, c.end, string(m.typ[c.tag])}]})
		}
	})
	if len(data) == 0 {
		return 1, 0
	}
	// scale margins to about unit size for a well-conditioned fit
	var sx float64
	for _, o := range data {
		sx += math.Min(o.x, 1e4)
	}
	unit := sx / float64(len(data))
	if unit <= 0 {
		unit = 1
	}
	A, B := 1.0, 0.0
	const prior = 1e-2
	for iter := 0; iter < 50; iter++ {
		var gA, gB, hAA, hAB, hBB float64
		for _, o := range data {
			x := math.Min(o.x/unit, 50)
			p := 1 / (1 + math.Exp(-(A*x + B)))
			y := 0.0
			if o.ok {
				y = 1
			}
			gA += (p - y) * x
			gB += p - y
			h := p * (1 - p)
			hAA += h * x * x
			hAB += h * x
			hBB += h
		}
		gA += prior * A
		gB += prior * B
		hAA += prior
		hBB += prior
		det := hAA*hBB - hAB*hAB
		if det <= 0 {
			break
		}
		dA := (hBB*gA - hAB*gB) / det
		dB := (hAA*gB - hAB*gA) / det
		A -= dA
		B -= dB
		if math.Abs(dA)+math.Abs(dB) < 1e-9 {
			break
		}
	}
	return float32(A / unit), float32(B)
}

// rng is a small deterministic generator (SplitMix64) for the visiting
// order, so that models do not depend on the standard library's
// generators across Go versions.
type rng struct{ s uint64 }

func newRNG(seed uint64) *rng { return &rng{seed} }

func (r *rng) next() uint64 {
	r.s += golden
	return mix64(r.s)
}

// shuffle permutes p (Fisher–Yates).
func (r *rng) shuffle(p []int) {
	for i := len(p) - 1; i > 0; i-- {
		j := int(r.next() % uint64(i+1))
		p[i], p[j] = p[j], p[i]
	}
}
