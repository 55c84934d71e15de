package pipeline

import (
	"github.com/rasd-project/rasd/internal/actor"
	"github.com/rasd-project/rasd/internal/code"
	"github.com/rasd-project/rasd/internal/geo"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/match"
)

// StandardOptions selects the optional parts of the standard stages.
type StandardOptions struct {
	// Tagger runs after knowledge-base matching when set (the learned
	// named-entity tagger).
	Tagger Stage
	// Coder configures event coding.
	Coder code.Options
}

// Standard returns rasd's stages in order: knowledge-base matching, the
// tagger (when given), toponym resolution, actor resolution and event
// coding.
func Standard(k *kb.KB, opt StandardOptions) []Stage {
	stages := []Stage{match.New(k)}
	if opt.Tagger != nil {
		stages = append(stages, opt.Tagger)
	}
	return append(stages, geo.New(k), actor.New(k), code.New(k, opt.Coder))
}
