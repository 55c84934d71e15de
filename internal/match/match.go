// Package match finds knowledge-base names in a document: one pass over the
// tokens, trying each token's clitic readings, longest match first, word-
// aligned, reporting the span of the name without its proclitics. Around
// the matches it applies the cue patterns: a head noun (قرية, بلدة, مخيم …)
// makes the following unknown name a place; ريف/شرق/قرب mark region and
// proximity references; a media noun (صحيفة, قناة) hides the outlet's name.
//
// It writes candidate mentions (doc.MActor, doc.MPlace, doc.MCue) to
// Doc.Mentions; choosing among candidates is the resolvers' job.
package match

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
)

//go:embed nonames.txt
var nonamesText string

// Matcher matches a knowledge base against documents. It is immutable and
// safe for concurrent use.
type Matcher struct {
	kb      *kb.KB
	nonames map[string]bool
}

// New returns a matcher over k.
func New(k *kb.KB) *Matcher {
	m := &Matcher{kb: k, nonames: map[string]bool{}}
	for _, line := range strings.Split(nonamesText, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m.nonames[arabic.Normalize(line)] = true
		}
	}
	return m
}

// Name returns the stage name.
func (m *Matcher) Name() string { return "match" }

// Run appends the document's KB and cue mentions.
func (m *Matcher) Run(d *doc.Doc) {
	s := &scan{m: m, d: d}
	s.kbPass()
	s.cuePass()
	d.Mentions = append(d.Mentions, s.out...)
}

// Label prefixes used on mentions.
const (
	LabelGeneric   = "generic:"   // MActor from a generic phrase: generic:<kind>
	LabelAdjective = "adj"        // MCue nisba adjective, Ref = ISO2
	LabelCue       = "cue:"       // MCue head noun: cue:<class>, Ref = the cue word
	LabelHead      = "head:"      // MPlace framed by a cue: head:<class>[,head:<class>]
	LabelUnknown   = "cue-name"   // MPlace captured after a head noun, not in the KB
	LabelMedia     = "media-name" // dropped: a media outlet's name
	// LabelNotName marks an MCue over a knowledge-base name that the
	// matcher decided is not a place or actor here (an adverb, an
	// adjective, part of an operation's or outlet's name), so that later
	// sources (the tagger) do not read it as one either.
	LabelNotName = "not-name"
	// LabelNeedsFrame marks a place name that is also an ordinary word, or
	// only a small village of the public gazetteer: it stays a place only
	// after a head noun, in quotes, or before "جنوب Y"/"بريف Y".
	LabelNeedsFrame = "needs-frame"
	// LabelCommon marks a place name that is also an ordinary word: a place
	// only after a head noun (قرية، محافظة) or in quotes.
	LabelCommon = "common-word"
)

// minorOnly reports whether every candidate is a village or neighbourhood
// from the public gazetteer (not curated): such names are read as places
// only in context.
func (s *scan) minorOnly(ids []string) bool {
	for _, id := range ids {
		p, ok := s.m.kb.Place(id)
		minor := p.Feature == "village" || p.Feature == "neighbourhood" || p.Feature == "town" ||
			(p.Feature == "city" && p.Pop < 100000)
		if !ok || !strings.HasPrefix(p.ID, "gn.") || !minor || strings.Contains(p.Source, "+") {
			return false
		}
	}
	return true
}

type scan struct {
	m      *Matcher
	d      *doc.Doc
	out    []doc.Mention
	splits []arabic.Split
	key    []byte
	// covered marks tokens inside a KB match
	covered []bool
}

type hit struct {
	start, end int
	split      arabic.Split
	entries    []kb.Entry
}

// startable reports whether a token can begin a name.
func startable(t doc.Token) bool {
	return t.Kind == doc.Word || t.Kind == doc.Latin || t.Kind == doc.Number || t.Kind == doc.Hashtag
}

// isQuote reports whether a token is a quote mark (transparent inside names).
func isQuote(t doc.Token) bool { return t.Flags&(doc.QuoteOpen|doc.QuoteClose) != 0 }

func (s *scan) kbPass() {
	d := s.d
	n := len(d.Tokens)
	s.covered = make([]bool, n)
	inDate := make([]bool, n)
	for _, m := range d.Mentions {
		if m.Kind == doc.MDate {
			for t := m.Start; t < m.End; t++ {
				inDate[t] = true
			}
		}
	}
	for i := 0; i < n; {
		if inDate[i] {
			i++
			continue
		}
		t := d.Tokens[i]
		if !startable(t) || t.Has(doc.AttachNext) {
			i++
			continue
		}
		w := d.TokNorm(i)
		s.splits = s.splits[:0]
		switch t.Kind {
		case doc.Word:
			s.splits = arabic.Clitics(w, s.splits)
		case doc.Hashtag:
			s.splits = append(s.splits, arabic.Split{Pre: 1}) // #طرابلس: the name after the hash
		default:
			s.splits = append(s.splits, arabic.Split{})
		}
		var best hit
		for _, sp := range s.splits {
			if sp.Suf != 0 || sp.TaMarbuta || (!nameProclitics(w[:sp.Pre]) && t.Kind != doc.Hashtag) {
				continue // names take neither pronoun suffixes nor ك/س
			}
			if sp.Pre > 0 && len(w)-int(sp.Pre) < 6 && t.Kind != doc.Hashtag {
				continue // و + لد is ولد, not Lod: a clitic leaves a name of three letters at least
			}
			s.key = sp.AppendKey(s.key[:0], w)
			if t.Kind == doc.Hashtag {
				// #حكومة_الوفاق: the words of a hashtag are joined by underscores
				s.key = []byte(strings.ReplaceAll(strings.Trim(string(s.key), "_"), "_", " "))
			}
			s.extend(i, sp, &best)
		}
		if best.end == 0 {
			i++
			continue
		}
		s.emit(best)
		for k := best.start; k < best.end; k++ {
			s.covered[k] = true
		}
		i = best.end
	}
}

