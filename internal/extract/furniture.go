package extract

import (
	"bufio"
	_ "embed" // for furniture.txt
	"errors"
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// defaultRules is the embedded rule file; see its header for the rule
// language.
//
//go:embed furniture.txt
var defaultRules string

// ErrBadRule is wrapped by the errors ParseFurniture returns, one per bad
// line, each naming its line number.
var ErrBadRule = errors.New("bad furniture rule")

// action is what a rule does to the line it matches.
type action uint8

const (
	actNone     action = iota
	actCut             // cut-after: the line and everything after it
	actDrop            // drop-line: the line
	actBlock           // drop-block: the line and the headlines after it
	actNext            // drop-next: the line and the next line
	actHeader          // header: the line, when above the article
	actDateline        // dateline: the line, kept as Article.DateLine
)

// String returns the rule kind that names the action.
func (a action) String() string {
	switch a {
	case actCut:
		return "cut-after"
	case actDrop:
		return "drop-line"
	case actBlock:
		return "drop-block"
	case actNext:
		return "drop-next"
	case actHeader:
		return "header"
	case actDateline:
		return "dateline"
	}
	return "none"
}

func parseAction(s string) action {
	for a := actCut; a <= actDateline; a++ {
		if a.String() == s {
			return a
		}
	}
	return actNone
}

// settings are the numeric limits of the positional heuristics.
type settings struct {
	titleMaxWords  int // a headline has at most this many words
	titleMinWords  int // ... and at least this many
	headerMaxWords int // a category header above the headline
	bylineMaxWords int // a credit or byline line, a trailing credit
	navMaxWords    int // a navigation item
	navMinRun      int // this many navigation items in a row are a menu
	blockMaxLines  int // lines a drop-block rule removes after its label
	guardWords     int // -prefix and -re rules never match longer lines
}

func defaultSettings() settings {
	return settings{
		titleMaxWords:  25,
		titleMinWords:  3,
		headerMaxWords: 4,
		bylineMaxWords: 6,
		navMaxWords:    3,
		navMinRun:      3,
		blockMaxLines:  6,
		guardWords:     20,
	}
}

// setting returns a pointer to the named setting, nil if unknown.
func (s *settings) setting(name string) *int {
	switch name {
	case "title-max-words":
		return &s.titleMaxWords
	case "title-min-words":
		return &s.titleMinWords
	case "header-max-words":
		return &s.headerMaxWords
	case "byline-max-words":
		return &s.bylineMaxWords
	case "nav-max-words":
		return &s.navMaxWords
	case "nav-min-run":
		return &s.navMinRun
	case "block-max-lines":
		return &s.blockMaxLines
	case "guard-words":
		return &s.guardWords
	}
	return nil
}

// rule is one compiled -prefix or -re rule.
type rule struct {
	act    action
	phrase string         // key form, for -prefix rules
	re     *regexp.Regexp // for -re rules
	line   int            // line in the rule file
}

// Furniture is a compiled set of furniture rules (see furniture.txt for
// the rule language). It is immutable and safe for concurrent use; build
// it once with ParseFurniture or DefaultFurniture and keep it.
type Furniture struct {
	exact  map[string]action // whole-line phrases, by key
	prefix []rule
	regex  []rule
	set    settings
	n      int // number of rules
}

// Len returns the number of rules (settings and defines not counted).
func (f *Furniture) Len() int { return f.n }

// DefaultFurniture returns the rules embedded from furniture.txt. Each
// call parses and compiles them afresh (about a millisecond, mostly
// regular expressions); callers that extract many documents should keep
// the value.
func DefaultFurniture() *Furniture {
	f, err := ParseFurniture(strings.NewReader(defaultRules))
	if err != nil {
		// The embedded file is tested; this is a build error.
		panic("extract: embedded furniture.txt: " + err.Error())
	}
	return f
}

// Compiled once; regexp values are immutable and safe for concurrent use.
var (
	macroRef  = regexp.MustCompile(`\{([A-Z][A-Z0-9_]*)\}`)
	macroName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
)

// ParseFurniture reads and compiles furniture rules. Every bad line is
// reported, each error naming its line number and wrapping ErrBadRule.
func ParseFurniture(r io.Reader) (*Furniture, error) {
	f := &Furniture{exact: make(map[string]action), set: defaultSettings()}
	exactLine := make(map[string]int)
	defines := make(map[string]string)
	var errs []error
	bad := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("furniture line %d: %w: %s", n, ErrBadRule, fmt.Sprintf(format, args...)))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if n == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, arg := text, ""
		if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
			kind, arg = text[:i], strings.TrimSpace(text[i:])
		}
		if arg == "" {
			bad(n, "%q needs an argument", kind)
			continue
		}
		if kind == "define" {
			name, src := arg, ""
			if i := strings.IndexFunc(arg, unicode.IsSpace); i >= 0 {
				name, src = arg[:i], strings.TrimSpace(arg[i:])
			}
			if !macroName.MatchString(name) || src == "" {
				bad(n, "define needs an UPPER_CASE name and a regular expression")
				continue
			}
			expanded, err := expand(src, defines)
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			if _, err := syntax.Parse(expanded, syntax.Perl); err != nil {
				bad(n, "define %s: %v", name, err)
				continue
			}
			defines[name] = foldRegexp(expanded)
			continue
		}
		if p := f.set.setting(kind); p != nil {
			v, err := strconv.Atoi(arg)
			if err != nil || v < 0 {
				bad(n, "%s needs a non-negative integer, not %q", kind, arg)
				continue
			}
			*p = v
			continue
		}
		base, mode := kind, ""
		for _, suffix := range []string{"-prefix", "-re"} {
			if strings.HasSuffix(kind, suffix) {
				base, mode = strings.TrimSuffix(kind, suffix), suffix
				break
			}
		}
		act := parseAction(base)
		if act == actNone {
			bad(n, "unknown rule kind %q", kind)
			continue
		}
		switch mode {
		case "-re":
			expanded, err := expand(arg, defines)
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			re, err := regexp.Compile(foldRegexp(expanded))
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			f.regex = append(f.regex, rule{act: act, re: re, line: n})
		default:
			key := keyOf(fold(arg))
			if key == "" {
				bad(n, "phrase %q has no letters or digits; use a %s-re rule", arg, base)
				continue
			}
			if mode == "-prefix" {
				f.prefix = append(f.prefix, rule{act: act, phrase: key, line: n})
				break
			}
			if prev, dup := exactLine[key]; dup {
				bad(n, "phrase %q repeats the rule on line %d", arg, prev)
				continue
			}
			exactLine[key] = n
			f.exact[key] = act
		}
		f.n++
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("furniture line %d: %w", n+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if f.set.titleMinWords > f.set.titleMaxWords {
		return nil, fmt.Errorf("furniture: %w: title-min-words %d exceeds title-max-words %d", ErrBadRule, f.set.titleMinWords, f.set.titleMaxWords)
	}
	return f, nil
}

