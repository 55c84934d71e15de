package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// The fixtures under testdata/ are Arabic news texts written for these
// tests: article.txt (a scraped page with site furniture), article.html,
// articles.jsonl (records, one of them bad JSON and one without text).
const (
	articleTxt   = "testdata/article.txt"
	articleHTML  = "testdata/article.html"
	articleJSONL = "testdata/articles.jsonl"

	// the headline and the last body sentence of article.txt
	txtHeadline = `اشتباكات بين "قسد" وفصائل موالية لتركيا في ريف منبج`
	txtLastSent = "نزحوا خلال الأسبوع الماضي."
)

// decodeJSONL parses extract's JSON Lines output and checks every object's
// offsets.
func decodeJSONL(t testing.TB, out string) []contract.Article {
	t.Helper()
	var arts []contract.Article
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			if out == "" {
				break
			}
			t.Fatalf("line %d is empty", i+1)
		}
		var a contract.Article
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d: %v\n%s", i+1, err, clip(line))
		}
		checkOffsets(t, &a)
		arts = append(arts, a)
	}
	return arts
}

// checkOffsets checks the contract's offset rule on every mention of a:
// string([]rune(text)[start:end]) == mention.
func checkOffsets(t testing.TB, a *contract.Article) {
	t.Helper()
	text := []rune(a.Text)
	check := func(what, mention string, start, end int) {
		t.Helper()
		if start < 0 || end < start || end > len(text) {
			t.Errorf("%s: %s %q: offsets [%d, %d) outside the text (%d code points)", a.DocID, what, mention, start, end, len(text))
			return
		}
		if got := string(text[start:end]); got != mention {
			t.Errorf("%s: %s: text[%d:%d] = %q; mention %q", a.DocID, what, start, end, got, mention)
		}
		if strings.TrimSpace(mention) == "" {
			t.Errorf("%s: %s: empty mention at %d", a.DocID, what, start)
		}
	}
	a.Spans(check)
}

// summary returns the last line of stderr, which must be the summary.
func summary(t testing.TB, stderr string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "rasd extract: ") {
		t.Fatalf("stderr does not end with the summary line:\n%s", stderr)
	}
	return last
}

var summaryRE = regexp.MustCompile(`^rasd extract: (\d+) articles, (\d+) failed, (\d+) events \(`)

// wantSummary checks the counts of the summary line.
func wantSummary(t testing.TB, stderr string, ok, failed int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(summary(t, stderr))
	if m == nil {
		t.Fatalf("summary line %q", summary(t, stderr))
	}
	if m[1] != strconv.Itoa(ok) || m[2] != strconv.Itoa(failed) {
		t.Errorf("summary %q; want %d articles, %d failed", summary(t, stderr), ok, failed)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

func hasPlace(a *contract.Article, mention string) bool {
	for _, p := range a.Places {
		if p.Mention == mention {
			return true
		}
	}
	return false
}

func hasActor(a *contract.Article, name string) bool {
	for _, x := range a.Actors {
		if deref(x.Name) == name {
			return true
		}
	}
	return false
}

func TestExtractUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		msg  string
	}{
		{"no input", []string{"extract"}, "no input"},
		{"bad format", []string{"extract", "--format", "xml", articleTxt}, `unknown --format "xml"`},
		{"bad published", []string{"extract", "--published", "2024-13-01", articleTxt}, "want YYYY-MM-DD"},
		{"partial published", []string{"extract", "--published", "2024-03", articleTxt}, "want YYYY-MM-DD"},
		{"unknown flag", []string{"extract", articleTxt, "--nope"}, "flag provided but not defined: -nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rasd(t, "", tc.args...)
			r.want(t, 2)
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr lacks %q:\n%s", tc.msg, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
		})
	}
}

