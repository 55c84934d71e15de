// Package decode is rasd's first input stage: it turns the raw bytes of a
// fetched page or file into valid UTF-8 text. It honours byte order marks
// and declared charsets (HTTP Content-Type, HTML <meta>), sniffs UTF-16
// and the Arabic single-byte encodings (Windows-1256, ISO-8859-6) when
// nothing trustworthy is declared, enforces a size limit and rejects
// binary content with a reason.
//
// The character decoders are those of golang.org/x/text/encoding; this
// package only decides which one applies. Decode is a pure function of its
// input and safe for concurrent use.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// DefaultMaxSize is the input size limit used when Options.MaxSize is 0:
// 32 MiB.
const DefaultMaxSize int64 = 32 << 20

// Sentinel errors. Decode and Read wrap them with detail; test with
// errors.Is.
var (
	// ErrBinary reports input that is not text: a known binary file
	// signature, NUL bytes outside a UTF-16 pattern, or too many control
	// characters.
	ErrBinary = errors.New("binary content")
	// ErrTooLarge reports input longer than the size limit.
	ErrTooLarge = errors.New("content too large")
	// ErrUndecodable reports text that is neither (mostly) valid UTF-8 nor
	// plausible in any candidate single-byte charset.
	ErrUndecodable = errors.New("undecodable text")
)

// Ways a charset was chosen, reported in Result.Source.
const (
	SourceBOM         = "bom"          // byte order mark
	SourceContentType = "content-type" // Options.ContentType charset parameter
	SourceMeta        = "meta"         // HTML <meta> declaration
	SourceSniff       = "sniff"        // detected from the bytes
)

// Options controls Decode; the zero value is usable.
type Options struct {
	// MaxSize is the size limit in bytes; 0 means DefaultMaxSize and a
	// negative value means no limit.
	MaxSize int64
	// ContentType is an optional HTTP Content-Type header value. Its
	// charset parameter wins over sniffing; a BOM wins over it.
	ContentType string
	// HTML makes Decode look for <meta charset=...> and
	// <meta http-equiv="Content-Type" content="...; charset=..."> in the
	// first 4 KiB, used when ContentType declares no charset.
	HTML bool
}

// Result is decoded text and where it came from.
type Result struct {
	// Text is valid UTF-8 with any BOM removed.
	Text string
	// Charset is the canonical (WHATWG) name of the source encoding:
	// "utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6",
	// "windows-1252", ... Labels such as "latin1" and "us-ascii" map to
	// "windows-1252", as browsers do.
	Charset string
	// Source says how Charset was chosen: SourceBOM, SourceContentType,
	// SourceMeta or SourceSniff.
	Source string
	// Declared is the canonical name of the charset the Content-Type or
	// <meta> declared, "" if none or unknown. It differs from Charset when
	// the declaration was wrong and overruled.
	Declared string
	// Replaced counts invalid byte sequences replaced with U+FFFD.
	Replaced int
}

// Tuning constants for the heuristics.
const (
	metaScanLen = 4 << 10  // bytes of HTML searched for <meta> charset
	sampleLen   = 64 << 10 // bytes examined by the control-character test
	scoreLen    = 16 << 10 // bytes decoded and scored per candidate charset
	// maxStrayRatio is the largest share of non-ASCII bytes that may be
	// invalid in text still taken as UTF-8 (with U+FFFD replacements).
	maxStrayRatio = 0.10
	// maxControlRatio is the largest share of control bytes in text.
	maxControlRatio = 0.10
	// minPlausible is the lowest plausibility score (0..1) accepted for
	// a sniffed single-byte decoding.
	minPlausible = 0.6
	// overrule is how much more plausible a sniffed single-byte decoding
	// must be to overrule a declared single-byte charset.
	overrule = 0.25
)

