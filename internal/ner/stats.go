package ner

import "sort"

// wordStats counts, for each normalized word of a training corpus, its
// occurrences and how many times it was given each tag. The tagger reads
// them as features (a jackknifed unigram tag distribution: a learned
// gazetteer and name list) and Tag uses the frequencies to decide whether
// an entity's first letter is a proclitic.
type wordStats struct {
	nt     int      // number of tags
	idx    table    // word key → row
	keys   []uint64 // row → word key
	counts []uint32 // row r: counts[r*(nt+1)] total, then one count per tag
}

// get returns the row of a word key, -1 when unseen.
func (s *wordStats) get(k uint64) int32 { return s.idx.get(k) }

// row returns the counts of row r: total, then per tag.
func (s *wordStats) row(r int32) []uint32 {
	w := s.nt + 1
	return s.counts[int(r)*w : int(r)*w+w]
}

// total returns the occurrences of row r, 0 for -1.
func (s *wordStats) total(r int32) uint32 {
	if r < 0 {
		return 0
	}
	return s.counts[int(r)*(s.nt+1)]
}

// statCounter accumulates counts before they become a wordStats.
type statCounter struct {
	nt int
	m  map[uint64][]uint32
}

func newStatCounter(nt int) *statCounter {
	return &statCounter{nt: nt, m: make(map[uint64][]uint32)}
}

// add counts one occurrence of word key k with tag y.
func (c *statCounter) add(k uint64, y int) {
	row := c.m[k]
	if row == nil {
		row = make([]uint32, c.nt+1)
		c.m[k] = row
	}
	row[0]++
	row[1+y]++
}

// build returns the counts of c less those of minus (nil for none), rows
// in key order.
func (c *statCounter) build(minus *statCounter) *wordStats {
	keys := make([]uint64, 0, len(c.m))
	for k, row := range c.m {
		if minus != nil {
			if o := minus.m[k]; o != nil && o[0] == row[0] {
				continue
			}
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	s := &wordStats{nt: c.nt, idx: newTable(len(keys)), keys: keys, counts: make([]uint32, 0, len(keys)*(c.nt+1))}
	for r, k := range keys {
		s.idx.put(k, int32(r))
		row := c.m[k]
		var o []uint32
		if minus != nil {
			o = minus.m[k]
		}
		for j, v := range row {
			if o != nil {
				v -= o[j]
			}
			s.counts = append(s.counts, v)
		}
	}
	return s
}
