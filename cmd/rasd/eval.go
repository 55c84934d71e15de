package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/eval"
	"github.com/rasd-project/rasd/internal/pipeline"
)

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "ner" {
		return runEvalNER(e, args[1:])
	}
	fs := newFlagSet(e, "eval", "--gold GOLD.jsonl [flags] ARTICLES_OR_PRED.jsonl",
		"Scores rasd against gold annotations with the figures of ../shared/eval/score.py.\n"+
			"The second file is either rasd output (records with \"events\") or articles\n"+
			"(records with \"text\"/\"html\" and no \"events\"), which are run through the pipeline first.\n"+
			"A per-document listing of missed and spurious events, places and actors follows the table.")
	gold := fs.String("gold", "", "gold annotations `FILE` (contract section 2)")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object (score.py --json)")
	errorsOut := fs.Bool("errors", true, "list each document's errors after the table")
	save := fs.String("save", "", "when running the pipeline, also write its output to `FILE`")
	var pf pipelineFlags
	pf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() != 1 {
		return usagef("want --gold GOLD.jsonl and one ARTICLES_OR_PRED.jsonl")
	}
	g, order, err := loadJSONL(*gold)
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	pred, _, err := loadJSONL(path)
	if err != nil {
		return err
	}
	if !hasEvents(pred) {
		p, err := pf.build(pipeline.Options{}, e)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		st, err := runBatch(ctx, e, p, []string{path}, batchOptions{workers: workers(), maxSize: 32 << 20}, func(d *doc.Doc) error {
			return enc.Encode(contract.FromDoc(d, contract.Options{}))
		})
		if err != nil {
			return err
		}
		if st.failed > 0 {
			fmt.Fprintf(e.stderr, "rasd eval: %d articles failed\n", st.failed)
		}
		if *save != "" {
			if err := os.WriteFile(*save, buf.Bytes(), 0o644); err != nil {
				return err
			}
		}
		pred, _, err = eval.Load(&buf, path+" (processed)")
		if err != nil {
			return err
		}
	}
	r := eval.Score(g, order, pred)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r.JSON())
	}
	r.WriteTable(e.stdout)
	if *errorsOut {
		r.WriteErrors(e.stdout)
	}
	return nil
}

func loadJSONL(path string) (map[string]*eval.Doc, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return eval.Load(f, path)
}

// hasEvents reports whether records look like rasd output rather than articles.
func hasEvents(docs map[string]*eval.Doc) bool {
	for _, d := range docs {
		if _, ok := d.Raw["events"]; ok {
			return true
		}
	}
	return false
}