// expand replaces {NAME} references with their definitions.
func expand(src string, defines map[string]string) (string, error) {
	var err error
	out := macroRef.ReplaceAllStringFunc(src, func(m string) string {
		name := m[1 : len(m)-1]
		d, ok := defines[name]
		if !ok {
			if err == nil {
				err = fmt.Errorf("undefined {%s}", name)
			}
			return m
		}
		return "(?:" + d + ")"
	})
	return out, err
}

// classify returns the action of the first rule matching l: whole-line
// phrases first, then -prefix rules and then -re rules in file order. The
// last two never match a line longer than guard-words words, nor a
// sentence (ending in a full stop) of more than half that.
func (f *Furniture) classify(l *line) action {
	if a, ok := f.exact[l.key]; ok {
		return a
	}
	if l.words > f.set.guardWords || (l.endsSentence && 2*l.words > f.set.guardWords) {
		return actNone
	}
	for _, r := range f.prefix {
		if hasWordPrefix(l.key, r.phrase) {
			return r.act
		}
	}
	for _, r := range f.regex {
		if r.re.MatchString(l.fold) {
			return r.act
		}
	}
	return actNone
}

// hasWordPrefix reports whether key starts with phrase followed by the
// end or a character that is not a letter or digit.
func hasWordPrefix(key, phrase string) bool {
	if !strings.HasPrefix(key, phrase) {
		return false
	}
	rest := key[len(phrase):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
