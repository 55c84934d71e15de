package extract

import (
	"strings"
	"unicode"
)

// state is what the cleaner decided about a line.
type state uint8

const (
	stKeep      state = iota // body text
	stBlank                  // empty line: a paragraph break
	stRule                   // removed by a furniture rule
	stHeuristic              // removed by a positional heuristic
	stDuplicate              // removed as a copy of other lines
	stTitle                  // the headline
)

// line is one line of the input with what matching needs.
type line struct {
	text         string // the line, surrounding white space trimmed
	fold         string // folded form, for -re rules
	key          string // fold trimmed of end punctuation, for phrases
	words        int
	endsSentence bool
	act          action
	st           state
}

// cleaned is the result of furniture removal.
type cleaned struct {
	title    string
	paras    []string // paragraphs, lines joined by "\n"
	removed  []string
	dateline string
}

// text returns the title and the paragraphs as Article.Text.
func (c *cleaned) text() string {
	var b strings.Builder
	if c.title != "" {
		b.WriteString(c.title)
	}
	for _, p := range c.paras {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// body returns the paragraphs without the title.
func (c *cleaned) body() string { return strings.Join(c.paras, "\n\n") }

// splitLines splits s into trimmed lines; "\r\n" and "\r" end lines too.
// Lines of more than foldMax words are not folded: no rule, headline or
// duplicate test applies to them.
func splitLines(s string, foldMax int) []line {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	lines := make([]line, len(raw))
	for i, r := range raw {
		t := strings.TrimFunc(r, isTrimSpace)
		l := &lines[i]
		l.text = t
		if t == "" {
			l.st = stBlank
			continue
		}
		l.words = wordCount(t)
		l.endsSentence = endsSentence(t)
		if l.words <= foldMax {
			l.fold = fold(t)
			l.key = keyOf(l.fold)
		}
	}
	return lines
}

// isTrimSpace reports white space and the invisible characters that pad
// scraped lines.
func isTrimSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' || r == '\u200E' || r == '\u200F'
}

// cleaner holds the state of one furniture pass.
type cleaner struct {
	set   settings
	lines []line
}

func (c *cleaner) isBody(l *line) bool {
	return l.words > c.set.titleMaxWords || (l.endsSentence && l.words >= 4)
}

func (c *cleaner) titleLike(l *line) bool {
	return l.words >= c.set.titleMinWords && l.words <= c.set.titleMaxWords && !l.endsSentence
}

func (c *cleaner) headerLike(l *line) bool {
	return l.act == actHeader || (l.words <= c.set.headerMaxWords && !l.endsSentence)
}

// bylineLike reports a short credit line under headline t: fewer words
// than the headline, or shaped like a credit ("X - Y", "X | Y", Latin).
func (c *cleaner) bylineLike(l, t *line) bool {
	if l.words > c.set.bylineMaxWords || l.endsSentence {
		return false
	}
	return l.words < t.words || strings.ContainsAny(l.text, "-–—|/") || !hasArabic(l.text)
}

// clean removes furniture from src. With title == "" it detects the
// headline at the top; otherwise title is the known headline (from HTML
// metadata), removed from the body where it appears there.
func (f *Furniture) clean(src, title string) cleaned {
	c := &cleaner{set: f.set, lines: splitLines(src, max(f.set.guardWords, 2*f.set.titleMaxWords))}
	var out cleaned
	for i := range c.lines {
		if l := &c.lines[i]; l.st == stKeep {
			l.act = f.classify(l)
		}
	}
	out.dateline = c.applyRules()
	c.dropNavigation()
	c.dropDuplicates()
	title = strings.TrimSpace(title)
	if keyOf(fold(title)) == "" {
		title = "" // no letters or digits: no headline
	}
	var titleIdx int
	if title == "" {
		titleIdx = c.detectTitle()
	} else {
		titleIdx = c.findTitle(title)
	}
	c.dropTrailer()
	if !c.anyKept() {
		// Never lose the whole body to heuristics: put back what no
		// rule named.
		for i := range c.lines {
			if c.lines[i].st == stHeuristic {
				c.lines[i].st = stKeep
			}
		}
	}
	if titleIdx >= 0 {
		title = c.lines[titleIdx].text // the page's own characters
	}
	out.title = title
	var para []string
	flush := func() {
		if len(para) > 0 {
			out.paras = append(out.paras, strings.Join(para, "\n"))
			para = para[:0]
		}
	}
	for i := range c.lines {
		l := &c.lines[i]
		switch l.st {
		case stKeep:
			para = append(para, l.text)
		case stRule, stHeuristic, stDuplicate:
			out.removed = append(out.removed, l.text)
			flush()
		default:
			flush()
		}
	}
	flush()
	return out
}

// applyRules runs the matched rules over the lines in order and returns
// the first dateline removed.
func (c *cleaner) applyRules() (dateline string) {
	bodySeen := false
	for i := range c.lines {
		l := &c.lines[i]
		if l.st != stKeep {
			continue
		}
		switch l.act {
		case actCut:
			l.st = stRule
			if !bodySeen {
				// A trailer label above the article (in a menu) only
				// goes itself: never cut the body.
				break
			}
			if c.bodyChars(i+1, len(c.lines)) > c.bodyChars(0, i) {
				// More body text follows than precedes: a box inside
				// the article, not its trailer. Drop it as a block.
				c.dropAfter(i, c.set.blockMaxLines, func(n *line) bool {
					return !n.endsSentence && n.words <= c.set.titleMaxWords
				})
				break
			}
			for j := i + 1; j < len(c.lines); j++ {
				if c.lines[j].st == stKeep {
					c.lines[j].st = stRule
				}
			}
			return dateline
		case actDrop:
			l.st = stRule
		case actDateline:
			l.st = stRule
			if dateline == "" {
				dateline = l.text
			}
		case actHeader:
			if !bodySeen {
				l.st = stRule
			}
		case actBlock:
			l.st = stRule
			c.dropAfter(i, c.set.blockMaxLines, func(n *line) bool {
				return !n.endsSentence && n.words <= c.set.titleMaxWords
			})
		case actNext:
			l.st = stRule
			c.dropAfter(i, 1, func(n *line) bool { return !n.endsSentence })
		default:
			if isJunk(l.text, l.words) {
				l.st = stRule // separators, stray symbols
			}
		}
		if l.st == stKeep && c.isBody(l) {
			bodySeen = true
		}
	}
	return dateline
}

// bodyChars counts the bytes of the kept body-like lines in [from, to).
func (c *cleaner) bodyChars(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if l := &c.lines[i]; l.st == stKeep && c.isBody(l) {
			n += len(l.text)
		}
	}
	return n
}