// countryAt returns the ids of the country named by tokens [i, j), nil if
// they do not name one.
func (s *scan) countryAt(i, j int) []string {
	var b strings.Builder
	for t := i; t < j; t++ {
		if s.d.Tokens[t].Kind != doc.Word {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.d.TokNorm(t))
	}
	entries, _ := s.m.kb.Lookup(b.String())
	var ids []string
	for _, e := range entries {
		if e.Kind == kb.EPlace && s.m.kb.Places[e.Index].Feature == "country" {
			ids = append(ids, s.m.kb.Places[e.Index].ID)
		}
	}
	return ids
}

// leadingCue returns the cue that tokens [i, j) begin with (one or two
// tokens: شمال شرق) and its length, leaving at least one token after it.
func (s *scan) leadingCue(i, j int) (kb.Cue, int, bool) {
	if j-i > 2 {
		key := s.d.TokNorm(i) + " " + s.d.TokNorm(i+1)
		entries, _ := s.m.kb.Lookup(key)
		for _, e := range entries {
			if e.Kind == kb.ECue && s.m.kb.Cues[e.Index].Class != "common" {
				return s.m.kb.Cues[e.Index], 2, true
			}
		}
	}
	c, ok := s.headCue(i)
	return c, 1, ok
}

// adminName reports whether any of the places is an administrative unit
// (شمال دارفور, شمال سيناء are provinces' names, not directions).
func (s *scan) adminName(ids []string) bool {
	for _, id := range ids {
		if p, ok := s.m.kb.Place(id); ok && (p.Feature == "admin1" || p.Feature == "admin2" || p.Feature == "admin3") {
			return true
		}
	}
	return false
}

// regionAt returns the ids of the province or region named by tokens
// [i, j) ("جنوب قطاع غزة" → قطاع غزة), nil if none.
func (s *scan) regionAt(i, j int) []string {
	var b strings.Builder
	for t := i; t < j; t++ {
		if s.d.Tokens[t].Kind != doc.Word {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.d.TokNorm(t))
	}
	entries, _ := s.m.kb.Lookup(b.String())
	var ids []string
	for _, e := range entries {
		if e.Kind == kb.EPlace {
			switch s.m.kb.Places[e.Index].Feature {
			case "admin1", "region":
				ids = append(ids, s.m.kb.Places[e.Index].ID)
			}
		}
	}
	return ids
}

// headCue returns the cue word a token is (with its proclitics), if any.
func (s *scan) headCue(i int) (kb.Cue, bool) {
	w := s.d.TokNorm(i)
	for _, sp := range arabic.Clitics(w, nil) {
		if sp.Suf != 0 || !nameProclitics(w[:sp.Pre]) {
			continue
		}
		entries, _ := s.m.kb.Lookup(sp.Key(w))
		for _, e := range entries {
			if e.Kind == kb.ECue {
				if c := s.m.kb.Cues[e.Index]; c.Class != "common" {
					return c, true
				}
			}
		}
	}
	return kb.Cue{}, false
}

// adjectiveUse reports a country name that is also its own adjective
// (السعودية, سورية) used as one: after a noun of the same definiteness that
// is not a preposition.
func (s *scan) adjectiveUse(h hit, ids []string) bool {
	d := s.d
	isAdj := false
	for _, e := range h.entries {
		if e.Kind == kb.EAdjective {
			isAdj = true
		}
	}
	if !isAdj || h.start == 0 || h.split.Pre != 0 {
		return false
	}
	p := h.start - 1
	if d.Tokens[p].Kind != doc.Word || d.Tokens[p].Has(doc.LineStart) {
		return false
	}
	prev := d.TokNorm(p)
	switch strings.TrimPrefix(prev, "و") {
	case "في", "من", "الي", "علي", "عن", "مع", "ضد", "بين", "نحو", "داخل", "خارج", "حول", "زار", "غادر", "وصل", "دخل":
		return false
	}
	definite := strings.HasPrefix(d.TokNorm(h.start), "ال")
	prevDefinite := strings.HasPrefix(prev, "ال") || strings.HasPrefix(prev, "وال")
	return definite == prevDefinite
}

// adverbial reports whether a word ends in alef with tanween fatha (تركياً),
// the accusative adverb a country name never takes.
func adverbial(text string) bool {
	return strings.HasSuffix(text, "اً") || strings.HasSuffix(text, "ًا")
}

