package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/gold.jsonl and testdata/pred.jsonl are two hand-made documents
// with known figures (checked against ../shared/eval/score.py):
//
//   - g1: places الرقة and الطبقة found, حلب spurious; both actors found;
//     the battle at الطبقة matched, date and fatalities right.
//   - g2: حمص found; the army found, Hezbollah spurious; the shelling at
//     حمص matched with the wrong date and fatalities; the protest missed.
const evalTable = `docs 2 (missing from prediction: 0)
place    P 0.750  R 1.000  F1 0.857   (tp 3 fp 1 fn 0)
actor    P 0.750  R 1.000  F1 0.857   (tp 3 fp 1 fn 0)
event    P 1.000  R 0.667  F1 0.800   (tp 2 fp 0 fn 1)
place_resolution   1.000  (n 3)
place_within_25km  1.000  (n 2)
event_subtype      1.000  (n 2)
event_actors       1.000  (n 2)
event_date         0.500  (n 2)
event_fatalities   0.500  (n 2)
`

func TestEvalPredictions(t *testing.T) {
	r := rasd(t, "", "eval", "--gold", "testdata/gold.jsonl", "testdata/pred.jsonl")
	r.want(t, 0)
	if !strings.HasPrefix(r.stdout, evalTable) {
		t.Errorf("eval table:\n%s\nwant\n%s", r.stdout, evalTable)
	}
	for _, s := range []string{
		"== g1: gold 1 events, predicted 1, matched 1",
		"spurious place  حلب",
		"missed event    Protests / Peaceful protest at no location",
		"date: gold 2024-02-03, got 2024-02-04",
		"fatalities: gold 1, got 0",
		"spurious actor  Hezbollah (حزب الله)",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("error listing lacks %q", s)
		}
	}

	// flags after the operand, no error listing
	r = rasd(t, "", "eval", "testdata/pred.jsonl", "--gold", "testdata/gold.jsonl", "--errors=false")
	r.want(t, 0)
	if r.stdout != evalTable {
		t.Errorf("--errors=false:\n%s", r.stdout)
	}

	r = rasd(t, "", "eval", "--json", "--gold", "testdata/gold.jsonl", "testdata/pred.jsonl")
	r.want(t, 0)
	var got struct {
		Docs  int `json:"docs"`
		Event struct {
			P, R, F1   float64
			TP, FP, FN int
		} `json:"event"`
		EventDate struct {
			Acc float64 `json:"acc"`
			N   int     `json:"n"`
		} `json:"event_date"`
		PlaceWithin25km struct {
			Acc float64 `json:"acc"`
			N   int     `json:"n"`
		} `json:"place_within_25km"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	if got.Docs != 2 || got.Event.TP != 2 || got.Event.FN != 1 || got.Event.R != 0.667 || got.Event.F1 != 0.8 ||
		got.EventDate.Acc != 0.5 || got.EventDate.N != 2 || got.PlaceWithin25km.N != 2 {
		t.Errorf("--json figures: %+v\n%s", got, r.stdout)
	}
}

// TestEvalArticles runs eval on articles (records without "events"): the
// pipeline runs first. The figures depend on every stage, so only the shape
// is checked here.
func TestEvalArticles(t *testing.T) {
	save := filepath.Join(t.TempDir(), "saved.jsonl")
	r := rasd(t, "", "eval", "--gold", "testdata/eval_gold.jsonl", "--save", save, "testdata/eval_articles.jsonl")
	r.want(t, 0)
	if !strings.HasPrefix(r.stdout, "docs 1 (missing from prediction: 0)\n") || !strings.Contains(r.stdout, "\nevent    P ") {
		t.Errorf("eval on articles:\n%s", r.stdout)
	}
	arts := decodeJSONL(t, string(readFile(t, save)))
	if len(arts) != 1 || arts[0].DocID != "e1" || deref(arts[0].Published) != "2024-01-10" {
		t.Errorf("--save wrote %+v", arts)
	}
}

func TestEvalErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no gold", []string{"eval", "testdata/pred.jsonl"}, 2, "want --gold"},
		{"no prediction", []string{"eval", "--gold", "testdata/gold.jsonl"}, 2, "want --gold"},
		{"missing gold", []string{"eval", "--gold", "testdata/nonesuch.jsonl", "testdata/pred.jsonl"}, 1, "nonesuch.jsonl"},
		{"bad prediction", []string{"eval", "--gold", "testdata/gold.jsonl", "testdata/articles.jsonl"}, 1, "articles.jsonl:2: not JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rasd(t, "", tc.args...)
			r.want(t, tc.code)
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr lacks %q:\n%s", tc.msg, r.stderr)
			}
		})
	}
}
