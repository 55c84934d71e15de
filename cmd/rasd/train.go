package main

import (
	"context"

	"github.com/rasd-project/rasd/internal/kb"
)

func runTrain(ctx context.Context, e *env, args []string) error {
	return usagef("train: the named-entity tagger is not built in yet")
}

func licenseText() string { return kb.Licenses }
