package ner

import (
	"fmt"
	"math"
	"sync"
	"time"
)

// A linear-chain CRF (Lafferty et al. 2001) over the same features, tags
// and transitions as the perceptron: the weights maximize the conditional
// log-likelihood of the gold BILOU tags, less an L2 penalty, by L-BFGS
// (Nocedal 1980). Decoding is the same Viterbi, so the entity bias,
// margins and score calibration work unchanged.

// Training algorithms (TrainOptions.Algorithm).
const (
	AlgoPerceptron = "perceptron" // the averaged perceptron ensemble
	AlgoCRF        = "crf"        // CRFs (by default one)
	AlgoMix        = "mix"        // the perceptron ensemble mixed with a CRF
)

// CRF training defaults.
const (
	DefaultAlgorithm     = AlgoPerceptron
	DefaultCRFIterations = 100
	DefaultL2            = 0.1
	DefaultMix           = 0.35
)

// crfBlocks is the number of sentence blocks whose gradients are computed
// concurrently and summed in block order: fixed, so that the sums (and
// the model) do not depend on the number of cores.
const crfBlocks = 4

// crfProblem is the objective of one CRF: the training corpus, the tag
// constraints and the L2 strength.
type crfProblem struct {
	m     *Model
	c     *corpus
	gold  [][]int
	nf    int // feature rows
	l2    float64
	work  int
	grads [crfBlocks][]float64
	nll   [crfBlocks]float64
}

// dim is the number of parameters: nt weights per feature row, then the
// (nt+1)*nt transition weights.
func (p *crfProblem) dim() int { return (p.nf + p.m.nt + 1) * p.m.nt }

// eval returns the regularized negative log-likelihood at x and writes
// its gradient to g.
func (p *crfProblem) eval(x, g []float64) float64 {
	nsent := len(p.c.sentOff) - 1
	jobs := make(chan int, crfBlocks)
	var wg sync.WaitGroup
	for range min(p.work, crfBlocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s crfScratch
			for b := range jobs {
				if p.grads[b] == nil {
					p.grads[b] = make([]float64, len(g))
				}
				clear(p.grads[b])
				p.nll[b] = 0
				for i := b * nsent / crfBlocks; i < (b+1)*nsent/crfBlocks; i++ {
					p.nll[b] += p.sentence(i, x, p.grads[b], &s)
				}
			}
		}()
	}
	for b := range crfBlocks {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	f := 0.0
	copy(g, p.grads[0])
	f += p.nll[0]
	for b := 1; b < crfBlocks; b++ {
		for i, v := range p.grads[b] {
			g[i] += v
		}
		f += p.nll[b]
	}
	for i, v := range x {
		g[i] += p.l2 * v
		f += 0.5 * p.l2 * v * v
	}
	return f
}

// crfScratch is the per-goroutine space of crfProblem.sentence.
type crfScratch struct {
	emis, psi, alpha, beta, scale []float64
	trans                         []float64 // exp of the transition weights, 0 where forbidden
}

