// Package kb is rasd's knowledge base: the actors, places, countries and
// generic phrases it knows, compiled from the readable files under data/
// into package embedded (go generate) and embedded in the binary, plus an
// optional user directory loaded on top. A KB is immutable once loaded and safe for
// concurrent use.
//
// Names are indexed by their normalized token sequence (arabic.Normalize on
// each token, tokens joined by one space), which is how the matcher looks
// them up.
package kb

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// Actor is a canonical actor.
type Actor struct {
	ID       string
	Name     string // canonical English name
	NameAr   string
	Inter    int    // ACLED inter code in its home country, 1..8
	Country  string // ISO2 home state, "" for transnational actors
	Kind     string // army, airforce, police, armed_group, ...
	Parent   string // id of the parent or associated actor
	From, To int    // years of validity, 0 = open
	Theatres []string
	Aliases  []string
}

// Place is a gazetteer entry.
type Place struct {
	ID       string
	Name     string // English
	NameAr   string
	Names    []string // every name and variant (Arabic and Latin) it is indexed under
	Feature  string   // country, admin1, admin2, admin3, city, town, village, camp, region, ...
	Country  string   // ISO2
	Admin1   string   // English name of the first-level unit
	Admin2   string
	Lat      float64
	Lon      float64
	HasCoord bool
	Pop      int    // population or importance estimate, 0 unknown
	Source   string // where the facts come from
}

// Country is a state with its adjectives (nisba forms).
type Country struct {
	ISO2       string
	Name       string
	NameAr     string
	Aliases    []string
	Adjectives []string
	CapitalAr  string
	Lat, Lon   float64
}

// Generic is a phrase whose actor depends on the article's context
// (الجيش → the army of the country the article is about).
type Generic struct {
	Phrase string
	Kind   string // an actor kind to find in the focus country, or unidentified, civilians, protesters, opposition
	Note   string
}

// Cue is a word that frames a name: a head noun (قرية, محافظة, ريف), a
// direction (شرق), a proximity word (قرب), a media noun (صحيفة) or a noun
// whose name is not a place (شارع).
type Cue struct {
	Word  string
	Class string // settlement, admin, rural, facility, natural, direction, near, media, nonplace
	// Keep is set when the head noun belongs to the annotated name (مطار عدن).
	Keep bool
}

// EntryKind says what a lexicon entry points to.
type EntryKind uint8

// Entry kinds.
const (
	EActor     EntryKind = iota + 1 // KB.Actors[Index]
	EPlace                          // KB.Places[Index]
	EGeneric                        // KB.Generics[Index]
	EAdjective                      // KB.Countries[Index]: a nisba adjective
	ECue                            // KB.Cues[Index]
)

// Entry is one meaning of an indexed name.
type Entry struct {
	Kind  EntryKind
	Index int32
}

// KB is a loaded knowledge base.
type KB struct {
	Actors    []Actor
	Places    []Place
	Countries []Country
	Generics  []Generic
	Cues      []Cue
	Triggers  []Trigger
	Modifiers []Modifier

	actorByID   map[string]int32
	placeByID   map[string]int32
	countryByCC map[string]int32
	// byCountryKind lists, per "ISO2/kind", the actors of that kind of a
	// country in file order (for generic phrases)
	byCountryKind map[string][]int32

	lex map[string]lexNode
	// maxTokens is the longest indexed name, in tokens.
	maxTokens int

	trig                        map[string][]TriggerForm
	mods                        map[string][]string
	maxTrigTokens, maxModTokens int
}

type lexNode struct {
	entries []Entry
	prefix  bool // some longer key starts with this key + " "
}

// Actor returns the actor with the given id.
func (k *KB) Actor(id string) (*Actor, bool) {
	i, ok := k.actorByID[id]
	if !ok {
		return nil, false
	}
	return &k.Actors[i], true
}

