package arabic

import (
	"slices"
	"strings"
	"testing"
)

// splitString renders a split of w as "proclitics|article+bare|enclitic=key",
// with the "article+" part only when the split has an article.
func splitString(w string, s Split) string {
	var b strings.Builder
	b.WriteString(w[:s.Pre])
	b.WriteByte('|')
	if s.Art > 0 {
		b.WriteString(w[s.Pre : int(s.Pre)+int(s.Art)])
		b.WriteByte('+')
	}
	b.WriteString(s.Bare(w))
	b.WriteByte('|')
	b.WriteString(w[len(w)-int(s.Suf):])
	b.WriteByte('=')
	b.WriteString(s.Key(w))
	return b.String()
}

var cliticTests = []struct {
	name string
	in   string // a normalized word
	want []string
}{
	// proclitics, one at a time
	{"waw", "وقال", []string{"|وقال|=وقال", "و|قال|=قال"}},
	{"feh", "فقتل", []string{"|فقتل|=فقتل", "ف|قتل|=قتل"}},
	{"beh", "بدمشق", []string{"|بدمشق|=بدمشق", "ب|دمشق|=دمشق"}},
	{"kaf", "كقائد", []string{"|كقائد|=كقائد", "ك|قائد|=قائد"}},
	{"lam", "لدمشق", []string{"|لدمشق|=لدمشق", "ل|دمشق|=دمشق"}},
	{"seen before yeh", "سيقصف", []string{"|سيقصف|=سيقصف", "س|يقصف|=يقصف"}},
	{"seen before teh", "ستنسحب", []string{"|ستنسحب|=ستنسحب", "س|تنسحب|=تنسحب"}},
	{"seen before noon", "سنرد", []string{"|سنرد|=سنرد", "س|نرد|=نرد"}},
	{"seen before alef", "ساقاتل", []string{"|ساقاتل|=ساقاتل", "س|اقاتل|=اقاتل"}},
	{"article", "الجيش", []string{"|ال+جيش|=الجيش"}},
	// combinations (readings removing as many bytes keep the order of the
	// proclitic chains: unsplit, conjunction, conjunction + preposition)
	{"waw beh", "وبدمشق", []string{"|وبدمشق|=وبدمشق", "و|بدمشق|=بدمشق", "وب|دمشق|=دمشق"}},
	{"waw kaf", "وكقائد", []string{"|وكقائد|=وكقائد", "و|كقائد|=كقائد", "وك|قائد|=قائد"}},
	{"waw lam", "ولدمشق", []string{"|ولدمشق|=ولدمشق", "و|لدمشق|=لدمشق", "ول|دمشق|=دمشق"}},
	{"feh beh", "فبدمشق", []string{"|فبدمشق|=فبدمشق", "ف|بدمشق|=بدمشق", "فب|دمشق|=دمشق"}},
	{"feh kaf", "فكقائد", []string{"|فكقائد|=فكقائد", "ف|كقائد|=كقائد", "فك|قائد|=قائد"}},
	{"feh lam", "فلدمشق", []string{"|فلدمشق|=فلدمشق", "ف|لدمشق|=لدمشق", "فل|دمشق|=دمشق"}},
	{"waw seen", "وسيقصف", []string{"|وسيقصف|=وسيقصف", "و|سيقصف|=سيقصف", "وس|يقصف|=يقصف"}},
	{"feh seen", "فسنرد", []string{"|فسنرد|=فسنرد", "ف|سنرد|=سنرد", "فس|نرد|=نرد"}},
	{"waw article", "والجيش", []string{"|والجيش|=والجيش", "و|ال+جيش|=الجيش"}},
	{"feh article", "فالجيش", []string{"|فالجيش|=فالجيش", "ف|ال+جيش|=الجيش"}},
	{"beh article", "بالجيش", []string{"|بالجيش|=بالجيش", "ب|ال+جيش|=الجيش"}},
	{"kaf article", "كالجيش", []string{"|كالجيش|=كالجيش", "ك|ال+جيش|=الجيش"}},
	{"waw beh article", "وبالجيش", []string{"|وبالجيش|=وبالجيش", "و|بالجيش|=بالجيش", "وب|ال+جيش|=الجيش"}},
	{"teh marbuta words also read as heh pronoun", "بالدشيشه", []string{"|بالدشيشه|=بالدشيشه", "|بالدشيش|ه=بالدشيش", "ب|ال+دشيشه|=الدشيشه", "ب|الدشيش|ه=الدشيش"}},
	{"waw kaf article", "وكالجيش", []string{"|وكالجيش|=وكالجيش", "و|كالجيش|=كالجيش", "وك|ال+جيش|=الجيش"}},
	{"feh beh article", "فبالجيش", []string{"|فبالجيش|=فبالجيش", "ف|بالجيش|=بالجيش", "فب|ال+جيش|=الجيش"}},
	{"feh kaf article", "فكالجيش", []string{"|فكالجيش|=فكالجيش", "ف|كالجيش|=كالجيش", "فك|ال+جيش|=الجيش"}},
	// lam + article: all readings
	{"lam lam with elided alef", "للجيش", []string{"|للجيش|=للجيش", "ل|ل+جيش|=الجيش", "ل|لجيش|=اللجيش", "ل|لجيش|=لجيش"}},
	{"lam lam as lam and a word", "للبنان", []string{"|للبنان|=للبنان", "ل|ل+بنان|=البنان", "ل|لبنان|=اللبنان", "ل|لبنان|=لبنان"}},
	{"lam lam with the whole article merged", "للواء", []string{"|للواء|=للواء", "ل|ل+واء|=الواء", "ل|لواء|=اللواء", "ل|لواء|=لواء"}},
	{"waw lam lam", "وللجيش", []string{"|وللجيش|=وللجيش", "و|للجيش|=للجيش", "ول|ل+جيش|=الجيش", "ول|لجيش|=اللجيش", "ول|لجيش|=لجيش"}},
	{"feh lam lam", "فللجيش", []string{"|فللجيش|=فللجيش", "ف|للجيش|=للجيش", "فل|ل+جيش|=الجيش", "فل|لجيش|=اللجيش", "فل|لجيش|=لجيش"}},
	{"lam before a word starting with alef", "لاستعاده", []string{"|لاستعاده|=لاستعاده", "|لاستعاد|ه=لاستعاد", "ل|استعاده|=استعاده", "ل|استعاد|ه=استعاد"}},
	// enclitics
	{"heh", "قائده", []string{"|قائده|=قائده", "|قائد|ه=قائد"}},
	{"heh alef", "منها", []string{"|منها|=منها", "|من|ها=من"}},
	{"heh meem", "قادتهم", []string{"|قادتهم|=قادتهم", "|قادت|هم=قادت", "|قادت|هم=قاده"}},
	{"heh meem alef", "قتلهما", []string{"|قتلهما|=قتلهما", "|قتل|هما=قتل"}},
	{"heh noon", "بيوتهن", []string{"|بيوتهن|=بيوتهن", "ب|يوتهن|=يوتهن", "|بيوت|هن=بيوت", "|بيوت|هن=بيوه", "ب|يوت|هن=يوت", "ب|يوت|هن=يوه"}},
	{"kaf", "جيشك", []string{"|جيشك|=جيشك", "|جيش|ك=جيش"}},
	{"kaf meem", "ارضكم", []string{"|ارضكم|=ارضكم", "|ارض|كم=ارض"}},
	{"noon alef", "ارضنا", []string{"|ارضنا|=ارضنا", "|ارض|نا=ارض"}},
	{"yeh", "بلادي", []string{"|بلادي|=بلادي", "|بلاد|ي=بلاد", "ب|لادي|=لادي", "ب|لاد|ي=لاد"}},
	{"noon yeh and yeh", "يقتلني", []string{"|يقتلني|=يقتلني", "|يقتلن|ي=يقتلن", "|يقتل|ني=يقتل"}},
	{"proclitic and enclitic", "وقائده", []string{"|وقائده|=وقائده", "|وقائد|ه=وقائد", "و|قائده|=قائده", "و|قائد|ه=قائد"}},
	{"seen and enclitic", "سيقتلهم", []string{"|سيقتلهم|=سيقتلهم", "س|يقتلهم|=يقتلهم", "|سيقتل|هم=سيقتل", "س|يقتل|هم=يقتل"}},
	{"enclitic on a form that starts with alef lam", "التزامه", []string{"|ال+تزامه|=التزامه", "|التزام|ه=التزام"}},
	// ta marbuta restored before a pronoun
	{"ta marbuta before heh alef", "سيطرتها", []string{"|سيطرتها|=سيطرتها", "س|يطرتها|=يطرتها", "|سيطرت|ها=سيطرت", "|سيطرت|ها=سيطره", "س|يطرت|ها=يطرت"}},
	{"ta marbuta before heh", "قيادته", []string{"|قيادته|=قيادته", "|قيادت|ه=قيادت", "|قيادت|ه=قياده"}},
	{"no ta marbuta in a two-letter stem", "بته", []string{"|بته|=بته", "|بت|ه=بت", "ب|ته|=ته"}},
	// minimum stem and short words
	{"two-letter stem after a proclitic", "بيد", []string{"|بيد|=بيد", "ب|يد|=يد"}},
	{"two-letter stem before a pronoun", "عنهم", []string{"|عنهم|=عنهم", "|عن|هم=عن"}},
	{"waw qad", "وقد", []string{"|وقد|=وقد", "و|قد|=قد"}},
	{"two-letter word min", "من", []string{"|من|=من"}},
	{"two-letter word bal", "بل", []string{"|بل|=بل"}},
	{"two-letter word lam", "لم", []string{"|لم|=لم"}},
	{"two-letter word kam", "كم", []string{"|كم|=كم"}},
	{"one letter", "و", []string{"|و|=و"}},
	{"preposition and pronoun only", "بها", []string{"|بها|=بها"}},
	{"lam and pronoun only", "لهم", []string{"|لهم|=لهم"}},
	{"waw lam and pronoun", "وله", []string{"|وله|=وله", "و|له|=له"}},
	{"kaf lam is a stem", "كلهم", []string{"|كلهم|=كلهم", "ك|لهم|=لهم", "|كل|هم=كل"}},
	{"ila is not the article and a pronoun", "الي", []string{"|الي|=الي"}},
	{"seen before a non-imperfect letter", "سلاح", []string{"|سلاح|=سلاح"}},
	{"seen in a three-letter word", "سته", []string{"|سته|=سته", "|ست|ه=ست"}},
	{"no article after seen", "سالم", []string{"|سالم|=سالم", "س|الم|=الم"}},
	{"no ta marbuta after seen", "سيثبتها", []string{"|سيثبتها|=سيثبتها", "س|يثبتها|=يثبتها", "|سيثبت|ها=سيثبت", "|سيثبت|ها=سيثبه", "س|يثبت|ها=يثبت"}},
	{"article needs a two-letter stem", "الم", []string{"|الم|=الم"}},
	{"latin word", "isis", []string{"|isis|=isis"}},
	{"empty", "", nil},
}

