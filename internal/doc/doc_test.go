package doc

import "testing"

// mapped builds a Doc whose Norm and NormMap are given by hand, one
// normalized piece per original piece: pieces[i] = {original, normalized}.
// It stands in for arabic.NormalizeMap, which this package cannot import.
func mapped(pieces ...[2]string) *Doc {
	d := &Doc{}
	for _, p := range pieces {
		for range len(p[1]) {
			d.NormMap = append(d.NormMap, int32(len(d.Text)))
		}
		d.Text += p[0]
		d.Norm += p[1]
	}
	d.NormMap = append(d.NormMap, int32(len(d.Text)))
	return d
}

func TestTextRange(t *testing.T) {
	// "\u200fقُتل ﻻ\r\n": an RLM, a word with a damma, a lam-alef
	// ligature, CRLF.
	d := mapped(
		[2]string{"\u200f", ""},
		[2]string{"ق", "ق"}, [2]string{"ُ", ""}, [2]string{"ت", "ت"}, [2]string{"ل", "ل"},
		[2]string{" ", " "},
		[2]string{"ﻻ", "لا"},
		[2]string{"\u200c", ""},
		[2]string{"\r", ""}, [2]string{"\n", "\n"},
	)
	if d.Norm != "قتل لا\n" {
		t.Fatalf("bad fixture: Norm = %q", d.Norm)
	}
	tests := []struct {
		name               string
		normStart, normEnd int32
		want               string
	}{
		{"word keeps its inner mark, drops the leading rlm", 0, 6, "قُتل"},
		{"letter keeps the removed mark after it", 0, 2, "قُ"},
		{"letter after a removed mark", 2, 4, "ت"},
		{"range ending inside a letter's bytes", 0, 1, "ق"},
		{"ligature, trailing zwnj and carriage return trimmed", 7, 11, "ﻻ"},
		{"range ending inside a ligature extends to its end", 7, 9, "ﻻ"},
		{"range starting inside a ligature starts at it", 9, 11, "ﻻ"},
		{"line break", 11, 12, "\n"},
		{"everything", 0, 12, "قُتل ﻻ\u200c\r\n"},
		{"empty range", 4, 4, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := d.TextRange(tt.normStart, tt.normEnd)
			if got := d.Text[s:e]; got != tt.want {
				t.Errorf("TextRange(%d, %d) = [%d,%d) %q; want %q", tt.normStart, tt.normEnd, s, e, got, tt.want)
			}
		})
	}
}

// tokDoc is "قال المرصد، إن 14 قتلوا.\nوأضاف" tokenized by hand.
func tokDoc() *Doc {
	d := &Doc{Text: "قال المرصد، إن 14 قتلوا.\nوأضاف"}
	spans := [][2]int32{{0, 6}, {7, 19}, {19, 21}, {22, 26}, {27, 29}, {30, 40}, {40, 41}, {42, 52}}
	for _, s := range spans {
		d.Tokens = append(d.Tokens, Token{Start: s[0], End: s[1], Kind: Word})
	}
	d.Sents = []Span{d.TokenSpan(0, 7), d.TokenSpan(7, 8)}
	return d
}

func TestTokDocFixture(t *testing.T) {
	d := tokDoc()
	want := []string{"قال", "المرصد", "،", "إن", "14", "قتلوا", ".", "وأضاف"}
	for i, w := range want {
		if got := d.TokText(i); got != w {
			t.Fatalf("bad fixture: token %d = %q; want %q", i, got, w)
		}
	}
}

func TestTokenAt(t *testing.T) {
	d := tokDoc()
	tests := []struct {
		name string
		b    int32
		want int
	}{
		{"start of the first token", 0, 0},
		{"inside the first token", 3, 0},
		{"end of a token is the gap after it", 6, 1},
		{"start of a glued token", 19, 2},
		{"inside a later token", 35, 5},
		{"last byte", 51, 7},
		{"end of the text", 52, 8},
		{"past the end", 100, 8},
		{"before the text", -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.TokenAt(tt.b); got != tt.want {
				t.Errorf("TokenAt(%d) = %d; want %d", tt.b, got, tt.want)
			}
		})
	}
}

