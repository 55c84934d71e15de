package arabic

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rasd-project/rasd/internal/doc"
)

// Number expressions
//
// Numbers reads the tokens of an analyzed Doc, on their normalized text,
// and recognizes:
//
//   - digits (71360, 71,360, ٧١٣٦٠, 3.5), alone or with a multiplier word
//     (1.5 مليون, 3 آلاف);
//   - number words and their compounds (ثلاثة, أحد عشر, واحد وعشرون,
//     مئة وخمسون, ثلاثة آلاف وخمسمئة, نصف مليون), with proclitics on any word
//     (بثلاثة, وعشرون) and the article where Arabic allows it (الثلاثة);
//   - duals of count nouns (شهرين, غارتين), from lexicon/count_nouns.tsv;
//   - vague plurals (بضعة, عدة, عدد من, عشرات, مئات, آلاف, ملايين) with ACLED's
//     conventional figures (3, 3, 3, 12, 100, 1000, 1000000);
//   - qualifiers before (نحو, أكثر من, ما لا يقل عن, أقل من …) and after
//     (تقريبا, على الأقل, فأكثر …);
//   - percentages (98 %, 98 في المئة, بالمئة);
//   - ranges (ما بين شهرين إلى ثلاثة أشهر, بين 10 و15, من 3 إلى 5, 10-15,
//     3 أو 4);
//   - ordinals with the article (الثالث, الثالثة عشرة, الحادي والعشرين),
//     flagged Ordinal: they name a position, not a quantity;
//   - the counted noun right after the expression (through من for vague
//     ones: عشرات من المقاتلين), singular where the lexicon knows it.
//
// Date expressions are not quantities: Numbers runs the same recognizer as
// Dates and never reports a token inside a date expression (the year of
// "17 حزيران 2018", the count of "قبل ثلاثة أيام"). The result therefore does
// not depend on whether or in which order Dates ran. Clock times (12:06,
// الساعة 10) and identifiers (رقم 2254) are skipped too.

