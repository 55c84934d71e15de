package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain points the user knowledge base at an empty directory, so that no
// test reads the real one of whoever runs them.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rasd-test-kb")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("RASD_KB_DIR", filepath.Join(dir, "none"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the command gave.
type result struct {
	stdout, stderr string
	code           int
}

// rasd runs the command line args with stdin as standard input.
func rasd(t testing.TB, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(context.Background(), e, args)
	return result{out.String(), errb.String(), code}
}

// want fails unless r exited with code.
func (r result) want(t testing.TB, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, clip(r.stdout), r.stderr)
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout bool // usage on stdout (asked for) rather than stderr
	}{
		{"no arguments", nil, 2, false},
		{"help", []string{"help"}, 0, true},
		{"-h", []string{"-h"}, 0, true},
		{"--help", []string{"--help"}, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rasd(t, "", tc.args...)
			r.want(t, tc.code)
			got := r.stderr
			if tc.stdout {
				got = r.stdout
			}
			for _, c := range commands() {
				if !strings.Contains(got, "rasd "+c.name) {
					t.Errorf("usage does not list %q:\n%s", c.name, got)
				}
			}
		})
	}
}

func TestHelpCommand(t *testing.T) {
	for _, name := range []string{"extract", "eval", "bench", "version"} {
		r := rasd(t, "", "help", name)
		r.want(t, 0)
		if !strings.Contains(r.stderr, "usage: rasd "+name) {
			t.Errorf("help %s: no usage line:\n%s", name, r.stderr)
		}
	}
	r := rasd(t, "", "extract", "-h")
	r.want(t, 0)
	for _, f := range []string{"-format", "-published", "-out", "-max-size"} {
		if !strings.Contains(r.stderr, f) {
			t.Errorf("extract -h does not document %s:\n%s", f, r.stderr)
		}
	}
	r = rasd(t, "", "help", "kb")
	r.want(t, 0)
	if !strings.Contains(r.stderr, "usage: rasd kb") {
		t.Errorf("help kb:\n%s", r.stderr)
	}
	r = rasd(t, "", "help", "nonesuch")
	r.want(t, 2)
	if !strings.Contains(r.stderr, `unknown command "nonesuch"`) {
		t.Errorf("help nonesuch:\n%s", r.stderr)
	}
}

func TestUnknownCommand(t *testing.T) {
	for _, tc := range []struct {
		name, suggestion string // "" for none
	}{
		{"extrct", "extract"},
		{"exract", "extract"},
		{"ev", "eval"},   // a prefix
		{"evla", "eval"}, // two edits
		{"versoin", "version"},
		{"xyzzy", ""},
		{"--format", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rasd(t, "", tc.name)
			r.want(t, 2)
			if !strings.Contains(r.stderr, fmt.Sprintf("unknown command %q", tc.name)) {
				t.Errorf("stderr:\n%s", r.stderr)
			}
			hint := "did you mean"
			if tc.suggestion == "" {
				if strings.Contains(r.stderr, hint) {
					t.Errorf("unexpected suggestion:\n%s", r.stderr)
				}
				return
			}
			if want := fmt.Sprintf("%s %q?", hint, tc.suggestion); !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %s:\n%s", want, r.stderr)
			}
			if !strings.Contains(r.stderr, "rasd help") {
				t.Errorf("stderr does not point at rasd help:\n%s", r.stderr)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "eval", 4},
		{"eval", "eval", 0},
		{"evla", "eval", 2},
		{"extrct", "extract", 1},
		{"kb", "bench", 5},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := rasd(t, "", args...)
		r.want(t, 0)
		if !strings.HasPrefix(r.stdout, "rasd ") || !strings.Contains(r.stdout, runtime.Version()) {
			t.Errorf("%v: %q", args, r.stdout)
		}
		if strings.Contains(r.stdout, "Licence") {
			t.Errorf("%v prints the licences unasked", args)
		}
	}
	r := rasd(t, "", "version", "--licenses")
	r.want(t, 0)
	for _, s := range []string{"GeoNames", "CC BY 4.0", "OpenSyria"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("version --licenses lacks %q:\n%s", s, r.stdout)
		}
	}
	rasd(t, "", "version", "--bogus").want(t, 2)
}

