package main

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/pipeline"
)

func workers() int { return runtime.GOMAXPROCS(0) }

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench", "[flags] PATH...",
		"Runs the whole pipeline (decoding to events) over a corpus — files, directories or JSON\n"+
			"Lines of articles — and reports articles/s, MB/s and peak memory. With the default\n"+
			"--workers 1 the figures are per core.")
	n := fs.Int("workers", 1, "articles processed in parallel")
	rounds := fs.Int("rounds", 3, "passes over the corpus (the first warms up and is not counted when rounds > 1)")
	var pf pipelineFlags
	pf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no corpus given")
	}
	t0 := time.Now()
	p, err := pf.build(pipeline.Options{}, e)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if v := ms.HeapAlloc; v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	var total batchStats
	var events int
	counted := 0
	for r := 0; r < *rounds; r++ {
		evs := 0
		st, err := runBatch(ctx, e, p, fs.Args(), batchOptions{workers: max(1, *n), maxSize: 32 << 20},
			func(d *doc.Doc) error { evs += len(d.Events); return nil })
		if err != nil {
			close(stop)
			return err
		}
		if *rounds > 1 && r == 0 {
			continue
		}
		counted++
		total.ok += st.ok
		total.failed += st.failed
		total.bytes += st.bytes
		total.elapsed += st.elapsed
		events += evs
	}
	close(stop)
	sec := total.elapsed.Seconds()
	fmt.Fprintf(e.stdout, "corpus: %d articles (%d failed), %.2f MB per pass, %d passes counted\n",
		total.ok/max(counted, 1), total.failed/max(counted, 1), float64(total.bytes)/1e6/float64(max(counted, 1)), counted)
	fmt.Fprintf(e.stdout, "pipeline load: %s (knowledge base, tagger)\n", load.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "throughput: %.0f articles/s, %.2f MB/s, %.0f events/s with %d worker(s) on %d CPUs (%s/%s, %s)\n",
		float64(total.ok)/sec, float64(total.bytes)/1e6/sec, float64(events)/sec, *n, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Fprintf(e.stdout, "peak heap: %.1f MB\n", float64(peak.Load())/1e6)
	return nil
}
