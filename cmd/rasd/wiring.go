package main

import (
	"flag"
	"fmt"

	"github.com/rasd-project/rasd/internal/code"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/ner"
	"github.com/rasd-project/rasd/internal/pipeline"
	"github.com/rasd-project/rasd/internal/tagger"
)

// pipelineFlags are the flags every command that runs the pipeline shares.
type pipelineFlags struct {
	kbDir   string
	noNER   bool
	keepAll bool
}

func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.kbDir, "kb-dir", "", "user knowledge-base `DIR` used on top of the embedded one (default $RASD_KB_DIR)")
	fs.BoolVar(&pf.noNER, "no-ner", false, "do not run the learned named-entity tagger")
	fs.BoolVar(&pf.keepAll, "all-statuses", false, "also output planned, negated and denied events")
}

// build assembles the pipeline: the embedded knowledge base (plus the user
// one), knowledge-base matching, the tagger, toponym resolution, actor
// resolution and event coding.
func (pf *pipelineFlags) build(opt pipeline.Options, e *env) (*pipeline.Pipeline, error) {
	k, err := embedded.Load(kb.Options{UserDir: userKBDirIfExists(pf.kbDir)})
	if err != nil {
		return nil, err
	}
	so := pipeline.StandardOptions{Coder: code.Options{KeepAll: pf.keepAll}}
	if !pf.noNER {
		m, err := ner.Default()
		if err != nil {
			return nil, fmt.Errorf("loading the named-entity model: %w (--no-ner runs without it)", err)
		}
		so.Tagger = tagger.New(m, nerLexicon(m, k))
	}
	return pipeline.New(opt, pipeline.Standard(k, so)...), nil
}

// nerLexicon returns the knowledge-base lexicon for a model trained with
// one, nil otherwise.
func nerLexicon(m *ner.Model, k *kb.KB) ner.Lexicon {
	if !m.Info().Lexicon {
		return nil
	}
	return ner.KBLexicon(k)
}

// userKBDirIfExists returns the user KB directory when one is configured
// (an explicit flag always counts; the defaults only when they exist).
func userKBDirIfExists(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	return userKBDir("")
}
