// Package geo resolves place mentions to gazetteer entries, coordinates,
// admin units and ACLED geo-precision, from context the way an analyst
// would: hierarchy cues in the text (X جنوب الحسكة, X بريف Y, في محافظة Y),
// the other places of the article (spatial coherence), the article's
// country focus, feature type and population priors, and one sense per
// document. It is deterministic, explains every choice, and does no I/O.
//
// It also computes the document's country focus (Doc.Focus), which the
// actor and event stages read.
package geo

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

// Resolver is the toponym-resolution stage. It is immutable and safe for
// concurrent use.
type Resolver struct {
	kb    *kb.KB
	fuzzy *fuzzyIndex
	// units maps "CC|admin1|admin2" (admin2 "" for a province) to the
	// admin unit with coordinates: where a place has none of its own.
	units map[string]*kb.Place
}

// New returns a resolver over k.
func New(k *kb.KB) *Resolver {
	units := map[string]*kb.Place{}
	for i := range k.Places {
		p := &k.Places[i]
		if !p.HasCoord {
			continue
		}
		switch p.Feature {
		case "admin1":
			units[p.Country+"|"+p.Admin1+"|"] = p
		case "admin2":
			units[p.Country+"|"+p.Admin1+"|"+p.Admin2] = p
		}
	}
	return &Resolver{kb: k, fuzzy: newFuzzyIndex(k), units: units}
}

// representative gives a place without coordinates of its own those of
// its district, else its province, and the matching ACLED geo-precision
// (2, 3): what ACLED does for a village it cannot find on a map.
func (r *Resolver) representative(p *doc.Place) {
	if p.HasCoord || p.Country == "" || p.Admin1 == "" {
		return
	}
	u, prec := r.units[p.Country+"|"+p.Admin1+"|"+p.Admin2], 2
	if u == nil || p.Admin2 == "" {
		u, prec = r.units[p.Country+"|"+p.Admin1+"|"], 3
	}
	if u == nil {
		return
	}
	p.Lat, p.Lon, p.HasCoord = u.Lat, u.Lon, true
	p.GeoPrecision = max(p.GeoPrecision, prec)
	p.Reason += fmt.Sprintf("; no coordinates of its own: those of %s (%s), geo_precision %d", u.Name, u.Feature, prec)
}

// Name returns the stage name.
func (r *Resolver) Name() string { return "geo" }

// Weights of the evidence, in score points (see Run).
const (
	wPrior     = 1.0 // feature rank and population, scaled to 0..1
	wFocus     = 2.5 // share of the document's country focus
	wHierarchy = 4.0 // X جنوب Y / X بريف Y with the candidate inside Y
	wCoherence = 1.2 // near the other places of the article
	wCue       = 1.0 // head noun agrees with the feature type
)

// mention is one place mention under resolution.
type mention struct {
	m      doc.Mention
	key    string // normalized surface, for one sense per document
	heads  []string
	cands  []int32 // KB place indexes
	fuzzy  bool    // cands are spelling variants, not exact names
	quoted bool    // the mention is in quote marks
}

func quotedSpan(d *doc.Doc, s doc.Span) bool {
	return s.Start > 0 && d.Tokens[s.Start-1].Has(doc.QuoteOpen) && int(s.End) < len(d.Tokens) && d.Tokens[s.End].Has(doc.QuoteClose)
}

