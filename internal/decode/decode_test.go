package decode

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Arabic test strings, written for these tests.
const (
	arHeadline = "قصف مدفعي يستهدف قرى في ريف حلب الشمالي"
	arBody     = "أفاد ناشطون محليون بأن قصفاً مدفعياً استهدف صباح اليوم الأربعاء عدة قرى في ريف حلب الشمالي، ما أدى إلى إصابة أربعة مدنيين بجروح متفاوتة، بينهم امرأة وطفل."
	arShort    = "مقتل ثلاثة مدنيين بغارة على إدلب"
	// arPersian uses letters (پ چ گ) that ISO-8859-6 lacks but
	// Windows-1256 has.
	arPersian = "وصل وفد من گروه الإغاثة إلى مخيم پناه قرب چشمة الماء في الشمال."
	// arVowelled carries diacritics.
	arVowelled = "قَالَ المُتَحَدِّثُ إِنَّ القُوَّاتِ سَيْطَرَتْ عَلَى البَلْدَةِ بِالكَامِلِ."
	frText     = "Le café de la gare a été fermé après l'explosion, a précisé la préfecture."
	ruText     = "Сирийская армия заявила о взятии под контроль нескольких деревень."
)

func mustEncode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

var (
	le16 = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be16 = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

type decodeCase struct {
	name        string
	in          []byte
	opt         Options
	wantCharset string
	wantSource  string
	wantText    string // exact, when set
	wantHas     string // substring, when set
	wantErr     error
	wantRepl    int
}

func decodeCases(t testing.TB) []decodeCase {
	article, err := os.ReadFile("testdata/article_ar.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := string(article)
	w1256 := func(s string) []byte { return mustEncode(t, charmap.Windows1256, s) }
	iso6 := func(s string) []byte { return mustEncode(t, charmap.ISO8859_6, s) }
	html := func(head string, body []byte) []byte {
		return cat([]byte("<!DOCTYPE html><html dir=\"rtl\"><head>"+head+"<title>News</title></head><body><p>"), body, []byte("</p></body></html>"))
	}
	// Windows-1256 Arabic with the Arabic-only section of the table (no
	// ل, ي, و ...) would be ambiguous; the real text is not.
	bigPad := bytes.Repeat([]byte("<!-- padding padding padding -->\n"), 200) // > 4 KiB
	mostlyInvalid := []byte(arBody + arBody)
	for i := 1; i < len(mostlyInvalid); i += 3 {
		mostlyInvalid[i] = 0xFF
	}
	stray := cat([]byte(arHeadline), []byte{0xFF}, []byte(" "), []byte(arBody), []byte{0xC3}, []byte(" "+arBody))
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)

	return []decodeCase{
		{name: "empty", in: nil, wantCharset: "utf-8", wantText: ""},
		{name: "ascii", in: []byte("Damascus, 12 June (Reuters)\n"), wantCharset: "utf-8", wantSource: SourceSniff, wantText: "Damascus, 12 June (Reuters)\n"},
		{name: "utf8 arabic", in: []byte(art), wantCharset: "utf-8", wantText: art},
		{name: "utf8 BOM", in: cat([]byte{0xEF, 0xBB, 0xBF}, []byte(arHeadline)), wantCharset: "utf-8", wantSource: SourceBOM, wantText: arHeadline},
		{name: "utf16le BOM", in: cat([]byte{0xFF, 0xFE}, mustEncode(t, le16, art)), wantCharset: "utf-16le", wantSource: SourceBOM, wantText: art},
		{name: "utf16be BOM", in: cat([]byte{0xFE, 0xFF}, mustEncode(t, be16, art)), wantCharset: "utf-16be", wantSource: SourceBOM, wantText: art},
		{name: "utf32le BOM", in: cat([]byte{0xFF, 0xFE, 0, 0}, mustEncode(t, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), arShort)), wantCharset: "utf-32le", wantSource: SourceBOM, wantText: arShort},
		{name: "utf16le no BOM arabic", in: mustEncode(t, le16, art), wantCharset: "utf-16le", wantSource: SourceSniff, wantText: art},
		{name: "utf16be no BOM arabic", in: mustEncode(t, be16, art), wantCharset: "utf-16be", wantSource: SourceSniff, wantText: art},
		{name: "utf16le no BOM english", in: mustEncode(t, le16, "Two soldiers were killed near Kirkuk."), wantCharset: "utf-16le", wantText: "Two soldiers were killed near Kirkuk."},
		{name: "utf16le BOM odd length", in: cat([]byte{0xFF, 0xFE}, mustEncode(t, le16, arShort), []byte{'x'}), wantCharset: "utf-16le", wantHas: arShort, wantRepl: 1},
		{name: "windows-1256 article", in: w1256(art), wantCharset: "windows-1256", wantSource: SourceSniff, wantText: art},
		{name: "windows-1256 headline", in: w1256(arShort), wantCharset: "windows-1256", wantText: arShort},
		{name: "windows-1256 persian letters", in: w1256(arPersian), wantCharset: "windows-1256", wantText: arPersian},
		{name: "windows-1256 diacritics", in: w1256(arVowelled), wantCharset: "windows-1256", wantText: arVowelled},
		{name: "iso-8859-6 article", in: iso6(art), wantCharset: "iso-8859-6", wantSource: SourceSniff, wantText: art},
		{name: "iso-8859-6 headline", in: iso6(arHeadline), wantCharset: "iso-8859-6", wantText: arHeadline},
		{name: "iso-8859-6 diacritics", in: iso6(arVowelled), wantCharset: "iso-8859-6", wantText: arVowelled},
		{name: "windows-1252 french", in: mustEncode(t, charmap.Windows1252, frText), wantCharset: "windows-1252", wantText: frText},
		{name: "latin stray byte", in: []byte("Caf\xe9 Riche, Cairo"), wantCharset: "windows-1252", wantText: "Café Riche, Cairo"},
		{name: "content-type windows-1256", in: w1256(art), opt: Options{ContentType: "text/html; charset=windows-1256"}, wantCharset: "windows-1256", wantSource: SourceContentType, wantText: art},
		{name: "content-type cp1256 alias", in: w1256(arBody), opt: Options{ContentType: "text/plain;charset=CP1256"}, wantCharset: "windows-1256", wantSource: SourceContentType, wantText: arBody},
		{name: "content-type iso-8859-6 honoured", in: iso6(art), opt: Options{ContentType: "text/html; charset=ISO-8859-6"}, wantCharset: "iso-8859-6", wantSource: SourceContentType, wantText: art},
		{name: "content-type iso-8859-6 mislabel of windows-1256", in: w1256(art), opt: Options{ContentType: "text/html; charset=iso-8859-6"}, wantCharset: "windows-1256", wantSource: SourceSniff, wantText: art},
		{name: "content-type utf-8 mislabel of windows-1256", in: w1256(art), opt: Options{ContentType: "text/html; charset=utf-8"}, wantCharset: "windows-1256", wantSource: SourceSniff, wantText: art},
		{name: "content-type windows-1256 but utf-8", in: []byte(art), opt: Options{ContentType: "text/html; charset=windows-1256"}, wantCharset: "utf-8", wantSource: SourceSniff, wantText: art},
		{name: "content-type windows-1256 ascii", in: []byte("<p>Reuters</p>"), opt: Options{ContentType: "text/html; charset=windows-1256"}, wantCharset: "windows-1256", wantSource: SourceContentType},
		{name: "content-type latin1 mislabel of arabic", in: w1256(art), opt: Options{ContentType: "text/html; charset=iso-8859-1"}, wantCharset: "windows-1256", wantSource: SourceSniff, wantText: art},
		{name: "content-type windows-1251 russian", in: mustEncode(t, charmap.Windows1251, ruText), opt: Options{ContentType: "text/plain; charset=windows-1251"}, wantCharset: "windows-1251", wantSource: SourceContentType, wantText: ruText},
		{name: "content-type utf-16 declared", in: mustEncode(t, le16, art), opt: Options{ContentType: "text/plain; charset=utf-16"}, wantCharset: "utf-16le", wantSource: SourceContentType, wantText: art},
		{name: "content-type malformed", in: w1256(arBody), opt: Options{ContentType: "text/html;; charset=\"windows-1256\" ;"}, wantCharset: "windows-1256", wantText: arBody},
		{name: "content-type replacement charset ignored", in: w1256(arBody), opt: Options{ContentType: "text/html; charset=iso-2022-kr"}, wantCharset: "windows-1256", wantSource: SourceSniff, wantText: arBody},
		{name: "utf16 BOM then NUL characters", in: cat([]byte{0xFF, 0xFE}, make([]byte, 200)), wantErr: ErrBinary},
		{name: "content-type unknown charset", in: w1256(arBody), opt: Options{ContentType: "text/html; charset=x-no-such"}, wantCharset: "windows-1256", wantSource: SourceSniff, wantText: arBody},
		{name: "meta charset", in: html(`<meta charset="windows-1256">`, w1256(arBody)), opt: Options{HTML: true}, wantCharset: "windows-1256", wantSource: SourceMeta, wantHas: arBody},
		{name: "meta http-equiv", in: html(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-6">`, iso6(arBody)), opt: Options{HTML: true}, wantCharset: "iso-8859-6", wantSource: SourceMeta, wantHas: arBody},
		{name: "meta ignored without HTML", in: html(`<meta charset="windows-1256">`, w1256(arBody)), wantCharset: "windows-1256", wantSource: SourceSniff, wantHas: arBody},
		{name: "meta beyond 4 KiB", in: html(string(bigPad)+`<meta charset="iso-8859-6">`, w1256(arBody)), opt: Options{HTML: true}, wantCharset: "windows-1256", wantSource: SourceSniff, wantHas: arBody},
		{name: "meta utf-16 means utf-8", in: html(`<meta charset="utf-16">`, []byte(arBody)), opt: Options{HTML: true}, wantCharset: "utf-8", wantSource: SourceMeta, wantHas: arBody},
		{name: "meta windows-1256 page is utf-8", in: html(`<meta charset="windows-1256">`, []byte(arBody)), opt: Options{HTML: true}, wantCharset: "utf-8", wantSource: SourceSniff, wantHas: arBody},
		{name: "content-type wins over meta", in: html(`<meta charset="windows-1256">`, iso6(arBody)), opt: Options{HTML: true, ContentType: "text/html; charset=iso-8859-6"}, wantCharset: "iso-8859-6", wantSource: SourceContentType, wantHas: arBody},
		{name: "BOM wins over content-type", in: cat([]byte{0xEF, 0xBB, 0xBF}, []byte(arBody)), opt: Options{ContentType: "text/html; charset=windows-1256"}, wantCharset: "utf-8", wantSource: SourceBOM, wantText: arBody},
		{name: "stray invalid bytes", in: stray, wantCharset: "utf-8", wantRepl: 2, wantHas: arHeadline + "\uFFFD " + arBody + "\uFFFD "},
		{name: "truncated final rune", in: []byte(arShort)[:len(arShort)-1], wantCharset: "utf-8", wantRepl: 1},
		{name: "mostly invalid", in: mostlyInvalid, wantErr: ErrUndecodable},
		{name: "utf8 BOM then binary", in: cat([]byte{0xEF, 0xBB, 0xBF}, []byte("ab\x00\x01\x02cd")), wantErr: ErrBinary},
		{name: "BOM then mostly invalid", in: cat([]byte{0xEF, 0xBB, 0xBF}, mostlyInvalid), wantErr: ErrUndecodable},
		{name: "few control chars kept", in: []byte("a\x01b\tc\r\n" + arShort), wantCharset: "utf-8", wantText: "a\x01b\tc\r\n" + arShort},
		{name: "pdf", in: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), wantErr: ErrBinary},
		{name: "zip", in: []byte("PK\x03\x04\x14\x00\x06\x00"), wantErr: ErrBinary},
		{name: "png", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary},
		{name: "jpeg", in: []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), wantErr: ErrBinary},
		{name: "gzip", in: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), wantErr: ErrBinary},
		{name: "gif", in: []byte("GIF89a\x01\x00\x01\x00"), wantErr: ErrBinary},
		{name: "elf", in: []byte("\x7fELF\x02\x01\x01"), wantErr: ErrBinary},
		{name: "text starting like bzip2", in: []byte("BZh is not a word"), wantCharset: "utf-8"},
		{name: "NUL in ascii text", in: []byte("hello\x00world, this is plain text with one NUL"), wantErr: ErrBinary},
		{name: "NUL in arabic text", in: cat([]byte(arBody), []byte{0}, []byte(arBody)), wantErr: ErrBinary},
		{name: "control characters", in: bytes.Repeat([]byte("ab\x01\x02\x03\x04cd"), 50), wantErr: ErrBinary},
		{name: "random bytes", in: random, wantErr: ErrBinary},
		{name: "too large", in: []byte(arBody), opt: Options{MaxSize: 10}, wantErr: ErrTooLarge},
		{name: "exactly max size", in: []byte("0123456789"), opt: Options{MaxSize: 10}, wantCharset: "utf-8", wantText: "0123456789"},
		{name: "no limit", in: []byte(arBody), opt: Options{MaxSize: -1}, wantCharset: "utf-8", wantText: arBody},
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range decodeCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.in, tc.opt)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Decode error = %v; want %v (charset %q, text %.60q)", err, tc.wantErr, res.Charset, res.Text)
				}
				if err.Error() == tc.wantErr.Error() {
					t.Errorf("error %q carries no detail", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode error = %v", err)
			}
			if !utf8.ValidString(res.Text) {
				t.Errorf("Text is not valid UTF-8")
			}
			if res.Charset != tc.wantCharset {
				t.Errorf("Charset = %q; want %q", res.Charset, tc.wantCharset)
			}
			if tc.wantSource != "" && res.Source != tc.wantSource {
				t.Errorf("Source = %q; want %q", res.Source, tc.wantSource)
			}
			if tc.wantText != "" && res.Text != tc.wantText {
				t.Errorf("Text = %.200q; want %.200q", res.Text, tc.wantText)
			}
			if tc.wantHas != "" && !strings.Contains(res.Text, tc.wantHas) {
				t.Errorf("Text = %.200q; want it to contain %.200q", res.Text, tc.wantHas)
			}
			if res.Replaced != tc.wantRepl {
				t.Errorf("Replaced = %d; want %d", res.Replaced, tc.wantRepl)
			}
			if strings.HasPrefix(res.Text, "\uFEFF") {
				t.Errorf("BOM left in Text")
			}
		})
	}
}

