package kb

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ErrorList collects positioned errors (file:line: message), like
// go/scanner.ErrorList.
type ErrorList []error

// Add appends an error at file:line.
func (l *ErrorList) Add(file string, line int, format string, a ...any) {
	*l = append(*l, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, a...)))
}

// Err returns nil when the list is empty, else the list itself.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins up to ten messages.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == 10 {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Row is one record of a TSV file, with its line number for messages.
type Row struct {
	File string
	Line int
	cols map[string]int
	vals []string
}

// Get returns the named column's value ("" when the column is absent).
func (r Row) Get(name string) string {
	i, ok := r.cols[name]
	if !ok || i >= len(r.vals) {
		return ""
	}
	return r.vals[i]
}

// List returns the named column split on '|', without empty values.
func (r Row) List(name string) []string {
	v := r.Get(name)
	if v == "" {
		return nil
	}
	parts := strings.Split(v, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Float parses the named column; ok is false when it is empty. NaN and
// infinities are reported as errors: strconv accepts them, but no column
// of the KB may hold them (a NaN latitude passes every range check).
func (r Row) Float(name string, errs *ErrorList) (v float64, ok bool) {
	s := r.Get(name)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		errs.Add(r.File, r.Line, "%s: %q is not a number", name, s)
		return 0, false
	}
	return v, true
}

// Int parses the named column; 0 when empty.
func (r Row) Int(name string, errs *ErrorList) int {
	s := r.Get(name)
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		errs.Add(r.File, r.Line, "%s: %q is not an integer", name, s)
	}
	return v
}

// ReadTSV reads a rasd TSV file: a header line naming the columns, then one
// record per line; '#' lines and blank lines are skipped, and a leading
// byte-order mark is ignored. required lists the columns the header must
// have; a column named twice is an error. Rows with the wrong number of
// cells, cells with leading or trailing spaces, and Arabic presentation
// forms are reported in errs and skipped. Every returned row has as many
// cells as the header.
func ReadTSV(r io.Reader, file string, required []string, errs *ErrorList) []Row {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var cols map[string]int
	var ncol int
	var rows []Row
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range cells {
				c = strings.TrimSpace(c)
				if _, dup := cols[c]; dup {
					errs.Add(file, line, "header names column %q twice", c)
				}
				cols[c] = i
			}
			ncol = len(cells)
			for _, c := range required {
				if _, ok := cols[c]; !ok {
					errs.Add(file, line, "header lacks column %q", c)
				}
			}
			continue
		}
		if len(cells) != ncol {
			errs.Add(file, line, "%d cells, header has %d", len(cells), ncol)
			continue
		}
		ok := true
		for i, c := range cells {
			if c != strings.TrimSpace(c) {
				errs.Add(file, line, "column %d has leading or trailing spaces", i+1)
				ok = false
			}
			if hasPresentationForms(c) {
				errs.Add(file, line, "column %d uses Arabic presentation forms (write plain letters)", i+1)
				ok = false
			}
		}
		if ok {
			rows = append(rows, Row{File: file, Line: line, cols: cols, vals: cells})
		}
	}
	if err := sc.Err(); err != nil {
		errs.Add(file, line, "%v", err)
	}
	if cols == nil {
		errs.Add(file, line, "no header line")
	}
	return rows
}

// hasPresentationForms reports whether s holds Arabic presentation forms
// (U+FB50–U+FDFF, U+FE70–U+FEFF), which never match normalized text.
func hasPresentationForms(s string) bool {
	for _, r := range s {
		if 0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFF {
			return true
		}
	}
	return false
}

// writeTSV writes a header and rows, escaping nothing: values must not
// contain tabs or newlines (the builder checks).
func writeTSV(w io.Writer, header []string, rows [][]string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(header, "\t"))
	bw.WriteByte('\n')
	for _, r := range rows {
		bw.WriteString(strings.Join(r, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
