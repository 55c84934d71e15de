package tagger_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/ner"
	"github.com/rasd-project/rasd/internal/pipeline"
	"github.com/rasd-project/rasd/internal/tagger"
)

// fake tags the given words (exact token texts) with fixed labels.
type fake map[string]string

func (f fake) Tag(d *doc.Doc, _ ner.Lexicon) []doc.Mention {
	var out []doc.Mention
	for phrase, label := range f {
		words := strings.Fields(phrase)
		for i := 0; i+len(words) <= len(d.Tokens); i++ {
			ok := true
			for j, w := range words {
				if d.TokText(i+j) != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			kind := map[string]doc.MentionKind{"PERS": doc.MPerson, "LOC": doc.MPlace, "ORG": doc.MOrg}[label]
			out = append(out, doc.Mention{Span: d.TokenSpan(i, i+len(words)), Kind: kind, Source: doc.FromNER, Label: label, Score: 0.9})
		}
	}
	return out
}

var (
	once sync.Once
	k    *kb.KB
)

func run(t *testing.T, f fake, text string) *doc.Doc {
	t.Helper()
	once.Do(func() {
		var err error
		if k, err = embedded.Load(kb.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	p := pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{Tagger: tagger.New(f, nil)})...)
	d, err := p.Process(pipeline.Input{Text: text, Format: pipeline.Text, Published: doc.Date{Year: 2024, Month: 3, Day: 5}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCombine checks how learned mentions join the knowledge base's.
// Sentences written for the test.
func TestCombine(t *testing.T) {
	text := "وقال قائد لواء الصقور الجديد أبو خالد العمري إن مقاتليه هاجموا مواقع في كفر زمريقا قرب حلب، وأكدت جامعة حلب تعليق الدوام، وهاجم عناصر من قوات سوريا الديمقراطية مواقع في ريف دير الزور."
	f := fake{
		"لواء الصقور الجديد": "ORG", // armed, unknown to the KB: an actor
		"أبو خالد العمري":    "PERS",
		"كفر زمريقا":         "LOC",
		"جامعة حلب":          "ORG", // not armed: no actor; overlaps the KB place حلب
		"سوريا":              "LOC", // inside a KB actor name: dropped
	}
	d := run(t, f, text)

	all := actorList(d)
	if !strings.Contains(all, "لواء الصقور الجديد=لواء الصقور الجديد") {
		t.Errorf("the armed organisation is not an actor: %s", all)
	}
	if strings.Contains(all, "جامعة") {
		t.Errorf("a university became an actor: %s", all)
	}
	if !strings.Contains(all, "Syrian Democratic Forces") {
		t.Errorf("the KB actor is lost: %s", all)
	}
	var places []string
	for _, p := range d.Places {
		places = append(places, d.SpanText(p.Mention))
	}
	if got := strings.Join(places, " | "); !strings.Contains(got, "كفر زمريقا") {
		t.Errorf("learned place missing: %s", got)
	}
	for _, p := range d.Places {
		if d.SpanText(p.Mention) == "سوريا" {
			t.Errorf("a place inside an actor name: %v", places)
		}
	}
	if len(d.Persons) != 1 {
		t.Fatalf("persons %v; want one", d.Persons)
	}
	p := d.Persons[0]
	if got := d.SpanText(p.Span); got != "أبو خالد العمري" {
		t.Errorf("person %q", got)
	}
	if p.Role != "قائد" || p.Org == nil || p.Org.Name != "لواء الصقور الجديد" || p.Org.Inter != 0 {
		t.Errorf("person role %q org %+v; want قائد of لواء الصقور الجديد with unknown inter", p.Role, p.Org)
	}
}

// TestKBWins drops learned mentions that overlap the knowledge base's and
// those below the score threshold.
func TestKBWins(t *testing.T) {
	text := "قصفت قوات النظام مدينة إدلب."
	d := run(t, fake{"قوات النظام مدينة": "ORG", "إدلب": "PERS"}, text)
	for _, m := range d.Mentions {
		if m.Source == doc.FromNER {
			t.Errorf("learned mention %q kept over the KB", d.SpanText(m.Span))
		}
	}
}

// TestNumberedUnit extends a unit's name over its number and drops a head
// noun alone. Sentences written for the test.
func TestNumberedUnit(t *testing.T) {
	d := run(t, fake{"الكتيبة": "ORG", "فرقة": "ORG"}, "اشتبكت الكتيبة 61 مع مسلحين قرب مقر فرقة في المدينة.")
	got := actorList(d)
	if !strings.Contains(got, "الكتيبة 61=الكتيبة 61") {
		t.Errorf("numbered unit: %s", got)
	}
	if strings.Contains(got, "فرقة") {
		t.Errorf("a head noun alone became an actor: %s", got)
	}
	// a definite word after the number is not part of the name; an
	// indefinite one is
	d = run(t, fake{"اللواء 35 المدعوم": "ORG", "الفرقة 14 مشاة": "ORG"},
		"هاجم مسلحون مقر اللواء 35 المدعوم من الحكومة، وردت الفرقة 14 مشاة بقصف مواقعهم.")
	got = actorList(d)
	if !strings.Contains(got, "اللواء 35=اللواء 35") || strings.Contains(got, "المدعوم") {
		t.Errorf("numbered unit with a definite word after the number: %s", got)
	}
	if !strings.Contains(got, "الفرقة 14 مشاة=الفرقة 14 مشاة") {
		t.Errorf("numbered unit with an indefinite word after the number: %s", got)
	}
	// a unit numbered by an ordinal word is a regular army's formation
	d = run(t, fake{"الفرقة الخامسة عشرة مشاة": "ORG", "اللواء المدرع الثالث": "ORG", "كتيبة الأنصار": "ORG"},
		"انسحبت الفرقة الخامسة عشرة مشاة من المدينة، وتقدم اللواء المدرع الثالث نحو الجسر، واشتبكت كتيبة الأنصار مع المهاجمين.")
	got = actorList(d)
	if strings.Contains(got, "الفرقة") || strings.Contains(got, "المدرع") {
		t.Errorf("a unit numbered by an ordinal became an actor: %s", got)
	}
	if !strings.Contains(got, "كتيبة الأنصار") {
		t.Errorf("a named unit was dropped: %s", got)
	}
}

// actorList lists d's actors as "mention=name", joined by " | ".
func actorList(d *doc.Doc) string {
	var out []string
	for _, a := range d.Actors {
		out = append(out, d.SpanText(a.Span)+"="+a.Name)
	}
	return strings.Join(out, " | ")
}
