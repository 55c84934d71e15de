package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/compile"
	"github.com/rasd-project/rasd/internal/kb/embedded"
)

func runKB(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(e.stderr, `usage: rasd kb SUBCOMMAND [flags]

  build    [--data DIR] [--shared DIR] [--out DIR]     recompile the embedded KB from its sources
  import   geonames DUMP [--alternate-names FILE]     add GeoNames places to the user KB
  import   places FILE.csv | actors FILE.csv         add your own places or actors to the user KB
  lookup   NAME...                                    show what a name resolves to
  stats                                               sizes of the knowledge base

The user KB directory is --kb-dir, else $RASD_KB_DIR, else the user config
directory's rasd/kb. rasd uses it on top of the embedded KB.
`)
		if len(args) == 0 {
			return exitError(2)
		}
		return nil
	}
	switch args[0] {
	case "build":
		return kbBuild(e, args[1:])
	case "import":
		return kbImport(e, args[1:])
	case "lookup":
		return kbLookup(e, args[1:])
	case "stats":
		return kbStats(e, args[1:])
	}
	return usagef("unknown kb subcommand %q (build, import, lookup, stats)", args[0])
}

// userKBDir returns the user knowledge-base directory.
func userKBDir(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := os.Getenv("RASD_KB_DIR"); v != "" {
		return v
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "rasd", "kb")
	}
	return ""
}

func kbBuild(e *env, args []string) error {
	fs := newFlagSet(e, "kb build", "[--data DIR] [--shared DIR] [--out DIR]",
		"Recompiles the knowledge base from its readable sources and the public datasets\n(run from the repository root; `go generate ./internal/kb/embedded` does the same).")
	data := fs.String("data", "internal/kb/data", "source `DIR`")
	shared := fs.String("shared", "../shared/data", "public datasets `DIR` (GeoNames, Open-Syria)")
	out := fs.String("out", "internal/kb/embedded", "output `DIR`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return compile.Run(compile.Options{DataDir: *data, SharedDir: *shared, OutDir: *out,
		Logf: func(f string, a ...any) { fmt.Fprintf(e.stderr, "rasd kb build: "+f+"\n", a...) }})
}

func kbImport(e *env, args []string) error {
	fs := newFlagSet(e, "kb import", "geonames DUMP [--alternate-names FILE] | places FILE.csv | actors FILE.csv",
		"Validates the input and adds it to the user knowledge base. Bad rows are reported with\n"+
			"their line numbers and skipped; the user KB file is replaced atomically.")
	dir := fs.String("kb-dir", "", "user knowledge-base `DIR` (default $RASD_KB_DIR or the user config dir)")
	alt := fs.String("alternate-names", "", "GeoNames alternateNames `FILE` for more Arabic names")
	name := fs.String("name", "", "name of the user KB file to write (default: from the input file name)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("want geonames, places or actors and a file")
	}
	kind := fs.Arg(0)
	switch kind {
	case "geonames", "places", "actors":
	default:
		return usagef("unknown import kind %q (geonames, places, actors)", kind)
	}
	if fs.NArg() != 2 {
		return usagef("want one input file")
	}
	path := fs.Arg(1)
	target := userKBDir(*dir)
	if target == "" {
		return usagef("no user KB directory: set --kb-dir or RASD_KB_DIR")
	}
	base := *name
	if base == "" {
		base = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	base = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ' ' {
			return '_'
		}
		return r
	}, base)
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var res kb.ImportResult
	switch kind {
	case "geonames":
		var altR io.Reader
		if *alt != "" {
			af, err := os.Open(*alt)
			if err != nil {
				return err
			}
			defer af.Close()
			altR = af
		}
		res, err = kb.ImportGeoNames(f, altR, k)
	case "places":
		res, err = kb.ImportPlacesCSV(f)
	case "actors":
		res, err = kb.ImportActorsCSV(f, k)
	default:
		return usagef("unknown import kind %q (geonames, places, actors)", kind)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, b := range res.Bad {
		file := path
		if b.File != "" {
			file = b.File // a row of the alternate names file
			if *alt != "" {
				file = *alt
			}
		}
		fmt.Fprintf(e.stderr, "rasd kb import: %s:%d: %s (skipped)\n", file, b.Line, b.Err)
	}
	var out string
	switch {
	case len(res.Places) > 0:
		out, err = kb.WriteUserPlaces(target, base, res.Places)
	case len(res.Actors) > 0:
		out, err = kb.WriteUserActors(target, base, res.Actors)
	}
	if err != nil {
		return err
	}
	// the result must load: nothing half-imported
	if _, err := embedded.Load(kb.Options{UserDir: target}); err != nil {
		return fmt.Errorf("the user KB does not load after the import: %w", err)
	}
	n := len(res.Places) + len(res.Actors)
	fmt.Fprintf(e.stderr, "rasd kb import: %d imported, %d bad rows skipped", n, len(res.Bad))
	if res.Skipped > 0 {
		fmt.Fprintf(e.stderr, ", %d without Arabic names left out", res.Skipped)
	}
	if res.Known > 0 {
		fmt.Fprintf(e.stderr, ", %d already in the knowledge base with no new Arabic name left out", res.Known)
	}
	if out != "" {
		fmt.Fprintf(e.stderr, " → %s", out)
	}
	fmt.Fprintln(e.stderr)
	if len(res.Bad) > 0 {
		return exitError(1)
	}
	return nil
}