func TestDecodeDeclared(t *testing.T) {
	// Declared is reported even when the declaration is overruled.
	b := mustEncode(t, charmap.Windows1256, arBody)
	res, err := Decode(b, Options{ContentType: "text/html; charset=utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Declared != "utf-8" || res.Charset != "windows-1256" {
		t.Errorf("Declared, Charset = %q, %q; want utf-8, windows-1256", res.Declared, res.Charset)
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		opt     Options
		want    string
		wantErr error
	}{
		{name: "small", in: arShort, want: arShort},
		{name: "at limit", in: "abcdef", opt: Options{MaxSize: 6}, want: "abcdef"},
		{name: "over limit", in: "abcdefg", opt: Options{MaxSize: 6}, wantErr: ErrTooLarge},
		{name: "unlimited", in: strings.Repeat(arShort, 100), opt: Options{MaxSize: -1}, want: strings.Repeat(arShort, 100)},
		{name: "binary", in: "%PDF-1.4 ...", wantErr: ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tc.in), tc.opt)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Read error = %v; want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil || res.Text != tc.want {
				t.Fatalf("Read = %.60q, %v; want %.60q", res.Text, err, tc.want)
			}
		})
	}
}

// errReader fails after its data.
type errReader struct{ data []byte }

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("connection reset")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadError(t *testing.T) {
	_, err := Read(&errReader{data: []byte(arShort)}, Options{})
	if err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Fatalf("Read error = %v; want the reader's error", err)
	}
}