func TestClitics(t *testing.T) {
	for _, tt := range cliticTests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Clitics(tt.in, nil) {
				got = append(got, splitString(tt.in, s))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Clitics(%q) =\n\t%q; want\n\t%q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCliticsAppends(t *testing.T) {
	dst := []Split{{Pre: 9}}
	got := Clitics("وقال", dst)
	want := []Split{{Pre: 9}, {}, {Pre: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("Clitics(%q) after one split = %+v; want %+v", "وقال", got, want)
	}
}

func TestSplitKey(t *testing.T) {
	tests := []struct {
		name string
		w    string
		s    Split
		want string
	}{
		{"plain", "جيش", Split{}, "جيش"},
		{"proclitic", "بجيش", Split{Pre: 2}, "جيش"},
		{"elided alef", "للجيش", Split{Pre: 2, Art: 2, Elided: true}, "الجيش"},
		{"elided article", "للواء", Split{Pre: 2, Elided: true}, "اللواء"},
		{"ta marbuta", "سيطرتها", Split{Suf: 4, TaMarbuta: true}, "سيطره"},
		{"elided and ta marbuta", "للقيادتها", Split{Pre: 2, Art: 2, Suf: 4, Elided: true, TaMarbuta: true}, "القياده"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.Key(tt.w); got != tt.want {
				t.Errorf("%+v.Key(%q) = %q; want %q", tt.s, tt.w, got, tt.want)
			}
			if got := string(tt.s.AppendKey([]byte("x"), tt.w)); got != "x"+tt.want {
				t.Errorf("%+v.AppendKey(%q) = %q; want %q", tt.s, tt.w, got, "x"+tt.want)
			}
		})
	}
}

func TestSplitPlain(t *testing.T) {
	for _, tt := range []struct {
		s    Split
		want bool
	}{
		{Split{}, true},
		{Split{Art: 4}, true},
		{Split{Pre: 2}, false},
		{Split{Suf: 2}, false},
		{Split{Elided: true}, false},
		{Split{TaMarbuta: true}, false},
	} {
		if got := tt.s.Plain(); got != tt.want {
			t.Errorf("%+v.Plain() = %v; want %v", tt.s, got, tt.want)
		}
	}
}

// TestCliticsOrder checks on the words of the benchmark corpus that the
// unsplit reading comes first, readings are ordered by bytes removed, none
// repeats, and every one leaves a stem of two letters.
func TestCliticsOrder(t *testing.T) {
	for _, w := range strings.Fields(Normalize(readNews(t))) {
		w = strings.Trim(w, `.,;:?!"'()«»`)
		if w == "" {
			continue
		}
		checkClitics(t, w, Clitics(w, nil))
	}
}

// checkClitics checks the invariants of the splits of w.
func checkClitics(t *testing.T, w string, splits []Split) {
	t.Helper()
	if w != "" && (len(splits) == 0 || splits[0] != (Split{}) && splits[0] != (Split{Art: splits[0].Art})) {
		t.Errorf("Clitics(%q)[0] = %+v; want the unsplit reading first", w, splits)
	}
	for i, s := range splits {
		if int(s.Pre)+int(s.Art)+int(s.Suf) > len(w) {
			t.Errorf("Clitics(%q)[%d] = %+v is longer than the word", w, i, s)
			continue
		}
		form, bare := s.Form(w), s.Bare(w)
		if !strings.Contains(w, form) || !strings.HasSuffix(form, bare) {
			t.Errorf("Clitics(%q)[%d] = %+v: form %q, bare %q not within the word", w, i, s, form, bare)
		}
		if !s.Plain() && len(bare) < minStem {
			t.Errorf("Clitics(%q)[%d] = %+v leaves %q; want two letters at least", w, i, s, bare)
		}
		if i > 0 && s.Pre+s.Suf < splits[i-1].Pre+splits[i-1].Suf {
			t.Errorf("Clitics(%q)[%d] = %+v removes less than the one before it", w, i, s)
		}
		for _, o := range splits[:i] {
			if o == s {
				t.Errorf("Clitics(%q) has %+v twice", w, s)
			}
		}
	}
}

func TestIsPronoun(t *testing.T) {
	for _, e := range enclitics {
		if !isPronoun(e) {
			t.Errorf("isPronoun(%q) = false; want true for an enclitic", e)
		}
	}
	for _, w := range []string{"", "له", "هذا", "ال", "م"} {
		if isPronoun(w) {
			t.Errorf("isPronoun(%q) = true; want false", w)
		}
	}
}