func kbLookup(e *env, args []string) error {
	fs := newFlagSet(e, "kb lookup", "[--kb-dir DIR] NAME...", "Shows the knowledge-base entries a name (as written in Arabic) is indexed under.")
	dir := fs.String("kb-dir", "", "user knowledge-base `DIR`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	k, err := embedded.Load(kb.Options{UserDir: userKBDir(*dir)})
	if err != nil {
		return err
	}
	for _, name := range fs.Args() {
		key := kb.Key(name)
		entries, _ := k.Lookup(key)
		fmt.Fprintf(e.stdout, "%s (key %q): %d entries\n", name, key, len(entries))
		for _, en := range entries {
			switch en.Kind {
			case kb.EActor:
				a := k.Actors[en.Index]
				fmt.Fprintf(e.stdout, "  actor  %-24s %s / %s, inter %d, %s, %s\n", a.ID, a.Name, a.NameAr, a.Inter, a.Country, a.Kind)
			case kb.EPlace:
				p := k.Places[en.Index]
				fmt.Fprintf(e.stdout, "  place  %-24s %s / %s, %s, %s, %s (%.4f, %.4f) pop %d\n", p.ID, p.Name, p.NameAr, p.Feature, p.Admin1, p.Country, p.Lat, p.Lon, p.Pop)
			case kb.EGeneric:
				g := k.Generics[en.Index]
				fmt.Fprintf(e.stdout, "  generic %s → %s of the article's country\n", g.Phrase, g.Kind)
			case kb.EAdjective:
				c := k.Countries[en.Index]
				fmt.Fprintf(e.stdout, "  adjective of %s (%s)\n", c.Name, c.ISO2)
			case kb.ECue:
				c := k.Cues[en.Index]
				fmt.Fprintf(e.stdout, "  cue    %s (%s)\n", c.Word, c.Class)
			}
		}
	}
	return nil
}

func kbStats(e *env, args []string) error {
	fs := newFlagSet(e, "kb stats", "[--kb-dir DIR]", "Prints the sizes of the knowledge base.")
	dir := fs.String("kb-dir", "", "user knowledge-base `DIR`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	k, err := embedded.Load(kb.Options{UserDir: userKBDir(*dir)})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, k.Stats())
	count := map[string]int{}
	for _, p := range k.Places {
		count[p.Country]++
	}
	var ccs []string
	for c := range count {
		ccs = append(ccs, c)
	}
	sort.Slice(ccs, func(i, j int) bool { return count[ccs[i]] > count[ccs[j]] })
	fmt.Fprint(e.stdout, "places by country:")
	for _, c := range ccs {
		fmt.Fprintf(e.stdout, " %s %d", c, count[c])
	}
	fmt.Fprintln(e.stdout)
	return nil
}
