// Package input reads what users give rasd on the command line: files
// (.txt, .html/.htm, .jsonl/.ndjson of article records), directories
// (recursively) and standard input, and turns them into pipeline inputs.
// One bad file or record is reported and the rest goes on.
package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/rasd-project/rasd/internal/decode"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// Item is one input article, or the error that stopped reading one.
type Item struct {
	Input pipeline.Input
	// Err is set when this item could not be read; Input.Source says which.
	Err error
}

// Record is an article record in a JSON Lines input (contract section 1).
type Record struct {
	DocID     string `json:"doc_id"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// Options configures reading.
type Options struct {
	// MaxSize is the largest file read, in bytes (0: decode.DefaultMaxSize;
	// negative: no limit). JSON Lines files may be larger: the limit then
	// applies to each record.
	MaxSize int64
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Extensions lists the file name extensions read from directories.
var Extensions = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}

// ErrUnsupported is returned for a named file whose extension rasd does not
// read and whose content is not recognisable.
var ErrUnsupported = errors.New("unsupported file type")

// Expand resolves paths to the files to read, walking directories
// recursively (hidden entries skipped, only known extensions, sorted).
// Errors for missing paths are returned as Items with Err set, in order.
// skipped lists the files found in directories that were left out for
// their extension (hidden ones are not listed), so that callers can say
// so; a file named on the command line is always read.
func Expand(paths []string) (files []string, bad []Item, skipped []string) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			bad = append(bad, Item{Input: pipeline.Input{Source: p}, Err: pathErr(err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, de fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, Item{Input: pipeline.Input{Source: q}, Err: pathErr(err)})
				return nil
			}
			name := de.Name()
			if q != p && strings.HasPrefix(name, ".") {
				if de.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !de.IsDir() {
				if known(name) {
					found = append(found, q)
				} else {
					skipped = append(skipped, q)
				}
			}
			return nil
		})
		if err != nil {
			bad = append(bad, Item{Input: pipeline.Input{Source: p}, Err: pathErr(err)})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, bad, skipped
}

// pathErr drops the operation and path from an *fs.PathError: the report
// already names the path ("a.txt: no such file or directory", not
// "a.txt: stat a.txt: no such file or directory"). errors.Is still sees
// fs.ErrNotExist and the like.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func known(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Read passes the items of one file (or "-") to send, in order, until send
// returns false or ctx is done. JSON Lines files give one item per record.
func Read(ctx context.Context, path string, opt Options, send func(Item) bool) {
	var r io.Reader
	name := path
	if path == "-" {
		name = "stdin"
		if opt.Stdin == nil {
			send(Item{Input: pipeline.Input{Source: name}, Err: errors.New("no standard input")})
			return
		}
		r = opt.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			send(Item{Input: pipeline.Input{Source: name}, Err: pathErr(err)})
			return
		}
		defer f.Close()
		r = f
	}
	ext := strings.ToLower(filepath.Ext(path))
	br := bufio.NewReaderSize(r, 64<<10)
	if ext == ".jsonl" || ext == ".ndjson" || (path == "-" && looksJSONL(br)) {
		readJSONL(ctx, name, br, opt, send)
		return
	}
	data, err := readLimited(br, opt.MaxSize)
	if err != nil {
		send(Item{Input: pipeline.Input{Source: name}, Err: pathErr(err)})
		return
	}
	in := pipeline.Input{Source: name, Data: data}
	switch ext {
	case ".html", ".htm", ".xhtml":
		in.Format = pipeline.HTML
	case ".txt", ".text":
		in.Format = pipeline.Text
	}
	send(Item{Input: in})
}

// looksJSONL peeks at standard input: JSON Lines start with '{'.
func looksJSONL(br *bufio.Reader) bool {
	b, _ := br.Peek(512)
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

func readLimited(r io.Reader, max int64) ([]byte, error) {
	if max == 0 {
		max = decode.DefaultMaxSize
	}
	if max < 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", decode.ErrTooLarge, max)
	}
	return data, nil
}

// readJSONL reads article records, one per line; a bad line is an Item with
// Err set and reading goes on. The file may start with a UTF-8 byte order
// mark, or be UTF-16 with one (as Windows tools write it).
func readJSONL(ctx context.Context, name string, br *bufio.Reader, opt Options, send func(Item) bool) {
	max := opt.MaxSize
	if max == 0 {
		max = decode.DefaultMaxSize
	}
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0xFF, 0xFE}) || bytes.Equal(head, []byte{0xFE, 0xFF}) {
		utf16 := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, utf16), 64<<10)
	}
	for line := 1; ctx.Err() == nil; line++ {
		b, err := readLine(br, max)
		if errors.Is(err, io.EOF) && len(b) == 0 {
			return
		}
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte(bom))
		}
		src := fmt.Sprintf("%s:%d", name, line)
		var it Item
		switch {
		case errors.Is(err, decode.ErrTooLarge):
			it = Item{Input: pipeline.Input{Source: src}, Err: err}
		case err != nil && !errors.Is(err, io.EOF):
			send(Item{Input: pipeline.Input{Source: src}, Err: err})
			return
		case len(bytes.TrimSpace(b)) == 0:
			continue
		default:
			it = recordItem(src, bytes.TrimSpace(b))
		}
		if !send(it) {
			return
		}
	}
}

// bom is the UTF-8 byte order mark.
const bom = "\xef\xbb\xbf"

// readLine reads one line without its line break ("\n" or "\r\n"). A line
// longer than max bytes (without the break) is consumed to its end and
// reported as decode.ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			// 2 bytes of room for the line break
			if max >= 0 && int64(len(buf)) > max+2 {
				tooLong, buf = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		line := bytes.TrimRight(buf, "\r\n")
		if tooLong || (max >= 0 && int64(len(line)) > max) {
			return nil, fmt.Errorf("%w: record longer than %d bytes", decode.ErrTooLarge, max)
		}
		return line, err
	}
}

func recordItem(src string, line []byte) Item {
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return Item{Input: pipeline.Input{Source: src}, Err: fmt.Errorf("not a JSON article record: %w", err)}
	}
	in := pipeline.Input{Source: src, ID: rec.DocID, URL: rec.URL, Outlet: rec.Outlet, Title: rec.Title}
	if rec.Published != "" {
		d, ok := parsePublished(rec.Published)
		if !ok {
			return Item{Input: in, Err: fmt.Errorf("bad published date %q (want YYYY-MM-DD)", rec.Published)}
		}
		in.Published = d
	}
	switch {
	case rec.HTML != "":
		in.Text, in.Format = rec.HTML, pipeline.HTML
	case rec.Text != "":
		in.Text, in.Format = rec.Text, pipeline.Text
	default:
		return Item{Input: in, Err: errors.New(`record has neither "text" nor "html"`)}
	}
	return Item{Input: in}
}

// parsePublished reads a record's publication date: YYYY-MM-DD, or an
// RFC 3339 timestamp (2018-06-21T09:30:00+03:00), whose own calendar date
// is taken.
func parsePublished(s string) (doc.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		// the time keeps its own offset, so its date is the one written
		t, err := time.Parse(time.RFC3339, s)
		return doc.DateOf(t), err == nil && t.Year() > 0
	}
	d, err := doc.ParseDate(s)
	return d, err == nil && d.Full()
}
