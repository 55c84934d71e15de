package ner

import (
	_ "embed"
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/arabic"
)

//go:embed cues.txt
var cuesText string

// featureSetVersion names the feature templates of this file. Bump it
// whenever feature extraction changes: a model records the hash of this
// name and of cues.txt (featureSetHash), and Load refuses a model whose
// features this code would compute differently.
const featureSetVersion = "rasd-ner-features/1"

// featureSetHash identifies the feature set: the templates and cue list.
func featureSetHash() uint64 {
	return hashString(featureSetVersion + "\x00" + cuesText)
}

// Feature templates. A feature's key is feat or feat2 of tpl(kind,
// offset) and its attributes.
const (
	tBias    = iota + 1
	tWord    // normalized word at an offset
	tKey     // the word's chosen clitic reading (see prepare), article kept
	tBare    // the chosen reading without its article
	tWW      // word bigram ending at an offset
	tKK      // key bigram ending at an offset
	tPre     // prefix of the word, 1..4 letters
	tSuf     // suffix of the word
	tBPre    // prefix of the bare form
	tBSuf    // suffix of the bare form
	tShape   // script class and length at an offset
	tShape3  // shapes at -1, 0, +1
	tCue     // cue class at an offset
	tCueCue  // cue classes at -2 and -1
	tCueWord // cue class at -1 with the bare form at 0
	tStat    // training-corpus statistics of the word at an offset
	tStatKey // statistics of the key at 0
	tReading // every clitic reading of the word
	tLex     // lexicon classes of the word at an offset
	tLexSpan // lexicon classes of a 2- or 3-word string covering the word
	tEdge    // first or last token of the sentence
	tGram    // letter trigrams of the word (with boundary marks)
	tStatK1  // statistics of the key at -1 and +1
	tStatB   // statistics of the bare form at 0
	tDocCue  // cue class next to another occurrence of the form in the document
	tDocWord // word next to another occurrence
	tDocTag  // the usual tag of the word next to another occurrence (offset 0: of the form)
	tDocFreq // how often the form recurs in the document, with its corpus frequency
	tConj    // the key at -1 or +1 (offset), or the cue class at -1 (offset -2), with the word's corpus profile
	tQuote   // the word is in a short quotation: its length and position
	tNPre    // prefix of the word at -1 / +1 (template offset: side*8+letters)
	tNSuf    // suffix of the word at -1 / +1
	tLetter  // letter-model log-odds of each entity type (offset 0), and with the word's frequency (offset 1)
	tS1Tag   // stacking (stack.go): stage 1's tag of the token
	tS1Doc   // stage 1's tags of the form's other occurrences in the document
)

// tpl returns the template id of kind at offset (-8..7).
func tpl(kind, off int) uint64 { return uint64(kind)<<8 | uint64(off+8) }

// Attribute values for positions outside the sentence.
var (
	hashBOS     = hashString("<s>")
	hashEOS     = hashString("</s>")
	hashUnknown = hashString("<unk>")
)

// Shape classes.
const (
	shArabic = iota + 1
	shLatin
	shDigit
	shPunct
	shArabicMixed
	shMixed
	shEmpty
)

// shape returns a word's script class and length in letters (up to 12).
func shape(w string) uint64 {
	var ar, lat, dig, other, n int
	for _, r := range w {
		n++
		switch {
		case arabic.IsArabicLetter(r):
			ar++
		case '0' <= r && r <= '9':
			dig++
		case unicode.IsLetter(r):
			lat++
		default:
			other++
		}
	}
	var c int
	switch {
	case n == 0:
		c = shEmpty
	case ar == n:
		c = shArabic
	case lat == n:
		c = shLatin
	case dig == n:
		c = shDigit
	case other == n:
		c = shPunct
	case ar > 0:
		c = shArabicMixed
	default:
		c = shMixed
	}
	return uint64(c<<4 | min(n, 12))
}

