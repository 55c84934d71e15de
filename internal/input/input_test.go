package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/rasd-project/rasd/internal/decode"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// Arabic test texts, written for these tests.
const (
	arText  = "قصف مدفعي على بلدة في ريف إدلب الجنوبي أدى إلى إصابة ثلاثة مدنيين."
	arText2 = "أعلنت الشرطة المحلية اعتقال شخصين بتهمة زرع عبوة ناسفة قرب سوق المدينة."
)

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readAll collects the items Read sends for path.
func readAll(t testing.TB, path string, opt Options) []Item {
	t.Helper()
	var items []Item
	Read(context.Background(), path, opt, func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

// record returns one JSON Lines record.
func record(t testing.TB, fields map[string]string) string {
	t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{
		"b.txt", "a.html", "c.jsonl", "d.NDJSON", "e.htm", "f.text", "g.xhtml",
		"sub/z.txt", "sub/deeper/y.txt", "sub.txt",
		// skipped
		".hidden.txt", ".git/config.txt", "sub/.cache/x.jsonl", "notes.md", "image.png", "noext",
	} {
		write(t, filepath.Join(dir, p), arText)
	}
	lone := filepath.Join(dir, ".hidden.txt")
	missing := filepath.Join(dir, "missing.txt")
	missingDir := filepath.Join(dir, "nodir")

	files, bad, skipped := Expand([]string{missing, dir, "-", lone, missingDir})
	var rel []string
	for _, f := range files {
		if f == "-" || f == lone {
			rel = append(rel, f)
			continue
		}
		r, err := filepath.Rel(dir, f)
		if err != nil {
			t.Fatal(err)
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"a.html", "b.txt", "c.jsonl", "d.NDJSON", "e.htm", "f.text", "g.xhtml",
		"sub.txt", "sub/deeper/y.txt", "sub/z.txt", "-", lone}
	if strings.Join(rel, " ") != strings.Join(want, " ") {
		t.Errorf("Expand files\n%q\nwant\n%q", rel, want)
	}
	var rs []string
	for _, f := range skipped {
		r, _ := filepath.Rel(dir, f)
		rs = append(rs, filepath.ToSlash(r))
	}
	sort.Strings(rs)
	if got, want := strings.Join(rs, " "), "image.png noext notes.md"; got != want {
		t.Errorf("Expand skipped %q, want %q (hidden entries are not listed)", got, want)
	}
	if len(bad) != 2 || bad[0].Input.Source != missing || bad[1].Input.Source != missingDir {
		t.Fatalf("Expand bad = %+v", bad)
	}
	for _, b := range bad {
		if !errors.Is(b.Err, fs.ErrNotExist) {
			t.Errorf("%s: %v; want fs.ErrNotExist", b.Input.Source, b.Err)
		}
		if strings.Contains(b.Err.Error(), "stat ") {
			t.Errorf("%s: the message repeats the path: %v", b.Input.Source, b.Err)
		}
	}

	// the same answer twice
	again, _, _ := Expand([]string{missing, dir, "-", lone, missingDir})
	if strings.Join(again, "\n") != strings.Join(files, "\n") {
		t.Errorf("Expand is not stable")
	}

	// a hidden directory named on the command line is walked
	files, bad, _ = Expand([]string{filepath.Join(dir, ".git")})
	if len(files) != 1 || len(bad) != 0 || filepath.Base(files[0]) != "config.txt" {
		t.Errorf("Expand(.git) = %q, %+v", files, bad)
	}
	// an empty directory gives nothing
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if files, bad, _ = Expand([]string{empty}); len(files)+len(bad) != 0 {
		t.Errorf("Expand(empty dir) = %q, %+v", files, bad)
	}
	if files, bad, _ = Expand(nil); len(files)+len(bad) != 0 {
		t.Errorf("Expand(nil) = %q, %+v", files, bad)
	}
}

func TestReadFormats(t *testing.T) {
	dir := t.TempDir()
	html := "<html><body><p>" + arText + "</p></body></html>"
	for _, tc := range []struct {
		name, content string
		format        pipeline.Format
	}{
		{"a.txt", arText, pipeline.Text},
		{"a.TEXT", arText, pipeline.Text},
		{"a.html", html, pipeline.HTML},
		{"a.HTM", html, pipeline.HTML},
		{"a.xhtml", html, pipeline.HTML},
		{"article", arText, pipeline.Auto}, // named, unknown extension: sniffed later
		{"page.php", html, pipeline.Auto},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			write(t, path, tc.content)
			items := readAll(t, path, Options{})
			if len(items) != 1 {
				t.Fatalf("%d items", len(items))
			}
			it := items[0]
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if it.Input.Source != path || it.Input.Format != tc.format || string(it.Input.Data) != tc.content || it.Input.Text != "" {
				t.Errorf("item %+v", it.Input)
			}
		})
	}
	for _, name := range []string{"a.jsonl", "a.NDJSON"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			write(t, path, record(t, map[string]string{"doc_id": "x", "text": arText})+"\n"+record(t, map[string]string{"html": html})+"\n")
			items := readAll(t, path, Options{})
			if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
				t.Fatalf("items %+v", items)
			}
			if in := items[0].Input; in.Source != path+":1" || in.ID != "x" || in.Text != arText || in.Format != pipeline.Text || in.Data != nil {
				t.Errorf("text record %+v", in)
			}
			if in := items[1].Input; in.Source != path+":2" || in.Text != html || in.Format != pipeline.HTML {
				t.Errorf("html record %+v", in)
			}
		})
	}
}