func TestExtractText(t *testing.T) {
	r := rasd(t, "", "extract", "--published", "2024-03-17", articleTxt)
	r.want(t, 0)
	wantSummary(t, r.stderr, 1, 0)
	arts := decodeJSONL(t, r.stdout)
	if len(arts) != 1 {
		t.Fatalf("%d objects, want 1", len(arts))
	}
	a := arts[0]
	if len(a.DocID) != 16 {
		t.Errorf("doc_id %q", a.DocID)
	}
	if a.URL != nil || a.Outlet != nil {
		t.Errorf("url %s outlet %s; want null", deref(a.URL), deref(a.Outlet))
	}
	if deref(a.Published) != "2024-03-17" || a.Language != "ar" || deref(a.Title) != txtHeadline {
		t.Errorf("published %s language %q title %s", deref(a.Published), a.Language, deref(a.Title))
	}
	if !strings.HasPrefix(a.Text, txtHeadline+"\n\n") || !strings.HasSuffix(a.Text, txtLastSent) {
		t.Errorf("text does not run from the headline to the last sentence:\n%s", a.Text)
	}
	for _, furniture := range []string{"أخبار محلية", "اقرأ أيضاً", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("text keeps the furniture %q", furniture)
		}
	}
	for _, p := range []string{"منبج", "حلب", "تل تمر"} {
		if !hasPlace(&a, p) {
			t.Errorf("place %s not found", p)
		}
	}
	if !hasActor(&a, "Syrian Democratic Forces") {
		t.Errorf("actor SDF not found")
	}
	if a.Source != "" || a.Charset != "" || a.Numbers != nil {
		t.Errorf("diagnostics without --details: source %q charset %q numbers %v", a.Source, a.Charset, a.Numbers)
	}

	// the same with --details: input diagnostics, numbers and dates
	r = rasd(t, "", "extract", "--details", "--published", "2024-03-17", articleTxt)
	r.want(t, 0)
	d := decodeJSONL(t, r.stdout)[0]
	if d.Source != articleTxt || d.Charset != "utf-8" {
		t.Errorf("--details: source %q charset %q", d.Source, d.Charset)
	}
	nums := map[string]float64{}
	for _, n := range d.Numbers {
		nums[n.Text] = n.Value
	}
	if nums["أكثر من 200"] != 200 || nums["35 %"] != 35 {
		t.Errorf("--details numbers: %v", nums)
	}
	dates := map[string]string{}
	for _, x := range d.Dates {
		dates[x.Text] = x.Date
	}
	if dates["اليوم الأحد"] != "2024-03-17" || dates["آذار / مارس 2023"] != "2023-03" {
		t.Errorf("--details dates: %v", dates)
	}
}

func TestExtractHTML(t *testing.T) {
	// the page's own date (2023-11-05) wins over --published
	r := rasd(t, "", "extract", articleHTML, "--published", "2024-01-01")
	r.want(t, 0)
	arts := decodeJSONL(t, r.stdout)
	if len(arts) != 1 {
		t.Fatalf("%d objects", len(arts))
	}
	a := arts[0]
	const headline = "غارات جوية على ريف إدلب الجنوبي"
	if deref(a.Title) != headline || deref(a.Published) != "2023-11-05" {
		t.Errorf("title %s published %s", deref(a.Title), deref(a.Published))
	}
	if !strings.HasPrefix(a.Text, headline+"\n\n") || !strings.Contains(a.Text, "ومحيط مدينة معرة النعمان.") {
		t.Errorf("text:\n%s", a.Text)
	}
	for _, junk := range []string{"<", "الرئيسية", "شارك على", "جميع الحقوق محفوظة", "موقع الرصد"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	if !hasPlace(&a, "كفرنبل") {
		t.Errorf("place كفرنبل not found")
	}
	if len(a.Events) == 0 {
		t.Errorf("no event in an article about an air strike")
	}
}

func TestExtractJSONL(t *testing.T) {
	r := rasd(t, "", "extract", "--published", "2024-02-01", articleJSONL)
	r.want(t, 1)
	wantSummary(t, r.stderr, 3, 2)
	for _, msg := range []string{
		"rasd: " + articleJSONL + ":2: not a JSON article record",
		"rasd: " + articleJSONL + `:3: record has neither "text" nor "html"`,
	} {
		if !strings.Contains(r.stderr, msg) {
			t.Errorf("stderr lacks %q:\n%s", msg, r.stderr)
		}
	}
	arts := decodeJSONL(t, r.stdout)
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.DocID)
	}
	if strings.Join(ids, " ") != "r1 r4 r5" {
		t.Fatalf("doc_ids %v; want r1 r4 r5 in input order", ids)
	}
	r1, r4, r5 := arts[0], arts[1], arts[2]
	if deref(r1.Published) != "2024-01-10" || deref(r1.URL) != "https://www.example.org/news/101" || deref(r1.Outlet) != "example.org" {
		t.Errorf("r1 keeps its metadata: published %s url %s outlet %s", deref(r1.Published), deref(r1.URL), deref(r1.Outlet))
	}
	// r4 is an HTML record with no date: the default applies; its outlet
	// comes from the URL
	if deref(r4.Published) != "2024-02-01" || deref(r4.Outlet) != "example.org" || deref(r4.Title) == "<null>" {
		t.Errorf("r4: published %s outlet %s title %s", deref(r4.Published), deref(r4.Outlet), deref(r4.Title))
	}
	if strings.Contains(r4.Text, "<") || !hasPlace(&r4, "الباب") {
		t.Errorf("r4 text:\n%s", r4.Text)
	}
	if deref(r5.Published) != "2024-02-01" || r5.URL != nil || r5.Outlet != nil {
		t.Errorf("r5: published %s url %s outlet %s", deref(r5.Published), deref(r5.URL), deref(r5.Outlet))
	}
}