func TestSentenceOf(t *testing.T) {
	d := tokDoc()
	tests := []struct {
		name string
		i    int
		want int
	}{
		{"first token", 0, 0},
		{"last token of the first sentence", 6, 0},
		{"first token of the second", 7, 1},
		{"past the last token", 8, -1},
		{"negative", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.SentenceOf(tt.i); got != tt.want {
				t.Errorf("SentenceOf(%d) = %d; want %d", tt.i, got, tt.want)
			}
		})
	}
	if got := (&Doc{}).SentenceOf(0); got != -1 {
		t.Errorf("SentenceOf(0) without sentences = %d; want -1", got)
	}
}

func TestTokenSpan(t *testing.T) {
	d := tokDoc()
	tests := []struct {
		name       string
		start, end int
		want       Span
		text       string
	}{
		{"one token", 1, 2, Span{1, 2, 7, 19}, "المرصد"},
		{"several tokens", 3, 7, Span{3, 7, 22, 41}, "إن 14 قتلوا."},
		{"empty span at a token", 4, 4, Span{4, 4, 27, 27}, ""},
		{"empty reversed span", 5, 2, Span{5, 5, 30, 30}, ""},
		{"empty span past the end", 8, 8, Span{8, 8, 52, 52}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.TokenSpan(tt.start, tt.end)
			if got != tt.want {
				t.Errorf("TokenSpan(%d, %d) = %+v; want %+v", tt.start, tt.end, got, tt.want)
			}
			if s := d.SpanText(got); s != tt.text {
				t.Errorf("SpanText(TokenSpan(%d, %d)) = %q; want %q", tt.start, tt.end, s, tt.text)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	a := Span{Start: 1, End: 3, StartByte: 10, EndByte: 30}
	tests := []struct {
		name               string
		o                  Span
		contains, overlaps bool
	}{
		{"itself", a, true, true},
		{"inside", Span{StartByte: 12, EndByte: 20}, true, true},
		{"overlapping the start", Span{StartByte: 5, EndByte: 11}, false, true},
		{"overlapping the end", Span{StartByte: 29, EndByte: 40}, false, true},
		{"touching the end", Span{StartByte: 30, EndByte: 40}, false, false},
		{"touching the start", Span{StartByte: 0, EndByte: 10}, false, false},
		{"around", Span{StartByte: 0, EndByte: 40}, false, true},
		{"empty inside", Span{StartByte: 15, EndByte: 15}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Contains(tt.o); got != tt.contains {
				t.Errorf("%+v.Contains(%+v) = %v; want %v", a, tt.o, got, tt.contains)
			}
			if got := a.Overlaps(tt.o); got != tt.overlaps {
				t.Errorf("%+v.Overlaps(%+v) = %v; want %v", a, tt.o, got, tt.overlaps)
			}
		})
	}
	if a.Len() != 2 || a.Empty() {
		t.Errorf("%+v: Len() = %d, Empty() = %v; want 2, false", a, a.Len(), a.Empty())
	}
	if e := (Span{Start: 4, End: 4}); e.Len() != 0 || !e.Empty() {
		t.Errorf("%+v: Len() = %d, Empty() = %v; want 0, true", e, e.Len(), e.Empty())
	}
}

func TestTokTextNorm(t *testing.T) {
	d := &Doc{Text: "إدلب", Norm: "ادلب", Tokens: []Token{{Start: 0, End: 8, NormStart: 0, NormEnd: 8, Kind: Word}}}
	if got := d.TokText(0); got != "إدلب" {
		t.Errorf("TokText(0) = %q; want %q", got, "إدلب")
	}
	if got := d.TokNorm(0); got != "ادلب" {
		t.Errorf("TokNorm(0) = %q; want %q", got, "ادلب")
	}
}

func TestTokenHas(t *testing.T) {
	tk := Token{Flags: SpaceAfter | QuoteOpen}
	tests := []struct {
		name string
		f    Flags
		want bool
	}{
		{"one set flag", SpaceAfter, true},
		{"all set flags", SpaceAfter | QuoteOpen, true},
		{"one unset", Quoted, false},
		{"set and unset", SpaceAfter | Quoted, false},
		{"none", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tk.Has(tt.f); got != tt.want {
				t.Errorf("Token{Flags: %b}.Has(%b) = %v; want %v", tk.Flags, tt.f, got, tt.want)
			}
		})
	}
}

func TestKindStrings(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"word", Word.String(), "word"},
		{"latin", Latin.String(), "latin"},
		{"number", Number.String(), "number"},
		{"punct", Punct.String(), "punct"},
		{"symbol", Symbol.String(), "symbol"},
		{"url", URL.String(), "url"},
		{"hashtag", Hashtag.String(), "hashtag"},
		{"handle", Handle.String(), "handle"},
		{"other", Other.String(), "other"},
		{"zero kind", Kind(0).String(), "?"},
		{"unknown kind", Kind(200).String(), "?"},
		{"mention kind", MTrigger.String(), "trigger"},
		{"unknown mention kind", MentionKind(99).String(), "?"},
		{"source", FromKB.String(), "kb"},
		{"unknown source", Source(99).String(), "?"},
		{"qualifier", MoreThan.String(), "more_than"},
		{"last qualifier", Millions.String(), "millions"},
		{"unknown qualifier", Qualifier(99).String(), "?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("String() = %q; want %q", tt.got, tt.want)
			}
		})
	}
}

