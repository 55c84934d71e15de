// Command rasd turns Arabic-language conflict news into structured,
// geolocated, auditable event data.
//
//	rasd extract [flags] PATH...|-   articles → contract JSON (or the explain table)
//	rasd eval    [flags]              score output against gold annotations
//	rasd bench   [flags] PATH...      throughput of the whole pipeline
//	rasd kb      SUBCOMMAND           knowledge-base build, import and lookup
//	rasd train   ner ...              train the named-entity tagger
//	rasd version [--licenses]         version, data sources and licences
//	rasd help    [COMMAND]
//
// Each subcommand lives in its own file and parses its own flags; main only
// dispatches.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrIsTerminal enables progress bars.
	stderrIsTerminal bool
}

// command is one subcommand.
type command struct {
	name    string
	args    string // argument synopsis
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands returns the subcommand table, in the order help lists them.
func commands() []command {
	return []command{
		{"extract", "[flags] PATH...|-", "extract clean articles, actors, places and events as contract JSON", runExtract},
		{"eval", "--gold GOLD.jsonl [flags] ARTICLES_OR_PRED.jsonl | ner --conll TEST --model MODEL", "score rasd against gold annotations (same figures as score.py), or the tagger on CoNLL", runEval},
		{"bench", "[flags] PATH...", "measure pipeline throughput over a corpus", runBench},
		{"kb", "build|import|lookup|stats ...", "knowledge base: rebuild, import user data, look names up", runKB},
		{"train", "ner --conll TRAIN [--dev DEV] --out MODEL", "train the named-entity tagger", runTrain},
		{"version", "[--licenses]", "print version, data sources and licences", runVersion},
		{"help", "[COMMAND]", "show help for rasd or one command", nil},
	}
}

// exitError carries an exit status without a message of its own.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// usageError is a command-line mistake: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerminal: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args and returns the process exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		if name == "help" && len(args) > 1 {
			return helpFor(ctx, e, args[1])
		}
		usage(e.stdout)
		return 0
	}
	if name == "--version" {
		name = "version"
	}
	for _, c := range commands() {
		if c.name != name || c.run == nil {
			continue
		}
		err := c.run(ctx, e, args[1:])
		return exitCode(e, c.name, err)
	}
	fmt.Fprintf(e.stderr, "rasd: unknown command %q\n", name)
	if s := suggest(name); s != "" {
		fmt.Fprintf(e.stderr, "did you mean %q?\n", s)
	}
	fmt.Fprintln(e.stderr, "run 'rasd help' for the list of commands")
	return 2
}

func exitCode(e *env, name string, err error) int {
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return int(ee)
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "rasd %s: %s\nrun 'rasd help %s' for usage\n", name, ue.msg, name)
		return 2
	case errors.Is(err, errHelp):
		return 0
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "rasd %s: interrupted\n", name)
		return 130
	}
	fmt.Fprintf(e.stderr, "rasd %s: %v\n", name, err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprint(w, "rasd turns Arabic-language conflict news into structured, geolocated event data.\n\nUsage:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  rasd %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'rasd help COMMAND' (or 'rasd COMMAND -h') for a command's flags.\n")
}

func helpFor(ctx context.Context, e *env, name string) int {
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return exitCode(e, name, c.run(ctx, e, []string{"-h"}))
		}
	}
	fmt.Fprintf(e.stderr, "rasd help: unknown command %q\n", name)
	return 2
}

// suggest returns the command name closest to a mistyped one.
func suggest(name string) string {
	type cand struct {
		n string
		d int
	}
	var cs []cand
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		if strings.HasPrefix(c.name, name) {
			return c.name
		}
		cs = append(cs, cand{c.name, editDistance(name, c.name)})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	if len(cs) > 0 && cs[0].d <= 2 {
		return cs[0].n
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
