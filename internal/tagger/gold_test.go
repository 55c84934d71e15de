package tagger_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rasd-project/rasd/internal/eval"
	"github.com/rasd-project/rasd/internal/eval/evaltest"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/ner"
	"github.com/rasd-project/rasd/internal/pipeline"
	"github.com/rasd-project/rasd/internal/tagger"
)

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
			a, _ := evaltest.Score(t, kbOnly, articles, gold)
			b, _ := evaltest.Score(t, withNER, articles, gold)
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
