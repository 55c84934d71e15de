package ner

import (
	"strings"

	"github.com/rasd-project/rasd/internal/kb"
)

// KBLexicon returns a Lexicon of what the knowledge base k knows, keyed as
// the tagger looks words up (kb.Key: normalized tokens joined by one
// space):
//
//   - every Arabic or Latin name of a place → LexPlace, and LexCountry as
//     well for a place whose feature is "country";
//   - the names and aliases of countries → LexCountry, their capitals →
//     LexPlace, their nisba adjectives → LexCountryAdj;
//   - the names and aliases of actors → LexActor for armed and security
//     forces, militias, coalitions and the like, LexOrg for governments,
//     ministries, parties, parliaments and other organisations;
//   - the first word of multiword actor names that starts at least
//     orgHeadMin of them (حركة, وزارة, جيش) → LexOrgHead;
//   - head nouns of place names from the KB's cue list (settlement, admin,
//     rural, facility and natural cues: قرية, محافظة, ريف) → LexPlaceCue;
//   - the tagger's own gazetteers (gazetteer.go): given names →
//     LexPersonName (unless the KB knows the word as a place, country,
//     nationality or actor), organisations that are not actors → LexOrg.
//
// Such a head noun alone is never a place's name: gazetteer rows that
// list one are skipped, as kb does. The KB has no person names: they come
// from the gazetteers; titles and roles from the tagger's cue list. The result is immutable
// and safe for concurrent use; build it once per KB.
func KBLexicon(k *kb.KB) Lexicon {
	l := kbLexicon{}
	add := func(name string, c uint16) {
		if key := kb.Key(name); key != "" {
			l[key] |= c
		}
	}
	cueKeys := map[string]bool{}
	for _, c := range k.Cues {
		switch c.Class {
		case "settlement", "admin", "rural", "facility", "natural":
			add(c.Word, LexPlaceCue)
			add("ال"+c.Word, LexPlaceCue)
		}
		if c.Class != "common" {
			cueKeys[kb.Key(c.Word)] = true
			cueKeys["ال"+kb.Key(c.Word)] = true
		}
	}
	for _, p := range k.Places {
		c := LexPlace
		if p.Feature == "country" {
			c |= LexCountry
		}
		for _, n := range append([]string{p.NameAr}, p.Names...) {
			if !cueKeys[kb.Key(n)] {
				add(n, c)
			}
		}
	}
	for _, c := range k.Countries {
		add(c.NameAr, LexCountry)
		for _, a := range c.Aliases {
			add(a, LexCountry)
		}
		add(c.CapitalAr, LexPlace)
		for _, a := range c.Adjectives {
			add(a, LexCountryAdj)
		}
	}
	heads := map[string]int{}
	for _, a := range k.Actors {
		c := LexActor
		if !armedKind(a.Kind) {
			c = LexOrg
		}
		for _, n := range append([]string{a.NameAr}, a.Aliases...) {
			key := kb.Key(n)
			if key == "" {
				continue
			}
			l[key] |= c
			if first, _, ok := strings.Cut(key, " "); ok {
				heads[first]++
			}
		}
	}
	for h, n := range heads {
		if n >= orgHeadMin && !cueKeys[h] {
			l[h] |= LexOrgHead
		}
	}
	// the tagger's gazetteers: a given name that the KB knows as a place,
	// a country, a nationality or an actor is left to the KB
	es, err := gazetteer()
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	for _, e := range es {
		if e.class == LexPersonName && l[e.key]&(LexPlace|LexCountry|LexCountryAdj|LexActor|LexOrg) != 0 {
			continue
		}
		l[e.key] |= e.class
	}
	return l
}

// orgHeadMin is how many multiword actor names a word must start to count
// as a head noun of organisation names.
const orgHeadMin = 3

// armedKind reports whether actors of a kb.Actor kind carry arms.
func armedKind(kind string) bool {
	switch kind {
	case "ministry", "government", "igo", "ngo", "party", "parliament", "presidency", "protesters":
		return false
	}
	return true
}

// kbLexicon maps a lexicon key to its classes.
type kbLexicon map[string]uint16

// Classes implements Lexicon.
func (l kbLexicon) Classes(norm string) uint16 { return l[norm] }
