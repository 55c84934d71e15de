package ner

import (
	"cmp"
	"slices"
)

// Document context. A name is often written several times in an article,
// once in a telling context (الرئيس طالباني, شركة فولكسفاغن) and then
// bare. The features of a token include what the other occurrences of its
// form (its clitic key) in the document look like: the words and cue
// classes before and after them, the tags the training corpus gives their
// neighbours, and how often the form recurs. These are observations, not
// predictions, so one model is trained and no stacking is needed.
//
// A document is a doc.Doc for Tag, the sentence itself for TagWords, and
// for CoNLL data (Train, Evaluate), which has no document boundaries, the
// docWindow sentences before and after each sentence.

// docWindow is the number of sentences before and after a CoNLL sentence
// that form its document.
const docWindow = 10

// maxDocFeats bounds the document features of one token.
const maxDocFeats = 24

// docPair is one observation about an occurrence of a form: the form's
// key, a feature key, and the document token it was seen at.
type docPair struct {
	key, attr uint64
	tok       int32
}

// docIndex is the document context of the sentences being featurized:
// pairs sorted by key, then feature.
type docIndex struct {
	pairs []docPair
}

// sort orders the pairs for lookup.
func (d *docIndex) sort() {
	slices.SortFunc(d.pairs, func(a, b docPair) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := cmp.Compare(a.attr, b.attr); c != 0 {
			return c
		}
		return cmp.Compare(a.tok, b.tok)
	})
}

// lookup returns the pairs of key.
func (d *docIndex) lookup(key uint64) []docPair {
	p := d.pairs
	i, _ := slices.BinarySearchFunc(p, key, func(x docPair, k uint64) int { return cmp.Compare(x.key, k) })
	j := i
	for j < len(p) && p[j].key == key {
		j++
	}
	return p[i:j]
}

// docable reports whether a token's form takes part in the document
// context: words of at least two letters.
func docable(t *tokInfo) bool {
	c := t.shape >> 4
	return (c == shArabic || c == shLatin || c == shArabicMixed) && t.shape&15 >= 2
}

// docPairs appends the observations of the prepared sentence, whose first
// token is document token base.
func (fz *featurizer) docPairs(base int32, dst []docPair) []docPair {
	info := fz.info
	n := len(info)
	for i := range info {
		t := &info[i]
		if !docable(t) {
			continue
		}
		add := func(attr uint64) { dst = append(dst, docPair{t.key, attr, base + int32(i)}) }
		add(docSeen)
		for _, o := range [...]int{-2, -1, 1} {
			j := i + o
			if j < 0 || j >= n {
				continue
			}
			u := &info[j]
			if u.cue != 0 {
				add(feat(tpl(tDocCue, o), u.cue))
			}
			if o != -2 && !fz.rare(u.stK) {
				add(feat(tpl(tDocWord, o), u.key))
				if y := fz.topTag(u.stK); y > 0 {
					add(feat(tpl(tDocTag, o), uint64(y)))
				}
			}
		}
		if y := fz.topTag(t.stK); y > 0 {
			add(feat(tpl(tDocTag, 0), uint64(y)))
		}
	}
	return dst
}

// docSeen marks an occurrence.
const docSeen = 1

// topTag returns the tag the corpus gives a word in at least half its
// occurrences, 0 (O) for none.
func (fz *featurizer) topTag(row int32) int {
	if row < 0 {
		return 0
	}
	c := fz.stats.row(row)
	for y := 1; y < len(c)-1; y++ {
		if 2*c[1+y] >= c[0] {
			return y
		}
	}
	return 0
}

// docFeatures appends the document features of token i of the prepared
// sentence (document token tok): the distinct observations of the other
// occurrences of its form, and how many there are.
func (fz *featurizer) docFeatures(i int, tok int32, dst []uint64) []uint64 {
	t := &fz.info[i]
	if fz.doc == nil || !docable(t) {
		return dst
	}
	others := 0
	last := uint64(0)
	n := 0
	for _, p := range fz.doc.lookup(t.key) {
		if p.tok == tok {
			continue
		}
		if p.attr == docSeen {
			others++
			continue
		}
		if p.attr != last && n < maxDocFeats {
			dst = append(dst, p.attr)
			last = p.attr
			n++
		}
	}
	fb := min(freqBucket(fz.stats.total(t.stK)), 3)
	ob := uint64(min(others, 3))
	dst = append(dst, feat2(tpl(tDocFreq, 0), ob, fb))
	return dst
}

// walk prepares each sentence of sents in turn, with its document context,
// and calls f(s), in which fz.features gives the features of sentence s's
// tokens. With window > 0 the document of a sentence is the window
// sentences around it, otherwise all of sents. statsOf, when not nil,
// sets the corpus models to use for each sentence (training folds).
func (fz *featurizer) walk(sents [][]string, window int, setFold func(s int), f func(s int)) {
	use := func(s int) {
		if setFold != nil {
			setFold(s)
		}
	}
	base := make([]int32, len(sents)+1)
	for s, w := range sents {
		base[s+1] = base[s] + int32(len(w))
	}
	// observations of every sentence, sentence s's at all[off[s]:off[s+1]]
	var all []docPair
	off := make([]int, len(sents)+1)
	var s1w *s1Window
	if fz.s1pre != nil {
		s1w = &s1Window{pre: fz.s1pre, base: base, agg: map[uint64]*s1Agg{}}
	}
	for s, w := range sents {
		use(s)
		fz.prepare(w)
		all = fz.docPairs(base[s], all)
		off[s+1] = len(all)
		if s1w != nil {
			for i := range fz.info {
				k := uint64(0)
				if docable(&fz.info[i]) {
					k = fz.info[i].key
				}
				s1w.forms = append(s1w.forms, k)
			}
		}
	}
	if s1w != nil && window <= 0 {
		s1w.move(0, len(sents))
	}
	fz.s1 = s1w
	idx := &docIndex{}
	if window <= 0 {
		idx.pairs = all
		idx.sort()
	}
	fz.doc = idx
	for s, w := range sents {
		if window > 0 {
			lo, hi := max(0, s-window), min(len(sents), s+window+1)
			idx.pairs = append(idx.pairs[:0], all[off[lo]:off[hi]]...)
			idx.sort()
			if s1w != nil {
				s1w.move(lo, hi)
			}
		}
		fz.s1Sent = s
		use(s)
		fz.prepare(w)
		fz.base = base[s]
		f(s)
	}
	fz.doc = nil
	fz.s1 = nil
}
