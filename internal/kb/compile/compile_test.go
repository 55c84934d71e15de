package compile

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/kb"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// outputs are the files Run writes.
var outputs = []string{"actors.tsv", "countries.tsv", "cues.tsv", "generic.tsv", "modifiers.tsv", "places.tsv", "triggers.tsv"}

// copyTree copies the fixture directory src into a new temporary one.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// run compiles the fixture (or the given dirs) into a new directory.
func run(t *testing.T, data, shared string) (string, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var log []string
	err := Run(Options{DataDir: data, SharedDir: shared, OutDir: out, Logf: func(f string, a ...any) { log = append(log, f) }})
	if err == nil && len(log) == 0 {
		t.Errorf("Run logged nothing; want progress lines")
	}
	return out, err
}

func readOut(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = data
	}
	return m
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestRunGolden(t *testing.T) {
	out, err := run(t, "testdata/data", "testdata/shared")
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	got := readOut(t, out)
	if !slices.Equal(keys(got), outputs) {
		t.Fatalf("Run wrote %q; want %q (and no staging leftovers)", keys(got), outputs)
	}
	for _, name := range outputs {
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(path, got[name], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got[name], want) {
			t.Errorf("%s differs from testdata/golden/%s (go test -update rewrites it):\n%s", name, name, got[name])
		}
		if !strings.HasPrefix(string(got[name]), Header+"\n") {
			t.Errorf("%s does not start with the generated-code header", name)
		}
	}
}

func TestRunDeterministic(t *testing.T) {
	a, err := run(t, "testdata/data", "testdata/shared")
	if err != nil {
		t.Fatal(err)
	}
	b, err := run(t, "testdata/data", "testdata/shared")
	if err != nil {
		t.Fatal(err)
	}
	ga, gb := readOut(t, a), readOut(t, b)
	for _, name := range outputs {
		if !bytes.Equal(ga[name], gb[name]) {
			t.Errorf("two runs wrote different %s", name)
		}
	}
	// a third run over an existing output directory replaces the files
	if err := Run(Options{DataDir: "testdata/data", SharedDir: "testdata/shared", OutDir: a}); err != nil {
		t.Fatal(err)
	}
	if gc := readOut(t, a); !slices.Equal(keys(gc), outputs) || !bytes.Equal(gc["places.tsv"], gb["places.tsv"]) {
		t.Errorf("a rerun into the same directory left %q", keys(gc))
	}
}

