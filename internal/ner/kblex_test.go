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
	}
	for _, tt := range tests {
		key := arabic.Normalize(tt.phrase)
		c := lex.Classes(key)
		if c&tt.want != tt.want || c&tt.not != 0 {
			t.Errorf("Classes(%q) = %09b; want bits %09b set and %09b clear", key, c, tt.want, tt.not)
		}
	}
}
