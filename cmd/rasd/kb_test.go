package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKBLookup(t *testing.T) {
	r := rasd(t, "", "kb", "lookup", "قسد")
	r.want(t, 0)
	for _, s := range []string{`قسد (key "قسد"): 1 entries`, "actor  sy.sdf", "Syrian Democratic Forces", "inter 2"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("kb lookup قسد lacks %q:\n%s", s, r.stdout)
		}
	}
	// a place, a name spelled with a clitic-free variant, an unknown word
	r = rasd(t, "", "kb", "lookup", "منبج", "كلمةلاتوجد")
	r.want(t, 0)
	if !strings.Contains(r.stdout, "place  ") || !strings.Contains(r.stdout, "Manbij") || !strings.Contains(r.stdout, "كلمةلاتوجد (key") || !strings.Contains(r.stdout, "0 entries") {
		t.Errorf("kb lookup:\n%s", r.stdout)
	}
}

func TestKBStats(t *testing.T) {
	r := rasd(t, "", "kb", "stats")
	r.want(t, 0)
	for _, s := range []string{" actors, ", " places, ", "places by country: SY "} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("kb stats lacks %q:\n%s", s, r.stdout)
		}
	}
}

func TestKBUsage(t *testing.T) {
	r := rasd(t, "", "kb")
	r.want(t, 2)
	if !strings.Contains(r.stderr, "usage: rasd kb") {
		t.Errorf("kb:\n%s", r.stderr)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"kb", "nonesuch"}, `unknown kb subcommand "nonesuch"`},
		{[]string{"kb", "import"}, "want geonames, places or actors"},
		{[]string{"kb", "import", "towns", "x.csv"}, `unknown import kind "towns"`},
		{[]string{"kb", "import", "places"}, "want one input file"},
	} {
		r := rasd(t, "", tc.args...)
		r.want(t, 2)
		if !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.msg, r.stderr)
		}
	}
}

// TestKBImportPlaces imports testdata/places.csv (two good rows, a bad
// country code on line 3, a longitude out of range on line 4) into a
// temporary user KB and uses it afterwards.
func TestKBImportPlaces(t *testing.T) {
	dir := t.TempDir()
	const csv = "testdata/places.csv"

	before := rasd(t, "", "kb", "lookup", "--kb-dir", dir, "وادي الرمان")
	before.want(t, 0)
	if !strings.Contains(before.stdout, ": 0 entries") {
		t.Fatalf("the test place is already known:\n%s", before.stdout)
	}

	// the word order: the flag after the file
	r := rasd(t, "", "kb", "import", "places", csv, "--kb-dir", dir)
	r.want(t, 1)
	for _, s := range []string{
		"rasd kb import: " + csv + `:3: `, `country "Syria" is not ISO2 (skipped)`,
		"rasd kb import: " + csv + ":4: ", "coordinates out of range (skipped)",
		"rasd kb import: 2 imported, 2 bad rows skipped → " + filepath.Join(dir, "places.places.tsv"),
	} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "places.places.tsv")); err != nil {
		t.Fatal(err)
	}

	r = rasd(t, "", "kb", "lookup", "وادي الرمان", "خربة الصفصاف", "قرية الخطأ", "--kb-dir", dir)
	r.want(t, 0)
	for _, s := range []string{
		`وادي الرمان (key "وادي الرمان"): 1 entries`, "Wadi al-Rumman / وادي الرمان, village, Hama, SY (35.2000, 36.4000)",
		"Khirbat al-Safsaf / خربة الصفصاف, village, Idlib, SY",
		`قرية الخطأ (key "قريه الخطا"): 0 entries`,
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("lookup after the import lacks %q:\n%s", s, r.stdout)
		}
	}
	// the alias was imported too
	r = rasd(t, "", "kb", "lookup", "--kb-dir", dir, "الصفصافة")
	if !strings.Contains(r.stdout, "Khirbat al-Safsaf") {
		t.Errorf("alias not imported:\n%s", r.stdout)
	}
	// and the embedded KB is untouched without --kb-dir
	if r := rasd(t, "", "kb", "lookup", "وادي الرمان"); !strings.Contains(r.stdout, ": 0 entries") {
		t.Errorf("the import leaked outside --kb-dir:\n%s", r.stdout)
	}

	// extract resolves the new place with --kb-dir
	article := filepath.Join(t.TempDir(), "wadi.txt")
	write(t, article, "قصف على وادي الرمان\n\nقصفت قوات النظام السوري، اليوم الاثنين، قرية وادي الرمان في ريف حماة بعشرات القذائف المدفعية، ما أدى إلى دمار في منازل المدنيين.\n")
	r = rasd(t, "", "extract", article, "--kb-dir", dir)
	r.want(t, 0)
	found := false
	for _, a := range decodeJSONL(t, r.stdout) {
		for _, p := range a.Places {
			if p.Mention == "وادي الرمان" && strings.HasPrefix(deref(p.GazetteerID), "user.") && deref(p.Name) == "Wadi al-Rumman" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("extract --kb-dir does not use the imported place:\n%s", clip(r.stdout))
	}

	// importing again is idempotent: still two places
	r = rasd(t, "", "kb", "import", "--kb-dir", dir, "places", csv)
	r.want(t, 1)
	tsv := string(readFile(t, filepath.Join(dir, "places.places.tsv")))
	if n := strings.Count(tsv, "\n"); n != 3 {
		t.Errorf("user KB after a second import has %d lines:\n%s", n, tsv)
	}

	// all rows good: exit 0
	good := filepath.Join(t.TempDir(), "good.csv")
	write(t, good, "name,name_ar,feature,country,admin1,lat,lon\nTall Saba,تل سبعة,village,SY,Ar-Raqqa,35.9,39.1\n")
	r = rasd(t, "", "kb", "import", "places", good, "--kb-dir", dir)
	r.want(t, 0)
	if !strings.Contains(r.stderr, "1 imported, 0 bad rows skipped") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = rasd(t, "", "kb", "stats", "--kb-dir", dir)
	r.want(t, 0)
}
