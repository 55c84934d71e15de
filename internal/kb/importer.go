package kb

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// RowError is a rejected input row.
type RowError struct {
	Line int
	Err  string
}

func (e RowError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Err) }

// ImportResult says what an import read.
type ImportResult struct {
	Places []Place
	Actors []Actor
	Bad    []RowError
	Skipped int // rows read and deliberately not imported (no Arabic name)
}

// ImportGeoNames reads a GeoNames dump (a country file or allCountries.txt:
// 19 tab-separated columns) and, optionally, an alternateNames file
// (alternateNamesV2.txt) for more Arabic names. Rows without any Arabic name
// are skipped (rasd matches Arabic text); admin1 names come from the
// knowledge base's admin1 table.
func ImportGeoNames(dump io.Reader, alt io.Reader, k *KB) (ImportResult, error) {
	var res ImportResult
	extra := map[string][]string{}
	if alt != nil {
		sc := bufio.NewScanner(alt)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		line := 0
		for sc.Scan() {
			line++
			f := strings.Split(sc.Text(), "\t")
			if len(f) < 4 {
				if strings.TrimSpace(sc.Text()) != "" {
					res.Bad = append(res.Bad, RowError{line, fmt.Sprintf("alternate names: %d columns, want at least 4", len(f))})
				}
				continue
			}
			if f[2] == "ar" || (f[2] == "" && isArabicText(f[3])) {
				extra[f[1]] = append(extra[f[1]], f[3])
			}
		}
		if err := sc.Err(); err != nil {
			return res, fmt.Errorf("alternate names: %w", err)
		}
	}
	sc := bufio.NewScanner(dump)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 19 {
			res.Bad = append(res.Bad, RowError{line, fmt.Sprintf("%d columns, want 19 (GeoNames dump format)", len(f))})
			continue
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			res.Bad = append(res.Bad, RowError{line, fmt.Sprintf("geonameid %q is not a number", f[0])})
			continue
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			res.Bad = append(res.Bad, RowError{line, "bad coordinates"})
			continue
		}
		if len(f[8]) != 2 {
			res.Bad = append(res.Bad, RowError{line, fmt.Sprintf("country code %q", f[8])})
			continue
		}
		var ar []string
		for _, n := range strings.Split(f[3], ",") {
			if isArabicText(n) {
				ar = appendName(ar, strings.TrimSpace(n))
			}
		}
		for _, n := range extra[f[0]] {
			ar = appendName(ar, strings.TrimSpace(n))
		}
		if len(ar) == 0 {
			res.Skipped++
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		p := Place{ID: "gn." + f[0], Name: f[2], NameAr: ar[0], Names: ar[1:], Feature: geoNamesFeature(f[6], f[7], pop),
			Country: f[8], Lat: lat, Lon: lon, HasCoord: true, Pop: pop, Source: "geonames:" + f[0]}
		if a1, ok := k.Place("a1." + strings.ToLower(f[8]) + "." + strings.ToLower(f[10])); ok {
			p.Admin1 = a1.Name
		}
		res.Places = append(res.Places, p)
	}
	if err := sc.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// geoNamesFeature maps GeoNames feature class/code to a rasd feature.
func geoNamesFeature(class, code string, pop int) string {
	switch class {
	case "A":
		switch code {
		case "ADM1":
			return "admin1"
		case "ADM2":
			return "admin2"
		case "PCLI", "PCL":
			return "country"
		}
		return "admin3"
	case "H":
		return "river"
	case "T":
		return "mountain"
	case "S":
		switch code {
		case "AIRP", "AIRF", "AIRB":
			return "airport"
		case "CMP", "CMPRF":
			return "camp"
		case "INSM":
			return "base"
		}
		return "landmark"
	case "L":
		return "region"
	}
	switch code {
	case "PPLC", "PPLA":
		return "city"
	case "PPLX":
		return "neighbourhood"
	}
	switch {
	case pop >= 100000:
		return "city"
	case pop >= 5000:
		return "town"
	}
	return "village"
}

func isArabicText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	ar := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			ar = true
		case r == ' ' || r == '-' || r == '\'' || r == 0x200C:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
	}
	return ar
}

func appendName(list []string, n string) []string {
	if n == "" {
		return list
	}
	for _, x := range list {
		if x == n {
			return list
		}
	}
	return append(list, n)
}

// ImportPlacesCSV reads places from a CSV file with a header naming at
// least name or name_ar, country, feature, and optionally id, aliases
// ('|'-separated), admin1, admin2, lat, lon, population, source. Rows
// without an id get one from their country and names.
func ImportPlacesCSV(r io.Reader) (ImportResult, error) {
	rows, bad, err := readCSV(r, []string{"country", "feature"})
	res := ImportResult{Bad: bad}
	if err != nil {
		return res, err
	}
	for _, row := range rows {
		if row.Get("id") == "" {
			row.set("id", "user."+strings.ToLower(row.Get("country"))+"."+slug(row.Get("name")+"."+row.Get("name_ar")))
		}
		if row.Get("source") == "" {
			row.set("source", "user")
		}
		var errs ErrorList
		ps := ParsePlaces([]Row{row}, &errs)
		if len(errs) > 0 {
			res.Bad = append(res.Bad, RowError{row.Line, stripPos(errs[0].Error())})
			continue
		}
		res.Places = append(res.Places, ps...)
	}
	return res, nil
}