// TestTrainEvalNER trains a tagger on a tiny CoNLL file written for the
// test and scores it with "rasd eval ner".
func TestTrainEvalNER(t *testing.T) {
	rasd(t, "", "train").want(t, 2)
	rasd(t, "", "train", "crf").want(t, 2)
	if r := rasd(t, "", "train", "ner"); r.code == 0 || !strings.Contains(r.stderr, "--conll") {
		t.Fatalf("train ner without files: exit %d\n%s", r.code, r.stderr)
	}
	model := filepath.Join(t.TempDir(), "tiny.model")
	r := rasd(t, "", "train", "ner", "--conll", "testdata/ner_tiny.conll", "--iterations", "3", "--members", "1", "--quiet", "--out", model)
	r.want(t, 0)
	if !strings.Contains(r.stdout, "wrote "+model) {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	r = rasd(t, "", "eval", "ner", "--conll", "testdata/ner_tiny.conll", "--model", model)
	r.want(t, 0)
	for _, want := range []string{"precision", "PERS", "LOC", "overall"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval ner output lacks %q:\n%s", want, r.stdout)
		}
	}
	rasd(t, "", "eval", "ner", "--conll", "testdata/ner_tiny.conll", "--model", filepath.Join(t.TempDir(), "missing.model")).want(t, 1)
}

// TestParseFlags checks that flags may follow the operands, as in
// "rasd extract a.txt --format table".
func TestParseFlags(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		format   string
		n        int
		operands []string
	}{
		{"flags first", []string{"--format", "json", "-n", "3", "a", "b"}, "json", 3, []string{"a", "b"}},
		{"flags last", []string{"a", "b", "--format", "json", "-n=3"}, "json", 3, []string{"a", "b"}},
		{"flags between", []string{"a", "--format=table", "b", "-n", "2", "c"}, "table", 2, []string{"a", "b", "c"}},
		{"stdin operand", []string{"-", "--format", "json"}, "json", 0, []string{"-"}},
		{"double dash", []string{"a", "--", "--format", "-n"}, "jsonl", 0, []string{"a", "--format", "-n"}},
		{"double dash first", []string{"--", "-"}, "jsonl", 0, []string{"-"}},
		{"no operands", []string{"--format", "json"}, "json", 0, nil},
		{"nothing", nil, "jsonl", 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
			fs := newFlagSet(e, "test", "", "")
			format := fs.String("format", "jsonl", "")
			n := fs.Int("n", 0, "")
			if err := parseFlags(fs, tc.args); err != nil {
				t.Fatal(err)
			}
			if *format != tc.format || *n != tc.n {
				t.Errorf("format %q n %d; want %q %d", *format, *n, tc.format, tc.n)
			}
			if got := fs.Args(); !reflect.DeepEqual(got, tc.operands) && !(len(got) == 0 && len(tc.operands) == 0) {
				t.Errorf("operands %q; want %q", got, tc.operands)
			}
		})
	}
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	fs := newFlagSet(e, "test", "", "")
	fs.String("format", "", "")
	if err := parseFlags(fs, []string{"a", "--nope"}); err != exitError(2) {
		t.Errorf("unknown flag after an operand: %v; want exit status 2", err)
	}
	if err := parseFlags(fs, []string{"a", "-h"}); err != flag.ErrHelp {
		t.Errorf("-h after an operand: %v; want flag.ErrHelp", err)
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	off := newProgress(&b, false)
	off.start = off.start.Add(-time.Minute)
	off.update(10, 1)
	off.clear()
	if b.Len() != 0 {
		t.Errorf("progress off drew %q", b.String())
	}

	on := newProgress(&b, true)
	on.update(1, 0) // too early: short runs print nothing
	if b.Len() != 0 {
		t.Errorf("progress drew within its first half second: %q", b.String())
	}
	on.start = on.start.Add(-2 * time.Second)
	on.last = on.start
	on.update(40, 2)
	if got := b.String(); !strings.HasPrefix(got, "\r[") || !strings.Contains(got, "40 articles, 2 failed") {
		t.Errorf("progress line %q", got)
	}
	b.Reset()
	on.update(41, 2) // within 100 ms of the last draw
	if b.Len() != 0 {
		t.Errorf("progress redrew at once: %q", b.String())
	}
	on.clear()
	if got := b.String(); got != "\r\x1b[K" {
		t.Errorf("clear wrote %q", got)
	}
	b.Reset()
	on.clear()
	if b.Len() != 0 {
		t.Errorf("second clear wrote %q", b.String())
	}
}
