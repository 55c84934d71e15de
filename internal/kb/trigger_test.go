package kb

import (
	"slices"
	"strings"
	"testing"
)

// withPrefixes expands "ي…" present forms to the four prefixes ي ت ن أ.
func withPrefixes(forms ...string) []string {
	var out []string
	for _, pre := range []string{"ي", "ت", "ن", "أ"} {
		for _, f := range forms {
			out = append(out, pre+strings.TrimPrefix(f, "ي"))
		}
	}
	return out
}

func TestConjugate(t *testing.T) {
	tests := []struct {
		name          string
		past, present string
		wantPast      []string
		wantPresent   []string
	}{
		{
			name: "sound verb", past: "قصف", present: "يقصف",
			wantPast:    []string{"قصف", "قصفت", "قصفوا", "قصفا", "قصفتا", "قصفن", "قصفنا", "قصفتم", "قصفتما"},
			wantPresent: withPrefixes("يقصف", "يقصفون", "يقصفان", "يقصفين", "يقصفن", "يقصفوا", "يقصفا"),
		},
		{
			name: "weak final ى, present in ي", past: "رمى", present: "يرمي",
			wantPast: []string{"رمى", "رمت", "رميت", "رموا", "رميوا", "رما", "رميا", "رمتا", "رميتا", "رمن", "رمين",
				"رمنا", "رمينا", "رمتم", "رميتم", "رمتما", "رميتما"},
			wantPresent: withPrefixes("يرمي", "يرمون", "يرميان", "يرمين", "يرموا", "يرميا"),
		},
		{
			name: "weak final ا, present in و", past: "دعا", present: "يدعو",
			wantPast: []string{"دعا", "دعت", "دعيت", "دعوت", "دعوا", "دعيوا", "دعووا", "دعيا", "دعتا", "دعيتا", "دعوتا",
				"دعن", "دعين", "دعون", "دعنا", "دعينا", "دعونا", "دعتم", "دعيتم", "دعوتم", "دعتما", "دعيتما", "دعوتما"},
			wantPresent: withPrefixes("يدعو", "يدعون", "يدعوان", "يدعين", "يدعوا"),
		},
		{
			name: "weak final ي in the past, phrase", past: "لقي حتفه", present: "يلقى حتفه",
			wantPast: []string{"لقي حتفه", "لقيت حتفه", "لقيوا حتفه", "لقيا حتفه", "لقيتا حتفه", "لقين حتفه", "لقينا حتفه",
				"لقيتم حتفه", "لقيتما حتفه", "لقوا حتفه"},
			wantPresent: withPrefixes("يلقى حتفه", "يلقون حتفه", "يلقىان حتفه", "يلقين حتفه", "يلقىن حتفه", "يلقوا حتفه", "يلقىا حتفه"),
		},
		{
			name: "doubled verb", past: "صد", present: "يصد",
			wantPast: []string{"صد", "صدت", "صدوا", "صدا", "صدتا", "صدن", "صدنا", "صدتم", "صدتما",
				"صددت", "صددن", "صددنا", "صددتم", "صددتما"},
			wantPresent: withPrefixes("يصد", "يصدون", "يصدان", "يصدين", "يصدن", "يصدوا", "يصدا", "يصددن"),
		},
		{
			name: "multi-word phrase inflects its first word", past: "شن هجوما", present: "يشن هجوما",
			wantPast: []string{"شن هجوما", "شنت هجوما", "شنوا هجوما", "شنا هجوما", "شنتا هجوما", "شنن هجوما", "شننا هجوما",
				"شنتم هجوما", "شنتما هجوما", "شننت هجوما", "شننن هجوما", "شنننا هجوما", "شننتم هجوما", "شننتما هجوما"},
			wantPresent: withPrefixes("يشن هجوما", "يشنون هجوما", "يشنان هجوما", "يشنين هجوما", "يشنن هجوما", "يشنوا هجوما",
				"يشنا هجوما", "يشننن هجوما"),
		},
		{
			name: "present not in ي is kept as written", past: "دارت", present: "تدور",
			wantPast:    []string{"دارت", "دارتت", "دارتوا", "دارتا", "دارتتا", "دارتن", "دارتنا", "دارتتم", "دارتتما"},
			wantPresent: []string{"تدور"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			past, present := Conjugate(tt.past, tt.present)
			if !slices.Equal(past, tt.wantPast) {
				t.Errorf("Conjugate(%q, %q) past = %q; want %q", tt.past, tt.present, past, tt.wantPast)
			}
			if !slices.Equal(present, tt.wantPresent) {
				t.Errorf("Conjugate(%q, %q) present = %q; want %q", tt.past, tt.present, present, tt.wantPresent)
			}
		})
	}
}

func TestConjugateShadda(t *testing.T) {
	// forms are compared by their keys: the shadda is a diacritic
	keys := func(forms []string) []string {
		var out []string
		for _, f := range forms {
			out = append(out, Key(f))
		}
		return out
	}
	past, present := Conjugate("شنّ هجوما", "يشنّ هجوما")
	for _, want := range []string{"شنت هجوما", "شنوا هجوما", "شننا هجوما", "شننتم هجوما"} {
		if !slices.Contains(keys(past), want) {
			t.Errorf("Conjugate(شنّ هجوما) past keys = %q; want them to hold %q", keys(past), want)
		}
	}
	if !slices.Contains(keys(present), "يشنون هجوما") {
		t.Errorf("Conjugate(شنّ هجوما) present keys = %q; want them to hold %q", keys(present), "يشنون هجوما")
	}
}

func TestDoubledStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"صد", "صدد"},
		{"صدّ", "صدد"},
		{"صَدَّ", "صدد"},
		{"احتلّ", "احتلل"},
		{"قصف", ""},
		{"ص", ""},
		{"", ""},
		{"ّّ", ""},
	}
	for _, tt := range tests {
		if got := doubledStem(tt.in); got != tt.want {
			t.Errorf("doubledStem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
