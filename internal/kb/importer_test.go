package kb

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// placeLine renders a place on one line for comparison.
func placeLine(p Place) string {
	coord := "-"
	if p.HasCoord {
		coord = fmt.Sprint(p.Lat, ",", p.Lon)
	}
	return strings.Join([]string{p.ID, p.Name, p.NameAr, strings.Join(p.Names, "/"), p.Feature, p.Country, p.Admin1,
		coord, fmt.Sprint(p.Pop), p.Source}, " | ")
}

func placeLines(ps []Place) []string {
	var out []string
	for _, p := range ps {
		out = append(out, placeLine(p))
	}
	return out
}

func badLines(bad []RowError) []string {
	var out []string
	for _, b := range bad {
		out = append(out, b.Error())
	}
	return out
}

func checkLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s =\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestImportGeoNames(t *testing.T) {
	k := loadFixture(t, Options{})
	commonBad := []string{
		"line 6: 18 columns, want 19 (GeoNames dump format)",
		`line 7: bad coordinates "abc", "40.2"`,
		`line 8: bad coordinates "NaN", "40.2"`,
		`line 9: country code "sy" is not ISO2`,
		`line 10: geonameid "x100" is not a number`,
	}
	tests := []struct {
		name        string
		alt         string // testdata file or ""
		k           *KB
		want        []string
		wantBad     []string
		wantSkipped int
		wantKnown   int
	}{
		{
			name: "dump alone",
			k:    k,
			want: []string{
				// known place with a new name: the KB's entry plus the name
				"gn.2 | Sur | صور | سور | village | SY | Deir ez-Zor | 35.5,40.6 | 800 | geonames:2",
				// head noun stripped, so the second name folds into the first; PPLA2 under 50,000 is a town
				"gn.100001 | Al Mayadin | الميادين |  | town | SY | Deir ez-Zor | 35.01,40.45 | 44028 | geonames:100001",
				// presentation-form name dropped; admin1 code unknown to the KB
				"gn.100007 | Al Busayrah | البصيرة |  | city | SY |  | 35.15,40.42 | 120000 | geonames:100007",
				"gn.100008 | Deir ez-Zor Airport | مطار دير الزور |  | airport | SY | Deir ez-Zor | 35.28,40.17 | 0 | geonames:100008",
			},
			wantBad:     commonBad,
			wantSkipped: 3, // Qarya, Khasham, Latin Only
			wantKnown:   1, // Hajin
		},
		{
			name: "with alternate names",
			alt:  "geonames/alternateNames.txt",
			k:    k,
			want: []string{
				"gn.2 | Sur | صور | سور | village | SY | Deir ez-Zor | 35.5,40.6 | 800 | geonames:2",
				"gn.100001 | Al Mayadin | الميادين |  | town | SY | Deir ez-Zor | 35.01,40.45 | 44028 | geonames:100001",
				"gn.100006 | Khasham | خشام |  | town | SY | Deir ez-Zor | 35.28,40.27 | 9000 | geonames:100006",
				"gn.100007 | Al Busayrah | البصيرة | البصيرة الشرقية | city | SY |  | 35.15,40.42 | 120000 | geonames:100007",
				"gn.100008 | Deir ez-Zor Airport | مطار دير الزور |  | airport | SY | Deir ez-Zor | 35.28,40.17 | 0 | geonames:100008",
			},
			wantBad:     append([]string{"alternate names line 4: 1 columns, want at least 4 (GeoNames alternateNames format)"}, commonBad...),
			wantSkipped: 2, // Qarya, and Latin Only: a Latin name filed under "ar" is not Arabic
			wantKnown:   1,
		},
		{
			name: "without a knowledge base",
			want: []string{
				"gn.170794 | Hajin | هجين |  | town | SY |  | 34.69,40.83 | 37935 | geonames:170794",
				"gn.2 | Sur | صور | سور | village | SY |  | 35.5,40.6 | 800 | geonames:2",
				"gn.100001 | Al Mayadin | الميادين |  | town | SY |  | 35.01,40.45 | 44028 | geonames:100001",
				"gn.100007 | Al Busayrah | البصيرة |  | city | SY |  | 35.15,40.42 | 120000 | geonames:100007",
				"gn.100008 | Deir ez-Zor Airport | مطار دير الزور |  | airport | SY |  | 35.28,40.17 | 0 | geonames:100008",
			},
			wantBad:     commonBad,
			wantSkipped: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var alt io.Reader
			if tt.alt != "" {
				alt = open(t, tt.alt)
			}
			res, err := ImportGeoNames(open(t, "geonames/SY.txt"), alt, tt.k)
			if err != nil {
				t.Fatalf("ImportGeoNames = %v", err)
			}
			checkLines(t, "ImportGeoNames places", placeLines(res.Places), tt.want)
			checkLines(t, "ImportGeoNames bad rows", badLines(res.Bad), tt.wantBad)
			if res.Skipped != tt.wantSkipped || res.Known != tt.wantKnown {
				t.Errorf("ImportGeoNames Skipped, Known = %d, %d; want %d, %d", res.Skipped, res.Known, tt.wantSkipped, tt.wantKnown)
			}
		})
	}
	t.Run("known entry keeps its facts", func(t *testing.T) {
		res, _ := ImportGeoNames(open(t, "geonames/SY.txt"), nil, k)
		old, _ := k.Place("gn.2")
		if res.Places[0].ID != "gn.2" || len(old.Names) != 0 {
			t.Fatalf("Places[0] = %s, KB names %q; want gn.2 and the KB's entry unchanged", placeLine(res.Places[0]), old.Names)
		}
	})
}