func TestReadStdin(t *testing.T) {
	items := readAll(t, "-", Options{Stdin: strings.NewReader(arText)})
	if len(items) != 1 || items[0].Err != nil || items[0].Input.Source != "stdin" || string(items[0].Input.Data) != arText || items[0].Input.Format != pipeline.Auto {
		t.Errorf("text on stdin: %+v", items)
	}
	// JSON Lines are recognised by their first character, after a BOM and blanks
	jsonl := "\ufeff \n" + record(t, map[string]string{"text": arText}) + "\n" + record(t, map[string]string{"text": arText2})
	items = readAll(t, "-", Options{Stdin: strings.NewReader(jsonl)})
	if len(items) != 2 || items[0].Input.Source != "stdin:2" || items[1].Input.Source != "stdin:3" || items[1].Input.Text != arText2 {
		t.Errorf("JSON Lines on stdin: %+v", items)
	}
	items = readAll(t, "-", Options{})
	if len(items) != 1 || items[0].Err == nil || items[0].Input.Source != "stdin" {
		t.Errorf("no stdin: %+v", items)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	items := readAll(t, missing, Options{})
	if len(items) != 1 || !errors.Is(items[0].Err, fs.ErrNotExist) || items[0].Input.Source != missing {
		t.Errorf("missing file: %+v", items)
	}
	if msg := items[0].Err.Error(); strings.Contains(msg, missing) {
		t.Errorf("the message repeats the path: %q", msg)
	}

	// a directory named as a file
	items = readAll(t, dir, Options{})
	if len(items) != 1 || items[0].Err == nil {
		t.Errorf("directory: %+v", items)
	}

	// the size limit
	path := filepath.Join(dir, "a.txt")
	write(t, path, arText)
	n := int64(len(arText))
	for _, tc := range []struct {
		max     int64
		tooLong bool
	}{
		{n - 1, true}, {n, false}, {n + 1, false}, {-1, false}, {0, false}, {1, true},
	} {
		items = readAll(t, path, Options{MaxSize: tc.max})
		if len(items) != 1 {
			t.Fatalf("MaxSize %d: %d items", tc.max, len(items))
		}
		if got := errors.Is(items[0].Err, decode.ErrTooLarge); got != tc.tooLong {
			t.Errorf("MaxSize %d (file %d bytes): err %v", tc.max, n, items[0].Err)
		}
		if !tc.tooLong && string(items[0].Input.Data) != arText {
			t.Errorf("MaxSize %d: data %q", tc.max, items[0].Input.Data)
		}
	}
}

// jsonlItems reads JSON Lines content through Read.
func jsonlItems(t testing.TB, content string, opt Options) []Item {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.jsonl")
	write(t, path, content)
	items := readAll(t, path, opt)
	for i := range items {
		items[i].Input.Source = strings.TrimPrefix(items[i].Input.Source, path)
	}
	return items
}

// summarize renders items as "source=id" or "source!error".
func summarize(items []Item) string {
	var parts []string
	for _, it := range items {
		if it.Err != nil {
			parts = append(parts, it.Input.Source+"!"+it.Err.Error())
			continue
		}
		parts = append(parts, it.Input.Source+"="+it.Input.ID)
	}
	return strings.Join(parts, " | ")
}

func TestReadJSONL(t *testing.T) {
	rec := func(id string) string { return record(t, map[string]string{"doc_id": id, "text": arText}) }
	long := record(t, map[string]string{"doc_id": "long", "text": strings.Repeat(arText, 40)}) // about 5 KB
	for _, tc := range []struct {
		name, in string
		max      int64
		want     string
	}{
		{"two records", rec("a") + "\n" + rec("b") + "\n", 0, ":1=a | :2=b"},
		{"no final newline", rec("a") + "\n" + rec("b"), 0, ":1=a | :2=b"},
		{"CRLF", rec("a") + "\r\n" + rec("b") + "\r\n", 0, ":1=a | :2=b"},
		{"BOM", "\ufeff" + rec("a") + "\n" + rec("b") + "\n", 0, ":1=a | :2=b"},
		{"blank lines", "\n" + rec("a") + "\n   \n\t\r\n" + rec("b") + "\n\n", 0, ":2=a | :5=b"},
		{"surrounding blanks", "  " + rec("a") + "\t\n", 0, ":1=a"},
		{"empty", "", 0, ""},
		{"only blanks", "\n\n \n", 0, ""},
		{"bad JSON", rec("a") + "\n{\"doc_id\": \"b\", \"text\": \n" + rec("c") + "\n", 0,
			":1=a | :2!not a JSON article record: unexpected end of JSON input | :3=c"},
		{"not an object", "[1, 2]\n" + rec("a") + "\n", 0,
			":1!not a JSON article record: json: cannot unmarshal array into Go value of type input.Record | :2=a"},
		{"trailing data", rec("a") + " " + rec("b") + "\n", 0,
			":1!not a JSON article record: invalid character '{' after top-level value"},
		{"null", "null\n", 0, `:1!record has neither "text" nor "html"`},
		{"no text", `{"doc_id": "a", "url": "https://example.org/1"}` + "\n", 0, `:1!record has neither "text" nor "html"`},
		{"wrong type", `{"doc_id": 12, "text": "نص"}` + "\n", 0,
			":1!not a JSON article record: json: cannot unmarshal number into Go struct field Record.doc_id of type string"},
		{"bad published", `{"doc_id": "a", "published": "17/06/2018", "text": "نص"}` + "\n" + rec("b") + "\n", 0,
			`:1!bad published date "17/06/2018" (want YYYY-MM-DD) | :2=b`},
		{"month only", `{"doc_id": "a", "published": "2018-06", "text": "نص"}` + "\n", 0,
			`:1!bad published date "2018-06" (want YYYY-MM-DD)`},
		{"impossible date", `{"doc_id": "a", "published": "2018-02-30", "text": "نص"}` + "\n", 0,
			`:1!bad published date "2018-02-30" (want YYYY-MM-DD)`},
		{"long line over the limit", rec("a") + "\n" + long + "\n" + rec("b") + "\n", 1000,
			":1=a | :2!content too large: record longer than 1000 bytes | :3=b"},
		{"long last line over the limit", rec("a") + "\n" + long, 1000,
			":1=a | :2!content too large: record longer than 1000 bytes"},
		{"long line, no limit", long + "\n", -1, ":1=long"},
		{"long line over the bufio buffer", record(t, map[string]string{"doc_id": "huge", "text": strings.Repeat(arText, 2000)}) + "\n" + rec("b"), 0,
			":1=huge | :2=b"},
		{"huge line over the limit", record(t, map[string]string{"doc_id": "huge", "text": strings.Repeat(arText, 2000)}) + "\n" + rec("b"), 200000,
			":1!content too large: record longer than 200000 bytes | :2=b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summarize(jsonlItems(t, tc.in, Options{MaxSize: tc.max})); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestReadJSONLLimit checks the record size limit at its edge: a record of
// exactly MaxSize bytes passes, with or without a line break after it.
func TestReadJSONLLimit(t *testing.T) {
	r := record(t, map[string]string{"doc_id": "a", "text": arText})
	n := int64(len(r))
	for _, tc := range []struct {
		in   string
		max  int64
		want string
	}{
		{r, n, ":1=a"},
		{r + "\n", n, ":1=a"},
		{r + "\r\n", n, ":1=a"},
		{r + "\n", n - 1, ":1!content too large: record longer than " + strconv.FormatInt(n-1, 10) + " bytes"},
		{r, n - 1, ":1!content too large: record longer than " + strconv.FormatInt(n-1, 10) + " bytes"},
		{r + "\r\n", n - 1, ":1!content too large: record longer than " + strconv.FormatInt(n-1, 10) + " bytes"},
	} {
		if got := summarize(jsonlItems(t, tc.in, Options{MaxSize: tc.max})); got != tc.want {
			t.Errorf("%q with MaxSize %d:\ngot  %s\nwant %s", tc.in[len(tc.in)-3:], tc.max, got, tc.want)
		}
	}
}

func TestReadJSONLFields(t *testing.T) {
	in := `{"doc_id":"a1","url":"https://example.org/x","outlet":"example.org","published":" 2018-06-17 ","title":"عنوان","text":"نص","extra":[1,2]}` + "\n" +
		`{"text":"نص","html":"<p>صفحة</p>"}` + "\n" +
		`{"published":"2018-06-17T23:30:00+03:00","text":"نص"}` + "\n" +
		`{"published":"2018-06-17T23:30:00Z","text":"نص"}` + "\n" +
		`{"published":"2018-06-17 garbage","text":"نص"}` + "\n" +
		`{"published":null,"url":null,"text":"نص"}` + "\n"
	items := jsonlItems(t, in, Options{})
	if len(items) != 6 {
		t.Fatalf("%d items", len(items))
	}
	a := items[0].Input
	if items[0].Err != nil || a.ID != "a1" || a.URL != "https://example.org/x" || a.Outlet != "example.org" || a.Title != "عنوان" ||
		a.Published != (doc.Date{Year: 2018, Month: 6, Day: 17}) || a.Text != "نص" || a.Format != pipeline.Text {
		t.Errorf("fields: %+v %v", a, items[0].Err)
	}
	if b := items[1].Input; b.Text != "<p>صفحة</p>" || b.Format != pipeline.HTML {
		t.Errorf("html wins over text: %+v", b)
	}
	// a timestamp: its own calendar date, not UTC's
	for i, want := range []doc.Date{{Year: 2018, Month: 6, Day: 17}, {Year: 2018, Month: 6, Day: 17}} {
		if it := items[2+i]; it.Err != nil || it.Input.Published != want {
			t.Errorf("timestamp %d: %+v %v", i, it.Input.Published, it.Err)
		}
	}
	if items[4].Err == nil {
		t.Errorf("a date with trailing garbage is accepted: %+v", items[4].Input.Published)
	}
	if it := items[5]; it.Err != nil || !it.Input.Published.IsZero() || it.Input.URL != "" {
		t.Errorf("nulls: %+v %v", it.Input, it.Err)
	}
}

func TestReadJSONLUTF16(t *testing.T) {
	content := record(t, map[string]string{"doc_id": "a", "text": arText}) + "\r\n" + record(t, map[string]string{"doc_id": "b", "text": arText2}) + "\r\n"
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(content))
		if err != nil {
			t.Fatal(err)
		}
		items := jsonlItems(t, string(b), Options{})
		if got := summarize(items); got != ":1=a | :2=b" || items[1].Input.Text != arText2 {
			t.Errorf("UTF-16 (%v): %s", order, got)
		}
	}
}

// TestReadStops checks that Read stops when send returns false or the
// context is done.
func TestReadStops(t *testing.T) {
	var lines []string
	for i := range 10 {
		lines = append(lines, record(t, map[string]string{"doc_id": strconv.Itoa(i), "text": arText}))
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	write(t, path, strings.Join(lines, "\n"))

	n := 0
	Read(context.Background(), path, Options{}, func(Item) bool { n++; return n < 3 })
	if n != 3 {
		t.Errorf("send returned false after 3 items; got %d", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	Read(ctx, path, Options{}, func(Item) bool {
		n++
		if n == 4 {
			cancel()
		}
		return true
	})
	if n != 4 {
		t.Errorf("context cancelled after 4 items; got %d", n)
	}
}

func TestReadLine(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int64
		want []string // "!" for ErrTooLarge
	}{
		{"abc\ndef\n", 3, []string{"abc", "def"}},
		{"abc\r\ndef", 3, []string{"abc", "def"}},
		{"abcd\nef\n", 3, []string{"!", "ef"}},
		{"abcd\r\nef", 3, []string{"!", "ef"}},
		{"\n\nx", 3, []string{"", "", "x"}},
		{strings.Repeat("x", 100) + "\ny", 10, []string{"!", "y"}},
		{strings.Repeat("x", 100) + "\ny", -1, []string{strings.Repeat("x", 100), "y"}},
	} {
		br := bufio.NewReaderSize(strings.NewReader(tc.in), 16)
		var got []string
		for range 10 {
			b, err := readLine(br, tc.max)
			if errors.Is(err, decode.ErrTooLarge) {
				got = append(got, "!")
				continue
			}
			if err != nil && len(b) == 0 {
				break
			}
			got = append(got, string(b))
			if err != nil {
				break
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("readLine(%q, %d) = %q; want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

// FuzzJSONL feeds arbitrary bytes to the JSON Lines reader: it must not
// panic, every item must name its source line, and a good item must carry
// text in a known format.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"doc_id":"a","text":"نص"}`+"\n"), int16(0))
	f.Add([]byte("\ufeff"+`{"html":"<p>x</p>","published":"2018-06-17"}`+"\r\n\r\n{bad"), int16(10))
	f.Add([]byte(`{"published":"2018-06-17T10:00:00+03:00","text":"x"}`), int16(-1))
	f.Add([]byte("\xff\xfe{\x00}\x00\n\x00"), int16(5))
	f.Add([]byte("null\n[]\n\"s\"\n1\n"), int16(3))
	f.Fuzz(func(t *testing.T, data []byte, max int16) {
		lines := bytes.Count(data, []byte("\n")) + 1
		opt := Options{MaxSize: int64(max)}
		last := 0
		readJSONL(context.Background(), "f.jsonl", bufio.NewReaderSize(bytes.NewReader(data), 16), opt, func(it Item) bool {
			src := it.Input.Source
			n, err := strconv.Atoi(strings.TrimPrefix(src, "f.jsonl:"))
			if !strings.HasPrefix(src, "f.jsonl:") || err != nil || n <= last {
				t.Fatalf("item source %q after line %d", src, last)
			}
			last = n
			if it.Err == nil {
				if it.Input.Text == "" || (it.Input.Format != pipeline.Text && it.Input.Format != pipeline.HTML) {
					t.Fatalf("%s: good item without text: %+v", src, it.Input)
				}
				if !it.Input.Published.IsZero() && !it.Input.Published.Valid() {
					t.Fatalf("%s: invalid published date %+v", src, it.Input.Published)
				}
			}
			return true
		})
		// UTF-16 input may have its own line breaks; bytes count them otherwise
		if last > lines && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			t.Fatalf("line %d of %d", last, lines)
		}
	})
}
