package ner

import (
	"math"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	tags    []string // "O" first, then B-, I-, L-, U-TYPE per type in type order (see tags.go)
	typ     []Label  // each tag's type, "" for O
	pos     []byte   // each tag's position: 'O', 'B', 'I', 'L' or 'U'
	bio     []string // each tag as a BIO tag
	nt      int
	lexicon bool // trained with a Lexicon

	// trans[p*nt+y] scores tag y after tag p; row nt is the sentence
	// start. Forbidden transitions (I-X after anything but B-X or I-X)
	// are -Inf.
	trans   []float32
	feats   table     // feature key → row of w
	w       []float32 // nt weights per feature row
	stats   *wordStats
	letters *letterModel
	cues    *cueSet
	// calA, calB map a mention's margin m to its Score 1/(1+exp(-(calA*m+calB))).
	calA, calB float32
	// scale is the quantization step of the stored weights; featKeys
	// and qt are the stored form of feats and trans. The stored feature
	// weights are w/scale, which is exact (w holds quantized values times
	// scale), so they are not kept twice.
	scale    float32
	featKeys []uint64
	qt       []int32
	info     Info
	// stage1, when not nil, makes m the second stage of a stacked model
	// (stack.go): stage 1 tags a document first and m reads its tags.
	// Both share stats, letters and cues.
	stage1 *Model
	// bias is added to the emission score of every entity tag (B, I, L,
	// U) at decoding: above 0 it trades precision for recall. qbias is
	// its stored (quantized) form.
	bias  float32
	qbias int32
}

// Info describes a model.
type Info struct {
	FormatVersion int
	Stages        int      // 1, or 2 for a stacked model (stack.go)
	FeatureSet    uint64   // hash of the feature templates and cue list
	Tags          []string // the model's BILOU tags, "O" first
	Lexicon       bool     // trained with a Lexicon
	Iterations    int      // training passes of the stored weights (the most of any member)
	Members       int      // perceptrons averaged
	Sentences     int      // training sentences
	Tokens        int      // training tokens
	Features      int      // stored feature rows
	Words         int      // words in the corpus statistics
}

// Info returns a description of m.
func (m *Model) Info() Info {
	i := m.info
	i.Tags = append([]string(nil), m.tags...)
	return i
}

// Labels returns the entity types m knows, in tag order.
func (m *Model) Labels() []Label {
	var out []Label
	for y, t := range m.typ {
		if m.pos[y] == 'B' {
			out = append(out, t)
		}
	}
	return out
}

var negInf = float32(math.Inf(-1))

// decoder is the scratch space of one tagging goroutine.
type decoder struct {
	m      *Model
	fz     featurizer
	keys   []uint64
	emis   []float32 // n*nt emission scores
	alpha  []float32 // n*nt Viterbi scores
	beta   []float32 // n*nt backward max scores (for margins)
	back   []int32
	path   []int
	margin []float32
	pre    s1Preds // stage-1 predictions to use instead of running m.stage1
}

func (m *Model) newDecoder(lex Lexicon) *decoder {
	d := &decoder{m: m}
	d.fz.stats, d.fz.letters, d.fz.cues, d.fz.dropUnknown = m.stats, m.letters, m.cues, true
	if m.lexicon {
		d.fz.lex = lex
	}
	return d
}

// grow resizes the per-token buffers for n tokens.
func (d *decoder) grow(n int) {
	k := n * d.m.nt
	if cap(d.emis) < k {
		d.emis = make([]float32, k)
		d.alpha = make([]float32, k)
		d.beta = make([]float32, k)
		d.back = make([]int32, k)
	}
	d.emis, d.alpha, d.beta, d.back = d.emis[:k], d.alpha[:k], d.beta[:k], d.back[:k]
	if cap(d.path) < n {
		d.path = make([]int, n)
		d.margin = make([]float32, n)
	}
	d.path, d.margin = d.path[:n], d.margin[:n]
}

// emissions fills d.emis for the prepared sentence of n tokens, using
// weights w (the model's, or the averaged ones during training).
func (d *decoder) emissions(n int, feats *table, w []float32) {
	nt := d.m.nt
	clear(d.emis)
	for i := 0; i < n; i++ {
		e := d.emis[i*nt : i*nt+nt]
		if b := d.m.bias; b != 0 {
			for y := 1; y < nt; y++ {
				e[y] = b
			}
		}
		d.keys = d.fz.features(i, d.keys[:0])
		for _, k := range d.keys {
			if r := feats.get(k); r >= 0 {
				row := w[int(r)*nt : int(r)*nt+nt]
				for y := range e {
					e[y] += row[y]
				}
			}
		}
	}
}