// Numbers appends to dst one MNumber mention (Source FromRule, Num set,
// Label the pattern name) per number expression in d, in text order and
// without overlaps. The span covers a qualifier before the number, the
// number, a percent marker and a qualifier right after it; the counted noun
// is Num.Noun. A span that starts inside a token (بعشرات) starts after its
// proclitics.
//
// Labels: "digits", "words", "dual", "vague", "percent", "range", "ordinal".
func Numbers(d *doc.Doc, dst []doc.Mention) []doc.Mention {
	ns := numScanner{d: d, ds: dateScanner{d: d}}
	for i := 0; i < len(d.Tokens); {
		lim := ns.limit(i)
		if lim < 0 { // inside a date expression
			i = ns.claim.end
			continue
		}
		m, next, ok := ns.at(i, lim)
		if ok {
			dst = append(dst, m)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return dst
}

// numScanner walks a document for Numbers, with a lazily advanced date
// scan that says which tokens belong to date expressions.
type numScanner struct {
	d  *doc.Doc
	ds dateScanner

	claim    dateExpr // the first date expression not ending before the current token
	hasClaim bool
	pos      int // where the date scan resumes
}

// limit returns the index of the first token at or after i that belongs to
// a date expression (len(Tokens) when none), or -1 when i itself does.
func (ns *numScanner) limit(i int) int {
	n := len(ns.d.Tokens)
	for (!ns.hasClaim || ns.claim.end <= i) && ns.pos < n {
		ns.hasClaim = false
		if e, ok := ns.ds.match(ns.pos); ok {
			ns.claim, ns.hasClaim, ns.pos = e, true, e.end
		} else {
			ns.pos++
		}
	}
	if ns.hasClaim && ns.claim.end > i {
		if ns.claim.start <= i {
			return -1
		}
		return ns.claim.start
	}
	return n
}

// at recognizes a number expression starting at token i and ending before
// lim. It returns the mention and the token to resume at; when ok is false,
// next may still skip tokens that are not quantities (clock times).
func (ns *numScanner) at(i, lim int) (m doc.Mention, next int, ok bool) {
	d := ns.d
	switch d.Tokens[i].Kind {
	case doc.Number:
		if skip := notQuantity(d, i); skip > i {
			return doc.Mention{}, skip, false
		}
	case doc.Word:
		if !inSet(d.TokNorm(i), numHeads) {
			return doc.Mention{}, i + 1, false // the common case: no number starts here
		}
	default:
		return doc.Mention{}, i + 1, false
	}

	// qualifier or range opener before the number
	start, pre, j := i, 0, i
	qual := doc.Exact
	between, from := false, false
	qend, qpre, qq, found := i, 0, doc.Exact, false
	if startsPhrase(d, i, qualHeads) {
		qend, qpre, qq, found = matchPhrases(d, i, lim, qualBefore)
	}
	if found {
		j, pre, qual = qend, qpre, qq
		between = qq == doc.Range
	} else if tokWord(d, i) == wMin {
		from, j = true, i+1
	}
	a, found := parseCard(d, j, lim)
	if !found {
		if j == i {
			return ns.ordinal(i, lim)
		}
		return doc.Mention{}, i + 1, false
	}
	if j == i {
		pre = a.pre
	}

	end, pct := percentAfter(d, a.end, lim)

	// range: A (connector) B
	b, isRange := rangeAfter(d, a, end, lim, between, from)
	if !isRange && between && a.elems > 1 {
		// بين خمسة وعشرين: "between five and twenty", not 25
		if a1, ok1 := parseCard(d, j, j+1); ok1 {
			if b1, ok2 := rangeAfter(d, a1, a1.end, lim, true, false); ok2 {
				a, b, isRange = a1, b1, true
			}
		}
	}
	switch {
	case isRange:
		qual = doc.Range
		end = b.end
		var bp bool
		end, bp = percentAfter(d, end, lim)
		pct = pct || bp
	case from:
		return doc.Mention{}, i + 1, false // من + number: only as a range opener
	case between:
		start, pre, qual = j, a.pre, doc.Exact // an opener without its range
	}

	q := doc.Quantity{Value: a.val, Qual: qual, Percent: pct}
	if a.qual != doc.Exact && !isRange {
		q.Qual = a.qual // vague figures keep their class: أكثر من عشرات is still عشرات
	}
	if isRange {
		q.Max = b.val
	}

	// a qualifier right after the number is part of the expression
	if e, _, qa, found := matchPhrases(d, end, lim, qualAfter); found && !isRange {
		end = e
		if q.Qual == doc.Exact {
			q.Qual = qa
		}
	}

	// the counted noun
	after := end
	switch {
	case pct:
	case isRange && b.dual:
		q.Noun, q.NounNorm = b.noun, b.nounNorm
	case isRange:
		if sp, norm, e, found := nounAfter(d, end, lim, b); found {
			q.Noun, q.NounNorm, after = sp, norm, e
		} else if a.dual {
			q.Noun, q.NounNorm = a.noun, a.nounNorm
		}
	case a.dual:
		q.Noun, q.NounNorm = a.noun, a.nounNorm
	case a.art && a.qual == doc.Exact:
		// الأيام الثلاثة: the definite noun comes first
		if start > 0 && strings.HasPrefix(tokWord(d, start-1), wArticle) && !d.Tokens[start].Has(doc.LineStart) {
			q.Noun, q.NounNorm = d.TokenSpan(start-1, start), singular(tokWord(d, start-1), 0, true)
		}
	default:
		if sp, norm, e, found := nounAfter(d, end, lim, a); found {
			q.Noun, q.NounNorm, after = sp, norm, e
			// a qualifier after the noun (17 شخصا على الأقل) qualifies but stays outside the span
			if _, _, qa, found := matchPhrases(d, after, lim, qualAfter); found && q.Qual == doc.Exact {
				q.Qual = qa
			}
		}
	}

	// واحد and اثنان follow their noun: قتيل واحد
	if q.NounNorm == "" && !pct && !isRange && a.words && a.elems == 1 && a.qual == doc.Exact &&
		(a.val == 1 || a.val == 2) && start == a.start && a.pre == 0 && start > 0 && !d.Tokens[start].Has(doc.LineStart) {
		if f, known := lookupNoun(singular(tokWord(d, start-1), 0, false)); known {
			q.Noun, q.NounNorm = d.TokenSpan(start-1, start), f.sing
		}
	}

	label := a.label()
	switch {
	case isRange:
		label = "range"
	case pct:
		label = "percent"
	}
	qv := q
	m = doc.Mention{
		Span:   spanOf(d, start, end, pre),
		Kind:   doc.MNumber,
		Source: doc.FromRule,
		Label:  label,
		Score:  1,
		Num:    &qv,
	}
	return m, after, true
}

// ordinal recognizes an ordinal at i (الثالث, الثالثة عشرة).
func (ns *numScanner) ordinal(i, lim int) (doc.Mention, int, bool) {
	v, end, pre, ok := parseOrdinal(ns.d, i, lim)
	if !ok {
		return doc.Mention{}, i + 1, false
	}
	q := &doc.Quantity{Value: float64(v), Ordinal: true}
	return doc.Mention{
		Span:   spanOf(ns.d, i, end, pre),
		Kind:   doc.MNumber,
		Source: doc.FromRule,
		Label:  "ordinal",
		Score:  1,
		Num:    q,
	}, end, true
}

// notQuantity returns the token after a number at i that is not a
// quantity (a clock time 12:06, the figure after الساعة or رقم), or i.
func notQuantity(d *doc.Doc, i int) int {
	if j := timeEnd(d, i); j > i {
		return j
	}
	if i > 0 {
		if w := tokWord(d, i-1); isForm(w, wHour) || isForm(w, wNumberOf) {
			return i + 1
		}
		// the minutes of a time whose hours were consumed elsewhere
		if i > 1 && isPunct(d, i-1, ":") && !d.Tokens[i-1].Has(doc.SpaceAfter) && d.Tokens[i-2].Kind == doc.Number {
			return i + 1
		}
	}
	return i
}

// timeEnd returns the end of a clock time H:MM or H:MM:SS at i, or i.
func timeEnd(d *doc.Doc, i int) int {
	j := i
	for k := 0; k < 2; k++ {
		if j+2 < len(d.Tokens) && d.Tokens[j].Kind == doc.Number && !d.Tokens[j].Has(doc.SpaceAfter) &&
			isPunct(d, j+1, ":") && !d.Tokens[j+1].Has(doc.SpaceAfter) && d.Tokens[j+2].Kind == doc.Number {
			j += 2
			continue
		}
		break
	}
	if j == i {
		return i
	}
	return j + 1
}

// card is a cardinal number: digits, number words, a vague plural or a
// dual count noun.
type card struct {
	start, end int // tokens
	pre        int // proclitic bytes on the first token
	val        float64
	qual       doc.Qualifier // Exact, or the vague class
	elems      int           // number words read
	digits     bool
	words      bool
	dual       bool // a dual count noun; the noun is the token itself
	art        bool // the number has the article and follows its noun (الأيام الثلاثة)
	genitive   bool // the noun may follow through من (عشرات من المقاتلين)
	anyMin     bool // … and need not be definite (عدد من مقاتلي)
	noun       doc.Span
	nounNorm   string
}

func (c card) label() string {
	switch {
	case c.dual:
		return "dual"
	case c.qual != doc.Exact:
		return "vague"
	case c.words:
		return "words"
	}
	return "digits"
}

// parseCard reads a cardinal number starting at token i, using no token at
// or after lim.
func parseCard(d *doc.Doc, i, lim int) (card, bool) {
	if i >= lim || i >= len(d.Tokens) {
		return card{}, false
	}
	switch d.Tokens[i].Kind {
	case doc.Number:
		v, ok := parseDigits(d.TokNorm(i))
		if !ok {
			return card{}, false
		}
		c := card{start: i, end: i + 1, val: v, digits: true}
		// 1.5 مليون, 3 آلاف, 200 ألف
		if i+1 < lim && !d.Tokens[i+1].Has(doc.LineStart) {
			if nw, ok := numWords[tokWord(d, i+1)]; ok && (nw.kind == nkMult || nw.kind == nkMultPlural) {
				c.val *= nw.val
				c.end++
			}
		}
		return c, true
	case doc.Word:
		if c, ok := wordCard(d, i, lim); ok {
			return c, true
		}
		return dualCard(d, i, lim)
	}
	return card{}, false
}

// wordCard reads a number in words at i.
func wordCard(d *doc.Doc, i, lim int) (card, bool) {
	w := d.TokNorm(i)
	// عدد من، عددا من، العديد من
	if i+1 < lim && tokWord(d, i+1) == wMin {
		ps, np := procliticLens(w)
		for _, p := range ps[:np] {
			if aNumberOf[w[p:]] {
				return card{start: i, end: i + 1, pre: p, val: 3, qual: doc.Several, words: true, elems: 1, genitive: true, anyMin: true}, true
			}
		}
	}
	nw, pre, art, ok := lookupNumber(w)
	if !ok {
		return card{}, false
	}
	var a accum
	if !a.start(nw, art) {
		return card{}, false
	}
	good, goodAcc := -1, a
	if a.complete() {
		good = i + 1
	}
	for j := i + 1; j < lim; {
		if d.Tokens[j].Has(doc.LineStart) {
			break
		}
		w := tokWord(d, j)
		if w == "" {
			break
		}
		k := j + 1
		conj, art := false, false
		key := w
		switch {
		case w == wWaw && k < lim && tokWord(d, k) != "": // و written apart
			conj, key, k = true, tokWord(d, k), k+1
		case strings.HasPrefix(w, wWaw) && len(w) > 2*letterBytes:
			if _, ok := numWords[w[letterBytes:]]; ok {
				conj, key = true, w[letterBytes:]
			}
		}
		nw, ok := numWords[key]
		if !ok && !conj && strings.HasPrefix(key, wArticle) {
			nw, ok = numWords[key[len(wArticle):]]
			art = ok
		}
		if !ok || !a.next(nw, conj, art) {
			break
		}
		j = k
		if a.complete() {
			good, goodAcc = j, a
		}
	}
	if good < 0 {
		return card{}, false
	}
	c := card{start: i, end: good, pre: pre, val: goodAcc.value(), qual: goodAcc.vague, words: true, elems: goodAcc.n, art: art}
	c.genitive = c.qual != doc.Exact
	return c, true
}

// dualCard reads a dual count noun at i (شهرين, الغارتين), with an optional
// اثنين/اثنان after it. A sound plural that looks like a dual (مدنيين) is a
// dual only with اثنين after it.
func dualCard(d *doc.Doc, i, lim int) (card, bool) {
	w := d.TokNorm(i)
	ps, np := procliticLens(w)
	for _, p := range ps[:np] {
		f, ok := lookupNoun(w[p:])
		if !ok && strings.HasPrefix(w[p:], wArticle) {
			f, ok = lookupNoun(w[p+len(wArticle):]) // الشهرين
		}
		if !ok || !f.dual {
			continue
		}
		end := i + 1
		two := end < lim && isTwo[tokWord(d, end)]
		if f.plural && !two {
			return card{}, false
		}
		if two {
			end++
		} else if end < lim && !d.Tokens[end].Has(doc.LineStart) {
			// an adjective in the dual agrees with it: طائرتين مسيرتين
			if g, ok := lookupNoun(tokWord(d, end)); ok && g.dual && !g.plural {
				end++
			}
		}
		sp := spanOf(d, i, i+1, p)
		return card{start: i, end: end, pre: p, val: 2, dual: true, noun: sp, nounNorm: f.sing}, true
	}
	return card{}, false
}

// lookupNumber finds the number word w, after proclitics and, where Arabic
// allows it, the article (الثلاثة, العشرات, الآلاف; not الاثنين, Monday).
func lookupNumber(w string) (nw numWord, pre int, art, ok bool) {
	ps, np := procliticLens(w)
	for _, p := range ps[:np] {
		key := w[p:]
		if p > 0 && key == wMiya {
			continue // كمية is a quantity, بمية water: the colloquial مية only bare
		}
		if nw, ok := numWords[key]; ok {
			return nw, p, false, true
		}
		if strings.HasPrefix(key, wArticle) && len(key) >= len(wArticle)+2*letterBytes {
			bare := key[len(wArticle):]
			if nw, ok := numWords[bare]; ok && nw.kind != nkTeenUnit && nw.kind != nkFrac && bare != wTwoGen {
				return nw, p, true, true
			}
		}
	}
	return numWord{}, 0, false, false
}

// rangeAfter looks for the second part of a range after a: "و15" or "إلى 15"
// after بين, "إلى 5" after من, and "-", "أو", "إلى" otherwise.
func rangeAfter(d *doc.Doc, a card, end, lim int, between, from bool) (card, bool) {
	if end >= lim {
		return card{}, false
	}
	w := tokWord(d, end)
	bStart := -1
	switch {
	case between && w == wWaw:
		bStart = end + 1
	case between && strings.HasPrefix(w, wWaw) && d.Tokens[end].Kind == doc.Word:
		bStart = end // the و is a proclitic of B's first word
	case w == wTo || w == wUntil:
		bStart = end + 1
	case between || from:
	case w == wOr:
		bStart = end + 1
	case a.digits && isPunct(d, end, "-"):
		bStart = end + 1
	}
	if bStart < 0 || bStart >= lim {
		return card{}, false
	}
	if a.digits && isPunct(d, end, "-") && d.Tokens[bStart].Kind != doc.Number {
		return card{}, false
	}
	b, ok := parseCard(d, bStart, lim)
	if !ok || b.val <= a.val || b.qual != doc.Exact || a.qual != doc.Exact {
		return card{}, false
	}
	if bStart == end && b.pre == 0 {
		return card{}, false
	}
	return b, true
}

// percentAfter consumes a percent marker at i: %, في المئة, بالمئة.
func percentAfter(d *doc.Doc, i, lim int) (int, bool) {
	if i >= lim {
		return i, false
	}
	if d.Tokens[i].Kind == doc.Symbol && d.TokNorm(i) == "%" {
		return i + 1, true
	}
	w := tokWord(d, i)
	if percentWords[w] {
		return i + 1, true
	}
	if w == wIn && i+1 < lim && percentNouns[tokWord(d, i+1)] {
		return i + 2, true
	}
	return i, false
}

// nounAfter finds the counted noun after a number ending at i: the next
// word unless it is a function word, through من for vague numbers, across
// a closing quote ("71360" كيلو متر). It returns the noun's span, its
// matching form and the token after it.
func nounAfter(d *doc.Doc, i, lim int, c card) (doc.Span, string, int, bool) {
	if i < lim && d.Tokens[i].Has(doc.QuoteClose) {
		i++
	}
	if i >= lim || d.Tokens[i].Kind != doc.Word || d.Tokens[i].Has(doc.LineStart) {
		return doc.Span{}, "", i, false
	}
	w := d.TokNorm(i)
	pl := pluralContext(c)
	if w == wMin && i+1 < lim && d.Tokens[i+1].Kind == doc.Word {
		n := d.TokNorm(i + 1)
		switch {
		case c.genitive && (c.anyMin || strings.HasPrefix(n, wArticle)):
			return d.TokenSpan(i+1, i+2), singular(n, c.val, pl), i + 2, true
		case !c.genitive:
			// ثلاثة من مقاتليها, 327 من عناصر قسد: only nouns the lexicon knows
			if sing, ok := looseNoun(n); ok {
				return d.TokenSpan(i+1, i+2), sing, i + 2, true
			}
		}
		return doc.Span{}, "", i, false
	}
	if functionWords[w] || isNumberWord(w) {
		return doc.Span{}, "", i, false
	}
	if strings.HasPrefix(w, wWaw) {
		if _, known := lookupNoun(w); !known {
			return doc.Span{}, "", i, false // وأصيب: a new clause, not the counted noun
		}
	}
	// two-token units: كيلو متر, كيلو غرام
	if w == wKilo && i+1 < lim {
		switch singular(tokWord(d, i+1), 0, false) {
		case wMeter:
			return d.TokenSpan(i, i+2), wKilometer, i + 2, true
		case wGram, wGram2:
			return d.TokenSpan(i, i+2), wKilogram, i + 2, true
		}
	}
	return d.TokenSpan(i, i+1), singular(w, c.val, pl), i + 1, true
}

// pluralContext reports whether the noun after c is a plural: after 3..10
// (ثلاثة متهمين) and vague figures (عشرات المتهمين).
func pluralContext(c card) bool {
	if c.qual != doc.Exact {
		return true
	}
	n := int(c.val)
	return float64(n) == c.val && n%100 >= 3 && n%100 <= 10
}

// looseNoun finds a count noun also under the article and an enclitic
// pronoun, and in the construct state (مقاتليها → مقاتل), and returns its
// singular.
func looseNoun(w string) (string, bool) {
	base := w
	if strings.HasPrefix(w, wArticle) && len(w) >= len(wArticle)+2*letterBytes {
		base = w[len(wArticle):]
	}
	if f, ok := lookupNoun(base); ok {
		return f.sing, true
	}
	var buf [16]Split
	for _, sp := range Clitics(w, buf[:0]) {
		if sp.Suf == 0 || sp.Pre != 0 || sp.Art != 0 || sp.TaMarbuta {
			continue
		}
		if f, ok := lookupNoun(sp.Form(w)); ok {
			return f.sing, true
		}
	}
	return "", false
}

// isNumberWord reports whether w (after proclitics) is a number word or an
// ordinal.
func isNumberWord(w string) bool {
	if _, _, _, ok := lookupNumber(w); ok {
		return true
	}
	_, ok := ordinals[w]
	return ok
}

// singular returns the matching form of a counted noun: without the
// article, singular where the lexicon knows the form (أشهر → شهر, قتلى →
// قتيل), and without the accusative alef (قتيلا → قتيل) where the lexicon
// knows the word or the number takes an accusative singular (11..99), and
// without a sound plural ending in a plural context (ثلاثة متهمين → متهم).
func singular(w string, val float64, plural bool) string {
	base := w
	if strings.HasPrefix(w, wArticle) && len(w) >= len(wArticle)+2*letterBytes {
		base = w[len(wArticle):]
	}
	if f, ok := lookupNoun(base); ok {
		return f.sing
	}
	if strings.HasSuffix(base, wAlef) && len(base) >= 4*letterBytes {
		stem := base[:len(base)-len(wAlef)]
		if f, ok := lookupNoun(stem); ok {
			return f.sing
		}
		if n := int(val) % 100; float64(int(val)) == val && n >= 11 {
			return stem
		}
	}
	if plural && len(base) >= 5*letterBytes && (strings.HasSuffix(base, wPlGen) || strings.HasSuffix(base, wPlNom)) {
		return base[:len(base)-len(wPlGen)] // متهمين → متهم
	}
	return base
}

// parseDigits parses a Number token's normalized text: 71360, 71,360,
// 1,234,567, 3.5, 2,5, 1,234.5. Dotted triples (2018.06.17) are not numbers.
func parseDigits(s string) (float64, bool) {
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	var intPart, frac string
	switch {
	case commas == 0 && dots == 0:
		intPart = s
	case dots == 0 && groupsOfThree(s, ','):
		intPart = s
	case dots == 0 && commas == 1:
		k := strings.IndexByte(s, ',')
		intPart, frac = s[:k], s[k+1:]
	case commas == 0 && dots == 1:
		k := strings.IndexByte(s, '.')
		intPart, frac = s[:k], s[k+1:]
	case commas == 0 && groupsOfThree(s, '.'):
		intPart = s
	case dots == 1 && strings.IndexByte(s, ',') < strings.IndexByte(s, '.'):
		k := strings.IndexByte(s, '.')
		if !groupsOfThree(s[:k], ',') {
			return 0, false
		}
		intPart, frac = s[:k], s[k+1:]
	default:
		return 0, false
	}
	var v float64
	nd := 0
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c == ',' || c == '.' {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + float64(c-'0')
		nd++
	}
	if nd == 0 || nd > 15 {
		return 0, false
	}
	scale := 1.0
	var f float64
	for i := 0; i < len(frac) && i < 6; i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		f = f*10 + float64(c-'0')
		scale *= 10
	}
	return v + f/scale, true
}

// groupsOfThree reports whether s is digit groups separated by sep, the
// first of one to three digits and the others of exactly three.
func groupsOfThree(s string, sep byte) bool {
	first := strings.IndexByte(s, sep)
	if first < 1 || first > 3 {
		return false
	}
	for rest := s[first+1:]; ; {
		k := strings.IndexByte(rest, sep)
		if k < 0 {
			return len(rest) == 3
		}
		if k != 3 {
			return false
		}
		rest = rest[k+1:]
	}
}

// parseOrdinal reads an ordinal with the article at i: الأول … العاشر,
// الحادي عشر … التاسعة عشرة, الحادي والعشرين … It returns its value, end
// token and the proclitic bytes on its first token. An ordinal right after
// تشرين, كانون, ربيع or جمادى belongs to a month name.
func parseOrdinal(d *doc.Doc, i, lim int) (v, end, pre int, ok bool) {
	if i >= lim {
		return 0, i, 0, false
	}
	w := tokWord(d, i)
	var o ordWord
	found := false
	ps, np := procliticLens(w)
	for _, p := range ps[:np] {
		if o, found = ordinals[w[p:]]; found {
			pre = p
			break
		}
	}
	if !found || (i > 0 && monthHeads[tokWord(d, i-1)]) {
		return 0, i, 0, false
	}
	v, end = o.val, i+1
	if end < lim && o.val < 10 && !d.Tokens[end].Has(doc.LineStart) {
		w2 := tokWord(d, end)
		switch {
		case w2 == wTen || w2 == wTenF:
			v, end = v+10, end+1
		case strings.HasPrefix(w2, wWawArticle) && (o.val != 1 || o.teen): // الحادي والعشرين, not الأول والعشرين
			if nw, ok := numWords[w2[len(wWawArticle):]]; ok && nw.kind == nkTen {
				v, end = v+int(nw.val), end+1
			}
		}
	}
	if o.teen && v < 10 {
		return 0, i, 0, false
	}
	return v, end, pre, true
}

// isOrdinal reports whether w is an ordinal with the article (الأول).
func isOrdinal(w string) bool {
	_, ok := ordinals[w]
	return ok
}

// spanOf returns the span of tokens [start, end) with its first pre
// normalized bytes (proclitics) left out.
func spanOf(d *doc.Doc, start, end, pre int) doc.Span {
	sp := d.TokenSpan(start, end)
	if pre > 0 && start < end {
		t := d.Tokens[start]
		if s := t.NormStart + int32(pre); s < t.NormEnd {
			b, _ := d.TextRange(s, t.NormEnd)
			sp.StartByte = b
		}
	}
	return sp
}

// tokWord returns the normalized text of token i when it is an Arabic word,
// else "".
func tokWord(d *doc.Doc, i int) string {
	if i < 0 || i >= len(d.Tokens) || d.Tokens[i].Kind != doc.Word {
		return ""
	}
	return d.TokNorm(i)
}

// isPunct reports whether token i is punctuation or a symbol normalized to p.
func isPunct(d *doc.Doc, i int, p string) bool {
	if i < 0 || i >= len(d.Tokens) {
		return false
	}
	k := d.Tokens[i].Kind
	return (k == doc.Punct || k == doc.Symbol) && d.TokNorm(i) == p
}

// letterBytes is the UTF-8 length of an Arabic letter.
const letterBytes = 2

// procliticLens returns the proclitic lengths to try on a normalized word,
// shortest first: none, a conjunction (و ف), a preposition (ب ل ك), or
// both; each leaves at least two letters.
func procliticLens(w string) (ps [3]int, n int) {
	ps[0], n = 0, 1
	p := 0
	if len(w) >= 3*letterBytes && (strings.HasPrefix(w, wWaw) || strings.HasPrefix(w, wFa)) {
		p = letterBytes
		ps[n], n = p, n+1
	}
	if len(w)-p >= 3*letterBytes {
		r := w[p : p+letterBytes]
		if r == wBi || r == wLi || r == wKa {
			ps[n], n = p+letterBytes, n+1
		}
	}
	return ps, n
}

// inSet reports whether w, or w without its proclitics, is in set (context
// checks: بالساعة is الساعه).
func inSet(w string, set map[string]bool) bool {
	ps, n := procliticLens(w)
	for _, p := range ps[:n] {
		if set[w[p:]] {
			return true
		}
	}
	return false
}

// isForm reports whether w is key, with or without proclitics.
func isForm(w, key string) bool {
	_, ok := wordWithProclitics(w, key)
	return ok
}

// matchPhrases matches the longest of phrases at token i (the first word
// may carry proclitics), ending before lim.
func matchPhrases(d *doc.Doc, i, lim int, phrases []qualPhrase) (end, pre int, q doc.Qualifier, ok bool) {
	for _, ph := range phrases {
		if i+len(ph.words) > lim {
			continue
		}
		p, found := wordWithProclitics(tokWord(d, i), ph.words[0])
		if !found {
			continue
		}
		k := 1
		for ; k < len(ph.words); k++ {
			if tokWord(d, i+k) != ph.words[k] || d.Tokens[i+k].Has(doc.LineStart) {
				break
			}
		}
		if k == len(ph.words) {
			return i + k, p, ph.qual, true
		}
	}
	return i, 0, doc.Exact, false
}

// wordWithProclitics reports whether w is key with optional proclitics,
// and their length.
func wordWithProclitics(w, key string) (int, bool) {
	if w == key {
		return 0, true
	}
	if len(w) <= len(key) || !strings.HasSuffix(w, key) {
		return 0, false
	}
	ps, n := procliticLens(w)
	for _, p := range ps[1:n] {
		if len(w)-p == len(key) {
			return p, true
		}
	}
	return 0, false
}

// Number lexicon.

// numKind classifies number words.
type numKind uint8

const (
	nkUnit       numKind = iota + 1 // 1..10
	nkTeenUnit                      // أحد, إحدى, اثنا, اثني …: only before عشر/عشرة
	nkTen                           // 20..90
	nkHundred                       // 100..900
	nkMult                          // ألف, مليون, مليار: the value is the multiplier
	nkMultDual                      // ألفان, مليونان: twice the multiplier
	nkMultPlural                    // آلاف, ملايين: after 3..10; alone a vague plural
	nkVague                         // بضع, عدة, عشرات, مئات
	nkFrac                          // نصف, ربع: before a multiplier, or ونصف after one
	nkTeen                          // (state only) a unit + عشر
	nkDone                          // (state only) after ونصف nothing follows
)

// numWord is the meaning of one number word.
type numWord struct {
	kind numKind
	val  float64
	qual doc.Qualifier // for vague words
}

// numWords maps normalized number words to their meaning. Spellings are
// written as in text and normalized when the table is built. Immutable.
var numWords = func() map[string]numWord {
	m := map[string]numWord{}
	add := func(kind numKind, val float64, q doc.Qualifier, spellings string) {
		for _, s := range strings.Fields(spellings) {
			m[Normalize(s)] = numWord{kind, val, q}
		}
	}
	u := func(v float64, s string) { add(nkUnit, v, doc.Exact, s) }
	u(1, "واحد واحدة واحدا")
	u(2, "اثنان اثنين اثنتان اثنتين إثنان إثنين")
	u(3, "ثلاث ثلاثة")
	u(4, "أربع أربعة")
	u(5, "خمس خمسة")
	u(6, "ست ستة")
	u(7, "سبع سبعة")
	u(8, "ثمان ثماني ثمانية")
	u(9, "تسع تسعة")
	u(10, "عشر عشرة")
	add(nkTeenUnit, 1, doc.Exact, "أحد إحدى")
	add(nkTeenUnit, 2, doc.Exact, "اثنا اثني اثنتا اثنتي")
	t := func(v float64, s string) { add(nkTen, v, doc.Exact, s) }
	t(20, "عشرون عشرين")
	t(30, "ثلاثون ثلاثين")
	t(40, "أربعون أربعين")
	t(50, "خمسون خمسين")
	t(60, "ستون ستين")
	t(70, "سبعون سبعين")
	t(80, "ثمانون ثمانين")
	t(90, "تسعون تسعين")
	h := func(v float64, s string) { add(nkHundred, v, doc.Exact, s) }
	h(100, "مئة مائة مية")
	h(200, "مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي")
	h(300, "ثلاثمئة ثلاثمائة")
	h(400, "أربعمئة أربعمائة")
	h(500, "خمسمئة خمسمائة")
	h(600, "ستمئة ستمائة")
	h(700, "سبعمئة سبعمائة")
	h(800, "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة")
	h(900, "تسعمئة تسعمائة")
	add(nkMult, 1e3, doc.Exact, "ألف ألفا")
	add(nkMult, 1e6, doc.Exact, "مليون مليونا ميليون ميليونا")
	add(nkMult, 1e9, doc.Exact, "مليار مليارا بليون")
	add(nkMultDual, 2e3, doc.Exact, "ألفان ألفين ألفي")
	add(nkMultDual, 2e6, doc.Exact, "مليونان مليونين مليوني ميليونان ميليونين")
	add(nkMultDual, 2e9, doc.Exact, "ملياران مليارين ملياري")
	add(nkMultPlural, 1e3, doc.Thousands, "آلاف")
	add(nkMultPlural, 1e6, doc.Millions, "ملايين")
	add(nkMultPlural, 1e9, doc.Millions, "مليارات")
	add(nkVague, 3, doc.Several, "بضع بضعة عدة")
	add(nkVague, 12, doc.Dozens, "عشرات")
	add(nkVague, 100, doc.Hundreds, "مئات مئآت")
	add(nkFrac, 0.5, doc.Exact, "نصف")
	add(nkFrac, 0.25, doc.Exact, "ربع")
	return m
}()

// accum accumulates a number in words: total holds the groups already
// multiplied (ثلاثة آلاف), group the current one below the multiplier.
type accum struct {
	total, group float64
	lastMult     float64 // the last multiplier applied, 0 none
	unit         float64 // the bare unit just read (for teens and ثلاث مئة)
	last         numKind
	hasTen       bool
	hasHundred   bool
	pendingTeen  bool // a teen-only unit waits for عشر
	pendingFrac  bool // نصف waits for a multiplier
	vague        doc.Qualifier
	n            int
}

func (a *accum) value() float64 { return a.total + a.group }

func (a *accum) complete() bool { return !a.pendingTeen && !a.pendingFrac }

// start begins with the first word; art says it had the article.
func (a *accum) start(nw numWord, art bool) bool {
	v := nw.val
	switch nw.kind {
	case nkUnit:
		a.group, a.unit = v, v
	case nkTeenUnit:
		a.unit, a.pendingTeen = v, true
	case nkTen:
		a.group, a.hasTen = v, true
	case nkHundred:
		a.group, a.hasHundred = v, true
	case nkMult:
		a.total, a.lastMult = v, v
	case nkMultDual:
		a.total, a.lastMult = v, v/2
	case nkMultPlural:
		a.total, a.lastMult, a.vague = v, v, nw.qual
	case nkVague:
		a.group, a.vague = v, nw.qual
	case nkFrac:
		if art {
			return false
		}
		a.group, a.pendingFrac = v, true
	default:
		return false
	}
	a.last, a.n = nw.kind, 1
	return true
}

// next extends the number with a following word, joined by و when conj,
// with the article when art. It reports whether the word belongs to it.
func (a *accum) next(nw numWord, conj, art bool) bool {
	v := nw.val
	isMult := nw.kind == nkMult || nw.kind == nkMultPlural
	if art && !(a.vague != doc.Exact && isMult) {
		return false
	}
	switch {
	case a.pendingTeen:
		if conj || nw.kind != nkUnit || v != 10 {
			return false
		}
		a.group += a.unit + 10
		a.unit, a.pendingTeen, a.hasTen, a.last = 0, false, true, nkTeen
	case a.pendingFrac:
		if conj || nw.kind != nkMult {
			return false
		}
		a.total += a.group * v
		a.group, a.pendingFrac, a.lastMult, a.last = 0, false, v, nkMult
	case a.vague != doc.Exact:
		// عشرات الآلاف, بضعة آلاف, مئات الملايين
		if conj || !isMult || a.lastMult != 0 {
			return false
		}
		a.total += a.group * v
		a.group, a.lastMult, a.last = 0, v, nw.kind
	case conj:
		return a.conj(nw)
	default:
		return a.adjacent(nw)
	}
	a.n++
	return true
}

// conj adds a word joined by و: a smaller group after a multiplier, units
// and tens after hundreds, tens after units (خمسة وعشرون).
func (a *accum) conj(nw numWord) bool {
	v := nw.val
	switch a.last {
	case nkMult, nkMultDual, nkMultPlural:
		switch nw.kind {
		case nkUnit:
			a.group, a.unit = v, v
		case nkTeenUnit:
			a.unit, a.pendingTeen = v, true
		case nkTen:
			a.group, a.hasTen = v, true
		case nkHundred:
			a.group, a.hasHundred = v, true
		case nkFrac:
			if v != 0.5 {
				return false
			}
			a.total += v * a.lastMult // مليون ونصف
			a.last, a.n = nkDone, a.n+1
			return true
		case nkMult:
			if v >= a.lastMult {
				return false
			}
			a.total += v
			a.lastMult = v
		default:
			return false
		}
	case nkHundred:
		switch nw.kind {
		case nkUnit:
			a.group += v
			a.unit = v
		case nkTeenUnit:
			a.unit, a.pendingTeen = v, true
		case nkTen:
			a.group += v
			a.hasTen = true
		default:
			return false
		}
	case nkUnit:
		if nw.kind != nkTen || a.hasTen || a.unit > 9 {
			return false
		}
		a.group += v
		a.hasTen, a.unit = true, 0
	default:
		return false
	}
	a.last, a.n = nw.kind, a.n+1
	return true
}

// adjacent adds a word that follows without و: عشر after a unit (teens),
// مئة after a unit (ثلاث مئة), a multiplier after a group.
func (a *accum) adjacent(nw numWord) bool {
	v := nw.val
	switch {
	case a.last == nkUnit && nw.kind == nkUnit && v == 10 && a.unit >= 1 && a.unit <= 9 && !a.hasTen:
		a.group += 10
		a.hasTen, a.unit, a.last = true, 0, nkTeen
	case a.last == nkUnit && nw.kind == nkHundred && v == 100 && a.unit >= 3 && a.unit <= 9 && !a.hasHundred:
		a.group += a.unit*100 - a.unit
		a.hasHundred, a.unit, a.last = true, 0, nkHundred
	case nw.kind == nkMult || nw.kind == nkMultPlural:
		if a.group == 0 || (a.lastMult != 0 && v >= a.lastMult) {
			return false
		}
		if nw.kind == nkMultPlural && (a.last != nkUnit || a.group < 3 || a.group > 10) {
			return false
		}
		switch a.last {
		case nkUnit, nkTen, nkTeen, nkHundred:
		default:
			return false
		}
		a.total += a.group * v
		a.group, a.unit, a.lastMult, a.last = 0, 0, v, nw.kind
		a.hasTen, a.hasHundred = false, false
	default:
		return false
	}
	a.n++
	return true
}

// ordWord is an ordinal: its value, and whether it is used only in
// compounds (الحادي عشر).
type ordWord struct {
	val  int
	teen bool
}

// ordinals maps normalized ordinals with the article to their value.
// Immutable.
var ordinals = func() map[string]ordWord {
	m := map[string]ordWord{}
	add := func(v int, teen bool, spellings string) {
		for _, s := range strings.Fields(spellings) {
			m[Normalize(s)] = ordWord{v, teen}
		}
	}
	add(1, false, "الأول الأولى")
	add(1, true, "الحادي الحادية")
	add(2, false, "الثاني الثانية")
	add(3, false, "الثالث الثالثة")
	add(4, false, "الرابع الرابعة")
	add(5, false, "الخامس الخامسة")
	add(6, false, "السادس السادسة")
	add(7, false, "السابع السابعة")
	add(8, false, "الثامن الثامنة")
	add(9, false, "التاسع التاسعة")
	add(10, false, "العاشر العاشرة")
	return m
}()

// qualPhrase is a qualifier: a sequence of normalized words.
type qualPhrase struct {
	words []string
	qual  doc.Qualifier
}

// phrases builds a phrase table, longest first. Immutable once built.
func phrases(defs map[doc.Qualifier]string) []qualPhrase {
	var out []qualPhrase
	for q, list := range defs {
		for _, s := range strings.Split(list, "|") {
			out = append(out, qualPhrase{strings.Fields(Normalize(s)), q})
		}
	}
	// longest first; ties in a fixed order
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && phraseLess(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func phraseLess(a, b qualPhrase) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	return strings.Join(a.words, " ") < strings.Join(b.words, " ")
}

// qualBefore are the qualifiers written before a number; Range marks the
// range openers (بين, ما بين).
var qualBefore = phrases(map[doc.Qualifier]string{
	doc.Approx:   "نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|ما يناهز|يناهز|ما يقرب من|يقرب من|في حدود|بحدود|تقريبا",
	doc.MoreThan: "أكثر من|ما يزيد عن|ما يزيد على|يزيد عن|يزيد على|أزيد من|ما يربو على|يربو على|ما يفوق|يفوق",
	doc.AtLeast:  "ما لا يقل عن|لا يقل عن|لا تقل عن|على الأقل",
	doc.LessThan: "أقل من|ما دون",
	doc.AtMost:   "ما لا يزيد عن|ما لا يزيد على|لا يزيد عن|لا يزيد على|على الأكثر",
	doc.Range:    "بين|ما بين",
})

// qualHeads are the first words of qualBefore.
var qualHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, ph := range qualBefore {
		m[ph.words[0]] = true
	}
	return m
}()

// numHeads are the words (without proclitics) that can start a number
// expression: a quick filter before the grammar. Immutable.
var numHeads = func() map[string]bool {
	m := map[string]bool{wMin: true}
	for w := range qualHeads {
		m[w] = true
	}
	for w := range aNumberOf {
		m[w] = true
	}
	for w, nw := range numWords {
		m[w] = true
		if nw.kind != nkTeenUnit && nw.kind != nkFrac && w != wTwoGen {
			m[wArticle+w] = true
		}
	}
	for w := range ordinals {
		m[w] = true
	}
	for w, f := range countNouns {
		if f.dual {
			m[w] = true
			m[wArticle+w] = true
		}
	}
	return m
}()

// startsPhrase reports whether the word at i, with or without proclitics,
// is in heads.
func startsPhrase(d *doc.Doc, i int, heads map[string]bool) bool {
	w := tokWord(d, i)
	return w != "" && inSet(w, heads)
}

// qualAfter are the qualifiers written after a number (or its noun).
var qualAfter = phrases(map[doc.Qualifier]string{
	doc.Approx:   "تقريبا",
	doc.AtLeast:  "على الأقل|فأكثر|أو أكثر|فما فوق",
	doc.MoreThan: "ونيف|ونيّف",
	doc.AtMost:   "على الأكثر|أو أقل|فأقل",
})

// wordSet builds a set of normalized words. Immutable once built.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(list) {
		m[Normalize(s)] = true
	}
	return m
}