func TestRunOutput(t *testing.T) {
	out, err := run(t, "testdata/data", "testdata/shared")
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.LoadFS(os.DirFS(out), kb.Options{})
	if err != nil {
		t.Fatalf("LoadFS(output) = %v", err)
	}
	place := func(id string) string {
		p, ok := k.Place(id)
		if !ok {
			return "absent"
		}
		coord := ""
		if p.HasCoord {
			coord = strings.TrimSpace(strings.Join([]string{ftoa(p.Lat), ftoa(p.Lon)}, ","))
		}
		return strings.Join([]string{p.Name, p.NameAr, strings.Join(p.Names, "/"), p.Feature, p.Country, p.Admin1, p.Admin2,
			coord, itoa0(p.Pop), p.Source}, " | ")
	}
	tests := []struct {
		name string
		id   string
		want string
	}{
		{"curated row merged by source id: curated facts win, names united", "gn.170794",
			"Hajin | هجين | هجين الشرقية | town | SY | Deir ez-Zor | Abu Kamal | 34.695,40.83 | 40000 | geonames:170794+cur.sy.hajin"},
		{"the merged curated row is not kept apart", "cur.sy.hajin", "absent"},
		{"curated row merged by proximity and a shared name", "gn.171000",
			"Al-Baghuz | الباغوز | الباغوز فوقاني/باغوز | town | SY | Deir ez-Zor | Abu Kamal | 34.46,40.94 | 10000 | geonames:171000+cur.sy.baghuz"},
		{"same name far away is not merged", "cur.sy.far-sur", "Sur (east) | صور |  | village | SY | Al-Hasakah |  | 36,41.5 |  | rasd"},
		{"admin1 name from its GeoNames code; PPLA3 is a town", "gn.2", "Sur | صور |  | town | SY | Deir ez-Zor |  | 35.5,40.6 | 800 | geonames:2"},
		{"no admin1 table: none given; head noun stripped", "gn.268064", "Tyre | صور |  | city | LB |  |  | 33.27,35.2 | 135782 | geonames:268064"},
		{"rows without Arabic names are left out", "gn.172000", "absent"},
		{"curated row without a public match", "cur.sy.omar", "Al-Omar oil field | حقل العمر |  | landmark | SY | Deir ez-Zor |  | 35.1,40.55 |  | osm"},
		{"curated row without coordinates", "cur.sy.badia", "Syrian Desert | البادية السورية | البادية | region | SY |  |  |  |  | rasd"},
		{"world row", "wld.us.washington", "Washington | واشنطن | واشنطن العاصمة | city | US | District of Columbia |  | 38.9072,-77.0369 | 700000 | rasd"},
		{"country row", "cc.sy", "Syria | سوريا | سورية | country | SY |  |  | 35,38.5 | 100000000 | rasd"},
		{"admin1 row with Open-Syria names and population", "a1.sy.07",
			"Deir ez-Zor | دير الزور | دير الزور/ديرالزور | admin1 | SY | Deir ez-Zor |  | 35.3,40.1 | 1239000 | opensyria:sy-deir-ez-zor"},
		{"admin1 row Open-Syria leaves alone", "a1.sy.01",
			"Al-Hasakah | الحسكة | حسكة | admin1 | SY | Al-Hasakah |  | 36.5024,40.7477 | 1000000 | opensyria:sy-al-hasakah"},
		{"district, coordinates rounded", "os.sy-deir-ez-zor-abu-kamal",
			"Abu Kamal | البوكمال | البوكمال | admin2 | SY | Deir ez-Zor | Abu Kamal | 34.45235,40.91851 | 200000 | opensyria:sy-deir-ez-zor-abu-kamal"},
		{"subdistrict", "os.sy-deir-ez-zor-abu-kamal-hajin",
			"Hajin | هجين | هجين | admin3 | SY | Deir ez-Zor | Abu Kamal | 34.7,40.8 | 60000 | opensyria:sy-deir-ez-zor-abu-kamal-hajin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := place(tt.id); got != tt.want {
				t.Errorf("place %s = %q; want %q", tt.id, got, tt.want)
			}
		})
	}
	if got := len(k.Places); got != 15 {
		t.Errorf("len(Places) = %d; want 15", got)
	}
	if got := len(k.Actors); got != 4 {
		t.Errorf("len(Actors) = %d; want 4 (both actor files)", got)
	}
	if tr := k.Triggers[0]; tr.Frame["gen"] != "agent" || tr.Frame["على"] != "target" || !tr.Passive {
		t.Errorf("Triggers[0] = %+v; want the frame and passive flag kept", tr)
	}
}

func TestRunWithoutShared(t *testing.T) {
	out, err := run(t, "testdata/data", "")
	if err != nil {
		t.Fatalf("Run(no shared) = %v", err)
	}
	k, err := kb.LoadFS(os.DirFS(out), kb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"cur.sy.hajin", "cur.sy.baghuz", "a1.sy.07", "cc.lb"} {
		if _, ok := k.Place(id); !ok {
			t.Errorf("Run(no shared): place %s missing", id)
		}
	}
	for _, p := range k.Places {
		if strings.HasPrefix(p.ID, "gn.") || strings.HasPrefix(p.ID, "os.") {
			t.Errorf("Run(no shared) wrote public place %s", p.ID)
		}
	}
}

