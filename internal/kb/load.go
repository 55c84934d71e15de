package kb

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Column sets of the TSV files (see data/README.md).
var (
	ActorColumns   = []string{"id", "name", "name_ar", "inter", "country", "kind", "parent", "from", "to", "theatres", "aliases"}
	GenericColumns = []string{"phrase", "kind", "note"}
	CueColumns     = []string{"word", "class", "keep"}
	CountryColumns = []string{"iso2", "name", "name_ar", "aliases", "adjectives", "capital_ar", "lat", "lon"}
	// PlaceColumns is the compiled gazetteer's format (embedded/places.tsv and
	// user places files).
	PlaceColumns = []string{"id", "name", "name_ar", "names", "feature", "country", "admin1", "admin2", "lat", "lon", "population", "source"}
)

// ActorKinds are the valid actor kinds.
var ActorKinds = []string{"army", "airforce", "navy", "police", "intelligence", "security", "ministry", "government",
	"presidency", "parliament", "armed_group", "militia", "tribe", "coalition", "party", "igo", "ngo", "pmc",
	"protesters", "civilians"}

// GenericKinds are the kinds a generic phrase may resolve to besides ActorKinds.
var GenericKinds = []string{"unidentified", "civilians", "protesters", "opposition", "anaphor"}

// Features are the valid place feature types.
var Features = []string{"country", "admin1", "admin2", "admin3", "city", "town", "village", "neighbourhood",
	"camp", "crossing", "river", "region", "mountain", "airport", "base", "landmark"}