// TestExtractPublished checks that --published applies only to inputs
// without a date of their own.
func TestExtractPublished(t *testing.T) {
	dir := t.TempDir()
	records := filepath.Join(dir, "records.jsonl")
	write(t, records, `{"doc_id":"own","published":"2020-05-05","text":"`+jsonText(t, shortArticle)+`"}`+"\n"+
		`{"doc_id":"stamp","published":"2020-05-06T23:30:00+03:00","text":"`+jsonText(t, shortArticle)+`"}`+"\n"+
		`{"doc_id":"none","text":"`+jsonText(t, shortArticle)+`"}`+"\n"+
		`{"doc_id":"bad","published":"05/05/2020","text":"`+jsonText(t, shortArticle)+`"}`+"\n")
	want := map[string]string{"own": "2020-05-05", "stamp": "2020-05-06", "none": "2021-01-31"}
	r := rasd(t, "", "extract", records, articleTxt, articleHTML, "--published", "2021-01-31")
	r.want(t, 1)
	if !strings.Contains(r.stderr, "records.jsonl:4: bad published date \"05/05/2020\"") {
		t.Errorf("bad date not reported:\n%s", r.stderr)
	}
	arts := decodeJSONL(t, r.stdout)
	if len(arts) != 5 {
		t.Fatalf("%d objects, want 5", len(arts))
	}
	for _, a := range arts[:3] {
		if got := deref(a.Published); got != want[a.DocID] {
			t.Errorf("%s: published %s; want %s", a.DocID, got, want[a.DocID])
		}
	}
	if got := deref(arts[3].Published); got != "2021-01-31" {
		t.Errorf("text file: published %s; want the default", got)
	}
	if got := deref(arts[4].Published); got != "2023-11-05" {
		t.Errorf("HTML page: published %s; want its own date", got)
	}

	// without --published, an undated input has none
	r = rasd(t, "", "extract", articleTxt)
	r.want(t, 0)
	if a := decodeJSONL(t, r.stdout)[0]; a.Published != nil {
		t.Errorf("published %s; want null", *a.Published)
	}
}

// shortArticle is a one-paragraph news text for records built in tests.
const shortArticle = "مقتل مدني بقصف على ريف درعا\n\nقتل مدني وأصيب اثنان آخران، اليوم الجمعة، جراء قصف مدفعي استهدف بلدة طفس في ريف درعا الغربي، بحسب ما أفادت به مصادر محلية."

func jsonText(t testing.TB, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b[1 : len(b)-1])
}

func write(t testing.TB, path, content string) {
	t.Helper()
	writeBytes(t, path, []byte(content))
}

