package code_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/input"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// TestGoldErrors writes the per-document error listings of the own gold set
// and the dev set (when present) to the directory named by RASD_ERRORS, for
// error analysis. It is skipped unless that variable is set.
func TestGoldErrors(t *testing.T) {
	dir := os.Getenv("RASD_ERRORS")
	if dir == "" {
		t.Skip("RASD_ERRORS not set")
	}
	sets := map[string]string{"own": "../../testdata/gold/", "dev": "../../../shared/eval/dev/"}
	for name, d := range sets {
		if _, err := os.Stat(d + "gold.jsonl"); err != nil {
			continue
		}
		r, raw := scoreSetOut(t, d+"articles.jsonl", d+"gold.jsonl")
		f, err := os.Create(dir + "/" + name + ".errors")
		if err != nil {
			t.Fatal(err)
		}
		r.WriteTable(f)
		r.WriteErrors(f)
		f.Close()
		if err := os.WriteFile(dir+"/"+name+".pred.jsonl", raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestExplain prints what the coder made of one document: RASD_DOC names a
// doc_id of the own gold set or the dev set, or RASD_TEXT gives a text
// (RASD_PUB its publication date). Skipped unless one is set.
func TestExplain(t *testing.T) {
	id, text := os.Getenv("RASD_DOC"), os.Getenv("RASD_TEXT")
	if id == "" && text == "" {
		t.Skip("RASD_DOC or RASD_TEXT not set")
	}
	p := standardPipeline(t)
	in := pipeline.Input{Source: "explain", Text: text, Format: pipeline.Text}
	if pub := os.Getenv("RASD_PUB"); pub != "" {
		d, err := doc.ParseDate(pub)
		if err != nil {
			t.Fatal(err)
		}
		in.Published = d
	}
	if id != "" {
		found := false
		for _, f := range []string{"../../testdata/gold/articles.jsonl", "../../../shared/eval/dev/articles.jsonl"} {
			input.Read(context.Background(), f, input.Options{}, func(it input.Item) bool {
				if it.Err == nil && it.Input.ID == id {
					in, found = it.Input, true
					return false
				}
				return true
			})
			if found {
				break
			}
		}
		if !found {
			t.Fatalf("no doc %s", id)
		}
	}
	d, err := p.Process(in)
	if err != nil {
		t.Fatal(err)
	}
	for si, s := range d.Sents {
		t.Logf("S%d: %s", si, d.SpanText(s))
	}
	for _, a := range d.Actors {
		t.Logf("ACTOR %q %s inter %d S%d generic=%v", d.SpanText(a.Span), a.Name, a.Inter, d.SentenceOf(int(a.Span.Start)), a.Generic)
	}
	for _, p := range d.Places {
		t.Logf("PLACE %q %s %s %s/%s/%s prec %d S%d", d.SpanText(p.Mention), p.Name, p.Feature, p.Country, p.Admin1, p.Admin2, p.GeoPrecision, d.SentenceOf(int(p.Mention.Start)))
	}
	for _, ev := range d.Events {
		loc := "none"
		if ev.Location != nil {
			loc = d.SpanText(ev.Location.Mention)
		}
		t.Logf("EVENT %s/%s at %s %v -> %v date %s S%d\n   why: %s", ev.EventType, ev.SubEventType, loc, ev.Actor1, ev.Actor2, ev.Date, d.SentenceOf(int(ev.Trigger.Start)), strings.Join(ev.Why, "; "))
	}
	for _, n := range d.Notes {
		if n.Stage == "code" {
			t.Logf("NOTE S%d %q: %s", d.SentenceOf(int(n.Span.Start)), d.SpanText(n.Span), n.Msg)
		}
	}
}
