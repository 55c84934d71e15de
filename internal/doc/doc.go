// Package doc defines the document model that flows through every rasd
// pipeline stage: the clean text of one article, its normalized form with an
// offset map back to the text, its tokens and sentences, and the layers that
// later stages add (mentions, events, notes).
//
// All offsets are byte offsets into Doc.Text (or Doc.Norm where named so).
// They are converted to the Unicode code points of the output contract only
// when the document is written out (see Doc.RuneIndex).
//
// The package imports nothing of rasd's own; every other stage imports it.
package doc

import "unicode/utf8"

// Doc is one article in the pipeline. Stages read the fields filled before
// them and append to their own layer; none re-tokenizes or edits Text.
type Doc struct {
	Meta Meta

	// Title is the headline, or "" when none was found. When present it is
	// also the first paragraph of Text.
	Title string
	// Text is the clean article: the contract's "text". Never modified after
	// the document is built.
	Text string

	// Norm is the matching form of Text (see package arabic): diacritics and
	// controls removed, letter variants folded, digits and punctuation mapped
	// to ASCII. It is for matching only and never shown.
	Norm string
	// NormMap has len(Norm)+1 entries: NormMap[i] is the byte offset in Text
	// where the character that produced Norm byte i starts; the last entry is
	// len(Text). Marks removed by normalization (diacritics, tatweel) belong
	// to the letter before them, so NormMap[end] is a correct end offset.
	NormMap []int32

	// Tokens are the document's tokens in text order.
	Tokens []Token
	// Sents are the sentences, as spans over Tokens, in order and disjoint.
	Sents []Span

	// Mentions hold every recognized item (actors, places, dates, numbers,
	// triggers, persons), from all sources. Candidates may overlap; the
	// resolver stage marks the ones it keeps.
	Mentions []Mention
	// Focus is the document's country focus, highest weight first: which
	// countries the article is about, from its unambiguous places,
	// adjectives, actors and outlet (set by the geo stage, read by the
	// actor and event stages).
	Focus []CountryWeight

	// Places are resolved place mentions (output "places").
	Places []Place
	// Actors are resolved actor mentions (output "actors").
	Actors []ActorMention
	// Persons are person mentions (output "persons").
	Persons []Person
	// Events are the coded events (output "events").
	Events []Event

	// Notes is the explain trail: why a stage decided what it did.
	Notes []Note
}

// CountryWeight is one country of a document's focus.
type CountryWeight struct {
	Country string // ISO2
	Weight  float64
}

// FocusCountry returns the top focus country, "" when there is none.
func (d *Doc) FocusCountry() string {
	if len(d.Focus) == 0 {
		return ""
	}
	return d.Focus[0].Country
}

// FocusWeight returns the share of the focus held by a country (0..1).
func (d *Doc) FocusWeight(cc string) float64 {
	total := 0.0
	w := 0.0
	for _, f := range d.Focus {
		total += f.Weight
		if f.Country == cc {
			w = f.Weight
		}
	}
	if total == 0 {
		return 0
	}
	return w / total
}

// Meta is what is known about an article apart from its text.
type Meta struct {
	ID        string // stable document id (contract doc_id)
	URL       string // canonical URL, "" if unknown
	Outlet    string // site domain, "" if unknown
	Source    string // where the input came from (file path, "stdin", "file.jsonl:12")
	Published Date   // publication date; zero when unknown
	Language  string // ISO 639-1, "ar" by default
	Charset   string // encoding the input was decoded from
	DateLine  string // raw timestamp line removed as furniture, if any
	Removed   []string
}

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota + 1 // Arabic word
	Latin                   // Latin-script word (may contain digits)
	Number                  // digits with optional separators: 71360, 71,360, 3.5, 2018.06.17
	Punct                   // punctuation mark (one character, or a run like "...")
	Symbol                  // %, $, °, and other symbols
	URL                     // http://, https://, www., and e-mail addresses
	Hashtag                 // #word
	Handle                  // @name
	Other                   // any other character (emoji, other scripts)
)