// cueSet is the parsed cue list: normalized phrases and their class.
type cueSet struct {
	phrases table    // phrase key → index into class
	firsts  table    // key of the first word of each multiword phrase → 1
	class   []uint64 // class key of each phrase
	maxLen  int      // longest phrase, in words
}

// parseCues reads the cue list (see cues.txt).
func parseCues(text string) (*cueSet, error) {
	type entry struct {
		words []string
		class string
	}
	var es []entry
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, phrase, ok := strings.Cut(line, "\t")
		words := strings.Fields(arabic.Normalize(phrase))
		if !ok || class == "" || len(words) == 0 {
			return nil, fmt.Errorf("cues.txt:%d: want class TAB phrase", n+1)
		}
		es = append(es, entry{words, class})
	}
	c := &cueSet{phrases: newTable(len(es)), firsts: newTable(len(es))}
	for _, e := range es {
		k := hashString(strings.Join(e.words, " "))
		if c.phrases.get(k) >= 0 {
			continue // first class wins
		}
		c.phrases.put(k, int32(len(c.class)))
		c.class = append(c.class, hashString(e.class))
		if len(e.words) > 1 {
			c.firsts.put(hashString(e.words[0]), 1)
		}
		c.maxLen = max(c.maxLen, len(e.words))
	}
	return c, nil
}

// tokInfo holds the attributes of one token of the sentence being
// featurized.
type tokInfo struct {
	word, bare string // normalized word; its chosen reading without article
	w, key, bh uint64 // keys of word, chosen reading, bare form
	shape      uint64
	cue        uint64 // cue class key, 0 for none
	stW, stK   int32  // statistics rows of word and key, -1 unseen
	rd0, rd1   int32  // the word's reading keys: featurizer.reads[rd0:rd1]
	lex        uint16
	lexSpan    [2][3]uint16 // classes of 2- and 3-word strings: [len-2][begin, inside, end]
	keyIsWord  bool
	hasArticle bool
	letter     [4]uint8 // letter-model log-odds bucket of the first four entity types, +1 (0: none)
	quote      uint8    // in a quotation of 1..4 words: length<<2 | position (0 first, 1 inside, 2 last, 3 only)
}

// featurizer computes the features of sentences. It holds scratch space:
// one per goroutine.
type featurizer struct {
	stats *wordStats
	cues  *cueSet
	lex   Lexicon // nil: no lexicon features
	// dropUnknown leaves out identity features of unknown forms.
	dropUnknown bool
	doc         *docIndex // document context, nil for none
	letters     *letterModel
	odds        []float32
	grams       []uint64
	base        int32 // document token number of the sentence's first token
	// s1pre, when not nil, are stage-1 predictions of the sentences
	// walked: stacking features are added (stack.go). s1 and s1Sent are
	// their document window and the current sentence during walk.
	s1pre  s1Preds
	s1     *s1Window
	s1Sent int

	info   []tokInfo
	reads  []uint64
	splits []arabic.Split
	buf    []byte
}

// prepare computes the token attributes of a sentence of normalized words.
func (fz *featurizer) prepare(words []string) {
	fz.info = fz.info[:0]
	fz.reads = fz.reads[:0]
	for _, w := range words {
		fz.info = append(fz.info, fz.token(w))
	}
	fz.multiword(words)
	fz.quotes(words)
}

// isQuote reports whether a normalized word is a quotation mark.
func isQuote(w string) bool {
	return w == "\"" || w == "«" || w == "»" || w == "'" || w == "''" || w == "``"
}

// quotes marks the words of short quotations (one to four words between
// quotation marks): titles of newspapers, products, operations.
func (fz *featurizer) quotes(words []string) {
	open := -1
	for i, w := range words {
		if !isQuote(w) {
			continue
		}
		if open >= 0 && w != "«" {
			if n := i - open - 1; n >= 1 && n <= 4 {
				for j := open + 1; j < i; j++ {
					p := uint8(1)
					switch {
					case n == 1:
						p = 3
					case j == open+1:
						p = 0
					case j == i-1:
						p = 2
					}
					fz.info[j].quote = uint8(n)<<2 | p
				}
			}
			open = -1
			continue
		}
		open = i
	}
}