// sentence adds the gradient of sentence s's negative log-likelihood at x
// to g and returns the negative log-likelihood (forward-backward with
// scaling).
func (p *crfProblem) sentence(s int, x, g []float64, sc *crfScratch) float64 {
	nt := p.m.nt
	t0, t1 := p.c.tokens(s)
	n := t1 - t0
	if n == 0 {
		return 0
	}
	tw := x[p.nf*nt:]
	tg := g[p.nf*nt:]
	if sc.trans == nil {
		sc.trans = make([]float64, (nt+1)*nt)
	}
	for q := 0; q <= nt; q++ {
		for y := 0; y < nt; y++ {
			sc.trans[q*nt+y] = 0
			if p.m.allowed(q, y) {
				sc.trans[q*nt+y] = math.Exp(tw[q*nt+y])
			}
		}
	}
	k := n * nt
	if cap(sc.emis) < k {
		sc.emis = make([]float64, k)
		sc.psi = make([]float64, k)
		sc.alpha = make([]float64, k)
		sc.beta = make([]float64, k)
		sc.scale = make([]float64, n)
	}
	emis, psi, alpha, beta, scale := sc.emis[:k], sc.psi[:k], sc.alpha[:k], sc.beta[:k], sc.scale[:n]
	gold := p.gold[s]
	logZ, goldScore := 0.0, 0.0
	for i := range n {
		e := emis[i*nt : (i+1)*nt]
		clear(e)
		for _, r := range p.c.featIdx[p.c.tokOff[t0+i]:p.c.tokOff[t0+i+1]] {
			row := x[int(r)*nt : int(r)*nt+nt]
			for y := range e {
				e[y] += row[y]
			}
		}
		mx := math.Inf(-1)
		for _, v := range e {
			mx = math.Max(mx, v)
		}
		logZ += mx
		ps := psi[i*nt : (i+1)*nt]
		for y, v := range e {
			ps[y] = math.Exp(v - mx)
			if i == n-1 && !p.m.final(y) {
				ps[y] = 0
			}
		}
		prev := nt
		if i > 0 {
			prev = gold[i-1]
		}
		goldScore += e[gold[i]] + tw[prev*nt+gold[i]]
	}
	// forward: alpha[i] is normalized to sum 1; scale[i] is its sum before
	for i := range n {
		a := alpha[i*nt : (i+1)*nt]
		ps := psi[i*nt : (i+1)*nt]
		if i == 0 {
			for y := range a {
				a[y] = sc.trans[nt*nt+y] * ps[y]
			}
		} else {
			prev := alpha[(i-1)*nt : i*nt]
			for y := range a {
				sum := 0.0
				for q, v := range prev {
					sum += v * sc.trans[q*nt+y]
				}
				a[y] = sum * ps[y]
			}
		}
		z := 0.0
		for _, v := range a {
			z += v
		}
		scale[i] = z
		for y := range a {
			a[y] /= z
		}
		logZ += math.Log(z)
	}
	// backward, scaled by the same sums
	last := beta[(n-1)*nt:]
	for y := range last {
		last[y] = 1
	}
	for i := n - 2; i >= 0; i-- {
		b := beta[i*nt : (i+1)*nt]
		next := beta[(i+1)*nt : (i+2)*nt]
		ps := psi[(i+1)*nt : (i+2)*nt]
		for q := range b {
			sum := 0.0
			for y, v := range next {
				sum += sc.trans[q*nt+y] * ps[y] * v
			}
			b[q] = sum / scale[i+1]
		}
	}
	// expectations minus gold counts
	for i := range n {
		a := alpha[i*nt : (i+1)*nt]
		b := beta[i*nt : (i+1)*nt]
		e := emis[i*nt : (i+1)*nt] // reused for the marginals
		for y := range e {
			e[y] = a[y] * b[y]
		}
		e[gold[i]]--
		for _, r := range p.c.featIdx[p.c.tokOff[t0+i]:p.c.tokOff[t0+i+1]] {
			row := g[int(r)*nt : int(r)*nt+nt]
			for y, v := range e {
				row[y] += v
			}
		}
		if i == 0 {
			for y, v := range e {
				tg[nt*nt+y] += v
			}
			continue
		}
		prev := alpha[(i-1)*nt : i*nt]
		ps := psi[i*nt : (i+1)*nt]
		for q, av := range prev {
			if av == 0 {
				continue
			}
			for y := range nt {
				if t := sc.trans[q*nt+y]; t != 0 {
					tg[q*nt+y] += av * t * ps[y] * b[y] / scale[i]
				}
			}
		}
		tg[gold[i-1]*nt+gold[i]]--
	}
	return logZ - goldScore
}

