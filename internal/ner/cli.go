package ner

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// This file holds the "rasd train ner" and "rasd eval ner" commands for
// cmd/rasd. They are the only code of the package that touches files.

// TrainCommand runs "train ner": it reads a CoNLL training file (and
// optionally a dev file, or holds out the end of the training file as
// dev), trains a model with the knowledge-base features of lex (unless
// lex is nil or --no-lexicon is given) and writes it. args are the
// arguments after "ner".
//
//	train ner --conll TRAIN [--extra FILE,...] [--dev DEV | --holdout 0.1] [--algo perceptron|mix|crf] [--stages 1|2] [--iterations N] [--no-lexicon] --out MODEL
func TrainCommand(args []string, stdout, stderr io.Writer, lex Lexicon) error {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	conll := fs.String("conll", "", "training sentences, CoNLL `FILE` (word and BIO tag per line)")
	extra := fs.String("extra", "", "more training sentences, CoNLL `FILE`s (comma-separated), never held out")
	devPath := fs.String("dev", "", "held-out sentences, CoNLL `FILE`: choose the best pass and calibrate scores")
	holdout := fs.Float64("holdout", 0, "hold out this `FRACTION` of the end of --conll as dev (instead of --dev)")
	algo := fs.String("algo", DefaultAlgorithm, "training `ALGORITHM`: mix (perceptrons mixed with a CRF), perceptron or crf")
	iterations := fs.Int("iterations", DefaultIterations, "perceptron training passes (`N`); with a dev set, the best of them is kept")
	crfIterations := fs.Int("crf-iterations", DefaultCRFIterations, "L-BFGS iterations of a CRF (`N`)")
	l2 := fs.Float64("l2", DefaultL2, "L2 penalty `STRENGTH` of a CRF")
	mix := fs.Float64("mix", DefaultMix, "the CRF's `SHARE` of the mixed weights (mix)")
	out := fs.String("out", "", "write the model to `FILE`")
	seed := fs.Int64("seed", 1, "seed of the sentence order")
	members := fs.Int("members", 0, "models to train and average (`N`; perceptron, mix: default 8; crf: 1)")
	prune := fs.Float64("prune", 0, "drop weights below this `FRACTION` of the largest (smaller file)")
	quiet := fs.Bool("quiet", false, "do not print progress")
	stages := fs.Int("stages", DefaultStages, "1: one model; 2: a two-stage stacked model (`N`)")
	noLex := fs.Bool("no-lexicon", false, "train without the knowledge-base lexicon features")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: rasd train ner --conll TRAIN [--extra FILE,...] [--dev DEV | --holdout F] [--algo A] --out MODEL")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conll == "" || *out == "" || fs.NArg() != 0 {
		fs.Usage()
		return errors.New("train ner: want --conll TRAIN and --out MODEL")
	}
	if *devPath != "" && *holdout != 0 {
		return errors.New("train ner: --dev and --holdout exclude each other")
	}
	if *holdout < 0 || *holdout >= 1 {
		return errors.New("train ner: --holdout must be in [0, 1)")
	}
	train, err := readCoNLLFile(*conll)
	if err != nil {
		return err
	}
	var dev []Sentence
	switch {
	case *devPath != "":
		if dev, err = readCoNLLFile(*devPath); err != nil {
			return err
		}
	case *holdout > 0:
		cut := len(train) - int(float64(len(train))**holdout)
		train, dev = train[:cut], train[cut:]
	}
	// extra sentences go first: the held-out tail that calibrates scores
	// when there is no dev set stays the main corpus's
	if *extra != "" {
		var more []Sentence
		for _, path := range strings.Split(*extra, ",") {
			s, err := readCoNLLFile(path)
			if err != nil {
				return err
			}
			more = append(more, s...)
		}
		train = append(more, train...)
	}
	if *noLex {
		lex = nil
	}
	opt := TrainOptions{Algorithm: *algo, L2: *l2, Mix: *mix, CRFIterations: *crfIterations, Iterations: *iterations, Dev: dev, Seed: *seed, Members: *members, Prune: *prune, Lexicon: lex, Stages: *stages}
	if !*quiet {
		opt.Logf = func(format string, args ...any) { fmt.Fprintf(stderr, "train ner: "+format+"\n", args...) }
	}
	start := time.Now()
	m, err := Train(train, opt)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	n, err := writeModelFile(*out, m)
	if err != nil {
		return err
	}
	info := m.Info()
	fmt.Fprintf(stdout, "wrote %s: %d bytes, %d features, %d words, pass %d, trained in %.1fs\n",
		*out, n, info.Features, info.Words, info.Iterations, time.Since(start).Seconds())
	if len(dev) > 0 {
		fmt.Fprintf(stdout, "dev (%d sentences):\n%s", len(dev), Evaluate(m, dev, lex))
	}
	return nil
}

// EvalCommand runs "eval ner": it tags the sentences of a CoNLL file with
// a model (the embedded default without --model) and prints a
// conlleval-style table. lex is the Lexicon the model reads when it was
// trained with one (pass the one it was trained with).
//
//	eval ner --conll TEST [--model MODEL]
func EvalCommand(args []string, stdout, stderr io.Writer, lex Lexicon) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	conll := fs.String("conll", "", "gold sentences, CoNLL `FILE`")
	modelPath := fs.String("model", "", "model `FILE` (default: the embedded model)")
	predPath := fs.String("pred", "", "also write each token with its gold and predicted tag to `FILE` (conlleval's input)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: rasd eval ner --conll TEST [--model MODEL] [--pred FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conll == "" || fs.NArg() != 0 {
		fs.Usage()
		return errors.New("eval ner: want --conll TEST")
	}
	gold, err := readCoNLLFile(*conll)
	if err != nil {
		return err
	}
	var m *Model
	if *modelPath == "" {
		m, err = Default()
	} else {
		m, err = readModelFile(*modelPath)
	}
	if err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	start := time.Now()
	if m.Info().Lexicon && lex == nil {
		return errors.New("eval ner: the model was trained with a lexicon and none was given")
	}
	pred := Predict(m, gold, lex)
	el := time.Since(start)
	r := Score(gold, pred)
	fmt.Fprint(stdout, r)
	if *predPath != "" {
		if err := writePredictions(*predPath, gold, pred); err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
	}
	fmt.Fprintf(stderr, "eval ner: tagged %d tokens in %.2fs (%.0f tokens/s)\n", r.Tokens, el.Seconds(), float64(r.Tokens)/el.Seconds())
	return nil
}

// writePredictions writes "word gold predicted" lines, a blank line
// after each sentence: the input format of conlleval.
func writePredictions(path string, gold []Sentence, pred [][]string) error {
	var b strings.Builder
	for i, g := range gold {
		for j, w := range g.Words {
			fmt.Fprintf(&b, "%s %s %s\n", w, g.Tags[j], pred[i][j])
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func readCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func readModelFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// writeModelFile writes m to path through a temporary file in the same
// directory, renamed into place once complete.
func writeModelFile(path string, m *Model) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ner-model-*")
	if err != nil {
		return 0, err
	}
	n, err := m.WriteTo(tmp)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}