func TestRunErrors(t *testing.T) {
	appendTo := func(file, line string) func(data, shared string) error {
		return func(data, shared string) error {
			f, err := os.OpenFile(filepath.Join(data, file), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.WriteString(line + "\n")
			return err
		}
	}
	writeShared := func(file, content string) func(data, shared string) error {
		return func(data, shared string) error {
			return os.WriteFile(filepath.Join(shared, file), []byte(content), 0o644)
		}
	}
	gnRow := func(lat string) string {
		return strings.Join([]string{"9", "X", "X", "X,إكس", lat, "40", "P", "PPL", "SY", "", "07", "", "", "", "100", "", "", "", ""}, "\t")
	}
	tests := []struct {
		name string
		edit func(data, shared string) error
		want []string // substrings of the error
	}{
		{"bad actor row", appendTo("actors/sy.tsv", "sy.x\tX\tإكس\t9\tSY\tmilitia\t\t\t\tSY\t"),
			[]string{"actors/sy.tsv:6: sy.x: inter 9 not in 1..8"}},
		{"every error is listed", func(data, shared string) error {
			if err := appendTo("actors/sy.tsv", "sy.x\tX\tإكس\t9\tSY\tmilitia\t\t\t\tSY\t")(data, shared); err != nil {
				return err
			}
			return appendTo("triggers/modifiers.tsv", "كلمة\tlaser")(data, shared)
		}, []string{"actors/sy.tsv:6: sy.x: inter 9", `triggers/modifiers.tsv:4: modifier "كلمة": unknown feature "laser"`}},
		{"missing parent", appendTo("actors/sy.tsv", "sy.x\tX\tإكس\t3\tSY\tmilitia\tsy.none\t\t\tSY\t"),
			[]string{`actors/sy.tsv:6: sy.x: parent "sy.none" does not exist`}},
		{"duplicate actor id across files", appendTo("actors/transnational.tsv", "sy.sdf\tSDF\tقسد\t2\tSY\tarmed_group\t\t\t\tSY\t"),
			[]string{`actors/transnational.tsv:3: duplicate id "sy.sdf"`}},
		{"actor file header lacks a column", func(data, shared string) error {
			return os.WriteFile(filepath.Join(data, "actors/extra.tsv"), []byte("id\tname\tname_ar\nsy.y\tY\tواي\n"), 0o644)
		}, []string{`actors/extra.tsv:1: header lacks column "inter"`}},
		{"presentation forms", appendTo("places/curated.tsv", "cur.sy.pf\tPF\t\ufebb\ufeee\ufead\t\tvillage\tSY\t\t\t\t\t\trasd"),
			[]string{"places/curated.tsv:8: column 3 uses Arabic presentation forms"}},
		{"curated admin1 not in admin1.tsv", appendTo("places/curated.tsv", "cur.sy.r\tR\tر\t\tvillage\tSY\tRaqqa\t\t\t\t\trasd"),
			[]string{`places/curated.tsv:8: cur.sy.r: admin1 "Raqqa" is not in admin1.tsv for SY`}},
		{"duplicate curated id across files", appendTo("places/world.tsv", "cur.sy.omar\tX\tإكس\t\tvillage\tSY\t\t\t\t\t\trasd"),
			[]string{`places/world.tsv:3: duplicate id "cur.sy.omar"`}},
		{"duplicate admin1", appendTo("places/admin1.tsv", "SY\t07\tDeir\tدير\t\t\t"),
			[]string{"places/admin1.tsv:4: duplicate admin1 SY/07"}},
		{"admin1 without a name", appendTo("places/admin1.tsv", "SY\t08\t\tحمص\t\t\t"),
			[]string{"places/admin1.tsv:4: admin1 needs country, code and name"}},
		{"missing cue file", func(data, shared string) error { return os.Remove(filepath.Join(data, "lexicon/cues.tsv")) },
			[]string{"lexicon/cues.tsv:0: open "}},
		{"shared directory missing", func(data, shared string) error { return os.RemoveAll(shared) },
			[]string{"public datasets not found at "}},
		{"cities500 row with too few columns", writeShared("geonames/cities500-mena.txt", gnRow("35")+"\n9\tX\n"),
			[]string{"cities500-mena.txt:2: 2 columns"}},
		{"cities500 NaN latitude", writeShared("geonames/cities500-mena.txt", gnRow("NaN")+"\n"),
			[]string{`cities500-mena.txt:1: bad coordinates "NaN", "40"`}},
		{"Open-Syria governorate unknown", writeShared("open-syria/governorates.json", `[{"id":"sy-x","name":{"en":"Nowhere","ar":"لامكان"}}]`),
			[]string{"open-syria governorate Nowhere (لامكان) not in admin1.tsv"}},
		{"output that would not load", writeShared("open-syria/subdistricts.json",
			`[{"id":"sy-x","governorateId":"sy-deir-ez-zor","name":{"en":"X","ar":"\ufebb\ufeee\ufead"}}]`),
			[]string{"the compiled knowledge base does not load (nothing written): ", "places.tsv:", "presentation forms"}},
		{"Open-Syria JSON malformed", writeShared("open-syria/districts.json", `[{"id": 1}`),
			[]string{"districts.json: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, shared := copyTree(t, "testdata/data"), copyTree(t, "testdata/shared")
			if err := tt.edit(data, shared); err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			old := []byte("old content\n")
			if err := os.WriteFile(filepath.Join(out, "actors.tsv"), old, 0o644); err != nil {
				t.Fatal(err)
			}
			err := Run(Options{DataDir: data, SharedDir: shared, OutDir: out})
			if err == nil {
				t.Fatalf("Run = nil; want an error containing %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Run = %q; want it to contain %q", err, w)
				}
			}
			if got := readOut(t, out); len(got) != 1 || !bytes.Equal(got["actors.tsv"], old) {
				t.Errorf("failed Run left %q in the output directory; want it untouched", keys(got))
			}
		})
	}
}

