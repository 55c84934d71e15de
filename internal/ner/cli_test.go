package ner

import (
	"bytes"
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