// viterbi fills d.path with the best tag sequence for n tokens under
// transition scores trans and the emissions in d.emis.
func (d *decoder) viterbi(n int, trans []float32) {
	nt := d.m.nt
	if n == 0 {
		return
	}
	start := trans[nt*nt:]
	for y := 0; y < nt; y++ {
		d.alpha[y] = d.emis[y] + start[y]
	}
	for i := 1; i < n; i++ {
		prev := d.alpha[(i-1)*nt : i*nt]
		cur := d.alpha[i*nt : (i+1)*nt]
		bk := d.back[i*nt : (i+1)*nt]
		e := d.emis[i*nt : (i+1)*nt]
		for y := 0; y < nt; y++ {
			best, arg := negInf, int32(0)
			for p := 0; p < nt; p++ {
				if s := prev[p] + trans[p*nt+y]; s > best {
					best, arg = s, int32(p)
				}
			}
			cur[y] = best + e[y]
			bk[y] = arg
		}
	}
	last := d.alpha[(n-1)*nt : n*nt]
	y := 0
	for k := 1; k < nt; k++ {
		if d.m.final(k) && last[k] > last[y] {
			y = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		d.path[i] = y
		y = int(d.back[i*nt+y])
	}
}

// margins fills d.margin after viterbi: for each token, how much the best
// sequence scores above the best sequence that tags the token otherwise
// (from max-marginals: forward Viterbi scores plus backward ones).
func (d *decoder) margins(n int, trans []float32) {
	nt := d.m.nt
	if n == 0 {
		return
	}
	last := d.beta[(n-1)*nt : n*nt]
	for y := range last {
		last[y] = 0
		if !d.m.final(y) {
			last[y] = negInf
		}
	}
	for i := n - 2; i >= 0; i-- {
		next := d.beta[(i+1)*nt : (i+2)*nt]
		e := d.emis[(i+1)*nt : (i+2)*nt]
		cur := d.beta[i*nt : (i+1)*nt]
		for p := 0; p < nt; p++ {
			best := negInf
			for y := 0; y < nt; y++ {
				if s := trans[p*nt+y] + e[y] + next[y]; s > best {
					best = s
				}
			}
			cur[p] = best
		}
	}
	for i := 0; i < n; i++ {
		a := d.alpha[i*nt : (i+1)*nt]
		b := d.beta[i*nt : (i+1)*nt]
		y := d.path[i]
		top := a[y] + b[y]
		alt := negInf
		for k := 0; k < nt; k++ {
			if k != y && a[k]+b[k] > alt {
				alt = a[k] + b[k]
			}
		}
		m := top - alt
		if math.IsInf(float64(m), 0) || m > 1e6 {
			m = 1e6
		}
		d.margin[i] = m
	}
}

// tagSents tags sentences of normalized words that form a document (with
// window > 0: CoNLL sentences, each with the window sentences around it
// as its document), calling f(s) with sentence s's tags in d.path (and
// margins in d.margin when asked).
func (d *decoder) tagSents(sents [][]string, window int, withMargins bool, f func(s int)) {
	d.fz.s1pre = d.pre
	if d.m.stage1 != nil && d.pre == nil {
		d.fz.s1pre = d.m.stage1.newDecoder(d.fz.lex).predict(sents, window)
	}
	d.fz.walk(sents, window, nil, func(s int) {
		n := len(sents[s])
		d.grow(n)
		d.emissions(n, &d.m.feats, d.m.w)
		d.viterbi(n, d.m.trans)
		if withMargins {
			d.margins(n, d.m.trans)
		}
		f(s)
	})
}

// TagWords returns the BIO tags of a sentence of words (as written or
// normalized; they are normalized here). The sentence is its own
// document. lex is used only when the model was trained with a Lexicon.
func (m *Model) TagWords(words []string, lex Lexicon) []string {
	d := m.newDecoder(lex)
	out := make([]string, len(words))
	d.tagSents([][]string{normalizeAll(words)}, 0, false, func(int) {
		for i := range out {
			out[i] = m.bio[d.path[i]]
		}
	})
	return out
}

// Tag tags d's tokens (arabic.Analyze must have run) sentence by sentence,
// with the whole of d as the document context, and returns one mention
// per entity, in text order:
//
//   - PERS → doc.MPerson, LOC → doc.MPlace, ORG → doc.MOrg; MISC entities
//     (currencies, religions, events, prizes in ANERcorp) are not
//     returned, as no mention kind fits them;
//   - Source is doc.FromNER and Label the entity type ("PERS");
//   - Score is a calibrated confidence in [0,1]: a logistic function of
//     the entity's margin, the least, over its tokens and the token after
//     it, of how much the best tagging scores above the best one that
//     tags the token otherwise;
//   - the span covers the entity's tokens, less a proclitic on the first
//     one (بالموصل → الموصل, ولبنان → لبنان; see Model.proclitic).
//
// lex is used only when the model was trained with a Lexicon.
func (m *Model) Tag(d *doc.Doc, lex Lexicon) []doc.Mention {
	sents := d.Sents
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = []doc.Span{d.TokenSpan(0, len(d.Tokens))}
	}
	words := make([][]string, len(sents))
	for k, s := range sents {
		w := make([]string, 0, s.Len())
		for i := s.Start; i < s.End; i++ {
			w = append(w, d.TokNorm(int(i)))
		}
		words[k] = w
	}
	dec := m.newDecoder(lex)
	var out []doc.Mention
	dec.tagSents(words, 0, true, func(k int) {
		out = m.mentions(d, dec, int(sents[k].Start), int(sents[k].End), out)
	})
	return out
}