// Read reads r and decodes it. It reads at most MaxSize+1 bytes and fails
// with ErrTooLarge when there are more.
func Read(r io.Reader, opt Options) (Result, error) {
	limit := maxSize(opt.MaxSize)
	if limit >= 0 {
		r = io.LimitReader(r, limit+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return Result{}, fmt.Errorf("decode: read: %w", err)
	}
	return Decode(b, opt)
}

// Decode converts b to UTF-8. The order of precedence is: BOM; declared
// charset (ContentType, then <meta> when opt.HTML), honoured when it
// decodes cleanly; valid UTF-8; UTF-16 recognised by its NUL-byte pattern;
// and finally the most plausible of Windows-1256, ISO-8859-6 and
// Windows-1252. A few invalid sequences in otherwise valid UTF-8 become
// U+FFFD; mostly invalid input fails with ErrUndecodable.
func Decode(b []byte, opt Options) (Result, error) {
	if limit := maxSize(opt.MaxSize); limit >= 0 && int64(len(b)) > limit {
		return Result{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	if len(b) == 0 {
		return Result{Charset: "utf-8", Source: SourceSniff}, nil
	}
	if name, ok := magic(b); ok {
		return Result{}, fmt.Errorf("%w: %s file signature", ErrBinary, name)
	}
	if res, ok, err := decodeBOM(b); ok {
		return res, err
	}

	decl := declared(b, opt)

	// NUL bytes: UTF-16 without a BOM, or binary.
	if i := bytes.IndexByte(b, 0); i >= 0 {
		if decl.utf16 != nil {
			if res, ok := decodeUTF16(b, decl.utf16, decl.name); ok {
				res.Source, res.Declared = decl.source, decl.name
				return res, nil
			}
		}
		if name, e := sniffUTF16(b); e != nil {
			if res, ok := decodeUTF16(b, e, name); ok {
				res.Source, res.Declared = SourceSniff, decl.name
				return res, nil
			}
		}
		return Result{}, fmt.Errorf("%w: NUL byte at offset %d (%d in all), not UTF-16 text", ErrBinary, i, bytes.Count(b, []byte{0}))
	}
	if n, sample := controlBytes(b); float64(n) > maxControlRatio*float64(sample) {
		return Result{}, fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, n, sample)
	}

	if decl.enc != nil {
		if res, ok := decodeDeclared(b, decl); ok {
			return res, nil
		}
	}
	res, err := sniff(b)
	res.Declared = decl.name
	return res, err
}

func maxSize(n int64) int64 {
	if n == 0 {
		return DefaultMaxSize
	}
	return n
}

// decodeBOM decodes b when it starts with a byte order mark. ok reports
// whether there was one.
func decodeBOM(b []byte) (res Result, ok bool, err error) {
	var e encoding.Encoding
	var name string
	var n int
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		body := b[3:]
		if i := bytes.IndexByte(body, 0); i >= 0 {
			return Result{}, true, fmt.Errorf("%w: UTF-8 (BOM) text with a NUL byte at offset %d", ErrBinary, i+3)
		}
		if n, sample := controlBytes(body); float64(n) > maxControlRatio*float64(sample) {
			return Result{}, true, fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, n, sample)
		}
		res, err = decodeUTF8(body, true)
		res.Source = SourceBOM
		return res, true, err
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		e, name, n = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le", 4
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		e, name, n = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be", 4
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		e, name, n = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		e, name, n = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	default:
		return Result{}, false, nil
	}
	res, good := decodeUTF16(b[n:], e, name)
	if !good {
		return Result{}, true, fmt.Errorf("%w: %s (BOM) text with too many control characters or invalid code units", ErrBinary, name)
	}
	res.Source = SourceBOM
	return res, true, nil
}

// decodeUTF16 decodes b with a UTF-16 or UTF-32 encoding and checks that
// the result is text: at most 2% (plus one) invalid code units, which
// become U+FFFD, and few control characters.
func decodeUTF16(b []byte, e encoding.Encoding, name string) (Result, bool) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return Result{}, false
	}
	var bad, ctrl, n int
	for _, r := range string(out) {
		n++
		switch {
		case r == utf8.RuneError:
			bad++
		case isControl(r):
			ctrl++
		}
	}
	if n > 0 && (float64(bad) > 0.02*float64(n)+1 || float64(ctrl) > maxControlRatio*float64(n)) {
		return Result{}, false
	}
	return Result{Text: string(out), Charset: name, Replaced: bad}, true
}

// isControl reports C0 and C1 control characters other than the usual
// whitespace (and ESC, which ISO-2022 encodings use).
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == 0x1B:
		return false
	case r < 0x20 || r == 0x7F:
		return true
	case r >= 0x80 && r < 0xA0:
		return true
	}
	return false
}