// token computes the attributes of one normalized word.
func (fz *featurizer) token(w string) tokInfo {
	t := tokInfo{word: w, bare: w, w: hashString(w), shape: shape(w), stW: fz.stats.get(hashString(w))}
	t.key, t.stK, t.keyIsWord = t.w, t.stW, true
	t.rd0 = int32(len(fz.reads))
	fz.splits = arabic.Clitics(w, fz.splits[:0])
	best, bestCount := -1, fz.stats.total(t.stW)
	fallback := -1
	for j, s := range fz.splits {
		var kh uint64
		if s.Plain() {
			kh = t.w
		} else {
			fz.buf = s.AppendKey(fz.buf[:0], w)
			kh = hashBytes(fz.buf)
			fz.reads = append(fz.reads, kh)
		}
		if t.cue == 0 {
			if c := fz.cues.phrases.get(kh); c >= 0 {
				t.cue = fz.cues.class[c]
			}
		}
		if s.Plain() {
			if best < 0 {
				best = j
			}
			continue
		}
		if n := fz.stats.total(fz.stats.get(kh)); n > bestCount {
			best, bestCount = j, n
		}
		if fallback < 0 && s.Pre > 0 && s.Art > 0 && s.Suf == 0 {
			fallback = j
		}
	}
	t.rd1 = int32(len(fz.reads))
	if bestCount == 0 && fallback >= 0 {
		best = fallback
	}
	if best >= 0 {
		s := fz.splits[best]
		t.bare = s.Bare(w)
		t.hasArticle = s.Art > 0
		if !s.Plain() {
			fz.buf = s.AppendKey(fz.buf[:0], w)
			t.key = hashBytes(fz.buf)
			t.stK = fz.stats.get(t.key)
			t.keyIsWord = false
		}
	}
	t.bh = hashString(t.bare)
	if fz.letters != nil {
		lb := lightBare(w, fz.splits)
		if letterable(lb, t.shape) {
			fz.grams = grams(lb, fz.grams[:0])
			if len(fz.odds) < fz.letters.nc {
				fz.odds = make([]float32, fz.letters.nc)
			}
			fz.letters.logOdds(fz.grams, fz.odds[:fz.letters.nc])
			for c := 1; c < fz.letters.nc && c <= len(t.letter); c++ {
				t.letter[c-1] = uint8(oddsBucket(fz.odds[c])) + 1
			}
		}
	}
	if fz.lex != nil {
		t.lex = fz.lex.Classes(w)
		for _, s := range fz.splits {
			if !s.Plain() {
				t.lex |= fz.lex.Classes(s.Key(w))
			}
		}
	}
	return t
}

// multiword finds multiword cue phrases and lexicon strings.
func (fz *featurizer) multiword(words []string) {
	n := len(words)
	if fz.cues.maxLen > 1 {
		for i := 0; i < n-1; i++ {
			fz.multiCue(words, i)
		}
	}
	if fz.lex == nil {
		return
	}
	for i := 0; i < n-1; i++ {
		s := words[i]
		for l := 2; l <= 3 && i+l <= n; l++ {
			s += " " + words[i+l-1]
			c := fz.lex.Classes(s)
			if c == 0 {
				continue
			}
			for j := i; j < i+l; j++ {
				pos := 1
				switch j {
				case i:
					pos = 0
				case i + l - 1:
					pos = 2
				}
				fz.info[j].lexSpan[l-2][pos] |= c
			}
		}
	}
}

