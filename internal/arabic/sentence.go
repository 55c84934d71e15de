package arabic

import "github.com/rasd-project/rasd/internal/doc"

// Sentences appends the sentences of d (which must be tokenized) to dst and
// sets the SentStart flag on their first tokens. Sentences cover the tokens
// in order, without gaps or overlaps; none is empty.
//
// A sentence ends:
//   - at every line break (rasd texts hold one paragraph or heading per
//     line), even inside an unclosed quotation;
//   - after '.', '?', '!' and runs of them ("?!", "؟!", "..."), together
//     with any closing quotes and brackets right after the stop
//     (“...انتهى.” then text: the sentence ends after ”).
//
// A period does not end a sentence after an abbreviation, that is a single
// letter glued to it (د. م. ق.م) or a known Latin abbreviation (Dr. U.S.),
// except for an era after a number ("2014 م." "300 ق.م." "1440 هـ."
// followed by space); nor when it is glued to a following Latin word or
// number. A stop glued to a following Arabic word is a missing space
// ("النهاية.وقال") and does end the sentence. No stop ends a sentence
// inside a quotation (Quoted tokens) unless the quotation closes right
// after it; numbers such as 3.5 are single tokens and never split.
func Sentences(d *doc.Doc, dst []doc.Span) []doc.Span {
	toks := d.Tokens
	if want := len(dst) + len(toks)/16 + 1; cap(dst) < want {
		dst = append(make([]doc.Span, 0, want), dst...)
	}
	start := 0
	end := func(e int) {
		if e > start {
			toks[start].Flags |= doc.SentStart
			dst = append(dst, d.TokenSpan(start, e))
		}
		start = e
	}
	for i := 0; i < len(toks); i++ {
		if i > start && toks[i].Has(doc.LineStart) {
			end(i)
		}
		if toks[i].Kind != doc.Punct || !isTerminal(d, i) {
			continue
		}
		// extend over the closing quotes and brackets glued to the stop
		j := i + 1
		for j < len(toks) && !toks[j].Has(doc.LineStart) && toks[j].Flags&(doc.QuoteClose|doc.ParenClose) != 0 {
			j++
		}
		end(j)
		i = j - 1
	}
	end(len(toks))
	return dst
}

// isTerminal reports whether the punctuation token i ends a sentence.
func isTerminal(d *doc.Doc, i int) bool {
	toks := d.Tokens
	t := toks[i]
	n := d.Norm[t.NormStart:t.NormEnd]
	switch n[0] {
	case '?', '!':
	case '.':
		if len(n) == 1 && isAbbreviation(d, i) {
			return false
		}
	default:
		return false
	}
	// inside a quotation: only when the quotation closes right after it
	if t.Has(doc.Quoted) && !closesQuote(toks, i) {
		return false
	}
	// glued to a following Latin word or number (fig.3, No.5): not a stop
	if n[0] == '.' && !t.Has(doc.SpaceAfter) && i+1 < len(toks) {
		next := toks[i+1]
		if !next.Has(doc.LineStart) && (next.Kind == doc.Latin || next.Kind == doc.Number) {
			return false
		}
	}
	return true
}

// closesQuote reports whether the glued closing quotes and brackets after
// token i close every quotation around it (the token after them is not
// Quoted).
func closesQuote(toks []doc.Token, i int) bool {
	j := i + 1
	for j < len(toks) && !toks[j].Has(doc.LineStart) && toks[j].Flags&(doc.QuoteClose|doc.ParenClose) != 0 {
		if toks[j].Has(doc.QuoteClose) && !toks[j].Has(doc.Quoted) {
			return true
		}
		j++
	}
	return false
}

// isAbbreviation reports whether the period at token i closes an
// abbreviation: a single letter glued to it (د. م. ق.م هـ.) or a common
// Latin one. An era after a number ("2014 م." "300 ق.م.") is not an
// abbreviation when space or the line end follows the period: it ends the
// sentence.
func isAbbreviation(d *doc.Doc, i int) bool {
	toks := d.Tokens
	if i == 0 || toks[i-1].Has(doc.SpaceAfter) || toks[i].Has(doc.LineStart) {
		return false
	}
	p := toks[i-1]
	w := d.Norm[p.NormStart:p.NormEnd]
	switch p.Kind {
	case doc.Word:
		if len(w) != 2 { // one letter of U+0600..U+06FF
			return false
		}
		return !isEra(d, i)
	case doc.Latin:
		if len(w) == 1 {
			return true
		}
		switch w {
		case "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr", "sr",
			"no", "vs", "etc", "inc", "ltd", "co", "u.s", "u.n", "u.k", "e.g", "i.e", "jan", "feb", "mar",
			"apr", "aug", "sept", "sep", "oct", "nov", "dec":
			return true
		}
	}
	return false
}

// isEra reports whether the period at token i, after a one-letter word,
// closes an era abbreviation that follows a number (2014 م. / 300 ق.م. /
// 1440 هـ.) and has space or the line end after it.
func isEra(d *doc.Doc, i int) bool {
	toks := d.Tokens
	t := toks[i]
	if !t.Has(doc.SpaceAfter) && i+1 < len(toks) && !toks[i+1].Has(doc.LineStart) {
		return false
	}
	// walk back over the letters and glued periods of the abbreviation
	k := i - 1
	for k >= 2 && !toks[k].Has(doc.LineStart) && !toks[k-1].Has(doc.SpaceAfter) &&
		toks[k-1].Kind == doc.Punct && d.Norm[toks[k-1].NormStart:toks[k-1].NormEnd] == "." &&
		toks[k-2].Kind == doc.Word && toks[k-2].NormEnd-toks[k-2].NormStart == 2 && !toks[k-2].Has(doc.SpaceAfter) {
		k -= 2
	}
	return k > 0 && !toks[k].Has(doc.LineStart) && toks[k-1].Kind == doc.Number
}