// controlBytes counts C0 control bytes (not whitespace or ESC) in the
// first sampleLen bytes of b, which it returns as sample.
func controlBytes(b []byte) (n, sample int) {
	if len(b) > sampleLen {
		b = b[:sampleLen]
	}
	for _, c := range b {
		if c < 0x20 || c == 0x7F {
			if isControl(rune(c)) {
				n++
			}
		}
	}
	return n, len(b)
}

// decodeUTF8 returns b as text, replacing invalid sequences with U+FFFD
// when they are few (at most maxStrayRatio of the non-ASCII bytes). When
// they are more, it fails with ErrUndecodable if force (a BOM was seen),
// else with errNotUTF8, and sniffing goes on.
func decodeUTF8(b []byte, force bool) (Result, error) {
	if utf8.Valid(b) {
		return Result{Text: string(b), Charset: "utf-8"}, nil
	}
	if len(b) > sampleLen {
		// Legacy-encoded text shows itself in the first bytes.
		if invalid, nonASCII := utf8Stats(b[:sampleLen]); float64(invalid) > 3*maxStrayRatio*float64(nonASCII) && !force {
			return Result{}, errNotUTF8
		}
	}
	invalid, nonASCII := utf8Stats(b)
	if float64(invalid) > maxStrayRatio*float64(nonASCII) {
		if force {
			return Result{}, fmt.Errorf("%w: %d of %d non-ASCII bytes are invalid UTF-8", ErrUndecodable, invalid, nonASCII)
		}
		return Result{}, errNotUTF8
	}
	text, n := repairUTF8(b)
	return Result{Text: text, Charset: "utf-8", Replaced: n}, nil
}

// errNotUTF8 is an internal signal that sniffing must go on.
var errNotUTF8 = errors.New("not UTF-8")

// utf8Stats counts the invalid bytes and the non-ASCII bytes in b.
func utf8Stats(b []byte) (invalid, nonASCII int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			nonASCII++
		} else {
			nonASCII += size
		}
		i += size
	}
	return invalid, nonASCII
}

// repairUTF8 replaces each invalid byte of b with U+FFFD.
func repairUTF8(b []byte) (string, int) {
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	n := 0
	for len(b) > 0 {
		// Copy the longest valid prefix in one go.
		i := 0
		for i < len(b) {
			if b[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		out.Write(b[:i])
		b = b[i:]
		if len(b) > 0 {
			out.WriteRune(utf8.RuneError)
			n++
			b = b[1:]
		}
	}
	return out.String(), n
}

// decl is a declared charset.
type decl struct {
	enc    encoding.Encoding // nil when none or unusable
	utf16  encoding.Encoding // set when the declaration is UTF-16
	name   string            // canonical name, "" when none
	source string            // SourceContentType or SourceMeta
}

// declared finds the charset declared by opt.ContentType or, when opt.HTML,
// by a <meta> element. Unknown labels and the WHATWG "replacement" encoding
// are ignored.
func declared(b []byte, opt Options) decl {
	if label := contentTypeCharset(opt.ContentType); label != "" {
		if d, ok := lookup(label, SourceContentType); ok {
			return d
		}
	}
	if opt.HTML {
		head := b
		if len(head) > metaScanLen {
			head = head[:metaScanLen]
		}
		if label := metaCharset(head); label != "" {
			if d, ok := lookup(label, SourceMeta); ok {
				// A <meta> read as ASCII cannot truthfully declare
				// UTF-16; browsers take it as UTF-8.
				if d.utf16 != nil {
					return decl{enc: encoding.Nop, name: "utf-8", source: SourceMeta}
				}
				return d
			}
		}
	}
	return decl{}
}

// lookup resolves a charset label through the WHATWG index.
func lookup(label, source string) (decl, bool) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return decl{}, false
	}
	name, err := htmlindex.Name(e)
	if err != nil || name == "replacement" || name == "x-user-defined" {
		return decl{}, false
	}
	d := decl{enc: e, name: name, source: source}
	switch name {
	case "utf-8":
		d.enc = encoding.Nop
	case "utf-16le":
		d.utf16 = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-16be":
		d.utf16 = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return d, true
}

// decodeDeclared decodes b (which has no NUL bytes) with a declared
// charset. ok is false when the declaration must be overruled by sniffing.
func decodeDeclared(b []byte, d decl) (Result, bool) {
	if d.utf16 != nil {
		// UTF-16 text always has NUL bytes or is not Latin/Arabic text;
		// without NULs the declaration is wrong.
		return Result{}, false
	}
	if d.name == "utf-8" {
		res, err := decodeUTF8(b, false)
		if err != nil {
			return Result{}, false
		}
		res.Source, res.Declared = d.source, d.name
		return res, true
	}
	// Valid UTF-8 with non-ASCII characters is UTF-8 whatever the page
	// says: legacy encodings of real text almost never form valid UTF-8
	// multi-byte sequences.
	if utf8.Valid(b) {
		if hasNonASCII(b) {
			return Result{Text: string(b), Charset: "utf-8", Source: SourceSniff, Declared: d.name}, true
		}
		return Result{Text: string(b), Charset: d.name, Source: d.source, Declared: d.name}, true
	}
	out, err := d.enc.NewDecoder().Bytes(b)
	if err != nil {
		return Result{}, false
	}
	text := string(out)
	if hasBadRune(text) {
		return Result{}, false
	}
	// A clean decoding may still be the wrong one (Arabic Windows-1256
	// declared as ISO-8859-1 decodes "cleanly" into Latin letters).
	own := scoreText(sampleString(string(blankTags([]byte(text))))).plausibility()
	if own+overrule <= 1 {
		if best, ok := bestSingleByte(b); ok && best.name != d.name && best.p >= own+overrule {
			return Result{}, false
		}
	}
	return Result{Text: text, Charset: d.name, Source: d.source, Declared: d.name}, true
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// hasBadRune reports U+FFFD (a byte the charset leaves undefined) or a
// C1 control character.
func hasBadRune(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r >= 0x80 && r < 0xA0) {
			return true
		}
	}
	return false
}