// Run resolves the document's place mentions into Doc.Places and sets
// Doc.Focus.
func (r *Resolver) Run(d *doc.Doc) {
	ms := r.collect(d)
	d.Focus = r.focus(d, ms)

	// group by surface: one sense per document
	groups := map[string][]int{}
	var order []string
	for i, m := range ms {
		if _, ok := groups[m.key]; !ok {
			order = append(order, m.key)
		}
		groups[m.key] = append(groups[m.key], i)
	}
	chosen := map[string]int32{} // key → place index (-1 none)
	reasons := map[string]string{}
	// two rounds: the second sees the first round's choices for coherence
	for round := 0; round < 2; round++ {
		for _, key := range order {
			idx := groups[key]
			best, why := r.choose(d, ms, idx, chosen, round)
			chosen[key] = best
			reasons[key] = why
		}
	}
	// check each choice against the article before locating the unknown ones
	verdict := map[string]int{}
	rejected := map[string]int32{}
	for _, m := range ms {
		if best := chosen[m.key]; best >= 0 {
			if _, seen := verdict[m.key]; seen {
				continue
			}
			v := r.plausibility(d, m, &r.kb.Places[best])
			if v == plausible && m.fuzzy && !r.near(&r.kb.Places[best], chosen, m.key, 40) {
				v = unknownHere
			}
			verdict[m.key] = v
			if v != plausible {
				rejected[m.key] = best
				chosen[m.key] = -1
			}
		}
	}
	for _, m := range ms {
		p := doc.Place{Mention: m.m.Span}
		best := chosen[m.key]
		switch verdict[m.key] {
		case implausible:
			d.Note("geo", m.m.Span, "not read as a place: only a small place far from the article's countries matches, with nothing in the text framing it as a place")
			continue
		case unknownHere:
			q := &r.kb.Places[rejected[m.key]]
			p.Reason = "the gazetteer's " + q.Name + " (" + q.Country + ") is not a credible reading here; "
		}
		if best >= 0 {
			fill(&p, &r.kb.Places[best])
			p.GeoPrecision = precision(&r.kb.Places[best], m.heads)
		} else {
			r.locateUnknown(d, &p, m, ms, chosen)
		}
		if p.Reason == "" {
			p.Reason = reasons[m.key]
		}
		r.representative(&p)
		d.Places = append(d.Places, p)
	}
}

// collect gathers place mentions, keeping one per span: KB over rule over
// NER, longer over shorter.
func (r *Resolver) collect(d *doc.Doc) []mention {
	var cand []doc.Mention
	for _, m := range d.Mentions {
		if m.Kind == doc.MPlace {
			cand = append(cand, m)
		}
	}
	rank := func(m doc.Mention) int {
		switch m.Source {
		case doc.FromKB:
			return 3
		case doc.FromRule:
			return 2
		}
		return 1
	}
	sort.SliceStable(cand, func(i, j int) bool {
		a, b := cand[i], cand[j]
		if a.Len() != b.Len() {
			return a.Len() > b.Len()
		}
		return rank(a) > rank(b)
	})
	var kept []doc.Mention
	for _, m := range cand {
		overlap := false
		for _, k := range kept {
			if k.Overlaps(m.Span) {
				overlap = true
				break
			}
		}
		// an actor name covering the place (قوات سوريا الديمقراطية) wins
		if !overlap {
			for _, a := range d.Mentions {
				if a.Kind == doc.MActor && a.Source != doc.FromNER && a.Span.Contains(m.Span) && a.Len() > m.Len() {
					overlap = true
					break
				}
			}
		}
		if !overlap {
			kept = append(kept, m)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].StartByte < kept[j].StartByte })
	out := make([]mention, 0, len(kept))
	for _, m := range kept {
		mm := mention{m: m, key: kb.Key(d.SpanText(m.Span)), quoted: quotedSpan(d, m.Span)}
		for _, l := range strings.Split(m.Label, ",") {
			if h, ok := strings.CutPrefix(l, "head:"); ok {
				mm.heads = append(mm.heads, h)
			}
		}
		for _, id := range m.Refs {
			if i, ok := r.kb.PlaceIndex(id); ok {
				mm.cands = append(mm.cands, i)
			}
		}
		if len(mm.cands) == 0 && m.Source != doc.FromKB {
			mm.fuzzy = true
			mm.cands = r.fuzzy.lookup(mm.key)
		}
		out = append(out, mm)
	}
	return out
}

// focus computes the document's country focus.
func (r *Resolver) focus(d *doc.Doc, ms []mention) []doc.CountryWeight {
	w := map[string]float64{}
	for _, m := range ms {
		cs := map[string]bool{}
		for _, c := range m.cands {
			cs[r.kb.Places[c].Country] = true
		}
		if len(cs) == 0 {
			continue
		}
		weight := 1.0
		if len(m.cands) == 1 && r.kb.Places[m.cands[0]].Feature == "country" {
			weight = 1.5
		}
		for c := range cs {
			w[c] += weight / float64(len(cs))
		}
	}
	for _, m := range d.Mentions {
		switch {
		case m.Kind == doc.MCue && m.Label == "adj":
			w[m.Ref] += 0.7
		case m.Kind == doc.MActor && m.Source == doc.FromKB && len(m.Refs) == 1:
			if a, ok := r.kb.Actor(m.Refs[0]); ok {
				if len(a.Theatres) > 0 {
					for _, t := range a.Theatres {
						w[t] += 0.5 / float64(len(a.Theatres))
					}
				} else if a.Country != "" {
					w[a.Country] += 0.3
				}
			}
		}
	}
	if cc := tldCountry(d.Meta.Outlet); cc != "" {
		w[cc] += 1
	}
	out := make([]doc.CountryWeight, 0, len(w))
	for c, x := range w {
		out = append(out, doc.CountryWeight{Country: c, Weight: x})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Country < out[j].Country
	})
	return out
}

