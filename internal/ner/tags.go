package ner

import (
	"fmt"
	"sort"
)

// Tags. Models read and write BIO tags, but tag internally with BILOU
// (Ratinov & Roth 2009): B-X begins an entity of several tokens, I-X
// continues it, L-X is its last token, U-X a one-token entity. The
// tagger thus learns what ends a name as well as what starts it. A valid
// sequence is O* ((B I* L) | U) ... ; Viterbi only finds valid ones.

// tagSet returns the BILOU tags for the types of BIO-tagged sentences:
// "O", then B-, I-, L-, U- of each type in sorted order.
func tagSet(sents []Sentence) []string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Tags {
			if t != "O" {
				seen[t[2:]] = true
			}
		}
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		types = append(types, t)
	}
	sort.Strings(types)
	tags := []string{"O"}
	for _, t := range types {
		tags = append(tags, "B-"+t, "I-"+t, "L-"+t, "U-"+t)
	}
	return tags
}

// checkTagSet reports whether tags are a tag set tagSet could return.
func checkTagSet(tags []string) error {
	if len(tags) == 0 || tags[0] != "O" || len(tags)%4 != 1 {
		return fmt.Errorf("%w: bad tag set %q", ErrFormat, tags)
	}
	for i := 1; i < len(tags); i += 4 {
		typ := tags[i][min(2, len(tags[i])):]
		for k, p := range "BILU" {
			t := tags[i+k]
			if len(t) < 3 || rune(t[0]) != p || t[1] != '-' || t[2:] != typ || checkTag("B-"+typ) != nil {
				return fmt.Errorf("%w: bad tag set %q", ErrFormat, tags)
			}
		}
	}
	return nil
}

// initTags sets the tag tables of m from its BILOU tags.
func (m *Model) initTags(tags []string) {
	m.tags = tags
	m.nt = len(tags)
	m.typ = make([]Label, m.nt)
	m.pos = make([]byte, m.nt)
	m.bio = make([]string, m.nt)
	for y, t := range tags {
		if t == "O" {
			m.pos[y], m.bio[y] = 'O', "O"
			continue
		}
		m.typ[y], m.pos[y] = Label(t[2:]), t[0]
		switch t[0] {
		case 'B', 'U':
			m.bio[y] = "B-" + t[2:]
		default:
			m.bio[y] = "I-" + t[2:]
		}
	}
}

// open reports whether tag y leaves an entity open (B or I).
func (m *Model) open(y int) bool { return m.pos[y] == 'B' || m.pos[y] == 'I' }

// allowed reports whether tag y may follow tag p (p == nt: the start).
func (m *Model) allowed(p, y int) bool {
	cont := m.pos[y] == 'I' || m.pos[y] == 'L'
	if p == m.nt || !m.open(p) {
		return !cont
	}
	return cont && m.typ[p] == m.typ[y]
}

// final reports whether a sentence may end with tag y.
func (m *Model) final(y int) bool { return !m.open(y) }

// bilou returns the tag indices of a BIO tag sequence. An I-X that does
// not continue an X entity starts one (as conlleval reads it); a type the
// model does not know is read as O.
func (m *Model) bilou(tags []string) []int {
	index := make(map[string]int, m.nt)
	for y, t := range m.tags {
		index[t] = y
	}
	out := make([]int, len(tags))
	for _, sp := range spans(tags) {
		b, ok := index["B-"+sp.typ]
		if !ok {
			continue
		}
		if sp.end-sp.start == 1 {
			out[sp.start] = b + 3 // U
			continue
		}
		out[sp.start] = b
		for i := sp.start + 1; i < sp.end-1; i++ {
			out[i] = b + 1 // I
		}
		out[sp.end-1] = b + 2 // L
	}
	return out
}

// chunk is an entity in a tag sequence: tokens [start, end) and the tag
// index of its first token.
type chunk struct {
	start, end int
	tag        int
}

// chunks returns the entities of a valid BILOU tag sequence.
func chunks(path []int, m *Model) []chunk {
	var out []chunk
	for i := 0; i < len(path); i++ {
		y := path[i]
		if m.pos[y] != 'B' && m.pos[y] != 'U' {
			continue
		}
		j := i + 1
		if m.pos[y] == 'B' {
			for j < len(path) && m.typ[path[j]] == m.typ[y] && (m.pos[path[j]] == 'I' || m.pos[path[j]] == 'L') {
				j++
				if m.pos[path[j-1]] == 'L' {
					break
				}
			}
		}
		out = append(out, chunk{i, j, y})
		i = j - 1
	}
	return out
}

// class returns the letter-model class of tag y: 0 for O, 1 + the index
// of its type otherwise.
func (m *Model) class(y int) int {
	if y == 0 {
		return 0
	}
	return 1 + (y-1)/4
}