// ImportActorsCSV reads actors from a CSV file with the actor columns
// (id, name, name_ar, inter, country, kind, parent, from, to, theatres,
// aliases); parent must exist in k or in the file.
func ImportActorsCSV(r io.Reader, k *KB) (ImportResult, error) {
	rows, bad, err := readCSV(r, []string{"id", "name", "inter", "kind"})
	res := ImportResult{Bad: bad}
	if err != nil {
		return res, err
	}
	ids := map[string]bool{}
	for _, row := range rows {
		ids[row.Get("id")] = true
	}
	for _, row := range rows {
		var errs ErrorList
		as := ParseActors([]Row{row}, &errs)
		if len(errs) > 0 {
			res.Bad = append(res.Bad, RowError{row.Line, stripPos(errs[0].Error())})
			continue
		}
		a := as[0]
		if a.Parent != "" && !ids[a.Parent] {
			if _, ok := k.Actor(a.Parent); !ok {
				res.Bad = append(res.Bad, RowError{row.Line, fmt.Sprintf("%s: parent %q does not exist", a.ID, a.Parent)})
				continue
			}
		}
		res.Actors = append(res.Actors, a)
	}
	return res, nil
}

// stripPos removes the "file:line: " prefix of a parse error.
func stripPos(s string) string {
	if i := strings.Index(s, ": "); i >= 0 && strings.Contains(s[:i], ":") {
		return s[i+2:]
	}
	return s
}

func (r *Row) set(name, v string) {
	if i, ok := r.cols[name]; ok {
		r.vals[i] = v
		return
	}
	cols := make(map[string]int, len(r.cols)+1)
	for k, v := range r.cols {
		cols[k] = v
	}
	cols[name] = len(r.vals)
	r.cols = cols
	r.vals = append(r.vals, v)
}

func readCSV(r io.Reader, required []string) ([]Row, []RowError, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("no header: %w", err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range required {
		if _, ok := cols[c]; !ok {
			return nil, nil, fmt.Errorf("header lacks column %q", c)
		}
	}
	var rows []Row
	var bad []RowError
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad = append(bad, RowError{pe.StartLine, pe.Err.Error()})
				continue
			}
			return rows, bad, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			bad = append(bad, RowError{line, fmt.Sprintf("%d fields, header has %d", len(rec), len(header))})
			continue
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, Row{File: "csv", Line: line, cols: cols, vals: rec})
	}
	return rows, bad, nil
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		case r > 127:
			fmt.Fprintf(&b, "%x", r)
		}
	}
	return strings.Trim(b.String(), "-")
}

// WriteUserPlaces writes places to DIR/places.NAME.tsv atomically, merged
// with what that file already holds (same id: the new row wins).
func WriteUserPlaces(dir, name string, places []Place) (string, error) {
	path := filepath.Join(dir, "places."+name+".tsv")
	byID := map[string]Place{}
	if data, err := os.ReadFile(path); err == nil {
		var errs ErrorList
		for _, p := range ParsePlaces(ReadTSV(strings.NewReader(string(data)), path, PlaceColumns, &errs), &errs) {
			byID[p.ID] = p
		}
		if err := errs.Err(); err != nil {
			return "", fmt.Errorf("existing %s: %w", path, err)
		}
	}
	for _, p := range places {
		byID[p.ID] = p
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rows [][]string
	for _, id := range ids {
		p := byID[id]
		lat, lon := "", ""
		if p.HasCoord {
			lat, lon = strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lon, 'f', -1, 64)
		}
		pop := ""
		if p.Pop > 0 {
			pop = strconv.Itoa(p.Pop)
		}
		rows = append(rows, []string{p.ID, cell(p.Name), cell(p.NameAr), cells(p.Names), p.Feature, p.Country,
			cell(p.Admin1), cell(p.Admin2), lat, lon, pop, cell(p.Source)})
	}
	return path, writeAtomic(path, PlaceColumns, rows)
}

// WriteUserActors writes actors to DIR/actors.NAME.tsv atomically, merged
// with what that file already holds.
func WriteUserActors(dir, name string, actors []Actor) (string, error) {
	path := filepath.Join(dir, "actors."+name+".tsv")
	byID := map[string]Actor{}
	if data, err := os.ReadFile(path); err == nil {
		var errs ErrorList
		for _, a := range ParseActors(ReadTSV(strings.NewReader(string(data)), path, ActorColumns, &errs), &errs) {
			byID[a.ID] = a
		}
		if err := errs.Err(); err != nil {
			return "", fmt.Errorf("existing %s: %w", path, err)
		}
	}
	for _, a := range actors {
		byID[a.ID] = a
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rows [][]string
	for _, id := range ids {
		a := byID[id]
		rows = append(rows, []string{a.ID, cell(a.Name), cell(a.NameAr), strconv.Itoa(a.Inter), a.Country, a.Kind, a.Parent,
			itoa(a.From), itoa(a.To), cells(a.Theatres), cells(a.Aliases)})
	}
	return path, writeAtomic(path, ActorColumns, rows)
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func cell(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, s))
}

func cells(ss []string) string {
	var out []string
	for _, s := range ss {
		if c := cell(s); c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, "|")
}

// writeAtomic writes a TSV file through a temporary file and a rename, so
// that a failed import leaves the old file as it was.
func writeAtomic(path string, header []string, rows [][]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".import-*.tsv")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := writeTSV(tmp, header, rows); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