func TestRunRejectsUnloadableOutput(t *testing.T) {
	// a public name in presentation forms is dropped, not compiled into a
	// KB the loader would reject
	shared := copyTree(t, "testdata/shared")
	row := strings.Join([]string{"9", "X", "X", "X,\ufebb\ufeee\ufead", "35", "40", "P", "PPL", "SY", "", "07", "", "", "", "100", "", "", "", ""}, "\t")
	if err := os.WriteFile(filepath.Join(shared, "geonames/cities500-mena.txt"), []byte(row+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "testdata/data", shared)
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	if _, err := kb.LoadFS(os.DirFS(out), kb.Options{}); err != nil {
		t.Errorf("LoadFS(output) = %v", err)
	}
}

func TestIsArabicName(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"هجين", true},
		{"دير الزور", true},
		{"دَيْر", true},
		{"Hajin", false},
		{"هجين2", false},
		{"Тир", false},
		{"\ufebb\ufeee\ufead", false},
		{"", false},
		{" - ", false},
	}
	for _, tt := range tests {
		if got := isArabicName(tt.in); got != tt.want {
			t.Errorf("isArabicName(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestKm(t *testing.T) {
	// Damascus to Aleppo, about 310 km
	if d := km(33.5138, 36.2765, 36.2021, 37.1343); d < 300 || d > 320 {
		t.Errorf("km(Damascus, Aleppo) = %v; want about 310", d)
	}
	if d := km(34.46, 40.94, 34.46, 40.94); d != 0 {
		t.Errorf("km(p, p) = %v; want 0", d)
	}
}

// sharedData is the public datasets directory as seen from this package.
const sharedData = "../../../../shared/data"

// TestCommittedKBIsUpToDate recompiles the real knowledge base and checks
// that it equals the committed internal/kb/embedded files byte for byte
// (CI's "regenerate and diff" guard). It needs ../shared/data.
func TestCommittedKBIsUpToDate(t *testing.T) {
	if st, err := os.Stat(sharedData); err != nil || !st.IsDir() {
		t.Skipf("%s not present: the committed KB cannot be rebuilt here", sharedData)
	}
	if testing.Short() {
		t.Skip("rebuilds the whole KB")
	}
	out := t.TempDir()
	if err := Run(Options{DataDir: "../data", SharedDir: sharedData, OutDir: out}); err != nil {
		t.Fatalf("Run(real KB) = %v", err)
	}
	got := readOut(t, out)
	committed, err := filepath.Glob("../embedded/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range committed {
		names = append(names, filepath.Base(c))
	}
	if !slices.Equal(keys(got), names) {
		t.Errorf("compiled files %q; committed %q", keys(got), names)
	}
	for _, name := range names {
		want, err := os.ReadFile(filepath.Join("../embedded", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[name], want) {
			t.Errorf("internal/kb/embedded/%s is stale: %s; run go generate ./internal/kb/embedded", name, firstDiff(got[name], want))
		}
	}
}

// firstDiff describes the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: compiled %.200q, committed %.200q", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("compiled %d lines, committed %d", len(la), len(lb))
}
