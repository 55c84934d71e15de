package code_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/pipeline"
)

// The rule scripts in testdata/rules/*.rules are a small test language:
//
//	# a comment
//	case  a name
//	published 2024-03-05
//	text  قصفت قوات النظام بلدة كفرنبل جنوب إدلب.
//	event Explosions/Remote violence | sub=Shelling/artillery/missile attack | actor1=Syrian Army | location=كفرنبل
//	event ...                    (one line per expected event, in any order)
//	none                         (no event expected)
//
// A case passes when the pipeline codes exactly as many events as the case
// lists and each expected event matches a distinct coded one on every field
// it names: the event type first, then sub, actor1, actor2, location
// (the place mention), date, precision, fatalities (a number or null),
// status. Fields a case does not name are not checked.
type ruleCase struct {
	file, name string
	line       int
	published  string
	text       []string
	events     []map[string]string
	none       bool
}

func parseRules(t *testing.T, path string) []ruleCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []ruleCase
	var cur *ruleCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch key {
		case "case":
			cases = append(cases, ruleCase{file: filepath.Base(path), name: rest, line: n})
			cur = &cases[len(cases)-1]
		case "published", "text", "event", "none":
			if cur == nil {
				t.Fatalf("%s:%d: %s before any case", path, n, key)
			}
			switch key {
			case "published":
				cur.published = rest
			case "text":
				cur.text = append(cur.text, rest)
			case "none":
				cur.none = true
			case "event":
				ev := map[string]string{}
				for i, part := range strings.Split(rest, "|") {
					part = strings.TrimSpace(part)
					if i == 0 {
						ev["type"] = part
						continue
					}
					k, v, ok := strings.Cut(part, "=")
					if !ok {
						t.Fatalf("%s:%d: want key=value, got %q", path, n, part)
					}
					ev[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
				cur.events = append(cur.events, ev)
			}
		default:
			t.Fatalf("%s:%d: unknown directive %q", path, n, key)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// standardPipeline builds the embedded-KB pipeline once for all tests.
func standardPipeline(t testing.TB) *pipeline.Pipeline {
	pipeOnce.Do(func() {
		k, err := embedded.Load(kb.Options{})
		if err != nil {
			pipeErr = err
			return
		}
		pipe = pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{})...)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

func TestRuleScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.rules")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule scripts: %v", err)
	}
	p := standardPipeline(t)
	total := 0
	for _, f := range files {
		for _, c := range parseRules(t, f) {
			total++
			t.Run(c.file+"/"+c.name, func(t *testing.T) {
				in := pipeline.Input{Source: fmt.Sprintf("%s:%d", c.file, c.line), Text: strings.Join(c.text, "\n"), Format: pipeline.Text}
				if c.published != "" {
					d, err := doc.ParseDate(c.published)
					if err != nil {
						t.Fatal(err)
					}
					in.Published = d
				}
				d, err := p.Process(in)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkEvents(d, c); err != nil {
					t.Errorf("%s:%d %s: %v\ncoded:\n%s", c.file, c.line, c.name, err, describe(d))
				}
			})
		}
	}
	if total < 40 {
		t.Errorf("only %d rule cases; the scripts should cover every sub-event type and the hard cases", total)
	}
}

func checkEvents(d *doc.Doc, c ruleCase) error {
	if c.none && len(d.Events) > 0 {
		return fmt.Errorf("want no event, got %d", len(d.Events))
	}
	if len(d.Events) != len(c.events) {
		return fmt.Errorf("got %d events, want %d", len(d.Events), len(c.events))
	}
	used := make([]bool, len(d.Events))
	for _, want := range c.events {
		found := false
		var last string
		for i := range d.Events {
			if used[i] {
				continue
			}
			if msg := matchEvent(d, &d.Events[i], want); msg == "" {
				used[i], found = true, true
				break
			} else {
				last = msg
			}
		}
		if !found {
			return fmt.Errorf("no coded event matches %v (%s)", want, last)
		}
	}
	return nil
}

func matchEvent(d *doc.Doc, ev *doc.Event, want map[string]string) string {
	name := func(a *doc.ActorRef) string {
		if a == nil {
			return "none"
		}
		return a.Name
	}
	for k, v := range want {
		var got string
		switch k {
		case "type":
			got = ev.EventType
		case "sub":
			got = ev.SubEventType
		case "actor1":
			got = name(ev.Actor1)
		case "actor2":
			got = name(ev.Actor2)
		case "location":
			got = "none"
			if ev.Location != nil {
				got = d.SpanText(ev.Location.Mention)
			}
		case "date":
			got = ev.Date.String()
		case "precision":
			got = strconv.Itoa(ev.Precision.ACLED())
		case "fatalities":
			got = "null"
			if ev.Fatalities != nil {
				got = strconv.Itoa(*ev.Fatalities)
			}
		case "status":
			got = string(ev.Status)
		case "assoc1":
			var names []string
			for _, a := range ev.Assoc1 {
				names = append(names, a.Name)
			}
			got = strings.Join(names, ",")
		default:
			return "unknown field " + k
		}
		if got != v {
			return fmt.Sprintf("%s = %q, want %q", k, got, v)
		}
	}
	return ""
}

func describe(d *doc.Doc) string {
	var b strings.Builder
	for _, ev := range d.Events {
		loc := "none"
		if ev.Location != nil {
			loc = d.SpanText(ev.Location.Mention)
		}
		a1, a2 := "none", "none"
		if ev.Actor1 != nil {
			a1 = ev.Actor1.Name
		}
		if ev.Actor2 != nil {
			a2 = ev.Actor2.Name
		}
		fat := "null"
		if ev.Fatalities != nil {
			fat = strconv.Itoa(*ev.Fatalities)
		}
		fmt.Fprintf(&b, "  %s | sub=%s | actor1=%s | actor2=%s | location=%s | date=%s | fatalities=%s | status=%s\n",
			ev.EventType, ev.SubEventType, a1, a2, loc, ev.Date, fat, ev.Status)
	}
	for _, n := range d.Notes {
		if n.Stage == "code" {
			fmt.Fprintf(&b, "  note: %s\n", n.Msg)
		}
	}
	return b.String()
}