var kindNames = [...]string{"?", "word", "latin", "number", "punct", "symbol", "url", "hashtag", "handle", "other"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Flags are token properties set by the tokenizer.
type Flags uint16

// Token flags.
const (
	SpaceAfter Flags = 1 << iota // whitespace follows the token in Text
	LineStart                    // first token on its line
	ParaStart                    // first token after a blank line (or of the text)
	SentStart                    // first token of a sentence
	Quoted                       // inside a pair of quote marks
	AttachNext                   // a proclitic written apart with tatweel ("لـ", "بـ"): belongs to the next token
	QuoteOpen                    // an opening quote mark
	QuoteClose                   // a closing quote mark
	ParenOpen                    // ( [ {
	ParenClose                   // ) ] }
)

// Token is one token. It holds offsets only; its text is Doc.TokText(i).
type Token struct {
	Start, End         int32 // bytes in Doc.Text
	NormStart, NormEnd int32 // bytes in Doc.Norm
	Kind               Kind
	Flags              Flags
}

// Has reports whether all of f are set on t.
func (t Token) Has(f Flags) bool { return t.Flags&f == f }

// TokText returns the original text of token i.
func (d *Doc) TokText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// TokNorm returns the normalized text of token i.
func (d *Doc) TokNorm(i int) string {
	t := d.Tokens[i]
	return d.Norm[t.NormStart:t.NormEnd]
}

// Span is a range of tokens [Start, End) with the byte range it covers in
// Text. The byte range may be narrower than the tokens' (a proclitic such as
// ب in بالدشيشة is outside the span of the name) but never wider.
type Span struct {
	Start, End         int32 // token indices
	StartByte, EndByte int32 // bytes in Text
}

// Len returns the number of tokens in s.
func (s Span) Len() int { return int(s.End - s.Start) }

// Empty reports whether s covers no token.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether s covers o entirely (by bytes).
func (s Span) Contains(o Span) bool {
	return s.StartByte <= o.StartByte && o.EndByte <= s.EndByte
}

// Overlaps reports whether s and o share at least one byte (an empty span
// overlaps nothing).
func (s Span) Overlaps(o Span) bool {
	return max(s.StartByte, o.StartByte) < min(s.EndByte, o.EndByte)
}

// TokenSpan returns the span of tokens [start, end) with their full bytes.
func (d *Doc) TokenSpan(start, end int) Span {
	if end <= start {
		if start < len(d.Tokens) {
			b := d.Tokens[start].Start
			return Span{Start: int32(start), End: int32(start), StartByte: b, EndByte: b}
		}
		n := int32(len(d.Text))
		return Span{Start: int32(start), End: int32(start), StartByte: n, EndByte: n}
	}
	return Span{
		Start: int32(start), End: int32(end),
		StartByte: d.Tokens[start].Start, EndByte: d.Tokens[end-1].End,
	}
}

// SpanText returns the text a span covers.
func (d *Doc) SpanText(s Span) string { return d.Text[s.StartByte:s.EndByte] }

// TextRange maps a byte range of Norm to the byte range of Text that
// produced it. Invisible characters that normalization removes (bidi and
// zero-width controls, carriage returns, NULs) are trimmed from both ends
// so that the range begins and ends on a visible character; removed marks
// and tatweel after the last letter stay in it. A range that ends inside
// the expansion of one character (the ل of ﻻ, which normalizes to لا)
// extends to the end of that character.
func (d *Doc) TextRange(normStart, normEnd int32) (start, end int32) {
	start, end = d.NormMap[normStart], d.NormMap[normEnd]
	if normEnd > normStart && end == d.NormMap[normEnd-1] && int(end) < len(d.Text) {
		_, n := utf8.DecodeRuneInString(d.Text[end:])
		end += int32(n)
	}
	for start < end {
		r, n := utf8.DecodeRuneInString(d.Text[start:end])
		if !removedInvisible(r) {
			break
		}
		start += int32(n)
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(d.Text[start:end])
		if !removedInvisible(r) {
			break
		}
		end -= int32(n)
	}
	return start, end
}

// removedInvisible reports whether r is an invisible character that
// normalization removes: a format control, a carriage return or NUL.
func removedInvisible(r rune) bool { return r == '\r' || r == 0 || IsFormatControl(r) }

// SentenceOf returns the index of the sentence containing token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sents[m]
		switch {
		case int32(i) < s.Start:
			hi = m
		case int32(i) >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokenAt returns the index of the token containing text byte b, or the
// first token after it; len(Tokens) when none.
func (d *Doc) TokenAt(b int32) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// IsFormatControl reports whether r is an invisible formatting character
// (zero-width and bidi controls, BOM, soft hyphen) that normalization drops.
func IsFormatControl(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x061C, r == 0x180E, r == 0xFEFF:
		return true
	case 0x200B <= r && r <= 0x200F:
		return true
	case 0x202A <= r && r <= 0x202E:
		return true
	case 0x2060 <= r && r <= 0x2069:
		return true
	}
	return false
}

// Note is one line of the explain trail.
type Note struct {
	Stage string // "extract", "match", "geo", "code", ...
	Span  Span   // what it is about; zero when about the whole document
	Msg   string
}

// Note appends a line to the explain trail.
func (d *Doc) Note(stage string, s Span, msg string) {
	d.Notes = append(d.Notes, Note{Stage: stage, Span: s, Msg: msg})
}
