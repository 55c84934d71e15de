package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rasd-project/rasd/internal/contract"
	"github.com/rasd-project/rasd/internal/decode"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/explain"
	"github.com/rasd-project/rasd/internal/input"
	"github.com/rasd-project/rasd/internal/pipeline"
)

var errHelp = flag.ErrHelp

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its usage with the command's synopsis.
func newFlagSet(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("rasd "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: rasd %s %s\n\n%s\n\nflags:\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping flag errors to usage errors. Flags may
// come before, between or after the operands ("rasd extract a.txt
// --format table"), as users write them; "--" ends the flags and "-"
// (standard input) is an operand. fs.Args() returns the operands in order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return errHelp
			}
			return exitError(2) // the flag package already printed the message and usage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			// Parse stopped at "--": everything after it is an operand
			operands = append(operands, rest...)
			break
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
	// leave the operands as fs.Args(): "--" stops parsing at once
	if err := fs.Parse(append([]string{"--"}, operands...)); err != nil {
		return exitError(2)
	}
	return nil
}

type extractFlags struct {
	format    string
	published string
	out       string
	maxSize   int64
	workers   int
	details   bool
	tokens    bool
	progress  bool
	pipe      pipelineFlags
}

func runExtract(ctx context.Context, e *env, args []string) error {
	var f extractFlags
	fs := newFlagSet(e, "extract", "[flags] PATH...|-",
		"Reads articles from files (.txt, .html/.htm, .jsonl/.ndjson article records), directories\n"+
			"(recursively) or standard input (-), and writes one object per article following the\n"+
			"output contract. A bad input is reported on stderr and the rest goes on; the exit\n"+
			"status is 1 when any input failed.")
	fs.StringVar(&f.format, "format", "jsonl", "output format: jsonl, json or table (the explain view)")
	fs.StringVar(&f.published, "published", "", "publication date `YYYY-MM-DD` for inputs that carry none")
	fs.StringVar(&f.out, "out", "", "write output to `FILE` instead of standard output")
	fs.Int64Var(&f.maxSize, "max-size", 32<<20, "largest input accepted, in `bytes` (per JSON Lines record)")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	fs.BoolVar(&f.details, "details", false, "add the numbers and dates found to JSON output")
	fs.BoolVar(&f.tokens, "tokens", false, "table format: list every token with its normalized form and kind")
	fs.BoolVar(&f.progress, "progress", true, "show a progress bar on a terminal")
	f.pipe.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch f.format {
	case "jsonl", "json", "table":
	default:
		return usagef("unknown --format %q (want jsonl, json or table)", f.format)
	}
	if fs.NArg() == 0 {
		return usagef("no input: give files, directories or - for standard input")
	}
	var pub doc.Date
	if f.published != "" {
		d, err := doc.ParseDate(f.published)
		if err != nil || !d.Full() {
			return usagef("--published %q: want YYYY-MM-DD", f.published)
		}
		pub = d
	}
	if f.workers < 1 {
		f.workers = 1
	}
	p, err := f.pipe.build(pipeline.Options{MaxSize: f.maxSize, DefaultPublished: pub}, e)
	if err != nil {
		return err
	}

	out := e.stdout
	var file *os.File
	if f.out != "" {
		file, err = os.Create(f.out)
		if err != nil {
			return err
		}
		out = file
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	w := newDocWriter(bw, f.format, f.details, f.tokens)

	st, runErr := runBatch(ctx, e, p, fs.Args(), batchOptions{
		workers: f.workers, maxSize: f.maxSize, progress: f.progress && e.stderrIsTerminal,
		sizeFlag: fmt.Sprintf("--max-size %d bytes", f.maxSize),
	}, w.write)
	if err := w.close(); err != nil && runErr == nil {
		runErr = err
	}
	if err := bw.Flush(); err != nil && runErr == nil {
		runErr = err
	}
	if file != nil {
		if err := file.Close(); err != nil && runErr == nil {
			runErr = err
		}
	}
	fmt.Fprintf(e.stderr, "rasd extract: %d articles, %d failed, %d events (%s)\n",
		st.ok, st.failed, st.events, st.elapsed.Round(time.Millisecond))
	if runErr != nil {
		return runErr
	}
	if st.failed > 0 {
		return exitError(1)
	}
	return nil
}

// docWriter writes finished documents in one output format.
type docWriter struct {
	w       io.Writer
	format  string
	details bool
	tokens  bool
	n       int
	enc     *json.Encoder
	buf     bytes.Buffer // one element of a json array
}

func newDocWriter(w io.Writer, format string, details, tokens bool) *docWriter {
	dw := &docWriter{w: w, format: format, details: details, tokens: tokens}
	enc := json.NewEncoder(w)
	if format == "json" {
		enc = json.NewEncoder(&dw.buf)
		enc.SetIndent("  ", "  ")
	}
	enc.SetEscapeHTML(false)
	dw.enc = enc
	return dw
}

func (dw *docWriter) write(d *doc.Doc) error {
	defer func() { dw.n++ }()
	switch dw.format {
	case "table":
		return explain.Write(dw.w, d, explain.Options{Tokens: dw.tokens})
	case "json":
		// one element of an indented array: "[\n  {…}" then ",\n  {…}"
		dw.buf.Reset()
		if err := dw.enc.Encode(contract.FromDoc(d, contract.Options{Details: dw.details})); err != nil {
			return err
		}
		sep := ",\n  "
		if dw.n == 0 {
			sep = "[\n  "
		}
		if _, err := io.WriteString(dw.w, sep); err != nil {
			return err
		}
		_, err := dw.w.Write(bytes.TrimSuffix(dw.buf.Bytes(), []byte("\n")))
		return err
	}
	return dw.enc.Encode(contract.FromDoc(d, contract.Options{Details: dw.details}))
}

func (dw *docWriter) close() error {
	if dw.format != "json" {
		return nil
	}
	if dw.n == 0 {
		_, err := io.WriteString(dw.w, "[]\n")
		return err
	}
	_, err := io.WriteString(dw.w, "\n]\n")
	return err
}

type batchOptions struct {
	workers  int
	maxSize  int64
	progress bool
	// sizeFlag names the flag that sets maxSize, for the message about an
	// input over the limit ("" when there is none).
	sizeFlag string
}

type batchStats struct {
	ok, failed, events int
	skipped            int // files left out of directory walks for their extension
	bytes              int64
	elapsed            time.Duration
}

// runBatch reads every input, processes the articles on workers and hands
// finished documents to emit in input order. Failed inputs are reported on
// stderr as "rasd: SOURCE: reason" and counted; they never stop the batch.
func runBatch(ctx context.Context, e *env, p *pipeline.Pipeline, paths []string, opt batchOptions,
	emit func(*doc.Doc) error) (batchStats, error) {
	start := time.Now()
	var st batchStats
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	files, bad, skipped := input.Expand(paths)
	if len(skipped) > 0 {
		st.skipped = len(skipped)
		files := "files"
		if len(skipped) == 1 {
			files = "file"
		}
		fmt.Fprintf(e.stderr, "rasd: skipped %d %s in the directories given whose extension rasd does not read (%s), e.g. %s; name a file to read it anyway\n",
			len(skipped), files, strings.Join(input.Extensions, " "), skipped[0])
	}
	type job struct {
		seq int
		it  input.Item
	}
	type result struct {
		seq int
		src string
		d   *doc.Doc
		err error
		n   int
	}
	jobs := make(chan job, opt.workers*2)
	results := make(chan result, opt.workers*2)

	// reader: files in order, items numbered
	go func() {
		defer close(jobs)
		seq := 0
		push := func(it input.Item) bool {
			select {
			case jobs <- job{seq, it}:
				seq++
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, b := range bad {
			if !push(b) {
				return
			}
		}
		for _, f := range files {
			input.Read(ctx, f, input.Options{MaxSize: opt.maxSize, Stdin: e.stdin}, push)
			if ctx.Err() != nil {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range opt.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := result{seq: j.seq, src: j.it.Input.Source, err: j.it.Err}
				if r.err == nil {
					r.n = len(j.it.Input.Data) + len(j.it.Input.Text)
					r.d, r.err = process(p, j.it.Input)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	prog := newProgress(e.stderr, opt.progress)
	pending := map[int]result{}
	next := 0
	var emitErr error
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			st.bytes += int64(r.n)
			if r.err != nil {
				st.failed++
				prog.clear()
				msg := reason(r.err)
				if opt.sizeFlag != "" && errors.Is(r.err, decode.ErrTooLarge) {
					msg += " (the limit is " + opt.sizeFlag + ")"
				}
				fmt.Fprintf(e.stderr, "rasd: %s: %s\n", r.src, msg)
				var pe *panicError
				if errors.As(r.err, &pe) {
					e.stderr.Write(pe.stack)
				}
			} else {
				st.ok++
				st.events += len(r.d.Events)
				if emitErr == nil {
					if emitErr = emit(r.d); emitErr != nil {
						cancel()
					}
				}
			}
			prog.update(st.ok, st.failed)
		}
	}
	prog.clear()
	st.elapsed = time.Since(start)
	if emitErr != nil {
		return st, emitErr
	}
	return st, ctx.Err()
}

// panicError reports an input whose processing panicked: a bug in rasd.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string {
	return fmt.Sprintf("internal error (a bug in rasd, please report it): panic: %v", e.value)
}

// process runs the pipeline on one input. A panic in a stage is a bug, but
// it must not stop the batch: it becomes this input's error, with the
// stack, and the other inputs go on.
func process(p *pipeline.Pipeline, in pipeline.Input) (d *doc.Doc, err error) {
	defer func() {
		if v := recover(); v != nil {
			d, err = nil, &panicError{value: v, stack: debug.Stack()}
		}
	}()
	return p.Process(in)
}

// reason formats an input error for the one-line report.
func reason(err error) string {
	s := err.Error()
	return strings.ReplaceAll(s, "\n", " ")
}
