package actor

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

//go:embed roles.tsv
var rolesTSV string

// role is one entry of roles.tsv: the normalized words of a title or
// function written before a person's name.
type role struct {
	text  string // as spelled in roles.tsv
	words []string
	org   bool   // an organisation usually follows ("المتحدث باسم X")
	state string // the kind of the country's actor a nationality adjective gives
}

// roles is the parsed role list, longest first.
type roles []role

// parseRoles reads the role list (see roles.tsv for the format).
func parseRoles(text string) (roles, error) {
	var out roles
	header := true
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || (f[1] != "yes" && f[1] != "no") || (f[2] != "" && f[2] != "government" && f[2] != "army") {
			return nil, fmt.Errorf("roles.tsv:%d: want a role, yes or no, and government, army or nothing; got %q", n+1, line)
		}
		words := strings.Fields(arabic.Normalize(f[0]))
		if len(words) == 0 {
			return nil, fmt.Errorf("roles.tsv:%d: empty role", n+1)
		}
		out = append(out, role{text: strings.TrimSpace(f[0]), words: words, org: f[1] == "yes", state: f[2]})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	return out, nil
}

// wordIs reports whether the normalized token tok is the word w, allowing
// proclitics on the first word of a phrase (وقال المتحدث، للمتحدث).
func wordIs(tok, w string, first bool) bool {
	if tok == w {
		return true
	}
	if !first {
		return false
	}
	rest := tok
	if r, ok := strings.CutPrefix(rest, "و"); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, "ف"); ok {
		rest = r
	}
	if rest == w {
		return true
	}
	if body, ok := strings.CutPrefix(w, "ال"); ok && rest == "لل"+body {
		return true
	}
	if r, ok := strings.CutPrefix(rest, "ب"); ok && r == w {
		return true
	}
	if r, ok := strings.CutPrefix(rest, "ل"); ok && r == w && !strings.HasPrefix(w, "ال") {
		return true
	}
	return false
}

// roleEndingAt returns the longest role whose last word is token t, and
// the token where it starts.
func (rs roles) roleEndingAt(d *doc.Doc, t, min int) (role, int, bool) {
	for _, r := range rs {
		s := t - len(r.words) + 1
		if s < min {
			continue
		}
		ok := true
		for i, w := range r.words {
			if !wordIs(d.TokNorm(s+i), w, i == 0) {
				ok = false
				break
			}
		}
		if ok {
			return r, s, true
		}
	}
	return role{}, 0, false
}

// maxRoleGap is how many tokens may separate a role from the name it
// introduces: the organisation, its alias in parentheses, quote marks, an
// adjective and up to two words of a portfolio (وزير الخارجية الروسي).
const maxRoleGap = 12

// persons fills d.Persons: each person mention (the tagger's, and a quoted
// name right after a role), with the role written before it and the
// organisation the role names. Person spans that overlap a resolved actor
// or place are not persons: the knowledge base wins.
func (r *Resolver) persons(d *doc.Doc) {
	taken := make([]bool, len(d.Tokens))
	for _, a := range d.Actors {
		for t := a.Span.Start; t < a.Span.End; t++ {
			taken[t] = true
		}
	}
	for _, p := range d.Places {
		for t := p.Mention.Start; t < p.Mention.End; t++ {
			taken[t] = true
		}
	}
	free := func(s doc.Span) bool {
		for t := s.Start; t < s.End; t++ {
			if taken[t] {
				return false
			}
		}
		return !s.Empty()
	}
	var spans []doc.Span
	for _, m := range d.Mentions {
		if m.Kind == doc.MPerson && free(m.Span) {
			spans = append(spans, m.Span)
		}
	}
	adj := adjectives(d)
	spans = append(spans, r.quotedAfterRole(d, free, adj)...)
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []doc.Person
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].Span.Overlaps(s) {
			continue
		}
		p := doc.Person{Span: s}
		if found, _ := r.linkRole(d, &p, adj); !found && s.Len() == 1 {
			// a surname alone refers back to the full name (روبرتسون)
			for _, q := range out {
				if q.Span.Len() > 1 && d.TokNorm(int(q.Span.End)-1) == d.TokNorm(int(s.Start)) {
					p.Role, p.Org = q.Role, q.Org
				}
			}
		}
		out = append(out, p)
	}
	out = r.surnames(d, out, free)
	d.Persons = out
}

// quotedAfterRole finds names in quotes right after a role and its
// organisation (المتحدث باسم البنتاغون “شون روبرتسون”): persons even
// without the tagger.
func (r *Resolver) quotedAfterRole(d *doc.Doc, free func(doc.Span) bool, adj map[int32]string) []doc.Span {
	var out []doc.Span
	for t := 0; t < len(d.Tokens); t++ {
		if !d.Tokens[t].Has(doc.QuoteOpen) {
			continue
		}
		e := t + 1
		for e < len(d.Tokens) && e-t <= 4 && !d.Tokens[e].Has(doc.QuoteClose) {
			e++
		}
		if e >= len(d.Tokens) || e-t > 4 || e == t+1 {
			continue
		}
		s := d.TokenSpan(t+1, e)
		words := true
		for i := t + 1; i < e; i++ {
			if d.Tokens[i].Kind != doc.Word && d.Tokens[i].Kind != doc.Latin {
				words = false
			}
		}
		if !words || !free(s) {
			continue
		}
		// only right after the role and its organisation: a quotation
		// further on is speech, not a name
		p := doc.Person{Span: s}
		if found, unknown := r.linkRole(d, &p, adj); found && unknown == 0 {
			out = append(out, s)
		}
	}
	return out
}

