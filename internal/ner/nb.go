package ner

import (
	"math"
	"sort"
	"unicode/utf8"
)

// Letter model. Foreign names written in Arabic letters (ديمورا، فايسل،
// فولكسفاغن) look unlike Arabic words, and Arabic names and nouns have
// their own patterns. A naive Bayes classifier over the letter 2- to
// 4-grams of a word's bare form, trained on the distinct (form, entity
// type) pairs of the training corpus, gives for each type the log-odds of
// the type against O per n-gram; the tagger sees them bucketed. Like the
// word statistics, the letter model a training sentence sees is built
// from the other folds of the corpus.

// letterModel holds the n-gram counts of each class (0: O, then the
// entity types in tag order).
type letterModel struct {
	nc     int      // classes
	idx    table    // gram key → row
	keys   []uint64 // row → gram key
	counts []uint32 // row r: counts[r*nc+c]
	totals []float64
	// logp[r*nc+c] is log P(gram | class), with add-one smoothing;
	// unseen[c] is the log-probability of an unseen gram.
	logp   []float32
	unseen []float32
}

// maxGrams bounds the n-grams of one word.
const maxGrams = 48

// grams appends the keys of the letter 2- to 4-grams of w framed by '^'
// and '$'.
func grams(w string, dst []uint64) []uint64 {
	var idx [34]int // rune starts of "^" + w + "$", and the end
	n := 0
	idx[n] = -1 // '^'
	n++
	for i := range w {
		if n == len(idx)-2 {
			return dst
		}
		idx[n] = i
		n++
	}
	idx[n] = len(w) // '$'
	n++
	runeEnd := func(k int) int { // end of rune k
		if k+1 < n {
			return idx[k+1]
		}
		return len(w) + 1
	}
	for l := 2; l <= 4; l++ {
		for s := 0; s+l <= n; s++ {
			h := uint64(fnvOffset)
			a, b := idx[s], runeEnd(s+l-1)
			if a < 0 {
				h = fnvAdd(h, "^")
				a = 0
			}
			end := min(b, len(w))
			h = fnvAdd(h, w[a:end])
			if b > len(w) {
				h = fnvAdd(h, "$")
			}
			dst = append(dst, nz(mix64(h^uint64(l))))
			if len(dst) >= maxGrams {
				return dst
			}
		}
	}
	return dst
}

// letterable reports whether the letter model applies to a bare form:
// two or more letters and no digits or punctuation.
func letterable(bare string, sh uint64) bool {
	c := sh >> 4
	return (c == shArabic || c == shLatin) && utf8.RuneCountInString(bare) >= 2
}

// letterCounter collects the distinct (form, class) pairs of a corpus.
type letterCounter struct {
	nc    int
	pairs map[letterPair]bool
}

type letterPair struct {
	form  string
	class int
}

func newLetterCounter(nc int) *letterCounter {
	return &letterCounter{nc: nc, pairs: map[letterPair]bool{}}
}

func (c *letterCounter) add(form string, class int) {
	c.pairs[letterPair{form, class}] = true
}

// build returns the letter model of the pairs.
func (c *letterCounter) build() *letterModel {
	counts := map[uint64][]uint32{}
	var g []uint64
	for p := range c.pairs {
		g = grams(p.form, g[:0])
		for _, k := range g {
			row := counts[k]
			if row == nil {
				row = make([]uint32, c.nc)
				counts[k] = row
			}
			row[p.class]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m := &letterModel{nc: c.nc, keys: keys, counts: make([]uint32, 0, len(keys)*c.nc)}
	for _, k := range keys {
		m.counts = append(m.counts, counts[k]...)
	}
	m.init()
	return m
}

// init builds the lookup table and log-probabilities from keys and counts.
func (m *letterModel) init() {
	m.idx = newTable(len(m.keys))
	for r, k := range m.keys {
		m.idx.put(k, int32(r))
	}
	m.totals = make([]float64, m.nc)
	for r := range m.keys {
		for c := 0; c < m.nc; c++ {
			m.totals[c] += float64(m.counts[r*m.nc+c])
		}
	}
	v := float64(len(m.keys) + 1)
	m.logp = make([]float32, len(m.counts))
	m.unseen = make([]float32, m.nc)
	for c := 0; c < m.nc; c++ {
		m.unseen[c] = float32(math.Log(1 / (m.totals[c] + v)))
	}
	for i, n := range m.counts {
		c := i % m.nc
		m.logp[i] = float32(math.Log((float64(n) + 1) / (m.totals[c] + v)))
	}
}

// logOdds fills odds[c] (c ≥ 1) with the mean log-odds per n-gram of
// class c against O for the n-grams g.
func (m *letterModel) logOdds(g []uint64, odds []float32) {
	clear(odds)
	if len(g) == 0 {
		return
	}
	for _, k := range g {
		r := m.idx.get(k)
		for c := 1; c < m.nc; c++ {
			if r < 0 {
				odds[c] += m.unseen[c] - m.unseen[0]
			} else {
				odds[c] += m.logp[int(r)*m.nc+c] - m.logp[int(r)*m.nc]
			}
		}
	}
	for c := range odds {
		odds[c] /= float32(len(g))
	}
}

// oddsBucket buckets a mean log-odds.
func oddsBucket(x float32) uint64 {
	bounds := [...]float32{-1.5, -1, -0.6, -0.3, 0, 0.3, 0.6, 1, 1.5}
	for i, b := range bounds {
		if x < b {
			return uint64(i)
		}
	}
	return uint64(len(bounds))
}