// nameProclitics reports whether a proclitic string can precede a name:
// و ف ب ل and their pairs (وب، ول، فب، فل), not ك (كشفت is not ك + شفت) or س.
func nameProclitics(p string) bool {
	switch p {
	case "", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل":
		return true
	}
	return false
}

// extend looks up s.key and its continuations over the following tokens,
// keeping the longest match in best.
func (s *scan) extend(i int, sp arabic.Split, best *hit) {
	d := s.d
	toks := d.Tokens
	j := i + 1
	for ntok := 1; ; ntok++ {
		entries, prefix := s.m.kb.LookupBytes(s.key)
		if len(entries) > 0 && j-i > best.end-best.start {
			*best = hit{start: i, end: j, split: sp, entries: entries}
		}
		if !prefix || ntok >= s.m.kb.MaxTokens() {
			return
		}
		k := j
		for k < len(toks) && isQuote(toks[k]) && !toks[k].Has(doc.LineStart) {
			k++
		}
		if k >= len(toks) || !startable(toks[k]) || toks[k].Has(doc.LineStart) {
			return
		}
		s.key = append(s.key, ' ')
		s.key = append(s.key, d.TokNorm(k)...)
		j = k + 1
	}
}

// span returns the byte span of a hit, starting after the proclitics.
func (s *scan) span(h hit) doc.Span {
	d := s.d
	sp := d.TokenSpan(h.start, h.end)
	skip := int32(h.split.Pre)
	if h.split.Elided {
		skip += int32(h.split.Art)
	}
	if skip > 0 {
		t := d.Tokens[h.start]
		sp.StartByte, _ = d.TextRange(t.NormStart+skip, t.NormEnd)
	}
	return sp
}

func (s *scan) emit(h hit) {
	k := s.m.kb
	sp := s.span(h)
	var actors, places []string
	common := false
	for _, e := range h.entries {
		if e.Kind == kb.ECue && k.Cues[e.Index].Class == "common" {
			common = true
		}
	}
	for _, e := range h.entries {
		switch e.Kind {
		case kb.EActor:
			actors = append(actors, k.Actors[e.Index].ID)
		case kb.EPlace:
			places = append(places, k.Places[e.Index].ID)
		case kb.EGeneric:
			g := k.Generics[e.Index]
			s.out = append(s.out, doc.Mention{Span: sp, Kind: doc.MActor, Source: doc.FromKB,
				Label: LabelGeneric + g.Kind, Ref: g.Phrase, Score: 0.6})
		case kb.EAdjective:
			s.out = append(s.out, doc.Mention{Span: sp, Kind: doc.MCue, Source: doc.FromKB,
				Label: LabelAdjective, Ref: k.Countries[e.Index].ISO2, Score: 1})
		case kb.ECue:
			c := k.Cues[e.Index]
			if c.Class == "common" {
				continue
			}
			s.out = append(s.out, doc.Mention{Span: sp, Kind: doc.MCue, Source: doc.FromKB,
				Label: LabelCue + c.Class, Ref: c.Word, Score: 1})
		}
	}
	if len(actors) > 0 {
		s.out = append(s.out, doc.Mention{Span: sp, Kind: doc.MActor, Source: doc.FromKB, Refs: actors, Ref: actors[0], Score: 0.9})
	}
	if len(places) > 0 && h.end-h.start > 1 {
		// "معبر الصفوك" → الصفوك: a head noun that only describes the place
		// is not part of the mention (annotation.md), unless it belongs to it;
		// "شرق سوريا" → سوريا framed by a direction
		if c, n, ok := s.leadingCue(h.start, h.end); ok && !c.Keep && !s.adminName(places) {
			rest := s.d.TokenSpan(h.start+n, h.end)
			switch {
			case c.Class != "direction":
				sp = rest
			case s.regionAt(h.start+n, h.end) != nil:
				sp = rest
				places = s.regionAt(h.start+n, h.end)
				s.out = append(s.out, doc.Mention{Span: s.d.TokenSpan(h.start, h.start+n), Kind: doc.MCue, Source: doc.FromKB,
					Label: LabelCue + c.Class, Ref: c.Word, Score: 1})
			case s.countryAt(h.start+n, h.end) != nil:
				sp = rest
				places = s.countryAt(h.start+n, h.end)
				s.out = append(s.out, doc.Mention{Span: s.d.TokenSpan(h.start, h.start+n), Kind: doc.MCue, Source: doc.FromKB,
					Label: LabelCue + c.Class, Ref: c.Word, Score: 1})
			}
		}
	}
	if len(places) > 0 && adverbial(s.d.Text[sp.StartByte:sp.EndByte]) {
		places = nil // "مدعومة تركياً": an adverb, not the country
		s.out = append(s.out, notName(sp))
	}
	if len(places) > 0 && s.adjectiveUse(h, places) {
		places = nil // "القوات السعودية", "قوات سورية": the adjective, not the country
		s.out = append(s.out, notName(sp))
	}
	if len(places) > 0 {
		label := ""
		switch {
		case common:
			label = LabelCommon
		case s.minorOnly(places):
			label = LabelNeedsFrame
		}
		s.out = append(s.out, doc.Mention{Span: sp, Kind: doc.MPlace, Source: doc.FromKB, Refs: places, Ref: places[0], Score: 0.9, Label: label})
	}
}

