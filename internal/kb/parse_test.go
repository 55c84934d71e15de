package kb

import (
	"reflect"
	"strings"
	"testing"
)

// row builds one TSV row of cols from base with col=value overrides and
// reads it back with ReadTSV (line 2 of t.tsv).
func row(t *testing.T, cols []string, base map[string]string, over ...string) []Row {
	t.Helper()
	vals := map[string]string{}
	for k, v := range base {
		vals[k] = v
	}
	for _, o := range over {
		k, v, _ := strings.Cut(o, "=")
		vals[k] = v
	}
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = vals[c]
	}
	var errs ErrorList
	rows := ReadTSV(strings.NewReader(strings.Join(cols, "\t")+"\n"+strings.Join(cells, "\t")+"\n"), "t.tsv", cols, &errs)
	if err := errs.Err(); err != nil {
		t.Fatalf("ReadTSV: %v", err)
	}
	return rows
}

type parseCase struct {
	name string
	over []string // col=value changes to a good row
	want string   // the errors, joined by newlines; "" for none
}

func runParse[T any](t *testing.T, cols []string, base map[string]string, parse func([]Row, *ErrorList) []T, tests []parseCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs ErrorList
			out := parse(row(t, cols, base, tt.over...), &errs)
			if got := strings.Join(errsText(errs), "\n"); got != tt.want {
				t.Errorf("parse(%q) errors = %q; want %q", tt.over, got, tt.want)
			}
			if wantN := map[bool]int{true: 1, false: 0}[tt.want == ""]; len(out) != wantN {
				t.Errorf("parse(%q) = %d values; want %d", tt.over, len(out), wantN)
			}
		})
	}
}

var goodActor = map[string]string{
	"id": "sy.x", "name": "X Brigade", "name_ar": "لواء إكس", "inter": "2", "country": "SY", "kind": "armed_group",
	"from": "2012", "to": "2020", "theatres": "SY|IQ", "aliases": "إكس|X",
}