// multiCue marks the tokens of the longest multiword cue phrase starting
// at token i, trying the word and each of its clitic readings as the
// phrase's first word.
func (fz *featurizer) multiCue(words []string, i int) {
	t := &fz.info[i]
	if fz.cues.firsts.get(t.w) >= 0 && fz.markCue(words, i, words[i]) {
		return
	}
	for _, r := range fz.reads[t.rd0:t.rd1] {
		if fz.cues.firsts.get(r) < 0 {
			continue
		}
		// rare: recover the reading's text
		fz.splits = arabic.Clitics(words[i], fz.splits[:0])
		for _, s := range fz.splits {
			if k := s.Key(words[i]); hashString(k) == r && fz.markCue(words, i, k) {
				return
			}
		}
	}
}

// markCue marks the tokens of the longest cue phrase that starts with
// first (the form of token i) and goes on with the words after i.
func (fz *featurizer) markCue(words []string, i int, first string) bool {
	for l := min(fz.cues.maxLen, len(words)-i); l >= 2; l-- {
		h := fnvAdd(fnvOffset, first)
		for j := i + 1; j < i+l; j++ {
			h = fnvAdd(fnvAdd(h, " "), words[j])
		}
		if c := fz.cues.phrases.get(nz(mix64(h))); c >= 0 {
			for j := i; j < i+l; j++ {
				fz.info[j].cue = fz.cues.class[c]
			}
			return true
		}
	}
	return false
}