func TestImportGeoNamesReadError(t *testing.T) {
	long := strings.Repeat("x", 17<<20) // past the scanner's 16 MB line limit
	if _, err := ImportGeoNames(strings.NewReader(long), nil, nil); err == nil {
		t.Errorf("ImportGeoNames(17 MB line) = nil error; want one")
	}
	if _, err := ImportGeoNames(strings.NewReader(""), strings.NewReader(long), nil); err == nil || !strings.HasPrefix(err.Error(), "alternate names: ") {
		t.Errorf("ImportGeoNames(alternate names with a 17 MB line) = %v; want an alternate names error", err)
	}
}

func TestGeoNamesFeature(t *testing.T) {
	tests := []struct {
		class, code string
		pop         int
		want        string
	}{
		{"P", "PPLC", 0, "city"},
		{"P", "PPLA", 10, "city"},
		{"P", "PPLA2", 49999, "town"},
		{"P", "PPLA2", 50000, "city"},
		{"P", "PPLA3", 100, "town"},
		{"P", "PPLX", 500000, "neighbourhood"},
		{"P", "PPL", 100000, "city"},
		{"P", "PPL", 5000, "town"},
		{"P", "PPL", 4999, "village"},
		{"A", "ADM1", 0, "admin1"},
		{"A", "ADM2", 0, "admin2"},
		{"A", "ADM3", 0, "admin3"},
		{"A", "PCLI", 0, "country"},
		{"H", "STM", 0, "river"},
		{"T", "MT", 0, "mountain"},
		{"S", "AIRB", 0, "airport"},
		{"S", "CMPRF", 0, "camp"},
		{"S", "INSM", 0, "base"},
		{"S", "MSQE", 0, "landmark"},
		{"L", "AREA", 0, "region"},
	}
	for _, tt := range tests {
		if got := GeoNamesFeature(tt.class, tt.code, tt.pop); got != tt.want {
			t.Errorf("GeoNamesFeature(%q, %q, %d) = %q; want %q", tt.class, tt.code, tt.pop, got, tt.want)
		}
		if !slices.Contains(Features, GeoNamesFeature(tt.class, tt.code, tt.pop)) {
			t.Errorf("GeoNamesFeature(%q, %q, %d) is not in Features", tt.class, tt.code, tt.pop)
		}
	}
}

