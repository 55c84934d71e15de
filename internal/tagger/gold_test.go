package tagger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/eval"
	"github.com/rasd-project/rasd/internal/input"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/ner"
	"github.com/rasd-project/rasd/internal/pipeline"
	"github.com/rasd-project/rasd/internal/tagger"
)

// score runs a pipeline over an articles file and scores it against gold.
func score(t *testing.T, p *pipeline.Pipeline, articles, gold string) eval.Report {
	t.Helper()
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
			t.Error(err)
			return false
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

// TestTaggerAddsRecall checks the rule for the learned tagger: with
// it, place and actor recall are not lower than the knowledge base's
// alone, and precision drops by at most one mention's worth. On rasd's own
// gold set always, and on ../shared/eval/dev when present.
func TestTaggerAddsRecall(t *testing.T) {
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	kbOnly := pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{})...)
	withNER := pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{Tagger: tagger.New(m, ner.KBLexicon(k))})...)
	sets := []struct{ name, dir string }{
		{"own gold", filepath.Join("..", "..", "testdata", "gold")},
		{"dev", filepath.Join("..", "..", "..", "shared", "eval", "dev")},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			articles, gold := filepath.Join(set.dir, "articles.jsonl"), filepath.Join(set.dir, "gold.jsonl")
			if _, err := os.Stat(gold); err != nil {
				t.Skipf("%s absent", gold)
			}
			a := score(t, kbOnly, articles, gold)
			b := score(t, withNER, articles, gold)
			for _, c := range []struct {
				what   string
				kb, nr eval.PRF
			}{{"place", a.Place, b.Place}, {"actor", a.Actor, b.Actor}} {
				t.Logf("%s: KB only P %.3f R %.3f (tp %d fp %d fn %d); with the tagger P %.3f R %.3f (tp %d fp %d fn %d)",
					c.what, c.kb.P, c.kb.R, c.kb.TP, c.kb.FP, c.kb.FN, c.nr.P, c.nr.R, c.nr.TP, c.nr.FP, c.nr.FN)
				if c.nr.R < c.kb.R {
					t.Errorf("%s recall %.3f with the tagger, below %.3f without", c.what, c.nr.R, c.kb.R)
				}
				if c.nr.P < c.kb.P-0.005 {
					t.Errorf("%s precision %.3f with the tagger, below %.3f without", c.what, c.nr.P, c.kb.P)
				}
			}
		})
	}
}