// features appends the feature keys of token i of the prepared sentence.
//
// With dropUnknown (tagging), identity features (word, key, bare form,
// bigrams, readings) are left out for a form the word statistics do not
// know, and stand as "unknown" in the window of other tokens: such a form
// never occurred in training, so these features have no weight anyway.
// In training they are kept, while the statistics features of a sentence
// come from the other folds of the corpus (jackknifing), so the model
// learns to tag words from their context, shape and letters as well as
// from their identity. (Dropping fold-unknown identity features in
// training as well scored 0.7 points lower on held-out data.)
func (fz *featurizer) features(i int, dst []uint64) []uint64 {
	info := fz.info
	n := len(info)
	at := func(o int) *tokInfo {
		if j := i + o; 0 <= j && j < n {
			return &info[j]
		}
		return nil
	}
	edge := func(o int) uint64 {
		if o < 0 {
			return hashBOS
		}
		return hashEOS
	}
	wordAt := func(o int) uint64 {
		u := at(o)
		switch {
		case u == nil:
			return edge(o)
		case fz.dropUnknown && fz.rare(u.stW):
			return hashUnknown
		}
		return u.w
	}
	keyAt := func(o int) uint64 {
		u := at(o)
		switch {
		case u == nil:
			return edge(o)
		case fz.dropUnknown && fz.rare(u.stK):
			return hashUnknown
		}
		return u.key
	}
	t := &info[i]
	dst = append(dst, feat(tpl(tBias, 0), 0))
	for o := -2; o <= 2; o++ {
		dst = append(dst, feat(tpl(tWord, o), wordAt(o)))
		dst = append(dst, feat(tpl(tKey, o), keyAt(o)))
	}
	for o := -1; o <= 1; o++ {
		if u := at(o); u != nil && (!fz.dropUnknown || !fz.rare(fz.stats.get(u.bh))) {
			dst = append(dst, feat(tpl(tBare, o), u.bh))
		}
	}
	dst = append(dst,
		feat2(tpl(tWW, 0), wordAt(-1), wordAt(0)),
		feat2(tpl(tWW, 1), wordAt(0), wordAt(1)),
		feat2(tpl(tKK, 0), keyAt(-1), keyAt(0)),
		feat2(tpl(tKK, 1), keyAt(0), keyAt(1)),
	)
	dst = affixes(dst, tPre, tSuf, t.word, 4)
	if t.bare != t.word {
		dst = affixes(dst, tBPre, tBSuf, t.bare, 3)
	}
	shapeAt := func(o int) uint64 {
		if u := at(o); u != nil {
			return u.shape
		}
		return 0
	}
	for o := -1; o <= 1; o++ {
		dst = append(dst, feat(tpl(tShape, o), shapeAt(o)))
	}
	dst = append(dst, feat2(tpl(tShape3, 0), shapeAt(-1)<<16|shapeAt(0), shapeAt(1)))
	cueAt := func(o int) uint64 {
		if u := at(o); u != nil {
			return u.cue
		}
		return 0
	}
	for o := -2; o <= 2; o++ {
		if c := cueAt(o); c != 0 {
			dst = append(dst, feat(tpl(tCue, o), c))
		}
	}
	if c1, c2 := cueAt(-1), cueAt(-2); c1 != 0 || c2 != 0 {
		dst = append(dst, feat2(tpl(tCueCue, 0), c2, c1))
	}
	if c := cueAt(-1); c != 0 {
		dst = append(dst, feat2(tpl(tCueWord, 0), c, t.bh))
	}
	for o := -1; o <= 1; o++ {
		if u := at(o); u != nil {
			dst = fz.statFeats(dst, tpl(tStat, o), u.stW)
		}
	}
	if !t.keyIsWord {
		dst = fz.statFeats(dst, tpl(tStatKey, 0), t.stK)
	}
	for _, o := range [...]int{-1, 1} {
		if u := at(o); u != nil && !u.keyIsWord {
			dst = fz.statFeats(dst, tpl(tStatK1, o), u.stK)
		}
	}
	if t.bare != t.word {
		dst = fz.statFeats(dst, tpl(tStatB, 0), fz.stats.get(t.bh))
	}
	dst = trigrams(dst, t.bare)
	prof := freqBucket(fz.stats.total(t.stK))<<8 | uint64(fz.topTag(t.stK))
	dst = append(dst,
		feat2(tpl(tConj, -1), keyAt(-1), prof),
		feat2(tpl(tConj, 1), keyAt(1), prof))
	if c := cueAt(-1); c != 0 {
		dst = append(dst, feat2(tpl(tConj, -2), c, prof))
	}
	for _, o := range [...]int{-1, 1} {
		if u := at(o); u != nil {
			dst = sideAffixes(dst, o, u.word, 3)
		}
	}
	if t.letter[0] != 0 {
		fb := freqBucket(fz.stats.total(t.stW))
		for c, b := range t.letter {
			if b != 0 {
				dst = append(dst, feat2(tpl(tLetter, 0), uint64(c), uint64(b)),
					feat2(tpl(tLetter, 1), uint64(c)<<8|uint64(b), fb))
			}
		}
	}
	if t.quote != 0 {
		dst = append(dst, feat(tpl(tQuote, 0), uint64(t.quote)))
	}
	for _, r := range fz.reads[t.rd0:t.rd1] {
		if !fz.dropUnknown || !fz.rare(fz.stats.get(r)) {
			dst = append(dst, feat(tpl(tReading, 0), r))
		}
	}
	if i == 0 {
		dst = append(dst, feat(tpl(tEdge, 0), 1))
	}
	if i == n-1 {
		dst = append(dst, feat(tpl(tEdge, 0), 2))
	}
	if fz.lex != nil {
		for o := -1; o <= 1; o++ {
			if u := at(o); u != nil {
				for b := u.lex; b != 0; b &= b - 1 {
					dst = append(dst, feat(tpl(tLex, o), uint64(bits.TrailingZeros16(b))))
				}
			}
		}
		for l := range t.lexSpan {
			for pos, c := range t.lexSpan[l] {
				for b := c; b != 0; b &= b - 1 {
					dst = append(dst, feat2(tpl(tLexSpan, 0), uint64(bits.TrailingZeros16(b)), uint64(l<<4|pos)))
				}
			}
		}
	}
	dst = fz.docFeatures(i, fz.base+int32(i), dst)
	if fz.s1 != nil {
		dst = fz.stackFeatures(i, dst)
	}
	return dst
}

