package ner

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/rasd-project/rasd/internal/kb"
)

// The tagger's own gazetteers (gazetteer/*.txt, see gazetteer/README.md):
// names the knowledge base has no table for, which KBLexicon adds to what
// the knowledge base knows. A file's name says the class of its entries:
// names-*.txt are given names (LexPersonName), orgs-*.txt names of
// organisations that are not actors (LexOrg), places-*.txt place names
// outside the gazetteer the KB is built from (LexPlace).
//
//go:embed gazetteer/*.txt
var gazetteerFiles embed.FS

// gazetteerEntry is one name of a gazetteer, as a lexicon key.
type gazetteerEntry struct {
	key   string
	class uint16
}

// gazetteerClass returns the lexicon class of a gazetteer file's entries.
func gazetteerClass(name string) (uint16, bool) {
	switch {
	case strings.HasPrefix(name, "names-"):
		return LexPersonName, true
	case strings.HasPrefix(name, "orgs-"):
		return LexOrg, true
	case strings.HasPrefix(name, "places-"):
		return LexPlace, true
	}
	return 0, false
}

// parseGazetteer reads the entries of one gazetteer file: a name per
// line, # comments, blank lines ignored.
func parseGazetteer(name, text string, class uint16) ([]gazetteerEntry, error) {
	var out []gazetteerEntry
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key := kb.Key(line)
		if key == "" {
			return nil, fmt.Errorf("gazetteer/%s:%d: %q has no words", name, n+1, line)
		}
		out = append(out, gazetteerEntry{key, class})
	}
	return out, nil
}

// gazetteer returns the entries of every embedded gazetteer file, in file
// name order.
func gazetteer() ([]gazetteerEntry, error) {
	names, err := fs.Glob(gazetteerFiles, "gazetteer/*.txt")
	if err != nil {
		return nil, err
	}
	var out []gazetteerEntry
	for _, p := range names {
		name := path.Base(p)
		class, ok := gazetteerClass(name)
		if !ok {
			return nil, fmt.Errorf("gazetteer/%s: unknown kind of gazetteer (want names-, orgs- or places-*.txt)", name)
		}
		b, err := gazetteerFiles.ReadFile(p)
		if err != nil {
			return nil, err
		}
		es, err := parseGazetteer(name, string(b), class)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}
