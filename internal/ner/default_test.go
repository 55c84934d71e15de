package ner

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
)

// The embedded KB lexicon and model, loaded once for the tests.
var (
	lexOnce, modelOnce sync.Once
	defLex             Lexicon
	defModel           *Model
	lexErr, modelErr   error
)

func loadLexicon(t testing.TB) Lexicon {
	t.Helper()
	lexOnce.Do(func() {
		var k *kb.KB
		if k, lexErr = embedded.Load(kb.Options{}); lexErr == nil {
			defLex = KBLexicon(k)
		}
	})
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	return defLex
}

func loadDefault(t testing.TB) (*Model, Lexicon) {
	t.Helper()
	lex := loadLexicon(t)
	modelOnce.Do(func() { defModel, modelErr = Default() })
	if modelErr != nil {
		t.Fatal(modelErr)
	}
	return defModel, lex
}

// mention is a mention's text and kind, for comparisons.
type mention struct {
	Text string
	Kind doc.MentionKind
}

func tagText(t testing.TB, text string) ([]doc.Mention, *doc.Doc) {
	m, lex := loadDefault(t)
	d := &doc.Doc{Text: text}
	arabic.Analyze(d)
	return m.Tag(d, lex), d
}

func TestDefaultModel(t *testing.T) {
	m, _ := loadDefault(t)
	info := m.Info()
	if !info.Lexicon || info.Members == 0 || info.Features == 0 || info.FeatureSet != featureSetHash() {
		t.Errorf("default model Info = %+v", info)
	}
	text := "قال المتحدث باسم البنتاغون شون روبرتسون إن القوات الأمريكية وصلت إلى مدينة الرقة"
	ms, d := tagText(t, text)
	got := map[mention]bool{}
	for _, x := range ms {
		got[mention{d.Text[x.StartByte:x.EndByte], x.Kind}] = true
		if x.Source != doc.FromNER || x.Score < 0 || x.Score > 1 {
			t.Errorf("mention %+v: want Source FromNER and a Score in [0,1]", x)
		}
	}
	for _, want := range []mention{{"شون روبرتسون", doc.MPerson}, {"الرقة", doc.MPlace}} {
		if !got[want] {
			t.Errorf("Tag(%q) lacks %v; got %v", text, want, got)
		}
	}
}

func TestTagSpans(t *testing.T) {
	// a proclitic before a name is left out of its span, and a
	// document with several sentences gets mentions in text order
	text := "وصل الوفد إلى بغداد أمس. وقال وزير الخارجية العراقي فؤاد حسين إن المحادثات في بغداد كانت مثمرة."
	ms, d := tagText(t, text)
	var places []string
	last := int32(-1)
	for _, x := range ms {
		if x.StartByte < last {
			t.Errorf("mentions out of order: %v", ms)
		}
		last = x.StartByte
		if x.Kind == doc.MPlace {
			places = append(places, d.Text[x.StartByte:x.EndByte])
		}
	}
	if len(places) != 2 || places[0] != "بغداد" || places[1] != "بغداد" {
		t.Errorf("places = %q; want بغداد twice", places)
	}
	// empty documents
	if ms, _ := tagText(t, ""); len(ms) != 0 {
		t.Errorf("Tag(empty) = %v", ms)
	}
}

// anercorpDir is ANERcorp in the shared data directory, absent in CI.
var anercorpDir = filepath.Join("..", "..", "..", "shared", "data", "anercorp")

// testF1Floor is the default model's overall F1 on the CAMeL test split
// (see README.md) less half a point.
const testF1Floor = 72.84 - 0.5

func TestDefaultModelANERcorp(t *testing.T) {
	path := filepath.Join(anercorpDir, "ANERCorp_CamelLab_test.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("ANERcorp not found: %v", err)
	}
	gold, err := readCoNLLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, lex := loadDefault(t)
	r := Evaluate(m, gold, lex)
	t.Logf("ANERcorp CAMeL test split:\n%s", r)
	if f := 100 * r.Overall.F1(); f < testF1Floor {
		t.Errorf("overall F1 %.2f; want at least %.2f", f, testF1Floor)
	}
}
