package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainEvalCommands(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "ner.model")
	fixture := filepath.Join("testdata", "tiny.conll")
	var out, errs bytes.Buffer
	args := []string{"--conll", fixture, "--holdout", "0.25", "--iterations", "3", "--members", "2", "--quiet", "--out", model}
	if err := TrainCommand(args, &out, &errs, fixtureLex); err != nil {
		t.Fatalf("TrainCommand: %v\n%s", err, errs.String())
	}
	if !strings.Contains(out.String(), "wrote "+model) || !strings.Contains(out.String(), "dev (2 sentences)") {
		t.Errorf("TrainCommand output:\n%s", out.String())
	}
	first, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readModelFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Info().Lexicon {
		t.Error("model trained with a lexicon: Info().Lexicon is false")
	}
	// the same command writes the same bytes
	if err := TrainCommand(args, &out, &errs, fixtureLex); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(model); !bytes.Equal(first, again) {
		t.Error("TrainCommand is not deterministic")
	}

	out.Reset()
	if err := EvalCommand([]string{"--conll", fixture, "--model", model}, &out, &errs, fixtureLex); err != nil {
		t.Fatalf("EvalCommand: %v", err)
	}
	if !strings.Contains(out.String(), "processed 75 tokens with 19 phrases;") {
		t.Errorf("EvalCommand output:\n%s", out.String())
	}
	// --pred writes conlleval's input, which scores as the report does
	pred := filepath.Join(dir, "pred.txt")
	out.Reset()
	if err := EvalCommand([]string{"--conll", fixture, "--model", model, "--pred", pred}, &out, &errs, fixtureLex); err != nil {
		t.Fatalf("EvalCommand --pred: %v", err)
	}
	gold, err := readCoNLLFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readPredictions(pred)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(gold) {
		t.Fatalf("--pred: %d sentences, want %d", len(got), len(gold))
	}
	for i := range gold {
		if strings.Join(got[i].Words, " ") != strings.Join(gold[i].Words, " ") || strings.Join(got[i].Tags, " ") != strings.Join(gold[i].Tags, " ") {
			t.Fatalf("--pred sentence %d: words or gold tags differ from the input", i)
		}
	}
	if r := Score(gold, predTags(got)); r.String() != out.String() {
		t.Errorf("--pred file scores\n%s\nthe command printed\n%s", r, out.String())
	}
	if err := EvalCommand([]string{"--conll", fixture, "--model", model}, &out, &errs, nil); err == nil {
		t.Error("EvalCommand of a lexicon model without a lexicon: want an error")
	}

	// --no-lexicon
	if err := TrainCommand(append(args[:len(args)-2:len(args)-2], "--no-lexicon", "--out", model), &out, &errs, fixtureLex); err != nil {
		t.Fatal(err)
	}
	if m, err := readModelFile(model); err != nil || m.Info().Lexicon {
		t.Errorf("--no-lexicon: model Info().Lexicon = %v (%v); want false", m != nil && m.Info().Lexicon, err)
	}
}

func TestCommandErrors(t *testing.T) {
	fixture := filepath.Join("testdata", "tiny.conll")
	var out, errs bytes.Buffer
	for _, args := range [][]string{
		{},
		{"--conll", fixture},
		{"--conll", fixture, "--out", "x", "--holdout", "1"},
		{"--conll", fixture, "--out", "x", "--holdout", "0.1", "--dev", fixture},
		{"--conll", "testdata/missing.conll", "--out", "x"},
		{"--bogus"},
	} {
		if err := TrainCommand(args, &out, &errs, nil); err == nil {
			t.Errorf("TrainCommand(%q): want an error", args)
		}
	}
	for _, args := range [][]string{
		{},
		{"--conll", "testdata/missing.conll"},
		{"--conll", fixture, "--model", "testdata/tiny.conll"},
	} {
		if err := EvalCommand(args, &out, &errs, nil); err == nil {
			t.Errorf("EvalCommand(%q): want an error", args)
		}
	}
}

// predSentence is a sentence of a --pred file: words, gold and predicted tags.
type predSentence struct {
	Words, Tags, Pred []string
}

// readPredictions reads a file written by eval ner --pred.
func readPredictions(path string) ([]predSentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []predSentence
	var cur predSentence
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" {
			if len(cur.Words) > 0 {
				out = append(out, cur)
				cur = predSentence{}
			}
			continue
		}
		f := strings.Split(line, " ")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		cur.Words, cur.Tags, cur.Pred = append(cur.Words, f[0]), append(cur.Tags, f[1]), append(cur.Pred, f[2])
	}
	return out, nil
}

func predTags(ps []predSentence) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = p.Pred
	}
	return out
}