func writeBytes(t testing.TB, path string, content []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractDirectory(t *testing.T) {
	dir := t.TempDir()
	txt := string(readFile(t, articleTxt))
	write(t, filepath.Join(dir, "b.txt"), txt)
	write(t, filepath.Join(dir, "a.txt"), shortArticle)
	writeBytes(t, filepath.Join(dir, "sub", "c.html"), readFile(t, articleHTML))
	write(t, filepath.Join(dir, "sub", "deeper", "d.jsonl"),
		`{"doc_id":"d1","text":"`+jsonText(t, shortArticle)+`"}`+"\n"+`{"doc_id":"d2","text":"`+jsonText(t, txt)+`"}`+"\n")
	write(t, filepath.Join(dir, "sub", "e.HTM"), "<html><body><h1>عنوان</h1><p>"+shortArticle+"</p></body></html>")
	// skipped: hidden files and directories, unknown extensions
	write(t, filepath.Join(dir, ".hidden.txt"), shortArticle)
	write(t, filepath.Join(dir, ".git", "notes.txt"), shortArticle)
	write(t, filepath.Join(dir, "sub", ".cache", "x.jsonl"), `{"doc_id":"hidden","text":"نص"}`)
	write(t, filepath.Join(dir, "README.md"), shortArticle)
	write(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8\xff\xe0 not really a photo")

	var first string
	for i := range 2 {
		r := rasd(t, "", "extract", "--details", dir)
		r.want(t, 0)
		wantSummary(t, r.stderr, 6, 0)
		// the two files with other extensions are counted; hidden ones are not
		if !strings.Contains(r.stderr, "rasd: skipped 2 files in the directories given") {
			t.Errorf("stderr does not report the 2 skipped files:\n%s", r.stderr)
		}
		if i == 0 {
			first = r.stdout
		} else if r.stdout != first {
			t.Errorf("a second run gives different output")
		}
	}
	var got []string
	for _, a := range decodeJSONL(t, first) {
		src, err := filepath.Rel(dir, a.Source)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(src))
	}
	want := []string{"a.txt", "b.txt", "sub/c.html", "sub/deeper/d.jsonl:1", "sub/deeper/d.jsonl:2", "sub/e.HTM"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sources\n%q\nwant\n%q", got, want)
	}

	// a hidden file named on the command line is read
	r := rasd(t, "", "extract", filepath.Join(dir, ".hidden.txt"))
	r.want(t, 0)
	wantSummary(t, r.stderr, 1, 0)
}

func TestExtractMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	r := rasd(t, "", "extract", articleTxt, missing)
	r.want(t, 1)
	wantSummary(t, r.stderr, 1, 1)
	if want := "rasd: " + missing + ": no such file or directory"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	if len(decodeJSONL(t, r.stdout)) != 1 {
		t.Errorf("the good input was not processed")
	}
}

func TestExtractStdin(t *testing.T) {
	r := rasd(t, string(readFile(t, articleTxt)), "extract", "--details", "-")
	r.want(t, 0)
	arts := decodeJSONL(t, r.stdout)
	if len(arts) != 1 || arts[0].Source != "stdin" || deref(arts[0].Title) != txtHeadline {
		t.Fatalf("text on stdin: %d objects %+v", len(arts), arts)
	}
	fromFile := decodeJSONL(t, rasd(t, "", "extract", articleTxt).stdout)[0]
	if arts[0].DocID != fromFile.DocID || arts[0].Text != fromFile.Text {
		t.Errorf("stdin and file give different articles")
	}

	// HTML on stdin is recognised as such
	r = rasd(t, string(readFile(t, articleHTML)), "extract", "-")
	r.want(t, 0)
	if a := decodeJSONL(t, r.stdout)[0]; deref(a.Published) != "2023-11-05" || strings.Contains(a.Text, "<") {
		t.Errorf("HTML on stdin: published %s text %q", deref(a.Published), clip(a.Text))
	}

	// JSON Lines on stdin, with a BOM and CRLF line ends
	jsonl := "\ufeff" + `{"doc_id":"s1","text":"` + jsonText(t, shortArticle) + `"}` + "\r\n\r\n" +
		`{"doc_id":"s2","text":"` + jsonText(t, string(readFile(t, articleTxt))) + `"}` + "\r\n" + "{oops}\r\n"
	r = rasd(t, jsonl, "extract", "--details", "-")
	r.want(t, 1)
	wantSummary(t, r.stderr, 2, 1)
	if !strings.Contains(r.stderr, "rasd: stdin:4: not a JSON article record") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	arts = decodeJSONL(t, r.stdout)
	if len(arts) != 2 || arts[0].DocID != "s1" || arts[1].DocID != "s2" || arts[0].Source != "stdin:1" || arts[1].Source != "stdin:3" {
		t.Errorf("JSON Lines on stdin: %+v", arts)
	}

	// empty standard input
	r = rasd(t, "", "extract", "-")
	r.want(t, 1)
	if !strings.Contains(r.stderr, "rasd: stdin: no article text") {
		t.Errorf("empty stdin:\n%s", r.stderr)
	}
}