// tldCountry maps a country-code top-level domain to ISO2.
func tldCountry(host string) string {
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return ""
	}
	tld := strings.ToUpper(host[i+1:])
	switch tld {
	case "SY", "IQ", "YE", "LY", "SD", "LB", "PS", "EG", "SO", "ML", "BF", "NE", "TD", "JO", "SA", "AE",
		"KW", "QA", "BH", "OM", "DZ", "MA", "TN", "MR", "TR", "IR":
		return tld
	}
	return ""
}

// choose picks the best candidate for the mentions idx of one surface.
func (r *Resolver) choose(d *doc.Doc, ms []mention, idx []int, chosen map[string]int32, round int) (int32, string) {
	cands := ms[idx[0]].cands
	if len(cands) == 0 {
		return -1, ""
	}
	type scored struct {
		i     int32
		s     float64
		parts []string
	}
	var all []scored
	for _, c := range cands {
		p := &r.kb.Places[c]
		sc := scored{i: c}
		add := func(v float64, why string) {
			if v != 0 {
				sc.s += v
				sc.parts = append(sc.parts, fmt.Sprintf("%s %+.2f", why, v))
			}
		}
		add(wPrior*prior(p), "prior")
		add(wFocus*d.FocusWeight(p.Country), "focus "+p.Country)
		h, hwhy := r.hierarchy(d, ms, idx, p)
		add(wHierarchy*h, hwhy)
		if round > 0 {
			co, cwhy := r.coherence(ms, idx, chosen, p)
			add(wCoherence*co, cwhy)
		}
		add(wCue*cueFit(p, ms[idx[0]].heads, cands, r.kb), "head noun")
		all = append(all, sc)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return r.kb.Places[all[i].i].ID < r.kb.Places[all[j].i].ID
	})
	best := all[0]
	why := fmt.Sprintf("score %.2f (%s)", best.s, strings.Join(best.parts, ", "))
	if len(all) > 1 {
		var alts []string
		for _, a := range all[1:min(len(all), 4)] {
			p := &r.kb.Places[a.i]
			alts = append(alts, fmt.Sprintf("%s %s/%s %.2f", p.Name, p.Admin1, p.Country, a.s))
		}
		why += fmt.Sprintf(" over %d other candidates: %s", len(all)-1, strings.Join(alts, "; "))
	}
	return best.i, why
}

// prior scores feature rank and population into 0..1.
func prior(p *kb.Place) float64 {
	pop := 0.0
	if p.Pop > 0 {
		pop = math.Min(1, math.Log10(float64(p.Pop)+1)/7)
	}
	return 0.5*kb.FeatureRank(p.Feature)/9 + 0.5*pop
}

// hierarchyWords link a place to a larger one after it: X جنوب Y, X بريف Y,
// X في محافظة Y, X التابعة لـ Y, X قرب Y.
func isLinkWord(w string) bool {
	switch w {
	case "في", "ب", "من", "التابعه", "التابع", "تابعه", "ل", "الواقعه", "الواقع", "شرق", "غرب", "شمال", "جنوب",
		"شرقي", "غربي", "شمالي", "جنوبي", "ريف", "بريف", "محافظه", "بمحافظه", "منطقه", "بمنطقه", "قرب", "بالقرب",
		"ناحيه", "مدينه", "بمدينه", "قضاء", "مديريه", "بمديريه", "ولايه", "بولايه", "وسط", "شمال شرق", "جنوب شرق",
		"شمال غرب", "جنوب غرب", "اقصي", "بلده", "ببلده", "،", ",", "-", "(", "عند", "اطراف", "محيط", "داخل":
		return true
	}
	return false
}