func TestParseActors(t *testing.T) {
	runParse(t, ActorColumns, goodActor, ParseActors, []parseCase{
		{"good", nil, ""},
		{"aliases without name_ar", []string{"name_ar="}, ""},
		{"transnational: no country", []string{"country="}, ""},
		{"open years", []string{"from=", "to="}, ""},
		{"uppercase id", []string{"id=SY.X"}, `t.tsv:2: id "SY.X": want lowercase ASCII like sy.sdf`},
		{"empty id", []string{"id="}, `t.tsv:2: id "": want lowercase ASCII like sy.sdf`},
		{"id with a space", []string{"id=sy x"}, `t.tsv:2: id "sy x": want lowercase ASCII like sy.sdf`},
		{"no name", []string{"name="}, "t.tsv:2: sy.x: no name"},
		{"neither name_ar nor aliases", []string{"name_ar=", "aliases="}, "t.tsv:2: sy.x: neither name_ar nor aliases"},
		{"inter 0", []string{"inter=0"}, "t.tsv:2: sy.x: inter 0 not in 1..8"},
		{"inter 9", []string{"inter=9"}, "t.tsv:2: sy.x: inter 9 not in 1..8"},
		{"inter empty", []string{"inter="}, "t.tsv:2: sy.x: inter 0 not in 1..8"},
		{"inter not a number", []string{"inter=two"}, "t.tsv:2: inter: \"two\" is not an integer\nt.tsv:2: sy.x: inter 0 not in 1..8"},
		{"country not ISO2", []string{"country=Syria"}, `t.tsv:2: sy.x: country "Syria" is not ISO2`},
		{"country lowercase", []string{"country=sy"}, `t.tsv:2: sy.x: country "sy" is not ISO2`},
		{"unknown kind", []string{"kind=rebels"}, `t.tsv:2: sy.x: unknown kind "rebels"`},
		{"to before from", []string{"from=2020", "to=2019"}, "t.tsv:2: sy.x: to 2019 before from 2020"},
		{"from not a number", []string{"from=x"}, `t.tsv:2: from: "x" is not an integer`},
		{"bad theatre", []string{"theatres=SY|Iraq"}, `t.tsv:2: sy.x: theatre "Iraq" is not ISO2`},
	})
	var errs ErrorList
	got := ParseActors(row(t, ActorColumns, goodActor, "parent=sy.sdf"), &errs)
	want := []Actor{{ID: "sy.x", Name: "X Brigade", NameAr: "لواء إكس", Inter: 2, Country: "SY", Kind: "armed_group",
		Parent: "sy.sdf", From: 2012, To: 2020, Theatres: []string{"SY", "IQ"}, Aliases: []string{"إكس", "X"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseActors = %+v; want %+v", got, want)
	}
}

func TestParseGenerics(t *testing.T) {
	base := map[string]string{"phrase": "الجيش", "kind": "army", "note": "n"}
	runParse(t, GenericColumns, base, ParseGenerics, []parseCase{
		{"good", nil, ""},
		{"generic kind", []string{"kind=unidentified"}, ""},
		{"anaphor", []string{"kind=anaphor"}, ""},
		{"empty phrase", []string{"phrase="}, "t.tsv:2: empty phrase"},
		{"unknown kind", []string{"kind=rebels"}, `t.tsv:2: الجيش: unknown kind "rebels"`},
		{"empty kind", []string{"kind="}, `t.tsv:2: الجيش: unknown kind ""`},
	})
}

func TestParseCues(t *testing.T) {
	base := map[string]string{"word": "مطار", "class": "facility", "keep": "yes"}
	runParse(t, CueColumns, base, ParseCues, []parseCase{
		{"good", nil, ""},
		{"keep no", []string{"keep=no"}, ""},
		{"empty word", []string{"word="}, "t.tsv:2: empty word"},
		{"unknown class", []string{"class=airport"}, `t.tsv:2: مطار: unknown class "airport"`},
		{"keep neither yes nor no", []string{"keep=1"}, "t.tsv:2: مطار: keep must be yes or no"},
		{"keep empty", []string{"keep="}, "t.tsv:2: مطار: keep must be yes or no"},
	})
	var errs ErrorList
	if got := ParseCues(row(t, CueColumns, base), &errs); len(got) != 1 || !got[0].Keep {
		t.Errorf("ParseCues(keep=yes) = %+v; want Keep", got)
	}
}

func TestParseCountries(t *testing.T) {
	base := map[string]string{"iso2": "SY", "name": "Syria", "name_ar": "سوريا", "aliases": "سورية", "adjectives": "سوري|السورية",
		"capital_ar": "دمشق", "lat": "35", "lon": "38.5"}
	runParse(t, CountryColumns, base, ParseCountries, []parseCase{
		{"good", nil, ""},
		{"no coordinates", []string{"lat=", "lon="}, ""},
		{"iso2 of three letters", []string{"iso2=SYR"}, `t.tsv:2: iso2 "SYR"`},
		{"iso2 lowercase", []string{"iso2=sy"}, `t.tsv:2: iso2 "sy"`},
		{"no name", []string{"name="}, "t.tsv:2: SY: name and name_ar required"},
		{"no name_ar", []string{"name_ar="}, "t.tsv:2: SY: name and name_ar required"},
		{"lat not a number", []string{"lat=north"}, `t.tsv:2: lat: "north" is not a number`},
	})
	var errs ErrorList
	got := ParseCountries(row(t, CountryColumns, base), &errs)
	want := []Country{{ISO2: "SY", Name: "Syria", NameAr: "سوريا", Aliases: []string{"سورية"}, Adjectives: []string{"سوري", "السورية"},
		CapitalAr: "دمشق", Lat: 35, Lon: 38.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseCountries = %+v; want %+v", got, want)
	}
}

var goodPlace = map[string]string{
	"id": "gn.170794", "name": "Hajin", "name_ar": "هجين", "names": "هجين الشرقية", "feature": "town", "country": "SY",
	"admin1": "Deir ez-Zor", "lat": "34.69", "lon": "40.83", "population": "37935", "source": "geonames:170794",
}

func TestParsePlaces(t *testing.T) {
	runParse(t, PlaceColumns, goodPlace, ParsePlaces, []parseCase{
		{"good", nil, ""},
		{"English name only", []string{"name_ar="}, ""},
		{"Arabic name only", []string{"name="}, ""},
		{"no coordinates", []string{"lat=", "lon="}, ""},
		{"poles and antimeridian", []string{"lat=-90", "lon=180"}, ""},
		{"id with capitals", []string{"id=GN.1"}, `t.tsv:2: id "GN.1": want lowercase ASCII`},
		{"no name", []string{"name=", "name_ar="}, "t.tsv:2: gn.170794: no name"},
		{"unknown feature", []string{"feature=hamlet"}, `t.tsv:2: gn.170794: unknown feature "hamlet"`},
		{"no country", []string{"country="}, `t.tsv:2: gn.170794: country "" is not ISO2`},
		{"country not ISO2", []string{"country=SYR"}, `t.tsv:2: gn.170794: country "SYR" is not ISO2`},
		{"lat without lon", []string{"lon="}, "t.tsv:2: gn.170794: give both lat and lon or neither"},
		{"lon without lat", []string{"lat="}, "t.tsv:2: gn.170794: give both lat and lon or neither"},
		{"lat out of range", []string{"lat=91"}, "t.tsv:2: gn.170794: coordinates out of range"},
		{"lon out of range", []string{"lon=-180.5"}, "t.tsv:2: gn.170794: coordinates out of range"},
		{"lat not a number", []string{"lat=34,69"}, "t.tsv:2: lat: \"34,69\" is not a number\nt.tsv:2: gn.170794: give both lat and lon or neither"},
		{"NaN lat", []string{"lat=NaN"}, "t.tsv:2: lat: \"NaN\" is not a number\nt.tsv:2: gn.170794: give both lat and lon or neither"},
		{"population not a number", []string{"population=many"}, `t.tsv:2: population: "many" is not an integer`},
	})
	var errs ErrorList
	got := ParsePlaces(row(t, PlaceColumns, goodPlace), &errs)
	want := []Place{{ID: "gn.170794", Name: "Hajin", NameAr: "هجين", Names: []string{"هجين الشرقية"}, Feature: "town", Country: "SY",
		Admin1: "Deir ez-Zor", Lat: 34.69, Lon: 40.83, HasCoord: true, Pop: 37935, Source: "geonames:170794"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePlaces = %+v; want %+v", got, want)
	}
	// the curated files name the column "aliases"
	curated := []string{"id", "name", "name_ar", "aliases", "feature", "country", "lat", "lon"}
	got = ParsePlaces(row(t, curated, map[string]string{"id": "cur.sy.x", "name_ar": "إكس", "aliases": "اكس|X", "feature": "camp", "country": "SY"}), &errs)
	if len(got) != 1 || strings.Join(got[0].Names, "/") != "اكس/X" || got[0].HasCoord || len(errs) != 0 {
		t.Errorf("ParsePlaces(curated) = %+v, %q; want names from aliases, no coordinates", got, errsText(errs))
	}
}

func TestParseTriggers(t *testing.T) {
	base := map[string]string{"id": "attack.qasf", "class": "shelling", "verb": "قصف|يقصف", "passive": "1", "nouns": "قصف",
		"frame": "gen=agent على=target", "cameo": "195"}
	runParse(t, TriggerColumns, base, ParseTriggers, []parseCase{
		{"good", nil, ""},
		{"nouns only", []string{"verb="}, ""},
		{"verb only", []string{"nouns="}, ""},
		{"no frame", []string{"frame="}, ""},
		{"frame item without role", []string{"frame=gen"}, `t.tsv:2: attack.qasf: frame item "gen": want key=role`},
		{"frame item with empty role", []string{"frame=gen= على=target"}, `t.tsv:2: attack.qasf: frame item "gen=": want key=role`},
		{"bad id", []string{"id=Attack"}, `t.tsv:2: id "Attack"`},
		{"no class", []string{"class="}, "t.tsv:2: attack.qasf: no class"},
		{"past without present", []string{"verb=قصف"}, "t.tsv:2: attack.qasf: verb needs past|present"},
		{"neither verb nor nouns", []string{"verb=", "nouns="}, "t.tsv:2: attack.qasf: neither verb nor nouns"},
		{"no CAMEO code", []string{"cameo="}, "t.tsv:2: attack.qasf: no CAMEO code"},
	})
	var errs ErrorList
	got := ParseTriggers(row(t, TriggerColumns, base, "passive="), &errs)
	want := []Trigger{{ID: "attack.qasf", Class: "shelling", Verb: []string{"قصف", "يقصف"}, Nouns: []string{"قصف"},
		Frame: map[string]string{"gen": "agent", "على": "target"}, CAMEO: "195"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseTriggers = %+v; want %+v", got, want)
	}
}

func TestParseModifiers(t *testing.T) {
	base := map[string]string{"word": "مسيرة", "feature": "drone"}
	runParse(t, ModifierColumns, base, ParseModifiers, []parseCase{
		{"good", nil, ""},
		{"unknown feature", []string{"feature=laser"}, `t.tsv:2: modifier "مسيرة": unknown feature "laser"`},
		{"empty feature", []string{"feature="}, `t.tsv:2: modifier "مسيرة": unknown feature ""`},
		{"empty word", []string{"word="}, "t.tsv:2: empty word"},
	})
}