// dropAfter removes up to max content lines after line i while ok says
// they belong to the block. Blank lines are skipped, lines that drop-line
// and dateline rules remove anyway do not count, and a line matched by
// another rule ends the block.
func (c *cleaner) dropAfter(i, max int, ok func(*line) bool) {
	for j, n := i+1, 0; j < len(c.lines) && n < max; j++ {
		l := &c.lines[j]
		switch {
		case l.st == stBlank, l.st != stKeep:
			continue
		case l.act == actDrop || l.act == actDateline:
			continue
		case l.act != actNone || !ok(l):
			return
		}
		l.st = stRule
		n++
	}
}

// kept returns the indices of the lines still kept.
func (c *cleaner) kept() []int {
	var idx []int
	for i := range c.lines {
		if c.lines[i].st == stKeep {
			idx = append(idx, i)
		}
	}
	return idx
}

func (c *cleaner) anyKept() bool {
	for i := range c.lines {
		if c.lines[i].st == stKeep {
			return true
		}
	}
	return false
}

// bodyZone returns the first and last kept body-like lines, or -1, -1.
func (c *cleaner) bodyZone() (first, last int) {
	first, last = -1, -1
	for i := range c.lines {
		if l := &c.lines[i]; l.st == stKeep && c.isBody(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// dropNavigation removes menus: runs of nav-min-run or more very short
// lines without sentence punctuation, above or below the body (lists
// inside the body stay).
func (c *cleaner) dropNavigation() {
	first, last := c.bodyZone()
	var run []int
	end := func() {
		if len(run) >= c.set.navMinRun {
			for _, j := range run {
				c.lines[j].st = stHeuristic
			}
		}
		run = run[:0]
	}
	for i := range c.lines {
		l := &c.lines[i]
		if l.st == stBlank {
			continue
		}
		inBody := first >= 0 && i >= first && i <= last
		if l.st == stKeep && !inBody && l.words <= c.set.navMaxWords && !l.endsSentence {
			run = append(run, i)
			continue
		}
		if l.st == stKeep || inBody {
			end()
		}
	}
	end()
}

// dropDuplicates removes short lines that repeat the kept line before
// them; above the body, any line that only repeats an earlier one, once or
// more ("X", "XX", "X" for a headline printed three times); and a line
// that is just the previous lines run together (a flattened copy).
func (c *cleaner) dropDuplicates() {
	first, _ := c.bodyZone()
	var seen []string
	prev := -1
	var recent []string // letters and digits of the last non-blank lines
	for i := range c.lines {
		l := &c.lines[i]
		if l.st == stBlank {
			continue
		}
		k := alnumOnly(l.key)
		dup := l.st == stKeep && repeatsRun(k, recent)
		recent = append(recent, k)
		if len(recent) > 8 {
			recent = recent[1:]
		}
		if l.st != stKeep {
			continue
		}
		if dup || (prev >= 0 && l.key == c.lines[prev].key && l.words <= c.set.titleMaxWords) {
			l.st = stDuplicate
			continue
		}
		prev = i
		if (first >= 0 && i >= first) || len(seen) >= maxTopLines {
			continue
		}
		for _, s := range seen {
			if strings.ReplaceAll(k, s, "") == "" {
				l.st = stDuplicate
				break
			}
		}
		if l.st == stKeep && k != "" {
			seen = append(seen, k)
		}
	}
}

// maxTopLines bounds the lines above the body that dropDuplicates
// remembers, keeping it linear on texts without a body.
const maxTopLines = 12

// repeatsRun reports whether k is the concatenation of two or more of the
// last lines in recent.
func repeatsRun(k string, recent []string) bool {
	if k == "" {
		return false
	}
	joined := ""
	for j := len(recent) - 1; j >= 0; j-- {
		joined = recent[j] + joined
		if len(joined) > len(k) {
			return false
		}
		if j < len(recent)-1 && joined == k {
			return true
		}
	}
	return false
}

// alnumOnly returns the letters and digits of s.
func alnumOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if isAlnum(r) {
			return r
		}
		return -1
	}, s)
}