// hierarchy returns 1 when a place named right after one of the mentions
// (through link words) contains or is close to candidate p.
func (r *Resolver) hierarchy(d *doc.Doc, ms []mention, idx []int, p *kb.Place) (float64, string) {
	for _, i := range idx {
		m := ms[i]
		// the next place mention within 4 tokens, with only link words between
		for j := i + 1; j < len(ms) && j <= i+2; j++ {
			n := ms[j]
			if int(n.m.Start)-int(m.m.End) > 4 {
				break
			}
			ok := linked(d, int(m.m.End), int(n.m.Start))
			if !ok || n.key == m.key {
				continue
			}
			for _, c := range n.cands {
				q := &r.kb.Places[c]
				if inside(p, q) {
					return 1, "inside " + q.Name + " (" + d.SpanText(n.m.Span) + ")"
				}
			}
		}
	}
	return 0, ""
}

// linked reports whether tokens [a, b) are only link words (جنوب، بريف،
// في محافظة، التابعة لـ), commas, dashes or quotes: what joins a place to
// the larger place that locates it.
func linked(d *doc.Doc, a, b int) bool {
	// at least one link word: "X وY" and "X، Y" are lists, not "Y contains X"
	link := false
	if b < len(d.Tokens) && b > a {
		tok := d.Tokens[b]
		_ = tok
	}
	for t := a; t < b; t++ {
		w := d.TokNorm(t)
		if d.Tokens[t].Kind == doc.Word && (isLinkWord(w) || isLinkWord(stripProclitic(w))) && !strings.HasPrefix(w, "و") {
			link = true
		}
	}
	if !link {
		return false
	}
	for t := a; t < b; t++ {
		w := d.TokNorm(t)
		if d.Tokens[t].Kind == doc.Punct && !strings.ContainsAny(w, ",،-(") && !isQuoteTok(d, t) {
			return false
		}
		if d.Tokens[t].Kind == doc.Word && !isLinkWord(w) && !isLinkWord(stripProclitic(w)) {
			return false
		}
	}
	return true
}

// linkedOver is linked, also stepping over other place mentions and the
// conjunctions of a list (قرى X وY وZ غرب مدينة تل أبيض).
func linkedOver(d *doc.Doc, ms []mention, a, b int) bool {
	for t := a; t < b; t++ {
		in := false
		for _, n := range ms {
			if int(n.m.Start) <= t && t < int(n.m.End) {
				in = true
				t = int(n.m.End) - 1
				break
			}
		}
		if in || d.TokNorm(t) == "و" {
			continue
		}
		if !linked(d, t, t+1) {
			return false
		}
	}
	return true
}

func isQuoteTok(d *doc.Doc, t int) bool {
	return d.Tokens[t].Flags&(doc.QuoteOpen|doc.QuoteClose) != 0
}

func stripProclitic(w string) string {
	for _, p := range []string{"وب", "ب", "و", "ل", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 {
			return rest
		}
	}
	return w
}

// inside reports whether p lies in q: same country and q is p's admin1 or
// admin2, or p is within 60 km of a city/town q.
func inside(p, q *kb.Place) bool {
	if p == q || p.Country != q.Country {
		return false
	}
	switch q.Feature {
	case "country":
		return true
	case "admin1":
		return p.Admin1 != "" && p.Admin1 == q.Admin1
	case "admin2":
		return (p.Admin2 != "" && p.Admin2 == q.Admin2) || (p.HasCoord && q.HasCoord && distKm(p, q) < 40)
	}
	if p.Admin1 != "" && q.Admin1 != "" && p.Admin1 != q.Admin1 && !(p.HasCoord && q.HasCoord && distKm(p, q) < 25) {
		return false
	}
	return p.HasCoord && q.HasCoord && distKm(p, q) < 60
}

// coherence rewards candidates near the other places chosen in the article.
func (r *Resolver) coherence(ms []mention, idx []int, chosen map[string]int32, p *kb.Place) (float64, string) {
	if p.Feature == "country" {
		return 0, ""
	}
	self := ms[idx[0]].key
	bestD := math.Inf(1)
	var near string
	for key, c := range chosen {
		if key == self || c < 0 {
			continue
		}
		q := &r.kb.Places[c]
		if !p.HasCoord || !q.HasCoord || q.Feature == "country" || q.Feature == "admin1" {
			continue
		}
		if dk := distKm(p, q); dk < bestD {
			bestD, near = dk, q.Name
		}
	}
	score, why := 0.0, ""
	switch {
	case bestD < 30:
		score, why = 1, "near "+near
	case bestD < 100:
		score, why = 0.6, "near "+near
	case bestD < 250:
		score, why = 0.3, "near "+near
	}
	if score < 0.6 && p.Admin1 != "" {
		for key, c := range chosen {
			if key == self || c < 0 {
				continue
			}
			q := &r.kb.Places[c]
			if q.Feature != "country" && q.Country == p.Country && q.Admin1 == p.Admin1 {
				return 0.6, "same province as " + q.Name
			}
		}
	}
	return score, why
}