func TestExtractFormatJSON(t *testing.T) {
	jsonl := rasd(t, "", "extract", "--published", "2024-03-17", articleTxt, articleHTML)
	jsonl.want(t, 0)
	r := rasd(t, "", "extract", "--format", "json", "--published", "2024-03-17", articleTxt, articleHTML)
	r.want(t, 0)
	var arr []contract.Article
	if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil {
		t.Fatalf("--format json is not a JSON array: %v\n%s", err, clip(r.stdout))
	}
	lines := decodeJSONL(t, jsonl.stdout)
	if len(arr) != 2 || len(lines) != 2 {
		t.Fatalf("%d array elements, %d lines", len(arr), len(lines))
	}
	for i := range arr {
		a, _ := json.Marshal(arr[i])
		b, _ := json.Marshal(lines[i])
		if !bytes.Equal(a, b) {
			t.Errorf("element %d differs from the JSON Lines output", i)
		}
		checkOffsets(t, &arr[i])
	}
	if !strings.HasPrefix(r.stdout, "[\n  {\n") || !strings.HasSuffix(r.stdout, "\n  }\n]\n") || !strings.Contains(r.stdout, "\n  },\n  {\n") {
		t.Errorf("array layout:\n%s", clip(r.stdout))
	}

	// no article: still a JSON array
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	write(t, bad, "not json\n")
	for _, args := range [][]string{{bad}, {"-"}} {
		r = rasd(t, "", append([]string{"extract", "--format", "json"}, args...)...)
		r.want(t, 1)
		if strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("%v: %q; want []", args, r.stdout)
		}
		if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil || len(arr) != 0 {
			t.Errorf("%v: %v %v", args, err, arr)
		}
	}
}

func TestExtractFormatTable(t *testing.T) {
	r := rasd(t, "", "extract", articleTxt, "--format", "table", "--published", "2024-03-17")
	r.want(t, 0)
	for _, s := range []string{
		"published 2024-03-17",
		"title: " + txtHeadline,
		`furniture removed: "أخبار محلية"`,
		"[1] " + txtHeadline,
		"[3] وقال مصدر عسكري إن أكثر من 200 مقاتل",
		"number  أكثر من 200 → >200 (more_than, مقاتل)",
		"number  35 % → 35 % (exact)",
		"date    اليوم الأحد → 2024-03-17 (precision 1",
		"date    آذار / مارس 2023 → 2023-03 (precision 3",
		"place   منبج → Manbij",
		"actor   قسد → Syrian Democratic Forces",
		"event   ",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("table lacks %q", s)
		}
	}
	if t.Failed() {
		t.Logf("table:\n%s", r.stdout)
	}
	r = rasd(t, "", "extract", "--format", "table", "--tokens", articleTxt)
	r.want(t, 0)
	if !strings.Contains(r.stdout, "tokens: ") || !strings.Contains(r.stdout, "/word") {
		t.Errorf("--tokens lists no tokens:\n%s", clip(r.stdout))
	}
}

func TestExtractOut(t *testing.T) {
	want := rasd(t, "", "extract", articleTxt, articleHTML)
	want.want(t, 0)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	r := rasd(t, "", "extract", "--out", out, articleTxt, articleHTML)
	r.want(t, 0)
	if r.stdout != "" {
		t.Errorf("stdout with --out: %q", clip(r.stdout))
	}
	if got := string(readFile(t, out)); got != want.stdout {
		t.Errorf("--out file differs from standard output:\n%s\nwant\n%s", clip(got), clip(want.stdout))
	}
	wantSummary(t, r.stderr, 2, 0)

	r = rasd(t, "", "extract", "--out", filepath.Join(t.TempDir(), "no", "such", "dir", "out.jsonl"), articleTxt)
	r.want(t, 1)
	if !strings.Contains(r.stderr, "no such file or directory") {
		t.Errorf("unwritable --out:\n%s", r.stderr)
	}
}

// binaryFile writes random bytes with NULs, as a file with a .txt name.
func binaryFile(t testing.TB, dir string) string {
	t.Helper()
	rng := rand.New(rand.NewSource(7))
	b := make([]byte, 8192)
	rng.Read(b)
	for i := 0; i < len(b); i += 97 {
		b[i] = 0
	}
	path := filepath.Join(dir, "random.txt")
	writeBytes(t, path, b)
	return path
}