// notName returns the marker of a span read as no name (LabelNotName).
func notName(sp doc.Span) doc.Mention {
	return doc.Mention{Span: sp, Kind: doc.MCue, Source: doc.FromKB, Label: LabelNotName, Score: 1}
}

// cuePass applies the cue patterns to the KB matches.
func (s *scan) cuePass() {
	d := s.d
	var cues []int // indexes into s.out of cue mentions, in text order
	for i, m := range s.out {
		if m.Kind == doc.MCue && strings.HasPrefix(m.Label, LabelCue) {
			cues = append(cues, i)
		}
	}
	drop := map[int]bool{}
	var added []doc.Mention
	for _, ci := range cues {
		c := s.out[ci]
		class := strings.TrimPrefix(c.Label, LabelCue)
		next := int(c.End)
		switch class {
		case "media":
			// the outlet's name: the quoted phrase or the KB match right after
			end := s.nameEnd(next)
			for i, m := range s.out {
				if int(m.Start) >= next && int(m.Start) < end && (m.Kind == doc.MPlace || m.Kind == doc.MActor) {
					drop[i] = true
				}
			}
		case "settlement", "facility", "natural", "admin":
			added = append(added, s.capture(c)...)
		case "operation":
			// "عاصفة الجزيرة", "درع الفرات": the name of an operation
			for i, m := range s.out {
				if m.Kind == doc.MPlace && int(m.Start) >= next && int(m.Start) <= next+1 {
					drop[i] = true
				}
			}
		}
	}
	// a known name followed by a qualifier is another place: "المجر الكبير"
	// is not "المجر"; it becomes an unknown name with the qualifier
	for i := range s.out {
		m := &s.out[i]
		if m.Kind != doc.MPlace || m.Source != doc.FromKB || int(m.End) >= len(d.Tokens) || drop[i] {
			continue
		}
		head := strings.TrimPrefix(d.TokNorm(int(m.Start)), "ال")
		single := m.End-m.Start == 1 && (compoundHeads[head] || compoundHeads[d.TokNorm(int(m.Start))])
		next := int(m.End)
		if single && d.Tokens[next].Kind == doc.Word && !d.Tokens[next].Has(doc.LineStart) && !s.covered[next] && s.nameContinues(next) {
			// "دير حسان", "ود راوة": a head word alone is not the place
			m.Span = doc.Span{Start: m.Start, End: m.End + 1, StartByte: m.StartByte, EndByte: d.Tokens[next].End}
			m.Source, m.Refs, m.Ref, m.Label = doc.FromRule, nil, "", LabelUnknown
			continue
		}
		if q := d.TokNorm(int(m.End)); sizeQualifiers[q] && !d.Tokens[m.End].Has(doc.LineStart) {
			m.Span = doc.Span{Start: m.Start, End: m.End + 1, StartByte: m.StartByte, EndByte: d.Tokens[m.End].End}
			m.Source, m.Refs, m.Ref, m.Label = doc.FromRule, nil, "", LabelUnknown
		}
	}
	// "قرية جديدة" is a new village: a known one-word name that is also
	// an adjective (nonames.txt), indefinite, right after an indefinite
	// head noun, is the head noun's adjective
	for i, m := range s.out {
		if m.Kind != doc.MPlace || m.Len() != 1 || m.Start == 0 || drop[i] || d.Tokens[m.Start].Has(doc.Quoted) {
			continue
		}
		w := d.TokNorm(int(m.Start))
		if !s.m.nonames[w] || strings.HasPrefix(w, "ال") {
			continue
		}
		if _, ok := s.headCue(int(m.Start) - 1); ok && !definite(d.TokNorm(int(m.Start)-1)) {
			drop[i] = true
			s.out[i].Label = labelAdjective
		}
	}
	// frame place mentions with the cues right before them
	for i := range s.out {
		if s.out[i].Kind == doc.MPlace && !drop[i] && s.out[i].Label != labelSuperseded {
			heads := s.heads(int(s.out[i].Start))
			if s.out[i].Label == LabelNeedsFrame || s.out[i].Label == LabelCommon {
				framed := s.quoted(s.out[i]) || strings.Contains(heads, "settlement=") || strings.Contains(heads, "admin=") ||
					strings.Contains(heads, "facility=") || strings.Contains(heads, "natural=") || strings.Contains(heads, "rural=")
				if s.out[i].Label == LabelNeedsFrame {
					framed = framed || heads != "" || s.locatedAfter(s.out[i]) || s.locativeBefore(s.out[i])
				}
				if !framed {
					s.out[i].Label = LabelNeedsFrame
					drop[i] = true
					continue
				}
				s.out[i].Label = ""
			}
			s.out[i].Label = joinLabel(s.out[i].Label, heads)
		}
	}
	for i := range added {
		added[i].Label = joinLabel(added[i].Label, s.heads(int(added[i].Start)))
	}
	for i, m := range s.out {
		if m.Label == labelSuperseded {
			drop[i] = true
		}
	}
	if len(drop) > 0 {
		kept := s.out[:0]
		for i, m := range s.out {
			switch {
			case !drop[i]:
				kept = append(kept, m)
			case m.Label == labelSuperseded:
			case m.Label == labelAdjective:
				d.Note("match", m.Span, "not a place: an adjective of the head noun before it (قرية جديدة: a new village)")
				kept = append(kept, notName(m.Span))
			case m.Kind == doc.MPlace && m.Label != LabelNeedsFrame && s.afterOperation(m):
				d.Note("match", m.Span, "not a place: part of an operation's name")
				kept = append(kept, notName(m.Span))
			case m.Label == LabelNeedsFrame:
				d.Note("match", m.Span, "not read as a place: an ordinary word or a minor village, with no head noun, quotes or larger place around it")
			default:
				d.Note("match", m.Span, "not a place or actor: the name of a media outlet")
				kept = append(kept, notName(m.Span))
			}
		}
		s.out = kept
	}
	s.out = append(s.out, added...)
	var unknown []doc.Mention
	for _, m := range s.out {
		if m.Kind == doc.MPlace && m.Source == doc.FromRule && strings.HasPrefix(m.Label, LabelUnknown) {
			unknown = append(unknown, m)
		}
	}
	s.out = append(s.out, s.repeats(unknown)...)
}