// functionWords never count as the noun after a number.
var functionWords = wordSet(`من في على إلى عن مع منذ حتى بين قبل بعد خلال عند لدى أو أم ثم أن إن أنه أنها
	قد لا لم لن ما هذا هذه ذلك تلك التي الذي الذين اللذين اللتين إذ إذا حيث كما كان كانت ضد نحو
	حول فقط و ف ب ل ك هو هي هم هن أخرى آخرين آخرون آخر آخرا آخريات فيما بينما وفق عبر إلا غير سوى
	أيضا جراء بسبب إثر حوالي تقريبا ونصف فأكثر يوميا سنويا شهريا أسبوعيا`)

// percentWords are the one-word percent markers, percentNouns the second
// word of the two-word ones (في المئة).
var (
	percentWords = wordSet("بالمئة بالمائة بالمية")
	percentNouns = wordSet("المئة المائة المية")
)

// aNumberOf are the words of "a number of" (before من).
var aNumberOf = wordSet("عدد عددا العديد")

// isTwo are the words that confirm a dual (شخصين اثنين).
var isTwo = wordSet("اثنين اثنان اثنتين اثنتان")

// monthHeads are the first words of two-word month names whose second word
// is an ordinal (تشرين الأول).
var monthHeads = wordSet("تشرين كانون ربيع جمادى")

