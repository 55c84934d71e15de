package ner

// Two-stage stacking. A stacked model (TrainOptions.Stages 2; not the
// default, see README.md) is two linear models over the same corpus
// statistics: stage 1 is an ordinary model; stage 2 sees stage 1's
// features plus stage 1's predictions: the token's own BILOU tag, and
// aggregates of stage 1's tags for the same form (clitic key) elsewhere
// in the document (majority type, share tagged as an entity, whether an
// occurrence starts an entity), alone and with the token's own tag. (The
// tags of the neighbours at −2..+2 and margin buckets scored lower on
// held-out data; see README.md.) At tagging time stage 1 tags the
// document first. In training, the stage-1 predictions stage 2 learns
// from are cross-fitted: the training sentences are cut into stackFolds
// contiguous blocks and each block is tagged by a stage-1 model trained
// on the others, so that stage 2 sees stage 1's errors on new text.

// stackFolds is the number of cross-fitting blocks.
const stackFolds = 4

// s1Preds are stage-1 predictions of a list of sentences: per token, its
// tag.
type s1Preds [][]uint16

// s1Agg counts stage-1 tags of a form's occurrences in a document.
type s1Agg struct {
	n, ent, start int32
	typ           [16]int32 // by type, O at 0
}

// s1Type returns a tag's type number (0 for O, then 1.. in tag order)
// and whether the tag starts an entity (B or U).
func s1Type(y int) (int, bool) {
	if y <= 0 {
		return 0, false
	}
	p := (y - 1) % 4
	return min((y-1)/4+1, 15), p == 0 || p == 3
}

// predict tags sents (a document, or CoNLL sentences with window > 0)
// with d's model and returns its predictions.
func (d *decoder) predict(sents [][]string, window int) s1Preds {
	out := make(s1Preds, len(sents))
	d.tagSents(sents, window, false, func(s int) {
		p := make([]uint16, len(sents[s]))
		for i := range p {
			p[i] = uint16(d.path[i])
		}
		out[s] = p
	})
	return out
}

// s1Window maintains the stage-1 aggregates of the forms of a window of
// sentences: forms[t] is the form key of document token t (0: not
// docable), base[s] the first token of sentence s.
type s1Window struct {
	pre   s1Preds
	forms []uint64
	base  []int32
	agg   map[uint64]*s1Agg
	lo    int
	hi    int
}

func (w *s1Window) add(s int, sign int32) {
	for i, y := range w.pre[s] {
		k := w.forms[int(w.base[s])+i]
		if k == 0 {
			continue
		}
		a := w.agg[k]
		if a == nil {
			a = &s1Agg{}
			w.agg[k] = a
		}
		typ, start := s1Type(int(y))
		a.n += sign
		a.typ[typ] += sign
		if typ != 0 {
			a.ent += sign
		}
		if start {
			a.start += sign
		}
	}
}

// move makes the window sentences [lo, hi).
func (w *s1Window) move(lo, hi int) {
	for s := w.hi; s < hi; s++ {
		w.add(s, 1)
	}
	for s := w.lo; s < lo; s++ {
		w.add(s, -1)
	}
	w.lo, w.hi = lo, hi
}

// stackFeatures appends the stage-2 features of token i of the prepared
// sentence.
func (fz *featurizer) stackFeatures(i int, dst []uint64) []uint64 {
	p := fz.s1.pre[fz.s1Sent]
	dst = append(dst, feat(tpl(tS1Tag, 0), uint64(p[i])))

	t := &fz.info[i]
	if !docable(t) {
		return dst
	}
	a := fz.s1.agg[t.key]
	own, ownStart := s1Type(int(p[i]))
	if a == nil {
		return dst
	}
	others := a.n - 1
	if others <= 0 {
		return append(dst, feat(tpl(tS1Doc, 0), 0xff))
	}
	ent := a.ent
	start := a.start
	if own != 0 {
		ent--
	}
	if ownStart {
		start--
	}
	maj, best := 0, int32(-1)
	for k, c := range a.typ {
		if k == own {
			c--
		}
		if c > best {
			maj, best = k, c
		}
	}
	// share of the other occurrences tagged as an entity: 0, ≤1/3, <2/3, <1, 1
	var share uint64
	switch {
	case ent == 0:
		share = 0
	case 3*ent <= others:
		share = 1
	case 3*ent < 2*others:
		share = 2
	case ent < others:
		share = 3
	default:
		share = 4
	}
	anyStart := uint64(0)
	if start > 0 {
		anyStart = 1
	}
	ob := uint64(min(others, 3))
	dst = append(dst,
		feat2(tpl(tS1Doc, 0), uint64(maj), ob),
		feat(tpl(tS1Doc, 1), share),
		feat(tpl(tS1Doc, 2), anyStart),
		feat2(tpl(tS1Doc, 3), uint64(own), uint64(maj)<<8|share),
		feat2(tpl(tS1Doc, 4), uint64(maj)<<8|share, anyStart))
	return dst
}

// trainStacked trains a two-stage model (see the top of this file).
func trainStacked(train []Sentence, opt TrainOptions) (*Model, error) {
	one := opt
	one.Stages = 1
	m1, err := Train(train, one)
	if err != nil {
		return nil, err
	}
	// cross-fitted stage-1 predictions of the training sentences
	pre := make(s1Preds, 0, len(train))
	sub := opt
	sub.Dev = nil
	sub.Logf = func(string, ...any) {}
	for f := range stackFolds {
		lo, hi := f*len(train)/stackFolds, (f+1)*len(train)/stackFolds
		rest := append(append([]Sentence(nil), train[:lo]...), train[hi:]...)
		mf, err := trainEnsemble(rest, sub)
		if err != nil {
			return nil, err
		}
		mf.bias = m1.bias / m1.scale * mf.scale
		words := make([][]string, hi-lo)
		for i, s := range train[lo:hi] {
			words[i] = normalizeAll(s.Words)
		}
		pre = append(pre, mf.newDecoder(opt.Lexicon).predict(words, docWindow)...)
		opt.Logf("stacking: fold %d/%d tagged", f+1, stackFolds)
	}
	two := opt
	two.s1Train = pre
	if len(opt.Dev) > 0 {
		words := make([][]string, len(opt.Dev))
		for i, s := range opt.Dev {
			words[i] = normalizeAll(s.Words)
		}
		two.s1Dev = m1.newDecoder(opt.Lexicon).predict(words, docWindow)
	}
	m2, err := trainEnsemble(train, two)
	if err != nil {
		return nil, err
	}
	m2.stage1 = m1
	m2.stats, m2.letters, m2.cues = m1.stats, m1.letters, m1.cues
	err = fitBias(m2, train, opt, pre, func(cut int) (*Model, error) {
		sub := two
		sub.Logf = func(string, ...any) {}
		sub.s1Train = pre[:cut]
		return trainEnsemble(train[:cut], sub)
	})
	if err != nil {
		return nil, err
	}
	m2.info.FormatVersion = formatVersion
	m2.info.Stages = 2
	opt.Logf("stage 2: entity bias %.4g; score calibration: %.4g*margin%+.4g", m2.bias, m2.calA, m2.calB)
	return m2, nil
}