// cueFit rewards feature types that agree with the head noun, and prefers a
// city over the admin unit of the same name when no admin head is given.
func cueFit(p *kb.Place, heads []string, cands []int32, k *kb.KB) float64 {
	admin := hasHead(heads, "admin")
	settlement := hasHead(heads, "settlement")
	rural := hasHead(heads, "rural")
	switch p.Feature {
	case "admin1", "admin2", "admin3":
		if admin {
			return 1.5
		}
		if rural && p.Feature == "admin1" {
			return 0.5
		}
		// a same-name city or town is the likelier referent of a bare name
		for _, c := range cands {
			q := &k.Places[c]
			if (q.Feature == "city" || q.Feature == "town") && q.Country == p.Country &&
				(q.Admin1 == p.Admin1 || (p.HasCoord && q.HasCoord && distKm(p, q) < 80)) {
				return -0.6
			}
		}
	case "city", "town":
		if settlement {
			return 0.5
		}
		if rural {
			return 0.4
		}
	case "village", "neighbourhood":
		if settlement {
			return 0.5
		}
	}
	return 0
}

func hasHead(heads []string, class string) bool {
	for _, h := range heads {
		if strings.HasPrefix(h, class+"=") || h == class {
			return true
		}
	}
	return false
}

// near reports whether p lies within km of another chosen place.
func (r *Resolver) near(p *kb.Place, chosen map[string]int32, self string, km float64) bool {
	for key, c := range chosen {
		if key == self || c < 0 {
			continue
		}
		q := &r.kb.Places[c]
		if q.Feature != "country" && p.HasCoord && q.HasCoord && distKm(p, q) < km {
			return true
		}
	}
	return false
}

// plausibility classes of a resolution.
const (
	plausible = iota
	implausible
	unknownHere
)

// plausibility checks a chosen candidate against the article: a small
// place in a country the article is not about, when the article is clearly
// about another, is not the referent. Unframed, the mention is not a place
// at all (an ordinary word that some village abroad is named after);
// framed (قرية X, quoted), it is an unknown place of the article's country.
// Spelling-variant candidates must be in the focus country.
func (r *Resolver) plausibility(d *doc.Doc, m mention, p *kb.Place) int {
	top := d.FocusCountry()
	if top == "" || p.Country == top || d.FocusWeight(top) < 0.4 || d.FocusWeight(p.Country) >= 0.15 {
		if m.fuzzy && p.Country != top {
			return unknownHere
		}
		return plausible
	}
	minor := p.Feature == "village" || p.Feature == "neighbourhood" || p.Feature == "landmark" || p.Feature == "town" ||
		(p.Feature == "city" && p.Pop < 1000000)
	if !minor && !m.fuzzy {
		return plausible
	}
	if len(m.heads) == 0 && !m.quoted && m.m.Source == doc.FromKB {
		return implausible
	}
	return unknownHere
}

// precision returns ACLED's geo_precision for a resolved place and the
// cues framing its mention.
func precision(p *kb.Place, heads []string) int {
	if hasHead(heads, "rural") || hasHead(heads, "direction") || hasHead(heads, "near") {
		if p.Feature == "country" {
			return 3
		}
		return 2
	}
	switch p.Feature {
	case "country", "admin1", "admin2", "region":
		return 3
	case "admin3", "river", "mountain":
		return 2
	}
	return 1
}