var (
	idRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9._:-]*$`)
	isoRE = regexp.MustCompile(`^[A-Z]{2}$`)
)

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseActors validates actor rows.
func ParseActors(rows []Row, errs *ErrorList) []Actor {
	var out []Actor
	for _, r := range rows {
		a := Actor{
			ID: r.Get("id"), Name: r.Get("name"), NameAr: r.Get("name_ar"),
			Country: r.Get("country"), Kind: r.Get("kind"), Parent: r.Get("parent"),
			Theatres: r.List("theatres"), Aliases: r.List("aliases"),
		}
		n := len(*errs)
		a.Inter = r.Int("inter", errs)
		a.From = r.Int("from", errs)
		a.To = r.Int("to", errs)
		switch {
		case !idRE.MatchString(a.ID):
			errs.Add(r.File, r.Line, "id %q: want lowercase ASCII like sy.sdf", a.ID)
		case a.Name == "":
			errs.Add(r.File, r.Line, "%s: no name", a.ID)
		case a.NameAr == "" && len(a.Aliases) == 0:
			errs.Add(r.File, r.Line, "%s: neither name_ar nor aliases", a.ID)
		case a.Inter < 1 || a.Inter > 8:
			errs.Add(r.File, r.Line, "%s: inter %d not in 1..8", a.ID, a.Inter)
		case a.Country != "" && !isoRE.MatchString(a.Country):
			errs.Add(r.File, r.Line, "%s: country %q is not ISO2", a.ID, a.Country)
		case !contains(ActorKinds, a.Kind):
			errs.Add(r.File, r.Line, "%s: unknown kind %q", a.ID, a.Kind)
		case a.From != 0 && a.To != 0 && a.To < a.From:
			errs.Add(r.File, r.Line, "%s: to %d before from %d", a.ID, a.To, a.From)
		}
		for _, t := range a.Theatres {
			if !isoRE.MatchString(t) {
				errs.Add(r.File, r.Line, "%s: theatre %q is not ISO2", a.ID, t)
			}
		}
		if len(*errs) == n {
			out = append(out, a)
		}
	}
	return out
}

// ParseGenerics validates generic-phrase rows.
func ParseGenerics(rows []Row, errs *ErrorList) []Generic {
	var out []Generic
	for _, r := range rows {
		g := Generic{Phrase: r.Get("phrase"), Kind: r.Get("kind"), Note: r.Get("note")}
		switch {
		case g.Phrase == "":
			errs.Add(r.File, r.Line, "empty phrase")
		case !contains(ActorKinds, g.Kind) && !contains(GenericKinds, g.Kind):
			errs.Add(r.File, r.Line, "%s: unknown kind %q", g.Phrase, g.Kind)
		default:
			out = append(out, g)
		}
	}
	return out
}

// CueClasses are the valid cue classes.
var CueClasses = []string{"settlement", "admin", "rural", "facility", "natural", "direction", "near", "media", "nonplace", "common", "operation"}

// ParseCues validates cue rows.
func ParseCues(rows []Row, errs *ErrorList) []Cue {
	var out []Cue
	for _, r := range rows {
		c := Cue{Word: r.Get("word"), Class: r.Get("class"), Keep: r.Get("keep") == "yes"}
		switch {
		case c.Word == "":
			errs.Add(r.File, r.Line, "empty word")
		case !contains(CueClasses, c.Class):
			errs.Add(r.File, r.Line, "%s: unknown class %q", c.Word, c.Class)
		case r.Get("keep") != "yes" && r.Get("keep") != "no":
			errs.Add(r.File, r.Line, "%s: keep must be yes or no", c.Word)
		default:
			out = append(out, c)
		}
	}
	return out
}

// ParseCountries validates country rows.
func ParseCountries(rows []Row, errs *ErrorList) []Country {
	var out []Country
	for _, r := range rows {
		c := Country{ISO2: r.Get("iso2"), Name: r.Get("name"), NameAr: r.Get("name_ar"),
			Aliases: r.List("aliases"), Adjectives: r.List("adjectives"), CapitalAr: r.Get("capital_ar")}
		n := len(*errs)
		c.Lat, _ = r.Float("lat", errs)
		c.Lon, _ = r.Float("lon", errs)
		switch {
		case !isoRE.MatchString(c.ISO2):
			errs.Add(r.File, r.Line, "iso2 %q", c.ISO2)
		case c.Name == "" || c.NameAr == "":
			errs.Add(r.File, r.Line, "%s: name and name_ar required", c.ISO2)
		}
		if len(*errs) == n {
			out = append(out, c)
		}
	}
	return out
}

// ParsePlaces validates gazetteer rows (PlaceColumns; a curated file's
// "aliases" column is accepted for "names").
func ParsePlaces(rows []Row, errs *ErrorList) []Place {
	var out []Place
	for _, r := range rows {
		p := Place{ID: r.Get("id"), Name: r.Get("name"), NameAr: r.Get("name_ar"),
			Names: append(r.List("names"), r.List("aliases")...), Feature: r.Get("feature"),
			Country: r.Get("country"), Admin1: r.Get("admin1"), Admin2: r.Get("admin2"), Source: r.Get("source")}
		n := len(*errs)
		var okLat, okLon bool
		p.Lat, okLat = r.Float("lat", errs)
		p.Lon, okLon = r.Float("lon", errs)
		p.HasCoord = okLat && okLon
		p.Pop = r.Int("population", errs)
		switch {
		case !idRE.MatchString(p.ID):
			errs.Add(r.File, r.Line, "id %q: want lowercase ASCII", p.ID)
		case p.Name == "" && p.NameAr == "":
			errs.Add(r.File, r.Line, "%s: no name", p.ID)
		case !contains(Features, p.Feature):
			errs.Add(r.File, r.Line, "%s: unknown feature %q", p.ID, p.Feature)
		case !isoRE.MatchString(p.Country):
			errs.Add(r.File, r.Line, "%s: country %q is not ISO2", p.ID, p.Country)
		case okLat != okLon:
			errs.Add(r.File, r.Line, "%s: give both lat and lon or neither", p.ID)
		case p.HasCoord && (p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180):
			errs.Add(r.File, r.Line, "%s: coordinates out of range", p.ID)
		}
		if len(*errs) == n {
			out = append(out, p)
		}
	}
	return out
}

// Options configures Load.
type Options struct {
	// UserDir is a directory of user TSV files loaded on top of the
	// embedded KB: actors*.tsv (actor columns), places*.tsv (gazetteer
	// columns), generic*.tsv. Entries with an embedded id replace it.
	UserDir string
}

// LoadFS loads a compiled knowledge base from fsys (the files cmd/kbgen
// writes: actors.tsv, generic.tsv, countries.tsv, places.tsv, cues.tsv,
// triggers.tsv, modifiers.tsv), with the user directory's entries added
// when opt.UserDir is set. Package embedded holds the compiled files of the
// repository; embedded.Load is what rasd uses.
func LoadFS(fsys fs.FS, opt Options) (*KB, error) {
	b := newBuilder()
	var errs ErrorList
	read := func(fsys fs.FS, name string, cols []string) []Row {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(name, 0, "%v", err)
			return nil
		}
		return ReadTSV(bytes.NewReader(data), name, cols, &errs)
	}
	gen := fsys
	for _, a := range ParseActors(read(gen, "actors.tsv", ActorColumns), &errs) {
		b.addActor(a)
	}
	b.kb.Generics = ParseGenerics(read(gen, "generic.tsv", GenericColumns), &errs)
	b.kb.Cues = ParseCues(read(gen, "cues.tsv", CueColumns), &errs)
	b.kb.Triggers = ParseTriggers(read(gen, "triggers.tsv", TriggerColumns), &errs)
	b.kb.Modifiers = ParseModifiers(read(gen, "modifiers.tsv", ModifierColumns), &errs)
	for _, c := range ParseCountries(read(gen, "countries.tsv", CountryColumns), &errs) {
		b.addCountry(c)
	}
	for _, p := range ParsePlaces(read(gen, "places.tsv", PlaceColumns), &errs) {
		b.addPlace(p)
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("compiled knowledge base: %w", err)
	}
	if opt.UserDir != "" {
		if err := b.loadUser(opt.UserDir); err != nil {
			return nil, err
		}
	}
	return b.index(), nil
}

func (b *builder) loadUser(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("user knowledge base: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".tsv") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var errs ErrorList
	for _, n := range names {
		path := filepath.Join(dir, n)
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("user knowledge base: %w", err)
		}
		switch {
		case strings.HasPrefix(n, "actors"):
			for _, a := range ParseActors(ReadTSV(bytes.NewReader(data), path, ActorColumns, &errs), &errs) {
				b.addActor(a)
			}
		case strings.HasPrefix(n, "places"):
			for _, p := range ParsePlaces(ReadTSV(bytes.NewReader(data), path, []string{"id", "feature", "country"}, &errs), &errs) {
				b.addPlace(p)
			}
		case strings.HasPrefix(n, "generic"):
			b.kb.Generics = append(b.kb.Generics, ParseGenerics(ReadTSV(bytes.NewReader(data), path, GenericColumns, &errs), &errs)...)
		}
	}
	if err := errs.Err(); err != nil {
		return fmt.Errorf("user knowledge base: %w", err)
	}
	return nil
}