func TestIsFormatControl(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"soft hyphen", 0x00AD, true},
		{"arabic letter mark", 0x061C, true},
		{"mongolian vowel separator", 0x180E, true},
		{"zero-width space", 0x200B, true},
		{"zero-width non-joiner", 0x200C, true},
		{"zero-width joiner", 0x200D, true},
		{"left-to-right mark", 0x200E, true},
		{"right-to-left mark", 0x200F, true},
		{"left-to-right embedding", 0x202A, true},
		{"right-to-left override", 0x202E, true},
		{"word joiner", 0x2060, true},
		{"first strong isolate", 0x2068, true},
		{"pop directional isolate", 0x2069, true},
		{"byte order mark", 0xFEFF, true},
		{"no-break space", 0x00A0, false},
		{"en dash", 0x2010, false},
		{"narrow no-break space", 0x202F, false},
		{"fatha", 0x064E, false},
		{"tatweel", 0x0640, false},
		{"alef", 0x0627, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsFormatControl(tt.r); got != tt.want {
				t.Errorf("IsFormatControl(%U) = %v; want %v", tt.r, got, tt.want)
			}
		})
	}
}

func TestFocus(t *testing.T) {
	d := &Doc{Focus: []CountryWeight{{"SY", 3}, {"IQ", 1}}}
	if got := d.FocusCountry(); got != "SY" {
		t.Errorf("FocusCountry() = %q; want SY", got)
	}
	tests := []struct {
		cc   string
		want float64
	}{
		{"SY", 0.75}, {"IQ", 0.25}, {"LB", 0},
	}
	for _, tt := range tests {
		if got := d.FocusWeight(tt.cc); got != tt.want {
			t.Errorf("FocusWeight(%q) = %v; want %v", tt.cc, got, tt.want)
		}
	}
	empty := &Doc{}
	if got := empty.FocusCountry(); got != "" {
		t.Errorf("FocusCountry() without focus = %q; want \"\"", got)
	}
	if got := empty.FocusWeight("SY"); got != 0 {
		t.Errorf("FocusWeight(SY) without focus = %v; want 0", got)
	}
}

func TestNote(t *testing.T) {
	d := &Doc{}
	s := Span{Start: 1, End: 2, StartByte: 3, EndByte: 9}
	d.Note("match", s, "kept")
	d.Note("geo", Span{}, "no place")
	want := []Note{{"match", s, "kept"}, {"geo", Span{}, "no place"}}
	if len(d.Notes) != len(want) || d.Notes[0] != want[0] || d.Notes[1] != want[1] {
		t.Errorf("Notes = %+v; want %+v", d.Notes, want)
	}
}
