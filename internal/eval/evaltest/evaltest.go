// Package evaltest runs a pipeline over an articles file and scores the
// output against gold annotations, for tests that guard accuracy (in the
// manner of net/http/httptest: helpers for tests, not for the product).
package evaltest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/eval"
	"github.com/rasd-project/rasd/internal/input"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// Score runs p over the articles file and scores its contract output
// against the gold file with the score.py metric. It also returns the
// output as JSON Lines.
func Score(t testing.TB, p *pipeline.Pipeline, articles, gold string) (eval.Report, []byte) {
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
	raw := append([]byte(nil), out.Bytes()...)
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
	return eval.Score(g, order, pred), raw
}
