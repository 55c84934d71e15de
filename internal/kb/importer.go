package kb

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// RowError is a rejected input row.
type RowError struct {
	// File is "" for a row of the main input, else the name of the other
	// input it comes from ("alternate names").
	File string
	Line int
	Err  string
}

func (e RowError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Err)
}

// ImportResult says what an import read.
type ImportResult struct {
	Places  []Place
	Actors  []Actor
	Bad     []RowError
	Skipped int // rows read and deliberately not imported (no Arabic name)
	// Known counts GeoNames rows already in the knowledge base that add no
	// new Arabic name; they are left out so that the embedded entry, which
	// may carry curated facts, is not replaced by the raw row.
	Known int
}

// ImportGeoNames reads a GeoNames dump (a country file or allCountries.txt:
// 19 tab-separated columns) and, optionally, an alternateNames file
// (alternateNamesV2.txt) for more Arabic names. Rows without any Arabic name
// are skipped (rasd matches Arabic text); admin1 names come from the
// knowledge base's admin1 table. Names are cleaned as the compiler cleans
// them (a leading head noun such as مدينة is dropped; names in Arabic
// presentation forms are left out) and features are mapped the same way,
// so an imported row looks like an embedded one. A row whose place k
// already holds (same geonameid) is imported only when it brings new
// Arabic names, as the embedded entry with those names added. k may be nil.
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
					res.Bad = append(res.Bad, RowError{File: "alternate names", Line: line,
						Err: fmt.Sprintf("%d columns, want at least 4 (GeoNames alternateNames format)", len(f))})
				}
				continue
			}
			// language "ar", or none for a name in Arabic script; GeoNames
			// also files transliterations under "ar"
			if (f[2] == "ar" || f[2] == "") && isArabicText(f[3]) {
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
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 19 {
			res.Bad = append(res.Bad, RowError{Line: line, Err: fmt.Sprintf("%d columns, want 19 (GeoNames dump format)", len(f))})
			continue
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			res.Bad = append(res.Bad, RowError{Line: line, Err: fmt.Sprintf("geonameid %q is not a number", f[0])})
			continue
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		// !(a <= x && x <= b) also rejects NaN
		if err1 != nil || err2 != nil || !(-90 <= lat && lat <= 90) || !(-180 <= lon && lon <= 180) {
			res.Bad = append(res.Bad, RowError{Line: line, Err: fmt.Sprintf("bad coordinates %q, %q", f[4], f[5])})
			continue
		}
		if !isoRE.MatchString(f[8]) {
			res.Bad = append(res.Bad, RowError{Line: line, Err: fmt.Sprintf("country code %q is not ISO2", f[8])})
			continue
		}
		var ar []string
		for _, n := range strings.Split(f[3], ",") {
			ar = appendGeoName(ar, n)
		}
		for _, n := range extra[f[0]] {
			ar = appendGeoName(ar, n)
		}
		if len(ar) == 0 {
			res.Skipped++
			continue
		}
		id := "gn." + f[0]
		if old, ok := placeOf(k, id); ok {
			p, added := withNames(*old, ar)
			if !added {
				res.Known++
				continue
			}
			res.Places = append(res.Places, p)
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		if pop < 0 {
			pop = 0
		}
		p := Place{ID: id, Name: f[2], NameAr: ar[0], Names: ar[1:], Feature: GeoNamesFeature(f[6], f[7], pop),
			Country: f[8], Lat: lat, Lon: lon, HasCoord: true, Pop: pop, Source: "geonames:" + f[0]}
		if a1, ok := placeOf(k, "a1."+strings.ToLower(f[8])+"."+strings.ToLower(f[10])); ok {
			p.Admin1 = a1.Name
		}
		res.Places = append(res.Places, p)
	}
	if err := sc.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// placeOf is k.Place for a k that may be nil.
func placeOf(k *KB, id string) (*Place, bool) {
	if k == nil {
		return nil, false
	}
	return k.Place(id)
}

// appendGeoName adds a GeoNames name to list when it is Arabic, without
// presentation forms, and new; a leading head noun is dropped.
func appendGeoName(list []string, n string) []string {
	if !isArabicText(n) || hasPresentationForms(n) {
		return list
	}
	return appendName(list, StripHead(n))
}

// withNames returns p with the names of ns it lacks (by Key) added, and
// whether there were any.
func withNames(p Place, ns []string) (Place, bool) {
	have := map[string]bool{Key(p.NameAr): true}
	for _, n := range p.Names {
		have[Key(n)] = true
	}
	names := append([]string(nil), p.Names...)
	added := false
	for _, n := range ns {
		if key := Key(n); key != "" && !have[key] {
			have[key] = true
			names = append(names, n)
			added = true
		}
	}
	p.Names = names
	return p, added
}

// GeoNamesFeature maps a GeoNames feature class and code, and the
// population, to a rasd feature. The compiler and the importer share it, so
// that an imported row is classed like an embedded one.
func GeoNamesFeature(class, code string, pop int) string {
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
	case "PPLA2", "PPLA3", "PPLA4":
		if pop >= 50000 {
			return "city"
		}
		return "town"
	}
	switch {
	case pop >= 100000:
		return "city"
	case pop >= 5000:
		return "town"
	}
	return "village"
}

// heads are generic head nouns that some sources prefix to names.
var heads = []string{"مدينة ", "محافظة ", "بلدة ", "قرية ", "ناحية ", "منطقة ", "مديرية ", "ولاية ", "قضاء "}

// StripHead removes a generic head noun that some sources prefix to a name
// ("مدينة رأس الخيمة" → "رأس الخيمة"), unless too little would be left.
func StripHead(s string) string {
	s = strings.TrimSpace(s)
	for _, h := range heads {
		if rest, ok := strings.CutPrefix(s, h); ok && len(strings.TrimSpace(rest)) > 2 {
			return strings.TrimSpace(rest)
		}
	}
	return s
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
// without an id get one from their country and names (with -2, -3, ...
// added when two rows would get the same one); a row repeating another
// row's id is bad. Bad rows are reported in line order.
func ImportPlacesCSV(r io.Reader) (ImportResult, error) {
	rows, bad, err := readCSV(r, []string{"country", "feature"})
	res := ImportResult{Bad: bad}
	if err != nil {
		return res, err
	}
	lineOf := map[string]int{} // accepted id → its line
	for _, row := range rows {
		if row.Get("id") == "" {
			id := "user." + strings.ToLower(row.Get("country")) + "." + slug(row.Get("name")+"."+row.Get("name_ar"))
			for n, base := 2, id; lineOf[id] != 0; n++ {
				id = base + "-" + strconv.Itoa(n)
			}
			row.set("id", id)
		}
		if row.Get("source") == "" {
			row.set("source", "user")
		}
		var errs ErrorList
		ps := ParsePlaces([]Row{row}, &errs)
		if len(errs) > 0 {
			res.Bad = append(res.Bad, RowError{Line: row.Line, Err: stripPos(errs[0].Error())})
			continue
		}
		if first := lineOf[ps[0].ID]; first != 0 {
			res.Bad = append(res.Bad, RowError{Line: row.Line, Err: fmt.Sprintf("duplicate id %q (first on line %d)", ps[0].ID, first)})
			continue
		}
		lineOf[ps[0].ID] = row.Line
		res.Places = append(res.Places, ps...)
	}
	sortBad(res.Bad)
	return res, nil
}

// ImportActorsCSV reads actors from a CSV file with the actor columns
// (id, name, name_ar, inter, country, kind, parent, from, to, theatres,
// aliases); parent must exist in k (which may be nil) or be a good row of
// the file. A row repeating another row's id is bad. Bad rows are reported
// in line order.
func ImportActorsCSV(r io.Reader, k *KB) (ImportResult, error) {
	rows, bad, err := readCSV(r, []string{"id", "name", "inter", "kind"})
	res := ImportResult{Bad: bad}
	if err != nil {
		return res, err
	}
	type good struct {
		a    Actor
		line int
		ok   bool
	}
	var goods []good
	lineOf := map[string]int{} // good id → its line
	for _, row := range rows {
		var errs ErrorList
		as := ParseActors([]Row{row}, &errs)
		if len(errs) > 0 {
			res.Bad = append(res.Bad, RowError{Line: row.Line, Err: stripPos(errs[0].Error())})
			continue
		}
		if first := lineOf[as[0].ID]; first != 0 {
			res.Bad = append(res.Bad, RowError{Line: row.Line, Err: fmt.Sprintf("duplicate id %q (first on line %d)", as[0].ID, first)})
			continue
		}
		lineOf[as[0].ID] = row.Line
		goods = append(goods, good{as[0], row.Line, true})
	}
	// a parent must be known or a good row; dropping a row can orphan
	// another, so repeat until nothing changes
	for changed := true; changed; {
		changed = false
		for i := range goods {
			g := &goods[i]
			if !g.ok || g.a.Parent == "" || lineOf[g.a.Parent] != 0 {
				continue
			}
			if k != nil {
				if _, ok := k.Actor(g.a.Parent); ok {
					continue
				}
			}
			g.ok = false
			delete(lineOf, g.a.ID)
			changed = true
			res.Bad = append(res.Bad, RowError{Line: g.line, Err: fmt.Sprintf("%s: parent %q does not exist", g.a.ID, g.a.Parent)})
		}
	}
	for _, g := range goods {
		if g.ok {
			res.Actors = append(res.Actors, g.a)
		}
	}
	sortBad(res.Bad)
	return res, nil
}

func sortBad(bad []RowError) {
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Line < bad[j].Line })
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

// readCSV reads a CSV file with a header line. Records with the wrong
// number of fields, CSV syntax errors and fields in Arabic presentation
// forms come back as bad rows (which ReadTSV would reject once imported);
// fields are trimmed.
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
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := cols[h]; dup {
			return nil, nil, fmt.Errorf("header names column %q twice", h)
		}
		cols[h] = i
		header[i] = h
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
				bad = append(bad, RowError{Line: pe.StartLine, Err: pe.Err.Error()})
				continue
			}
			return rows, bad, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			bad = append(bad, RowError{Line: line, Err: fmt.Sprintf("%d fields, header has %d", len(rec), len(header))})
			continue
		}
		ok := true
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
			if ok && hasPresentationForms(rec[i]) {
				bad = append(bad, RowError{Line: line, Err: fmt.Sprintf("field %d (%s) uses Arabic presentation forms (write plain letters)", i+1, header[i])})
				ok = false
			}
		}
		if ok {
			rows = append(rows, Row{File: "csv", Line: line, cols: cols, vals: rec})
		}
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
// with what that file already holds (same id: the new row wins). The file
// is replaced only once the merged content reads back without error, so a
// failed import leaves it as it was.
func WriteUserPlaces(dir, name string, places []Place) (string, error) {
	path := filepath.Join(dir, "places."+name+".tsv")
	byID := map[string]Place{}
	data, err := readExisting(path)
	if err != nil {
		return "", err
	}
	if data != nil {
		var errs ErrorList
		for _, p := range ParsePlaces(ReadTSV(bytes.NewReader(data), path, PlaceColumns, &errs), &errs) {
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
		rows = append(rows, []string{cell(p.ID), cell(p.Name), cell(p.NameAr), cells(p.Names), cell(p.Feature), cell(p.Country),
			cell(p.Admin1), cell(p.Admin2), lat, lon, pop, cell(p.Source)})
	}
	check := func(b []byte, errs *ErrorList) {
		ParsePlaces(ReadTSV(bytes.NewReader(b), path, PlaceColumns, errs), errs)
	}
	return path, writeAtomic(path, PlaceColumns, rows, check)
}

// WriteUserActors writes actors to DIR/actors.NAME.tsv atomically, merged
// with what that file already holds (same id: the new row wins). The file
// is replaced only once the merged content reads back without error.
func WriteUserActors(dir, name string, actors []Actor) (string, error) {
	path := filepath.Join(dir, "actors."+name+".tsv")
	byID := map[string]Actor{}
	data, err := readExisting(path)
	if err != nil {
		return "", err
	}
	if data != nil {
		var errs ErrorList
		for _, a := range ParseActors(ReadTSV(bytes.NewReader(data), path, ActorColumns, &errs), &errs) {
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
		rows = append(rows, []string{cell(a.ID), cell(a.Name), cell(a.NameAr), strconv.Itoa(a.Inter), cell(a.Country), cell(a.Kind), cell(a.Parent),
			itoa(a.From), itoa(a.To), cells(a.Theatres), cells(a.Aliases)})
	}
	check := func(b []byte, errs *ErrorList) {
		ParseActors(ReadTSV(bytes.NewReader(b), path, ActorColumns, errs), errs)
	}
	return path, writeAtomic(path, ActorColumns, rows, check)
}

// readExisting returns the content of a user file, nil when there is none.
func readExisting(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
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
// that a failed import leaves the old file as it was. check parses the new
// content as the loader will; on any error nothing is written.
func writeAtomic(path string, header []string, rows [][]string, check func([]byte, *ErrorList)) error {
	var buf bytes.Buffer
	if err := writeTSV(&buf, header, rows); err != nil {
		return err
	}
	var errs ErrorList
	check(buf.Bytes(), &errs)
	if err := errs.Err(); err != nil {
		return fmt.Errorf("not written, the new content would not load: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".import-*.tsv")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes 0600
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