// linkRole looks back from a person's name for a role and the
// organisation named in it, and fills p.Role and p.Org. It reports whether
// a role was found and how many words of no known kind stood between the
// role and the name (a portfolio: وزير الخارجية الروسي).
func (r *Resolver) linkRole(d *doc.Doc, p *doc.Person, adj map[int32]string) (found bool, unknown int) {
	si := d.SentenceOf(int(p.Span.Start))
	min := 0
	if si >= 0 {
		min = int(d.Sents[si].Start)
	}
	var org *doc.ActorMention
	cc := ""
	for t := int(p.Span.Start) - 1; t >= min && int(p.Span.Start)-t <= maxRoleGap; t-- {
		tok := d.Tokens[t]
		if tok.Kind == doc.Punct {
			if tok.Has(doc.QuoteOpen) || tok.Has(doc.QuoteClose) || isParen(d.TokText(t)) {
				continue
			}
			return false, unknown
		}
		if c, ok := adj[int32(t)]; ok {
			cc = c // الرئيس التركي، العميد السوري
			continue
		}
		if ai := actorEndingAt(d, t); ai >= 0 {
			a := d.Actors[ai]
			if !a.Generic || a.ID != "" {
				org = &a
			}
			t = int(a.Span.Start)
			// the role may end in the token the organisation starts in
			// (للتحالف: the ل belongs to الناطق الرسمي لـ)
			if rl, _, ok := r.roles.roleEndingAt(d, t-1, min); ok {
				r.setRole(d, p, rl, org, cc)
				return true, unknown
			}
			continue
		}
		if rl, _, ok := r.roles.roleEndingAt(d, t, min); ok {
			r.setRole(d, p, rl, org, cc)
			return true, unknown
		}
		if unknown++; unknown > 2 || tok.Kind != doc.Word {
			return false, unknown
		}
	}
	return false, unknown
}

// setRole records the role and the organisation on p: the one named after
// the role, else the actor of the role's kind in the country of a
// nationality adjective (الرئيس التركي → the Turkish government).
func (r *Resolver) setRole(d *doc.Doc, p *doc.Person, rl role, org *doc.ActorMention, cc string) {
	p.Role = rl.text
	switch {
	case rl.org && org != nil:
		ref := org.ActorRef
		p.Org = &ref
	case org == nil && cc != "" && rl.state != "":
		if a := r.stateActor(cc, rl.state, "", d.Meta.Published); a != nil {
			var out doc.ActorMention
			setActor(&out, a, d)
			out.Span = doc.Span{}
			p.Org = &out.ActorRef
		}
	}
}

// surnames adds later mentions of a found person by the last word of the
// name when quoted or tagged (… “روبرتسون” …), with the same role and
// organisation.
func (r *Resolver) surnames(d *doc.Doc, ps []doc.Person, free func(doc.Span) bool) []doc.Person {
	if len(ps) == 0 {
		return ps
	}
	last := map[string]int{}
	for i, p := range ps {
		if p.Span.Len() > 1 {
			last[d.TokNorm(int(p.Span.End)-1)] = i
		}
	}
	var add []doc.Person
	for t := range d.Tokens {
		i, ok := last[d.TokNorm(t)]
		if !ok || t < int(ps[i].Span.End) {
			continue
		}
		s := d.TokenSpan(t, t+1)
		if !free(s) || !quotedWord(d, t) {
			continue
		}
		dup := false
		for _, p := range ps {
			if p.Span.Overlaps(s) {
				dup = true
				break
			}
		}
		if !dup {
			add = append(add, doc.Person{Span: s, Role: ps[i].Role, Org: ps[i].Org})
		}
	}
	if len(add) == 0 {
		return ps
	}
	ps = append(ps, add...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Span.Start < ps[j].Span.Start })
	return ps
}

// quotedWord reports whether token t stands alone between quote marks.
func quotedWord(d *doc.Doc, t int) bool {
	return t > 0 && t+1 < len(d.Tokens) && d.Tokens[t-1].Has(doc.QuoteOpen) && d.Tokens[t+1].Has(doc.QuoteClose)
}

// actorEndingAt returns the index in d.Actors of the actor mention whose
// last token is t, or -1.
func actorEndingAt(d *doc.Doc, t int) int {
	for i := range d.Actors {
		if int(d.Actors[i].Span.End)-1 == t {
			return i
		}
	}
	return -1
}

func isParen(s string) bool {
	switch s {
	case "(", ")", "[", "]", "﴾", "﴿":
		return true
	}
	return false
}