// Place returns the place with the given id.
func (k *KB) Place(id string) (*Place, bool) {
	i, ok := k.placeByID[id]
	if !ok {
		return nil, false
	}
	return &k.Places[i], true
}

// PlaceIndex returns the index in Places of the place with the given id.
func (k *KB) PlaceIndex(id string) (int32, bool) {
	i, ok := k.placeByID[id]
	return i, ok
}

// ActorIndex returns the index in Actors of the actor with the given id.
func (k *KB) ActorIndex(id string) (int32, bool) {
	i, ok := k.actorByID[id]
	return i, ok
}

// Country returns the country with the given ISO2 code.
func (k *KB) Country(iso2 string) (*Country, bool) {
	i, ok := k.countryByCC[iso2]
	if !ok {
		return nil, false
	}
	return &k.Countries[i], true
}

// StateActors returns the actors of the given kind (army, airforce,
// police, government, ministry, ...) of a country, in file order.
func (k *KB) StateActors(iso2, kind string) []*Actor {
	var out []*Actor
	for _, i := range k.byCountryKind[iso2+"/"+kind] {
		out = append(out, &k.Actors[i])
	}
	return out
}

// Lookup returns the entries indexed under a normalized key (tokens joined
// by one space) and whether a longer key continues it.
func (k *KB) Lookup(key string) (entries []Entry, prefix bool) {
	n, ok := k.lex[key]
	if !ok {
		return nil, false
	}
	return n.entries, n.prefix
}

// LookupBytes is Lookup for a key in a scratch buffer (no allocation).
func (k *KB) LookupBytes(key []byte) (entries []Entry, prefix bool) {
	n, ok := k.lex[string(key)]
	if !ok {
		return nil, false
	}
	return n.entries, n.prefix
}

// MaxTokens is the length of the longest indexed name, in tokens.
func (k *KB) MaxTokens() int { return k.maxTokens }

// Stats summarises the KB's size.
func (k *KB) Stats() string {
	return fmt.Sprintf("%d actors, %d places, %d countries, %d generic phrases, %d cue words, %d triggers, %d modifiers, %d indexed names",
		len(k.Actors), len(k.Places), len(k.Countries), len(k.Generics), len(k.Cues), len(k.Triggers), len(k.Modifiers), len(k.lex))
}

// Key returns the lexicon key of a name: its tokens' normalized forms
// joined by one space, quotes, brackets and other punctuation dropped
// (hyphens and dots inside Latin words stay). "" when nothing is left.
func Key(name string) string {
	d := &doc.Doc{Text: name}
	arabic.Analyze(d)
	var b strings.Builder
	for i, t := range d.Tokens {
		switch t.Kind {
		case doc.Word, doc.Latin, doc.Number, doc.Hashtag:
		default:
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.TokNorm(i))
	}
	return b.String()
}

// builder assembles a KB from rows, then indexes it.
type builder struct {
	kb *KB
}

func newBuilder() *builder {
	return &builder{kb: &KB{
		actorByID: map[string]int32{}, placeByID: map[string]int32{}, countryByCC: map[string]int32{},
		byCountryKind: map[string][]int32{}, lex: map[string]lexNode{},
	}}
}

func (b *builder) addActor(a Actor) {
	if i, ok := b.kb.actorByID[a.ID]; ok { // user data replaces embedded
		b.kb.Actors[i] = a
		return
	}
	b.kb.actorByID[a.ID] = int32(len(b.kb.Actors))
	b.kb.Actors = append(b.kb.Actors, a)
}

func (b *builder) addPlace(p Place) {
	if i, ok := b.kb.placeByID[p.ID]; ok {
		b.kb.Places[i] = p
		return
	}
	b.kb.placeByID[p.ID] = int32(len(b.kb.Places))
	b.kb.Places = append(b.kb.Places, p)
}

func (b *builder) addCountry(c Country) {
	if i, ok := b.kb.countryByCC[c.ISO2]; ok {
		b.kb.Countries[i] = c
		return
	}
	b.kb.countryByCC[c.ISO2] = int32(len(b.kb.Countries))
	b.kb.Countries = append(b.kb.Countries, c)
}

