package main

import (
	"context"

	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/ner"
)

// runTrain dispatches "rasd train MODEL-KIND ...": only "ner" for now.
func runTrain(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		return usagef("usage: rasd train ner --conll TRAIN [--dev DEV | --holdout F] --out MODEL")
	}
	if args[0] != "ner" {
		return usagef("train: unknown model %q (want ner)", args[0])
	}
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		return err
	}
	return ner.TrainCommand(args[1:], e.stdout, e.stderr, ner.KBLexicon(k))
}

// runEvalNER runs "rasd eval ner --conll TEST --model MODEL".
func runEvalNER(e *env, args []string) error {
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		return err
	}
	return ner.EvalCommand(args, e.stdout, e.stderr, ner.KBLexicon(k))
}

// licenseText is the sources and licences of the embedded data: the
// knowledge base's and the named-entity model's.
func licenseText() string { return kb.Licenses + "\n" + ner.License }
