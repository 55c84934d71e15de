package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress indicator on a terminal. The total is
// unknown while inputs are still being read (JSON Lines), so it shows the
// count, the failures and the rate.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	drawn   bool
	spinner int
}

func newProgress(w io.Writer, on bool) *progress {
	now := time.Now()
	return &progress{w: w, on: on, start: now, last: now}
}

// update redraws at most ten times a second, and only after the first
// half second so that short runs print nothing.
func (p *progress) update(ok, failed int) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < 500*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(ok+failed) / now.Sub(p.start).Seconds()
	const width = 20
	p.spinner = (p.spinner + 1) % (2 * width)
	pos := p.spinner
	if pos >= width {
		pos = 2*width - 1 - pos
	}
	bar := strings.Repeat(" ", pos) + "=" + strings.Repeat(" ", width-1-pos)
	fmt.Fprintf(p.w, "\r[%s] %d articles, %d failed, %.0f/s ", bar, ok, failed, rate)
	p.drawn = true
}

// clear erases the line so that messages print cleanly.
func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