// TestReadLimitReadsOnlyMaxPlusOne checks that Read stops consuming the
// reader after MaxSize+1 bytes.
func TestReadLimitReadsOnlyMaxPlusOne(t *testing.T) {
	r := strings.NewReader(strings.Repeat("x", 1000))
	_, err := Read(r, Options{MaxSize: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v; want ErrTooLarge", err)
	}
	if got := r.Len(); got != 1000-101 {
		t.Errorf("unread = %d; want %d", got, 1000-101)
	}
}

func TestMetaCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="windows-1256">`, "windows-1256"},
		{`<meta charset=utf-8 />`, "utf-8"},
		{`<META http-equiv="content-type" content="text/html;charset=ISO-8859-6">`, "ISO-8859-6"},
		{`<meta content="text/html; charset=windows-1256" http-equiv="Content-Type">`, "windows-1256"},
		{`<meta name="description" content="charset=nothing">`, ""},
		{`<meta http-equiv="refresh" content="5; charset=utf-8">`, ""},
		{`<!-- <meta charset="koi8-r"> --><meta charset="utf-8">`, "utf-8"},
		{`<p>no meta`, ""},
	}
	for _, tc := range tests {
		if got := metaCharset([]byte(tc.in)); got != tc.want {
			t.Errorf("metaCharset(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestContentTypeCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"text/html", ""},
		{"text/html; charset=windows-1256", "windows-1256"},
		{`text/html; charset="UTF-8"`, "UTF-8"},
		{"text/html;charset=cp1256;;", "cp1256"},
		{"text/html; charset = 'iso-8859-6' ; x", "iso-8859-6"},
		{"\x80ChArset", ""},
		{"\xff; CHARSET=cp1256", "cp1256"},
	}
	for _, tc := range tests {
		if got := contentTypeCharset(tc.in); got != tc.want {
			t.Errorf("contentTypeCharset(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases(f) {
		f.Add(tc.in, tc.opt.ContentType, tc.opt.HTML)
	}
	f.Fuzz(func(t *testing.T, b []byte, ct string, isHTML bool) {
		opt := Options{ContentType: ct, HTML: isHTML, MaxSize: 1 << 20}
		res, err := Decode(b, opt)
		if err != nil {
			if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrUndecodable) {
				t.Fatalf("error %v is none of the sentinels", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 from %q", b)
		}
		if res.Charset == "" || res.Source == "" && len(b) > 0 {
			t.Fatalf("Charset %q Source %q", res.Charset, res.Source)
		}
		res2, err := Read(bytes.NewReader(b), opt)
		if err != nil || res2 != res {
			t.Fatalf("Read differs from Decode: %v", err)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	article, err := os.ReadFile("testdata/article_ar.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(article), 256) // about 350 KB
	inputs := []struct {
		name string
		in   []byte
		opt  Options
	}{
		{"utf-8", []byte(text), Options{}},
		{"utf-8 declared", []byte(text), Options{ContentType: "text/html; charset=utf-8"}},
		{"windows-1256", mustEncode(b, charmap.Windows1256, text), Options{}},
		{"windows-1256 declared", mustEncode(b, charmap.Windows1256, text), Options{ContentType: "text/html; charset=windows-1256"}},
		{"iso-8859-6", mustEncode(b, charmap.ISO8859_6, text), Options{}},
		{"utf-16le", mustEncode(b, le16, text), Options{}},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(in.in, in.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