// Normalized words the parsers test for.
var (
	wWaw        = Normalize("و")
	wFa         = Normalize("ف")
	wBi         = Normalize("ب")
	wLi         = Normalize("ل")
	wKa         = Normalize("ك")
	wMiya       = Normalize("مية")
	wAlef       = Normalize("ا")
	wArticle    = Normalize("ال")
	wWawArticle = Normalize("وال")
	wMin        = Normalize("من")
	wIn         = Normalize("في")
	wTo         = Normalize("إلى")
	wUntil      = Normalize("حتى")
	wOr         = Normalize("أو")
	wTen        = Normalize("عشر")
	wTenF       = Normalize("عشرة")
	wTwoGen     = Normalize("اثنين")
	wHour       = Normalize("الساعة")
	wNumberOf   = Normalize("رقم")
	wKilo       = Normalize("كيلو")
	wPlGen      = Normalize("ين")
	wPlNom      = Normalize("ون")
	wMeter      = Normalize("متر")
	wGram       = Normalize("غرام")
	wGram2      = Normalize("جرام")
	wKilometer  = Normalize("كيلومتر")
	wKilogram   = Normalize("كيلوغرام")
)

// Count-noun lexicon.

//go:embed lexicon/count_nouns.tsv
var countNounsTSV string

// nounForm is what the count-noun lexicon says of one normalized form.
type nounForm struct {
	sing   string // the normalized singular
	dual   bool   // the form is a dual
	plural bool   // the form is a listed plural (for a dual too: nisba nouns)
}