// TestExtractWindows1256 checks that an article re-encoded as
// Windows-1256 (and as UTF-16 with a BOM, ISO-8859-6 and UTF-8 with a BOM)
// gives byte-identical output, and that a binary file in the same batch is
// reported and skipped while the others are processed.
func TestExtractWindows1256(t *testing.T) {
	dir := t.TempDir()
	utf8Text := readFile(t, articleTxt)
	encoded := map[string][]byte{"utf-8-bom.txt": append([]byte("\ufeff"), utf8Text...)}
	for name, enc := range map[string]interface {
		Bytes([]byte) ([]byte, error)
	}{
		"windows-1256.txt": charmap.Windows1256.NewEncoder(),
		"utf-16le.txt":     unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(),
		"utf-16be.txt":     unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(),
	} {
		b, err := enc.Bytes(utf8Text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		encoded[name] = b
	}
	// ISO-8859-6 lacks the curly quotes and Arabic-Indic signs some texts
	// use; this one has none of them
	iso, err := charmap.ISO8859_6.NewEncoder().Bytes([]byte(shortArticle))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(encoded["windows-1256.txt"], utf8Text) {
		t.Fatal("the re-encoding changed nothing")
	}

	want := rasd(t, "", "extract", "--published", "2024-03-17", articleTxt)
	want.want(t, 0)
	for name, b := range encoded {
		path := filepath.Join(dir, name)
		writeBytes(t, path, b)
		r := rasd(t, "", "extract", "--published", "2024-03-17", path)
		r.want(t, 0)
		if r.stdout != want.stdout {
			t.Errorf("%s: output differs from the UTF-8 file's:\n%s\nwant\n%s", name, clip(r.stdout), clip(want.stdout))
		}
	}
	isoPath := filepath.Join(dir, "iso-8859-6.txt")
	writeBytes(t, isoPath, iso)
	plain := filepath.Join(dir, "plain.txt")
	write(t, plain, shortArticle)
	if a, b := rasd(t, "", "extract", isoPath).stdout, rasd(t, "", "extract", plain).stdout; a != b || a == "" {
		t.Errorf("ISO-8859-6: output differs from the UTF-8 file's:\n%s\nwant\n%s", a, b)
	}

	// the charset is reported with --details
	r := rasd(t, "", "extract", "--details", filepath.Join(dir, "windows-1256.txt"), isoPath)
	r.want(t, 0)
	if arts := decodeJSONL(t, r.stdout); len(arts) != 2 || arts[0].Charset != "windows-1256" || arts[1].Charset != "iso-8859-6" {
		t.Errorf("--details charsets: %+v", arts)
	}

	// one batch: UTF-8, binary, Windows-1256
	bin := binaryFile(t, dir)
	w1256 := filepath.Join(dir, "windows-1256.txt")
	r = rasd(t, "", "extract", "--published", "2024-03-17", articleTxt, bin, w1256)
	r.want(t, 1)
	wantSummary(t, r.stderr, 2, 1)
	if want := "rasd: " + bin + ": binary content"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 || lines[0] != want.stdout || lines[1]+"\n" != want.stdout {
		t.Errorf("batch output:\n%s", clip(r.stdout))
	}
}

func TestExtractMaxSize(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	write(t, big, strings.Repeat(shortArticle+"\n\n", 20)) // about 5 KB
	small := filepath.Join(dir, "small.txt")
	write(t, small, shortArticle)
	records := filepath.Join(dir, "records.jsonl")
	write(t, records, `{"doc_id":"small","text":"`+jsonText(t, shortArticle)+`"}`+"\n"+
		`{"doc_id":"big","text":"`+jsonText(t, strings.Repeat(shortArticle+"\n\n", 20))+`"}`+"\n"+
		`{"doc_id":"small2","text":"`+jsonText(t, shortArticle)+`"}`+"\n")

	r := rasd(t, "", "extract", "--max-size", "2000", big, small, records)
	r.want(t, 1)
	wantSummary(t, r.stderr, 3, 2)
	for _, want := range []string{
		"rasd: " + big + ": content too large: more than 2000 bytes (the limit is --max-size 2000 bytes)",
		"rasd: " + records + ":2: content too large: record longer than 2000 bytes (the limit is --max-size 2000 bytes)",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	var ids []string
	for _, a := range decodeJSONL(t, r.stdout) {
		ids = append(ids, a.DocID)
	}
	if len(ids) != 3 || ids[1] != "small" || ids[2] != "small2" {
		t.Errorf("doc_ids %v", ids)
	}

	// the default limit takes it
	rasd(t, "", "extract", big).want(t, 0)
}

// TestExtractSeed is the acceptance test on the shared seed
// article; it skips where ../shared is absent.
func TestExtractSeed(t *testing.T) {
	const seed = "../../../shared/seeds/000_85cec0a620fc974b.txt"
	utf8Text, err := os.ReadFile(seed)
	if err != nil {
		t.Skipf("shared seed not available: %v", err)
	}
	// the command line of the issue, flags after the path
	r := rasd(t, "", "extract", seed, "--published", "2018-06-21", "--format", "jsonl")
	r.want(t, 0)
	arts := decodeJSONL(t, r.stdout)
	if len(arts) != 1 {
		t.Fatalf("%d objects", len(arts))
	}
	a := arts[0]
	if !strings.HasPrefix(a.Text, "التحالف يحشد لمعركة “هجين”") {
		t.Errorf("text does not start with the headline: %q", clip(a.Text))
	}
	for _, body := range []string{
		"يحشد التحالف الدولي ضد تنظيم الدولة “داعش”",
		"ما بين شهرين إلى ثلاثة أشهر.",
		"منذ بدء العمليات في أكتوبر / تشرين الأول 2014.",
		"من الأسلحة والذخائر العائدة للتنظيم.",
	} {
		if !strings.Contains(a.Text, body) {
			t.Errorf("text lacks %q", body)
		}
	}
	if !strings.HasSuffix(a.Text, "العائدة للتنظيم.") {
		t.Errorf("text does not end with the body's last sentence: %q", a.Text[len(a.Text)-80:])
	}
	for _, furniture := range []string{"الشأن السوري", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("text keeps %q", furniture)
		}
	}
	if deref(a.Published) != "2018-06-21" {
		t.Errorf("published %s", deref(a.Published))
	}

	r = rasd(t, "", "extract", seed, "--published", "2018-06-21", "--format", "table")
	r.want(t, 0)
	for _, s := range []string{
		"number  أكثر من ألف → >1000 (more_than, مقاتل)",
		"number  77 → 77 (exact, دوله)",
		"number  أكثر من 98 % → >98 % (more_than)",
		"number  17 → 17 (exact, شخص)",
		"number  71360 → 71360 (exact, كيلومتر)",
		"number  ما بين شهرين إلى ثلاثة → 2–3 (range, شهر)",
		"date    اليوم الخميس → 2018-06-21 (precision 1",
		"date    أكتوبر / تشرين الأول 2014 → 2014-10 (precision 3",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("table lacks %q", s)
		}
	}
	if t.Failed() {
		t.Logf("table:\n%s", r.stdout)
	}

	// re-encoded as Windows-1256, in a batch with a binary file
	dir := t.TempDir()
	w, err := charmap.Windows1256.NewEncoder().Bytes(utf8Text)
	if err != nil {
		t.Fatal(err)
	}
	w1256 := filepath.Join(dir, "seed-1256.txt")
	writeBytes(t, w1256, w)
	bin := binaryFile(t, dir)
	want := rasd(t, "", "extract", seed, "--published", "2018-06-21")
	got := rasd(t, "", "extract", bin, w1256, "--published", "2018-06-21")
	got.want(t, 1)
	wantSummary(t, got.stderr, 1, 1)
	if !strings.Contains(got.stderr, "rasd: "+bin+": binary content") {
		t.Errorf("binary file not reported:\n%s", got.stderr)
	}
	if got.stdout != want.stdout {
		t.Errorf("Windows-1256 seed: output differs from the UTF-8 file's")
	}
}