// affixes appends prefix and suffix features of w, 1..n letters.
func affixes(dst []uint64, pre, suf int, w string, n int) []uint64 {
	end := 0
	for k := 1; k <= n && end < len(w); k++ {
		_, sz := utf8.DecodeRuneInString(w[end:])
		end += sz
		dst = append(dst, feat(tpl(pre, k), hashString(w[:end])))
	}
	start := len(w)
	for k := 1; k <= n && start > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:start])
		start -= sz
		dst = append(dst, feat(tpl(suf, k), hashString(w[start:])))
	}
	return dst
}

// trigrams appends the letter trigrams of w, framed by boundary marks
// ("^ab", "abc", ..., "yz$"), for words of at least three letters.
func trigrams(dst []uint64, w string) []uint64 {
	var idx [64]int
	n := 0
	for i := range w {
		if n == len(idx) {
			return dst
		}
		idx[n] = i
		n++
	}
	if n < 3 {
		return dst
	}
	t := tpl(tGram, 0)
	dst = append(dst, feat(t, hashString(w[:idx[2]])^1))
	for k := 0; k+3 <= n; k++ {
		end := len(w)
		if k+3 < n {
			end = idx[k+3]
		}
		dst = append(dst, feat(t, hashString(w[idx[k]:end])))
	}
	dst = append(dst, feat(t, hashString(w[idx[n-2]:])^2))
	return dst
}

// rare reports whether a statistics row is too rare for identity
// features: a form the corpus statistics do not know.
func (fz *featurizer) rare(row int32) bool { return fz.stats.total(row) == 0 }

// lightBare returns w without its article and the proclitics before an
// article (والموصل → موصل), from its clitic readings splits (as
// arabic.Clitics returns them, unsplit first). It needs no statistics,
// so the letter model is built and read the same way everywhere.
func lightBare(w string, splits []arabic.Split) string {
	for _, s := range splits {
		if s.Pre > 0 && s.Art > 0 && s.Suf == 0 {
			return s.Bare(w)
		}
	}
	if len(splits) > 0 && splits[0].Plain() {
		return splits[0].Bare(w)
	}
	return w
}

// sideAffixes appends the prefixes and suffixes (1..n letters) of the
// word w at offset o (-1 or +1).
func sideAffixes(dst []uint64, o int, w string, n int) []uint64 {
	side := 0
	if o > 0 {
		side = 4
	}
	end := 0
	for k := 1; k <= n && end < len(w); k++ {
		_, sz := utf8.DecodeRuneInString(w[end:])
		end += sz
		dst = append(dst, feat(tpl(tNPre, side+k-8), hashString(w[:end])))
	}
	start := len(w)
	for k := 1; k <= n && start > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:start])
		start -= sz
		dst = append(dst, feat(tpl(tNSuf, side+k-8), hashString(w[start:])))
	}
	return dst
}

// freqBucket buckets a training-corpus count.
func freqBucket(n uint32) uint64 {
	switch {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n < 4:
		return 2
	case n < 10:
		return 3
	case n < 50:
		return 4
	}
	return 5
}

// statFeats appends the statistics features of a word's row: its
// frequency, and for each tag it was given, the share of its occurrences
// (bucketed), alone and with a coarse frequency.
func (fz *featurizer) statFeats(dst []uint64, t uint64, row int32) []uint64 {
	if row < 0 {
		return append(dst, feat(t, 0))
	}
	c := fz.stats.row(row)
	total := c[0]
	fb := freqBucket(total)
	dst = append(dst, feat(t, 1<<16|fb))
	coarse := min(fb, 3)
	entity := uint32(0)
	for y := 1; y < len(c)-1; y++ {
		n := c[1+y]
		if n == 0 {
			continue
		}
		entity += n
		r := uint64(4 * n / total) // 0..4
		dst = append(dst, feat2(t, uint64(y)<<8|r, 0), feat2(t, uint64(y)<<8|r, 1+coarse))
	}
	if entity == 0 {
		dst = append(dst, feat(t, 2<<16|fb))
	}
	return dst
}