// countNouns maps normalized singulars, listed forms and generated duals to
// their entry. Immutable.
var countNouns = mustLexicon(parseCountNouns("lexicon/count_nouns.tsv", countNounsTSV))

// lookupNoun finds a normalized form in the count-noun lexicon.
func lookupNoun(w string) (nounForm, bool) {
	f, ok := countNouns[w]
	return f, ok
}

func mustLexicon[T any](v T, err error) T {
	if err != nil {
		panic(err) // the embedded lexicon is broken: a programmer error, caught by the tests
	}
	return v
}

// parseCountNouns reads count_nouns.tsv (see the file's header).
func parseCountNouns(file, src string) (map[string]nounForm, error) {
	m := map[string]nounForm{}
	var errs lexErrors
	type origin struct {
		line int
		sing string
	}
	seen := map[string]origin{}
	put := func(line int, form string, f nounForm) {
		if o, dup := seen[form]; dup && o.sing != f.sing {
			errs.add(file, line, "form %q also belongs to %q (line %d)", form, o.sing, o.line)
			return
		}
		old, dup := m[form]
		switch {
		case !dup:
		case f.dual && old.plural:
			old.dual = true
			f = old
		case old.dual && f.plural:
			f.dual = true
		case old.dual || !f.dual:
			f = old // the singular or a listed form wins over a generated dual
		}
		m[form] = f
		seen[form] = origin{line, f.sing}
	}
	for _, row := range tsvRows(src) {
		line, cols := row.line, row.cols
		if len(cols) < 1 || len(cols) > 3 {
			errs.add(file, line, "want 1 to 3 columns, got %d", len(cols))
			continue
		}
		raw := cols[0]
		if err := checkLexWord(raw, false); err != nil {
			errs.add(file, line, "singular: %v", err)
			continue
		}
		sing := Normalize(raw)
		var flags string
		if len(cols) == 3 {
			flags = cols[2]
		}
		nisba, nodual := false, false
		for _, f := range splitList(flags) {
			switch f {
			case "nisba":
				nisba = true
			case "nodual":
				nodual = true
			default:
				errs.add(file, line, "unknown flag %q", f)
			}
		}
		put(line, sing, nounForm{sing: sing})
		forms := map[string]bool{}
		if len(cols) >= 2 {
			for _, f := range splitList(cols[1]) {
				if err := checkLexWord(f, false); err != nil {
					errs.add(file, line, "form: %v", err)
					continue
				}
				nf := Normalize(f)
				forms[nf] = true
				put(line, nf, nounForm{sing: sing, plural: true})
				if nisba && (strings.HasSuffix(nf, "ين") || strings.HasSuffix(nf, "ون")) {
					// the construct state drops the ن: مقاتلي التنظيم, مقاتلو
					put(line, strings.TrimSuffix(nf, "ن"), nounForm{sing: sing, plural: true})
				}
			}
		}
		if nodual {
			continue
		}
		stem := raw
		if strings.HasSuffix(stem, "ة") {
			stem = strings.TrimSuffix(stem, "ة") + "ت"
		}
		for _, suf := range [...]string{"ين", "ان"} {
			dual := Normalize(stem + suf)
			if suf == "ين" && forms[dual] && !nisba {
				errs.add(file, line, "dual %q equals a listed form: flag the entry nisba", dual)
			}
			put(line, dual, nounForm{sing: sing, dual: true})
		}
		if nisba && !forms[Normalize(stem+"ين")] {
			errs.add(file, line, "nisba entry does not list its sound plural %q", Normalize(stem+"ين"))
		}
	}
	return m, errs.err()
}