// repeats finds the later and earlier bare occurrences of unknown place
// names that a head noun introduced or that extend a known name
// (منطقة الزعفرانية … في الزعفرانية، وبالزعفرانية): one name, one place
// in a report. An occurrence must spell the name's words exactly, the
// first one bare or after the proclitics a name may carry (nameSplit), and
// overlap no other mention; its span starts after the proclitics, as the
// KB's matches do.
func (s *scan) repeats(unknown []doc.Mention) []doc.Mention {
	d := s.d
	var out []doc.Mention
	taken := func(start, end int) bool {
		for _, list := range [][]doc.Mention{s.out, out} {
			for _, m := range list {
				if int(m.Start) < end && start < int(m.End) {
					return true
				}
			}
		}
		return false
	}
	seen := map[string]bool{}
	for _, a := range unknown {
		name := d.SpanText(a.Span)
		words := strings.Fields(arabic.Normalize(name))
		key := strings.Join(words, " ")
		if len(words) == 0 || seen[key] || (len(words) == 1 && len([]rune(words[0])) < 3) {
			continue
		}
		seen[key] = true
		for i := 0; i+len(words) <= len(d.Tokens); i++ {
			split, ok := nameSplit(d.TokNorm(i), words[0])
			if !ok || taken(i, i+len(words)) {
				continue
			}
			same := true
			for k := 1; k < len(words); k++ {
				if d.TokNorm(i+k) != words[k] {
					same = false
					break
				}
			}
			if !same {
				continue
			}
			sp := s.span(hit{start: i, end: i + len(words), split: split})
			out = append(out, doc.Mention{Span: sp, Kind: doc.MPlace, Source: doc.FromRule, Label: a.Label, Score: a.Score})
			d.Note("match", sp, fmt.Sprintf("the place %q, named after a head noun elsewhere in the report", name))
		}
	}
	return out
}

// nameSplit returns the reading of the normalized word w that is name,
// bare or after the proclitics a name may carry (nameProclitics; لل for
// ال), if there is one.
func nameSplit(w, name string) (arabic.Split, bool) {
	for _, sp := range arabic.Clitics(w, nil) {
		if sp.Suf == 0 && nameProclitics(w[:sp.Pre]) && sp.Key(w) == name {
			return sp, true
		}
	}
	return arabic.Split{}, false
}

// afterOperation reports whether a place mention follows an operation word.
func (s *scan) afterOperation(m doc.Mention) bool {
	for _, c := range s.out {
		if c.Kind == doc.MCue && c.Label == LabelCue+"operation" && int(c.End) <= int(m.Start) && int(m.Start) <= int(c.End)+1 {
			return true
		}
	}
	return false
}

// locativeBefore reports whether a place mention is introduced by a
// locative preposition (في X، قرب X، بX، إلى X).
func (s *scan) locativeBefore(m doc.Mention) bool {
	d := s.d
	tok := d.Tokens[m.Start]
	if pro := arabic.Normalize(d.Text[tok.Start:m.StartByte]); strings.ContainsAny(pro, "بل") {
		return true
	}
	if m.Start == 0 {
		return false
	}
	switch strings.TrimPrefix(d.TokNorm(int(m.Start)-1), "و") {
	case "في", "من", "الي", "علي", "قرب", "عند", "داخل", "باتجاه", "نحو", "بين", "حتي", "حول", "غرب", "شرق", "شمال", "جنوب":
		return true
	}
	return false
}

// quoted reports whether a mention is in quotes.
func (s *scan) quoted(m doc.Mention) bool {
	toks := s.d.Tokens
	return m.Start > 0 && toks[m.Start-1].Has(doc.QuoteOpen) && int(m.End) < len(toks) && toks[m.End].Has(doc.QuoteClose)
}

