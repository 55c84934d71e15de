package actor

import (
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// TestRolesData checks the embedded role list parses and is not empty.
func TestRolesData(t *testing.T) {
	rs, err := parseRoles(rolesTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) < 20 {
		t.Fatalf("%d roles; want the full list", len(rs))
	}
	for i := 1; i < len(rs); i++ {
		if len(rs[i].words) > len(rs[i-1].words) {
			t.Fatalf("roles not longest first at %d", i)
		}
	}
}

func TestParseRolesErrors(t *testing.T) {
	for _, text := range []string{
		"role\torg\nالمتحدث باسم\tmaybe\n",
		"role\torg\nالمتحدث باسم\n",
		"role\torg\n \tyes\n",
	} {
		if _, err := parseRoles(text); err == nil {
			t.Errorf("parseRoles(%q): no error", text)
		}
	}
}

func TestWordIs(t *testing.T) {
	tests := []struct {
		tok, w string
		first  bool
		want   bool
	}{
		{"المتحدث", "المتحدث", true, true},
		{"والمتحدث", "المتحدث", true, true},
		{"للمتحدث", "المتحدث", true, true},
		{"وللمتحدث", "المتحدث", true, true},
		{"لقائد", "قائد", true, true},
		{"والمتحدث", "المتحدث", false, false},
		{"المتحدثون", "المتحدث", true, false},
		{"باسم", "باسم", false, true},
	}
	for _, tc := range tests {
		if got := wordIs(tc.tok, tc.w, tc.first); got != tc.want {
			t.Errorf("wordIs(%q, %q, %v) = %v; want %v", tc.tok, tc.w, tc.first, got, tc.want)
		}
	}
}

func TestDictionaryForm(t *testing.T) {
	d := &doc.Doc{Text: "وقصفت مواقع للكتيبة 61 قرب المدينة"}
	arabic.Analyze(d)
	// the span of "كتيبة 61" after the لل of the first token
	var sp doc.Span
	for i := range d.Tokens {
		if d.TokText(i) == "للكتيبة" {
			sp = d.TokenSpan(i, i+2)
			sp.StartByte += int32(len("لل"))
		}
	}
	if got := d.SpanText(sp); got != "كتيبة 61" {
		t.Fatalf("span %q", got)
	}
	if got := dictionaryForm(d, sp); got != "الكتيبة 61" {
		t.Errorf("dictionaryForm = %q; want الكتيبة 61", got)
	}
}