// tsvRow is one record of a lexicon file, with its line number.
type tsvRow struct {
	line int
	cols []string
}

// tsvRows returns the non-empty, non-comment lines of a TSV file in order,
// split on tabs.
func tsvRows(src string) []tsvRow {
	var rows []tsvRow
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) > 0 && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		rows = append(rows, tsvRow{n + 1, cols})
	}
	return rows
}

// splitList splits a comma-separated column, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// checkLexWord rejects lexicon entries that could never match normalized
// text as intended: empty, presentation forms, diacritics, non-Arabic
// letters, and spaces unless allowed.
func checkLexWord(s string, spaces bool) error {
	if s == "" || strings.TrimSpace(s) != s {
		return fmt.Errorf("%q: empty or padded", s)
	}
	prevSpace := false
	for _, r := range s {
		switch {
		case r == ' ' && spaces && !prevSpace:
			prevSpace = true
			continue
		case r == utf8.RuneError:
			return fmt.Errorf("%q: invalid UTF-8", s)
		case 0xFB50 <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFF:
			return fmt.Errorf("%q: presentation form %U; write the plain letter", s, r)
		case IsDiacritic(r):
			return fmt.Errorf("%q: diacritic %U", s, r)
		case !IsArabicLetter(r):
			return fmt.Errorf("%q: %U is not an Arabic letter", s, r)
		}
		prevSpace = false
	}
	return nil
}

// lexErrors collects positioned lexicon errors (file:line: message).
type lexErrors []error

func (l *lexErrors) add(file string, line int, format string, a ...any) {
	*l = append(*l, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, a...)))
}

func (l lexErrors) err() error {
	if len(l) == 0 {
		return nil
	}
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return fmt.Errorf("%s", strings.Join(msgs, "\n"))
}