// locatedAfter reports whether a place mention is followed by a direction
// or region word and another KB place (X جنوب الحسكة, X بريف حلب).
func (s *scan) locatedAfter(m doc.Mention) bool {
	d := s.d
	t := int(m.End)
	if t < len(d.Tokens) && d.Tokens[t].Has(doc.QuoteClose) {
		t++
	}
	for _, c := range s.out {
		if c.Kind != doc.MCue || int(c.Start) != t {
			continue
		}
		switch strings.TrimPrefix(c.Label, LabelCue) {
		case "direction", "rural", "admin", "near":
			for _, p := range s.out {
				if p.Kind == doc.MPlace && p.Label != LabelNeedsFrame && int(p.Start) >= int(c.End) && int(p.Start) <= int(c.End)+2 {
					return true
				}
			}
		}
	}
	return false
}

// nameEnd returns the token after a name starting at token i: a quoted
// phrase, a KB match, or one word.
func (s *scan) nameEnd(i int) int {
	toks := s.d.Tokens
	if i >= len(toks) {
		return i
	}
	if toks[i].Has(doc.QuoteOpen) {
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			if toks[j].Has(doc.QuoteClose) || toks[j].Has(doc.LineStart) {
				return j
			}
		}
	}
	for _, m := range s.out {
		if int(m.Start) == i && (m.Kind == doc.MPlace || m.Kind == doc.MActor) {
			return int(m.End)
		}
	}
	return i + 1
}

// compoundHeads begin two-word place names (تل أبيض, عين عيسى, دير حافر).
var compoundHeads = map[string]bool{
	"تل": true, "عين": true, "دير": true, "ابو": true, "ام": true, "راس": true, "كفر": true, "بير": true,
	"بئر": true, "بيت": true, "خربه": true, "جسر": true, "باب": true, "بني": true, "عرب": true, "قصر": true,
	"حمام": true, "سيدي": true, "مرج": true, "وادي": true, "جبل": true, "سد": true, "برج": true, "تله": true,
	"ذات": true, "خان": true, "معره": true, "كفر ": true, "جديده": true, "بلده": true, "حي": true, "شيخ": true,
	"الشيخ": true, "تلول": true, "جب": true, "مزرعه": true, "ود": true,
}

// peopleNouns name groups of people; after ل they say whom a head noun
// serves or gathers, they are no place name.
var peopleNouns = map[string]bool{
	"شبان": true, "شباب": true, "اطفال": true, "نساء": true, "عمال": true, "مدنيين": true, "مواطنين": true,
	"نازحين": true, "لاجئين": true, "مصلين": true, "متظاهرين": true, "محتجين": true, "طلاب": true, "سكان": true,
	"اهالي": true, "عناصر": true, "مقاتلين": true, "جنود": true, "مسلحين": true, "عائلات": true, "اسر": true,
}

// plural cue words introduce coordinated lists (بلدتي صور ومركدة).
func pluralCue(w string) bool {
	switch arabic.Normalize(w) {
	case "قري", "بلدات", "بلدتي", "قريتي", "مدن", "مدينتي", "احياء", "حيي", "مخيمات", "محافظات", "محافظتي",
		"ولايات", "مديريات", "نواحي", "مزارع", "جبال", "مزرعتي", "حاجزي", "حواجز":
		return true
	}
	return false
}

// capture turns the unknown name(s) after a head noun into place mentions.
func (s *scan) capture(c doc.Mention) []doc.Mention {
	d := s.d
	toks := d.Tokens
	// "القرية" with the article refers back; only indefinite head nouns name
	if strings.HasPrefix(arabic.Normalize(d.SpanText(c.Span)), "ال") && !strings.HasPrefix(arabic.Normalize(c.Ref), "ال") {
		return nil
	}
	keepHead := s.cueKeeps(c.Ref)
	var out []doc.Mention
	add := func(start, end int) {
		sp := d.TokenSpan(start, end)
		if keepHead && start == int(c.End) {
			sp = d.TokenSpan(int(c.Start), end)
			sp.StartByte = c.StartByte
		}
		// a conjunction glued to a list item: ومركدة → مركدة, وتل فندر → تل فندر
		// (but وادي is a name's own word)
		if w := d.TokNorm(start); strings.HasPrefix(w, "و") && len(w) > 4 && !compoundHeads[w] {
			t := toks[start]
			sp.StartByte, _ = d.TextRange(t.NormStart+2, t.NormEnd)
		}
		out = append(out, doc.Mention{Span: sp, Kind: doc.MPlace, Source: doc.FromRule, Label: LabelUnknown, Score: 0.5})
	}
	i := int(c.End)
	if !pluralCue(c.Ref) {
		if start, end, ok := s.unknownName(i); ok && start >= 0 {
			add(start, end)
		}
		return out
	}
	// a list: قرى “بيرعاشق وحميدة وتل فندر”، بلدتي صور ومركدة، قريتي دادا عبدال وأم حرمل
	quoted := i < len(toks) && toks[i].Has(doc.QuoteOpen)
	if quoted {
		i++
	}
	for n := 0; n < 12 && i < len(toks); n++ {
		if toks[i].Has(doc.LineStart) || (quoted && toks[i].Has(doc.QuoteClose)) {
			break
		}
		if s.covered[i] && !s.weakAt(i) {
			end := i + 1
			for _, m := range s.out {
				if int(m.Start) == i && (m.Kind == doc.MPlace || m.Kind == doc.MActor) {
					end = int(m.End)
				}
			}
			i = end
		} else {
			s.dropWeak(i)
			if !s.nameLike(i) && !(quoted && toks[i].Kind == doc.Word) {
				break
			}
			// the item runs to the next و-word, comma or closing quote (at most 3 words)
			end := i + 1
			for end < len(toks) && end-i < 3 && toks[end].Kind == doc.Word && !toks[end].Has(doc.LineStart) &&
				!strings.HasPrefix(d.TokNorm(end), "و") && (!s.covered[end] || s.weakAt(end)) && s.nameContinues(end) {
				s.dropWeak(end)
				end++
			}
			add(i, end)
			i = end
		}
		switch {
		case i < len(toks) && (d.TokNorm(i) == "," || d.TokNorm(i) == "،"):
			i++
		case i < len(toks) && strings.HasPrefix(d.TokNorm(i), "و") && toks[i].Kind == doc.Word:
		default:
			return out
		}
	}
	return out
}