// locateUnknown places a mention the gazetteer lacks at the larger place
// the text puts it in ("قرية X جنوب الحسكة"), with geo_precision 2.
func (r *Resolver) locateUnknown(d *doc.Doc, p *doc.Place, m mention, ms []mention, chosen map[string]int32) {
	p.NameAr = d.SpanText(m.m.Span)
	for j := range ms {
		n := ms[j]
		if n.m.Start < m.m.End || int(n.m.Start)-int(m.m.End) > 16 || !linkedOver(d, ms, int(m.m.End), int(n.m.Start)) {
			continue
		}
		c := chosen[n.key]
		if c < 0 {
			continue
		}
		q := &r.kb.Places[c]
		if q.Feature == "country" {
			p.Country = q.Country
			p.GeoPrecision = 3
			p.Reason += "not in the gazetteer; only the country is known (" + d.SpanText(n.m.Span) + ")"
			return
		}
		p.Country, p.Admin1, p.Admin2 = q.Country, q.Admin1, q.Admin2
		if q.HasCoord {
			p.Lat, p.Lon, p.HasCoord = q.Lat, q.Lon, true
		}
		p.GeoPrecision = 2
		p.Reason += "not in the gazetteer; located by " + d.SpanText(n.m.Span) + " (" + q.Name + ")"
		return
	}
	// the province of the article's other places, nearest first
	cc := d.FocusCountry()
	bestDist := 1 << 30
	var near *kb.Place
	for j := range ms {
		n := ms[j]
		c := chosen[n.key]
		if c < 0 || n.key == m.key {
			continue
		}
		q := &r.kb.Places[c]
		if q.Feature == "country" || q.Admin1 == "" || (cc != "" && q.Country != cc) {
			continue
		}
		dist := int(n.m.Start) - int(m.m.Start)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			bestDist, near = dist, q
		}
	}
	if near != nil && bestDist < 150 {
		p.Country, p.Admin1 = near.Country, near.Admin1
		p.GeoPrecision = 2
		p.Reason += "not in the gazetteer; placed in " + near.Admin1 + ", the province of " + near.Name + " nearby in the text"
		return
	}
	p.Reason += "not in the gazetteer and no larger place given"
	if cc != "" && d.FocusWeight(cc) > 0.5 {
		p.Country = cc
		p.GeoPrecision = 3
		p.Reason += "; country from the article's focus"
	}
}

func fill(p *doc.Place, q *kb.Place) {
	p.ID, p.Name, p.NameAr = q.ID, q.Name, q.NameAr
	p.Country, p.Admin1, p.Admin2 = q.Country, q.Admin1, q.Admin2
	p.Lat, p.Lon, p.HasCoord = q.Lat, q.Lon, q.HasCoord
	p.Feature = q.Feature
}

func distKm(p, q *kb.Place) float64 { return Km(p.Lat, p.Lon, q.Lat, q.Lon) }

// Km is the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := (lat2-lat1)*math.Pi/180, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// fuzzyIndex finds gazetteer names one edit away from a mention
// (symmetric-deletion index over normalized single names of 5+ letters).
type fuzzyIndex struct {
	del map[string][]int32
	kb  *kb.KB
}

func newFuzzyIndex(k *kb.KB) *fuzzyIndex {
	f := &fuzzyIndex{del: map[string][]int32{}, kb: k}
	for i := range k.Places {
		p := &k.Places[i]
		if p.Feature == "country" {
			continue
		}
		for _, n := range append([]string{p.NameAr}, p.Names...) {
			key := kb.Key(n)
			if runeLen(key) < 5 || !isArabicKey(key) {
				continue
			}
			for _, v := range deletions(key) {
				f.del[v] = appendUniq(f.del[v], int32(i))
			}
		}
	}
	return f
}

// lookup returns places whose name is within one edit of key.
func (f *fuzzyIndex) lookup(key string) []int32 {
	if runeLen(key) < 5 || !isArabicKey(key) {
		return nil
	}
	var out []int32
	for _, v := range deletions(key) {
		for _, i := range f.del[v] {
			out = appendUniq(out, i)
		}
	}
	if len(out) > 8 {
		return nil // too ambiguous to guess
	}
	return out
}

// deletions returns key and every string with one letter deleted.
func deletions(key string) []string {
	rs := []rune(key)
	out := []string{key}
	for i := range rs {
		if rs[i] == ' ' {
			continue
		}
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

func runeLen(s string) int { return len([]rune(s)) }

func isArabicKey(s string) bool {
	for _, r := range s {
		if r != ' ' && !arabic.IsArabicLetter(r) {
			return false
		}
	}
	return true
}

func appendUniq(s []int32, v int32) []int32 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