// TestExtractOffsets runs every fixture with --details and checks the
// code-point offsets of every mention (decodeJSONL does), and that there
// is something to check.
func TestExtractOffsets(t *testing.T) {
	r := rasd(t, "", "extract", "--details", "--published", "2024-03-17", articleTxt, articleHTML, articleJSONL)
	n := 0
	for _, a := range decodeJSONL(t, r.stdout) {
		n += len(a.Places) + len(a.Actors) + len(a.Events) + len(a.Numbers) + len(a.Dates)
		if utf8.RuneCountInString(a.Text) == len(a.Text) {
			t.Errorf("%s: text is ASCII: the offsets test needs multi-byte text", a.DocID)
		}
	}
	if n < 40 {
		t.Errorf("only %d mentions checked", n)
	}
}

func TestBench(t *testing.T) {
	r := rasd(t, "", "bench", "--rounds", "1", articleTxt, articleHTML)
	r.want(t, 0)
	for _, s := range []string{"corpus: 2 articles (0 failed)", "throughput: ", "articles/s", "MB/s", "peak heap"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("bench output lacks %q:\n%s", s, r.stdout)
		}
	}
	rasd(t, "", "bench").want(t, 2)
}

// batch runs runBatch over paths with p and returns the sources emitted,
// in order, and stderr.
func batch(t testing.TB, ctx context.Context, p *pipeline.Pipeline, workers int, paths ...string) ([]string, string, batchStats, error) {
	t.Helper()
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb}
	var got []string
	st, err := runBatch(ctx, e, p, paths, batchOptions{workers: workers}, func(d *doc.Doc) error {
		got = append(got, d.Meta.Source)
		return nil
	})
	return got, errb.String(), st, err
}