// weakAt reports whether token i is covered only by a place match that
// needs a frame (an ordinary word or a minor village): inside a list after
// a head noun the list's reading wins.
func (s *scan) weakAt(i int) bool {
	for _, m := range s.out {
		if int(m.Start) <= i && i < int(m.End) && m.Kind == doc.MPlace && (m.Label == LabelNeedsFrame || m.Label == LabelCommon) {
			return true
		}
	}
	return false
}

// dropWeak marks the weak place match covering token i as superseded (it
// is removed at the end of the cue pass; indexes into s.out stay valid).
func (s *scan) dropWeak(i int) {
	for k := range s.out {
		m := &s.out[k]
		if int(m.Start) <= i && i < int(m.End) && m.Kind == doc.MPlace && (m.Label == LabelNeedsFrame || m.Label == LabelCommon) {
			m.Label = labelSuperseded
		}
	}
}

// labelSuperseded marks a weak match replaced by a list item.
const labelSuperseded = "superseded"

// labelAdjective marks a place match dropped as the adjective of the head
// noun before it.
const labelAdjective = "adjective"

// definite reports whether a normalized word carries the article, after
// one proclitic (والقرية, للقرية).
func definite(w string) bool {
	if strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل") {
		return true
	}
	for _, p := range []string{"و", "ف", "ب", "ك", "ل"} {
		if r, ok := strings.CutPrefix(w, p); ok && (strings.HasPrefix(r, "ال") || strings.HasPrefix(r, "لل")) {
			return true
		}
	}
	return false
}

func (s *scan) cueKeeps(word string) bool {
	for _, c := range s.m.kb.Cues {
		if c.Word == word {
			return c.Keep
		}
	}
	return false
}

// unknownName finds a name starting at token i (after a head noun).
// start is -1 (with ok true) when the name there is already a KB match, so
// lists can go on past it; ok is false when there is no name.
func (s *scan) unknownName(i int) (start, end int, ok bool) {
	d := s.d
	toks := d.Tokens
	if i >= len(toks) || toks[i].Has(doc.LineStart) {
		return 0, 0, false
	}
	// quoted: up to the closing quote
	if toks[i].Has(doc.QuoteOpen) {
		j := i + 1
		for ; j < len(toks) && j <= i+5; j++ {
			if toks[j].Has(doc.QuoteClose) {
				break
			}
			if toks[j].Kind != doc.Word || toks[j].Has(doc.LineStart) {
				return 0, 0, false
			}
		}
		if j > i+1 && j < len(toks) && toks[j].Has(doc.QuoteClose) {
			if s.anyCovered(i+1, j) {
				return -1, j + 1, true
			}
			return i + 1, j, true
		}
		return 0, 0, false
	}
	if s.covered[i] {
		// a KB name: skip to its end
		for _, m := range s.out {
			if int(m.Start) == i && (m.Kind == doc.MPlace || m.Kind == doc.MActor) {
				return -1, int(m.End), true
			}
		}
		return 0, 0, false
	}
	t := toks[i]
	w := d.TokNorm(i)
	if !s.nameLike(i) {
		return 0, 0, false
	}
	_ = t
	end = i + 1
	head := w
	if !compoundHeads[w] {
		head = strings.TrimPrefix(w, "و") // وتل أبيض; but ود is a head itself
	}
	if compoundHeads[head] && end < len(toks) && toks[end].Kind == doc.Word && !toks[end].Has(doc.LineStart) &&
		!s.m.nonames[d.TokNorm(end)] {
		// "قرية ود راوة": the word after a particle-like head belongs to the
		// name even when it is also a known place elsewhere (راوة, Iraq)
		if !s.covered[end] {
			end++
		} else if k := s.singlePlaceAt(end); k >= 0 {
			s.out[k].Label = labelSuperseded
			end++
		}
	}
	// village names with a qualifier: كليب تحتاني, الباغوز فوقاني
	if end < len(toks) && nameQualifiers[d.TokNorm(end)] && !toks[end].Has(doc.LineStart) {
		end++
	}
	return i, end, true
}

