package ner

import (
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
)

func TestKBLexicon(t *testing.T) {
	lex := loadLexicon(t)
	tests := []struct {
		phrase string
		want   uint16 // bits that must be set
		not    uint16 // bits that must not be
	}{
		{"الرقة", LexPlace, LexActor},
		{"سوريا", LexCountry, 0},
		{"السورية", LexCountryAdj, LexPlace},
		{"البنتاغون", LexOrg, LexActor},               // a ministry: not armed
		{"القوات الأمنية العراقية", LexActor, LexOrg}, // security forces
		{"قوات الأمن العراقية", LexActor, 0},          // an alias
		{"قرية", LexPlaceCue, LexPlace},
		{"وزارة", LexOrgHead, 0},
		{"ذهب", 0, 0xffff},
		{"زينب", LexPersonName, LexPlace},  // gazetteer/names-arabic.txt
		{"فلاديمير", LexPersonName, 0},     // gazetteer/names-foreign.txt
		{"النجف", LexPlace, LexPersonName}, // a given name the KB knows as a place
	}
	for _, tt := range tests {
		key := arabic.Normalize(tt.phrase)
		c := lex.Classes(key)
		if c&tt.want != tt.want || c&tt.not != 0 {
			t.Errorf("Classes(%q) = %09b; want bits %09b set and %09b clear", key, c, tt.want, tt.not)
		}
	}
}

func TestGazetteer(t *testing.T) {
	es, err := gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	n := map[uint16]int{}
	for _, e := range es {
		n[e.class]++
	}
	if n[LexPersonName] < 2000 {
		t.Errorf("%d given names; want the embedded lists (over 2,000)", n[LexPersonName])
	}
	if _, err := parseGazetteer("names-x.txt", "# comment\n\nجورج\n \u064b\n", LexPersonName); err == nil {
		t.Error("an entry with no words: want an error")
	}
	if es, err := parseGazetteer("names-x.txt", "# comment\n\n جورج \nكي مون\n", LexPersonName); err != nil || len(es) != 2 || es[1].key != "كي مون" {
		t.Errorf("parseGazetteer = %+v, %v", es, err)
	}
	if _, ok := gazetteerClass("places.txt"); ok {
		t.Error("gazetteerClass(places.txt): want no class")
	}
}