// crfMember trains one CRF on the features of the fold shift of member k
// and returns its feature keys with nt weights each, the transition
// weights, and the L-BFGS iterations run.
func (td *trainData) crfMember(k int) (keys []uint64, w, tw []float32, iter int) {
	start := time.Now()
	m, opt := td.m, td.opt
	nt := m.nt
	keys, tr, dev := td.featurize(td.foldShift(k))
	p := &crfProblem{m: m, c: tr, gold: td.gold, nf: len(keys), l2: opt.L2, work: opt.Workers}
	opt.Logf("crf %d: %d sentences, %d features, %d parameters (%.1fs)", k+1, len(td.words), len(keys), p.dim(), time.Since(start).Seconds())
	x := make([]float64, p.dim())
	split := func(x []float64) (w, tw []float32) {
		w = make([]float32, p.nf*nt)
		for i := range w {
			w[i] = float32(x[i])
		}
		tw = make([]float32, (nt+1)*nt)
		for i := range tw {
			tw[i] = float32(x[p.nf*nt+i])
		}
		return w, tw
	}
	var dec *decoder
	if dev != nil {
		dec = m.newDecoder(nil)
	}
	iter = lbfgs(x, p.eval, opt.CRFIterations, func(it int, f float64, x []float64) {
		line := fmt.Sprintf("crf %d, iteration %d: objective %.6g", k+1, it, f)
		if dev != nil && (it%10 == 0 || it == opt.CRFIterations) {
			w, tw := split(x)
			teff := make([]float32, len(tw))
			for q := 0; q <= nt; q++ {
				for y := 0; y < nt; y++ {
					teff[q*nt+y] = negInf
					if m.allowed(q, y) {
						teff[q*nt+y] = tw[q*nt+y]
					}
				}
			}
			r := dev.evaluate(m, dec, w, teff, opt.Dev)
			line += fmt.Sprintf(", dev F1 %.2f (P %.2f R %.2f)", 100*r.Overall.F1(), 100*r.Overall.Precision(), 100*r.Overall.Recall())
		}
		opt.Logf("%s (%.1fs)", line, time.Since(start).Seconds())
	})
	w, tw = split(x)
	return keys, w, tw, iter
}

// lbfgs minimizes f from x (updated in place) by limited-memory BFGS
// with a backtracking (Armijo) line search, for at most maxIter
// iterations, calling progress after each. It returns the iterations run.
func lbfgs(x []float64, f func(x, g []float64) float64, maxIter int, progress func(it int, f float64, x []float64)) int {
	const mem = 6
	n := len(x)
	g := make([]float64, n)
	fx := f(x, g)
	var sv, yv [mem][]float64
	var rho [mem]float64
	alphas := make([]float64, mem)
	d := make([]float64, n)
	xn := make([]float64, n)
	gn := make([]float64, n)
	stored, head := 0, 0 // pairs stored; next slot
	it := 0
	for it < maxIter {
		// direction: d = -H g (two-loop recursion)
		for i := range d {
			d[i] = -g[i]
		}
		for j := 0; j < stored; j++ {
			s := (head - 1 - j + mem) % mem
			alphas[s] = rho[s] * dot(sv[s], d)
			axpy(-alphas[s], yv[s], d)
		}
		if stored > 0 {
			s := (head - 1 + mem) % mem
			scal(dot(sv[s], yv[s])/dot(yv[s], yv[s]), d)
		}
		for j := stored - 1; j >= 0; j-- {
			s := (head - 1 - j + mem) % mem
			b := rho[s] * dot(yv[s], d)
			axpy(alphas[s]-b, sv[s], d)
		}
		gd := dot(g, d)
		if gd >= 0 { // not a descent direction: restart from the gradient
			for i := range d {
				d[i] = -g[i]
			}
			gd = dot(g, d)
			stored = 0
		}
		step := 1.0
		if stored == 0 {
			step = 1 / math.Sqrt(-gd)
		}
		var fn float64
		ok := false
		for try := 0; try < 30; try++ {
			for i := range xn {
				xn[i] = x[i] + step*d[i]
			}
			fn = f(xn, gn)
			if fn <= fx+1e-4*step*gd {
				ok = true
				break
			}
			step *= 0.5
		}
		if !ok {
			break
		}
		it++
		// store s = xn - x, y = gn - g
		if sv[head] == nil {
			sv[head], yv[head] = make([]float64, n), make([]float64, n)
		}
		s, y := sv[head], yv[head]
		for i := range s {
			s[i] = xn[i] - x[i]
			y[i] = gn[i] - g[i]
		}
		if sy := dot(s, y); sy > 1e-10 {
			rho[head] = 1 / sy
			head = (head + 1) % mem
			stored = min(stored+1, mem)
		}
		x, xn = xn, x
		g, gn = gn, g
		rel := (fx - fn) / math.Max(1, math.Abs(fn))
		fx = fn
		progress(it, fx, x)
		if rel < 1e-9 {
			break
		}
	}
	if it%2 == 1 { // x and xn were swapped an odd number of times
		copy(xn, x)
	}
	return it
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

func axpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}

func scal(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}