// mentions appends the mentions of the tagged sentence of tokens [s, e).
func (m *Model) mentions(d *doc.Doc, dec *decoder, s, e int, out []doc.Mention) []doc.Mention {
	n := e - s
	for _, c := range chunks(dec.path[:n], m) {
		var kind doc.MentionKind
		switch m.typ[c.tag] {
		case Person:
			kind = doc.MPerson
		case Place:
			kind = doc.MPlace
		case Org:
			kind = doc.MOrg
		default:
			continue
		}
		margin := dec.margin[c.start]
		for i := c.start + 1; i < c.end; i++ {
			margin = min(margin, dec.margin[i])
		}
		if c.end < n {
			margin = min(margin, dec.margin[c.end])
		}
		sp := d.TokenSpan(s+c.start, s+c.end)
		first := d.Tokens[s+c.start]
		if pre := m.proclitic(d.TokNorm(s + c.start)); pre > 0 {
			b, _ := d.TextRange(first.NormStart+int32(pre), first.NormEnd)
			sp.StartByte = b
		}
		out = append(out, doc.Mention{
			Span:   sp,
			Kind:   kind,
			Source: doc.FromNER,
			Label:  string(m.typ[c.tag]),
			Score:  m.score(margin),
		})
	}
	return out
}

// score maps a margin to a confidence in [0,1].
func (m *Model) score(margin float32) float32 {
	x := float64(m.calA)*float64(margin) + float64(m.calB)
	return float32(1 / (1 + math.Exp(-x)))
}

// proclitic returns the length in bytes of the proclitics (و ف ب ك ل,
// not the article) that start the normalized word w of an entity's first
// token, 0 for none. Of the readings arabic.Clitics gives without an
// enclitic, the one whose form was most frequent in the training corpus
// wins (ولبنان → لبنان, but وزارة and بغداد stay whole); when the corpus
// knows neither the word nor any form, a proclitic before the article is
// split off (بالدشيشة → الدشيشة) and nothing else.
func (m *Model) proclitic(w string) int {
	if !strings.ContainsAny(w[:min(len(w), 2)], "وفبكل") {
		return 0
	}
	splits := arabic.Clitics(w, nil)
	best := m.stats.total(m.stats.get(hashString(w)))
	pre, fallback := 0, 0
	known := best > 0
	for _, s := range splits {
		if s.Pre == 0 || s.Suf != 0 || s.TaMarbuta {
			continue
		}
		cut := int(s.Pre)
		if s.Elided && s.Art == 2 {
			cut += int(s.Art) // للكتيبة: the span starts after لل (كتيبة), not inside it
		}
		n := m.stats.total(m.stats.get(hashString(s.Key(w))))
		if n > best {
			best, pre = n, cut
		}
		if n > 0 {
			known = true
		}
		if fallback == 0 && s.Art > 0 {
			fallback = cut
		}
	}
	if !known {
		return fallback
	}
	return pre
}
