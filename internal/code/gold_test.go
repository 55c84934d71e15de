package code_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/eval"
	"github.com/rasd-project/rasd/internal/input"
)

// scoreSet runs the standard pipeline over an articles file and scores it
// against its gold file with the score.py metric.
func scoreSet(t *testing.T, articles, gold string) eval.Report {
	t.Helper()
	p := standardPipeline(t)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	input.Read(context.Background(), articles, input.Options{}, func(it input.Item) bool {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Input.Source, it.Err)
			return true
		}
		d, err := p.Process(it.Input)
		if err != nil {
			t.Errorf("%s: %v", it.Input.Source, err)
			return true
		}
		if err := enc.Encode(contract.FromDoc(d, contract.Options{})); err != nil {
			t.Fatal(err)
		}
		return true
	})
	pred, _, err := eval.Load(&out, "prediction")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, order, err := eval.Load(f, gold)
	if err != nil {
		t.Fatal(err)
	}
	return eval.Score(g, order, pred)
}

// floors fail the test when a figure drops below them: they sit a little
// under the figures measured when they were set, so that a regression shows.
type floors struct {
	place, actor, event, subtype, actors, fatalities, resolution float64
}

func checkFloors(t *testing.T, r eval.Report, f floors) {
	t.Helper()
	var buf bytes.Buffer
	r.WriteTable(&buf)
	t.Logf("\n%s", buf.String())
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s = %.3f, below the regression floor %.3f", name, got, floor)
		}
	}
	check("place F1", r.Place.F1, f.place)
	check("actor F1", r.Actor.F1, f.actor)
	check("event F1", r.Event.F1, f.event)
	check("event subtype accuracy", r.EventSubtype.Acc, f.subtype)
	check("event actor accuracy", r.EventActors.Acc, f.actors)
	check("event fatalities accuracy", r.EventFatalities.Acc, f.fatalities)
	check("place resolution accuracy", r.PlaceResolution.Acc, f.resolution)
}

// TestOwnGold scores rasd's own annotated set (testdata/gold, texts written
// by the team; see its README).
func TestOwnGold(t *testing.T) {
	r := scoreSet(t, "../../testdata/gold/articles.jsonl", "../../testdata/gold/gold.jsonl")
	checkFloors(t, r, floors{place: 0.93, actor: 0.90, event: 0.64, subtype: 0.90, actors: 0.55, fatalities: 0.62, resolution: 0.88})
}

// TestDevSet scores the shared dev set when it is present.
func TestDevSet(t *testing.T) {
	const dir = "../../../shared/eval/dev/"
	if _, err := os.Stat(dir + "gold.jsonl"); err != nil {
		t.Skip("../shared/eval/dev not present")
	}
	r := scoreSet(t, dir+"articles.jsonl", dir+"gold.jsonl")
	checkFloors(t, r, floors{place: 0.85, actor: 0.85, event: 0.56, subtype: 0.83, actors: 0.60, fatalities: 0.75, resolution: 0.93})
}