// bodyAt reports whether body text starts at line i: a body-like line, or
// the first line of a paragraph (after a blank or removed line) that
// reaches a body-like line within three lines (a hard-wrapped paragraph).
func (c *cleaner) bodyAt(i int) bool {
	if c.isBody(&c.lines[i]) {
		return true
	}
	if i == 0 || c.lines[i-1].st == stKeep || c.lines[i-1].st == stTitle {
		return false
	}
	for j := i + 1; j < len(c.lines) && j <= i+3 && c.lines[j].st == stKeep; j++ {
		if c.isBody(&c.lines[j]) {
			return true
		}
	}
	return false
}

// detectTitle finds the headline among the first kept lines: a title-like
// line followed, after at most a few byline-like lines, by body text.
// Short lines above it are category headers; the bylines under it go.
// Without a headline, short header-like lines directly above the body go.
// It returns the headline's index or -1.
func (c *cleaner) detectTitle() int {
	top := c.kept()
	const maxTop = 6
	for k := 0; k < len(top) && k < maxTop; k++ {
		l := &c.lines[top[k]]
		if c.isBody(l) {
			// Header-like lines above the body that are not a headline.
			for _, j := range top[:k] {
				c.lines[j].st = stHeuristic
			}
			return -1
		}
		if c.titleLike(l) {
			m := k + 1
			for m < len(top) && m-k <= 3 && !c.bodyAt(top[m]) && c.bylineLike(&c.lines[top[m]], l) {
				m++
			}
			if m < len(top) && c.bodyAt(top[m]) {
				for _, j := range top[:k] {
					c.lines[j].st = stHeuristic
				}
				for _, j := range top[k+1 : m] {
					c.lines[j].st = stHeuristic
				}
				l.st = stTitle
				return top[k]
			}
		}
		if !c.headerLike(l) {
			return -1
		}
	}
	return -1
}

// findTitle looks for the known headline among the first kept lines and
// marks it (it is put back in front of the text), removing the
// header-like lines above it and the bylines under it. A title-like line
// that is part of the metadata title (the page's own headline, without a
// site name) matches too. Without a match, header-like lines too short to
// be a headline are removed from above the body. It returns the
// headline's index or -1.
func (c *cleaner) findTitle(title string) int {
	tkey := keyOf(fold(title))
	top := c.kept()
	const maxTop = 6
	for k := 0; k < len(top) && k < maxTop; k++ {
		l := &c.lines[top[k]]
		exact := l.key == tkey
		part := !exact && c.titleLike(l) && 2*len(l.key) >= len(tkey) && strings.Contains(tkey, l.key)
		if exact || part {
			for _, j := range top[:k] {
				if c.headerLike(&c.lines[j]) {
					c.lines[j].st = stHeuristic
				}
			}
			for m := k + 1; m < len(top) && m-k <= 3; m++ {
				b := &c.lines[top[m]]
				if c.isBody(b) || !c.bylineLike(b, l) {
					break
				}
				b.st = stHeuristic
			}
			l.st = stTitle
			return top[k]
		}
		if c.isBody(l) {
			break
		}
	}
	for _, j := range top {
		l := &c.lines[j]
		if c.isBody(l) || !c.headerLike(l) || l.words >= c.set.titleMinWords {
			break
		}
		l.st = stHeuristic
	}
	return -1
}

// dropTrailer removes short credit-like lines after the last body line
// ("سانا", an agency name, an author).
func (c *cleaner) dropTrailer() {
	_, last := c.bodyZone()
	if last < 0 {
		return
	}
	for i := last + 1; i < len(c.lines); i++ {
		l := &c.lines[i]
		if l.st == stKeep && l.words <= c.set.bylineMaxWords && !l.endsSentence {
			l.st = stHeuristic
		}
	}
}