// index builds the lexicon and the lookup tables. Call once, after all adds.
func (b *builder) index() *KB {
	k := b.kb
	seen := map[string]bool{}
	add := func(name string, e Entry) {
		key := Key(name)
		if key == "" {
			return
		}
		dedup := fmt.Sprintf("%s\x00%d\x00%d", key, e.Kind, e.Index)
		if seen[dedup] {
			return
		}
		seen[dedup] = true
		n := k.lex[key]
		n.entries = append(n.entries, e)
		k.lex[key] = n
		if c := strings.Count(key, " ") + 1; c > k.maxTokens {
			k.maxTokens = c
		}
	}
	for i, a := range k.Actors {
		e := Entry{EActor, int32(i)}
		add(a.NameAr, e)
		for _, al := range a.Aliases {
			add(al, e)
		}
		if a.Country != "" && a.Kind != "" {
			ck := a.Country + "/" + a.Kind
			k.byCountryKind[ck] = append(k.byCountryKind[ck], int32(i))
		}
	}
	// a head noun alone (مدينة, وادي, حي) is never a place's name, though
	// some gazetteer rows list it as one
	cueKeys := map[string]bool{}
	for _, c := range k.Cues {
		if c.Class != "common" {
			cueKeys[Key(c.Word)] = true
			cueKeys["ال"+Key(c.Word)] = true
		}
	}
	for i, p := range k.Places {
		e := Entry{EPlace, int32(i)}
		for _, n := range append([]string{p.NameAr}, p.Names...) {
			if !cueKeys[Key(n)] {
				add(n, e)
			}
		}
	}
	for i, c := range k.Countries {
		for _, a := range c.Adjectives {
			add(a, Entry{EAdjective, int32(i)})
		}
	}
	for i, g := range k.Generics {
		add(g.Phrase, Entry{EGeneric, int32(i)})
	}
	for i, c := range k.Cues {
		add(c.Word, Entry{ECue, int32(i)})
	}
	// prefixes
	keys := make([]string, 0, len(k.lex))
	for key := range k.lex {
		keys = append(keys, key)
	}
	for _, key := range keys {
		for j := 0; j < len(key); j++ {
			if key[j] != ' ' {
				continue
			}
			p := key[:j]
			n := k.lex[p]
			n.prefix = true
			k.lex[p] = n
		}
	}
	k.indexTriggers()
	// entries of one key: best prior first (places by importance)
	for key, n := range k.lex {
		if len(n.entries) > 1 {
			sort.SliceStable(n.entries, func(i, j int) bool { return k.prior(n.entries[i]) > k.prior(n.entries[j]) })
			k.lex[key] = n
		}
	}
	return k
}

// prior orders same-name entries: actors before places before the rest,
// places by feature rank and population.
func (k *KB) prior(e Entry) float64 {
	switch e.Kind {
	case EActor:
		return 1e12
	case EPlace:
		return PlacePrior(&k.Places[e.Index])
	case EAdjective:
		return 1
	}
	return 0
}

// PlacePrior is a place's importance for choosing among same-name places
// without context: feature rank first, then population.
func PlacePrior(p *Place) float64 {
	return FeatureRank(p.Feature)*1e9 + math.Min(float64(p.Pop), 9e8)
}

// FeatureRank orders feature types by how likely a bare name refers to
// them: countries, then first-level units and cities, down to landmarks.
func FeatureRank(feature string) float64 {
	switch feature {
	case "country":
		return 9
	case "admin1":
		return 7
	case "city":
		return 6
	case "region":
		return 5.5
	case "admin2":
		return 5
	case "town", "camp":
		return 4
	case "crossing", "airport", "base", "river":
		return 3.5
	case "mountain", "admin3":
		return 3
	case "village", "neighbourhood":
		return 2
	case "landmark":
		return 1
	}
	return 0.5
}