// sampleString returns the first scoreLen bytes of s, cut on a rune
// boundary.
func sampleString(s string) string {
	if len(s) <= scoreLen {
		return s
	}
	i := scoreLen
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

// sniff decodes b, which has no BOM, no NUL bytes and no trustworthy
// declaration.
func sniff(b []byte) (Result, error) {
	res, err := decodeUTF8(b, false)
	if err == nil {
		res.Source = SourceSniff
		return res, nil
	}
	best, ok := bestSingleByte(b)
	if !ok {
		invalid, nonASCII := utf8Stats(b)
		return Result{}, fmt.Errorf("%w: %d of %d non-ASCII bytes are invalid UTF-8 and no single-byte charset fits (best %s, plausibility %.2f)",
			ErrUndecodable, invalid, nonASCII, best.name, best.p)
	}
	out, err := best.enc.NewDecoder().Bytes(b)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", ErrUndecodable, best.name, err)
	}
	text := string(out)
	return Result{Text: text, Charset: best.name, Source: SourceSniff, Replaced: countReplacement(text)}, nil
}

func countReplacement(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
		}
	}
	return n
}

// candidate is a single-byte charset tried by sniffing.
type candidate struct {
	name string
	enc  encoding.Encoding
	p    float64 // plausibility of the decoded sample, 0..1
	s    float64 // ranking score
}

// candidates lists the single-byte charsets sniffing chooses from, in
// order of preference on ties.
func candidates() []candidate {
	return []candidate{
		{name: "windows-1256", enc: charmap.Windows1256},
		{name: "iso-8859-6", enc: charmap.ISO8859_6},
		{name: "windows-1252", enc: charmap.Windows1252},
	}
}

// bestSingleByte decodes a sample of b with each candidate and returns the
// best; ok is false when even the best is implausible. Windows-1252 is the
// last resort: it wins ties only when the Windows-1256 reading has no
// Arabic letters at all (Latin text).
func bestSingleByte(b []byte) (candidate, bool) {
	if len(b) > scoreLen {
		b = b[:scoreLen]
	}
	b = blankTags(b)
	var best, latin candidate
	arabic := false
	for _, c := range candidates() {
		out, err := c.enc.NewDecoder().Bytes(b)
		if err != nil {
			continue
		}
		st := scoreText(string(out))
		c.p, c.s = st.plausibility(), st.rank()
		switch {
		case c.name == "windows-1252":
			latin = c
		case best.enc == nil:
			best, arabic = c, st.arabic > 0
		case c.s > best.s:
			best = c
		}
	}
	if latin.enc != nil && (latin.s > best.s || (!arabic && latin.s >= best.s)) {
		best = latin
	}
	return best, best.enc != nil && best.p >= minPlausible
}