// TestRunBatchOrder checks that output keeps the input order whatever the
// order in which workers finish.
func TestRunBatchOrder(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 40 {
		lines = append(lines, `{"doc_id":"`+strconv.Itoa(i)+`","text":"`+jsonText(t, shortArticle)+`"}`)
	}
	path := filepath.Join(dir, "many.jsonl")
	write(t, path, strings.Join(lines, "\n"))
	// early documents are the slowest
	slow := pipeline.StageFunc{StageName: "slow", Fn: func(d *doc.Doc) {
		n, _ := strconv.Atoi(d.Meta.ID)
		time.Sleep(time.Duration(40-n) * 200 * time.Microsecond)
	}}
	got, stderr, st, err := batch(t, context.Background(), pipeline.New(pipeline.Options{}, slow), 8, path)
	if err != nil || st.ok != 40 || st.failed != 0 || stderr != "" {
		t.Fatalf("err %v stats %+v stderr %q", err, st, stderr)
	}
	for i, src := range got {
		if want := path + ":" + strconv.Itoa(i+1); src != want {
			t.Fatalf("item %d is %s; want %s", i, src, want)
		}
	}
}

// TestRunBatchPanic checks that a stage panicking on one input is reported
// as that input's failure, with the stack, and the others go on.
func TestRunBatchPanic(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, good, shortArticle)
	write(t, bad, strings.ReplaceAll(shortArticle, "درعا", "القنيطرة"))
	boom := pipeline.StageFunc{StageName: "boom", Fn: func(d *doc.Doc) {
		if strings.Contains(d.Text, "القنيطرة") {
			panic("a bug in a stage")
		}
	}}
	got, stderr, st, err := batch(t, context.Background(), pipeline.New(pipeline.Options{}, boom), 2, bad, good, bad)
	if err != nil || st.ok != 1 || st.failed != 2 || len(got) != 1 || got[0] != good {
		t.Fatalf("err %v stats %+v emitted %q", err, st, got)
	}
	if !strings.Contains(stderr, "rasd: "+bad+": internal error (a bug in rasd, please report it): panic: a bug in a stage") ||
		!strings.Contains(stderr, "extract_test.go") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestRunBatchCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, _, err := batch(t, ctx, pipeline.New(pipeline.Options{}), 2, articleTxt, articleHTML)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled batch: %v", err)
	}
	var errb bytes.Buffer
	if code := exitCode(&env{stderr: &errb}, "extract", err); code != 130 || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit status %d, stderr %q", code, errb.String())
	}
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(ctx, e, []string{"extract", articleTxt}); code != 130 {
		t.Errorf("rasd extract with a cancelled context: exit status %d", code)
	}
}

// TestExtractWriteError checks that a failing output stops the run with
// an error.
func TestExtractWriteError(t *testing.T) {
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: failingWriter{}, stderr: &errb}
	code := run(context.Background(), e, []string{"extract", articleTxt, articleHTML})
	if code != 1 || !strings.Contains(errb.String(), "rasd extract: no space left") {
		t.Errorf("exit status %d, stderr:\n%s", code, errb.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left") }