// sizeQualifiers after a known name make another place's name (المجر
// الكبير is not المجر); direction adjectives do not (حلب الغربي is Aleppo).
var sizeQualifiers = map[string]bool{
	"تحتاني": true, "فوقاني": true, "التحتاني": true, "الفوقاني": true, "الكبير": true, "الصغير": true,
	"الكبري": true, "الصغري": true, "التحتا": true, "الفوقا": true,
}

// nameQualifiers follow a village name as part of it.
var nameQualifiers = map[string]bool{
	"تحتاني": true, "فوقاني": true, "التحتاني": true, "الفوقاني": true, "الكبير": true,
	"الصغير": true, "الكبري": true, "الصغري": true, "التحتا": true, "الفوقا": true, "القديمه": true, "الجديده": true,
}

// nameContinues reports whether token i can be the second or third word
// of a name in a list (مشرفة الشيخ, حاج علي): a word that is neither a
// function word nor a head, trigger or qualifier word.
func (s *scan) nameContinues(i int) bool {
	w := s.d.TokNorm(i)
	switch w {
	case "في", "من", "الي", "عن", "مع", "التي", "الذي", "و", "او", "ثم", "حيث", "بعد", "قبل", "منذ",
		"امس", "اليوم", "صباح", "مساء", "فجر", "ليل", "ليله", "ظهر": // time words end a name
		return false
	}
	if _, ok := s.headCue(i); ok {
		return false
	}
	for _, sp := range arabic.Clitics(w, nil) {
		key := []byte(sp.Key(w))
		if f, _ := s.m.kb.LookupTrigger(key); len(f) > 0 {
			return false
		}
		if f, _ := s.m.kb.LookupModifier(key); len(f) > 0 {
			return false
		}
	}
	return true
}

// nameLike reports whether token i can be an unknown place name after a
// head noun: an Arabic word of three letters or more that is not a
// function word, a cue word, a trigger or qualifier word, a number word or
// a word with a preposition (بالتحديد) — names after a head noun are in
// construct and never carry one.
func (s *scan) nameLike(i int) bool {
	d := s.d
	t := d.Tokens[i]
	w := d.TokNorm(i)
	if t.Kind != doc.Word || (len([]rune(w)) < 3 && !compoundHeads[w]) || s.m.nonames[w] || s.m.nonames[strings.TrimPrefix(w, "و")] {
		return false
	}
	// an indefinite nisba after an indefinite head is its adjective (حي سكني)
	if !t.Has(doc.Quoted) && !strings.HasPrefix(w, "ال") && len([]rune(w)) >= 4 &&
		(strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")) {
		return false
	}
	for _, p := range []string{"بال", "فال", "كال", "لل", "وبال", "ولل", "وال"} {
		if strings.HasPrefix(w, p) && p != "وال" {
			return false
		}
	}
	// ل with a noun for people: what the head noun is for (تجمع لشبان,
	// مخيم لنازحين), not its name
	if rest, ok := strings.CutPrefix(w, "ل"); ok && peopleNouns[rest] {
		return false
	}
	if _, ok := s.headCue(i); ok {
		return false
	}
	for _, sp := range arabic.Clitics(w, nil) {
		key := []byte(sp.Key(w))
		if f, _ := s.m.kb.LookupTrigger(key); len(f) > 0 {
			return false
		}
		if f, _ := s.m.kb.LookupModifier(key); len(f) > 0 {
			return false
		}
		if entries, _ := s.m.kb.Lookup(string(key)); len(entries) > 0 {
			for _, e := range entries {
				if e.Kind == kb.EGeneric || e.Kind == kb.ECue && s.m.kb.Cues[e.Index].Class != "common" {
					return false
				}
			}
		}
	}
	return true
}

// singlePlaceAt returns the index in s.out of a one-word place match at
// token i that is not also an actor, -1 when there is none.
func (s *scan) singlePlaceAt(i int) int {
	k := -1
	for j, m := range s.out {
		if int(m.Start) > i || int(m.End) <= i {
			continue
		}
		if m.Kind == doc.MActor || m.Kind == doc.MPlace && (int(m.Start) != i || int(m.End) != i+1) {
			return -1
		}
		if m.Kind == doc.MPlace {
			k = j
		}
	}
	return k
}

func (s *scan) anyCovered(i, j int) bool {
	for k := i; k < j; k++ {
		if s.covered[k] {
			return true
		}
	}
	return false
}

// heads returns the labels of the cues that frame a place starting at
// token i: up to two cue mentions ending right before it (جنوب مدينة X),
// skipping an opening quote.
func (s *scan) heads(i int) string {
	var labels []string
	at := i
	if at > 0 && s.d.Tokens[at-1].Has(doc.QuoteOpen) {
		at--
	}
	for n := 0; n < 2; n++ {
		found := false
		for _, m := range s.out {
			if m.Kind == doc.MCue && strings.HasPrefix(m.Label, LabelCue) && int(m.End) == at {
				labels = append(labels, LabelHead+strings.TrimPrefix(m.Label, LabelCue)+"="+m.Ref)
				at = int(m.Start)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return strings.Join(labels, ",")
}

func joinLabel(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "," + b
}
