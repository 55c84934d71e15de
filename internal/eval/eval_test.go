package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

func load(t *testing.T, path string) (map[string]*Doc, []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, order, err := Load(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return d, order
}

func TestNormAr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"بالدشيشة", "دشيشه"},
		{"الحسكة", "حسكه"},
		{"“قسد”", "قسد"},
		{"وقسد", "قسد"},
		{"لل", "لل"},
		{"تنظيم \"الدولة\"", "تنظيم دوله"},
		{"إسرائيل", "اسرائيل"},
		{"دير الزور", "دير زور"},
		{"وبالمدينة", "بالمدينه"},
		{"ﺍﻟﺠﻴﺶ", "جيش"},
		{"ـجيشٌ", "جيش"},
	}
	for _, tc := range tests {
		if got := NormAr(tc.in); got != tc.want {
			t.Errorf("NormAr(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestScoreFixture checks every figure on a two-document fixture computed
// by hand.
func TestScoreFixture(t *testing.T) {
	g, order := load(t, "testdata/gold.jsonl")
	p, _ := load(t, "testdata/pred.jsonl")
	r := Score(g, order, p)
	// places: t1 gold {دشيشه, حسكه}, pred {دشيشه, رقه}: tp 1 fp 1 fn 1; t2: tp 1
	if r.Place.TP != 2 || r.Place.FP != 1 || r.Place.FN != 1 {
		t.Errorf("place counts = %+v; want tp 2 fp 1 fn 1", r.Place)
	}
	// resolution: الدشيشة within 25 km and admin1 right; شمع 10 km off: both right
	if r.PlaceResolution.Acc != 1 || r.PlaceResolution.N != 2 {
		t.Errorf("place resolution = %+v; want 1.0 over 2", r.PlaceResolution)
	}
	// actors: t1 SDF and IS (Civilians not counted), t2 Israeli Army by name
	if r.Actor.TP != 3 || r.Actor.FP != 0 || r.Actor.FN != 0 {
		t.Errorf("actor counts = %+v; want tp 3 fp 0 fn 0", r.Actor)
	}
	// events: t1 matched (Battles at الدشيشة); t2 strike matched; the
	// gold VAC unmatched; the predicted clash spurious
	if r.Event.TP != 2 || r.Event.FP != 1 || r.Event.FN != 1 {
		t.Errorf("event counts = %+v; want tp 2 fp 1 fn 1", r.Event)
	}
	if r.EventSubtype.Acc != 0.5 || r.EventActors.Acc != 1 || r.EventDate.Acc != 0.5 || r.EventFatalities.Acc != 1 {
		t.Errorf("accuracies: subtype %v actors %v date %v fatalities %v; want 0.5 1 0.5 1",
			r.EventSubtype.Acc, r.EventActors.Acc, r.EventDate.Acc, r.EventFatalities.Acc)
	}
	if len(r.PerDoc) != 2 || len(r.PerDoc[1].MissedEvents) != 1 || len(r.PerDoc[1].SpuriousEvents) != 1 {
		t.Errorf("per-document errors = %+v", r.PerDoc)
	}
}

// TestAgreesWithScorePy runs ../shared/eval/score.py on the fixture and
// compares its --json output with ours, when python3 and the scorer exist.
func TestAgreesWithScorePy(t *testing.T) {
	const scorer = "../../../shared/eval/score.py"
	if _, err := os.Stat(scorer); err != nil {
		t.Skip("score.py not present")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	for _, pair := range [][2]string{
		{"testdata/gold.jsonl", "testdata/pred.jsonl"},
		{"testdata/gold.jsonl", "testdata/gold_as_pred.jsonl"},
	} {
		if _, err := os.Stat(pair[1]); err != nil {
			continue
		}
		out, err := exec.Command(py, scorer, pair[0], pair[1], "--json").Output()
		if err != nil {
			t.Fatalf("score.py: %v", err)
		}
		var want map[string]any
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		g, order := load(t, pair[0])
		p, _ := load(t, pair[1])
		b, _ := json.Marshal(Score(g, order, p).JSON())
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if !bytes.Equal(gb, wb) {
			t.Errorf("%s vs %s:\n go:       %s\n score.py: %s", pair[0], pair[1], gb, wb)
		}
	}
}