func TestStripHead(t *testing.T) {
	tests := []struct{ in, want string }{
		{"مدينة رأس الخيمة", "رأس الخيمة"},
		{" محافظة دير الزور ", "دير الزور"},
		{"قرية الباغوز", "الباغوز"},
		{"مدينة", "مدينة"},
		{"مدينة ص", "مدينة ص"}, // too little left
		{"المدينة المنورة", "المدينة المنورة"},
	}
	for _, tt := range tests {
		if got := StripHead(tt.in); got != tt.want {
			t.Errorf("StripHead(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestImportPlacesCSV(t *testing.T) {
	res, err := ImportPlacesCSV(open(t, "places.csv"))
	if err != nil {
		t.Fatalf("ImportPlacesCSV = %v", err)
	}
	checkLines(t, "ImportPlacesCSV places", placeLines(res.Places), []string{
		"cur.sy.tal-tamr | Tal Tamr | تل تمر | تل التمر/تلتمر | town | SY | Al-Hasakah | 36.65,40.37 | 7000 | user",
		"user.sy.abu-hamam-623628648-62d645627645 | Abu Hamam | أبو حمام |  | village | SY | Deir ez-Zor | 34.83,40.77 | 0 | user",
		"user.sy.abu-hamam-623628648-62d645627645-2 | Abu Hamam | أبو حمام |  | village | SY | Homs | 34.5,37 | 0 | user",
		"x.quoted | Quoted, with comma | مكان |  | landmark | SY |  | - | 0 | user",
		"x.ml | Multi\nLine | مكان ثان |  | village | SY |  | - | 0 | user",
	})
	checkLines(t, "ImportPlacesCSV bad rows", badLines(res.Bad), []string{
		`line 5: x.bad: unknown feature "hamlet"`,
		`line 6: x.cc: country "Syria" is not ISO2`,
		"line 7: x.lat: give both lat and lon or neither",
		`line 8: lat: "NaN" is not a number`,
		"line 9: 2 fields, header has 10",
		"line 11: field 3 (name_ar) uses Arabic presentation forms (write plain letters)",
		`line 12: duplicate id "cur.sy.tal-tamr" (first on line 2)`,
		`line 15: bare " in non-quoted-field`,
		`line 16: population: "lots" is not an integer`,
	})
}

func TestImportCSVHeaderErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		actors bool
		want   string
	}{
		{"places: empty input", "", false, "no header: EOF"},
		{"places: no feature column", "id,name_ar,country\n", false, `header lacks column "feature"`},
		{"places: column named twice", "country,feature,country\n", false, `header names column "country" twice`},
		{"actors: no kind column", "id,name,inter\n", true, `header lacks column "kind"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.actors {
				_, err = ImportActorsCSV(strings.NewReader(tt.in), nil)
			} else {
				_, err = ImportPlacesCSV(strings.NewReader(tt.in))
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("import(%q) = %v; want %q", tt.in, err, tt.want)
			}
		})
	}
}

func actorLines(as []Actor) []string {
	var out []string
	for _, a := range as {
		out = append(out, fmt.Sprintf("%s | %s | %s | %d | %s | %s | %s | %d-%d | %s | %s", a.ID, a.Name, a.NameAr, a.Inter,
			a.Country, a.Kind, a.Parent, a.From, a.To, strings.Join(a.Theatres, "/"), strings.Join(a.Aliases, "/")))
	}
	return out
}

func TestImportActorsCSV(t *testing.T) {
	commonBad := []string{
		`line 4: sy.orphan: parent "sy.nobody" does not exist`,
		"line 5: sy.badparent: inter 9 not in 1..8",
		`line 6: sy.grandchild: parent "sy.badparent" does not exist`,
		`line 7: sy.greatgrandchild: parent "sy.grandchild" does not exist`,
		`line 8: duplicate id "sy.child" (first on line 2)`,
		`line 9: id "Sy.Upper": want lowercase ASCII like sy.sdf`,
		"line 10: sy.noar: neither name_ar nor aliases",
		`line 12: sy.kind: unknown kind "rebels"`,
	}
	tests := []struct {
		name    string
		k       *KB
		want    []string
		wantBad []string
	}{
		{
			name: "parents in the KB and in the file",
			k:    loadFixture(t, Options{}),
			want: []string{
				"sy.child | Child Brigade | لواء الابن | 3 | SY | militia | sy.newparent | 0-0 | SY | ",
				"sy.newparent | New Parent | الأب الجديد | 2 | SY | armed_group | sy.sdf | 2016-0 | SY | الأب",
				"int.x | Transnational X | إكس | 2 |  | armed_group |  | 2014-0 | SY/IQ | X/إكس الدولية",
			},
			wantBad: commonBad,
		},
		{
			name: "without a KB a parent outside the file is missing, and so is its child's",
			want: []string{
				"int.x | Transnational X | إكس | 2 |  | armed_group |  | 2014-0 | SY/IQ | X/إكس الدولية",
			},
			wantBad: slices.Concat(
				[]string{`line 2: sy.child: parent "sy.newparent" does not exist`, `line 3: sy.newparent: parent "sy.sdf" does not exist`},
				commonBad),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ImportActorsCSV(open(t, "actors.csv"), tt.k)
			if err != nil {
				t.Fatalf("ImportActorsCSV = %v", err)
			}
			checkLines(t, "ImportActorsCSV actors", actorLines(res.Actors), tt.want)
			checkLines(t, "ImportActorsCSV bad rows", badLines(res.Bad), tt.wantBad)
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Abu Kamal", "abu-kamal"},
		{"  Tell--Abyad. ", "tell-abyad"},
		{"Ra's al-Ayn", "ras-al-ayn"},
		{"قسد", "64263362f"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// golden compares got with testdata/golden/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file (go test -update rewrites it):\n%s\nwant\n%s", name, got, want)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteUserPlaces(t *testing.T) {
	k := loadFixture(t, Options{})
	res, err := ImportGeoNames(open(t, "geonames/SY.txt"), open(t, "geonames/alternateNames.txt"), k)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "kb") // created on the first write
	path, err := WriteUserPlaces(dir, "SY", res.Places)
	if err != nil {
		t.Fatalf("WriteUserPlaces = %v", err)
	}
	if want := filepath.Join(dir, "places.SY.tsv"); path != want {
		t.Errorf("WriteUserPlaces path = %q; want %q", path, want)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "places.SY.tsv", first)
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && st.Mode().Perm() != 0o644 {
		t.Errorf("mode of %s = %v; want 0644", path, st.Mode().Perm())
	}

	// the file reads back as what was written
	var errs ErrorList
	back := ParsePlaces(ReadTSV(bytes.NewReader(first), path, PlaceColumns, &errs), &errs)
	want := slices.Clone(res.Places)
	slices.SortFunc(want, func(a, b Place) int { return strings.Compare(a.ID, b.ID) })
	checkLines(t, "places read back", placeLines(back), placeLines(want))
	if err := errs.Err(); err != nil {
		t.Errorf("reading back: %v", err)
	}

	// a second import merges: rows it holds replace, the rest stay
	second := []Place{
		{ID: "gn.100001", Name: "Mayadin", NameAr: "الميادين", Feature: "city", Country: "SY", Source: "user"},
		{ID: "user.sy.new", NameAr: "جديدة\tمكان", Names: []string{"a|b", " c "}, Feature: "village", Country: "SY"},
	}
	if _, err := WriteUserPlaces(dir, "SY", second); err != nil {
		t.Fatalf("second WriteUserPlaces = %v", err)
	}
	merged, _ := os.ReadFile(path)
	golden(t, "places.SY.merged.tsv", merged)

	// the loader uses it on top of the KB
	k2 := loadFixture(t, Options{UserDir: dir})
	for name, wantID := range map[string]string{"خشام": "gn.100006", "سور": "gn.2", "صور": "gn.268064", "جديدة مكان": "user.sy.new"} {
		e, _ := k2.Lookup(Key(name))
		if len(e) == 0 || e[0].Kind != EPlace || k2.Places[e[0].Index].ID != wantID {
			t.Errorf("after import Lookup(%q) = %s; want place:%s first", Key(name), describe(k2, e), wantID)
		}
	}
	if p, _ := k2.Place("gn.100001"); p.Feature != "city" || p.HasCoord {
		t.Errorf("after import gn.100001 = %s; want the second import's row", placeLine(*p))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"places.SY.tsv"}) {
		t.Errorf("user dir holds %q; want only places.SY.tsv", names)
	}
}

func TestWriteUserPlacesKeepsFileOnError(t *testing.T) {
	dir := t.TempDir()
	good := []Place{{ID: "user.sy.a", NameAr: "أ", Feature: "village", Country: "SY"}}
	path, err := WriteUserPlaces(dir, "x", good)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	tests := []struct {
		name   string
		places []Place
		want   string
	}{
		{"invalid country", []Place{{ID: "user.sy.b", NameAr: "ب", Feature: "village", Country: "sy"}}, `user.sy.b: country "sy" is not ISO2`},
		{"presentation forms", []Place{{ID: "user.sy.c", NameAr: "\ufebb\ufeee\ufead", Feature: "village", Country: "SY"}}, "presentation forms"},
		{"coordinates out of range", []Place{{ID: "user.sy.d", NameAr: "د", Feature: "village", Country: "SY", Lat: 100, Lon: 1, HasCoord: true}}, "coordinates out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := WriteUserPlaces(dir, "x", tt.places)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "not written") {
				t.Errorf("WriteUserPlaces(%s) = %v; want an error containing %q", placeLine(tt.places[0]), err, tt.want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Errorf("WriteUserPlaces(%s) changed the file:\n%s", placeLine(tt.places[0]), after)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"places.x.tsv"}) {
				t.Errorf("user dir holds %q; want only places.x.tsv", names)
			}
		})
	}
	t.Run("existing file does not parse", func(t *testing.T) {
		bad := []byte("id\tname\nx\n")
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := WriteUserPlaces(dir, "x", good)
		if err == nil || !strings.HasPrefix(err.Error(), "existing "+path) {
			t.Errorf("WriteUserPlaces over a bad file = %v; want an error naming it", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
			t.Errorf("WriteUserPlaces changed the bad file to %q", after)
		}
	})
}

func TestWriteUserActors(t *testing.T) {
	k := loadFixture(t, Options{})
	res, err := ImportActorsCSV(open(t, "actors.csv"), k)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path, err := WriteUserActors(dir, "mine", res.Actors)
	if err != nil {
		t.Fatalf("WriteUserActors = %v", err)
	}
	if want := filepath.Join(dir, "actors.mine.tsv"); path != want {
		t.Errorf("WriteUserActors path = %q; want %q", path, want)
	}
	first, _ := os.ReadFile(path)
	golden(t, "actors.mine.tsv", first)
	var errs ErrorList
	back := ParseActors(ReadTSV(bytes.NewReader(first), path, ActorColumns, &errs), &errs)
	want := slices.Clone(res.Actors)
	slices.SortFunc(want, func(a, b Actor) int { return strings.Compare(a.ID, b.ID) })
	checkLines(t, "actors read back", actorLines(back), actorLines(want))

	// merge: replace one, add one, keep the rest
	second := []Actor{
		{ID: "int.x", Name: "Transnational X (renamed)", NameAr: "إكس", Inter: 2, Kind: "armed_group"},
		{ID: "sy.sdf", Name: "SDF (user)", NameAr: "قسد", Inter: 2, Country: "SY", Kind: "armed_group"},
	}
	if _, err := WriteUserActors(dir, "mine", second); err != nil {
		t.Fatalf("second WriteUserActors = %v", err)
	}
	merged, _ := os.ReadFile(path)
	golden(t, "actors.mine.merged.tsv", merged)

	k2 := loadFixture(t, Options{UserDir: dir})
	for id, name := range map[string]string{"int.x": "Transnational X (renamed)", "sy.sdf": "SDF (user)", "sy.child": "Child Brigade"} {
		if a, ok := k2.Actor(id); !ok || a.Name != name {
			t.Errorf("after import Actor(%q) = %v, %v; want name %q", id, a, ok, name)
		}
	}

	before := merged
	_, err = WriteUserActors(dir, "mine", []Actor{{ID: "sy.bad", Name: "Bad", NameAr: "سيء", Inter: 0, Kind: "militia"}})
	if err == nil || !strings.Contains(err.Error(), "inter 0 not in 1..8") {
		t.Errorf("WriteUserActors(inter 0) = %v; want an inter error", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Errorf("a failed WriteUserActors changed the file")
	}
}
